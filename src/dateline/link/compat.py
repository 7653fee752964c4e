"""When two event mentions may denote one real-world event: pure comparisons.

Every event gets a *link window* ``[lo, hi]`` (ISO dates): its own time when
the text gives one, else a window implied by its status around the article
date, widened where the facet points elsewhere in time (an invitation points
to a later trip; a postponement points back to the date it replaces).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple, Protocol

from dateline.link.settings import LinkSettings
from dateline.model import iso_day

#: the statuses of an event under way or held
HELD = ("ongoing", "occurred")

ISO3 = re.compile(r"[A-Z]{3}")
#: the role of the country an event of ``hosted_types`` is held in (see ``hosted``)
HOST = "host"
#: the level of a location the event's sentences do not name (``linker.named_in``)
CARRIED = "carried"
#: a place named as a building or site ("the Presidential Palace", "Rideau Hall"): it lies in
#: some city, which its name does not tell
SITE = "site"
#: the level of the place of a journey home (``journey_home``): where the trip it ends came
#: back to, not where that trip went
HOME = "home"
#: levels of a place linking does not compare, locate a story by, nor host an event in
UNPLACED = frozenset({CARRIED, HOME})
COUNTRYLIKE_KINDS = frozenset({"country", "government"})
FAR_PAST, FAR_FUTURE = "0001-01-01", "9999-12-31"


class Participant(NamedTuple):
    """An event's source or target actor, with the country it stands for or belongs to.

    A named tuple, not a dataclass: comparisons are memoized on tuples of these, and
    tuples hash in C."""

    id: str
    role: str  # source | target | host
    country: str | None
    countrylike: bool  # a country or its government: matches its members


@dataclass(frozen=True)
class PlaceInfo:
    """An event's location name resolved to a country and a level where known."""

    name: str | None = None
    country: str | None = None
    level: str | None = None  # country | region | local | site | carried (named elsewhere) | home


class Linkable(Protocol):
    """What the link relation reads of an event (``participants_match``, ``late_plan``): a
    ``Member``, or the ``Linked`` view a story's summary keeps of its last members."""

    @property
    def id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def family(self) -> str: ...
    @property
    def lo(self) -> str: ...
    @property
    def hi(self) -> str: ...
    @property
    def participants(self) -> tuple[Participant, ...]: ...
    @property
    def dated(self) -> bool: ...
    @property
    def status(self) -> str: ...


@dataclass
class Member:
    """One event as linking sees it."""

    id: str
    document_id: str
    dct: str
    type: str
    family: str
    status: str
    dated: bool
    value: str | None
    earliest: str | None
    latest: str | None
    granularity: str | None
    lo: str
    hi: str
    participants: tuple[Participant, ...]
    place: PlaceInfo
    postponed: bool = False
    story_id: str | None = None
    cancelled: bool = False  # called off ("was cancelled"), not only denied
    guest: bool = False  # a guest's visit read from a meeting abroad (``guest_visit``)


#: the end of the cue of a visit the events step reads from a meeting abroad, one per
#: named guest (``dateline.events.scene.guest_visits``: "met on the sidelines of the
#: summit in Lima" is a VISIT to Peru of each guest, beside the MEET)
GUEST_CUE = "+ guest abroad"


def guest_visit(kind: str, cue: str | None) -> bool:
    """Whether an event is a guest's visit read from a meeting abroad: a facet of that
    meeting's story, which names neither the story's type nor its dates."""
    return kind == "VISIT" and bool(cue) and cue.endswith(GUEST_CUE)  # type: ignore[union-attr]


def participant(actor_id: str, role: str, kind: str | None, country: str | None) -> Participant:
    """A participant from an actor row (ISO3 ids without a row count as countries)."""
    countrylike = (kind in COUNTRYLIKE_KINDS) or (kind is None and bool(ISO3.fullmatch(actor_id)))
    if countrylike and not country and ISO3.fullmatch(actor_id):
        country = actor_id
    return Participant(actor_id, role, country, countrylike)


def stored_keys(parts: tuple[Participant, ...]) -> set[str]:
    """Index keys under which an event is found by its neighbours."""
    keys = {"a:" + p.id for p in parts}
    keys |= {("c:" if p.countrylike else "m:") + p.country for p in parts if p.country}
    return keys


