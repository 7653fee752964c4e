"""Reads the HTTP API needs beyond the timeline and the stories: one article with the
evidence spans of its events, and actors by name."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, or_, select

from dateline.store import schema as t

DOCUMENT_KEYS = ("id", "dct", "published", "title", "byline", "source", "url", "text")


def document(conn: Connection, document_id: str) -> dict[str, Any] | None:
    """An article as stored, with ``evidence``: the character spans of its events'
    evidence sentences (``start``/``end`` index ``text``), in text order."""
    doc = t.documents
    row = conn.execute(select(doc).where(doc.c.id == document_id)).first()
    if row is None:
        return None
    ev, evi = t.events, t.event_evidence
    spans = (
        select(evi.c.start, evi.c.end, evi.c.sentence, ev.c.id, ev.c.type, ev.c.status)
        .join(ev, ev.c.id == evi.c.event_id)
        .where(ev.c.document_id == document_id)
        .order_by(evi.c.start, evi.c.end, ev.c.id)
    )
    evidence = [
        {"event_id": r.id, "type": r.type, "status": r.status, "start": r.start, "end": r.end,
         "sentence": r.sentence}
        for r in conn.execute(spans)
    ]  # fmt: skip
    mapping = row._mapping
    return {**{k: mapping[k] for k in DOCUMENT_KEYS}, "evidence": evidence}


def actors(conn: Connection, q: str | None, limit: int) -> list[dict[str, Any]]:
    """Actors whose id or name holds ``q`` (any case; all when empty), those in the most
    events first, each with its number of events (``actor_counts``, migration 13: the
    same numbers as counting each actor's distinct events in ``event_actors``)."""
    ac, counted = t.actors, t.actor_counts
    count = func.coalesce(counted.c.events, 0).label("events")
    query = (
        select(ac.c.id, ac.c.name, ac.c.kind, ac.c.country, ac.c.role, count)
        .outerjoin(counted, counted.c.actor_id == ac.c.id)
        .order_by(count.desc(), ac.c.name, ac.c.id)
        .limit(limit)
    )
    if q and q.strip():
        pattern = "%" + _escape_like(q.strip()) + "%"
        query = query.where(
            or_(ac.c.id.ilike(pattern, escape="\\"), ac.c.name.ilike(pattern, escape="\\"))
        )
    return [dict(r._mapping) for r in conn.execute(query)]


def _escape_like(text: str) -> str:
    """``text`` for a LIKE pattern in which "%", "_" and "\\" are letters."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
