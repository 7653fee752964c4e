"""The ``dateline_events`` pipeline step: trigger → arguments → status → time → merge."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.errors import E_EVENTS_NEED_PARSE
from dateline.events import (
    arguments,
    attribution,
    build,
    clause_dates,
    layout,
    occasion,
    scene,
    sharing,
    status,
    timing,
    venue,
    voice,
)
from dateline.events.fallback import fallback_actors
from dateline.events.lexicon import Lexicon, load_lexicon
from dateline.events.mention import Mention
from dateline.events.participants import STATE_NOUNS, MentionIndex, build_index
from dateline.events.places import UNMAPPED_KINDS
from dateline.events.tree import THE, is_definite
from dateline.events.triggers import (
    STANDING_IN,
    STAYING,
    find_triggers,
    lookup,
    pos_class,
    returned_from,
)
from dateline.model import Event, Place, Timex


class EventExtractor:
    """spaCy component: sets ``doc._.events`` to a list of :class:`dateline.model.Event`."""

    def __init__(self, nlp: Language | None = None, name: str = "dateline_events"):
        self.name = name
        self.lexicon = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = extract_events(doc, self.lexicon)
        return doc


def extract_events(doc: Doc, lexicon: Lexicon | None = None) -> list[Event]:
    """Events of one parsed Doc, using doc._.timexes / actors / places / dct when set."""
    lexicon = lexicon or load_lexicon()
    if not doc.has_annotation("DEP"):
        if not len(doc):
            return []
        raise E_EVENTS_NEED_PARSE()
    index = _index(doc)
    dct: date | None = doc._.dct
    text = doc.text
    timexes: list[Timex] = [timing.within_hours(t, dct, text) for t in doc._.timexes or []]
    blocks = layout.paragraphs(doc.text)
    index.blocks = layout.token_blocks(doc, blocks)
    captions = layout.caption_blocks(doc, blocks)
    mentions = find_mentions(doc, lexicon, index, blocks, captions)
    mentions = [m for m in mentions if not _told_by_reporter(m, index)]
    status.flat_denials(mentions, doc, blocks)
    mentions = sharing.fold_threat_contents(mentions, doc)
    sharing.rounds_of_the_talks(mentions, doc)
    used = timing.attach(doc, timexes, mentions, status.cancel_cues(lexicon.cues))
    status.changed_by_reference(
        mentions, doc, lexicon.cues, timexes, lambda t, m: _same_kind(t, m, lexicon)
    )
    status.moved_now(mentions, doc, lexicon.cues, timexes)
    mentions = voice.interview_statement(mentions, doc, index, timexes, lexicon)
    used |= layout.caption_times(mentions, timexes)
    timing.antecedent_dates(mentions, doc, timexes)
    occasion.talks_of_the_dated_occasion(mentions, doc, blocks)
    mentions = clause_dates.fold_describing_verbs(mentions, doc)
    mentions = sharing.latest_of_histories(mentions, doc, lexicon.cues["latest_words"])
    sharing.share_times(mentions, doc)
    sharing.said_on_the_occasion(mentions, doc, blocks)
    sharing.talks_said_right_after(mentions, doc)
    sharing.parts_of_a_plural_occasion(mentions, doc)
    sharing.days_from_the_host(mentions, doc)
    sharing.share_without(mentions, doc)
    clause_dates.share_verb_dates(mentions, doc, timexes)
    clause_dates.share_when_dates(mentions, doc, timexes)
    occasion.signed_by_their_envoys(mentions, doc, blocks)
    occasion.said_at_the_occasion(mentions, doc, blocks, timexes)
    sharing.trip_for_the_meeting(mentions, doc)
    timing.day_of_the_range(mentions, doc)
    mentions = sharing.earlier_trips(mentions, doc)
    mentions = sharing.first_since(mentions, doc, timexes)
    mentions = sharing.first_of_its_kind(mentions, doc, timexes, index)
    mentions = timing.split_legs(mentions, doc, index, timexes)
    mentions = [piece for m in mentions for piece in timing.split_coordinated(m, text)]
    if dct is not None:
        scene.date_chronology_mentions(mentions, text, timexes, dct)
        timing.said_at_the_lead_occasion(mentions, doc, blocks, timexes, dct)
        for mention in mentions:
            timing.since_today(mention, doc, dct)
            timing.past_reading(mention, doc, dct)
            status.past_act_over_future_time(mention, doc, dct)
            timing.refine_status(mention, dct)
            timing.carry_out(mention, dct, lexicon.cues["carried_out_plans"])
            timing.own_past_date(mention, doc, dct)
            timing.default_window(mention, dct)
    return build.build_events(doc, lexicon, mentions, timexes, used, dct)


def _index(doc: Doc) -> MentionIndex:
    actors, places = doc._.actors, doc._.places
    if actors is None:
        actors, places = fallback_actors(doc)
    return build_index(doc, list(actors), list(places or []))


def find_mentions(
    doc: Doc,
    lexicon: Lexicon,
    index: MentionIndex,
    blocks: list[tuple[int, int]],
    captions: list[tuple[int, int]],
) -> list[Mention]:
    """Every event mention in text order, with arguments, status and attribution."""
    cues, light = lexicon.cues, set(lexicon.cues["light_verbs"])
    text = doc.text  # Doc.text rebuilds the string on every access
    mentions: list[Mention] = []
    quote_speaker: str | None = None
    credits = layout.credit_blocks(text, blocks)
    for sentence in doc.sents:
        found: list[Mention] = []
        for token, trigger in find_triggers(sentence, lexicon, light):
            if _topic_of_talks(token, lexicon):
                continue
            block = layout.block_of(token.idx, blocks)
            if block in credits:
                continue  # '(Reporting by ...; Editing by ...)': no one's statement
            mention = Mention(
                trigger, token.i, token.i, layout.evidence_span(sentence, block, text)
            )
            mention.caption = any(a <= token.idx < b for a, b in captions)
            describe(mention, token, sentence, index, lexicon)
            mention.loose_place = venue.clause_place(token, index, mention.type)
            mention.building = venue.building_at(token, mention.type)
            if _habit_denied(mention, doc, cues) or _homecoming(mention, token):
                continue
            if _returned_from_nowhere(mention, token):
                continue  # 'returned from exile', 'from a holiday': no place, no trip told
            if trigger.gathering:
                told = [*mentions, *found]
                gathering = (
                    _gathering_represented_at(token, told)
                    if trigger.lemma in STANDING_IN
                    else _gathering_attended(token, told)
                )
                if gathering is None:
                    continue  # 'will attend' with no meeting told: nothing to place it
                mention.anchor, mention.location = _occasion(gathering), gathering.location
                if trigger.away and not _stays_away(mention, token):
                    continue  # 'did not say he would stay away': nothing told of the visit
                if trigger.away and trigger.lemma in STAYING:
                    mention.targets = []  # 'stayed in Kampala': home, not where he went
            elif _leads_delegation_nowhere(mention, token):
                # 'Togo's foreign minister will lead the delegation instead': to the
                # gathering told before, at its place and time
                gathering = _gathering_led_to(token, [*mentions, *found])
                if mention.stand_in and gathering is not None and _talks(gathering, doc):
                    gathering = None  # talks of two told before: no gathering one sends to
                if gathering is not None and gathering.location is not None:
                    mention.anchor, mention.location = gathering.token, gathering.location
                elif mention.stand_in:
                    continue  # 'sent observers' with no gathering told: sent nowhere known
            if mention.type == "STATEMENT" and not mention.sources:
                mention.unnamed_speaker = _unnamed_speaker(doc[mention.clause], cues)
            elif mention.type == "THREATEN" and not mention.participants():
                # 'Truck drivers' unions have warned that they will block …': a threat by
                # people no known actor names (participant null); 'the drills threaten
                # peace' names an event, no one who threatens
                clause = doc[mention.clause]
                if not any(
                    c.dep_ == "nsubj" and lexicon.entries(c.lemma_.lower(), "noun")
                    for c in clause.children
                ):
                    mention.unnamed_speaker = _unnamed_speaker(clause, cues)
            found.append(mention)
        found = _ultimatums(found, sentence, index, lexicon)
        quote_speaker = _attribute(found, doc, sentence, index, cues, quote_speaker)
        mentions.extend(found)
    sharing.link_anchors(mentions, doc)
    sharing.share_places(mentions, doc)
    sharing.talks_at_the_destination(mentions, doc)
    sharing.talks_where_due(mentions, doc, index)
    venue.occasion_places(mentions, doc, index)
    sharing.trip_stops(mentions, doc)
    return mentions


#: acts whose announcement on a condition is a threat (docs/annotation.md, 'Ultimatums')
THREATENED_ACTS = {"PROTEST", "ATTACK", "SANCTION", "DEPLOY", "REJECT", "ACCUSE"}
#: verbs that deliver an ultimatum ('said they would strike unless …')
ULTIMATUM_VERBS = {"say", "tell", "warn", "announce", "add", "vow", "declare", "insist", "state"}
FUTURE_AUX = {"will", "would", "'ll", "shall"}


def _ultimatums(
    found: list[Mention], sentence: Span, index: MentionIndex, lexicon: Lexicon
) -> list[Mention]:
    """'The unions said on Tuesday that they would begin a strike on Monday unless the
    government reverses the rise': telling of one's own act to come on a condition is a
    threat made when told (the act itself stays ``possible``); the telling is that
    THREATEN, not a STATEMENT of its own."""
    threat = next(iter(lexicon.entries("threaten", "verb")), None)
    if threat is None:
        return found
    doc = sentence.doc
    for act in [m for m in found if m.type in THREATENED_ACTS and m.status == "possible"]:
        clause = doc[act.clause]
        speech = _delivering_verb(clause)
        if speech is None or not _own_act_on_condition(clause, lexicon.cues):
            continue
        told = next((m for m in found if m.token == speech.i), None)
        if told is None:  # 'warned that …' names no event of its own
            told = Mention(threat, speech.i, speech.i, act.sentence)
            describe(told, speech, sentence, index, lexicon)
            if _same_side(act, told):
                found = sorted([*found, told], key=lambda m: m.token)
        if told.type not in ("STATEMENT", "THREATEN") or not _same_side(act, told):
            continue
        told.trigger, told.cue = threat, "ultimatum"
        if not told.sources:  # 'Their union said it would strike … if': an unnamed one's
            told.unnamed_speaker = told.unnamed_speaker or _unnamed_speaker(speech, lexicon.cues)
    return found


def _delivering_verb(clause: Token) -> Token | None:
    """The speech verb a clause is told by: its head ('said that they would strike') or a
    verb hung on it ('We will strike unless …, the union said')."""
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in ULTIMATUM_VERBS:
        return clause.head
    for child in clause.children:
        if child.dep_ in ("parataxis", "ccomp") and child.lemma_.lower() in ULTIMATUM_VERBS:
            return child
    return None


def _own_act_on_condition(clause: Token, cues: dict[str, Any]) -> bool:
    """'would strike … unless the government reverses': a future act with an 'if' or
    'unless' clause under it (not an act that is itself the condition)."""
    if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in clause.children):
        return False
    marks = cues["conditional_marks"]
    return any(
        m.lower_ in marks
        for c in clause.children
        if c.dep_ == "advcl"
        for m in c.children
        if m.dep_ == "mark"
    )


def _same_side(act: Mention, told: Mention) -> bool:
    """The act is the speaker's own (or its doer is unnamed): 'they would strike'."""
    if not act.sources or not told.sources:
        return True
    sides = {r.id for r in told.sources} | {r.country for r in told.sources if r.country}
    return any(r.id in sides or (r.country and r.country in sides) for r in act.sources)


