"""Find trigger words in a sentence and drop the ones that are not events of their own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from dateline.events.lexicon import Lexicon, Trigger

NOUN_TAGS = ("NN", "NNS")
SPEECH_VERBS = {"say", "tell", "add", "state", "confirm"}
TOPIC_TYPES = {"DISCUSS"}  # 'discuss cooperation': the noun is the topic, not an event
NOT_A_DEAL = {"great", "good"}
TOPIC_PREPS = {"about", "on", "over"}
PARTICLES = {"out", "off"}  # 'walked out of', parsed as a preposition
#: 'pulling their fighters back', 'stayed away from the summit', parsed as an adverb
ADVERB_PARTICLES = {"back", "away"}
CALL_MARKERS = {"phone", "telephone", "video"}
CUE_ONLY = {"agree", "refuse", "decline", "reject", "invite"}


#: 'will down tools': the parser takes this 'down' for a preposition heading the clause
DOWN_TOOLS = {"down", "downed", "downing", "downs"}
#: what makes a 'strike' a stoppage of work rather than an attack: its modifiers, its
#: reason ('over pay'), or the verb that governs it ('called a strike', 'went on strike')
LABOUR_MODIFIERS = {
    "general", "nationwide", "national", "worker", "workers", "union", "labour", "labor",
    "teacher", "doctor", "nurse", "hunger", "sit", "wildcat", "transport", "rail", "port",
    "dock", "pilot", "staff", "member", "warning", "indefinite", "hour", "day", "week",
    "rolling", "miner", "driver", "employee", "sector", "sympathy", "student", "lecturer",
}  # fmt: skip
LABOUR_REASONS = {
    "pay", "wage", "salary", "pension", "condition", "job", "contract", "privatization",
    "privatisation", "concession", "layoff", "bonus", "allowance", "arrear",
}  # fmt: skip
LABOUR_VERBS = {"call", "stage", "suspend", "postpone", "call off"}
#: who stops work ('a strike by air traffic controllers')
LABOUR_AGENTS = {
    "controller", "pilot", "dockworker", "docker", "farmer", "trucker", "porter",
    "journalist", "unionist", "firefighter", "officer", "guard", "crew", "cleaner",
}  # fmt: skip
MILITARY_MODIFIERS = {
    "air", "missile", "drone", "military", "rocket", "artillery", "preemptive",
    "pre-emptive", "nuclear", "retaliatory", "precision", "naval", "targeted", "surgical",
    "aerial", "cruise", "bombing", "first", "counter", "deadly", "lethal",
}  # fmt: skip


def pos_class(token: Token) -> str | None:
    """'verb' or 'noun'; a gerund used as a noun ('Fighting resumed') counts as a noun."""
    if token.lower_ in DOWN_TOOLS and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "tool" for c in token.children
    ):
        return "verb"
    if token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return "noun"
    if token.tag_.startswith("VB"):
        return "verb"
    if token.tag_ in NOUN_TAGS or named_gathering(token):
        return "noun"
    return None


#: the last word of a gathering's proper name ('the Ireland-Africa Business Forum', 'the
#: Japan-Chile Economic Dialogue')
GATHERING_NAMES = {"forum", "dialogue", "summit", "conference", "meeting"}
#: verbs that hold, plan or move the gathering a name denotes ('the … Forum was cancelled',
#: 'will open the … Business Forum'), rather than the body of that name ('the World
#: Economic Forum said')
HOLDING_VERBS = {
    "hold", "postpone", "cancel", "schedule", "move", "delay", "defer", "open", "convene",
    "plan", "reschedule", "scrap", "drop", "call", "put", "take", "go", "set", "push",
    "organise", "organize", "host", "chair", "co-chair", "close", "begin", "start", "end",
}  # fmt: skip


def named_gathering(token: Token) -> bool:
    """A gathering told by a proper name that pairs its parties ('India-Argentina') as what
    is held, planned or moved: the name's head is the subject or object of a verb of holding
    ('The Ireland-Africa Business Forum, which was to be held in Cork, was cancelled'), or
    such a verb describes it."""
    if token.tag_ not in ("NNP", "NNPS") or token.lemma_.lower() not in GATHERING_NAMES:
        return False
    if token.dep_ in ("compound", "nmod"):
        return False  # 'the Forum Secretariat': a part of another name
    verbs = [c for c in token.children if c.dep_ in ("acl", "relcl")]
    if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        verbs.append(token.head)
    if not any(t.tag_ == "HYPH" for t in token.doc[token.left_edge.i : token.i]):
        # 'the Eastern Economic Forum said': a body of that name, unless the name is what
        # is held, moved or expected ('The 11th Summit of the Area was held in Ha Noi',
        # 'The North American Leaders' Summit was expected in Quebec City in March')
        return token.dep_ == "nsubjpass" and _name_held(token.head)
    return any(v.lemma_.lower() in HOLDING_VERBS for v in verbs)


#: passive verbs that hold, move or expect a gathering told by a name of no pair
NAME_HOLDING_VERBS = {
    "hold", "postpone", "cancel", "schedule", "move", "delay", "defer", "reschedule",
    "scrap", "plan", "expect", "convene",
}  # fmt: skip


def _name_held(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == "expect":  # 'was expected in Quebec City', not 'is expected to say'
        return any(c.dep_ == "prep" and c.lower_ == "in" for c in verb.children)
    return lemma in NAME_HOLDING_VERBS


def lookup(token: Token, lexicon: Lexicon) -> Trigger | None:
    """The trigger entry a token matches, with the entry's own conditions checked."""
    pos = pos_class(token)
    if pos is None:
        return None
    lemma = token.lemma_.lower()
    particles = [
        c.lower_
        for c in token.children
        if c.dep_ == "prt"
        or (c.i == token.i + 1 and c.lower_ in PARTICLES)
        or (c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES)
    ]
    entries = lexicon.entries(f"{lemma} {particles[0]}", pos) if particles else ()
    entries = entries or lexicon.entries(lemma, pos) or lexicon.entries(token.lower_, pos)
    if pos == "verb" and naming_disapproval(token, lexicon):
        faulting = lexicon.trigger("criticize", "verb")
        if faulting is not None:
            return replace(faulting, lemma=lemma)  # 'called the rules "a provocation"'
    for trigger in entries:
        if trigger.lemma == "call" and pos == "verb" and not _phone_call(token):
            continue  # 'was called off', 'called an early election', 'called for talks'
        if _fits(token, trigger, lexicon):
            if trigger.lemma == "strike" and labour_strike(token):
                return replace(trigger, type="PROTEST")
            if trigger.type == "PROTEST" and diplomatic_protest(token):
                return replace(trigger, type="ACCUSE")
            if trigger.lemma == "declare" and _non_grata(token):
                return replace(trigger, type="SANCTION")  # an expulsion (annotation.md)
            if trigger.type == "DISCUSS" and held_session(token):
                return replace(trigger, type="MEET")
            if trigger.lemma == "debate" and _debate_of_candidates(token):
                return replace(trigger, type="MEET")
            if (
                trigger.lemma == "conference"
                and _one_sided_briefing(token)
                and scheduled_occasion(token)
                and _briefing_words(token) & PRESS_WORDS
            ):
                # 'the closing press conference, scheduled for 17:00, has been cancelled':
                # the speaker's statement occasion (annotation.md, 'Statements not made')
                return replace(trigger, type="STATEMENT")
            return trigger
    return None


