"""How clauses shape events: the time a postponement, gerund, relative or when-clause gives
or does not give, conjuncts the parser splits, talks ending without a deal, statements
quoted from, and plans called off with a cancelled visit.

The whole pipeline runs (timex, actors, events), as `dateline extract` does.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dateline.model import Article

pytestmark = pytest.mark.model
DCT = date(2026, 2, 17)  # a Tuesday


def events(nlp: Any, text: str, dct: date = DCT) -> list[dict[str, Any]]:
    from dateline.extract import extract

    return list(extract(Article(text=text, dct=dct), nlp=nlp)["events"])


def of_type(found: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [e for e in found if e["type"] == kind]


def test_the_time_of_a_postponement_is_not_the_new_time(nlp: Any) -> None:
    text = (
        "Brazilian President Luiz Inacio Lula da Silva will make a state visit to Japan "
        "from March 9 to 12, after the trip was postponed last month."
    )
    [visit] = of_type(events(nlp, text), "VISIT")
    assert visit["status"] == "planned"
    assert visit["time"]["value"] == "2026-03-09/2026-03-12"


def test_the_two_governments_are_the_two_latest_countries(nlp: Any) -> None:
    text = (
        "Brazilian President Luiz Inacio Lula da Silva will visit Japan next month. "
        "The two governments are expected to sign an agreement on minerals."
    )
    [agree] = of_type(events(nlp, text), "AGREE")
    assert sorted(agree["source"]) == ["BRA", "JPN"]


def test_agreeing_to_a_truce_is_the_agreement_itself(nlp: Any) -> None:
    text = (
        "If the talks succeed, Israel and Hamas will sign a deal on prisoners. "
        "Israel and Hamas agreed to the first phase of the truce in October."
    )
    deal, truce = of_type(events(nlp, text), "AGREE")
    assert deal["status"] == "possible"
    assert truce["status"] == "occurred" and truce["time"]["value"] == "2025-10"
    assert sorted(truce["source"]) == ["ISR", "hamas"]


def test_a_conjunct_the_parser_hangs_on_the_next_name_still_takes_part(nlp: Any) -> None:
    text = "Analysts say Putin and Chinese President Xi Jinping could meet as early as next month."
    [meet] = of_type(events(nlp, text), "MEET")
    assert meet["status"] == "possible"
    assert meet["source"] == ["vladimir-putin", "xi-jinping"]


def test_the_latest_occasion_of_a_visit_history_is_an_event_of_its_own(nlp: Any) -> None:
    text = (
        "Narendra Modi has travelled to Japan three times since 2019, most recently in "
        "August 2025, when he attended a summit of the Quad in Tokyo."
    )
    found = events(nlp, text)
    history, latest = of_type(found, "VISIT")
    assert history["time"]["value"] is None and latest["time"]["value"] == "2025-08"
    assert history["source"] == latest["source"] == ["narendra-modi"]
    [summit] = of_type(found, "MEET")
    assert summit["source"][0] == "narendra-modi" and summit["time"]["value"] == "2025-08"


def test_attending_a_ceremony_is_a_visit_and_a_led_delegation_no_target(nlp: Any) -> None:
    text = (
        "Argentine President Javier Milei attended the inauguration in La Paz. "
        "US Secretary of State Marco Rubio led the American delegation to the inauguration."
    )
    visits = of_type(events(nlp, text), "VISIT")
    assert [(v["source"], v["status"]) for v in visits] == [
        (["javier-milei"], "occurred"),
        (["marco-rubio"], "occurred"),
    ]
    assert "USA" not in visits[1]["target"]


def test_the_same_people_in_a_conjoined_clause_share_its_occasion(nlp: Any) -> None:
    text = (
        "Penny Wong held talks with Japanese Foreign Minister Takeshi Iwaya on Monday, "
        "and the two ministers signed an agreement on maritime security."
    )
    found = events(nlp, text)
    [agree] = of_type(found, "AGREE")
    assert agree["time"]["value"] == "2026-02-16"


def test_what_a_meeting_is_held_for_is_done_where_it_is_held(nlp: Any) -> None:
    text = "Fishing unions of Chile and Peru will meet in Arica on Friday to discuss quotas."
    found = events(nlp, text)
    assert {e["location"] for e in of_type(found, "DISCUSS")} == {"Arica"}
    # a purpose of another act than gathering is not done where the act is
    urged = "The European Commission urged Serbia and Kosovo in Brussels to negotiate a deal."
    assert {e["location"] for e in of_type(events(nlp, urged), "DISCUSS")} <= {None}
    # nor is an event the purpose is about ('to prepare the summit')
    prepared = (
        "The foreign ministers of Chile and Peru met in Arica in January to prepare the "
        "summit. President Ruiz will host the summit in Santiago on March 5."
    )
    planned = [e for e in of_type(events(nlp, prepared), "MEET") if e["status"] == "planned"]
    assert planned and all(e["location"] != "Arica" for e in planned)


def test_two_subjects_the_parser_splits_both_take_part(nlp: Any) -> None:
    text = (
        "South Korean President Lee Jae-myung and Japanese Prime Minister Sanae Takaichi "
        "spoke by phone for about 30 minutes on Monday."
    )
    [call] = of_type(events(nlp, text), "MEET")
    assert call["source"] == ["lee-jae-myung", "sanae-takaichi"]


def test_the_time_of_a_gerund_clause_is_not_the_events(nlp: Any) -> None:
    text = (
        "Sanae Takaichi will visit Seoul in late May. It would be her first visit "
        "to South Korea since taking office in October."
    )
    [visit] = of_type(events(nlp, text), "VISIT")
    assert visit["time"]["value"] == "2026-05" and visit["status"] == "planned"


def test_talks_ending_without_an_agreement_negate_the_parties_agreement(nlp: Any) -> None:
    text = (
        "Talks between Israel and Hamas ended in Cairo on Wednesday without an agreement. "
        "Benjamin Netanyahu denied that Israel had agreed to any timetable."
    )
    found = of_type(events(nlp, text), "AGREE")
    assert [(e["status"], e["time"]["value"]) for e in found] == [
        ("negated", "2026-02-11"),
        ("negated", None),
    ]
    assert sorted(found[0]["source"]) == ["ISR", "hamas"]


def test_meeting_without_signing_negates_the_signing(nlp: Any) -> None:
    text = "Putin and Xi met in Beijing on Monday without signing a deal."
    [agree] = of_type(events(nlp, text), "AGREE")
    assert agree["status"] == "negated"


def test_a_statement_one_is_quoted_from_was_made(nlp: Any) -> None:
    text = (
        "Javier Milei and Gabriel Boric agreed to resume negotiations next month, "
        "according to a statement from the Chilean presidency."
    )
    [statement] = of_type(events(nlp, text), "STATEMENT")
    assert statement["status"] == "occurred" and statement["source"] == ["CHL"]


def test_media_and_rights_groups_speak_and_report(nlp: Any) -> None:
    text = (
        "Human Rights Watch said on Monday that the police had used excessive force. "
        "The Wall Street Journal reported that the talks had ended."
    )
    statements = of_type(events(nlp, text), "STATEMENT")
    assert [s["source"] for s in statements] == [["human-rights-watch"], ["wall-street-journal"]]


def test_bare_talks_in_a_time_phrase_are_the_subjects_talks(nlp: Any) -> None:
    text = (
        "Indonesian President Prabowo Subianto and Turkish President Recep Tayyip Erdogan "
        "visited the palace. The two leaders witnessed the signing after talks."
    )
    [talks] = of_type(events(nlp, text), "MEET")
    assert sorted(talks["source"]) == ["prabowo-subianto", "recep-tayyip-erdogan"]


def test_what_talks_are_about_is_no_event(nlp: Any) -> None:
    text = "Talks between Israel and Hamas on the next phase of the Gaza ceasefire ended on Monday."
    found = events(nlp, text)
    assert [e["type"] for e in found] == ["MEET"]


def test_a_week_long_tour_begun_yesterday_is_under_way(nlp: Any) -> None:
    text = "Penny Wong arrived in Hanoi on Monday at the start of a week-long tour of Asia."
    [visit] = of_type(events(nlp, text), "VISIT")
    assert visit["status"] == "ongoing"
    assert visit["time"]["value"] == "2026-02-16/2026-02-22"


def test_a_relative_clause_telling_the_events_extent_dates_it(nlp: Any) -> None:
    text = (
        "Talks between Israel and Hamas ended in Cairo on Wednesday. Mediators shuttled "
        "between the delegations during the talks, which ran from February 9 to 11."
    )
    [talks] = of_type(events(nlp, text), "MEET")
    assert talks["time"]["value"] == "2026-02-09/2026-02-11"


@pytest.mark.parametrize(
    ("text", "window"),
    [
        (
            "Subrahmanyam Jaishankar will attend the meeting in Moscow on March 15 and 16.",
            "2026-03-15/2026-03-16",
        ),
        ("Narendra Modi will visit Manila on Saturday and Sunday.", "2026-02-21/2026-02-22"),
    ],
)
def test_a_day_and_the_next_are_one_span(nlp: Any, text: str, window: str) -> None:
    # attending a meeting abroad is a meeting and a visit, at one time
    found = [e for e in events(nlp, text) if e["type"] in ("MEET", "VISIT")]
    assert found and {e["time"]["value"] for e in found} == {window}


def test_a_protest_during_which_something_happened_on_sunday_was_on_sunday(nlp: Any) -> None:
    text = "Police detained about 40 students in Ankara on Sunday during a protest."
    [protest] = of_type(events(nlp, text), "PROTEST")
    assert protest["time"]["value"] == "2026-02-15"


def test_since_an_occasion_in_a_month_opens_a_window(nlp: Any) -> None:
    text = (
        "Subrahmanyam Jaishankar and Ishaq Dar have not held talks since the conflict "
        "between the two countries in May 2025."
    )
    [talks] = of_type(events(nlp, text), "MEET")
    assert talks["status"] == "negated" and talks["time"]["value"] is None
    assert talks["time"]["earliest"] == "2025-05-01"


def test_the_ministry_speaks_for_the_sentences_subject_and_a_visit_takes_its_purposes_day(
    nlp: Any,
) -> None:
    text = (
        "Subrahmanyam Jaishankar will attend the meeting on March 15 and 16 and then fly "
        "to Moscow for talks with Russian Foreign Minister Sergey Lavrov the following day, "
        "the ministry said."
    )
    found = events(nlp, text)
    [statement] = of_type(found, "STATEMENT")
    assert statement["source"] == ["IND"]
    [visit] = of_type(found, "VISIT")
    assert visit["time"]["value"] == "2026-03-17"


def test_talks_planned_within_a_cancelled_visit_are_called_off_with_it(nlp: Any) -> None:
    text = (
        "French President Emmanuel Macron has cancelled a state visit to Morocco that was due "
        "to take place on Thursday and Friday. Macron had been scheduled to hold talks with "
        "King Mohammed VI in Rabat on Friday."
    )
    found = events(nlp, text)
    [visit] = of_type(found, "VISIT")
    [talks] = of_type(found, "MEET")
    assert visit["status"] == talks["status"] == "negated"
    assert talks["time"]["value"] == "2026-02-20"


def test_a_when_clause_on_a_date_takes_that_date(nlp: Any) -> None:
    text = (
        "Emmanuel Macron last visited Morocco in October 2024, when the two countries "
        "signed contracts worth 10 billion euros."
    )
    [agree] = of_type(events(nlp, text), "AGREE")
    assert agree["time"]["value"] == "2024-10"


def test_a_warning_that_troops_would_return_fire_is_a_threat(nlp: Any) -> None:
    text = "Thailand warned that its troops would return fire if Cambodian forces attacked."
    [threat] = of_type(events(nlp, text), "THREATEN")
    assert threat["source"] == ["THA"]


def test_telling_about_a_conditional_meeting_happened(nlp: Any) -> None:
    text = (
        "Sanae Takaichi could meet Li Qiang on the margins if time allows, "
        "a Japanese government official told reporters."
    )
    found = events(nlp, text)
    assert [(e["type"], e["status"]) for e in found] == [
        ("MEET", "possible"),
        ("STATEMENT", "occurred"),
    ]


def test_talks_in_a_when_clause_take_the_visits_month(nlp: Any) -> None:
    text = "Cyril Ramaphosa visited Washington in May 2025, when he held talks with Donald Trump."
    [talks] = of_type(events(nlp, text), "MEET")
    assert talks["time"]["value"] == "2025-05"


def test_the_foreign_office_is_britains_foreign_ministry(nlp: Any) -> None:
    text = "Britain imposed sanctions on two refineries on Wednesday, the Foreign Office said."
    [statement] = of_type(events(nlp, text), "STATEMENT")
    assert statement["source"] == ["gbr-foreign-ministry"]


def test_a_lead_in_the_present_perfect_takes_the_day_the_article_restates(nlp: Any) -> None:
    # synthetic: the lead has no date; the next paragraph tells the same act on Monday
    text = (
        "The Estonian parliament has ratified a border treaty with Latvia.\n\n"
        "Lawmakers voted 80-to-11 Monday in favor of the treaty."
    )
    [agree] = of_type(events(nlp, text), "AGREE")
    assert agree["status"] == "occurred"
    assert agree["time"]["value"] == "2026-02-16"


def test_a_lead_takes_the_day_its_actor_acts_in_the_next_sentence(nlp: Any) -> None:
    text = (
        "Finland's defense ministry has issued a statement urging calm on the border. "
        "The ministry also warned Tuesday that it would retaliate against any attack."
    )
    [statement] = [
        e
        for e in of_type(events(nlp, text), "STATEMENT")
        if "statement" in e["evidence"][0]["sentence"]
    ]
    assert statement["time"]["value"] == "2026-02-17"


def test_a_lead_keeps_no_day_that_lies_weeks_back(nlp: Any) -> None:
    text = (
        "The Estonian parliament has ratified a border treaty with Latvia.\n\n"
        "The parliament condemned Russia's military exercises on January 5."
    )
    [agree] = of_type(events(nlp, text), "AGREE")
    assert agree["time"]["value"] is None


def test_a_copular_relative_clause_keeps_its_date_to_its_noun(nlp: Any) -> None:
    text = (
        "The pact limits each nation to 1,550 warheads, which is 30 percent lower than "
        "the 2002 limit."
    )
    assert all(e["time"]["value"] != "2002" for e in events(nlp, text))


def test_a_cancelled_event_does_not_take_the_day_it_was_called_off(nlp: Any) -> None:
    text = "Rice scrubbed a planned visit to Africa last week because of consultations."
    [visit] = of_type(events(nlp, text), "VISIT")
    assert visit["status"] == "negated"
    assert visit["time"]["value"] is None


def test_what_caused_a_cancellation_happened(nlp: Any) -> None:
    text = "Rice cancelled a visit to Kenya because of talks with Israel in Washington."
    [talks] = of_type(events(nlp, text), "MEET") + of_type(events(nlp, text), "DISCUSS")
    assert talks["status"] == "occurred"


def test_attending_a_forum_abroad_is_a_visit_with_the_forums_place(nlp: Any) -> None:
    text = (
        "Secretary of State Condoleezza Rice will not attend next week's regional forum "
        "with leaders of Southeast Asian countries in Manila."
    )
    found = events(nlp, text)
    [meet] = of_type(found, "MEET")
    [visit] = of_type(found, "VISIT")
    assert meet["location"] == visit["location"] == "Manila"
    assert visit["status"] == meet["status"] == "negated"
    assert visit["source"] == ["condoleezza-rice"] and visit["target"] == ["PHL"]


def test_attending_a_summit_at_home_is_no_visit(nlp: Any) -> None:
    found = events(nlp, "Russian President Vladimir Putin attended the summit in Moscow.")
    assert of_type(found, "MEET") and not of_type(found, "VISIT")


def test_attending_without_an_object_visits_the_meeting_told_before(nlp: Any) -> None:
    text = (
        # a host's talks with one guest: no guest visit of a meeting abroad (guide19)
        "Andrzej Duda and Olaf Scholz will hold talks in Warsaw on February 24. "
        "Giorgia Meloni said on Monday that she would not attend."
    )
    [visit] = of_type(events(nlp, text), "VISIT")
    assert visit["source"] == ["giorgia-meloni"] and visit["status"] == "negated"
    assert visit["location"] == "Warsaw" and visit["time"]["value"] == "2026-02-24"


def test_attending_a_meeting_named_again_with_no_place_visits_the_one_told_first(
    nlp: Any,
) -> None:
    # 'the summit is off' tells no place: the attendance goes to the summit told first
    text = (
        "The summit of Chile, Peru and Bolivia that was scheduled for February 20 in Lima "
        "will not take place. Yes, the office told us this morning that the summit is off. "
        "La Paz informed Santiago last week that President Luis Arce would not attend."
    )
    [visit] = of_type(events(nlp, text), "VISIT")
    assert visit["source"] == ["luis-arce"] and visit["status"] == "negated"
    assert visit["location"] == "Lima" and visit["time"]["value"] == "2026-02-20"


def test_a_country_represented_at_a_gathering_told_before_sends_its_representative(
    nlp: Any,
) -> None:
    text = (
        "Leaders of the Pacific states will meet in Suva on March 3. "
        "Australia will be represented by Foreign Minister Penny Wong."
    )
    [visit] = of_type(events(nlp, text), "VISIT")
    assert visit["source"] == ["penny-wong"] and visit["status"] == "planned"
    assert visit["location"] == "Suva" and visit["time"]["value"] == "2026-03-03"
    # the occasion attended, told with its place, not later talks told with none
    occasion = (
        "Kenya's President William Ruto will attend the inauguration in Accra on March 3. "
        "Ruto will also hold talks with the new president on Wednesday. "
        "South Africa will be represented by Deputy President Thandeka Mokoena."
    )
    sent = [v for v in of_type(events(nlp, occasion), "VISIT") if "william-ruto" not in v["source"]]
    assert [(v["source"], v["location"]) for v in sent] == [(["thandeka-mokoena"], "Accra")]
    # represented with no gathering told, or as an object: nobody travels
    for alone in (
        "Norway was represented by its ambassador.",
        "The union represents workers at the port.",
    ):
        assert not of_type(events(nlp, alone), "VISIT")


def test_staying_away_with_a_reason_misses_the_occasion_attended_before(nlp: Any) -> None:
    # the reason ('because of …') names no gathering; the occasion is the inauguration the
    # attendances before tell, not the talks told between them
    text = (
        "Kenya's President William Ruto will attend the inauguration in Accra on March 3. "
        "Ruto will also hold talks with the new president on Wednesday. "
        "South Africa will be represented by Deputy President Thandeka Mokoena. "
        "President Sello Dube will not attend because of a cabinet meeting, Pretoria said."
    )
    [away] = [v for v in of_type(events(nlp, text), "VISIT") if "sello-dube" in v["source"]]
    assert (away["status"], away["location"]) == ("negated", "Accra")
    assert away["time"]["value"] == "2026-03-03"  # the inauguration's day, not the talks'


def test_attending_in_a_clause_hung_on_the_meetings_date_visits_the_meeting(nlp: Any) -> None:
    text = (
        "Ana Lopes of Chile spoke with Kaito Mori on Monday. The two leaders agreed to meet on "
        "the margins of the NATO summit in Ankara on 7-8 July, which Lopes will attend."
    )
    [visit] = of_type(events(nlp, text), "VISIT")
    assert [s.lower() for s in visit["source"]] in (["ana-lopes"], ["lopes"])
    assert visit["status"] == "planned" and visit["location"] == "Ankara"
    assert visit["time"]["value"] == "2026-07-07/2026-07-08"  # the summit's days


def test_attending_without_an_object_at_home_or_with_no_meeting_is_no_visit(nlp: Any) -> None:
    at_home = (
        "Andrzej Duda and Olaf Scholz will hold talks in Warsaw on February 24. "
        "Donald Tusk will attend."
    )
    assert not of_type(events(nlp, at_home), "VISIT")
    nothing_told = "The minister said the vote was a mistake. Giorgia Meloni will not attend."
    assert not of_type(events(nlp, nothing_told), "VISIT")


def test_a_delegation_led_with_no_destination_goes_to_the_gathering_told_before(
    nlp: Any,
) -> None:
    text = (
        "Kenya's President William Ruto will attend the inauguration of Ghana's president in "
        "Accra on Tuesday, February 24. Togo's President Faure Gnassingbe cancelled his "
        "attendance on Monday. His foreign minister, Robert Dussey, will lead the Togolese "
        "delegation instead."
    )
    [led] = [v for v in of_type(events(nlp, text), "VISIT") if "robert-dussey" in v["source"]]
    assert led["location"] == "Accra" and led["time"]["value"] == "2026-02-24"


def test_a_stand_in_sent_with_no_destination_goes_to_the_gathering_for_the_country(
    nlp: Any,
) -> None:
    text = (
        "Leaders of the African Union met in Kigali on February 3. "
        "Gabonese President Paul Ndong stayed home and sent a deputy minister. "
        "China sent a special envoy."
    )
    sent = of_type(events(nlp, text), "VISIT")
    assert sorted((v["source"][0], v["location"], v["time"]["value"]) for v in sent) == [
        ("CHN", "Kigali", "2026-02-03"),
        ("GAB", "Kigali", "2026-02-03"),
    ]
    # 'that meeting' refers back to the meeting told with its place and day
    instead = (
        "Ministers of the Shanghai Cooperation Organisation met in Astana on February 5. "
        "Gabonese President Paul Ndong did not attend that meeting and sent a deputy "
        "minister instead."
    )
    [deputy] = [v for v in of_type(events(nlp, instead), "VISIT") if v["status"] == "occurred"]
    assert deputy["source"] == ["GAB"]  # the country, not the president who stayed home
    assert deputy["location"] == "Astana" and deputy["time"]["value"] == "2026-02-05"
    # sent to a place of its own: there, for the sender
    placed = "Chile will send a trade mission to Vietnam in November."
    [mission] = of_type(events(nlp, placed), "VISIT")
    assert (mission["source"], mission["location"]) == (["CHL"], "Vietnam")


def test_withdrawing_from_a_gathering_told_before_is_a_visit_not_made(nlp: Any) -> None:
    # the withdrawal's own day ('last week', 'on Friday') is not the visit's: the attendee
    # stays away from the summit's days
    told = "Leaders of the Indian Ocean states will meet in Colombo on March 8 and 9. "
    for away in (
        "President Ali Nasheed of the Maldives, who had confirmed, withdrew last week.",
        "President Ali Nasheed of the Maldives pulled out of the summit on Friday.",
        "President Ali Nasheed of the Maldives will stay away from the summit.",
    ):
        [visit] = of_type(events(nlp, told + away), "VISIT")
        assert visit["source"] == ["ali-nasheed"] and visit["status"] == "negated"
        assert visit["location"] == "Colombo"
        assert visit["time"]["value"] == "2026-03-08/2026-03-09"
    # in a relative clause on the attendee, and an attendance called off
    occasion = "Kenya's President William Ruto will attend the inauguration in Accra on March 3. "
    for away in (
        "Togo's President Faure Gnassingbe, who pulled out on Friday, is not coming.",
        "Togo's President Faure Gnassingbe cancelled his attendance on Friday.",
    ):
        found = of_type(events(nlp, occasion + away), "VISIT")
        [visit] = [v for v in found if v["source"] == ["faure-gnassingbe"]]
        assert (visit["status"], visit["location"]) == ("negated", "Accra")
        assert visit["time"]["value"] == "2026-03-03"
    # troops withdrawn, a body or a role left, a withdrawal not told, or nothing to stay
    # away from: no visit
    for other in (
        told + "Kenya withdrew its troops from Somalia on Friday.",
        told + "Britain withdrew from the European Union in 2020.",
        told + "Sri Lanka will host the summit after Mauritius withdrew as host.",
        told + "President Ali Nasheed of the Maldives did not say he would stay away.",
        "Kenya's foreign minister Musalia Mudavadi withdrew last week.",
    ):
        assert not of_type(events(nlp, other), "VISIT")


def test_a_bare_coming_or_staying_home_tells_the_attendance_of_the_gathering_told_before(
    nlp: Any,
) -> None:
    told = "Leaders of the Indian Ocean states will meet in Colombo on March 8 and 9. "
    [visit] = of_type(events(nlp, told + "Zimbabwe said its president would not come."), "VISIT")
    assert (visit["source"], visit["status"]) == (["ZWE"], "negated")
    assert visit["location"] == "Colombo" and visit["time"]["value"] == "2026-03-08/2026-03-09"
    held = "Leaders of the Indian Ocean states met in Colombo on February 10. "
    home = "Djibouti's President Ismail Guelleh, who was invited to Colombo, stayed at home."
    [visit] = of_type(events(nlp, held + home), "VISIT")
    assert (visit["source"], visit["status"]) == (["ismail-guelleh"], "negated")
    assert visit["location"] == "Colombo" and visit["time"]["value"] == "2026-02-10"
    # a coming with a phrase of its own, or a stay somewhere, is no attendance
    for other in (
        told + "The decision comes after weeks of talks. Prices came down.",
        held + "President Ismail Guelleh stayed in Colombo for two days.",
    ):
        assert not of_type(events(nlp, other), "VISIT")


def test_a_stay_at_home_of_someone_told_as_expected_is_staying_away(nlp: Any) -> None:
    # 'stayed in <city>' of someone a relative clause tells was expected (due to attend,
    # invited, to accompany the leader) is the attendance not made
    held = "Leaders of the Indian Ocean states met in Colombo on February 10. "
    for home in (
        "Djibouti's President Ismail Guelleh, who had been due to attend, stayed in Djibouti.",
        "Djibouti's President Ismail Guelleh, who was invited to Colombo, stayed in Djibouti.",
        "Djibouti's foreign minister Ali Hassan, who was to accompany him, stayed in Djibouti.",
    ):
        [visit] = of_type(events(nlp, held + home), "VISIT")
        assert visit["status"] == "negated" and visit["location"] == "Colombo"
        assert visit["time"]["value"] == "2026-02-10"
    # a relative clause that tells no coming, or a plan of something else: a stay there
    for other in (
        "Djibouti's President Ismail Guelleh, who was elected in 2021, stayed in Colombo.",
        "Djibouti's President Ismail Guelleh, who is due to retire in May, stayed in Colombo.",
    ):
        assert not of_type(events(nlp, held + other), "VISIT")


def test_returning_from_a_place_or_a_trip_there_tells_the_trip_made(nlp: Any) -> None:
    # the 'from' phrase names where the trip went (a place, or a trip or gathering in it);
    # the return's own time dates the trip at its grain
    minister = "Kenyan Foreign Minister Musalia Mudavadi"
    for back, place in (
        (" returned last month from a three-day visit to China.", "China"),
        (" returned last month from a conference in Auckland.", "Auckland"),
        (" returned last month from Luanda.", "Luanda"),
    ):
        [visit] = of_type(events(nlp, minister + back), "VISIT")
        assert visit["source"] == ["musalia-mudavadi"] and visit["status"] == "occurred"
        assert visit["location"] == place and visit["time"]["value"] == "2026-01"
    # a return on a day from a trip of a stated length: the trip's days end that day
    back = minister + " returned on Monday from a three-day visit to China."
    [visit] = of_type(events(nlp, back), "VISIT")
    assert visit["time"]["value"] == "2026-02-14/2026-02-16"
    # no place, forces withdrawn, a place at home, a return still to come, a journey home,
    # a traveller told by a pronoun: no trip of this rule
    for other in (
        minister + " returned from exile in 2019.",
        "Kenyan troops returned from Somalia last month.",
        minister + " returned from Mombasa last month.",
        minister + " will return from Addis Ababa on Friday.",
        minister + " spoke to reporters. He returned from a trip to Paris last month.",
    ):
        assert not of_type(events(nlp, other), "VISIT")


def test_leaving_a_place_at_the_end_of_a_visit_is_the_visit_ending_that_day(nlp: Any) -> None:
    # the one leaving made the visit, to the place left, whose stated length ends on the
    # leaving day (Monday, February 16); a visit left after names its own place
    ended = (
        "Kenyan President William Ruto left Addis Ababa on Monday at the end of a three-day visit."
    )
    [visit] = of_type(events(nlp, ended), "VISIT")
    assert (visit["source"], visit["status"]) == (["william-ruto"], "occurred")
    assert visit["location"] == "Addis Ababa"
    assert visit["time"]["value"] == "2026-02-14/2026-02-16"
    home = (
        "Kenyan President William Ruto flew home on Monday at the end of a three-day visit "
        "to Ethiopia."
    )
    [visit] = of_type(events(nlp, home), "VISIT")
    assert (visit["source"], visit["location"]) == (["william-ruto"], "Ethiopia")
    assert visit["time"]["value"] == "2026-02-14/2026-02-16"
    # a visit whose traveller the sentence names already keeps them
    named = (
        "Kenyan President William Ruto left Addis Ababa on Monday at the end of "
        "Mudavadi's three-day visit."
    )
    assert all(v["source"] != ["william-ruto"] for v in of_type(events(nlp, named), "VISIT"))


def test_no_longer_able_to_attend_is_an_attendance_called_off(nlp: Any) -> None:
    text = (
        "Kenya's President William Ruto will attend the inauguration in Accra on March 3. "
        "Togo's President Faure Gnassingbe is no longer able to attend."
    )
    found = of_type(events(nlp, text), "VISIT")
    [visit] = [v for v in found if v["source"] == ["faure-gnassingbe"]]
    assert (visit["status"], visit["location"]) == ("negated", "Accra")
    assert visit["time"]["value"] == "2026-03-03"


def test_a_gathering_told_by_its_proper_name_is_a_meeting_of_the_pair_it_names(nlp: Any) -> None:
    called_off = (
        "The India-Argentina Business Forum, which was to be held in Rosario on March 20, "
        "was cancelled."
    )
    [meet] = of_type(events(nlp, called_off), "MEET")
    assert meet["status"] == "negated" and {"ARG", "IND"} <= set(meet["source"])
    held = "The India-Argentina Business Forum was held in Buenos Aires on Monday."
    [meet] = of_type(events(nlp, held), "MEET")
    assert (meet["status"], meet["location"]) == ("occurred", "Buenos Aires")
    assert meet["time"]["value"] == "2026-02-16"
    # a forum of many named for the pair is no talks of the pair's people: an invitation
    # told after it is not dated by it
    invited = held + (
        " India's foreign minister extended an invitation to Argentina's foreign minister to "
        "visit India."
    )
    [invite] = of_type(events(nlp, invited), "INVITE")
    assert invite["time"]["value"] is None
    # the body of that name, saying something, holds no meeting
    said = "The World Economic Forum said on Monday that growth would slow."
    assert not of_type(events(nlp, said), "MEET")
    # a gathering told by its name alone, held or to be held, is a meeting at its place
    # (docs/annotation.md, "A gathering told by its name alone", guide20c)
    [forum] = of_type(
        events(nlp, "The Eastern Economic Forum will be held in Vladivostok in September."), "MEET"
    )
    assert forum["status"] == "planned"


def test_the_parties_that_open_talks_hold_them(nlp: Any) -> None:
    text = (
        "Tajikistan and Uzbekistan opened talks on sharing the waters of the two rivers on Monday."
    )
    [talks] = of_type(events(nlp, text), "MEET")
    assert sorted(talks["source"]) == ["TJK", "UZB"]
    assert talks["time"]["value"] == "2026-02-16"  # the talks' day, not the sharing's


def test_the_day_talks_were_announced_is_not_their_day(nlp: Any) -> None:
    text = "Talks between Kenya and Tanzania were announced on February 2."
    [talks] = of_type(events(nlp, text), "MEET")
    assert talks["time"]["value"] != "2026-02-02"


def test_a_pronoun_that_puts_off_or_calls_off_the_plan_told_before_changes_it(
    nlp: Any,
) -> None:
    put_off = (
        "Talks between Japan and China had been set for late March in Beijing. "
        "They were pushed back."
    )
    [talks] = of_type(events(nlp, put_off), "MEET")
    assert (talks["status"], talks["change"]) == ("planned", "postponed")
    assert talks["time"] is None or talks["time"]["value"] is None  # no new date yet
    called_off = (
        "Talks between Japan and China had been set for March 20 in Beijing. "
        "They were called off on Monday."
    )
    [talks] = of_type(events(nlp, called_off), "MEET")
    assert (talks["status"], talks["change"]) == ("negated", "cancelled")
    assert talks["time"]["value"] == "2026-03-20"  # the time it had been set for
    # a plan told as under way or done is not the one a pronoun calls off
    done = "Japan and China held talks in Beijing on February 10. They were cancelled."
    [talks] = of_type(events(nlp, done), "MEET")
    assert talks["status"] == "occurred"


def test_a_plan_called_off_by_a_decision_keeps_the_time_it_was_planned_for(nlp: Any) -> None:
    # the parser hangs 'planned for April 12' on 'decided', not on the visit
    text = (
        "Kenya's President William Ruto has decided to cancel his state visit to Japan, "
        "planned for April 12."
    )
    [visit] = of_type(events(nlp, text), "VISIT")
    assert (visit["status"], visit["time"]["value"]) == ("negated", "2026-04-12")
    # the deciding's own day is not the time of the visit called off
    decided = "Kenya's President William Ruto decided on Monday to cancel his visit to Japan."
    [visit] = of_type(events(nlp, decided), "VISIT")
    assert visit["status"] == "negated"
    assert visit["time"] is None or visit["time"]["value"] != "2026-02-16"


def test_no_longer_calls_a_plan_off(nlp: Any) -> None:
    text = "Tanzanian Trade Minister Joseph Mwakalinga will no longer travel to Mombasa next week."
    [visit] = of_type(events(nlp, text), "VISIT")
    assert (visit["status"], visit["change"]) == ("negated", "cancelled")
    assert visit["time"]["value"] == "2026-W09"  # the time it had been planned for


def test_the_purpose_of_a_journey_under_way_lies_ahead(nlp: Any) -> None:
    found = events(nlp, "President Bush has arrived in Hanoi for talks with Vietnam's leaders.")
    [talks] = of_type(found, "MEET")
    assert talks["status"] == "planned"
    done = events(nlp, "Putin went to Vostochny for a summit with Kim Jong-un in 2023.")
    assert [e["status"] for e in of_type(done, "MEET")] == ["occurred"]


def test_what_is_done_in_protest_dates_the_protest(nlp: Any) -> None:
    text = "Fishermen formed a line of boats on Tuesday in protest against the pollution."
    [protest] = of_type(events(nlp, text), "PROTEST")
    assert protest["time"]["value"] == "2026-02-17"


def test_talks_of_stated_length_that_cover_the_dct_are_under_way(nlp: Any) -> None:
    text = "Tajikistan and Uzbekistan opened three-day talks in Dushanbe on Tuesday."
    [talks] = of_type(events(nlp, text), "MEET")
    assert (talks["status"], talks["time"]["value"]) == ("ongoing", "2026-02-17/2026-02-19")
    past = "Tajikistan and Uzbekistan held three-day talks in Dushanbe in January."
    assert [e["status"] for e in of_type(events(nlp, past), "MEET")] == ["occurred"]


def test_a_governments_decision_is_the_measure_done_that_day(nlp: Any) -> None:
    text = "Today, the United States decided to revoke economic sanctions with respect to Sudan."
    [lifted] = of_type(events(nlp, text), "SANCTION")
    assert (lifted["status"], lifted["time"]["value"]) == ("occurred", "2026-02-17")
    maybe = "The EU may decide to impose sanctions on Russia next month."
    assert [e["status"] for e in of_type(events(nlp, maybe), "SANCTION")] == ["possible"]


def test_designating_officials_is_a_sanction(nlp: Any) -> None:
    text = (
        "Today, the U.S. Department of the Treasury designated ten current or former "
        "Venezuelan government officials."
    )
    [designation] = of_type(events(nlp, text), "SANCTION")
    assert designation["source"] == ["usa-treasury"] and designation["status"] == "occurred"
    assert not of_type(events(nlp, "The committee designated Lagos as the venue."), "SANCTION")


def test_a_when_clause_before_the_main_clause_dates_it(nlp: Any) -> None:
    text = "When Obama visited Hanoi in May, he announced the end of the arms embargo."
    found = events(nlp, text, date(2016, 11, 20))
    assert {e["time"]["value"] for e in found if e["type"] != "VISIT"} == {"2016-05"}


def test_named_guests_at_a_summit_abroad_each_visit_its_city(nlp: Any) -> None:
    text = (
        "Ghanaian President Kofi Mensah and Kenyan President Daniel Otieno met on the "
        "sidelines of the Commonwealth summit in Apia in October."
    )
    found = events(nlp, text)
    visits = of_type(found, "VISIT")
    assert len(visits) == 2
    assert {v["location"] for v in visits} == {"Apia"}
    assert {v["time"]["value"] for v in visits} == {"2025-10"}
    assert {v["status"] for v in visits} == {"occurred"}


def test_a_summit_guest_with_no_known_country_beside_a_host_gets_no_visit(nlp: Any) -> None:
    text = "Prime Minister Tomas Lindgren will host the Nordic summit in Stockholm on March 3."
    assert of_type(events(nlp, text), "VISIT") == []


def test_a_meeting_in_a_third_country_is_a_visit_of_each_guest(nlp: Any) -> None:
    text = (
        "Kenyan President Daniel Otieno and Ghanaian President Kofi Mensah met in Kampala "
        "on Monday."
    )
    visits = of_type(events(nlp, text), "VISIT")
    assert sorted(v["source"][0] for v in visits) == ["daniel-otieno", "kofi-mensah"]
    assert {v["location"] for v in visits} == {"Kampala"}


def test_a_bilateral_meeting_in_one_party_country_is_left_to_the_host_rule(nlp: Any) -> None:
    text = (
        "Kenyan President Daniel Otieno met Ugandan President Joseph Okello in Kampala on Monday."
    )
    assert of_type(events(nlp, text), "VISIT") == []


def test_leaders_named_by_office_and_country_are_guests_countries_alone_are_not(
    nlp: Any,
) -> None:
    by_office = "Ghana's President and Togo's Prime Minister held talks in Geneva on Thursday."
    visits = of_type(events(nlp, by_office), "VISIT")
    assert sorted(v["source"][0] for v in visits) == ["GHA", "TGO"]
    assert {v["location"] for v in visits} == {"Geneva"}
    countries = "Ghana and Togo held talks in Geneva on Thursday."
    assert of_type(events(nlp, countries), "VISIT") == []


def test_a_guest_whose_country_a_set_off_title_tells_visits_a_third_country(nlp: Any) -> None:
    text = (
        "Ghana's president, Kofi Mensah, called the talks useful. Kenyan President Daniel "
        "Otieno and Mensah met in Kampala on Monday."
    )
    visits = of_type(events(nlp, text), "VISIT")
    assert sorted(v["source"][0] for v in visits) == ["daniel-otieno", "kofi-mensah"]
    counterpart = (
        "Kenyan President Daniel Otieno and his Ghanaian counterpart Kofi Mensah met in "
        "Kampala on Monday."
    )
    visits = of_type(events(nlp, counterpart), "VISIT")
    assert sorted(v["source"][0] for v in visits) == ["daniel-otieno", "kofi-mensah"]


def test_the_named_head_of_a_delegation_visits_talks_in_a_third_country(nlp: Any) -> None:
    text = (
        "Kenya and Ghana will open talks on fisheries in Geneva on Monday. Kenya's "
        "delegation will be led by Deputy Foreign Minister Daniel Otieno."
    )
    visits = of_type(events(nlp, text), "VISIT")
    assert [(v["source"], v["location"]) for v in visits] == [(["daniel-otieno"], "Geneva")]
    assert visits[0]["status"] == "planned"


def test_two_ministers_told_in_the_plural_are_guests_when_each_is_named(nlp: Any) -> None:
    named = (
        "Ghana's foreign minister called the talks useful. Ghana and Togo agreed on "
        "Thursday, when the two foreign ministers met in Geneva."
    )
    visits = of_type(events(nlp, named), "VISIT")
    assert [v["source"] for v in visits] == [["GHA"]]
    assert {v["location"] for v in visits} == {"Geneva"}
    group = "Ghana and Togo agreed on Thursday, when the two foreign ministers met in Geneva."
    assert of_type(events(nlp, group), "VISIT") == []
