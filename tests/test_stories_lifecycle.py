"""A story's lifecycle (docs/stories.md, "Lifecycle"): the state each article gives it, the
story's current state, `pending` as of a date and `stories --state`, on hand-built series.

Each series is one visit of Visitor A to Hostland reported by several outlets; the states
below were worked out by hand from the rules in docs/stories.md.
"""

from __future__ import annotations

import calendar
import itertools
import json
import random
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, delete, text
from typer.testing import CliRunner

from conftest import stored_article
from dateline.cli import app
from dateline.link import format_pending, format_story, list_stories
from dateline.link.schema import stories as stories_table
from dateline.store import Store
from dateline.store import schema as t

WHO = {"source": ["visitor-a"], "target": ["HST"], "location": "Capital City"}


def report(
    dct: str, outlet: str, status: str, when: str | None = None, change: str | None = None
) -> dict[str, Any]:
    """One article saying one thing about the visit; ``when`` is a day or a month."""
    spec: dict[str, Any] = {"key": f"{dct}-{outlet}", "type": "VISIT", "status": status, **WHO}
    if when and len(when) == 10:
        spec.update(value=when, earliest=when, latest=when, granularity="day")
    elif when:
        year, month = (int(p) for p in when.split("-"))
        last = calendar.monthrange(year, month)[1]
        spec.update(value=when, earliest=f"{when}-01", latest=f"{when}-{last}", granularity="month")
    elif status in ("planned", "possible"):
        spec.update(earliest=dct)  # "will visit", no date: from the article on
    item = stored_article(dct, f"Visit report {dct} {outlet}", outlet, [spec])
    item["events"][0]["change"] = change
    return item


# The visit announced, dated, moved, put off without a date, then called off.
CALLED_OFF = [
    report("2025-01-10", "wire", "planned"),
    report("2025-02-01", "daily", "planned", "2025-06-10"),
    report("2025-03-01", "herald", "planned", "2025-06-20", change="postponed"),
    report("2025-04-01", "wire", "planned", None, change="postponed"),
    report("2025-05-01", "daily", "negated"),
]
CALLED_OFF_STATES = ["announced", "dated", "rescheduled", "postponed", "cancelled"]

# Held, then a later report speaks of a (new) plan: the history shows the move, the story
# stays occurred; a last report still announces the date it was held on, stale: occurred.
HELD = [
    report("2025-03-01", "wire", "planned", "2025-03-20"),
    report("2025-03-21", "daily", "occurred", "2025-03-20"),
    report("2025-03-22", "herald", "planned", "2025-03", change="postponed"),
    report("2025-03-23", "post", "planned", "2025-03-20"),
]
HELD_STATES = ["dated", "occurred", "rescheduled", "occurred"]


def _denied_and_put_off(dct: str, outlet: str) -> dict[str, Any]:
    """ "Hostland denied reports that the visit took place; it will be rescheduled." """
    meet = {"key": f"{dct}-{outlet}-denied", "type": "MEET", "status": "negated", **WHO}
    visit = {"key": f"{dct}-{outlet}-moved", "type": "VISIT", "status": "planned", **WHO}
    visit["earliest"] = dct
    item = stored_article(dct, f"Visit denied {dct} {outlet}", outlet, [meet, visit])
    item["events"][1]["change"] = "postponed"
    return item


# Reported held, then denied and put off: the correction takes the occurrence back.
CORRECTED = [
    report("2025-03-01", "wire", "planned", "2025-03-20"),
    report("2025-03-21", "daily", "occurred", "2025-03-20"),
    _denied_and_put_off("2025-03-22", "herald"),
]
CORRECTED_STATES = ["dated", "occurred", "postponed"]

# Set for November 3, held on the 5th (the plan slipped), then reported held again.
SLIPPED = [
    report("2026-10-20", "wire", "planned", "2026-11-03"),
    report("2026-11-06", "daily", "occurred", "2026-11-05"),
    report("2026-11-09", "herald", "occurred", "2026-11-05"),
]
SLIPPED_STATES = ["dated", "occurred", "occurred"]


def _put_off_beside_a_past(dct: str, outlet: str) -> dict[str, Any]:
    """ "The visit was put off at the last minute; it will be rescheduled" beside a
    background "the two leaders met" without a date of its own."""
    denied = {"key": f"{dct}-{outlet}-denied", "type": "VISIT", "status": "negated", **WHO}
    moved = {"key": f"{dct}-{outlet}-moved", "type": "VISIT", "status": "planned", **WHO}
    past = {"key": f"{dct}-{outlet}-past", "type": "VISIT", "status": "occurred", **WHO}
    moved["earliest"] = dct
    item = stored_article(dct, f"Visit put off {dct} {outlet}", outlet, [denied, moved, past])
    item["events"][1]["change"] = "postponed"
    return item


# Reported held, then put off in an article that also tells an undated past: put off.
PUT_OFF = [
    report("2025-03-01", "wire", "planned", "2025-03-20"),
    report("2025-03-21", "daily", "occurred", "2025-03-20"),
    _put_off_beside_a_past("2025-03-22", "herald"),
]


@pytest.fixture
def store(db_url: str) -> Any:
    with Store(db_url) as opened:
        yield opened


def stored(store: Store, items: list[dict[str, Any]]) -> dict[str, Any]:
    """The one story the items make."""
    for item in items:
        assert store.add(item)
    found = store.stories(limit=None)
    assert len(found) == 1, [(s["type"], s["history"]) for s in found]
    return found[0]


def states(story: dict[str, Any]) -> list[str]:
    return [h["state"] for h in story["history"]]


def test_announced_dated_rescheduled_postponed_cancelled(store: Store) -> None:
    story = stored(store, CALLED_OFF)
    assert states(story) == CALLED_OFF_STATES
    assert (story["state"], story["status"]) == ("cancelled", "negated")
    assert store.story(story["id"]) == story  # `dateline story` reads the same
    assert "cancelled" in format_story(story)


@pytest.mark.parametrize(
    ("as_of", "state"),
    [
        ("2025-01-09", None),  # nothing published yet
        ("2025-01-10", "announced"),
        ("2025-02-01", "dated"),
        ("2025-03-01", "rescheduled"),
        ("2025-04-01", "postponed"),
        ("2025-04-30", "postponed"),
        ("2025-05-01", None),  # cancelled: never pending
    ],
)
def test_pending_shows_the_state_as_of_each_date(
    store: Store, as_of: str, state: str | None
) -> None:
    stored(store, CALLED_OFF)
    got = [s["state"] for s in store.pending(as_of=as_of)]
    assert got == ([state] if state else [])
    if state:
        assert (
            format_pending(store.pending(as_of=as_of))
            .splitlines()[2]
            .startswith(f"VISIT {state}: ")
        )


