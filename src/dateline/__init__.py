"""dateline: dated news articles in, a time-anchored event database out.

``import dateline`` is light (no spaCy, no database driver until used)::

    doc = dateline.extract("Kim will visit Moscow next month.", dct="2025-05-21")
    with dateline.open("dateline.db") as db:
        summary = db.ingest(["news/"])          # rejects are in summary.rejects
        db.timeline("kim-jong-un"), db.pending(as_of="2025-06-01"), db.stories()
"""

from __future__ import annotations

import os
import sys
import types
from datetime import date
from typing import TYPE_CHECKING, Any

from dateline.model import Actor, Article, Candidate, Event, EventTime, Evidence, Place, Timex

if TYPE_CHECKING:
    from dateline.api import Database

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Candidate",
    "Event",
    "EventTime",
    "Evidence",
    "Place",
    "Timex",
    "__version__",
    "extract",
    "open",
]


def extract(
    source: str | os.PathLike[str] | Article, dct: date | str | None = None, nlp: Any = None
) -> dict[str, Any]:
    """The extraction document of one article: article text (with ``dct``), a file, or
    an :class:`Article`. See :func:`dateline.api.extract`."""
    from dateline.api import extract as run

    return run(source, dct=dct, nlp=nlp)


def open(db: str | os.PathLike[str] | None = None) -> Database:
    """The database at ``db`` (SQLite path or SQLAlchemy URL) with ``ingest``, ``timeline``,
    ``pending``, ``stories`` and ``story``. See :class:`dateline.api.Database`."""
    from dateline.api import open_database

    return open_database(db)


class _Package(types.ModuleType):
    """Importing the submodule ``dateline.extract`` sets the package attribute ``extract``
    to that module; the public function ``dateline.extract`` must stay what it is."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _API_FUNCTIONS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


_API_FUNCTIONS = frozenset({"extract", "open"})
sys.modules[__name__].__class__ = _Package
