"""The ``dateline_events`` pipeline step: trigger → arguments → status → time → merge."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.errors import E_EVENTS_NEED_PARSE
from dateline.events import arguments, attribution, merge, scene, status, timing
from dateline.events.fallback import fallback_actors
from dateline.events.lexicon import Lexicon, load_lexicon
from dateline.events.mention import Mention
from dateline.events.participants import MentionIndex, build_index
from dateline.events.triggers import find_triggers, lookup, pos_class
from dateline.model import Candidate, Event, EventTime, Timex, document_id
from dateline.read.common import photo_caption

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class EventExtractor:
    """spaCy component: sets ``doc._.events`` to a list of :class:`dateline.model.Event`."""

    def __init__(self, nlp: Language | None = None, name: str = "dateline_events"):
        self.name = name
        self.lexicon = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = extract_events(doc, self.lexicon)
        return doc


def extract_events(doc: Doc, lexicon: Lexicon | None = None) -> list[Event]:
    """Events of one parsed Doc, using doc._.timexes / actors / places / dct when set."""
    lexicon = lexicon or load_lexicon()
    if not doc.has_annotation("DEP"):
        if not len(doc):
            return []
        raise E_EVENTS_NEED_PARSE()
    index = _index(doc)
    dct: date | None = doc._.dct
    timexes: list[Timex] = list(doc._.timexes or [])
    blocks = paragraphs(doc.text)
    index.blocks = _token_blocks(doc, blocks)
    caption = caption_block(doc, blocks)
    mentions = find_mentions(doc, lexicon, index, blocks, caption)
    mentions = [m for m in mentions if not _told_by_reporter(m, index)]
    used = timing.attach(doc, timexes, mentions)
    used |= _caption_times(mentions, timexes)
    mentions = _latest_of_histories(mentions, doc)
    _share_times(mentions, doc)
    _without(mentions, doc)
    mentions = [piece for m in mentions for piece in timing.split_coordinated(m)]
    if dct is not None:
        for mention in mentions:
            timing.refine_status(mention, dct)
            timing.default_window(mention, dct)
    return build_events(doc, lexicon, mentions, timexes, used, dct)


def _without(mentions: list[Mention], doc: Doc) -> None:
    """'Talks between Israel and Hamas ended on Wednesday without an agreement': the
    missing agreement is the talks' parties', on the talks' occasion."""
    by_token = {m.token: m for m in mentions}
    for mention in mentions:
        if mention.cue != "without" or mention.participants():
            continue
        verb = doc[mention.clause]
        for subj in verb.children:
            host = by_token.get(subj.i) if subj.dep_ == "nsubj" else None
            if host is not None and host.participants():
                mention.sources, mention.targets = list(host.sources), list(host.targets)
                if host.dated and not mention.timexes:
                    _take_time(mention, host)
                break


LATEST_WORDS = {"recently", "lately", "last"}


