"""bench/bench_pending.py refuses a database the code would migrate, unless told to."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from dateline.fastpath import SCHEMA_VERSIONS
from dateline.store import Store

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture
def bench_pending():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        import bench_pending

        yield bench_pending
    finally:
        sys.path.remove(str(BENCH))


def test_a_database_behind_the_code_is_refused_and_left_as_it_was(
    tmp_path: Path, bench_pending, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "behind.db"
    Store(str(db)).close()
    assert bench_pending.missing_migrations(db) == []
    last = max(SCHEMA_VERSIONS)
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM schema_migrations WHERE version = ?", (last,))
    assert bench_pending.missing_migrations(db) == [last]

    assert bench_pending.main(["--db", str(db), "--days", "2020-01-01", "2020-02-01"]) == 2
    assert f"lacks migrations [{last}]" in capsys.readouterr().err
    assert bench_pending.missing_migrations(db) == [last]  # nothing was run on it
