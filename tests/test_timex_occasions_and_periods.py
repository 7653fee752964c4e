"""Scheduled occasions and their weekdays, nights that cross midnight, quarters and the
periods compared with them, vague decades, fractions and rates: whole classes of errors
the development sets showed. The sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import timex_named
from dateline.timex import tag


def value_of(text: str, dct: date, surface: str) -> str:
    found: str = timex_named(text, dct, surface).value
    return found


def values_of(text: str, dct: date, surface: str) -> list[str]:
    return [t.value for t in tag(text, dct) if t.text == surface]


FRIDAY = date(2011, 5, 20)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # the occasion a possessive weekday names, when something is meant for it, lies ahead
        ("Campaigning for Sunday's regional elections ends tonight.", "Sunday", "2011-05-22"),
        ("The club has sold all its tickets for Sunday's final.", "Sunday", "2011-05-22"),
        # ... a possessive that names no occasion is still a reported day
        ("Analysts cut their forecasts for Tuesday's figures.", "Tuesday", "2011-05-17"),
        # the plain present of a scheduled occasion, with a plural subject or "ends"
        ("Polling stations open at 9 a.m. on Sunday.", "Sunday", "2011-05-22"),
        ("The polls close at 8 p.m. on Sunday.", "Sunday", "2011-05-22"),
        ("The race ends in Oslo on Monday afternoon.", "Monday afternoon", "2011-05-23TAF"),
        # "is expected at", "is due at": the future
        ("A joint statement is expected at noon on Tuesday.", "Tuesday", "2011-05-24"),
        ("Her plane is due at Haneda airport on Monday.", "Monday", "2011-05-23"),
        # a modal's clause reaches its weekday across a number
        (
            "The railway said it would run about 40 percent of its trains on Tuesday.",
            "Tuesday",
            "2011-05-24",
        ),
        # the end of a range of weekdays follows its start, up to six days on
        (
            "Doctors will strike for five days from 7 a.m. on Monday until 7 a.m. on Saturday.",
            "Saturday",
            "2011-05-28",
        ),
    ],
)
def test_scheduled_occasions_point_ahead(text: str, surface: str, value: str) -> None:
    assert value_of(text, FRIDAY, surface) == value


def test_a_past_clause_still_looks_back() -> None:
    assert value_of("The polls closed at 8 p.m. on Sunday.", FRIDAY, "Sunday") == "2011-05-15"


def test_a_weekday_named_again_in_its_sentence_is_the_same_day() -> None:
    text = (
        "The company said it would run a third of its services on Tuesday and Wednesday, "
        "and that the last train on Tuesday would leave at 7 p.m."
    )
    dct = date(2016, 12, 29)
    assert values_of(text, dct, "Tuesday") == ["2017-01-03", "2017-01-03"]
    # a modal after the day keeps a clock time on it, though "said" is past
    assert value_of(text, dct, "7 p.m.") == "2017-01-03T19:00"


@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        # small hours told right after a clock time of the night before: the next day
        (
            "Free buses will run tonight from 9 p.m. until 2 a.m. for the crowds.",
            date(2009, 12, 31),
            "2 a.m.",
            "2010-01-01T02:00",
        ),
        (
            "The last ferry left at 11:50 p.m. on Saturday and docked at 12:20 a.m.",
            date(2018, 9, 18),
            "12:20 a.m.",
            "2018-09-16T00:20",
        ),
        # ... not small hours after a morning, nor an evening after a night
        (
            "The market opened at 9 a.m. and the index peaked at 11 a.m.",
            date(2018, 9, 18),
            "11 a.m.",
            "2018-09-18T11:00",
        ),
    ],
)
def test_a_night_that_crosses_midnight(text: str, dct: date, surface: str, value: str) -> None:
    assert value_of(text, dct, surface) == value


def test_a_quarter_that_ended_on_a_day_still_ahead_is_last_years() -> None:
    text = (
        "In the year-ago quarter, the second quarter ended Oct. 31, the group lost money. "
        "Results for that quarter included a charge."
    )
    dct = date(1989, 10, 27)
    assert value_of(text, dct, "the second quarter") == "1988-Q2"
    assert value_of(text, dct, "that quarter") == "1988-Q2"
    # a closing day already past leaves the quarter in the DCT's year
    assert value_of("Its fourth quarter ended Sept. 30 was weak.", dct, "fourth quarter") == (
        "1989-Q4"
    )


def test_the_year_period_after_a_span_of_months_is_the_year() -> None:
    text = (
        "In the first nine months, net was $306 million, against a loss of $195 million "
        "in the 1988 period. The year-ago results included a charge."
    )
    dct = date(1989, 11, 2)
    assert value_of(text, dct, "the 1988 period") == "1988"
    # "year-ago" compares with that period, not with the year before it
    assert value_of(text, dct, "year-ago") == "1988"
    # after a quarter, the period is still the quarter
    quarter = "Third-quarter net rose from $20 million in the 1988 period."
    assert value_of(quarter, dct, "the 1988 period") == "1988-Q3"


def test_last_years_figure_compared_with_a_reported_quarter_is_last_years_quarter() -> None:
    dct = date(1989, 11, 2)
    text = (
        "The insurer reported third-quarter results. Its life unit earned $40 million, "
        "compared with a loss of $6 million last year."
    )
    assert value_of(text, dct, "last year") == "1988-Q3"
    # a possessive before the compared amount, after a fiscal fourth quarter
    fiscal = (
        "The brewer posted fiscal fourth-quarter profit. Revenue in the latest period was "
        "$2.1 billion, up from last year's $1.9 billion."
    )
    assert value_of(fiscal, dct, "last year") == "1988-Q4"
    # no quarter reported, no compared amount, or no comparison: the calendar year
    assert value_of("Exports rose to $3 billion from $2 billion last year.", dct, "last year") == (
        "1988"
    )
    percent = "The insurer reported third-quarter results. Premiums rose 18 percent last year."
    assert value_of(percent, dct, "last year") == "1988"
    spent = "The insurer reported third-quarter results. It spent $6 million last year on ads."
    assert value_of(spent, dct, "last year") == "1988"


def test_this_quarters_results_told_after_it_ended_are_the_reported_quarters() -> None:
    text = "Net loss for the third quarter was $8 million. This quarter's loss includes charges."
    dct = date(1989, 11, 1)
    assert value_of(text, dct, "This quarter") == "1989-Q3"
    # a forecast, or no quarter reported, is the DCT's quarter
    ahead = "Net loss for the third quarter was $8 million. This quarter's sales should rise."
    assert value_of(ahead, dct, "This quarter") == "1989-Q4"
    assert value_of("This quarter's loss includes charges.", dct, "This quarter") == "1989-Q4"


def test_a_weekday_sharing_a_plural_part_of_day_is_a_set() -> None:
    text = "Two flights will leave Bombay on Monday and Tuesday nights from March 30."
    found = timex_named(text, date(1998, 2, 13), "Monday")
    assert (found.type, found.value) == ("SET", "XXXX-WXX-1TNI")


def test_then_current_is_not_the_present() -> None:
    text = "Holders may buy shares at half the then current market price."
    assert [t.text for t in tag(text, date(1989, 11, 1))] == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The plan has been discussed for decades.", "decades", "PXDE"),
        ("A plastic bag takes centuries to break down.", "centuries", "PXCE"),
        ("Storms have become more common in recent decades.", "recent decades", "PXDE"),
        # counted decades stay years
        ("The plant ran for two decades.", "two decades", "P20Y"),
    ],
)
def test_vague_decades_and_centuries_keep_their_unit(text: str, surface: str, value: str) -> None:
    assert value_of(text, date(2020, 1, 1), surface) == value


def test_the_latest_period_is_the_reported_fiscal_quarter() -> None:
    text = (
        "The company reported a 47% decline in fourth-quarter earnings. Sales in the "
        "latest period were $1.76 billion. For the year ended Sept. 30, it earned $422 million."
    )
    assert value_of(text, date(1989, 11, 2), "the latest period") == "1989-Q4"
    # a quarter named in a forecast is no report: the latest is the last one ended
    ahead = "Profit in the fourth quarter will rise. Profit in the latest quarter fell."
    assert value_of(ahead, date(1989, 11, 2), "the latest quarter") == "1989-Q3"


@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        ("Protesters prayed as Easter week began.", date(2000, 4, 17), "Easter week", "2000-W16"),
        (
            "Sales over the Easter weekend were the best in two years.",
            date(2018, 4, 3),
            "the Easter weekend",
            "2018-W13-WE",
        ),
    ],
)
def test_easter_week_and_weekend_are_the_week_of_easter_sunday(
    text: str, dct: date, surface: str, value: str
) -> None:
    assert value_of(text, dct, surface) == value


def test_recent_years_is_a_vague_span_like_recent_months() -> None:
    text = "Exports grew in recent years and shrank in recent months."
    found = {t.text: (t.type, t.value) for t in tag(text, date(2020, 1, 1))}
    assert found == {"recent years": ("DURATION", "PXY"), "recent months": ("DURATION", "PXM")}


def test_a_month_after_a_week_is_the_next_month_of_that_week() -> None:
    text = "It froze withdrawals in the first week of December 2020 and failed a month later."
    assert value_of(text, date(2021, 10, 1), "a month later") == "2021-01"


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # the year-earlier period of a half named by its closing day is that half a year back
        (
            "Profit for the six months to June 30 rose from 171 million in the year-earlier "
            "period.",
            date(2024, 8, 22),
            "2023-H1",
        ),
        (
            "Profit for the six months to Dec. 31 rose from 171 million in the year-earlier "
            "period.",
            date(2024, 3, 2),
            "2022-H2",
        ),
        # a span of months that is no calendar period stays a span, a sentence later too
        (
            "For the nine months, net was $81 million. In the year-earlier period, it was "
            "$77 million.",
            date(1989, 10, 27),
            "P9M",
        ),
        # a quarter named after the span is what the period compares with
        (
            "For the nine months, net was $81 million. Third-quarter net rose from $3 million "
            "in the year-earlier period.",
            date(1989, 10, 27),
            "1988-Q3",
        ),
    ],
)
def test_the_year_earlier_period_of_a_span_of_months(text: str, dct: date, value: str) -> None:
    assert value_of(text, dct, "the year-earlier period") == value


def test_a_rate_counted_in_words_is_a_set() -> None:
    text = "Daily flights replace the current four flights a week."
    found = timex_named(text, date(1998, 2, 13), "a week")
    assert (found.type, found.value) == ("SET", "P1W")
    # a week without an amount before it is still a span
    waited = timex_named("He waited for a week.", date(1998, 2, 13), "a week")
    assert (waited.type, waited.value) == ("DURATION", "P1W")


def test_the_final_quarter_is_the_years_fourth_but_not_a_games() -> None:
    text = "The airline would struggle to avoid a loss in the final quarter."
    assert value_of(text, date(2022, 12, 27), "the final quarter") == "2022-Q4"
    game = "The Celtics scored 40 points in the final quarter."
    assert [t.text for t in tag(game, date(2022, 12, 27))] == []


@pytest.mark.parametrize(
    ("dct", "value"),
    [
        (date(2025, 2, 10), "2024"),  # in the months after the year's end: that year
        (date(2024, 8, 22), "2024"),
    ],
)
def test_full_year_results_are_the_reported_years(dct: date, value: str) -> None:
    text = "The company will publish full-year results on March 12."
    assert value_of(text, dct, "full-year") == value
    # the year they qualify names no year for the date after them
    assert value_of(text, dct, "March 12").startswith(str(dct.year + (dct.month > 3)))


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The trip will be cut to an hour and a quarter.", "an hour and a quarter", "PT1.25H"),
        ("The climb took an hour and three quarters.", "an hour and three quarters", "PT1.75H"),
    ],
)
def test_a_quarter_after_the_unit_is_a_fraction_of_it(text: str, surface: str, value: str) -> None:
    assert value_of(text, date(2018, 9, 18), surface) == value


def test_by_a_quarter_is_a_fraction_not_a_quarter_year() -> None:
    text = "Audiences fell by a quarter after the pandemic."
    assert [t.text for t in tag(text, date(2023, 1, 1))] == []
    # "by a week" is still a span
    assert value_of("The launch was delayed by a week.", date(2023, 1, 1), "a week") == "P1W"


def test_results_expected_around_a_clock_time_are_the_occasions() -> None:
    text = (
        "The runoff is on Sunday. Polls open at 8 a.m., with first results expected "
        "around 10 p.m. Officials will count overseas ballots the following day."
    )
    dct = date(2024, 11, 18)
    assert value_of(text, dct, "10 p.m.") == "2024-11-24T22:00"
    assert value_of(text, dct, "the following day") == "2024-11-25"
