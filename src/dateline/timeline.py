"""The timeline: stored events in order of their own time, filtered by time, who, where, what.

An event sits on the timeline at its own interval ``[earliest, latest]``. A window
open at one end ("after 2007-11-21", "by 2019-06-30") counts as its known end only,
for the order and for the ``--from``/``--to`` range alike: an open end says when the
event cannot be, not when it is, so "after 2007-11-21" does not match 2018–2019. An
event without any time sits at its article date (dct) and says so
(``ordered_by: "dct"``). :mod:`dateline.span` holds that rule, which the list of
stories (:mod:`dateline.link.listing`) follows too.

Every request is a fixed number of SQL statements, whatever the number of events.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, select, union_all

from dateline.errors import E_COUNTRY
from dateline.filters import EventFilters
from dateline.link.schema import event_links
from dateline.query import event_shape
from dateline.span import GROUPS, check_range, overlapping_by_group, span
from dateline.store import schema as t
from dateline.store.queries import (
    ActorIds,
    actor_ids,
    among,
    events_of_actor,
    is_busy,
    mentioning,
    text_plan,
    with_actor,
)

_ISO3 = re.compile(r"[A-Za-z]{3}")


def check_country(code: str | None) -> str | None:
    """An ISO 3166 alpha-3 code in upper case; a coded error for anything else."""
    if code is None:
        return None
    from dateline.actors.geo import load_countries

    upper = code.strip().upper()
    if not _ISO3.fullmatch(upper) or upper not in load_countries():
        raise E_COUNTRY(value=code)
    return upper


def timeline(
    conn: Connection,
    filters: EventFilters | None = None,
    *,
    limit: int | None = None,
    offset: int | None = None,
    **given: str | None,
) -> list[dict[str, Any]]:
    """Events in timeline order, kept by ``filters`` (or the same filters given as
    keywords: ``timeline(conn, actor="kim-jong-un")``), each in the extraction-document
    shape plus ``document_id``, ``dct``, ``title``, ``document_source`` (the outlet),
    ``story_id`` and ``ordered_by`` (``"time"``, or ``"dct"`` for an event without any time).

    ``limit`` and ``offset`` page through the ordered list: a page is read from the
    index of the timeline's order (migration 7), not by sorting every kept event."""
    kept = EventFilters.of(filters, **given)
    named = actor_ids(conn, kept.actor)
    busy, text = is_busy(conn, kept.actor, ids=named), text_plan(conn, kept.q)
    wanted = select_event_ids(kept, busy=busy, text=text, ids=named)
    if not (limit or offset):
        return _events_in(conn, wanted)
    if kept.date_from and limit:
        page = _page_by_group(kept, busy, text, limit, offset or 0, named)
    else:
        page = wanted.order_by(*ORDER).limit(limit).offset(offset)
    query = event_rows().where(t.events.c.id.in_(page)).order_by(*ORDER)
    rows = [dict(r._mapping) for r in conn.execute(query)]
    # A short page's ids, not the page's query: its details then cost the page, not the
    # filter. A long one keeps the query (SQLite caps the values bound in one statement).
    ids = [r["id"] for r in rows]
    return with_details(conn, rows, ids if len(ids) <= ID_LIST else page) if rows else []


def _page_by_group(
    filters: EventFilters,
    busy: bool,
    text: str,
    limit: int,
    offset: int,
    ids: ActorIds = None,
) -> Select[Any]:
    """The ids of a page of events in a date range: the first ``offset + limit`` of each
    span group (each read in order from ``ix_events_span_group``, a bounded range of
    starts), then the page of those in timeline order. A range with one query over all
    groups made SQLite walk the timeline's index from the first event ever."""
    keys = [key.label(f"k{n}") for n, key in enumerate(ORDER[:-1])]
    firsts = [
        filtered(select(t.events.c.id, *keys), filters, busy, group, text, ids)
        .order_by(*ORDER)
        .limit(offset + limit)
        .subquery()
        for group in GROUPS
    ]
    found = union_all(*(select(first) for first in firsts)).subquery()
    order = [found.c[f"k{n}"] for n in range(len(keys))] + [found.c.id]
    return select(found.c.id).order_by(*order).limit(limit).offset(offset)


def event(conn: Connection, event_id: str) -> dict[str, Any] | None:
    """One stored event in the shape :func:`timeline` gives; None when unknown."""
    found = _events_in(conn, select(t.events.c.id).where(t.events.c.id == event_id))
    return found[0] if found else None


def _events_in(conn: Connection, wanted: Select[Any]) -> list[dict[str, Any]]:
    """The events whose ids ``wanted`` selects, in timeline order: four statements."""
    query = event_rows().where(t.events.c.id.in_(wanted))
    rows = [dict(r._mapping) for r in conn.execute(query.order_by(*ORDER))]
    return with_details(conn, rows, wanted) if rows else []


def event_rows(*extra: ColumnElement[Any]) -> Select[Any]:
    """Event rows with their article's ``title`` and outlet (``document_source``), and
    the ``extra`` columns of ``documents`` asked for; unfiltered, unordered."""
    ev, doc = t.events, t.documents
    query = select(ev, doc.c.title, doc.c.source.label("document_source"), *extra)
    return query.join(doc, doc.c.id == ev.c.document_id)