def _latest_of_histories(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """'has travelled to China four times, most recently in September 2025, when he
    attended a summit': the count stays one undated history; its latest occasion becomes
    an event of its own, dated (``_share_times`` then gives that date to the 'when'
    clause under it)."""
    result: list[Mention] = []
    for mention in mentions:
        result.append(mention)
        token = doc[mention.token]
        if not (mention.repeated and mention.dated):
            continue
        if not any(c.lower_ in LATEST_WORDS and c.dep_ == "advmod" for c in token.children):
            continue
        single = replace(mention, repeated=False)
        mention.timexes, mention.time, mention.dated = [], EventTime(), False
        result.append(single)
    return result


def _caption_times(mentions: list[Mention], timexes: list[Timex]) -> set[int]:
    """Captions are fragments: an undated caption event takes its sentence's date."""
    used = set()
    for mention in mentions:
        if not mention.caption or mention.timexes:
            continue
        start, end = mention.sentence
        for number, timex in enumerate(timexes):
            if start <= timex.start < end and timing.is_dated(timex):
                mention.timexes, mention.time = [timex], timing.point(timex)
                mention.dated = True
                used.add(number)
                break
    return used


def _share_times(mentions: list[Mention], doc: Doc) -> None:
    """'will travel to Seoul on Thursday and is expected to meet Lee there': same day."""
    by_token = {m.token: m for m in mentions}
    by_clause = {m.clause: m for m in mentions if m.clause != m.token}
    for mention in mentions:
        purpose = _dated_purpose(mention, mentions, doc)
        if not mention.timexes and purpose is not None:
            # 'then fly to Moscow for talks with Lavrov the following day': the talks' day
            _take_time(mention, purpose)
            continue
        head = doc[mention.token].head.i
        host = by_token.get(head) or by_clause.get(head)
        if not mention.timexes and host is not None and host.dated and _purpose(doc[mention.token]):
            _take_time(mention, host)
            continue  # 'met Trump on Monday to discuss the plan'
        when = _when_time(doc, mention, mentions) if not mention.timexes else None
        if when is not None:
            _take_time(mention, when)
            continue  # 'visited Morocco in October 2024, when the two countries signed …'
        if not mention.timexes and host is not None and _same_act(mention, host, doc):
            _take_time(mention, host)
            continue  # 'rejected the warning on Wednesday and said …': one occasion
        if mention.timexes or mention.status not in ("planned", "possible"):
            continue
        token, crossed = doc[mention.token], False
        for _ in range(3):
            if token.dep_ not in ("xcomp", "conj") or token.head.i == token.i:
                break
            crossed, token = crossed or token.dep_ == "conj", token.head
            other = by_token.get(token.i)
            if crossed and other is not None and other.dated and other.status == mention.status:
                _take_time(mention, other)
                break


def _take_time(mention: Mention, host: Mention) -> None:
    """The mention happens when ``host`` does."""
    mention.timexes, mention.time, mention.dated = host.timexes, host.time, True


def _when_time(doc: Doc, mention: Mention, mentions: list[Mention]) -> Mention | None:
    """The dated mention a 'when' clause hangs on, by its verb or by its date."""
    token = doc[mention.clause]  # the verb itself, or the clause verb of a nominal
    if token.dep_ not in ("advcl", "relcl") or not any(c.lower_ == "when" for c in token.children):
        return None
    head = token.head
    for other in mentions:
        if other is mention or not other.dated:
            continue
        if other.token == head.i or any(t.start <= head.idx < t.end for t in other.timexes):
            return other
    return None


def _dated_purpose(mention: Mention, mentions: list[Mention], doc: Doc) -> Mention | None:
    """A dated 'for' nominal of a visit: 'fly to Moscow for talks … the following day'."""
    if mention.type != "VISIT":
        return None
    for other in mentions:
        token = doc[other.token]
        if other is mention or not other.dated or not other.timexes:
            continue
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "for"
            and token.head.head.i == mention.token
        ):
            return other
    return None


def _same_act(mention: Mention, host: Mention, doc: Doc) -> bool:
    """A past verb conjoined to a dated past event, sharing its subject."""
    token = doc[mention.token]
    if token.dep_ != "conj" or not host.dated or not mention.status == host.status == "occurred":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        # '…, the ministry said': a reporting clause of its own; but 'held talks with Trung
        # on Tuesday, and the two ministers signed …': the same people, the same occasion
        own = {r.id for r in mention.sources}
        return len(own) > 1 and own <= host.participants()
    return pos_class(doc[host.token]) == "verb"


def _purpose(token: Token) -> bool:
    """An infinitive of purpose ('met … to discuss') or a 'for' nominal ('flew … for talks')."""
    if token.dep_ in ("advcl", "xcomp") and any(c.lower_ == "to" for c in token.children):
        return token.head.lemma_.lower() not in ("expect", "plan", "hope", "want", "agree")
    return False


