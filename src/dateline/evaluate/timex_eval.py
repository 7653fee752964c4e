"""TempEval-3 Task A scores for the timex tagger on a folder of TimeML files.

Strict match: identical span; relaxed match: overlapping spans (each gold
TIMEX3 pairs with at most one of ours). Attribute F1 (value, type) is relaxed
F1 times the attribute's accuracy over the relaxed matches. The DCT is not
scored.

With ``lenient_gold`` (not TempEval-3's scoring, which stays the default) a
gold value with ``X`` digits matches a value that fills them with digits and
agrees everywhere else (``1989-WXX`` ~ ``1989-W21``, ``PXY`` ~ ``P3Y``), and a
gold value outside the TIMEX3 value grammar (``2000-W7``, ``T17``) is listed
and left out of the value accuracy.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import E_NO_TIMEML, DatelineError
from dateline.evaluate.timeml import GoldTimex, TimeMLDoc, read_timeml, to_timeml
from dateline.model import Timex
from dateline.timex import is_valid_value, tag

Progress = Callable[[int, int], None]


@dataclass
class Counts:
    """Match counts of one slice of the data (all, or one TIMEX3 type)."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    type_ok: int = 0
    value_left_out: int = 0  # relaxed matches whose malformed gold value is not scored

    @property
    def value_scored(self) -> int:
        """Relaxed matches whose value is scored."""
        return self.relaxed - self.value_left_out

    def f1(self, matched: int) -> tuple[float, float, float]:
        """Precision, recall and F1 for ``matched`` pairs."""
        p = matched / self.system if self.system else 0.0
        r = matched / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def attribute_f1(self, correct: int, scored: int | None = None) -> float:
        """Relaxed F1 × attribute accuracy over the ``scored`` relaxed matches (all of them
        unless some were left out)."""
        scored = self.relaxed if scored is None else scored
        accuracy = correct / scored if scored else 0.0
        return self.f1(self.relaxed)[2] * accuracy

    def to_dict(self) -> dict[str, Any]:
        strict, relaxed = self.f1(self.strict), self.f1(self.relaxed)
        scored = self.value_scored
        return {
            "gold": self.gold,
            "system": self.system,
            "strict": {"precision": strict[0], "recall": strict[1], "f1": strict[2]},
            "relaxed": {"precision": relaxed[0], "recall": relaxed[1], "f1": relaxed[2]},
            "value_f1": self.attribute_f1(self.value_ok, self.value_scored),
            "type_f1": self.attribute_f1(self.type_ok),
            "value_accuracy": self.value_ok / scored if scored else 0.0,
        }


