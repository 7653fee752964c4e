"""Where an event happens, as its own phrases and clauses tell: the place of an 'in' or
'at' phrase, of a relative clause that says the event is held there, of a 'there' or a
'where' clause, of the speaker or the party met, of a capital or a seat of government.

The functions read one token's phrases; which of them an event's arguments ask, and in
which order, is for ``arguments.py`` to say; what an occasion or the article lends an
event with no place of its own is ``venue.py``'s and ``scene.py``'s.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from dateline.events.participants import MentionIndex, resolve
from dateline.events.tree import RELATIVE_PRONOUNS, children, phrase_tokens, prep_objects
from dateline.model import Place

#: prepositions whose object is where an event happens
LOCATION_PREPS = {
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "through",
    "across",
    "around",
    "throughout",
    "off",  # 'a strike on a boat off the coast of Oaxaca'
    "along",  # 'clashed along the border'
}


def speakers_place(verb: Token, index: MentionIndex) -> Place | None:
    """'the Norwegian Embassy in London said', 'said Ana Lima, an economist in Lisbon': a
    speaker is where the subject's own 'in' phrase (or its apposition's) puts it; 'told a
    news conference in Nairobi', 'told reporters in Abuja': so is the audience told."""
    speakers = children(verb, "nsubj")
    for holder in [*speakers, *(a for s in speakers for a in children(s, "appos"))]:
        found = own_place(holder, index)
        if found is not None:
            return found
    if verb.lemma_.lower() in AUDIENCE_VERBS:
        return next((p for p in (place_of(o, index) for o in children(verb, "dobj")) if p), None)
    # 'Ambassador Onuma, speaking at a reception in Guayaquil on Sunday, said': where the
    # participle of speaking on the speaker (or on the verb) puts the speaker
    clauses = [*(c for s in speakers for c in children(s, "acl")), *children(verb, "advcl")]
    for clause in clauses:
        if clause.tag_ == "VBG" and clause.lemma_.lower() in SPEAKING_VERBS:
            found = place_of(clause, index)
            if found is not None:
                return found
    return None


#: participles of speaking that tell where a speaker said it ('speaking at a reception in
#: Guayaquil', 'addressing a rally in Kitwe')
SPEAKING_VERBS = {"speak", "address", "talk", "brief"}


#: verbs of speech whose object is the audience, who hears it where it is said
AUDIENCE_VERBS = {"tell", "brief", "address", "inform"}


def own_place(noun: Token, index: MentionIndex) -> Place | None:
    """The place of a noun's own 'in' phrase ('the embassy in Manila')."""
    for prep, pobj in prep_objects(noun):
        found = first_place(pobj, index) if prep == "in" else None
        if found is not None:
            return found
    return None


#: acts a subject 'here' does where the text reports from
ON_THE_SPOT = {"STATEMENT", "ACCUSE", "MEET", "DISCUSS", "AGREE", "REJECT", "THREATEN"}


def reported_here(verb: Token, index: MentionIndex) -> Place | None:
    """'the foreign ministry here condemned the claim', 'Eritrea's ambassador here told
    me': the subject is where the text (or its item) reports from."""
    for holder in (verb, *children(verb, "nsubj")):  # the parser hangs it on either
        if any(c.lower_ == "here" and c.dep_ == "advmod" for c in holder.children):
            return index.home_place(holder.idx)
    return None


#: verbs that say an event happens ('take place', 'be held', 'occur'), or starts ('talks
#: that were due to open in Geneva')
HAPPENING = {"take", "hold", "occur", "happen", "convene", "open", "start", "begin", "resume"}
#: verbs and states that set an event for a time and place ('which had been set for July in
#: Antananarivo', 'scheduled in Arica', 'a team which had been expected in Beirut', 'a relief
#: flight is expected in Nadi on Friday')
SETTING = {
    "plan", "schedule", "set", "slate", "arrange", "due", "scheduled", "planned", "expect",
    "expected",
}  # fmt: skip


