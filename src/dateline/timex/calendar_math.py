"""Calendar points at a granularity: TIMEX3 values, intervals and arithmetic.

A :class:`Point` is a period of the calendar (a day, an ISO week, a month, a
quarter, a season, a year, a decade, a century) named by the date it starts
on. Everything relative (``last month``, ``two days later``) is arithmetic on
points; the TIMEX3 value and the inclusive ``earliest``/``latest`` dates are
read off the point at the end.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

GRANULARITIES = (
    "day",
    "weekend",
    "week",
    "month",
    "quarter",
    "half",
    "season",
    "year",
    "decade",
    "century",
)
RANK = {name: rank for rank, name in enumerate(GRANULARITIES)}
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASON_OF_MONTH = {
    m: s for s, start in SEASONS.items() for m in (start, start % 12 + 1, (start + 1) % 12 + 1)
}
MIN_YEAR, MAX_YEAR = 1, 9998


@dataclass(frozen=True)
class Point:
    """A calendar period: ``start`` is its first day; ``part`` a time or part of day."""

    start: date
    granularity: str
    part: str | None = None  # "MO", "EV", "18:12"... (TIMEX3 time part)

    @property
    def value(self) -> str:
        """The TIMEX3 value of this period."""
        text = _VALUE[self.granularity](self.start)
        return f"{text}T{self.part}" if self.part else text

    @property
    def end(self) -> date:
        """Last day of the period (inclusive)."""
        return _END[self.granularity](self.start)


def _season_value(d: date) -> str:
    code = SEASON_OF_MONTH[d.month]
    return f"{d.year:04d}-{code}"


_VALUE = {
    "day": lambda d: d.isoformat(),
    "week": lambda d: "{:04d}-W{:02d}".format(*d.isocalendar()[:2]),
    "weekend": lambda d: "{:04d}-W{:02d}-WE".format(*d.isocalendar()[:2]),
    "month": lambda d: f"{d.year:04d}-{d.month:02d}",
    "quarter": lambda d: f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}",
    "half": lambda d: f"{d.year:04d}-H{(d.month - 1) // 6 + 1}",
    "season": _season_value,
    "year": lambda d: f"{d.year:04d}",
    "decade": lambda d: f"{d.year // 10:03d}",
    "century": lambda d: f"{d.year // 100:02d}",
}


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clipped to the month's length.

    Raises OverflowError past the calendar's ends (years 1 and 9999): "next month"
    on 9999-12-31 names no month, and clamping the year would name a wrong one.
    """
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    if not date.min.year <= year <= date.max.year:
        raise OverflowError(f"year {year} is outside the calendar")
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def _month_end(d: date, months: int) -> date:
    try:
        first = add_months(date(d.year, d.month, 1), months)
    except OverflowError:
        return date.max  # a period running into year 10000 ends where the calendar does
    return first - timedelta(days=1)


def _days_after(d: date, days: int) -> date:
    """``d`` plus ``days``, capped at the calendar's last day."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return date.max


_END = {
    "day": lambda d: d,
    "week": lambda d: _days_after(d, 6),
    "weekend": lambda d: _days_after(d, 1),
    "month": lambda d: _month_end(d, 1),
    "quarter": lambda d: _month_end(d, 3),
    "half": lambda d: _month_end(d, 6),
    "season": lambda d: _month_end(d, 3),
    "year": lambda d: date(d.year, 12, 31),
    "decade": lambda d: date(min(d.year + 9, MAX_YEAR), 12, 31),
    "century": lambda d: date(min(d.year + 99, MAX_YEAR), 12, 31),
}

UNIT_MONTHS = {
    "month": 1,
    "quarter": 3,
    "half": 6,
    "season": 3,
    "year": 12,
    "decade": 120,
    "century": 1200,
}


def floor(d: date, granularity: str) -> date:
    """First day of the period of ``granularity`` that contains ``d``."""
    if granularity == "day":
        return d
    if granularity == "week":
        return d - timedelta(days=d.weekday())
    if granularity == "weekend":
        return _days_after(d - timedelta(days=d.weekday()), 5)
    if granularity == "season":
        return _season_start(d)
    span = UNIT_MONTHS[granularity]
    if granularity in ("decade", "century"):
        years = span // 12
        return date(max(d.year // years * years, MIN_YEAR), 1, 1)
    month = (d.month - 1) // span * span + 1
    return date(d.year, month, 1)


def _season_start(d: date) -> date:
    start_month = SEASONS[SEASON_OF_MONTH[d.month]]
    year = d.year - 1 if d.month < start_month else d.year
    return date(year, start_month, 1)


def days_apart(p: Point, d: date) -> int:
    """Days between ``d`` and the period ``p`` (0 when ``d`` lies inside it)."""
    if p.start <= d <= p.end:
        return 0
    return min(abs((p.start - d).days), abs((p.end - d).days))


def point(d: date, granularity: str, part: str | None = None) -> Point:
    """The period of ``granularity`` containing ``d``."""
    return Point(floor(d, granularity), granularity, part)


def shift(p: Point, unit: str, n: int) -> Point:
    """``p`` moved by ``n`` units (day, week, month, quarter, year, ...).

    Raises OverflowError when the result lies outside years 1..9999; the tagger then
    drops the expression rather than give it a wrong or unchanged date.
    """
    d = p.start
    if unit == "day":
        d = d + timedelta(days=n)
    elif unit in ("week", "weekend"):
        d = d + timedelta(weeks=n)
    else:
        d = add_months(d, UNIT_MONTHS[unit] * n)
    return replace(p, start=floor(d, p.granularity))


def coarsen(p: Point, granularity: str) -> Point:
    """``p`` seen at a coarser (or equal) granularity."""
    return Point(floor(p.start, granularity), granularity)


def make_date(year: int, month: int = 1, day: int = 1) -> date | None:
    """A date, or None when the fields name no real day (February 30)."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
