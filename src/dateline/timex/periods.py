"""Quarters and halves: "the third quarter", "fiscal 1989's first half", "the quarter".

A numbered period without a year takes the DCT's year unless a past clause
names one not yet begun; "the quarter" is the one holding a closing day, else
the one the sentence or the article reports on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from dateline.timex import calendar_math as cal
from dateline.timex.calendar_math import Point
from dateline.timex.context import Context, Groups, Result, mod_of, normalizer, unit_of
from dateline.timex.durations import duration_value
from dateline.timex.normalize import (
    full_year,
    months_span_before,
    norm_date,
    period_anchor,
    rel_year,
)
from dateline.timex.tense import FUTURE, PAST, past_plan, sentence_bounds


@normalizer("quarter")
def norm_quarter(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """Quarters and halves: "the third quarter", "fiscal 1989's first half", "the quarter"."""
    named = _named_months(groups)
    if groups.get("first") and named is None:
        return None  # "the March-May period" is no calendar quarter
    unit, number = named or (
        args.get("unit", "quarter"),
        groups.get("ordinal")
        or groups.get("ordinal2")
        or groups.get("half")
        or groups.get("half2")
        or args.get("ordinal"),
    )
    if args.get("ordinal") and _match_half(ctx, groups):
        return None  # "scored in the final quarter": a game's
    groups = {**groups, "year": groups.get("year") or groups.get("year3")}
    rel = groups.get("rel") or groups.get("rel2")
    if number is None:
        return _current_period(ctx, unit, groups, args)
    if unit == "half" and _match_half(ctx, groups):
        return None  # "transformed in the second half": a match's half
    months = 3 if unit == "quarter" else 6
    if int(number) > 12 // months:
        return None
    build = _period_builder(unit, int(number), months)
    year = full_year(groups) or (int(groups["year2"]) if groups.get("year2") else None)
    if year is not None:
        p = build(year)
    elif rel:
        p = build(rel_year(ctx, rel))
    elif _ended_ahead(ctx, groups):
        p = build(ctx.dct.year - 1)  # "the second quarter ended Oct. 31", told on Oct. 27
    else:
        p = _report_year(ctx, build)
    if p is not None and groups.get("first_months"):
        # "the first six months of the year": a span (P6M) whose days the half gives
        return Result(duration_value(months, "month"), p, mod_of(groups, args), "DURATION")
    return Result(p.value, p, mod_of(groups, args)) if p else None


#: a company reports its full year within about this many days of the year's end
RESULTS_LAG_DAYS = 120


@normalizer("results_year")
def norm_results_year(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """ "full-year results": the year being reported on, the last one in the months after
    its end ("will publish full-year results on March 12", told in February), else the
    DCT's."""
    p = cal.point(ctx.dct - timedelta(days=RESULTS_LAG_DAYS), "year")
    return Result(p.value, p, mod_of(groups, args))


