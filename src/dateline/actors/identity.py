"""One person under several names across articles: which names may name whom.

An article names a person as it likes: "Bush", "President Bush", "George Bush",
"George W. Bush". Within one article the resolver links them (``resolve.py``);
across articles the store compares the names of nearby articles with the pure
functions here (``dateline.store.identity`` does the look-ups):

- a name *may name* the person of a fuller one when it is the same name (titles,
  honorifics and "Jr." aside), the fuller name's surname ("Bush"; a titled single
  name may also be a surname written first: "President Yayi" for "Yayi Boni",
  "Chairman Kim"), its first and last words with the middle left out or shortened
  to initials ("George Bush", "John F. Kerry" for "John Forbes Kerry"), or its
  last words ("Suu Kyi");
- a name is resolved to the one *most specific* name it may name among the
  person names of articles at most ``window_months`` apart (of no other country);
  when there are several ("George Bush" in a year that names George H. W. Bush and
  George W. Bush) the title decides if it can ("President Bush" and the one called
  president), else the name stays as it is: namesakes are never merged by guess.

Organisations are identified the same way, on stronger evidence only: a name may name
the organisation of a fuller one when it is the fuller name's acronym, written in capitals
("APEC" for "Asian-Pacific Economic Cooperation", "OFAC" for "Office of Foreign Assets
Control"), or its last two words or more ("Harbour Workers' Union" for "Kenya Port and
Harbour Workers' Union"); one word alone ("Senate", "Council") never does.

Everything is a function of the set of names, never of the order they came in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.actors.text import name_key, slug
from dateline.actors.titles import title_vocabulary

RESOURCE = Path(__file__).parent / "resources" / "identity.json"


@dataclass(frozen=True)
class IdentityRules:
    """identity.json, compiled."""

    window_months: int
    leading: frozenset[str]  # honorifics and title words, dropped before a name
    suffixes: frozenset[str]
    examples: tuple[tuple[str, str, bool, bool], ...]
    minor_words: frozenset[str] = frozenset()  # left out of an acronym ("of", "and")
    org_examples: tuple[tuple[str, str, bool], ...] = ()
    endings: tuple[tuple[str, str], ...] = ()  # transliterated word endings, one spelling
    ending_min: int = 5  # letters a word needs before its ending is respelled
    spellings: dict[str, str] = field(default_factory=dict)  # respelled word → its group's
    letters: tuple[tuple[str, str], ...] = ()  # letters respelled in every word ("kh" → "h")
    particles: frozenset[str] = frozenset()  # "el", "al": no part of the surname after them
    patronymics: tuple[str, ...] = ()  # endings of a patronymic ("ovich", "ovna")


def _respell_ending(word: str, endings: tuple[tuple[str, str], ...], least: int) -> str:
    if len(word) < least:
        return word
    for ending, spelled in endings:
        if word.endswith(ending):
            return word[: -len(ending)] + spelled
    return word


def _spellings(
    groups: list[list[str]], endings: tuple[tuple[str, str], ...], least: int
) -> dict[str, str]:
    """Each spelling of a transliterated name (ending respelled) → its group's first."""
    out: dict[str, str] = {}
    for group in groups:
        words = [_respell_ending(name_key(w), endings, least) for w in group]
        for word in words:
            if out.setdefault(word, words[0]) != words[0]:
                raise ValueError(f"identity.json: {word!r} is in two spelling groups")
    return out


@lru_cache(maxsize=1)
def identity_rules() -> IdentityRules:
    data: dict[str, Any] = json.loads(RESOURCE.read_text(encoding="utf-8"))
    titles = title_vocabulary()
    leading = {name_key(w) for w in data["honorifics"]} | titles.words | titles.heads
    endings = tuple((str(a), str(b)) for a, b in data["spelling_endings"])
    least = int(data["spelling_min_letters"])
    return IdentityRules(
        window_months=int(data["window_months"]),
        leading=frozenset(leading),
        suffixes=frozenset(name_key(w) for w in data["suffixes"]),
        examples=tuple((a, b, bool(t), bool(r)) for a, b, t, r in data["examples"]),
        minor_words=frozenset(name_key(w) for w in data["acronym_minor_words"]),
        org_examples=tuple((a, b, bool(r)) for a, b, r in data["organisation_examples"]),
        endings=endings,
        ending_min=least,
        spellings=_spellings(data["spellings"], endings, least),
        letters=tuple((str(a), str(b)) for a, b in data["spelling_letters"]),
        particles=frozenset(data["name_particles"]),
        patronymics=tuple(data["patronymic_endings"]),
    )


