"""How long the story and timeline reads take as the database grows (1k, 10k, 100k stories).

The database is built as ``bench_link.py`` builds it (synthetic two-article stories,
25 a day, written straight into SQLite); then each read runs a few times and the
best wall-clock time, the best CPU time of this process (SQLite runs in it; a loaded
machine inflates wall clock much more) and the number of SQL statements it sent are
printed.

    .venv/bin/python bench/bench_query.py            # 1k, 10k, 100k stories
    .venv/bin/python bench/bench_query.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_link import Generator, actor_rows, grow
from sqlalchemy import event, insert

from dateline.link import list_stories
from dateline.store import Store
from dateline.store import schema as t
from dateline.timeline import timeline


def reads(store: Store, gen: Generator, size: int) -> dict[str, Callable[[], Any]]:
    """The reads measured; dates are near the end of the archive."""
    day = gen.story_day(size - 1)
    month = (day.replace(day=1).isoformat(), day.isoformat())

    def on_conn(fn: Callable[[Any], Any]) -> Callable[[], Any]:
        def run() -> Any:
            with store.engine.connect() as conn:
                return fn(conn)

        return run

    return {
        "pending --as-of 10 days back": lambda: store.pending(as_of=gen.story_day(size - 250)),
        "stories --limit 50": on_conn(lambda c: list_stories(c, limit=50)),
        "stories --from/--to month": on_conn(lambda c: list_stories(c, *[None] * 3, *month)),
        "timeline --limit 100": on_conn(lambda c: timeline(c, limit=100)),
        "timeline --from/--to month": on_conn(
            lambda c: timeline(c, date_from=month[0], date_to=month[1])
        ),
    }


def measure(
    store: Store, read: Callable[[], Any], repeat: int = 3
) -> tuple[float, float, int, int]:
    """(best wall ms, best CPU ms, statements, rows) of ``read``."""
    sent: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    best = cpu = float("inf")
    rows = 0
    for _ in range(repeat):
        sent.clear()
        event.listen(store.engine, "before_cursor_execute", count)
        began, cpu_began = time.perf_counter(), time.process_time()
        rows = len(read())
        best = min(best, time.perf_counter() - began)
        cpu = min(cpu, time.process_time() - cpu_began)
        event.remove(store.engine, "before_cursor_execute", count)
    return best * 1000, cpu * 1000, len(sent), rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        with store.engine.begin() as conn:
            conn.execute(insert(t.actors), actor_rows())
        gen, built = Generator(), 0
        print(f"{'stories':>9}  {'read':<28} {'ms':>8} {'cpu ms':>8} {'stmts':>6} {'rows':>6}")
        for size in sorted(args.sizes):
            grow(store, gen, built, size)
            built = size
            for name, read in reads(store, gen, size).items():
                ms, cpu, statements, rows = measure(store, read)
                print(
                    f"{size:>9,}  {name:<28} {ms:>8.1f} {cpu:>8.1f} {statements:>6} {rows:>6}",
                    flush=True,
                )
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
