"""Each actor's number of events (actor_counts, migration 13) stays what counting its
distinct events in event_actors gives, through every way the store writes those rows:
new articles, an actor in two roles of one event, identity across articles, merges and
their undoing, deletes. /api/actors reads it and answers as the count did. SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, func, select, text

from conftest import stored_article
from dateline.store import Store
from dateline.store import schema as t
from dateline.store.engine import reading, writing
from dateline.web.reads import actors


def article(n: int, dct: str, names: list[tuple[list[str], list[str]]]) -> dict[str, Any]:
    events = [
        {"key": f"c{n}-{k}", "type": "MEET", "status": "occurred", "source": source,
         "target": target}
        for k, (source, target) in enumerate(names)
    ]  # fmt: skip
    return stored_article(dct, f"Counted report {n}", "Outlet", events)


ARTICLES = [
    article(1, "2025-03-01", [(["george-w-bush"], ["FRA"]), (["twin-one"], ["twin-one"])]),
    article(2, "2025-03-02", [(["bush"], ["FRA"]), (["bush", "rice"], ["DEU"])]),
    article(3, "2025-03-03", [(["condoleezza-rice"], ["bush"]), (["FRA", "DEU"], ["FRA"])]),
]


def counted(conn: Connection) -> dict[str, int]:
    rows = conn.execute(text("SELECT actor_id, events FROM actor_counts"))
    return {actor: n for actor, n in rows if n}


def recounted(conn: Connection) -> dict[str, int]:
    ea = t.event_actors
    query = select(ea.c.actor_id, func.count(func.distinct(ea.c.event_id))).group_by(ea.c.actor_id)
    return {actor: int(n) for actor, n in conn.execute(query)}


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as opened:
        yield opened


def test_counts_follow_new_articles_and_an_actor_in_two_roles(store: Store) -> None:
    for doc in ARTICLES:
        store.add(doc)
    with reading(store.engine) as conn:
        found = counted(conn)
        assert found == recounted(conn)
    assert found["twin-one"] == 1  # source and target of one event: one event
    assert found["FRA"] == 3  # source and target in c3-1, target in two others


def test_counts_follow_a_batch_of_articles(store: Store) -> None:
    assert all(store.add_many(ARTICLES))
    with reading(store.engine) as conn:
        assert counted(conn) == recounted(conn)


def test_counts_follow_merges_and_their_undoing(store: Store) -> None:
    assert all(store.add_many(ARTICLES))
    steps = [
        lambda: store.merge_actors("condoleezza-rice", "rice"),
        lambda: store.merge_actors("george-w-bush", "twin-one"),
        lambda: store.unmerge_actor("rice"),
        lambda: store.keep_actors_apart("george-w-bush", "bush"),
        lambda: store.unmerge_actor("twin-one"),
    ]
    for step in steps:
        step()
        with reading(store.engine) as conn:
            assert counted(conn) == recounted(conn)


def test_counts_follow_deletes_and_updates(store: Store) -> None:
    assert all(store.add_many(ARTICLES))
    ea = t.event_actors
    with writing(store.engine) as conn:
        conn.execute(
            ea.update().where(ea.c.actor_id == "DEU", ea.c.role == "target").values(actor_id="FRA")
        )
        # the target of c1-0 becomes its source too: that actor keeps its count
        moved = ea.update().where(ea.c.event_id == "ev-c1-0", ea.c.role == "target")
        conn.execute(moved.values(actor_id="george-w-bush"))
        conn.execute(ea.update().where(ea.c.role == "target").values(position=ea.c.position + 5))
        conn.execute(ea.delete().where(ea.c.event_id == "ev-c1-1", ea.c.role == "source"))
    with reading(store.engine) as conn:
        found = counted(conn)
        assert found == recounted(conn)
    assert found["twin-one"] == 1  # still the target of that event
    with writing(store.engine) as conn:
        conn.execute(ea.delete().where(ea.c.actor_id == "twin-one"))
    with reading(store.engine) as conn:
        assert counted(conn) == recounted(conn)
        assert "twin-one" not in counted(conn)


def old_actors(conn: Connection, q: str | None, limit: int) -> list[dict[str, Any]]:
    """/api/actors as it was before migration 13: every actor's events counted."""
    ac, ea = t.actors, t.event_actors
    count = func.count(func.distinct(ea.c.event_id)).label("events")
    query = (
        select(ac.c.id, ac.c.name, ac.c.kind, ac.c.country, ac.c.role, count)
        .outerjoin(ea, ea.c.actor_id == ac.c.id)
        .group_by(ac.c.id, ac.c.name, ac.c.kind, ac.c.country, ac.c.role)
        .order_by(count.desc(), ac.c.name, ac.c.id)
        .limit(limit)
    )
    if q and q.strip():
        from dateline.web.reads import _escape_like

        pattern = "%" + _escape_like(q.strip()) + "%"
        query = query.where(
            ac.c.id.ilike(pattern, escape="\\") | ac.c.name.ilike(pattern, escape="\\")
        )
    return [dict(r._mapping) for r in conn.execute(query)]


@pytest.mark.parametrize(("q", "limit"), [(None, 50), ("", 3), ("bush", 50), ("R", 2), ("%", 5)])
def test_api_actors_answers_as_counting_did(store: Store, q: str | None, limit: int) -> None:
    assert all(store.add_many(ARTICLES))
    store.merge_actors("condoleezza-rice", "rice")  # an actor left without events
    with reading(store.engine) as conn:
        assert actors(conn, q, limit) == old_actors(conn, q, limit)
        if q is None:
            assert any(a["events"] == 0 for a in actors(conn, q, limit))