#: links inside a noun's phrase up to its last noun, which the parser hangs the noun's
#: relative clause on ('talks between Bolivia and Chile, which were to open in Arica')
PHRASE_LINKS = {"prep", "pobj", "conj", "appos", "compound", "nmod"}


def describing_clauses(noun: Token) -> Iterator[Token]:
    """The relative and participle clauses that may describe ``noun``: its own, those the
    parser hangs on the last noun of its phrase ('a meeting of their two governments that
    was to be held in Iași'), and a plan adjective ('talks due to open in Geneva'); which
    of them tells where the noun happens is for their verb to say."""
    for inner in noun.subtree:
        describing = inner.dep_ in ("relcl", "acl") or (
            inner.dep_ == "amod" and inner.lemma_.lower() in SETTING
        )
        if inner.i == noun.i or not describing:
            continue
        head = inner.head
        while head.i != noun.i and head.dep_ in PHRASE_LINKS:
            head = head.head
        if head.i == noun.i:
            yield inner


def happening_place(relcl: Token, index: MentionIndex) -> Place | None:
    """The place of a relative clause that says its noun happens there, through a plan verb
    ('was supposed to take place in Moscow', 'that was due to open in Geneva', 'which had
    been set for July in Antananarivo'); the noun is the clause's subject (the relative
    pronoun), not its object ('talks that he announced in Geneva')."""
    for child in relcl.children:
        relative = child.lower_ in RELATIVE_PRONOUNS
        if (child.dep_ == "nsubj" and not relative) or (child.dep_ == "dobj" and relative):
            # 'talks that he announced in Geneva' are not held there; 'an investment forum
            # Ghana was to host in Accra', 'talks the two leaders will hold in Lusaka' are
            return _held_place(relcl, index)
    verb = relcl
    for _ in range(4):
        lemma = verb.lemma_.lower()
        if lemma in HAPPENING and (
            lemma != "take" or any(c.lower_ == "place" for c in verb.children)
        ):
            return place_of(verb, index)
        nxt = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp")), None)
        if nxt is None:
            break
        verb = nxt
    due = set_place(relcl, index) if relcl.lemma_.lower() == "be" else None
    if due is not None:
        return due  # 'the summit that was due in Tashkent on May 23'
    if relcl.lemma_.lower() in SETTING and relcl.tag_ == "VBN":
        # 'which had been set in Arica', 'set for July in Antananarivo' (the place on the date),
        # 'a meeting planned for Quito in November' (the plan's 'for' names the place itself)
        dates = [pobj for prep, pobj in prep_objects(relcl) if prep == "for"]
        places = [
            place_of(relcl, index),
            *(place_of(day, index) for day in dates),
            *(_named_place(day, index) for day in dates),
        ]
        return next((place for place in places if place is not None), None)
    return None


#: verbs whose object is an occasion they hold, where they are done ('an investment forum
#: Ghana was to host in Accra', 'talks the two leaders are to hold in Lusaka')
HOLDING = {"hold", "host", "stage", "convene", "organise", "organize"}


def set_place(clause: Token, index: MentionIndex) -> Place | None:
    """The place a clause sets its subject's event for: 'the summit is due in Harare in
    August', 'had been due in Accra', 'further talks are scheduled in Doha' (a copula with
    `due`, or a passive plan participle), on the verb or on its `due`."""
    due = [c for c in clause.children if c.dep_ == "acomp" and c.lower_ == "due"]
    if clause.lemma_.lower() == "be" and due and not children(due[0], "xcomp"):
        return place_of(clause, index) or place_of(due[0], index)
    planned = clause.lemma_.lower() in SETTING and clause.tag_ == "VBN"
    if planned and children(clause, "nsubjpass") and not children(clause, "xcomp"):
        return place_of(clause, index)
    return None


#: verbs of a carrier's arrival ('an aircraft is due to land in Khartoum', 'the convoy will
#: reach Goma', 'a ship that docked at Apia'): where what it carries arrives
ARRIVING = {"land", "arrive", "dock", "reach", "anchor"}


