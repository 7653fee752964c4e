"""Whether a noun is definite, the one reading every step of the events step shares: which
determiners count and whether a possessor does are the caller's."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.events.tree import DEFINITE, DEFINITE_PLURAL, THE, is_definite

pytestmark = pytest.mark.model


def noun(bare_nlp: Any, text: str, word: str) -> Any:
    return next(t for t in bare_nlp(text) if t.lower_ == word)


@pytest.mark.parametrize(
    ("text", "word", "determiners", "possessive", "definite"),
    [
        ("The minister said the visit was off.", "visit", DEFINITE, False, True),
        ("The minister said this trip was off.", "trip", DEFINITE, False, True),
        ("The minister said this trip was off.", "trip", THE, False, False),
        ("The minister said a visit was planned.", "visit", DEFINITE, False, False),
        ("The minister said these talks were off.", "talks", DEFINITE, False, False),
        ("The minister said these talks were off.", "talks", DEFINITE_PLURAL, False, True),
        ("The minister said its signing was off.", "signing", DEFINITE, False, False),
        ("The minister said its signing was off.", "signing", DEFINITE, True, True),
    ],
)
def test_a_noun_is_definite_by_the_determiners_and_possessors_the_caller_counts(
    bare_nlp: Any, text: str, word: str, determiners: Any, possessive: bool, definite: bool
) -> None:
    assert is_definite(noun(bare_nlp, text, word), determiners, possessive) is definite
