"""Stories through the real store: synthetic series in, stories, history and pending out.

The series live in tests/fixtures/stories/ (compact extraction documents); the
expected stories, statuses and pending views below were worked out by hand
from the sentences of those files.
"""

from __future__ import annotations

import calendar
import dataclasses
import functools
import json
import random
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update

from conftest import story_partition
from dateline.link import format_pending, format_story, relink_all
from dateline.link.schema import event_keys, event_links, story_keys, story_summaries, story_tail
from dateline.link.schema import stories as stories_table
from dateline.model import document_id
from dateline.store import Store
from dateline.store import schema as t

FIXTURES = Path(__file__).parent / "fixtures" / "stories"
LIBRARY = json.loads((FIXTURES / "synthetic_actors.json").read_text(encoding="utf-8"))
SERIES = {
    "invitation": "synthetic_invitation_series.json",
    "summit": "synthetic_postponed_summit.json",
    "cancelled": "synthetic_cancelled_visit.json",
    "treaty": "synthetic_treaty_five_sources.json",
    "seed": "synthetic_seed_like.json",
    "home": "synthetic_journey_home.json",
    "redated": "synthetic_redated_plan.json",
}


# --- expanding the compact fixtures into extraction documents ----------------------


def expand_time(spec: Any) -> dict[str, Any]:
    """'2025-04-22' / '2025-04' / '2025' → a calendar interval; a dict is taken as is."""
    if isinstance(spec, dict):
        return spec
    if spec is None:
        return {"value": None, "earliest": None, "latest": None, "granularity": None}
    parts = [int(p) for p in spec.split("-")]
    if len(parts) == 3:
        return {"value": spec, "earliest": spec, "latest": spec, "granularity": "day"}
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return {
            "value": spec,
            "earliest": f"{spec}-01",
            "latest": f"{spec}-{last:02d}",
            "granularity": "month",
        }
    return {
        "value": spec,
        "earliest": f"{spec}-01-01",
        "latest": f"{spec}-12-31",
        "granularity": "year",
    }


def expand(article: dict[str, Any]) -> dict[str, Any]:
    """One compact article → the extraction-document shape of DESIGN.md."""
    sentences = list(dict.fromkeys(e["sentence"] for e in article["events"]))
    text = article["title"] + "\n\n" + " ".join(sentences)
    ids = {a for e in article["events"] for a in [*e.get("source", []), *e.get("target", [])]}
    ids |= {e["attribution"] for e in article["events"] if e.get("attribution")}
    actors = [{"id": i, **LIBRARY["actors"][i], "mentions": []} for i in sorted(ids)]
    names = sorted({e["location"] for e in article["events"] if e.get("location")})
    places = [{"name": n, **LIBRARY["places"][n], "mentions": []} for n in names]
    return {
        "document": {
            "id": document_id(text),
            "dct": article["dct"],
            "title": article["title"],
            "source": article["source"],
            "url": None,
            "text": text,
        },
        "timexes": [],
        "actors": actors,
        "places": places,
        "events": [_event(e, text) for e in article["events"]],
    }


def _event(spec: dict[str, Any], text: str) -> dict[str, Any]:
    start = text.index(spec["sentence"])
    return {
        "id": "ev-" + spec["key"],
        "type": spec["type"],
        "plover": None,
        "status": spec["status"],
        "dated": spec["dated"],
        "source": spec.get("source", []),
        "target": spec.get("target", []),
        "location": spec.get("location"),
        "time": expand_time(spec.get("time")),
        "candidates": spec.get("candidates", []),
        "attribution": spec.get("attribution"),
        "cue": spec.get("cue"),
        "change": spec.get("change"),
        "evidence": [
            {"start": start, "end": start + len(spec["sentence"]), "sentence": spec["sentence"]}
        ],
    }


def articles(name: str) -> list[dict[str, Any]]:
    data = json.loads((FIXTURES / SERIES[name]).read_text(encoding="utf-8"))
    return [expand(a) for a in data["articles"]]


ALL = [a for name in SERIES for a in articles(name)]


def story_of(store: Store, key: str) -> str:
    with store.engine.connect() as conn:
        row = conn.execute(select(t.events.c.story_id).where(t.events.c.id == "ev-" + key)).one()
    assert row[0], f"event {key} has no story"
    return str(row[0])


partition = story_partition  # stories as sets of event keys


@pytest.fixture
def store(db_url: str) -> Any:
    with Store(db_url) as opened:
        yield opened


def ingest(store: Store, items: list[dict[str, Any]]) -> None:
    for item in items:
        assert store.add(item)


