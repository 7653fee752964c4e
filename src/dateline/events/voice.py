"""Who says 'I' and who is 'you' in transcripts: interviews, briefings, bulletins.

News prints spoken exchanges in three ways this module reads:

- **speaker labels** at the start of a paragraph: ``MR. MCCORMACK: We will …``,
  ``OKAFOR: No date for that visit yet``; the label names a person of the article;
- **Q/A labels**: ``Q: Would you meet your counterpart?`` / ``A: If he calls, I will …``;
  the answers are the interviewee's (or the briefing spokesperson's), whom the
  paragraphs before the first question name;
- **an unlabelled interview**: a lead such as ``X spoke to The Ledger on Monday`` or ``in
  an interview with``, then questions and answers in alternate paragraphs (a paragraph
  ending in a question mark is a question; the one after it an answer).

In a speaker's paragraph, ``I``/``we``/``my`` stand for the speaker; in a question,
``you``/``your`` stand for the one who answers it. Quotations keep their own speaker
(the caller asks this only where the quote's reporting verb did not answer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dateline.model import Actor

#: 'Q:', 'QUESTION:', 'A:', or a label of capitals ('MR. MCCORMACK:', 'SPOKESPERSON WANG:')
LABEL = re.compile(r"[ \t]*(?P<label>[A-Z][A-Z.'’\- ]{0,40}?)[ \t]*:[ \t]+(?=\S)")
QUESTION_LABELS = {"Q", "QUESTION"}
ANSWER_LABELS = {"A", "ANSWER"}
#: a lead that opens an unlabelled interview
INTERVIEW_LEAD = re.compile(
    r"\b(interview|spoke (to|with)|talked (to|with)|sat down with|in conversation with)\b", re.I
)
SECOND_PERSON = {"you", "your", "yours", "yourself"}


@dataclass
class Voices:
    """Per paragraph (by its start offset): the person id who speaks in it, and the one
    its 'you' addresses."""

    starts: list[int] = field(default_factory=list)
    speaker: list[str | None] = field(default_factory=list)
    addressee: list[str | None] = field(default_factory=list)

    def _block(self, offset: int) -> int:
        lo, hi = 0, len(self.starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.starts[mid] <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo - 1

    def of(self, offset: int, word: str) -> str | None:
        """The person id a first- or second-person word at ``offset`` stands for."""
        block = self._block(offset)
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
    labels = [_label(text, start, end) for start, end in blocks]
    if any(label is not None for label in labels):
        return _labelled(text, blocks, labels, people)
    return _unlabelled(text, blocks, people)


def _label(text: str, start: int, end: int) -> str | None:
    match = LABEL.match(text, start, end)
    return match.group("label").strip().upper() if match else None


def _surname_person(label: str, people: list[Actor]) -> str | None:
    """The person a label of capitals names by surname ('MR. MCCORMACK', 'OKAFOR')."""
    words = {w.strip(".'’").lower() for w in label.split()}
    found = [p.id for p in people if p.name.split() and p.name.split()[-1].lower() in words]
    return found[0] if len(set(found)) == 1 else None


def _named_in(text: str, span: tuple[int, int], people: list[Actor]) -> list[tuple[int, str]]:
    start, end = span
    return sorted((a, p.id) for p in people for a, _ in p.mentions if start <= a < end)


def _main_person(text: str, spans: list[tuple[int, int]], people: list[Actor]) -> str | None:
    """The person the intro paragraphs name most (the first named on a tie)."""
    named = [pid for span in spans for _, pid in _named_in(text, span, people)]
    if not named:
        return None
    return max(dict.fromkeys(named), key=named.count)


def _labelled(
    text: str, blocks: list[tuple[int, int]], labels: list[str | None], people: list[Actor]
) -> Voices:
    first_q = next(
        (i for i, label in enumerate(labels) if label in QUESTION_LABELS | ANSWER_LABELS),
        len(blocks),
    )
    interviewee = _main_person(text, blocks[:first_q], people)
    voices = Voices()
    current: str | None = None  # the speaker a label last named, for unlabelled follow-ons
    for i, (start, _) in enumerate(blocks):
        label = labels[i]
        speaker: str | None = None
        if label in ANSWER_LABELS:
            speaker = interviewee
        elif label in QUESTION_LABELS:
            speaker = None
        elif label is not None:
            speaker = _surname_person(label, people)
        elif current is not None and i > first_q:
            speaker = current  # a speaker's answer running on over several paragraphs
        current = speaker if label is not None else current
        voices.starts.append(start)
        voices.speaker.append(speaker)
        voices.addressee.append(interviewee if label in QUESTION_LABELS else None)
    # a question's 'you' is who answers it: the next labelled speaker in a briefing
    for i in range(len(blocks)):
        if labels[i] in QUESTION_LABELS and voices.addressee[i] is None:
            voices.addressee[i] = next(
                (voices.speaker[j] for j in range(i + 1, len(blocks)) if voices.speaker[j]),
                None,
            )
    return voices


def _unlabelled(text: str, blocks: list[tuple[int, int]], people: list[Actor]) -> Voices:
    lead = next(
        (
            i
            for i in range(min(3, len(blocks)))
            if INTERVIEW_LEAD.search(text[blocks[i][0] : blocks[i][1]])
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
    named = _named_in(text, blocks[lead], people)
    if not named:
        return Voices()
    interviewee = named[0][1]
    voices = Voices()
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
