"""Stories: one real-world event across many articles, tracked until it happens.

The store calls :func:`link_document` inside the transaction that adds a
document; :func:`story`, :func:`stories` and :func:`pending` read the result
(``Store.story``/``stories``/``pending`` delegate to them); :func:`list_stories` is the
short list behind ``dateline stories``.
"""

from dateline.link.format import format_pending, format_stories, format_story, format_time
from dateline.link.linker import link_document, relink_all
from dateline.link.listing import list_stories
from dateline.link.query import pending, stories, story
from dateline.link.settings import LinkSettings, default_settings, load_settings

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
