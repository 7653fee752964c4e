"""From merged mentions to events: merging, times inherited from anchors, plans called
off with a cancelled trip, the scene rules, candidate times and ids."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from dateline.events import merge, participants, scene, status, timing, venue
from dateline.events.lexicon import Lexicon
from dateline.events.mention import Mention
from dateline.events.triggers import lookup
from dateline.model import Candidate, Event, EventTime, Place, Timex, document_id, iso_day


def build_events(
    doc: Doc,
    lexicon: Lexicon,
    mentions: list[Mention],
    timexes: list[Timex],
    used: set[int],
    dct: date | None,
) -> list[Event]:
    """Merge mentions into events, inherit anchor times, add candidate times."""
    article = doc._.article
    text = doc.text
    doc_id = article.id if article is not None else document_id(text)
    groups = merge.cluster(mentions)
    pairs = [(g, merge.to_event(g, lexicon, doc_id, text)) for g in groups]
    inherited = _inherit_anchors(pairs)
    places, actors = list(doc._.places or []), list(doc._.actors or [])
    pairs = [
        (g, e)
        for g, e in pairs
        if not (
            all(m.trigger.gathering for m in g.mentions)
            and scene.attends_at_home(e, actors, places)
        )
    ]
    _part_of_cancelled_visit(pairs)
    _told_with_cancelled_visit(pairs)
    if dct is not None:
        pairs = [(g, e) for g, e in pairs if not _stale_past_plan(g, e, dct)]
        for group, event in pairs:
            timing.under_way(event, group.mentions, doc, dct)
            status.day_of_a_stay(event, group.mentions, doc, dct)
            timing.days_of_a_stay(event, group.mentions, doc, dct)
            status.range_over_the_dct(event, dct)
            timing.planned_span(event, group.mentions, doc)
            timing.no_date_set(event, group.mentions, doc, dct)
            merge.drop_stale_plan_time(group, event, dct)
        _follow_anchors(inherited)
        dated = [(g.mentions, e) for g, e in pairs]
        timing.new_time_told_after(dated, doc, timexes, dct)
        timing.date_lead(dated, mentions, doc, timexes, dct)
        timing.date_release_acts(dated, doc, dct)
        timing.date_briefing(dated, doc, dct)
        timing.date_by_notice(dated, doc, timexes, dct)
        free = _free_future_dates(timexes, used, dct)
        for pair in pairs:
            merge.candidates(pair, pairs, loose_candidates(pair[0], free, dct), dct)
    pairs = [(g, e) for g, e in pairs if not _end_of_a_trip(g, doc, lexicon)]
    events = scene.split_destinations([event for _, event in pairs], places)
    events = scene.drop_returns_home(events, actors, places)
    events = scene.drop_home_stops(events, actors)
    events = fold_stops_in_one_country(events, places)
    events = scene.attendance_visits(events, actors, places, lexicon.types["VISIT"])
    scene.share_trip_times(events, places)
    scene.share_visit_places(events, dct, actors)
    scene.stay_after_arrival(events, actors, places)
    venue.gathering_places(events)
    scene.share_visit_times(events, places)
    scene.date_schedule_rows(events, text, timexes, places)
    if dct is not None:
        scene.date_diary_entries(events, text, dct)
        scene.date_chronology_entries(events, text, timexes, dct)
        scene.share_dateline_place(events, text, actors, dct)
        scene.date_live_blog_entries(events, text, dct)
        written = written_on(text, timexes, dct)
        for event in events:
            agree_with_own_time(event, dct, lexicon.cues["carried_out_plans"], written)
    told = [(g.mentions, e) for g, e in pairs]  # each event with the mentions that tell it
    venue.said_after_gathering(events, told, doc)  # after the dateline's city
    venue.summons_at_home(actors, places, told, doc)  # before a ministry's country
    venue.addresses_to_parliament(events, actors, places, told, doc, text)
    venue.home_institution_places(events, actors, told, doc)
    venue.clause_places(told)  # after every other rule
    venue.measures_at_home(events, actors)  # after the clauses' places
    venue.venue_cities(events, places, text)
    venue.building_cities(told, places, text)
    venue.aid_to_the_country_in_view(events, places, actors, doc)
    venue.strikes_of_a_country(told, places, actors, doc)
    participants.held_by_the_state(events, places)  # once every event is placed
    participants.invited_by_the_host(told, places, actors, doc)  # so is this
    events = scene.guest_visits(events, actors, places, lexicon.types["VISIT"], text)  # last
    if article is not None and article.title:
        moved_by_headline(events, article.title)
    events = fold_same_occasion(events)
    merge.assign_ids(doc_id, events)
    return events


#: a headline saying that a plan moved: "Statement on President Biden's Rescheduled Travel
#: to Germany and Angola", "Obama postpones Asia trip"
_MOVED_HEADLINE = re.compile(
    r"\b(?:reschedul|postpon|delay|defer|push(?:es|ed|ing)?\s+back|puts?\s+off|"
    r"brought\s+forward|brings?\s+forward|moved?\s+(?:up|forward|back))\w*",
    re.IGNORECASE,
)
#: what a moved trip's headline speaks of
MOVED_TYPES = {"VISIT", "MEET", "DISCUSS"}


def moved_by_headline(events: list[Event], title: str) -> None:
    """'Statement on President Biden's Rescheduled Travel to Germany and Angola', whose body
    only says 'will travel to Germany from October 17-18': the planned trips and meetings
    of an article whose headline says they moved are moved plans (``change``), so that the
    linker finds the plan they replace and the story reads 'rescheduled'."""
    if not _MOVED_HEADLINE.search(title):
        return
    named = _headline_places(title)
    for event in events:
        if event.type not in MOVED_TYPES or event.status != "planned" or event.change:
            continue
        # only the plans the headline names by their place ('talks still postponed' over
        # a story that also tells of another trip moves that trip no more)
        places = {event.location or "", *event.target, *event.source}
        if named & {p.casefold() for p in places if p}:
            event.change = "postponed"


def _headline_places(title: str) -> set[str]:
    """Places a headline names, as lower-case names and ISO3 codes (casefolded)."""
    from dateline.actors.geo import country_code, find_city

    words = re.findall(r"[A-Za-zÀ-ÿ'’.-]+", title)
    found: set[str] = set()
    for size in (1, 2, 3):
        for n in range(len(words) - size + 1):
            phrase = " ".join(words[n : n + size]).strip(".")
            found.add(phrase.casefold())
            code = country_code(phrase)
            if code is None and phrase[:1].isupper():
                city = find_city(phrase)  # 'Vilnius trip': a trip to Lithuania
                code = city.country if city is not None else None
            if code is not None:
                found.add(code.casefold())
    return found


def fold_stops_in_one_country(events: list[Event], places: list[Place]) -> list[Event]:
    """A trip is one visit per destination country: a later undated visit by the same
    traveller, with the same status, to a place in the country of a visit told before
    ('will travel to Vietnam … His visit to the Mekong Delta will …') is a stop of that
    visit, not a visit of its own. A stop dated apart from the trip's days stays a row."""
    where = {p.name: p.country for p in places if p.country}
    kept: list[Event] = []
    for event in events:
        trip = next((e for e in kept if _same_trip(event, e, where)), None)
        if trip is None:
            kept.append(event)
            continue
        seen = {(e.start, e.end) for e in trip.evidence}
        trip.evidence.extend(e for e in event.evidence if (e.start, e.end) not in seen)
    return kept