# --- one story per series -------------------------------------------------------------

EXPECTED_STORIES = {
    "invitation": {
        frozenset({"a1-invite", "a1-visit", "a2-visit", "a2-meet", "a3-visit", "a4-meet"}),
        frozenset({"a2-old"}),  # the 2023 visit
        frozenset({"a4-agree"}),  # an agreement signed during the visit is its own story
    },
    "summit": {
        frozenset({"b1-meet", "b2-meet", "b3-visit", "b3-meet"}),
        frozenset({"b1-old"}),
    },
    "cancelled": {
        frozenset({"c1-visit", "c2-visit", "c3-visit"}),
        frozenset({"c2-never"}),
    },
    "treaty": {
        frozenset({"d1-sign", "d2-sign", "d3-sign", "d4-sign", "d5-sign"}),
        frozenset({"d1-ratify"}),
        frozenset({"d5-old"}),
    },
    "seed": {
        frozenset({"s-invite", "s-visit", "s-meet", "s-discuss"}),
        frozenset({"s-agree"}),
        frozenset({"s-putin-visit"}),
        frozenset({"s-statement"}),
        frozenset({"s-v2019"}),
        frozenset({"s-v2023"}),
        frozenset({"s-never"}),
        frozenset({"s-deploy"}),
    },
    "home": {
        frozenset({"h1-visit", "h2-meet", "h2-home"}),  # the flight home ends the visit
        frozenset({"h2-peru"}),
    },
    "redated": {
        # dated anew by a later article, in the same city: the plan it replaces
        frozenset({"r1-visit", "r2-visit", "r3-meet"}),
        frozenset({"r2-porto"}),  # the tour's next leg, in another city
        frozenset({"r4-visit"}),  # planned after the visit was held: another visit
    },
}


@pytest.mark.parametrize("name", sorted(SERIES))
def test_each_series_forms_the_expected_stories(store: Store, name: str) -> None:
    ingest(store, articles(name))
    assert partition(store) == EXPECTED_STORIES[name]


def test_all_series_together_do_not_mix(store: Store) -> None:
    ingest(store, ALL)
    assert partition(store) == set().union(*EXPECTED_STORIES.values())


EXPECTED_HISTORY = {
    # (series, an event of the story): [(dct, article status, time value or None), ...]
    ("invitation", "a1-visit"): [
        ("2025-01-10", "planned", None),
        ("2025-02-20", "planned", "2025-04-22"),
        ("2025-04-22", "occurred", "2025-04-22"),
        ("2025-04-24", "occurred", None),
    ],
    ("summit", "b1-meet"): [
        ("2025-03-01", "planned", "2025-03-20"),
        ("2025-03-15", "planned", "2025-04"),
        ("2025-04-11", "occurred", "2025-04-10"),
    ],
    ("cancelled", "c1-visit"): [
        ("2025-05-02", "planned", "2025-06-10"),
        ("2025-05-20", "negated", None),
        ("2025-05-21", "negated", None),
    ],
    ("redated", "r1-visit"): [
        ("2026-09-01", "planned", "2026-09-15/16"),
        ("2026-09-07", "planned", "2026-09-22/23"),
        ("2026-09-23", "occurred", None),
    ],
}


@pytest.mark.parametrize(("name", "key"), sorted(EXPECTED_HISTORY))
def test_status_history_has_one_entry_per_article(store: Store, name: str, key: str) -> None:
    ingest(store, articles(name))
    found = store.story(story_of(store, key))
    assert found is not None
    got = [
        (h["dct"], h["status"], (h["time"] or {}).get("value") if h["dated"] else None)
        for h in found["history"]
    ]
    assert got == EXPECTED_HISTORY[(name, key)]
    assert all(h["source"] and h["evidence"][0]["sentence"] for h in found["history"])


def test_a_plan_dated_anew_by_a_later_article_in_the_same_place_is_rescheduled(
    store: Store,
) -> None:
    ingest(store, articles("redated"))
    found = store.story(story_of(store, "r1-visit"))
    assert found is not None
    assert [h["state"] for h in found["history"]] == ["dated", "rescheduled", "occurred"]
    assert story_of(store, "r2-porto") != found["id"]


def test_migration_27_links_stored_documents_under_the_new_rules(db_url: str) -> None:
    from dateline.link.linker import relink_from_scratch
    from dateline.link.settings import default_settings

    with Store(db_url) as store:
        ingest(store, articles("redated"))
        with store.engine.begin() as conn:
            relink_from_scratch(conn, dataclasses.replace(default_settings(), redated_days=0))
            conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 27))
        assert story_of(store, "r1-visit") != story_of(store, "r2-visit")  # linked as before
    with Store(db_url) as reopened:
        assert story_of(reopened, "r1-visit") == story_of(reopened, "r2-visit")


