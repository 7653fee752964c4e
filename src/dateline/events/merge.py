"""Within-article merge: mentions of one event become one Event with several evidence spans."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from dateline.events.lexicon import Lexicon
from dateline.events.mention import Mention
from dateline.events.participants import Ref
from dateline.events.status import calls_off, times_apart
from dateline.model import Candidate, Event, EventTime, Evidence, Place, iso_day

GROUPS = {"occurred": 0, "ongoing": 0, "planned": 1, "possible": 1, "negated": 2}
RANK = {"occurred": 0, "ongoing": 1, "planned": 0, "possible": 1, "negated": 0}
GRANULARITY = ["day", "week", "month", "season", "quarter", "year"]
RELATED = {"VISIT": {"VISIT", "MEET"}, "MEET": {"MEET", "VISIT"}}
NEEDS_SOURCE = {"VISIT", "STATEMENT"}
# 'coalition talks in Oslo': nobody to link a story to
NEEDS_PARTICIPANT = {"MEET", "DISCUSS", "AGREE"}
#: agreements a definite mention names only by place or time refer back ('the accord signed
#: in Bishkek in 2008 remains in force'); a summit so named may be told for the first time
NEEDS_PARTY_TO_REFER = {"AGREE"}
HEADS = ("head of state", "head of government", "president", "prime minister", "chancellor")
GOVERNMENT_KINDS = {"government", "country", "organisation"}


@dataclass
class Cluster:
    """Mentions found to denote the same event, in text order."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    def sources(self) -> list[Ref]:
        return _union(r for m in self.mentions for r in m.sources)

    def targets(self) -> list[Ref]:
        return _union(r for m in self.mentions for r in m.targets)

    def status_mention(self) -> Mention:
        """The mention whose status the event takes: a progressive ('is visiting') says the
        event is under way; otherwise occurred beats ongoing, planned beats possible."""
        for mention in self.mentions:
            if mention.status == "ongoing" and mention.cue == "progressive":
                return mention
        # 'The visit celebrates …' tells of the event, not whether it happens
        told = [m for m in self.mentions if not m.told_of] or self.mentions
        current = [m for m in told if not m.past_plan] or told
        current = _after_a_cancellation(current)
        return min(current, key=lambda m: RANK[m.status])

    def time_mention(self) -> Mention | None:
        dated = [m for m in self.mentions if m.dated]
        if any(m.rescheduled for m in self.mentions):
            # 'postponed until April' gives the new time; a plan stated apart from the
            # postponement ('will make a state visit from March 9 to 12 … after the trip
            # was postponed') does too; the old plan ('had been scheduled for January') and
            # 'postponed indefinitely' give none
            new = [m for m in dated if m.rescheduled]
            dated = new or [
                m
                for m in dated
                if not m.past_plan and m.status == "planned" and m.cue not in INVITED_PLAN_CUES
            ]  # 'Xi invited Trump to visit China in 2026': the invitation made the old plan
        dated = _of_the_main_occasion(dated)
        # the finest grain wins; at the same grain a range ('ran from January 12 to 14')
        # over a day within it ('ended on Wednesday')
        return min(
            dated,
            key=lambda m: (_grain(m.time.granularity), "/" not in (m.time.value or "")),
            default=None,
        )


def _after_a_cancellation(mentions: list[Mention]) -> list[Mention]:
    """'Kenna will visit Arequipa on July 6. … The trip has been cancelled': a plan told
    before a cancellation of it is what was cancelled; a move told after it stands."""
    last = max((i for i, m in enumerate(mentions) if m.cancelled), default=None)
    if last is None:
        return mentions
    return [m for i, m in enumerate(mentions) if i >= last or m.status != "planned"]


#: cues of a plan made by an invitation: the plan a postponement moved, not its new date
INVITED_PLAN_CUES = {"invite", "invitation"}


def _of_the_main_occasion(dated: list[Mention]) -> list[Mention]:
    """The dated mentions whose times meet the time of the event's main mention: the
    first that is more than a bare reference back, else the first. 'Troops clashed on Sunday …
    The clash was the worst since a shooting in August' keeps Sunday; a finer time told
    of another occasion by a mention that only refers back ('the clash', 'the visit')
    does not replace it."""
    if len(dated) < 2:
        return dated
    main = next((m for m in dated if not m.anaphoric), dated[0])
    return [m for m in dated if m is main or _times_meet(m, main)]


