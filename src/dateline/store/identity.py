"""One actor across articles: the id each article's actor is stored under.

An article's extraction names its actors as the article does ("bush" in one,
"george-w-bush" in another). ``document_actors`` records each document's actors
as extracted (name, kind, country, role, date) with the id they are stored under,
``canonical_id``: the actor the name was identified as across articles
(``dateline.actors.identity``, on the person names of articles at most a year
apart), then the user's merges (``actor_merges``, ``dateline actors merge``).
``event_actors.actor_id`` holds that id and ``event_actors.extracted_id`` the
extracted one, so every query, filter and story sees one actor.

The canonical id of a name is a function of the set of stored names and merges,
never of the order documents came in: when a document brings a name that changes
how names of other documents resolve (the first "George W. Bush" of the year makes
earlier reports of "Bush" his), those documents' events get the new id and the
caller re-links them (``dateline.link.linker.relink_documents``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    and_,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)

from dateline.actors.identity import (
    Variant,
    acronym,
    identity_rules,
    initials,
    person_key,
    resolve_name,
    resolve_org,
    written_key,
)
from dateline.actors.text import name_key
from dateline.errors import (
    E_ACTOR_KINDS,
    E_ACTOR_NOT_MERGED,
    E_ACTOR_SAME,
    E_ACTOR_UNKNOWN,
    E_APART_NONE,
    E_APART_SELF,
)
from dateline.store import schema as t
from dateline.store.schema import metadata

CHUNK = 500

document_actors = Table(
    "document_actors",
    metadata,
    Column("document_id", String(80), ForeignKey("documents.id"), primary_key=True),
    Column("actor_id", String(200), primary_key=True),  # as the extraction gave it
    Column("name", Text, nullable=False),
    Column("kind", String(40)),
    Column("country", String(3)),
    Column("role", Text),
    Column("dct", String(10), nullable=False),
    Column("key", String(200), nullable=False),  # person_key(name)
    Column("first", String(100), nullable=False),  # first and last word of key
    Column("last", String(100), nullable=False),
    Column("canonical_id", String(200), nullable=False),  # the id it is stored under
    Index("ix_document_actors_last", "last", "dct"),
    Index("ix_document_actors_first", "first", "dct"),
    Index("ix_document_actors_canonical", "canonical_id"),
    Index("ix_document_actors_actor", "actor_id", "dct"),
)

# A user's merge: ``alias`` is the actor ``actor_id`` (never itself an alias: merges are
# kept one step deep).
actor_merges = Table(
    "actor_merges",
    metadata,
    Column("alias", String(200), primary_key=True),
    Column("actor_id", String(200), nullable=False, index=True),
    Column("merged_at", String(40), nullable=False),
)

# A user's "these are two actors": automatic identity never stores one of the pair under
# the other (one row per pair, ``actor_id`` < ``other_id``).
actor_apart = Table(
    "actor_apart",
    metadata,
    Column("actor_id", String(200), primary_key=True),
    Column("other_id", String(200), primary_key=True),
    Column("noted_at", String(40), nullable=False),
)

IDENTITY_TABLES = (document_actors, actor_merges, actor_apart)


def create_identity_tables(conn: Connection) -> None:
    metadata.create_all(conn, tables=list(IDENTITY_TABLES), checkfirst=True)


# --- recording what a document names ---------------------------------------------------


def actor_rows(extraction: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``document_actors`` rows of an extraction document: its actors, and ids its
    events name without describing them, each stored under its own id until resolved."""
    doc = extraction["document"]
    rows: dict[str, dict[str, Any]] = {}
    # Each row made once, for the first description of its id: an event's participants
    # are mostly the document's actors again (its keys cost a name's normalisation).
    for a in extraction.get("actors", []):
        if a["id"] not in rows:
            rows[a["id"]] = _row(doc, a["id"], a.get("name") or a["id"], a)
    for ev in extraction.get("events", []):
        for actor_id in [*(ev.get("source") or []), *(ev.get("target") or [])]:
            if actor_id not in rows:
                rows[actor_id] = _row(doc, actor_id, actor_id, {})
    return list(rows.values())


