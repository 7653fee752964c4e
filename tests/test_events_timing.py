"""The event's own time: where the text dates that event (events/timing.py, sharing.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import events_of

pytestmark = pytest.mark.model
DCT = date(2026, 7, 10)  # a Friday


def _events(nlp: Any, text: str, dct: date = DCT) -> list[dict[str, Any]]:
    return events_of(nlp, text, dct)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Washington added pressure on Wednesday, when the US Treasury imposed sanctions on "
         "two M23 commanders.", "SANCTION", "2026-07-08"),
        ("Relations have been frosty since 2002, when German Foreign Minister Joschka Fischer "
         "cancelled a visit to Cairo.", "VISIT", "2002"),
        ("On Thursday Beijing retaliated by imposing sanctions on three American defence "
         "firms.", "SANCTION", "2026-07-09"),
    ],
)  # fmt: skip
def test_a_clause_takes_the_date_it_hangs_on(nlp: Any, text: str, kind: str, value: str) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == kind]
    assert [e["time"]["value"] for e in found] == [value]


def test_a_when_clause_on_an_undated_noun_stays_undated(nlp: Any) -> None:
    text = "Officials recalled the day when Beijing imposed sanctions on American firms."
    found = [e for e in _events(nlp, text) if e["type"] == "SANCTION"]
    assert found and all(e["time"]["value"] is None for e in found)


def test_a_statement_made_after_a_dated_act_of_its_speaker_is_dated(nlp: Any) -> None:
    text = (
        "Secretary of State Colin Powell said after flying over Banda Aceh Wednesday that he "
        "had never seen such destruction."
    )
    found = _events(nlp, text, date(2005, 1, 5))
    [said] = [e for e in found if e["type"] == "STATEMENT"]
    assert said["time"]["value"] == "2005-01-05"
    other = "Colin Powell said after the vote that the talks would go on."
    [undated] = [e for e in _events(nlp, other, date(2005, 1, 5)) if e["type"] == "STATEMENT"]
    assert undated["time"]["value"] is None


def test_a_bare_part_of_day_does_not_put_a_plan_on_the_article_date(nlp: Any) -> None:
    text = "Wierzbicki will hold talks with President Rūta Balčiūnienė in the morning."
    meets = [e for e in events_of(nlp, text, date(2027, 5, 27)) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in meets] == [None]
    done = "Putin met Xi in the morning."
    meets = [e for e in events_of(nlp, done, date(2027, 5, 27)) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in meets] == ["2027-05-27TMO"]


def test_a_planned_visit_of_stated_length_spans_its_days(nlp: Any) -> None:
    text = (
        "The EU's special representative, Johan Lindqvist, will arrive in Chisinau on Monday "
        "for two days of talks with the government."
    )
    visit = next(e for e in events_of(nlp, text, date(2017, 11, 19)) if e["type"] == "VISIT")
    assert visit["time"]["value"] == "2017-11-20/2017-11-21"


def test_a_postponed_meeting_to_be_held_on_new_days_takes_them_and_the_new_place(
    nlp: Any,
) -> None:
    text = (
        "A meeting of Kenyan and Tanzanian ministers that had been due to open in Arusha on "
        "Monday has been pushed back by three weeks and will now be held in Dodoma on March "
        "18 and 19."
    )
    meet = next(e for e in events_of(nlp, text, date(2019, 2, 21)) if e["type"] == "MEET")
    assert meet["status"] == "planned"
    assert (meet["location"], meet["time"]["value"]) == ("Dodoma", "2019-03-18/2019-03-19")


def test_a_separate_item_is_not_an_event_told_before(nlp: Any) -> None:
    text = (
        "Kenya and Tanzania will hold talks on trade in Nairobi. "
        "Separately, Kenya and Tanzania will hold talks on fishing."
    )
    meets = [e for e in events_of(nlp, text, date(2019, 2, 21)) if e["type"] == "MEET"]
    assert len(meets) == 2


def test_a_relative_clause_takes_the_date_that_names_its_antecedent(nlp: Any) -> None:
    text = (
        "The 2014 double taxation treaty, which Canada and Nigeria signed in Ottawa, will be "
        "revised."
    )
    found = [e for e in _events(nlp, text) if e["type"] == "AGREE"]
    assert [(e["status"], e["time"]["value"]) for e in found] == [("occurred", "2014")]


def test_an_agreement_named_by_a_past_year_happened_whatever_is_done_to_it_now(
    nlp: Any,
) -> None:
    text = "North Korea said it would scrap the 1953 armistice agreement with South Korea."
    found = [e for e in _events(nlp, text) if e["type"] == "AGREE"]
    assert [(e["status"], e["time"]["value"]) for e in found] == [("occurred", "1953")]
    called_off = "The May summit between Sudan and Ethiopia in Addis Ababa was called off."
    found = [e for e in _events(nlp, called_off) if e["type"] == "MEET"]
    assert [e["status"] for e in found] == ["negated"]


def test_a_conjoined_future_verb_keeps_its_time_to_itself(nlp: Any) -> None:
    text = (
        "Lomax spoke by telephone on Tuesday with Pagan Amum of South Sudan and will see him "
        "in Addis Ababa next week."
    )
    found = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["status"], e["time"]["value"]) for e in found][:1] == [("occurred", "2026-07-07")]


def test_an_arrival_whose_visitor_is_due_home_after_the_dct_is_under_way(nlp: Any) -> None:
    text = (
        "The Ugandan delegation arrived in Kisumu, Kenya, on Wednesday and is due to return to "
        "Kampala on Sunday."
    )
    found = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in found] == [
        ("ongoing", "2026-07-08/2026-07-12")
    ]


def test_an_arrival_the_day_before_the_dct_with_no_departure_is_under_way(nlp: Any) -> None:
    monday = "Chilean President Gabriel Boric arrived in Lima on Monday for talks on trade."
    visits = [e for e in _events(nlp, monday, date(2025, 3, 4)) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in visits] == [("ongoing", "2025-03-03")]
    earlier = monday.replace("Monday", "Saturday")
    visits = [e for e in _events(nlp, earlier, date(2025, 3, 4)) if e["type"] == "VISIT"]
    assert [e["status"] for e in visits] == ["occurred"]  # two days on: told as done
    left = "Chilean President Gabriel Boric arrived in Lima on Monday and left on Tuesday."
    visits = [e for e in _events(nlp, left, date(2025, 3, 4)) if e["type"] == "VISIT"]
    assert "ongoing" not in [e["status"] for e in visits]


def test_a_stay_that_starts_on_an_evening_spans_its_stated_days(nlp: Any) -> None:
    text = "Premier Rauf Gasimov arrived in Tbilisi on Wednesday evening for a two-day visit."
    found = [e for e in _events(nlp, text, date(2027, 4, 22)) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in found] == [
        ("ongoing", "2027-04-21/2027-04-22")
    ]


def test_a_cancelled_summit_keeps_the_time_and_place_its_relative_clause_planned(
    nlp: Any,
) -> None:
    text = (
        "President Barack Obama has canceled a summit with Russian President Vladimir Putin "
        "that was supposed to take place in Moscow next month."
    )
    found = [e for e in _events(nlp, text, date(2013, 8, 7)) if e["type"] == "MEET"]
    assert [(e["status"], e["location"], e["time"]["value"]) for e in found] == [
        ("negated", "Moscow", "2013-09")
    ]


def test_what_is_said_after_the_talks_is_said_on_their_day(nlp: Any) -> None:
    text = (
        'John Kerry held talks with Sergei Lavrov in Geneva on Wednesday. "We made '
        'progress," Kerry told a news conference after the talks.'
    )
    found = [e for e in _events(nlp, text) if e["type"] == "STATEMENT"]
    assert [e["time"]["value"] for e in found] == ["2026-07-08"]


@pytest.mark.model
def test_a_statement_after_or_at_an_occasion_told_before_is_made_that_day(nlp: Any) -> None:
    met = (
        "Australian Foreign Minister Penny Wong met South Korean Foreign Minister Park Jin "
        "in Seoul on Wednesday. "
    )
    for told in (
        "Park told reporters after the talks that the two sides would sign a pact.",
        "Park told reporters afterwards that the two sides would sign a pact.",
    ):
        events = events_of(nlp, met + told, date(2023, 6, 16))
        [said] = [e for e in events if e["type"] == "STATEMENT"]
        assert said["time"]["value"] == "2023-06-14", told
    # told in a paragraph of its own, it still reports the talks Park was at (the guide's
    # "a statement made at a dated occasion", decided 2026-12-06)
    apart = met + "\n\nPark told reporters that the two sides would sign a pact."
    dated = events_of(nlp, apart, date(2023, 6, 16))
    assert [e["time"]["value"] for e in dated if e["type"] == "STATEMENT"] == ["2023-06-14"]


@pytest.mark.model
def test_a_where_clause_takes_the_days_of_a_verb_no_event_owns(nlp: Any) -> None:
    text = (
        "Chilean President Tomas Valdivieso will begin in Hanoi on September 7 and 8, where "
        "he will hold talks with Vietnamese President Dang Minh Khoi."
    )
    [talks] = [e for e in events_of(nlp, text, date(2026, 8, 18)) if e["type"] == "MEET"]
    assert talks["time"]["value"] == "2026-09-07/2026-09-08"
    one = text.replace("on September 7 and 8", "on September 7")
    [talks] = [e for e in events_of(nlp, one, date(2026, 8, 18)) if e["type"] == "MEET"]
    assert talks["time"]["value"] == "2026-09-07"


@pytest.mark.model
def test_a_date_right_after_said_is_the_saying_s_even_where_the_parser_hangs_it_lower(
    nlp: Any,
) -> None:
    text = "The Sudanese army said on Monday its aircraft had bombed RSF positions near Khartoum."
    events = {e["type"]: e for e in events_of(nlp, text, date(2024, 5, 12))}
    assert events["STATEMENT"]["time"]["value"] == "2024-05-06"
    assert events["ATTACK"]["time"]["value"] is None


def test_a_statement_told_after_a_dated_call_its_speaker_took_part_in_is_made_then(
    nlp: Any,
) -> None:
    text = (
        "Yesterday afternoon, Foreign Minister Gao Peng had a phone call with Cabinet "
        "Secretary for Foreign Affairs Mary Wanjiru of Kenya. The two sides exchanged views on "
        "the ministerial meeting. Cabinet Secretary Wanjiru said Kenya would send a "
        "delegation.\n\nIn Nairobi, opposition leader Joseph Kamau said the call changed "
        "nothing."
    )
    said = [e for e in events_of(nlp, text, date(2019, 4, 17)) if e["type"] == "STATEMENT"]
    days = {e["source"][0]: (e["time"]["value"] or "")[:10] or None for e in said}
    assert days["mary-wanjiru"] == "2019-04-16"
    assert days["joseph-kamau"] is None  # not at the call, and in another paragraph


def test_a_report_of_a_call_in_its_own_sentence_is_not_dated_by_it(nlp: Any) -> None:
    text = (
        "South Korean President Lee Jae-myung and Japanese Prime Minister Sanae Takaichi spoke "
        "by phone on Monday, Lee's office said."
    )
    said = [e for e in events_of(nlp, text, date(2026, 4, 21)) if e["type"] == "STATEMENT"]
    assert [e["time"]["value"] for e in said] == [None]


def test_talks_a_dated_statement_came_right_after_were_held_that_day(nlp: Any) -> None:
    text = (
        "Moscow and Ulaanbaatar have begun preparations for a presidential visit, Russian "
        "Foreign Minister Nikolai Gromov said on Wednesday following talks with Mongolian "
        "Foreign Minister Batbayar Ganzorig."
    )
    [talks] = [e for e in events_of(nlp, text, date(2019, 4, 10)) if e["type"] == "MEET"]
    assert talks["time"]["value"] == "2019-04-10"
    assert set(talks["source"]) == {"nikolai-gromov", "batbayar-ganzorig"}
    later = text.replace("following talks", "two days after talks")
    [talks] = [e for e in events_of(nlp, later, date(2019, 4, 10)) if e["type"] == "MEET"]
    assert talks["time"]["value"] != "2019-04-10"


@pytest.mark.model
def test_wrapping_up_a_two_day_visit_on_a_day_ends_it_that_day(nlp: Any) -> None:
    text = (
        "Kazakh President Serik Temirkhanov wrapped up a two-day state visit to Egypt on Wednesday."
    )
    visits = [e for e in events_of(nlp, text, date(2022, 10, 12)) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in visits] == [
        ("occurred", "2022-10-11/2022-10-12")
    ]


CHRONOLOGY = """Timeline: the island dispute

