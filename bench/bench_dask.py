"""Whole ingest (read, extract, store) of one corpus: ``--workers N`` against ``--dask local:N``.

Each run is ``dateline ingest`` in a new process on a fresh SQLite file, wall clock
from start to exit (so model loading in every worker counts); the runs alternate so
that a change in the machine's load hits both. The corpus is ``bench/corpus.py``'s
text format.

    python bench/bench_dask.py --articles 200 --workers 2 --rounds 2
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import Corpus, seed_text


def ingest(corpus: Path, db: Path, options: list[str]) -> tuple[float, dict[str, object]]:
    command = [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", str(db), "-q"]
    began = time.perf_counter()
    done = subprocess.run([*command, "--json", *options], capture_output=True, text=True)
    took = time.perf_counter() - began
    if done.returncode not in (0, 1):
        raise SystemExit(f"ingest {' '.join(options)} failed:\n{done.stderr}")
    return took, json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=16)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for n, extraction in enumerate(Corpus(15).articles(args.articles)):
            (corpus / f"{n:06d}.txt").write_text(seed_text(extraction), encoding="utf-8")
        runs = {
            f"--workers {args.workers}": ["--workers", str(args.workers)],
            f"--dask local:{args.workers}": [
                "--dask", f"local:{args.workers}", "--partition-size", str(args.partition_size)
            ],
        }  # fmt: skip
        print(f"{'round':>5} {'run':<20} {'seconds':>8} {'articles/s':>10}  summary", flush=True)
        for round_ in range(1, args.rounds + 1):
            for name, options in runs.items():
                db = Path(tmp) / f"{round_}-{name.split()[0].strip('-')}.db"
                took, summary = ingest(corpus, db, options)
                counts = {k: summary[k] for k in ("added", "unchanged", "rejected", "events")}
                print(
                    f"{round_:>5} {name:<20} {took:>8.1f} {args.articles / took:>10.2f}  {counts}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
