"""A story as the reads show it — header, place, participants, history, candidates,
precursors, first and latest report — from its members and their details; no SQL, so that
:mod:`dateline.fastpath` builds the same dicts as :mod:`dateline.link.query`."""

from __future__ import annotations

from typing import Any

from dateline.errors import E_STORY_STATE
from dateline.link.compat import Member, PlaceInfo, shift
from dateline.link.settings import LIFECYCLE, STATUSES, LinkSettings
from dateline.link.state import ArticleState, StoryState, story_state

TIME_KEYS = ("value", "earliest", "latest", "granularity")


PendingKey = tuple[str, str, str]  # (earliest or "9999", first report's date, story id)


def pending_key(
    story_id: str, members: list[Member], day: str, settings: LinkSettings
) -> PendingKey | None:
    """The sort key of a story folded from its members up to ``day`` when it is pending
    then, else None."""
    state = story_state(members, settings)
    found = {"state": state.state, "time": state.time, "type": state.type,
             "latest_evidence": {"dct": state.articles[-1].dct}}  # fmt: skip
    if not is_pending(found, day, settings):
        return None
    return (state.time.get("earliest") or "9999", state.articles[0].dct, story_id)


def pending_keys(
    groups: dict[str, list[Member]], day: str, settings: LinkSettings
) -> list[PendingKey]:
    """:func:`pending_key` of each story of ``groups`` (its members by story id) that is
    pending as of ``day``, in the order of ``groups``."""
    keys = (pending_key(story_id, members, day, settings) for story_id, members in groups.items())
    return [key for key in keys if key is not None]


def is_pending(found: dict[str, Any], day: str, settings: LinkSettings) -> bool:
    """Announced, dated, rescheduled or postponed (``pending_states``), window not passed,
    and (when undated) not gone stale."""
    if found["state"] not in settings.pending_states:
        return False
    latest = found["time"].get("latest")
    if latest:
        return bool(latest >= day)
    stale = settings.stale_after(found["type"])
    return bool(shift(found["latest_evidence"]["dct"], stale) >= day)


def story_dict(
    story_id: str,
    members: list[Member],
    settings: LinkSettings,
    details: dict[str, dict[str, Any]],
    all_names: dict[str, str],
) -> dict[str, Any]:
    state = story_state(members, settings)
    mentioned = {p.id for m in members for p in m.participants}
    said = (details.get(m.id, {}).get("attribution") for m in members)
    mentioned |= {a for a in said if a}
    names = {i: all_names[i] for i in sorted(mentioned) if i in all_names}
    history = [_history_entry(a, state.type, details) for a in state.articles]
    return {
        **state.header(story_id, settings),
        "time": dict(state.time),
        "place": _place(members, settings).name,
        "participants": _participants(members, names),
        "candidates": _candidates(state, details),
        "facets": _facets(members, settings, details),
        "sources": list(dict.fromkeys(h["source"] for h in history if h["source"])),
        "articles": len(history),
        "first_announced": _first_announced(state, members, settings, details),
        "latest_evidence": _latest_evidence(state, settings, details),
        "history": history,
        "events": [m.id for m in members],
        "names": names,
    }


def story_summary(
    story_id: str, members: list[Member], settings: LinkSettings, all_names: dict[str, str]
) -> dict[str, Any]:
    """What a list of stories shows of one (``/api/pending?view=summary``): the fields of
    :func:`story_dict` that need no detail of its members (no evidence, outlet or title),
    with the dates of its first and last report."""
    state = story_state(members, settings)
    return {
        **state.header(story_id, settings),
        "time": dict(state.time),
        "place": _place(members, settings).name,
        "participants": _participants(members, all_names),
        "articles": len(state.articles),
        "first_dct": state.articles[0].dct,
        "last_dct": state.articles[-1].dct,
    }


# What :func:`row_summary` reads of a story's stored row (``stories``), id first.
ROW_COLUMNS = ("id", "type", "status", "state", "dated", *TIME_KEYS, "articles", "first_dct",
               "last_dct")  # fmt: skip


def row_summary(
    row: dict[str, Any], members: list[Member], settings: LinkSettings, all_names: dict[str, str]
) -> dict[str, Any]:
    """:func:`story_summary` of a story judged by all its reports (none after the as-of
    day), from its stored row (``ROW_COLUMNS``: the state the linker folded from them)
    instead of folding its members again; the members give its place and participants."""
    return {
        "id": row["id"],
        "type": row["type"],
        "family": settings.family(row["type"]),
        "status": row["status"],
        "state": row["state"],
        "dated": bool(row["dated"]),
        "time": {k: row[k] for k in TIME_KEYS},
        "place": _place(members, settings).name,
        "participants": _participants(members, all_names),
        "articles": row["articles"],
        "first_dct": row["first_dct"],
        "last_dct": row["last_dct"],
    }


def _participants(members: list[Member], names: dict[str, str]) -> list[dict[str, str]]:
    ids: dict[str, None] = {}
    for role in ("source", "target"):
        ids.update({p.id: None for m in members for p in m.participants if p.role == role})
    return [{"id": i, "name": names.get(i, i)} for i in ids]


def _place(members: list[Member], settings: LinkSettings) -> PlaceInfo:
    for m in reversed(members):
        if m.place.name and m.type not in settings.place_free_types:
            return m.place
    return PlaceInfo()


