"""Who says 'I' and who is 'you' in transcripts: interviews, briefings, bulletins.

News prints spoken exchanges in three ways this module reads:

- **speaker labels** at the start of a paragraph: ``MR. MCCORMACK: We will …``,
  ``OKAFOR: No date for that visit yet``; the label names a person of the article;
- **Q/A labels**: ``Q: Would you meet your counterpart?`` / ``A: If he calls, I will …``;
  the answers are the interviewee's (or the briefing spokesperson's), whom the
  paragraphs before the first question name;
- **a monologue**: a speech, address, remarks, lecture or letter printed whole, under a
  heading that names its author (``Address by President Tomás Herrera of Chile``,
  ``Remarks by the Secretary General``) and told in the first person: every paragraph after
  the heading is the author's;
- **an unlabelled interview**: a lead such as ``X spoke to The Ledger on Monday`` or ``in
  an interview with``, then questions and answers in alternate paragraphs (a paragraph
  ending in a question mark is a question; the one after it an answer).

In a speaker's paragraph, ``I``/``we``/``my`` stand for the speaker; in a question,
``you``/``your`` stand for the one who answers it. Quotations keep their own speaker
(the caller asks this only where the quote's reporting verb did not answer).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from dateline.events import timing
from dateline.events.arguments import place_of
from dateline.events.mention import Mention
from dateline.events.participants import SECOND_PERSON, MentionIndex, actor_ref
from dateline.model import Actor, Timex

if TYPE_CHECKING:
    from dateline.events.lexicon import Lexicon

#: 'Q:', 'QUESTION:', 'A:', a label of capitals ('MR. MCCORMACK:', 'SPOKESPERSON WANG:') or
#: of up to four capitalised words ('Mamani:', 'El Altiplano:')
LABEL = re.compile(
    r"[ \t]*(?:\d{1,3}\.[ \t]+)?"  # a numbered question in a parliament's record
    r"(?P<label>[A-Z][A-Z.'’\- ]{0,40}?|[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}"
    r"|[A-Z][^:\n]{0,100}?\))"  # 'The Minister of State … (Mr Adrian Pell)', 'Mr X (Bath) (LD)'
    r"[ \t]*:[ \t]+(?=\S)"
)
QUESTION_LABELS = {"Q", "QUESTION"}
ANSWER_LABELS = {"A", "ANSWER"}
#: a lead that opens an unlabelled interview
INTERVIEW_LEAD = re.compile(
    r"\b(interview|spoke (to|with)|talked (to|with)|sat down with|in conversation with"
    r"|we spoke|we talked|we met|(press|news) conference|briefing|briefed)\b",
    re.I,
)

#: verbs of the lead that the place of the interview hangs on
LEAD_VERBS = {"speak", "talk", "sit", "meet", "interview", "brief"}


@dataclass
class Voices:
    """Per paragraph (by its start offset): the person id who speaks in it, and the one
    its 'you' addresses."""

    starts: list[int] = field(default_factory=list)
    speaker: list[str | None] = field(default_factory=list)
    addressee: list[str | None] = field(default_factory=list)
    interviewee: str | None = None  # who answers the questions, if anybody does
    occasion: int | None = None  # offset of the lead's 'spoke to', 'interview', 'briefing'
    author: bool = False  # a monologue: the heading names the one who speaks throughout

    def of(self, offset: int, word: str) -> str | None:
        """The person id a first- or second-person word at ``offset`` stands for."""
        block = bisect.bisect_right(self.starts, offset) - 1
        if block < 0:
            return None
        if word.lower() in SECOND_PERSON:
            return self.addressee[block]
        return self.speaker[block]


def read_voices(doc: Doc, people: list[Actor], blocks: list[tuple[int, int]]) -> Voices:
    """The speakers of a transcript's paragraphs; empty for an ordinary article."""
    text = doc.text
    voices = Voices()
    if not people or len(blocks) < 3:
        return voices
    # the headline's 'Interview: …' is no speaker; a transcript labels several paragraphs
    labels = [None] + [_label(text, start, end) for start, end in blocks[1:]]
    if sum(label is not None for label in labels) >= 2:
        return _labelled(text, blocks, labels, people)
    return _monologue(text, blocks, people) or _unlabelled(text, blocks, people)


def _label(text: str, start: int, end: int) -> str | None:
    match = LABEL.match(text, start, end)
    if match is None:
        return None
    label = match.group("label").strip()
    return label.upper() if label.upper() in QUESTION_LABELS | ANSWER_LABELS else label


