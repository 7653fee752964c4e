""":mod:`dateline.span`'s SQL as SQLAlchemy writes it for SQLite: the same expressions
as the indexes of migrations 7 and 10, so that SQLite reads them from those indexes."""

from __future__ import annotations

from typing import Any

SPAN_GROUPS = ((0, 7), (1, 4), (2, 3))  # as dateline.span.SPAN_GROUPS
OTHER_GROUP = 3
GROUPS = (*(g for g, _ in SPAN_GROUPS), OTHER_GROUP)


def span_group(lo: str, hi: str) -> str:
    """:func:`dateline.span.span_group`."""
    whens = " ".join(
        f"WHEN (substr({lo}, 1, {n}) = substr({hi}, 1, {n})) THEN {g}" for g, n in SPAN_GROUPS
    )
    return f"CASE {whens} ELSE {OTHER_GROUP} END"


def overlapping_by_group(
    lo: str, hi: str, date_from: str | None, date_to: str | None, group: int | None = None
) -> tuple[list[str], list[Any]]:
    """:func:`dateline.span.overlapping_by_group`: conditions and their parameters."""
    ends, params = [], []
    if date_from:
        ends.append(f"{hi} >= ?")
        params.append(date_from)
    if date_to:
        ends.append(f"{lo} <= ?")
        params.append(date_to)
    if not date_from:
        return ends, params
    prefix, grouped = dict(SPAN_GROUPS), span_group(lo, hi)
    branches, given = [], []
    for g in GROUPS if group is None else (group,):
        starts = [f"{lo} >= ?"] if g in prefix else []
        branches.append("(" + " AND ".join([f"{grouped} = ?", *starts, *ends]) + ")")
        given += [g, *([date_from[: prefix[g]]] if g in prefix else []), *params]
    return ["(" + " OR ".join(branches) + ")"], given


def in_list(values: list[Any]) -> str:
    """``?, ?, …``: one parameter per value."""
    return ", ".join("?" * len(values))
