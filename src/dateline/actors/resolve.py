"""Turn candidate mentions into canonical actors and places for one document.

Order matters and follows how a reader resolves names: full names and titles
first, then bare surnames ("Kim") against the people already named, then titles
used alone ("the North Korean leader"), then countries, organisations and places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from dateline.actors.dictionary import ActorEntry
from dateline.actors.geo import (
    RESOURCES,
    GeoPoint,
    city_population,
    find_capital,
    find_city,
    find_us_state,
    load_countries,
    load_regions,
)
from dateline.actors.identity import identity_rules, person_key
from dateline.actors.lexicon import Lexicon
from dateline.actors.mentions import BODY_HEADS, Candidate, collect, named_as_a_place
from dateline.actors.text import name_key, slug
from dateline.actors.titles import (
    Title,
    country_of_title,
    descriptions,
    title_after,
    title_before,
)
from dateline.actors.titles import title_vocabulary as vocabulary
from dateline.model import Actor, Place

# Where a capital's name acts ("Pyongyang said", "Seoul's response") it names the country.
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
_ACTOR_PREPOSITIONS = frozenset({"by", "with", "between"})
# "warned the South": a direction, not a place we can put on a map.
_DIRECTIONS = frozenset({"north", "south", "east", "west", "midwest", "center", "centre"})
_PERSON_LIKE = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "through", "to", "near", "from", "across", "outside"})
_TRAVEL = frozenset({"visit", "tour", "reach", "leave"})
_NAME_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos"})
_LOCATIVE = frozenset({"in", "at", "near", "from", "to", "of", "outside", "around", "into"})
_LIST_MARKS = frozenset({",", "and", "or"})
#: last words of the names of buildings, streets and bridges: a place, never a person, nor
#: a body where the text puts something at it ('talks at Jubilee House', 'Edward Avenue')
_BUILDING_WORDS = frozenset({
    "avenue", "street", "road", "boulevard", "bridge", "bridges", "square", "house", "palace",
    "airport", "hotel", "building", "buildings", "centre", "center", "hall",
})  # fmt: skip
#: of those, the ones a person's surname may be ('Stuart Hall', 'Edward Hill')
_SURNAME_BUILDINGS = frozenset({"hall"})
#: two spellings of one surname in one article: this similar, and at least this long
SPELLING_RATIO = 0.85
SPELLING_MIN_LETTERS = 6
_PLACE_LABELS = frozenset({"GPE", "LOC"})
#: where a city the NER called a person stands as what a verb acts on, and how large it
#: must be (a town of that name is more likely a surname)
_OBJECTS = frozenset({"dobj", "conj"})
_OBJECT_CITY_POPULATION = 100_000
#: roles of a country's leader, whose country a meeting's host country gives
_NATIONAL_ROLES = frozenset({"head of state", "head of government"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: nouns of people a name before them may stand for ('a Lae delegation': the city's)
_PEOPLE_HEADS = frozenset({
    "delegation", "delegate", "official", "government", "authority", "team", "council",
    "leader", "people", "resident", "administration", "side",
})  # fmt: skip


#: a nickname quoted between a person's names: 'Emeka "E.D." Nwosu'
_NICKNAME = re.compile(r"\s[\"“][^\"“”]{1,24}[\"”](?=\s)")


def _title_word(word: str, words: frozenset[str] | set[str]) -> bool:
    """A title's word, or its plural ("ministers" before two names)."""
    return word in words or (len(word) > 3 and word.endswith("s") and word[:-1] in words)


@dataclass
class Person:
    """What the resolver knows of a person in this document."""

    actor: Actor
    words: set[str]
    roles: set[str] = field(default_factory=set)
    positions: list[int] = field(default_factory=list)


def _most_named(people: list[Person]) -> Person | None:
    """Of several people a title fits, the one the article names most often, when one
    is named more often than the others (a tour story's 'the president' is its traveller,
    not the host it names twice)."""
    ranked = sorted(people, key=lambda p: len(p.positions), reverse=True)
    return ranked[0] if len(ranked[0].positions) > len(ranked[1].positions) else None


