"""The writer's cost must not grow with the database nor with a story: what it keeps per
story stays bounded, and articles that arrive out of date order are linked as in date
order. (Speed itself is measured in bench/bench_store.py, not here.)"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from conftest import stored_article
from dateline.link.cluster import summary_ids
from dateline.link.linker import (
    KEY_WINDOW_STEP,
    _members_of,
    _stored_drafts,
    _tail_stories,
    rebuild_story_keys,
)
from dateline.link.schema import story_keys, story_summaries, story_tail
from dateline.link.settings import default_settings
from dateline.store import Store
from dateline.store import schema as t
from dateline.store.engine import writing
from test_store_batch import batched, canonical, one_by_one, reports, table_rows


def dated_reports(
    count: int, day: str, first: date = date(2025, 3, 1), name: str = "visit", last: str = ""
) -> list[dict[str, Any]]:
    """``count`` articles, a few a day, that each plan one visit for ``day`` (to ``last``)."""
    event = {"type": "VISIT", "status": "planned", "location": "Moscow", "value": day,
             "earliest": day, "latest": last or day, "granularity": "day",
             "source": ["kim-jong-un"], "target": ["RUS"]}  # fmt: skip
    out = []
    for n in range(count):
        dct = (first + timedelta(days=n // 4)).isoformat()
        events = [{**event, "key": f"{name}{n}"}]
        out.append(stored_article(dct, f"{name} {n}", f"Wire {n % 5}", events, {"Moscow": "RUS"}))
    return out


def fold_dates(store: Store) -> list[list[list[str]]]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(story_summaries.c.summary)).all()
    return [json.loads(r.summary)["fold"]["dates"] for r in rows]


def test_a_date_repeated_by_every_report_is_kept_once_in_the_summary(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_many(dated_reports(120, "2025-05-20"))
        assert fold_dates(store) == [[["2025-05-20", "2025-05-20"]]]
        week = dated_reports(1, "2025-05-18", date(2025, 4, 15), "week", "2025-05-24")
        store.add_many([*week, *dated_reports(1, "2025-05-20", date(2025, 4, 16), "again")])
        (story,) = store.stories(limit=None)
        assert len(story["events"]) == 122 and story["state"] == "dated"
        assert fold_dates(store) == [[["2025-05-20", "2025-05-20"], ["2025-05-18", "2025-05-24"]]]


@pytest.mark.slow
def test_articles_in_rounds_back_in_time_give_the_database_of_date_order(
    db_url: str, tmp_path: Path
) -> None:
    """A back-fill: every round goes back to the first day, so that each batch's articles
    come before stored ones and are linked together (``relink_together``)."""
    items = canonical(list(reports(180)))
    expected = one_by_one(tmp_path / "one.db", items)
    in_rounds = [item for r in range(3) for item in items[r::3]]
    assert batched(db_url, in_rounds, 40) == expected


def test_a_long_story_resumes_without_loading_its_last_members(db_url: str) -> None:
    """``story_tail`` holds what a new report is compared with of the story's last members,
    so resuming it loads its first member and those of its last article only."""
    with Store(db_url) as store:
        store.add_many(dated_reports(100, "2025-05-20"))
        with store.engine.connect() as conn:
            (row,) = conn.execute(sa.select(story_summaries.c.summary)).all()
            tail = conn.execute(sa.select(story_tail).order_by(story_tail.c.position)).all()
    summary = json.loads(row.summary)
    assert "tail" not in summary
    assert [r.position for r in tail] == list(range(36, 100))  # the last 64 of 100
    assert len(summary_ids(summary)) <= 2  # the first report, and the last (one event)
    assert len({r.participants for r in tail}) == 1  # the same two participants


def test_a_report_that_joins_a_long_story_writes_its_own_tail_row_only(db_url: str) -> None:
    """A report appended to a full tail adds its row and deletes the oldest one: the other
    rows are neither deleted nor written again."""
    first = dated_reports(70, "2025-05-20")
    last = dated_reports(1, "2025-05-20", date(2025, 5, 1), name="late")
    with Store(db_url) as store:
        store.add_many(first)
        with store.engine.connect() as conn:
            before = conn.execute(sa.select(story_tail).order_by(story_tail.c.position)).all()
        written: list[Any] = []

        def tail_rows_written(*event: Any) -> None:
            if event[2].replace('"', "").startswith("INSERT INTO story_tail"):
                written.extend(event[3] if event[5] else [event[3]])

        sa.event.listen(store.engine, "before_cursor_execute", tail_rows_written)
        store.add_many(last)
        with store.engine.connect() as conn:
            after = conn.execute(sa.select(story_tail).order_by(story_tail.c.position)).all()
    assert [r.position for r in before] == list(range(6, 70))
    assert [r.position for r in after] == list(range(7, 71))
    assert after[:-1] == before[1:] and len(written) == 1


def test_a_database_whose_summaries_hold_their_tails_moves_them_to_rows(
    db_url: str, tmp_path: Path
) -> None:
    """Migration 17: summaries written before it (the tail in the summary, as JSON rows
    or, earlier still, as member ids) lose their tail to ``story_tail`` rows, and the
    database is then that of a fresh run."""
    items = canonical(list(reports(120)))
    expected = one_by_one(tmp_path / "one.db", items)
    with Store(db_url) as store:
        store.add_many(items[:80])
        settings = default_settings()
        with writing(store.engine) as conn:
            stored = [r.story_id for r in conn.execute(sa.select(story_summaries))]
            for n, draft in enumerate(_stored_drafts(conn, stored, {}, settings)):
                where = story_summaries.c.story_id == draft.id
                summary = conn.execute(sa.select(story_summaries.c.summary).where(where))
                old = {**json.loads(summary.scalar_one()), **draft.to_summary()}
                if n % 2:  # older still: the tail named its members by id
                    old["tail"] = [row[0] for row in old.pop("tail")]
                    del old["parts"], old["last_article"]
                stmt = story_summaries.update().where(where)
                conn.execute(stmt.values(summary=json.dumps(old)))
            conn.execute(sa.delete(story_tail))
            migrations = t.schema_migrations
            conn.execute(sa.delete(migrations).where(migrations.c.version == 17))
        assert len(stored) >= 2  # one summary of each kind at least
    with Store(db_url) as store:
        with store.engine.connect() as conn:
            summaries = [
                json.loads(r[0]) for r in conn.execute(sa.select(story_summaries.c.summary))
            ]
            assert summaries and not any("tail" in s for s in summaries)
        store.add_many(items[80:])
        assert table_rows(store) == expected


def test_a_summary_written_before_it_kept_the_tail_whole_still_resumes(
    db_url: str, tmp_path: Path
) -> None:
    """A database whose summaries name their last members by id only (as written before
    the tail was kept whole, and before it had rows of its own) is read as it was and
    gives the database a fresh run gives."""
    items = canonical(list(reports(120)))
    expected = one_by_one(tmp_path / "one.db", items)
    with Store(db_url) as store:
        store.add_many(items[:80])
        with writing(store.engine) as conn:
            tails: dict[str, list[str]] = {}
            for r in conn.execute(sa.select(story_tail).order_by(story_tail.c.position)):
                tails.setdefault(r.story_id, []).append(r.event_id)
            for r in conn.execute(sa.select(story_summaries)).all():
                old = json.loads(r.summary)
                old["tail"] = tails[r.story_id]
                del old["last_article"]
                stmt = story_summaries.update().where(story_summaries.c.story_id == r.story_id)
                conn.execute(stmt.values(summary=json.dumps(old)))
            conn.execute(sa.delete(story_tail))
        store.add_many(items[80:])
        assert table_rows(store) == expected


def visit(dct: str, status: str, day: str = "", key: str = "") -> dict[str, Any]:
    """An article on Kim's visit to Russia: planned (undated unless ``day``) or occurred."""
    time = {"value": day, "earliest": day, "latest": day, "granularity": "day"} if day else {}
    event = {"key": key or f"visit-{dct}", "type": "VISIT", "status": status,
             "dated": bool(day), "location": "Moscow", "source": ["kim-jong-un"],
             "target": ["RUS"], **time}  # fmt: skip
    return stored_article(dct, f"Visit {dct}", "Wire", [event], {"Moscow": "RUS"})


