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


def _stored_any(conn: Connection) -> bool:
    """Whether any document is stored (a new database has nothing to link again)."""
    return conn.execute(select(schema.documents.c.id).limit(1)).first() is not None


def _relink_stored(conn: Connection) -> None:
    """Link every stored document again under the rules of this code."""
    from dateline.link.linker import relink_from_scratch

    if _stored_any(conn):
        relink_from_scratch(conn)


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
    from sqlalchemy.schema import CreateIndex

    from dateline.link.linker import refresh_states
    from dateline.link.schema import stories

    columns = {c["name"] for c in inspect(conn).get_columns("stories")}
    if "state" not in columns:
        conn.execute(text("ALTER TABLE stories ADD COLUMN state VARCHAR(12)"))
    # IF NOT EXISTS rather than reflecting the indexes: SQLAlchemy does not reflect an
    # expression index (migration 10 has one on stories), and warns instead.
    for index in sorted(stories.indexes, key=lambda i: str(i.name)):
        conn.execute(CreateIndex(index, if_not_exists=True))
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


def _v10_span_groups(conn: Connection) -> None:
    """Indexes by span group (:data:`dateline.span.SPAN_GROUPS`): the timeline's order
    within a group (``--from``/``--to`` reads a bounded range of starts per group) and
    what ``pending`` reads of a story by the group of its reporting window. Made where
    missing (a database made by migration 1 of this code has the first already). And
    trigram indexes of the evidence sentences for ``q=``."""
    from sqlalchemy.schema import CreateIndex

    from dateline.link.schema import stories

    names = ("ix_events_span_group", "ix_stories_open_group")
    for table in (schema.events, stories):
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            if index.name in names:
                conn.execute(CreateIndex(index, if_not_exists=True))
    if conn.dialect.name == "sqlite":
        _sqlite_evidence_text(conn)
    else:
        _postgresql_trigrams(conn)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("ANALYZE events")  # statistics of the new indexes
        conn.exec_driver_sql("ANALYZE stories")
    else:
        for name in ("events", "stories"):
            conn.exec_driver_sql(f"ANALYZE {name}")


def _sqlite_evidence_text(conn: Connection) -> None:
    """An FTS5 table of trigrams over the evidence sentences (``q=`` finds a text in it,
    :func:`dateline.store.queries.text_plan`), kept in step by triggers and filled from
    the stored sentences. A SQLite built without FTS5 goes without: ``q=`` then scans."""
    from dateline.store.queries import EVIDENCE_TEXT as fts

    columns = "sentence, content='event_evidence', content_rowid='id'"
    add = f"INSERT INTO {fts}(rowid, sentence) VALUES (new.id, new.sentence);"
    drop = f"INSERT INTO {fts}({fts}, rowid, sentence) VALUES ('delete', old.id, old.sentence);"
    if _fts5_kept_by_triggers(conn, fts, columns, "event_evidence", add, drop, "UPDATE"):
        conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _fts5_kept_by_triggers(
    conn: Connection, fts: str, columns: str, table: str, add: str, drop: str, update: str
) -> bool:
    """Create the FTS5 trigram table ``fts`` and the triggers that keep it in step with
    ``table`` (``add`` after an insert, ``drop`` after a delete, both after ``update``);
    False when this SQLite has no FTS5 (or no trigram tokenizer)."""
    from sqlalchemy.exc import OperationalError

    try:
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({columns}, tokenize='trigram')"
        )
    except OperationalError:  # no such module: fts5 (or no trigram tokenizer)
        return False
    for name, when, body in (("ai", "INSERT", add), ("ad", "DELETE", drop),
                             ("au", update, drop + " " + add)):  # fmt: skip
        conn.exec_driver_sql(
            f"CREATE TRIGGER IF NOT EXISTS {fts}_{name} AFTER {when} ON {table} BEGIN {body} END"
        )
    return True


def _postgresql_trigrams(conn: Connection) -> None:
    """GIN trigram indexes (pg_trgm) of the evidence sentences and the titles, which
    PostgreSQL uses for the ILIKE of ``q=``; without the extension (not installed, or not
    allowed to this user) ``q=`` scans."""
    from sqlalchemy.exc import DBAPIError

    try:
        with conn.begin_nested():
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError:
        return
    for name, table, column in (("ix_event_evidence_sentence_trgm", "event_evidence", "sentence"),
                                ("ix_documents_title_trgm", "documents", "title")):  # fmt: skip
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        )


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


