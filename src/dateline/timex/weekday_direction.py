"""Which way a bare weekday name points: back (news mostly looks back) or ahead.

A future clause looks ahead; so do a present-tense verb of its clause, a modal's clause
reaching it ("would cancel ... trains on Friday"), the simple present of a scheduled
occasion ("polls open at 9 a.m. on Sunday"), a move to it ("postponed to Thursday"),
the day something is meant for ("tickets for Sunday's final") and a state lasting
until it ("flights were cancelled until Thursday").
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.timex.tense import (
    CLAUSE_BOUNDARY,
    FUTURE,
    INFINITIVE,
    PAST,
    PRESENT,
    nearest_cue,
    plan_then_infinitive,
    sentence_bounds,
)

FRONTED_REACH = 10  # an expression this close to its sentence's start is fronted
OPEN_UNTIL_REACH = 30  # "until 10:30 a.m. on" before a weekday
WOULD_REACH = 100  # "would cancel ... trains between Paris and London on" before a weekday
SCHEDULED_REACH = 50  # "the Senate votes" before a weekday
SCHEDULED_AFTER_REACH = 40  # "on Friday the riders face" after it
MOVED_TO_REACH = 90  # "postponed the launch of its rocket to" before it
INFINITIVE_REACH = 40  # "to stay alert until" before it

_FOR_DAY = re.compile(r"\bfor\s$", re.IGNORECASE)
# "a memorial service planned at the university for Saturday": a plan's day, which the
# plan's own tense decides
PLANNED_FOR_REACH = 80
_PLANNED_FOR = re.compile(r"\b(?:planned|scheduled|set|slated|booked)\b[^.;,]*$", re.IGNORECASE)

_POSSESSIVE = ("'s", "’s")
# "until Thursday", "until 8 a.m. on Monday", "until noon on Wednesday"
_OPEN_UNTIL = re.compile(
    r"\b(?:until|till)\s+(?:next\s+)?"
    r"(?:(?:midnight|noon|[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:[ap]\.?m\.?)?)\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)
_HAD = re.compile(r"\bhad\b", re.IGNORECASE)


def possessive(text: str, end: int) -> bool:
    """Whether the expression ending at ``end`` takes a possessive: "Friday's purchases"."""
    return text[end : end + 2] in _POSSESSIVE


def had_before(text: str, start: int, end: int, reach: int | None = None) -> bool:
    """Whether a past perfect "had" comes before the expression in its sentence (within
    ``reach`` characters, if given)."""
    left, _ = sentence_bounds(text, start, end)
    if reach is not None:
        left = max(left, start - reach)
    return _HAD.search(text, left, start) is not None


_SUSPENDED = re.compile(
    r"\b(?:was|were|is|are|be|been|remains?|remained|stays?|stayed)\s+(?:\w+\s+)?"
    r"(?:cancel\w*|clos\w*|suspend\w*|shut|open|ban+ed|bar+ed|halted|grounded|extended)\b",
    re.IGNORECASE,
)
# "would" after a reporting verb is the future seen from the report: "said the cabinet
# would declare them disaster zones on Tuesday"
_WOULD = re.compile(
    # "could not be located Wednesday" is a past inability, "could last until Monday" ahead
    r"\b(?:would|could(?!\s+(?:not\s+)?be\s+[a-z]+ed\b)|might|can|(?-i:may)|must|should|shall)"
    r"\s+(?!have\b)(?:not\s+)?[a-z]+"
    r"(?:\s+(?!that\b|which\b|who\b)(?:[a-z]+|[0-9]+(?:[.,][0-9]+)?%?)){0,10}\s+"
    r"(?:on\s+|by\s+|until\s+|till\s+|through\s+|from\s+|for\s+)?$",
    re.IGNORECASE,
)


def weekday_forward(text: str, start: int, end: int, strong: str | None) -> bool:
    """Whether a bare weekday name lies after the DCT, given its clause's strong tense.

    Future clauses look forward. A present-tense verb in the same clause does too
    ("kickoff on Thursday is at 3 p.m.", "rain is forecast for Monday night"), except
    for a possessive weekday, which names a reported occasion ("Friday's purchases").
    A weekday shortly after "would" is the future of a report ("said the cabinet
    would meet on Tuesday").
    """
    if strong == FUTURE:
        return True
    left, _ = sentence_bounds(text, start, end)
    if possessive(text, end):
        # "tickets for Sunday's match", "campaigning for Sunday's elections": the occasion
        # something is meant for lies ahead, and so does one called off or put off ("called
        # off Tuesday's strike"); other possessives name a reported one
        ahead = _meant_for(text, left, start) or _called_off(text, left, start)
        return ahead and _OCCASION.match(text, end) is not None
    # 'flights were cancelled until Thursday', 'the window stays open until Monday': a state
    # lasting into the days ahead; not 'Until Thursday, they had …' (fronted, past perfect)
    # ('He stayed in the capital until Friday' is over: a past action, not a state)
    fronted = left >= start - FRONTED_REACH
    state = strong != PAST or _SUSPENDED.search(text, left, start) is not None
    if (
        _OPEN_UNTIL.search(text, max(left, start - OPEN_UNTIL_REACH), start)
        and not fronted
        and state
    ):
        return not had_before(text, start, end)
    if strong == PRESENT:
        best = nearest_cue(text, start, end, weak=False)
        if best is not None and best[1] == PRESENT:
            gap = (best[3], start) if best[3] <= start else (end, best[2])
            if not CLAUSE_BOUNDARY.search(text, *gap):
                return True
    left, _ = sentence_bounds(text, start, end)
    if _WOULD.search(text, max(left, start - WOULD_REACH), start):
        return True
    if strong != PAST and (
        _SCHEDULED.search(text, max(left, start - SCHEDULED_REACH), start)
        or _SCHEDULED_AFTER.match(text, end, end + SCHEDULED_AFTER_REACH)
    ):
        return True
    if _MOVED_TO.search(text, max(left, start - MOVED_TO_REACH), start):
        return True
    if _meant_for(text, left, start):
        # "cancelled most services for Saturday": the day something is meant for lies
        # ahead (a plan told in the past is decided before)
        return True
    best = nearest_cue(text, start, end, weak=False)
    # "told residents to stay alert until Thursday": the infinitive looks forward
    if best is None or best[1] != PAST or best[3] > start:
        return False
    near = max(best[3], start - INFINITIVE_REACH)
    return (
        plan_then_infinitive(text, best[3], start)
        and INFINITIVE.search(text, near, start) is not None
        and (not CLAUSE_BOUNDARY.search(text, near, start))
    )


def _meant_for(text: str, left: int, start: int) -> bool:
    """Whether "for" right before the weekday names the day something is meant for, not
    a plan's day ("planned ... for Saturday", which the plan's own tense decides)."""
    return _FOR_DAY.search(text, max(left, start - len("for ")), start) is not None and (
        _PLANNED_FOR.search(text, max(left, start - PLANNED_FOR_REACH), start) is None
    )


def plan_called_off(text: str, start: int, end: int) -> bool:
    """'talks that had been set for Thursday have been called off', 'unions have called off
    a strike that had been set for Friday': a plan's day, in a sentence that calls the plan
    off in the present perfect (news just in), lies ahead; a calling off told in the past
    ('a service planned for Friday was canceled') leaves the plan's tense to decide."""
    left, right = sentence_bounds(text, start, end)
    if _PLANNED_FOR.search(text, max(left, start - PLANNED_FOR_REACH), start) is None:
        return False
    return _cancelled_pattern().search(text, left, right) is not None


