"""Read queries over stored events shared by the timeline and the story listing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Integer,
    Select,
    String,
    Text,
    any_,
    bindparam,
    column,
    exists,
    func,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.exc import DBAPIError

from dateline.store import schema as t

# An actor with at least this many event rows is "busy": a page of its timeline is found
# by walking the timeline's index and checking each event for the actor (a few hundred
# checks when the actor is in one event of five), not by sorting all its events. Below
# it, its events are fetched by the actor's index and sorted (at most this many).
BUSY_ACTOR = 4000


# An actor filter that stands for more actor ids than this (a short part of a name) keeps
# them in a subquery instead of naming them (see :func:`actor_ids`).
ACTOR_IDS = 500

ActorIds = tuple[str, ...] | None


def _named(actor: str) -> ColumnElement[bool]:
    """The ``actors`` rows an actor filter names: its id, or a name holding it (any case)."""
    ac = t.actors
    # "%" and "_" in the user's text are letters, not LIKE wildcards ("%" matched everyone)
    pattern = like_pattern(actor.lower())
    return or_(ac.c.id == actor, ac.c.name.ilike(pattern, escape="\\"))


def actor_ids(conn: Connection, actor: str | None) -> ActorIds:
    """The actor ids an actor filter stands for (the text as an id, and every actor whose
    id it is or whose name holds it), read once so that the event queries name them
    (:func:`with_actor`); None for no filter, or for more than :data:`ACTOR_IDS` ids.

    Named ids are what PostgreSQL's statistics know: for ``actor_id = X OR actor_id IN
    (SELECT …)`` it guessed half of ``event_actors`` and hashed all of a busy actor's
    210,625 rows to count its events of one month (380 ms at a million events)."""
    if not actor:
        return None
    query = select(t.actors.c.id).where(_named(actor)).limit(ACTOR_IDS + 1)
    found = {actor, *conn.execute(query).scalars()}
    return tuple(sorted(found)) if len(found) <= ACTOR_IDS else None


def _rows_of(actor: str, ids: ActorIds = None) -> ColumnElement[bool]:
    """``event_actors`` rows of an actor given by id or by part of a name (any case), or of
    the ``ids`` :func:`actor_ids` found for it."""
    ea = t.event_actors
    if ids is not None:
        return ea.c.actor_id.in_(ids)
    named = select(t.actors.c.id).where(_named(actor))
    return or_(ea.c.actor_id == actor, ea.c.actor_id.in_(named))


def events_of_actor(actor: str, ids: ActorIds = None) -> Any:
    """Ids of the events an actor takes part in, by id or by part of a name (any case)."""
    return select(t.event_actors.c.event_id).where(_rows_of(actor, ids))


def with_actor(actor: str, busy: bool = False, ids: ActorIds = None) -> ColumnElement[bool]:
    """The condition on ``events`` that keeps an actor's events: an IN list of its event
    ids, or for a ``busy`` actor (:func:`is_busy`) a check of each event read, so that
    a query ordered by an index stops after a page instead of sorting all its events.
    ``ids``: the actor ids :func:`actor_ids` found for it."""
    ea, ev = t.event_actors, t.events
    if busy:
        return exists().where(ea.c.event_id == ev.c.id, _rows_of(actor, ids))
    return ev.c.id.in_(events_of_actor(actor, ids))


def is_busy(
    conn: Connection, actor: str | None, threshold: int | None = None, ids: ActorIds = None
) -> bool:
    """Whether the actor has ``threshold`` (default :data:`BUSY_ACTOR`) event rows or
    more; reads at most that many."""
    if not actor:
        return False
    threshold = threshold or BUSY_ACTOR
    rows = select(literal(1)).select_from(t.event_actors).where(_rows_of(actor, ids))
    counted = select(func.count()).select_from(rows.limit(threshold).subquery())
    return int(conn.execute(counted).scalar_one()) >= threshold


def among(
    conn: Connection, column: ColumnElement[Any], values: Sequence[str] | Select[Any]
) -> ColumnElement[bool]:
    """``column IN values`` (a list or a query). PostgreSQL gets a list as one array
    parameter (``= ANY(:array)``, the same rows): a page's 330 member ids bound one by one
    cost SQLAlchemy and the driver 4 of the 4.3 ms of CPU of the statement naming them."""
    if not isinstance(values, list | tuple) or conn.dialect.name != "postgresql":
        return column.in_(values)
    return column == any_(bindparam(None, list(values), type_=ARRAY(String)))


# --- text in the evidence (q=) ------------------------------------------------------

# SQLite: an FTS5 table of trigrams over event_evidence.sentence (migration 10) and one
# over documents.title (migration 13), kept in step by triggers. A text of at least
# TRIGRAM characters is first looked up there; when it is in FREQUENT_TEXT sentences or
# more, a page is found by walking the timeline's index and checking each event's
# evidence and title (a few hundred checks), else the sentences and titles the indexes
# find are listed. Either way each sentence and title is checked with the same ILIKE as
# without the indexes, so the results are those of a scan of every sentence and title.
EVIDENCE_TEXT = "evidence_text"
TITLE_TEXT = "title_text"
TRIGRAM = 3
FREQUENT_TEXT = 4000


def text_plan(conn: Connection, q: str | None) -> str:
    """How to find the events whose evidence holds ``q``: "scan" (every sentence: no
    trigram index here, or ``q`` too short for one), "listed" (the sentences the index
    finds) or "checked" (each event read, for a text in many sentences); one statement."""
    wanted = (q or "").strip()
    if conn.dialect.name != "sqlite" or len(wanted) < TRIGRAM:
        return "scan"
    rows = f"SELECT 1 FROM {EVIDENCE_TEXT} WHERE {EVIDENCE_TEXT} MATCH :phrase LIMIT :cap"
    # The titles' table is named too (an empty subquery): without either, every text scans.
    titles = f"SELECT 1 FROM {TITLE_TEXT} LIMIT 0"
    try:
        found = conn.execute(
            text(f"SELECT count(*) FROM ({rows}) WHERE NOT EXISTS ({titles})"),
            {"phrase": fts_phrase(wanted), "cap": FREQUENT_TEXT},
        ).scalar_one()
    except DBAPIError:  # no such table: a database of a SQLite without FTS5 (or trigrams)
        return "scan"
    return "checked" if found >= FREQUENT_TEXT else "listed"


def fts_phrase(wanted: str) -> str:
    """``wanted`` as one FTS5 phrase: quoted, its quotes doubled (no query syntax)."""
    return '"' + wanted.replace('"', '""') + '"'


def like_pattern(wanted: str) -> str:
    """A LIKE pattern for text holding ``wanted``, in which "%", "_" and "\\" are letters."""
    return "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def mentioning(wanted: str, plan: str = "scan") -> ColumnElement[bool]:
    """The condition on ``events`` that keeps those whose evidence sentence or article
    title holds ``wanted``, any case, read as :func:`text_plan` says."""
    ev, evi, doc = t.events, t.event_evidence, t.documents
    pattern = like_pattern(wanted)
    said = evi.c.sentence.ilike(pattern, escape="\\")
    titled = doc.c.title.ilike(pattern, escape="\\")
    if plan == "checked":
        return or_(
            exists().where(evi.c.event_id == ev.c.id, said),
            exists().where(doc.c.id == ev.c.document_id, titled),
        )
    sentences = select(evi.c.event_id).where(said)
    titles = select(doc.c.id).where(titled)
    if plan == "listed":
        matching = text(f"SELECT rowid FROM {EVIDENCE_TEXT} WHERE {EVIDENCE_TEXT} MATCH :phrase")
        found = matching.bindparams(phrase=fts_phrase(wanted)).columns(column("rowid", Integer))
        sentences = sentences.where(evi.c.id.in_(found))
        titling = text(f"SELECT document_id FROM {TITLE_TEXT} WHERE {TITLE_TEXT} MATCH :title")
        named = titling.bindparams(title=fts_phrase(wanted)).columns(column("document_id", Text))
        titles = titles.where(doc.c.id.in_(named))
    return or_(ev.c.id.in_(sentences), ev.c.document_id.in_(titles))