#: a sentence opening so tells of other events than those before it
SEPARATELY = re.compile(r"^\W*(?:separately\b|in (?:a|another) separate\b|elsewhere\b)", re.I)


#: nouns a relative clause of 'attend' may hang on that are not the gathering's date or
#: place: what is attended is then no meeting ('the ceremony, which Li will attend')
RELATIVE_HEADS = {"ceremony", "funeral", "inauguration", "celebration", "parade", "match"}


def _gathering_attended(verb: Token, before: list[Mention]) -> Mention | None:
    """The meeting a bare 'attend' means: the noun its relative clause hangs on ('a summit
    which Lavrov attended'), else the meeting told last in its sentence or the two before
    ('Pacific leaders meet in Lima on June 3. Albanese will not attend.')."""
    meetings = [m for m in before if m.type == "MEET" and m.token < verb.i]
    if verb.dep_ == "relcl" and not _of_the_attendee(verb):
        held = next((m for m in meetings if m.token == verb.head.i), None)
        if held is not None or verb.head.lemma_.lower() in RELATIVE_HEADS:
            return held
        # 'the NATO summit in Ankara on 7-8 July, which Han will attend': the parser hangs
        # the clause on the summit's date or place, not on the summit
        start = verb.sent.start
        return next((m for m in reversed(meetings) if m.token >= start), None)
    sentences = [s.start for s in verb.doc.sents if s.start <= verb.i]
    floor = sentences[-3] if len(sentences) >= 3 else 0
    near = [m for m in meetings if m.token >= floor]
    # 'Yusuf will attend the inauguration in Accra … will also hold talks on Wednesday. South
    # Africa will be represented by … Mahlangu will not attend': an attendance told after
    # the last meeting names the occasion
    attended = [m for m in before if floor <= m.token < verb.i and _attendance(m, verb.doc)]
    if attended and (not near or attended[-1].token > near[-1].token):
        return attended[-1]
    return _told_before(near[-1], meetings, verb.doc) if near else None


