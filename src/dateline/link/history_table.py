"""``story_states`` (migration 16, :mod:`dateline.link.history`) kept exact by triggers, so
that no writer has to remember it:

- a report that joins, leaves or changes in a story (``events``: its story, date, type,
  status or time; its ``event_links`` row) at date d *cuts* the story's rows: those dated
  d or later are deleted, and the row before d holds until d at the latest;
- a ``stories`` row written (the linker deletes and inserts it whenever the story changes)
  is the story's state after all its reports: it becomes the row of its last report date,
  holding until a next report (NULL).

So a row that remains was written after the last change to a report dated up to it. In
an archive ingested in date order, each report adds one row and cuts nothing; a report
of an earlier day cuts the rows from its day, and pending folds those days from the
reports again (exact, only slower) until the migration is run again or the rows are
rewritten by :func:`fill`.

SQLite: row triggers. PostgreSQL: statement triggers with transition tables (one cut per
story and statement), as ``actor_counts`` (:mod:`dateline.store.actor_counts`).
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select, text

from dateline.link.compat import Member, member_of_link_row
from dateline.link.history import history
from dateline.link.schema import event_links, story_states
from dateline.link.settings import LinkSettings, default_settings
from dateline.store import schema as t
from dateline.store import triggers

# What a member of a story is read from (dateline.link.query._MEMBER_COLUMNS): a change to
# any of these changes the story's state from the report's date on.
MEMBER_COLUMNS = ("story_id", "dct", "document_id", "type", "status", "dated", "value",
                  "earliest", "latest", "granularity", "change")  # fmt: skip
LINK_COLUMNS = ("participants", "place", "place_country", "place_level", "lo", "hi", "postponed")


def _sqlite_cut(story: str, day: str) -> str:
    return (
        f"DELETE FROM story_states WHERE story_id = {story} AND dct >= {day}; "
        f"UPDATE story_states SET next_dct = {day} WHERE story_id = {story} AND dct < {day} "
        f"AND (next_dct IS NULL OR next_dct > {day});"
    )


def _of_event(event_id: str, column: str) -> str:
    return f"(SELECT {column} FROM events WHERE id = {event_id})"


def _sqlite_link_cut(row: str) -> str:
    event = f"{row}.event_id"
    return _sqlite_cut(_of_event(event, "story_id"), _of_event(event, "dct"))


def _sqlite_trigger(when: str, row: str, cut: str) -> str:
    """A trigger that cuts a story's rows only when the report (``row``: old or new) has a
    story: a new event is inserted without one, and its story is set once it is linked."""
    return f"{when} WHEN {row} IS NOT NULL BEGIN {cut} END"


_STATE_COLUMNS = "story_id, dct, next_dct, state, type, earliest, latest"
_SQLITE_WRITE = (
    f"INSERT INTO story_states ({_STATE_COLUMNS}) VALUES (new.id, new.last_dct, NULL, "
    "new.state, new.type, new.earliest, new.latest) ON CONFLICT (story_id, dct) DO UPDATE SET "
    "next_dct = NULL, state = excluded.state, type = excluded.type, "
    "earliest = excluded.earliest, latest = excluded.latest;"
)
_OLD_CUT = _sqlite_cut("old.story_id", "old.dct")
_NEW_CUT = _sqlite_cut("new.story_id", "new.dct")
_EVENTS_UPDATE = f"AFTER UPDATE OF {', '.join(MEMBER_COLUMNS)} ON events"
_LINKS_UPDATE = f"AFTER UPDATE OF event_id, {', '.join(LINK_COLUMNS)} ON event_links"
_OLD_LINKED, _NEW_LINKED = (_of_event(f"{r}.event_id", "story_id") for r in ("old", "new"))
# Migration 20 made them again with their WHEN (and an update's two cuts as two triggers):
# the cuts of a report without a story (every event is inserted without one) cut nothing,
# and cost a third of the triggers' time.
_SQLITE_TRIGGERS = {
    "story_states_events_ai": _sqlite_trigger("AFTER INSERT ON events", "new.story_id", _NEW_CUT),
    "story_states_events_ad": _sqlite_trigger("AFTER DELETE ON events", "old.story_id", _OLD_CUT),
    "story_states_events_au": _sqlite_trigger(_EVENTS_UPDATE, "old.story_id", _OLD_CUT),
    "story_states_events_au_new": _sqlite_trigger(_EVENTS_UPDATE, "new.story_id", _NEW_CUT),
    "story_states_links_ai": _sqlite_trigger(
        "AFTER INSERT ON event_links", _NEW_LINKED, _sqlite_link_cut("new")
    ),
    "story_states_links_ad": _sqlite_trigger(
        "AFTER DELETE ON event_links", _OLD_LINKED, _sqlite_link_cut("old")
    ),
    "story_states_links_au": _sqlite_trigger(_LINKS_UPDATE, _OLD_LINKED, _sqlite_link_cut("old")),
    "story_states_links_au_new": _sqlite_trigger(
        _LINKS_UPDATE, _NEW_LINKED, _sqlite_link_cut("new")
    ),
    "story_states_stories_ai": f"AFTER INSERT ON stories BEGIN {_SQLITE_WRITE} END",
    "story_states_stories_au": f"AFTER UPDATE ON stories BEGIN {_SQLITE_WRITE} END",
}


def _pg_cut(hits: str) -> str:
    """Cut the rows of the (story_id, dct) pairs ``hits`` selects: one cut per story, at
    its earliest date."""
    return (
        f"WITH x AS (SELECT story_id, min(dct) AS d FROM ({hits}) h WHERE story_id IS NOT NULL "
        "GROUP BY story_id), gone AS (DELETE FROM story_states s USING x "
        "WHERE s.story_id = x.story_id AND s.dct >= x.d RETURNING 1) "
        "UPDATE story_states s SET next_dct = x.d FROM x WHERE s.story_id = x.story_id "
        "AND s.dct < x.d AND (s.next_dct IS NULL OR s.next_dct > x.d);"
    )


def _changed(columns: tuple[str, ...]) -> str:
    old = ", ".join(f"o.{c}" for c in columns)
    new = ", ".join(f"n.{c}" for c in columns)
    return f"({old}) IS DISTINCT FROM ({new})"


_PG_EVENTS_CHANGED = (
    "SELECT o.story_id AS story_id, o.dct AS dct, n.story_id AS new_story, n.dct AS new_dct "
    f"FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE {_changed(MEMBER_COLUMNS)}"
)
_PG_LINKS_CHANGED = (
    "SELECT o.event_id AS old_event, n.event_id AS new_event FROM old_rows o "
    f"JOIN new_rows n ON n.event_id = o.event_id WHERE {_changed(LINK_COLUMNS)}"
)
_PG_LINKED = "SELECT e.story_id, e.dct FROM {rows} r JOIN events e ON e.id = r.event_id"
_PG_WRITE = (
    f"INSERT INTO story_states ({_STATE_COLUMNS}) SELECT id, last_dct, NULL, state, type, "
    "earliest, latest FROM new_rows ON CONFLICT (story_id, dct) DO UPDATE SET next_dct = NULL, "
    "state = EXCLUDED.state, type = EXCLUDED.type, earliest = EXCLUDED.earliest, "
    "latest = EXCLUDED.latest;"
)
_PG_TRIGGERS: triggers.PgTriggers = {
    # name: (table, event, transition tables, body)
    "story_states_events_ai": (
        "events", "INSERT", "NEW TABLE AS new_rows", _pg_cut("SELECT story_id, dct FROM new_rows")
    ),
    "story_states_events_ad": (
        "events", "DELETE", "OLD TABLE AS old_rows", _pg_cut("SELECT story_id, dct FROM old_rows")
    ),
    "story_states_events_au": (
        "events", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        _pg_cut(f"SELECT story_id, dct FROM ({_PG_EVENTS_CHANGED}) c "
                f"UNION ALL SELECT new_story, new_dct FROM ({_PG_EVENTS_CHANGED}) c"),
    ),
    "story_states_links_ai": (
        "event_links", "INSERT", "NEW TABLE AS new_rows",
        _pg_cut(_PG_LINKED.format(rows="new_rows")),
    ),
    "story_states_links_ad": (
        "event_links", "DELETE", "OLD TABLE AS old_rows",
        _pg_cut(_PG_LINKED.format(rows="old_rows")),
    ),
    "story_states_links_au": (
        "event_links", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        _pg_cut(
            f"SELECT e.story_id, e.dct FROM ({_PG_LINKS_CHANGED}) c JOIN events e "
            "ON e.id = c.old_event OR e.id = c.new_event"
        ),
    ),
    "story_states_stories_ai": ("stories", "INSERT", "NEW TABLE AS new_rows", _PG_WRITE),
    "story_states_stories_au": (
        "stories", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows", _PG_WRITE
    ),
}  # fmt: skip


def create_story_states(conn: Connection) -> None:
    """The table, its key (covering on PostgreSQL), its triggers, and the rows of every
    stored story."""
    story_states.create(conn, checkfirst=True)
    cover_key(conn)
    install_triggers(conn)
    fill(conn)


# What the primary key's index holds beside its key on PostgreSQL (migration 22): every
# other column, so that pending's lookup of a story's state as of a day reads the index
# alone (dateline.link.query._states_on_day)
COVERED = ("next_dct", "state", "type", "earliest", "latest")


def cover_key(conn: Connection) -> None:
    """On PostgreSQL, ``story_states``' primary key made again on an index that also holds
    the row's other columns (``INCLUDE``), where it does not yet: pending's one statement
    looks up each story reported after the day by its key and read the row from the table
    too (243 rows as of the middle of a million events). One index as before, not a second
    one beside it. SQLite has no ``INCLUDE``; its reads of the table stay as they were."""
    if conn.dialect.name != "postgresql":
        return
    width = "SELECT indnatts FROM pg_index WHERE indexrelid = 'story_states_pkey'::regclass"
    if conn.execute(text(width)).scalar_one() > 2:
        return
    conn.execute(text("DROP INDEX IF EXISTS story_states_covered"))
    conn.execute(
        text(
            "CREATE UNIQUE INDEX story_states_covered ON story_states (story_id, dct) "
            f"INCLUDE ({', '.join(COVERED)})"
        )
    )
    conn.execute(
        text(
            "ALTER TABLE story_states DROP CONSTRAINT story_states_pkey, "
            "ADD CONSTRAINT story_states_pkey PRIMARY KEY USING INDEX story_states_covered"
        )
    )


def drop_story_states(conn: Connection) -> None:
    """The table and its triggers, as a database before migration 16 has neither."""
    drop_triggers(conn)
    story_states.drop(conn, checkfirst=True)


def drop_triggers(conn: Connection) -> None:
    """The triggers of ``story_states`` (those of migration 16 and of migration 20)."""
    if conn.dialect.name == "postgresql":
        for name, (table, *_rest) in _PG_TRIGGERS.items():
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
            conn.execute(text(f"DROP FUNCTION IF EXISTS {name}()"))
        return
    for name in _SQLITE_TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def install_triggers(conn: Connection) -> None:
    """The triggers of ``story_states`` as this code makes them (migration 20)."""
    triggers.install(conn, _PG_TRIGGERS, _SQLITE_TRIGGERS)


# Members read per statement while filling (in story id order).
FILL_BATCH = 20_000


def fill(conn: Connection, settings: LinkSettings | None = None) -> int:
    """Every story's rows again, from its members (one fold each); the number of rows."""
    settings = settings or default_settings()
    conn.execute(delete(story_states))
    ev = t.events
    columns = (*(ev.c[n] for n in ("id", "document_id", "dct", "type", "status", "dated", "value",
                                   "earliest", "latest", "granularity", "story_id", "cue")),
               *(event_links.c[n] for n in LINK_COLUMNS))  # fmt: skip
    names = [c.name for c in columns]
    query = (
        select(*columns)
        .join(event_links, event_links.c.event_id == ev.c.id)
        .where(ev.c.story_id.is_not(None))
        .order_by(ev.c.story_id)
    )
    written, rows = 0, list[tuple[object, ...]]()
    story: str | None = None
    members: list[Member] = []
    for r in conn.execute(query).yield_per(FILL_BATCH):
        m = member_of_link_row(dict(zip(names, r, strict=True)), settings)
        if m.story_id != story and members:
            rows.extend(history(story or "", members, settings))
            members = []
        story = m.story_id
        members.append(m)
        if len(rows) >= FILL_BATCH:
            written += _write(conn, rows)
            rows = []
    if members:
        rows.extend(history(story or "", members, settings))
    return written + _write(conn, rows)


def _write(conn: Connection, rows: list[tuple[object, ...]]) -> int:
    if rows:
        keys = [c.name for c in story_states.columns]
        conn.execute(insert(story_states), [dict(zip(keys, r, strict=True)) for r in rows])
    return len(rows)
