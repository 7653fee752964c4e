"""The page of pending stories from the rows of PostgreSQL's one statement
(:mod:`dateline.link.pending_pg`), without SQLAlchemy: the library's read and the command
line's fast path (:mod:`dateline.fastpath`, which sends the same statement through libpq)
build the same dicts from the same rows."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any

from dateline.fastpath.span import prefix_values
from dateline.link.compat import Member, member_of_values, shift
from dateline.link.settings import LinkSettings
from dateline.link.story_view import (
    ROW_COLUMNS,
    PendingKey,
    pending_key,
    row_summary,
    story_dict,
    story_summary,
)

# What a member's JSON array holds, in order: the fold's columns
# (dateline.link.query._MEMBER_COLUMNS), then for whole stories the details.
MEMBER_KEYS = ("id", "document_id", "dct", "type", "status", "dated", "value", "earliest",
               "latest", "granularity", "story_id", "change", "cue", "participants", "place",
               "place_country", "place_level", "lo", "hi", "postponed")  # fmt: skip
DETAIL_KEYS = ("attribution", "trigger", "title", "source", "url")


def day_values(day: str, settings: LinkSettings) -> dict[str, Any]:
    """What pending's statements bind for ``day``: the day, its prefixes and the last
    days of its periods, and the days an undated story's last report reaches back to."""
    return {
        "day": day,
        **prefix_values("day", day),
        "stale_day": shift(day, -settings.stale_days),
        "said_day": shift(day, -settings.speech_future_days),
    }


def page_of_rows(
    rows: list[Any],
    day: str,
    settings: LinkSettings,
    *,
    limit: int | None,
    offset: int,
    summary: bool,
    build: Callable[[list[str], set[str]], dict[str, dict[str, Any]]],
) -> tuple[list[dict[str, Any]], int]:
    """The page and the number of all pending stories from the rows of pending's statement
    (:func:`dateline.link.pending_pg._statement`, whose columns the rows have by name);
    ``build(story_ids, by_row)`` builds the stories the statement ranked before the page
    (``build_stories`` on the same read)."""
    width = len(MEMBER_KEYS) + 1 + (0 if summary else len(DETAIL_KEYS))
    ranked: list[tuple[PendingKey, Any]] = []
    total = folded = 0
    # the statement returns the stories ranked before the page only when some story's
    # rows do not tell (it returns those too, positions None): then the page is cut here
    start = 0
    details: dict[str, dict[str, Any]] | None = None if summary else {}
    named: dict[str, list[tuple[str, str]]] = {}  # each member's actors' ids and names
    for story, group in groupby(rows, key=lambda r: r.story):
        found = list(group)
        r = found[0]
        total = r.total
        if story is None:  # the one row of an empty page
            continue
        ordered = [list(m)[-width:] for m in found if m[-width] is not None]
        members = [_member(m, settings, details, named) for m in ordered] or None
        if r.position is not None:
            ranked.append(((r.earliest_key, r.first_key, story), (r, members)))
            continue
        start = offset
        key = pending_key(story, members, day, settings) if members else None
        if key is not None:  # a story its rows do not tell, folded: pending as of the day
            ranked.append((key, (r, members)))
            folded += 1
    ranked.sort(key=lambda found: found[0])
    page = ranked[start:] if limit is None else ranked[start : start + limit]
    groups = {r.story: members for _, (r, members) in page if members is not None}
    names = {i: n for _, (_r, members) in page for m in members or () for i, n in named[m.id]}
    rows_of = {r.story: {n: getattr(r, f"row_{n}") for n in ROW_COLUMNS} for _, (r, _m) in page}
    by_row = {r.story for _, (r, _m) in page if r.settled}
    built = assemble(groups, names, settings, details, rows_of, by_row)
    missing = [r.story for _, (r, members) in page if members is None]
    if missing:  # ranked before the page by the statement, pushed into it by folded ones
        built.update(build(missing, by_row))
    return [{**built[r.story], "as_of": day} for _, (r, _m) in page], total + folded


def _member(
    found: list[Any],
    settings: LinkSettings,
    details: dict[str, dict[str, Any]] | None,
    named: dict[str, list[tuple[str, str]]],
) -> Member:
    m = member_of_values(found, settings)
    *more, (actors, quoted, *lists) = found[len(MEMBER_KEYS) :]
    actors = actors or ()
    named[m.id] = [(i, n) for _role, i, n in actors if n is not None]
    if quoted:
        named[m.id].append(quoted)
    if details is not None:
        evidence, candidates = lists
        roles: dict[str, list[str]] = {"source_ids": [], "target_ids": []}
        for role, actor_id, _name in actors:
            roles[f"{role}_ids"].append(actor_id)
        details[m.id] = {
            "id": m.id,
            "type": m.type,
            "status": m.status,
            **dict(zip(DETAIL_KEYS, more, strict=True)),
            "evidence": evidence or [],
            "candidates": [{"value": v, "status": s, "text": x} for v, s, x in candidates or []],
            **roles,
        }
    return m


def assemble(
    groups: dict[str, list[Member]],
    names: dict[str, str],
    settings: LinkSettings,
    details: dict[str, dict[str, Any]] | None,
    rows: dict[str, dict[str, Any]],
    by_row: set[str] | frozenset[str],
) -> dict[str, dict[str, Any]]:
    """Story dicts by id from their members (and, whole, the members' ``details``; as a
    summary, the stored ``rows`` of the stories in ``by_row``)."""
    ordered = {
        story_id: sorted(members, key=lambda m: (m.dct, m.id))
        for story_id, members in sorted(groups.items())
    }
    if details is None:
        return {
            i: row_summary(rows[i], members, settings, names)
            if i in rows and i in by_row
            else story_summary(i, members, settings, names)
            for i, members in ordered.items()
        }
    return {i: story_dict(i, members, settings, details, names) for i, members in ordered.items()}
