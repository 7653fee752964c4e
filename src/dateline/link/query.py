"""Read stories: one story with its history, lists, and the pending view."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, or_, select

from dateline.errors import E_AS_OF
from dateline.link.compat import Member, PlaceInfo, shift
from dateline.link.linker import load_members
from dateline.link.schema import stories as st
from dateline.link.settings import LinkSettings, default_settings
from dateline.link.state import ArticleState, StoryState, story_state
from dateline.store import schema as t


def as_of_text(as_of: date | str) -> str:
    """An as-of date as ISO text; a clear error for anything else."""
    if isinstance(as_of, date):
        return as_of.isoformat()
    try:
        return date.fromisoformat(str(as_of).strip()).isoformat()
    except ValueError as exc:
        raise E_AS_OF(value=as_of) from exc


def story(
    conn: Connection,
    story_id: str,
    as_of: date | str | None = None,
    settings: LinkSettings | None = None,
) -> dict[str, Any] | None:
    """A story with its state and history (judged by articles up to ``as_of`` when given)."""
    settings = settings or default_settings()
    query = select(t.events.c.id).where(t.events.c.story_id == story_id)
    if as_of is not None:
        query = query.where(t.events.c.dct <= as_of_text(as_of))
    ids = [r[0] for r in conn.execute(query)]
    if not ids:
        return None
    members = sorted(load_members(conn, ids, settings).values(), key=lambda m: (m.dct, m.id))
    return _story_dict(conn, story_id, members, settings)


def stories(
    conn: Connection,
    status: str | None = None,
    type: str | None = None,
    actor: str | None = None,
    limit: int | None = 100,
    settings: LinkSettings | None = None,
) -> list[dict[str, Any]]:
    """Stories, most recently reported first, filtered by current status, type or actor."""
    query = select(st.c.id).order_by(st.c.last_dct.desc(), st.c.id)
    if status:
        query = query.where(st.c.status == status.lower())
    if type:
        query = query.where(st.c.type == type.upper())
    if actor:
        ea = t.event_actors
        with_actor = (
            select(t.events.c.story_id)
            .join(ea, ea.c.event_id == t.events.c.id)
            .where(ea.c.actor_id == actor)
        )
        query = query.where(st.c.id.in_(with_actor))
    if limit:
        query = query.limit(limit)
    found = [story(conn, r[0], settings=settings) for r in conn.execute(query)]
    return [s for s in found if s]


def pending(
    conn: Connection, as_of: date | str, settings: LinkSettings | None = None
) -> list[dict[str, Any]]:
    """Stories planned or possible by articles up to ``as_of`` whose window is still open."""
    settings = settings or default_settings()
    day = as_of_text(as_of)
    # A story whose last article is on or before the date is judged by its current state.
    still_open = or_(st.c.last_dct > day, st.c.status.in_(sorted(settings.pending_statuses)))
    query = select(st.c.id).where(st.c.first_dct <= day, st.c.open_until >= day, still_open)
    query = query.order_by(st.c.id)
    out = []
    for (story_id,) in conn.execute(query).all():
        found = story(conn, story_id, day, settings)
        if found and is_pending(found, day, settings):
            out.append({**found, "as_of": day})
    return sorted(
        out,
        key=lambda s: (s["time"].get("earliest") or "9999", s["first_announced"]["dct"], s["id"]),
    )


def is_pending(found: dict[str, Any], day: str, settings: LinkSettings) -> bool:
    """Planned or possible, window not passed, and (when undated) not gone stale."""
    if found["status"] not in settings.pending_statuses:
        return False
    latest = found["time"].get("latest")
    if latest:
        return bool(latest >= day)
    return bool(shift(found["latest_evidence"]["dct"], settings.stale_days) >= day)


# --- building the story dict ------------------------------------------------------


def _story_dict(
    conn: Connection, story_id: str, members: list[Member], settings: LinkSettings
) -> dict[str, Any]:
    state = story_state(members, settings)
    details = _details(conn, [m.id for m in members])
    mentioned = {p.id for m in members for p in m.participants}
    mentioned |= {d["attribution"] for d in details.values() if d.get("attribution")}
    names = _names(conn, mentioned)
    history = [_history_entry(a, state.type, details) for a in state.articles]
    return {
        **state.header(story_id, settings),
        "time": dict(state.time),
        "place": _place(members, settings).name,
        "participants": _participants(members, names),
        "candidates": _candidates(state, details),
        "facets": _facets(members, settings, details),
        "sources": list(dict.fromkeys(h["source"] for h in history if h["source"])),
        "articles": len(history),
        "first_announced": _first_announced(state, members, settings, details),
        "latest_evidence": _latest_evidence(state, settings, details),
        "history": history,
        "events": [m.id for m in members],
        "names": names,
    }


def _details(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    ev, doc = t.events, t.documents
    query = select(
        ev.c.id,
        ev.c.type,
        ev.c.status,
        ev.c.attribution,
        ev.c.trigger,
        doc.c.title,
        doc.c.source,
        doc.c.url,
    )
    rows = conn.execute(query.join(doc, doc.c.id == ev.c.document_id).where(ev.c.id.in_(ids)))
    out = {
        r.id: {
            **dict(r._mapping),
            "evidence": [],
            "candidates": [],
            "source_ids": [],
            "target_ids": [],
        }
        for r in rows
    }
    for r in conn.execute(
        select(t.event_evidence)
        .where(t.event_evidence.c.event_id.in_(ids))
        .order_by(t.event_evidence.c.id)
    ):
        out[r.event_id]["evidence"].append(r.sentence)
    for r in conn.execute(
        select(t.event_candidates)
        .where(t.event_candidates.c.event_id.in_(ids))
        .order_by(t.event_candidates.c.id)
    ):
        out[r.event_id]["candidates"].append({"value": r.value, "status": r.status, "text": r.text})
    ea = t.event_actors
    for r in conn.execute(
        select(ea).where(ea.c.event_id.in_(ids)).order_by(ea.c.event_id, ea.c.position)
    ):
        out[r.event_id][f"{r.role}_ids"].append(r.actor_id)
    return out


def _names(conn: Connection, ids: set[str]) -> dict[str, str]:
    query = select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(sorted(ids)))
    return dict(sorted((r.id, r.name) for r in conn.execute(query)))


def _participants(members: list[Member], names: dict[str, str]) -> list[dict[str, str]]:
    ids: dict[str, None] = {}
    for role in ("source", "target"):
        ids.update({p.id: None for m in members for p in m.participants if p.role == role})
    return [{"id": i, "name": names.get(i, i)} for i in ids]


def _place(members: list[Member], settings: LinkSettings) -> PlaceInfo:
    for m in reversed(members):
        if m.place.name and m.type not in settings.place_free_types:
            return m.place
    return PlaceInfo()


def _sentence(event_id: str, details: dict[str, dict[str, Any]]) -> str | None:
    evidence = details.get(event_id, {}).get("evidence") or []
    return evidence[0] if evidence else None


def _history_entry(
    art: ArticleState, kind: str, details: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    members = sorted(art.members, key=lambda m: m.type != kind)  # the story's own type first
    first = details.get(members[0].id, {})
    return {
        "dct": art.dct,
        "document_id": art.document_id,
        "title": first.get("title"),
        "source": first.get("source"),
        "url": first.get("url"),
        "status": art.status,
        "time": art.time,
        "dated": art.time_kind == "dated",
        "postponed": any(m.postponed for m in art.members),
        "attribution": sorted(
            {
                details[m.id]["attribution"]
                for m in art.members
                if details.get(m.id, {}).get("attribution")
            }
        ),
        "evidence": [
            {
                "event_id": m.id,
                "type": m.type,
                "status": m.status,
                "sentence": _sentence(m.id, details),
            }
            for m in members
        ],
    }


def _candidates(state: StoryState, details: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Times offered for the event, after the last article that fixed or reset its date."""
    start = 0
    for index, art in enumerate(state.articles):
        if art.time_kind in ("dated", "reset"):
            start = index
    seen: dict[str, dict[str, Any]] = {}
    for art in state.articles[start:]:
        for m in art.members:
            offered = list(details.get(m.id, {}).get("candidates", []))
            if m.status == "possible" and m.dated and m.value:
                offered.append(
                    {
                        "value": m.value,
                        "status": "possible",
                        "text": details.get(m.id, {}).get("trigger") or m.type.lower(),
                    }
                )
            for c in offered:
                seen.setdefault(
                    c["value"], {**c, "dct": art.dct, "source": details.get(m.id, {}).get("source")}
                )
    return sorted(seen.values(), key=lambda c: (c["value"], c["dct"]))


