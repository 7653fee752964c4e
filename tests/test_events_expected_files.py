"""Every expected-events file follows docs/annotation.md and names an article that exists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.events_eval import STATUSES, expected_path, load_expected
from dateline.events.lexicon import EVENT_TYPES

EVENTS = Path(__file__).parent / "fixtures" / "events"
REALNEWS = Path(__file__).parents[2] / "shared" / "data" / "realnews"
FILES = sorted(EVENTS.rglob("*.expected.json"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(EVENTS)))
def test_expected_file_follows_the_guideline(path: Path) -> None:
    rows, _ = load_expected(path)
    for row in rows:
        assert row["type"] in EVENT_TYPES, row
        assert row["status"] in STATUSES, row
        assert "participant" in row, row
        assert row["time"] is None or isinstance(row["time"], str), row
        assert isinstance(row.get("key", False), bool), row
    if path.parent.name == "realnews":
        if REALNEWS.is_dir():
            assert (REALNEWS / path.name.replace(".expected.json", ".txt")).exists()
    else:
        stem = path.name.removesuffix(".expected.json")
        assert any(expected_path(p) == path for p in path.parent.glob(f"{stem}*.txt"))


def test_the_real_news_set_is_complete() -> None:
    if not REALNEWS.is_dir():
        pytest.skip("../shared/data/realnews is not here")
    texts = {p.stem for p in REALNEWS.glob("*.txt")}
    gold = {p.name.removesuffix(".expected.json") for p in (EVENTS / "realnews").glob("*.json")}
    assert gold == texts
    assert all(json.loads(p.read_text())["events"] for p in (EVENTS / "realnews").glob("*.json"))
