"""Read stories: one story with its history, lists, and the pending view."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Integer,
    Select,
    String,
    Subquery,
    and_,
    bindparam,
    func,
    or_,
    select,
    true,
    union_all,
)

from dateline.collector import collector_paused
from dateline.errors import E_AS_OF
from dateline.link.compat import Member, member_of_link_row
from dateline.link.history import COLUMNS, judge
from dateline.link.listing import select_stories
from dateline.link.pending_rows import assemble
from dateline.link.pending_rows import day_values as _day_values
from dateline.link.schema import event_links, story_states
from dateline.link.schema import stories as st
from dateline.link.settings import LinkSettings, default_settings
from dateline.link.story_view import (
    ROW_COLUMNS,
    PendingKey,
    pending_keys,
)
from dateline.span import GROUPS, by_end_groups, overlapping_by_group
from dateline.store import schema as t
from dateline.store.engine import reading, sqlite_snapshot
from dateline.store.queries import among

MEMBER_LIST = 1000  # at most this many member ids bound in one IN (...) list


def as_of_text(as_of: date | str) -> str:
    """An as-of date as ISO text; a clear error for anything else."""
    if isinstance(as_of, date):
        return as_of.isoformat()
    try:
        return date.fromisoformat(str(as_of).strip()).isoformat()
    except ValueError as exc:
        raise E_AS_OF(value=as_of) from exc


def story(
    conn: Connection,
    story_id: str,
    as_of: date | str | None = None,
    settings: LinkSettings | None = None,
) -> dict[str, Any] | None:
    """A story with its state and history (judged by articles up to ``as_of`` when given)."""
    day = as_of_text(as_of) if as_of is not None else None
    return build_stories(conn, [story_id], day, settings).get(story_id)


def stories(
    conn: Connection,
    status: str | None = None,
    type: str | None = None,
    actor: str | None = None,
    limit: int | None = 100,
    settings: LinkSettings | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Stories, most recently reported first, filtered by current status, type, actor or
    time (see :func:`dateline.link.listing.select_stories`); a fixed number of statements."""
    wanted = select_stories(status, type, actor, date_from, date_to, limit)
    order = [r.id for r in conn.execute(wanted)]
    found = build_stories(conn, wanted.with_only_columns(st.c.id), None, settings)
    return [found[i] for i in order if i in found]


