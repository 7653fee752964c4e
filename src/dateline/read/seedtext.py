"""The plain-text article format of the seed corpus.

    date 2025-05-21  Title of the article
    Published: 21 May. 2025, 18:12
    Photo caption ending in a bracketed credit. [AP/YONHAP]

    Body paragraph, separated by whitespace-only lines.

    Translated from the JoongAng Ilbo ...
    BY JEONG JAE-HONG [[email protected]]

Every part is optional, so a bare text file is an article without a DCT.
Besides ``Published:``, dateline accepts ``Source:`` and ``URL:`` lines right
after the header (the seed has none; the synthetic corpus uses them).
Article.text holds the caption and the body paragraphs joined by blank lines;
the header, these fields and the trailing credit lines are kept apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from dateline.errors import E_BAD_DATE, DatelineError
from dateline.model import Article
from dateline.read.common import (
    clean,
    paragraphs,
    parse_date,
    parse_published,
    photo_caption,
    read_one,
)

_HEADER = re.compile(r"^\s*date\s+(\d\S*)(?:\s+(.*))?$", re.IGNORECASE)
_FIELD = re.compile(r"^\s*(published|source|url)\s*:\s*(.+)$", re.IGNORECASE)
_SEED_PUBLISHED = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4}),?\s+(\d{1,2}):(\d{2})$")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BYLINE = re.compile(r"^by\s+(.+?)\s*(\[.*\]|\(.*\)|\S+@\S+)?$", re.IGNORECASE)
_CREDIT_LINES = (
    re.compile(r"^translated (from|by)\b", re.IGNORECASE),
    re.compile(r"^(additional )?(reporting|writing|editing)\b.*\bby\b", re.IGNORECASE),
    re.compile(r"^(©|copyright\b)", re.IGNORECASE),
    re.compile(r"^\[*(email protected|\S+@\S+\.\w+)\]*$", re.IGNORECASE),
)


def read_seedtext(
    text: str, path: str, dct: date | None = None
) -> Iterator[Article | DatelineError]:
    """The one article in a seed-format text (a DL-E002 reject for an impossible date)."""
    return read_one(parse_seedtext, text, path, dct)


def parse_seedtext(text: str, path: str) -> Article:
    """Split a seed-format text into header, fields, caption, body and credits."""
    lines = text.splitlines()
    start = _first_filled(lines, 0)
    header = _HEADER.match(lines[start]) if start < len(lines) else None
    dct, title = None, None
    if header:
        dct = parse_date(header.group(1), path, start + 1)
        title = clean(header.group(2))
        start += 1
    fields, start = _fields(lines, start)
    metadata: dict[str, Any] = {"format": "seedtext"}
    published = _published(fields.get("published"), path, metadata)
    if dct is None and published:
        dct = date.fromisoformat(published[:10])
    body, credits = _split_credits(lines[start:])
    paras = paragraphs(body)
    caption = photo_caption(paras)
    return Article(
        text="\n\n".join(paras),
        dct=dct,
        title=title,
        published=published,
        byline=_byline_of(credits),
        source=fields.get("source"),
        url=fields.get("url"),
        caption=caption,
        credits=credits,
        metadata=metadata,
        origin=path,
    )


def _first_filled(lines: list[str], start: int) -> int:
    while start < len(lines) and not lines[start].strip():
        start += 1
    return start


def _fields(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """``Published:``/``Source:``/``URL:`` lines after the header, and where the body starts."""
    fields: dict[str, str] = {}
    while True:
        index = _first_filled(lines, start)
        match = _FIELD.match(lines[index]) if index < len(lines) else None
        if not match or match.group(1).lower() in fields:
            return fields, start
        fields[match.group(1).lower()] = " ".join(match.group(2).split())
        start = index + 1


def _published(value: str | None, path: str, metadata: dict[str, Any]) -> str | None:
    """ISO minute-precision time from "21 May. 2025, 18:12" or an ISO date-time."""
    if value is None:
        return None
    match = _SEED_PUBLISHED.match(value)
    if match and match.group(2)[:3].lower() in _MONTHS:
        day, month, year, hour, minute = match.groups()
        try:
            stamp = datetime(
                int(year), _MONTHS.index(month[:3].lower()) + 1, int(day), int(hour), int(minute)
            )
        except ValueError as exc:
            raise E_BAD_DATE(path, value=value, why=str(exc)) from None
        return stamp.strftime("%Y-%m-%dT%H:%M")
    if re.match(r"\d{4}-", value):
        return parse_published(value, path)
    metadata["published_raw"] = value  # a format we do not know; keep it, do not guess
    return None


def _split_credits(lines: list[str]) -> tuple[list[str], list[str]]:
    """Body lines and the credit lines that end the article (translation note, byline)."""
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or _is_credit(lines[end - 1])):
        end -= 1
    credits = [" ".join(line.split()) for line in lines[end:] if line.strip()]
    return lines[:end], credits


def _is_credit(line: str) -> bool:
    line = " ".join(line.split())
    return _byline(line) is not None or any(p.search(line) for p in _CREDIT_LINES)


def _byline(line: str) -> str | None:
    """The names in "BY JEONG JAE-HONG [email]" or "By Ana Ruiz"; None for prose."""
    match = _BYLINE.match(" ".join(line.split()))
    if not match:
        return None
    name = match.group(1).rstrip(",;")
    words = name.replace(",", " ").split()
    # "By contrast, officials said ..." is prose: names are capitalised words.
    if 0 < len(words) <= 8 and all(w[0].isupper() or w.lower() == "and" for w in words):
        return name
    return None


def _byline_of(credits: list[str]) -> str | None:
    names = [name for name in map(_byline, credits) if name]
    return "; ".join(names) or None
