"""A page of pending stories on PostgreSQL in one statement (issue 14, seventh round).

:func:`dateline.link.query.sqlalchemy_pending_page` sends five to eight statements for a
page (the ranking, the stories reported after the day, the page's members, their names,
the stored rows; whole stories their evidence, candidates and roles too), each a round
trip to the server and back; on a loaded machine each trip waits for the server's
process and then the client's to get a core again. Here the same page is one
statement: the ranking and the later stories' rows judged as
:func:`dateline.link.history.judge` judges them (in SQL, with the same bound days), the
page ranked from both, and one row per member of the page's stories with its story's
stored row, its actors' names and (whole) its details, the lists of them as JSON built
by the server. Python then builds the same dicts from them as ``build_stories`` does.
The server works a little more than for the separate statements (bench/RESULTS.md).

Only with the packaged linking rules (``story_states`` holds their states). A story
whose rows do not tell its state as of the day (a report of an earlier day added since)
comes back with its reports and is folded here; the statement then also returns the
stories ranked before the page, which such a story may push into it.
"""

from __future__ import annotations

import json
import re
from contextlib import suppress
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Engine,
    Integer,
    Select,
    String,
    and_,
    any_,
    bindparam,
    cast,
    false,
    func,
    null,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by

from dateline.collector import collector_paused
from dateline.link.pending_rows import MEMBER_KEYS, page_of_rows
from dateline.link.schema import event_links
from dateline.link.schema import stories as st
from dateline.link.settings import LinkSettings
from dateline.link.story_view import ROW_COLUMNS
from dateline.span import by_end_groups
from dateline.store import schema as t


@collector_paused()
def pending_page(
    conn: Connection,
    day: str,
    settings: LinkSettings,
    *,
    limit: int | None,
    offset: int,
    summary: bool,
) -> tuple[list[dict[str, Any]], int]:
    """:func:`dateline.link.query.pending_page` on PostgreSQL with the packaged rules: one
    statement, and a second only when stories folded from their reports push stories the
    statement ranked before the page into it."""
    from dateline.link.query import build_stories

    sql, given = _page_statement(day, settings, limit=limit, offset=offset, summary=summary)
    rows = _generic(conn, sql, given)

    def build(missing: list[str], by_row: set[str]) -> dict[str, dict[str, Any]]:
        return build_stories(conn, missing, day, settings, summary, by_row)

    return page_of_rows(rows, day, settings, limit=limit, offset=offset, summary=summary,
                        build=build)  # fmt: skip


def _page_statement(
    day: str, settings: LinkSettings, *, limit: int | None, offset: int, summary: bool
) -> tuple[str, dict[str, Any]]:
    """The page's one statement and its bound values, as both readers send it."""
    from dateline.link.query import _day_values

    given = {**_day_values(day, settings), "offset": offset}
    if limit is not None:
        given["first"] = offset + limit
    return _sql(settings, limit is not None, not summary, tuple(given), by_end_groups(day)), given


class _NotAlone(Exception):
    """The page needs a second statement on the read's snapshot (:func:`page_alone`)."""


@collector_paused()
def page_alone(
    engine: Engine,
    day: str,
    settings: LinkSettings,
    *,
    limit: int | None,
    offset: int,
    summary: bool,
) -> tuple[list[dict[str, Any]], int] | None:
    """:func:`pending_page` as a read of its own, in one round trip: the read's
    transaction begun with its settings (:func:`dateline.store.engine.reading`'s), the
    statement on its generic plan and COMMIT, sent in one pipeline. A page read in a
    ``reading()`` block is three round trips (BEGIN with the settings, the statement,
    COMMIT), each a wait for the server's process and then the client's on a loaded
    machine. None when the page needs a second statement on the same snapshot (a story
    its rows do not tell pushed the stories ranked before the page into it), or the
    driver is not psycopg: the caller then reads the page in a ``reading()`` block."""
    from dateline.store.engine import BEGIN_READ_STATEMENTS

    sql, given = _page_statement(day, settings, limit=limit, offset=offset, summary=summary)
    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        if type(driver).__module__.split(".")[0] != "psycopg":
            return None
        from psycopg.rows import namedtuple_row

        assert driver is not None
        conn.execution_options(isolation_level="AUTOCOMMIT")
        cursor = driver.cursor(row_factory=namedtuple_row)
        cursor.adapters.register_loader("json", _json_loader())
        conn.dispatch.before_cursor_execute(conn, cursor, sql, given, None, False)
        try:
            with driver.pipeline():
                for statement in BEGIN_READ_STATEMENTS:
                    driver.execute(statement)
                driver.execute(_GENERIC)
                cursor.execute(sql, given, prepare=True)
                driver.execute("COMMIT")
                rows = cursor.fetchall()
        except BaseException:
            with suppress(Exception):  # the error that ended the read is the one to raise
                driver.execute("ROLLBACK")
            raise
        conn.dispatch.after_cursor_execute(conn, cursor, sql, given, None, False)

    def build(missing: list[str], by_row: set[str]) -> dict[str, dict[str, Any]]:
        raise _NotAlone

    try:
        return page_of_rows(rows, day, settings, limit=limit, offset=offset, summary=summary,
                            build=build)  # fmt: skip
    except _NotAlone:
        return None


