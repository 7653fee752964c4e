"""Normalizers: turn a rule match's groups into a TIMEX3 value.

A rule names its normalizer (``norm = "relative"``); the groups it captured
arrive already looked up in their tables (``"Jan."`` → ``"01"``) or converted
to numbers. Every function is pure: the reference times come in the context.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from dateline.timex import calendar_math as cal
from dateline.timex.calendar_math import Point
from dateline.timex.context import (
    Context,
    Groups,
    Result,
    mod_of,
    normalizer,
    unit_of,
)
from dateline.timex.holidays import named_day
from dateline.timex.narrative import in_story, story_weekday, told_as_history, told_as_nowadays
from dateline.timex.tense import FUTURE, PAST, past_plan, sentence_bounds
from dateline.timex.weekday_direction import plan_called_off, weekday_forward
from dateline.timex.year_choice import choose_year


def split_rel(rel: str | None) -> tuple[str, str | None]:
    """``"-1 END"`` → (``"-1"``, ``"END"``)."""
    if not rel:
        return "0", None
    parts = rel.split()
    return parts[0], parts[1] if len(parts) > 1 else None


_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        start=1,
    )
}


def _day_of(groups: Groups) -> int | None:
    """The day of the month, written in digits or as an ordinal word ("eighteenth")."""
    if groups.get("day") is not None:
        return int(groups["day"])
    words = str(groups.get("day_word") or "").lower().replace("-", " ").split()
    if not words:
        return None
    tens = {"twenty": 20, "thirty": 30}.get(words[0], 0)
    if words[0] == "thirtieth":
        return 30
    return tens + _ORDINAL_WORDS.get(words[-1], 0) if tens else _ORDINAL_WORDS.get(words[0])


def _ymd_point(year: int, groups: Groups) -> Point | None:
    month = int(groups["month"]) if groups.get("month") else None
    if groups.get("season"):
        start = cal.SEASONS[groups["season"]]
        day = cal.make_date(year, start)
        return Point(day, "season") if day else None
    if groups.get("named_day"):
        day = named_day(groups["named_day"], year)
        return Point(day, "day") if day else None
    if month is None:
        day = cal.make_date(year)
        return Point(day, "year") if day else None
    day_number = _day_of(groups)
    if day_number is None:
        day = cal.make_date(year, month)
        return Point(day, "month") if day else None
    day = cal.make_date(year, month, day_number)
    return Point(day, "day") if day else None


TWO_DIGIT_PIVOT = 30  # '29 is 2029, '30 is 1930


def full_year(groups: Groups) -> int | None:
    """The four-digit (or spelled) year a rule captured, if any."""
    for key in ("year", "spelled_year"):
        if groups.get(key) not in (None, "X"):
            return int(float(groups[key]))
    if groups.get("short_year") is not None:
        short = int(groups["short_year"])
        return 1900 + short if short >= TWO_DIGIT_PIVOT else 2000 + short
    return None


@normalizer("date")
def norm_date(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """Calendar dates: year, month, day, season or holiday; the year by tense when missing."""
    if groups.get("decade"):
        if _age(ctx):
            return None
        code = str(groups["decade"])
        spelled = re.fullmatch(r"([0-9]{3})0['’]?s", code)  # a decade the table lacks: 1730s
        if spelled and spelled.group(1).endswith("0") and int(spelled.group(1)) < 190:
            code = spelled.group(1)[:2]  # the 1200s, like the table's 1800s: a century
        elif spelled:
            code = spelled.group(1)
        if len(code) == 2:
            return _century(int(code), mod_of(groups, args))
        return _decade(code, mod_of(groups, args))
    year = full_year(groups)
    if year is None and groups.get("rel"):
        year = rel_year(ctx, groups["rel"])
    if year is not None:
        p = _ymd_point(year, groups)
    else:
        p = choose_year(ctx, lambda y: _ymd_point(y, groups))
        p = _weekday_year(p, groups, _range_end_day(ctx))
    if p is None:
        return None
    if args.get("gran") and cal.RANK[p.granularity] < cal.RANK[args["gran"]]:
        p = cal.coarsen(p, args["gran"])  # "the week of March 6"
    part = groups.get("part_of_day")
    if part:
        p = Point(p.start, p.granularity, part) if p.granularity == "day" else p
    return Result(p.value, p, mod_of(groups, args), "TIME" if p.part else None)


# years before and after, nearest first: a weekday and a day recur in at most six years
_NEAREST_YEARS = (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6)


# "Thursday, September 7-9": the day after the range's dash (or "to", "through", "and")
_RANGE_LAST_DAY = re.compile(r"\s*(?:[-–]|to|through|until|and)\s*([0-9]{1,2})\b(?!\s*[:.][0-9])")


def _range_end_day(ctx: Context) -> int | None:
    """The day number that closes a range right after the expression, if one does."""
    m = _RANGE_LAST_DAY.match(ctx.text, ctx.end)
    return int(m.group(1)) if m else None


def _weekday_year(p: Point | None, groups: Groups, end_day: int | None = None) -> Point | None:
    """ "Tuesday, 24 August" without a year: the nearest year in which it is a Tuesday.

    A weekday before a range of days (``from Tuesday to Thursday, September 7-9``) may name
    the range's last day: when it does in the chosen year, that year stands.
    """
    weekday = groups.get("weekday")
    if p is None or not weekday or p.granularity != "day" or p.start.isoweekday() == int(weekday):
        return p
    if end_day is not None and end_day > p.start.day:
        last = cal.make_date(p.start.year, p.start.month, end_day)
        if last is not None and last.isoweekday() == int(weekday):
            return p
    for delta in _NEAREST_YEARS:
        day = cal.make_date(p.start.year + delta, p.start.month, p.start.day)
        if day is not None and day.isoweekday() == int(weekday):
            return Point(day, "day", p.part)
    return p


# "in his 30s", "in their early forties": an age, not a decade
AGE_REACH = 40  # characters before a decade where "his" / "their" is looked for
_AGE_BEFORE = re.compile(
    r"\b(?:his|her|their|my|your|our)\s+(?:the\s+)?(?:[a-z]+\s+(?:and|or|to)\s+)?$", re.IGNORECASE
)


def _age(ctx: Context) -> bool:
    if re.search(r"[0-9]{4}", ctx.text[ctx.start : ctx.end]):
        return False
    return bool(_AGE_BEFORE.search(ctx.text, max(0, ctx.start - AGE_REACH), ctx.start))


def rel_year(ctx: Context, rel: str) -> int:
    """The year a relative word names ("last year"), from the DCT or the anchor."""
    offset = split_rel(rel)[0]
    if offset.startswith("ref"):
        return ctx.anchor.start.year + int(offset[3:] or 0)
    return ctx.dct.year + int(offset)


@normalizer("century")
def norm_century(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """The 20th century → 19."""
    return _century(int(float(groups["nth"])) - 1, mod_of(groups, args))


@normalizer("bc")
def norm_bc(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """Years and centuries before Christ: 490 BC → BC0490, the 5th century BC → BC04.

    The calendar cannot hold them, so they carry no interval and anchor nothing.
    """
    if groups.get("nth"):
        number = int(float(groups["nth"]))
        return Result(f"BC{number - 1:02d}", None, mod_of(groups, args)) if number < 100 else None
    year = int(groups["bc_year"])
    season = f"-{groups['season']}" if groups.get("season") else ""
    return Result(f"BC{year:04d}{season}", None, mod_of(groups, args)) if year > 0 else None


def _century(hundreds: int, mod: str | None) -> Result | None:
    """The 1800s: the years 1800-1899, TIMEX3 "18"."""
    day = cal.make_date(max(hundreds * 100, 1))
    if day is None:
        return None
    p = Point(day, "century")
    return Result(p.value, p, mod)


def _decade(code: str, mod: str | None) -> Result | None:
    day = cal.make_date(int(code) * 10)
    if day is None:
        return None
    p = Point(day, "decade")
    return Result(p.value, p, mod)


@normalizer("year")
def norm_year(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """A bare year number (1990, the year 99999): kept when the calendar can hold it."""
    year = int(
        float(
            groups.get("year")
            or groups.get("year_any")
            or groups.get("year_ad")
            or groups.get("spelled_year")
            or 0
        )
    )
    if groups.get("short_end") and groups.get("lead"):
        # "1941–45": the century of the first year; "1998-01" would be a month, not a range
        first = int(re.search(r"[0-9]{4}", str(groups["lead"])).group(0))  # type: ignore[union-attr]
        year = first // 100 * 100 + int(groups["short_end"])
        if year <= first:
            return None
    day = cal.make_date(year)
    if day is None:
        return None
    p = Point(day, "year")
    return Result(p.value, p, mod_of(groups, args))


@normalizer("ref")
def norm_ref(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """PAST_REF / PRESENT_REF / FUTURE_REF words."""
    value = args.get("value") or groups.get("ref_word")
    return Result(value, None, mod_of(groups, args)) if value else None


@normalizer("day_offset")
def norm_day_offset(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """today / yesterday / tomorrow / tonight, optionally with a part of day. In an
    encyclopedia article ("Today the line of the walls can still be traced") "today" is
    the present, not the day the article was written."""
    nowadays = _TODAY_NOWADAYS.fullmatch(ctx.text, ctx.start, ctx.end)
    if nowadays and (told_as_history(ctx) or told_as_nowadays(ctx)):
        return Result("PRESENT_REF", None, None)
    day = ctx.dct + timedelta(days=int(args.get("offset", 0)))
    part = (
        groups.get("part_of_day")
        or groups.get("part_of_day2")
        or groups.get("part_of_day3")
        or args.get("part")
    )
    p = Point(day, "day", part)
    return Result(p.value, p, mod_of(groups, args), "TIME" if part else None)


@normalizer("anchor_part")
def norm_anchor_part(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """ "that night", "the next morning": a part of the day last mentioned, or of the next."""
    last = ctx.day_in_hand
    day = last.start if last is not None else ctx.dct
    offset = int(args.get("offset", 0))
    if "past_offset" in args and last is None and ctx.tense_of(weak=False) == PAST:
        offset = int(args["past_offset"])
    part = groups.get("part_of_day") or args.get("part", "NI")
    p = Point(day + timedelta(days=offset), "day", part)
    return Result(p.value, p, mod_of(groups, args), "TIME")


_TODAY_NOWADAYS = re.compile(r"today", re.IGNORECASE)


@normalizer("relative")
def norm_relative(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """last/next/this/that + a calendar unit: shift the DCT (or the last mentioned time)."""
    offset, rel_mod = split_rel(groups.get("rel") or args.get("rel"))
    if "past_rel" in args and ctx.tense == PAST:
        offset = str(args["past_rel"])  # "loans fell at year-end" (said in January): the last one
    unit = unit_of(groups, args)
    gran = "week" if unit == "weekend" and offset.startswith("ref") else unit
    anchor = ctx.anchor
    if unit == "day" and cal.RANK[anchor.granularity] > cal.RANK["day"] and ctx.last_day:
        anchor = ctx.last_day  # 'said on Tuesday … next week, … the same day': Tuesday
    if args.get("in_hand") and cal.RANK[anchor.granularity] > cal.RANK[unit]:
        anchor = ctx.day_in_hand or cal.point(ctx.dct, "day")  # "For the week," after June
    if offset == "0" and _THE_UNIT.match(ctx.text, ctx.start, ctx.end) and in_story(ctx):
        offset = "ref"  # "before the end of the year", in a story: the story's year
    if offset.startswith("ref"):
        base = (
            cal.coarsen(anchor, gran) if cal.RANK[anchor.granularity] <= cal.RANK[gran] else anchor
        )
        n = int(offset[3:] or 0)
    elif (
        unit in ("quarter", "half")
        and offset == "0"
        and _RESULTS_OF.match(ctx.text, ctx.end)
        and ctx.tense != FUTURE
    ):
        # "This quarter's loss includes charges", told a month into the next quarter: the
        # results are the reported quarter's, which has ended
        base = period_anchor(ctx, unit) or cal.point(ctx.dct, unit)
        base = base if base.end < ctx.dct else cal.point(ctx.dct, unit)
        n = 0
    else:
        base = cal.point(ctx.dct, unit)
        n = int(offset)
        compared = _compared_quarter(ctx) if (unit, n) == ("year", -1) else None
        if compared is not None:
            return Result(compared.value, compared, mod_of(groups, args) or rel_mod)
    p = cal.shift(base, "week" if unit == "weekend" else unit, n)
    if unit == "weekend" and p.granularity == "week":
        p = cal.point(p.start, "weekend")
    return Result(p.value, p, mod_of(groups, args) or rel_mod, bounds=_from_dct(ctx, p))


_RESULTS_OF = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+)?(?:loss|losses|profit|profits|earnings|results|net|sales|revenue)\b",
    re.IGNORECASE,
)


# an amount compared with last year's: "compared with earnings of $33 million last year",
# "a 13% increase from last year's $1.55 billion"
_AMOUNT_BEFORE = re.compile(
    r"(?:[$£€]\s?[0-9][0-9.,]*|[0-9][0-9.,]*\s+cents)(?:\s+(?:million|billion))?"
    r"(?:\s+a\s+share)?\s+$",
    re.IGNORECASE,
)
_AMOUNT_AFTER = re.compile(r"['’]s\s+(?:[a-z-]+\s+)?[$£€]\s?[0-9]", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:from|compared\s+(?:with|to)|against|versus)\b", re.IGNORECASE)
AMOUNT_REACH = 40  # characters before "last year" where the compared amount ends
REPORTED_QUARTER_AGE = timedelta(days=200)  # how long ago a reported quarter may have ended


def _compared_quarter(ctx: Context) -> Point | None:
    """The year-earlier quarter, when "last year" names the figure a reported quarter's
    is compared with, as "a year ago" does: "In the latest quarter, the company lost $23
    million, compared with earnings of $33 million last year" → last year's quarter."""
    said = _AMOUNT_BEFORE.search(ctx.text, max(0, ctx.start - AMOUNT_REACH), ctx.start)
    if said is None and not _AMOUNT_AFTER.match(ctx.text, ctx.end):
        return None
    left, _ = sentence_bounds(ctx.text, ctx.start, ctx.end)
    if not _COMPARED.search(ctx.text, left, ctx.start):
        return None
    quarter = period_anchor(ctx, "quarter") or period_anchor(ctx, "half")
    # the reported quarter has begun by the DCT (a fiscal fourth quarter may end in September)
    if (
        quarter is None
        or not ctx.dct - REPORTED_QUARTER_AGE <= quarter.end
        or quarter.start > ctx.dct
    ):
        return None
    return cal.shift(quarter, "year", -1)


