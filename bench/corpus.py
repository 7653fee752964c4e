"""A deterministic synthetic news corpus: N articles as text files or pre-extracted documents.

Seeded and reproducible: the same ``--seed`` and ``--articles`` always give the same
articles. Stories of diplomacy run across days and outlets: a visit, summit or
signing is announced (with or without a date), sometimes postponed or called off,
then reported as it happens, each stage by one to five outlets; every article also
carries background statements and talks, and paragraphs of filler to reach a news
article's length (about 2,000 to 4,000 characters). Articles come in date order.

Two outputs: text files in dateline's seed format (``date YYYY-MM-DD  Title``), to
run the whole pipeline on, and pre-extracted documents (JSON Lines of extraction
documents, as ``dateline extract --format json`` writes them), to measure the store
alone. ``--big-story N`` adds N reports of one visit (stories of 10,000 reports),
a hundred a day, which report nothing else.

    python bench/corpus.py --articles 1000 --out /tmp/corpus --format text
    python bench/corpus.py --articles 100000 --out /tmp/docs.jsonl --format documents
"""

from __future__ import annotations

import argparse
import heapq
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dateline.model import document_id

START = date(2024, 1, 1)
# (name, ISO3, capital, lat, lon): real countries, so that the actor dictionary knows them.
COUNTRIES = [
    ("Chile", "CHL", "Santiago", -33.45, -70.67), ("Peru", "PER", "Lima", -12.05, -77.04),
    ("Brazil", "BRA", "Brasilia", -15.79, -47.88), ("Mexico", "MEX", "Mexico City", 19.43, -99.13),
    ("Argentina", "ARG", "Buenos Aires", -34.6, -58.38), ("Canada", "CAN", "Ottawa", 45.42, -75.7),
    ("France", "FRA", "Paris", 48.86, 2.35), ("Germany", "DEU", "Berlin", 52.52, 13.4),
    ("Italy", "ITA", "Rome", 41.9, 12.5), ("Spain", "ESP", "Madrid", 40.42, -3.7),
    ("Poland", "POL", "Warsaw", 52.23, 21.01), ("Sweden", "SWE", "Stockholm", 59.33, 18.07),
    ("Japan", "JPN", "Tokyo", 35.68, 139.69), ("India", "IND", "New Delhi", 28.61, 77.21),
    ("Indonesia", "IDN", "Jakarta", -6.21, 106.85), ("Vietnam", "VNM", "Hanoi", 21.03, 105.85),
    ("Kenya", "KEN", "Nairobi", -1.29, 36.82), ("Nigeria", "NGA", "Abuja", 9.08, 7.4),
    ("Egypt", "EGY", "Cairo", 30.04, 31.24), ("Turkey", "TUR", "Ankara", 39.93, 32.86),
    ("Australia", "AUS", "Canberra", -35.28, 149.13), ("Ghana", "GHA", "Accra", 5.6, -0.19),
    ("Norway", "NOR", "Oslo", 59.91, 10.75), ("Portugal", "PRT", "Lisbon", 38.72, -9.14),
]  # fmt: skip
ROLES = ["president", "prime minister", "foreign minister"]
SURNAMES = ["Alder", "Brenner", "Castell", "Dorado", "Ekholm", "Farrow", "Galvan", "Hollis",
            "Ivers", "Jurado", "Kessler", "Lindqvist", "Moreau", "Navarro", "Okafor", "Pires",
            "Quint", "Rowan", "Sato", "Tandon", "Ulloa", "Varga", "Whitlock", "Yildiz"]  # fmt: skip
