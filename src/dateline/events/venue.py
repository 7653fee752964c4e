"""Where an event happens when its own clause does not say: the occasion it was part of.

Rules over the mentions of one article, before merging:

- a ``when`` clause tells what was done on the occasion its main clause names ("last met
  in Baku in May, when they agreed to start negotiations"): it happened there too;
- a verb conjoined to another with no subject of its own shares the occasion ("met in
  Tete on June 27 and agreed on a joint fund"), and so does one whose subject is the same
  parties under another name ("… in New York, and the two sides agreed");
- what a gathering is held for is done there ("will meet in Arica on Friday to discuss
  quotas").

Only events that happen where their participants are (``scene.ON_SCENE``) take the
occasion's place: aid goes where it is sent, an attack falls where it falls.

And rules over the events, after merging:

- what is done at a gathering by those who gather there happens there ("… goes to
  Bucharest for the NATO summit. NATO leaders will meet with Afghan President Hamid
  Karzai");
- after the wire dateline had its say, what a country's parliament, cabinet or court does
  with no place told happens in that country ("Malawi's National Assembly voted to ratify
  the treaty");
- last, an event that no rule placed takes the place an 'in', 'at' or 'near' phrase names
  deeper inside its own clause, where the parser hung it on a noun ("recalled its
  ambassador in Lima", "visited a camp for displaced people in Baidoa"), else the place a
  'there' of its clause or purpose stands for ("pledged $20 million to help victims there");
- aid that still has no place goes to the country the text names most, other than the
  donor's ("Korea pledged $8 million to rebuild schools" in a story on Malawi's floods).
- a protest summons of an envoy with no place told happens at the summoning side's foreign
  ministry: in the city the envoy serves in, else the summoning country's capital;
- an address to a parliament or assembly ("addressed the National Assembly", "told
  Parliament") is made where the assembly sits: the seat of its country;
- a strike of a whole country ("a nationwide transport strike", "its general strike", "the
  teachers' strike") happens in the country, not at the wire dateline's city.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dateline.events.mention import Mention
from dateline.events.participants import SUBJECT_DEPS, MentionIndex
from dateline.events.places import (
    DESTINATION_PREPS,
    LOCATION_PREPS,
    first_place,
    on_landmark,
    place_of,
    route_preps,
)
from dateline.events.scene import ON_SCENE, SCENE_GROUPS
from dateline.events.tree import THE, children, is_definite, token_at
from dateline.model import Actor, Event, Place

#: subjects of a conjoined clause that stand for the parties of the clause before it
SAME_PARTIES = {"they", "both", "sides", "leaders", "ministers", "men", "women", "presidents"}


def occasion_places(mentions: list[Mention], doc: Doc, index: MentionIndex) -> None:
    """Give an on-the-scene mention with no place the place of the occasion it hangs on."""
    by_token: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_token.setdefault(mention.clause, []).append(mention)
    for mention in mentions:
        if mention.location is not None or mention.type not in ON_SCENE:
            continue
        clause = doc[mention.clause]
        host = occasion_verb(clause)
        if host is None and mention.token == clause.i and _purpose_of_gathering(clause):
            # 'will meet in Arica on Friday to discuss quotas', 'would hold a meeting in
            # Tacna to negotiate a deal': what the gathering is for is done there (the
            # purpose verb's own event, not a noun under it: 'to prepare the summit')
            host = clause.head
        if host is not None:
            mention.location = _place_of_occasion(host, by_token, index)


def occasion_verb(clause: Token) -> Token | None:
    """The verb whose occasion ``clause`` is part of: the main clause of a ``when`` clause,
    or the verb a subjectless (or same-parties) conjunct hangs on."""
    if clause.dep_ in ("advcl", "relcl") and any(
        c.lower_ == "when" and c.dep_ == "advmod" for c in clause.children
    ):
        # 'met in Baku in May 2026, when they agreed': the parser hangs the clause on the
        # date or on the verb
        head = clause.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        return head if head.pos_ in ("VERB", "AUX") else None
    if clause.dep_ == "conj" and clause.head.pos_ == "VERB" and _shares_parties(clause):
        return clause.head
    return None


#: verbs of gathering whose purpose clause is done where they gather
GATHERING_VERBS = {"meet", "gather", "convene", "assemble"}
#: what one holds to gather ('hold a meeting in Tacna to negotiate')
GATHERING_NOUNS = {"meeting", "talks", "summit", "session", "conference", "round"}


def _purpose_of_gathering(clause: Token) -> bool:
    """A 'to' clause with no subject of its own on a verb of gathering, or on 'hold' with a
    meeting as its object."""
    head = clause.head
    if clause.dep_ not in ("advcl", "xcomp") or head.i == clause.i or head.pos_ != "VERB":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    if children(clause, "nsubj", "nsubjpass"):
        return False
    lemma = head.lemma_.lower()
    held = lemma == "hold" and any(
        o.lemma_.lower() in GATHERING_NOUNS for o in children(head, "dobj")
    )
    return lemma in GATHERING_VERBS or held


def _shares_parties(conjunct: Token) -> bool:
    subjects = children(conjunct, "nsubj", "nsubjpass")
    return not subjects or all(s.lower_ in SAME_PARTIES for s in subjects)


def _place_of_occasion(
    host: Token, by_token: dict[int, list[Mention]], index: MentionIndex
) -> Place | None:
    """The place of the event told at ``host``, else the place its 'in' or 'at' names."""
    told = [m.location for m in by_token.get(host.i, []) if m.location is not None]
    return told[0] if told else place_of(host, index)


#: what those gathered do together at a meeting (not what one of them says or offers
#: anywhere: 'Kim said', 'invited him to visit' in an article on last year's summit)
DONE_TOGETHER = {"MEET", "DISCUSS", "AGREE", "COOPERATE"}


def gathering_places(events: list[Event]) -> None:
    """A meeting, talks or an agreement with no place, told after a placed meeting by one
    of its parties with the same status and a time that fits, happens at that meeting."""
    gatherings = [e for e in events if e.type == "MEET" and e.location and e.source]
    for event in events:
        if event.location or event.type not in DONE_TOGETHER:
            continue
        start = event.evidence[0].start if event.evidence else 0
        people = set(event.source) | set(event.target)
        for meeting in gatherings:
            told_before = meeting.evidence and meeting.evidence[0].start < start
            if told_before and people & set(meeting.source) and _same_occasion(event, meeting):
                event.location = meeting.location
                break


def _same_occasion(event: Event, meeting: Event) -> bool:
    if SCENE_GROUPS[event.status] != SCENE_GROUPS[meeting.status]:
        return False
    if not (event.dated and meeting.dated):
        return True
    lo, hi = event.time.earliest or "", event.time.latest or "9999"
    return (meeting.time.earliest or "") <= hi and lo <= (meeting.time.latest or "9999")


#: what a statement told 'after the talks' or 'afterwards' follows, by the noun that names
#: it: the gathering it was made at
FOLLOWED = {
    "talks": {"MEET", "DISCUSS"}, "meeting": {"MEET", "DISCUSS"}, "summit": {"MEET"},
    "signing": {"AGREE"}, "ceremony": {"AGREE", "MEET"},
}  # fmt: skip
#: the statements and what is said with them ('told reporters after the signing')
SAID_AFTER = {"STATEMENT", "ACCUSE", "REJECT", "THREATEN"}
#: how far before the statement the gathering it follows may be told (characters)
FOLLOWED_REACH = 1200


def said_after_gathering(
    events: list[Event], pairs: list[tuple[list[Mention], Event]], doc: Doc
) -> None:
    """A statement with no place told 'after the talks', 'after the signing' or 'afterwards'
    ('told a joint news conference after the signing') is made where the talks or the
    signing told last before it took place, when those have a place and a time that fits."""
    told = {id(event): mentions for mentions, event in pairs}
    placed = [e for e in events if e.location and e.evidence]
    for event in events:
        if event.location or event.type not in SAID_AFTER or not event.evidence:
            continue
        kinds: set[str] = set()
        for mention in told.get(id(event), []):
            kinds |= _followed_kinds(doc[mention.clause])
        start = event.evidence[0].start
        before = [
            e
            for e in placed
            if e.type in kinds
            and start - FOLLOWED_REACH <= e.evidence[0].start < start
            and _same_occasion(event, e)
        ]
        if before:
            event.location = max(before, key=lambda e: e.evidence[0].start).location


def _followed_kinds(verb: Token) -> set[str]:
    """The event types an 'after the talks' (or 'afterwards') of ``verb``'s clause follows."""
    kinds: set[str] = set()
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in ("afterwards", "afterward"):
            kinds |= {"MEET", "DISCUSS", "AGREE"}
        if child.dep_ != "prep" or child.lower_ != "after":
            continue
        for noun in children(child, "pobj"):
            if noun.lower_ in FOLLOWED and is_definite(noun, THE):
                kinds |= FOLLOWED[noun.lower_]
    return kinds


