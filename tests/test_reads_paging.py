"""Reads at scale keep their results: a page of the timeline or of the pending stories is
the matching slice of the whole list (ties included), whichever way the query finds it;
migration 7's indexes exist and SQLite reads a page from the timeline's index. SQLite
and PostgreSQL.

The events are written by hand (tests/conftest.py `stored_article`) so that many share
a time, an article date or both, and actors are busy or rare; the expected lists are
those of the unpaged reads, which the other timeline and story tests pin.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text

import dateline.link.query as story_query
import dateline.store.queries as queries
import dateline.timeline as reads
from conftest import stored_article
from dateline.filters import EventFilters
from dateline.link.listing import count_stories, list_stories, select_stories
from dateline.link.query import build_stories, pending, pending_page
from dateline.link.settings import default_settings
from dateline.link.story_view import is_pending
from dateline.span import GROUPS, overlapping, span, span_group
from dateline.store import Store
from dateline.store import schema as t
from dateline.store.engine import reading
from dateline.timeline import ORDER, count_events, select_event_ids, timeline

TIMES = [
    {"earliest": "2025-03-01", "latest": "2025-03-01", "value": "2025-03-01"},
    {"earliest": "2025-03-01", "latest": "2025-03-31", "value": "2025-03"},
    {"earliest": "2025-03-01"},  # after March 1: sits at it, after the closed ones
    {"latest": "2025-03-01"},  # by March 1
    {},  # no time: at its article date
]


def articles() -> list[dict[str, Any]]:
    """60 articles over four dates, five events each: every time of TIMES on every date,
    "busy-one" in all, "rare-one" in a few, several statuses and types."""
    out = []
    for n in range(60):
        dct = ["2025-02-20", "2025-03-01", "2025-03-01", "2025-04-02"][n % 4]
        events = [
            {"key": f"a{n}-{k}", "type": ["VISIT", "MEET"][k % 2],
             "status": ["planned", "occurred", "possible"][(n + k) % 3],
             "source": ["busy-one"], "target": ["rare-one" if n % 17 == 0 else f"host-{n % 5}"],
             **time}
            for k, time in enumerate(TIMES)
        ]  # fmt: skip
        out.append(stored_article(dct, f"Report {n}", f"Outlet {n % 3}", events))
    return out


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as opened:
        assert all(opened.add_many(articles()))
        yield opened


def ids(events: list[dict[str, Any]]) -> list[str]:
    return [e["id"] for e in events]


FILTERS: list[dict[str, str]] = [
    {},
    {"actor": "busy-one"},
    {"actor": "rare-one"},
    {"actor": "busy", "status": "planned"},
    {"date_from": "2025-03-01", "date_to": "2025-03-01"},
    {"actor": "busy-one", "date_from": "2025-03-02", "type": "MEET"},
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: "+".join(f) or "none")
@pytest.mark.parametrize("busy_at", [1, 1_000_000], ids=["checked-per-event", "listed"])
def test_pages_are_slices_of_the_whole_timeline(
    store: Store, filters: dict[str, str], busy_at: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both ways of reading an actor's events (checked per event read or listed first)
    # give the same pages.
    monkeypatch.setattr(queries, "BUSY_ACTOR", busy_at)
    with reading(store.engine) as conn:
        whole = timeline(conn, **filters)
        assert whole, filters
        for size in (1, 7, 50):
            pages = []
            for offset in range(0, len(whole) + size, size):
                pages += timeline(conn, limit=size, offset=offset, **filters)
            assert ids(pages) == ids(whole)
        assert timeline(conn, limit=7, offset=3, **filters) == whole[3:10]
        monkeypatch.setattr(reads, "ID_LIST", 5)  # pages longer than an IN list of ids
        assert timeline(conn, limit=40, offset=2, **filters) == whole[2:42]
        assert count_events(conn, **filters) == len(whole)


# An id, part of a name in any case, several actors' names, an unknown id, LIKE's wildcards.
ACTOR_FILTERS = ["busy-one", "busy", "BUSY ONE", "host", "rare-one", "nobody", "%", "busy_one"]


@pytest.mark.parametrize("actor", ACTOR_FILTERS)
@pytest.mark.parametrize("busy", [False, True], ids=["listed", "checked-per-event"])
def test_an_actor_filter_keeps_the_same_events_with_its_ids_named(
    store: Store, actor: str, busy: bool
) -> None:
    """The actor ids read first (actor_ids) keep the events the subquery they replace kept."""
    with reading(store.engine) as conn:
        named = queries.actor_ids(conn, actor)
        assert named is not None and actor in named
        by_subquery = conn.execute(select_event_ids(actor=actor, busy=busy)).scalars().all()
        by_ids = conn.execute(select_event_ids(actor=actor, busy=busy, ids=named)).scalars()
        assert sorted(by_ids) == sorted(by_subquery)
        assert queries.is_busy(conn, actor, 40, named) == queries.is_busy(conn, actor, 40)


def test_an_actor_filter_of_many_actors_keeps_its_subquery(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with reading(store.engine) as conn:
        whole = timeline(conn, actor="host")
        assert queries.actor_ids(conn, "host") == ("host", *(f"host-{n}" for n in range(5)))
        monkeypatch.setattr(queries, "ACTOR_IDS", 3)
        assert queries.actor_ids(conn, "host") is None
        assert timeline(conn, actor="host") == whole
        assert count_events(conn, actor="host") == len(whole)


def test_an_actor_filter_reads_the_actors_once_then_names_their_ids(store: Store) -> None:
    """PostgreSQL plans a named actor id by its statistics; for "actor_id = X OR actor_id
    IN (SELECT … FROM actors …)" it guessed half of event_actors and hashed them all."""
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        with reading(store.engine) as conn:
            assert timeline(conn, actor="busy", date_from="2025-03-02", limit=5)
            assert count_events(conn, actor="busy", date_from="2025-03-02", cap=10) == 10
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    reading_actors = [s for s in sent if "FROM actors" in s]
    assert len(reading_actors) == 2  # one per read, before its event queries
    assert all("event_actors" not in s for s in reading_actors)


# An actor's stories with every filter they can meet: by id, by part of a name, a rare
# actor, one of no story, LIKE's wildcard, with a state, a status, a type and dates.
STORY_FILTERS: list[dict[str, str]] = [
    {"actor": "busy-one"},
    {"actor": "busy"},
    {"actor": "rare-one"},
    {"actor": "nobody"},
    {"actor": "%"},
    {"actor": "busy", "state": "planned"},
    {"actor": "BUSY ONE", "state": "occurred"},
    {"actor": "busy-one", "type": "VISIT"},
    {"actor": "host-1", "type": "MEET"},
    {"actor": "host-2", "date_from": "2025-03-02"},
]


def stories_with_an_event_of(conn: Any, actor: str) -> set[str]:
    """The stories with an event whose actor's id is ``actor`` or whose name holds it (any
    case), worked out in Python from every event row."""
    ev, ea, ac = t.events, t.event_actors, t.actors
    query = select(ev.c.story_id, ea.c.actor_id, ac.c.name).select_from(
        ea.join(ev, ev.c.id == ea.c.event_id).outerjoin(ac, ac.c.id == ea.c.actor_id)
    )
    return {
        story_id
        for story_id, actor_id, name in conn.execute(query)
        if actor_id == actor or actor.lower() in (name or "").lower()
    }


