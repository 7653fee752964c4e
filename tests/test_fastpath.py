"""`dateline timeline`, `events` and `pending` answered without typer or SQLAlchemy
(dateline.fastpath) print what the full commands print, on the same SQLite file and on
the same articles in PostgreSQL; anything the fast path does not know is left to them."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dateline.fastpath as fastpath
import dateline.fastpath.pending as fast_pending
import dateline.fastpath.timeline as fast_timeline
import dateline.link.query as story_query
import dateline.store.queries as queries
import dateline.timeline as reads
from dateline.cli import app
from dateline.store import Store
from dateline.store import schema as t
from dateline.store.migrations import MIGRATIONS
from test_reads_paging import articles

COMMANDS = [
    ["events"],
    ["events", "--limit", "3"],
    ["timeline"],
    ["timeline", "--limit", "7", "--offset", "3"],
    ["timeline", "--offset=5"],
    ["timeline", "busy-one", "--limit", "4"],
    ["timeline", "rare-one"],
    ["timeline", "BUSY", "--status", "PLANNED", "--limit", "5", "--offset", "2"],
    ["timeline", "--from", "2025-03-01", "--to", "2025-03-01"],
    ["timeline", "--from=2025-03-01", "--to", "2025-03-01", "--limit", "6", "--offset", "4"],
    ["timeline", "busy-one", "--from", "2025-03-02", "--type", "meet", "--limit", "3"],
    ["timeline", "--to", "2025-02-28", "--limit", "5"],
    ["timeline", "--source", " outlet 1 ", "--limit", "5"],
    ["timeline", "--place", "nowhere"],
    ["timeline", "--story", "story:none"],
    ["timeline", "%", "--limit", "2"],  # "%" is a letter: nobody's name holds it
    ["pending", "--as-of", "2025-02-20"],
    ["pending", "--as-of", "2025-04-02", "--limit", "2", "--offset", "1"],
    ["pending", "--as-of", "2024-01-01"],
    ["stories"],
    ["stories", "--limit", "3"],
    ["stories", "--actor", "busy", "--state", "planned", "--limit", "4"],
    ["stories", "--actor", "busy-one", "--type", "visit", "--limit", "3"],
    ["stories", "--actor", "rare-one"],
    ["stories", "--type", "visit", "--from", "2025-03-01", "--to=2025-03-31"],
    ["stories", "--state", "Under-Way"],
]
# On a synthetic archive (bench/bigdb.py): stories announced, dated, rescheduled, called
# off, held; as of a day, some reported only up to it (judged in SQL), some after it too
# (folded from their reports).
ARCHIVE_COMMANDS = [
    ["pending", "--as-of", "2012-01-05"],
    ["pending", "--as-of", "2012-01-10", "--limit", "10", "--offset", "5"],
    ["pending", "--as-of=2012-01-20", "--limit", "30"],
    ["pending", "--as-of", "2012-02-01", "--offset", "100"],
    ["timeline", "person-04813", "--from", "2012-01-10", "--limit", "20", "--offset", "5"],
    ["timeline", "--to", "2012-01-05", "--type", "attack", "--status", "POSSIBLE"],
    ["stories", "--state", "cancelled", "--limit", "20"],
    ["stories", "--actor", "person-04813", "--from", "2012-01-10", "--limit", "15"],
]
BENCH = Path(__file__).resolve().parents[1] / "bench"
EMPTY = {"nowhere", "story:none", "%", "2024-01-01", "Under-Way"}
NOTHING = ("no events", "[]", "No pending stories.", "No stories.")


@pytest.fixture(scope="module")
def sqlite_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fastpath") / "reads.db"
    with Store(str(path)) as store:
        assert all(store.add_many(articles()))
    return path


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fastpath") / "archive.db"
    build = [sys.executable, str(BENCH / "bigdb.py"), "--events", "4000", "--out", str(path)]
    subprocess.run(build, check=True, capture_output=True)
    return path


def fast(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> str | None:
    """What the fast path prints for ``dateline ARGV``; None when it leaves it."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with monkeypatch.context() as patched:
        patched.setattr(sys, "stdout", out)
        code = fastpath.run(argv)
    if code is None:
        return None
    assert code == 0
    out.seek(0)
    return out.read()