#: verbs of accusing that a naming joined to them only goes on telling
ACCUSING = {"accuse", "blame", "condemn", "criticize", "criticise", "denounce", "charge"}


def naming_disapproval(verb: Token, lexicon: Lexicon) -> bool:
    """'Hanoi called the new rules "a provocation"', 'which Quito called "an insult"',
    'described the move as illegal': a verb of naming whose name faults what it names
    (cues.json naming_verbs, disapproval_words) is criticism, an ACCUSE of its subject
    (docs/annotation.md Types: criticism). A claim so named ('called the report absurd')
    is denied: that stays the denier's statement (annotation.md: Denials)."""
    if verb.lemma_.lower() not in lexicon.cues.get("naming_verbs", ()):
        return False
    faults = set(lexicon.cues.get("disapproval_words", ()))
    dismissing = lexicon.trigger("dismiss", "verb")
    claims = set(dismissing.objects) if dismissing is not None else set()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(o.lemma_.lower() in claims for o in objects):
        return False  # 'calls the charge "absurd"': a denial
    if any(o.lower_ in ("what", "whatever") for o in objects):
        return False  # 'against what it called foreign interference': the writer's hedge
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.lemma_.lower() in ACCUSING:
        return False  # 'accused the army of shelling, calling it "a violation"': one act
    names = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp", "attr")]
    names += [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for p in c.children
        if p.dep_ in ("pobj", "amod", "acomp")  # 'as a provocation', 'as illegal'
    ]
    # 'called the threat "blackmail"', parsed with the name as the object of the threat
    names += [o for o in objects if any(c.dep_ == "nmod" and c.i < o.i for c in o.children)]
    for name in names:
        words = {name.lemma_.lower(), name.lower_}
        words |= {c.lemma_.lower() for c in name.children if c.dep_ in ("amod", "compound")}
        if words & faults:
            return True
    return False


def _non_grata(verb: Token) -> bool:
    """'declared the attaché persona non grata' (however the parser hangs the Latin)."""
    return any(t.lower_ == "grata" and t.nbor(-1).lower_ == "non" for t in verb.subtree if t.i)


#: verbs a government's protest is handed over with ('lodged a protest with Beijing')
PROTEST_DELIVERY = {"lodge", "deliver", "file", "register", "hand", "convey", "issue", "send"}
#: what makes a protest a government's note rather than a crowd's ('a formal protest')
NOTE_MODIFIERS = {"diplomatic", "formal", "official"}


def diplomatic_protest(token: Token) -> bool:
    """A protest one government makes to another is a complaint (ACCUSE), not a crowd's
    protest: 'lodged a diplomatic protest with the embassy', 'delivered a formal protest to
    the ministry', 'a note of protest', 'protested to the embassy', 'summoned the
    ambassador to protest'."""
    if token.lemma_.lower() != "protest":
        return False
    head = token.head
    if pos_class(token) == "noun":
        if modifier_words(token) & NOTE_MODIFIERS:
            return True
        if token.dep_ == "dobj" and head.lemma_.lower() in PROTEST_DELIVERY:
            return True
        return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "note"
    if token.dep_ in ("xcomp", "advcl") and head.lemma_.lower() == "summon":
        return True
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)


def labour_strike(noun: Token) -> bool:
    """A 'strike' that stops work ('a nationwide strike over pay', 'went on strike', 'called
    a strike'), or any 'strike' of an article whose other strikes do and none attacks."""
    kind = _strike_kind(noun)
    if kind is not None:
        return kind == "labour"
    kinds = {_strike_kind(t) for t in noun.doc if t.i != noun.i and t.lemma_.lower() == "strike"}
    return "labour" in kinds and "military" not in kinds


#: modifiers that make consultations or negotiations a sitting ('annual consultations')
SESSION_MODIFIERS = {"annual", "political"}


def held_session(token: Token) -> bool:
    """'a new round of consultations', 'annual consultations', 'negotiations held in
    Geneva', 'discussed it by phone': a sitting of talks or a call is a MEET; 'the
    consultation ended on Aug. 10' or 'will open negotiations on a treaty' stay a
    DISCUSS."""
    if any(
        o.lemma_.lower() in CALL_MARKERS for p in ("by", "over") for o in _prep_objects(token, p)
    ):
        return True  # 'discussed the exchange by telephone': a call (annotation.md)
    if pos_class(token) != "noun":
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "round":
        return True
    if modifier_words(token) & SESSION_MODIFIERS:
        return True
    held = [c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() == "hold"]
    return any(
        _names_a_place(pobj)
        for t in (token, *held)
        for p in ("in", "at")
        for pobj in _prep_objects(t, p)
    )


def _strike_kind(noun: Token) -> str | None:
    if pos_class(noun) == "verb":
        return _striking_kind(noun)
    if pos_class(noun) != "noun":
        return None
    words = modifier_words(noun)
    if words & MILITARY_MODIFIERS:
        return "military"
    if words & LABOUR_MODIFIERS:
        return "labour"  # 'a general strike against the reform'
    if any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in noun.children):
        return "military"
    if _objects_of(noun, ("over", "for", "against")) & LABOUR_REASONS:
        return "labour"
    if _objects_of(noun, ("by",)) & (LABOUR_MODIFIERS | LABOUR_AGENTS):
        return "labour"  # 'the strike by Kenyan doctors'
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in ("go", "be"):
        return "labour"  # 'went on strike', 'are on strike'
    particles = [c.lower_ for c in head.children if c.dep_ == "prt"]
    verb = f"{head.lemma_.lower()} {particles[0]}" if particles else head.lemma_.lower()
    if noun.dep_ in ("dobj", "nsubjpass") and verb in LABOUR_VERBS:
        return "labour"
    return None


