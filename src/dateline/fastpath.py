"""`dateline timeline` and `dateline events` on a SQLite file, without SQLAlchemy or typer.

A read command's fixed cost was mostly imports: SQLAlchemy (120–190 ms of CPU) and
typer, which builds each command's parameters with pydantic (70–100 ms). For the plain
cases of the two timeline commands, :func:`run` parses the arguments itself and sends
the same SQL statements as :mod:`dateline.timeline` through :mod:`sqlite3`, so that the
first SQL runs about 40 ms after the process starts.

It answers only what it can answer exactly as the full command would (same rows, same
order, same text and JSON); for anything else — ``--help``, an option it does not
know, a value that is not plainly valid, ``--country``, a database URL, a file that
does not exist or lacks a migration, a non-UTF-8 terminal — it returns None and the
full command (typer, SQLAlchemy) runs, with its own messages and exit codes.
``tests/test_fastpath.py`` compares both on the same databases.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from dateline.query import event_shape, format_events

# The schema versions a database must have for a read without migrating
# (dateline.store.migrations.MIGRATIONS; tests/test_fastpath.py checks that they agree).
SCHEMA_VERSIONS = frozenset({1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12})
BUSY_TIMEOUT_MS = 60_000  # as dateline.store.engine
BUSY_ACTOR = 4000  # as dateline.store.queries.BUSY_ACTOR
ID_LIST = 1000  # as dateline.timeline.ID_LIST
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")  # what click.echo strips off a pipe's output

# The columns of ``events`` in the order of dateline.store.schema.events (the JSON's keys).
EVENT_COLUMNS = ("id", "document_id", "dct", "type", "plover", "cameo", "status", "dated",
                 "location", "value", "earliest", "latest", "granularity", "attribution",
                 "cue", "trigger", "change", "story_id")  # fmt: skip

# The SQL of dateline.store.schema.timeline_order and dateline.span.span_group, as
# SQLAlchemy writes it for SQLite: the same expressions as the indexes of migrations 7
# and 10, so that SQLite reads a page from them.
LO = "coalesce(events.earliest, events.latest, events.dct)"
HI = "coalesce(events.latest, events.earliest, events.dct)"
OPEN_END = "CASE WHEN (events.earliest IS NULL OR events.latest IS NULL) THEN 1 ELSE 0 END"
ORDER = f"{LO}, {HI}, {OPEN_END}, events.dct, events.id"
SPAN_GROUPS = ((0, 7), (1, 4), (2, 3))  # as dateline.span.SPAN_GROUPS
OTHER_GROUP = 3
GROUPS = (*(g for g, _ in SPAN_GROUPS), OTHER_GROUP)
SPAN_GROUP = (
    "CASE "
    + " ".join(
        f"WHEN (substr({LO}, 1, {n}) = substr({HI}, 1, {n})) THEN {g}" for g, n in SPAN_GROUPS
    )
    + f" ELSE {OTHER_GROUP} END"
)

# Options of each command: those that take a value, and flags.
_FILTERS = {"--from": "date_from", "--to": "date_to", "--type": "type", "--status": "status",
            "--place": "place", "--source": "source", "--story": "story"}  # fmt: skip
_VALUES = {"timeline": {*_FILTERS, "--limit", "--offset", "--db"}, "events": {"--limit", "--db"}}


class Fallback(Exception):
    """The full command must answer this one."""


def run(argv: list[str]) -> int | None:
    """Run ``dateline ARGV`` when it is a plain ``timeline`` or ``events`` on a SQLite file:
    the exit code; None when the full command line must run it instead."""
    try:
        options, actor = _parse(argv)
        path = _database(options.pop("--db", None))
        limit, offset = (
            _number(options.pop("--limit", None), 1),
            _number(options.pop("--offset", "0"), 0),
        )
        filters = {_FILTERS[k]: v for k, v in options.items() if k != "--json"}
        _check_dates(filters)
        if not _utf8(sys.stdout):
            raise Fallback
        with _connect(path) as conn:
            rows = timeline(conn, filters | {"actor": actor}, limit=limit, offset=offset or None)
    except (Fallback, sqlite3.Error, OSError):
        return None
    text = (
        json.dumps(rows, ensure_ascii=False, indent=1)
        if "--json" in options
        else format_events(rows)
    )
    _echo(text)
    return 0


def _parse(argv: list[str]) -> tuple[dict[str, str], str | None]:
    """A command's options by name and its actor argument; Fallback for anything
    beyond plain options given once (``--help``, ``--``, an unknown or repeated option,
    a value that looks like an option)."""
    if not argv or argv[0] not in _VALUES:
        raise Fallback
    command, takes_value = argv[0], _VALUES[argv[0]]
    options: dict[str, str] = {}
    positional: list[str] = []
    rest = iter(argv[1:])
    for arg in rest:
        if not arg.startswith("-"):
            positional.append(arg)
            continue
        name, eq, value = arg.partition("=")
        if name == "--json" and not eq:
            value = ""
        elif name in takes_value:
            value = value if eq else next(rest, "-")
            if value.startswith("-"):
                raise Fallback
        else:
            raise Fallback
        if name in options:
            raise Fallback
        options[name] = value
    if len(positional) > (1 if command == "timeline" else 0):
        raise Fallback
    return options, (positional[0] if positional else None)


def _number(value: str | None, least: int) -> int | None:
    if value is None:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) < least:
        raise Fallback
    return int(value)


def _check_dates(filters: dict[str, str]) -> None:
    """A malformed date or a reversed range is the full command's coded error to print."""
    try:
        days = [date.fromisoformat(filters[k]) for k in ("date_from", "date_to") if filters.get(k)]
    except ValueError:
        raise Fallback from None
    if len(days) == 2 and days[0] > days[1]:
        raise Fallback
    for key in ("date_from", "date_to"):
        if filters.get(key):
            filters[key] = date.fromisoformat(filters[key]).isoformat()


