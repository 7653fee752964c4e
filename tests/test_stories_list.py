"""`dateline stories` and the cost of reading stories: the list, its filters, and a fixed
number of SQL statements per request (pending, timeline, stories, story) however many
stories the database holds; SQLite and PostgreSQL.

The stories are written by hand (tests/conftest.py `stored_article`); the expected
states follow from docs/stories.md ("A story's state").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event
from typer.testing import CliRunner

from conftest import stored_article
from dateline.cli import app
from dateline.errors import DatelineError
from dateline.link import format_stories, list_stories
from dateline.store import Store
from dateline.timeline import timeline


def visit_story(n: int, outlet: str = "Wire One") -> list[dict[str, Any]]:
    """Story n: a visit announced without a date, then dated for June, then reported done."""
    who = {"source": [f"visitor-{n}"], "target": [f"host-{n}"], "location": "Capital City"}
    return [
        stored_article(
            "2025-01-10",
            f"Visitor {n} invited",
            outlet,
            [{"key": f"v{n}-announce", "type": "VISIT", "status": "planned",
              "earliest": "2025-01-10", **who}],
        ),
        stored_article(
            "2025-03-01",
            f"Visitor {n} to arrive in June",
            "Daily Two",
            [{"key": f"v{n}-dated", "type": "VISIT", "status": "planned",
              "earliest": "2025-06-10", "latest": "2025-06-10", "value": "2025-06-10", **who}],
        ),
    ]  # fmt: skip


OCCURRED = stored_article(
    "2025-06-11",
    "Visitor 0 arrives",
    "Evening Three",
    [{"key": "v0-done", "type": "VISIT", "status": "occurred", "earliest": "2025-06-10",
      "latest": "2025-06-10", "value": "2025-06-10", "source": ["visitor-0"],
      "target": ["host-0"], "location": "Capital City"}],
)  # fmt: skip
OLD_TREATY = stored_article(
    "2024-02-02",
    "A treaty is recalled",
    "Wire One",
    [{"key": "treaty", "type": "AGREE", "status": "occurred", "earliest": "2003-01-01",
      "latest": "2003-12-31", "value": "2003", "source": ["treaty-maker"], "target": ["host-9"]}],
)  # fmt: skip
THREAT = stored_article(
    "2024-05-05",
    "A threat without a date",
    "Daily Two",
    [{"key": "threat", "type": "THREATEN", "status": "occurred", "source": ["warlord"],
      "target": ["host-8"]}],
)  # fmt: skip


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as opened:
        for article in [*visit_story(0), OCCURRED, *visit_story(1), OLD_TREATY, THREAT]:
            assert opened.add(article)
        yield opened


def listed(store: Store, **filters: Any) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return list_stories(conn, **filters)


def key_events(store: Store) -> dict[str, str]:
    """Story id by the key event of each story."""
    with store.engine.connect() as conn:
        rows = timeline(conn)
    return {e["id"].removeprefix("ev-"): e["story_id"] for e in rows}


def test_stories_lists_every_story_most_recently_reported_first(store: Store) -> None:
    ids = key_events(store)
    entries = listed(store)
    assert [e["id"] for e in entries] == [
        ids["v0-done"], ids["v1-dated"], ids["threat"], ids["treaty"],
    ]  # fmt: skip
    visit = entries[0]
    assert (visit["type"], visit["status"], visit["dated"]) == ("VISIT", "occurred", True)
    assert visit["time"]["value"] == "2025-06-10"
    assert (visit["articles"], visit["events"]) == (3, 3)
    assert (visit["first_dct"], visit["last_dct"]) == ("2025-01-10", "2025-06-11")
    assert visit["title"] == "Visitor 0 invited"
    assert visit["participants"] == [
        {"id": "visitor-0", "name": "Visitor 0"},
        {"id": "host-0", "name": "Host 0"},
    ]
    assert visit["sources"] == ["Wire One", "Daily Two", "Evening Three"]
    json.dumps(entries)


def test_stories_state_filter_takes_the_status_the_linker_records(store: Store) -> None:
    ids = key_events(store)
    assert [e["id"] for e in listed(store, state="Planned")] == [ids["v1-dated"]]
    assert [e["id"] for e in listed(store, state="negated")] == []


def test_stories_state_filter_takes_a_lifecycle_state(store: Store) -> None:
    ids = key_events(store)
    dated = listed(store, state="dated")
    assert [(e["id"], e["state"]) for e in dated] == [(ids["v1-dated"], "dated")]
    assert listed(store, state="announced") == []
    occurred = {e["id"] for e in listed(store, state="occurred")}
    assert ids["v0-done"] in occurred and ids["v1-dated"] not in occurred
    assert listed(store, state="Under-Way") == listed(store, state="under way") == []


def test_unknown_story_state_is_a_coded_error(store: Store) -> None:
    with pytest.raises(DatelineError) as caught:
        listed(store, state="rumoured")
    assert caught.value.code == "DL-E253"
    assert "rescheduled" in str(caught.value) and "planned" in str(caught.value)


def test_stories_actor_filter_takes_an_id_or_part_of_a_name(store: Store) -> None:
    ids = key_events(store)
    assert [e["id"] for e in listed(store, actor="host-1")] == [ids["v1-dated"]]
    assert [e["id"] for e in listed(store, actor="Treaty Mak")] == [ids["treaty"]]


def test_stories_range_uses_the_story_time_or_else_its_reports(store: Store) -> None:
    ids = key_events(store)
    # Both visits are dated 2025-06-10; the treaty is 2003; the undated threat sits at
    # its one report, 2024-05-05.
    assert [e["id"] for e in listed(store, date_from="2025-06-01", date_to="2025-06-30")] == [
        ids["v0-done"],
        ids["v1-dated"],
    ]
    assert [e["id"] for e in listed(store, date_to="2003-06-01")] == [ids["treaty"]]
    assert [e["id"] for e in listed(store, date_from="2024-05-05", date_to="2024-05-05")] == [
        ids["threat"]
    ]


def test_stories_limit_keeps_the_most_recent(store: Store) -> None:
    ids = key_events(store)
    assert [e["id"] for e in listed(store, limit=2)] == [ids["v0-done"], ids["v1-dated"]]


def test_stories_text_view_shows_state_time_reports_and_who(store: Store) -> None:
    text = format_stories(listed(store, limit=1))
    head, who = text.splitlines()
    assert "VISIT occurred  2025-06-10  (3 reports, last 2025-06-11)" in head
    assert who.startswith("  Visitor 0, Host 0 — Wire One, Daily Two, Evening Three")
    assert "“Visitor 0 invited”" in who
    assert format_stories([]) == "No stories."


def test_stories_command_prints_json_and_text(store: Store) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["stories", "--db", store.url, "--json", "--state", "planned"])
    assert result.exit_code == 0, result.output
    assert [e["id"] for e in json.loads(result.stdout)] == [key_events(store)["v1-dated"]]
    text = runner.invoke(app, ["stories", "--db", store.url, "--actor", "visitor", "--limit", "1"])
    assert text.exit_code == 0 and "Visitor 0, Host 0" in text.stdout


def test_stories_command_bad_state_is_one_coded_line(store: Store) -> None:
    result = CliRunner().invoke(app, ["stories", "--db", store.url, "--state", "held"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "dateline: DL-E253 unknown story state 'held'; use one of "
        "speculated, announced, dated, rescheduled, postponed, cancelled, under way, occurred, "
        "ongoing, planned, possible, negated"
    ]


def test_unknown_story_points_to_the_stories_command(store: Store) -> None:
    result = CliRunner().invoke(app, ["story", "--db", store.url, "story:nope"])
    assert result.exit_code == 1
    assert "`dateline stories`" in result.stderr


# --- a fixed number of statements per request -------------------------------------------


def statements(store: Store, read: Callable[[], Any]) -> tuple[int, list[str], Any]:
    """How many SQL statements ``read`` sends (and their text), with what it returned."""
    sent: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        result = read()
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    return len(sent), sent, result


def requests(store: Store) -> dict[str, Callable[[], Any]]:
    def on_conn(fn: Callable[[Any], Any]) -> Callable[[], Any]:
        def run() -> Any:
            with store.engine.connect() as conn:
                return fn(conn)

        return run

    story_id = key_events(store)["v1-dated"]
    return {
        "pending": lambda: store.pending(as_of="2025-04-01"),
        "timeline": on_conn(timeline),
        "stories": on_conn(list_stories),
        "stories limit": on_conn(lambda conn: list_stories(conn, limit=2)),
        "Store.stories": lambda: store.stories(limit=None),
        "story": lambda: store.story(story_id),
    }


def cost(db_url: str, n_stories: int) -> dict[str, int]:
    """Statements per request on a database of ``n_stories`` two-report stories."""
    with Store(db_url) as fresh:
        for n in range(n_stories):
            for article in visit_story(n, outlet=f"Outlet {n}"):
                assert fresh.add(article)
        out = {}
        for name, read in requests(fresh).items():
            read()  # a first run may open the connection; count a warm one
            count, _, result = statements(fresh, read)
            if name in ("pending", "stories", "Store.stories"):
                assert len(result) == n_stories  # every story is there, so it was read
            out[name] = count
        return out


@pytest.fixture
def second_db_url(db_url: str, request: pytest.FixtureRequest, tmp_path: Any) -> str:
    if db_url.startswith("postgresql"):
        from conftest import _fresh_pg_database

        server = request.getfixturevalue("pg_server")
        return _fresh_pg_database(server, db_url.rsplit("/", 1)[1] + "_many")
    return str(tmp_path / "many.db")


def test_statements_per_request_do_not_grow_with_the_number_of_stories(
    db_url: str, second_db_url: str
) -> None:
    few, many = cost(db_url, 2), cost(second_db_url, 15)
    assert many == few
    # a handful each (on SQLite the store's explicit BEGIN counts as one)
    assert all(0 < n <= 8 for n in few.values()), few


def test_stories_limit_is_in_the_sql(store: Store) -> None:
    _, sent, result = statements(store, lambda: listed(store, limit=2))
    assert len(result) == 2
    queries = [q for q in sent if q.strip().upper() != "BEGIN"]
    assert "LIMIT" in queries[0].upper()
