"""The classes of wrong history answers (bench/story_history_classes.py, docs/stories.md,
"Twenty-second round"), on made-up answers of ``dateline eval stories --json``."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

_PATH = Path(__file__).parent.parent / "bench" / "story_history_classes.py"
_SPEC = importlib.util.spec_from_file_location("story_history_classes", _PATH)
assert _SPEC and _SPEC.loader
classes = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(classes)

DATES = {"a.txt": "2026-03-01", "b.txt": "2026-03-05", "c.txt": "2026-03-09"}


def story(found: str | None, *members: tuple[str, str | None]) -> dict[str, Any]:
    return {
        "found": found,
        "members": [{"article": a, "event": n, "found": f} for n, (a, f) in enumerate(members)],
    }


def answer(dct: str, expected: str, *found: str) -> dict[str, Any]:
    return {"dct": dct, "expected": expected, "found": list(found), "right": False}


def test_a_story_with_no_member_matched_has_no_answering_story() -> None:
    s = story(None, ("a.txt", None), ("b.txt", None))
    assert classes.answer_class(s, answer("2026-03-01", "announced"), DATES) == "A"


def test_an_entry_of_the_date_with_another_state_is_named_by_its_pair() -> None:
    s = story("story:1", ("a.txt", "story:1"))
    got = classes.answer_class(s, answer("2026-03-01", "dated", "announced"), DATES)
    assert got == "C dated -> announced"


def test_a_report_of_the_date_in_another_story_is_b1() -> None:
    s = story("story:1", ("a.txt", "story:1"), ("b.txt", "story:2"), ("b.txt", None))
    assert classes.answer_class(s, answer("2026-03-05", "postponed"), DATES) == "B1"


def test_a_report_of_the_date_not_matched_is_b2() -> None:
    s = story("story:1", ("a.txt", "story:1"), ("b.txt", None))
    assert classes.answer_class(s, answer("2026-03-05", "postponed"), DATES) == "B2"


def test_a_date_with_no_member_of_the_story_is_b3() -> None:
    s = story("story:1", ("a.txt", "story:1"), ("b.txt", "story:1"))
    assert classes.answer_class(s, answer("2026-03-09", "occurred"), DATES) == "B3"


def test_a_member_in_the_story_whose_entry_answered_another_is_b4() -> None:
    s = story("story:1", ("a.txt", "story:1"))
    assert classes.answer_class(s, answer("2026-03-01", "dated"), DATES) == "B4"
