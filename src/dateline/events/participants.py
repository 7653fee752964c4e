"""Map tokens to actors and places, and resolve noun phrases and pronouns to them.

Works from the char-offset mentions in ``doc._.actors`` / ``doc._.places``, so it
needs nothing from the actors step beyond its output. When that step has not
run (a bare spaCy pipeline), :func:`fallback_actors` builds a rough list from
the named-entity tags so that events still get participants.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from dateline.actors.mentions import FORMS_OF_ADDRESS
from dateline.events.tree import THE, is_definite
from dateline.model import Actor, Event, Place

if TYPE_CHECKING:
    from dateline.events.mention import Mention
    from dateline.events.voice import Voices

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
FIRST_PERSON = {"we", "us", "our", "ours", "i", "me", "my"}
SECOND_PERSON = {"you", "your", "yours", "yourself"}
NP_CHILD_DEPS = ("appos", "compound", "poss", "nmod", "amod")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
STATE_NOUNS = {
    "ministry",
    "government",
    "administration",
    "cabinet",
    "embassy",
    # 'the presidential palace said', 'the chancellery said on Thursday'
    "presidency",
    "chancellery",
    "palace",
}
SALIENCE_WINDOW = 600  # characters: about two sentences


@dataclass(frozen=True)
class Ref:
    """A participant found in the text: an actor, or a place standing for its country."""

    id: str
    kind: str  # person | organisation | country | government | group | place
    country: str | None
    start: int  # char offset of the mention, for recency and ordering
    place: Place | None = None
    role: str | None = None


@dataclass
class MentionIndex:
    """Token → actor / place lookups for one Doc."""

    doc: Doc
    token_actor: dict[int, Actor] = field(default_factory=dict)
    token_place: dict[int, Place] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)
    ordered: list[tuple[int, Actor]] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)  # paragraph number of each token
    subjects: set[int] = field(default_factory=set)  # starts of mentions that are subjects
    journalists: set[str] = field(default_factory=set)  # ids of the article's reporters
    described: set[str] = field(default_factory=set)  # people the text never names
    bodies: dict[str, bool] = field(default_factory=dict)  # ids of state bodies, read once

    def ref_of(self, actor: Actor, start: int, place: Place | None = None) -> Ref:
        """The participant an actor's mention stands for: a person the text only describes
        by office ('Ghana's president', 'the Chinese leader'), whom the actor dictionary
        names, takes part as the country: the text itself names nobody."""
        if actor.id in self.described and actor.country:
            return Ref(actor.country, "country", actor.country, start, place)
        return actor_ref(actor, start, place)

    def is_body(self, actor: Actor) -> bool:
        """Whether an actor is a state body named without its country ('the Senate', 'the
        Ministry of Labour', 'Congress'), not the short name of a body the text names in
        full ('the European Parliament' … 'Parliament')."""
        if actor.kind not in ("organisation", "government") or actor.country:
            return False
        if actor.id not in self.bodies:
            body = is_state_body(actor.name) and not self._body_named_in_full(actor.name)
            self.bodies[actor.id] = body
        return self.bodies[actor.id]

    def _body_named_in_full(self, name: str) -> bool:
        key = name.lower().removeprefix("the ").strip()
        return any(
            a.name.lower().endswith(" " + key) and a.name.lower() != key for _, a in self.ordered
        )

    def placed_in(self, start: int) -> str | None:
        """The one country of the places an 'in' phrase gives the body at ``start``: one
        on its own name, or one opening its clause ('In Mozambique, the Senate …')."""
        from dateline.events.tree import token_at

        token = token_at(self.doc, start)
        if token is None:
            return None
        head = token
        while head.dep_ in ("compound", "amod") and head.head.i != head.i:
            head = head.head
        verb = head.head if head.dep_ in SUBJECT_DEPS else None
        found = set()
        for prep in token.sent:
            if prep.lower_ != "in" or prep.dep_ != "prep":
                continue
            if not (
                prep.head == head or (verb is not None and prep.head == verb and prep.i < token.i)
            ):
                continue
            for word in prep.children:
                where = self.ref(word) if word.dep_ == "pobj" else None
                if where is not None and where.country:
                    found.add(where.country)
        return found.pop() if len(found) == 1 else None

    @cached_property
    def home_country(self) -> str | None:
        """The country an article reports from: its wire dateline's, its issuing body's
        (not an embassy's: 'Security Alert - U.S. Embassy Lima' tells of Peru's ministry),
        else the one country it names, by name or as the country of a person or government
        ('Norwegian Foreign Minister Ingrid Dahl … Argentina' names two)."""
        if self.dateline_country:
            return self.dateline_country
        if self.issuer is not None and self.issuer[1] != "embassy":
            return self.issuer[0]
        named = {
            a.country
            for _, a in self.ordered
            if a.kind in ("country", "person", "government") and a.country
        }
        return named.pop() if len(named) == 1 else None

    @cached_property
    def voices(self) -> Voices:
        """Who speaks in a transcript's paragraphs (dateline.events.voice), read once."""
        from dateline.events.layout import paragraphs
        from dateline.events.voice import read_voices

        people = list({a.id: a for _, a in self.ordered if _may_speak(a)}.values())
        return read_voices(self.doc, people, paragraphs(self.doc.text))

    def actor_by_id(self, ident: str) -> Actor | None:
        """The actor of the text with this id."""
        return next((a for _, a in self.ordered if a.id == ident), None)

    def voice(self, token: Token) -> Ref | None:
        """Who 'I', 'we' or 'you' stands for in a transcript's paragraph."""
        if token.lower_ in SECOND_PERSON and _asked(token):
            return None  # 'Can you confirm …?' asks; it says nothing the one asked did
        person = self.voices.of(token.idx, token.lower_)
        actor = self.actor_by_id(person) if person is not None else None
        return self.ref_of(actor, token.idx) if actor is not None else None

    @cached_property
    def genders(self) -> dict[str, str]:
        """'f' or 'm' for the people the text shows to be one (read once): an honorific
        before a name ('Mrs. Clinton'), or the pronouns that follow a person named as a
        sentence's subject before anybody else is named ('Rice will send her deputy'), in
        two sentences or more and never the other way."""
        return _read_genders(self)

    @cached_property
    def dateline_country(self) -> str | None:
        """The country of the article's wire dateline or correspondent's city, if any."""
        from dateline.events.scene import dateline_city

        city = dateline_city(self.doc.text)
        return city.country if city is not None else None

    @cached_property
    def issuer(self) -> tuple[str, str] | None:
        """The country of the government body a document comes from, and that body's word,
        when its first paragraph (its header) names one: 'Security Alert - U.S. Embassy
        Lima', 'Ministry of Foreign Affairs of Japan', 'EMBASSY OF INDIA', 'UK Parliament'."""
        from dateline.events.layout import paragraphs

        blocks = paragraphs(self.doc.text)
        if not blocks:
            return None
        end = blocks[0][1]
        text = self.doc.text
        header = [(start, actor) for start, actor in self.ordered if start < end]
        for n, (start, actor) in enumerate(header):
            said = next((text[a:b] for a, b in actor.mentions if a == start), actor.name)
            words = set(re.findall(r"[a-z]+", said.lower()))
            body = next((w for w in ISSUING_BODIES if w in words), None)
            if actor.kind == "government" and actor.country:
                return actor.country, body or "government"
            if body is None:
                continue
            if actor.kind in ("organisation", "government") and actor.country:
                return actor.country, body
            # 'EMBASSY OF INDIA', 'Ministry of Foreign Affairs of Japan': the country after
            if n + 1 < len(header):
                after, country = header[n + 1]
                gap = text[start + len(said) : after].strip().lower()
                if country.kind == "country" and country.country and gap in ("", "of", "of the"):
                    return country.country, body
        return None

    @cached_property
    def datelines(self) -> list[tuple[int, Place]]:
        """A round-up's datelines with their offsets, else the article's one dateline."""
        from dateline.events.scene import dateline_city, dateline_sections

        sections = dateline_sections(self.doc.text)
        city = dateline_city(self.doc.text) if not sections else None
        return sections or ([(0, city)] if city is not None else [])

    def home_place(self, offset: int) -> Place | None:
        """Where the text reports from at ``offset``: its item's dateline ('here')."""
        before = [place for start, place in self.datelines if start <= offset]
        return before[-1] if before else None

    def same_block(self, a: Token, b: Token) -> bool:
        """Both tokens in one paragraph (the parser sometimes links across blank lines)."""
        return not self.blocks or self.blocks[a.i] == self.blocks[b.i]

    def actor(self, token: Token) -> Actor | None:
        return self.token_actor.get(token.i)

    def place(self, token: Token) -> Place | None:
        return self.token_place.get(token.i)

    def ref(self, token: Token) -> Ref | None:
        """The participant a token names directly (no pronoun or phrase resolution)."""
        actor, place = self.actor(token), self.place(token)
        if actor is not None:
            return self.ref_of(actor, token.idx, place)
        if place is not None:
            return Ref(place.country or place.name, "place", place.country, token.idx, place)
        return None

    def latest_subject(
        self, offset: int, window: int = SALIENCE_WINDOW, exclude: frozenset[str] = frozenset()
    ) -> Ref | None:
        """The latest person mentioned as a subject shortly before ``offset`` ('He' then
        means the one the text was about, not the last name it happened to mention)."""
        for start, actor in reversed(self.ordered[: bisect.bisect_left(self.starts, offset)]):
            if start < offset - window:
                break
            if actor.kind == "person" and start in self.subjects and actor.id not in exclude:
                return self.ref_of(actor, start)
        return None

    def before(
        self, offset: int, kinds: set[str] | None = None, exclude: frozenset[str] = frozenset()
    ) -> list[Ref]:
        """Actors mentioned before ``offset``, most recent first, one per actor."""
        seen: set[str] = set(exclude)
        refs = []
        for start, actor in reversed(self.ordered[: bisect.bisect_left(self.starts, offset)]):
            if actor.id in seen or (kinds and actor.kind not in kinds):
                continue
            seen.add(actor.id)
            refs.append(self.ref_of(actor, start))
        return refs


#: words of an organisation's name: a name without them that the tagger called an
#: organisation may be a person's ('Ingrid Solvik')
ORGANISATION_WORDS = {
    "ministry", "council", "party", "union", "bank", "agency", "group", "committee",
    "organisation", "organization", "association", "company", "corporation", "commission",
    "court", "parliament", "assembly", "office", "service", "institute", "university",
    "times", "post", "news", "press", "radio", "television", "tv", "ledger", "journal",
    "herald", "gazette", "tribune", "monitor", "wire", "forum", "fund", "authority",
    "department", "front", "movement", "army", "force", "forces", "police", "government",
    "cabinet", "interview", "state", "house", "federation", "republic", "people",
}  # fmt: skip


def _may_speak(actor: Actor) -> bool:
    """A person, or a name of two or three capitalised words with no word of an
    organisation's that the tagger took for one: who may answer an interview."""
    if actor.kind == "person":
        return True
    words = actor.name.split()
    return (
        actor.kind == "organisation"
        and 2 <= len(words) <= 3
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and not {w.lower() for w in words} & ORGANISATION_WORDS
    )


_SENTENCE_END = re.compile(r"[.?!]")


def _asked(token: Token) -> bool:
    """The token stands in a question: the first stop after it is a question mark."""
    end = _SENTENCE_END.search(token.doc.text, token.idx)
    return end is not None and end.group() == "?"


FEMININE = {"she", "her", "hers", "herself"}
MASCULINE = {"he", "him", "his", "himself"}
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "sir": "m"}


def _read_genders(index: MentionIndex) -> dict[str, str]:
    doc, text = index.doc, index.doc.text
    decided: dict[str, str] = {}
    votes: dict[str, list[str]] = {}
    for start, actor in index.ordered:
        if actor.kind != "person":
            continue
        before = text[max(0, start - 6) : start].strip().rstrip(".").split()
        if before and before[-1].lower() in HONORIFICS:
            decided.setdefault(actor.id, HONORIFICS[before[-1].lower()])
    for sent in doc.sents:
        lo = bisect.bisect_left(index.starts, sent.start_char)
        hi = bisect.bisect_left(index.starts, sent.end_char)
        named = [(st, a) for st, a in index.ordered[lo:hi] if a.kind == "person"]
        if not named or named[0][0] not in index.subjects:
            continue
        # the pronouns after the sentence's subject and before anybody else is named
        first = named[0][1].id
        until = next((st for st, a in named if a.id != first), sent.end_char)
        after = [t.lower_ for t in sent if named[0][0] < t.idx < until]
        said = {"f" for w in after if w in FEMININE} | {"m" for w in after if w in MASCULINE}
        if len(said) == 1:
            votes.setdefault(named[0][1].id, []).append(said.pop())
    for ident, told in votes.items():
        f, m = told.count("f"), told.count("m")
        if ident not in decided and f + m >= 2 and (f == 0 or m == 0):
            decided[ident] = "f" if f else "m"
    return decided


def _other_gender(token: Token, index: MentionIndex) -> frozenset[str]:
    """Ids of the people a 'she' or a 'his' does not stand for: the other gender's; for
    'she', everybody but the women the text shows, when it shows any."""
    word = token.lower_
    genders = index.genders
    if word in MASCULINE:
        return frozenset(i for i, g in genders.items() if g == "f")
    if word not in FEMININE:
        return frozenset()
    women = {i for i, g in genders.items() if g == "f"}
    if not women:
        return frozenset(i for i, g in genders.items() if g == "m")
    # the news names more men than women: a woman the text shows to be one is who 'she'
    # means, before a man of whom it says nothing
    return frozenset(a.id for _, a in index.ordered if a.kind == "person" and a.id not in women)


#: a country's own bodies, named without the country ('the Senate', 'Congress', 'the
#: Ministry of Labour', 'the defence ministry'): the country they belong to takes part
STATE_BODY = re.compile(
    r"^(?:the\s+)?(?:senate|congress|national\s+congress|national\s+assembly|parliament|"
    r"cabinet|government|presidency|federation\s+council|state\s+council|"
    r"constituent\s+assembly|assembly\s+of\s+the\s+republic|"
    r"department\s+of\s+foreign\s+affairs|ministry\s+(?:of|for)\s+[a-z ,&-]+|"
    r"[a-z]+\s+ministry)$",
    re.IGNORECASE,
)


def is_state_body(name: str) -> bool:
    """Whether a name is a country's body named without the country."""
    return bool(STATE_BODY.match(name.strip())) and not name.strip().lower().endswith(" of")


def actor_ref(actor: Actor, start: int, place: Place | None = None) -> Ref:
    """Countries are referred to by ISO3 code, everything else by actor id."""
    ident = actor.country if actor.kind == "country" and actor.country else actor.id
    return Ref(ident, actor.kind, actor.country, start, place, actor.role)


def build_index(doc: Doc, actors: list[Actor], places: list[Place]) -> MentionIndex:
    """Index the mentions of ``actors`` and ``places`` by token."""
    index = MentionIndex(doc)
    for actor in actors:
        journalist = _journalist(doc, actor)
        if journalist:
            index.journalists.add(actor.id)
        for start, end in actor.mentions:
            tokens = _tokens(doc, start, end)
            tokens += _name_suffix(doc, tokens)
            for token in tokens:
                index.token_actor.setdefault(token.i, actor)
            if journalist:
                continue  # 'VOA's Paula Wolfson reports …': never what 'he' or 'his' means
            index.ordered.append((start, actor))
            if tokens and _is_subject(tokens):
                index.subjects.add(start)
    for place in places:
        for start, end in place.mentions:
            for token in _tokens(doc, start, end):
                index.token_place.setdefault(token.i, place)
    index.ordered.sort(key=lambda item: item[0])
    index.starts = [start for start, _ in index.ordered]
    index.described = {a.id for a in actors if _only_described(doc.text, a)}
    return index


def _only_described(text: str, actor: Actor) -> bool:
    """A person none of whose mentions holds a word of their name: the text calls them only
    by office ('the president', 'Ghana's president'), and the dictionary put the name."""
    if actor.kind != "person" or not actor.mentions:
        return False
    names = {w for w in re.split(r"[^\w]+", actor.name.lower()) if len(w) > 1}
    return not any(
        names & set(re.split(r"[^\w]+", text[start:end].lower())) for start, end in actor.mentions
    )


#: words that introduce the reporter of a story ('VOA White House correspondent X')
JOURNALIST_WORDS = {"correspondent", "reporter", "correspondents", "reporters"}


def _journalist(doc: Doc, actor: Actor) -> bool:
    """A person the article introduces as its reporter: 'correspondent X', 'X reports
    (from …)', 'X has the story'."""
    if actor.kind != "person":
        return False
    for start, end in actor.mentions:
        tokens = _tokens(doc, start, end)
        if not tokens:
            continue
        # 'By our Energy Correspondent' on a line above the lead names no one: the word
        # must stand by the name on its own line ('VOA correspondent Paula Wolfson')
        before = [
            t
            for t in doc[max(0, tokens[0].i - 2) : tokens[0].i]
            if "\n" not in doc.text[t.idx : start]
        ]
        if any(t.lower_ in JOURNALIST_WORDS for t in [*before, *tokens]):
            return True
        line_start = doc.text.rfind("\n", 0, start) + 1
        if doc.text[line_start:start].strip() in ("By", "BY", "by"):
            return True  # a byline: 'By Karim Benali' on a line of its own
        root = _root(tokens)
        verb = root.head
        if actor.role or root.dep_ != "nsubj" or verb.tag_ not in ("VBZ", "VBP"):
            continue  # 'Putin reports that …' is a head of state speaking
        if verb.lemma_ == "report":
            return True
        if verb.lemma_ == "have" and any(c.lemma_ == "story" for c in verb.children):
            return True
    return False


#: generational suffixes written after a name ('Joseph R. Biden, Jr.'): the parser often
#: makes the suffix the head of the name, so it stands for the person
NAME_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}