def test_a_new_report_reads_only_the_stories_whose_window_it_overlaps(db_url: str) -> None:
    """An undated plan reaches two years ahead, but once the visit happened on a day the
    story can only be joined around that day: a report half a year later does not read
    it (before, every story with a plan of the same two parties in the last two years
    was resumed and compared)."""
    settings = default_settings()
    later = visit("2025-09-01", "occurred", "2025-09-01")
    with Store(db_url) as store:
        store.add_many(
            [visit("2025-03-01", "planned"), visit("2025-03-10", "occurred", "2025-03-10")]
        )
        store.add_many([later])
        march, september = sorted(store.stories(limit=None), key=lambda s: -len(s["events"]))
        with store.engine.connect() as conn:
            seeds = _members_of(conn, [later["document"]["id"]], settings)
            found = _tail_stories(conn, seeds, settings)
            (window,) = conn.execute(
                sa.select(story_keys.c.lo, story_keys.c.hi)
                .where(story_keys.c.story_id == march["id"])
                .distinct()
            ).all()
    assert march["events"] and len(march["events"]) == 2
    assert found == [september["id"]]
    # The day, give or take the slack, widened to whole steps (``KEY_WINDOW_STEP``).
    lo, hi = (date.fromisoformat(day) for day in window)
    assert lo <= date(2025, 3, 7) and date(2025, 3, 13) <= hi
    assert (hi - lo).days < 6 + 2 * KEY_WINDOW_STEP


