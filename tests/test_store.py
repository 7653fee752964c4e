"""Store: idempotent adds, versions, rejects and migrations, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import insert

from dateline.errors import E_EMPTY, DatelineError
from dateline.model import document_id
from dateline.store import Store, database_url
from dateline.store import schema as t


def make_extraction(text: str, dct: str = "2025-05-21", url: str | None = None) -> dict[str, Any]:
    doc_id = document_id(text)
    event = {
        "id": doc_id[-12:] + "-e1", "type": "VISIT", "plover": "CONSULT", "status": "planned",
        "dated": False, "source": ["kim-jong-un"], "target": ["RUS"], "location": "Moscow",
        "time": {"value": None, "earliest": dct, "latest": None, "granularity": None},
        "candidates": [{"value": "2025-06", "status": "possible", "text": "next month"}],
        "attribution": "andrey-rudenko",
        "evidence": [{"start": 0, "end": len(text), "sentence": text}],
    }  # fmt: skip
    return {
        "document": {"id": doc_id, "dct": dct, "title": "T", "url": url, "text": text},
        "timexes": [{"text": "next month", "start": 0, "end": 10, "type": "DATE",
                     "value": "2025-06", "mod": None, "earliest": "2025-06-01",
                     "latest": "2025-06-30", "granularity": "month"}],
        "actors": [{"id": "kim-jong-un", "name": "Kim Jong-un", "kind": "person", "country": "PRK",
                    "role": "head of state", "mentions": [[0, 3]]}],
        "places": [{"name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62, "kind": "city",
                    "mentions": [[5, 11]]}],
        "events": [event],
    }  # fmt: skip


def test_database_url_from_path_env_and_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    monkeypatch.delenv("DATELINE_DB", raising=False)
    assert database_url(None).endswith("/dateline.db")
    assert database_url(None).startswith("sqlite:///")
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "x.db"))
    assert database_url(None) == f"sqlite:///{tmp_path / 'x.db'}"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_add_is_idempotent(db_url: str) -> None:
    with Store(db_url) as store:
        extraction = make_extraction("Kim will visit Moscow.")
        assert store.add(extraction) is True
        assert store.add(extraction) is False
        counts = store.counts()
    assert counts["documents"] == 1
    assert counts["events"] == 1
    assert counts["timexes"] == 1


def test_events_round_trip_in_extraction_shape(db_url: str) -> None:
    with Store(db_url) as store:
        store.add(make_extraction("Kim will visit Moscow."))
        [event] = store.events()
    assert event["source"] == ["kim-jong-un"]
    assert event["target"] == ["RUS"]
    assert event["dated"] is False
    assert event["time"]["earliest"] == "2025-05-21"
    assert event["candidates"] == [{"value": "2025-06", "status": "possible", "text": "next month"}]
    assert event["evidence"][0]["sentence"] == "Kim will visit Moscow."


def test_event_filters(db_url: str) -> None:
    with Store(db_url) as store:
        store.add(make_extraction("Kim will visit Moscow.", dct="2025-05-21"))
        store.add(make_extraction("Kim will visit Moscow soon.", dct="2024-01-10"))
        assert len(store.events(actor="kim-jong-un")) == 2
        assert len(store.events(actor="Jong-un")) == 2
        assert store.events(actor="nobody") == []
        assert store.events(type="MEET") == []
        assert len(store.events(status="planned")) == 2
        # Open-ended windows starting 2025-05-21 are not before 2025-01-01.
        assert len(store.events(date_to="2025-01-01")) == 1


def test_same_url_new_text_is_a_linked_version(db_url: str) -> None:
    with Store(db_url) as store:
        first = make_extraction("Kim will visit Moscow.", url="https://example.org/a")
        second = make_extraction("Kim will visit Moscow in June.", url="https://example.org/a")
        store.add(first)
        store.add(second)
        newer = store.document(second["document"]["id"])
    assert newer is not None
    assert newer["previous_id"] == first["document"]["id"]


def test_rejects_are_recorded_once(db_url: str) -> None:
    with Store(db_url) as store:
        error = E_EMPTY(path="news/empty.txt")
        store.add_reject(error)
        store.add_reject(error)
        rejects = store.rejects()
    assert len(rejects) == 1
    assert rejects[0]["code"] == "DL-E003"
    assert rejects[0]["origin"] == "news/empty.txt"


def test_failed_add_leaves_nothing_behind(db_url: str) -> None:
    broken = make_extraction("Kim will visit Moscow.")
    broken["events"][0]["status"] = None  # NOT NULL violation after the document row
    with Store(db_url) as store:
        with pytest.raises(Exception, match=r"(?i)null"):
            store.add(broken)
        assert store.counts()["documents"] == 0


def test_migrations_are_recorded_and_newer_schema_refused(db_url: str) -> None:
    with Store(db_url) as store, store.engine.begin() as conn:
        versions = [r.version for r in conn.execute(t.schema_migrations.select())]
        assert 1 in versions
        conn.execute(insert(t.schema_migrations).values(version=999, name="future", applied_at="x"))
    with pytest.raises(DatelineError, match="DL-E051"):
        Store(db_url)


def test_a_database_from_before_event_changes_gains_them_from_the_cues(db_url: str) -> None:
    """Migration 3 adds events.change to a version-2 database and fills it from the
    status cues the events step recorded."""
    from sqlalchemy import delete, select, text, update

    from dateline.store.migrations import migrate

    postponed = make_extraction("The summit was postponed.")
    postponed["events"][0]["cue"] = "postpone"
    cancelled = make_extraction("The visit was called off.")
    cancelled["events"][0].update(status="negated", cue="call off")
    with Store(db_url) as store:
        store.add(postponed)
        store.add(cancelled)
    with Store(db_url) as store, store.engine.begin() as conn:
        conn.execute(update(t.events).values(change=None))
        conn.execute(text('ALTER TABLE events DROP COLUMN "change"'))
        conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 3))
    with Store(db_url) as store, store.engine.begin() as conn:
        assert 3 not in migrate(conn)  # the Store already ran it on opening
        rows = dict(conn.execute(select(t.events.c.cue, t.events.c.change)).all())
    assert rows == {"postpone": "postponed", "call off": "cancelled"}


def test_bad_url_is_a_coded_error() -> None:
    with pytest.raises(DatelineError, match="DL-E050"):
        Store("postgresql+nosuchdriver://x/y")


def test_a_url_of_another_database_is_refused_with_a_coded_error() -> None:
    with pytest.raises(DatelineError, match=r"DL-E052.*'nosuchdialect'"):
        Store("nosuchdialect://x/y")


def test_stored_events_render_like_extracted_ones(db_url: str) -> None:
    from dateline.export.tables import export_events
    from dateline.query import format_events

    with Store(db_url) as store:
        store.add(make_extraction("Kim will visit Moscow."))
        rows = store.events()
    line = format_events(rows)
    assert line.startswith("after 2025-05-21 (maybe 2025-06)")
    assert "kim-jong-un → RUS" in line and "@ Moscow" in line and "(per andrey-rudenko)" in line
    csv_text = export_events(rows, "csv")
    assert csv_text.splitlines()[1].count("kim-jong-un") == 1
    assert '"Kim will visit Moscow."' in export_events(rows, "jsonl")


def test_a_writing_sqlite_connection_has_the_writers_page_cache(tmp_path: Any) -> None:
    from dateline.store.engine import WRITER_CACHE_KIB, writing

    with Store(str(tmp_path / "cache.db")) as store, writing(store.engine) as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -WRITER_CACHE_KIB