def _of_the_attendee(verb: Token) -> bool:
    """'Adjovi, who pulled out on Friday, is not here': a relative clause on the one who
    attends (its subject 'who'), not on the gathering."""
    return any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children)


def _stays_away(mention: Mention, verb: Token) -> bool:
    """'withdrew last week', 'will pull out': the visit to the gathering does not happen
    (a withdrawal told as possible leaves it possible: 'may stay away'); False for one
    negated ('did not withdraw') or under a negated verb ('did not say he would stay
    away'), which tells nothing of the visit."""
    if mention.status == "negated" or any(
        c.dep_ == "neg" for head in verb.ancestors for c in head.children
    ):
        return False
    if mention.status != "possible":
        mention.status, mention.cue = "negated", "stayed away"
    return True


def _attendance(mention: Mention, doc: Doc) -> bool:
    """A placed visit to an occasion: 'will attend the inauguration in Accra', or one sent
    to a gathering told before ('will be represented by its deputy president')."""
    if mention.type != "VISIT" or mention.location is None:
        return False
    return doc[mention.token].lemma_ == "attend" or mention.anchor is not None


def _occasion(gathering: Mention) -> int:
    """The token a visit to ``gathering`` hangs on: an attendance's own occasion when it has
    one ('represented by' the deputy at the inauguration), else the gathering itself."""
    if gathering.type == "VISIT" and gathering.anchor is not None:
        return gathering.anchor
    return gathering.token