# pending's statement runs on its generic plan (planned once per connection, not on every
# page): set for it alone, in the same round trip (see _generic)
_GENERIC = "SET LOCAL plan_cache_mode = force_generic_plan"
_DEFAULT = "SET LOCAL plan_cache_mode TO DEFAULT"


def _generic(conn: Connection, sql: str, given: dict[str, Any]) -> list[Any]:
    """The rows of ``sql`` (psycopg's, bound ``given``) run as a prepared statement on its
    generic plan, with only the statement so planned.

    PostgreSQL plans a prepared statement anew on every run while it judges its plan for
    the run's values cheaper than the generic one; for pending's statement it always
    did (2-3 ms of the server's CPU a page, bench/RESULTS.md). ``plan_cache_mode`` is
    read when a statement runs, so it is set just before this one and set back to the
    server's default just after: the reads' other statements (a busy actor's page,
    whose actor ids are named for the planner) keep their custom plans. The three are
    sent in one pipeline, one round trip; SET LOCAL ends with the read's transaction in
    any case. The statement passes SQLAlchemy's cursor events as every other statement
    of a read does (what listens to them, counters and tests, sees it). Another driver
    (psycopg2) runs it as any statement, on the plans the server chooses."""
    driver = conn.connection.driver_connection
    if type(driver).__module__.split(".")[0] != "psycopg":
        return list(conn.exec_driver_sql(sql, given))
    from psycopg.rows import namedtuple_row

    assert driver is not None
    cursor = driver.cursor(row_factory=namedtuple_row)
    cursor.adapters.register_loader("json", _json_loader())
    conn.dispatch.before_cursor_execute(conn, cursor, sql, given, None, False)
    with driver.pipeline():
        driver.execute(_GENERIC)
        cursor.execute(sql, given, prepare=True)
        driver.execute(_DEFAULT)
        rows = cursor.fetchall()
    conn.dispatch.after_cursor_execute(conn, cursor, sql, given, None, False)
    return rows


@lru_cache(maxsize=1)
def _json_loader() -> type:
    """psycopg's loader of ``json`` for pending's statement: its JSON values are the
    server's ``json_build_array``s (text that starts with the value itself), parsed by
    the decoder's ``raw_decode`` of the text; psycopg's own gives ``json.loads`` the
    bytes, which first detects their encoding: two thirds of the cost of a page's 329
    values, 0.1-1.3 ms of the client's CPU a page at load 11."""
    from psycopg.types.json import JsonLoader

    decode = json.JSONDecoder().raw_decode

    class BuiltArray(JsonLoader):
        def load(self, data: Any) -> Any:
            return decode(str(data, "utf-8"))[0]

    return BuiltArray


@lru_cache(maxsize=32)
def _sql(
    settings: LinkSettings,
    limited: bool,
    whole: bool,
    given: tuple[str, ...],
    ends: tuple[int, ...] = (),
) -> str:
    """:func:`_statement` for psycopg, with every value it holds itself (the linking rules'
    states, types and the span groups' numbers) written into its text: only ``given``,
    what each read binds (the day, its prefixes, the paging), stays a parameter. A value
    bound as a parameter is unknown to the generic plan, which then estimates the
    span groups' ranges and the rules' IN lists blindly; written in, the generic plan is
    the custom plans' own (same indexes, same joins; ``EXPLAIN``)."""
    from sqlalchemy.dialects.postgresql.psycopg import dialect

    compiled = _statement(settings, limited, whole, ends).compile(dialect=dialect())
    expanded = compiled.construct_expanded_state({name: "" for name in given})
    held = {k: v for k, v in expanded.parameters.items() if k not in given}

    def written(match: re.Match[str]) -> str:
        name = match.group(1)
        return match.group(0) if name in given else _literal(held[name])

    return _PARAMETER.sub(written, expanded.statement)