def _striking_kind(verb: Token) -> str | None:
    """'the nurses' union will strike on May 5' stops work; 'struck targets' attacks."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        words = {subject.lemma_.lower()} | modifier_words(subject)
        if words & (LABOUR_MODIFIERS | LABOUR_AGENTS | {"federation", "confederation"}):
            return "labour"
    return "military" if any(c.dep_ == "dobj" for c in verb.children) else None


def modifier_words(noun: Token) -> set[str]:
    """The lemmas of a noun's modifiers, compounds split at hyphens ('a live-fire drill':
    live, fire)."""
    words = {c.lemma_.lower() for c in noun.children if c.dep_ in _MODIFIER_DEPS}
    return words | {w for c in noun.children if c.dep_ == "compound" for w in c.lower_.split("-")}


def _objects_of(noun: Token, preps: tuple[str, ...]) -> set[str]:
    """Lemmas of the objects of the noun's own prepositions ``preps`` ('a strike over pay',
    'a strike by doctors')."""
    return {
        p.lemma_.lower()
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    }


_MODIFIER_DEPS = ("amod", "compound", "nmod", "poss", "npadvmod")

#: verbs that tell goods or their carriers arriving or setting out ('the convoy reached the
#: camps', 'a ship docked in Mogadishu', 'supplies got through', 'a second flight is due')
MOVING_VERBS = {
    "reach", "arrive", "dock", "land", "cross", "leave", "sail", "fly", "enter", "depart",
    "head", "drive", "roll", "touch", "get", "expect", "schedule",
}  # fmt: skip
#: verbs of carrying that tell a vehicle's load ('a ship carrying flour')
CARRYING_VERBS = {"carry", "bring", "transport", "load", "ferry", "haul"}


def _on_the_move(noun: Token) -> bool:
    """The noun is the subject of a verb of arriving or setting out ('A Turkish ship docked
    in Mogadishu', 'supplies got through', 'a second relief flight is expected on Friday');
    'got' only with 'through' or 'in'."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or pos_class(noun.head) != "verb":
        return False
    verb = noun.head
    lemma = verb.lemma_.lower()
    if lemma == "get":
        return any(c.lower_ in ("through", "in") for c in verb.children)
    if lemma == "be":  # 'a second flight is due on Saturday'
        return any(c.dep_ == "acomp" and c.lower_ == "due" for c in verb.children)
    return lemma in MOVING_VERBS


#: verbs that hold, plan, move or call off an occasion, with the occasion as their
#: passive subject or object ('the retreat has been cancelled', 'cancel a gala dinner')
SCHEDULING_VERBS = {
    "hold", "postpone", "cancel", "scrap", "drop", "move", "push", "delay", "defer",
    "reschedule", "schedule", "plan", "set", "shelve", "axe", "arrange", "pencil", "call",
    "put", "bring",
}  # fmt: skip
#: what tells a 'hold' still to come ('will be held', 'was to be held', 'never held')
TO_COME = {"will", "shall", "would", "'ll", "’ll", "to", "may", "might", "could", "should", "must"}
#: verbs whose plain subject is an occasion that happens or not ('will not take place')
HAPPENING_VERBS = {"happen", "proceed", "occur"}
#: participles that tell a noun planned ('a planned dinner', 'the reception, originally
#: scheduled for Thursday')
PLANNED_WORDS = {"plan", "schedule", "set", "arrange", "pencil", "postpone", "move", "cancel"}


def _still_to_hold(verb: Token) -> bool:
    """'will be held', 'was to be held', 'was never held': a hold planned or denied."""
    return any(
        c.dep_ == "neg" or (c.dep_ in ("aux", "auxpass") and c.lower_ in TO_COME)
        for c in verb.children
    )


def _happens(verb: Token) -> bool:
    """'take place', 'go ahead', 'happen', 'proceed', 'occur'."""
    lemma = verb.lemma_.lower()
    return (
        lemma in HAPPENING_VERBS
        or (lemma == "take" and any(c.lower_ == "place" for c in verb.children))
        or (lemma == "go" and any(c.lower_ == "ahead" for c in verb.children))
    )


def scheduled_occasion(noun: Token) -> bool:
    """The noun is told as an occasion held, planned, moved or called off: the passive
    subject or the object of a verb of holding or changing plans ('the retreat has been
    cancelled', 'will cancel a gala dinner', 'the reception was postponed to July 14'), the
    subject of 'take place', 'go ahead' or 'happen', or described by a participle or a
    relative clause of planning ('a dinner planned for Tuesday', 'the retreat that had been
    planned for 20 May', 'a planned reception', 'the briefing, due on Friday')."""
    head = noun.head
    if head.i != noun.i and pos_class(head) == "verb":
        lemma = head.lemma_.lower()
        if noun.dep_ in ("nsubjpass", "dobj") and lemma in SCHEDULING_VERBS:
            if lemma in ("call", "put", "bring"):
                return any(c.lower_ in ("off", "back", "forward") for c in head.children)
            # 'a state banquet was held in his honour': a part of the visit told, no plan
            return lemma != "hold" or _still_to_hold(head)
        if noun.dep_ == "nsubj" and _happens(head):
            return True
    for child in noun.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "amod" and lemma in PLANNED_WORDS:
            return True  # 'a planned dinner'
        if child.dep_ in ("acl", "relcl") and (
            lemma in PLANNED_WORDS or (lemma == "hold" and _still_to_hold(child))
        ):
            return True  # 'a dinner planned for Tuesday', 'the retreat that had been planned'
        if child.lower_ == "due" and any(c.dep_ == "prep" for c in child.children):
            return True  # 'the 2020 edition, due in Nairobi'
        if child.dep_ == "relcl" and _happens(child):
            return True  # 'the only debate, which went ahead with an empty podium'
    return False


#: what makes a debate a sitting of candidates or leaders ('a televised debate')
DEBATE_MODIFIERS = {
    "televised", "television", "tv", "presidential", "leader", "leaders", "candidate",
    "candidates", "electoral", "election", "campaign", "radio",
}  # fmt: skip


def _debate_of_candidates(noun: Token) -> bool:
    """A debate held as an occasion: told as held, planned, moved or called off ('a second
    debate is planned for April 11', 'the leaders' debate finally took place'), or between
    candidates or leaders ('a televised debate between the two candidates'); annotation.md
    makes it a MEET of the debaters. A chamber's debate of a bill stays a DISCUSS."""
    if pos_class(noun) != "noun":
        return False
    if scheduled_occasion(noun):
        return True
    return bool(modifier_words(noun) & DEBATE_MODIFIERS)


def _with_quantities(tokens: list[Token]) -> set[str]:
    """Lemmas of the tokens, their conjuncts and what their 'of' names ('3,000 tonnes of
    flour and medicines': tonne, flour, medicine)."""
    words: set[str] = set()
    for token in tokens:
        for one in (token, *token.conjuncts):
            words.add(one.lemma_.lower())
            words |= {c.lemma_.lower() for c in one.children if c.dep_ == "compound"}
            for of in _objects_tokens(one, "of"):
                words |= {o.lemma_.lower() for o in (of, *of.conjuncts)}
    return words


def _objects_tokens(token: Token, prep: str) -> list[Token]:
    return [
        p for c in token.children if c.dep_ == "prep" and c.lower_ == prep for p in c.children
        if p.dep_ == "pobj"
    ]  # fmt: skip


def cargo_words(noun: Token) -> set[str]:
    """What a convoy, a vehicle or a shipment carries: its 'of' objects, the objects of a
    verb of carrying hung on it ('a ship carrying flour'), and its 'with' objects or those of
    the verb it is the subject of ('helicopters flew in with water and flour')."""
    found = _objects_tokens(noun, "of") + _objects_tokens(noun, "with")
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in CARRYING_VERBS:
            found += [c for c in child.children if c.dep_ == "dobj"]
            found += _objects_tokens(child, "with")  # 'loaded with tents'
    if noun.dep_ in ("nsubj", "nsubjpass") and pos_class(noun.head) == "verb":
        found += _objects_tokens(noun.head, "with")
    return _with_quantities(found)


def _fits(token: Token, trigger: Trigger, lexicon: Lexicon) -> bool:
    """The entry's own conditions: number, objects, required arguments, clauses."""
    return _check(token, trigger, lexicon) is not None


def _check(token: Token, trigger: Trigger, lexicon: Lexicon) -> Trigger | None:
    if trigger.plural and token.tag_ != "NNS":
        return None
    if trigger.moving and not _on_the_move(token):
        return None  # 'the ship was built in Korea', 'supplies ran low': nothing brought
    if trigger.scheduled and not scheduled_occasion(token):
        return None  # 'told guests at a reception': an occasion named, none told held
    if trigger.modifiers or trigger.not_modifiers:
        # 'a prisoner exchange', and 'the exchange of detainees' as well
        words = modifier_words(token) | _objects_of(token, ("of",))
        if trigger.type == "AID":
            words |= cargo_words(token)  # 'a ship carrying flour', 'flew in with tents'
        if trigger.modifiers and not words & set(trigger.modifiers):
            return None  # 'an exercise in futility' is no joint exercise
        if words & set(trigger.not_modifiers):
            return None  # 'a military convoy' carries no aid
    objects = object_lemmas(token)
    if trigger.objects and not set(objects) & set(trigger.objects):
        return None
    if set(objects) & set(trigger.not_objects):
        return None  # 'met expectations'
    if _objects_of(token, trigger.requires) & set(trigger.not_objects):
        return None  # 'according to the published agenda': a document, nobody speaking
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    threat = any(not _plain_clause(c, lexicon) for c in clauses)
    if trigger.no_clause and not threat:
        # 'warned that Cambodia could take the dispute to …': what a party says it would do
        threat = any(_warned_action(c) for c in clauses)
    if trigger.no_clause and not threat and clauses:
        # 'warned that the drills threaten peace and said the army would take all necessary
        # measures': what a party says it would do, in the clause of a speech verb joined on
        # (the parser may join the saying to the warning or to its clause)
        joined = [v for head in (token, *clauses) for v in head.children if v.dep_ == "conj"]
        threat = any(
            _warned_action(c)
            for verb in joined
            if verb.lemma_.lower() in ("say", "add", "state")
            for c in verb.children
            if c.dep_ == "ccomp"
        )
    stays = trigger.stay and _person_in_a_place(token)  # 'is due in Seoul': 'in' on 'due'
    if trigger.requires and not (_has_required(token, trigger.requires) or threat or stays):
        return None
    if trigger.to_place and not (_to_a_place(token) or returned_from(token, trigger)):
        return None
    if trigger.stay and not _has_required(token, ("to",)) and not stays:
        return None
    if trigger.purpose and not any(
        c.dep_ in ("xcomp", "acl", "advcl") and c.lemma_.lower() in trigger.purpose
        for c in token.children
    ):
        return None  # 'offered to host the talks', not 'offered help'
    if trigger.gathering and not (
        _stays_away_unnamed(token) if trigger.away else _attends_unnamed(token)
    ):
        return None
    if trigger.gathering and trigger.lemma in BARE_COMINGS and not _comes_bare(token):
        return None  # 'the decision comes after …', 'came under fire': no one comes over
    if (
        trigger.away
        and trigger.lemma in STAYING
        and not (_at_home(token) or _stayed_instead(token))
    ):
        return None  # 'stayed in Colombo for two days' is a stay there, not away
    if trigger.gathering and trigger.lemma in STANDING_IN and not represented_by(token):
        return None  # 'Kenya will represent Africa': no one is sent anywhere
    if trigger.type == "VISIT" and said_going_home(token):
        return None  # 'he flies home tomorrow': the end of a stay, no visit of its own
    if trigger.no_clause and clauses and not threat and not objects:
        # 'warned that prices will rise' is a forecast; 'warned that it could strike' and
        # 'warned Taiwan that it would pay a price' (a warning aimed at someone) stay threats
        return None
    return trigger


#: verbs whose passive tells who a country sends to a gathering ('Hungary was represented by
#: Foreign Minister Bencze')
STANDING_IN = {"represent"}


def represented_by(verb: Token) -> list[Token]:
    """The 'by' objects of a passive 'represented by' (the ones sent), else nothing."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    return [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]


#: what stands for the gathering in 'a summit which Lavrov attended'
RELATIVE_PRONOUNS = {"that", "which", "whom", "who"}
#: phrases of a bare 'attend' that name no gathering: the role, the reason or the moment
#: ('will not attend because of a cabinet retreat', 'due to illness', 'after all')
UNNAMING_PREPS = {"in", "as", "because", "due", "owing", "amid", "despite", "after"}


def _attends_unnamed(verb: Token) -> bool:
    """'Li will not attend', 'a meeting that no minister attended': the gathering attended is
    not the verb's object (an object, or 'attend to', is something else)."""
    return not any(
        (c.dep_ == "dobj" and c.lower_ not in RELATIVE_PRONOUNS)
        or (c.dep_ in ("prep", "ccomp", "xcomp") and c.lower_ not in UNNAMING_PREPS)
        for c in verb.children
    )


#: what one stays away from ('pulled out of the summit', 'withdrew from the meeting'): a
#: gathering, not talks one walks out of (a protest) nor a treaty or a body one leaves
AWAY_FROM = {
    "summit", "meeting", "conference", "forum", "session", "gathering", "assembly",
    "ceremony", "inauguration", "funeral", "celebration", "event", "dialogue", "round",
}  # fmt: skip


def _stays_away_unnamed(verb: Token) -> bool:
    """'withdrew last week', 'pulled out of the summit on Friday', 'stayed away from the
    meeting': the gathering left is told before; no object ('withdrew its troops'), no 'from'
    or 'of' but a gathering ('withdrew from the EU'), no other phrase but a reason or moment."""
    children = list(verb.children)
    for particle in [c for c in children if c.i == verb.i + 1 and c.lower_ in PARTICLES]:
        children = [*children, *particle.children]  # 'pulled out of the summit'
    for child in children:
        if child.dep_ in ("dobj", "ccomp", "xcomp") or (
            child.dep_ == "prep" and child.lower_ == "as"
        ):
            return False  # 'withdrew its troops'; 'withdrew as host' leaves a role
        if child.i == verb.i + 1 and child.lower_ in PARTICLES:
            continue
        if child.dep_ != "prep" or child.lower_ in UNNAMING_PREPS:
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if objects and all(o.ent_type_ in ("DATE", "TIME") for o in objects):
            continue  # 'pulled out on Friday': the withdrawal's moment
        nouns = [o.lemma_.lower() for o in objects]
        if child.lower_ == "at" and nouns == ["home"]:
            continue  # 'stayed at home'
        if child.lower_ not in ("from", "of") or not set(nouns) & AWAY_FROM:
            return False
    return True


#: verbs of coming that, bare, tell an attendance of the gathering told before ('said its
#: president would not come'); with any phrase but a moment they tell something else
BARE_COMINGS = {"come"}
#: what a bare coming may have besides its subject and auxiliaries
BARE_COMING_DEPS = {"nsubj", "aux", "neg", "punct", "cc", "conj", "mark", "npadvmod", "advmod"}
#: adverbs that make 'come' no coming to the gathering ('came back', 'comes close')
NOT_COMING = {"back", "home", "here", "there", "up", "down", "out", "in", "forward", "close",
              "true", "about", "along", "over", "around", "through", "apart"}  # fmt: skip
#: verbs of staying whose 'home' tells staying away ('stayed at home', 'stayed home')
STAYING = {"stay"}


def _comes_bare(verb: Token) -> bool:
    """'its president would not come', 'they will come', 'who had planned to come in person':
    a subject, no object or phrase but a moment (or 'in person')."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.dep_ != "xcomp":
        return False
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in NOT_COMING:
            return False
        if child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            moment = objects and all(o.ent_type_ in ("DATE", "TIME") for o in objects)
            if not moment and [o.lower_ for o in objects] != ["person"]:
                return False
        elif child.dep_ not in BARE_COMING_DEPS:
            return False
    return True


def _at_home(verb: Token) -> bool:
    """'stayed home', 'stayed at home'."""
    return any(
        (c.dep_ in ("advmod", "npadvmod") and c.lower_ == "home")
        or (c.dep_ == "prep" and c.lower_ == "at" and any(o.lower_ == "home" for o in c.children))
        for c in verb.children
    )


#: words that tell a person was expected somewhere ('who had been due to attend', 'who was
#: invited to Doha')
EXPECTED_WORDS = {"due", "expect", "invite", "schedule", "plan", "set"}
#: … and the coming they were expected for ('who was to accompany the President')
COMING_VERBS = {"attend", "come", "travel", "accompany", "join", "visit", "go", "fly", "lead"}


def _stayed_instead(verb: Token) -> bool:
    """'Uganda's President, who had been due to attend, has stayed in Kampala', 'who was to
    accompany the President, stayed in Mexico City': a stay of someone a relative clause
    tells was expected elsewhere is staying away from there (not 'who is due to retire')."""
    if not any(c.dep_ == "prep" and c.lower_ == "in" for c in verb.children):
        return False
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        for clause in (c for c in subject.children if c.dep_ == "relcl"):
            words = {t.lemma_.lower() for t in clause.subtree if t.pos_ in ("VERB", "AUX", "ADJ")}
            done = [t for t in clause.subtree if t.dep_ == "xcomp" and t.pos_ == "VERB"]
            expected = words & EXPECTED_WORDS or (done and clause.lemma_ == "be")
            if expected and all(t.lemma_.lower() in COMING_VERBS for t in done):
                return True
    return False


# 'warned that Moscow would respond': a reply in kind is a threat too
RETALIATION_VERBS = {"respond", "retaliate", "reciprocate", "punish", "hit"}


def _plain_clause(clause: Token, lexicon: Lexicon) -> bool:
    """No act of force in the clause: its head and the verbs joined to it ('warned that its
    forces are ready and will punish the North')."""
    verbs = [clause, *(c for c in clause.children if c.dep_ == "conj")]
    return all(_plain_verb(verb, lexicon) for verb in verbs)


#: 'warned that China would take all necessary measures': what a party says it would do
WARNED_MODALS = {"will", "would", "could", "might", "may", "'ll", "’ll"}
#: … but not what would befall it ('warned that the United States could lose the fight')
NO_ACTS = {"be", "have", "lose", "face", "suffer", "need", "become", "remain", "fail", "slip"}
#: subjects that act: forces, governments, unions ('warned that police would not tolerate …')
ACTING_NOUNS = {
    "army", "military", "police", "troops", "force", "government", "ministry", "union",
    "community", "protester", "worker", "party", "country", "navy", "rebel", "fighter",
}  # fmt: skip
ACTING_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
ACTING_PRONOUNS = {"he", "she", "it", "they", "we", "i"}


def _warned_action(verb: Token) -> bool:
    """A clause in which a party says what it would do: a modal verb of action whose
    subject is an actor ('that Cambodia could take the dispute to …', 'that he would go to
    the Supreme Court'), not a forecast ('that a long delay could cost Georgia revenue')."""
    if verb.lemma_.lower() in NO_ACTS:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in WARNED_MODALS for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return (
        subject.ent_type_ in ACTING_LABELS
        or subject.lower_ in ACTING_PRONOUNS
        or subject.lemma_.lower() in ACTING_NOUNS
    )


def _plain_verb(child: Token, lexicon: Lexicon) -> bool:
    if child.lemma_.lower() in RETALIATION_VERBS:
        return False
    if child.lemma_.lower() == "return" and "fire" in object_lemmas(child):
        return False  # 'warned that its troops would return fire'
    inner = lexicon.trigger(child.lemma_.lower(), "verb")
    return inner is None or inner.type not in ("ATTACK", "SANCTION", "DEPLOY")


def said_going_home(verb: Token) -> bool:
    """'flies home', 'went home': the verb is told with 'home' as where it goes."""
    return any(c.dep_ in ("advmod", "npadvmod") and c.lower_ == "home" for c in verb.children)


def object_lemmas(token: Token) -> list[str]:
    """Direct objects, looking through quantities: 'a wave of missiles' → wave, missile."""
    lemmas = []
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if token.dep_ == "relcl" and all(c.lower_ in ("that", "which") for c in objects):
        # 'a charge Bangkok rejected', 'the report that Beijing dismissed': what the
        # clause is about is its verb's object
        lemmas.append(token.head.lemma_.lower())
    for child in token.children:
        if child.dep_ != "dobj":
            continue
        lemmas.append(child.lemma_.lower())
        if child.ent_type_ == "DATE":
            lemmas.append("day")  # 'will spend September 11 and 12 in Kuala Lumpur'
        if child.pos_ == "PROPN":
            # 'sent Deputy Secretary Negroponte': a name's title says what it is
            lemmas += [c.lemma_.lower() for c in child.children if c.dep_ == "compound"]
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                lemmas += [p.lemma_.lower() for p in prep.children if p.dep_ == "pobj"]
    if not objects and any(c.dep_ == "npadvmod" and c.ent_type_ == "DATE" for c in token.children):
        lemmas.append("day")  # 'spent last Tuesday in Kyiv': the parser's adverb is the object
    return lemmas


#: named-entity labels of what one can travel to ('went to Kyiv', 'went to the Pentagon')
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


def _to_a_place(token: Token) -> bool:
    """A 'to' object naming a place, not a state or a person ('went to war', 'the prize
    went to Maria Ressa')."""
    return any(_names_a_place(pobj) for pobj in _prep_objects(token, "to"))


def returned_from(token: Token, trigger: Trigger) -> bool:
    """'returned last month from a visit to China': a return told by where it comes from,
    with no 'to' (the trip ended, not a journey home: 'returned to Nairobi from Addis'), and
    done (a return to come, 'will return from Addis on Friday', tells a stay under way)."""
    if "from" not in trigger.requires or _prep_objects(token, "to"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in STILL_TO_COME for c in token.children):
        return False
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in FORCES for c in token.children):
        return False  # 'troops returned from Somalia': forces withdrawn, no trip
    if any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in token.children):
        # 'as he returned from a trip to Paris': a background return whose 'he' the pronoun
        # rule reads as the latest person, most often the article's main one, not the
        # traveller named in the clause before
        return False
    return bool(_prep_objects(token, "from"))


