"""Opening a database: ``--db`` to a URL, secrets kept out of messages, one writer at a time.

- A plain ``--db`` value is a file path, whatever characters it holds (``%``, ``?``,
  ``#``); only ``sqlite:///…`` and ``postgresql[+driver]://…`` are URLs.
- A URL's password never reaches a message: :func:`mask_url` and :func:`mask_secrets`.
- Writes take the database's write lock when their transaction begins (SQLite
  ``BEGIN IMMEDIATE``, a PostgreSQL transaction-level advisory lock), so that two
  processes never both decide that a document is new, nor both migrate the schema.
  Reads take no lock: SQLite's WAL and PostgreSQL's MVCC give them a snapshot, one per
  read (:func:`reading`), so that the rows one query finds match the rows the next
  query of the same read finds while writers commit.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, bindparam, create_engine, event, insert, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from dateline.errors import E_DB_UNSUPPORTED, E_DB_URL
from dateline.read_cache import apply_read_cache

DEFAULT_DB = "dateline.db"
BUSY_TIMEOUT_MS = 60_000
# Switching a new file to WAL: tries, and the wait before try n is n times this (~12 s in all).
WAL_SWITCH_TRIES = 50
WAL_SWITCH_WAIT_S = 0.01
# pg_advisory_xact_lock key for dateline's writers: "dateline" in ASCII, as a bigint.
PG_WRITE_LOCK = 0x646174656C696E65
_WRITE = "dateline_write"
# SQLite's page cache of a connection that writes, in KiB (SQLite's default: 2,000). The
# writer reads back the index pages it writes to (stories, keys, events); with the default,
# each batch read most of them from the file again: system time, 4.4 of 30 s of CPU in a
# bench/profile_store.py run at 20,000 documents (2.8 with 64 MiB). Past about 10,000
# documents the pages a batch reads (random keys of story_keys, event_keys, events) outgrew
# 64 MiB: at 30,000, 3,000 documents in batches of 500 cost 1.10 ms of system CPU per
# document with 64 MiB and 0.65-0.67 with 256 MiB (6.55 -> 6.10-6.26 ms in all). The cache
# fills only as far as the database needs it.
WRITER_CACHE_KIB = 262_144
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
_URL_SCHEMES = re.compile(r"^(sqlite|postgresql|postgres)(\+[A-Za-z0-9_]+)?$")
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*://[^:/@?#]*):.*@")
_QUERY_PASSWORD = re.compile(r"([?&](?:password|passwd)=)[^&#\s]*", re.IGNORECASE)
MASK = "***"


def database_url(db: str | None = None) -> str:
    """A SQLAlchemy URL from ``--db`` (URL or file path), ``$DATELINE_DB`` or the default."""
    db = db or os.environ.get("DATELINE_DB") or DEFAULT_DB
    scheme = _SCHEME.match(db)
    if scheme is None:
        path = str(Path(db).expanduser().resolve())
        # URL.create escapes '%', '?' and '#' so that the URL names this very file.
        return URL.create("sqlite", database=path).render_as_string(hide_password=False)
    if not _URL_SCHEMES.match(scheme.group(1).lower()):
        raise E_DB_UNSUPPORTED(scheme=scheme.group(1), url=mask_url(db))
    return db


def mask_url(url: str) -> str:
    """The URL with its password (in the user part or a ``password=`` query) as ``***``."""
    masked = _USERINFO.sub(rf"\1:{MASK}@", url)
    return _QUERY_PASSWORD.sub(rf"\1{MASK}", masked)


def mask_secrets(message: str, url: str) -> str:
    """A message with every occurrence of the URL's password replaced by ``***``."""
    message = message.replace(url, mask_url(url))
    for secret in _passwords(url):
        message = message.replace(secret, MASK)
    return mask_url(message)


def _passwords(url: str) -> list[str]:
    found = [m.group(0).split("=", 1)[1] for m in _QUERY_PASSWORD.finditer(url)]
    userinfo = url.split("://", 1)[-1].rsplit("@", 1)
    if len(userinfo) == 2 and ":" in userinfo[0]:
        found.append(userinfo[0].split(":", 1)[1])
    try:
        parsed = make_url(url).password
    except (ArgumentError, ValueError):
        parsed = None
    if parsed:
        found.append(str(parsed))
    return sorted({s for s in found if s and s != MASK}, key=len, reverse=True)


def open_engine(url: str) -> Engine:
    """An engine for the URL; SQLite in WAL mode with dateline's own transaction begins."""
    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise E_DB_URL(url=mask_url(url), why=first_line(exc, url)) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", sqlite_begin)
    return engine


