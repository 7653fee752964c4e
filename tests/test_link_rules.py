"""The linking rules as pure functions: participants, places, windows, state, settings."""

from __future__ import annotations

import copy
import dataclasses
import json
from typing import Any

import pytest

from dateline.errors import DatelineError
from dateline.link import format_time
from dateline.link.compat import (
    Member,
    Participant,
    PlaceInfo,
    adjacent,
    link_window,
    participant,
    participants_match,
    places_compatible,
)
from dateline.link.query import as_of_text
from dateline.link.settings import RULES_PATH, default_settings, settings_from_dict
from dateline.link.state import story_state

S = default_settings()
PEOPLE = {
    "rus-government": ("government", "RUS"),
    "emmanuel-macron": ("person", "FRA"),
    "francois-bayrou": ("person", "FRA"),
    "kim-jong-un": ("person", "PRK"),
    "vladimir-putin": ("person", "RUS"),
    "xi-jinping": ("person", "CHN"),
    "narendra-modi": ("person", "IND"),
    "aya-kouassi": ("person", "CIV"),
    "andrey-rudenko": ("person", "RUS"),
    "george-w-bush": ("person", "USA"),
    "stephen-hadley": ("person", "USA"),
    "lee-myung-bak": ("person", "KOR"),
    "apec": ("organisation", None),
    "mohammed-tahiri": ("person", "MAR"),
    "aliou-ndour": ("person", "SEN"),
    "marta-figueira": ("person", "BRA"),
}


def parts(source: list[str], target: list[str] = []) -> tuple[Participant, ...]:  # noqa: B006
    def one(actor_id: str, role: str) -> Participant:
        kind, country = PEOPLE.get(actor_id, (None, None))
        return participant(actor_id, role, kind, country)

    return tuple([one(a, "source") for a in source] + [one(a, "target") for a in target])


def member(
    key: str,
    type: str,
    source: list[str],
    target: list[str] = [],  # noqa: B006
    status: str = "planned",
    dct: str = "2025-05-21",
    time: tuple[str | None, str | None, str | None] = (None, None, None),
    cue: str | None = None,
) -> Member:
    value, earliest, latest = time
    row: dict[str, Any] = {"dct": dct, "status": status, "type": type, "earliest": earliest}
    change = "postponed" if cue and "postpone" in cue else None  # Event.change, as extracted
    row.update(latest=latest, dated=value is not None, cue=cue, change=change)
    lo, hi = link_window(row, S)
    return Member(
        id=key, document_id="doc-" + dct, dct=dct, type=type, family=S.family(type),
        status=status, dated=value is not None, value=value, earliest=earliest, latest=latest,
        granularity=None, lo=lo, hi=hi, participants=parts(source, target), place=PlaceInfo(),
        postponed=bool(cue and "postpone" in cue),
    )  # fmt: skip


# --- participants ------------------------------------------------------------------

PARTICIPANT_CASES = [
    # (what, event e, event f, shared parties needed to link or 0)
    (
        "Kim's visit and Putin's invitation of Kim: Putin stands for Russia",
        member("v", "VISIT", ["kim-jong-un"], ["RUS"]),
        member("i", "INVITE", ["vladimir-putin"], ["kim-jong-un"]),
        2,
    ),
    (
        "Kim visits Russia is not Putin visits North Korea (direction)",
        member("a", "VISIT", ["kim-jong-un"], ["RUS"]),
        member("b", "VISIT", ["vladimir-putin"], ["PRK"]),
        0,
    ),
    (
        "Putin meeting Xi is not Putin meeting Modi",
        member("a", "MEET", ["vladimir-putin", "xi-jinping"]),
        member("b", "MEET", ["vladimir-putin", "narendra-modi"]),
        0,
    ),
    (
        "Côte d'Ivoire and its minister are one party facing Ghana and Côte d'Ivoire",
        member("a", "AGREE", ["CIV", "aya-kouassi"], status="occurred"),
        member("b", "AGREE", ["GHA", "CIV"], status="occurred"),
        1,
    ),
    (
        "two Russians are not the same party",
        member("a", "STATEMENT", ["vladimir-putin"], status="occurred"),
        member("b", "STATEMENT", ["andrey-rudenko"], status="occurred"),
        0,
    ),
    (
        "the Russian government is Russia (aliases of one party)",
        member("a", "VISIT", ["kim-jong-un"], ["RUS"]),
        member("b", "VISIT", ["kim-jong-un"], ["rus-government"]),
        2,
    ),
    (
        "a country and two of its people share only the country: no link",
        member("a", "MEET", ["emmanuel-macron", "francois-bayrou"]),
        member("b", "MEET", ["FRA"]),
        0,
    ),
    (
        "Kim alone and North Korea alone share only the country: no link",
        member("a", "STATEMENT", ["kim-jong-un"], status="occurred"),
        member("b", "STATEMENT", ["PRK"], status="occurred"),
        0,
    ),
    (
        "Kim for North Korea counts when a second party is shared too",
        member("a", "VISIT", ["kim-jong-un"], ["RUS"]),
        member("b", "VISIT", ["PRK"], ["RUS"]),
        2,
    ),
    (
        "one actor alone on both sides is one party",
        member("a", "VISIT", ["kim-jong-un"]),
        member("b", "VISIT", ["kim-jong-un"], ["RUS"]),
        1,
    ),
    (
        "an event without participants links to nothing",
        member("a", "AGREE", [], status="occurred"),
        member("b", "AGREE", ["GHA", "CIV"], status="occurred"),
        0,
    ),
]


@pytest.mark.parametrize(
    ("what", "e", "f", "shared"), PARTICIPANT_CASES, ids=[c[0] for c in PARTICIPANT_CASES]
)
def test_participants(what: str, e: Member, f: Member, shared: int) -> None:
    assert participants_match(e, f, S) == shared
    assert participants_match(f, e, S) == shared


# --- family and time: the neighbourhood relation ------------------------------------

JUNE_10, JUNE_20, AUGUST_20 = (("2025-06-10",) * 3), (("2025-06-20",) * 3), (("2025-08-20",) * 3)
ADJACENT_CASES = [
    # (what, event e, event f, linked)
    (
        "a visit and the talks during it: one family",
        member(
            "v", "VISIT", ["kim-jong-un"], ["RUS"], time=("2025-06", "2025-06-01", "2025-06-30")
        ),
        member("m", "MEET", ["kim-jong-un", "vladimir-putin"], time=("2025-06-12",) * 3),
        True,
    ),
    (
        "an agreement signed by the same parties is another family",
        member("v", "VISIT", ["kim-jong-un"], ["RUS"], status="occurred"),
        member("a", "AGREE", ["kim-jong-un", "vladimir-putin"], status="occurred"),
        False,
    ),
    (
        "two visits that occurred on different dates are two events",
        member("a", "VISIT", ["kim-jong-un"], ["RUS"], "occurred", time=("2019-04-25",) * 3),
        member("b", "VISIT", ["kim-jong-un"], ["RUS"], "occurred", time=("2023-09-13",) * 3),
        False,
    ),
    (
        "an occurred visit and a report of it, dated the same day",
        member("a", "VISIT", ["kim-jong-un"], ["RUS"], "occurred", time=("2023-09-13",) * 3),
        member("b", "VISIT", ["PRK"], ["RUS"], "occurred", "2023-09-14", ("2023-09-13",) * 3),
        True,
    ),
    (
        "an undated plan and a visit that happened before the plan was reported",
        member("a", "VISIT", ["kim-jong-un"], ["RUS"], "occurred", time=("2023-09-13",) * 3),
        member("b", "VISIT", ["kim-jong-un"], ["RUS"], "planned", "2025-05-21"),
        False,
    ),
    (
        "a dated plan and a later article's plan a few days off, before the first date came",
        member("a", "VISIT", ["kim-jong-un"], ["RUS"], "planned", "2025-05-21", JUNE_10),
        member("b", "VISIT", ["kim-jong-un"], ["RUS"], "planned", "2025-05-30", JUNE_20),
        True,
    ),
    (
        "a dated plan and a later article's plan a few days off, once the first date passed",
        member("a", "VISIT", ["kim-jong-un"], ["RUS"], "planned", "2025-05-21", JUNE_10),
        member("b", "VISIT", ["kim-jong-un"], ["RUS"], "planned", "2025-06-12", JUNE_20),
        False,
    ),
    (
        "a dated plan and a later article's plan more than `redated` days off",
        member("a", "VISIT", ["kim-jong-un"], ["RUS"], "planned", "2025-05-21", JUNE_10),
        member("b", "VISIT", ["kim-jong-un"], ["RUS"], "planned", "2025-05-30", AUGUST_20),
        False,
    ),
]


@pytest.mark.parametrize(
    ("what", "e", "f", "linked"), ADJACENT_CASES, ids=[c[0] for c in ADJACENT_CASES]
)
def test_family_participants_and_windows_decide_neighbours(
    what: str, e: Member, f: Member, linked: bool
) -> None:
    assert bool(adjacent(e, f, S)) is linked
    assert bool(adjacent(f, e, S)) is linked


# --- places ------------------------------------------------------------------------