def _named_months(groups: Groups) -> tuple[str, str] | None:
    """Quarter or half spelt as months: "the July-September period", "the first three
    months of 2024". None when the months do not make up one."""
    if groups.get("first_months"):
        return ("quarter", "1") if groups["first_months"] == "three" else ("half", "1")
    if not groups.get("first") or not groups.get("last"):
        return None
    first, last = int(groups["first"]), int(groups["last"])
    if last - first == 2 and first % 3 == 1:
        return "quarter", str(first // 3 + 1)
    if last - first == 5 and first in (1, 7):
        return "half", str(first // 6 + 1)
    return None


def _report_year(ctx: Context, build: Callable[[int], Point | None]) -> Point | None:
    """Quarters without a year are the DCT year's, unless a past clause names one not begun."""
    p = build(ctx.dct.year)
    if p is not None and p.start > ctx.dct and ctx.tense == PAST:
        return build(ctx.dct.year - 1)
    return p


def _ended_ahead(ctx: Context, groups: Groups) -> bool:
    """Whether the period "ended" on a day that this year lies after the DCT: it ended last
    year ("the second quarter ended Oct. 31", told on Oct. 27)."""
    if not groups.get("month") or not groups.get("day"):
        return False
    closing = cal.make_date(ctx.dct.year, int(groups["month"]), int(groups["day"]))
    return closing is not None and closing > ctx.dct


def _period_builder(unit: str, number: int, months: int) -> Callable[[int], Point | None]:
    def build(year: int) -> Point | None:
        day = cal.make_date(year, (number - 1) * months + 1)
        return Point(day, unit) if day else None

    return build


def _current_period(ctx: Context, unit: str, groups: Groups, args: dict[str, Any]) -> Result | None:
    """ "The quarter": the one holding a closing day ("ended Sept. 30"), else the one the
    sentence or the article names, else the last one reported (before the DCT's)."""
    last = period_anchor(ctx, unit)
    reported = cal.shift(cal.point(ctx.dct, unit), unit, -1)
    if groups.get("month") and groups.get("day"):
        p = _closing_period(ctx, unit, int(groups["month"]), int(groups["day"])) or reported
    elif last is not None:
        latest = groups.get("latest") or groups.get("latest2")
        # the latest quarter is the one last ended, unless the article reports on one
        # still running by the calendar: a fiscal quarter ("fourth-quarter earnings" of
        # a year ended Sept. 30)
        p = reported if latest and last.end >= ctx.dct and last != ctx.topic else last
    else:
        p = reported
    year = full_year(groups)
    if year is not None and _months_period(ctx):
        # "in the first nine months ... compared with a loss in the 1988 period": the
        # year's months, which the year stands for, not a quarter
        p = cal.point(cal.make_date(year, 1) or p.start, "year")
    elif year is not None:
        day = cal.make_date(year, p.start.month)
        p = Point(day, unit) if day else p
    return Result(p.value, p, mod_of(groups, args))


def _months_period(ctx: Context) -> bool:
    """A "period" (not a quarter) after a span of months named earlier in its sentence."""
    return "period" in ctx.text[ctx.start : ctx.end].lower() and months_span_before(ctx)


_ENDED_AFTER = re.compile(r"\s+(?:that\s+|which\s+)?ended\b", re.IGNORECASE)


def _closing_period(ctx: Context, unit: str, month: int, day: int) -> Point | None:
    """ "The quarter ended July 31": the calendar period holding most of the months
    that close on that day (May to July: the second quarter), the closing day not
    after the DCT when the text says "ended"."""
    closing = cal.make_date(ctx.dct.year, month, day)
    if closing is None:
        return None
    back = 1 if unit == "quarter" else 3  # months from the closing month to the middle one
    middle = cal.make_date(ctx.dct.year + (month - back - 1) // 12, (month - back - 1) % 12 + 1)
    if middle is None:
        return None
    p = cal.point(middle, unit)
    ended = _ENDED_AFTER.match(ctx.text, ctx.end)
    if (closing > ctx.dct) if ended else (p.start > ctx.dct):
        p = cal.shift(p, "year", -1)
    return p


#: days of a week that must fall in the month for the week to count as one of its weeks
#: (as ISO 8601 counts a year's first week)
WEEK_DAYS_IN_MONTH = 4


@normalizer("month_week")
def norm_month_week(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """'the first week of December', 'the last week of June 2025': the ISO week, counting
    only weeks with at least four of their days in the month."""
    month = norm_date(ctx, {k: v for k, v in groups.items() if k != "ordinal"}, {})
    if month is None or month.point is None or month.point.granularity != "month":
        return None
    weeks = _weeks_of_month(month.point.start)
    number = int(groups["ordinal"])
    if not weeks or abs(number) > len(weeks) or number == 0:
        return None
    week = Point(weeks[number - 1 if number > 0 else number], "week")
    return Result(week.value, week, mod_of(groups, args))


def _weeks_of_month(first: date) -> list[date]:
    """Mondays of the weeks that have at least WEEK_DAYS_IN_MONTH days in the month."""
    monday = first - timedelta(days=first.weekday())
    found: list[date] = []
    while True:
        days = [monday + timedelta(days=n) for n in range(7)]
        inside = sum(1 for d in days if d.month == first.month and d.year == first.year)
        if inside == 0 and monday > first:
            return found
        if inside >= WEEK_DAYS_IN_MONTH:
            found.append(monday)
        monday += timedelta(days=7)


@normalizer("weekend")
def norm_weekend(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """ "The weekend": the coming one in a future clause ("a decision would be made over
    the weekend", "ahead of the weekend"), the one before the DCT's week otherwise; for
    a plan told in the past ("was due to start at the weekend") the nearer of the two;
    on a Saturday or Sunday the one under way."""
    coming = cal.point(ctx.dct, "weekend")  # Saturday and Sunday of the DCT's week
    last = Point(coming.start - timedelta(days=7), "weekend")
    if past_plan(ctx.text, ctx.start, ctx.end):
        # the last weekend ended on its Sunday, a day after its start
        ahead = (coming.start - ctx.dct).days
        p = coming if ahead <= (ctx.dct - last.start).days - 1 else last
    elif ctx.tense == FUTURE or ctx.dct.isoweekday() >= 6:
        p = coming  # on a Saturday or Sunday, "the weekend" is the one under way
    else:
        p = last
    return Result(p.value, p, mod_of(groups, args))


_HABITUAL = {"fortnightly": "P2W", "nightly": "XXXX-XX-XXTNI", "weekends": "XXXX-WXX-WE"}


@normalizer("set")
def norm_set(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """Recurring times: daily, every week, each Monday, nightly, on weekends."""
    word = str(groups.get("word") or groups.get("weekends") or "").lower()
    value = args.get("value") or _HABITUAL.get(word)
    weekday = groups.get("weekday") or groups.get("weekday2")
    part = groups.get("part_of_day") or groups.get("part2")
    if value is None and weekday:
        value = f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")
    if value is None and part:
        value = f"XXXX-XX-XXT{part}"  # every morning
    day = groups.get("day") or groups.get("day2")
    month = groups.get("month") or groups.get("month2")
    if value is None and month and day:
        value = f"XXXX-{month}-{int(float(day)):02d}"
    if value is None and month:
        value = f"XXXX-{month}"
    if value is None and groups.get("season"):
        value = f"XXXX-{groups['season']}"
    if value is None:
        value = duration_value(1, unit_of(groups, args))
    return Result(str(value), None, None, None, args.get("freq"), args.get("quant") or _quant(ctx))


SPORT_REACH = 200  # characters before the sentence where a game's words are looked for
_SPORT = re.compile(
    r"\b(?:goals?|scored|match|game|halftime|half-time|minutes?|striker|penalty|innings?|"
    r"quarterback|touchdown|visitors|hosts|kick-?off|whistle|points|set|team)\b",
    re.IGNORECASE,
)


def _match_half(ctx: Context, groups: Groups) -> bool:
    """A bare "the second half" in a sentence about a game is no half-year."""
    if groups.get("year") or groups.get("rel") or groups.get("half2"):
        return False
    if re.search(r"\bof\s+", ctx.text[ctx.start : ctx.end]):
        return False
    left, right = sentence_bounds(ctx.text, ctx.start, ctx.end)
    return _SPORT.search(ctx.text, max(0, left - SPORT_REACH), right) is not None


def _quant(ctx: Context) -> str | None:
    """TIMEX3 quant of a set: "every week" → EVERY, "each Monday" → EACH."""
    words = ctx.text[ctx.start : ctx.end].lower().split()
    for word, quant in (("every", "EVERY"), ("each", "EACH")):
        if word in words:
            return quant
    return None
