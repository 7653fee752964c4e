"""A faster stand-in for spaCy's ``AttributeRuler`` with exactly the same output.

In ``en_core_web_sm`` the attribute ruler (tag → POS and morphology exceptions) costs
about a third of the pipeline's time on this project's articles, because it runs a
general ``Matcher`` over every token. Its patterns are one or two tokens with IN,
NOT_IN, REGEX or equality conditions on TAG, LOWER, DEP and IS_SPACE; whether a
one-token pattern matches depends only on those four values, so the matches are
computed once per distinct tuple and then looked up. The rules are read from the
model's own ruler; a pattern outside that subset keeps the original component
(``from_ruler`` returns None). ``tests/test_attribute_ruler.py`` checks identical
POS, tags, morphology and lemmas over real news text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

# Token attributes the model's patterns test, read once per token into a tuple.
ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
Values = tuple[str, str, str, bool]
CACHE_SIZE = 200_000


def _values(token: Token) -> Values:
    return token.tag_, token.lower_, token.dep_, token.is_space


Condition = tuple[int, str, Any]  # attribute position in ATTRS, operator, operand


@dataclass(frozen=True)
class _Rule:
    attr_id: int  # position in the original ruler: later rules take precedence
    tokens: tuple[tuple[Condition, ...], ...]
    index: int


def _condition(attr: str, value: Any) -> Condition | None:
    if attr not in ATTRS:
        return None
    pos = ATTRS.index(attr)
    if not isinstance(value, dict):
        return pos, "IN", frozenset([value])
    if len(value) != 1:
        return None
    op, operand = next(iter(value.items()))
    if op in ("IN", "NOT_IN"):
        return pos, op, frozenset(operand)
    if op == "REGEX":
        return pos, op, re.compile(operand)
    return None


def _compile(attr_id: int, pattern: list[dict[str, Any]], index: int) -> _Rule | None:
    tokens = []
    for token in pattern:
        conditions = [_condition(attr, value) for attr, value in sorted(token.items())]
        if not conditions or any(c is None for c in conditions):
            return None
        tokens.append(tuple(c for c in conditions if c is not None))
    return _Rule(attr_id, tuple(tokens), index)


def _holds(values: Values, conditions: tuple[Condition, ...]) -> bool:
    for pos, op, operand in conditions:
        value = values[pos]
        if op == "IN" and value not in operand:
            return False
        if op == "NOT_IN" and value in operand:
            return False
        if op == "REGEX" and not operand.search(value):
            return False
    return True


class FastAttributeRuler:
    """Applies an ``AttributeRuler``'s rules by lookup; same matches, same precedence."""

    def __init__(self, rules: list[_Rule], attrs: list[dict[int, Any]]):
        self.attrs = attrs
        self.single = [r for r in rules if len(r.tokens) == 1]
        self.multi = [r for r in rules if len(r.tokens) > 1]
        # One-token matches, and whether a longer pattern can start here, depend only
        # on the token's values, which repeat a lot.
        self._cache: dict[Values, tuple[list[_Rule], list[_Rule]]] = {}

    @classmethod
    def from_ruler(cls, ruler: Any) -> FastAttributeRuler | None:
        """Rules from a loaded ``AttributeRuler``; None when a pattern is not supported."""
        rules = []
        for attr_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                rule = _compile(attr_id, pattern, entry["index"])
                if rule is None:
                    return None
                rules.append(rule)
        return cls(rules, list(ruler.attrs))

    def __call__(self, doc: Doc) -> Doc:
        for attr_id, start, end, index in sorted(self._matches(doc)):
            set_token_attrs(doc[start + index if index >= 0 else end + index], self.attrs[attr_id])
        return doc

    def _starting(self, values: Values) -> tuple[list[_Rule], list[_Rule]]:
        """Rules whose first token matches ``values``: one-token rules, longer ones."""
        found = self._cache.get(values)
        if found is None:
            found = (
                [r for r in self.single if _holds(values, r.tokens[0])],
                [r for r in self.multi if _holds(values, r.tokens[0])],
            )
            if len(self._cache) < CACHE_SIZE:
                self._cache[values] = found
        return found

    def _matches(self, doc: Doc) -> set[tuple[int, int, int, int]]:
        values = [_values(token) for token in doc]
        found = set()
        for i, v in enumerate(values):
            single, multi = self._starting(v)
            for rule in single:
                found.add((rule.attr_id, i, i + 1, rule.index))
            for rule in multi:
                size = len(rule.tokens)
                if i + size <= len(values) and all(
                    _holds(values[i + k], rule.tokens[k]) for k in range(1, size)
                ):
                    found.add((rule.attr_id, i, i + size, rule.index))
        return found


def speed_up(nlp: Language) -> str:
    """Swap the model's attribute ruler for the fast one when its patterns allow it, and
    put a memo in front of its rule lemmatizer.

    Returns the name of the ruler now in use, for ``dateline --version``-style reports.
    """
    _memoize_lemmatizer(nlp)
    if "attribute_ruler" not in nlp.pipe_names:
        return "none"
    fast = FastAttributeRuler.from_ruler(nlp.get_pipe("attribute_ruler"))
    if fast is None:
        return "spaCy attribute_ruler"
    import dateline.pipeline  # noqa: F401 - registers the factory

    nlp.replace_pipe("attribute_ruler", "dateline_attribute_ruler")
    slot = nlp.get_pipe("attribute_ruler")
    assert isinstance(slot, FastRulerSlot)
    slot.ruler = fast
    return "dateline attribute_ruler"


class FastRulerSlot:
    """The ``dateline_attribute_ruler`` component: holds the fast ruler ``speed_up`` sets."""

    def __init__(self) -> None:
        self.ruler: FastAttributeRuler | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.ruler is None:
            raise RuntimeError("dateline_attribute_ruler is only added by speed_up(nlp)")
        return self.ruler(doc)


def _memoize_lemmatizer(nlp: Language) -> None:
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    import dateline.pipeline  # noqa: F401 - registers the factory

    nlp.replace_pipe("lemmatizer", "dateline_lemmatizer")
    slot = nlp.get_pipe("lemmatizer")
    assert isinstance(slot, MemoLemmatizer)
    slot.lemmatizer = lemmatizer


class MemoLemmatizer:
    """The ``dateline_lemmatizer`` component: spaCy's rule lemmatizer behind a lookup.

    A rule lemma depends only on the token's text, POS and morphology (the same key
    spaCy's own cache uses), so each distinct triple is lemmatized once and the
    lemmas are then written for the whole document at once, without a Python
    ``Token`` per word.
    """

    def __init__(self) -> None:
        self.lemmatizer: Any = None
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer is None:
            raise RuntimeError("dateline_lemmatizer is only added by speed_up(nlp)")
        overwrite = bool(self.lemmatizer.overwrite)
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3:4].copy()  # one column: the shape from_array wants
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            found = self._lemmas.get((orth, pos, morph))
            if found is None:
                text = self.lemmatizer.lemmatize(doc[i])[0]
                found = doc.vocab.strings.add(text)
                if len(self._lemmas) < CACHE_SIZE:
                    self._lemmas[(orth, pos, morph)] = found
            lemmas[i, 0] = found
        doc.from_array([LEMMA], lemmas)  # type: ignore[arg-type]  # uint64 rows of to_array
        return doc
