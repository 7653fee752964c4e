"""Candidate mentions: gazetteer hits merged with spaCy's named entities.

The gazetteer wins where both cover the same words (it knows "the Russian
government" and "Kim Jong Un" in capitals); an entity wins where it is longer
and only contains a country or place name ("Michael Jordan", "New Mexico").
Names inside photo and translation credits ("[AP/YONHAP]") are dropped: the
agencies credited there are not participants.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import count

from spacy.tokens import Doc, Span

from dateline.actors.lexicon import Entry, Institution, Lexicon, Match
from dateline.actors.text import name_key
from dateline.actors.titles import title_vocabulary

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PLACE_KINDS = frozenset({"country", "demonym", "capital", "region"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_LEADING = frozenset({"the", "a", "an"})
#: forms of address that stand for the person the text names ('His Majesty', 'Her
#: Excellency'); dateline.events.participants reads them as that person
FORMS_OF_ADDRESS = frozenset({"majesty", "highness", "excellency", "holiness", "royal"})

# "[AP/YONHAP]", "[NEWS1]", "(AP Photo/Ahn Young-joon)", "Photo: Reuters",
# "Translated from the JoongAng Ilbo ...", "BY JEONG JAE-HONG"
CREDITS = re.compile(
    r"\[(?=[^\]\n]*[A-Z])[A-Z0-9 /&.,'’-]{2,60}\]"
    r"|\((?:[^()\n]{0,40}\b)?Photo\b[^()\n]{0,80}\)"
    r"|^[ \t]*(?:Photo(?:graph)?s?\s*(?:by|:)|Translated (?:from|by)|BY [A-Z])[^\n]*$",
    re.MULTILINE,
)


@dataclass
class Candidate:
    """A stretch of tokens [start, end) that may name an actor or a place."""

    start: int
    end: int
    label: str  # a gazetteer Entry kind, "institution", or an NER label
    entry: Entry | None = None
    institution: tuple[str, Institution] | None = None  # (ISO3, what)
    country: str | None = None  # country named inside an organisation's name


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of photo, translation and byline credits."""
    return [m.span() for m in CREDITS.finditer(text)]


def collect(doc: Doc, lexicon: Lexicon, texts: list[str]) -> list[Candidate]:
    """All candidates in text order, credits removed; ``texts`` are the tokens' texts."""
    credits = credit_spans(doc.text)
    scanned = lexicon.scan(doc, texts)
    matches = [m for m in scanned if not _inside(m.start_char, m.end_char, credits)]
    gazetteer = with_institutions(doc, lexicon, matches)
    entities = [c for c in (_clean(doc, e) for e in doc.ents) if c is not None]
    entities = [c for c in entities if not _inside(*_chars(doc, c), credits)]
    entities = _with_initials(doc, entities)
    entities = _with_name_heads(doc, entities)
    entities = _with_titled_names(doc, entities, gazetteer)
    entities = _with_untagged_places(doc, entities, gazetteer)
    merged = _merge(doc, gazetteer, entities)
    return sorted(merged, key=lambda c: (c.start, c.end))


#: last words of a body's name: a title word opening such a name ('General', 'State',
#: 'Government') is the body's, and the words after it name no person
BODY_HEADS = frozenset({
    "agency", "assembly", "association", "authority", "board", "bureau", "commission",
    "committee", "council", "court", "department", "directorate", "institute", "ministry",
    "office", "party", "secretariat", "service", "union",
})  # fmt: skip

