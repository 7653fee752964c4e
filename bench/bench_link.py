"""How long linking one article takes as the database grows (1k, 10k, 100k stories).

Synthetic stories are written straight into a SQLite file (documents, events,
actors, link rows and stories, as linking would have made them) at a steady
rate of stories per day, as a news archive grows; then new articles are
added through ``Store.add`` and the time spent in ``link_document`` is
measured per article. Half of the new articles report an existing recent
story again; half announce a new one.

    .venv/bin/python bench/bench_link.py            # 1k, 10k, 100k stories
    .venv/bin/python bench/bench_link.py --sizes 1000 10000 --articles 100
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import string
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

import dateline.link as link_package
from dateline.link.cluster import story_id_for
from dateline.link.compat import participant, stored_keys
from dateline.link.linker import link_row, member_of_row, story_row
from dateline.link.schema import event_keys, event_links, stories
from dateline.link.settings import default_settings
from dateline.store import Store
from dateline.store import schema as t

START = date(2012, 1, 1)
STORIES_PER_DAY = 25
TYPES = ["VISIT", "MEET", "AGREE", "STATEMENT", "DEPLOY", "ATTACK", "PROTEST", "SANCTION", "AID"]
COUNTRIES = [
    "".join(c) for c in itertools.islice(itertools.product(string.ascii_uppercase, repeat=3), 150)
]
PERSONS = [f"person-{n:05d}" for n in range(5000)]


def country_of(person: str) -> str:
    return COUNTRIES[int(person[-5:]) % len(COUNTRIES)]


def actor_rows() -> list[dict[str, Any]]:
    rows = [
        {"id": c, "name": f"Country {c}", "kind": "country", "country": c, "role": None}
        for c in COUNTRIES
    ]
    rows += [
        {"id": p, "name": p.title(), "kind": "person", "country": country_of(p), "role": "minister"}
        for p in PERSONS
    ]
    return rows


class Generator:
    """Deterministic synthetic stories: two articles each (announcement, then report)."""

    def __init__(self, seed: int = 7):
        self.rng = random.Random(seed)
        self.settings = default_settings()
        self.made: dict[int, tuple[str, list[str], list[str], date]] = {}

    def story_day(self, index: int) -> date:
        return START + timedelta(days=index // STORIES_PER_DAY)

    def parties(self) -> tuple[list[str], list[str]]:
        source = self.rng.choice(PERSONS)
        other = self.rng.choice(PERSONS + COUNTRIES)
        return [source], [other] if other != source else [self.rng.choice(COUNTRIES)]

    def story(self, index: int) -> list[dict[str, Any]]:
        """Two small extraction-like rows (documents with one event each) of one story."""
        day = self.story_day(index)
        kind = self.rng.choice(TYPES)
        source, target = self.parties()
        self.made[index] = (kind, source, target, day)
        announced = day - timedelta(days=self.rng.randint(1, 20))
        return [
            self.article(f"s{index}-a", announced, kind, "planned", day, source, target),
            self.article(f"s{index}-b", day, kind, "occurred", day, source, target),
        ]

    def article(
        self,
        key: str,
        dct: date,
        kind: str,
        status: str,
        day: date,
        source: list[str],
        target: list[str],
    ) -> dict[str, Any]:
        text = f"Synthetic bench article {key}: {source[0]} and {target[0]} ({kind}, {status})."
        iso = day.isoformat()
        event = {
            "id": f"ev-{key}", "type": kind, "plover": None, "status": status, "dated": True,
            "source": source, "target": target, "location": None,
            "time": {"value": iso, "earliest": iso, "latest": iso, "granularity": "day"},
            "candidates": [], "attribution": None,
            "evidence": [{"start": 0, "end": len(text), "sentence": text}],
        }  # fmt: skip
        doc = {"id": f"sha256:bench-{key}", "dct": dct.isoformat(), "title": key,
               "source": "Bench Wire", "url": None, "text": text}  # fmt: skip
        return {"document": doc, "timexes": [], "actors": [], "places": [], "events": [event]}


def bulk_rows(gen: Generator, first: int, last: int) -> dict[str, list[dict[str, Any]]]:
    """Rows of stories first..last-1 for every table, linked as linking would link them."""
    out: dict[str, list[dict[str, Any]]] = {
        "documents": [], "events": [], "event_actors": [], "event_evidence": [],
        "event_links": [], "event_keys": [], "stories": [],
    }  # fmt: skip
    settings = gen.settings
    for index in range(first, last):
        members = []
        story_id = story_id_for(f"ev-s{index}-a")
        for art in gen.story(index):
            doc, ev = art["document"], art["events"][0]
            out["documents"].append(
                {**doc, "credits": "[]", "metadata": "{}", "ingested_at": "bench"}
            )
            row = {
                "id": ev["id"], "document_id": doc["id"], "dct": doc["dct"], "type": ev["type"],
                "status": ev["status"], "dated": True, "location": None, **ev["time"],
                "story_id": story_id, "cue": None, "trigger": None,
            }  # fmt: skip
            out["events"].append(row)
            roles = [("source", a) for a in ev["source"]] + [("target", a) for a in ev["target"]]
            out["event_actors"] += [
                {"event_id": ev["id"], "role": r, "actor_id": a, "position": 0} for r, a in roles
            ]
            out["event_evidence"].append({"event_id": ev["id"], **ev["evidence"][0]})
            parts = tuple(
                participant(
                    a,
                    r,
                    "country" if a in COUNTRIES else "person",
                    a if a in COUNTRIES else country_of(a),
                )
                for r, a in roles
            )
            member = member_of_row(row, parts, {}, settings)
            member.story_id = story_id
            members.append(member)
            out["event_links"].append(link_row(member))
            out["event_keys"] += [
                {
                    "event_id": member.id,
                    "key": k,
                    "family": member.family,
                    "lo": member.lo,
                    "hi": member.hi,
                }
                for k in sorted(stored_keys(parts))
            ]
        out["stories"].append(story_row(story_id, members, settings, f"s{index}-a"))
    return out


def grow(store: Store, gen: Generator, first: int, last: int, chunk: int = 5000) -> None:
    tables = {
        "documents": t.documents, "events": t.events, "event_actors": t.event_actors,
        "event_evidence": t.event_evidence, "event_links": event_links, "event_keys": event_keys,
        "stories": stories,
    }  # fmt: skip
    for start in range(first, last, chunk):
        rows = bulk_rows(gen, start, min(last, start + chunk))
        with store.engine.begin() as conn:
            for name, table in tables.items():
                if rows[name]:
                    conn.execute(insert(table), rows[name])


def new_articles(
    gen: Generator, size: int, count: int, tag: str
) -> Iterator[tuple[dict[str, Any], str | None]]:
    """Half re-report a recent story (another outlet, next day); half announce a new one.

    Each comes with the id of the story it should join (None for a new one)."""
    for n in range(count):
        if n % 2 == 0:
            index = size - 1 - gen.rng.randint(0, min(size - 1, 500))
            kind, source, target, day = gen.made[index]
            again = gen.article(
                f"{tag}-r{n}", day + timedelta(days=1), kind, "occurred", day, source, target
            )
            yield again, story_id_for(f"ev-s{index}-a")
        else:
            day = gen.story_day(size) + timedelta(days=10)
            source, target = gen.parties()
            kind = gen.rng.choice(TYPES)
            new = gen.article(
                f"{tag}-n{n}", gen.story_day(size), kind, "planned", day, source, target
            )
            yield new, None


def timed_link(samples: list[float]) -> Callable[..., Any]:
    original = link_package.link_document

    def wrapper(conn: Any, document_id: str, settings: Any = None) -> Any:
        began = time.perf_counter()
        try:
            return original(conn, document_id, settings)
        finally:
            samples.append(time.perf_counter() - began)

    return wrapper


def measure(store: Store, gen: Generator, size: int, count: int) -> dict[str, float]:
    samples: list[float] = []
    original = link_package.link_document
    link_package.link_document = timed_link(samples)
    try:
        began = time.perf_counter()
        expected = []
        for extraction, story_id in new_articles(gen, size, count, f"m{size}"):
            store.add(extraction)
            if story_id:
                expected.append((extraction["events"][0]["id"], story_id))
        total = time.perf_counter() - began
    finally:
        link_package.link_document = original
    ms = sorted(s * 1000 for s in samples)
    return {
        "mean": statistics.fmean(ms),
        "p50": ms[len(ms) // 2],
        "p95": ms[int(len(ms) * 0.95) - 1],
        "max": ms[-1],
        "add": total * 1000 / count,
        "joined": 100 * joined(store, expected) / max(1, len(expected)),
    }


def joined(store: Store, expected: list[tuple[str, str]]) -> int:
    """How many re-reports were linked into the story they report."""
    found = 0
    with store.engine.connect() as conn:
        for event_id, story_id in expected:
            row = conn.execute(select(t.events.c.story_id).where(t.events.c.id == event_id)).one()
            found += row[0] == story_id
    return found


HEADER = f"{'stories':>9} {'build s':>8} " + " ".join(
    f"{h:>8}" for h in ("link ms", "p50", "p95", "max", "add ms", "joined %")
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--articles", type=int, default=200, help="articles measured per size")
    parser.add_argument("--db", help="SQLite file to build (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "bench.db"
        store = Store(str(path))
        with store.engine.begin() as conn:
            conn.execute(insert(t.actors), actor_rows())
        gen = Generator()
        print(HEADER)
        built = 0
        for size in sorted(args.sizes):
            began = time.perf_counter()
            grow(store, gen, built, size)
            built = size
            build = time.perf_counter() - began
            row = measure(store, gen, size, args.articles)
            cells = [row[k] for k in ("mean", "p50", "p95", "max", "add", "joined")]
            print(f"{size:>9,} {build:>8.1f} " + " ".join(f"{c:>8.2f}" for c in cells), flush=True)
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