@dataclass
class TimexReport:
    """Scores of :func:`evaluate_timex`, with the most frequent errors."""

    documents: int = 0
    seconds: float = 0.0
    total: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    value_errors: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    rejected: list[str] = field(default_factory=list)  # coded one-line reasons, per file
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)
    lenient_gold: bool = False
    # (file, text, gold value) of gold values outside the TIMEX3 grammar (lenient only)
    malformed: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The scores as plain JSON-ready data."""
        return {
            "documents": self.documents,
            "docs_per_second": self.docs_per_second,
            **self.total.to_dict(),
            "by_type": {name: counts.to_dict() for name, counts in sorted(self.by_type.items())},
            "value_errors": [
                {"text": t, "gold": g, "ours": o, "count": n}
                for (t, g, o), n in self.value_errors.most_common(20)
            ],
            "missed": self.missed.most_common(20),
            "spurious": self.spurious.most_common(20),
            "rejected": self.rejected,
            "lenient_gold": self.lenient_gold,
            "malformed_gold": [
                {"file": name, "text": text, "gold": value} for name, text, value in self.malformed
            ],
        }

    def format(self) -> str:
        """A readable table of the scores and the top value errors."""
        return "\n".join(_format_report(self))


def _format_report(report: TimexReport) -> list[str]:
    t = report.total.to_dict()
    scoring = "lenient gold (X digits, malformed values left out)" if report.lenient_gold else ""
    lines = [
        f"documents {report.documents}   tag() speed {report.docs_per_second:.0f} docs/s",
        f"gold TIMEX3 {t['gold']}   ours {t['system']}",
        *([f"scoring: {scoring}"] if scoring else []),
        "",
        "| score | P | R | F1 |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name in ("strict", "relaxed"):
        s = t[name]
        lines.append(f"| {name} span | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |")
    lines += [f"| value | | | {t['value_f1']:.3f} |", f"| type | | | {t['type_f1']:.3f} |", ""]
    lines += [
        "| type | gold | ours | strict F1 | relaxed F1 | value F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, counts in sorted(report.by_type.items()):
        d = counts.to_dict()
        scores = [d["strict"]["f1"], d["relaxed"]["f1"], d["value_f1"]]
        cells = " | ".join(f"{score:.3f}" for score in scores)
        lines.append(f"| {name} | {d['gold']} | {d['system']} | {cells} |")
    lines += ["", "| count | text | gold value | our value |", "| ---: | --- | --- | --- |"]
    for (text, gold, ours), n in report.value_errors.most_common(20):
        lines.append(f"| {n} | {text} | {gold} | {ours} |")
    if report.malformed:
        lines += ["", f"malformed gold values left out of the value score: {len(report.malformed)}"]
        lines += [f"  {name}: {text!r} {value}" for name, text, value in report.malformed]
    if report.rejected:
        lines += ["", f"rejected {len(report.rejected)} file(s), not scored:", *report.rejected]
    return lines


def fills(gold: str, ours: str) -> bool:
    """Whether ``ours`` is ``gold`` with its ``X`` digits filled: ``1989-WXX`` ~ ``1989-W21``,
    ``XXXX-WXX-7`` ~ ``1848-W10-7``, ``PXY`` ~ ``P3Y`` (an amount may have any length)."""
    if gold == ours:
        return True
    if "X" not in gold:
        return False
    return _x_pattern(gold).fullmatch(ours) is not None


def _x_pattern(gold: str) -> re.Pattern[str]:
    amount = r"[0-9]+(?:\.[0-9]+)?"
    pieces = re.split(r"(X+)", gold)
    if gold.startswith("P"):  # a duration's X stands for an amount of any length
        parts = [amount if piece.startswith("X") else re.escape(piece) for piece in pieces]
    else:  # a date's X stands for one digit
        parts = [
            f"[0-9]{{{len(piece)}}}" if piece.startswith("X") else re.escape(piece)
            for piece in pieces
        ]
    return re.compile("".join(parts))


def _pairs(gold: list[GoldTimex], ours: list[Timex]) -> list[tuple[GoldTimex, Timex]]:
    """Relaxed one-to-one pairs: overlapping spans, exact ones first."""
    pairs: list[tuple[GoldTimex, Timex]] = []
    used: set[int] = set()
    for exact_only in (True, False):
        for g in gold:
            if any(g is p[0] for p in pairs):
                continue
            for index, o in enumerate(ours):
                same = (o.start, o.end) == (g.start, g.end)
                if index not in used and (
                    same if exact_only else o.start < g.end and g.start < o.end
                ):
                    pairs.append((g, o))
                    used.add(index)
                    break
    return pairs


def _count(report: TimexReport, doc: TimeMLDoc, ours: list[Timex]) -> None:
    pairs = _pairs(doc.timexes, ours)
    lenient = report.lenient_gold
    for counts, gold, system, chosen in _slices(report, doc.timexes, ours, pairs):
        counts.gold += len(gold)
        counts.system += len(system)
        for g, o in chosen:
            counts.relaxed += 1
            counts.strict += (g.start, g.end) == (o.start, o.end)
            counts.type_ok += g.type == o.type
            if lenient:
                if is_valid_value(g.value):
                    counts.value_ok += fills(g.value, o.value)
                else:
                    counts.value_left_out += 1
            else:
                counts.value_ok += g.value == o.value
    for g, o in pairs:
        if lenient and not is_valid_value(g.value):
            report.malformed.append((doc.doc_id, g.text, g.value))
        elif not (fills(g.value, o.value) if lenient else g.value == o.value):
            report.value_errors[(g.text.lower(), g.value, o.value)] += 1
    matched_gold = {id(g) for g, _ in pairs}
    matched_ours = {id(o) for _, o in pairs}
    report.missed.update(g.text.lower() for g in doc.timexes if id(g) not in matched_gold)
    report.spurious.update(o.text.lower() for o in ours if id(o) not in matched_ours)


def _slices(
    report: TimexReport,
    gold: list[GoldTimex],
    ours: list[Timex],
    pairs: list[tuple[GoldTimex, Timex]],
) -> list[tuple[Counts, list[Any], list[Any], list[tuple[GoldTimex, Timex]]]]:
    slices = [(report.total, gold, ours, pairs)]
    for name in {g.type for g in gold} | {o.type for o in ours}:
        counts = report.by_type.setdefault(name, Counts())
        # a pair counts for a type when both sides have it, so P and R stay within 0..1
        chosen = [(g, o) for g, o in pairs if g.type == name and o.type == name]
        slices.append(
            (
                counts,
                [g for g in gold if g.type == name],
                [o for o in ours if o.type == name],
                chosen,
            )
        )
    return slices


def evaluate_timex(
    gold_dir: Path,
    out_dir: Path | None = None,
    progress: Progress | None = None,
    *,
    lenient_gold: bool = False,
) -> TimexReport:
    """Tag every ``.tml`` file under ``gold_dir`` and score against its TIMEX3 tags
    (TempEval-3's scoring; ``lenient_gold``: X digits and malformed gold values, see above)."""
    paths = sorted(Path(gold_dir).rglob("*.tml"))
    if not paths:
        raise E_NO_TIMEML(str(gold_dir))
    report = TimexReport(lenient_gold=lenient_gold)
    tag("Warm-up on May 4, 2001.", date(2001, 5, 4))  # rules load once, outside the timing
    for done, path in enumerate(paths, start=1):
        try:
            _score(report, path, out_dir)
        except DatelineError as exc:
            report.rejected.append(str(exc))  # the rest of the folder is still scored
        if progress is not None:
            progress(done, len(paths))
    return report


def _score(report: TimexReport, path: Path, out_dir: Path | None) -> None:
    """Tag one TimeML file, time ``tag()`` and count its matches."""
    doc = read_timeml(path)
    started = time.perf_counter()
    ours = tag(doc.text, doc.dct)
    report.seconds += time.perf_counter() - started
    report.documents += 1
    _count(report, doc, ours)
    if out_dir is not None:
        _write(Path(out_dir), path.name, doc, ours)


def _write(out_dir: Path, name: str, doc: TimeMLDoc, ours: list[Timex]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / name).write_text(to_timeml(doc.text, doc.dct, ours, doc.doc_id), encoding="utf-8")
