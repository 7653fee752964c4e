"""Score event extraction on a folder of articles with hand-written expected events.

Layout: ``NAME.txt`` (or ``NAME.synthetic.txt``) beside ``NAME.expected.json``::

    {"dct": "2025-03-10",             # optional, overrides the article's date
     "events": [{"type": "VISIT", "status": "planned", "participant": "Kim",
                 "time": "2025-06", "note": "free text"}]}

An event is the tuple (type, status, main participant, time). ``participant`` is a
name, an actor id or an ISO3 code, or a list of acceptable ones (which may
include null), or null for an event without a known agent; it matches a system
event with that id among its sources, or whose source id contains it as a word
('kim' matches 'kim-jong-un'); null matches an event without sources.
``time`` is the system's ``time.value``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import E_EVENTS_NO_ARTICLES, E_EXPECTED_EVENTS
from dateline.model import Article

FIELDS = ("type", "status", "participant", "time")
Row = dict[str, Any]


@dataclass
class Score:
    """Matches, system count and expected count, with precision/recall/F1."""

    matched: int = 0
    system: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.matched += other.matched
        self.system += other.system
        self.expected += other.expected


@dataclass
class EventsReport:
    """Overall and per-field scores, and what was missed or spurious per article."""

    overall: Score = field(default_factory=Score)
    fields: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    missed: list[tuple[str, Row]] = field(default_factory=list)
    spurious: list[tuple[str, Row]] = field(default_factory=list)
    articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON shape: scores overall and per field, then missed and spurious tuples."""
        return {
            "articles": self.articles,
            "overall": _score_dict(self.overall),
            "fields": {name: _score_dict(score) for name, score in self.fields.items()},
            "missed": [{"article": name, **row} for name, row in self.missed],
            "spurious": [{"article": name, **row} for name, row in self.spurious],
        }

    def format(self) -> str:
        """The report as printed by ``dateline eval events DIR``."""
        lines = [f"articles: {self.articles}", _line("overall", self.overall)]
        lines += [_line(f"  {name}", score) for name, score in self.fields.items()]
        lines += [f"missed    {name}: {_show(row)}" for name, row in self.missed]
        lines += [f"spurious  {name}: {_show(row)}" for name, row in self.spurious]
        return "\n".join(lines)


def _score_dict(score: Score) -> dict[str, Any]:
    return {
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
        "matched": score.matched,
        "found": score.system,
        "expected": score.expected,
    }


def _line(label: str, score: Score) -> str:
    return (
        f"{label:<14} P {score.precision:6.1%}  R {score.recall:6.1%}  F1 {score.f1:6.1%}"
        f"  ({score.matched} matched, {score.system} found, {score.expected} expected)"
    )


def _show(row: Row) -> str:
    return " ".join(f"{k}={row.get(k)}" for k in FIELDS)


def expected_path(article: Path) -> Path:
    stem = article.name.removesuffix(".txt").removesuffix(".synthetic")
    return article.with_name(stem + ".expected.json")


def load_expected(path: Path) -> tuple[list[Row], date | None]:
    """Expected events of one article (DL-E201 when malformed)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = list(data["events"])
        dct = date.fromisoformat(data["dct"]) if data.get("dct") else None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise E_EXPECTED_EVENTS(str(path), why=str(exc)) from exc
    for row in rows:
        if not isinstance(row, dict) or not {"type", "status", "time"} <= row.keys():
            raise E_EXPECTED_EVENTS(str(path), why=f"event needs type, status, time: {row!r}")
    return rows, dct


def read_article(path: Path, dct: date | None) -> Article:
    from dateline.read import read_file

    for item in read_file(str(path), dct=dct):
        if isinstance(item, Article):
            if dct is not None:
                item.dct = dct
            return item
        raise item
    raise E_EXPECTED_EVENTS(str(path), why="no article in file")


def system_rows(events: list[Row]) -> list[Row]:
    """(type, status, main participant ids, time value) of extracted events."""
    rows = []
    for event in events:
        rows.append(
            {"type": event["type"], "status": event["status"], "participant": event["source"],
             "time": event["time"]["value"]}
        )  # fmt: skip
    return rows


def _words(text: str) -> set[str]:
    return set(re.split(r"[^a-z0-9]+", text.lower())) - {""}


def participant_matches(expected: Any, ids: list[str]) -> bool:
    """Loose actor match: same id, or the expected name is a word of the id."""
    if expected is None:
        return not ids
    options = expected if isinstance(expected, list) else [expected]
    for option in options:
        if option is None:
            if not ids:
                return True
            continue
        want = str(option).lower()
        for ident in ids:
            if want == ident.lower() or _words(want) <= _words(ident):
                return True
    return False


Matcher = Callable[[Row, Row], bool]


def matcher(fields: tuple[str, ...]) -> Matcher:
    def same(exp: Row, sys: Row) -> bool:
        for name in fields:
            if name == "participant":
                if not participant_matches(exp.get("participant"), sys["participant"]):
                    return False
            elif exp.get(name) != sys.get(name):
                return False
        return True

    return same


def align(
    expected: list[Row], system: list[Row], same: Matcher
) -> tuple[int, list[Row], list[Row]]:
    """Greedy one-to-one matching; returns matches, unmatched expected, unmatched system."""
    left = list(system)
    missed = []
    for row in expected:
        hit = next((s for s in left if same(row, s)), None)
        if hit is None:
            missed.append(row)
        else:
            left.remove(hit)
    return len(expected) - len(missed), missed, left


def score_article(expected: list[Row], system: list[Row], name: str, report: EventsReport) -> None:
    """Add one article's counts to the report."""
    matched, missed, spurious = align(expected, system, matcher(FIELDS))
    report.overall.add(Score(matched, len(system), len(expected)))
    report.missed += [(name, row) for row in missed]
    report.spurious += [(name, row) for row in spurious]
    for name_ in FIELDS:
        fields = ("type",) if name_ == "type" else ("type", name_)
        hits, _, _ = align(expected, system, matcher(fields))
        report.fields[name_].add(Score(hits, len(system), len(expected)))


def evaluate_events(directory: Path, nlp: Any = None, verbose: bool = False) -> EventsReport:
    """Precision and recall of (type, status, main participant, time) over a folder;
    ``verbose`` prints the report (``dateline eval events DIR`` prints ``report.format()``)."""
    from dateline.extract import extract

    report = EventsReport()
    pairs = [(p, expected_path(p)) for p in sorted(Path(directory).glob("*.txt"))]
    pairs = [(p, e) for p, e in pairs if e.exists()]
    if not pairs:
        raise E_EVENTS_NO_ARTICLES(directory=str(directory))
    for article_path, exp_path in pairs:
        expected, dct = load_expected(exp_path)
        extraction = extract(read_article(article_path, dct), nlp)
        score_article(expected, system_rows(extraction["events"]), article_path.name, report)
        report.articles += 1
    if verbose:
        print(report.format())
    return report
