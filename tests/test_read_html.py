"""HTML pages through trafilatura: text, metadata, scripts never in text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dateline.errors import DatelineError
from dateline.model import Article
from dateline.read import read_file
from dateline.read.html import html_to_lines

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def test_page_text_and_metadata() -> None:
    [article] = read_file(str(FIXTURES / "synthetic_page.html"))
    assert isinstance(article, Article)
    assert article.title == "Leaders agree to meet in Oslo"
    assert article.dct == date(2025, 6, 2)
    assert article.byline == "Kari Nordmann"
    assert article.source == "Example Times"
    assert article.url == "https://times.example/2025/06/02/oslo"
    assert article.text == (
        "The two leaders agreed on Monday to meet in Oslo in September, their offices said "
        "in a joint statement.\n\nThe meeting would be the first between them since the "
        "border talks collapsed in 2023, officials said."
    )


def test_scripts_styles_and_boilerplate_never_in_text() -> None:
    [article] = read_file(str(FIXTURES / "synthetic_page.html"))
    assert isinstance(article, Article)
    for leaked in ("INJECTED", "SCRIPT", "fetch(", "STYLE-TEXT", "Home | World", "Copyright"):
        assert leaked not in article.text


def test_dct_only_from_page_metadata_not_from_body_dates() -> None:
    [item] = read_file(str(FIXTURES / "synthetic_undated_page.html"))
    assert isinstance(item, DatelineError) and item.code == "DL-E001"
    [article] = read_file(str(FIXTURES / "synthetic_undated_page.html"), dct=date(2025, 3, 3))
    assert isinstance(article, Article) and article.dct == date(2025, 3, 3)
    assert article.text.startswith("Published 3 March 2025. The foreign ministers will meet")


def test_page_without_article_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>alert(1)</script></head><body></body></html>")
    [item] = read_file(str(path), dct=date(2025, 1, 1))
    assert isinstance(item, DatelineError) and item.code == "DL-E012" and item.path == str(path)


def test_fragment_stripper_drops_scripts_and_keeps_blocks() -> None:
    lines = html_to_lines("<p>One &amp; two.</p><script>alert('x')</script><p>Three<br>four</p>")
    assert [line for line in lines if line] == ["One & two.", "Three", "four"]