# an occasion a possessive weekday names: "Sunday's elections", "Saturday's final"
_OCCASION = re.compile(
    r"['’]s\s+(?:[a-z0-9-]+\s+){0,3}?(?:elections?|votes?|polls?|ballot|referendum|runoff|"
    r"match|game|final|semi-final|derby|race|stage|concert|summit|meeting|talks|ceremony|"
    r"parade|march|rally|launch|opening|debate|hearing|strike|walkout|visit|trip)\b",
    re.IGNORECASE,
)
CALLED_OFF_REACH = 30  # "called off the planned" before a possessive weekday


def _called_off(text: str, left: int, start: int) -> bool:
    """Whether a verb of calling off or putting off comes right before the weekday."""
    return (
        _called_off_pattern().search(text, max(left, start - CALLED_OFF_REACH), start) is not None
    )


# The verbs that call off or put off a plan are the events step's (cues.json cancel_verbs,
# reschedule_verbs): one list for both; nouns and adverbs there ('no longer') are left out.
@lru_cache(maxsize=1)
def _called_off_pattern() -> re.Pattern[str]:
    from dateline.events.lexicon import load_cues

    cues = load_cues()
    verbs = [w.split() for w in (*cues["cancel_verbs"], *cues["reschedule_verbs"])]
    verbs = [w for w in verbs if w[0] not in ("no", "cancellation", "cancelled", "ax")]
    stems = sorted(
        r"\s+".join([re.escape(w[0].removesuffix("e")) + r"\w*", *map(re.escape, w[1:])])
        for w in verbs
    )
    return re.compile(rf"\b(?:{'|'.join(stems)})\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cancelled_pattern() -> re.Pattern[str]:
    """A verb that calls a plan off (cues.json cancel_verbs) in the present perfect:
    'has been called off', 'have scrapped', 'has now been cancelled'."""
    from dateline.events.lexicon import load_cues

    verbs = [w.split() for w in load_cues()["cancel_verbs"]]
    verbs = [w for w in verbs if w[0] not in ("no", "cancellation", "cancelled", "ax", "axe")]
    stems = sorted(
        r"\s+".join([re.escape(w[0].removesuffix("e")) + r"\w*", *map(re.escape, w[1:])])
        for w in verbs
    )
    return re.compile(
        rf"\b(?:has|have)\s+(?:\w+\s+)?(?:been\s+)?(?:{'|'.join(stems)})\b", re.IGNORECASE
    )


# The simple present of a scheduled occasion is its future in news: "Arafat and Netanyahu
# meet separately Monday", "the Senate votes Tuesday", "the team flies home Sunday"
_SCHEDULED_VERB = (
    r"(?:meets?|arrives?|visits|travels|leaves|begins?|starts?|opens?|hosts|resumes?|flies|"
    r"convenes|votes|departs|returns|heads|testifies|kicks?\s+off|goes|takes\s+office|"
    r"plays|faces?|runs|lasts|finishes|closes?|ends|expires)"
)
_SCHEDULED = re.compile(
    rf"\b{_SCHEDULED_VERB}\b"
    # the words between may include a clock range: "runs from 3 a.m. to 11 a.m. Saturday"
    r"(?:\s+(?!on\b|by\b|until\b|till\b|before\b|after\b|since\b)"
    r"(?:[a-z]+(?:-[a-z]+)*|[0-9]{1,2}(?:[:.][0-9]{2})?|[ap]\.m\.)){0,6}"
    r"\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# ... or right after the weekday: "on Friday the riders face a time trial"
_SCHEDULED_AFTER = re.compile(
    rf"\s*,?\s*(?:the\s+)?(?:[a-z]+\s+){{0,2}}?{_SCHEDULED_VERB}\b", re.IGNORECASE
)

# "postponed the launch of its rocket to Thursday", "could be moved to Friday"
_MOVED_TO = re.compile(
    r"\b(?:postpon|delay|mov|push|reschedul|put\s+off|put\s+back|brought\s+forward|bring)"
    r"\w*\b[^.;:]{0,60}\b(?:to|until|till)\s+$",
    re.IGNORECASE,
)
