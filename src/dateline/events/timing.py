"""When does the event itself happen: attach timexes to triggers, build EventTime."""

from __future__ import annotations

import re
from bisect import bisect_right
from calendar import monthrange
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import islice, pairwise

from spacy.tokens import Doc, Token

from dateline.events.arguments import JOURNEY_VERBS, argument_of, at_the_end_of, governor_key
from dateline.events.mention import Mention
from dateline.events.participants import MentionIndex, Ref
from dateline.events.status import AHEAD_CUE, ORDINAL_DAYS, PLAN_PRONOUNS, day_of_visit, held_now
from dateline.events.tree import due_in
from dateline.events.triggers import TOPIC_PREPS, pos_class, returned_from, said_going_home
from dateline.model import Event, EventTime, Timex, iso_day

UNDATED_PREFIXES = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
DATED_MODS = (None, "EQUAL", "START", "MID", "END", "APPROX")
RANGE_START = {"from", "between"}
SCHEDULING = {"plan", "schedule", "set", "slate", "expect", "arrange", "suppose", "intend"}
#: what a copular relative clause says of a plan ('the visit, which is due in May')
PLAN_STATES = SCHEDULING | {"due", "likely", "scheduled", "planned", "expected"}
RANGE_END = {"to", "until", "till", "through", "and"}
# 'the talks, which ran from January 12 to 14': a relative clause telling the event's own
# time, like 'which was planned for May', or its start or end ('a summit that opens on
# Saturday')
EXTENT_VERBS = {
    "run", "last", "take", "hold", "span", "continue",
    "open", "begin", "start", "end", "close", "conclude", "convene", "resume",
}  # fmt: skip
# the prepositions that give a postponed event its new time ('postponed until April')
NEW_TIME_PREPS = {"until", "till", "to", "for", "into", "from", "through"}
SPEECH_VERBS = {"say", "tell", "add", "state", "confirm", "announce"}
# What joins the two ends of a range in the text: "November 10 to 12", "March 5-7",
# "between May 2 and 4". The parser often hangs the second end on the first
# ("10 to 12" as a quantity), so the words between them decide.
RANGE_LINK = re.compile(r"\s*(?:(?P<word>to|until|till|through|and)|[-–—])\s*", re.IGNORECASE)


@dataclass
class Attachment:
    """A timex hanging from a mention's trigger or clause, and how it hangs."""

    timex: Timex
    distance: int
    prep: str | None
    root: int


def timex_root(doc: Doc, timex: Timex) -> Token | None:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def owners(mentions: list[Mention], doc: Doc) -> dict[int, list[Mention]]:
    """Tokens that own a timex attached to them: triggers, and the clause verb of a nominal."""
    table: dict[int, list[Mention]] = {}
    for mention in mentions:
        table.setdefault(mention.token, []).append(mention)
        token = doc[mention.token]
        role = argument_of(token, doc[mention.clause]) if mention.clause != mention.token else None
        during = token.dep_ == "pobj" and token.head.lower_ in ("during", "amid", "in")
        # 'walked out of the talks in June 1999': the gathering left is at the walkout's time
        walked_out = _walked_out_of(token) and token.head.head.head.i == mention.clause
        # 'went to Vostochny for a summit with Putin in 2023': the trip's time is the summit's
        purpose = (
            token.dep_ == "pobj" and token.head.lower_ == "for" and trip_host(doc[mention.clause])
        )
        if mention.cue == "decided":
            # 'Today, the United States decided to revoke sanctions': the decision's day
            deciding = governing(doc[mention.clause], "decide")
            if deciding is not None:
                table.setdefault(deciding.i, []).append(mention)
                continue
        held = held_clause(mention, doc)
        if held is not None and held.i != mention.clause:
            # 'the meeting … has been pushed back and will now be held on March 18 and 19'
            table.setdefault(held.i, []).append(mention)
        if doc[mention.clause].lemma_.lower() in SPEECH_VERBS:
            # 'the talks were announced on March 19': the day of the telling
            continue
        ended = at_the_end_of(token, doc[mention.clause])  # 'left … at the end of a visit'
        if (
            ended
            or role in ("dobj", "nsubj", "nsubjpass", "attr")
            or ((during or purpose) and token.head.head.i == mention.clause)
            or walked_out
        ):
            # 'detained students on Sunday during a protest': the protest was on Sunday
            table.setdefault(mention.clause, []).append(mention)
    for mention in mentions:
        lifted = planned_on_the_governor(doc[mention.clause])
        if lifted is not None:
            # 'has decided to cancel his visit to Japan, planned for April 12': the parser
            # hangs the plan's date on 'decided'
            table.setdefault(lifted.i, []).append(mention)
    for mention in mentions:
        due = due_for(mention, doc)
        if due is not None:
            # 'is due in Bamako on Thursday to meet the President': the plan's day
            table.setdefault(due.i, []).append(mention)
    for mention in mentions:
        host = participle_host(doc[mention.token]) or _act_host(mention, doc)
        if host is not None and host.i not in table:
            # 'will make a tour of Asia from September 7 to 14, visiting Vietnam, …': the
            # verb the participle hangs on tells no event of its own; its time is the visit's
            table[host.i] = [mention]
    return table


def _walked_out_of(token: Token) -> bool:
    """'walked out of the talks': the talks went on when the walkout was made."""
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lower_ == "out"
        and prep.head.head.lemma_.lower() in ("walk", "storm")
    )


#: verbs that go on with a journey, whose purpose is an act of it ('will continue to Phnom
#: Penh on 13 June for talks', 'stayed on for talks on January 8')
TRIP_STAYS = {"continue", "stay", "proceed", "remain"}


def trip_host(clause: Token) -> bool:
    """A clause that makes a journey, so that an act it is made `for` happens at its time."""
    lemma = clause.lemma_.lower()
    return lemma in JOURNEY_VERBS or lemma in TRIP_STAYS or due_in(clause)


def due_for(mention: Mention, doc: Doc) -> Token | None:
    """'is due in Bamako on Thursday to meet the President': the infinitive the parser hangs
    on the copula of `due in <place>` is the purpose of the trip, at the trip's time."""
    token = doc[mention.token]
    if mention.clause != mention.token or token.dep_ not in ("advcl", "xcomp"):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return None
    return token.head if due_in(token.head) else None


def participle_host(token: Token) -> Token | None:
    """The verb a bare participial clause ('…, visiting Vietnam and Laos') hangs on."""
    if token.dep_ != "advcl" or token.tag_ != "VBG" or token.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in token.children):
        return None  # 'after visiting …', 'with the minister visiting …': a clause of its own
    return token.head


#: verbs whose infinitive is the act they perform ('voted on February 20 to ratify the
#: treaty'), or the means it was done with ('used attack aircraft Monday to conduct one
#: airstrike')
ACT_VERBS = {"vote", "move", "act", "use", "employ"}


#: verbs whose object is the event they perform ('to conduct one airstrike')
PERFORMING = {"conduct", "carry", "launch", "mount", "stage", "make", "hold"}


def _act_host(mention: Mention, doc: Doc) -> Token | None:
    """The verb of voting, moving or using whose infinitive is the event (or whose
    infinitive's object names it: 'to conduct one airstrike'): its date is the act's."""
    token = doc[mention.token]
    head = token.head
    if token.dep_ == "dobj" and head.i == mention.clause and head.lemma_.lower() in PERFORMING:
        token = head  # 'used aircraft Monday to conduct one airstrike' (not 'to break up a
        # protest': what is done to an event is no performing of it)
    if token.dep_ not in ("xcomp", "advcl") or mention.status != "occurred":
        return None
    return token.head if token.head.lemma_.lower() in ACT_VERBS else None


def governing(token: Token, lemma: str, steps: int = 4) -> Token | None:
    """The verb of this lemma that ``token`` is or hangs on, at most ``steps`` heads up."""
    for _ in range(steps):
        if token.lemma_.lower() == lemma or token.head.i == token.i:
            break
        token = token.head
    return token if token.lemma_.lower() == lemma else None


#: verbs that tell where and when an event named as their subject takes place
HELD_VERBS = {"hold", "convene", "stage"}


def held_clause(mention: Mention, doc: Doc) -> Token | None:
    """The verb that tells where and when a nominal subject takes place: its clause ('the
    meeting will be held in Dodoma'), or a verb conjoined to it sharing the subject ('The
    meeting … has been pushed back and will now be held in Dodoma on March 18')."""
    token, clause = doc[mention.token], doc[mention.clause]
    if mention.clause == mention.token or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if token.head.i != clause.i:
        return None
    if clause.lemma_.lower() in HELD_VERBS:
        return clause  # 'the meeting will be held in Dodoma'
    for conj in clause.children:
        if conj.dep_ != "conj" or conj.lemma_.lower() not in HELD_VERBS:
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            return conj
    return None