March 2006 — Fishermen from both countries clash on the island.

January 2007 — Mauritania expels two Senegalese diplomats, accusing them of spying.

February 22, 2010 — Senegal's president travels to Nouakchott and signs a treaty.

August 2011 — Mauritania's National Assembly ratifies the treaty. Senegal's parliament \
ratified it in 2010.
"""


@pytest.mark.model
def test_a_chronology_entrys_date_dates_what_it_tells_in_the_present(nlp: Any) -> None:
    found = events_of(nlp, CHRONOLOGY, date(2013, 1, 15))
    accusations = [e for e in found if e["type"] == "ACCUSE"]
    assert [(e["status"], e["time"]["value"]) for e in accusations] == [("occurred", "2007-01")]
    # a date of its own in the entry stays the event's: no 2010 event is moved to 2011
    agreed = {e["time"]["value"] for e in found if e["type"] == "AGREE"}
    assert "2011-08" in agreed and agreed <= {"2010", "2010-02-22", "2011-08"}


@pytest.mark.model
def test_a_stay_until_a_later_day_is_one_visit_from_the_first_day_to_the_last(nlp: Any) -> None:
    text = "Ingrid Solvik went to Bogota on February 9 and stayed until Sunday."
    visits = [e for e in events_of(nlp, text, date(2018, 2, 15)) if e["type"] == "VISIT"]
    assert [e["time"]["value"] for e in visits] == ["2018-02-09/2018-02-11"]


@pytest.mark.model
def test_a_day_and_month_of_last_year_date_the_event_in_that_year(nlp: Any) -> None:
    text = "Laos and Thailand signed the water treaty in Vientiane on April 3 last year."
    agreed = [e for e in events_of(nlp, text, date(2026, 4, 3)) if e["type"] == "AGREE"]
    assert [e["time"]["value"] for e in agreed] == ["2025-04-03"]


@pytest.mark.model
def test_days_of_talks_that_began_on_a_day_span_those_days(nlp: Any) -> None:
    text = (
        "The unions accepted the offer, reached after four days of talks with the transport "
        "ministry that began on Monday."
    )
    talks = [e for e in events_of(nlp, text, date(2025, 11, 14)) if e["type"] == "MEET"]
    assert [(e["status"], e["time"]["value"]) for e in talks] == [
        ("occurred", "2025-11-10/2025-11-13")
    ]


@pytest.mark.model
def test_a_planned_stay_of_stated_length_until_a_day_ends_that_day(nlp: Any) -> None:
    text = "Peruvian President Ana Quispe begins a four-day state visit to Japan, until June 12."
    visits = [e for e in events_of(nlp, text, date(2026, 6, 1)) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in visits] == [
        ("planned", "2026-06-09/2026-06-12")
    ]


@pytest.mark.model
def test_an_arrival_and_a_later_departure_make_one_stay(nlp: Any) -> None:
    text = (
        "Foreign Minister Lena Berg arrived in Nairobi on Monday and left for Addis Ababa "
        "on Wednesday afternoon."
    )
    visits = [e for e in events_of(nlp, text, date(2026, 3, 13)) if e["type"] == "VISIT"]
    assert [e["time"]["value"] for e in visits][:1] == ["2026-03-09/2026-03-11"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Chilean foreign minister arrived in Quito on Monday and on Tuesday she held "
        "talks with President Arauz.",
        "The Chilean foreign minister arrived in Quito on Monday and held talks with "
        "President Arauz on Tuesday.",
    ],
)
def test_an_arrival_and_a_later_dated_act_of_the_visitor_make_one_stay(nlp: Any, text: str) -> None:
    visits = [e for e in events_of(nlp, text, date(2025, 3, 5)) if e["type"] == "VISIT"]
    assert [e["time"]["value"] for e in visits] == ["2025-03-03/2025-03-04"]


@pytest.mark.model
def test_a_later_act_of_someone_else_does_not_lengthen_the_stay(nlp: Any) -> None:
    text = (
        "The Chilean foreign minister arrived in Quito on Monday and the Peruvian envoy "
        "held talks with President Arauz on Tuesday."
    )
    visits = [e for e in events_of(nlp, text, date(2025, 3, 5)) if e["type"] == "VISIT"]
    assert [e["time"]["value"] for e in visits][:1] == ["2025-03-03"]


@pytest.mark.model
def test_a_quote_in_the_paragraph_after_dated_talks_of_its_speaker_is_said_that_day(
    nlp: Any,
) -> None:
    text = (
        "Chilean President Ana Rojas held talks with Peruvian President Luis Vega in Lima on "
        "Thursday.\n\n"
        '"We have turned a page," Vega told a joint news conference at the palace.'
    )
    said = [e for e in events_of(nlp, text, date(2026, 5, 15)) if e["type"] == "STATEMENT"]
    assert [e["time"]["value"] for e in said] == ["2026-05-14"]
    # a reported remark of one who was at the talks reports them too (the guide's "a
    # statement made at a dated occasion", decided 2026-12-06)
    reported = text.replace(
        '"We have turned a page," Vega told a joint news conference',
        "Vega said Peru wanted investment",
    )
    said = [e for e in events_of(nlp, reported, date(2026, 5, 15)) if e["type"] == "STATEMENT"]
    assert [e["time"]["value"] for e in said] == ["2026-05-14"]


@pytest.mark.model
def test_an_act_told_two_days_before_a_dated_statement_is_dated_two_days_earlier(
    nlp: Any,
) -> None:
    text = (
        "The talks were cancelled, the foreign ministry said on Friday, two days after a "
        "phone call between President Ana Rojas and President Luis Vega."
    )
    calls = [e for e in events_of(nlp, text, date(2026, 5, 16)) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in calls] == ["2026-05-13"]


@pytest.mark.model
def test_a_stop_of_a_dated_tour_takes_the_days_its_traveller_is_busy_there(nlp: Any) -> None:
    text = (
        "Peruvian President Ana Quispe will make a three-nation tour of Europe from October 5 "
        "to 11, visiting Spain, France and Italy.\n\n"
        "Quispe will begin in Madrid on October 5 and 6, where she will hold talks with "
        "Spanish Prime Minister Pedro Sanchez."
    )
    visits = [e for e in events_of(nlp, text, date(2026, 9, 1)) if e["type"] == "VISIT"]
    times = {e["target"][0]: e["time"]["value"] for e in visits}
    assert times["ESP"] == "2026-10-05/2026-10-06"
    assert times["ITA"] == "2026-10-05/2026-10-11"


@pytest.mark.model
def test_talks_a_dated_act_ended_in_a_participle_end_that_day(nlp: Any) -> None:
    text = (
        "Laos and Thailand signed a river accord on Friday, ending four days of talks in Vientiane."
    )
    talks = [e for e in events_of(nlp, text, date(2026, 5, 16)) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in talks] == ["2026-05-12/2026-05-15"]


@pytest.mark.model
def test_an_act_since_which_it_is_n_years_today_happened_that_day_n_years_ago(
    nlp: Any,
) -> None:
    text = "It is three years today since Armenia and Azerbaijan signed the border accord."
    agreed = [e for e in events_of(nlp, text, date(2026, 3, 9)) if e["type"] == "AGREE"]
    assert [e["time"]["value"] for e in agreed] == ["2023-03-09"]


@pytest.mark.model
def test_a_postponed_visit_takes_no_new_date_from_the_invitation_that_planned_it(
    nlp: Any,
) -> None:
    text = (
        "Indian Prime Minister Rakesh Menon's visit to Tokyo, set for July 3-4, has been "
        "postponed, his office said on Monday.\n\n"
        "At a summit last year, Japanese Prime Minister Kenji Asano invited Menon to visit "
        "Japan in 2026."
    )
    visits = [e for e in events_of(nlp, text, date(2026, 6, 16)) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in visits] == [("planned", None)]


@pytest.mark.model
def test_an_act_told_in_a_fronted_dated_speech_takes_the_speech_s_day(nlp: Any) -> None:
    text = "In a speech on March 2, President Ana Rojas invited Luis Vega to visit Santiago."
    invited = [e for e in events_of(nlp, text, date(2026, 3, 20)) if e["type"] == "INVITE"]
    assert [e["time"]["value"] for e in invited] == ["2026-03-02"]


@pytest.mark.model
def test_an_act_in_a_clause_two_days_before_a_dated_verb_is_dated_two_days_earlier(
    nlp: Any,
) -> None:
    text = (
        "The minister spoke to reporters on Friday, three days after Russian jets bombed a "
        "power station in Kharkiv."
    )
    attacks = [e for e in events_of(nlp, text, date(2026, 5, 16)) if e["type"] == "ATTACK"]
    assert [e["time"]["value"] for e in attacks] == ["2026-05-12"]


@pytest.mark.model
def test_a_visit_ended_on_a_day_and_begun_on_an_earlier_one_spans_both(nlp: Any) -> None:
    text = (
        "Prime Minister Ana Rojas ended on Thursday 12 March a state visit to Peru, which she "
        "began on Monday 9 March."
    )
    visits = [e for e in events_of(nlp, text, date(2026, 3, 13)) if e["type"] == "VISIT"]
    assert [e["time"]["value"] for e in visits] == ["2026-03-09/2026-03-12"]


@pytest.mark.model
def test_a_parliament_that_voted_on_a_day_to_ratify_ratified_that_day(nlp: Any) -> None:
    text = "Peru's Congress voted on March 3 to ratify the fisheries treaty with Chile."
    agreed = [e for e in events_of(nlp, text, date(2026, 3, 9)) if e["type"] == "AGREE"]
    assert [(e["status"], e["time"]["value"]) for e in agreed] == [("occurred", "2026-03-03")]


@pytest.mark.model
def test_each_call_of_several_held_on_a_day_is_dated_that_day(nlp: Any) -> None:
    text = (
        "Foreign Minister Ana Rojas held three telephone calls with her neighbours on "
        "Monday.\n\n"
        "Rojas spoke with Peruvian Foreign Minister Luis Vega about the border.\n\n"
        "Rojas spoke with Bolivian Foreign Minister Marta Quispe about the lithium accord."
    )
    calls = [e for e in events_of(nlp, text, date(2026, 3, 10)) if e["type"] == "MEET"]
    assert len(calls) >= 2 and {e["time"]["value"] for e in calls} == {"2026-03-09"}


@pytest.mark.model
def test_a_day_inside_the_month_that_heads_its_clause_is_the_event_s_own_time(
    nlp: Any,
) -> None:
    text = (
        "Timeline: the border dispute\n\n"
        "December 2013 — The African Union offers to fund the mapping of the border.\n\n"
        "January 2014 — Ghana's new foreign minister, Kofi Mensah, phones his Togolese "
        "counterpart on January 9. The two agree to meet in Lome."
    )
    calls = [e for e in events_of(nlp, text, date(2014, 1, 20)) if e["type"] == "MEET"]
    assert "2014-01-09" in [e["time"]["value"] for e in calls]


@pytest.mark.model
def test_talks_an_agreement_was_signed_right_after_were_held_that_day(nlp: Any) -> None:
    text = (
        "Ghana and Togo signed a border accord on Thursday after talks between President "
        "Kofi Mensah and President Faure Gnassingbe in Accra."
    )
    talks = [e for e in events_of(nlp, text, date(2027, 4, 23)) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in talks] == ["2027-04-22"]
    # months of talks before a signing were not held on its day
    longer = text.replace("after talks between", "after months of talks between")
    talks = [e for e in events_of(nlp, longer, date(2027, 4, 23)) if e["type"] == "MEET"]
    assert "2027-04-22" not in [e["time"]["value"] for e in talks]


@pytest.mark.model
def test_talks_held_as_a_dated_agreement_was_signed_were_held_that_day(nlp: Any) -> None:
    text = (
        "Chile and Peru signed a fisheries accord on Tuesday, replacing a 2015 deal, as "
        "President Ana Rojas held talks with President Luis Vega in Lima."
    )
    talks = [e for e in events_of(nlp, text, date(2026, 5, 13)) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in talks] == ["2026-05-12"]


@pytest.mark.model
def test_a_plan_its_sentence_says_has_no_date_stays_undated(nlp: Any) -> None:
    text = (
        "Chilean President Ana Rojas has accepted an invitation from Peruvian President Luis "
        "Vega to make a state visit to Peru, her office said on Wednesday, but no date has "
        "been set.\n\nOfficials said the visit could take place in the second half of the year."
    )
    visits = [e for e in events_of(nlp, text, date(2026, 4, 15)) if e["type"] == "VISIT"]
    planned = [e for e in visits if e["status"] == "planned"]
    assert planned and all(e["time"]["value"] is None for e in planned)


@pytest.mark.model
def test_a_chronology_entry_in_the_historical_present_is_not_merged_with_a_plan(
    nlp: Any,
) -> None:
    text = (
        "Kazakhstan's president will make a state visit to Kyrgyzstan on Oct. 9-10. The "
        "two presidents are expected to sign a treaty on allied relations.\n\n"
        "Key moments in their relations:\n\n"
        "* DEC 21, 1991 - Leaders of both countries sign the Almaty declaration.\n\n"
        "* APRIL 1997 - The two presidents sign a friendship and cooperation treaty in "
        "Bishkek.\n\n"
        "* NOV 2001 - Kazakhstan's president pays a state visit to Bishkek.\n\n"
        "* MARCH 2023 - Kyrgyzstan's foreign minister visits Astana.\n"
    )
    found = events_of(nlp, text, date(2023, 10, 2))
    agree = sorted((e["status"], e["time"]["value"]) for e in found if e["type"] == "AGREE")
    assert agree == [
        ("occurred", "1991-12-21"),
        ("occurred", "1997-04"),
        ("planned", "2023-10-09/2023-10-10"),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # a participle the parser hangs on an infinitive of the dated verb
        ("In August 1980 he ordered four Libyan diplomats to leave Lagos within 48 hours, "
         "accusing them of paying preachers to stir unrest.", "ACCUSE", "1980-08"),
        # a verb conjoined without a subject of its own to a verb that is no event
        ("General Mayor Ioana Stanciu welcomed the decision on Friday and said the city would "
         "present a new offer.", "STATEMENT", "2026-07-10"),
        # a 'when' clause on a verb that is no event
        ("It was put off on May 7, when Mozambique's Council of Ministers refused to approve "
         "Article 14 of the text.", "REJECT", "2026-05-07"),
        # a clause with its own subject conjoined after a date fronted over the sentence
        ("On January 7, 2025, the US Treasury sanctioned the RSF commander, and the State "
         "Department accused his forces of genocide.", "ACCUSE", "2025-01-07"),
    ],
)  # fmt: skip
def test_a_clause_takes_the_date_of_the_verb_whose_occasion_it_tells(
    nlp: Any, text: str, kind: str, value: str
) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == kind]
    assert [e["time"]["value"] for e in found] == [value]


def test_a_clause_with_its_own_subject_after_a_date_not_fronted_stays_undated(nlp: Any) -> None:
    text = (
        "The US Treasury sanctioned the RSF commander on Monday, and the State Department "
        "accused his forces of genocide."
    )
    [accused] = [e for e in _events(nlp, text) if e["type"] == "ACCUSE"]
    assert accused["time"]["value"] is None


def test_a_date_after_since_opens_a_window_however_the_parser_hangs_it(nlp: Any) -> None:
    # the parser makes 'year' of 'since August last year' an adverbial of 'was'
    text = (
        "Uzbek and Kyrgyz troops clashed near Osh. The clash was the most serious on the "
        "border since August last year."
    )
    [clash] = [e for e in _events(nlp, text, date(2024, 5, 16)) if e["type"] == "ATTACK"]
    assert clash["time"]["value"] is None


def test_a_verb_describing_a_noun_of_its_type_tells_that_event(nlp: Any) -> None:
    text = (
        "Canada and Nigeria already have a double taxation treaty, signed in Ottawa in 2014, "
        "which has never entered into force."
    )
    [treaty] = [e for e in _events(nlp, text, date(2025, 5, 28)) if e["type"] == "AGREE"]
    assert (treaty["status"], treaty["time"]["value"]) == ("occurred", "2014")
    assert set(treaty["source"]) == {"CAN", "NGA"}


def test_a_saying_takes_no_date_from_the_copular_clause_it_reports(nlp: Any) -> None:
    text = (
        "Mozambique's Assembly of the Republic is to vote on it next year, Mozambican "
        "officials said."
    )
    [said] = [e for e in _events(nlp, text, date(2024, 7, 19)) if e["type"] == "STATEMENT"]
    assert (said["status"], said["time"]["value"]) == ("occurred", None)


def test_what_happens_during_a_visit_takes_the_visits_days_once_its_length_widens_them(
    nlp: Any,
) -> None:
    text = (
        "Chilean President Ignacio R. Valenzuela begins a three-day state visit to Vietnam, "
        "until March 15, at the invitation of President Tran Quoc Vinh. The two sides are "
        "expected to sign a comprehensive economic partnership agreement during the visit."
    )
    found = _events(nlp, text, date(2025, 3, 7))
    [visit] = [e for e in found if e["type"] == "VISIT"]
    [signing] = [e for e in found if e["type"] == "AGREE"]
    assert visit["time"]["value"] == signing["time"]["value"] == "2025-03-13/2025-03-15"


@pytest.mark.parametrize(
    "signing",
    [
        "The two governments will sign agreements on education and on fisheries during the visit.",
        "The two governments are expected to sign an agreement on mining during the visit.",
    ],
)
def test_a_signing_during_the_visit_the_parser_hangs_on_its_topic_takes_the_visits_days(
    nlp: Any, signing: str
) -> None:
    text = f"Chilean President Ana Rojas will visit Vietnam from May 10 to 12.\n\n{signing}"
    found = _events(nlp, text, date(2025, 5, 2))
    [agree] = [e for e in found if e["type"] == "AGREE"]
    assert agree["time"]["value"] == "2025-05-10/2025-05-12"


def test_a_verb_in_the_past_reads_a_yearless_date_as_the_last_one_before_the_article(
    nlp: Any,
) -> None:
    text = "Indonesia suspended permits for Australian live cattle on March 28."
    [suspended] = [e for e in _events(nlp, text, date(2023, 2, 13)) if e["type"] == "SANCTION"]
    assert (suspended["status"], suspended["time"]["value"]) == ("occurred", "2022-03-28")
    planned = (
        "Argentina's largest labour federation has called a 24-hour general strike for "
        "February 25 to protest against a pension reform."
    )
    found = _events(nlp, planned, date(2027, 2, 8))
    assert all(e["time"]["value"] != "2026-02-25" for e in found)


def test_a_planned_visit_told_by_its_arrival_and_return_spans_the_days_between(nlp: Any) -> None:
    text = (
        "Australian Prime Minister Claire Donnelly now plans to fly in on November 4 and "
        "return to Canberra on November 6."
    )
    [visit] = [e for e in _events(nlp, text, date(2026, 9, 29)) if e["type"] == "VISIT"]
    assert visit["time"]["value"] == "2026-11-04/2026-11-06"


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Foreign ministers Osei and Traore ended their quarrel at talks in Kumasi on June 27, "
         "agreeing that a joint fund would pay for the road.", "AGREE", "2026-06-27"),
        ("President Osei invited Traore to Accra at talks in Kumasi on June 27.", "INVITE",
         "2026-06-27"),
        ("Mamadou Diallo will lead Senegal's delegation at a meeting of trade ministers in "
         "Accra on July 20.", "VISIT", "2026-07-20"),
    ],
)  # fmt: skip
def test_an_act_done_at_a_dated_occasion_takes_its_date(
    nlp: Any, text: str, kind: str, value: str
) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == kind]
    assert [e["time"]["value"] for e in found] == [value]


#: talks the lead dates, then the body: what the people there said, and what others said
TALKS_STORY = (
    "ACCRA - Ghanaian President Kofi Mensah held talks with Togolese President Edem "
    "Agbeko in Accra on Wednesday on a new border crossing.\n\n"
    "The crossing at Aflao handles most of the trade between the two countries.\n\n"
    "Agbeko said Togo would pay for half of the new customs post.\n\n"
    "{other}"
)


@pytest.mark.model
def test_later_words_of_one_put_at_dated_talks_are_said_that_day(nlp: Any) -> None:
    text = TALKS_STORY.format(other="He also said the two customs services would share data.")
    said = [e for e in _events(nlp, text) if e["type"] == "STATEMENT"]
    # one row for the speaker at the occasion, dated that day, in the body too
    assert [(e["source"], e["time"]["value"]) for e in said] == [(["edem-agbeko"], "2026-07-08")]


@pytest.mark.model
def test_another_speakers_words_are_not_dated_by_the_talks(nlp: Any) -> None:
    text = TALKS_STORY.format(other="Trade analyst Ama Owusu said the deal was overdue.")
    said = [e for e in _events(nlp, text) if "ama-owusu" in e["source"]]
    assert said and all(e["time"]["value"] is None for e in said)


@pytest.mark.model
def test_words_told_in_a_paragraph_that_dates_an_earlier_occasion_stay_undated(
    nlp: Any,
) -> None:
    text = TALKS_STORY.replace(
        "Agbeko said", "In 2019 the two leaders met in Lome. Agbeko said"
    ).format(other="")
    said = [e for e in _events(nlp, text) if e["type"] == "STATEMENT"]
    assert said and all(e["time"]["value"] is None for e in said)


@pytest.mark.model
def test_words_said_at_the_same_news_conference_take_its_day(nlp: Any) -> None:
    text = (
        "At a joint news conference on Wednesday, Irish Prime Minister Aoife Brennan "
        "announced new funding for the port. At the same news conference Danish Prime "
        "Minister Mette Holm accused shipping firms of delaying the work."
    )
    accused = [e for e in _events(nlp, text) if e["type"] == "ACCUSE"]
    assert [e["time"]["value"] for e in accused] == ["2026-07-08"]


@pytest.mark.model
def test_at_the_signing_is_the_signing_the_text_dated(nlp: Any) -> None:
    text = (
        "Ghana and Togo signed a border accord on Wednesday. President Kofi Mensah and "
        "President Edem Agbeko signed it in Accra.\n\n"
        "The accord had been delayed for a year.\n\n"
        "At the signing ceremony, Agbeko said the two countries had closed an old quarrel."
    )
    said = [e for e in _events(nlp, text) if e["type"] == "STATEMENT"]
    assert [e["time"]["value"] for e in said] == ["2026-07-08"]


@pytest.mark.model
def test_words_of_one_at_a_day_of_talks_still_under_way_stay_undated(nlp: Any) -> None:
    text = (
        "Talks between Ghana and Togo on their border entered a second day in Accra on "
        "Thursday. Ghanaian Foreign Minister Kofi Mensah opened the meeting with Togolese "
        "Foreign Minister Edem Agbeko on Wednesday.\n\n"
        "Agbeko said Togo wanted a joint customs post."
    )
    found = _events(nlp, text, date(2026, 7, 9))
    said = [e for e in found if e["type"] == "STATEMENT" and "edem-agbeko" in e["source"]]
    assert said and all(e["time"]["value"] is None for e in said)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Okafor last visited Lusaka in March, when he met Banda and the two ministers agreed "
         "to raise trade.", "AGREE", "2026-03"),
        ("Okafor last visited Lusaka in March, when he met Banda and the two ministers agreed "
         "to raise trade.", "MEET", "2026-03"),
        ("Her planned stop in Dakar on 14 July, where she was to meet the Senegalese "
         "President, has been cancelled.", "MEET", "2026-07-14"),
    ],
)  # fmt: skip
def test_a_when_or_where_clause_after_a_date_takes_it(
    nlp: Any, text: str, kind: str, value: str
) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == kind]
    assert [e["time"]["value"] for e in found] == [value]


def test_the_verb_a_where_clause_hangs_on_keeps_its_own_time(nlp: Any) -> None:
    text = (
        "Her stop in Dakar on 14 July, where she was to meet the Senegalese President, was "
        "cancelled on Monday."
    )
    found = _events(nlp, text)
    assert [e["time"]["value"] for e in found if e["type"] == "MEET"] == ["2026-07-14"]
    assert "2026-07-14" not in [e["time"]["value"] for e in found if e["type"] != "MEET"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("other", "kind"),
    [
        ("Mensah and Agbeko discussed the railway to Lome.", "DISCUSS"),
        ("Agbeko invited Mensah to Lome.", "INVITE"),
    ],
)
def test_what_the_parties_of_dated_talks_did_there_later_takes_their_day(
    nlp: Any, other: str, kind: str
) -> None:
    text = TALKS_STORY.format(other=other)
    found = [e for e in _events(nlp, text) if e["type"] == kind]
    assert [e["time"]["value"] for e in found] == ["2026-07-08"]


@pytest.mark.model
def test_what_others_did_is_not_dated_by_the_talks(nlp: Any) -> None:
    text = TALKS_STORY.format(other="Nigerian President Bola Adeyemi invited Agbeko to Abuja.")
    found = [e for e in _events(nlp, text) if e["type"] == "INVITE"]
    assert found and all(e["time"]["value"] is None for e in found)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Uganda will hold talks in Kampala on July 21, after which the two "
        "governments are to sign agreements on water.",
        "Kenya and Uganda will hold a summit in Kampala on July 21, at which the two "
        "governments are expected to sign a treaty.",
        "Kenya and Uganda will hold talks in Kampala on July 21 and are expected to sign a "
        "treaty on trade.",
    ],
)
def test_a_signing_told_with_dated_talks_is_planned_at_them(nlp: Any, text: str) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == "AGREE"]
    assert [(e["time"]["value"], e["location"]) for e in found] == [("2026-07-21", "Kampala")]


@pytest.mark.model
def test_a_signing_after_which_a_past_day_of_talks_ended_happened_that_day(nlp: Any) -> None:
    text = (
        "Kenya and Uganda held talks in Kampala on Tuesday, after which the two governments "
        "signed agreements on water."
    )
    found = [e for e in _events(nlp, text) if e["type"] == "AGREE"]
    assert [e["time"]["value"] for e in found] == ["2026-07-07"]


@pytest.mark.model
def test_an_invitation_made_during_a_call_takes_the_calls_time_not_the_visit(nlp: Any) -> None:
    text = "Putin invited Kim to visit Moscow during a phone call last month."
    found = _events(nlp, text)
    assert [e["time"]["value"] for e in found if e["type"] == "INVITE"] == ["2026-06"]
    assert [e["time"]["value"] for e in found if e["type"] == "VISIT"] == [None]
    assert [(e["status"], e["time"]["value"]) for e in found if e["type"] == "MEET"] == [
        ("occurred", "2026-06")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Ruto's meeting with Putin has been moved from July 14 to August 5 because of the budget.",
        "Ruto postponed his meeting with Putin from July 14 to August 5.",
    ],
)
def test_an_event_moved_from_one_day_to_another_takes_the_new_day(nlp: Any, text: str) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["status"], e["time"]["value"]) for e in found] == [("planned", "2026-08-05")]


@pytest.mark.model
def test_an_event_moved_to_another_place_keeps_its_day(nlp: Any) -> None:
    text = "Ruto's visit to Moscow, planned for July 20, has been moved to Sochi."
    found = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in found] == [("planned", "2026-07-20")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kenya and Uganda will hold talks in Kampala on July 21. After the talks the two "
         "governments are expected to sign a treaty on trade.", "2026-07-21"),
        ("Kenya and Uganda signed a treaty on trade in Kampala following a morning of talks "
         "on Tuesday.", "2026-07-07"),
    ],
)  # fmt: skip
def test_a_signing_right_after_dated_talks_takes_their_day(nlp: Any, text: str, value: str) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == "AGREE"]
    assert [e["time"]["value"] for e in found] == [value]


@pytest.mark.model
def test_a_signing_after_other_talks_is_not_dated_by_the_talks_told_before(nlp: Any) -> None:
    text = (
        "Kenya and Uganda held talks in Kampala on Tuesday. They had earlier signed a treaty "
        "after talks in Nairobi."
    )
    found = [e for e in _events(nlp, text) if e["type"] == "AGREE"]
    assert found and all(e["time"]["value"] != "2026-07-07" for e in found)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kenyan doctors began a 48-hour strike on Tuesday over pay.", "2026-07-07/2026-07-08"),
        ("Kenyan doctors will begin a 48-hour strike on July 14 over pay.",
         "2026-07-14/2026-07-15"),
        ("Kenyan doctors held a 24-hour strike on Tuesday.", "2026-07-07"),
    ],
)  # fmt: skip
def test_a_strike_of_stated_hours_spans_its_days(nlp: Any, text: str, value: str) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == "PROTEST"]
    assert [e["time"]["value"] for e in found] == [value]


@pytest.mark.parametrize(
    ("text", "status", "value"),
    [
        ("Polish President Tomasz Wielgosz has cancelled his state visit to South Korea, "
         "planned for July 20-22.", "negated", "2026-07-20/2026-07-22"),
        ("Polish President Tomasz Wielgosz has postponed his state visit to South Korea, "
         "planned for July 20.", "planned", None),
    ],
)  # fmt: skip
def test_a_bare_participle_of_planning_gives_the_time_planned(
    nlp: Any, text: str, status: str, value: str | None
) -> None:
    """'cancelled his visit, planned for July 20': the day the visit was planned for, which
    a cancelled plan keeps and a postponed one does not."""
    found = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in found] == [(status, value)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rwandan and Congolese delegations met in Kigali from June 22 to 26 and, on the last "
         "day, signed an accord.", "2026-06-26"),
        ("Rwandan and Congolese delegations met in Kigali from June 22 to 26 and on the second "
         "day signed an accord.", "2026-06-23"),
    ],
)  # fmt: skip
def test_an_ordinal_day_of_a_range_is_that_day(nlp: Any, text: str, value: str) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == "AGREE"]
    assert [e["time"]["value"] for e in found] == [value]


def test_a_range_read_back_a_year_moves_both_ends(nlp: Any) -> None:
    text = "Slovak Prime Minister Robert Fico met Polish Prime Minister Donald Tusk on July 19-20."
    found = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in found] == ["2025-07-19/2025-07-20"]


@pytest.mark.parametrize(
    ("text", "status", "value"),
    [
        ("Zambia will host a regional summit in Lusaka on July 25 and 26. Zimbabwe said "
         "President Emmerson Mnangagwa would not travel to Lusaka for the summit.", "negated",
         "2026-07-25/2026-07-26"),
        ("Zambia will host a regional summit in Lusaka on July 25. Mnangagwa will travel to "
         "Lusaka for the talks.", "planned", None),
    ],
)  # fmt: skip
def test_a_trip_for_the_meeting_told_before_takes_its_days(
    nlp: Any, text: str, status: str, value: str | None
) -> None:
    """The trip made for a definite meeting is dated by that meeting; by no other one."""
    found = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in found] == [(status, value)]


@pytest.mark.parametrize(
    ("press", "value"),
    [("This issue went to press on July 1.\n\n", "2026-07-05/2026-07-06"), ("", None)],
)
def test_a_plan_ahead_when_the_text_was_written_keeps_its_day(
    nlp: Any, press: str, value: str | None
) -> None:
    """A newsletter that says it went to press on July 1 and carries July 10: 'will arrive
    … on Sunday, July 5' is still the plan's day; without the press date it is dropped."""
    text = press + (
        "Chilean President Gabriel Boric will arrive in Manila on Sunday, July 5, for a "
        "two-day state visit."
    )
    found = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in found] == [("planned", value)]


def test_what_the_two_sides_agreed_after_their_leaders_talks_was_agreed_that_day(
    nlp: Any,
) -> None:
    text = (
        "RABAT - Moroccan Prime Minister Karim Alaoui held talks with Senegalese President "
        "Moussa Diop in Dakar on Tuesday. The two leaders reviewed relations between the two "
        "countries.\n\nThe two sides agreed to open negotiations on shipbuilding. Morocco and "
        "Senegal signed their first fisheries agreement in 1979."
    )
    agreed = [e for e in _events(nlp, text, date(2026, 3, 4)) if e["type"] == "AGREE"]
    # the countries the sides stand for were at their leaders' talks: not the 1979 signing
    assert sorted(e["time"]["value"] for e in agreed) == ["1979", "2026-03-03"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A health conference that was to open in Accra on July 20 will not go ahead.",
         "2026-07-20"),
        ("The talks, which were to be held in Hanoi on July 22, have been called off.",
         "2026-07-22"),
    ],
)  # fmt: skip
def test_a_called_off_plan_told_by_be_to_in_a_relative_clause_keeps_its_day(
    nlp: Any, text: str, value: str
) -> None:
    meets = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["status"], e["time"]["value"]) for e in meets] == [("negated", value)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ghana and Togo will hold border talks in Accra on July 21. Togo will send a "
         "delegation led by its interior minister to the talks.", "2026-07-21"),
        ("Ghana and Togo will hold border talks in Accra on July 21. Togo will send a "
         "delegation led by its interior minister to the fair.", None),
    ],
)  # fmt: skip
def test_a_delegation_sent_to_the_meeting_told_before_takes_its_day(
    nlp: Any, text: str, value: str | None
) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [e["time"]["value"] for e in found] == [value]


def test_the_pact_signed_by_ministers_of_the_countries_is_their_dated_signing(nlp: Any) -> None:
    """The ministers' signing is the countries' dated one, so what a minister said after is
    said at it."""
    text = (
        "Kenya and Uganda on Wednesday signed a pact on fishing rights in Lake Victoria. "
        "Kenyan Foreign Minister Amos Wako and Ugandan Foreign Minister Rose Akello signed "
        "the pact in Kampala.\n\n"
        "The pact was two years in the making.\n\n"
        "Akello said the lake would be patrolled jointly."
    )
    said = [e for e in _events(nlp, text) if e["type"] == "STATEMENT"]
    assert [e["time"]["value"] for e in said] == ["2026-07-08"]
    other = (
        "Kenya and Uganda on Wednesday signed a pact on fishing rights in Lake Victoria. "
        "Ghanaian Foreign Minister Kofi Mensah signed the pact in Kampala.\n\n"
        "Mensah said the lake would be patrolled jointly."
    )
    said = [e for e in _events(nlp, other) if e["type"] == "STATEMENT"]
    assert [e["time"]["value"] for e in said] == [None]


def test_talks_under_an_act_of_the_dated_occasions_people_are_its_talks(nlp: Any) -> None:
    """The bare 'talks' after which the ministers of the lead's two countries signed are the
    talks of the lead's day; talks the text sets apart ('their last talks') are not."""
    lead = "The foreign ministers of Kenya and Tanzania agreed on Wednesday to open the border.\n\n"
    text = lead + (
        "Kenyan Foreign Minister Amos Wako and his Tanzanian counterpart signed a joint "
        "statement after three hours of talks in Arusha."
    )
    meets = [e for e in _events(nlp, text) if e["type"] == "MEET" and e["status"] == "occurred"]
    assert meets and {e["time"]["value"] for e in meets} == {"2026-07-08"}
    other = lead + (
        "Kenyan Foreign Minister Amos Wako and his Tanzanian counterpart signed a joint "
        "statement after their last talks in Arusha."
    )
    meets = [e for e in _events(nlp, other) if e["type"] == "MEET" and e["status"] == "occurred"]
    assert meets and None in {e["time"]["value"] for e in meets}
    # the talks a speaker of the occasion's sentence tells of are its talks
    same = (
        "Kenya and Tanzania agreed on Wednesday to open the border, Kenyan Foreign Minister "
        "Amos Wako said after talks with Tanzanian Foreign Minister Rose Akello in Arusha."
    )
    meets = [e for e in _events(nlp, same) if e["type"] == "MEET" and e["status"] == "occurred"]
    assert meets and {e["time"]["value"] for e in meets} == {"2026-07-08"}
    # talks of more days than the occasion's, told after it in its own sentence, are not its
    days = lead + (
        "Kenyan Foreign Minister Amos Wako and his Tanzanian counterpart signed a joint "
        "statement after two weeks of talks in Arusha."
    )
    meets = [e for e in _events(nlp, days) if e["type"] == "MEET" and e["status"] == "occurred"]
    assert meets and "2026-07-08" not in {e["time"]["value"] for e in meets}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Minister Vantoor will continue to Dili on July 13 for talks with the Timorese "
         "Government.", "2026-07-13"),
        ("Minister Vantoor stayed on for border talks with the Timorese premier on July 8.",
         "2026-07-08"),
        # no visit of its own found (the traveller is no known person): the plan's own time
        ("Vantoor himself is due in Tokyo in October for talks with the Japanese prime "
         "minister.", "2026-10"),
        ("Vantoor is due in Phnom Penh on Monday to meet the Cambodian prime minister.",
         "2026-07-13"),
    ],
)  # fmt: skip
def test_a_meeting_a_dated_trip_is_made_for_takes_its_time(nlp: Any, text: str, value: str) -> None:
    """Talks that a journey goes on `for`, or a meeting a traveller `is due in` a place to
    hold, happen at the journey's time."""
    meets = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in meets] == [value]


