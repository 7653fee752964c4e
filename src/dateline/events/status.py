"""Factuality: did the event happen, is it planned, possible, ongoing, or negated?

Each decision returns the status and the cue that decided it (a word of the
text, or a rule name such as ``past tense``), so users can see why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from itertools import pairwise
from typing import Any, Literal

from spacy.tokens import Doc, Span, Token

from dateline.events.arguments import (
    JOURNEY_VERBS,
    argument_of,
    at_the_invitation,
    children,
    governor_key,
    is_infinitive,
)
from dateline.events.mention import Mention
from dateline.events.tree import DEFINITE_PLURAL, is_definite
from dateline.events.triggers import expected_in
from dateline.model import Event, EventTime, Timex, iso_day

Decision = tuple[str, str]
PRESUPPOSING_NOUNS = {"anniversary", "aftermath", "wake", "result", "consequence"}
EMBEDDING_DEPS = ("xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "pcomp")


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


AGREEMENT_NOUNS = {
    "deal",
    "agreement",
    "treaty",
    "pact",
    "accord",
    "truce",
    "ceasefire",
    "memorandum",
}


def clause_path(noun: Token) -> tuple[Token | None, list[Token]]:
    """Climb from a nominal trigger to the verb whose clause holds it; also the tokens passed."""
    path: list[Token] = []
    token = noun
    while token.head.i != token.i:
        token = token.head
        if is_verb(token) and token.dep_ != "prep":
            return token, path
        path.append(token)
    return None, path


def told_of(noun: Token, cues: dict[str, Any]) -> bool:
    """'The President's visit to Lima celebrates the ties …', 'the summit comes as …': a
    definite or possessed event noun, subject of a present-tense verb that tells what the
    event means rather than that it happens (cues.json telling_verbs), refers to the event
    told before; its tense says nothing of that event's status."""
    head = noun.head
    # 'the visit marks twenty years': the parser may read a present verb as a plural noun
    misread = head.dep_ == "ROOT" and head.tag_ == "NNS"
    if noun.dep_ != "nsubj" or not (head.tag_ in ("VBZ", "VBP") or misread):
        return False
    if noun.head.lemma_.lower() not in cues["telling_verbs"]:
        return False
    return is_definite(noun, possessive=True)


#: prepositions whose object, hung on a clause's verb, is where the clause's act was done
SETTING_PREPS = {"at", "in"}


def noun_status(noun: Token, cues: dict[str, Any]) -> tuple[Decision | None, Token | None]:
    """Status of a nominal trigger, and the clause verb it depends on (None: decide by time)."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ == "no":
            return ("negated", "no"), None
    clause, path = clause_path(noun)
    participle = None
    predicate = _predicate_past_its_participle(path[-1] if path else noun, clause, cues)
    if predicate is not None:
        # 'the talks set for Friday have been cancelled': the parser made the participle
        # that describes the noun its verb; the noun's clause is the predicate's
        participle, clause, path = clause, predicate, []
    if clause is not None and _subject_before_its_mark(noun, clause):
        # 'has postponed for a second time a visit by X after the cabinet resigned': the
        # parser made the shifted object the subject of the clause after it
        outer, _ = clause_path(clause)
        if outer is not None and governor_key(outer) in cues["governors"]:
            clause, path = outer, []
    if at_the_invitation(noun):
        return ("occurred", "at the invitation"), clause  # made before what it brings about
    key = governor_key(clause) if clause is not None else ""
    direct = clause is not None and noun.dep_ == "dobj" and noun.head.i == clause.i
    if direct and key in cues["presupposing_objects"]:
        return ("occurred", key), clause  # 'accepted the invitation'
    conjuncts = _conjoined_to(noun)
    for token in path:
        if token.i in conjuncts:
            continue  # 'Britain's pledge …, or Sweden's pledge': a conjunct governs nothing
        lower, lemma = token.lower_, token.lemma_.lower()
        if token.dep_ == "prep" and lower == "without":
            return ("negated", "without"), clause  # 'talks ended without an agreement'
        if lower == "according":
            return ("occurred", "according to"), clause  # 'according to a statement from X'
        if token.dep_ == "prep" and lower in cues["presupposing_preps"]:
            if lower == "during" and clause is not None:
                return (verb_status(clause, cues)[0], "during"), clause
            if lower in ("after", "following") and clause is not None and _will(clause):
                # 'following a refuelling stop in Moscow, he will arrive Thursday in
                # Singapore': what comes before a plan told with 'will' lies ahead too
                return ("planned", AHEAD_CUE), clause
            return ("occurred", lower), clause
        if clause is not None and _ahead_of(token) and _journey_under_way(clause, cues):
            # 'has arrived in Hanoi prior to the summit': the summit lies ahead
            return ("planned", AHEAD_CUE), clause
        if lemma in PRESUPPOSING_NOUNS:
            return ("occurred", lemma), clause
        if lemma in cues["governors"] and token.pos_ in ("NOUN", "ADJ"):
            return (cues["governors"][lemma], lemma), clause
    if clause is None:
        return _modifier(noun, cues), None
    if noun.dep_ in ("nsubj", "nsubjpass") and _into_another_day(clause):
        # 'talks entered a second day', 'the strike went into its third week': under way
        return ("ongoing", "entered"), clause
    if yet_to(clause):
        # 'has yet to confirm the date of Kim's visit': the visit is still to come
        return ("planned", "yet to"), clause
    if key == "agree" and noun.lemma_.lower() in AGREEMENT_NOUNS:
        # 'agreed to the truce': the agreement is the verb's own event, not a plan
        return verb_status(clause, cues), clause
    if _purpose_of_a_journey_under_way(noun, clause, cues):
        # 'has arrived in Hanoi for talks with Vietnam's leaders': the talks lie ahead
        return ("planned", "purpose of a journey"), clause
    called = _called(noun, clause, cues)
    if called is not None:
        return called, clause
    if _occasion_attended(noun, clause) and verb_status(clause, cues)[1] in cues["modals"]:
        # 'the President could skip the G20 summit in December': the attending is in doubt,
        # the summit itself is set
        return ("planned", "occasion"), clause
    # 'Protests delayed the visit': the subject of an active governing verb causes the
    # change of plan; it is not what the verb plans or puts off
    agent = noun.dep_ == "pobj" and noun.head.dep_ == "agent" and noun.head.head.i == clause.i
    causer = agent or argument_of(noun, clause) == "nsubj"  # also 'was delayed by protests'
    # 'pledged $431 million at a conference in Geneva', 'had agreed in a phone call to delay
    # the trip': the occasion where a plan word was said is its setting, held, not what it
    # plans
    setting = (
        noun.dep_ == "pobj" and noun.head.lower_ in SETTING_PREPS and noun.head.head.i == clause.i
    )
    governed = None if causer or setting else _governed(clause, cues)
    decision = governed or verb_status(clause, cues)
    if decision[0] in ("occurred", "ongoing") and decision[1] not in cues["presupposing_preps"]:
        # 'announced the planned visit': the tense is the announcement's, not the visit's
        decision = _modifier(noun, cues) or _participle_plan(participle, cues) or decision
    elif decision[0] == "possible" and decision[1] in cues["modals"]:
        # 'the summit planned for Tunis in December would be lost': the modal doubts what
        # befalls the plan, not that it is planned
        own = _modifier(noun, cues)
        decision = own if own is not None and own[0] == "planned" else decision
    return decision, clause


#: what the parser may make of a bare participle after its noun: a clausal subject of the
#: real predicate ('the talks set for Friday have been cancelled')
CLAUSAL_SUBJECTS = ("csubj", "csubjpass")


def _predicate_past_its_participle(
    top: Token, clause: Token | None, cues: dict[str, Any]
) -> Token | None:
    """'The talks set for Friday in Lima have been cancelled', 'the third round, postponed
    in July, would not take place': a bare participle (no auxiliary) after the noun it
    describes, which the parser made the noun's verb, a clausal subject of the real
    predicate or a clause the predicate is conjoined to without a subject of its own. The
    real predicate, or None. ``top`` is the token of the noun's phrase that hangs on
    ``clause``; a plan participle the tagger read as a past ('set', 'planned') counts."""
    if clause is None or top.head.i != clause.i or top.dep_ not in ("nsubj", "nsubjpass"):
        return None
    participle = clause.tag_ == "VBN" or clause.lower_ in cues["past_plan_participles"]
    if not participle or top.i > clause.i or children(clause, "aux", "auxpass"):
        return None
    if children(clause, "dobj"):
        return None  # a verb with an object of its own tells an act, not a description
    if clause.dep_ in CLAUSAL_SUBJECTS and is_verb(clause.head):
        return clause.head
    for conj in children(clause, "conj"):
        if is_verb(conj) and _has_tense(conj) and not children(conj, "nsubj", "nsubjpass"):
            return conj
    return None


def _participle_plan(participle: Token | None, cues: dict[str, Any]) -> Decision | None:
    """'the talks set for Friday …': the plan the participle describing a noun tells, as a
    plan modifier would ('the planned visit')."""
    if participle is None:
        return None
    status = cues["plan_modifiers"].get(participle.lower_)
    if status is not None:
        return status, participle.lower_
    key = governor_key(participle)
    if key in cues["self_planning"] and key in cues["governors"]:
        # not a change of plan: 'the forum, moved from Thursday to Friday, draws 300
        # executives' was held on its new day
        return cues["governors"][key], key
    return None


def _conjoined_to(noun: Token) -> set[int]:
    """The nouns a noun is conjoined to ('Britain's pledge …, or Sweden's pledge')."""
    found, token = set(), noun
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        found.add(token.i)
    return found


#: verbs of attending an occasion that is held whoever comes ('attend the summit')
ATTENDING = {"attend", "skip", "miss", "boycott", "join"}


def _occasion_attended(noun: Token, clause: Token) -> bool:
    """The occasion a clause attends, skips or accompanies someone to: its object ('could
    skip the summit') or the 'to' of 'accompany' ('must accompany Sisi to a meeting'); not
    talks of the attender's own ('might skip talks with his counterpart': held only if he
    comes)."""
    if any(p.lower_ in ("with", "between") for p in children(noun, "prep")):
        return False
    if noun.head.i == clause.i:
        return noun.dep_ == "dobj" and clause.lemma_.lower() in ATTENDING
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "to"
        and prep.head.i == clause.i
        and clause.lemma_.lower() == "accompany"
    )


#: what makes 'call' name rather than convene ('called the attack a crime', 'called the
#: talks constructive')
NAMING_DEPS = ("oprd", "xcomp", "ccomp", "acomp")


#: actions their organisers call for ('called for a general strike'): called, not asked
CALLED_ACTIONS = {
    "strike", "rally", "protest", "march", "demonstration", "boycott", "vigil", "stoppage",
    "walkout", "blockade", "sit-in",
}  # fmt: skip


def _called(noun: Token, clause: Token, cues: dict[str, Any]) -> Decision | None:
    """'have called a strike for Thursday', 'protests have been called for 6 March': a
    strike, rally or meeting called is planned; 'called for talks' asks for them (possible).
    The calling's own negation, condition or modal decides first ('might call a strike')."""
    if clause.lemma_.lower() != "call" or children(clause, "prt"):
        return None  # 'call off', 'call in': other verbs
    own = verb_status(clause, cues)
    if own[0] in ("negated", "possible"):
        return own
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "for" and prep.head.i == clause.i:
        if noun.lemma_.lower() in CALLED_ACTIONS:
            return "planned", "call"  # 'the unions called for a rally on Friday'
        return "possible", "call for"  # 'the EU called for talks'
    convened = noun.dep_ in ("dobj", "nsubjpass") and noun.head.i == clause.i
    if convened and not children(clause, *NAMING_DEPS):
        return "planned", "call"
    return None