def _union(refs: object) -> list[Ref]:
    seen: dict[str, Ref] = {}
    for ref in refs:  # type: ignore[attr-defined]
        seen.setdefault(ref.id, ref)
    return list(seen.values())


def _grain(granularity: str | None) -> int:
    return GRANULARITY.index(granularity) if granularity in GRANULARITY else len(GRANULARITY)


def cluster(mentions: list[Mention]) -> list[Cluster]:
    """Group mentions; anaphoric ones ('the visit') join the latest compatible event."""
    clusters: list[Cluster] = []
    last: dict[str, Mention] = {}  # the mention of each type told last, kept or not
    for mention in mentions:
        before, last[mention.type] = last.get(mention.type), mention
        gathering = _changed_gathering(mention)
        kept = _worth_keeping(mention) or _took_parties_of_talks_before(mention, clusters)
        if not kept and not gathering:
            continue
        home = _find_home(mention, clusters, before)
        if home is not None:
            home.mentions.append(mention)
        elif (
            _starts_an_event(mention)
            or (_changed_plan(mention) and _took_parties_of_talks_before(mention, clusters, True))
            or gathering
        ):
            clusters.append(Cluster([mention]))
    return [
        c
        for c in clusters
        if c.sources() or c.first.type not in NEEDS_SOURCE or c.first.unnamed_speaker
    ]


def _starts_an_event(mention: Mention) -> bool:
    """A mention that joined no event is one of its own, unless it only refers back: 'the
    Ankara meeting' or 'the accord signed in Bishkek' with nothing told before to refer to
    and, for agreements, nobody named ('the November summit in Delhi was called off' is a
    summit of its own)."""
    if mention.place_named:
        return False
    if not mention.anaphoric:
        return True
    if mention.type in NEEDS_PARTY_TO_REFER:
        return bool(mention.participants())
    return bool(mention.participants() or mention.location)


def _worth_keeping(mention: Mention) -> bool:
    """An event needs a participant or a place, except crowds ('people protested');
    a visit or statement needs someone who visits or speaks ('the evidence arrived')."""
    if mention.anaphoric:
        return True
    if (
        mention.type == "STATEMENT"
        and mention.status == "negated"
        and mention.trigger.pos == "verb"
    ):
        return False  # 'has not confirmed', 'declined to say': nothing was stated (but 'his
        # address to parliament was cancelled' is a speech that did not take place)
    if mention.type in NEEDS_SOURCE:
        return bool(mention.sources) or mention.definite or mention.unnamed_speaker is not None
    if mention.type in NEEDS_PARTICIPANT:
        return bool(mention.participants())
    if mention.type == "THREATEN" and mention.unnamed_speaker is not None:
        return True  # 'Their union said it would strike … if …': a threat by no known actor
    return bool(mention.participants() or mention.location) or mention.type == "PROTEST"


PARTY_TALKS = {"MEET", "DISCUSS", "AGREE"}


def _changed_gathering(mention: Mention) -> bool:
    """'A business forum set for June 3 in Lima will not go ahead', 'the session scheduled
    for 10 December has been cancelled': a meeting called off or moved with a place or time
    of its own is a key event even when nobody is named in it and no talks were told before
    to lend it parties (participant null)."""
    return (
        mention.type == "MEET"
        and (mention.cancelled or mention.rescheduled)
        and not mention.participants()
        and not mention.place_named
        and not mention.other
        and bool(mention.location or mention.dated)
    )


def _changed_plan(mention: Mention) -> bool:
    """'The signing has been put off', 'the afternoon session was cancelled': a plan called
    off or moved that names no event told before is still one (a key event), between the
    parties of the talks told before it."""
    return mention.anaphoric and (mention.cancelled or mention.rescheduled)


