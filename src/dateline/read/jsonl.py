"""JSON Lines: one article object per line, streamed so memory stays bounded.

Known keys: ``text``, ``title``, ``dct`` or ``date`` (a day), ``published`` (a
date-time; also gives the DCT when no day is given), ``url``, ``source``,
``byline``, ``caption``, ``credits``. Every other key is kept in
Article.metadata. Blank lines are skipped; each bad line is one reject
carrying its 1-based line number.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from dateline.errors import (
    E_BAD_JSON,
    E_EMPTY,
    E_JSON_NOT_OBJECT,
    E_LINE_TOO_LARGE,
    E_READ_FAILED,
    DatelineError,
    failure,
)
from dateline.model import Article
from dateline.read.common import (
    MAX_ARTICLE_BYTES,
    clean,
    date_text,
    decode,
    finish,
    origin,
    parse_date,
    parse_published,
)

_KNOWN = (
    "text",
    "title",
    "dct",
    "date",
    "published",
    "url",
    "source",
    "byline",
    "caption",
    "credits",
)
_CHUNK = 1024 * 1024


def read_jsonl(
    stream: IO[bytes], path: str, dct: date | None = None, limit: int = MAX_ARTICLE_BYTES
) -> Iterator[Article | DatelineError]:
    """Each line of a binary stream as an article or a reject with its line number."""
    blank = True
    for number, raw, size in _lines(stream, limit):
        if raw is None:
            yield E_LINE_TOO_LARGE(path, number, size=size, limit=limit)
        elif raw.strip():
            yield _read_line(raw, path, number, dct)
        blank = blank and raw is not None and not raw.strip()
    if blank:
        yield E_EMPTY(path)


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes, size); bytes is None for a line over the limit, never held whole."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) <= limit or (len(line) == limit + 1 and line.endswith(b"\n")):
            yield number, line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := stream.readline(_CHUNK)):
            size += len(line)
        yield number, None, size


def _read_line(raw: bytes, path: str, number: int, dct: date | None) -> Article | DatelineError:
    try:
        data = json.loads(decode(raw, path, number))
    except json.JSONDecodeError as exc:
        return E_BAD_JSON(path, number, why=_json_error(exc))
    except (ValueError, RecursionError) as exc:  # e.g. a 5 MB integer, or [[[[...]]]]
        return E_BAD_JSON(path, number, why=type(exc).__name__)
    if not isinstance(data, dict):
        return E_JSON_NOT_OBJECT(path, number)
    try:
        return finish(_article(data, path, number), dct, path, number)
    except DatelineError as exc:
        return exc
    except Exception as exc:  # one odd line never stops the file: it is that line's reject
        return E_READ_FAILED(path, number, why=failure(exc))


def _json_error(exc: json.JSONDecodeError) -> str:
    """ "Unterminated string starting at column 10": json's own message may already end
    in "at"; the column counts characters of this line (its newline made json say line 2)."""
    where = "column" if exc.msg.endswith(" at") else "at column"
    return f"{exc.msg} {where} {exc.pos + 1}"


def _article(data: dict[str, Any], path: str, number: int) -> Article:
    published = date_text(data, "published", path, number)
    if published:
        published = parse_published(published, path, number)
    day = date_text(data, "dct", path, number) or date_text(data, "date", path, number)
    dct = parse_date(day, path, number) if day else None
    if dct is None and published:
        dct = date.fromisoformat(published[:10])
    text = data.get("text")
    credits = data.get("credits")
    return Article(
        text=text.strip() if isinstance(text, str) else "",
        dct=dct,
        title=clean(data.get("title")),
        published=published,
        byline=clean(data.get("byline")),
        source=clean(data.get("source")),
        url=clean(data.get("url")),
        caption=_caption(data.get("caption"), text),
        credits=[str(c) for c in credits] if isinstance(credits, list) else [],
        metadata={"format": "jsonl", **{k: v for k, v in data.items() if k not in _KNOWN}},
        origin=origin(path, number),
    )


def _caption(caption: Any, text: Any) -> str | None:
    """The caption only when the text starts with it, as Article.caption promises."""
    if isinstance(caption, str) and isinstance(text, str) and text.strip().startswith(caption):
        return caption or None
    return None
