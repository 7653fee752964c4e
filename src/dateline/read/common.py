"""What every article reader shares: size limits, decoding, dates, the final check."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from dateline.errors import (
    E_BAD_DATE,
    E_DATE_NOT_STRING,
    E_NO_DCT,
    E_NO_TEXT,
    E_SURROGATE,
    W_DECODE,
    DatelineError,
    printable,
)
from dateline.model import Article

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
"""A file holding one article (text, HTML) or one JSON line may not be larger."""

MAX_FEED_BYTES = 20 * 1024 * 1024
"""A feed file is parsed whole, so it gets its own, larger limit."""

SNIFF_BYTES = 8192

# Control bytes other than \t \n \v \f \r; text has almost none of them.
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32)) + b"\x7f"
_ESCAPED = re.compile("[\udc80-\udcff]")
# Control characters an article never needs (tab, newlines, form feed kept): ESC and
# CSI would reach the terminal when evidence or a title is printed.
_TEXT_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ISO_DATETIME = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?")


def is_binary(head: bytes) -> bool:
    """True for bytes that cannot be an article: NUL bytes or many control characters."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NUL bytes but is still text
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > len(head) // 10


def decode(data: bytes, path: str, line: int | None = None) -> str:
    """UTF-8 (or BOM-marked UTF-16) text; invalid bytes become U+FFFD with a DL-W001 warning."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        bad = text.count("\ufffd")
    else:
        # surrogateescape maps each invalid byte to one lone surrogate, which lets
        # us count the bad bytes exactly in one pass before replacing them.
        text = data.decode("utf-8-sig", errors="surrogateescape")
        bad = len(_ESCAPED.findall(text))
        text = _ESCAPED.sub("\ufffd", text) if bad else text
    if bad:
        W_DECODE.warn(path, line, count=bad)
    return text


def display_name(path: str) -> str:
    """A path as messages and Article.origin show it: undecodable bytes as U+FFFD,
    control characters as "?" (the real path is still the one opened)."""
    return printable(path)


def date_text(data: dict[str, object], key: str, path: str, line: int | None) -> str | None:
    """A JSON object's date field as a string; a DL-E020 reject for a list, number or object."""
    value = data.get(key)
    if value is None or isinstance(value, str):
        return clean(value)
    raise E_DATE_NOT_STRING(path, line, field=key, kind=type(value).__name__)


def parse_date(value: str, path: str, line: int | None = None) -> date:
    """The calendar date at the start of an ISO or RFC 2822 date string.

    Raises a DL-E002 DatelineError for impossible or unrecognised dates.
    """
    value = value.strip()
    match = _ISO_DATE.match(value)
    try:
        if match:
            return date(*(int(part) for part in match.groups()))
        return parsedate_to_datetime(value).date()
    except (ValueError, TypeError, IndexError) as exc:
        why = str(exc) if match else "expected YYYY-MM-DD"
        raise E_BAD_DATE(path, line, value=value, why=why) from None


def parse_published(value: str, path: str, line: int | None = None) -> str:
    """An ISO date-time string at minute precision, as written (local time kept)."""
    value = value.strip()
    match = _ISO_DATETIME.match(value)
    try:
        if match:
            y, mo, d, h, mi = (int(part) if part else 0 for part in match.groups())
            stamp = datetime(y, mo, d, h, mi)
            has_time = match.group(4) is not None
        else:
            stamp, has_time = parsedate_to_datetime(value), True
    except (ValueError, TypeError, IndexError) as exc:
        why = str(exc) if match else "expected an ISO 8601 or RFC 2822 date-time"
        raise E_BAD_DATE(path, line, value=value, why=why) from None
    return stamp.strftime("%Y-%m-%dT%H:%M") if has_time else stamp.date().isoformat()


#: a photo caption ends in its credit: "[AP/YONHAP]", "[NEWS1]", "(AFP)"
CAPTION_CREDIT = re.compile(r"(?:\[[^\[\]\n]{1,60}\]|\([A-Z][\w/ .,&'-]{1,60}\))\s*$")