#: entity labels a name after a title may override ('President Han Do-yun': the model
#: tags 'Han' as a nationality)
_OVERRIDABLE = frozenset({"NORP", "ORG"})
#: entity labels of places, which a name after a title overrides when no table knows them
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def _with_titled_names(
    doc: Doc, entities: list[Candidate], gazetteer: list[Candidate]
) -> list[Candidate]:
    """A capitalised title ('President', 'Prime Minister') followed by two or more name
    words is a person, even where the model saw no person ('President Han Do-yun'), and so
    is a later title with one of those words ('President Han'); an entity of another kind
    inside that name gives way, and so does a place the model saw there that no gazetteer
    or city knows ('South African President Thabo Ndlovu', tagged as a place)."""
    from dateline.actors.titles import title_vocabulary

    heads = title_vocabulary().heads
    persons = [c for c in entities if c.label == "PERSON"]
    found: list[Candidate] = []
    named: set[str] = set()  # the words of the names found so far
    for token in doc:
        if token.lower_ not in heads or not token.is_title:
            continue
        end = _name_run(doc, token.i + 1)
        words = [t for t in doc[token.i + 1 : end] if t.is_alpha]
        if len(words) < 2 and not (words and words[0].lower_ in named):
            continue  # one word is a name only when it names a person titled before
        if words[-1].lower_ in BODY_HEADS:
            continue  # 'the General Border Committee', 'the State Administration Council'
        if any(p.start < end and token.i + 1 < p.end for p in persons):
            continue  # the model already has this person
        clashing = [e for e in entities if e.start < end and token.i + 1 < e.end]
        if any(
            e.label not in _OVERRIDABLE and not _unknown_place(doc, e, gazetteer) for e in clashing
        ):
            continue  # 'President Barack Obama' tagged otherwise, 'Minister of Finance'
        entities = [e for e in entities if e not in clashing]
        found.append(Candidate(token.i + 1, end, "PERSON"))
        named |= {w.lower_ for w in words}
    return sorted(entities + found, key=lambda c: (c.start, c.end))


def _with_name_heads(doc: Doc, entities: list[Candidate]) -> list[Candidate]:
    """A person's name runs on to the capitalised word its last word modifies, which the
    model left out ('Angela Ruiz Penalver': the model has 'Angela Ruiz' a person and
    'Penalver' nothing, but the parse hangs 'Ruiz' on 'Penalver')."""
    taken = {i for e in entities for i in range(e.start, e.end)}
    out = []
    for c in entities:
        c = _with_hyphenated_end(doc, c, taken)
        head = doc[c.end] if c.label == "PERSON" and c.end < len(doc) else None
        if (
            head is not None
            and head.i not in taken
            and head.is_title
            and head.is_alpha
            and head.pos_ == "PROPN"
            and doc[c.end - 1].dep_ == "compound"
            and doc[c.end - 1].head.i == head.i
        ):
            c = Candidate(c.start, c.end + 1, c.label)
        out.append(c)
    return out


def _with_hyphenated_end(doc: Doc, c: Candidate, taken: set[int]) -> Candidate:
    """'Hemi Tawhiri-Clarke': a person's name whose surname the model cut at its hyphen
    goes on with the capitalised part after it."""
    end = c.end
    while (
        c.label == "PERSON"
        and end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end].whitespace_
        and not doc[end - 1].whitespace_
        and doc[end + 1].is_title
        and doc[end + 1].is_alpha
        and end + 1 not in taken
    ):
        end += 2
    return c if end == c.end else Candidate(c.start, end, c.label)


#: a middle initial of one or two letters ('Zh', 'Kh', 'F'), whose full stop the model
#: may take for the end of a sentence
_INITIAL = re.compile(r"[A-Z][a-z]?")


def _with_initials(doc: Doc, entities: list[Candidate]) -> list[Candidate]:
    """A person's name that ends in an initial and its full stop goes on with the
    capitalised words after it ('Kairat Zh. Seitkali': the model has 'Kairat Zh' a person
    and 'Seitkali' an organisation, or nothing)."""
    out = list(entities)
    for c in entities:
        stop = c.end
        if c.label != "PERSON" or c.end - c.start < 2 or stop + 1 >= len(doc):
            continue
        if not _INITIAL.fullmatch(doc[stop - 1].text) or doc[stop].text != ".":
            continue
        end = _name_run(doc, stop + 1)
        if end == stop + 1:
            continue
        out = [e for e in out if e is not c and not (e.start < end and stop < e.end)]
        out.append(Candidate(c.start, end, "PERSON"))
    return sorted(out, key=lambda c: (c.start, c.end))


#: words after which a capitalised name the model left untagged (or tagged as a date, a
#: product, a law …) is read as a place when the city table knows it ('would meet in Osh',
#: 'will take place in Maun', 'sent helicopters to Bihac', 'an exercise near Tillaberi')
_PLACE_CUES = frozenset({"in", "at", "to", "into", "near", "outside", "through", "around"})
#: how many people a city the model did not tag must have: a smaller town of the name is
#: more likely something else
UNTAGGED_CITY_POPULATION = 20_000
#: names of months and days, which a date after 'in' or 'on' is ('in March', a town in England)
_CALENDAR = frozenset(
    [m.lower() for m in calendar.month_name[1:]] + [d.lower() for d in calendar.day_name]
)


