"""A synthetic event database of any size (1,000,000 events in a few minutes), written
straight into a SQLite store for the read benchmarks (``bench_reads.py``).

Realistic in the ways the reads care about:

- **actors** by a Zipf law over 150 countries and 5,000 persons: the busiest actor
  takes part in about a fifth of all events, most in a handful;
- **stories of several sizes** (one report to thousands, heavy-tailed) with a
  lifecycle: reported once as occurred; announced with a date, then held; announced
  undated and never heard of again (pending until stale); rescheduled; called off;
  speculated about; a few plans dated after the archive's end (pending at its end);
- **windows**: day, month and year granularity, windows open at one end ("after",
  "by") and undated events that sit at their article date;
- **documents**: about five events each, each event's evidence sentence a sentence of
  its article's text (offsets hold).

Rows are what ingest and linking would store for such events: ``event_links`` rows,
``event_keys``, ``story_keys``, ``stories``, ``story_summaries`` and ``story_tail`` are
made with the linker's own functions (``member_of_row``, ``link_row``, ``Draft``, ``draft_row``),
so a later ``dateline ingest`` into the database links against them. What is left out:
timexes, actor mentions and places (no read measured here uses them).

    python bench/bigdb.py --events 1000000 --out /tmp/big.db
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import sqlite3
import string
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dateline.link.cluster import Draft, story_id_for, tail_rows
from dateline.link.compat import participant
from dateline.link.history_table import fill
from dateline.link.linker import draft_row, key_rows, link_row, member_of_row, story_key_rows
from dateline.link.schema import (
    event_keys,
    event_links,
    stories,
    story_keys,
    story_summaries,
    story_tail,
)
from dateline.link.settings import LinkSettings, default_settings
from dateline.link.state import canonical_key
from dateline.store import Store
from dateline.store import schema as t

START = date(2012, 1, 1)
EVENTS_PER_DOC = 5
DOCS_PER_DAY = 40
TYPES = ["VISIT", "MEET", "AGREE", "STATEMENT", "DEPLOY", "ATTACK", "PROTEST", "SANCTION", "AID"]
COUNTRIES = [
    "".join(c) for c in itertools.islice(itertools.product(string.ascii_uppercase, repeat=3), 150)
]
PERSONS = [f"person-{n:05d}" for n in range(5000)]
OUTLETS = [f"Bench Wire {n}" for n in range(40)]
# (weight, lifecycle) of a story; see Generator.members
LIFECYCLES = [
    (62, "occurred"),
    (14, "announced-held"),
    (6, "rescheduled-held"),
    (3, "cancelled"),
    (6, "possible"),
    (5, "open-window"),
    (3, "undated-plan"),
    (1, "future-plan"),
]
TABLES = {
    "documents": t.documents, "events": t.events, "event_actors": t.event_actors,
    "event_evidence": t.event_evidence, "event_links": event_links, "event_keys": event_keys,
    "story_keys": story_keys, "stories": stories, "story_summaries": story_summaries,
    "story_tail": story_tail,
}  # fmt: skip


def country_of(actor: str) -> str:
    return actor if actor in COUNTRY_SET else COUNTRIES[int(actor[-5:]) % len(COUNTRIES)]


COUNTRY_SET = set(COUNTRIES)


def actor_rows() -> list[dict[str, Any]]:
    rows = [
        {"id": c, "name": f"Country {c}", "kind": "country", "country": c, "role": None}
        for c in COUNTRIES
    ]
    rows += [
        {"id": p, "name": f"Person {p[-5:]}", "kind": "person", "country": country_of(p),
         "role": "minister"}
        for p in PERSONS
    ]  # fmt: skip
    return rows


@dataclass
class Spec:
    """One event of a story before it is placed in a document."""

    dct: date
    status: str
    earliest: str | None
    latest: str | None
    value: str | None
    granularity: str | None
    dated: bool
    change: str | None = None


@dataclass
class Day:
    """The events placed in each document of one day: (event id, sentence) per document."""

    docs: dict[int, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))


class Generator:
    """Deterministic stories, placed day by day into documents of about five events."""

    def __init__(self, events: int, seed: int = 14):
        self.rng = random.Random(seed)
        self.settings: LinkSettings = default_settings()
        self.target = events
        docs = max(1, events // EVENTS_PER_DOC)
        self.days = max(30, docs // DOCS_PER_DAY)
        self.end = START + timedelta(days=self.days - 1)
        actors = COUNTRIES + PERSONS
        self.rng.shuffle(actors)
        self.actors = actors
        weights = [1 / rank for rank in range(1, len(actors) + 1)]
        self.cumulative = list(itertools.accumulate(weights))
        self.placed: dict[date, Day] = defaultdict(Day)
        self.made = 0
        self.serial = 0

    def actor(self) -> str:
        pick = self.rng.random() * self.cumulative[-1]
        return self.actors[bisect.bisect_left(self.cumulative, pick)]

    def size(self) -> int:
        """Reports in a story: most one to three, a few hundreds or thousands."""
        return min(5000, int(self.rng.paretovariate(1.25)))

    def members(self, first: date, size: int) -> list[Spec]:
        """The events of one story, by lifecycle, reported from ``first`` on."""
        kind = self.rng.choices([k for _, k in LIFECYCLES], [w for w, _ in LIFECYCLES])[0]
        day = first + timedelta(days=self.rng.randint(2, 40))
        iso = day.isoformat()
        gap = max(1, (day - first).days)
        dcts = sorted(first + timedelta(days=self.rng.randrange(gap)) for _ in range(size))
        planned = [Spec(d, "planned", iso, iso, iso, "day", True) for d in dcts]
        if kind == "occurred":
            return [Spec(day + timedelta(days=i // 50), "occurred", iso, iso, iso, "day", True)
                    for i in range(size)]  # fmt: skip
        if kind == "announced-held":
            return [*planned[:-1], Spec(day, "occurred", iso, iso, iso, "day", True)]
        if kind == "rescheduled-held":
            later = (day + timedelta(days=30)).isoformat()
            moved = Spec(day - timedelta(days=1), "planned", later, later, later, "day", True,
                         "postponed")  # fmt: skip
            held = Spec(day + timedelta(days=30), "occurred", later, later, later, "day", True)
            return [*planned[:-1], moved, held]
        if kind == "cancelled":
            return [*planned[:-1], Spec(day - timedelta(days=1), "negated", iso, iso, iso,
                                        "day", True)]  # fmt: skip
        if kind == "possible":
            month = iso[:7]
            lo, hi = f"{month}-01", (day.replace(day=28)).isoformat()
            return [Spec(d, "possible", lo, hi, month, "month", False) for d in dcts]
        if kind == "open-window":
            if self.rng.random() < 0.5:  # "after ...", announced and later held
                return [Spec(d, "planned", d.isoformat(), None, None, None, False) for d in dcts]
            return [Spec(d, "planned", None, iso, None, None, False) for d in dcts]  # "by ..."
        if kind == "undated-plan":
            return [Spec(d, "planned", None, None, None, None, False) for d in dcts]
        year = str(self.end.year + 1)  # a plan for after the archive's last day
        return [Spec(d, "planned", f"{year}-01-01", f"{year}-12-31", year, "year", True)
                for d in dcts]  # fmt: skip

    def story(self, first: date, rows: dict[str, list[dict[str, Any]]]) -> int:
        """Rows of one story starting on ``first``; its events are placed into days."""
        kind = self.rng.choice(TYPES)
        source = self.actor()
        target = self.actor()
        if target == source:
            target = self.rng.choice(COUNTRIES)
        roles = (("source", source), ("target", target))
        parts = tuple(
            participant(a, r, "country" if a in COUNTRY_SET else "person", country_of(a))
            for r, a in roles
        )
        place = None if kind == "STATEMENT" else f"City {country_of(target)}"
        members = []
        for spec in self.members(first, self.size()):
            self.serial += 1
            event_id = f"ev-{self.serial:08d}"
            doc = self.rng.randrange(DOCS_PER_DAY)
            document_id = _document_id(spec.dct, doc)
            row = {
                "id": event_id, "document_id": document_id, "dct": spec.dct.isoformat(),
                "type": kind, "plover": None, "cameo": None, "status": spec.status,
                "dated": spec.dated, "location": place, "value": spec.value,
                "earliest": spec.earliest, "latest": spec.latest,
                "granularity": spec.granularity, "attribution": None, "cue": None,
                "trigger": kind.lower(), "change": spec.change, "story_id": None,
            }  # fmt: skip
            sentence = f"{source} and {target}: {kind.lower()} {spec.status} ({event_id})."
            self.placed[spec.dct].docs[doc].append((event_id, sentence))
            rows["events"].append(row)
            rows["event_actors"] += [
                {"event_id": event_id, "role": r, "actor_id": a, "position": 0} for r, a in roles
            ]
            members.append(member_of_row(row, parts, {}, self.settings))
        self._story_rows(members, rows)
        return len(members)

    def _story_rows(self, members: list[Any], rows: dict[str, list[dict[str, Any]]]) -> None:
        members.sort(key=lambda m: canonical_key(m, self.settings))
        story_id = story_id_for(members[0].id)
        for m in members:
            m.story_id = story_id
        for row in rows["events"][-len(members) :]:
            row["story_id"] = story_id
        draft = Draft(members, self.settings)
        title = _title(members[0].dct, int(members[0].document_id.rsplit("-", 1)[1]))
        rows["stories"].append({**draft_row(draft, self.settings, title), "id": story_id})
        rows["story_summaries"].append(
            {"story_id": story_id, "summary": json.dumps(draft.to_summary(tail=False))}
        )
        rows["story_tail"] += tail_rows(draft, story_id)
        rows["event_links"] += [link_row(m) for m in members]
        rows["event_keys"] += key_rows(members, self.settings)
        rows["story_keys"] += story_key_rows(draft, self.settings)

    def documents(self, day: date, rows: dict[str, list[dict[str, Any]]]) -> None:
        """The documents of ``day``: text made of their events' sentences."""
        placed = self.placed.pop(day, None)
        if placed is None:
            return
        for doc, sentences in sorted(placed.docs.items()):
            document_id = _document_id(day, doc)
            text, at = [], 0
            for event_id, sentence in sentences:
                rows["event_evidence"].append(
                    {"event_id": event_id, "start": at, "end": at + len(sentence),
                     "sentence": sentence}
                )  # fmt: skip
                text.append(sentence)
                at += len(sentence) + 1
            rows["documents"].append({
                "id": document_id, "dct": day.isoformat(), "published": None,
                "title": _title(day.isoformat(), doc), "byline": None,
                "source": OUTLETS[doc % len(OUTLETS)], "url": f"https://bench.example/{document_id[7:]}",
                "caption": None, "credits": "[]", "metadata": "{}", "origin": None,
                "previous_id": None, "text": " ".join(text), "ingested_at": "bench",
            })  # fmt: skip


