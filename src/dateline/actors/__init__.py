"""Actors and places: canonical people, organisations, countries and places in a document.

The names are loaded when first used (PEP 562): importing a submodule such as
``dateline.actors.identity`` (which the store needs) then does not import spaCy, which
``dateline.actors.component`` does, so a read command starts without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.lazy import lazy_names

if TYPE_CHECKING:
    from dateline.actors.component import (
        ActorLinker,
        actor_for_span,
        mention_index,
        place_for_span,
    )
    from dateline.actors.dictionary import ActorEntry, Role, load_actor_file, load_dictionary

_WHERE = {
    "ActorLinker": "component",
    "actor_for_span": "component",
    "mention_index": "component",
    "place_for_span": "component",
    "ActorEntry": "dictionary",
    "Role": "dictionary",
    "load_actor_file": "dictionary",
    "load_dictionary": "dictionary",
}

__all__ = [
    "ActorEntry",
    "ActorLinker",
    "Role",
    "actor_for_span",
    "load_actor_file",
    "load_dictionary",
    "mention_index",
    "place_for_span",
]

__getattr__ = lazy_names(__name__, _WHERE)
