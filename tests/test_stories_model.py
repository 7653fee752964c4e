"""Stories from real articles through the whole pipeline (read → extract → store → link).

Expectations come from shared/seed/EXPECTED.md (last paragraph) and
examples/corpus/EXPECTED.md, not from this code's output. Where the
extractor does not yet give what those files say, the test is marked
``xfail(strict=True)`` with the reason: it fails loudly once fixed, so the
mark can be removed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"

pytestmark = pytest.mark.model


def _ingest(paths: list[str], db: Path) -> Store:
    from dateline.ingest import ingest

    store = Store(str(db))
    summary = ingest(paths, store)
    assert summary.added >= 1
    return store


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    seed = Path(__file__).parent / "fixtures" / "events" / "seed_000_fd07e1a8af72dee4.txt"
    store = _ingest([str(seed)], tmp_path_factory.mktemp("seed") / "seed.db")
    yield store
    store.close()


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = _ingest([str(CORPUS)], tmp_path_factory.mktemp("corpus") / "corpus.db")
    yield store
    store.close()


def _visit_of(stories: list[dict[str, Any]], traveller: str) -> list[dict[str, Any]]:
    return [
        s
        for s in stories
        if s["type"] == "VISIT" and traveller in {p["id"] for p in s["participants"]}
    ]


# --- the seed ------------------------------------------------------------------------


def test_seed_pending_shows_kims_visit_to_russia(seed_store: Store) -> None:
    pending = seed_store.pending(as_of="2025-05-21")
    visits = _visit_of(pending, "kim-jong-un")
    assert len(visits) == 1, [(s["type"], s["participants"]) for s in pending]
    kim = visits[0]
    assert kim["status"] == "planned" and not kim["dated"]  # no date set
    assert {"RUS"} <= {p["id"] for p in kim["participants"]}
    assert {"2025-06", "2025-09"} <= {c["value"] for c in kim["candidates"]}
    invites = [f for f in kim["facets"] if f["type"] == "INVITE"]
    assert invites and invites[0]["by"] == ["vladimir-putin"]
    assert invites[0]["time"] == "2024-06"  # invited in June 2024
    assert kim["first_announced"]["date"] == "2024-06"
    assert kim["latest_evidence"]["dct"] == "2025-05-21"
    assert "andrey-rudenko" in kim["latest_evidence"]["attributions"]  # reaffirmed by Rudenko


def test_seed_pending_holds_nothing_else_of_kims_visits(seed_store: Store) -> None:
    # The 2019 and 2023 visits happened; "has never visited Moscow" is no plan.
    pending = seed_store.pending(as_of="2025-05-21")
    assert all(s["status"] in ("planned", "possible") for s in pending)
    assert len(_visit_of(pending, "kim-jong-un")) == 1


# --- examples/corpus -------------------------------------------------------------------


def _story_with(
    store: Store, kind: str, dct: str, participant: str, value: str | None = None
) -> dict[str, Any]:
    """The story of the given type holding an event of that article date and participant
    (and of that time value, when given)."""
    found = {
        ev["story_id"]
        for ev in store.events(type=kind)
        if ev["dct"] == dct
        and participant in ev["source"] + ev["target"]
        and (value is None or ev["time"]["value"] == value)
    }
    assert len(found) == 1, found
    story = store.story(found.pop())
    assert story is not None
    return story


def test_corpus_state_visit_from_invitation_to_arrival(corpus_store: Store) -> None:
    story = _story_with(corpus_store, "VISIT", "2026-02-20", "andres-valdivia")
    dcts = [h["dct"] for h in story["history"]]
    assert {"2026-01-14", "2026-02-20", "2026-03-05"} <= set(dcts)
    statuses = dict(zip(dcts, [h["status"] for h in story["history"]], strict=True))
    assert statuses["2026-01-14"] == "planned"
    assert statuses["2026-02-20"] == "planned"
    # "arrived in Hanoi on Thursday" for a three-day visit: happened or happening, not planned.
    assert statuses["2026-03-05"] in ("occurred", "ongoing")
    assert story["status"] == "occurred" and story["time"]["earliest"] == "2026-03-05"
    # Khoa's own visit to Chile next year goes the other way: another story.
    assert "nguyen-van-khoa" not in {
        s
        for ev in corpus_store.events(type="VISIT")
        if ev["story_id"] == story["id"]
        for s in ev["source"]
    }


def test_corpus_visit_pending_until_arrival(corpus_store: Store) -> None:
    ids = {s["id"] for s in corpus_store.pending(as_of="2026-02-20")}
    story = _story_with(corpus_store, "VISIT", "2026-02-20", "andres-valdivia")
    assert story["id"] in ids
    assert story["id"] not in {s["id"] for s in corpus_store.pending(as_of="2026-03-05")}


def test_corpus_summit_scheduled_postponed_held_is_one_story(corpus_store: Store) -> None:
    story = _story_with(corpus_store, "MEET", "2025-09-10", "miguel-santos-ribeiro")
    assert [h["dct"] for h in story["history"]] == [
        "2025-09-10",
        "2025-10-08",
        "2025-11-18",
        "2025-12-02",
    ]
    assert [h["status"] for h in story["history"]] == ["planned", "planned", "planned", "occurred"]
    assert story["history"][1]["postponed"]
    assert story["time"]["value"] == "2025-12-02"


def test_corpus_summit_pending_after_postponement_shows_december(corpus_store: Store) -> None:
    story = _story_with(corpus_store, "MEET", "2025-09-10", "miguel-santos-ribeiro")
    pending = {s["id"]: s for s in corpus_store.pending(as_of="2025-11-01")}
    assert pending[story["id"]]["time"]["value"] == "2025-12"


def test_corpus_cancelled_trip_is_one_story_and_not_pending_after(corpus_store: Store) -> None:
    story = _story_with(corpus_store, "VISIT", "2026-04-02", "ingrid-dahl", "2026-04-14")
    assert {"2026-04-02", "2026-04-12"} <= {h["dct"] for h in story["history"]}
    assert story["id"] in {s["id"] for s in corpus_store.pending(as_of="2026-04-02")}
    assert story["id"] not in {s["id"] for s in corpus_store.pending(as_of="2026-04-12")}


def test_corpus_cancelled_trip_ends_negated(corpus_store: Store) -> None:
    story = _story_with(corpus_store, "VISIT", "2026-04-02", "ingrid-dahl", "2026-04-14")
    assert story["status"] == "negated"
    assert story["history"][0]["status"] == "planned"
    assert story["history"][-1]["status"] == "negated"


def test_corpus_cancelled_trip_history_planned_planned_negated(corpus_store: Store) -> None:
    story = _story_with(corpus_store, "VISIT", "2026-04-02", "ingrid-dahl", "2026-04-14")
    assert [h["status"] for h in story["history"]] == ["planned", "planned", "negated"]


def test_corpus_treaty_signing_five_reports_one_story(corpus_store: Store) -> None:
    story = _story_with(corpus_store, "AGREE", "2026-05-19", "GHA")
    assert story["status"] == "occurred" and story["time"]["value"] == "2026-05-18"
    assert len(story["sources"]) == 5