def test_story_state_follows_the_latest_articles(store: Store) -> None:
    ingest(store, articles("summit") + articles("cancelled"))
    summit = store.story(story_of(store, "b1-meet"))
    assert summit is not None
    assert (summit["type"], summit["status"], summit["time"]["value"]) == (
        "MEET",
        "occurred",
        "2025-04-10",
    )
    cancelled = store.story(story_of(store, "c1-visit"))
    assert cancelled is not None
    # Cancelled: the status is negated and the time is the date that was planned.
    assert (cancelled["status"], cancelled["time"]["value"]) == ("negated", "2025-06-10")


def test_five_reports_of_one_signing_make_one_story_with_five_sources(store: Store) -> None:
    ingest(store, articles("treaty"))
    found = store.story(story_of(store, "d1-sign"))
    assert found is not None
    assert found["type"] == "AGREE" and found["status"] == "occurred"
    assert found["time"]["value"] == "2025-09-15"
    assert found["articles"] == 5 and len(found["sources"]) == 5
    assert {p["id"] for p in found["participants"]} >= {"CHL", "PER"}


# --- pending -----------------------------------------------------------------------------

EXPECTED_PENDING = [
    # (series, as of, [(event of the story, status, time shown: value, or 'open' when undated)])
    ("invitation", "2025-01-09", []),
    ("invitation", "2025-01-10", [("a1-visit", "planned", "open")]),
    ("invitation", "2025-02-20", [("a1-visit", "planned", "2025-04-22")]),
    ("invitation", "2025-04-21", [("a1-visit", "planned", "2025-04-22")]),
    ("invitation", "2025-04-22", []),
    ("invitation", "2025-12-31", []),
    ("summit", "2025-03-01", [("b1-meet", "planned", "2025-03-20")]),
    ("summit", "2025-03-14", [("b1-meet", "planned", "2025-03-20")]),
    ("summit", "2025-03-15", [("b1-meet", "planned", "2025-04")]),
    # Without the postponement the March 20 date would have passed by now.
    ("summit", "2025-03-25", [("b1-meet", "planned", "2025-04")]),
    ("summit", "2025-04-11", []),
    ("cancelled", "2025-05-02", [("c1-visit", "planned", "2025-06-10")]),
    ("cancelled", "2025-05-19", [("c1-visit", "planned", "2025-06-10")]),
    ("cancelled", "2025-05-20", []),
    ("cancelled", "2025-06-11", []),
    ("treaty", "2025-09-15", [("d1-ratify", "planned", "open")]),
]


@pytest.mark.parametrize(("name", "as_of", "expected"), EXPECTED_PENDING)
def test_pending_as_of_each_article_date(
    store: Store, name: str, as_of: str, expected: list[Any]
) -> None:
    ingest(store, articles(name))
    got = store.pending(as_of=as_of)
    want = [(story_of(store, key), status, when) for key, status, when in expected]
    shown = [(s["id"], s["status"], s["time"]["value"] if s["dated"] else "open") for s in got]
    assert shown == want
    assert all(s["as_of"] == as_of for s in got)


def test_pending_takes_a_date_object_and_defaults_to_today(store: Store) -> None:
    ingest(store, articles("invitation"))
    assert [s["id"] for s in store.pending(date(2025, 1, 10))] == [story_of(store, "a1-visit")]
    assert store.pending() == store.pending(date.today())


def test_seed_like_pending_shows_kims_visit_to_russia(store: Store) -> None:
    ingest(store, articles("seed"))
    pending = store.pending(as_of="2025-05-21")
    assert [s["id"] for s in pending] == [story_of(store, "s-visit")]
    kim = pending[0]
    assert (kim["type"], kim["status"], kim["dated"]) == ("VISIT", "planned", False)
    assert {p["id"] for p in kim["participants"]} >= {"kim-jong-un", "vladimir-putin"}
    assert [c["value"] for c in kim["candidates"]] == ["2025-06", "2025-09"]
    assert kim["first_announced"]["date"] == "2024-06"
    assert kim["first_announced"]["by"] == ["vladimir-putin"]
    assert kim["latest_evidence"]["attribution"] == "andrey-rudenko"
    assert kim["latest_evidence"]["dct"] == "2025-05-21"
    assert [f["type"] for f in kim["facets"]] == ["INVITE"]
    json.dumps(pending)  # the pending view is JSON-able as it is


