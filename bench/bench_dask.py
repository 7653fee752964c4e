"""Whole ingest (read, extract, store) of one corpus: ``--workers N`` against ``--dask local:N``.

Each run is ``dateline ingest`` in a new process on a fresh SQLite file, wall clock
from start to exit (so model loading in every worker counts), and the CPU time of that
process and its workers (the Dask workers are its nanny's children); the runs alternate
so that a change in the machine's load hits both. The corpus is ``bench/corpus.py``'s
text format. ``--code NAME=SRC`` runs each of several source trees in turn (``SRC``
first on the path), to compare two versions of the code in one run.

    python bench/bench_dask.py --articles 200 --workers 2 --rounds 2
    python bench/bench_dask.py --articles 800 --code main=../main/src branch=src
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import Corpus, seed_text


def children_cpu() -> float:
    """CPU seconds of this script's finished children and theirs (each ingest's workers)."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def ingest(
    corpus: Path, db: Path, options: list[str], src: str | None = None
) -> tuple[float, float, dict[str, object]]:
    """Wall and CPU seconds of one ``dateline ingest`` process, and its ``--json`` summary."""
    command = [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", str(db), "-q"]
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    cpu, began = children_cpu(), time.perf_counter()
    done = subprocess.run([*command, "--json", *options], capture_output=True, text=True, env=env)
    took, cpu = time.perf_counter() - began, children_cpu() - cpu
    if done.returncode not in (0, 1):
        raise SystemExit(f"ingest {' '.join(options)} failed:\n{done.stderr}")
    return took, cpu, json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=16)
    parser.add_argument("--code", nargs="*", default=[], metavar="NAME=SRC")
    parser.add_argument("--only", choices=["workers", "dask"])
    args = parser.parse_args(argv)
    trees = dict(pair.split("=", 1) for pair in args.code) or {"": None}
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
        if args.only:
            runs = {k: v for k, v in runs.items() if args.only in k}
        print(
            f"{'round':>5} {'code':<8} {'run':<20} {'seconds':>8} {'articles/s':>10} "
            f"{'CPU s':>7} {'CPU ms/art':>10} {'load':>5}  summary",
            flush=True,
        )
        for round_ in range(1, args.rounds + 1):
            for code, src in trees.items():
                for name, options in runs.items():
                    db = Path(tmp) / f"{round_}-{code}-{name.split()[0].strip('-')}.db"
                    took, cpu, summary = ingest(corpus, db, options, src)
                    counts = {k: summary[k] for k in ("added", "unchanged", "rejected", "events")}
                    print(
                        f"{round_:>5} {code:<8} {name:<20} {took:>8.1f} "
                        f"{args.articles / took:>10.2f} {cpu:>7.1f} "
                        f"{1000 * cpu / args.articles:>10.1f} {os.getloadavg()[0]:>5.1f}  {counts}",
                        flush=True,
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
