"""Recorded schema migrations: each runs once and is noted in ``schema_migrations``.

A migration is a function of a connection; append new ones, never edit old ones.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, inspect, select

from dateline.errors import E_DB_SCHEMA
from dateline.store import schema

Migration = tuple[int, str, Callable[[Connection], None]]


def _v1_initial(conn: Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables if t.name in V1_TABLES]
    schema.metadata.create_all(conn, tables=tables)


V1_TABLES = {
    "documents",
    "timexes",
    "actors",
    "actor_mentions",
    "places",
    "events",
    "event_actors",
    "event_evidence",
    "event_candidates",
    "rejects",
}


def _v2_stories(conn: Connection) -> None:
    from dateline.link.linker import relink_all
    from dateline.link.schema import create_story_tables

    create_story_tables(conn)
    relink_all(conn)


def _v3_event_change(conn: Connection) -> None:
    """Event.change as a column, filled for stored events from the status cue the events
    step recorded, with the same cue lists it uses (cues.json)."""
    from sqlalchemy import text

    from dateline.events.lexicon import load_cues

    columns = {c["name"] for c in inspect(conn).get_columns("events")}
    if "change" not in columns:
        conn.execute(text('ALTER TABLE events ADD COLUMN "change" VARCHAR(20)'))
    cues = load_cues()
    events = schema.events
    conn.execute(
        events.update().where(events.c.cue.in_(cues["reschedule_verbs"])).values(change="postponed")
    )
    conn.execute(
        events.update()
        .where(events.c.status == "negated", events.c.cue.in_(cues["cancel_verbs"]))
        .values(change="cancelled")
    )


def _v4_publications(conn: Connection) -> None:
    """Each publication of a text (outlet, date, title, URL), starting with one per document."""
    from dateline.store.publications import backfill

    schema.publications.create(conn, checkfirst=True)
    backfill(conn)


def _v5_story_state(conn: Connection) -> None:
    """stories.state, the lifecycle state, computed for every stored story."""
    from sqlalchemy import text

    from dateline.link.linker import refresh_states
    from dateline.link.schema import stories

    columns = {c["name"] for c in inspect(conn).get_columns("stories")}
    if "state" not in columns:
        conn.execute(text("ALTER TABLE stories ADD COLUMN state VARCHAR(12)"))
    indexes = {i["name"] for i in inspect(conn).get_indexes("stories")}
    for index in stories.indexes:
        if index.name not in indexes:
            index.create(conn)
    refresh_states(conn)


def _v6_story_summaries(conn: Connection) -> None:
    """Per-story summaries and tail keys, so that linking resumes a story without loading
    all its members; made from the stored stories."""
    from dateline.link.linker import rebuild_summaries
    from dateline.link.schema import create_story_tables

    create_story_tables(conn)
    rebuild_summaries(conn)


def _v7_read_indexes(conn: Connection) -> None:
    """Indexes the reads need at a million events: the timeline's order, alone and within
    a type (a page of events without sorting them all), the end of an event's span
    (``--from``), an actor's events and the candidates of ``pending`` from the index
    alone. Made where missing: a database made by migrations 1 and 2 of this code has
    them already."""
    from sqlalchemy.schema import CreateIndex

    from dateline.link.schema import stories

    names = (
        "ix_events_timeline", "ix_events_type_timeline", "ix_events_span_hi",
        "ix_event_actors_actor_event", "ix_stories_pending",
    )  # fmt: skip
    # IF NOT EXISTS: SQLAlchemy does not reflect expression indexes (it warns instead).
    for table in (schema.events, schema.event_actors, stories):
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            if index.name in names:
                conn.execute(CreateIndex(index, if_not_exists=True))
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("ANALYZE")  # the planner's statistics, to choose among them
    else:
        for name in ("events", "event_actors", "stories"):
            conn.exec_driver_sql(f"ANALYZE {name}")


def _v9_actor_identity(conn: Connection) -> None:
    """One actor across articles: event_actors.extracted_id, document_actors (each
    document's actors as extracted, with the id they are stored under) and actor_merges,
    filled from the stored documents; their actors are then identified across articles,
    and when any event's actors change every story is linked again."""
    from sqlalchemy import text

    from dateline.store.identity import create_identity_tables, identify_all

    columns = {c["name"] for c in inspect(conn).get_columns("event_actors")}
    if "extracted_id" not in columns:
        conn.execute(text("ALTER TABLE event_actors ADD COLUMN extracted_id VARCHAR(200)"))
    conn.execute(schema.event_actors.update().values(extracted_id=schema.event_actors.c.actor_id))
    create_identity_tables(conn)
    _backfill_document_actors(conn)
    if identify_all(conn):
        from dateline.link.linker import relink_from_scratch

        relink_from_scratch(conn)


def _backfill_document_actors(conn: Connection) -> None:
    """document_actors rows of stored documents: the actors their mentions and events name,
    described by the actors table (the first description stored of each)."""
    from sqlalchemy import union

    from dateline.store.identity import actor_rows

    ev, ea, am, ac, d = (
        schema.events, schema.event_actors, schema.actor_mentions, schema.actors,
        schema.documents,
    )  # fmt: skip
    named = union(
        select(am.c.document_id, am.c.actor_id),
        select(ev.c.document_id, ea.c.actor_id).join(ev, ev.c.id == ea.c.event_id),
    ).subquery()
    query = (
        select(named.c.document_id, named.c.actor_id, d.c.dct, ac.c.name, ac.c.kind,
               ac.c.country, ac.c.role)
        .join(d, d.c.id == named.c.document_id)
        .outerjoin(ac, ac.c.id == named.c.actor_id)
        .order_by(named.c.document_id, named.c.actor_id)
    )  # fmt: skip
    rows = []
    for r in conn.execute(query):
        actor = {"id": r.actor_id, "name": r.name, "kind": r.kind, "country": r.country,
                 "role": r.role}  # fmt: skip
        extraction = {"document": {"id": r.document_id, "dct": r.dct}, "actors": [actor]}
        rows += actor_rows(extraction)
    from dateline.store.identity import document_actors

    for start in range(0, len(rows), 500):
        conn.execute(document_actors.insert(), rows[start : start + 500])


def _v11_story_keys(conn: Connection) -> None:
    """story_keys: the stories a new event could join, found by the keys of their last
    members and the window of their state; made from the stored stories' summaries. It
    replaces tail_keys (migration 6), which kept those keys per member."""
    from sqlalchemy import text

    from dateline.link.linker import rebuild_story_keys
    from dateline.link.schema import create_story_tables

    conn.execute(text("DROP TABLE IF EXISTS tail_keys"))
    create_story_tables(conn)
    rebuild_story_keys(conn)


MIGRATIONS: list[Migration] = [
    (1, "initial schema: documents, timexes, actors, places, events, rejects", _v1_initial),
    (2, "stories: stories, event_links, event_keys", _v2_stories),
    (3, "events.change: postponed / cancelled, read by linking", _v3_event_change),
    (4, "publications: every outlet, date, title and URL that ran a text", _v4_publications),
    (5, "stories.state: lifecycle state (announced, dated, ... occurred)", _v5_story_state),
    (6, "story summaries: linking cost independent of story size", _v6_story_summaries),
    (7, "read indexes: timeline order, span end, actor's events", _v7_read_indexes),
    (9, "actor identity: one actor across articles, user merges", _v9_actor_identity),
    (11, "story keys: linking cost independent of the database's size", _v11_story_keys),
]


def applied_versions(conn: Connection) -> set[int]:
    table = schema.schema_migrations
    if not inspect(conn).has_table(table.name):
        table.create(conn)
        return set()
    return {row[0] for row in conn.execute(select(table.c.version))}


def missing_versions(conn: Connection) -> list[int]:
    """The versions this database lacks, read without writing (DL-E051 if it is newer)."""
    done: set[int] = set()
    if inspect(conn).has_table(schema.schema_migrations.name):
        done = {row[0] for row in conn.execute(select(schema.schema_migrations.c.version))}
    _refuse_newer(done)
    return [version for version, _, _ in MIGRATIONS if version not in done]


def _refuse_newer(done: set[int]) -> None:
    known = max(v for v, _, _ in MIGRATIONS)
    if done and max(done) > known:
        raise E_DB_SCHEMA(found=max(done), known=known)


def migrate(conn: Connection) -> list[int]:
    """Apply the migrations this database lacks; return the versions applied.

    Run it in a transaction that holds the write lock (``engine.writing``): two
    processes opening a new database at once then migrate it one after the other.
    """
    done = applied_versions(conn)
    _refuse_newer(done)
    applied = []
    for version, name, func in MIGRATIONS:
        if version in done:
            continue
        func(conn)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        conn.execute(
            schema.schema_migrations.insert().values(version=version, name=name, applied_at=now)
        )
        applied.append(version)
    return applied
