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
        # One-token matches depend only on the token's values, which repeat a lot.
        self._cache: dict[Values, list[_Rule]] = {}

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

    def _single(self, values: Values) -> list[_Rule]:
        found = self._cache.get(values)
        if found is None:
            found = [r for r in self.single if _holds(values, r.tokens[0])]
            if len(self._cache) < CACHE_SIZE:
                self._cache[values] = found
        return found

    def _matches(self, doc: Doc) -> set[tuple[int, int, int, int]]:
        values = [_values(token) for token in doc]
        found = {
            (r.attr_id, i, i + 1, r.index) for i, v in enumerate(values) for r in self._single(v)
        }
        for rule in self.multi:
            size = len(rule.tokens)
            for i in range(len(values) - size + 1):
                if all(_holds(values[i + k], conds) for k, conds in enumerate(rule.tokens)):
                    found.add((rule.attr_id, i, i + size, rule.index))
        return found


def speed_up(nlp: Language) -> str:
    """Swap the model's attribute ruler for the fast one when its patterns allow it.

    Returns the name of the component now in use, for ``dateline --version``-style reports.
    """
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
