"""Link a stored document's events into stories, inside the store's transaction.

On each add, the new events' neighbourhood (events of the same family that
share a participant key and a link window, found through ``event_keys``, and
so on transitively) is re-clustered in canonical order. Stories never reach
beyond such a neighbourhood, so re-clustering it gives the same stories as
re-clustering the whole database, whatever order articles came in. When the
new article comes last in that order (the usual case), nothing before it can
change, so only the stories its events may join are loaded (``append_last``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, insert, or_, select, update

from dateline.actors.geo import country_code
from dateline.link.cluster import Draft, cluster, extend
from dateline.link.compat import (
    FAR_FUTURE,
    Member,
    Participant,
    PlaceInfo,
    adjacent,
    link_window,
    lookup_keys,
    participant,
    shift,
    stored_keys,
)
from dateline.link.schema import event_keys, event_links, stories
from dateline.link.settings import LinkSettings, default_settings
from dateline.link.state import canonical_key, story_state
from dateline.store import schema as t

CHUNK = 500


def link_document(
    conn: Connection, document_id: str, settings: LinkSettings | None = None
) -> list[str]:
    """Attach the document's events to stories (new or existing); return their story ids."""
    settings = settings or default_settings()
    seeds = index_document(conn, document_id, settings)
    if not seeds:
        return []
    if comes_last(conn, seeds[0]):
        drafts = append_last(conn, seeds, settings)
        members: list[Member] = [m for d in drafts for m in d.members]
    else:
        found = neighbourhood(conn, seeds, settings)
        drafts, members = cluster(list(found.values()), settings), list(found.values())
    write_stories(conn, drafts, members, settings)
    return sorted({d.id for d in drafts if any(m.document_id == document_id for m in d.members)})


def comes_last(conn: Connection, seed: Member) -> bool:
    """Whether no other article comes after this one in canonical order (date, then id)."""
    d = t.documents
    later = or_(d.c.dct > seed.dct, and_(d.c.dct == seed.dct, d.c.id > seed.document_id))
    return conn.execute(select(d.c.id).where(later).limit(1)).first() is None


def append_last(conn: Connection, seeds: list[Member], settings: LinkSettings) -> list[Draft]:
    """The pass over the whole neighbourhood, when the new article comes last in it.

    Earlier events keep their stories (nothing before them changed), so only the stories
    the new events may join are loaded and the new events are run through them. Returns
    the drafts that hold new events."""
    seed_ids = {m.id for m in seeds}
    cache: dict[str, Member] = {}
    near = _adjacent_to(seeds, _candidates(conn, seeds, settings), conn, cache, settings)
    story_ids = sorted({m.story_id for m in near.values() if m.story_id})
    drafts = _stored_drafts(conn, story_ids, seed_ids, cache, settings)
    return [d for d in extend(drafts, seeds, settings) if any(m.id in seed_ids for m in d.members)]


def _stored_drafts(
    conn: Connection,
    story_ids: list[str],
    seed_ids: set[str],
    cache: dict[str, Member],
    settings: LinkSettings,
) -> list[Draft]:
    """Stored stories as drafts, in the order the pass started them (by first member)."""
    if not story_ids:
        return []
    query = select(t.events.c.id).where(t.events.c.story_id.in_(story_ids))
    # When relinking, the new events may already hold a story id: they are not old.
    old_ids = {r[0] for r in conn.execute(query)} - seed_ids
    cache.update(load_members(conn, old_ids - cache.keys(), settings))
    groups: dict[str, list[Member]] = {}
    for event_id in old_ids & cache.keys():
        groups.setdefault(cache[event_id].story_id or "", []).append(cache[event_id])
    ordered = [sorted(g, key=lambda m: canonical_key(m, settings)) for g in groups.values()]
    ordered.sort(key=lambda g: canonical_key(g[0], settings))
    return [Draft(g, settings) for g in ordered]