def _name_suffix(doc: Doc, tokens: list[Token]) -> list[Token]:
    """The ', Jr.' after a person's mention, which belongs to the name."""
    if not tokens:
        return []
    after = tokens[-1].i + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    if after < len(doc) and doc[after].lower_ in NAME_SUFFIXES:
        return list(doc[tokens[-1].i + 1 : after + 1])
    return []


def _root(tokens: list[Token]) -> Token:
    """The token of a mention highest in the parse."""
    return min(tokens, key=lambda t: len(list(t.ancestors)))


def _is_subject(tokens: list[Token]) -> bool:
    root = _root(tokens)
    if root.dep_ in SUBJECT_DEPS:
        return True
    if root.dep_ in ("appos", "compound", "conj") and root.head.dep_ in SUBJECT_DEPS:
        return True
    return _speaker_without_subject(tokens[-1])


def _speaker_without_subject(last: Token) -> bool:
    """'…, Chilean Foreign Minister Antonia Rebolledo told reporters': a name right before a
    verb of saying that the parser left without a subject is who speaks."""
    doc = last.doc
    verb = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        verb is not None
        and verb.lemma_.lower() in REPORTING_LEMMAS
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def resolve(token: Token, index: MentionIndex, depth: int = 0) -> list[Ref]:
    """Participants a noun phrase headed by ``token`` denotes, with its conjuncts."""
    refs = _resolve_one(token, index, depth)
    for child in token.children:
        if child.dep_ == "conj":
            refs.extend(r for r in resolve(child, index, depth) if r not in refs)
        elif child.dep_ in ("nmod", "compound") and any(c.dep_ == "cc" for c in child.children):
            # 'Putin and Chinese President Xi Jinping': the parser may hang the first
            # conjunct on the second name as a modifier
            direct = index.ref(child)
            if direct is not None and direct not in refs:
                refs.insert(0, direct)
    return refs