def test_seed_like_pending_is_empty_before_the_article(store: Store) -> None:
    ingest(store, articles("seed"))
    assert store.pending(as_of="2025-05-20") == []


# --- order of arrival does not matter --------------------------------------------------


def snapshot(store: Store) -> tuple[dict[str, str], list[tuple[Any, ...]]]:
    with store.engine.connect() as conn:
        events = dict(conn.execute(select(t.events.c.id, t.events.c.story_id)).all())
        rows = conn.execute(select(stories_table).order_by(stories_table.c.id)).all()
    return {k: str(v) for k, v in events.items()}, [tuple(r) for r in rows]


def _snapshot_of_order(order: list[dict[str, Any]]) -> tuple[dict[str, str], list[tuple[Any, ...]]]:
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "order.db")) as fresh:
        ingest(fresh, order)
        return snapshot(fresh)


@functools.cache
def canonical() -> tuple[dict[str, str], list[tuple[Any, ...]]]:
    """Stories when the articles arrive in date order."""
    return _snapshot_of_order(
        sorted(ALL, key=lambda a: (a["document"]["dct"], a["document"]["id"]))
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(ALL))
def test_same_stories_whatever_the_order_of_arrival(order: list[dict[str, Any]]) -> None:
    assert _snapshot_of_order(order) == canonical()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_stories_in_shuffled_orders_on_each_database(store: Store, seed: int) -> None:
    order = list(ALL)
    random.Random(seed).shuffle(order)
    ingest(store, order)
    assert snapshot(store) == canonical()


def test_newest_first_order_gives_the_same_stories() -> None:
    newest_first = sorted(ALL, key=lambda a: a["document"]["dct"], reverse=True)
    assert _snapshot_of_order(newest_first) == canonical()


def test_relinking_everything_changes_nothing(store: Store) -> None:
    ingest(store, ALL)
    before = snapshot(store)
    with store.engine.begin() as conn:
        assert relink_all(conn) == len(ALL)
    assert snapshot(store) == before


#: story tables of later migrations (6, 11, 17), which a version-1 database does not have
#: either: left in place, their rows would be the stories of before, resumed as they were
LATER_STORY_TABLES = (story_tail, story_keys, story_summaries)


def test_migration_2_links_documents_stored_before_it(db_url: str) -> None:
    with Store(db_url) as store:
        ingest(store, ALL)
        before = snapshot(store)
        # Back to a version-1 database: no story tables, no story ids.
        with store.engine.begin() as conn:
            for table in (*LATER_STORY_TABLES, stories_table, event_keys, event_links):
                table.drop(conn)
            conn.execute(update(t.events).values(story_id=None))
            conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 2))
    with Store(db_url) as reopened:
        assert snapshot(reopened) == before


def test_readding_an_article_changes_nothing(store: Store) -> None:
    ingest(store, ALL)
    before = snapshot(store)
    assert not store.add(ALL[0])
    assert snapshot(store) == before


# --- reading and formatting ------------------------------------------------------------


def test_stories_lists_and_filters(store: Store) -> None:
    ingest(store, ALL)
    everything = store.stories(limit=None)
    assert len(everything) == len(set().union(*EXPECTED_STORIES.values()))
    agreements = store.stories(type="agree", limit=None)
    assert {s["id"] for s in agreements} == {
        story_of(store, k) for k in ("a4-agree", "d1-sign", "d1-ratify", "d5-old", "s-agree")
    }
    kims = store.stories(actor="kim-jong-un", status="planned")
    assert [s["id"] for s in kims] == [story_of(store, "s-visit")]
    assert len(store.stories(limit=2)) == 2


def test_unknown_story_is_none(store: Store) -> None:
    assert store.story("story:nope") is None


def test_format_story_and_pending_show_what_a_reader_needs(store: Store) -> None:
    ingest(store, articles("seed") + articles("summit"))
    text = format_story(store.story(story_of(store, "s-visit")) or {})
    for needle in (
        "VISIT",
        "announced",
        "no date set",
        "Kim Jong-un",
        "2025-06",
        "2025-09",
        "Andrey Rudenko",
    ):
        assert needle in text
    listing = format_pending(store.pending(as_of="2025-05-21"))
    assert listing.startswith("Pending as of 2025-05-21: 1 story")
    assert "Kim Jong-un" in listing and "2024-06 by Vladimir Putin" in listing
    assert format_pending([]) == "No pending stories."
    summit = format_story(store.story(story_of(store, "b1-meet")) or {})
    assert "postponed, 2025-04" in summit