def _subject_before_its_mark(noun: Token, clause: Token) -> bool:
    """A subject told before the 'after', 'before' or 'because' that opens its own clause:
    no subject of that clause but an object shifted past an adverbial."""
    if noun.dep_ != "nsubj" or clause.dep_ not in ("advcl", "relcl"):
        return False
    return any(m.i > noun.i for m in children(clause, "mark"))


#: verbs that carry a lasting event into another of its days ('entered a second day')
INTO_VERBS = {"enter", "go", "stretch", "drag", "move", "head"}
#: units a lasting event counts its length in
LENGTH_UNITS = {"day", "week", "month", "year", "round", "session"}


def _into_another_day(verb: Token) -> bool:
    """'entered a second day', 'went into its third week', 'stretched into a fifth day'."""
    if verb.lemma_.lower() not in INTO_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.lower_ == "into" for g in c.children]
    return any(o.lemma_.lower() in LENGTH_UNITS and _ordinal(o) for o in objects)


def _ordinal(noun: Token) -> bool:
    """'a second day', 'its third week'."""
    return any(c.tag_ == "JJ" and c.lower_.endswith(ORDINAL_ENDS) for c in noun.children)


ORDINAL_ENDS = ("st", "nd", "rd", "th")


#: the tenses of a journey whose purpose still lies ahead ('has arrived … for talks', 'is
#: travelling … for a summit', 'arrives … for talks')
UNDER_WAY_TENSES = {"perfect", "progressive", "present tense"}


#: cue of a nominal placed before or after a plan or a journey under way; its own past
#: time still makes it done (timing.refine_status)
AHEAD_CUE = "ahead of a plan"