def _row(doc: dict[str, Any], actor_id: str, name: str, a: dict[str, Any]) -> dict[str, Any]:
    # Only a person's name is spelled one way for its transliterations: an organisation's
    # words are looked up as written ("National Assembly").
    key = (person_key(name) if a.get("kind") == "person" else written_key(name)) or actor_id
    words = key.split() or [key]
    return {
        "document_id": doc["id"], "actor_id": actor_id, "name": name, "kind": a.get("kind"),
        "country": a.get("country"), "role": a.get("role"), "dct": doc["dct"], "key": key[:200],
        "first": words[0][:100], "last": words[-1][:100], "canonical_id": actor_id,
    }  # fmt: skip


def rekey_names(conn: Connection) -> int:
    """Compute the stored person keys (key, first and last word) of ``document_actors``
    again with this code's ``person_key`` (migration 21); the number of rows changed."""
    d = document_actors
    changed = 0
    rows = conn.execute(select(d.c.document_id, d.c.actor_id, d.c.name, d.c.kind, d.c.key))
    for row in rows.all():
        doc = {"id": row.document_id, "dct": ""}
        fresh = _row(doc, row.actor_id, row.name, {"kind": row.kind})
        if fresh["key"] == row.key:
            continue
        conn.execute(
            update(d)
            .where(d.c.document_id == row.document_id, d.c.actor_id == row.actor_id)
            .values(key=fresh["key"], first=fresh["first"], last=fresh["last"])
        )
        changed += 1
    return changed


# --- resolving ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """Names that resolve alike: one person name key, country and role in one month."""

    key: str
    first: str
    last: str
    country: str | None
    role: str | None
    month: str  # YYYY-MM

    @property
    def single(self) -> bool:
        return " " not in self.key


def _group(row: Any) -> Group:
    return Group(row.key, row.first, row.last, row.country, row.role, row.dct[:7])


def _months(month: str, delta: int) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    index = year * 12 + mon - 1 + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _window(month: str) -> tuple[str, str]:
    """The first and the last day (as ISO prefixes) of the months a name is compared in."""
    span = identity_rules().window_months
    return _months(month, -span) + "-01", _months(month, span) + "-31"


_PERSON = document_actors.c.kind == "person"


def _near(conn: Connection, group: Group, cache: dict[Any, list[Variant]]) -> list[Variant]:
    """Person names of the months around a group's that it may name: the same surname, or
    the same first word for a titled single name and for a name of two words (a given name
    and the first of two surnames)."""
    d = document_actors
    looks = [("last", group.last)]
    if group.single and group.role:
        looks.append(("first", group.first))  # "Yayi Boni", a surname written first
    elif len(group.key.split()) == 2:
        looks.append(("first", group.first))  # "Mateo Quintana Ruales"
    lo, hi = _window(group.month)
    found: list[Variant] = []
    for column, word in looks:
        cache_key = (column, word, lo)
        if cache_key not in cache:
            query = (
                select(d.c.key, d.c.country, d.c.role, d.c.actor_id)
                .where(_PERSON, d.c[column] == word, d.c.dct >= lo, d.c.dct <= hi)
                .distinct()
            )
            cache[cache_key] = [Variant(*r) for r in conn.execute(query)]
        found += cache[cache_key]
    return found


def _identity(conn: Connection, group: Group, cache: dict[Any, list[Variant]]) -> str | None:
    return resolve_name(group.key, group.country, group.role, _near(conn, group, cache))


@dataclass(frozen=True)
class Choices:
    """What the user said: merges (alias → actor) and pairs of actors kept apart."""

    merges: dict[str, str] = field(default_factory=dict)
    apart: frozenset[frozenset[str]] = frozenset()

    def kept_apart(self, actor_id: str, other: str) -> bool:
        return frozenset((actor_id, other)) in self.apart


def _choices(conn: Connection) -> Choices:
    merges = {r.alias: r.actor_id for r in conn.execute(select(actor_merges))}
    pairs = conn.execute(select(actor_apart.c.actor_id, actor_apart.c.other_id))
    return Choices(merges, frozenset(frozenset(p) for p in pairs))


