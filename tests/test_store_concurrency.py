"""Many processes on one new database: writers add the same documents, readers read.

Each process is a real, separately started Python (multiprocessing "spawn"), as two
``dateline ingest`` runs and a few ``dateline timeline`` calls would be; a barrier
makes them all open the database at the same moment, so that the schema
migrations race too.
"""

from __future__ import annotations

import multiprocessing
import traceback
from typing import Any

import pytest

from dateline.store import Store
from test_store import make_extraction

DOCUMENTS = 12
READERS = 10
TIMEOUT = 240  # seconds; generous, the machine is shared and has two cores


def _texts() -> list[str]:
    return [f"Kim will visit Moscow for talks number {n}." for n in range(DOCUMENTS)]


def _writer(url: str, barrier: Any, results: Any, reverse: bool) -> None:
    try:
        barrier.wait()
        texts = _texts()[::-1] if reverse else _texts()
        with Store(url) as store:
            added = sum(store.add(make_extraction(text)) for text in texts)
        results.put(("writer", added, None))
    except BaseException:
        results.put(("writer", 0, traceback.format_exc()))


def _reader(url: str, barrier: Any, results: Any) -> None:
    try:
        barrier.wait()
        for _ in range(5):
            with Store(url) as store:
                store.counts()
                store.events()
                store.pending(as_of="2025-06-01")
        results.put(("reader", 0, None))
    except BaseException:
        results.put(("reader", 0, traceback.format_exc()))


def _run_together(url: str) -> list[tuple[str, int, str | None]]:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2 + READERS)
    results = ctx.Queue()
    writers = [(_writer, (url, barrier, results, reverse)) for reverse in (False, True)]
    readers = [(_reader, (url, barrier, results))] * READERS
    procs = [ctx.Process(target=target, args=args) for target, args in writers + readers]
    for proc in procs:
        proc.start()
    outcomes = [results.get(timeout=TIMEOUT) for _ in procs]
    for proc in procs:
        proc.join(TIMEOUT)
    assert [proc.exitcode for proc in procs] == [0] * len(procs)
    return outcomes


@pytest.mark.slow
def test_two_writers_and_ten_readers_on_a_new_database_store_each_document_once(
    db_url: str,
) -> None:
    """Writers used to die of a UNIQUE violation on documents.id, and openers of a new
    database of DL-E050 (schema_migrations exists); now every process finishes."""
    outcomes = _run_together(db_url)
    errors = [error for _, _, error in outcomes if error]
    assert errors == []
    assert sum(added for kind, added, _ in outcomes if kind == "writer") == DOCUMENTS
    with Store(db_url) as store:
        counts = store.counts()
        events = store.events()
    assert counts["documents"] == DOCUMENTS
    assert counts["events"] == DOCUMENTS
    assert counts["timexes"] == DOCUMENTS
    assert len({event["id"] for event in events}) == len(events) == DOCUMENTS
    # Each event's details were written once, not once per writer.
    assert all(len(event["evidence"]) == 1 for event in events)
    assert all(event["source"] == ["kim-jong-un"] for event in events)
