"""Clock times: "10:35 a.m.", "noon Friday", "2132 GMT Monday", on the day they belong to."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from dateline.model import Timex
from dateline.timex.calendar_math import Point
from dateline.timex.context import Context, Groups, Result, approx_of, normalizer
from dateline.timex.narrative import in_story
from dateline.timex.normalize import norm_date, norm_weekday
from dateline.timex.tense import FUTURE, PAST

_CLOCK_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]


@normalizer("clock")
def norm_clock(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """Clock times ("10:35 a.m.", "noon"), on the DCT's day or a named weekday."""
    hhmm = groups.get("hhmm")
    text = (
        f"{hhmm[:2]}:{hhmm[2:]}"
        if hhmm
        else str(groups.get("clock") or args.get("clock", "12:00")).lower()
    )
    hour, _, minute = text.replace(".", ":").partition(":")
    h = _CLOCK_WORDS.index(hour) + 1 if hour in _CLOCK_WORDS else int(hour)
    if groups.get("part") in ("afternoon", "evening") and h < 12:
        h += 12
    if groups.get("ampm") == "pm" and h < 12:
        h += 12
    elif groups.get("ampm") == "am" and h == 12:
        h = 0
    # a clock time belongs to the day last mentioned ("on Friday ... at 10:35 a.m."),
    # unless that day is still ahead and the clock time's clause is past ("its next
    # meeting on Dec. 18. The decision, announced at 2:15 p.m., ..."; a modal nearer to it
    # keeps the day: "said the last train on Tuesday would leave at 7 p.m.")
    named = ctx.last is not None and ctx.last.granularity == "day"
    day = ctx.last.start if ctx.last is not None and named else ctx.dct
    if day > ctx.dct and ctx.tense_of(weak=False) == PAST and not _modal_since_day(ctx):
        day = ctx.dct
    elif (
        (day < ctx.dct or not named)
        and ctx.ahead_day is not None
        and ctx.tense == FUTURE
        and ctx.tense_of(weak=False) != PAST  # "shares rose 5 percent by midday": past
    ):
        # "the runoff is on Sunday ... polling stations will open at 8 a.m.": a clock time
        # in a future clause is the scheduled occasion's, the last day named ahead
        day = ctx.ahead_day.start
    weekday_groups = {"weekday": groups.get("weekday") or groups.get("weekday2")}
    if groups.get("month") and groups.get("day"):
        dated = norm_date(ctx, {k: groups.get(k) for k in ("month", "day", "year")}, {})
        day = dated.point.start if dated and dated.point else day
    elif weekday_groups["weekday"]:
        weekday = norm_weekday(ctx, weekday_groups, {})
        day = weekday.point.start if weekday and weekday.point else day
    dayword = str(groups.get("dayword") or "").lower()
    if dayword:  # "4 p.m. EST today"
        day = ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(dayword, 0))
    own_day = bool(groups.get("month") or weekday_groups["weekday"] or dayword)
    if not own_day:
        day = _after_midnight(ctx, h) or day
    day += timedelta(days=int(args.get("offset", 0)))
    p = Point(day, "day", f"{h:02d}:{int(minute or 0):02d}{zone_of(groups)}")
    mod = approx_of(groups) or ("APPROX" if groups.get("about") else None)
    if not own_day and (ctx.last is None or ctx.last.granularity != "day") and in_story(ctx):
        # a story's clock time before its day is named ("at 4.30 a.m. on 29 March"): the
        # DCT's day would be wrong, so it anchors nothing; the day named next completes it
        return Result(p.value, None, mod, "TIME")
    return Result(p.value, p, mod, "TIME")


_MODAL = re.compile(r"\b(?:will|would|shall|could|might)\b", re.IGNORECASE)


def _modal_since_day(ctx: Context) -> bool:
    """A modal between the day last named and the clock time: the day's own future."""
    since = ctx.last_end if ctx.last_end is not None else ctx.start
    return _MODAL.search(ctx.text, since, ctx.start) is not None


# "from 9 p.m. until 2 a.m.", "left at 11:50 p.m. on Saturday and reached Manly at
# 12:20 a.m.": small hours told right after a night's clock time fall on the next day
CROSSING_REACH = 120  # characters from the night's clock time to the small hours
NIGHT_FROM = 18  # a clock time from this hour on is the night before ...
SMALL_HOURS_UNTIL = 6  # ... the small hours up to this one


def _after_midnight(ctx: Context, hour: int) -> date | None:
    """The next day, for small hours told right after a clock time of the night before."""
    last = ctx.last_clock
    if hour >= SMALL_HOURS_UNTIL or last is None or last.part is None or ctx.last_end is None:
        return None
    if ctx.start - ctx.last_end > CROSSING_REACH or not last.part[:2].isdigit():
        return None
    if not NIGHT_FROM <= int(last.part[:2]) < 24:
        return None
    return last.start + timedelta(days=1)


def zone_of(groups: Groups) -> str:
    """The stated zone as ISO 8601 wants it after the time: "Z" for GMT/UTC, else the
    offset ("EST" → "-05:00"); "" without one (local time has no known offset)."""
    zone = str(groups.get("zone") or "")
    return zone if zone == "Z" or zone[:1] in ("+", "-") else ""


# a local clock lies this many minutes before or after the same instant in UTC at most
ZONE_WEST = 12 * 60
ZONE_EAST = 14 * 60
_CLOCK_VALUE = re.compile(r"T([0-9]{2}):([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?$")