#: who an envoy's summons brings in: the envoy, as object or as passive subject
SUMMONED = {"dobj", "nsubjpass"}


def summons_at_home(
    actors: list[Actor],
    places: list[Place],
    pairs: list[tuple[list[Mention], Event]],
    doc: Doc,
) -> None:
    """A protest summons with no place told ('Namibia summoned the Botswana High
    Commissioner', 'Pretoria was right to summon Zimbabwe's envoy') happens at the summoning
    side's foreign ministry: in the city where the envoy is told to serve ('summoned
    Suriname's ambassador in Georgetown'), else in the summoning country's capital. The
    guide's place is the city, not the country a ministry's statement is placed in."""
    from dateline.events.places import capital_city

    by_id = {a.id: a for a in actors}
    cities = {s: p for p in places if p.kind == "city" for s, _ in p.mentions}
    for mentions, event in pairs:
        if event.location or event.type != "ACCUSE":
            continue
        summons = [doc[m.token] for m in mentions if doc[m.token].lemma_.lower() == "summon"]
        if not summons:
            continue
        posted = _posted_in(summons[0], cities)
        doers = [by_id[s] for s in event.source if s in by_id]
        code = next((a.country for a in doers if a.country), None)
        if posted is not None and code in (None, posted.country):
            event.location = posted.name
            continue
        capital = capital_city(code) if code is not None else None
        if capital is not None:
            event.location = capital.name


