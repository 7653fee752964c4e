"""Rough actors and places from spaCy's entity tags, for when the actors step has not run.

This keeps the events step usable in a bare spaCy pipeline; the real actor
linking (dictionary, roles, coordinates) lives in :mod:`dateline.actors`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from dateline.model import Actor, Place

# Names pycountry does not know by their everyday form, and common demonyms.
COUNTRY_ALIASES = {
    "north korea": "PRK", "south korea": "KOR", "russia": "RUS", "iran": "IRN",
    "syria": "SYR", "the united states": "USA", "united states": "USA", "us": "USA",
    "u.s.": "USA", "america": "USA", "britain": "GBR", "the uk": "GBR", "uk": "GBR",
    "taiwan": "TWN", "vietnam": "VNM", "turkey": "TUR", "laos": "LAO", "bolivia": "BOL",
    "venezuela": "VEN", "tanzania": "TZA", "moldova": "MDA", "the netherlands": "NLD",
    "russian": "RUS", "north korean": "PRK", "south korean": "KOR", "chinese": "CHN",
    "american": "USA", "ukrainian": "UKR", "japanese": "JPN", "german": "DEU",
    "french": "FRA", "british": "GBR", "iranian": "IRN", "israeli": "ISR", "indian": "IND",
    "polish": "POL", "turkish": "TUR", "syrian": "SYR", "korean": "KOR",
}  # fmt: skip
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO3 code for a country name or demonym, or None."""
    key = name.lower().strip()
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    try:
        import pycountry

        return str(pycountry.countries.lookup(key.removeprefix("the ")).alpha_3)
    except (LookupError, ImportError):
        return None


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