#: auxiliaries of an act still to come ('will return', 'is to return', 'would return')
STILL_TO_COME = {"will", "shall", "'ll", "would", "to"}
#: forces whose return is their withdrawal, no trip
FORCES = {"troop", "soldier", "force", "peacekeeper", "unit", "contingent", "battalion", "warship"}


def _prep_objects(token: Token, prep: str) -> list[Token]:
    """The objects of the token's own preposition ``prep``."""
    return [
        pobj
        for child in token.children
        if child.dep_ == "prep" and child.lower_ == prep
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]


def _names_a_place(token: Token) -> bool:
    """A place the tagger or the gazetteer knows (it knows places the tagger calls persons:
    'Kyiv')."""
    if token.ent_type_ in PLACE_LABELS:
        return True
    return any(a <= token.idx < b for place in token.doc._.places or [] for a, b in place.mentions)


#: subjects that stand for a person or a delegation ('the minister will be in Oslo')
TRAVELLER_NOUNS = {
    "president", "minister", "premier", "chancellor", "leader", "delegation", "envoy",
    "secretary", "king", "queen", "prince", "pope", "ambassador", "official", "diplomat",
}  # fmt: skip
TRAVELLER_PRONOUNS = {"i", "we", "he", "she", "they"}


def _person_in_a_place(verb: Token) -> bool:
    """'The Prime Minister will be in Mexico City on 11 June', 'I was in Abu Dhabi for one
    day': a person (not a meeting or a thing: 'the talks will be in Geneva') is in a place
    the gazetteer or the tagger knows, said by 'be' itself, not as a helper verb."""
    complements = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
    if verb.dep_ in ("aux", "auxpass") or any(
        c.lemma_.lower() not in STAY_COMPLEMENTS for c in complements
    ):
        return False
    if verb.lemma_.lower() == "expect" and not expected_in(verb):
        return False  # 'analysts expect talks in Geneva': no one is said to be coming
    subject = stay_subject(verb)
    last = any(c.lower_ == "last" for c in complements)
    if subject is None or not (
        subject.ent_type_ == "PERSON"
        or subject.lower_ in TRAVELLER_PRONOUNS
        or subject.lemma_.lower() in TRAVELLER_NOUNS
        # 'Albanese was last in Jakarta': a surname the tagger tags as no person
        or (last and subject.pos_ == "PROPN" and subject.ent_type_ in ("NORP", ""))
    ):
        return False
    if last and any(c.lower_ == "here" and c.dep_ == "advmod" for c in verb.children):
        return True  # 'Rusu was last here in 2013': where the text reports from
    # 'was last in Jakarta in May 2025', 'is due in Seoul later this week'
    objects = _prep_objects(verb, "in") + [o for c in complements for o in _prep_objects(c, "in")]
    if any(pobj.lemma_.lower() in STATES_IN for pobj in objects):
        return False  # 'was in power in Washington', 'is in talks in Geneva'
    return any(_names_a_place(pobj) for pobj in objects)


