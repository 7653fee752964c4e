"""Read queries over stored events, shared by the CLI, the Python API and exports."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, or_, select

from dateline.store import schema as t


def select_events(
    conn: Connection,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    type: str | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events as dicts in the extraction-document shape, plus document id and dct."""
    ev = t.events
    query = select(ev, t.documents.c.title, t.documents.c.source.label("document_source"))
    query = query.join(t.documents, t.documents.c.id == ev.c.document_id)
    if actor:
        query = query.where(ev.c.id.in_(_events_of_actor(actor)))
    if type:
        query = query.where(ev.c.type == type.upper())
    if status:
        query = query.where(ev.c.status == status.lower())
    # An event is in [from, to] when its window overlaps it; unknown ends never exclude.
    if date_from:
        query = query.where(or_(ev.c.latest.is_(None), ev.c.latest >= date_from))
    if date_to:
        query = query.where(or_(ev.c.earliest.is_(None), ev.c.earliest <= date_to))
    order_key = ev.c.earliest.is_(None), ev.c.earliest, ev.c.latest, ev.c.dct, ev.c.id
    query = query.order_by(*order_key)
    if limit:
        query = query.limit(limit)
    rows = [dict(r._mapping) for r in conn.execute(query)]
    return _attach_details(conn, rows)


def _events_of_actor(actor: str) -> Any:
    ea, ac = t.event_actors, t.actors
    wanted = actor.lower()
    # "%" and "_" in the user's text are letters, not LIKE wildcards ("%" matched everyone)
    pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    ids = select(ac.c.id).where(or_(ac.c.id == actor, ac.c.name.ilike(pattern, escape="\\")))
    return select(ea.c.event_id).where(or_(ea.c.actor_id == actor, ea.c.actor_id.in_(ids)))


def _attach_details(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = [r["id"] for r in rows]
    if not ids:
        return rows
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"source": [], "target": []})
    for r in conn.execute(
        select(t.event_actors)
        .where(t.event_actors.c.event_id.in_(ids))
        .order_by(t.event_actors.c.position)
    ):
        roles[r.event_id][r.role].append(r.actor_id)
    evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in conn.execute(select(t.event_evidence).where(t.event_evidence.c.event_id.in_(ids))):
        evidence[r.event_id].append({"start": r.start, "end": r.end, "sentence": r.sentence})
    cands: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in conn.execute(select(t.event_candidates).where(t.event_candidates.c.event_id.in_(ids))):
        cands[r.event_id].append({"value": r.value, "status": r.status, "text": r.text})
    return [_shape(r, roles[r["id"]], evidence[r["id"]], cands[r["id"]]) for r in rows]


def _shape(
    row: dict[str, Any], roles: dict[str, list[str]], evidence: list[Any], cands: list[Any]
) -> dict[str, Any]:
    time = {k: row.pop(k) for k in ("value", "earliest", "latest", "granularity")}
    return {
        **row,
        "dated": bool(row["dated"]),
        "time": time,
        **roles,
        "evidence": evidence,
        "candidates": cands,
    }
