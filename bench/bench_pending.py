"""A pending page at a million events, as each caller reads it (issue 14, sixth round).

On a database made by ``bigdb.py`` (and, with ``--pg``, its copy made by ``pgcopy.py``),
each read runs ``--repeat`` times after a warm-up, ``--rounds`` times in turn; for each:
wall-clock p50 / p95 ms, this process's CPU p50 / p95 ms (on PostgreSQL the wall clock
includes the server's work, the CPU column is the client's only), the statements sent
and the stories returned. The reads:

- ``library``: :func:`dateline.link.query.pending_page` through SQLAlchemy (the Python
  API's ``db.pending``, ``dateline pending`` on PostgreSQL, ``/api/pending`` on PostgreSQL);
- ``fastpath``: :func:`dateline.fastpath.pending.pending_page` on a ``sqlite3``
  connection (``dateline pending`` and ``/api/pending`` on SQLite);

each as a summary (``view=summary``) and with whole stories, as of the middle of the
archive (by documents) and ten days before its last article.

    python bench/bench_pending.py --db /tmp/big.db --pg postgresql+psycopg://…/big
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench_reads import _last_day, _middle_day, percentiles

Read = Callable[[], tuple[list[dict[str, Any]], int]]


def measure(read: Read, repeat: int) -> tuple[list[float], list[float], int]:
    """Wall and CPU ms of ``repeat`` runs after a warm-up, and the stories of the page."""
    page, _ = read()
    wall, cpu = [], []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        page, _ = read()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return wall, cpu, len(page)


def library_reads(url: str, days: dict[str, str], limit: int) -> dict[str, tuple[Read, Any]]:
    """The library's page on the database at ``url``, with a counter of its statements."""
    from sqlalchemy import event

    from dateline.link.query import pending_page
    from dateline.store import Store
    from dateline.store.engine import reading

    store = Store(url)
    sent: list[int] = [0]

    def count(*_: Any) -> None:
        sent[0] += 1

    def traced(statement: str) -> None:
        if not statement.startswith(("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")):
            sent[0] += 1

    if store.engine.dialect.name == "sqlite":  # the fast path's statements go by sqlite3
        store.engine.dispose()
        event.listen(store.engine, "connect", lambda c, _: c.set_trace_callback(traced))
    else:
        event.listen(store.engine, "before_cursor_execute", count)
    where = store.engine.dialect.name
    reads = {}
    for name, day in days.items():
        for summary in (True, False):

            def run(day: str = day, summary: bool = summary) -> Any:
                with reading(store.engine) as conn:
                    return pending_page(conn, day, limit=limit, summary=summary)

            view = "summary" if summary else "whole"
            reads[f"{where} library {name} {view}"] = (run, sent)
    return reads


def fastpath_reads(db: Path, days: dict[str, str], limit: int) -> dict[str, tuple[Read, Any]]:
    """The fast path's page on a read-only ``sqlite3`` connection to ``db``."""
    from dateline.fastpath.pending import pending_page

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
    sent: list[int] = [0]

    def count(statement: str) -> None:
        if not statement.startswith(("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")):
            sent[0] += 1

    conn.set_trace_callback(count)
    reads = {}
    for name, day in days.items():
        for summary in (True, False):

            def run(day: str = day, summary: bool = summary) -> Any:
                conn.execute("BEGIN")
                try:
                    return pending_page(conn, day, limit=limit, offset=0, summary=summary)
                finally:
                    conn.execute("COMMIT")

            view = "summary" if summary else "whole"
            reads[f"sqlite fastpath {name} {view}"] = (run, sent)
    return reads


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a store made by bigdb.py")
    parser.add_argument("--pg", metavar="URL", help="its copy on PostgreSQL (pgcopy.py)")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument(
        "--only", nargs="*", default=[], help="run only reads whose name holds one of these"
    )
    parser.add_argument(
        "--days", nargs=2, metavar=("MIDDLE", "END"), help="as-of days (default: from --db)"
    )
    args = parser.parse_args(argv)
    last = date.fromisoformat(_last_day(args.db))
    days = {"middle": _middle_day(args.db), "end": (last - timedelta(days=10)).isoformat()}
    if args.days:
        days = dict(zip(("middle", "end"), args.days, strict=True))
    print(f"as of: {days}; load average {os.getloadavg()}", flush=True)
    reads = {**library_reads(str(args.db), days, args.limit)}
    reads.update(fastpath_reads(args.db, days, args.limit))
    if args.pg:
        reads.update(library_reads(args.pg, days, args.limit))
    if args.only:
        reads = {k: v for k, v in reads.items() if any(o in k for o in args.only)}
    print(f"  {'read':<36} {'wall p50':>8} {'p95':>7} {'CPU p50':>8} {'p95':>7} "
          f"{'stmts':>5} {'rows':>5}")  # fmt: skip
    for round in range(args.rounds):
        print(f"round {round + 1}, load average {os.getloadavg()[0]:.1f}", flush=True)
        for name, (read, sent) in reads.items():
            sent[0] = 0
            read()
            statements = sent[0]
            wall, cpu, rows = measure(read, args.repeat)
            (w50, w95), (c50, c95) = percentiles(wall), percentiles(cpu)
            print(f"  {name:<36} {w50:>8.1f} {w95:>7.1f} {c50:>8.1f} {c95:>7.1f} "
                  f"{statements:>5} {rows:>5}", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
