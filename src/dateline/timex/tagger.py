"""Find temporal expressions with the rule set and normalize them in text order."""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from dateline.model import Timex
from dateline.timex import calendar_math as cal
from dateline.timex.calendar_math import Point
from dateline.timex.clock import CLOCK_THEN_DAY, clock_days, keep_local_clock
from dateline.timex.context import NORMALIZERS, Context, Result
from dateline.timex.narrative import in_story
from dateline.timex.rules import DIGITS, Fragment, Rule, RuleSet, load_ruleset
from dateline.timex.tense import FUTURE

MAX_TEXT = 2_000_000  # characters; longer input is tagged in its first part only
_DEFERRED = ("anniversary",)
# "a year earlier" and the like refer back to the anchor; they do not move it.
# offsets, and the year a result qualifies ("full-year results on March 12"), anchor nothing
_NOT_ANCHORS = ("shift", "results_year")
_DAYS = re.compile(r"\bdays?\b", re.IGNORECASE)
# a time this close to the DCT marks the text as news told from the DCT, not a story
NEAR_DCT_DAYS = 366
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_TOKEN = re.compile(r"[a-z]+|[0-9]+")
_UNITS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}


@dataclass
class Match:
    """A rule's match before normalisation."""

    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def word_index(text: str) -> dict[str, list[int]]:
    """Where each lower-cased word starts; digit runs also under ``#digits`` and the like."""
    index: dict[str, list[int]] = {}
    for match in _TOKEN.finditer(text.lower()):
        word = match.group(0)
        index.setdefault(word, []).append(match.start())
        if word[0].isdigit():
            index.setdefault(DIGITS, []).append(match.start())
            kind = "#year4" if len(word) == 4 else "#small" if len(word) <= 2 else None
            if kind:
                index.setdefault(kind, []).append(match.start())
    return index


def windows(length: int, rule: Rule, index: dict[str, list[int]]) -> list[tuple[int, int]]:
    """Stretches of text near the rule's trigger words: the only places it can match."""
    if rule.trigger is None:
        return [(0, length)]
    starts = sorted(p for word in rule.trigger if word in index for p in index[word])
    spans: list[tuple[int, int]] = []
    for start in starts:
        left, right = max(0, start - rule.before), min(length, start + rule.reach)
        if spans and left <= spans[-1][1]:
            spans[-1] = (spans[-1][0], right)
        else:
            spans.append((left, right))
    return spans


def _start(match: re.Match[str]) -> int:
    """Where the extent starts: after a ``lead`` group (a modifier kept outside)."""
    if "lead" not in match.re.groupindex or match.group("lead") is None:
        return match.start()
    start = match.end("lead")
    while start < match.end() and match.string[start].isspace():
        start += 1
    return start


def find_matches(text: str, ruleset: RuleSet) -> list[Match]:
    """Every rule's matches, then the longest ones that do not overlap."""
    index = word_index(text)
    # many rules share a trigger set ({month}, {unit}, "year"): compute its windows once
    shared: dict[tuple[frozenset[str] | None, int, int], list[tuple[int, int]]] = {}
    found: list[Match] = []
    for rule in ruleset.rules:
        key = (rule.trigger, rule.reach, rule.before)
        if key not in shared:
            shared[key] = windows(len(text), rule, index)
        for left, right in shared[key]:
            found.extend(
                Match(_start(m), m.end(), rule, m)
                for m in rule.regex.finditer(text, left, right)
                if m.end() > m.start()
            )
    found.sort(key=lambda m: (-(m.end - m.start), -m.rule.priority, m.start))
    taken: list[Match] = []
    used = bytearray(len(text) + 1)
    for match in found:
        if not any(used[match.start : match.end]):
            if not is_title(text, match.start, match.end):
                taken.append(match)
            used[match.start : match.end] = b"\x01" * (match.end - match.start)
    return sorted(taken, key=lambda m: m.start)


TITLE_REACH = 30  # characters before an expression searched for an opening quote or a name
# Time words that English writes in lower case unless they are part of a name.
_COMMON = re.compile(
    r"(?:today|tonight|tomorrow|yesterday|now|noon|midnight|weeks?|minutes?|hours?|days?|"
    r"months?|years?|morning|night|evening|afternoon|time)"
)
_OPENING_QUOTE = re.compile(r"(?:\"|“|``|'')\s*$")
_WORD = re.compile(r"[A-Za-z]+")
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")


