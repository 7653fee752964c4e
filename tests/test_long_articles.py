"""Issue 13, long articles: over spaCy's max_length they are annotated in chunks, and the
lookups that made extraction quadratic give what the scans they replaced gave."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dateline.events.layout import block_of, paragraphs
from dateline.extract import _pieces, extract
from dateline.model import Article

SEED = Path(__file__).parent / "fixtures" / "events" / "seed_000_fd07e1a8af72dee4.txt"


def test_pieces_rejoin_to_the_text_and_end_at_breaks() -> None:
    rng = random.Random(3)
    words = ["talks", "resumed", "in", "Lima", "on", "Monday", ".", "\n", "\n\n"]
    text = " ".join(rng.choice(words) for _ in range(5000))
    pieces = list(_pieces(text, 700))
    assert "".join(pieces) == text
    assert all(len(piece) <= 700 for piece in pieces)
    assert all(piece.endswith(("\n", " ")) for piece in pieces[:-1])


def test_pieces_of_text_without_any_break_are_cut_at_the_size() -> None:
    assert list(_pieces("x" * 25, 10)) == ["x" * 10, "x" * 10, "x" * 5]


def test_block_of_finds_the_block_a_scan_finds() -> None:
    text = "First block.\n\nSecond one here.\n\n\n\nThird.\n"
    blocks = paragraphs(text)

    def scan(offset: int) -> tuple[int, int]:
        return next(((s, e) for s, e in blocks if s <= offset < e), (0, 0))

    assert [block_of(i, blocks) for i in range(len(text) + 2)] == [
        scan(i) for i in range(len(text) + 2)
    ]
    assert block_of(3, []) == (0, 0)


@pytest.mark.model
def test_article_over_max_length_is_annotated_in_chunks(nlp: Any) -> None:
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    article = Article(text=(body.strip() + "\n\n") * 4, dct=date(2025, 5, 21))
    whole = extract(article, nlp)
    limit = nlp.max_length
    nlp.max_length = len(article.text) // 3  # the same code path as a 1,000,001-char article
    try:
        chunked = extract(article, nlp)
    finally:
        nlp.max_length = limit
    assert chunked["document"]["text"] == article.text
    assert chunked["timexes"] == whole["timexes"]  # the tagger still sees the whole text
    assert len(chunked["events"]) >= len(whole["events"]) - 2 > 0
    for event in chunked["events"]:
        for evidence in event["evidence"]:
            assert article.text[evidence["start"] : evidence["end"]] == evidence["sentence"]
