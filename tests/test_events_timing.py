"""The event's own time: where the text dates that event (events/timing.py, sharing.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import events_of

pytestmark = pytest.mark.model
DCT = date(2026, 7, 10)  # a Friday


def _events(nlp: Any, text: str, dct: date = DCT) -> list[dict[str, Any]]:
    return events_of(nlp, text, dct)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Washington added pressure on Wednesday, when the US Treasury imposed sanctions on "
         "two M23 commanders.", "SANCTION", "2026-07-08"),
        ("Relations have been frosty since 2002, when German Foreign Minister Joschka Fischer "
         "cancelled a visit to Cairo.", "VISIT", "2002"),
        ("On Thursday Beijing retaliated by imposing sanctions on three American defence "
         "firms.", "SANCTION", "2026-07-09"),
    ],
)  # fmt: skip
def test_a_clause_takes_the_date_it_hangs_on(nlp: Any, text: str, kind: str, value: str) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == kind]
    assert [e["time"]["value"] for e in found] == [value]


def test_a_when_clause_on_an_undated_noun_stays_undated(nlp: Any) -> None:
    text = "Officials recalled the day when Beijing imposed sanctions on American firms."
    found = [e for e in _events(nlp, text) if e["type"] == "SANCTION"]
    assert found and all(e["time"]["value"] is None for e in found)


def test_a_statement_made_after_a_dated_act_of_its_speaker_is_dated(nlp: Any) -> None:
    text = (
        "Secretary of State Colin Powell said after flying over Banda Aceh Wednesday that he "
        "had never seen such destruction."
    )
    found = _events(nlp, text, date(2005, 1, 5))
    [said] = [e for e in found if e["type"] == "STATEMENT"]
    assert said["time"]["value"] == "2005-01-05"
    other = "Colin Powell said after the vote that the talks would go on."
    [undated] = [e for e in _events(nlp, other, date(2005, 1, 5)) if e["type"] == "STATEMENT"]
    assert undated["time"]["value"] is None


def test_a_bare_part_of_day_does_not_put_a_plan_on_the_article_date(nlp: Any) -> None:
    text = "Wierzbicki will hold talks with President Rūta Balčiūnienė in the morning."
    meets = [e for e in events_of(nlp, text, date(2027, 5, 27)) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in meets] == [None]
    done = "Putin met Xi in the morning."
    meets = [e for e in events_of(nlp, done, date(2027, 5, 27)) if e["type"] == "MEET"]
    assert [e["time"]["value"] for e in meets] == ["2027-05-27TMO"]


def test_a_planned_visit_of_stated_length_spans_its_days(nlp: Any) -> None:
    text = (
        "The EU's special representative, Johan Lindqvist, will arrive in Chisinau on Monday "
        "for two days of talks with the government."
    )
    visit = next(e for e in events_of(nlp, text, date(2017, 11, 19)) if e["type"] == "VISIT")
    assert visit["time"]["value"] == "2017-11-20/2017-11-21"
