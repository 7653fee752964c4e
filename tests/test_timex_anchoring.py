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