def _v12_actor_apart(conn: Connection) -> None:
    """actor_apart: pairs of actors a user keeps apart (``dateline actors apart``), which
    identity across articles respects. Made by migration 9 in databases that ran it after
    this code came; made here in the others. The linking rules of the same change (the
    country a meeting is held in, places its sentences do not name) read what linking
    stores per event, so stored documents are linked again."""
    from dateline.store.identity import actor_apart, identify_all

    actor_apart.create(conn, checkfirst=True)
    identify_all(conn)  # organisations are identified across articles too
    _relink_stored(conn)


def _v13_actor_counts(conn: Connection) -> None:
    """actor_counts: each actor's number of events, kept exact by triggers on event_actors
    (:mod:`dateline.store.actor_counts`) and counted here from the stored rows; and on
    SQLite an FTS5 table of trigrams over the titles, so that ``q=`` no longer scans
    every title (PostgreSQL has had a pg_trgm index of them since migration 10)."""
    from dateline.store.actor_counts import create_actor_counts

    create_actor_counts(conn)
    if conn.dialect.name == "sqlite":
        _sqlite_title_text(conn)


def _sqlite_title_text(conn: Connection) -> None:
    """An FTS5 table of trigrams over the titles with their document's id (documents has
    no stable rowid of its own: VACUUM may renumber it), kept in step by triggers and
    filled from the stored titles. A SQLite without FTS5 goes without: ``q=`` scans."""
    from dateline.store.queries import TITLE_TEXT as fts

    add = f"INSERT INTO {fts}(title, document_id) VALUES (new.title, new.id);"
    drop = f"DELETE FROM {fts} WHERE document_id = old.id;"  # a scan: documents stay
    columns = "title, document_id UNINDEXED"
    if not _fts5_kept_by_triggers(
        conn, fts, columns, "documents", add, drop, "UPDATE OF id, title"
    ):
        return
    conn.exec_driver_sql(f"DELETE FROM {fts}")
    conn.exec_driver_sql(f"INSERT INTO {fts}(title, document_id) SELECT title, id FROM documents")


def _v14_pending_covered(conn: Connection) -> None:
    """``ix_stories_open_group`` made again with the story's type: the ranking of
    ``pending`` then reads its candidates from the index alone (it read each one's row in
    the table for its type, which an undated story's freshness depends on)."""
    from sqlalchemy.schema import CreateIndex

    from dateline.link.schema import stories

    (index,) = (i for i in stories.indexes if i.name == "ix_stories_open_group")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_stories_open_group")
    conn.execute(CreateIndex(index))
    conn.exec_driver_sql("ANALYZE stories")


def _v15_relink(conn: Connection) -> None:
    """Link stored documents again: what linking stores per event changed (an undated
    statement, threat or accusation links within a day of its article, ``speech_types``),
    and so did the rules that fold a story's state (docs/stories.md, "Measured", issue 12's
    fourth round), which its stored row and summary hold."""
    _relink_stored(conn)


def _v16_story_states(conn: Connection) -> None:
    """story_states: each story's state as of each of its article dates, kept exact by
    triggers (:mod:`dateline.link.history_table`) and written here from every story's
    members, so that ``pending --as-of`` a past day reads it instead of folding."""
    from dateline.link.history_table import create_story_states

    create_story_states(conn)


def _v17_story_tail(conn: Connection) -> None:
    """story_tail: each story's tail (what a new report is compared with of its last
    members) in rows of its own, moved out of the stories' summaries, so that a report
    that joins a story writes its own row instead of the whole tail again."""
    from dateline.link.linker import move_tails
    from dateline.link.schema import create_story_tables

    create_story_tables(conn)
    move_tails(conn)


def _v18_relink(conn: Connection) -> None:
    """Link stored documents again: the rules that fold a story's state changed (an article
    that postpones the story is not undone by an undated report that it took place,
    docs/stories.md, issue 12's fifth round); a story's window, which linking compares new
    events with, and its stored row and summary follow from them."""
    _relink_stored(conn)


def _v19_relink(conn: Connection) -> None:
    """Link stored documents again: which story an event joins changed (an event that turns
    a member of the story around stays out of it, an inviter is not the traveller
    (``role_apart``); a report of what became of the story keeps
    it from another event of its type in the same article), and so did the fold (a stale
    plan neither undoes a held event nor revives a called-off one: docs/stories.md, issue
    12's sixth round); every story's row, summary, keys and states follow."""
    _relink_stored(conn)


