"""What event mentions share with each other before they are merged: the time of the
occasion they belong to ('met Trump on Monday to discuss …'), a visit's place, the
parties of talks that ended without an agreement, the latest occasion of a history."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from dateline.actors.geo import country_code, load_countries
from dateline.events import timing
from dateline.events.layout import NO_BLOCK, block_of
from dateline.events.mention import Mention
from dateline.events.participants import MentionIndex, Ref
from dateline.events.places import place_of
from dateline.events.scene import PRESUPPOSED_TRIP
from dateline.events.tree import THE, is_definite
from dateline.events.triggers import TALK_WORDS, pos_class
from dateline.model import EventTime, Place, Timex, iso_day


def share_without(mentions: list[Mention], doc: Doc) -> None:
    """'Talks between Israel and Hamas ended on Wednesday without an agreement': the
    missing agreement is the talks' parties', on the talks' occasion."""
    by_token = {m.token: m for m in mentions}
    for mention in mentions:
        if mention.cue != "without" or mention.participants():
            continue
        verb = doc[mention.clause]
        for subj in verb.children:
            host = by_token.get(subj.i) if subj.dep_ == "nsubj" else None
            if host is not None and host.participants():
                mention.sources, mention.targets = list(host.sources), list(host.targets)
                if host.dated and not mention.timexes:
                    _take_time(mention, host)
                break


def latest_of_histories(
    mentions: list[Mention], doc: Doc, latest_words: list[str]
) -> list[Mention]:
    """'has travelled to China four times, most recently in September 2025, when he
    attended a summit': the count stays one undated history; its latest occasion becomes
    an event of its own, dated (``share_times`` then gives that date to the 'when'
    clause under it)."""
    result: list[Mention] = []
    for mention in mentions:
        result.append(mention)
        token = doc[mention.token]
        if not (mention.repeated and mention.dated):
            continue
        if not any(c.lower_ in latest_words and c.dep_ == "advmod" for c in token.children):
            continue
        single = replace(mention, repeated=False)
        mention.timexes, mention.time, mention.dated = [], EventTime(), False
        result.append(single)
    return result


def share_times(mentions: list[Mention], doc: Doc) -> None:
    """'will travel to Seoul on Thursday and is expected to meet Lee there': same day."""
    by_token = {m.token: m for m in mentions}
    by_clause = {m.clause: m for m in mentions if m.clause != m.token}
    purposes = _purposes(mentions, doc)
    for mention in mentions:
        if not mention.timexes and _said_after(mention, mentions, doc):
            continue  # 'Powell said after flying over Banda Aceh Wednesday': that day
        if not mention.timexes and _clause_date(mention, doc):
            continue  # 'on Wednesday, when the Treasury imposed sanctions'; 'retaliated by …'
        purpose = _dated_purpose(mention, purposes)
        if not mention.timexes and purpose is not None:
            # 'then fly to Moscow for talks with Lavrov the following day': the talks' day
            _take_time(mention, purpose)
            continue
        occasion = _fronted_occasion(mention, doc, by_token)
        if not mention.timexes and occasion is not None:
            _take_time(mention, occasion)
            continue  # 'In a speech on June 15 last year, Lee invited Kim': in that speech
        told_with = _participle_host_of(mention, doc, by_token, by_clause)
        if not mention.timexes and told_with is not None:
            _take_time(mention, told_with)
            continue  # 'agreed on Wednesday …, ending three days of talks': then they ended
        head = doc[mention.token].head.i
        host = by_token.get(head) or by_clause.get(head)
        if not mention.timexes and host is not None and host.dated and _purpose(doc[mention.token]):
            _take_time(mention, host)
            continue  # 'met Trump on Monday to discuss the plan'
        when = _when_time(doc, mention, mentions) if not mention.timexes else None
        when = when or (_under_when(doc, mention, mentions) if not mention.timexes else None)
        when = when or (_where_time(doc, mention, mentions) if not mention.timexes else None)
        if when is not None:
            _take_time(mention, when)
            continue  # 'visited Morocco in October 2024, when the two countries signed …'
        if not mention.timexes and _where_clause_date(mention, doc):
            continue  # 'will begin in Hanoi on September 7 and 8, where he will hold talks'
        made_at = _invited_at(mention, by_token)
        if not mention.timexes and made_at is not None:
            _take_time(mention, made_at)
            continue  # 'invited Kim to visit Moscow during a phone call last month'
        talks = _signed_after_talks(mention, doc, by_token, mentions)
        if not mention.timexes and talks is not None:
            _take_time(mention, talks)
            mention.location = mention.location or talks.location
            continue  # 'After the talks the two governments are expected to sign a treaty'
        occasion = _which_occasion(mention, doc, mentions)
        if not mention.timexes and occasion is not None:
            _take_time(mention, occasion)
            mention.location = mention.location or occasion.location
            continue  # 'will hold talks on May 13, after which the two are to sign …'
        if not mention.timexes and host is not None and _same_act(mention, host, doc):
            _take_time(mention, host)
            continue  # 'rejected the warning on Wednesday and said …': one occasion
        if mention.timexes or mention.status not in ("planned", "possible"):
            continue
        token, crossed = doc[mention.token], False
        for _ in range(3):
            if token.dep_ not in ("xcomp", "conj") or token.head.i == token.i:
                break
            crossed, token = crossed or token.dep_ == "conj", token.head
            # 'will hold talks on July 21 and are expected to sign a treaty': the clause verb
            # of a nominal event is its occasion too
            nominal = by_token.get(token.i) is None
            other = by_token.get(token.i) or by_clause.get(token.i)
            if crossed and other is not None and other.dated and other.status == mention.status:
                _take_time(mention, other)
                if nominal:  # 'will hold talks in Kampala … and are to sign': there too
                    mention.location = mention.location or other.location
                break


#: prepositions of a relative clause told at its event's occasion ('talks on May 13, after
#: which the two governments are to sign …', 'a summit, at which they will sign …'); 'after'
#: and 'following' only right after a one-day occasion
WHICH_PREPS = {"at", "during", "in", "after", "following"}
RIGHT_AFTER = {"after", "following"}
#: statuses an occasion and what is told in its relative clause share
_PLANS, _PAST = ("planned", "possible"), ("occurred", "ongoing")


def _invited_at(mention: Mention, by_token: dict[int, Mention]) -> Mention | None:
    """The dated call or talks an invitation was made during (``link_anchors``)."""
    if mention.type != "INVITE" or mention.anchor is None:
        return None
    host = by_token.get(mention.anchor)
    return host if host is not None and host.dated and host.cue == "during" else None


#: prepositions of an act done right after the talks it follows
AFTER_PREPS = {"after", "following"}
#: nouns of a stretch of talks ('following a morning of talks')
STRETCH_NOUNS = {"morning", "afternoon", "evening", "day", "night", "hour", "round", "session"}