def is_title(text: str, start: int, end: int) -> bool:
    """A capitalized time word inside a name or title: ABC's "This Week", "High Noon".

    A quoted expression with a capitalized common word after its first word is a
    title; a capitalized common word right after another capitalized word in
    running text ("VOA Today") is a name. Title-case lines (headlines) are left alone.
    """
    words = _WORD.findall(text[start:end])
    if not any(_capital_common(w) for w in words):
        return False
    before = text[max(0, start - TITLE_REACH) : start]
    if _OPENING_QUOTE.search(before):
        # "60 Minutes" or "This Week": a capital that is not the sentence's first letter
        rest = words if text[start].isdigit() else words[1:]
        return any(_capital_common(w) for w in rest)
    previous = _WORD.findall(before)
    tail = before.rstrip()
    if not previous or not tail or not tail[-1].isalpha() or not previous[-1][0].isupper():
        return False
    if not _capital_common(words[0]):
        return False
    return len(_LOWER_WORD.findall(_line(text, start, end))) >= 2


def _capital_common(word: str) -> bool:
    return word[0].isupper() and _COMMON.fullmatch(word.lower()) is not None


def _line(text: str, start: int, end: int) -> str:
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)]


def _key(text: str) -> str:
    return " ".join(text.lower().replace(".", "").replace("’", "'").split())


def group_values(
    match: re.Match[str], rule: Rule, tables: dict[str, dict[str, str]]
) -> dict[str, Any]:
    """The match's groups, looked up in their tables or read as numbers."""
    values: dict[str, Any] = {}
    for name, fragment in rule.groups.items():
        raw = match.group(name)
        if raw is None:
            continue
        values[name] = _convert(raw, fragment, tables)
    for name, raw in match.groupdict().items():
        if name not in values and raw is not None and name not in rule.groups:
            values[name] = raw
    return values


def _convert(raw: str, fragment: Fragment, tables: dict[str, dict[str, str]]) -> Any:
    if fragment.number:  # "28.9 hours": a decimal point is no abbreviation's
        return _number(" ".join(raw.lower().split()), tables.get("number", {}))
    key = _key(raw)
    if fragment.table:
        table = tables[fragment.table]
        for candidate in (key, key.rstrip("-"), key.lstrip("'")):
            if candidate in table:
                return table[candidate]
        return raw
    return raw


def _number(key: str, words: dict[str, str]) -> Any:
    if key in words:
        return words[key]
    key = key.replace(",", "").removesuffix("st").removesuffix("nd").removesuffix("rd")
    key = key.removesuffix("th")
    if key.endswith(" 1/2"):
        return str(float(key[:-4]) + 0.5)
    if _NUMBER.fullmatch(key):
        return key
    parts = re.split(r"[- ]", key)
    if not all(p in words and words[p] != "X" for p in parts):
        return "X"
    if len(parts) > 1 and parts[0] in ("nineteen", "twenty") and parts[1] not in _UNITS:
        # a spoken year: "nineteen ninety-six" is 19 * 100 + 96
        return str(int(words[parts[0]]) * 100 + int(sum(float(words[p]) for p in parts[1:])))
    return str(sum(float(words[p]) for p in parts))


def to_timex(text: str, match: Match, result: Result, dct: date) -> Timex:
    """The Timex for a normalized match, with its calendar interval."""
    kind = result.type or match.rule.type
    earliest, latest, granularity = interval(result, dct)
    return Timex(
        text=text[match.start : match.end],
        start=match.start,
        end=match.end,
        type=kind,
        value=result.value,
        mod=result.mod or None,
        earliest=earliest,
        latest=latest,
        granularity=granularity,
        freq=result.freq,
        quant=result.quant,
        rule=match.rule.id,
    )


def interval(result: Result, dct: date) -> tuple[str | None, str | None, str | None]:
    """Inclusive earliest/latest dates and granularity, narrowed by the mod."""
    p = result.point
    if p is None:
        return _ref_interval(result.value, dct)
    first, last = result.bounds or _narrow(p.start, p.end, result.mod)
    granularity = "time" if p.part else p.granularity
    return (
        first.isoformat() if first else None,
        last.isoformat() if last else None,
        granularity,
    )


def _ref_interval(value: str, dct: date) -> tuple[str | None, str | None, str | None]:
    iso = dct.isoformat()
    if value == "PRESENT_REF":
        return iso, iso, None
    if value == "PAST_REF":
        return None, iso, None
    if value == "FUTURE_REF":
        return iso, None, None
    return None, None, None


def _narrow(first: date, last: date, mod: str | None) -> tuple[date | None, date | None]:
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return None, last
    if mod in ("AFTER", "ON_OR_AFTER"):
        return first, None
    days = (last - first).days + 1
    third = days // 3
    if mod == "START" and third:
        return first, first + timedelta(days=third - 1)
    if mod == "MID" and third:
        return first + timedelta(days=third), last - timedelta(days=third)
    if mod == "END" and third:
        return last - timedelta(days=third - 1), last
    return first, last