def _v20_fewer_pages(conn: Connection) -> None:
    """Fewer b-tree pages written per new report: ``ix_event_actors_actor`` and
    ``ix_stories_open`` dropped (prefixes of ``ix_event_actors_actor_event`` and
    ``ix_stories_pending``, which every plan that used them can use), and on SQLite
    ``story_states``' triggers made again so that they skip the reports that have no story
    yet. Same rows; nothing else changes."""
    from dateline.link.history_table import drop_triggers, install_triggers

    for index in ("ix_event_actors_actor", "ix_stories_open"):  # prefixes of others
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index}")
    if conn.dialect.name == "sqlite":
        drop_triggers(conn)
        install_triggers(conn)


def _v21_name_spellings(conn: Connection) -> None:
    """Person name keys in one spelling of their transliterations ("Mohamed" and "Muhammad",
    "Oleksandr" and "Alexander", "Zelenskiy" and "Zelenskyy": docs/actors.md): the stored
    keys of document_actors are computed again, every name is identified again across
    articles, and when any event's actors change every story is linked again."""
    from dateline.store.identity import identify_all, rekey_names

    if rekey_names(conn) and identify_all(conn):
        from dateline.link.linker import relink_from_scratch

        relink_from_scratch(conn)


def _v22_story_states_covered(conn: Connection) -> None:
    """On PostgreSQL, ``story_states``' primary key on an index that holds every column of
    the row (:func:`dateline.link.history_table.cover_key`): pending's statement reads a
    story's state as of the day from the index alone. Nothing changes on SQLite."""
    from dateline.link.history_table import cover_key

    cover_key(conn)


def _v23_relink(conn: Connection) -> None:
    """Identify every name again (names are compared across 24 months, no longer 12:
    docs/actors.md) and link stored documents again: a place named as a building
    ("Presidential Palace") is level ``site`` in ``event_links`` and excludes only another
    country, and an article's time is its most specific date widened to a span of the same
    granularity that holds it (docs/stories.md, issue 12's eighth round); every story's row,
    summary, keys and states follow."""
    from dateline.link.linker import relink_from_scratch
    from dateline.store.identity import identify_all

    if _stored_any(conn):
        identify_all(conn)
        relink_from_scratch(conn)


def _v25_relink(conn: Connection) -> None:
    """Link stored documents again: a trip back to the travellers' own country ends the trip
    it comes back from (``journey_home``: its destination is dropped from what linking
    compares and its place is level ``home`` in ``event_links``; docs/stories.md, issue 12's
    ninth round); every story's row, summary, keys and states follow."""
    _relink_stored(conn)


def _v26_relink(conn: Connection) -> None:
    """Identify every name again and link stored documents again (issue 12's tenth round):
    a given name and a patronymic, and "Dzh" for "J", name the person of a fuller name
    (docs/actors.md); a name no actor has that is one of the article's places is no party
    of the event it acts in (``event_links``); and a later day's report that puts the event
    off takes back a report that it took place (the fold: ``stories``, summaries and
    states follow)."""
    from dateline.link.linker import relink_from_scratch
    from dateline.store.identity import identify_all

    if _stored_any(conn):
        identify_all(conn)
        relink_from_scratch(conn)


def _v27_relink(conn: Connection) -> None:
    """Identify every name again and link stored documents again (issue 12's eleventh
    round): person keys are computed again for a new spelling group ("Zaid", "Zeid") and
    honorifics ("H.M.": docs/actors.md); and a dated plan of a later article gives a new
    date to a dated plan of the same place whose date has not passed (``redated``), which
    changes the neighbourhoods, which story such a plan joins, and the windows of
    ``story_keys``."""
    from dateline.link.linker import relink_from_scratch
    from dateline.store.identity import identify_all, rekey_names

    if _stored_any(conn):
        rekey_names(conn)
        identify_all(conn)
        relink_from_scratch(conn)


def _v30_relink(conn: Connection) -> None:
    """Identify every name again and link stored documents again (issue 12's twelfth
    round): a given name and a surname name the person of a three-word name that starts
    with both ("Mateo Quintana" for "Mateo Quintana Ruales": docs/actors.md); and a report
    of what became of another event keeps a dated plan out of a story only when it is of
    the story's own type (a call read as talks held is a facet of the visit, and no longer
    keeps the talks planned for the visit's dates out of it)."""
    from dateline.link.linker import relink_from_scratch
    from dateline.store.identity import identify_all

    if _stored_any(conn):
        identify_all(conn)
        relink_from_scratch(conn)


