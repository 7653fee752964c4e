"""``dateline serve``: the HTTP API and the web page (FastAPI + uvicorn)."""

from dateline.web.app import create_app, serve

__all__ = ["create_app", "serve"]
