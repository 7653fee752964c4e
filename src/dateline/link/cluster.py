"""Group events into stories: one deterministic pass in canonical order (pure).

The events of a neighbourhood are taken in order of (article date, article,
facet rank, status, id) whatever order they arrived in; each joins the best
story it is compatible with or starts one. The story id comes from the
story's first event in that order, so the same events always give the same
stories with the same ids.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, deque
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from dateline.link.compat import (
    HELD,
    SITE,
    UNPLACED,
    Linkable,
    Member,
    Participant,
    PlaceInfo,
    date_keys,
    dated_plan,
    event_date_keys,
    late_plan,
    lookup_keys,
    named,
    names_place,
    overlaps,
    pair_keys,
    pairs_needed,
    participants_match,
    parties_of,
    places_compatible,
    redates,
    roles_agree,
    same_dated,
    shift,
    short_span,
    slipped,
    stored_keys,
    undated_plan,
)
from dateline.link.settings import LinkSettings
from dateline.link.state import Fold, StoryState, agrees, canonical_key


@lru_cache(maxsize=1 << 16)
def story_id_for(first_event_id: str) -> str:
    """A story's id, derived from its first event so that arrival order does not matter
    (memoized: ``Draft.id`` is asked for at every comparison)."""
    return "story:" + hashlib.sha256(first_event_id.encode("utf-8")).hexdigest()[:16]


class Linked(NamedTuple):
    """What a later member is compared with of one of a story's last members (its link
    window, type, participants, and whether it is dated or a plan, which the late-plan
    slack reads): the summary keeps it, so that a story resumes without loading its
    members."""

    id: str
    type: str
    family: str
    lo: str
    hi: str
    participants: tuple[Participant, ...]
    dated: bool
    status: str


#: a group of a story's last members: family, type, participants, and whether they are
#: dated and whether they are plans without a date of their own (``late_plan``)
Signature = tuple[str, str, tuple[Participant, ...], bool, bool]


def signature(m: Linkable) -> Signature:
    """The group of the tail a member belongs to."""
    return m.family, m.type, m.participants, m.dated, undated_plan(m)


class Draft:
    """A story being built from members given in canonical order, with its running state.

    A draft keeps what later members are compared with, not every member: the first
    (it names the story), the last ``compare_last`` (``tail``), the fold of the story's
    state, the latest located place and counts. A stored story therefore resumes as a
    draft (``to_summary``/``resume``) at a cost that does not grow with its size: the
    summary holds what the tail's members are compared on (``Linked``), so only the
    first member and those of the last article are loaded.
    """

    def __init__(self, members: list[Member], settings: LinkSettings):
        self.settings = settings
        self.first: Member | None = None
        limit = settings.compare_last if settings.compare_last > 0 else None
        self.tail: deque[Linkable] = deque(maxlen=limit)
        # The tail by family, type and participants: a member of the tail, and how many
        # members have each link window (``links`` compares a new event once per group).
        self._groups: dict[Signature, tuple[Linkable, Counter[tuple[str, str]]]] = {}
        self._signatures: list[tuple[str, tuple[Participant, ...], str, bool]] | None = None
        # The groups by the keys they are found under (``found_by``), made when ``links``
        # is first asked and kept up from then on: a new event is compared only with the
        # groups it shares a key with, as ``extend`` finds drafts.
        self._index: dict[tuple[str, str, str], dict[Signature, None]] | None = None
        self.added: list[Member] = []  # members added since the draft was made or resumed
        self.last_article: tuple[str, str] | None = None  # (date, document id) of the last
        self._fold = Fold(settings)
        self._state: StoryState | None = None
        self.located = PlaceInfo()
        self.events = 0
        self.articles = 0
        self.first_dct = ""
        self.last_dct = ""
        # What the store holds of a resumed story's rows (the linker's: see
        # ``linker._write_story_keys``), None for a story not resumed from them.
        self.stored: tuple[Any, ...] | None = None
        # How many members a story resumed from its ``story_tail`` rows had: the rows of
        # those still in the tail are stored (``linker._write_tail``); None: none are.
        self.tail_written: int | None = None
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
        if self.last_article != (m.dct, m.document_id):
            self.articles += 1
            self.last_article = (m.dct, m.document_id)
        self.first = self.first or m
        self.first_dct = self.first_dct or m.dct
        self.last_dct = m.dct
        self.events += 1
        self._push(m)
        self.added.append(m)
        self._fold.add(m)
        if (
            m.place.name
            and m.place.level not in UNPLACED
            and m.type not in self.settings.place_free_types
        ):
            self.located = narrower(self.located, m.place)
        self._state = None

    def _push(self, m: Linkable) -> None:
        """Append to the tail, and keep its groups as the oldest member drops out."""
        if self.tail.maxlen is not None and len(self.tail) == self.tail.maxlen:
            old = self.tail[0]
            key = signature(old)
            windows = self._groups[key][1]
            windows[(old.lo, old.hi)] -= 1
            if windows[(old.lo, old.hi)] == 0:
                del windows[(old.lo, old.hi)]
                if not windows:
                    del self._groups[key]
                    self._signatures = None
                    if self._index is not None:
                        for place in self._places(key):
                            del self._index[place][key]
                            if not self._index[place]:
                                del self._index[place]
        self.tail.append(m)
        key = signature(m)
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = (m, Counter())
            self._signatures = None
            if self._index is not None:
                for place in self._places(key):
                    self._index.setdefault(place, {})[key] = None
        group[1][(m.lo, m.hi)] += 1

    def _places(self, key: Signature) -> tuple[tuple[str, str, str], ...]:
        """Where a group is in ``_index`` (``places_of``, and ``date_places`` for a group of
        dated members: any of their windows may be short enough for ``same_dated``)."""
        found = places_of(key[0], key[2], self.settings)
        return (*found, *date_places(key[0], key[1], key[2], key[3], self.settings, False))

    def _groups_by_place(self) -> dict[tuple[str, str, str], dict[Signature, None]]:
        if self._index is None:
            self._index = {}
            for key in self._groups:
                for place in self._places(key):
                    self._index.setdefault(place, {})[key] = None
        return self._index

    def places(self) -> Iterable[tuple[str, str, str]]:
        """Where the tail's members are found (``_places`` of each group, once each): what
        ``extend`` indexes a draft under."""
        return self._groups_by_place().keys()

    def _near(self, e: Member, dates: bool = True) -> list[Signature]:
        """The groups ``e`` shares a key with (the others share no participant with it:
        ``participants_match`` would give 0, nor are they reports of its dated event:
        ``same_dated``), in the order of ``_groups``; without ``dates``, only those it
        shares a participant key with."""
        index = self._groups_by_place()
        found: dict[Signature, None] = {}
        for place in (
            looked_in(e, self.settings)
            if dates
            else places_looked_in(e.family, e.participants, self.settings)
        ):
            found.update(index.get(place, {}))
        return list(found)

    def signatures(self) -> list[tuple[str, tuple[Participant, ...], str, bool]]:
        """The (family, participants, type, dated) of the tail's members, once each (kept
        until a group of the tail comes or goes: a resumed story is asked for them by every
        pass)."""
        if self._signatures is None:
            self._signatures = list(dict.fromkeys((f, p, k, d) for f, k, p, d, _ in self._groups))
        return self._signatures

    def links(self, e: Member, settings: LinkSettings) -> tuple[int, int]:
        """(the most participants ``e`` shares with a member of the tail it is adjacent to,
        how many members of the tail it is adjacent to): ``adjacent`` against each member,
        compared once per group of members of one type, participants and kind of date, and
        only with the groups it shares a key with (``_near``)."""
        shared = support = 0
        for key in self._near(e):
            member, windows = self._groups[key]
            # A plan without a date of its own and a dated report of the same type in
            # another article may fall ``facet_slack`` days apart (``compat.adjacent``).
            late = late_plan(e, member) or late_plan(member, e)
            lo, hi = e.lo, e.hi
            if late:
                slack = settings.facet_slack_days
                lo, hi = shift(lo, -slack), shift(hi, slack)
            count = sum(n for (a, b), n in windows.items() if lo <= b and a <= hi)
            if late and self.last_article and self.last_article[1] == e.document_id:
                count -= self._late_in_article(e, key)
            if not count and key[3] and key[1] == e.type and dated_plan(e):
                count = self._redated(e, key)
            if not count and key[3] and key[1] == e.type and e.dated and e.status in HELD:
                count = self._slipped(e, key)
            if count and (match := participants_match(e, member, settings)):
                shared, support = max(shared, match), support + count
            elif count and key[3] and key[1] == e.type and (near := self._same_dated(e, key)):
                shared, support = max(shared, 1), support + near
        return shared, support

    def _same_dated(self, e: Member, key: Signature) -> int:
        """How many members of the tail's group ``key``, of other articles than ``e``'s,
        are reports of ``e``'s dated event that share less than ``links`` asks
        (``compat.same_dated``)."""
        same = self.last_article is not None and self.last_article[1] == e.document_id
        own = {m.id for m in self._fold.current} if same else set()
        kind, parts = key[1], key[2]
        return sum(
            1
            for m in self.tail
            if m.id not in own
            and signature(m) == key
            and same_dated(e, kind, parts, True, (m.lo, m.hi), self.settings)
        )

    def _redated(self, e: Member, key: Signature) -> int:
        """How many members of the tail's group ``key``, of other articles than ``e``'s,
        ``e`` may give a new date to (``compat.redates``)."""
        same = self.last_article is not None and self.last_article[1] == e.document_id
        own = {m.id for m in self._fold.current} if same else set()
        return sum(
            1
            for m in self.tail
            if m.id not in own and signature(m) == key and redates(e, m, self.settings)
        )

    def _slipped(self, e: Member, key: Signature) -> int:
        """How many members of the tail's group ``key``, of other articles than ``e``'s, are
        dated plans ``e``, a dated report of the event held, may have slipped from
        (``compat.slipped``)."""
        same = self.last_article is not None and self.last_article[1] == e.document_id
        own = {m.id for m in self._fold.current} if same else set()
        return sum(
            1
            for m in self.tail
            if m.id not in own and signature(m) == key and slipped(e, m, self.settings)
        )

    def reported_here(self, e: Member) -> bool:
        """Whether the story already has a report of ``e``'s type from ``e``'s article, a type
        an article reports once per occasion (``once_per_article``): a second statement of
        the article is another speaker's or another day's."""
        if e.type not in self.settings.once_per_article or self.last_article is None:
            return False
        if self.last_article[1] != e.document_id:
            return False
        return any(m.type == e.type for m in self._fold.current)

    def reverses(self, e: Member) -> bool:
        """Whether ``e`` turns a member of the tail it shares a key with around (``role_pairs``):
        Nwosu inviting Fortier to Nigeria is not Fortier's invitation nor Nwosu's visit to
        Canada, though it shares Nwosu with his talks there."""
        return any(
            not roles_agree(e.participants, e.type, member.participants, member.type, self.settings)
            for member, _ in (self._groups[key] for key in self._near(e, dates=False))
        )

    def _late_in_article(self, e: Member, key: Signature) -> int:
        """How many members of the tail's group ``key`` that are in ``e``'s article (the
        last one) the slack alone brought within reach of ``e``: within one article a
        plan and a dated report are not one event late (``compat._late_plan``)."""
        slack = self.settings.facet_slack_days
        lo, hi = shift(e.lo, -slack), shift(e.hi, slack)
        # Members come in canonical order, so the last article's are the tail's last ones.
        last = list(self.tail)[-min(len(self._fold.current), len(self.tail)) :]
        return sum(
            1
            for m in last
            if signature(m) == key
            and m.lo <= hi
            and lo <= m.hi
            and not overlaps((e.lo, e.hi), (m.lo, m.hi))
        )

    def state(self, settings: LinkSettings) -> StoryState:
        if self._state is None:
            self._state = self._fold.state()
        return self._state

    def place(self, settings: LinkSettings) -> PlaceInfo:
        """The latest place a located facet gives (a country or region the story is in
        stays its place when a facet names a city of it: see ``narrower``)."""
        return self.located

    def to_summary(self, tail: bool = True) -> dict[str, Any]:
        """What resuming this draft needs (JSON-ready); members are named by id. Without
        ``tail``, the tail is left out: the linker keeps it in rows of its own
        (``tail_rows``), and ``resume`` is then given them."""
        assert self.first is not None, "a draft has at least one member"
        return {
            "first": self.first.id,
            **(_tail_summary(self.tail) if tail else {}),
            "last_article": self.last_article,
            "fold": self._fold.to_dict(),
            "place": [self.located.name, self.located.country, self.located.level],
            "events": self.events,
            "articles": self.articles,
            "first_dct": self.first_dct,
            "last_dct": self.last_dct,
        }

    @classmethod
    def resume(
        cls,
        summary: dict[str, Any],
        members: dict[str, Member],
        settings: LinkSettings,
        tail: Sequence[Linkable] = (),
    ) -> Draft:
        """The draft ``to_summary`` saved; ``members`` holds (at least) the ids it names,
        ``tail`` the tail when the summary does not hold it (oldest first)."""
        draft = cls([], settings)
        draft.first = members[summary["first"]]
        draft._fill(_tail_of(summary, members, settings) if "tail" in summary else tail)
        if "last_article" in summary:
            dct, document_id = summary["last_article"]
        else:  # written before: the tail held member ids, loaded as members
            last = members[summary["tail"][-1]]
            dct, document_id = last.dct, last.document_id
        draft.last_article = (dct, document_id)
        draft._fold = Fold.from_dict(summary["fold"], members, settings)
        draft.located = PlaceInfo(*summary["place"])
        draft.events, draft.articles = summary["events"], summary["articles"]
        draft.first_dct, draft.last_dct = summary["first_dct"], summary["last_dct"]
        return draft

    def settle(self) -> None:
        """Forget what only the pass that changed the draft needs (the members it added,
        the states of its closed articles): the draft ``resume`` gives from what it was
        written as, and what is kept of it between passes (``dateline.link.kept``)."""
        self.added = []
        self._fold.done = []
        self._state = None

    def _fill(self, tail: Sequence[Linkable]) -> None:
        """An empty tail filled with a stored one: ``_push`` without the drop-outs, in one
        loop (a resumed story's whole tail goes through it)."""
        limit = self.tail.maxlen
        if limit is not None and len(tail) > limit:
            tail = tail[len(tail) - limit :]
        self.tail.extend(tail)
        groups = self._groups
        for m in tail:
            key = signature(m)
            group = groups.get(key)
            if group is None:
                group = groups[key] = (m, Counter())
            group[1][(m.lo, m.hi)] += 1
        self._signatures = self._index = None


def narrower(story: PlaceInfo, facet: PlaceInfo) -> PlaceInfo:
    """The place a story is in after a facet located at ``facet``: the facet's, except that
    a story in a country (or region) stays there when the facet is in one of its cities. A
    trip to the Philippines takes in Manila and Tacloban: the talks in Manila belong to it
    even when an earlier report put the trip's stop in Tacloban."""
    if story.name and facet.level == SITE:
        return story  # a palace or a hall says less than the city or country known before
    if story.country and facet.level == "region" and not facet.country:
        return story  # so does a region of no one country ("Southeast Asia", "Antarctic")
    wide = story.level in ("country", "region") and facet.level == "local"
    if story.name and wide and story.country and story.country == facet.country:
        return story
    return facet


def _tail_summary(tail: Iterable[Linkable]) -> dict[str, Any]:
    """The tail as a summary keeps it: one row per member, ``[id, type, lo, hi, n, dated,
    status]``, whose participants are the ``n``-th of ``parts`` (a story's members repeat
    the same few)."""
    parts: dict[tuple[Participant, ...], int] = {}
    rows = []
    for m in tail:
        group = parts.setdefault(m.participants, len(parts))
        rows.append([m.id, m.type, m.lo, m.hi, group, int(m.dated), m.status])
    return {"tail": rows, "parts": [[list(p) for p in group] for group in parts]}


def _tail_of(
    summary: dict[str, Any], members: dict[str, Member], settings: LinkSettings
) -> list[Linkable]:
    """The tail a summary keeps (a summary written before it kept them held member ids,
    read from ``members``)."""
    parts = [tuple(Participant(p[0], p[1], p[2], bool(p[3])) for p in group)
             for group in summary.get("parts", ())]  # fmt: skip
    out: list[Linkable] = []
    for row in summary["tail"]:
        if isinstance(row, str):
            out.append(members[row])
            continue
        event_id, kind, lo, hi, group, *when = row
        # A row written before these were kept: no late-plan slack, as it was linked.
        dated, status = (bool(when[0]), when[1]) if when else (False, "")
        family = settings.family(kind)
        out.append(Linked(event_id, kind, family, lo, hi, parts[group], dated, status))
    return out


@lru_cache(maxsize=1 << 16)
def participants_text(parts: tuple[Participant, ...]) -> str:
    """Participants as ``event_links.participants`` and ``story_tail.participants`` hold
    them (memoized: a story's members repeat the same few)."""
    return json.dumps([list(p) for p in parts])


@lru_cache(maxsize=1 << 16)
def participants_of(text: str) -> tuple[Participant, ...]:
    """``participants_text`` read back (memoized, as it)."""
    return tuple(Participant(p[0], p[1], p[2], bool(p[3])) for p in json.loads(text))


def tail_rows(draft: Draft, story_id: str, since: int = 0) -> list[dict[str, Any]]:
    """The ``story_tail`` rows of the draft's tail members numbered ``since`` or later (a
    member's number is its place among the story's members, from 0)."""
    start = draft.events - len(draft.tail)
    return [
        {"story_id": story_id, "position": start + n, "event_id": m.id, "type": m.type,
         "lo": m.lo, "hi": m.hi, "participants": participants_text(m.participants),
         "dated": bool(m.dated), "status": m.status}
        for n, m in enumerate(draft.tail)
        if start + n >= since
    ]  # fmt: skip


def linked_of_row(row: Any, settings: LinkSettings) -> Linked:
    """A tail member from its ``story_tail`` row."""
    return Linked(row.event_id, row.type, settings.family(row.type), row.lo, row.hi,
                  participants_of(row.participants), bool(row.dated), row.status)  # fmt: skip


def summary_ids(summary: dict[str, Any]) -> set[str]:
    """The member ids a stored summary names (to load before ``Draft.resume``): its first
    member and those of its last article (and, in a summary written before the tail was
    kept whole, the tail's)."""
    tail = {row for row in summary.get("tail", ()) if isinstance(row, str)}
    return {summary["first"], *tail, *summary["fold"]["current"]}


#: where ``join_score`` puts the number of shared participants
SHARED = 2


def join_score(
    e: Member, draft: Draft, settings: LinkSettings, article: Sequence[Member] = ()
) -> tuple[int, ...] | None:
    """How well ``e`` fits the story, or None when it may not join it; ``article``: the
    members of ``e``'s article (``_moved_here``)."""
    if draft.family != e.family:
        return None
    # Time and place first: they are cheap once the story's state is known (it is kept
    # until the story changes), and most stories an event is compared with fail on them.
    state = draft.state(settings)
    fit = _time_fit(e, draft, state, settings)
    on_time = fit == ON_TIME or _redates_story(e, draft, state, settings, article)
    if not on_time and fit != KEPT_LATE:
        return None
    if e.type not in settings.place_free_types and not places_compatible(
        e.place, draft.place(settings)
    ):
        return None
    if draft.reported_here(e):
        return None
    # The latest members stand for a long story; bounded so that a story with hundreds of
    # reports costs the same per new report.
    shared, support = draft.links(e, settings)
    if shared == 0:
        return None
    if draft.reverses(e):
        return None
    # An invitation announces an event still to come: prefer a story still open.
    open_story = int(settings.is_precursor(e.type) and state.status in settings.pending_statuses)
    # A report that fits a story's fixed date beats one that fits an open window.
    dated_hit = int(state.dated and e.dated)
    # A plan kept weeks late is the last choice: a story the report falls on the date of
    # (a plan dated anew without a place) is that event.
    return open_story, int(on_time), shared, dated_hit, support


#: what ``_time_fit`` says of a report against a story's window
ON_TIME, KEPT_LATE = "on time", "kept late"


def _time_fit(e: Member, draft: Draft, state: StoryState, settings: LinkSettings) -> str | None:
    """``ON_TIME`` when ``e`` falls in the story's current window; or, when ``e`` comes from
    the article the story is reading, in the window the story had before that article: one
    article's dates of one trip (arrived on Tuesday; travels on to Cape Town on Thursday, the
    last day of the visit) do not shut each other out, whichever is taken first. Only an
    event of the story's own type: a facet has ``facet_slack`` around the story's date, and
    a meeting in July reported with the visit's new date, August 18-20, is another meeting
    though both fit the "second half of the year" the story had before. ``KEPT_LATE`` when
    it falls only in the weeks a plan may be kept late at a place both name; else None.
    One pass for both answers: most stories a report is compared with fail on time."""
    windows = [state.window]
    last = draft.last_article[1] if draft.last_article else None
    if _told_apart(e, draft, state, settings):
        return None
    if state.settled and last == e.document_id and e.type == state.type:
        windows.append(state.settled)
    # A plan without a date of its own, reported after a dated story, may fall a few days
    # after its date: "Kim is due in Russia", two days after he went, is that visit, late.
    late = (
        not e.dated
        and e.status in ("planned", "possible")
        and state.dated
        and last is not None
        and last != e.document_id
    )
    slack = settings.facet_slack_days if e.type != state.type or late else 0
    before, after, kept_after = slack, slack, slack
    # A report of a later article that the event took place, on a date of its own, may fall
    # a little after the date the story's plan gave it: plans slip ("will hold talks in
    # Luanda on November 3-4", then "met in Luanda on November 5"; ``compat.slipped``).
    held = e.dated and e.status in HELD and e.type == state.type
    if held and state.status == "planned" and state.dated and last not in (None, e.document_id):
        before, after = settings.facet_slack_days, max(slack, settings.slipped_days)
        kept_after = after
        # Weeks or months late, at a place both name: a visit to Beijing planned for
        # November and made in February, a ratification set for November and voted in
        # February, is the plan kept late; without a place, another event of its parties.
        if _named_here(e.place, draft.place(settings)):
            kept_after = max(after, settings.held_late_days)
    # A facet may fall a little apart from the story's own date (arrive the day before).
    if any(overlaps((e.lo, e.hi), (shift(lo, -before), shift(hi, after))) for lo, hi in windows):
        return ON_TIME
    # A report of a date the story was planned for before it moved or happened (a weekly
    # still announcing the visit for June 9 after it was brought forward and held on June
    # 2) is that story, late: it joins it, and its history shows the contradiction.
    # The report must hold that date (June 9, or June): a date inside a wide one the story
    # had ("in the second half of the year") says nothing of which event it is.
    if (
        e.dated
        and e.earliest
        and e.latest
        and any(e.earliest <= lo and hi <= e.latest for lo, hi in state.dates)
    ):
        return ON_TIME
    if _in_planned_days(e, state, settings):
        return ON_TIME
    if kept_after > after and any(
        overlaps((e.lo, e.hi), (shift(lo, -before), shift(hi, kept_after))) for lo, hi in windows
    ):
        return KEPT_LATE
    return None


def _in_planned_days(e: Member, state: StoryState, settings: LinkSettings) -> bool:
    """Whether ``e``, on a date of its own, falls on one of the few days a story that has
    begun was planned for: a state visit planned for May 12-14 and reported begun on the
    12th narrows to that day, and "in Seville on May 13" is a day of it, as talks set for
    September 6-10 that "resume on the 9th" are those talks. Only a report of the story's
    type, and a plan of fewer than ``same_date_member`` days: a day says which event it is,
    a month does not."""
    if not (e.dated and e.earliest and e.latest) or e.type != state.type:
        return False
    if state.status not in HELD:
        return False
    days = settings.same_date_member_days
    return bool(days) and any(
        lo <= e.earliest and e.latest <= hi and short_span(lo, hi, days) for lo, hi in state.dates
    )


def _named_here(place: PlaceInfo, story: PlaceInfo) -> bool:
    """Whether a report and its story both name a place its sentences give (not one carried
    over, a journey's home or a building of an unknown city), and the places agree."""
    return names_place(place) and names_place(story) and places_compatible(place, story)


def _told_apart(e: Member, draft: Draft, state: StoryState, settings: LinkSettings) -> bool:
    """Whether one article tells ``e`` and the story apart: a plan or a possibility of the
    story's type ("officials hope the two leaders can sign a minerals deal this year") and
    a report of that type held days before the article's own date ("they agreed in March to
    lift the cattle ban"), both of a story only that article has told, are two events though
    the plan's wide window holds the held one's date. Either way round, so that the order the
    article's events are read in does not decide."""
    if draft.first is None or draft.first.document_id != e.document_id:
        return False
    if e.type != state.type:
        return False
    cutoff = shift(e.dct, -settings.facet_slack_days)
    if e.status in ("planned", "possible"):
        return state.status in HELD and state.dated and state.window[1] < cutoff
    if e.status in HELD and e.dated:
        return state.status in ("planned", "possible") and e.hi < cutoff
    return False


def _redates_story(
    e: Member,
    draft: Draft,
    state: StoryState,
    settings: LinkSettings,
    article: Sequence[Member] = (),
) -> bool:
    """Whether ``e`` gives a new date to the story, a dated plan whose date has not passed:
    a dated plan of its type from a later article, ``redated`` days from the story's date at
    most (``compat.redates``), at a place both name and that agrees with the story's ("will
    visit Vietnam on March 13-15", then "will be in Hanoi on March 20-22"; not the next leg
    of a tour, in another country or city, nor a plan whose place is not known, unless its
    article gives the place with the old date it moves: ``_moved_here``)."""
    last = draft.last_article[1] if draft.last_article else None
    if state.status != "planned" or not state.dated or e.type != state.type or last is None:
        return False
    # In the story's own article only the move told there (``_moved_here``).
    if not dated_plan(e) or (last == e.document_id and (e.place.name or not article)):
        return False
    story = Linked(draft.id, state.type, draft.family, *state.window, (), True, "planned")
    if not redates(e, story, settings):
        return False
    place = draft.place(settings)
    named = {e.place.level, place.level}.isdisjoint(UNPLACED)
    if not e.place.name:
        return _moved_here(e, article, state, place)
    return bool(e.place.name and place.name and named) and places_compatible(e.place, place)


def _moved_here(e: Member, article: Sequence[Member], state: StoryState, place: PlaceInfo) -> bool:
    """Whether ``e``, a dated plan with no place of its own, is the new date of a plan its
    article also restates: another dated plan of its type in the same article, by the same
    person, on a date the story was planned for and at the story's place ("was due in
    Santiago on the sixth of October, but will now visit from the twenty-seventh to the
    twenty-ninth": the place is the old plan's, given once)."""
    people = {p.id for p in named(e.participants) if not p.countrylike}
    if not people or not state.dates:
        return False
    when = (e.earliest or e.lo, e.latest or e.hi)
    for f in article:
        if f.id == e.id or f.type != e.type or not dated_plan(f) or not f.place.name:
            continue
        old = (f.earliest or f.lo, f.latest or f.hi)
        if agrees(old, when) or not any(agrees(old, d) for d in state.dates):
            continue
        if people & {p.id for p in f.participants} and _named_here(f.place, place):
            return True
    return False


@lru_cache(maxsize=1 << 16)
def found_by(
    parts: tuple[Participant, ...], settings: LinkSettings
) -> tuple[tuple[str, ...], bool, tuple[str, ...]]:
    """The keys an event of these participants is found under: participant keys, whether it
    has one party, and its pair keys when it has two or more (memoized: a story's members
    repeat the same participants)."""
    one = parties_of(parts, settings) < 2
    pairs = () if one else tuple(sorted(pair_keys(parts, settings, lookup=False)))
    return tuple(sorted(stored_keys(parts))), one, pairs


@lru_cache(maxsize=1 << 16)
def places_of(
    family: str, parts: tuple[Participant, ...], settings: LinkSettings
) -> tuple[tuple[str, str, str], ...]:
    """Where a member of this family and these participants is found (``found_by``):
    under each participant key (``e``), also as a member of one party (``s``), and under
    each pair key (``p``)."""
    keys, one, pairs = found_by(parts, settings)
    places = [("e", family, k) for k in keys]
    if one:
        places += [("s", family, k) for k in keys]
    return (*places, *(("p", family, k) for k in pairs))


@lru_cache(maxsize=1 << 16)
def places_looked_in(
    family: str, parts: tuple[Participant, ...], settings: LinkSettings
) -> tuple[tuple[str, str, str], ...]:
    """Where an event of this family and these participants looks for its neighbours
    (``looks_for``): its participant keys among all members (``e``); or, when a neighbour
    of two parties or more must share two, among one-party members (``s``) and its pair
    keys (``p``)."""
    singles, pairs = looks_for(parts, settings)
    if pairs is None:
        return tuple(("e", family, k) for k in singles)
    return (*(("s", family, k) for k in singles), *(("p", family, k) for k in pairs))


@lru_cache(maxsize=1 << 16)
def date_places(
    family: str,
    kind: str,
    parts: tuple[Participant, ...],
    dated: bool,
    settings: LinkSettings,
    lookup: bool,
) -> tuple[tuple[str, str, str], ...]:
    """Where a member of this family, type and participants is found (``lookup`` False) or
    looks (True) for the reports of its dated event that share fewer parties
    (``compat.date_keys``)."""
    return tuple(("d", family, k) for k in date_keys(kind, parts, dated, settings, lookup))


def looked_in(e: Member, settings: LinkSettings) -> tuple[tuple[str, str, str], ...]:
    """Where ``e`` looks for its neighbours: ``places_looked_in``, and, when its window is
    short enough, where the reports of its dated event are (``compat.same_dated``)."""
    near = places_looked_in(e.family, e.participants, settings)
    dates = event_date_keys(e, settings, lookup=True)
    return (*near, *(("d", e.family, k) for k in dates)) if dates else near


@lru_cache(maxsize=1 << 16)
def looks_for(
    parts: tuple[Participant, ...], settings: LinkSettings
) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    """The keys an event of these participants looks for its neighbours under: participant
    keys, and pair keys when a neighbour of two parties or more must share two (else None)."""
    singles = tuple(sorted(lookup_keys(parts, settings)))
    if not pairs_needed(parts, settings):
        return singles, None
    return singles, tuple(sorted(pair_keys(parts, settings, lookup=True)))


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
    # Where a draft's members are found (``Draft.places``: by participant key of all
    # members, of one-party members, and by pair key) -> the drafts found there.
    index: dict[tuple[str, str, str], set[int]] = {}

    def note(position: int, e: Member) -> None:
        for place in places_of(e.family, e.participants, settings):
            index.setdefault(place, set()).add(position)
        for key in event_date_keys(e, settings, lookup=False):
            index.setdefault(("d", e.family, key), set()).add(position)

    def near(e: Member) -> set[int]:
        found: set[int] = set()
        for place in looked_in(e, settings):
            found |= index.get(place, set())
        return found

    for position, draft in enumerate(drafts):
        for place in draft.places():
            index.setdefault(place, set()).add(position)
    ordered = sorted(members, key=lambda m: canonical_key(m, settings))
    articles: dict[str, list[Member]] = {}
    for e in ordered:
        articles.setdefault(e.document_id, []).append(e)
    went: dict[str, int] = {}  # member id -> the draft it went to
    for e in ordered:
        best: tuple[tuple[int, ...], int] | None = None
        meeting = meeting_of(e, articles[e.document_id]) if e.guest else None
        if meeting is not None and meeting.id in went:
            # A guest's visit read from a meeting abroad is a facet of that meeting's
            # story, wherever the meeting went (it comes after it in canonical order).
            went[e.id] = went[meeting.id]
            drafts[went[e.id]].add(e)
            note(went[e.id], e)
            continue
        fates = fates_after(e, articles[e.document_id], settings)
        for position in sorted(near(e)):
            score = join_score(e, drafts[position], settings, articles[e.document_id])
            if score is None or _taken(e, fates, drafts[position], settings):
                continue
            if best is None or (*score, -position) > best[0]:
                best = ((*score, -position), position)
        if best is None and (twin := visit_of(e, articles[e.document_id], went)) is not None:
            best = ((), went[twin.id])
            drafts[best[1]].add(e)
        elif best is None:
            drafts.append(Draft([e], settings))
            best = ((), len(drafts) - 1)
        else:
            drafts[best[1]].add(e)
        note(best[1], e)
        went[e.id] = best[1]
    return drafts


def visit_of(e: Member, article: Sequence[Member], went: dict[str, int]) -> Member | None:
    """The visit of ``e``'s article that ``e``, a meeting that shares no party with any
    story, is a facet of: a visit with its status, its dates and its named place (a city),
    already linked. "Szalai will be in Beijing on February 11-12 ... China and Hungary will
    hold talks in Beijing on February 11-12" is one trip though the talks were read with
    the two countries and the visit with the minister."""
    if e.type != "MEET" or not (e.dated and e.earliest and e.latest):
        return None
    if not e.place.name or e.place.level in UNPLACED or e.place.level == "country":
        return None
    told = (e.status, e.earliest, e.latest, e.place.name)
    for m in article:
        if (
            m.type == "VISIT"
            and m.id in went
            and (m.status, m.earliest, m.latest, m.place.name) == told
        ):
            return m
    return None


def meeting_of(e: Member, article: Sequence[Member]) -> Member | None:
    """The meeting a guest's visit (``Member.guest``) was read from: a meeting of its
    article with its status, time and place, that its traveller takes part in."""
    travellers = {p.id for p in e.participants if p.role == "source"}
    told = (e.status, e.value, e.earliest, e.latest, e.place.name)
    for m in article:
        if m.type != "MEET" or (m.status, m.value, m.earliest, m.latest, m.place.name) != told:
            continue
        if travellers and travellers <= {p.id for p in m.participants}:
            return m
    return None


def _taken(e: Member, fates: list[Member], draft: Draft, settings: LinkSettings) -> bool:
    """Whether a report of what became of another event (``fates_after``) takes the story
    ``e`` would join. Only a report of the story's own type tells what became of it: a call
    "the same day" read as talks held is a facet of the visit's story, and says nothing of
    which visit the talks planned for its dates belong to.

    A report that shares more participants with ``e`` than with the story is no fate of
    the story: "the closing session never took place", read as the two presidents'
    meeting, beside "the presidents met in Basseterre on July 7" tells nothing of the
    meeting planned for July with one of them, and would join ``e``'s own story rather than
    that one (``join_score`` ranks by shared participants)."""
    if not fates or e.type != draft.state(settings).type:
        return False
    for n in fates:
        score = join_score(n, draft, settings)
        if score and score[SHARED] >= participants_match(n, e, settings):
            return True
    return False


#: what became of an event, reported after it in canonical order (``status_order``)
FATES = ("ongoing", "occurred", "negated")


def fates_after(e: Member, article: list[Member], settings: LinkSettings) -> list[Member]:
    """The reports of ``e``'s article, of its type, that tell what became of another event
    than ``e``: a story they would join is theirs, and ``e`` stays out of it.

    - A dated plan more than ``ongoing`` days from a dated report that the event was held
      or called off is a later event: "Menon, who held talks in Tokyo on February 9, will
      return to Japan in August" (the August trip is not the Tokyo visit the story planned).
    - A dated report that the event took place, in an article that reports the event called
      off (and puts nothing off), is another event: "the summit was called off ... the two
      leaders met on the sidelines of the SCO meeting in Astana".
    """
    if e.status == "planned" and e.dated:
        gap = settings.ongoing_days
        return [
            n
            for n in article
            if n.type == e.type
            and n.status in FATES
            and n.dated
            and not overlaps((shift(e.lo, -gap), shift(e.hi, gap)), (n.lo, n.hi))
        ]
    # Not in an article that puts the event off: its denial is no call-off ("put off at the
    # last minute", voices_of), and a report there without a date of its own is background.
    moved = any(m.postponed and m.status == "planned" for m in article)
    if e.status in ("ongoing", "occurred") and e.dated and not moved:
        return [n for n in article if n.type == e.type and n.status == "negated"]
    return []