def test_a_dated_plan_is_not_pending_once_its_date_has_passed(store: Store) -> None:
    stored(store, CALLED_OFF[:2])
    assert [s["state"] for s in store.pending(as_of="2025-06-10")] == ["dated"]
    assert store.pending(as_of="2025-06-11") == []


def test_a_later_plan_never_undoes_an_occurrence_but_shows_in_the_history(store: Store) -> None:
    story = stored(store, HELD)
    assert states(story) == HELD_STATES
    assert story["state"] == "occurred"
    assert story["time"]["value"] == "2025-03-20"
    for as_of in ("2025-03-21", "2025-03-22", "2025-03-30"):
        assert store.pending(as_of=as_of) == []
    assert [s["state"] for s in store.pending(as_of="2025-03-20")] == ["dated"]


def test_held_and_postponed_the_same_day_both_show(store: Store) -> None:
    story = stored(
        store,
        [
            report("2025-03-01", "wire", "planned", "2025-03-20"),
            report("2025-03-20", "daily", "occurred", "2025-03-20"),
            report("2025-03-20", "herald", "planned", None, change="postponed"),
        ],
    )
    assert sorted(states(story)[1:]) == ["occurred", "postponed"]
    assert story["state"] == "occurred"


def test_a_denial_that_puts_the_visit_off_takes_back_its_occurrence(store: Store) -> None:
    story = stored(store, CORRECTED)
    assert states(story) == CORRECTED_STATES  # the contradiction stays in the history
    assert (story["state"], story["status"], story["dated"]) == ("postponed", "planned", False)
    assert [s["state"] for s in store.pending(as_of="2025-03-22")] == ["postponed"]
    assert store.pending(as_of="2025-03-21") == []  # as reported then: held


def test_a_later_days_report_that_puts_the_event_off_takes_back_its_occurrence(
    store: Store,
) -> None:
    story = stored(
        store,
        [
            report("2025-03-01", "wire", "planned", "2025-03-20"),
            report("2025-03-21", "daily", "occurred", "2025-03-20"),
            report("2025-03-22", "herald", "planned", None, change="postponed"),
        ],
    )
    assert states(story) == ["dated", "occurred", "postponed"]
    assert (story["state"], story["status"]) == ("postponed", "planned")
    assert [s["state"] for s in store.pending(as_of="2025-03-22")] == ["postponed"]
    assert store.pending(as_of="2025-03-21") == []  # as reported then: held


def test_speculation_alone_is_speculated_and_never_pending(store: Store) -> None:
    story = stored(store, [report("2025-01-10", "wire", "possible")])
    assert (states(story), story["state"]) == (["speculated"], "speculated")
    assert store.pending(as_of="2025-01-11") == []


def test_speculation_after_a_plan_leaves_the_plan_as_it_was(store: Store) -> None:
    story = stored(
        store,
        [
            report("2025-01-10", "wire", "possible"),
            report("2025-02-01", "daily", "planned", "2025-06-10"),
            report("2025-03-01", "herald", "possible"),
            report("2025-03-05", "post", "planned"),  # "will visit", no date given
        ],
    )
    assert states(story) == ["speculated", "dated", "dated", "dated"]
    assert (story["state"], story["time"]["value"]) == ("dated", "2025-06-10")


def test_a_more_precise_date_is_not_a_new_date(store: Store) -> None:
    story = stored(
        store,
        [
            report("2025-02-01", "wire", "planned", "2025-06"),
            report("2025-03-01", "daily", "planned", "2025-06-10"),
            report("2025-04-01", "herald", "planned", "2025-06"),
        ],
    )
    assert states(story) == ["dated", "dated", "dated"]


def test_under_way_then_occurred(store: Store) -> None:
    story = stored(
        store,
        [
            report("2025-06-01", "wire", "planned", "2025-06-10"),
            report("2025-06-10", "daily", "ongoing", "2025-06-10"),
        ],
    )
    assert (states(story), story["state"]) == (["dated", "under way"], "under way")
    done = report("2025-06-11", "herald", "occurred", "2025-06-10")
    assert store.add(done)
    after = store.story(story["id"])
    assert after is not None
    assert (states(after), after["state"]) == (["dated", "under way", "occurred"], "occurred")


def _history(order: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "order.db")) as fresh:
        for item in order:
            fresh.add(item)
        found = fresh.stories(limit=None)
        return sorted(
            (
                s["id"],
                s["state"],
                tuple((h["dct"], h["document_id"], h["state"]) for h in s["history"]),
            )
            for s in found
        )


def test_a_visit_held_a_few_days_after_its_planned_date_is_that_visit(store: Store) -> None:
    story = stored(store, SLIPPED)
    assert (states(story), story["state"]) == (SLIPPED_STATES, "occurred")


@pytest.mark.parametrize(
    "series",
    [CALLED_OFF, HELD, CORRECTED, SLIPPED],
    ids=["called-off", "held", "corrected", "slipped"],
)
def test_any_order_of_arrival_gives_the_same_states_and_history(
    series: list[dict[str, Any]],
) -> None:
    orders = list(itertools.permutations(series))
    random.Random(12).shuffle(orders)
    first = _history(list(series))
    for order in orders[:10]:
        assert _history(list(order)) == first


def test_stories_command_filters_by_state(store: Store) -> None:
    stored(store, CALLED_OFF[:3])
    runner = CliRunner()
    found = runner.invoke(app, ["stories", "--db", store.url, "--state", "rescheduled", "--json"])
    assert found.exit_code == 0, found.output
    assert [e["state"] for e in json.loads(found.stdout)] == ["rescheduled"]
    none = runner.invoke(app, ["stories", "--db", store.url, "--state", "dated", "--json"])
    assert json.loads(none.stdout) == []
    text_view = runner.invoke(app, ["stories", "--db", store.url])
    assert "VISIT rescheduled" in text_view.stdout


def test_story_json_has_the_state_of_each_article(store: Store) -> None:
    story = stored(store, HELD)
    result = CliRunner().invoke(app, ["story", "--db", store.url, story["id"], "--json"])
    shown = json.loads(result.stdout)
    assert shown["state"] == "occurred"
    assert [h["state"] for h in shown["history"]] == HELD_STATES


