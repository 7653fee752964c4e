"""Stored events and documents read for an export, a page at a time.

One streamed statement walks the kept events (or documents) in order; each page of
rows then costs a fixed number of statements whose ``IN`` lists hold only that
page's ids (never every id: SQLite caps the number of bound values in a statement).
Memory therefore grows with the page, not with the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, select

from dateline.filters import EventFilters
from dateline.store import schema as t
from dateline.timeline import ORDER, event_rows, filtered, with_details

EVENT_PAGE = 500
DOCUMENT_PAGE = 50

# The flat row of CSV and Parquet: the event, its time, its article and its story.
COLUMNS = (
    "id", "document_id", "dct", "type", "plover", "cameo", "status", "dated", "change",
    "value", "earliest", "latest", "granularity", "source", "target", "location",
    "attribution", "story_id", "title", "document_source", "url", "evidence",
)  # fmt: skip
LIST_COLUMNS = ("source", "target", "evidence")


def event_pages(
    conn: Connection, filters: EventFilters, page: int = EVENT_PAGE
) -> Iterator[list[dict[str, Any]]]:
    """The kept events in timeline order, ``page`` at a time, each in the timeline's
    shape plus its article's ``url``: one streamed statement, then three per page."""
    query = filtered(event_rows(t.documents.c.url), filters).order_by(*ORDER)
    result = conn.execute(query.execution_options(yield_per=page))
    for part in result.partitions():
        rows = [dict(r._mapping) for r in part]
        yield with_details(conn, rows, [row["id"] for row in rows])


def flat_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat row of :data:`COLUMNS`; participants and evidence sentences
    stay lists (CSV joins them)."""
    time = event.get("time") or {}
    row = {key: event.get(key) for key in COLUMNS}
    row.update({key: time.get(key) for key in ("value", "earliest", "latest", "granularity")})
    row["source"] = list(event.get("source") or [])
    row["target"] = list(event.get("target") or [])
    row["evidence"] = [e["sentence"] for e in event.get("evidence") or []]
    row["dated"] = bool(event.get("dated"))
    return row


@dataclass
class StoredDocument:
    """A document to write as TimeML: its text, DCT, timexes and kept events' spans."""

    id: str
    dct: str
    title: str | None
    text: str
    timexes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


def document_pages(
    conn: Connection, filters: EventFilters, page: int = DOCUMENT_PAGE
) -> Iterator[list[StoredDocument]]:
    """The documents of the kept events, by id, ``page`` at a time, each with all its
    timexes and the evidence spans of its kept events: one streamed statement, then two
    per page."""
    doc = t.documents
    kept = filtered(select(t.events.c.document_id), filters)
    query = select(doc.c.id, doc.c.dct, doc.c.title, doc.c.text).where(doc.c.id.in_(kept))
    result = conn.execute(query.order_by(doc.c.id).execution_options(yield_per=page))
    for part in result.partitions():
        docs = {r.id: StoredDocument(r.id, r.dct, r.title, r.text) for r in part}
        for row in conn.execute(_timexes_of(list(docs))):
            docs[row.document_id].timexes.append(dict(row._mapping))
        for row in conn.execute(_evidence_of(list(docs), filters)):
            docs[row.document_id].events.append(dict(row._mapping))
        yield list(docs.values())


def _timexes_of(ids: list[str]) -> Select[Any]:
    tx = t.timexes
    return select(tx).where(tx.c.document_id.in_(ids)).order_by(tx.c.document_id, tx.c.start)


def _evidence_of(ids: list[str], filters: EventFilters) -> Select[Any]:
    ev, evi = t.events, t.event_evidence
    columns = (ev.c.id, ev.c.document_id, ev.c.type, ev.c.status, ev.c.cue, ev.c.change)
    query: Select[Any] = select(*columns, evi.c.start, evi.c.end)
    query = filtered(
        query.join(evi, evi.c.event_id == ev.c.id).where(ev.c.document_id.in_(ids)), filters
    )
    return query.order_by(ev.c.document_id, evi.c.start, evi.c.id)
