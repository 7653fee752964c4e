""":func:`dateline.link.query.pending_page` on a sqlite3 or libpq connection: the same
statements, and the stories folded and built by the same functions (:mod:`dateline.link.state`,
:mod:`dateline.link.story_view`)."""

from __future__ import annotations

from collections import namedtuple
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.collector import collector_paused
from dateline.fastpath import is_postgresql, no_limit
from dateline.fastpath.span import (
    END_GROUPS,
    SPAN_GROUPS,
    by_end_groups,
    in_list,
    overlapping_by_group,
)
from dateline.link.compat import Member, member_of_values, shift
from dateline.link.history import COLUMNS, judge
from dateline.link.settings import LinkSettings, default_settings
from dateline.link.story_view import (
    ROW_COLUMNS,
    PendingKey,
    pending_keys,
    row_summary,
    story_dict,
    story_summary,
)

MEMBER_LIST = 1000  # as dateline.link.query.MEMBER_LIST

# dateline.link.query._MEMBER_COLUMNS
_MEMBER_COLUMNS = (
    "events.id, events.document_id, events.dct, events.type, events.status, "
    "events.dated, events.value, events.earliest, events.latest, events.granularity, "
    "events.story_id, events.change, events.cue, event_links.participants, event_links.place, "
    "event_links.place_country, event_links.place_level, event_links.lo, event_links.hi, "
    "event_links.postponed"
)
_WIDTH = len(_MEMBER_COLUMNS.split(", "))  # 20: member_of_values' columns
_LINKED = "events JOIN event_links ON event_links.event_id = events.id"
_MEMBERS = f"SELECT {_MEMBER_COLUMNS} FROM {_LINKED}"
# dateline.link.query._DETAIL_COLUMNS: the members of stories built whole (after the
# member's columns: attribution, trigger, title, source, url)
_WHOLE = (
    f'SELECT {_MEMBER_COLUMNS}, events.attribution, events."trigger", documents.title, '
    f"documents.source, documents.url FROM {_LINKED} "
    "JOIN documents ON documents.id = events.document_id"
)


def pending(conn: Any, day: str, *, limit: int | None, offset: int) -> list[dict[str, Any]]:
    """A page of the stories pending as of ``day`` (ISO), as ``dateline pending`` lists them."""
    if is_postgresql(conn):
        return pending_page_pg(conn, day, limit=limit, offset=offset)[0]
    return pending_page(conn, day, limit=limit, offset=offset)[0]


RESOURCES = Path(__file__).parent / "resources"
# Pending's statement on PostgreSQL (dateline.link.pending_pg, as SQLAlchemy writes it:
# the fast path does not import SQLAlchemy) is kept once, in ``resources/pending_pg.sql``,
# with a mark where its eight forms differ: a page's limit (its ranking's and the stories
# before the page's), and how the stories of each group of END_GROUPS that meet the day
# are read (from their group's start, or by their end; :func:`dateline.span.by_end_groups`)
LIMIT_MARK, LIMIT = "{limit}", " \n LIMIT %(first)s::INTEGER"
_DAY = "%(day)s::VARCHAR"
_MEETS = f"stories.open_until >= {_DAY} AND stories.first_dct <= {_DAY}"


def group_mark(group: int) -> str:
    """The template's mark for how the stories of span group ``group`` are read."""
    return f"{{group{group}}}"


def group_read(group: int, by_end: bool) -> str:
    """What stands for :func:`group_mark` in the statement: the group's number and its
    stories that meet the day, as :func:`dateline.span.overlapping_by_group` writes them
    for PostgreSQL (the number written in where read by their end: the partial index of
    migration 29 holds only those groups)."""
    n = dict(SPAN_GROUPS)[group]
    if by_end:
        return f"{group} AND {_MEETS} AND stories.open_until <= %(day_{n}_end)s::VARCHAR"
    return f"{group}::INTEGER AND stories.first_dct >= %(day_{n})s::VARCHAR AND {_MEETS}"