ORGANISATION = "organisation"
_ORGANISATION = document_actors.c.kind == ORGANISATION


def _org_identity(conn: Connection, row: Any, cache: dict[Any, Any]) -> str | None:
    """The organisation a name is identified as among the organisation names of the months
    around its article: the fuller names it is the acronym of (same first letter) or the
    last words of (same last word)."""
    key, short = name_key(row.name), acronym(row.name)
    words = key.split()
    if not words or (short is None and len(words) < 2):
        return None  # one word that is no acronym ("Senate") names no one else
    d = document_actors
    lo, hi = _window(row.dct[:7])
    where = d.c.first.like(short[0] + "%") if short else d.c.last == words[-1]
    cache_key = (ORGANISATION, bool(short), short[0] if short else words[-1], lo)
    if cache_key not in cache:
        query = select(d.c.name, d.c.country, d.c.actor_id).where(
            _ORGANISATION, where, d.c.dct >= lo, d.c.dct <= hi
        )
        found = {
            Variant(name_key(r.name), r.country, None, r.actor_id) for r in conn.execute(query)
        }
        cache[cache_key] = sorted(found, key=lambda v: (v.key, v.actor_id))
    return resolve_org(key, short is not None, row.country, cache[cache_key])


def _org_rows_near(conn: Connection, rows: list[Any], new: set[str]) -> list[Any]:
    """Stored organisation names of other documents that a new organisation name may change:
    its acronym, and names with its last word, in the months around it (one query for all
    the new names)."""
    wanted: list[tuple[str, str, str, str]] = []  # (acronym, last word, first day, last day)
    for row in rows:
        words = name_key(row.name).split()
        if len(words) >= 2:
            wanted.append((initials(" ".join(words)), words[-1], *_window(row.dct[:7])))
    if not wanted:
        return []
    d = document_actors
    query = select(d).where(
        _ORGANISATION,
        or_(
            d.c.key.in_(sorted({w[0] for w in wanted})),
            d.c.last.in_(sorted({w[1] for w in wanted})),
        ),
        d.c.dct >= min(w[2] for w in wanted),
        d.c.dct <= max(w[3] for w in wanted),
    )
    found = {
        (r.document_id, r.actor_id): r
        for r in conn.execute(query)
        if r.document_id not in new
        and any((r.key == a or r.last == w) and lo <= r.dct <= hi for a, w, lo, hi in wanted)
    }
    return [found[k] for k in sorted(found)]


def _merges(conn: Connection) -> dict[str, str]:
    return _choices(conn).merges


def _canonical(row: Any, identity: str | None, choices: Choices) -> str:
    """The id a document's actor is stored under: the user's merge of its own id, else the
    actor its name was identified as (else itself), then the user's merge of that. A name
    the user kept apart from the actor it was identified as keeps its own id."""
    merges = choices.merges
    if row.actor_id in merges:
        return merges[row.actor_id]
    found = identity or row.actor_id
    final = merges.get(found, found)
    if identity and (
        choices.kept_apart(row.actor_id, identity) or choices.kept_apart(row.actor_id, final)
    ):
        return merges.get(row.actor_id, row.actor_id)
    return final


def _rows_where(conn: Connection, condition: Any) -> list[Any]:
    return list(conn.execute(select(document_actors).where(condition)))


@dataclass
class Outcome:
    """What resolving some rows did: the documents whose events got other actor ids, and
    per actor id the countries its rows brought or took away (to settle its country)."""

    changed: set[str] = field(default_factory=set)
    touched: dict[str, set[str | None]] = field(default_factory=dict)
    moved: set[str] = field(default_factory=set)  # ids that gained or lost rows

    def touch(self, actor_id: str, country: str | None) -> None:
        self.touched.setdefault(actor_id, set()).add(country)