def _resolve_one(token: Token, index: MentionIndex, depth: int) -> list[Ref]:
    joint = _joint_body(token, index)
    if joint:
        return joint
    direct = index.ref(token)
    if direct is not None:
        return _countrys_body(token, direct, index) or _titled(token, direct, index) or [direct]
    lower = token.lower_
    if lower in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
        return resolve_pronoun(token, index)
    if lower in FORMS_OF_ADDRESS and _standing_alone(token):
        # 'His Majesty will travel to Seville': the person the text last named
        return index.before(token.idx, {"person"})[:1]
    if lower in FIRST_PERSON | SECOND_PERSON:
        spoken = index.voice(token)  # 'I will be in Beijing' in an interview's answer
        return [spoken] if spoken is not None else _issuers_voice(token, index)
    group = resolve_group(token, index)
    if group:
        return group
    if depth >= 2:
        return []
    agentive = token.pos_ == "PROPN" or token.lemma_.lower() in agent_nouns()
    for dep in NP_CHILD_DEPS:
        if dep != "appos" and not agentive:
            continue  # 'Cuba experts said' is not Cuba speaking; 'Cuban officials' is
        for child in token.children:
            if child.dep_ == dep:
                # 'Bolivian and Chilean negotiators': the modifier's conjuncts too
                found = resolve(child, index, depth + 1)
                if found:
                    return _state_of(token, child, found, index)
    led = _led_by(token, index, depth)
    if led:
        return led  # 'the delegation led by Nguyen Van Thanh', 'a team headed by the minister'
    preps = ("of", "in", "from") if agentive else ("of",)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (found := resolve(pobj, index, depth + 1)):
                    if child.lower_ == "of":
                        found = _staff_of(token, found, index)
                    return found  # not 'the Minister of Labour', which names no one
    named = _named_before(token, index)
    if named:  # 'the ministry' after 'the Foreign Ministry said' of a Santiago wire
        return _countrys_body(token, named[0], index) or named
    return _office_holder(token, index) or _leaders_state(token, index)


#: offices a country has one holder of: 'the Prime Minister' alone is that country's
NATIONAL_OFFICES = {
    "president", "minister", "premier", "chancellor", "king", "queen", "secretary",
    "taoiseach", "emir", "sultan", "monarch",
}  # fmt: skip


