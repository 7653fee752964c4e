"""The list of stories (``dateline stories``): a short entry per story, read in three
statements however many stories there are (the ``stories`` rows, their participants,
their outlets), with the filters and the limit applied in SQL.

An actor filter keeps the stories with an event of that actor. A busy actor's stories
(:func:`dateline.store.queries.is_busy`: one event of five at a million events) are
found by walking the stories most recently reported first and checking each one for an
event of the actor, so that a page stops after a few hundred checks; listing all the
actor's events first cost 210,000 lookups of ``events`` and a sort of every story they
named (5-7 s at a million events, bench/RESULTS.md). A rarer actor's stories are still
found from its events (at most :data:`~dateline.store.queries.BUSY_ACTOR` of them)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, exists, func, select

from dateline.link.schema import stories as st
from dateline.link.settings import LIFECYCLE
from dateline.link.story_view import check_state, list_entry
from dateline.span import check_range, overlapping, span
from dateline.store import schema as t
from dateline.store.queries import ActorIds, actor_ids, events_of_actor, is_busy, with_actor

ID_LIST = 1000  # at most this many story ids bound in one IN (...) list


def select_stories(
    state: str | None = None,
    type: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
    *,
    busy: bool = False,
    ids: ActorIds = None,
) -> Select[Any]:
    """``stories`` rows, most recently reported first, filtered as asked.

    A story's time on the range is its own time, an open end collapsed onto the known
    one (as on the timeline); a story without any time sits at the span of its reports
    (first to last article date). ``actor`` is an actor id or part of a name, as on the
    timeline, and matches a story when any of its events has that actor; ``busy`` and
    ``ids`` as for :func:`stories_of_actor`.
    """
    query = select(st).order_by(st.c.last_dct.desc(), st.c.id)
    date_from, date_to = check_range(date_from, date_to)
    lo, hi = span(st.c.earliest, st.c.latest, st.c.first_dct, st.c.last_dct)
    conditions = overlapping(lo, hi, date_from, date_to)
    wanted = check_state(state)
    if wanted in LIFECYCLE:
        conditions.append(st.c.state == wanted)
    elif wanted:
        conditions.append(st.c.status == wanted)
    if type:
        conditions.append(st.c.type == type.upper())
    if actor:
        conditions.append(stories_of_actor(actor, busy, ids))
        if busy:
            # always true (a date), but a range of ix_stories_last's: SQLite then walks
            # the stories in the list's order and stops after the page, instead of
            # checking every story of a state, status or type and sorting them all
            conditions.append(st.c.last_dct > "")
    query = query.where(*conditions)
    return query.limit(limit).offset(offset) if limit or offset else query


def stories_of_actor(actor: str, busy: bool = False, ids: ActorIds = None) -> ColumnElement[bool]:
    """The condition on ``stories`` that keeps the stories with an event of ``actor``: for
    a ``busy`` actor (:func:`dateline.store.queries.is_busy`) a check of each story read
    (its events by ``ix_events_story_id``, each event's actors by their key), else the
    stories of the actor's events listed first. ``ids``: the actor ids
    :func:`dateline.store.queries.actor_ids` found for it. The same stories either way."""
    ev = t.events
    if busy:
        return exists().where(ev.c.story_id == st.c.id, with_actor(actor, True, ids))
    return st.c.id.in_(select(ev.c.story_id).where(ev.c.id.in_(events_of_actor(actor, ids))))


def list_stories(
    conn: Connection,
    state: str | None = None,
    type: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> list[dict[str, Any]]:
    """One entry per story: id, type, status, time, title, participants, outlets, counts of
    reports and events, first and last report date; most recently reported first."""
    named = actor_ids(conn, actor)
    # a page is walked; all of the actor's stories are those of its events (as counted)
    busy = bool(limit) and is_busy(conn, actor, ids=named)
    wanted = select_stories(
        state, type, actor, date_from, date_to, limit, offset, busy=busy, ids=named
    )
    with custom_plans(conn, busy):
        rows = [dict(r._mapping) for r in conn.execute(wanted)]
    if not rows:
        return []
    # A page's ids, not its query again (a busy actor's walk once, not three times); a
    # long list keeps the query (SQLite caps the values bound in one statement).
    found = [r["id"] for r in rows]
    ids = found if len(found) <= ID_LIST else wanted.with_only_columns(st.c.id)
    people = _participants(conn, ids)
    outlets = _outlets(conn, ids)
    return [list_entry(r, people.get(r["id"], []), outlets.get(r["id"], [])) for r in rows]


def count_stories(
    conn: Connection,
    state: str | None = None,
    type: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    *,
    cap: int | None = None,
) -> int:
    """How many stories :func:`list_stories` would return without a limit; with a ``cap``,
    at most ``cap`` (counting stops there: a bounded cost however many stories match)."""
    # ids only, unordered: SQLite otherwise sorted every story row before counting them
    # (243,000 stories: 920 ms). All of an actor's stories are counted from its events
    # (the busiest's at a million events: 0.6 s of CPU whatever the other filters), not
    # by checking every story (2.8 s without a filter); up to a cap, a busy actor's
    # stories are walked and checked until the cap.
    named = actor_ids(conn, actor)
    busy = cap is not None and is_busy(conn, actor, ids=named)
    wanted = select_stories(state, type, actor, date_from, date_to, busy=busy, ids=named)
    ids = wanted.with_only_columns(st.c.id).order_by(None).limit(cap).subquery()
    with custom_plans(conn, busy):
        return int(conn.execute(select(func.count()).select_from(ids)).scalar_one())


@contextmanager
def custom_plans(conn: Connection, wanted: bool) -> Iterator[None]:
    """On PostgreSQL, the block's statements planned for their values (``wanted``: a busy
    actor's walk). psycopg prepares a statement on its sixth run on a connection, and
    PostgreSQL then took the generic plan of the walk, which does not know the actor's
    210,625 rows (it guesses 566) and hashed all of them instead of walking the stories:
    3.8 s for a page of 20 at a million events, 7 ms planned for the actor."""
    if not wanted or conn.dialect.name != "postgresql":
        yield
        return
    conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")
    try:
        yield
    finally:
        conn.exec_driver_sql("SET LOCAL plan_cache_mode TO DEFAULT")


def _participants(
    conn: Connection, ids: Select[Any] | list[str]
) -> dict[str, list[dict[str, str]]]:
    """Each story's actors, sources first, in the order its events name them."""
    ev, ea, ac = t.events, t.event_actors, t.actors
    query = (
        select(ev.c.story_id, ea.c.actor_id, ac.c.name)
        .select_from(ea.join(ev, ev.c.id == ea.c.event_id).outerjoin(ac, ac.c.id == ea.c.actor_id))
        .where(ev.c.story_id.in_(ids))
        .order_by(ev.c.story_id, ea.c.role, ev.c.dct, ev.c.id, ea.c.position)
    )
    out: dict[str, dict[str, dict[str, str]]] = {}
    for r in conn.execute(query):
        out.setdefault(r.story_id, {}).setdefault(
            r.actor_id, {"id": r.actor_id, "name": r.name or r.actor_id}
        )
    return {story_id: list(people.values()) for story_id, people in out.items()}


def _outlets(conn: Connection, ids: Select[Any] | list[str]) -> dict[str, list[str]]:
    """Each story's outlets, in the order they first reported it."""
    ev, doc = t.events, t.documents
    first = func.min(ev.c.dct)
    query = (
        select(ev.c.story_id, doc.c.source, first)
        .join(doc, doc.c.id == ev.c.document_id)
        .where(ev.c.story_id.in_(ids), doc.c.source.is_not(None))
        .group_by(ev.c.story_id, doc.c.source)
        .order_by(ev.c.story_id, first, doc.c.source)
    )
    out: dict[str, list[str]] = {}
    for r in conn.execute(query):
        out.setdefault(r.story_id, []).append(r.source)
    return out