def lookup_keys(parts: tuple[Participant, ...], settings: LinkSettings) -> set[str]:
    """Index keys to search for an event's possible neighbours."""
    keys = {"a:" + p.id for p in parts}
    for p in parts:
        if not p.country:
            continue
        keys.add("c:" + p.country)
        if p.countrylike and settings.country_matches_member:
            keys.add("m:" + p.country)
    if not settings.country_matches_member:
        keys = {k for k in keys if not k.startswith("c:") or _has_countrylike(parts, k[2:])}
    return keys


def parties_of(parts: tuple[Participant, ...], settings: LinkSettings) -> int:
    """How many distinct parties take part (memoized ``parties``)."""
    return _parties(parts, settings)


def pairs_needed(parts: tuple[Participant, ...], settings: LinkSettings) -> bool:
    """Whether a neighbour with two parties or more must share two participants with an
    event of these participants (then it shares a pair key, see ``pair_keys``)."""
    return settings.min_shared_participants >= 2 and _parties(parts, settings) >= 2


def pair_keys(parts: tuple[Participant, ...], settings: LinkSettings, lookup: bool) -> set[str]:
    """Keys of pairs of participants: two events that share two participants (two ids on
    each side, matched one to one, as ``shared_count`` >= 2 implies) share one of these.

    ``lookup`` gives the keys to search with, else the keys to be found under."""
    allowed = lookup_keys(parts, settings) if lookup else None
    each = []
    for p in parts:
        keys = lookup_keys((p,), settings) if lookup else stored_keys((p,))
        if lookup:
            keys = (keys | _member_keys(p, settings)) & (allowed or set())
        each.append(keys)
    out = set()
    for i in range(len(parts)):
        for j in range(i + 1, len(parts)):
            if parts[i].id == parts[j].id:
                continue
            out |= {_pair(k, m) for k in each[i] for m in each[j]}
    return out


def _member_keys(p: Participant, settings: LinkSettings) -> set[str]:
    # lookup_keys of one participant drops its own c: key when matching members is off
    # and it is not countrylike; the whole tuple's filter (``allowed``) decides instead.
    return {"c:" + p.country} if p.country else set()


@lru_cache(maxsize=1 << 16)
def _pair(a: str, b: str) -> str:
    # Memoized: a hash per pair of keys, and the same actors' keys pair again and again
    # in events whose participants as a whole are new (the memos of those miss).
    low, high = sorted((a, b))
    return "p:" + hashlib.sha1(f"{low}\x1f{high}".encode()).hexdigest()[:32]


def _has_countrylike(parts: tuple[Participant, ...], country: str) -> bool:
    return any(p.countrylike and p.country == country for p in parts)


def same_actor(p: Participant, q: Participant, settings: LinkSettings) -> bool:
    """One actor, or a country (or its government) and someone who belongs to it."""
    if p.id == q.id:
        return True
    if not (p.country and p.country == q.country):
        return False
    if p.countrylike and q.countrylike:
        return True
    return settings.country_matches_member and (p.countrylike or q.countrylike)


def _same_party(p: Participant, q: Participant, settings: LinkSettings) -> bool:
    """``same_actor``, except that two events held in one country do not share it: a host
    country counts only against a party the other event names (two meetings in one city
    with different people are not one meeting)."""
    return not (p.role == HOST and q.role == HOST) and same_actor(p, q, settings)


def shared_count(
    a: tuple[Participant, ...], b: tuple[Participant, ...], settings: LinkSettings
) -> int:
    """How many participants the two sides have in common (the smaller of both counts)."""

    def covered(xs: tuple[Participant, ...], ys: tuple[Participant, ...]) -> int:
        ids = {x.id for x in xs if any(_same_party(x, y, settings) for y in ys)}
        return len(ids)

    return min(covered(a, b), covered(b, a))