def _with_untagged_places(
    doc: Doc, entities: list[Candidate], gazetteer: list[Candidate]
) -> list[Candidate]:
    """A city the model tagged as no name of a place, person or body, after a preposition
    of place: 'the border commissions would meet in Osh', 'a rally planned in Bo', 'will
    take place in Maun' (tagged a date), 'sent two helicopters to Bihac' (a product) — a
    place, when the city table knows the name (of a city this large), the text never writes
    it in lower case and it is no month or day; and any such name a noun tells as a place's
    ('at the Korday crossing', ``named_as_a_place``)."""
    from dateline.actors.geo import city_population, find_city

    taken = {t for c in [*entities, *gazetteer] for t in range(c.start, c.end)}
    lower = {t.lower_ for t in doc if t.is_lower and t.is_alpha}
    found: list[Candidate] = []
    for token in doc[1:]:
        if token.i in taken or not (token.is_title and token.is_alpha):
            continue
        end = _joined_run(doc, token.i)
        if any(t in taken for t in range(token.i, end)):
            continue
        name = doc[token.i : end].text
        if name.lower() in lower or name.lower() in _CALENDAR:
            continue
        if name.lower() in _NO_NAMES:
            continue
        if not named_as_a_place(doc, token.i, end):
            if doc[token.i - 1].lower_ not in _PLACE_CUES:
                continue
            point = find_city(name)
            if point is None or city_population(point) < UNTAGGED_CITY_POPULATION:
                continue
        found.append(Candidate(token.i, end, "GPE"))
        taken.update(range(token.i, end))
    return sorted(entities + found, key=lambda c: (c.start, c.end))


#: nouns of a place that a name before them names ('the Tovuz district', 'the Kidal
#: region', 'the Korday crossing'); 'border' only before a crossing point ('the Karamyk
#: border crossing', 'the Medininkai border checkpoint')
PLACE_NOUNS = frozenset({
    "district", "districts", "region", "regions", "province", "provinces", "valley", "atoll",
    "island", "oblast", "governorate", "prefecture", "municipality", "crossing",
})  # fmt: skip
_BORDER_POINTS = frozenset({"crossing", "post", "point", "checkpoint", "area", "town"})
#: nouns of a settlement or area a name after 'of' names ('the village of Agok', 'the
#: southern city of Addu', 'the island of Rukwanzi')
TOWN_NOUNS = frozenset({
    "town", "village", "city", "district", "province", "region", "port", "island",
    "municipality",
})  # fmt: skip


