"""Dates a clause's verb carries for the events that hang on it.

A date often hangs on a verb that tells no event of its own ('welcomed the decision on
Friday and said …', 'In August 1980 he ordered four diplomats to leave, accusing them …',
'It was put off on May 7, when the council refused …'), or on an event verb whose own
attachment leaves the clauses under it undated ('Last Thursday Washington sanctioned two
firms, accusing them …'). The clauses that tell the same occasion take that date: a verb
conjoined without a subject of its own, a bare participle, a 'when' / 'as' / 'while'
clause, and a clause conjoined after a date fronted before the first subject ('On January
7 the Treasury sanctioned him, and the State Department accused his forces …').
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.events import timing
from dateline.events.mention import Mention
from dateline.events.triggers import pos_class
from dateline.model import EventTime, Timex

#: how a timex hangs on a verb as an adverbial of time ('on Friday', 'Monday', 'last week')
ADVERBIAL_DEPS = {"npadvmod", "advmod", "nmod"}
#: prepositions whose date is a point of the verb's own time (not 'since', 'before', 'after')
POINT_PREPS = {"on", "in", "at", "during", "from", "between", "to", "until", "through", "by"}
#: marks of an adverbial clause happening at its host's time
AT_THE_TIME = {"when", "as", "while"}
#: the number of clause links a mention climbs to find its occasion's date
STEPS = 3


@dataclass
class VerbDate:
    """The time a verb's own date adverbials tell, and whether one stands before the
    verb's subject (a date fronted over the whole sentence)."""

    time: EventTime
    timexes: list[Timex]
    fronted: bool
    at_occasion: bool = False  # every date is an occasion's the act was done at


def verb_dates(doc: Doc, timexes: list[Timex]) -> dict[int, VerbDate]:
    """Each verb with a dated adverbial of its own, by token index."""
    found: dict[int, list[timing.Attachment]] = {}
    by_occasion: set[int] = set()  # timexes that date an occasion the verb's act was done at
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or not timing.is_dated(timex):
            continue
        root = timing.timex_root(doc, timex)
        if root is None:
            continue
        link, prep = root, None
        if root.dep_ == "pobj" and root.head.dep_ == "prep":
            link, prep = root.head, root.head.lower_
            if prep not in POINT_PREPS:
                continue
        elif root.dep_ not in ADVERBIAL_DEPS or timing.window_before(doc, timex):
            continue
        host = _at_the_occasion(link.head)
        verb = host or link.head
        if host is not None:
            by_occasion.add(timex.start)
        if verb.pos_ in ("VERB", "AUX") and verb.i != link.i:
            found.setdefault(verb.i, []).append(timing.Attachment(timex, 1, prep, root.i))
    text = doc.text
    dates: dict[int, VerbDate] = {}
    for verb_i, options in found.items():
        time, dated = timing.time_from(options, 1, text)
        if dated:
            verb = doc[verb_i]
            subject = _subject(verb)
            first = min(a.timex.start for a in options)
            fronted = subject is not None and first < subject.idx
            at = all(a.timex.start in by_occasion for a in options)
            dates[verb_i] = VerbDate(time, [a.timex for a in options], fronted, at)
    return dates


#: prepositions of an occasion a verb's act was done at ('settled it at talks in Tete on June
#: 27', 'invited him during talks in Kyiv on Wednesday')
AT_OCCASION = {"at", "during"}


def _at_the_occasion(noun: Token) -> Token | None:
    """The verb whose act was done at the dated occasion ``noun`` names, or None."""
    prep = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or prep.lower_ not in AT_OCCASION:
        return None
    host = prep.head
    if host.dep_ == "dobj":
        host = host.head  # the parser hangs the phrase on the object ('settled the dispute at')
    return host if host.pos_ in ("VERB", "AUX") else None


def share_verb_dates(mentions: list[Mention], doc: Doc, timexes: list[Timex]) -> None:
    """An undated mention takes the date of the verb whose occasion it tells."""
    dates = verb_dates(doc, timexes)
    if not dates:
        return
    for mention in mentions:
        if mention.timexes or mention.dated or mention.status == "negated":
            continue
        start = _start(mention, doc)
        own = dates.get(start.i) if start is not None else None
        if own is not None and own.at_occasion:
            found: VerbDate | None = own  # 'ended their quarrel at talks … on June 27'
        else:
            # the verb's own adverbials were given out by timing.attach ('said on Monday
            # its aircraft had bombed …' is the saying's day)
            found = _occasion_date(start, dates) if start is not None else None
        if found is not None and _fits(mention, found, doc):
            mention.timexes, mention.time, mention.dated = found.timexes, found.time, True


def _start(mention: Mention, doc: Doc) -> Token | None:
    """The verb of a verbal mention. Nominals are left to the clause that owns them: giving
    them their clause verb's occasion too dated meetings and speeches with the wrong
    parties, and lost more rows than it found."""
    token = doc[mention.token]
    return token if pos_class(token) == "verb" else None