def test_a_bare_the_two_conjoined_to_a_dated_meeting_shares_its_day(nlp: Any) -> None:
    """'met X on Thursday, and the two discussed …': the bare 'the two' stands for the
    meeting's parties, so the discussion is held at the meeting; another subject is not."""
    text = (
        "Latvian Foreign Minister Ilze Kalnberga met Chilean Foreign Minister Tomas Urrutia on "
        "Thursday evening, and the two discussed the war in Sudan."
    )
    talks = [e for e in _events(nlp, text) if e["type"] == "DISCUSS"]
    assert [e["time"]["value"] for e in talks] == ["2026-07-09TEV"]
    other = (
        "Latvian Foreign Minister Ilze Kalnberga met Chilean Foreign Minister Tomas Urrutia on "
        "Thursday evening, and the ministry said fishing quotas were discussed at length."
    )
    said = [e for e in _events(nlp, other) if e["type"] == "STATEMENT"]
    assert said and all(e["time"]["value"] is None for e in said)


def test_a_where_clause_hung_on_its_infinitive_takes_the_date_before_it(nlp: Any) -> None:
    """'met in Lima in November 2024, where they agreed to finish …': the parser hangs
    'where' on the infinitive, but the clause is the agreeing, done at that time."""
    text = (
        "Latvian Foreign Minister Ilze Kalnberga and Chilean Foreign Minister Tomas Urrutia met "
        "in Lima in November 2024, where they agreed to finish the fisheries accord."
    )
    agreed = [e for e in _events(nlp, text) if e["type"] == "AGREE"]
    assert [e["time"]["value"] for e in agreed] == ["2024-11"]