def relink_all(conn: Connection, settings: LinkSettings | None = None) -> int:
    """Link every stored document in date order (used when the story tables are created)."""
    docs = conn.execute(
        select(t.documents.c.id).order_by(t.documents.c.dct, t.documents.c.id)
    ).all()
    for (doc_id,) in docs:
        link_document(conn, doc_id, settings)
    return len(docs)


# --- indexing -------------------------------------------------------------------


def index_document(conn: Connection, document_id: str, settings: LinkSettings) -> list[Member]:
    """Write the link rows (window, participants, place, keys) of a document's events."""
    rows = [
        dict(r._mapping)
        for r in conn.execute(select(t.events).where(t.events.c.document_id == document_id))
    ]
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    conn.execute(delete(event_keys).where(event_keys.c.event_id.in_(ids)))
    conn.execute(delete(event_links).where(event_links.c.event_id.in_(ids)))
    parts = _participants(conn, ids)
    places = _document_places(conn, document_id)
    members = [member_of_row(r, tuple(parts.get(r["id"], ())), places, settings) for r in rows]
    conn.execute(insert(event_links), [link_row(m) for m in members])
    keys = [
        {"event_id": m.id, "key": key, "family": m.family, "lo": m.lo, "hi": m.hi}
        for m in members
        for key in sorted(stored_keys(m.participants))
    ]
    if keys:
        conn.execute(insert(event_keys), keys)
    return members


def _participants(conn: Connection, event_ids: list[str]) -> dict[str, list[Participant]]:
    ea, ac = t.event_actors, t.actors
    query = (
        select(ea.c.event_id, ea.c.role, ea.c.actor_id, ac.c.kind, ac.c.country)
        .select_from(ea.outerjoin(ac, ac.c.id == ea.c.actor_id))
        .where(ea.c.event_id.in_(event_ids))
        .order_by(ea.c.event_id, ea.c.role, ea.c.position)
    )
    out: dict[str, list[Participant]] = {}
    for r in conn.execute(query):
        out.setdefault(r.event_id, []).append(participant(r.actor_id, r.role, r.kind, r.country))
    return out


def _document_places(conn: Connection, document_id: str) -> dict[str, PlaceInfo]:
    query = select(t.places.c.name, t.places.c.country, t.places.c.kind).where(
        t.places.c.document_id == document_id
    )
    return {
        r.name.casefold(): PlaceInfo(r.name, r.country, _level(r.kind)) for r in conn.execute(query)
    }


def _level(kind: str | None) -> str:
    if kind in ("country", "region"):
        return kind
    return "local"


def place_info(name: str | None, places: dict[str, PlaceInfo], settings: LinkSettings) -> PlaceInfo:
    """Resolve an event's location name with its document's places, else as a country name."""
    if not name:
        return PlaceInfo()
    known = places.get(name.casefold())
    code = country_code(name)
    if known and not (code and known.level == "local"):
        return PlaceInfo(name, known.country, known.level)
    if code:
        return PlaceInfo(name, code, "country")
    return PlaceInfo(name, None, "local")


def member_of_row(
    row: dict[str, Any],
    parts: tuple[Participant, ...],
    places: dict[str, PlaceInfo],
    settings: LinkSettings,
) -> Member:
    """An events row seen by linking: its link window, participants and resolved place."""
    lo, hi = link_window(row, settings)
    postponed = row.get("change") == "postponed"
    return _build(
        row, parts, place_info(row.get("location"), places, settings), lo, hi, postponed, settings
    )


def _build(
    row: dict[str, Any],
    parts: tuple[Participant, ...],
    place: PlaceInfo,
    lo: str,
    hi: str,
    postponed: bool,
    settings: LinkSettings,
) -> Member:
    return Member(
        id=row["id"],
        document_id=row["document_id"],
        dct=row["dct"],
        type=row["type"],
        family=settings.family(row["type"]),
        status=row["status"],
        dated=bool(row["dated"]),
        value=row["value"],
        earliest=row["earliest"],
        latest=row["latest"],
        granularity=row["granularity"],
        lo=lo,
        hi=hi,
        participants=parts,
        place=place,
        postponed=postponed,
        story_id=row.get("story_id"),
    )


