"""Issue 13: at the calendar's ends a relative time is dropped or capped, never wrapped."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.timex import tag
from dateline.timex.calendar_math import Point, add_months, point, shift

LAST_DAY = date(9999, 12, 31)
FIRST_DAY = date(1, 1, 1)


def _values(text: str, dct: date) -> dict[str, tuple[str, str | None, str | None]]:
    return {t.text: (t.value, t.earliest, t.latest) for t in tag(text, dct)}


@pytest.mark.parametrize(
    ("text", "dct"),
    [
        ("next month", LAST_DAY),
        ("next week", LAST_DAY),
        ("next year", LAST_DAY),
        ("tomorrow", LAST_DAY),
        ("next quarter", LAST_DAY),
        ("two centuries ago", date(100, 1, 1)),
        ("last year", FIRST_DAY),
        ("yesterday", FIRST_DAY),
    ],
)
def test_relative_time_past_the_calendar_is_dropped(text: str, dct: date) -> None:
    assert _values(f"The talks resume {text}.", dct) == {}


def test_next_month_on_the_last_day_is_not_wrapped_to_another_year() -> None:
    with pytest.raises(OverflowError):
        add_months(LAST_DAY, 1)
    with pytest.raises(OverflowError):
        shift(point(date(100, 1, 1), "century"), "century", -2)


def test_this_week_on_the_last_day_is_capped_at_the_calendar_end() -> None:
    found = _values("The talks happen this week.", LAST_DAY)
    assert found == {"this week": ("9999-W52", "9999-12-27", "9999-12-31")}
    assert Point(date(9999, 12, 27), "week").end == LAST_DAY


def test_times_inside_the_calendar_near_its_ends_still_count() -> None:
    assert _values("It ended last month.", LAST_DAY) == {
        "last month": ("9999-11", "9999-11-01", "9999-11-30")
    }
    assert _values("It starts next month.", FIRST_DAY) == {
        "next month": ("0001-02", "0001-02-01", "0001-02-28")
    }
    assert _values("It came two centuries ago.", date(300, 6, 1))["two centuries ago"][0] == "0100"
