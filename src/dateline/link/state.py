"""A story's current state from its member events, article by article (pure).

Each article says one thing about the story (its *article status* and time);
the story's state follows the articles in date order: a later status replaces
an earlier one only where the rules allow it (``supersedes``, or a denial that still
plans the event: ``corrects``), and the time is
the most specific date from the latest article that gives one.

Each article also has a *lifecycle state* (``settings.LIFECYCLE``), read in the context of the
articles before it: a plan with a date is ``dated``, or ``rescheduled`` when the date
disagrees with one an earlier article gave; a postponement without a new date is
``postponed``; a report without a date leaves a dated or postponed plan as it was.
The story's state follows its status: ``planned`` shows as the latest plan's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dateline.link.compat import HELD, HOME, Member, shift
from dateline.link.settings import LinkSettings

#: the states of a plan that has not happened yet (status ``planned``)
PLANNING = ("announced", "dated", "rescheduled", "postponed")
#: the state of every other status
BY_STATUS = {
    "possible": "speculated",
    "ongoing": "under way",
    "occurred": "occurred",
    "negated": "cancelled",
}


@dataclass
class ArticleState:
    """What one article says about a story."""

    document_id: str
    dct: str
    members: list[Member]
    status: str | None
    time: dict[str, Any] | None
    time_kind: str  # dated | reset (postponed, no new date) | window | none
    window: tuple[str, str] | None
    state: str | None = None  # lifecycle state this article gives the story (set by the fold)
    # A date a facet of the article gives when its own type gives none (the fold takes it
    # while the story has no date): (time, window).
    facet_date: tuple[dict[str, Any], tuple[str, str]] | None = None
    # The status the article gives a story already called off, when its undated reports of
    # the call-off only retell it and it plans the event for a later date (``_retold``).
    revived: str | None = None


@dataclass
class StoryState:
    """A story's state after all its articles (or those up to an as-of date)."""

    type: str
    status: str
    time: dict[str, Any]
    dated: bool
    window: tuple[str, str]
    articles: list[ArticleState] = field(default_factory=list)
    state: str = "announced"
    # Last day any article's window reaches (its latest time, else its date + stale_days).
    reach: str = ""
    # The window before the last article (None when it is the first): the last article's
    # other events may still fit it ("arrived on Tuesday, travels on to Cape Town Thursday").
    settled: tuple[str, str] | None = None
    # The distinct dates articles planned (or called off) the story for.
    dates: tuple[tuple[str, str], ...] = ()

    def header(self, story_id: str, settings: LinkSettings) -> dict[str, Any]:
        """The fields that name a story and its state, shared by its row and its dict."""
        return {
            "id": story_id,
            "type": self.type,
            "family": settings.family(self.type),
            "status": self.status,
            "state": self.state,
            "dated": self.dated,
        }


def canonical_key(m: Member, settings: LinkSettings) -> tuple[Any, ...]:
    """Deterministic processing order: article date and id, then facet rank and status. A
    guest's visit read from a meeting abroad (``Member.guest``) comes after the meetings of
    its article: it follows its meeting into the meeting's story (``cluster.extend``)."""
    order = settings.status_order
    status_index = order.index(m.status) if m.status in order else len(order)
    rank: float = settings.rank(m.type)
    if m.guest:
        rank = max(rank, settings.rank("MEET")) + 0.5
    return (m.dct, m.document_id, rank, status_index, m.id)


def _priority(status: str, settings: LinkSettings) -> int:
    order = settings.article_status_priority
    return order.index(status) if status in order else len(order)


def speakers(members: list[Member], kind: str, settings: LinkSettings) -> list[Member]:
    """The members that speak for the story in one article: its own type first, else the
    best-ranked other facet; none when the article only holds precursors."""
    own = [m for m in members if m.type == kind and not settings.is_precursor(m.type)]
    if own:
        return own
    others = [m for m in members if not settings.is_precursor(m.type)]
    if not others:
        return []
    top = min(settings.rank(m.type) for m in others)
    return [m for m in others if settings.rank(m.type) == top]


