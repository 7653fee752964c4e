"""The story series checker (tests/fixtures/stories/check_series.py) lists pending stories by
dateline's rules: an undated plan is no longer pending ``stale_days`` after its last report."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from dateline.link.settings import default_settings

CHECKER = Path(__file__).parent / "fixtures" / "stories" / "check_series.py"


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_series", CHECKER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _story(kind: str, time: str | None) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
    expected = {"a.txt": {"events": [{"type": kind, "status": "planned", "time": time}]}}
    story = {
        "id": "s",
        "members": [{"article": "a.txt", "event": 0}],
        "history": [{"dct": "2024-01-10", "state": "dated" if time else "announced"}],
    }
    return story, expected, {"a.txt": "2024-01-10"}


def test_the_checker_reads_dateline_s_stale_rules() -> None:
    settings = default_settings()
    assert _checker().stale_rules() == (
        settings.stale_days,
        set(settings.speech_types),
        settings.speech_future_days,
    )


def test_an_undated_plan_stops_being_pending_after_stale_days_as_dateline_says() -> None:
    check = _checker()
    rules = (730, {"STATEMENT"}, 14)
    story, expected, dates = _story("VISIT", None)
    assert check.pending_state(story, expected, dates, "2026-01-09", rules) == "announced"
    assert check.pending_state(story, expected, dates, "2026-01-10", rules) is None  # 731 days
    speech, expected, dates = _story("STATEMENT", None)
    assert check.pending_state(speech, expected, dates, "2024-01-24", rules) == "announced"
    assert check.pending_state(speech, expected, dates, "2024-01-25", rules) is None


def test_a_dated_plan_is_pending_until_its_day_has_passed_however_old() -> None:
    check = _checker()
    story, expected, dates = _story("VISIT", "2027-05")
    rules = (730, set(), 14)
    assert check.pending_state(story, expected, dates, "2027-05-31", rules) == "dated"
    assert check.pending_state(story, expected, dates, "2027-06-01", rules) is None


def test_every_series_agrees_with_the_checker() -> None:
    """Every series whose texts are here (the real-news series read theirs from
    ../shared/data/realnews, which a clone elsewhere lacks: those are skipped)."""
    import json

    check = _checker()
    checked = 0
    for path in sorted(CHECKER.parent.glob("*/series.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "texts" in data and not (check.ROOT / data["texts"]).is_dir():
            continue
        _, errors = check.check(path)
        assert errors == [], (path.parent.name, errors)
        checked += 1
    assert checked > 0


def _held_then(state: str, dct: str, time: str | None) -> tuple[Any, Any, Any]:
    """A visit dated, reported held, then reported again on ``dct`` with ``state``."""
    rows = [("planned", "2024-03-20"), ("occurred", "2024-03-20"), ("planned", time)]
    expected = {
        f"{n}.txt": {"events": [{"type": "VISIT", "status": s, "time": t}]}
        for n, (s, t) in enumerate(rows)
    }
    days = {"0.txt": "2024-03-01", "1.txt": "2024-03-21", "2.txt": dct}
    story = {
        "id": "s",
        "members": [{"article": a, "event": 0} for a in days],
        "history": [
            {"dct": "2024-03-01", "state": "dated"},
            {"dct": "2024-03-21", "state": "occurred"},
            {"dct": dct, "state": state},
        ],
    }
    return story, expected, days


def test_a_later_day_s_postponement_takes_back_a_held_event_as_dateline_folds_it() -> None:
    check = _checker()
    rules = (730, set(), 14)
    story, expected, days = _held_then("postponed", "2024-03-22", None)
    assert check.pending_state(story, expected, days, "2024-03-22", rules) == "postponed"
    assert check.pending_state(story, expected, days, "2024-03-21", rules) is None


def test_a_postponement_the_same_day_or_to_an_old_date_leaves_the_event_held() -> None:
    check = _checker()
    rules = (730, set(), 14)
    same_day = _held_then("postponed", "2024-03-21", None)
    assert check.pending_state(*same_day, "2024-03-22", rules) is None
    old_date = _held_then("rescheduled", "2024-03-22", "2024-03")
    assert check.pending_state(*old_date, "2024-03-22", rules) is None
    new_date = _held_then("rescheduled", "2024-03-22", "2024-04-10")
    assert check.pending_state(*new_date, "2024-03-22", rules) == "rescheduled"