def expected_in(verb: Token) -> bool:
    """'Arrieta is expected in Lisbon on May 26': the parser makes 'expected' a passive verb
    (not the complement of 'be' that 'is due in' has), whose subject is the traveller."""
    return (
        verb.lemma_.lower() == "expect"
        and verb.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lemma_.lower() == "be" for c in verb.children)
    )


def stay_subject(verb: Token) -> Token | None:
    """Who is in the place of a stay: the subject of 'be', or of a passive 'expected in'
    ('Mutesi, who is expected in Kigali': the noun the relative clause hangs on)."""
    if not expected_in(verb):
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subject


#: what may stand between 'be' and the place of a stay ('was last in', 'is back in', 'is
#: due in', 'is expected in')
STAY_COMPLEMENTS = {"last", "back", "due", "expected"}
#: what one is 'in' without being anywhere: a state, not a stay
STATES_IN = {
    "power", "office", "charge", "talk", "custody", "hospital", "prison", "jail", "touch",
    "contact", "favour", "favor", "line", "position", "session", "attendance", "danger",
    "trouble", "exile", "hiding", "command", "government", "opposition", "agreement",
}  # fmt: skip


def _has_required(token: Token, requires: tuple[str, ...]) -> bool:
    for child in token.children:
        if child.dep_ == "dobj" and "dobj" in requires:
            return True
        if child.dep_ == "prep" and child.lower_ in requires:
            return True
    return False