def test_talks_a_traveller_is_due_somewhere_for_are_held_there(nlp: Any) -> None:
    """'is due in Tokyo in October for talks': the talks are in Tokyo, at the trip's time."""
    text = "Vantoor himself is due in Tokyo in October for talks with the Japanese prime minister."
    meets = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["time"]["value"], e["location"]) for e in meets] == [("2026-10", "Tokyo")]


def test_words_at_a_closing_conference_no_sentence_names_take_the_latest_talks_day(
    nlp: Any,
) -> None:
    text = (
        "Kenyan and Tanzanian ministers held talks in Arusha on Tuesday.\n\nThe talks covered "
        "trade.\n\nAt the closing press conference, Kenyan minister Grace Wanjiku said the next "
        "session would be held in Nairobi."
    )
    said = [e for e in _events(nlp, text) if e["type"] == "STATEMENT"]
    assert [e["time"]["value"] for e in said] == ["2026-07-07"]
    # without a definite occasion it was said at, the words are not put at the talks
    bare = text.replace("At the closing press conference, ", "")
    said = [e for e in _events(nlp, bare) if e["type"] == "STATEMENT"]
    assert [e["time"]["value"] for e in said] == [None]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Officials in Nairobi said President Ruto will travel to Lusaka before the end of the "
         "year.", "VISIT", "2026"),
        ("A team of Kenyan police advisers will deploy to Haiti by the end of the month.",
         "DEPLOY", "2026-07"),
    ],
)  # fmt: skip
def test_a_window_closing_at_the_end_of_a_period_is_the_period(
    nlp: Any, text: str, kind: str, value: str
) -> None:
    """'before the end of the year' is the year, 'by the end of the month' the month
    (docs/annotation.md: a window the text names fixes the time at its grain)."""
    found = [e for e in _events(nlp, text) if e["type"] == kind]
    assert [e["time"]["value"] for e in found] == [value]
    # a bound with no period of its own stays a bound
    bare = text.replace("the end of the year", "the election").replace(
        "the end of the month", "the election"
    )
    found = [e for e in _events(nlp, bare) if e["type"] == kind]
    assert found and all(e["time"]["value"] is None for e in found)