def _took_parties_of_talks_before(
    mention: Mention, clusters: list[Cluster], changed: bool = False
) -> bool:
    """A meeting, negotiation or agreement told with its own place or time but nobody
    named ('at technical talks in Baku at the end of April', 'the ministers met in Dakar
    in 2019', 'a treaty signed in 1951') is between the parties of the talks or visit
    told before it in the article: it takes them, and so does one called off or put off
    with neither (``changed``). False when there are none to take."""
    if mention.type not in PARTY_TALKS or mention.participants() or mention.other:
        return False
    if not (mention.location or mention.dated or changed):
        return False
    if mention.status == "negated" and not (
        mention.type == "MEET" or mention.past_plan or mention.cancelled
    ):
        return False  # 'talks ended without agreement': no plan of the parties called off
    # 'A business forum set for June 24 in Arica has been called off': a meeting called off
    # is one of the parties told before, as one held is
    for candidate in reversed(clusters):
        two_sided = candidate.first.type == "VISIT" and candidate.targets()
        if candidate.first.type not in PARTY_TALKS and not two_sided:
            continue
        if (
            changed
            and candidate.first.type == mention.type
            and any(m.sentence == mention.sentence for m in candidate.mentions)
        ):
            # 'held a summit on Tuesday, after the meeting was postponed in October': the
            # plan changed is the event of its own sentence, told there as it ended
            return False
        parties = _union([*candidate.sources(), *candidate.targets()])
        if len({party.country or party.id for party in parties}) < 2:
            continue  # 'Prabowo had been set to host him': one side only
        if _before_the_occasion(mention, candidate):
            # 'Lopes met Mamani in La Paz on Monday. A border treaty signed in 1998 …': an
            # accord or talks of years before are their countries', not the two people's
            parties = _their_countries(parties) or parties
        if mention.symmetric:
            mention.sources = list(parties)
        else:
            mention.sources, mention.targets = list(parties[:1]), list(parties[1:])
        return True
    return False


def _before_the_occasion(mention: Mention, candidate: Cluster) -> bool:
    """The mention is dated to a time that ends before the candidate's occasion begins
    ('a treaty signed in 1998', 'last year's talks' after talks held on Monday)."""
    dated = [m for m in candidate.mentions if m.dated and m.time.earliest]
    if not (mention.dated and mention.time.latest and dated):
        return False
    return all(mention.time.latest < (m.time.earliest or "") for m in dated)


def _their_countries(parties: list[Ref]) -> list[Ref]:
    """The countries of people who all have one, two or more of them; none otherwise (a
    person of no known country stays the party: ``participants._occasion_parties``)."""
    if any(party.kind != "person" or not party.country for party in parties):
        return []
    found: dict[str, Ref] = {}
    for party in parties:
        country = party.country or ""
        found.setdefault(country, Ref(country, "country", country, party.start))
    return list(found.values()) if len(found) >= 2 else []


def _find_home(
    mention: Mention, clusters: list[Cluster], before: Mention | None = None
) -> Cluster | None:
    if mention.repeated:
        return None
    if mention.other:
        # 'a rival rally', 'In a separate blow, …': none of the events told before
        clusters = [c for c in clusters if c.first.sentence == mention.sentence]
    # 'It would be the first visit …' is about the article's main event, named first
    for candidate in clusters if mention.predicative else reversed(clusters):
        if candidate.first.type != mention.type or candidate.first.repeated:
            continue
        if not _statuses_meet(mention, candidate, before):
            continue
        if _separate_denials(mention, candidate):
            continue
        if _same_crowd(mention, candidate) or _same_unnamed_speaker(mention, candidate):
            return candidate
        if not mention.participants():
            return candidate if mention.anaphoric else None
        if compatible(mention, candidate):
            return candidate
        if mention.definite and not (candidate.sources() or candidate.targets()):
            return candidate  # 'People rallied in Paris. The protest was organised by FNSEA.'

    return None


CROWD_TYPES = {"PROTEST"}


