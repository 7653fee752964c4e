"""Publications: each time the same text was published (outlet, date, title, URL).

A document is a text (its id is the hash of the text); a wire story that ten
outlets run is one document with ten publications, so that a reader can count
it as ten reports of what it says. Recording the same publication again adds
nothing.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from dateline.store import schema as t
from dateline.store.engine import insert_ignore

# What tells one publication of a text from another; metadata and origin do not.
FIELDS = ("dct", "published", "title", "byline", "source", "url")


def publication_key(document_id: str, document: dict[str, Any]) -> str:
    """A stable key of one publication of one text."""
    fields = [document_id, *(document.get(name) for name in FIELDS)]
    payload = json.dumps(fields, ensure_ascii=False, default=str)
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


def add_publication(
    conn: Connection, document: dict[str, Any], origin: str | None, seen: str | None = None
) -> bool:
    """Record one publication of ``document["id"]``; False when it was already recorded."""
    row = publication_row(document, origin, seen)
    # RETURNING tells whether a row went in; rowcount does not, on every driver.
    statement = insert_ignore(conn, t.publications, ["key"]).values(row)
    return conn.execute(statement.returning(t.publications.c.id)).first() is not None


def add_publications(conn: Connection, published: list[tuple[dict[str, Any], str | None]]) -> None:
    """Record publications (document, origin) in one statement, as ``add_publication`` one
    after the other would (without telling which were recorded already)."""
    if published:
        seen = datetime.now(UTC).isoformat(timespec="seconds")
        rows = [publication_row(document, origin, seen) for document, origin in published]
        conn.execute(insert_ignore(conn, t.publications, ["key"]), rows)


def publication_row(
    document: dict[str, Any], origin: str | None, seen: str | None = None
) -> dict[str, Any]:
    """The ``publications`` row of one publication of ``document["id"]``."""
    metadata = document.get("metadata") or {}
    row = {name: document.get(name) for name in FIELDS}
    row.update(
        document_id=document["id"],
        key=publication_key(document["id"], document),
        metadata=metadata if isinstance(metadata, str) else json.dumps(metadata, default=str),
        origin=origin,
        first_seen=seen or datetime.now(UTC).isoformat(timespec="seconds"),
    )
    return row


def publications_of(conn: Connection, document_id: str) -> list[dict[str, Any]]:
    """The publications of one document, oldest first."""
    p = t.publications
    query = select(p).where(p.c.document_id == document_id).order_by(p.c.dct, p.c.published, p.c.id)
    hidden = {"id", "key", "document_id"}
    rows = [{k: v for k, v in r._mapping.items() if k not in hidden} for r in conn.execute(query)]
    for row in rows:
        row["metadata"] = json.loads(row["metadata"] or "{}")
    return rows


def backfill(conn: Connection) -> None:
    """One publication per stored document, from the document's own fields (migration 4)."""
    for row in conn.execute(select(t.documents)).mappings():
        add_publication(conn, dict(row), row["origin"], seen=row["ingested_at"])
