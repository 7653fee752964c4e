"""Link a stored document's events into stories, inside the store's transaction.

On each add, the new events' neighbourhood (events of the same family that
share a participant key and a link window, found through ``event_keys``, and
so on transitively) is re-clustered in canonical order. Stories never reach
beyond such a neighbourhood, so re-clustering it gives the same stories as
re-clustering the whole database, whatever order articles came in. When the
new article comes last in that order (the usual case), nothing before it can
change, so only the stories its events may join are resumed from their summaries
(``append_last``): they are found through ``story_keys`` and resumed from
``story_summaries``, never by loading every member, so that
adding a report costs the same to a story of ten reports as to one of ten thousand.
A batch of new articles that all come after every linked one is linked in one such
pass (``link_documents``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    update,
)

from dateline.link.cluster import (
    Draft,
    Linked,
    cluster,
    extend,
    found_by,
    linked_of_row,
    looks_for,
    summary_ids,
    tail_rows,
)
from dateline.link.compat import (
    CARRIED,
    FAR_FUTURE,
    HELD,
    HOME,
    HOST,
    SITE,
    Member,
    Participant,
    PlaceInfo,
    adjacent,
    build_member,
    date_keys,
    dated_plan,
    event_date_keys,
    held_off,
    hosted,
    journey_home,
    link_window,
    lookup_keys,
    member_of_link_row,
    pair_keys,
    participant,
    parties_of,
    shift,
    stored_keys,
)
from dateline.link.kept import KeptDrafts, Stamp, forget, kept_drafts, row_version
from dateline.link.schema import (
    create_story_tables,
    event_keys,
    event_links,
    stories,
    story_keys,
    story_summaries,
    story_tail,
)
from dateline.link.settings import LinkSettings, default_settings
from dateline.link.state import canonical_key, story_state
from dateline.model import iso_day
from dateline.store import schema as t
from dateline.store.engine import insert_rows, update_by_key

CHUNK = 500


def link_document(
    conn: Connection,
    document_id: str,
    settings: LinkSettings | None = None,
    last: bool | None = None,
) -> list[str]:
    """Attach the document's events to stories (new or existing); return their story ids.

    ``last`` says whether the document comes after every linked one in canonical order
    (date, then id); None asks the database."""
    settings = settings or default_settings()
    seeds = index_documents(conn, [document_id], settings)
    if not seeds:
        return []
    # Events that hold a story already are being linked again: their old stories would
    # count them twice if resumed, so their neighbourhood is clustered afresh.
    fresh = all(m.story_id is None for m in seeds)
    if fresh and (last if last is not None else comes_last(conn, seeds[0])):
        return sorted(d.id for d in _append(conn, seeds, settings))  # each holds a seed
    found = neighbourhood(conn, seeds, settings)
    drafts, members = cluster(list(found.values()), settings), list(found.values())
    write_stories(conn, drafts, members, settings)
    return sorted({d.id for d in drafts if any(m.document_id == document_id for m in d.added)})


def link_documents(
    conn: Connection,
    document_ids: list[str],
    settings: LinkSettings | None = None,
    after: tuple[str, str] | None = None,
    held: Held | None = None,
) -> None:
    """Link new documents (stored and not linked yet: their events have no link rows), as
    linking them one by one in canonical order would.

    ``after`` is the (date, id) of the last document linked before them (None: none).
    Those that come before it are linked together: their neighbourhoods are re-clustered
    once for all of them (``relink_together``), not once per document; the others, which
    then all come after every linked document, in one pass over the stories their events
    may join, their members built from the rows the writer inserted (``held``) rather than
    read back from them."""
    settings = settings or default_settings()
    keys = sorted(_document_keys(conn, document_ids))
    early = [key for key in keys if after is not None and key <= after]
    relink_together(conn, [doc_id for _, doc_id in early], settings)
    later = [doc_id for _, doc_id in keys[len(early) :]]
    seeds = index_documents(conn, later, settings, fresh=True, held=held)
    if seeds:
        _append(conn, seeds, settings)


def _append(conn: Connection, seeds: list[Member], settings: LinkSettings) -> list[Draft]:
    """``append_last`` and its stories written; the stories it read or wrote are kept for
    the next pass on this connection (``dateline.link.kept``). Returns the drafts that
    hold new events."""
    kept = kept_drafts(conn)
    drafts = append_last(conn, seeds, settings, kept)
    stamps = _write(conn, drafts, [m for d in drafts for m in d.added], settings)
    if kept is not None:
        for d in drafts:
            kept.keep(d, stamps[d.id])
    return drafts


def relink_together(conn: Connection, document_ids: list[str], settings: LinkSettings) -> None:
    """Link documents that come before stored ones by re-clustering the union of their
    neighbourhoods once: the stories of a neighbourhood do not depend on the order its
    events arrived in, so one pass gives what one pass per document gives, at the cost
    of the last of them. Documents are taken in groups whose events stay well below
    ``max_component``, so that the neighbourhood still reaches past its seeds."""
    group: list[str] = []
    events = 0
    room = max(1, settings.max_component // 4)
    for doc_id, count in _event_counts(conn, document_ids):
        if group and events + count > room:
            _relink(conn, group, settings)
            group, events = [], 0
        group.append(doc_id)
        events += count
    if group:
        _relink(conn, group, settings)


def _relink(conn: Connection, document_ids: list[str], settings: LinkSettings) -> None:
    """One pass over the documents' neighbourhood; one document at a time, as before, when
    it reaches ``max_component`` (a capped neighbourhood depends on where it started)."""
    seeds = [m for start in range(0, len(document_ids), CHUNK)
             for m in _members_of(conn, document_ids[start : start + CHUNK], settings)]  # fmt: skip
    if not seeds:
        return
    found = neighbourhood(conn, seeds, settings)
    if len(found) >= settings.max_component and len(document_ids) > 1:
        for doc_id in document_ids:
            link_document(conn, doc_id, settings, last=False)
        return
    _write_index(conn, seeds, settings)
    members = list(found.values())
    write_stories(conn, cluster(members, settings), members, settings)


def _event_counts(conn: Connection, document_ids: list[str]) -> list[tuple[str, int]]:
    """(document id, number of its events), in the order given."""
    ev, counts = t.events, dict[str, int]()
    for start in range(0, len(document_ids), CHUNK):
        query = (
            select(ev.c.document_id, func.count())
            .where(ev.c.document_id.in_(document_ids[start : start + CHUNK]))
            .group_by(ev.c.document_id)
        )
        counts.update((r[0], int(r[1])) for r in conn.execute(query))
    return [(doc_id, counts.get(doc_id, 0)) for doc_id in document_ids]


def _document_keys(conn: Connection, document_ids: list[str]) -> list[tuple[str, str]]:
    d = t.documents
    out: list[tuple[str, str]] = []
    for start in range(0, len(document_ids), CHUNK):
        chunk = document_ids[start : start + CHUNK]
        out += [
            (r.dct, r.id) for r in conn.execute(select(d.c.dct, d.c.id).where(d.c.id.in_(chunk)))
        ]
    return out


def last_document(conn: Connection) -> tuple[str, str] | None:
    """The (date, id) of the last stored document in canonical order."""
    d = t.documents
    row = conn.execute(select(d.c.dct, d.c.id).order_by(d.c.dct.desc(), d.c.id.desc()).limit(1))
    found = row.first()
    return (found.dct, found.id) if found else None


def comes_last(conn: Connection, seed: Member) -> bool:
    """Whether no other article comes after this one in canonical order (date, then id)."""
    d = t.documents
    later = or_(d.c.dct > seed.dct, and_(d.c.dct == seed.dct, d.c.id > seed.document_id))
    return conn.execute(select(d.c.id).where(later).limit(1)).first() is None


def append_last(
    conn: Connection, seeds: list[Member], settings: LinkSettings, kept: KeptDrafts | None = None
) -> list[Draft]:
    """The pass over the whole neighbourhood, when the new article comes last in it.

    Earlier events keep their stories (nothing before them changed), so only the stories
    the new events may join are resumed and the new events are run through them. A story
    can only be joined through one of its last ``compare_last`` members, so the stories
    are found by those members' keys (``story_keys``), and resumed from their summaries without
    loading those members: a candidate story none of whose last members is adjacent to
    a new event is resumed for nothing, but never joined. Returns the drafts that hold
    new events; those resumed and not joined go to ``kept`` as they are."""
    seed_ids = {m.id for m in seeds}
    drafts = _stored_drafts(conn, _tail_stories(conn, seeds, settings), {}, settings, kept)
    joined = [d for d in extend(drafts, seeds, settings) if any(m.id in seed_ids for m in d.added)]
    if kept is not None:
        for d in drafts:
            if not d.added:
                kept.keep(d)
    return joined


def _stored_drafts(
    conn: Connection,
    story_ids: list[str],
    cache: dict[str, Member],
    settings: LinkSettings,
    kept: KeptDrafts | None = None,
) -> list[Draft]:
    """Stored stories resumed as drafts, in the order the pass started them (by first
    member); a story without a summary is rebuilt from all its members, one ``kept`` for
    its summary row (``dateline.link.kept.Stamp``) is taken as it is."""
    stamps = _summary_stamps(conn, story_ids)
    texts = {i: stamp[0] for i, stamp in stamps.items()}
    taken = {i: kept.take(i, stamp, settings) for i, stamp in stamps.items()} if kept else {}
    reused = {i: d for i, d in taken.items() if d is not None}
    summaries = {i: json.loads(text) for i, text in texts.items() if i not in reused}
    needed = set().union(*(summary_ids(v) for v in summaries.values()))
    cache.update(load_members(conn, needed - cache.keys(), settings))
    tails = _stored_tails(conn, [i for i, v in summaries.items() if "tail" not in v], settings)
    drafts = [
        reused[i]
        if i in reused
        else _resumed(summaries[i], cache, settings, tails.get(i, []))
        if i in summaries
        else whole_story(conn, i, settings)
        for i in story_ids
    ]
    drafts = [d for d in drafts if d.first is not None]
    drafts.sort(key=lambda d: canonical_key(d.first, settings))  # type: ignore[arg-type]
    return drafts


def _summary_stamps(conn: Connection, story_ids: list[str]) -> dict[str, Stamp]:
    """The stories' summaries, each with its row's version on PostgreSQL."""
    s, version = story_summaries, row_version(conn)
    columns = (s.c.story_id, s.c.summary, *([version] if version is not None else []))
    out: dict[str, Stamp] = {}
    for start in range(0, len(story_ids), CHUNK):
        query = select(*columns).where(s.c.story_id.in_(story_ids[start : start + CHUNK]))
        for r in conn.execute(query):
            out[r[0]] = (r[1], r[2] if version is not None else None)
    return out


def _resumed(
    summary: dict[str, Any], cache: dict[str, Member], settings: LinkSettings, tail: list[Linked]
) -> Draft:
    """A stored story resumed from its summary and its ``story_tail`` rows (a summary written
    before migration 17 holds its tail), with what its ``story_keys`` rows were written for
    (``Draft.stored``) when the summary names their window."""
    draft = Draft.resume(summary, cache, settings, tail)
    if KEYS in summary:
        draft.stored = (tuple(summary[KEYS]), draft.signatures())
    if "tail" not in summary:
        draft.tail_written = draft.events
    return draft


def _stored_tails(
    conn: Connection, story_ids: list[str], settings: LinkSettings
) -> dict[str, list[Linked]]:
    """The stories' ``story_tail`` rows, oldest first."""
    out: dict[str, list[Linked]] = {}
    k = story_tail.c
    columns = (k.story_id, k.event_id, k.type, k.lo, k.hi, k.participants, k.dated, k.status)
    for start in range(0, len(story_ids), CHUNK):
        chunk = sorted(story_ids[start : start + CHUNK])
        query = select(*columns).where(k.story_id.in_(chunk)).order_by(k.story_id, k.position)
        for row in conn.execute(query):
            out.setdefault(row.story_id, []).append(linked_of_row(row, settings))
    return out