def _same_crowd(mention: Mention, group: Cluster) -> bool:
    """Protests by no known actor ('thousands of protesters marched …; police arrested
    several marchers') are one event when nothing tells them apart: no organiser on
    either side, the same place (or none), overlapping times."""
    if mention.type not in CROWD_TYPES or mention.sources or group.sources():
        return False  # what they protest against may be worded differently each time
    if mention.repeated or mention.other or any(m.repeated for m in group.mentions):
        return False  # 'A rival rally was held in the city on the same day': a second one
    if not _same_country(mention.location, [m.location for m in group.mentions]):
        return False
    if mention.location and any(
        m.location and m.location.name != mention.location.name for m in group.mentions
    ):
        return False
    return all(_times_meet(mention, other) for other in group.mentions)


def _same_unnamed_speaker(mention: Mention, group: Cluster) -> bool:
    """'Police said …' twice in one article: one statement when nothing tells the
    occasions apart (the same unnamed speaker, times that meet)."""
    speaker = mention.unnamed_speaker
    if speaker is None or mention.participants() or group.sources():
        return False
    return group.first.unnamed_speaker == speaker and all(
        _times_meet(mention, other) for other in group.mentions
    )


def _separate_denials(mention: Mention, group: Cluster) -> bool:
    """Two things that did not happen, told in different sentences without 'the', are two
    ('ended without an agreement' … 'denied that Israel had agreed to a timetable')."""
    first = group.first
    return (
        mention.status == first.status == "negated"
        and mention.sentence != first.sentence
        and not (mention.anaphoric or mention.definite)
    )


def _statuses_meet(mention: Mention, group: Cluster, before: Mention | None = None) -> bool:
    """Same status group; a past plan also joins a cancellation ('has cancelled her trip …
    had been due to arrive on Tuesday') and the other way round."""
    first = group.first
    if GROUPS[first.status] == GROUPS[mention.status]:
        return True
    if mention.told_of or all(m.told_of for m in group.mentions):
        return True  # 'The visit marks …' tells no status: it joins the event told either side
    statuses = {first.status, mention.status}
    if statuses != {"planned", "negated"}:
        return False
    return mention.past_plan or first.past_plan or _calls_off(mention, group, before)


def _calls_off(mention: Mention, group: Cluster, before: Mention | None) -> bool:
    """'Orban will visit Kyiv on June 3. The trip has been called off': a cancellation that
    only refers back calls off the plan told just before it (not one told before another
    of its type), if it names it by the same word (any word of travel for a trip: 'a
    business forum was cancelled' is no summit) and its time meets the plan's."""
    if not (mention.cancelled and mention.anaphoric) or all(
        m is not before for m in group.mentions
    ):
        return False
    same_word = mention.trigger.lemma in {m.trigger.lemma for m in group.mentions}
    if not (same_word or mention.type == "VISIT"):
        return False
    return all(_times_meet(mention, other) for other in group.mentions)


def compatible(mention: Mention, group: Cluster) -> bool:
    """Same participants (allowing a minister for his government), places and times agree."""
    sources, targets = group.sources(), group.targets()
    if mention.sources and sources:
        if not _overlap(mention.sources, sources):
            return False
        if mention.symmetric and not _same_parties(mention.sources, sources):
            return False  # 'the G7 summit' and 'may meet Trump on the sidelines' are two meetings
    elif mention.definite and sources and not targets:
        pass  # 'Ndour invited him to visit. Mr. Tahiri accepted the invitation': the invitee
    elif not (mention.definite or not sources) or not _overlap(mention.targets, targets):
        return False  # without sources on one side, only the targets can tell
    if mention.targets and group.targets() and not _overlap(mention.targets, group.targets()):
        return False
    if not _same_country(mention.location, [m.location for m in group.mentions]):
        return False
    if _one_side_and_both(mention, group) or _head_and_body(mention, group):
        return False
    if mention.rescheduled or any(m.rescheduled for m in group.mentions):
        return True
    return all(
        _times_meet(mention, other) and not _far_from_undated(mention, other)
        for other in group.mentions
    )


def _refers_back(mention: Mention) -> bool:
    return mention.anaphoric or mention.definite or mention.predicative


