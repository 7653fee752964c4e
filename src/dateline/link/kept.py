"""Stories kept resumed between the writer's passes, so that a story the next batch reads
again is not parsed again from its summary and its ``story_tail`` rows.

A batch of news in date order reads the same stories as the batch before it, over and
over: at 8,000 synthetic documents, 6 of every 10 stories a pass resumes were resumed by
an earlier pass. A kept draft stands for its story only while nothing could have changed
the story behind the writer's back; it is used when all of these hold, else the story is
resumed from its rows as before:

- the story's summary text is the one the draft was resumed from or written as;
- SQLite: no other connection committed since the last pass (``PRAGMA data_version``
  changes with every commit of another connection, and only then);
- PostgreSQL, which has no such cheap version of the whole database: the story's summary
  row is the very row version the draft was resumed from or written as (its ``xmin``,
  the transaction that wrote it). Whoever changes a story (any writer, any connection)
  writes its summary row again, in the linker by a delete and an insert, and a row
  written again has the ``xmin`` of the transaction that wrote it; a story whose summary
  row was not written again since has the rows it had (its ``story_tail`` rows and its
  members' ``story_keys`` are written only with its summary);
- no transaction was rolled back on this connection since the draft was kept;
- no write of the linker's other than an appended pass ran on this connection since
  (re-clustering, re-linking, rebuilding: ``forget``).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from sqlalchemy import Connection, Engine, Text, cast, event, literal_column

from dateline.link.cluster import Draft
from dateline.link.settings import LinkSettings
from dateline.store.engine import in_writing

#: the most stories kept per connection (the least recently used are dropped first)
KEPT = 10_000
_INFO = "dateline.kept_drafts"

#: what a kept draft stands for: its summary's text and, on PostgreSQL, the summary row's
#: version (``row_version``; None on SQLite)
Stamp = tuple[str, str | None]


def row_version(conn: Connection) -> Any | None:
    """The version of a ``story_summaries`` row to select or return with it: its ``xmin``
    as text on PostgreSQL; None elsewhere (SQLite checks the database's version)."""
    if conn.dialect.name != "postgresql":
        return None
    return cast(literal_column("story_summaries.xmin"), Text).label("row_version")


class KeptDrafts:
    """The drafts kept on one connection, by story id, with the summary (``Stamp``) each
    stands for; and the summaries the running pass read (``take``), to keep its drafts
    after it."""

    def __init__(self, version: int) -> None:
        self.version = version
        self.drafts: OrderedDict[str, tuple[Stamp, Draft]] = OrderedDict()
        self.read: dict[str, Stamp] = {}

    def take(self, story_id: str, stamp: Stamp, settings: LinkSettings) -> Draft | None:
        """The kept draft of a story whose summary row is ``stamp`` (None: resume it). A
        draft taken is no longer kept: the pass may change it."""
        self.read[story_id] = stamp
        found = self.drafts.pop(story_id, None)
        if found is None or found[0] != stamp or found[1].settings is not settings:
            return None
        return found[1]

    def keep(self, draft: Draft, stamp: Stamp | None = None) -> None:
        """Keep a draft as the story whose summary row is ``stamp`` (default: the one the
        pass read of it); it is settled first (``Draft.settle``)."""
        stamp = stamp if stamp is not None else self.read.get(draft.id)
        if stamp is None:
            return
        draft.settle()
        self.drafts[draft.id] = (stamp, draft)
        self.drafts.move_to_end(draft.id)
        while len(self.drafts) > KEPT:
            self.drafts.popitem(last=False)


def kept_drafts(conn: Connection) -> KeptDrafts | None:
    """The drafts kept on this connection, emptied on SQLite when another connection
    committed since the last pass; None on a database other than SQLite and PostgreSQL."""
    if conn.dialect.name == "sqlite":
        version = int(conn.exec_driver_sql("PRAGMA data_version").scalar_one())
    elif conn.dialect.name == "postgresql":
        version = 0  # each story's summary row is checked instead (Stamp)
    else:
        return None
    kept = conn.info.get(_INFO)
    if not isinstance(kept, KeptDrafts) or kept.version != version:
        kept = conn.info[_INFO] = KeptDrafts(version)
    kept.read = {}
    return kept


def forget(conn: Connection) -> None:
    """Drop the drafts kept on this connection (the linker wrote stories some other way)."""
    conn.info.pop(_INFO, None)


@event.listens_for(Engine, "rollback")
def _rolled_back(conn: Connection) -> None:
    """A write transaction rolled back (``dateline.store.engine.writing``); a read, which
    changed nothing, keeps them. Heard on every engine: the writer's transactions run on
    copies of the store's engine (``execution_options``), which a listener of the store's
    engine would not hear."""
    if in_writing(conn):
        forget(conn)