def _apply(
    conn: Connection,
    rows: Iterable[Any],
    choices: Choices,
    cache: dict[Any, Any],
    out: Outcome,
    new: bool = False,
    known: dict[tuple[str, str], str] | None = None,
) -> Outcome:
    """Store each row's actor under its canonical id (``new``: rows just stored, whose
    actor ids count as touched even when unchanged; ``known``: canonical ids already
    known by document and actor id)."""
    identities: dict[Group, str | None] = {}
    for row in rows:
        identity = None
        if known and (row.document_id, row.actor_id) in known:
            canonical = known[(row.document_id, row.actor_id)]
        else:
            if row.kind == ORGANISATION:
                identity = _org_identity(conn, row, cache)
            if row.kind == "person":
                group = _group(row)
                if group not in identities:
                    identities[group] = _identity(conn, group, cache)
                identity = identities[group]
            canonical = _canonical(row, identity, choices)
        if canonical != row.canonical_id:
            _store_as(conn, row.document_id, row.actor_id, canonical)
            out.changed.add(row.document_id)
            out.moved |= {row.canonical_id, canonical}
            out.touch(row.canonical_id, row.country)
            out.touch(canonical, row.country)
        elif new:
            out.touch(canonical, row.country)
    return out


_FIXED_KINDS = ("country", "government")


def _settle_countries(conn: Connection, out: Outcome, every: bool = False) -> set[str]:
    """Give each touched actor the country most of its documents give it (ties: the first
    code), whatever order they came in; the documents whose events name an actor whose
    country changed (their links compare countries). Only an actor whose rows brought a
    country other than its own, or moved, is counted again (``every``: all)."""
    ac, d, ea, ev = t.actors, document_actors, t.event_actors, t.events
    docs: set[str] = set()
    ids = sorted(out.touched)
    stored: dict[str, Any] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(ac.c.id, ac.c.kind, ac.c.country).where(
            ac.c.id.in_(ids[start : start + CHUNK])
        )
        stored.update((r.id, r) for r in conn.execute(query))
    for actor_id in ids:
        row = stored.get(actor_id)
        if row is None or row.kind in _FIXED_KINDS:
            continue
        brought = out.touched[actor_id]
        if not every and not (brought - {None, row.country}) and actor_id not in out.moved:
            continue
        counts = conn.execute(
            select(d.c.country, func.count())
            .where(d.c.canonical_id == actor_id, d.c.country.is_not(None))
            .group_by(d.c.country)
        ).all()
        country = min(counts, key=lambda c: (-c[1], c[0]))[0] if counts else None
        if country == row.country:
            continue
        conn.execute(update(ac).where(ac.c.id == actor_id).values(country=country))
        named = select(ev.c.document_id).join(ea, ea.c.event_id == ev.c.id)
        docs |= {r[0] for r in conn.execute(named.where(ea.c.actor_id == actor_id).distinct())}
    return docs


def _store_as(conn: Connection, document_id: str, actor_id: str, canonical: str) -> None:
    d, ea, ev = document_actors, t.event_actors, t.events
    conn.execute(
        update(d)
        .where(d.c.document_id == document_id, d.c.actor_id == actor_id)
        .values(canonical_id=canonical)
    )
    events = [r[0] for r in conn.execute(select(ev.c.id).where(ev.c.document_id == document_id))]
    if not events:
        return
    other = ea.alias("other")
    taken = exists().where(
        other.c.event_id == ea.c.event_id, other.c.role == ea.c.role, other.c.actor_id == canonical
    )
    named = or_(
        ea.c.extracted_id == actor_id, and_(ea.c.extracted_id.is_(None), ea.c.actor_id == actor_id)
    )
    # An event naming two variants of one person ("John Kerry" and "John F. Kerry") keeps
    # the second under its own id: one row per event, role and actor.
    for start in range(0, len(events), CHUNK):
        conn.execute(
            update(ea)
            .where(ea.c.event_id.in_(events[start : start + CHUNK]), named, ~taken)
            .values(actor_id=canonical, extracted_id=actor_id)
        )


