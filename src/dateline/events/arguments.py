"""Who did it, to whom, where: event arguments from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dateline.events.mention import Mention
from dateline.events.participants import FIRST_PERSON, MentionIndex, Ref, resolve
from dateline.events.places import (
    GATHERED_PREPS,
    LOCATION_PREPS,
    ON_THE_SPOT,
    RECEIVING_PREPS,
    arrival_place,
    crossing_place,
    describing_clauses,
    destination,
    first_place,
    happening_place,
    institution_hosts,
    is_building,
    narrower,
    on_a_trip_to,
    on_landmark,
    open_place,
    own_place,
    party_place,
    place_of,
    place_of_result,
    places_event,
    purpose_place,
    receiving_place,
    reported_here,
    route_place,
    set_place,
    speakers_place,
    there_place,
    where_place,
)
from dateline.events.tree import (
    RELATIVE_PRONOUNS,
    children,
    due_in,
    is_definite,
    phrase_tokens,
    prep_objects,
)
from dateline.events.triggers import (
    CALL_MARKERS,
    STANDING_IN,
    expected_in,
    named_gathering,
    named_series,
    pos_class,
    represented_by,
    returned_from,
    stay_subject,
)
from dateline.model import Place

SUBJECT_DEPS = ("nsubj", "csubj")
SOURCE_PREPS = {"by", "from", "of", "between", "among"}
TARGET_PREPS = {"to", "with", "on", "against", "toward", "towards", "into", "at", "for", "in"}
CONTROL_OBJECT_VERBS = {"invite", "ask", "urge", "allow", "encourage", "persuade", "help"}
RECEIVE_VERBS = {"receive", "accept", "get", "welcome", "decline", "reject", "turn"}
INVITATION_NOUNS = {"invitation", "invite"}
PLACE_TARGET_TYPES = {"VISIT", "ATTACK", "DEPLOY", "AID"}  # 'struck Kharkiv', 'aid to Sudan': there
PATIENT_OF_TYPES = {"ATTACK", "SANCTION", "ACCUSE", "THREATEN", "REJECT"}
SPEECH_LEMMAS = {"say", "announce", "state", "tell", "add", "confirm", "deny", "declare"}
SUBJECT_CONTROL_PREPS = {"after", "before", "by", "while", "since", "without", "upon", "despite"}


def resolve_deep(token: Token, index: MentionIndex) -> list[Ref]:
    """Resolve a phrase, else its first participant anywhere inside it ('the war in Ukraine')."""
    refs = resolve(token, index)
    if refs:
        return refs
    for inner in phrase_tokens(token):
        if inner.i != token.i:
            ref = index.ref(inner)
            if ref is not None:
                return [ref]
    return []


#: particles the parser may attach as adverbs ('has been pushed back to March 24')
PARTICLES = frozenset({"back", "off", "forward"})


def governor_key(token: Token) -> str:
    """Lemma, with a particle for phrasal verbs ('call off', 'rule out', 'put on hold')."""
    lemma = token.lemma_.lower()
    if lemma in OFF_THE_PROGRAMME and _off_the_programme(token):
        return "take off the programme"  # not 'the plane took off'
    for child in token.children:
        if child.dep_ == "prt":
            return f"{lemma} {child.lower_}"
        if child.dep_ == "advmod" and child.lower_ in PARTICLES:
            return f"{lemma} {child.lower_}"  # 'pushed back to March 24': parsed as an adverb
        on_hold = child.dep_ == "prep" and child.lower_ == "on"
        if lemma == "put" and on_hold and any(g.lower_ == "hold" for g in child.children):
            return "put on hold"
    if lemma == "call" and called_on(token) is not None:
        return "call on"
    return lemma


#: verbs that take a stop off a programme ('was taken off her programme', 'struck from the
#: schedule', 'removed from the itinerary')
OFF_THE_PROGRAMME = {"take", "strike", "remove"}
#: what a visit's or a meeting's plan is written in
PROGRAMME_WORDS = {"programme", "program", "schedule", "itinerary", "agenda"}


def _off_the_programme(verb: Token) -> bool:
    """'The stop was taken off the programme', 'struck from the schedule': the plan's list
    is what it leaves (the parser may hang the list on the particle or on the verb)."""
    off = [c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in ("off", "from")]
    lists = [p for c in off for p in c.children if p.dep_ == "pobj"]
    if any(c.dep_ == "prt" for c in off):
        lists += [c for c in verb.children if c.dep_ == "dobj"]
    return any(p.lemma_.lower() in PROGRAMME_WORDS for p in lists)


def called_on(verb: Token) -> Token | None:
    """Whom 'called on X to withdraw', 'called upon X to resume' asks to act: X (the
    parser hangs X on 'on' and the infinitive on the verb)."""
    if not any(c.dep_ == "xcomp" and is_infinitive(c) for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "upon"):
            return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


#: light verbs that call off or put off what their object names
CALLING_OFF = {
    "cancel", "call off", "scrap", "postpone", "put off", "delay", "shelve", "axe", "ax",
    "scrub", "drop", "defer", "suspend",
}  # fmt: skip


def _calls_off_one_told(noun: Token, light: Token, mention: Mention) -> bool:
    """'Putin was to sign … The Kremlin called off the signing': a signing called off or put
    off, told before, keeps the parties who were to sign; who calls it off need not sign."""
    if mention.type != "AGREE" or governor_key(light) not in CALLING_OFF:
        return False  # a trip's canceller is its traveller, a meeting's one of its parties
    if not is_definite(noun):
        return False
    from dateline.events.lexicon import load_lexicon
    from dateline.events.triggers import lookup

    lexicon = load_lexicon()
    for token in noun.doc[: noun.i]:  # told before ('was to sign'), not first named here
        found = lookup(token, lexicon) if token.pos_ in ("VERB", "NOUN") else None
        if found is not None and found.type == mention.type:
            return True
    return False


def subjects(verb: Token, index: MentionIndex, seen: int = 0) -> list[Ref]:
    """The agent(s) of a verb, following control, coordination and relative clauses."""
    if seen > 4:
        return []
    subjects_here = children(verb, *SUBJECT_DEPS)
    for subj in subjects_here:
        if not index.same_block(subj, verb):
            continue
        if _vocative(subj, subjects_here):
            continue  # 'Helen, President Hakobyan arrived here': the anchor is addressed
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return resolve(verb.head, index)
        if subj.lower_ in FIRST_PERSON:
            spoken = index.voice(subj)
            return speaker_of(verb, index) or ([spoken] if spoken is not None else [])
        return _with_split_conjunct(subj, verb, index)
    for agent in children(verb, "agent"):
        return [r for pobj in children(agent, "pobj") for r in resolve(pobj, index)]
    return (
        _garden_path_subject(verb, index)
        or _fronted_phrase_subject(verb, index)
        or _inherited_subject(verb, index, seen)
        or _stray_subject(verb, index)
    )


def at_the_invitation(noun: Token) -> bool:
    """'At the invitation of the Chinese President, Ganbold will pay a state visit', 'at
    Kim's invitation': an invitation already made, whose guest is the clause's subject."""
    return (
        noun.lemma_.lower() == "invitation"
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ("at", "on", "upon")
    )