def test_a_stay_opened_by_a_present_perfect_arrival_lasts_its_stated_days(nlp: Any) -> None:
    """'has arrived in Kampala for a three-day visit': the arrival is today's, the visit
    the three days from it."""
    text = "Kenya's President has arrived in Kampala for a three-day official visit."
    [visit] = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert (visit["status"], visit["time"]["value"]) == ("ongoing", "2026-07-10/2026-07-12")
    bare = "Kenya's President has arrived in Kampala for an official visit."
    [visit] = [e for e in _events(nlp, bare) if e["type"] == "VISIT"]
    assert (visit["status"], visit["time"]["value"]) == ("ongoing", None)


def test_a_bare_first_day_before_a_dated_last_day_makes_one_span(nlp: Any) -> None:
    """'scheduled for 20 to 23 July': the tagger finds '20' and '23 July' apart; the days
    between them are the plan's, as in 'July 20 to 23'."""
    text = (
        "Kenya's President has cancelled his state visit to Ghana, which had been scheduled "
        "for 20 to 23 July."
    )
    [visit] = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert (visit["status"], visit["time"]["value"]) == ("negated", "2026-07-20/2026-07-23")


def test_a_period_the_sentence_gives_a_plan_stays_when_no_day_is_set(nlp: Any) -> None:
    """'would travel to Nairobi later this year, though no date has been set': the year is
    the plan's own, not a date lent by another mention."""
    text = (
        "Tanzania's President would travel to Nairobi later this year, though no date has been "
        "set, officials said."
    )
    [visit] = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert visit["time"]["value"] == "2026"
    # a time another sentence lent is still dropped (see
    # test_a_plan_its_sentence_says_has_no_date_stays_undated)