def identify(conn: Connection, document_ids: Sequence[str]) -> set[str]:
    """Resolve the actors of newly stored documents, and again the names of other documents
    that a new name may change; return the documents whose events got other actor ids
    (the new ones included)."""
    new = set(document_ids)
    rows = []
    for start in range(0, len(document_ids), CHUNK):
        chunk = list(document_ids[start : start + CHUNK])
        rows += _rows_where(conn, document_actors.c.document_id.in_(chunk))
    choices = _choices(conn)
    # A name the store already had that month (same id, country and role) resolves as it
    # did there, and changes nothing for other names: the usual case costs one look-up.
    people = [r for r in rows if r.kind == "person"]
    twins = _twins(conn, people, new)
    known: dict[tuple[str, str], str] = {}
    fresh: dict[Group, set[str]] = {}
    for r in people:
        twin = twins.get((r.actor_id, _group(r)))
        if twin is None:
            fresh.setdefault(_group(r), set()).add(r.actor_id)
        else:
            known[(r.document_id, r.actor_id)] = twin
    out = _apply(conn, rows, choices, {}, Outcome(), new=True, known=known)
    spans = {g: span for g, ids in fresh.items() if (span := _unsettled(g, ids, twins))}
    others = [r for r in _rows_of_names_near(conn, spans) if r.document_id not in new]
    others += _org_rows_near(conn, [r for r in rows if r.kind == ORGANISATION], new)
    _apply(conn, others, choices, {}, out)
    return out.changed | _settle_countries(conn, out)


def _unsettled(
    group: Group, actor_ids: set[str], seen: dict[tuple[str, Group], str]
) -> tuple[str, str] | None:
    """The first and last day of the months whose names may resolve otherwise now that a
    group's name (under one of ``actor_ids``) came, or None when there are none.

    A name resolves on the set of names (key, country, role, id) within ``window_months``
    of its month, so the new one changes only names whose window held no stored
    occurrence of it. ``seen`` (``_twins``) tells whether it was stored the month before
    or the month after: the names within the window of that month are then left out.
    The usual case, a name also seen the month before, leaves the window's last month,
    which holds no names yet when articles come in date order."""
    span = identity_rules().window_months
    month = _month_index(group.month)
    first, last = month + span, month - span
    for actor_id in actor_ids:
        before = (actor_id, replace(group, month=_months(group.month, -1))) in seen
        after = (actor_id, replace(group, month=_months(group.month, 1))) in seen
        first = min(first, month + span if before else month - span)
        last = max(last, month - span if after else month + span)
    if first > last:
        return None
    return _month_of(first) + "-01", _month_of(last) + "-31"