MOSCOW = PlaceInfo("Moscow", "RUS", "local")
RUSSIA = PlaceInfo("Russia", "RUS", "country")
VLADIVOSTOK = PlaceInfo("Vladivostok", "RUS", "local")
FAR_EAST = PlaceInfo("Russian Far East", "RUS", "region")
LISBON = PlaceInfo("Lisbon", "PRT", "local")
PORTUGAL = PlaceInfo("Portugal", "PRT", "country")
UNKNOWN_TOWN = PlaceInfo("Springfield", None, "local")

PLACE_CASES = [
    (MOSCOW, RUSSIA, True),  # Moscow is in Russia
    (LISBON, PORTUGAL, True),
    (MOSCOW, MOSCOW, True),
    (MOSCOW, PlaceInfo("moscow"), True),  # same name, any case
    (MOSCOW, PlaceInfo(), True),  # unknown place never excludes
    (MOSCOW, VLADIVOSTOK, False),  # two cities of one country
    (VLADIVOSTOK, FAR_EAST, True),  # a city may lie in a region of its country
    (LISBON, RUSSIA, False),
    (MOSCOW, LISBON, False),
    (UNKNOWN_TOWN, MOSCOW, False),
]


@pytest.mark.parametrize(("a", "b", "ok"), PLACE_CASES)
def test_places(a: PlaceInfo, b: PlaceInfo, ok: bool) -> None:
    assert places_compatible(a, b) is ok
    assert places_compatible(b, a) is ok


# --- link windows ------------------------------------------------------------------


def _row(
    status: str,
    type: str,
    dct: str,
    earliest: str | None = None,
    latest: str | None = None,
    cue: str | None = None,
) -> dict[str, Any]:
    dated = earliest is not None and latest is not None
    return {
        "status": status,
        "type": type,
        "dct": dct,
        "earliest": earliest,
        "latest": latest,
        "cue": cue,
        "change": "postponed" if cue and "postpone" in cue else None,  # Event.change
        "dated": dated,
    }


WINDOW_CASES = [
    # (what, event row, expected window) — worked out by hand from the rules file
    ("planned, undated: after the article, for two years",
     _row("planned", "VISIT", "2025-05-21"), ("2025-05-22", "2027-05-21")),
    ("planned, undated, with earliest = dct as the extractor writes it",
     _row("planned", "VISIT", "2025-05-21", "2025-05-21"), ("2025-05-22", "2027-05-21")),
    ("occurred, undated: the month before the article",
     _row("occurred", "AGREE", "2025-05-21"), ("2025-04-21", "2025-05-21")),
    ("ongoing: a week either side",
     _row("ongoing", "VISIT", "2025-05-21"), ("2025-05-14", "2025-05-28")),
    ("has never visited: before the article only",
     _row("negated", "VISIT", "2025-05-21", cue="never"), ("2025-04-21", "2025-05-20")),
    ("dated day",
     _row("occurred", "VISIT", "2025-05-21", "2025-04-22", "2025-04-22"),
     ("2025-04-22", "2025-04-22")),
    ("an invitation reaches two years past its own time",
     _row("occurred", "INVITE", "2025-05-21", "2024-06-01", "2024-06-30"),
     ("2024-06-01", "2026-06-30")),
    ("postponed to April: 60 days before the article to 60 after April (the date it moves)",
     _row("planned", "MEET", "2025-03-15", "2025-04-01", "2025-04-30", "postponed"),
     ("2025-01-14", "2025-06-29")),
    ("postponed to a month before the article: a misreading, open ahead",
     _row("planned", "MEET", "2025-10-08", "2024-12-01", "2024-12-31", "postpone"),
     ("2024-12-01", "2027-10-08")),
    ("planned, undated, with a window already past: open ahead",
     {**_row("planned", "VISIT", "2025-05-21", "2025-01-01", "2025-01-31"), "dated": False},
     ("2025-05-22", "2027-05-21")),
    ("a threat, undated: made on the article's day or the day before",
     _row("occurred", "THREATEN", "2013-04-09"), ("2013-04-08", "2013-04-09")),
    ("a statement announced without a date: within two weeks",
     _row("planned", "STATEMENT", "2017-10-06"), ("2017-10-07", "2017-10-20")),
    ("a statement with a date of its own keeps it",
     _row("occurred", "STATEMENT", "2007-07-24", "2007-07-01", "2007-07-31"),
     ("2007-07-01", "2007-07-31")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "row", "expected"), WINDOW_CASES, ids=[c[0] for c in WINDOW_CASES]
)
def test_link_windows(what: str, row: dict[str, Any], expected: tuple[str, str]) -> None:
    assert link_window(row, S) == expected


# --- story state -------------------------------------------------------------------


def _state(*specs: tuple[str, str, tuple[str | None, str | None, str | None], str | None]) -> Any:
    members = [
        member(f"e{i}", "VISIT", ["kim-jong-un"], ["RUS"], status, dct, time, cue)
        for i, (dct, status, time, cue) in enumerate(specs)
    ]
    return story_state(members, S)


NO_TIME = (None, None, None)
JUNE_10 = ("2025-06-10", "2025-06-10", "2025-06-10")


def test_later_occurred_supersedes_planned() -> None:
    state = _state(
        ("2025-05-01", "planned", JUNE_10, None), ("2025-06-10", "occurred", JUNE_10, None)
    )
    assert (state.status, state.time["value"], state.dated) == ("occurred", "2025-06-10", True)


def test_later_speculation_does_not_weaken_a_plan() -> None:
    state = _state(
        ("2025-05-01", "planned", NO_TIME, None), ("2025-05-02", "possible", NO_TIME, None)
    )
    assert state.status == "planned"


def test_later_cancellation_supersedes_planned_and_keeps_the_planned_date() -> None:
    state = _state(
        ("2025-05-01", "planned", JUNE_10, None), ("2025-05-20", "negated", NO_TIME, "cancel")
    )
    assert (state.status, state.time["value"]) == ("negated", "2025-06-10")


def test_a_plan_revived_after_a_cancellation() -> None:
    state = _state(
        ("2025-05-01", "negated", NO_TIME, "cancel"), ("2025-05-20", "planned", NO_TIME, None)
    )
    assert state.status == "planned"


def test_postponement_without_a_new_date_resets_the_time() -> None:
    state = _state(
        ("2025-05-01", "planned", JUNE_10, None), ("2025-06-01", "planned", NO_TIME, "postponed")
    )
    assert state.status == "planned" and not state.dated
    assert state.time == {
        "value": None,
        "earliest": "2025-06-01",
        "latest": None,
        "granularity": None,
    }


def test_an_invitation_alone_makes_a_planned_story_without_a_date() -> None:
    june = ("2024-06", "2024-06-01", "2024-06-30")
    invite = member(
        "i", "INVITE", ["vladimir-putin"], ["kim-jong-un"], "occurred", "2024-06-20", june
    )
    state = story_state([invite], S)
    assert (state.type, state.status, state.dated) == ("INVITE", "planned", False)


def test_the_visit_not_the_invitation_gives_the_story_its_type_and_time() -> None:
    june = ("2024-06", "2024-06-01", "2024-06-30")
    invite = member(
        "i", "INVITE", ["vladimir-putin"], ["kim-jong-un"], "occurred", "2025-05-21", june
    )
    visit = member("v", "VISIT", ["kim-jong-un"], ["RUS"], "planned", "2025-05-21")
    state = story_state([invite, visit], S)
    assert (state.type, state.status, state.dated, state.time["value"]) == (
        "VISIT",
        "planned",
        False,
        None,
    )


def test_most_specific_date_of_the_latest_article_wins() -> None:
    june = ("2025-06", "2025-06-01", "2025-06-30")
    state = _state(("2025-05-01", "planned", JUNE_10, None), ("2025-05-10", "planned", june, None))
    assert state.time["value"] == "2025-06"  # the later article, though less specific
    assert [a.time["value"] for a in state.articles if a.time] == ["2025-06-10", "2025-06"]


def test_a_facet_dates_a_story_that_has_no_date_yet() -> None:
    march = ("2027-03", "2027-03-01", "2027-03-31")
    who = (["kim-jong-un"], ["RUS"])
    # "agreed to meet again in Moscow in March, when Kim is expected to make a state visit"
    visit = member("v", "VISIT", *who, "planned", "2026-11-05")
    talks = member(
        "m", "MEET", ["kim-jong-un", "vladimir-putin"], [], "planned", "2026-11-05", march
    )
    state = story_state([visit, talks], S)
    assert (state.type, state.state, state.dated, state.time["value"]) == (
        "VISIT", "dated", True, "2027-03",
    )  # fmt: skip
    # Once the story has a date, a facet's date never moves it ...
    day = ("2027-03-17", "2027-03-17", "2027-03-17")
    dated = member("d", "VISIT", *who, "planned", "2026-10-01", day)
    later = story_state([dated, visit, talks], S)
    assert (later.state, later.time["value"]) == ("dated", "2027-03-17")
    # ... and a hope ("could meet in March") never dates it.
    hoped = member(
        "h", "MEET", ["kim-jong-un", "vladimir-putin"], [], "possible", "2026-11-05", march
    )
    assert story_state([visit, hoped], S).state == "announced"