def _will(verb: Token) -> bool:
    """The clause is told with 'will' or 'shall': a plan."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children)


def _ahead_of(prep: Token) -> bool:
    """'before', 'ahead of', 'prior to', 'in advance of': what the noun names comes later."""
    if prep.dep_ != "prep":
        return False
    lower, head = prep.lower_, prep.head.lower_
    return (
        lower == "before"
        or (lower == "of" and head in ("ahead", "advance"))
        or (lower == "to" and head == "prior")
    )


def _journey_under_way(clause: Token, cues: dict[str, Any]) -> bool:
    """'has arrived in Hanoi', 'is heading to Asia': a journey told as under way now."""
    if clause.lemma_.lower() not in JOURNEY_VERBS:
        return False
    return verb_status(clause, cues)[1] in UNDER_WAY_TENSES


def _purpose_of_a_journey_under_way(noun: Token, clause: Token, cues: dict[str, Any]) -> bool:
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.i != clause.i:
        return False
    if clause.lemma_.lower() not in JOURNEY_VERBS:
        return False
    return verb_status(clause, cues)[1] in UNDER_WAY_TENSES


def _modifier(noun: Token, cues: dict[str, Any]) -> Decision | None:
    """'the planned visit', 'the trip, planned for April 14, …': a plan, whatever the tense."""
    for child in noun.children:
        status = cues["plan_modifiers"].get(child.lower_)
        if child.dep_ in ("amod", "compound", "acl") and status is not None:
            return status, child.lower_
    return None


def _governed(verb: Token, cues: dict[str, Any]) -> Decision | None:
    """A governing verb ('postponed the visit', 'cancelled the summit') decides, unless its
    own clause is negated, conditional or speculative."""
    key = governor_key(verb)
    status = cues["governors"].get(key)
    if status is None and _moved_to_a_day(verb):
        key, status = MOVED, "planned"  # 'has been moved to May 26-27': set for another day
    if status is None:
        return None
    own = verb_status(verb, cues)
    if own[0] == "negated" and status == "negated" and own[1] in cues["plan_changers"]:
        # 'has been dropped: the league called it off': a second change of plan that says
        # the same, not a denial of the first
        return status, key
    if own[0] in ("negated", "possible") and key in cues["plan_changers"]:
        # 'may postpone the visit', 'did not cancel the trip': the plan still stands
        return "planned", f"{own[1]} {key}"
    if own[0] == "negated" and status == "negated":
        return _denial_denied(key)
    if own[0] in ("negated", "possible"):
        return own
    return status, key


#: the cue of a plan moved to another day or time ('has been moved to May 26-27')
MOVED = "moved to"
#: the prepositions of the day a plan is moved to or from
MOVED_PREPS = ("to", "from")


def _moved_to_a_day(verb: Token) -> bool:
    """'the trip, previously listed for Thursday, has been moved to May 26-27', 'moved the
    talks from Monday to Friday': 'move' in the passive or with an object, with a day or
    time it goes to or comes from, sets the plan for another day (not 'moved troops to the
    border')."""
    if verb.lemma_.lower() != "move" or children(verb, "prt"):
        return False
    if not children(verb, "auxpass", "dobj"):
        return False  # 'A forum, moved from Thursday to Friday, draws 300 executives': the
        # parser's bare past, with the predicate after it, tells a plan already held
    for prep in children(verb, "prep"):
        days = [o for o in children(prep, "pobj") if o.ent_type_ in ("DATE", "TIME")]
        if prep.lower_ in MOVED_PREPS and days:
            return True
    return False


def _denial_denied(key: str) -> Decision:
    """'did not rule out a visit', 'did not deny that Lavrov would visit': a refusal or
    denial that is itself negated leaves the event open, neither planned nor negated."""
    return "possible", f"not {key}"


def verb_status(verb: Token, cues: dict[str, Any], depth: int = 0) -> Decision:
    """Status of the clause headed by ``verb``: negation, condition, embedding, modal, tense."""
    for check in (_negation, _condition, _embedding, _modal, _self_governor, _due_in, _tense):
        decision = check(verb, cues, depth)
        if decision is not None:
            return decision
    return "occurred", "default"


def yet_to(verb: Token) -> bool:
    """'has yet to confirm', 'is yet to sign': not done so far."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_ in ("have", "be")
        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children)
        and is_infinitive(verb)
    )


def _negation(verb: Token, cues: dict[str, Any], depth: int) -> Decision | None:
    if yet_to(verb):
        return "negated", "yet to"  # the confirming has not happened; what it is about may
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return "negated", "without"  # 'met on Monday without signing a deal'
    for child in verb.children:
        if child.dep_ == "neg" and _on_that_date(verb):
            # 'will not take place on that date', 'cannot be held on that day': not then, so
            # another day: put off, not called off
            return "planned", "not on that date"
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            held = f"not {_occurrence_key(verb)}"
            if not held_negated(held, cues):
                return "negated", child.lower_
            # 'the exchange did not take place, and no new date has been set': put off;
            # 'the summit will not go ahead', 'never took place': called off, as
            # 'cancelled' says
            if NO_NEW_DATE.search(verb.sent.text):
                return "planned", "no new date"
            return "negated", held
        if child.dep_ == "advmod" and child.lower_ == "longer" and children(child, "neg"):
            return "negated", "no longer"  # 'will no longer travel to Mombasa next week'
    return None


#: a plan not held whose new date is awaited ('no new date has been set'): put off
NO_NEW_DATE = re.compile(r"\bno new date\b", re.IGNORECASE)


#: what names the day a plan had been set for ('on that date', 'on the planned day')
SET_DAY_NOUNS = {"date", "day"}
SET_DAY_WORDS = {"that", "this", "planned", "scheduled", "original", "agreed", "appointed"}


def _on_that_date(verb: Token) -> bool:
    """'… will not take place on that date': the day named is the one the plan was set for."""
    for prep in children(verb, "prep"):
        for day in children(prep, "pobj"):
            if prep.lower_ == "on" and day.lemma_.lower() in SET_DAY_NOUNS:
                return any(c.lower_ in SET_DAY_WORDS for c in day.children)
    return False


def own_condition(verb: Token, cues: dict[str, Any]) -> Token | None:
    """'the crossing could reopen if the commanders met and agreed on new rules': the verb
    that heads the 'if' clause the verb tells (itself, or the first verb it is coordinated
    with), so what it tells is only supposed, whatever its tense."""
    marks = cues["conditional_marks"]
    while True:
        if any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children):
            return verb
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return None
        verb = verb.head


def _condition(verb: Token, cues: dict[str, Any], depth: int) -> Decision | None:
    marks = cues["conditional_marks"]
    if own_condition(verb, cues) is not None:
        return "possible", "if"
    for clause in children(verb, "advcl"):
        for mark in children(clause, "mark"):
            if mark.lower_ in marks:
                return "possible", mark.lower_
    return None


def done_act(verb: Token) -> bool:
    """A verb in the simple past or the present perfect, with no modal: what it tells was
    done, whatever an 'if' clause under it says."""
    auxes = children(verb, "aux", "auxpass")
    if any(a.tag_ == "MD" for a in auxes):
        return False
    perfect = verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)
    return (verb.tag_ == "VBD" and not auxes) or perfect


def _embedding(verb: Token, cues: dict[str, Any], depth: int) -> Decision | None:
    head = verb.head
    if head.i == verb.i or depth > 5 or verb.dep_ not in EMBEDDING_DEPS:
        return None
    if _be_to(verb):
        return None  # 'is to meet', 'was to meet': a modal reading, decided by _modal
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and is_verb(head.head):
        outer = governor_key(head.head)  # 'look forward to seeing him at the summit'
        if outer in cues["governors"] and cues["governors"][outer] == "planned":
            return "planned", outer
    key = governor_key(head)
    dep = "acl" if verb.dep_ == "relcl" and is_infinitive(verb) else verb.dep_
    if dep == "acl" and _relative(verb):
        dep = "relcl"  # 'an invitation that Berg extended in a call': not what is invited
    if dep == "advcl" and is_infinitive(verb) and key in cues["governors"]:
        dep = "xcomp"  # 'had been set to host him', parsed as an adverbial clause
    fronted_past = dep == "ccomp" and verb.i < head.i and verb.tag_ == "VBD"
    if fronted_past and cues["governors"].get(key) == "planned":
        return None  # 'Albanese spoke to Prabowo last night …, and he invited Prabowo to
        # come': a finite past clause before a verb of planning is no plan of it (a misparse)
    if dep in ("xcomp", "ccomp", "acl") and key in cues["governors"]:
        if is_verb(head):
            own = verb_status(head, cues, depth + 1)
            if own[0] == "negated" and cues["governors"][key] == "negated":
                return _denial_denied(key)  # 'did not rule out that Putin could visit'
            if own[0] in ("negated", "possible"):
                return own
        return cues["governors"][key], key
    if verb.dep_ == "ccomp" and key in cues["belief_verbs"]:
        return cues["belief_verbs"][key], key
    content = verb.dep_ in ("acl", "ccomp") or _marked_that(verb)  # 'a story that she met'
    if content and head.lemma_.lower() in cues["content_nouns"]:
        return _content_noun(head, cues)
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl") and not _has_tense(verb):
        if _able(head):
            # 'is no longer able to attend', 'was not able to travel': the clause of 'be'
            return verb_status(head.head, cues, depth + 1)
        if not is_verb(head):
            return None
        own = verb_status(head, cues, depth + 1)
        called = [_called(o, head, cues) for o in children(head, "dobj", "nsubjpass")]
        if own[0] == "occurred" and is_infinitive(verb) and ("planned", "call") in called:
            # 'has called a strike for Friday to protest against the reform': the protest is
            # the strike called, as planned as it
            return "planned", "call"
        if own[0] == "ongoing" and _purpose_of_journey(verb):
            # 'is heading to Asia this week to discuss trade': the talks come after the trip
            return "planned", "purpose of a journey"
        return own
    return None


def _able(adjective: Token) -> bool:
    """'able' as the complement of a verb ('is able', 'will be able'): what one is able to
    do has the status of that verb's clause."""
    return adjective.lemma_.lower() == "able" and adjective.dep_ == "acomp"


def _marked_that(verb: Token) -> bool:
    """A clause opened by 'that' as its mark: a noun's content, however it is hung."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _relative(verb: Token) -> bool:
    """'the invitation that Berg extended', 'the plan which they drew up': a finite clause
    on a noun, opened by a relative pronoun (not a 'that' marking its content, as in 'the
    plan that he would visit'), tells something done to the noun, not its content."""
    if not _has_tense(verb) or not children(verb, "nsubj", "nsubjpass"):
        return False
    return any(
        c.tag_ in ("WDT", "WP") or c.lower_ == "that"
        for c in verb.children
        if c.i < verb.i and c.dep_ != "mark"
    )


def _purpose_of_journey(verb: Token) -> bool:
    """An infinitive of purpose hanging on a verb of travel ('travels to Hanoi to meet')."""
    return (
        verb.dep_ in ("advcl", "xcomp")
        and is_infinitive(verb)
        and verb.head.lemma_.lower() in JOURNEY_VERBS
    )


def _be_to(verb: Token) -> bool:
    """'was to meet': an infinitive complement of a form of 'be'."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and is_infinitive(verb)


def _past(verb: Token) -> bool:
    """A past form, or a past auxiliary ('was scheduled', 'had been due')."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def _content_noun(noun: Token, cues: dict[str, Any]) -> Decision | None:
    """'denied reports that …', 'dismissed speculation that …'."""
    verb = noun.head
    key = governor_key(verb)
    if cues["governors"].get(key) == "negated" or cues["belief_verbs"].get(key) == "negated":
        return "negated", key
    if key in cues["belief_verbs"]:
        return cues["belief_verbs"][key], key
    return None


def _has_tense(verb: Token) -> bool:
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)


def _modal(verb: Token, cues: dict[str, Any], depth: int) -> Decision | None:
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in cues["modals"]:
            if child.lower_ == "would" and _reported_past(verb, cues):
                return "planned", "would (reported)"  # 'said Germany would deliver'
            return cues["modals"][child.lower_], child.lower_
    head = verb.head
    if _be_to(verb):
        # 'is to meet' / 'was to meet': a plan, told now or in the past; 'was not to meet'
        # and 'may be to meet' keep their own reading
        own = verb_status(head, cues, depth + 1)
        if own[0] in ("negated", "possible"):
            return own
        return "planned", "was to" if _past(head) else "is to"
    going = head.lemma_ == "go" and head.tag_ == "VBG"
    if going and verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children):
        return "planned", "going to"
    if _headline_infinitive(verb):
        return "planned", "headline to"
    return None