def _posted_in(trigger: Token, cities: dict[int, Place]) -> Place | None:
    """The city an 'in' phrase of the summoned envoy names ('the ambassador in Quito')."""
    for envoy in trigger.children:
        if envoy.dep_ not in SUMMONED:
            continue
        for prep in envoy.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for word in prep.subtree:
                if word.idx in cities:
                    return cities[word.idx]
    return None


#: words naming a country's institutions that sit at home: what they do happens there
HOME_INSTITUTIONS = {
    "assembly", "parliament", "senate", "congress", "cabinet", "court", "tribunal",
    "duma", "knesset", "majlis", "diet", "legislature", "council of ministers",
}  # fmt: skip
#: what such an institution does where it sits (not a visit, deployment, attack or aid)
AT_HOME = ON_SCENE | {"REJECT", "SANCTION", "THREATEN", "PROTEST"}


#: words naming a country's offices that speak from home ('Sudan's foreign ministry said',
#: 'the Mozambican presidency says'), where the text names no place
SPEAKING_OFFICES = {"ministry", "presidency", "government", "chancellery"}
#: what such an office does by saying it, where it sits
SAID_AT_HOME = {"STATEMENT", "REJECT", "ACCUSE", "THREATEN", "SANCTION"}


def home_institution_places(
    events: list[Event],
    actors: list[Actor],
    pairs: list[tuple[list[Mention], Event]],
    doc: Doc,
) -> None:
    """Place an event with no place whose doer is a country's parliament, cabinet or court in
    that country, and so a statement (rejection, accusation …) of its ministry, presidency
    or government, also one told by a nationality alone that the actors step reads as the
    country itself ('the Moroccan ministry put out a statement'): the text names no city,
    so the guide's place is the country."""
    by_id = {a.id: a for a in actors}
    told = {id(event): mentions for mentions, event in pairs}
    for event in events:
        if event.location or event.type not in AT_HOME or not event.source:
            continue
        doer = by_id.get(event.source[0])
        if doer is None or doer.country is None:
            continue
        speaks = event.type in SAID_AT_HOME and (
            sits_at_home(doer, SPEAKING_OFFICES) or _office_of(doer, told.get(id(event), []), doc)
        )
        if not (speaks or sits_at_home(doer, HOME_INSTITUTIONS)):
            continue
        event.location = _country_name(doer.country)


#: how a nationality or a country's name hangs on the office it qualifies ('the Moroccan
#: ministry', 'Peru's presidency', 'the Chilean foreign ministry')
QUALIFYING = {"amod", "compound", "poss", "nmod"}


