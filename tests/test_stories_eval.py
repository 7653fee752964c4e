"""`dateline eval stories`: B³ arithmetic on clusterings worked out by hand, the answers for
history and pending, the series file's checks, and one run of the real pipeline on the
synthetic series in tests/fixtures/stories_unit/ whose reported numbers must agree with
the stories it found."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.errors import DatelineError
from dateline.evaluate.stories_eval import (
    BCubed,
    b_cubed,
    find_series,
    history_answers,
    pending_answer,
)

UNIT = Path(__file__).parent / "fixtures" / "stories_unit"


def close(score: BCubed, precision: Fraction, recall: Fraction) -> None:
    f1 = 2 * precision * recall / (precision + recall)
    assert score.precision == pytest.approx(float(precision))
    assert score.recall == pytest.approx(float(recall))
    assert score.f1 == pytest.approx(float(f1))


# --- B³ ---------------------------------------------------------------------------------


def test_b_cubed_of_the_gold_clustering_is_perfect() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    close(b_cubed(gold, {"a": "x", "b": "x", "c": "y"}), Fraction(1), Fraction(1))


def test_b_cubed_of_one_cluster_for_everything() -> None:
    # a, b: 2 of the 3 in their found cluster are right, both of their gold cluster found;
    # c: 1 of 3, its whole gold cluster found. P = (2/3 + 2/3 + 1/3) / 3 = 5/9, R = 1.
    gold = {"a": 1, "b": 1, "c": 2}
    close(b_cubed(gold, {"a": "x", "b": "x", "c": "x"}), Fraction(5, 9), Fraction(1))


def test_b_cubed_of_singletons() -> None:
    gold = {"a": 1, "b": 1, "c": 1}
    close(b_cubed(gold, {"a": "x", "b": "y", "c": "z"}), Fraction(1), Fraction(1, 3))


def test_b_cubed_counts_an_unmatched_member_as_its_own_cluster() -> None:
    # b was not found: a is alone in its found cluster (P 1, R 1/2), b alone (P 1, R 1/2).
    gold = {"a": 1, "b": 1}
    close(b_cubed(gold, {"a": "x"}), Fraction(1), Fraction(1, 2))
    # Two unmatched members are two clusters, never one.
    close(b_cubed(gold, {}), Fraction(1), Fraction(1, 2))


def test_b_cubed_of_a_mixed_clustering() -> None:
    # gold {a b c} {d e}; found {a b} {c d} {e}:
    #   P: a 1, b 1, c 1/2, d 1/2, e 1      -> 4/5
    #   R: a 2/3, b 2/3, c 1/3, d 1/2, e 1/2 -> (2/3+2/3+1/3+1/2+1/2)/5 = 8/15
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    found = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "z"}
    close(b_cubed(gold, found), Fraction(4, 5), Fraction(8, 15))


def test_b_cubed_ignores_found_items_outside_the_gold_members() -> None:
    gold = {"a": 1, "b": 1}
    close(b_cubed(gold, {"a": "x", "b": "x", "zz": "x"}), Fraction(1), Fraction(1))


def test_b_cubed_pools_series_by_member() -> None:
    one = b_cubed({"a": 1, "b": 1}, {"a": "x"})  # P 1, R 1/2 on 2 members
    two = b_cubed({"c": 1}, {"c": "x"})  # P 1, R 1 on 1 member
    one.add(two)
    close(one, Fraction(1), Fraction(2, 3))
    assert one.items == 3
    assert BCubed().f1 == 0.0


# --- history and pending answers ----------------------------------------------------------


def test_history_answers_pair_each_found_entry_once() -> None:
    found = [
        {"dct": "2025-03-01", "state": "dated"},
        {"dct": "2025-03-05", "state": "occurred"},
        {"dct": "2025-03-05", "state": "postponed"},
    ]
    expected = [
        ("2025-03-01", "dated"),
        ("2025-03-05", "postponed"),
        ("2025-03-05", "postponed"),  # only one article said so
        ("2025-03-09", "occurred"),  # no article of that date in the found story
    ]
    got = [(a["right"], a["found"]) for a in history_answers(expected, found)]
    assert got == [(True, ["dated"]), (True, ["postponed"]), (False, ["occurred"]), (False, [])]


def test_pending_answer_wants_the_state_or_the_absence() -> None:
    listed = {"story:1": "dated"}
    assert pending_answer("dated", "story:1", listed)
    assert not pending_answer("rescheduled", "story:1", listed)
    assert not pending_answer(None, "story:1", listed)  # listed, but should not be
    assert pending_answer(None, "story:2", listed)
    assert pending_answer(None, None, listed)  # never found, so never listed
    assert not pending_answer("announced", None, listed)


# --- the series file --------------------------------------------------------------------


def write_series(tmp_path: Path, data: Any, text: str | None = None) -> Path:
    folder = tmp_path / "series" / "one"
    folder.mkdir(parents=True)
    (folder / "series.json").write_text(text if text is not None else json.dumps(data))
    (folder / "a.txt").write_text("date 2025-03-01  A\n\nKim will visit Russia.\n")
    (folder / "a.expected.json").write_text('{"events": []}')
    return tmp_path / "series"


GOOD = {
    "articles": ["a.txt"],
    "stories": [{"id": "s", "members": [{"article": "a.txt", "event": 0}], "history": []}],
    "pending": [{"as_of": "2025-03-01", "stories": {"s": "announced"}}],
}


def test_a_good_series_file_loads_with_its_folders(tmp_path: Path) -> None:
    (series,) = find_series(write_series(tmp_path, GOOD))
    assert series.name == "one" and series.texts == series.events == series.path.parent
    assert series.pending == [("2025-03-01", {"s": "announced"})]


def test_series_folders_are_relative_to_the_repository_root(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "elsewhere").mkdir(parents=True)
    (root / "pyproject.toml").write_text("")
    (root / "elsewhere" / "a.txt").write_text("date 2025-03-01  A\n\nKim will visit Russia.\n")
    (moved,) = find_series(write_series(root, {**GOOD, "texts": "elsewhere"}))
    assert moved.texts == root / "elsewhere" and moved.events == moved.path.parent
    (root / "texts").mkdir()
    (root / "texts" / "a.txt").write_text("date 2025-03-01  A\n\nKim will visit Russia.\n")
    (overridden,) = find_series(root / "series", texts=root / "texts")
    assert overridden.text("a.txt") == root / "texts" / "a.txt"


def test_texts_option_falls_back_to_a_series_own_articles(tmp_path: Path) -> None:
    """--texts names the folder of real-news articles; a synthetic series whose articles
    sit beside its series.json still finds them there."""
    elsewhere = tmp_path / "realnews"
    elsewhere.mkdir()
    (series,) = find_series(write_series(tmp_path, GOOD), texts=elsewhere)
    assert series.text("a.txt") == series.path.parent / "a.txt"


def test_an_article_in_no_folder_names_where_it_was_looked_for(tmp_path: Path) -> None:
    elsewhere = tmp_path / "realnews"
    elsewhere.mkdir()
    folder = write_series(tmp_path, {**GOOD, "articles": ["a.txt", "gone.txt"]})
    result = CliRunner().invoke(app, ["eval", "stories", str(folder), "--texts", str(elsewhere)])
    assert result.exit_code == 2 and "DL-E522" in result.stderr
    assert "gone.txt" in result.stderr and str(elsewhere) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"articles": "a.txt"}, "articles list"),
        ({"stories": [{"members": []}]}, "needs an id"),
        ({"stories": [{"id": "s", "members": [{"article": "b.txt", "event": 0}]}]}, "b.txt"),
        ({"stories": [{"id": "s", "members": [{"article": "a.txt", "event": -1}]}]}, "0-based"),
        ({"stories": [{"id": "s", "history": [{"dct": "2025-03-01", "state": "held"}]}]}, "held"),
        ({"stories": [{"id": "s", "history": [{"dct": "March", "state": "dated"}]}]}, "March"),
        ({"pending": [{"as_of": "2025-03-01", "stories": {"t": "dated"}}]}, "no story 't'"),
        (
            {"stories": [{"id": "s", "members": [{"article": "a.txt", "event": 0}]}] * 2},
            "share an id",
        ),
    ],
)
def test_a_bad_series_file_is_one_coded_error_naming_it(
    tmp_path: Path, change: dict[str, Any], why: str
) -> None:
    with pytest.raises(DatelineError) as caught:
        find_series(write_series(tmp_path, {**GOOD, **change}))
    assert caught.value.code == "DL-E520"
    assert str(caught.value.path).endswith("series.json") and why in caught.value.reason


def test_a_series_file_that_is_not_json_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(DatelineError) as caught:
        find_series(write_series(tmp_path, None, text='{\n "articles": [\n  "a.txt",\n ]\n}'))
    assert caught.value.code == "DL-E520" and caught.value.line == 4


def test_no_series_and_missing_files_are_coded(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "stories", str(tmp_path)])
    assert result.exit_code == 2 and "DL-E521" in result.stderr
    folder = write_series(tmp_path, {**GOOD, "articles": ["a.txt", "gone.txt"]})
    result = CliRunner().invoke(app, ["eval", "stories", str(folder)])
    assert result.exit_code == 2
    assert "DL-E522" in result.stderr and "gone.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# --- the real pipeline on the unit series ----------------------------------------------


def _b_cubed_by_sets(stories: list[dict[str, Any]]) -> tuple[float, float]:
    """B³ from the members' found stories, with sets of member numbers (an unmatched
    member is alone)."""
    members = [(s["id"], m["found"]) for s in stories for m in s["members"]]
    p = r = 0.0
    for i, (gold, found) in enumerate(members):
        same_gold = {j for j, (g, _) in enumerate(members) if g == gold}
        same_found = {j for j, (_, f) in enumerate(members) if found and f == found} or {i}
        p += len(same_gold & same_found) / len(same_found)
        r += len(same_gold & same_found) / len(same_gold)
    return p / len(members), r / len(members)


@pytest.mark.model
@pytest.mark.slow
def test_eval_stories_reports_numbers_that_agree_with_the_stories_it_found(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "stories", str(UNIT), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    names = sorted(p.name for p in UNIT.iterdir() if (p / "series.json").exists())
    assert [s["series"] for s in report["series"]] == names
    for series in report["series"]:
        stories = series["stories"]
        found = [m["found"] for s in stories for m in s["members"]]
        assert series["members"] == len(found)
        assert series["matched"] == sum(f is not None for f in found)
        precision, recall = _b_cubed_by_sets(stories)
        assert series["b_cubed"]["precision"] == pytest.approx(precision, abs=1e-4)
        assert series["b_cubed"]["recall"] == pytest.approx(recall, abs=1e-4)
        entries = [a for s in stories for a in s["history"]]
        assert series["history"]["right"] == sum(a["right"] for a in entries)
        assert series["history"]["total"] == len(entries)
        answers = series["pending_answers"]
        assert all(a["right"] == (a["found"] == a["expected"]) for a in answers)
        assert series["pending"]["right"] == sum(a["right"] for a in answers)
        _check_against_the_stored_stories(runner, series, tmp_path / series["series"])
    total = report["total"]
    assert total["members"] == sum(s["members"] for s in report["series"])
    assert total["pending"]["right"] == sum(s["pending"]["right"] for s in report["series"])
    text = runner.invoke(app, ["eval", "stories", str(UNIT)]).stdout
    assert [line.split()[0] for line in text.splitlines()[1:]] == [*names, "-" * 101, "total"]


def _check_against_the_stored_stories(runner: CliRunner, series: dict[str, Any], db: Path) -> None:
    """The stories, history states and pending answers reported are those `dateline
    ingest`, `story` and `pending` give on the same articles."""
    folder = UNIT / series["series"]
    texts = [str(p) for p in sorted(folder.glob("*.txt"))]
    ingested = runner.invoke(app, ["ingest", *texts, "--db", str(db), "--quiet"])
    assert ingested.exit_code == 0, ingested.output
    for story in series["stories"]:
        if story["found"] is None:
            continue
        command = ["story", story["found"], "--db", str(db), "--json"]
        shown = json.loads(runner.invoke(app, command).stdout)
        assert shown["state"] == story["state"]
        states = {(h["dct"], h["state"]) for h in shown["history"]}
        for answer in story["history"]:
            assert answer["right"] == ((answer["dct"], answer["expected"]) in states)
    chosen = {s["id"]: s["found"] for s in series["stories"]}
    for answer in series["pending_answers"]:
        as_of = ["pending", "--as-of", answer["as_of"], "--db", str(db), "--json"]
        listed = {s["id"]: s["state"] for s in json.loads(runner.invoke(app, as_of).stdout)}
        assert listed.get(chosen[answer["story"]]) == answer["found"]
