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
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {data}"
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
        "attribution": None, "cue": None, "change": None,
        "evidence": [{"start": start, "end": start + len(sentence), "sentence": sentence}],
    }  # fmt: skip
