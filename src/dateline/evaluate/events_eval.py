"""Score event extraction on a folder of articles with hand-written expected events.

Layout: ``NAME.txt`` (or ``NAME.synthetic.txt``) beside ``NAME.expected.json``::

    {"dct": "2025-03-10",             # optional, overrides the article's date
     "events": [{"type": "VISIT", "status": "planned", "participant": "Kim",
                 "time": "2025-06", "note": "free text"}]}

An event is the tuple (type, status, main participant, time), plus ``place`` when the
expected event gives one; ``key: true`` marks the events the article is about (their
recall is reported apart). ``participant`` is a
name, an actor id or an ISO3 code, or a list of acceptable ones (which may
include null), or null for an event without a known agent; it matches a system
event with that id among its sources, or whose source id contains it as a word
('kim' matches 'kim-jong-un'); null matches an event without sources.
``time`` is the system's ``time.value``; ``place`` matches the system's ``location``
when either's words contain the other's. The guideline is ``docs/annotation.md``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dateline.actors.text import fold
from dateline.errors import E_EVENTS_NO_ARTICLES, E_EXPECTED_EVENTS
from dateline.model import Article

FIELDS = ("type", "status", "participant", "time")
STATUSES = ("occurred", "ongoing", "planned", "possible", "negated")
#: why an expected event was not matched: nothing of its type left ("not found"), or
#: what a found event of its type got wrong, in the order the report prints them
ERROR_FIELDS = ("not found", "participant", "status", "time", "place")
NONE = "-"  # the confusion matrix's column for an expected event nothing matched
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
    """Overall and per-field scores, field errors, a status confusion matrix, sanity
    counts, and what was missed or spurious per article."""

    overall: Score = field(default_factory=Score)
    fields: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    key: Score = field(default_factory=Score)
    errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ERROR_FIELDS, 0))
    confusion: dict[str, dict[str, int]] = field(
        default_factory=lambda: {s: dict.fromkeys((*STATUSES, NONE), 0) for s in STATUSES}
    )
    impossible: list[tuple[str, Row]] = field(default_factory=list)
    missed: list[tuple[str, Row]] = field(default_factory=list)
    spurious: list[tuple[str, Row]] = field(default_factory=list)
    articles: int = 0

    @property
    def status_accuracy(self) -> float:
        """Share of expected events matched on type and participant whose status is right."""
        right = sum(self.confusion[s][s] for s in STATUSES)
        paired = sum(n for s in STATUSES for k, n in self.confusion[s].items() if k != NONE)
        return right / paired if paired else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON shape: scores overall, per field and for key events; field errors;
        the status confusion matrix; impossible events; missed and spurious tuples."""
        return {
            "articles": self.articles,
            "overall": _score_dict(self.overall),
            "fields": {name: _score_dict(score) for name, score in self.fields.items()},
            "key": _score_dict(self.key),
            "errors": dict(self.errors),
            "status_accuracy": round(self.status_accuracy, 4),
            "confusion": {s: dict(row) for s, row in self.confusion.items()},
            "impossible": [{"article": name, **row} for name, row in self.impossible],
            "missed": [{"article": name, **row} for name, row in self.missed],
            "spurious": [{"article": name, **row} for name, row in self.spurious],
        }

    def format(self) -> str:
        """The report as printed by ``dateline eval events DIR``."""
        lines = [f"articles: {self.articles}", _line("overall", self.overall)]
        lines += [_line(f"  {name}", score) for name, score in self.fields.items()]
        if self.key.expected:
            key = self.key
            lines.append(
                f"{'key events':<14} R {key.recall:6.1%}  ({key.matched} of {key.expected} found)"
            )
        lines.append(
            "why expected events were missed: "
            + ", ".join(f"{name} {count}" for name, count in self.errors.items())
        )
        lines.append(
            f"status right on {self.status_accuracy:.1%} of events paired by type+participant"
        )
        lines.append("status confusion (rows expected, columns found; - = not found):")
        columns = (*STATUSES, NONE)
        lines.append(" " * 10 + "".join(f"{c:>9}" for c in columns))
        for s in STATUSES:
            lines.append(f"{s:<10}" + "".join(f"{self.confusion[s][c]:>9}" for c in columns))
        lines += [f"impossible {name}: {_show(row)}" for name, row in self.impossible]
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
    shown = " ".join(f"{k}={row.get(k)}" for k in FIELDS)
    if row.get("place"):
        shown += f" place={row['place']}"
    if row.get("wrong"):
        shown += f"  (wrong: {', '.join(row['wrong'])})"
    return shown


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
        if row["status"] not in STATUSES:
            raise E_EXPECTED_EVENTS(str(path), why=f"unknown status {row['status']!r}")
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
    """(type, status, main participant ids, time value, place) of extracted events, with
    the time window the sanity checks read."""
    rows = []
    for event in events:
        rows.append(
            {"type": event["type"], "status": event["status"], "participant": event["source"],
             "time": event["time"]["value"], "place": event.get("location"),
             "earliest": event["time"].get("earliest"), "latest": event["time"].get("latest")}
        )  # fmt: skip
    return rows