def _one_side_and_both(mention: Mention, group: Cluster) -> bool:
    """'A Norwegian spokesman said …' and 'officials of both governments said …' in another
    sentence are two statements: the speakers of one are of one country, of the other of
    two or more that hold it, and neither refers back to the other."""
    if mention.type != "STATEMENT" or _refers_back(mention):
        return False
    if any(m.sentence == mention.sentence for m in group.mentions):
        return False
    own = {r.country for r in mention.sources if r.country}
    theirs = {r.country for r in group.sources() if r.country}
    if not own or not theirs or own == theirs:
        return False
    return (len(own) == 1 and own < theirs) or (len(theirs) == 1 and theirs < own)


def _head_and_body(mention: Mention, group: Cluster) -> bool:
    """'President Tembe said …' and, in another sentence, 'Malawi's energy ministry said
    …' are two statements (docs/annotation.md: one row per speaker and occasion): the
    speakers of one are heads of state or government, of the other a country, its
    ministry or a place standing for it (or of one a ministry its portfolio names, of the
    other the country), and neither refers back to the other."""
    if mention.type != "STATEMENT" or _refers_back(mention):
        return False
    if any(m.sentence == mention.sentence for m in group.mentions):
        return False
    own, theirs = mention.sources, group.sources()
    return bool(own and theirs) and (
        (_heads(own) and _bodies(theirs))
        or (_bodies(own) and _heads(theirs))
        or (_ministry(own) and _countries(theirs))
        or (_countries(own) and _ministry(theirs))
    )


def _ministry(refs: list[Ref]) -> bool:
    """'Lithuania's defence ministry': a body whose name gives its portfolio."""
    return all(
        r.kind == "government" and any(w in (r.role or "").lower() for w in PORTFOLIOS)
        for r in refs
    )


def _countries(refs: list[Ref]) -> bool:
    return all(r.kind == "country" for r in refs)


def _heads(refs: list[Ref]) -> bool:
    return all(r.kind == "person" and any(h in (r.role or "").lower() for h in HEADS) for r in refs)


def _bodies(refs: list[Ref]) -> bool:
    return all(r.kind in ("country", "government") or r.kind == "place" for r in refs)


#: how far from the article's days a dated mention tells another occasion than an undated
#: one of another sentence
FAR_DAYS = 365


def _far_from_undated(left: Mention, right: Mention) -> bool:
    """'Ghana and Norway agreed to open talks' and, in another sentence, 'Ghana and Norway
    signed their first agreement in 1979': a mention told without a time is of the
    article's days (its status bound), not of an occasion dated a year or more away,
    unless it refers back ('the agreement')."""
    if left.dated == right.dated or left.sentence == right.sentence:
        return False
    dated, undated = (left, right) if left.dated else (right, left)
    if _refers_back(undated):
        return False
    anchor = iso_day(undated.time.latest or undated.time.earliest)
    start, end = iso_day(dated.time.earliest), iso_day(dated.time.latest)
    if anchor is None or start is None or end is None:
        return False
    return (anchor - end).days > FAR_DAYS or (start - anchor).days > FAR_DAYS


def _overlap(left: list[Ref], right: list[Ref]) -> bool:
    """Some participant in common: the same actor, a place in the same country, or a
    government and one of its officials."""
    ids = {r.id for r in right}
    countries = {r.country or r.id for r in right}
    for ref in left:
        if ref.id in ids or (ref.place is not None and ref.country in countries):
            return True
        if any(_same_side(ref, other) or _same_side(other, ref) for other in right):
            return True
    return False


def _same_parties(left: list[Ref], right: list[Ref]) -> bool:
    """One set of parties holds the other, or both name the same countries ('Ghana and
    Norway signed' and 'their foreign ministers signed')."""
    if _nested({r.id for r in left}, {r.id for r in right}):
        return True
    sides = [{r.country for r in refs if r.country} for refs in (left, right)]
    return all(
        len(side) == len(refs) for side, refs in zip(sides, (left, right), strict=True)
    ) and (sides[0] == sides[1])


def _nested(left: set[str], right: set[str]) -> bool:
    return len(left) < 2 or len(right) < 2 or left <= right or right <= left