def _surname_person(label: str, people: list[Actor]) -> str | None:
    """The one person a label names by a name of theirs ('MR. MCCORMACK', 'Mamani')."""
    words = {w.strip(".'’").lower() for w in label.split()}
    found = [p.id for p in people if any(len(w) > 2 and w.lower() in words for w in p.name.split())]
    return found[0] if len(set(found)) == 1 else None


def _named_in(span: tuple[int, int], people: list[Actor]) -> list[tuple[int, str]]:
    start, end = span
    return sorted((a, p.id) for p in people for a, _ in p.mentions if start <= a < end)


def _main_person(spans: list[tuple[int, int]], people: list[Actor]) -> str | None:
    """The person the intro paragraphs name most (the first named on a tie)."""
    named = [pid for span in spans for _, pid in _named_in(span, people)]
    if not named:
        return None
    return max(dict.fromkeys(named), key=named.count)


def _labelled(
    text: str, blocks: list[tuple[int, int]], labels: list[str | None], people: list[Actor]
) -> Voices:
    first = next(i for i, label in enumerate(labels) if label is not None)
    named = {
        i: _surname_person(label, people)
        for i, label in enumerate(labels)
        if label is not None and label not in QUESTION_LABELS | ANSWER_LABELS
    }
    asks = {pid: 0 for pid in named.values() if pid}
    for i, pid in named.items():
        if pid and text[blocks[i][0] : blocks[i][1]].rstrip().endswith("?"):
            asks[pid] += 1
    for i, pid in named.items():
        if pid and 2 * asks[pid] > sum(1 for p in named.values() if p == pid):
            named[i] = None  # 'El Altiplano: Will the round still take place?' asks
    speakers = [pid for pid in named.values() if pid]
    # who answers: the person the labels name most ('Mamani:'), else the one the paragraphs
    # before the first label name most ('Q:' / 'A:' after an introduction)
    asked = any(label in QUESTION_LABELS | ANSWER_LABELS for label in labels)
    interviewee = (
        max(dict.fromkeys(speakers), key=speakers.count)
        if speakers
        else _main_person(blocks[:first], people)
        if asked
        else None  # 'ANCHOR:', 'CORRESPONDENT:': a bulletin's roles, nobody interviewed
    )
    voices = Voices(interviewee=interviewee, occasion=_lead(text, blocks[: max(first, 1)]))
    current: str | None = None  # the speaker a label last named, for unlabelled follow-ons
    for i, (start, _) in enumerate(blocks):
        label = labels[i]
        speaker: str | None = None
        if label in ANSWER_LABELS:
            speaker = interviewee
        elif label is not None:
            speaker = named.get(i)  # None for 'Q:' and for the interviewer ('El Altiplano:')
        elif current is not None and i > first:
            speaker = current  # a speaker's answer running on over several paragraphs
        current = speaker if label is not None else current
        voices.starts.append(start)
        voices.speaker.append(speaker)
        voices.addressee.append(None)
    # a question's 'you' is who answers it: the next labelled speaker
    for i in range(len(blocks)):
        if labels[i] is not None and voices.speaker[i] is None:
            voices.addressee[i] = next(
                (voices.speaker[j] for j in range(i + 1, len(blocks)) if voices.speaker[j]),
                None,
            )
    return voices


#: the heading of a speech or letter printed whole: 'Address by President X of Chile',
#: 'Prepared remarks of the Secretary', 'Text of a letter from the Prime Minister'
MONOLOGUE_HEAD = re.compile(
    r"\b(?:address|remarks|speech|lecture|keynote|statement|letter|message|toast)"
    r"\s+(?:by|of|from)\s+\S",
    re.I,
)
#: 'I' outside quotation marks: a paragraph its author tells
FIRST_PERSON_I = re.compile(r"(?<![\w\"“])I\b(?!['’]?\w)|\bI['’](?:m|ve|ll|d)\b|\bmy\b")


def _monologue(text: str, blocks: list[tuple[int, int]], people: list[Actor]) -> Voices | None:
    """A speech or letter printed whole: the heading among the first paragraphs names its
    author, and two or more paragraphs after it speak in the first person singular outside
    quotes (a report about a speech quotes it instead)."""
    for i, (start, end) in enumerate(blocks[:4]):
        match = MONOLOGUE_HEAD.search(text, start, end)
        # the author is named after 'by' (not 'SPEECH TRANSCRIPT' above it)
        named = _named_in((match.end() - 1, end), people) if match else []
        if match is None or not named:
            continue
        body = blocks[i + 1 :]
        told = sum(
            1 for a, b in body if FIRST_PERSON_I.search(re.sub(r"[\"“][^\"”]*[\"”]", "", text[a:b]))
        )
        if told < 2 or told * 3 < len(body):
            return None
        author = named[0][1]
        voices = Voices(interviewee=author, occasion=match.start(), author=True)
        for j, (a, _) in enumerate(blocks):
            voices.starts.append(a)
            voices.speaker.append(author if j > i else None)
            voices.addressee.append(None)
        return voices
    return None