def fold_same_occasion(events: list[Event]) -> list[Event]:
    """A visit or meeting told twice with the same status and the same time value, by
    parties one set of which holds the other, is one occasion: one row with both tellings'
    evidence (docs/annotation.md: one row per real event), the row naming more parties
    kept, placed where the other places it. A visit may be unplaced in one telling ('Powell
    said after flying over Banda Aceh Wednesday' beside 'visited Aceh Province Wednesday',
    'last travelled abroad in August, when she attended the summit in Asuncion'). A meeting
    needs the same place in both, and the one of fewer parties must not be told by 'meet':
    one leader holds several meetings a day ('talks with the president in Vilnius on June
    9 … will also meet members of the Polish minority'), while 'Donnelly told a news
    conference after the talks' in Bali refers back to the talks held there that day."""
    kept: list[Event] = []
    for event in events:
        twin = next((e for e in kept if _same_occasion(event, e)), None)
        if twin is None:
            kept.append(event)
            continue
        if len(set(event.source)) > len(set(twin.source)):
            twin.source, twin.target = list(event.source), list(event.target)
        twin.location = twin.location or event.location
        seen = {(e.start, e.end) for e in twin.evidence}
        twin.evidence.extend(e for e in event.evidence if (e.start, e.end) not in seen)
    return kept


