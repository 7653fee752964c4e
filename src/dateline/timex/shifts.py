"""Shifts: "N units ago / later / earlier", from the DCT or the last mentioned time.

Without a point to move to ("half an hour later" with no clock time before it, "a
few days later") the amount itself is the expression, a DURATION with "later" left
outside, as TimeML writes it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from dateline.timex import calendar_math as cal
from dateline.timex.calendar_math import Point
from dateline.timex.context import (
    Context,
    Groups,
    Result,
    amount_of,
    approx_of,
    mod_of,
    normalizer,
    unit_of,
)
from dateline.timex.durations import DURATION_UNITS, duration_value
from dateline.timex.narrative import in_story
from dateline.timex.normalize import months_span_before, period_anchor
from dateline.timex.tense import sentence_bounds


@normalizer("shift")
def norm_shift(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """N units ago / later / earlier / from now: the DCT or the last mentioned time, moved."""
    n = amount_of(groups)
    direction = str(groups.get("direction") or args.get("direction"))
    unit = unit_of(groups, args)
    if direction.startswith("ref") and _offset_only(ctx, n, unit):
        return _offset(ctx, n, unit, groups)
    if n is None or n != int(n):
        value = "FUTURE_REF" if direction.endswith("+1") else "PAST_REF"
        return Result(value, None, mod_of(groups, args))
    if unit in _CLOCK_UNITS:
        clock = _clock_anchor(ctx)
        if clock is not None and direction.startswith("ref"):
            # "the quake hit at 4:32 a.m. ... lifted about two hours later": 06:32
            moved = clock + timedelta(
                **{unit + "s": int(n) * (-1 if direction.endswith("-1") else 1)}
            )
            p = Point(moved.date(), "day", moved.strftime("%H:%M"))
            return Result(p.value, p, approx_of(groups), "TIME")
        # the DCT has no time of day: hours ago is still (about) the DCT's day
        p = cal.point(ctx.dct, "day")
        return Result(p.value, p, approx_of(groups))
    steps = int(n) * (-1 if direction.endswith("-1") else 1)
    said = ctx.text[ctx.start : ctx.end].lower()
    if args.get("gran") == "quarter" and unit == "year" and steps == -1 and "period" in said:
        compared = _year_earlier_span(ctx)
        if compared is not None:
            return compared
    base = _shift_base(ctx, direction, unit)
    if args.get("gran") == "quarter" and base.granularity not in ("quarter", "half"):
        # "last year's quarter" with no quarter named yet: the last one reported
        base = cal.shift(cal.point(ctx.dct, "quarter"), "quarter", -1)
    step_unit = {"decade": "year", "century": "year", "fortnight": "week"}.get(unit, unit)
    steps *= {"decade": 10, "century": 100, "fortnight": 2}.get(unit, 1)
    if step_unit not in cal.RANK:
        return None
    if base.granularity == "season" and step_unit in ("month", "week", "day"):
        base = cal.point(base.start, step_unit)  # "eleven months earlier" than a summer
    elif base.granularity == "week" and step_unit == "month":
        # "a month later" than the first week of December: January (a week is its
        # Thursday's month, as ISO 8601 gives a year its weeks)
        base = cal.point(base.start + timedelta(days=3), "month")
    p = cal.shift(base, step_unit, steps)
    gran = args.get("gran")
    if gran and cal.RANK[p.granularity] < cal.RANK[gran]:
        p = cal.coarsen(p, gran)
    elif cal.RANK[p.granularity] < cal.RANK["year"] and (
        unit in ("decade", "century") or (unit == "year" and direction == "ref+1")
    ):
        # "a decade later" than December 1936: 1946; "two years later" a story moves on
        # by years ("a year earlier" keeps the compared quarter or day)
        p = cal.coarsen(p, "year")
    elif step_unit in ("week", "month") and cal.RANK[p.granularity] < cal.RANK[step_unit]:
        # "two weeks later" is a week, as "two weeks ago" is, and "a month later" than a
        # week a month; "a year earlier" than a day stays that day a year before (a
        # comparison date, in business news)
        p = cal.coarsen(p, step_unit)
    return Result(p.value, p, approx_of(groups))


_CLOCK_UNITS = ("hour", "minute", "second")
# "later" / "earlier" (with "or so") after the amount: left outside an offset's extent
_DIRECTION_AFTER = re.compile(r"(?:\s+or\s+so)?\s+[a-z]+$", re.IGNORECASE)


def _offset_only(ctx: Context, n: float | None, unit: str) -> bool:
    """Whether "N units later" gives no point to move to: a vague or fractional amount
    ("a few days later", "a year and a half later"), or hours and minutes with no clock
    time to count from ("half an hour later", "24 hours later")."""
    if n is None or n != int(n):
        return unit in DURATION_UNITS
    return unit in _CLOCK_UNITS and _clock_anchor(ctx) is None


def _offset(ctx: Context, n: float | None, unit: str, groups: Groups) -> Result:
    """The amount of an offset from a narrative anchor, as TimeML has it: a DURATION,
    "later" outside ("half an hour later" → PT30M over "half an hour")."""
    tail = _DIRECTION_AFTER.search(ctx.text, ctx.start, ctx.end)
    end = tail.start() if tail is not None else None
    return Result(duration_value(n, unit), None, approx_of(groups), "DURATION", end=end)


def _clock_anchor(ctx: Context) -> datetime | None:
    """The last mentioned clock time, when the last mentioned time is one."""
    last = ctx.last_clock
    # the zone of "09:30 GMT" is dropped: the time moved ("two hours later") is local again
    if last is None or last.part is None or not re.match(r"[0-9]{2}:[0-9]{2}", last.part):
        return None
    hour, minute = int(last.part[:2]), int(last.part[3:5])
    if hour == 24:
        return datetime.combine(last.start, time()) + timedelta(days=1)
    return datetime.combine(last.start, time(hour, minute))


def _shift_base(ctx: Context, direction: str, unit: str) -> Point:
    gran = unit if unit in cal.RANK else "day"
    gran = {"decade": "year", "century": "year", "fortnight": "week"}.get(gran, gran)
    anchor = ctx.last
    if anchor is not None and anchor.granularity in ("quarter", "half"):
        anchor = period_anchor(ctx, anchor.granularity)
    quarterly = anchor is not None and anchor.granularity in ("quarter", "half") and gran == "year"
    if quarterly and anchor is not None and months_span_before(ctx):
        # "for the nine months, ... a year earlier": the year-earlier period is no quarter
        anchor = cal.coarsen(anchor, "year")
    if _compared_last_year(ctx, anchor, direction, gran):
        # "Last year losses totaled $5 million ... the year-earlier results": the
        # comparison is with last year itself, not with the year before it
        return cal.point(ctx.dct, "year")
    if (direction.startswith("ref") and anchor is not None) or quarterly:
        assert anchor is not None
        return (
            anchor if cal.RANK[anchor.granularity] < cal.RANK["year"] else cal.coarsen(anchor, gran)
        )
    return cal.point(ctx.dct, gran)


def _compared_last_year(ctx: Context, anchor: Point | None, direction: str, gran: str) -> bool:
    """Whether "a year earlier" would count back from last year, the year before the DCT's,
    in news told from the DCT."""
    if direction != "ref-1" or gran != "year" or anchor is None or ctx.last_end is None:
        return False
    if anchor.granularity != "year" or anchor.start.year != ctx.dct.year - 1:
        return False
    # "at year-end from $3.2 billion a year earlier" does count back from last year's end
    said = _LAST_YEAR.search(ctx.text, max(0, ctx.last_end - LAST_YEAR_REACH), ctx.last_end)
    return said is not None and not in_story(ctx)


LAST_YEAR_REACH = 16  # "last year's", "the 1988 period" right before the end of the anchor
# last year, or the year-earlier period named by its year ("compared with $195 million in
# the 1988 period. The year-ago results ...")
_LAST_YEAR = re.compile(r"\b(?:last\s+year(?:['’]s)?|the\s+[0-9]{4}\s+period)$", re.IGNORECASE)


# "the six months to June 30 ... the year-earlier period", "For the nine months, ...
# In the year-earlier period": the span of months just named, a year back
_MONTHS_SPAN = re.compile(
    r"\b(?P<months>nine|six|eight|ten|eleven|[0-9]{1,2})[\s-]+months\b"
    r"(?:\s+(?:to|ended|ending|through)\s+(?P<month>June|Dec(?:ember|\.)?)\s+(?:30|31))?",
    re.IGNORECASE,
)
_MONTH_WORDS = {"six": 6, "eight": 8, "nine": 9, "ten": 10, "eleven": 11}


def _year_earlier_span(ctx: Context) -> Result | None:
    """The year-earlier period of a span of months named just before with no time since:
    a calendar half a year back ("the six months to June 30": H1), else the span itself as
    a DURATION ("the nine months": P9M), as "the year-earlier nine months" is."""
    left, _ = sentence_bounds(ctx.text, ctx.start, ctx.end)
    if left > 0:  # the sentence before, which ends right before this one starts
        left, _ = sentence_bounds(ctx.text, max(0, left - 2), left - 1)
    spans = list(_MONTHS_SPAN.finditer(ctx.text, left, ctx.start))
    if not spans or (ctx.last_end or 0) > spans[-1].end():
        return None  # none, or a time named after it (its own closing day aside)
    span = spans[-1]
    word = span.group("months").lower()
    months = int(word) if word.isdigit() else _MONTH_WORDS[word]
    if months == 6 and span.group("month"):
        half = 1 if span.group("month").lower().startswith("jun") else 2
        closing = date(ctx.dct.year, 6 * half, 30 if half == 1 else 31)
        year = closing.year - (closing > ctx.dct) - 1  # the last such half, a year back
        p = Point(date(year, 6 * half - 5, 1), "half")
        return Result(p.value, p, None)
    if months in (3, 6, 12):
        return None  # a quarter, a half or a year: the calendar rules decide
    return Result(duration_value(months, "month"), None, None, "DURATION")