def _signed_after_talks(
    mention: Mention, doc: Doc, by_token: dict[int, Mention], mentions: list[Mention]
) -> Mention | None:
    """The dated one-day talks an agreement is signed right after ('After the talks the two
    governments are expected to sign …', 'signed the accord following a morning of talks
    on Tuesday'): a definite 'the talks' is the latest dated talks told before."""
    if mention.type != "AGREE":
        return None
    verb, nouns = doc[mention.clause], []
    for _ in range(3):
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in AFTER_PREPS:
                nouns += [c for c in prep.children if c.dep_ == "pobj"]
        if verb.dep_ != "xcomp":
            break
        verb = verb.head
    for noun in nouns:
        if noun.lemma_.lower() in STRETCH_NOUNS:  # 'a morning of talks'
            of = [g for c in noun.children if c.lower_ == "of" for g in c.children]
            noun = of[0] if of else noun
        host = by_token.get(noun.i)
        if host is None or host.type != "MEET":
            continue
        if not host.dated:
            if not is_definite(noun, THE):
                continue
            told = [
                m
                for m in mentions
                if m.token < host.token and m.type == "MEET" and m.dated and not m.repeated
            ]
            host = told[-1] if told else host
        if host.dated and timing.one_day(host.time) and _same_tense(host, mention):
            return host
    return None


def _same_tense(host: Mention, mention: Mention) -> bool:
    """Both still to come, or both done."""
    return (host.status in _PLANS and mention.status in _PLANS) or (
        host.status in _PAST and mention.status in _PAST
    )


def _which_occasion(mention: Mention, doc: Doc, mentions: list[Mention]) -> Mention | None:
    """The dated event a clause opening with 'after which' (at, during, in, following)
    hangs on, by the event's own word or by its date, when the mention is in that clause:
    the same occasion ('will hold talks on May 13, after which the two are to sign …')."""
    token = doc[mention.clause]
    for _ in range(3):  # up from 'sign' through 'expected' / 'are' to the clause's verb
        if token.dep_ in ("relcl", "advcl") or token.head.i == token.i:
            break
        if token.dep_ not in ("xcomp", "ccomp", "conj"):
            return None
        token = token.head
    if token.dep_ not in ("relcl", "advcl"):
        return None
    preps = [
        c.lower_
        for c in token.children
        if c.dep_ == "prep"
        and c.i < token.i
        and c.lower_ in WHICH_PREPS
        and any(g.dep_ == "pobj" and g.lower_ == "which" for g in c.children)
    ]
    if not preps:
        return None
    # the clause may hang on the place or date of the occasion ('will hold talks … at the
    # Moncloa Palace, after which …'): up through its prepositional phrases
    heads = [token.head]
    while heads[-1].dep_ in ("pobj", "prep") and len(heads) < 5:
        heads.append(heads[-1].head)
    for host in mentions:
        if host is mention or not host.dated:
            continue
        if not any(
            head.i in (host.token, host.clause)
            or any(t.start <= head.idx < t.end for t in host.timexes)
            for head in heads
        ):
            continue
        if preps[0] in RIGHT_AFTER and not timing.one_day(host.time):
            return None
        same = (host.status in _PLANS and mention.status in _PLANS) or (
            host.status in _PAST and mention.status in _PAST
        )
        return host if same else None
    return None


#: occasions a fronted 'in' / 'at' phrase names ('In a speech on June 15, Lee invited Kim')
FRONTED_OCCASIONS = {"STATEMENT", "MEET"}


def _fronted_occasion(mention: Mention, doc: Doc, by_token: dict[int, Mention]) -> Mention | None:
    """The dated speech, call or meeting an 'in' / 'at' phrase before the clause's subject
    names ('In a speech on June 15 last year, Lee invited Kim', 'At talks on Monday, …')."""
    verb = doc[mention.token]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at") or prep.i > subject.i:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            occasion = by_token.get(pobj.i)
            if occasion is not None and occasion.type in FRONTED_OCCASIONS and occasion.dated:
                return occasion
    return None


def _participle_host_of(
    mention: Mention, doc: Doc, by_token: dict[int, Mention], by_clause: dict[int, Mention]
) -> Mention | None:
    """The dated event a bare participle holding a nominal hangs on ('agreed on Wednesday
    to patrol the lake together, ending three days of talks')."""
    if mention.clause == mention.token:
        return None
    verb = timing.participle_host(doc[mention.clause])
    host = (by_token.get(verb.i) or by_clause.get(verb.i)) if verb is not None else None
    if host is None or host is mention or not host.dated:
        return None
    past = ("occurred", "ongoing")
    same = host.status == mention.status or (host.status in past and mention.status in past)
    return host if same else None


def _take_time(mention: Mention, host: Mention) -> None:
    """The mention happens when ``host`` does."""
    mention.timexes, mention.time, mention.dated = host.timexes, host.time, True


def _when_head(doc: Doc, mention: Mention) -> Token | None:
    """What a 'when' clause holding the mention hangs on: a verb or a date."""
    token = doc[mention.clause]  # the verb itself, or the clause verb of a nominal
    if token.dep_ not in ("advcl", "relcl") or not _opens_with_when(token):
        return None
    # '…, replacing a 2019 deal, as Tahiri held talks': the verb the participle hangs on
    return timing.participle_host(token.head) or token.head


#: marks of an adverbial clause told as happening at its host's time ('signed the pact on
#: Tuesday as Tahiri held talks with Ndour', 'while the ministers met')
WHILE_MARKS = {"as", "while"}


def _opens_with_when(clause: Token) -> bool:
    return any(
        c.lower_ == "when"
        or (clause.dep_ == "advcl" and c.dep_ == "mark" and c.lower_ in WHILE_MARKS)
        for c in clause.children
    )


def _when_time(doc: Doc, mention: Mention, mentions: list[Mention]) -> Mention | None:
    """The dated mention a 'when' clause hangs on, by its verb or by its date."""
    head = _when_head(doc, mention)
    if head is None:
        return None
    for other in mentions:
        if other is mention or not other.dated:
            continue
        if other.token == head.i or any(t.start <= head.idx < t.end for t in other.timexes):
            return other
    return None


def _where_time(doc: Doc, mention: Mention, mentions: list[Mention]) -> Mention | None:
    """The dated mention whose place a 'where' clause holding the mention describes ('began
    his trip today in Benin, where he met President Yayi': met today)."""
    token = doc[mention.clause]
    if token.dep_ != "relcl" or not any(c.lower_ == "where" for c in token.children):
        return None
    if mention.status == "negated":
        return None
    for governor in token.head.ancestors:
        for other in mentions:
            if other is mention or not other.dated or other.status == "negated":
                continue
            if governor.i in (other.token, other.clause):
                return other
    return None


def _under_when(doc: Doc, mention: Mention, mentions: list[Mention]) -> Mention | None:
    """The dated mention of a 'when' clause the mention's clause governs ('When Obama
    visited Hanoi in May, he announced the end of the embargo': announced in May)."""
    token = doc[mention.clause]
    for clause in token.children:
        if clause.dep_ != "advcl" or not _opens_with_when(clause):
            continue
        for other in mentions:
            if other is not mention and other.dated and clause.i in (other.token, other.clause):
                return other
    return None


def _purposes(mentions: list[Mention], doc: Doc) -> dict[int, list[Mention]]:
    """Mentions that are the 'for' nominal of a word, by that word's token: looked up per
    mention instead of scanning every mention for each (quadratic on long articles)."""
    found: dict[int, list[Mention]] = {}
    for other in mentions:
        token = doc[other.token]
        if token.dep_ == "pobj" and token.head.lower_ == "for":
            found.setdefault(token.head.head.i, []).append(other)
    return found


def _dated_purpose(mention: Mention, purposes: dict[int, list[Mention]]) -> Mention | None:
    """A dated 'for' nominal of a visit: 'fly to Moscow for talks … the following day'."""
    if mention.type != "VISIT":
        return None
    for other in purposes.get(mention.token, []):
        if other is not mention and other.dated and other.timexes:
            return other
    return None