def _office_holder(token: Token, index: MentionIndex) -> list[Ref]:
    """'The Namibian President has called off his visit … The President last visited
    Gaborone', 'OTTAWA - … the Prime Minister will meet': an office holder the text calls
    only by a bare title ('the President', 'The development minister') is the holder of that
    office the text gave a country before (the latest such mention), else, for a national
    office, of the country the article reports from. Nobody is named: the country takes
    part."""
    words = _office_words(token)
    if words is None:
        return []
    text = token.doc.text
    holders = list(_office_holders(token, words, index))
    if len({r.id for r in holders if r is not None and r.kind == "person"}) > 1:
        return []  # two named presidents before 'the president': the text does not tell
    if holders:
        # the latest holder; none when that one is named, of no country the text gives
        return [holders[0]] if holders[0] is not None else []
    if not text:
        return []
    if token.lemma_.lower() not in NATIONAL_OFFICES:
        return _issuers_office(token, index)  # 'The Ambassador' of an embassy's notice
    acted = _country_before(token, index)
    if acted is not None:
        return [Ref(acted, "country", acted, token.idx)]
    home = index.home_place(token.idx)
    code = home.country if home is not None else None
    return [Ref(code, "country", code, token.idx)] if code else _issuers_office(token, index)


def _issuers_office(token: Token, index: MentionIndex) -> list[Ref]:
    """'Ministry of Foreign Affairs of Japan … A visit to Chile by the Prime Minister',
    'U.S. Embassy Lima … The Ambassador's planned trip': in a document a government body
    issues, an office the text gives no holder or country is the issuing country's (an
    embassy's ambassador is its own head)."""
    if index.issuer is None:
        return []
    code, body = index.issuer
    office = token.lemma_.lower()
    if office not in NATIONAL_OFFICES and OWN_HEADS.get(body) != office:
        return []
    return [Ref(code, "country", code, token.idx)]


def _issuers_voice(token: Token, index: MentionIndex) -> list[Ref]:
    """'UK Parliament … Made by: The Secretary of State … My visit to Beijing has been
    postponed': outside a quotation, the 'I' of a document a government body issues speaks
    for the issuing country."""
    if token.lower_ not in SINGULAR_FIRST_PERSON or index.issuer is None:
        return []
    before = token.doc.text[token.sent.start_char : token.idx]
    if sum(before.count(q) for q in QUOTE_MARKS) % 2:
        return []  # "My visit …", she said: the one quoted speaks
    code = index.issuer[0]
    return [Ref(code, "country", code, token.idx)]


#: the first person a document's author writes in ('We' may be the body and others)
SINGULAR_FIRST_PERSON = {"i", "me", "my"}
QUOTE_MARKS = ('"', "\u201c", "\u201d")


#: words that name a government body that issues documents (its header names it)
ISSUING_BODIES = ("embassy", "ministry", "parliament", "presidency", "department", "office")
#: the head of an issuing body its own text calls by a bare title
OWN_HEADS = {"embassy": "ambassador"}


def _office_holders(
    token: Token, words: frozenset[str], index: MentionIndex
) -> Iterator[Ref | None]:
    """The holders of the office the text named before ``token``, latest first: the named
    person, else the country it gave the office, else None for a named holder of no known
    country."""
    for earlier in reversed(token.doc[: token.i]):
        if earlier.lemma_.lower() != token.lemma_.lower() or earlier.tag_ not in ("NN", "NNP"):
            continue
        known = _office_words(earlier, definite=False)
        if known is None or not words <= known:
            continue
        named = _titled_name(earlier, index)
        holder = index.ref(named) if named is not None else None
        if holder is not None and holder.kind == "person":
            yield holder  # 'South Korean president Park Geun-hye … The president says'
            continue
        code = _office_country(earlier, index)
        if named is not None and named.i != earlier.i:
            code = code or _office_country(named, index)
        if code:
            yield Ref(code, "country", code, token.idx)
        elif named is not None and named.i != earlier.i:
            yield None


def _titled_name(title: Token, index: MentionIndex) -> Token | None:
    """The name a title stands before ('King Zayd ibn Hamzah', 'Minister for Health Declan
    Furlong'), the title itself when it is part of a person's mention, else None."""
    actor = index.actor(title)
    if actor is not None and actor.kind == "person":
        return title
    if title.dep_ in ("compound", "nmod") and title.head.i > title.i and title.head.pos_ == "PROPN":
        return title.head
    for token in title.doc[title.i + 1 : title.i + 6]:
        if token.is_punct or token.sent.start != title.sent.start:
            break
        actor = index.actor(token)
        if actor is not None and actor.kind == "person":
            return token
    return None


def _country_before(token: Token, index: MentionIndex) -> str | None:
    """The country that is the subject of the sentence before, in the same paragraph
    ('Norway on Monday pledged another $20 million. The development minister will travel
    to Islamabad'): the text goes on about that country's government."""
    sent = token.sent
    if sent.start == 0:
        return None
    before = token.doc[sent.start - 1].sent
    if not index.same_block(before[0], token):
        return None
    subjects = [t for t in before if t.dep_ in SUBJECT_DEPS and t.head.i == before.root.i]
    refs = [index.ref(t) for t in subjects[:1]]
    ref = refs[0] if refs else None
    return ref.country if ref is not None and ref.kind == "country" else None


def _office_words(token: Token, definite: bool = True) -> frozenset[str] | None:
    """The words of a title whose head is ``token`` ('the development minister' →
    development, minister), or None when it is no singular title of a person (``definite``:
    that 'the' stands before it)."""
    from dateline.actors.titles import title_vocabulary

    if token.tag_ not in ("NN", "NNP") or token.lemma_.lower() not in title_vocabulary().heads:
        return None
    if definite and not is_definite(token, THE):
        return None
    words = {token.lemma_.lower()}
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.i < token.i:
            word = child.lower_
            if word in ORGANISATION_WORDS:
                return None  # 'the bank president', 'the party chairman'
            words.add(word)
    return frozenset(words | _portfolio_of(token))


def _portfolio_of(title: Token) -> set[str]:
    """The words of a title's portfolio that names no actor ('the Minister of Labour and
    Employment' → labour, employment; 'the Minister of State' → state)."""
    words: set[str] = set()
    for prep in title.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.is_title:
                    words |= {t.lower_ for t in pobj.subtree if t.is_alpha and t.is_title}
    return words


