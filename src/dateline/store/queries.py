"""Read queries over stored events shared by the timeline and the story listing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, exists, func, literal, or_, select

from dateline.store import schema as t

# An actor with at least this many event rows is "busy": a page of its timeline is found
# by walking the timeline's index and checking each event for the actor (a few hundred
# checks when the actor is in one event of five), not by sorting all its events. Below
# it, its events are fetched by the actor's index and sorted (at most this many).
BUSY_ACTOR = 4000


def _rows_of(actor: str) -> ColumnElement[bool]:
    """``event_actors`` rows of an actor given by id or by part of a name (any case)."""
    ea, ac = t.event_actors, t.actors
    wanted = actor.lower()
    # "%" and "_" in the user's text are letters, not LIKE wildcards ("%" matched everyone)
    pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    ids = select(ac.c.id).where(or_(ac.c.id == actor, ac.c.name.ilike(pattern, escape="\\")))
    return or_(ea.c.actor_id == actor, ea.c.actor_id.in_(ids))


def events_of_actor(actor: str) -> Any:
    """Ids of the events an actor takes part in, by id or by part of a name (any case)."""
    return select(t.event_actors.c.event_id).where(_rows_of(actor))


def with_actor(actor: str, busy: bool = False) -> ColumnElement[bool]:
    """The condition on ``events`` that keeps an actor's events: an IN list of its event
    ids, or for a ``busy`` actor (:func:`is_busy`) a check of each event read, so that
    a query ordered by an index stops after a page instead of sorting all its events."""
    ea, ev = t.event_actors, t.events
    if busy:
        return exists().where(ea.c.event_id == ev.c.id, _rows_of(actor))
    return ev.c.id.in_(events_of_actor(actor))


def is_busy(conn: Connection, actor: str | None, threshold: int | None = None) -> bool:
    """Whether the actor has ``threshold`` (default :data:`BUSY_ACTOR`) event rows or
    more; reads at most that many."""
    if not actor:
        return False
    threshold = threshold or BUSY_ACTOR
    rows = select(literal(1)).select_from(t.event_actors).where(_rows_of(actor))
    counted = select(func.count()).select_from(rows.limit(threshold).subquery())
    return int(conn.execute(counted).scalar_one()) >= threshold
