"""The seed text format: header, Published line, caption, body, credits."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.model import Article
from dateline.read import read_file
from dateline.read.seedtext import _byline, _is_credit, parse_seedtext

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def _only(items: list[Article | DatelineError]) -> Article:
    assert len(items) == 1
    assert isinstance(items[0], Article), items[0]
    return items[0]


@pytest.fixture
def seed(seed_path: Path) -> Article:
    return _only(list(read_file(str(seed_path))))


def test_seed_document_fields(seed: Article, seed_path: Path) -> None:
    assert seed.dct == date(2025, 5, 21)
    assert seed.published == "2025-05-21T18:12"
    assert seed.title == (
        "Kremlin to coordinate North Korean leader's visit to Russia, but no date released"
    )
    assert seed.byline == "JEONG JAE-HONG"
    assert seed.source is None  # the file does not name its publisher
    assert seed.origin == str(seed_path)


def test_seed_caption_is_first_paragraph_of_text(seed: Article) -> None:
    assert seed.caption is not None
    assert seed.caption.startswith("Russian President Vladimir Putin, left,")
    assert seed.caption.endswith("[AP/YONHAP]")
    assert seed.text[: len(seed.caption)] == seed.caption
    assert seed.text[len(seed.caption) : len(seed.caption) + 2] == "\n\n"


def test_seed_credits_kept_apart_from_text(seed: Article) -> None:
    assert seed.credits[0].startswith("Translated from the JoongAng Ilbo using generative AI")
    assert seed.credits[1].startswith("BY JEONG JAE-HONG")
    assert "Translated from" not in seed.text
    assert "JEONG" not in seed.text
    assert "email" not in seed.text
    assert "Published:" not in seed.text
    assert "Kremlin to coordinate" not in seed.text  # the title is not text


def test_seed_body_paragraphs(seed: Article) -> None:
    paragraphs = seed.text.split("\n\n")
    # caption + 8 body paragraphs, separated in the file by lines holding one NBSP
    assert len(paragraphs) == 9
    assert paragraphs[1].startswith("The Russian government stated Wednesday")
    assert paragraphs[-1].endswith("the deployment of North Korean troops to the war in Ukraine.")
    assert all(p == p.strip() and "\xa0" not in p for p in paragraphs)


def test_header_with_impossible_date_is_a_coded_reject(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("date 2025-02-30  A day that never was\n\nBody text.\n")
    [item] = read_file(str(path))
    assert isinstance(item, DatelineError)
    assert item.code == "DL-E002"
    assert item.path == str(path) and item.line == 1
    assert "2025-02-30" in str(item) and str(path) in str(item)


def test_header_date_in_wrong_shape_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "shape.txt"
    path.write_text("date 21/05/2025  Title\n\nBody.\n")
    [item] = read_file(str(path))
    assert isinstance(item, DatelineError) and item.code == "DL-E002"


def test_impossible_published_date_is_rejected() -> None:
    with pytest.raises(DatelineError) as info:
        parse_seedtext("date 2025-02-01  T\nPublished: 31 Feb. 2025, 10:00\n\nBody.", "x.txt")
    assert info.value.code == "DL-E002"


def test_unknown_published_format_is_kept_not_guessed() -> None:
    article = parse_seedtext("date 2025-02-01  T\nPublished: yesterday-ish\n\nBody.", "x.txt")
    assert article.published is None
    assert article.metadata["published_raw"] == "yesterday-ish"
    assert article.text == "Body."


def test_fields_after_header() -> None:
    text = (
        "date 2025-02-01  Title here\nPublished: 2025-02-01T07:05\n"
        "Source: Example Wire\nURL: https://x.example/1\n\nBody one.\n"
    )
    article = parse_seedtext(text, "x.txt")
    assert article.published == "2025-02-01T07:05"
    assert article.source == "Example Wire"
    assert article.url == "https://x.example/1"
    assert article.text == "Body one."
    assert article.caption is None


def test_wrapped_lines_join_and_reporting_credit() -> None:
    article = _only(list(read_file(str(FIXTURES / "synthetic_plain_wrapped.txt"))))
    assert article.dct == date(2024, 11, 3)
    assert article.title == "Envoys meet in Geneva"
    assert article.text == (
        "The two envoys met in Geneva on Sunday and agreed "
        "to resume talks next month, a spokesperson said."
    )
    assert article.credits == ["Reporting by Ana Ruiz; editing by Tom Lee"]
    assert article.byline is None


def test_text_without_header_needs_a_user_dct(tmp_path: Path) -> None:
    path = tmp_path / "bare.txt"
    path.write_text("The minister will travel to Hanoi on March 5.\n")
    [reject] = read_file(str(path))
    assert isinstance(reject, DatelineError) and reject.code == "DL-E001"
    article = _only(list(read_file(str(path), dct=date(2025, 3, 1))))
    assert article.dct == date(2025, 3, 1)
    assert article.title is None


def test_user_dct_never_overrides_the_header(tmp_path: Path) -> None:
    path = tmp_path / "dated.txt"
    path.write_text("date 2025-01-09  T\n\nBody.\n")
    article = _only(list(read_file(str(path), dct=date(2020, 1, 1))))
    assert article.dct == date(2025, 1, 9)


def test_header_only_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "header.txt"
    path.write_text("date 2025-01-09  Only a title\n")
    [item] = read_file(str(path))
    assert isinstance(item, DatelineError) and item.code == "DL-E008"


def test_bracket_in_first_body_paragraph_is_a_caption_only_at_its_end() -> None:
    text = "date 2025-01-09  T\n\nOfficials [unnamed] said talks went well.\n\nMore."
    assert parse_seedtext(text, "x.txt").caption is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("BY JEONG JAE-HONG [[email\xa0protected]]", "JEONG JAE-HONG"),
        ("BY KIM MIN-JI, LEE SEUNG-HO [kim@joongang.example]", "KIM MIN-JI, LEE SEUNG-HO"),
        ("By Ana Ruiz", "Ana Ruiz"),
        ("By Ana Ruiz and Tom Lee", "Ana Ruiz and Tom Lee"),
        ("By Ana Ruiz ana@wire.example", "Ana Ruiz"),
        ("By contrast, officials said nothing.", None),
        ("by the time the talks ended", None),
    ],
)
def test_byline_examples(line: str, name: str | None) -> None:
    assert _byline(line) == name


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Translated from the JoongAng Ilbo using generative AI.", True),
        ("Reporting by Ana Ruiz; editing by Tom Lee", True),
        ("Additional reporting by Tom Lee in Seoul", True),
        ("© 2025 Example Wire", True),
        ("[[email protected]]", True),
        ("The talks were translated into four languages.", False),
        ("Officials said the visit will take place.", False),
    ],
)
def test_credit_line_examples(line: str, credit: bool) -> None:
    assert _is_credit(line) is credit


def test_credit_like_line_in_the_middle_stays_in_text() -> None:
    text = "date 2025-01-09  T\n\nBy Ana Ruiz\n\nThe envoy arrived on Monday.\n\nBY TOM LEE\n"
    article = parse_seedtext(text, "x.txt")
    assert article.text == "By Ana Ruiz\n\nThe envoy arrived on Monday."
    assert article.byline == "TOM LEE"


def test_seed_copy_is_the_shared_seed(seed_path: Path) -> None:
    """The tests read the repository's copy; where ../shared is present it must match."""
    shared = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_fd07e1a8af72dee4.txt"
    if shared.exists():
        assert seed_path.read_bytes() == shared.read_bytes()
    assert seed_path.stat().st_size > 1000


def test_caption_detection_is_one_test_for_readers_and_events() -> None:
    from dateline.read.common import photo_caption

    assert photo_caption(["Leaders shake hands. [AP/YONHAP]", "Body."]) is not None
    assert photo_caption(["Leaders shake hands. (AFP)", "Body."]) is not None
    assert photo_caption(["Only a caption-like line. [AP]"]) is None  # no body after it
    assert photo_caption(["A sentence that ends (as some do).", "Body."]) is None
