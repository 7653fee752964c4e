"""Statements made at a dated occasion take its day (docs/annotation.md, 'Time').

When the text puts a speaker at talks, a signing, a briefing, a news conference, a speech
or an interview it dates ('Lee held talks with Kim in Seoul on Tuesday', 'told a news
conference in Rabat on Tuesday'), every later statement of that speaker told in the
simple past without a date of its own reports that occasion: it was made that day, also
in the body where no date is repeated ('Kim said the two sides would sign a pact'), and so
it merges with the speaker's other words of that occasion into one row. Another speaker's
words (an analyst, the other side's spokesperson) are not dated by it, nor are words told
in a paragraph that dates something before the occasion (that paragraph tells another), nor
words of one at a day of talks still under way (said on any of its days). Words said at a
definite occasion that is no event of its own ('At the same news conference, Holm
accused …') take the day of the dated occasion told before in a sentence that names it.
What the parties of dated talks did there, told later in the simple past ('The ministers
discussed …', 'Rao invited Hollis …'), is dated by the talks the same way when all its
people were parties of them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.events import timing
from dateline.events.layout import NO_BLOCK, block_of
from dateline.events.mention import Mention
from dateline.events.tree import is_definite
from dateline.events.triggers import named_gathering
from dateline.model import Timex, iso_day

#: acts done by saying something
SPEECH_ACTS = {"STATEMENT", "ACCUSE", "THREATEN", "REJECT"}
#: occasions their participants speak at: talks, calls, signings
TALKS = {"MEET", "DISCUSS", "AGREE"}
#: acts done at talks by their parties ('The ministers discussed …', 'Rao invited Hollis …')
TALK_ACTS = {"DISCUSS", "AGREE", "INVITE"}
#: cues of a mention told in the simple past ('said', 'was told'), not the perfect
SIMPLE_PAST = ("past tense", "past passive")
#: occasions words are said at that are no event of their own ('at the same news conference')
SPEAKING_OCCASIONS = {"conference", "briefing", "ceremony", "interview", "reception", "dinner"}
#: prepositions of the occasion words were said at
AT_OCCASION = {"at", "during"}


def said_at_the_occasion(
    mentions: list[Mention], doc: Doc, blocks: list[tuple[int, int]], timexes: list[Timex]
) -> None:
    """Give an undated statement the day of the dated occasion told before it that the text
    put it at: one it names ('at the same news conference'), else its speaker's latest."""
    for mention in mentions:
        if not _undated_saying(mention):
            continue
        occasions = _occasions_before(mention, mentions, doc)
        told = _occasion_named_before(mention, occasions, doc)
        if told is None and _definite_occasion(doc, mention) is not None:
            told = _latest_talks_before(mention, occasions)
        if told is not None:
            _take_day(mention, told)
            continue
        speakers = {r.id for r in mention.sources if r.kind == "person"}
        if mention.type in TALK_ACTS:
            people = speakers | {r.id for r in mention.targets if r.kind == "person"}
            states = set() if people else _states(mention)
            before = [
                o
                for o in occasions
                if o.type in TALKS
                and not named_gathering(doc[o.token])  # a forum of many, no talks of two
                and (
                    (people and people <= _present(o))
                    or (states and states <= {r.country for r in (*o.sources, *o.targets)})
                )
            ]
        else:
            before = [o for o in occasions if speakers & _present(o)]
        if not before or _under_way(before[-1], mentions):
            continue
        if not _another_occasion(mention, before[-1], blocks, timexes):
            _take_day(mention, before[-1])
            mention.location = mention.location or before[-1].location  # said there


def signed_by_their_envoys(
    mentions: list[Mention], doc: Doc, blocks: list[tuple[int, int]]
) -> None:
    """'The United States and India Friday signed an accord … Rice and Mukherjee signed the
    accord in Washington': an undated signing of the definite pact, told in the paragraph of a
    dated signing of their countries, by people of those countries only, is that signing."""
    for mention in mentions:
        if not _undated_signing(mention, doc):
            continue
        people = [*mention.sources, *mention.targets]
        # people whose country the actor dictionary knows are of those countries
        countries = {r.country for r in people if r.country}
        if not countries or any(r.kind != "person" for r in people):
            continue
        block = block_of(mention.sentence[0], blocks)
        if block == NO_BLOCK:
            continue
        before = [
            m
            for m in mentions
            if m.token < mention.token
            and m.type == "AGREE"
            and block[0] <= m.sentence[0]
            and doc[m.token].lemma_.lower() == "sign"
            and _occasion(m)
            and countries <= {r.country for r in (*m.sources, *m.targets)}
        ]
        if before:
            _take_day(mention, before[-1])