def arrival_place(clause: Token, index: MentionIndex) -> Place | None:
    """Where the subject of a clause arrives, through a plan or a modal ('is due to land in
    Khartoum', 'is expected to arrive at the port of Beira', 'will reach Goma'): the place of
    the arrival verb's 'in' or 'at' phrase, or of what it reaches."""
    verb = clause
    for _ in range(4):
        if verb.lemma_.lower() in ARRIVING:
            reached = (first_place(o, index) for o in children(verb, "dobj"))
            return place_of(verb, index) or next((p for p in reached if p is not None), None)
        nxt = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp")), None)
        # the parser reads 'due to land' at times as a preposition and a noun
        to = [c for c in verb.children if c.dep_ in ("prep", "pcomp") and c.lower_ == "to"]
        nxt = nxt or next((o for t in to for o in children(t, "pobj")), None)
        if nxt is None:
            return None
        verb = nxt
    return None


def _held_place(relcl: Token, index: MentionIndex) -> Place | None:
    """The place of a relative clause whose verb (or its infinitive: 'was to host') holds the
    noun the clause describes: the verb has no object of its own but the relative pronoun
    (or none written), and the relative pronoun is not its subject."""
    verb = relcl
    for _ in range(4):
        if verb.lemma_.lower() in HOLDING:
            for child in verb.children:
                relative = child.lower_ in RELATIVE_PRONOUNS
                if (child.dep_ == "dobj" and not relative) or (
                    child.dep_ in ("nsubj", "nsubjpass") and relative
                ):
                    return None  # 'which hosted the talks', 'a city that held a vote'
            return place_of(verb, index)
        nxt = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp")), None)
        if nxt is None:
            return None
        verb = nxt
    return None


def _named_place(token: Token, index: MentionIndex) -> Place | None:
    """The place a phrase's head word itself names ('for Quito'; not 'for July', nor 'for
    the Quito talks', whose head is another noun)."""
    place = index.place(token)
    return place if place is not None and place.kind not in UNMAPPED_KINDS else None


#: nouns of a journey one does things 'on' or 'during'
TRIP_NOUNS = {"visit", "trip", "tour", "stop", "stopover"}


def on_a_trip_to(verb: Token, index: MentionIndex) -> Place | None:
    """'telling reporters on a visit to Rome': what one does on a trip happens where it goes."""
    for prep, pobj in prep_objects(verb):
        if prep not in ("on", "during") or pobj.lemma_.lower() not in TRIP_NOUNS:
            continue
        for inner, place_word in prep_objects(pobj):
            place = first_place(place_word, index) if inner in ("to", "in") else None
            if place is not None and place.kind == "city":
                return place  # a country leaves room for the city the visit tells
    return None


#: prepositions that name who gathers at a meeting ('with donors', 'of ministers')
GATHERED_PREPS = {"with", "of", "between", "among"}


def party_place(party: Token, index: MentionIndex) -> Place | None:
    """The place a 'in' or 'at' phrase hangs on a party met, or on its 'of' phrase ('the
    governor of East Java in Surabaya')."""
    place = place_of(party, index)
    for prep, pobj in prep_objects(party):
        if place is None and prep == "of":
            place = place_of(pobj, index)
    return place


#: the edges of a gathering, where talks are held on its occasion ('met on the sidelines of
#: the General Assembly in New York', 'on the margins of the summit in Bali')
MARGIN_NOUNS = {"sideline", "sidelines", "margin", "margins", "fringe", "fringes"}


#: prepositions of the receiver of aid
RECEIVING_PREPS = ("for", "to")


def receiving_place(pobj: Token, index: MentionIndex) -> Place | None:
    """Where what is given goes: 'for Haiti', 'to the Kidal region', 'for refugees in
    Jordan' (not 'for refugees from Syria')."""
    own = (index.place(t) for t in pobj.doc[pobj.left_edge.i : pobj.i + 1])
    return next((p for p in own if p is not None), None) or place_of(pobj, index)


