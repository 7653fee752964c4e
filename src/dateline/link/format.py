"""Plain-text views of stories for the command line (``dateline story``, ``dateline pending``)."""

from __future__ import annotations

from typing import Any

WIDTH = 96


def format_time(time: dict[str, Any] | None, dated: bool = False) -> str:
    """A time as a reader wants it: the date when fixed, else its window, else 'no date set'."""
    time = time or {}
    if dated and time.get("value"):
        return str(time["value"])
    earliest, latest = time.get("earliest"), time.get("latest")
    if earliest and earliest == latest:
        return str(earliest)
    if earliest and latest:
        return f"between {earliest} and {latest}"
    if latest:
        return f"by {latest}"
    if earliest:
        return f"no date set (from {earliest})"
    return "no date set"


def _clip(text: str | None, width: int = WIDTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _name(story: dict[str, Any], actor_id: str) -> str:
    return str(story.get("names", {}).get(actor_id, actor_id))


def _people(story: dict[str, Any]) -> str:
    return ", ".join(
        f"{p['name']} ({p['id']})" if p["name"] != p["id"] else p["id"]
        for p in story["participants"]
    )


def _candidates(story: dict[str, Any]) -> str:
    parts = [
        f"{c['value']} ({c['status']}, “{_clip(c.get('text'), 40)}”)" for c in story["candidates"]
    ]
    return "; ".join(parts) or "none"


def _announced(story: dict[str, Any]) -> str:
    first = story["first_announced"]
    by = ", ".join(_name(story, b) for b in first.get("by") or [] if b)
    who = f" by {by}" if by else ""
    outlet = first.get("source") or "unknown source"
    return f"{first['date']}{who} ({first['type']}; reported {first['dct']}, {outlet})"


def _latest(story: dict[str, Any]) -> str:
    last = story["latest_evidence"]
    said = last.get("attributions") or []
    by = " by " + ", ".join(_name(story, a) for a in said) if said else ""
    outlet = last.get("source") or "unknown source"
    return f"{last['dct']}{by} ({outlet}): “{_clip(last.get('sentence'), 70)}”"


def _history_line(entry: dict[str, Any]) -> str:
    when = format_time(entry.get("time"), entry.get("dated", False)) if entry.get("time") else "-"
    if entry.get("postponed"):
        when = "postponed, " + when
    sentence = next((e["sentence"] for e in entry["evidence"] if e.get("sentence")), "")
    state = entry.get("state") or entry["status"] or "-"
    head = f"  {entry['dct']}  {state:<11} {when:<34} {entry.get('source') or '-'}"
    return head + (f"\n              “{_clip(sentence, 80)}”" if sentence else "")


def _state(story: dict[str, Any]) -> str:
    """The lifecycle state (the status for rows written before it existed)."""
    return str(story.get("state") or story["status"])


def _when(story: dict[str, Any]) -> str:
    return format_time(story["time"], story["dated"])


def format_story(story: dict[str, Any]) -> str:
    """A story with its state and one history line per article."""
    lines = [
        f"{story['id']}  {story['type']}  {_state(story)}  {_when(story)}",
        f"  participants: {_people(story)}",
        f"  place: {story.get('place') or 'unknown'}",
        f"  candidates: {_candidates(story)}",
        f"  first announced: {_announced(story)}",
        f"  latest evidence: {_latest(story)}",
        f"  sources ({len(story['sources'])}): {', '.join(story['sources']) or 'unknown'}",
        "  history:",
        *(_history_line(entry) for entry in story["history"]),
    ]
    return "\n".join(lines)


def format_pending(stories: list[dict[str, Any]]) -> str:
    """The pending view: one short block per announced story that has not happened yet."""
    if not stories:
        return "No pending stories."
    blocks = []
    for story in stories:
        blocks.append(
            "\n".join(
                [
                    f"{story['type']} {_state(story)}: {_people(story)}"
                    + (f" in {story['place']}" if story.get("place") else ""),
                    f"  when: {format_time(story['time'], story['dated'])}",
                    f"  candidates: {_candidates(story)}",
                    f"  first announced: {_announced(story)}",
                    f"  latest evidence: {_latest(story)}",
                    f"  story: {story['id']} ({story['articles']} article(s))",
                ]
            )
        )
    as_of = stories[0].get("as_of")
    head = (
        f"Pending as of {as_of}: {len(stories)} stor{'y' if len(stories) == 1 else 'ies'}\n\n"
        if as_of
        else ""
    )
    return head + "\n\n".join(blocks)


def _list_entry(entry: dict[str, Any]) -> str:
    reports = f"{entry['articles']} report{'' if entry['articles'] == 1 else 's'}"
    head = (
        f"{entry['id']}  {entry['type']} {_state(entry)}  "
        f"{format_time(entry['time'], entry['dated'])}  ({reports}, last {entry['last_dct']})"
    )
    people = ", ".join(p["name"] for p in entry["participants"]) or "no participants"
    outlets = ", ".join(entry["sources"]) or "unknown source"
    title = f"  “{_clip(entry['title'], 80)}”" if entry.get("title") else ""
    return f"{head}\n  {_clip(people, 60)} — {_clip(outlets, 40)}{title}"


def format_stories(entries: list[dict[str, Any]]) -> str:
    """The list of stories: a head line (id, type, state, time, reports) and who, where from."""
    if not entries:
        return "No stories."
    return "\n".join(_list_entry(e) for e in entries)