def _same_occasion(one: Event, other: Event) -> bool:
    if one.type != other.type or one.type not in ("VISIT", "MEET") or one.status != other.status:
        return False
    if not one.time.value or one.time.value != other.time.value:
        return False
    if one.location and other.location and one.location != other.location:
        return False
    mine, theirs = set(one.source), set(other.source)
    if not (mine & theirs and (mine <= theirs or theirs <= mine)):
        return False
    if one.type == "MEET":
        # 'told a news conference after the talks in Bali' refers back to the talks; 'will
        # also meet members of the minority in Vilnius' that day is a meeting of its own
        fewer = one if len(mine) <= len(theirs) else other
        return bool(one.location and other.location) and fewer.trigger != "meet"
    return True


def _same_trip(stop: Event, trip: Event, where: dict[str, str]) -> bool:
    if stop.type != "VISIT" or trip.type != "VISIT" or stop.status != trip.status:
        return False
    if stop.dated or not set(stop.source) & set(trip.source):
        return False
    country = _destination(stop, where)
    return country is not None and country == _destination(trip, where)


def _destination(visit: Event, where: dict[str, str]) -> str | None:
    """The one country a visit goes to: its target country, else its place's."""
    codes = {t for t in visit.target if len(t) == 3 and t.isupper()}  # ISO3 codes
    if visit.location in where:
        codes.add(where[visit.location or ""])
    return codes.pop() if len(codes) == 1 else None


#: the words that tie a return to the trip it ends ('before returning', 'after attending')
TRIP_END_MARKS = {"before", "after", "then"}


def _end_of_a_trip(group: merge.Cluster, doc: Doc, lexicon: Lexicon) -> bool:
    """'will fly in on November 4 and return to Canberra on November 6', 'flies on to Praia
    … before returning to Lisbon', 'returned to Abuja after attending the inauguration in
    Accra': a return told with the journey it ends is the traveller going home, the end of
    that trip, no visit of its own (its day still bounds the trip: timing.planned_span).
    'will return to Japan in August for a conference' tells no other journey: a visit."""
    if any(m.type != "VISIT" or m.trigger.lemma != "return" for m in group.mentions):
        return False
    return all(_told_with_its_journey(doc[m.token], lexicon) for m in group.mentions)


def _told_with_its_journey(verb: Token, lexicon: Lexicon) -> bool:
    def journey(token: Token) -> bool:
        found = lookup(token, lexicon)
        return found is not None and found.type == "VISIT" and token.lemma_.lower() != "return"

    def journey_or_attending(token: Token) -> bool:
        return journey(token) or token.lemma_.lower() == "attend"

    head = verb.head
    if verb.dep_ == "conj" and journey(head):
        return True  # 'fly in on November 4 and return to Canberra'
    if verb.dep_ in ("pcomp", "advcl") and head.lower_ in TRIP_END_MARKS and journey(head.head):
        return True  # 'flies on to Praia … before returning to Lisbon'
    if (
        verb.dep_ == "advcl"
        and journey(head)
        and any(c.dep_ == "mark" and c.lower_ in TRIP_END_MARKS for c in verb.children)
    ):
        return True
    # 'returned to Abuja after attending the inauguration', 'after a three-day state visit'
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in TRIP_END_MARKS:
            continue
        if any(journey_or_attending(c) for c in prep.children if c.dep_ in ("pobj", "pcomp")):
            return True
    return False


