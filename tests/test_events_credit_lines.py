"""A wire's credit line names who wrote the story, not anyone who spoke. Our own text."""

from __future__ import annotations

import pytest

import dateline

STORY = (
    "NAIROBI, May 3 (Wire) - Kenya's president met Uganda's president in Nairobi on Friday.\n\n"
    "{credit}\n"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by John Otieno; Writing by Mary Smith; Editing by Peter Graff)",
        "Reporting by Ruth Wanjiru; Writing by Lena Ortiz",
    ],
)
def test_a_credit_line_is_no_statement_of_its_writers(credit: str) -> None:
    events = dateline.extract(STORY.format(credit=credit), dct="2024-05-03")["events"]
    assert [e["type"] for e in events] == ["MEET"]