OUTLETS = ["Harbor Wire", "Daily Meridian", "Capital Ledger", "Northern Post", "Global Desk",
           "Evening Courier", "Atlas News", "The Observer Line"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
FILLER = [
    "Officials on both sides described the relationship as one of the most important in the "
    "region.",
    "Trade between the two countries has grown steadily over the past decade, according to "
    "figures published by the statistics office.",
    "Analysts said the talks would test whether recent promises of closer cooperation can be "
    "turned into concrete projects.",
    "The opposition criticised the government for what it called a lack of transparency about "
    "the agenda.",
    "Diplomats said a joint declaration was being drafted, though several points remained open.",
    "Security in the capital was tightened ahead of the talks, with roads around the government "
    "district closed to traffic.",
    "Business leaders hope that new agreements on energy and infrastructure will follow.",
    "Observers noted that relations had cooled two years ago after a dispute over fishing rights.",
    "The ministry declined to give details of the delegation, citing security reasons.",
    "Local newspapers devoted their front pages to the preparations on the eve of the meeting.",
]
KINDS = {  # story kind -> (event type, then verb phrases: planned, postponed, done, cancelled)
    "visit": ("VISIT", "will visit", "postponed a planned visit to", "visited",
              "called off a visit to"),
    "summit": ("MEET", "will meet", "postponed a meeting with", "met", "cancelled a meeting with"),
    "signing": ("AGREE", "will sign an agreement with",
                "postponed the signing of an agreement with", "signed an agreement with",
                "called off the signing of an agreement with"),
}  # fmt: skip


@dataclass(order=True)
class Pending:
    """An article still to be written, ordered by its date (then a sequence number)."""

    dct: date
    seq: int
    story: int = field(compare=False)
    stage: str = field(compare=False)  # announced | postponed | cancelled | occurred
    when: date | None = field(compare=False)  # the event's own date, when known


@dataclass
class Story:
    kind: str
    source: tuple[str, str, str]  # actor id, name, country iso3
    host: tuple[str, str, str, float, float]  # country name, iso3, capital, lat, lon
    day: date


class Corpus:
    """Articles of ``Story``s in date order, deterministic for a seed."""

    def __init__(self, seed: int = 15, stories_per_day: float = 20.0):
        self.rng = random.Random(seed)
        self.per_day = stories_per_day
        self.stories: list[Story] = []
        self.queue: list[Pending] = []
        self.seq = 0
        self.alone: set[int] = set()  # stories whose articles report nothing else

    def person(self, iso3: str) -> tuple[str, str, str]:
        surname = SURNAMES[self.rng.randrange(len(SURNAMES))]
        role = ROLES[self.rng.randrange(len(ROLES))]
        return f"{surname.lower()}-{iso3.lower()}", f"{role.title()} {surname}", iso3

    def new_story(self, announced: date) -> None:
        home, host = self.rng.sample(COUNTRIES, 2)
        kind = self.rng.choice(list(KINDS))
        day = announced + timedelta(days=self.rng.randint(3, 60))
        index = len(self.stories)
        self.stories.append(Story(kind, self.person(home[1]), host, day))
        dated = self.rng.random() < 0.5
        self.push(announced, index, "announced", day if dated else None, self.rng.randint(1, 4))
        fate = self.rng.random()
        if fate < 0.15:
            later = announced + timedelta(days=self.rng.randint(1, max(1, (day - announced).days)))
            self.push(later, index, "postponed", None, self.rng.randint(1, 3))
            day = day + timedelta(days=self.rng.randint(20, 90))
            self.stories[index].day = day
            self.push(day - timedelta(days=7), index, "announced", day, self.rng.randint(1, 2))
        elif fate < 0.22:
            later = announced + timedelta(days=self.rng.randint(1, max(1, (day - announced).days)))
            self.push(later, index, "cancelled", day if dated else None, self.rng.randint(1, 3))
            return
        self.push(day, index, "occurred", day, self.rng.randint(1, 5))

    def push(self, dct: date, story: int, stage: str, when: date | None, copies: int) -> None:
        for _ in range(copies):
            self.seq += 1
            heapq.heappush(self.queue, Pending(dct, self.seq, story, stage, when))

    def big_story(self, reports: int, first: date) -> None:
        """``reports`` articles on one visit, a hundred a day until it happens."""
        self.stories.append(Story("visit", ("sato-jpn", "Prime Minister Sato", "JPN"),
                                  ("France", "FRA", "Paris", 48.86, 2.35), first))  # fmt: skip
        index = len(self.stories) - 1
        self.alone.add(index)  # its cost alone: no background events around it
        days = max(1, reports // 100)
        self.stories[index].day = first + timedelta(days=days)
        for n in range(reports):
            stage = "occurred" if n == reports - 1 else "announced"
            dct = first + timedelta(days=min(days, n // 100))
            self.push(dct, index, stage, self.stories[index].day, 1)

    def articles(self, count: int, big_story: int = 0) -> Iterator[dict[str, Any]]:
        """``count`` extraction documents (plus ``big_story`` reports of one visit), by date."""
        if big_story:
            self.big_story(big_story, START + timedelta(days=5))
        day, made, emitted = START, 0.0, 0
        total = count + big_story
        while emitted < total:
            while count and made < self.per_day * ((day - START).days + 1):
                self.new_story(day)
                made += 1
            while self.queue and self.queue[0].dct <= day and emitted < total:
                yield self.write(heapq.heappop(self.queue))
                emitted += 1
            day += timedelta(days=1)

    # --- one article --------------------------------------------------------------

    def write(self, p: Pending) -> dict[str, Any]:
        story = self.stories[p.story]
        writer = _Writer(self.rng, p.dct)
        host_name, capital = story.host[0], story.host[2]
        event_type, will, postponed, did, cancelled = KINDS[story.kind]
        verb = {"announced": will, "postponed": postponed, "occurred": did, "cancelled": cancelled}
        when = self.when_phrase(p)
        target = host_name if story.kind == "visit" else f"{host_name}'s leaders"
        lead = f"{story.source[1]} of {COUNTRIES_BY_ISO[story.source[2]]} {verb[p.stage]} {target}"
        lead += f" in {capital}{when}, officials said on {WEEKDAYS[p.dct.weekday()]}."
        title = f"{story.source[1]} {HEADLINE[p.stage]} {story.kind} with {host_name}"
        writer.event(lead, self.main_event(p, story, event_type))
        writer.timex(lead, f"on {WEEKDAYS[p.dct.weekday()]}", p.dct)
        for _ in range(self.rng.randint(1, 3)):
            writer.filler(self.rng.choice(FILLER))
        for _ in range(self.rng.randint(2, 5) if p.story not in self.alone else 0):
            self.background(writer, p.dct)
        for _ in range(self.rng.randint(12, 26)):
            writer.filler(self.rng.choice(FILLER))
        return writer.document(title, OUTLETS[self.rng.randrange(len(OUTLETS))], story, p)

    def when_phrase(self, p: Pending) -> str:
        if p.when is None or p.stage in ("postponed",):
            return " next month" if p.stage == "announced" else ""
        if p.stage == "occurred" and p.when == p.dct:
            return " on Saturday" if p.when.weekday() == 5 else " today"
        return f" on {MONTHS[p.when.month - 1]} {p.when.day}"

    def main_event(self, p: Pending, story: Story, event_type: str) -> dict[str, Any]:
        status = {"announced": "planned", "postponed": "planned", "occurred": "occurred",
                  "cancelled": "negated"}[p.stage]  # fmt: skip
        dated = p.when is not None and p.stage != "postponed"
        iso = p.when.isoformat() if dated and p.when else None
        change = {"postponed": "postponed", "cancelled": "cancelled"}.get(p.stage)
        return {
            "type": event_type, "status": status, "dated": dated, "change": change,
            "source": [story.source[0]], "target": [story.host[1]], "location": story.host[2],
            "time": {"value": iso, "earliest": iso, "latest": iso,
                     "granularity": "day" if iso else None},
        }  # fmt: skip

    def background(self, writer: _Writer, dct: date) -> None:
        a, b = self.rng.sample(COUNTRIES, 2)
        speaker = self.person(a[1])
        if self.rng.random() < 0.5:
            text = f"{speaker[1]} of {a[0]} said {b[0]} remained a close partner."
            event = {"type": "STATEMENT", "status": "occurred", "source": [speaker[0]],
                     "target": [b[1]]}  # fmt: skip
        else:
            text = f"{speaker[1]} of {a[0]} discussed trade with officials from {b[0]} on Friday."
            event = {"type": "DISCUSS", "status": "occurred", "source": [speaker[0]],
                     "target": [b[1]]}  # fmt: skip
        writer.actor(speaker)
        writer.event(text, {**event, "dated": False, "change": None, "location": None,
                            "time": {"value": None, "earliest": None, "latest": dct.isoformat(),
                                     "granularity": None}})  # fmt: skip


HEADLINE = {"announced": "plans", "postponed": "postpones", "occurred": "holds",
            "cancelled": "calls off"}  # fmt: skip
COUNTRIES_BY_ISO = {c[1]: c[0] for c in COUNTRIES}
PLOVER = {"VISIT": "CONSULT", "MEET": "CONSULT", "AGREE": "AGREE", "STATEMENT": "STATEMENT",
          "DISCUSS": "CONSULT"}  # fmt: skip


class _Writer:
    """Builds one article's text and its extraction document side by side."""

    def __init__(self, rng: random.Random, dct: date):
        self.rng, self.dct = rng, dct
        self.paragraphs: list[str] = []
        self.length = 0
        self.events: list[tuple[int, str, dict[str, Any]]] = []
        self.people: dict[str, tuple[str, str, str]] = {}
        self.timexes: list[tuple[int, str, str]] = []

    def _add(self, sentence: str) -> int:
        start = self.length
        self.paragraphs.append(sentence)
        self.length += len(sentence) + 2
        return start

    def filler(self, sentence: str) -> None:
        self._add(sentence)

    def timex(self, sentence: str, phrase: str, day: date) -> None:
        """A DATE timex for ``phrase`` in the sentence just added."""
        start = self.length - len(sentence) - 2 + sentence.rindex(phrase)
        self.timexes.append((start, phrase, day.isoformat()))

    def actor(self, person: tuple[str, str, str]) -> None:
        self.people[person[0]] = person

    def event(self, sentence: str, event: dict[str, Any]) -> None:
        self.events.append((self._add(sentence), sentence, event))

    def document(self, title: str, outlet: str, story: Story, p: Pending) -> dict[str, Any]:
        self.actor(story.source)
        body = "\n\n".join(self.paragraphs) + "\n"
        text = f"{title}\n\n{body}"
        offset = len(title) + 2
        doc_id = document_id(text)
        doc = {"id": doc_id, "dct": self.dct.isoformat(), "published": None, "title": title,
               "byline": None, "source": outlet, "url": None, "caption": None, "credits": [],
               "metadata": {}, "text": text}  # fmt: skip
        events = []
        for n, (start, sentence, spec) in enumerate(self.events):
            begin = offset + start
            events.append({**spec, "id": f"ev-{doc_id[7:23]}-{n}",
                           "plover": PLOVER[spec["type"]],
                           "cameo": None, "candidates": [], "attribution": None, "cue": None,
                           "trigger": None,
                           "evidence": [{"start": begin, "end": begin + len(sentence),
                                         "sentence": sentence}]})  # fmt: skip
        iso = {e["target"][0] for e in events} | {p[2] for p in self.people.values()}
        actors = [{"id": i, "name": n, "kind": "person", "country": c, "role": None,
                   "mentions": []} for i, n, c in self.people.values()]  # fmt: skip
        actors += [{"id": c, "name": COUNTRIES_BY_ISO[c], "kind": "country", "country": c,
                    "role": None, "mentions": []} for c in sorted(iso)]  # fmt: skip
        host = story.host
        places = [{"name": host[2], "country": host[1], "lat": host[3], "lon": host[4],
                   "kind": "city", "mentions": []}]  # fmt: skip
        timexes = [
            {"start": offset + start, "end": offset + start + len(phrase), "text": phrase,
             "type": "DATE", "value": day, "mod": None, "earliest": day, "latest": day,
             "granularity": "day"}
            for start, phrase, day in self.timexes
        ]  # fmt: skip
        return {"document": doc, "timexes": timexes, "actors": actors, "places": places,
                "events": events}  # fmt: skip


def seed_text(extraction: dict[str, Any]) -> str:
    """The article in dateline's seed text format (what ``dateline ingest`` reads)."""
    doc = extraction["document"]
    title, _, body = doc["text"].partition("\n\n")
    return f"date {doc['dct']}  {title}\n\n{body}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--big-story", type=int, default=0, help="reports of one visit, added")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--format", choices=["text", "documents"], default="documents")
    parser.add_argument("--out", required=True, help="folder (text) or .jsonl file (documents)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    articles = Corpus(args.seed).articles(args.articles, args.big_story)
    if args.format == "text":
        out.mkdir(parents=True, exist_ok=True)
        for n, extraction in enumerate(articles):
            (out / f"{n:06d}.txt").write_text(seed_text(extraction), encoding="utf-8")
    else:
        with out.open("w", encoding="utf-8") as sink:
            for extraction in articles:
                sink.write(json.dumps(extraction) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