def parties(parts: tuple[Participant, ...], settings: LinkSettings) -> int:
    """How many distinct parties the event names ("Côte d'Ivoire and its minister" are one;
    the country it is held in is not counted)."""
    groups: list[list[Participant]] = []
    for p in named(parts):
        home = next((g for g in groups if any(same_actor(p, q, settings) for q in g)), None)
        if home is None:
            groups.append([p])
        else:
            home.append(p)
    return len(groups)


def _role(parts: tuple[Participant, ...], role: str) -> tuple[Participant, ...]:
    return tuple(p for p in parts if p.role == role)


def roles_agree(
    a: tuple[Participant, ...],
    a_type: str,
    b: tuple[Participant, ...],
    b_type: str,
    settings: LinkSettings,
) -> bool:
    """Directed facets must keep their direction (Kim visits Russia is not Putin visits Korea,
    ``role_pairs``), and an inviter is not the traveller (``role_apart``)."""
    for left, right in _pairs(settings.role_pairs, a, a_type, b, b_type):
        xs, ys = _role(left[0], left[1]), _role(right[0], right[1])
        if xs and ys and shared_count(xs, ys, settings) == 0:
            return False
    for left, right in _pairs(settings.role_apart, a, a_type, b, b_type):
        xs, ys = _role(left[0], left[1]), _role(right[0], right[1])
        if xs and ys and shared_count(xs, ys, settings) > 0:
            return False
    return True


def _pairs(
    rules: dict[tuple[str, str], tuple[tuple[str, str], ...]],
    a: tuple[Participant, ...],
    a_type: str,
    b: tuple[Participant, ...],
    b_type: str,
) -> list[tuple[tuple[tuple[Participant, ...], str], tuple[tuple[Participant, ...], str]]]:
    """The (participants, role) pairs a rule of ``rules`` compares, in the rule's order."""
    if (a_type, b_type) in rules:
        return [((a, left), (b, right)) for left, right in rules[(a_type, b_type)]]
    return [((b, left), (a, right)) for left, right in rules.get((b_type, a_type), ())]


def named(parts: tuple[Participant, ...]) -> tuple[Participant, ...]:
    """The participants the event names (not the country it is held in)."""
    return tuple(p for p in parts if p.role != HOST)


def hosted(
    parts: tuple[Participant, ...], event_type: str, place: PlaceInfo, settings: LinkSettings
) -> tuple[Participant, ...]:
    """The participants, with the country an event of ``hosted_types`` is held in as a
    party (role ``host``): Bush meeting APEC leaders in Hanoi shares Bush and Vietnam with
    Bush's visit to Vietnam. Events without a named participant get none."""
    country = place.country
    if place.level in UNPLACED:
        return parts
    if event_type not in settings.hosted_types or not country or not named(parts):
        return parts
    if any(p.countrylike and p.country == country for p in parts):
        return parts
    return (*parts, Participant(country, HOST, country, True))


def journey_home(
    parts: tuple[Participant, ...],
    event_type: str,
    status: str,
    dated: bool,
    settings: LinkSettings,
) -> bool:
    """Whether an event is a trip back to its travellers' own country (``journey_home``):
    every source belongs to the one country all its destinations name ("Figueira returned
    to Brasília", after her state visit to South Africa), and it was made or is set for a
    date. A plan without a date of its own is no such trip ("invited him to visit Chile",
    read with the inviter for the traveller, is another's visit), nor is a stay at home
    under way ("Fortier held talks ... in Abuja", read as a visit to her own country)."""
    if event_type not in settings.home_types or not (
        status == "occurred" or (status == "planned" and dated)
    ):
        return False
    sources, targets = _role(parts, "source"), _role(parts, "target")
    homes = {t.country for t in targets if t.countrylike}
    if not sources or not targets or len(homes) != 1 or not all(t.countrylike for t in targets):
        return False
    return all(p.country in homes for p in sources)


def participants_match(e: Linkable, f: Linkable, settings: LinkSettings) -> int:
    """Number of shared participants when enough are shared, else 0."""
    if not named(e.participants) or not named(f.participants):
        return 0
    if _trip_elsewhere(e, f, settings) or _trip_elsewhere(f, e, settings):
        return 0
    return _match(e.participants, e.type, f.participants, f.type, settings)