@lru_cache(maxsize=65536)
def spelling(word: str) -> str:
    """One spelling of a name word (a ``name_key`` word) for all its transliterations:
    a Slavic ending "-iy", "-yy" or "-ii" → "-y" ("zelenskyy", "zelenskiy" → "zelensky");
    a name of a group → the group's first ("mohammed", "mohamed" → "muhammad";
    "oleksandr", "aleksandr" → "alexander"; "nacho" → "ignacio"); then letters spelled
    one way ("kh" → "h", "q" → "k", "j" → "g") and doubled consonants once ("najjar",
    "naggar" → "nagar")."""
    rules = identity_rules()
    word = _respell_ending(word, rules.endings, rules.ending_min)
    word = rules.spellings.get(word, word)
    for letters, spelled in rules.letters:
        word = word.replace(letters, spelled)
    return _DOUBLED.sub(r"\1", word)


_DOUBLED = re.compile(r"([b-df-hj-np-tv-xz])\1+")
_JOINED_PARTICLE = re.compile(r"\b(?:al|el)[-\u2010\u2011](?=\w)", re.IGNORECASE)


def _without_particles(words: list[str]) -> list[str]:
    """The words of a name without "el" before another word, nor "al" between two words
    ("Tarek El Naggar" → tarek naggar; "Al Gore" keeps its given name)."""
    particles = identity_rules().particles
    last = len(words) - 1
    return [
        w for n, w in enumerate(words) if not (w in particles and n < last and (w != "al" or n > 0))
    ]


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """The comparison key of a person's name without titles, honorifics and suffixes, each
    word in the one spelling of its transliterations: "State Counsellor Aung San Suu Kyi"
    and "Daw Aung San Suu Kyi" → "aung san suu kyi"; "Mohamed Tahiri" → "muhamad tahiri"."""
    words = _without_particles(name_key(_JOINED_PARTICLE.sub("", name)).split())
    return " ".join(spelling(w) for w in _bare(words))


def written_key(name: str) -> str:
    """The key of a name that is no person's: titles, honorifics and suffixes left out as
    for a person, the words as written ("National Assembly" keeps its spelling)."""
    return " ".join(_bare(name_key(name).split()))


def _bare(words: list[str]) -> list[str]:
    rules = identity_rules()
    while len(words) > 1 and words[0] in rules.leading:
        words = words[1:]
    while len(words) > 1 and words[-1] in rules.suffixes:
        words = words[:-1]
    return words


def _initial_of(short: str, full: str) -> bool:
    return len(short) == 1 and full.startswith(short)


