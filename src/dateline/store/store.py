"""The event database: one writer, idempotent adds, queries for the CLI and API."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from dateline.collector import collector_paused
from dateline.errors import E_DB_URL, DatelineError
from dateline.store import schema as t
from dateline.store.engine import (
    database_url,
    first_line,
    insert_ignore,
    insert_rows,
    mask_url,
    open_engine,
    reading,
    writing,
)
from dateline.store.identity import actor_rows, identify
from dateline.store.migrations import migrate, missing_versions
from dateline.store.publications import add_publication, add_publications, publications_of

_CHUNK = 500  # ids per IN (...) list


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A dateline database at a SQLAlchemy URL; schema migrated on open."""

    def __init__(self, db: str | None = None):
        self.url = database_url(db)
        self.engine = open_engine(self.url)
        try:
            self._migrate()
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise E_DB_URL(url=mask_url(self.url), why=first_line(exc, self.url)) from None
        except DatelineError:
            self.engine.dispose()
            raise

    def __repr__(self) -> str:
        return f"Store({mask_url(self.url)!r})"

    def _migrate(self) -> None:
        # Readers of an up-to-date database never wait for the write lock.
        with reading(self.engine) as conn:
            if not missing_versions(conn):
                return
        with writing(self.engine) as conn:
            migrate(conn)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------
    def has_document(self, document_id: str) -> bool:
        with reading(self.engine) as conn:
            row = conn.execute(select(t.documents.c.id).where(t.documents.c.id == document_id))
            return row.first() is not None

    def add(self, extraction: dict[str, Any]) -> bool:
        """Store one extraction document atomically; False when its text was already stored
        (this publication of it is then recorded, once)."""
        doc, origin = extraction["document"], extraction.get("origin")
        # Under the write lock, "not stored yet" stays true until this transaction ends.
        with collector_paused(), writing(self.engine) as conn:
            add_publication(conn, doc, origin)
            if conn.execute(select(t.documents.c.id).where(t.documents.c.id == doc["id"])).first():
                return False
            _insert_document(conn, doc, origin)
            _insert_children(conn, extraction)
            _identify(conn, [doc["id"]])
            _link(conn, doc["id"])
        return True

    def add_many(self, extractions: Sequence[dict[str, Any]]) -> list[bool]:
        """Store extraction documents in one transaction and link them in one pass.

        All or nothing, like ``add`` for one: when anything fails nothing is stored (the
        caller can then add them one by one). Per extraction, in order: False when its
        text was already stored or comes earlier in ``extractions`` (that publication of
        it is then recorded, once). The stories are those that adding them one by one,
        in any order, gives."""
        if not extractions:
            return []
        with collector_paused(), writing(self.engine) as conn:
            add_publications(conn, [(x["document"], x.get("origin")) for x in extractions])
            stored = _stored_ids(conn, [x["document"]["id"] for x in extractions])
            flags, new = [], []
            for x in extractions:
                fresh = x["document"]["id"] not in stored
                stored.add(x["document"]["id"])
                flags.append(fresh)
                if fresh:
                    new.append(x)
            if new:
                after = _last_document(conn)
                ids = [x["document"]["id"] for x in new]
                _insert_documents(conn, new)
                rows = _insert_children_many(conn, new)
                moved = _identify(conn, ids)
                _link_many(conn, ids, after, rows, moved)
        return flags

    def add_publication(self, document: dict[str, Any], origin: str | None = None) -> bool:
        """Record that a text was published (again): its outlet, date, title and URL.

        ``document`` is an extraction document's ``document`` part (or
        ``Article.to_dict()``); False when this publication was already recorded.
        """
        with writing(self.engine) as conn:
            return add_publication(conn, document, origin)

    def add_reject(self, error: DatelineError) -> None:
        """Record a rejected input once (same origin, code and reason are not repeated)."""
        row = {
            "origin": error.where or "-",
            "code": error.code,
            "reason": error.reason,
            "first_seen": _now(),
        }
        with writing(self.engine) as conn:
            conn.execute(insert_ignore(conn, t.rejects, ["origin", "code", "reason"]).values(row))

    # --- actor identity (dateline.store.identity) ----------------------
    def merge_actors(self, actor_id: str, *aliases: str) -> int:
        """Record that each alias is the actor ``actor_id``: their events are stored under
        it and their stories linked again. Returns the number of documents re-linked.
        DL-E590 for an unknown id, DL-E591 when already one actor, DL-E593 across kinds."""
        from dateline.store.identity import merge

        with writing(self.engine) as conn:
            changed = merge(conn, actor_id, list(aliases), _now())
            _relink(conn, changed)
        return len(changed)

    def unmerge_actor(self, alias: str) -> int:
        """Undo the merge of ``alias`` (DL-E592 when there is none): its events go back to
        the id they had before and their stories are linked again. Returns the number of
        documents re-linked."""
        from dateline.store.identity import unmerge

        with writing(self.engine) as conn:
            changed = unmerge(conn, alias)
            _relink(conn, changed)
        return len(changed)

    def keep_actors_apart(self, actor_id: str, *others: str) -> int:
        """Record that each of ``others`` is another actor than ``actor_id``: identity
        across articles never stores one under the other (a merge of the two is undone),
        and their stories are linked again. Returns the number of documents re-linked.
        DL-E590 for an unknown id, DL-E260 for an id kept apart from itself."""
        from dateline.store.identity import keep_apart

        with writing(self.engine) as conn:
            changed = keep_apart(conn, actor_id, list(others), _now())
            _relink(conn, changed)
        return len(changed)

    def undo_keep_apart(self, actor_id: str, *others: str) -> int:
        """Forget that ``others`` were kept apart from ``actor_id`` (DL-E261 for a pair that
        was not); returns the number of documents re-linked."""
        from dateline.store.identity import undo_apart

        with writing(self.engine) as conn:
            changed = undo_apart(conn, actor_id, list(others))
            _relink(conn, changed)
        return len(changed)

    def actors_kept_apart(self) -> list[dict[str, Any]]:
        """The pairs of actors a user kept apart: ``{actor_id, other_id, noted_at}``."""
        from dateline.store.identity import kept_apart

        with reading(self.engine) as conn:
            return kept_apart(conn)

    def actor_merges(self) -> list[dict[str, Any]]:
        """The user's merges: ``{alias, actor_id, merged_at}``."""
        from dateline.store.identity import merges

        with reading(self.engine) as conn:
            return merges(conn)

    def actor_aliases(self, actor: str | None = None) -> list[dict[str, Any]]:
        """Extracted actor ids stored under another id, by name or by a merge (of one
        actor, when given): ``{alias, actor_id, how, names, documents, first_dct,
        last_dct}``."""
        from dateline.store.identity import aliases

        with reading(self.engine) as conn:
            return aliases(conn, actor)

    # --- reading -------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Number of rows per main table."""
        names = ("documents", "events", "timexes", "actors", "rejects")
        with reading(self.engine) as conn:
            return {
                name: conn.execute(
                    select(func.count()).select_from(t.metadata.tables[name])
                ).scalar_one()
                for name in names
            }

    def document(self, document_id: str) -> dict[str, Any] | None:
        """A stored document with its metadata and every publication of its text."""
        with reading(self.engine) as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == document_id)).first()
            if row is None:
                return None
            found = dict(row._mapping)
            found["publications"] = publications_of(conn, document_id)
        found["metadata"] = json.loads(found["metadata"] or "{}")
        found["credits"] = json.loads(found["credits"] or "[]")
        return found

    def rejects(self) -> list[dict[str, Any]]:
        with reading(self.engine) as conn:
            rows = conn.execute(select(t.rejects).order_by(t.rejects.c.id))
            return [dict(r._mapping) for r in rows]

    def events(
        self,
        actor: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        type: str | None = None,
        status: str | None = None,
        limit: int | None = None,
        place: str | None = None,
        country: str | None = None,
        source: str | None = None,
        story: str | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Events in timeline order (their own time, then article date), filtered as the
        timeline command filters them. A limit below 1 is DL-E092."""
        from dateline.errors import E_USAGE_LIMIT
        from dateline.filters import EventFilters
        from dateline.timeline import timeline

        if limit is not None and limit < 1:
            raise E_USAGE_LIMIT(value=limit)
        filters = EventFilters(
            actor=actor, date_from=date_from, date_to=date_to, type=type, status=status,
            place=place, country=country, source=source, story=story,
        )  # fmt: skip
        with reading(self.engine) as conn:
            return timeline(conn, filters, limit=limit, offset=offset)

    # --- stories (dateline.link) ---------------------------------------
    def stories(
        self,
        status: str | None = None,
        type: str | None = None,
        actor: str | None = None,
        limit: int | None = 100,
    ) -> list[dict[str, Any]]:
        """Stories, most recently reported first, filtered by current status, type or actor."""
        from dateline.link import stories

        with reading(self.engine) as conn:
            return stories(conn, status=status, type=type, actor=actor, limit=limit)

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its state and per-article history; None when unknown."""
        from dateline.link import story

        with reading(self.engine) as conn:
            return story(conn, story_id)

    def pending(
        self, as_of: date | str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Stories planned or possible as of a date (default: today), by articles up to it,
        soonest first; ``limit`` and ``offset`` page through them."""
        from dateline.link import pending

        day = as_of if as_of is not None else date.today()
        with reading(self.engine) as conn:
            return pending(conn, day, limit=limit, offset=offset)


def _previous_version(conn: Connection, url: str | None) -> str | None:
    if not url:
        return None
    query = (
        select(t.documents.c.id)
        .where(t.documents.c.url == url)
        .order_by(t.documents.c.ingested_at.desc(), t.documents.c.dct.desc())
    )
    row = conn.execute(query).first()
    return row[0] if row else None


def _insert_document(conn: Connection, doc: dict[str, Any], origin: str | None) -> None:
    row = _document_row(doc, origin, _previous_version(conn, doc.get("url")), _now())
    conn.execute(insert(t.documents).values(row))


def _document_row(
    doc: dict[str, Any], origin: str | None, previous_id: str | None, now: str
) -> dict[str, Any]:
    row = {
        key: doc.get(key)
        for key in ("id", "dct", "published", "title", "byline", "source", "url", "caption", "text")
    }
    row["credits"] = json.dumps(doc.get("credits") or [])
    row["metadata"] = json.dumps(doc.get("metadata") or {}, default=str)
    row["origin"] = origin
    row["previous_id"] = previous_id
    row["ingested_at"] = now
    return row


def _insert_children(conn: Connection, extraction: dict[str, Any]) -> None:
    _insert_children_many(conn, [extraction])


def _insert_children_many(
    conn: Connection, extractions: list[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """The rows an extraction adds besides its document, for many at once; returns them by
    table (but ``actors``, whose stored rows keep their first description)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in _CHILD_TABLES}
    actors: dict[str, dict[str, Any]] = {}
    for x in extractions:
        doc_id, dct = x["document"]["id"], x["document"]["dct"]
        rows["timexes"] += [_timex_row(doc_id, timex) for timex in x.get("timexes", [])]
        for a in x.get("actors", []):
            if a["id"] not in actors:  # the first description is kept
                actors[a["id"]] = _actor_row(a)
            rows["actor_mentions"] += [
                {"document_id": doc_id, "actor_id": a["id"], "start": s, "end": e}
                for s, e in a.get("mentions", [])
            ]
        rows["document_actors"] += actor_rows(x)
        rows["places"] += [_place_row(doc_id, p) for p in x.get("places", [])]
        for ev in x.get("events", []):
            _event_rows(rows, doc_id, dct, ev)
    if actors:
        conn.execute(insert_ignore(conn, t.actors, ["id"]), list(actors.values()))
    for name in _CHILD_TABLES:
        _insert_many(conn, t.metadata.tables[name], rows[name])
    return rows


# In the order foreign keys need them.
_CHILD_TABLES = (
    "timexes",
    "actor_mentions",
    "document_actors",
    "places",
    "events",
    "event_actors",
    "event_evidence",
    "event_candidates",
)


def _stored_ids(conn: Connection, document_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(document_ids), _CHUNK):
        chunk = document_ids[start : start + _CHUNK]
        found |= {
            r[0] for r in conn.execute(select(t.documents.c.id).where(t.documents.c.id.in_(chunk)))
        }
    return found


def _insert_documents(conn: Connection, extractions: list[dict[str, Any]]) -> None:
    """Document rows, each with the previous version of its URL that adding them one by one
    would find (``_previous_version``: the latest ingested, then the latest dated; rows of
    this batch are ingested after every stored one)."""
    now, stored = _now(), _latest_by_url(conn, extractions)
    batch: dict[str, tuple[str, str]] = {}  # url -> (dct, id) of the latest in this batch
    rows = []
    for x in extractions:
        doc, url = x["document"], x["document"].get("url")
        previous = (batch[url][1] if url in batch else stored.get(url)) if url else None
        rows.append(_document_row(doc, x.get("origin"), previous, now))
        if url and (url not in batch or doc["dct"] >= batch[url][0]):
            batch[url] = (doc["dct"], doc["id"])
    insert_rows(conn, t.documents, rows)


def _latest_by_url(conn: Connection, extractions: list[dict[str, Any]]) -> dict[str, str]:
    urls = sorted({x["document"]["url"] for x in extractions if x["document"].get("url")})
    return {url: found for url in urls if (found := _previous_version(conn, url))}


def _last_document(conn: Connection) -> tuple[str, str] | None:
    try:
        from dateline.link.linker import last_document
    except ImportError:
        return None
    return last_document(conn)


def _link_many(
    conn: Connection,
    document_ids: list[str],
    after: tuple[str, str] | None,
    rows: dict[str, list[dict[str, Any]]],
    moved: set[str],
) -> None:
    """Attach the documents' events to stories, when the linking step is installed; their
    members are built from the ``rows`` just inserted (``moved``: the documents whose
    actors identity stored under other ids since, read back)."""
    try:
        from dateline.link.linker import Held, link_documents
    except ImportError:
        return
    link_documents(conn, document_ids, after=after, held=Held(rows, frozenset(moved)))


def _insert_many(conn: Connection, table: Any, rows: Iterable[dict[str, Any]]) -> None:
    insert_rows(conn, table, list(rows))


def _timex_row(doc_id: str, x: dict[str, Any]) -> dict[str, Any]:
    keys = ("start", "end", "text", "type", "value", "mod", "earliest", "latest", "granularity")
    return {"document_id": doc_id, **{k: x.get(k) for k in keys}}


def _place_row(doc_id: str, p: dict[str, Any]) -> dict[str, Any]:
    keys = ("name", "country", "lat", "lon", "kind")
    return {
        "document_id": doc_id,
        **{k: p.get(k) for k in keys},
        "mentions": json.dumps(p.get("mentions", [])),
    }


def _actor_row(actor: dict[str, Any]) -> dict[str, Any]:
    row = {k: actor.get(k) for k in ("id", "name", "kind", "country", "role")}
    row["kind"] = row["kind"] or "unknown"
    return row


def _event_rows(
    rows: dict[str, list[dict[str, Any]]], doc_id: str, dct: str, ev: dict[str, Any]
) -> None:
    """Append an event's rows (events, roles, evidence, candidates) to ``rows``."""
    time = ev.get("time") or {}
    row = {
        k: ev.get(k)
        for k in (
            "id",
            "type",
            "plover",
            "cameo",
            "status",
            "location",
            "attribution",
            "cue",
            "trigger",
            "change",
        )
    }
    row.update(document_id=doc_id, dct=dct, dated=bool(ev.get("dated")))
    row.update(
        {k: time.get(k) for k in ("earliest", "latest", "granularity")}, value=time.get("value")
    )
    rows["events"].append(row)
    rows["event_actors"] += [
        {
            "event_id": ev["id"],
            "role": role,
            "actor_id": actor_id,
            "position": i,
            "extracted_id": actor_id,
        }
        for role in ("source", "target")
        for i, actor_id in enumerate(dict.fromkeys(ev.get(role) or []))
    ]
    rows["event_evidence"] += [{"event_id": ev["id"], **e} for e in ev.get("evidence", [])]
    rows["event_candidates"] += [{"event_id": ev["id"], **c} for c in ev.get("candidates", [])]


def _identify(conn: Connection, document_ids: list[str]) -> set[str]:
    """Store the new documents' actors under the ids they are identified as across
    articles; re-link stored documents whose actors that changed (dateline.store.identity).
    Returns the new documents whose events' actors changed (ids, or an actor's country)."""
    new = set(document_ids)
    changed = identify(conn, document_ids)
    _relink(conn, changed - new)
    return changed & new


def _relink(conn: Connection, changed: set[str]) -> None:
    """Link again stored documents whose events' actors changed."""
    if not changed:
        return
    try:
        from dateline.link.linker import relink_documents
    except ImportError:
        return
    relink_documents(conn, sorted(changed))


def _link(conn: Connection, document_id: str) -> None:
    """Attach the document's events to stories, when the linking step is installed."""
    try:
        from dateline.link import link_document
    except ImportError:
        return
    link_document(conn, document_id)