def _fronted_phrase_subject(verb: Token, index: MentionIndex) -> list[Ref]:
    """'At the invitation of Prime Minister Tran, Prime Minister Whitcombe paid a visit':
    the parser makes the subject after the comma an apposition inside the fronted phrase;
    a name apposed right before a subjectless verb, after a comma, is its subject."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)
    if verb.i < 2 or not finite:
        return []
    auxes = [c.i for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i]
    before = verb.doc[min([verb.i, *auxes]) - 1]  # 'X will pay': the name ends before 'will'
    name = next((t for t in (before, *before.ancestors) if t.dep_ == "appos"), None)
    if name is None or name.left_edge.i < 1 or verb.doc[name.left_edge.i - 1].text != ",":
        return []
    if not any(a.i == verb.i for a in name.ancestors) or name.right_edge.i != before.i:
        return []
    return resolve(name, index)


#: the auxiliaries that open a reported clause whose subject the parser took for an object
REPORTED_AUXES = {
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "has",
    "have",
    "had",
}


def _garden_path_subject(verb: Token, index: MentionIndex) -> list[Ref]:
    """'by announcing the United States will pledge $1 billion': the parser makes the
    reported clause's subject the object of the reporting verb; the noun right before the
    clause's auxiliary, object of a verb of saying, is its subject."""
    auxes = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    if not auxes or auxes[0].lower_ not in REPORTED_AUXES or auxes[0].i == 0:
        return []
    before = verb.doc[auxes[0].i - 1]
    if before.dep_ != "dobj" or before.head.lemma_.lower() not in SPEECH_LEMMAS:
        return []
    return resolve(before, index)


def _vocative(subj: Token, subjects: list[Token]) -> bool:
    """A name set off by a comma before the verb's other subject, with no 'and': the one
    spoken to, as a correspondent answers the anchor."""
    words = [t for t in subj.subtree if not t.is_punct]
    end = words[-1].i + 1 if words else subj.i + 1
    after = subj.doc[end] if end < len(subj.doc) else None
    if after is None or after.text != "," or any(c.dep_ == "cc" for c in subj.children):
        return False
    return any(other.i > subj.i for other in subjects)


def _with_split_conjunct(subj: Token, verb: Token, index: MentionIndex) -> list[Ref]:
    """'Lee Jae-myung and Sanae Takaichi spoke': the parser may give the verb two subjects,
    the first carrying the 'and'; both take part."""
    refs = resolve(subj, index)
    if any(c.dep_ == "cc" and c.lower_ == "and" for c in subj.children):
        for other in children(verb, "nsubj"):
            if other.i > subj.i:
                refs += [r for r in resolve(other, index) if r not in refs]
    return refs


def _stray_subject(verb: Token, index: MentionIndex) -> list[Ref]:
    """A paragraph's subject that the parser hung on the paragraph before ('… [AP]\n\nGhana
    and Norway signed'): a noun opening the verb's paragraph, attached across the break."""
    if verb.dep_ != "ROOT" or not index.blocks:
        return []
    token = verb
    while token.i > 0 and index.same_block(token.nbor(-1), verb):
        token = token.nbor(-1)
    for word in verb.doc[token.i : verb.i]:
        if word.pos_ in ("PROPN", "NOUN") and not index.same_block(word.head, verb):
            return resolve(word, index)
    return []