def whole_story(conn: Connection, story_id: str, settings: LinkSettings) -> Draft:
    """A stored story as a draft made from all its members (empty when it has none)."""
    query = select(t.events.c.id).where(t.events.c.story_id == story_id)
    members = load_members(conn, [r[0] for r in conn.execute(query)], settings).values()
    return Draft(sorted(members, key=lambda m: canonical_key(m, settings)), settings)


def relink_documents(
    conn: Connection, document_ids: list[str], settings: LinkSettings | None = None
) -> None:
    """Link again stored documents whose events changed participants (an actor identified
    as another across articles, or merged by the user), as if they had always had them.

    Their events' neighbourhoods under the old participants and under the new ones are
    re-clustered together: a story the old participants held together may fall apart, and
    events it no longer reaches cluster as they would have without it."""
    settings = settings or default_settings()
    ids: list[str] = []
    for start in range(0, len(document_ids), CHUNK):
        chunk = document_ids[start : start + CHUNK]
        ids += [
            r[0]
            for r in conn.execute(select(t.events.c.id).where(t.events.c.document_id.in_(chunk)))
        ]
    old = load_members(conn, ids, settings)
    before = neighbourhood(conn, list(old.values()), settings) if old else {}
    seeds = index_documents(conn, document_ids, settings)
    seed_ids = {m.id for m in seeds}
    others = load_members(conn, set(before) - seed_ids, settings)
    found = neighbourhood(conn, [*seeds, *others.values()], settings)
    drafts = cluster(list(found.values()), settings)
    write_stories(conn, drafts, list(found.values()), settings)


