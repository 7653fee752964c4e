"""How many events each actor takes part in, kept exact by the database (migration 13).

``/api/actors`` lists actors by their number of events. Counting them meant grouping
every ``event_actors`` row (2,000,000 at a million events: 0.7–1 s a request). The table
``actor_counts`` holds each actor's number of distinct events instead, and triggers on
``event_actors`` keep it exact whatever writes it — a new article, identity across
articles moving an event's actor to another id, a merge, a relink — so that no writer
has to remember it:

- SQLite: row triggers. After a row is inserted, its actor gains an event when no other
  row ties that actor to that event (as source and target at once); after a row is
  deleted, it loses one when no row does any more; an update of the event or the actor is
  both.
- PostgreSQL: statement triggers with transition tables (a row trigger there runs at the
  end of its statement, when the other rows of a multi-row INSERT are already visible).
  The pairs (event, actor) the statement made exist that did not before count +1, those
  that existed before and no longer do -1; each found by the primary key's index, so a
  statement's cost grows with its own rows only.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from dateline.store import schema as t
from dateline.store import triggers

_GAIN = (
    "INSERT INTO actor_counts (actor_id, events) SELECT new.actor_id, 1 WHERE (SELECT count(*) "
    "FROM event_actors WHERE event_id = new.event_id AND actor_id = new.actor_id) = 1 "
    "ON CONFLICT (actor_id) DO UPDATE SET events = events + 1;"
)
_LOSS = (
    "UPDATE actor_counts SET events = events - 1 WHERE actor_id = old.actor_id AND NOT EXISTS "
    "(SELECT 1 FROM event_actors WHERE event_id = old.event_id AND actor_id = old.actor_id);"
)
_SQLITE_TRIGGERS = {
    "actor_counts_ai": f"AFTER INSERT ON event_actors BEGIN {_GAIN} END",
    "actor_counts_ad": f"AFTER DELETE ON event_actors BEGIN {_LOSS} END",
    "actor_counts_au": "AFTER UPDATE OF event_id, actor_id ON event_actors "
    "WHEN old.event_id IS NOT new.event_id OR old.actor_id IS NOT new.actor_id "
    f"BEGIN {_LOSS} {_GAIN} END",
}

# PostgreSQL: the (event, actor) pairs of a statement's rows that it made or ended. A
# pair of ``new_rows`` is new when every row that holds it now is one the statement wrote
# (the count of its rows in event_actors, by the primary key's index, is the number the
# statement wrote) and no row the statement changed (``old_rows``) held it before. The
# transition tables have no index: they are grouped or joined once, never searched per row
# (a search per row made a batch of 5,000 rows take seconds).
_WRITTEN = (
    "SELECT event_id, actor_id, count(*) AS written FROM new_rows GROUP BY event_id, actor_id"
)
_NOW = (
    "(SELECT count(*) FROM event_actors ea WHERE ea.event_id = p.event_id "
    "AND ea.actor_id = p.actor_id)"
)
_OLD_PAIRS = "SELECT DISTINCT event_id, actor_id FROM old_rows"


def _gain(with_old: bool) -> str:
    old = (
        f"LEFT JOIN ({_OLD_PAIRS}) o ON o.event_id = p.event_id AND o.actor_id = p.actor_id "
        if with_old
        else ""
    )
    return (
        f"INSERT INTO actor_counts (actor_id, events) SELECT p.actor_id, count(*) "
        f"FROM ({_WRITTEN}) p {old}WHERE {_NOW} = p.written"
        f"{' AND o.event_id IS NULL' if with_old else ''} GROUP BY p.actor_id "
        "ON CONFLICT (actor_id) DO UPDATE SET events = actor_counts.events + EXCLUDED.events;"
    )


_PG_LOSS = (
    "UPDATE actor_counts c SET events = c.events - g.n FROM (SELECT p.actor_id, count(*) AS n "
    f"FROM ({_OLD_PAIRS}) p WHERE {_NOW} = 0 GROUP BY p.actor_id) g "
    "WHERE c.actor_id = g.actor_id;"
)
_PG_TRIGGERS: triggers.PgTriggers = {
    # name: (table, event, transition tables, body)
    "actor_counts_ai": ("event_actors", "INSERT", "NEW TABLE AS new_rows", _gain(with_old=False)),
    "actor_counts_ad": ("event_actors", "DELETE", "OLD TABLE AS old_rows", _PG_LOSS),
    "actor_counts_au": (
        "event_actors",
        "UPDATE",
        "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        _PG_LOSS + " " + _gain(with_old=True),
    ),
}


def create_actor_counts(conn: Connection) -> None:
    """The table, its triggers, and the counts of the rows stored so far."""
    t.actor_counts.create(conn, checkfirst=True)
    triggers.install(conn, _PG_TRIGGERS, _SQLITE_TRIGGERS)
    recount(conn)


def recount(conn: Connection) -> None:
    """Every actor's count from ``event_actors`` again (what the triggers keep)."""
    conn.execute(text("DELETE FROM actor_counts"))
    conn.execute(
        text(
            "INSERT INTO actor_counts (actor_id, events) SELECT actor_id, "
            "count(DISTINCT event_id) FROM event_actors GROUP BY actor_id"
        )
    )