def _same_side(ref: Ref, other: Ref) -> bool:
    if ref.kind not in GOVERNMENT_KINDS or not ref.country or ref.country != other.country:
        return False
    if _other_portfolio(ref, other):
        return False
    return other.kind in GOVERNMENT_KINDS or other.place is not None or _official(other)


#: the portfolio words of ministries and of their ministers' titles
PORTFOLIOS = (
    "foreign", "interior", "defense", "defence", "finance", "trade", "justice", "health",
    "energy", "economy", "agriculture", "education", "transport", "labour", "labor",
)  # fmt: skip


def _other_portfolio(ref: Ref, other: Ref) -> bool:
    """'Foreign Minister Safadi' does not speak for 'Jordan's interior ministry': a
    ministry and an official whose titles name two different portfolios."""
    own = {w for w in PORTFOLIOS if w in (ref.role or "").lower()}
    theirs = {w for w in PORTFOLIOS if w in (other.role or "").lower()}
    return bool(own and theirs and not own & theirs)


def _official(ref: Ref) -> bool:
    """A person who may speak for a government but does not head it ('the Kremlin said …,
    Deputy Foreign Minister Rudenko said' is one statement; a president is no spokesman)."""
    role = (ref.role or "").lower()
    return ref.kind == "person" and bool(ref.country) and not any(h in role for h in HEADS)


def _same_country(place: Place | None, others: list[Place | None]) -> bool:
    """Places agree: same country, and not two different cities ('struck Kharkiv' and
    'struck Odesa' are two attacks)."""
    if place is None:
        return True
    for other in others:
        if other is None:
            continue
        if place.country and other.country and place.country != other.country:
            return False
        if place.kind == other.kind == "city" and place.name != other.name:
            return False
    return True


def _times_meet(left: Mention, right: Mention) -> bool:
    return not (left.dated and right.dated) or not times_apart(left.time, right.time)


def _countryless_place(ref: Ref) -> bool:
    """A place the gazetteer knows (a region, a sea, a lake) that lies in no one country."""
    return (
        ref.kind == "place" and not ref.country and ref.place is not None and bool(ref.place.kind)
    )


def to_event(group: Cluster, lexicon: Lexicon, doc_id: str, text: str) -> Event:
    """One Event from a cluster of mentions."""
    decider = group.status_mention()
    timed = group.time_mention()
    kind = lexicon.types[decider.type]
    sources, targets = group.sources(), group.targets()
    # a known place of no country ('the Caribbean', 'Lake Victoria') stands for no
    # government, but is where a visit goes ('a tour of Asia'); a name the gazetteer does
    # not know ('which Lopes will attend', a person the tagger missed) is kept
    sources = [r for r in sources if not _countryless_place(r)]
    if decider.type != "VISIT":
        targets = [r for r in targets if not _countryless_place(r)]
    if decider.type == "STATEMENT":
        sources.sort(key=lambda r: r.kind != "person")
    time = timed.time if timed else decider.time
    if timed is not None and decider.status == "ongoing" and timed.status != "ongoing":
        # 'is visiting … arrived on Monday': the visit runs from the arrival on
        time, timed = EventTime(None, timed.time.earliest, None, None), None
    event = Event(
        id="",
        type=decider.type,
        plover=kind.plover,
        cameo=kind.cameo,
        status=decider.status,
        dated=timed is not None,
        source=[r.id for r in sources],
        target=[r.id for r in targets if r.id not in {s.id for s in sources}],
        location=_location(group),
        time=EventTime(time.value, time.earliest, time.latest, time.granularity),
        attribution=next((m.attribution for m in group.mentions if m.attribution), None),
        evidence=_evidence(group, text),
        cue=decider.cue,
        trigger=decider.trigger.lemma,
        change=plan_change(group, decider.status, decider.cue, lexicon),
    )
    event.id = event_id(doc_id, event)
    return event


def plan_change(group: Cluster, status: str, cue: str | None, lexicon: Lexicon) -> str | None:
    """'postponed' when a mention moves the event (cues.json reschedule_verbs),
    'cancelled' when a cancellation cue decides a negated event, else None."""
    if any(m.rescheduled for m in group.mentions):
        return "postponed"
    if status == "negated" and calls_off(cue, lexicon.cues):
        return "cancelled"  # called off, or said not to take place
    return None