def relink_from_scratch(conn: Connection, settings: LinkSettings | None = None) -> int:
    """Forget every story and link every stored document again, in date order."""
    create_story_tables(conn)  # the tables of this version, whatever migration calls it
    forget(conn)
    for table in (story_keys, story_summaries, story_tail, event_keys, event_links, stories):
        conn.execute(delete(table))
    conn.execute(update(t.events).values(story_id=None))
    docs = conn.execute(
        select(t.documents.c.id).order_by(t.documents.c.dct, t.documents.c.id)
    ).all()
    for (doc_id,) in docs:  # each comes after every document linked so far
        link_document(conn, doc_id, settings, last=True)
    return len(docs)


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
    return index_documents(conn, [document_id], settings)


def index_documents(
    conn: Connection,
    document_ids: list[str],
    settings: LinkSettings,
    fresh: bool = False,
    held: Held | None = None,
) -> list[Member]:
    """Write the link rows (window, participants, place, keys) of the documents' events.
    ``fresh``: the documents were stored in this transaction, so their events have no link
    rows to replace (none is looked for); ``held``: the rows the writer inserted for them
    (``Held``), which their members are built from."""
    members: list[Member] = []
    for start in range(0, len(document_ids), CHUNK):
        chunk = _members_of(conn, document_ids[start : start + CHUNK], settings, held)
        _write_index(conn, chunk, settings, fresh)
        members += chunk
    return members


@dataclass(frozen=True)
class Held:
    """The rows a writer inserted in this transaction for new documents, as it built them
    (``events``, ``event_actors``, ``places`` and ``event_evidence`` rows by table name), so
    that linking builds their events' members from them instead of reading the rows back.
    ``moved``: documents whose events identity across articles has since stored under
    other actor ids (``dateline.store.identity``), whose participants are read from their
    rows. What the members hold of the actors (kind, country) is read from ``actors``:
    a stored actor keeps its first description, and identity settles its country."""

    rows: dict[str, list[dict[str, Any]]]
    moved: frozenset[str] = frozenset()


#: an event's rows as linking reads them: the events rows (by id), each event's
#: participants (with whether its name is no actor's), each document's places, and the
#: casefolded evidence sentences of the events that have a location
Rows = tuple[
    list[dict[str, Any]],
    dict[str, list[tuple[Participant, bool]]],
    dict[str, dict[str, PlaceInfo]],
    dict[str, list[str]],
]


def _members_of(
    conn: Connection, document_ids: list[str], settings: LinkSettings, held: Held | None = None
) -> list[Member]:
    """The documents' events as linking sees them (read from their rows, or built from the
    rows the writer inserted, ``held``; nothing written)."""
    found = _rows_of(conn, document_ids) if held is None else _held_rows(conn, document_ids, held)
    if found is None:
        return []
    rows, parts, places, sentences = found
    out = []
    for r in rows:
        known = places.get(r["document_id"], {})
        carried = not named_in(r.get("location"), sentences.get(r["id"], []), known, settings)
        named = not_places(parts.get(r["id"], ()), known)
        out.append(member_of_row(r, named, known, settings, carried))
    return out


def _rows_of(conn: Connection, document_ids: list[str]) -> Rows | None:
    """The documents' events' rows, read (None: they have no events)."""
    query = select(t.events).where(t.events.c.document_id.in_(document_ids))
    rows = [dict(r._mapping) for r in conn.execute(query.order_by(t.events.c.id))]
    if not rows:
        return None
    parts = _participants(conn, [r["id"] for r in rows])
    places = _document_places(conn, document_ids)
    sentences = _sentences(conn, [r["id"] for r in rows if r.get("location")])
    return rows, parts, places, sentences


def _held_rows(conn: Connection, document_ids: list[str], held: Held) -> Rows | None:
    """What ``_rows_of`` reads, from the rows the writer inserted (``Held``): the same
    values in the same order, but the actors' kind and country, which are read, and the
    participants of the documents identity moved, which are read whole."""
    docs = set(document_ids)
    rows = sorted(
        (dict(r, story_id=None) for r in held.rows["events"] if r["document_id"] in docs),
        key=lambda r: r["id"],
    )
    if not rows:
        return None
    ids = {r["id"] for r in rows}
    moved = {r["id"] for r in rows if r["document_id"] in held.moved}
    named = sorted(
        (r["event_id"], r["role"], r["position"], r["actor_id"])
        for r in held.rows["event_actors"]
        if r["event_id"] in ids and r["event_id"] not in moved
    )
    described = _actor_kinds(conn, {n[3] for n in named})
    parts = _participants(conn, sorted(moved)) if moved else {}
    for event_id, role, _, actor_id in named:
        kind, country = described.get(actor_id, (None, None))
        p = participant(actor_id, role, kind, country)
        raw = kind is None and country is None and not p.countrylike
        parts.setdefault(event_id, []).append((p, raw))
    places: dict[str, dict[str, PlaceInfo]] = {}
    for place in held.rows["places"]:
        if place["document_id"] in docs:
            name = place["name"]
            info = PlaceInfo(name, place["country"], _level(place["kind"]))
            places.setdefault(place["document_id"], {})[name.casefold()] = info
    located = {r["id"] for r in rows if r.get("location")}
    sentences: dict[str, list[str]] = {}
    for e in held.rows["event_evidence"]:
        if e["event_id"] in located:
            sentences.setdefault(e["event_id"], []).append(e["sentence"].casefold())
    return rows, parts, places, sentences


def _actor_kinds(conn: Connection, actor_ids: set[str]) -> dict[str, tuple[str | None, str | None]]:
    """(kind, country) of the actors that have an ``actors`` row, by id."""
    ac, ids = t.actors, sorted(actor_ids)
    out: dict[str, tuple[str | None, str | None]] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(ac.c.id, ac.c.kind, ac.c.country).where(
            ac.c.id.in_(ids[start : start + CHUNK])
        )
        out.update((r[0], (r[1], r[2])) for r in conn.execute(query))
    return out


