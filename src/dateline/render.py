"""``dateline extract``: an article file → each article's extraction as JSON, text or TimeML."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from dateline.errors import E_EXTRACT_FAILED, DatelineError, failure
from dateline.model import Article


def render_file(
    path: str, fmt: str = "json", dct: date | None = None, actors_file: str | None = None
) -> Iterator[str | DatelineError]:
    """Each article of PATH rendered, in file order; a reject in place of a bad article
    (the reader's, or DL-E300 when extraction fails), so the good ones still come out."""
    from dateline.read import read_paths

    nlp: Any = None
    for item in read_paths([path], dct=dct):
        if isinstance(item, DatelineError):
            yield item
            continue
        if fmt != "timeml" and nlp is None:
            from dateline.annotate import load_nlp

            nlp = load_nlp(actors_file)
        try:
            yield _render(item, fmt, nlp)
        except Exception as exc:
            yield E_EXTRACT_FAILED(item.origin, why=failure(exc))


def _render(article: Article, fmt: str, nlp: Any) -> str:
    from dateline.extract import extract, format_text

    if fmt == "timeml":
        from dateline.evaluate.timeml import to_timeml
        from dateline.timex import tag

        assert article.dct is not None  # readers reject articles without one
        return to_timeml(article.text, article.dct, tag(article.text, article.dct), article.id)
    extraction = extract(article, nlp=nlp)
    if fmt == "text":
        return format_text(extraction)
    return json.dumps(extraction, ensure_ascii=False, indent=1)