def full(argv: list[str]) -> str:
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("busy_at", [1, 1_000_000], ids=["checked-per-event", "listed"])
def test_fast_path_prints_what_the_full_command_prints(
    sqlite_db: Path, argv: list[str], as_json: bool, busy_at: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both ways of reading an actor's events, and pages longer than an IN list of ids.
    # Both ways of reading a page's members (their ids, or the query again).
    monkeypatch.setattr(queries, "BUSY_ACTOR", busy_at)
    monkeypatch.setattr(fast_timeline, "BUSY_ACTOR", busy_at)
    monkeypatch.setattr(reads, "ID_LIST", 2)
    monkeypatch.setattr(fast_timeline, "ID_LIST", 2)
    member_list = 1 if busy_at == 1 else 1000
    monkeypatch.setattr(story_query, "MEMBER_LIST", member_list)
    monkeypatch.setattr(fast_pending, "MEMBER_LIST", member_list)
    command = [*argv, "--db", str(sqlite_db), *(["--json"] if as_json else [])]
    expected = full(command)
    assert (expected.strip() in NOTHING) == bool(EMPTY & set(argv))
    assert fast(command, monkeypatch) == expected


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("argv", ARCHIVE_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("member_list", [1, 1000], ids=["members-again", "members-by-id"])
def test_on_an_archive_it_prints_what_the_full_command_prints(
    archive_db: Path,
    argv: list[str],
    as_json: bool,
    member_list: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(story_query, "MEMBER_LIST", member_list)
    monkeypatch.setattr(fast_pending, "MEMBER_LIST", member_list)
    command = [*argv, "--db", str(archive_db), *(["--json"] if as_json else [])]
    expected = full(command)
    assert expected.strip() not in NOTHING
    assert fast(command, monkeypatch) == expected


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_one_story_prints_what_the_full_command_prints(
    sqlite_db: Path, archive_db: Path, as_json: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    for db in (sqlite_db, archive_db):
        with sqlite3.connect(db) as conn:
            query = "SELECT id FROM stories ORDER BY articles DESC, id LIMIT 3"
            ids = [r[0] for r in conn.execute(query)]
        for story_id in ids:
            command = ["story", story_id, "--db", str(db), *(["--json"] if as_json else [])]
            assert fast(command, monkeypatch) == full(command)


@pytest.mark.parametrize("day", ["2012-01-05", "2012-01-10", "2012-01-20"])
def test_a_pending_summary_keeps_what_the_whole_story_says(archive_db: Path, day: str) -> None:
    """/api/pending?view=summary's stories (dateline.link.story_view.story_summary) are
    the whole stories' fields, on stories judged by their row and by their reports."""
    from dateline.link.query import pending_page
    from dateline.store.engine import reading
    from test_web_api import summarised

    with Store(str(archive_db)) as store, reading(store.engine) as conn:
        whole, total = pending_page(conn, day, limit=40, offset=3)
        summary, counted = pending_page(conn, day, limit=40, offset=3, summary=True)
    assert counted == total and len(summary) == len(whole) > 5
    assert summary == [summarised(s) for s in whole]


@pytest.mark.postgres
@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_fast_path_on_sqlite_prints_what_postgresql_gives(
    sqlite_db: Path, pg_database: str, argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = full([*argv, "--db", pg_database, "--json"])
    assert fast([*argv, "--db", str(sqlite_db), "--json"], monkeypatch) == expected


@pytest.fixture(scope="module")
def pg_database(request: pytest.FixtureRequest) -> Iterator[str]:
    from conftest import _fresh_pg_database

    url = _fresh_pg_database(request.getfixturevalue("pg_server"), "fastpath")
    with Store(url) as store:
        assert all(store.add_many(articles()))
    yield url


@pytest.mark.parametrize(
    "argv",
    [
        ["timeline", "--help"],
        ["timeline", "--country", "RUS"],
        ["timeline", "--limit", "0"],
        ["timeline", "--limit", "-1"],
        ["timeline", "--limit", "ten"],
        ["timeline", "--from", "2025-13-01"],
        ["timeline", "--from", "2025-04-01", "--to", "2025-03-01"],
        ["timeline", "--type", "VISIT", "--type", "MEET"],
        ["timeline", "--", "busy-one"],
        ["timeline", "a", "b"],
        ["timeline", "--unknown"],
        ["events", "--limit", "0"],
        ["events", "--offset", "1"],
        ["events", "busy-one"],
        ["pending", "--as-of", "2025-02-30"],
        ["pending", "--as-of", "2025-03-01", "--limit", "0"],
        ["pending", "2025-03-01"],
        ["stories", "--state", "rumoured"],
        ["stories", "--offset", "1"],
        ["story"],
        ["story", "story:none"],
        [],
    ],
    ids=" ".join,
)
def test_anything_else_is_left_to_the_full_command(
    sqlite_db: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert fast([*argv, "--db", str(sqlite_db)], monkeypatch) is None


def test_databases_it_cannot_read_as_they_are_are_left_to_the_full_command(
    sqlite_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "new.db"
    assert fast(["events", "--db", str(missing)], monkeypatch) is None
    assert not missing.exists()  # the full command creates it, not the fast path
    assert fast(["events", "--db", f"sqlite:///{sqlite_db}"], monkeypatch) is None
    old = tmp_path / "old.db"
    old.write_bytes(sqlite_db.read_bytes())
    import sqlite3

    with sqlite3.connect(old) as conn:
        conn.execute("DELETE FROM schema_migrations WHERE version = 12")
    assert fast(["events", "--db", str(old)], monkeypatch) is None
    monkeypatch.setenv("DATELINE_DB", str(sqlite_db))
    assert fast(["events", "--limit", "1"], monkeypatch) == full(["events", "--limit", "1"])


def test_its_copies_of_the_schema_and_settings_are_the_stores() -> None:
    assert {version for version, _, _ in MIGRATIONS} == fastpath.SCHEMA_VERSIONS
    assert tuple(c.name for c in t.events.c) == fast_timeline.EVENT_COLUMNS
    assert (fast_timeline.BUSY_ACTOR, fast_timeline.ID_LIST) == (queries.BUSY_ACTOR, reads.ID_LIST)
    assert fast_pending.MEMBER_LIST == story_query.MEMBER_LIST


@pytest.mark.parametrize(
    "argv", [["timeline", "--limit", "1"], ["pending", "--as-of", "2025-02-25"]], ids=" ".join
)
def test_a_plain_read_imports_neither_typer_nor_sqlalchemy(
    sqlite_db: Path, argv: list[str]
) -> None:
    probe = (
        f"import runpy, sys; sys.argv = ['dateline', *{argv!r}, '--db', {str(sqlite_db)!r}]\n"
        "try:\n    runpy.run_module('dateline', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('typer', 'sqlalchemy', 'pydantic') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == "[]", done.stdout + done.stderr
    assert "busy-one" in done.stdout or "Report" in done.stdout


def test_an_argument_sqlite_cannot_take_is_left_to_the_full_command(
    sqlite_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An undecodable byte of the command line arrives as a lone surrogate.
    assert fast(["timeline", "busy\udcff", "--db", str(sqlite_db)], monkeypatch) is None


@pytest.mark.parametrize("summary", [False, True], ids=["whole", "summary"])
@pytest.mark.parametrize("day", ["2012-01-05", "2012-01-10", "2012-01-20"])
def test_a_pending_page_through_sqlite3_is_the_librarys(
    archive_db: Path, day: str, summary: bool
) -> None:
    """/api/pending and the library on SQLite read through dateline.fastpath: the same page
    and total as SQLAlchemy's statements (which PostgreSQL runs)."""
    import sqlite3

    from dateline.link.query import sqlalchemy_pending_page
    from dateline.link.settings import default_settings
    from dateline.store.engine import reading

    rules = default_settings()
    with Store(str(archive_db)) as store, reading(store.engine) as conn:
        expected = [
            sqlalchemy_pending_page(conn, day, rules, limit=n, offset=3, summary=summary)
            for n in (5, 40)
        ]
    raw = sqlite3.connect(f"file:{archive_db}?mode=ro", uri=True)
    try:
        pages = [
            fast_pending.pending_page(raw, day, limit=n, offset=3, summary=summary) for n in (5, 40)
        ]
    finally:
        raw.close()
    assert pages == expected
    assert len(pages[1][0]) > 5 and pages[1][1] > 8


def test_the_api_answers_pending_on_sqlite_without_sqlalchemys_statements(
    archive_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import warnings

    from dateline.link.query import sqlalchemy_pending_page
    from dateline.link.settings import default_settings
    from dateline.store.engine import reading
    from dateline.web.app import create_app

    with warnings.catch_warnings():  # this starlette asks for httpx2, which is not installed
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    with Store(str(archive_db)) as store, reading(store.engine) as conn:
        stories, total = sqlalchemy_pending_page(
            conn, "2012-01-10", default_settings(), limit=30, offset=2
        )

    def unused(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("read through SQLAlchemy")

    monkeypatch.setattr(story_query, "sqlalchemy_pending_page", unused)
    with TestClient(create_app(str(archive_db), cache=False)) as client:
        answer = client.get("/api/pending?as_of=2012-01-10&limit=30&offset=2").json()
    assert answer["total"] == total and len(answer["stories"]) == 30
    assert answer["stories"] == [json_round_trip(s) for s in stories]


def json_round_trip(value: object) -> object:
    import json

    return json.loads(json.dumps(value))


def test_the_python_api_reads_pending_on_sqlite_through_sqlite3(
    archive_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """db.pending and link.query.pending_page on SQLite with the packaged rules send the
    fast path's statements (the same page as SQLAlchemy's); other rules keep SQLAlchemy's."""
    import dataclasses

    import dateline
    from dateline.link.settings import default_settings
    from dateline.store.engine import reading

    rules = default_settings()
    with Store(str(archive_db)) as store, reading(store.engine) as conn:
        expected = story_query.sqlalchemy_pending_page(conn, "2012-01-10", rules, limit=12)
        other = dataclasses.replace(rules)
        assert other is not rules
        assert story_query.pending_page(conn, "2012-01-10", other, limit=12) == expected

    def unused(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("read through SQLAlchemy")

    monkeypatch.setattr(story_query, "sqlalchemy_pending_page", unused)
    with Store(str(archive_db)) as store, reading(store.engine) as conn:
        assert story_query.pending_page(conn, "2012-01-10", limit=12) == expected
    with dateline.open(str(archive_db)) as db:
        assert db.pending("2012-01-10", limit=12) == expected[0]


# --- PostgreSQL through libpq (dateline.fastpath.pq) --------------------------------


def fast_answer(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """What the fast path prints; it must answer (not leave it to the full command)."""
    printed = fast(argv, monkeypatch)
    assert printed is not None, f"left to the full command: {argv}"
    return printed


@pytest.mark.postgres
@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("busy_at", [1, 1_000_000], ids=["checked-per-event", "listed"])
def test_on_postgresql_it_prints_what_the_full_command_prints(
    pg_database: str,
    argv: list[str],
    as_json: bool,
    busy_at: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(queries, "BUSY_ACTOR", busy_at)
    monkeypatch.setattr(fast_timeline, "BUSY_ACTOR", busy_at)
    monkeypatch.setattr(reads, "ID_LIST", 2)
    monkeypatch.setattr(fast_timeline, "ID_LIST", 2)
    command = [*argv, "--db", pg_database, *(["--json"] if as_json else [])]
    expected = full(command)
    assert (expected.strip() in NOTHING) == bool(EMPTY & set(argv))
    assert fast_answer(command, monkeypatch) == expected


@pytest.fixture(scope="module")
def pg_archive(archive_db: Path, request: pytest.FixtureRequest) -> str:
    from conftest import _fresh_pg_database

    sys.path.insert(0, str(BENCH))
    try:
        from pgcopy import copy
    finally:
        sys.path.remove(str(BENCH))
    url = _fresh_pg_database(request.getfixturevalue("pg_server"), "fastpath_archive")
    copy(archive_db, url)
    return url


# as of days in the early and late parts of their year and decade (the statement of each
# combination of span groups read by their end), pages and all
PG_ARCHIVE_COMMANDS = [
    *ARCHIVE_COMMANDS,
    ["pending", "--as-of", "2012-11-20", "--limit", "10"],
    ["pending", "--as-of", "2015-08-01", "--limit", "10", "--offset", "3"],
    ["pending", "--as-of", "2019-07-01"],
]


@pytest.mark.postgres
@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("argv", PG_ARCHIVE_COMMANDS, ids=" ".join)
def test_on_a_postgresql_archive_it_prints_what_the_full_command_prints(
    pg_archive: str, argv: list[str], as_json: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = [*argv, "--db", pg_archive, *(["--json"] if as_json else [])]
    expected = full(command)
    assert fast_answer(command, monkeypatch) == expected


@pytest.mark.postgres
def test_one_story_on_postgresql_prints_what_the_full_command_prints(
    pg_archive: str, archive_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    with sqlite3.connect(archive_db) as conn:
        query = "SELECT id FROM stories ORDER BY articles DESC, id LIMIT 3"
        ids = [r[0] for r in conn.execute(query)]
    for story_id in ids:
        for as_json in ([], ["--json"]):
            command = ["story", story_id, "--db", pg_archive, *as_json]
            assert fast_answer(command, monkeypatch) == full(command)


def test_pendings_statement_on_postgresql_is_sqlalchemys() -> None:
    """The fast path's statements expanded from its template (it does not import
    SQLAlchemy) are what dateline.link.pending_pg builds; when this fails, write the
    template again (the function's docstring says how)."""
    from dateline.link.pending_pg import fast_path_statements

    expected = fast_path_statements()
    assert len(expected) == 8
    for (limited, ends), sql in expected.items():
        assert fast_pending.statement(limited, ends) == sql, (limited, ends)


# sha256 of each of pending's statements as the fast path sends them (all or a page, the
# span groups read by their end), as they were as eight files (clean18; one template now;
# stories24 added a member's cue):
# the server prepares and plans them by their text, so a change to one must be meant (and
# the digest changed with it)
PENDING_SHA256 = {
    (False, ()): "55ba88ed2a68f53fee67f0d6ec866617e714a1d3ab3109ac9e94575a02cde8b1",
    (False, (1,)): "dc41b6c3274550cd4b35a349c79f48b9711593747130c623dbb7e2c4bd6a362a",
    (False, (2,)): "4ef9c4b395c58cb262795dd0d9e40e120da8666f79ab7236bdf4fedb45e61528",
    (False, (1, 2)): "f03008f6d1e5fde1108e5d4bd208a0581816025e04309d98440bcb7fffec1f2a",
    (True, ()): "e19b0cb67dbe03961f660cc7f5249cf47caa6f7ea2fb60f654419cf8fd8520ac",
    (True, (1,)): "61ba60f73ba718a7830913213bb84faa2644a299eb4775fdc4e5d015c22195f9",
    (True, (2,)): "b6fc766ff7942f494112483cdf502a7e380d4db07c7d57d3358784e6a5741800",
    (True, (1, 2)): "cef32a42f4a23d3d753cd84f33a8b592e5278ac1c869a0ae3f526c5bba555d6b",
}


@pytest.mark.parametrize(("limited", "ends"), list(PENDING_SHA256), ids=str)
def test_pendings_statements_are_the_ones_the_server_was_sent(
    limited: bool, ends: tuple[int, ...]
) -> None:
    sql = fast_pending.statement(limited, ends)
    assert hashlib.sha256(sql.encode("utf-8")).hexdigest() == PENDING_SHA256[limited, ends]


@pytest.mark.postgres
@pytest.mark.parametrize(
    "argv", [["timeline", "--limit", "1"], ["pending", "--as-of", "2012-01-10"]], ids=" ".join
)
def test_a_plain_read_on_postgresql_imports_neither_sqlalchemy_nor_psycopg(
    pg_archive: str, argv: list[str]
) -> None:
    probe = (
        f"import runpy, sys; sys.argv = ['dateline', *{argv!r}, '--db', {pg_archive!r}]\n"
        "try:\n    runpy.run_module('dateline', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('typer', 'sqlalchemy', 'pydantic', 'psycopg') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == "[]", done.stdout + done.stderr
    assert len(lines) >= 2 and lines[0]  # something printed


@pytest.mark.postgres
def test_postgresql_it_cannot_read_as_it_is_is_left_to_the_full_command(
    pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import _free_port

    server = pg_database.rsplit("/", 1)[0]
    unreachable = f"postgresql+psycopg://postgres@127.0.0.1:{_free_port()}/fastpath"
    for db in (
        pg_database.replace("postgresql+psycopg://", "postgresql://"),  # psycopg2's URL
        unreachable,
        f"{server}/no_such_database",
        f"{pg_database}?no_such_option=1",
    ):
        assert fast(["events", "--db", db], monkeypatch) is None, db
    from conftest import _fresh_pg_database

    url = _fresh_pg_database(pg_database, "fastpath_old")
    Store(url).close()
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 12"))
    engine.dispose()
    assert fast(["events", "--db", url], monkeypatch) is None


@pytest.mark.postgres
def test_a_column_type_libpq_results_are_not_converted_for_is_an_error(
    pg_database: str,
) -> None:
    from dateline.fastpath.pq import Connection, PgError

    conn = Connection(pg_database)
    try:
        row = conn.execute(
            "SELECT ?::int, ?::text, ?::boolean, 0.5::float8, NULL::text, '?' AS q",
            [7, "é ' ?", True],
        ).fetchone()
        assert row == (7, "é ' ?", True, 0.5, None, "?")
        with pytest.raises(PgError):
            conn.execute("SELECT now()").fetchall()
        with pytest.raises(PgError):
            conn.execute("SELECT no_such_column FROM schema_migrations")
    finally:
        conn.close()