def not_places(
    parts: Iterable[tuple[Participant, bool]], places: dict[str, PlaceInfo]
) -> tuple[Participant, ...]:
    """The participants, less a name that is no actor's but one of the article's places
    ("Rideau Hall", "Lake Victoria" read as the party that met or agreed): a place is where
    the event is, not who takes part, and as a party it would keep the event from the
    story of the people it names."""

    def is_place(name: str) -> bool:
        place = places.get(name.casefold())
        return place is not None and place.level == "local"

    return tuple(p for p, raw in parts if not (raw and p.role == "source" and is_place(p.id)))


def _sentences(conn: Connection, event_ids: list[str]) -> dict[str, list[str]]:
    """The evidence sentences of events, by event id."""
    ev, out = t.event_evidence, dict[str, list[str]]()
    for start in range(0, len(event_ids), CHUNK):
        query = select(ev.c.event_id, ev.c.sentence).where(
            ev.c.event_id.in_(event_ids[start : start + CHUNK])
        )
        for r in conn.execute(query):
            out.setdefault(r.event_id, []).append(r.sentence.casefold())
    return out


def named_in(
    location: str | None,
    sentences: list[str],
    places: dict[str, PlaceInfo],
    settings: LinkSettings,
) -> bool:
    """Whether an event's sentences name its location: by its name, or, for a country, by a
    place of the article in that country ("will travel to Hanoi and Ho Chi Minh City":
    Vietnam). A location none of them names was carried over from elsewhere in the article
    ("talks in Buenos Aires ... according to a statement by the government of Mendoza"): a
    guess (level ``carried``) that linking does not let exclude a link, place a story or
    name the country an event is held in; filters still see it. An event without evidence
    sentences keeps its location."""
    if not location or not sentences:
        return True
    if any(location.casefold() in s for s in sentences):
        return True
    place = place_info(location, places, settings)
    if place.level != "country" or not place.country:
        return False
    return any(
        p.country == place.country and name in s for name, p in places.items() for s in sentences
    )


def _write_index(
    conn: Connection, members: list[Member], settings: LinkSettings, fresh: bool = False
) -> None:
    """The members' link rows (``event_links``, ``event_keys``), replacing any they had
    (``fresh``: they have none, events stored in this transaction)."""
    ids = [] if fresh else [m.id for m in members]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for table in (event_keys, event_links):
            conn.execute(delete(table).where(table.c.event_id.in_(chunk)))
    if members:
        insert_rows(conn, event_links, [link_row(m) for m in members])
    if keys := key_rows(members, settings):
        insert_rows(conn, event_keys, keys)


def key_rows(members: Iterable[Member], settings: LinkSettings) -> list[dict[str, Any]]:
    """The ``event_keys`` rows of members: their participant keys, and the keys of a dated
    report the reports of its event that share fewer parties find it by (``date_keys``)."""
    return [
        {"event_id": m.id, "key": key, "family": m.family, "lo": m.lo, "hi": m.hi}
        for m in members
        for key in (*sorted(stored_keys(m.participants)), *event_date_keys(m, settings, False))
    ]


def _participants(
    conn: Connection, event_ids: list[str]
) -> dict[str, list[tuple[Participant, bool]]]:
    """Each event's participants, each with whether it is a name no actor row has (a name
    the actors step did not resolve; a country code has none either, and is not one)."""
    ea, ac = t.event_actors, t.actors
    query = (
        select(ea.c.event_id, ea.c.role, ea.c.actor_id, ac.c.kind, ac.c.country)
        .select_from(ea.outerjoin(ac, ac.c.id == ea.c.actor_id))
        .where(ea.c.event_id.in_(event_ids))
        .order_by(ea.c.event_id, ea.c.role, ea.c.position)
    )
    out: dict[str, list[tuple[Participant, bool]]] = {}
    for r in conn.execute(query):
        p = participant(r.actor_id, r.role, r.kind, r.country)
        raw = r.kind is None and r.country is None and not p.countrylike
        out.setdefault(r.event_id, []).append((p, raw))
    return out


def _document_places(conn: Connection, document_ids: list[str]) -> dict[str, dict[str, PlaceInfo]]:
    p = t.places
    query = select(p.c.document_id, p.c.name, p.c.country, p.c.kind).where(
        p.c.document_id.in_(document_ids)
    )
    out: dict[str, dict[str, PlaceInfo]] = {}
    for r in conn.execute(query.order_by(p.c.id)):
        out.setdefault(r.document_id, {})[r.name.casefold()] = PlaceInfo(
            r.name, r.country, _level(r.kind)
        )
    return out


def _level(kind: str | None) -> str:
    if kind in ("country", "region"):
        return kind
    return "local"


def place_info(name: str | None, places: dict[str, PlaceInfo], settings: LinkSettings) -> PlaceInfo:
    """Resolve an event's location name with its document's places, else as a country name."""
    if not name:
        return PlaceInfo()
    # Imported here: dateline.actors loads spaCy, which a read of stored stories never needs.
    from dateline.actors.geo import country_code

    known = places.get(name.casefold())
    code = country_code(name)
    if known and not (code and known.level == "local"):
        return _site(PlaceInfo(name, known.country, known.level), settings)
    if code:
        return PlaceInfo(name, code, "country")
    return _site(PlaceInfo(name, None, "local"), settings)


def _site(place: PlaceInfo, settings: LinkSettings) -> PlaceInfo:
    """A local place named as a building or site (its last word one of ``site_words``:
    "Presidential Palace", "Rideau Hall") is level ``site``: it lies in a city its name does
    not tell, so it excludes no place of its country or of an unknown one."""
    words = (place.name or "").casefold().split()
    if place.level == "local" and words and words[-1] in settings.site_words:
        return PlaceInfo(place.name, place.country, SITE)
    return place


def member_of_row(
    row: dict[str, Any],
    parts: tuple[Participant, ...],
    places: dict[str, PlaceInfo],
    settings: LinkSettings,
    carried: bool = False,
) -> Member:
    """An events row seen by linking: its link window, participants and resolved place
    (``carried``: a place its sentences do not name, see ``named_in``)."""
    lo, hi = link_window(row, settings)
    postponed = row.get("change") == "postponed"
    place = place_info(row.get("location"), places, settings)
    if carried and place.name:
        place = PlaceInfo(place.name, place.country, CARRIED)
    if journey_home(parts, row["type"], row["status"], bool(row["dated"]), settings):
        # Back home: the trip it ends went elsewhere, so neither the destination (the
        # travellers' own country, a party of every event of theirs) nor the place counts.
        parts = tuple(p for p in parts if p.role != "target")
        place = PlaceInfo(place.name, place.country, HOME)
    parts = hosted(parts, row["type"], place, settings)
    if recalled(row, parts, settings):
        lo = min(lo, shift(row["dct"], -settings.recalled_days))
    return build_member(row, parts, place, lo, hi, postponed, settings)


