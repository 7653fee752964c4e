"""Which way a time expression points: the tense of its clause.

With a spaCy ``Doc`` the governing verb's morphology and auxiliaries decide;
without one, lexical cues in the sentence do ("will", "is to", "said",
past-tense "-ed" verbs, the present perfect, "is"/"are" as present), the
nearest cue to the expression winning; a cue across a clause boundary counts
as further away. Sentences do not end after a title or an initial ("Mr.").
``past_plan`` tells a plan told in the past ("had been due to arrive"), whose
time may lie on either side of the DCT.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dateline.read.common import in_gallery_caption

PAST, PRESENT, FUTURE = "past", "present", "future"

_FUTURE_CUES = (
    r"will|'ll|’ll|shall|won't|is to|are to|am to|is due to|are due to|is set to|are set to|"
    r"plans? to|planning to|planned to|planned for|scheduled|going to|expects? to|expected to|"
    r"intends? to|upcoming|next(?! to\b)|coming|later this|set to|as soon as|as early as|"
    r"(?:is|are|was|were) (?:set|scheduled|slated|due) (?:for|on)|"
    # "a joint statement is expected at noon on Wednesday", "her plane is due at Haneda"
    r"(?:is|are) (?:expected|due) (?:at|on|by|in|back)|"
    r"expected (?:around|at|by|before|within)|"
    r"(?:postponed|delayed|adjourned|deferred) (?:until|till|to)|would be [a-z]+ing|"
    # a past verb of intention still points forward: "agreed to buy ... in February"
    r"(?:agree|decide|promise|pledge|vow|vote|threaten|offer|propose|prepare|hope|aim|"
    r"want|ask|urge|order)(?:d|ed) to|"
    r"(?:agree|decide|promise|pledge|vow|threaten|aim|want|seek)s to|"
    r"sought to|slated|on track for|in time for|"
    # the simple present of a scheduled occasion: "the window closes on Tuesday",
    # "it reopens on June 14"
    r"(?:re)?opens|closes|starts|begins|resumes|convenes|expires|kicks off|takes effect|"
    r"comes into force|lifts off"
)
# Modals and deadlines point forward less reliably (they are often inside a
# reported clause whose time is past), so callers may ignore them.
_WEAK_FUTURE_CUES = r"must|should|would|could|might|(?-i:may)|can|payable|due|deadline"
# Deadline prepositions point forward only when they govern the expression itself
# ("until Tuesday"), not as the agent of a passive ("hampered by problems").
_DEADLINE = re.compile(
    r"\b(?:by|until|till|through|before|ahead\s+of)\s+(?:the\s+|early\s+|late\s+)?$", re.I
)
_PRESENT_CUES = r"is|are|am|isn't|aren't|does|do|don't|doesn't"
_PAST_CUES = (
    r"said|says|was|were|had|did|didn't|wasn't|weren't|ago|last|earlier|previously|"
    r"told|announced|reported|came|went|began|took|made|met|saw|gave|held|won|lost|"
    r"rose|fell|left|sold|bought|paid|got|spent|since|yesterday|[a-z]{3,}ed|"
    r"brought|became|chose|fought|struck|drew|wrote|spoke|broke|fled|led|sent|built|felt|heard|"
    r"kept|stood|threw|caught|ran|"
    # the present perfect looks back ("prices have come down from October")
    r"(?:has|have)(?:n't| not| already| never| just)? (?!scheduled|planned|agreed|decided|"
    r"promised|pledged|vowed|voted|offered|proposed|asked|urged|ordered|slated)"
    r"(?:been|come|gone|done|made|had|seen|"
    r"taken|given|become|begun|fallen|risen|grown|shown|known|won|lost|paid|sold|held|"
    r"met|kept|brought|built|spent|found|put|set|cut|hit|run|[a-z]{3,}ed)"
)
_NOT_PAST = {"needed", "based", "related", "united", "limited", "detailed", "interested"}
_CUE = re.compile(
    rf"\b(?:(?P<future>{_FUTURE_CUES})|(?P<weak>{_WEAK_FUTURE_CUES})|(?P<past>{_PAST_CUES})|"
    rf"(?P<present>{_PRESENT_CUES}))\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“])|\n")
# A period after a title or an initial ("Mr. Davison", "Daniel P. Davison") ends no sentence.
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Sen|Rep|Gov|Rev|St|Mt|Co|Corp|"
    r"Inc|Ltd|Bros|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N))\.$"
)
INFINITIVE = re.compile(
    r"\bto\s+(?!(?:the|a|an|its|his|her|their|this|that|these|those|about|around|date|"
    r"more|less|some|all|each|every)\b)[a-z]+\b"
)
# verbs that announce or settle something still to be done
_PLAN_VERB = re.compile(
    r"\b(?:announced|agreed|decided|planned|proposed|offered|signed|approved|unveiled|"
    r"disclosed|reached|voted|said|told|asked|urged|ordered|advised|warned)\b[^,;:]*$",
    re.IGNORECASE,
)


def plan_then_infinitive(text: str, cue_end: int, start: int) -> bool:
    """A plan verb, then an infinitive, then the expression: "agreed ... to buy X in May"."""
    if not _PLAN_VERB.search(text, max(0, cue_end - PLAN_VERB_REACH), cue_end):
        return False
    return bool(INFINITIVE.search(text, cue_end, start))


# Character windows: how far before (or after) an expression or a cue each pattern is
# looked for. They bound the work per expression and keep a cue to its own clause.
SENTENCE_REACH = 400  # how far a sentence's start or end is looked for
PLAN_VERB_REACH = 14  # the cue word itself: a plan verb ends the cue ("announced")
ABBREVIATION_REACH = 5  # a title or an initial before a period ("Prof.")
AUXILIARY_REACH = 12  # "be" / "been" right before an -ed word
ARTICLE_REACH = 24  # an article (and an adverb) right before an -ed word
PAST_PLAN_BEFORE = 40  # "had been due to" may start this far before the cue
PAST_PLAN_AFTER = 24  # ... and end this far after it
MAX_HEAD_STEPS = 8  # dependency heads climbed to find the governing verb
DEADLINE_REACH = 20  # "until", "by the end of" right before the expression
CLAUSE_REACH = 80  # a negation or a past perfect earlier in the clause

# A clause boundary between a cue and the expression makes the cue count for less.
CLAUSE_BOUNDARY = re.compile(r"[,;:()\"“”]|''|``|--")
BOUNDARY_COST = 40
_ASIDE = re.compile(r"\([^()\n]{0,40}\)")
_CONJUNCTION = re.compile(r"\b(?:and|but)\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the sentence holding ``text[start:end]``."""
    left = 0
    # up to the expression's first letter, which the end of a sentence looks ahead to
    for match in _SENTENCE_END.finditer(text, max(0, start - SENTENCE_REACH), start + 1):
        if not _abbreviation(text, match.start()):
            left = match.end()
    right = min(len(text), end + SENTENCE_REACH)
    for match in _SENTENCE_END.finditer(text, end, right):
        if not _abbreviation(text, match.start()):
            return left, match.start() + 1
    return left, right


