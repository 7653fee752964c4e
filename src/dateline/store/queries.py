"""Read queries over stored events shared by the timeline and the story listing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select

from dateline.store import schema as t


def events_of_actor(actor: str) -> Any:
    """Ids of the events an actor takes part in, by id or by part of a name (any case)."""
    ea, ac = t.event_actors, t.actors
    wanted = actor.lower()
    # "%" and "_" in the user's text are letters, not LIKE wildcards ("%" matched everyone)
    pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    ids = select(ac.c.id).where(or_(ac.c.id == actor, ac.c.name.ilike(pattern, escape="\\")))
    return select(ea.c.event_id).where(or_(ea.c.actor_id == actor, ea.c.actor_id.in_(ids)))