def _told_before(meeting: Mention, meetings: list[Mention], doc: Doc) -> Mention:
    """'The summit … scheduled for May 20 in Tokyo will not go ahead. … told us that the
    summit is off. … Li Qiang would not attend': a definite meeting with no place and no
    participant of its own refers back to the last meeting of its word told before it
    with a place."""
    if meeting.location is not None or meeting.participants():
        return meeting
    noun = doc[meeting.token]
    if not is_definite(noun):
        return meeting
    lemma = noun.lemma_.lower()
    placed = [
        m
        for m in meetings
        if m.token < meeting.token
        and m.location is not None
        and doc[m.token].lemma_.lower() == lemma
    ]
    return placed[-1] if placed else meeting


def _gathering_represented_at(verb: Token, before: list[Mention]) -> Mention | None:
    """Where 'South Africa will be represented by its deputy president' sends someone: the
    meeting, or the occasion attended ('will attend the inauguration in Accra'), told last
    with a place in the sentence or the two before."""
    sentences = [s.start for s in verb.doc.sents if s.start <= verb.i]
    floor = sentences[-3] if len(sentences) >= 3 else 0
    placed = [
        m
        for m in before
        if floor <= m.token < verb.i
        and m.location is not None
        and (m.type == "MEET" or (m.type == "VISIT" and verb.doc[m.token].lemma_ == "attend"))
    ]
    return placed[-1] if placed else None


#: verbs of a visit by a delegation one leads ('will lead the Togolese delegation')
LEADING_VERBS = {"lead", "head"}


def _leads_delegation_nowhere(mention: Mention, verb: Token) -> bool:
    """A visit of a delegation someone leads, or of a stand-in someone sends ('sent a
    deputy minister instead'), with no place and no 'to' or 'for' phrase: the delegation
    goes to the gathering told before."""
    if mention.type != "VISIT" or mention.location is not None:
        return False
    if arguments.sent_nowhere(verb):
        return True
    if verb.lemma_.lower() not in LEADING_VERBS:
        return False
    return not any(
        c.dep_ == "prep" and c.lower_ in ("to", "for", "at", "in") for c in verb.children
    )


