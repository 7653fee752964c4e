"""`dateline serve` on a busier database: many clients at once, and totals that stop
counting past 1,000 matches.

The server runs its routes on a pool of threads; each read needs a SQLite connection of
its own. With a connection per thread kept for five threads only, the connections of
other threads were closed while they read, and the server crashed (segfault) under 20
clients. The stored events are written by hand (tests/conftest.py `stored_article`).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from conftest import Server, stored_article
from dateline.store import Store


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """1,101 events: 367 articles of three planned visits each."""
    folder = tmp_path_factory.mktemp("busy")
    with Store(str(folder / "busy.db")) as store:
        store.add_many([
            stored_article(f"2025-03-{1 + n % 28:02d}", f"Report {n}", "Wire", [
                {"key": f"e{n}-{k}", "type": "VISIT", "status": "planned",
                 "source": ["visitor"], "target": [f"host-{(n + k) % 4}"],
                 "earliest": "2025-06-01", "latest": "2025-06-01"}
                for k in range(3)])
            for n in range(367)
        ])  # fmt: skip
    served = Server(folder / "busy.db", folder / "serve.log")
    try:
        yield served
    finally:
        served.stop()


def test_forty_clients_at_once_all_get_answers(server: Server) -> None:
    paths = ["/api/events?limit=20", "/api/timeline?actor=visitor&limit=10",
             "/api/pending?as_of=2025-04-01&limit=5", "/api/stories?limit=5"]  # fmt: skip

    def client(n: int) -> list[int]:
        with httpx.Client(base_url=server.url, timeout=60) as http:
            return [http.get(paths[(n + k) % len(paths)]).status_code for k in range(12)]

    with ThreadPoolExecutor(max_workers=40) as pool:
        codes = [code for codes in pool.map(client, range(40)) for code in codes]
    assert codes == [200] * 480
    assert server.process.poll() is None  # still serving


def test_totals_are_exact_up_to_1000_then_say_so(server: Server) -> None:
    def get(path: str, **params: str | int) -> dict[str, object]:
        response = httpx.get(server.url + path, params=params, timeout=60)
        assert response.status_code == 200, response.text
        body: dict[str, object] = response.json()
        return body

    everything = get("/api/events", limit=5)
    assert (everything["total"], everything["total_exact"]) == (1000, False)
    one_host = get("/api/timeline", actor="host-1", limit=1000)
    stored = sum((n + k) % 4 == 1 for n in range(367) for k in range(3))
    assert one_host["total_exact"] is True
    assert one_host["total"] == len(one_host["events"]) == stored  # type: ignore[arg-type]
    pages = []
    offset = 0
    while page := get("/api/events", limit=1000, offset=offset)["events"]:
        pages += page  # type: ignore[arg-type]
        offset += 1000
    assert len(pages) == 1101  # every event, paging until a page is empty


def test_two_worker_processes_answer_as_one_does(
    server: Server, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("workers")
    two = Server(server_db(server), folder / "serve.log", None, "--workers", "2")
    try:
        children = Path(f"/proc/{two.process.pid}/task/{two.process.pid}/children")
        assert len(children.read_text().split()) >= 2  # uvicorn's supervisor and two workers
        paths = ["/api/events?limit=20", "/api/pending?as_of=2025-04-01&limit=5",
                 "/api/stories?limit=5", "/api/timeline?actor=visitor&limit=10"]  # fmt: skip
        with ThreadPoolExecutor(max_workers=8) as pool:
            answers = list(pool.map(lambda p: httpx.get(two.url + p, timeout=60), paths * 4))
        for path, answer in zip(paths * 4, answers, strict=True):
            assert answer.status_code == 200
            assert answer.json() == httpx.get(server.url + path, timeout=60).json()
    finally:
        two.stop()


def server_db(server: Server) -> Path:
    return Path(server.process.args[server.process.args.index("--db") + 1])