def impossible_rows(system: list[Row], dct: date) -> list[Row]:
    """Events whose status contradicts their own time: `occurred` starting after the DCT,
    `planned` ending before it."""
    day = dct.isoformat()
    late = [r for r in system if r["status"] == "occurred" and (r.get("earliest") or "") > day]
    early = [r for r in system if r["status"] == "planned" and (r.get("latest") or "9") < day]
    return late + early


def _words(text: str) -> set[str]:
    """Lower-case words without accents ('Brasília' ~ 'Brasilia'; 'Støre' ~ 'store', as
    actor ids fold them), 'St.' as 'Saint'."""
    plain = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode()
    words = set(re.split(r"[^a-z0-9]+", plain.lower())) - {""}
    return words - {"st"} | {"saint"} if "st" in words else words


def participant_matches(expected: Any, ids: list[str]) -> bool:
    """Loose actor match: same id, the expected name (without a leading 'the' or an 's) is a
    word of the id, the id is the name's abbreviation ('U.N.' or 'United Nations' ~ 'un'),
    or the id is the ISO3 code of the country the name names ('Portugal' ~ 'PRT')."""
    from dateline.actors.geo import country_code

    if expected is None:
        return not ids
    options = expected if isinstance(expected, list) else [expected]
    for option in options:
        if option is None:
            if not ids:
                return True
            continue
        # 'The Indian Coast Guard' as the text writes it: the article is no word of the name,
        # and no actor id keeps it (ids are made from names as name_key reads them); nor
        # does an id keep a possessive 's ('Cattlemen's Association': actors.text.slug)
        want = re.sub(r"^the\s+", "", re.sub(r"['’]s\b", "", str(option).lower()))
        for ident in ids:
            if want == ident.lower() or _words(want) <= _words(ident):
                return True
            if ident.lower() in _abbreviations(want):
                return True
            if ident.isupper() and country_code(str(option)) == ident:
                return True  # 'Portugal' ~ 'PRT': one country under its name and its code
    return False


def _abbreviations(name: str) -> set[str]:
    """'u.n.' → {'un'}; 'united nations' → {'un'}: the short ids actors get."""
    words = [w for w in re.split(r"[^a-z0-9.]+", name) if w]
    dotted = name.replace(".", "") if "." in name and " " not in name.strip() else ""
    initials = "".join(w[0] for w in words if w not in {"of", "the", "for", "and"})
    return {a for a in (dotted, initials if len(words) > 1 else "") if len(a) > 1}


def place_matches(expected: Any, found: str | None) -> bool:
    """An expected place (a name or a list of names) matches the found location when
    one's words contain the other's ('Seoul' ~ 'Seoul, South Korea'), both name one
    country ('Britain' ~ 'United Kingdom') or one city or region of the gazetteer
    ('Ulaanbaatar' ~ 'Ulan Bator', 'Bombay' ~ 'Mumbai'); no expected place matches
    anything."""
    if expected is None:
        return True
    if not found:
        return False
    from dateline.actors.geo import country_code, same_place

    have = _words(found)
    options = expected if isinstance(expected, list) else [expected]
    if any((want := _words(str(o))) and (want <= have or have <= want) for o in options if o):
        return True
    # one country under two of its names: 'Britain' ~ 'United Kingdom'
    code = country_code(found)
    if code is not None and any(country_code(str(o)) == code for o in options if o):
        return True
    # one city under two of its names: 'Ulaanbaatar' ~ 'Ulan Bator'
    return any(same_place(str(o), found) for o in options if o)


#: a part of day ('this morning' → T MO) or of a week ('this weekend' → -WE) after a
#: day or week refines it: the event's day is still the expected day
_PART = re.compile(
    r"^(?P<base>\d{4}-(?:\d{2}-\d{2}|W\d{2}))"
    r"(?:T(?:MO|AF|EV|NI|DT|\d{2}(?::\d{2}){0,2}(?:Z|[+-]\d{2}:\d{2})?)|-WE)$"
)


def time_matches(expected: Any, found: Any) -> bool:
    """Same time value, allowing a part of day, a clock time or a weekend on the found day or
    week."""
    if expected == found:
        return True
    part = _PART.match(found) if isinstance(found, str) else None
    return part is not None and part["base"] == expected


Matcher = Callable[[Row, Row], bool]


def field_matches(name: str, exp: Row, sys: Row) -> bool:
    """Whether a found event agrees with an expected one on one field."""
    if name == "participant":
        return participant_matches(exp.get("participant"), sys["participant"])
    if name == "place":
        return place_matches(exp.get("place"), sys.get("place"))
    if name == "time":
        return time_matches(exp.get("time"), sys.get("time"))
    return bool(exp.get(name) == sys.get(name))


