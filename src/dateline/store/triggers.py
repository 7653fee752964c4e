"""Triggers that keep a derived table exact as rows are written (``actor_counts``,
``story_states``): one statement-level plpgsql function per trigger on PostgreSQL, plain
triggers on SQLite."""

from __future__ import annotations

from sqlalchemy import Connection, text

#: per trigger name: (table, event, transition tables, body of the function)
PgTriggers = dict[str, tuple[str, str, str, str]]


def install(conn: Connection, postgres: PgTriggers, sqlite: dict[str, str]) -> None:
    """Create the triggers for the connection's dialect (``sqlite``: each trigger's
    definition after its name), replacing any PostgreSQL one of the same name."""
    if conn.dialect.name != "postgresql":
        for name, body in sqlite.items():
            conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
        return
    for name, (table, when, tables, body) in postgres.items():
        conn.execute(
            text(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN {body} RETURN NULL; END $$"
            )
        )
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
        conn.execute(
            text(
                f"CREATE TRIGGER {name} AFTER {when} ON {table} REFERENCING {tables} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
            )
        )