def _a_later_batch(db_url: str) -> tuple[list[str], list[dict[str, Any]], int]:
    """Eight reports of one day stored, then a batch of eight on later days with link
    windows of their own: the statements the batch sent, the stories, the link rows."""
    days = [f"2025-06-{day:02d}" for day in range(1, 25, 3)]
    later = [
        a for n, day in enumerate(days) for a in dated_reports(1, day, date(2025, 3, 10), f"v{n}")
    ]
    with Store(db_url) as store:
        store.add_many(dated_reports(8, "2025-06-01"))
        sent: list[str] = []
        sa.event.listen(store.engine, "before_cursor_execute", lambda *e: sent.append(e[2]))
        store.add_many(later)
        stories = store.stories(limit=None)
        with store.engine.connect() as conn:
            links = conn.execute(sa.text("SELECT count(*) FROM event_links")).scalar_one()
    return sent, stories, links


def test_a_batch_looks_its_candidate_stories_up_in_one_statement(db_url: str) -> None:
    """However many link windows a batch's events have, the stories they may join are
    found in one statement (one per window cost the compiling and preparing of each):
    on SQLite and on PostgreSQL."""
    sent, stories, _ = _a_later_batch(db_url)
    lookups = [s for s in sent if s.lstrip().upper().startswith("SELECT") and "story_keys" in s]
    assert len(lookups) == 1
    assert sum(len(s["events"]) for s in stories) == 16 and len(stories) < 16


def test_a_batch_of_new_articles_deletes_no_link_rows(db_url: str) -> None:
    """The events of articles stored in the batch have no link rows yet, so indexing them
    deletes none (one DELETE of ``event_links`` and of ``event_keys`` per chunk of their
    ids found nothing), and their stories are what they were: on SQLite and PostgreSQL."""
    sent, stories, links = _a_later_batch(db_url)
    deletes = [s for s in sent if s.lstrip().upper().startswith("DELETE") and "event_" in s]
    assert deletes == []
    assert links == 16
    assert sum(len(s["events"]) for s in stories) == 16 and len(stories) < 16


def _described(item: dict[str, Any], actor_id: str, **description: Any) -> dict[str, Any]:
    """``item`` with its actor ``actor_id`` described otherwise."""
    actors = [{**a, **description} if a["id"] == actor_id else a for a in item["actors"]]
    return {**item, "actors": actors}


