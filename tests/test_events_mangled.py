"""Sentences the parser mangles give fewer events, never a crash or an impossible time.

Issue 11's bad input: all-caps headlines, bullet lists, tables flattened to text, very long
sentences, quotes inside quotes. Whatever the parse, every event keeps to its own time:
nothing `occurred` after the article's date, nothing `planned` wholly before it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import events_of

pytestmark = pytest.mark.model

DCT = date(2024, 3, 14)

#: news-shaped pieces (written for this test) that the shapes below cut up and recombine
PIECES = [
    "President Emmanuel Macron will visit Kenya next week",
    "the talks, set for Monday, were called off",
    "Russia launched missiles at Kharkiv on Tuesday",
    "Prime Minister Narendra Modi met Chancellor Olaf Scholz in Berlin in 2023",
    "thousands of farmers marched in Nairobi yesterday",
    "the United States imposed sanctions on Iran last month",
    "Kenya's president said he would travel to Tanzania in April",
    "the summit was postponed until further notice",
    "officials said the visit might take place before the end of the year",
    "Japan pledged $10 million in aid to the Philippines on Friday",
]

SHAPES = {
    "all-caps headline": "MACRON TO VISIT KENYA AS TALKS SET FOR MONDAY ARE CALLED OFF\n\n"
    + ". ".join(PIECES[:3])
    + ".",
    "bullet list": "\n".join(f"- {p}" for p in PIECES),
    "numbered list": "\n".join(f"{n}. {p}" for n, p in enumerate(PIECES, start=1)),
    "flattened table": "Country | Event | Date\n"
    + "\n".join(f"Kenya | {p} | 2024-03-{n + 10}" for n, p in enumerate(PIECES[:5])),
    "very long sentence": ", and ".join(PIECES * 30) + ".",
    "quotes inside quotes": (
        '"He told us, \'Macron said "we will visit Kenya next week" and then the talks '
        "set for Monday were called off',\" the official said on Wednesday."
    ),
    "no punctuation": " ".join(PIECES),
    "only a dateline": "NAIROBI, March 14 (Reuters) —",
}


def assert_possible(events: list[dict[str, Any]]) -> None:
    today = DCT.isoformat()
    for event in events:
        time = event["time"]
        if event["status"] == "occurred" and time.get("earliest"):
            assert time["earliest"][:10] <= today, event
        if event["status"] == "planned" and time.get("latest"):
            assert time["latest"][:10] >= today, event


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_mangled_shape_gives_events_with_possible_times(nlp: Any, shape: str) -> None:
    events = events_of(nlp, SHAPES[shape], DCT)
    assert_possible(events)
    if shape != "only a dateline":
        assert events  # the pieces still say something


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=6),
    st.sampled_from([". ", "; ", " - ", "\n", " | ", "... ", '" "', "\n\n* "]),
    st.booleans(),
)
def test_recombined_pieces_never_crash_or_break_time(
    nlp: Any, pieces: list[str], glue: str, upper: bool
) -> None:
    text = glue.join(pieces)
    events = events_of(nlp, text.upper() if upper else text, DCT)
    assert_possible(events)
