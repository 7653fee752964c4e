"""Group events into stories: one deterministic pass in canonical order (pure).

The events of a neighbourhood are taken in order of (article date, article,
facet rank, status, id) whatever order they arrived in; each joins the best
story it is compatible with or starts one. The story id comes from the
story's first event in that order, so the same events always give the same
stories with the same ids.
"""

from __future__ import annotations

import hashlib
from collections import deque
from typing import Any

from dateline.link.compat import (
    CARRIED,
    Member,
    PlaceInfo,
    adjacent,
    lookup_keys,
    overlaps,
    pair_keys,
    pairs_needed,
    parties_of,
    places_compatible,
    shift,
    stored_keys,
)
from dateline.link.settings import LinkSettings
from dateline.link.state import Fold, StoryState, canonical_key


def story_id_for(first_event_id: str) -> str:
    """A story's id, derived from its first event so that arrival order does not matter."""
    return "story:" + hashlib.sha256(first_event_id.encode("utf-8")).hexdigest()[:16]


class Draft:
    """A story being built from members given in canonical order, with its running state.

    A draft keeps what later members are compared with, not every member: the first
    (it names the story), the last ``compare_last`` (``tail``), the fold of the story's
    state, the latest located place and counts. A stored story therefore resumes as a
    draft (``to_summary``/``resume``) at a cost that does not grow with its size.
    """

    def __init__(self, members: list[Member], settings: LinkSettings):
        self.settings = settings
        self.first: Member | None = None
        limit = settings.compare_last if settings.compare_last > 0 else None
        self.tail: deque[Member] = deque(maxlen=limit)
        self.added: list[Member] = []  # members added since the draft was made or resumed
        self.stored_tail: frozenset[str] = frozenset()  # tail ids when it was resumed
        self._fold = Fold(settings)
        self._state: StoryState | None = None
        self.located = PlaceInfo()
        self.events = 0
        self.articles = 0
        self.first_dct = ""
        self.last_dct = ""
        for m in members:
            self.add(m)

    @property
    def id(self) -> str:
        assert self.first is not None, "a draft has at least one member"
        return story_id_for(self.first.id)

    @property
    def family(self) -> str:
        assert self.first is not None, "a draft has at least one member"
        return self.first.family

    def add(self, m: Member) -> None:
        last = self.tail[-1] if self.tail else None
        if last is None or (last.dct, last.document_id) != (m.dct, m.document_id):
            self.articles += 1
        self.first = self.first or m
        self.first_dct = self.first_dct or m.dct
        self.last_dct = m.dct
        self.events += 1
        self.tail.append(m)
        self.added.append(m)
        self._fold.add(m)
        if (
            m.place.name
            and m.place.level != CARRIED
            and m.type not in self.settings.place_free_types
        ):
            self.located = narrower(self.located, m.place)
        self._state = None

    def state(self, settings: LinkSettings) -> StoryState:
        if self._state is None:
            self._state = self._fold.state()
        return self._state

    def place(self, settings: LinkSettings) -> PlaceInfo:
        """The latest place a located facet gives (a country or region the story is in
        stays its place when a facet names a city of it: see ``narrower``)."""
        return self.located

    def to_summary(self) -> dict[str, Any]:
        """What resuming this draft needs (JSON-ready); members are named by id."""
        assert self.first is not None, "a draft has at least one member"
        return {
            "first": self.first.id,
            "tail": [m.id for m in self.tail],
            "fold": self._fold.to_dict(),
            "place": [self.located.name, self.located.country, self.located.level],
            "events": self.events,
            "articles": self.articles,
            "first_dct": self.first_dct,
            "last_dct": self.last_dct,
        }

    @classmethod
    def resume(
        cls, summary: dict[str, Any], members: dict[str, Member], settings: LinkSettings
    ) -> Draft:
        """The draft ``to_summary`` saved; ``members`` holds (at least) the ids it names."""
        draft = cls([], settings)
        draft.first = members[summary["first"]]
        draft.tail.extend(members[i] for i in summary["tail"])
        draft.stored_tail = frozenset(summary["tail"])
        draft._fold = Fold.from_dict(summary["fold"], members, settings)
        draft.located = PlaceInfo(*summary["place"])
        draft.events, draft.articles = summary["events"], summary["articles"]
        draft.first_dct, draft.last_dct = summary["first_dct"], summary["last_dct"]
        return draft


def narrower(story: PlaceInfo, facet: PlaceInfo) -> PlaceInfo:
    """The place a story is in after a facet located at ``facet``: the facet's, except that
    a story in a country (or region) stays there when the facet is in one of its cities. A
    trip to the Philippines takes in Manila and Tacloban: the talks in Manila belong to it
    even when an earlier report put the trip's stop in Tacloban."""
    wide = story.level in ("country", "region") and facet.level == "local"
    if story.name and wide and story.country and story.country == facet.country:
        return story
    return facet


def summary_ids(summary: dict[str, Any]) -> set[str]:
    """The member ids a stored summary names (to load before ``Draft.resume``)."""
    return {summary["first"], *summary["tail"], *summary["fold"]["current"]}


