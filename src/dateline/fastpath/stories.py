""":func:`dateline.link.query.story` and :func:`dateline.link.listing.list_stories` on a
sqlite3 or libpq connection: the same statements, and the dicts made by the same functions."""

from __future__ import annotations

from typing import Any

from dateline.fastpath.pending import build_stories
from dateline.fastpath.span import in_list
from dateline.fastpath.timeline import ID_LIST, _is_busy, actor_ids, rows_of
from dateline.link.settings import LIFECYCLE, default_settings
from dateline.link.story_view import check_state, list_entry

_COLUMNS = ("id", "type", "family", "status", "state", "dated", "value", "earliest", "latest",
            "granularity", "title", "articles", "events", "first_dct", "last_dct")  # fmt: skip
# dateline.span.span over a story: its own time, else the span of its reports
_LO = "coalesce(stories.earliest, stories.latest, stories.first_dct)"
_HI = "coalesce(stories.latest, stories.earliest, stories.last_dct)"


def story(conn: Any, story_id: str) -> dict[str, Any] | None:
    """One story with its state and history; None when unknown."""
    return build_stories(conn, [story_id], None, default_settings()).get(story_id)


def list_stories(
    conn: Any, filters: dict[str, str | None], limit: int | None
) -> list[dict[str, Any]]:
    """``dateline stories``: one entry per story, most recently reported first."""
    actor = filters.get("actor")
    named = actor_ids(conn, actor) if actor else None
    busy = bool(limit) and _is_busy(conn, actor, named)  # as dateline.link.listing
    where, params = _conditions({**filters, "actor_ids": named}, busy)
    order = "ORDER BY stories.last_dct DESC, stories.id"
    page, paged = ("LIMIT ? OFFSET ?", [limit, 0]) if limit else ("", [])
    columns = ", ".join(f"stories.{c}" for c in _COLUMNS)
    cursor = conn.execute(f"SELECT {columns} FROM stories{where} {order} {page}", params + paged)
    rows = [dict(zip(_COLUMNS, r, strict=True)) for r in cursor]
    if not rows:
        return []
    found = [r["id"] for r in rows]
    if len(found) <= ID_LIST:  # the page's ids, as dateline.link.listing.list_stories
        ids, given = in_list(found), found
    else:
        ids, given = f"SELECT stories.id FROM stories{where} {order} {page}", params + paged
    people = _participants(conn, ids, given)
    outlets = _outlets(conn, ids, given)
    return [list_entry(r, people.get(r["id"], []), outlets.get(r["id"], [])) for r in rows]


def _conditions(filters: dict[str, Any], busy: bool = False) -> tuple[str, list[Any]]:
    """:func:`dateline.link.listing.select_stories`' WHERE clause (dates already checked)."""
    conditions, params = [], []
    if filters.get("date_from"):
        conditions.append(f"{_HI} >= ?")
        params.append(filters["date_from"])
    if filters.get("date_to"):
        conditions.append(f"{_LO} <= ?")
        params.append(filters["date_to"])
    wanted = check_state(filters.get("state"))
    if wanted:
        conditions.append("stories.state = ?" if wanted in LIFECYCLE else "stories.status = ?")
        params.append(wanted)
    if kind := filters.get("type"):
        conditions.append("stories.type = ?")
        params.append(kind.upper())
    if actor := filters.get("actor"):
        # dateline.link.listing.stories_of_actor
        rows, given = rows_of(actor, filters.get("actor_ids"))
        if busy:
            on_event = "event_actors.event_id = events.id"
            conditions.append(
                "EXISTS (SELECT * FROM events WHERE events.story_id = stories.id AND "
                f"(EXISTS (SELECT * FROM event_actors WHERE {on_event} AND {rows})))"
            )
            params += given
            conditions.append("stories.last_dct > ?")  # ix_stories_last walked in order
            params.append("")
        else:
            events = f"SELECT event_actors.event_id FROM event_actors WHERE {rows}"
            conditions.append(
                f"stories.id IN (SELECT events.story_id FROM events WHERE events.id IN ({events}))"
            )
            params += given
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), params


def _participants(conn: Any, ids: str, params: list[Any]) -> dict[str, list[dict[str, str]]]:
    """:func:`dateline.link.listing._participants`."""
    query = (
        "SELECT events.story_id, event_actors.actor_id, actors.name FROM event_actors "
        "JOIN events ON events.id = event_actors.event_id "
        "LEFT OUTER JOIN actors ON actors.id = event_actors.actor_id "
        f"WHERE events.story_id IN ({ids}) ORDER BY events.story_id, event_actors.role, "
        "events.dct, events.id, event_actors.position"
    )
    out: dict[str, dict[str, dict[str, str]]] = {}
    for story_id, actor_id, name in conn.execute(query, params):
        out.setdefault(story_id, {}).setdefault(
            actor_id, {"id": actor_id, "name": name or actor_id}
        )
    return {story_id: list(people.values()) for story_id, people in out.items()}


def _outlets(conn: Any, ids: str, params: list[Any]) -> dict[str, list[str]]:
    """:func:`dateline.link.listing._outlets`."""
    query = (
        "SELECT events.story_id, documents.source FROM events "
        "JOIN documents ON documents.id = events.document_id "
        f"WHERE events.story_id IN ({ids}) AND documents.source IS NOT NULL "
        "GROUP BY events.story_id, documents.source "
        "ORDER BY events.story_id, min(events.dct), documents.source"
    )
    out: dict[str, list[str]] = {}
    for story_id, source in conn.execute(query, params):
        out.setdefault(story_id, []).append(source)
    return out
