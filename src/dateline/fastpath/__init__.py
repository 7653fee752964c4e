"""`dateline timeline`, `events`, `pending`, `stories` and `story` on a SQLite file, without
SQLAlchemy or typer.

A read command's fixed cost was mostly imports: SQLAlchemy (120–190 ms of CPU) and
typer, which builds each command's parameters with pydantic (70–100 ms). For the plain
cases of these read commands, :func:`run` parses the arguments itself and sends the
same SQL statements as :mod:`dateline.timeline` and :mod:`dateline.link.query` through
:mod:`sqlite3` (:mod:`dateline.fastpath.timeline`, :mod:`dateline.fastpath.pending`,
:mod:`dateline.fastpath.stories`), then shapes and prints the rows with the same
functions, so that the first SQL runs 50–70 ms of CPU after the process starts.

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
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError

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


def run(argv: list[str]) -> int | None:
    """Run ``dateline ARGV`` when it is a plain read command (``timeline``, ``events``,
    ``pending``, ``stories``, ``story``) on a SQLite file: the exit code; None when the
    full command line must run it instead."""
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
    path: Path,
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
    path: Path, options: dict[str, str], limit: int | None, offset: int, as_json: bool
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


def _stories(path: Path, options: dict[str, str], limit: int | None, as_json: bool) -> str:
    from dateline.fastpath.stories import list_stories
    from dateline.link.format import format_stories

    names = {"--state": "state", "--actor": "actor", "--from": "date_from", "--to": "date_to",
             "--type": "type"}  # fmt: skip
    filters: dict[str, str | None] = {names[k]: v for k, v in options.items()}
    _check_dates(filters)
    with _connect(path) as conn:
        rows = list_stories(conn, filters, limit)
    return json.dumps(rows, ensure_ascii=False, indent=1) if as_json else format_stories(rows)


def _story(path: Path, story_id: str, as_json: bool) -> str:
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