def _office_of(doer: Actor, mentions: list[Mention], doc: Doc) -> bool:
    """A country doer told as its ministry, presidency or government: the word naming the
    country qualifies the subject whose head is one of ``SPEAKING_OFFICES``."""
    if doer.kind != "country":
        return False
    for mention in mentions:
        for ref in mention.sources:
            if ref.id != doer.id:
                continue
            token = token_at(doc, ref.start)
            while token is not None and token.dep_ in QUALIFYING and token.head.i != token.i:
                token = token.head
                if token.lemma_.lower() in SPEAKING_OFFICES and token.dep_ in SUBJECT_DEPS:
                    return True
    return False


def sits_at_home(actor: Actor, institutions: set[str]) -> bool:
    name = f" {' '.join(re.findall(r'[a-z]+', actor.name.lower()))} "
    return actor.kind in ("organisation", "government") and any(
        f" {words} " in name for words in institutions
    )


#: phrases that tell what an event is about, or where someone comes from, not where it
#: happens ('talks on the war in Ukraine', 'troops from bases in Gao')
ELSEWHERE_PREPS = {"from", "on", "about", "over", "regarding", "concerning", "against", "to"}
#: links to clauses of other events, whose places are theirs
OTHER_CLAUSES = {"relcl", "ccomp", "advcl", "xcomp", "acl", "parataxis", "csubj", "pcomp"}
#: prepositions of a place deep in a clause
DEEP_PREPS = {"in", "at", "near", "inside", "outside"}


def clause_place(trigger: Token, index: MentionIndex, kind: str) -> Place | None:
    """The first mapped place an 'in', 'at' or 'near' phrase names inside the trigger's own
    clause, below a noun the parser hung it on ('recalled its ambassador in Lima'); not in
    a clause of another event, nor in a phrase of what it is about or where someone comes
    from. Else the place a 'there' of its clause or of its purpose stands for."""
    return _deep_place(trigger, index, kind) or _deep_there(trigger, index)


#: types whose verb's object is what the event is about ('protesting the war in Iraq')
TOPIC_OBJECT_TYPES = {"PROTEST", "DISCUSS", "ACCUSE", "REJECT", "THREATEN"}


def _deep_place(trigger: Token, index: MentionIndex, kind: str) -> Place | None:
    # not the object a protest or talks are about, nor a conjoined event ('the Canberra
    # meeting in April and the Forum meeting in Honiara'); a conjoined phrase of place is
    # the trigger's ('met in Panmunjom in April and in Pyongyang in September')
    objects = {"dobj"} if kind in TOPIC_OBJECT_TYPES else set()
    stack = [
        c
        for c in trigger.children
        if _same_clause(c) and c.dep_ not in objects and (c.dep_ != "conj" or c.pos_ == "ADP")
    ]
    while stack:
        token = stack.pop(0)
        if token.dep_ == "pobj" and token.head.lower_ in DEEP_PREPS & LOCATION_PREPS:
            place = first_place(token, index)
            if place is not None and place.kind not in ("facility", ""):
                return place
        stack.extend(c for c in token.children if _same_clause(c))
    return None


#: clauses whose 'there' is not the event's: what others say or describe
SAID_CLAUSES = {"relcl", "ccomp", "parataxis", "csubj"}


def _deep_there(trigger: Token, index: MentionIndex) -> Place | None:
    """'attended a regional summit there', 'pledged $50 million to help refugees there': the
    place named last before the 'there' (in its sentence or the one before), not a capital
    standing for its government ('Ottawa pledged', "Canada's partners")."""
    words = [t for t in trigger.subtree if _plain_there(t) and not _said_between(t, trigger)]
    if trigger.dep_ in ("dobj", "attr"):
        words += [c for c in trigger.head.children if _plain_there(c)]
    for there in words:
        start = there.sent.start
        start = there.doc[start - 1].sent.start if start > 0 else start
        for token in reversed(there.doc[start : there.i]):
            place = index.place(token)
            if place is not None and not _acting(token, trigger):
                return place if place.kind not in ("facility", "") else None
    return None


def _acting(token: Token, trigger: Token) -> bool:
    """A place name standing for its government: the subject of the event's clause, or an
    owner ('Canada's aid partners')."""
    clause = trigger.head if trigger.pos_ in ("NOUN", "PROPN") else trigger
    subject = token.dep_ in ("nsubj", "nsubjpass") and token.head.i in (trigger.i, clause.i)
    return subject or token.dep_ == "poss"


def _plain_there(token: Token) -> bool:
    return token.lower_ == "there" and token.dep_ == "advmod"


