"""The read API's answers kept between commits (dateline.web.cache): a repeated read sends
no SQL, a commit by anyone makes the next read see it, and ETags give 304s.

In-process (FastAPI's TestClient) on SQLite and PostgreSQL; the stored events are written
by hand (tests/conftest.py `stored_article`).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from conftest import stored_article
from dateline.store import Store
from dateline.web import create_app
from dateline.web.cache import POSTGRES_VERSION

with warnings.catch_warnings():  # this starlette asks for httpx2, which is not installed
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def article(n: int, status: str = "planned") -> dict[str, Any]:
    return stored_article(f"2025-03-{1 + n:02d}", f"Report {n}", "Wire", [
        {"key": f"e{n}", "type": "VISIT", "status": status, "source": ["visitor"],
         "target": ["host"], "earliest": "2025-06-01", "latest": "2025-06-01"}])  # fmt: skip


class Served:
    """An app over a database, with the SQL statements its reads sent."""

    def __init__(self, url: str, cache: bool = True):
        self.app = create_app(url, cache=cache)
        self.statements: list[str] = []
        event.listen(self.app.state.engine, "before_cursor_execute", self._count)
        self.client = TestClient(self.app)

    def _count(self, _conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement != POSTGRES_VERSION:  # PostgreSQL's version, asked each time
            self.statements.append(statement)

    def get(self, path: str, **headers: str) -> Any:
        return self.client.get(path, headers=headers)

    def __enter__(self) -> Served:
        self.client.__enter__()  # the app's lifespan: its connections closed on exit
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.__exit__(*exc)


@pytest.fixture
def url(db_url: str) -> Iterator[str]:
    with Store(db_url) as store:
        store.add_many([article(n) for n in range(3)])
    yield db_url


@pytest.fixture
def served(url: str) -> Iterator[Served]:
    with Served(url) as app:
        yield app


PATHS = ["/api/events?limit=50", "/api/timeline?actor=visitor", "/api/stories?limit=5",
         "/api/pending?as_of=2025-04-01&limit=10&view=summary", "/api/actors?limit=5"]  # fmt: skip


@pytest.mark.parametrize("path", PATHS)
def test_a_repeated_read_between_commits_sends_no_sql(served: Served, path: str) -> None:
    first = served.get(path)
    sent = len(served.statements)
    again = served.get(path)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert sent > 0 and len(served.statements) == sent


@pytest.mark.parametrize("path", PATHS)
def test_a_commit_makes_the_next_read_see_it(served: Served, url: str, path: str) -> None:
    before = served.get(path).json()
    with Store(url) as store:  # another connection, as `dateline ingest` is
        store.add(article(7))
    after = served.get(path)
    with Served(url, cache=False) as plain:
        assert after.json() == plain.get(path).json() != before


def test_answers_are_those_of_a_server_without_the_cache(served: Served, url: str) -> None:
    with Served(url, cache=False) as plain:
        for path in [*PATHS, "/api/events?status=planned&limit=2&offset=1", "/api/pending"]:
            for _ in range(2):
                assert served.get(path).content == plain.get(path).content


def test_an_etag_sent_back_gets_304_until_the_answer_changes(served: Served, url: str) -> None:
    first = served.get("/api/events?limit=50")
    etag = first.headers["etag"]
    unchanged = served.get("/api/events?limit=50", **{"if-none-match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged.headers["etag"] == etag
    assert "content-security-policy" in unchanged.headers
    with Store(url) as store:
        store.add(article(8))
    changed = served.get("/api/events?limit=50", **{"if-none-match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert len(changed.json()["events"]) == len(first.json()["events"]) + 1


def test_an_etag_of_the_same_bytes_survives_an_unrelated_commit(served: Served, url: str) -> None:
    etag = served.get("/api/events?status=negated").headers["etag"]
    with Store(url) as store:
        store.add(article(9))  # planned: not in the answer
    again = served.get("/api/events?status=negated", **{"if-none-match": etag})
    assert again.status_code == 304


def test_errors_are_not_kept(served: Served) -> None:
    for _ in range(2):
        response = served.get("/api/events?status=sideways")
        assert response.status_code == 400 and "etag" not in response.headers
        assert response.json()["error"]["code"] == "DL-E403"


def test_without_as_of_pending_is_kept_for_today_only(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as real

    import dateline.web.app as app_module
    import dateline.web.cache as cache_module

    class Tomorrow(real.date):
        @classmethod
        def today(cls) -> Tomorrow:
            return cls.fromordinal(real.date.today().toordinal() + 1)

    first = served.get("/api/pending").json()["as_of"]
    monkeypatch.setattr(cache_module, "date", Tomorrow)
    monkeypatch.setattr(app_module, "date", Tomorrow)
    second = served.get("/api/pending").json()["as_of"]
    assert date_of(second) == date_of(first) + 1


def date_of(iso: str) -> int:
    import datetime

    return datetime.date.fromisoformat(iso).toordinal()
