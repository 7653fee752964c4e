"""Where a row with a time window sits in time, for ordering and for date ranges (SQL).

A window open at one end ("after 2007-11-21", "by 2019-06-30") counts as its known
end only: an open end says when the event cannot be, not when it is. A row without
any time sits at a fallback (an event's article date; a story's span of reports).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func

from dateline.errors import E_DATE_RANGE, E_USAGE_DATE


def span(
    earliest: Any, latest: Any, lo_fallback: Any, hi_fallback: Any | None = None
) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    """SQL for the (lo, hi) a row sits at: its own interval, an open end collapsed onto the
    known one, and the fallback when it has no time at all."""
    hi_fallback = lo_fallback if hi_fallback is None else hi_fallback
    lo = func.coalesce(earliest, latest, lo_fallback)
    return lo, func.coalesce(latest, earliest, hi_fallback)


def overlapping(
    lo: Any, hi: Any, date_from: str | None, date_to: str | None
) -> list[ColumnElement[bool]]:
    """Conditions that keep a span overlapping ``[date_from, date_to]`` (either may be open)."""
    conditions = []
    if date_from:
        conditions.append(hi >= date_from)
    if date_to:
        conditions.append(lo <= date_to)
    return conditions


def check_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """The range as ISO dates; a coded error for a malformed date or a reversed range."""
    days = []
    for option, value in (("--from", date_from), ("--to", date_to)):
        try:
            days.append(date.fromisoformat(value).isoformat() if value else None)
        except ValueError:
            raise E_USAGE_DATE(option=option, value=value) from None
    lo, hi = days
    if lo and hi and lo > hi:
        raise E_DATE_RANGE(date_from=lo, date_to=hi)
    return lo, hi
