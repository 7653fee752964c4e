"""Storage: SQLite by default, PostgreSQL by URL, schema by recorded migrations."""

from dateline.store.engine import DEFAULT_DB, database_url, mask_url
from dateline.store.store import Store

__all__ = ["DEFAULT_DB", "Store", "database_url", "mask_url"]