def _v31_relink(conn: Connection) -> None:
    """Link stored documents again (issue 12's thirteenth round): two reports of one dated
    event, of one type and from two articles, that share fewer parties than linking asks
    (one that names no one who acts, or one party named as itself) are one event
    (``same_date``), which adds index keys (``event_keys``, ``story_keys``) and changes the
    neighbourhoods and which story such a report joins."""
    _relink_stored(conn)


def _v33_relink(conn: Connection) -> None:
    """Link stored documents again (issue 12's fourteenth round): the fold of a story's
    state changed (an undated refusal beside a dated plan of the article does not call the
    story off; an undated call-off retold beside a dated plan reinstates a story called
    off), and with it each story's state, summary and window; and two reports of a past
    event named by one whole year find each other by their ``d:`` keys (``same_date``)."""
    _relink_stored(conn)


def _v34_relink(conn: Connection) -> None:
    """Link stored documents again (issue 12's fifteenth and sixteenth rounds): a call-off
    takes a story from a held report only when it shares as many parties with the story, an
    undated denial beside a dated held report calls nothing off, an undated past beside a
    dated speculation for a later day, or a return home beside a put-off, does not make the
    story held (the fold), and a dated report that the event took place joins the dated
    plan it slipped from (``slipped``), which widens the neighbourhoods and changes which
    story such a report joins."""
    _relink_stored(conn)


def _v35_relink(conn: Connection) -> None:
    """Link stored documents again (issue 12's seventeenth round): in a story only one
    article has told, a plan or hope of the story's type stays apart from a report of that
    type the article dates more than three days before its own date (``_told_apart``)."""
    _relink_stored(conn)


def _v36_relink(conn: Connection) -> None:
    """Link stored documents again (issue 12's eighteenth round): a dated report that the
    event took place joins a dated plan kept up to ``held_late`` days late at a place both
    name, and an undated past of two people or more reaches ``recalled`` days back (a later
    article recalling their meeting); both widen the neighbourhoods."""
    _relink_stored(conn)


def _v37_relink(conn: Connection) -> None:
    """Link stored documents again (issue 12's nineteenth round): a trip reported made
    without a date or a destination, its traveller alone (``compat.trip_unplaced``), links
    only with a trip that names where it went, not with another such report nor with its
    traveller's talks or calls (the legs of a tour, a trip a month before)."""
    _relink_stored(conn)


def _v38_relink(conn: Connection) -> None:
    """Link stored documents again (issue 12's twenty-first round): a dated report of the
    story's type that falls on one of the few days a story that has begun was planned for
    joins it, though the story narrowed to the day it was reported begun
    (``cluster._in_planned_days``)."""
    _relink_stored(conn)


def _v39_relink(conn: Connection) -> None:
    """Link stored documents again (issue 12's twenty-second round): a dated plan with no
    place of its own gives the story a new date when its article restates the story's old
    date at the story's place, by the same person ("was due in Santiago on the sixth of
    October, but will now visit from the twenty-seventh to the twenty-ninth";
    ``cluster._moved_here``)."""
    _relink_stored(conn)


def _v40_relink(conn: Connection) -> None:
    """Link stored documents again (issue 12's twenty-third round): a statement, threat or
    accusation does not join a story that already has a report of its type from its own
    article (another speaker's or another day's: ``cluster.Draft.reported_here``)."""
    _relink_stored(conn)


def _v41_relink(conn: Connection) -> None:
    """Link stored documents again (issue 12's twenty-fourth round): a guest's visit read
    from a meeting abroad (its cue ends ``+ guest abroad``) follows its meeting into the
    meeting's story and names neither its type nor its dates (``compat.guest_visit``); a
    meeting that shares no party with any story joins its article's visit of its dates,
    status and city (``cluster.visit_of``)."""
    _relink_stored(conn)


def _v29_open_end(conn: Connection) -> None:
    """``ix_stories_open_end``: the stories whose window stays in one year or one decade, by
    the window's end, so that ``pending --as-of`` a day late in its year or decade reads
    the stories of those groups open on it as a range of ends from the day (it read the
    range of starts from the period's beginning). Nothing else changes."""
    from sqlalchemy.schema import CreateIndex

    from dateline.link.schema import stories

    (index,) = (i for i in stories.indexes if i.name == "ix_stories_open_end")
    conn.execute(CreateIndex(index, if_not_exists=True))
    conn.exec_driver_sql("ANALYZE stories")


