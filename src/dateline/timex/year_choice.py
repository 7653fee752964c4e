"""Which year a name without one means: "in June", "Friday", "Sept. 30".

The clause's tense, a year named earlier in the sentence, a range's closing year
and a narrative's own time decide; without any of them the period nearest the
DCT wins, a past one winning near-ties (news looks back).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

from dateline.timex import calendar_math as cal
from dateline.timex.calendar_math import Point
from dateline.timex.context import Context
from dateline.timex.narrative import narrative_year
from dateline.timex.tense import FUTURE, PAST, past_plan, sentence_bounds


def choose_year(
    ctx: Context, build: Callable[[int], Point | None], base: int | None = None
) -> Point | None:
    """The period named without a year, in the year the clause's tense points to.

    Without a tense cue the DCT's year is kept (the news convention). With one,
    the period nearest the DCT on the tense's side wins; day dates may cross
    to the other side by a little, since lexical cues often belong to a
    reporting verb ("ruled Wednesday that he must leave by Jan. 14").
    """
    year = base if base is not None else ctx.dct.year
    options = [p for p in (build(year - 1), build(year), build(year + 1)) if p is not None]
    if not options:
        # "29 February" in a story of 1984: no year near the DCT has one; the story's may
        return narrative_year(ctx, build)
    named = _sentence_year(ctx)
    if named is not None and build(named) is not None:
        return build(named)
    ranged = _range_start(ctx, build)
    if ranged is not None:
        return ranged
    if _moved_to(ctx):
        # 'that had been set for January 20, has been postponed to February 10': the day a
        # plan is moved to lies ahead, whatever the old plan's or the story's past says
        coming = [p for p in options if p.end >= ctx.dct]
        return coming[0] if coming else options[-1]
    narrative = narrative_year(ctx, build)
    if narrative is not None:
        return narrative
    if past_plan(ctx.text, ctx.start, ctx.end):
        # "had been due to start in October": planned on either side, the nearest one
        return min(options, key=lambda p: cal.days_apart(p, ctx.dct))
    if _MOVED_ANY.search(ctx.text, max(0, ctx.start - MOVED_ANY_REACH), ctx.start):
        # "was pushed back to November": a plan's new time, told in the past tense of
        # the move itself, lies ahead unless it has only just gone by ("postponed to
        # March, they were held on Tuesday" in April), not a year back
        return min(
            options, key=lambda p: cal.days_apart(p, ctx.dct) + (p.end < ctx.dct) * MOVED_BACK_COST
        )
    when = ctx.tense
    ahead = _future_anchor(ctx)
    if ahead is not None and when != PAST:
        later = [p for p in options if p.end >= ahead]
        return later[0] if later else options[-1]
    if when == PAST and _ENDED_BEFORE.search(ctx.text, max(0, ctx.start - ENDED_REACH), ctx.start):
        # "the year ended Jan. 31": a period's past closing day cannot lie ahead
        before = [p for p in options if p.start <= ctx.dct]
        return before[-1] if before else options[0]
    if when not in (PAST, FUTURE):
        # no cue: the period nearest the DCT, a past one winning near-ties (news looks back)
        return min(
            options, key=lambda p: cal.days_apart(p, ctx.dct) + (p.start > ctx.dct) * AHEAD_COST
        )
    return min(options, key=lambda p: cal.days_apart(p, ctx.dct) + _penalty(p, ctx.dct, when))


#: a plan moved to a time, told in the present perfect or ahead ('has been postponed to',
#: 'have been pushed back until', 'will be moved to'); the simple past may tell a history
#: ('the visit was moved to October' in an encyclopedia), whose new time is long past
_MOVED_TO = re.compile(
    r"\b(?:has|have|will|would|is\s+to|are\s+to)\s+(?:now\s+|since\s+|again\s+)?(?:been|be)\s+"
    r"(?:postponed|moved|pushed\s+back|put\s+off|put\s+back|deferred|delayed|rescheduled)"
    r"\s+(?:again\s+)?(?:until|till|to|into)\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?$",
    re.IGNORECASE,
)
MOVED_TO_REACH = 80  # characters before the time that its move may start


def _moved_to(ctx: Context) -> bool:
    """The time is the one a plan was moved to in the present perfect or the future."""
    left, _ = sentence_bounds(ctx.text, ctx.start, ctx.end)
    return _MOVED_TO.search(ctx.text, max(left, ctx.start - MOVED_TO_REACH), ctx.start) is not None


# the new time a plan is moved to, in any tense of the move (the simple past too, after
# the story's own year has had its say): "postponed to September", "put back a month to
# June", "rescheduled for April" ("postponed until" is a deadline: the tense says future)
MOVED_ANY_REACH = 60  # characters before the expression the move's verb may start
MOVED_BACK_COST = 200  # days a new time already gone by counts as further away
_MOVED_ANY = re.compile(
    r"\b(?:(?:(?:postpon|delay|defer|adjourn|reschedul|mov|shift)[a-z]*|pushed|"
    r"(?:push|put|set)[a-z]*\s+back|put[a-z]*\s+off|(?:brought|bring[a-z]*)\s+forward)"
    r"(?:\s+[^\s.;:!?,]+){0,4}?\s+to|reschedul[a-z]*\s+for)\s+"
    r"(?:the\s+)?(?:(?:early|late|mid|end\s+of|middle\s+of)[\s-]+)?$",
    re.IGNORECASE,
)
ENDED_REACH = 16  # "ended on" right before a closing day
_ENDED_BEFORE = re.compile(r"\b(?:ended|expired)\s+(?:on\s+)?$", re.IGNORECASE)
AHEAD_COST = 200  # days a period after the DCT counts as further away when no cue decides


def _future_anchor(ctx: Context) -> date | None:
    """A later year the same sentence already named ("until early next year ... in June")."""
    last = ctx.last
    if last is None or last.start <= ctx.dct or ctx.last_end is None:
        return None
    if cal.RANK[last.granularity] < cal.RANK["year"]:
        return None
    if _ENDPOINT.search(ctx.text, max(0, ctx.last_end - ENDPOINT_REACH), ctx.last_end):
        return None
    left, _ = sentence_bounds(ctx.text, ctx.start, ctx.end)
    return last.start if ctx.last_end > left else None


def _sentence_year(ctx: Context) -> int | None:
    """The year named earlier in the same clause ("this year through August")."""
    last = ctx.last
    if last is None or ctx.last_end is None or last.granularity != "year":
        return None
    if ctx.last_end > ctx.start or ctx.start - ctx.last_end > SCOPE_REACH:
        return None
    between = ctx.text[ctx.last_end : ctx.start]
    if _ENDPOINT.search(ctx.text, max(0, ctx.last_end - ENDPOINT_REACH), ctx.last_end):
        return None  # "projections stretching to 2028 ... in December": an end, not a scope
    if not _CLAUSE_BREAK.search(between):
        return last.start.year
    # a fronted year scopes its whole sentence: "In 2020, they did not call it until Nov. 7"
    left, _ = sentence_bounds(ctx.text, ctx.start, ctx.end)
    fronted = left < ctx.last_end and len(ctx.text[left : ctx.last_end].split()) <= 3
    return last.start.year if fronted and not _SENTENCE_BREAK.search(between) else None


# the year that closes a range: "June 12–14, 1863", "between January and October 1648"
_RANGE_YEAR = re.compile(
    r"\s*(?:-|–|—|to|and|until|till|through)\s*(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+)?"
    r"(?:[0-9]{1,2}(?:st|nd|rd|th)?,?\s+)?(?:(?P<m2>[A-Z][a-z]{2,8})\.?,?\s+)?(?P<year>[0-9]{4})(?![0-9])"
)
_MONTH_OF = {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}


def _range_start(ctx: Context, build: Callable[[int], Point | None]) -> Point | None:
    """The first date of a range whose year is written once after it: "June 12–14, 1863";
    "from December until March 1916" starts in the year before."""
    match = _RANGE_YEAR.match(ctx.text, ctx.end, ctx.end + RANGE_YEAR_REACH)
    if match is None:
        return None
    year = int(match.group("year"))
    here = build(year)
    end_name = (match.group("m2") or match.group("m1") or "")[:3].lower()
    end_month = _MONTH_OF.get(end_name)
    if here is not None and end_month is not None and here.start.month > end_month:
        return build(year - 1)
    return here


ENDPOINT_REACH = 40  # "stretching to 2028": the year named at a range's end
SCOPE_REACH = 80  # a year named this far before still scopes the expression
RANGE_YEAR_REACH = 40  # "June 12–14, 1863": the year closing a range
_ENDPOINT = re.compile(r"\b(?:to|until|till|through|into)\s+(?:the\s+end\s+of\s+)?[0-9]{4}$", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\"“”]|--")
_SENTENCE_BREAK = re.compile(r"[;:.!?]")


# Days a day date on the wrong side of the DCT counts as further away; small enough
# that a reporting verb's tense can be overruled by a date weeks away on the other side.
DAY_PENALTY = 150
# Days any other period on the wrong side of the tense counts as further away: a year
# and more, so that the tense wins over nearness.
WRONG_SIDE_PENALTY = 400
NEXT_MONTH_DAYS = 31  # next month's name starts within this many days of the DCT


def _penalty(p: Point, dct: date, when: str) -> int:
    wrong_side = p.start > dct if when == PAST else p.end < dct
    if not wrong_side:
        return 0
    if p.granularity == "day":
        return DAY_PENALTY
    # Next month's name in a past clause: the past reading would be eleven months
    # back, which news writes as "last September"; so the coming month wins.
    if when == PAST and p.granularity == "month" and (p.start - dct).days <= NEXT_MONTH_DAYS:
        return 0
    return WRONG_SIDE_PENALTY