def _normalize(ctx: Context, match: Match, tables: dict[str, dict[str, str]]) -> Result | None:
    ctx.start, ctx.end = match.start, match.end
    groups = group_values(match.match, match.rule, tables)
    try:
        result = NORMALIZERS[match.rule.norm](ctx, groups, match.rule.args)
    except (ValueError, OverflowError):
        # a date the calendar cannot hold ("February 30", a year past 9999): no expression.
        # Any other exception is a normalizer's bug and must fail a test, not vanish.
        return None
    if result is not None and result.mod is None and match.rule.mod:
        result.mod = match.rule.mod
    return result


def _narrowed(match: Match, result: Result) -> Match:
    """The match cut to the extent the normalizer kept, if it kept less."""
    if result.end is None or not match.start < result.end < match.end:
        return match
    return Match(match.start, result.end, match.rule, match.match)


def tag_text(text: str, dct: date, doc: Any = None, ruleset: RuleSet | None = None) -> list[Timex]:
    """Tag and normalize every temporal expression in ``text``."""
    ruleset = ruleset or load_ruleset()
    text = text[:MAX_TEXT]
    ctx = Context(text=text, dct=dct, doc=doc)
    matches = find_matches(text, ruleset)
    results: dict[int, Timex] = {}
    column = anniversary_column(text)
    for match in matches:
        if match.rule.norm in _DEFERRED:
            continue
        result = _normalize(ctx, match, ruleset.tables)
        if result is None:
            continue
        if column:
            result = _day_of_entry_year(text, match.start, match.end, result, dct)
        match = _narrowed(match, result)
        try:
            match, result = _part_of_date(text, match, result, ruleset.tables, results)
            match, result = _day_around(text, match, result, results)
            results[match.start] = to_timex(text, match, result, dct)
        except (OverflowError, ValueError):
            continue  # "the day after" 9999-12-31: no day; the expression is dropped
        if result.point is not None and result.point.granularity == "day":
            ctx.last_day = Point(result.point.start, "day")
            if result.point.start > dct:
                ctx.ahead_day = ctx.last_day
        if result.point is not None:
            if cal.days_apart(result.point, dct) > NEAR_DCT_DAYS:
                ctx.far_times += 1
            elif _explicit(text, match):
                ctx.near_dct = True
                ctx.near_times += 1
        if _anchors(ctx, match, result):
            _remember(ctx, result, match.end)
            _remember_clock_of_day(ctx, match, result, results)
            keep_local_clock(ctx, match.start, results)
    clock_days(text, results)
    _join_durations(text, results)
    ctx.found = sorted(results.values(), key=lambda t: t.start)
    for match in matches:
        if match.rule.norm in _DEFERRED:
            result = _normalize(ctx, match, ruleset.tables)
            if result is not None:
                with suppress(OverflowError, ValueError):
                    results[match.start] = to_timex(text, match, result, dct)
    return sorted(results.values(), key=lambda t: t.start)


#: an anniversary column says what it is near its start: 'On this day, March 21',
#: 'what happened on this date in years past', 'Today in history'
_COLUMN = re.compile(
    r"\b(?:on|in)\s+this\s+(?:day|date)\b(?!\s+and\s+age)|\b(?:this\s+day|today)\s+in\s+history\b",
    re.IGNORECASE,
)
COLUMN_REACH = 300  # the column says so in its first paragraph, within these characters
#: what follows the date that opens an entry of a chronology or an anniversary column:
#: '1957: Brazil and Portugal sign ...', 'March 2006 — ...' (also dateline.events.scene's)
ENTRY_MARK = re.compile(r"[ \t]*(?:[—–]|-{1,2}|:)[ \t]+")


def anniversary_column(text: str) -> bool:
    """Whether the text is an 'on this day' column: entries opening with a year, each
    telling what happened on the day and month of publication in that year."""
    reach = text.find("\n\n", 0, COLUMN_REACH)  # its first paragraph
    return _COLUMN.search(text, 0, reach if reach > 0 else COLUMN_REACH) is not None


def _day_of_entry_year(text: str, start: int, end: int, result: Result, dct: date) -> Result:
    """In an anniversary column, a year that opens an entry ('1957: ...') is the column's
    day in that year (its relative times, 'two days later', count from that day)."""
    point = result.point
    if point is None or point.granularity != "year" or ENTRY_MARK.match(text, end) is None:
        return result
    line = text.rfind("\n", 0, start) + 1
    if text[line:start].strip(" \t*•-"):
        return result  # not at the start of its paragraph
    try:
        day = date(point.start.year, dct.month, dct.day)
    except ValueError:  # 29 February in a year without it
        return result
    return Result(Point(day, "day").value, Point(day, "day"))