def _office_country(title: Token, index: MentionIndex) -> str | None:
    """The country a title is said to be of: 'the Namibian President', 'Kenya's Foreign
    Minister', 'the Prime Minister of Canada', or the country of the person it names."""
    ref = index.ref(title)
    if ref is not None:
        return ref.country if ref.kind in ("country", "government") else None
    for child in title.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            ref = index.ref(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            ref = index.ref(pobj) if pobj is not None else None
        else:
            continue
        if ref is not None and ref.kind in ("country", "place") and ref.country:
            return ref.country
    return None


#: words of an office that the tagger may take for an organisation's name ('Special Envoy
#: for Central America', 'Minister of Foreign Affairs of the Republic of Chile')
OFFICE_WORDS = {
    "ambassador", "chancellor", "commissioner", "envoy", "governor", "minister", "mayor",
    "president", "premier", "representative", "secretary", "senator", "spokesman",
    "spokesperson", "spokeswoman",
}  # fmt: skip


def _titled(token: Token, direct: Ref, index: MentionIndex) -> list[Ref]:
    """'The EU's Special Envoy for Central America, Ambassador Helena Ruiz-Moreau, visited':
    an office the tagger called an organisation, with the person who holds it apposed,
    is that person."""
    if direct.kind not in ORGANISATION_KINDS:
        return []
    actor = index.actor(token)
    if actor is None or not OFFICE_WORDS & set(actor.name.lower().split()):
        return []
    for child in token.children:
        if child.dep_ == "appos":
            people = [r for r in resolve(child, index, 2) if r.kind == "person"]
            if people:
                return people
    return []


def _standing_alone(address: Token) -> bool:
    """'His Majesty will travel' stands for someone named before; 'His Excellency Mr. Aliou
    Ndour' and 'His Majesty King Zeid' name the person right after."""
    following = address.doc[address.i + 1] if address.i + 1 < len(address.doc) else None
    named_next = following is not None and following.is_title
    return any(c.dep_ == "poss" for c in address.children) and not named_next


#: participles that name who leads a group: 'a delegation led by', 'headed by', 'chaired by'
LEADING_VERBS = {"lead", "head", "chair"}


def _led_by(token: Token, index: MentionIndex, depth: int) -> list[Ref]:
    """Who leads the group a noun names ('the delegation led by Comrade X')."""
    for acl in token.children:
        if acl.dep_ != "acl" or acl.lemma_.lower() not in LEADING_VERBS:
            continue
        for agent in acl.children:
            if agent.dep_ == "agent":
                for pobj in agent.children:
                    if pobj.dep_ == "pobj" and (found := resolve(pobj, index, depth + 1)):
                        return found
    return []


def _named_before(token: Token, index: MentionIndex) -> list[Ref]:
    """'the ministry', 'the authority', 'the army' after 'Peru's Foreign Ministry', 'the
    Kenya Ports Authority', 'the Sudanese army': the latest organisation or government body
    named before whose name, as the text wrote it or as its id ends, is that noun, or whose
    name's head before an 'of' is ('the union' after 'the Free Union of Transport Workers')."""
    if token.pos_ != "NOUN" or token.tag_ != "NN":
        return []
    if not is_definite(token, THE):
        return []
    noun = token.lemma_.lower()
    text = token.doc.text
    for start, actor in reversed(index.ordered[: bisect.bisect_left(index.starts, token.idx)]):
        if actor.kind not in ORGANISATION_KINDS:
            continue
        said = next((text[a:b] for a, b in actor.mentions if a == start), actor.name)
        words = said.lower().split()
        heads = {words[-1] if words else "", actor.id.split("-")[-1]}
        if "of" in words[1:] and noun not in STATE_NOUNS:
            # 'the union' after 'the Free Union of Transport Workers' ('the ministry' after
            # 'the Ministry of Foreign Affairs' is its country's, as _leaders_state reads it)
            heads.add(words[words.index("of", 1) - 1])
        if noun in heads or SAME_BODY.get(noun) in heads:
            return [index.ref_of(actor, start)]
    return []


#: what a definite noun calls a body the text named before ('the army' after 'the Sudanese
#: army', whose actor id ends in 'military')
SAME_BODY = {"army": "military"}


def _leaders_state(token: Token, index: MentionIndex) -> list[Ref]:
    """'the ministry said', 'the government would not resume talks': the country of the
    latest person the article named, who is normally the one it reports on."""
    if token.lemma_.lower() not in STATE_NOUNS or token.tag_ not in ("NN", "NNP"):
        return []
    if not is_definite(token, THE):
        return []
    people = index.before(token.idx, {"person"})
    # 'Jaishankar will fly to Moscow for talks with Lavrov, the ministry said': the
    # sentence's subject is the one reported on, not the latest name
    start = token.sent.start_char
    subjects = [r for r in people if r.start >= start and r.start in index.subjects]
    for ref in (subjects or people)[:1]:
        if ref.country:
            return [Ref(ref.country, "country", ref.country, token.idx)]
    # no person yet: 'South Korea's Ministry of National Defense … The ministry also warned'
    noun = token.lemma_.lower()
    for start, actor in reversed(index.ordered[: bisect.bisect_left(index.starts, token.idx)]):
        if actor.kind != "person" and noun in actor.name.lower().split():
            return [index.ref_of(actor, start)]
    # nobody named with a country: 'WARSAW - … the presidential chancellery said' is the
    # government of the wire dateline's country
    country = index.dateline_country
    return [Ref(country, "country", country, token.idx)] if country else []


#: what a person's own staff is called: 'her office said' speaks for her country
OWN_OFFICES = {"office"}


def _state_of(noun: Token, owner: Token, found: list[Ref], index: MentionIndex) -> list[Ref]:
    """'his ministry', 'Kim's government', 'her office': a leader's institution speaks for
    the country; for a person whose country the text does not give, the country the
    article reports from ('MOMBASA - … her ministry said')."""
    if owner.dep_ != "poss" or noun.lemma_.lower() not in STATE_NOUNS | OWN_OFFICES:
        return found
    refs = []
    for ref in found:
        code = None
        if ref.kind == "person":
            code = ref.country or _set_off_country(ref.id, index) or _of_country(ref.id, index)
            code = code or index.dateline_country
        refs.append(Ref(code, "country", code, owner.idx) if code else ref)
    return refs


#: what an office holder's own staff is called when it is named with 'of': 'The Office of
#: the Prime Minister announced', 'The Press Service of the President … announced'
STAFF_NOUNS = {"office", "service", "secretariat"}


def _staff_of(noun: Token, found: list[Ref], index: MentionIndex) -> list[Ref]:
    """'The Office of the Prime Minister announced', 'The Press Service of the President of
    Kazakhstan announced': a leader's staff named with 'of' speaks for the leader's country,
    as 'her office' does, not for the leader in person: the person's country, else the
    article's dateline country. A bare title whose holder the text names only further on
    ('KINGSTON - The Office of the Prime Minister … Prime Minister Ana Morello of Barbados
    visited') is the office of the country the article reports from."""
    if noun.lemma_.lower() not in STAFF_NOUNS | STATE_NOUNS:
        return found
    # 'of the President of the Republic of Kazakhstan': the country the phrase names
    places = [r for t in noun.subtree if (r := index.ref(t)) and r.kind in ("country", "place")]
    named = next((r.country for r in places if r.country), None)
    refs = []
    for ref in found:
        code = None
        if ref.kind == "person":
            later = _home_country(noun, index) if _named_only_after(ref.id, noun, index) else None
            code = named or later or ref.country or _set_off_country(ref.id, index)
            code = code or index.dateline_country
        refs.append(Ref(code, "country", code, noun.idx) if code else ref)
    return refs


def _of_country(person: str, index: MentionIndex) -> str | None:
    """The country named with 'of' right after the person's name ('Presidents Chanda Mwila
    of Zambia and Tafadzwa Chikore of Zimbabwe'), which the actors step gives the person
    neither as role nor as country."""
    doc = index.doc
    for i in sorted(index.token_actor):
        if index.token_actor[i].id != person or index.token_actor.get(i + 1) is not None:
            continue
        if i + 2 < len(doc) and doc[i + 1].lower_ == "of":
            country = index.token_actor.get(i + 2)
            if country is not None and country.kind == "country" and country.country:
                return country.country
    return None


def _home_country(token: Token, index: MentionIndex) -> str | None:
    """The country the article reports from: its dateline's, else the latest country named
    before ``token`` ('OFFICE OF THE PRIME MINISTER, JAMAICA - MEDIA RELEASE')."""
    before = index.before(token.idx, {"country"})
    return index.dateline_country or next((r.country for r in before if r.country), None)


def _named_only_after(person: str, noun: Token, index: MentionIndex) -> bool:
    """Whether the text names ``person`` (by surname) only after ``noun``."""
    actor = index.actor_by_id(person)
    if actor is None or not actor.name.split():
        return False
    surname = actor.name.split()[-1].lower()
    text = index.doc.text
    named = [a for a, b in actor.mentions if surname in text[a:b].lower()]
    return bool(named) and min(named) > noun.idx


def _set_off_country(person: str, index: MentionIndex) -> str | None:
    """The country of a title set off before the person's name by a comma alone ('New
    Zealand's Prime Minister, Hemi Tawhiri-Clarke, said … her office said'), which the
    actors step gives the person neither as role nor as country."""
    from dateline.actors.titles import country_set_off

    countries: dict[int, tuple[int, str]] = {}
    named: list[int] = []
    for i in sorted(index.token_actor):
        actor = index.token_actor[i]
        first = i if index.token_actor.get(i - 1) is not actor else None
        if actor.kind == "country" and actor.country:
            begin = i if first is not None else countries.pop(i, (i, ""))[0]
            countries[i + 1] = (begin, actor.country)
        elif actor.id == person and first is not None:
            named.append(i)
    return next((c for i in named if (c := country_set_off(index.doc, i, countries))), None)


def _countrys_body(token: Token, direct: Ref, index: MentionIndex) -> list[Ref]:
    """'Chad flew soldiers into Kidal, its defence ministry said', 'South Africa deployed
    helicopters, the defence ministry said': a ministry the text names without its country
    is that of its owner, else of the country whose act it reports, else of the dateline's
    country. So is a state body named without its country ('the Senate', 'the Ministry of
    Labour', ``MentionIndex.is_body``), which may also take the country its clause places it
    in, and where there is no dateline the issuer's or the one country the text names."""
    if direct.kind not in ORGANISATION_KINDS or direct.country is not None:
        return []
    actor = index.actor(token)
    body = actor is not None and actor.id == direct.id and index.is_body(actor)
    if token.lemma_.lower() not in STATE_NOUNS and not body:
        return []
    owners = [c for c in token.children if c.dep_ == "poss"]
    if any(c.lower_ not in THING_PRONOUNS | PLURAL_PRONOUNS for c in owners):
        return []  # 'Seoul's Unification Ministry': named with its owner, it is as named
    refs = [r for c in owners for r in resolve(c, index, 2)]
    code = next((r.country for r in refs if r.country), None)
    code = code or _reported_country(token, index)
    # 'the Ministry of External Affairs in Colombo', 'In Mozambique, the Assembly of the
    # Republic …': the country its clause places it in
    code = code or (index.placed_in(token.idx) if body else None)
    code = code or index.dateline_country or (index.home_country if body else None)
    if code is None:
        return []
    # the country's own body ('kor-unification-ministry'), apart from its other ministries
    return [Ref(f"{code.lower()}-{direct.id}", "government", code, token.idx, role=direct.role)]


def _reported_clauses(verb: Token) -> list[Token]:
    """The clauses a reporting verb reports: its complements, and the clause it is
    appended to ('South Africa deployed …, the ministry said')."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i:
        clauses.append(verb.head)
    return clauses


def _reported_country(speaker: Token, index: MentionIndex) -> str | None:
    """The country that is the subject of the clause ``speaker`` reports."""
    verb = speaker.head
    if speaker.dep_ != "nsubj" or verb.lemma_.lower() not in REPORTING_LEMMAS:
        return None
    for clause in _reported_clauses(verb):
        for subject in (c for c in clause.children if c.dep_ in SUBJECT_DEPS):
            found = [r for r in resolve(subject, index, 2) if r.kind in ("country", "place")]
            if found and found[0].country:
                return found[0].country
    return None


@lru_cache(maxsize=1)
def agent_nouns() -> frozenset[str]:
    """Nouns that speak or act for the country or person modifying them."""
    from dateline.events.lexicon import load_lexicon

    return frozenset(load_lexicon().cues["agent_nouns"])


def resolve_pronoun(token: Token, index: MentionIndex) -> list[Ref]:
    """he/his → the clause subject (for possessives) or the latest person before it."""
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        # 'McCormack confirmed Rice's plans, saying she will spend next week …': not him
        other = _other_gender(token, index)
        thanked = _thanked_for(token)
        if thanked is not None:
            found = [r for r in resolve(thanked, index) if r.kind == "person"]
            if found:
                return found  # 'thanked President Lopez for his invitation': Lopez's
        reported = _reported_by_own_office(token)
        if reported is not None:
            found = [r for r in resolve(reported, index) if r.kind in ("person", "country")]
            if found and found[0].id not in other:
                return found[:1]  # 'The French minister … will stay on, her office said'
        office = _office_antecedent(token, index) if token.dep_ in ("nsubj", "poss") else None
        if office is not None and office.id not in other:
            return [office]  # 'Angola's President cancelled his trip': Angola's
        if token.dep_ == "poss":
            subject = clause_subject(token, index)
            if subject is not None and subject.kind == "person" and subject.id not in other:
                return [subject]
        main = _main_clause_subject(token)
        if main is not None:
            # 'Vietnam's prime minister did not raise the dam when he visited Vientiane':
            # the subject of a clause that 'when' opens is the main clause's subject
            refs = [r for r in resolve(main, index) if r.id not in other]
            if refs:
                return refs
        # 'Prabowo had been set to host him': an object pronoun is never its own
        # clause's subject (that would be 'himself')
        own = _own_subject_ids(token, index) if lower in OBJECT_PRONOUNS else frozenset()
        own = own | other
        if lower in OBJECT_PRONOUNS and token.dep_ in OBJECT_DEPS:
            # 'Ndour spoke with Tahiri and invited him': the person named last in the
            # sentence, who is not its subject, before one the text was about earlier
            near = index.before(token.idx, {"person"}, own)[:1]
            if near and near[0].start >= token.sent.start_char:
                return near
        salient = index.latest_subject(token.idx, exclude=own)
        return [salient] if salient else index.before(token.idx, {"person"}, own)[:1]
    if lower in THING_PRONOUNS:
        speaker = _reporting_subject(token) if token.dep_ == "poss" else None
        if speaker is not None:
            # 'The army said its aircraft had bombed RSF positions': the army's aircraft,
            # not the RSF named last; an owner dateline cannot name stays unnamed
            ref = index.ref(speaker)
            return [ref] if ref is not None and ref.kind != "person" else []
        return [r for r in index.before(token.idx) if r.kind != "person"][:1]
    group = _sentence_subjects(token, index) if token.dep_ == "nsubj" else []
    if group:
        return group  # 'The two countries last held talks in 2021, when they agreed …'
    people = index.before(token.idx, {"person"})[:2]
    if len(people) == 2 and token.dep_ == "nsubj":
        # 'The neighbours last swapped prisoners in 2022, when they …': the two countries
        # the text is about, unless the latest two people are one of each
        sides = _salient_countries(index, token, 2)
        if (
            sides
            and {p.country for p in people} != {c.id for c in sides}
            and not _occasion_parties(people, token, index)
        ):
            return sides
    return people if len(people) == 2 else index.before(token.idx)[:1]


def _office_antecedent(token: Token, index: MentionIndex) -> Ref | None:
    """'Denmark's Prime Minister will not attend: she cancelled her trip', 'Kenya's President
    had been expected but sent his Foreign Minister': a he/she/his/her whose antecedent is an
    office the text gives only a country (the subject, or a list item's head, of the same
    sentence before it or of the sentence before in the same paragraph, with no person named
    in its sentence or after it) is that country's."""
    sent = token.sent
    start = sent.start
    if start > 0 and index.same_block(token.doc[start - 1], token):
        start = token.doc[start - 1].sent.start
    for earlier in reversed(token.doc[start : token.i]):
        if earlier.dep_ not in SUBJECT_DEPS and (earlier.dep_ != "ROOT" or earlier.pos_ != "NOUN"):
            continue
        if earlier.lower_ in PERSON_PRONOUNS:
            continue  # 'she cancelled her trip': the she's antecedent is the her's
        if index.ref(earlier) is not None:
            return None  # the latest subject is someone or something the text names
        if _office_words(earlier, definite=False) is None:
            continue
        code = _office_country(earlier, index)
        if code is None:
            return None
        people = index.before(token.idx, {"person"})
        if people and people[0].start >= earlier.sent.start_char:
            # 'Angola's President met Ana Ruiz, who said her …', 'Dev Ramcharan, as the
            # Guyanese minister is known, … He said': a person named by then is meant
            return None
        return Ref(code, "country", code, earlier.idx)
    return None


def _sentence_subjects(token: Token, index: MentionIndex) -> list[Ref]:
    """The parties of the one plural phrase before a 'they' of a clause under the
    sentence's main verb that names two or more ('The two countries last held talks in
    2021, when they agreed'); with two such phrases ('The mediators hoped to bring the
    two sides together …, when they met') the sentence does not tell."""
    if token.head.i == token.sent.root.i:
        return []  # 'they' is the main verb's own subject
    groups = []
    for noun in token.doc[token.sent.start : token.i]:
        if noun.dep_ in ARGUMENT_DEPS and noun.tag_ in ("NNS", "NNPS"):
            found = resolve(noun, index)
            if len(found) >= 2:
                groups.append(found)
    return groups[0] if len(groups) == 1 else []


#: where a phrase a later 'they' may stand for sits in its clause
ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")


def _thanked_for(token: Token) -> Token | None:
    """The person a verb's object names when a possessive stands in its 'for' or 'on' phrase
    ('thanked Lopez for his invitation', 'congratulated her on her election')."""
    noun = token.head
    if token.dep_ != "poss" or noun.dep_ != "pobj" or noun.head.lower_ not in ("for", "on"):
        return None
    verb = noun.head.head
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < token.i]
    person = objects[0] if objects else None
    return person if person is not None and person.lower_ not in PERSON_PRONOUNS else None


