"""kill -9 at random points of an ingest, then ingest again: the same database as a clean run.

Complements test_ingest.py's test_kill_minus_9_mid_ingest_then_resume (one kill on
SQLite, counted documents): here each trial kills at a random point (while the
schema is migrated, the model loads, or documents, events and stories are being
written), on SQLite and PostgreSQL, and compares every stored row with a clean
ingest of the same corpus. Each trial stores in batches of 1, 3 or 100 articles per
transaction (``--batch-size``; 100 holds the whole corpus), so that kills land between
and inside batched transactions. Set DATELINE_CRASH_SEED to replay a failing run.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from dateline.ingest import ingest
from dateline.store import Store, database_url
from dateline.store import schema as t

pytestmark = [pytest.mark.model, pytest.mark.slow]

TRIALS = {"sqlite": 10, "postgres": 10}
BATCH_SIZES = (1, 3, 100)
SEED = int(os.environ.get("DATELINE_CRASH_SEED", random.randrange(1 << 30)))
# Columns whose values differ between two correct runs: row numbers and clock readings.
VOLATILE = {"ingested_at", "first_seen", "applied_at"}
# Which of a story's report dates have a story_states row depends on the order its reports
# came in (a batch writes the row of its last date only); every row is the fold's whatever
# the order (tests/test_story_states.py), so the table is left out of the comparison.
ORDER_DEPENDENT = {"story_states"}

TEMPLATES = [
    "date 2025-03-{day:02d}  Border talks, round {n}\n\n"
    "The foreign minister of Chile met his Peruvian counterpart in Lima on Monday for "
    "round {n} of border talks.\n",
    "date 2025-03-{day:02d}  Visit announced ({n})\n\n"
    "Chile's president Gabriel Boric will visit Peru next month, the foreign ministry "
    "said in statement number {n}.\n",
    "date 2025-04-{day:02d}  Boric in Lima ({n})\n\n"
    "Chile's president Gabriel Boric arrived in Lima on Tuesday for a two-day visit, "
    "his office said in its bulletin number {n}.\n",
]


def write_corpus(folder: Path) -> Path:
    folder.mkdir()
    for n in range(12):
        text = TEMPLATES[n % 3].format(day=2 + n, n=n)
        (folder / f"synthetic_{n:02d}.txt").write_text(text, encoding="utf-8")
    # The same body under another date and title: one document, two publications.
    republished = TEMPLATES[0].format(day=2, n=0).replace("2025-03-02  Border", "2025-03-20  The")
    (folder / "synthetic_12_republished.txt").write_text(republished, encoding="utf-8")
    (folder / "synthetic_13_empty.txt").write_text("", encoding="utf-8")  # a reject
    return folder


def snapshot(url: str) -> dict[str, list[str]]:
    """Every row of every dateline table, without row numbers and clock readings."""
    engine = sa.create_engine(database_url(url))
    tables: dict[str, list[str]] = {}
    with engine.connect() as conn:
        for table in t.metadata.sorted_tables:
            if table.name in ORDER_DEPENDENT:
                continue
            columns = [c for c in table.columns if c.name not in VOLATILE and not _row_number(c)]
            rows = conn.execute(sa.select(*columns))
            tables[table.name] = sorted(repr(tuple(row)) for row in rows)
    engine.dispose()
    return tables


def _row_number(column: sa.Column[Any]) -> bool:
    return bool(column.primary_key) and isinstance(column.type, sa.Integer)


def _documents(url: str) -> int:
    """Documents stored so far, read without opening a Store (which would migrate)."""
    if "://" not in url:
        if not Path(url).exists():
            return 0
        try:
            with sqlite3.connect(f"file:{url}?mode=ro", uri=True, timeout=30) as conn:
                return int(conn.execute("select count(*) from documents").fetchone()[0])
        except sqlite3.OperationalError:
            return 0
    try:
        with _pg_engine(url).connect() as conn:
            return int(conn.execute(sa.text("select count(*) from documents")).scalar_one())
    except sa.exc.DBAPIError:
        return 0


@functools.cache
def _pg_engine(url: str) -> sa.Engine:
    return sa.create_engine(url, poolclass=sa.pool.NullPool)


def kill_at_random_point(corpus: Path, url: str, rng: random.Random, cli: bool) -> str:
    """Start an ingest, kill -9 it at a random point; return where that was.

    With ``cli`` the ingest is a new ``python -m dateline ingest`` (killed while it
    migrates, loads the model or writes); else a fork of this process, whose model is
    loaded already, so that the trials spend their time writing.
    """
    batch = rng.choice(BATCH_SIZES)
    if rng.random() < 0.25 or batch > 12:
        wanted, pause = 0, rng.uniform(0.0, 3.0 if cli else 0.5)
    else:
        wanted, pause = rng.randrange(1, 12), rng.uniform(0.0, 0.1)
    proc = _start_ingest(corpus, url, cli, batch)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline and _documents(url) < wanted:
        time.sleep(0.02)
    time.sleep(pause)
    finished = proc.poll() is not None  # then it is reaped: its pid may be another's now
    if not finished:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    end = ", it had finished" if finished else ""
    how = "CLI" if cli else "fork"
    return (
        f"{how}, batches of {batch}, after >= {wanted} documents + {pause:.2f}s "
        f"({_documents(url)} stored{end})"
    )


class _Forked:
    """A forked ingest with the two methods of subprocess.Popen used here."""

    def __init__(self, corpus: Path, url: str, batch: int):
        self.process = multiprocessing.get_context("fork").Process(
            target=_ingest_in_child, args=(str(corpus), url, batch)
        )
        self.process.start()
        self.pid = int(self.process.pid or 0)

    def poll(self) -> int | None:
        return self.process.exitcode

    def wait(self) -> int | None:
        self.process.join()
        return self.process.exitcode


def _ingest_in_child(corpus: str, url: str, batch: int) -> None:
    with Store(url) as store:
        ingest([corpus], store, batch_size=batch)


def _start_ingest(
    corpus: Path, url: str, cli: bool, batch: int
) -> subprocess.Popen[bytes] | _Forked:
    if not cli:
        return _Forked(corpus, url, batch)
    cmd = [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", url, "--quiet"]
    cmd += ["--batch-size", str(batch)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _integrity(url: str) -> str:
    with sqlite3.connect(url) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("crash") / "corpus")


@pytest.mark.parametrize(
    ("backend", "trial"),
    [("sqlite", n) for n in range(TRIALS["sqlite"])]
    + [pytest.param("postgres", n, marks=pytest.mark.postgres) for n in range(TRIALS["postgres"])],
)
def test_kill_minus_9_at_a_random_point_then_reingest_gives_a_clean_database(
    request: pytest.FixtureRequest, corpus: Path, backend: str, trial: int
) -> None:
    expected = _clean_ingest(request, backend, corpus)
    crashed = _new_database(request, backend, f"crashed{trial}")
    rng = random.Random(SEED * 100 + trial + (50 if backend == "postgres" else 0))
    where = kill_at_random_point(corpus, crashed, rng, cli=trial == 0)
    context = f"seed {SEED}, trial {trial}, killed {where}"
    print(context)  # shown with -s, to see where the trials killed
    if backend == "sqlite":
        assert _integrity(crashed) == "ok", context
    with Store(crashed) as store:
        summary = ingest([str(corpus)], store)
    assert summary.rejected == 1, context
    found = snapshot(crashed)
    differ = {
        name: (sorted(set(rows) - set(found[name]))[:3], sorted(set(found[name]) - set(rows))[:3])
        for name, rows in expected.items()
        if found[name] != rows
    }
    assert differ == {}, context  # per table: (clean rows missing, rows a clean run lacks)
    if backend == "sqlite":
        assert _integrity(crashed) == "ok", context


_CLEAN: dict[str, dict[str, list[str]]] = {}


def _clean_ingest(
    request: pytest.FixtureRequest, backend: str, corpus: Path
) -> dict[str, list[str]]:
    """The snapshot of one uninterrupted ingest of the corpus, made once per backend."""
    if backend not in _CLEAN:
        url = _new_database(request, backend, "clean")
        with Store(url) as store:
            ingest([str(corpus)], store)
        expected = snapshot(url)
        assert expected["documents"] and expected["events"] and expected["stories"]
        assert len(expected["publications"]) == len(expected["documents"]) + 1
        _CLEAN[backend] = expected
    return _CLEAN[backend]


def _new_database(request: pytest.FixtureRequest, backend: str, name: str) -> str:
    if backend == "sqlite":
        return str(request.getfixturevalue("tmp_path") / f"{name}.db")
    from conftest import _fresh_pg_database

    server = request.getfixturevalue("pg_server")
    return _fresh_pg_database(server, f"dl_crash_{os.getpid()}_{name}")