def find_triggers(
    sentence: Span, lexicon: Lexicon, light_verbs: set[str]
) -> Iterator[tuple[Token, Trigger]]:
    """Trigger tokens of a sentence that denote events of their own."""
    quoted = any(t.is_quote for t in sentence)
    for token in sentence:
        trigger = lookup(token, lexicon)
        if trigger is None:
            continue
        if pos_class(token) == "verb":
            keep = _verb_is_event(token, trigger, lexicon, light_verbs, quoted)
        else:
            keep = _noun_is_event(token, trigger, lexicon)
        if keep:
            yield token, trigger


def _verb_is_event(
    verb: Token, trigger: Trigger, lexicon: Lexicon, light_verbs: set[str], quoted: bool
) -> bool:
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if _instead_of(verb):
        return False  # 'hand fishermen over instead of detaining them': what is not done
    if trigger.type == "ATTACK" and _natural_hazard(verb):
        return False  # 'Cyclone Tevita, which struck Vanua Levu': no one used force
    if trigger.type == "SANCTION" and lemma in CLOSING_VERBS and _closed_for_safety(verb):
        return False  # 'closed the crossing to prevent the virus from spreading': no dispute
    if trigger.type == "SANCTION" and _terms_of_an_agreement(verb, lexicon):
        return False  # 'the agreements signed on Wednesday will cut tariffs': no measure
    if lemma == "clash" and _clashing_dates(verb, lexicon):
        return False  # 'the June dates clashed with the budget debate': a calendar
    if lemma in light_verbs and any(_other_type(o, trigger, lexicon) for o in objects):
        return False  # 'struck a deal', 'hosted talks': the noun is the event
    if lemma in CUE_ONLY and lemma not in ("invite", "agree"):
        # 'agreed to visit': only a status cue for the visit
        return not any(c.dep_ == "xcomp" and lookup(c, lexicon) for c in verb.children)
    if lemma in SPEECH_VERBS:
        return _reports_speech(verb, quoted)
    if trigger.host:
        return bool(objects)
    # 'a ship carrying flour docked in Mogadishu': the aid arrives, no visitor
    return not (trigger.type == "VISIT" and _goods_arriving(verb, lexicon))