def expand(template: str, limited: bool, ends: tuple[int, ...]) -> str:
    """``template`` with its marks filled for a page (``limited``) or all stories, the span
    groups ``ends`` read by their end."""
    parts = {LIMIT_MARK: LIMIT if limited else ""}
    parts.update({group_mark(g): group_read(g, g in ends) for g in END_GROUPS})
    for mark, part in parts.items():
        template = template.replace(mark, part)
    return template


@lru_cache(maxsize=8)
def statement(limited: bool, ends: tuple[int, ...]) -> str:
    """Pending's statement on PostgreSQL for whole stories, a page (``limited``) or all of
    them, the span groups ``ends`` read by their end."""
    template = (RESOURCES / "pending_pg.sql").read_text(encoding="utf-8")
    return expand(template, limited, ends)


# dateline.link.pending_pg._GENERIC and _DEFAULT: its statement alone on its generic plan
_GENERIC = "SET LOCAL plan_cache_mode = force_generic_plan"
_DEFAULT = "SET LOCAL plan_cache_mode TO DEFAULT"


@collector_paused()
def pending_page_pg(
    conn: Any, day: str, *, limit: int | None, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """:func:`dateline.link.pending_pg.pending_page` (whole stories) on a libpq connection:
    its statement (as SQLAlchemy writes it, :func:`statement`) and the page built
    from its rows by the same function."""
    from dateline.link.pending_rows import day_values, page_of_rows

    settings = default_settings()
    given: dict[str, Any] = {**day_values(day, settings), "offset": offset}
    if limit is not None:
        given["first"] = offset + limit
    sql = statement(limit is not None, by_end_groups(day))
    conn.run(_GENERIC)
    names, found = conn.rows_named(sql, given)  # the rows as one JSON text
    conn.run(_DEFAULT)
    row = namedtuple("row", names)  # type: ignore[misc]
    rows = [row(*r) for r in found]

    def build(missing: list[str], by_row: set[str]) -> dict[str, dict[str, Any]]:
        return build_stories(conn, missing, day, settings, False, by_row)

    return page_of_rows(rows, day, settings, limit=limit, offset=offset, summary=False, build=build)


@collector_paused()
def pending_page(
    conn: Any,
    day: str,
    *,
    limit: int | None,
    offset: int,
    summary: bool = False,
) -> tuple[list[dict[str, Any]], int]:
    """:func:`dateline.link.query.pending_page` with the packaged linking rules: a page and
    the number of all pending stories."""
    settings = default_settings()
    ends = by_end_groups(day)  # the year's and decade's spans late in them by their end
    open_on_day = overlapping_by_group(
        "stories.first_dct", "stories.open_until", day, day, None, ends
    )
    first = None if limit is None else offset + limit
    settled, settled_count, later = _settled(conn, day, settings, open_on_day, first)
    unsettled = _unsettled(conn, open_on_day, day, settings) if later else []
    ranked = sorted(settled + unsettled)
    page = ranked[offset : offset + limit] if limit is not None else ranked[offset:]
    ids = [story_id for *_, story_id in page]
    by_row = {story_id for *_, story_id in settled} if summary else set()
    found = build_stories(conn, ids, day, settings, summary, by_row)
    total = settled_count + len(ranked) - len(settled)
    return [{**found[story_id], "as_of": day} for *_, story_id in page], total


def _settled(
    conn: Any,
    day: str,
    settings: LinkSettings,
    open_on_day: tuple[list[str], list[Any]],
    first: int | None,
) -> tuple[list[PendingKey], int, bool]:
    """:func:`dateline.link.query._settled_pending`."""
    opened, opened_params = open_on_day
    statuses, states = sorted(settings.pending_statuses), sorted(settings.pending_states)
    undated = "(stories.latest IS NULL OR stories.latest = ?)"
    fresh, fresh_params = _fresh(day, settings)
    conditions = [
        *opened,
        "stories.last_dct <= ?",
        f"stories.status IN ({in_list(statuses)})",
        f"stories.state IN ({in_list(states)})",
        f"((NOT {undated} AND stories.latest >= ?) OR ({undated} AND {fresh}))",
    ]
    params = [*opened_params, day, *statuses, *states, "", day, "", *fresh_params]
    keys = "coalesce(nullif(stories.earliest, ?), ?), stories.first_dct, stories.id"
    later = " AND ".join([*opened, "stories.last_dct > ?"])
    query = (
        f"SELECT {keys}, count(*) OVER (), EXISTS (SELECT stories.id FROM stories WHERE {later}) "
        f"FROM stories WHERE {' AND '.join(conditions)} ORDER BY {keys} LIMIT ?"
    )
    limit = no_limit(conn) if first is None else first
    given = ["", "9999", *opened_params, day, *params, "", "9999", limit]
    rows = conn.execute(query, given).fetchall()
    if not rows:
        return [], 0, True
    return [(r[0], r[1], r[2]) for r in rows], rows[0][3], bool(rows[0][4])


def _fresh(day: str, settings: LinkSettings) -> tuple[str, list[Any]]:
    """:func:`dateline.link.query._fresh`."""
    speech = sorted(settings.speech_types)
    stale = shift(day, -settings.stale_days)
    if not speech:
        return "stories.last_dct >= ?", [stale]
    said = shift(day, -settings.speech_future_days)
    kinds = in_list(speech)
    sql = (
        f"((stories.type IN ({kinds}) AND stories.last_dct >= ?) "
        f"OR (stories.type NOT IN ({kinds}) AND stories.last_dct >= ?))"
    )
    return sql, [*speech, said, *speech, stale]


def _unsettled(
    conn: Any,
    open_on_day: tuple[list[str], list[Any]],
    day: str,
    settings: LinkSettings,
) -> list[PendingKey]:
    """:func:`dateline.link.query._unsettled_pending`."""
    opened, opened_params = open_on_day
    later = " AND ".join([*opened, "stories.last_dct > ?"])
    latest = "SELECT max(dct) FROM story_states WHERE story_id = stories.id AND dct <= ?"
    columns = ", ".join(f"h.{n}" if n != "story_id" else "stories.id" for n in COLUMNS)
    query = (
        f"SELECT stories.first_dct, {columns} FROM stories LEFT OUTER JOIN story_states AS h "
        f"ON h.story_id = stories.id AND h.dct = ({latest}) WHERE {later}"
    )
    keys, unknown = [], []
    for r in conn.execute(query, [day, *opened_params, day]):
        judged = judge(tuple(r[1:]), r[0], day, settings)
        if isinstance(judged, str):
            unknown.append(r[1])
        elif judged is not None:
            keys.append(judged)
    for start in range(0, len(unknown), MEMBER_LIST):
        chunk = unknown[start : start + MEMBER_LIST]
        where = f"events.story_id IN ({in_list(chunk)}) AND events.dct <= ?"
        keys += pending_keys(_members(conn, where, [*chunk, day], settings), day, settings)
    return keys


def build_stories(
    conn: Any,
    story_ids: list[str],
    day: str | None,
    settings: LinkSettings,
    summary: bool = False,
    by_row: set[str] | frozenset[str] = frozenset(),
) -> dict[str, dict[str, Any]]:
    """:func:`dateline.link.query.build_stories` for a list of story ids (judged by the
    articles up to ``day`` when given)."""
    if not story_ids:
        return {}
    where = f"events.story_id IN ({in_list(story_ids)})"
    given: list[Any] = list(story_ids)
    if day is not None:
        where, given = f"{where} AND events.dct <= ?", [*given, day]
    details: dict[str, dict[str, Any]] | None = None if summary else {}
    groups = _members(conn, where, given, settings, details)
    if not groups:
        return {}
    found = [m.id for members in groups.values() for m in members]
    if len(found) <= MEMBER_LIST:
        wanted, params = in_list(found), found
    else:
        wanted, params = f"SELECT events.id FROM events WHERE {where}", given
    ordered = {
        story_id: sorted(members, key=lambda m: (m.dct, m.id))
        for story_id, members in sorted(groups.items())
    }
    if details is None:
        names = _names(conn, wanted, params)
        rows = _rows(conn, [i for i in ordered if i in by_row])
        return {
            i: row_summary(rows[i], members, settings, names)
            if i in rows
            else story_summary(i, members, settings, names)
            for i, members in ordered.items()
        }
    names = _add_details(conn, wanted, params, details)
    return {i: story_dict(i, members, settings, details, names) for i, members in ordered.items()}


def _rows(conn: Any, story_ids: list[str]) -> dict[str, dict[str, Any]]:
    """:func:`dateline.link.query._rows`."""
    if not story_ids:
        return {}
    columns = ", ".join(f"stories.{n}" for n in ROW_COLUMNS)
    query = f"SELECT {columns} FROM stories WHERE stories.id IN ({in_list(story_ids)})"
    return {r[0]: dict(zip(ROW_COLUMNS, r, strict=True)) for r in conn.execute(query, story_ids)}


def _members(
    conn: Any,
    where: str,
    params: list[Any],
    settings: LinkSettings,
    details: dict[str, dict[str, Any]] | None = None,
) -> dict[str, list[Member]]:
    """:func:`dateline.link.query._members`."""
    query = f"{_MEMBERS} WHERE {where}" if details is None else f"{_WHOLE} WHERE {where}"
    groups: dict[str, list[Member]] = {}
    for r in conn.execute(query, params):  # _MEMBER_COLUMNS, then (whole) the details
        m = member_of_values(r, settings)
        groups.setdefault(m.story_id or "", []).append(m)
        if details is not None:
            attribution, trigger, title, source, url = r[_WIDTH:]
            details[m.id] = {"id": m.id, "type": m.type, "status": m.status,
                             "attribution": attribution, "trigger": trigger, "title": title,
                             "source": source, "url": url, "evidence": [], "candidates": [],
                             "source_ids": [], "target_ids": []}  # fmt: skip
    return groups


def _add_details(
    conn: Any, wanted: str, params: list[Any], details: dict[str, dict[str, Any]]
) -> dict[str, str]:
    """:func:`dateline.link.query._add_details`; the names of the actors taking part and
    quoted (:func:`_names`), read with the roles (one pass over ``event_actors``, not two)."""
    query = (
        f"SELECT event_id, sentence FROM event_evidence WHERE event_id IN ({wanted}) ORDER BY id"
    )
    for event_id, sentence in conn.execute(query, params):
        details[event_id]["evidence"].append(sentence)
    query = ("SELECT event_id, value, status, text FROM event_candidates "
             f"WHERE event_id IN ({wanted}) ORDER BY id")  # fmt: skip
    for event_id, value, status, text in conn.execute(query, params):
        details[event_id]["candidates"].append({"value": value, "status": status, "text": text})
    query = ("SELECT event_actors.event_id, event_actors.role, event_actors.actor_id, "
             "actors.name FROM event_actors LEFT OUTER JOIN actors "
             f"ON actors.id = event_actors.actor_id WHERE event_actors.event_id IN ({wanted}) "
             "ORDER BY event_actors.event_id, event_actors.position")  # fmt: skip
    names: dict[str, str] = {}
    for event_id, role, actor_id, name in conn.execute(query, params):
        details[event_id][f"{role}_ids"].append(actor_id)
        if name is not None:
            names[actor_id] = name
    query = f"SELECT id, name FROM actors WHERE id IN ({_quoted(wanted)})"
    names.update(conn.execute(query, params).fetchall())
    return names


def _quoted(wanted: str) -> str:
    """The ids of the actors quoted by the events ``wanted`` selects (their attribution)."""
    return f"SELECT attribution FROM events WHERE id IN ({wanted}) AND attribution IS NOT NULL"


def _names(conn: Any, wanted: str, params: list[Any]) -> dict[str, str]:
    """:func:`dateline.link.query._names`."""
    taking_part = f"SELECT actor_id FROM event_actors WHERE event_id IN ({wanted})"
    query = f"SELECT id, name FROM actors WHERE id IN ({taking_part}) OR id IN ({_quoted(wanted)})"
    return dict(conn.execute(query, [*params, *params]).fetchall())