#: last words of a named square or landmark told with 'on' ('rallied on Freedom Square',
#: 'talks on Parliament Hill'): where the event is, not what it is about
LANDMARK_WORDS = {"square", "hill", "plaza", "esplanade"}


def on_landmark(prep: str, pobj: Token) -> bool:
    """An 'on' phrase naming a square or landmark by its proper name ('on Freedom Square',
    'on Parliament Hill'), not a topic ('talks on the square's renovation')."""
    named = pobj.text[:1].isupper() and any(
        c.dep_ == "compound" and c.text[:1].isupper() for c in pobj.children
    )
    return prep == "on" and pobj.lower_ in LANDMARK_WORDS and named


def places_event(prep: str, pobj: Token) -> bool:
    """A phrase that tells where the event is: 'in', 'at' …, or 'on the sidelines of'."""
    return prep in LOCATION_PREPS or (prep == "on" and pobj.lemma_.lower() in MARGIN_NOUNS)


def institution_hosts(kind: str, pobj: Token, index: MentionIndex) -> bool:
    """'talks at the Ministry of Labour': the institution a meeting is held at is its host
    (and the place its capital); a statement made there is not the institution's, nor is a
    meeting held in a building the building's."""
    return (
        kind == "MEET"
        and not any(index.place(t) for t in phrase_tokens(pobj))
        and not is_building(pobj, index)
    )


#: last words of the name of a building where people meet, which takes no part itself:
#: 'talks at the Union Buildings', 'a lunch at Carlton House', 'met at the Palais des Nations'
BUILDING_WORDS = {
    "house", "buildings", "building", "palace", "palais", "palacio", "palazzo", "hall",
    "mansion", "residence", "castle",
}  # fmt: skip


def is_building(pobj: Token, index: MentionIndex) -> bool:
    """Whether an 'at' or 'in' object is a building the tagger took for an organisation
    ('after talks at the Union Buildings'), not one the actor dictionary knows as a party
    ('talks at the White House', which is the US government's)."""
    actor = index.actor(pobj)
    if actor is None or actor.kind != "organisation" or actor.country:
        return False
    words = actor.name.lower().replace("-", " ").split()
    return bool(words) and (words[-1] in BUILDING_WORDS or words[0] in {"palais", "palacio"})


#: how many sentences before its own 'there' looks back for the place it stands for
THERE_SENTENCES = 1


def there_place(token: Token, index: MentionIndex) -> Place | None:
    """'travelled there', 'attended a summit there': the place named last before it, in its
    sentence or the one before."""
    there = next((c for c in token.children if c.lower_ == "there" and c.dep_ == "advmod"), None)
    if there is None:
        return None
    doc, start = there.doc, there.sent.start
    for _ in range(THERE_SENTENCES):
        if start > 0:
            start = doc[start - 1].sent.start
    return _last_place(doc[start : there.i], index)


def _last_place(tokens: Span, index: MentionIndex) -> Place | None:
    """The place named last in ``tokens``."""
    for inner in reversed(tokens):
        place = index.place(inner)
        if place is not None:
            return place
    return None


def place_of_result(verb: Token, index: MentionIndex) -> Place | None:
    """'opened fire on Sunday, killing a soldier in the Tovuz district': where the attack's
    toll fell is where it happened."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.tag_ != "VBG":
            continue
        place = place_of(clause, index)
        if place is not None:
            return place
    return None


def place_of(verb: Token, index: MentionIndex) -> Place | None:
    """The place a verb's 'in' or 'at' phrase names ('will be held in Dodoma')."""
    for prep, pobj in prep_objects(verb):
        place = first_place(pobj, index) if prep in LOCATION_PREPS else None
        if place is not None:
            return place
    return None