def select_event_ids(
    filters: EventFilters | None = None,
    *,
    busy: bool = False,
    text: str = "scan",
    ids: ActorIds = None,
    **given: str | None,
) -> Select[Any]:
    """The ids of the events :func:`timeline` keeps, unordered; a coded error for a bad
    date, range or country. ``busy``: the actor filter checks each event read
    (:func:`dateline.store.queries.with_actor`) instead of listing the actor's events;
    ``text``: how ``q`` is looked up (:func:`dateline.store.queries.text_plan`); ``ids``:
    the actor ids the actor filter stands for (:func:`dateline.store.queries.actor_ids`)."""
    kept = EventFilters.of(filters, **given)
    return filtered(select(t.events.c.id), kept, busy=busy, text=text, ids=ids)


def count_events(
    conn: Connection,
    filters: EventFilters | None = None,
    *,
    cap: int | None = None,
    **given: str | None,
) -> int:
    """How many events :func:`timeline` would return without a limit; with a ``cap``, at
    most ``cap`` (counting stops there: a bounded cost however many events match)."""
    kept = EventFilters.of(filters, **given)
    ids = actor_ids(conn, kept.actor)
    if kept.actor and not replace(kept, actor=None).any():
        # An actor alone: its distinct event ids in the actor index, no event read
        # (a busy actor's 200,000: 56 ms instead of 225; capped at 10,000: 9 instead of 176)
        wanted = events_of_actor(kept.actor, ids).distinct().limit(cap)
    elif cap is None:
        wanted = select_event_ids(kept, text=text_plan(conn, kept.q), ids=ids)
    else:  # a busy actor's events (a frequent text's) are found by reading events until the cap
        busy, text = is_busy(conn, kept.actor, ids=ids), text_plan(conn, kept.q)
        wanted = select_event_ids(kept, busy=busy, text=text, ids=ids).limit(cap)
    counted = select(func.count()).select_from(wanted.subquery())
    return int(conn.execute(counted).scalar_one())


ORDER = t.timeline_order()
ID_LIST = 1000  # at most this many ids bound in one IN (...) list


def filtered(
    query: Select[Any],
    filters: EventFilters,
    busy: bool = False,
    group: int | None = None,
    text: str = "scan",
    ids: ActorIds = None,
) -> Select[Any]:
    """``query`` (over ``events``, maybe joined) with the conditions of ``filters``; a coded
    error for a bad date, range or country. ``busy`` and ``text`` as for
    :func:`select_event_ids`; ``group``: only the events of that span group
    (:data:`dateline.span.SPAN_GROUPS`); ``ids``: the actor ids the actor filter stands
    for (:func:`dateline.store.queries.actor_ids`; None: found by a subquery)."""
    ev, doc = t.events, t.documents
    date_from, date_to = check_range(filters.date_from, filters.date_to)
    country = check_country(filters.country)
    lo, hi = span(ev.c.earliest, ev.c.latest, ev.c.dct)
    conditions = overlapping_by_group(lo, hi, date_from, date_to, group)
    if filters.actor:
        conditions.append(with_actor(filters.actor, busy, ids))
    if filters.type:
        conditions.append(ev.c.type == filters.type.upper())
    if filters.status:
        conditions.append(ev.c.status == filters.status.lower())
    if filters.place:
        conditions.append(func.lower(ev.c.location) == func.lower(filters.place.strip()))
    if country:
        in_country = select(event_links.c.event_id).where(event_links.c.place_country == country)
        conditions.append(ev.c.id.in_(in_country))
    if filters.source:
        outlet = func.lower(filters.source.strip())
        conditions.append(
            ev.c.document_id.in_(select(doc.c.id).where(func.lower(doc.c.source) == outlet))
        )
    if filters.story:
        conditions.append(ev.c.story_id == filters.story)
    if filters.q and filters.q.strip():
        conditions.append(mentioning(filters.q.strip(), text))
    return query.where(*conditions)


def with_details(
    conn: Connection, rows: list[dict[str, Any]], wanted: Select[Any] | Sequence[str]
) -> list[dict[str, Any]]:
    """``rows`` (from :func:`event_rows`) in the timeline's shape, with the participants,
    evidence and candidates of the ``wanted`` events (a query of their ids, or a page
    of ids): three statements."""
    ea, evi, cand = t.event_actors, t.event_evidence, t.event_candidates
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"source": [], "target": []})
    query = select(ea).where(among(conn, ea.c.event_id, wanted))
    query = query.order_by(ea.c.event_id, ea.c.position)
    for r in conn.execute(query):
        roles[r.event_id][r.role].append(r.actor_id)
    evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
    said = among(conn, evi.c.event_id, wanted)
    for r in conn.execute(select(evi).where(said).order_by(evi.c.id)):
        evidence[r.event_id].append({"start": r.start, "end": r.end, "sentence": r.sentence})
    cands: dict[str, list[dict[str, Any]]] = defaultdict(list)
    in_wanted = among(conn, cand.c.event_id, wanted)
    for r in conn.execute(select(cand).where(in_wanted).order_by(cand.c.id)):
        cands[r.event_id].append({"value": r.value, "status": r.status, "text": r.text})
    return [event_shape(r, roles[r["id"]], evidence[r["id"]], cands[r["id"]]) for r in rows]
