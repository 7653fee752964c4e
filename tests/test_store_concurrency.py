"""Many processes on one new database: writers add the same documents, readers read.

Each process is a real, separately started Python (multiprocessing "spawn"), as two
``dateline ingest`` runs and a few ``dateline timeline`` calls would be; a barrier
makes them all open the database at the same moment, so that the schema
migrations race too.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
import traceback
from pathlib import Path
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


@pytest.mark.model
@pytest.mark.slow
def test_two_ingest_processes_on_one_database_store_each_document_once(
    db_url: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for n in range(16):
        (corpus / f"synthetic_{n:02d}.txt").write_text(
            f"date 2025-03-{n + 1:02d}  Talks {n}\n\nThe foreign minister of Chile met his "
            f"Peruvian counterpart in Lima on Monday for round {n} of border talks.\n",
            encoding="utf-8",
        )
    cmd = [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", db_url, "--json"]
    runs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in "ab"]
    outputs = [run.communicate(timeout=TIMEOUT) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err.decode() for _, err in outputs]
    summaries = [json.loads(out) for out, _ in outputs]
    assert sum(s["added"] for s in summaries) == 16
    assert all(s["added"] + s["unchanged"] == 16 for s in summaries)
    with Store(db_url) as store:
        counts = store.counts()
        events = store.events()
    assert counts["documents"] == 16
    assert counts["events"] == sum(s["events"] for s in summaries) == len(events)
    assert len({event["id"] for event in events}) == len(events)


def test_one_read_sees_one_snapshot_while_a_writer_commits(db_url: str) -> None:
    """A reader's queries used to see different states on PostgreSQL (READ COMMITTED):
    detail rows of an event its first query had not returned (a KeyError in ``pending``)."""
    from sqlalchemy import func, select

    from dateline.store import schema
    from dateline.store.engine import reading

    def count(conn: Any) -> int:
        return int(conn.execute(select(func.count()).select_from(schema.events)).scalar_one())

    with Store(db_url) as reader, Store(db_url) as writer:
        writer.add(make_extraction("Kim will visit Moscow, the first report."))
        with reading(reader.engine) as conn:
            before = count(conn)
            assert writer.add(make_extraction("Kim will visit Moscow, the second report."))
            assert count(conn) == before == 1
        with reading(reader.engine) as conn:
            assert count(conn) == 2


def _open_new_file(path: str, barrier: Any, results: Any) -> None:
    from dateline.store.engine import open_engine

    try:
        barrier.wait()
        engine = open_engine("sqlite:///" + path)
        with engine.connect():
            pass
        engine.dispose()
        results.put(None)
    except BaseException:
        results.put(traceback.format_exc())


@pytest.mark.slow
def test_openers_of_a_new_sqlite_file_all_switch_it_to_wal(tmp_path: Path) -> None:
    """Two openers switching a new file to WAL at once: SQLite answered one of them
    "database is locked" at once, without waiting (seen in about one round in twenty)."""
    ctx = multiprocessing.get_context("fork")
    errors = []
    for round_ in range(40):
        path = str(tmp_path / f"new{round_}.db")
        barrier, results = ctx.Barrier(8), ctx.Queue()
        procs = [
            ctx.Process(target=_open_new_file, args=(path, barrier, results)) for _ in "12345678"
        ]
        for proc in procs:
            proc.start()
        errors += [error for error in (results.get(timeout=TIMEOUT) for _ in procs) if error]
        for proc in procs:
            proc.join(TIMEOUT)
    assert errors == []