def test_migration_5_computes_the_state_of_stored_stories(db_url: str) -> None:
    from dateline.link.history_table import drop_story_states

    with Store(db_url) as store:
        story = stored(store, CALLED_OFF[:3])
        with store.engine.begin() as conn:
            conn.execute(text("DROP INDEX ix_stories_state_last"))
            # as made before migration 5: nor migrations 7, 10, 29 and 31's indexes, which
            # hold state
            conn.execute(text("DROP INDEX ix_stories_pending"))
            conn.execute(text("DROP INDEX ix_stories_open_group"))
            conn.execute(text("DROP INDEX ix_stories_open_end"))
            drop_story_states(conn)  # nor migration 16's triggers, which read state
            conn.execute(text("ALTER TABLE stories DROP COLUMN state"))
            versions = t.schema_migrations.c.version
            conn.execute(delete(t.schema_migrations).where(versions.in_([5, 16, 29])))
    with Store(db_url) as reopened, reopened.engine.connect() as conn:
        assert [e["state"] for e in list_stories(conn)] == ["rescheduled"]
        assert conn.execute(stories_table.select()).one().id == story["id"]


def test_a_statement_announced_without_a_date_is_pending_for_two_weeks(store: Store) -> None:
    def announced(kind: str) -> dict[str, Any]:
        spec = {"key": f"{kind}-plan", "type": kind, "status": "planned", "earliest": "2017-10-06"}
        return stored_article("2017-10-06", f"{kind} announced", "wire", [{**spec, **WHO}])

    for kind in ("STATEMENT", "VISIT"):
        store.add(announced(kind))

    def listed(as_of: str) -> list[str]:
        return sorted(s["type"] for s in store.pending(as_of=as_of))

    assert listed("2017-10-20") == ["STATEMENT", "VISIT"]
    assert listed("2017-10-21") == ["VISIT"]  # "will publish a notice", not two years on
    assert listed("2019-10-06") == ["VISIT"]


def test_an_undated_statement_goes_stale_by_its_type_whatever_its_row_reaches(
    store: Store, db_url: str
) -> None:
    """The SQL that judges stories reported only up to the date (``_settled_pending``, and
    the CLI's fast path on SQLite) says what ``is_pending`` says: an undated statement is
    pending for ``speech_types``' future, whatever reach its ``stories`` row holds (here
    as a row written with ``stale_days`` for every type would hold it)."""
    spec = {"key": "notice", "type": "STATEMENT", "status": "planned", "earliest": "2017-10-06"}
    store.add(stored_article("2017-10-06", "Notice announced", "wire", [{**spec, **WHO}]))
    with store.engine.begin() as conn:
        conn.execute(stories_table.update().values(open_until="2019-10-06"))
    assert [s["type"] for s in store.pending(as_of="2017-10-20")] == ["STATEMENT"]
    assert store.pending(as_of="2017-10-21") == []
    if "://" not in db_url:  # SQLite: the CLI reads it without SQLAlchemy
        import sqlite3

        from dateline.fastpath.pending import pending as fast_pending

        with sqlite3.connect(db_url) as conn:
            assert len(fast_pending(conn, "2017-10-20", limit=None, offset=0)) == 1
            assert fast_pending(conn, "2017-10-21", limit=None, offset=0) == []


def test_migration_15_links_stored_documents_under_the_new_rules(db_url: str) -> None:
    from dateline.link.linker import relink_from_scratch
    from dateline.link.settings import RULES_PATH, settings_from_dict

    def threat(dct: str) -> dict[str, Any]:
        spec = {"key": f"threat-{dct}", "type": "THREATEN", "status": "occurred"}
        return stored_article(dct, f"Threat reported {dct}", "wire", [{**spec, "source": ["PRK"]}])

    rules = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    rules.pop("speech_types")  # the rules before: an undated threat reached 30 days back
    with Store(db_url) as store:
        for dct in ("2013-03-30", "2013-04-09"):
            store.add(threat(dct))
        assert len(store.stories(limit=None)) == 2
        with store.engine.begin() as conn:  # linked as before migration 15
            relink_from_scratch(conn, settings_from_dict(rules))
            conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 15))
        assert len(store.stories(limit=None)) == 1
    with Store(db_url) as reopened:
        assert len(reopened.stories(limit=None)) == 2


def test_an_undated_past_in_an_article_that_puts_the_visit_off_does_not_keep_it_held(
    store: Store,
) -> None:
    story = stored(store, PUT_OFF)
    assert (states(story), story["state"]) == (["dated", "occurred", "postponed"], "postponed")


def test_migration_18_links_stored_documents_under_the_new_fold(db_url: str) -> None:
    with Store(db_url) as store:
        for item in PUT_OFF:
            store.add(item)
        with store.engine.begin() as conn:  # the row as the fold before migration 18 left it
            conn.execute(stories_table.update().values(state="occurred", status="occurred"))
            conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 18))
    with Store(db_url) as reopened, reopened.engine.connect() as conn:
        assert [s["state"] for s in list_stories(conn)] == ["postponed"]


def test_migration_19_links_stored_documents_under_the_new_joining_rules(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.link import cluster
    from dateline.link.linker import relink_from_scratch

    plan = report("2026-11-19", "wire", "planned")
    held = {"key": "held", "type": "VISIT", "status": "occurred", **WHO}
    held.update(value="2027-02-09", earliest="2027-02-09", latest="2027-02-09")
    august = {"key": "august", "type": "VISIT", "status": "planned", **WHO}
    august.update(value="2027-08", earliest="2027-08-01", latest="2027-08-31")
    # "held talks in Capital City on February 9 ... will return in August": two visits
    later = stored_article("2027-02-11", "Visit held, another planned", "daily", [held, august])
    with Store(db_url) as store:
        for item in (plan, later):
            store.add(item)
        assert len(store.stories(limit=None)) == 2
        with monkeypatch.context() as rules, store.engine.begin() as conn:
            rules.setattr(cluster, "fates_after", lambda *_: [])  # linked as before
            relink_from_scratch(conn)
            conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 19))
        assert len(store.stories(limit=None)) == 1
    with Store(db_url) as reopened:
        assert len(reopened.stories(limit=None)) == 2


