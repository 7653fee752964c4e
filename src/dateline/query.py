"""A stored event's shape, and plain-text renderings of events for the CLI (files:
:mod:`dateline.export`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def event_shape(
    row: dict[str, Any], roles: dict[str, list[str]], evidence: list[Any], cands: list[Any]
) -> dict[str, Any]:
    """A stored event's row (``events`` columns, ``title``, ``document_source``) in the
    timeline's shape, with its participants (``roles``), evidence and candidates."""
    time = {k: row.pop(k) for k in ("value", "earliest", "latest", "granularity")}
    timeless = time["earliest"] is None and time["latest"] is None
    return {
        **row,
        "dated": bool(row["dated"]),
        "time": time,
        "ordered_by": "dct" if timeless else "time",
        **roles,
        "evidence": evidence,
        "candidates": cands,
    }


def format_event(event: dict[str, Any]) -> str:
    """One readable line: time or window, status, type, who → whom, where, evidence, and
    for a stored event the outlet and title of its article."""
    who = ", ".join(event.get("source") or []) or "?"
    whom = ", ".join(event.get("target") or [])
    parts = [
        f"{when(event):<23}",
        f"{event['status']:<8}",
        f"{event['type']:<9}",
        f"{who} → {whom}" if whom else who,
    ]
    if event.get("location"):
        parts.append(f"@ {event['location']}")
    if event.get("attribution"):
        parts.append(f"(per {event['attribution']})")
    parts.append(f"“{_snippet(event)}”")
    reported = _reported_in(event)
    return "  ".join(parts) + (f"  — {reported}" if reported else "")


def _reported_in(event: dict[str, Any]) -> str:
    """The outlet and title of a stored event's article (extracted events have neither)."""
    outlet, title = event.get("document_source"), " ".join((event.get("title") or "").split())
    if len(title) > 60:
        title = title[:59] + "…"
    return ", ".join(p for p in (outlet, f"“{title}”" if title else "") if p)


def when(event: dict[str, Any]) -> str:
    """The event's own time: its value when dated, else its window, plus candidates."""
    time = event.get("time") or {}
    if event.get("dated") and time.get("value"):
        text = str(time["value"])
    elif time.get("earliest") and time.get("latest"):
        text = f"{time['earliest']}..{time['latest']}"
    elif time.get("earliest"):
        text = f"after {time['earliest']}"
    elif time.get("latest"):
        text = f"by {time['latest']}"
    elif event.get("ordered_by") == "dct":  # a stored event placed by its article date
        text = f"undated, reported {event['dct']}"
    else:
        text = "undated"
    candidates = [c["value"] for c in event.get("candidates") or []]
    return f"{text} (maybe {', '.join(candidates)})" if candidates else text


def _snippet(event: dict[str, Any], width: int = 90) -> str:
    evidence = event.get("evidence") or []
    text = " ".join(evidence[0]["sentence"].split()) if evidence else ""
    return text if len(text) <= width else text[: width - 1] + "…"


def format_events(events: Iterable[dict[str, Any]]) -> str:
    lines = [format_event(ev) for ev in events]
    return "\n".join(lines) if lines else "no events"


def format_merges(merges: Iterable[dict[str, Any]]) -> str:
    """One line per merge a user made: ``alias → actor  (merged at)``."""
    lines = [f"{m['alias']} → {m['actor_id']}  (merged {m['merged_at']})" for m in merges]
    return "\n".join(lines) if lines else "no merges"


def format_apart(pairs: Iterable[dict[str, Any]]) -> str:
    """One line per pair a user kept apart: ``actor ≠ other  (kept apart at)``."""
    lines = [f"{p['actor_id']} ≠ {p['other_id']}  (kept apart {p['noted_at']})" for p in pairs]
    return "\n".join(lines) if lines else "no actors kept apart"


def format_aliases(aliases: Iterable[dict[str, Any]]) -> str:
    """One line per alias: ``alias → actor  by name|merge, N documents, first..last: names``."""
    lines = [
        f"{a['alias']} → {a['actor_id']}  by {a['how']}, {a['documents']} documents, "
        f"{a['first_dct']}..{a['last_dct']}: {'; '.join(a['names'])}"
        for a in aliases
    ]
    return "\n".join(lines) if lines else "no aliases"
