"""Every time expression of seed/EXPECTED.md, on the real seed article text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.model import Timex
from dateline.timex import tag

DCT = date(2025, 5, 21)
SEED = Path(__file__).parent / "fixtures" / "events" / "seed_000_fd07e1a8af72dee4.txt"


def seed_body(path: Path) -> str:
    """Caption and body: without the header lines and the trailing credits."""
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [line for line in lines[1:] if not line.startswith("Published:")]
    text = "\n".join(body)
    return text.split("Translated from the JoongAng Ilbo")[0]


@pytest.fixture(scope="module")
def seed_timexes() -> list[Timex]:
    return tag(seed_body(SEED), DCT)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("June 19, 2024", "2024-06-19"),
        ("Wednesday", "2025-05-21"),
        ("June last year", "2024-06"),
        ("2019", "2019"),
        ("2023", "2023"),
        ("next month", "2025-06"),
        ("this coming September", "2025-09"),
        ("the one-year anniversary of Putin’s visit to Pyongyang", "2025-06-19"),
        ("the 75th anniversary of the outbreak of the Korean War", "2025-06-25"),
    ],
)
def test_seed_expression(seed_timexes: list[Timex], text: str, value: str) -> None:
    matches = [t for t in seed_timexes if t.text == text]
    assert matches, f"{text!r} not found in {[t.text for t in seed_timexes]}"
    assert matches[0].value == value
    assert matches[0].type == "DATE"


def test_seed_offsets_index_the_text(seed_path: Path) -> None:
    text = seed_body(seed_path)
    for timex in tag(text, DCT):
        assert text[timex.start : timex.end] == timex.text


def test_seed_has_no_spurious_expressions(seed_timexes: list[Timex]) -> None:
    assert len(seed_timexes) == 9


def test_seed_intervals(seed_timexes: list[Timex]) -> None:
    by_text = {t.text: t for t in seed_timexes}
    assert (by_text["next month"].earliest, by_text["next month"].latest) == (
        "2025-06-01",
        "2025-06-30",
    )
    assert by_text["next month"].granularity == "month"
    assert by_text["2019"].earliest == "2019-01-01"
    assert by_text["2019"].latest == "2019-12-31"
    assert by_text["Wednesday"].granularity == "day"


@pytest.mark.model
def test_seed_through_the_spacy_component() -> None:
    """The pipeline step gives the same values with the parse deciding tense."""
    import dateline.pipeline  # noqa: F401 - registers the factory
    from dateline.annotate import find_model

    _, module = find_model()
    nlp = module.load()
    nlp.add_pipe("dateline_timex", last=True)
    doc = nlp.make_doc(seed_body(SEED))
    doc._.dct = DCT
    for _, step in nlp.pipeline:
        doc = step(doc)
    values = {t.text: t.value for t in doc._.timexes}
    assert values["Wednesday"] == "2025-05-21"
    assert values["next month"] == "2025-06"
    assert values["this coming September"] == "2025-09"
    assert values["the 75th anniversary of the outbreak of the Korean War"] == "2025-06-25"
    assert len(values) == 9