def test_a_date_between_a_called_off_plan_and_its_verb_is_the_plans(nlp: Any) -> None:
    """'A planned visit … in early November was called off': the parser hangs the date on
    the cancelling verb, but it stands in the subject, before the verb: the plan's time."""
    text = "A planned visit to Kampala by the Kenyan minister in early September was called off."
    [visit] = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert visit["status"] == "negated"
    # the month the sentence gives (which September is the tagger's reading of the tense)
    assert (visit["time"]["value"] or "").endswith("-09")
    after = "A planned visit to Kampala by the Kenyan minister was called off last week."
    [visit] = [e for e in _events(nlp, after) if e["type"] == "VISIT"]
    assert (visit["status"], visit["time"]["value"]) == ("negated", None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A rally that Kenya's ruling party had called for Saturday outside the presidency "
         "has been cancelled.", "2026-07-11"),
    ],
)  # fmt: skip
def test_a_protest_called_off_keeps_the_day_its_relative_clause_had_set(
    nlp: Any, text: str, value: str
) -> None:
    """'a rally the party had called for Saturday … has been cancelled': the day it had been
    called for, not none and not the day of the calling off."""
    rallies = [e for e in _events(nlp, text) if e["type"] == "PROTEST"]
    assert [(e["status"], e["time"]["value"]) for e in rallies] == [("negated", value)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kenya and Ghana signed a trade accord on Friday, on the second and last day of the "
         "Ghanaian President's visit to Nairobi.", "2026-07-09/2026-07-10"),
        ("Kenya and Ghana signed a trade accord on Friday, on the second day of the Ghanaian "
         "President's visit to Nairobi. He is due to fly to Mombasa on Saturday, the last day "
         "of his visit.", "2026-07-09/2026-07-11"),
        ("Kenya's President welcomed the President of Ghana to State House yesterday, on the "
         "third day of the Ghanaian leader's state visit to Kenya.", "2026-07-07/2026-07-10"),
    ],
)  # fmt: skip
def test_a_visit_told_by_its_nth_day_began_days_before_it(nlp: Any, text: str, value: str) -> None:
    """'on the second day of X's visit', said of a Friday: the visit began on the Thursday
    and lasts to its last day as told, or, under way, to the DCT."""
    found = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert value in [e["time"]["value"] for e in found]


