"""Dates of named days (holidays) in a given year."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from dateline.timex.calendar_math import make_date


def easter(year: int) -> date | None:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 19 * m) // 433
    month = (h + m - 7 * n + 90) // 25
    day = (h + m - 7 * n + 33 * month + 19) % 32
    return make_date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The n-th (1-based; -1 = last) ISO weekday of a month."""
    first = make_date(year, month, 1)
    if first is None:
        return None
    if n > 0:
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    nxt = make_date(year + (month == 12), month % 12 + 1, 1)
    if nxt is None:
        return None
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def _election_day(year: int) -> date | None:
    monday = _nth_weekday(year, 11, 1, 1)
    return monday + timedelta(days=1) if monday else None


def named_day(code: str, year: int) -> date | None:
    """The date of a named day: ``"12-25"`` style codes or a computed holiday."""
    if code[:2].isdigit():
        return make_date(year, int(code[:2]), int(code[3:]))
    if code == "easter":
        return easter(year)
    if code == "good_friday":
        sunday = easter(year)
        return sunday - timedelta(days=2) if sunday else None
    if code == "thanksgiving":
        return _nth_weekday(year, 11, 4, 4)
    if code == "labor":
        return _nth_weekday(year, 9, 1, 1)
    if code == "memorial":
        return _nth_weekday(year, 5, 1, -1)
    if code == "election":
        return _election_day(year)
    if code == "lunar_new_year":
        return _lunar_new_years().get(year)
    return None


@lru_cache(maxsize=1)
def _lunar_new_years() -> dict[int, date]:
    text = resources.files("dateline.timex").joinpath("resources/lunar_new_year.toml").read_text()
    days = [date.fromisoformat(d) for d in tomllib.loads(text)["dates"]]
    return {d.year: d for d in days}