_PARAMETER = re.compile(r"%\((\w+)\)s")


def _literal(value: Any) -> str:
    """A constant of the statement as SQL text (they are numbers and plain strings)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"not a constant of pending's statement: {value!r}")
    if isinstance(value, int):
        return str(value)
    return "'" + value.replace("'", "''").replace("%", "%%") + "'"  # psycopg's %% for %


@lru_cache(maxsize=32)
def _statement(
    settings: LinkSettings, limited: bool, whole: bool, ends: tuple[int, ...] = ()
) -> Select[Any]:
    """The one statement (see the module), built once per rules, paging, view and the span
    groups read by their end (:func:`dateline.span.by_end_groups` of the day)."""
    from dateline.link.query import _DAY, _fresh, _ranking, _states_on_day

    # CTEs: each is read twice or more (the page and the counts) but worked out once
    ranking = _ranking("postgresql", settings, limited, ends).cte("settled")
    later = _states_on_day("postgresql", ends).cte("later")
    r, s = ranking.c, later.c
    # judge(): the row tells the state as of the day when it is dated up to the day and
    # its next report (if any) comes after it; pending as is_pending() says
    told = and_(s.dct.is_not(None), or_(s.next_dct.is_(None), s.next_dct > _DAY))
    undated = or_(s.latest.is_(None), s.latest == "")
    pending = and_(
        told,
        s.state.in_(sorted(settings.pending_states)),
        or_(and_(~undated, s.latest >= _DAY), and_(undated, _fresh(settings, s.type, s.dct))),
    )
    keys = [func.coalesce(func.nullif(s.earliest, ""), "9999"), s.first_dct, s.id]
    # the keys are compared as Python compares str (collation "C"), the id beside them as
    # the tables hold it, so that the page's rows are found by their indexes
    candidates = union_all(
        select(r.earliest_key, r.first_key, r.id_key, r.id_key.collate("default").label("story"),
               true().label("settled")),
        select(*(k.collate("C") for k in keys), s.id, false()).where(pending),
    ).subquery("candidates")  # fmt: skip
    c = candidates.c
    order = [c.earliest_key, c.first_key, c.id_key]
    position = func.row_number().over(order_by=order).label("position")
    ranked = select(c.earliest_key, c.first_key, c.story, c.settled, position).order_by(*order)
    if limited:
        ranked = ranked.limit(bindparam("first", type_=Integer()))
    top = ranked.cte("ranked")
    folds = select(func.count()).select_from(later).where(~told).scalar_subquery()
    # the page; the stories ranked before it only when stories folded in Python may push
    # some of them into it; the stories whose rows do not tell, to be folded
    wanted = union_all(
        select(*top.c).where(or_(top.c.position > bindparam("offset", type_=Integer()),
                                 folds > 0)),
        select(null(), null(), s.id, false(), null()).where(~told),
    ).cte("wanted")  # fmt: skip
    settled_n = select(func.coalesce(func.max(r.ranked), 0)).scalar_subquery()
    later_n = select(func.count()).select_from(later).where(pending).scalar_subquery()
    totals = select((settled_n + later_n).label("total")).subquery("totals")
    w = wanted.c
    detailed = or_(w.position.is_(None), w.position > bindparam("offset", type_=Integer()))
    # one row per member of a story whose members are wanted; the stories' ids as one
    # array, so that PostgreSQL finds their members by ix_events_story_id (joined to the
    # page, it hashed every event up to the day)
    ev = t.events
    ids = cast(select(func.array_agg(w.story)).where(detailed).scalar_subquery(), ARRAY(String))
    fields, members = _member_fields(whole)
    mine = and_(ev.c.story_id == any_(ids), ev.c.story_id == w.story, ev.c.dct <= _DAY)
    columns = [
        totals.c.total,
        *w,
        *(st.c[n].label(f"row_{n}") for n in ROW_COLUMNS),
        *fields,
    ]
    joined = totals.outerjoin(wanted, true()).outerjoin(st, st.c.id == w.story)
    joined = joined.outerjoin(members, mine)
    return select(*columns).select_from(joined).order_by(w.position, w.story, ev.c.id)


def _member_fields(whole: bool) -> tuple[list[ColumnElement[Any]], Any]:
    """What a member's row holds (``MEMBER_KEYS``; for whole stories ``DETAIL_KEYS``; then
    one JSON array of the rest, ``[actors, quoted]`` or ``[actors, quoted, evidence,
    candidates]``) and the tables it is read from. ``actors`` lists each of its actors'
    role, id and name in order (its roles, and the names of those taking part), ``quoted``
    the id and name of whoever it is attributed to. One JSON value per member, not one
    per list: psycopg parses each JSON value of a row by itself (1,300 of them for a
    whole page of 100 stories at a million events), and the roles and names are one
    lookup of the member's actors, not two."""
    ev, el = t.events, event_links
    fields: list[ColumnElement[Any]] = [
        *(ev.c[n] for n in MEMBER_KEYS if n in ev.c),
        *(el.c[n] for n in MEMBER_KEYS if n not in ev.c),
    ]
    assert [f.name for f in fields] == list(MEMBER_KEYS)
    # the names by actors' key (dateline.link.query._names; an IN list of a story's ids
    # made PostgreSQL read all 5,000 actors for each story of the page: 1 ms each)
    ea, ac = t.event_actors, t.actors
    actor = func.json_build_array(ea.c.role, ea.c.actor_id, ac.c.name)
    actors = (
        select(func.json_agg(aggregate_order_by(actor, ea.c.position)))
        .select_from(ea.outerjoin(ac, ac.c.id == ea.c.actor_id))
        .where(ea.c.event_id == ev.c.id)
    )
    quoted = select(func.json_build_array(ac.c.id, ac.c.name)).where(ac.c.id == ev.c.attribution)
    lists: list[ColumnElement[Any]] = [actors.scalar_subquery(), quoted.scalar_subquery()]
    joined = ev.join(el, el.c.event_id == ev.c.id)
    if whole:
        doc, evi, cand = t.documents, t.event_evidence, t.event_candidates
        joined = joined.join(doc, doc.c.id == ev.c.document_id)
        sentences = func.json_agg(aggregate_order_by(evi.c.sentence, evi.c.id))
        offered = func.json_build_array(cand.c.value, cand.c.status, cand.c.text)
        fields += [ev.c.attribution, ev.c.trigger, doc.c.title, doc.c.source, doc.c.url]
        lists += [
            select(sentences).where(evi.c.event_id == ev.c.id).scalar_subquery(),
            select(func.json_agg(aggregate_order_by(offered, cand.c.id)))
            .where(cand.c.event_id == ev.c.id)
            .scalar_subquery(),
        ]
    fields.append(func.json_build_array(*lists))
    return [f.label(f"m{n}") for n, f in enumerate(fields)], joined


