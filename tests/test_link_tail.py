"""A story's tail compares a new event only with the groups it shares a key with (pure)."""

from __future__ import annotations

import dataclasses
import itertools
import random
from datetime import date, timedelta

from dateline.link.cluster import Draft
from dateline.link.compat import Member, PlaceInfo, adjacent, link_window, participant
from dateline.link.settings import default_settings

S = default_settings()
# People of four countries and the countries themselves: a busy tail of many groups.
PEOPLE = {
    "kim-jong-un": "PRK", "choe-son-hui": "PRK", "vladimir-putin": "RUS", "sergei-lavrov": "RUS",
    "xi-jinping": "CHN", "wang-yi": "CHN", "narendra-modi": "IND", "s-jaishankar": "IND",
}  # fmt: skip
ACTORS = [*PEOPLE, "PRK", "RUS", "CHN", "IND"]
TYPES = ("VISIT", "MEET", "DISCUSS", "INVITE")
STATUSES = ("planned", "occurred", "possible", "negated")


def event(n: int, rng: random.Random, day: date) -> Member:
    """A random event of the ``encounter`` family on ``day`` (one article per event)."""
    kind, status = rng.choice(TYPES), rng.choice(STATUSES)
    dated = rng.random() < 0.5
    when = (day + timedelta(days=rng.randint(-3, 20))).isoformat() if dated else None
    dct = day.isoformat()
    row = {"dct": dct, "status": status, "type": kind, "earliest": when, "latest": when,
           "dated": dated, "cue": None, "change": None}  # fmt: skip
    lo, hi = link_window(row, S)
    people = rng.sample(ACTORS, rng.choice((1, 2, 2, 3)))
    roles = ["source", *["target"] * (len(people) - 1)]
    parts = tuple(
        participant(a, role, "person" if a in PEOPLE else "country", PEOPLE.get(a, a))
        for a, role in zip(people, roles, strict=True)
    )
    return Member(
        id=f"e{n:04d}", document_id=f"doc-{n:04d}", dct=dct, type=kind, family=S.family(kind),
        status=status, dated=dated, value=when, earliest=when, latest=when, granularity=None,
        lo=lo, hi=hi, participants=parts, place=PlaceInfo(),
    )  # fmt: skip


def by_member(e: Member, tail: list[Member]) -> tuple[int, int]:
    """What ``Draft.links`` must give: ``adjacent`` against each member of the tail."""
    found = [adjacent(e, m, S) for m in tail]
    return max(found, default=0), sum(1 for n in found if n)


def test_a_tail_of_many_groups_links_as_adjacent_does_member_by_member() -> None:
    """Groups are looked up by the keys a new event shares with them (participant keys,
    and pair keys where two participants must be shared), and the lookup is kept up as
    members join and the oldest drop out of the tail: every adjacent member still counts."""
    rng = random.Random(15)
    settings = dataclasses.replace(S, compare_last=24)
    start = date(2025, 3, 1)
    stream = [event(n, rng, start + timedelta(days=n // 3)) for n in range(120)]
    draft = Draft(stream[:10], settings)
    linked = 0
    for n, e in itertools.islice(enumerate(stream), 10, None):
        tail = list(stream[max(0, n - settings.compare_last) : n])
        assert draft.links(e, settings) == by_member(e, tail), e.id
        linked += draft.links(e, settings)[1] > 0
        draft.add(e)
    assert len(draft._groups) > 10 and linked > 30  # a busy tail, often joined