def _reported_by_own_office(token: Token) -> Token | None:
    """The noun subject of the clause that 'his office said' or 'her ministry said' reports
    ('The minister will stay on for Thursday's attempt, her office said'): whose office it
    is."""
    owner = token.head
    verb = owner.head
    if (
        token.dep_ != "poss"
        or owner.dep_ != "nsubj"
        or owner.lemma_.lower() not in (STATE_NOUNS | OWN_OFFICES)
    ):
        return None
    if verb.lemma_.lower() not in REPORTING_LEMMAS:
        return None
    for clause in _reported_clauses(verb):
        for subject in clause.children:
            if subject.dep_ in SUBJECT_DEPS and subject.pos_ in ("NOUN", "PROPN"):
                # 'Donnelly's meeting with Wibisana has been moved, her office said': the
                # owner of the event the clause is about, not its other party
                owners = [c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
                return owners[0] if subject.pos_ == "NOUN" and owners else subject
    return None


#: person pronouns that stand as objects; their referent is not the clause's subject
OBJECT_PRONOUNS = {"him", "her"}
#: where an object pronoun stands ('her' is also a possessive)
OBJECT_DEPS = ("dobj", "dative", "pobj")


def _own_subject_ids(token: Token, index: MentionIndex) -> frozenset[str]:
    """Actor ids of the subject of the clause an object pronoun stands in."""
    if token.dep_ not in OBJECT_DEPS:
        return frozenset()
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            refs = [index.ref(subjects[0])]
            return frozenset(ref.id for ref in refs if ref is not None)
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        shared = verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX")
        if not shared and (verb.dep_ not in ("xcomp", "advcl") or not infinitive):
            break  # 'had been set to host him': the subject of 'set'
        verb = verb.head  # 'spoke with Tahiri and invited him': the subject of 'spoke'
    return frozenset()


#: words opening a clause whose pronoun subject is the main clause's subject
SUBORDINATORS = {"when", "while", "as", "after", "before", "because", "although", "since"}


def _main_clause_subject(token: Token) -> Token | None:
    """The noun subject of the main clause, when ``token`` is the pronoun subject of a
    clause hanging on it that a subordinator opens ('… when he visited')."""
    clause = token.head
    if token.dep_ != "nsubj" or clause.dep_ != "advcl":
        return None
    if not any(c.lower_ in SUBORDINATORS and c.i < token.i for c in clause.children):
        return None
    for subject in clause.head.children:
        if subject.dep_ == "nsubj" and subject.pos_ in ("NOUN", "PROPN"):
            return subject
    return None


REPORTING_LEMMAS = {"say", "tell", "announce", "state", "add", "claim", "report", "confirm"}


def _reporting_subject(token: Token) -> Token | None:
    """The noun subject of the reporting verb whose reported clause holds ``token``."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORTING_LEMMAS:
        return None
    subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    return subjects[0] if subjects else None


def clause_subject(token: Token, index: MentionIndex) -> Ref | None:
    """The named subject of the nearest verb above ``token``, if any."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    for child in head.children:
        if child.dep_ == "nsubj" and not child.is_ancestor(token) and child.i != token.i:
            ref = index.ref(child)
            if ref is None and child.lower_ in PERSON_PRONOUNS:
                refs = index.before(child.idx, {"person"})
                ref = refs[0] if refs else None
            return ref
    return None


ORGANISATION_KINDS = {"organisation", "government"}

#: a body two countries hold together: 'the joint commission', 'a binational working group'
JOINT_BODIES = {"commission", "committee", "group"}
JOINT_WORDS = {"joint", "binational", "bilateral", "intergovernmental", "inter-governmental"}


def _joint_body(token: Token, index: MentionIndex) -> list[Ref]:
    """'The joint commission will meet in Harare', 'the next session of the Binational
    Commission': a body two countries hold together stands for those two countries, the two
    the text names most before it."""
    if token.lemma_.lower() not in JOINT_BODIES or token.tag_ not in ("NN", "NNP"):
        return []
    words = {t.lower_ for t in token.lefts if t.dep_ in ("amod", "compound")}
    actor = index.actor(token)
    if actor is not None:
        words |= set(actor.name.lower().split())
    if not words & JOINT_WORDS:
        return []
    if token.lemma_.lower() == "group" and "working" not in words:
        return []
    return _salient_countries(index, token, 2)


GROUP_NOUNS = {
    "leader": "person", "president": "person", "counterpart": "person", "minister": "person",
    "man": "person", "woman": "person",
    "side": "any", "government": "country", "country": "country", "nation": "country",
    "delegation": "any",
}  # fmt: skip


#: offices whose holders stand for their countries: 'the two presidents' of two countries
OFFICE_NOUNS = {"leader", "president", "counterpart", "minister"}

GROUP_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "3": 3, "4": 4}


