"""Duration values: "three years" → P3Y, "two and a half hours" → PT2.5H, "several weeks" → PXW."""

from __future__ import annotations

import re
from typing import Any

from dateline.timex.context import (
    Context,
    Groups,
    Result,
    amount_of,
    approx_of,
    normalizer,
    unit_of,
)

DURATION_UNITS = {
    "year": ("Y", 1, "month", 12),
    "month": ("M", 1, "day", 30),
    "week": ("W", 1, "day", 7),
    "day": ("D", 1, "hour", 24),
    "hour": ("TH", 1, "minute", 60),
    "minute": ("TM", 1, "second", 60),
    "second": ("TS", 1, None, 0),
    "millisecond": ("TS", 0.001, None, 0),
    "decade": ("Y", 10, None, 0),
    "century": ("Y", 100, None, 0),
    "quarter": ("Q", 1, "month", 3),
    "fortnight": ("W", 2, None, 0),
    "weekend": ("D", 2, None, 0),
}
_VAGUE_UNITS = {"decade": "DE", "century": "CE"}
# "and a half" after the amount or after the unit: "two and a half hours", "an hour and a half"
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.75}


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration value in the unit the text names: 3 days → P3D, 2.5 years → P2.5Y,
    some hours → PTXH. Less than one unit is told in the next smaller unit when that is
    whole: half an hour → PT30M, a quarter of a century → P25Y. Vague decades and
    centuries keep their unit: PXDE, PXCE."""
    code, factor, smaller, ratio = DURATION_UNITS[unit]
    prefix = "PT" if code.startswith("T") else "P"
    if n is None:
        # "for decades", "centuries": TimeML's decade and century units keep what the text
        # says, where PXY would allow a few years
        return f"{prefix}X{_VAGUE_UNITS.get(unit, code.lstrip('T'))}"
    amount = n * factor
    if 0 < amount < 1 and smaller and float(amount * ratio).is_integer():
        return duration_value(amount * ratio, smaller)
    return f"{prefix}{_decimal(amount)}{code.lstrip('T')}"


def _decimal(amount: float) -> str:
    """2.0 → "2", 2.5 → "2.5", 0.002 → "0.002" (no binary noise: 0.1 * 3)."""
    return f"{amount:.6f}".rstrip("0").rstrip(".")


def fraction_of(groups: Groups) -> float:
    """What "and a half" / "and three quarters" adds to the amount (0 when absent)."""
    words = str(groups.get("and_part") or groups.get("and_half") or "").lower().split()
    if not words:
        return 0.0
    return _FRACTIONS.get(words[-1], 0.0)


@normalizer("duration")
def norm_duration(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """N units: P3D, PT5H, P2.5Y; vague amounts and ranges give X (PXY)."""
    unit = unit_of(groups, args)
    n = float(args["n"]) if "n" in args else amount_of(groups)
    if n is not None:
        n += fraction_of(groups)
    if args.get("vague"):
        n = None
    if n == 1 and _rate(ctx):
        return Result(duration_value(1, unit), None, None, "SET")
    return Result(duration_value(n, unit), None, approx_of(groups) or args.get("mod"))


# "300 complaints a month", "90,000 journeys a day", "$33 million a year", "four flights a
# week": a rate per period
_RATE_BEFORE = re.compile(
    r"\b(?:[0-9][0-9,.]*|dozen|hundred|thousand|million|billion|trillion|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety)(?:\s+[a-z]+){0,2}\s+$",
    re.IGNORECASE,
)
_RATE_UNIT = re.compile(r"(?:an?|per)\s+[a-z]+$", re.IGNORECASE)
_SHIFT_AFTER = re.compile(r"\s+(?:later|earlier|ago|before|after|from)\b", re.IGNORECASE)
RATE_REACH = 40  # characters before "a day" where the counted amount is looked for


def _rate(ctx: Context) -> bool:
    """Whether "a day" here is the period of a rate: an amount comes right before it."""
    if not _RATE_UNIT.fullmatch(ctx.text, ctx.start, ctx.end):
        return False
    if _SHIFT_AFTER.match(ctx.text, ctx.end):
        return False  # "in 2019 a year later": a shift, no rate
    return _RATE_BEFORE.search(ctx.text, max(0, ctx.start - RATE_REACH), ctx.start) is not None


_ONCE = {"once": 1, "twice": 2, "thrice": 3}


@normalizer("rate")
def norm_rate(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """A count per period: "eight times a year" P1Y freq 8X, "two days a week" P1W freq 2D."""
    if groups.get("days"):
        days = amount_of(groups)
        return Result("P1W", None, None, "SET", f"{_decimal(days)}D" if days else None)
    times = str(groups.get("times") or "").lower()
    count = _ONCE[times] if times else amount_of(groups)
    freq = f"{_decimal(count)}X" if count is not None else None
    return Result(duration_value(1, unit_of(groups, args)), None, None, "SET", freq)


@normalizer("every")
def norm_every(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """A recurrence every N units: SET with the period as value and quant EVERY (or EACH,
    as written); "once every 20 years" adds freq 1X."""
    n: float | None
    if groups.get("fraction"):  # every quarter of an hour
        n, unit = _FRACTIONS[str(groups["fraction"]).lower()], "hour"
    elif groups.get("single"):  # every minute
        n, unit = 1, str(groups["single"]).lower()
    elif groups.get("other"):  # every other week, every second week
        n, unit = 2, unit_of(groups, args)
    else:
        unit = unit_of(groups, args)
        n = amount_of(groups)
        n = None if n is None else n + fraction_of(groups)
    words = ctx.text[ctx.start : ctx.end].lower().split()
    quant = "EACH" if "each" in words else "EVERY"
    freq = "1X" if groups.get("once") else None
    return Result(duration_value(n, unit), None, None, "SET", freq, quant)
