"""Tables of the dateline database (SQLAlchemy Core), named as in DESIGN.md.

Dates are ISO strings (``YYYY-MM-DD``) so that SQLite and PostgreSQL sort and
compare them alike; lists that are only ever read whole are JSON text.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    case,
    literal_column,
    or_,
)
from sqlalchemy.sql.elements import Grouping

from dateline.span import span, span_group

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(80), primary_key=True),  # sha256:<hex> of normalized text
    Column("dct", String(10), nullable=False, index=True),
    Column("published", String(40)),
    Column("title", Text),
    Column("byline", Text),
    Column("source", Text),
    Column("url", Text, index=True),
    Column("caption", Text),
    Column("credits", Text),  # JSON list
    Column("metadata", Text),  # JSON object: Article.metadata of the first publication
    Column("origin", Text),
    Column("previous_id", String(80)),  # older version of the same URL
    Column("text", Text, nullable=False),
    Column("ingested_at", String(40), nullable=False),
)

timexes = Table(
    "timexes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(80), ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(10), nullable=False),
    Column("value", String(60)),
    Column("mod", String(20)),
    Column("earliest", String(10)),
    Column("latest", String(10)),
    Column("granularity", String(20)),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("country", String(3)),
    Column("role", Text),
)

actor_mentions = Table(
    "actor_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(80), ForeignKey("documents.id"), nullable=False, index=True),
    Column("actor_id", String(200), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(80), ForeignKey("documents.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("lat", Float),
    Column("lon", Float),
    Column("kind", String(40)),
    Column("mentions", Text),  # JSON list of [start, end]
)

events = Table(
    "events",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("document_id", String(80), ForeignKey("documents.id"), nullable=False, index=True),
    Column("dct", String(10), nullable=False),
    Column("type", String(20), nullable=False),
    Column("plover", String(40)),
    Column("cameo", String(10)),
    Column("status", String(10), nullable=False),
    Column("dated", Boolean, nullable=False),
    Column("location", Text),
    Column("value", String(60)),
    Column("earliest", String(10)),
    Column("latest", String(10)),
    Column("granularity", String(20)),
    Column("attribution", Text),
    Column("cue", Text),
    Column("trigger", Text),
    Column("change", String(20)),  # postponed | cancelled (Event.change)
    Column("story_id", String(80), index=True),
    Index("ix_events_type_time", "type", "earliest", "latest"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", String(80), ForeignKey("events.id"), primary_key=True),
    Column("role", String(10), primary_key=True),  # source | target
    Column("actor_id", String(200), primary_key=True),
    Column("position", Integer, nullable=False),
    # The id the article's extraction gave (actor_id is the actor it was identified as
    # across articles, dateline.store.identity; migration 9). Null: the same as actor_id.
    Column("extracted_id", String(200)),
    # Migration 7: an actor's events read from the index alone (no row lookups). Migration
    # 20 dropped ix_event_actors_actor (actor_id), a prefix of this one: every plan that
    # used it can use this one, and it was one more b-tree page written per new row.
    Index("ix_event_actors_actor_event", "actor_id", "event_id"),
)


# Migration 13: each actor's number of distinct events, kept by triggers on event_actors
# (dateline.store.actor_counts), so that /api/actors does not count 2,000,000 rows.
actor_counts = Table(
    "actor_counts",
    metadata,
    Column("actor_id", String(200), primary_key=True),
    Column("events", Integer, nullable=False),
)


def timeline_order(ev: Table = events) -> list[ColumnElement[Any]]:
    """The timeline's ORDER BY: where an event sits (its own interval, an open end collapsed
    onto the known one, no time at all at its article date; see :mod:`dateline.span`),
    then a closed interval before an open window or an undated event at the same anchor,
    then article date and id. ``ix_events_timeline`` indexes exactly these expressions, so
    a page of the timeline is read from the index instead of sorting every event."""
    lo, hi = span(ev.c.earliest, ev.c.latest, ev.c.dct)
    # 1 and 0 written into the SQL, not bound: SQLite and PostgreSQL match an ORDER BY to
    # an index by its expressions, and "THEN ? ELSE ?" is not "THEN 1 ELSE 0", which made
    # SQLite sort every page's ties again (offset 100,000: 127 ms against 17).
    one: ColumnElement[Any] = literal_column("1")
    zero: ColumnElement[Any] = literal_column("0")
    open_end = case((or_(ev.c.earliest.is_(None), ev.c.latest.is_(None)), one), else_=zero)
    return [lo, hi, open_end, ev.c.dct, ev.c.id]


# Migration 7: the timeline's order, and the end of each event's span for --from.
# (PostgreSQL takes an expression other than a function call in an index in parentheses.)
_lo, _hi, _open_end, _dct, _id = timeline_order()
Index("ix_events_timeline", _lo, _hi, Grouping(_open_end), _dct, _id)
# The same order within one type: a page of one type's events (the most used filter).
Index("ix_events_type_timeline", events.c.type, _lo, _hi, Grouping(_open_end), _dct, _id)
Index("ix_events_span_hi", timeline_order()[1])
# Migration 10: the timeline's order within each span group (dateline.span.SPAN_GROUPS),
# so that --from/--to reads a bounded range of starts per group, in order.
Index(
    "ix_events_span_group", Grouping(span_group(_lo, _hi)), _lo, _hi, Grouping(_open_end), _dct, _id
)

event_evidence = Table(
    "event_evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(80), ForeignKey("events.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
)

event_candidates = Table(
    "event_candidates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(80), ForeignKey("events.id"), nullable=False, index=True),
    Column("value", String(60), nullable=False),
    Column("status", String(10), nullable=False),
    Column("text", Text, nullable=False),
)

rejects = Table(
    "rejects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("code", String(10), nullable=False),
    Column("reason", Text, nullable=False),
    Column("first_seen", String(40), nullable=False),
    UniqueConstraint("origin", "code", "reason", name="uq_rejects"),
)

# Every publication of a document's text: the first, and each republication of the
# same text by another outlet, on another date, under another title or URL (migration
# 4). No foreign key: ingest records a second copy read in the same batch before the
# first copy's document row is written, in its own transaction.
publications = Table(
    "publications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(80), nullable=False, index=True),
    Column("key", String(80), nullable=False, unique=True),  # see store.publication_key
    Column("dct", String(10), nullable=False),
    Column("published", String(40)),
    Column("title", Text),
    Column("byline", Text),
    Column("source", Text),
    Column("url", Text),
    Column("metadata", Text),  # JSON object
    Column("origin", Text),
    Column("first_seen", String(40), nullable=False),
)