def resolve_group(token: Token, index: MentionIndex) -> list[Ref]:
    """'the two leaders', 'both sides', 'the three countries' → that many recent actors."""
    kind = GROUP_NOUNS.get(token.lemma_.lower())
    if kind is None or token.tag_ not in ("NNS", "NNPS"):
        return []
    count = next((GROUP_COUNTS[c.lower_] for c in token.children if c.lower_ in GROUP_COUNTS), 0)
    if not count:
        return []
    people = index.before(token.idx, {"person"})[:count] if kind != "country" else []
    if kind in ("country", "any"):
        # 'the two sides signed', 'a pact the two countries signed in 2019': the countries
        # the text is about, not the latest names
        salient = _salient_countries(index, token, count)
        # 'Kim … Putin … the two sides are expected to discuss': the latest people, when they
        # are one of each of those countries, are the sides (the seed's reading)
        sides = {c.id for c in salient}
        if (
            kind == "any"
            and len(people) == count
            and sides
            and {p.country for p in people} == sides
        ):
            return people
        if salient:
            return salient
    if kind == "country":
        countries = index.before(token.idx, {"country"})[:count]
        if len(countries) < count:
            countries = _countries_of(index, token, count) or countries
        return countries
    if kind == "person" and token.lemma_.lower() in OFFICE_NOUNS:
        # 'Kazakhstan's President visited Tashkent …, and the two leaders spoke by phone':
        # the two countries the text is about, unless the latest people are one of each
        salient = _salient_countries(index, token, count)
        office = token.lemma_.lower()
        holders = len(people) == count and all(
            p.role and (office in p.role.lower() or office in ("leader", "counterpart"))
            for p in people
        )
        if (
            salient
            and not holders
            and {p.country for p in people} != {c.id for c in salient}
            and not _occasion_parties(people, token, index)
        ):
            return salient
    if len(people) == count:
        return people
    # 'the two foreign ministers' of two countries whose ministers the text does not name
    countries = index.before(token.idx, {"country"})[:count]
    if len(countries) == count:
        return countries
    return people if kind == "person" else index.before(token.idx)[:count]