def fast_path_statements() -> dict[tuple[bool, tuple[int, ...]], str]:
    """Pending's statement as :mod:`dateline.fastpath` sends it (whole stories, the packaged
    rules), by paging and span groups read by their end: the fast path expands them from
    one template (:func:`dateline.fastpath.pending.statement`; it does not import
    SQLAlchemy); ``tests/test_fastpath.py`` checks that they are these. Write the template
    again with
    ``python -c "from dateline.link.pending_pg import write_fast_path_statements as w; w()"``."""
    from dateline.fastpath.span import END_GROUPS
    from dateline.link.query import _day_values
    from dateline.link.settings import default_settings

    settings = default_settings()
    keys = tuple(_day_values("2000-01-01", settings))
    found = {}
    for limited in (False, True):
        given = (*keys, "offset", *(["first"] if limited else []))
        for ends in ((), *((g,) for g in END_GROUPS), END_GROUPS):
            found[limited, ends] = _sql(settings, limited, True, given, ends) + "\n"
    return found


def fast_path_template() -> str:
    """The fast path's template of :func:`fast_path_statements`: a page's statement with
    every group read by its end, the parts that vary marked; an error if it does not
    expand into each of them."""
    from dateline.fastpath import pending as fast

    found = fast_path_statements()
    template = found[True, fast.END_GROUPS]
    template = template.replace(fast.LIMIT, fast.LIMIT_MARK)
    for g in fast.END_GROUPS:
        template = template.replace(fast.group_read(g, True), fast.group_mark(g))
    for (limited, ends), sql in found.items():
        if fast.expand(template, limited, ends) != sql:
            raise ValueError(f"the fast path's marks miss a part of the statement {limited, ends}")
    return template


def write_fast_path_statements() -> None:
    """Write :func:`fast_path_template` into the fast path's resources."""
    from dateline.fastpath.pending import RESOURCES

    (RESOURCES / "pending_pg.sql").write_text(fast_path_template(), encoding="utf-8")
