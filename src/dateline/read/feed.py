"""RSS and Atom feed files through feedparser: each entry is one article.

The text comes from the entry's content, else its summary, with HTML
stripped; the DCT from its published, else updated date. The feed's own
date is not used for entries: a feed update is not when an article was
written. An entry's origin and rejects carry the line where it starts.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser

from dateline.errors import E_BAD_FEED, E_READ_FAILED, DatelineError, failure
from dateline.model import Article
from dateline.read.common import (
    clean,
    finish,
    origin,
    paragraphs,
    parse_date,
    parse_published,
)
from dateline.read.html import html_to_lines

_ENTRY_START = re.compile(rb"<(?:[\w-]+:)?(item|entry)[\s>/]")
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,32})|([0-9]{1,32}));")
_REPLACEMENT_REF = b"&#xFFFD;"


def read_feed(data: bytes, path: str, dct: date | None = None) -> Iterator[Article | DatelineError]:
    """The entries of an RSS/Atom document as articles or rejects."""
    try:
        parsed = _parse(data)
    except Exception as exc:  # feedparser's own failures: this file's reject, not the batch's
        yield E_BAD_FEED(path, why=failure(exc))
        return
    entries = parsed.get("entries", [])
    if not entries:
        why = str(parsed.get("bozo_exception") or "no <item> or <entry> elements")
        yield E_BAD_FEED(path, why=why)
        return
    lines = _entry_lines(data, len(entries))
    feed_title = clean(parsed.get("feed", {}).get("title"))
    for entry, line in zip(entries, lines, strict=True):
        try:
            yield finish(_article(entry, feed_title, path, line), dct, path, line)
        except DatelineError as exc:
            yield exc
        except Exception as exc:  # one odd entry is that entry's reject
            yield E_READ_FAILED(path, line, why=failure(exc))


def _parse(data: bytes) -> Any:
    # A stream, not a string: feedparser would fetch a string that looks like a URL.
    stream = io.BytesIO(_CHAR_REF.sub(_valid_char_ref, data))
    return feedparser.parse(stream, sanitize_html=True, resolve_relative_uris=False)


def _valid_char_ref(match: re.Match[bytes]) -> bytes:
    """A character reference to no character (``&#999999999999;``, ``&#x110000;``, a
    surrogate) becomes U+FFFD; feedparser would overflow or build a string no one can
    encode."""
    hexa, decimal = match.groups()
    code = int(hexa, 16) if hexa else int(decimal)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return _REPLACEMENT_REF
    return match.group(0)


def _entry_lines(data: bytes, count: int) -> list[int | None]:
    """The line where each entry starts; None for all when the markup cannot tell."""
    starts: list[int | None] = []
    line, position = 1, 0
    for match in _ENTRY_START.finditer(data):
        line += data.count(b"\n", position, match.start())
        position = match.start()
        starts.append(line)
    return starts if len(starts) == count else [None] * count


def _article(entry: Any, feed_title: str | None, path: str, line: int | None) -> Article:
    published = _published(entry, path, line)
    return Article(
        text="\n\n".join(paragraphs(html_to_lines(_body(entry)))),
        dct=parse_date(published[:10], path, line) if published else None,
        title=clean(" ".join(html_to_lines(_string(entry.get("title"))))),
        published=published if published and "T" in published else None,
        byline=clean(entry.get("author")),
        source=feed_title,
        url=clean(entry.get("link")),
        metadata={"format": "feed", "entry_id": entry.get("id")},
        origin=origin(path, line),
    )


def _published(entry: Any, path: str, line: int | None) -> str | None:
    """The entry's own time as written (RFC 2822 for RSS, ISO 8601 for Atom).

    feedparser's ``*_parsed`` values are not used: they are in UTC, which can
    move the day, and they silently turn 30 February into 2 March.
    """
    stamp = clean(entry.get("published")) or clean(entry.get("updated"))
    return parse_published(stamp, path, line) if stamp else None


def _body(entry: Any) -> str:
    """The richest text the entry offers: its longest content, else its summary."""
    contents = [_string(c.get("value")) for c in entry.get("content") or []]
    return max(contents, key=len, default="") or _string(entry.get("summary"))


def _string(value: Any) -> str:
    """An entry field as text: feedparser leaves a missing summary or title as None."""
    return value if isinstance(value, str) else ""