def trip_unplaced(e: Linkable, settings: LinkSettings) -> bool:
    """Whether ``e`` reports a trip made, without a date of its own, that names its
    traveller alone: no destination ("has travelled abroad sparingly", "would not be in a
    position to receive the President", read as a visit held). A traveller on a tour makes
    one such trip a leg, and makes several in a month."""
    return (
        e.type in settings.home_types
        and e.status == "occurred"
        and not e.dated
        and _parties(e.participants, settings) == 1
    )


def _trip_elsewhere(e: Linkable, f: Linkable, settings: LinkSettings) -> bool:
    """Whether ``e``, a trip made without a date or a destination (``trip_unplaced``),
    cannot tell ``f`` is its trip: only a trip of its type that names where it went can
    (the traveller and a country), not another such report nor the traveller's talks or
    calls, which its month-long window holds whatever leg or trip they belong to (a visit to
    La Paz in March and a call with Finland's president in April)."""
    if not trip_unplaced(e, settings):
        return False
    return not (f.type == e.type and _parties(f.participants, settings) >= 2)


def same_dated(
    e: Linkable,
    kind: str,
    parts: tuple[Participant, ...],
    dated: bool,
    window: tuple[str, str],
    settings: LinkSettings,
) -> int:
    """1 when ``e`` and an event of ``kind``, ``parts`` and link ``window`` are two reports
    of one dated event though they share fewer parties than ``participants_match`` asks:
    of one type, both with a date of their own of at most ``same_date`` days, one date
    holding the other, and either one names no one who acts (a strike, a rally: "a rally
    outside parliament on April 3") or they share a party named as itself ("Uganda and
    Kenya signed a memorandum on March 3" and "Ssemakula's Uganda signed it on March 3"), or,
    both dated within ``same_date_member`` days, a country and a person of it ("Gasimov
    will sign on April 21-22" and "Georgia and Azerbaijan signed on April 22"), directions
    agreeing; or both dated to one whole year, sharing a party named as itself, every
    country of one side's parties among the other's (a past event named by its year: "the
    memorandum Uganda and Kenya signed in 2016" and "Ssemakula's Uganda, which signed the
    2016 memorandum"). Else 0."""
    if kind != e.type or not (dated and e.dated) or settings.is_precursor(kind):
        return 0
    if kind in settings.speech_types:  # said every day: one date says nothing
        return 0
    nobody = not _role(e.participants, "source") or not _role(parts, "source")
    if not (_short(e.lo, e.hi, settings) and _short(*window, settings)):
        # A past event named by its year ("the 2016 memorandum") in two articles: one party
        # named as itself, and no country of one side that the other does not name.
        if not (window == (e.lo, e.hi) and whole_year(e.lo, e.hi)) or nobody:
            return 0
        if not (_one_party(e.participants, parts) and _countries_hold(e.participants, parts)):
            return 0
        return int(roles_agree(e.participants, e.type, parts, kind, settings))
    if not _holds((e.lo, e.hi), window):
        return 0
    if not nobody and not _one_party(e.participants, parts):
        # A country and a person of it are one party only on a date a week at most: a
        # day says which signing it is, a month does not.
        days = settings.same_date_member_days
        if not (days and _short(e.lo, e.hi, settings, days) and _short(*window, settings, days)):
            return 0
        if not any(same_actor(x, y, settings) for x in named(e.participants) for y in named(parts)):
            return 0
    return int(roles_agree(e.participants, e.type, parts, kind, settings))


@lru_cache(maxsize=1 << 16)
def date_keys(
    kind: str, parts: tuple[Participant, ...], dated: bool, settings: LinkSettings, lookup: bool
) -> tuple[str, ...]:
    """Index keys under which two reports of one dated event that share fewer parties than
    ``participants_match`` asks find each other (``same_dated``): by type and each party
    named as itself (an actor's id, a country or government's country); an event that
    names no one who acts is found under its type alone (``d:TYPE|-``) and looks for every
    event of its type (``d:TYPE|*``). ``lookup`` gives the keys to search with, else the
    keys to be found under. None for a report without a date of its own, an invitation or
    a statement (memoized: a story's members repeat the same few)."""
    if not dated or settings.same_date_days <= 0 or settings.is_precursor(kind):
        return ()
    if kind in settings.speech_types:
        return ()
    head = f"d:{kind}|"
    keys = {head + k for k in _itself(parts, settings)}
    nobody = not _role(parts, "source")
    if lookup:
        keys |= {head + "-", *([head + "*"] if nobody else [])}
    else:
        keys |= {head + "*", *([head + "-"] if nobody else [])}
    return tuple(sorted(keys))


