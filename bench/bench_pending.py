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
- ``alone`` (PostgreSQL): :func:`dateline.link.query.read_pending_page`, the page as a
  read of its own, one round trip (``/api/pending`` on PostgreSQL since the twelfth round);

each as a summary (``view=summary``) and with whole stories, as of the middle of the
archive (by documents) and ten days before its last article. On a PostgreSQL server of
this machine whose backends' ``/proc/PID/stat`` this process may read (as root or as the
server's user), the server's CPU per read too: the mean over the runs (the kernel counts
it in ticks of 10 ms, too coarse for a percentile of single runs).

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


class Counter:
    """The statements a read sends and the PostgreSQL backends it ran on."""

    def __init__(self) -> None:
        self.sent = 0
        self.backends: set[int] = set()

    def server_cpu(self) -> float | None:
        """CPU ms the backends used so far (user and system); None when unreadable."""
        total = 0.0
        for pid in self.backends:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return None
            total += (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
        return total if self.backends else None


def measure(
    read: Read, repeat: int, counter: Counter
) -> tuple[list[float], list[float], int, float | None]:
    """Wall and CPU ms of ``repeat`` runs after a warm-up, the stories of the page, and the
    server's CPU ms per run (mean; None unless PostgreSQL's backends can be read)."""
    page, _ = read()
    wall, cpu = [], []
    server = counter.server_cpu()
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        page, _ = read()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    after = counter.server_cpu()
    served = None if server is None or after is None else (after - server) / repeat
    return wall, cpu, len(page), served


def library_reads(url: str, days: dict[str, str], limit: int) -> dict[str, tuple[Read, Counter]]:
    """The library's page on the database at ``url``, with a counter of its statements."""
    from sqlalchemy import event

    from dateline.link.query import pending_page, read_pending_page
    from dateline.store import Store
    from dateline.store.engine import reading

    store = Store(url)
    counter = Counter()

    def count(*_: Any) -> None:
        counter.sent += 1

    def traced(statement: str) -> None:
        if not statement.startswith(("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")):
            counter.sent += 1

    if store.engine.dialect.name == "sqlite":  # the fast path's statements go by sqlite3
        store.engine.dispose()
        event.listen(store.engine, "connect", lambda c, _: c.set_trace_callback(traced))
    else:
        event.listen(store.engine, "before_cursor_execute", count)

        def checked_out(driver: Any, *_: Any) -> None:
            counter.backends.add(driver.info.backend_pid)

        event.listen(store.engine, "checkout", checked_out)
    where = store.engine.dialect.name
    reads = {}
    for name, day in days.items():
        for summary in (True, False):

            def run(day: str = day, summary: bool = summary) -> Any:
                with reading(store.engine) as conn:
                    return pending_page(conn, day, limit=limit, summary=summary)

            def alone(day: str = day, summary: bool = summary) -> Any:
                return read_pending_page(store.engine, day, limit=limit, summary=summary)

            view = "summary" if summary else "whole"
            reads[f"{where} library {name} {view}"] = (run, counter)
            if where == "postgresql":  # the page as a read of its own: one round trip
                reads[f"{where} alone {name} {view}"] = (alone, counter)
    return reads


def fastpath_reads(db: Path, days: dict[str, str], limit: int) -> dict[str, tuple[Read, Counter]]:
    """The fast path's page on a read-only ``sqlite3`` connection to ``db``."""
    from dateline.fastpath.pending import pending_page

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
    counter = Counter()

    def count(statement: str) -> None:
        if not statement.startswith(("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")):
            counter.sent += 1

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
            reads[f"sqlite fastpath {name} {view}"] = (run, counter)
    return reads


def missing_migrations(db: Path) -> list[int]:
    """The migrations dateline would run on the SQLite file ``db`` when it opens it: opening
    a store migrates it, which on a database of a million events takes many minutes and
    rewrites it, so a benchmark asks first."""
    from dateline.fastpath import SCHEMA_VERSIONS

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        have = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    return sorted(SCHEMA_VERSIONS - have)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a store made by bigdb.py")
    parser.add_argument(
        "--migrate",
        action="store_true",
        help="run the migrations the database lacks (without it, a database behind the "
        "code is refused: migrating a million events takes many minutes and rewrites it)",
    )
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
    missing = missing_migrations(args.db)
    if missing and not args.migrate:
        print(
            f"{args.db}: the database lacks migrations {missing}; opening it would run them "
            "(pass --migrate to let it, or build a new one with bigdb.py)",
            file=sys.stderr,
        )
        return 2
    if args.days:  # then --db need not hold documents (PostgreSQL reads alone)
        days = dict(zip(("middle", "end"), args.days, strict=True))
    else:
        last = date.fromisoformat(_last_day(args.db))
        days = {"middle": _middle_day(args.db), "end": (last - timedelta(days=10)).isoformat()}
    print(f"as of: {days}; load average {os.getloadavg()}", flush=True)
    reads = {**library_reads(str(args.db), days, args.limit)}
    reads.update(fastpath_reads(args.db, days, args.limit))
    if args.pg:
        reads.update(library_reads(args.pg, days, args.limit))
    if args.only:
        reads = {k: v for k, v in reads.items() if any(o in k for o in args.only)}
    print(f"  {'read':<36} {'wall p50':>8} {'p95':>7} {'CPU p50':>8} {'p95':>7} "
          f"{'server':>7} {'stmts':>5} {'rows':>5}")  # fmt: skip
    for round in range(args.rounds):
        print(f"round {round + 1}, load average {os.getloadavg()[0]:.1f}", flush=True)
        for name, (read, counter) in reads.items():
            counter.sent = 0
            read()
            statements = counter.sent
            wall, cpu, rows, server = measure(read, args.repeat, counter)
            (w50, w95), (c50, c95) = percentiles(wall), percentiles(cpu)
            served = "-" if server is None else f"{server:.1f}"
            print(f"  {name:<36} {w50:>8.1f} {w95:>7.1f} {c50:>8.1f} {c95:>7.1f} "
                  f"{served:>7} {statements:>5} {rows:>5}", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