def _said_between(token: Token, trigger: Token) -> bool:
    head = token
    while head.i != trigger.i and head.head.i != head.i:
        if head.dep_ in SAID_CLAUSES:
            return True
        head = head.head
    return False


def _same_clause(token: Token) -> bool:
    if token.dep_ in OTHER_CLAUSES or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")):
        return False
    return not (token.dep_ == "prep" and token.lower_ in ELSEWHERE_PREPS)


def clause_places(pairs: list[tuple[list[Mention], Event]]) -> None:
    """An event that no rule placed takes the first place its mentions' clauses name."""
    for mentions, event in pairs:
        if event.location is not None:
            continue
        found = next((m.loose_place for m in mentions if m.loose_place is not None), None)
        if found is not None:
            event.location = found.name


def measures_at_home(events: list[Event], actors: list[Actor]) -> None:
    """A measure (``SANCTION``) that no rule placed, whose first doer is a country, happens
    in that country: a duty, a ban on goods, a halt of exports or their lifting takes
    effect at the country's own borders, and the text names no city ('Kenya has put off
    its levy on Ugandan sugar': Kenya). Runs after ``clause_places``, so a crossing or
    city the measure's clause names stays its place."""
    by_id = {a.id: a for a in actors}
    for event in events:
        if event.location is not None or event.type != "SANCTION" or not event.source:
            continue
        doer = by_id.get(event.source[0])
        if doer is None or doer.kind != "country" or doer.country is None:
            continue
        event.location = _country_name(doer.country)


#: how far back (in characters) a city told before a venue may be the venue's city
VENUE_CITY_REACH = 1500
#: words that make a name the tagger calls a facility a building or its grounds, not a
#: town, shoal or square the gazetteer lacks ('Luang Prabang', 'Scarborough Shoal')
BUILDING_WORDS = {
    "palace", "house", "building", "buildings", "hall", "hotel", "ministry", "office",
    "residence", "centre", "center", "headquarters", "chancellery", "park", "stadium",
    "arena", "airport",
}  # fmt: skip


def venue_cities(events: list[Event], places: list[Place], text: str) -> None:
    """An event placed at a building or square with no city of its own ('held talks at the
    Moncloa Palace') happens in the city told last before the venue, within a few
    paragraphs ('welcomed at the Royal Palace in Madrid … talks at the Moncloa Palace':
    Madrid), else at the wire dateline's city: the guide's place is the city, and the
    venue's name alone says nothing on a map. A city of another country than the venue's
    (when its country is known) is no answer."""
    from dateline.events.scene import dateline_city

    by_name = {p.name: p for p in places}
    cities = sorted((start, p) for p in places if p.kind == "city" for start, _ in p.mentions)
    home = dateline_city(text)
    for event in events:
        venue = by_name.get(event.location or "")
        if venue is None or not _building(venue, text) or not event.evidence:
            continue
        first, last = event.evidence[0].start, event.evidence[-1].end
        told = [s for s, _ in venue.mentions if first <= s < last]
        at = told[0] if told else first
        near = [p for s, p in cities if at - VENUE_CITY_REACH <= s < at]
        near = [p for p in near if venue.country in (None, p.country)]
        city = near[-1] if near else home
        if city is not None and venue.country in (None, city.country):
            event.location = city.name


def _building(place: Place, text: str) -> bool:
    """A facility whose name, or the word written after it ('the Cidade Alta palace'), is a
    building's."""
    if place.kind != "facility":
        return False
    words = {w.lower() for w in re.findall(r"\w+", place.name)}
    after = {m.group(1).lower() for _, e in place.mentions if (m := _NEXT_WORD.match(text, e))}
    return bool((words | after) & BUILDING_WORDS)


_NEXT_WORD = re.compile(r"\s+(\w+)")


#: common nouns of a building or its grounds, which stand in some city the text names
#: ('rallied outside the embassy', 'told reporters at the presidential palace')
VENUE_NOUNS = BUILDING_WORDS | {
    "embassy", "consulate", "parliament", "diet", "legislature", "venue", "port", "square",
    "gate", "gates", "compound", "secretariat",
}  # fmt: skip
#: what happens where its doers are, at a building as anywhere
AT_A_BUILDING = ON_SCENE | {"PROTEST"}