def first_line(exc: BaseException, url: str) -> str:
    """The first line of an exception's message, without the URL's secrets."""
    lines = str(exc).splitlines() or [type(exc).__name__]
    return mask_secrets(lines[0], url)


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the database's write lock from its first statement."""
    with engine.execution_options(**{_WRITE: True}).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})
        else:
            conn.exec_driver_sql(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")
        yield conn


# reading()'s settings on PostgreSQL, for the transaction only: two SET LOCAL sent as one
# simple query (one round trip; SET, unlike a SELECT of set_config, takes no snapshot, so
# the read's snapshot is still that of its first query)
BEGIN_READ_STATEMENTS = (
    "BEGIN ISOLATION LEVEL REPEATABLE READ",
    "SET LOCAL max_parallel_workers_per_gather = 0",
    "SET LOCAL jit = off",
)
_BEGIN_READ = "; ".join(BEGIN_READ_STATEMENTS)


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction on one snapshot of the database.

    SQLite: the ``BEGIN`` that :func:`open_engine` issues holds one WAL snapshot until
    the transaction ends. PostgreSQL: ``REPEATABLE READ`` (its default, ``READ
    COMMITTED``, lets each statement see newer commits: a reader then found detail
    rows of events its first query had not seen), and no parallel workers: a read is a
    page, and starting workers for it cost more than the page (a busy actor's page of
    100 at a million events: 16 ms of a 19 ms plan, 8 of 9 for a pending page's members).

    A read that ends without an error ends with COMMIT on PostgreSQL, not with the
    pool's ROLLBACK: psycopg forgets every statement it prepared on a connection when
    that connection rolls back, so the reads' statements, sent again and again on the
    same pooled connections, were parsed and planned anew each time (psycopg prepares a
    statement on its sixth run, ``prepare_threshold``).

    No JIT compilation either: a read is a page, and the planner's cost of pending's one
    statement (:mod:`dateline.link.pending_pg`), summed over its per-story subqueries,
    passed the JIT thresholds: 3.3 s of compiling for a 30 ms page at a million events.
    Both settings for the read's transaction only, sent with its BEGIN in one round trip
    (the driver in autocommit mode, the transaction the server's): a page is that, its
    statements and COMMIT."""
    with engine.connect() as conn:
        if conn.dialect.name != "postgresql":
            yield conn
            return
        # the transaction begun with its settings in one round trip: psycopg, left to
        # begin it, sends BEGIN on its own first (a page was BEGIN, the settings, its
        # statement and COMMIT: four round trips, each a wait for a core on a loaded
        # machine); the driver in autocommit mode sends only what it is given
        conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.exec_driver_sql(_BEGIN_READ)
        try:
            yield conn
        except BaseException:
            with suppress(Exception):  # the error that ended the read is the one to raise
                conn.exec_driver_sql("ROLLBACK")
            raise
        conn.exec_driver_sql("COMMIT")


def insert_ignore(conn: Connection, table: Table, keys: list[str]) -> Any:
    """An INSERT that skips rows whose ``keys`` are already there."""
    # Imported here: a read command never needs them, and the PostgreSQL dialect alone
    # costs tens of milliseconds of start-up.
    from sqlalchemy.dialects import postgresql, sqlite

    if conn.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(index_elements=keys)
    if conn.dialect.name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=keys)
    return insert(table)


# Most rows per multi-row INSERT on SQLite, and bound values per statement (SQLite's limit
# is 32,766 since 3.32, 999 before).
SQLITE_ROWS_PER_INSERT = 256
_SQLITE_VALUES = 32_766 if sqlite3.sqlite_version_info >= (3, 32) else 999


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT the rows (each with the columns of the first) into ``table``.

    On SQLite, into a table that has triggers, as statements of up to 256 rows each
    (``VALUES (…), (…), …``) rather than one statement per row (``executemany``): the
    FTS5 tables kept by triggers (``event_evidence``, ``documents``) write what they have
    buffered at the end of each statement, so one statement per sentence made a tiny
    index segment for each and merging them cost four times the rest of the insert
    (6,000 sentences at 20,000 documents: 365 → 81 ms of CPU); the row triggers of
    ``events``, ``event_links``, ``event_actors`` and ``stories`` cost less in one
    statement too. A table without triggers keeps ``executemany``, which parses its
    statement once (a statement of 500 rows costs more to parse than it saves), given
    the rows as tuples: SQLAlchemy's own ``executemany`` builds each row's parameters
    again in Python (70 rows per document; 0.1-0.2 ms of the writer's 4.5-5 at 5,000). Each
    statement holds a power of two of rows, so that the driver's cache of prepared
    statements holds a few per table and reuses them, instead of one for every row count
    that a batch happened to have (each of them hundreds of KB). The rows, their ids and
    every trigger's work are the same either way."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    names = [c.name for c in table.columns if c.name in rows[0]]
    one = "(" + ", ".join("?" * len(names)) + ")"
    head = f'INSERT INTO "{table.name}" (' + ", ".join(f'"{n}"' for n in names) + ") VALUES "
    values = _row_values(rows, names)
    if not _has_triggers(conn, table.name):
        conn.exec_driver_sql(head + one, values)
        return
    most = max(1, min(SQLITE_ROWS_PER_INSERT, _SQLITE_VALUES // len(names)))
    start = 0
    while start < len(rows):
        size = 1 << (min(most, len(rows) - start).bit_length() - 1)
        chunk = tuple(chain.from_iterable(values[start : start + size]))
        conn.exec_driver_sql(head + ", ".join([one] * size), chunk)
        start += size


def _row_values(rows: list[dict[str, Any]], names: list[str]) -> list[tuple[Any, ...]]:
    """Each row's values of ``names``, in that order (None for a name a row lacks)."""
    get = itemgetter(*names)
    try:
        if len(names) == 1:
            return [(get(r),) for r in rows]
        return [get(r) for r in rows]
    except KeyError:
        return [tuple(r.get(n) for n in names) for r in rows]


def update_by_key(
    conn: Connection, table: Table, key: str, column: str, pairs: list[tuple[Any, Any]]
) -> None:
    """Set ``column`` to each pair's value in the row whose ``key`` is the pair's key, in
    one statement per 256 rows (SQLite: ``UPDATE … FROM (VALUES …)``; PostgreSQL: one
    statement for all, from two arrays), not one statement per row.

    The triggers of ``table`` run for each row as they would for one statement per row
    (SQLite), and once per statement instead of once per row (PostgreSQL's statement
    triggers), with the same rows in their transition tables. Each key once."""
    if not pairs:
        return
    name, k, c = (f'"{n}"' for n in (table.name, key, column))
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(
                f"UPDATE {name} SET {c} = v.value FROM unnest(CAST(:keys AS TEXT[]), "
                f"CAST(:values AS TEXT[])) AS v(key, value) WHERE {name}.{k} = v.key"
            ),
            {"keys": [p[0] for p in pairs], "values": [p[1] for p in pairs]},
        )
        return
    if conn.dialect.name != "sqlite" or sqlite3.sqlite_version_info < (3, 33):
        stmt = table.update().where(table.c[key] == bindparam("k")).values({column: bindparam("v")})
        conn.execute(stmt, [{"k": p[0], "v": p[1]} for p in pairs])
        return
    head = f"UPDATE {name} SET {c} = v.column2 FROM (VALUES "
    start = 0
    while start < len(pairs):
        size = 1 << (min(SQLITE_ROWS_PER_INSERT, len(pairs) - start).bit_length() - 1)
        chunk = pairs[start : start + size]
        values = tuple(x for pair in chunk for x in pair)
        where = f") AS v WHERE {name}.{k} = v.column1"
        conn.exec_driver_sql(head + ", ".join(["(?, ?)"] * size) + where, values)
        start += size


def _has_triggers(conn: Connection, table: str) -> bool:
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? LIMIT 1", (table,)
    )
    return found.first() is not None


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # The driver must not begin transactions on its own: sqlite_begin does it.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # First, so that the journal-mode switch of a new file waits for a concurrent opener.
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    _switch_to_wal(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    apply_read_cache(cur)  # a write transaction enlarges it (writing())
    cur.close()


def _switch_to_wal(cur: Any) -> None:
    """``PRAGMA journal_mode=WAL``, tried again while another opener of a new file holds it.

    Two processes switching a new file to WAL at once can both hold its shared lock;
    SQLite then answers one "database is locked" at once instead of waiting out the busy
    timeout (it would deadlock otherwise), so that one waits a little and tries again."""
    for attempt in range(1, WAL_SWITCH_TRIES + 1):
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == WAL_SWITCH_TRIES:
                raise
            time.sleep(WAL_SWITCH_WAIT_S * attempt)


def sqlite_snapshot(conn: Connection) -> sqlite3.Connection | None:
    """The ``sqlite3`` connection under ``conn`` with its read transaction begun (one WAL
    snapshot for every statement sent on either); None for another database. The read
    paths that send :mod:`dateline.fastpath`'s statements through it skip SQLAlchemy's
    work per statement and per row (a pending page: 30 % less CPU, same rows)."""
    if conn.dialect.name != "sqlite":
        return None
    if not conn.in_transaction():
        conn.begin()
    raw = conn.connection.driver_connection
    return raw if isinstance(raw, sqlite3.Connection) else None


def in_writing(conn: Connection) -> bool:
    """Whether the connection runs a transaction of ``writing``."""
    return bool(conn.get_execution_options().get(_WRITE))


def sqlite_begin(conn: Connection) -> None:
    # IMMEDIATE takes the write lock now, not at the first write: a writer that read
    # "not stored yet" cannot be overtaken by another before it writes.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if in_writing(conn) else "BEGIN")