def _inherited_subject(verb: Token, index: MentionIndex, seen: int) -> list[Ref]:
    head = verb.head
    if head.i == verb.i or children(verb, "nsubjpass"):
        return []  # 'troops could be deployed': the agent is unknown
    if verb.dep_ == "relcl" and not is_infinitive(verb):
        return resolve(head, index)
    if verb.dep_ == "xcomp" and head.lemma_.lower() in CONTROL_OBJECT_VERBS:
        objects = children(head, "dobj")
        if objects:
            return resolve(objects[0], index)
    asked = called_on(head) if verb.dep_ == "xcomp" and head.lemma_.lower() == "call" else None
    if asked is not None:
        return resolve(asked, index)  # 'called on Putin to withdraw': Putin would withdraw
    if verb.dep_ == "acl" and verb.lemma_.lower() in SPEECH_LEMMAS:
        return resolve(head, index)  # '…, the French presidency announced' (misparsed)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return []  # 'a ceasefire signed in October': who signed is not said here
    if (verb.dep_ == "acl" or is_infinitive(verb)) and head.pos_ in ("NOUN", "PROPN"):
        return noun_owner(head, index)
    if verb.dep_ == "pcomp" and head.lower_ in SUBJECT_CONTROL_PREPS and head.head.i != head.i:
        return subjects(head.head, index, seen + 1)  # 'arrived after attending the summit'
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head.i != head.i:
        return subjects(head.head, index, seen + 1)  # 'he was ready to meet'
    if verb.dep_ == "xcomp":
        for subj in children(head, "nsubjpass"):
            return resolve(subj, index)  # raising: 'the sides are expected to discuss'
    if verb.dep_ in ("xcomp", "conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return subjects(head, index, seen + 1)
    return []


def argument_of(noun: Token, clause: Token) -> str | None:
    """The role a nominal plays in its clause: 'nsubj' also for 'hundreds of protesters'."""
    if noun.head.i == clause.i and noun.i != clause.i:
        return noun.dep_
    quantity = noun.head.head
    of_phrase = noun.dep_ == "pobj" and noun.head.lower_ == "of"
    if of_phrase and quantity.head.i == clause.i and quantity.i != clause.i:
        return quantity.dep_ if quantity.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    return None


def is_infinitive(verb: Token) -> bool:
    """'a challenge to meet him': spaCy often labels this 'relcl'; it is an 'acl'."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def noun_owner(noun: Token, index: MentionIndex) -> list[Ref]:
    """Whose noun it is: 'Kim's plan', or the subject of 'Kim received an invitation'."""
    verb = noun.head
    if noun.lemma_.lower() in INVITATION_NOUNS:
        # 'Kim accepted Putin's invitation to visit Russia': the guest acts, not the host
        # who owns the invitation; the guest is who receives it, or whom it is made to
        if noun.dep_ == "dobj" and verb.lemma_.lower() in RECEIVE_VERBS | {"have", "hold"}:
            return subjects(verb, index)
        guests = [
            r for prep, pobj in prep_objects(noun) if prep == "to" for r in resolve(pobj, index)
        ]
        return [r for r in guests if r.kind == "person"]
    for poss in children(noun, "poss"):
        return resolve(poss, index)
    if noun.dep_ in ("dobj", "attr") and verb.pos_ in ("VERB", "AUX"):
        return subjects(verb, index)
    return []


def speaker_of(token: Token, index: MentionIndex) -> list[Ref]:
    """'We' inside reported speech stands for the person quoted."""
    head = token
    while head.head.i != head.i:
        head = head.head
        if head.lemma_.lower() in ("say", "tell", "add", "state") and head.pos_ == "VERB":
            for subj in children(head, "nsubj"):
                if subj.lower_ not in FIRST_PERSON:
                    return resolve(subj, index)
    return []


def fill_verb(mention: Mention, verb: Token, index: MentionIndex, symmetric: bool) -> None:
    """Arguments of a verbal trigger ('Kim visited Russia', 'Kim was invited by Putin')."""
    if verb.lemma_.lower() == "accord":
        # 'according to the ministry': the speaker is the object of 'to', and nobody else
        said_by = [pobj for _, pobj in prep_objects(verb)]
        mention.sources = [r for pobj in said_by for r in resolve_deep(pobj, index)]
        # 'according to the US embassy in Manila': said where the speaker is
        mention.location = next((p for p in (own_place(b, index) for b in said_by) if p), None)
        return
    sources = subjects(verb, index)
    objects = children(verb, "dobj", "nsubjpass")[:1]  # two objects: a misparse; keep the first
    if mention.trigger.gathering and verb.lemma_.lower() in STANDING_IN:
        # 'Hungary was represented by Foreign Minister Bencze': the one sent goes, else (an
        # office no actor names: 'by a minister of state') the country that sends them
        sent = [r for pobj in represented_by(verb) for r in resolve(pobj, index)]
        sources = sent or [r for s in children(verb, "nsubjpass") for r in resolve(s, index)]
        objects = []
    if mention.trigger.stay and expected_in(verb):
        # 'Arrieta is expected in Lisbon': the passive's subject is who comes, no patient
        traveller = stay_subject(verb)
        sources = resolve(traveller, index) if traveller is not None else []
        objects = []
    attended = objects if mention.trigger.object_not_party else []
    departure = mention.type == "VISIT" and "for" in mention.trigger.requires
    if mention.trigger.object_not_party or departure:
        objects = []  # 'left Washington for Kyiv': Washington is where the trip starts
    targets = [r for obj in objects for r in resolve(obj, index)]
    if mention.trigger.host:
        sources, targets = targets, sources
        if not sources and _sent_to_a_place(verb, index):
            sources, targets = targets, []  # 'Moscow will send a delegation to Oslo': Moscow's
        elif not sources and sent_nowhere(verb):
            # 'stayed away, sending the Vice President in his place': a stand-in no actor
            # names goes to the gathering told before for the sender's country
            sources, targets = _countries_of(targets), []
            mention.stand_in = True
    if departure:
        _trip_place_after("for", mention, verb, index, targets)
    elif mention.type == "VISIT" and returned_from(verb, mention.trigger):
        _trip_place_after("from", mention, verb, index, targets)
    _add_prep_arguments(mention, verb, index, sources, targets)
    if mention.type == "ATTACK" and mention.location is None:
        mention.location = place_of_result(verb, index) or _struck_in(verb, index)
    if mention.type == "SANCTION" and mention.location is None:
        # 'closed the Torkham border crossing': the measure is at the point it closes
        mention.location = next((p for p in (crossing_place(o, index) for o in objects) if p), None)
    mention.location = (
        mention.location
        or there_place(verb, index)
        or where_place(verb, index)
        or on_a_trip_to(verb, index)
    )
    if mention.location is None and mention.type == "STATEMENT":
        mention.location = speakers_place(verb, index)
    if mention.location is None and mention.type in ON_THE_SPOT:
        mention.location = reported_here(verb, index)
    if mention.location is None and mention.type == "PROTEST":
        # 'farmers gathered in Kisumu to protest maize prices': the protest is the
        # purpose of the gathering, and is where it gathered; a march is where it goes
        mention.location = purpose_place(verb, index) or route_place(verb, index)
    if mention.location is None and mention.trigger.stay:
        # 'is due in Seoul', 'was last in Jakarta': the place hangs on the complement
        for complement in children(verb, "acomp"):
            mention.location = mention.location or place_of(complement, index)
        # 'was last here in 2013': the place the text reports from
        mention.location = mention.location or reported_here(verb, index)
    if mention.location is None and mention.type == "MEET":
        # 'met Moroccan Foreign Minister Nasser Bourita in Geneva', 'will meet the governor of
        # East Java in Surabaya': the parser hangs the place on the party met, who is there
        mention.location = next((p for p in (party_place(o, index) for o in objects) if p), None)
    if mention.location is None and (mention.type in PLACE_TARGET_TYPES or attended):
        # 'attacked ISIL terrorists in Syria': the place hangs on the object; so does the
        # place of what one attends ('will attend the regional forum in Manila')
        for obj in objects or attended:
            mention.location = mention.location or place_of(obj, index)
        if mention.type == "AID":
            # 'will provide 150 million euros for Syrian refugees in Jordan': the parser hangs
            # the receiver on what is given
            gifts = [inner for obj in objects for inner in obj.subtree if inner.dep_ == "pobj"]
            gifts = [g for g in gifts if g.head.lower_ in RECEIVING_PREPS]
            places = (receiving_place(g, index) for g in gifts if mention.location is None)
            mention.location = mention.location or next((p for p in places if p), None)
        for obj in attended:
            # 'next week's regional forum with leaders of Southeast Asian countries in
            # Manila': the parser hangs the forum's place deep inside its phrase
            for inner in obj.subtree:
                if mention.location is not None:
                    break
                if inner.dep_ == "pobj" and inner.head.lower_ in LOCATION_PREPS:
                    mention.location = first_place(inner, index)
    if mention.type == "INVITE" and not sources:
        sources = host_of_invitation(verb, index)  # 'The King invited him to visit Jordan'
    _assign(mention, sources, targets, symmetric)


#: verbs whose unnamed object goes where its subject sends it
SENDING_VERBS = {"send"}


def _sent_to_a_place(verb: Token, index: MentionIndex) -> bool:
    """'Chile will send a mining mission to Vietnam in November': a delegation, envoy or
    team that no actor names goes for its sender, when it is sent to a place named as such
    (not to a meeting: 'to the June meeting in Beijing' lends its own time)."""
    if verb.lemma_.lower() not in SENDING_VERBS:
        return False
    return any(prep == "to" and index.place(pobj) is not None for prep, pobj in prep_objects(verb))


#: prepositions that give a sent envoy a destination of its own
DESTINATION_PREPS = {"to", "for", "at", "in"}


def sent_nowhere(verb: Token) -> bool:
    """'sent a deputy minister instead', 'sending the Vice President in his place': an envoy
    sent with no destination of its own (no 'to', 'for', 'at' or 'in' phrase that is not
    'in his place'), who goes to the gathering the text told before."""
    if verb.lemma_.lower() not in SENDING_VERBS:
        return False
    for prep, pobj in prep_objects(verb):
        if prep == "in" and pobj.lower_ in ("place", "stead"):
            continue
        if prep in DESTINATION_PREPS:
            return False
    return True


def _countries_of(senders: list[Ref]) -> list[Ref]:
    """The countries a stand-in goes for: a sender's country ('Kenya's President … sent
    his Foreign Minister': Kenya), a country or body as it is; none for a person of no
    known country."""
    out: list[Ref] = []
    for ref in senders:
        if ref.kind == "person":
            if not ref.country:
                continue  # a sender of no known country: whose the stand-in is is not told
            ref = Ref(ref.country, "country", ref.country, ref.start)
        if ref not in out:
            out.append(ref)
    return out


def _made_by(noun: Token, index: MentionIndex) -> list[Ref]:
    """The agent of a participle that describes the noun ('an invitation extended by X'),
    also where the parser hangs it on the noun's verb ('accepted an invitation …, first
    extended by X')."""
    participles = children(noun, "acl")
    if noun.dep_ == "dobj":
        participles += [c for c in children(noun.head, "advcl") if c.tag_ == "VBN"]
    for acl in participles:
        for agent in children(acl, "agent"):
            found = [r for pobj in children(agent, "pobj") for r in resolve(pobj, index)]
            if found:
                return found
    return []


#: verbs of coming that an invitation asks its guest to do
GUEST_VERBS = {"visit", "come", "travel", "go", "return"}
#: light verbs whose object is the guest's journey ('to pay a state visit to Brazil')
JOURNEY_LIGHT_VERBS = {"pay", "make"}
#: nouns of the journey a light verb makes
JOURNEY_NOUNS = {"visit", "trip"}


def host_of_invitation(invitation: Token, index: MentionIndex) -> list[Ref]:
    """The country an invitation asks its guest to come to, when the text names nobody who
    made it: 'an invitation to visit Mongolia', 'an invitation to pay a state visit to
    Brazil', 'an invitation to Warsaw', 'had been invited to Chile' are that country's."""
    places = [pobj for prep, pobj in prep_objects(invitation) if prep == "to"]
    for verb in invitation.children:
        if verb.dep_ not in ("acl", "xcomp", "relcl") or not is_infinitive(verb):
            continue
        lemma = verb.lemma_.lower()
        if lemma in GUEST_VERBS:
            places += [o for o in children(verb, "dobj")] if lemma == "visit" else []
            places += [pobj for prep, pobj in prep_objects(verb) if prep == "to"]
        elif lemma in JOURNEY_LIGHT_VERBS:
            journeys = [o for o in children(verb, "dobj") if o.lemma_.lower() in JOURNEY_NOUNS]
            places += [p for j in journeys for prep, p in prep_objects(j) if prep == "to"]
    for place in places:
        ref = index.ref(place)
        if ref is not None and ref.country and ref.kind in ("country", "place"):
            return [Ref(ref.country, "country", ref.country, ref.start)]
    return []


#: verbs that call, plan or stage the event named as their object
ORGANISING = {"call", "plan", "organize", "organise", "stage", "hold", "schedule", "arrange"}
#: parts of a trip, named by the country they go to ('the Brazilian leg of the tour')
LEG_NOUNS = {"leg", "stop", "stopover"}


def fill_noun(
    mention: Mention,
    noun: Token,
    clause: Token,
    index: MentionIndex,
    symmetric: bool,
    light_verbs: set[str],
) -> None:
    """Arguments of a nominal trigger ('Kim's visit to Russia', 'held talks with Putin')."""
    sources = [r for poss in children(noun, "poss") for r in resolve(poss, index)]
    modifiers = [r for c in children(noun, "compound", "amod", "nmod") for r in resolve(c, index)]
    if named_gathering(noun):
        # 'the India-Argentina Business Forum': the pair of the name's hyphened compound
        pair = [c for m in children(noun, "compound") for c in children(m, "compound")]
        _extend(modifiers, [r for c in pair for r in resolve(c, index)])
    targets: list[Ref] = []
    _add_prep_arguments(mention, noun, index, sources, targets)
    for series in named_series(noun):
        # 'the next round of the Maritime Dialogue in New Delhi': the series names neither
        # party, and its place is the round's
        left, right = series.left_edge.idx, series.right_edge.idx + len(series.right_edge)
        sources = [r for r in sources if not left <= r.start < right]
        mention.location = mention.location or place_of(series, index)
    if mention.type == "MEET":
        _extend(sources, hosts(noun, index))
    if noun.dep_ == "nsubjpass" and noun.head.i == clause.i:
        for by in children(clause, "agent"):  # 'the protest was organised by the union'
            _extend(sources, [r for pobj in children(by, "pobj") for r in resolve(pobj, index)])
    role = argument_of(noun, clause)
    if role == "nsubj":
        _add_prep_arguments(mention, clause, index, sources, targets)  # 'protesters gathered in'
    via_prep = (
        noun.dep_ == "pobj"
        and noun.head.head.i == clause.i
        and noun.head.lower_ in ("to", "into", "in", "for")
    )  # 'return to talks', 'travel to Alaska for a summit'
    light = clause if role in ("dobj", "attr") or via_prep else None
    if light is not None and not {light.lemma_.lower(), governor_key(light)} & light_verbs:
        light = None  # 'Manila rejected the accusation': Manila did not accuse
    if at_the_invitation(noun) and not targets:
        targets = subjects(clause, index)  # 'At the invitation of Xi, Ganbold will visit'
    if light is None and _on_a_journey(noun, clause):
        light = clause  # 'Wekesa is in Norway on an official visit': his visit, there
    ended = _journey_ended(noun, clause) if mention.type == "VISIT" and not sources else None
    if ended is not None:
        # 'left Almaty at the end of a two-day state visit': the one leaving made the visit,
        # to the place left
        sources = subjects(clause, index)
        if ended is not noun:
            mention.location = mention.location or first_place(ended, index)
    if light is None and via_prep and noun.head.lower_ == "for" and due_in(clause):
        light = clause  # 'Rahim is due in Cairo in May for talks': his talks, there
    if light is not None and _calls_off_one_told(noun, light, mention):
        light = None  # 'Putin was to sign … The Kremlin called off the signing': Putin's
    if light is not None:
        doers = subjects(light, index)
        if light.lemma_.lower() in RECEIVE_VERBS:
            targets = doers + targets  # the receiver of an invitation or aid is its target
        elif not sources:
            sources = list(doers)  # 'attended the BRICS summit': the attendee comes first
        _add_prep_arguments(mention, light, index, sources, targets)
        if via_prep and noun.head.lower_ == "for" and mention.location is None:
            # 'goes to Bucharest for the NATO summit': the summit is where the trip goes
            mention.location = destination(light, index)
    if mention.type == "VISIT" and noun.lemma_.lower() in LEG_NOUNS:
        # 'Berlin called off the Brazilian leg of the tour': Brazil is where the leg goes,
        # and whoever calls off or plans a leg is the one travelling
        _extend(targets, [r for r in modifiers if r.kind in ("country", "place")])
        modifiers = [r for r in modifiers if r.kind not in ("country", "place")]
        if not sources and clause.i != noun.i:
            sources = subjects(clause, index)
    _extend(sources, modifiers)
    mention.location = mention.location or there_place(clause, index) or where_place(clause, index)
    if mention.location is None and role == "dobj" and clause.lemma_.lower() in ORGANISING:
        # 'have called fresh protests in Kinshasa for Friday': the place the parser hangs
        # on the verb that calls or stages the event is the event's
        mention.location = place_of(clause, index)
    if mention.location is None and role in ("nsubj", "nsubjpass"):
        # 'the summit is due in Harare in August', 'further talks are scheduled in Doha'
        mention.location = set_place(clause, index)
    if mention.location is None and role in ("nsubj", "nsubjpass") and mention.type == "AID":
        # 'an Emirati aircraft is due to land in Khartoum with vaccine': aid carried arrives
        # where its carrier does
        mention.location = arrival_place(clause, index)
    if mention.location is None:
        # 'a summit that was supposed to take place in Moscow', 'talks, which will be held in
        # Doha': a relative clause that tells where the noun's event happens
        for relcl in describing_clauses(noun):
            mention.location = mention.location or happening_place(relcl, index)
    if mention.location is None and mention.type == "PROTEST":
        # 'called off the march from El Alto to the city centre': where its route goes
        mention.location = route_place(noun, index)
    if mention.location is None and mention.type == "ATTACK":
        mention.location = _struck_in(noun, index)  # 'an airstrike against ISIL in Iraq'
    if mention.location is None and role == "dobj" and clause.lemma_.lower() == "host":
        # 'Astana hosted a meeting of foreign ministers': the host is where it is held
        places = (index.place(s) for s in children(clause, "nsubj"))
        mention.location = next((p for p in places if p is not None), None)
    if symmetric and not sources and not targets and _occasion_of(noun, clause):
        # 'the two leaders witnessed the signing after talks': their talks
        sources = subjects(clause, index)
    if symmetric and not sources and not targets and _call_of(noun, clause):
        # 'Figueira invited Ramaphosa during a telephone call': the call of the two
        sources = subjects(clause, index)
        targets = [r for obj in children(clause, "dobj") for r in resolve(obj, index)]
    if mention.type == "INVITE" and not sources:
        # 'an invitation to visit Kenya, first extended by Wekesa': who extended it; else
        # 'accepted an invitation to visit Chile': the host's
        sources = _made_by(noun, index) or host_of_invitation(noun, index)
    _assign(mention, sources, targets, symmetric)


#: verbs that put their subject 'on' a journey ('is on a visit', 'went on a tour')
#: verbs of travel: their purpose ('went to Russia for a summit', 'is heading to Asia to
#: discuss trade') happens where and when the journey goes
JOURNEY_VERBS = {"go", "travel", "fly", "head", "come", "arrive", "return", "leave"}
JOURNEY_HOSTS = {"be", "go", "set", "leave", "embark", "arrive", "come", "travel", "remain"}


def _on_a_journey(noun: Token, clause: Token) -> bool:
    """'is in Norway on an official visit', 'went on a trip to Asia': the clause's subject
    makes the journey the noun names."""
    head = noun.head
    return (
        noun.dep_ == "pobj"
        and head.lower_ == "on"
        and head.head.i == clause.i
        and clause.lemma_.lower() in JOURNEY_HOSTS
    )


#: verbs of leaving a place at a journey's end ('left Almaty', 'flew home', 'departed')
LEAVING_VERBS = {"leave", "depart", "fly", "head"}
#: nouns of a journey's end ('at the end of a two-day visit', 'at the close of')
END_NOUNS = {"end", "close", "conclusion"}


def _journey_ended(noun: Token, clause: Token) -> Token | None:
    """'left Almaty on Wednesday at the end of a two-day state visit', 'flew home at the end
    of a three-day visit to Ethiopia': the visit the clause's subject ends by leaving; the
    place left (the verb's object) when there is one, else the noun itself."""
    if not at_the_end_of(noun, clause):
        return None
    left = [c for c in clause.children if c.dep_ == "dobj"]
    return left[0] if left else noun


def at_the_end_of(noun: Token, clause: Token) -> bool:
    """'left Almaty on Wednesday at the end of a two-day visit': the leaving verb's day is the
    visit's last."""
    if clause.lemma_.lower() not in LEAVING_VERBS or noun.dep_ != "pobj":
        return False
    of = noun.head
    if of.lower_ != "of" or of.head.lemma_.lower() not in END_NOUNS:
        return False
    end = of.head
    return end.dep_ == "pobj" and end.head.lower_ == "at" and end.head.head.i == clause.i


def _in_phrase_of(noun: Token, clause: Token, preps: tuple[str, ...]) -> bool:
    """The noun is the object of one of ``preps`` hanging on the clause's verb."""
    return noun.dep_ == "pobj" and noun.head.head.i == clause.i and noun.head.lower_ in preps


def _occasion_of(noun: Token, clause: Token) -> bool:
    """A bare nominal ('after talks') in a time phrase hanging on the clause's verb."""
    bare = not any(c.dep_ == "det" for c in noun.children)
    return bare and _in_phrase_of(noun, clause, ("after", "before", "following", "during"))


def _call_of(noun: Token, clause: Token) -> bool:
    """A phone or video call in a phrase hanging on the clause's verb ('during a telephone
    call', 'in a video call on Monday')."""
    marked = any(c.lower_ in CALL_MARKERS for c in noun.children)
    return (
        noun.lemma_.lower() == "call"
        and marked
        and _in_phrase_of(noun, clause, ("during", "in", "on", "over", "after"))
    )


#: people a joint course or exercise is held for ('for Brazilian and Argentine officers')
TRAINEES = {
    "officer", "troop", "soldier", "cadet", "student", "personnel", "sailor", "pilot",
    "marine", "policeman", "staff",
}  # fmt: skip


def _trainees(token: Token, pobj: Token) -> bool:
    """A joint activity named by a noun, held for the people of its parties: they take
    part in it ('a joint training course for Brazilian and Argentine officers')."""
    return pos_class(token) == "noun" and pobj.lemma_.lower() in TRAINEES


def _add_prep_arguments(
    mention: Mention, token: Token, index: MentionIndex, sources: list[Ref], targets: list[Ref]
) -> None:
    kind = mention.type
    received: Place | None = None  # where aid goes, unless the pledge is placed
    for prep, pobj in prep_objects(token):
        refs = resolve_deep(pobj, index)
        if prep == "of" and kind in PATIENT_OF_TYPES:
            _extend(targets, refs)
            continue
        if prep in SOURCE_PREPS and (pos_class(token) == "noun" or prep == "by"):
            _extend(sources, refs)
            continue
        if places_event(prep, pobj) and open_place(mention.location):
            place = first_place(pobj, index)
            if place is not None and narrower(place, mention.location):
                mention.location = place
                if kind == "VISIT" and (prep == "in" or not targets):
                    # 'stops in Russia, Croatia and Romania': each place listed
                    _extend(targets, [r for r in refs if r.place is not None] or [])
                if prep in LOCATION_PREPS and not institution_hosts(kind, pobj, index):
                    continue  # 'on the sidelines of the G7 summit': the summit's holders too
        if prep == "for" and kind == "COOPERATE" and _trainees(token, pobj):
            _extend(sources, refs)  # 'a joint course for Brazilian and Argentine officers'
            continue
        if prep == "for" and kind != "AID":
            continue  # 'travel … for the summit' is a purpose; 'aid for Ukraine' a receiver
        if prep in LOCATION_PREPS and is_building(pobj, index):
            continue  # 'talks at the Union Buildings': where they met, not who
        if on_landmark(prep, pobj):
            continue  # 'rallied on Freedom Square': where they rallied, not against whom
        if kind == "AID" and prep in RECEIVING_PREPS:
            received = received or receiving_place(pobj, index)
        if prep in TARGET_PREPS and not (kind == "INVITE" and prep == "to"):
            _extend(targets, refs)
            if kind in ("VISIT", "DEPLOY") and mention.location is None:
                mention.location = first_place(pobj, index)
    mention.location = mention.location or received
    if mention.location is None:
        # 'held talks with Sergei Lavrov in Geneva': the parser hangs the place on the
        # partner, who is there for the talks
        for prep, pobj in prep_objects(token):
            if prep == "with" and pobj.ent_type_ == "PERSON":
                mention.location = mention.location or place_of(pobj, index)
            elif kind == "MEET" and prep in GATHERED_PREPS:
                # 'a meeting with donors in Nairobi', 'a meeting of ASEAN ministers in Phnom
                # Penh': those who gather are where the meeting is
                mention.location = mention.location or party_place(pobj, index)
    if mention.location is None and pos_class(token) == "verb" and kind in MADE_TOGETHER:
        # 'signed a treaty in Ottawa', 'held talks in Doha': the parser hangs the place on
        # what was signed or held (not 'protesting the war in Iraq': what a protest is about)
        for obj in (c for c in token.children if c.dep_ == "dobj"):
            mention.location = mention.location or place_of(obj, index)


#: types whose verb's object is what the parties made or held there ('signed a treaty',
#: 'held talks'), so that a place hung on the object is the event's
MADE_TOGETHER = {"AGREE", "MEET", "DISCUSS", "COOPERATE"}


def _trip_place_after(
    prep_word: str, mention: Mention, verb: Token, index: MentionIndex, targets: list[Ref]
) -> None:
    """The place a trip's verb names after one preposition is where the trip goes: 'for'
    after a departure ('left for Ukraine', 'departs Monday for Hanoi'; elsewhere 'for' names
    a purpose), 'from' after a return ('returned from Luanda on Friday', 'returned last
    month from a three-day visit to China', 'from a conference in Auckland': the trip ended;
    elsewhere 'from' names where a trip starts)."""
    for prep, pobj in prep_objects(verb):
        place = first_place(pobj, index) if prep == prep_word else None
        if place is not None:
            mention.location = place
            _extend(targets, [r for r in resolve_deep(pobj, index) if r.place is place])
            return


#: verbs whose doer holds a meeting ('a conference co-hosted by Norway and the UN')
HOSTING_VERBS = {"host", "co-host", "cohost", "organise", "organize", "convene", "chair", "hold"}
#: relative words that stand for the noun, not for its holder
RELATIVE_WORDS = {"that", "which", "who", "whom"}


def hosts(noun: Token, index: MentionIndex) -> list[Ref]:
    """Who holds a meeting, told in a clause on its noun: 'a conference co-hosted in Geneva
    by Norway and the United Nations', 'a donors' conference that the Dominican Republic was
    to host', 'the summit that Angola was due to host'."""
    for clause in children(noun, "relcl", "acl", "ccomp"):
        verb = next(
            (t for t in clause.subtree if t.lemma_.lower() in HOSTING_VERBS and t.i >= clause.i),
            None,
        )
        if verb is None:
            continue
        agents = [
            r
            for by in children(verb, "agent")
            for p in children(by, "pobj")
            for r in resolve(p, index)
        ]
        doers = [
            r
            for subj in children(clause, "nsubj")
            if subj.lower_ not in RELATIVE_WORDS
            for r in resolve(subj, index)
        ]
        return agents or doers
    return []


def _extend(refs: list[Ref], more: list[Ref]) -> None:
    ids = {r.id for r in refs}
    for ref in more:
        if ref.id not in ids:
            refs.append(ref)
            ids.add(ref.id)


def _assign(mention: Mention, sources: list[Ref], targets: list[Ref], symmetric: bool) -> None:
    if mention.type in PLACE_TARGET_TYPES and mention.location is None:
        mention.location = next((r.place for r in targets if r.place is not None), None)
    if symmetric:
        _extend(sources, targets)
        targets = []
    source_ids = {r.id for r in sources}
    mention.sources = sources
    mention.targets = [r for r in targets if r.id not in source_ids]


def _struck_in(trigger: Token, index: MentionIndex) -> Place | None:
    """'one airstrike against ISIL in Iraq': the first place the phrase of what was struck
    names that the gazetteer knows as a kind of place; a name it does not know ('ISIL',
    tagged a place) is the group struck, and the parser hangs the real place on it."""
    for prep, pobj in prep_objects(trigger):
        if prep != "against":
            continue
        for inner in phrase_tokens(pobj):
            place = index.place(inner)
            if place is not None and place.kind and place.kind not in ("facility", ""):
                return place
    return None


def fill_caption(mention: Mention, sentence: Span, index: MentionIndex, symmetric: bool) -> None:
    """Photo captions are fragments: take every actor and the first place in the sentence."""
    refs: list[Ref] = []
    places: list[Place] = []
    for token in sentence:
        ref = index.ref(token)
        if ref is not None and ref.kind != "place":
            _extend(refs, [ref])
        place = index.place(token)
        if place is not None and place not in places:
            places.append(place)
    people = [r for r in refs if r.kind == "person"]
    chosen = people or [r for r in refs if r.place is None]
    cities = [p for p in places if p.kind not in ("country",)]
    mention.location = next(iter(cities or places), None)
    _assign(mention, chosen[:1] if not symmetric else chosen, chosen[1:], symmetric)


def is_predicative(noun: Token) -> bool:
    """'It would be the first visit by …', 'This is his second trip': the noun describes an
    event the article is about rather than naming a new one."""
    head = noun.head
    if noun.dep_ != "attr" or head.lemma_ != "be":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in head.children)
