"""Where an event happens when its own clause does not say: the occasion it was part of.

Rules over the mentions of one article, before merging:

- a ``when`` clause tells what was done on the occasion its main clause names ("last met
  in Baku in May, when they agreed to start negotiations"): it happened there too;
- a verb conjoined to another with no subject of its own shares the occasion ("met in
  Tete on June 27 and agreed on a joint fund"), and so does one whose subject is the same
  parties under another name ("… in New York, and the two sides agreed").

Only events that happen where their participants are (``scene.ON_SCENE``) take the
occasion's place: aid goes where it is sent, an attack falls where it falls.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.events.arguments import children, place_of
from dateline.events.mention import Mention
from dateline.events.participants import MentionIndex
from dateline.events.scene import ON_SCENE
from dateline.model import Place

#: subjects of a conjoined clause that stand for the parties of the clause before it
SAME_PARTIES = {"they", "both", "sides", "leaders", "ministers", "men", "women", "presidents"}


def occasion_places(mentions: list[Mention], doc: Doc, index: MentionIndex) -> None:
    """Give an on-the-scene mention with no place the place of the occasion it hangs on."""
    by_token: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_token.setdefault(mention.clause, []).append(mention)
    for mention in mentions:
        if mention.location is not None or mention.type not in ON_SCENE:
            continue
        host = occasion_verb(doc[mention.clause])
        if host is not None:
            mention.location = _place_of_occasion(host, by_token, index)


def occasion_verb(clause: Token) -> Token | None:
    """The verb whose occasion ``clause`` is part of: the main clause of a ``when`` clause,
    or the verb a subjectless (or same-parties) conjunct hangs on."""
    if clause.dep_ in ("advcl", "relcl") and any(
        c.lower_ == "when" and c.dep_ == "advmod" for c in clause.children
    ):
        # 'met in Baku in May 2026, when they agreed': the parser hangs the clause on the
        # date or on the verb
        head = clause.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        return head if head.pos_ in ("VERB", "AUX") else None
    if clause.dep_ == "conj" and clause.head.pos_ == "VERB" and _shares_parties(clause):
        return clause.head
    return None


def _shares_parties(conjunct: Token) -> bool:
    subjects = children(conjunct, "nsubj", "nsubjpass")
    return not subjects or all(s.lower_ in SAME_PARTIES for s in subjects)


def _place_of_occasion(
    host: Token, by_token: dict[int, list[Mention]], index: MentionIndex
) -> Place | None:
    """The place of the event told at ``host``, else the place its 'in' or 'at' names."""
    told = [m.location for m in by_token.get(host.i, []) if m.location is not None]
    return told[0] if told else place_of(host, index)