def recalled(row: dict[str, Any], parts: tuple[Participant, ...], settings: LinkSettings) -> bool:
    """Whether an undated report that the event took place names two people or more who
    act in it (not a country nor its government): a later article that says "Ndlovu and
    Figueira met" without a date recalls the meeting already reported, which may lie more
    than ``past`` days before it, so its window reaches ``recalled`` days back."""
    if row.get("dated") or row["status"] != "occurred" or row["type"] in settings.speech_types:
        return False
    people = {p.id for p in parts if not p.countrylike and p.role != HOST}
    return len(people) >= 2


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
    columns = [*ev.columns, *(c for c in el.columns if c.name != "event_id")]
    names = [c.name for c in columns]
    for start in range(0, len(ids), CHUNK):
        query = (
            select(*columns)
            .join(el, el.c.event_id == ev.c.id)
            .where(ev.c.id.in_(ids[start : start + CHUNK]))
        )
        for r in conn.execute(query):
            m = member_of_link_row(dict(zip(names, r, strict=True)), settings)
            out[m.id] = m
    return out


def _reach(members: list[Member], settings: LinkSettings) -> tuple[str, str]:
    """The span the members' neighbours' windows must overlap: their own windows, widened
    by ``facet_slack`` for reports without a date of their own, by ``redated`` for a dated
    plan, which a dated plan of another article may date anew, and by ``slipped`` for a
    dated plan and a dated report of the event held, which may fall off the plan's date
    (``compat.adjacent``)."""
    lo = min(shift(m.lo, -_slack(m, settings)) for m in members)
    hi = max(shift(m.hi, _slack(m, settings)) for m in members)
    return lo, hi


def _slack(m: Member, settings: LinkSettings) -> int:
    """How far from its window a member's neighbours may lie (``_reach``)."""
    if dated_plan(m):
        return max(settings.facet_slack_days, settings.redated_days, held_off(settings))
    if m.dated and m.status in HELD:  # a dated plan it was held off (``compat.slipped``)
        return max(settings.facet_slack_days, held_off(settings))
    return settings.facet_slack_days


def _candidates(
    conn: Connection, frontier: list[Member], settings: LinkSettings, k: Table = event_keys
) -> set[str]:
    """Events sharing a participant key and link window with any of ``frontier`` (index scans
    of ``k``, one query per family and chunk of keys)."""
    by_family: dict[str, list[Member]] = {}
    for m in frontier:
        by_family.setdefault(m.family, []).append(m)
    out: set[str] = set()
    for family, members in sorted(by_family.items()):
        keys = sorted(set().union(*(_lookups(m, settings) for m in members)))
        lo, hi = _reach(members, settings)
        for start in range(0, len(keys), CHUNK):
            query = (
                select(k.c.event_id)
                .where(k.c.family == family, k.c.key.in_(keys[start : start + CHUNK]))
                .where(k.c.lo >= shift(lo, -settings.max_window_days), k.c.lo <= hi, k.c.hi >= lo)
                .distinct()
            )
            out |= {r[0] for r in conn.execute(query)}
    return out - {m.id for m in frontier}


def _lookups(m: Member, settings: LinkSettings) -> set[str]:
    """The ``event_keys`` keys a member looks for its neighbours under (``_candidates``)."""
    return lookup_keys(m.participants, settings) | set(event_date_keys(m, settings, True))


def _tail_stories(conn: Connection, seeds: list[Member], settings: LinkSettings) -> list[str]:
    """Stories that ``seeds`` may join (``story_keys``): whose window a seed overlaps and
    one of whose last members has a key the seed looks for. A seed of two parties or more
    looks for members of one party by participant key and for the others by pair key (they
    must share two participants with it); any other seed looks for all by participant
    key. Each seed looks in its own window only."""
    wanted = _searches(seeds, settings)
    if not wanted:
        return []
    if conn.dialect.name == "sqlite":
        searches = json.dumps([[f, key, lo, hi, int(one)] for f, key, lo, hi, one in wanted])
        rows = conn.exec_driver_sql(_TAIL_LOOKUP, (searches,)).all()
    else:
        rows = []
        for start in range(0, len(wanted), PG_SEARCHES):
            columns = zip(*wanted[start : start + PG_SEARCHES], strict=True)
            family, key, lo, hi, single = (list(column) for column in columns)
            params = {"family": family, "key": key, "lo": lo, "hi": hi, "single": single}
            rows += conn.execute(_TAIL_LOOKUP_PG, params).all()
    return sorted({r[0] for r in rows if r[0]})


#: what a seed looks for in ``story_keys``: family, key, window, and whether only rows of
#: one-party members (``parties = 1``) count
Search = tuple[str, str, str, str, bool]


def _searches(seeds: list[Member], settings: LinkSettings) -> list[Search]:
    """The seeds' searches of ``story_keys``, each once, in order."""
    wanted: set[Search] = set()
    for m in seeds:
        singles, pairs = looks_for(m.participants, settings)
        wanted.update((m.family, key, m.lo, m.hi, pairs is not None) for key in singles)
        wanted.update((m.family, key, m.lo, m.hi, False) for key in pairs or ())
        wanted.update(
            (m.family, key, m.lo, m.hi, False) for key in event_date_keys(m, settings, True)
        )
    return sorted(wanted)


# One statement for a whole batch's searches (given as one JSON array of them on SQLite,
# as one array per column on PostgreSQL), each an index range of ``ix_story_keys_lookup``:
# one statement per window of the batch's seeds cost SQLAlchemy's compiling and the
# driver's preparing of each (about 180 per batch of 500 documents).
_TAIL_LOOKUP = (
    "SELECT DISTINCT k.story_id FROM json_each(?) AS q JOIN story_keys AS k"
    " ON k.family = json_extract(q.value, '$[0]') AND k.key = json_extract(q.value, '$[1]')"
    " AND k.hi >= json_extract(q.value, '$[2]') AND k.lo <= json_extract(q.value, '$[3]')"
    " AND (json_extract(q.value, '$[4]') = 0 OR k.parties = 1)"
)
_TAIL_LOOKUP_PG = text(
    "SELECT DISTINCT k.story_id"
    " FROM unnest(CAST(:family AS text[]), CAST(:key AS text[]), CAST(:lo AS text[]),"
    " CAST(:hi AS text[]), CAST(:single AS boolean[])) AS q(family, key, lo, hi, single)"
    " CROSS JOIN LATERAL (SELECT s.story_id FROM story_keys AS s"
    " WHERE s.family = q.family AND s.key = q.key AND s.hi >= q.lo AND s.lo <= q.hi"
    " AND (NOT q.single OR s.parties = 1) OFFSET 0) AS k"
)
#: searches per PostgreSQL lookup: each is one index range (the ``OFFSET 0`` keeps the
#: planner from joining the whole of ``story_keys`` instead, as it did at 3,000 documents:
#: 62,916 index entries read for 13,933 searches), and a statement of 1,000 stays below
#: the cost at which the server compiles it (``jit_above_cost``: 44 ms of 560 for 13,933)
PG_SEARCHES = 1_000


