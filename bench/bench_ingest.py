"""Full ingest against spaCy alone on the same articles, with 1 and N worker processes.

Each run is a fresh process (this script with ``--run``) that loads its model, then
times one call, wall clock: ``nlp.pipe(texts, n_process=W)`` for spaCy alone, or
``dateline.ingest.ingest(..., workers=W)`` (read, extract, store and link into a fresh
SQLite file) for the full ingest. Model loading is left out of both, so that the
ratio is that of the work per article. Two baselines: the English model as spaCy
loads it (``spacy`` — what a spaCy user runs) and as dateline loads it (``model`` —
NumPy's BLAS, dateline's attribute ruler; the same model and components without
dateline's own steps). Runs alternate within a round so that a change in the
machine's load hits all of them. Also printed: each run's peak resident memory per
process (the parent's, and the largest worker's).

Articles: ``bench/corpus.py`` text files (about 2,550 characters), or with
``--realnews DIR`` the real articles of DIR repeated, each copy made unique by a
last line (ingest stores a text once).

    python bench/bench_ingest.py --articles 200 --workers 1 2 --rounds 2
    python bench/bench_ingest.py --realnews ../shared/data/realnews --articles 120
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
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from corpus import Corpus, seed_text

BATCH = 32  # spaCy batch, as ingest uses


def write_corpus(folder: Path, count: int, realnews: str | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if realnews is None:
        for n, extraction in enumerate(Corpus(15).articles(count)):
            (folder / f"{n:06d}.txt").write_text(seed_text(extraction), encoding="utf-8")
        return
    sources = sorted(Path(realnews).glob("*.txt"))
    for n in range(count):
        source = sources[n % len(sources)]
        text = source.read_text(encoding="utf-8").rstrip("\n")
        (folder / f"{n:06d}-{source.name}").write_text(f"{text}\n\n(Copy {n}.)\n", "utf-8")


def texts_of(folder: Path) -> list[str]:
    from dateline.read import read_paths

    return [a.text for a in read_paths([str(folder)]) if not isinstance(a, Exception)]


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (worker processes)."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def peak_mb() -> tuple[float, float]:
    """Peak resident set of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


def run_one(kind: str, folder: Path, workers: int, db: Path) -> dict[str, Any]:
    """One timed run in this process (``--run``)."""
    if kind == "ingest":
        from dateline.annotate import load_nlp
        from dateline.ingest import ingest
        from dateline.store import Store

        load_nlp()  # what ingest uses, loaded before the clock starts
        with Store(str(db)) as store:
            began, cpu = time.perf_counter(), cpu_seconds()
            summary = ingest([str(folder)], store, workers=workers)
            took, cpu = time.perf_counter() - began, cpu_seconds() - cpu
        return {"seconds": took, "cpu": cpu, "added": summary.added, "events": summary.events}
    from dateline.annotate import find_model, load_model
    from dateline.attribute_ruler import speed_up

    texts = texts_of(folder)
    module = find_model()[1]
    if kind == "spacy":
        nlp = module.load()
    else:
        nlp = load_model(module)
        speed_up(nlp)
    began, cpu = time.perf_counter(), cpu_seconds()
    docs = sum(1 for _ in nlp.pipe(texts, batch_size=BATCH, n_process=workers))
    took, cpu = time.perf_counter() - began, cpu_seconds() - cpu
    return {"seconds": took, "cpu": cpu, "added": docs, "events": 0}


def spawn(kind: str, folder: Path, workers: int, db: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--run", kind, "--folder", str(folder),
               "--workers", str(workers), "--db", str(db)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{kind} with {workers} workers failed:\n{done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--baselines", nargs="+", default=["spacy", "model"])
    parser.add_argument("--realnews", help="folder of real articles to repeat")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        result = run_one(args.run, Path(args.folder), args.workers[0], Path(args.db))
        result["peak_mb"], result["worker_peak_mb"] = peak_mb()
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, args.articles, args.realnews)
        texts = texts_of(folder)
        words = sum(len(t.split()) for t in texts)
        print(f"{len(texts)} articles, {words / len(texts):.0f} words and "
              f"{sum(map(len, texts)) / len(texts):.0f} characters each on average")  # fmt: skip
        print(f"{'round':>5} {'run':<8} {'workers':>7} {'s':>6} {'articles/s':>10} {'words/s':>8} "
              f"{'x spacy':>7} {'x model':>7} {'CPU ms/art':>10} {'x spacy':>7} {'peak MB':>7} "
              f"{'worker MB':>9}  load")  # fmt: skip
        for round_ in range(1, args.rounds + 1):
            for workers in args.workers:
                rates: dict[str, float] = {}
                cpus: dict[str, float] = {}
                for kind in [*args.baselines, "ingest"]:
                    db = Path(tmp) / f"{round_}-{workers}-{kind}.db"
                    r = spawn(kind, folder, workers, db)
                    rate = len(texts) / r["seconds"]
                    rates[kind] = rate
                    cpus[kind] = 1000 * r["cpu"] / len(texts)
                    cpu_ratio = cpus["spacy"] / cpus[kind] if "spacy" in cpus else 0.0
                    ratios = [f"{rate / rates[b]:>7.2f}" if b in rates else f"{'-':>7}"
                              for b in ("spacy", "model")]  # fmt: skip
                    worker = f"{r['worker_peak_mb']:>9.0f}" if workers > 1 else f"{'-':>9}"
                    print(f"{round_:>5} {kind:<8} {workers:>7} {r['seconds']:>6.1f} "
                          f"{rate:>10.2f} {rate * words / len(texts):>8.0f} {' '.join(ratios)} "
                          f"{cpus[kind]:>10.1f} {cpu_ratio:>7.2f} {r['peak_mb']:>7.0f} {worker}  "
                          f"{os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
