"""spaCy factories for dateline's own pipeline steps, registered in one place.

``import dateline`` makes ``nlp.add_pipe("dateline_timex")`` (and the actors and
events steps) available to any spaCy pipeline. Each step reads and writes
``Doc`` extension attributes:

- ``doc._.dct``: ``datetime.date`` reference time (set by the caller)
- ``doc._.article``: the :class:`dateline.model.Article` (optional)
- ``doc._.timexes``: list of :class:`dateline.model.Timex`
- ``doc._.actors`` / ``doc._.places``: lists of Actor / Place
- ``doc._.events``: list of :class:`dateline.model.Event`
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

for _name in ("dct", "article", "timexes", "actors", "places", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory("dateline_attribute_ruler", default_config={})
def make_attribute_ruler(nlp: Language, name: str) -> Any:
    """Stand-in for the model's attribute ruler; see dateline.attribute_ruler.speed_up."""
    from dateline.attribute_ruler import FastRulerSlot

    return FastRulerSlot()


@Language.factory("dateline_lemmatizer", default_config={})
def make_lemmatizer(nlp: Language, name: str) -> Any:
    """Memo in front of the model's rule lemmatizer; see dateline.attribute_ruler.speed_up."""
    from dateline.attribute_ruler import MemoLemmatizer

    return MemoLemmatizer()


@Language.component("dateline_sentences")
def mark_sentences(doc: Doc) -> Doc:
    """Before the parser: a wire dateline is no part of the body's first sentence."""
    from dateline.events.layout import mark_dateline_starts

    return mark_dateline_starts(doc)


@Language.factory("dateline_timex", default_config={})
def make_timex(nlp: Language, name: str) -> Any:
    from dateline.timex.component import TimexTagger

    return TimexTagger(nlp, name)


@Language.factory("dateline_actors", default_config={"actors_file": None})
def make_actors(nlp: Language, name: str, actors_file: str | None) -> Any:
    from dateline.actors.component import ActorLinker

    return ActorLinker(nlp, name, actors_file=actors_file)


@Language.factory("dateline_events", default_config={})
def make_events(nlp: Language, name: str) -> Any:
    from dateline.events.component import EventExtractor

    return EventExtractor(nlp, name)
