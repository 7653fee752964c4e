"""``POST /api/articles``: add one article over HTTP, only when a token is configured.

The body is one JSON Lines article (``text``, ``title``, ``date``/``dct``/``published``,
``url``, ``source``, …) and is read by the same reader as a ``.jsonl`` file, so it is
judged as hostile input exactly as ``dateline ingest`` judges a line: a bad article is a
coded reject (stored in ``rejects``), never a half-stored one.
"""

from __future__ import annotations

import hmac
import io
import threading
from contextlib import suppress
from typing import Any

from fastapi import Request

from dateline.errors import E_BAD_TOKEN, E_BODY_TOO_LARGE, E_INGEST_OFF, DatelineError
from dateline.read.common import MAX_ARTICLE_BYTES
from dateline.store import Store

ORIGIN = "POST /api/articles"
MAX_BODY_BYTES = MAX_ARTICLE_BYTES


class ArticleWriter:
    """The one writer of a server: a Store, the token, and the spaCy pipeline (loaded at
    the first article, so that a read-only server never loads it)."""

    def __init__(self, url: str, token: str, max_body: int = MAX_BODY_BYTES):
        self.store = Store(url)
        self.token = token.encode()
        self.max_body = max_body
        self._lock = threading.Lock()
        self._nlp: Any = None

    def close(self) -> None:
        self.store.close()

    def check_token(self, authorization: str | None) -> None:
        """Accept only ``Bearer <token>``, compared in constant time."""
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), self.token):
            raise E_BAD_TOKEN()

    def add(self, body: bytes) -> tuple[int, dict[str, Any]]:
        """(HTTP status, answer) for one article body; a reject raises its coded error."""
        from dateline.read.jsonl import read_jsonl

        # JSON holds no raw line break inside a string, so this keeps the object whole and
        # lets a pretty-printed body be read as the one line it is.
        line = body.replace(b"\r", b" ").replace(b"\n", b" ")
        outcome = next(read_jsonl(io.BytesIO(line), ORIGIN, limit=self.max_body))
        if isinstance(outcome, DatelineError):
            raise self._rejected(outcome)
        with self._lock:  # one article at a time through the one pipeline
            return self._store(outcome)

    def _store(self, article: Any) -> tuple[int, dict[str, Any]]:
        from dateline.extract import extract_each

        if self.store.has_document(article.id):
            return 200, {"added": False, "document_id": article.id, "events": 0}
        extraction = next(extract_each([article], nlp=self._pipeline()))
        if isinstance(extraction, DatelineError):
            raise self._rejected(extraction)
        extraction["origin"] = ORIGIN
        added = self.store.add(extraction)
        events = len(extraction["events"]) if added else 0
        return (201 if added else 200), {
            "added": added,
            "document_id": article.id,
            "events": events,
        }

    def _pipeline(self) -> Any:
        if self._nlp is None:
            from dateline.annotate import load_nlp

            self._nlp = load_nlp()
        return self._nlp

    def _rejected(self, error: DatelineError) -> DatelineError:
        with suppress(Exception):  # the client still gets its coded answer
            self.store.add_reject(error)
        return error


def writer_of(request: Request) -> ArticleWriter:
    """The server's writer; a coded 403 when adding articles is off."""
    writer: ArticleWriter | None = request.app.state.writer
    if writer is None:
        raise E_INGEST_OFF()
    return writer


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to pass ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise E_BODY_TOO_LARGE(limit=limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise E_BODY_TOO_LARGE(limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)
