"""The FastAPI application behind ``dateline serve``: the read API over a read-only
connection, ``POST /api/articles`` when a token is set, and the web page at ``/``.

Each route checks its parameters, opens one read-only connection and calls the library
function the matching command uses (``timeline``, ``stories``, ``story``, ``pending``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Connection, Engine

from dateline import __version__
from dateline.errors import (
    E_DOCUMENT_NOT_FOUND,
    E_EVENT_NOT_FOUND,
    E_HTTP_DATE,
    E_HTTP_STATUS,
    E_STORY_NOT_FOUND,
)
from dateline.link.settings import STATUSES
from dateline.store.engine import reading
from dateline.web.articles import ArticleWriter, read_body, writer_of
from dateline.web.cache import AnswerCache, SqliteVersion
from dateline.web.database import data_version, prepare, read_only_engine
from dateline.web.http import SecurityHeaders, add_error_handlers

STATIC = Path(str(files("dateline.web") / "static"))
T = TypeVar("T")

Text = Annotated[str | None, Query()]
From = Annotated[str | None, Query(alias="from", description="YYYY-MM-DD; overlapping count")]
To = Annotated[str | None, Query(description="YYYY-MM-DD; overlapping windows count")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000)]
# What the read routes answer, for the OpenAPI schema: they return their JSON themselves
# (_json), since FastAPI's check and conversion of a dict[str, Any] answer only copied it
# (10 ms of the 60 of a page of 100 pending stories).
JSON = dict[str, Any]
# /api/events and /api/timeline count matching events up to this many ("total_exact"
# is false when there are more).
TOTAL_CAP = 1_000


def create_app(db: str | None = None, token: str | None = None, cache: bool = True) -> FastAPI:
    """The application over the database ``db`` (URL or SQLite path); adding articles
    over HTTP is on only when ``token`` is a non-empty string. ``cache``: keep the read
    API's answers until the next commit (:mod:`dateline.web.cache`)."""
    url = prepare(db)
    app = FastAPI(
        title="dateline",
        version=__version__,
        description="Dated news events, stories and what is pending. See docs/api.md.",
        docs_url=None,  # FastAPI's pages load Swagger/ReDoc from a CDN: /docs is our own
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.engine = read_only_engine(url)
    app.state.writer = ArticleWriter(url, token) if token else None
    add_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    versioned = data_version(url, app.state.engine) if cache else None
    app.state.data_version = versioned[0] if versioned else None
    if versioned is not None:  # outermost: a kept answer skips routing and checks too
        app.add_middleware(AnswerCache, version=versioned[0], blocking=versioned[1])
    _read_routes(app)
    _story_routes(app)
    _write_routes(app)
    _page_routes(app)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.engine.dispose()  # on shutdown: close the database connections
    if isinstance(app.state.data_version, SqliteVersion):
        app.state.data_version.close()
    if app.state.writer is not None:
        app.state.writer.close()


@contextmanager
def _reading(request: Request) -> Iterator[Connection]:
    engine: Engine = request.app.state.engine
    with reading(engine) as conn:
        yield conn


def _read(request: Request, read: Callable[[Connection], T]) -> T:
    with _reading(request) as conn:
        return read(conn)


def _json(content: Any) -> JSONResponse:
    """The answer of a read route: the library's dicts (text, numbers, booleans and None
    only) written as JSON as they are."""
    return JSONResponse(content)


def _day(name: str, value: str | None) -> str | None:
    """A query date as ISO text; a coded 400 for anything else."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise E_HTTP_DATE(name=name, value=value) from None


def _status(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if value.strip().lower() not in STATUSES:
        raise E_HTTP_STATUS(value=value, choices=", ".join(STATUSES))
    return value.strip().lower()


def _read_routes(app: FastAPI) -> None:
    from dateline.filters import EventFilters
    from dateline.timeline import count_events, event, timeline

    def filtered(
        conn: Connection, limit: int, offset: int, wanted: EventFilters
    ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        found = timeline(conn, wanted, limit=limit, offset=offset or None)
        # Counting stops past TOTAL_CAP: a count of all of a million events costs more
        # than the page itself (30,000 planned visits: 30 ms at 10,000, 0.4 at 1,000).
        total = count_events(conn, wanted, cap=TOTAL_CAP + 1)
        return found, {"total": min(total, TOTAL_CAP), "total_exact": total <= TOTAL_CAP}

    def filters(
        actor: Text, type: Text, status: Text, date_from: str | None, to: str | None,
        place: Text, country: Text, source: Text, story: Text, q: Text,
    ) -> EventFilters:  # fmt: skip
        return EventFilters(
            actor=actor, type=type, status=_status(status),
            date_from=_day("from", date_from), date_to=_day("to", to), place=place,
            country=country, source=source, story=story, q=q,
        )  # fmt: skip

    @app.get("/api/events", response_model=JSON, tags=["events"])
    def list_events(
        request: Request, actor: Text = None, type: Text = None, status: Text = None,
        date_from: From = None, to: To = None, place: Text = None, country: Text = None,
        source: Text = None, story: Text = None, q: Text = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Offset = 0,
    ) -> JSONResponse:  # fmt: skip
        """Stored events in timeline order, filtered, one page at a time, with the total."""
        wanted = filters(actor, type, status, date_from, to, place, country, source, story, q)
        found, total = _read(request, lambda c: filtered(c, limit, offset, wanted))
        return _json({"events": found, **total, "limit": limit, "offset": offset})

    @app.get("/api/events/{event_id}", response_model=JSON, tags=["events"])
    def one_event(request: Request, event_id: str) -> JSONResponse:
        """One event with its participants, time, evidence and story id."""
        found = _read(request, lambda c: event(c, event_id))
        if found is None:
            raise E_EVENT_NOT_FOUND(event_id=event_id)
        return _json(found)

    @app.get("/api/timeline", response_model=JSON, tags=["events"])
    def read_timeline(
        request: Request, actor: Text = None, type: Text = None, status: Text = None,
        date_from: From = None, to: To = None, place: Text = None, country: Text = None,
        source: Text = None, story: Text = None, q: Text = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000, offset: Offset = 0,
    ) -> JSONResponse:  # fmt: skip
        """Events ordered by their own time (as `dateline timeline`), with the date range
        they cover, for drawing a time axis."""
        wanted = filters(actor, type, status, date_from, to, place, country, source, story, q)
        found, total = _read(request, lambda c: filtered(c, limit, offset, wanted))
        return _json({"events": found, **total, "range": _range(found)})

    @app.get("/api/documents/{document_id}", response_model=JSON, tags=["documents"])
    def one_document(request: Request, document_id: str) -> JSONResponse:
        """One article's text and metadata, with the character spans of its evidence."""
        from dateline.web.reads import document

        found = _read(request, lambda c: document(c, document_id))
        if found is None:
            raise E_DOCUMENT_NOT_FOUND(document_id=document_id)
        return _json(found)

    @app.get("/api/actors", response_model=JSON, tags=["actors"])
    def list_actors(
        request: Request, q: Text = None, limit: Annotated[int, Query(ge=1, le=1000)] = 50
    ) -> JSONResponse:
        """Actors whose id or name holds q, those in the most events first."""
        from dateline.web.reads import actors

        return _json({"actors": _read(request, lambda c: actors(c, q, limit))})


def _range(events: list[dict[str, Any]]) -> dict[str, str | None]:
    """The first and last day the events sit at (an event without a time at its dct)."""
    ends = [
        (e["time"]["earliest"] or e["time"]["latest"] or e["dct"],
         e["time"]["latest"] or e["time"]["earliest"] or e["dct"])
        for e in events
    ]  # fmt: skip
    return {
        "from": min((lo for lo, _ in ends), default=None),
        "to": max((hi for _, hi in ends), default=None),
    }


def _story_routes(app: FastAPI) -> None:
    from dateline.link import list_stories, story
    from dateline.link.listing import count_stories
    from dateline.link.query import read_pending_page

    @app.get("/api/stories", response_model=JSON, tags=["stories"])
    def list_all(
        request: Request, state: Text = None, type: Text = None, actor: Text = None,
        date_from: From = None, to: To = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Offset = 0,
    ) -> JSONResponse:  # fmt: skip
        """Stories, most recently reported first (as `dateline stories`), with the total."""
        wanted = (state, type, actor, _day("from", date_from), _day("to", to))

        def read(conn: Connection) -> dict[str, Any]:
            found = list_stories(conn, *wanted, limit=limit, offset=offset or None)
            # counting stops past TOTAL_CAP, as for events: all of the busiest actor's
            # 50,000 stories cost 0.6 s of CPU at a million events, the page 13 ms
            total = count_stories(conn, *wanted, cap=TOTAL_CAP + 1)
            return {
                "stories": found,
                "total": min(total, TOTAL_CAP),
                "total_exact": total <= TOTAL_CAP,
            }

        return _json({**_read(request, read), "limit": limit, "offset": offset})

    @app.get("/api/stories/{story_id}", response_model=JSON, tags=["stories"])
    def one_story(request: Request, story_id: str) -> JSONResponse:
        """One story with its state and status history by article date (`dateline story`)."""
        found = _read(request, lambda c: story(c, story_id))
        if found is None:
            raise E_STORY_NOT_FOUND(story_id=story_id)
        return _json(found)

    @app.get("/api/pending", response_model=JSON, tags=["stories"])
    def read_pending(
        request: Request,
        as_of: Annotated[str | None, Query(description="YYYY-MM-DD [default: today]")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 1000,
        offset: Offset = 0,
        view: Annotated[
            Literal["full", "summary"],
            Query(description="full: each story whole; summary: what a list shows of it"),
        ] = "full",
    ) -> JSONResponse:
        """Stories announced or speculated and not yet past, judged by articles up to
        as_of (as `dateline pending`), soonest first, one page at a time, with the total."""
        day = _day("as_of", as_of) or date.today().isoformat()  # the clock, at the edge
        summary = view == "summary"

        # a read of its own: on PostgreSQL one round trip (link.pending_pg.page_alone)
        engine: Engine = request.app.state.engine
        found, total = read_pending_page(engine, day, limit=limit, offset=offset, summary=summary)
        page = {"as_of": day, "stories": found, "total": total, "limit": limit, "offset": offset}
        return _json(page)


def _write_routes(app: FastAPI) -> None:
    @app.post("/api/articles", tags=["articles"], status_code=201)
    async def add_article(request: Request) -> JSONResponse:
        """Add one article (a JSON Lines article object) with `Authorization: Bearer
        TOKEN`; only when the server was started with a token."""
        from starlette.concurrency import run_in_threadpool

        writer: ArticleWriter = writer_of(request)
        writer.check_token(request.headers.get("authorization"))
        body = await read_body(request, writer.max_body)
        status, answer = await run_in_threadpool(writer.add, body)
        return JSONResponse(answer, status_code=status)


def _page_routes(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")


def serve(db: str | None, host: str, port: int, token: str | None, workers: int = 1) -> None:
    """Run the server until interrupted (Ctrl-C or SIGTERM); ``workers`` processes (uvicorn's
    own supervisor starts them, each building the app from :func:`app_from_environment`)."""
    import os

    import uvicorn

    if workers <= 1:
        app = create_app(db, token)
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
        return
    os.environ[_DB_VARIABLE] = prepare(db)  # migrated once, before the workers start
    if token:
        os.environ[_TOKEN_VARIABLE] = token
    else:
        os.environ.pop(_TOKEN_VARIABLE, None)
    uvicorn.run(
        f"{__name__}:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        server_header=False,
    )


_DB_VARIABLE = "DATELINE_SERVE_DB"
_TOKEN_VARIABLE = "DATELINE_TOKEN"


def app_from_environment() -> FastAPI:
    """The app of one worker of ``serve(workers=N)``: the database and the token that the
    parent put in the environment."""
    import os

    return create_app(os.environ[_DB_VARIABLE], os.environ.get(_TOKEN_VARIABLE) or None)