def link_row(m: Member) -> dict[str, Any]:
    """The event_links row of a member."""
    parts = [[p.id, p.role, p.country, p.countrylike] for p in m.participants]
    return {
        "event_id": m.id,
        "family": m.family,
        "lo": m.lo,
        "hi": m.hi,
        "participants": json.dumps(parts),
        "place": m.place.name,
        "place_country": m.place.country,
        "place_level": m.place.level,
        "postponed": m.postponed,
    }


# --- neighbourhood --------------------------------------------------------------


def load_members(
    conn: Connection, event_ids: Iterable[str], settings: LinkSettings
) -> dict[str, Member]:
    """Members (events with their link rows) by id."""
    ids = sorted(set(event_ids))
    out: dict[str, Member] = {}
    ev, el = t.events, event_links
    for start in range(0, len(ids), CHUNK):
        query = (
            select(ev, el)
            .join(el, el.c.event_id == ev.c.id)
            .where(ev.c.id.in_(ids[start : start + CHUNK]))
        )
        for r in conn.execute(query):
            m = member_of_link_row(dict(r._mapping), settings)
            out[m.id] = m
    return out


def member_of_link_row(row: dict[str, Any], settings: LinkSettings) -> Member:
    """A member from a row of ``events`` joined with its ``event_links`` row."""
    parts = tuple(
        Participant(p[0], p[1], p[2], bool(p[3])) for p in json.loads(row["participants"])
    )
    place = PlaceInfo(row["place"], row["place_country"], row["place_level"])
    return _build(row, parts, place, row["lo"], row["hi"], bool(row["postponed"]), settings)


def _candidates(conn: Connection, frontier: list[Member], settings: LinkSettings) -> set[str]:
    """Events sharing a participant key and link window with any of ``frontier`` (index scans,
    one query per family and chunk of keys)."""
    by_family: dict[str, list[Member]] = {}
    for m in frontier:
        by_family.setdefault(m.family, []).append(m)
    k, out = event_keys, set()
    for family, members in sorted(by_family.items()):
        keys = sorted(set().union(*(lookup_keys(m.participants, settings) for m in members)))
        lo, hi = min(m.lo for m in members), max(m.hi for m in members)
        for start in range(0, len(keys), CHUNK):
            query = (
                select(k.c.event_id)
                .where(k.c.family == family, k.c.key.in_(keys[start : start + CHUNK]))
                .where(k.c.lo >= shift(lo, -settings.max_window_days), k.c.lo <= hi, k.c.hi >= lo)
                .distinct()
            )
            out |= {r[0] for r in conn.execute(query)}
    return out - {m.id for m in frontier}


def _adjacent_to(
    frontier: list[Member],
    ids: set[str],
    conn: Connection,
    cache: dict[str, Member],
    settings: LinkSettings,
) -> dict[str, Member]:
    """Those of ``ids`` that are neighbours of some member of ``frontier``."""
    cache.update(load_members(conn, ids - cache.keys(), settings))
    out = {}
    for event_id in sorted(ids):
        other = cache.get(event_id)
        if other and any(adjacent(f, other, settings) for f in frontier):
            out[event_id] = other
    return out


def neighbourhood(
    conn: Connection, seeds: list[Member], settings: LinkSettings
) -> dict[str, Member]:
    """The seeds and every event reachable from them by the loose link relation, level by
    level (capped at ``max_component`` events)."""
    found = {m.id: m for m in seeds}
    cache: dict[str, Member] = {}
    frontier = list(seeds)
    while frontier and len(found) < settings.max_component:
        ids = _candidates(conn, frontier, settings) - found.keys()
        level = _adjacent_to(frontier, ids, conn, cache, settings)
        room = settings.max_component - len(found)
        frontier = [level[i] for i in sorted(level)[:room]]
        found.update((m.id, m) for m in frontier)
    return found