def _undated_signing(mention: Mention, doc: Doc) -> bool:
    """An undated signing that happened, of a definite pact ('signed the accord')."""
    verb = doc[mention.token]
    if mention.type != "AGREE" or mention.dated or mention.timexes or mention.status != "occurred":
        return False
    if verb.lemma_.lower() != "sign":
        return False
    return any(c.dep_ == "dobj" and is_definite(c) for c in verb.children)


def talks_of_the_dated_occasion(
    mentions: list[Mention], doc: Doc, blocks: list[tuple[int, int]]
) -> None:
    """'The foreign ministers of South Korea and Australia agreed Wednesday … Park and
    Whitcombe signed a joint statement after two hours of talks': undated talks told as a
    bare noun under an act of people of the same two or more countries, in the paragraph of
    a dated one-day occasion of those countries or the one after it, are that day's talks."""
    for mention in mentions:
        token = doc[mention.token]
        if mention.type != "MEET" or mention.dated or mention.timexes:
            continue
        if mention.status != "occurred" or token.dep_ != "pobj" or not _bare(token):
            continue
        if _told_as_before(doc[mention.clause]):
            continue  # 'They had earlier signed a treaty after talks in Nairobi'
        parties = [*mention.sources, *mention.targets]
        if not parties:  # the people who acted at the talks ('signed … after talks')
            acts = [m for m in mentions if m.clause == mention.clause and m is not mention]
            parties = [r for m in acts for r in (*m.sources, *m.targets)]
        # the countries the actor dictionary knows of them are the occasion's
        sides = {r.country for r in parties if r.country}
        if not sides:
            continue
        block = block_of(mention.sentence[0], blocks)
        if block == NO_BLOCK:
            continue
        start = blocks[max(0, blocks.index(block) - 1)][0]
        before = [
            m
            for m in mentions
            if m.token < mention.token
            and start <= m.sentence[0]
            and m.type in TALKS
            and _occasion(m)
            and _two_sides(m, sides)
            and (mention.location is None or m.location in (None, mention.location))
        ]
        if before:
            _take_day(mention, before[-1])


#: adverbs that put an act before the time told around it
EARLIER = {"earlier", "previously", "before", "once", "already"}


def _told_as_before(verb: Token) -> bool:
    """A verb in the past perfect or told as earlier ('had signed', 'earlier signed')."""
    return any(
        (c.dep_ == "aux" and c.lower_ in ("had", "'d"))
        or (c.dep_ == "advmod" and c.lower_ in EARLIER)
        for c in verb.children
    )


def _two_sides(occasion: Mention, sides: set[str]) -> bool:
    """Whether the occasion is of two or more countries, ``sides`` among them."""
    countries = {r.country for r in (*occasion.sources, *occasion.targets)}
    return len(countries - {None}) >= 2 and sides <= countries


def _bare(noun: Token) -> bool:
    """A noun of talks without an article or a determiner of its own ('after two hours of
    talks', 'during talks'): no other talks the text sets apart ('their next talks')."""
    if any(c.dep_ in ("det", "poss", "amod", "compound") for c in noun.children):
        return False
    # 'after two days of talks': talks of more than the occasion's day
    head = noun.head.head if noun.head.dep_ == "prep" else noun.head
    return head.lemma_.lower() not in ("day", "week", "month", "round")


def _occasions_before(mention: Mention, mentions: list[Mention], doc: Doc) -> list[Mention]:
    """The dated occasions told before the mention, in text order; dated in text order, so
    words dated here put their speaker at the occasion too. What it says is no occasion
    ('"We met on Monday," he said')."""
    said = {t.i for t in doc[mention.token].subtree}
    return [m for m in mentions if m.token < mention.token and m.token not in said and _occasion(m)]


def _take_day(mention: Mention, occasion: Mention) -> None:
    mention.timexes, mention.time, mention.dated = occasion.timexes, occasion.time, True


