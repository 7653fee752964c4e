"""Where a row with a time window sits in time, for ordering and for date ranges (SQL).

A window open at one end ("after 2007-11-21", "by 2019-06-30") counts as its known
end only: an open end says when the event cannot be, not when it is. A row without
any time sits at a fallback (an event's article date; a story's span of reports).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    String,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    or_,
)

from dateline.errors import E_DATE_RANGE, E_USAGE_DATE

# The span groups and the helpers that need no SQLAlchemy live in dateline.fastpath.span,
# which reads without it; they are the same names here.
from dateline.fastpath.span import END_GROUPS as END_GROUPS
from dateline.fastpath.span import GROUPS as GROUPS
from dateline.fastpath.span import LAST_DAY, OTHER_GROUP
from dateline.fastpath.span import SPAN_GROUPS as SPAN_GROUPS
from dateline.fastpath.span import by_end_groups as by_end_groups
from dateline.fastpath.span import prefix_values as prefix_values


def span(
    earliest: Any, latest: Any, lo_fallback: Any, hi_fallback: Any | None = None
) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    """SQL for the (lo, hi) a row sits at: its own interval, an open end collapsed onto the
    known one, and the fallback when it has no time at all."""
    hi_fallback = lo_fallback if hi_fallback is None else hi_fallback
    lo = func.coalesce(earliest, latest, lo_fallback)
    return lo, func.coalesce(latest, earliest, hi_fallback)


def overlapping(
    lo: Any,
    hi: Any,
    date_from: str | BindParameter[str] | None,
    date_to: str | BindParameter[str] | None,
) -> list[ColumnElement[bool]]:
    """Conditions that keep a span overlapping ``[date_from, date_to]`` (either may be open)."""
    conditions = []
    if _given(date_from):
        conditions.append(hi >= date_from)
    if _given(date_to):
        conditions.append(lo <= date_to)
    return conditions


def _given(day: Any) -> bool:
    """A date (ISO text) or a bound parameter standing for one."""
    return isinstance(day, BindParameter) or bool(day)


def span_group(lo: Any, hi: Any) -> ColumnElement[Any]:
    """SQL for the group of a span (see :data:`SPAN_GROUPS`): 0 when ``lo`` and ``hi``
    fall in one month, 1 in one year, 2 in one decade, 3 otherwise. Its numbers are
    written into the SQL, not bound, so that a query's expression is the index's."""

    def number(n: int) -> ColumnElement[Any]:
        return literal_column(str(n))

    whens = [
        (func.substr(lo, number(1), number(n)) == func.substr(hi, number(1), number(n)), number(g))
        for g, n in SPAN_GROUPS
    ]
    return case(*whens, else_=number(OTHER_GROUP))


def overlapping_by_group(
    lo: Any,
    hi: Any,
    date_from: str | BindParameter[str] | None,
    date_to: str | BindParameter[str] | None,
    group: int | None = None,
    by_end: bool = False,
) -> list[ColumnElement[bool]]:
    """The conditions of :func:`overlapping`, with the same rows, written so that an index
    on (:func:`span_group`, lo) serves them: one bounded range of ``lo`` per group. With
    ``group``, the rows of that group only (the groups' rows make up all the rows); with
    ``by_end`` too, that group's rows as a bounded range of ``hi`` instead, for an index
    on (group, hi) (see :func:`by_end_groups`)."""
    if not _given(date_from):  # "lo <= date_to" is a range of lo already
        return overlapping(lo, hi, date_from, date_to)
    ends = overlapping(lo, hi, date_from, date_to)
    if by_end and group in dict(SPAN_GROUPS) and _given(date_to):
        # a span of the group that begins by date_to ends in date_to's period at the latest
        last = _period_end(date_to, dict(SPAN_GROUPS)[group])
        # the group's number written in: the index holds only these groups (a partial
        # index), which SQLite uses only when the query names the group it holds
        number: ColumnElement[Any] = literal_column(str(group))
        return [and_(span_group(lo, hi) == number, *ends, hi <= last)]
    starts = {g: [lo >= _prefix(date_from, n)] for g, n in SPAN_GROUPS}  # implied by the ends

    def branch(g: int) -> ColumnElement[bool]:
        return and_(span_group(lo, hi) == g, *starts.get(g, []), *ends)

    # one group's branch only when one is asked: building all four was 0.65 ms of CPU
    return [branch(group) if group is not None else or_(*(branch(g) for g in GROUPS))]


def _prefix(day: Any, n: int) -> Any:
    """The first ``n`` characters of a date; of a bound date ``bindparam("day")``, the
    parameter ``day_N`` (:func:`prefix_values` gives its value)."""
    if isinstance(day, BindParameter):
        return bindparam(f"{day.key}_{n}", type_=String())
    return day[:n]


def _period_end(day: Any, n: int) -> Any:
    """The last date (as text compares) of the month, year or decade of a date (its first
    ``n`` characters); of a bound date ``bindparam("day")``, the parameter ``day_N_end``."""
    if isinstance(day, BindParameter):
        return bindparam(f"{day.key}_{n}_end", type_=String())
    return day[:n] + LAST_DAY[n:]


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
