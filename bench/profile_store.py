"""Where the writer's time goes at a given database size: one timed stretch of batches.

``--build`` stores the first ``--base`` synthetic documents (``bench/corpus.py``, seed 15,
in date order, batches of 100) into ``--db``; without it, the next ``--more`` documents are
stored on a copy of that database and the run prints, per document: CPU time of this
process, statements, stories resumed (``Draft.resume``), ``Draft.links`` calls and the
tail groups of the stories they compare with, ``story_keys`` rows inserted, and the CPU
time of the linker's steps (per-function timers). ``--statements`` adds the CPU time of
each kind of statement (the table it writes or first reads; a statement's triggers run
inside it on SQLite) and of the commits, per document; ``--without NAME,...`` drops those
triggers from the copy first, so that what each costs is the difference with a run that
keeps them (the copy's derived tables are then wrong: a measurement only); ``--drop-index
NAME,...`` likewise drops indexes (what their inserts cost); ``--pragma NAME=VALUE``
sets a PRAGMA on the writer's connection first (``mmap_size=…``). ``--pages``
times nothing: it stores the ``--more`` documents with the WAL emptied before each batch
and prints how many pages each batch wrote to it, by the table or index that owns them
(what the commit's cost is proportional to).
``--profile FILE`` also writes a cProfile of the stretch. Run it with each tree's ``src``
first on the path to compare two versions of the code on the same database:

    python bench/profile_store.py --build --base 8000 --db /tmp/base8k.db
    python bench/profile_store.py --base 8000 --db /tmp/base8k.db
"""

from __future__ import annotations

import argparse
import cProfile
import os
import re
import shutil
import struct
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from bench_store import by_day
from corpus import Corpus

from dateline.link import cluster, linker
from dateline.store import Store

# write_stories is _write in the appended pass since the drafts are kept between passes;
# a step the code under test does not have is left out.
STEPS = ("index_documents", "_tail_stories", "_stored_drafts", "extend", "write_stories",
         "_write", "_write_story_keys", "link_documents")  # fmt: skip


def timed(module: Any, name: str, spent: Counter[str]) -> None:
    """Wrap ``module.name`` so that its CPU time adds up in ``spent``."""
    found: Callable[..., Any] | None = getattr(module, name, None)
    if found is None:
        return
    inner = found

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        began = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - began

    setattr(module, name, wrapper)


def counted(counts: Counter[str]) -> None:
    """Count ``Draft.resume`` and ``Draft.links`` calls, and the groups compared with."""
    resume, links = cluster.Draft.resume.__func__, cluster.Draft.links  # type: ignore[attr-defined]

    def resumed(cls: type, *args: Any) -> Any:
        counts["resumed"] += 1
        draft = resume(cls, *args)
        counts["tail"] += len(draft.tail)
        return draft

    def linked(self: cluster.Draft, e: Any, settings: Any) -> tuple[int, int]:
        counts["links"] += 1
        counts["groups"] += len(self._groups)
        return links(self, e, settings)

    cluster.Draft.resume = classmethod(resumed)  # type: ignore[assignment,method-assign]
    cluster.Draft.links = linked  # type: ignore[method-assign]


_WRITES = re.compile(r"^\s*(INSERT(?: OR \w+)? INTO|UPDATE|DELETE FROM)\s+\"?(\w+)", re.I)
_READS = re.compile(r"\bFROM\s+\"?(\w+)", re.I)


def statement_kind(sql: str) -> str:
    """``INSERT INTO events``, ``SELECT story_keys`` …: what a statement does, to what."""
    found = _WRITES.match(sql)
    if found:
        return f"{found.group(1).split()[0].upper()} {found.group(2)}"
    verb = sql.split(None, 1)[0].upper() if sql.strip() else "?"
    table = _READS.search(sql)
    return f"{verb} {table.group(1)}" if verb in ("SELECT", "WITH") and table else sql[:40]


def timed_statements(engine: sa.Engine, spent: Counter[str], calls: Counter[str]) -> None:
    """CPU time of each kind of statement (triggers included) and of each commit."""
    began: list[float] = []

    def before(*_: Any) -> None:
        began.append(time.process_time())

    def after(_conn: Any, _cursor: Any, sql: str, *_rest: Any) -> None:
        kind = statement_kind(sql)
        spent[kind] += time.process_time() - began.pop()
        calls[kind] += 1

    sa.event.listen(engine, "before_cursor_execute", before)
    sa.event.listen(engine, "after_cursor_execute", after)
    real_commit = engine.dialect.do_commit

    def commit(dbapi_connection: Any) -> None:
        start = time.process_time()
        try:
            real_commit(dbapi_connection)
        finally:
            spent["COMMIT"] += time.process_time() - start
            calls["COMMIT"] += 1

    engine.dialect.do_commit = commit  # type: ignore[method-assign]


def drop_triggers(db: str, names: list[str]) -> None:
    """Drop the named triggers of a SQLite file (a measurement of what they cost)."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        for name in names:
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")


def drop_indexes(db: str, names: list[str]) -> None:
    """Drop the named indexes of a SQLite file (what their inserts cost; a measurement only:
    the reads that use them then scan)."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        for name in names:
            conn.execute(f"DROP INDEX IF EXISTS {name}")