def _index(doc: Doc) -> MentionIndex:
    actors, places = doc._.actors, doc._.places
    if actors is None:
        actors, places = fallback_actors(doc)
    return build_index(doc, list(actors), list(places or []))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Char spans of the blank-line separated blocks of the text."""
    spans, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _token_blocks(doc: Doc, blocks: list[tuple[int, int]]) -> list[int]:
    numbers, current = [], 0
    for token in doc:
        while current + 1 < len(blocks) and token.idx >= blocks[current + 1][0]:
            current += 1
        numbers.append(current)
    return numbers


def caption_block(doc: Doc, blocks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The photo caption: the article's caption if given, else a first block ending in a credit."""
    article = doc._.article
    caption = getattr(article, "caption", None)
    if caption:
        start = doc.text.find(caption.strip()[:80])
        if start >= 0:
            return start, start + len(caption.strip())
    texts = [doc.text[start:end] for start, end in blocks[:2]]
    return blocks[0] if photo_caption(texts) else None


def _block_of(offset: int, blocks: list[tuple[int, int]]) -> tuple[int, int]:
    for start, end in blocks:
        if start <= offset < end:
            return start, end
    return 0, 0


def evidence_span(sentence: Span, block: tuple[int, int], text: str) -> tuple[int, int]:
    """The sentence clipped to its paragraph (the parser sometimes runs across blank lines)."""
    start = max(sentence.start_char, block[0])
    end = min(sentence.end_char, block[1]) if block[1] else sentence.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_mentions(
    doc: Doc,
    lexicon: Lexicon,
    index: MentionIndex,
    blocks: list[tuple[int, int]],
    caption: tuple[int, int] | None,
) -> list[Mention]:
    """Every event mention in text order, with arguments, status and attribution."""
    cues, light = lexicon.cues, set(lexicon.cues["light_verbs"])
    text = doc.text  # Doc.text rebuilds the string on every access
    mentions: list[Mention] = []
    quote_speaker: str | None = None
    for sentence in doc.sents:
        found = []
        for token, trigger in find_triggers(sentence, lexicon, light):
            if _topic_of_talks(token, lexicon):
                continue
            block = _block_of(token.idx, blocks)
            mention = Mention(trigger, token.i, token.i, evidence_span(sentence, block, text))
            mention.caption = caption is not None and caption[0] <= token.idx < caption[1]
            describe(mention, token, sentence, index, lexicon)
            found.append(mention)
        quote_speaker = _attribute(found, doc, sentence, index, cues, quote_speaker)
        mentions.extend(found)
    _link_anchors(mentions, doc)
    _share_places(mentions, doc)
    return mentions


TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}


def _topic_of_talks(token: Token, lexicon: Lexicon) -> bool:
    """'talks on the second phase of the ceasefire': what the talks are about is no event
    of this sentence (the talks are)."""
    if pos_class(token) == "verb":
        return False
    head = token.head
    while head.dep_ == "pobj" or (head.dep_ == "prep" and head.lower_ == "of"):
        head = head.head  # 'the second phase of the ceasefire'
    if head.dep_ != "prep" or head.lower_ not in TOPIC_PREPS:
        return False
    owner = head.head
    found = lookup(owner, lexicon) if owner.pos_ == "NOUN" else None
    return found is not None and found.type in ("MEET", "DISCUSS")


