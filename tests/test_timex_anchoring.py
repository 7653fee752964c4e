"""Issue 16's last round: which day a weekday or a clock time far from its day takes,
future cues behind a participle, and offsets from a narrative anchor."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import timex_named
from dateline.model import Timex
from dateline.timex import tag
from dateline.timex.tense import sentence_bounds


def find(text: str, dct: date, surface: str) -> Timex:
    found: Timex = timex_named(text, dct, surface)
    return found


@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        # an -ed word after a modal's (or an infinitive's) verb is its object's adjective
        # or part of the verb group: "will" still decides (DCT a Wednesday)
        (
            "The CDC will release updated figures on Friday.",
            date(2013, 1, 9),
            "Friday",
            "2013-01-11",
        ),
        (
            "The ministry is to publish revised data on Monday.",
            date(2013, 1, 9),
            "Monday",
            "2013-01-14",
        ),
        # ... but an -ed verb of its own clause still looks back
        ("The CDC released updated figures on Friday.", date(2013, 1, 9), "Friday", "2013-01-04"),
    ],
)
def test_participles_after_a_future_verb(text: str, dct: date, surface: str, value: str) -> None:
    assert find(text, dct, surface).value == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # a clock time in a future clause is the scheduled occasion's: the last day named
        # ahead of the DCT (a Monday), not the DCT's day
        (
            "The runoff is on Sunday. Officials said on Friday that polls will open at 8 a.m.",
            "8 a.m.",
            "2024-11-24T08:00",
        ),
        (
            "The ruling is due on July 23. It will be read at a sitting that begins at 3 p.m.",
            "3 p.m.",
            "2025-07-23T15:00",
        ),
        # the DCT's own day named last keeps the clock time, as does a past clause
        ("The vote is on Sunday. The survey is due today at 2 p.m.", "2 p.m.", "2024-11-18T14:00"),
        (
            "The vote is on Sunday. Polls closed at 8 p.m. in the first round.",
            "8 p.m.",
            "2024-11-18T20:00",
        ),
    ],
)
def test_clock_time_in_a_future_clause_takes_the_day_ahead(
    text: str, surface: str, value: str
) -> None:
    assert find(text, date(2024, 11, 18), surface).value == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # an offset with no point to move to is its amount, "later" left outside (TimeML)
        ("Powell will speak to reporters half an hour later.", "half an hour", "PT30M"),
        ("A second attempt could be made 24 hours later.", "24 hours", "PT24H"),
        ("Just over an hour later, he was declared dead.", "an hour", "PT1H"),
        ("A few days later, the company announced lower earnings.", "A few days", "PXD"),
        # a clock time to count from gives the clock time, also when its day follows it
        ("The quake hit at 4:32 a.m. Rescuers arrived two hours later.", "two hours later", None),
        (
            "The armistice was signed at 10 a.m. on 27 July 1953 and took effect"
            " twelve hours later.",
            "twelve hours later",
            "1953-07-27T22:00",
        ),
        # whole days, weeks and years still move the anchor
        ("They met on June 3, 1998. Two days later they signed.", "Two days later", "1998-06-05"),
    ],
)
def test_offsets_from_a_narrative_anchor(text: str, surface: str, value: str | None) -> None:
    found = find(text, date(2010, 6, 25), surface)
    if value is None:
        assert found.type == "TIME" and found.value.endswith("T06:32")
    else:
        assert found.value == value
        assert found.type == ("DURATION" if value.startswith("P") else found.type)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # a modal's clause reaches a weekday some words on (DCT a Tuesday)
        (
            "The airline said it would cancel a third of its flights between Madrid and Lisbon"
            " on Friday.",
            "Friday",
            "2019-11-08",
        ),
        ("Officials warned that the evacuation could last until Monday.", "Monday", "2019-11-11"),
        ("The storm might bring snow to the hills through Saturday.", "Saturday", "2019-11-09"),
        # "could" with a passive participle is a past inability
        ("Neither man could be located Wednesday in his hometown.", "Wednesday", "2019-10-30"),
    ],
)
def test_modal_clauses_reach_their_weekday(text: str, surface: str, value: str) -> None:
    assert find(text, date(2019, 11, 5), surface).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "a year earlier" after "last year" compares with last year, not the year before it
        (
            "Losses reduced net by $50 million. Last year losses totaled $5 million. The"
            " year-earlier results have been restated.",
            "1988",
        ),
        (
            "Analysts cut estimates from last year's $3.27 a share. The company lost $673"
            " million in the nine months, against earnings a year earlier of $382 million.",
            "1988",
        ),
        # a year-end of last year is a point a year earlier counts back from
        ("Bad loans fell at year-end from $3.2 billion a year earlier.", "1987"),
    ],
)
def test_a_year_earlier_than_last_year_is_last_year(text: str, value: str) -> None:
    found = [t for t in tag(text, date(1989, 1, 19)) if "earlier" in t.text]
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # a deadline someone "has" lies ahead, a clock time before its weekday included
        # (DCT a Wednesday)
        (
            "Members have been able to book since this morning and have until midnight on Friday.",
            "Friday",
            "2024-04-05",
        ),
        ("Applicants have until Monday to reply.", "Monday", "2024-04-08"),
        # ... but a deadline that "had" run is over
        ("Applicants had until Monday to reply.", "Monday", "2024-04-01"),
    ],
)
def test_a_deadline_someone_has_lies_ahead(text: str, surface: str, value: str) -> None:
    assert find(text, date(2024, 4, 3), surface).value == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # a capitalized past form inside a sentence is a name, no past verb (DCT a Friday)
        (
            "The red warning runs from 3 a.m. to 11 a.m. Saturday, the Met Office said.",
            "11 a.m. Saturday",
            "2024-12-07T11:00",
        ),
        ("The festival opens Saturday, the Met Office said.", "Saturday", "2024-12-07"),
        # ... while the verb itself still looks back
        ("Ministers met Saturday in Geneva.", "Saturday", "2024-11-30"),
        ("Met by protesters on Saturday, he left.", "Saturday", "2024-11-30"),
    ],
)
def test_names_are_no_past_verbs(text: str, surface: str, value: str) -> None:
    assert find(text, date(2024, 12, 6), surface).value == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # "will last" is the verb, not "last week" (DCT a Wednesday)
        ("A public party will last until 2 a.m. on Sunday.", "Sunday", "2025-10-12"),
        ("The talks broke down last Friday.", "last Friday", "2025-10-03"),
        # the second weekday of a pair follows the first, whichever way the first points
        (
            "The airline said it would cancel flights between Madrid and Lisbon on Friday and"
            " Saturday.",
            "Saturday",
            "2025-10-11",
        ),
        ("Talks were held on Friday and Saturday.", "Saturday", "2025-10-04"),
        # a pair told backwards is no pair: each weekday points its own way
        ("These are statements made Friday and Thursday.", "Thursday", "2025-10-02"),
    ],
)
def test_will_last_and_weekday_pairs(text: str, surface: str, value: str) -> None:
    assert find(text, date(2025, 10, 8), surface).value == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # a cue in a relative clause after the weekday is another clause's (DCT a Saturday)
        (
            "Top seed Anna Kowal plays her fourth-round match on Sunday against Riley Cole,"
            " who has won 14 straight matches.",
            "Sunday",
            "2026-01-25",
        ),
        # the day something is meant for lies ahead
        ("Rail operators cancelled most services in Wales for Sunday.", "Sunday", "2026-01-25"),
        ("Forecasters put the chance of rain at 70 percent for Friday.", "Friday", "2026-01-30"),
        # ... unless it is a plan's day, which the plan's tense decides
        (
            "A memorial service planned at the university for Friday was canceled.",
            "Friday",
            "2026-01-23",
        ),
    ],
)
def test_relative_clauses_and_days_meant_for(text: str, surface: str, value: str) -> None:
    assert find(text, date(2026, 1, 24), surface).value == value


def test_last_as_a_verb_is_no_past_cue() -> None:
    text = (
        "Organisers said on Wednesday that the ceremony on the river would begin at 7:30 p.m."
        " on July 26 and last about three hours."
    )
    assert find(text, date(2024, 2, 21), "July 26").value == "2024-07-26"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "Today" opening a present sentence after a time years back is nowadays
        (
            "A campaign raised 1.2 million pounds in 2009 and saved it. Today the museum"
            " welcomes about 90,000 visitors a year.",
            "PRESENT_REF",
        ),
        ("The river rose again in June 2008. Today the old street is a park.", "PRESENT_REF"),
        # ... but not in a past clause, nor after a recent time, nor inside a quote
        ("The river rose again in June 2008. Today the council voted to rebuild.", "2014-10-05"),
        ("The museum closed in August. Today it is open again.", "2014-10-05"),
        ("He worked there in 1968. ``It is symbolic that we today accept it.''", "2014-10-05"),
    ],
)
def test_today_after_a_time_years_back(text: str, value: str) -> None:
    found = [t for t in tag(text, date(2014, 10, 5)) if t.text.lower() == "today"]
    assert [t.value for t in found] == [value]


def test_a_sentence_opened_by_the_expression_starts_at_it() -> None:
    text = "The campaign saved it. Today the museum welcomes visitors."
    start = text.index("Today")
    assert sentence_bounds(text, start, start + len("Today"))[0] == start


def test_an_anniversary_counts_from_the_day_of_a_part_of_day() -> None:
    text = (
        "The attack came on the morning of 7 December 1941. This morning's ceremony marks"
        " the 68th anniversary of the attack."
    )
    found = [t for t in tag(text, date(2009, 12, 7)) if t.rule == "anniversary"]
    assert [t.value for t in found] == ["2009-12-07"]


def test_a_local_clock_time_takes_its_day_from_a_bracketed_equivalent_in_another_zone() -> None:
    text = (
        "The storm made landfall at 3:15 a.m. local time (1915 GMT Saturday). Power was cut "
        "about three hours later, and by noon 20,000 homes were dark."
    )
    found = {t.text: t.value for t in tag(text, date(2024, 3, 10))}
    # 3:15 a.m. is on Sunday where 19:15 UTC on Saturday is 3:15 a.m. (UTC+8)
    assert found["3:15 a.m."] == "2024-03-10T03:15"
    assert found["1915 GMT Saturday"] == "2024-03-09T19:15Z"
    # the local clock time stays the anchor of what follows
    assert found["three hours later"] == "2024-03-10T06:15"
    assert found["noon"] == "2024-03-10T12:00"


def test_both_zones_stated_give_the_day_on_which_they_name_one_instant() -> None:
    text = "The probe was launched at 11 p.m. EST (0400 GMT Wednesday)."
    found = {t.text: t.value for t in tag(text, date(2025, 1, 12))}
    assert found["11 p.m. EST"] == "2025-01-07T23:00-05:00"
    assert found["0400 GMT Wednesday"] == "2025-01-08T04:00Z"


@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        # a day after a comma and "on"
        (
            "The market will shut at 13:00 GMT, on Friday, May 8, for the holiday.",
            date(2026, 4, 20),
            "13:00 GMT",
            "2026-05-08T13:00Z",
        ),
        # the date right before "at"
        (
            "Tickets for the show go on sale on May 2 at 10 a.m. Last year's show sold out"
            " in an hour.",
            date(2026, 4, 25),
            "10 a.m.",
            "2026-05-02T10:00",
        ),
        # a day named as an occasion's, then dated
        (
            "Negotiators may sit until midnight on the last day, April 30, to close a deal.",
            date(2026, 4, 20),
            "midnight",
            "2026-04-30T24:00",
        ),
        # the first of a range shares the day the second takes
        (
            "Visitors between 2 p.m. and 4 p.m. on April 9 should call the hotline.",
            date(2026, 4, 20),
            "2 p.m.",
            "2026-04-09T14:00",
        ),
    ],
)
def test_a_clock_time_takes_the_day_written_next_to_it(
    text: str, dct: date, surface: str, value: str
) -> None:
    assert timex_named(text, dct, surface).value == value


def test_a_past_clause_is_no_future_for_its_clock_time_however_its_deadline_reads() -> None:
    # "before midnight" reads as a deadline, but "broke up" tells the past: Wednesday's
    # midnight, not the coming Friday's
    text = (
        "The strike will end on Friday. Talks lasted nine hours on Wednesday and broke up "
        "shortly before midnight."
    )
    assert timex_named(text, date(2026, 4, 23), "midnight").value == "2026-04-22T24:00"
    # a future clause still takes the occasion named ahead
    ahead = "The strike will end on Friday. Pickets will leave shortly before midnight."
    assert timex_named(ahead, date(2026, 4, 23), "midnight").value == "2026-04-24T24:00"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # the weekday names the range's last day (September 9, 2027 is a Thursday): same year
        (
            "The panel sits from Monday to Thursday, September 6-9, in Bern.",
            "Thursday, September 6",
            "2027-09-06",
        ),
        (
            "The fair runs Monday through Wednesday, October 11 to 13.",
            "Wednesday, October 11",
            "2027-10-11",
        ),
        # a weekday that fits no day of the range still moves the year, as a lone date does
        ("The fair opens on Tuesday, May 12.", "Tuesday, May 12", "2026-05-12"),
    ],
)
def test_weekday_before_a_range_of_days_names_its_last_day(
    text: str, surface: str, value: str
) -> None:
    assert find(text, date(2027, 8, 20), surface).value == value


@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        # the new time of a plan moved, told in the past tense of the move, lies ahead: not
        # a year back
        (
            "The fisheries talks, set for next week, were pushed back to January.",
            date(2024, 11, 20),
            "January",
            "2025-01",
        ),
        (
            "The river commission's meeting, originally set for June, was put off to November "
            "at the request of Laos.",
            date(2025, 8, 14),
            "November",
            "2025-11",
        ),
        (
            "The summit in Kigali has been put back to the autumn.",
            date(2024, 5, 8),
            "the autumn",
            "2024-FA",
        ),
        # ... even when last year's is nearer to the DCT
        (
            "The state visit to Accra has been put back to the autumn.",
            date(2026, 3, 18),
            "the autumn",
            "2026-FA",
        ),
        # ... but not a year ahead when the new time has only just gone by
        (
            "The talks, postponed to March, were held in Arusha on Tuesday.",
            date(2024, 4, 10),
            "March",
            "2024-03",
        ),
        # a year the sentence names still decides
        ("In 2019 the forum was moved to October.", date(2024, 4, 10), "October", "2019-10"),
    ],
)
def test_the_time_a_plan_is_moved_to_lies_ahead(
    text: str, dct: date, surface: str, value: str
) -> None:
    assert find(text, dct, surface).value == value
