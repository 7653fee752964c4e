"""Who takes part: noun phrases that stand for an actor named earlier."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import events_of


@pytest.mark.model
def test_the_ministry_is_the_ministry_named_before_when_no_person_was(nlp: Any) -> None:
    text = (
        "South Korea's Ministry of National Defense issued a statement on Saturday. "
        "The ministry also warned that its forces will punish the North."
    )
    threats = [e for e in events_of(nlp, text, date(2013, 3, 30)) if e["type"] == "THREATEN"]
    assert [e["source"] for e in threats] == [["ministry-of-national-defense"]]