def _database(db: str | None) -> Path:
    """The SQLite file ``--db`` (or ``$DATELINE_DB``, or the default) names, when it is a
    plain path to an existing file (dateline.store.engine.database_url)."""
    db = db or os.environ.get("DATELINE_DB") or "dateline.db"
    if _SCHEME.match(db):
        raise Fallback
    path = Path(db).expanduser().resolve()
    if not path.is_file():
        raise Fallback  # the full command creates it (or says why it cannot)
    return path


def _utf8(stream: Any) -> bool:
    return (getattr(stream, "encoding", None) or "").lower().replace("-", "") == "utf8"


class _connect:
    """A read transaction on one WAL snapshot of an up-to-date SQLite database."""

    def __init__(self, path: Path):
        self.conn = sqlite3.connect(str(path), isolation_level=None)

    def __enter__(self) -> sqlite3.Connection:
        try:
            return self._begin()
        except BaseException:
            self.conn.close()
            raise

    def _begin(self) -> sqlite3.Connection:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # A database not yet in WAL mode, or lacking a migration, is the full command's:
        # it switches and migrates, which a reader must not.
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            raise Fallback
        conn.execute("BEGIN")
        versions = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
        if versions != SCHEMA_VERSIONS:
            raise Fallback
        return conn

    def __exit__(self, *exc: object) -> None:
        self.conn.close()


def _echo(text: str) -> None:
    """``typer.echo(text)``: a line on standard output, ANSI codes stripped off a pipe."""
    out = sys.stdout
    if not out.isatty():
        text = _ANSI.sub("", text)
    out.write(text + "\n")
    out.flush()


# --- the timeline's SQL (dateline.timeline, dateline.store.queries) ----------------


