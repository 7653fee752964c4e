"""How mentions become events: one row per real event, ids unique by construction."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import events_of
from dateline.events.build import fold_same_occasion
from dateline.events.merge import assign_ids, event_id
from dateline.model import Event, EventTime, Evidence


def _protest() -> Event:
    return Event(
        id="", type="PROTEST", plover="PROTEST", status="occurred", dated=False,
        evidence=[Evidence(0, 5, "Rally")],
    )  # fmt: skip


def test_events_that_hash_alike_still_get_distinct_stable_ids() -> None:
    first, second, third = _protest(), _protest(), _protest()
    assign_ids("sha256:x", [first, second, third])
    assert len({first.id, second.id, third.id}) == 3
    assert first.id == event_id("sha256:x", _protest())
    again = [_protest(), _protest(), _protest()]
    assign_ids("sha256:x", again)
    assert [e.id for e in again] == [first.id, second.id, third.id]
    assert all(e.id.startswith("protest-") for e in again)


@pytest.mark.model
def test_mentions_of_one_crowd_protest_are_one_event(nlp: Any) -> None:
    text = (
        "Thousands of protesters marched through St. Paul on Monday. "
        "Several protesters were arrested during the protest."
    )
    found = [e for e in events_of(nlp, text, date(2008, 9, 2)) if e["type"] == "PROTEST"]
    assert len(found) == 1
    assert found[0]["location"] == "Saint Paul" and len(found[0]["evidence"]) == 2


@pytest.mark.model
def test_crowd_protests_in_two_cities_stay_two(nlp: Any) -> None:
    text = "Protesters rallied in Bangkok on Monday. In Chiang Mai, farmers protested on Tuesday."
    found = [e for e in events_of(nlp, text, date(2008, 9, 2)) if e["type"] == "PROTEST"]
    assert sorted(e["location"] for e in found) == ["Bangkok", "Chiang Mai"]


@pytest.mark.model
def test_the_articles_reporter_is_no_participant(nlp: Any) -> None:
    text = (
        "President Bush is heading to Asia this week. VOA's Paula Wolfson reports from the "
        "White House his travels will take him to Singapore. "
        "VOA's David Gollust reports from the State Department."
    )
    found = events_of(nlp, text, date(2006, 11, 13))
    assert all("paula-wolfson" not in e["source"] for e in found)
    assert all("david-gollust" not in e["source"] for e in found)
    assert any(e["type"] == "VISIT" and e["location"] == "Singapore" for e in found)
    speaker = "Russian President Vladimir Putin reports that the talks went well."
    assert [e["source"] for e in events_of(nlp, speaker, date(2006, 11, 13))] == [
        ["vladimir-putin"]
    ]


@pytest.mark.model
def test_a_byline_naming_no_one_leaves_the_person_who_opens_the_lead_a_participant(
    nlp: Any,
) -> None:
    text = (
        "By our Diplomatic Correspondent\n\n"
        "Finnish Prime Minister Aino Virtanen's trip to Galway, which had been due to take "
        "place on Friday, has been postponed until March 3, her office said."
    )
    found = events_of(nlp, text, date(2026, 2, 10))
    [trip] = [e for e in found if e["type"] == "VISIT"]
    assert trip["source"] == ["aino-virtanen"] and trip["status"] == "planned"


@pytest.mark.model
def test_a_name_suffix_the_parser_makes_the_subject_is_the_person(nlp: Any) -> None:
    text = "President Joseph R. Biden, Jr. will travel to Germany from October 17-18."
    [visit] = events_of(nlp, text, date(2024, 10, 16))
    assert visit["source"] == ["joe-biden"]


@pytest.mark.model
def test_no_details_of_the_agenda_of_a_place_named_meeting_is_no_meeting(nlp: Any) -> None:
    text = (
        "Kenyan President William Ruto will meet Ethiopian Prime Minister Abiy Ahmed in "
        "Addis Ababa on July 7. No details were given of the agenda for the Addis Ababa meeting."
    )
    meets = [e for e in events_of(nlp, text, date(2026, 6, 10)) if e["type"] == "MEET"]
    assert [(e["status"], e["time"]["value"]) for e in meets] == [("planned", "2026-07-07")]


def test_no_status_that_its_own_time_contradicts() -> None:
    from dateline.events.build import agree_with_own_time
    from dateline.model import EventTime

    dct = date(2026, 3, 3)
    moved = _protest()
    moved.status, moved.cue, moved.dated = "occurred", "perfect", True
    moved.time = EventTime("2026-03-09/2026-03-10", "2026-03-09", "2026-03-10", "day")
    agree_with_own_time(moved, dct, [])
    assert (moved.status, moved.time.value) == ("planned", "2026-03-09/2026-03-10")
    stale = _protest()
    stale.status, stale.cue, stale.dated = "planned", "will", True
    stale.time = EventTime("2025", "2025-01-01", "2025-12-31", "year")
    agree_with_own_time(stale, dct, [])
    assert (stale.status, stale.dated, stale.time.value) == ("planned", False, None)
    assert stale.time.earliest == "2026-03-03"
    held = _protest()
    held.status, held.dated = "occurred", True
    held.time = EventTime("2026-03-02", "2026-03-02", "2026-03-02", "day")
    agree_with_own_time(held, dct, [])
    assert (held.status, held.time.value) == ("occurred", "2026-03-02")


@pytest.mark.model
def test_a_plan_organized_for_a_day_now_past_was_carried_out(nlp: Any) -> None:
    text = (
        "An alliance of opposition groups organized Tuesday's rally in Bangkok. "
        "The same alliance is organizing another rally for Friday."
    )
    rallies = [e for e in events_of(nlp, text, date(2008, 8, 26)) if e["type"] == "PROTEST"]
    assert sorted((e["time"]["value"], e["status"]) for e in rallies) == [
        ("2008-08-26", "occurred"),
        ("2008-08-29", "planned"),
    ]


@pytest.mark.model
def test_a_crowd_protest_told_with_different_targets_is_one_but_a_rival_rally_two(
    nlp: Any,
) -> None:
    one = (
        "Thousands of people rallied outside the convention on Monday, protesting the war. "
        "Protesters marched from the capitol building to the arena. "
        "The march was mostly peaceful."
    )
    found = [e for e in events_of(nlp, one, date(2008, 9, 1)) if e["type"] == "PROTEST"]
    assert len(found) == 1
    two = (
        "Thousands of people marched through Warsaw on Sunday in support of Rafal "
        "Trzaskowski. A rival rally was held in the city on the same day."
    )
    found = [e for e in events_of(nlp, two, date(2025, 6, 2)) if e["type"] == "PROTEST"]
    assert len(found) == 2


@pytest.mark.model
def test_also_or_again_tells_one_more_meeting_but_not_one_more_statement(nlp: Any) -> None:
    meetings = (
        "Lula will hold talks with Ramaphosa in Pretoria during the visit. "
        "The two leaders are also expected to meet briefly in July on the sidelines of a "
        "summit."
    )
    found = [e for e in events_of(nlp, meetings, date(2026, 6, 2)) if e["type"] == "MEET"]
    assert len(found) == 2
    statements = "Lula said trade was growing. He also said the visit would be short."
    found = [e for e in events_of(nlp, statements, date(2026, 6, 2)) if e["type"] == "STATEMENT"]
    assert len(found) == 1


@pytest.mark.model
def test_a_head_of_state_and_his_country_in_another_sentence_are_two_statements(
    nlp: Any,
) -> None:
    text = (
        '"Roads come first," Ghanaian President Kofi Asante said at the ceremony. '
        "Accra said the bridge would cost about 80 million dollars."
    )
    found = [e for e in events_of(nlp, text, date(2025, 3, 12)) if e["type"] == "STATEMENT"]
    assert sorted(sorted(e["source"]) for e in found) == [["GHA"], ["kofi-asante"]]


@pytest.mark.model
def test_a_ministry_and_its_country_in_another_sentence_are_two_statements(nlp: Any) -> None:
    text = (
        "The Ghanaian presidency said on Tuesday that the bridge would open in May. "
        "Ghana's defence ministry said that troops would guard the site."
    )
    found = [e for e in events_of(nlp, text, date(2025, 3, 12)) if e["type"] == "STATEMENT"]
    assert sorted(sorted(e["source"]) for e in found) == [["GHA"], ["gha-defense-ministry"]]


@pytest.mark.model
def test_a_ministry_and_its_spokesman_at_one_briefing_are_one_statement(nlp: Any) -> None:
    text = (
        "The State Department confirmed Tuesday that Rice will skip the forum. "
        "State Department spokesman Sean McCormack confirmed Rice's plans at a news briefing."
    )
    found = [e for e in events_of(nlp, text, date(2007, 7, 24)) if e["type"] == "STATEMENT"]
    assert [(sorted(e["source"]), e["time"]["value"]) for e in found] == [
        (["sean-mccormack", "usa-foreign-ministry"], "2007-07-24")
    ]


def test_talks_with_a_place_and_nobody_named_are_between_the_parties_told_before(
    nlp: Any,
) -> None:
    text = (
        "Kenyan Foreign Minister Musalia Mudavadi met Ugandan Foreign Minister Jeje Odongo "
        "in Nairobi on Monday. Earlier technical talks in Jinja in 2021 had stalled."
    )
    meets = [e for e in events_of(nlp, text, date(2024, 3, 6)) if e["type"] == "MEET"]
    jinja = [e for e in meets if e["location"] and "Jinja" in e["location"]]
    assert len(meets) == 2 and len(jinja) == 1
    # talks of 2021, before Monday's meeting: the two ministers' countries (evpart12)
    assert {"KEN", "UGA"} <= set(jinja[0]["source"] + jinja[0]["target"])
    assert jinja[0]["time"]["value"] == "2021"


def test_a_called_off_meeting_with_nobody_named_is_between_the_parties_told_before(
    nlp: Any,
) -> None:
    text = (
        "Chilean Foreign Minister Ana Lopes met Bolivian Foreign Minister Juan Mamani in La Paz "
        "on Monday. A business forum set for June 24 in Arica has been called off."
    )
    meets = [e for e in events_of(nlp, text, date(2025, 5, 21)) if e["type"] == "MEET"]
    arica = [e for e in meets if e["location"] and "Arica" in e["location"]]
    assert len(arica) == 1 and arica[0]["status"] == "negated"
    assert arica[0]["time"]["value"] == "2025-06-24"
    assert {"ana-lopes", "juan-mamani"} <= set(arica[0]["source"] + arica[0]["target"])


def test_a_signing_put_off_with_nothing_told_before_is_of_the_parties_of_the_talks(
    nlp: Any,
) -> None:
    text = (
        "Chilean Foreign Minister Ana Lopes met Bolivian Foreign Minister Juan Mamani in La Paz "
        "on Monday. The signing has been put off."
    )
    [signing] = [e for e in events_of(nlp, text, date(2025, 5, 21)) if e["type"] == "AGREE"]
    assert signing["status"] == "planned" and signing["time"]["value"] is None
    assert {"ana-lopes", "juan-mamani"} <= set(signing["source"] + signing["target"])


def test_an_accord_of_years_before_with_nobody_named_is_between_the_countries(
    nlp: Any,
) -> None:
    # the two ministers met on Monday; the treaty of 1998 was not theirs but their countries'
    text = (
        "Chilean Foreign Minister Ana Lopes met Bolivian Foreign Minister Juan Mamani in La Paz "
        "on Monday. A border treaty signed in 1998 still governs the crossings."
    )
    [treaty] = [e for e in events_of(nlp, text, date(2025, 5, 21)) if e["type"] == "AGREE"]
    assert treaty["time"]["value"] == "1998"
    assert sorted(treaty["source"] + treaty["target"]) == ["BOL", "CHL"]


def test_talks_of_years_before_stay_the_peoples_when_one_has_no_country(nlp: Any) -> None:
    # nothing tells whose country the mediator Mamani speaks for: the two stay the parties
    text = (
        "Chilean Foreign Minister Ana Lopes met the mediator Juan Mamani in La Paz on Monday. "
        "Earlier technical talks in Sucre in 2019 had stalled."
    )
    meets = [e for e in events_of(nlp, text, date(2025, 5, 21)) if e["type"] == "MEET"]
    sucre = [e for e in meets if e["time"]["value"] == "2019"]
    assert len(sucre) == 1
    assert {"ana-lopes", "juan-mamani"} <= set(sucre[0]["source"] + sucre[0]["target"])


def test_a_postponement_told_in_the_sentence_of_the_event_held_is_no_second_meeting(
    nlp: Any,
) -> None:
    # 'the meeting' that was postponed is the summit of its own sentence, since held
    text = (
        "Chilean Foreign Minister Ana Lopes and Bolivian Foreign Minister Juan Mamani held a "
        "summit in La Paz on Tuesday, after the meeting was postponed in October."
    )
    meets = [e for e in events_of(nlp, text, date(2025, 12, 4)) if e["type"] == "MEET"]
    assert [(e["status"], e["time"]["value"]) for e in meets] == [("occurred", "2025-12-02")]


def test_talks_with_nobody_named_and_no_two_sided_talks_before_stay_out(nlp: Any) -> None:
    text = "Coalition talks in Oslo stalled on Monday."
    assert not [e for e in events_of(nlp, text, date(2024, 3, 6)) if e["type"] == "MEET"]


def test_a_minister_and_another_portfolios_ministry_are_two_speakers(nlp: Any) -> None:
    text = (
        '"Germany has never let us down," Foreign Minister Ayman Safadi told a news '
        "conference. Jordan's interior ministry said 14 people had been detained."
    )
    said = [e for e in events_of(nlp, text, date(2026, 4, 17)) if e["type"] == "STATEMENT"]
    assert sorted(s for e in said for s in e["source"]) == [
        "ayman-safadi",
        "jor-interior-ministry",
    ]
    assert len(said) == 2


@pytest.mark.model
def test_a_rally_organised_today_is_the_rally_told_before(nlp: Any) -> None:
    text = (
        "Tens of thousands of protesters have rallied outside Thailand's government house "
        "in Bangkok. An alliance of anti-government groups organized Tuesday's rally."
    )
    protests = [e for e in events_of(nlp, text, date(2008, 8, 26)) if e["type"] == "PROTEST"]
    assert [(e["status"], e["time"]["value"]) for e in protests] == [("occurred", "2008-08-26")]


@pytest.mark.model
def test_a_second_trip_presupposes_an_earlier_one_unless_the_text_tells_it(nlp: Any) -> None:
    text = (
        "President George W. Bush will travel to Singapore on Thursday. "
        "This will be the president's second trip to Singapore."
    )
    visits = [e for e in events_of(nlp, text, date(2006, 11, 13)) if e["type"] == "VISIT"]
    earlier = [e for e in visits if e["status"] == "occurred"]
    assert [(e["target"], e["time"]["value"]) for e in earlier] == [(["SGP"], None)]
    # the earlier trip told in the sentence needs no presupposing; the next one does not tell it
    from dateline.events.sharing import _told_earlier

    doc = nlp(
        "It was his second visit to Jordan, after a visit to Amman, and his first visit to Irbid."
    )
    after, first = [t for t in doc if t.lower_ == "visit"][1:]
    assert _told_earlier(after) and not _told_earlier(first)


@pytest.mark.model
def test_the_next_round_of_a_series_presupposes_an_earlier_one_it_does_not_tell(
    nlp: Any,
) -> None:
    text = (
        "Australia and India will hold the next round of the Maritime Dialogue in New Delhi "
        "on 14 March."
    )
    meets = [e for e in events_of(nlp, text, date(2024, 2, 20)) if e["type"] == "MEET"]
    assert sorted((e["status"], e["time"]["value"], e["location"]) for e in meets) == [
        ("occurred", None, None),
        ("planned", "2024-03-14", "New Delhi"),
    ]
    told = (
        "Australia and India held talks in Perth in May. "
        "Australia and India will hold the next round of the Maritime Dialogue in New Delhi "
        "on 14 March."
    )
    meets = [e for e in events_of(nlp, told, date(2024, 2, 20)) if e["type"] == "MEET"]
    assert [e for e in meets if not e["dated"]] == []


@pytest.mark.model
def test_meeting_for_the_first_time_since_a_year_tells_a_meeting_in_that_year(nlp: Any) -> None:
    text = (
        "Algerian Foreign Minister Abdelkader Messahel met Moroccan Foreign Minister Nasser "
        "Bourita in Geneva on May 9 for the first time since 2014."
    )
    meets = [e for e in events_of(nlp, text, date(2017, 7, 30)) if e["type"] == "MEET"]
    assert sorted((e["time"]["value"], e["location"]) for e in meets) == [
        ("2014", None),
        ("2017-05-09", "Geneva"),
    ]


@pytest.mark.model
def test_an_ordinal_standing_for_the_visit_presupposes_an_earlier_one(nlp: Any) -> None:
    dct = date(2025, 6, 10)
    text = (
        "Kazakh President Nurlan Abenov arrived in Ulaanbaatar on Monday for a state visit to "
        "Mongolia. The visit is the first by a Kazakh head of state since 2016."
    )
    visits = [e for e in events_of(nlp, text, dct) if e["type"] == "VISIT"]
    earlier = [e for e in visits if e["time"]["value"] == "2016"]
    assert [(e["status"], e["source"], e["location"]) for e in earlier] == [
        ("occurred", ["KAZ"], "Mongolia")
    ]
    own = (
        "Egyptian President Karim Sayed arrived in Ankara on Monday, his first to Turkey "
        "since 2022."
    )
    visits = [e for e in events_of(nlp, own, dct) if e["type"] == "VISIT"]
    earlier = [e for e in visits if e["time"]["value"] == "2022"]
    assert [(e["status"], e["source"], e["location"]) for e in earlier] == [
        ("occurred", ["karim-sayed"], "Turkey")
    ]
    undated = (
        "Chilean President Ana Rojas began a visit to New Zealand on Monday, the first by a "
        "Chilean head of state in more than a decade."
    )
    visits = [e for e in events_of(nlp, undated, dct) if e["type"] == "VISIT"]
    assert [e["status"] for e in visits if e["source"] == ["CHL"]] == ["occurred"]


def test_a_first_visit_by_one_of_a_countrys_office_holders_since_a_year_is_the_countrys(
    nlp: Any,
) -> None:
    dct = date(2025, 3, 4)
    noun = (
        "Polish President Marek Tolsky will pay a state visit to Japan from April 12 to 15, "
        "his office said, the first visit by a Polish head of state to Japan since 2019."
    )
    bare = (
        "Chilean President Andres Torres will pay a state visit to Japan from April 12 to 15, "
        "the palace said on Tuesday, the first by a Chilean head of state since 2016."
    )
    for text, code, year, person in (
        (noun, "POL", "2019", "marek-tolsky"),
        (bare, "CHL", "2016", "andres-torres"),
    ):
        visits = [e for e in events_of(nlp, text, dct) if e["type"] == "VISIT"]
        assert sorted((e["time"]["value"], e["source"], e["location"]) for e in visits) == [
            (year, [code], "Japan"),
            ("2025-04-12/2025-04-15", [person], "Japan"),
        ]
    verb = (
        "Zambian President Lusu Mwanza attended the funeral in Lilongwe on Monday. "
        "He was the first Zambian leader to visit Lilongwe since 2014."
    )
    visits = [e for e in events_of(nlp, verb, dct) if e["type"] == "VISIT"]
    assert sorted((e["time"]["value"], e["source"]) for e in visits) == [
        ("2014", ["ZMB"]),
        ("2025-03-03", ["lusu-mwanza"]),
    ]
    undated = (
        "Nigerian President Emeka Obi will make a state visit to Canada from June 16 to 18, "
        "his office said, the first by a Nigerian head of state in more than a decade."
    )
    visits = [e for e in events_of(nlp, undated, dct) if e["type"] == "VISIT"]
    assert sorted((e["status"], e["time"]["value"], e["source"]) for e in visits) == [
        ("occurred", None, ["NGA"]),
        ("planned", "2025-06-16/2025-06-18", ["emeka-obi"]),
    ]
    own = "Prime Minister Ana Ruiz visited Peru in May 2024 for the first time since 2019."
    visits = [e for e in events_of(nlp, own, dct) if e["type"] == "VISIT"]
    assert sorted(e["source"][0] for e in visits) == ["ana-ruiz", "ana-ruiz"]


def test_a_mention_referring_back_with_the_time_of_another_occasion_keeps_the_events(
    nlp: Any,
) -> None:
    text = (
        "Kim Jong-un will visit Russia next month. The visit, first proposed on Tuesday, will "
        "focus on trade."
    )
    [visit] = [e for e in events_of(nlp, text, date(2025, 5, 21)) if e["type"] == "VISIT"]
    assert visit["time"]["value"] == "2025-06"


@pytest.mark.model
def test_an_agreement_without_parties_is_no_event(nlp: Any) -> None:
    dct = date(2025, 3, 4)
    text = "A water accord was signed in Bishkek in 2008 to share the river."
    assert not [e for e in events_of(nlp, text, dct) if e["type"] == "AGREE"]
    named = "Kyrgyzstan and Kazakhstan signed a water accord in Bishkek in 2008."
    found = [e for e in events_of(nlp, named, dct) if e["type"] == "AGREE"]
    assert [sorted(e["source"]) for e in found] == [["KAZ", "KGZ"]]


@pytest.mark.model
def test_a_definite_agreement_with_only_a_place_and_nothing_to_refer_to_is_none(
    nlp: Any,
) -> None:
    text = "The water accord signed in Bishkek in 2008 will remain in force."
    assert not [e for e in events_of(nlp, text, date(2025, 3, 4)) if e["type"] == "AGREE"]


@pytest.mark.model
def test_accepting_the_invitation_adds_to_the_invitation_told_before(nlp: Any) -> None:
    text = (
        "President Aliou Ndour of Senegal spoke by telephone on Monday with Morocco's Head of "
        "Government Mohammed Tahiri and invited him to pay an official visit to Senegal. "
        "Mr. Tahiri accepted the invitation with thanks."
    )
    found = [e for e in events_of(nlp, text, date(2025, 10, 21)) if e["type"] == "INVITE"]
    assert [(e["source"], e["target"]) for e in found] == [(["aliou-ndour"], ["mohammed-tahiri"])]
    assert len(found[0]["evidence"]) == 2


@pytest.mark.model
def test_of_two_cities_a_joined_event_takes_the_one_told_with_its_time(nlp: Any) -> None:
    text = (
        "Kyrgyzstan and Tajikistan exchanged detained citizens on Monday. The transfer was "
        "agreed on 21 April at the meeting of the heads of the government delegations in the "
        "city of Batken. The next meeting of the commission will be held on 15-17 June in the "
        "city of Dushanbe."
    )
    found = [e for e in events_of(nlp, text, date(2026, 5, 20)) if e["type"] == "MEET"]
    june = [e for e in found if e["time"]["value"] == "2026-06-15/2026-06-17"]
    assert [e["location"] for e in june] == ["Dushanbe"]


@pytest.mark.model
def test_a_threat_by_people_no_known_actor_names_is_kept_without_participant(nlp: Any) -> None:
    text = "Fishing crews have threatened to blockade the harbour of Kalmar on Friday."
    found = [e for e in events_of(nlp, text, date(2025, 5, 21)) if e["type"] == "THREATEN"]
    assert len(found) == 1 and found[0]["source"] == []


@pytest.mark.model
def test_a_meeting_called_off_with_nobody_named_and_no_talks_before_is_kept(nlp: Any) -> None:
    # no talks told before to lend it parties: the forum called off is still a (key) row,
    # with no participant
    text = "A business forum in Lima that was set for June 3 will not go ahead."
    [forum] = [e for e in events_of(nlp, text, date(2025, 5, 21)) if e["type"] == "MEET"]
    assert forum["status"] == "negated" and forum["change"] == "cancelled"
    assert forum["source"] == [] and forum["time"]["value"] == "2025-06-03"
    assert forum["location"] and "Lima" in forum["location"]


@pytest.mark.model
def test_a_meeting_with_nobody_named_and_nothing_changed_still_needs_a_participant(
    nlp: Any,
) -> None:
    text = "A business forum will be held in Lima on June 3."
    assert [e for e in events_of(nlp, text, date(2025, 5, 21)) if e["type"] == "MEET"] == []


def test_a_statement_of_both_countries_is_not_one_of_either_told_apart(nlp: Any) -> None:
    # 'officials of both governments said' and one side's spokesman speak on two occasions
    text = (
        "Ghana agreed to buy Norwegian ferries, a Norwegian government spokesman said. "
        "Officials of both governments said the price had been discussed."
    )
    said = [e for e in events_of(nlp, text, date(2024, 3, 6)) if e["type"] == "STATEMENT"]
    assert sorted(sorted(e["source"]) for e in said) == [
        ["GHA", "NOR"],
        ["nor-government"],
    ]


def test_an_undated_agreement_is_not_one_signed_decades_before(nlp: Any) -> None:
    # an agreement told without a time is of the article's days, not of 1979
    text = (
        "Ghana and Norway agreed to open talks on a shipping accord. "
        "Ghana and Norway signed their first fishing agreement in 1979."
    )
    agreed = [e for e in events_of(nlp, text, date(2024, 3, 6)) if e["type"] == "AGREE"]
    assert sorted((e["time"]["value"] or "") for e in agreed) == ["", "1979"]


@pytest.mark.model
def test_a_possessed_visit_that_celebrates_ties_is_the_planned_visit(nlp: Any) -> None:
    # 'the minister's visit … marks' tells what the planned trip means, not that it is under way
    text = (
        "Foreign Minister Anna Lindqvist will travel to Accra from May 4 to 6. "
        "The Minister's visit to Accra marks twenty years of close ties."
    )
    visits = [e for e in events_of(nlp, text, date(2025, 4, 28)) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"], len(e["evidence"])) for e in visits] == [
        ("planned", "2025-05-04/2025-05-06", 2)
    ]


@pytest.mark.model
def test_talks_a_journey_is_made_for_are_held_at_its_destination(nlp: Any) -> None:
    # the talks are in Bangkok, not at the Hanoi stay told before them
    text = (
        "HANOI — Swedish Prime Minister Anna Lindqvist arrived in Hanoi on Monday for a "
        "two-day visit. She leaves for Bangkok on Wednesday for talks with the Thai government."
    )
    talks = [e for e in events_of(nlp, text, date(2025, 3, 3)) if e["type"] == "MEET"]
    assert [e["location"] for e in talks] == ["Bangkok"]


@pytest.mark.model
def test_a_place_of_no_country_is_no_participant(nlp: Any) -> None:
    # a sea or a region stands for no government: the meeting is not the Caribbean's
    text = "The Caribbean will host the summit in May. Regional leaders met in Kingston on Monday."
    found = events_of(nlp, text, date(2024, 3, 5))
    assert found
    assert all("Caribbean" not in e["source"] + e["target"] for e in found)


def _told(
    kind: str, source: list[str], place: str | None, day: str, at: int, trigger: str = "visit"
) -> Event:
    return Event(
        id="", type=kind, plover=None, status="occurred", dated=True, source=source,
        location=place, time=EventTime(value=day), evidence=[Evidence(at, at + 5, "x")],
        trigger=trigger,
    )  # fmt: skip


def test_a_visit_told_once_without_its_place_is_the_placed_visit() -> None:
    # 'Ana visited Lome on Monday. Ana said after flying over the port on Monday ...'
    placed = _told("VISIT", ["ana"], "Lome", "2026-03-02", 0)
    unplaced = _told("VISIT", ["ana"], None, "2026-03-02", 40)
    kept = fold_same_occasion([unplaced, placed])
    assert len(kept) == 1 and kept[0].location == "Lome" and len(kept[0].evidence) == 2


def test_a_visit_told_by_one_of_its_travellers_is_the_joint_visit() -> None:
    both = _told("VISIT", ["ana", "bo"], "Lome", "2026-03-02", 0)
    one = _told("VISIT", ["bo"], "Lome", "2026-03-02", 40)
    kept = fold_same_occasion([one, both])
    assert len(kept) == 1 and set(kept[0].source) == {"ana", "bo"}


def test_visits_of_other_days_places_or_travellers_and_meetings_stay_apart() -> None:
    first = _told("VISIT", ["ana"], "Lome", "2026-03-02", 0)
    other_day = _told("VISIT", ["ana"], "Lome", "2026-03-05", 10)
    other_city = _told("VISIT", ["ana"], "Accra", "2026-03-02", 20)
    undated = _told("VISIT", ["ana"], "Lome", "", 30)
    someone_else = _told("VISIT", ["cy"], "Lome", "2026-03-02", 35)
    # 'talks with Bo in Lome on Monday … will also meet traders there that day'
    talks = _told("MEET", ["ana", "bo"], "Lome", "2026-03-02", 40, "talk")
    traders = _told("MEET", ["ana"], "Lome", "2026-03-02", 50, "meet")
    unplaced_talks = _told("MEET", ["ana"], None, "2026-03-02", 60, "talk")
    found = [first, other_day, other_city, undated, someone_else, talks, traders, unplaced_talks]
    assert len(fold_same_occasion(found)) == 8


def test_talks_told_again_by_one_party_the_same_day_and_place_are_the_talks() -> None:
    # 'Ana and Bo held talks in Lome on Monday. Bo told reporters after the talks …'
    talks = _told("MEET", ["ana", "bo"], "Lome", "2026-03-02", 0, "talk")
    again = _told("MEET", ["bo"], "Lome", "2026-03-02", 40, "talk")
    kept = fold_same_occasion([again, talks])
    assert len(kept) == 1 and set(kept[0].source) == {"ana", "bo"}