# --- writing --------------------------------------------------------------------


def write_stories(
    conn: Connection, drafts: list[Draft], members: Iterable[Member], settings: LinkSettings
) -> None:
    """Point each event at its story and refresh the stories rows that changed."""
    old_ids = {m.story_id for m in members if m.story_id}
    changes = [{"eid": m.id, "sid": d.id} for d in drafts for m in d.members if m.story_id != d.id]
    if changes:
        stmt = (
            update(t.events)
            .where(t.events.c.id == bindparam("eid"))
            .values(story_id=bindparam("sid"))
        )
        conn.execute(stmt, changes)
    for d in drafts:
        for m in d.members:
            m.story_id = d.id
    new_ids = {d.id for d in drafts}
    conn.execute(delete(stories).where(stories.c.id.in_(sorted(old_ids | new_ids))))
    titles = _titles(conn, {d.members[0].document_id for d in drafts})
    rows = [
        story_row(d.id, d.members, settings, titles.get(d.members[0].document_id)) for d in drafts
    ]
    conn.execute(insert(stories), rows)
    _refresh_leftovers(conn, old_ids - new_ids, settings)


def _refresh_leftovers(conn: Connection, story_ids: set[str], settings: LinkSettings) -> None:
    """Stories that lost members but keep some outside the neighbourhood (capped case)."""
    for story_id in sorted(story_ids):
        ids = [
            r[0] for r in conn.execute(select(t.events.c.id).where(t.events.c.story_id == story_id))
        ]
        if ids:
            members = sorted(
                load_members(conn, ids, settings).values(), key=lambda m: (m.dct, m.id)
            )
            title = _titles(conn, {members[0].document_id}).get(members[0].document_id)
            conn.execute(insert(stories).values(story_row(story_id, members, settings, title)))


def refresh_states(conn: Connection, settings: LinkSettings | None = None) -> int:
    """Compute the lifecycle state of stored stories that have none (migration 5)."""
    settings = settings or default_settings()
    ev = t.events
    missing = select(stories.c.id).where(stories.c.state.is_(None))
    story_ids = [r[0] for r in conn.execute(missing)]
    for start in range(0, len(story_ids), CHUNK):
        chunk = story_ids[start : start + CHUNK]
        ids = [r[0] for r in conn.execute(select(ev.c.id).where(ev.c.story_id.in_(chunk)))]
        groups: dict[str, list[Member]] = {}
        for m in load_members(conn, ids, settings).values():
            groups.setdefault(m.story_id or "", []).append(m)
        for story_id, members in groups.items():
            state = story_state(members, settings).state
            conn.execute(update(stories).where(stories.c.id == story_id).values(state=state))
    return len(story_ids)


def _titles(conn: Connection, doc_ids: set[str]) -> dict[str, str | None]:
    query = select(t.documents.c.id, t.documents.c.title).where(
        t.documents.c.id.in_(sorted(doc_ids))
    )
    return {r.id: r.title for r in conn.execute(query)}


def story_row(
    story_id: str, members: list[Member], settings: LinkSettings, title: str | None
) -> dict[str, Any]:
    """The stories row (current state) of a story's members."""
    state = story_state(members, settings)
    open_until = max(
        (a.time or {}).get("latest") or shift(a.dct, settings.stale_days) for a in state.articles
    )
    return {
        **state.header(story_id, settings),
        **{k: state.time.get(k) for k in ("value", "earliest", "latest", "granularity")},
        "first_dct": min(m.dct for m in members),
        "last_dct": max(m.dct for m in members),
        "open_until": min(open_until, FAR_FUTURE),
        "articles": len({m.document_id for m in members}),
        "events": len(members),
        "title": title,
    }