def equivalent_day(clock_value: str, equivalent_value: str) -> date | None:
    """The day of a clock time whose bracketed equivalent in another zone has a day: "4:32
    a.m. local time (2132 GMT Monday)" is Tuesday, the only day on which 4:32 a.m. lies
    within the world's zone offsets of Monday 21:32 UTC; with both zones stated, the
    day on which the two name one instant."""
    clock = _CLOCK_VALUE.search(clock_value)
    other = _CLOCK_VALUE.search(equivalent_value)
    if clock is None or other is None:
        return None
    day = date.fromisoformat(equivalent_value[:10])
    delta = _minutes(clock) - _offset(clock) - _minutes(other) + _offset(other)
    if clock.group(3) and other.group(3):
        shifts = [s for s in (-1, 0, 1) if delta + s * 1440 == 0]
    else:
        gap = _minutes(clock) - _minutes(other) + _offset(other)
        shifts = [s for s in (0, 1, -1) if -ZONE_WEST <= gap + s * 1440 <= ZONE_EAST]
    return day + timedelta(days=shifts[0]) if shifts else None


def _minutes(clock: re.Match[str]) -> int:
    return int(clock.group(1)) * 60 + int(clock.group(2))


def _offset(clock: re.Match[str]) -> int:
    zone = clock.group(3) or "Z"
    if zone == "Z":
        return 0
    sign = -1 if zone[0] == "-" else 1
    return sign * (int(zone[1:3]) * 60 + int(zone[4:6]))


# "at 2 p.m. AEDT (0300 GMT) on Tuesday": the clock time and its equivalent share the day
EQUIVALENT = re.compile(r"\s*(?:local\s+time\s*)?\(\s*")


def keep_local_clock(ctx: Context, start: int, results: dict[int, Timex]) -> None:
    """A bracketed equivalent in another zone ("4:32 a.m. local time (2132 GMT Monday)")
    dates the local clock time (Tuesday), which stays the anchor: "two hours later",
    "by noon" count from 4:32 a.m. on Tuesday."""
    zoned = results.get(start)
    before = [t for t in results.values() if t.end <= start]
    local = max(before, key=lambda t: t.end, default=None)
    if zoned is None or local is None or not EQUIVALENT.fullmatch(ctx.text, local.end, start):
        return
    if local.type != "TIME" or zoned.type != "TIME" or len(local.value) < 16:
        return
    day = equivalent_day(local.value, zoned.value)
    if day is None:
        return
    iso = day.isoformat()
    results[local.start] = replace(local, value=iso + local.value[10:], earliest=iso, latest=iso)
    ctx.last = ctx.last_day = Point(day, "day")
    ctx.last_clock = Point(day, "day", local.value[11:16])


# "at 5 a.m. on 11 November 1918", "at 6:15 p.m. EDT Friday", "until midnight on the final
# day, March 21": the day named next
CLOCK_THEN_DAY = re.compile(
    r"\s*\)?\s*(?:\(?[A-Z]{2,4}\)?\s*)?(?:local\s+time\s*)?(?:,\s*)?(?:on\s+|\bof\s+)?(?:the\s+)?"
    r"(?:(?:final|last|first|opening|closing)\s+day,\s*)?",
)
# "from 3 a.m. to 11 a.m. Saturday": the first clock time shares the second's day
_DAY_WORD = re.compile(
    r"day\b|tomorrow|tonight|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.IGNORECASE
)
_CLOCK_RANGE = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*")


def clock_days(text: str, results: dict[int, Timex]) -> None:
    """Give a clock time without a day of its own the day that directly follows it ("at
    12:30 GMT, on Thursday, April 2"), else the date right before it ("on March 22 at 9
    a.m."); the first of a range shares the second's ("between 5 p.m. and 11 p.m. on
    May 30")."""
    found = sorted(results.values(), key=lambda t: t.start)
    dated: set[int] = set()
    for clock, after in reversed(list(pairwise(found))):
        if not (clock.rule or "").startswith("clock") or clock.type != "TIME":
            continue
        after = results.get(after.start, after)
        if after.granularity == "day":
            gap = CLOCK_THEN_DAY.match(text, clock.end, after.start)
        elif (after.rule or "").startswith("clock") and (
            _DAY_WORD.search(after.text) or after.start in dated
        ):
            gap = _CLOCK_RANGE.match(text, clock.end, after.start) or EQUIVALENT.match(
                text, clock.end, after.start
            )
        elif (after.rule or "").startswith("clock") and after.type == "TIME":
            gap = EQUIVALENT.match(text, clock.end, after.start)
        else:
            continue
        if gap is None or gap.end() != after.start:
            continue
        day = after.value[:10]
        if gap.re is EQUIVALENT:  # "4:32 a.m. local time (2132 GMT Monday)": Tuesday
            day = str(equivalent_day(clock.value, after.value) or day)
        dated.add(clock.start)
        if day != clock.value[:10]:
            results[clock.start] = replace(
                clock, value=day + clock.value[10:], earliest=day, latest=day
            )
    for date_, clock in pairwise(found):
        if (
            clock.start in dated
            or not (clock.rule or "").startswith("clock")
            or clock.type != "TIME"
        ):
            continue
        if date_.type != "DATE" or date_.granularity != "day" or _DAY_WORD.search(clock.text):
            continue
        day = date_.value[:10]
        if _DAY_THEN_CLOCK.fullmatch(text, date_.end, clock.start) and day != clock.value[:10]:
            results[clock.start] = replace(
                clock, value=day + clock.value[10:], earliest=day, latest=day
            )


_DAY_THEN_CLOCK = re.compile(r",?\s+at\s+")