def _goods_arriving(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's subject is goods or their carrier that is itself an aid trigger ('a plane
    carrying tents arrived in Suva', 'helicopters flew in with flour')."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        found = lookup(subject, lexicon) if pos_class(subject) == "noun" else None
        if found is not None and found.type == "AID" and found.moving:
            return True
    return False


def _terms_of_an_agreement(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's subject is an agreement ('the deal will cut tariffs', 'an accord that lifts
    the duties'): what the agreement provides is its content (docs/annotation.md: one row
    per real event), not a measure one party takes against another."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and all(c.lower_ in ("that", "which") for c in subjects):
        subjects = [verb.head]
    for subject in subjects:
        if pos_class(subject) != "noun":
            continue
        found = lookup(subject, lexicon)
        if found is not None and found.type == "AGREE":
            return True
    return False


#: what strikes or hits a place without anyone using force ('hurricanes Eta and Iota, which
#: struck the coast')
NATURAL_HAZARDS = {
    "hurricane", "cyclone", "typhoon", "storm", "tornado", "earthquake", "quake", "tsunami",
    "flood", "flooding", "drought", "wildfire", "landslide", "avalanche", "eruption",
    "tremor", "aftershock", "heatwave", "blizzard", "monsoon",
}  # fmt: skip


def _natural_hazard(verb: Token) -> bool:
    """The verb's subject is a storm, an earthquake or a flood (also through a relative
    clause: 'Cyclone Tevita, which struck …'), or its passive agent is ('was hit by a
    typhoon')."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl" and any(s.lower_ in ("which", "that") for s in subjects):
        subjects.append(verb.head)
    subjects += [
        o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
    ]
    for subject in subjects:
        words = {subject.lemma_.lower(), subject.lower_}
        # 'hurricanes Eta and Iota', 'Cyclone Tevita': the name after its kind
        words |= {t.lemma_.lower() for t in subject.subtree if t.i < subject.i}
        if words & NATURAL_HAZARDS:
            return True
    return False


#: verbs that close or reopen a border post, a crossing or airspace
CLOSING_VERBS = {"close", "reopen"}
#: reasons that make a closure no measure against anyone (annotation.md: 'A closure for
#: floods, weather or safety is no event')
SAFETY_REASONS = NATURAL_HAZARDS | {
    "virus", "outbreak", "epidemic", "pandemic", "disease", "infection", "contagion",
    "quarantine", "weather", "rain", "snow", "fog", "safety", "repair", "repairs", "maintenance",
    # fighting near the border, or crossings closed to fighters: security, not a measure
    # against the other state
    "fighting", "shelling", "armed", "fighter", "rebel", "militant", "gunman",
}  # fmt: skip


def _closed_for_safety(verb: Token) -> bool:
    """'closed the crossing on April 6 to prevent the virus from spreading', 'closed the
    border post after the floods': the verb's own phrases name a hazard or a health or
    safety reason."""
    return any(t.lemma_.lower() in SAFETY_REASONS for t in verb.subtree if t.i != verb.i)


#: what clashes in a calendar, not on a battlefield
CALENDAR_NOUNS = {"date", "day", "schedule", "timing", "calendar", "programme", "program"}


def _clashing_dates(verb: Token, lexicon: Lexicon) -> bool:
    """'the June dates clashed with the start of the budget process', 'the visit would clash
    with the summit': days or an occasion that fall together, no fighting."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.ent_type_ == "DATE" or subject.lemma_.lower() in CALENDAR_NOUNS:
            return True
        found = lookup(subject, lexicon) if pos_class(subject) == "noun" else None
        if found is not None and found.type in ("VISIT", "MEET"):
            return True
    return False


def _phone_call(verb: Token) -> bool:
    """'Obama called Medvedev to congratulate him' is a phone call; 'called for talks',
    'called on Putin to withdraw', 'called in the ambassador', 'called off the visit',
    'called Putin a war criminal' and 'called the election' are not."""
    if any(c.dep_ in ("prt", "oprd", "attr", "acomp", "ccomp") for c in verb.children):
        return False
    if any(
        c.dep_ == "prep" and c.lower_ in ("off", "in") and c.i == verb.i + 1 for c in verb.children
    ):
        return False  # 'called in the ambassador', parsed as a preposition
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].ent_type_ != "PERSON":
        return False
    return not any(
        c.dep_ in ("dobj", "oprd", "attr", "appos")
        for c in objects[0].children
        if c.i > objects[0].i
    )