class DocumentLinker:
    """Resolves one document; ``run()`` returns its actors and places."""

    def __init__(self, doc: Doc, lexicon: Lexicon, dct: date | None):
        self.doc = doc
        self.lexicon = lexicon
        self.dct = dct
        self.actors: dict[str, Actor] = {}
        self.places: dict[tuple[str, str | None, str | None], Place] = {}
        self.persons: dict[str, Person] = {}
        self.taken: set[int] = set()
        texts = [token.text for token in doc]
        self.words = [name_key(text) for text in texts]
        #: words the text writes in lower case: common words, not names
        self.lower_words = {t.lower_ for t in doc if t.is_lower and t.is_alpha}
        self.candidates = collect(doc, lexicon, texts)
        self.countries = {
            c.end: (c.start, c.entry.iso3)
            for c in self.candidates
            if c.entry and c.entry.iso3 and c.label in {"country", "demonym"}
        }
        self.doc_countries = frozenset(iso3 for _, iso3 in self.countries.values())
        # 'State Department spokesman Sean McCormack', 'Kremlin spokesman Peskov': a
        # government's office before a title gives its holder the government's country
        for c in self.candidates:
            office = c.entry.actor if c.entry else None
            if office is not None and office.kind == "government" and office.country:
                self.countries.setdefault(c.end, (c.start, office.country))
        # Words of the full names here: a bare "Valdivia" is then the person, not the city.
        people = [
            name_key(self._text(c)).split()
            for c in self.candidates
            if c.label == "PERSON" or (c.entry and c.entry.actor and c.entry.actor.kind == "person")
        ]
        self.name_words = {word for words in people for word in words[1:]}
        # a hyphenated surname keys to two words: 'Adjei-Boateng' of 'Kofi Adjei-Boateng'
        self.name_words |= {
            " ".join(words[i:]) for words in people for i in range(1, len(words) - 1)
        }

    def run(self) -> tuple[list[Actor], list[Place]]:
        for c in self.candidates:
            if self._mislabelled_place(c):
                c.label = "GPE"
        pending = []
        for c in self.candidates:
            if not self._is_person(c) or not self._add_full_name(c):
                pending.append(c)
        rest = []
        for c in pending:
            if not self._is_person(c) or not self._add_surname(c):
                rest.append(c)
        self._add_untagged_surnames()
        self._add_descriptions()
        self._add_host_countries()
        for c in rest:
            if not any(t in self.taken for t in range(c.start, c.end)):
                self._add_other(c)
        return self._finish()

    def _mislabelled_place(self, c: Candidate) -> bool:
        """A city the NER called a person, group or organisation: "the port of Mombasa"."""
        if c.entry is not None or c.label not in {"PERSON", "NORP", "ORG"} or c.start == 0:
            return False
        if self._named_as_a_place(c):
            return True  # 'the Tovuz district', 'the village of Agok': known or not
        before = self.doc[c.start - 1]
        # 'had been due to visit Goma', 'who visited Bandar Seri Begawan' (tagged a person)
        travel = before.lemma_.lower() in _TRAVEL and before.pos_ == "VERB"
        located = before.lower_ in _LOCATIVE or travel or self._in_place_list(c)
        if not located and not self._city_as_object(c):
            return False
        if c.end < len(self.doc) and self.doc[c.end].text in {"'s", "’s"}:
            return False
        key = name_key(self._text(c))
        if key in self.lexicon.surnames or key in self.name_words:
            return False
        if key.split()[-1] in not_actors():
            return False
        return find_city(self._text(c), self.doc_countries) is not None

    def _named_as_a_place(self, c: Candidate) -> bool:
        """One name (a word, or words joined by hyphens) that a noun tells as a place's
        ('the Karamyk border crossing', 'the Tovuz district', 'the city of Addu'), no name
        of a person the text gives in full, nor a word it writes in lower case."""
        tokens = self.doc[c.start : c.end]
        if any(t.whitespace_ for t in tokens[:-1]) or not tokens[0].is_title:
            return False
        key = name_key(tokens.text)
        if key in self.name_words or tokens.text.lower() in self.lower_words:
            return False
        return named_as_a_place(self.doc, c.start, c.end)

    def _city_as_object(self, c: Candidate) -> bool:
        """'The rebels seized Goma', 'missiles struck Kharkiv': one word the NER called a
        person, the object of a verb, that is a city of a country the article names."""
        token = self.doc[c.start]
        if c.label != "PERSON" or c.end - c.start != 1 or token.dep_ not in _OBJECTS:
            return False
        city = find_city(token.text, self.doc_countries)
        if city is None or city.country not in self.doc_countries:
            return False
        return city_population(city) >= _OBJECT_CITY_POPULATION  # not 'met Carney'

    def _in_place_list(self, c: Candidate) -> bool:
        """Listed among places: 'to Jerusalem, Ramallah, Ho Chi Minh City, Hanoi and Manila'."""
        doc = self.doc
        before = c.start >= 2 and doc[c.start - 1].lower_ in _LIST_MARKS
        after = c.end + 1 < len(doc) and doc[c.end].lower_ in _LIST_MARKS
        return (before and doc[c.start - 2].ent_type_ in _PLACE_LABELS) or (
            after and doc[c.end + 1].ent_type_ in _PLACE_LABELS
        )

    # --- people ---

    def _is_person(self, c: Candidate) -> bool:
        if c.entry is not None:
            return c.entry.actor is not None and c.entry.actor.kind == "person"
        if c.label == "PERSON":
            return True
        key = name_key(self._text(c))
        if c.label not in _PERSON_LIKE:
            return False
        if " " in key:  # only a surname of two words of someone named here
            return "-" in self._text(c) and key in self.name_words
        return key in self.lexicon.surnames or key in self.name_words

    def _add_full_name(self, c: Candidate) -> bool:
        """A dictionary person, or an unknown person named by two or more words."""
        entry = c.entry.actor if c.entry else None
        c = self._strip_title_words(c)
        if entry is None and len(name_key(self._text(c)).split()) < 2:
            return False
        if entry is None and any(ch.isdigit() for ch in self._text(c)):
            return True  # 'GMT-4', '10 Downing': no one's name
        last = name_key(self._text(c)).split()[-1]
        if entry is None and last in _BUILDING_WORDS - _SURNAME_BUILDINGS:
            return True  # 'Edward Avenue', 'the Guest House': a place, no one's name
        one_word = entry is None and " " not in self._text(c).strip()
        if one_word and self._nearest_person(name_key(self._text(c)), c.start) is not None:
            return False  # 'Adjei-Boateng' after 'Kofi Adjei-Boateng': a surname of his
        title = country_of_title(
            self.doc, title_before(self.doc, c.start, self.countries), c.end, self.countries
        )
        if title is None:
            title = title_after(self.doc, c.end, self.countries)
        start = title.start if title and title.end == c.start else c.start
        self._add_person(entry, self._display_name(c), start, c.end, title)
        if (
            title is not None
            and title.end == c.start
            and self.doc[title.start - 1 : title.start].text == ","
        ):
            # 'The Minister for Foreign Affairs, Senator Claire Hollis': the office set off
            # before her form of address is hers too ('The Minister spoke with …')
            office = title_before(self.doc, title.start - 1, self.countries)
            if office is not None:
                self._take_title(self._person(entry, self._display_name(c)), office)
        return True

    def _spelling_variant(self, name: str) -> Person | None:
        """A person already named here under another spelling of the same name: same first
        name, a surname that differs by a letter or two ('Samak Sundaravej' and 'Samak
        Sundarvej' in one article)."""
        words = name_key(name).split()
        if len(words) < 2 or slug(name) in self.persons:
            return None
        for person in self.persons.values():
            other = name_key(person.actor.name).split()
            if len(other) != len(words) or other[:-1] != words[:-1]:
                continue
            a, b = other[-1], words[-1]
            close = SequenceMatcher(None, a, b).ratio() >= SPELLING_RATIO
            if min(len(a), len(b)) >= SPELLING_MIN_LETTERS and close:
                return person
        return None

    def _by_patronymic(self, name: str) -> Person | None:
        """A person already named here by a fuller name that starts with this one, a given
        name and a patronymic ('Jasur Rakhimovich' after 'Jasur Rakhimovich Tursunov')."""
        words = person_key(name).split()
        if len(words) < 2 or not words[-1].endswith(identity_rules().patronymics):
            return None
        for person in self.persons.values():
            other = person_key(person.actor.name).split()
            if len(other) > len(words) and other[: len(words)] == words:
                return person
        return None

    def _add_surname(self, c: Candidate) -> bool:
        """A single name: someone already named here, else a unique dictionary surname."""
        c = self._strip_title_words(c)
        key = name_key(self._text(c))
        person = self._nearest_person(key, c.start)
        title = title_before(self.doc, c.start, self.countries)
        start = title.start if title else c.start
        if person is not None:
            if title is not None:
                self._take_title(person, title)  # 'George W. Bush' … 'President Bush'
            self._mention(person.actor, start, c.end)
            person.positions.append(c.start)
            self.taken.update(range(start, c.end))
            return True
        entry = self._dictionary_surname(key)
        if entry is None and c.label != "PERSON":
            return False
        if entry is None and self._no_name(c, titled=title is not None):
            return True  # not a person, nor anything else the events step may take
        self._add_person(entry, self._display_name(c), start, c.end, title)
        return True

    def _no_name(self, c: Candidate, titled: bool) -> bool:
        """One word the tagger called a person, that no one here is named by and no title
        goes with, and that is no name: a title used alone ('The King will ...', 'CHAIR:'),
        a form's label ('Dates:'), a word the text also writes in lower case ('Host',
        'Question'), a name that qualifies a thing ('Farchana camp', 'Riot police', 'the
        Kosice meeting'), or a city of a country the article names ('on to Praia'), which
        is then a place. After a title only a label of a word the text writes in lower case
        is none ('Foreign Secretary Dates: 5-9 May')."""
        if c.end - c.start != 1:
            return False
        token = self.doc[c.start]
        after = self.doc[c.end] if c.end < len(self.doc) else None
        label = after is not None and after.text == ":"
        if titled:
            return label and token.lower_ in self.lower_words
        before = self.doc[c.start - 1] if c.start > 0 else None
        if before is not None and before.is_title and before.pos_ == "PROPN":
            return False  # 'Emeka Okonjo' with the given name left out by the tagger
        word = token.lower_
        if _title_word(word, vocabulary().words | vocabulary().heads | vocabulary().honorifics):
            return True
        if label or word in self.lower_words or _dateline(token):
            return True
        if (
            after is not None
            and after.is_lower
            and after.pos_ == "NOUN"
            and token.head == after
            and after.lemma_ not in _PEOPLE_HEADS
        ):
            return True
        city = find_city(token.text, self.doc_countries)
        if (
            city is not None
            and city.country in self.doc_countries
            and not used_as_actor(self.doc[c.start : c.end])
            and name_key(token.text) not in self.name_words
        ):
            self._place(city, c.start, c.end)
            return True
        return False

    def _add_untagged_surnames(self) -> None:
        """Surnames the NER missed: of people named here ("Mensah added ..."), else unique
        dictionary surnames ("Trump met Xi", where the tagger took "Trump" for a noun)."""
        last_words = {name_key(p.actor.name.split()[-1]): p for p in self.persons.values()}
        covered = {t for c in self.candidates for t in range(c.start, c.end)} | self.taken
        self._add_untagged_hyphenated(last_words, covered)
        for i, word in enumerate(self.words):
            if i in covered or i in self.taken:
                continue
            if not (word in last_words or word in self.lexicon.surnames):
                continue
            token = self.doc[i]
            if not _could_be_surname(token):
                continue
            person = last_words.get(word)
            if person is None:
                entry = self._dictionary_surname(word)
                if entry is not None:
                    self._add_person(entry, entry.name, i, i + 1, None)
                continue
            title = title_before(self.doc, i, self.countries)
            start = title.start if title else i
            self._mention(person.actor, start, i + 1)
            person.positions.append(i)
            self.taken.update(range(start, i + 1))

    def _add_untagged_hyphenated(self, last_words: dict[str, Person], covered: set[int]) -> None:
        """'Adjei-Boateng' (three tokens, which the NER may call a product) after 'Kofi
        Adjei-Boateng': the hyphenated surname of the person named here."""
        doc = self.doc
        for i in range(len(doc) - 2):
            if doc[i + 1].text != "-" or {i, i + 1, i + 2} & (covered | self.taken):
                continue
            person = last_words.get(name_key(doc[i : i + 3].text))
            if person is None or not (doc[i].is_title and doc[i + 2].is_title):
                continue
            self._mention(person.actor, i, i + 3)
            person.positions.append(i)
            self.taken.update(range(i, i + 3))

    def _strip_title_words(self, c: Candidate) -> Candidate:
        """ "President Xi" as tagged by the NER → "Xi" (the title is found separately); so
        is a title in the plural before names joined by "and" ("Prime Ministers Rauf
        Gasimov and Levan Kapanadze": the NER's "Ministers Rauf Gasimov" is Rauf Gasimov)."""
        start = c.start
        words = vocabulary().words | vocabulary().heads
        if start < c.end - 2 and name_key(self.doc[start].text) in vocabulary().honorifics:
            # an honorific before a title ("H.M. King Zaid II") goes with the title
            start += int(_title_word(self.doc[start + 1].lower_, words))
        while start < c.end - 1 and _title_word(self.doc[start].lower_, words):
            start += 1
        return Candidate(
            start, self._title_end(start, c.end), c.label, c.entry, c.institution, c.country
        )

    def _title_end(self, start: int, end: int) -> int:
        """Where a name ends before a title the tagger ran it into: a signature's 'Zuzana
        Kollarova' over the line 'Minister of Foreign Affairs', which reading joins to the
        name. Title words after two words of name or more, ending in a title's head, that go
        on with 'of' or are two words or more, are no part of the name ('Mary King' keeps
        her name)."""
        vocab = vocabulary()
        cut = end
        while cut - start > 2 and _title_word(self.doc[cut - 1].lower_, vocab.words | vocab.heads):
            cut -= 1
        if cut == end or self.doc[end - 1].lower_ not in vocab.heads:
            return end
        goes_on = end < len(self.doc) and self.doc[end].lower_ == "of"
        return cut if goes_on or end - cut >= 2 else end

    def _nearest_person(self, key: str, position: int) -> Person | None:
        """The person with this name word mentioned closest before (else after) ``position``."""
        best: tuple[int, int, Person] | None = None
        for person in self.persons.values():
            if key not in person.words:
                continue
            for p in person.positions:
                rank = (0, position - p) if p <= position else (1, p - position)
                if best is None or rank < best[:2]:
                    best = (*rank, person)
        return best[2] if best else None

    def _dictionary_surname(self, key: str) -> ActorEntry | None:
        """The one dictionary person with this surname (if several, the one in office)."""
        entries = self.lexicon.surnames.get(key, [])
        if len(entries) > 1:
            entries = [e for e in entries if _in_office(e.role_on(self.dct))]
        return entries[0] if len(entries) == 1 else None

    def _person(self, entry: ActorEntry | None, name: str) -> Person:
        """The document's record of a person, created on first sight."""
        variant = (self._spelling_variant(name) or self._by_patronymic(name)) if not entry else None
        if variant is not None:
            return variant
        actor = self._actor_for(entry, name)
        if actor.id not in self.persons:
            keys = [name_key(n) for n in (entry.names if entry else [name])]
            words = {w for key in keys for w in key.split()}
            # the trailing words together too: a hyphenated surname ('Adjei-Boateng')
            words |= {" ".join(k.split()[i:]) for k in keys for i in range(1, len(k.split()) - 1)}
            self.persons[actor.id] = Person(actor, words, self._roles(entry))
        return self.persons[actor.id]

    def _roles(self, entry: ActorEntry | None) -> set[str]:
        """Roles a title alone may refer to: those held on the DCT (all, without a DCT)."""
        if entry is None:
            return set()
        if self.dct is None:
            return entry.role_names()
        role = entry.role_on(self.dct)
        return {role} if _in_office(role) and role else set()

    def _add_person(
        self, entry: ActorEntry | None, name: str, start: int, end: int, title: Title | None
    ) -> None:
        person = self._person(entry, name)
        actor = person.actor
        if title is not None:
            self._take_title(person, title)
        person.positions.append(start)
        self._mention(actor, start, end)
        self.taken.update(range(start, end))

    def _take_title(self, person: Person, title: Title) -> None:
        """What a title before a name tells of its holder: the roles a title alone may
        later refer to, the role and the country."""
        person.roles.update(vocabulary().roles_denoted(title.role))
        # 'Secretary of State John Kerry … the Secretary will meet': the title's head,
        # not the words after its 'of' ('the State Department' is not Kerry)
        head_words = title.role.split(" of ")[0].split()
        person.roles.update(w for w in head_words if w in vocabulary().heads)
        person.actor.role = person.actor.role or title.role
        person.actor.country = person.actor.country or title.country

    def _actor_for(self, entry: ActorEntry | None, name: str) -> Actor:
        actor_id = entry.id if entry else slug(name)
        if actor_id not in self.actors:
            if entry is not None:
                actor = Actor(
                    entry.id, entry.name, "person", entry.country, entry.role_on(self.dct)
                )
            else:
                actor = Actor(actor_id, name, "person")
            self.actors[actor_id] = actor
        return self.actors[actor_id]

    def _add_descriptions(self) -> None:
        for title in descriptions(self.doc, self.countries, self.taken):
            person = self._described(title)
            if person is not None:
                self._mention(person.actor, title.start, title.end)
                person.positions.append(title.start)
                self.taken.update(range(title.start, title.end))

    def _add_host_countries(self) -> None:
        """A head of state or government whose title gives no country, met in the one country
        the sentence places the meeting in, is of that country: "began his trip today in
        Benin, where he met with President Yayi Boni" (not when the person is a subject: "the
        president arrived in Benin" travels there)."""
        for person in self.persons.values():
            if person.actor.country or not person.roles & _NATIONAL_ROLES:
                continue
            found = {self._host_country(p, person) for p in person.positions}
            if len(found) == 1 and None not in found:
                person.actor.country = found.pop()

    def _host_country(self, position: int, person: Person) -> str | None:
        sentence = self.doc[position].sent
        name = self.doc[position : _name_end(self.doc, position)]
        if any(t.dep_ in _SUBJECTS for t in name):
            return None
        others = {
            p.actor.country
            for p in self.persons.values()
            if p is not person and any(sentence.start <= i < sentence.end for i in p.positions)
        }
        named = [
            (first, iso3)
            for after, (first, iso3) in self.countries.items()
            if sentence.start <= first and after <= sentence.end and iso3 not in others
        ]
        hosts = {iso3 for first, iso3 in named if self.doc[first].head.lower_ == "in"}
        return hosts.pop() if len(hosts) == 1 and {iso3 for _, iso3 in named} == hosts else None

    def _described(self, title: Title) -> Person | None:
        """The one person in the document (else in the dictionary) a title alone fits."""
        denoted = set(vocabulary().roles_denoted(title.role))
        fits = [
            p
            for p in self.persons.values()
            if p.roles & denoted and (title.country is None or p.actor.country == title.country)
        ]
        if len(fits) == 1:
            return fits[0]
        if len(fits) > 1:
            return _most_named(fits)
        if title.country is None:
            return None
        holder = self._role_holder(title.country, vocabulary().roles_denoted(title.role))
        return None if holder is None else self._person(holder, holder.name)

    def _role_holder(self, country: str, roles: tuple[str, ...]) -> ActorEntry | None:
        """The dictionary person holding the first of ``roles`` that has one holder on the DCT
        ("the Chinese leader" → the head of state, before the head of government)."""
        people = [e for e in self.lexicon.actors if e.kind == "person" and e.country == country]
        for role in roles:
            holders = [e for e in people if e.role_on(self.dct) == role]
            if len(holders) == 1:
                return holders[0]
            if holders:
                return None
        return None

    # --- countries, organisations, places ---

    def _add_other(self, c: Candidate) -> None:
        if c.label == "institution" and c.institution:
            self._add_institution(c)
        elif c.entry is not None and c.entry.actor is not None:
            entry = c.entry.actor
            actor = self._actor(entry.id, entry.name, entry.kind, entry.country)
            actor.role = actor.role or entry.role_on(self.dct)
            self._mention(actor, c.start, c.end)
        elif c.entry is not None:
            self._add_geo(c)
        elif c.label == "ORG":
            self._add_organisation(c)
        elif c.label in {"GPE", "LOC", "FAC"}:
            self._add_named_place(c)

    def _add_institution(self, c: Candidate) -> None:
        assert c.institution is not None
        iso3, what = c.institution
        actor_id = f"{iso3.lower()}-{what.suffix}"
        known = self.lexicon.by_id.get(actor_id)
        name = known.name if known else what.name.format(country=self._country_name(iso3))
        actor = self._actor(actor_id, name, what.kind, iso3)
        actor.role = actor.role or what.role
        self._mention(actor, c.start, c.end)

    def _add_geo(self, c: Candidate) -> None:
        entry = c.entry
        assert entry is not None
        if entry.kind in {"country", "demonym"} and entry.iso3:
            self._mention(self._country(entry.iso3), c.start, c.end)
            if entry.kind == "country":
                point = GeoPoint(self._country_name(entry.iso3), entry.iso3, None, None, "country")
                self._place(point, c.start, c.end)
        elif entry.kind == "capital" and entry.iso3:
            self._add_capital(c, entry.iso3)
        elif entry.kind == "region" and entry.region:
            self._place(entry.region, c.start, c.end)

    def _add_capital(self, c: Candidate, iso3: str) -> None:
        """A capital is a place, and the country too where it acts ("Pyongyang said")."""
        other = find_city(self._text(c), self.doc_countries)
        if other and other.country != iso3 and other.country in self.doc_countries:
            self._place(other, c.start, c.end)  # "Tripoli" in an article about Lebanon
            return
        capital = find_capital(self._text(c), iso3)
        if capital is not None:
            self._place(capital, c.start, c.end)
        if used_as_actor(self.doc[c.start : c.end]):
            self._mention(self._country(iso3), c.start, c.end)

    def _add_organisation(self, c: Candidate) -> None:
        name = self._display_name(c)
        words = [w for w in name_key(name).split() if not w.isdigit()]
        if not words or words[-1] in not_actors():
            return  # also 'GMT-4', a time zone
        if self._city_after_preposition(c, name) or self._building_after_preposition(c, words):
            return
        named = self._body_named_before(c, name)
        if named is not None:
            self._mention(named, c.start, c.end)
            return
        if self._no_body(c):
            return
        country = c.country or self._country_before(c.start)
        actor = self._actor(slug(name), name, "organisation", country)
        self._mention(actor, c.start, c.end)

    def _no_body(self, c: Candidate) -> bool:
        """What the tagger called an organisation that names none: a description in lower
        case ('a navy spokesman', 'Chinese coast guard ships'; not a body's head word:
        'its defence ministry'), a title ('the Chair', 'Indonesia's Minister of Industry'), or
        one word that is a form's label ('VENUE:'), a dateline's city ('ADRE, Chad -') or that
        the text also writes in lower case ('the two Governments', 'Media reports')."""
        tokens = [t for t in self.doc[c.start : c.end] if t.is_alpha]
        while tokens and tokens[-1].is_stop:
            tokens.pop()  # 'Ministry of Foreign Affairs of' as tagged before 'Norway'
        if not tokens or (c.end - c.start == 1 and _dateline(tokens[0])):
            return True
        if tokens[-1].is_lower and tokens[-1].lower_ not in BODY_HEADS:
            return True  # not 'its defence ministry', which the events step gives a country
        if (
            _title_word(tokens[0].lower_, vocabulary().heads)
            and tokens[0].lower_ != "government"  # 'the Government of Jamaica'
            and tokens[-1].lower_ not in BODY_HEADS
        ):
            return True
        if len(tokens) > 1:
            return False  # 'Parliament of Ireland: written statement' heads its document
        label = c.end < len(self.doc) and self.doc[c.end].text == ":"
        return label or tokens[0].lower_ in self.lower_words

    def _body_named_before(self, c: Candidate, name: str) -> Actor | None:
        """'the Commission' after 'the Workplace Relations Commission', 'the Union' after
        'the Free Union of Transport Workers': one capitalised word after 'the' that is the
        head word of a body the text named in full before is that body (the latest named)."""
        if " " in name or name.isupper() or c.start == 0 or self.doc[c.start - 1].lower_ != "the":
            return None
        word = name_key(name)
        here = self.doc[c.start].idx
        best: tuple[int, Actor] | None = None
        for actor in self.actors.values():
            if actor.kind not in _BODY_KINDS or _head_word(actor.name) != word:
                continue
            earlier = [a for a, _ in actor.mentions if a < here]
            if earlier and (best is None or max(earlier) > best[0]):
                best = (max(earlier), actor)
        return best[1] if best else None

    def _city_after_preposition(self, c: Candidate, name: str) -> bool:
        """A one-word 'organisation' the tagger found after a preposition of place or a verb
        of travel, that the gazetteer knows as a city, is that city ('marched through
        Tacna', 'is due to visit Nuuk')."""
        if c.end - c.start != 1 or c.start == 0:
            return False
        before = self.doc[c.start - 1]
        if before.lower_ not in _PLACE_PREPOSITIONS and before.lemma_.lower() not in _TRAVEL:
            return False
        point = find_city(name, self.doc_countries)
        if point is None:
            return False
        self._place(point, c.start, c.end)
        return True

    def _building_after_preposition(self, c: Candidate, words: list[str]) -> bool:
        """'held talks at La Moneda'-like names of buildings: one whose last word is a
        building's ('at Jubilee House', 'at the Equatorial Convention Centre') after a
        preposition of place is where something happens, not who does it ('Kensington
        Palace denied' still speaks)."""
        if words[-1] not in _BUILDING_WORDS or c.start == 0:
            return False
        before = self.doc[c.start - 1]
        if before.lower_ == "the" and c.start > 1:
            before = self.doc[c.start - 2]
        return before.lower_ in _PLACE_PREPOSITIONS

    def _country_before(self, start: int) -> str | None:
        """ "Ghana's Cocoa Board", "the Kenyan Red Cross" → the country."""
        if start in self.countries:
            return self.countries[start][1]
        if start > 0 and self.doc[start - 1].text in {"'s", "’s"} and start - 1 in self.countries:
            return self.countries[start - 1][1]
        return None

    def _add_named_place(self, c: Candidate) -> None:
        name = self._display_name(c)
        point: GeoPoint | None = load_regions().get(name_key(name))
        if point is None and c.label != "FAC":
            point = find_city(name, self.doc_countries) or find_us_state(name)
        if point is None and name_key(name) in _DIRECTIONS:
            return
        if point is None:  # kept without coordinates: the events step may still need it
            point = GeoPoint(name, c.country, None, None, "facility" if c.label == "FAC" else "")
        self._place(point, c.start, c.end)

    # --- building the output ---

    def _text(self, c: Candidate) -> str:
        return self.doc[c.start : c.end].text

    def _display_name(self, c: Candidate) -> str:
        """The name as written, without a nickname quoted inside it ('Emeka "E.D." Nwosu'
        is Emeka Nwosu)."""
        text = " ".join(_NICKNAME.sub(" ", self._text(c)).replace(" - ", "-").split())
        return text.title() if text.isupper() and len(text) > 5 else text

    def _country_name(self, iso3: str) -> str:
        info = load_countries().get(iso3)
        return info.name if info else iso3

    def _country(self, iso3: str) -> Actor:
        return self._actor(iso3, self._country_name(iso3), "country", iso3)

    def _actor(self, actor_id: str, name: str, kind: str, country: str | None) -> Actor:
        if actor_id not in self.actors:
            self.actors[actor_id] = Actor(actor_id, name, kind, country)
        return self.actors[actor_id]

    def _mention(self, actor: Actor, start: int, end: int) -> None:
        span = self.doc[start:end]
        if len(span) and (span.start_char, span.end_char) not in actor.mentions:
            actor.mentions.append((span.start_char, span.end_char))

    def _place(self, point: GeoPoint, start: int, end: int) -> None:
        key = (point.name, point.country, point.kind or None)
        if key not in self.places:
            lat, lon = point.lat, point.lon
            self.places[key] = Place(point.name, point.country, lat, lon, point.kind or None)
        span = self.doc[start:end]
        self.places[key].mentions.append((span.start_char, span.end_char))

    def _finish(self) -> tuple[list[Actor], list[Place]]:
        actors = [a for a in self.actors.values() if a.mentions]
        for actor in actors:
            actor.mentions.sort()
        for place in self.places.values():
            place.mentions.sort()
        actors.sort(key=lambda a: a.mentions[0])
        places = sorted(self.places.values(), key=lambda p: p.mentions[0])
        return actors, places


