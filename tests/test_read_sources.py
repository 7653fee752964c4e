"""Files, directories and stdin: dispatch, order, and hostile input."""

from __future__ import annotations

import io
import json
import os
import tracemalloc
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.errors import DatelineError, DatelineWarning
from dateline.model import Article
from dateline.read import MAX_ARTICLE_BYTES, read_file, read_paths, read_stream, sniff

FIXTURES = Path(__file__).parent / "fixtures" / "read"
CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def _codes(items: list[Article | DatelineError]) -> list[str]:
    return ["article" if isinstance(i, Article) else i.code for i in items]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_directory_recursive_sorted_and_skipping(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "date 2025-01-02  B\n\nSecond.\n")
    _write(tmp_path / "a.txt", "date 2025-01-01  A\n\nFirst.\n")
    _write(tmp_path / "sub" / "c.jsonl", '{"text": "Third.", "date": "2025-01-03"}\n')
    _write(tmp_path / "README.md", "not an article")
    _write(tmp_path / ".hidden.txt", "date 2025-01-04  H\n\nHidden.\n")
    items = list(read_paths([str(tmp_path)]))
    assert [i.text for i in items if isinstance(i, Article)] == ["First.", "Second.", "Third."]
    assert len(items) == 3


def test_paths_keep_input_order_and_missing_path_is_a_reject(tmp_path: Path) -> None:
    second = _write(tmp_path / "2.txt", "date 2025-01-02  B\n\nSecond.\n")
    first = _write(tmp_path / "1.txt", "date 2025-01-01  A\n\nFirst.\n")
    items = list(read_paths([str(second), str(tmp_path / "nope.txt"), str(first)]))
    assert _codes(items) == ["article", "DL-E010", "article"]
    assert isinstance(items[0], Article) and items[0].text == "Second."


def test_empty_directory_warns(tmp_path: Path) -> None:
    _write(tmp_path / "notes.md", "nothing to read")
    with pytest.warns(DatelineWarning, match="DL-W002"):
        assert list(read_paths([str(tmp_path)])) == []


def test_empty_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "empty.txt", "")
    [item] = read_file(str(path))
    assert isinstance(item, DatelineError) and item.code == "DL-E003" and item.path == str(path)


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = _write(tmp_path / "blank.txt", " \n\xa0\n\n")
    assert _codes(list(read_file(str(path)))) == ["DL-E003"]


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,  # NUL and every control byte
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        b"\x1f\x8b\x08" + bytes(range(1, 9)) * 50,  # control bytes but no NUL
    ],
)
@pytest.mark.parametrize("name", ["photo.txt", "dump.jsonl", "page.html", "feed.rss"])
def test_binary_file(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [item] = read_file(str(path), dct=date(2025, 1, 1))
    assert isinstance(item, DatelineError) and item.code == "DL-E004"


def test_utf16_with_bom_is_text(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("date 2025-01-01  T\n\nThe envoy left Seoul.\n".encode("utf-16"))
    [article] = read_file(str(path))
    assert isinstance(article, Article) and article.text == "The envoy left Seoul."


def test_invalid_utf8_is_replaced_with_a_warning_and_the_article_lands(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("date 2025-01-01  T\n\nThe minister met caf\xe9 owners.\n".encode("latin-1"))
    with pytest.warns(DatelineWarning, match=r"latin1\.txt: DL-W001 invalid UTF-8: 1 byte\(s\)"):
        [article] = read_file(str(path))
    assert isinstance(article, Article)
    assert article.text == "The minister met caf\ufffd owners."


def test_invalid_utf8_in_a_jsonl_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = b'{"text": "Fine.", "date": "2025-01-01"}\n'
    path.write_bytes(good + b'{"text": "Bad \xff\xfe bytes.", "date": "2025-01-01"}\n')
    with pytest.warns(DatelineWarning, match=r"mixed\.jsonl:2: DL-W001 invalid UTF-8: 2 byte\(s\)"):
        items = list(read_file(str(path)))
    assert [i.text for i in items if isinstance(i, Article)] == ["Fine.", "Bad \ufffd\ufffd bytes."]


@pytest.mark.parametrize(
    ("name", "code"), [("huge.txt", "DL-E005"), ("huge.html", "DL-E005"), ("huge.rss", "DL-E015")]
)
def test_huge_single_article_file_rejected_without_reading(
    tmp_path: Path, name: str, code: str
) -> None:
    path = tmp_path / name
    with path.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NULs, never read
    tracemalloc.start()
    try:
        [item] = read_file(str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # E_TOO_LARGE, not E_BINARY: the size is checked before a byte is read
    assert isinstance(item, DatelineError) and item.code == code
    assert str(50 * 1024 * 1024) in item.reason
    assert peak < 1024 * 1024


def test_huge_stdin_is_rejected_in_bounded_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"date 2025-01-01  T\n\n" + b"word " * (2 * MAX_ARTICLE_BYTES // 5)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    [item] = read_paths(["-"])
    assert isinstance(item, DatelineError) and item.code == "DL-E005"
    assert f"{len(data)} bytes" in item.reason and item.path == "<stdin>"


def test_dangling_symlink_in_directory_is_unreadable(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "date 2025-01-01  A\n\nFirst.\n")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    _write(tmp_path / "c.txt", "date 2025-01-03  C\n\nThird.\n")
    items = list(read_paths([str(tmp_path)]))
    assert _codes(items) == ["article", "DL-E009", "article"]
    assert isinstance(items[1], DatelineError) and items[1].path == str(tmp_path / "b.txt")


def test_fifo_in_directory_is_skipped_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would wait forever for a writer
    _write(tmp_path / "z.txt", "date 2025-01-03  Z\n\nLast.\n")
    items = list(read_paths([str(tmp_path)]))
    assert _codes(items) == ["DL-E016", "article"]
    assert "named pipe" in str(items[0])


def test_symlinked_directory_loop_is_not_followed(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "date 2025-01-01  A\n\nFirst.\n")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert _codes(list(read_paths([str(tmp_path)]))) == ["article"]


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b'  {"text": "x"}\n', "jsonl"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html><html><body><p>x</p>", "html"),
        (b"\xef\xbb\xbf date 2025-01-01  Title", "seedtext"),
        (b"The envoy arrived.", "seedtext"),
    ],
)
def test_sniff(data: bytes, fmt: str) -> None:
    assert sniff(data) == fmt


def test_stdin_jsonl_is_streamed_with_line_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"text": f"Article {n}.", "date": "2025-01-01"}) for n in range(3)]
    data = "\n".join([lines[0], "{broken", *lines[1:]]).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(read_paths(["-"]))
    assert _codes(items) == ["article", "DL-E006", "article", "article"]
    assert isinstance(items[1], DatelineError) and items[1].where == "<stdin>:2"
    assert isinstance(items[3], Article) and items[3].origin == "<stdin>:4"


