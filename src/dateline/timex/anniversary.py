"""Anniversaries: "the one-year anniversary of X" dated from X's date.

X's date comes from the text itself (the sentence with a dated mention that
shares the most distinctive words with X) or else from a table of well-known
historical dates (``resources/anniversaries.toml``, which users can extend).
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.errors import E_TIMEX_RULES
from dateline.model import Timex
from dateline.timex import calendar_math as cal
from dateline.timex.calendar_math import Point
from dateline.timex.context import Context, Groups, Result, normalizer
from dateline.timex.tense import sentence_bounds
from dateline.timex.year_choice import choose_year

ANNIVERSARIES_FILE = Path(__file__).parent / "resources" / "anniversaries.toml"
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]+")
_STOP = {
    "the", "and", "of", "for", "with", "from", "into", "his", "her", "their", "its", "our",
    "this", "that", "visit", "anniversary", "day", "year", "years", "outbreak", "start",
}  # fmt: skip


@lru_cache(maxsize=4)
def historical_events(path: Path = ANNIVERSARIES_FILE) -> list[tuple[tuple[str, ...], date]]:
    """(lower-cased names and aliases, date) of every well-known event in the table."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    events = []
    for index, spec in enumerate(data.get("event", [])):
        try:
            names = (spec["name"], *spec.get("aliases", []))
            events.append((tuple(n.lower() for n in names), date.fromisoformat(spec["date"])))
        except (KeyError, TypeError, ValueError) as exc:
            raise E_TIMEX_RULES(str(path), None, why=f"event #{index + 1}: {exc!r}") from None
    return events


def _from_table(phrase: str) -> Point | None:
    phrase = " ".join(phrase.lower().replace("’", "'").split())
    best: tuple[int, date] | None = None
    for names, day in historical_events():
        for name in names:
            if name in phrase and (best is None or len(name) > best[0]):
                best = (len(name), day)
    return Point(best[1], "day") if best else None


_SUFFIX = re.compile(r"(?:ing|ed|es|s|ion|ions|ment|ments)$")


def _stem(word: str) -> str:
    """A crude stem, enough to match "signed" with "signing" and "visits" with "visit"."""
    word = word.lower()
    return _SUFFIX.sub("", word)[:6] if len(word) > 4 else word


def _keywords(phrase: str) -> list[str]:
    words = [w.lower() for w in _WORD.findall(phrase.replace("’s", "").replace("'s", ""))]
    return [_stem(w) for w in words if len(w) > 2 and w not in _STOP]


def _sentence_words(text: str, timex: Timex) -> set[str]:
    left, right = sentence_bounds(text, timex.start, timex.end)
    return {_stem(w) for w in _WORD.findall(text[left:right])}


def _point_of(timex: Timex) -> Point | None:
    if timex.type not in ("DATE", "TIME") or timex.mod or timex.earliest is None:
        return None
    if timex.type == "TIME":  # "the attack came on the morning of 7 December 1941": its day
        return Point(date.fromisoformat(timex.earliest), "day")
    if timex.granularity not in ("day", "month"):
        return None
    return Point(date.fromisoformat(timex.earliest), timex.granularity)


def _from_text(ctx: Context, phrase: str) -> Point | None:
    keys = _keywords(phrase)
    if not keys:
        return None
    here = sentence_bounds(ctx.text, ctx.start, ctx.end)
    candidates = [
        (t, p) for t in ctx.found if (p := _point_of(t)) and not here[0] <= t.start < here[1]
    ]
    word_sets = [_sentence_words(ctx.text, t) for t, _ in candidates]
    best: tuple[float, int, Point] | None = None
    for (_, p), words in zip(candidates, word_sets, strict=True):
        score = sum(1.0 / sum(k in ws for ws in word_sets) for k in keys if k in words)
        fine = -cal.RANK[p.granularity]
        if score > 0 and (best is None or (score, fine) > best[:2]):
            best = (score, fine, p)
    return best[2] if best else None


@normalizer("anniversary")
def norm_anniversary(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """The N-th anniversary of an event dated in the text or in the events table."""
    phrase = str(groups.get("event") or "")
    years = groups.get("num") or groups.get("nth")
    count = None if years in (None, "X") else int(float(years))
    for origin in (_from_table(phrase), _from_text(ctx, phrase)):
        p = _anniversary_of(ctx, origin, count)
        if p is not None:
            return Result(p.value, p)
    return None


def _anniversary_of(ctx: Context, origin: Point | None, count: int | None) -> Point | None:
    """The anniversary's day, if it lands within a year or two of the DCT as news ones do."""
    if origin is None:
        return None
    if count is None:
        return choose_year(ctx, lambda y: _same_day(origin, y))
    p = _same_day(origin, origin.start.year + count)
    return p if p is not None and abs(p.start.year - ctx.dct.year) <= 1 else None


def _same_day(origin: Point, year: int) -> Point | None:
    day = cal.make_date(year, origin.start.month, origin.start.day)
    if day is None and origin.start.month == 2:  # 29 February
        day = cal.make_date(year, 2, 28)
    return Point(day, origin.granularity) if day else None