DAY_PREFIX_REACH = 24  # "the early hours of", "the day before" right before a day
# "on the night of 14 April 1912": the part of a dated day, one TIME expression
_PART_OF = re.compile(
    r"\bthe\s+(morning|afternoon|evening|night|(?:early|small|wee)\s+hours)\s+of\s+$", re.IGNORECASE
)


def _day_prefix(
    text: str,
    match: Match,
    result: Result,
    results: dict[int, Timex],
    prefix: re.Pattern[str],
) -> re.Match[str] | None:
    """A prefix that widens a plain day date ("the night of", "the day before"); what the
    wider expression now covers is dropped from the results."""
    p = result.point
    if p is None or p.granularity != "day" or p.part:
        return None
    before = prefix.search(text, max(0, match.start - DAY_PREFIX_REACH), match.start)
    if before is not None:
        for start in [s for s, t in results.items() if t.end > before.start()]:
            del results[start]  # "the night" alone, now inside the wider expression
    return before


def _part_of_date(
    text: str,
    match: Match,
    result: Result,
    tables: dict[str, dict[str, str]],
    results: dict[int, Timex],
) -> tuple[Match, Result]:
    """Widen a day date to "the night of" before it, a TIME of that day."""
    before = _day_prefix(text, match, result, results, _PART_OF)
    if before is None or result.point is None:
        return match, result
    word = before.group(1).lower()
    hours = word.endswith("hours")  # the early hours: the start of the morning
    part = Point(result.point.start, "day", "MO" if hours else tables["part_of_day"][word])
    widened = Match(before.start(), match.end, match.rule, match.match)
    return widened, Result(part.value, part, "START" if hours else result.mod, "TIME")


# "the day before last Tuesday's hearing", "the day after Christmas"
_DAY_AROUND = re.compile(r"\bthe\s+day\s+(before|after)\s+$", re.IGNORECASE)


def _day_around(
    text: str, match: Match, result: Result, results: dict[int, Timex]
) -> tuple[Match, Result]:
    """Widen a day to "the day before" it: one day earlier (or later, "the day after")."""
    before = _day_prefix(text, match, result, results, _DAY_AROUND)
    if before is None or result.point is None:
        return match, result
    step = -1 if before.group(1).lower() == "before" else 1
    moved = Point(result.point.start + timedelta(days=step), "day")
    widened = Match(before.start(), match.end, match.rule, match.match)
    return widened, Result(moved.value, moved, result.mod, None)


def _remember_clock_of_day(
    ctx: Context, match: Match, result: Result, results: dict[int, Timex]
) -> None:
    """A day right after a clock time ("at 10 a.m. on 27 July 1953") is that clock time's:
    "twelve hours later" counts from it."""
    p = result.point
    if p is None or p.granularity != "day" or p.part or result.type == "DURATION":
        return
    before = [t for t in results.values() if t.end <= match.start]
    clock = max(before, key=lambda t: t.end, default=None)
    if clock is None or not (clock.rule or "").startswith("clock") or clock.type != "TIME":
        return
    gap = CLOCK_THEN_DAY.match(ctx.text, clock.end, match.start)
    if gap is not None and gap.end() == match.start and len(clock.value) >= 16:
        ctx.last_clock = Point(p.start, "day", clock.value[11:16])


_DURATION_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")
_DURATION_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+")


def _join_durations(text: str, results: dict[int, Timex]) -> None:
    """ "four hours and 38 minutes", "1 minute 48 seconds": one duration, PT4H38M."""
    found = sorted(results.values(), key=lambda t: t.start)
    i = 0
    while i < len(found) - 1:
        first, second = found[i], found[i + 1]
        a, b = _duration_units(first.value), _duration_units(second.value)
        gap = _DURATION_GAP.fullmatch(text, first.end, second.start)
        if (
            first.type != "DURATION"
            or second.type != "DURATION"
            or a is None
            or b is None
            or len(b) != 1  # the second is a single unit: "... and 38 minutes"
            or gap is None
            or _DURATION_ORDER.index(b[0][0]) <= _DURATION_ORDER.index(a[-1][0])
        ):
            i += 1
            continue
        parts = a + b
        date_part = "".join(amount + unit for unit, amount in parts if not unit.startswith("T"))
        time_part = "".join(amount + unit[1] for unit, amount in parts if unit.startswith("T"))
        value = "P" + date_part + ("T" + time_part if time_part else "")
        joined = replace(
            first, text=text[first.start : second.end], end=second.end, value=value, mod=first.mod
        )
        del results[second.start]
        results[first.start] = joined
        found[i : i + 2] = [joined]