def join_score(e: Member, draft: Draft, settings: LinkSettings) -> tuple[int, ...] | None:
    """How well ``e`` fits the story, or None when it may not join it."""
    if draft.family != e.family:
        return None
    # The latest members stand for a long story; bounded so that a story with hundreds of
    # reports costs the same per new report.
    links = [adjacent(e, m, settings) for m in draft.tail]
    shared = max(links, default=0)
    if shared == 0:
        return None
    state = draft.state(settings)
    if not _fits_time(e, draft, state, settings):
        return None
    if e.type not in settings.place_free_types and not places_compatible(
        e.place, draft.place(settings)
    ):
        return None
    # An invitation announces an event still to come: prefer a story still open.
    open_story = int(settings.is_precursor(e.type) and state.status in settings.pending_statuses)
    # A report that fits a story's fixed date beats one that fits an open window.
    dated_hit = int(state.dated and e.dated)
    support = sum(1 for n in links if n)
    return open_story, shared, dated_hit, support


def _fits_time(e: Member, draft: Draft, state: StoryState, settings: LinkSettings) -> bool:
    """Whether ``e`` falls in the story's current window; or, when ``e`` comes from the
    article the story is reading, in the window the story had before that article: one
    article's dates of one trip (arrived on Tuesday; travels on to Cape Town on Thursday, the
    last day of the visit) do not shut each other out, whichever is taken first."""
    windows = [state.window]
    last = draft.tail[-1] if draft.tail else None
    if state.settled and last is not None and last.document_id == e.document_id:
        windows.append(state.settled)
    # A plan without a date of its own, reported after a dated story, may fall a few days
    # after its date: "Kim is due in Russia", two days after he went, is that visit, late.
    late = (
        not e.dated
        and e.status in ("planned", "possible")
        and state.dated
        and last is not None
        and last.document_id != e.document_id
    )
    slack = settings.facet_slack_days if e.type != state.type or late else 0
    # A facet may fall a little apart from the story's own date (arrive the day before).
    if any(overlaps((e.lo, e.hi), (shift(lo, -slack), shift(hi, slack))) for lo, hi in windows):
        return True
    # A report of a date the story was planned for before it moved or happened (a weekly
    # still announcing the visit for June 9 after it was brought forward and held on June
    # 2) is that story, late: it joins it, and its history shows the contradiction.
    # The report must hold that date (June 9, or June): a date inside a wide one the story
    # had ("in the second half of the year") says nothing of which event it is.
    if not (e.dated and e.earliest and e.latest):
        return False
    return any(e.earliest <= lo and hi <= e.latest for lo, hi in state.dates)


def cluster(members: list[Member], settings: LinkSettings) -> list[Draft]:
    """Stories of a neighbourhood, each a Draft whose first member names it."""
    return extend([], members, settings)


def extend(drafts: list[Draft], members: list[Member], settings: LinkSettings) -> list[Draft]:
    """Continue the pass with ``members`` (all after the drafts' members in canonical order);
    ``drafts`` must be in the order they were started (that of their first members).

    A member can only join a draft one of whose last members it is adjacent to, which
    takes a shared participant key (``lookup_keys``/``stored_keys``), or a shared pair
    key when both must share two participants, so each member is scored only against
    the drafts that hold one of its keys."""
    drafts = list(drafts)
    # (family, key) -> drafts: by participant key of all members, of one-party members,
    # and by pair key (a neighbour of two parties or more shares a pair with a seed that
    # needs two shared participants).
    every: dict[tuple[str, str], set[int]] = {}
    single: dict[tuple[str, str], set[int]] = {}
    paired: dict[tuple[str, str], set[int]] = {}

    def note(position: int, m: Member) -> None:
        one = parties_of(m.participants, settings) < 2
        for key in stored_keys(m.participants):
            every.setdefault((m.family, key), set()).add(position)
            if one:
                single.setdefault((m.family, key), set()).add(position)
        if not one:
            for key in pair_keys(m.participants, settings, lookup=False):
                paired.setdefault((m.family, key), set()).add(position)

    def near(e: Member) -> set[int]:
        found: set[int] = set()
        singles = lookup_keys(e.participants, settings)
        if not pairs_needed(e.participants, settings):
            for key in singles:
                found |= every.get((e.family, key), set())
            return found
        for key in singles:
            found |= single.get((e.family, key), set())
        for key in pair_keys(e.participants, settings, lookup=True):
            found |= paired.get((e.family, key), set())
        return found

    for position, draft in enumerate(drafts):
        for m in draft.tail:
            note(position, m)
    for e in sorted(members, key=lambda m: canonical_key(m, settings)):
        best: tuple[tuple[int, ...], int] | None = None
        for position in sorted(near(e)):
            score = join_score(e, drafts[position], settings)
            if score is not None and (best is None or (*score, -position) > best[0]):
                best = ((*score, -position), position)
        if best is None:
            drafts.append(Draft([e], settings))
            note(len(drafts) - 1, e)
        else:
            drafts[best[1]].add(e)
            note(best[1], e)
    return drafts
