"""Walking a phrase in the dependency parse: children by relation, a token's prepositional
objects, a phrase without the clauses inside it, whether a noun is definite (read across
the events step)."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Doc, Token

#: words that open a relative clause and stand for its noun
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


#: determiners of a noun that refers back to one told before ('the visit', 'this trip',
#: 'that summit')
DEFINITE = ("the", "this", "that")
#: the same with the plural demonstratives ('these talks', 'those visits')
DEFINITE_PLURAL = (*DEFINITE, "these", "those")
#: the article alone ('the ministry', not 'this ministry')
THE = ("the",)


def is_definite(
    noun: Token, determiners: Collection[str] = DEFINITE, possessive: bool = False
) -> bool:
    """The noun takes one of ``determiners`` ('the visit', 'this trip') or, when
    ``possessive``, a possessor ('its signing', 'the President's visit')."""
    return any(
        (c.dep_ == "det" and c.lower_ in determiners) or (possessive and c.dep_ == "poss")
        for c in noun.children
    )


#: particles before a 'to' of travel: 'flies on to Tokyo', 'went back to Kyiv'
ONWARD = {"on", "onward", "onwards", "back"}


def prep_objects(token: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs attached to ``token``, passive 'by' included."""
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.pos_ == "ADP":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield child.lower_, pobj
                elif pobj.dep_ == "prep" and child.lower_ in ONWARD and pobj.lower_ == "to":
                    # 'flies on to Tokyo': the parser hangs 'to' on 'on'
                    yield from ((pobj.lower_, p) for p in pobj.children if p.dep_ == "pobj")
        elif child.dep_ == "dative":
            yield "to", child


#: clauses inside a phrase whose participants and places are not the phrase's ('at the
#: summit, where they discussed Syria': the summit is not in Syria, nor Syria at it)
INNER_CLAUSES = ("relcl", "advcl", "ccomp")


def phrase_tokens(token: Token) -> list[Token]:
    """The tokens of a phrase, without the clauses inside it."""
    spans = [
        (c.left_edge.i, c.right_edge.i)
        for c in token.subtree
        if c.dep_ in INNER_CLAUSES and c.i != token.i
    ]
    return [t for t in token.subtree if not any(lo <= t.i <= hi for lo, hi in spans)]


def due_in(clause: Token) -> bool:
    """'is due in Tokyo in October', 'was due in Lima': a copula with `due` and no infinitive
    of its own, which makes a journey (an act it is made `for` happens there and then)."""
    return clause.lemma_.lower() == "be" and any(
        c.dep_ == "acomp" and c.lower_ == "due" and not any(g.dep_ == "xcomp" for g in c.children)
        for c in clause.children
    )


def token_at(doc: Doc, offset: int) -> Token | None:
    """The token that holds the character at ``offset`` (an actor's or a place's start)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