def _stale_past_plan(group: merge.Cluster, event: Event, dct: date) -> bool:
    """'was to meet Aoun on Monday' with that Monday gone and nothing said of what became
    of the plan: neither planned (its time is past) nor occurred (nobody says it was held),
    so no event (docs/annotation.md, 'a past plan')."""
    if event.status != "planned" or not all(m.past_plan for m in group.mentions):
        return False
    return bool(event.time.latest) and (event.time.latest or "") < dct.isoformat()


def _part_of_cancelled_visit(pairs: list[tuple[merge.Cluster, Event]]) -> None:
    """'Macron has cancelled a state visit … on Thursday and Friday. Macron had been
    scheduled to hold talks with the king on Friday': a plan told in the past that falls
    within a cancelled visit by the same person is called off with it, and was to be held
    where the trip went."""
    cancelled = [e for _, e in pairs if e.type == "VISIT" and e.status == "negated" and e.dated]
    for group, event in pairs:
        if event.status != "planned" or not all(m.past_plan for m in group.mentions):
            continue
        for visit in cancelled:
            inside = (visit.time.earliest or "") <= (event.time.earliest or "~") and (
                event.time.latest or ""
            ) <= (visit.time.latest or "")
            if inside and set(event.source) & set(visit.source):
                event.status, event.cue, event.change = "negated", "cancelled visit", "cancelled"
                event.location = event.location or visit.location  # where the trip went
                break


#: what a trip is planned for: called off with the trip when told in its plan's sentence
TRIP_PURPOSES = {"MEET", "DISCUSS", "AGREE", "COOPERATE"}


def _told_with_cancelled_visit(pairs: list[tuple[merge.Cluster, Event]]) -> None:
    """'Merz had been set to arrive in Brasilia next Monday for two days of talks with
    Lula. Berlin called off the trip': what the cancelled trip's plan names in the same
    sentence (talks, a signing) is called off with it and keeps the trip's time and place."""
    for vgroup, visit in pairs:
        if visit.type != "VISIT" or visit.status != "negated":
            continue
        plan_sentences = {m.sentence for m in vgroup.mentions if m.past_plan}
        for group, event in pairs:
            if event.type not in TRIP_PURPOSES or event.status != "planned":
                continue
            if not any(m.sentence in plan_sentences for m in group.mentions):
                continue
            event.status, event.cue, event.change = "negated", "cancelled visit", "cancelled"
            event.location = event.location or visit.location  # where the trip went
            if not event.dated and visit.dated:
                event.time, event.dated = replace(visit.time), True


def _inherit_anchors(pairs: list[tuple[merge.Cluster, Event]]) -> list[tuple[Event, Event]]:
    """Events told during another ('will sign the agreement during the visit') take its time
    and place; returns (event, host) for each event that took a time."""
    owner = {m.token: (g, e) for g, e in pairs for m in g.mentions}
    inherited = []
    for group, event in pairs:
        for mention in group.mentions:
            if mention.anchor is None or mention.anchor not in owner:
                continue
            _, host = owner[mention.anchor]
            if mention.trigger.gathering:  # 'Li will not attend': the summit's place
                event.location = event.location or host.location
                if all(m.trigger.away for m in group.mentions):
                    # 'withdrew last week': the withdrawal's day is not the visit's; it
                    # stays away from the gathering's days, or an undated one
                    event.time, event.dated = replace(host.time), host.dated
                    if host.dated:
                        inherited.append((event, host))
                    continue
                if event.dated and host.dated and _within(event.time, host.time):
                    # 'the summit on 7-8 July, which Han will attend': the clause hangs on
                    # the first day; the attendee is there for the summit's days
                    event.time = host.time
            if event.dated:
                continue
            if host.dated:
                event.time, event.dated = host.time, True
                inherited.append((event, host))
            event.location = event.location or host.location
    return inherited