def _adjacent_to(
    frontier: list[Member],
    ids: set[str],
    conn: Connection,
    cache: dict[str, Member],
    settings: LinkSettings,
) -> dict[str, Member]:
    """Those of ``ids`` that are neighbours of some member of ``frontier`` (each compared
    only with the members of ``frontier`` that share a participant key with it, or a pair
    key when both have two parties or more and must share two participants, as in
    ``cluster.extend``)."""
    cache.update(load_members(conn, ids - cache.keys(), settings))
    # (family, key) -> members of the frontier: by participant key those that need one
    # shared participant, those that need two; by pair key those that need two.
    single: dict[tuple[str, str], list[Member]] = {}
    double: dict[tuple[str, str], list[Member]] = {}
    paired: dict[tuple[str, str], list[Member]] = {}
    for f in frontier:
        singles, pairs = looks_for(f.participants, settings)
        for key in singles:
            (single if pairs is None else double).setdefault((f.family, key), []).append(f)
        for key in pairs or ():
            paired.setdefault((f.family, key), []).append(f)
        for key in event_date_keys(f, settings, True):
            single.setdefault((f.family, key), []).append(f)
    out = {}
    for event_id in sorted(ids):
        other = cache.get(event_id)
        if other is None:
            continue
        keys = [(other.family, k) for k in stored_keys(other.participants)]
        dates = [(other.family, k) for k in event_date_keys(other, settings, False)]
        near = [f for k in (*keys, *dates) for f in single.get(k, ())]
        if parties_of(other.participants, settings) < 2:
            near += [f for k in keys for f in double.get(k, ())]
        else:
            found_by = pair_keys(other.participants, settings, lookup=False)
            near += [f for k in found_by for f in paired.get((other.family, k), ())]
        if any(adjacent(f, other, settings) for f in near):
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
    """Point each event at its story and refresh the rows of the stories that changed
    (``stories``, ``story_summaries``, ``story_keys``, ``story_tail``). ``members`` are the
    events whose story may have changed: the drafts' new members, or a whole re-clustered
    neighbourhood. The drafts kept between passes are dropped (``dateline.link.kept``)."""
    forget(conn)
    _write(conn, drafts, members, settings)


def _write(
    conn: Connection, drafts: list[Draft], members: Iterable[Member], settings: LinkSettings
) -> dict[str, Stamp]:
    """``write_stories``, keeping the kept drafts; returns the summary row of each draft."""
    members = list(members)
    old_ids = {m.story_id for m in members if m.story_id}
    changes = [(m.id, d.id) for d in drafts for m in d.added if m.story_id != d.id]
    update_by_key(conn, t.events, "id", "story_id", changes)  # one statement per 256 events
    for d in drafts:
        for m in d.added:
            m.story_id = d.id
    new_ids = {d.id for d in drafts}
    kept = {d.id for d in drafts if d.stored is not None}
    tails = {d.id for d in drafts if d.tail_written is not None} - old_ids
    _delete_stories(conn, sorted(old_ids | new_ids), keep_keys=kept - old_ids, keep_tails=tails)
    stamps = _insert_stories(conn, drafts, settings, tails)
    _refresh_leftovers(conn, old_ids - new_ids, settings)
    return stamps


def _delete_stories(
    conn: Connection,
    story_ids: list[str],
    keep_keys: Iterable[str] = (),
    keep_tails: Iterable[str] = (),
) -> None:
    """The stories' rows, but the ``story_keys`` rows of ``keep_keys`` (written as a diff by
    ``_write_story_keys``) and the ``story_tail`` rows of ``keep_tails`` (``_write_tail``)."""
    keep, tails = set(keep_keys), set(keep_tails)
    for start in range(0, len(story_ids), CHUNK):
        chunk = story_ids[start : start + CHUNK]
        conn.execute(delete(stories).where(stories.c.id.in_(chunk)))
        conn.execute(delete(story_summaries).where(story_summaries.c.story_id.in_(chunk)))
        if rewritten := [i for i in chunk if i not in keep]:
            conn.execute(delete(story_keys).where(story_keys.c.story_id.in_(rewritten)))
        if rewritten := [i for i in chunk if i not in tails]:
            conn.execute(delete(story_tail).where(story_tail.c.story_id.in_(rewritten)))


def _insert_stories(
    conn: Connection, drafts: list[Draft], settings: LinkSettings, kept_tails: Iterable[str] = ()
) -> dict[str, Stamp]:
    """Rows of the drafts' stories (``stories``, ``story_summaries``, ``story_keys``,
    ``story_tail``: only what changed of the tails of ``kept_tails``); returns the summary
    row of each (its text, and its version on PostgreSQL). Each draft then names the rows
    it has (``Draft.stored``, ``Draft.tail_written``), as one resumed from them would."""
    if not drafts:
        return {}
    titles = _titles(conn, {d.first.document_id for d in drafts if d.first})
    rows = [draft_row(d, settings, titles.get(d.first.document_id)) for d in drafts if d.first]
    insert_rows(conn, stories, rows)
    windows = {d.id: key_window(d, settings) for d in drafts}
    summaries = [summary_row(d, settings, windows[d.id]) for d in drafts]
    versions = _insert_summaries(conn, summaries)
    keys = _write_story_keys(conn, drafts, windows, settings)
    _write_tail(conn, drafts, set(kept_tails))
    for d in drafts:
        d.stored, d.tail_written = (windows[d.id], keys[d.id]), d.events
    return {r["story_id"]: (r["summary"], versions.get(r["story_id"])) for r in summaries}


def _insert_summaries(conn: Connection, summaries: list[dict[str, Any]]) -> dict[str, str]:
    """Insert ``story_summaries`` rows; on PostgreSQL, the version each row was written as."""
    version = row_version(conn)
    if version is None:
        insert_rows(conn, story_summaries, summaries)
        return {}
    stmt = insert(story_summaries).returning(story_summaries.c.story_id, version)
    return {r[0]: r[1] for r in conn.execute(stmt, summaries)}


