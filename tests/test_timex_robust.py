"""Hostile input: no crash, offsets that index the text, values in the TIMEX3 grammar."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.model import Timex
from dateline.timex import is_valid_value, tag
from dateline.timex.calendar_math import MAX_YEAR, MIN_YEAR

WORDS = [
    "January", "Feb.", "May", "June", "Sept.", "Monday", "Friday", "last", "next", "this", "coming",
    "year", "years", "month", "week", "day", "days", "quarter", "third", "ago", "later", "earlier",
    "the", "of", "on", "in", "1990", "2024", "99999", "30", "31", "29", "February", "the 1990s",
    "anniversary", "one-year", "75th", "now", "today", "yesterday", "tonight", "morning", "a.m.",
    "10:35", "every", "daily", "fiscal", "early", "late", "mid-", "summer", "will", "said",
    "Christmas", "Easter", "century", "20th", "half", "first", "—", ",", ".", "\n",
    "日本", "Москва",
]  # fmt: skip


def check(text: str, timexes: list[Timex]) -> None:
    for timex in timexes:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert is_valid_value(timex.value), timex
        for bound in (timex.earliest, timex.latest):
            if bound is not None:
                date.fromisoformat(bound)
        if timex.earliest and timex.latest:
            assert timex.earliest <= timex.latest


dates = st.dates(min_value=date(MIN_YEAR + 2, 1, 1), max_value=date(MAX_YEAR - 2, 12, 31))


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), max_size=25), dct=dates)
def test_word_soup_never_crashes(words: list[str], dct: date) -> None:
    text = " ".join(words)
    check(text, tag(text, dct))


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300), dct=dates)
def test_any_unicode_text_never_crashes(text: str, dct: date) -> None:
    check(text, tag(text, dct))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "No time expression here at all, only words.",
        "It happened on February 30, 2021 and on April 31.",
        "In the year 99999 robots will rule.",
        "The 0th of Smarch, year 0000.",
        "Москва, 3 марта 2024 года — 日本 2024年6月19日 — مارس ٢٠٢٤",
        "It costs $1990 and 2,000 people came, a 2024% rise.",
        "He was 6-year-old in 1990's 1990s.",
    ],
)
def test_odd_text(text: str) -> None:
    check(text, tag(text, date(2024, 2, 29)))


def test_impossible_dates_are_not_emitted() -> None:
    values = [t.value for t in tag("It happened on February 30, 2021.", date(2022, 1, 1))]
    assert "2021-02-30" not in values
    assert all(is_valid_value(v) for v in values)


def test_extreme_dct() -> None:
    for dct in (date(1, 1, 1), date(9999, 12, 31)):
        text = "Last year, next month, a decade ago, yesterday, in 100 years, the next century."
        check(text, tag(text, dct))


def test_very_long_text_is_fast_enough() -> None:
    paragraph = (
        "The minister said on Monday that talks will resume next month, five years after 2019. "
    )
    text = paragraph * 2000
    found = tag(text, date(2025, 5, 21))
    check(text, found)
    assert len(found) == 4 * 2000


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2025-06-19", True),
        ("2025-W21", True),
        ("2025-W21-WE", True),
        ("2025-Q3", True),
        ("2025-SU", True),
        ("2025-06-19TEV", True),
        ("2025-05-21T18:12", True),
        ("199", True),
        ("19", True),
        ("P3D", True),
        ("PT5H30M", True),
        ("P2Y6M", True),
        ("PXY", True),
        ("XXXX-06-25", True),
        ("XXXX-WXX-1", True),
        ("PAST_REF", True),
        ("2025-13", False),
        ("2025-06-32", False),
        ("P", False),
        ("tomorrow", False),
        ("2025-W54", False),
    ],
)
def test_value_grammar(value: str, valid: bool) -> None:
    assert is_valid_value(value) is valid


def test_the_value_grammar_counts_decades_and_centuries() -> None:
    assert is_valid_value("PXDE") and is_valid_value("P2CE")
    assert not is_valid_value("PXC") and not is_valid_value("PXE")