def test_a_facet_held_on_another_day_does_not_take_the_visit_from_its_planned_talks(
    store: Store,
) -> None:
    """'The visit, set for February 23-25, is put off ... the host telephoned the visitor the
    same day (November 30) ... talks are planned for February 23-25': the call, read as talks
    held, is a facet of the visit's story, not what became of the talks, so the planned talks
    stay with the visit."""
    visit = {"key": "visit", "type": "VISIT", "status": "planned", **WHO}
    visit.update(value="2027-02-23/2027-02-25", earliest="2027-02-23", latest="2027-02-25")
    call = {"key": "call", "type": "MEET", "status": "occurred", "source": ["visitor-a"]}
    call.update(value="2026-11-30", earliest="2026-11-30", latest="2026-11-30")
    talks = {**visit, "key": "talks", "type": "MEET"}
    item = stored_article("2027-01-08", "Visit put off", "wire", [visit, call, talks])
    item["events"][0]["change"] = "postponed"
    story = stored(store, [item])
    assert len(story["events"]) == 3


def test_migration_30_links_stored_documents_under_the_new_joining_rule(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.link import cluster
    from dateline.link.linker import relink_from_scratch

    visit = {"key": "visit", "type": "VISIT", "status": "planned", **WHO}
    visit.update(value="2027-02-23/2027-02-25", earliest="2027-02-23", latest="2027-02-25")
    call = {"key": "call", "type": "MEET", "status": "occurred", "source": ["visitor-a"]}
    call.update(value="2026-11-30", earliest="2026-11-30", latest="2026-11-30")
    item = stored_article(
        "2027-01-08",
        "Visit put off",
        "wire",
        [visit, call, {**visit, "key": "talks", "type": "MEET"}],
    )
    item["events"][0]["change"] = "postponed"

    def before(e: Any, fates: Any, draft: Any, settings: Any) -> bool:
        return any(cluster.join_score(n, draft, settings) for n in fates)

    with Store(db_url) as store:
        store.add(item)
        assert len(store.stories(limit=None)) == 1
        with monkeypatch.context() as rules, store.engine.begin() as conn:
            rules.setattr(cluster, "_taken", before)  # linked as before
            relink_from_scratch(conn)
            conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 30))
        assert len(store.stories(limit=None)) == 2
    with Store(db_url) as reopened:
        assert len(reopened.stories(limit=None)) == 1


def test_people_of_one_country_and_that_country_alone_stay_apart(store: Store) -> None:
    people = stored_article(
        "2025-02-01", "Two ministers meet", "wire",
        [{"key": "pair", "type": "MEET", "status": "planned",
          "source": ["minister-a", "minister-b"]}],
    )  # fmt: skip
    for actor in people["actors"]:
        actor.update(kind="person", country="FRA")
    country = stored_article(
        "2025-02-02", "France to host talks", "daily",
        [{"key": "host", "type": "MEET", "status": "planned", "source": ["FRA"]}],
    )  # fmt: skip
    for order in ([people, country], [country, people]):
        with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "o.db")) as fresh:
            for item in order:
                fresh.add(item)
            assert len(fresh.stories(limit=None)) == 2


def test_a_moved_plan_joins_the_plan_it_moves_whichever_way_it_moved(store: Store) -> None:
    """'postponed his trip, will now travel on October 17' (the trip planned for October
    10) and 'brought forward by a week to June 2' (planned for June 9): one story each."""
    later = [
        report("2024-09-24", "wire", "planned", "2024-10-10"),
        report("2024-10-16", "daily", "planned", "2024-10-17", change="postponed"),
    ]
    assert states(stored(store, later)) == ["dated", "rescheduled"]


def test_a_moved_plan_brought_forward_joins_the_later_date(store: Store) -> None:
    earlier = [
        report("2027-05-20", "wire", "planned", "2027-06-09"),
        report("2027-05-27", "daily", "planned", "2027-06-02", change="postponed"),
    ]
    assert states(stored(store, earlier)) == ["dated", "rescheduled"]


def test_two_plans_with_other_dates_and_no_word_of_a_move_stay_apart(store: Store) -> None:
    for item in (
        report("2024-09-24", "wire", "planned", "2024-10-10"),
        report("2024-10-16", "daily", "planned", "2024-10-17"),
    ):
        assert store.add(item)
    assert len(store.stories(limit=None)) == 2


def test_a_story_stored_as_cancelled_reads_back_as_cancelled(store: Store) -> None:
    """An article that puts the visit off and reports it cancelled: the linker's fold
    keeps the cancellation (``events.change``), and so must every read of the story —
    the reads left ``change`` out of a member's row and showed it postponed and planned."""
    who = {"source": ["ana-valdes"], "target": ["CHL"], "location": "Santiago"}
    when = {"earliest": "2025-06-10", "latest": "2025-06-10", "value": "2025-06-10"}
    story = stored(store, [
        stored_article("2025-05-01", "Valdes to visit Chile on June 10", "Wire", [
            {"key": "a1", "type": "VISIT", "status": "planned", **who, **when}]),
        stored_article("2025-05-20", "Visit put off, then called off", "Wire", [
            {"key": "b1", "type": "VISIT", "status": "planned", "change": "postponed", **who},
            {"key": "b2", "type": "VISIT", "status": "negated", "change": "cancelled", **who,
             **when}]),
    ])  # fmt: skip
    with store.engine.connect() as conn:
        row = conn.execute(text("SELECT state, status FROM stories")).one()
    assert tuple(row) == ("cancelled", "negated")
    assert (story["state"], story["status"]) == ("cancelled", "negated")
    assert store.pending("2025-05-25") == []
    if store.engine.dialect.name == "sqlite":  # `dateline story` without SQLAlchemy
        from dateline.fastpath.pending import build_stories
        from dateline.link.settings import default_settings
        from dateline.store.engine import reading, sqlite_snapshot

        with reading(store.engine) as conn:
            raw = sqlite_snapshot(conn)
            assert raw is not None
            fast = build_stories(raw, [story["id"]], None, default_settings())[story["id"]]
        assert (fast["state"], fast["status"]) == ("cancelled", "negated")


