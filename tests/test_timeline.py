"""The timeline (and `dateline events`) through the real store: order by each event's own
interval, date ranges, filters, and the text view; SQLite and PostgreSQL.

The expected orders below were worked out by hand from the rules in docs/stories.md
("Timeline"): earliest, then latest; an open end counts as the known end only; an
event without any time sits at its article date.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import stored_article
from dateline.cli import app
from dateline.query import format_events
from dateline.store import Store
from dateline.timeline import timeline

DAY_2003 = {"earliest": "2003-01-01", "latest": "2003-12-31", "value": "2003"}
MONTH = {"earliest": "2018-11-01", "latest": "2018-11-30", "value": "2018-11"}
DAY = {"earliest": "2018-11-08", "latest": "2018-11-08", "value": "2018-11-08"}

ARTICLES = [
    stored_article(
        "2019-01-15",
        "Leaders look back on a long rivalry",
        "Wire One",
        [
            {"key": "by-2019", "type": "MEET", "status": "planned", "latest": "2019-06-30",
             "source": ["alpha-leader"], "target": ["BET"]},
            {"key": "y2003", "type": "VISIT", "status": "occurred", **DAY_2003,
             "source": ["alpha-leader"], "target": ["BET"], "location": "Betaville"},
            {"key": "after-2007", "type": "AGREE", "status": "planned",
             "earliest": "2007-11-21", "source": ["ALP"], "target": ["BET"]},
        ],
        places={"Betaville": "BRA"},
    ),
    stored_article(
        "2018-11-20",
        "Talks in Gammatown",
        "Daily Two",
        [
            {"key": "day", "type": "MEET", "status": "occurred", **DAY,
             "source": ["gamma-envoy"], "target": ["BET"], "location": "Gammatown"},
            {"key": "month", "type": "MEET", "status": "occurred", **MONTH,
             "source": ["gamma-envoy"], "target": ["ALP"], "location": "gammatown"},
            {"key": "after-day", "type": "STATEMENT", "status": "planned",
             "earliest": "2018-11-08", "source": ["gamma-envoy"]},
            {"key": "undated", "type": "ACCUSE", "status": "negated", "source": ["ALP"]},
        ],
        places={"Gammatown": "CHL"},
    ),
]  # fmt: skip


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as opened:
        for article in ARTICLES:
            assert opened.add(article)
        yield opened


def keys(store: Store, **filters: Any) -> list[str]:
    with store.engine.connect() as conn:
        return [e["id"].removeprefix("ev-") for e in timeline(conn, **filters)]


def test_timeline_orders_events_by_their_own_interval(store: Store) -> None:
    # "after 2007-11-21" sits at 2007-11-21, "by 2019-06-30" at 2019-06-30, the undated
    # accusation at its article date, 2018-11-20.
    assert keys(store) == [
        "y2003", "after-2007", "month", "day", "after-day", "undated", "by-2019",
    ]  # fmt: skip


def test_a_month_sorts_before_a_day_inside_it(store: Store) -> None:
    order = keys(store)
    assert order.index("month") < order.index("day")  # 2018-11-01.. before 2018-11-08


def test_a_closed_interval_comes_before_an_open_window_at_the_same_date(store: Store) -> None:
    order = keys(store)
    assert order.index("day") + 1 == order.index("after-day")


def test_undated_event_sits_at_its_article_date_and_says_so(store: Store) -> None:
    with store.engine.connect() as conn:
        rows = {e["id"]: e for e in timeline(conn)}
    assert rows["ev-undated"]["ordered_by"] == "dct"
    assert {e["ordered_by"] for k, e in rows.items() if k != "ev-undated"} == {"time"}
    line = format_events([rows["ev-undated"]])
    assert "undated, reported 2018-11-20" in line


def test_open_window_matches_a_range_only_by_its_known_end(store: Store) -> None:
    # The reported bug: "after 2007-11-21" must not match 2018-2019 for being open.
    found = keys(store, date_from="2018-01-01", date_to="2019-12-31")
    assert found == ["month", "day", "after-day", "undated", "by-2019"]
    assert keys(store, date_from="2019-07-01") == []
    assert keys(store, date_to="2007-11-21") == ["y2003", "after-2007"]


def test_interval_overlapping_the_range_edge_is_kept(store: Store) -> None:
    assert keys(store, date_from="2018-11-20", date_to="2018-12-31") == ["month", "undated"]
    assert keys(store, date_from="2003-12-31", date_to="2003-12-31") == ["y2003"]


def test_place_filter_ignores_case(store: Store) -> None:
    assert keys(store, place="GAMMATOWN") == ["month", "day"]


def test_country_filter_uses_the_resolved_place(store: Store) -> None:
    assert keys(store, country="chl") == ["month", "day"]
    assert keys(store, country="BRA") == ["y2003"]
    assert keys(store, country="RUS") == []


def test_source_filter_keeps_one_outlets_events(store: Store) -> None:
    assert keys(store, source="wire one") == ["y2003", "after-2007", "by-2019"]


def test_story_filter_keeps_one_storys_events(store: Store) -> None:
    with store.engine.connect() as conn:
        day = next(e for e in timeline(conn) if e["id"] == "ev-day")
    assert day["story_id"]
    assert "day" in keys(store, story=day["story_id"])
    assert "month" not in keys(store, story=day["story_id"])


def test_filters_combine(store: Store) -> None:
    assert keys(store, actor="gamma", type="meet", status="occurred", country="CHL") == [
        "month",
        "day",
    ]
    assert keys(store, actor="Gamma Envoy", date_to="2018-11-05") == ["month"]


def test_limit_is_applied_after_the_order(store: Store) -> None:
    assert keys(store, limit=3) == ["y2003", "after-2007", "month"]


def test_text_view_shows_outlet_and_title(store: Store) -> None:
    with store.engine.connect() as conn:
        lines = format_events(timeline(conn)).splitlines()
    assert lines[0].startswith("2003")
    assert lines[0].endswith("— Wire One, “Leaders look back on a long rivalry”")
    assert "Daily Two, “Talks in Gammatown”" in lines[2]


def test_events_are_listed_in_timeline_order(store: Store) -> None:
    result = CliRunner().invoke(app, ["events", "--db", store.url, "--json", "--limit", "4"])
    assert result.exit_code == 0, result.output
    assert [e["id"] for e in json.loads(result.stdout)] == [
        "ev-y2003", "ev-after-2007", "ev-month", "ev-day",
    ]  # fmt: skip


def test_timeline_command_takes_the_new_filters(store: Store) -> None:
    args = ["timeline", "--db", store.url, "--json", "--country", "CHL", "--source", "Daily Two"]
    result = CliRunner().invoke(app, [*args, "--from", "2018-11-05", "--place", "Gammatown"])
    assert result.exit_code == 0, result.output
    assert [e["id"] for e in json.loads(result.stdout)] == ["ev-month", "ev-day"]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--country", "Russia"], "DL-E090"),
        (["--country", "XYZ"], "DL-E090"),
        (["--from", "2019-01-01", "--to", "2018-01-01"], "DL-E091"),
        (["--from", "2019-13-01"], "DL-E080"),
    ],
)
def test_bad_timeline_filter_is_one_coded_line(tmp_path: Any, args: list[str], code: str) -> None:
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(app, ["timeline", "--db", db, *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"dateline: {code} ")