def purpose_place(verb: Token, index: MentionIndex) -> Place | None:
    """'Farmers gathered in Kisumu to protest maize prices', 'blocked the main road at
    Namanga to protest delays': a protest told as the purpose of an act (a 'to' clause) is
    where the act was done (the place of the act's own phrases, or of its object's)."""
    if verb.dep_ not in ("advcl", "xcomp") or verb.head.i == verb.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    act = verb.head
    if act.pos_ not in ("VERB", "AUX"):
        return None
    place = place_of(act, index)
    for obj in (c for c in act.children if c.dep_ == "dobj"):
        place = place or place_of(obj, index)
    return place


#: protests that go somewhere, whose route names where they are
ROUTE_LEMMAS = {"march"}
#: prepositions of where a march goes ('marched to', 'marched on the district headquarters',
#: 'towards the palace'), tried before where it sets out from ('from El Alto')
DESTINATION_PREPS = ("to", "toward", "towards", "on", "into")
ORIGIN_PREPS = ("from",)
#: how the parser hangs a march named as a verb's object ('called off a march to …': at
#: times an adverbial noun)
OBJECT_DEPS = ("dobj", "npadvmod")


def route_preps(trigger: Token) -> list[Token]:
    """The prepositions of a march's route: its own, those of the verb it is the object of
    (the parser hangs 'called off the march from El Alto to the city centre' so), and a 'to'
    hung on the 'from' ('a march from Latacunga to Quito'); not a date ('on Friday')."""
    if trigger.lemma_.lower() not in ROUTE_LEMMAS:
        return []
    heads = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in OBJECT_DEPS:
        heads.append(trigger.head)
    preps = [c for h in heads for c in h.children if c.dep_ == "prep"]
    preps += [c for p in preps if p.lower_ in ORIGIN_PREPS for c in p.children if c.dep_ == "prep"]
    return [
        p
        for p in preps
        if p.lower_ in DESTINATION_PREPS + ORIGIN_PREPS
        and not any(o.ent_type_ in ("DATE", "TIME") for o in children(p, "pobj"))
    ]


def route_place(trigger: Token, index: MentionIndex) -> Place | None:
    """Where a march is, told by its route only: the city (region, country) its destination
    names ('marched from parliament to the Government Chancellery in Tbilisi', 'marched on
    the district headquarters in Kasese town', 'marched to the Ministry of Fisheries': a
    ministry's capital), else the one it sets out from ('marched down the highway from El
    Alto', 'called off the march from El Alto to the city centre'). A building the route
    names alone is ``venue.building_at``'s."""
    preps = route_preps(trigger)
    for kinds in (DESTINATION_PREPS, ORIGIN_PREPS):
        for prep in (p for p in preps if p.lower_ in kinds):
            for pobj in children(prep, "pobj"):
                place = first_place(pobj, index)
                if place is not None and place.kind in MAPPED_KINDS:
                    return place
    return None


#: kinds of place the gazetteer maps ('from Soumbedioune beach' names no town)
MAPPED_KINDS = {"city", "region", "country"}


def where_place(clause: Token, index: MentionIndex) -> Place | None:
    """'will fly to Paris, where she will meet …': the place a 'where' clause describes
    (also for a verb conjoined inside it: 'where he was to tour the port and hold talks')."""
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    where = next((c for c in clause.children if c.lower_ == "where"), None)
    if clause.dep_ != "relcl" or where is None:
        return None
    # the parser often hangs the clause on the date after the place ('to Paris on Monday,
    # where'): the place named last before 'where'
    return _last_place(clause.doc[clause.sent.start : where.i], index)


#: nouns of the border points a closure or a reopening names
CROSSING_NOUNS = {"border", "crossing", "frontier", "post"}


def crossing_place(noun: Token, index: MentionIndex) -> Place | None:
    """The border point closed or reopened: the place its name holds ('the Torkham
    border crossing' when the gazetteer knows the town), else the named point itself ('its
    Kivu border post', as a facility); None for a point with no name ('the crossing')."""
    if noun.lemma_.lower() not in CROSSING_NOUNS:
        return None
    # 'the Torkham border crossing': the name may hang on 'border', itself on 'crossing'
    words = [t for t in noun.subtree if t.i < noun.i and t.dep_ == "compound"]
    named = [t for t in words if t.pos_ == "PROPN"]
    if not named:
        return None
    for token in named:
        found = index.place(token)
        if found is not None:
            return found
    return Place(name=" ".join(t.text for t in [*words, noun]), kind="facility")


