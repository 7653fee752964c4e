"""What a normalizer sees and returns, and the registry that names normalizers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dateline.timex import calendar_math as cal
from dateline.timex.calendar_math import Point
from dateline.timex.tense import tense


@dataclass
class Context:
    """What a normalizer may know: the text, the DCT and the last mentioned time."""

    text: str
    dct: date
    doc: Any = None
    last: Point | None = None
    last_end: int | None = None  # where the last mentioned time ends in the text
    topic: Point | None = None  # the first quarter or half the article reports on
    last_day: Point | None = None  # the last day mentioned, report days included
    last_clock: Point | None = None  # the last mentioned time, when it is a clock time
    ahead_day: Point | None = None  # the last day named after the DCT: a scheduled occasion's
    near_dct: bool = False  # whether any time so far lay within a year of the DCT
    far_times: int = 0  # how many times so far lay further from the DCT
    near_times: int = 0  # how many times so far lay near the DCT, placed by the text itself
    start: int = 0
    end: int = 0
    found: list[Any] = field(default_factory=list)
    # the day each weekday name last stood for, and where that name ended
    weekdays: dict[int, tuple[int, Point]] = field(default_factory=dict)
    _tense: dict[tuple[int, int, bool], str | None] = field(default_factory=dict)

    @property
    def tense(self) -> str | None:
        """Tense of the current expression's clause, modals counting as future."""
        return self.tense_of(weak=True)

    def tense_of(self, weak: bool) -> str | None:
        """Tense of the current expression's clause; ``weak=False`` ignores modals."""
        key = (self.start, self.end, weak)
        if key not in self._tense:
            self._tense[key] = tense(self.text, self.start, self.end, self.doc, weak)
        return self._tense[key]

    @property
    def day_in_hand(self) -> Point | None:
        """The last day named (report days and shifted days included), if any."""
        if self.last_day is not None:
            return self.last_day
        return self.last if self.last is not None and self.last.granularity == "day" else None

    @property
    def anchor(self) -> Point:
        """The last mentioned time, or the DCT's day when nothing was mentioned yet."""
        return self.last or cal.point(self.dct, "day")


@dataclass
class Result:
    """A normalized expression before it becomes a :class:`~dateline.model.Timex`."""

    value: str
    point: Point | None = None
    mod: str | None = None
    type: str | None = None
    freq: str | None = None
    quant: str | None = None
    # the interval the words give when it is not the period's (narrowed by the mod):
    # "later this year" runs from the DCT to the year's end
    bounds: tuple[date | None, date | None] | None = None
    # where the extent ends when the value covers less than the rule's match: "half an
    # hour" of "half an hour later"
    end: int | None = None


Groups = dict[str, Any]
Normalizer = Callable[[Context, Groups, dict[str, Any]], Result | None]
NORMALIZERS: dict[str, Normalizer] = {}


def normalizer(name: str) -> Callable[[Normalizer], Normalizer]:
    """Register a normalizer under the name rules use."""

    def register(func: Normalizer) -> Normalizer:
        NORMALIZERS[name] = func
        return func

    return register


def mod_of(groups: Groups, args: dict[str, Any]) -> str | None:
    """The TIMEX3 mod a rule's groups or fixed arguments give ("early" → START)."""
    return groups.get("mod") or groups.get("mod2") or args.get("mod") or None


def unit_of(groups: Groups, args: dict[str, Any]) -> str:
    """The calendar unit a rule captured ("weeks" → week), else its fixed one."""
    for key in ("cal_unit", "unit", "unit2", "date_unit"):
        if groups.get(key):
            return str(groups[key])
    return str(args["unit"])


def amount_of(groups: Groups) -> float | None:
    """The number a rule captured (1 when none: "a year"); None for a vague one ("several")."""
    value = groups.get("num") or groups.get("num2")
    if value is None:
        return 1.0
    return None if value == "X" else float(value)


def approx_of(groups: Groups) -> str | None:
    """The mod of an amount: "about three days" → APPROX, "a week or so ago" → APPROX."""
    if groups.get("or_so"):
        return "APPROX"
    return groups.get("lead") or groups.get("approx") or groups.get("mod") or None