def named_as_a_place(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at [start, end) is told as a place's by a noun: 'the Tovuz
    district', 'the Karamyk border crossing', 'the village of Agok' — whatever the model
    tagged it as and whether or not the gazetteer knows it."""
    after = doc[end].lower_ if end < len(doc) else ""
    if after in PLACE_NOUNS:
        return True
    if after == "border" and end + 1 < len(doc) and doc[end + 1].lower_ in _BORDER_POINTS:
        return True
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in TOWN_NOUNS


_JOINING = frozenset({"-", "'", "’"})
#: capitalised words before a place noun that name no place ('the Northern region')
_NO_NAMES = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "upper", "lower", "capital", "coastal", "border", "autonomous", "special",
})  # fmt: skip


def _joined_run(doc: Doc, start: int) -> int:
    """End of a place's name from ``start``: capitalised proper nouns ('Bandar Seri
    Begawan') and parts joined by a hyphen or an apostrophe ('Alma-Ata', "Nuku'alofa")."""
    end = start + 1
    while end < len(doc):
        before, token = doc[end - 1], doc[end]
        joined = not before.whitespace_ and not token.whitespace_ and end + 1 < len(doc)
        if token.text in _JOINING and joined and doc[end + 1].is_alpha:
            end += 2
        elif not before.whitespace_ and token.is_alpha:
            end += 1  # the rest of a word the tokenizer split
        elif before.whitespace_ and token.is_title and token.is_alpha and token.pos_ == "PROPN":
            end += 1
        else:
            break
    return end


def _unknown_place(doc: Doc, entity: Candidate, gazetteer: list[Candidate]) -> bool:
    """A place entity of two words or more that neither the gazetteer (countries,
    capitals, regions) nor the city table knows: after a title, a name the model misread."""
    from dateline.actors.geo import find_city

    if entity.label not in _PLACE_LABELS or entity.end - entity.start < 2:
        return False
    if any(g.start < entity.end and entity.start < g.end for g in gazetteer):
        return False
    return find_city(doc[entity.start : entity.end].text) is None


def _name_run(doc: Doc, start: int) -> int:
    """End of the capitalised words (and hyphenated parts: 'Do-yun') from ``start``, over a
    nickname quoted between them ('Emeka "E.D." Nwosu')."""
    end = start
    while end < len(doc):
        token = doc[end]
        if token.is_title and token.is_alpha and token.pos_ == "PROPN":
            end += 1
        elif token.text == "-" and end > start and end + 1 < len(doc) and doc[end + 1].is_alpha:
            end += 2  # 'Do-yun': the model splits the hyphenated given name
        elif end > start and (after := _after_nickname(doc, end)):
            end = after
        else:
            break
    return end


_QUOTES = frozenset({'"', "“", "”"})


def _after_nickname(doc: Doc, start: int) -> int:
    """Where the name goes on after a nickname quoted at ``start`` (one to three words in
    quotation marks, then a capitalised word), else 0."""
    if doc[start].text not in _QUOTES:
        return 0
    for close in range(start + 2, min(start + 5, len(doc) - 1)):
        if doc[close].text in _QUOTES:
            follows = doc[close + 1]
            return close + 1 if follows.is_title and follows.is_alpha else 0
    return 0


def _inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def _chars(doc: Doc, c: Candidate) -> tuple[int, int]:
    span = doc[c.start : c.end]
    return span.start_char, span.end_char


@lru_cache(maxsize=1)
def portfolio_words() -> frozenset[str]:
    """Last words of ministerial portfolios (resources/portfolio_words.txt)."""
    from dateline.actors.geo import RESOURCES

    lines = (RESOURCES / "portfolio_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _clean(doc: Doc, ent: Span) -> Candidate | None:
    """An entity without a leading article or a trailing possessive or punctuation; a
    'person' ending in a portfolio word ('Diaspora Affairs') is part of a title."""
    if ent.label_ not in ENTITY_LABELS:
        return None
    if ent.label_ == "PERSON" and ent[-1].lower_ in portfolio_words():
        return None
    if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ == "city":
        from dateline.actors.geo import find_city

        if find_city(ent.text) is not None:  # 'Ho Chi Minh City' is a city, not a person
            return Candidate(ent.start, ent.end, "GPE")
    start, end = ent.start, ent.end
    while start < end and doc[start].lower_ in _LEADING:
        start += 1
    if all(t.lower_ in FORMS_OF_ADDRESS or t.lower_ in ("his", "her", "your") for t in ent):
        return None  # 'His Majesty', 'Her Excellency': a form of address, not a name
    if ent.label_ == "ORG":  # "the Foreign Ministry in Accra": the place is not in the name
        cut = next((t.i for t in doc[start:end] if t.lower_ in {"in", "at"}), end)
        end = cut if cut > start else end
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if start == end or not name_key(doc[start:end].text):
        return None
    if ent.label_ == "ORG" and _portfolio(doc, start, end):
        return None
    return Candidate(start, end, ent.label_)


_JOINERS = frozenset({"and", "&"})

#: heads of an office whose portfolio the model may tag as an organisation
_PORTFOLIO_HEADS = frozenset({"minister", "secretary"})


def _portfolio(doc: Doc, start: int, end: int) -> bool:
    """An organisation that is an office's portfolio, not a body: 'The Home Minister',
    'Kenya's Health Cabinet Secretary', 'the Minister of Labour and Employment', 'the
    Minister of State for External Affairs', 'the European Commissioner for Crisis
    Management' (not 'the UN Secretary-General')."""
    after = doc[end] if end < len(doc) else None
    if after is not None and after.lower_ in _PORTFOLIO_HEADS:
        return not (end + 1 < len(doc) and doc[end + 1].text in {"-", "General", "general"})
    before = start - 1
    while (
        before > start - 6
        and before >= 1
        and (doc[before].lower_ in _JOINERS or (doc[before].is_title and before < start - 1))
    ):
        before -= 1  # 'the Minister of Mines and Energy', tagged 'Energy' alone
    while before >= 1 and doc[before].lower_ in {"of", "for"}:
        head = doc[before - 1].lower_
        if head in _PORTFOLIO_HEADS or head == "commissioner":
            return True
        if head != "state" or before < 3 or doc[before - 2].lower_ != "of":
            return False
        before -= 2  # 'Minister of State for ...'
    return False


def with_institutions(doc: Doc, lexicon: Lexicon, matches: list[Match]) -> list[Candidate]:
    """Gazetteer hits as candidates; a country followed by "government", "foreign ministry"
    ... (or preceded by "government of") becomes that country's institution."""
    out = []
    for match in matches:
        candidate = Candidate(match.start, match.end, match.entry.kind, entry=match.entry)
        if match.entry.kind in {"country", "demonym"} and match.entry.iso3:
            candidate = _institution(doc, lexicon, candidate, match.entry.iso3) or candidate
        out.append(candidate)
    return out


def _institution(doc: Doc, lexicon: Lexicon, c: Candidate, iso3: str) -> Candidate | None:
    after = c.end + (1 if c.end < len(doc) and doc[c.end].text in _POSSESSIVE else 0)
    for size in (5, 4, 3, 2, 1):  # "Ministry of Trade and Industry" … "government"
        phrase = name_key(doc[after : after + size].text) if after + size <= len(doc) else ""
        if phrase in lexicon.institutions and not _title_follows(doc, after + size):
            what = lexicon.institutions[phrase]
            return Candidate(c.start, after + size, "institution", institution=(iso3, what))
    if c.start >= 2 and doc[c.start - 1].lower_ == "of":  # "the government of Russia"
        for size in (3, 2, 1):
            first = c.start - 1 - size
            phrase = name_key(doc[first : c.start - 1].text) if first >= 0 else ""
            if phrase in lexicon.institutions and doc[first].is_lower and doc[first].is_alpha:
                what = lexicon.institutions[phrase]
                return Candidate(first, c.end, "institution", institution=(iso3, what))
    return None


def _title_follows(doc: Doc, i: int) -> bool:
    """'Kenya's Cabinet Secretary …': the institution's word begins a title, not a body."""
    return i < len(doc) and doc[i].lower_ in {"secretary", "minister"}


def _merge(doc: Doc, gazetteer: list[Candidate], entities: list[Candidate]) -> list[Candidate]:
    """Gazetteer first; an entity replaces the place names it strictly contains.

    The candidates kept so far are indexed by the tokens they cover, so that finding
    those an entity overlaps costs its length, not a scan of all of them (which made
    long articles quadratic).
    """
    kept: dict[int, Candidate] = {}  # by the order they were kept in
    covering: dict[int, list[int]] = {}  # token -> keys in ``kept`` of candidates over it
    keys_in_order = count()

    def keep(candidate: Candidate) -> None:
        key = next(keys_in_order)
        kept[key] = candidate
        for token in range(candidate.start, candidate.end):
            covering.setdefault(token, []).append(key)

    for candidate in gazetteer:
        keep(candidate)
    for entity in entities:
        keys = {k for t in range(entity.start, entity.end) for k in covering.get(t, ())}
        inside = [kept[k] for k in sorted(keys) if k in kept]
        if not inside:
            keep(entity)
        elif _entity_wins(doc, entity, inside):
            for key in keys:
                kept.pop(key, None)
            countries = [g.entry.iso3 for g in inside if g.entry and g.entry.iso3]
            entity.country = countries[0] if countries else None
            keep(entity)
    return list(kept.values())


def _entity_wins(doc: Doc, entity: Candidate, inside: list[Candidate]) -> bool:
    if any(g.label not in PLACE_KINDS for g in inside):
        return False
    if any(g.start < entity.start or g.end > entity.end for g in inside):
        return False
    if sum(g.end - g.start for g in inside) >= entity.end - entity.start:
        return False
    if _title_after_places(doc, entity, inside):
        return False
    words = {t.lower_ for t in doc[entity.start : entity.end]}
    return not words & {",", "and", "&"}  # "Pyongyang, North Korea" is two names


def _title_after_places(doc: Doc, entity: Candidate, inside: list[Candidate]) -> bool:
    """An entity that is a country's name and a title ("Moroccan Head of Government", tagged
    an organisation before "Mohammed Tahiri"): the country stays a country, for the title."""
    last = max(g.end for g in inside)
    rest = name_key(doc[last : entity.end].text)
    return bool(rest) and rest in title_vocabulary().denotes