def is_parenthetical(verb: Token) -> bool:
    """A reporting clause after what it reports, parsed as its dependent."""
    return (
        verb.dep_ in ("ccomp", "parataxis", "advcl")
        and verb.i > verb.head.i
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _other_type(token: Token, trigger: Trigger, lexicon: Lexicon) -> bool:
    found = lookup(token, lexicon)
    if found is not None and (trigger.type, found.type) == ("SANCTION", "AID"):
        return False  # 'stopped aid deliveries': the measure is the event, not the aid
    return found is not None and found.type != trigger.type


def _reports_speech(verb: Token, quoted: bool) -> bool:
    if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return True
    if is_parenthetical(verb):
        return True  # 'The leaders agreed …, Lee's office said.'
    if verb.dep_ == "ROOT" and quoted:
        return True
    return verb.lemma_.lower() == "confirm" and any(c.dep_ == "dobj" for c in verb.children)


BRIEFING_WORDS = {"news", "press", "video"}
#: the words of a conference given to reporters
PRESS_WORDS = {"news", "press"}


def _briefing_words(noun: Token) -> set[str]:
    return {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}


def _one_sided_briefing(noun: Token) -> bool:
    """A news or press conference that is not joint ('a joint news conference with Lee'
    is a meeting of the two)."""
    words = _briefing_words(noun)
    return bool(words & BRIEFING_WORDS) and "joint" not in words


def _noun_is_event(noun: Token, trigger: Trigger, lexicon: Lexicon) -> bool:
    head = noun.head
    if head.i != noun.i and noun.dep_ in ("dobj", "pobj", "nsubjpass"):
        governing = lookup(head, lexicon) if pos_class(head) == "verb" else None
        if governing is not None and (
            governing.type == trigger.type or governing.type in TOPIC_TYPES
        ):
            return False
        if governing is not None and governing.type == "SANCTION" and trigger.type == "AID":
            return False  # 'halted aid deliveries': the cut is the measure, no aid is given
        if head.dep_ == "prep":
            above = lookup(head.head, lexicon) if pos_class(head.head) == "verb" else None
            if above is not None and above.type == trigger.type:
                return False  # 'agreed to a ceasefire', 'met for talks'
            if above is not None and above.type in TOPIC_TYPES and head.lower_ in TOPIC_PREPS:
                return False
            if (
                trigger.type in TARGET_TYPES
                and head.lower_ in TOPIC_PREPS | {"against"}
                and _target_of_an_act(head.head, lexicon)
            ):
                return False  # 'talks on Mercosur tariffs', 'the attack on a UN convoy'
    if trigger.type == "COOPERATE" and _topic_of_an_agreement(noun, lexicon):
        return False  # 'signed a memorandum on cooperation in education': the signing is
    if trigger.lemma == "deal" and any(c.lower_ in NOT_A_DEAL for c in noun.children):
        return False
    if trigger.lemma == "conference" and trigger.type == "MEET" and _one_sided_briefing(noun):
        # 'told a news conference': a speaker's occasion, not a meeting; 'will hold a
        # video conference next Tuesday' is a call (annotation.md)
        return bool(PRESS_WORDS.isdisjoint(_briefing_words(noun)) and scheduled_occasion(noun))
    if trigger.lemma == "call":
        return any(c.lower_ in CALL_MARKERS for c in noun.children) or any(
            c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children
        )
    if trigger.lemma == "round":
        return _round_of_talks(noun)
    return True


#: the types of measures and supplies a meeting can be about or an attack aimed at
TARGET_TYPES = {"SANCTION", "AID"}
#: nouns of the events a measure or a supply can be the topic or the target of
ACT_NOUN_TYPES = {"MEET", "DISCUSS", "ATTACK", "PROTEST", "ACCUSE", "THREATEN"}


def _topic_of_an_agreement(noun: Token, lexicon: Lexicon) -> bool:
    """'signed a memorandum on cooperation in higher education', 'are to sign an arrangement
    on cooperation in Antarctica': the cooperation is what the document is about; the
    agreement is the event (docs/annotation.md: one row per real event)."""
    head = noun.head
    # what talks are about (cues.json topic_preps), or what a document is for ('an
    # agreement for cooperation in mining')
    if noun.dep_ != "pobj" or head.lower_ not in {*lexicon.cues["topic_preps"], "for"}:
        return False
    document = head.head
    if pos_class(document) != "noun":
        return False
    found = lookup(document, lexicon)
    if found is not None:
        return found.type == "AGREE"
    # 'an arrangement on cooperation', the object of a signing
    if document.dep_ not in ("dobj", "nsubjpass") or pos_class(document.head) != "verb":
        return False
    signing = lookup(document.head, lexicon)
    return signing is not None and signing.type == "AGREE"


def _target_of_an_act(governor: Token, lexicon: Lexicon) -> bool:
    """A noun event ('talks', 'attack') whose 'on'/'against' object is a measure or a supply
    tells what the event is about or aimed at, not a measure or supply of its own."""
    if pos_class(governor) != "noun":
        return False
    above = lookup(governor, lexicon)
    return above is not None and above.type in ACT_NOUN_TYPES


def _instead_of(verb: Token) -> bool:
    """'instead of detaining them', 'rather than sending troops': the alternative not taken."""
    head = verb.head
    if verb.dep_ != "pcomp" or head.i == verb.i:
        return False
    before = {head.head.lower_, *(c.lower_ for c in head.children if c.dep_ == "advmod")}
    if head.lower_ == "of":
        return "instead" in before
    return head.lower_ == "than" and "rather" in before


#: what makes 'round' one of a series of talks: 'the second round', 'a new round'
ROUND_ORDINALS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "next", "new", "last", "latest",
    "another", "final", "further", "previous", "earlier", "opening",
}  # fmt: skip
#: the talk words of an article whose rounds are rounds of talks
TALK_WORDS = {"talk", "negotiation", "consultation", "dialogue", "discussion"}


def named_series(noun: Token) -> list[Token]:
    """The named series of talks a round belongs to ('the next round of the Maritime
    Dialogue'): the name's head."""
    if noun.lemma_.lower() != "round":
        return []
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.pos_ == "PROPN" and pobj.lemma_.lower() in TALK_WORDS
    ]


def _round_of_talks(noun: Token) -> bool:
    """'The second round will be held in La Paz', 'a third in Arica': a numbered round in
    an article about talks is a round of them; 'a round of sanctions' or of voting is not
    (a 'round of talks' names its talks, which are the trigger)."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        # 'a round of talks' names its talks, the trigger; 'the next round of the
        # Australia-India Maritime Dialogue' names a series the round belongs to
        return bool(named_series(noun))
    if noun.dep_ == "pobj" and noun.head.lower_ in ("after", "before", "until", "ahead"):
        return False  # 'I will go back there after the next round': a time, told by it
    if not any(c.lower_ in ROUND_ORDINALS or c.like_num for c in noun.children):
        return False
    return any(t.lemma_.lower() in TALK_WORDS for t in noun.doc)