def test_a_summit_put_off_to_a_month_takes_its_guests_visit_there() -> None:
    # "Santos Ribeiro and Mateus will hold a summit in Luanda on October 20" (a MEET, and the
    # guest's VISIT the events step reads beside it), then "the summit ... has been
    # postponed until December", with no word of the trip: the summit's story, which the
    # guest's visit does not type, is put off to December.
    day = ("2025-10-20", "2025-10-20", "2025-10-20")
    visit = member("v", "VISIT", ["santos-ribeiro"], ["AGO"], "planned", "2025-09-10", day)
    visit = dataclasses.replace(visit, guest=True)
    meet = member("m", "MEET", ["santos-ribeiro", "mateus"], [], "planned", "2025-09-10", day)
    december = ("2025-12", "2025-12-01", "2025-12-31")
    moved = member("m2", "MEET", ["PRT", "AGO"], [], "planned", "2025-10-08", december, "postponed")
    state = story_state([visit, meet, moved], S)
    assert (state.state, state.time["value"]) == ("rescheduled", "2025-12")
    # Told without a new date, the summit puts the visit off undated.
    undated = member("m3", "MEET", ["PRT", "AGO"], [], "planned", "2025-10-08", cue="postponed")
    off = story_state([visit, meet, undated], S)
    assert (off.state, off.dated) == ("postponed", False)


def test_a_denial_in_an_article_that_postpones_the_story_does_not_call_it_off() -> None:
    who = (["kim-jong-un"], ["RUS"])
    day = ("2025-06-12", "2025-06-12", "2025-06-12")
    week = ("2025-W24", "2025-06-09", "2025-06-15")
    plan = member("plan", "VISIT", *who, "planned", "2025-06-01", day)
    # "Kim would not travel this week; the talks are postponed until further notice."
    denial = member("denial", "VISIT", *who, "negated", "2025-06-10", week)
    talks = member("talks", "MEET", ["kim-jong-un", "vladimir-putin"], [], "planned", "2025-06-10",
                   cue="postponed")  # fmt: skip
    state = story_state([plan, denial, talks], S)
    assert [a.state for a in state.articles] == ["dated", "postponed"]
    assert (state.state, state.status) == ("postponed", "planned")
    # Talks put off to a date of their own put the trip off, not to their date.
    july = ("2025-07-01", "2025-07-01", "2025-07-01")
    talks_july = member("talks", "MEET", ["kim-jong-un", "vladimir-putin"], [], "planned",
                        "2025-06-10", july, "postponed")  # fmt: skip
    later = story_state([plan, denial, talks_july], S)
    assert (later.state, later.dated, later.time["value"]) == ("postponed", False, None)
    # A cancellation in the same article still calls it off.
    called_off = dataclasses.replace(denial, cancelled=True)
    assert story_state([plan, called_off, talks], S).state == "cancelled"


def test_an_undated_report_that_it_took_place_does_not_undo_a_postponement_in_its_article() -> None:
    who = (["GEO", "AZE"], [])
    held = member(
        "held", "AGREE", *who, "occurred", "2027-04-22", ("x", "2027-04-22", "2027-04-22")
    )
    # The next day: "the signing was postponed an hour before the ceremony" and, in a
    # background paragraph, "they first agreed to renegotiate when they met in May".
    put_off = member("put-off", "AGREE", *who, "planned", "2027-04-23", cue="postponed")
    denied = member("denied", "AGREE", *who, "negated", "2027-04-23")
    background = member("background", "AGREE", *who, "occurred", "2027-04-23")
    state = story_state([held, put_off, denied, background], S)
    assert [a.state for a in state.articles] == ["occurred", "postponed"]
    # A report of the day it took place still speaks for that article.
    signed = member("signed", "AGREE", *who, "occurred", "2027-04-23", ("x", "2027-04-23", None))
    again = story_state([held, put_off, signed], S)
    assert [a.state for a in again.articles] == ["occurred", "occurred"]


def test_a_plan_silent_on_the_date_after_the_event_leaves_it_held() -> None:
    june_2 = ("x", "2025-06-02", "2025-06-02")
    state = _state(
        ("2025-05-03", "planned", JUNE_10, None),
        ("2025-06-03", "occurred", june_2, None),
        ("2025-06-04", "planned", NO_TIME, None),  # "Kim is due in Russia", a day late
    )
    assert [a.state for a in state.articles] == ["dated", "occurred", "occurred"]
    assert state.state == "occurred"
    # A plan with a date of its own still shows what it says.
    dated = _state(
        ("2025-06-03", "occurred", june_2, None), ("2025-06-04", "planned", JUNE_10, None)
    )
    assert [a.state for a in dated.articles] == ["occurred", "dated"]


def test_an_article_that_dates_the_plan_later_is_not_undone_by_an_undated_present() -> None:
    who = (["kim-jong-un"], ["RUS"])
    week = ("x", "2025-06-11", "2025-06-18")
    plan = member("plan", "VISIT", *who, "planned", "2025-06-09", week)
    # "Kim's travel to Russia demonstrates ...": no date of its own, in the present.
    present = member("present", "VISIT", *who, "ongoing", "2025-06-09")
    state = story_state([plan, present], S)
    assert (state.state, state.status, state.time["latest"]) == ("dated", "planned", "2025-06-18")
    # Without a dated plan of its own type after the article, the article is under way.
    assert story_state([present], S).state == "under way"
    today = member(
        "today", "VISIT", *who, "planned", "2025-06-09", ("x", "2025-06-09", "2025-06-12")
    )
    assert story_state([today, present], S).state == "under way"


def test_an_article_that_dates_the_plan_later_is_not_undone_by_an_undated_refusal() -> None:
    who = (["UGA", "KEN"], [])
    week = ("x", "2024-03-11", "2024-03-17")
    plan = member("plan", "AGREE", *who, "planned", "2024-03-05", week)
    # "Kenya would not sign anything": a refusal, no date of its own, no call-off.
    refusal = member("refusal", "AGREE", *who, "negated", "2024-03-05")
    state = story_state([plan, refusal], S)
    assert (state.state, state.status) == ("dated", "planned")
    # Without the dated plan the refusal speaks; a call-off in the article still calls it off.
    assert story_state([refusal], S).state == "cancelled"
    called_off = dataclasses.replace(refusal, id="called-off", cancelled=True)
    assert story_state([plan, called_off], S).state == "cancelled"


def test_a_call_off_retold_beside_a_dated_plan_of_a_story_called_off_reinstates_it() -> None:
    who = (["kim-jong-un"], ["RUS"])
    days = ("x", "2027-04-12", "2027-04-15")
    plan = member("plan", "VISIT", *who, "planned", "2027-03-02", days)
    off = member("off", "VISIT", *who, "negated", "2027-03-24", days)
    off = dataclasses.replace(off, cancelled=True)
    # "The state visit, called off two weeks ago, has been reinstated for April 12-15",
    # and "while cancelling the visit" in a background sentence, without its date.
    again = member("again", "VISIT", *who, "planned", "2027-04-06", days)
    retold = member("retold", "VISIT", *who, "negated", "2027-04-06")
    retold = dataclasses.replace(retold, cancelled=True)
    state = story_state([plan, off, again, retold], S)
    assert [a.state for a in state.articles] == ["dated", "cancelled", "dated"]
    assert (state.state, state.status) == ("dated", "planned")
    # A story not called off before is called off by the article's call-off.
    same_day = {"dct": "2027-03-24", "document_id": "d"}
    again_then = dataclasses.replace(again, **same_day)
    first = story_state([plan, again_then, dataclasses.replace(retold, **same_day)], S)
    assert [a.state for a in first.articles] == ["dated", "cancelled"]


# --- settings and small helpers -------------------------------------------------------


def _rules() -> dict[str, Any]:
    return dict(json.loads(RULES_PATH.read_text(encoding="utf-8")))