def describe(
    mention: Mention, token: Token, sentence: Span, index: MentionIndex, lexicon: Lexicon
) -> None:
    """Fill arguments and status of one mention."""
    cues = lexicon.cues
    symmetric = mention.symmetric = lexicon.types[mention.type].symmetric
    if pos_class(token) == "verb":
        arguments.fill_verb(mention, token, index, symmetric)
        mention.status, mention.cue = status.verb_status(token, cues)
        mention.definite = _definite_object(mention, token, lexicon)
        mention.anaphoric = mention.definite and not mention.participants()
    else:
        decision, clause = status.noun_status(token, cues)
        mention.clause = clause.i if clause is not None else token.i
        light = set(cues["light_verbs"]) | set(cues["purpose_verbs"]) | {"receive", "get"}
        arguments.fill_noun(mention, token, clause or token, index, symmetric, light)
        mention.status, mention.cue = decision or ("occurred", "nominal")
        mention.definite = arguments.is_anaphoric(token)
        mention.predicative = arguments.is_predicative(token)
        mention.anaphoric = mention.definite and not mention.participants()
        if mention.definite and not mention.anaphoric:
            _named_by_its_place(mention, token, index)
    if mention.caption and (mention.status == "ongoing" or mention.cue == "nominal"):
        mention.status, mention.cue = "occurred", "caption"  # photo captions use the present
    if mention.caption and not mention.participants():
        arguments.fill_caption(mention, sentence, index, symmetric)
    mention.repeated = _repeated(token, clause_token(mention, token))
    mention.rescheduled = (mention.cue or "") in cues["reschedule_verbs"]
    # 'had been scheduled to hold talks': a nominal's plan is told by its clause verb
    planner = token if pos_class(token) == "verb" else token.doc[mention.clause]
    mention.past_plan = mention.status == "planned" and status.past_plan(planner, cues)
    if mention.type == "STATEMENT" and mention.status == "ongoing":
        mention.status, mention.cue = "occurred", "speech act"
    if mention.type == "STATEMENT" and mention.cue in cues["conditional_marks"]:
        # 'X could meet Li if time allows, an official told reporters': the condition is
        # the content's; the telling happened
        mention.status, mention.cue = "occurred", "speech act"


def _definite_object(mention: Mention, verb: Token, lexicon: Lexicon) -> bool:
    """'signed the treaty', 'held the summit': the verb tells more of an event named before."""
    for child in verb.children:
        if child.dep_ == "dobj" and arguments.is_anaphoric(child):
            found = lookup(child, lexicon)
            return found is not None and found.type == mention.type
    return False


REPEAT_WORDS = {"times", "twice", "repeatedly", "often", "regularly", "frequently"}


def clause_token(mention: Mention, token: Token) -> Token:
    return token.doc[mention.clause]


def _repeated(token: Token, clause: Token) -> bool:
    """'visited three times', 'has often met': a count of events, not one event."""
    for head in {token, clause}:
        for child in head.children:
            if child.lower_ in REPEAT_WORDS and child.dep_ in ("advmod", "npadvmod"):
                return True
    return False


def _attribute(
    found: list[Mention],
    doc: Doc,
    sentence: Span,
    index: MentionIndex,
    cues: dict[str, Any],
    quote_speaker: str | None,
) -> str | None:
    """Set attribution; a quoted sentence without its own speaker keeps the last one."""
    quoted = attribution.in_quote(sentence)
    for mention in found:
        if mention.type == "STATEMENT":
            if mention.sources:
                quote_speaker = mention.sources[0].id
            continue
        if mention.cue in timing.PRESUPPOSED:
            continue  # 'the anniversary of his visit': the article itself asserts the visit
        mention.attribution = attribution.attribution(doc[mention.token], sentence, index, cues)
        if mention.attribution is None and quoted:
            mention.attribution = quote_speaker
    return quote_speaker if quoted or any(m.type == "STATEMENT" for m in found) else None


def _link_anchors(mentions: list[Mention], doc: Doc) -> None:
    """'invited Kim during his visit': the invitation shares the visit's time and place."""
    by_token = {m.token: m for m in mentions}
    for mention in mentions:
        token = doc[mention.token]
        host = by_token.get(token.head.head.i) if token.dep_ == "pobj" else None
        if token.head.lower_ == "for" and host is not None and host.type == "VISIT":
            mention.anchor = host.token  # 'will travel to Alaska on Friday for a summit'
            continue
        if token.dep_ != "pobj" or token.head.lower_ != "during":
            continue
        verb = token.head.head
        for host in mentions:
            host_token = doc[host.token]
            if host is mention or host.sentence != mention.sentence:
                continue
            if verb.i in (host.token, host.clause) or (
                host_token.head.i == verb.i and host_token.dep_ in ("xcomp", "ccomp")
            ):
                host.anchor = mention.token


