"""Rough actors and places from spaCy's entity tags, for when the actors step has not run.

This keeps the events step usable in a bare spaCy pipeline; the real actor
linking (dictionary, roles, coordinates) lives in :mod:`dateline.actors`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dateline.actors.geo import country_code
from dateline.model import Actor, Place

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def fallback_actors(doc: Doc) -> tuple[list[Actor], list[Place]]:
    """Persons, countries and places from entity tags; surnames join earlier full names."""
    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}
    for ent in doc.ents:
        text = ent.text.removesuffix("'s").removesuffix("’s").strip()
        span = (ent.start_char, ent.start_char + len(text))
        if ent.label_ == "PERSON":
            _add_person(actors, text, span)
        elif ent.label_ in ("GPE", "NORP", "LOC"):
            _add_place(actors, places, text, span, ent.label_)
    return list(actors.values()), list(places.values())


def _add_person(actors: dict[str, Actor], text: str, span: tuple[int, int]) -> None:
    words = text.split()
    for actor in actors.values():
        if actor.kind == "person" and words and words[0] in actor.name.split():
            actor.mentions.append(span)
            return
    key = slug(text)
    actors.setdefault(key, Actor(id=key, name=text, kind="person")).mentions.append(span)


def _add_place(
    actors: dict[str, Actor], places: dict[str, Place], text: str, span: tuple[int, int], label: str
) -> None:
    code = country_code(text)
    if code is not None:
        actor = actors.setdefault(code, Actor(id=code, name=text, kind="country", country=code))
        actor.mentions.append(span)
        if label == "NORP":
            return
    kind = "country" if code else ("region" if label == "LOC" else "city")
    place = places.setdefault(text, Place(name=text, country=code, kind=kind))
    place.mentions.append(span)