def _sentence(event_id: str, details: dict[str, dict[str, Any]]) -> str | None:
    evidence = details.get(event_id, {}).get("evidence") or []
    return evidence[0] if evidence else None


def _history_entry(
    art: ArticleState, kind: str, details: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    members = sorted(art.members, key=lambda m: m.type != kind)  # the story's own type first
    first = details.get(members[0].id, {})
    return {
        "dct": art.dct,
        "document_id": art.document_id,
        "title": first.get("title"),
        "source": first.get("source"),
        "url": first.get("url"),
        "status": art.status,
        "state": art.state,
        "time": art.time,
        "dated": art.time_kind == "dated",
        "postponed": any(m.postponed for m in art.members),
        "attribution": sorted(
            {
                details[m.id]["attribution"]
                for m in art.members
                if details.get(m.id, {}).get("attribution")
            }
        ),
        "evidence": [
            {
                "event_id": m.id,
                "type": m.type,
                "status": m.status,
                "sentence": _sentence(m.id, details),
            }
            for m in members
        ],
    }


def _candidates(state: StoryState, details: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Times offered for the event, after the last article that fixed or reset its date."""
    start = 0
    for index, art in enumerate(state.articles):
        if art.time_kind in ("dated", "reset"):
            start = index
    seen: dict[str, dict[str, Any]] = {}
    for art in state.articles[start:]:
        for m in art.members:
            offered = list(details.get(m.id, {}).get("candidates", []))
            if m.status == "possible" and m.dated and m.value:
                offered.append(
                    {
                        "value": m.value,
                        "status": "possible",
                        "text": details.get(m.id, {}).get("trigger") or m.type.lower(),
                    }
                )
            for c in offered:
                seen.setdefault(
                    c["value"], {**c, "dct": art.dct, "source": details.get(m.id, {}).get("source")}
                )
    return sorted(seen.values(), key=lambda c: (c["value"], c["dct"]))


def _facets(
    members: list[Member], settings: LinkSettings, details: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Precursor events (invitations) that announced the story."""
    return [
        {
            "event_id": m.id,
            "type": m.type,
            "status": m.status,
            "time": m.value or m.earliest,
            "by": details.get(m.id, {}).get("source_ids", []),
            "to": details.get(m.id, {}).get("target_ids", []),
            "dct": m.dct,
            "sentence": _sentence(m.id, details),
        }
        for m in members
        if settings.is_precursor(m.type)
    ]


def _first_announced(
    state: StoryState,
    members: list[Member],
    settings: LinkSettings,
    details: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    art = state.articles[0]
    lead = art.members[0]
    invites = sorted(
        (m for m in members if settings.is_precursor(m.type) and (m.value or m.earliest)),
        key=lambda m: (m.value or m.earliest or "", m.id),
    )
    if invites and (invites[0].value or invites[0].earliest or "") < art.dct:
        lead = invites[0]
    info = details.get(lead.id, {})
    by = (
        info.get("source_ids", [])
        if settings.is_precursor(lead.type)
        else [info.get("attribution")]
        if info.get("attribution")
        else []
    )
    return {
        "date": (lead.value or lead.earliest) if lead is not art.members[0] else art.dct,
        "dct": art.dct,
        "by": by,
        "type": lead.type,
        "source": details.get(art.members[0].id, {}).get("source"),
        "sentence": _sentence(lead.id, details),
    }


def _latest_evidence(
    state: StoryState, settings: LinkSettings, details: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    art = state.articles[-1]
    ranked = sorted(
        art.members,
        key=lambda m: (m.type != state.type, settings.is_precursor(m.type), settings.rank(m.type)),
    )
    lead = ranked[0]
    info = details.get(lead.id, {})
    said = (details.get(m.id, {}).get("attribution") for m in ranked)
    return {
        "dct": art.dct,
        "status": art.status,
        "type": lead.type,
        "attribution": info.get("attribution"),
        "attributions": list(dict.fromkeys(a for a in said if a)),
        "source": info.get("source"),
        "sentence": _sentence(lead.id, details),
    }


def check_state(state: str | None) -> str | None:
    """A lifecycle state ('under way', also written under-way or under_way) or a status,
    in lower case; a coded error otherwise."""
    if state is None:
        return None
    wanted = " ".join(state.strip().lower().replace("-", " ").replace("_", " ").split())
    if wanted not in LIFECYCLE and wanted not in STATUSES:
        choices = dict.fromkeys((*LIFECYCLE, *STATUSES))
        raise E_STORY_STATE(value=state, choices=", ".join(choices))
    return wanted


def list_entry(
    row: dict[str, Any], people: list[dict[str, str]], outlets: list[str]
) -> dict[str, Any]:
    """A ``stories`` row as ``dateline stories`` lists it, with its participants and outlets."""
    return {
        "id": row["id"],
        "type": row["type"],
        "family": row["family"],
        "status": row["status"],
        "state": row["state"],
        "dated": bool(row["dated"]),
        "time": {k: row[k] for k in TIME_KEYS},
        "title": row["title"],
        "participants": people,
        "sources": outlets,
        "articles": row["articles"],
        "events": row["events"],
        "first_dct": row["first_dct"],
        "last_dct": row["last_dct"],
    }
