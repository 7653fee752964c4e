"""The gazetteer: every known name of an actor, country or region, compiled once.

``Lexicon.scan(doc)`` finds the longest known name at each token, comparing
name keys (case, accents and hyphens ignored), so it also finds names the NER
misses or mislabels (all-caps text, "the Russian government").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from dateline.actors.dictionary import ActorEntry, load_dictionary
from dateline.actors.geo import RESOURCES, GeoPoint, load_countries, load_regions, read_rows
from dateline.actors.text import is_acronym, looks_like_name, name_key


@dataclass(frozen=True)
class Entry:
    """What a name denotes: an actor from the dictionary, a country (by name, demonym or
    capital) or a region."""

    kind: str  # actor | country | demonym | capital | region
    actor: ActorEntry | None = None
    iso3: str | None = None
    region: GeoPoint | None = None
    surface: str | None = None  # exact spelling an acronym must have ("US", "AP")


@dataclass(frozen=True)
class Match:
    """A gazetteer hit: tokens [start, end) and characters [start_char, end_char)."""

    start: int
    end: int
    start_char: int
    end_char: int
    entry: Entry


@dataclass(frozen=True)
class Institution:
    """A row of institutions.tsv: "foreign ministry" → ``{iso3}-foreign-ministry``."""

    suffix: str
    kind: str
    name: str
    role: str | None


class Lexicon:
    """Name key → entries, for the dictionary (built-in + user file), countries and regions."""

    def __init__(self, actors: tuple[ActorEntry, ...]):
        self.actors = actors
        self.by_id = {entry.id: entry for entry in actors}
        self.names: dict[str, list[Entry]] = defaultdict(list)
        self.surnames: dict[str, list[ActorEntry]] = defaultdict(list)
        self._add_countries()
        self._add_regions()
        self._add_actors()
        self.max_words = max(len(key.split()) for key in self.names)
        self.first_words = frozenset(key.split(" ", 1)[0] for key in self.names)
        self.institutions = load_institutions()

    def _add(self, name: str, entry: Entry) -> None:
        key = name_key(name)
        surface = name.replace(".", "") if is_acronym(name.replace(".", "")) else None
        full = Entry(entry.kind, entry.actor, entry.iso3, entry.region, surface)
        if key and full not in self.names[key]:
            self.names[key].append(full)

    def _add_countries(self) -> None:
        for info in load_countries().values():
            for name in info.names:
                self._add(name, Entry("country", iso3=info.iso3))
            for demonym in info.demonyms:
                self._add(demonym, Entry("demonym", iso3=info.iso3))
            for capital in info.capitals:
                self._add(capital, Entry("capital", iso3=info.iso3))

    def _add_regions(self) -> None:
        for key, point in load_regions().items():
            self.names[key].append(Entry("region", region=point))

    def _add_actors(self) -> None:
        for actor in self.actors:
            for alias in actor.names:
                if actor.kind == "person" and alias != actor.name and _one_word(alias):
                    # A bare surname is only trusted where the NER says PERSON.
                    self.surnames[name_key(alias)].append(actor)
                    continue
                self._add(alias, Entry("actor", actor=actor))

    def lookup(self, text: str) -> list[Entry]:
        """Entries whose name key equals that of ``text`` (acronyms: exact spelling only)."""
        entries = self.names.get(name_key(text), [])
        plain = text.replace(".", "").strip()
        return [e for e in entries if e.surface is None or e.surface == plain]

    def scan(self, doc: Doc, texts: list[str] | None = None) -> list[Match]:
        """Longest-first, non-overlapping known names in the document.

        ``texts`` (each token's text) may be passed when the caller has them already.
        """
        if texts is None:
            texts = [token.text for token in doc]
        # a lone 'the' keys to "" (a name's leading article is dropped), but inside a name
        # it stays: 'U.S. Department of the Treasury'
        words = [name_key(text) or (text.lower() if text.isalpha() else "") for text in texts]
        words = [w if t[:1].isalnum() else "" for w, t in zip(words, texts, strict=True)]
        matches: list[Match] = []
        i = 0
        while i < len(doc):
            match = self._match_at(doc, texts, words, i) if words[i] in self.first_words else None
            if match is None:
                i += 1
                continue
            matches.append(match)
            i = match.end
        return matches

    def _match_at(self, doc: Doc, texts: list[str], words: list[str], i: int) -> Match | None:
        ends: list[tuple[int, str]] = []
        parts: list[str] = []
        for j in range(i, min(len(doc), i + 2 * self.max_words)):
            if words[j]:
                parts.append(words[j])
                if len(parts) > self.max_words:
                    break
                ends.append((j + 1, " ".join(parts)))
            elif not _joins_name(texts[j]):
                break
        for end, key in reversed(ends):
            if key not in self.names:
                continue
            text = doc[i:end].text
            entries = self._accept(text, self.names[key])
            if entries:
                span = doc[i:end]
                return Match(i, end, span.start_char, span.end_char, entries[0])
        return None

    def _accept(self, text: str, entries: list[Entry]) -> list[Entry]:
        plain = text.replace(".", "")
        kept = [e for e in entries if e.surface is None or e.surface == plain]
        if not looks_like_name(text):
            return []
        return sorted(kept, key=lambda e: _KIND_ORDER[e.kind])


_KIND_ORDER = {"actor": 0, "country": 1, "demonym": 2, "capital": 3, "region": 4}


def _one_word(name: str) -> bool:
    return len(name_key(name).split()) == 1


def _joins_name(text: str) -> bool:
    """Punctuation that may sit inside a name: "Kim Jong-un", "U.S.", "Cote d'Ivoire"."""
    return text in {"-", ".", "'", "’", "‑"}


def load_institutions() -> dict[str, Institution]:
    """institutions.tsv as phrase key → Institution."""
    rows = read_rows(RESOURCES / "institutions.tsv", 5)
    return {
        name_key(phrase): Institution(suffix, kind, name, role or None)
        for _, (phrase, suffix, kind, name, role) in rows
    }


@lru_cache(maxsize=8)
def get_lexicon(actors_file: str | None = None) -> Lexicon:
    """The lexicon for the built-in dictionary plus ``actors_file``, built once per process."""
    return Lexicon(load_dictionary(actors_file))
