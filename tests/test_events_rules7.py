"""Rules added after the seventh blind batch, on sentences written for these tests.

The whole pipeline runs (timex, actors, events), as `dateline extract` does.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dateline.model import Article

pytestmark = pytest.mark.model
DCT = date(2026, 2, 17)  # a Tuesday


@pytest.fixture(scope="module")
def nlp() -> Any:
    from dateline.annotate import load_nlp

    return load_nlp()


def events(nlp: Any, text: str, dct: date = DCT) -> list[dict[str, Any]]:
    from dateline.extract import extract

    return list(extract(Article(text=text, dct=dct), nlp=nlp)["events"])


def of_type(found: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [e for e in found if e["type"] == kind]


def test_the_time_of_a_postponement_is_not_the_new_time(nlp: Any) -> None:
    text = (
        "Brazilian President Luiz Inacio Lula da Silva will make a state visit to Japan "
        "from March 9 to 12, after the trip was postponed last month."
    )
    [visit] = of_type(events(nlp, text), "VISIT")
    assert visit["status"] == "planned"
    assert visit["time"]["value"] == "2026-03-09/2026-03-12"


def test_the_two_governments_are_the_two_latest_countries(nlp: Any) -> None:
    text = (
        "Brazilian President Luiz Inacio Lula da Silva will visit Japan next month. "
        "The two governments are expected to sign an agreement on minerals."
    )
    [agree] = of_type(events(nlp, text), "AGREE")
    assert sorted(agree["source"]) == ["BRA", "JPN"]


def test_agreeing_to_a_truce_is_the_agreement_itself(nlp: Any) -> None:
    text = (
        "If the talks succeed, Israel and Hamas will sign a deal on prisoners. "
        "Israel and Hamas agreed to the first phase of the truce in October."
    )
    deal, truce = of_type(events(nlp, text), "AGREE")
    assert deal["status"] == "possible"
    assert truce["status"] == "occurred" and truce["time"]["value"] == "2025-10"
    assert sorted(truce["source"]) == ["ISR", "hamas"]


def test_a_conjunct_the_parser_hangs_on_the_next_name_still_takes_part(nlp: Any) -> None:
    text = "Analysts say Putin and Chinese President Xi Jinping could meet as early as next month."
    [meet] = of_type(events(nlp, text), "MEET")
    assert meet["status"] == "possible"
    assert meet["source"] == ["vladimir-putin", "xi-jinping"]
