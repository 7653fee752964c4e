"""`dateline timeline`, `events`, `pending`, `stories` and `story` on a SQLite file or a
``postgresql+psycopg://`` URL, without SQLAlchemy or typer.

A read command's fixed cost was mostly imports: SQLAlchemy (120–190 ms of CPU) and
typer, which builds each command's parameters with pydantic (70–100 ms); on PostgreSQL
psycopg too (110 ms). For the plain cases of these read commands, :func:`run` parses the
arguments itself and sends the same SQL statements as :mod:`dateline.timeline` and
:mod:`dateline.link.query` through :mod:`sqlite3`, or through libpq
(:mod:`dateline.fastpath.pq`) with PostgreSQL's reading transaction
(:func:`dateline.store.engine.reading`) and its actor filter by named ids
(:mod:`dateline.fastpath.timeline`, :mod:`dateline.fastpath.pending`,
:mod:`dateline.fastpath.stories`), then shapes and prints the rows with the same
functions, so that the first SQL runs 50–120 ms of CPU after the process starts.

It answers only what it can answer exactly as the full command would (same rows, same
order, same text and JSON); for anything else — ``--help``, an option it does not
know, a value that is not plainly valid, ``--country``, another database URL, a file
that does not exist or lacks a migration, a server it cannot reach, a non-UTF-8
terminal — it returns None and the full command (typer, SQLAlchemy) runs, with its own
messages and exit codes. ``tests/test_fastpath.py`` compares both on the same databases.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.read_cache import apply_read_cache

# The schema versions a database must have for a read without migrating
# (dateline.store.migrations.MIGRATIONS; tests/test_fastpath.py checks that they agree).
SCHEMA_VERSIONS = frozenset(
    {
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        9,
        10,
        11,
        12,
        13,
        14,
        15,
        16,
        17,
        18,
        19,
        20,
        21,
        22,
        23,
        25,
        26,
        27,
        29,
        30,
        31,
        32,
        33,
        34,
        35,
        36,
        37,
        38,
        39,
        40,
        41,
    }
)
BUSY_TIMEOUT_MS = 60_000  # as dateline.store.engine
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")  # what click.echo strips off a pipe's output

# Options of each command: those that take a value, and flags.
_FILTERS = {"--from": "date_from", "--to": "date_to", "--type": "type", "--status": "status",
            "--place": "place", "--source": "source", "--story": "story"}  # fmt: skip
_VALUES = {
    "timeline": {*_FILTERS, "--limit", "--offset", "--db"},
    "events": {"--limit", "--db"},
    "pending": {"--as-of", "--limit", "--offset", "--db"},
    "stories": {"--state", "--actor", "--from", "--to", "--type", "--limit", "--db"},
    "story": {"--db"},
}
_ARGUMENTS = {"timeline": (0, 1), "story": (1, 1)}  # how many arguments (least, most)


class Fallback(Exception):
    """The full command must answer this one."""


# the only database URL read here: PostgreSQL through psycopg (dateline.fastpath.pq)
SCHEME = "postgresql+psycopg://"


def is_postgresql(conn: object) -> bool:
    """Whether ``conn`` is a libpq connection (:mod:`dateline.fastpath.pq`), not sqlite3's."""
    return getattr(conn, "dialect", None) == "postgresql"


def no_limit(conn: object) -> int | None:
    """The ``LIMIT`` parameter that keeps every row: -1 for SQLite, NULL for PostgreSQL."""
    return None if is_postgresql(conn) else -1


def run(argv: list[str]) -> int | None:
    """Run ``dateline ARGV`` when it is a plain read command (``timeline``, ``events``,
    ``pending``, ``stories``, ``story``) on a SQLite file or a ``postgresql+psycopg://``
    URL: the exit code; None when the full command line must run it instead."""
    try:
        options, actor = _parse(argv)
        path = _database(options.pop("--db", None))
        limit = _number(options.pop("--limit", None), 1)
        offset = _number(options.pop("--offset", "0"), 0) or 0
        as_json = options.pop("--json", None) is not None
        if not _utf8(sys.stdout):
            raise Fallback
        if argv[0] == "pending":
            text = _pending(path, options, limit, offset, as_json)
        elif argv[0] == "stories":
            text = _stories(path, options, limit, as_json)
        elif argv[0] == "story":
            text = _story(path, actor or "", as_json)
        else:
            text = _timeline(path, options, actor, limit, offset, as_json)
    except (Fallback, DatelineError, sqlite3.Error, OSError, UnicodeError):
        return None
    _echo(text)
    return 0


