"""The read connections' SQLite page cache (dateline.read_cache) reaches every connection
that reads: the store's, the server's read-only ones and the read commands' fast path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import dateline.fastpath as fastpath
from dateline.read_cache import READ_CACHE_MIB, READ_CACHE_VARIABLE, read_cache_mib
from dateline.store import Store, database_url
from dateline.store.engine import reading, writing
from dateline.web.database import read_only_engine

SQLITE_DEFAULT = -2000  # PRAGMA cache_size of a connection nobody set (KiB)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[str]:
    path = str(tmp_path / "cache.db")
    Store(path).close()  # an empty database with the schema, in WAL mode
    yield path


@contextmanager
def store_read(db: str) -> Iterator[Any]:
    store = Store(db)
    try:
        with reading(store.engine) as conn:
            yield conn.connection.dbapi_connection
    finally:
        store.close()


@contextmanager
def server_read(db: str) -> Iterator[Any]:
    engine = read_only_engine(database_url(db))
    try:
        with engine.connect() as conn:
            yield conn.connection.dbapi_connection
    finally:
        engine.dispose()


@contextmanager
def fastpath_read(db: str) -> Iterator[Any]:
    with fastpath._connect(Path(db)) as conn:
        yield conn


READS: dict[str, Callable[[str], Any]] = {
    "store": store_read,
    "server": server_read,
    "fastpath": fastpath_read,
}


def cache_size(read: Callable[[str], Any], db: str) -> int:
    with read(db) as conn:
        return int(conn.execute("PRAGMA cache_size").fetchone()[0])


@pytest.mark.parametrize("where", sorted(READS))
def test_a_read_connection_gets_the_default_cache(
    where: str, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(READ_CACHE_VARIABLE, raising=False)
    assert READ_CACHE_MIB * 1024 > -SQLITE_DEFAULT  # larger than SQLite's own
    assert cache_size(READS[where], db) == -READ_CACHE_MIB * 1024


@pytest.mark.parametrize("where", sorted(READS))
def test_the_variable_sets_the_cache_and_zero_keeps_sqlites(
    where: str, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(READ_CACHE_VARIABLE, "16")
    assert cache_size(READS[where], db) == -16 * 1024
    monkeypatch.setenv(READ_CACHE_VARIABLE, "0")
    assert cache_size(READS[where], db) == SQLITE_DEFAULT


@pytest.mark.parametrize("value", ["", "lots", "-5", "1.5"])
def test_a_value_that_is_not_a_whole_number_is_ignored(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(READ_CACHE_VARIABLE, value)
    assert read_cache_mib() == READ_CACHE_MIB


def test_a_write_still_gets_the_writers_cache(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.store.engine import WRITER_CACHE_KIB

    monkeypatch.setenv(READ_CACHE_VARIABLE, "8")
    store = Store(db)
    try:
        with writing(store.engine) as conn:
            size = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    finally:
        store.close()
    assert size == -WRITER_CACHE_KIB


def test_serve_passes_its_option_to_the_servers_connections(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    import dateline.web
    from dateline.cli import app

    seen: list[int] = []

    def serve(db: str | None, *_args: Any) -> None:
        seen.append(cache_size(server_read, str(db)))

    monkeypatch.setenv(READ_CACHE_VARIABLE, "8")  # the option wins over the variable
    monkeypatch.setattr(dateline.web, "serve", serve)
    done = CliRunner().invoke(app, ["serve", "--db", db, "--read-cache-mb", "24"])
    assert done.exit_code == 0, done.output
    assert seen == [-24 * 1024]
