"""RSS and Atom feeds: one article per entry, dates from the entry only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dateline.errors import DatelineError
from dateline.model import Article
from dateline.read import read_file

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def test_rss_entries() -> None:
    path = str(FIXTURES / "synthetic_feed.rss")
    first, second = read_file(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Talks set for Friday"
    assert first.text == "Negotiators will meet in Doha on Friday.\n\nBoth sides confirmed."
    # the date as written (22:30 at UTC-5), not shifted to the next day in UTC
    assert first.published == "2025-03-05T22:30"
    assert first.dct == date(2025, 3, 5)
    assert first.source == "Example Wire"
    assert first.url == "https://wire.example/1"
    assert first.origin == f"{path}:7"
    assert second.text == "The minister cancelled the trip to Doha."
    assert second.dct == date(2025, 3, 6)
    assert second.origin == f"{path}:14"


def test_feed_scripts_never_in_text() -> None:
    first, _ = read_file(str(FIXTURES / "synthetic_feed.rss"))
    assert isinstance(first, Article)
    assert "FEED SCRIPT" not in first.text and "alert" not in first.text


def test_atom_entry_prefers_content_and_published() -> None:
    [entry] = read_file(str(FIXTURES / "synthetic_feed.atom"))
    assert isinstance(entry, Article)
    assert entry.text.startswith("The summit was postponed until June next year")
    assert "Short summary" not in entry.text
    assert entry.published == "2025-06-30T23:45"
    assert entry.dct == date(2025, 6, 30)  # not the entry's later <updated>, not the feed's
    assert entry.byline == "Min-ji Park"
    assert entry.source == "Example Atom Desk"


def test_feed_without_dates_rejects_each_entry() -> None:
    path = str(FIXTURES / "synthetic_feed_no_dates.rss")
    items = list(read_file(path))
    assert [(i.code, i.line) for i in items if isinstance(i, DatelineError)] == [
        ("DL-E001", 7),
        ("DL-E001", 11),
    ]
    assert len(items) == 2
    assert str(items[0]).startswith(f"{path}:7: DL-E001")


def test_feed_without_dates_takes_the_user_dct() -> None:
    items = list(read_file(str(FIXTURES / "synthetic_feed_no_dates.rss"), dct=date(2025, 2, 1)))
    assert [i.dct for i in items if isinstance(i, Article)] == [date(2025, 2, 1)] * 2


def test_broken_feed_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>x</title>")
    [item] = read_file(str(path))
    assert isinstance(item, DatelineError) and item.code == "DL-E011" and item.path == str(path)


def test_impossible_entry_date_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad_date.atom"
    path.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        "<entry><title>x</title><id>1</id><published>2025-02-30T10:00:00Z</published>"
        "<summary>The envoy left.</summary></entry></feed>"
    )
    [item] = read_file(str(path))
    assert isinstance(item, DatelineError) and item.code == "DL-E002"
