"""Events as an iCalendar file (RFC 5545), written by hand: one VEVENT per event.

An event with a day is an all-day VEVENT (``DTSTART;VALUE=DATE``); a window (a month,
a week, a range) spans it (``DTEND`` is the day after its last day, as RFC 5545 wants);
a window open at one end ("after 2025-05-21") sits on its known end. An event without
any time has no place in a calendar and is left out, as is a negated event that was not
a cancellation ("has never visited").

STATUS: ``CANCELLED`` for a cancelled event; ``CONFIRMED`` for one that occurred, is
going on, or is planned with its own date fixed by the text; ``TENTATIVE`` for one that
is only possible, or planned without a date of its own (announced, postponed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import IO, Any

from dateline import __version__
from dateline.query import when

CRLF = "\r\n"
LINE_OCTETS = 75
# TEXT may not hold control characters other than tab (RFC 5545 3.3.11, TSAFE-CHAR).
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f]")
# A URI value is written unescaped: only a plain http(s) URL is given a URL property.
_SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f\"<>\\^`{|}]+", re.IGNORECASE)


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped, other control
    characters made spaces."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return _CONTROLS.sub(" ", value)


def fold(line: str) -> str:
    """One content line folded into lines of at most 75 octets, each continuation
    starting with a space, never inside a UTF-8 character; ends with CRLF."""
    data = line.encode("utf-8")
    pieces, limit = [], LINE_OCTETS
    while len(data) > limit:
        cut = limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: the character starts earlier
            cut -= 1
        pieces.append(data[:cut])
        data, limit = data[cut:], LINE_OCTETS - 1  # the leading space is one octet
    pieces.append(data)
    return b"\r\n ".join(pieces).decode("utf-8") + CRLF


def calendar_status(event: dict[str, Any]) -> str | None:
    """The VEVENT STATUS of an event; None for a negated event that was not cancelled."""
    if event.get("change") == "cancelled":
        return "CANCELLED"
    status = event.get("status")
    if status == "negated":
        return None
    if status in ("occurred", "ongoing") or (status == "planned" and event.get("dated")):
        return "CONFIRMED"
    return "TENTATIVE"


def calendar_days(event: dict[str, Any]) -> tuple[date, date] | None:
    """(first day, day after the last) of the event's own time; None without one."""
    time = event.get("time") or {}
    try:
        days = [
            date.fromisoformat(time[key][:10]) for key in ("earliest", "latest") if time.get(key)
        ]
    except (TypeError, ValueError):
        return None  # not a date: no calendar place rather than a made-up one
    if not days or days[-1] < days[0]:
        return None
    return days[0], days[-1] + timedelta(days=1)


def summary(event: dict[str, Any]) -> str:
    who = ", ".join(event.get("source") or []) or "?"
    whom = ", ".join(event.get("target") or [])
    return (
        f"{event['type']} ({event['status']}): {who} → {whom}"
        if whom
        else f"{event['type']} ({event['status']}): {who}"
    )


def description(event: dict[str, Any]) -> str:
    """The evidence sentences, then the event's time, its article and its source URL."""
    lines = [e["sentence"] for e in event.get("evidence") or []]
    lines.append(f"Time: {when(event)}")
    article = ", ".join(p for p in (event.get("document_source"), event.get("dct")) if p)
    if event.get("title"):
        article += f": {event['title']}"
    lines.append(f"Reported: {article}")
    if event.get("url"):
        lines.append(f"Source: {event['url']}")
    if event.get("story_id"):
        lines.append(f"Story: {event['story_id']}")
    return "\n".join(lines)


def vevent(event: dict[str, Any]) -> str | None:
    """The VEVENT of one event, folded; None when it has no place in a calendar."""
    days, status = calendar_days(event), calendar_status(event)
    if days is None or status is None:
        return None
    stamp = (event.get("dct") or "").replace("-", "")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(str(event['id']))}@dateline",
        f"DTSTAMP:{stamp}T000000Z",
        f"DTSTART;VALUE=DATE:{days[0]:%Y%m%d}",
        f"DTEND;VALUE=DATE:{days[1]:%Y%m%d}",
        f"SUMMARY:{escape_text(summary(event))}",
        f"DESCRIPTION:{escape_text(description(event))}",
        f"STATUS:{status}",
        f"CATEGORIES:{escape_text(str(event['type']))}",
        "TRANSP:TRANSPARENT",
    ]
    if event.get("location"):
        lines.insert(7, f"LOCATION:{escape_text(event['location'])}")
    if event.get("url") and _SAFE_URL.fullmatch(event["url"]):
        lines.append(f"URL:{event['url']}")
    lines.append("END:VEVENT")
    return "".join(fold(line) for line in lines)


def write_ics(pages: Iterable[list[dict[str, Any]]], out: IO[str]) -> tuple[int, int]:
    """A VCALENDAR of the events that have a calendar place: (written, left out)."""
    out.write(f"BEGIN:VCALENDAR{CRLF}VERSION:2.0{CRLF}")
    out.write(fold(f"PRODID:-//dateline//dateline {__version__}//EN"))
    out.write(f"CALSCALE:GREGORIAN{CRLF}")
    written = left_out = 0
    for page in pages:
        blocks = [vevent(event) for event in page]
        out.write("".join(block for block in blocks if block))
        written += sum(1 for block in blocks if block)
        left_out += sum(1 for block in blocks if not block)
    out.write(f"END:VCALENDAR{CRLF}")
    return written, left_out