def summary_row(
    draft: Draft, settings: LinkSettings, window: tuple[str, str] | None = None
) -> dict[str, Any]:
    """The ``story_summaries`` row of a draft: what resuming it needs but its tail (kept in
    ``story_tail``), and the window its ``story_keys`` rows are written with (``KEYS``)."""
    window = window or key_window(draft, settings)
    summary = {**draft.to_summary(tail=False), KEYS: window}
    return {"story_id": draft.id, "summary": json.dumps(summary)}


def _write_tail(conn: Connection, drafts: list[Draft], kept: set[str]) -> None:
    """The drafts' ``story_tail`` rows. A story of ``kept`` has the rows of the members it
    had when resumed (``Draft.tail_written``): it gets the rows of its new members and
    loses those of the members that dropped out of its tail, and no other row is written;
    any other story's rows are written whole (``_delete_stories`` removed those it had)."""
    rows: list[dict[str, Any]] = []
    cuts: list[dict[str, Any]] = []
    for d in drafts:
        since = d.tail_written if d.id in kept and d.tail_written is not None else None
        rows += tail_rows(d, d.id, since or 0)
        start = d.events - len(d.tail)
        if since is not None and start > 0 and d.events > since:
            cuts.append({"sid": d.id, "start": start})
    if cuts:
        k = story_tail.c
        stmt = delete(story_tail).where(k.story_id == bindparam("sid"))
        conn.execute(stmt.where(k.position < bindparam("start")), cuts)
    insert_rows(conn, story_tail, rows)


#: the summary's entry for the window its ``story_keys`` rows were written with
KEYS = "key_window"
#: a ``story_keys`` window (first day, last day)
Window = tuple[str, str]


def _write_story_keys(
    conn: Connection,
    drafts: list[Draft],
    windows: dict[str, tuple[str, str]],
    settings: LinkSettings,
) -> dict[str, dict[tuple[str, str], int]]:
    """The drafts' ``story_keys`` rows. A story resumed from a summary that names the
    window its rows have (``Draft.stored``: that window and the signatures they were
    written for, or their ``story_key_set`` once the writer wrote them) keeps them: only
    the keys it gained or lost, or whose fewest parties changed, are written, and when
    its window changed the rows it keeps get the new window in place (``_move_windows``);
    any other story's are written whole (``_delete_stories`` removed the rows it had).
    Returns the key set written of each draft."""
    rows: list[dict[str, Any]] = []
    dropped: list[dict[str, Any]] = []
    moved: list[tuple[str, Window, Window]] = []  # resumed stories whose window changed
    written: dict[str, dict[tuple[str, str], int]] = {}
    for d in drafts:
        lo, hi = windows[d.id]
        keys = written[d.id] = story_key_set(d.signatures(), settings)
        old: dict[tuple[str, str], int] = {}
        if d.stored is not None:
            was = d.stored[1]
            old = was if isinstance(was, dict) else story_key_set(was, settings)
            (was_lo, was_hi) = d.stored[0]
            if (was_lo, was_hi) != (lo, hi):
                moved.append((d.id, (was_lo, was_hi), (lo, hi)))
        for (family, key), n in sorted(keys.items()):
            if old.get((family, key)) == n:
                continue
            row = {"story_id": d.id, "family": family, "key": key, "lo": lo, "hi": hi}
            rows.append({**row, "parties": n})
        dropped += [
            {"sid": d.id, "fam": family, "k": key}
            for (family, key), n in sorted(old.items())
            if keys.get((family, key)) != n
        ]
    _move_windows(conn, moved)
    if dropped:
        k = story_keys.c
        one = (k.story_id == bindparam("sid"), k.family == bindparam("fam"))
        conn.execute(delete(story_keys).where(*one, k.key == bindparam("k")), dropped)
    insert_rows(conn, story_keys, rows)
    return written


def _refresh_leftovers(conn: Connection, story_ids: set[str], settings: LinkSettings) -> None:
    """Stories that lost members but keep some outside the neighbourhood (capped case).

    What is left is a story named by its own first member, as any story is: when the
    story's first member went to another story, the members left are moved to the new id
    (else their ``story_id`` would name a story that has no row)."""
    for story_id in sorted(story_ids):
        draft = whole_story(conn, story_id, settings)
        if draft.first is None:
            continue
        if draft.id != story_id:
            ev = t.events
            conn.execute(update(ev).where(ev.c.story_id == story_id).values(story_id=draft.id))
            for m in draft.added:
                m.story_id = draft.id
            _delete_stories(conn, [draft.id])
        _insert_stories(conn, [draft], settings)


def rebuild_summaries(conn: Connection, settings: LinkSettings | None = None) -> int:
    """Summaries, tails and keys of every stored story, from all its members (migration 6)."""
    settings = settings or default_settings()
    forget(conn)
    conn.execute(delete(story_summaries))
    conn.execute(delete(story_keys))
    conn.execute(delete(story_tail))
    query = select(stories.c.id).order_by(stories.c.id)
    story_ids = [r[0] for r in conn.execute(query)]
    for story_id in story_ids:
        draft = whole_story(conn, story_id, settings)
        if draft.first is None:
            continue
        if rows := story_key_rows(draft, settings):
            conn.execute(insert(story_keys), rows)
        if rows := tail_rows(draft, draft.id):
            conn.execute(insert(story_tail), rows)
        conn.execute(insert(story_summaries).values(summary_row(draft, settings)))
    return len(story_ids)


def move_tails(conn: Connection, settings: LinkSettings | None = None) -> int:
    """Summaries that hold their story's tail (written before migration 17) without it, the
    tail in ``story_tail`` rows; the rest of each summary as it was. Returns the number of
    stories whose tail moved."""
    settings = settings or default_settings()
    forget(conn)
    s = story_summaries
    story_ids = [r[0] for r in conn.execute(select(s.c.story_id).order_by(s.c.story_id))]
    moved = 0
    for start in range(0, len(story_ids), CHUNK):
        chunk = story_ids[start : start + CHUNK]
        query = select(s).where(s.c.story_id.in_(chunk))
        old = {r.story_id: json.loads(r.summary) for r in conn.execute(query)}
        held = sorted(i for i, v in old.items() if "tail" in v)
        for draft in _stored_drafts(conn, held, {}, settings):
            window = {KEYS: old[draft.id][KEYS]} if KEYS in old[draft.id] else {}
            summary = json.dumps({**draft.to_summary(tail=False), **window})
            conn.execute(delete(story_tail).where(story_tail.c.story_id == draft.id))
            if rows := tail_rows(draft, draft.id):
                conn.execute(insert(story_tail), rows)
            conn.execute(update(s).where(s.c.story_id == draft.id).values(summary=summary))
            moved += 1
    return moved


