"""Speed and memory of the readers on large synthetic inputs written to a temp folder.

Usage: .venv/bin/python bench/bench_read.py

Prints seconds and peak traced memory for a 50 MB JSON Lines file of 100,000 short
articles, for a single 50 MB JSON line (rejected, never held whole), and for 1,000
files in dateline's text format.
"""

from __future__ import annotations

import json
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from dateline.read import read_paths


def measure(label: str, paths: list[str]) -> None:
    tracemalloc.start()
    start = time.perf_counter()
    articles = rejects = 0
    for item in read_paths(paths):
        if isinstance(item, Exception):
            rejects += 1
        else:
            articles += 1
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    counts = f"{articles} articles, {rejects} rejects"
    print(f"{label}: {elapsed:.2f} s, peak {peak / 1e6:.1f} MB, {counts}")


def write(folder: Path, name: str, fill: Callable[[Path], None]) -> str:
    path = folder / name
    fill(path)
    return str(path)


def many_lines(path: Path) -> None:
    body = "The ministers met in Lima on Monday for border talks. " * 8
    with path.open("w", encoding="utf-8") as out:
        for n in range(100_000):
            row = {"date": "2025-03-03", "title": f"Report {n}", "text": body}
            out.write(json.dumps(row) + "\n")


def one_huge_line(path: Path) -> None:
    path.write_text(json.dumps({"date": "2025-03-03", "text": "x" * 50_000_000}) + "\n")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        measure("50 MB JSONL, 100,000 lines", [write(folder, "synthetic_big.jsonl", many_lines)])
        measure("one 50 MB JSON line", [write(folder, "synthetic_huge.jsonl", one_huge_line)])
        texts = folder / "texts"
        texts.mkdir()
        for n in range(1000):
            (texts / f"synthetic_{n}.txt").write_text(
                f"date 2025-03-03  Report {n}\n\nThe ministers met in Lima on Monday.\n"
            )
        measure("1,000 text files", [str(texts)])


if __name__ == "__main__":
    main()
