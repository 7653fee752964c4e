"""The Python API behind ``import dateline``: ``dateline.extract(...)`` and
``dateline.open(db)``, each a thin layer over the library functions the commands use.

Nothing here loads spaCy or SQLAlchemy until it is called, so ``import dateline`` stays
light.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import E_API_SEVERAL, E_HTTP_DATE, DatelineError
from dateline.model import Article

Source = str | os.PathLike[str] | Article
# A string this long or holding a line break is article text, never a file name.
_MAX_PATH_CHARS = 4096


def as_day(dct: date | str | None, name: str = "dct") -> date | None:
    """A date from a ``date`` or ``YYYY-MM-DD`` text; a coded error for anything else."""
    if dct is None or isinstance(dct, date):
        return dct
    try:
        return date.fromisoformat(str(dct).strip())
    except ValueError:
        raise E_HTTP_DATE(name=name, value=dct) from None


def extract(source: Source, dct: date | str | None = None, nlp: Any = None) -> dict[str, Any]:
    """The extraction document (DESIGN.md) of one article: an :class:`Article`, a file
    (a ``Path``, or a string naming an existing file) or the article's text itself.

    ``dct`` is the article's date when it has none of its own (required for bare text).
    A file that holds several articles, or an article that cannot be read, raises its
    coded :class:`DatelineError`.
    """
    from dateline.extract import extract as run

    return run(article_of(source, as_day(dct)), nlp=nlp)


def article_of(source: Source, dct: date | None) -> Article:
    """The one article ``source`` stands for, read as ``dateline extract`` reads it."""
    from dateline.read.common import finish

    if isinstance(source, Article):
        found = finish(source, dct, source.origin or "<article>")
    elif isinstance(source, os.PathLike) or _names_a_file(source):
        return _only_article(os.fspath(source), dct)
    else:
        found = finish(Article(text=source.strip(), dct=None, origin="<text>"), dct, "<text>")
    if isinstance(found, DatelineError):
        raise found
    return found


def _names_a_file(text: str) -> bool:
    if len(text) > _MAX_PATH_CHARS or "\n" in text or "\x00" in text:
        return False
    try:
        return Path(text).is_file()
    except OSError:
        return False


def _only_article(path: str, dct: date | None) -> Article:
    from dateline.read import read_file

    items = list(read_file(path, dct=dct))
    articles = [item for item in items if isinstance(item, Article)]
    if len(items) == 1 and isinstance(items[0], DatelineError):
        raise items[0]
    if len(articles) != 1 or len(items) != 1:
        raise E_API_SEVERAL(path, count=len(items))
    return replace(articles[0])


class Database:
    """A dateline database (SQLite file or SQLAlchemy URL), as ``dateline.open`` gives it.

    Use it in a ``with`` block, or call :meth:`close`.
    """

    def __init__(self, db: str | os.PathLike[str] | None = None):
        from dateline.store import Store

        self.store = Store(os.fspath(db) if db is not None else None)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(
        self,
        paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        dct: date | str | None = None,
        workers: int = 1,
    ) -> Any:
        """Read, extract and store files or directories, as ``dateline ingest`` does.

        Returns the :class:`dateline.ingest.IngestSummary` (``added``, ``unchanged``,
        ``rejected``, ``events``, ``rejects``); a rejected article is one line of
        ``rejects``, never an exception."""
        from dateline.ingest import ingest

        many = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
        return ingest([os.fspath(p) for p in many], self.store, dct=as_day(dct), workers=workers)

    def timeline(
        self,
        actor: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        type: str | None = None,
        status: str | None = None,
        limit: int | None = None,
        **filters: Any,
    ) -> list[dict[str, Any]]:
        """Events in order of their own time, as ``dateline timeline`` lists them; further
        filters: ``place``, ``country``, ``source``, ``story``, ``q``, ``offset``."""
        from dateline.filters import EventFilters
        from dateline.store.engine import reading
        from dateline.timeline import timeline

        offset = filters.pop("offset", None)
        wanted = EventFilters.of(
            actor=actor, date_from=date_from, date_to=date_to, type=type, status=status, **filters
        )
        with reading(self.store.engine) as conn:
            return timeline(conn, wanted, limit=limit, offset=offset)

    def export(
        self,
        path: str | os.PathLike[str] | None,
        format: str = "csv",
        **filters: str | None,
    ) -> Any:
        """Write the events the timeline filters keep (``actor``, ``date_from``, ``date_to``,
        ``type``, ``status``, ``place``, ``country``, ``source``, ``story``, ``q``) to
        ``path`` as ``csv``, ``jsonl``, ``parquet`` or ``ics``, or as ``timeml`` files into
        the directory ``path``, as ``dateline export`` does (None: standard output, for csv,
        jsonl and ics). Returns the :class:`dateline.export.ExportSummary`."""
        from dateline.export import export
        from dateline.filters import EventFilters

        return export(self.store.engine, format, path, EventFilters(**filters))

    def pending(
        self, as_of: date | str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Stories announced or speculated and not yet past, by articles up to ``as_of``
        (default: today), soonest first; ``limit`` and ``offset`` page through them."""
        return self.store.pending(as_of=as_of, limit=limit, offset=offset)

    def stories(
        self,
        state: str | None = None,
        type: str | None = None,
        actor: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stories with their history, most recently reported first, filtered as
        ``dateline stories`` filters them."""
        from dateline.link import stories
        from dateline.store.engine import reading

        with reading(self.store.engine) as conn:
            return stories(conn, state, type, actor, limit, date_from=date_from, date_to=date_to)

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its state and history by article date; None when unknown."""
        return self.store.story(story_id)


def open_database(db: str | os.PathLike[str] | None = None) -> Database:
    """The database at ``db`` (default: ``$DATELINE_DB`` or ``dateline.db``), created and
    migrated as ``dateline ingest`` would."""
    return Database(db)