def _talks(meeting: Mention, doc: Doc) -> bool:
    """'is due to hold talks with Malawi's President': talks between parties the text
    names, not a gathering a country sends someone to in its leader's place."""
    return doc[meeting.token].lemma_.lower() == "talk"


def _gathering_led_to(verb: Token, before: list[Mention]) -> Mention | None:
    """The meeting told last in the sentence or the two before, else the attendance told
    there ('… will attend the inauguration in Accra': the delegation goes to it)."""
    meeting = _gathering_attended(verb, before)
    if meeting is not None and meeting.location is None:
        # 'did not attend that meeting and sent a deputy minister instead': the meeting
        # referred back to is the one told before with a place
        placed = [m for m in before if m.type == "MEET" and m.token < meeting.token]
        told = verb.doc[meeting.token]
        nouns = [told, *(c for c in told.children if c.dep_ == "dobj")]  # 'attend that meeting'
        if placed and placed[-1].location is not None and any(map(is_definite, nouns)):
            return placed[-1]
    if meeting is not None:
        return meeting
    sentences = [s.start for s in verb.doc.sents if s.start <= verb.i]
    floor = sentences[-3] if len(sentences) >= 3 else 0
    attended = [
        m
        for m in before
        if m.type == "VISIT" and floor <= m.token < verb.i and verb.doc[m.token].lemma_ == "attend"
    ]
    return attended[-1] if attended else None


def _separately(sentence: Span) -> bool:
    """'Separately, …', 'In a separate blow, …', 'Elsewhere, …': a new item."""
    return SEPARATELY.match(sentence.text) is not None


def _unnamed_speaker(verb: Token, cues: dict[str, Any]) -> str | None:
    """'Police said …', 'two diplomats said …': the speaker's word when the subject is a
    group of no known actor (docs/annotation.md: participant null)."""
    speakers = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.lemma_.lower() == "accord":  # 'according to two diplomats'
        speakers = [g for c in verb.children if c.lower_ == "to" for g in c.children]
    for subject in speakers:
        if subject.lemma_.lower() in cues["unnamed_speakers"] or _people_noun(subject, cues):
            return str(subject.lemma_.lower())
    return None


def _people_noun(subject: Token, cues: dict[str, Any]) -> bool:
    """'Hospital managers said', 'Traders in Mumbai say', 'said one': a common noun (or
    'one') that names no known actor speaks for people the text leaves unnamed; a document
    ('the report says', 'the statement said') is not a speaker."""
    if subject.sent.text.rstrip().endswith("?"):
        return False  # 'What are exporters saying?' asks; nobody said anything
    if subject.lower_ == "one":
        return True
    lemma = subject.lemma_.lower()
    if subject.pos_ != "NOUN" or lemma in cues["speaking_documents"]:
        return False
    if subject.tag_ == "NN" and lemma in cues["agent_nouns"] and is_definite(subject, THE):
        return False  # 'The authority said', nothing named before: a body we cannot name
    # 'the president said', 'the leaders said', 'the government says': a known actor the
    # parse did not name, not an unnamed one
    return lemma not in cues["content_nouns"] and lemma not in {*cues["group_nouns"], *STATE_NOUNS}


def _topic_of_talks(token: Token, lexicon: Lexicon) -> bool:
    """'talks on the second phase of the ceasefire': what the talks are about is no event
    of this sentence (the talks are)."""
    if pos_class(token) == "verb":
        return False
    head = token.head
    while head.dep_ == "pobj" or (head.dep_ == "prep" and head.lower_ == "of"):
        head = head.head  # 'the second phase of the ceasefire'
    if head.dep_ != "prep" or head.lower_ not in lexicon.cues["topic_preps"]:
        return False
    owner = head.head
    found = lookup(owner, lexicon) if owner.pos_ == "NOUN" else None
    return found is not None and found.type in ("MEET", "DISCUSS")