# "at 2 p.m. AEDT on Tuesday", "at 9 a.m. Monday": the clock time's period ends no sentence
_CLOCK_THEN_NAME = re.compile(
    r"[ap]\.m\.\s+(?:[A-Z]{2,4}\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+[0-9])"
)


def _abbreviation(text: str, period: int) -> bool:
    if _CLOCK_THEN_NAME.match(text, max(0, period - len("p.m"))):
        return True
    return text[period] == "." and bool(
        _ABBREVIATION.search(text, max(0, period - ABBREVIATION_REACH), period + 1)
    )


_BE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am)\s+$", re.IGNORECASE)


def _passive(text: str, start: int) -> bool:
    """An -ed word after a present or bare "be" is a participle; the auxiliary decides."""
    return bool(_BE_BEFORE.search(text[max(0, start - AUXILIARY_REACH) : start]))


# "-ed" words that modify a noun: "a still unspecified date", "the proposed merger"
_ADJECTIVE_BEFORE = re.compile(
    r"\b(?:a|an|the|its|his|her|their|our|this|that|these|those)\s+(?:[a-z]+ly\s+|still\s+)?$",
    re.IGNORECASE,
)


# "will release updated figures", "to have finished": an -ed word right after a modal's
# or an infinitive's verb belongs to that verb group or its object, no past verb
_FUTURE_VERB_BEFORE = re.compile(
    r"\b(?:will|'ll|’ll|shall|would|could|should|must|to)\s+[a-z]+\s+$", re.IGNORECASE
)


