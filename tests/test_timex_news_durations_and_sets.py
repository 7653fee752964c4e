"""The DURATION and SET forms issue 16 lists for news, each in a sentence of our own:
their TIMEX3 type, value, quant/freq and, where the text anchors them, the interval."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import timex_named

WEDNESDAY = date(2025, 5, 21)


@pytest.mark.parametrize(
    ("text", "surface", "type_", "value", "earliest", "latest"),
    [
        # the weekend something happened over is a point: the weekend before the DCT's week
        (
            "Rebels shelled the port over the weekend.",
            "the weekend",
            "DATE",
            "2025-W20-WE",
            "2025-05-17",
            "2025-05-18",
        ),
        # ... and the coming one in a future clause
        (
            "Ministers will meet over the weekend.",
            "the weekend",
            "DATE",
            "2025-W21-WE",
            "2025-05-24",
            "2025-05-25",
        ),
        # a span that ends at the DCT; "last year" stays the calendar year
        (
            "Food prices rose 9 percent over the past year.",
            "the past year",
            "DURATION",
            "P1Y",
            None,
            None,
        ),
        ("Exports fell last year.", "last year", "DATE", "2024", "2024-01-01", "2024-12-31"),
        # a span anchored to a point keeps the point's days
        (
            "Sales rose 4 percent in the first six months of the year.",
            "the first six months of the year",
            "DURATION",
            "P6M",
            "2025-01-01",
            "2025-06-30",
        ),
        # a range of amounts is one vague duration
        (
            "The rebuilding will take three to five years.",
            "three to five years",
            "DURATION",
            "PXY",
            None,
            None,
        ),
        ("A decade of talks", "A decade", "DURATION", "P10Y", None, None),
        ("She has lived there for two years.", "two years", "DURATION", "P2Y", None, None),
        (
            "She moved there two years ago.",
            "two years ago",
            "DATE",
            "2023",
            "2023-01-01",
            "2023-12-31",
        ),
    ],
)
def test_news_durations_and_points(
    text: str,
    surface: str,
    type_: str,
    value: str,
    earliest: str | None,
    latest: str | None,
) -> None:
    found = timex_named(text, WEDNESDAY, surface)
    assert (found.type, found.value) == (type_, value)
    assert (found.earliest, found.latest) == (earliest, latest)


@pytest.mark.parametrize(
    ("text", "surface", "value", "freq", "quant"),
    [
        ("The committee meets every other week.", "every other week", "P2W", None, "EVERY"),
        ("The market opens on weekends.", "weekends", "XXXX-WXX-WE", "1X", None),
        ("The museum opens on Sundays.", "Sundays", "XXXX-WXX-7", "1X", None),
        ("Night buses run nightly.", "nightly", "XXXX-XX-XXTNI", "1X", None),
        ("Buses run twice a week.", "twice a week", "P1W", "2X", None),
        ("Reports are published each year.", "each year", "P1Y", "1X", "EACH"),
        (
            "The council meets every other Monday.",
            "every other Monday",
            "XXXX-WXX-1",
            "1X",
            "EVERY",
        ),
    ],
)
def test_news_sets_carry_freq_and_quant(
    text: str, surface: str, value: str, freq: str | None, quant: str | None
) -> None:
    found = timex_named(text, WEDNESDAY, surface)
    assert (found.type, found.value, found.freq, found.quant) == ("SET", value, freq, quant)
    assert (found.earliest, found.latest) == (None, None)
