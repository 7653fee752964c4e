"""The HTTP API of `dateline serve`, against a real server process over an ingested corpus."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import Server, run_dateline

pytestmark = pytest.mark.model  # the corpus is ingested with the spaCy model


def get(server: Server, path: str, **params: Any) -> httpx.Response:
    return httpx.get(server.url + path, params=params, timeout=30)


def ok(server: Server, path: str, **params: Any) -> Any:
    response = get(server, path, **params)
    assert response.status_code == 200, response.text
    return response.json()


def assert_coded(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code
    assert code in error["message"]
    assert "Traceback" not in response.text
    return dict(error)


def library(corpus_db: Path, read: Any) -> Any:
    """The same question asked of the library on a connection of its own."""
    from dateline.store import Store

    with Store(str(corpus_db)) as store, store.engine.connect() as conn:
        return read(conn)


# --- events and timeline -------------------------------------------------------------
def test_events_filtered_by_actor_are_the_events_of_that_actor(
    served: Server, corpus_db: Path
) -> None:
    from dateline.timeline import timeline

    body = ok(served, "/api/events", actor="kwame-asante-boateng", limit=1000)
    expected = library(corpus_db, lambda c: timeline(c, actor="kwame-asante-boateng"))
    assert body["total"] == len(expected) > 0
    assert [e["id"] for e in body["events"]] == [e["id"] for e in expected]
    assert all("kwame-asante-boateng" in e["source"] + e["target"] for e in body["events"])


def test_events_filter_by_type_status_and_place(served: Server) -> None:
    everything = ok(served, "/api/events", limit=1000)["events"]
    visits = ok(served, "/api/events", type="visit", status="planned", limit=1000)
    expected = [e["id"] for e in everything if e["type"] == "VISIT" and e["status"] == "planned"]
    assert [e["id"] for e in visits["events"]] == expected and expected
    lima = ok(served, "/api/events", place="LIMA", limit=1000)
    assert lima["total"] > 0
    assert {e["location"] for e in lima["events"]} == {"Lima"}


def test_events_pages_are_disjoint_slices_of_one_order_with_the_same_total(served: Server) -> None:
    whole = ok(served, "/api/events", limit=1000)
    first = ok(served, "/api/events", limit=5, offset=0)
    second = ok(served, "/api/events", limit=5, offset=5)
    assert first["total"] == second["total"] == whole["total"] == len(whole["events"]) > 10
    ids = [e["id"] for e in first["events"] + second["events"]]
    assert ids == [e["id"] for e in whole["events"][:10]]
    past_the_end = ok(served, "/api/events", limit=5, offset=whole["total"])
    assert past_the_end["events"] == [] and past_the_end["total"] == whole["total"]


def test_events_q_matches_evidence_or_title_and_percent_is_a_letter(served: Server) -> None:
    found = ok(served, "/api/events", q="MARITIME", limit=1000)["events"]
    assert found
    for event in found:
        texts = [s["sentence"] for s in event["evidence"]] + [event["title"] or ""]
        assert any("maritime" in text.lower() for text in texts)
    assert ok(served, "/api/events", q="%")["total"] == 0


def test_one_event_by_id_and_an_unknown_event_is_a_coded_404(served: Server) -> None:
    some = ok(served, "/api/events", limit=1)["events"][0]
    assert ok(served, "/api/events/" + some["id"]) == some
    assert_coded(get(served, "/api/events/no-such-event"), 404, "DL-E404")


def test_timeline_is_in_event_time_order_with_the_range_it_covers(
    served: Server, corpus_db: Path
) -> None:
    from dateline.timeline import timeline

    body = ok(served, "/api/timeline", **{"from": "2026-01-01"})
    expected = library(corpus_db, lambda c: timeline(c, date_from="2026-01-01"))
    assert [e["id"] for e in body["events"]] == [e["id"] for e in expected]
    starts = [e["time"]["earliest"] or e["time"]["latest"] or e["dct"] for e in body["events"]]
    assert starts == sorted(starts)
    assert body["range"]["from"] == starts[0]
    assert body["range"]["to"] >= starts[-1] >= "2026-01-01"


# --- stories and pending -------------------------------------------------------------
def test_pending_as_of_a_date_is_what_the_pending_command_prints(
    served: Server, corpus_db: Path
) -> None:
    body = ok(served, "/api/pending", as_of="2026-02-25")
    cli = run_dateline("pending", "--as-of", "2026-02-25", "--db", str(corpus_db), "--json")
    assert cli.returncode == 0, cli.stderr
    assert body["as_of"] == "2026-02-25"
    assert body["stories"] == json.loads(cli.stdout) != []


def test_a_pending_summary_is_the_full_stories_without_their_details(served: Server) -> None:
    full = ok(served, "/api/pending", as_of="2026-02-25", limit=5, offset=1)
    summary = ok(served, "/api/pending", as_of="2026-02-25", limit=5, offset=1, view="summary")
    assert summary["total"] == full["total"] and summary["stories"]
    assert [summarised(s) for s in full["stories"]] == summary["stories"]
    assert "history" not in summary["stories"][0]


def summarised(story: dict[str, Any]) -> dict[str, Any]:
    """What /api/pending?view=summary keeps of a whole story."""
    kept = ("id", "type", "family", "status", "state", "dated", "time", "place",
            "participants", "articles")  # fmt: skip
    return {**{k: story[k] for k in kept}, "first_dct": story["first_announced"]["dct"],
            "last_dct": story["latest_evidence"]["dct"], "as_of": story["as_of"]}  # fmt: skip


def test_stories_filter_page_and_total(served: Server) -> None:
    whole = ok(served, "/api/stories", limit=1000)
    assert whole["total"] == len(whole["stories"]) > 2 and whole["total_exact"] is True
    page = ok(served, "/api/stories", limit=2, offset=1)
    assert [s["id"] for s in page["stories"]] == [s["id"] for s in whole["stories"][1:3]]
    planned = ok(served, "/api/stories", state="planned", limit=1000)
    expected = [s["id"] for s in whole["stories"] if s["status"] == "planned"]
    assert [s["id"] for s in planned["stories"]] == expected and planned["total"] == len(expected)
    assert_coded(get(served, "/api/stories", state="rumoured"), 400, "DL-E253")


def test_one_story_has_its_history_and_an_unknown_story_is_a_coded_404(
    served: Server, corpus_db: Path
) -> None:
    from dateline.link import story

    listed = ok(served, "/api/stories", limit=1000)["stories"]
    most_reported = max(listed, key=lambda s: s["articles"])
    body = ok(served, "/api/stories/" + most_reported["id"])
    assert body == library(corpus_db, lambda c: story(c, most_reported["id"]))
    assert len(body["history"]) == most_reported["articles"] > 1
    assert_coded(get(served, "/api/stories/story:0000000000000000"), 404, "DL-E250")


# --- documents and actors ------------------------------------------------------------
def test_document_gives_its_text_and_evidence_spans_that_index_it(served: Server) -> None:
    event = ok(served, "/api/events", q="maritime", limit=1)["events"][0]
    doc = ok(served, "/api/documents/" + event["document_id"])
    assert doc["id"] == event["document_id"] and doc["dct"] == event["dct"]
    assert event["id"] in {span["event_id"] for span in doc["evidence"]}
    for span in doc["evidence"]:
        assert doc["text"][span["start"] : span["end"]] == span["sentence"]
    assert_coded(get(served, "/api/documents/sha256:0"), 404, "DL-E405")


def test_actors_by_part_of_a_name_with_their_number_of_events(served: Server) -> None:
    found = ok(served, "/api/actors", q="ASANTE")["actors"]
    assert found and all("asante" in (a["name"] + a["id"]).lower() for a in found)
    minister = next(a for a in found if a["id"] == "kwame-asante-boateng")
    assert minister["name"] == "Kwame Asante-Boateng" and minister["kind"] == "person"
    assert minister["events"] == ok(served, "/api/events", actor=minister["id"])["total"] > 0


# --- errors --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "params", "status", "code"),
    [
        ("/api/events", {"from": "2026-13-01"}, 400, "DL-E402"),
        ("/api/timeline", {"to": "yesterday"}, 400, "DL-E402"),
        ("/api/pending", {"as_of": "2026-02-30"}, 400, "DL-E402"),
        ("/api/pending", {"view": "compact"}, 400, "DL-E401"),
        ("/api/events", {"from": "2026-05-01", "to": "2026-01-01"}, 400, "DL-E091"),
        ("/api/events", {"limit": "0"}, 400, "DL-E401"),
        ("/api/events", {"limit": "100000"}, 400, "DL-E401"),
        ("/api/events", {"limit": "ten"}, 400, "DL-E401"),
        ("/api/events", {"offset": "-1"}, 400, "DL-E401"),
        ("/api/events", {"status": "rumoured"}, 400, "DL-E403"),
        ("/api/events", {"country": "Atlantis"}, 400, "DL-E090"),
        ("/api/nothing-here", {}, 404, "DL-E406"),
    ],
)
def test_bad_requests_are_coded_json_errors(
    served: Server, path: str, params: dict[str, str], status: int, code: str
) -> None:
    assert_coded(get(served, path, **params), status, code)


def test_a_method_the_route_does_not_take_is_a_coded_405(served: Server) -> None:
    assert_coded(httpx.delete(served.url + "/api/events", timeout=30), 405, "DL-E407")


def test_every_response_carries_csp_without_inline_script_and_nosniff(served: Server) -> None:
    for path in ("/", "/docs", "/static/app.js", "/api/events", "/api/nothing"):
        headers = get(served, path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self';" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_api_docs_page_loads_nothing_from_another_server(served: Server) -> None:
    page = get(served, "/docs").text
    assert "/static/docs.js" in page and "http" not in page.replace("http-equiv", "")
    spec = ok(served, "/openapi.json")
    for path in ("/api/events", "/api/events/{event_id}", "/api/timeline", "/api/pending",
                 "/api/stories", "/api/stories/{story_id}", "/api/documents/{document_id}",
                 "/api/actors", "/api/articles"):  # fmt: skip
        assert path in spec["paths"]


# --- adding articles -----------------------------------------------------------------
ARTICLE = {
    "date": "2026-06-01",
    "title": "Chile and Vietnam sign a fisheries accord",
    "source": "Posted Wire (dateline synthetic)",
    "url": "https://example.org/posted",
    "text": "Chile and Vietnam signed a fisheries accord in Santiago on Monday, "
    "the Chilean foreign ministry said.",
}


def post(server: Server, body: bytes | dict[str, Any], token: str | None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.post(server.url + "/api/articles", content=content, headers=headers, timeout=120)


def test_posting_an_article_is_refused_when_no_token_is_configured(served: Server) -> None:
    assert_coded(post(served, ARTICLE, "anything"), 403, "DL-E408")
    assert ok(served, "/api/events", q="fisheries")["total"] == 0


@pytest.fixture(scope="module")
def writable(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A server with a token over its own copy of the corpus."""
    directory = tmp_path_factory.mktemp("writable")
    db = directory / "copy.db"
    shutil.copy(corpus_db, db)
    server = Server(db, directory / "serve.log", token="s3cret-token")
    try:
        yield server, db
    finally:
        server.stop()