def destination(verb: Token, index: MentionIndex) -> Place | None:
    """Where a verb of travel goes: the place of its 'to' object."""
    for prep, pobj in prep_objects(verb):
        if prep in ("to", "into"):
            place = first_place(pobj, index)
            if place is not None:
                return place
    return None


def open_place(place: Place | None) -> bool:
    """No place yet, or only a region that a country or city in the same clause narrows
    ('began his trip to Africa today in Benin': Benin), or a venue whose city it names
    ('signed the treaty at the Carondelet Palace on Monday in Quito': the guide's place is
    the city)."""
    return place is None or place.kind == "region" or place.kind in UNMAPPED_KINDS


def narrower(place: Place, current: Place | None) -> bool:
    """A country or city narrows an empty place or a region; only a city narrows a venue."""
    if current is not None and current.kind in UNMAPPED_KINDS:
        return place.kind == "city"
    return current is None or place.kind in ("country", "city")


def first_place(token: Token, index: MentionIndex) -> Place | None:
    """The first place a phrase names; a venue's city or country when the phrase names it
    too ('at the Pancasila Building in Jakarta': the guide's place is the city)."""
    places = [p for p in (index.place(inner) for inner in phrase_tokens(token)) if p]
    if places:
        return next((p for p in places if p.kind not in UNMAPPED_KINDS), places[0])
    return _capital_of(token, index) or _seat_of_government(token, index)


#: kinds of place the gazetteer does not map: a building or square, a name it lacks
UNMAPPED_KINDS = {"facility", ""}


def _capital_of(token: Token, index: MentionIndex) -> Place | None:
    """'in the Chilean capital', 'Kenya's capital': the capital of the country named."""
    if token.lemma_.lower() != "capital":
        return None
    owners = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    for owner in owners:
        ref = index.ref(owner)
        code = ref.country if ref is not None and ref.kind in ("country", "place") else None
        capital = capital_city(code) if code is not None else None
        if capital is not None:
            return capital
    if owners or not any(c.lower_ == "the" for c in token.children):
        return None
    # 'a march through the capital' in a Dakar story: the capital of where it reports from
    home = index.home_place(token.idx)
    return capital_city(home.country) if home is not None and home.country else None


#: words of an institution's name that say it sits in its country's capital
SEAT_WORDS = {"ministry", "presidency", "chancellery", "palace", "kremlin"}
#: roles of a country's institutions that sit abroad ('at the Japanese embassy')
ABROAD_ROLES = {"embassy", "consulate", "mission"}


def _seat_of_government(token: Token, index: MentionIndex) -> Place | None:
    """'told reporters at the Mozambican foreign ministry', 'talks at the Ministry of
    Labour' (in a Bucharest story): a country's ministry or palace is in its capital; one of
    no named country is the wire dateline's."""
    refs = resolve(token, index)  # 'at the ministry': the ministry named before
    actor = index.actor_by_id(refs[0].id) if refs else None
    if actor is None or actor.kind not in ("government", "organisation"):
        return None
    if (actor.role or "") in ABROAD_ROLES:
        return None
    if actor.kind == "organisation" and not SEAT_WORDS & set(actor.name.lower().split()):
        return None
    code = actor.country or index.dateline_country
    return capital_city(code) if code is not None else None


def capital_city(code: str) -> Place | None:
    """The capital of the country with this ISO3 code, as a city."""
    from dateline.actors.geo import find_capital, load_countries

    info = load_countries().get(code)
    point = find_capital(info.capitals[0], code) if info and info.capitals else None
    return Place(point.name, code, point.lat, point.lon, "city") if point is not None else None