def event_date_keys(e: Linkable, settings: LinkSettings, lookup: bool) -> tuple[str, ...]:
    """``date_keys`` of an event whose window is short enough for ``same_dated``, or one
    whole year."""
    if not (e.dated and (_short(e.lo, e.hi, settings) or whole_year(e.lo, e.hi))):
        return ()
    return date_keys(e.type, e.participants, True, settings, lookup)


def _itself(parts: tuple[Participant, ...], settings: LinkSettings) -> set[str]:
    """Keys of the parties as themselves (``_one_party``): ids, and countries of a country
    or its government; and, when a country and a person of it may be the shared party
    (``same_date_member``), every party's country (``m:``)."""
    keys = {"a:" + p.id for p in named(parts)}
    keys |= {"c:" + p.country for p in named(parts) if p.countrylike and p.country}
    if settings.same_date_member_days:
        keys |= {"m:" + p.country for p in named(parts) if p.country}
    return keys


def whole_year(lo: str, hi: str) -> bool:
    """Whether a window is one whole calendar year ("in 2016")."""
    return lo[:4] == hi[:4] and lo[4:] == "-01-01" and hi[4:] == "-12-31"


def _countries_hold(a: tuple[Participant, ...], b: tuple[Participant, ...]) -> bool:
    """Whether the countries one side's parties are of are among the other's (Uganda and
    Kenya, and Uganda's minister; not Chile and Peru, and Chile and Bolivia)."""
    ca = {p.country for p in named(a) if p.country}
    cb = {p.country for p in named(b) if p.country}
    return ca <= cb or cb <= ca


