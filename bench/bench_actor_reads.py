"""An actor's reads at several sizes of actor, CPU per read (issue 15's seventeenth round).

On a database ``bigdb.py`` wrote (its copy opened by each version of the code, which
migrates it), for the busiest actor and the actors nearest 3,500, 1,000, 100 and 10
``event_actors`` rows: a page of its timeline, the whole timeline (up to 4,000 rows), the
count of its events capped as ``/api/events`` counts and uncapped, capped with a type,
its stories (a page and their count), and ``/api/actors``. Each read runs once, then
``REPEAT`` times; the CPU time of this process (SQLite runs in it) is printed as p50 and
p95 with the wall-clock p50, since a shared machine's load inflates wall clock, much
less CPU time. Run it with each tree's ``src`` first on the path to compare two versions:

    python bench/bigdb.py --events 100000 --out /tmp/big.db
    python bench/bench_actor_reads.py /tmp/big.db 15

The last line is the process's resident memory before and after the reads (they run on
one pooled connection, whose page cache is ``DATELINE_READ_CACHE_MB`` at most).
"""

from __future__ import annotations

import os
import resource
import sqlite3
import sys
import time
from collections.abc import Callable
from typing import Any

from dateline.link.listing import count_stories, list_stories
from dateline.store import Store
from dateline.store.engine import reading
from dateline.timeline import count_events, timeline
from dateline.web.reads import actors

SIZES = (3500, 1000, 100, 10)


def picked(db: str) -> list[tuple[str, int]]:
    """The busiest actor and the actors nearest each of SIZES rows, with their rows."""
    raw = sqlite3.connect(db)
    try:
        counts = raw.execute(
            "SELECT actor_id, count(*) AS c FROM event_actors GROUP BY actor_id "
            "ORDER BY c DESC, actor_id"
        ).fetchall()
    finally:
        raw.close()
    return [counts[0], *(min(counts, key=lambda r: (abs(r[1] - n), r[0])) for n in SIZES)]


def run(store: Store, name: str, read: Callable[[Any], Any], repeat: int) -> None:
    cpu, wall = [], []
    with reading(store.engine) as conn:
        read(conn)
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        with reading(store.engine) as conn:
            out = read(conn)
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
    cpu.sort()
    wall.sort()
    p95 = cpu[max(0, -(-95 * len(cpu) // 100) - 1)]
    size = out if isinstance(out, int) else len(out)
    print(f"  {name:<44} cpu p50 {cpu[len(cpu) // 2]:8.2f} p95 {p95:8.2f}  "
          f"wall p50 {wall[len(wall) // 2]:8.2f}  n={size}")  # fmt: skip


def actor_reads(actor: str, rows: int) -> dict[str, Callable[[Any], Any]]:
    """The reads of one actor with ``rows`` event_actors rows, each a function of a
    connection."""
    return {
        "timeline --limit 100": lambda c: timeline(c, actor=actor, limit=100),
        "timeline (all)": lambda c: timeline(c, actor=actor) if rows <= 4000 else [],
        "count, capped 1001": lambda c: count_events(c, actor=actor, cap=1001),
        "count": lambda c: count_events(c, actor=actor),
        "count + type, capped 1001": lambda c: count_events(c, actor=actor, type="MEET", cap=1001),
        "stories --limit 50": lambda c: list_stories(c, actor=actor, limit=50),
        "count_stories": lambda c: count_stories(c, actor=actor),
    }


def rss_mib() -> float:
    """This process's resident memory now (Linux), in MiB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    db, repeat = argv[0], int(argv[1]) if len(argv) > 1 else 15
    store = Store(db)
    before = rss_mib()
    with store.engine.connect() as conn:
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event_actors'"
        )
        print("event_actors indexes:", [r[0] for r in names])
    for actor, rows in picked(db):
        print(f"actor {actor} ({rows} event_actors rows)")
        for name, read in actor_reads(actor, rows).items():
            run(store, name, read, repeat)
    run(store, "/api/actors limit=200", lambda c: actors(c, None, 200), repeat)
    run(store, "/api/actors q=a limit=50", lambda c: actors(c, "a", 50), repeat)
    # the reads ran on one pooled connection: its page cache is most of what they added
    after, peak = rss_mib(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"RSS MiB: {before:.1f} before the reads, {after:.1f} after, peak {peak:.1f}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