def _v32_stories_by_state(conn: Connection) -> None:
    """``ix_stories_state_last``: the stories of a state by their last report, so that
    ``dateline stories --state S`` (with or without an actor) reads its page as a range of
    an index in the list's order instead of sorting every story of the state;
    ``ix_stories_state`` (state), a prefix of it, is dropped. Nothing else changes."""
    from sqlalchemy.schema import CreateIndex

    from dateline.link.schema import stories

    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_stories_state")
    for index in stories.indexes:
        if index.name == "ix_stories_state_last":
            conn.execute(CreateIndex(index, if_not_exists=True))
    conn.exec_driver_sql("ANALYZE stories")


MIGRATIONS: list[Migration] = [
    (1, "initial schema: documents, timexes, actors, places, events, rejects", _v1_initial),
    (2, "stories: stories, event_links, event_keys", _v2_stories),
    (3, "events.change: postponed / cancelled, read by linking", _v3_event_change),
    (4, "publications: every outlet, date, title and URL that ran a text", _v4_publications),
    (5, "stories.state: lifecycle state (announced, dated, ... occurred)", _v5_story_state),
    (6, "story summaries: linking cost independent of story size", _v6_story_summaries),
    (7, "read indexes: timeline order, span end, actor's events", _v7_read_indexes),
    (9, "actor identity: one actor across articles, user merges", _v9_actor_identity),
    (10, "span groups and trigrams: date ranges, pending and q= read indexes", _v10_span_groups),
    (11, "story keys: linking cost independent of the database's size", _v11_story_keys),
    (12, "actor_apart; organisations identified; stories linked again", _v12_actor_apart),
    (13, "actor_counts and title trigrams: /api/actors and q= read indexes", _v13_actor_counts),
    (
        14,
        "pending's candidates from one index: ix_stories_open_group with the type",
        _v14_pending_covered,
    ),
    (15, "stories linked again under the round-4 linking rules (speech_types)", _v15_relink),
    (
        16,
        "story_states: each story's state by article date, for pending --as-of",
        _v16_story_states,
    ),
    (17, "story_tail: a story's tail in rows, one written per report", _v17_story_tail),
    (18, "stories linked again under the round-5 rule for postponing articles", _v18_relink),
    (19, "stories linked again under the round-6 joining and folding rules", _v19_relink),
    (20, "fewer pages per report: two prefix indexes dropped, story_states WHEN", _v20_fewer_pages),
    (21, "person names keyed in one spelling of their transliterations", _v21_name_spellings),
    (
        22,
        "story_states' key covers its rows on PostgreSQL (pending --as-of)",
        _v22_story_states_covered,
    ),
    (23, "names identified across 24 months; stories linked again (round 8)", _v23_relink),
    (25, "stories linked again: a journey home ends its trip (round 9)", _v25_relink),
    (26, "names identified and stories linked again (round 10)", _v26_relink),
    (
        27,
        "stories linked again: a plan dated anew joins the plan it replaces (round 11)",
        _v27_relink,
    ),
    (29, "ix_stories_open_end: pending's year and decade spans by their end", _v29_open_end),
    (30, "names identified and stories linked again (round 12)", _v30_relink),
    (31, "stories linked again: reports of one dated event sharing less (round 13)", _v31_relink),
    (
        32,
        "stories by state and by status, last report first: stories --state",
        _v32_stories_by_state,
    ),
    (
        33,
        "stories linked again: a reinstated plan, a past event by its year (round 14)",
        _v33_relink,
    ),
    (34, "stories linked again: a plan held a few days late (rounds 15, 16)", _v34_relink),
    (
        35,
        "stories linked again: one article's hope apart from its past deal (round 17)",
        _v35_relink,
    ),
    (36, "stories linked again: a plan kept late; a meeting recalled (round 18)", _v36_relink),
    (
        37,
        "stories linked again: a trip without a date or destination apart (round 19)",
        _v37_relink,
    ),
    (
        38,
        "stories linked again: a day of a short plan reported held (round 21)",
        _v38_relink,
    ),
    (
        39,
        "stories linked again: a new date beside the old one in one article (round 22)",
        _v39_relink,
    ),
    (
        40,
        "stories linked again: one statement of a type per article and story (round 23)",
        _v40_relink,
    ),
    (
        41,
        "stories linked again: a guest's visit read from a meeting is its facet (round 24)",
        _v41_relink,
    ),
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
