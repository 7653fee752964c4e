"""Store.add_many: many articles per transaction, the same database as adding them one by one.

Stories must not depend on how articles were batched nor on their order; story
summaries (what linking resumes a story from) must equal those made from all of a
story's members; a failing article rolls its whole batch back, and ingest then
stores the rest one by one.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from conftest import stored_article
from dateline.errors import DatelineError
from dateline.ingest import IngestSummary, _store_batch
from dateline.link.linker import rebuild_summaries
from dateline.link.schema import stories, story_keys, story_summaries
from dateline.model import Article
from dateline.store import Store
from dateline.store import schema as t
from dateline.store.engine import writing
from test_stories import ALL

# Columns whose values differ between two correct runs: row numbers and clock readings.
VOLATILE = {"ingested_at", "first_seen", "applied_at"}
# Which of a story's report dates have a story_states row depends on the order its reports
# came in (a batch writes the row of its last date only); every row is the fold's whatever
# the order (tests/test_story_states.py), so the table is left out of the comparison.
ORDER_DEPENDENT = {"story_states"}


def table_rows(store: Store) -> dict[str, list[str]]:
    """Every row of every table, without row numbers and clock readings."""
    out: dict[str, list[str]] = {}
    with store.engine.connect() as conn:
        for table in t.metadata.sorted_tables:
            if table.name in ORDER_DEPENDENT:
                continue
            columns = [
                c
                for c in table.columns
                if c.name not in VOLATILE and not (c.primary_key and isinstance(c.type, sa.Integer))
            ]
            out[table.name] = sorted(repr(tuple(r)) for r in conn.execute(sa.select(*columns)))
    return out


def one_by_one(path: Path, items: list[dict[str, Any]]) -> dict[str, list[str]]:
    with Store(str(path)) as store:
        for item in items:
            store.add(item)
        return table_rows(store)


def batched(path: str, items: list[dict[str, Any]], size: int) -> dict[str, list[str]]:
    with Store(path) as store:
        for start in range(0, len(items), size):
            store.add_many(items[start : start + size])
        return table_rows(store)


def canonical(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda a: (a["document"]["dct"], a["document"]["id"]))


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The story series added one by one in date order."""
    return one_by_one(tmp_path_factory.mktemp("one") / "one.db", canonical(ALL))


@pytest.mark.parametrize(("size", "seed"), [(1, 1), (3, 2), (7, 3), (100, 4), (5, 5)])
def test_batches_of_any_size_and_order_give_the_same_database(
    db_url: str, expected: dict[str, list[str]], size: int, seed: int
) -> None:
    order = list(ALL)
    random.Random(seed).shuffle(order)
    assert batched(db_url, order, size) == expected


def test_batches_in_date_order_give_the_same_database(
    db_url: str, expected: dict[str, list[str]]
) -> None:
    assert batched(db_url, canonical(ALL), 4) == expected