def _headline_infinitive(verb: Token) -> bool:
    """'Obama to visit Ghana next week', 'URGENT - Secretary-General to travel to Phnom
    Penh': a headline's subject with a bare infinitive for its verb tells a plan."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and is_infinitive(verb)
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _self_governor(verb: Token, cues: dict[str, Any], depth: int) -> Decision | None:
    """'are expected', 'is scheduled', 'plans': the clause is itself a plan."""
    key = governor_key(verb)
    if key not in cues["self_planning"] or key not in cues["governors"] or verb.tag_ == "VBD":
        return None  # 'was meant to usher in': a plan word, but it plans no event
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
        return None  # 'was expected', 'had planned': a past plan, read by tense
    return cues["governors"][key], key


def _due_in(verb: Token, cues: dict[str, Any], depth: int) -> Decision | None:
    """'Motegi is due in Seoul later this week', 'who is expected in Mwanza on Friday': a
    stay told as due is planned."""
    tense = _be_of_due(verb)
    if tense is None:
        return None
    if _had_been(tense, verb):
        return "planned", "was due in"  # 'had been due in Rabat on May 18'
    if tense.tag_ not in ("VBZ", "VBP", "VBD"):
        return None
    # 'was due in Lima this morning for talks': a plan told in the past (status.past_plan)
    return "planned", "was due in" if tense.tag_ == "VBD" else "due in"


def _had_been(tense: Token, verb: Token) -> bool:
    """'had been due in Rabat', 'had been expected in Cairo': the 'been' of a stay told as
    due with a past 'had', on itself or on the participle it is the auxiliary of."""
    if tense.tag_ != "VBN":
        return False
    auxes = [c for c in (*tense.children, *verb.children) if c.dep_ == "aux"]
    return any(a.lemma_.lower() == "have" and a.tag_ == "VBD" for a in auxes)


def _due(verb: Token) -> bool:
    """'is due', 'was expected' (in a place): a form of 'be' with 'due' or 'expected'."""
    return any(c.dep_ == "acomp" and c.lemma_.lower() in ("due", "expected") for c in verb.children)


def _be_of_due(verb: Token) -> Token | None:
    """The 'be' that tells a stay as due: the verb itself ('is due in Seoul'), or the
    auxiliary of a passive 'expected in' ('was expected in Lima', triggers.expected_in)."""
    if verb.lemma_.lower() == "be":
        return verb if _due(verb) else None
    if expected_in(verb):
        return next(c for c in verb.children if c.dep_ == "auxpass")
    return None


def _reported_past(verb: Token, cues: dict[str, Any]) -> bool:
    """Backshifted 'will': the clause of a past-tense reporting verb (not a belief verb),
    also the second of two clauses told ('said she had accepted and would travel'), and a
    clause the parser hung on the reporting verb's day ('said the same day that it would')."""
    while verb.dep_ == "conj" and verb.head.i != verb.i and is_verb(verb.head):
        verb = verb.head  # 'that his party would vote … and would bring supporters'
    head = verb.head
    dep = verb.dep_
    if dep == "relcl" and head.dep_ == "npadvmod" and children(verb, "mark"):
        dep, head = "ccomp", head.head  # 'said the same day that it would extend'
    lemma = head.lemma_.lower()
    return (
        dep == "ccomp"
        and head.tag_ == "VBD"
        and lemma in cues["reporting_verbs"]
        and lemma not in cues["belief_verbs"]
    )


