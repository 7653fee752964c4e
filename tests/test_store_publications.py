"""One text, many publications: republished articles keep their outlet, date and title."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, text
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import Store
from dateline.store import schema as t
from test_store import make_extraction

BODY = "Kim will visit Moscow."


def _published(
    source: str, dct: str, title: str, url: str | None = None, **metadata: Any
) -> dict[str, Any]:
    extraction = make_extraction(BODY, dct=dct, url=url)
    extraction["document"].update(source=source, title=title, metadata=metadata)
    return extraction


def test_republished_text_is_one_document_with_each_publication(db_url: str) -> None:
    first = _published("Korea JoongAng Daily", "2025-05-21", "Kim to visit Russia", "https://a/1")
    again = _published("Wire Service", "2025-05-22", "Kim heads to Moscow", "https://b/2")
    with Store(db_url) as store:
        assert store.add(first) is True
        assert store.add(again) is False
        counts = store.counts()
        doc = store.document(first["document"]["id"])
    assert (counts["documents"], counts["events"]) == (1, 1)
    assert doc is not None
    assert [(p["source"], p["dct"], p["title"], p["url"]) for p in doc["publications"]] == [
        ("Korea JoongAng Daily", "2025-05-21", "Kim to visit Russia", "https://a/1"),
        ("Wire Service", "2025-05-22", "Kim heads to Moscow", "https://b/2"),
    ]
    assert doc["source"] == "Korea JoongAng Daily"  # the document keeps its first publication


def test_recording_the_same_publication_again_adds_nothing(db_url: str) -> None:
    first = _published("Wire Service", "2025-05-21", "Kim to visit Russia")
    with Store(db_url) as store:
        store.add(first)
        store.add(first)
        assert store.add_publication(first["document"], "elsewhere/copy.txt") is False
        other_title = {**first["document"], "title": "Kim to visit Russia (update)"}
        assert store.add_publication(other_title) is True
        assert store.add_publication(other_title) is False
        doc = store.document(first["document"]["id"])
    assert doc is not None
    assert len(doc["publications"]) == 2


def test_article_metadata_is_stored_with_the_document(db_url: str) -> None:
    extraction = _published("Wire", "2025-05-21", "T", format="jsonl", section="world")
    with Store(db_url) as store:
        store.add(extraction)
        store.add(_published("Other", "2025-05-23", "T", format="html", hostname="o.example"))
        doc = store.document(extraction["document"]["id"])
    assert doc is not None
    assert doc["metadata"] == {"format": "jsonl", "section": "world"}
    assert [p["metadata"] for p in doc["publications"]] == [
        {"format": "jsonl", "section": "world"},
        {"format": "html", "hostname": "o.example"},
    ]


def test_a_database_from_before_publications_gains_one_per_document(db_url: str) -> None:
    one = _published("Wire", "2025-05-21", "One", "https://a/1")
    two = make_extraction("The summit was postponed.", dct="2025-05-22")
    with Store(db_url) as store:
        store.add(one)
        store.add(two)
    with Store(db_url) as store, store.engine.begin() as conn:  # back to schema version 3
        conn.execute(text("DROP TABLE publications"))
        conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 4))
    with Store(db_url) as store:
        first = store.document(one["document"]["id"])
        second = store.document(two["document"]["id"])
    assert first is not None and second is not None
    assert [(p["source"], p["title"], p["url"]) for p in first["publications"]] == [
        ("Wire", "One", "https://a/1")
    ]
    assert [p["dct"] for p in second["publications"]] == ["2025-05-22"]


@pytest.mark.model
def test_ingest_records_each_outlet_that_ran_the_same_text(tmp_path: Path) -> None:
    body = "Chile and Peru signed a fisheries accord in Lima on Monday."
    lines = [
        {"text": body, "date": "2025-03-03", "title": "Accord signed", "source": "Wire"},
        {"text": body, "date": "2025-03-04", "title": "Fish deal", "source": "Daily", "x": 1},
    ]
    feed = tmp_path / "synthetic_syndicated.jsonl"
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = str(tmp_path / "d.db")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(feed), "--db", db, "--json"])
    again = runner.invoke(app, ["ingest", str(feed), "--db", db, "--json"])
    assert json.loads(first.stdout)["added"] == 1
    assert json.loads(again.stdout) == {
        "added": 0,
        "unchanged": 2,
        "rejected": 0,
        "events": 0,
        "rejects": [],
    }
    with Store(db) as store, store.engine.connect() as conn:
        [doc_id] = conn.execute(t.documents.select().with_only_columns(t.documents.c.id)).scalars()
        doc = store.document(doc_id)
    assert doc is not None
    assert doc["metadata"]["format"] == "jsonl"
    assert [(p["source"], p["dct"], p["metadata"].get("x")) for p in doc["publications"]] == [
        ("Wire", "2025-03-03", None),
        ("Daily", "2025-03-04", 1),
    ]
