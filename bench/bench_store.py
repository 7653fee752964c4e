"""Store throughput alone: pre-extracted documents into SQLite and PostgreSQL.

Documents come from ``bench/corpus.py`` (seeded synthetic news) in canonical order
(date, then id: an archive written day by day), and are written with
``Store.add_many`` in batches, as ``dateline ingest`` writes them (``--as-generated N``
keeps each day's articles in the order they were made, so that a batch boundary
inside a day sends some articles through linking's full path);
``--one-by-one N`` also times ``Store.add`` on the first N. Printed per run: documents
per second, milliseconds per document (wall clock, and CPU time of this process, which
a busy machine inflates less) over the first and the last 10 % of the run (flat when
linking does not slow down as the database and its stories grow), database bytes per
1,000 articles, peak memory and the load average at the end. Synthetic articles are
made as they are stored (one day at a time), so that the peak memory is the writer's.
``--big-story N`` runs N reports of one visit (one story of N reports). ``--realnews DIR``
repeats the real articles of DIR (extracted once with the model) under new document
ids, as issue 15 measured them.

PostgreSQL: a fresh database on $DATELINE_TEST_PG_URL's server when set, else a
throwaway server this script starts on 127.0.0.1 (Debian's binaries) and stops. There,
each ``--progress`` line also gives the server's CPU per document since the last line (its
postmaster and every process it started, read from ``/proc`` when the server runs on this
machine and this user may read it: the writer's CPU alone leaves out half of the work) and
the database's bytes per 1,000 documents so far.

    python bench/bench_store.py                        # 1k and 10k, SQLite and PostgreSQL
    python bench/bench_store.py --sizes 100000 --backends sqlite
    python bench/bench_store.py --big-story 10000 --sizes
    python bench/bench_store.py --sizes 5000 --rounds 10 --backends sqlite
"""

from __future__ import annotations

import argparse
import copy
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from corpus import Corpus

from dateline.ingest import STORE_BATCH
from dateline.store import Store

HEADER = (
    f"{'run':<28} {'backend':<9} {'docs':>7} {'docs/s':>8} {'first10% ms':>11} "
    f"{'last10% ms':>10} {'cpu first':>9} {'cpu last':>8} {'KB/1k docs':>10} {'stories':>8} "
    f"{'max story':>9} {'peak MB':>7} {'load':>5}"
)
Docs = Callable[[], Iterable[dict[str, Any]]]


PROGRESS = 0  # print a line every this many documents (--progress)
SERVER: ServerMeter | None = None  # the PostgreSQL server of the run being timed


class ServerMeter:
    """CPU seconds of a PostgreSQL server of this machine (the postmaster, its live
    processes and those it reaped: backends, autovacuum, checkpointer, WAL writer) and the
    size of one database, for the progress lines. CPU is None when ``/proc`` of the
    server's processes cannot be read (another machine, another user)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        with store.engine.connect() as conn:
            backend = int(conn.execute(sa.text("select pg_backend_pid()")).scalar_one())
        self.postmaster = _proc_stat(backend)[1] if _proc_stat(backend) else None

    def cpu(self) -> float | None:
        if self.postmaster is None:
            return None
        own = _proc_stat(self.postmaster)
        if own is None:
            return None
        total = own[0]
        for entry in Path("/proc").iterdir():
            child = _proc_stat(int(entry.name)) if entry.name.isdigit() else None
            if child and child[1] == self.postmaster:
                total += child[0]  # those it reaped are in the postmaster's own cutime
        return total

    def size(self) -> int:
        with self.store.engine.connect() as conn:
            return int(
                conn.execute(sa.text("select pg_database_size(current_database())")).scalar_one()
            )


def _proc_stat(pid: int) -> tuple[float, int, float] | None:
    """(CPU seconds of the process and its reaped children, parent pid, reaped children's
    CPU seconds) from ``/proc/PID/stat``; None when unreadable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    tick = os.sysconf("SC_CLK_TCK")
    children = (int(fields[13]) + int(fields[14])) / tick
    return (int(fields[11]) + int(fields[12])) / tick + children, int(fields[1]), children


def timed_adds(
    store: Store, docs: Iterable[dict[str, Any]], batch: int
) -> list[tuple[float, float]]:
    """(wall seconds, CPU seconds) per document, a batch's time shared out."""
    per_doc: list[tuple[float, float]] = []
    chunk: list[dict[str, Any]] = []
    server = [SERVER.cpu() if SERVER else None]
    for doc in [*docs, None] if isinstance(docs, list) else _then_none(docs):
        if doc is not None:
            chunk.append(doc)
        if chunk and (doc is None or len(chunk) == batch):
            began, cpu = time.perf_counter(), time.process_time()
            if batch == 1:
                store.add(chunk[0])
            else:
                store.add_many(chunk)
            share = len(chunk)
            spent = ((time.perf_counter() - began) / share, (time.process_time() - cpu) / share)
            per_doc += [spent] * share
            chunk = []
            if PROGRESS and len(per_doc) % PROGRESS < share:
                _progress(per_doc[-PROGRESS:], len(per_doc), server)
    return per_doc