#: a subject that stands for the parties of the act before it ('…, and the two discussed')
BOTH_PARTIES = {"two", "both", "they"}


def _same_act(mention: Mention, host: Mention, doc: Doc) -> bool:
    """A past verb conjoined to a dated past event, sharing its subject."""
    token = doc[mention.token]
    if token.dep_ != "conj" or not host.dated or not mention.status == host.status == "occurred":
        return False
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        # '…, the ministry said': a reporting clause of its own; but 'held talks with Trung
        # on Tuesday, and the two ministers signed …': the same people, the same occasion
        own = {r.id for r in mention.sources}
        if not own and subject.lower_ in BOTH_PARTIES:
            # 'met Faisal on Thursday evening, and the two discussed …': a bare 'the two' is
            # not resolved yet; it stands for the parties of the act it is conjoined to
            return len(host.participants()) > 1
        return len(own) > 1 and own <= host.participants()
    return pos_class(doc[host.token]) == "verb"


def _purpose(token: Token) -> bool:
    """An infinitive of purpose ('met … to discuss') or a 'for' nominal ('flew … for talks')."""
    if token.dep_ in ("advcl", "xcomp") and any(c.lower_ == "to" for c in token.children):
        return token.head.lemma_.lower() not in ("expect", "plan", "hope", "want", "agree")
    return False


#: types whose rows are one per speaker and occasion: 'he also said' adds to the statement,
#: and what is said at an occasion is said then ('told reporters after the talks')
SAID_TYPES = {"STATEMENT", "ACCUSE", "REJECT", "THREATEN"}
#: occasions a statement is made at or right after
OCCASIONS = {"MEET", "AGREE", "DISCUSS"}


def link_anchors(mentions: list[Mention], doc: Doc) -> None:
    """'invited Kim during his visit': the invitation shares the visit's time and place."""
    by_token = {m.token: m for m in mentions}
    for mention in mentions:
        token = doc[mention.token]
        host = by_token.get(token.head.head.i) if token.dep_ == "pobj" else None
        if token.head.lower_ == "for" and host is not None and host.type == "VISIT":
            mention.anchor = host.token  # 'will travel to Alaska on Friday for a summit'
            continue
        said = by_token.get(token.head.head.i) if token.dep_ == "pobj" else None
        if said is not None and said.type in SAID_TYPES and token.head.lower_ in ("after", "at"):
            if mention.type in OCCASIONS:
                said.anchor = mention.token  # 'Park told reporters after the talks'
            continue
        if token.dep_ != "pobj" or token.head.lower_ != "during":
            continue
        verb = token.head.head
        inviter = _inviter(verb, mentions)
        if inviter is not None and _past_occasion(token, doc):
            # 'invited Kim to visit Moscow during a phone call last month': the parser hangs
            # the call on the visit, but it is when the invitation was made
            inviter.anchor = mention.token
            mention.status, mention.cue = inviter.status, "during"
            continue
        for verb in _during_heads(token.head):
            hosts = [h for h in mentions if h is not mention and _told_on(h, verb, doc, mention)]
            for host in hosts:
                host.anchor = mention.token
            if hosts:
                break


#: how many nouns of a verb's object the parser may hang a 'during' phrase on
DURING_CLIMB = 3


def _during_heads(prep: Token) -> list[Token]:
    """What a 'during' phrase may tell the time of: the word it hangs on, then, when that is
    a noun inside a verb's object, the words up to the verb ('will sign agreements on
    education and on fisheries during the visit': the parser hangs it on 'fisheries')."""
    heads = [prep.head]
    token = prep.head
    for _ in range(DURING_CLIMB):
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("pobj", "conj", "dobj"):
            break
        token = token.head
        while token.dep_ in ("prep", "conj") and token.pos_ == "ADP" and token.head.i != token.i:
            token = token.head  # 'on … and on fisheries': up the prepositions
        heads.append(token)
    return heads


def _told_on(host: Mention, verb: Token, doc: Doc, during: Mention) -> bool:
    """Whether ``host`` is the event told by ``verb`` in the sentence of ``during``."""
    if host.sentence != during.sentence:
        return False
    host_token = doc[host.token]
    return verb.i in (host.token, host.clause) or (
        host_token.head.i == verb.i and host_token.dep_ in ("xcomp", "ccomp")
    )


def _inviter(verb: Token, mentions: list[Mention]) -> Mention | None:
    """The invitation whose infinitive ``verb`` is ('invited Kim to visit …')."""
    if verb.dep_ != "xcomp" or verb.head.i == verb.i:
        return None
    for mention in mentions:
        if mention.type == "INVITE" and mention.token == verb.head.i:
            return mention if mention.status == "occurred" else None
    return None


#: nouns of an occasion no one visits during: the call in which an invitation was made
CALL_NOUNS = {"call", "conversation"}


def _past_occasion(noun: Token, doc: Doc) -> bool:
    """A phone call, or an occasion the text dates before the DCT ('talks in Kyiv on
    Wednesday'): what a past invitation was made at, not when the visit will be."""
    if noun.lemma_.lower() in CALL_NOUNS:
        return True
    article = doc._.article
    dct = getattr(article, "dct", None)
    if dct is None:
        return False
    start, end = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge)
    return any(
        start <= t.start < end and timing.is_dated(t) and (t.latest or "9") < dct.isoformat()
        for t in doc._.timexes or []
    )


