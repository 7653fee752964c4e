"""Load the rule resources: fragments, normalisation tables and rules.

Resource files are TOML. Each is checked against a small schema when it is
loaded, so a malformed rule fails at start-up with a coded error naming the
file and line, not later on some article.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.errors import E_TIMEX_RULES

RESOURCES = Path(__file__).parent / "resources"
TYPES = ("DATE", "TIME", "DURATION", "SET")
_REF = re.compile(r"\{([a-z_][a-z_0-9]*)(?::([a-z_][a-z_0-9]*))?\}")
_LEFTOVER = re.compile(r"\{[^0-9,}][^}]*\}")
_RULE_KEYS = {
    "id": str,
    "pattern": str,
    "type": str,
    "norm": str,
    "args": dict,
    "mod": str,
    "case": bool,
    "priority": int,
    "examples": list,
    "comment": str,
    "trigger": list,
    "reach": int,
    "before": int,
}
_REQUIRED = ("id", "pattern", "type", "norm", "examples")
_EXAMPLE_KEYS = {"text": str, "dct": str, "value": str, "span": str, "mod": str, "type": str}


@dataclass(frozen=True)
class Fragment:
    """A named regex piece; what it matches is normalized by a table or as a number."""

    name: str
    regex: str
    table: str | None = None
    number: bool = False


@dataclass(frozen=True)
class Example:
    """An example a rule must get right: text, DCT and the expected value."""

    text: str
    dct: str
    value: str
    span: str | None = None
    mod: str | None = None
    type: str | None = None


@dataclass
class Rule:
    """One extraction rule: a compiled pattern and how to normalize a match."""

    id: str
    regex: re.Pattern[str]
    type: str
    norm: str
    args: dict[str, Any] = field(default_factory=dict)
    mod: str | None = None
    priority: int = 0
    examples: list[Example] = field(default_factory=list)
    groups: dict[str, Fragment] = field(default_factory=dict)
    source: str = ""
    trigger_names: tuple[str, ...] = ()  # fragments or words one of which every match holds
    trigger: frozenset[str] | None = None  # the trigger names as lower-cased words
    reach: int = 60  # characters a match may extend past the start of its trigger word
    before: int = 60  # characters a match may start before its trigger word


@dataclass
class RuleSet:
    """Every rule with the fragments and tables they use."""

    rules: list[Rule]
    fragments: dict[str, Fragment]
    tables: dict[str, dict[str, str]]


def _fail(path: Path, line: int | None, why: str) -> Exception:
    return E_TIMEX_RULES(str(path), line, why=why)


def _read_toml(path: Path) -> tuple[dict[str, Any], list[str]]:
    text = path.read_text(encoding="utf-8")
    try:
        return tomllib.loads(text), text.splitlines()
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise _fail(
            path, int(match.group(1)) if match else None, f"not valid TOML: {exc}"
        ) from None


def load_fragments(path: Path) -> tuple[dict[str, Fragment], dict[str, dict[str, str]]]:
    """Fragments and tables from a fragments file, checked."""
    data, lines = _read_toml(path)
    tables = {
        name: {str(k): str(v) for k, v in t.items()} for name, t in data.get("tables", {}).items()
    }
    fragments = {}
    for name, spec in data.get("fragments", {}).items():
        line = _line_of(lines, f"[fragments.{name}]")
        if not isinstance(spec, dict) or not isinstance(spec.get("regex"), str):
            raise _fail(path, line, f"fragment {name!r} needs a regex string")
        table = spec.get("table")
        if table is not None and table not in tables:
            raise _fail(path, line, f"fragment {name!r} names unknown table {table!r}")
        _check_regex(path, line, spec["regex"])
        fragments[name] = Fragment(name, spec["regex"], table, bool(spec.get("number", False)))
    return fragments, tables


def _line_of(lines: list[str], needle: str, nth: int = 0) -> int | None:
    seen = 0
    for number, line in enumerate(lines, start=1):
        if line.strip().startswith(needle):
            if seen == nth:
                return number
            seen += 1
    return None


def _check_regex(path: Path, line: int | None, regex: str) -> re.Pattern[str]:
    try:
        return re.compile(regex, re.IGNORECASE)
    except re.error as exc:
        raise _fail(path, line, f"bad regex: {exc}") from None


def load_rules(path: Path, fragments: dict[str, Fragment], norms: Iterable[str]) -> list[Rule]:
    """The rules of one rule file, each checked against the schema."""
    data, lines = _read_toml(path)
    unknown = set(data) - {"rule"}
    if unknown:
        raise _fail(path, None, f"unknown top-level keys {sorted(unknown)}; expected [[rule]]")
    known_norms = set(norms)
    rules = []
    for index, spec in enumerate(data.get("rule", [])):
        line = _line_of(lines, "[[rule]]", index)
        rules.append(_build_rule(path, line, spec, fragments, known_norms))
    _check_unique(path, lines, rules)
    return rules


def _check_unique(path: Path, lines: list[str], rules: list[Rule]) -> None:
    seen: set[str] = set()
    for index, rule in enumerate(rules):
        if rule.id in seen:
            raise _fail(path, _line_of(lines, "[[rule]]", index), f"duplicate rule id {rule.id!r}")
        seen.add(rule.id)


def _build_rule(
    path: Path,
    line: int | None,
    spec: dict[str, Any],
    fragments: dict[str, Fragment],
    norms: set[str],
) -> Rule:
    _check_keys(path, line, spec)
    if spec["type"] not in TYPES:
        raise _fail(path, line, f"type must be one of {TYPES}, got {spec['type']!r}")
    if spec["norm"] not in norms:
        raise _fail(path, line, f"unknown norm {spec['norm']!r}; known: {sorted(norms)}")
    source, groups = _expand(path, line, spec["pattern"], fragments)
    flags = 0 if spec.get("case", False) else re.IGNORECASE
    try:
        regex = re.compile(r"(?<![\w])(?<![^\W\d_]-)(?:" + source + r")(?![\w])", flags)
    except re.error as exc:
        raise _fail(path, line, f"rule {spec['id']!r}: bad pattern: {exc}") from None
    examples = [_example(path, line, spec["id"], ex) for ex in spec["examples"]]
    args = dict(spec.get("args", {}))
    _check_trigger(path, line, spec.get("trigger", []), fragments)
    return Rule(
        id=spec["id"],
        regex=regex,
        type=spec["type"],
        norm=spec["norm"],
        args=args,
        mod=spec.get("mod"),
        priority=int(spec.get("priority", 0)),
        examples=examples,
        groups=groups,
        source=f"{path.name}:{line}",
        trigger_names=tuple(spec.get("trigger", ())),
        reach=int(spec.get("reach", 60)),
        before=int(spec.get("before", 60)),
    )


def _check_trigger(
    path: Path, line: int | None, trigger: list[Any], fragments: dict[str, Fragment]
) -> None:
    for item in trigger:
        if not isinstance(item, str) or not item:
            raise _fail(
                path, line, f"trigger entries must be words or {{fragment}} names, got {item!r}"
            )
        if item.startswith("{") and item.strip("{}") not in fragments:
            raise _fail(path, line, f"trigger names unknown fragment {item!r}")


def _check_keys(path: Path, line: int | None, spec: dict[str, Any]) -> None:
    for key in _REQUIRED:
        if key not in spec:
            raise _fail(path, line, f"rule {spec.get('id', '?')!r} lacks required key {key!r}")
    for key, value in spec.items():
        kind = _RULE_KEYS.get(key)
        if kind is None:
            raise _fail(path, line, f"unknown key {key!r}; allowed: {sorted(_RULE_KEYS)}")
        if not isinstance(value, kind):
            raise _fail(path, line, f"key {key!r} must be a {kind.__name__}")
    if not spec["examples"]:
        raise _fail(path, line, f"rule {spec['id']!r} needs at least one example")


def _example(path: Path, line: int | None, rule_id: str, spec: Any) -> Example:
    if not isinstance(spec, dict) or not {"text", "dct", "value"} <= set(spec):
        raise _fail(path, line, f"rule {rule_id!r}: an example needs text, dct and value")
    for key, value in spec.items():
        if _EXAMPLE_KEYS.get(key) is not str or not isinstance(value, str):
            raise _fail(path, line, f"rule {rule_id!r}: bad example key {key!r}")
    return Example(**spec)


def _expand(
    path: Path, line: int | None, pattern: str, fragments: dict[str, Fragment]
) -> tuple[str, dict[str, Fragment]]:
    groups: dict[str, Fragment] = {}

    def replace(match: re.Match[str]) -> str:
        group, name = match.group(1), match.group(2) or match.group(1)
        if name not in fragments:
            raise _fail(path, line, f"unknown fragment {{{name}}} in pattern {pattern!r}")
        if group in groups:
            raise _fail(path, line, f"group {group!r} used twice in pattern {pattern!r}")
        groups[group] = fragments[name]
        return f"(?P<{group}>{fragments[name].regex})"

    source = _REF.sub(replace, pattern)
    leftover = _LEFTOVER.search(source)
    if leftover:
        raise _fail(
            path, line, f"bad fragment reference {leftover.group(0)!r} in pattern {pattern!r}"
        )
    return source, groups


@lru_cache(maxsize=8)
def load_ruleset(rule_files: tuple[Path, ...] | None = None) -> RuleSet:
    """The default rule set (or the given rule files) with the shared fragments."""
    from dateline.timex.context import NORMALIZERS  # filled as the normalizer modules load

    fragments, tables = load_fragments(RESOURCES / "fragments.toml")
    files = rule_files or tuple(sorted(RESOURCES.glob("rules*.toml")))
    rules = [rule for path in files for rule in load_rules(path, fragments, NORMALIZERS)]
    for rule in rules:
        rule.trigger = _trigger_words(rule, fragments, tables)
    return RuleSet(rules, fragments, tables)


DIGITS = "#digits"
_TOKEN = re.compile(r"[a-z]+|[0-9]+")


def _trigger_words(
    rule: Rule, fragments: dict[str, Fragment], tables: dict[str, dict[str, str]]
) -> frozenset[str] | None:
    """The words that let the tagger skip text where the rule cannot match."""
    if not rule.trigger_names:
        return None
    words: set[str] = set()
    for name in rule.trigger_names:
        fragment = fragments.get(name.strip("{}")) if name.startswith("{") else None
        if fragment is None:
            words.update([name] if name.startswith("#") else _TOKEN.findall(name.lower()))
            continue
        keys = list(tables.get(fragment.table or "", {}))
        if fragment.number:
            keys += [*tables.get("number", {}), DIGITS]
        for key in keys:
            # the longest word of a key: every match of the key holds it
            words.add(
                DIGITS if key == DIGITS else max(_TOKEN.findall(key.lower()) or [key], key=len)
            )
    return frozenset(words)
