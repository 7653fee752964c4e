"""Actors and places: canonical people, organisations, countries and places in a document."""

from dateline.actors.component import (
    ActorLinker,
    actor_for_span,
    mention_index,
    place_for_span,
)
from dateline.actors.dictionary import ActorEntry, Role, load_actor_file, load_dictionary

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