@pytest.mark.parametrize(
    "filters", STORY_FILTERS, ids=lambda f: "+".join(f"{k}={v}" for k, v in f.items())
)
@pytest.mark.parametrize("busy_at", [1, 1_000_000], ids=["checked-per-story", "listed"])
def test_an_actors_stories_are_the_stories_with_an_event_of_the_actor(
    store: Store, filters: dict[str, str], busy_at: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both ways of finding an actor's stories (each story checked for the actor's
    events as the list is walked, or the stories of the actor's events listed first) keep
    the same stories in the same order, page by page, and count them alike."""
    monkeypatch.setattr(queries, "BUSY_ACTOR", busy_at)
    others = {k: v for k, v in filters.items() if k != "actor"}
    with reading(store.engine) as conn:
        everyone = list_stories(conn, **others)
        with_actor = stories_with_an_event_of(conn, filters["actor"])
        expected = [s for s in everyone if s["id"] in with_actor]
        assert list_stories(conn, **filters) == expected
        pages = []
        for offset in range(0, len(expected) + 3, 3):
            pages += list_stories(conn, limit=3, offset=offset, **filters)
        assert pages == expected
        assert count_stories(conn, **filters) == len(expected)
        assert count_stories(conn, cap=2, **filters) == min(2, len(expected))
    if filters["actor"] in ("busy-one", "busy"):
        assert expected  # the filters of a busy actor keep stories


def test_a_busy_actors_stories_are_walked_in_the_lists_order(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite walks an index in the list's order (last report first) for a busy actor's
    page of stories, and stops after it, instead of checking every story of the state,
    status or type and sorting them all: ix_stories_last, or by state or status their
    index from migration 32."""
    if store.engine.dialect.name != "sqlite":
        pytest.skip("the plan is SQLite's; PostgreSQL chooses by its statistics")
    walks = [
        ({}, "ix_stories_last"),
        ({"state": "planned"}, "ix_stories_last"),
        ({"state": "occurred"}, "ix_stories_state_last (state=?"),
        ({"type": "VISIT"}, "ix_stories_last"),
    ]
    with reading(store.engine) as conn:
        for others, index in walks:
            page = select_stories(**others, actor="busy-one", limit=20, busy=True)
            plan = sqlite_plan(conn, page)
            assert f"SEARCH stories USING INDEX {index}" in plan, (others, plan)
            assert "FOR ORDER BY" not in plan, (others, plan)  # only its ties are sorted


def test_a_busy_actors_stories_are_planned_for_the_actor_on_postgresql(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """psycopg prepares a statement on its sixth run on a connection; PostgreSQL's generic
    plan of a busy actor's walk does not know the actor's rows (at a million events it
    hashed all of them: 3.8 s for a page). The walk is planned for its values each time,
    even where the server would take the generic plan (here: told to)."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's plan cache")
    monkeypatch.setattr(queries, "BUSY_ACTOR", 1)
    with reading(store.engine) as conn:
        conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_generic_plan")
        first = list_stories(conn, actor="busy-one", state="occurred", limit=3)
        for _ in range(9):
            assert list_stories(conn, actor="busy-one", state="occurred", limit=3) == first
            assert count_stories(conn, actor="busy-one", cap=5) == 5
        plans = conn.exec_driver_sql(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
            "WHERE statement LIKE '%%events.story_id = stories.id%%'"
        ).all()
    assert plans and all(generic == 0 and custom > 0 for generic, custom in plans), plans


def test_ties_keep_one_order(store: Store) -> None:
    """Events at one (lo, hi): closed windows first, then open ones and undated ones, then
    by article date and id; the same order on every read and every page."""
    with reading(store.engine) as conn:
        whole = timeline(conn, date_from="2025-03-01", date_to="2025-03-01")
        keys = []
        for e in whole:
            lo, hi = e["time"]["earliest"], e["time"]["latest"]
            at = (lo or hi or e["dct"], hi or lo or e["dct"])
            keys.append((*at, lo is None or hi is None, e["dct"], e["id"]))
        assert keys == sorted(keys)
        assert len({k[:2] for k in keys}) < len(keys)  # there are ties to break
        assert {k[2] for k in keys if k[:2] == ("2025-03-01", "2025-03-01")} == {True, False}
        assert ids(timeline(conn, limit=13, date_from="2025-03-01", date_to="2025-03-01")) == [
            e["id"] for e in whole[:13]
        ]


def test_count_stops_at_its_cap(store: Store) -> None:
    with reading(store.engine) as conn:
        everything = count_events(conn)
        assert everything == 300
        assert count_events(conn, cap=10) == 10
        assert count_events(conn, cap=1000) == everything
        assert count_events(conn, actor="busy-one", cap=25) == 25
        assert count_events(conn, actor="rare-one", cap=1000) == count_events(conn, actor="rare")


def test_migration_7_indexes_exist(store: Store) -> None:
    wanted = {"ix_events_timeline", "ix_events_type_timeline", "ix_events_span_hi",
              "ix_event_actors_actor_event", "ix_stories_pending"}  # fmt: skip
    with reading(store.engine) as conn:
        if conn.dialect.name == "sqlite":
            query = "SELECT name FROM sqlite_master WHERE type = 'index'"
        else:
            query = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        names = {r[0] for r in conn.execute(text(query))}
        versions = {r[0] for r in conn.execute(text("SELECT version FROM schema_migrations"))}
    assert wanted <= names
    assert 7 in versions


def test_a_page_of_the_timeline_is_read_from_its_index(store: Store) -> None:
    """SQLite walks ix_events_timeline for a page instead of sorting every event."""
    if store.engine.dialect.name != "sqlite":
        pytest.skip("the plan is SQLite's; PostgreSQL chooses by its statistics")
    page = select_event_ids().order_by(*ORDER).limit(50).offset(10)
    with reading(store.engine) as conn:
        plan = sqlite_plan(conn, page)
    assert "ix_events_timeline" in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # nor "FOR RIGHT PART OF ORDER BY"


def sqlite_plan(conn: Any, query: Any) -> str:
    """SQLite's plan of ``query`` as it is sent: with its bound parameters, since an
    expression with a parameter does not match an index on the same expression."""
    compiled = query.compile(conn)
    values = compiled.construct_params()
    args = tuple(values[name] for name in compiled.positiontup)
    found = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), args)
    return " | ".join(r[3] for r in found)


def test_migration_7_adds_its_indexes_to_an_older_database(tmp_path: Any) -> None:
    path = tmp_path / "old.db"
    Store(str(path)).close()
    with Store(str(path)) as opened, opened.engine.begin() as conn:
        for name in ("ix_events_timeline", "ix_events_type_timeline", "ix_events_span_hi",
                     "ix_event_actors_actor_event", "ix_stories_pending"):  # fmt: skip
            conn.execute(text(f"DROP INDEX {name}"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 7"))
    with Store(str(path)) as reopened, reading(reopened.engine) as conn:
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    assert {"ix_events_timeline", "ix_event_actors_actor_event", "ix_stories_pending"} <= names


# --- date ranges by span group (migration 10) ------------------------------------------

# Windows in each span group: one day, across two months, across a new year, across a
# new decade; open at one end; no time (at the article date).
WINDOWS = [
    {"earliest": "2025-03-01", "latest": "2025-03-01", "value": "2025-03-01"},
    {"earliest": "2025-02-20", "latest": "2025-03-10"},
    {"earliest": "2024-12-20", "latest": "2025-01-05"},
    {"earliest": "2019-06-01", "latest": "2025-03-02"},
    {"earliest": "2025-03-05"},
    {"latest": "2025-02-28"},
    {},
]
RANGES = [
    ("2025-03-01", "2025-03-31"),
    ("2025-03-02", "2025-03-02"),
    ("2025-01-01", None),
    ("2020-01-01", "2020-12-31"),
    ("2024-12-31", "2025-01-01"),
    ("2025-02-25", None),
    (None, "2025-01-01"),
]


def windows() -> list[dict[str, Any]]:
    """40 articles over five dates, each with every window of WINDOWS."""
    out = []
    for n in range(40):
        dct = ["2024-12-01", "2025-01-20", "2025-03-01", "2025-03-03", "2025-06-30"][n % 5]
        events = [
            {"key": f"w{n}-{k}", "type": ["VISIT", "MEET"][k % 2], "status": "planned",
             "source": ["busy-one"], "target": ["rare-one" if n % 13 == 0 else f"host-{n % 3}"],
             **time}
            for k, time in enumerate(WINDOWS)
        ]  # fmt: skip
        out.append(stored_article(dct, f"Window {n}", "Wire", events))
    return out


def plainly_overlapping(conn: Any, date_from: str | None, date_to: str | None) -> list[str]:
    """Ids of the events whose span overlaps the range, by the plain two comparisons, in
    timeline order: what the timeline gave before the span groups."""
    ev = t.events
    lo, hi = span(ev.c.earliest, ev.c.latest, ev.c.dct)
    query = select(ev.c.id).where(*overlapping(lo, hi, date_from, date_to)).order_by(*ORDER)
    return [r[0] for r in conn.execute(query)]


@pytest.mark.parametrize("actor", [None, "busy-one", "rare-one"])
@pytest.mark.parametrize(("date_from", "date_to"), RANGES, ids=lambda d: d or "open")
def test_a_date_range_keeps_the_events_of_every_span_group(
    db_url: str, date_from: str | None, date_to: str | None, actor: str | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(queries, "BUSY_ACTOR", 50)  # busy-one is checked per event read
    wanted = {"date_from": date_from, "date_to": date_to, "actor": actor}
    with Store(db_url) as store, reading(store.engine) as conn:
        assert all(store.add_many(windows()))
        expected = plainly_overlapping(conn, date_from, date_to)
        if actor == "rare-one":
            rare = set(ids(timeline(conn, actor=actor)))
            expected = [i for i in expected if i in rare]
        assert expected, wanted
        assert ids(timeline(conn, **wanted)) == expected
        for size in (1, 4, 25):
            pages = []
            for offset in range(0, len(expected) + size, size):
                pages += timeline(conn, limit=size, offset=offset, **wanted)
            assert ids(pages) == expected, size
        assert count_events(conn, **wanted) == len(expected)
        assert count_events(conn, cap=3, **wanted) == min(3, len(expected))


def test_every_span_group_has_events_in_the_range_tests(db_url: str) -> None:
    with Store(db_url) as store, reading(store.engine) as conn:
        assert all(store.add_many(windows()))
        ev = t.events
        group = span_group(*span(ev.c.earliest, ev.c.latest, ev.c.dct))
        found = {r[0] for r in conn.execute(select(group).distinct())}
    assert found == set(GROUPS)


def test_a_page_of_a_date_range_is_read_by_span_group(store: Store) -> None:
    """SQLite reads a range of starts per span group from ix_events_span_group, not the
    timeline's index from its first event."""
    if store.engine.dialect.name != "sqlite":
        pytest.skip("the plan is SQLite's; PostgreSQL chooses by its statistics")
    with reading(store.engine) as conn:
        page = reads._page_by_group(
            EventFilters(date_from="2025-03-01", date_to="2025-03-31"), False, "scan", 50, 0
        )
        plan = sqlite_plan(conn, page)
    assert plan.count("ix_events_span_group") == len(GROUPS), plan
    assert "ix_events_timeline" not in plan, plan


def test_migration_10_indexes_exist_and_are_added_to_an_older_database(tmp_path: Any) -> None:
    path = tmp_path / "old.db"
    Store(str(path)).close()
    wanted = {"ix_events_span_group", "ix_stories_open_group"}
    with Store(str(path)) as opened, opened.engine.begin() as conn:
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert wanted <= names
        for name in wanted:
            conn.execute(text(f"DROP INDEX {name}"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 10"))
    with Store(str(path)) as reopened, reading(reopened.engine) as conn:
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        versions = {r[0] for r in conn.execute(text("SELECT version FROM schema_migrations"))}
    assert wanted <= names and 10 in versions


# --- text in the evidence (q=) -----------------------------------------------------------

TEXTS = ["sentence", "Report 1", "a12-3", "REPORT 4", "report", "t 5", "%", "_", "\\", "zz-none",
         "ab", "a1"]  # fmt: skip


@pytest.mark.parametrize("q", TEXTS)
def test_a_text_is_found_alike_by_every_plan(
    store: Store, q: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The trigram index (listed), a check of each event read (checked) and a scan of
    every sentence find the same events, in the same pages."""
    with reading(store.engine) as conn:
        scanned = select_event_ids(q=q).order_by(*ORDER)
        expected = [r[0] for r in conn.execute(scanned)]
        plans = ["scan", "checked"]
        if store.engine.dialect.name == "sqlite" and len(q) >= 3:
            plans.append("listed")
        for plan in plans:
            found = select_event_ids(q=q, text=plan).order_by(*ORDER)
            assert [r[0] for r in conn.execute(found)] == expected, plan
        for frequent_at in (1, 1_000_000):  # each plan as timeline() chooses it
            monkeypatch.setattr(queries, "FREQUENT_TEXT", frequent_at)
            assert ids(timeline(conn, q=q)) == expected
            pages = []
            for offset in range(0, len(expected) + 7, 7):
                pages += timeline(conn, q=q, limit=7, offset=offset)
            assert ids(pages) == expected
            assert count_events(conn, q=q, cap=10) == min(10, len(expected))


def test_the_plan_of_a_text_follows_how_often_it_is_found(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with reading(store.engine) as conn:
        if store.engine.dialect.name != "sqlite":
            assert queries.text_plan(conn, "sentence") == "scan"  # pg_trgm serves ILIKE
            return
        assert queries.text_plan(conn, "a12-3") == "listed"
        assert queries.text_plan(conn, "ab") == "scan"  # shorter than a trigram
        monkeypatch.setattr(queries, "FREQUENT_TEXT", 50)
        assert queries.text_plan(conn, "sentence") == "checked"
        assert queries.text_plan(conn, "a12-3") == "listed"


def _index_made_for_an_older_database(
    tmp_path: Any, table: str, version: int, texts: tuple[str, ...]
) -> None:
    """A database from before the migration that makes ``table`` gets it, filled, and its
    triggers keep it current: listed searches find what a scan finds."""
    path = tmp_path / "old.db"
    with Store(str(path)) as fresh:
        assert all(fresh.add_many(articles()[:10]))
    with Store(str(path)) as opened, opened.engine.begin() as conn:
        conn.execute(text(f"DROP TABLE {table}"))  # its triggers go with it
        conn.execute(text(f"DELETE FROM schema_migrations WHERE version = {version}"))
    with Store(str(path)) as reopened:
        assert all(reopened.add_many(articles()[10:20]))  # after the migration: triggers
        with reading(reopened.engine) as conn:
            assert queries.text_plan(conn, "Report 1") == "listed"
            for q in texts:
                expected = [r[0] for r in conn.execute(select_event_ids(q=q).order_by(*ORDER))]
                found = select_event_ids(q=q, text="listed").order_by(*ORDER)
                assert [r[0] for r in conn.execute(found)] == expected and expected, q


def test_the_trigram_index_follows_the_evidence_and_is_made_for_an_older_database(
    tmp_path: Any,
) -> None:
    texts = ("Report 1", "a3-2", "a15-4", "sentence of")
    _index_made_for_an_older_database(tmp_path, "evidence_text", 10, texts)


def test_postgresql_has_trigram_indexes_for_text(store: Store) -> None:
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has the FTS5 table instead")
    with reading(store.engine) as conn:
        names = {r[0] for r in conn.execute(text("SELECT indexname FROM pg_indexes"))}
    assert {"ix_event_evidence_sentence_trgm", "ix_documents_title_trgm"} <= names


# --- pending --------------------------------------------------------------------------


def plans() -> list[dict[str, Any]]:
    """Visits announced over five months: some dated, some not, some held or called off
    later, so that an as-of date in the middle has stories reported after it."""
    out = []
    for n in range(24):
        month = 1 + n % 5
        who = {"source": [f"visitor-{n}"], "target": [f"host-{n % 4}"], "location": "Capital"}
        day = f"2025-{month:02d}-{1 + n % 20:02d}"
        when = {"earliest": f"2025-{month + 2:02d}-10", "latest": f"2025-{month + 2:02d}-10",
                "value": f"2025-{month + 2:02d}-10"} if n % 3 else {}  # fmt: skip
        out.append(stored_article(day, f"Visit {n} announced", "Wire", [
            {"key": f"p{n}", "type": "VISIT", "status": "planned", **who, **when}]))  # fmt: skip
        if n % 4 == 1:
            later = f"2025-{month + 1:02d}-05"
            status = "occurred" if n % 8 == 1 else "negated"
            out.append(stored_article(later, f"Visit {n} news", "Wire", [
                {"key": f"q{n}", "type": "VISIT", "status": status, **who, **when}]))  # fmt: skip
    # reporting windows across a new year and a new decade (span groups 2 and 3)
    for n, (day, held) in enumerate([("2024-12-28", "2025-02-03"), ("2019-11-02", "2025-04-01")]):
        who = {"source": [f"guest-{n}"], "target": ["host-9"], "location": "Capital"}
        when = {"earliest": held, "latest": held, "value": held}
        out.append(stored_article(day, f"Guest {n} invited", "Wire", [
            {"key": f"g{n}", "type": "VISIT", "status": "planned", **who, **when}]))  # fmt: skip
    return out


def reference(conn: Any, day: str) -> list[dict[str, Any]]:
    """Pending built the plain way: every story of the database judged as of ``day``."""
    settings = default_settings()
    found = build_stories(conn, [r[0] for r in conn.execute(text("SELECT id FROM stories"))],
                          day, settings).values()  # fmt: skip
    kept = [{**s, "as_of": day} for s in found if is_pending(s, day, settings)]
    return sorted(kept, key=lambda s: (s["time"].get("earliest") or "9999",
                                       s["first_announced"]["dct"], s["id"]))  # fmt: skip


@pytest.mark.parametrize("day", ["2025-01-15", "2025-03-03", "2025-05-20", "2027-12-01"])
def test_pending_is_every_story_judged_as_of_the_day(db_url: str, day: str) -> None:
    with Store(db_url) as store:
        assert all(store.add_many(plans()))
        with reading(store.engine) as conn:
            expected = reference(conn, day)
            if day == "2025-03-03":  # stories settled by then, and stories reported later
                spans = conn.execute(text("SELECT first_dct, last_dct FROM stories")).all()
                assert any(f <= day < last for f, last in spans)
                assert any(last <= day for _, last in spans) and expected
            assert pending(conn, day) == expected
            found, total = pending_page(conn, day, limit=3, offset=2)
            assert found == expected[2:5] and total == len(expected)
            pages = []
            for offset in range(0, len(expected) + 4, 4):
                pages += pending(conn, day, limit=4, offset=offset)
            assert pages == expected
        assert store.pending(day, limit=2) == expected[:2]


def test_stories_read_by_member_list_or_by_query_are_the_same(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """build_stories reads a page's members' details by their ids, or (many members) by
    the members' query again: the same stories."""
    with Store(db_url) as store:
        assert all(store.add_many(plans()))
        with reading(store.engine) as conn:
            by_list = pending(conn, "2025-03-03")
            monkeypatch.setattr(story_query, "MEMBER_LIST", 1)
            assert by_list and pending(conn, "2025-03-03") == by_list


def test_a_listed_text_reads_titles_from_their_trigram_index(store: Store) -> None:
    """A rare text's titles are looked up in title_text (migration 13), not scanned."""
    if store.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL serves the titles' ILIKE from pg_trgm (migration 10)")
    with reading(store.engine) as conn:
        query = select_event_ids(q="Report 1", text="listed")
        compiled = query.compile(conn)
        plan = conn.exec_driver_sql(
            f"EXPLAIN QUERY PLAN {compiled}", tuple(compiled.params.values())
        ).all()
    steps = " | ".join(str(row[-1]) for row in plan)
    assert "title_text VIRTUAL TABLE" in steps and "SCAN documents" not in steps, steps


def test_the_title_index_follows_the_titles_and_is_made_for_an_older_database(
    tmp_path: Any,
) -> None:
    texts = ("Report 1", "report 19", "REPORT 4", "port 1")
    _index_made_for_an_older_database(tmp_path, "title_text", 13, texts)


def test_a_postgresql_read_starts_no_parallel_workers(db_url: str) -> None:
    """A read is a page: workers cost more to start than it takes (16 of 19 ms for a busy
    actor's page at a million events). Only the read's own transaction is set so."""
    if not db_url.startswith("postgresql"):
        pytest.skip("a PostgreSQL setting")
    workers = "SHOW max_parallel_workers_per_gather"
    with Store(db_url) as store:
        with reading(store.engine) as conn:
            assert conn.exec_driver_sql(workers).scalar() == "0"
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql(workers).scalar() != "0"


def test_a_postgresql_read_begins_with_its_settings_in_one_round_trip(
    db_url: str, tmp_path: Any
) -> None:
    """psycopg, left to begin a read's transaction, sent BEGIN as a round trip of its own
    before the settings: a pending page was four round trips (BEGIN, settings, page,
    COMMIT), each a wait for a core on a loaded machine. The BEGIN goes with the
    settings: three, counted in libpq's trace of the protocol (one ReadyForQuery each);
    the read is still one REPEATABLE READ snapshot, and an error still rolls it back."""
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's protocol")
    trace = tmp_path / "trace"
    with Store(db_url) as store:
        with reading(store.engine) as conn:  # a pooled connection, warmed up
            conn.exec_driver_sql("SELECT 1")
        with _traced(store, trace) as pgconn, reading(store.engine) as conn:
            assert conn.connection.driver_connection.pgconn is pgconn
            assert conn.exec_driver_sql("SELECT 1").scalar() == 1
            isolation = conn.exec_driver_sql("SHOW transaction_isolation").scalar()
            snapshot = conn.exec_driver_sql("SELECT pg_current_snapshot()").scalar()
            assert conn.exec_driver_sql("SELECT pg_current_snapshot()").scalar() == snapshot
        with pytest.raises(Exception, match="division by zero"), reading(store.engine) as conn:
            conn.exec_driver_sql("SELECT 1 / 0")
        with store.engine.connect() as conn:
            status = conn.connection.driver_connection.pgconn.transaction_status
    sent = trace.read_text().splitlines()
    assert isolation == "repeatable read"
    # the BEGIN with the settings, four statements, COMMIT
    assert sum("ReadyForQuery" in line for line in sent) == 6, sent
    assert status == 0  # idle: the failed read was rolled back


@contextmanager
def _traced(store: Store, path: Path) -> Iterator[Any]:
    """The pool's one connection, its protocol written to ``path`` while the block runs."""
    with open(path, "w") as out:
        pooled = store.engine.raw_connection()
        pgconn = pooled.driver_connection.pgconn
        pgconn.trace(out.fileno())
        pooled.close()
        try:
            yield pgconn
        finally:
            pgconn.untrace()


def test_postgresql_reads_repeated_on_a_pooled_connection_run_prepared_statements(
    store: Store,
) -> None:
    """psycopg prepares a statement on its sixth run and forgets them all when its
    connection rolls back: a read ends with COMMIT, so a pending page read again and
    again (a server's requests) is parsed and planned once."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL driver's cache")
    for _ in range(7):
        with reading(store.engine) as conn:
            pending_page(conn, "2025-03-01", limit=5, summary=True)
    prepared = "SELECT statement FROM pg_prepared_statements"
    with reading(store.engine) as conn:
        statements = list(conn.exec_driver_sql(prepared).scalars())
    assert any("story_states" in s for s in statements), statements
    assert any("coalesce(nullif(" in s for s in statements), statements


def test_a_list_of_ids_keeps_the_rows_of_its_query_and_is_one_array_on_postgresql(
    store: Store,
) -> None:
    """PostgreSQL gets a page's ids as one array parameter, not one parameter per id."""
    ev = t.events
    sent: list[Any] = []

    def record(_conn: Any, _cursor: Any, _statement: str, parameters: Any, *_: Any) -> None:
        sent.append(parameters)

    with reading(store.engine) as conn:
        page = select(ev.c.id).order_by(ev.c.id).limit(40)
        listed = list(conn.execute(page).scalars())
        by_query = select(ev.c.id, ev.c.dct).where(queries.among(conn, ev.c.id, page))
        event.listen(store.engine, "before_cursor_execute", record)
        try:
            by_list = conn.execute(by_query.where(queries.among(conn, ev.c.id, listed))).all()
        finally:
            event.remove(store.engine, "before_cursor_execute", record)
        assert sorted(by_list) == sorted(conn.execute(by_query).all())
        assert len(by_list) == 40
    bound = sent[0].values() if isinstance(sent[0], dict) else sent[0]
    lists = [p for p in bound if isinstance(p, list)]
    if store.engine.dialect.name == "postgresql":
        assert lists == [listed]
    else:
        assert lists == [] and len(bound) >= 40


def _pending_ranking_plan(conn: Any, day: str) -> str:
    """SQLite's plan of the statement that ranks pending's settled stories, as the fast
    path sends it (the library's on SQLite, dateline.fastpath.pending)."""
    raw = conn.connection.driver_connection
    sent: list[str] = []
    raw.set_trace_callback(sent.append)
    try:
        pending(conn, day, limit=3)
    finally:
        raw.set_trace_callback(None)
    ranking = next(s for s in sent if "count(*) OVER" in s)
    return " | ".join(r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + ranking))


def test_pending_ranks_its_candidates_from_the_index_alone(tmp_path: Any) -> None:
    """Migration 14: an undated story's freshness depends on its type, which the index of
    candidates lacked, so every candidate's row was read from the table too (3,000 rows as
    of the middle of a million events); with the type in the index, none is."""
    path = tmp_path / "covered.db"
    with Store(str(path)) as store:
        assert all(store.add_many(plans()))
        with reading(store.engine) as conn:
            plan = _pending_ranking_plan(conn, "2025-03-03")
    searches = [p for p in plan.split(" | ") if "ix_stories_open_group" in p]
    assert len(searches) >= len(GROUPS), plan
    assert all("COVERING INDEX" in p for p in searches), plan


def test_migration_14_makes_the_candidate_index_again_with_the_type(tmp_path: Any) -> None:
    path = tmp_path / "old.db"
    Store(str(path)).close()
    old = (
        "CREATE INDEX ix_stories_open_group ON stories ((CASE WHEN (substr(first_dct, 1, 7) "
        "= substr(open_until, 1, 7)) THEN 0 WHEN (substr(first_dct, 1, 4) = substr(open_until"
        ", 1, 4)) THEN 1 WHEN (substr(first_dct, 1, 3) = substr(open_until, 1, 3)) THEN 2 "
        "ELSE 3 END), first_dct, open_until, last_dct, status, state, earliest, latest, id)"
    )
    with Store(str(path)) as opened, opened.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_stories_open_group"))
        conn.execute(text(old))
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 14"))
    with Store(str(path)) as reopened, reading(reopened.engine) as conn:
        made = conn.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'ix_stories_open_group'")
        ).scalar_one()
        versions = {r[0] for r in conn.execute(text("SELECT version FROM schema_migrations"))}
    assert made.rstrip(")").endswith("type") and 14 in versions


def test_postgresql_checks_pending_status_and_state_on_each_index_entry(db_url: str) -> None:
    """PostgreSQL 15 scans an index range once per pair of values of "status = ANY(…)
    AND state = ANY(…)" when they are index conditions (eight scans of the same range of
    ix_stories_open_group at a million events: 7 ms against 1): pending's ranking sends
    them as expressions the index does not hold, checked on each entry of the one range."""
    if not db_url.startswith("postgresql"):
        pytest.skip("a PostgreSQL plan")
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement)

    with Store(db_url) as store:
        assert all(store.add_many(plans()))
        with reading(store.engine) as conn:
            expected = reference(conn, "2025-03-03")
            event.listen(store.engine, "before_cursor_execute", record)
            try:
                assert pending(conn, "2025-03-03") == expected
            finally:
                event.remove(store.engine, "before_cursor_execute", record)
    ranking = next(s for s in sent if "count(*) OVER" in s)
    where = ranking.split(" FROM stories WHERE ")[-1]
    assert "coalesce(stories.status" in where and "coalesce(stories.state" in where
    assert "stories.status IN" not in where and "stories.state IN" not in where


def test_postgresql_ranks_pending_candidates_from_the_index_alone(db_url: str) -> None:
    """PostgreSQL answered the OR of the span groups with a bitmap scan, which reads every
    candidate's row in the table (1,560 pages as of the middle of a million events): the
    ranking and the stories reported later are read one span group at a time, each a
    range of ix_stories_open_group that holds every column they need."""
    if not db_url.startswith("postgresql"):
        pytest.skip("a PostgreSQL plan")
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    with Store(db_url) as store:
        assert all(store.add_many(plans()))
        with store.engine.connect() as conn:  # the visibility map, as after a bulk load
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                "VACUUM (ANALYZE) stories"
            )
        with reading(store.engine) as conn:
            expected = reference(conn, "2025-03-03")
            event.listen(store.engine, "before_cursor_execute", record)
            try:
                assert pending(conn, "2025-03-03") == expected
            finally:
                event.remove(store.engine, "before_cursor_execute", record)
            # a table this small is cheaper to read whole: ask for the plan of a big one
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            conn.exec_driver_sql("SET LOCAL enable_bitmapscan = off")
            cursor = conn.connection.driver_connection.cursor()
            for marker in ("count(*) OVER", "state_on_day"):
                statement, parameters = next(s for s in sent if marker in s[0])
                cursor.execute("EXPLAIN " + statement, parameters)
                plan = "\n".join(r[0] for r in cursor.fetchall())
                assert plan.count("Only Scan using ix_stories_open_group") >= len(GROUPS), plan
                assert "Seq Scan on stories" not in plan and "Heap Scan" not in plan, plan


@pytest.mark.parametrize("day", ["2025-03-03", "2025-05-20"])
def test_a_summary_page_takes_settled_stories_from_their_rows(
    db_url: str, day: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pending summary of a story whose every report is up to the day is its stored row
    (the linker's fold of those reports) with its members' place and participants: the
    same summary as folding the members again, which is left to the stories reported
    after the day too (library, SQLAlchemy's statements and the fast path's)."""
    import dateline.fastpath.pending as fast_pending
    import dateline.link.pending_rows as pending_rows
    from dateline.link.story_view import story_summary

    folded: list[str] = []

    def counted(story_id: str, *args: Any) -> dict[str, Any]:
        folded.append(story_id)
        return story_summary(story_id, *args)

    with Store(db_url) as store:
        assert all(store.add_many(plans()))
        with reading(store.engine) as conn:
            whole = pending(conn, day)
            reported = text("SELECT id FROM stories WHERE last_dct > :day")
            later = {r[0] for r in conn.execute(reported, {"day": day})} & {s["id"] for s in whole}
            ids = [s["id"] for s in whole]
            by_fold = build_stories(conn, ids, day, default_settings(), summary=True)
            expected = [{**by_fold[i], "as_of": day} for i in ids]
            readers = [lambda: story_query.sqlalchemy_pending_page(
                conn, day, default_settings(), summary=True)]  # fmt: skip
            if conn.dialect.name == "sqlite":
                readers.append(lambda: pending_page(conn, day, summary=True))
            monkeypatch.setattr(pending_rows, "story_summary", counted)  # the stories' dicts
            monkeypatch.setattr(fast_pending, "story_summary", counted)
            for read in readers:
                folded.clear()
                assert read() == (expected, len(expected))
                assert set(folded) == later
    assert len(expected) > len(later) and (day == "2025-05-20" or later)


@pytest.mark.parametrize("day", ["2025-01-15", "2025-03-03", "2025-05-20", "2027-12-01"])
def test_postgresql_pending_in_one_statement_equals_the_statements_it_replaces(
    db_url: str, day: str
) -> None:
    """The page, its total and every story (summary and whole) are those of the ranking,
    the later stories' rows, the members, names, rows and details read statement by
    statement; and the page is one statement after the transaction's setting."""
    if not db_url.startswith("postgresql"):
        pytest.skip("the one statement is PostgreSQL's")
    rules = default_settings()
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement)

    from dateline.link.history_table import fill

    pages = [(limit, offset) for limit in (None, 1, 3, 100) for offset in (0, 1, 2, 30)]
    reads = {}
    with Store(db_url) as store:
        assert all(store.add_many(plans()))
        # one batch leaves the days before each story's last report without rows (folded
        # in Python), then every row is written (the page is cut in SQL)
        for written in (False, True):
            if written:
                with store.engine.begin() as conn:
                    fill(conn)
            with reading(store.engine) as conn:
                for summary in (True, False):
                    for limit, offset in pages:
                        event.listen(store.engine, "before_cursor_execute", record)
                        sent.clear()
                        try:
                            got = pending_page(
                                conn, day, limit=limit, offset=offset, summary=summary
                            )
                        finally:
                            event.remove(store.engine, "before_cursor_execute", record)
                        assert "WITH settled" in sent[0] and len(sent) <= 2, sent
                        old = story_query.sqlalchemy_pending_page(
                            conn, day, rules, limit=limit, offset=offset, summary=summary
                        )
                        assert got == old
                        reads[written, summary, limit, offset] = got
    assert reads[True, False, None, 0][0] == reference_of(db_url, day)
    assert reads[True, False, 3, 1] == reads[False, False, 3, 1]


def reference_of(db_url: str, day: str) -> list[dict[str, Any]]:
    with Store(db_url) as store, reading(store.engine) as conn:
        return reference(conn, day)


def test_postgresql_pending_in_one_statement_folds_a_story_its_rows_do_not_tell(
    db_url: str,
) -> None:
    """A report of an earlier day added after a story's later reports cuts its
    ``story_states`` rows: the one statement returns that story's reports, which are
    folded, and the page is ranked with it (every page as the plain fold's)."""
    import dateline.link.pending_pg as pending_pg

    if not db_url.startswith("postgresql"):
        pytest.skip("the one statement is PostgreSQL's")
    day = "2025-03-03"
    articles = plans()
    # visit 1: announced on 2025-02-02 for 2025-04-10, held per a report of 2025-03-05;
    # a report of 2025-02-20 stored after both
    held = {"earliest": "2025-04-10", "latest": "2025-04-10", "value": "2025-04-10"}
    late = stored_article("2025-02-20", "Visit 1 again", "Wire", [
        {"key": "late1", "type": "VISIT", "status": "planned", "source": ["visitor-1"],
         "target": ["host-1"], "location": "Capital", **held}])  # fmt: skip
    with Store(db_url) as store:
        assert all(store.add_many(articles))
        assert all(store.add_many([late]))
        with reading(store.engine) as conn:
            statement = pending_pg._statement(default_settings(), False, False)
            values = {**story_query._day_values(day, default_settings()), "offset": 0}
            folded = [r.story for r in conn.execute(statement, values) if r.position is None]
            expected = reference(conn, day)
            assert folded, "the late report cut no story's rows"
            assert pending(conn, day) == expected
            for limit, offset in ((1, 0), (2, 3), (100, 0), (2, len(expected) - 1)):
                found = pending_page(conn, day, limit=limit, offset=offset, summary=True)
                ids = [s["id"] for s in expected[offset : offset + limit]]
                assert ([s["id"] for s in found[0]], found[1]) == (ids, len(expected))


@pytest.mark.parametrize("late", [False, True], ids=["rows-tell", "a-story-folded"])
def test_a_pending_page_read_alone_is_the_page_in_one_round_trip(
    db_url: str, tmp_path: Any, late: bool
) -> None:
    """read_pending_page: the page read in a transaction of its own is the page read in a
    reading() block, summary and whole, every paging; on PostgreSQL one round trip (the
    transaction's BEGIN and settings, the statement, COMMIT in one pipeline: one
    ReadyForQuery), where a reading() block takes three. A page that needs a second
    statement on the snapshot (a story its rows do not tell pushes the stories ranked
    before the page into it) is read again in a reading() block: the same page."""
    day = "2025-03-03"
    articles = plans()
    if late:  # as in the test above: a report of an earlier day stored after the others
        held = {"earliest": "2025-04-10", "latest": "2025-04-10", "value": "2025-04-10"}
        articles.append(stored_article("2025-02-20", "Visit 1 again", "Wire", [
            {"key": "late1", "type": "VISIT", "status": "planned", "source": ["visitor-1"],
             "target": ["host-1"], "location": "Capital", **held}]))  # fmt: skip
    pages = [(None, 0), (1, 0), (2, 3), (100, 0), (3, 1)]
    with Store(db_url) as store:
        for article in articles:  # one at a time: the late report is stored last
            assert store.add(article)
        for summary in (True, False):
            for limit, offset in pages:
                with reading(store.engine) as conn:
                    expected = pending_page(conn, day, limit=limit, offset=offset, summary=summary)
                found = story_query.read_pending_page(
                    store.engine, day, limit=limit, offset=offset, summary=summary
                )
                assert found == expected, (summary, limit, offset)
        if not db_url.startswith("postgresql"):
            return
        import dateline.link.pending_pg as pending_pg

        read_again = [
            (limit, offset)
            for limit, offset in [(n, k) for n in (1, 2, 3) for k in range(12)]
            if pending_pg.page_alone(
                store.engine, day, default_settings(), limit=limit, offset=offset, summary=True
            )
            is None
        ]
        assert bool(read_again) == late, read_again  # folded stories push earlier ones in
        trace = tmp_path / "trace"
        story_query.read_pending_page(store.engine, day, limit=100)  # warmed up
        with _traced(store, trace):
            story_query.read_pending_page(store.engine, day, limit=100)
        with store.engine.connect() as conn:
            status = conn.connection.driver_connection.pgconn.transaction_status
    sent = trace.read_text().splitlines()
    assert sum("ReadyForQuery" in line for line in sent) == 1, sent
    assert status == 0  # idle: committed


def test_no_cycle_collection_runs_while_a_pending_page_is_built(db_url: str) -> None:
    """A full collection walks every object of the process (10-25 ms of CPU with
    SQLAlchemy loaded): none runs while a page is built, however low the threshold;
    the collector is on again afterwards, and stays off if it was off."""
    import gc
    import sys

    ran: list[int] = []

    def building() -> bool:
        """Within a pending_page (library, PostgreSQL's or the fast path's), not in the
        young collection that the first new object after it is built runs (``__exit__``)."""
        frame = sys._getframe(2)
        while frame is not None and frame.f_code.co_name not in ("pending_page", "__exit__"):
            frame = frame.f_back  # type: ignore[assignment]
        return frame is not None and frame.f_code.co_name == "pending_page"

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and building():
            ran.append(info["generation"])

    threshold = gc.get_threshold()
    with Store(db_url) as store:
        assert all(store.add_many(plans()))
    with Store(db_url) as store, reading(store.engine) as conn:
        pending_page(conn, "2025-03-03", limit=5)  # statements built and cached
        gc.callbacks.append(record)
        gc.set_threshold(50)  # a young collection every 50 new objects: hundreds a page
        try:
            pages = [pending_page(conn, "2025-03-03", limit=5, summary=s) for s in (True, False)]
            assert gc.isenabled()
            gc.disable()
            pending_page(conn, "2025-03-03", limit=5)
            assert not gc.isenabled()
        finally:
            gc.enable()
            gc.set_threshold(*threshold)
            gc.callbacks.remove(record)
    assert all(page for page, _ in pages)
    assert ran == []


def test_postgresql_reads_a_story_state_as_of_the_day_from_its_key_alone(db_url: str) -> None:
    """Migration 22: ``story_states``' primary key on PostgreSQL holds the row's other
    columns, so that pending's lookup of each later story's state as of the day is an
    index-only scan (it read each row from the table too); a database made before it
    gets the covering key when opened, and its pages stay the same."""
    if not db_url.startswith("postgresql"):
        pytest.skip("a PostgreSQL index (SQLite has no INCLUDE)")
    day = "2025-03-03"
    key = (
        "SELECT pg_get_indexdef(indexrelid) FROM pg_index "
        "WHERE indexrelid = 'story_states_pkey'::regclass"
    )
    with Store(db_url) as store:
        assert all(store.add_many(plans()))
        with store.engine.begin() as conn:  # as a database made before migration 22
            conn.execute(text("ALTER TABLE story_states DROP CONSTRAINT story_states_pkey"))
            conn.execute(text("ALTER TABLE story_states ADD PRIMARY KEY (story_id, dct)"))
            conn.execute(text("DELETE FROM schema_migrations WHERE version = 22"))
            assert "INCLUDE" not in conn.execute(text(key)).scalar_one()
        with reading(store.engine) as conn:
            before = pending_page(conn, day, limit=100, summary=False)
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    with Store(db_url) as store:
        with store.engine.connect() as conn:  # the visibility map, as after a bulk load
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                "VACUUM (ANALYZE) story_states"
            )
        with reading(store.engine) as conn:
            made = conn.execute(text(key)).scalar_one()
            assert "(story_id, dct) INCLUDE (next_dct, state, type, earliest, latest)" in made
            event.listen(store.engine, "before_cursor_execute", record)
            try:
                assert pending_page(conn, day, limit=100, summary=False) == before
            finally:
                event.remove(store.engine, "before_cursor_execute", record)
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            conn.exec_driver_sql("SET LOCAL enable_bitmapscan = off")
            statement, parameters = next(s for s in sent if "WITH settled" in s[0])
            cursor = conn.connection.driver_connection.cursor()
            cursor.execute("EXPLAIN " + statement, parameters)
            plan = "\n".join(r[0] for r in cursor.fetchall())
    assert "Index Only Scan Backward using story_states_pkey" in plan, plan


def test_postgresql_pending_runs_on_its_generic_plan_and_leaves_other_statements_theirs(
    db_url: str, tmp_path: Any
) -> None:
    """PostgreSQL planned pending's statement anew on every page (it kept judging a custom
    plan cheaper: 2-3 ms of the server's CPU a page at a million events). The statement
    runs on its generic plan, planned once per connection; the setting holds for it
    alone (a read's next statement has the server's own), the page stays the same, and
    setting it costs no round trip: a page is three (the read's BEGIN with its settings,
    the page, COMMIT), counted in libpq's trace."""
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's plan cache")

    day, rules = "2025-03-03", default_settings()
    trace = tmp_path / "trace"
    with Store(db_url) as store:
        assert all(store.add_many(plans()))
        with reading(store.engine) as conn:
            default = conn.exec_driver_sql("SHOW plan_cache_mode").scalar()
            expected = story_query.sqlalchemy_pending_page(conn, day, rules, limit=3, offset=1)
        for _ in range(8):
            with reading(store.engine) as conn:
                assert pending_page(conn, day, limit=3, offset=1) == expected
                after = conn.exec_driver_sql("SHOW plan_cache_mode").scalar()
        with reading(store.engine) as conn:
            plans_made = conn.exec_driver_sql(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
                "WHERE starts_with(statement, 'WITH settled')"
            ).all()
        with _traced(store, trace) as pgconn, reading(store.engine) as conn:
            assert conn.connection.driver_connection.pgconn is pgconn
            assert pending_page(conn, day, limit=3, offset=1) == expected
    assert after == default == "auto"
    assert plans_made and all(generic > 0 and custom == 0 for generic, custom in plans_made)
    sent = trace.read_text().splitlines()
    assert sum("ReadyForQuery" in line for line in sent) == 3, sent


def test_pending_statement_binds_only_the_day_and_the_page(db_url: str) -> None:
    """What pending's statement holds itself (the rules' states and types, the span
    groups' numbers) is written into its text, where the generic plan sees it (bound,
    the generic plan estimated the span groups' ranges blindly); only what a read gives,
    the day, its prefixes and the page, is bound."""
    if not db_url.startswith("postgresql"):
        pytest.skip("the one statement is PostgreSQL's")
    import re

    import dateline.link.pending_pg as pending_pg

    rules = default_settings()
    for limited in (False, True):
        given = {**story_query._day_values("2025-03-03", rules), "offset": 0}
        if limited:
            given["first"] = 10
        for whole in (False, True):
            sql = pending_pg._sql(rules, limited, whole, tuple(given))
            bound = set(re.findall(r"%\((\w+)\)s", sql))
            assert bound <= set(given) and {"day", "offset"} <= bound
            assert "'rescheduled'" in sql and "'STATEMENT'" in sql


# --- the year's and the decade's spans by their end (migration 29) ------------------------


def spans_of_every_group() -> list[tuple[str, str]]:
    """Spans from 2008 to 2031 of every length, so that each span group has many: a start
    every 23 days, each with ends 9, 70, 200, 500, 1,500 and 4,000 days later."""
    from datetime import date, timedelta

    first = date(2008, 1, 1)
    starts = [first + timedelta(days=23 * n) for n in range(380)]
    return [(s.isoformat(), (s + timedelta(days=d)).isoformat())
            for s in starts for d in (9, 70, 200, 500, 1500, 4000)]  # fmt: skip


def test_a_span_group_read_by_its_end_keeps_the_same_spans() -> None:
    """A group's spans that meet a day, read as a range of their ends from the day to the
    end of the day's year (decade), are those read as a range of their starts: for every
    group and days early and late in their month, year and decade."""
    from sqlalchemy import Column, MetaData, String, Table, create_engine

    from dateline.span import overlapping_by_group, span_group

    table = Table("spans", MetaData(), Column("lo", String), Column("hi", String))
    engine = create_engine("sqlite://")
    table.metadata.create_all(engine)
    days = ["2010-01-01", "2013-02-28", "2015-06-01", "2018-11-20", "2019-12-31", "2020-07-01",
            "2024-12-31", "2025-08-29", "2029-12-31"]  # fmt: skip
    with engine.begin() as conn:
        conn.execute(table.insert(), [{"lo": lo, "hi": hi} for lo, hi in spans_of_every_group()])
        groups = {r[0] for r in conn.execute(select(span_group(table.c.lo, table.c.hi)).distinct())}
        assert groups == set(GROUPS)
        lo, hi = table.c.lo, table.c.hi
        for day in days:
            expected = set(conn.execute(select(lo, hi).where(*overlapping(lo, hi, day, day))))
            for by_end in (False, True):
                found: set[Any] = set()
                for g in GROUPS:
                    where = overlapping_by_group(lo, hi, day, day, g, by_end=by_end)
                    found |= set(conn.execute(select(lo, hi).where(*where)))
                assert found == expected and expected, (day, by_end)


@pytest.mark.parametrize(
    ("day", "groups"),
    [("2018-11-20", (1, 2)), ("2018-03-01", (2,)), ("2012-11-20", (1,)), ("2013-03-01", ()),
     ("2025-08-29", (1, 2)), ("2020-01-01", ())],
)  # fmt: skip
def test_the_year_and_the_decade_are_read_by_their_end_late_in_them(
    day: str, groups: tuple[int, ...]
) -> None:
    from dateline.fastpath.span import by_end_groups as fast_by_end_groups
    from dateline.span import by_end_groups

    assert by_end_groups(day) == fast_by_end_groups(day) == groups


def test_migration_29_adds_its_index_to_an_older_database(db_url: str) -> None:
    listed = (
        "SELECT indexname FROM pg_indexes"
        if db_url.startswith("postgresql")
        else "SELECT name FROM sqlite_master WHERE type = 'index'"
    )
    with Store(db_url) as opened, opened.engine.begin() as conn:
        assert "ix_stories_open_end" in {r[0] for r in conn.execute(text(listed))}
        conn.execute(text("DROP INDEX ix_stories_open_end"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 29"))
    with Store(db_url) as reopened, reading(reopened.engine) as conn:
        names = {r[0] for r in conn.execute(text(listed))}
        versions = {r[0] for r in conn.execute(text("SELECT version FROM schema_migrations"))}
    assert "ix_stories_open_end" in names and 29 in versions


def test_migration_32_makes_the_state_index_again_with_the_last_report(db_url: str) -> None:
    """A database from before migration 32 (ix_stories_state on the state alone) gets the
    indexes by state and by status with the last report date, and loses the old one."""
    listed = (
        "SELECT indexname FROM pg_indexes"
        if db_url.startswith("postgresql")
        else "SELECT name FROM sqlite_master WHERE type = 'index'"
    )
    new = {"ix_stories_state_last"}
    with Store(db_url) as opened:
        assert all(opened.add_many(articles()))
    with Store(db_url) as opened, opened.engine.begin() as conn:
        assert new <= {r[0] for r in conn.execute(text(listed))}
        for name in new:
            conn.execute(text(f"DROP INDEX {name}"))
        conn.execute(text("CREATE INDEX ix_stories_state ON stories (state)"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 32"))
    with Store(db_url) as reopened, reading(reopened.engine) as conn:
        names = {r[0] for r in conn.execute(text(listed))}
        versions = {r[0] for r in conn.execute(text("SELECT version FROM schema_migrations"))}
        assert list_stories(conn, state="occurred")  # read by the new index
    assert new <= names and "ix_stories_state" not in names and 32 in versions


@pytest.mark.parametrize("day", ["2025-07-05", "2025-03-03"])
def test_pending_reads_the_late_year_and_decade_by_their_end(db_url: str, day: str) -> None:
    """As of a day late in its year (decade), the stories of that span group open on it are
    read from ix_stories_open_end as a range of their windows' ends (as of the middle of
    a million events, the decade's: 1,136 entries instead of 6,713); the page is every
    story judged as of the day. SQLite's fast path and PostgreSQL's one statement."""
    with Store(db_url) as store:
        assert all(store.add_many(plans()))
        if store.engine.dialect.name == "postgresql":
            with store.engine.connect() as conn:  # the visibility map, as after a bulk load
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                    "VACUUM (ANALYZE) stories"
                )
        with reading(store.engine) as conn:
            expected = reference(conn, day)
            assert expected and pending(conn, day) == expected
            if store.engine.dialect.name == "sqlite":
                plan = _pending_ranking_plan(conn, day)
            elif day == "2025-07-05":  # (a table this small: either index for one group)
                plan = _pending_statement_plan(store, conn, day)
            else:
                return
    late = 2 if day == "2025-03-03" else 4  # the decade; and the year (ranking, later ones)
    assert plan.count("ix_stories_open_end") == late, plan


def _pending_statement_plan(store: Store, conn: Any, day: str) -> str:
    """PostgreSQL's plan of pending's one statement as of ``day``, generic as the read
    runs it, as for a big table."""
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        pending(conn, day, limit=3)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
    conn.exec_driver_sql("SET LOCAL enable_bitmapscan = off")
    conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_generic_plan")
    statement, parameters = next(s for s in sent if "WITH settled" in s[0])
    cursor = conn.connection.driver_connection.cursor()
    cursor.execute("EXPLAIN " + statement, parameters)
    return "\n".join(r[0] for r in cursor.fetchall())