def test_migration_23_links_stored_documents_under_the_site_rule(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.link import linker
    from dateline.link.linker import relink_from_scratch

    visit = {"key": "Dakar visit", "type": "VISIT", "status": "planned", "source": ["MAR"],
             "target": ["SEN"], "location": "Dakar", "value": "2025-10-20/21",
             "earliest": "2025-10-20", "latest": "2025-10-21", "granularity": "day"}  # fmt: skip
    talks = {"key": "Presidential Palace talks", "type": "MEET", "status": "occurred",
             "source": ["MAR", "SEN"], "location": "Presidential Palace", "value": "2025-10-21",
             "earliest": "2025-10-21", "latest": "2025-10-21", "granularity": "day"}  # fmt: skip
    plan = stored_article("2025-10-17", "Visit dated", "wire", [visit], {"Dakar": "SEN"})
    held = stored_article("2025-10-22", "Talks held", "readout", [talks])
    with Store(db_url) as store:
        for item in (plan, held):
            store.add(item)
        assert len(store.stories(limit=None)) == 1
        with monkeypatch.context() as rules, store.engine.begin() as conn:
            rules.setattr(linker, "_site", lambda place, settings: place)  # linked as before
            relink_from_scratch(conn)
            conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 23))
        assert len(store.stories(limit=None)) == 2
    with Store(db_url) as reopened:
        assert len(reopened.stories(limit=None)) == 1


def test_migration_25_links_stored_documents_under_the_journey_home_rule(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.link import linker
    from dateline.link.linker import relink_from_scratch

    trip = {"key": "state visit", "type": "VISIT", "status": "planned", "source": ["BRA"],
            "target": ["ZAF"], "location": "Pretoria", "value": "2026-08-18/20",
            "earliest": "2026-08-18", "latest": "2026-08-20", "granularity": "day"}  # fmt: skip
    home = {"key": "back in Brasília", "type": "VISIT", "status": "occurred", "source": ["BRA"],
            "target": ["BRA"], "location": "Brasília", "value": "2026-08-20",
            "earliest": "2026-08-20", "latest": "2026-08-20", "granularity": "day"}  # fmt: skip
    plan = stored_article("2026-08-10", "Visit dated", "wire", [trip], {"Pretoria": "ZAF"})
    back = stored_article("2026-08-21", "Home again", "wire", [home], {"Brasília": "BRA"})
    with Store(db_url) as store:
        for item in (plan, back):
            store.add(item)
        assert len(store.stories(limit=None)) == 1
        with monkeypatch.context() as rules, store.engine.begin() as conn:
            rules.setattr(linker, "journey_home", lambda *args: False)  # linked as before
            relink_from_scratch(conn)
            conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 25))
        assert len(store.stories(limit=None)) == 2
    with Store(db_url) as reopened:
        assert len(reopened.stories(limit=None)) == 1


def _agreed_at_the_lake() -> list[dict[str, Any]]:
    """A deal one article gives to Cameroon and "Lake Ossa" (a place the actors step left
    as a raw name), the next to Cameroon and Gabon; dated to half a year, which is too wide
    for one shared party to join them (``same_date``; a whole year names one past event)."""
    day = {"value": "2025-H1", "earliest": "2025-01-01", "latest": "2025-06-30"}
    lake = stored_article("2025-07-08", "Deal at the lake", "wire", [
        {"key": "lake deal", "type": "AGREE", "status": "occurred", "source": ["CMR", "Lake Ossa"],
         "location": "Dizangue", **day}], {"Lake Ossa": "CMR", "Dizangue": "CMR"})  # fmt: skip
    lake["actors"] = [a for a in lake["actors"] if a["id"] != "Lake Ossa"]
    both = stored_article("2025-07-09", "Deal signed", "daily", [
        {"key": "deal", "type": "AGREE", "status": "occurred", "source": ["CMR", "GAB"],
         "location": "Dizangue", **day}], {"Dizangue": "CMR"})  # fmt: skip
    return [lake, both]


def test_a_place_read_as_the_party_that_acts_is_no_party_of_the_event(store: Store) -> None:
    story = stored(store, _agreed_at_the_lake())
    assert story["articles"] == 2