def _holds(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One interval holds the other ("April" and "April 10")."""
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def _short(lo: str, hi: str, settings: LinkSettings, days: int = 0) -> bool:
    first, last = iso_day(lo), iso_day(hi)
    if first is None or last is None:
        return False
    return (last - first).days < (days or settings.same_date_days)


def short_span(lo: str, hi: str, days: int) -> bool:
    """Whether the days ``lo`` to ``hi`` are fewer than ``days``."""
    first, last = iso_day(lo), iso_day(hi)
    return first is not None and last is not None and (last - first).days < days


@lru_cache(maxsize=1 << 16)
def _match(
    a: tuple[Participant, ...],
    a_type: str,
    b: tuple[Participant, ...],
    b_type: str,
    settings: LinkSettings,
) -> int:
    # Memoized: the reports of one story repeat the same participants over and over.
    distinct = min(_parties(a, settings), _parties(b, settings))
    needed = max(1, min(settings.min_shared_participants, distinct))
    if _shared_at_most(a, b) < needed:  # most pairs of a busy country's events end here
        return 0
    shared = shared_count(a, b, settings)
    if shared < needed:
        return 0
    if shared < settings.min_shared_participants and not _one_party(a, b):
        # One party in common, and only as a country and someone of it: "France" and
        # "Macron and Bayrou" are not one meeting.
        return 0
    return shared if roles_agree(a, a_type, b, b_type, settings) else 0


def _one_party(a: tuple[Participant, ...], b: tuple[Participant, ...]) -> bool:
    """Whether the two sides name one party itself: the same actor, or a country and its
    government (aliases of one party), not a country and a person of it, nor the country
    an event is held in."""
    return any(
        x.id == y.id or (x.countrylike and y.countrylike and x.country == y.country)
        for x in named(a)
        for y in named(b)
    )


@lru_cache(maxsize=1 << 16)
def _parties(parts: tuple[Participant, ...], settings: LinkSettings) -> int:
    return parties(parts, settings)


@lru_cache(maxsize=1 << 16)
def _tokens(parts: tuple[Participant, ...]) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """Per participant, what ``same_actor`` can match on (its id, its country); and all."""
    each = tuple(
        frozenset({"a:" + p.id} | ({"c:" + p.country} if p.country else set())) for p in parts
    )
    return frozenset().union(*each), each


def _shared_at_most(a: tuple[Participant, ...], b: tuple[Participant, ...]) -> int:
    """An upper bound of ``shared_count`` (same_actor needs one id or one country in
    common), cheap enough to rule out most pairs before counting."""
    (all_a, each_a), (all_b, each_b) = _tokens(a), _tokens(b)
    return min(sum(1 for t in each_a if t & all_b), sum(1 for t in each_b if t & all_a))


def overlaps(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def adjacent(e: Member, f: Member, settings: LinkSettings) -> int:
    """Loose link (the neighbourhood relation): family, participants and link windows agree;
    a plan without a date of its own (its window implied by its status) may fall
    ``facet_slack`` days after a dated report of the same type in another article ("Kim is
    due in Russia", two days after he went); a dated report that the event took place may
    fall ``slipped`` days after a dated plan of an earlier article (``slipped``); and a dated
    plan of a later article may fall ``redated`` days from a dated plan whose date had not
    passed (``redates``)."""
    if e.family != f.family:
        return 0
    slack = settings.facet_slack_days if _late_plan(e, f) or _late_plan(f, e) else 0
    if not overlaps((e.lo, e.hi), (shift(f.lo, -slack), shift(f.hi, slack))):
        newer, older = (e, f) if (e.dct, e.document_id) > (f.dct, f.document_id) else (f, e)
        if newer.document_id == older.document_id or not (
            redates(newer, older, settings) or slipped(newer, older, settings)
        ):
            return 0
    shared = participants_match(e, f, settings)
    if shared or e.document_id == f.document_id:
        return shared
    return same_dated(e, f.type, f.participants, f.dated, (f.lo, f.hi), settings)


def dated_plan(e: Linkable) -> bool:
    """A plan with a date of its own ("will visit Hanoi on March 13-15")."""
    return e.dated and e.status == "planned"


def slipped(e: Member, f: Linkable, settings: LinkSettings) -> bool:
    """Whether ``e`` may report held, on a date of its own, the event ``f`` (of an earlier
    article) planned for a date: plans slip, and the report may fall up to ``slipped`` days
    after the plan's date ("will hold talks in Luanda on November 3-4", then "met in Luanda
    on November 5"), or ``facet_slack`` days before it (not "spoke by telephone on April 3"
    for the talks planned for April 13); ``held_late`` days after it when ``e`` names its
    place (a plan kept months late: ``held_off``). Whether it joins the plan's story is the
    story's to say (``cluster._time_fit``: while the story is a dated plan, and beyond
    ``slipped`` at a place both name)."""
    if e.type != f.type or not (e.dated and e.status in HELD and dated_plan(f)):
        return False
    after = held_off(settings) if names_place(e.place) else settings.slipped_days
    window = (shift(f.lo, -settings.facet_slack_days), shift(f.hi, after))
    return overlaps((e.lo, e.hi), window)


def held_off(settings: LinkSettings) -> int:
    """How long after a plan's date a dated report may hold it: ``slipped`` days anywhere,
    ``held_late`` at a place the report names (``slipped``) and that agrees with the
    story's (``cluster._time_fit``): a plan kept weeks late."""
    return max(settings.slipped_days, settings.held_late_days)


def names_place(place: PlaceInfo) -> bool:
    """Whether the event's own sentences name its place (not one carried over from
    elsewhere in the article, a journey's home, or a building of an unknown city)."""
    return bool(place.name) and place.level not in (*UNPLACED, SITE)


def redates(e: Member, f: Linkable, settings: LinkSettings) -> bool:
    """Whether ``e``, a dated plan of a later article, may give a new date to ``f``, a dated
    plan of the same type whose date had not passed when ``e``'s article came out: no more
    than ``redated`` days from it ("will visit Vietnam on March 13-15", then, four days
    later and without a word of a move, "will be in Hanoi on March 20-22"). Whether it
    does is the story's to say (``cluster.join_score``: the same place, named by both)."""
    if e.type != f.type or settings.is_precursor(e.type) or not (dated_plan(e) and dated_plan(f)):
        return False
    reach = settings.redated_days
    return e.dct <= f.hi and overlaps((e.lo, e.hi), (shift(f.lo, -reach), shift(f.hi, reach)))


