"""A neighbourhood capped at ``max_component``: what is left of a story outside it stays a
story its events point to (docs/stories.md, "Same stories whatever the order of arrival")."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from conftest import stored_article
from dateline.link import linker
from dateline.link.cluster import story_id_for
from dateline.link.schema import stories, story_summaries
from dateline.link.settings import RULES_PATH, settings_from_dict
from dateline.store import Store
from dateline.store import schema as t

VISIT = {"type": "VISIT", "source": ["visitor-a"], "target": ["HST"], "status": "planned"}


def report(key: str, dct: str) -> dict[str, Any]:
    """One report of Visitor A's planned visit to Hostland."""
    return stored_article(dct, f"Visit report {key}", "wire", [{"key": key, **VISIT}])


@pytest.fixture
def capped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linking that stops a neighbourhood at two events."""
    rules = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    settings = settings_from_dict({**rules, "max_component": 2})
    monkeypatch.setattr(linker, "default_settings", lambda: settings)


def pointers(store: Store) -> tuple[dict[str, str], set[str], set[str]]:
    """Each event's story id, the ids of the stories rows and of their summaries."""
    with store.engine.connect() as conn:
        query = select(t.events.c.id, t.events.c.story_id)
        events = {r.id: r.story_id for r in conn.execute(query)}
        rows = {r[0] for r in conn.execute(select(stories.c.id))}
        summaries = {r[0] for r in conn.execute(select(story_summaries.c.story_id))}
    return events, rows, summaries


def test_a_story_cut_by_a_capped_neighbourhood_keeps_its_events_and_row_together(
    db_url: str, capped: None
) -> None:
    with Store(db_url) as store:
        for key, dct in (("a", "2025-01-10"), ("b", "2025-01-11"), ("c", "2025-01-12")):
            assert store.add(report(key, dct))
        events, _, _ = pointers(store)
        assert set(events.values()) == {story_id_for("ev-a")}  # one story, named by a
        # An older report: its capped neighbourhood takes only ev-a (the first id), which
        # joins it; b and c are left over and are rebuilt as a story of their own.
        assert store.add(report("z", "2025-01-05"))
        events, rows, summaries = pointers(store)
    assert events["ev-z"] == events["ev-a"] == story_id_for("ev-z")
    assert events["ev-b"] == events["ev-c"] == story_id_for("ev-b")
    assert set(events.values()) == rows == summaries
