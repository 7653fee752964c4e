"""``dateline stories`` at a million events, with an actor and a state (issue 14, twelfth round).

On a database made by ``bigdb.py`` (and, with ``--pg``, its copy made by ``pgcopy.py``),
each read runs ``--repeat`` times after a warm-up: wall-clock p50 / p95 ms, this
process's CPU p50 ms (on PostgreSQL the wall clock includes the server's work), the
stories returned and a hash of them (the same hash from two versions of the code: the same
answers). The reads:

- ``library``: :func:`dateline.link.listing.list_stories` (and, with ``--count``,
  ``count_stories``, what ``/api/stories`` adds) through SQLAlchemy: the Python API, and
  ``dateline stories`` when the fast path leaves it;
- ``fastpath``: :func:`dateline.fastpath.stories.list_stories` on a ``sqlite3``
  connection (``dateline stories`` on a SQLite file) or, with ``--pg``, on libpq.

Run it with the code to measure first on ``PYTHONPATH``:

    PYTHONPATH=src python bench/bench_stories.py --db /tmp/big.db [--pg URL]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_reads import percentiles

BUSY = "person-04813"  # bigdb.py's busiest actor: one event of five
# (name, filters, limit): the busiest actor alone and with a state, a status, a type;
# a rarer actor; a state without an actor
READS: list[tuple[str, dict[str, str], int]] = [
    ("busy", {"actor": BUSY}, 20),
    ("busy state=dated", {"actor": BUSY, "state": "dated"}, 20),
    ("busy state=planned", {"actor": BUSY, "state": "planned"}, 20),
    ("busy state=cancelled", {"actor": BUSY, "state": "cancelled"}, 20),
    ("busy type=VISIT", {"actor": BUSY, "type": "VISIT"}, 20),
    ("rare", {"actor": "person-02500"}, 20),
    ("rare state=occurred", {"actor": "person-02500", "state": "occurred"}, 20),
    ("state=occurred", {"state": "occurred"}, 20),
    ("state=planned", {"state": "planned"}, 20),
]


def digest(stories: list[dict[str, Any]]) -> str:
    text = json.dumps(stories, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def library_reads(url: str, count: bool) -> dict[str, Callable[[], Any]]:
    from dateline.link.listing import count_stories, list_stories
    from dateline.store import Store
    from dateline.store.engine import reading

    store = Store(url)
    where = store.engine.dialect.name
    reads: dict[str, Callable[[], Any]] = {}
    for name, filters, limit in READS:

        def run(filters: dict[str, str] = filters, limit: int = limit) -> Any:
            with reading(store.engine) as conn:
                return list_stories(conn, limit=limit, **filters)  # type: ignore[arg-type]

        reads[f"{where} library {name}"] = run
        if count:

            def counted(filters: dict[str, str] = filters) -> Any:
                with reading(store.engine) as conn:
                    return [{"total": count_stories(conn, **filters)}]  # type: ignore[arg-type]

            reads[f"{where} library count {name}"] = counted
    return reads


def fastpath_reads(source: Path | str) -> dict[str, Callable[[], Any]]:
    from dateline.fastpath import _connect
    from dateline.fastpath.stories import list_stories

    where = "sqlite" if isinstance(source, Path) else "postgresql"
    reads: dict[str, Callable[[], Any]] = {}
    for name, filters, limit in READS:

        def run(filters: dict[str, str] = filters, limit: int = limit) -> Any:
            with _connect(source) as conn:
                return list_stories(conn, dict(filters), limit)

        reads[f"{where} fastpath {name}"] = run
    return reads


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a store made by bigdb.py")
    parser.add_argument("--pg", metavar="URL", help="its copy on PostgreSQL (pgcopy.py)")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--count", action="store_true", help="count_stories too (the API's)")
    parser.add_argument(
        "--only", nargs="*", default=[], help="run only reads whose name holds one of these"
    )
    args = parser.parse_args(argv)
    reads: dict[str, Callable[[], Any]] = {}
    if args.db:
        reads.update(fastpath_reads(args.db))
        reads.update(library_reads(str(args.db), args.count))
    if args.pg:
        reads.update(fastpath_reads(args.pg))
        reads.update(library_reads(args.pg, args.count))
    if args.only:
        reads = {k: v for k, v in reads.items() if any(o in k for o in args.only)}
    print(f"load average {os.getloadavg()}", flush=True)
    print(f"  {'read':<44} {'wall p50':>8} {'p95':>8} {'CPU p50':>8} {'rows':>5} {'answer':>12}")
    for name, read in reads.items():
        found = read()
        wall, cpu = [], []
        for _ in range(args.repeat):
            began, began_cpu = time.perf_counter(), time.process_time()
            found = read()
            wall.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
        (w50, w95), (c50, _) = percentiles(wall), percentiles(cpu)
        print(f"  {name:<44} {w50:>8.1f} {w95:>8.1f} {c50:>8.1f} {len(found):>5} "
              f"{digest(found):>12}", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