def _follow_anchors(inherited: list[tuple[Event, Event]]) -> None:
    """A host whose time the stated length then widened ('begins a three-day state visit,
    until March 15': the days up to March 15) gives the widened time to what happens
    during it, not the day it had before."""
    for event, host in inherited:
        if host.dated and event.time is not host.time and _within(event.time, host.time):
            event.time = host.time


def _within(inner: EventTime, outer: EventTime) -> bool:
    return (
        (outer.earliest or "")
        <= (inner.earliest or "")
        <= (inner.latest or "")
        <= (outer.latest or "9999")
    )


def _free_future_dates(timexes: list[Timex], used: set[int], dct: date) -> list[Timex]:
    """Dated timexes that attach to no event and do not end before the DCT, by start."""
    day = dct.isoformat()
    free = [
        t
        for n, t in enumerate(timexes)
        if n not in used and (t.latest or "") >= day and timing.is_dated(t)
    ]
    return sorted(free, key=lambda t: t.start)


def loose_candidates(group: merge.Cluster, free: list[Timex], dct: date) -> list[Candidate]:
    """Future dates in the event's own sentences that attach to no event; ``free`` is in
    text order, so each sentence is a binary search rather than a scan of all of them."""
    day = dct.isoformat()
    found = []
    for mention in group.mentions:
        start, end = mention.sentence
        for timex in free[bisect_left(free, start, key=lambda t: t.start) :]:
            if timex.start >= end:
                break
            if (timex.latest or "") >= day and timing.is_dated(timex):
                found.append(Candidate(timex.value, mention.status, timex.text))
    return found


#: cues of a plan told as still ahead ('will arrive', 'is to sign', 'is scheduled to meet')
FORWARD_CUES = {"will", "is to", "schedule", "call", "plan", "expect"}
#: the words that tell when the text itself was written ('this issue went to press on …')
WRITTEN_ON = re.compile(
    r"\b(?:went to press|(?:was|were) (?:compiled|written|finalised|finalized))\s+on\s*$",
    re.IGNORECASE,
)


def written_on(text: str, timexes: list[Timex], dct: date) -> date | None:
    """The day a text says it was written, before the day it carries ('The items in this
    issue were compiled on October 9', '(this issue went to press on April 16)')."""
    for timex in timexes:
        day = iso_day(timex.earliest)
        if timex.granularity != "day" or day is None:
            continue
        if not WRITTEN_ON.search(text[max(0, timex.start - 40) : timex.start]):
            continue
        if not re.search(r"\d{4}", timex.text):
            # 'went to press on August 28': the last such day up to the DCT, whatever
            # year the story told before ('in 2023') led the tagger to
            try:
                day = day.replace(year=dct.year)
                day = day if day <= dct else day.replace(year=dct.year - 1)
            except ValueError:  # 29 February
                continue
        if day < dct:
            return day
    return None


def _written_before(event: Event, written: date | None) -> bool:
    """'will pay his state visit on April 26-28' in an issue that went to press on April 16
    and carries May 3: a plan told as still ahead when the text was written keeps its day."""
    latest = iso_day(event.time.latest)
    if written is None or event.cue not in FORWARD_CUES or latest is None:
        return False
    return latest >= written


def agree_with_own_time(
    event: Event, dct: date, carried_out: list[str], written: date | None = None
) -> None:
    """No status that its own time contradicts: an event dated after the DCT has not
    occurred nor is it under way, so it is planned ('the visit, which had been scheduled
    for March 9-10, has been pushed back' read in the past with its future dates); a plan
    whose whole time lies before the DCT keeps no time (the date belongs to another clause,
    or the plan moved)."""
    day = dct.isoformat()
    if timing.carry_out(event, dct, carried_out):
        return
    if event.status in ("occurred", "ongoing") and (event.time.earliest or "") > day:
        # 'On Wednesday, Bush goes to Bucharest for the summit': a present with a future day
        event.status, event.cue = "planned", f"{event.cue} + future time"
    elif event.status == "planned" and event.time.latest and event.time.latest < day:
        if _written_before(event, written):
            return
        event.time, event.dated = EventTime(None, day, None, None), False
        event.cue = f"{event.cue} + past time dropped"
