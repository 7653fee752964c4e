"""The fast attribute ruler gives exactly what spaCy's AttributeRuler gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.annotate import find_model
from dateline.attribute_ruler import FastAttributeRuler, speed_up
from dateline.evaluate.timeml import read_timeml
from dateline.read import read_file

pytestmark = pytest.mark.model

TBAQ = Path(__file__).resolve().parents[2] / "shared" / "data" / "tempeval3" / "tbaq"
OWN_TIMEML = Path(__file__).parent / "fixtures" / "timex"

# Our own sentences exercising the two-token, REGEX and NOT_IN patterns of the model.
SYNTHETIC = [
    "We're gonna sign it, y'all, and there ain't nothin' they can do.",
    "Let's see: there is a summit, there were talks and that was all.",
    "Those who came said which one they wanted.\n\n  The ministers   met on Monday.",
]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Any, Any]:
    module = find_model()[1]
    fast = module.load()
    assert speed_up(fast) == "dateline attribute_ruler"
    return module.load(), fast


def _annotations(doc: Any) -> list[tuple[str, ...]]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_every_pattern_of_the_model_is_supported() -> None:
    ruler = find_model()[1].load().get_pipe("attribute_ruler")
    assert FastAttributeRuler.from_ruler(ruler) is not None


def test_unsupported_pattern_keeps_spacy_ruler() -> None:
    nlp = find_model()[1].load()
    nlp.get_pipe("attribute_ruler").add([[{"LENGTH": {">": 3}}]], {"POS": "X"})
    assert speed_up(nlp) == "spaCy attribute_ruler"
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_same_annotations_on_synthetic_and_seed(
    pipelines: tuple[Any, Any], seed_path: Path
) -> None:
    seed = next(iter(read_file(str(seed_path))))
    assert not isinstance(seed, Exception)
    texts = [*SYNTHETIC, seed.text]
    spacy_nlp, fast_nlp = pipelines
    for text in texts:
        assert _annotations(fast_nlp(text)) == _annotations(spacy_nlp(text))


def test_same_annotations_on_news_text(pipelines: tuple[Any, Any]) -> None:
    # our own synthetic TimeML articles, and a sixteenth of TimeBank+AQUAINT where
    # ../shared is present (it is in CI)
    files = sorted(OWN_TIMEML.rglob("*.tml")) + sorted(TBAQ.rglob("*.tml"))[::16]
    assert files, f"no TimeML files under {OWN_TIMEML}"
    spacy_nlp, fast_nlp = pipelines
    texts = [read_timeml(path).text for path in files]
    tokens = 0
    for expected, got in zip(spacy_nlp.pipe(texts), fast_nlp.pipe(texts), strict=True):
        assert _annotations(got) == _annotations(expected)
        tokens += len(got)
    assert tokens > 5000
