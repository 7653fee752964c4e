"""One event mention: what a trigger in one sentence says, before merging."""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.events.lexicon import Trigger
from dateline.events.participants import Ref
from dateline.model import Candidate, EventTime, Place, Timex


@dataclass
class Mention:
    """An event mention found at one trigger token."""

    trigger: Trigger
    token: int  # index of the trigger token
    clause: int  # index of the verb whose clause decides status (the trigger itself for verbs)
    sentence: tuple[int, int]  # char offsets of the evidence sentence
    sources: list[Ref] = field(default_factory=list)
    targets: list[Ref] = field(default_factory=list)
    location: Place | None = None
    status: str = "occurred"
    cue: str | None = None
    attribution: str | None = None
    timexes: list[Timex] = field(default_factory=list)
    time: EventTime = field(default_factory=EventTime)
    dated: bool = False
    candidates: list[Candidate] = field(default_factory=list)
    anaphoric: bool = False  # 'the visit': refers back to an event named before
    place_named: bool = False  # 'the Ankara meeting': anaphoric, its compound a place
    other: bool = False  # 'a rival rally', 'another march': not the event told before
    definite: bool = False  # 'the protest (was organised by X)': may add to an earlier event
    anchor: int | None = None  # token of an event this one happened during
    caption: bool = False
    symmetric: bool = False  # MEET, AGREE, …: every participant is a source
    repeated: bool = False  # 'has visited three times': several events, never merged
    rescheduled: bool = False  # 'postponed until April': the new time replaces the old
    predicative: bool = False  # 'It would be the first visit …': says more of the main event
    past_plan: bool = False  # 'had been due to arrive': the plan an article may report cancelled
    cancelled: bool = False  # 'the trip has been called off': a cancellation cue decides it
    unnamed_speaker: str | None = None  # 'Police said …': a statement by no known actor
    told_of: bool = False  # 'The President's visit celebrates …': says what the event is,
    # not that it happens: it refers to the event told before and has no status of its own
    loose_place: Place | None = None  # a place deeper in its clause, when no rule places it
    building: int | None = None  # offset of a building it is at ('outside the embassy')
    stand_in: bool = False  # 'sent a deputy instead': goes for its sender's country

    @property
    def type(self) -> str:
        return self.trigger.type

    def participants(self) -> set[str]:
        return {r.id for r in self.sources} | {r.id for r in self.targets}