def _document_id(day: date, doc: int) -> str:
    return f"sha256:bench-{day.isoformat()}-{doc:03d}"


def _title(day: str, doc: int) -> str:
    return f"Bench report {doc} of {day}"


def build(path: Path, events: int, seed: int = 14, chunk_days: int = 60) -> dict[str, Any]:
    """Write about ``events`` events into a new SQLite store at ``path``; returns counts."""
    began = time.perf_counter()
    Store(str(path)).close()  # schema and every migration, as the CLI makes them
    gen = Generator(events, seed)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-400000")
    _insert(db, {"actors": actor_rows()}, {"actors": t.actors})
    per_day = events / gen.days
    stories_made = 0
    for first in range(0, gen.days, chunk_days):
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for offset in range(first, min(gen.days, first + chunk_days)):
            day = START + timedelta(days=offset)
            budget = per_day * (offset + 1) - gen.made
            while budget > 0 and gen.made < events:
                made = gen.story(day, rows)
                gen.made += made
                budget -= made
                stories_made += 1
        last = START + timedelta(days=min(gen.days, first + chunk_days) - 1)
        for day in sorted(d for d in gen.placed if d <= last):
            gen.documents(day, rows)
        _insert(db, rows, TABLES)
    rows = defaultdict(list)
    for day in sorted(gen.placed):
        gen.documents(day, rows)
    _insert(db, rows, TABLES)
    db.close()
    with Store(str(path)) as store, store.engine.begin() as conn:
        fill(conn)  # story_states from every story's members, as migration 16 writes them
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("ANALYZE")
    db.close()
    counts = _counts(path)
    return {**counts, "stories": stories_made, "seconds": time.perf_counter() - began,
            "last_day": gen.end.isoformat()}  # fmt: skip