def _occasion(mention: Mention) -> bool:
    """A dated one-day occasion that happened: talks or a signing, or words said on it."""
    if mention.type not in TALKS | SPEECH_ACTS or mention.status not in ("occurred", "ongoing"):
        return False
    return mention.dated and timing.one_day(mention.time)


def _present(occasion: Mention) -> set[str]:
    """Who the text puts at the occasion: its speaker, or the parties of the talks."""
    if occasion.type in SPEECH_ACTS:
        return {r.id for r in occasion.sources}
    return occasion.participants()


def _states(mention: Mention) -> set[str]:
    """The countries of an act whose parties are all countries ('The two sides agreed …' after
    the talks of their leaders): they were at talks whose parties are of those countries."""
    parties = [*mention.sources, *mention.targets]
    if not parties or any(r.kind != "country" or not r.country for r in parties):
        return set()
    return {r.country for r in parties if r.country}


def _under_way(occasion: Mention, mentions: list[Mention]) -> bool:
    """Whether the occasion is a day of talks still under way ('Talks between Kenya and
    Uganda entered a second day on Tuesday … Mutua opened the meeting on Monday'): what its
    people said may have been said on any of its days."""
    sides = {r.country or r.id for r in (*occasion.sources, *occasion.targets)}
    return any(
        m.type == occasion.type
        and m.status == "ongoing"
        and sides & {r.country or r.id for r in (*m.sources, *m.targets)}
        for m in mentions
    )


def _undated_saying(mention: Mention) -> bool:
    return (
        mention.type in SPEECH_ACTS | TALK_ACTS
        and not mention.dated
        and not mention.timexes
        and mention.status == "occurred"
        and (mention.cue or "").startswith(SIMPLE_PAST)
        and bool(mention.sources)
    )


def _another_occasion(
    mention: Mention, occasion: Mention, blocks: list[tuple[int, int]], timexes: list[Timex]
) -> bool:
    """Whether the statement's paragraph dates something before the occasion in a sentence
    before the statement's: that paragraph tells another occasion ('In 2019 the two leaders
    met in Lusaka. Banda said …'). A date in the statement's own sentence is what it says
    or a clause about its speaker ('Tran, who arrived on Tuesday, said …')."""
    block = block_of(mention.sentence[0], blocks)
    if block == NO_BLOCK:
        return True
    day = iso_day(occasion.time.earliest)
    if day is None:
        return True
    for timex in timexes:
        if not block[0] <= timex.start < mention.sentence[0] or not timing.is_dated(timex):
            continue
        latest = iso_day(timex.latest)
        if latest is not None and latest < day:
            return True
    return False


def _occasion_named_before(mention: Mention, occasions: list[Mention], doc: Doc) -> Mention | None:
    """'At the same news conference Zelensky accused …': words said at a definite occasion
    that is no event of its own were said on the day of the latest dated occasion told
    before in a sentence that names it ('At a joint news conference this afternoon, von der
    Leyen announced …')."""
    noun = _definite_occasion(doc, mention)
    if noun is None:
        return None
    named = [
        o
        for o in occasions
        if any(
            t.lemma_ == noun.lemma_
            for t in doc.char_span(*o.sentence, alignment_mode="expand") or []
        )
    ]
    return named[-1] if named else None


def _latest_talks_before(mention: Mention, occasions: list[Mention]) -> Mention | None:
    """'Ministers of Kenya and Tanzania held talks in Arusha on Tuesday. … At the closing
    news conference, Wanjiku said …': words said at a definite speaking occasion no sentence
    before names were said at the latest dated talks told before, unless the speaker's
    country is known and none of theirs (the conference closes those talks)."""
    countries = {r.country for r in mention.sources} - {None}
    talks = [o for o in occasions if o.type in TALKS - {"AGREE"}]
    if not talks:
        return None
    sides = {r.country for r in (*talks[-1].sources, *talks[-1].targets)} - {None}
    if countries and sides and not countries & sides:
        return None
    return talks[-1]


def _definite_occasion(doc: Doc, mention: Mention) -> Token | None:
    """The noun of a definite speaking occasion the mention's verb was done at, or None."""
    verb = doc[mention.token]
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in AT_OCCASION:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_ in SPEAKING_OCCASIONS and is_definite(noun):
                return noun
    return None