def test_a_batch_builds_its_events_members_from_the_rows_it_inserted(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new events' members (what linking compares) are built from the rows the writer
    inserted, not read back from them, and equal what reading them back gives: a place the
    sentence names or not, an actor already stored with another description (its stored
    kind and country count), and a name that identity across articles stores under
    another actor in the same batch ("Bush" the week "George W. Bush" is named)."""
    from dateline.link import linker
    from test_actor_identity import SERIES

    compared: list[tuple[list[Any], bool]] = []  # each batch's members, and whether equal
    members_of = linker._members_of
    sent: list[str] = []  # the writer's statements, but the reads of this check

    def both(conn: Any, ids: list[str], settings: Any, held: Any = None) -> list[Any]:
        built = members_of(conn, ids, settings, held)
        if held is not None:
            mark = len(sent)
            compared.append((built, built == members_of(conn, ids, settings)))
            del sent[mark:]
        return built

    monkeypatch.setattr(linker, "_members_of", both)
    moscow = {"type": "VISIT", "status": "planned", "source": ["kim-jong-un"], "target": ["RUS"]}
    first = stored_article("2025-03-01", "Kim to Moscow", "Wire", [{**moscow, "key": "m1",
                           "location": "Moscow"}], {"Moscow": "RUS"})  # fmt: skip
    again = stored_article("2025-03-02", "Kim again", "Wire", [{**moscow, "key": "m2",
                           "location": "Moscow"}], {"Moscow": "RUS", "Hanoi": "VNM"})  # fmt: skip
    again = _described(again, "kim-jong-un", kind="government", country="PRK")
    with Store(db_url) as store:

        def note(*event: Any) -> None:
            sent.append(event[2])

        sa.event.listen(store.engine, "before_cursor_execute", note)
        store.add_many(SERIES[:3])
        store.add_many([first, again])
        sa.event.remove(store.engine, "before_cursor_execute", note)
        kim = store.stories(limit=None)
    assert [len(built) for built, _ in compared] == [4, 2]
    assert all(equal for _, equal in compared)
    (held,) = [m for m in compared[1][0] if m.id == "ev-m2"]
    assert held.participants[0].countrylike is False  # the stored person, not a government
    assert held.place.level == "carried"  # "Moscow" is in no sentence of the article
    bush = {p.id for m in compared[0][0] for p in m.participants if m.id == "ev-benin-plan"}
    assert bush == {"george-w-bush", "BEN"}
    assert not [s for s in sent if re.search(r"FROM (places|event_evidence)\b", s)]
    assert any(len(s["events"]) == 2 for s in kim)


def kim_visit(key: str, dct: str, status: str, day: str = "", change: str = "") -> dict[str, Any]:
    """An article on Kim's visit to Russia (``visit`` with a key and a change of plan)."""
    item = visit(dct, status, day, key)
    item["events"][0]["change"] = change or None
    return item


def one_at_a_time(db_url: str, items: list[dict[str, Any]]) -> list[list[str]]:
    """The stories' event ids when each article is stored on its own, after the others:
    each new report finds its candidate stories in story_keys and resumes them from
    their summaries (the tail's ``Linked`` views, not the members)."""
    with Store(db_url) as store:
        for item in items:
            store.add_many([item])
        return sorted(sorted(s["events"]) for s in store.stories(limit=None))


def test_a_late_report_of_a_date_the_story_had_finds_it_in_story_keys(db_url: str) -> None:
    """A weekly still announcing the visit for June 9 after it was brought forward and
    held on June 2 joins it (stories3's late-report rule): story_keys' window holds the
    dates the story was planned for, not only the day it happened."""
    items = [
        kim_visit("plan", "2025-05-03", "planned", "2025-06-09"),
        kim_visit("moved", "2025-05-20", "planned", "2025-06-02", "postponed"),
        kim_visit("held", "2025-06-03", "occurred", "2025-06-02"),
        kim_visit("stale", "2025-06-04", "planned", "2025-06-09"),
    ]
    assert one_at_a_time(db_url, items) == [["ev-held", "ev-moved", "ev-plan", "ev-stale"]]


def test_an_undated_plan_days_after_a_resumed_story_is_that_story(db_url: str) -> None:
    """ "Kim is due in Russia", two days after he went, joins the visit when the visit is
    resumed from its summary: the tail's view of the held visit says it is dated, which
    the late-plan slack needs; a month later it is another visit."""
    items = [
        kim_visit("held", "2025-06-03", "occurred", "2025-06-02"),
        kim_visit("stale", "2025-06-04", "planned"),
        kim_visit("later", "2025-07-04", "planned"),
    ]
    assert one_at_a_time(db_url, items) == [["ev-held", "ev-stale"], ["ev-later"]]


def test_migration_11_builds_the_story_keys_of_a_database_made_before_it(
    tmp_path: Path,
) -> None:
    path = str(tmp_path / "old.db")
    with Store(path) as store:
        store.add_many(canonical(list(reports(60))))
        with store.engine.connect() as conn:
            kept = sorted(tuple(r) for r in conn.execute(sa.select(story_keys)))
        with writing(store.engine) as conn:
            conn.execute(sa.delete(story_keys))
            conn.execute(sa.delete(t.schema_migrations).where(t.schema_migrations.c.version == 11))
    with Store(path) as store, store.engine.connect() as conn:
        assert sorted(tuple(r) for r in conn.execute(sa.select(story_keys))) == kept
    assert len(kept) >= 2


def guests(count: int) -> list[dict[str, Any]]:
    """Reports of a summit dated June 10, whose first ones also name a guest: the guest's
    keys come into the story's last members and, 64 reports later, leave them, while the
    story's window stays the same."""
    out = []
    for n in range(count):
        dct = (date(2025, 4, 1) + timedelta(days=n // 5)).isoformat()
        guest = ["CHN"] if n < 12 else []
        event = {"key": f"summit{n}", "type": "MEET", "status": "planned", "value": "2025-06-10",
                 "earliest": "2025-06-10", "latest": "2025-06-10", "granularity": "day",
                 "source": ["lee-jae-myung"], "target": ["JPN", *guest]}  # fmt: skip
        out.append(stored_article(dct, f"Summit {n}", "Wire", [event]))
    return out


def test_story_keys_written_as_changes_equal_the_rows_written_whole(db_url: str) -> None:
    """A story joined again writes only the ``story_keys`` rows it gained, lost or changed
    while its window stays within its rows' steps; what that leaves must be what writing
    every story's rows afresh gives."""
    items = canonical([*reports(120), *guests(100)])
    with Store(db_url) as store:
        for start in range(0, len(items), 10):
            store.add_many(items[start : start + 10])
        with store.engine.connect() as conn:
            written = sorted(tuple(r) for r in conn.execute(sa.select(story_keys)))
        with writing(store.engine) as conn:
            rebuild_story_keys(conn)
        with store.engine.connect() as conn:
            rebuilt = sorted(tuple(r) for r in conn.execute(sa.select(story_keys)))
    assert written == rebuilt and len(rebuilt) > 10


def test_a_story_whose_summary_names_no_key_window_has_its_story_keys_written_whole(
    db_url: str, tmp_path: Path
) -> None:
    """A database written before the summary named the window of its ``story_keys`` rows
    (those rows then had the story's exact window, inside the steps' one): a story's
    rows are written whole the first time it is joined again, and the database is that
    of a fresh run."""
    items = canonical([*reports(30), *guests(120)])
    expected = one_by_one(tmp_path / "one.db", items)
    with Store(db_url) as store:
        store.add_many(items[:100])
        (summit,) = [s["id"] for s in store.stories(limit=None) if s["type"] == "MEET"
                     and len(s["events"]) > 20]  # fmt: skip
        with writing(store.engine) as conn:
            where = story_summaries.c.story_id == summit
            old = json.loads(
                conn.execute(sa.select(story_summaries.c.summary).where(where)).scalar_one()
            )
            lo, hi = (date.fromisoformat(day) for day in old.pop("key_window"))
            conn.execute(story_summaries.update().where(where).values(summary=json.dumps(old)))
            narrower = {"lo": (lo + timedelta(days=1)).isoformat(),
                        "hi": (hi - timedelta(days=1)).isoformat()}  # fmt: skip
            rows = sa.update(story_keys).where(story_keys.c.story_id == summit)
            conn.execute(rows.values(**narrower))
        for start in range(100, len(items), 10):
            store.add_many(items[start : start + 10])
        assert table_rows(store) == expected


def test_a_lookup_split_into_statements_finds_what_one_statement_finds(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL sends a batch's searches 1,000 to a statement: split one search to a
    statement, the stored rows are those of the SQLite file, whose lookup is one statement."""
    from dateline.link import linker

    items = canonical(list(reports(60)))
    expected = batched(str(tmp_path / "one.db"), items, 30)
    monkeypatch.setattr(linker, "PG_SEARCHES", 1)
    assert batched(db_url, items, 30) == expected


def test_a_story_whose_window_moves_keeps_its_story_keys_rows_in_place(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A story joined again whose window moved to other steps gives the rows of the keys it
    keeps their new window in place (an UPDATE that leaves the primary key's entries as they
    are) instead of deleting its rows and inserting them again: no key a story had is
    inserted again, and the rows are those of every story's rows written afresh."""
    from dateline.link import linker

    inserted: list[tuple[str, str, str]] = []
    insert_rows = linker.insert_rows

    def recorded(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        if table is story_keys:
            inserted.extend((r["story_id"], r["family"], r["key"]) for r in rows)
        insert_rows(conn, table, rows)

    monkeypatch.setattr(linker, "insert_rows", recorded)
    k = story_keys.c
    items = canonical(list(reports(140)))
    moved = 0
    with Store(db_url) as store:
        for start in range(0, len(items), 7):  # a day's reports a batch
            with store.engine.connect() as conn:
                query = sa.select(k.story_id, k.family, k.key, k.lo, k.hi)
                before = {tuple(r[:3]): tuple(r[3:]) for r in conn.execute(query)}
            inserted.clear()
            store.add_many(items[start : start + 7])
            with store.engine.connect() as conn:
                after = {tuple(r[:3]): tuple(r[3:]) for r in conn.execute(query)}
            assert not set(inserted) & before.keys()
            moved += sum(1 for key, window in before.items() if after.get(key, window) != window)
        with store.engine.connect() as conn:
            written = sorted(tuple(r) for r in conn.execute(sa.select(story_keys)))
        with writing(store.engine) as conn:
            rebuild_story_keys(conn)
        with store.engine.connect() as conn:
            rebuilt = sorted(tuple(r) for r in conn.execute(sa.select(story_keys)))
    assert moved > 10  # windows did move, on rows that stayed
    assert written == rebuilt