def test_a_first_leg_told_as_a_span_keeps_its_last_day(nlp: Any) -> None:
    """'will be in Accra on July 14-16 and in Lome on July 28-29': splitting off the second
    leg leaves the first its span, not the one day the tagger found before the bare '16'."""
    text = "Kenya's President will be in Accra on July 14-16 and in Lome on July 28-29."
    visits = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert sorted(e["time"]["value"] for e in visits) == [
        "2026-07-14/2026-07-16",
        "2026-07-28/2026-07-29",
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Namibia and Angola will hold talks in Windhoek on the ninth and tenth of September.",
         "2026-09-09/2026-09-10"),
        ("The presidents of Namibia and Angola will meet in Windhoek from the twenty-first to "
         "the twenty-third of September.", "2026-09-21/2026-09-23"),
        ("The summit was moved in August. The presidents of Namibia and Angola will meet in "
         "Windhoek on the 21st and 22nd of September.", "2026-09-21/2026-09-22"),
        ("The presidents of Namibia and Angola will meet in Windhoek on the twenty-fourth of "
         "September.", "2026-09-24"),
    ],
)  # fmt: skip
def test_days_spelled_as_ordinals_of_a_month_date_the_meeting(
    nlp: Any, text: str, value: str
) -> None:
    """'on the ninth and tenth of September', 'the 21st and 22nd of September' after another
    month: the days the broadcast spells out, not the month, the DCT or none."""
    found = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in found] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kenya's foreign minister lands in Lusaka on July 20. Talks with Zambia's President "
         "are planned for the 22nd and 23rd.", "2026-07-22/2026-07-23"),
        ("Kenya's foreign minister lands in Lusaka on July 20 and meets Zambia's President on "
         "Wednesday the 22nd.", "2026-07-22"),
    ],
)  # fmt: skip
def test_bare_ordinal_days_date_talks_in_the_month_last_named(
    nlp: Any, text: str, value: str
) -> None:
    """'planned for the 22nd and 23rd', 'on Wednesday the 22nd': days of the month last
    named, a span when two are joined."""
    found = [e for e in _events(nlp, text) if e["type"] in ("MEET", "DISCUSS")]
    assert value in [e["time"]["value"] for e in found]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thousands of teachers marched through Nairobi on Wednesday to demand higher pay.\n\n"
         '"We will not go back to the classrooms," union leader Wilson Sossion told the crowd '
         "outside Parliament.", "2026-07-08"),
        ("A court in Lusaka on Thursday sentenced opposition leader Peter Mwale to four years "
         'in prison.\n\n"This is a political verdict," his lawyer, Mary Banda, told reporters '
         "outside the court.", "2026-07-09"),
        ("Donors pledged $300 million on Wednesday for flood relief in Malawi at a conference "
         'in Geneva.\n\n"This is a beginning," the relief coordinator, Anna Berg, told '
         "delegates as the conference closed.", "2026-07-08"),
        ("Donors pledged $300 million on Wednesday for flood relief in Malawi at a conference "
         "in Geneva.\n\nSpeaking at the conference, Norway's minister Anna Berg said Oslo "
         "would double its pledge.", "2026-07-08"),
    ],
)  # fmt: skip
def test_words_told_at_the_scene_of_the_leads_occasion_are_said_on_its_day(
    nlp: Any, text: str, value: str
) -> None:
    """'told the crowd outside Parliament', 'told reporters outside the court', 'told
    delegates as the conference closed': undated words said at the scene of the occasion
    the lead dates were said on its day, though their speaker is no party of it."""
    said = [e for e in _events(nlp, text) if e["type"] == "STATEMENT"]
    assert [e["time"]["value"] for e in said] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Donors pledged $300 million on Wednesday for flood relief in Malawi at a conference "
        "in Geneva.\n\nNorway's minister Anna Berg said Oslo would double its pledge.",
        "A court in Lusaka on Thursday sentenced opposition leader Peter Mwale to four years "
        'in prison.\n\n"We will appeal," his lawyer, Mary Banda, told reporters outside the '
        "party's offices.",
    ],
)
def test_words_not_told_at_the_leads_scene_stay_undated(nlp: Any, text: str) -> None:
    """Words with no scene ('Anna Berg said …'), or told at a place the lead does not name
    ('outside the party's offices' after a court's sentence), are not put on its day."""
    said = [e for e in _events(nlp, text) if e["type"] == "STATEMENT"]
    assert [e["time"]["value"] for e in said] == [None]


NEW_TIME_DCT = date(2027, 4, 20)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("The second round of talks between Chile and Peru had been due in Lima on May 18; it "
         "will now take place on June 18.", "MEET", "2027-06-18"),
        ("Kenya and Uganda were due to hold talks in Nairobi on May 10. The talks have been "
         "postponed. They will now take place on June 3.", "MEET", "2027-06-03"),
        ("Nepal will host a donors' conference in Kathmandu. The conference had been set for "
         "May 10, but it has been moved to May 24.", "MEET", "2027-05-24"),
        ("Ghana has put off a levy on rice imported from Togo that was due to take effect on "
         "Friday. The levy will now apply from May 15.", "SANCTION", "2027-05-15"),
    ],
)  # fmt: skip
def test_a_plan_takes_the_new_time_a_later_clause_tells(
    nlp: Any, text: str, kind: str, value: str
) -> None:
    """The plan's pronoun or noun with 'will now take place', 'will now apply' or 'has been
    moved to' tells the plan's new time, which replaces the old one or none."""
    found = [e for e in _events(nlp, text, NEW_TIME_DCT) if e["type"] == kind]
    assert value in [e["time"]["value"] for e in found]


def test_a_later_clause_of_words_or_past_acts_moves_no_plan(nlp: Any) -> None:
    text = (
        "Kenya and Uganda held talks in Nairobi on April 12. Ruto said it would now be "
        "easier to trade from May 1."
    )
    meets = [e for e in _events(nlp, text, NEW_TIME_DCT) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in meets] == ["2027-04-12"]


def test_now_of_another_clause_tells_no_new_time(nlp: Any) -> None:
    # `now` counts on the verb or on a verb it complements that shares its subject: the
    # talks' own clause, with its own subject, keeps its time as told, not a new one
    text = (
        "Our earlier post said the talks between Ghana and Togo would start at noon today in "
        "Accra; they are now expected on Friday."
    )
    meets = [e for e in _events(nlp, text, NEW_TIME_DCT) if e["type"] == "MEET"]
    assert meets and all("new time told after" not in (e["cue"] or "") for e in meets)


def test_a_meeting_pushed_back_to_a_month_keeps_that_month_ahead(nlp: Any) -> None:
    # told in the past tense of the move, the new month is no month of last year (and so
    # no past time the plan would drop)
    text = (
        "The donor conference in Nairobi, which was to open on July 20, has been pushed back "
        "to October, the organisers said."
    )
    found = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["status"], e["time"]["value"]) for e in found] == [("planned", "2026-10")]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # a clause of 'when' dates the act it hangs on (and that act's infinitive's governor)
        ("Zambia and Malawi first agreed to cut tariffs when their ministers met in Lusaka in "
         "March last year.", "AGREE", "2025-03"),
        # a relative clause whose verb makes its noun happen tells the noun's time
        ("Norway pledged $50 million for Malawi at a donors' conference it hosted in Oslo in "
         "May 2019.", "MEET", "2019-05"),
        # the talks walked out of went on at the walkout's time
        ("Nigeria's envoy walked out of the talks with Morocco in Abuja in June 1999.", "MEET",
         "1999-06"),
    ],
)  # fmt: skip
def test_a_past_act_takes_the_year_or_month_of_its_own_clause(
    nlp: Any, text: str, kind: str, value: str
) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == kind]
    assert value in [e["time"]["value"] for e in found]


