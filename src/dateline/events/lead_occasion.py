"""The lead's occasion: what a news story's body reports was said at it.

A news lead dates the story's occasion ('Malawi and Zambia signed an agreement on
Tuesday …', 'Zhang held talks with Tran on Wednesday'); the body then reports what the
people there said, without a date of its own ('Mhango said the line would end the power
cuts'). Those words were said on the lead's day (docs/annotation.md, 'Time'): an undated
statement, accusation, threat or rejection told in the simple past by one who took part in
the lead's occasion (or speaks for a country that did) takes its day, unless its own
paragraph dates something before it (that paragraph tells another occasion).
"""

from __future__ import annotations

from datetime import date

from dateline.events import timing
from dateline.events.mention import Mention
from dateline.events.participants import Ref
from dateline.model import Event, EventTime, Timex

#: acts that are said: made at the occasion the story is about
SAID_TYPES = {"STATEMENT", "ACCUSE", "THREATEN", "REJECT"}
#: cues of a mention told in the simple past ('said', 'was told'), not the perfect
SIMPLE_PAST = {"past tense", "past passive"}

Pair = tuple[list[Mention], Event]


def date_by_lead_occasion(
    pairs: list[Pair], blocks: list[tuple[int, int]], timexes: list[Timex], dct: date
) -> None:
    """Give the undated words said at the lead's occasion the occasion's day."""
    lead = _lead_paragraph(pairs, blocks)
    occasion = _lead_occasion(pairs, lead, dct) if lead else None
    if lead is None or occasion is None:
        return
    group, told = occasion
    people = {r.id for m in group for r in (*m.sources, *m.targets)}
    for mentions, event in pairs:
        if event.dated or event.type not in SAID_TYPES or event.status != "occurred":
            continue
        if not any(_took_part(r, people) for m in mentions for r in m.sources):
            continue
        if all(_said_in_body(m, lead, blocks, timexes) for m in mentions):
            event.time, event.dated = told.time, True
            event.location = event.location or told.location  # said there
            event.cue = f"{event.cue} + lead's occasion"


def _lead_paragraph(pairs: list[Pair], blocks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first paragraph that tells an event (a byline or a heading tells none)."""
    starts = [m.sentence[0] for group, _ in pairs for m in group]
    return next((b for b in blocks if any(b[0] <= s < b[1] for s in starts)), None)


def _lead_occasion(pairs: list[Pair], lead: tuple[int, int], dct: date) -> Pair | None:
    """The first event told in the lead paragraph that happened on one recent day."""
    found = []
    for group, event in pairs:
        if event.status not in ("occurred", "ongoing") or not event.dated:
            continue
        if not timing.one_day(event.time) or not _recent(event.time, dct):
            continue
        start = min((m.sentence[0], m.token) for m in group)
        if lead[0] <= start[0] < lead[1]:
            found.append((start, (group, event)))
    return min(found, key=lambda f: f[0])[1] if found else None


def _recent(time: EventTime, dct: date) -> bool:
    try:
        day = date.fromisoformat((time.earliest or "")[:10])
    except ValueError:
        return False
    return 0 <= (dct - day).days <= timing.LEAD_RECENT_DAYS


def _took_part(speaker: Ref, people: set[str]) -> bool:
    """Whether a speaker is one of the occasion's people: the same person, also under a
    longer name ('thibodeau' ~ 'honourable-claire-thibodeau'), or one who speaks for a
    country that took part ('Mhango' of Malawi when 'Malawi and Mozambique signed'). A
    country itself speaks through officials the text leaves unnamed ('officials in Nairobi
    said'), who need not have been there."""
    if speaker.kind != "person":
        return False
    ident, country = speaker.id, speaker.country
    if ident in people or (country is not None and country in people):
        return True
    last = ident.rsplit("-", 1)[-1]
    return "-" not in ident and any(p.endswith("-" + last) for p in people)


def _said_in_body(
    mention: Mention, lead: tuple[int, int], blocks: list[tuple[int, int]], timexes: list[Timex]
) -> bool:
    """Told in the simple past after the lead, in a paragraph that dates nothing before it
    (a paragraph that does tells an occasion of its own)."""
    if mention.cue not in SIMPLE_PAST or mention.sentence[0] < lead[1]:
        return False
    block = next((b for b in blocks if b[0] <= mention.sentence[0] < b[1]), None)
    if block is None:
        return False
    return not any(
        block[0] <= t.start < mention.sentence[1] and timing.is_dated(t) for t in timexes
    )
