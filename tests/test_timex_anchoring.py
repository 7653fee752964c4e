"""Issue 16's last round: which day a weekday or a clock time far from its day takes,
future cues behind a participle, and offsets from a narrative anchor."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Timex
from dateline.timex import tag


def find(text: str, dct: date, surface: str) -> Timex:
    found = [t for t in tag(text, dct) if t.text == surface]
    assert len(found) == 1, tag(text, dct)
    return found[0]


@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        # an -ed word after a modal's (or an infinitive's) verb is its object's adjective
        # or part of the verb group: "will" still decides (DCT a Wednesday)
        (
            "The CDC will release updated figures on Friday.",
            date(2013, 1, 9),
            "Friday",
            "2013-01-11",
        ),
        (
            "The ministry is to publish revised data on Monday.",
            date(2013, 1, 9),
            "Monday",
            "2013-01-14",
        ),
        # ... but an -ed verb of its own clause still looks back
        ("The CDC released updated figures on Friday.", date(2013, 1, 9), "Friday", "2013-01-04"),
    ],
)
def test_participles_after_a_future_verb(text: str, dct: date, surface: str, value: str) -> None:
    assert find(text, dct, surface).value == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # a clock time in a future clause is the scheduled occasion's: the last day named
        # ahead of the DCT (a Monday), not the DCT's day
        (
            "The runoff is on Sunday. Officials said on Friday that polls will open at 8 a.m.",
            "8 a.m.",
            "2024-11-24T08:00",
        ),
        (
            "The ruling is due on July 23. It will be read at a sitting that begins at 3 p.m.",
            "3 p.m.",
            "2025-07-23T15:00",
        ),
        # the DCT's own day named last keeps the clock time, as does a past clause
        ("The vote is on Sunday. The survey is due today at 2 p.m.", "2 p.m.", "2024-11-18T14:00"),
        (
            "The vote is on Sunday. Polls closed at 8 p.m. in the first round.",
            "8 p.m.",
            "2024-11-18T20:00",
        ),
    ],
)
def test_clock_time_in_a_future_clause_takes_the_day_ahead(
    text: str, surface: str, value: str
) -> None:
    assert find(text, date(2024, 11, 18), surface).value == value
