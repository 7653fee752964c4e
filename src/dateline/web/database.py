"""The server's database connections: read-only for every GET, one writer only when
adding articles over HTTP is switched on.

Reads never take a write lock, so a running ``dateline ingest`` does not block the
server and the server does not block it (SQLite WAL: readers and one writer at once).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, QueuePool, create_engine, event
from sqlalchemy.engine import make_url

from dateline.errors import E_NO_DATABASE
from dateline.read_cache import apply_read_cache
from dateline.store import Store, database_url
from dateline.store.engine import sqlite_begin
from dateline.web.cache import SqliteVersion, Version, postgres_version

# SQLite connections kept open for reads, and the most at once (the server runs its
# routes on a pool of 40 threads).
READERS = 8
MAX_READERS = 40


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return Path(parsed.database)


def prepare(db: str | None) -> str:
    """The database URL, its schema brought up to date as every command does on open.

    A SQLite file that does not exist is an error rather than a new empty database: a
    server over nothing is a typo in ``--db``."""
    url = database_url(db)
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise E_NO_DATABASE(str(path))
    Store(url).close()
    return url


def _read_only_uri(path: Path) -> str:
    return "file:" + quote(str(path.resolve())) + "?mode=ro"


def data_version(url: str, engine: Engine) -> tuple[Version, bool] | None:
    """How the answer cache learns that something was committed (see
    :mod:`dateline.web.cache`), and whether asking blocks (a round trip); None for a
    database it cannot tell of (nothing is cached)."""
    path = sqlite_path(url)
    if path is not None:
        return SqliteVersion(_read_only_uri(path)), False
    if make_url(url).get_backend_name() == "postgresql":
        return postgres_version(engine), True
    return None


def read_only_engine(url: str) -> Engine:
    """An engine whose connections cannot write (SQLite ``mode=ro`` + ``query_only``,
    PostgreSQL ``default_transaction_read_only``)."""
    path = sqlite_path(url)
    if path is not None:
        uri = _read_only_uri(path)

        def connect() -> sqlite3.Connection:
            # isolation_level=None: the driver begins nothing itself; sqlite_begin does, so
            # that one read keeps one WAL snapshot across its statements.
            return sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)

        # A pool that hands each request a connection of its own. The default for a
        # "sqlite://" URL (SingletonThreadPool, one connection per thread, five threads)
        # closes the connections of other threads once more than five threads read,
        # while they are reading: the server crashed (segfault) under 20 clients.
        engine = create_engine(
            "sqlite://",
            creator=connect,
            poolclass=QueuePool,
            pool_size=READERS,
            max_overflow=MAX_READERS - READERS,
        )
        event.listen(engine, "connect", _read_only_pragmas)
        event.listen(engine, "begin", sqlite_begin)
        return engine
    if make_url(url).get_backend_name() == "postgresql":
        options = {"options": "-c default_transaction_read_only=on"}
        return create_engine(url, connect_args=options, pool_pre_ping=True)
    return create_engine(url)


def _read_only_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA query_only=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    apply_read_cache(cur)  # kept with the pooled connection across requests
    cur.close()