def rebuild_story_keys(conn: Connection, settings: LinkSettings | None = None) -> int:
    """The ``story_keys`` rows of every stored story, from its summary (migration 11)."""
    settings = settings or default_settings()
    forget(conn)
    conn.execute(delete(story_keys))
    story_ids = [r[0] for r in conn.execute(select(stories.c.id).order_by(stories.c.id))]
    for start in range(0, len(story_ids), CHUNK):
        drafts = _stored_drafts(conn, story_ids[start : start + CHUNK], {}, settings)
        if rows := [r for d in drafts for r in story_key_rows(d, settings)]:
            conn.execute(insert(story_keys), rows)
    return len(story_ids)


def _move_windows(conn: Connection, moved: list[tuple[str, Window, Window]]) -> None:
    """Give the ``story_keys`` rows of stories whose window changed (story, old window, new
    window) their new window, in place. Only the columns that changed are set, so that an
    index without them is not written: the primary key (story, family, key) never is,
    ``ix_story_keys_lookup`` (family, key, hi) only when the window's end moved. Deleted
    and inserted again, each row's entries were written in both (and on PostgreSQL a row
    whose ``hi`` stays can be updated without touching an index at all)."""
    by_change: dict[tuple[bool, bool], list[dict[str, str]]] = {}
    for story_id, (was_lo, was_hi), (lo, hi) in moved:
        change = by_change.setdefault((lo != was_lo, hi != was_hi), [])
        change.append({"sid": story_id, "new_lo": lo, "new_hi": hi})
    k = story_keys.c
    for (lo_moved, hi_moved), params in sorted(by_change.items()):
        values: dict[str, Any] = {"lo": bindparam("new_lo")} if lo_moved else {}
        if hi_moved:
            values["hi"] = bindparam("new_hi")
        stmt = update(story_keys).where(k.story_id == bindparam("sid")).values(values)
        conn.execute(stmt, params)


def story_key_rows(draft: Draft, settings: LinkSettings) -> list[dict[str, Any]]:
    """The ``story_keys`` rows of a story: the keys its last members are found under, each
    with the fewest parties of a member that has it (``story_key_set``), and the window a
    new event must overlap to join it (``key_window``)."""
    lo, hi = key_window(draft, settings)
    return [
        {"story_id": draft.id, "family": family, "key": key, "lo": lo, "hi": hi, "parties": n}
        for (family, key), n in sorted(story_key_set(draft.signatures(), settings).items())
    ]


#: ``story_keys`` windows are widened to whole steps of this many days (from day 1 of the
#: calendar), so that a story joined again mostly keeps the window its rows have and only
#: the keys that changed are written (``_write_story_keys``). A wider window only lets a
#: few more stories be read as candidates, which ``join_score`` turns down as before.
KEY_WINDOW_STEP = 16


def key_window(draft: Draft, settings: LinkSettings) -> tuple[str, str]:
    """The window of a story's ``story_keys`` rows: the window a new event must overlap to
    join it (``join_score``), its state's and the dates it was planned for before
    (``StoryState.dates``: a late report of such a date joins it), widened by
    ``facet_slack_days`` as ``join_score`` widens them for another facet or a late plan
    (``redated_days`` for a story that is a dated plan, which a later plan may date anew:
    ``cluster._redates_story``, and ``slipped_days``, from which a later report may hold it:
    ``cluster._time_fit``), then to whole ``KEY_WINDOW_STEP`` steps. The window
    before the last article (``settled``) is left out: only events of that article fit it,
    and they are linked with it."""
    state = draft.state(settings)
    windows = [state.window, *state.dates]
    slack = settings.facet_slack_days
    if state.status == "planned" and state.dated:
        # A later plan may date it anew; a later report may hold it a little off its date.
        slack = max(slack, settings.redated_days, held_off(settings))
    lo = shift(min(w[0] for w in windows), -slack)
    hi = shift(max(w[1] for w in windows), slack)
    return _step(lo, down=True), _step(hi, down=False)


def _step(day: str, down: bool) -> str:
    """``day`` moved to the nearest step boundary below (or above) it."""
    parsed = iso_day(day)
    if parsed is None:
        return day
    ordinal = parsed.toordinal()
    moved = ordinal - (ordinal - 1) % KEY_WINDOW_STEP
    if not down and moved != ordinal:
        moved += KEY_WINDOW_STEP
    try:
        return date.fromordinal(moved).isoformat()
    except (OverflowError, ValueError):
        return FAR_FUTURE if not down else day


def story_key_set(
    signatures: Iterable[tuple[str, tuple[Participant, ...], str, bool]], settings: LinkSettings
) -> dict[tuple[str, str], int]:
    """(family, key) -> the fewest parties of a signature found under it, for a story's
    signatures (``Draft.signatures``)."""
    fewest: dict[tuple[str, str], int] = {}
    for family, parts, kind, dated in signatures:
        count, keys = _signature_keys(parts, kind, dated, settings)
        for key in keys:
            if fewest.get((family, key), count) >= count:
                fewest[(family, key)] = count
    return fewest


@lru_cache(maxsize=1 << 16)
def _signature_keys(
    parts: tuple[Participant, ...], kind: str, dated: bool, settings: LinkSettings
) -> tuple[int, tuple[str, ...]]:
    """(parties, the participant, pair and date keys a member of these participants, type
    and kind of date is found under), memoized: a story's members repeat the same few."""
    keys, _, pairs = found_by(parts, settings)
    dates = date_keys(kind, parts, dated, settings, False)
    return parties_of(parts, settings), (*keys, *pairs, *dates)


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
    draft = Draft(sorted(members, key=lambda m: canonical_key(m, settings)), settings)
    return {**draft_row(draft, settings, title), "id": story_id}


def draft_row(draft: Draft, settings: LinkSettings, title: str | None) -> dict[str, Any]:
    """The stories row (current state) of a draft."""
    state = draft.state(settings)
    return {
        **state.header(draft.id, settings),
        **{k: state.time.get(k) for k in ("value", "earliest", "latest", "granularity")},
        "first_dct": draft.first_dct,
        "last_dct": draft.last_dct,
        "open_until": min(state.reach, FAR_FUTURE),
        "articles": draft.articles,
        "events": draft.events,
        "title": title,
    }