#: kinds of actor a body's short name ('the Commission') may stand for
_BODY_KINDS = frozenset({"organisation", "government", "group"})


def _head_word(name: str) -> str | None:
    """The head word of a body's name of two words or more: the last ('Workplace Relations
    Commission'), or the one before its first 'of' or 'for' ('Free Union of Transport
    Workers'); None for a one-word name."""
    words = name_key(name).split()
    if len(words) < 2:
        return None
    cut = next((i for i, w in enumerate(words) if w in {"of", "for"}), len(words))
    return words[cut - 1] if cut > 0 else None


def _name_end(doc: Doc, start: int) -> int:
    """The end of a mention's run of title and name words from ``start``."""
    end = start
    while end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].lower_ in vocabulary().words):
        end += 1
    return max(end, start + 1)


def _dateline(token: Token) -> bool:
    """A word in capitals opening a line before a comma: a dateline's city ('ADRE, Chad
    -')."""
    doc = token.doc
    opens = token.i == 0 or "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return opens and token.is_upper and after is not None and after.text == ","


def _in_office(role: str | None) -> bool:
    return role is not None and not role.startswith("former ")


def _could_be_surname(token: Token) -> bool:
    """Capitalised and a proper noun, or a capitalised subject or object at a sentence start."""
    if not (token.is_title or token.is_upper):
        return False
    if token.pos_ == "PROPN" or token.is_upper:
        return True
    return bool(token.is_sent_start) and token.pos_ == "NOUN" and token.dep_ in _NAME_DEPS


def used_as_actor(span: Span) -> bool:
    """A place name acting as its government: subject, possessor or agent of an act."""
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ in _ACTOR_DEPS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in _ACTOR_PREPOSITIONS


@lru_cache(maxsize=1)
def not_actors() -> frozenset[str]:
    """Last words of organisation-like names that are events or texts (not_actors.txt)."""
    lines = (RESOURCES / "not_actors.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def link(doc: Doc, lexicon: Lexicon, dct: date | None) -> tuple[list[Actor], list[Place]]:
    """Actors and places of one parsed document."""
    return DocumentLinker(doc, lexicon, dct).run()