def _month_index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def _month_of(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _twins(conn: Connection, rows: list[Any], new: set[str]) -> dict[tuple[str, Group], str]:
    """(actor id, group) → canonical id of that name (id, country, role) in that month in a
    document besides the new ones, for the months of the rows and the month before and
    after them: a few index look-ups for a whole batch."""
    d = document_actors
    out: dict[tuple[str, Group], str] = {}
    ids = sorted({r.actor_id for r in rows})
    if not ids:
        return out
    lo = _months(min(r.dct for r in rows)[:7], -1) + "-01"
    hi = _months(max(r.dct for r in rows)[:7], 1) + "-31"
    for start in range(0, len(ids), CHUNK):
        query = (
            select(d.c.actor_id, d.c.key, d.c.first, d.c.last, d.c.country, d.c.role,
                   func.substr(d.c.dct, 1, 7).label("month"), d.c.canonical_id)
            .where(_PERSON, d.c.actor_id.in_(ids[start : start + CHUNK]))
            .where(d.c.dct >= lo, d.c.dct <= hi, d.c.document_id.not_in(sorted(new)))
            .distinct()
        )  # fmt: skip
        for r in conn.execute(query):
            group = Group(r.key, r.first, r.last, r.country, r.role, r.month)
            out[(r.actor_id, group)] = r.canonical_id
    return out


def _first_surname(key: str) -> list[str]:
    """The middle word of a name of three words: a name of two words ending in it may name
    its person ("Mateo Quintana" for "Mateo Quintana Ruales", ``shorter_name``)."""
    words = key.split()
    return words[1:2] if len(words) == 3 else []


def _rows_of_names_near(conn: Connection, groups: dict[Group, tuple[str, str]]) -> list[Any]:
    """Stored person names that may name the person of a group's name (same last word, or a
    single name that is its first word), between the days given for it."""
    d = document_actors
    found: dict[tuple[str, str], Any] = {}
    for group, (lo, hi) in sorted(groups.items(), key=lambda g: (g[0].key, g[0].month)):
        words = sorted({group.first, group.last, *_first_surname(group.key)})
        query = select(d).where(_PERSON, d.c.last.in_(words), d.c.dct >= lo, d.c.dct <= hi)
        for r in conn.execute(query):
            found.setdefault((r.document_id, r.actor_id), r)
    return [found[k] for k in sorted(found)]


def identify_all(conn: Connection) -> set[str]:
    """Resolve every stored document's actors (migration 9); the documents that changed."""
    rows = list(conn.execute(select(document_actors)))
    out = _apply(conn, rows, _choices(conn), {}, Outcome(), new=True)
    return out.changed | _settle_countries(conn, out, every=True)


# --- the user's merges -------------------------------------------------------------------


def _kind(conn: Connection, actor_id: str) -> str | None:
    """The kind of a stored actor ("" when only events name it); DL-E590 when unknown."""
    row = conn.execute(select(t.actors.c.kind).where(t.actors.c.id == actor_id)).first()
    if row is not None:
        return str(row.kind)
    d = document_actors
    seen = conn.execute(
        select(d.c.kind).where(or_(d.c.actor_id == actor_id, d.c.canonical_id == actor_id))
    ).first()
    if seen is None:
        raise E_ACTOR_UNKNOWN(actor_id=actor_id)
    return seen.kind or ""


def merge(
    conn: Connection, actor_id: str, aliases: Sequence[str], now: str | None = None
) -> set[str]:
    """Record that each of ``aliases`` is the actor ``actor_id`` and store their events
    under it; return the documents whose events changed (to be re-linked)."""
    merges = _merges(conn)
    target = merges.get(actor_id, actor_id)
    kind = _kind(conn, target)
    now = now or datetime.now(UTC).isoformat(timespec="seconds")
    for alias in aliases:
        alias_kind = _kind(conn, alias)
        if merges.get(alias, alias) == target:
            raise E_ACTOR_SAME(alias=alias, actor_id=actor_id)
        if kind and alias_kind and kind != alias_kind:
            raise E_ACTOR_KINDS(alias=alias, alias_kind=alias_kind, actor_id=target, kind=kind)
    for alias in aliases:
        conn.execute(delete(actor_merges).where(actor_merges.c.alias == alias))
        conn.execute(insert(actor_merges).values(alias=alias, actor_id=target, merged_at=now))
        conn.execute(delete(actor_apart).where(_pair(alias, target)))  # the user's last word
        # Merges stay one step deep: what was merged into the alias now goes to the target.
        conn.execute(
            update(actor_merges).where(actor_merges.c.actor_id == alias).values(actor_id=target)
        )
    return _resolve_again(conn, [*aliases, target])


def _resolve_again(conn: Connection, names: Sequence[str]) -> set[str]:
    """Resolve again the rows of these ids (as extracted or as stored); the documents whose
    events changed."""
    d = document_actors
    rows = _rows_where(conn, or_(d.c.actor_id.in_(names), d.c.canonical_id.in_(names)))
    out = _apply(conn, rows, _choices(conn), {}, Outcome())
    return out.changed | _settle_countries(conn, out)


def unmerge(conn: Connection, alias: str) -> set[str]:
    """Undo the user's merge of ``alias``: its events go back to the id they had before
    (DL-E592 when it was not merged); return the documents whose events changed."""
    row = conn.execute(select(actor_merges).where(actor_merges.c.alias == alias)).first()
    if row is None:
        raise E_ACTOR_NOT_MERGED(alias=alias)
    conn.execute(delete(actor_merges).where(actor_merges.c.alias == alias))
    d = document_actors
    rows = _rows_where(conn, or_(d.c.actor_id == alias, d.c.canonical_id == row.actor_id))
    out = _apply(conn, rows, _choices(conn), {}, Outcome())
    return out.changed | _settle_countries(conn, out)


# --- the user's "two actors" -------------------------------------------------------------


def _pair(actor_id: str, other: str) -> Any:
    low, high = sorted((actor_id, other))
    return and_(actor_apart.c.actor_id == low, actor_apart.c.other_id == high)


def keep_apart(
    conn: Connection, actor_id: str, others: Sequence[str], now: str | None = None
) -> set[str]:
    """Record that each of ``others`` is another actor than ``actor_id``: identity across
    articles never stores one under the other, and a user's merge of the two is undone.
    Returns the documents whose events changed (to be re-linked)."""
    now = now or datetime.now(UTC).isoformat(timespec="seconds")
    for other in [actor_id, *others]:
        _kind(conn, other)  # DL-E590 when unknown
    for other in others:
        if other == actor_id:
            raise E_APART_SELF(actor_id=actor_id)
    m = actor_merges
    for other in others:
        low, high = sorted((actor_id, other))
        conn.execute(delete(actor_apart).where(_pair(low, high)))
        conn.execute(insert(actor_apart).values(actor_id=low, other_id=high, noted_at=now))
        conn.execute(
            delete(m).where(
                or_(and_(m.c.alias == other, m.c.actor_id == actor_id),
                    and_(m.c.alias == actor_id, m.c.actor_id == other))
            )
        )  # fmt: skip
    return _resolve_again(conn, [actor_id, *others])


def undo_apart(conn: Connection, actor_id: str, others: Sequence[str]) -> set[str]:
    """Forget that ``others`` were kept apart from ``actor_id`` (DL-E261 for a pair that was
    not): identity by name applies to them again. Returns the documents whose events
    changed."""
    for other in others:
        found = conn.execute(select(actor_apart).where(_pair(actor_id, other))).first()
        if found is None:
            raise E_APART_NONE(actor_id=actor_id, other=other)
    for other in others:
        conn.execute(delete(actor_apart).where(_pair(actor_id, other)))
    return _resolve_again(conn, [actor_id, *others])


def kept_apart(conn: Connection) -> list[dict[str, Any]]:
    """The pairs the user kept apart: ``{actor_id, other_id, noted_at}``."""
    query = select(actor_apart).order_by(actor_apart.c.actor_id, actor_apart.c.other_id)
    return [dict(r._mapping) for r in conn.execute(query)]


def merges(conn: Connection) -> list[dict[str, Any]]:
    """The user's merges: alias, the actor it was merged into, and when."""
    query = select(actor_merges).order_by(actor_merges.c.actor_id, actor_merges.c.alias)
    return [dict(r._mapping) for r in conn.execute(query)]


def aliases(conn: Connection, actor: str | None = None) -> list[dict[str, Any]]:
    """Each extracted id stored under another id: the id, the actor it is stored as, how
    (``merge`` by the user, else ``name``), the names and the number of documents."""
    d = document_actors
    query = (
        select(d.c.actor_id, d.c.canonical_id, d.c.name, func.count().label("documents"),
               func.min(d.c.dct).label("first_dct"), func.max(d.c.dct).label("last_dct"))
        .where(d.c.actor_id != d.c.canonical_id)
        .group_by(d.c.actor_id, d.c.canonical_id, d.c.name)
        .order_by(d.c.canonical_id, d.c.actor_id, d.c.name)
    )  # fmt: skip
    if actor:
        query = query.where(or_(d.c.canonical_id == actor, d.c.actor_id == actor))
    merged = _merges(conn)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for r in conn.execute(query):
        entry = out.setdefault(
            (r.actor_id, r.canonical_id),
            {"alias": r.actor_id, "actor_id": r.canonical_id,
             "how": "merge" if r.actor_id in merged else "name", "names": [], "documents": 0,
             "first_dct": r.first_dct, "last_dct": r.last_dct},
        )  # fmt: skip
        entry["names"].append(r.name)
        entry["documents"] += r.documents
        entry["first_dct"] = min(entry["first_dct"], r.first_dct)
        entry["last_dct"] = max(entry["last_dct"], r.last_dct)
    return list(out.values())