def _lead(text: str, blocks: list[tuple[int, int]]) -> int | None:
    """Offset of the first 'interview', 'spoke to', 'briefing' … of the given paragraphs."""
    for start, end in blocks:
        match = INTERVIEW_LEAD.search(text, start, end)
        if match:
            return match.start()
    return None


def _unlabelled(text: str, blocks: list[tuple[int, int]], people: list[Actor]) -> Voices:
    lead = next(
        (
            i
            for i in range(min(5, len(blocks)))
            if INTERVIEW_LEAD.search(text, *blocks[i]) and _named_in(blocks[i], people)
        ),
        None,
    )
    if lead is None:
        return Voices()
    body = blocks[lead + 1 :]
    quoted = sum(1 for a, b in body if any(q in text[a:b] for q in '"“”'))
    asked = sum(1 for a, b in body if text[a:b].rstrip().endswith("?"))
    if asked < 2 or quoted > len(body) // 3:
        return Voices()  # a report with quotes, not a transcript
    named = _named_in(blocks[lead], people)
    if not named:
        return Voices()
    interviewee = named[0][1]
    voices = Voices(interviewee=interviewee, occasion=_lead(text, blocks[lead : lead + 1]))
    role = "intro"
    for i, (start, end) in enumerate(blocks):
        if i > lead:
            if text[start:end].rstrip().endswith("?"):
                role = "question"
            else:
                role = "answer" if role in ("question", "intro") else "question"
        voices.starts.append(start)
        voices.speaker.append(interviewee if role == "answer" else None)
        voices.addressee.append(interviewee if role == "question" else None)
    return voices


def interview_statement(
    mentions: list[Mention], doc: Doc, index: MentionIndex, timexes: list[Timex], lexicon: Lexicon
) -> list[Mention]:
    """'We spoke to Deputy Foreign Minister Mamani in his office on Thursday', 'X spoke to
    The Ledger on Monday': the answers of an interview or briefing are one statement of the
    one who answers, made on the occasion the lead dates (a row no 'said' gives)."""
    voices = index.voices
    if voices.interviewee is None or voices.occasion is None:
        return mentions
    actor = index.actor_by_id(voices.interviewee)
    span = doc.char_span(voices.occasion, voices.occasion + 1, alignment_mode="expand")
    trigger = lexicon.trigger("say", "verb")
    if actor is None or span is None or trigger is None:
        return mentions
    token = span[0]
    sentence = token.sent
    lo, hi = sentence.start_char, sentence.end_char
    told = [m for m in mentions if m.type == "STATEMENT" and lo <= m.sentence[0] < hi]
    for m in told:
        if m.token == token.i or actor.id in {r.id for r in m.targets}:
            # 'We spoke to Mamani': the one interviewed speaks, not the paper
            m.sources, m.targets = [actor_ref(actor, token.idx)], []
    if any(actor.id in {r.id for r in m.sources} for m in told):
        return mentions
    dated = [t for t in timexes if lo <= t.start < hi and timing.is_dated(t)]
    after = [t for t in dated if t.start > token.idx]
    mention = Mention(
        trigger=trigger,
        token=token.i,
        clause=token.i,
        sentence=(lo, hi),
        sources=[actor_ref(actor, token.idx)],
        status="occurred",
        cue="past tense",
    )
    if voices.author:
        # a speech's heading names its venue ('Auckland Chamber of Commerce luncheon,
        # Auckland, Friday 12 August 2011'): the first city of its paragraph after the
        # author's name ('President X of Chile' names where the author comes from)
        text = doc.text
        block_end = text.find("\n\n", voices.occasion)
        block_end = len(text) if block_end < 0 else block_end
        cities = [
            i
            for i, p in index.token_place.items()
            if token.i < i and doc[i].idx < block_end and p.kind == "city"
        ]
        mention.location = index.token_place[min(cities)] if cities else None
    else:
        # 'spoke to us at the embassy in Mexico City on Friday': where the lead puts it (its
        # sentence may open with the heading's 'Interview:')
        leads = [token, *(t for t in sentence if t.lemma_.lower() in LEAD_VERBS)]
        mention.location = next((p for p in (place_of(t, index) for t in leads) if p), None)
    chosen = (after or dated)[:1]
    if chosen:
        mention.timexes, mention.time, mention.dated = chosen, timing.point(chosen[0]), True
    return [*mentions, mention]