def _occasion_parties(people: list[Ref], token: Token, index: MentionIndex) -> bool:
    """Whether ``people``, none of whom the text gives a country, are the parties of one
    meeting, talks or accord told before ``token`` ('Halvorsen met Kenya's Cabinet
    Secretary, Daniel Wekesa, … The two ministers discussed trade'; 'hoped Lusa and
    Rwanda's president, Jean Mbeki, could meet … The two leaders last met in 2025'): then
    'the two leaders' and 'they' are those people, as the text names them, not countries
    read off the rest of the text."""
    if not people or any(p.kind != "person" or p.country for p in people):
        return False
    ids = {p.id for p in people}
    named: dict[int, dict[str, list[Token]]] = {}
    for i, actor in index.token_actor.items():
        if actor.id in ids and i < token.i:
            mention = token.doc[i]
            named.setdefault(mention.sent.start, {}).setdefault(actor.id, []).append(mention)
    from dateline.events.lexicon import load_lexicon
    from dateline.events.triggers import lookup

    lexicon = load_lexicon()
    here = index.blocks[token.i] if index.blocks else 0
    for start, mentions in named.items():
        if len(mentions) < len(ids):
            continue
        if index.blocks and index.blocks[start] < here - 1:
            continue  # a meeting of the two paragraphs before is another occasion's
        for word in token.doc[start].sent:
            trigger = lookup(word, lexicon) if word.i < token.i else None
            if trigger is None or not lexicon.types[trigger.type].symmetric:
                continue
            if all(any(_party_of(m, word) for m in found) for found in mentions.values()):
                return True
    return False


def _party_of(mention: Token, trigger: Token) -> bool:
    """Whether a name is in a trigger's phrase ('met X', 'talks with X', 'X and Y could
    meet') or is the subject of a verb the trigger hangs under ('X will travel to Rome for
    talks with Y')."""
    if trigger.is_ancestor(mention):
        return True
    verb = trigger
    while True:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and (child.i == mention.i or child.is_ancestor(mention)):
                return True
        if verb.head.i == verb.i:
            return False
        verb = verb.head


#: how much more a country named in the paragraph of 'the two sides' counts than one named
#: in a paragraph before it
PARAGRAPH_WEIGHT = 3


def _salient_countries(index: MentionIndex, token: Token, count: int) -> list[Ref]:
    """The ``count`` countries the text names most before ``token``, themselves or through
    their people and bodies, those of its own paragraph counting more ('Chile's president
    … in Hanoi … a stop in Cambodia … a memorandum the two countries signed in 2019': Chile
    and Vietnam); none when fewer countries are named or the last place is a tie."""
    doc = token.doc
    here = index.blocks[token.i] if index.blocks else 0
    scores: dict[str, int] = {}
    latest: dict[str, int] = {}
    for start, actor in index.ordered[: bisect.bisect_left(index.starts, token.idx)]:
        if not actor.country or actor.kind not in COUNTRY_PARTIES:
            continue
        mention = doc.char_span(start, start + 1, alignment_mode="expand")
        block = index.blocks[mention[0].i] if mention is not None and index.blocks else here
        weight = PARAGRAPH_WEIGHT if block == here else 1
        scores[actor.country] = scores.get(actor.country, 0) + weight
        latest[actor.country] = start
    ranked = sorted(scores, key=lambda c: (scores[c], latest[c]), reverse=True)
    if len(ranked) < count or (
        len(ranked) > count and scores[ranked[count]] == scores[ranked[count - 1]]
    ):
        return []
    return [Ref(c, "country", c, latest[c]) for c in ranked[:count]]


#: the actors whose country a count of the countries a text is about reads
COUNTRY_PARTIES = {"country", "government", "person"}


def _countries_of(index: MentionIndex, token: Token, count: int) -> list[Ref]:
    """The countries of the latest actors of any kind: 'Brazil's Lula will visit Japan …
    the two governments' are Brazil and Japan even where Brazil is not named itself."""
    found: dict[str, Ref] = {}
    for ref in index.before(token.idx):
        if ref.country and ref.country not in found:
            found[ref.country] = Ref(ref.country, "country", ref.country, ref.start)
    refs = list(found.values())[:count]
    return refs if len(refs) == count else []


#: acts of force only a state's authorities make: an arrest, a detention, a jailing
HOLDING_TRIGGERS = {"arrest", "detain", "jail"}


def held_by_the_state(events: list[Event], places: list[Place]) -> None:
    """'the arrest of fourteen reporters in Asmara', 'had been arrested in Burundi in 2019':
    an arrest or detention whose maker the text does not name, told at a place of a known
    country, is made by that country (the guide: an arrest is an ``ATTACK`` of the side that
    makes it, and only the state arrests where it rules). Runs once every rule has placed
    the events."""
    by_name = {p.name: p for p in places}
    for event in events:
        if event.type != "ATTACK" or event.source or event.trigger not in HOLDING_TRIGGERS:
            continue
        here = by_name.get(event.location or "")
        if here is not None and here.country:
            event.source = [here.country]


#: what names the maker of an invitation the actors step may not know: 'The organisers
#: have invited', 'an invitation from the association's secretariat'
_MAKER_DEPS = {"nsubj", "poss", "agent"}


def _maker_told(token: Token) -> bool:
    """Whether the invitation at ``token`` names who made it in words of its own."""
    if any(c.dep_ in _MAKER_DEPS for c in token.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "from" for c in token.children)


def invited_by_the_host(
    told: list[tuple[list[Mention], Event]], places: list[Place], actors: list[Actor], doc: Doc
) -> None:
    """'Burkina Faso's leader was invited but has not confirmed' (told from Accra), 'Vietnam
    and Malaysia have been invited to send observers' (from Manila): an invitation whose
    maker the text does not name, placed in a known country, is made by that country, the
    host of what the guest is asked to (the rule that gives 'an invitation to visit
    Mongolia' to Mongolia, for an invitation whose own words name no place). Not when a
    guest is of that country (it does not invite its own), nor when the invitation has a
    subject, owner or 'from' phrase the actors step names nobody in ('The organisers have
    invited'). Runs once every rule has placed the events."""
    by_name = {p.name: p for p in places}
    country_of = {a.id: a.country for a in actors}
    for mentions, event in told:
        if event.type != "INVITE" or event.source:
            continue
        here = by_name.get(event.location or "")
        if here is None or not here.country:
            continue
        if any(country_of.get(t, t) == here.country for t in event.target):
            continue
        if any(_maker_told(doc[m.token]) for m in mentions):
            continue
        event.source = [here.country]
