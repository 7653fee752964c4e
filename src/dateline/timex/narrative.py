"""Stories told far from their DCT: histories, biographies, encyclopedia articles.

A history is written decades after what it tells, so its DCT is no anchor for
"in June" or "on the Sunday": the story's own last mentioned time is. A text is
told as a story while no time so far lay near the DCT and the last one mentioned
lies years before it (see :func:`in_story`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from dateline.timex import calendar_math as cal
from dateline.timex.calendar_math import Point
from dateline.timex.context import Context, Groups, Result, mod_of
from dateline.timex.tense import PRESENT, sentence_bounds
from dateline.timex.weekday_direction import had_before, possessive


def narrative_year(ctx: Context, build: Callable[[int], Point | None]) -> Point | None:
    """In a narrative far from its DCT (a history, a biography), the year of the story.

    When no time so far lay near the DCT and the last one mentioned is years before it,
    "in June" continues the story: the June of the last mentioned year, or of the next
    one when that June would lie well before the last mentioned time (stories move on).
    A single old year long before ("joined the firm in 1985 ... the six months ended
    Aug. 12") is background to news, not a story.
    """
    last = ctx.last
    if last is None or not in_story(ctx):
        return None
    here = build(last.start.year)
    if here is None:
        return None
    if (
        cal.RANK[last.granularity] < cal.RANK["year"]
        and here.end < last.start - NARRATIVE_BACK
        and not flashback(ctx)
    ):
        return build(last.start.year + 1) or here
    return here


def flashback(ctx: Context) -> bool:
    """A past perfect clause ("the men who had crossed the frontier in June") looks back."""
    return had_before(ctx.text, ctx.start, ctx.end, reach=60)


def in_story(ctx: Context) -> bool:
    """Whether the text tells a story far from its DCT (see :func:`narrative_year`)."""
    last = ctx.last
    if ctx.near_dct or last is None or last.end.year >= ctx.dct.year - 1:
        return False
    recent = ctx.last_end is not None and ctx.start - ctx.last_end <= NARRATIVE_REACH
    if not (recent or ctx.far_times >= 3):
        return False
    # what is still ahead is told from the DCT ("a second meeting is planned for July");
    # a past verb of intention is the story's ("agreed to surrender on 22 April"), and so
    # is a present that judges it ("its ambush on 9 June is taken as the start")
    left, right = sentence_bounds(ctx.text, ctx.start, ctx.end)
    ahead = _AHEAD.search(ctx.text, left, ctx.start) or _WILL.search(ctx.text, ctx.end, right)
    return ahead is None


_AHEAD = re.compile(
    r"\b(?:will|shall|won't|'ll|(?:is|are)\s+(?:to|due|planned|scheduled|expected|set)|"
    r"plans?|upcoming|next\s+(?:year|month|week|spring|summer|autumn|fall|winter))\b",
    re.IGNORECASE,
)
_WILL = re.compile(r"\b(?:will|shall|won't|'ll)\b", re.IGNORECASE)  # "On Wednesday, it will ..."
NARRATIVE_REACH = 300  # characters after a story's time that still belong to it
NARRATIVE_BACK = timedelta(days=60)  # a story may step back this far without a new year


def story_weekday(
    ctx: Context, weekday: int, groups: Groups, args: dict[str, Any]
) -> Result | None:
    """ "On the Sunday" in a story: the first such day from the last day it named."""
    last = ctx.day_in_hand
    if last is not None and ctx.last is not None and last.start.year != ctx.last.start.year:
        last = None  # a day named before the story began ("Lunar New Year fell on January 29")
    part = groups.get("part_of_day")
    if last is None:  # no day named yet: a bare weekday is news's way, told from the DCT
        return None
    ahead = (weekday - last.start.isoweekday()) % 7
    p = Point(last.start + timedelta(days=ahead), "day", part)
    return Result(p.value, p, mod_of(groups, args), "TIME" if part else None)


OPEN_REACH = 4  # a sentence's end and the spaces before an expression that opens the next


def told_as_history(ctx: Context) -> bool:
    """A text whose times so far lie mostly years before its DCT (a history, perhaps with
    a few words on its anniversary), at an expression that opens a sentence and takes no
    possessive: there "Today" means nowadays, not the day the article was written."""
    before = max(0, ctx.start - OPEN_REACH)
    opens = ctx.start == 0 or _SENTENCE_OPEN.search(ctx.text, before, ctx.start)
    return (
        bool(opens)
        and not possessive(ctx.text, ctx.end)  # "Today's parade": the DCT
        and ctx.far_times >= 5
        and ctx.far_times >= 3 * ctx.near_times
    )


NOWADAYS_GAP = timedelta(days=366)  # how far back the last time lies when "today" contrasts


def told_as_nowadays(ctx: Context) -> bool:
    """A sentence opened by "Today" in a present clause, right after a time years back,
    contrasts then and now: "It was saved in 2009. Today the museum welcomes 90,000
    visitors a year" ("we today accept" in a quote stays the DCT)."""
    last = ctx.last
    if last is None or ctx.dct - last.end <= NOWADAYS_GAP or possessive(ctx.text, ctx.end):
        return False
    before = max(0, ctx.start - OPEN_REACH)
    if not (ctx.start == 0 or _SENTENCE_OPEN.search(ctx.text, before, ctx.start)):
        return False
    return ctx.tense_of(weak=False) in (PRESENT, None)


_SENTENCE_OPEN = re.compile(r"(?:[.!?][\"'”’)]*\s+|\n\s*)$")