def attach(
    doc: Doc, timexes: list[Timex], mentions: list[Mention], cancel_cues: Collection[str] = ()
) -> set[int]:
    """Give each mention the nearest timexes above it; returns indexes of timexes used.
    ``cancel_cues`` are the cues of a cancellation ('cancelled a planned visit to Africa
    last week'): the date of the cancelling verb is not the time of the event called off."""
    table = owners(mentions, doc)
    text = doc.text  # Doc.text joins every token anew on each call: read it once
    # where a rescheduled nominal 'will now be held' (its new time), found once per mention
    held_at = {id(m): held_clause(m, doc) for m in mentions if m.rescheduled}
    found: dict[int, list[Attachment]] = {}
    governors = {id(m): planned_on_the_governor(doc[m.clause]) for m in mentions}
    lifted_at = {key: verb.i for key, verb in governors.items() if verb is not None}
    used: set[int] = set()
    for number, timex in enumerate(timexes):
        if timex.type not in ("DATE", "TIME"):
            continue
        root = timex_root(doc, timex)
        if root is None:
            continue
        if _going_home(root.head):
            continue  # 'arrived last night and flies home tomorrow': the stay's end, not a visit
        speech = _said_on(root)
        hit: tuple[int, int, str | None] | None
        if speech is not None:
            hit = (speech.i, 1, root.head.lower_) if speech.i in table else None
        elif _than_planned(root.head):
            # 'negotiations broke off earlier than planned Tuesday': the parser hangs the day
            # on 'planned'; it is when the talks broke off
            hit = _climb(root.head.head, table)
        else:
            hit = _climb(root, table)
        if hit is None:
            continue
        owner, distance, prep = hit
        prep = prep or window_before(doc, timex)
        used.add(number)
        owned = [(mention, owner, distance) for mention in table[owner]]
        if _when_clause(doc[owner]):
            # 'first agreed to cut tariffs when they met in Lusaka in March': the acts the
            # clause of 'when' dates (and their infinitives) happen at the meeting's time,
            # if they have none nearer
            above = _climb(doc[owner], table)
            while above is not None:
                owned += [(m, above[0], distance + above[1]) for m in table[above[0]]]
                verb = doc[above[0]]
                above = _climb(verb, table) if verb.dep_ == "xcomp" else None
        for mention, owner, distance in owned:
            held = held_at.get(id(mention))
            if mention.rescheduled and held is not None and owner == held.i:
                pass  # '… and will now be held in Dodoma on March 18 and 19': the new time
            elif mention.rescheduled and owner != mention.clause:
                continue  # 'postponed his trip, which had been planned for May': the old date
            elif mention.rescheduled and prep not in NEW_TIME_PREPS:
                continue  # 'was postponed last month': when it was put off, not the new time
            planned_for = _planned_for(root, owner)
            if mention.rescheduled and planned_for:
                continue  # 'postponed his visit, planned for May': the old date
            lifted = owner not in (mention.token, mention.clause) and owner == lifted_at.get(
                id(mention)
            )
            if lifted and not planned_for:
                continue  # 'decided on Monday to cancel the visit': the deciding's day
            called_off = mention.status == "negated" and mention.cue in cancel_cues
            on_the_verb = called_off and owner == mention.clause != mention.token
            inside = _inside_subject(doc, timex, mention) or _due_in_subject(doc, timex, mention)
            if on_the_verb and not planned_for and not inside:
                continue  # 'scrubbed a planned visit last week': the cancelling's time
            if mention.status in ("planned", "possible") and BARE_PART_OF_DAY.match(timex.text):
                continue  # 'will hold talks in the morning': a part of the day told elsewhere
            if not timex.start <= doc[mention.token].idx < timex.end:
                attachment = Attachment(timex, distance, prep, root.i)
                found.setdefault(id(mention), []).append(attachment)
    for mention in mentions:
        options = found.get(id(mention), [])
        moved = mention.rescheduled or moved_in_time(doc[mention.token], doc[mention.clause])
        if moved:
            options = _moved_to(options, doc, mention.clause)
        # 'most recently in September 2025': a dated timex outranks a nearer 'recently'
        options = [a for a in options if is_dated(a.timex)] or options
        options = _refined(options)
        if not moved:  # 'moved from July 14 to August 5': the first day is the old one
            options = _range_ends(options, timexes, text)
        if options:
            best = min(a.distance for a in options)
            mention.timexes = [a.timex for a in options if a.distance == best]
            mention.time, mention.dated = time_from(options, best, text)
    return used


#: participles of a comparison with the plan ('earlier than planned', 'later than expected')
THAN_PLANNED = {"plan", "expect", "schedule", "anticipate", "foresee", "intend"}


def _than_planned(verb: Token) -> bool:
    """'earlier than planned': a bare participle of a comparison, with 'than' as its mark."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in THAN_PLANNED
        and verb.dep_ == "advcl"
        and verb.head.tag_ in ("RBR", "JJR")
        and any(c.dep_ == "mark" and c.lower_ == "than" for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    )


def _range_ends(options: list[Attachment], timexes: list[Timex], text: str) -> list[Attachment]:
    """The other end of a range of days the parser hung elsewhere: 'will meet in Dushanbe
    on June 15-17' (the bare '17' climbs to no trigger), 'from 20 to 22 March' (the bare
    '20'). A day timex right before or after an attached one, joined to it as a range
    (``range_in_text``), takes its place among the options at the same distance."""
    taken = {id(a.timex) for a in options}
    ordered = sorted(timexes, key=lambda t: t.start)
    added: list[Attachment] = []
    for attachment in options:
        if attachment.timex.granularity != "day":
            continue
        place = next((n for n, t in enumerate(ordered) if t is attachment.timex), None)
        if place is None:
            continue
        for near in (place - 1, place + 1):
            if not 0 <= near < len(ordered) or id(ordered[near]) in taken:
                continue
            other = Attachment(ordered[near], attachment.distance, None, attachment.root)
            if range_in_text([attachment, other], text) is not None:
                added.append(other)
                taken.add(id(other.timex))
    return options + added


def _when_clause(verb: Token) -> bool:
    """'…, when they met in Baku in May': a past clause of 'when' hung on a verb, whose time
    is the time of the act it hangs on."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBD" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children)


def _inside_subject(doc: Doc, timex: Timex, mention: Mention) -> bool:
    """'A planned visit to Asmara in early November was called off': a date between the
    subject noun and its verb, which the parser hangs on the verb, tells the subject's time."""
    noun, verb = doc[mention.token], doc[mention.clause]
    return (
        noun.dep_ in ("nsubj", "nsubjpass")
        and noun.head.i == verb.i
        and noun.idx < timex.start
        and timex.end <= verb.idx
        and "," not in doc.text[noun.idx : timex.start]
    )


#: words of a plan told in a subject phrase ('a delegation that was due in Bangkok next week')
PLAN_WORDS = re.compile(
    r"\b(?:due|set|planned|scheduled|slated|listed|pencilled|penciled|meant|supposed)\b",
    re.IGNORECASE,
)


def _due_in_subject(doc: Doc, timex: Timex, mention: Mention) -> bool:
    """'A round of talks that had been due to take place this coming weekend was called off
    on Sunday', 'A delegation that was due in Bangkok next week cancelled its trip': a date
    told in the cancelling verb's subject phrase after a word of planning is the time the
    plan had, though the parser hangs it on the verb (the verb's own time comes after it)."""
    verb = doc[mention.clause]
    subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass")]
    if not subjects:
        return False
    start = min(c.left_edge.idx for c in subjects)
    if not start <= timex.start < timex.end <= verb.idx:
        return False
    noun = doc[mention.token]
    if start <= noun.idx < timex.start:
        start = noun.idx  # the plan word qualifies the noun: 'talks that had been due …'
    elif not (noun.head.i == verb.i and noun.i > verb.i):
        return False  # 'a delegation that was due … next week cancelled its trip'
    return PLAN_WORDS.search(doc.text[start : timex.start]) is not None


def _planned_for(root: Token, owner: int) -> bool:
    """'cancelled his visit to Seoul, planned for April 12': the date hangs on a bare
    participle of planning (no subject, no auxiliary) below the verb that owns it, so it is
    the time the event was planned for, not the time of the verb."""
    token = root
    while token.head.i != token.i and token.i != owner:
        if _bare_plan(token):
            return True
        if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN") and _plan_relative(token):
            return True  # 'called off the march it had planned for Wednesday'
        token = token.head
    return False


#: verbs of a relative clause that tells the day a gathering was called or set for
PLAN_RELATIVES = SCHEDULING | {"call"}


def _plan_relative(verb: Token) -> bool:
    """'the march it had planned for Wednesday', 'a strike that had been set for Friday',
    'a rally the party had called for Saturday', 'the meeting we listed for Saturday': a
    relative clause of planning or listing in the past perfect, the passive or the simple
    past with a subject of its own (a plan told as made before), with a 'for' of its own."""
    if verb.lemma_.lower() not in PLAN_RELATIVES | LISTING or verb.tag_ not in ("VBN", "VBD"):
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return False
    if verb.tag_ == "VBD":
        # 'the meeting that we listed for Saturday': a simple past with a subject of its own
        return any(c.dep_ == "nsubj" and c.lower_ not in ("that", "which") for c in verb.children)
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ in ("have", "be") for c in verb.children)


#: verbs of putting an occasion in a calendar ('the meeting we listed for Saturday')
LISTING = {"list", "pencil", "book"}


#: the prepositions of the time a rescheduled event is moved to ('moved from May 4 to June 5')
MOVED_TO_PREPS = {"to", "until", "till", "into"}


def _moved_to(options: list[Attachment], doc: Doc, verb: int) -> list[Attachment]:
    """'has been moved from October 14 to November 5': the new time is the 'to' end, not a
    range from the old day to the new one (but 'will now run from May 5 to 7' is one)."""

    def on_verb(attachment: Attachment) -> bool:
        token = doc[attachment.root]  # 'from July 14 to August 5': 'to' may hang on 'from'
        while token.dep_ in ("pobj", "prep") and token.head.i != token.i:
            token = token.head
        return token.i == verb

    moved = [a for a in options if on_verb(a)]
    if not any(a.prep == "from" for a in moved) or not any(a.prep in MOVED_TO_PREPS for a in moved):
        return options
    return [a for a in options if not (a.prep == "from" and on_verb(a))]


def moved_in_time(noun: Token, verb: Token) -> bool:
    """'the meeting has been moved to November 5', '… moved from May 4 to June 5': the
    passive verb of 'move' whose subject is the event moves it in time (a date after one of
    its prepositions), not only in place ('has been moved to Sochi' keeps its day)."""
    if verb.lemma_.lower() != "move" or noun.dep_ != "nsubjpass" or noun.head.i != verb.i:
        return False
    dates = [t for t in verb.doc._.timexes or [] if t.type in ("DATE", "TIME", "DURATION")]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in MOVED_TO_PREPS | {"from"}:
            start, end = prep.idx, prep.right_edge.idx + len(prep.right_edge)
            if any(start <= t.start < end for t in dates):
                return True
    return False


#: grains a day of their own refines ('January 2013 — … phones his counterpart on January 7')
COARSE_GRAINS = {"month", "year"}


def _refined(options: list[Attachment]) -> list[Attachment]:
    """A day inside the one month or year that hangs nearer is the event's own time."""
    if not options:
        return options
    best = min(a.distance for a in options)
    nearest = [a for a in options if a.distance == best]
    if len(nearest) != 1 or nearest[0].timex.granularity not in COARSE_GRAINS:
        return options
    coarse = nearest[0].timex
    days = [
        a
        for a in options
        if a.timex.granularity == "day"
        and a.prep not in WINDOW_PREPS
        and coarse.earliest is not None
        and coarse.latest is not None
        and coarse.earliest <= (a.timex.earliest or "") <= (a.timex.latest or "") <= coarse.latest
    ]
    return days[:1] if len(days) == 1 else options


WINDOW_PREPS = {"since", "before", "after", "until", "till"}
#: a part of day with no day of its own ('in the morning'): the tagger puts it on the DCT,
#: which is not the day of a plan
BARE_PART_OF_DAY = re.compile(
    r"^(?:in\s+|during\s+)?(?:the\s+)?(?:morning|afternoon|evening)$", re.IGNORECASE
)


