""":mod:`dateline.span`'s SQL as SQLAlchemy writes it for SQLite: the same expressions
as the indexes of migrations 7 and 10, so that SQLite reads them from those indexes."""

from __future__ import annotations

from datetime import date
from typing import Any

# Spans grouped by how much of their two ends' text is the same: the month (7 characters,
# "2025-03"), the year (4), the decade (3), or less. A span of a group that reaches a day
# begins at or after that day's month (year, decade): its start and end share that
# prefix and its end is on or after the day. So the spans that meet a range are, group
# by group, a range of starts that an index on (group, start) reads without visiting the
# spans that end before the range or begin long before it (migration 10).
SPAN_GROUPS = ((0, 7), (1, 4), (2, 3))
OTHER_GROUP = 3
GROUPS = (*(g for g, _ in SPAN_GROUPS), OTHER_GROUP)
LAST_DAY = "9999-12-31"  # the last date, as text compares
# The groups that an index also holds by their spans' end (migration 29,
# ``ix_stories_open_end``): the spans of a year and of a decade. A day late in its
# period meets that group's spans ending from the day to the period's end, a shorter range
# than the ones beginning from the period's start to the day (as of 2018-11-20 at a million
# events, a decade's: 1,136 stories against 6,713).
END_GROUPS = (1, 2)


def span_group(lo: str, hi: str) -> str:
    """:func:`dateline.span.span_group`."""
    whens = " ".join(
        f"WHEN (substr({lo}, 1, {n}) = substr({hi}, 1, {n})) THEN {g}" for g, n in SPAN_GROUPS
    )
    return f"CASE {whens} ELSE {OTHER_GROUP} END"


def overlapping_by_group(
    lo: str,
    hi: str,
    date_from: str | None,
    date_to: str | None,
    group: int | None = None,
    ends: tuple[int, ...] = (),
) -> tuple[list[str], list[Any]]:
    """:func:`dateline.span.overlapping_by_group`: conditions and their parameters; the
    groups ``ends`` by their end (:func:`dateline.span.by_end_groups`), their numbers
    written in (the partial index of migration 29 holds only them)."""
    conditions: list[str] = []
    params: list[Any] = []
    if date_from:
        conditions.append(f"{hi} >= ?")
        params.append(date_from)
    if date_to:
        conditions.append(f"{lo} <= ?")
        params.append(date_to)
    if not date_from:
        return conditions, params
    prefix, grouped = dict(SPAN_GROUPS), span_group(lo, hi)
    branches, given = [], []
    for g in GROUPS if group is None else (group,):
        if g in ends and g in prefix and date_to:
            branches.append(f"({grouped} = {g:d} AND {' AND '.join(conditions)} AND {hi} <= ?)")
            given += [*params, date_to[: prefix[g]] + LAST_DAY[prefix[g] :]]
            continue
        starts = [f"{lo} >= ?"] if g in prefix else []
        branches.append("(" + " AND ".join([f"{grouped} = ?", *starts, *conditions]) + ")")
        given += [g, *([date_from[: prefix[g]]] if g in prefix else []), *params]
    return ["(" + " OR ".join(branches) + ")"], given


def by_end_groups(day: str) -> tuple[int, ...]:
    """The groups of :data:`END_GROUPS` whose spans that meet ``day`` are read by their end
    (:data:`END_GROUPS`): those whose period has less of it left after the
    day than it had before."""
    when = date.fromisoformat(day)
    found = []
    for g, n in SPAN_GROUPS:
        if g not in END_GROUPS:  # (a month's last day is not always the 31st)
            continue
        first = date.fromisoformat(day[:n] + "0000-01-01"[n:])
        last = date.fromisoformat(day[:n] + LAST_DAY[n:])
        if last - when < when - first:
            found.append(g)
    return tuple(found)


def prefix_values(name: str, day: str) -> dict[str, str]:
    """The values of the prefixes of a date bound as ``bindparam(name)`` in
    :func:`dateline.span.overlapping_by_group`, and of the last dates of its periods."""
    return {
        **{f"{name}_{n}": day[:n] for _, n in SPAN_GROUPS},
        **{f"{name}_{n}_end": day[:n] + LAST_DAY[n:] for _, n in SPAN_GROUPS},
    }


def in_list(values: list[Any]) -> str:
    """``?, ?, …``: one parameter per value."""
    return ", ".join("?" * len(values))
