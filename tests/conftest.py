"""Shared fixtures: fresh databases (SQLite always, PostgreSQL when a server can run)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# `dateline ingest` lowers its own process's CPU priority (--nice, 10 by default); tests
# that run the command in this process must not lower the priority of the whole test run
# (tests/test_ingest_priority.py runs it in child processes without this variable)
os.environ.setdefault("DATELINE_NICE", "0")

# The repository's copy of ../shared/seed/000_fd07e1a8af72dee4.txt (byte-identical,
# checked in test_seed_copy_is_the_shared_seed), so the tests run from any clone.
SEED = Path(__file__).parent / "fixtures" / "events" / "seed_000_fd07e1a8af72dee4.txt"


def _pg_bin() -> Path | None:
    roots = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return roots[-1] if roots and (roots[-1] / "initdb").exists() else None


def _free_port() -> int:
    # A fixed port can be taken by another server on this machine.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(*args: str) -> list[str]:
    # initdb refuses to run as root; tests run as root in CI.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)


@pytest.fixture(scope="session")
def nlp() -> Any:
    """dateline's whole pipeline (spaCy model + timex, actors, events), built once."""
    from dateline.annotate import load_nlp

    return load_nlp()


def events_of(nlp: Any, text: str, dct: Any) -> list[dict[str, Any]]:
    """The events dateline extracts from ``text`` written on ``dct`` (the whole pipeline,
    as ``dateline extract`` runs it)."""
    from dateline.extract import extract
    from dateline.model import Article

    return list(extract(Article(text=text, dct=dct), nlp=nlp)["events"])


def story_partition(store: Any) -> set[frozenset[str]]:
    """Stored stories as sets of event keys (event ids without their ``ev-`` prefix)."""
    from sqlalchemy import select

    from dateline.store import schema as t

    with store.engine.connect() as conn:
        rows = conn.execute(select(t.events.c.id, t.events.c.story_id)).all()
    groups: dict[str, set[str]] = {}
    for event_id, story_id in rows:
        groups.setdefault(story_id, set()).add(event_id.removeprefix("ev-"))
    return {frozenset(g) for g in groups.values()}


def timex_named(text: str, dct: Any, surface: str) -> Any:
    """The one timex ``tag`` finds in ``text`` with this surface."""
    from dateline.timex import tag

    found = [t for t in tag(text, dct) if t.text == surface]
    assert len(found) == 1, tag(text, dct)
    return found[0]


