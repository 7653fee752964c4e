"""The temporal tagger: find time expressions and normalize them to TIMEX3.

``tag(text, dct)`` needs no parser; given a spaCy ``Doc`` it also uses the
governing verb's tense to place weekday and month names before or after the
DCT. Everything is relative to the DCT (or the last mentioned time); the
clock is never read.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dateline.model import Timex
from dateline.timex import anniversary as _anniversary  # noqa: F401 - registers its normalizer
from dateline.timex import clock as _clock  # noqa: F401 - registers its normalizer
from dateline.timex import durations as _durations  # noqa: F401 - registers its normalizer
from dateline.timex import periods as _periods  # noqa: F401 - registers its normalizer
from dateline.timex import shifts as _shifts  # noqa: F401 - registers its normalizer
from dateline.timex.grammar import is_valid_value
from dateline.timex.rules import RuleSet, load_ruleset
from dateline.timex.tagger import tag_text

__all__ = ["RuleSet", "is_valid_value", "load_ruleset", "tag"]


def tag(text: str, dct: date, *, doc: Any = None) -> list[Timex]:
    """Temporal expressions in ``text`` normalized relative to ``dct``, in text order."""
    if not text:
        return []
    return tag_text(text, dct, doc=doc)