def _tense(verb: Token, cues: dict[str, Any], depth: int) -> Decision | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    past_aux = any(a.tag_ == "VBD" for a in auxes)
    if verb.tag_ == "VBD":
        return "occurred", "past tense"
    if verb.tag_ == "VBN":
        if any(a.lemma_ == "have" for a in auxes):
            return "occurred", "perfect"
        return ("occurred", "past passive") if past_aux or not auxes else ("ongoing", "present")
    if verb.tag_ == "VBG" and auxes:
        return ("occurred", "past progressive") if past_aux else ("ongoing", "progressive")
    if verb.tag_ in ("VBZ", "VBP"):
        return "ongoing", "present tense"
    return None


#: cues of a verb told in the past: what it tells was done
PAST_ACT_CUES = {"past tense", "perfect", "past passive", "past progressive", "done act"}
#: presupposing prepositions whose nominal happened before its clause ('after the protests')
BEFORE_ITS_CLAUSE = {"after", "following", "since"}


def past_act_over_future_time(mention: Mention, doc: Doc, dct: date) -> None:
    """'threatened a strike in July', 'had demonstrated outside the venue that morning',
    'has axed his trip, after protests over the weekend': a verb in the past, or what
    happened before a clause in the past, cannot lie after the DCT; a later time read for
    it is another clause's (the threat's content) or read forward, so the act keeps its
    tense and loses the time, rather than becoming a plan."""
    if mention.status != "occurred" or not mention.dated:
        return
    if (mention.time.earliest or "") <= dct.isoformat():
        return
    token, clause = doc[mention.token], doc[mention.clause]
    if clause.i == token.i:
        past = mention.cue in PAST_ACT_CUES and token.tag_ in ("VBD", "VBN")
    else:
        # a nominal: what a past clause presupposes ('after the protests'), what its own
        # participle says was done ('the agreements signed in Pretoria on Wednesday will
        # cut tariffs'), or what 'there was' says happened ('There was a march on the 13th')
        presupposed = mention.cue in BEFORE_ITS_CLAUSE and _told_in_the_past(clause)
        own_participle = mention.cue == "past passive" and any(
            c.dep_ == "acl" and c.tag_ == "VBN" for c in token.children
        )
        there_was = (
            clause.lemma_ == "be"
            and clause.tag_ == "VBD"
            and token.head.i == clause.i
            and any(c.dep_ == "expl" for c in clause.children)
        )
        past = presupposed or own_participle or there_was
    if past:
        mention.time, mention.dated = EventTime(None, None, dct.isoformat(), None), False
        mention.cue = f"{mention.cue} + future time dropped"


def _told_in_the_past(verb: Token) -> bool:
    """A simple past or a present perfect ('has axed'), not a past plan ('was to meet')."""
    auxes = children(verb, "aux", "auxpass")
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes):
        return False
    if verb.tag_ == "VBD":
        return not auxes
    return verb.tag_ == "VBN" and any(a.lemma_ == "have" or a.tag_ == "VBD" for a in auxes)


#: the days of a stay or a range of days a text may name by an ordinal ('on the second day
#: of his visit', 'on the closing day'), from 0 (-1: the last, which ends it); also read by
#: ``timing.day_of_the_range``
ORDINAL_DAYS = {
    "first": 0, "opening": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5,
    "last": -1, "final": -1, "closing": -1,
}  # fmt: skip


def day_of_a_stay(event: Event, mentions: list[Mention], doc: Doc, dct: date) -> None:
    """'signed agreements on Wednesday, on the second day of Figueira's state visit', read
    on that Wednesday: a visit told by one of its days, that day the DCT (or the day before,
    and not its last), is under way, whatever the tense of the clause that names the day."""
    if event.type != "VISIT" or event.status != "occurred":
        return
    today, yesterday = dct.isoformat(), (dct - timedelta(days=1)).isoformat()
    for mention in mentions:
        day = day_of_visit(doc[mention.token])
        if day is None:
            continue
        last = any(ORDINAL_DAYS.get(c.lower_) == -1 for c in day.subtree if c.i < day.i)
        start, end = mention.sentence
        days = {
            t.earliest
            for t in doc._.timexes or []
            if start <= t.start < end and t.earliest == t.latest and t.granularity == "day"
        }
        if today in days or (yesterday in days and not last):
            event.status, event.cue = "ongoing", "day of the visit"
            return


def range_over_the_dct(event: Event, dct: date) -> None:
    """'the summit that opened on Tuesday and runs until Thursday', read on Wednesday: an
    occasion whose own days run from before the DCT (or on it) to after it is under way,
    whatever the tense of the verb that opened it."""
    time = event.time
    start, end = iso_day(time.earliest), iso_day(time.latest)
    if event.type not in LASTING_TYPES or event.status != "occurred" or time.granularity != "day":
        return
    if start is not None and end is not None and start <= dct < end:
        event.status, event.cue = "ongoing", f"{event.cue} + days over the DCT"


#: occasions that last days ('a three-day summit', 'talks from Monday to Friday')
LASTING_TYPES = {"VISIT", "MEET", "PROTEST", "DEPLOY"}


