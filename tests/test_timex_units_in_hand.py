"""A definite "the week" / "the day" that a report's figures are for ("For the week, the
index dropped 3.8%", "the week's most active session", "down 20 points for the day") is
the week or day in hand: TimeML tags a specific period however it is named. Our own
sentences."""

from __future__ import annotations

from datetime import date

from conftest import timex_named
from dateline.timex import tag

MONDAY = date(1989, 10, 30)


def test_the_week_a_market_report_sums_up_is_the_week_of_the_day_in_hand() -> None:
    text = "The index fell 2% on Friday. For the week, it dropped 3.8%."
    assert timex_named(text, MONDAY, "the week").value == "1989-W43"
    busiest = "Volume rose to 840 million shares on Thursday, the week's most active session."
    assert timex_named(busiest, MONDAY, "the week").value == "1989-W43"
    # with no day named, the DCT's week
    assert timex_named("Bonds rose 1% on the week.", MONDAY, "the week").value == "1989-W44"


def test_the_day_a_report_sums_up_is_the_day_in_hand() -> None:
    text = "Shares of the bank fell 4% on Friday. For the day, volume was light."
    assert timex_named(text, MONDAY, "the day").value == "1989-10-27"
    assert timex_named("It was the day's biggest drop.", MONDAY, "the day").value == "1989-10-30"


def test_a_week_or_day_that_names_another_time_is_left_alone() -> None:
    # an occasion's day, a week defined by what follows, the days of the week
    for text in (
        "Roads near the route will be closed from 6 a.m. on the day.",
        "He stayed for the week of the fair.",
        "Shops open every day of the week.",
        "He died on the day of the vote.",
    ):
        assert [t.text for t in tag(text, MONDAY) if "the" in t.text] == [], text
