"""Issue 13, reading side: each hostile input is one coded reject; its neighbours still land."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import DatelineError, printable
from dateline.model import Article
from dateline.read import read_file, read_paths
from dateline.read.sources import MAX_DEPTH

GOOD_LINE = {"text": "Chile and Peru signed a fisheries accord.", "date": "2025-05-21"}


def _codes(items: list[Article | DatelineError]) -> list[str]:
    return ["article" if isinstance(i, Article) else i.code for i in items]


def _jsonl(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_lone_surrogate_in_json_is_that_lines_reject(tmp_path: Path) -> None:
    # json.loads turns "\ud800" into a str no store or terminal can encode
    bad = '{"text": "Talks \\ud800 resumed.", "date": "2025-05-21"}'
    path = _jsonl(tmp_path / "s.jsonl", bad, json.dumps(GOOD_LINE))
    items = list(read_file(str(path)))
    assert _codes(items) == ["DL-E018", "article"]
    assert isinstance(items[0], DatelineError) and items[0].line == 1
    assert "\\ud800" in str(items[0])
    str(items[0]).encode("utf-8")  # the message itself is printable


def test_lone_surrogate_in_metadata_is_a_reject_too(tmp_path: Path) -> None:
    bad = '{"text": "Talks resumed.", "date": "2025-05-21", "tag": ["\\udfff"]}'
    items = list(read_file(str(_jsonl(tmp_path / "m.jsonl", bad))))
    assert _codes(items) == ["DL-E018"]
    assert "metadata" in str(items[0])


@pytest.mark.parametrize("value", [["2025-05-21"], 20250521, {"y": 2025}, True])
def test_json_date_that_is_not_a_string_says_so(tmp_path: Path, value: object) -> None:
    line = json.dumps({"text": "Talks resumed.", "date": value})
    items = list(read_file(str(_jsonl(tmp_path / "d.jsonl", line, json.dumps(GOOD_LINE)))))
    assert _codes(items) == ["DL-E020", "article"]
    assert "date is not a string" in str(items[0])


def test_json_published_that_is_not_a_string_says_so(tmp_path: Path) -> None:
    line = json.dumps({"text": "Talks resumed.", "published": [2025, 5, 21]})
    items = list(read_file(str(_jsonl(tmp_path / "p.jsonl", line))))
    assert _codes(items) == ["DL-E020"] and "published is not a string" in str(items[0])


def _rss(*items: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        + "".join(items)
        + "</channel></rss>"
    )


def _item(title: str, body: str) -> str:
    return (
        f"<item><title>{title}</title><description>{body}</description>"
        "<pubDate>Wed, 21 May 2025 10:00:00 GMT</pubDate></item>"
    )


@pytest.mark.parametrize("ref", ["&#999999999999;", "&#x110000;", "&#xD800;", "&#0;"])
def test_feed_with_impossible_character_reference_still_lands(tmp_path: Path, ref: str) -> None:
    path = tmp_path / "f.xml"
    path.write_text(
        _rss(_item(f"Odd {ref} title", f"Talks {ref} resumed."), _item("Fine", "Accord signed.")),
        encoding="utf-8",
    )
    items = list(read_file(str(path)))
    assert _codes(items) == ["article", "article"]
    first = items[0]
    assert isinstance(first, Article) and "\ufffd" in first.text
    assert first.title is not None and "\ufffd" in first.title


def test_atom_entry_without_summary_is_its_own_reject(tmp_path: Path) -> None:
    path = tmp_path / "a.atom"
    path.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        "<entry><title>No body</title><updated>2025-05-21T10:00:00Z</updated></entry>"
        "<entry><updated>2025-05-21T10:00:00Z</updated><summary>Accord signed.</summary>"
        "</entry></feed>",
        encoding="utf-8",
    )
    assert _codes(list(read_file(str(path)))) == ["DL-E008", "article"]


def test_file_name_that_is_not_utf8_is_shown_with_a_replacement(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/bad\xffname.txt"
    with open(raw, "wb") as stream:
        stream.write(b"date 2025-05-21  Title\n\nChile and Peru signed an accord.\n")
    with open(os.fsencode(tmp_path) + b"/empty\xfe.txt", "wb"):
        pass
    items = list(read_paths([str(tmp_path)]))
    assert _codes(items) == ["article", "DL-E003"]
    article, reject = items
    assert isinstance(article, Article) and article.origin is not None
    assert article.origin.endswith("bad\ufffdname.txt")
    article.origin.encode("utf-8")
    assert str(reject).encode("utf-8").endswith(b"empty\xef\xbf\xbd.txt: DL-E003 file is empty")


def test_control_characters_from_names_and_text_never_reach_output(tmp_path: Path) -> None:
    name = tmp_path / "evil\x1b]0;owned\x07.txt"
    name.write_text(
        "date 2025-05-21  Title \x1b[31mred\n\nChile \x1b[2J and Peru \x9b6n signed.\n",
        encoding="utf-8",
    )
    (tmp_path / "z\x1b[2J.txt").write_text("", encoding="utf-8")
    article, reject = read_paths([str(tmp_path)])
    assert isinstance(article, Article) and isinstance(reject, DatelineError)
    shown = [article.text, article.title or "", article.origin or "", str(reject)]
    assert not any(c in text for text in shown for c in "\x1b\x9b\x07")
    assert article.text == "Chile [2J and Peru 6n signed."


def test_a_vertical_tab_in_an_articles_text_becomes_a_line_break(tmp_path: Path) -> None:
    path = tmp_path / "tabs.jsonl"
    line = {"text": "Chile and Peru\vsigned the accord.", "date": "2025-05-21", "title": "T"}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    (article,) = read_paths([str(path)])
    assert isinstance(article, Article)
    assert article.text == "Chile and Peru\nsigned the accord."


def test_printable_keeps_text_and_neutralises_controls() -> None:
    assert printable("a\tb") == "a\tb"
    assert printable("x\x1b[2Jy\nz\x9b") == "x?[2Jy?z?"
    assert printable("bad\udcffname") == "bad\ufffdname"


def test_deeply_nested_directories_are_reported_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2025-05-21  A\n\nAccord signed.\n", encoding="utf-8")
    deep = tmp_path
    for _ in range(MAX_DEPTH + 5):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "b.txt").write_text("date 2025-05-21  B\n\nTalks resumed.\n", encoding="utf-8")
    (tmp_path / "z.txt").write_text("date 2025-05-21  Z\n\nTroops left.\n", encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    assert _codes(items) == ["article", "DL-E019", "article"]


def test_a_thousand_nested_directories_do_not_exhaust_the_stack(tmp_path: Path) -> None:
    # 1,000 levels: deeper than Python's recursion limit; the OS may refuse the path first
    deep = os.fsencode(tmp_path)
    made = 0
    for _ in range(1000):
        try:
            os.mkdir(deep + b"/d")
        except OSError:
            break
        deep += b"/d"
        made += 1
    assert made > MAX_DEPTH
    (tmp_path / "a.txt").write_text("date 2025-05-21  A\n\nAccord signed.\n", encoding="utf-8")
    assert _codes(list(read_paths([str(tmp_path)]))) == ["article", "DL-E019"]


def test_every_reject_message_is_one_printable_line(tmp_path: Path) -> None:
    (tmp_path / "x\ny.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "a\\u001b", "date": "2025-13-01\\n"}\n')
    for item in read_paths([str(tmp_path)], dct=date(2025, 5, 21)):
        assert isinstance(item, DatelineError)
        assert "\n" not in str(item) and "\x1b" not in str(item)


def test_json_error_message_says_at_once_and_counts_columns_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    path.write_bytes(b'{"text": "abc\n{"text": "x", "date": "2025-01-01"\n')
    first, second = (str(item) for item in read_file(str(path)))
    assert first.endswith("DL-E006 malformed JSON line: Invalid control character at column 14")
    assert second.endswith("DL-E006 malformed JSON line: Expecting ',' delimiter at column 36")
    path.write_bytes(b'{"text": "abc')
    (only,) = (str(item) for item in read_file(str(path)))
    assert only.endswith("Unterminated string starting at column 10")
    assert "at at" not in only
