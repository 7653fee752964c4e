"""Classify the expected events found with the right type and participant but the wrong time.

    PYTHONPATH=src python bench/time_misses.py [--sets /tmp/sets] [--dump misses.json]

Runs every development events set (the real-news set, ``tests/fixtures/events/heldout*``
and the story-series groups under ``--sets``), pairs each expected row left unmatched with
a found event of the same type and participant (as ``dateline eval events`` does), keeps
the pairs whose time differs, and counts them by shape (dated found undated, undated found
dated, a range found as one day, another value of the same grain, another grain) and by
where the text holds a timex of the expected value (the event's own sentence, its
paragraph, the lead, elsewhere, nowhere). ``--dump`` writes every pair with the found
event's evidence, for reading.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.annotate import load_nlp
from dateline.evaluate import events_eval as ev
from dateline.extract import extract

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "events"
REALNEWS_TEXTS = Path("/work/shared/data/realnews")
GROUPS = (
    "wire",
    "mixed",
    "blind16",
    "older",
    "blind17",
    "blind18",
    "blind19",
    "blind20",
    "blind21",
    "blind22",
    "blind23",
    "blind24",
    "blind25",
    "blind26",
)


def development_sets(groups_dir: Path) -> list[tuple[str, Path, Path | None]]:
    sets: list[tuple[str, Path, Path | None]] = [
        ("realnews", FIXTURES / "realnews", REALNEWS_TEXTS)
    ]
    held = sorted(FIXTURES.glob("heldout[0-9]*"), key=lambda p: int(p.name[7:]))
    sets += [(p.name, p, None) for p in held if int(p.name[7:]) >= 9]
    sets += [(g, groups_dir / g, None) for g in GROUPS]
    return [s for s in sets if s[1].is_dir()]


def shape(expected: str | None, found: str | None) -> str:
    if expected is None:
        return "undated found dated"
    if found is None:
        return "dated found undated"
    if "/" in expected and "/" not in found:
        return "range found as one day"
    if "/" not in found and len(re.sub(r"T.*$", "", found)) == len(expected):
        return "another value, same grain"
    return "another grain"


def _paragraph(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, at)
    end = text.find("\n\n", at)
    return (0 if start < 0 else start, len(text) if end < 0 else end)


def where(
    expected: str, evidence: list[dict[str, Any]], timexes: list[dict[str, Any]], text: str
) -> str:
    """Where the text holds a timex whose value is the expected time."""
    hits = [t["start"] for t in timexes if (t["value"] or "").split("T")[0] == expected]
    spans = [(e["start"], e["end"]) for e in evidence]
    if any(s <= h < e for h in hits for s, e in spans):
        return "timex in the event's evidence"
    paragraphs = [_paragraph(text, s) for s, _ in spans]
    if any(s <= h < e for h in hits for s, e in paragraphs):
        return "timex in the event's paragraph"
    lead_end = text.find("\n\n", text.find("\n\n") + 2)
    if any(h < (lead_end if lead_end > 0 else len(text)) for h in hits):
        return "timex in the lead"
    if hits:
        return "timex elsewhere"
    return "a range no timex gives" if "/" in expected else "no timex of that value"


def misses(name: str, directory: Path, texts: Path | None, nlp: Any) -> list[dict[str, Any]]:
    found = []
    for article_path, expected_path in ev._articles(directory, texts):
        expected, dct = ev.load_expected(expected_path)
        article = ev.read_article(article_path, dct)
        extraction = extract(article, nlp)
        rows = ev.system_rows(extraction["events"])
        for row, event in zip(rows, extraction["events"], strict=True):
            row["event"] = event
        _, missed, spurious = ev.pair_up(expected, rows, ev.matcher(ev.FULL))
        near, _, _ = ev.pair_up(missed, spurious, ev.matcher(("type", "participant")))
        for exp, sys_row in near:
            if ev.field_matches("time", exp, sys_row):
                continue
            event = sys_row["event"]
            value = exp["time"]
            found.append(
                {"set": name, "article": article_path.name, "expected": exp,
                 "found": event["time"]["value"], "cue": event["cue"],
                 "evidence": [e["sentence"] for e in event["evidence"]],
                 "shape": shape(value, event["time"]["value"]),
                 "where": where(value, event["evidence"], extraction["timexes"], article.text)
                 if value else "expected undated"}
            )  # fmt: skip
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=Path, default=Path("/tmp/sets"))
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args()
    nlp = load_nlp()
    rows = []
    for name, directory, texts in development_sets(args.sets):
        rows += misses(name, directory, texts, nlp)
    keyed = sum(1 for r in rows if r["expected"].get("key"))
    print(f"{len(rows)} expected rows found with the wrong time ({keyed} key)")
    for kind, count in Counter(r["shape"] for r in rows).most_common():
        print(f"  {kind:28} {count:4}")
        places = Counter(r["where"] for r in rows if r["shape"] == kind)
        for place, n in places.most_common():
            print(f"      {place:36} {n:4}")
    if args.dump:
        args.dump.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
