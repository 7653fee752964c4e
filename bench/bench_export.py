"""How long ``dateline export`` takes, and how much memory it holds, per format.

The database is built as ``bench_link.py`` builds it (synthetic two-article stories,
one event per article, written straight into SQLite), plus one timex per document
so that the TimeML export has TIMEX3s to write. Each format then runs in a fresh
process: ``base`` is its resident set size after its imports and opening the
database; then Linux's peak counter is reset (``/proc/self/clear_refs``) and ``peak``
is the highest resident set size while exporting.
``timeline()`` loads every event into one list, as ``dateline events --json`` does:
the export's pages are there to keep memory away from that line.

    .venv/bin/python bench/bench_export.py                    # 10k and 100k events
    .venv/bin/python bench/bench_export.py --events 100000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_link import Generator, actor_rows, grow
from sqlalchemy import insert, select

from dateline.store import Store
from dateline.store import schema as t

FORMATS = ("csv", "jsonl", "parquet", "ics", "timeml", "timeline()")


def build(path: Path, events: int) -> None:
    """``events`` events (``events // 2`` stories) and one timex per document."""
    store = Store(str(path))
    with store.engine.begin() as conn:
        conn.execute(insert(t.actors), actor_rows())
    grow(store, Generator(), 0, events // 2)
    with store.engine.begin() as conn:
        docs = conn.execute(select(t.documents.c.id, t.documents.c.dct)).all()
        timexes = [
            {"document_id": d.id, "start": 10, "end": 15, "text": "bench", "type": "DATE",
             "value": d.dct, "earliest": d.dct, "latest": d.dct, "granularity": "day"}
            for d in docs
        ]  # fmt: skip
        conn.execute(insert(t.timexes), timexes)
    store.close()


def run_one(db: str, fmt: str, out: str) -> dict[str, Any]:
    """One export in this process: wall and CPU seconds, base and peak RSS in MiB."""
    # imported before "base": the modules' memory is not the export's
    import dateline.export.ics
    import dateline.export.tables
    import dateline.export.timeml  # noqa: F401
    from dateline.export import export
    from dateline.store.engine import reading
    from dateline.timeline import timeline

    if fmt == "parquet":
        import pyarrow.parquet  # noqa: F401
    store = Store(db)
    base = _mib("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # peak RSS := current RSS
    wall, cpu = time.perf_counter(), time.process_time()
    if fmt == "timeline()":
        with reading(store.engine) as conn:
            written = len(timeline(conn))
    else:
        written = export(store.engine, fmt, out).events
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = _mib("VmHWM")
    store.close()
    return {"events": written, "wall": wall, "cpu": cpu, "base": base, "peak": peak}


def _mib(field: str) -> float:
    """A line of /proc/self/status (VmRSS: now; VmHWM: peak since the last reset) in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status (Linux only)")


def measure(db: Path, fmt: str, out: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--run", fmt, "--db", str(db), "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    result["size"] = sum(p.stat().st_size for p in [out, *out.glob("*")] if p.is_file())
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        print(json.dumps(run_one(args.db, args.run, args.out)))
        return 0
    print(f"{'events':>8}  {'format':<11} {'wall s':>7} {'cpu s':>7} {'base MiB':>9} "
          f"{'peak MiB':>9} {'out MiB':>8}")  # fmt: skip
    for size in args.events:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.db"
            build(db, size)
            for fmt in FORMATS:
                out = Path(tmp) / ("tml" if fmt == "timeml" else f"out.{fmt.strip('()')}")
                r = measure(db, fmt, out)
                print(f"{r['events']:>8,}  {fmt:<11} {r['wall']:>7.1f} {r['cpu']:>7.1f} "
                      f"{r['base']:>9.0f} {r['peak']:>9.0f} {r['size'] / 2**20:>8.1f}",
                      flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