def _planned_later(
    voices: list[Member], kind: str, statuses: tuple[str, ...] = ("planned",)
) -> bool:
    """Whether the article plans the event (or, with ``possible`` in ``statuses``, says it
    may take place), of the story's own type, for a date after its own."""
    return any(
        m.type == kind and m.status in statuses and m.dated and (m.earliest or "") > m.dct
        for m in voices
    )


def _dated_plan_speaks(voices: list[Member], kind: str) -> list[Member]:
    """The voices, less the reports without a date of their own that put the event at the
    article's date (``ongoing``, ``occurred``: "the Secretary's travel to Vietnam
    demonstrates ...") or deny it without calling it off (``negated``, no cancellation:
    "Kyrgyzstan would not sign anything") when the article plans it, of the story's own
    type, for a date after that, or says it may take place then ("could sign in Entebbe
    tomorrow"): the dated plan says when it happens and that it is still on, the tense or
    the refusal of an undated mention does not."""
    if not _planned_later(voices, kind, ("planned", "possible")):
        return voices
    return [
        m
        for m in voices
        if m.dated or not (m.status in HELD or (m.status == "negated" and not m.cancelled))
    ]


def _dated_held_speaks(voices: list[Member], kind: str) -> list[Member]:
    """The voices, less the reports without a date of their own that the event did not take
    place, when the article reports it, of the story's own type, held on a date of its own:
    "the presidents met in Basseterre on July 7" says the meeting took place, and an undated
    "the closing session never took place" beside it is of another event, as the events
    step may give it the same parties."""
    held = any(m.type == kind and m.status in HELD and m.dated for m in voices)
    if not held:
        return voices
    return [m for m in voices if m.dated or m.status != "negated"]


def _retold(voices: list[Member], kind: str) -> list[Member]:
    """The voices, less the reports without a date of their own that the event was called
    off, when the article plans it, of the story's own type, for a date after its own: for
    a story already called off, such a report retells the call-off, and the dated plan is
    the news ("the state visit, called off two weeks ago, has been reinstated for April
    12-15"; ``Progress.step``)."""
    if not _planned_later(voices, kind):
        return voices
    return [m for m in voices if m.dated or m.status != "negated"]


def voices_of(members: list[Member], kind: str, settings: LinkSettings) -> list[Member]:
    """The ``speakers`` of an article, except that an article that postpones the story
    (one of its events moved, still planned) is not undone by a denial in it: "Valdés would
    not travel this week; the talks are postponed until further notice" puts the trip
    off, it does not call it off (a cancellation, "was cancelled", still does)."""
    voices = _dated_held_speaks(_dated_plan_speaks(speakers(members, kind, settings), kind), kind)
    moved = [
        m
        for m in members
        if m.postponed and m.status == "planned" and not settings.is_precursor(m.type)
    ]
    if not moved:
        return voices
    kept = [m for m in voices if m.status != "negated" or m.cancelled]
    # Nor by the traveller's return home: the trip put off has not happened, and the
    # journey home comes back from somewhere else.
    kept = [m for m in kept if m.place.level != HOME]
    # Nor by a report without a date of its own that it took place ("first agreed to
    # renegotiate when they met in May"): what was put off in the article has not happened.
    kept = [m for m in kept if m.dated or m.status not in ("ongoing", "occurred")]
    return kept or moved


def article_status(
    members: list[Member],
    kind: str,
    settings: LinkSettings,
    voices: list[Member] | None = None,
) -> str | None:
    """The status an article gives the story (precursors map theirs, e.g. invited → planned);
    ``voices``: its ``voices_of``, when the caller has them."""
    voices = voices_of(members, kind, settings) if voices is None else voices
    if voices:
        statuses = [m.status for m in voices]
    else:
        mapped = [settings.precursors.get(m.type, {}).get(m.status, "") for m in members]
        statuses = [s for s in mapped if s]
    return min(statuses, key=lambda s: _priority(s, settings)) if statuses else None