def window_before(doc: Doc, timex: Timex) -> str | None:
    """'since August last year' parsed with 'year' as the timex's root, hung on the verb:
    the window preposition right before the timex that governs a word of it still opens
    (or closes) the window."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    before = doc[span.start - 1]
    if before.lower_ not in WINDOW_PREPS:
        return None
    governed = any(t.dep_ == "pobj" and t.head.i == before.i for t in span)
    return before.lower_ if governed else None


def _going_home(verb: Token) -> bool:
    return verb.lemma_.lower() in HOME_VERBS and said_going_home(verb)


def _said_on(root: Token) -> Token | None:
    """The reporting verb a date right after it belongs to when the parser hangs the date on
    the reported clause ('said on Monday its aircraft had bombed …': the saying's Monday)."""
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return None
    clause = root.head.head
    speech = clause.head
    if clause.dep_ != "ccomp" or speech.lemma_.lower() not in SPEECH_VERBS:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not speech.i < root.head.i < subject.i:
        return None
    if any(c.lower_ == "that" and c.dep_ == "mark" for c in clause.children):
        return None  # 'said that on Monday its aircraft …': the clause's own day
    between = root.doc[speech.i + 1 : root.head.i]
    return speech if all(t.dep_ in ("dobj", "dative") or t.is_punct for t in between) else None


def planned_on_the_governor(clause: Token) -> Token | None:
    """The verb a clause is the complement of ('decided to cancel his visit'), when that
    verb holds a bare participle of planning ('…, planned for April 12'): the date it gives
    is the plan's; else None."""
    if clause.dep_ != "xcomp" or clause.head.i == clause.i:
        return None
    governor = clause.head
    return governor if any(_bare_plan(c) for c in governor.children) else None


def _bare_plan(token: Token) -> bool:
    """'planned for April 12': a participle of planning with no subject and no auxiliary."""
    return (
        token.tag_ == "VBN"
        and token.dep_ in ("advcl", "acl")
        and token.lemma_.lower() in SCHEDULING
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children)
    )


def _climb(root: Token, table: dict[int, list[Mention]]) -> tuple[int, int, str | None] | None:
    token, distance, prep = root, 0, None
    while token.head.i != token.i:
        if token.dep_ != "conj":
            distance += 1
        if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent"):
            outer = token.head.lower_
            if prep is None or outer in WINDOW_PREPS:
                prep = outer  # 'since the conflict in May 2025': a window from May 2025
        token = token.head
        if token.i in table and distance > 0:
            return token.i, distance, prep
        if _boundary(token):
            return None
    return None


def _boundary(token: Token) -> bool:
    """A clause boundary ends the climb, except 'the visit, which was planned for May'; a
    conjoined reporting verb is one too ('will travel on Monday …, the ministry said on
    Thursday': the parser may hang 'said' on 'travel')."""
    if token.dep_ == "relcl" and token.pos_ == "AUX":
        # 'warheads, which is 30 percent lower than the 2002 limit': a copular relative
        # clause speaks of its noun at its own time, unless it tells a plan ('which is due
        # in May', 'which was set for Monday')
        return not any(
            c.dep_ in ("acomp", "attr", "oprd") and c.lemma_.lower() in PLAN_STATES
            for c in token.children
        ) and not _was_to_be_held(token)
    if token.dep_ == "ccomp" and token.pos_ == "AUX":
        return True  # 'The assembly is to vote on it next year, officials said': the saying's
        # time is not the vote's
    if token.pos_ != "VERB":
        return False
    if token.dep_ == "pcomp" and token.tag_ == "VBG":
        # 'since taking office in October': the gerund's own time; but not the topic of a
        # noun ('opened talks on sharing the rivers' waters on Monday': the talks' day)
        return not (token.head.lower_ in TOPIC_PREPS and token.head.head.pos_ == "NOUN")
    if token.dep_ == "relcl":
        lemma = token.lemma_.lower()
        if _plan_relative(token):
            return False  # 'a rally the party had called for Saturday': the rally's day
        if _made_relative(token):
            return False  # 'a conference it hosted in May 2019': the conference's own time
        return lemma not in SCHEDULING and lemma not in EXTENT_VERBS
    if token.dep_ == "conj":
        return token.lemma_.lower() in SPEECH_VERBS or is_future(token) != is_future(token.head)
    return token.dep_ in ("ROOT", "ccomp")


#: verbs whose object is the event they make happen ('the conference it hosted', 'the
#: treaty they signed', 'the visit he made')
MAKING_VERBS = {
    "host", "hold", "stage", "organise", "organize", "attend", "sign", "conclude", "seal",
    "make", "pay",
}  # fmt: skip


def _made_relative(verb: Token) -> bool:
    """'a donors' conference it hosted in May 2019', 'the treaty they signed in 1997': a
    relative clause in the past whose verb makes its noun happen, the noun being the
    clause's missing object, tells the noun's own time."""
    if verb.lemma_.lower() not in MAKING_VERBS or verb.tag_ not in ("VBD", "VBN"):
        return False
    if verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    subject = any(c.dep_ == "nsubj" and c.lower_ not in ("that", "which") for c in verb.children)
    return subject and all(c.lower_ in ("that", "which") for c in objects)


def _was_to_be_held(aux: Token) -> bool:
    """'a forum that was to open in Nairobi on March 1': a relative clause of 'be to' with a
    verb of holding, opening or running tells the plan's own time, like 'which was due'."""
    if aux.lemma_.lower() != "be":
        return False
    return any(
        c.dep_ == "xcomp"
        and c.lemma_.lower() in EXTENT_VERBS | HELD_VERBS
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in aux.children
    )


#: auxiliaries of a future ('will see him next week')
FUTURE_AUX = {"will", "shall", "'ll", "’ll"}