def _late_plan(e: Member, f: Member) -> bool:
    """Whether ``e`` is a plan without a date of its own reported in another article than
    ``f``, a dated report of the same type (a late report of ``f``'s event may fall a few
    days after it)."""
    return e.document_id != f.document_id and late_plan(e, f)


def late_plan(e: Linkable, f: Linkable) -> bool:
    """``_late_plan`` but for the articles: ``e`` is a plan without a date of its own and
    ``f`` a dated report of the same type (``cluster.Draft.links`` knows the articles)."""
    return e.type == f.type and undated_plan(e) and f.dated


def undated_plan(e: Linkable) -> bool:
    """A plan without a date of its own: its window is implied by its status."""
    return not e.dated and e.status in ("planned", "possible")


def places_compatible(a: PlaceInfo, b: PlaceInfo) -> bool:
    """Same place, or one contains the other as far as names and countries tell; a place
    carried over from another sentence never excludes."""
    if not a.name or not b.name or a.name.casefold() == b.name.casefold():
        return True
    if UNPLACED & {a.level, b.level}:
        return True
    if SITE in (a.level, b.level):
        # A palace or a hall lies in a city its name does not give: only another country
        # excludes it ("talks at the Presidential Palace" during the visit to Dakar).
        return not (a.country and b.country and a.country != b.country)
    if a.country and b.country and a.country != b.country:
        return False
    if "country" in (a.level, b.level):
        return True
    same_country = bool(a.country and a.country == b.country)
    return same_country and "region" in (a.level, b.level)


# --- link windows ---------------------------------------------------------------


def _implied(status: str, dct: date, settings: LinkSettings, kind: str = "") -> tuple[date, date]:
    past, future = timedelta(days=settings.past_days), timedelta(days=settings.future_days)
    if kind in settings.speech_types:
        # Said on one day: an undated report of it was made on or just before its article's
        # date, and one announced is made soon.
        past = timedelta(days=settings.speech_past_days)
        future = timedelta(days=settings.speech_future_days)
    if status in ("planned", "possible"):
        return dct, dct + future
    if status == "occurred":
        return dct - past, dct
    if status == "ongoing":
        slack = timedelta(days=settings.ongoing_days)
        return dct - slack, dct + slack
    return dct - past, dct + future


def has_cue(row: dict[str, Any], cues: tuple[str, ...]) -> bool:
    """Whether the status cue or trigger holds one of the cue fragments."""
    text = " ".join(str(row.get(k) or "") for k in ("cue", "trigger")).casefold()
    return any(c in text for c in cues)


def link_window(row: dict[str, Any], settings: LinkSettings) -> tuple[str, str]:
    """The ``[lo, hi]`` window an event row links within (see the module docstring)."""
    dct = iso_day(row["dct"]) or date(1, 1, 1)
    if row["status"] == "negated" and has_cue(row, settings.past_negation_cues):
        return _iso(dct - timedelta(days=settings.past_days)), _iso(dct - timedelta(days=1))
    lo, hi = iso_day(row.get("earliest")), iso_day(row.get("latest"))
    imp_lo, imp_hi = _implied(row["status"], dct, settings, row["type"])
    if lo is None and hi is None:
        lo, hi = imp_lo, imp_hi
    elif lo is None:
        lo = min(imp_lo, hi) if hi else imp_lo
    elif hi is None:
        hi = max(lo, imp_hi)
    assert lo is not None and hi is not None
    if not row.get("dated") and row["status"] in ("planned", "possible"):
        # Announced and undated: it happens after the article, not on its day.
        lo = max(lo, dct + timedelta(days=1))
        hi = hi if hi >= lo else imp_hi
    if settings.is_precursor(row["type"]):
        hi = hi + timedelta(days=settings.future_days)
    if row.get("change") == "postponed":
        # Moved: it reaches for the date it replaces, which an earlier article gave, before
        # the new one ('postponed his trip …, will now travel on October 17': the trip
        # planned for October 10) or after it ('brought forward by a week to June 2').
        lo = min(lo, dct - timedelta(days=settings.moved_days))
        hi = hi + timedelta(days=settings.moved_days)
        if hi < dct:
            hi = dct + timedelta(days=settings.future_days)
    hi = min(hi, lo + timedelta(days=settings.max_window_days))
    return _iso(lo), _iso(max(lo, hi))


