"""Migration 20: fewer b-tree pages written per report, the same rows.

``ix_event_actors_actor`` and ``ix_stories_open`` dropped (prefixes of other indexes), on
SQLite ``story_states``' triggers skipping reports that have no story; and the events of a
batch pointed at their stories in one statement (``engine.update_by_key``). On SQLite and
PostgreSQL.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, event, text

from dateline.link.history_table import _SQLITE_TRIGGERS, drop_triggers
from dateline.store import Store
from dateline.store.engine import update_by_key, writing
from test_reads_paging import plans

DERIVED = ("stories", "story_keys", "story_tail", "story_summaries", "story_states",
           "event_links", "event_keys", "event_actors", "actor_counts")  # fmt: skip


def by_date(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(articles, key=lambda a: (a["document"]["dct"], a["document"]["id"]))


def dump(conn: Connection) -> dict[str, list[str]]:
    """Every row of the tables linking writes, and each event's story, as sorted text."""
    out = {"events": sorted(repr(tuple(r)) for r in conn.execute(text(
        "SELECT id, story_id FROM events")))}  # fmt: skip
    for table in DERIVED:
        out[table] = sorted(repr(tuple(r)) for r in conn.execute(text(f"SELECT * FROM {table}")))
    return out


def index_names(conn: Connection) -> set[str]:
    if conn.dialect.name == "sqlite":
        found = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))
    else:
        found = conn.execute(text("SELECT indexname FROM pg_indexes"))
    return {r[0] for r in found}


def table_sql(conn: Connection, name: str) -> str:
    found = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = :n"), {"n": name})
    return str(found.scalar())


def as_before_migration_20(conn: Connection) -> None:
    """Make the database as migration 19 (or 21) of the code before 20 left it."""
    conn.execute(text("CREATE INDEX ix_event_actors_actor ON event_actors (actor_id)"))
    conn.execute(text("CREATE INDEX ix_stories_open ON stories (open_until, first_dct)"))
    conn.execute(text("DELETE FROM schema_migrations WHERE version = 20"))
    if conn.dialect.name != "sqlite":
        return
    drop_triggers(conn)
    for name, body in _SQLITE_TRIGGERS.items():  # as migration 16 made them: no WHEN
        conn.execute(text(f"CREATE TRIGGER {name} {re.sub(r' WHEN .* BEGIN ', ' BEGIN ', body)}"))


def test_migration_20_carries_a_database_over_with_the_same_rows(db_url: str) -> None:
    articles = by_date(plans())
    with Store(db_url) as store:
        store.add_many(articles[:20])
        with writing(store.engine) as conn:
            before = dump(conn)
            as_before_migration_20(conn)
            assert {"ix_event_actors_actor", "ix_stories_open"} <= index_names(conn)
    with Store(db_url) as store:
        with store.engine.connect() as conn:
            assert dump(conn) == before
            assert not {"ix_event_actors_actor", "ix_stories_open"} & index_names(conn)
            assert {"ix_event_actors_actor_event", "ix_stories_pending"} <= index_names(conn)
            if conn.dialect.name == "sqlite":
                sql = table_sql(conn, "story_states_events_ai")
                assert "WHEN new.story_id IS NOT NULL" in sql
        store.add_many(articles[20:])  # and the triggers keep story_states exact
        with store.engine.connect() as conn:
            migrated = dump(conn)
    if "://" in db_url:
        return  # PostgreSQL: the rows above; a second database adds nothing to the check
    with Store(db_url + ".whole.db") as whole:  # a database that never left migration 20
        whole.add_many(articles[:20])
        whole.add_many(articles[20:])
        with whole.engine.connect() as conn:
            assert dump(conn) == migrated


def test_story_states_triggers_skip_reports_without_a_story(tmp_path: Any) -> None:
    """Every event is inserted without a story (linking sets it after): the cuts of its
    insert, and of the update that gives it one (the old story's cut), would cut nothing."""
    with Store(str(tmp_path / "t.db")) as store, store.engine.connect() as conn:
        named = "type = 'trigger' AND name LIKE 'story_states_%'"
        found = conn.execute(text(f"SELECT name, sql FROM sqlite_master WHERE {named}"))
        triggers = {n: sql for n, sql in found.all() if not n.startswith("story_states_stories")}
    assert len(triggers) == 8
    for name, sql in triggers.items():
        assert re.search(r" WHEN .* IS NOT NULL BEGIN ", sql), name


def test_a_batch_points_its_events_at_their_stories_in_one_statement(db_url: str) -> None:
    articles = by_date(plans())
    executed: list[int] = []

    def count(_c: Any, _cur: Any, statement: str, params: Any, _x: Any, many: bool) -> None:
        if re.match(r'\s*UPDATE "?events"? ', statement, re.IGNORECASE):
            executed.append(len(params) if many else 1)

    with Store(db_url) as store:
        event.listen(store.engine, "before_cursor_execute", count)
        store.add_many(articles)
        with store.engine.connect() as conn:
            linked = conn.execute(text("SELECT count(*) FROM events WHERE story_id IS NOT NULL"))
            assert linked.scalar() == sum(len(a["events"]) for a in articles)
    assert executed == [1]


def test_update_by_key_sets_each_row_across_statements(db_url: str) -> None:
    """More rows than one SQLite statement holds (256), in chunks of powers of two."""
    meta = sa.MetaData()
    table = sa.Table("pairs", meta, sa.Column("k", sa.String(20), primary_key=True),
                     sa.Column("v", sa.String(20)))  # fmt: skip
    with Store(db_url) as store, writing(store.engine) as conn:
        meta.create_all(conn)
        conn.execute(table.insert(), [{"k": f"k{n}", "v": None} for n in range(700)])
        update_by_key(conn, table, "k", "v", [(f"k{n}", f"v{n * 2}") for n in range(1, 700, 2)])
        rows = dict(conn.execute(sa.select(table.c.k, table.c.v)).all())
    assert rows == {f"k{n}": (f"v{n * 2}" if n % 2 else None) for n in range(700)}