def pending(
    conn: Connection,
    as_of: date | str,
    settings: LinkSettings | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stories announced, dated, rescheduled or postponed by articles up to ``as_of`` whose
    window is still open, soonest first; ``limit`` and ``offset`` page through them."""
    return pending_page(conn, as_of, settings, limit=limit, offset=offset)[0]


def pending_page(
    conn: Connection,
    as_of: date | str,
    settings: LinkSettings | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    summary: bool = False,
) -> tuple[list[dict[str, Any]], int]:
    """A page of :func:`pending` and the number of all pending stories; with ``summary``,
    each story as :func:`dateline.link.story_view.story_summary` gives it (its members'
    details are not read).

    A story whose every report is on or before ``as_of`` is judged by its stored row
    (its state as of then is its current state): in SQL, which also ranks them and
    returns only the first ``offset + limit`` with their number. Only the stories
    reported after ``as_of`` too are folded from their members up to it; then only the
    stories of the page are built whole.

    On SQLite with the packaged rules the statements are :mod:`dateline.fastpath`'s, sent
    through the ``sqlite3`` connection under ``conn`` in its read transaction (the same
    page: ``tests/test_fastpath.py``); SQLAlchemy's work per statement and row was a
    quarter of the page's CPU at a million events. On PostgreSQL with the packaged rules
    the page is one statement (:mod:`dateline.link.pending_pg`: the same page, ``tests/
    test_reads_paging.py``)."""
    # each of the three pages holds the cycle collector off itself
    settings = settings or default_settings()
    day = as_of_text(as_of)
    packaged = settings is default_settings()
    raw = sqlite_snapshot(conn) if packaged else None
    if raw is not None:
        from dateline.fastpath.pending import pending_page as sqlite_pending_page

        return sqlite_pending_page(raw, day, limit=limit, offset=offset, summary=summary)
    if packaged and conn.dialect.name == "postgresql":
        from dateline.link import pending_pg

        return pending_pg.pending_page(
            conn, day, settings, limit=limit, offset=offset, summary=summary
        )
    return sqlalchemy_pending_page(conn, day, settings, limit=limit, offset=offset, summary=summary)


def read_pending_page(
    engine: Engine,
    as_of: date | str,
    settings: LinkSettings | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    summary: bool = False,
) -> tuple[list[dict[str, Any]], int]:
    """:func:`pending_page` in a read of its own (:func:`dateline.store.engine.reading`).
    On PostgreSQL with the packaged rules, one round trip when the page's one statement
    tells it (:func:`dateline.link.pending_pg.page_alone`; else the page is read again in
    a ``reading()`` block, three round trips): the same page."""
    settings = settings or default_settings()
    day = as_of_text(as_of)
    if engine.dialect.name == "postgresql" and settings is default_settings():
        from dateline.link import pending_pg

        found = pending_pg.page_alone(
            engine, day, settings, limit=limit, offset=offset, summary=summary
        )
        if found is not None:
            return found
    with reading(engine) as conn:
        return pending_page(conn, day, settings, limit=limit, offset=offset, summary=summary)


@collector_paused()
def sqlalchemy_pending_page(
    conn: Connection,
    day: str,
    settings: LinkSettings,
    *,
    limit: int | None = None,
    offset: int = 0,
    summary: bool = False,
) -> tuple[list[dict[str, Any]], int]:
    """:func:`pending_page` through SQLAlchemy on any database (SQLite with other linking
    rules; PostgreSQL statement by statement): the stories ranked and counted in SQL,
    folded, then built."""
    packaged = settings is default_settings()
    first = None if limit is None else offset + limit
    settled, settled_count, later = _settled_pending(conn, day, settings, first)
    unsettled = _unsettled_pending(conn, day, settings) if later else []
    ranked = sorted(settled + unsettled)
    page = ranked[offset : offset + limit] if limit is not None else ranked[offset:]
    ids = [story_id for *_, story_id in page]
    # a summary of a story reported only up to the day is its stored row (the linker's fold
    # of every report), not a fold of its members again (on SQLite at a million events a
    # summary page as of the middle took 20-23 ms of CPU with the fold, 17 without); the
    # rows hold the packaged rules' fold
    by_row = {story_id for *_, story_id in settled} if summary and packaged else set()
    found = build_stories(conn, ids, day, settings, summary, by_row)
    total = settled_count + len(ranked) - len(settled)
    return [{**found[story_id], "as_of": day} for *_, story_id in page], total


def _settled_pending(
    conn: Connection, day: str, settings: LinkSettings, first: int | None
) -> tuple[list[PendingKey], int, bool]:
    """Sort keys of the first ``first`` (all when None) pending stories among those
    reported only up to ``day``, how many there are, and whether any story open on
    ``day`` was reported after it too (True when unknown: no row came back). A stored
    row is the story's state as of ``day``: pending when :func:`is_pending` holds of its
    state, time and last report date, and (the window reaching ``day``) a status still
    open."""
    query = _ranking(conn.dialect.name, settings, first is not None, by_end_groups(day))
    given = {**_day_values(day, settings), **({"first": first} if first is not None else {})}
    rows = conn.execute(query, given).all()
    if not rows:
        return [], 0, True
    return [(r[0], r[1], r[2]) for r in rows], rows[0][3], bool(rows[0][4])


# The as-of day of pending's statements, bound: they are built once per database kind and
# linking rules (_ranking, _states_on_day), not for each read (4-7 ms of SQLAlchemy's CPU
# per page on PostgreSQL at a million events, 2 now), and _day_values gives a day's values.
_DAY = bindparam("day", type_=String())


@lru_cache(maxsize=32)
def _ranking(
    dialect: str, settings: LinkSettings, limited: bool, ends: tuple[int, ...] = ()
) -> Select[Any]:
    """The statement of :func:`_settled_pending` (``first`` bound when ``limited``; the span
    groups ``ends`` read by their end, :func:`_open_on`)."""
    undated = or_(st.c.latest.is_(None), st.c.latest == "")
    status: ColumnElement[str] = st.c.status
    state: ColumnElement[str | None] = st.c.state
    if dialect == "postgresql":
        # checked on each index entry, not made index conditions: PostgreSQL 15 scans the
        # range once per pair of values of "status = ANY(…) AND state = ANY(…)" (eight
        # scans of the same range; the middle of a million events: 7 ms against 1)
        status, state = func.coalesce(status, ""), func.coalesce(state, "")
    conditions = [
        st.c.last_dct <= _DAY,
        status.in_(sorted(settings.pending_statuses)),
        state.in_(sorted(settings.pending_states)),
        or_(and_(~undated, st.c.latest >= _DAY), and_(undated, _fresh(settings))),
    ]
    found = _open_on([st.c.earliest, st.c.first_dct, st.c.id], conditions, ends)
    keys = [func.coalesce(func.nullif(found.c.earliest, ""), "9999"), found.c.first_dct, found.c.id]
    if dialect == "postgresql":  # the order of Python's str, as the ranking's
        keys = [key.collate("C") for key in keys]
    named = [k.label(n) for k, n in zip(keys, ("earliest_key", "first_key", "id_key"), strict=True)]
    later = select(st.c.id).where(*_open_on_day(), st.c.last_dct > _DAY).exists()
    query = select(*named, func.count().over().label("ranked"), later.label("later"))
    query = query.select_from(found).order_by(*named)
    return query.limit(bindparam("first", type_=Integer())) if limited else query


def _open_on_day(day: Any = _DAY) -> list[ColumnElement[bool]]:
    """Stories reported by ``day`` whose window reaches it: a bounded index range per span
    group."""
    return overlapping_by_group(st.c.first_dct, st.c.open_until, day, day)


def _open_on(
    columns: list[ColumnElement[Any]],
    conditions: list[ColumnElement[bool]],
    ends: tuple[int, ...] = (),
) -> Subquery:
    """``columns`` of the stories whose reporting window holds the (bound) day and that
    meet ``conditions``: one branch per span group, joined by UNION ALL (a story is in one
    group). PostgreSQL reads each branch from ``ix_stories_open_group`` alone, where the
    OR of the groups was a bitmap scan that read every candidate's row in the table (1,560
    pages for the 3,000 candidates of the middle of a million events); SQLite reads each
    from the index alone either way. The groups ``ends`` (:func:`dateline.span.
    by_end_groups` of the day) are read from ``ix_stories_open_end`` by their window's
    end instead (migration 29)."""
    branches = [
        select(*columns).where(
            *overlapping_by_group(
                st.c.first_dct, st.c.open_until, _DAY, _DAY, group, by_end=group in ends
            ),
            *conditions,
        )
        for group in GROUPS
    ]
    return union_all(*branches).subquery("open_on_day")


def _fresh(
    settings: LinkSettings,
    kind: ColumnElement[Any] = st.c.type,
    last: ColumnElement[Any] = st.c.last_dct,
) -> ColumnElement[bool]:
    """An undated story's last report (``last``) is recent enough for it to be pending on
    the day: as ``is_pending`` judges it, by the story type's (``kind``) ``stale_after`` (a
    statement announced without a date is made within ``speech_types``' future, anything
    else ``stale_days``; the days they reach back to are bound, :func:`_day_values`)."""
    speech = sorted(settings.speech_types)
    stale = last >= bindparam("stale_day", type_=String())
    if not speech:
        return stale
    said = last >= bindparam("said_day", type_=String())
    return or_(and_(kind.in_(speech), said), and_(kind.not_in(speech), stale))


def _unsettled_pending(conn: Connection, day: str, settings: LinkSettings) -> list[PendingKey]:
    """Sort keys of the pending stories among those open on ``day`` and reported after it
    too: each judged by its state as of ``day`` (``story_states``, migration 16) where
    that row tells it, else folded from its members up to ``day``, without their details."""
    if settings is not default_settings():  # the rows hold the packaged rules' states
        later = select(st.c.id).where(*_open_on_day(day), st.c.last_dct > day)
        return _folded_pending(conn, later, day, settings)
    keys, unknown = [], []
    statement = _states_on_day(conn.dialect.name, by_end_groups(day))
    for r in conn.execute(statement, _day_values(day, settings)):
        judged = judge(tuple(r[1:]), r[0], day, settings)
        if isinstance(judged, str):
            unknown.append(r[1])
        elif judged is not None:
            keys.append(judged)
    for start in range(0, len(unknown), MEMBER_LIST):
        keys += _folded_pending(conn, unknown[start : start + MEMBER_LIST], day, settings)
    return keys


@lru_cache(maxsize=16)
def _states_on_day(dialect: str, ends: tuple[int, ...] = ()) -> Select[Any]:
    """``stories.first_dct`` and the ``story_states`` row (``COLUMNS``, its story's id
    first) as of the day of each story open on the day and reported after it: the row
    with the greatest date up to it (the day bound, :func:`_day_values`)."""
    h = story_states
    if dialect == "postgresql":
        # one index lookup per story: with the subquery below PostgreSQL, expecting 15,000
        # candidate stories for 225, hashed all 390,000 rows (200 ms at a million events);
        # the stories from the index alone, by span group (_open_on)
        found = _open_on([st.c.id, st.c.first_dct], [st.c.last_dct > _DAY], ends)
        row = (
            select(*(h.c[n] for n in COLUMNS if n != "story_id"))
            .where(h.c.story_id == found.c.id, h.c.dct <= _DAY)
            .order_by(h.c.dct.desc())
            .limit(1)
            .lateral("state_on_day")
        )
        columns = [row.c[n] if n != "story_id" else found.c.id for n in COLUMNS]
        return select(found.c.first_dct, *columns).select_from(found.outerjoin(row, true()))
    dated = h.alias("dated")
    latest = (
        select(func.max(dated.c.dct))
        .where(dated.c.story_id == st.c.id, dated.c.dct <= _DAY)
        .correlate(st)
    )
    on_day = and_(h.c.story_id == st.c.id, h.c.dct == latest.scalar_subquery())
    columns = [h.c[n] if n != "story_id" else st.c.id for n in COLUMNS]
    later = [*_open_on_day(), st.c.last_dct > _DAY]
    return select(st.c.first_dct, *columns).select_from(st.outerjoin(h, on_day)).where(*later)


def _folded_pending(
    conn: Connection, story_ids: list[str] | Select[Any], day: str, settings: LinkSettings
) -> list[PendingKey]:
    """Sort keys of the pending stories among ``story_ids``, folded from their members up
    to ``day``."""
    ev = t.events
    groups = _members(conn, [among(conn, ev.c.story_id, story_ids), ev.c.dct <= day], settings)
    return pending_keys(groups, day, settings)


def build_stories(
    conn: Connection,
    story_ids: list[str] | Select[Any],
    day: str | None,
    settings: LinkSettings | None = None,
    summary: bool = False,
    by_row: set[str] | frozenset[str] = frozenset(),
) -> dict[str, dict[str, Any]]:
    """Story dicts by id for a list or a query of story ids, judged by articles up to ``day``
    when given: five statements however many stories and members (two for ``summary``:
    :func:`dateline.link.story_view.story_summary`, three when ``by_row`` names stories
    whose every report is up to ``day``: their summary is their stored row's,
    :func:`dateline.link.story_view.row_summary`)."""
    settings = settings or default_settings()
    ev = t.events
    member_ids = select(ev.c.id).where(ev.c.story_id.in_(story_ids))
    conditions: list[ColumnElement[bool]] = [among(conn, ev.c.story_id, story_ids)]
    if day is not None:
        member_ids = member_ids.where(ev.c.dct <= day)
        conditions.append(ev.c.dct <= day)
    # whole stories: each member's own details (attribution, trigger, its article's title,
    # outlet and URL) come with its row, not from a statement of their own
    details: dict[str, dict[str, Any]] | None = None if summary else {}
    groups = _members(conn, conditions, settings, details)
    if not groups:
        return {}
    # A page's members by their ids, not by the query again: PostgreSQL read the details
    # of 231 members by scanning every evidence and actor row (it guessed the query's size).
    # Many members keep the query (SQLite caps the values bound in one statement).
    found = [m.id for members in groups.values() for m in members]
    wanted = found if len(found) <= MEMBER_LIST else member_ids
    names = _names(conn, wanted)
    if details is None:
        rows = _rows(conn, [i for i in groups if i in by_row])
    else:
        _add_details(conn, wanted, details)
        rows = {}
    return assemble(groups, names, settings, details, rows, by_row)


def _rows(conn: Connection, story_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The stored rows (``ROW_COLUMNS``) of ``story_ids``, by id."""
    if not story_ids:
        return {}
    query = select(*(st.c[n] for n in ROW_COLUMNS)).where(among(conn, st.c.id, story_ids))
    return {r[0]: dict(zip(ROW_COLUMNS, r, strict=True)) for r in conn.execute(query)}