def test_a_relative_clause_of_another_subject_doing_keeps_its_time(nlp: Any) -> None:
    # the relative clause's verb is no making of the noun: the conference keeps no date
    text = "Norway pledged $50 million for Malawi at a conference that praised its aid in 2019."
    found = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert all(e["time"]["value"] != "2019" for e in found)


def test_a_range_end_hung_elsewhere_still_ends_the_range(nlp: Any) -> None:
    # the parser hangs the bare '17' on nothing that climbs to 'meet'
    text = (
        "Uzbek and Kazakh guards exchanged 12 detainees on Monday. Their water commission "
        "is due to meet in Tashkent on June 15-17."
    )
    found = [e for e in _events(nlp, text, date(2026, 5, 26)) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in found] == ["2026-06-15/2026-06-17"]


def test_a_range_end_needs_a_link_to_the_day(nlp: Any) -> None:
    text = "Uzbek officials will meet in Tashkent on August 3, and 5 ministers will attend."
    found = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert found and all(e["time"]["value"] == "2026-08-03" for e in found)


def test_an_arrival_and_the_departure_told_after_it_are_one_stay(nlp: Any) -> None:
    # the parser reads 'leaves' as a noun here; the words tell the stay's last day
    text = (
        "The President of Chile arrived in Lima on Monday and leaves on Wednesday evening "
        "after talks with the Peruvian President."
    )
    found = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [e["time"]["value"] for e in found] == ["2026-07-06/2026-07-08"]


@pytest.mark.parametrize(
    "text",
    [
        "Lisbon, 10 July 2026. The Ministry of Defence announces that a naval exercise with "
        "Spain will be held off Faro from 20 to 24 July.",
        "The Ministry of Foreign Affairs of Ghana is pleased to announce that the trade talks "
        "with Togo will be held in Accra on 28 July 2026.",
    ],
)
def test_a_releases_own_act_is_of_the_dct(nlp: Any, text: str) -> None:
    # the release announces in the simple present: the text itself is the act
    found = [e for e in _events(nlp, text) if e["type"] == "STATEMENT"]
    assert [e["time"]["value"] for e in found] == ["2026-07-10"]


def test_a_past_announcement_stays_undated(nlp: Any) -> None:
    # only the simple present is the text's own act; 'announced' tells an earlier one
    text = (
        "Portugal's defence ministry announced that a naval exercise with Spain will be held "
        "off Faro in late July."
    )
    found = [e for e in _events(nlp, text) if e["type"] == "STATEMENT"]
    assert found and all(e["time"]["value"] is None for e in found)


BRIEFING = (
    "Soldiers stopped a food convoy near Ayorou on Tuesday, the U.N. agency said on "
    'Wednesday. "We had every clearance and were still sent home," Anna Berg, its country '
    "director, said.\n\nThe trucks were empty. Prices have risen. Farmers are worried. "
    '"We will try again," Paul Weber, a regional coordinator, said.'
)


def _statement_day(nlp: Any, speaker: str) -> str | None:
    found = [
        e for e in _events(nlp, BRIEFING) if e["type"] == "STATEMENT" and speaker in e["source"]
    ]
    assert len(found) == 1
    return found[0]["time"]["value"]


def test_a_named_speaker_after_a_dated_lead_is_of_its_briefing(nlp: Any) -> None:
    # the lead's 'said on Wednesday' and the next sentence's undated words: one briefing
    assert _statement_day(nlp, "anna-berg") == "2026-07-08"


def test_a_named_speaker_far_after_the_lead_stays_undated(nlp: Any) -> None:
    assert _statement_day(nlp, "paul-weber") is None


def test_the_day_of_a_means_or_of_a_comparison_with_the_plan_dates_the_act(nlp: Any) -> None:
    # 'used … Monday to conduct one airstrike': the using is the strike's day
    text = "The air force used drones on Tuesday to conduct two airstrikes near Gao."
    [attack] = [e for e in _events(nlp, text) if e["type"] == "ATTACK"]
    assert attack["time"]["value"] == "2026-07-07"
    # what is done to an event is no performing of it: the protest keeps its own day
    text = "Tonight police used tear gas to break up a protest by traders on Sunday."
    [protest] = [e for e in _events(nlp, text) if e["type"] == "PROTEST"]
    assert protest["time"]["value"] == "2026-07-05"
    # 'broke off earlier than planned Tuesday': the parser hangs the day on 'planned'
    text = "The talks between Chad and Niger broke off earlier than planned Tuesday."
    found = [e for e in _events(nlp, text) if e["type"] in ("MEET", "DISCUSS")]
    assert [e["time"]["value"] for e in found] == ["2026-07-07"]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("A delegation of Togo's parliament that was due in Accra next week cancelled its "
         "trip.", "VISIT", "2026-W29"),
        ("India's President, who had planned to open Tuesday's fair in Dhaka, cancelled his "
         "trip last week.", "VISIT", "Tuesday"),
    ],
)  # fmt: skip
def test_a_date_a_plan_word_gives_in_the_cancelling_subject_is_the_plans(
    nlp: Any, text: str, kind: str, value: str
) -> None:
    """'A delegation that was due in Accra next week cancelled its trip': the parser hangs
    the date on the cancelling verb, but a word of planning in its subject phrase tells it
    as the time the plan had, not the time of the calling off."""
    found = [e for e in _events(nlp, text) if e["type"] == kind]
    assert [e["status"] for e in found] == ["negated"]
    time = found[0]["time"]["value"] or ""
    if value == "Tuesday":  # which Tuesday is the tagger's reading of the tense
        assert len(time) == 10 and date.fromisoformat(time).weekday() == 1
    else:
        assert time == value
    plain = "A delegation of Togo's parliament cancelled its trip to Accra last week."
    found = [e for e in _events(nlp, plain) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in found] == [("negated", None)]


def test_a_meeting_listed_for_a_day_keeps_it_when_dropped(nlp: Any) -> None:
    """'the meeting … that we listed for Saturday has been dropped': a relative clause of
    listing in the simple past, with a subject of its own, tells the plan's day."""
    text = (
        "The Arab League ministerial meeting in Cairo that we listed for Saturday, July 18, "
        "has been dropped."
    )
    found = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["status"], e["time"]["value"]) for e in found] == [("negated", "2026-07-18")]


def test_a_trip_called_off_takes_the_day_of_the_act_due_where_it_went(nlp: Any) -> None:
    """'cancelled a trip to Brussels, where he had been due to attend a meeting on
    Wednesday': the trip was for that meeting, at its day."""
    text = (
        "Georgia's Prime Minister cancelled a trip to Brussels, where he had been due to "
        "attend an Eastern Partnership meeting on Wednesday."
    )
    found = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [e["status"] for e in found] == ["negated"]
    time = found[0]["time"]["value"] or ""  # which Wednesday is the tagger's reading
    assert len(time) == 10 and date.fromisoformat(time).weekday() == 2


def test_a_plan_called_off_keeps_a_past_date_whose_year_is_written(nlp: Any) -> None:
    """'was due to visit Tbilisi from 22 to 24 March 2021; … the visit did not go ahead':
    a date with its year written is no past tense's reading, so the plan called off keeps
    it though it is before the DCT."""
    text = (
        "A delegation of the European Parliament was due to visit Tbilisi from 22 to 24 March "
        "2026; the visit did not go ahead."
    )
    found = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in found] == [
        ("negated", "2026-03-22/2026-03-24")
    ]


def test_a_weekend_is_its_saturday_and_sunday(nlp: Any) -> None:
    """'this coming weekend': the event's time is the span of the two days, as the guide
    writes a weekend, not the week's weekend value."""
    text = "Talks between Russia and Ukraine will take place in Abu Dhabi this coming weekend."
    found = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in found] == ["2026-07-11/2026-07-12"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ghana has declared a Togolese consul persona non grata and given him 48 hours to "
         "leave, the foreign ministry said on Wednesday.", "2026-07-08"),
        ("The Government of Togo informed our embassy in Lome yesterday that it had declared a "
         "political officer persona non grata.", "2026-07-09"),
    ],
)  # fmt: skip
def test_a_measure_dated_only_by_its_notice_takes_the_notices_day(
    nlp: Any, text: str, value: str
) -> None:
    """'X has declared a consul persona non grata …, the ministry said on Wednesday': the
    expulsion is dated by the notice of it, its sentence giving it no day of its own."""
    found = [e for e in _events(nlp, text) if e["type"] == "SANCTION"]
    assert [e["time"]["value"] for e in found] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana has expelled Togolese diplomats three times since 2020, the ministry said on "
        "Wednesday.",
        "Ghana has imposed sanctions on Togo once before, the ministry said on Wednesday.",
    ],
)
def test_a_perfect_of_earlier_measures_is_not_dated_by_the_notice(nlp: Any, text: str) -> None:
    """A perfect that tells a record ('three times since 2020', 'once before') is not the
    news the notice dates."""
    found = [e for e in _events(nlp, text) if e["type"] == "SANCTION"]
    assert found and all(e["time"]["value"] != "2026-07-08" for e in found)
