"""HTML pages: main text, title and date through trafilatura, offline.

Scripts are never run: trafilatura parses the page with lxml and drops
``<script>``/``<style>``, and the small stripper used for feed fragments skips
them too. The DCT comes only from the page's metadata (``<meta>``, JSON-LD,
``<time>`` markup), never from dates guessed in the body text: those are the
events' dates, and taking one for the DCT would shift every relative date.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser

import trafilatura

from dateline.errors import E_BAD_HTML, DatelineError
from dateline.model import Article
from dateline.read.common import clean, paragraphs, parse_date, read_one

# htmldate rejects dates after max_date, which defaults to today; a fixed bound
# keeps the reader independent of the clock.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2100-12-31"}
_SKIPPED = {"script", "style", "noscript", "template", "iframe", "object"}
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}


def read_html(text: str, path: str, dct: date | None = None) -> Iterator[Article | DatelineError]:
    """The main article of an HTML page, or a DL-E012 reject when it has none."""
    return read_one(parse_html, text, path, dct)


def parse_html(text: str, path: str) -> Article:
    """Extract main text and metadata; raises DL-E012 / DL-E002 DatelineErrors."""
    result = trafilatura.extract(
        text,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    page = json.loads(result) if result else {}
    title = clean(page.get("title"))
    lines = (page.get("text") or "").splitlines()
    if lines and title and clean(lines[0]) == title:
        lines = lines[1:]  # the <h1> repeats the title, which is not article text
    paras = paragraphs(_spaced(lines))
    if not paras:
        raise E_BAD_HTML(path)
    day = clean(page.get("date"))
    return Article(
        text="\n\n".join(paras),
        dct=parse_date(day, path) if day else None,
        title=title,
        byline=clean(page.get("author")),
        source=clean(page.get("source-hostname")),
        url=clean(page.get("source")),
        metadata={"format": "html", "hostname": page.get("hostname")},
        origin=path,
    )


def _spaced(lines: list[str]) -> list[str]:
    """trafilatura puts one paragraph per line; make each line its own paragraph."""
    return [part for line in lines for part in (line, "")]


def html_to_lines(fragment: str) -> list[str]:
    """Visible text of an HTML fragment as lines, without scripts or styles."""
    stripper = _TextOnly()
    stripper.feed(fragment)
    stripper.close()
    return "".join(stripper.parts).splitlines()


class _TextOnly(HTMLParser):
    """Collects text outside script-like elements; block elements end a line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)