@pytest.fixture(scope="session")
def bare_nlp() -> Any:
    """spaCy's model alone, for tests that run dateline's steps by hand."""
    import dateline.pipeline  # noqa: F401 - Doc extensions
    from dateline.annotate import find_model

    return find_model()[1].load()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A real PostgreSQL on 127.0.0.1 for this test session, stopped afterwards.

    Uses DATELINE_TEST_PG_URL when set. Skips only outside CI when no server binaries exist.
    """
    if url := os.environ.get("DATELINE_TEST_PG_URL"):
        yield url
        return
    pgbin = _pg_bin()
    if pgbin is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL binaries missing in CI: install Debian's postgresql")
        pytest.skip("PostgreSQL not installed")
    data = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
    initdb = [str(pgbin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
    subprocess.run(_as_postgres(*initdb), check=True, capture_output=True)
    port = _free_port()
    # autovacuum off: an automatic ANALYZE takes a transaction id, which moves the
    # server-wide snapshot the web answer cache keys on (tests/test_web_cache.py would see
    # a kept answer dropped for nothing now and then); tests ANALYZE where they need it
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c autovacuum=off"
    ctl = [str(pgbin / "pg_ctl"), "-D", str(data)]
    start = [*ctl, "-w", "-o", opts, "-l", str(data / "log"), "start"]
    subprocess.run(_as_postgres(*start), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres(*ctl, "-m", "fast", "-w", "stop"), capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


def _fresh_pg_database(server_url: str, name: str) -> str:
    import sqlalchemy as sa

    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server_url.rsplit("/", 1)[0] + "/" + name


_counter = iter(range(1_000_000))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of a fresh, empty database: SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    server = request.getfixturevalue("pg_server")
    return _fresh_pg_database(server, f"dl_test_{os.getpid()}_{next(_counter)}")


@pytest.fixture
def seed_path() -> Path:
    assert SEED.exists(), f"seed article missing at {SEED}"
    return SEED


def stored_article(
    dct: str,
    title: str,
    source: str,
    events: list[dict[str, Any]],
    places: dict[str, str] | None = None,
) -> dict[str, Any]:
    """An extraction document written by hand, for store and query tests.

    Each event gives ``key``, ``type``, ``status`` and optionally ``source``/``target``
    (actor ids; three capitals make a country), ``earliest``/``latest``/``value``,
    ``dated`` and ``location``; ``places`` maps a location name to its ISO3 country.
    """
    from dateline.model import document_id

    sentences = [f"{e['key']} sentence of {title}." for e in events]
    text = title + "\n\n" + " ".join(sentences)
    ids = sorted({a for e in events for a in [*e.get("source", []), *e.get("target", [])]})
    actors = [
        {"id": i, "name": i if i.isupper() else i.replace("-", " ").title(),
         "kind": "country" if i.isupper() else "person", "country": i if i.isupper() else None,
         "role": None, "mentions": []}
        for i in ids
    ]  # fmt: skip
    places = places or {}
    return {
        "document": {"id": document_id(text), "dct": dct, "title": title, "source": source,
                     "url": None, "text": text},
        "timexes": [],
        "actors": actors,
        "places": [{"name": n, "country": c, "lat": None, "lon": None, "kind": "city",
                    "mentions": []} for n, c in sorted(places.items())],
        "events": [_hand_event(e, s, text) for e, s in zip(events, sentences, strict=True)],
    }  # fmt: skip


def _hand_event(spec: dict[str, Any], sentence: str, text: str) -> dict[str, Any]:
    start = text.index(sentence)
    time = {k: spec.get(k) for k in ("value", "earliest", "latest", "granularity")}
    return {
        "id": "ev-" + spec["key"], "type": spec["type"], "plover": None,
        "status": spec["status"], "dated": spec.get("dated", bool(spec.get("value"))),
        "source": spec.get("source", []), "target": spec.get("target", []),
        "location": spec.get("location"), "time": time, "candidates": [],
        "attribution": None, "cue": None, "change": spec.get("change"),
        "evidence": [{"start": start, "end": start + len(sentence), "sentence": sentence}],
    }  # fmt: skip


# --- dateline serve, a real server in a subprocess ---------------------------------
CORPUS = Path(__file__).parent.parent / "examples" / "corpus"
HOSTILE_ARTICLE = Path(__file__).parent / "fixtures" / "web" / "synthetic_hostile_article.jsonl"


def run_dateline(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``dateline ARGS`` as a user runs it: a new Python process on this source tree."""
    import sys

    command = [sys.executable, "-m", "dateline", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


class Server:
    """``dateline serve`` in its own process on 127.0.0.1, stopped by its PID."""

    def __init__(self, db: Path, log: Path, token: str | None = None, *options: str):
        import sys

        env = {k: v for k, v in os.environ.items() if k != "DATELINE_TOKEN"}
        if token is not None:
            env["DATELINE_TOKEN"] = token
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        command = [sys.executable, "-m", "dateline", "serve", "--db", str(db),
                   "--host", "127.0.0.1", "--port", str(self.port), *options]  # fmt: skip
        with log.open("wb") as out:  # a file, not a pipe: a full pipe would stall the server
            self.process = subprocess.Popen(command, stdout=out, stderr=out, env=env)
        self._wait_until_answering()

    def _wait_until_answering(self) -> None:
        import time

        import httpx

        deadline = time.monotonic() + 120  # generous: a busy CI machine, not a speed test
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"dateline serve exited {self.process.returncode}:\n{self.output()}")
            try:
                if httpx.get(self.url + "/api/events?limit=1", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        pytest.fail(f"dateline serve did not answer:\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # this server's own PID, nothing else
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def ingested_corpus(directory: Path) -> Path:
    """A database built as `make demo` builds it (examples/corpus) plus one hostile article."""
    db = directory / "corpus.db"
    done = run_dateline("ingest", str(CORPUS), str(HOSTILE_ARTICLE), "--db", str(db), "-q")
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ingested corpus, shared read-only by the server tests (copy it to write)."""
    return ingested_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def served(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``dateline serve`` over the ingested corpus, read only (no token)."""
    server = Server(corpus_db, tmp_path_factory.mktemp("serve") / "serve.log")
    try:
        yield server
    finally:
        server.stop()