def describe(
    mention: Mention, token: Token, sentence: Span, index: MentionIndex, lexicon: Lexicon
) -> None:
    """Fill arguments and status of one mention."""
    cues = lexicon.cues
    symmetric = mention.symmetric = lexicon.types[mention.type].symmetric
    if pos_class(token) == "verb":
        arguments.fill_verb(mention, token, index, symmetric)
        mention.status, mention.cue = status.verb_status(token, cues)
        mention.definite = _definite_object(mention, token, lexicon)
        mention.anaphoric = mention.definite and not mention.participants()
    else:
        decision, clause = status.noun_status(token, cues)
        mention.clause = clause.i if clause is not None else token.i
        light = set(cues["light_verbs"]) | set(cues["purpose_verbs"]) | {"receive", "get"}
        arguments.fill_noun(mention, token, clause or token, index, symmetric, light)
        mention.status, mention.cue = decision or ("occurred", "nominal")
        mention.definite = is_definite(token)
        mention.predicative = arguments.is_predicative(token)
        mention.told_of = status.told_of(token, cues)
        mention.anaphoric = mention.definite and not mention.participants()
        if mention.definite and not mention.anaphoric:
            _named_by_its_place(mention, token, index)
        called_off = mention.status == "negated" and status.calls_off(mention.cue, cues)
        # 'a state visit to China planned for April has been postponed': put off, as
        # called off, tells a trip the text has been about
        put_off = mention.status == "planned" and (mention.cue or "") in cues["reschedule_verbs"]
        off = called_off or put_off
        if mention.definite and mention.type == "VISIT" and mention.targets:
            _visitor_of_the_visit(mention, index)
        elif off and mention.type == "VISIT" and mention.targets and _no_visitor(token):
            # 'Wadephul arrived in Riyadh …: a visit to Cairo planned for this weekend was
            # called off': a trip called off is the one the text is about, named before it
            _visitor_of_the_visit(mention, index, token.idx)
    if mention.status in ("planned", "possible") and _own_clause(mention, token):
        with_noun = status.cancelled_with_its_noun(token.doc[mention.clause], cues)
        mention.status, mention.cue = with_noun or (mention.status, mention.cue)
    if mention.caption and (mention.status == "ongoing" or mention.cue == "nominal"):
        mention.status, mention.cue = "occurred", "caption"  # photo captions use the present
    if mention.caption and not mention.participants():
        arguments.fill_caption(mention, sentence, index, symmetric)
    mention.repeated = _repeated(token, clause_token(mention, token), cues["repeat_words"])
    mention.other = any(
        c.dep_ in ("amod", "det") and c.lower_ in cues["other_event_words"] for c in token.children
    ) or _separately(sentence)
    if mention.type not in sharing.SAID_TYPES and _additional(token, cues["additional_words"]):
        mention.other = True  # 'the two leaders are also expected to meet in July'
    if status.held_later(mention, token, cues, lambda t: _same_kind(t, mention, lexicon)):
        mention.status, mention.cue = "planned", status.NOT_THEN  # put off, not called off
    mention.rescheduled = (mention.cue or "") in cues["reschedule_verbs"]
    mention.cancelled = mention.status == "negated" and status.calls_off(mention.cue, cues)
    if mention.location is None and mention.type == "ACCUSE":
        mention.location = _court_of_the_case(token, index)
    held = timing.held_clause(mention, token.doc)
    held_at = arguments.place_of(held, index) if held is not None else None
    if held_at is not None and (mention.location is None or mention.rescheduled):
        mention.location = held_at  # '… and will now be held in Dodoma': the new place
    # 'had been scheduled to hold talks': a nominal's plan is told by its clause verb
    planner = token if pos_class(token) == "verb" else token.doc[mention.clause]
    mention.past_plan = mention.status == "planned" and status.past_plan(planner, cues)
    if mention.type in DECIDED_ACTS and mention.cue == "decide":
        deciding = timing.governing(token, "decide") or token
        if status.verb_status(deciding, cues)[0] == "occurred":
            # 'Today, the United States decided to revoke economic sanctions': a government's
            # decision is the measure itself, done when decided
            mention.status, mention.cue = "occurred", "decided"
    if mention.type == "STATEMENT" and mention.status == "ongoing":
        mention.status, mention.cue = "occurred", "speech act"
    if mention.type in UTTERED_ACTS and mention.cue == "present tense":
        # 'Egypt accuses Ethiopia of …', 'We reject that': an act done by saying it is
        # done once said, as a statement is
        mention.status, mention.cue = "occurred", "speech act"
    standing = mention.type in STANDING and mention.cue == "perfect" and not mention.repeated
    if standing and status.under_way_since(clause_token(mention, token)):
        # 'have been on strike since Monday', 'have blocked the crossing since Monday':
        # begun on a day told and not said to be over
        mention.status, mention.cue = "ongoing", "since"
    conditional = mention.cue in cues["conditional_marks"] and pos_class(token) == "verb"
    done = conditional and status.done_act(token) and mention.type != "STATEMENT"
    supposed = status.own_condition(token, cues)
    if done and (supposed is None or supposed.dep_ == "ccomp"):
        # 'threatened a strike next month if …', 'has offered to host talks if …': the
        # condition is the content's (the strike stays possible); the act was done. A
        # past tense inside the 'if' clause ('if the commanders met') stays supposed (not
        # an 'if' that asks, 'asked if Lima had signed')
        mention.status, mention.cue = "occurred", "done act"
    if mention.type == "STATEMENT" and mention.cue in cues["conditional_marks"]:
        # 'X could meet Li if time allows, an official told reporters': the condition is
        # the content's; the telling happened
        mention.status, mention.cue = "occurred", "speech act"