def _facets(
    members: list[Member], settings: LinkSettings, details: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Precursor events (invitations) that announced the story."""
    return [
        {
            "event_id": m.id,
            "type": m.type,
            "status": m.status,
            "time": m.value or m.earliest,
            "by": details.get(m.id, {}).get("source_ids", []),
            "to": details.get(m.id, {}).get("target_ids", []),
            "dct": m.dct,
            "sentence": _sentence(m.id, details),
        }
        for m in members
        if settings.is_precursor(m.type)
    ]


def _first_announced(
    state: StoryState,
    members: list[Member],
    settings: LinkSettings,
    details: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    art = state.articles[0]
    lead = art.members[0]
    invites = sorted(
        (m for m in members if settings.is_precursor(m.type) and (m.value or m.earliest)),
        key=lambda m: (m.value or m.earliest or "", m.id),
    )
    if invites and (invites[0].value or invites[0].earliest or "") < art.dct:
        lead = invites[0]
    info = details.get(lead.id, {})
    by = (
        info.get("source_ids", [])
        if settings.is_precursor(lead.type)
        else [info.get("attribution")]
        if info.get("attribution")
        else []
    )
    return {
        "date": (lead.value or lead.earliest) if lead is not art.members[0] else art.dct,
        "dct": art.dct,
        "by": by,
        "type": lead.type,
        "source": details.get(art.members[0].id, {}).get("source"),
        "sentence": _sentence(lead.id, details),
    }


def _latest_evidence(
    state: StoryState, settings: LinkSettings, details: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    art = state.articles[-1]
    ranked = sorted(
        art.members,
        key=lambda m: (m.type != state.type, settings.is_precursor(m.type), settings.rank(m.type)),
    )
    lead = ranked[0]
    info = details.get(lead.id, {})
    said = (details.get(m.id, {}).get("attribution") for m in ranked)
    return {
        "dct": art.dct,
        "status": art.status,
        "type": lead.type,
        "attribution": info.get("attribution"),
        "attributions": list(dict.fromkeys(a for a in said if a)),
        "source": info.get("source"),
        "sentence": _sentence(lead.id, details),
    }