# "later this year", "earlier this month": the part of the period after (before) the DCT
_FROM_DCT = re.compile(r"(later|earlier)\s+this\b", re.IGNORECASE)


def _from_dct(ctx: Context, p: Point) -> tuple[date | None, date | None] | None:
    said = _FROM_DCT.match(ctx.text, ctx.start, ctx.end)
    if said is None or not p.start <= ctx.dct <= p.end:
        return None
    if said.group(1).lower() == "later":
        return ctx.dct, p.end
    return p.start, ctx.dct


_THE_COMING = re.compile(r"the\s+(?:coming|upcoming)\b", re.IGNORECASE)
_THE_UNIT = re.compile(
    r"(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?the\s+(?:year|month)\b", re.I
)


@normalizer("named_rel")
def norm_named_rel(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """last/next/this + month, season or weekday name ("last November", "this coming Sept.")."""
    offset, rel_mod = split_rel(groups.get("rel") or args.get("rel"))
    p: Point | None
    if groups.get("weekday"):
        p = _weekday_rel(ctx, int(groups["weekday"]), offset)
    else:
        p = _month_rel(ctx, groups, offset)
    if p is None:
        return None
    part = groups.get("part_of_day")
    if part and p.granularity == "day":
        p = Point(p.start, "day", part)
    return Result(p.value, p, mod_of(groups, args) or rel_mod, "TIME" if p.part else None)


def _month_rel(ctx: Context, groups: Groups, offset: str) -> Point | None:
    """ "last November", "the following spring": from the DCT, or in a story from its
    last mentioned time."""
    # "last summer" is deictic, told from the DCT even inside a story; "the coming winter"
    # in a story is the story's
    story = offset.startswith("ref") or (
        _THE_COMING.match(ctx.text, ctx.start, ctx.end) is not None and in_story(ctx)
    )
    if story and not offset.startswith("ref"):
        offset = "ref" + offset
    base = ctx.anchor if story else cal.point(ctx.dct, "day")
    offset = offset.removeprefix("ref") or "0"
    year = base.start.year
    options = [p for p in (_ymd_point(y, groups) for y in (year - 1, year, year + 1)) if p]
    if not options:
        return None
    if offset == "-1":
        before = [p for p in options if p.end < cal.floor(base.start, p.granularity)]
        return before[-1] if before else options[0]
    if offset == "+1":
        after = [p for p in options if p.start > base.end]
        return after[0] if after else options[-1]
    if offset == "+0":
        after = [p for p in options if p.end >= base.start]
        return after[0] if after else options[-1]
    same = [p for p in options if p.start.year == year]
    return same[0] if same else options[0]


def _weekday_rel(ctx: Context, weekday: int, offset: str) -> Point:
    base = ctx.anchor.start if offset.startswith("ref") else ctx.dct
    offset = offset.removeprefix("ref")
    today = base.isoweekday()
    if offset == "-1":
        back = (today - weekday) % 7 or 7
        return Point(base - timedelta(days=back), "day")
    if offset in ("+1", "+0"):
        ahead = (weekday - today) % 7 or 7
        return Point(base + timedelta(days=ahead), "day")
    return Point(base + timedelta(days=weekday - today), "day")


# "gave them until Tuesday", "extended its deadline until Friday": a deadline weekday
# lies ahead whatever the verb's tense ("stayed until Friday" and "had given them
# until Friday" do not)
UNTIL_REACH = 70  # "gave them until" before a weekday
_UNTIL = re.compile(
    r"(?<!had )\b(?:give|gives|gave|given|has|have|extend\w*|deadline|postpone\w*|delay\w*|"
    r"adjourn\w*|wait\w*)\b[^,.;:]{0,40}\b(?:until|till)\s+"
    r"(?:(?:midnight|noon|[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:[ap]\.m\.)?)\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)


@normalizer("weekday")
def norm_weekday(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """A bare weekday name: the one before the DCT in past clauses, after it in future ones."""
    weekday = int(groups["weekday"])
    if _INDEFINITE.search(ctx.text, max(0, ctx.start - INDEFINITE_REACH), ctx.start):
        return Result(f"XXXX-WXX-{weekday}", None, mod_of(groups, args))
    shared = _SHARED_PLURAL.match(ctx.text, ctx.end)
    if shared is not None and not groups.get("part_of_day"):
        # "on Monday and Tuesday nights": both days' nights, every week
        habit = _PLURAL_PARTS[shared.group(1).lower()]
        return Result(f"XXXX-WXX-{weekday}{habit}", None, None, "SET")
    told = story_weekday(ctx, weekday, groups, args) if in_story(ctx) else None
    if told is not None:
        return told
    paired = _paired_weekday(ctx, weekday) or _weekday_again(ctx, weekday)
    if paired is not None:
        p = Point(paired.start, "day", groups.get("part_of_day"))
        ctx.weekdays[weekday] = (ctx.end, p)
        return Result(p.value, p, mod_of(groups, args), "TIME" if p.part else None)
    today = ctx.dct.isoweekday()
    back = (today - weekday) % 7
    ahead = (weekday - today) % 7
    # news reports mostly look back: without a clear future cue, the last such weekday
    if _UNTIL.search(ctx.text, max(0, ctx.start - UNTIL_REACH), ctx.start):
        delta = ahead
    elif plan_called_off(ctx.text, ctx.start, ctx.end):
        delta = ahead  # 'called off a strike that had been set for Friday': not yet come
    elif past_plan(ctx.text, ctx.start, ctx.end):
        delta = ahead if ahead < back else -back  # a plan told in the past: the nearest one
    else:
        forward = weekday_forward(ctx.text, ctx.start, ctx.end, ctx.tense_of(weak=False))
        delta = ahead if forward else -back
    part = groups.get("part_of_day")
    p = Point(ctx.dct + timedelta(days=delta), "day", part)
    ctx.weekdays[weekday] = (ctx.end, p)
    return Result(p.value, p, mod_of(groups, args), "TIME" if part else None)


def _weekday_again(ctx: Context, weekday: int) -> Point | None:
    """The day of the same weekday named earlier in the sentence: "services on Tuesday
    and Wednesday, and the last train on Tuesday" is one Tuesday."""
    named = ctx.weekdays.get(weekday)
    if named is None:
        return None
    left, _ = sentence_bounds(ctx.text, ctx.start, ctx.end)
    return named[1] if left < named[0] <= ctx.start else None


# a weekday sharing the plural part of day of the next one: "Monday and Tuesday nights"
_PLURAL_PARTS = {"mornings": "TMO", "afternoons": "TAF", "evenings": "TEV", "nights": "TNI"}
_SHARED_PLURAL = re.compile(
    r"\s+(?:and|or)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+"
    r"(mornings|afternoons|evenings|nights)\b",
    re.IGNORECASE,
)


# "on Friday and Saturday", "Monday or Tuesday": the second weekday follows the first
PAIRED_REACH = 16
PAIRED_MAX_GAP = 3  # days at most from the first weekday of a pair to the second
_PAIRED = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*(?:,|and|or|to|through|-|–)\s*(?:on\s+)?$",
    re.IGNORECASE,
)


# "from Monday until Saturday", "from 7 a.m. on Monday until 7 a.m. on Saturday": the
# range's end is the first such weekday after its start
RANGE_END_REACH = 60
RANGE_MAX_GAP = 6
_RANGE_END = re.compile(
    r"\bfrom\s+(?:[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:[ap]\.m\.)?\s+(?:on\s+)?)?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b[^.;:]{0,20}?\b(?:until|till|to|through)\s+"
    r"(?:(?:midnight|noon|[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:[ap]\.m\.)?)\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)


def _paired_weekday(ctx: Context, weekday: int) -> Point | None:
    """The day after the weekday just named that is this weekday, in a pair of them or at
    the end of a range ("from 7 a.m. on Monday until 7 a.m. on Saturday")."""
    first = ctx.last_day
    if first is None:
        return None
    if _PAIRED.search(ctx.text, max(0, ctx.start - PAIRED_REACH), ctx.start):
        most = PAIRED_MAX_GAP
    elif _RANGE_END.search(ctx.text, max(0, ctx.start - RANGE_END_REACH), ctx.start):
        most = RANGE_MAX_GAP
    else:
        return None
    ahead = (weekday - first.start.isoweekday()) % 7
    if not 0 < ahead <= most:
        return None  # "statements made Friday and Thursday": told backwards, no pair
    return Point(first.start + timedelta(days=ahead), "day")


INDEFINITE_REACH = 8  # "on a" right before a weekday
_INDEFINITE = re.compile(r"\bon\s+an?\s+$", re.IGNORECASE)


def period_anchor(ctx: Context, unit: str) -> Point | None:
    """The quarter "the quarter" means: one named in the same sentence, else the article's."""
    last = ctx.last if ctx.last is not None and ctx.last.granularity == unit else None
    if last is not None and ctx.last_end is not None:
        left, _ = sentence_bounds(ctx.text, ctx.start, ctx.end)
        if ctx.last_end > left:
            return last
    topic = ctx.topic if ctx.topic is not None and ctx.topic.granularity == unit else None
    return topic or last


_MONTHS_PERIOD = re.compile(
    r"\b(?:nine|six|eight|ten|eleven|\d{1,2})[\s-]+months?\b(?!\s+(?:ago|earlier|later))",
    re.IGNORECASE,
)


def months_span_before(ctx: Context) -> bool:
    """A span of months ("the first nine months") named in the sentence after the quarter."""
    left, _ = sentence_bounds(ctx.text, ctx.start, ctx.end)
    since = max(left, ctx.last_end or 0)
    return since < ctx.start and bool(_MONTHS_PERIOD.search(ctx.text, since, ctx.start))


#: how far before the day last named a bare day number still falls in its month
_SAME_MONTH_BACK = 7


@normalizer("bare_day")
def norm_bare_day(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """'on the 26th': a day of the month last named ('arrives on May 24 ... talks on the
    26th'; a day number more than a week before the one named is in the next month, one
    within a week of it is in the same month: 'on March 24 and 25 … a forum on the 24th'),
    else of the DCT's month, a month back in a past clause for a day after the DCT's and a
    month on in a future clause for a day before it."""
    number = _day_of(groups)
    if number is None:
        return None
    anchor = ctx.last if ctx.last is not None and ctx.last.granularity in ("day", "month") else None
    if anchor is not None:
        month = anchor.start.replace(day=1)
        if anchor.granularity == "day" and number < anchor.start.day - _SAME_MONTH_BACK:
            month = cal.add_months(month, 1)
    else:
        month = ctx.dct.replace(day=1)
        when = ctx.tense
        if when == PAST and number > ctx.dct.day:
            month = cal.add_months(month, -1)
        elif when == FUTURE and number < ctx.dct.day:
            month = cal.add_months(month, 1)
    day = cal.make_date(month.year, month.month, number)
    if day is None:
        return None
    p = Point(day, "day")
    return Result(p.value, p, mod_of(groups, args), None)
