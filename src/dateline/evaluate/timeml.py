"""Read and write TimeML: the TEXT element's plain text and its TIMEX3 tags."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from dateline.errors import E_TIMEML
from dateline.model import Timex

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_PIECE = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>|[^<]+", re.DOTALL)
_ATTR = re.compile(r'([A-Za-z]+)\s*=\s*"([^"]*)"')
_DCT = re.compile(r"<TIMEX3\b[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", re.DOTALL)


@dataclass
class GoldTimex:
    """A TIMEX3 tag of a TimeML file, with offsets into the plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass
class TimeMLDoc:
    """A TimeML document: plain text, DCT and gold TIMEX3 tags."""

    doc_id: str
    text: str
    dct: date
    timexes: list[GoldTimex] = field(default_factory=list)


def _attrs(raw: str) -> dict[str, str]:
    return {key: html.unescape(value) for key, value in _ATTR.findall(raw)}


def parse_timeml(source: str, doc_id: str = "doc", path: str | None = None) -> TimeMLDoc:
    """Plain text of the TEXT element (tags removed, entities decoded), DCT and TIMEX3s."""
    body = _TEXT.search(source)
    if body is None:
        raise E_TIMEML(path, None, why="no TEXT element")
    dct_tag = _DCT.search(source)
    if dct_tag is not None:
        dct = _dct_value(_attrs(dct_tag.group(0)).get("value", ""), path)
    else:
        dct = _fallback_dct(source, doc_id, path)
    parts: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for piece in _PIECE.finditer(body.group(1)):
        if piece.group(2) is None:
            chunk = html.unescape(piece.group(0))
            parts.append(chunk)
            length += len(chunk)
        elif piece.group(2) == "TIMEX3" and not piece.group(1):
            open_timex = (length, _attrs(piece.group(3)))
        elif piece.group(2) == "TIMEX3" and open_timex is not None:
            timexes.append(_gold(open_timex, length, parts))
            open_timex = None
    return TimeMLDoc(doc_id, "".join(parts), dct, timexes)


def _gold(opened: tuple[int, dict[str, str]], end: int, parts: list[str]) -> GoldTimex:
    start, attrs = opened
    text = "".join(parts)[start:end]
    return GoldTimex(
        start, end, text, attrs.get("type", ""), attrs.get("value", ""), attrs.get("mod")
    )


def _dct_value(value: str, path: str | None) -> date:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise E_TIMEML(path, None, why=f"creation time {value!r} is not a date") from None


# a creation date written elsewhere: <DCT>2009-05-01</DCT>, or a file name such as
# APW19980807.0022 or 2009-05-01_story
_DCT_ELEMENT = re.compile(r"<DCT>\s*(?:<[^>]*>\s*)*([0-9]{4}-?[0-9]{2}-?[0-9]{2})", re.IGNORECASE)
_YEAR = re.compile(r"(?<![0-9])((?:1[0-9]|20)[0-9]{2})(?![0-9])")
_NAME_DATE = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12][0-9]|3[01])(?![0-9])"
)


def _fallback_dct(source: str, doc_id: str, path: str | None) -> date:
    """The DCT of a file without a CREATION_TIME TIMEX3: the DCT element's text, else a
    date in the file name, else (a text with no creation date at all, such as an
    encyclopedia article) 1 January two years after the latest year it names, so that
    every time in it is told as a story; a text naming no year cannot be scored."""
    element = _DCT_ELEMENT.search(source)
    found = _NAME_DATE.search(element.group(1) if element else doc_id)
    if found is None:
        body = _TEXT.search(source)
        years = [int(year) for year in _YEAR.findall(body.group(1) if body else "")]
        if not years:
            raise E_TIMEML(path, None, why="no creation date (CREATION_TIME, <DCT>, file name)")
        return date(max(years) + 2, 1, 1)
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        raise E_TIMEML(path, None, why=f"creation date {found.group(0)!r} is not a date") from None


def read_timeml(path: Path) -> TimeMLDoc:
    """Parse one ``.tml`` file."""
    try:
        source = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise E_TIMEML(str(path), None, why=str(exc)) from None
    return parse_timeml(source, path.stem, str(path))


def _timex_tag(index: int, timex: Timex, text: str) -> str:
    attrs = {"tid": f"t{index}", "type": timex.type, "value": timex.value}
    if timex.mod:
        attrs["mod"] = timex.mod
    if timex.freq:
        attrs["freq"] = timex.freq
    if timex.quant:
        attrs["quant"] = timex.quant
    joined = " ".join(f"{key}={quoteattr(value)}" for key, value in attrs.items())
    return f"<TIMEX3 {joined}>{escape(text)}</TIMEX3>"


def tagged_text(text: str, timexes: list[Timex]) -> str:
    """``text`` XML-escaped with TIMEX3 tags around the (non-overlapping) timexes."""
    out: list[str] = []
    position = 0
    for index, timex in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        if timex.start < position:
            continue
        out.append(escape(text[position : timex.start]))
        out.append(_timex_tag(index, timex, text[timex.start : timex.end]))
        position = timex.end
    out.append(escape(text[position:]))
    return "".join(out)


def to_timeml(text: str, dct: date, timexes: list[Timex], doc_id: str) -> str:
    """A TimeML document holding ``text`` with our TIMEX3 tags and the DCT."""
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{escape(doc_id)}</DOCID>\n"
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>\n'
        f"<TEXT>{tagged_text(text, timexes)}</TEXT>\n</TimeML>\n"
    )