def _share_places(mentions: list[Mention], doc: Doc) -> None:
    """'visited Russia twice, but both times met Putin in the Far East': the visit's place."""
    by_token = {m.token: m for m in mentions}
    for mention in mentions:
        token = doc[mention.token]
        other = by_token.get(token.head.i) if token.dep_ == "conj" else None
        for left, right in ((mention, other), (other, mention)):
            if left is None or right is None or left.type != "VISIT":
                continue
            here, there = left.location, right.location
            if here is None or here.kind != "country" or there is None or there.kind == "country":
                continue
            if there.country == here.country and set(left.participants()) & set(
                right.participants()
            ):
                left.location = there


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
    _inherit_anchors(pairs)
    _part_of_cancelled_visit(pairs)
    if dct is not None:
        pairs = [(g, e) for g, e in pairs if not _stale_past_plan(g, e, dct)]
        for group, event in pairs:
            timing.under_way(event, group.mentions, doc, dct)
            merge.drop_stale_plan_time(group, event, dct)
        free = [t for n, t in enumerate(timexes) if n not in used]
        for pair in pairs:
            merge.candidates(pair, pairs, loose_candidates(pair[0], free, dct), dct)
    places = list(doc._.places or [])
    events = scene.split_destinations([event for _, event in pairs], places)
    scene.share_trip_times(events, places)
    scene.share_visit_places(events)
    if dct is not None:
        scene.share_dateline_place(events, text, list(doc._.actors or []), dct)
    merge.assign_ids(doc_id, events)
    return events


def _named_by_its_place(mention: Mention, token: Token, index: MentionIndex) -> None:
    """'the Ankara meeting', 'the Beijing trip': a definite nominal whose only participant
    is the place its compound names refers back to an event told before; the place is
    where, not who."""
    compounds = {c.idx for c in token.children if c.dep_ == "compound"}
    refs = [*mention.sources, *mention.targets]
    if not refs or not all(r.place is not None and r.start in compounds for r in refs):
        return
    mention.location = mention.location or refs[0].place
    mention.sources, mention.targets = [], []
    mention.anaphoric = mention.place_named = True


def _told_by_reporter(mention: Mention, index: MentionIndex) -> bool:
    """'VOA's David Gollust reports from the State Department': the article's reporter
    introducing the story is no event."""
    ids = {r.id for r in mention.sources}
    return bool(ids) and ids <= index.journalists


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
    within a cancelled visit by the same person is called off with it."""
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
                break
    _told_with_cancelled_visit(pairs)


#: what a trip is planned for: called off with the trip when told in its plan's sentence
TRIP_PURPOSES = {"MEET", "DISCUSS", "AGREE", "COOPERATE"}


def _told_with_cancelled_visit(pairs: list[tuple[merge.Cluster, Event]]) -> None:
    """'Merz had been set to arrive in Brasilia next Monday for two days of talks with
    Lula. Berlin called off the trip': what the cancelled trip's plan names in the same
    sentence (talks, a signing) is called off with it and keeps the trip's time."""
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
            if not event.dated and visit.dated:
                event.time, event.dated = replace(visit.time), True


def _inherit_anchors(pairs: list[tuple[merge.Cluster, Event]]) -> None:
    owner = {m.token: (g, e) for g, e in pairs for m in g.mentions}
    for group, event in pairs:
        for mention in group.mentions:
            if mention.anchor is None or mention.anchor not in owner or event.dated:
                continue
            _, host = owner[mention.anchor]
            if host.dated:
                event.time, event.dated = host.time, True
            event.location = event.location or host.location


def loose_candidates(group: merge.Cluster, free: list[Timex], dct: date) -> list[Candidate]:
    """Future dates in the event's own sentences that attach to no event."""
    found = []
    for mention in group.mentions:
        start, end = mention.sentence
        for timex in free:
            future = (timex.latest or "") >= dct.isoformat()
            if start <= timex.start < end and future and timing.is_dated(timex):
                found.append(Candidate(timex.value, mention.status, timex.text))
    return found
