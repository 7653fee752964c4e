"""Answers of the read API kept per committed state of the database.

Between two commits the same request gets the same answer, so the server keeps each
answer it wrote under the database's *version*: a value that changes whenever anything
is committed (SQLite's ``PRAGMA data_version`` on a connection of the cache's own, which
changes when any other connection commits; PostgreSQL's current snapshot, which every
transaction that writes changes when it takes its transaction id and again when it ends).
A request first reads the version (one cheap statement): when it is the one the answers
were kept under and this request was answered before, the kept bytes go out without a
route, a parameter check or a query; when it has moved, every kept answer is dropped. So
an answer is never older than the last commit before the request, exactly as a fresh read
would be.

Each answer carries an ``ETag`` (a hash of its bytes); a client that sends it back in
``If-None-Match`` gets ``304 Not Modified`` without the body while the answer is the
same. Requests for the same answer that arrive while it is being read wait for that
read instead of reading it again (20 clients after a commit cost one read, not 20).
"""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import date
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Kept answers at most, and their bytes at most (the oldest used go first).
MAX_ANSWERS = 512
MAX_BYTES = 64 * 1024 * 1024

Version = Callable[[], Hashable | None]


class SqliteVersion:
    """The data version of a SQLite file (``file:…?mode=ro`` URI) as this process sees it:
    it changes with every commit of another connection, this server's writer included."""

    def __init__(self, uri: str):
        self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA query_only=ON")

    def __call__(self) -> Hashable | None:
        try:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None  # unknown: nothing is kept or served from what was kept

    def close(self) -> None:
        self._conn.close()


#: PostgreSQL's version of the data: the current snapshot (``xmin:xmax:in-progress``)
POSTGRES_VERSION = "SELECT pg_current_snapshot()::text"


def postgres_version(engine: Any) -> Version:
    """The current snapshot of a PostgreSQL server (PostgreSQL 13 and later): a transaction
    that writes moves it when it takes its id and again when it commits or aborts (so do
    other databases' writers, which only drop answers sooner). Unlike the WAL insert
    position (used before), reads that prune pages or set hint bits, autovacuum and
    checkpoints leave it alone, so kept answers are not dropped for them."""

    def version() -> Hashable | None:
        try:
            with engine.connect() as conn:
                return str(conn.exec_driver_sql(POSTGRES_VERSION).scalar())
        except Exception:  # no version known: nothing is kept or served from what was kept
            return None

    return version


class Answer:
    """One kept response: its status, headers and body, and the ETag of the body."""

    __slots__ = ("body", "etag", "headers", "status")

    def __init__(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes):
        self.status, self.body = status, body
        self.etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        self.headers = [*headers, (b"etag", self.etag), (b"cache-control", b"no-cache")]


class AnswerCache:
    """ASGI middleware keeping the 200 answers of ``GET /api/…`` per database version."""

    def __init__(self, app: ASGIApp, version: Version, blocking: bool = False):
        self.app = app
        self._version = version
        # PostgreSQL's version is a round trip: asked in a thread, not on the event loop.
        self._blocking = blocking
        self._kept_under: Hashable | None = None
        self._answers: OrderedDict[Hashable, Answer] = OrderedDict()
        self._bytes = 0
        self._reading: dict[Hashable, asyncio.Future[Answer | None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _cacheable(scope):
            await self.app(scope, receive, send)
            return
        version = await run_in_threadpool(self._version) if self._blocking else self._version()
        if version is None:
            await self.app(scope, receive, send)
            return
        if version != self._kept_under:
            self._drop_all(version)
        # today's date: /api/pending without as_of answers as of today
        key = (scope["path"], scope.get("query_string", b""), date.today().toordinal())
        answer = self._answers.get(key)
        if answer is not None:
            self._answers.move_to_end(key)
        else:
            answer = await self._read_once(key, version, scope, receive, send)
            if answer is None:
                return  # answered directly (not a 200, or the read failed)
        await _send(answer, _header(scope, b"if-none-match"), send)

    async def _read_once(
        self, key: Hashable, version: Hashable, scope: Scope, receive: Receive, send: Send
    ) -> Answer | None:
        """The answer to ``key`` read by this request, or by the one already reading it."""
        # by version too: a read begun before the last commit may not show it
        reading = self._reading.get((key, version))
        if reading is not None:
            answer = await asyncio.shield(reading)
            if answer is not None:
                return answer
            await self.app(scope, receive, send)  # that read did not give a 200: ask again
            return None
        future: asyncio.Future[Answer | None] = asyncio.get_running_loop().create_future()
        self._reading[key, version] = future
        answer = None
        try:
            answer = await self._capture(scope, receive, send)
            if answer is not None and self._kept_under == version:
                self._keep(key, answer)
        finally:
            del self._reading[key, version]
            future.set_result(answer)
        return answer

    async def _capture(self, scope: Scope, receive: Receive, send: Send) -> Answer | None:
        """Run the route; a 200 is returned for keeping, anything else is sent as it is."""
        messages: list[Message] = []

        async def record(message: Message) -> None:
            messages.append(message)

        await self.app(scope, receive, record)
        start = messages[0] if messages else {}
        if start.get("status") != 200:
            for message in messages:
                await send(message)
            return None
        body = b"".join(m.get("body", b"") for m in messages[1:])
        return Answer(200, list(start.get("headers", [])), body)

    def _keep(self, key: Hashable, answer: Answer) -> None:
        if len(answer.body) > MAX_BYTES // 4:
            return
        self._answers[key] = answer
        self._bytes += len(answer.body)
        while len(self._answers) > MAX_ANSWERS or self._bytes > MAX_BYTES:
            _, oldest = self._answers.popitem(last=False)
            self._bytes -= len(oldest.body)

    def _drop_all(self, version: Hashable) -> None:
        self._answers.clear()
        self._bytes = 0
        self._kept_under = version


def _cacheable(scope: Scope) -> bool:
    return (
        scope["type"] == "http" and scope["method"] == "GET" and scope["path"].startswith("/api/")
    )


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value)
    return None


async def _send(answer: Answer, if_none_match: bytes | None, send: Send) -> None:
    if if_none_match is not None and _matches(if_none_match, answer.etag):
        headers = [(k, v) for k, v in answer.headers if k not in _BODY_HEADERS]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": answer.status, "headers": answer.headers})
    await send({"type": "http.response.body", "body": answer.body})


_BODY_HEADERS = {b"content-length", b"content-type"}


def _matches(header: bytes, etag: bytes) -> bool:
    """Whether an If-None-Match header names ``etag`` (a weak tag compared as strong: the
    bytes are the same or the tag is not ours) or is ``*``."""
    tags = {part.strip().removeprefix(b"W/") for part in header.split(b",")}
    return etag in tags or b"*" in tags