def is_future(verb: Token) -> bool:
    """'spoke on Tuesday and will see him next week': the second verb's time is its own."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def told_time(timexes: list[Timex], text: str) -> tuple[EventTime, bool]:
    """The time a few timexes of one phrase tell together ('October 28-29', 'Oct. 12-13':
    a day and the bare end day the tagger found after it make one span)."""
    return time_from([Attachment(t, 0, None, 0) for t in timexes], 0, text)


def time_from(options: list[Attachment], best: int, text: str = "") -> tuple[EventTime, bool]:
    """An EventTime from the closest attachments: a point, a range, or an open window."""
    nearest = [a for a in options if a.distance == best]
    starts = [a for a in options if a.prep in RANGE_START]
    ends = [a for a in options if a.prep in RANGE_END and a not in starts]
    ends_in_text = range_in_text(options, text)
    if ends_in_text is not None:
        starts, ends = [ends_in_text[0]], [ends_in_text[1]]
    if starts and ends:
        first, last = starts[0].timex, ends[-1].timex
        value = f"{first.earliest}/{last.latest}"
        return EventTime(value, first.earliest, last.latest, first.granularity), True
    attachment = nearest[0]
    timex, prep = attachment.timex, attachment.prep
    if prep == "since":
        return EventTime(None, timex.earliest, None, None), False
    if prep in ("before", "by") and _end_of_period(timex):
        return _the_period(timex), True
    if prep in ("before", "by"):
        return EventTime(None, None, timex.latest if prep == "by" else timex.earliest, None), False
    if prep in ("after", "following"):
        return EventTime(None, timex.latest, None, None), False
    return point(timex), is_dated(timex)


#: the grains a window closing at the end of its period names whole ('before the end of the
#: year' is the year, 'by the end of July' the month: docs/annotation.md, Time)
PERIOD_GRAINS = {"month", "quarter", "season", "year"}
END_OF = re.compile(r"^the\s+end\s+of\b", re.IGNORECASE)


def _end_of_period(timex: Timex) -> bool:
    """'before the end of the year', 'by the end of the month': a window that closes with a
    month or a year the text names, and so falls within it."""
    return (
        timex.mod == "END"
        and timex.granularity in PERIOD_GRAINS
        and bool(END_OF.match(timex.text))
        and is_dated(timex)
    )


def _the_period(timex: Timex) -> EventTime:
    """The whole period whose end a timex names ('the end of the year': the year)."""
    start = re.sub(r"^(\d{4})$", r"\1-01-01", re.sub(r"^(\d{4}-\d{2})$", r"\1-01", timex.value))
    earliest = start if iso_day(start) is not None else timex.earliest
    return EventTime(timex.value, earliest, timex.latest, timex.granularity)


def range_in_text(options: list[Attachment], text: str) -> tuple[Attachment, Attachment] | None:
    """Two attached day timexes joined in the text as a range, first end first.

    "to" / "until" / "through" need "from" before the first end, or a bare day
    number as the second ("November 10 to 12"); "and" needs "between", a bare day
    number ("July 15 and 16") or the very next day ("on Saturday and Sunday"); a
    dash needs nothing. "in 2019 and 2023" stays two dates.
    """
    ordered = sorted(options, key=lambda a: a.timex.start)
    for first, last in pairwise(ordered):
        if first.timex.granularity != "day" or last.timex.granularity != "day":
            continue
        link = RANGE_LINK.fullmatch(text, first.timex.end, last.timex.start)
        if link is None or first.timex.latest is None or last.timex.earliest is None:
            continue
        if last.timex.earliest <= first.timex.latest:
            continue
        word = (link.group("word") or "").lower()
        before = text[max(0, first.timex.start - 9) : first.timex.start].lower().split()
        opener = before[-1] if before else ""
        first_end, last_start = iso_day(first.timex.latest), iso_day(last.timex.earliest)
        next_day = bool(first_end and last_start and last_start == first_end + timedelta(days=1))
        if word == "and" and opener != "between" and not (last.timex.text.isdigit() or next_day):
            continue  # 'on May 2 and May 4' is two occasions; 'July 15 and 16' is one span
        bare = first.timex.text.isdigit() or last.timex.text.isdigit()
        if word and word != "and" and opener != "from" and not bare:
            continue  # '9 to 12 March' and 'March 9 to 12' are one span either way
        return first, last
    return None


def point(timex: Timex) -> EventTime:
    if timex.granularity == "weekend" and timex.earliest and timex.latest:
        # 'this coming weekend': the Saturday and Sunday, as a span of days (the guide's Time
        # rule writes a weekend so)
        return day_span(date.fromisoformat(timex.earliest), date.fromisoformat(timex.latest))
    return EventTime(timex.value, timex.earliest, timex.latest, timex.granularity)


#: a past a few hours or minutes long, which on the air or the wire is the day itself
_WITHIN_HOURS = re.compile(
    r"\b(?:(?:past|last)\s+(?:few\s+|couple\s+of\s+)?(?:hour|hours|minutes)"
    r"|(?:hour|hours|minutes|moments|(?:short|little)\s+while)\s+ago|earlier\s+today)\b",
    re.IGNORECASE,
)


def within_hours(timex: Timex, dct: date | None, text: str) -> Timex:
    """'said in the past hour' (the tagger's 'the past'), 'minutes ago': a vague past of
    hours is the DCT's day for an event (the tagger's PAST_REF stays the tagger's)."""
    if dct is None or not timex.value.startswith("PAST_REF"):
        return timex
    if not _WITHIN_HOURS.search(text[max(0, timex.start - 12) : timex.end + 16]):
        return timex
    day = dct.isoformat()
    return replace(timex, value=day, mod=None, earliest=day, latest=day, granularity="day")


def day_span(start: date, end: date) -> EventTime:
    """The days from ``start`` to ``end``: one day, or a range of them."""
    if start == end:
        return EventTime(start.isoformat(), start.isoformat(), end.isoformat(), "day")
    return EventTime(
        f"{start.isoformat()}/{end.isoformat()}", start.isoformat(), end.isoformat(), "day"
    )


def one_day(time: EventTime) -> bool:
    """A time within one calendar day ('2019-04-16', '2019-04-16TAF', '2019-04-16T08:50')."""
    return bool(time.earliest) and (time.earliest or "")[:10] == (time.latest or "")[:10]


def is_dated(timex: Timex) -> bool:
    """True when the timex fixes a day, month, season or year (not 'recently')."""
    if timex.value.startswith(UNDATED_PREFIXES) or "X" in timex.value:
        return False
    return timex.mod in DATED_MODS and timex.earliest is not None


#: how a date names the thing it modifies: 'the 1995 Mekong Agreement', 'a 2007 accord'
NAMING_DEPS = {"nummod", "compound", "amod", "npadvmod", "poss"}


def named_by_date(noun: Token, doc: Doc, timexes: list[Timex]) -> Timex | None:
    """A dated timex that modifies ``noun`` itself ('the 2016 peace agreement'), not a
    phrase after it."""
    for timex in timexes:
        root = timex_root(doc, timex)
        if root is None or not is_dated(timex):
            continue
        while root.dep_ in NAMING_DEPS and root.head.i != noun.i and root.head.i != root.i:
            root = root.head
        if root.dep_ in NAMING_DEPS and root.head.i == noun.i:
            return timex
    return None


def antecedent_dates(mentions: list[Mention], doc: Doc, timexes: list[Timex]) -> None:
    """'The 1995 Mekong Agreement, which Laos and Vietnam signed in Chiang Rai': an undated
    relative clause takes the date that names its antecedent."""
    for mention in mentions:
        token = doc[mention.token]
        if mention.dated or token.dep_ != "relcl" or token.pos_ != "VERB":
            continue
        timex = named_by_date(token.head, doc, timexes)
        if timex is not None:
            mention.timexes, mention.time, mention.dated = [timex], point(timex), True


#: events that last once done, so that undoing them tells they happened ('scrap the 1953
#: armistice agreement', 'lift the 2017 sanctions')
LASTING_TYPES = {"AGREE", "SANCTION"}


def own_past_date(mention: Mention, doc: Doc, dct: date) -> None:
    """'would scrap the 1953 armistice agreement': a nominal named by a date before the DCT
    happened then, whatever the clause around it says of it now (a 'cancelled' or
    'planned' of its own still decides, and a meeting or visit called off never took
    place)."""
    token = doc[mention.token]
    if mention.status not in ("planned", "possible", "negated") or mention.clause == token.i:
        return
    if mention.status == "negated" and mention.type not in LASTING_TYPES:
        return  # 'the November summit was called off': it never took place
    latest = iso_day(mention.time.latest)
    if latest is None or latest >= dct or token.pos_ not in ("NOUN", "PROPN"):
        return
    for child in token.children:
        if child.dep_ == "det" and child.lower_ == "no":
            return
        if child.dep_ in ("amod", "acl") and child.tag_ in ("VBN", "VBD", "VBG"):
            return  # 'the cancelled 2012 summit', 'the planned 2019 visit'
    if named_by_date(token, doc, mention.timexes) is not None:
        mention.status, mention.cue = "occurred", "own past date"


LEG_PREPS = ("to", "in")
LEG_ENDS = {",", ";", ".", "and", "but", "then", "before", "after"}


def split_legs(
    mentions: list[Mention], doc: Doc, index: MentionIndex, timexes: list[Timex]
) -> list[Mention]:
    """'will travel to Lisbon on October 14-16 and to Madrid on October 28-29', 'will be in
    Lisbon … and in Madrid …': a trip's second destination, told in a 'to' or 'in' phrase
    coordinated with the first and dated on its own, is a visit of its own with that date."""
    out: list[Mention] = []
    for mention in mentions:
        out.append(mention)
        if mention.type != "VISIT" or pos_class(doc[mention.token]) != "verb":
            continue
        codes = {r.country for r in mention.targets if r.country}
        for prep in doc[mention.token].subtree:
            if prep.dep_ != "conj" or prep.lower_ not in LEG_PREPS:
                continue
            place = next(
                (index.place(p) for p in prep.children if p.dep_ == "pobj" and index.place(p)),
                None,
            )
            if place is None or not place.country or place.country in codes:
                continue
            last = prep.right_edge
            while last.i + 1 < len(doc) and not doc[last.i + 1].is_sent_start:
                if doc[last.i + 1].lower_ in LEG_ENDS:
                    break
                last = doc[last.i + 1]  # 'and in Madrid on October 28-29': its date too
            lo, hi = prep.idx, last.idx + len(last)
            own = [t for t in timexes if lo <= t.start < hi and is_dated(t)]
            if not own:
                continue
            time, _ = told_time(own, doc.text)  # 'October 28-29': one span
            leg = replace(
                mention,
                targets=[Ref(place.country, "place", place.country, prep.idx, place)],
                location=place,
                timexes=own,
                time=time,
                dated=True,
                candidates=[],
            )
            if any(t in own for t in mention.timexes):
                # the first leg keeps its own date: 'in Tokyo on October 14 and in Beijing …'
                mention.timexes = [t for t in mention.timexes if t not in own]
                if mention.timexes:
                    span = mention.time
                    mention.time, mention.dated = told_time(mention.timexes, doc.text)
                    if _first_leg_span(span, mention.time, own):
                        # 'in Lisbon on October 14-16 and in Madrid …': the bare '16' the
                        # span was joined with is no timex of the mention's
                        mention.time = span
            codes.add(place.country)
            out.append(leg)
    return out


def _first_leg_span(span: EventTime, time: EventTime, own: list[Timex]) -> bool:
    """Whether the span a trip's first leg had is its own: a range of days that starts on
    the leg's remaining day and ends before the second leg's first day."""
    firsts = [t.earliest for t in own if t.earliest]
    return (
        span.granularity == "day"
        and span.earliest == time.earliest
        and span.latest is not None
        and span.earliest is not None
        and span.earliest < span.latest
        and time.latest == time.earliest
        and bool(firsts)
        and span.latest < min(firsts)
    )


#: the end of a stay told right after the day it began: 'arrived on Monday and leaves on
#: Wednesday evening' (the parser may read 'leaves' as a noun, so the words decide)
LEFT_AFTER = re.compile(
    r"\s*,?\s+and\s+(?:leaves|left|departs|departed|returns|returned)"
    r"(?:\s+(?:for|to)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)?\s+on\s+(?:the\s+)?$"
)


def split_coordinated(mention: Mention, text: str = "") -> list[Mention]:
    """'visited Russia in 2019 and 2023' → one mention per year; 'went to Bogota on
    February 9 and stayed until Sunday', 'arrived on Monday and leaves on Wednesday' is one
    stay from the first day to the last."""
    dated = sorted((t for t in mention.timexes if is_dated(t)), key=lambda t: t.start)
    if len(dated) < 2 or "/" in (mention.time.value or ""):
        return [mention]
    first, last = dated[0], dated[-1]
    until = text[max(0, last.start - 8) : last.start].split()
    going = len(dated) == 2 and bool(LEFT_AFTER.match(text, first.end, last.start))
    if going or (until and until[-1].lower() in ("until", "till", "through")):
        if first.earliest and last.latest and first.earliest < last.latest:
            value = f"{first.earliest}/{last.latest}"
            mention.time = EventTime(value, first.earliest, last.latest, first.granularity)
            mention.dated = True
        return [mention]
    return [replace(mention, timexes=[t], time=point(t), dated=True) for t in dated]


#: cues of a verb told in the past ('signed', 'was suspended', 'has met')
PAST_TENSE_CUES = {"past tense", "past passive", "perfect"}
WEEKDAY_WORDS = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
MONTH_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)
YEAR_DIGITS = re.compile(r"\b\d{4}\b|'\d{2}\b")


def past_reading(mention: Mention, doc: Doc, dct: date) -> None:
    """A verb told in the past whose own date names no year ('suspended permits on March
    28', 'signed on Wednesday') happened at the last such date up to the DCT, not at the
    next one the tagger may have read forward: a weekday goes back a week, a month-day or
    month a year."""
    if mention.status != "occurred" or mention.cue not in PAST_TENSE_CUES:
        return
    if mention.clause != mention.token or doc[mention.token].tag_ not in ("VBD", "VBN"):
        return  # 'announced a rally for Friday', 'called a strike for May 25 to protest …':
        # the tense is another verb's
    if len(mention.timexes) != 1 or not mention.dated:
        return
    timex = mention.timexes[0]
    earliest = iso_day(mention.time.earliest)
    if earliest is None or earliest <= dct or YEAR_DIGITS.search(timex.text):
        return
    if WEEKDAY_WORDS.search(timex.text) and timex.granularity == "day":
        back = _shifted(mention.time, days=7)
    elif MONTH_WORDS.search(timex.text) and timex.granularity in ("day", "month"):
        back = _shifted(mention.time, years=1)
    else:
        return
    if back is not None and (iso_day(back.latest) or dct) <= dct:
        mention.time = back


def _shifted(time: EventTime, days: int = 0, years: int = 0) -> EventTime | None:
    """The same time ``days`` days or ``years`` years earlier (values of days or months)."""
    start, end = iso_day(time.earliest), iso_day(time.latest)
    if start is None or end is None or time.value is None:
        return None
    try:
        if years:
            start, end = start.replace(year=start.year - years), end.replace(year=end.year - years)
        else:
            start, end = start - timedelta(days=days), end - timedelta(days=days)
    except ValueError:  # 29 February
        return None
    if time.granularity == "day" and "/" in time.value:
        # 'the November 19-20 dates had been fixed': both ends move, not only the first
        return day_span(start, end)
    head = time.value[:10] if time.granularity == "day" else time.value[:7]
    moved = start.isoformat()[: len(head)]
    value = moved + time.value[len(head) :]
    return EventTime(value, start.isoformat(), end.isoformat(), time.granularity)


def refine_status(mention: Mention, dct: date) -> None:
    """Tense said 'present' or nothing: let the event's own time decide."""
    earliest, latest = iso_day(mention.time.earliest), iso_day(mention.time.latest)
    weak = mention.cue in (
        "present tense",
        "present",
        "progressive",
        "nominal",
        "caption",
        AHEAD_CUE,
    )
    if not weak and not (mention.cue in PRESUPPOSED and earliest and earliest > dct):
        return
    if earliest is not None and earliest > dct:
        mention.status, mention.cue = "planned", f"{mention.cue} + future time"
    elif latest is not None and latest < dct:
        mention.status, mention.cue = "occurred", f"{mention.cue} + past time"
    elif mention.cue in ("nominal", "caption"):
        mention.status = "occurred"


def carry_out(thing: Mention | Event, dct: date, carried_out: Collection[str]) -> bool:
    """'organized Tuesday's rally' read on that Tuesday: a plan told by a verb of carrying
    out, dated no later than the DCT, was carried out; True when the status changed."""
    carried = thing.status == "planned" and thing.cue in carried_out and thing.dated
    if carried and (thing.time.latest or "9999") <= dct.isoformat():
        thing.status, thing.cue = "occurred", f"{thing.cue} + past time"
        return True
    return False


