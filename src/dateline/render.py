"""``dateline extract``: one article file → its extraction document as JSON, text or TimeML."""

from __future__ import annotations

import json
from datetime import date

from dateline.errors import DatelineError


def render_file(
    path: str, fmt: str = "json", dct: date | None = None, actors_file: str | None = None
) -> str:
    """Read the first article of PATH and render its extraction; raises the reader's reject."""
    from dateline.annotate import load_nlp
    from dateline.extract import extract, format_text
    from dateline.read import read_paths

    outputs = []
    for item in read_paths([path], dct=dct):
        if isinstance(item, DatelineError):
            raise item
        if fmt == "timeml":
            from dateline.evaluate.timeml import to_timeml
            from dateline.timex import tag

            assert item.dct is not None  # readers reject articles without one
            outputs.append(to_timeml(item.text, item.dct, tag(item.text, item.dct), item.id))
            continue
        extraction = extract(item, nlp=load_nlp(actors_file))
        outputs.append(
            format_text(extraction)
            if fmt == "text"
            else json.dumps(extraction, ensure_ascii=False, indent=1)
        )
    return "\n".join(outputs)