def _timeline(
    path: Path | str,
    options: dict[str, str],
    actor: str | None,
    limit: int | None,
    offset: int,
    as_json: bool,
) -> str:
    from dateline.fastpath.timeline import timeline
    from dateline.query import format_events

    filters: dict[str, str | None] = {_FILTERS[k]: v for k, v in options.items()}
    _check_dates(filters)
    with _connect(path) as conn:
        rows = timeline(conn, {**filters, "actor": actor}, limit=limit, offset=offset or None)
    return json.dumps(rows, ensure_ascii=False, indent=1) if as_json else format_events(rows)


def _pending(
    path: Path | str, options: dict[str, str], limit: int | None, offset: int, as_json: bool
) -> str:
    from dateline.fastpath.pending import pending
    from dateline.link.format import format_pending

    try:  # as dateline.cli's --as-of; the clock is read here, at the edge, only
        day = date.fromisoformat(options["--as-of"]) if "--as-of" in options else date.today()
    except ValueError:
        raise Fallback from None
    with _connect(path) as conn:
        stories = pending(conn, day.isoformat(), limit=limit, offset=offset)
    return json.dumps(stories, ensure_ascii=False, indent=1) if as_json else format_pending(stories)


def _stories(path: Path | str, options: dict[str, str], limit: int | None, as_json: bool) -> str:
    from dateline.fastpath.stories import list_stories
    from dateline.link.format import format_stories

    names = {"--state": "state", "--actor": "actor", "--from": "date_from", "--to": "date_to",
             "--type": "type"}  # fmt: skip
    filters: dict[str, str | None] = {names[k]: v for k, v in options.items()}
    _check_dates(filters)
    with _connect(path) as conn:
        rows = list_stories(conn, filters, limit)
    return json.dumps(rows, ensure_ascii=False, indent=1) if as_json else format_stories(rows)


def _story(path: Path | str, story_id: str, as_json: bool) -> str:
    from dateline.fastpath.stories import story
    from dateline.link.format import format_story

    with _connect(path) as conn:
        found = story(conn, story_id)
    if found is None:
        raise Fallback  # the full command says so, with its code and exit code
    return json.dumps(found, ensure_ascii=False, indent=1) if as_json else format_story(found)


def _parse(argv: list[str]) -> tuple[dict[str, str], str | None]:
    """A command's options by name and its argument (an actor, a story id); Fallback for anything
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
    least, most = _ARGUMENTS.get(command, (0, 0))
    if not least <= len(positional) <= most:
        raise Fallback
    return options, (positional[0] if positional else None)


def _number(value: str | None, least: int) -> int | None:
    if value is None:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) < least:
        raise Fallback
    return int(value)


def _check_dates(filters: dict[str, str | None]) -> None:
    """A malformed date or a reversed range is the full command's coded error to print."""
    try:
        days = [date.fromisoformat(v) for k in ("date_from", "date_to") if (v := filters.get(k))]
    except ValueError:
        raise Fallback from None
    if len(days) == 2 and days[0] > days[1]:
        raise Fallback
    for key in ("date_from", "date_to"):
        if value := filters.get(key):
            filters[key] = date.fromisoformat(value).isoformat()


def _database(db: str | None) -> Path | str:
    """The SQLite file ``--db`` (or ``$DATELINE_DB``, or the default) names, when it is a
    plain path to an existing file (dateline.store.engine.database_url), or its
    ``postgresql+psycopg://`` URL."""
    db = db or os.environ.get("DATELINE_DB") or "dateline.db"
    if db.lower().startswith(SCHEME):
        return db
    if _SCHEME.match(db):
        raise Fallback
    path = Path(db).expanduser().resolve()
    if not path.is_file():
        raise Fallback  # the full command creates it (or says why it cannot)
    return path


def _utf8(stream: Any) -> bool:
    return (getattr(stream, "encoding", None) or "").lower().replace("-", "") == "utf8"


# dateline.store.engine.reading's transaction on PostgreSQL: one snapshot, no parallel
# workers, no JIT, sent in one round trip
_BEGIN_READ = (
    "BEGIN ISOLATION LEVEL REPEATABLE READ; "
    "SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off"
)


class _connect:
    """A read transaction on one snapshot of an up-to-date database: a WAL snapshot of a
    SQLite file, or a PostgreSQL transaction as :func:`dateline.store.engine.reading`'s."""

    def __init__(self, source: Path | str):
        self.conn: Any
        if isinstance(source, str):
            from dateline.fastpath.pq import Connection  # (ctypes only for PostgreSQL)

            self.conn = Connection(source)
        else:
            self.conn = sqlite3.connect(str(source), isolation_level=None)

    def __enter__(self) -> Any:
        try:
            return self._begin()
        except BaseException:
            self.conn.close()
            raise

    def _begin(self) -> Any:
        conn = self.conn
        if is_postgresql(conn):
            conn.run(_BEGIN_READ)
        else:
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            apply_read_cache(conn)
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