PRESUPPOSED = ("after", "following", "since", "amid", "during", "anniversary")


#: units of 'It is four years today since …', in months
_SINCE_UNITS = {"year": 12, "month": 1}


def since_today(mention: Mention, doc: Doc, dct: date) -> None:
    """'It is four years today since Russia launched its invasion': an undated act in a
    'since' clause of a span counted to this very day happened that many years (months)
    before the DCT, to the day."""
    if mention.dated or mention.timexes:
        return
    verb = doc[mention.clause]
    if verb.dep_ != "advcl" or not any(c.lower_ == "since" for c in verb.children):
        return
    main = verb.head
    if main.lemma_ != "be" or not any(c.lower_ == "today" for c in main.children):
        return
    for span in main.children:
        months = _SINCE_UNITS.get(span.lemma_.lower())
        count = next((c for c in span.children if c.dep_ == "nummod"), None) if months else None
        number = NUMBER_WORDS.get(count.lower_) if count is not None else None
        if count is not None and number is None and count.lower_.isdigit():
            number = int(count.lower_)
        if months and number:
            day = _months_before(dct, months * number)
            if day is not None:
                mention.time, mention.dated = day_span(day, day), True
            return


def _months_before(day: date, months: int) -> date | None:
    """The same day ``months`` months earlier (the month's last day when it has fewer)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    if year < 1:
        return None
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def default_window(mention: Mention, dct: date) -> None:
    """Open windows: an occurred event ends by the DCT, a planned one starts from it."""
    time = mention.time
    if mention.status == "occurred" and time.latest is None:
        mention.time = replace(time, latest=dct.isoformat())
    elif mention.status in ("planned", "possible") and time.earliest is None:
        mention.time = replace(time, earliest=dct.isoformat())


NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
BEGIN_VERBS = {"begin", "start", "kick", "launch", "embark"}
#: verbs whose day is the last of what they end ('wrapped up a two-day visit on Wednesday')
ENDING_VERBS = {"end", "conclude", "wrap up", "finish", "close", "complete", "round off"}
RECENT_DAYS = 2  # 'began a visit on Saturday', reported by Monday: still under way


UNIT_DAYS = {"day": 1, "week": 7}


HOURS_PER_DAY = 24


def _count(unit: Token) -> int | None:
    """The number a unit of time counts ('48' of '48-hour', 'three' of 'three-day')."""
    for number in unit.children:
        if number.dep_ == "nummod":
            word = number.lower_
            return NUMBER_WORDS.get(word) or (int(word) if word.isdigit() else None)
    return None


def duration_days(noun: Token) -> int | None:
    """'a three-day visit' → 3, 'a two-week visit' → 14, 'a week-long tour' → 7 (spaCy
    splits 'three-day' into three tokens); 'two days (of talks)' → 2."""
    own = UNIT_DAYS.get(noun.lemma_.lower(), 0)
    for number in noun.children if own else ():
        if number.dep_ == "nummod":
            word = number.lower_
            count = NUMBER_WORDS.get(word) or (int(word) if word.isdigit() else None)
            return count * own if count else None
    for child in noun.children:
        if child.lower_ == "long" and child.dep_ == "amod":
            units = [c for c in child.children if c.lemma_.lower() in UNIT_DAYS]
            if units:
                return UNIT_DAYS[units[0].lemma_.lower()]  # 'a week-long tour'
        if child.lemma_.lower() == "hour" and child.dep_ in ("compound", "amod", "nmod"):
            hours = _count(child)  # 'a 48-hour strike': two days
            return hours // HOURS_PER_DAY if hours and hours % HOURS_PER_DAY == 0 else None
        unit = UNIT_DAYS.get(child.lemma_.lower())
        if unit is None or child.dep_ not in ("compound", "amod", "nmod"):
            continue
        for number in child.children:
            if number.dep_ == "nummod":
                word = number.lower_
                count = NUMBER_WORDS.get(word) or (int(word) if word.isdigit() else None)
                return count * unit if count else None
    return None


def _through_start(prep: Token) -> list[Token]:
    """The objects of a preposition, looking through 'the start of' ('arrived … at the start
    of a week-long tour')."""
    found = []
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        found.append(pobj)
        if pobj.lemma_.lower() in ("start", "beginning", "outset", "first leg"):
            for of in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"):
                found += [c for c in of.children if c.dep_ == "pobj"]
    return found


def _stated_length(token: Token) -> int | None:
    """Length of the visit itself or of its purpose ('arrived … for a three-day visit'), or
    of the days it fills ('held two days of talks', 'after three days of talks')."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i != token.i:
        filled = duration_days(token.head.head)
        if filled is not None:
            return filled
    # 'returned on Thursday from a four-day visit': the length of the trip ended
    preps = ("for", "at", "on", "from") if token.lemma_.lower() == "return" else ("for", "at", "on")
    nouns = [token] + [
        pobj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in _through_start(prep)
    ]
    return next((d for d in map(duration_days, nouns) if d is not None), None)


#: verbs of going home at the end of a stay
HOME_VERBS = {"return", "leave", "depart", "fly"}
#: words that put a verb after them in the future ('is due to return', 'is to leave')
DUE_WORDS = {"due", "expect", "schedule", "set", "be"}
#: how many days before the DCT a stay that ends after it may have begun
STAY_WINDOW_DAYS = 7


def _due_home(event: Event, mentions: list[Mention], doc: Doc, dct: date) -> date | None:
    """The day after the DCT the visitor of an arrival is due to go home, as its sentence
    says ('… and is due to return to Kampala on Thursday', 'will leave on Friday')."""
    timexes = list(doc._.timexes or [])
    for mention in mentions:
        token = doc[mention.token]
        for verb in token.sent:
            if not (verb.lemma_.lower() in HOME_VERBS or _stays_until(verb)) or verb.i == token.i:
                continue
            due = is_future(verb) or (
                verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DUE_WORDS
            )
            due = due or verb.tag_ in ("VBZ", "VBP")  # 'he flies home tomorrow'; the day decides
            if not due:
                continue
            for timex in timexes:
                root = timex_root(doc, timex)
                if root is None or verb not in (root.head, root.head.head):
                    continue
                day = iso_day(timex.latest) if timex.granularity == "day" else None
                if day is not None and day >= dct:
                    return day  # 'returns on Wednesday', read on Wednesday: still there
    return None


def _stays_until(verb: Token) -> bool:
    """'will stay until Sunday': the day told is the one the visitor leaves."""
    lasting = verb.lemma_.lower() in ("stay", "remain")
    return lasting and any(c.lower_ in ("until", "till", "through") for c in verb.children)


#: subjects of a verb conjoined to an arrival that are the arriving visitor again
SAME_TRAVELLER = {"he", "she", "they"}


def _later_act(verb: Token) -> bool:
    """'arrived in Quito on Monday and on Tuesday she held talks …': a past act conjoined to
    an arrival with no subject of its own, or a pronoun, is the visitor's, in the stay."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBD":
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return all(c.lower_ in SAME_TRAVELLER for c in subjects)


def _left_after(mentions: list[Mention], doc: Doc, start: date, dct: date) -> date | None:
    """The later day, up to the DCT, on which the visitor of an arrival left, as a verb
    conjoined to the arrival says ('arrived on Tuesday and left on Wednesday evening'), or
    the latest day of an act of the visitor's conjoined to it ('… and on Tuesday she held
    talks'), within a stay's window."""
    timexes = list(doc._.timexes or [])
    latest = None
    for mention in mentions:
        token = doc[mention.token]
        if token.lemma_.lower() != "arrive":
            continue
        for verb in token.children:
            if verb.dep_ != "conj" or is_future(verb):
                continue
            home = verb.lemma_.lower() in HOME_VERBS
            if not (home or _later_act(verb)):
                continue
            for timex in timexes:
                root = timex_root(doc, timex)
                if root is None or verb not in (root.head, root.head.head):
                    continue
                day = iso_day(timex.latest) if timex.granularity in DAY_GRAINS else None
                if day is None or not start < day <= dct:
                    continue
                if home:
                    return day
                if (day - start).days <= STAY_WINDOW_DAYS and (latest is None or day > latest):
                    latest = day
    return latest


def _began_on(noun: Token, doc: Doc) -> date | None:
    """The day a relative clause of beginning gives the event it ends ('an official visit …,
    which he began on Monday 20 October')."""
    # the parser may hang the clause on the noun's last word ('a visit to Peru, which …')
    clauses = [c for c in noun.subtree if c.dep_ == "relcl" and c.lemma_.lower() in BEGIN_VERBS]
    for timex in doc._.timexes or [] if clauses else []:
        root = timex_root(doc, timex)
        if root is None or timex.granularity not in DAY_GRAINS:
            continue
        if root.head in clauses or root.head.head in clauses:
            return iso_day(timex.earliest)
    return None


def _just_arrived(event: Event, mentions: list[Mention], doc: Doc) -> bool:
    """'Bush has arrived in Seoul', with no date of its own: the present perfect of an
    arrival says the visitor is there now."""
    if event.dated:
        return False
    for mention in mentions:
        token = doc[mention.token]
        if token.lemma_.lower() == "arrive" and present_perfect(token):
            return True
    return False


def _length_from_today(event: Event, mentions: list[Mention], doc: Doc, dct: date) -> int | None:
    """The stated length of a stay that a present-perfect arrival with no day of its own
    opens ('has arrived in Tehran for a two-day visit'), when the visit is undated or on the
    DCT alone: the arrival is today's."""
    on_dct = event.time.value == dct.isoformat()
    if event.dated and not on_dct:
        return None
    for mention in mentions:
        token = doc[mention.token]
        if token.lemma_.lower() != "arrive" or not present_perfect(token):
            continue
        if any(is_dated(t) and t.value != dct.isoformat() for t in mention.timexes):
            continue  # 'has arrived … after landing on Sunday': a day of its own
        days = _stated_length(token)
        if days is not None and days > 1:
            return days
    return None


#: how many days after an arrival with no departure told the visitor is still there
ARRIVAL_DAYS = 1


def _arrived_lately(
    event: Event, mentions: list[Mention], doc: Doc, start: date, dct: date
) -> bool:
    """A visit told by its arrival on the DCT or the day before, whose sentence tells no
    departure ('arrived in Baku on Monday', read on Tuesday), is under way."""
    if not 0 <= (dct - start).days <= ARRIVAL_DAYS:
        return False
    arrivals = [doc[m.token] for m in mentions if doc[m.token].lemma_.lower() == "arrive"]
    if not arrivals or len(arrivals) < len(mentions):
        return False  # the visit is told otherwise too ('ended a visit …')
    if any(_stated_length(a) is not None for a in arrivals):
        return False  # 'arrived on Monday for a one-day visit': its length decides
    return not any(
        t.lemma_.lower() in HOME_VERBS and not _ahead(t) for a in arrivals for t in a.sent
    )


def _ahead(verb: Token) -> bool:
    """'… and will visit a base on Friday before flying home': a going home the sentence
    puts after a future act (or told due) is still to come, no departure told."""
    token = verb
    for _ in range(4):
        if is_future(token) or token.lemma_.lower() == "due":
            return True
        if token.head.i == token.i or token.dep_ not in ("pcomp", "prep", "advcl", "xcomp"):
            return False
        token = token.head
    return False


def present_perfect(token: Token) -> bool:
    """'has arrived', 'have been invited': a participle with a present 'have'."""
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    return token.tag_ == "VBN" and any(
        a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes
    )


#: events that last a stated number of days ('a four-day visit', 'the three-day talks')
LASTING = {"VISIT", "MEET", "PROTEST"}
#: grains that fix the day an event starts ('on Monday', 'on Wednesday evening')
DAY_GRAINS = {"day", "time"}


def under_way(event: Event, mentions: list[Mention], doc: Doc, dct: date) -> None:
    """A visit that began shortly before the DCT, or a visit, meeting or strike whose stated
    length covers it ('opened the three-day talks on Monday', read on Monday), is ongoing."""
    arrived = event.type == "VISIT" and event.status == "occurred"
    if arrived and _just_arrived(event, mentions, doc):
        event.status, event.cue = "ongoing", "has arrived"
    if event.type == "VISIT" and event.status == "ongoing":
        days = _length_from_today(event, mentions, doc, dct)
        if days is not None:
            # 'has arrived in Dhaka for a three-day visit': today and the days after it
            event.time, event.dated = day_span(dct, dct + timedelta(days=days - 1)), True
            return
    start = iso_day(event.time.earliest) if event.time.granularity in DAY_GRAINS else None
    if event.type not in LASTING or event.status != "occurred" or start is None or start > dct:
        return
    home = _due_home(event, mentions, doc, dct) if event.type == "VISIT" else None
    if home is not None and (dct - start).days <= STAY_WINDOW_DAYS:
        # 'arrived in Kisumu on Sunday and is due to return to Kampala on Thursday'
        value = f"{start.isoformat()}/{home.isoformat()}"
        event.time = EventTime(value, start.isoformat(), home.isoformat(), "day")
        event.status, event.cue = "ongoing", "due home"
        return
    left = _left_after(mentions, doc, start, dct) if event.type == "VISIT" else None
    if left is not None:
        # 'arrived in Tokyo on Tuesday and left for New Delhi on Wednesday': the whole stay
        event.time, event.dated = day_span(start, left), True
        return
    for mention in mentions:
        days = _stated_length(doc[mention.token])
        clause = doc[mention.clause]
        first = _began_on(doc[mention.token], doc) if governor_key(clause) in ENDING_VERBS else None
        if first is not None and first < start:
            # 'concluded on Tuesday an official visit …, which he began on Monday'
            event.time, event.dated = day_span(first, start), True
            return
        ending = (
            governor_key(clause) in ENDING_VERBS
            or at_the_end_of(doc[mention.token], clause)
            or returned_from(doc[mention.token], mention.trigger)
        )  # 'returned on Thursday from a four-day visit to India': Thursday is its last day
        if days is not None and days > 1 and ending:
            # 'wrapped up a two-day state visit on Wednesday': the day told is the last one
            event.time, event.dated = day_span(start - timedelta(days=days - 1), start), True
            return
        if days is not None and dct <= start + timedelta(days=days - 1):
            end = start + timedelta(days=days - 1)
            value = f"{start.isoformat()}/{end.isoformat()}"
            event.time = EventTime(value, start.isoformat(), end.isoformat(), "day")
            event.status, event.cue, event.dated = "ongoing", f"{days}-day visit", True
            return
        if days is not None and days > 1 and event.time.latest == event.time.earliest:
            # 'held two days of talks' from a day before the DCT: the days it filled
            event.time, event.dated = day_span(start, start + timedelta(days=days - 1)), True
            return
        if event.type != "VISIT":
            continue
        clause = doc[mention.clause]
        began = clause.i != mention.token and clause.lemma_.lower() in BEGIN_VERBS
        if began and (dct - start).days <= RECENT_DAYS:
            event.time = EventTime(None, start.isoformat(), None, None)
            event.status, event.cue, event.dated = "ongoing", clause.lemma_.lower(), False
            return
    if event.type == "VISIT" and _arrived_lately(event, mentions, doc, start, dct):
        # 'arrived in Santiago late last night', read the next day: the visitor is there
        event.status, event.cue = "ongoing", "arrived"
        return


def planned_span(event: Event, mentions: list[Mention], doc: Doc) -> None:
    """'will arrive in Chisinau on Monday for two days of talks', 'opens a three-day visit
    on Monday': a planned (or called-off) visit, meeting or strike that starts on a stated
    day and lasts a stated number of days spans them."""
    if event.type not in LASTING or event.status not in ("planned", "negated"):
        return  # a plan called off keeps the days it was planned for
    if event.time.granularity not in DAY_GRAINS:
        return
    start = iso_day(event.time.earliest) if event.time.earliest else None
    if start is None or event.time.latest != event.time.earliest:
        return  # no day, or a range already
    until = _told_as_end(mentions, event.time.earliest or "", doc.text)
    for mention in mentions:
        days = _stated_length(doc[mention.token])
        if days is not None and days > 1:
            first = _days_later(start, 1 - days) if until else None
            if first is not None:
                # 'begins a three-day state visit, until March 15': the day told is the last
                event.time = day_span(first, start)
                return
            end = _days_later(start, days - 1)
            if end is None:
                return
            event.time = day_span(start, end)  # days > 1: a range
            return
    home = _home_day(event, mentions, doc, start)
    if home is not None:
        event.time = day_span(start, home)


#: a day the text names as the last of a stay, right after it ('on Thursday, the last day of
#: her visit')
LAST_DAY_AFTER = re.compile(r"\s*,\s*the\s+(?:last|final|closing)\s+day\s+of\s+", re.IGNORECASE)


def days_of_a_stay(event: Event, mentions: list[Mention], doc: Doc, dct: date) -> None:
    """'signed agreements on Wednesday, on the second day of Figueira's state visit': a visit
    told by its Nth day began N-1 days before that day; it ends on that day when the phrase
    calls it the last ('the second and last day'), on a day the text calls the last ('on
    Thursday, the last day of her visit'), else, under way, no earlier than the DCT."""
    if event.type != "VISIT" or event.status not in ("occurred", "ongoing"):
        return
    if event.time.granularity in DAY_GRAINS and event.time.earliest != event.time.latest:
        return  # a span already ('arrived … for a three-day visit')
    for mention in mentions:
        day = day_of_visit(doc[mention.token])
        if day is None:
            continue
        ordinals = [ORDINAL_DAYS[c.lower_] for c in day.subtree if c.lower_ in ORDINAL_DAYS]
        counted = [n for n in ordinals if n > 0]
        start, end = mention.sentence
        told = {
            iso_day(t.earliest)
            for t in doc._.timexes or []
            if start <= t.start < end and t.earliest == t.latest and t.granularity in DAY_GRAINS
        }
        if len(counted) != 1 or len(told) != 1:
            continue  # 'the first day', or no one day the phrase counts from
        [on] = told
        if on is None or on > dct:
            continue
        first = on - timedelta(days=counted[0])
        last = on if -1 in ordinals else _last_day_told(mentions, doc, on)
        if last is None and event.status == "ongoing":
            last = max(on, dct)  # still there: at least to the DCT
        if last is not None and first < last:
            event.time, event.dated = day_span(first, last), True
        return


#: nouns of a stay a day may be called the last of
STAY_NOUNS = {"visit", "trip", "stay", "tour"}


def _last_day_told(mentions: list[Mention], doc: Doc, after: date) -> date | None:
    """A day within a week after ``after`` that the text calls the last of the stay ('is due
    to travel to Cape Town on Thursday, the last day of her visit')."""
    nouns = {m.token for m in mentions}
    for timex in doc._.timexes or []:
        day = iso_day(timex.latest) if timex.granularity in DAY_GRAINS else None
        said = LAST_DAY_AFTER.match(doc.text, timex.end)
        if day is None or said is None or day <= after or (day - after).days > STAY_WINDOW_DAYS:
            continue
        # the stay's noun, past a possessive or an article ('her visit', 'the visit')
        noun = next((t for t in doc if t.idx >= said.end() and t.pos_ == "NOUN"), None)
        if noun is not None and (noun.i in nouns or noun.lemma_.lower() in STAY_NOUNS):
            return day
    return None


#: how many days a planned stay told by its arrival and its return may last
HOME_WITHIN_DAYS = 14


def _home_day(event: Event, mentions: list[Mention], doc: Doc, start: date) -> date | None:
    """The later day a planned visit's traveller goes home, as a verb joined to the visit's
    own verb says ('plans to fly in on November 4 and return to Canberra on November 6',
    'will fly to New York on Saturday …, returning on Monday')."""
    if event.type != "VISIT" or event.status != "planned":
        return None
    timexes = list(doc._.timexes or [])
    for mention in mentions:
        token = doc[mention.token]
        for verb in token.children:
            if verb.dep_ not in ("conj", "advcl") or verb.lemma_.lower() not in HOME_VERBS:
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                continue  # '… and the minister will return on Friday': someone else
            for timex in timexes:
                root = timex_root(doc, timex)
                if root is None or verb not in (root.head, root.head.head):
                    continue
                day = iso_day(timex.latest) if timex.granularity == "day" else None
                if day is not None and 0 < (day - start).days <= HOME_WITHIN_DAYS:
                    return day
    return None


#: words before a day that make it the last day of what lasts ('until March 15', '(to March 11)')
UNTIL_DAY = re.compile(r"(?:\b(?:until|till|through|to)|\(to)\s+$", re.IGNORECASE)


def _told_as_end(mentions: list[Mention], day: str, text: str) -> bool:
    """Whether the event's day comes from a timex told as the end of a stay ('until March
    15'), with no start day beside it."""
    days = [t for m in mentions for t in m.timexes if t.earliest == day]
    return bool(days) and all(UNTIL_DAY.search(text, max(0, t.start - 8), t.start) for t in days)


#: a sentence saying that the plan it tells has no date yet ('but no date has been set')
NO_DATE_SET = re.compile(
    r"\bno (?:new |firm |fixed )?date(?: or venue)?(?: (?:has|had|was|is) (?:yet )?(?:been )?)?"
    r"(?:set|fixed|given|announced|agreed|named)\b",
    re.IGNORECASE,
)


def no_date_set(event: Event, mentions: list[Mention], doc: Doc, dct: date) -> None:
    """'has accepted an invitation to make a state visit …, but no date has been set': a
    plan its own sentence says is undated keeps no time another mention lent it."""
    if event.status not in ("planned", "possible") or not event.dated:
        return
    text = doc.text
    undated = [m for m in mentions if NO_DATE_SET.search(text, *m.sentence)]
    if undated and not any(_own_period(m, event.time) for m in undated):
        event.time, event.dated = EventTime(None, dct.isoformat(), None, None), False


def _own_period(mention: Mention, time: EventTime) -> bool:
    """'will travel to Algiers before the end of the year, though no date has been set': a
    month or a year the sentence itself gives the plan is no date set, and stays."""
    start, end = mention.sentence
    return time.granularity in PERIOD_GRAINS and any(
        t.value == time.value and start <= t.start < end for t in mention.timexes
    )


def _days_later(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None  # past year 9999 or before year 1


#: how far before the DCT a day restated for the lead's event may lie ('has ratified …'
#: then 'The Duma voted Tuesday'): a news lead in the present perfect tells of the last days
LEAD_RECENT_DAYS = 7
#: how many sentences after the lead may restate its event with the day ('has issued a
#: statement …' then 'The ministry also warned Saturday')
LEAD_RESTATED_WITHIN = 2


def _recent_day(timex: Timex, dct: date) -> str | None:
    """The day of a timex naming one day in the week up to the DCT ('Tuesday', 'today')."""
    if timex.type not in ("DATE", "TIME") or not is_dated(timex):
        return None
    day = iso_day(timex.earliest) if timex.earliest else None
    last = iso_day(timex.latest) if timex.latest else None
    if day is None or last != day or not 0 <= (dct - day).days <= LEAD_RECENT_DAYS:
        return None
    return day.isoformat()


def date_lead(
    pairs: list[tuple[list[Mention], Event]],
    mentions: list[Mention],
    doc: Doc,
    timexes: list[Timex],
    dct: date,
) -> None:
    """An undated event of the lead sentence in the present perfect ('Chavez has severed
    relations with Colombia') takes the recent day on which the article restates it ('made
    the announcement on national television Thursday'): first a day in a later sentence of
    the same event, else a day in the next sentences where one of its participants acts
    ('The ministry also warned Saturday')."""
    # the lead and the sentences after it, without splitting the whole article
    sentences = list(islice(doc.sents, 1 + LEAD_RESTATED_WITHIN))
    if not sentences:
        return
    lead = (sentences[0].start_char, sentences[0].end_char)
    following = [(s.start_char, s.end_char) for s in sentences[1 : 1 + LEAD_RESTATED_WITHIN]]
    for group, event in pairs:
        first = group[0]
        if event.dated or event.status not in ("occurred", "ongoing"):
            continue
        if not lead[0] <= first.sentence[0] < lead[1]:
            continue
        if not present_perfect(doc[first.clause]) and not present_perfect(doc[first.token]):
            continue
        spans = sorted({m.sentence for m in group if m.sentence[0] >= lead[1]})
        people = {r.id for m in group for r in m.sources}
        spans += [
            span
            for span in following
            if span not in spans
            and any(
                span[0] <= m.sentence[0] < span[1] and {r.id for r in m.sources} & people
                for m in mentions
            )
        ]
        day = next(
            (
                found
                for start, end in spans
                for timex in timexes
                if start <= timex.start < end and (found := _recent_day(timex, dct))
            ),
            None,
        )
        if day is not None:
            event.time, event.dated = EventTime(day, day, day, "day"), True
            event.cue = f"{event.cue} + day restated"


#: verbs that give notice of an act ('the ministry said on Monday', 'informed the embassy
#: yesterday that it had declared …')
NOTICE_VERBS = {"say", "announce", "inform", "tell", "notify", "confirm"}
#: measures a state takes and makes known (an expulsion, sanctions, a protest note); an
#: invitation or an agreement in the perfect is a standing state whose files keep it
#: undated ('has invited him to visit', 'has agreed to …, the ministry said on Monday')
NOTICED_TYPES = {"SANCTION", "ACCUSE"}


def date_by_notice(
    pairs: list[tuple[list[Mention], Event]], doc: Doc, timexes: list[Timex], dct: date
) -> None:
    """'X has declared a consul persona non grata …, the foreign ministry said on Monday',
    'informed our embassy yesterday that it had declared …': an undated measure in the
    perfect that its own sentence dates only by the notice of it takes the notice's recent
    day (docs/annotation.md, Time: an act dated only by its notice)."""
    for group, event in pairs:
        if event.dated or event.status != "occurred" or event.type not in NOTICED_TYPES:
            continue
        if event.time.earliest is not None:
            continue  # 'has expelled diplomats since 2020': a window of its own
        first = group[0]
        verb = doc[first.clause]
        notice = _notice_of(verb)
        if notice is None or _told_as_repeated(verb, notice):
            continue
        day = next(
            (
                found
                for timex in timexes
                if (root := timex_root(doc, timex)) is not None
                and _dates_the_notice(root, notice)
                and (found := _recent_day(timex, dct))
            ),
            None,
        )
        if day is not None:
            event.time, event.dated = EventTime(day, day, day, "day"), True
            event.cue = f"{event.cue} + dated by its notice"


def _notice_of(verb: Token) -> Token | None:
    """The verb of notice of a perfect act: the trailing attribution of a present perfect
    ('has declared …, the ministry said') or the verb whose content a past perfect is
    ('informed … that it had declared')."""
    if present_perfect(verb):
        head = verb.head
        if verb.dep_ == "ccomp" and head.i > verb.i and head.lemma_.lower() in NOTICE_VERBS:
            return head  # 'X has declared …, the ministry said on Monday' (said the root)
        for child in verb.children:
            if (
                child.dep_ in ("ccomp", "parataxis")
                and child.i > verb.i
                and child.lemma_.lower() in NOTICE_VERBS
                and any(c.dep_ == "nsubj" for c in child.children)
            ):
                return child
        return None
    past_perfect = verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in verb.children
    )
    head = verb.head
    if past_perfect and verb.dep_ == "ccomp" and head.lemma_.lower() in NOTICE_VERBS:
        return head if head.i < verb.i else None
    return None


#: words that make a perfect a record of earlier acts, not the news ('has expelled diplomats
#: three times', 'has imposed sanctions once before')
REPEATED = {"once", "twice", "before", "ever", "already", "repeatedly", "times", "previously"}


def _told_as_repeated(verb: Token, notice: Token) -> bool:
    """The act's own words (not the notice's, when the notice hangs on it) tell a record."""
    notice_words = {t.i for t in notice.subtree} if notice.head.i == verb.i else set()
    return any(t.lower_ in REPEATED for t in verb.subtree if t.i not in notice_words)


def _dates_the_notice(root: Token, notice: Token) -> bool:
    """A timex hung on the verb of notice itself ('said on Monday', 'said yesterday')."""
    token = root
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        token = token.head
    return token.head.i == notice.i and token.dep_ in ("prep", "npadvmod", "advmod", "tmod")


def day_of_the_range(mentions: list[Mention], doc: Doc) -> None:
    """'met in Kigali from May 22 to 26 and, on the last day, signed an accord': an event
    whose time is a range of days and whose verb says on which day of it the event took
    place ('on the last day', 'on the second day of the visit') is that day."""
    for mention in mentions:
        time = mention.time
        start, end = iso_day(time.earliest), iso_day(time.latest)
        if time.granularity != "day" or start is None or end is None or start >= end:
            continue
        for token in {doc[mention.token], doc[mention.clause]}:
            which = _range_day(token)
            if which is None:
                continue
            span = (end - start).days
            offset = span if which < 0 else which
            if offset <= span:
                day = start + timedelta(days=offset)
                mention.time = day_span(day, day)
                # the range's ends are no dates of its own to split it by
                mention.timexes = [t for t in mention.timexes if iso_day(t.earliest) == day]
            break


def _range_day(verb: Token) -> int | None:
    """The day an 'on the ORDINAL day' phrase hanging on ``verb`` names, from 0 (-1 last)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "on":
            continue
        for day in prep.children:
            if day.dep_ != "pobj" or day.lemma_.lower() != "day":
                continue
            words = [c.lower_ for c in day.children if c.dep_ in ("amod", "nummod")]
            if len(words) == 1 and words[0] in ORDINAL_DAYS:
                return ORDINAL_DAYS[words[0]]  # 'on the last day', 'on its second day'
    return None


#: how many paragraphs open the article: the first that dates a recent day is the lead, whose
#: occasion an undated saying after it reports (a broadcast's header, then its first item)
LEAD_BLOCKS = 2
#: acts done by saying something
SAYING_TYPES = {"STATEMENT", "ACCUSE", "THREATEN", "REJECT"}
#: adverbs that put words right after the occasion told before ('told reporters afterwards')
AFTER_WORDS = {"afterwards", "afterward"}
#: prepositions that put words at an occasion's scene ('after the call', 'outside the court')
SCENE_PREPS = {"after", "following", "outside", "at", "during"}
#: whom words are told to when they are said at a gathering ('told the crowd', 'told delegates')
AUDIENCES = {
    "crowd",
    "delegate",
    "session",
    "conference",
    "summit",
    "meeting",
    "rally",
    "marcher",
    "protester",
    "audience",
    "gathering",
    "assembly",
    "ceremony",
}
#: verbs of an occasion closing or opening, as words are said ('as the conference closed')
SCENE_TURNS = {"close", "end", "open", "begin", "conclude", "finish"}


#: verbs whose object is the audience words were told to ('told the crowd', 'addressed delegates')
TELLING = {"tell", "address", "brief"}
#: prepositions of words said right after an occasion ('after the call'): the lead's, unnamed
AFTER_PREPS = {"after", "following"}
#: nouns of a time, not a scene ('at the time', 'at the same moment', 'at the weekend')
TIME_NOUNS = {"time", "moment", "point", "stage", "end", "start", "beginning", "outset", "weekend"}


def _scene_noun(noun: Token, times: set[int]) -> bool:
    """A noun of where or after what words were said, no time word ('at the time')."""
    return (
        noun.i not in times
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.ent_type_ not in ("DATE", "TIME")
        and noun.lemma_.lower() not in TIME_NOUNS
    )


def _at_a_scene(verb: Token, times: set[int], lead: set[str]) -> bool:
    """Whether the saying is told at the scene of the lead's occasion: right after it ('told
    reporters afterwards', 'after the call'), outside or at a place the lead names ('outside
    the court' after 'A court … sentenced'), to its audience ('told the crowd', 'told
    delegates as the conference closed'), or by one speaking there ('Speaking at the
    conference, the minister said')."""
    for child in verb.children:
        if child.lower_ in AFTER_WORDS:
            return True
        if child.dep_ == "prep" and child.lower_ in SCENE_PREPS:
            for noun in child.children:
                if noun.dep_ != "pobj" or not _scene_noun(noun, times):
                    continue
                if child.lower_ in AFTER_PREPS or noun.lemma_.lower() in lead:
                    return True
        if (
            verb.lemma_ in TELLING
            and child.dep_ in ("dobj", "dative")
            and child.lemma_.lower() in AUDIENCES
        ):
            return True
        if (
            child.dep_ == "advcl"
            and child.lemma_ in SCENE_TURNS
            and any(m.lower_ in ("as", "when") for m in child.children if m.dep_ == "mark")
        ):
            return True
        if child.dep_ == "advcl" and child.lemma_ in ("speak", "address") and child.tag_ == "VBG":
            return _at_a_scene(child, times, lead)
    return False


def said_at_the_lead_occasion(
    mentions: list[Mention],
    doc: Doc,
    blocks: list[tuple[int, int]],
    timexes: list[Timex],
    dct: date,
) -> None:
    """Words told at the scene of an occasion and undated ('told reporters after the call',
    'told the crowd outside Congress', 'told delegates as the conference closed') report the
    occasion the lead dates: they were said on the lead's latest day in the week up to the
    DCT ('marched on Thursday as a strike that began Monday' → Thursday), unless their own
    sentence dates something or their paragraph a day before the lead's."""
    days: list[str] = []
    end = 0
    for block in blocks[:LEAD_BLOCKS]:
        end = block[1]
        days = [d for t in timexes if block[0] <= t.start < end and (d := _recent_day(t, dct))]
        if days:
            break
    if not days:
        return
    day = max(days)
    lead = {t.lemma_.lower() for t in doc.char_span(0, end, alignment_mode="expand") or []}
    times = {
        t.i for x in timexes for t in doc.char_span(x.start, x.end, alignment_mode="expand") or []
    }
    for mention in mentions:
        if (
            mention.type not in SAYING_TYPES
            or mention.dated
            or mention.timexes
            or mention.status != "occurred"
            or not (mention.cue or "").startswith(("past tense", "past passive"))
            or mention.sentence[0] < end
        ):
            continue
        if not _at_a_scene(doc[mention.token], times, lead):
            continue
        if _other_day_told(mention, blocks, timexes, day):
            continue
        mention.time, mention.dated = EventTime(day, day, day, "day"), True
        mention.cue = f"{mention.cue} + the lead's occasion"


def _other_day_told(
    mention: Mention, blocks: list[tuple[int, int]], timexes: list[Timex], day: str
) -> bool:
    """Whether the mention's own sentence names a day other than the lead's (the rules that
    read it date the words: 'said after talks in Kuwait City on Thursday'), or its paragraph
    dates, before it, a day before the lead's (that paragraph tells another occasion: 'In
    2019 the two met in Lusaka. Banda said …')."""
    start = next((b[0] for b in blocks if b[0] <= mention.sentence[0] < b[1]), mention.sentence[0])
    for timex in timexes:
        if not start <= timex.start < mention.sentence[1] or not is_dated(timex):
            continue
        if timex.start >= mention.sentence[0]:
            if timex.granularity in ("day", "time") and (timex.earliest or "")[:10] != day:
                return True
        elif (timex.latest or "9")[:10] < day:
            return True
    return False


#: verbs that move a plan to a new time ('it has been moved to April 24')
MOVE_VERBS = {"move", "postpone", "push", "put", "reschedule", "defer", "delay", "bring"}
#: types of words and acts told, never an occasion a plan moves
WORDS_NOT_PLANS = {"STATEMENT", "ACCUSE", "REJECT", "THREATEN", "INVITE"}
#: how many sentences after the plan's last mention its new time may be told in
NEW_TIME_WITHIN = 2


def new_time_told_after(
    pairs: list[tuple[list[Mention], Event]], doc: Doc, timexes: list[Timex], dct: date
) -> None:
    """'The sixth round had been due in Rabat on May 18; it will now take place on June 18',
    'The conference had been set for April 10, but it has been moved to April 24': a plan
    whose new time a later clause tells, by the plan's pronoun or noun and a verb of taking
    place with 'now' or a passive verb of moving, takes that time, not the old one."""
    dated = [t for t in timexes if t.type in ("DATE", "TIME") and is_dated(t)]
    if not dated:
        return
    starts = sorted({s.start for s in doc.sents})
    for verb in doc:
        subject = _moved_subject(verb)
        if subject is None:
            continue
        own = _new_time_of(verb, dated, dct)
        if not own:
            continue
        event = _plan_named_by(subject, pairs, doc, starts, dct)
        if event is None:
            continue
        time, is_dated_now = told_time(own, doc.text)
        if is_dated_now and time.value != event.time.value:
            event.time, event.dated = time, True
            event.cue = f"{event.cue} + new time told after"


def _moved_subject(verb: Token) -> Token | None:
    """The subject of 'it will now take place', 'they will now be held', 'it has been
    moved to': a clause that tells a plan's new time."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    held = held_now(verb)
    if held is not None and aux & (FUTURE_AUX | {"would", "is", "are"}):
        return held
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and verb.lemma_.lower() in MOVE_VERBS and aux & {"has", "have"}:
        return subject  # 'it has been moved to April 24'
    return None


def _new_time_of(verb: Token, dated: list[Timex], dct: date) -> list[Timex]:
    """The dated timexes after the verb in its own phrases (not in a clause below it, nor
    the day a plan is moved from), none of them before the DCT (a new time lies ahead)."""
    own: list[Timex] = []
    moving = verb.lemma_.lower() in MOVE_VERBS
    for timex in dated:
        root = timex_root(verb.doc, timex)
        if root is None or root.i <= verb.i:
            continue
        token, old = root, False
        while token.i != verb.i and token.head.i != token.i:
            if token.dep_ in ("relcl", "advcl", "ccomp", "xcomp", "conj", "acl"):
                break
            old = old or (moving and token.dep_ == "prep" and token.lower_ == "from")
            token = token.head
        if token.i != verb.i or old:
            continue  # 'has been moved from October 14 to November 5': not the old day
        if (timex.earliest or "") < dct.isoformat():
            return []
        own.append(timex)
    return own


def _plan_named_by(
    subject: Token,
    pairs: list[tuple[list[Mention], Event]],
    doc: Doc,
    starts: list[int],
    dct: date,
) -> Event | None:
    """The event a later clause's subject names: its own trigger, a noun of the same
    word as one of its mentions ('The levy will now apply'), or a pronoun after it in the
    same sentence or the next ones; the latest such plan told before the subject."""
    pronoun = subject.lower_ in PLAN_PRONOUNS
    here = bisect_right(starts, subject.i)
    best: tuple[int, Event] | None = None
    for group, event in pairs:
        if event.status == "negated" or event.type in WORDS_NOT_PLANS:
            continue
        # 'had been due in Rabat on May 18' may still read as occurred here
        ahead = event.dated and (event.time.earliest or "") >= dct.isoformat()
        moved = any(m.past_plan or m.rescheduled for m in group)
        if event.status != "planned" and not ahead and not moved:
            continue
        for mention in group:
            token = doc[mention.token]
            if mention.token == subject.i:
                return event  # 'The signing … will now take place at the closing session'
            if token.i >= subject.i:
                continue
            if not pronoun and token.lemma_.lower() != subject.lemma_.lower():
                continue
            if here - bisect_right(starts, token.i) > NEW_TIME_WITHIN:
                continue
            if best is None or token.i > best[0]:
                best = (token.i, event)
    return best[1] if best is not None else None


#: verbs a release does its own act with, in the simple present ('The Ministry announces
#: that …', 'The Secretariat informs that …', 'is pleased to announce'); 'says' is left
#: out: features tell a recent statement with it too ('Smith says the plan will fail')
RELEASE_VERBS = {"announce", "inform", "notify", "confirm", "welcome", "regret", "note"}
#: the present-tense tags of a release's own act
PRESENT_TAGS = {"VBZ", "VBP"}


def _release_act(token: Token) -> bool:
    """'The Chilean Navy announces that …', 'The Ministry … is pleased to announce that …':
    a verb of announcing in the simple present, in no quotation or clause of another's
    speech, or its infinitive after a present-tense 'is pleased to', 'wishes to'."""
    if token.lemma_.lower() not in RELEASE_VERBS:
        return False
    if token.dep_ in ("ROOT", "parataxis") or (
        # 'Bucharest, 4 June 2025 - Press release No. 212 The Ministry … announces': the
        # header parsed as the head, no verb that reports another's words
        token.dep_ == "ccomp" and token.head.pos_ not in ("VERB", "AUX")
    ):
        return token.tag_ in PRESENT_TAGS
    if token.dep_ != "xcomp":
        return False
    head = token.head
    if head.dep_ == "acomp":
        head = head.head  # 'is pleased to announce': the copula is the root
    return head.dep_ == "ROOT" and head.tag_ in PRESENT_TAGS  # also 'wishes to inform'


def date_release_acts(pairs: list[tuple[list[Mention], Event]], doc: Doc, dct: date) -> None:
    """A release's own act ('Punta Arenas, 8 February 2027. The Chilean Navy announces
    that the exercise will be held …') is done by the text itself: an undated statement
    told by a verb of announcing in the simple present is of the DCT (docs/annotation.md:
    'A press release's own act … is a STATEMENT of the announcer dated the DCT')."""
    day = dct.isoformat()
    for group, event in pairs:
        if event.type != "STATEMENT" or event.dated or event.status != "occurred":
            continue
        if not any(_release_act(doc[m.token]) for m in group):
            continue
        event.time, event.dated = EventTime(day, day, day, "day"), True
        event.cue = f"{event.cue} + release's own act"


#: how many sentences after a lead's dated statement a named speaker's undated words are
#: taken to be from the same briefing
BRIEFING_WITHIN = 2


def date_briefing(pairs: list[tuple[list[Mention], Event]], doc: Doc, dct: date) -> None:
    """'…, the U.N. agency said on Thursday. … , WFP country director Helene Markovic told
    reporters': a wire lead's statement of a body or unnamed speaker dated to a recent
    day, and the undated words of a named person told in the next sentences, are one
    briefing: the person's statement takes the lead's day."""
    spans = [(s.start_char, s.end_char) for s in islice(doc.sents, 3 + BRIEFING_WITHIN)]

    def index(mention: Mention) -> int | None:
        return next((i for i, (a, b) in enumerate(spans) if a <= mention.sentence[0] < b), None)

    lead: tuple[int, str] | None = None
    for group, event in pairs:
        if event.type != "STATEMENT" or not event.dated or event.status != "occurred":
            continue
        if any(r.kind == "person" for m in group for r in m.sources):
            continue  # a named speaker's own words are his occasion, not a body's briefing
        at = index(group[0])
        day = event.time.earliest
        if at is None or at > 2 or day is None or event.time.latest != day:
            continue
        found = iso_day(day)
        if found is None or not 0 <= (dct - found).days <= LEAD_RECENT_DAYS:
            continue
        if lead is None or (at, lead[1]) < (lead[0], day):
            lead = (at, day)  # the first sentence's, its latest day: the reporting day
    if lead is None:
        return
    at, day = lead
    for group, event in pairs:
        if event.type != "STATEMENT" or event.dated or event.status != "occurred":
            continue
        own = index(group[0])
        if own is None or not at < own <= at + BRIEFING_WITHIN:
            continue
        if not any(r.kind == "person" for m in group for r in m.sources):
            continue
        event.time, event.dated = EventTime(day, day, day, "day"), True
        event.cue = f"{event.cue} + the lead's briefing"
