"""TimeML reading and writing, and the TempEval-3 scores of evaluate_timex."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.evaluate.timeml import parse_timeml, read_timeml, to_timeml
from dateline.evaluate.timex_eval import evaluate_timex
from dateline.model import Timex

DCT_TAG = (
    '<TIMEX3 tid="t0" type="DATE" value="2001-05-04" temporalFunction="false" '
    'functionInDocument="CREATION_TIME">May 4, 2001</TIMEX3>'
)
SYNTHETIC = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>synthetic_1</DOCID>\n'
    f"<DCT>{DCT_TAG}</DCT>\n<TEXT>\n"
    'The council <EVENT eid="e1">said</EVENT> '
    '<TIMEX3 tid="t1" type="DATE" value="2001-05-03">yesterday</TIMEX3> that fees &amp; '
    'taxes rose <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3> in a row. '
    'It meets <TIMEX3 tid="t3" type="DATE" value="2001-06">in June</TIMEX3> and '
    '<TIMEX3 tid="t4" type="DATE" value="2001-05-11">Friday</TIMEX3>.\n'
    "</TEXT>\n</TimeML>\n"
)


def write_corpus(tmp_path: Path) -> Path:
    gold = tmp_path / "gold" / "nested"
    gold.mkdir(parents=True)
    (gold / "synthetic_1.tml").write_text(SYNTHETIC, encoding="utf-8")
    return tmp_path / "gold"


def test_parse_timeml_text_dct_and_offsets() -> None:
    doc = parse_timeml(SYNTHETIC, "synthetic_1")
    assert doc.dct == date(2001, 5, 4)
    assert "fees & taxes" in doc.text
    assert "<" not in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("yesterday", "DATE", "2001-05-03"),
        ("three years", "DURATION", "P3Y"),
        ("in June", "DATE", "2001-06"),
        ("Friday", "DATE", "2001-05-11"),
    ]
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text


def test_scores_strict_relaxed_and_value(tmp_path: Path) -> None:
    """Ours: yesterday, three years right; June relaxed only; Friday = the DCT (wrong value)."""
    report = evaluate_timex(write_corpus(tmp_path))
    scores = report.to_dict()
    assert report.documents == 1
    assert scores["gold"] == 4 and scores["system"] == 4
    assert scores["strict"]["f1"] == pytest.approx(3 / 4)
    assert scores["relaxed"]["f1"] == pytest.approx(1.0)
    assert scores["value_f1"] == pytest.approx(3 / 4)
    assert scores["type_f1"] == pytest.approx(1.0)
    assert scores["value_errors"] == [
        {"text": "friday", "gold": "2001-05-11", "ours": "2001-05-04", "count": 1}
    ]
    assert scores["by_type"]["DURATION"]["gold"] == 1
    table = report.format()
    assert "strict span" in table and "friday" in table


def test_a_type_disagreement_counts_for_neither_type(tmp_path: Path) -> None:
    """Gold calls "three years" a DATE (on purpose); ours is a DURATION: no type gets it."""
    gold = tmp_path / "gold"
    gold.mkdir()
    text = SYNTHETIC.replace('type="DURATION" value="P3Y"', 'type="DATE" value="P3Y"')
    (gold / "synthetic_1.tml").write_text(text, encoding="utf-8")
    by_type = evaluate_timex(gold).to_dict()["by_type"]
    assert by_type["DATE"]["gold"] == 4 and by_type["DATE"]["system"] == 3
    assert by_type["DATE"]["relaxed"]["recall"] == pytest.approx(3 / 4)
    assert by_type["DURATION"]["relaxed"]["precision"] == 0.0
    for counts in by_type.values():
        assert counts["relaxed"]["precision"] <= 1.0 and counts["relaxed"]["recall"] <= 1.0


def test_out_dir_gets_one_timeml_file_per_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    evaluate_timex(write_corpus(tmp_path), out_dir=out)
    written = read_timeml(out / "synthetic_1.tml")
    original = parse_timeml(SYNTHETIC)
    assert written.text == original.text
    assert [t.text for t in written.timexes] == ["yesterday", "three years", "June", "Friday"]


def test_progress_is_reported(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    evaluate_timex(write_corpus(tmp_path), progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 1)]


def test_empty_gold_dir_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(DatelineError, match="DL-E102"):
        evaluate_timex(tmp_path)


def test_file_without_dct_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML><TEXT>Nothing</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(DatelineError, match="DL-E101") as info:
        read_timeml(path)
    assert info.value.path == str(path)


def test_dct_from_the_dct_element_or_the_file_name(tmp_path: Path) -> None:
    """Without a CREATION_TIME TIMEX3 the DCT comes from <DCT> text or a dated file name."""
    element = tmp_path / "story.tml"
    element.write_text("<TimeML><DCT>2009-05-01</DCT><TEXT>Nothing.</TEXT></TimeML>")
    assert read_timeml(element).dct == date(2009, 5, 1)
    named = tmp_path / "APW19980807.0022.tml"
    named.write_text("<TimeML><TEXT>Nothing.</TEXT></TimeML>")
    assert read_timeml(named).dct == date(1998, 8, 7)
    # no creation date at all (an encyclopedia article): after the latest year it names
    story = tmp_path / "war.tml"
    story.write_text("<TimeML><TEXT>The war began in 1939 and ended in 1945.</TEXT></TimeML>")
    assert read_timeml(story).dct == date(1947, 1, 1)


def test_a_bad_file_is_reported_and_the_rest_is_scored(tmp_path: Path) -> None:
    gold = write_corpus(tmp_path)
    (gold / "broken.tml").write_text("<TimeML>no text element</TimeML>", encoding="utf-8")
    report = evaluate_timex(gold)
    assert report.documents == 1 and report.total.gold == 4
    assert len(report.rejected) == 1
    assert "broken.tml" in report.rejected[0] and "DL-E101" in report.rejected[0]
    assert "rejected 1 file(s)" in report.format()


def test_to_timeml_escapes_and_tags() -> None:
    text = "Fees & <taxes> rose yesterday."
    timex = Timex(
        "yesterday", 20, 29, "DATE", "2001-05-03", earliest="2001-05-03", latest="2001-05-03"
    )
    xml = to_timeml(text, date(2001, 5, 4), [timex], "doc&1")
    assert "&amp; &lt;taxes&gt;" in xml
    assert '<TIMEX3 tid="t1" type="DATE" value="2001-05-03">yesterday</TIMEX3>' in xml
    back = parse_timeml(xml)
    assert back.text == text
    assert back.dct == date(2001, 5, 4)


def test_eval_timex_command_reports_a_bad_file_and_exits_1(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    gold = write_corpus(tmp_path)
    (gold / "broken.tml").write_text("<TimeML>no text element</TimeML>", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "timex", str(gold)])
    assert result.exit_code == 1
    assert "| strict span |" in result.stdout
    assert "broken.tml: DL-E101" in result.stderr


@pytest.mark.parametrize(
    ("gold", "ours", "matches"),
    [
        ("1989-WXX", "1989-W21", True),
        ("1989-WXX", "1990-W21", False),  # the digits given must agree
        ("1988-QX", "1988-Q3", True),
        ("XXXX-WXX-7", "1848-W10-7", True),
        ("PXY", "P3Y", True),
        ("PXY", "P10Y", True),  # an amount may have any length
        ("PXY", "P3M", False),
        ("1949-XX", "1949", False),  # a year does not fill the month
        ("196X", "196", False),
        ("2001-05-11", "2001-05-11", True),
        ("2001-05-11", "2001-05-12", False),
    ],
)
def test_lenient_gold_x_digits_match_a_value_that_fills_them(
    gold: str, ours: str, matches: bool
) -> None:
    from dateline.evaluate.timex_eval import fills

    assert fills(gold, ours) is matches


def _underspecified_corpus(tmp_path: Path) -> Path:
    """Gold: Friday as 2001-05-XX (ours fills it: 2001-05-04), three years as the
    malformed T17 (left out under lenient scoring)."""
    gold = tmp_path / "gold"
    gold.mkdir()
    text = SYNTHETIC.replace('value="2001-05-11"', 'value="2001-05-XX"').replace(
        'type="DURATION" value="P3Y"', 'type="DURATION" value="T17"'
    )
    (gold / "synthetic_1.tml").write_text(text, encoding="utf-8")
    return gold


def test_default_scoring_stays_tempeval3_exact_values(tmp_path: Path) -> None:
    report = evaluate_timex(_underspecified_corpus(tmp_path))
    assert report.to_dict()["value_f1"] == pytest.approx(2 / 4)  # yesterday, June
    assert report.malformed == []


def test_lenient_gold_fills_x_and_leaves_malformed_values_out(tmp_path: Path) -> None:
    report = evaluate_timex(_underspecified_corpus(tmp_path), lenient_gold=True)
    scores = report.to_dict()
    # relaxed F1 1.0; value accuracy 3 of the 3 scored matches (T17 left out)
    assert scores["value_f1"] == pytest.approx(1.0)
    assert scores["malformed_gold"] == [
        {"file": "synthetic_1", "text": "three years", "gold": "T17"}
    ]
    assert scores["value_errors"] == []
    assert "T17" in report.format() and "lenient gold" in report.format()
