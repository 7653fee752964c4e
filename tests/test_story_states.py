"""``story_states`` (migration 16): each story's state by report date, kept exact by
triggers whatever writes the reports, and read by ``pending --as-of`` instead of folding
the stories reported after the day (dateline.link.history, dateline.link.history_table).

On SQLite and PostgreSQL; the stored events are written by hand (tests/conftest.py
`stored_article`), the plans are test_reads_paging's.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy import Connection, select, text

import dateline.fastpath.pending as fast_pending
import dateline.link.story_view as story_view
from conftest import stored_article
from dateline.link.history_table import fill
from dateline.link.query import pending
from dateline.link.schema import story_states
from dateline.store import Store
from dateline.store.engine import reading
from test_reads_paging import plans, reference

DAYS = ["2025-01-15", "2025-02-05", "2025-03-03", "2025-04-05", "2025-05-20"]


def rows(conn: Connection) -> dict[tuple[str, str], tuple[Any, ...]]:
    found = conn.execute(select(story_states)).all()
    return {(r.story_id, r.dct): tuple(r) for r in found}


def from_scratch(conn: Connection) -> dict[tuple[str, str], tuple[Any, ...]]:
    """The rows a fold of every story's members gives (left unwritten)."""
    with conn.begin_nested() as nested:
        fill(conn)
        found = rows(conn)
        nested.rollback()
    return found


def by_date(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(articles, key=lambda a: (a["document"]["dct"], a["document"]["id"]))


def test_rows_of_reports_written_in_date_order_are_every_fold_state(db_url: str) -> None:
    with Store(db_url) as store:
        for article in by_date(plans()):  # one at a time, as a daily ingest adds them
            assert store.add(article)
        with store.engine.begin() as conn:
            kept, expected = rows(conn), from_scratch(conn)
    assert kept == expected
    assert any(r[2] is not None for r in kept.values())  # some hold until a later report


def test_rows_left_after_reports_out_of_date_order_are_fold_states(db_url: str) -> None:
    with Store(db_url) as store:
        for article in reversed(by_date(plans())):  # the newest first: each cuts the rows
            assert store.add(article)
        with store.engine.begin() as conn:
            kept, expected = rows(conn), from_scratch(conn)
    assert kept and set(kept) < set(expected)
    assert all(expected[key] == row for key, row in kept.items())


def test_pending_reads_the_rows_instead_of_folding_reports(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_url) as store:
        for article in by_date(plans()):
            assert store.add(article)
        with reading(store.engine) as conn:
            expected = {day: reference(conn, day) for day in DAYS}

            def no_fold(*_args: Any) -> None:
                raise AssertionError("a story was folded from its reports")

            monkeypatch.setattr(story_view, "pending_key", no_fold)  # query's folds
            for day in DAYS:
                assert pending(conn, day) == expected[day]


def test_a_report_of_an_earlier_day_makes_pending_fold_again_exactly(db_url: str) -> None:
    late = stored_article("2025-02-20", "Visit 1 put off", "Wire", [
        {"key": "late1", "type": "VISIT", "status": "planned", "source": ["visitor-1"],
         "target": ["host-1"], "location": "Capital"}])  # fmt: skip
    with Store(db_url) as store:
        for article in by_date(plans()):
            assert store.add(article)
        assert store.add(late)  # before the story's last report (2025-02-05 + a month)
        with reading(store.engine) as conn:
            for day in DAYS:
                assert pending(conn, day) == reference(conn, day)


def test_a_batch_leaves_fold_states_and_relinking_writes_them_all(db_url: str) -> None:
    from dateline.link.linker import relink_from_scratch

    with Store(db_url) as store:
        assert all(store.add_many(plans()))  # one batch: a story's last date of it only
        with store.engine.begin() as conn:
            batch, expected = rows(conn), from_scratch(conn)
            assert batch and all(expected[key] == row for key, row in batch.items())
            relink_from_scratch(conn)  # a document at a time, in date order
            assert rows(conn) == expected


def test_the_fast_path_reads_the_rows_too(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plans.db"
    with Store(str(path)) as store:
        for article in by_date(plans()):
            assert store.add(article)
        with reading(store.engine) as conn:
            expected = {day: reference(conn, day) for day in DAYS}

    def no_fold(*_args: Any) -> None:
        raise AssertionError("a story was folded from its reports")

    monkeypatch.setattr(story_view, "pending_key", no_fold)  # the fast path's folds
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for day in DAYS:
            assert fast_pending.pending(conn, day, limit=None, offset=0) == expected[day]
    finally:
        conn.close()


def test_migration_16_writes_the_rows_of_stored_stories(db_url: str) -> None:
    with Store(db_url) as store:
        for article in by_date(plans()):
            assert store.add(article)
        with store.engine.begin() as conn:
            kept = rows(conn)
            conn.execute(text("DELETE FROM story_states"))
            conn.execute(text("DELETE FROM schema_migrations WHERE version = 16"))
    with Store(db_url) as store, store.engine.begin() as conn:
        assert rows(conn) == kept and kept
