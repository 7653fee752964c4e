"""Duration values: "three years" → P3Y, "two and a half hours" → PT2.5H, "several weeks" → PXW."""

from __future__ import annotations

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

_DURATION_UNITS = {
    "year": ("Y", 1, "month", 12),
    "month": ("M", 1, "day", 30),
    "week": ("W", 1, "day", 7),
    "day": ("D", 1, "hour", 24),
    "hour": ("TH", 1, "minute", 60),
    "minute": ("TM", 1, "second", 60),
    "second": ("TS", 1, None, 0),
    "decade": ("Y", 10, None, 0),
    "century": ("Y", 100, None, 0),
    "quarter": ("Q", 1, "month", 3),
    "fortnight": ("W", 2, None, 0),
    "weekend": ("D", 2, None, 0),
}


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: 3 days → P3D, 2.5 years → P2Y6M, some hours → PTXH."""
    code, factor, smaller, ratio = _DURATION_UNITS[unit]
    if n is None:
        text = "X" + code.lstrip("T")
    elif n * factor == int(n * factor):
        text = f"{int(n * factor)}{code.lstrip('T')}"
    else:
        whole = int(n * factor)
        rest = round((n * factor - whole) * ratio)
        sub_code = _DURATION_UNITS[smaller][0] if smaller else code
        text = (f"{whole}{code.lstrip('T')}" if whole else "") + f"{rest}{sub_code.lstrip('T')}"
    return ("PT" if code.startswith("T") else "P") + text


@normalizer("duration")
def norm_duration(ctx: Context, groups: Groups, args: dict[str, Any]) -> Result | None:
    """N units: P3D, PT5H, P2Y6M; vague amounts give X (PXY)."""
    unit = unit_of(groups, args)
    n = float(args["n"]) if "n" in args else amount_of(groups)
    if n is not None and groups.get("and_half"):
        n += 0.5
    if args.get("vague"):
        n = None
    return Result(duration_value(n, unit), None, approx_of(groups) or args.get("mod"))
