"""Who asserts an event: the quoted or reporting source, or None for the article itself."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from dateline.events.participants import FIRST_PERSON, MentionIndex, resolve
from dateline.events.triggers import is_parenthetical

QUOTES = '"“”«»'


def attribution(
    token: Token, sentence: Span, index: MentionIndex, cues: dict[str, Any]
) -> str | None:
    """The speaker of the nearest reporting verb above ``token`` ('some' for 'some speculate')."""
    for child in token.children:
        if is_parenthetical(child) and child.lemma_.lower() in cues["reporting_verbs"]:
            speaker = speaker_label(child, index, cues)
            if speaker is not None:
                return speaker  # 'Kim will visit Russia, Peskov said'
    node = token
    while node.head.i != node.i:
        child, node = node, node.head
        if child.dep_ not in ("ccomp", "parataxis"):
            continue
        if node.lemma_.lower() in cues["reporting_verbs"] and node.pos_ == "VERB":
            speaker = speaker_label(node, index, cues)
            if speaker is not None:
                return speaker
    return according_to(sentence, index)


def speaker_label(verb: Token, index: MentionIndex, cues: dict[str, Any]) -> str | None:
    """Actor id, or a label for unnamed sources; None when the subject is 'we' (look higher)."""
    for subj in verb.children:
        if subj.dep_ not in ("nsubj", "nsubjpass") or not index.same_block(subj, verb):
            continue
        if subj.lower_ in FIRST_PERSON:
            return None
        refs = resolve(subj, index)
        if refs:
            return refs[0].id
        return cues["unnamed_sources"].get(subj.lemma_.lower(), subj.lower_)
    return None


def according_to(sentence: Span, index: MentionIndex) -> str | None:
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < sentence.end:
            nxt = token.doc[token.i + 1]
            for pobj in nxt.children:
                if pobj.dep_ == "pobj":
                    refs = resolve(pobj, index)
                    return refs[0].id if refs else pobj.lower_
    return None


def in_quote(sentence: Span) -> bool:
    """Sentence opens with a quotation mark and has no reporting clause of its own."""
    text = sentence.text.lstrip()
    return bool(text) and text[0] in QUOTES