def _break(path: list[str], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(_rules())
    node = data
    for key in path[:-1]:
        node = node[key]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return data


BROKEN = [
    ("unknown status in supersedes", ["supersedes", "planned"], ["planned", "maybe"]),
    ("family without an example", ["families", "encounter", "example"], ""),
    ("role pair with a bad role", ["role_pairs", "VISIT|VISIT"], [["source", "host"]]),
    ("role pair key without a bar", ["role_pairs", "VISITVISIT"], [["source", "source"]]),
    ("role apart with a bad role", ["role_apart", "INVITE|VISIT"], [["source", "host"]]),
    ("missing window", ["windows_days", "future"], KeyError),
    ("precursor maps to an unknown status", ["precursors", "INVITE"], {"occurred": "done"}),
    ("hosted types not a list", ["hosted_types", "types"], "MEET"),
    ("speech types not a list", ["speech_types", "types"], "STATEMENT"),
    ("journey home types not a list", ["journey_home", "types"], "VISIT"),
    ("once per article types not a list", ["once_per_article", "types"], "STATEMENT"),
]


@pytest.mark.parametrize(("what", "path", "value"), BROKEN, ids=[b[0] for b in BROKEN])
def test_malformed_rules_are_rejected_at_load_time(what: str, path: list[str], value: Any) -> None:
    with pytest.raises(DatelineError) as err:
        settings_from_dict(_break(path, value))
    assert err.value.code == "DL-E251"


def test_packaged_rules_load() -> None:
    assert S.family("INVITE") == S.family("VISIT") == "encounter"
    assert S.family("AGREE") == "AGREE"
    assert S.is_precursor("INVITE") and not S.is_precursor("VISIT")
    # An article tells each thing said once; a visit or a meeting in several reports.
    assert {"STATEMENT", "THREATEN", "ACCUSE"} <= S.once_per_article
    assert not {"VISIT", "MEET"} & S.once_per_article


@pytest.mark.parametrize("bad", ["2025-13-01", "yesterday", ""])
def test_bad_as_of_date_is_a_coded_error(bad: str) -> None:
    with pytest.raises(DatelineError) as err:
        as_of_text(bad)
    assert err.value.code == "DL-E252"


TIME_CASES = [
    ({"value": "2025-06-10", "earliest": "2025-06-10", "latest": "2025-06-10"}, True, "2025-06-10"),
    (
        {"value": None, "earliest": "2025-05-21", "latest": None},
        False,
        "no date set (from 2025-05-21)",
    ),
    (
        {"value": None, "earliest": "2025-06-01", "latest": "2025-06-30"},
        False,
        "between 2025-06-01 and 2025-06-30",
    ),
    ({"value": None, "earliest": None, "latest": "2025-05-21"}, False, "by 2025-05-21"),
    ({}, False, "no date set"),
]


@pytest.mark.parametrize(("time", "dated", "text"), TIME_CASES)
def test_format_time(time: dict[str, Any], dated: bool, text: str) -> None:
    assert format_time(time, dated) == text


# --- a story's place ---------------------------------------------------------------


def _placed(key: str, type: str, place: PlaceInfo, dct: str = "2025-05-21") -> Member:
    day = ("2025-06-10", "2025-06-10", "2025-06-12")
    return dataclasses.replace(
        member(key, type, ["kim-jong-un"], ["RUS"], dct=dct, time=day), place=place
    )


def test_a_trip_to_a_country_takes_in_several_of_its_cities() -> None:
    from dateline.link.cluster import cluster, narrower

    assert narrower(RUSSIA, MOSCOW) == RUSSIA  # the story stays country-wide
    assert narrower(MOSCOW, VLADIVOSTOK) == VLADIVOSTOK  # a city story moves (and is checked)
    assert narrower(RUSSIA, LISBON) == LISBON
    trip = [
        _placed("visit", "VISIT", RUSSIA),
        _placed("stop", "VISIT", VLADIVOSTOK),
        _placed("talks", "MEET", MOSCOW, dct="2025-05-22"),
    ]
    assert [len(d.added) for d in cluster(trip, S)] == [3]
    # A story that started in one city does not take another city's talks.
    apart = [_placed("visit", "VISIT", VLADIVOSTOK), _placed("talks", "MEET", MOSCOW, "2025-05-22")]
    assert [len(d.added) for d in cluster(apart, S)] == [1, 1]


def test_a_region_of_no_one_country_does_not_move_a_story_out_of_its_country() -> None:
    from dateline.link.cluster import cluster, narrower

    arctic = PlaceInfo("Arctic", None, "region")
    assert narrower(RUSSIA, arctic) == RUSSIA
    assert narrower(MOSCOW, arctic) == MOSCOW
    assert narrower(PlaceInfo(), arctic) == arctic  # it still places a story that has none
    # Talks "on the Arctic" during the trip do not keep its next report in Moscow out.
    trip = [
        _placed("visit", "VISIT", RUSSIA),
        _placed("talks", "DISCUSS", arctic),
        _placed("stop", "VISIT", MOSCOW, dct="2025-05-22"),
    ]
    assert [len(d.added) for d in cluster(trip, S)] == [3]


def test_one_articles_dates_of_one_trip_do_not_shut_each_other_out() -> None:
    from dateline.link.cluster import cluster

    who = (["kim-jong-un"], ["RUS"])
    # Announced for June 18-20; then, on the 19th: "arrived on the 18th, and travels on to
    # Vladivostok on the 20th, the last day". The plan for the 20th is taken first (plans
    # come first in an article) and narrows the story to the 20th; the arrival still fits
    # the 18-20 the story had before that article.
    trip = [
        member("plan", "VISIT", *who, dct="2025-06-02", time=("x", "2025-06-18", "2025-06-20")),
        member(
            "arrival", "VISIT", *who, "occurred", "2025-06-19", ("x", "2025-06-18", "2025-06-18")
        ),
        member("leg", "VISIT", *who, dct="2025-06-19", time=("x", "2025-06-20", "2025-06-20")),
    ]
    assert [sorted(m.id for m in d.added) for d in cluster(trip, S)] == [["arrival", "leg", "plan"]]
    # A later article's visit on another day is still a visit of its own.
    later = member(
        "again", "VISIT", *who, "occurred", "2025-07-02", ("x", "2025-06-30", "2025-06-30")
    )
    assert [len(d.added) for d in cluster([*trip, later], S)] == [3, 1]


def test_threats_of_one_country_weeks_apart_are_not_one_threat() -> None:
    from dateline.link.cluster import cluster

    def threat(key: str, dct: str, status: str = "occurred") -> Member:
        return member(key, "THREATEN", ["PRK"], [], status, dct)

    # North Korea threatens something new every few days: reports without a date of their
    # own are of threats made on their article's day, not a month before.
    threats = [threat("march-8", "2013-03-08", "planned"), threat("march-30", "2013-03-30"),
               threat("april-9", "2013-04-09")]  # fmt: skip
    assert [len(d.added) for d in cluster(threats, S)] == [1, 1, 1]
    # Two reports a day apart of one threat are one.
    assert [
        len(d.added) for d in cluster([threat("a", "2013-04-08"), threat("b", "2013-04-09")], S)
    ] == [2]


def test_the_window_before_the_article_takes_the_trips_own_dates_not_its_facets() -> None:
    from dateline.link.cluster import cluster

    who = (["kim-jong-un"], ["RUS"])
    second_half = ("2025-H2", "2025-07-01", "2025-12-31")
    plan = member("plan", "VISIT", *who, "planned", "2025-04-15", second_half)
    # Later: "will visit Russia on August 18-20; the two leaders are also expected to meet in
    # July on the sidelines of a summit". The visit narrows the story to August; the July
    # meeting fits only the second half of the year the story had before: another meeting.
    august = member(
        "aug", "VISIT", *who, "planned", "2025-06-02", ("x", "2025-08-18", "2025-08-20")
    )
    july = member(
        "july", "MEET", ["kim-jong-un", "vladimir-putin"], [], "planned", "2025-06-02",
        ("2025-07", "2025-07-01", "2025-07-31"),
    )  # fmt: skip
    drafts = cluster([plan, august, july], S)
    assert sorted(sorted(m.id for m in d.added) for d in drafts) == [["aug", "plan"], ["july"]]


HANOI = PlaceInfo("Hanoi", "VNM", "local")
SEOUL = PlaceInfo("Seoul", "KOR", "local")


def _held(
    key: str,
    type: str,
    source: list[str],
    place: PlaceInfo,
    target: list[str] = [],  # noqa: B006
) -> Member:
    """A member located at ``place``, with the participants linking gives it there."""
    from dateline.link.compat import hosted

    m = member(key, type, source, target, status="ongoing")
    return dataclasses.replace(m, place=place, participants=hosted(m.participants, type, place, S))


@pytest.mark.parametrize(
    ("what", "e", "f", "linked"),
    [
        (
            "Bush meeting APEC leaders in Hanoi is a facet of Bush's visit to Vietnam",
            _held("meet", "MEET", ["george-w-bush", "apec"], HANOI),
            _held("visit", "VISIT", ["george-w-bush"], HANOI, ["VNM"]),
            True,
        ),
        (
            "the country an event is held in is not the one party both name as itself",
            _held("meet", "MEET", ["lee-myung-bak"], SEOUL),
            _held("visit", "VISIT", ["george-w-bush"], SEOUL, ["KOR"]),
            False,
        ),
        (
            "nor a party that must be shared: Bush alone in Hanoi meets Bush and Lee",
            _held("talks", "DISCUSS", ["george-w-bush"], HANOI),
            member("meet", "MEET", ["george-w-bush", "lee-myung-bak"], status="ongoing"),
            True,
        ),
        (
            "two meetings of Bush in Hanoi with other people do not share Vietnam",
            _held("meet", "MEET", ["george-w-bush", "apec"], HANOI),
            _held("talks", "MEET", ["george-w-bush", "lee-myung-bak"], HANOI),
            False,
        ),
        (
            "another American in Hanoi is not Bush",
            _held("meet", "MEET", ["stephen-hadley", "apec"], HANOI),
            _held("visit", "VISIT", ["george-w-bush"], HANOI, ["VNM"]),
            False,
        ),
    ],
)
def test_the_country_an_event_is_held_in_takes_part(
    what: str, e: Member, f: Member, linked: bool
) -> None:
    assert bool(participants_match(e, f, S)) is linked, what
    assert bool(adjacent(f, e, S)) is linked, what


def test_an_undated_report_joins_the_story_it_shares_most_with_not_the_dated_one() -> None:
    from dateline.link.cluster import cluster

    vladivostok, moscow = (
        PlaceInfo("Vladivostok", "RUS", "local"),
        PlaceInfo("Moscow", "RUS", "local"),
    )
    trip = _placed("trip", "VISIT", vladivostok, dct="2025-05-01")  # Kim in Vladivostok, dated
    talks = [
        dataclasses.replace(
            member(k, "MEET", ["kim-jong-un", "vladimir-putin"], dct=dct), place=moscow
        )
        for k, dct in (("talks", "2025-05-02"), ("talks-again", "2025-05-03"))
    ]
    # "Kim will not meet anyone": no date, no place. Its window overlaps the dated trip's,
    # which says nothing: it fits the undated talks, two of whose reports it neighbours.
    denial = member("denial", "MEET", ["kim-jong-un"], status="negated", dct="2025-05-04")
    drafts = cluster([trip, *talks, denial], S)
    assert sorted(sorted(m.id for m in d.added) for d in drafts) == [
        ["denial", "talks", "talks-again"],
        ["trip"],
    ]


def test_two_reports_of_a_past_event_named_by_its_year_sharing_one_party_are_one_event() -> None:
    """ "The memorandum Uganda and Kenya signed in 2016" and "the 2016 memorandum" Uganda's
    minister recalls, in two articles: one party named as itself, one year, and no country
    on one side the other does not name. Chile's 2016 agreements with Peru and with Bolivia
    are two; so are reports of two years, or one of a year and one of a day in it."""
    from dateline.link.cluster import cluster

    year = ("2016", "2016-01-01", "2016-12-31")
    kenya = member("kenya", "AGREE", ["UGA", "KEN"], [], "occurred", "2023-03-07", year)
    uganda = member(
        "uganda", "AGREE", ["ronald-ssemakula", "UGA"], [], "occurred", "2023-03-09", year
    )
    assert participants_match(kenya, uganda, S) == 0  # one party of two
    assert adjacent(kenya, uganda, S) == adjacent(uganda, kenya, S) == 1
    assert [len(d.added) for d in cluster([kenya, uganda], S)] == [2]
    peru = member("peru", "AGREE", ["CHL", "PER"], [], "occurred", "2023-03-07", year)
    bolivia = member("bolivia", "AGREE", ["CHL", "BOL"], [], "occurred", "2023-03-09", year)
    assert adjacent(peru, bolivia, S) == 0
    other = ("2017", "2017-01-01", "2017-12-31")
    later = member("later", "AGREE", ["ronald-ssemakula", "UGA"], [], "occurred", "2023-03-09",
                   other)  # fmt: skip
    assert adjacent(kenya, later, S) == 0
    day = ("2016-05-04", "2016-05-04", "2016-05-04")
    on_day = member("on-day", "AGREE", ["ronald-ssemakula", "UGA"], [], "occurred",
                    "2023-03-09", day)  # fmt: skip
    assert adjacent(kenya, on_day, S) == 0
    # Two articles that name no one who acts are not one event by a year alone.
    rally = member("rally", "PROTEST", [], [], "occurred", "2023-03-07", year)
    march = member("march", "PROTEST", [], [], "occurred", "2023-03-09", year)
    assert adjacent(rally, march, S) == 0


# --- a place the event's sentences do not name --------------------------------------------

ARTICLE_PLACES = {
    "hanoi": PlaceInfo("Hanoi", "VNM", "local"),
    "mendoza": PlaceInfo("Mendoza", "ARG", "local"),
    "buenos aires": PlaceInfo("Buenos Aires", "ARG", "local"),
}


@pytest.mark.parametrize(
    ("location", "sentence", "named"),
    [
        ("Buenos Aires", "They held talks in Buenos Aires on Thursday.", True),
        ("Vietnam", "Kerry will travel to Hanoi and Ho Chi Minh City.", True),
        ("Mendoza", "They discussed water rights and survey flights.", False),
        ("Argentina", "They discussed water rights and survey flights.", False),
        (None, "They discussed water rights.", True),
    ],
)
def test_a_location_is_named_by_its_sentence_or_one_of_its_cities(
    location: str | None, sentence: str, named: bool
) -> None:
    from dateline.link.linker import named_in

    assert named_in(location, [sentence.casefold()], ARTICLE_PLACES, S) is named


def test_a_carried_place_neither_excludes_nor_hosts() -> None:
    from dateline.link.compat import CARRIED, hosted

    carried = PlaceInfo("Mendoza", "ARG", CARRIED)
    assert places_compatible(carried, PlaceInfo("Buenos Aires", "ARG", "local"))
    assert places_compatible(
        PlaceInfo("Berlin", "DEU", "local"), PlaceInfo("Luanda", "AGO", CARRIED)
    )
    assert not places_compatible(
        PlaceInfo("Mendoza", "ARG", "local"), ARTICLE_PLACES["buenos aires"]
    )
    talks = member("talks", "MEET", ["george-w-bush", "apec"])
    assert (
        hosted(talks.participants, "MEET", PlaceInfo("Hanoi", "VNM", CARRIED), S)
        == talks.participants
    )


def test_a_late_report_of_the_old_date_joins_the_story_it_was_planned_for() -> None:
    from dateline.link.cluster import cluster

    who = (["kim-jong-un"], ["RUS"])

    def day(d: str) -> tuple[str, str, str]:
        return (d, d, d)

    visit = [
        member("plan", "VISIT", *who, "planned", "2025-05-03", day("2025-06-09")),
        member("moved", "VISIT", *who, "planned", "2025-05-20", day("2025-06-02"), "postponed"),
        member("held", "VISIT", *who, "occurred", "2025-06-03", day("2025-06-02")),
        # A weekly still announces the visit for June 9: the story, late, not a new plan.
        member("stale", "VISIT", *who, "planned", "2025-06-04", day("2025-06-09")),
    ]
    [story] = cluster(visit, S)
    state = story.state(S)
    assert state.state == "occurred"
    assert [a.state for a in state.articles] == ["dated", "rescheduled", "occurred", "occurred"]
    # A plan for a date the story never had is another visit.
    again = member("again", "VISIT", *who, "planned", "2025-06-10", day("2025-09-01"))
    assert [len(d.added) for d in cluster([*visit, again], S)] == [4, 1]


def test_a_day_of_a_short_plan_reported_held_joins_the_story_that_has_begun() -> None:
    from dateline.link.cluster import cluster

    who = (["kim-jong-un"], ["RUS"])
    visit = [
        member("plan", "VISIT", *who, "planned", "2025-04-20", ("x", "2025-05-12", "2025-05-14")),
        member("begun", "VISIT", *who, "ongoing", "2025-05-12", ("x", "2025-05-12", "2025-05-12")),
        # "He was in Kazan on May 13", a week later: a day of the visit planned for May 12-14,
        # though the story narrowed to the day it was reported begun.
        member("day", "VISIT", *who, "occurred", "2025-05-20", ("x", "2025-05-13", "2025-05-13")),
    ]
    for order in (visit, visit[::-1], [visit[2], visit[0], visit[1]]):
        assert [len(d.added) for d in cluster(order, S)] == [3]
    # A day inside a plan of a month says nothing of which visit it is.
    month = [
        member("plan", "VISIT", *who, "planned", "2025-04-20", ("x", "2025-05-01", "2025-05-31")),
        member("begun", "VISIT", *who, "ongoing", "2025-05-12", ("x", "2025-05-12", "2025-05-12")),
        member("day", "VISIT", *who, "occurred", "2025-06-02", ("x", "2025-05-27", "2025-05-27")),
    ]
    assert [len(d.added) for d in cluster(month, S)] == [2, 1]


def test_an_undated_report_a_few_days_after_the_story_is_that_story() -> None:
    from dateline.link.cluster import cluster

    who = (["kim-jong-un"], ["RUS"])
    held = member(
        "held", "VISIT", *who, "occurred", "2025-06-03", ("x", "2025-06-02", "2025-06-02")
    )
    # "Kim is due in Russia", two days after he went: its window, implied by its status,
    # starts the day after its article; the story's date is within facet_slack of it.
    stale = member("stale", "VISIT", *who, "planned", "2025-06-04")
    assert [len(d.added) for d in cluster([held, stale], S)] == [2]
    # Announced a month later, it is another visit.
    later = member("later", "VISIT", *who, "planned", "2025-07-04")
    assert [len(d.added) for d in cluster([held, later], S)] == [1, 1]


def test_a_story_tail_links_as_adjacent_does_member_by_member_resumed_or_not() -> None:
    """``Draft.links`` compares a new event once per group of the tail, and a resumed story
    keeps only a view of its last members (``Linked``); both must count what ``adjacent``
    counts: a plan without a date and a dated report of the same type a few days apart are
    adjacent from different articles (the late-plan slack), not within one article."""
    from dateline.link.cluster import Draft
    from dateline.link.compat import adjacent

    who = (["kim-jong-un"], ["RUS"])
    held = member(
        "held", "VISIT", *who, "occurred", "2025-06-03", ("x", "2025-06-02", "2025-06-02")
    )
    due = member("due", "VISIT", *who, "planned", "2025-06-08")
    sixth = ("x", "2025-06-06", "2025-06-06")
    cases = [
        ([held], member("same", "VISIT", *who, "planned", "2025-06-03"), (0, 0)),
        ([held], member("next", "VISIT", *who, "planned", "2025-06-04"), (2, 1)),
        ([due], member("late", "VISIT", *who, "occurred", "2025-06-09", sixth), (2, 1)),
    ]  # fmt: skip
    for members, e, expected in cases:
        draft = Draft(members, S)
        resumed = Draft.resume(draft.to_summary(), {m.id: m for m in members}, S)
        by_member = [adjacent(e, m, S) for m in members]
        assert (max(by_member), sum(1 for n in by_member if n)) == expected, e.id
        assert draft.links(e, S) == resumed.links(e, S) == expected, e.id


def test_a_dated_plan_far_from_what_its_article_says_became_of_the_story_is_another_event() -> None:
    from dateline.link.cluster import cluster

    who = (["narendra-modi"], ["JPN"])
    plan = member("plan", "VISIT", *who, "planned", "2026-11-19")  # undated: reaches two years
    # One article: the visit was held on February 9, and he will return in August. The
    # August trip fits the undated plan's window too, and comes first in the article's
    # order; the report of the held visit says which event the story was.
    held = member(
        "held", "VISIT", *who, "occurred", "2027-02-11", ("x", "2027-02-09", "2027-02-09")
    )
    august = member(
        "august", "VISIT", *who, "planned", "2027-02-11", ("x", "2027-08-01", "2027-08-31")
    )
    drafts = cluster([plan, held, august], S)
    assert sorted(sorted(m.id for m in d.added) for d in drafts) == [["august"], ["held", "plan"]]
    [story] = [d for d in drafts if d.first and d.first.id == "plan"]
    assert story.state(S).state == "occurred"
    # Dates a few days apart are one trip ("arrived on Tuesday, travels on on Thursday").
    thursday = member(
        "thursday", "VISIT", *who, "planned", "2027-02-11", ("x", "2027-02-12", "2027-02-12")
    )
    assert [len(d.added) for d in cluster([plan, held, thursday], S)] == [3]


def test_a_meeting_held_in_an_article_that_calls_the_meeting_off_is_another_meeting() -> None:
    from dateline.link.cluster import cluster

    leaders = ["UZB", "KAZ", "KGZ"]
    summit = member("summit", "MEET", leaders, [], "planned", "2024-05-16", cue="postponed")
    # "The summit has been called off this year ... Alimov and Osmonov met on the sidelines
    # of the SCO meeting in Astana in the first week of July": the held meeting shares two
    # of the summit's parties and fits its open window, but the summit is the one called off.
    off = member(
        "off", "MEET", leaders, [], "negated", "2024-07-10", ("x", "2024-01-01", "2024-12-31")
    )
    sidelines = member(
        "sidelines",
        "MEET",
        ["UZB", "KGZ"],
        [],
        "occurred",
        "2024-07-10",
        ("x", "2024-07-01", "2024-07-07"),
    )
    drafts = cluster([summit, off, sidelines], S)
    assert sorted(sorted(m.id for m in d.added) for d in drafts) == [
        ["off", "summit"],
        ["sidelines"],
    ]
    states = {d.first.id: d.state(S).state for d in drafts if d.first}
    assert states == {"summit": "cancelled", "sidelines": "occurred"}


def test_a_denial_nearer_the_held_meeting_than_the_story_takes_no_story_from_it() -> None:
    from dateline.link.cluster import cluster

    one, two = "amara-velde", "tomas-rinaldi"
    plan = member(
        "plan", "MEET", [one], [], "planned", "2026-03-02", ("x", "2026-07-01", "2026-07-31")
    )
    # "Velde and Rinaldi met in Lisbon on July 7 ... The closing session never took place",
    # the undated denial read with the two leaders: it shares two with the held meeting and
    # one with the meeting planned for July, so it tells nothing of what became of that.
    held = member(
        "held", "MEET", [one, two], [], "occurred", "2026-07-20", ("x", "2026-07-07", "2026-07-07")
    )
    never = member("never", "MEET", [one, two], [], "negated", "2026-07-20")
    drafts = cluster([plan, held, never], S)
    assert sorted(sorted(m.id for m in d.added) for d in drafts) == [["held", "never", "plan"]]
    # A denial that shares as many with the story as with the held meeting still takes it.
    both = member(
        "both", "MEET", [one, two], [], "planned", "2026-03-02", ("x", "2026-07-01", "2026-07-31")
    )
    drafts = cluster([both, held, never], S)
    assert sorted(sorted(m.id for m in d.added) for d in drafts) == [["both", "never"], ["held"]]


def test_an_undated_denial_beside_a_dated_held_report_does_not_call_the_story_off() -> None:
    who = (["amara-velde", "tomas-rinaldi"], [])
    held = member("held", "MEET", *who, "occurred", "2026-07-20", ("x", "2026-07-07", "2026-07-07"))
    # "The closing session never took place": no date of its own, beside the held meeting.
    never = member("never", "MEET", *who, "negated", "2026-07-20")
    assert story_state([held, never], S).state == "occurred"
    # Alone, or beside an undated report that it took place, the denial still speaks.
    assert story_state([never], S).state == "cancelled"
    undated = member("undated", "MEET", *who, "occurred", "2026-07-20")
    assert story_state([undated, never], S).state == "cancelled"


def test_a_return_invitation_is_not_the_story_of_the_invitation_it_returns() -> None:
    from dateline.link.cluster import cluster

    kim, putin = "kim-jong-un", "vladimir-putin"
    first = "2025-05-01"
    invited = member(
        "invited", "INVITE", [putin], [kim], "occurred", first, ("x", "2024-06-01", "2024-06-30")
    )
    trip = member("trip", "VISIT", [kim], ["RUS"], "planned", first)
    day = ("x", "2025-06-09", "2025-06-09")
    talks = member("talks", "MEET", [kim, putin], [], "occurred", "2025-06-10", day)
    # "Kim invited Putin to visit Pyongyang": it shares both leaders with their talks, but
    # turns Putin's invitation and Kim's trip around (role_pairs).
    returned = member("returned", "INVITE", [kim], [putin], "occurred", "2025-06-10", day)
    drafts = cluster([invited, trip, talks, returned], S)
    assert sorted(sorted(m.id for m in d.added) for d in drafts) == [
        ["invited", "talks", "trip"],
        ["returned"],
    ]


def test_an_invitation_by_the_traveller_is_no_part_of_the_travellers_trip() -> None:
    from dateline.link.cluster import cluster

    kim, putin = "kim-jong-un", "vladimir-putin"
    # "Kim invited ... to pay a visit" (the invitee not found), beside Kim's own trip to Russia
    # that week: the inviter is the host of the visit he invites to, not the traveller.
    trip = member(
        "trip", "VISIT", [kim], ["RUS"], "planned", "2025-09-16", ("x", "2025-09-22", "2025-09-28")
    )
    invited = member(
        "invited", "INVITE", [kim], [], "occurred", "2025-09-16", ("x", "2025-09-15", "2025-09-15")
    )
    assert participants_match(invited, trip, S) == 0
    assert [len(d.added) for d in cluster([trip, invited], S)] == [1, 1]
    # The invitation of Kim by Putin is his trip's.
    host = member(
        "host",
        "INVITE",
        [putin],
        [kim],
        "occurred",
        "2025-09-16",
        ("x", "2025-09-15", "2025-09-15"),
    )
    assert participants_match(host, trip, S) == 2


def test_a_stale_plan_neither_undoes_a_held_event_nor_revives_a_called_off_one() -> None:
    who = (["kim-jong-un"], ["RUS"])

    def day(d: str) -> tuple[str, str, str]:
        return (d, d, d)

    plan = member("plan", "VISIT", *who, "planned", "2026-08-18", day("2026-09-13"))
    held = member("held", "VISIT", *who, "occurred", "2026-09-15", day("2026-09-13"))
    # A monthly gone to press on August 28, published on September 17: "will arrive on
    # September 13". Its plan ended before its own date.
    monthly = member("monthly", "VISIT", *who, "planned", "2026-09-17", day("2026-09-13"))
    state = story_state([plan, held, monthly], S)
    assert ([a.state for a in state.articles], state.state) == (
        ["dated", "occurred", "occurred"],
        "occurred",
    )
    off = member("off", "VISIT", *who, "negated", "2026-09-02", day("2026-09-13"))
    state = story_state([plan, off, monthly], S)
    assert ([a.state for a in state.articles], state.state, state.status) == (
        ["dated", "cancelled", "cancelled"],
        "cancelled",
        "negated",
    )
    # A new date after the call-off revives the plan; a later day's move to a new date
    # takes back the report that the visit was held (the history shows both), a move to
    # the date it was held on does not.
    again = member("again", "VISIT", *who, "planned", "2026-09-17", day("2026-11-02"))
    assert story_state([plan, off, again], S).state == "rescheduled"
    moved = member("moved", "VISIT", *who, "planned", "2026-09-17", day("2026-11-02"), "postponed")
    state = story_state([plan, held, moved], S)
    assert [a.state for a in state.articles] == ["dated", "occurred", "rescheduled"]
    assert state.state == "rescheduled"
    old = member("old", "VISIT", *who, "planned", "2026-09-17", day("2026-09-13"), "postponed")
    state = story_state([plan, held, old], S)
    assert ([a.state for a in state.articles][-1], state.state) == ("rescheduled", "occurred")


def test_a_palace_or_hall_is_a_site_in_some_city_that_excludes_only_another_country() -> None:
    from dateline.link.compat import SITE
    from dateline.link.linker import place_info

    palace = place_info("Presidential Palace", {}, S)
    assert palace.level == SITE
    assert place_info(
        "Rideau Hall", {"rideau hall": PlaceInfo("Rideau Hall", "CAN", "local")}, S
    ) == (PlaceInfo("Rideau Hall", "CAN", SITE))
    assert place_info("Springfield", {}, S).level == "local"  # a town is no site
    dakar = PlaceInfo("Dakar", "SEN", "local")
    assert places_compatible(palace, dakar) and places_compatible(dakar, palace)
    assert places_compatible(PlaceInfo("Presidential Palace", "SEN", SITE), dakar)
    assert not places_compatible(PlaceInfo("Malacanang Palace", "PHL", SITE), dakar)


def test_talks_at_the_palace_join_the_visit_to_the_city_and_keep_its_place() -> None:
    from dateline.link.cluster import cluster
    from dateline.link.linker import place_info

    visit = member("visit", "VISIT", ["mohammed-tahiri"], ["SEN"], "planned", "2025-10-17",
                   ("2025-10-20/21", "2025-10-20", "2025-10-21"))  # fmt: skip
    talks = member("talks", "MEET", ["mohammed-tahiri", "aliou-ndour"], [], "occurred",
                   "2025-10-22", ("2025-10-21", "2025-10-21", "2025-10-21"))  # fmt: skip
    later = member("later", "MEET", ["mohammed-tahiri", "aliou-ndour"], [], "occurred",
                   "2025-10-23", ("2025-10-21", "2025-10-21", "2025-10-21"))  # fmt: skip
    visit = dataclasses.replace(visit, place=PlaceInfo("Dakar", "SEN", "local"))
    talks = dataclasses.replace(talks, place=place_info("Presidential Palace", {}, S))
    drafts = cluster([visit, talks], S)
    assert [sorted(m.id for m in d.added) for d in drafts] == [["talks", "visit"]]
    assert drafts[0].place(S).name == "Dakar"  # the palace says less than the city
    elsewhere = dataclasses.replace(later, place=PlaceInfo("Saint-Louis", "SEN", "local"))
    assert len(cluster([visit, talks, elsewhere], S)) == 2  # another city stays apart


def test_a_day_inside_the_span_an_article_gives_does_not_narrow_the_story_to_that_day() -> None:
    def dated(key: str, time: tuple[str, str, str], granularity: str) -> Member:
        m = member(key, "VISIT", ["george-w-bush"], ["RUS"], "planned", "2025-03-07", time)
        return dataclasses.replace(m, granularity=granularity)

    visit = dated("visit", ("2025-03-15/17", "2025-03-15", "2025-03-17"), "day")
    leg = dated("leg", ("2025-03-16", "2025-03-16", "2025-03-16"), "day")
    state = story_state([visit, leg], S)
    assert (state.time["earliest"], state.time["latest"]) == ("2025-03-15", "2025-03-17")
    assert state.window == ("2025-03-15", "2025-03-17")
    # A day stays more specific than the month that holds it.
    month = dated("month", ("2025-03", "2025-03-01", "2025-03-31"), "month")
    assert story_state([month, leg], S).time["value"] == "2025-03-16"


def _travel(key: str, target: str, status: str, dct: str, day: str | None, where: str) -> Member:
    """A VISIT by Figueira as linking reads its ``events`` row (``linker.member_of_row``)."""
    from dateline.link.linker import member_of_row

    row = {"id": key, "document_id": "doc-" + dct, "dct": dct, "type": "VISIT",
           "status": status, "dated": day is not None, "value": day, "earliest": day,
           "latest": day, "granularity": "day" if day else None, "location": where}  # fmt: skip
    places = {"pretoria": PlaceInfo("Pretoria", "ZAF", "local"),
              "brasília": PlaceInfo("Brasília", "BRA", "local")}  # fmt: skip
    return member_of_row(row, parts(["marta-figueira"], [target]), places, S)


def test_a_journey_home_ends_the_trip_it_comes_back_from() -> None:
    from dateline.link.cluster import cluster
    from dateline.link.compat import HOME

    # "will pay a state visit to South Africa from August 18 to 20" ... "returned to Brasília
    # on Thursday": the trip back is the visit's last leg, though it goes to Brazil.
    trip = _travel("trip", "ZAF", "planned", "2026-08-10", "2026-08-20", "Pretoria")
    home = _travel("home", "BRA", "occurred", "2026-08-22", "2026-08-20", "Brasília")
    assert home.place.level == HOME and [p.role for p in home.participants] == ["source"]
    drafts = cluster([trip, home], S)
    assert [sorted(m.id for m in d.added) for d in drafts] == [["home", "trip"]]
    assert drafts[0].place(S).name == "Pretoria"  # home is not where the trip went
    # A trip to another country stays another trip; and "invited her to visit Brazil" (an
    # undated plan read with the inviter for the traveller) is no journey home.
    other = _travel("other", "ARG", "occurred", "2026-08-22", "2026-08-20", None)
    invited = _travel("invited", "BRA", "planned", "2026-08-22", None, None)
    assert invited.place.level != HOME and len(invited.participants) == 2
    assert len(cluster([trip, other], S)) == 2
    assert len(cluster([trip, invited], S)) == 2


def test_two_reports_of_one_dated_rally_that_name_no_one_are_one_event() -> None:
    """A rally, a strike: events that name no one who acts were never linked. Two articles
    that date one on the same day (one maybe only to its month) report one event; two on
    other days, two in one article, or two statements of one day, are not."""
    from dateline.link.cluster import cluster

    day = ("x", "2027-04-03", "2027-04-03")
    first = member("first", "PROTEST", [], [], "occurred", "2027-04-06", day)
    later = member("later", "PROTEST", [], ["GEO"], "occurred", "2027-04-22", day)
    april = ("x", "2027-04-01", "2027-04-30")
    month = member("month", "PROTEST", [], [], "occurred", "2027-04-23", april)
    tenth = ("x", "2027-04-10", "2027-04-10")
    other_day = member("other", "PROTEST", [], [], "occurred", "2027-04-22", tenth)
    assert adjacent(first, later, S) == adjacent(later, first, S) == 1
    assert adjacent(first, month, S) == 1
    assert adjacent(first, other_day, S) == 0
    drafts = cluster([first, later, month, other_day], S)
    assert sorted(sorted(m.id for m in d.added) for d in drafts) == [
        ["first", "later", "month"],
        ["other"],
    ]
    # Two rallies one article dates on one day are two rallies.
    twin = dataclasses.replace(later, id="twin", document_id=first.document_id, dct=first.dct)
    assert adjacent(first, twin, S) == 0
    # A statement is made every day: one date says nothing of which statement it is.
    said = member("said", "STATEMENT", [], [], "occurred", "2027-04-06", day)
    said_again = member("said-again", "STATEMENT", ["GEO"], [], "occurred", "2027-04-22", day)
    assert adjacent(said, said_again, S) == 0


def test_two_reports_of_one_dated_event_sharing_one_party_as_itself_are_one_event() -> None:
    """ "Uganda and Kenya signed the memorandum in Jinja on March 3" and "Ssemakula's Uganda
    signed it in Jinja on March 3" share one party where two are asked for: of one type,
    on one date, from two articles, they are one event. A country and a person of it are
    not the one party named as itself, and a wide date ("in the first half of 2021") says
    too little (a whole year, named for a past event, is the next test's)."""
    from dateline.link.cluster import cluster

    day = ("x", "2021-03-03", "2021-03-03")
    kenya = member("kenya", "AGREE", ["UGA", "KEN"], [], "occurred", "2023-03-07", day)
    uganda = member(
        "uganda", "AGREE", ["ronald-ssemakula", "UGA"], [], "occurred", "2023-03-09", day
    )
    assert participants_match(kenya, uganda, S) == 0  # one party of two
    assert adjacent(kenya, uganda, S) == adjacent(uganda, kenya, S) == 1
    assert [len(d.added) for d in cluster([kenya, uganda], S)] == [2]
    # A person of one of the countries is no party named as itself: in March, not one day.
    pair, march = ["narendra-modi", "lee-myung-bak"], ("x", "2021-03-01", "2021-03-31")
    person = member("person", "AGREE", pair, [], "occurred", "2023-03-09", march)
    indians = member("indians", "AGREE", ["IND", "KEN"], [], "occurred", "2023-03-07", march)
    assert adjacent(person, indians, S) == 0
    half = ("x", "2021-01-01", "2021-06-30")
    whole = {"lo": half[1], "hi": half[2], "earliest": half[1], "latest": half[2]}
    wide = dataclasses.replace(uganda, id="wide", **whole)
    wide_too = dataclasses.replace(kenya, id="wide-too", **whole)
    assert adjacent(wide, wide_too, S) == 0
    # On a date of a few days, a country and a person of it are the shared party: "Gasimov
    # will sign on April 21-22" and "Georgia and Azerbaijan signed on April 22".
    days = ("x", "2027-04-21", "2027-04-22")
    due = member("due", "AGREE", ["vladimir-putin"], [], "planned", "2027-04-06", days)
    signed = member("signed", "AGREE", ["RUS", "KEN"], [], "occurred", "2027-04-23", days)
    assert participants_match(due, signed, S) == 0
    assert adjacent(due, signed, S) == 1
    month = {"lo": "2027-04-01", "hi": "2027-04-30", "earliest": "2027-04-01"}
    month_due = dataclasses.replace(due, **month, latest="2027-04-30")
    month_signed = dataclasses.replace(signed, **month, latest="2027-04-30")
    assert adjacent(month_due, month_signed, S) == 0
    # Nor is one of two visits the same day by different travellers to one country.
    trip = member("trip", "VISIT", ["kim-jong-un"], ["RUS"], "planned", "2025-05-21", day)
    other = member("other", "VISIT", ["xi-jinping"], ["RUS"], "planned", "2025-05-22", day)
    assert adjacent(trip, other, S) == 0


def test_a_meeting_held_a_day_after_the_date_it_was_planned_for_is_that_meeting() -> None:
    from dateline.link.cluster import Draft, cluster

    who = (["marta-figueira", "thabo-ndlovu"], [])
    plan = member("plan", "MEET", *who, "planned", "2026-10-20", ("x", "2026-11-03", "2026-11-04"))
    # "Figueira and Ndlovu will meet in Pretoria on November 3-4", then, two days after,
    # "met in Pretoria on November 5": the meeting slipped a day, it is no other meeting.
    held = member("held", "MEET", *who, "occurred", "2026-11-06", ("x", "2026-11-05", "2026-11-05"))
    [story] = cluster([plan, held], S)
    assert [a.state for a in story.state(S).articles] == ["dated", "occurred"]
    # The neighbourhood relation and a resumed story's tail agree with the join.
    resumed = Draft.resume(Draft([plan], S).to_summary(), {"plan": plan}, S)
    assert adjacent(held, plan, S) == 2
    assert Draft([plan], S).links(held, S) == resumed.links(held, S) == (2, 1)
    # Held more than `slipped` days after the date, or well before it ("spoke on April 3"
    # of the talks planned for April 13), it is another meeting.
    for key, when in (("late", "2026-11-25"), ("early", "2026-10-24")):
        other = member(key, "MEET", *who, "occurred", "2026-11-26", ("x", when, when))
        assert adjacent(other, plan, S) == 0, key
        assert [len(d.added) for d in cluster([plan, other], S)] == [1, 1], key
    # Within one article, a plan and a report held on another day are two events.
    same = member("same", "MEET", *who, "occurred", "2026-10-20", ("x", "2026-11-05", "2026-11-05"))
    assert adjacent(same, plan, S) == 0


def test_an_undated_past_beside_a_dated_speculation_does_not_make_it_held() -> None:
    who = (["UGA", "KEN"], [])
    # "The two could sign the endorsement in Entebbe tomorrow ... signed": the undated past
    # is another signing (or the tense of a background line), not this one held.
    could = member(
        "could", "AGREE", *who, "possible", "2023-03-07", ("x", "2023-03-08", "2023-03-08")
    )
    signed = member("signed", "AGREE", *who, "occurred", "2023-03-07")
    assert story_state([could, signed], S).state == "speculated"
    # A speculation for the article's own day or before says nothing of a later date.
    today = member(
        "today", "AGREE", *who, "possible", "2023-03-07", ("x", "2023-03-07", "2023-03-07")
    )
    assert story_state([today, signed], S).state == "occurred"


def test_a_return_home_in_an_article_that_puts_the_trip_off_does_not_make_it_held() -> None:
    who = (["marta-figueira"], ["ZAF"])
    plan = member("plan", "VISIT", *who, "planned", "2027-02-01", ("x", "2027-02-20", "2027-02-20"))
    # "Her visit to Pretoria has been put off ... Figueira returned to Brasília on Monday":
    # the trip put off has not happened; she came back from somewhere else.
    moved = member("moved", "VISIT", *who, "planned", "2027-02-19", cue="postponed")
    home = dataclasses.replace(
        member("home", "VISIT", ["marta-figueira"], ["BRA"], "occurred", "2027-02-19",
               ("x", "2027-02-18", "2027-02-18")),
        place=PlaceInfo("Brasília", "BRA", "home"),
    )  # fmt: skip
    assert [a.state for a in story_state([plan, moved, home], S).articles] == [
        "dated",
        "postponed",
    ]
    # Without the put-off, the journey home ends the trip: it took place.
    assert story_state([plan, home], S).state == "occurred"


def test_one_article_tells_a_hoped_for_deal_apart_from_one_agreed_months_before() -> None:
    from dateline.link.cluster import cluster

    who: tuple[list[str], list[str]] = (["claire-donnelly", "hendra-wibisana"], [])
    # "Officials hope the two leaders can sign a fisheries accord this year ... they last met
    # in May, when they agreed to reopen the border": the year's window holds May, but the
    # article says one is still to come and the other was agreed months ago.
    hope = member(
        "hope", "AGREE", *who, "possible", "2026-09-03", ("2026", "2026-01-01", "2026-12-31")
    )
    agreed = member(
        "agreed", "AGREE", *who, "occurred", "2026-09-03", ("2026-05", "2026-05-01", "2026-05-31")
    )
    assert [len(d.added) for d in cluster([hope, agreed], S)] == [1, 1]
    assert [len(d.added) for d in cluster([agreed, hope], S)] == [1, 1]
    # Held this week, it may be the deal hoped for: one story.
    today = member(
        "today", "AGREE", *who, "occurred", "2026-09-03", ("2026-09-02", "2026-09-02", "2026-09-02")
    )
    assert [len(d.added) for d in cluster([hope, today], S)] == [2]
    # Told apart only within one article: a later article's report of the deal signed in
    # May still answers an earlier article's hope for it.
    later = dataclasses.replace(agreed, id="later", document_id="doc-2026-10-01", dct="2026-10-01")
    assert [len(d.added) for d in cluster([hope, later], S)] == [2]


def _at_lima(key: str, kind: str, who: list[str], dct: str, cue: str, to: list[str] = []) -> Member:  # noqa: B006
    """A report of the November summit in Lima as linking reads its ``events`` row."""
    from dateline.link.linker import member_of_row

    row = {"id": key, "document_id": "doc-" + dct, "dct": dct, "type": kind,
           "status": "occurred", "dated": True, "value": "2024-11", "earliest": "2024-11-01",
           "latest": "2024-11-30", "granularity": "month", "location": "Lima",
           "cue": cue}  # fmt: skip
    places = {"lima": PlaceInfo("Lima", "PER", "local")}
    return member_of_row(row, parts(who, to), places, S)


def test_a_guests_visit_read_from_a_meeting_abroad_is_a_facet_of_the_meetings_story() -> None:
    """'Figueira and Kouassi met on the sidelines of the summit in Lima in November': the
    events step adds a VISIT to Peru for each guest, beside the MEET. Those visits follow
    the meeting into its story, in any order, and name neither its type nor its dates; a
    later report of the meeting joins that meeting story."""
    import itertools

    from dateline.link.cluster import cluster
    from dateline.link.compat import member_of_values

    guests = ["marta-figueira", "aya-kouassi"]
    meeting = _at_lima("meeting", "MEET", guests, "2025-03-07", "past tense")
    visits = [
        _at_lima(f"visit-{g}", "VISIT", [g], "2025-03-07", "past tense + guest abroad", ["PER"])
        for g in guests
    ]
    assert all(v.guest for v in visits) and not meeting.guest
    again = _at_lima("again", "MEET", guests, "2025-04-02", "past tense")
    for order in itertools.permutations([meeting, *visits, again]):
        drafts = cluster(list(order), S)
        assert [len(d.added) for d in drafts] == [4]
        assert drafts[0].state(S).type == "MEET"
        assert story_state(list(order), S).type == "MEET"  # as the reads fold it
    # A visit the article tells itself ("Figueira flew to Lima") is the story's own type.
    told = dataclasses.replace(visits[0], guest=False)
    assert story_state([meeting, told], S).type == "VISIT"
    # The reads' rows carry the cue that tells a guest's visit (``MEMBER_KEYS``).
    values = ["v", "doc", "2025-03-07", "VISIT", "occurred", True, "2024-11", "2024-11-01",
              "2024-11-30", "month", None, None, "past tense + guest abroad", "[]", "Lima",
              "PER", "local", "2024-11-01", "2024-11-30", False]  # fmt: skip
    assert member_of_values(values, S).guest
    assert not member_of_values([*values[:12], "past tense", *values[13:]], S).guest


def test_a_meeting_sharing_no_party_joins_its_articles_visit_of_its_dates_and_city() -> None:
    """ "Szalai will be in Beijing on February 11-12 ... China and Hungary will hold talks in
    Beijing on February 11-12": the talks, read with the two countries, share no party with
    the minister's visit, but in one article, on its dates and in its city, they are a
    facet of it. Talks on other days, or in another city, stay apart."""
    import itertools

    from dateline.link.cluster import cluster

    def at(key: str, kind: str, who: list[str], to: list[str], days: tuple[str, str],
           where: str) -> Member:  # fmt: skip
        m = member(key, kind, who, to, "planned", "2027-02-01", (days[0], *days))
        return dataclasses.replace(m, place=PlaceInfo(where, "CHN", "local"))

    days = ("2027-02-11", "2027-02-12")
    visit = at("visit", "VISIT", ["xi-jinping"], ["FRA"], days, "Beijing")
    visit = dataclasses.replace(visit, participants=parts(["andrey-rudenko"], ["CHN"]))
    talks = at("talks", "MEET", ["CHN", "HUN"], [], days, "Beijing")
    for order in itertools.permutations([visit, talks]):
        assert [sorted(m.id for m in d.added) for d in cluster(list(order), S)] == [
            ["talks", "visit"]
        ]
    later = at("later", "MEET", ["CHN", "HUN"], [], ("2027-02-20", "2027-02-20"), "Beijing")
    elsewhere = at("elsewhere", "MEET", ["CHN", "HUN"], [], days, "Shanghai")
    assert len(cluster([visit, later], S)) == 2
    assert len(cluster([visit, elsewhere], S)) == 2