def _adjective(text: str, match: re.Match[str]) -> bool:
    word = match.group(0).lower()
    if word.startswith("un") and word.endswith("ed"):
        return True
    participle = word.endswith("ed") or word in _IRREGULAR_PARTICIPLES  # 'a locally made shot'
    before = text[max(0, match.start() - ARTICLE_REACH) : match.start()]
    return participle and bool(
        _ADJECTIVE_BEFORE.search(before) or _FUTURE_VERB_BEFORE.search(before)
    )


_IRREGULAR_PARTICIPLES = frozenset(
    ("made", "built", "held", "known", "taken", "given", "sold", "paid", "kept", "brought", "won")
)


def lexical_tense(text: str, start: int, end: int, weak: bool = True) -> str | None:
    """Tense from the cue words nearest to ``text[start:end]`` in its sentence."""
    if weak and _deadline(text, start, end):
        return FUTURE
    best = nearest_cue(text, start, end, weak)
    if (best is None or best[1] == PRESENT) and _future_clause(text, start, end):
        return FUTURE
    if best is None:
        return None
    if weak and best[1] == PAST and best[3] <= start and plan_then_infinitive(text, best[3], start):
        # "announced an agreement to acquire the company in January": the time
        # belongs to the infinitive, which looks forward from the past verb
        return FUTURE
    return best[1]


# "jobs will be lost when the furnace is shut down in September": a present-tense clause
# under a future one tells the future
_FUTURE_WHEN = re.compile(
    r"\b(?:will|'ll|shall|won't)\b[^.;:!?]*?\b(?:when|once|after|before|until|till|as\s+soon\s+as|if)\b"
    r"(?:(?!\b(?:was|were|had|did)\b)[^.;:!?])*$",
    re.IGNORECASE,
)


def _future_clause(text: str, start: int, end: int) -> bool:
    left, _ = sentence_bounds(text, start, end)
    return _FUTURE_WHEN.search(text, left, start) is not None


def nearest_cue(text: str, start: int, end: int, weak: bool) -> tuple[int, str, int, int] | None:
    """Distance, kind, start and end of the cue nearest to ``text[start:end]``."""
    left, right = sentence_bounds(text, start, end)
    best: tuple[int, str, int, int] | None = None
    for cue_start, cue_end, strong, weak_kind in _cues(text, left, right):
        if start <= cue_start < end or _trailing_report(
            text, left, start, end, (cue_start, cue_end)
        ):
            continue
        if cue_start >= end and (
            _RELATIVE.search(text, end, cue_start) or _THAT_CLAUSE.match(text, end)
        ):
            # "plays on Sunday against Cole, who has won 14 matches", "told investors in
            # October that it would replace the system": another clause's cue
            continue
        kind = weak_kind if weak else strong
        if kind is None:
            continue
        distance = _distance(text, cue_start, cue_end, start, end, best[0] if best else None)
        if best is None or distance < best[0]:
            best = (distance, kind, cue_start, cue_end)
    return best


# "…on Wednesday, the court said Friday": a reporting clause after the expression
# tells when it was said, not when the reported thing happens.
_REPORTING = frozenset(
    ("said", "says", "told", "announced", "added", "reported", "confirmed", "stated", "wrote")
)


FRONTED_WORDS = 3  # an expression with fewer words before it in its sentence is fronted


def _trailing_report(text: str, left: int, start: int, end: int, cue: tuple[int, int]) -> bool:
    """Whether the cue is a reporting verb after the expression's clause. A fronted
    expression ("In September, it announced …") belongs to the reporting verb itself."""
    cue_start, cue_end = cue
    if cue_start < end or text[cue_start:cue_end].lower() not in _REPORTING:
        return False
    if len(text[left:start].split()) < FRONTED_WORDS:
        return False
    return "," in text[end:cue_start] or "''" in text[end:cue_start]


# A plan told in the past ("had been due to arrive", "was scheduled to open",
# "were expected to meet"): it may have been cancelled or moved, so its time
# can lie on either side of the DCT. The participles are the events step's
# (cues.json past_plan_participles): one list for both.
@lru_cache(maxsize=1)
def _past_plan_pattern() -> re.Pattern[str]:
    from dateline.events.lexicon import load_cues

    words = sorted(load_cues()["past_plan_participles"])
    # 'set' alone is too common a word: only 'set to' / 'set for' tells a plan
    alternatives = "|".join(r"set\s+(?:to|for)" if w == "set" else re.escape(w) for w in words)
    return re.compile(
        r"\b(?:(?:was|were|had)\s+(?:been\s+)?(?:originally\s+|initially\s+|previously\s+)?"
        rf"(?:{alternatives})|"
        r"(?:was|were)\s+(?:to|(?:going|planning|preparing|hoping|intending)\s+to)|"
        r"(?<!is )(?<!are )(?<!be )(?<!been )planned)\b",
        re.IGNORECASE,
    )


