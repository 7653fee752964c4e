"""Tables for stories, defined on the store's metadata (created by migration 2).

``event_links`` keeps, per event, what linking compares (family, link window,
participants with their countries, place); ``event_keys`` indexes events by
participant key so that linking finds neighbours without scanning stories.
``stories`` holds each story's current state for listing and for ``pending``.

``story_summaries`` (migration 6) keeps what linking needs of a story to add a
report to it (its first member, the fold of its state; what a new report is compared
with of its last ``compare_last`` members is in ``story_tail``, migration 17), and
``story_keys`` (migration 11, which replaced migration 6's ``tail_keys``) finds the
stories a new event could join by the keys of those last members and by the window of
the story's state: an article that comes last then costs the same whatever the size of
the stories it joins and of the database.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    literal_column,
    or_,
)
from sqlalchemy.sql.elements import Grouping

from dateline.span import END_GROUPS, span_group
from dateline.store.schema import metadata

# What ``pending`` reads of each candidate story, the date of its window first.
PENDING_COLUMNS = (
    "open_until",
    "first_dct",
    "last_dct",
    "status",
    "state",
    "earliest",
    "latest",
    "id",
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("type", String(20), nullable=False),
    Column("family", String(40), nullable=False),
    Column("status", String(10), nullable=False),
    # Lifecycle state (announced, dated, ... occurred); added by migration 5, hence nullable.
    Column("state", String(12)),
    Column("dated", Boolean, nullable=False),
    Column("value", String(60)),
    Column("earliest", String(10)),
    Column("latest", String(10)),
    Column("granularity", String(20)),
    Column("first_dct", String(10), nullable=False),
    Column("last_dct", String(10), nullable=False),
    # Last day any member's window reaches ('9999-12-31' when open): a story
    # can only be pending on a date up to this one, whatever the as-of date.
    Column("open_until", String(10), nullable=False),
    Column("articles", Integer, nullable=False),
    Column("events", Integer, nullable=False),
    Column("title", Text),
    # Migration 7: every column pending reads of a candidate, so that the candidates of a
    # date are read from the index alone (thousands of them at a million events). Migration
    # 20 dropped ix_stories_open (open_until, first_dct), a prefix of it: the linker writes
    # a story's row again with every report, and each index is pages of the commit.
    Index("ix_stories_pending", *PENDING_COLUMNS),
    Index("ix_stories_last", "last_dct"),
    # Migration 31: the stories of a state most recently reported first, as ``dateline
    # stories --state`` lists them: a page is a range of the index, read in order, instead
    # of every story of the state sorted (and, for a busy actor, each of them checked for
    # the actor's events first). It replaced ix_stories_state (state), a prefix of it. (An
    # index of the status so made was dropped: SQLite took it for pending's ranking.)
    Index("ix_stories_state_last", "state", "last_dct"),
)
# Migration 10: what pending reads of a candidate, by the group of its reporting window
# [first_dct, open_until] (dateline.span.SPAN_GROUPS): the stories open on a day are then
# a bounded range of first_dct per group, not every story that closes after the day.
# Migration 14 made it again with the story's type last: an undated story's freshness
# depends on its type (``speech_types``), and without it every candidate's row was read
# from the table (3,000 of them as of the middle of a million events).
Index(
    "ix_stories_open_group",
    Grouping(span_group(stories.c.first_dct, stories.c.open_until)),
    stories.c.first_dct,
    *(stories.c[name] for name in PENDING_COLUMNS if name != "first_dct"),
    stories.c.type,
)
# Migration 29: the same, by the window's end, for the stories of the groups of a year and
# a decade only (dateline.span.END_GROUPS; 18 % of the stories at a million events): as of
# a day late in its year or decade, the stories of that group open on it are the shorter
# range of open_until from the day to the period's end (dateline.span.by_end_groups).
_open_group = span_group(stories.c.first_dct, stories.c.open_until)
# written as the reads write a group's branch (dateline.span.overlapping_by_group): SQLite
# uses a partial index when a term of the query is one of its WHERE's
_END_GROUPS = or_(*(_open_group == literal_column(str(g)) for g in END_GROUPS))
Index(
    "ix_stories_open_end",
    Grouping(_open_group),
    stories.c.open_until,
    stories.c.first_dct,
    *(stories.c[name] for name in PENDING_COLUMNS if name not in ("first_dct", "open_until")),
    stories.c.type,
    sqlite_where=_END_GROUPS,
    postgresql_where=_END_GROUPS,
)

event_links = Table(
    "event_links",
    metadata,
    Column("event_id", String(80), ForeignKey("events.id"), primary_key=True),
    Column("family", String(40), nullable=False),
    Column("lo", String(10), nullable=False),
    Column("hi", String(10), nullable=False),
    Column("participants", Text, nullable=False),  # JSON [[id, role, country, countrylike], ...]
    Column("place", Text),
    Column("place_country", String(3)),
    Column("place_level", String(10)),  # country | region | local | site | carried | home
    Column("postponed", Boolean, nullable=False),
)

event_keys = Table(
    "event_keys",
    metadata,
    Column("event_id", String(80), ForeignKey("events.id"), primary_key=True),
    Column("key", String(210), primary_key=True),
    Column("family", String(40), nullable=False),
    Column("lo", String(10), nullable=False),
    Column("hi", String(10), nullable=False),
    Index("ix_event_keys_lookup", "family", "key", "lo"),
)

story_summaries = Table(
    "story_summaries",
    metadata,
    Column("story_id", String(80), primary_key=True),
    Column("summary", Text, nullable=False),  # JSON: dateline.link.cluster.Draft.to_summary
)

# Migration 17: a story's tail (what a new report is compared with of its last
# ``compare_last`` members: ``cluster.Linked``), one row per member, numbered by its place
# among the story's members. A report that joins adds its row and the oldest row is
# deleted; the rest stay as they are (the summary held the whole tail as JSON, parsed
# with every resume and written again with every join).
story_tail = Table(
    "story_tail",
    metadata,
    Column("story_id", String(80), primary_key=True),
    Column("position", Integer, primary_key=True),  # 0 for the story's first member
    Column("event_id", String(80), nullable=False),
    Column("type", String(20), nullable=False),
    Column("lo", String(10), nullable=False),
    Column("hi", String(10), nullable=False),
    Column("participants", Text, nullable=False),  # JSON, as event_links.participants
    Column("dated", Boolean, nullable=False),
    Column("status", String(10), nullable=False),
)

# Migration 11: per story, the keys its last members are found under (participant keys
# and, for members of two parties or more, pair keys: ``compat.pair_keys``, so that
# neighbours that must share two participants are found by one pair, not by every event
# of one busy country), each with the fewest parties of a member that has it, and the
# window a new event must overlap to join it: its state's, widened by the facet slack
# (``cluster.join_score``). A new event then looks up the stories it could join, not every
# story with a member near it in time, which for undated plans means two years of them.
story_keys = Table(
    "story_keys",
    metadata,
    Column("story_id", String(80), primary_key=True),
    Column("family", String(40), primary_key=True),
    Column("key", String(210), primary_key=True),
    Column("lo", String(10), nullable=False),
    Column("hi", String(10), nullable=False),
    Column("parties", Integer, nullable=False),
    Index("ix_story_keys_lookup", "family", "key", "hi"),
)

# Migration 16: each story's state as of each of its article dates, kept by triggers
# (dateline.link.history, dateline.link.history_table): ``pending --as-of`` a past day
# reads the state of a story reported after that day too instead of folding its reports.
story_states = Table(
    "story_states",
    metadata,
    Column("story_id", String(80), primary_key=True),
    Column("dct", String(10), primary_key=True),
    Column("next_dct", String(10)),  # the story's next report date (NULL: none known)
    Column("state", String(12)),
    Column("type", String(20), nullable=False),
    Column("earliest", String(10)),
    Column("latest", String(10)),
)

STORY_TABLES = (stories, event_links, event_keys, story_summaries, story_keys, story_tail)


def create_story_tables(conn: Connection) -> None:
    """Create the story tables and their indexes where missing (migrations 2 and 5)."""
    metadata.create_all(conn, tables=list(STORY_TABLES), checkfirst=True)