def _occasion_date(verb: Token, dates: dict[int, VerbDate]) -> VerbDate | None:
    for _ in range(STEPS):
        head = _occasion_head(verb, dates)
        if head is None:
            return None
        if head.i in dates:
            return dates[head.i]
        verb = head
    return None


def _occasion_head(verb: Token, dates: dict[int, VerbDate]) -> Token | None:
    """The verb whose occasion ``verb``'s clause tells, or None."""
    head = verb.head
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.dep_ == "conj":
        if timing.is_future(verb) != timing.is_future(head):
            return None  # 'spoke on Tuesday and will see him next week'
        if _subject(verb) is None:
            return head  # 'welcomed the decision on Friday and said …'
        told = dates.get(head.i)
        return head if told is not None and told.fronted else None
    if verb.dep_ != "advcl":
        return None
    if timing.participle_host(verb) is not None:
        # '… ordered four diplomats to leave Lagos, accusing them': the parser hangs the
        # participle on the nearest verb, an infinitive of the one that is dated
        return head.head if head.dep_ == "xcomp" and head.i not in dates else head
    if any(c.lower_ in AT_THE_TIME and c.dep_ in ("advmod", "mark") for c in verb.children):
        return head  # 'It was put off on May 7, when the council refused …'
    return None


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)


def _fits(mention: Mention, found: VerbDate, doc: Doc) -> bool:
    """A past event takes no date after the article's, a plan none before it."""
    dct = doc._.dct
    if dct is None:
        return True
    day = dct.isoformat()
    if mention.status in ("occurred", "ongoing"):
        return (found.time.earliest or "") <= day
    return (found.time.latest or "9999") >= day


#: how a verb describes the noun it hangs on ('a treaty, signed in Ottawa in 2014', 'an
#: accord they signed in Bishkek in 2008')
DESCRIBING_DEPS = {"acl", "relcl"}


def fold_describing_verbs(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """'Canada and Nigeria have a double taxation treaty, signed in Ottawa in 2014': a verb
    of the noun's own type that describes it tells the noun's event, not a second one;
    the noun takes its time, status and place, and the verb mention goes."""
    by_token = {m.token: m for m in mentions}
    folded: set[int] = set()
    for mention in mentions:
        token = doc[mention.token]
        if token.dep_ not in DESCRIBING_DEPS or pos_class(token) != "verb":
            continue
        noun = by_token.get(token.head.i)
        if noun is None or noun.type != mention.type or noun is mention:
            continue
        if noun.status == "negated" or mention.status == "negated":
            continue
        _describe(noun, mention)
        folded.add(id(mention))
    return [m for m in mentions if id(m) not in folded]


def _describe(noun: Mention, verb: Mention) -> None:
    if verb.dated and not noun.dated:
        noun.timexes, noun.time, noun.dated = verb.timexes, verb.time, True
    # 'will discuss an accord they signed in 2008', 'The agreement, signed on Tuesday, sets
    # quotas': the clause around the noun speaks of the text, the describing verb of the act
    noun.status, noun.cue, noun.past_plan = verb.status, verb.cue, verb.past_plan
    noun.location = noun.location or verb.location
    if not noun.participants():
        noun.sources, noun.targets = list(verb.sources), list(verb.targets)


#: words opening a clause about the time or place just named ('in May, when he met …',
#: 'on 18 June, where you were to meet …')
WHEN_WHERE = {"when", "where"}


def share_when_dates(mentions: list[Mention], doc: Doc, timexes: list[Timex]) -> None:
    """'Karaca last visited Astana in May, when he met Dauletov and the two agreed …', 'Your
    stop in Nairobi on 18 June, where you were to meet the President, has been cancelled':
    a 'when' or 'where' clause right after a date tells what happened at that time, so the
    undated events of the clause take it (a cancelled one its planned day), up to the end
    of the sentence, a semicolon, or the verb the clause hangs on."""
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or not timing.is_dated(timex):
            continue
        opener = _clause_opener(doc, timex)
        if opener is None:
            continue
        verb = opener.head
        while verb.dep_ == "xcomp" and opener.i < verb.head.i < verb.i:
            # '…, where they agreed to meet again': the parser hangs 'where' on the
            # infinitive; the clause is the verb it completes
            verb = verb.head
        outside = {t.i for t in verb.ancestors}
        end = opener.sent.end
        stop = next((t.i for t in doc[opener.i : end] if t.text in (";", "—", "–")), end)
        for mention in mentions:
            if not opener.i < mention.token < stop or mention.token in outside:
                continue
            if mention.timexes or mention.dated:
                continue
            found = VerbDate(timing.point(timex), [timex], False)
            if mention.status == "negated" or _fits(mention, found, doc):
                mention.timexes, mention.time, mention.dated = [timex], found.time, True


def _clause_opener(doc: Doc, timex: Timex) -> Token | None:
    """The 'when' / 'where' that opens a clause right after the timex (a comma between)."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    nxt = doc[span.end]
    if nxt.text == "," and span.end + 1 < len(doc):
        nxt = doc[span.end + 1]
    if nxt.lower_ not in WHEN_WHERE or nxt.tag_ != "WRB" or nxt.head.i == nxt.i:
        return None
    return nxt