def building_at(trigger: Token, kind: str) -> int | None:
    """The offset of a building an 'outside', 'at', 'near', 'inside' or 'in front of' phrase
    of the trigger's own clause names ('rallied outside the embassy', 'in front of
    parliament', 'outside Government House'), or a march's destination ('marched to
    parliament'), for an event that happens where its doers are; ``building_cities`` gives
    it the building's city when nothing else placed it."""
    if kind not in AT_A_BUILDING:
        return None
    stack = [c for c in trigger.children if _same_clause(c) and c.dep_ != "conj"]
    # 'rallied on Freedom Square': an 'on' phrase elsewhere tells what the event is about
    stack += [c for c in children(trigger, "prep") if c.lower_ == "on" and _names_landmark(c)]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        # 'called a rally outside parliament': the parser hangs the phrase on the verb
        stack += [c for c in trigger.head.children if c.dep_ == "prep" and _at(c)]
    # 'marched to parliament', 'called off a march to the parliament building': where a
    # march goes
    route = [p for p in route_preps(trigger) if p.lower_ in DESTINATION_PREPS]
    stack += route
    while stack:
        token = stack.pop(0)
        at = token.dep_ == "pobj" and (_at(token.head) or token.head in route)
        if at and token.lemma_.lower() in VENUE_NOUNS:
            return token.idx
        if token.dep_ == "pobj" and on_landmark(token.head.lower_, token):
            return token.idx  # 'talks on Parliament Hill'
        stack.extend(c for c in token.children if _same_clause(c))
    return None


def _names_landmark(prep: Token) -> bool:
    """An 'on' phrase whose object is a named square or landmark."""
    return any(on_landmark(prep.lower_, pobj) for pobj in children(prep, "pobj"))


def _at(prep: Token) -> bool:
    """A preposition of being at a place: 'outside', 'at' …, or the 'of' of 'in front of'."""
    if prep.lower_ == "of":
        return prep.head.lower_ == "front" and prep.head.head.lower_ == "in"
    return prep.lower_ in DEEP_PREPS - {"in"}


def building_cities(
    pairs: list[tuple[list[Mention], Event]], places: list[Place], text: str
) -> None:
    """An event at a building with no place told ('about fifty people gathered outside the
    conference centre') happens in the city told last before the building, within a few
    paragraphs, else at the wire dateline's city, else in the city told last before it
    further back (a transcript or a report with no dateline that names its city in its
    opening lines only): the guide's place is the city. Of the cities near, those of the
    dateline's country come first: the dateline places what is reported from there unless
    the text says otherwise, and a city of another country told in passing (`the last
    summit, in Windhoek`, a hospital the gazetteer takes for a town abroad) says nothing of
    where the building stands."""
    from dateline.events.scene import dateline_city, dateline_sections, reported_from

    cities = sorted((start, p) for p in places if p.kind == "city" for start, _ in p.mentions)
    home: list[Place | None] = []
    sections: list[tuple[int, Place]] = []
    for mentions, event in pairs:
        at = next((m.building for m in mentions if m.building is not None), None)
        if event.location is not None or at is None:
            continue
        before = [p for s, p in cities if s < at]
        near = [p for s, p in cities if at - VENUE_CITY_REACH <= s < at]
        if not home:
            home.append(dateline_city(text))
            sections.extend(dateline_sections(text))
        # a round-up's item reports from its own dateline ('JAKARTA - …' after 'KUALA LUMPUR')
        here = reported_from(sections, home[0], at)
        if here is not None:
            near = [p for p in near if p.country == here.country] or near
        city = near[-1] if near else home[0] or (before[-1] if before else None)
        if city is not None:
            event.location = city.name


#: how many more times than any other country the text must name the country aid goes to
AID_LEAD = 1


def aid_to_the_country_in_view(
    events: list[Event], places: list[Place], actors: list[Actor], doc: Doc
) -> None:
    """Aid with no place told ('Korea pledged $8 million on Friday to rebuild schools', in
    a story on floods in Malawi) goes to the country the text names most, itself or through
    its towns and regions, other than a donor's own, when it leads every other country; a
    name told as where someone comes from ('refugees from Syria') does not count."""
    country = {a.id: a.country for a in actors}
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for place in places:
        if place.country is None or place.kind not in ("country", "city", "region"):
            continue
        told = [m for m in place.mentions if not _told_as_origin(doc, m[0])]
        counts[place.country] = counts.get(place.country, 0) + len(told)
        if place.kind == "country":
            names.setdefault(place.country, place.name)
    for event in events:
        if event.location is not None or event.type != "AID":
            continue
        donors = {country.get(s) or s for s in event.source}
        ranked = sorted(((n, c) for c, n in counts.items() if n and c not in donors), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0][0] - ranked[1][0] < AID_LEAD):
            continue
        code = ranked[0][1]
        event.location = names.get(code) or _country_name(code)