def matcher(fields: tuple[str, ...]) -> Matcher:
    def same(exp: Row, sys: Row) -> bool:
        return all(field_matches(name, exp, sys) for name in fields)

    return same


FULL = (*FIELDS, "place")


def align(
    expected: list[Row], system: list[Row], same: Matcher
) -> tuple[int, list[Row], list[Row]]:
    """Greedy one-to-one matching; returns matches, unmatched expected, unmatched system."""
    pairs, missed, left = pair_up(expected, system, same)
    return len(pairs), missed, left


def pair_up(
    expected: list[Row], system: list[Row], same: Matcher
) -> tuple[list[tuple[Row, Row]], list[Row], list[Row]]:
    """Greedy one-to-one pairs in expected order; returns pairs, unpaired expected, unpaired
    system (also used by ``dateline eval stories`` to align story members)."""
    left = list(system)
    pairs, missed = [], []
    for row in expected:
        hit = next((s for s in left if same(row, s)), None)
        if hit is None:
            missed.append(row)
        else:
            left.remove(hit)
            pairs.append((row, hit))
    return pairs, missed, left


def _wrong(exp: Row, sys: Row) -> list[str]:
    """The fields on which a near miss differs from its expected event."""
    wrong = [] if field_matches("type", exp, sys) else ["not found"]
    return wrong + [name for name in ERROR_FIELDS[1:] if not field_matches(name, exp, sys)]


def score_article(expected: list[Row], system: list[Row], name: str, report: EventsReport) -> None:
    """Add one article's counts to the report.

    A match needs type, status, participant, time, and the place when the expected
    event gives one. Expected events left over are paired with left-over found events
    of the same type and participant (else the same type) to say which fields were
    wrong; the status confusion matrix counts full matches and those pairs."""
    pairs, missed, spurious = pair_up(expected, system, matcher(FULL))
    report.overall.add(Score(len(pairs), len(system), len(expected)))
    keyed = [row for row in expected if row.get("key")]
    key_hits = sum(1 for exp, _ in pairs if exp.get("key"))
    report.key.add(Score(key_hits, 0, len(keyed)))
    for name_ in FIELDS:
        fields = ("type",) if name_ == "type" else ("type", name_)
        hits, _, _ = align(expected, system, matcher(fields))
        report.fields[name_].add(Score(hits, len(system), len(expected)))
    near, far, rest = pair_up(missed, spurious, matcher(("type", "participant")))
    loose, far, rest = pair_up(far, rest, matcher(("type",)))
    for exp, sys in pairs + near:
        report.confusion[exp["status"]][sys["status"]] += 1
    for exp, sys in near + loose:
        wrong = _wrong(exp, sys)
        for what in wrong:
            report.errors[what] += 1
        report.missed.append((name, {**exp, "wrong": wrong, "found": _brief(sys)}))
    for exp in far:
        report.errors["not found"] += 1
        report.confusion[exp["status"]][NONE] += 1
        report.missed.append((name, exp))
    report.spurious += [(name, row) for row in rest]


def _brief(row: Row) -> str:
    return " ".join(f"{k}={row.get(k)}" for k in FULL)


def _articles(directory: Path, texts: Path | None) -> list[tuple[Path, Path]]:
    """(article, expected file) pairs: articles beside their expected files, or, with
    ``texts``, expected files in ``directory`` whose articles are ``texts/NAME.txt``."""
    if texts is None:
        pairs = [(p, expected_path(p)) for p in sorted(Path(directory).glob("*.txt"))]
        return [(p, e) for p, e in pairs if e.exists()]
    found = []
    for exp in sorted(Path(directory).glob("*.expected.json")):
        stem = exp.name.removesuffix(".expected.json")
        for candidate in (texts / f"{stem}.txt", texts / f"{stem}.synthetic.txt"):
            if candidate.exists():
                found.append((candidate, exp))
                break
        else:
            raise E_EXPECTED_EVENTS(str(exp), why=f"no article {stem}.txt in {texts}")
    return found


def evaluate_events(
    directory: Path, nlp: Any = None, verbose: bool = False, texts: Path | None = None
) -> EventsReport:
    """Precision and recall of (type, status, main participant, time[, place]) over a
    folder; ``texts`` is where the articles are when they are not beside their expected
    files; ``verbose`` prints the report (``dateline eval events DIR`` prints
    ``report.format()``)."""
    from dateline.extract import extract

    report = EventsReport()
    pairs = _articles(Path(directory), texts)
    if not pairs:
        raise E_EVENTS_NO_ARTICLES(directory=str(directory))
    for article_path, exp_path in pairs:
        expected, dct = load_expected(exp_path)
        article = read_article(article_path, dct)
        extraction = extract(article, nlp)
        rows = system_rows(extraction["events"])
        score_article(expected, rows, article_path.name, report)
        bad = impossible_rows(rows, article.dct) if article.dct else []
        report.impossible += [(article_path.name, row) for row in bad]
        report.articles += 1
    if verbose:
        print(report.format())
    return report
