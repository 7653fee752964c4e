"""Which way a time expression points: the tense of its clause.

With a spaCy ``Doc`` the governing verb's morphology and auxiliaries decide;
without one, lexical cues in the sentence do ("will", "is to", "said",
past-tense "-ed" verbs), the nearest cue to the expression winning.
"""

from __future__ import annotations

import re
from typing import Any

PAST, PRESENT, FUTURE = "past", "present", "future"

_FUTURE_CUES = (
    r"will|'ll|’ll|shall|won't|is to|are to|am to|is due to|are due to|is set to|are set to|"
    r"plans? to|planning to|planned to|planned for|scheduled|going to|expects? to|expected to|"
    r"intends? to|upcoming|next|coming|later this|set to|as soon as|as early as|"
    r"(?:postponed|delayed|adjourned|deferred) (?:until|till|to)|would be [a-z]+ing"
)
# Modals and deadlines point forward less reliably (they are often inside a
# reported clause whose time is past), so callers may ignore them.
_WEAK_FUTURE_CUES = (
    r"must|should|would|could|might|may|can|payable|due|deadline|"
    r"by|until|till|through"
)
_PAST_CUES = (
    r"said|says|was|were|had|did|didn't|wasn't|weren't|ago|last|earlier|previously|"
    r"told|announced|reported|came|went|began|took|made|met|saw|gave|held|won|lost|"
    r"rose|fell|left|sold|bought|paid|got|spent|since|yesterday|[a-z]{3,}ed"
)
_NOT_PAST = {"needed", "based", "related", "united", "limited", "detailed", "interested"}
_CUE = re.compile(
    rf"\b(?:(?P<future>{_FUTURE_CUES})|(?P<weak>{_WEAK_FUTURE_CUES})|(?P<past>{_PAST_CUES}))\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“])|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the sentence holding ``text[start:end]``."""
    left = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        left = match.end()
    after = _SENTENCE_END.search(text, end, end + 400)
    return left, after.start() + 1 if after else min(len(text), end + 400)


_BE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am)\s+$", re.IGNORECASE)


def _passive(text: str, start: int) -> bool:
    """An -ed word after a present or bare "be" is a participle; the auxiliary decides."""
    return bool(_BE_BEFORE.search(text[max(0, start - 12) : start]))


def lexical_tense(text: str, start: int, end: int, weak: bool = True) -> str | None:
    """Tense from the cue words nearest to ``text[start:end]`` in its sentence."""
    left, right = sentence_bounds(text, start, end)
    best: tuple[int, str] | None = None
    for match in _CUE.finditer(text, left, right):
        if start <= match.start() < end:
            continue
        word = match.group(0).lower()
        if match.group("past") and (word in _NOT_PAST or _passive(text, match.start())):
            continue
        if match.group("weak") and not weak:
            continue
        kind = PAST if match.group("past") else FUTURE
        distance = start - match.end() if match.end() <= start else match.start() - end
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else None


def doc_tense(doc: Any, start: int, end: int) -> str | None:
    """Tense of the verb governing the expression in a parsed spaCy ``Doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    return _verb_tense(verb)


def _governing_verb(token: Any) -> Any:
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_tense(verb: Any) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for aux in auxes:
        if aux.lower_ in ("will", "shall", "'ll", "’ll", "wo"):
            return FUTURE
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ in ("be", "plan", "expect", "intend", "schedule"):
        return FUTURE
    if verb.tag_ in ("VBD",) or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return PAST
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return PRESENT
    return None


def tense(text: str, start: int, end: int, doc: Any = None, weak: bool = True) -> str | None:
    """Tense for the expression at ``text[start:end]``: past, present, future or None."""
    found = None
    if doc is not None:
        try:
            found = doc_tense(doc, start, end)
        except (ValueError, IndexError):
            found = None
    if found in (PAST, FUTURE):
        return found
    return lexical_tense(text, start, end, weak) or found