_AMOUNT_UNIT = re.compile(r"([0-9]+(?:\.[0-9]+)?)([YMWDHS])")


def _duration_units(value: str) -> list[tuple[str, str]] | None:
    """(unit, amount) pairs of a duration value, time units marked with T: "PT3H41M" ->
    [("TH", "3"), ("TM", "41")]; None for vague ("PXY") or other values."""
    if not value.startswith("P") or "X" in value:
        return None
    date_part, _, time_part = value[1:].partition("T")
    parts = [(unit, amount) for amount, unit in _AMOUNT_UNIT.findall(date_part)]
    parts += [("T" + unit, amount) for amount, unit in _AMOUNT_UNIT.findall(time_part)]
    return parts or None


REPORT_REACH = 40  # "told reporters on", "the quarter that ended" right before a day
PERIOD_END_GAP = 30  # characters at most between a period and the day that closes it
# "the quarter ended Sept. 30": the day only delimits the period, which stays the anchor
_PERIOD_END = re.compile(
    r"\b(?:quarter|period|year|months|weeks|half)\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\s+$",
    re.IGNORECASE,
)


# "authorities said on Thursday": when a report was made, which later "the same day"
# or "at 9 a.m." do not refer to; the narrative keeps its own anchor
_REPORT_TIME = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?|announced|added|reported|confirmed|stated)"
    r"\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)


# Normalizers that fall back on the DCT's year when the text names none. A bare
# weekday is news's own way of dating (a story names its days with dates).
_DEFAULTED = frozenset(("date", "clock", "anchor_part"))
_YEAR_DIGITS = re.compile(r"[0-9]{4}|'[0-9]{2}\b|’[0-9]{2}\b")


def _explicit(text: str, match: Match) -> bool:
    """Whether the expression itself places its time (a year, "yesterday", "last week")
    rather than borrowing the DCT's year or week by default ("June 12", "Sunday")."""
    if match.rule.norm not in _DEFAULTED:
        return True
    return _YEAR_DIGITS.search(text, match.start, match.end) is not None


def _anchors(ctx: Context, match: Match, result: Result) -> bool:
    """Whether this expression becomes the anchor for later anaphora."""
    if _period_end(ctx, match.start):
        return False
    if result.point is not None and result.point.granularity in ("decade", "century"):
        return False  # "in the 1880s": background; "the following year" counts from a year
    range_end = _RANGE_END.search(ctx.text, max(0, match.start - RANGE_END_REACH), match.start)
    if range_end and in_story(ctx):
        return False
    if match.rule.norm in _NOT_ANCHORS:
        # "six days later ... the following day": a story moves on by days; "a year
        # earlier" only looks back for a comparison, "full-year" only names whose results
        return _DAYS.search(ctx.text, match.start, match.end) is not None
    return not _report_time(ctx.text, match.start, result)


RANGE_END_REACH = 24  # "until mid-" right before a range's end
# "From 22 June until mid-December the invaders advanced. On 8 September ...": in a story
# the end of a range is no point the story has reached
_RANGE_END = re.compile(r"\b(?:until|till|through)\s+(?:mid-|early\s+|late\s+)?$", re.IGNORECASE)


def _report_time(text: str, start: int, result: Result) -> bool:
    if result.point is None or result.point.granularity != "day":
        return False  # "reported third-quarter net": the period is what was reported
    return bool(_REPORT_TIME.search(text, max(0, start - REPORT_REACH), start))


def _period_end(ctx: Context, start: int) -> bool:
    """True for the closing day of a period that is itself the anchor just remembered."""
    if ctx.last_end is None or start - ctx.last_end > PERIOD_END_GAP:
        return False
    return bool(_PERIOD_END.search(ctx.text, max(0, start - REPORT_REACH), start))


def _remember(ctx: Context, result: Result, end: int) -> None:
    """Keep the last mentioned calendar time as the anchor for anaphora."""
    p: Point | None = result.point
    if p is not None and result.type != "DURATION":
        ctx.last = Point(p.start, p.granularity)
        ctx.last_clock = p if p.part and ":" in p.part else None
        ctx.last_end = end
        if (
            ctx.topic is None
            and p.granularity in ("quarter", "half")
            and p.start <= ctx.dct
            and ctx.tense != FUTURE  # "profit in the fourth quarter will rise": no report
        ):
            ctx.topic = ctx.last
