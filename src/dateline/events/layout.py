"""Layout of an article for the events step: paragraphs, the photo caption, and the
evidence span of a sentence (clipped to its paragraph)."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right

from spacy.tokens import Doc, Span

from dateline.events import timing
from dateline.events.mention import Mention
from dateline.events.scene import dateline_body_starts
from dateline.model import Timex
from dateline.read.common import PHOTO_CREDIT, photo_caption

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Char spans of the blank-line separated blocks of the text."""
    spans, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def token_blocks(doc: Doc, blocks: list[tuple[int, int]]) -> list[int]:
    numbers, current = [], 0
    for token in doc:
        while current + 1 < len(blocks) and token.idx >= blocks[current + 1][0]:
            current += 1
        numbers.append(current)
    return numbers


def caption_blocks(doc: Doc, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The photo captions: the article's caption if given, else a first block ending in a
    credit; and every block that ends in a photo's credit (a gallery's captions)."""
    text = doc.text
    found = []
    article = doc._.article
    caption = getattr(article, "caption", None)
    start = text.find(caption.strip()[:80]) if caption else -1
    if caption and start >= 0:
        found.append((start, start + len(caption.strip())))
    elif photo_caption([text[start:end] for start, end in blocks[:2]]):
        found.append(blocks[0])
    found += [b for b in blocks if b not in found and PHOTO_CREDIT.search(text, *b)]
    return found


#: a wire's credit line: '(Reporting by Ana Lima; Editing by Tom Brown)', 'Additional
#: reporting by ...', 'Compiled by ...' -- who wrote the story, not what anyone said
CREDIT_LINE = re.compile(
    r"[ \t]*[(\[]?[ \t]*(?:additional[ \t]+)?(?:reporting|writing|editing|compiled|compilation"
    r"|edited|written|translated|translation)[ \t]+by\b",
    re.IGNORECASE,
)


def credit_blocks(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The blocks that are credit lines, whose 'by' names the story's writers."""
    return [b for b in blocks if CREDIT_LINE.match(text, b[0], b[1])]


#: what ``block_of`` answers for an offset in no block
NO_BLOCK = (0, 0)


def block_of(offset: int, blocks: list[tuple[int, int]]) -> tuple[int, int]:
    """The block holding ``offset`` (blocks are in text order and do not overlap): a binary
    search, since a long article asks once per mention; ``NO_BLOCK`` when none does."""
    index = bisect_right(blocks, (offset, sys.maxsize)) - 1
    if index >= 0 and blocks[index][0] <= offset < blocks[index][1]:
        return blocks[index]
    return NO_BLOCK


def evidence_span(sentence: Span, block: tuple[int, int], text: str) -> tuple[int, int]:
    """The sentence clipped to its paragraph (the parser sometimes runs across blank lines)."""
    start = max(sentence.start_char, block[0])
    end = min(sentence.end_char, block[1]) if block[1] else sentence.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def caption_times(mentions: list[Mention], timexes: list[Timex]) -> set[int]:
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


def mark_dateline_starts(doc: Doc) -> Doc:
    """Before the parser: the body after a wire dateline ('NAIROBI, March 3 (Wire) — …')
    starts a sentence of its own, so the city is not parsed as the sentence's subject."""
    starts = dateline_body_starts(doc.text)
    if not starts:
        return doc
    for token in doc:
        if token.idx in starts and token.i > 0:
            token.is_sent_start = True
    return doc
