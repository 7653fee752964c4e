"""Stories: one real-world event across many articles, tracked until it happens.

The store calls :func:`link_document` inside the transaction that adds a
document; :func:`story`, :func:`stories` and :func:`pending` read the result
(``Store.story``/``stories``/``pending`` delegate to them); :func:`list_stories` is the
short list behind ``dateline stories``.

The names are loaded when first used (PEP 562): importing a submodule such as
``dateline.link.schema`` then costs that submodule only, which keeps the start-up of a
read command short.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.lazy import lazy_names

if TYPE_CHECKING:
    from dateline.link.format import format_pending, format_stories, format_story, format_time
    from dateline.link.linker import link_document, relink_all
    from dateline.link.listing import list_stories
    from dateline.link.query import pending, stories, story
    from dateline.link.settings import LinkSettings, default_settings, load_settings

_WHERE = {
    "format_pending": "format",
    "format_stories": "format",
    "format_story": "format",
    "format_time": "format",
    "link_document": "linker",
    "relink_all": "linker",
    "list_stories": "listing",
    "pending": "query",
    "stories": "query",
    "story": "query",
    "LinkSettings": "settings",
    "default_settings": "settings",
    "load_settings": "settings",
}

__all__ = [
    "LinkSettings",
    "default_settings",
    "format_pending",
    "format_stories",
    "format_story",
    "format_time",
    "link_document",
    "list_stories",
    "load_settings",
    "pending",
    "relink_all",
    "stories",
    "story",
]

__getattr__ = lazy_names(__name__, _WHERE)
