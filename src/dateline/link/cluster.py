"""Group events into stories: one deterministic pass in canonical order (pure).

The events of a neighbourhood are taken in order of (article date, article,
facet rank, status, id) whatever order they arrived in; each joins the best
story it is compatible with or starts one. The story id comes from the
story's first event in that order, so the same events always give the same
stories with the same ids.
"""

from __future__ import annotations

import hashlib

from dateline.link.compat import Member, PlaceInfo, adjacent, overlaps, places_compatible, shift
from dateline.link.settings import LinkSettings
from dateline.link.state import Fold, StoryState, canonical_key


def story_id_for(first_event_id: str) -> str:
    """A story's id, derived from its first event so that arrival order does not matter."""
    return "story:" + hashlib.sha256(first_event_id.encode("utf-8")).hexdigest()[:16]


class Draft:
    """A story being built from members given in canonical order, with its running state."""

    def __init__(self, members: list[Member], settings: LinkSettings):
        self.members: list[Member] = []
        self._fold = Fold(settings)
        self._state: StoryState | None = None
        for m in members:
            self.add(m)

    @property
    def id(self) -> str:
        return story_id_for(self.members[0].id)

    def add(self, m: Member) -> None:
        self.members.append(m)
        self._fold.add(m)
        self._state = None

    def state(self, settings: LinkSettings) -> StoryState:
        if self._state is None:
            self._state = self._fold.state()
        return self._state

    def place(self, settings: LinkSettings) -> PlaceInfo:
        """The latest place a located facet gives."""
        for m in reversed(self.members):
            if m.place.name and m.type not in settings.place_free_types:
                return m.place
        return PlaceInfo()


def join_score(e: Member, draft: Draft, settings: LinkSettings) -> tuple[int, ...] | None:
    """How well ``e`` fits the story, or None when it may not join it."""
    if draft.members[0].family != e.family:
        return None
    # The latest members stand for a long story; bounded so that a story with hundreds of
    # reports costs the same per new report.
    links = [adjacent(e, m, settings) for m in draft.members[-settings.compare_last :]]
    shared = max(links, default=0)
    if shared == 0:
        return None
    state = draft.state(settings)
    window = state.window
    if e.type != state.type:
        # A facet may fall a little apart from the story's own date (arrive the day before).
        slack = settings.facet_slack_days
        window = (shift(window[0], -slack), shift(window[1], slack))
    if not overlaps((e.lo, e.hi), window):
        return None
    if e.type not in settings.place_free_types and not places_compatible(
        e.place, draft.place(settings)
    ):
        return None
    # An invitation announces an event still to come: prefer a story still open.
    open_story = int(settings.is_precursor(e.type) and state.status in settings.pending_statuses)
    # A report that fits a story's fixed date beats one that fits an open window.
    dated_hit = int(state.dated)
    support = sum(1 for n in links if n)
    return open_story, shared, dated_hit, support


def cluster(members: list[Member], settings: LinkSettings) -> list[Draft]:
    """Stories of a neighbourhood, each a Draft whose first member names it."""
    return extend([], members, settings)


def extend(drafts: list[Draft], members: list[Member], settings: LinkSettings) -> list[Draft]:
    """Continue the pass with ``members`` (all after the drafts' members in canonical order);
    ``drafts`` must be in the order they were started (that of their first members)."""
    drafts = list(drafts)
    for e in sorted(members, key=lambda m: canonical_key(m, settings)):
        best: tuple[tuple[int, ...], Draft] | None = None
        for index, draft in enumerate(drafts):
            score = join_score(e, draft, settings)
            if score is not None and (best is None or (*score, -index) > best[0]):
                best = ((*score, -index), draft)
        if best is None:
            drafts.append(Draft([e], settings))
        else:
            best[1].add(e)
    return drafts
