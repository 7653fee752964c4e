"""Stories kept resumed between the writer's passes (dateline.link.kept, SQLite and
PostgreSQL): a story the next batch reads again is not resumed from its rows, and a kept
story is never used once something else may have changed it."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from dateline.link import cluster
from dateline.link.kept import kept_drafts
from dateline.link.schema import story_summaries
from dateline.store import Store
from dateline.store.engine import writing
from test_store_batch import canonical, one_by_one, reports, table_rows


@pytest.fixture
def resumes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The ids of the stories resumed from their rows (``Draft.resume``), in order."""
    found: list[str] = []
    resume = cluster.Draft.resume.__func__  # type: ignore[attr-defined]

    def counted(cls: type, summary: dict[str, Any], *args: Any) -> Any:
        found.append(cluster.story_id_for(summary["first"]))
        return resume(cls, summary, *args)

    monkeypatch.setattr(cluster.Draft, "resume", classmethod(counted))
    yield found


@pytest.fixture
def db_url_2(db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A second fresh database of ``db_url``'s kind."""
    if not db_url.startswith("postgresql"):
        return str(tmp_path / "second.db")
    from conftest import _fresh_pg_database

    server = request.getfixturevalue("pg_server")
    return _fresh_pg_database(server, f"dl_kept_{os.getpid()}_{next(_second)}")


_second = iter(range(1_000_000))


def batches(store: Store, items: list[dict[str, Any]], size: int) -> None:
    for start in range(0, len(items), size):
        store.add_many(items[start : start + size])


def test_a_story_the_next_batch_reads_again_is_not_resumed_from_its_rows(
    tmp_path: Path, resumes: list[str]
) -> None:
    """Reads between the batches (as ``ingest`` asks which articles are stored) keep them."""
    items = canonical(list(reports(60)))
    expected = one_by_one(tmp_path / "one.db", items)
    resumes.clear()
    with Store(str(tmp_path / "kept.db")) as store:
        for start in range(0, len(items), 10):
            store.add_many(items[start : start + 10])
            assert store.has_document(items[start]["document"]["id"])
            assert store.stories(limit=1)
        assert table_rows(store) == expected
    assert resumes == []  # every pass after the first found the stories kept


def test_kept_stories_are_resumed_again_after_another_connection_commits(
    tmp_path: Path, resumes: list[str]
) -> None:
    items = canonical(list(reports(60)))
    expected = one_by_one(tmp_path / "one.db", items)
    resumes.clear()
    path = str(tmp_path / "two.db")
    with Store(path) as first, Store(path) as second:
        batches(first, items[:20], 10)
        assert resumes == []
        batches(second, items[20:40], 10)  # its first pass resumes them; then it keeps them
        read = len(resumes)
        assert read and len(set(resumes)) == read
        batches(first, items[40:], 10)  # what the first writer kept is stale now
        assert len(resumes) > read
        assert table_rows(first) == expected


def test_a_kept_story_is_not_used_when_its_summary_changed(
    tmp_path: Path, resumes: list[str]
) -> None:
    """Even on the same connection (a change the data version does not show)."""
    items = canonical(list(reports(60)))
    expected = one_by_one(tmp_path / "one.db", items)
    resumes.clear()
    with Store(str(tmp_path / "same.db")) as store:
        batches(store, items[:30], 10)
        with writing(store.engine) as conn:
            for r in conn.execute(sa.select(story_summaries)).all():
                again = json.dumps(json.loads(r.summary), indent=1)  # the same summary
                where = story_summaries.c.story_id == r.story_id
                conn.execute(story_summaries.update().where(where).values(summary=again))
        batches(store, items[30:], 10)
        assert table_rows(store) == expected
    assert resumes  # read from its rows again, not taken from the kept ones


def test_a_rolled_back_batch_drops_the_kept_stories(tmp_path: Path, resumes: list[str]) -> None:
    items = canonical(list(reports(60)))
    expected = one_by_one(tmp_path / "one.db", items)
    resumes.clear()
    broken = json.loads(json.dumps(items[40]))
    broken["events"][0]["type"] = None  # events.type is NOT NULL: the batch rolls back
    with Store(str(tmp_path / "rollback.db")) as store:
        batches(store, items[:30], 10)
        with pytest.raises(sa.exc.IntegrityError):
            store.add_many([*items[30:40], broken])
        with store.engine.connect() as conn:
            assert conn.info.get("dateline.kept_drafts") is None
        batches(store, items[30:], 10)
        assert table_rows(store) == expected
    assert resumes


def without_keeping(monkeypatch: pytest.MonkeyPatch, url: str, items: list[Any]) -> Any:
    """The rows of ``items`` stored in batches of 10 by a writer that keeps no story."""
    from dateline.link import linker

    with monkeypatch.context() as patched:
        patched.setattr(linker, "kept_drafts", lambda conn: None)
        with Store(url) as store:
            batches(store, items, 10)
            return table_rows(store)


def test_the_next_batch_takes_the_stories_kept_on_either_database(
    db_url: str, db_url_2: str, resumes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL too (by the summary row's version), with the stories of a writer that
    keeps none."""
    items = canonical(list(reports(60)))
    expected = without_keeping(monkeypatch, db_url_2, items)
    assert resumes  # that writer resumed every story it read from its rows
    resumes.clear()
    with Store(db_url) as store:
        batches(store, items, 10)
        assert table_rows(store) == expected
    assert resumes == []


def test_a_story_another_connection_wrote_again_is_read_again(
    db_url: str, db_url_2: str, resumes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A concurrent writer that writes a story's summary row again, as the linker does (a
    delete and an insert), even with the same text (which only the row's version shows on
    PostgreSQL), makes the kept story be read again from its rows; the stories are those
    of a writer that keeps none."""
    items = canonical(list(reports(60)))
    expected = without_keeping(monkeypatch, db_url_2, items)
    with Store(db_url) as first, Store(db_url) as second:
        batches(first, items[:30], 10)
        resumes.clear()
        with writing(second.engine) as conn:
            rows = [r._asdict() for r in conn.execute(sa.select(story_summaries))]
            conn.execute(story_summaries.delete())
            conn.execute(story_summaries.insert(), rows)
        batches(first, items[30:], 10)
        assert table_rows(first) == expected
    assert resumes


def test_stories_are_kept_on_sqlite_and_postgresql(db_url: str) -> None:
    with Store(db_url) as store, writing(store.engine) as conn:
        assert kept_drafts(conn) is not None