def past_plan(text: str, start: int, end: int) -> bool:
    """Whether the nearest tense cue of ``text[start:end]`` is a plan told in the past."""
    best = nearest_cue(text, start, end, weak=False)
    if best is None or best[3] > start:
        return False
    left, _ = sentence_bounds(text, start, end)
    return any(
        m.start() < best[3] and best[2] < m.end()
        for m in _past_plan_pattern().finditer(
            text, max(left, best[2] - PAST_PLAN_BEFORE), best[3] + PAST_PLAN_AFTER
        )
    )


Cue = tuple[int, int, str | None, str | None]  # start, end, kind, kind counting weak cues


@lru_cache(maxsize=64)
def _cues(text: str, left: int, right: int) -> tuple[Cue, ...]:
    """The tense cues of one sentence, found once for all its expressions."""
    return tuple(
        (m.start(), m.end(), _kind(text, m, False), _kind(text, m, True))
        for m in _CUE.finditer(text, left, right)
    )


_RELATIVE = re.compile(r",\s*(?:who|whose|which|where)\b", re.IGNORECASE)
# a "that" clause right after the expression (a verb's complement or a relative clause);
# "that year", "that night" are times of their own
_THAT_CLAUSE = re.compile(
    r",?\s+that\b(?!\s+(?:year|month|week|day|night|morning|afternoon|evening|time|season|"
    r"spring|summer|autumn|fall|winter|quarter)\b)",
    re.IGNORECASE,
)
# "last" looks back when a time follows it: "last week", "last Friday", "the last two years"
_LAST_TIME = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:week|month|year|night|time|season|spring|summer|autumn|fall|winter|"
    r"weekend|decade|century|quarter|half|days?|hours?|minutes?|[A-Z][a-z]+)",
)
_SENTENCE_BREAK = re.compile(r"[.!?:;\"'“”‘’(\[\n]\s*$|^\s*$")
OPENING_REACH = 3  # a sentence end, quote or bracket (and spaces) right before a capital


def _capitalized_inside(text: str, start: int) -> bool:
    """A capitalized word that does not open a sentence, a quote or a line."""
    if not text[start].isupper():
        return False
    return _SENTENCE_BREAK.search(text[max(0, start - OPENING_REACH) : start]) is None


def _kind(text: str, match: re.Match[str], weak: bool) -> str | None:
    word = match.group(0).lower()
    if match.group("past"):
        if word in _NOT_PAST or _passive(text, match.start()) or _adjective(text, match):
            return None
        if _capitalized_inside(text, match.start()):
            return None  # a name: "the Met Office", "the Allied forces"
        if word == "last" and not _LAST_TIME.match(text, match.end()):
            return None  # "will last until Sunday", "and last three hours": the verb
        if text[match.start() - 1 : match.start()] == "-":
            return None  # a compound adjective: "an open-ended strike", "a long-awaited vote"
        return PAST
    if match.group("weak"):
        return FUTURE if weak else None
    return PRESENT if match.group("present") else FUTURE


def _distance(
    text: str, cue_start: int, cue_end: int, start: int, end: int, best: int | None = None
) -> int:
    """Characters between cue and expression, plus a cost per clause boundary crossed."""
    gap = (cue_end, start) if cue_end <= start else (end, cue_start)
    raw = gap[1] - gap[0]
    if best is not None and raw >= best:
        return raw  # already further than the best cue: boundaries cannot help
    # a closed aside between them ("at 6 p.m. KST (0900 GMT) on Sunday") is no clause break
    crossed = len(CLAUSE_BOUNDARY.findall(text, *gap)) - 2 * len(_ASIDE.findall(text, *gap))
    if cue_start >= end:
        # a verb after "and" / "but" heads the next clause: "met on Friday and will meet again"
        crossed += len(_CONJUNCTION.findall(text, *gap))
    return raw + BOUNDARY_COST * crossed


def doc_tense(doc: Any, start: int, end: int) -> str | None:
    """Tense of the verb governing the expression in a parsed spaCy ``Doc``."""
    verb = _doc_verb(doc, start, end)
    return None if verb is None else _verb_tense(verb)


