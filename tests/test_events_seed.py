"""Every event row of the seed's EXPECTED.md, one test each (full pipeline, dct 2025-05-21)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.model import Article

pytestmark = pytest.mark.model
SEED = Path(__file__).parent / "fixtures" / "events" / "seed_000_fd07e1a8af72dee4.txt"
Event = dict[str, Any]


@pytest.fixture(scope="module")
def extraction() -> dict[str, Any]:
    from dateline.extract import extract
    from dateline.read import read_file

    article = next(read_file(str(SEED)))
    assert isinstance(article, Article)
    return extract(article)


@pytest.fixture(scope="module")
def events(extraction: dict[str, Any]) -> list[Event]:
    return list(extraction["events"])


def find(events: list[Event], kind: str, who: str, status: str, value: str | None = "any") -> Event:
    """The one event of that type and status with ``who`` among its sources."""
    hits = [
        e
        for e in events
        if e["type"] == kind
        and who in e["source"]
        and e["status"] == status
        and (value == "any" or e["time"]["value"] == value)
    ]
    assert len(hits) == 1, f"{kind} {who} {status} {value}: {len(hits)} events in {events}"
    return hits[0]


def test_agree_signed_in_pyongyang_2024_06_19_caption_and_body(events: list[Event]) -> None:
    event = find(events, "AGREE", "kim-jong-un", "occurred")
    assert "vladimir-putin" in event["source"]
    assert event["location"] == "Pyongyang"
    assert event["time"]["value"] == "2024-06-19" and event["dated"]
    sentences = [ev["sentence"] for ev in event["evidence"]]
    assert any(s.startswith("Russian President") for s in sentences)  # the caption
    assert any(s.startswith("Kim and Putin signed") for s in sentences)  # the body
    assert event["plover"] == "AGREE"


def test_putin_visited_north_korea_june_2024(events: list[Event]) -> None:
    event = find(events, "VISIT", "vladimir-putin", "occurred")
    assert event["target"] == ["PRK"]
    assert event["location"] == "Pyongyang"
    assert event["time"]["value"] == "2024-06" and event["dated"]


def test_putin_invited_kim_in_pyongyang_june_2024(events: list[Event]) -> None:
    event = find(events, "INVITE", "vladimir-putin", "occurred")
    assert event["target"] == ["kim-jong-un"]
    assert event["location"] == "Pyongyang"
    assert event["time"]["value"] == "2024-06"


def test_kim_visit_to_russia_planned_undated_with_candidates(events: list[Event]) -> None:
    event = find(events, "VISIT", "kim-jong-un", "planned")
    assert event["target"] == ["RUS"]
    assert event["location"] in ("Russia", "Moscow")
    assert not event["dated"] and event["time"]["value"] is None
    assert event["time"]["earliest"] == "2025-05-21"
    candidates = {(c["value"], c["status"]) for c in event["candidates"]}
    assert candidates == {("2025-06", "possible"), ("2025-09", "possible")}


def test_rudenko_statement_2025_05_21(events: list[Event]) -> None:
    event = find(events, "STATEMENT", "andrey-rudenko", "occurred")
    assert event["source"][0] == "andrey-rudenko"
    assert event["time"]["value"] == "2025-05-21"


@pytest.mark.parametrize("year", ["2019", "2023"])
def test_kim_visited_russian_far_east(events: list[Event], year: str) -> None:
    event = find(events, "VISIT", "kim-jong-un", "occurred", value=year)
    assert event["target"] == ["RUS"]
    assert event["location"] == "Russian Far East"
    assert event["dated"]


def test_kim_never_visited_moscow(events: list[Event]) -> None:
    event = find(events, "VISIT", "kim-jong-un", "negated")
    assert event["location"] == "Moscow"
    assert event["cue"] == "never"
    assert not event["dated"]


def test_leaders_could_meet_in_russia_next_month(events: list[Event]) -> None:
    event = find(events, "MEET", "kim-jong-un", "possible")
    assert set(event["source"]) == {"kim-jong-un", "vladimir-putin"}
    assert event["location"] == "Russia"
    assert event["time"]["value"] == "2025-06"
    assert event["attribution"] == "some"


def test_north_korean_troops_deployed_to_ukraine(events: list[Event]) -> None:
    event = find(events, "DEPLOY", "PRK", "occurred")
    assert event["target"] == ["UKR"]
    assert event["location"] == "Ukraine"
    assert not event["dated"] and event["time"]["latest"] == "2025-05-21"


def test_discussion_is_conditional_on_the_visit(events: list[Event]) -> None:
    event = find(events, "DISCUSS", "kim-jong-un", "possible")
    assert "vladimir-putin" in event["source"]
    assert event["cue"] == "if"


def test_invitation_attributed_to_rudenko(events: list[Event]) -> None:
    event = find(events, "INVITE", "vladimir-putin", "occurred")
    assert event["attribution"] == "andrey-rudenko"


def test_event_ids_are_unique_and_readable(events: list[Event]) -> None:
    ids = [e["id"] for e in events]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith(e["type"].lower() + "-") for i, e in zip(ids, events, strict=True))


def test_evidence_offsets_index_the_text(extraction: dict[str, Any]) -> None:
    text = extraction["document"]["text"]
    for event in extraction["events"]:
        for evidence in event["evidence"]:
            assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]