def time_of(m: Member) -> dict[str, Any]:
    return {
        "value": m.value,
        "earliest": m.earliest,
        "latest": m.latest,
        "granularity": m.granularity,
    }


def _span(m: Member) -> int:
    try:
        lo = date.fromisoformat(m.earliest or m.lo)
        hi = date.fromisoformat(m.latest or m.hi)
    except ValueError:
        return 1 << 30
    return (hi - lo).days


def _whole_span(dated: list[Member], settings: LinkSettings) -> Member:
    """The most specific of an article's dated reports ("June 10" over "June"), widened to a
    span of the same granularity that holds it: a visit "from 15 to 17 March" whose stop in
    Phnom Penh is on the 16th takes place on the 15th to the 17th, not the 16th."""
    best = min(dated, key=lambda m: (_span(m), _priority(m.status, settings), m.id))
    if not (best.earliest and best.latest):
        return best
    holding = [
        m
        for m in dated
        if m.granularity == best.granularity
        and m.earliest
        and m.latest
        and m.earliest <= best.earliest
        and best.latest <= m.latest
    ]
    return max(holding, key=lambda m: (_span(m), -_priority(m.status, settings), m.id))


def _dates(m: Member) -> bool:
    """A report that gives a date: dated, not a speculation, with a day or a value."""
    return m.dated and m.status != "possible" and bool(m.earliest or m.value)


def article_time(
    members: list[Member],
    kind: str,
    settings: LinkSettings,
    voices: list[Member] | None = None,
) -> tuple[dict[str, Any] | None, str, tuple[str, str] | None]:
    """(time, kind of time, link window) an article gives the story, most specific first;
    ``voices``: its ``voices_of``, when the caller has them.

    A postponement speaks over other dates in the same article ("had been scheduled
    for October 20 ... postponed until December"); without a new date it resets the time.
    """
    voices = voices_of(members, kind, settings) if voices is None else voices
    # Only the story's own type dates it: talks on the 23rd do not move a visit on the 22nd.
    own = [m for m in voices if m.type == kind]
    postponed = [m for m in own if m.postponed]
    pool = postponed or own
    dated = [m for m in pool if _dates(m)]
    if dated:
        best = _whole_span(dated, settings)
        return time_of(best), "dated", (best.lo, best.hi)
    # Without a report of its own type, a facet put off (the talks of the trip) puts the
    # story off too, but its new date, if any, is not the story's: "Kim would not travel
    # this week; the talks are postponed until July" puts the trip off undated. (A summit's
    # guests' visits read beside it do not type its story, ``Member.guest``: "the summit in
    # Luanda … has been postponed until December" moves the summit story by its own type.)
    postponed = postponed or ([m for m in voices if m.postponed] if not own else [])
    if postponed:
        dct = members[0].dct
        reset = {"value": None, "earliest": dct, "latest": None, "granularity": None}
        return reset, "reset", (dct, max(m.hi for m in postponed))
    if voices:
        first = min(voices, key=lambda m: (_priority(m.status, settings), m.id))
        return time_of(first), "window", (first.lo, first.hi)
    latest = max(members, key=lambda m: (m.hi, m.id))
    return None, "none", (latest.lo, latest.hi)


def reach_of(art: ArticleState, settings: LinkSettings, kind: str = "") -> str:
    """The last day an article keeps a story of type ``kind`` open: its time's latest day,
    else its date moved by ``stale_days`` (``speech_types``: their ``future``)."""
    return (art.time or {}).get("latest") or shift(art.dct, settings.stale_after(kind))