# What a story's fold reads of a member (dateline.link.linker.member_of_link_row): the
# other columns of events (trigger, attribution, …) are not fetched. ``change`` tells
# a cancellation from a plain denial, as the linker's fold does: without it a story the
# linker stored as cancelled was read back as postponed; ``cue`` tells a guest's visit read
# from a meeting abroad (``compat.guest_visit``), which does not type the story.
_MEMBER_COLUMNS = (
    *(t.events.c[n] for n in ("id", "document_id", "dct", "type", "status", "dated", "value",
                              "earliest", "latest", "granularity", "story_id", "change",
                              "cue")),
    *(event_links.c[n] for n in ("participants", "place", "place_country", "place_level", "lo",
                                 "hi", "postponed")),
)  # fmt: skip


# What a story's history shows of a member beyond its fold (dateline.link.story_view).
_DETAIL_COLUMNS = (
    *(t.events.c[n] for n in ("attribution", "trigger")),
    *(t.documents.c[n] for n in ("title", "source", "url")),
)


def _members(
    conn: Connection,
    conditions: list[ColumnElement[bool]],
    settings: LinkSettings,
    details: dict[str, dict[str, Any]] | None = None,
) -> dict[str, list[Member]]:
    """The members of stories that ``conditions`` on ``events`` keep, by story id; with
    ``details``, each member's entry of :func:`_add_details` begun there (its type,
    status, attribution, trigger and its article's title, outlet and URL)."""
    ev = t.events
    query = select(*_MEMBER_COLUMNS).join(event_links, event_links.c.event_id == ev.c.id)
    if details is not None:
        query = query.add_columns(*_DETAIL_COLUMNS).join(
            t.documents, t.documents.c.id == ev.c.document_id
        )
    names = [c.name for c in query.selected_columns]
    groups: dict[str, list[Member]] = {}
    for r in conn.execute(query.where(*conditions)):
        row = dict(zip(names, r, strict=True))
        m = member_of_link_row(row, settings)
        groups.setdefault(m.story_id or "", []).append(m)
        if details is not None:
            details[m.id] = {
                **{k: row[k] for k in _DETAIL_KEYS},
                "evidence": [],
                "candidates": [],
                "source_ids": [],
                "target_ids": [],
            }
    return groups


