"""Titles and descriptions of people: "Russian Deputy Foreign Minister Andrey Rudenko",
"Kwame Mensah, Ghana's trade minister," and "the North Korean leader".

Everything works on tokens and on the countries the gazetteer already found,
so a title can take its country from a demonym ("Russian") or a possessive
("North Korea's").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.actors.geo import RESOURCES, read_rows
from dateline.actors.text import name_key

if TYPE_CHECKING:  # only a type here: the store imports this module, and must not load spaCy
    from spacy.tokens import Doc, Token

# A capitalised word before these is part of the title: "Agriculture Minister".
_OPEN_HEADS = frozenset({"minister", "secretary", "ministry"})
_POSSESSIVE = frozenset({"'s", "’s"})
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class Title:
    """A title found in text: tokens [start, end), the role it names and its country."""

    start: int
    end: int
    role: str
    country: str | None


@dataclass(frozen=True)
class TitleVocabulary:
    """titles.tsv and title_modifiers.txt, compiled."""

    denotes: dict[str, tuple[str, ...]]
    heads: frozenset[str]
    words: frozenset[str]
    honorifics: frozenset[str] = frozenset()  # identity.json's: "Mr", "Ms", "Dr", ...

    def roles_denoted(self, role: str) -> tuple[str, ...]:
        """Dictionary roles a title can stand for: "president" → head of state, ..."""
        key = " ".join(w for w in role.split() if w not in {"former", "acting", "interim"})
        return self.denotes.get(key, ()) or (key,)


@lru_cache(maxsize=1)
def title_vocabulary() -> TitleVocabulary:
    """Load the title files once per process."""
    denotes: dict[str, tuple[str, ...]] = {}
    for _, (title, roles) in read_rows(RESOURCES / "titles.tsv", 2):
        denotes[name_key(title)] = tuple(r.strip() for r in roles.split("|") if r.strip())
    heads = frozenset(key.split()[-1] for key in denotes)
    modifiers = (RESOURCES / "title_modifiers.txt").read_text(encoding="utf-8").split("\n")
    words = {w.strip() for w in modifiers if w.strip() and not w.startswith("#")}
    words |= {word for key in denotes for word in key.split()}
    identity = json.loads((RESOURCES / "identity.json").read_text(encoding="utf-8"))
    honorifics = frozenset(name_key(w) for w in identity["honorifics"])
    return TitleVocabulary(denotes, heads, frozenset(words), honorifics)


def title_run_before(doc: Doc, end: int) -> tuple[int, str] | None:
    """The title words ending just before token ``end``: (first token, role text)."""
    vocabulary = title_vocabulary()
    if end == 0 or _word(doc, end - 1) not in vocabulary.heads:
        return None
    start = end - 1
    while start > 0 and _extends_title(doc, start - 1, vocabulary):
        start -= 1
    while start < end - 1 and _word(doc, start) in {"of", "-"}:
        start += 1
    role = doc[start:end].text.replace(" - ", "-").replace("’", "'")
    return start, " ".join(role.lower().split())


def _extends_title(doc: Doc, i: int, vocabulary: TitleVocabulary) -> bool:
    word = _word(doc, i)
    if word in vocabulary.words:
        return True
    if word == "-":
        return i > 0 and _word(doc, i - 1) in vocabulary.words
    following = _word(doc, i + 1)
    return doc[i].is_title and following in _OPEN_HEADS and word not in _ARTICLES


def _word(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def title_before(doc: Doc, name_start: int, countries: dict[int, tuple[int, str]]) -> Title | None:
    """A title right before a name, with its country if a demonym or possessive precedes it.

    ``countries`` maps the token index just after a country mention to (its first token, ISO3).
    """
    run = title_run_before(doc, name_start) or _title_set_off(doc, name_start)
    if run is None:
        return None
    start, role = run
    country = None
    inside = [(after, first, iso3) for after, (first, iso3) in countries.items() if first == start]
    if inside and start < inside[0][0] < name_start:
        # "U.S. Secretary of State": the country opened the run of capitalised title words
        after, _, country = inside[0]
        role = " ".join(doc[after:name_start].text.replace("’", "'").lower().split())
    elif start in countries:  # "Russian Deputy Foreign Minister"
        start, country = countries[start]
    elif _word(doc, start - 1) in _POSSESSIVE and start - 1 in countries:  # "North Korea's leader"
        start, country = countries[start - 1]
    return Title(start, name_start, role, country)


def _title_set_off(doc: Doc, name_start: int) -> tuple[int, str] | None:
    """A title set off before a name by a comma and an honorific: "The Head of Government,
    Mr. Mohammed Tahiri, concluded ..." (without the honorific, "the Minister of State for
    Fisheries, Ronald Ssemakula" may as well list two people)."""
    honorific = name_key(doc[name_start - 1].text) if name_start >= 2 else ""
    if honorific not in title_vocabulary().honorifics or _word(doc, name_start - 2) != ",":
        return None
    return title_run_before(doc, name_start - 2)