def _progress(last: list[tuple[float, float]], count: int, server: list[float | None]) -> None:
    """A progress line; on PostgreSQL also the server's CPU per document since the last line
    (``server`` holds its CPU seconds at the last line) and the database's bytes per 1,000."""
    wall, cpu = (1000 * sum(p[i] for p in last) / len(last) for i in (0, 1))
    extra = ""
    if SERVER is not None:
        now = SERVER.cpu()
        if now is not None and server[0] is not None:
            extra += f", server CPU {1000 * (now - server[0]) / len(last):.2f} ms/doc"
        server[0] = now
        extra += f", {SERVER.size() / count:,.0f} KB/1k docs"
    print(f"  {count:>9,} docs: last {len(last):,} {wall:.2f} ms/doc, CPU {cpu:.2f} ms/doc{extra}, "
          f"peak {peak_mb():.0f} MB, load {os.getloadavg()[0]:.1f}, {time.strftime('%H:%M:%S')}",
          flush=True)  # fmt: skip


def _then_none(docs: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any] | None]:
    yield from docs
    yield None


def by_day(docs: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Articles made in date order, each day's by id: ``by_date`` without holding them."""
    day: list[dict[str, Any]] = []
    for doc in docs:
        if day and doc["document"]["dct"] != day[0]["document"]["dct"]:
            yield from sorted(day, key=lambda x: x["document"]["id"])
            day = []
        day.append(doc)
    yield from sorted(day, key=lambda x: x["document"]["id"])


def peak_mb() -> float:
    """The highest resident set of this process so far (every run before this one too)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def database_bytes(store: Store, url: str) -> int:
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "postgresql":
            return int(
                conn.execute(sa.text("select pg_database_size(current_database())")).scalar_one()
            )
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_size for p in Path(url).parent.glob(Path(url).name + "*"))


def story_sizes(store: Store) -> tuple[int, int]:
    with store.engine.connect() as conn:
        row = conn.execute(sa.text("select count(*), max(events) from stories")).one()
    return int(row[0]), int(row[1] or 0)


def run(name: str, backend: str, url: str, docs: Docs, batch: int) -> None:
    global SERVER
    with Store(url) as store:
        SERVER = ServerMeter(store) if store.engine.dialect.name == "postgresql" else None
        began = time.perf_counter()
        per_doc = timed_adds(store, docs(), batch)
        total = time.perf_counter() - began
        size = database_bytes(store, url)
        stories, biggest = story_sizes(store)
    count, tenth = len(per_doc), max(1, len(per_doc) // 10)
    first, last = (
        [1000 * sum(p[i] for p in part) / tenth for i in (0, 1)]
        for part in (per_doc[:tenth], per_doc[-tenth:])
    )
    load = os.getloadavg()[0]
    print(
        f"{name:<28} {backend:<9} {count:>7,} {count / total:>8.0f} {first[0]:>11.2f} "
        f"{last[0]:>10.2f} {first[1]:>9.2f} {last[1]:>8.2f} {size / count:>10.0f} "
        f"{stories:>8,} {biggest:>9,} {peak_mb():>7.0f} {load:>5.1f}",
        flush=True,
    )


# --- databases ----------------------------------------------------------------------


@contextmanager
def postgres_server() -> Iterator[str]:
    """The server of $DATELINE_TEST_PG_URL, else a throwaway one on 127.0.0.1."""
    if url := os.environ.get("DATELINE_TEST_PG_URL"):
        yield url
        return
    roots = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not roots:
        raise SystemExit(
            "no PostgreSQL binaries; set DATELINE_TEST_PG_URL or use --backends sqlite"
        )
    data = Path(tempfile.mkdtemp(prefix="dateline-bench-pg-"))
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
    subprocess.run([*as_pg, str(roots[-1] / "initdb"), "-D", str(data), "-A", "trust", "-U",
                    "postgres"], check=True, capture_output=True)  # fmt: skip
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    ctl = [*as_pg, str(roots[-1] / "pg_ctl"), "-D", str(data)]
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {data}"
    subprocess.run([*ctl, "-w", "-o", opts, "-l", str(data / "log"), "start"], check=True,
                   capture_output=True)  # fmt: skip
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*ctl, "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


def fresh_database(backend: str, server: str | None, folder: Path, name: str) -> str:
    if backend == "sqlite":
        return str(folder / f"{name}.db")
    assert server is not None
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server.rsplit("/", 1)[0] + "/" + name


def drop_database(backend: str, server: str | None, name: str) -> None:
    if backend != "postgres" or server is None:
        return
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
    engine.dispose()


# --- workloads ------------------------------------------------------------------------


def realnews(folder: str, count: int) -> list[dict[str, Any]]:
    """The articles of ``folder`` extracted once, repeated under new document and event ids
    until there are ``count`` (in rounds over the articles, as the issue repeated them)."""
    from dateline.annotate import load_nlp
    from dateline.extract import extract_each
    from dateline.read import read_paths

    articles = [a for a in read_paths([folder]) if not isinstance(a, Exception)]
    base = [x for x in extract_each(articles, nlp=load_nlp()) if isinstance(x, dict)]
    out = []
    for n in range(count):
        rounds, index = divmod(n, len(base))
        item = copy.deepcopy(base[index])
        item["document"]["id"] += f"-r{rounds:05d}"
        for event in item["events"]:
            event["id"] += f"-r{rounds:05d}"
        out.append(item)
    return out


def in_rounds(docs: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """``docs`` (in date order) delivered in ``count`` rounds, each in date order from the
    first day: document i in round i mod ``count`` (a back-fill, or feeds read one after
    another). Every article of a later round but the newest arrives before stored ones."""
    return [doc for r in range(count) for doc in docs[r::count]]


def by_date(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(docs, key=lambda x: (x["document"]["dct"], x["document"]["id"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument(
        "--batch", type=int, default=STORE_BATCH, help="documents per add_many (as ingest)"
    )
    parser.add_argument("--big-story", type=int, default=0, help="reports of one story")
    parser.add_argument("--one-by-one", type=int, default=0, help="also Store.add on N docs")
    parser.add_argument(
        "--as-generated", type=int, default=0,
        help="also N docs with each day's articles in generated order, not by id",
    )  # fmt: skip
    parser.add_argument(
        "--rounds", type=int, default=0,
        help="also each size delivered in K rounds, each back to the first day (out of date order)",
    )  # fmt: skip
    parser.add_argument("--realnews", help="folder of real articles to repeat (needs the model)")
    parser.add_argument("--realnews-count", type=int, default=2000)
    parser.add_argument("--progress", type=int, default=0, help="a line every N documents")
    args = parser.parse_args(argv)
    global PROGRESS
    PROGRESS = args.progress
    runs: list[tuple[str, Docs, int]] = []
    for size in args.sizes:
        runs.append((f"synthetic {size:,}, batches", _synthetic(size), args.batch))
        if args.one_by_one:
            runs.append((f"synthetic {size:,}, Store.add", _synthetic(args.one_by_one), 1))
        if args.rounds:
            docs = by_date(list(Corpus(15).articles(size)))
            runs.append((f"synthetic {size:,}, {args.rounds} rounds",
                         _given(in_rounds(docs, args.rounds)), args.batch))  # fmt: skip
    if args.as_generated:
        docs = list(Corpus(15).articles(args.as_generated))
        runs.append((f"synthetic {args.as_generated:,}, day unsorted", _given(docs), args.batch))
    if args.big_story:
        docs = list(Corpus(15).articles(0, big_story=args.big_story))
        runs.append((f"one story of {args.big_story:,}", _given(docs), args.batch))
    if args.realnews:
        docs = realnews(args.realnews, args.realnews_count)
        runs.append(("realnews repeated, by date", _given(by_date(docs)), args.batch))
        runs.append(("realnews repeated, rounds", _given(docs), args.batch))
        if args.one_by_one:
            first = by_date(docs)[: args.one_by_one]
            runs.append(("realnews by date, Store.add", _given(first), 1))
            runs.append(("realnews rounds, Store.add", _given(docs[: args.one_by_one]), 1))
    print(HEADER, flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends:
            with postgres_server() if backend == "postgres" else _nothing() as server:
                for n, (name, docs, batch) in enumerate(runs):
                    db = f"dl_bench_{os.getpid()}_{n}"
                    url = fresh_database(backend, server, Path(tmp), db)
                    try:
                        run(name, backend, url, docs, batch)
                    finally:
                        drop_database(backend, server, db)
    return 0


def _synthetic(size: int) -> Docs:
    return lambda: by_day(Corpus(15).articles(size))


def _given(docs: list[dict[str, Any]]) -> Docs:
    return lambda: docs


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


if __name__ == "__main__":
    sys.exit(main())
