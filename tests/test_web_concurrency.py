"""`dateline serve` under many clients at once: every request answered, the server alive.

The server runs its routes on a pool of threads; each read needs a SQLite connection of
its own. With a connection per thread kept for five threads only, the connections of
other threads were closed while they read, and the server crashed (segfault) under 20
clients; the stored events are written by hand (tests/conftest.py `stored_article`).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from conftest import Server, stored_article
from dateline.store import Store


def test_forty_clients_at_once_all_get_answers(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    with Store(str(db)) as store:
        store.add_many([
            stored_article(f"2025-03-{1 + n % 28:02d}", f"Report {n}", "Wire", [
                {"key": f"e{n}", "type": "VISIT", "status": "planned", "source": ["visitor"],
                 "target": [f"host-{n % 4}"], "earliest": "2025-06-01", "latest": "2025-06-01"}])
            for n in range(60)
        ])  # fmt: skip
    server = Server(db, tmp_path / "serve.log")
    paths = ["/api/events?limit=20", "/api/timeline?actor=visitor&limit=10",
             "/api/pending?as_of=2025-04-01&limit=5", "/api/stories?limit=5"]  # fmt: skip

    def client(n: int) -> list[int]:
        with httpx.Client(base_url=server.url, timeout=60) as http:
            return [http.get(paths[(n + k) % len(paths)]).status_code for k in range(12)]

    try:
        with ThreadPoolExecutor(max_workers=40) as pool:
            codes = [code for codes in pool.map(client, range(40)) for code in codes]
        assert codes == [200] * 480
        assert server.process.poll() is None  # still serving
    finally:
        server.stop()