def country_set_off(doc: Doc, name_start: int, countries: dict[int, tuple[int, str]]) -> str | None:
    """The country of a title set off before a name by a comma alone: "New Zealand's Prime
    Minister, Hemi Tawhiri-Clarke, said". Without an honorific the title may as well be
    another person's or list two people, so the resolver gives the name neither its role
    nor its country; only what her own office says speaks for it."""
    if name_start < 2 or _word(doc, name_start - 1) != ",":
        return None
    title = title_before(doc, name_start - 1, countries)
    if title is None or title.country is None or _word(doc, title.start - 1) == ",":
        return None  # "Kwame Mensah, Ghana's trade minister, Ama Owusu": the title is his
    return title.country


def title_after(doc: Doc, name_end: int, countries: dict[int, tuple[int, str]]) -> Title | None:
    """An appositive title: "Kwame Mensah, Ghana's trade minister," or ", the Kenyan president"."""
    if _word(doc, name_end) != ",":
        return None
    i = name_end + 1
    if _word(doc, i) in _ARTICLES:
        i += 1
    country, i = _country_at(doc, i, countries)
    vocabulary = title_vocabulary()
    end = i
    while end < len(doc) and end - i < 6 and _extends_title(doc, end, vocabulary):
        end += 1
    if end == i or _word(doc, end - 1) not in vocabulary.heads:
        return None
    role = " ".join(doc[i:end].text.replace(" - ", "-").lower().split())
    if country is None and _word(doc, end) == "of":
        country, _ = _country_at(doc, end + 1, countries)
    return Title(name_end + 1, end, role, country)


def country_of_title(
    doc: Doc, title: Title | None, name_end: int, countries: dict[int, tuple[int, str]]
) -> Title | None:
    """A title without a country takes the one its name is said to be of: "President João
    Lourenço of Angola", "Prime Minister Kenji Asano of Japan"."""
    if title is None or title.country or _word(doc, name_end) != "of":
        return title
    country, _ = _country_at(doc, name_end + 1, countries)
    return Title(title.start, title.end, title.role, country) if country else title


def _country_at(doc: Doc, i: int, countries: dict[int, tuple[int, str]]) -> tuple[str | None, int]:
    """The country mention starting at token i, and the token after it (and its "'s")."""
    for after, (first, iso3) in countries.items():
        if first == i:
            return iso3, after + 1 if _word(doc, after) in _POSSESSIVE else after
    return None, i


def descriptions(doc: Doc, countries: dict[int, tuple[int, str]], taken: set[int]) -> list[Title]:
    """Titles used alone to refer to someone: "the North Korean leader", "Russia's president"."""
    vocabulary = title_vocabulary()
    found = []
    for token in doc:
        i = token.i
        if token.lower_ not in vocabulary.heads or i in taken or i + 1 in taken:
            continue
        if _names_follow(doc, i + 1) or _modifies_next(token):
            continue
        if _portfolio_follows(doc, i, countries, vocabulary):
            continue
        title = title_before(doc, i + 1, countries)
        if title is None or any(t in taken for t in range(title.start, i + 1)):
            continue
        if title.country or _word(doc, title.start - 1) == "the":
            found.append(title)
    return found


def _portfolio_follows(
    doc: Doc, i: int, countries: dict[int, tuple[int, str]], vocabulary: TitleVocabulary
) -> bool:
    """'the Minister of Trade', 'the Minister for Health': a portfolio after the title makes
    it another office than the minister named before ('Foreign Minister Anita Rao'), unless
    the whole is a title the vocabulary knows ('the Secretary of State') or the words name a
    country ('the Prime Minister of Canada')."""
    if _word(doc, i + 1) not in {"of", "for"} or i + 2 >= len(doc) or not doc[i + 2].is_title:
        return False
    if any(first == i + 2 for first, _ in countries.values()):
        return False
    return f"{doc[i].lower_} {_word(doc, i + 1)} {_word(doc, i + 2)}" not in vocabulary.denotes


def _modifies_next(token: Token) -> bool:
    """A title word that names something after it: 'the State Department', 'the
    President's Office' stays a title ('Office' is not its head)."""
    return token.dep_ == "compound" and token.head.i > token.i


def _names_follow(doc: Doc, i: int) -> bool:
    """A capitalised word next means the title belongs to that name, not used alone."""
    return i < len(doc) and doc[i].is_title and doc[i].ent_type_ == "PERSON"