def test_stdin_seed_text(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"date 2025-04-01  From a pipe\n\nThe talks ended.\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    [article] = read_paths(["-"])
    assert isinstance(article, Article)
    assert (article.title, article.dct, article.origin) == (
        "From a pipe",
        date(2025, 4, 1),
        "<stdin>",
    )


def test_unknown_extension_named_explicitly_is_sniffed(tmp_path: Path) -> None:
    path = _write(tmp_path / "article.dat", '{"text": "Sniffed.", "date": "2025-01-01"}\n')
    [article] = read_paths([str(path)])
    assert isinstance(article, Article) and article.text == "Sniffed."


def test_synthetic_corpus_reads_cleanly() -> None:
    items = list(read_paths([str(CORPUS)]))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == len(items) == 16
    assert all("synthetic" in Path(a.origin or "").name for a in articles)
    assert all(a.source and a.source.endswith("(dateline synthetic)") for a in articles)
    assert {a.metadata["format"] for a in articles} == {"seedtext", "jsonl", "html", "feed"}
    assert len({a.id for a in articles}) == 16
    for article in articles:
        assert "MUST NOT APPEAR" not in article.text
        assert not article.caption or article.text.startswith(article.caption)


def test_format_can_be_forced_and_must_be_known(tmp_path: Path) -> None:
    path = _write(tmp_path / "notes.txt", '{"text": "Forced.", "date": "2025-01-01"}\n')
    [article] = read_file(str(path), fmt="jsonl")
    assert isinstance(article, Article) and article.text == "Forced."
    [reject] = read_file(str(path), fmt="pdf")
    assert isinstance(reject, DatelineError) and reject.code == "DL-E013"


@settings(max_examples=200, deadline=None)
@given(
    data=st.binary(max_size=2000)
    | st.text(max_size=500).map(str.encode)
    | st.sampled_from([b"<rss><channel><item>", b"<html><p>x", b'{"text": 1}', b"date 9999-99-99"]),
    fmt=st.sampled_from(["seedtext", "jsonl", "html", "feed", None]),
)
def test_any_bytes_give_articles_or_rejects_never_exceptions(data: bytes, fmt: str | None) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DatelineWarning)  # invalid UTF-8 is expected here
        items = list(read_stream(io.BytesIO(data), "fuzz", date(2025, 1, 1), fmt))
    assert all(isinstance(i, Article | DatelineError) for i in items)
    assert all(i.text.strip() and i.dct for i in items if isinstance(i, Article))