def timeline(
    conn: sqlite3.Connection, filters: dict[str, Any], *, limit: int | None, offset: int | None
) -> list[dict[str, Any]]:
    """:func:`dateline.timeline.timeline` on a sqlite3 connection, for the filters of
    ``_FILTERS`` and ``actor``: the same statements, rows and order."""
    busy = _is_busy(conn, filters.get("actor"))
    if not (limit or offset):
        where, params = _filtered(filters, busy)
        return _events_in(conn, f"SELECT events.id FROM events{where}", params)
    if filters.get("date_from") and limit:
        page, params = _page_by_group(filters, busy, limit, offset or 0)
    else:
        where, params = _filtered(filters, busy)
        page = f"SELECT events.id FROM events{where} ORDER BY {ORDER} LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset or 0]
    rows = _rows(conn, page, params)
    if len(rows) <= ID_LIST:
        ids = [r["id"] for r in rows]
        return _with_details(conn, rows, ",".join("?" * len(ids)), ids) if rows else []
    return _with_details(conn, rows, page, params)


_ROWS = (
    "SELECT " + ", ".join(f'events."{c}"' for c in EVENT_COLUMNS)
    + ", documents.title, documents.source AS document_source"
    + " FROM events JOIN documents ON documents.id = events.document_id"
)  # fmt: skip


def _rows(conn: sqlite3.Connection, wanted: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = conn.execute(f"{_ROWS} WHERE events.id IN ({wanted}) ORDER BY {ORDER}", params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor]


def _events_in(conn: sqlite3.Connection, wanted: str, params: list[Any]) -> list[dict[str, Any]]:
    rows = _rows(conn, wanted, params)
    return _with_details(conn, rows, wanted, params) if rows else []


def _with_details(
    conn: sqlite3.Connection, rows: list[dict[str, Any]], wanted: str, params: list[Any]
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
        firsts.append(f"SELECT * FROM (SELECT {keys} FROM events{where} ORDER BY {ORDER} LIMIT ?)")
        params += [*given, offset + limit]
    found = " UNION ALL ".join(firsts)
    page = f"SELECT id FROM ({found}) ORDER BY k0, k1, k2, k3, id LIMIT ? OFFSET ?"
    return page, [*params, limit, offset]


def _filtered(
    filters: dict[str, Any], busy: bool, group: int | None = None
) -> tuple[str, list[Any]]:
    """The WHERE clause of :func:`dateline.timeline.filtered` and its parameters."""
    conditions, params = _range(filters.get("date_from"), filters.get("date_to"), group)
    if filters.get("actor"):
        rows, given = _rows_of(filters["actor"])
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


def _range(
    date_from: str | None, date_to: str | None, group: int | None
) -> tuple[list[str], list[Any]]:
    """:func:`dateline.span.overlapping_by_group` over the events' spans."""
    ends, params = [], []
    if date_from:
        ends.append(f"{HI} >= ?")
        params.append(date_from)
    if date_to:
        ends.append(f"{LO} <= ?")
        params.append(date_to)
    if not date_from:
        return ends, params
    prefix = dict(SPAN_GROUPS)
    branches, given = [], []
    for g in GROUPS if group is None else (group,):
        starts = [f"{LO} >= ?"] if g in prefix else []
        branches.append("(" + " AND ".join([f"{SPAN_GROUP} = ?", *starts, *ends]) + ")")
        given += [g, *([date_from[: prefix[g]]] if g in prefix else []), *params]
    return ["(" + " OR ".join(branches) + ")"], given


def _rows_of(actor: str) -> tuple[str, list[Any]]:
    """:func:`dateline.store.queries._rows_of`: an actor's ``event_actors`` rows, by id or
    by part of a name (any case; "%" and "_" are letters)."""
    wanted = actor.lower()
    pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    names = ("SELECT actors.id FROM actors "
             "WHERE actors.id = ? OR lower(actors.name) LIKE lower(?) ESCAPE '\\'")  # fmt: skip
    rows = f"(event_actors.actor_id = ? OR event_actors.actor_id IN ({names}))"
    return rows, [actor, actor, pattern]


def _is_busy(conn: sqlite3.Connection, actor: str | None) -> bool:
    """:func:`dateline.store.queries.is_busy`: BUSY_ACTOR event rows or more."""
    if not actor:
        return False
    rows, params = _rows_of(actor)
    query = f"SELECT count(*) FROM (SELECT 1 FROM event_actors WHERE {rows} LIMIT ?)"
    return int(conn.execute(query, [*params, BUSY_ACTOR]).fetchone()[0]) >= BUSY_ACTOR
