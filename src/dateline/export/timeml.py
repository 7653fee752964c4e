"""Stored documents as TimeML, one ``.tml`` file each: the article's text with TIMEX3
tags at its timexes and EVENT tags at its kept events' evidence spans, and the DCT as
the ``CREATION_TIME`` TIMEX3, as ``dateline eval timex`` and other TimeML tools read it.

A span that would cross another (a timex overlapping an earlier timex, an evidence span
that cuts a timex) is left untagged so that the XML nests; timexes are placed first.
Several events with one evidence span share one EVENT tag, each with its own
MAKEINSTANCE (TimeML's way to say that one text span denotes several events).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from dateline.export.rows import StoredDocument

# Characters XML 1.0 does not allow; each becomes U+FFFD so offsets stay the same.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FILE_NAME = re.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True)
class _Tag:
    start: int
    end: int
    rank: int  # at one span, an EVENT (0) encloses a TIMEX3 (1)
    open: str
    close: str


def xml_text(text: str) -> str:
    """Character data: ``&<>`` escaped, CR kept as a reference (a parser would drop it)."""
    return escape(_NOT_XML.sub("\ufffd", text), {"\r": "&#13;"})


def _attrs(**values: str | None) -> str:
    return " ".join(
        f"{key}={quoteattr(_NOT_XML.sub(chr(0xFFFD), v))}"
        for key, v in values.items()
        if v is not None
    )


def file_name(document_id: str) -> str:
    """``sha256:abc…`` → ``abc….tml``: the file of a document, safe on any file system."""
    return _FILE_NAME.sub("_", document_id.removeprefix("sha256:")) + ".tml"


def _crosses(a: _Tag, b: _Tag) -> bool:
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


def _timex_tags(doc: StoredDocument) -> list[_Tag]:
    tags: list[_Tag] = []
    position = 0
    for index, x in enumerate(sorted(doc.timexes, key=lambda x: (x["start"], x["end"])), 1):
        if x["start"] < position or not 0 <= x["start"] < x["end"] <= len(doc.text):
            continue
        attrs = _attrs(tid=f"t{index}", type=x["type"], value=x["value"] or "", mod=x["mod"])
        tags.append(_Tag(x["start"], x["end"], 1, f"<TIMEX3 {attrs}>", "</TIMEX3>"))
        position = x["end"]
    return tags


def _event_spans(doc: StoredDocument, placed: list[_Tag]) -> dict[tuple[int, int], list[Any]]:
    """Kept events by evidence span, for the spans that nest with every placed tag."""
    spans: dict[tuple[int, int], list[Any]] = {}
    for ev in doc.events:
        key = (ev["start"], ev["end"])
        if key in spans:
            spans[key].append(ev)
            continue
        probe = _Tag(key[0], key[1], 0, "", "")
        if 0 <= key[0] < key[1] <= len(doc.text) and not any(_crosses(probe, t) for t in placed):
            spans[key] = [ev]
            placed.append(probe)
    return spans


def tagged(doc: StoredDocument) -> tuple[str, list[str]]:
    """The TEXT content with its tags, and the MAKEINSTANCE elements of its events."""
    tags = _timex_tags(doc)
    instances: list[str] = []
    for number, ((start, end), events) in enumerate(_event_spans(doc, list(tags)).items(), 1):
        kind = "REPORTING" if events[0]["type"] == "STATEMENT" else "OCCURRENCE"
        tags.append(_Tag(start, end, 0, f'<EVENT eid="e{number}" class="{kind}">', "</EVENT>"))
        instances += [_instance(number, len(instances) + i, ev) for i, ev in enumerate(events, 1)]
    return _nest(doc.text, tags), instances


def _instance(number: int, index: int, ev: dict[str, Any]) -> str:
    """A MAKEINSTANCE, preceded by a comment naming dateline's event, type and status."""
    polarity = "NEG" if ev["status"] == "negated" else "POS"
    modality = ev.get("cue") if ev["status"] in ("planned", "possible") else None
    note = f"dateline event {ev['id']}: {ev['type']} {ev['status']}".replace("--", "- -")
    attrs = _attrs(
        eiid=f"ei{index}", eventID=f"e{number}", tense="NONE", aspect="NONE",
        polarity=polarity, modality=modality, pos="UNKNOWN",
    )  # fmt: skip
    return f"<!-- {xml_text(note)} -->\n<MAKEINSTANCE {attrs} />"


def _nest(text: str, tags: list[_Tag]) -> str:
    out: list[str] = []
    position = 0
    stack: list[_Tag] = []
    for tag in sorted(tags, key=lambda t: (t.start, -t.end, t.rank)):
        while stack and stack[-1].end <= tag.start:
            done = stack.pop()
            out += [xml_text(text[position : done.end]), done.close]
            position = done.end
        out += [xml_text(text[position : tag.start]), tag.open]
        position = tag.start
        stack.append(tag)
    while stack:
        done = stack.pop()
        out += [xml_text(text[position : done.end]), done.close]
        position = done.end
    out.append(xml_text(text[position:]))
    return "".join(out)


def document_timeml(doc: StoredDocument) -> str:
    """One document as a TimeML file."""
    body, instances = tagged(doc)
    dct = _attrs(
        tid="t0", type="DATE", value=doc.dct, temporalFunction="false",
        functionInDocument="CREATION_TIME",
    )  # fmt: skip
    title = f"<TITLE>{xml_text(doc.title)}</TITLE>\n" if doc.title else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n'
        f"<DOCID>{xml_text(doc.id)}</DOCID>\n"
        f"<DCT><TIMEX3 {dct}>{xml_text(doc.dct)}</TIMEX3></DCT>\n"
        f"{title}<TEXT>{body}</TEXT>\n" + "".join(line + "\n" for line in instances) + "</TimeML>\n"
    )


def write_timeml(pages: Iterable[list[StoredDocument]], directory: Path) -> tuple[int, int]:
    """One ``.tml`` file per document into ``directory``: (documents, events tagged)."""
    documents = events = 0
    for page in pages:
        for doc in page:
            text = document_timeml(doc)
            (directory / file_name(doc.id)).write_text(text, encoding="utf-8")
            documents += 1
            events += text.count("<MAKEINSTANCE ")
    return documents, events
