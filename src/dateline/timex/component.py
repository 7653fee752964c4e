"""The spaCy pipeline step: ``nlp.add_pipe("dateline_timex")``."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from dateline.timex import tag


class TimexTagger:
    """Sets ``doc._.timexes`` from the text and ``doc._.dct`` (empty without a DCT)."""

    def __init__(self, nlp: Any, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        dct = doc._.dct
        doc._.timexes = [] if dct is None else tag(doc.text, dct, doc=doc)
        return doc