def test_token_rules_wrong_or_missing_is_401_right_token_stores_the_article(
    writable: tuple[Server, Path],
) -> None:
    server, _db = writable
    assert_coded(post(server, ARTICLE, None), 401, "DL-E409")
    assert_coded(post(server, ARTICLE, "s3cret-tokeN"), 401, "DL-E409")
    basic = {"Authorization": "Basic s3cret-token"}  # the right secret in the wrong scheme
    refused = httpx.post(server.url + "/api/articles", json=ARTICLE, headers=basic, timeout=30)
    assert_coded(refused, 401, "DL-E409")
    assert ok(server, "/api/events", q="fisheries")["total"] == 0
    added = post(server, ARTICLE, "s3cret-token")
    assert added.status_code == 201, added.text
    answer = added.json()
    assert answer["added"] is True and answer["events"] > 0
    stored = ok(server, "/api/documents/" + answer["document_id"])
    assert stored["title"] == ARTICLE["title"] and stored["url"] == ARTICLE["url"]
    assert ok(server, "/api/events", q="fisheries")["total"] == answer["events"]
    again = post(server, ARTICLE, "s3cret-token")
    assert again.status_code == 200 and again.json()["added"] is False


def test_a_body_over_the_limit_is_a_coded_413(writable: tuple[Server, Path]) -> None:
    server, _db = writable
    huge = json.dumps({**ARTICLE, "text": "word " * (1024 * 1024 + 10)}).encode()
    assert_coded(post(server, huge, "s3cret-token"), 413, "DL-E410")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"{not json", "DL-E006"),
        (b"[1, 2]", "DL-E007"),
        (json.dumps({"title": "no date", "text": "Kim visited Moscow."}).encode(), "DL-E001"),
        (b"", "DL-E003"),
    ],
)
def test_a_bad_article_is_a_coded_400_and_recorded_as_a_reject(
    writable: tuple[Server, Path], body: bytes, code: str
) -> None:
    server, db = writable
    assert_coded(post(server, body, "s3cret-token"), 400, code)
    with sqlite3.connect(db) as conn:
        codes = {row[0] for row in conn.execute("SELECT code FROM rejects")}
    assert code in codes


