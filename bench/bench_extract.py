"""Throughput of full extraction (spaCy + timex + actors + events) on seed-sized articles.

Usage: .venv/bin/python bench/bench_extract.py [--articles N] [--batch-size B]

Prints articles per second per core (CPU time of this process, so other load on
the machine does not count) and wall-clock, model loading excluded, for the seed
article (about 1,700 characters of text) repeated N times, then for the mixed
fixtures, then for the spaCy model alone (as spaCy loads it, and as dateline does).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dateline.extract import extract_many
from dateline.model import Article
from dateline.read import read_file

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "events"


def corpus(pattern: str = "*.txt") -> list[Article]:
    """Fixture articles read with dateline.read."""
    articles = []
    for path in sorted(FIXTURES.glob(pattern)):
        for item in read_file(str(path)):
            if isinstance(item, Article):
                articles.append(item)
    return articles


def measure(nlp: object, articles: list[Article], batch_size: int, label: str) -> float:
    """Articles per second for ``articles``; prints a summary line."""
    chars = sum(len(a.text) for a in articles)
    start, cpu_start = time.perf_counter(), time.process_time()
    results = extract_many(articles, nlp, batch_size=batch_size)
    events = sum(len(x["events"]) for x in results)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    rate = len(articles) / cpu
    print(
        f"{label}: {rate:.1f} articles/s per core (CPU time), "
        f"{len(articles) / elapsed:.1f} articles/s wall clock  "
        f"({len(articles)} articles, {chars / len(articles):.0f} chars each on average, "
        f"{events} events, {chars / cpu / 1000:.1f} k chars per CPU second)"
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    from dateline.annotate import load_nlp

    nlp = load_nlp()
    seed = corpus("seed_*.txt")
    mixed = corpus()
    list(extract_many(mixed, nlp))  # warm up lazily loaded resources
    measure(nlp, (seed * args.articles)[: args.articles], args.batch_size, "seed-sized")
    repeated = (mixed * (args.articles // len(mixed) + 1))[: args.articles]
    measure(nlp, repeated, args.batch_size, "fixtures")
    texts = [a.text for a in (seed * args.articles)[: args.articles]]
    model_alone(texts, args.batch_size)


def model_alone(texts: list[str], batch_size: int) -> None:
    """The spaCy model by itself: as spaCy loads it (BLIS), as dateline loads it
    (NumPy's OpenBLAS, one thread), and with dateline's attribute ruler too."""
    from dateline.annotate import find_model, load_model
    from dateline.attribute_ruler import speed_up

    module = find_model()[1]
    fast = load_model(module)
    speed_up(fast)
    for label, model in (
        ("model alone, as spaCy loads it (BLIS)", module.load()),
        ("model alone, NumPy BLAS one thread", load_model(module)),
        ("model alone, NumPy BLAS + dateline's attribute ruler and lemmatizer memo", fast),
    ):
        list(model.pipe(texts[:3]))
        cpu_start = time.process_time()
        list(model.pipe(texts, batch_size=batch_size))
        rate = len(texts) / (time.process_time() - cpu_start)
        print(f"{label}: {rate:.1f} seed-sized articles/s per core (CPU time)")


if __name__ == "__main__":
    main()