def day_of_visit(noun: Token) -> Token | None:
    """The 'day' of 'on the second (and last) day of his visit', for the visit's noun."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or noun.pos_ != "NOUN":
        return None
    day = prep.head
    if day.lemma_.lower() != "day" or day.head.lower_ not in ("on", "during"):
        return None
    return day if any(c.lower_ in ORDINAL_DAYS for c in day.subtree if c.i < day.i) else None


def under_way_since(verb: Token) -> bool:
    """'have been on strike since Monday', 'has blocked the road since 26 February': a
    present perfect with a 'since' of a time tells what began then and still goes on, also
    for a participle that hangs on it ('have blocked the road since Monday, protesting')."""
    while verb.dep_ in ("advcl", "xcomp", "conj") and not _has_tense(verb):
        verb = verb.head
    auxes = children(verb, "aux", "auxpass")
    if not any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return False
    if verb.lemma_.lower() in ("visit", "meet"):
        return False  # 'has visited Qatar since May': a visit made, not one going on
    for prep in children(verb, "prep"):
        days = [o for o in children(prep, "pobj") if o.ent_type_ in ("DATE", "TIME")]
        if prep.lower_ == "since" and days:
            return True  # not 'since taking office', 'since the invasion'
    return False


def past_plan(token: Token, cues: dict[str, Any]) -> bool:
    """'had been due to arrive', 'was scheduled to visit', 'had planned to meet': a plan told
    in the past tense, which a cancellation in the same article may be about."""
    due = _be_of_due(token)
    if due is not None and (due.tag_ == "VBD" or _had_been(due, token)):
        return True  # 'was due in Lima on Monday for talks', 'had been expected in Lima'
    for _ in range(3):
        # the parser also hangs 'to host him' on 'had been set' as an adverbial clause
        infinitive = token.dep_ == "advcl" and is_infinitive(token)
        if (token.dep_ not in ("xcomp", "acomp") and not infinitive) or token.head.i == token.i:
            return False
        if _be_to(token):
            return _past(token.head)  # 'was to sign', 'were to meet'
        token = token.head
        if token.lemma_.lower() in cues["self_planning"]:
            return _past(token.head if token.dep_ == "acomp" else token)
    return False


#: how a relative clause's noun reaches the clause that decides its fate ('his trip to
#: Beira, where he was to meet survivors, was called off': Beira → to → trip)
NOUN_PHRASE_DEPS = ("pobj", "prep", "compound", "appos")


def cancelled_with_its_noun(verb: Token, cues: dict[str, Any]) -> Decision | None:
    """'A joint commission that was to have met in Oujda this month was called off', 'called
    off a ceremony at which it was to sign a joint venture': a plan told in a relative
    clause is called off with the noun the clause describes, or put off with it ('the
    protocol that the ministers were to sign on Thursday was put off'). None unless that
    noun is cancelled, said not to take place, or put off."""
    while verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i:
        verb = verb.head  # 'was to have met', 'had been due to sign'
    if verb.dep_ not in ("relcl", "acl") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = verb.head
    while noun.dep_ in NOUN_PHRASE_DEPS and noun.head.i != noun.i:
        noun = noun.head
    decision, clause = noun_status(noun, cues)
    if decision is None or clause is None:
        return None
    if decision[0] == "planned" and decision[1] in cues["reschedule_verbs"]:
        return decision
    if decision[0] != "negated":
        return None
    cancelled = calls_off(decision[1], cues)
    return decision if cancelled or _occurrence_key(clause) in cues["occurrence_verbs"] else None


#: a verb's own negation as the cue of a negated event ('did not attend', "won't travel",
#: 'never went'); not cues.json ``negations``, whose 'no', 'nor' and 'without' are the cues
#: of nouns and phrases, which neither ``held_later`` nor ``component._habit_denied`` reads
PLAIN_NEGATIONS = frozenset({"not", "n't", "never"})

NegationKind = Literal["called off", "not held", "negation"]


def cancel_cues(cues: dict[str, Any]) -> list[str]:
    """cues.json ``cancel_verbs``, read here only: the cues that call a plan off or say it
    is not held (``negation_kind``), also for a step that tests a cue against them all
    (``timing.attach``)."""
    cancelling: list[str] = cues["cancel_verbs"]
    return cancelling


def negation_kind(cue: str | None, cues: dict[str, Any]) -> NegationKind | None:
    """How the cue of a negated event says it is off, the one reader of cues.json
    ``cancel_verbs`` (a cue added there reaches ``calls_off``, ``held_negated``,
    ``held_later`` and ``component._habit_denied`` alike): 'not held' for a negated
    occurrence among them ('not take place', 'not go ahead'), 'called off' for the others
    ('cancel', 'call off', 'no longer'), 'negation' for a plain negation
    (``PLAIN_NEGATIONS``), None for any other cue."""
    cue = cue or ""
    if cue in cancel_cues(cues):
        return "not held" if cue.startswith("not ") else "called off"
    return "negation" if cue in PLAIN_NEGATIONS else None


def held_negated(cue: str | None, cues: dict[str, Any]) -> bool:
    """Whether a cue says an event is not held ('not take place', 'not go ahead', 'not
    happen': the negated occurrence verbs among cues.json ``cancel_verbs``), which calls it
    off unless the simple present tells a habit (``component._habit_denied``)."""
    return negation_kind(cue, cues) == "not held"


#: types of occasions a plan may put off to a later day ('will not take place this week …
#: it will be held on March 6'); not what is said, claimed or threatened
PUT_OFF_TYPES = {"MEET", "VISIT", "AGREE", "COOPERATE", "DISCUSS", "PROTEST"}
#: the cues of a plan said not to happen as set besides a negation or a calling off
#: (``negation_kind``): a failure
FAILED = {"fail"}
#: verbs that put a plan off to a later day ('would be rescheduled', 'was postponed')
LATER_KEYS = {"reschedule", "postpone", "put off", "push back"}
#: the cue of a plan not held as set and held later (cues.json reschedule_verbs)
NOT_THEN = "not then"


def _rest_and_next_sentence(token: Token) -> list[Token]:
    """The tokens after ``token`` in its sentence, and those of the next sentence when it is
    in the same paragraph (no line break between them)."""
    doc, sentence = token.doc, token.sent
    window = list(doc[token.i + 1 : sentence.end])
    if sentence.end < len(doc) and _one_paragraph(sentence, after := doc[sentence.end].sent):
        window += list(after)
    return window


def _one_paragraph(first: Span, second: Span) -> bool:
    """Two sentences, the second right after the first, with no line break between them."""
    return "\n" not in first.doc.text[first.end_char : second.start_char]


def held_later(
    mention: Mention, token: Token, cues: dict[str, Any], same_kind: Callable[[Token], bool]
) -> bool:
    """'failed to carry out the exchange on Thursday and will now try again on May 12', 'the
    signing was called off … The agreement is now expected to be signed at a later date': a
    plan not held as set that the rest of its sentence, or the next sentence of its
    paragraph, says will be held later is put off, not called off. The later holding must
    be told as planned (not 'could be signed at a later date', 'was never rescheduled') of
    the same plan: a verb conjoined to the plan's own, or told of 'it' or of a definite noun
    of its kind ('a stop in Beirut has been postponed' is another plan)."""
    if mention.status != "negated" or mention.type not in PUT_OFF_TYPES:
        return False
    cue = mention.cue or ""
    if negation_kind(cue, cues) is None and cue not in FAILED:
        return False
    doc = token.doc
    own = doc[mention.clause]
    for later in filter(None, map(_later_verb, _rest_and_next_sentence(token))):
        if verb_status(later, cues)[0] != "planned":
            continue
        subject = _subject_of(later)
        if subject is None:
            if later.dep_ == "conj" and later.head.i in {own.i, *(a.i for a in own.ancestors)}:
                return True  # 'failed to carry out … and will now try again'
            continue
        refers = is_definite(subject, DEFINITE_PLURAL, possessive=True)  # 'its signing'
        if subject.lower_ in PLAN_PRONOUNS or (refers and same_kind(subject)):
            return True
    return False


def _later_verb(token: Token) -> Token | None:
    """The verb that tells a later holding: 'rescheduled', 'postponed', 'try again', 'signed
    at a later date'."""
    if is_verb(token) and governor_key(token) in LATER_KEYS:
        return token
    if token.lemma_.lower() == "try" and any(c.lower_ == "again" for c in token.children):
        return token
    later = any(c.lower_ == "later" for c in children(token, "amod"))
    if token.lemma_.lower() in ("date", "stage", "time") and later and token.head.lower_ == "at":
        verb = token.head.head
        return verb if is_verb(verb) else None
    return None


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is the complement of ('is expected to be
    signed': 'the agreement')."""
    for _ in range(3):
        subjects = children(verb, "nsubj", "nsubjpass")
        if subjects:
            return subjects[0]
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def calls_off(cue: str | None, cues: dict[str, Any]) -> bool:
    """Whether the cue of a negated event calls it off: a cancelling verb ('cancelled',
    'called off') or said not to take place (cues.json ``cancel_verbs`` both)."""
    return negation_kind(cue, cues) in ("called off", "not held")


def _occurrence_key(verb: Token) -> str:
    """'take place' (its noun an object), else the governor key ('go ahead', 'happen')."""
    if verb.lemma_.lower() == "take" and any(c.lower_ == "place" for c in children(verb, "dobj")):
        return "take place"
    if verb.lemma_.lower() == "go" and any(c.lower_ == "ahead" for c in verb.children):
        return "go ahead"  # 'ahead' parsed as an adverb, not a particle
    return governor_key(verb)


#: a paragraph that opens by denying what was just put to the speaker ('That is false.',
#: 'A: That is not true.', 'QADIR: No. Completely untrue.', 'PRIME MINISTER: There is no
#: such negotiation.')
FLAT_DENIAL = re.compile(
    r"^\W*(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}:\s*)?"
    r"(?:(?:that|this|it)(?:'s|\s+is|\s+was)\s+(?:simply\s+)?"
    r"(?:not\s+true|false|untrue|wrong|incorrect|baseless|nonsense)\b"
    r"|no\s*[.!]|not\s+true\b|(?:completely|totally|absolutely)\s+(?:untrue|false)\b"
    r"|there\s+(?:is|was|has\s+been)\s+no\s+such\b)",
    re.IGNORECASE,
)
#: words by which a paragraph puts a claim to the one who denies it
CLAIM_WORDS = {"report", "reports", "reported", "say", "says", "claim", "claims", "claimed"}
#: types that tell the claim itself rather than the event claimed
CLAIMING_TYPES = {"STATEMENT", "ACCUSE", "REJECT"}


def flat_denials(mentions: list[Mention], doc: Doc, blocks: list[tuple[int, int]]) -> None:
    """'There are reports that Norway will expel Russian diplomats.' — 'That is not true.':
    the events a paragraph reports and the next paragraph flatly denies did not happen."""
    text = doc.text
    for before, (start, end) in pairwise(blocks):
        if not FLAT_DENIAL.match(text[start:end]):
            continue
        lo, hi = before
        sentences = [s for s in doc.sents if lo <= s.start_char < hi]
        claimed = [s for s in sentences if any(t.lower_ in CLAIM_WORDS for t in s)]
        for mention in mentions:
            if mention.type in CLAIMING_TYPES or mention.status == "negated":
                continue
            if any(s.start <= mention.token < s.end for s in claimed):
                mention.status, mention.cue = "negated", "denied"


#: subjects that stand for the plan told just before ('It was postponed', 'They were pushed
#: back', 'That plan has been put on hold'), also as the object of an active change ('his
#: office cancelled it')
PLAN_PRONOUNS = {"it", "they"}
OBJECT_PRONOUNS = {"it", "them"}
PLAN_NOUNS = {"plan", "proposal", "arrangement"}
#: determiners by which a noun refers to the plan told just before ('that stop', 'those
#: meetings')
DEMONSTRATIVES = ("that", "this", "those", "these")


def changed_by_reference(
    mentions: list[Mention],
    doc: Doc,
    cues: dict[str, Any],
    timexes: list[Timex],
    same_kind: Callable[[Token, Mention], bool],
) -> None:
    """'Talks between Japan and China had been set for late March in Beijing. They were
    pushed back.': a past plan told in one sentence that the next sentence of its paragraph
    puts off or calls off with a pronoun ('it', 'they'), 'that plan' or a demonstrative noun
    of the plan's own kind ('that stop has been dropped', 'Those meetings will not take
    place') as the subject, or 'it' as the object of an active change ('his office cancelled
    it'), takes that change: called off at the time it had, or postponed, its old time no
    longer its time (a put-off sentence with a time of its own, 'pushed back to April', is
    left). Only a past plan ('had been set for', 'was to') is taken up, the one its sentence
    makes its subject when it tells of two. ``same_kind`` tells whether a noun names an
    event of a mention's type."""
    starts = {doc[m.token].sent.start: doc[m.token].sent for m in mentions}
    for sentence in list(doc.sents)[1:]:
        before = doc[sentence.start - 1].sent
        if before.start not in starts or "\n" in doc.text[before.end_char : sentence.start_char]:
            continue
        for verb in sentence:
            referring = _referring_change(verb, cues)
            if referring is None:
                continue
            decision, reference = referring
            plans = [
                m
                for m in mentions
                if before.start <= m.token < before.end
                and m.type in PUT_OFF_TYPES
                and _told_as_past_plan(m, doc, cues)
            ]
            named = [m for m in plans if doc[m.token].lemma_ == reference.lemma_]
            if len(plans) > 1 and reference.pos_ == "NOUN" and named:
                plans = named  # 'was due to stop in Lima on his way back from a visit to
                # Chile … that stop has been dropped': the plan its word names
            if len(plans) > 1:
                plans = [m for m in plans if doc[m.token].dep_ in ("nsubj", "nsubjpass")]
            if len(plans) != 1:
                continue
            plan = plans[0]
            if not _of_the_plan(reference, plan, doc, same_kind):
                continue  # 'that exercise was postponed' after a planned visit
            put_off = decision[1] in cues["reschedule_verbs"]
            if put_off and any(sentence.start_char <= t.start < sentence.end_char for t in timexes):
                break
            plan.status, plan.cue = decision
            plan.rescheduled, plan.cancelled = put_off, not put_off
            if put_off:
                plan.time, plan.dated, plan.timexes = EventTime(), False, []
            break


def _of_the_plan(
    reference: Token, plan: Mention, doc: Doc, same_kind: Callable[[Token, Mention], bool]
) -> bool:
    """A pronoun, 'that plan', the plan's own word ('was due to stop … that stop') or a
    noun of its kind ('had been due to hold talks … Those meetings')."""
    lemma = reference.lemma_.lower()
    if reference.pos_ != "NOUN" or lemma in PLAN_NOUNS:
        return True
    return lemma == doc[plan.token].lemma_.lower() or same_kind(reference, plan)


def _told_as_past_plan(mention: Mention, doc: Doc, cues: dict[str, Any]) -> bool:
    """'had been due to arrive', or a noun whose clause says in the past it was planned
    ('Talks … had been set for late March', 'was expected in Quito')."""
    if mention.past_plan:
        return True
    clause = doc[mention.clause]
    planned = mention.status == "planned" and clause.lemma_.lower() in cues["self_planning"]
    return planned and _past(clause)


def _referring_change(verb: Token, cues: dict[str, Any]) -> tuple[Decision, Token] | None:
    """The change of plan a verb tells of a subject that only refers back, and that subject:
    ('planned', 'postpone') for 'It was postponed', ('negated', 'cancel') for 'They were
    cancelled' and 'his office cancelled it', ('negated', 'not take place') for 'Those
    meetings will not take place'."""
    if not is_verb(verb):
        return None
    subjects = children(verb, "nsubj", "nsubjpass")
    objects = [o for o in children(verb, "dobj") if o.lower_ in OBJECT_PRONOUNS]
    if len(subjects) == 1 and _refers_back(subjects[0]):
        reference = subjects[0]
    elif objects and verb.tag_ in ("VBD", "VBN") and not children(verb, "auxpass"):
        reference = objects[0]  # 'On March 4 his office cancelled it outright'
    else:
        return None
    decision = _governed(verb, cues)
    if decision is None and reference.dep_ in ("nsubj", "nsubjpass"):
        own = verb_status(verb, cues)
        decision = own if held_negated(own[1], cues) else None  # 'will not take place'
    if decision is None or decision[0] not in ("planned", "negated"):
        return None
    if decision[1] in cues["reschedule_verbs"] or calls_off(decision[1], cues):
        return decision, reference
    return None


def _refers_back(subject: Token) -> bool:
    """'it', 'they', 'that plan', 'those meetings': a subject that only refers back."""
    if subject.lower_ in PLAN_PRONOUNS:
        return True
    if subject.pos_ != "NOUN":
        return False
    if is_definite(subject, DEMONSTRATIVES):
        return True
    # 'says that stop has been dropped': the parser took the determiner for the mark of the
    # clause, and the bare singular noun is left without one
    mark = subject.doc[subject.i - 1] if subject.i else None
    bare = subject.tag_ == "NN" and not children(subject, "det", "poss")
    return bare and mark is not None and mark.lower_ == "that" and mark.dep_ == "mark"


#: words that tell a plan's first date beside its new one ('first set for', 'originally
#: scheduled for', 'earlier listed for')
FIRST_WORDS = {"originally", "first", "initially", "previously", "earlier"}
#: participles that give a plan a date ('set for October 3', 'was due in Lima')
DATING_PARTICIPLES = {
    "set", "scheduled", "planned", "slated", "due", "listed", "fixed", "expected", "billed",
}  # fmt: skip
#: verbs that tell, with `now`, when a plan is held ('it will now take place on June 18',
#: 'will now be held on March 18', 'the levy will now apply from April 15')
NOW_HELD_VERBS = {
    "take", "hold", "convene", "stage", "meet", "open", "begin", "start", "resume", "go",
    "happen", "apply", "run", "last", "span", "continue", "end", "close", "conclude",
}  # fmt: skip


def moved_now(
    mentions: list[Mention], doc: Doc, cues: dict[str, Any], timexes: list[Timex]
) -> None:
    """'was due in Santiago on the sixth of October, but will now visit from the
    twenty-seventh', 'the talks, first set for May 3, will now open on June 10', 'Originally
    scheduled for March, the visit is now expected in May': a plan told with `now` beside
    its old date (a plan told in the past in its sentence or the one before in its
    paragraph, or a participle of its first date) is the plan moved, not a plan of its own
    (docs/annotation.md: 'Postponed', one row at the new date): it is marked rescheduled,
    so that merging joins it to the old plan and keeps the new date and the old place, and
    the event carries change 'postponed'. 'The sixth round had been due in Rabat on May 18;
    it will now take place on June 18', with no trigger for the new holding, gives the old
    plan the new date."""
    for mention in mentions:
        if mention.status != "planned" or mention.past_plan or mention.rescheduled:
            continue
        if mention.type not in PUT_OFF_TYPES or not _now_on(doc[mention.clause]):
            continue
        own = doc[mention.clause].sent
        first = _first_date_told(own, doc[mention.clause])
        if first or _old_plan_before(mention, mentions, doc, cues):
            mention.rescheduled = True
    for plan in mentions:
        if plan.status != "planned" or plan.rescheduled or plan.type not in PUT_OFF_TYPES:
            continue
        if not _told_as_past_plan(plan, doc, cues) or any(_moves(m, plan) for m in mentions):
            continue
        held = _held_now(plan, doc, cues, timexes)
        if held is not None:
            plan.time, plan.dated, plan.rescheduled = held, True, True


def _now_on(verb: Token) -> bool:
    """'will now visit', 'is now expected to be signed', 'are now due': `now` on the verb or
    on the verb it is the complement of, sharing its subject ('we reported the talks would
    start at noon; they are now expected tomorrow': not the start)."""
    for _ in range(3):
        if any(c.dep_ == "advmod" and c.lower_ == "now" for c in verb.children):
            return True
        own = children(verb, "nsubj", "nsubjpass")
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i or own:
            return False
        verb = verb.head
    return False


def held_now(verb: Token) -> Token | None:
    """The subject of a verb of holding with `now` ('it will now take place', 'they will
    now be held', 'the levy will now apply'): a clause that tells a plan's new time, which
    ``moved_now`` marks moved and ``timing.new_time_told_after`` gives its event."""
    lemma = verb.lemma_.lower()
    if lemma not in NOW_HELD_VERBS or not _now_on(verb):
        return None
    if lemma == "take" and not any(c.lower_ == "place" for c in children(verb, "dobj")):
        return None
    return _subject_of(verb)


def _first_date_told(sentence: Span, verb: Token) -> bool:
    """A participle of a date first set in the sentence, apart from the plan's own verb:
    'first set for May 3', 'originally scheduled for March', 'which had been set for Arica on
    June 11-12', 'a month later than planned'."""
    for token in sentence:
        if token.i == verb.i or token.lower_ not in DATING_PARTICIPLES:
            continue
        if token.i > sentence.start and token.nbor(-1).lower_ in FIRST_WORDS | {"than"}:
            return True
        if token.dep_ in ("relcl", "acl") and _past(token):
            return True
    return False


def _same_paragraph_before(earlier: Token, later: Token) -> bool:
    """The earlier token is in the later one's sentence, or in the sentence right before it
    in its paragraph."""
    own = later.sent
    if own.start <= earlier.i < later.i:
        return True
    if own.start == 0:
        return False
    before = earlier.doc[own.start - 1].sent
    return before.start <= earlier.i < before.end and _one_paragraph(before, own)


def _old_plan_before(
    mention: Mention, mentions: list[Mention], doc: Doc, cues: dict[str, Any]
) -> bool:
    """A plan of the mention's type told in the past ('was due in Lima on October 6', 'had
    been set for Thursday') before it, in its sentence or the one before, at another time
    and not in another country ('was due in Nairobi … will now visit Kampala' may be
    another trip)."""
    for other in mentions:
        if other is mention or other.type != mention.type or other.status != "planned":
            continue
        if not _same_paragraph_before(doc[other.token], doc[mention.token]):
            continue
        if not _told_as_past_plan(other, doc, cues) or _other_country(other, mention):
            continue
        if other.dated and mention.dated and not times_apart(other.time, mention.time):
            continue  # the plan told again at its own time: no move
        return True  # also 'but will now visit from the 27th', a new time the tagger missed
    return False


def times_apart(left: EventTime, right: EventTime) -> bool:
    """Two times whose windows do not overlap (an open end reaches as far as it may)."""
    a0, a1 = left.earliest or "", left.latest or "9999"
    b0, b1 = right.earliest or "", right.latest or "9999"
    return not (a0 <= b1 and b0 <= a1)


def _other_country(left: Mention, right: Mention) -> bool:
    """Both placed, in two countries or two cities."""
    here, there = left.location, right.location
    if here is None or there is None:
        return False
    if here.country and there.country and here.country != there.country:
        return True
    return here.kind == there.kind == "city" and here.name != there.name


def _moves(mention: Mention, plan: Mention) -> bool:
    """The mention is a new holding of the plan already marked (``moved_now``)."""
    return mention.rescheduled and mention.type == plan.type and mention is not plan


def _held_now(
    plan: Mention, doc: Doc, cues: dict[str, Any], timexes: list[Timex]
) -> EventTime | None:
    """The time a verb of holding with `now` gives the plan after it, in its sentence or
    the next of its paragraph, with the plan as its subject ('it', 'they', or a definite
    noun): 'had been due in Rabat on May 18; it will now take place on June 18'."""
    for verb in _rest_and_next_sentence(doc[plan.token]):
        subject = held_now(verb)
        if subject is None or not (
            subject.lower_ in PLAN_PRONOUNS or is_definite(subject, DEFINITE_PLURAL)
        ):
            continue
        if verb_status(verb, cues)[0] != "planned":
            continue
        span = (min(t.idx for t in verb.subtree), max(t.idx + len(t) for t in verb.subtree))
        subject_span = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
        for timex in timexes:
            inside = span[0] <= timex.start and timex.end <= span[1]
            of_subject = subject_span[0] <= timex.start < subject_span[1]
            calendar = timex.value[:1].isdigit()  # not 'now' (PRESENT_REF)
            if inside and not of_subject and calendar and timex.type == "DATE":
                return EventTime(timex.value, timex.earliest, timex.latest, timex.granularity)
        return None
    return None