def fold_threat_contents(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """'Trump threatened to impose tariffs on Colombia': what is threatened is no event of
    its own (docs/annotation.md); its parties are the threat's targets."""
    threats = {m.token: m for m in mentions if m.type == "THREATEN"}
    kept = []
    for mention in mentions:
        verb = doc[mention.clause]
        threat = threats.get(verb.head.i) if _infinitive_of(verb) else None
        if threat is None or threat is mention or mention.type == "THREATEN":
            kept.append(mention)
            continue
        owners = {r.id for r in threat.sources}
        threat.targets.extend(
            r for r in mention.targets if r.id not in owners and r not in threat.targets
        )
    return kept


def _infinitive_of(verb: Token) -> bool:
    """A 'to' infinitive hanging on its head ('threatened (on Sunday) to impose')."""
    if verb.dep_ == "xcomp":
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


#: verbs by which a trip lists its stops ('the trip also includes stops in Russia')
ITINERARY_VERBS = {"include", "comprise", "feature"}
#: words for a trip that lists stops, whether or not they are triggers themselves
ITINERARY_NOUNS = {"trip", "tour", "visit", "journey", "itinerary", "swing", "mission"}
#: how many sentences back the traveller of 'the trip' is looked for
TRAVELLER_SENTENCES = 2


def trip_stops(mentions: list[Mention], doc: Doc) -> None:
    """'Bush leaves Monday for Ukraine. The trip also includes stops in Russia and Croatia':
    the stops are visits of the trip's traveller, still to come while the trip is told in
    the present."""
    for position, mention in enumerate(mentions):
        token = doc[mention.token]
        if mention.type != "VISIT" or mention.sources or token.dep_ != "dobj":
            continue
        verb = token.head
        if verb.lemma_.lower() not in ITINERARY_VERBS:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ("that", "which") and verb.dep_ == "relcl":
            subject = verb.head  # 'a four-nation trip that also includes stops in …'
        if subject is None:
            continue
        trip = next((m for m in mentions if m.token == subject.i), None)
        if trip is None and subject.lemma_.lower() not in ITINERARY_NOUNS:
            continue
        if trip is not None and trip.type != "VISIT":
            continue
        first = doc[doc[mention.token].sent.start]
        for _ in range(TRAVELLER_SENTENCES):
            if first.i > 0:
                first = doc[first.i - 1].sent[0]
        earlier = [
            m for m in mentions[:position] if m.type == "VISIT" and m.sources and m.token >= first.i
        ]
        traveller = (trip.sources if trip else []) or (earlier[-1].sources if earlier else [])
        if not traveller:
            continue
        mention.sources = list(traveller)
        if mention.status == "ongoing":
            mention.status, mention.cue = "planned", "stop of the trip"


#: talks a journey is made for ('leaves for Rome on Tuesday for talks with …')
JOURNEY_TALKS = {"MEET", "DISCUSS"}


def talks_at_the_destination(mentions: list[Mention], doc: Doc) -> None:
    """'Lindqvist leaves for Rome on Tuesday for talks with Bellini': talks a journey to one
    place is made for are held there, not at the dateline or the traveller's home, however
    the trip's other mentions merge or place it."""
    trips = {m.token: m for m in mentions if m.type == "VISIT" and m.location is not None}
    for mention in mentions:
        if mention.type not in JOURNEY_TALKS or mention.location is not None:
            continue
        token = doc[mention.token]
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ != "for" or prep.dep_ != "prep":
            continue
        trip = trips.get(prep.head.i)
        if trip is None or len({r.country or r.id for r in trip.targets}) > 1:
            continue  # 'will travel to Jerusalem, Ramallah and Hanoi for talks': which stop?
        mention.location = trip.location


def talks_where_due(mentions: list[Mention], doc: Doc, index: MentionIndex) -> None:
    """'Batbayar is due in Tokyo in October for talks', '… is due in Bamako on Thursday to
    meet the President': the talks a traveller is due somewhere for are held there."""
    for mention in mentions:
        if mention.type not in JOURNEY_TALKS or mention.location is not None:
            continue
        token = doc[mention.token]
        copula = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "for" else None
        if copula is None or not timing.trip_host(copula):
            copula = token.head if timing.due_for(mention, doc) is not None else None
        if copula is None or copula.lemma_.lower() != "be":
            continue
        due = next((c for c in copula.children if c.dep_ == "acomp" and c.lower_ == "due"), None)
        if due is not None:
            mention.location = place_of(due, index)


def share_places(mentions: list[Mention], doc: Doc) -> None:
    """'visited Russia twice, but both times met Putin in the Far East': the visit's place."""
    by_token = {m.token: m for m in mentions}
    for mention in mentions:
        token = doc[mention.token]
        other = by_token.get(token.head.i) if token.dep_ == "conj" else None
        for left, right in ((mention, other), (other, mention)):
            if left is None or right is None or left.type != "VISIT":
                continue
            here, there = left.location, right.location
            if here is None or here.kind != "country" or there is None or there.kind == "country":
                continue
            if there.country == here.country and set(left.participants()) & set(
                right.participants()
            ):
                left.location = there


def _clause_date(mention: Mention, doc: Doc) -> bool:
    """An undated clause takes a date its clause hangs on: a 'when' clause on the date
    itself ('on Wednesday, when the US Treasury imposed sanctions', 'since 2002, when
    Fischer cancelled a visit'), or a 'by' gerund on its verb's date ('on Thursday Beijing
    retaliated by imposing sanctions'): the same occasion."""
    clause, anchor = doc[mention.clause], _when_head(doc, mention)
    if anchor is not None:  # the date the clause describes ('_when_time' when an event owns it)
        found = [t for t in doc._.timexes or [] if t.start <= anchor.idx < t.end]
    elif clause.dep_ == "pcomp" and clause.head.lower_ == "by" and clause.head.head.pos_ == "VERB":
        verb = clause.head.head
        found = [t for t in doc._.timexes or [] if _hangs_on(doc, t, verb)]
    else:
        return False
    dated = [t for t in found if timing.is_dated(t)]
    if len(dated) != 1:
        return False
    mention.timexes, mention.time, mention.dated = dated, timing.point(dated[0]), True
    return True


def _where_clause_date(mention: Mention, doc: Doc) -> bool:
    """A 'where' clause on a place whose verb no event owns takes the days that verb is
    dated by ('will begin in Hanoi on September 7 and 8, where he will hold talks')."""
    clause = doc[mention.clause]
    if clause.dep_ != "relcl" or not any(c.lower_ == "where" for c in clause.children):
        return False
    if mention.status == "negated" or clause.head.head.dep_ != "prep":
        return False
    verb = clause.head.head.head
    timexes = sorted(doc._.timexes or [], key=lambda t: t.start)
    found = [t for t in timexes if _hangs_on(doc, t, verb) and timing.is_dated(t)]
    if len(found) == 1:  # 'on September 7 and 8': the second day hangs on the first
        found += [
            t
            for t in timexes
            if t.start > found[0].end
            and timing.RANGE_LINK.fullmatch(doc.text, found[0].end, t.start)
        ]
    if not 1 <= len(found) <= 2:
        return False
    options = [timing.Attachment(t, 0, None, verb.i) for t in found]
    if len(found) == 2 and timing.range_in_text(options, doc.text) is None:
        return False  # two days that are no span ('on May 2 and May 4')
    mention.time, mention.dated = timing.time_from(options, 0, doc.text)
    mention.timexes = found
    return True


def _hangs_on(doc: Doc, timex: Timex, verb: Token) -> bool:
    """Whether the timex's phrase is a modifier of ``verb`` ('on Thursday … retaliated')."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head.head if root.head.dep_ == "prep" else root.head
    return head.i == verb.i and root.dep_ in ("pobj", "npadvmod", "nmod")


#: prepositions of a statement that tell it was made right after a dated act
RIGHT_AFTER = {"after", "following"}
#: … or at the occasion they name ('told reporters at the signing', 'during the debate')
AT_OCCASION = {"at", "during"}
#: adverbs that put a statement right after the act told before it ('told reporters afterwards')
AFTERWARDS = {"afterwards", "afterward"}
SPEECH_ACTS = {"STATEMENT", "ACCUSE", "THREATEN", "REJECT"}


def _said_after(mention: Mention, mentions: list[Mention], doc: Doc) -> bool:
    """A statement made 'after' a dated act of the same speaker ('Powell said after
    flying over Banda Aceh Wednesday', 'said after meeting Lee on Monday') was made
    that day; so is one made after or at an occasion told before ('Park told reporters
    after the talks', 'told the same news conference', 'Ndour told reporters
    afterwards')."""
    if mention.type not in SPEECH_ACTS or not mention.sources:
        return False
    verb = doc[mention.token]
    speakers = {r.id for r in mention.sources}
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in RIGHT_AFTER | AT_OCCASION:
            continue
        inside = {t.i for t in prep.subtree}
        for other in mentions:
            if other is mention or other.token not in inside:
                continue
            if other.dated:
                after_own = prep.lower_ in RIGHT_AFTER and speakers & {r.id for r in other.sources}
                if _to_the_day(other) and after_own:
                    _take_time(mention, other)
                    return True
                continue
            occasion = _occasion_before(other, mentions)
            if occasion is not None:
                _take_time(mention, occasion)
                return True
    if any(c.dep_ == "advmod" and c.lower_ in AFTERWARDS for c in verb.children):
        before = [m for m in mentions if m.token < mention.token and m.type not in SPEECH_ACTS]
        if before and _to_the_day(before[-1]):
            _take_time(mention, before[-1])
            return True
    return False


def _to_the_day(mention: Mention) -> bool:
    return mention.dated and mention.time.granularity == "day"


def _occasion_before(mention: Mention, mentions: list[Mention]) -> Mention | None:
    """The dated event the undated nominal ``mention`` ('the talks', 'the signing') refers
    back to: the latest one of its type told before it that the text dates, if dated to
    the day ('signed an accord on Friday. Rice and Mukherjee signed it in Washington. … at
    the signing ceremony': Friday's)."""
    earlier = [
        m for m in mentions if m.token < mention.token and m.type == mention.type and m.dated
    ]
    if not earlier:
        return None
    return earlier[-1] if _to_the_day(earlier[-1]) else None


#: how many sentences before a statement its occasion may be told
OCCASION_SENTENCES = 3


def said_on_the_occasion(mentions: list[Mention], doc: Doc, blocks: list[tuple[int, int]]) -> None:
    """'Yesterday afternoon, Gao Peng had a phone call with Wanjiru. … Wanjiru said Kenya
    would send a delegation': an undated statement told in the past, in the paragraph of a
    meeting or visit dated to the day that its speaker took part in, told in the sentences
    just before it, was made on that occasion and takes its day."""
    occasions = [
        m
        for m in mentions
        if m.type in OCCASIONS | {"VISIT"}
        and m.status in ("occurred", "ongoing")
        and m.dated
        and timing.one_day(m.time)
    ]
    if not occasions:
        return
    starts = [sent.start_char for sent in doc.sents]
    for mention in mentions:
        if mention.type not in SPEECH_ACTS or mention.timexes or mention.dated:
            continue
        if mention.status != "occurred" or not (mention.cue or "").startswith("past"):
            continue
        speakers = {r.id for r in mention.sources}
        block = block_of(mention.sentence[0], blocks)
        if not speakers or block == NO_BLOCK:
            continue
        here = bisect.bisect_right(starts, mention.sentence[0]) - 1
        earliest = starts[max(0, here - OCCASION_SENTENCES)]
        before = [
            m for m in occasions if max(block[0], earliest) <= m.sentence[0] < mention.sentence[0]
        ]  # an earlier sentence: 'spoke on Monday …, Lee's office said' only reports it
        quoted = doc.text[mention.sentence[0] : mention.sentence[0] + 1] in QUOTE_OPENERS
        if not before and quoted and not _dated_in(mentions, block, mention):
            # a quote opening its sentence after the talks ('"…," Asano told a joint news
            # conference'): said at the speaker's occasion told in the sentences just before
            before = [
                m
                for m in occasions
                if earliest <= m.sentence[0] < block[0]
                and speakers & {r.id for r in (*m.sources, *m.targets)}
            ]
        if not before:
            continue
        occasion = max(before, key=lambda m: m.token)
        if speakers & {r.id for r in (*occasion.sources, *occasion.targets)}:
            _take_time(mention, occasion)
            mention.location = mention.location or occasion.location  # said there


#: what opens a sentence that is a quote ('"We have turned a page," Vega told …')
QUOTE_OPENERS = {'"', "“", "'", "‘"}


def _dated_in(mentions: list[Mention], block: tuple[int, int], mention: Mention) -> bool:
    """Whether an event told before ``mention`` in its paragraph has a date of its own."""
    return any(
        m.dated and block[0] <= m.sentence[0] <= mention.sentence[0] and m is not mention
        for m in mentions
    )


def parts_of_a_plural_occasion(mentions: list[Mention], doc: Doc) -> None:
    """'held four telephone calls today … The Minister spoke with Indonesia's Foreign
    Minister': an undated meeting of someone who held several meetings on a day told
    before it is one of them, held that day."""
    plural = [
        m
        for m in mentions
        if m.type == "MEET" and m.status == "occurred" and _to_the_day(m) and _counted(doc[m.token])
    ]
    for mention in mentions:
        if mention.type != "MEET" or mention.dated or mention.timexes:
            continue
        if mention.status != "occurred" or not mention.sources:
            continue
        people = {r.id for r in mention.sources}
        before = [m for m in plural if m.token < mention.token and people & m.participants()]
        if before:
            _take_time(mention, before[-1])


def _counted(noun: Token) -> bool:
    """'four telephone calls', 'several meetings': a number of meetings, not 'talks'."""
    return noun.tag_ == "NNS" and any(
        c.dep_ == "nummod" or c.lower_ in ("several", "a series of") for c in noun.children
    )


#: acts that close the talks held right before them ('signed an agreement on Thursday,
#: after talks between the two prime ministers')
SIGNED = {"AGREE"}


def _counted_out(talks: Mention, doc: Doc) -> bool:
    """'after months of talks', 'after three rounds of talks': talks of many days."""
    token = doc[talks.token]
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i != token.i


def talks_said_right_after(mentions: list[Mention], doc: Doc) -> None:
    """'Gromov said on Wednesday following talks with Ganzorig': undated talks that a
    statement dated to the day came right after were held that day, and are the
    speaker's."""
    for mention in mentions:
        if mention.type not in SPEECH_ACTS | SIGNED or not _to_the_day(mention):
            continue
        speakers = {r.id for r in mention.sources}
        for prep in doc[mention.token].children:
            if prep.dep_ != "prep" or prep.lower_ not in RIGHT_AFTER:
                continue
            if any(c.dep_ == "npadvmod" for c in prep.children):
                continue  # 'two days after a tense phone call': not the same day
            inside = {t.i for t in prep.subtree}
            for other in mentions:
                if other.token not in inside or other.dated or other.type not in OCCASIONS:
                    continue
                if mention.type in SIGNED and (other.type != "MEET" or _counted_out(other, doc)):
                    continue  # 'signed on Thursday after months of talks': not that day
                _take_time(other, mention)
                if mention.type in SIGNED:
                    continue  # 'signed … after talks between the two prime ministers'
                if not speakers & {r.id for r in (*other.sources, *other.targets)}:
                    # 'following talks with Ganzorig': the speaker's own talks
                    other.sources = [*mention.sources, *other.sources]


#: how far 'two days after' or 'a week before' an act its host is: days per unit
_DAY_UNITS = {"day": 1, "week": 7}


def days_from_the_host(mentions: list[Mention], doc: Doc) -> None:
    """'said on Thursday, two days after a tense phone call', 'spoke to us on Wednesday, two
    days after a ship fired water cannon': an undated act told a number of days before (or
    after) a verb dated to the day is that many days away from it."""
    by_token = {m.token: m for m in mentions}
    for verb, day in _days_of_verbs(mentions, doc):
        for link in verb.children:
            offset = _days_offset(link)
            if offset is None:
                continue
            for token in link.subtree:
                other = by_token.get(token.i)
                if other is None or other.dated or other.timexes or other.token == verb.i:
                    continue
                try:
                    moved = day + offset
                except OverflowError:
                    break
                other.time, other.dated = timing.day_span(moved, moved), True
                break


def _days_of_verbs(mentions: list[Mention], doc: Doc) -> list[tuple[Token, date]]:
    """Verbs dated to the day: those of events, and those a day hangs on ('spoke on Monday')."""
    found = []
    for mention in mentions:
        day = iso_day(mention.time.earliest) if _to_the_day(mention) else None
        if day is not None:
            found.append((doc[mention.token], day))
    for timex in doc._.timexes or []:
        root = timing.timex_root(doc, timex)
        if root is None or timex.granularity != "day" or timex.earliest != timex.latest:
            continue
        verb = root.head.head if root.dep_ == "pobj" else root.head
        day = iso_day(timex.earliest)
        if day is not None and verb.pos_ in ("VERB", "AUX") and root.dep_ in ("pobj", "npadvmod"):
            found.append((verb, day))
    return found


def _days_offset(link: Token) -> timedelta | None:
    """The signed distance a 'two days after' / 'a week before' phrase or clause puts its
    act from its host's day (after: earlier, before: later)."""
    places = [link]
    if link.dep_ == "advcl":  # 'two days after a ship fired …': the clause's 'after'
        places += [c for c in link.children if c.dep_ == "mark"]
    word = places[-1].lower_ if places[-1].dep_ in ("prep", "mark") else None
    if word not in ("after", "before"):
        return None
    for unit in (c for place in places for c in place.children if c.dep_ == "npadvmod"):
        per = _DAY_UNITS.get(unit.lemma_.lower())
        numbers = [c for c in unit.children if c.dep_ in ("nummod", "det")]
        if per is None or not numbers:
            continue
        word_count = numbers[0].lower_
        count = 1 if word_count in ("a", "one") else timing.NUMBER_WORDS.get(word_count)
        if count is None and word_count.isdigit():
            count = int(word_count)
        if count:
            days = timedelta(days=count * per)
            return -days if word == "after" else days
    return None


def rounds_of_the_talks(mentions: list[Mention], doc: Doc) -> None:
    """'Bolivian and Chilean negotiators ended a first round of talks … The second round
    will be held in La Paz': a numbered round that names no parties is one between the
    parties of the talks told before it."""
    for mention in mentions:
        if mention.trigger.lemma != "round" or mention.participants():
            continue
        earlier = [
            m
            for m in mentions
            if m.type == "MEET"
            and m.token < mention.token
            and m.participants()
            and (doc[m.token].lemma_.lower() in TALK_WORDS or m.trigger.lemma == "round")
        ]
        if earlier:
            talks = max(earlier, key=lambda m: m.token)
            mention.sources = list(talks.sources)
            mention.targets = list(talks.targets)


#: 'his second trip to Singapore': how many trips came before the one told
ORDINAL_TRIPS = {"second": 1, "third": 2, "fourth": 3, "fifth": 4}
#: 'the next round of the dialogue', 'the third meeting of the commission': how many
#: meetings of the series came before the one told
ORDINAL_MEETINGS = {**ORDINAL_TRIPS, "next": 1}
#: nouns of a meeting that is one of a series
SERIES_MEETINGS = {"round", "meeting", "session", "summit"}
#: words that tell the earlier trip itself ('after a visit to Kenya', 'he first went there')
TRIP_WORDS = {"visit", "trip", "go", "travel", "fly", "tour", "journey"}
#: words that tell the earlier meeting itself ('after the first round in May')
MEETING_WORDS = SERIES_MEETINGS | {"meet", "talk"}


def earlier_trips(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """'This will be the president's second trip to Singapore and Indonesia': a trip told
    as the second (third …) of a traveller to a place presupposes one earlier, undated
    trip there, which happened; it is a row of its own, never the trip told. So does 'the
    next round of the Maritime Dialogue' (one earlier round, of the same parties, at a
    place the text does not tell) when the article tells no other meeting of its parties."""
    out = list(mentions)
    for mention in mentions:
        noun = doc[mention.token]
        if not mention.participants() or pos_class(noun) != "noun":
            continue
        if mention.type == "VISIT" and mention.sources and (mention.targets or mention.location):
            count = _ordinal(noun, ORDINAL_TRIPS)
            words, place = TRIP_WORDS, mention.location
        elif mention.type == "MEET" and noun.lemma_.lower() in SERIES_MEETINGS:
            if _series_told(mention, mentions):
                continue  # 'the second round will be held in La Paz' after the first one told
            count = _ordinal(noun, ORDINAL_MEETINGS)
            words, place = MEETING_WORDS, None
        else:
            continue
        if not count:
            continue
        sentence = doc.char_span(*mention.sentence, alignment_mode="expand")
        if sentence is not None and any(
            t.i != noun.i and t.lemma_.lower() in words and _told_earlier(t) for t in sentence
        ):
            continue  # 'her second trip to Africa, after a visit to Kenya', 'he first went there'
        # one earlier occasion, however many the ordinal tells
        out.append(_earlier_occasion(mention, None, place))
    return out


def _earlier_occasion(mention: Mention, timex: Timex | None, place: Place | None) -> Mention:
    """The earlier occasion a mention presupposes: it happened, at ``timex`` when the text
    dates it, at ``place``; a row of its own, never merged with the one told."""
    return replace(
        mention,
        status="occurred",
        cue=PRESUPPOSED_TRIP,
        timexes=[timex] if timex is not None else [],
        time=timing.point(timex) if timex is not None else EventTime(None, None, None, None),
        dated=timex is not None,
        candidates=[],
        repeated=True,
        other=True,
        rescheduled=False,
        past_plan=False,
        location=place,
        loose_place=None,  # where the earlier one was is not told: no place of last resort
    )


def _series_told(mention: Mention, mentions: list[Mention]) -> bool:
    """Another meeting of the same parties is told in the article: the earlier meeting of
    the series may be that one."""
    parties = mention.participants()
    return any(
        other is not mention and other.type == "MEET" and parties & other.participants()
        for other in mentions
    )


def first_since(mentions: list[Mention], doc: Doc, timexes: list[Timex]) -> list[Mention]:
    """'met in Geneva on May 9 for the first time since 2014', 'her first visit to Kenya
    since 2019': the same meeting or visit happened at that date, a row of its own (a
    meeting's place is not told; a visit's is the same). 'The first visit by a Polish head
    of state since 2019': the earlier visit is the country's, by a holder the text does
    not name, not the traveller told. A bare 'first' standing for the occasion ('the first by
    a Polish head of state since 2019') is `first_of_its_kind`'s."""
    out = list(mentions)
    for mention in mentions:
        if mention.type not in ("MEET", "VISIT") or not mention.participants():
            continue
        found = _first_since_date(doc[mention.token], doc[mention.clause], timexes)
        holder = found is None
        found = found or _first_holder_to_travel(doc[mention.token], timexes)
        if found is None:
            continue
        first, since = found
        place = mention.location if mention.type == "VISIT" else None
        earlier = _by_one_of_a_kind(_earlier_occasion(mention, since, place), first, holder)
        if not holder or earlier.sources != mention.sources:
            out.append(earlier)  # 'the first woman to visit …' names no country's office
    return out


def _first_since_date(
    token: Token, clause: Token, timexes: list[Timex]
) -> tuple[Token, Timex] | None:
    """The 'first' and the date of 'for the first time since 2014' on the clause, or of
    'first … since 2014' on the noun."""
    firsts = (
        [token] if any(c.lower_ == "first" and c.dep_ == "amod" for c in token.children) else []
    )
    for head in {token.i: token, clause.i: clause}.values():
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                firsts += [
                    t
                    for t in prep.children
                    if t.lemma_.lower() == "time" and any(a.lower_ == "first" for a in t.children)
                ]
    for first in firsts:
        found = _since_date(first, timexes)
        if found is not None:
            return first, found
    return None


def _first_holder_to_travel(verb: Token, timexes: list[Timex]) -> tuple[Token, Timex] | None:
    """'the first Japanese foreign minister to visit Ecuador since 2016': the office noun
    the trip's verb qualifies, and the date of its 'since' phrase."""
    holder = verb.head
    if verb.pos_ != "VERB" or verb.dep_ not in ("relcl", "acl") or holder.pos_ != "NOUN":
        return None
    if not any(c.lower_ == "first" and c.dep_ == "amod" for c in holder.children):
        return None
    found = _since_date(verb, timexes)
    return (holder, found) if found is not None else None


def _since_date(first: Token, timexes: list[Timex]) -> Timex | None:
    """The dated timex of a 'since' phrase on ``first`` or on its head."""
    for prep in [*first.children, *first.head.children]:
        found = _dated_since(prep, timexes)
        if found is not None:
            return found
    return None


def _dated_since(prep: Token, timexes: list[Timex]) -> Timex | None:
    """The dated timex a 'since' preposition governs ('since 2016'), else None."""
    if prep.dep_ != "prep" or prep.lower_ != "since":
        return None
    for pobj in prep.children:
        found = next(
            (t for t in timexes if t.start <= pobj.idx < t.end and timing.is_dated(t)), None
        )
        if found is not None:
            return found
    return None


#: determiners of an office holder the text names only as one of a kind ('by a Kenyan
#: president', 'by any US president')
ONE_OF_A_KIND = {"a", "an", "any"}
#: the determiners of 'the first by a Chilean head of state' (`first_of_its_kind`)
INDEFINITE = {"a", "an"}


def _holders_country(first: Token, holder: bool = False) -> str | None:
    """The country of the holder in 'by a Polish head of state', 'by an Australian foreign
    minister', 'by a head of state from Brazil' on ``first`` (the noun it qualifies or the
    bare 'first'), or of ``first`` itself when it is the ``holder`` ('the first Zambian
    leader to visit'): one holder of that country's office, whom the text does not name."""
    if holder:
        # 'the first Zambian leader to visit Lilongwe since 2014'
        mods = [c for c in first.children if c.dep_ in ("amod", "compound")]
        return next((code for c in mods if (code := country_code(c.text)) is not None), None)
    for agent in _indefinite_agents(first, ONE_OF_A_KIND):
        for word in agent.subtree:
            fits = word.dep_ in ("amod", "compound") or (
                word.dep_ == "pobj" and word.head.lower_ == "from"
            )
            code = country_code(word.text) if fits else None
            if code is not None:
                return code
    return None


def _indefinite_agents(first: Token, determiners: set[str]) -> Iterator[Token]:
    """The agents of 'by a …' on ``first`` whose determiner is one of ``determiners``: a
    holder of an office the text does not name ('the first by a Chilean head of state')."""
    for prep in first.children:
        if prep.dep_ != "prep" or prep.lower_ != "by":
            continue
        for agent in prep.children:
            if agent.dep_ == "pobj" and any(
                c.dep_ == "det" and c.lower_ in determiners for c in agent.children
            ):
                yield agent


def _by_one_of_a_kind(earlier: Mention, first: Token, holder: bool = False) -> Mention:
    """The earlier occasion with the country of an unnamed holder of the office as its
    traveller, when the text says the earlier one was by such a holder."""
    code = _holders_country(first, holder)
    if code is None:
        return earlier
    country = Ref(code, "country", code, first.idx)
    return replace(earlier, sources=[country], targets=[r for r in earlier.targets if r.id != code])


#: 'the first by a Kazakh head of state in more than a decade': spans that tell an earlier
#: occasion without dating it
UNDATED_SPANS = {"decade", "decades", "year", "years"}
#: the occasion an ordinal standing alone stands for, by the noun it hangs on when that
#: noun is no mention of its own ('The Kenyan State Visit, the first by …')
ORDINAL_OCCASIONS = {**{w: "VISIT" for w in TRIP_WORDS}, **{w: "MEET" for w in SERIES_MEETINGS}}


def first_of_its_kind(
    mentions: list[Mention], doc: Doc, timexes: list[Timex], index: MentionIndex
) -> list[Mention]:
    """'The visit is the first by a Kazakh head of state since 2016', 'arrived in Ankara on
    Monday, his first to Turkey since 2022': an ordinal standing for the visit or meeting
    told presupposes an earlier one, dated by its 'since' (undated by 'in more than a
    decade'); a row of its own. 'by a …' names another holder of the office: the earlier
    one is that country's; a place of the ordinal's own ('to Turkey') is where it was, else
    the country of the told visit's place."""
    out = list(mentions)
    told = [m for m in mentions if m.type in ("MEET", "VISIT") and m.cue != PRESUPPOSED_TRIP]
    for first in doc:
        if not _ordinal_standing_alone(first):
            continue
        when = _since_of_the_ordinal(first, timexes)
        if when is None:
            continue
        template = _occasion_of_the_ordinal(first, told, doc)
        if template is None:
            continue
        by = _by_another(first)
        sources = _visitor_of_the_ordinal(first, by, index)
        if sources is None:
            sources = template.sources
        elif not sources:  # 'the first by a …': the told visitor's country, when known
            country = next((r.country for r in template.sources if r.country), None)
            sources = [Ref(country, "country", country, first.idx)] if country else []
        if not sources:
            continue
        place = _place_of_the_ordinal(first, template, index)
        earlier = _earlier_occasion(template, when if isinstance(when, Timex) else None, place)
        earlier.sources = sources
        sentence = first.sent
        if earlier.sentence != (sentence.start_char, sentence.end_char):
            # told by the ordinal's sentence, not the told visit's
            anchor = first.head if first.dep_ != "attr" else first
            earlier.token = earlier.clause = anchor.i
            earlier.sentence = (sentence.start_char, sentence.end_char)
        out.append(earlier)
    return out


def _ordinal_standing_alone(first: Token) -> bool:
    """'the first by …', 'his first to Turkey': the ordinal is the head of its phrase (a
    determiner or possessor of its own), not a modifier ('the first round', 'for the first
    time')."""
    return (
        first.lower_ == "first"
        and first.dep_ not in ("amod", "compound")
        and any(c.dep_ in ("det", "poss") for c in first.children)
    )


def _since_of_the_ordinal(first: Token, timexes: list[Timex]) -> Timex | bool | None:
    """The dated timex of the ordinal's 'since' (on it or on its copula); True for 'in more
    than a decade' (an earlier occasion, undated); None when it tells neither."""
    heads = [first, first.head] if first.dep_ == "attr" else [first]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep":
                continue
            found = _dated_since(prep, timexes)
            if found is not None:
                return found
            if prep.lower_ == "in" and any(
                t.lower_ in UNDATED_SPANS for t in prep.subtree if t.i != prep.i
            ):
                return True
    return None


def _occasion_of_the_ordinal(first: Token, told: list[Mention], doc: Doc) -> Mention | None:
    """The visit or meeting the ordinal stands for, with its participants: the subject of
    its copula ('The visit is the first …'), else the one told by the word it hangs on
    ('arrived in Ankara on Monday, his first …', 'began a visit …, the first …'); when
    that names nobody, or is a visit or meeting noun no mention holds, the latest of its
    type told before with a place."""
    if first.dep_ == "attr":
        heads = [c for c in first.head.children if c.dep_ == "nsubj"]
    else:
        heads = []
        for head in first.ancestors:
            heads.append(head)
            if head.pos_ in ("VERB", "AUX"):
                break
    for head in heads:
        found = [m for m in told if head.i in (m.token, m.clause)]
        if found:
            mention = min(found, key=lambda m: (m.type != "VISIT", m.token))
            if mention.sources and (mention.location or mention.type == "MEET"):
                return mention
            return _told_before(mention.type, mention.token, told) or mention
        kind = ORDINAL_OCCASIONS.get(head.lemma_.lower())
        if kind is not None and head.pos_ in ("NOUN", "PROPN"):
            return _told_before(kind, head.i, told)
    # 'will pay a state visit to Japan …, the palace said, the first by a Chilean head of
    # state since 2016': the ordinal hangs on the saying verb; the visit told last before it
    # in its sentence
    sentence = first.sent
    inside = [
        m for m in told
        if m.type == "VISIT" and sentence.start <= m.token < first.i and m.sources
    ]  # fmt: skip
    return max(inside, key=lambda m: m.token, default=None)


def _told_before(kind: str, before: int, told: list[Mention]) -> Mention | None:
    """The latest visit or meeting of ``kind`` told before token ``before`` with its
    participants (and, a visit, its place): what 'The visit is the first …' refers to."""
    earlier = [
        m
        for m in told
        if m.type == kind
        and m.token < before
        and m.sources
        and (m.location or kind == "MEET")
        and not m.repeated
    ]
    return max(earlier, key=lambda m: m.token) if earlier else None


def _visitor_of_the_ordinal(
    first: Token, by: Token | None, index: MentionIndex
) -> list[Ref] | None:
    """Who made the earlier occasion when the ordinal's phrase says: the country of 'the
    first by a Kazakh head of state' (another holder of the office), the one named in
    'King Zayd's first'; None when it does not ('his first' is the told visitor)."""
    if by is not None:
        country = _country_of(by)
        return [Ref(country, "country", country, by.idx)] if country is not None else []
    for poss in first.children:
        if poss.dep_ == "poss":
            ref = index.ref(poss)
            if ref is not None:
                return [ref]
    return None


def _by_another(first: Token) -> Token | None:
    """The holder of 'the first by a Chilean head of state' (an indefinite agent)."""
    return next(_indefinite_agents(first, INDEFINITE), None)


def _country_of(holder: Token) -> str | None:
    """The country an office holder's phrase names: 'a New Zealand head of government', 'a
    Kazakh head of state', 'a head of state from Brazil'."""
    for word in holder.lefts:
        if word.dep_ in ("amod", "compound"):
            code = country_code(" ".join(t.text for t in word.subtree))
            if code is not None:
                return code
    for token in holder.subtree:
        if token.i != holder.i and token.pos_ in ("PROPN", "ADJ"):
            code = country_code(token.text)
            if code is not None:
                return code
    return None


def _place_of_the_ordinal(first: Token, template: Mention, index: MentionIndex) -> Place | None:
    """Where the earlier occasion was: the ordinal's own 'to Spain', else (a visit) the
    country of the told visit's place; a meeting's is not told."""
    for prep in first.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for pobj in prep.children:
                place = index.place(pobj)
                if place is not None:
                    return place
    if template.type != "VISIT":
        return None
    told = template.location
    if told is None or told.kind == "country" or not told.country:
        return told
    named = next(
        (
            p
            for p in index.token_place.values()
            if p.kind == "country" and p.country == told.country
        ),
        None,
    )
    info = load_countries().get(told.country)
    if named is None and info is not None:
        named = Place(name=info.name, country=told.country, kind="country")
    return named or told


def _ordinal(noun: Token, ordinals: dict[str, int]) -> int:
    """How many occasions before this one its ordinal tells ('second' → 1), else 0."""
    return next(
        (ordinals[c.lower_] for c in noun.children if c.dep_ == "amod" and c.lower_ in ordinals), 0
    )


#: what marks a trip as the earlier one: 'after a visit', 'his last visit', 'first went'
EARLIER_MARKS = {"after", "since", "following", "previous", "last", "earlier", "prior", "first"}


def _told_earlier(trip: Token) -> bool:
    """The trip word tells an earlier trip ('after a visit to Kenya', 'his previous visit',
    'he first went there'), not the next one ('and his first visit to Vietnam')."""
    if trip.dep_ == "pobj" and trip.head.lower_ in EARLIER_MARKS:
        return True
    marks = {c.lower_ for c in trip.children if c.dep_ in ("amod", "advmod")}
    return bool(marks & EARLIER_MARKS) and (trip.pos_ == "VERB" or "first" not in marks)


#: verbs of sending envoys whose destination may be the meeting itself ('send a delegation
#: to the talks')
SENDING_VERBS = {"send", "dispatch"}


def trip_for_the_meeting(mentions: list[Mention], doc: Doc) -> None:
    """'Slovakia will host the summit on November 19-20 … Nehammer will travel to Kosice
    for the summit': an undated trip made for a definite meeting is dated by the latest
    dated mention of that meeting told before it (the attendee is there for its days)."""
    for mention in mentions:
        if mention.type != "VISIT" or mention.dated or mention.timexes:
            continue
        verb = doc[mention.token]
        where = _due_where(verb, mentions)
        if where is not None:
            # 'cancelled a trip to Brussels, where he had been due to attend a meeting on
            # Wednesday': the trip is for the act told at its destination, at its time
            mention.time, mention.dated = where.time, True
            continue
        noun = _meeting_travelled_for(verb)
        if noun is None and verb.lemma_.lower() in SENDING_VERBS:
            noun = _meeting_sent_to(verb)
        if noun is None:
            continue
        told = [
            m
            for m in mentions
            if m.type == "MEET"
            and m.dated
            and m.token < noun.i
            and m.token != noun.i
            and doc[m.token].lemma_.lower() == noun.lemma_.lower()
        ]
        if told:
            meeting = max(told, key=lambda m: m.token)
            mention.time, mention.dated = meeting.time, True


def _due_where(trip: Token, mentions: list[Mention]) -> Mention | None:
    """The dated act of a clause of 'where' on the trip's destination that tells a plan
    ('a trip to Brussels, where he had been due to attend a meeting on Wednesday'), or None."""
    for prep in trip.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in place.children:
                if clause.dep_ != "relcl" or not any(
                    c.lower_ == "where" for c in clause.children if c.dep_ == "advmod"
                ):
                    continue
                if not timing.PLAN_WORDS.search(" ".join(t.lower_ for t in clause.subtree)):
                    continue
                inside = {t.i for t in clause.subtree}
                acts = [m for m in mentions if m.token in inside and m.dated and m.timexes]
                if len(acts) == 1:
                    return acts[0]
    return None


def _meeting_travelled_for(verb: Token) -> Token | None:
    """The definite meeting noun of 'travel … for the summit', or None (the parser may hang
    'for the summit' on the destination: 'travel to Lusaka for the summit')."""
    places = [o for p in verb.children if p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    return _definite_object(verb, *places, prep="for")


def _meeting_sent_to(verb: Token) -> Token | None:
    """The definite noun of 'send a delegation (led by …) to the talks', or None: where the
    envoys are sent, which dates the trip only when a dated meeting of that noun was told."""
    hosts = [
        verb,
        *(c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "acl"),
    ]
    return _definite_object(*hosts, prep="to")


def _definite_object(*hosts: Token, prep: str) -> Token | None:
    """The first 'the' noun governed by the preposition ``prep`` on one of ``hosts``."""
    for head in [c for t in hosts for c in t.children]:
        if head.dep_ != "prep" or head.lower_ != prep:
            continue
        for noun in head.children:
            if noun.dep_ == "pobj" and is_definite(noun, THE):
                return noun
    return None