def _told_as_origin(doc: Doc, start: int) -> bool:
    """The name at ``start`` is the object of a 'from' ('refugees from Syria')."""
    token = token_at(doc, start)
    while token is not None and token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token is not None and token.dep_ == "pobj" and token.head.lower_ == "from"


def _country_name(code: str) -> str | None:
    from dateline.actors.geo import load_countries

    info = load_countries().get(code)
    return info.name if info is not None else None


#: words before 'strike' that make it a whole country's: 'a nationwide strike', 'its general
#: strike', 'a 24-hour national strike'
NATIONWIDE = {"nationwide", "national", "general", "countrywide", "nation-wide"}
#: who strike in every town of a country at once: the state's teachers and employees ('the
#: teachers' strike', 'a public-sector strike')
STATE_WORKERS = {"teachers", "teacher", "public-sector", "civil", "servants", "public"}


def strikes_of_a_country(
    pairs: list[tuple[list[Mention], Event]],
    places: list[Place],
    actors: list[Actor],
    doc: Doc,
) -> None:
    """A strike of a whole country ('a nationwide transport strike', 'its general strike',
    the teachers' strike) happens in the country, not in the city the wire files from nor
    nowhere: the country its sentence names ('closed schools across Slovakia'), else the
    country of the city it was placed in or of a city its sentence names, else its doers',
    else the dateline's. A strike told at a place of its own that is no city ('at the port')
    keeps it."""
    from dateline.events.scene import dateline_city, dateline_sections, reported_from

    by_name = {p.name: p for p in places}
    country_of = {a.id: a.country for a in actors}
    datelines: tuple[list[tuple[int, Place]], Place | None] | None = None  # read once, if needed
    for mentions, event in pairs:
        if event.type != "PROTEST" or not any(_whole_country(doc[m.token]) for m in mentions):
            continue
        here = by_name.get(event.location or "")
        if event.location is not None and (here is None or here.kind != "city"):
            continue  # a country already, or a port, a region, a building of its own
        start, end = mentions[0].sentence
        told = [p for p in places if any(start <= s < end for s, _ in p.mentions)]
        doers = [country_of.get(s) or s for s in event.source]
        if datelines is None:
            datelines = (dateline_sections(doc.text), dateline_city(doc.text))
        home = reported_from(*datelines, start)
        codes = (
            [p.country for p in told if p.kind == "country"]
            + ([here.country] if here is not None else [])
            + [p.country for p in told if p.kind == "city"]
            + [c for c in doers if c is not None and len(c) == 3 and c.isupper()]
            + ([home.country] if home is not None else [])
        )
        code = next((c for c in codes if c), None)
        if code is None:
            continue
        named = next((p.name for p in places if p.kind == "country" and p.country == code), None)
        event.location = named or _country_name(code) or event.location


def _whole_country(token: Token) -> bool:
    """A 'strike' called nationwide or general, or one of the state's teachers or workers."""
    if token.lemma_.lower() != "strike" or token.pos_ != "NOUN":
        return False
    before = [c for c in token.children if c.i < token.i]
    words = {w.lower_ for c in before for w in c.subtree if w.pos_ != "PROPN"}
    return bool(words & NATIONWIDE) or any(
        c.dep_ in ("poss", "compound", "amod") and c.lower_ in STATE_WORKERS for c in before
    )


#: words naming a parliament or assembly a speaker addresses ('addressed the National
#: Assembly', 'a joint sitting of Parliament', 'told Parliament', 'the Verkhovna Rada')
ASSEMBLY_WORDS = {
    "parliament", "assembly", "congress", "senate", "diet", "legislature", "rada", "duma",
    "knesset", "majlis", "sejm", "storting", "riksdag", "bundestag", "cortes", "lawmakers",
}  # fmt: skip
#: countries whose parliament does not sit in the capital the gazetteer gives
PARLIAMENT_SEATS = {"ZAF": "Cape Town", "NLD": "The Hague", "BOL": "La Paz", "CHL": "Valparaíso"}
#: statuses of what is done or under way, one group against plans and the rest
DONE = {"occurred", "ongoing"}
#: words that make an assembly the United Nations' one, which sits in New York
WORLD_BODY = {"un", "u.n.", "united", "nations", "world"}


