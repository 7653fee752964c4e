"""Class the wrong history answers of ``dateline eval stories --json`` (issue 12).

Each expected ``(dct, state)`` that the answering story's history gets wrong falls in one
class (docs/stories.md, "Twenty-second round"):

- ``A`` no answering story: none of the expected story's members was matched to an
  extracted event (the events step missed them all);
- ``B1`` the answering story has no entry of that article date, and a member of that
  article was matched but went to another found story (the linker split it off);
- ``B2`` no entry of that date, and no member of that article was matched (the events
  step missed the article's report of the story);
- ``B3`` no entry of that date, and the expected story has no member in that article;
- ``B4`` no entry of that date left: the article's member is in the story, and its entry
  answered another expected entry of the same date (none in the 64 series);
- ``C expected -> found`` an entry of that date with another state.

    dateline eval stories tests/fixtures/stories --texts ../shared/data/realnews --json > r.json
    python bench/story_history_classes.py r.json tests/fixtures/stories \
        --texts ../shared/data/realnews
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.evaluate.events_eval import load_expected
from dateline.evaluate.stories_eval import Series, find_series


def article_dates(series: Series) -> dict[str, str]:
    """Each article's date: its expected file's ``dct``, else its text's ``date`` line."""
    dates = {}
    for name in series.articles:
        _, dct = load_expected(series.expected(name))
        if dct is None:
            first = series.text(name).read_text(encoding="utf-8").split("\n", 1)[0]
            dates[name] = first.split()[1] if first.startswith("date ") else ""
        else:
            dates[name] = dct.isoformat()
    return dates


def answer_class(story: dict[str, Any], answer: dict[str, Any], dates: dict[str, str]) -> str:
    """The class of one wrong history answer of an expected story (module docstring)."""
    if story["found"] is None:
        return "A"
    if answer["found"]:
        return f"C {answer['expected']} -> {answer['found'][0]}"
    here = [m for m in story["members"] if dates.get(m["article"]) == answer["dct"]]
    if not here:
        return "B3"
    if any(m["found"] and m["found"] != story["found"] for m in here):
        return "B1"
    return "B2" if all(m["found"] is None for m in here) else "B4"


def classes(report: dict[str, Any], every: dict[str, Series]) -> Counter[str]:
    """Counts of the wrong history answers of every series of a report, by class."""
    counts: Counter[str] = Counter()
    for result in report["series"]:
        dates = article_dates(every[result["series"]])
        for story in result["stories"]:
            for answer in story["history"]:
                if not answer["right"]:
                    counts[answer_class(story, answer, dates)] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("report", type=Path, help="dateline eval stories --json output")
    parser.add_argument("directory", type=Path, help="the folder of series it scored")
    parser.add_argument("--texts", type=Path, default=None)
    args = parser.parse_args()
    report = json.loads(args.report.read_text(encoding="utf-8"))
    every = {s.name: s for s in find_series(args.directory, args.texts)}
    counts = classes(report, every)
    total = sum(counts.values())
    heads = Counter(k.split(" ", 1)[0] for k in counts.elements())
    print(f"wrong history answers: {total}")
    for head, n in sorted(heads.items()):
        print(f"{n:6d}  {head}")
    for key, n in counts.most_common():
        if key.startswith("C "):
            print(f"{n:6d}    {key}")


if __name__ == "__main__":
    main()
