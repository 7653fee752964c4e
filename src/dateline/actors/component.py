"""The ``dateline_actors`` spaCy component and the look-ups the events step uses."""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dateline.actors.lexicon import get_lexicon
from dateline.actors.resolve import link
from dateline.model import Actor, Place


class ActorLinker:
    """Sets ``doc._.actors`` and ``doc._.places`` from the NER and the actor dictionary.

    ``actors_file`` is an extra actor file in the dictionary's format (docs/actors.md);
    its entries replace built-in ones with the same id.
    """

    def __init__(self, nlp: Language | None, name: str, actors_file: str | None = None):
        self.name = name
        self.actors_file = str(actors_file) if actors_file else None
        self.lexicon = get_lexicon(self.actors_file)

    def __call__(self, doc: Doc) -> Doc:
        dct = doc._.dct if isinstance(doc._.dct, date) else None
        actors, places = link(doc, self.lexicon, dct)
        doc._.actors = actors
        doc._.places = places
        return doc


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _best(items: list[Any], start_char: int, end_char: int) -> Any:
    """The item with a mention overlapping [start_char, end_char) the most (ties: shortest)."""
    best, best_rank = None, (0, 0)
    for item in items or []:
        for mention in item.mentions:
            overlap = _overlap(mention, (start_char, end_char))
            rank = (overlap, -(mention[1] - mention[0]))
            if overlap > 0 and (best is None or rank > best_rank):
                best, best_rank = item, rank
    return best


def actor_for_span(doc: Doc, start_char: int, end_char: int) -> str | None:
    """Id of the actor (person id, ``rus-government``, ISO3 ``RUS``, ...) the text denotes."""
    actor: Actor | None = _best(doc._.actors, start_char, end_char)
    return actor.id if actor else None


def place_for_span(doc: Doc, start_char: int, end_char: int) -> Place | None:
    """The place a stretch of text names, if any."""
    place: Place | None = _best(doc._.places, start_char, end_char)
    return place


def mention_index(doc: Doc) -> dict[int, str]:
    """Token index → actor id for every token inside an actor mention."""
    index: dict[int, str] = {}
    for actor in sorted(doc._.actors or [], key=lambda a: a.kind == "country"):
        for start, end in actor.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            for token in span if span is not None else []:
                index.setdefault(token.i, actor.id)
    return index