#: a credit that names itself a photo's, ending its paragraph: '(Photo: Ana Lima/Reuters)',
#: '[Photo by Yonhap]', '(Pictured: ...)' -- a gallery's captions, wherever they stand
PHOTO_CREDIT = re.compile(
    r"[(\[](?:Photos?|Photograph|Picture|Image|Pictured)\b[^()\[\]\n]{0,80}[)\]]\s*$",
    re.IGNORECASE,
)


def in_gallery_caption(text: str, offset: int) -> bool:
    """Whether ``offset`` is in a paragraph that ends in a photo's credit (a caption,
    which tells a past scene in the present: 'is greeted at the airport on Wednesday')."""
    start = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    return (
        PHOTO_CREDIT.search(text, start + 1 if start >= 0 else 0, end if end >= 0 else len(text))
        is not None
    )


def photo_caption(paras: list[str]) -> str | None:
    """The first paragraph when it is a photo caption (it ends in a credit and the body
    follows): the one test readers and the events step share."""
    if len(paras) > 1 and CAPTION_CREDIT.search(paras[0]):
        return paras[0]
    return None


def paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs from lines: whitespace-only lines separate, wrapped lines are joined."""
    result: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(" ".join(line.split()))
        elif current:
            result.append(" ".join(current))
            current = []
    return result


def finish(
    article: Article, dct: date | None, path: str, line: int | None = None
) -> Article | DatelineError:
    """The article with the user's DCT filled in, or the reason it cannot be used."""
    surrogate = _surrogate_field(article)
    if surrogate is not None:
        field, char = surrogate
        return E_SURROGATE(path, line, field=field, char=f"\\u{ord(char):04x}")
    article = _without_controls(article)
    if not article.text.strip():
        return E_NO_TEXT(path, line)
    if article.dct is None:
        if dct is None:
            return E_NO_DCT(path, line)
        article = replace(article, dct=dct, metadata={**article.metadata, "dct_from": "user"})
    return article


def _clean(text: str) -> str:
    """Text without the controls an article never needs; a vertical tab (a word
    processor's line break, which a terminal acts on) becomes a newline."""
    return _TEXT_CONTROLS.sub("", text.replace("\v", "\n"))


def _without_controls(article: Article) -> Article:
    caption = article.caption
    return replace(
        article,
        text=_clean(article.text),
        caption=_clean(caption) if caption else caption,
        credits=[_clean(line) for line in article.credits],
    )


def _surrogate_field(article: Article) -> tuple[str, str] | None:
    """The first field holding a lone surrogate (JSON's "\\ud800"), which no store or
    terminal can encode; None when the article is clean."""
    fields = {
        "text": article.text,
        "title": article.title,
        "byline": article.byline,
        "source": article.source,
        "url": article.url,
        "caption": article.caption,
        "published": article.published,
        "credits": " ".join(article.credits),
        "metadata": json.dumps(article.metadata, ensure_ascii=False, default=str),
    }
    for name, value in fields.items():
        found = _SURROGATE.search(value) if value else None
        if found:
            return name, found.group(0)
    return None


def read_one(
    parse: Callable[[str, str], Article], text: str, path: str, dct: date | None
) -> Iterator[Article | DatelineError]:
    """The single article ``parse`` finds in a file's text, or the reject it raised."""
    try:
        article = parse(text, path)
    except DatelineError as exc:
        yield exc
        return
    yield finish(article, dct, path)


def origin(path: str, line: int | None = None) -> str:
    """The ``path[:line]`` string recorded in Article.origin."""
    return f"{path}:{line}" if line else path


def clean(value: object) -> str | None:
    """A trimmed, single-spaced string, or None for missing or blank values."""
    if value is None or isinstance(value, dict | list):
        return None
    text = " ".join(_TEXT_CONTROLS.sub("", str(value)).split())
    return text or None
