"""Storage: SQLite by default, PostgreSQL by URL, schema by recorded migrations."""

from dateline.store.store import DEFAULT_DB, Store, database_url

__all__ = ["DEFAULT_DB", "Store", "database_url"]
