"""extract / extract_many / format_text: the extraction document of DESIGN.md."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dateline.extract import format_text
from dateline.model import Article

SEED = Path(__file__).parent / "fixtures" / "events" / "seed_000_fd07e1a8af72dee4.txt"
EVENT = {
    "id": "visit-1", "type": "VISIT", "plover": "CONSULT", "status": "planned", "dated": False,
    "source": ["kim-jong-un"], "target": ["RUS"], "location": "Moscow",
    "time": {"value": None, "earliest": "2025-05-21", "latest": None, "granularity": None},
    "candidates": [{"value": "2025-06", "status": "possible", "text": "next month"}],
    "attribution": "andrey-rudenko",
    "evidence": [{"start": 0, "end": 20, "sentence": "Kim will visit Russia."}],
}  # fmt: skip


def test_format_text_one_line_per_event() -> None:
    line = format_text({"events": [EVENT, {**EVENT, "status": "negated", "candidates": []}]})
    first, second = line.splitlines()
    assert first.startswith("after 2025-05-21 (maybe 2025-06)")
    assert "planned" in first and "VISIT" in first and "kim-jong-un → RUS" in first
    assert "@ Moscow" in first and "(per andrey-rudenko)" in first
    assert first.endswith("“Kim will visit Russia.”")
    assert "negated" in second


def test_format_text_dated_event_shows_its_value() -> None:
    dated = {**EVENT, "dated": True, "time": {**EVENT["time"], "value": "2024-06-19"}}  # type: ignore[dict-item]
    assert format_text({"events": [dated]}).startswith("2024-06-19 ")


@pytest.mark.model
def test_extract_document_has_design_keys(nlp: Any) -> None:
    from dateline.extract import extract

    article = Article(text="Kim Jong-un visited Moscow on Monday.", dct=date(2025, 5, 21))
    doc = extract(article, nlp)
    assert set(doc) == {"document", "timexes", "actors", "places", "events"}
    assert {"id", "dct", "published", "title", "byline", "source", "url", "text"} <= set(
        doc["document"]
    )
    event = doc["events"][0]
    assert event["type"] == "VISIT" and event["time"]["value"] == "2025-05-19"
    assert event["status"] == "occurred" and event["dated"]


@pytest.mark.model
def test_extract_many_keeps_order_and_matches_extract(nlp: Any) -> None:
    from dateline.extract import extract, extract_many
    from dateline.read import read_file

    seed = next(read_file(str(SEED)))
    assert isinstance(seed, Article)
    small = Article(text="Xi Jinping will visit Hanoi next week.", dct=date(2025, 5, 21))
    many = list(extract_many([small, seed, small], nlp, batch_size=2))
    assert [m["document"]["id"] for m in many] == [small.id, seed.id, small.id]
    assert many[1]["events"] == extract(seed, nlp)["events"]