#: verbs that bring a case before a court or body (triggers.json ACCUSE entries)
CASE_VERBS = {"file", "lodge", "bring", "sue", "ask", "take"}
#: the prepositions of the court or body a case is brought before
COURT_PREPS = {"to", "with", "at", "before"}


def _court_of_the_case(verb: Token, index: MentionIndex) -> Place | None:
    """'took the dispute to the International Court of Justice', 'lodged a complaint with
    the World Trade Organization', 'asked the Constitutional Court to rule': a case brought
    before a court or body is placed there (its seat when the phrase names it: 'with the
    WTO in Geneva')."""
    if verb.lemma_.lower() not in CASE_VERBS:
        return None
    bodies = [c for c in verb.children if c.dep_ == "dobj" and verb.lemma_.lower() == "ask"]
    # the body may hang on the case: 'lodged a complaint with the WTO'
    cases = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    bodies += [
        g
        for case in cases
        for c in case.children
        if c.dep_ == "prep" and c.lower_ in COURT_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for body in bodies:
        seats = [index.place(t) for t in body.subtree]
        seat = next((p for p in seats if p is not None and p.kind not in UNMAPPED_KINDS), None)
        if seat is not None:
            return seat
        actor = index.actor(body)
        if actor is not None and actor.kind == "organisation":
            return Place(name=actor.name, kind="facility")
    return None


def _own_clause(mention: Mention, token: Token) -> bool:
    """The clause is the event's own: its verb, or the verb a nominal is an argument of
    ('… that was to hold talks'), not one it only dates ('that was to take place before
    the G20 summit')."""
    clause = token.doc[mention.clause]
    return clause.i == token.i or (token.dep_ in ARGUMENT_DEPS and token.head.i == clause.i)


ARGUMENT_DEPS = ("dobj", "nsubj", "nsubjpass", "attr")


def _same_kind(noun: Token, mention: Mention, lexicon: Lexicon) -> bool:
    """A noun that names an event of the mention's type ('the agreement' for a signing)."""
    found = lookup(noun, lexicon)
    return found is not None and found.type == mention.type


def _homecoming(mention: Mention, token: Token) -> bool:
    """'President Figueira returned to Brasília on Friday', 'the Ugandan delegation is due to
    return to Kampala': travellers going back to their own country make no visit, and
    presuppose no earlier one; nor does coming back from a place at home ('returned from
    Mombasa' of a Kenyan), no trip abroad."""
    if mention.type != "VISIT" or token.lemma_.lower() != "return" or not mention.sources:
        return False
    if token.dep_ in ("conj", "advcl", "xcomp") and not returned_from(token, mention.trigger):
        return False  # 'will fly in on November 4 and return to Canberra': the trip's end
    home = {ref.country for ref in mention.sources}
    there = mention.location.country if mention.location is not None else None
    there = there or next((r.country for r in mention.targets if r.country), None)
    return there is not None and home == {there}


def _returned_from_nowhere(mention: Mention, verb: Token) -> bool:
    """A return told by where it comes from whose 'from' names no place ('returned from
    exile', 'from a two-week holiday'): no trip the reader could place."""
    return returned_from(verb, mention.trigger) and mention.location is None


def _habit_denied(mention: Mention, doc: Doc, cues: dict[str, Any]) -> bool:
    """'Eritrea does not negotiate its judicial processes', 'an agreement with Malaysia does
    not open Indonesia', 'the fair does not take place in winter': a negated simple present
    tells a habit or a state, not an event that did not happen ('did not attend', 'will not
    travel' do) nor one called off ('the signing will not take place')."""
    cue = mention.cue or ""
    negated = status.negation_kind(cue, cues) in ("negation", "not held")
    if mention.status != "negated" or not negated:
        return False
    verb = doc[mention.clause]
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxes
    return len(auxes) == 1 and auxes[0].lemma_ == "do" and auxes[0].tag_ in ("VBZ", "VBP")


#: acts done by saying them, whose simple present reports them made
UTTERED_ACTS = {"ACCUSE", "REJECT", "THREATEN"}
#: measures a government's decision enacts ('decided to impose sanctions')
DECIDED_ACTS = {"SANCTION"}
#: events that last and may be under way: a strike or blockade, a deployment, talks
STANDING = {"PROTEST", "DEPLOY", "MEET"}


def _definite_object(mention: Mention, verb: Token, lexicon: Lexicon) -> bool:
    """'signed the treaty', 'held the summit': the verb tells more of an event named before."""
    for child in verb.children:
        if child.dep_ == "dobj" and is_definite(child):
            found = lookup(child, lexicon)
            return found is not None and found.type == mention.type
    return False


def clause_token(mention: Mention, token: Token) -> Token:
    return token.doc[mention.clause]


def _additional(token: Token, words: list[str]) -> bool:
    """'also met', 'are also expected to meet', 'met again': one more event of its kind,
    not the one told before."""
    heads = [token]
    if token.dep_ == "xcomp":
        heads.append(token.head)  # 'expected to meet'
    children = [child for head in heads for child in head.children]
    return any(child.lower_ in words and child.dep_ == "advmod" for child in children)


def _repeated(token: Token, clause: Token, words: list[str]) -> bool:
    """'visited three times', 'has often met': a count of events, not one event."""
    for head in {token, clause}:
        for child in head.children:
            if child.lower_ in words and child.dep_ in ("advmod", "npadvmod"):
                return True
    return False


def _attribute(
    found: list[Mention],
    doc: Doc,
    sentence: Span,
    index: MentionIndex,
    cues: dict[str, Any],
    quote_speaker: str | None,
) -> str | None:
    """Set attribution; a quoted sentence without its own speaker keeps the last one."""
    quoted = attribution.in_quote(sentence)
    for mention in found:
        if mention.type == "STATEMENT":
            if mention.sources:
                quote_speaker = mention.sources[0].id
            continue
        if mention.cue in timing.PRESUPPOSED:
            continue  # 'the anniversary of his visit': the article itself asserts the visit
        mention.attribution = attribution.attribution(doc[mention.token], sentence, index, cues)
        if mention.attribution is None and quoted:
            mention.attribution = quote_speaker
    return quote_speaker if quoted or any(m.type == "STATEMENT" for m in found) else None


#: how far back (characters) 'the visit to Seoul' looks for the person it is about
VISITOR_WINDOW = 1500


def _visitor_of_the_visit(mention: Mention, index: MentionIndex, start: int | None = None) -> None:
    """'The visit to Seoul marked the first stop on an Asian tour': the visit of the person
    the text has been about (the latest person named as a subject before ``start``, by
    default the sentence's), not nobody's."""
    if mention.sources:
        return
    start = mention.sentence[0] if start is None else start
    visitor = index.latest_subject(start, window=VISITOR_WINDOW)
    if visitor is not None and visitor.id not in {r.id for r in mention.targets}:
        mention.sources = [visitor]


def _no_visitor(noun: Token) -> bool:
    """'a visit to Cairo': no possessive names who travels ('the President's visit' names
    one the actors step may not know)."""
    return not any(c.dep_ == "poss" for c in noun.children)


def _named_by_its_place(mention: Mention, token: Token, index: MentionIndex) -> None:
    """'the Ankara meeting', 'the Beijing trip': a definite nominal whose only participant
    is the place its compound names refers back to an event told before; the place is
    where, not who."""
    compounds = {c.idx for c in token.children if c.dep_ == "compound"}
    refs = [*mention.sources, *mention.targets]
    if not refs or not all(r.place is not None and r.start in compounds for r in refs):
        return
    mention.location = mention.location or refs[0].place
    mention.sources, mention.targets = [], []
    mention.anaphoric = mention.place_named = True


def _told_by_reporter(mention: Mention, index: MentionIndex) -> bool:
    """'VOA's David Gollust reports from the State Department': the article's reporter
    introducing the story is no event."""
    ids = {r.id for r in mention.sources}
    return bool(ids) and ids <= index.journalists