def facet_date(
    members: list[Member], kind: str, settings: LinkSettings
) -> tuple[dict[str, Any], tuple[str, str]] | None:
    """The most specific date the article's facets of another type give ("agreed to meet
    again in Canberra in March" for the state visit it announces), for a story that has
    none yet: never a precursor's (an invitation's date is not the trip's) nor a
    speculation's."""
    dated = [
        m for m in members if m.type != kind and not settings.is_precursor(m.type) and _dates(m)
    ]
    if not dated:
        return None
    best = min(dated, key=lambda m: (_span(m), _priority(m.status, settings), m.id))
    return time_of(best), (best.lo, best.hi)


def make_article(group: list[Member], kind: str, settings: LinkSettings) -> ArticleState:
    """What one article (its members of the story, in canonical order) says."""
    voices = voices_of(group, kind, settings)  # once for both: a tenth of a page's fold
    time, time_kind, window = article_time(group, kind, settings, voices)
    status = article_status(group, kind, settings, voices)
    art = ArticleState(group[0].document_id, group[0].dct, group, status, time, time_kind, window)
    if status == "negated" and (kept := _retold(voices, kind)) != voices:
        art.revived = article_status(group, kind, settings, kept)
    if time_kind in ("window", "none"):
        art.facet_date = facet_date(group, kind, settings)
    return art


def _interval(art: ArticleState) -> tuple[str, str] | None:
    time = art.time or {}
    lo, hi = time.get("earliest"), time.get("latest")
    return (lo, hi) if lo and hi else None


