"""The rule files: every rule's examples hold, and malformed files fail clearly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.timex import tag
from dateline.timex.context import NORMALIZERS
from dateline.timex.rules import RESOURCES, Example, Rule, load_fragments, load_rules, load_ruleset

RULESET = load_ruleset()
EXAMPLES = [(rule, example) for rule in RULESET.rules for example in rule.examples]


@pytest.mark.parametrize(
    ("rule", "example"), EXAMPLES, ids=[f"{r.id}:{e.text[:30]}" for r, e in EXAMPLES]
)
def test_rule_example(rule: Rule, example: Example) -> None:
    """Each example's text yields the expected value, from that rule, with the given extent."""
    found = tag(example.text, date.fromisoformat(example.dct))
    ours = [t for t in found if t.rule == rule.id]
    assert ours, f"rule {rule.id} ({rule.source}) found nothing in {example.text!r}: {found}"
    values = [t.value for t in ours]
    assert example.value in values, f"{rule.id}: {values} != {example.value!r}"
    timex = next(t for t in ours if t.value == example.value)
    if example.span is not None:
        assert timex.text == example.span
    if example.mod is not None:
        assert timex.mod == example.mod
    if example.type is not None:
        assert timex.type == example.type


def test_every_rule_has_an_example() -> None:
    assert all(rule.examples for rule in RULESET.rules)
    assert len(RULESET.rules) >= 40


def _fragments() -> tuple[dict, dict]:
    return load_fragments(RESOURCES / "fragments.toml")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules_bad.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """
[[rule]]
id = "ok"
pattern = '''{weekday}'''
type = "DATE"
norm = "weekday"
examples = [{text = "On Monday.", dct = "2020-01-01", value = "2019-12-30"}]
"""


def test_good_rule_file_loads(tmp_path: Path) -> None:
    fragments, _ = _fragments()
    rules = load_rules(_write(tmp_path, GOOD), fragments, NORMALIZERS)
    assert [r.id for r in rules] == ["ok"]


@pytest.mark.parametrize(
    ("change", "line", "why"),
    [
        (('type = "DATE"', 'type = "DAY"'), 3, "type must be one of"),
        (('norm = "weekday"', 'norm = "guess"'), 3, "unknown norm"),
        (("{weekday}", "{weekdays}"), 3, "unknown fragment"),
        (("{weekday}", "{weekday}("), 3, "bad pattern"),
        (('id = "ok"', 'id = "ok"\ncolour = "red"'), 3, "unknown key"),
        (("examples = [{", "examples = [{nope = 1, "), 3, "example"),
        (("examples = [{text", "samples = [{text"), 3, "lacks required key 'examples'"),
        (('id = "ok"', 'id = "ok'), 4, "not valid TOML"),
    ],
)
def test_malformed_rule_is_a_coded_error_with_file_and_line(
    tmp_path: Path, change: tuple[str, str], line: int, why: str
) -> None:
    """DL-E100 names the file and the line of the bad rule."""
    fragments, _ = _fragments()
    path = _write(tmp_path, "# header\n" + GOOD.replace(*change))
    with pytest.raises(DatelineError) as info:
        load_rules(path, fragments, NORMALIZERS)
    error = info.value
    assert error.code == "DL-E100"
    assert error.path == str(path)
    assert error.line == line
    assert why in str(error)
    assert str(error).startswith(f"{path}:{line}: DL-E100")


def test_duplicate_rule_ids_are_rejected(tmp_path: Path) -> None:
    fragments, _ = _fragments()
    path = _write(tmp_path, GOOD + GOOD)
    with pytest.raises(DatelineError, match="duplicate rule id"):
        load_rules(path, fragments, NORMALIZERS)


def test_fragment_with_unknown_table_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "fragments.toml"
    path.write_text("[fragments.x]\nregex = 'a'\ntable = 'missing'\n", encoding="utf-8")
    with pytest.raises(DatelineError, match="unknown table") as info:
        load_fragments(path)
    assert info.value.line == 1


def test_custom_rule_file_is_used(tmp_path: Path) -> None:
    """A user rule file can add an expression the default rules do not know."""
    extra = tmp_path / "rules_extra.toml"
    extra.write_text(
        """
[[rule]]
id = "fortnight_ago"
pattern = '''a\\s+fortnight\\s+ago'''
type = "DATE"
norm = "shift"
args = {unit = "week", direction = "-1", gran = "week"}
examples = [{text = "He left a fortnight ago.", dct = "2020-01-15", value = "2020-W02"}]
""",
        encoding="utf-8",
    )
    ruleset = load_ruleset((extra,))
    from dateline.timex.tagger import tag_text

    found = tag_text("He left a fortnight ago.", date(2020, 1, 15), ruleset=ruleset)
    assert [(t.text, t.rule) for t in found] == [("a fortnight ago", "fortnight_ago")]
