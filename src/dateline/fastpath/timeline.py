""":func:`dateline.timeline.timeline` on a sqlite3 or libpq connection: the same statements,
rows and order, for the filters of ``dateline timeline`` but ``--country``."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from dateline.fastpath import is_postgresql, no_limit
from dateline.fastpath.span import GROUPS, in_list, overlapping_by_group
from dateline.query import event_shape

BUSY_ACTOR = 4000  # as dateline.store.queries.BUSY_ACTOR
ACTOR_IDS = 500  # as dateline.store.queries.ACTOR_IDS
ID_LIST = 1000  # as dateline.timeline.ID_LIST

# The columns of ``events`` in the order of dateline.store.schema.events (the JSON's keys).
EVENT_COLUMNS = ("id", "document_id", "dct", "type", "plover", "cameo", "status", "dated",
                 "location", "value", "earliest", "latest", "granularity", "attribution",
                 "cue", "trigger", "change", "story_id")  # fmt: skip

# dateline.store.schema.timeline_order as SQLAlchemy writes it for SQLite: the expressions
# of ix_events_timeline, so that SQLite reads a page from it.
LO = "coalesce(events.earliest, events.latest, events.dct)"
HI = "coalesce(events.latest, events.earliest, events.dct)"
OPEN_END = "CASE WHEN (events.earliest IS NULL OR events.latest IS NULL) THEN 1 ELSE 0 END"
ORDER = f"{LO}, {HI}, {OPEN_END}, events.dct, events.id"


def timeline(
    conn: Any, filters: dict[str, Any], *, limit: int | None, offset: int | None
) -> list[dict[str, Any]]:
    """:func:`dateline.timeline.timeline` on a sqlite3 connection, for the filters of
    ``_FILTERS`` and ``actor``: the same statements, rows and order."""
    if filters.get("actor"):
        filters = {**filters, "actor_ids": actor_ids(conn, filters["actor"])}
    busy = _is_busy(conn, filters.get("actor"), filters.get("actor_ids"))
    if not (limit or offset):
        where, params = _filtered(filters, busy)
        return _events_in(conn, f"SELECT events.id FROM events{where}", params)
    if filters.get("date_from") and limit:
        page, params = _page_by_group(filters, busy, limit, offset or 0)
    else:
        where, params = _filtered(filters, busy)
        page = f"SELECT events.id FROM events{where} ORDER BY {ORDER} LIMIT ? OFFSET ?"
        params += [no_limit(conn) if limit is None else limit, offset or 0]
    rows = _rows(conn, page, params)
    if len(rows) <= ID_LIST:
        ids = [r["id"] for r in rows]
        return _with_details(conn, rows, in_list(ids), ids) if rows else []
    return _with_details(conn, rows, page, params)


_ROWS = (
    "SELECT " + ", ".join(f'events."{c}"' for c in EVENT_COLUMNS)
    + ", documents.title, documents.source AS document_source"
    + " FROM events JOIN documents ON documents.id = events.document_id"
)  # fmt: skip


def _rows(conn: Any, wanted: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = conn.execute(f"{_ROWS} WHERE events.id IN ({wanted}) ORDER BY {ORDER}", params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor]


def _events_in(conn: Any, wanted: str, params: list[Any]) -> list[dict[str, Any]]:
    rows = _rows(conn, wanted, params)
    return _with_details(conn, rows, wanted, params) if rows else []


def _with_details(
    conn: Any, rows: list[dict[str, Any]], wanted: str, params: list[Any]
) -> list[dict[str, Any]]:
    """:func:`dateline.timeline.with_details`: participants, evidence and candidates."""
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"source": [], "target": []})
    query = ("SELECT event_id, role, actor_id FROM event_actors WHERE event_id IN "
             f"({wanted}) ORDER BY event_id, position")  # fmt: skip
    for event_id, role, actor_id in conn.execute(query, params):
        roles[event_id][role].append(actor_id)
    evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
    query = ('SELECT event_id, start, "end", sentence FROM event_evidence '
             f"WHERE event_id IN ({wanted}) ORDER BY id")  # fmt: skip
    for event_id, start, end, sentence in conn.execute(query, params):
        evidence[event_id].append({"start": start, "end": end, "sentence": sentence})
    cands: dict[str, list[dict[str, Any]]] = defaultdict(list)
    query = ("SELECT event_id, value, status, text FROM event_candidates "
             f"WHERE event_id IN ({wanted}) ORDER BY id")  # fmt: skip
    for event_id, value, status, text in conn.execute(query, params):
        cands[event_id].append({"value": value, "status": status, "text": text})
    return [event_shape(r, roles[r["id"]], evidence[r["id"]], cands[r["id"]]) for r in rows]


def _page_by_group(
    filters: dict[str, Any], busy: bool, limit: int, offset: int
) -> tuple[str, list[Any]]:
    """:func:`dateline.timeline._page_by_group`: the first ``offset + limit`` of each span
    group, then the page of those in timeline order."""
    keys = f"events.id AS id, {LO} AS k0, {HI} AS k1, {OPEN_END} AS k2, events.dct AS k3"
    firsts, params = [], []
    for group in GROUPS:
        where, given = _filtered(filters, busy, group)
        first = f"SELECT {keys} FROM events{where} ORDER BY {ORDER} LIMIT ?"
        firsts.append(f"SELECT * FROM ({first}) AS group_{group}")  # (PostgreSQL names them)
        params += [*given, offset + limit]
    found = " UNION ALL ".join(firsts)
    page = f"SELECT id FROM ({found}) AS found ORDER BY k0, k1, k2, k3, id LIMIT ? OFFSET ?"
    return page, [*params, limit, offset]


def _filtered(
    filters: dict[str, Any], busy: bool, group: int | None = None
) -> tuple[str, list[Any]]:
    """The WHERE clause of :func:`dateline.timeline.filtered` and its parameters."""
    conditions, params = overlapping_by_group(
        LO, HI, filters.get("date_from"), filters.get("date_to"), group
    )
    if filters.get("actor"):
        rows, given = rows_of(filters["actor"], filters.get("actor_ids"))
        if busy:
            on_event = "event_actors.event_id = events.id"
            conditions.append(f"EXISTS (SELECT * FROM event_actors WHERE {on_event} AND {rows})")
        else:
            conditions.append(
                f"events.id IN (SELECT event_actors.event_id FROM event_actors WHERE {rows})"
            )
        params += given
    if filters.get("type"):
        conditions.append("events.type = ?")
        params.append(filters["type"].upper())
    if filters.get("status"):
        conditions.append("events.status = ?")
        params.append(filters["status"].lower())
    if filters.get("place"):
        conditions.append("lower(events.location) = lower(?)")
        params.append(filters["place"].strip())
    if filters.get("source"):
        conditions.append(
            "events.document_id IN (SELECT documents.id FROM documents "
            "WHERE lower(documents.source) = lower(?))"
        )
        params.append(filters["source"].strip())
    if filters.get("story"):
        conditions.append("events.story_id = ?")
        params.append(filters["story"])
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), params


def rows_of(actor: str, ids: tuple[str, ...] | None = None) -> tuple[str, list[Any]]:
    """:func:`dateline.store.queries._rows_of`: an actor's ``event_actors`` rows, by id or
    by part of a name (any case; "%" and "_" are letters), or of the ``ids``
    :func:`actor_ids` found for it."""
    if ids is not None:
        return f"event_actors.actor_id IN ({in_list(list(ids))})", list(ids)
    names = ("SELECT actors.id FROM actors "
             "WHERE actors.id = ? OR lower(actors.name) LIKE lower(?) ESCAPE '\\'")  # fmt: skip
    rows = f"(event_actors.actor_id = ? OR event_actors.actor_id IN ({names}))"
    return rows, [actor, actor, like_pattern(actor.lower())]


def like_pattern(wanted: str) -> str:
    """:func:`dateline.store.queries.like_pattern`."""
    return "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def actor_ids(conn: Any, actor: str) -> tuple[str, ...] | None:
    """:func:`dateline.store.queries.actor_ids` on PostgreSQL, where the full command names
    them (its planner knows named ids' rows, not a subquery's); None on SQLite (the
    subquery, as before) or for more than :data:`ACTOR_IDS` ids."""
    if not is_postgresql(conn):
        return None
    query = ("SELECT actors.id FROM actors "
             "WHERE actors.id = ? OR actors.name ILIKE ? ESCAPE '\\' LIMIT ?")  # fmt: skip
    named = conn.execute(query, [actor, like_pattern(actor.lower()), ACTOR_IDS + 1])
    found = {actor, *(r[0] for r in named)}
    return tuple(sorted(found)) if len(found) <= ACTOR_IDS else None


def _is_busy(conn: Any, actor: str | None, ids: tuple[str, ...] | None) -> bool:
    """:func:`dateline.store.queries.is_busy`: BUSY_ACTOR event rows or more."""
    if not actor:
        return False
    rows, params = rows_of(actor, ids)
    query = f"SELECT count(*) FROM (SELECT 1 FROM event_actors WHERE {rows} LIMIT ?) AS found"
    return int(conn.execute(query, [*params, BUSY_ACTOR]).fetchone()[0]) >= BUSY_ACTOR