def _doc_verb(doc: Any, start: int, end: int) -> Any:
    """The verb governing the expression in a parsed spaCy ``Doc``, if any."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return _governing_verb(span.root)


def _governing_verb(token: Any) -> Any:
    for _ in range(MAX_HEAD_STEPS):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_tense(verb: Any) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for aux in auxes:
        if aux.lower_ in ("will", "shall", "'ll", "’ll", "wo"):
            return FUTURE
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ in ("be", "plan", "expect", "intend", "schedule"):
        return FUTURE
    if verb.tag_ in ("VBD",) or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return PAST
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return PRESENT
    return None


def tense(text: str, start: int, end: int, doc: Any = None, weak: bool = True) -> str | None:
    """Tense for the expression at ``text[start:end]``: past, present, future or None.

    A deadline preposition governing the expression ("postponed until December")
    decides first; then the verb that governs it in the parse, when there is one;
    then the nearest lexical cue.
    """
    if weak and _deadline(text, start, end):
        return FUTURE
    if _CALLED_FOR.search(text, max(0, start - CALLED_FOR_REACH), start):
        return FUTURE
    verb = None
    if doc is not None:
        try:
            verb = _doc_verb(doc, start, end)
        except (ValueError, IndexError):
            verb = None
    found = None if verb is None else _verb_tense(verb)
    if found in (PAST, FUTURE):
        return found
    if found == PRESENT and _present_verb_nearer(verb, text, start, end, weak):
        return _caption_past(text, start, PRESENT)
    return _caption_past(text, start, lexical_tense(text, start, end, weak) or found)


def _caption_past(text: str, start: int, found: str | None) -> str | None:
    """A photo caption's present tells a scene already taken ('is greeted ... on Wednesday,
    (Photo: ...)': the Wednesday before the gallery, not after it)."""
    if found in (PRESENT, None) and in_gallery_caption(text, start):
        return PAST
    return found


# an occasion called for a day lies ahead of the call: "called a nationwide strike for
# Thursday", "called snap elections for May"
CALLED_FOR_REACH = 80  # characters before the expression that the call may start
_CALLED_FOR = re.compile(
    r"\bcall(?:s|ed|ing)?\s+(?:(?:a|an|the|early|snap)\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?:strikes?|protests?|rally|rallies|march|meeting|referendum|elections?|vote|summit|"
    r"session|stoppage|walkout|shutdown)\s+for\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _present_verb_nearer(verb: Any, text: str, start: int, end: int, weak: bool) -> bool:
    """The present-tense verb governing the expression is nearer to it than the nearest
    past cue ("On Wednesday, Bush goes to Bucharest for the summit where Hadley says …":
    'goes' and not 'says' tells the time of Wednesday)."""
    best = nearest_cue(text, start, end, weak)
    if best is None or best[1] != PAST:
        return False
    return abs(verb.idx - start) < abs(best[2] - start) and abs(verb.idx - end) < abs(best[2] - end)


def _deadline(text: str, start: int, end: int) -> bool:
    """A deadline preposition governs the expression ("until March"); not in a past
    perfect clause ("had received a vaccine by the end of February")."""
    left, _ = sentence_bounds(text, start, end)
    if not _DEADLINE.search(text, max(left, start - DEADLINE_REACH), start):
        return False
    if _NOT_UNTIL.search(text, max(left, start - CLAUSE_REACH), start):
        return False  # "did not reopen until July": a past that ended then
    done = _HAD_DONE.search(text, max(left, start - CLAUSE_REACH), start)
    # "had chosen to square positions ahead of the weekend": the infinitive looks ahead;
    # "which had been scheduled for October 20, has been postponed until December": the
    # past perfect belongs to another clause
    return (
        done is None
        or _INFINITIVE_TO.search(text, done.end(), start) is not None
        or CLAUSE_BOUNDARY.search(text, done.end(), start) is not None
    )


_NOT_UNTIL = re.compile(
    r"\b(?:did\s+not|didn't|was\s+not|wasn't|were\s+not|weren't|had\s+not|hadn't|never)\b"
    r"[^.;:!?,]*\buntil\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?$",
    re.IGNORECASE,
)
_INFINITIVE_TO = re.compile(r"\bto\s+[a-z]+", re.IGNORECASE)


_HAD_DONE = re.compile(r"\bhad\s+(?:already\s+|not\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ne|t)\b", re.I)
