"""Copy a synthetic SQLite store made by ``bigdb.py`` into an empty PostgreSQL database,
so that ``bench_reads.py --pg URL`` measures the same reads on PostgreSQL.

The PostgreSQL schema is made by dateline itself (``Store(url)``: every migration); the
rows of the tables ``bigdb.py`` fills are then copied over in pages, and the planner's
statistics gathered (``VACUUM (ANALYZE)``).

    python bench/pgcopy.py /tmp/big.db postgresql+psycopg://postgres@127.0.0.1:5432/big
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from bigdb import TABLES
from sqlalchemy import Boolean, Table, func, select

from dateline.link.schema import story_states
from dateline.store import Store
from dateline.store import schema as t
from dateline.store.actor_counts import recount

PAGE = 5_000
TRIGGERED = ("event_actors", "events", "event_links", "stories")


def copy(path: Path, url: str) -> dict[str, Any]:
    """Copy the rows of ``path`` into the (empty) database at ``url``; rows per table."""
    began = time.perf_counter()
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    # one snapshot for every table: an ingest writing into the file meanwhile had its
    # events missed and their actor rows copied (a foreign key error at 1M)
    source.execute("BEGIN")
    copied = {}
    with Store(url) as store, store.engine.begin() as conn:
        tables: dict[str, Table] = {"actors": t.actors, **TABLES, "story_states": story_states}
        # actor_counts' and story_states' triggers fire once per statement, and the driver
        # sends a statement per row: off while copying; the counts made once at the end,
        # story_states copied as bigdb.py wrote it.
        for name in TRIGGERED:
            conn.exec_driver_sql(f"ALTER TABLE {name} DISABLE TRIGGER USER")
        for name, table in tables.items():
            if conn.execute(select(func.count()).select_from(table)).scalar_one():
                raise SystemExit(f"{name} is not empty in the PostgreSQL database")
            copied[name] = _copy_table(source, conn, table)
            _advance_sequence(conn, table)
        for name in TRIGGERED:
            conn.exec_driver_sql(f"ALTER TABLE {name} ENABLE TRIGGER USER")
        recount(conn)
    source.close()
    # VACUUM, not only ANALYZE: after a bulk load the visibility map is empty, and every
    # index-only scan of a read then visits the table too (and sets hint bits as it goes)
    with Store(url) as store, store.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM (ANALYZE)")
    return {**copied, "seconds": round(time.perf_counter() - began, 1)}


def _copy_table(source: sqlite3.Connection, conn: Any, table: Table) -> int:
    """Rows of ``table`` sent by PostgreSQL's COPY (text as SQLite keeps it: the server
    parses dates and JSON as an INSERT would): at a million events about ten times
    faster than pages of INSERTs, which took 24 minutes."""
    columns = [c.name for c in table.columns]
    flags = [n for n, c in enumerate(table.columns) if isinstance(c.type, Boolean)]
    quoted = ", ".join(f'"{c}"' for c in columns)
    cursor = source.execute(f"SELECT {quoted} FROM {table.name}")
    count = 0
    raw = conn.connection.driver_connection
    with raw.cursor() as pg, pg.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
        while page := cursor.fetchmany(PAGE):
            for row in page:
                if flags:  # SQLite keeps booleans as 0 and 1
                    row = list(row)
                    for n in flags:
                        row[n] = None if row[n] is None else bool(row[n])
                copy.write_row(row)
            count += len(page)
    return count


def _advance_sequence(conn: Any, table: Table) -> None:
    """An id column's sequence past the copied ids, so that a later ingest can add rows."""
    for column in table.primary_key.columns:
        if column.autoincrement is True:
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                f"coalesce(max({column.name}), 0) + 1, false) FROM {table.name}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sqlite", type=Path, help="a store made by bigdb.py")
    parser.add_argument("url", help="an empty PostgreSQL database (SQLAlchemy URL)")
    args = parser.parse_args(argv)
    print(json.dumps(copy(args.sqlite, args.url)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
