"""Speed of ``dateline.timex.tag`` alone over the TBAQ documents, on one core.

Run: ``.venv/bin/python bench/bench_timex.py [TBAQ_DIR] [--repeat N]``
Prints the machine, then documents per second of wall-clock and of CPU time
(target: >= 250 docs/s).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

from dateline.evaluate.timeml import read_timeml
from dateline.timex import tag
from dateline.timex.rules import load_ruleset

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "tempeval3" / "tbaq"


def machine() -> str:
    """One line describing the machine and Python."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}; {os.cpu_count()} CPUs; Python {platform.python_version()} on {platform.system()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tbaq", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    docs = [read_timeml(path) for path in sorted(args.tbaq.rglob("*.tml"))]
    if not docs:
        print(f"no .tml files under {args.tbaq}", file=sys.stderr)
        return 1
    load_ruleset()  # loading the rules once is start-up, not tagging
    best = best_cpu = float("inf")
    for _ in range(args.repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        count = sum(len(tag(doc.text, doc.dct)) for doc in docs)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    chars = sum(len(doc.text) for doc in docs)
    print(f"machine: {machine()}")
    print(
        f"documents: {len(docs)} ({chars / len(docs):.0f} characters on average), timexes: {count}"
    )
    print(f"tag(): {len(docs) / best:.0f} docs/s on one core (best of {args.repeat}: {best:.2f} s)")
    # CPU time counts less of the other jobs on a shared machine than the wall clock does
    print(f"tag(): {len(docs) / best_cpu:.0f} docs/s of CPU time (best: {best_cpu:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