# --- reading never blocks writing, and the reader cannot write --------------------------
def test_server_reads_while_another_process_holds_the_write_lock_and_sees_its_commit(
    corpus_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "busy.db"
    shutil.copy(corpus_db, db)
    server = Server(db, tmp_path / "serve.log")
    try:
        before = ok(server, "/api/events")["total"]
        writer = sqlite3.connect(db, isolation_level=None, timeout=1)
        writer.execute("BEGIN IMMEDIATE")  # what an ingest holds while it stores an article
        writer.execute("INSERT INTO rejects (origin, code, reason, first_seen) "
                       "VALUES ('x', 'DL-E003', 'held', '2026-01-01')")  # fmt: skip
        assert ok(server, "/api/events")["total"] == before
        writer.execute("ROLLBACK")
        writer.close()
        extra = tmp_path / "new.jsonl"
        extra.write_text(json.dumps(ARTICLE) + "\n")
        done = run_dateline("ingest", str(extra), "--db", str(db), "-q")
        assert done.returncode == 0, done.stderr
        assert ok(server, "/api/events", q="fisheries")["total"] > 0
    finally:
        server.stop()


def test_the_server_connection_refuses_to_write(db_url: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from dateline.store import Store, database_url
    from dateline.web.database import read_only_engine

    Store(db_url).close()  # an empty database with the schema
    engine = read_only_engine(database_url(db_url))
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM documents")).scalar_one() == 0
            with pytest.raises(DBAPIError, match=r"readonly|read-only"):
                conn.execute(text("DELETE FROM rejects"))
    finally:
        engine.dispose()


def test_serve_on_a_missing_database_file_is_a_coded_error(tmp_path: Path) -> None:
    done = run_dateline("serve", "--db", str(tmp_path / "typo.db"), "--port", "1")
    assert done.returncode == 2
    assert "DL-E400" in done.stderr and "typo.db" in done.stderr
    assert not (tmp_path / "typo.db").exists()