def addresses_to_parliament(
    events: list[Event],
    actors: list[Actor],
    places: list[Place],
    pairs: list[tuple[list[Mention], Event]],
    doc: Doc,
    text: str,
) -> None:
    """An address to a parliament or assembly ('addressed the National Assembly', 'is due to
    address Burkina Faso's National Assembly', 'told Parliament on Wednesday', 'an address
    to the Assembly of the Republic') with no place, only a country, or the wire dateline's
    city its sentence does not name, is a statement made where the assembly sits: the seat
    of the country named with it; else of the wire dateline's country when the speaker is
    from elsewhere; else of a country the speaker is visiting; else of the dateline's; else
    of the speaker's own."""
    from dateline.events.scene import dateline_city

    by_id = {a.id: a for a in actors}
    named = {p.name: p for p in places}
    city = dateline_city(text)
    for mentions, event in pairs:
        if event.type != "STATEMENT":
            continue
        current = named.get(event.location or "")
        lent = city is not None and event.location == city.name
        sentence = event.evidence[0].sentence if event.evidence else ""
        if lent and (event.location or "") in sentence:
            continue  # the dateline's city named: 'addressed Parliament here in Cape Town'
        if event.location and not lent and (current is None or current.kind != "country"):
            continue  # a city or venue told or lent by another event: kept
        assembly = next(
            (a for m in mentions if (a := _addressed_assembly(doc[m.token])) is not None), None
        )
        if assembly is None:
            continue
        homes = {
            c for s in event.source if (c := by_id[s].country if s in by_id else None) is not None
        }
        here = city.country if city is not None else None
        code = _owner_country(assembly)
        if code is None and here is not None and homes and here not in homes:
            code = here  # 'LUANDA - … Brazil's president addressed the National Assembly'
        code = code or _visited_country(event, events, named, homes) or here
        code = code or next(iter(sorted(homes)), None)
        if current is not None and current.kind == "country" and current.country == code:
            continue  # 'will address Ghana's parliament', placed in Ghana: kept
        seat = _seat_of_parliament(code) if code is not None else None
        if seat is not None:
            event.location = seat.name


def _addressed_assembly(trigger: Token) -> Token | None:
    """The assembly word of an address: the object of 'address' or 'tell', or the object of
    the 'to' of the noun 'address'; none for the United Nations' General Assembly."""
    lemma = trigger.lemma_.lower()
    if lemma == "address" and trigger.pos_ == "VERB":
        objects = [c for c in trigger.children if c.dep_ == "dobj"]
    elif lemma == "address":
        objects = [p for c in trigger.children if c.dep_ == "prep" for p in c.children]
    elif lemma == "tell":
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "dative")]
    else:
        return None
    for obj in objects:
        words = list(obj.subtree)
        if any(w.lower_ in WORLD_BODY for w in words):
            return None
        for word in words:
            if word.lemma_.lower() in ASSEMBLY_WORDS and (lemma != "tell" or word.is_title):
                return word
    return None


def _owner_country(assembly: Token) -> str | None:
    """The country named with the assembly: 'Burkina Faso's National Assembly', 'the
    Kazakh parliament'."""
    from dateline.actors.geo import country_code

    for owner in assembly.children:
        if owner.dep_ not in QUALIFYING or owner.i > assembly.i:
            continue
        words = [w.text for w in owner.subtree if w.dep_ != "case" and w.lower_ != "the"]
        code = country_code(" ".join(words))
        if code is not None:
            return code
    return None


def _visited_country(
    event: Event, events: list[Event], named: dict[str, Place], homes: set[str]
) -> str | None:
    """The country of a visit abroad by one of the event's doers, of the same status group."""
    for visit in events:
        if visit.type != "VISIT" or not set(visit.source) & set(event.source):
            continue
        if (visit.status in DONE) != (event.status in DONE):
            continue
        place = named.get(visit.location or "")
        if place is not None and place.country and place.country not in homes:
            return place.country
    return None


def _seat_of_parliament(code: str) -> Place | None:
    """Where a country's parliament sits: its capital, save the few that sit elsewhere."""
    from dateline.actors.geo import find_capital
    from dateline.events.places import capital_city

    name = PARLIAMENT_SEATS.get(code)
    point = find_capital(name, code) if name else None
    if point is None:
        return capital_city(code)
    return Place(point.name, code, point.lat, point.lon, "city")