def _insert(db: sqlite3.Connection, rows: dict[str, list[dict[str, Any]]], tables: Any) -> None:
    db.execute("BEGIN")
    for name, table in tables.items():
        found = rows.get(name)
        if not found:
            continue
        columns = [c.name for c in table.columns]
        sql = (f"INSERT INTO {name} ({', '.join(chr(34) + c + chr(34) for c in columns)}) "
               f"VALUES ({', '.join('?' * len(columns))})")  # fmt: skip
        db.executemany(sql, ([r.get(c) for c in columns] for r in found))
    db.execute("COMMIT")


def _counts(path: Path) -> dict[str, int]:
    db = sqlite3.connect(path)
    try:
        names = ("documents", "events", "event_actors", "stories")
        return {n: db.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}
    finally:
        db.close()


def busiest_actor(path: Path) -> tuple[str, int]:
    """The actor in the most events, and how many."""
    db = sqlite3.connect(path)
    try:
        query = ("SELECT actor_id, count(*) FROM event_actors GROUP BY actor_id "
                 "ORDER BY count(*) DESC LIMIT 1")  # fmt: skip
        actor, count = db.execute(query).fetchone()
        return str(actor), int(count)
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--out", required=True, help="SQLite file to write (must not exist)")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    out = Path(args.out)
    if out.exists():
        parser.error(f"{out} exists; give a new file")
    print(json.dumps(build(out, args.events, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