def _shorter_middle(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """The same middle names or fewer details: none, or initials where the other has names."""
    if not short:
        return bool(full)
    if len(short) != len(full) or short == full:
        return False
    return all(s == f or _initial_of(s, f) for s, f in zip(short, full, strict=True))


def shorter_name(short: str, full: str, titled: bool = False) -> bool:
    """Whether the name key ``short`` is a less specific way of naming the person of
    ``full`` (keys of ``person_key``); ``titled`` when a title stood before ``short``."""
    s, f = tuple(short.split()), tuple(full.split())
    if not s or len(f) < 2 or s == f or len(s) > len(f):
        return False
    if len(s) == 1:
        return s[0] == f[-1] or (titled and s[0] == f[0])
    if len(s) < len(f) and f[-len(s) :] == s:
        return True  # "Suu Kyi"
    if f[: len(s)] == s and s[-1].endswith(identity_rules().patronymics):
        return True  # "Jasur Rakhimovich": a given name and a patronymic
    if len(s) == 2 and len(f) == 3 and f[:2] == s:
        return True  # "Mateo Quintana": a given name and the first of two surnames
    return s[0] == f[0] and s[-1] == f[-1] and _shorter_middle(s[1:-1], f[1:-1])


def may_name(name: str, other: str, titled: bool = False) -> bool:
    """Whether ``name`` (as written) may name the person ``other`` (as written) names."""
    a, b = person_key(name), person_key(other)
    return a == b or shorter_name(a, b, titled)


@dataclass(frozen=True)
class Variant:
    """A person's name as some article gave it: its key, country and role, and the id
    the article's extraction gave it."""

    key: str
    country: str | None
    role: str | None
    actor_id: str


def _roles(role: str | None) -> frozenset[str]:
    if not role:
        return frozenset()
    role = role.casefold()
    if role.startswith("former "):
        return frozenset({role})
    return frozenset({role, *title_vocabulary().roles_denoted(role)})


def _most_specific(keys: set[str]) -> set[str]:
    return {k for k in keys if not any(shorter_name(k, other) for other in keys)}


def resolve_name(
    key: str, country: str | None, role: str | None, near: Iterable[Variant]
) -> str | None:
    """The id of the one person a name (its key, country and role) names among ``near``
    (the person names of nearby articles), or None when it names nobody else or cannot
    be told apart from namesakes."""
    titled = bool(role)
    fits = [
        v
        for v in near
        if (v.key == key or shorter_name(key, v.key, titled))
        and not (country and v.country and country != v.country)
    ]
    # Every fuller name that fits is more specific than the name itself.
    best = _most_specific({v.key for v in fits if v.key != key}) or {key}
    if len(best) > 1 and role:
        wanted = _roles(role)
        titled_fits = [v for v in fits if v.key != key and _roles(v.role) & wanted]
        best = _most_specific({v.key for v in titled_fits})
    if len(best) != 1:
        return None
    (chosen,) = best
    return id_for(chosen, {v.actor_id for v in fits if v.key == chosen})


def id_for(key: str, ids: set[str]) -> str | None:
    """The id a name key goes by: the slug of the key itself when an article used it
    ("george-w-bush"), else the first of the ids articles gave it."""
    if not ids:
        return None
    own = slug(key)
    return own if own in ids else min(ids)


# --- organisations -------------------------------------------------------------------------

_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")


def acronym(name: str) -> str | None:
    """The name's key when it is written as an acronym ("APEC", "OFAC"), else None."""
    written = name.strip().replace(".", "")
    return name_key(written) if _ACRONYM.fullmatch(written) else None


def initials(key: str) -> str:
    """The letters an acronym of a name key would have: the first letter of each word,
    minor words ("of", "and", "the") left out."""
    minor = identity_rules().minor_words
    return "".join(w[0] for w in key.split() if w not in minor)


def org_shorter(short: str, full: str, short_acronym: bool) -> bool:
    """Whether the organisation name key ``short`` is a less specific way of naming the
    organisation of ``full`` (``short_acronym``: ``short`` was written as an acronym)."""
    s, f = short.split(), full.split()
    if not s or len(f) < 2 or s == f:
        return False
    if short_acronym and len(s) == 1:
        return initials(full) == s[0]
    return 2 <= len(s) < len(f) and f[-len(s) :] == s


def org_may_name(name: str, other: str) -> bool:
    """Whether the organisation name ``name`` (as written) may name the one ``other`` names."""
    a, b = name_key(name), name_key(other)
    return a == b or org_shorter(a, b, acronym(name) is not None)


def resolve_org(
    key: str, is_acronym: bool, country: str | None, near: Iterable[Variant]
) -> str | None:
    """The id of the one organisation a name (its key, whether it is an acronym, its
    country) names among ``near`` (organisation names of nearby articles, keyed by
    ``name_key``), or None when it names none or several."""
    fits = [
        v
        for v in near
        if org_shorter(key, v.key, is_acronym)
        and not (country and v.country and country != v.country)
    ]
    keys = {v.key for v in fits}
    best = {k for k in keys if not any(org_shorter(k, o, False) for o in keys)}
    if len(best) != 1:
        return None
    (chosen,) = best
    return id_for(chosen, {v.actor_id for v in fits if v.key == chosen})