def agrees(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two dates of a plan are the same date, one maybe more precise ("April" and
    "April 10"): one interval holds the other."""
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def article_lifecycle(
    art: ArticleState,
    plan: str | None,
    earlier_dates: tuple[tuple[str, str], ...],
    held: str | None = None,
) -> str | None:
    """The lifecycle state an article gives a story, given the story's plan state before it
    (``plan``: one of ``PLANNING`` while the story is planned, else None), the dates
    earlier articles planned it for, and ``held``: ``under way`` or ``occurred`` when the
    story already got under way or happened."""
    if art.status is None:
        return plan
    if art.status == "possible" and plan:
        return plan  # a speculation does not undo a plan ("could still happen in May")
    if art.status != "planned":
        return BY_STATUS.get(art.status)
    if art.time_kind == "dated":
        when = _interval(art)
        moved = any(m.postponed for m in art.members) or (
            when is not None and any(not agrees(when, d) for d in earlier_dates)
        )
        return "rescheduled" if moved else "dated"
    if art.time_kind == "reset":
        return "postponed"
    # Silent on the date: a dated or postponed plan stays as it was, and so does an event
    # already under way or held ("is due in Vilnius", a day after he was there).
    if held:
        return held
    return plan if plan in ("dated", "rescheduled", "postponed") else "announced"


def stale(art: ArticleState, dates: tuple[tuple[str, str], ...]) -> bool:
    """Whether an article plans the event, without moving it, for a date that ended before
    the article itself (a monthly that went to press before the tour, published after it)
    or for a date an earlier article planned it for (a weekly still announcing the visit
    for June 9): of an event already held or called off, it says nothing new."""
    if art.status != "planned" or any(m.postponed for m in art.members):
        return False
    return _old_date(art, dates)


def corrects(
    art: ArticleState,
    status: str | None,
    dates: tuple[tuple[str, str], ...] = (),
    held_on: str | None = None,
) -> bool:
    """Whether an article takes back a report that the event took place or got under way:
    it still plans the event and denies that it took place (a negated report of it, not a
    cancellation: "denied reports that Valdés had met Ferreyra ... his trip would be
    rescheduled"), or puts it off ("the signing, set for Thursday, was postponed an hour
    before the ceremony") in an article of a later day than the report it takes back, to no
    date or to one that has not passed nor was planned before (a monthly gone to press
    before the visit, "postponed to 23-25 February", published after it, says nothing
    new). Any other later report leaves the event held; the history shows both."""
    if status not in HELD or art.status != "planned":
        return False
    denied = status == "occurred" and any(
        m.status == "negated" and not m.cancelled for m in art.members
    )
    later = held_on is None or art.dct > held_on
    return denied or (later and _puts_off(art) and not _old_date(art, dates))


def _puts_off(art: ArticleState) -> bool:
    """Whether one of the article's events moves the plan (still planned)."""
    return any(m.postponed and m.status == "planned" for m in art.members)


def _old_date(art: ArticleState, dates: tuple[tuple[str, str], ...]) -> bool:
    """Whether the article dates the event for a day that ended before the article, or for
    a date an earlier article planned it for."""
    if art.time_kind != "dated":
        return False
    latest = (art.time or {}).get("latest") or ""
    when = _interval(art)
    return "" < latest < art.dct or (when is not None and any(agrees(when, d) for d in dates))


@dataclass(frozen=True)
class Progress:
    """A story's state after the articles folded so far."""

    status: str | None = None
    timed: ArticleState | None = None
    windowed: ArticleState | None = None
    plan: str | None = None  # the latest plan state while the status is planned
    # The distinct dates articles planned (or called off) it for, in first-seen order: a
    # date repeated by every report of a long story is kept once, so that a report costs
    # the same to a story of ten thousand as to one of ten.
    dates: tuple[tuple[str, str], ...] = ()
    # The date of the article that reported the event under way or held, while it is.
    held_on: str | None = None

    def step(self, art: ArticleState, settings: LinkSettings) -> Progress:
        """The state after one more article (whose ``state`` this sets)."""
        status, timed, windowed = self.status, self.timed, self.windowed
        revived = self.status == "negated" and art.revived is not None
        if revived:
            # The call-off it reports is the one the story had: the dated plan is the news,
            # and no stale one (the article knows of the call-off), even on the old date.
            art.status = art.revived
        new = art.status
        if art.facet_date and timed is None and new == "planned":
            # Its own type undated, a facet dates a story that had no date yet.
            art.time, art.window = art.facet_date
            art.time_kind = "dated"
        # A stale plan of an event held or called off leaves its state as it was: "will
        # arrive on September 13", published on the 17th, neither undoes the visit held on
        # the 13th nor revives a leg called off (its history entry says so).
        late = (
            self.status in ("ongoing", "occurred", "negated")
            and not revived
            and stale(art, self.dates)
        )
        taken_back = corrects(art, status, self.dates, self.held_on)
        if (
            new
            and not late
            and (status is None or status in settings.supersedes.get(new, ()) or taken_back)
        ):
            status = new
        if art.time_kind in ("dated", "reset"):
            timed = art
        if art.time_kind != "none":
            windowed = art
        held = BY_STATUS[self.status] if self.status in ("ongoing", "occurred") else None
        art.state = article_lifecycle(
            art, self.plan if self.status == "planned" else None, self.dates, held
        )
        if late:
            art.state = BY_STATUS[self.status or ""]
        plan = self.plan
        if status == "planned":
            plan = art.state if art.state in PLANNING and new == "planned" else plan or "announced"
        when = _interval(art)
        dates = self.dates
        if art.time_kind == "dated" and new in ("planned", "negated") and when:
            dates = dates if when in dates else (*dates, when)
        held_on = self.held_on if status == self.status else None
        if status in HELD and held_on is None:
            held_on = art.dct
        return Progress(status, timed, windowed, plan, dates, held_on)


@dataclass
class Fold:
    """A story's state built member by member, in canonical order.

    Articles before the last one are folded once; only the open (last) article is
    recomputed, so that adding a report to a long story costs the same as to a short one.
    Closed articles never depend on the story's type changing: the type is set by the
    first non-precursor that is no guest's visit read from a meeting (``Member.guest``:
    the meeting names the story, "met on the sidelines of the summit in Lima"), and
    articles before it hold only precursors and such visits. What the closed
    articles left (``to_dict``) is all a later member needs, so a stored story resumes
    its fold without its earlier members (``from_dict``).
    """

    settings: LinkSettings
    kind: str | None = None
    first_type: str | None = None
    done: list[ArticleState] = field(default_factory=list)
    progress: Progress = field(default_factory=Progress)
    current: list[Member] = field(default_factory=list)
    reach: str = ""

    def add(self, m: Member) -> None:
        last = self.current[-1] if self.current else None
        if last and (last.dct, last.document_id) != (m.dct, m.document_id):
            self._close()
        self.current.append(m)
        self.first_type = self.first_type or m.type
        if self.kind is None and not self.settings.is_precursor(m.type) and not m.guest:
            self.kind = m.type

    def _close(self) -> None:
        art = make_article(self.current, self.kind or self.first_type or "", self.settings)
        self.progress = self.progress.step(art, self.settings)
        kind = self.kind or self.first_type or ""
        self.reach = max(self.reach, reach_of(art, self.settings, kind))
        self.done.append(art)
        self.current = []

    def state(self) -> StoryState:
        """The state after every member added so far."""
        kind = self.kind or self.first_type or ""
        last = make_article(self.current, kind, self.settings)
        after = self.progress.step(last, self.settings)
        arts = [*self.done, last]
        chosen = after.timed or after.windowed or last
        time = chosen.time or {"value": None, "earliest": None, "latest": None, "granularity": None}
        window = chosen.window or (last.dct, last.dct)
        final = after.status or last.members[0].status
        state = (after.plan or "announced") if final == "planned" else BY_STATUS.get(final, final)
        reach = max(self.reach, reach_of(last, self.settings, kind))
        dated = chosen.time_kind == "dated"
        before = self.progress.timed or self.progress.windowed
        settled = before.window if before else None
        return StoryState(
            kind, final, time, dated, window, arts, state, reach, settled, after.dates
        )

    def to_dict(self) -> dict[str, Any]:
        """What later members need of the members added so far (the open article's by id)."""
        done = self.progress
        return {
            "kind": self.kind,
            "first_type": self.first_type,
            "status": done.status,
            "timed": _article_dict(done.timed),
            "windowed": _article_dict(done.windowed),
            "plan": done.plan,
            "dates": [list(d) for d in done.dates],
            "held_on": done.held_on,
            "reach": self.reach,
            "current": [m.id for m in self.current],
        }

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], members: dict[str, Member], settings: LinkSettings
    ) -> Fold:
        """The fold ``to_dict`` saved, its open article's members taken from ``members``."""
        progress = Progress(
            status=data["status"],
            timed=_article_of(data["timed"]),
            windowed=_article_of(data["windowed"]),
            plan=data["plan"],
            dates=tuple(dict.fromkeys((lo, hi) for lo, hi in data["dates"])),
            held_on=data.get("held_on"),
        )
        return cls(
            settings,
            kind=data["kind"],
            first_type=data["first_type"],
            progress=progress,
            current=[members[i] for i in data["current"]],
            reach=data["reach"],
        )


def _article_dict(art: ArticleState | None) -> dict[str, Any] | None:
    if art is None:
        return None
    keys = ("document_id", "dct", "status", "time", "time_kind", "state")
    return {**{k: getattr(art, k) for k in keys}, "window": art.window}


def _article_of(data: dict[str, Any] | None) -> ArticleState | None:
    if data is None:
        return None
    window = tuple(data["window"]) if data["window"] else None
    fields = {k: data[k] for k in ("document_id", "dct", "status", "time", "time_kind", "state")}
    return ArticleState(members=[], window=window, **fields)


def story_state(members: list[Member], settings: LinkSettings) -> StoryState:
    """Fold the articles in date order into the story's current state."""
    fold = Fold(settings)
    for m in sorted(members, key=lambda m: canonical_key(m, settings)):
        fold.add(m)
    return fold.state()
