"""JSON Lines: fields, metadata, per-line rejects, streaming of huge files."""

from __future__ import annotations

import io
import json
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.model import Article
from dateline.read import MAX_ARTICLE_BYTES, read_file
from dateline.read.jsonl import read_jsonl

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def test_fields_and_metadata() -> None:
    path = str(FIXTURES / "synthetic_three.jsonl")
    first, second, third = read_file(path)
    assert isinstance(first, Article)
    assert first.text == "The minister arrived in Nairobi on Monday."
    assert first.dct == date(2025, 3, 3)
    assert (first.title, first.url, first.source, first.byline) == (
        "Minister arrives",
        "https://news.example/1",
        "Example Wire",
        "Ana Ruiz",
    )
    assert first.metadata == {"format": "jsonl", "section": "world"}
    assert first.origin == f"{path}:1"
    # line 2 is blank: numbering follows the file, not the articles
    assert isinstance(second, Article) and second.origin == f"{path}:3"
    assert second.published == "2025-03-04T09:15"  # local time as written
    assert second.dct == date(2025, 3, 4)
    assert isinstance(third, Article)
    assert third.dct == date(2025, 3, 5)
    assert third.metadata["tags"] == ["summit"]
    assert third.caption == "The summit"


def test_bad_lines_rejected_with_line_numbers_good_ones_kept() -> None:
    path = str(FIXTURES / "synthetic_one_bad_line.jsonl")
    items = list(read_file(path))
    kinds = [(type(i).__name__, getattr(i, "code", None), getattr(i, "line", None)) for i in items]
    assert kinds == [
        ("Article", None, None),
        ("DatelineError", "DL-E006", 2),
        ("Article", None, None),
        ("DatelineError", "DL-E007", 4),
        ("DatelineError", "DL-E002", 5),
        ("DatelineError", "DL-E001", 6),
        ("DatelineError", "DL-E008", 7),
    ]
    assert [a.text for a in items if isinstance(a, Article)] == [
        "First good article.",
        "Third good article.",
    ]
    assert str(items[1]).startswith(f"{path}:2: DL-E006 malformed JSON line")


def test_user_dct_fills_only_missing_dates() -> None:
    items = list(read_file(str(FIXTURES / "synthetic_one_bad_line.jsonl"), dct=date(2025, 1, 31)))
    dcts = [i.dct for i in items if isinstance(i, Article)]
    assert dcts == [date(2025, 1, 2), date(2025, 1, 4), date(2025, 1, 31)]


def test_caption_that_does_not_start_the_text_is_dropped() -> None:
    line = json.dumps({"text": "Body.", "caption": "Elsewhere", "date": "2025-01-01"})
    [article] = read_jsonl(io.BytesIO(line.encode()), "x.jsonl")
    assert isinstance(article, Article) and article.caption is None


@pytest.mark.parametrize(
    "line",
    [
        b"[" * 100_000 + b"]" * 100_000,  # deep nesting: RecursionError inside json
        b'{"text": "x", "n": ' + b"9" * 10_000 + b"}",  # int over Python's digit limit
        b"\x00\x01{}",
    ],
)
def test_hostile_lines_are_rejects_not_crashes(line: bytes) -> None:
    [item] = read_jsonl(io.BytesIO(line + b"\n"), "x.jsonl")
    assert isinstance(item, DatelineError) and item.code == "DL-E006" and item.line == 1


def test_only_blank_lines_is_empty() -> None:
    [item] = read_jsonl(io.BytesIO(b"\n  \n\n"), "x.jsonl")
    assert isinstance(item, DatelineError) and item.code == "DL-E003"


def test_line_limit_boundaries() -> None:
    text = "x" * 50
    good = json.dumps({"text": text, "date": "2025-01-01"}).encode()
    stream = io.BytesIO(good + b"\n" + good + b"x\n" + good)
    items = list(read_jsonl(stream, "x.jsonl", limit=len(good)))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], DatelineError) and items[1].code == "DL-E014"
    assert items[1].line == 2 and f"{len(good) + 2} bytes" in items[1].reason
    assert isinstance(items[2], Article)


@pytest.mark.slow
def test_50mb_file_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    good = json.dumps({"text": "The envoy arrived.", "date": "2025-01-01"}).encode() + b"\n"
    with path.open("wb") as out:
        out.write(good)
        out.write(b'{"text": "' + b"a" * (50 * 1024 * 1024) + b'"}\n')  # one 50 MB line
        out.write(good * 1000)
    assert path.stat().st_size > 50 * 1024 * 1024
    tracemalloc.start()
    try:
        count, rejects = 0, []
        for item in read_file(str(path)):
            if isinstance(item, Article):
                count += 1
            else:
                rejects.append(item)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 1001
    assert [(r.code, r.line) for r in rejects] == [("DL-E014", 2)]
    # bounded by one line at the limit plus a chunk, nowhere near the 50 MB line
    assert peak < 3 * MAX_ARTICLE_BYTES