def reports(count: int, first: date = date(2025, 3, 1)) -> Iterator[dict[str, Any]]:
    """``count`` articles on one planned visit, a few a day, then its arrival, plus an
    unrelated meeting now and then (so that batches hold several stories)."""
    for n in range(count):
        day = (first + timedelta(days=n // 7)).isoformat()
        if n % 11 == 10:
            event = {"key": f"meet{n}", "type": "MEET", "status": "occurred",
                     "source": ["FRA"], "target": ["DEU"]}  # fmt: skip
        else:
            status = "occurred" if n == count - 1 else "planned"
            event = {"key": f"visit{n}", "type": "VISIT", "status": status, "location": "Moscow",
                     "source": ["kim-jong-un"], "target": ["RUS"]}  # fmt: skip
        yield stored_article(day, f"Report {n}", f"Wire {n % 5}", [event], {"Moscow": "RUS"})


@pytest.mark.slow
def test_a_story_of_hundreds_of_reports_is_the_same_batched_or_not(tmp_path: Path) -> None:
    items = list(reports(240))
    expected = one_by_one(tmp_path / "one.db", canonical(items))
    shuffled = list(items)
    random.Random(9).shuffle(shuffled)
    assert batched(str(tmp_path / "batched.db"), canonical(items), 50) == expected
    assert batched(str(tmp_path / "shuffled.db"), shuffled, 50) == expected
    with Store(str(tmp_path / "batched.db")) as store, store.engine.connect() as conn:
        query = sa.select(stories.c.type, stories.c.events).order_by(stories.c.events.desc())
        biggest = conn.execute(query).first()
    assert biggest is not None and biggest.type == "VISIT" and biggest.events > 200


def summaries(store: Store) -> tuple[list[tuple[str, Any]], list[tuple[Any, ...]]]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(story_summaries).order_by(story_summaries.c.story_id))
        found = [(r.story_id, json.loads(r.summary)) for r in rows]
        keys = sorted(tuple(r) for r in conn.execute(sa.select(story_keys)))
    return found, keys


def test_summaries_kept_up_by_adds_equal_summaries_made_from_all_members(
    db_url: str,
) -> None:
    items = list(reports(150))
    with Store(db_url) as store:
        store.add_many(canonical(items)[:70])
        for item in canonical(items)[70:]:
            store.add(item)
        kept = summaries(store)
        with writing(store.engine) as conn:
            rebuild_summaries(conn)
        assert summaries(store) == kept
        assert len(kept[0]) >= 2 and kept[1]  # two stories at least, and their tails


def test_migration_6_builds_summaries_of_a_database_made_before_it(tmp_path: Path) -> None:
    path = str(tmp_path / "old.db")
    with Store(path) as store:
        store.add_many(canonical(list(reports(60))))
        before = table_rows(store)
        with writing(store.engine) as conn:
            conn.execute(sa.delete(story_keys))
            conn.execute(sa.delete(story_summaries))
            conn.execute(sa.delete(t.schema_migrations).where(t.schema_migrations.c.version == 6))
    with Store(path) as store:
        assert table_rows(store) == before
        more = [stored_article("2025-06-01", "Late report", "Wire", [
            {"key": "late", "type": "VISIT", "status": "occurred",
             "source": ["kim-jong-un"], "target": ["RUS"], "location": "Moscow"}],
            {"Moscow": "RUS"})]  # fmt: skip
        store.add_many(more)
        story = store.story(store.stories(limit=None)[0]["id"])
        assert story is not None


def test_a_text_twice_in_one_batch_is_stored_once_with_two_publications(db_url: str) -> None:
    first = ALL[0]
    again = json.loads(json.dumps(first))
    again["document"]["source"] = "Another Wire"
    with Store(db_url) as store:
        assert store.add_many([first, again]) == [True, False]
        assert store.add_many([again, first]) == [False, False]
        assert store.counts()["documents"] == 1
        found = store.document(first["document"]["id"])
        assert found is not None
        assert sorted(p["source"] for p in found["publications"]) == sorted(
            [first["document"]["source"], "Another Wire"]
        )


def test_a_failing_article_rolls_its_batch_back(db_url: str) -> None:
    broken = json.loads(json.dumps(ALL[1]))
    broken["events"][0]["type"] = None  # events.type is NOT NULL
    with Store(db_url) as store:
        with pytest.raises(sa.exc.IntegrityError):
            store.add_many([ALL[0], broken, ALL[2]])
        assert store.counts()["documents"] == 0
        assert not store.has_document(ALL[0]["document"]["id"])


def test_ingest_rejects_only_the_article_at_fault_in_a_batch(db_url: str) -> None:
    broken = json.loads(json.dumps(ALL[1]))
    broken["events"][0]["type"] = None
    items = [ALL[0], broken, ALL[2]]
    batch: list[tuple[Article, dict[str, Any] | DatelineError]] = [
        (Article(text=x["document"]["text"], dct=None, origin=f"f{n}.txt"), x)
        for n, x in enumerate(items)
    ]
    summary, reported = IngestSummary(), []
    with Store(db_url) as store:
        _store_batch(store, batch, summary, lambda kind, payload: reported.append(kind), _reject(
            store, summary))  # fmt: skip
        assert (summary.added, summary.rejected) == (2, 1)
        assert summary.rejects[0].startswith("f1.txt: DL-E301 ")
        assert store.counts()["documents"] == 2
        assert reported == ["article", "article"]


def _reject(store: Store, summary: IngestSummary) -> Any:
    def reject(error: DatelineError) -> None:
        summary.rejected += 1
        summary.rejects.append(str(error))
        store.add_reject(error)

    return reject


def test_one_publication_twice_in_one_batch_is_recorded_once(db_url: str) -> None:
    """The batch's publications go in as one statement: a repeat inside it is skipped as
    a repeat of a stored one is."""
    first = ALL[0]
    with Store(db_url) as store:
        assert store.add_many([first, first, ALL[1]]) == [True, False, True]
        found = store.document(first["document"]["id"])
        assert found is not None and len(found["publications"]) == 1


def _segments_written(store: Store, fts: str) -> int:
    """How many index segments an FTS5 table has written (its structure record's write
    counter: the third varint after the 4-byte cookie)."""
    with store.engine.connect() as conn:
        blob = conn.execute(sa.text(f"SELECT block FROM {fts}_data WHERE id = 10")).scalar_one()
    values, at = [], 4
    while len(values) < 3:
        value = 0
        while True:
            byte, at = blob[at], at + 1
            value = (value << 7) | (byte & 0x7F)
            if byte < 0x80:
                break
        values.append(value)
    return int(values[2])


def test_a_batch_indexes_its_sentences_and_titles_for_text_search_together(
    tmp_path: Path,
) -> None:
    """SQLite: a batch's sentences (and titles) reach the FTS5 trigram tables in a few
    statements, not one per row, each of which wrote (and later merged) a segment of its
    own; every sentence is still found."""
    items = canonical(list(reports(120)))
    with Store(str(tmp_path / "fts.db")) as store:
        store.add_many(items)
        sentences = store.counts()["events"]
        assert _segments_written(store, "evidence_text") < sentences / 4
        assert _segments_written(store, "title_text") < len(items) / 4
        with store.engine.connect() as conn:
            found = conn.execute(
                sa.text("SELECT count(*) FROM evidence_text WHERE evidence_text MATCH :q"),
                {"q": '"sentence of Report"'},
            ).scalar_one()
    assert found == sentences
