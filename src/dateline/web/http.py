"""What every response of ``dateline serve`` shares: coded JSON errors (never a
traceback) and the security headers."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline.errors import (
    E_HTTP_INTERNAL,
    E_HTTP_METHOD,
    E_HTTP_NO_ROUTE,
    E_HTTP_PARAM,
    DatelineError,
)

log = logging.getLogger("dateline.web")

# The HTTP status of each code that is not a plain bad request (400).
STATUS_OF_CODE = {
    "DL-E250": 404,  # no story
    "DL-E404": 404,  # no event
    "DL-E405": 404,  # no document
    "DL-E406": 404,  # no route
    "DL-E407": 405,  # method not allowed
    "DL-E408": 403,  # ingest over HTTP is off
    "DL-E409": 401,  # wrong token
    "DL-E410": 413,  # body too large
    "DL-E411": 500,  # unexpected
}

# Scripts, styles and everything else only from this server; no inline script or
# style, no plugins, no framing; the page sends nothing anywhere else.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def error_response(error: DatelineError) -> JSONResponse:
    """``{"error": {"code", "message"}}`` with the code's HTTP status."""
    body = {"error": {"code": error.code, "message": str(error)}}
    return JSONResponse(body, status_code=STATUS_OF_CODE.get(error.code, 400))


def add_error_handlers(app: FastAPI) -> None:
    """Turn every failure into a coded JSON error."""

    async def coded(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, DatelineError)
        return error_response(exc)

    async def invalid(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        first: dict[str, Any] = exc.errors()[0] if exc.errors() else {}
        name = str(first.get("loc", ("", "?"))[-1])
        return error_response(E_HTTP_PARAM(name=name, why=first.get("msg", "invalid")))

    async def http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        path = request.url.path
        if exc.status_code == 405:
            return error_response(E_HTTP_METHOD(method=request.method, route=path))
        return error_response(E_HTTP_NO_ROUTE(route=path))

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # the traceback goes to the server's log, never to the client
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error_response(E_HTTP_INTERNAL())

    app.add_exception_handler(DatelineError, coded)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http)
    app.add_exception_handler(Exception, unexpected)


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)