#: a year the text writes out ('March 2021'): a date no tense read back
_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d\d\b")


def drop_stale_plan_time(group: Cluster, event: Event, dct: date) -> bool:
    """A cancellation told at the DCT is about a future date: 'has cancelled her trip … had
    been due to arrive on Tuesday' cannot mean a Tuesday already past (the past tense may
    have pulled the timex back), so the event stays undated rather than misdated."""
    timed = group.time_mention()
    if event.status != "negated" or timed is None or not timed.past_plan:
        return False
    if (timed.time.latest or "9999") >= dct.isoformat():
        return False
    if any(_YEAR_WRITTEN.search(t.text) for t in timed.timexes):
        return False  # 'was due to visit Tbilisi from 22 to 24 March 2021': no tense moved it
    event.time, event.dated = EventTime(), False
    return True


def _location(group: Cluster) -> str | None:
    """The narrowest place the mentions give: a city or province before its country, a
    country before a continent or world region ('his trip to Africa … in Benin': Benin)."""
    places = [m.location for m in group.mentions if m.location is not None]
    if not places:
        return None
    timed = group.time_mention()
    if len({p.name for p in places if p.kind == "city"}) > 1 and timed and timed.location:
        # two cities: the one told with the event's time ('the meeting … in Batken' and
        # 'the next meeting … on 15-17 June in Dushanbe', joined by a misread status)
        return timed.location.name
    return min(places, key=_breadth).name


def _breadth(place: Place) -> int:
    if place.kind in ("facility", ""):
        return 1  # a venue after its city ('marched through central Goma' … 'ended at the
        # Rond-Point de la Poste': the guide's place is the city)
    if place.kind == "country":
        return 2
    if place.kind == "region" and place.country is None:
        return 3  # a continent or world region: wider than any country
    return 0


def _evidence(group: Cluster, text: str) -> list[Evidence]:
    spans = sorted({m.sentence for m in group.mentions})
    return [Evidence(start, end, text[start:end]) for start, end in spans]


def assign_ids(doc_id: str, events: list[Event]) -> None:
    """Give every event of a document its id from its final state; two events that hash
    alike (one protest told twice with no time, participants or offsets to tell them
    apart) get the second, third … id by counting, so ids are unique by construction."""
    seen: dict[str, int] = {}
    for event in events:
        ident = event_id(doc_id, event)
        count = seen.get(ident, 0)
        seen[ident] = count + 1
        event.id = ident if count == 0 else event_id(doc_id, event, salt=str(count))


def event_id(doc_id: str, event: Event, salt: str = "") -> str:
    """Deterministic, readable-ish: 'visit-' + 12 hex digits of a hash of what the event is."""
    parts = ["#" + salt] if salt else []
    key = "|".join(
        [
            doc_id,
            event.type,
            event.status,
            ",".join(sorted(event.source)),
            ",".join(sorted(event.target)),
            event.time.value or event.time.earliest or event.time.latest or "",
            str(event.evidence[0].start if event.evidence else 0),
            *parts,
        ]
    )
    return f"{event.type.lower()}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


def candidates(
    pair: tuple[Cluster, Event],
    pairs: list[tuple[Cluster, Event]],
    loose: list[Candidate],
    dct: date,
) -> None:
    """Times offered for an undated planned event: related dated events, nearby future dates."""
    event = pair[1]
    if event.dated or event.status not in ("planned", "possible"):
        return
    found: dict[str, Candidate] = {}
    for other_group, other in pairs:
        if other is event or not other.dated:
            continue
        if other.type not in RELATED.get(event.type, {event.type}):
            continue
        timed = other_group.time_mention()
        if (other.time.latest or "9999") < dct.isoformat():
            continue
        if other.status in ("planned", "possible") and set(other.source) & set(event.source):
            text = timed.timexes[0].text if timed and timed.timexes else ""
            value = other.time.value or ""
            found.setdefault(value, Candidate(value, other.status, text))
    for candidate in loose:
        found.setdefault(candidate.value, candidate)
    event.candidates = [c for c in found.values() if c.value]