_DETAIL_KEYS = ("id", "type", "status", "attribution", "trigger", "title", "source", "url")


def _add_details(
    conn: Connection, ids: Select[Any] | list[str], details: dict[str, dict[str, Any]]
) -> None:
    """Evidence, candidates and roles of the events ``ids`` selects, added to their entries
    in ``details`` (begun by :func:`_members`): three statements."""
    evi, cand, ea = t.event_evidence, t.event_candidates, t.event_actors
    said = select(evi.c.event_id, evi.c.sentence).where(among(conn, evi.c.event_id, ids))
    for event_id, sentence in conn.execute(said.order_by(evi.c.id)):
        details[event_id]["evidence"].append(sentence)
    offered = select(cand.c.event_id, cand.c.value, cand.c.status, cand.c.text)
    offered = offered.where(among(conn, cand.c.event_id, ids))
    for event_id, value, status, text in conn.execute(offered.order_by(cand.c.id)):
        details[event_id]["candidates"].append({"value": value, "status": status, "text": text})
    roles = select(ea.c.event_id, ea.c.role, ea.c.actor_id).where(among(conn, ea.c.event_id, ids))
    for event_id, role, actor_id in conn.execute(roles.order_by(ea.c.event_id, ea.c.position)):
        details[event_id][f"{role}_ids"].append(actor_id)


def _names(conn: Connection, ids: Select[Any] | list[str]) -> dict[str, str]:
    """Names of the actors that take part in, or are quoted on, the events ``ids`` selects."""
    ev, ea, ac = t.events, t.event_actors, t.actors
    taking_part = select(ea.c.actor_id).where(among(conn, ea.c.event_id, ids))
    named = among(conn, ev.c.id, ids)
    quoted = select(ev.c.attribution).where(named, ev.c.attribution.is_not(None))
    query = select(ac.c.id, ac.c.name).where(or_(ac.c.id.in_(taking_part), ac.c.id.in_(quoted)))
    return {r.id: r.name for r in conn.execute(query)}