def test_migration_26_links_stored_documents_under_the_new_rules(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.link import linker
    from dateline.link.linker import relink_from_scratch

    with Store(db_url) as store:
        for item in _agreed_at_the_lake():
            store.add(item)
        assert len(store.stories(limit=None)) == 1
        with monkeypatch.context() as rules, store.engine.begin() as conn:
            before = lambda parts, places: tuple(p for p, _ in parts)  # noqa: E731
            rules.setattr(linker, "not_places", before)  # linked as before
            relink_from_scratch(conn)
            conn.execute(delete(t.schema_migrations).where(t.schema_migrations.c.version == 26))
        assert len(store.stories(limit=None)) == 2
    with Store(db_url) as reopened:
        assert len(reopened.stories(limit=None)) == 1


def _relinked_by_migration(
    db_url: str, items: list[Any], version: int, link_as_before: Callable[[Connection], None]
) -> tuple[int, int, int]:
    """Stories of ``items`` stored now, after ``link_as_before`` relinked them under the
    rules before migration ``version`` (and that migration is forgotten), and once the
    store is opened again and the migration runs."""
    with Store(db_url) as store:
        for item in items:
            store.add(item)
        now = len(store.stories(limit=None))
        with store.engine.begin() as conn:
            link_as_before(conn)
            conn.execute(
                delete(t.schema_migrations).where(t.schema_migrations.c.version == version)
            )
        before = len(store.stories(limit=None))
    with Store(db_url) as reopened:
        return now, before, len(reopened.stories(limit=None))


def _without_windows(*keys: str) -> Callable[[Connection], None]:
    """Relinks under the linking rules without the windows ``keys`` (the rules before)."""
    from dateline.link.linker import relink_from_scratch
    from dateline.link.settings import RULES_PATH, settings_from_dict

    rules = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    for key in keys:
        rules["windows_days"].pop(key)
    return lambda conn: relink_from_scratch(conn, settings_from_dict(rules))


def _with_rule_off(
    monkeypatch: pytest.MonkeyPatch, module: Any, name: str
) -> Callable[[Connection], None]:
    """Relinks with the rule ``module.name`` answering False (linked as before it)."""
    from dateline.link.linker import relink_from_scratch

    def relink(conn: Connection) -> None:
        with monkeypatch.context() as rules:
            rules.setattr(module, name, lambda *args: False)
            relink_from_scratch(conn)

    return relink


def test_migration_34_links_stored_documents_under_the_slipped_plan_rule(db_url: str) -> None:
    # the rules before: a plan held late was another
    counts = _relinked_by_migration(db_url, SLIPPED, 34, _without_windows("slipped"))
    assert counts == (1, 2, 1)


def _hope_beside_a_past_deal() -> list[dict[str, Any]]:
    """One article: "officials hope the two can sign a deal this year ... they agreed in
    May to reopen the border" (a hope for the year beside a deal of May)."""
    who = {"source": ["anna-berg", "tomas-lind"]}
    year = {"value": "2026", "earliest": "2026-01-01", "latest": "2026-12-31"}
    may = {"value": "2026-05", "earliest": "2026-05-01", "latest": "2026-05-31"}
    return [
        stored_article("2026-09-03", "Hope for a deal", "wire", [
            {"key": "hope", "type": "AGREE", "status": "possible", **who, **year},
            {"key": "agreed", "type": "AGREE", "status": "occurred", **who, **may}])
    ]  # fmt: skip


def test_migration_35_links_stored_documents_under_the_told_apart_rule(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.link import cluster

    as_before = _with_rule_off(monkeypatch, cluster, "_told_apart")
    assert _relinked_by_migration(db_url, _hope_beside_a_past_deal(), 35, as_before) == (2, 1, 2)


def _kept_late(where: str | None) -> list[dict[str, Any]]:
    """ "Voss will visit Hanoi on November 21-30", then, in February, "Voss was in Hanoi on
    February 11-12" (the visit kept months late), the report placed at ``where``."""
    who = {"source": ["lena-voss"], "target": ["VNM"]}
    plan = {
        "key": "plan",
        "type": "VISIT",
        "status": "planned",
        "location": "Hanoi",
        **who,
        "value": "2026-11-21/2026-11-30",
        "earliest": "2026-11-21",
        "latest": "2026-11-30",
    }
    held = {
        "key": "held",
        "type": "VISIT",
        "status": "occurred",
        "location": where,
        **who,
        "value": "2027-02-11/2027-02-12",
        "earliest": "2027-02-11",
        "latest": "2027-02-12",
    }
    places = {"Hanoi": "VNM", "Da Nang": "VNM"}
    return [stored_article("2026-10-14", "Voss to visit Hanoi", "wire", [plan], places),
            stored_article("2027-02-13", f"Voss in {where}", "daily", [held], places)]  # fmt: skip


def test_a_plan_kept_months_late_at_the_place_both_name_is_that_plan(store: Store) -> None:
    story = stored(store, _kept_late("Hanoi"))
    assert [h["state"] for h in story["history"]] == ["dated", "occurred"]


@pytest.mark.parametrize("where", [None, "Da Nang"], ids=["no-place", "another-city"])
def test_a_report_months_after_a_plan_elsewhere_or_unplaced_is_another_event(
    store: Store, where: str | None
) -> None:
    for item in _kept_late(where):
        store.add(item)
    assert len(store.stories(limit=None)) == 2


def test_a_plan_kept_late_joins_it_in_any_order(tmp_path: Path) -> None:
    for n, order in enumerate((_kept_late("Hanoi"), _kept_late("Hanoi")[::-1])):
        with Store(str(tmp_path / f"order-{n}.db")) as store:
            assert stored(store, order)["articles"] == 2


def _recalled(who: list[str]) -> list[dict[str, Any]]:
    """ "Berg and Lind met in Oslo on April 14", then, seven weeks later and without a date,
    "Berg and Lind met" (the same meeting, recalled)."""
    met = {
        "key": "met",
        "type": "MEET",
        "status": "occurred",
        "source": who,
        "value": "2026-04-14",
        "earliest": "2026-04-14",
        "latest": "2026-04-14",
    }
    again = {"key": "again", "type": "MEET", "status": "occurred", "source": who}
    return [stored_article("2026-04-15", "Berg meets Lind", "wire", [met]),
            stored_article("2026-06-02", "Berg and Lind", "daily", [again])]  # fmt: skip


PEOPLE_WHO_MET = ["anna-berg", "tomas-lind"]


def test_an_undated_past_of_two_people_weeks_later_recalls_their_meeting(store: Store) -> None:
    assert stored(store, _recalled(PEOPLE_WHO_MET))["articles"] == 2


def test_an_undated_past_of_two_countries_weeks_later_is_another_event(store: Store) -> None:
    # Two countries meet every month: "Norway and Sweden met" is no recall of April's talks.
    for item in _recalled(["NOR", "SWE"]):
        store.add(item)
    assert len(store.stories(limit=None)) == 2


def test_migration_36_links_stored_documents_under_the_late_and_recalled_rules(
    db_url: str,
) -> None:
    items = [*_kept_late("Hanoi"), *_recalled(PEOPLE_WHO_MET)]
    as_before = _without_windows("held_late", "recalled")
    assert _relinked_by_migration(db_url, items, 36, as_before) == (2, 4, 2)


def test_a_report_on_the_date_of_a_plan_beats_the_plan_it_would_keep_late(store: Store) -> None:
    # "Voss and Tan will meet in Bali on October 14", then "will meet on November 5" (dated
    # anew, without a place: a story of its own), then "met in Bali on November 5": the
    # meeting of November 5, though the October plan shares Bali too.
    who = {"source": ["lena-voss", "ari-tan"]}
    places = {"Bali": "IDN"}

    def day(iso: str) -> dict[str, str]:
        return {"value": iso, "earliest": iso, "latest": iso}

    items = [
        stored_article("2026-09-03", "Talks in Bali", "wire", [
            {"key": "october", "type": "MEET", "status": "planned", "location": "Bali", **who,
             **day("2026-10-14")}], places),
        stored_article("2026-09-29", "Talks moved", "daily", [
            {"key": "november", "type": "MEET", "status": "planned", **who,
             **day("2026-11-05")}], places),
        stored_article("2026-11-06", "Met in Bali", "herald", [
            {"key": "held", "type": "MEET", "status": "occurred", "location": "Bali", **who,
             **day("2026-11-05")}], places),
    ]  # fmt: skip
    for item in items:
        store.add(item)
    found = sorted(store.stories(limit=None), key=lambda s: s["articles"])
    assert [s["articles"] for s in found] == [1, 2]
    assert [h["dct"] for h in found[1]["history"]] == ["2026-09-29", "2026-11-06"]


def _trips_without_a_destination() -> list[dict[str, Any]]:
    """ "Ortega's last trip abroad" (a visit made, no date, no destination), then, three weeks
    later, "Arbeloa could not receive her" (read as a visit made, no date, no destination)
    and "Ortega and Arbeloa spoke by telephone on April 8"."""
    who = ["ines-ortega"]
    return [
        stored_article("2026-03-20", "Ortega abroad", "wire", [
            {"key": "last-trip", "type": "VISIT", "status": "occurred", "source": who}]),
        stored_article("2026-04-10", "Ortega's tour", "daily", [
            {"key": "not-received", "type": "VISIT", "status": "occurred", "source": who},
            {"key": "call", "type": "MEET", "status": "occurred",
             "source": [*who, "jon-arbeloa"], "value": "2026-04-08",
             "earliest": "2026-04-08", "latest": "2026-04-08"}]),
    ]  # fmt: skip


def test_an_undated_trip_without_a_destination_joins_neither_another_nor_a_call(
    store: Store,
) -> None:
    # Each names the traveller alone and fits the other's month-long window: which trip or
    # leg either is, nothing says, nor is the call part of either.
    for item in _trips_without_a_destination():
        store.add(item)
    assert len(store.stories(limit=None)) == 3


def test_an_undated_trip_without_a_destination_joins_the_trip_that_names_one(
    store: Store,
) -> None:
    # "Ortega will visit Norway on May 6-7", then "Ortega's trip" (made, no date, no
    # destination): the one trip its window holds that says where it went.
    who = ["ines-ortega"]
    items = [
        stored_article("2026-04-02", "Ortega to visit Norway", "wire", [
            {"key": "oslo-plan", "type": "VISIT", "status": "planned", "source": who,
             "target": ["NOR"], "location": "Oslo", "value": "2026-05-06/2026-05-07",
             "earliest": "2026-05-06", "latest": "2026-05-07"}], {"Oslo": "NOR"}),
        stored_article("2026-05-12", "Ortega back", "daily", [
            {"key": "trip-made", "type": "VISIT", "status": "occurred", "source": who}]),
    ]  # fmt: skip
    assert stored(store, items)["articles"] == 2


def _stories_in_every_order(tmp_path: Path, items: list[dict[str, Any]]) -> list[list[int]]:
    """Each order of ingest of the articles: the article counts of the stories it forms."""
    found = []
    for n, order in enumerate(itertools.permutations(items)):
        with Store(str(tmp_path / f"order-{n}.db")) as store:
            for item in order:
                store.add(item)
            found.append(sorted(story["articles"] for story in store.stories(limit=None)))
    return found


def test_undated_trips_without_a_destination_stay_apart_in_any_order(tmp_path: Path) -> None:
    items = _trips_without_a_destination()
    assert all(len(counts) == 3 for counts in _stories_in_every_order(tmp_path, items))


def test_migration_37_links_stored_documents_under_the_trip_without_a_destination_rule(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.link import compat

    as_before = _with_rule_off(monkeypatch, compat, "_trip_elsewhere")
    counts = _relinked_by_migration(db_url, _trips_without_a_destination(), 37, as_before)
    assert counts == (3, 1, 3)


def _a_day_of_a_state_visit() -> list[dict[str, Any]]:
    """ "Ortega will pay a state visit to Norway on May 12-14", "Ortega arrived in Oslo
    today" (May 12), then, a week later, "on May 13 Ortega was still abroad"."""
    who = {"source": ["ines-ortega"], "target": ["NOR"]}
    places = {"Oslo": "NOR"}

    def days(first: str, last: str) -> dict[str, str]:
        return {"value": f"{first}/{last}", "earliest": first, "latest": last}

    return [
        stored_article("2026-04-20", "Ortega to visit Norway", "wire", [
            {"key": "plan", "type": "VISIT", "status": "planned", "location": "Oslo", **who,
             **days("2026-05-12", "2026-05-14")}], places),
        stored_article("2026-05-12", "Ortega in Oslo", "daily", [
            {"key": "arrived", "type": "VISIT", "status": "ongoing", "location": "Oslo", **who,
             **days("2026-05-12", "2026-05-12")}], places),
        stored_article("2026-05-20", "Ortega's week", "herald", [
            {"key": "abroad", "type": "VISIT", "status": "occurred", **who,
             **days("2026-05-13", "2026-05-13")}], places),
    ]  # fmt: skip


def test_a_day_of_a_short_plan_reported_held_joins_the_visit_in_any_order(
    tmp_path: Path,
) -> None:
    # The story narrowed to May 12, the day it was reported begun; May 13 is a day of the
    # visit planned for May 12-14.
    found = _stories_in_every_order(tmp_path, _a_day_of_a_state_visit())
    assert all(counts == [3] for counts in found)


def test_migration_38_links_stored_documents_under_the_planned_days_rule(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.link import cluster

    as_before = _with_rule_off(monkeypatch, cluster, "_in_planned_days")
    counts = _relinked_by_migration(db_url, _a_day_of_a_state_visit(), 38, as_before)
    assert counts == (1, 2, 1)


def _a_visit_moved_in_one_sentence(old_date: bool = True) -> list[dict[str, Any]]:
    """ "Ortega will visit Santiago on March 16-18"; "Ortega was due in Santiago on the
    sixteenth of March, but will now visit from the fifth to the seventh of April" (two
    plans, the new date's with no place of its own); "Ortega ended a three-day visit to
    Chile in Santiago yesterday" (April 7)."""
    who = {"source": ["ines-ortega"], "target": ["CHL"]}
    places = {"Santiago": "CHL"}

    def days(first: str, last: str) -> dict[str, str]:
        return {"value": f"{first}/{last}", "earliest": first, "latest": last}

    was_due = {"key": "was-due", "type": "VISIT", "status": "planned", "location": "Santiago",
               "source": ["ines-ortega"], **days("2026-03-16", "2026-03-16")}  # fmt: skip
    return [
        stored_article("2026-02-10", "Ortega to visit Santiago", "wire", [
            {"key": "plan", "type": "VISIT", "status": "planned", "location": "Santiago",
             **who, **days("2026-03-16", "2026-03-18")}], places),
        stored_article("2026-03-02", "Ortega's Santiago visit moved", "daily", [
            *([was_due] if old_date else []),
            {"key": "now", "type": "VISIT", "status": "planned", "source": ["ines-ortega"],
             **days("2026-04-05", "2026-04-07")}], places),
        stored_article("2026-04-08", "Ortega leaves Santiago", "herald", [
            {"key": "ended", "type": "VISIT", "status": "occurred", "location": "Santiago",
             **who, **days("2026-04-05", "2026-04-07")}], places),
    ]  # fmt: skip


def test_a_new_date_with_no_place_beside_the_old_one_moves_the_visit_in_any_order(
    tmp_path: Path,
) -> None:
    # The new date has no place of its own; its article gives Santiago with the old date.
    found = _stories_in_every_order(tmp_path, _a_visit_moved_in_one_sentence())
    assert all(counts == [3] for counts in found)


def test_a_new_date_with_no_place_and_no_old_date_beside_it_stays_apart(
    tmp_path: Path,
) -> None:
    # Without the old date in its article, a plan of no place weeks off is not the visit's.
    with Store(str(tmp_path / "apart.db")) as store:
        for item in _a_visit_moved_in_one_sentence(old_date=False):
            store.add(item)
        assert len(store.stories(limit=None)) == 2


def test_migration_39_links_stored_documents_under_the_moved_here_rule(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.link import cluster

    as_before = _with_rule_off(monkeypatch, cluster, "_moved_here")
    counts = _relinked_by_migration(db_url, _a_visit_moved_in_one_sentence(), 39, as_before)
    assert counts == (1, 2, 1)


def _two_statements_in_one_article() -> list[dict[str, Any]]:
    """ "Portugal and Morocco said on June 10 that the dialogue would resume"; further down
    the same article, "a Portuguese spokesman said" (no date of its own); a day later
    another outlet retells the joint statement of June 10."""
    joint = {"type": "STATEMENT", "status": "occurred", "source": ["PRT", "MAR"],
             "value": "2026-06-10", "earliest": "2026-06-10", "latest": "2026-06-10"}  # fmt: skip
    return [
        stored_article("2026-06-10", "Lisbon and Rabat to resume dialogue", "wire", [
            {"key": "joint", **joint},
            {"key": "spokesman", "type": "STATEMENT", "status": "occurred",
             "source": ["PRT"]}]),
        stored_article("2026-06-11", "Dialogue to resume", "daily", [
            {"key": "joint-again", **joint}]),
    ]  # fmt: skip


def test_a_second_statement_of_one_article_is_another_statement_in_any_order(
    tmp_path: Path,
) -> None:
    # The spokesman's words share Portugal with the joint statement and fall on its day,
    # but one article tells each statement once: the joint one is retold the next day.
    found = _stories_in_every_order(tmp_path, _two_statements_in_one_article())
    assert all(counts == [1, 2] for counts in found)


def test_a_second_visit_of_one_article_may_still_join_its_story(store: Store) -> None:
    # Only speech is told once per article: a visit's arrival and its day in the capital
    # are reports of one trip.
    who = {"source": ["ines-ortega"], "target": ["NOR"]}
    items = [
        stored_article("2026-05-12", "Ortega in Norway", "wire", [
            {"key": "arrived", "type": "VISIT", "status": "ongoing", **who,
             "value": "2026-05-12", "earliest": "2026-05-12", "latest": "2026-05-12"},
            {"key": "oslo", "type": "VISIT", "status": "occurred", "location": "Oslo", **who,
             "value": "2026-05-12", "earliest": "2026-05-12", "latest": "2026-05-12"}],
            {"Oslo": "NOR"}),
    ]  # fmt: skip
    for item in items:
        store.add(item)
    assert len(store.stories(limit=None)) == 1


def test_migration_40_links_stored_documents_under_the_once_per_article_rule(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.link import cluster

    as_before = _with_rule_off(monkeypatch, cluster.Draft, "reported_here")
    counts = _relinked_by_migration(db_url, _two_statements_in_one_article(), 40, as_before)
    assert counts == (2, 1, 2)


def _guests_at_a_summit() -> list[dict[str, Any]]:
    """ "Ines Moura and Ana Lobo met on the sidelines of the summit in Lima in November": the
    meeting, and the two guests' visits to Peru the events step reads beside it (their cue
    ends ``+ guest abroad``); then "the two met in Lima in November", a later report."""
    who = {"source": ["ines-moura", "ana-lobo"]}
    month = {"value": "2026-11", "earliest": "2026-11-01", "latest": "2026-11-30"}
    there = {"status": "occurred", "location": "Lima", **month}
    first = stored_article("2026-12-03", "Met in Lima", "wire", [
        {"key": "meeting", "type": "MEET", **who, **there},
        {"key": "moura", "type": "VISIT", "source": ["ines-moura"], "target": ["PER"], **there},
        {"key": "lobo", "type": "VISIT", "source": ["ana-lobo"], "target": ["PER"], **there}],
        {"Lima": "PER"})  # fmt: skip
    for event in first["events"][1:]:
        event["cue"] = "past tense + guest abroad"
    later = stored_article("2027-01-20", "Lima recalled", "daily", [
        {"key": "recalled", "type": "MEET", **who, **there}], {"Lima": "PER"})  # fmt: skip
    return [first, later]


def test_a_summits_story_stays_a_meeting_with_its_guests_visits_in_any_order(
    tmp_path: Path,
) -> None:
    items = _guests_at_a_summit()
    for n, order in enumerate((items, items[::-1])):
        with Store(str(tmp_path / f"order{n}.db")) as store:
            for item in order:
                store.add(item)
            found = store.stories(limit=None)
            assert [(s["type"], len(s["events"])) for s in found] == [("MEET", 4)]
            story = store.story(found[0]["id"])
            assert story is not None and story["time"]["value"] == "2026-11"


def test_migration_41_links_stored_documents_under_the_meeting_of_its_visit_rule(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.link import cluster
    from dateline.link.linker import relink_from_scratch

    def as_before(conn: Connection) -> None:
        with monkeypatch.context() as rules:
            rules.setattr(cluster, "visit_of", lambda *args: None)
            relink_from_scratch(conn)

    # "Szalai will be in Beijing on February 11-12 ... China and Hungary will hold talks in
    # Beijing on February 11-12": the talks share no party with the minister's visit.
    days = {"value": "2027-02-11/2027-02-12", "earliest": "2027-02-11", "latest": "2027-02-12"}
    there = {"status": "planned", "location": "Beijing", **days}
    items = [stored_article("2027-02-01", "Szalai to Beijing", "wire", [
        {"key": "visit", "type": "VISIT", "source": ["gabor-szalai"], "target": ["CHN"], **there},
        {"key": "talks", "type": "MEET", "source": ["CHN", "HUN"], **there}],
        {"Beijing": "CHN"})]  # fmt: skip
    assert _relinked_by_migration(db_url, items, 41, as_before) == (1, 2, 1)
