"""Time and peak memory of full extraction on one long article, by its length.

Usage: .venv/bin/python bench/bench_long.py [--sizes 10000,100000,300000,1000000]

Each size is measured in a fresh process (so peak memory is that article's alone)
on real news text: the real-news articles (../shared/data/realnews) joined and
repeated to the length, else the repository's synthetic fixtures. Prints CPU
seconds, wall seconds, peak resident memory and microseconds per character, which
stays about flat when extraction costs linearly. Articles over spaCy's max_length
(1,000,000 characters) are annotated in chunks.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT.parent / "shared" / "data" / "realnews", ROOT / "tests" / "fixtures" / "events")


def long_text(size: int) -> str:
    """Real article bodies (header line dropped), joined by blank lines, to ``size`` chars."""
    folder = next(path for path in SOURCES if path.is_dir())
    bodies = [
        "\n".join(path.read_text(encoding="utf-8").splitlines()[1:]).strip()
        for path in sorted(folder.glob("*.txt"))
    ]
    text = "\n\n".join(body for body in bodies if body)
    while len(text) < size:
        text = text + "\n\n" + text
    return text[:size].rstrip()


def measure_one(size: int) -> dict[str, float]:
    """Extract one article of ``size`` characters in this process; model loading excluded."""
    from dateline.annotate import load_nlp
    from dateline.extract import extract
    from dateline.model import Article

    nlp = load_nlp()
    extract(Article(text=long_text(2000), dct=date(2025, 5, 21)), nlp)  # load lazy tables
    article = Article(text=long_text(size), dct=date(2025, 5, 21))
    start, cpu = time.perf_counter(), time.process_time()
    result = extract(article, nlp)
    return {
        "chars": len(article.text),
        "cpu": time.process_time() - cpu,
        "wall": time.perf_counter() - start,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "events": len(result["events"]),
        "timexes": len(result["timexes"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,300000,1000000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one)))
        return
    print("| characters | CPU s | wall s | peak RSS MB | µs per char (CPU) | events | timexes |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in (int(part) for part in args.sizes.split(",")):
        child = [sys.executable, __file__, "--one", str(size)]
        row = json.loads(subprocess.run(child, capture_output=True, check=True).stdout)
        print(
            f"| {row['chars']:,.0f} | {row['cpu']:.1f} | {row['wall']:.1f} | "
            f"{row['peak_mb']:.0f} | {row['cpu'] / row['chars'] * 1e6:.0f} | "
            f"{row['events']:.0f} | {row['timexes']:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
