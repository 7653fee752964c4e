"""Plain-text and file renderings of stored events for the CLI and exports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

EXPORT_FORMATS = ("csv", "jsonl")
CSV_COLUMNS = (
    "id", "document_id", "dct", "type", "plover", "status", "dated", "value", "earliest",
    "latest", "granularity", "source", "target", "location", "attribution", "story_id", "evidence",
)  # fmt: skip


def when(time: dict[str, Any]) -> str:
    """An event's time as one short string: the value, else the window."""
    if time.get("value"):
        return str(time["value"])
    lo, hi = time.get("earliest"), time.get("latest")
    if lo or hi:
        return f"{lo or '…'}..{hi or '…'}"
    return "undated"


def format_event(ev: dict[str, Any], width: int = 80) -> str:
    """One readable line: time, status, type, who → whom, where, evidence snippet."""
    who = ",".join(ev.get("source") or []) or "?"
    whom = ",".join(ev.get("target") or [])
    parts = [f"{when(ev.get('time') or {}):<22}", f"{ev['status']:<9}", f"{ev['type']:<10}", who]
    if whom:
        parts.append(f"→ {whom}")
    if ev.get("location"):
        parts.append(f"@ {ev['location']}")
    evidence = ev.get("evidence") or []
    if evidence:
        snippet = " ".join(evidence[0]["sentence"].split())
        parts.append(f'"{snippet[:width]}{"…" if len(snippet) > width else ""}"')
    return " ".join(parts)


def format_events(events: Iterable[dict[str, Any]]) -> str:
    lines = [format_event(ev) for ev in events]
    return "\n".join(lines) if lines else "no events"


def _flat(ev: dict[str, Any]) -> dict[str, Any]:
    time = ev.get("time") or {}
    row = {k: ev.get(k) for k in CSV_COLUMNS}
    row.update({k: time.get(k) for k in ("value", "earliest", "latest", "granularity")})
    row["source"] = ";".join(ev.get("source") or [])
    row["target"] = ";".join(ev.get("target") or [])
    row["evidence"] = " | ".join(e["sentence"] for e in ev.get("evidence") or [])
    return row


def export_events(events: Iterable[dict[str, Any]], fmt: str) -> str:
    """Events as CSV (one flat row each) or JSON Lines (the full event shape)."""
    if fmt == "jsonl":
        return "".join(json.dumps(ev, ensure_ascii=False) + "\n" for ev in events)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for ev in events:
        writer.writerow(_flat(ev))
    return out.getvalue()