def wal_pages(store: Store, docs: list[Any], db: str, batch: int = 100) -> None:
    """Store ``docs`` in batches of ``batch``, each into an empty WAL, and print the pages the
    batches wrote to it per document, by the b-tree that owns them (``dbstat``)."""
    written: list[int] = []
    with store.engine.connect() as conn:  # the pool's one connection: the writer's
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
        for start in range(0, len(docs), batch):
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.commit()
            store.add_many(docs[start : start + batch])
            written += _frame_pages(
                db + "-wal", conn.exec_driver_sql("PRAGMA page_size").scalar_one()
            )
        owner = dict(conn.exec_driver_sql("SELECT pageno, name FROM dbstat").all())
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint=1000")
    by = Counter(owner.get(page, "?") for page in written)
    print(
        f"WAL pages {len(written) / len(docs):.1f} per document ({len(written)} in all); by owner:"
    )
    for name, pages in by.most_common():
        print(f"  {name:40} {pages / len(docs):6.2f}")


def _frame_pages(wal: str, page_size: int) -> list[int]:
    """The page of each distinct frame of a WAL file (a page written twice counts once)."""
    data = Path(wal).read_bytes()
    frames = (len(data) - 32) // (24 + page_size)
    found = {struct.unpack(">I", data[32 + i * (24 + page_size) : 36 + i * (24 + page_size)])[0]
             for i in range(frames)}  # fmt: skip
    return sorted(found)


def copy_database(source: str, target: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(source + suffix):
            shutil.copy(source + suffix, target + suffix)
        elif os.path.exists(target + suffix):
            os.remove(target + suffix)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=8000, help="documents already stored")
    parser.add_argument("--more", type=int, default=1000, help="documents timed")
    parser.add_argument("--db", required=True, help="SQLite file of the first --base")
    parser.add_argument("--build", action="store_true", help="store the first --base first")
    parser.add_argument("--profile", help="write a cProfile of the timed stretch here")
    parser.add_argument("--statements", action="store_true", help="CPU per kind of statement")
    parser.add_argument("--without", default="", help="triggers dropped from the copy (NAME,…)")
    parser.add_argument("--drop-index", default="", help="indexes dropped from the copy (NAME,…)")
    parser.add_argument("--pragma", default="", help="PRAGMA NAME=VALUE on the writer's connection")
    parser.add_argument("--pages", action="store_true", help="WAL pages per batch, by owner")
    parser.add_argument("--batch", type=int, default=100, help="documents per timed add_many")
    args = parser.parse_args(argv)
    # The first --base of the same --base + --more articles: a day cut at --base then has
    # its later articles timed, not some that come before stored ones (by_day sorts a
    # day's articles by id), which would be linked by the re-clustering path instead.
    docs = list(by_day(Corpus(15).articles(args.base + args.more)))
    if args.build:
        with Store(args.db) as store:
            for start in range(0, args.base, 100):
                store.add_many(docs[start : min(start + 100, args.base)])
        return 0
    work = args.db + ".work"
    copy_database(args.db, work)
    if args.without:
        drop_triggers(work, [n for n in args.without.split(",") if n])
    if args.drop_index:
        drop_indexes(work, [n for n in args.drop_index.split(",") if n])
    counts: Counter[str] = Counter()
    spent: Counter[str] = Counter()
    counted(counts)
    for name in STEPS:
        timed(linker, name, spent)
    with Store(work) as store:
        counts.clear()  # what migrating the copy to this code's schema cost is not counted
        spent.clear()

        def statement(*event: Any) -> None:
            counts["statements"] += 1
            if event[2].replace('"', "").startswith("INSERT INTO story_keys"):
                counts["key rows"] += len(event[3]) if event[5] else 1

        if args.pragma:
            with store.engine.connect() as conn:  # the pool's one connection: the writer's
                conn.exec_driver_sql(f"PRAGMA {args.pragma}")
        if args.pages:
            wal_pages(store, docs[args.base :], work, args.batch)
            return 0
        sa.event.listen(store.engine, "before_cursor_execute", statement)
        by_kind: Counter[str] = Counter()
        kind_calls: Counter[str] = Counter()
        if args.statements:
            timed_statements(store.engine, by_kind, kind_calls)
        times = os.times()
        more = docs[args.base :]
        profile = cProfile.Profile(time.process_time) if args.profile else None
        began = time.process_time()
        if profile:
            profile.enable()
        for start in range(0, len(more), args.batch):
            store.add_many(more[start : start + args.batch])
        if profile:
            profile.disable()
        cpu = time.process_time() - began
        system = os.times().system - times.system
    n = len(more)
    print(f"CPU {1000 * cpu / n:.2f} ms/doc, statements {counts['statements'] / n:.1f}, "
          f"resumed {counts['resumed'] / n:.2f} ({counts['tail'] / max(1, counts['resumed']):.1f} "
          f"tail members each), links {counts['links'] / n:.1f} "
          f"({counts['groups'] / max(1, counts['links']):.1f} groups each), story_keys rows "
          f"{counts['key rows'] / n:.1f} per document; load {os.getloadavg()[0]:.1f}")  # fmt: skip
    print("CPU ms/doc: " + ", ".join(f"{k} {1000 * spent[k] / n:.2f}" for k in STEPS))
    print(f"system CPU {1000 * system / n:.2f} ms/doc")
    if args.statements:
        total = sum(by_kind.values())
        print(f"statements and commits: {1000 * total / n:.2f} ms/doc; ms/doc (calls/doc):")
        for kind, took in by_kind.most_common():
            print(f"  {kind:40} {1000 * took / n:6.3f} ({kind_calls[kind] / n:.2f})")
    if profile and args.profile:
        profile.dump_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