def _iso(day: date) -> str:
    return day.isoformat()


@lru_cache(maxsize=1 << 14)
def shift(day: str, days: int) -> str:
    """An ISO date moved by a number of days (clamped to the calendar). Memoized: a fold
    shifts each report's date by the same few numbers of days, and the dates repeat."""
    parsed = iso_day(day)
    if parsed is None:
        return day
    try:
        return (parsed + timedelta(days=days)).isoformat()
    except OverflowError:
        return FAR_PAST if days < 0 else FAR_FUTURE


def build_member(
    row: dict[str, Any],
    parts: tuple[Participant, ...],
    place: PlaceInfo,
    lo: str,
    hi: str,
    postponed: bool,
    settings: LinkSettings,
) -> Member:
    """A member from an ``events`` row and what linking made of it."""
    return Member(
        id=row["id"],
        document_id=row["document_id"],
        dct=row["dct"],
        type=row["type"],
        family=settings.family(row["type"]),
        status=row["status"],
        dated=bool(row["dated"]),
        value=row["value"],
        earliest=row["earliest"],
        latest=row["latest"],
        granularity=row["granularity"],
        lo=lo,
        hi=hi,
        participants=parts,
        place=place,
        postponed=postponed,
        story_id=row.get("story_id"),
        cancelled=row.get("change") == "cancelled",
        guest=guest_visit(row["type"], row.get("cue")),
    )


def member_of_link_row(row: dict[str, Any], settings: LinkSettings) -> Member:
    """A member from a row of ``events`` joined with its ``event_links`` row."""
    parts = stored_participants(row["participants"])
    place = place_info(row["place"], row["place_country"], row["place_level"])
    return build_member(row, parts, place, row["lo"], row["hi"], bool(row["postponed"]), settings)


def member_of_values(values: Sequence[Any], settings: LinkSettings) -> Member:
    """:func:`member_of_link_row` of a row's first values in the order of the reads'
    member columns (``dateline.link.pending_rows.MEMBER_KEYS``: ``id``, ``document_id``,
    ``dct``, ``type``, ``status``, ``dated``, ``value``, ``earliest``, ``latest``,
    ``granularity``, ``story_id``, ``change``, ``cue``, ``participants``, ``place``,
    ``place_country``, ``place_level``, ``lo``, ``hi``, ``postponed``), without a dict per
    row: a whole pending page builds hundreds of members, and the dict and its lookups were
    three fifths of each."""
    (event_id, document_id, dct, kind, status, dated, value, earliest, latest, granularity,
     story_id, change, cue, parts, place, country, level, lo, hi,
     postponed) = values[:20]  # fmt: skip
    return Member(
        event_id,
        document_id,
        dct,
        kind,
        settings.family(kind),
        status,
        bool(dated),
        value,
        earliest,
        latest,
        granularity,
        lo,
        hi,
        stored_participants(parts),
        place_info(place, country, level),
        bool(postponed),
        story_id,
        change == "cancelled",
        guest_visit(kind, cue),
    )


@lru_cache(maxsize=1 << 14)
def stored_participants(text: str) -> tuple[Participant, ...]:
    """The participants ``event_links.participants`` holds (JSON). Memoized, and shared
    by the members that hold the same text (the tuples are immutable): a story's reports
    name the same actors again and again."""
    return tuple(Participant(p[0], p[1], p[2], bool(p[3])) for p in json.loads(text))


@lru_cache(maxsize=1 << 12)
def place_info(name: str | None, country: str | None, level: str | None) -> PlaceInfo:
    """A ``PlaceInfo`` (frozen, so shared: memoized as ``stored_participants``)."""
    return PlaceInfo(name, country, level)
