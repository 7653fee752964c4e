"""The page cache of SQLite connections that read: its size, and the ``PRAGMA`` that sets it.

SQLite keeps the pages a connection read in a cache of that connection (its default:
2,000 KiB). A busy actor's reads go over the same index pages again and again (each event
read is checked against the actor's ``event_actors`` rows), and at 100,000 events those
pages outgrow 2 MiB: every read fetched them from the file again. The size is a maximum,
not an allocation: a connection's cache grows only as far as the pages it has read.

``DATELINE_READ_CACHE_MB`` sets it (MiB per connection; 0 leaves SQLite's default), for
the read commands, the Python API and ``dateline serve`` (whose ``--read-cache-mb`` sets
the variable); anything but a whole number of 0 or more is ignored. Light on purpose: the
read commands' fast path (:mod:`dateline.fastpath`) imports it without SQLAlchemy.
"""

from __future__ import annotations

import os
from typing import Any

READ_CACHE_VARIABLE = "DATELINE_READ_CACHE_MB"
# MiB per read connection, measured in bench/RESULTS.md ("Sixteenth round", branch reads14).
READ_CACHE_MIB = 64


def read_cache_mib() -> int:
    """The read connections' page cache in MiB: ``DATELINE_READ_CACHE_MB`` or the default."""
    value = os.environ.get(READ_CACHE_VARIABLE, "").strip()
    return int(value) if value.isdigit() else READ_CACHE_MIB


def apply_read_cache(cursor: Any) -> None:
    """Set a read connection's page cache (anything with ``execute``: a DB-API cursor or
    connection, the fast path's connection)."""
    pragma = read_cache_pragma()
    if pragma:
        cursor.execute(pragma)


def read_cache_pragma() -> str | None:
    """The ``PRAGMA cache_size`` statement for a read connection (negative: KiB), or None
    to leave SQLite's default."""
    mib = read_cache_mib()
    return f"PRAGMA cache_size=-{mib * 1024}" if mib > 0 else None
