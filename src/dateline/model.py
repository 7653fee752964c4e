"""The domain objects that flow through dateline, named as in DESIGN.md.

Every step reads and writes these plain dataclasses; ``to_dict`` gives the
JSON shape of the extraction document.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

Span = tuple[int, int]


def normalize_text(text: str) -> str:
    """Text as used for article identity: NFC, unified newlines, trimmed lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()


def iso_day(text: str | None) -> date | None:
    """The calendar day an ISO date or date-time string starts with; None if it has none."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def document_id(text: str) -> str:
    """Article identity: sha256 of the normalized text."""
    return "sha256:" + hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


@dataclass
class Article:
    """One news article as read from a file, before any analysis."""

    text: str
    dct: date | None
    title: str | None = None
    published: str | None = None  # ISO 8601 date-time, minute precision
    byline: str | None = None
    source: str | None = None
    url: str | None = None
    caption: str | None = None
    credits: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    origin: str | None = None  # "path[:line]" the article was read from

    @property
    def id(self) -> str:
        return document_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "dct": self.dct.isoformat() if self.dct else None,
            "published": self.published,
            "title": self.title,
            "byline": self.byline,
            "source": self.source,
            "url": self.url,
            "caption": self.caption,
            "credits": list(self.credits),
            "metadata": dict(self.metadata),
            "text": self.text,
        }


@dataclass
class Timex:
    """A TIMEX3 temporal expression with its calendar interval."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    earliest: str | None = None  # inclusive ISO date
    latest: str | None = None  # inclusive ISO date
    granularity: str | None = None  # day | week | month | quarter | season | year | ...
    freq: str | None = None  # SET only
    quant: str | None = None  # SET only
    rule: str | None = None  # id of the rule that produced it (for debugging)

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k != "rule"}
        for key in ("freq", "quant"):
            if data[key] is None:
                del data[key]
        return data


class _WithMentions:
    """JSON shape for dataclasses whose ``mentions`` are (start, end) tuples."""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)  # type: ignore[call-overload]
        data["mentions"] = [list(m) for m in data["mentions"]]
        return dict(data)


@dataclass
class Actor(_WithMentions):
    """A canonical participant: person, organisation or country."""

    id: str
    name: str
    kind: str  # person | organisation | country | government | group
    country: str | None = None  # ISO 3166 alpha-3
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Place(_WithMentions):
    """A location with coordinates where known."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # city | region | country
    mentions: list[Span] = field(default_factory=list)


@dataclass
class EventTime:
    """When an event happens: a value when dated, else a window."""

    value: str | None = None
    earliest: str | None = None
    latest: str | None = None
    granularity: str | None = None


@dataclass
class Candidate:
    """A time the text offers for an undated event, with its own status."""

    value: str
    status: str
    text: str


@dataclass
class Evidence:
    start: int
    end: int
    sentence: str


@dataclass
class Event:
    """One event as reported by one article."""

    id: str
    type: str
    plover: str | None
    status: str  # occurred | ongoing | planned | possible | negated
    dated: bool
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    location: str | None = None
    time: EventTime = field(default_factory=EventTime)
    candidates: list[Candidate] = field(default_factory=list)
    attribution: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    cameo: str | None = None
    cue: str | None = None  # the word or rule that decided the status
    trigger: str | None = None
    #: what the article says became of the plan: "postponed" (put off, moved, delayed,
    #: rescheduled) or "cancelled" (called off, scrapped); the linker reads this field
    change: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


EVENT_STATUSES = ("occurred", "ongoing", "planned", "possible", "negated")
