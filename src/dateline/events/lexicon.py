"""Load and check the event lexicons: types, trigger words and status cues."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from dateline.errors import E_EVENT_LEXICON
from dateline.model import EVENT_STATUSES

EVENT_TYPES = (
    "VISIT", "MEET", "INVITE", "AGREE", "STATEMENT", "DISCUSS", "DEPLOY", "ATTACK",
    "PROTEST", "SANCTION", "AID", "ACCUSE", "THREATEN", "COOPERATE", "REJECT",
)  # fmt: skip
POS_CLASSES = ("verb", "noun")


@dataclass(frozen=True)
class EventType:
    """A dateline event type with its PLOVER and CAMEO codes."""

    name: str
    plover: str | None
    cameo: str | None
    symmetric: bool


@dataclass(frozen=True)
class Trigger:
    """One trigger word: a lemma in one part of speech that denotes an event type."""

    lemma: str
    pos: str
    type: str
    objects: tuple[str, ...] = ()
    not_objects: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()  # 'dobj' and/or prepositions; one must be present
    plural: bool = False
    host: bool = False
    no_clause: bool = False
    object_not_party: bool = False  # 'led the American delegation': the object is no target
    to_place: bool = False  # 'went to Kyiv', not 'went to war': the 'to' object names a place
    stay: bool = False  # 'will be in Beijing': without 'to', a person in an 'in' place
    # 'Li will not attend': no object; the gathering attended is told before (or is the noun
    # of the verb's relative clause) and lends its place and time
    gathering: bool = False
    # 'withdrew last week', 'pulled out of the summit': staying away from the gathering told
    # before, a visit that does not happen (``gathering`` too; negated, at the gathering's time)
    away: bool = False
    # the verb the trigger must govern as its purpose ('offered to host the talks')
    purpose: tuple[str, ...] = ()
    # a noun trigger that needs one of these modifiers ('a joint exercise', not 'an exercise
    # in futility'), or none of these ('an aid convoy', not 'a military convoy')
    modifiers: tuple[str, ...] = ()
    not_modifiers: tuple[str, ...] = ()
    # a noun trigger that must be the subject of a verb of moving ('a ship carrying flour
    # docked in Mogadishu', 'supplies got through'): goods or a vehicle told on the move
    moving: bool = False
    # a noun trigger that must be told as an occasion held, planned, moved or called off
    # ('the retreat planned for May has been cancelled', 'the reception was postponed'),
    # not merely named ('said at a reception'): triggers.scheduled_occasion
    scheduled: bool = False
    examples: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """All event resources, checked at load time."""

    types: dict[str, EventType]
    triggers: dict[tuple[str, str], Trigger]
    cues: dict[str, Any] = field(default_factory=dict)
    # further entries for a lemma already listed, told apart by their objects:
    # 'send troops' is DEPLOY, 'send a convoy' AID
    alternates: dict[tuple[str, str], tuple[Trigger, ...]] = field(default_factory=dict)

    def trigger(self, lemma: str, pos: str) -> Trigger | None:
        return self.triggers.get((lemma, pos))

    def entries(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        """Every entry for a lemma in one part of speech, the first-listed first."""
        first = self.triggers.get((lemma, pos))
        return (first, *self.alternates.get((lemma, pos), ())) if first else ()

    def all_triggers(self) -> list[Trigger]:
        """Every entry, alternates included."""
        return [*self.triggers.values(), *(t for ts in self.alternates.values() for t in ts)]


def _read(name: str) -> dict[str, Any]:
    text = (
        resources.files("dateline.events").joinpath("resources").joinpath(name).read_text("utf-8")
    )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise E_EVENT_LEXICON(file=name, why=str(exc)) from exc
    if not isinstance(data, dict):
        raise E_EVENT_LEXICON(file=name, why="top level must be an object")
    return data


def parse_types(data: dict[str, Any]) -> dict[str, EventType]:
    """Event types from types.json; every type of DESIGN.md must be present."""
    types = {}
    for name, entry in data.items():
        if name.startswith("_"):
            continue
        if name not in EVENT_TYPES or not isinstance(entry, dict):
            raise E_EVENT_LEXICON(file="types.json", why=f"unknown or malformed type {name!r}")
        types[name] = EventType(
            name, entry.get("plover"), entry.get("cameo"), bool(entry["symmetric"])
        )
    missing = set(EVENT_TYPES) - set(types)
    if missing:
        raise E_EVENT_LEXICON(file="types.json", why=f"missing types {sorted(missing)}")
    return types


#: the keys a trigger entry may have; any other key is a misspelling (DL-E200)
TRIGGER_KEYS = frozenset(
    ("lemma", "pos", "type", "examples", "objects", "not_objects", "requires", "plural",
     "no_clause", "host", "object_not_party", "to_place", "stay", "modifiers", "not_modifiers",
     "gathering", "away", "purpose", "moving", "scheduled", "note")
)  # fmt: skip
#: the sections of cues.json and what each holds (a status map, or a word list)
CUE_SECTIONS: dict[str, type] = {
    "modals": dict, "governors": dict, "belief_verbs": dict, "unnamed_sources": dict,
    "negations": list, "reporting_verbs": list, "conditional_marks": list,
    "presupposing_preps": list, "occurrence_verbs": list, "light_verbs": list,
    "group_nouns": dict, "time_relations": dict, "reschedule_verbs": list, "cancel_verbs": list,
    "plan_changers": list, "carried_out_plans": list, "content_nouns": list,
    "agent_nouns": list, "self_planning": list, "unnamed_speakers": list,
    "speaking_documents": list, "past_plan_participles": dict,
    "presupposing_objects": list, "purpose_verbs": list, "plan_modifiers": dict,
    "topic_preps": list, "repeat_words": list, "latest_words": list, "other_event_words": list,
    "additional_words": list, "telling_verbs": list, "naming_verbs": list,
    "disapproval_words": list,
}  # fmt: skip


def expand_lists(entry: Any, lists: dict[str, list[str]]) -> Any:
    """An entry whose objects, not_objects, modifiers or not_modifiers name a shared list
    ('@claims': the things one rejects as untrue) gets that list's words; an unknown list is
    DL-E200."""
    if not isinstance(entry, dict):
        return entry
    out = dict(entry)
    for key in ("objects", "not_objects", "modifiers", "not_modifiers"):
        value = out.get(key)
        if isinstance(value, str) and value.startswith("@"):
            if value[1:] not in lists:
                raise E_EVENT_LEXICON(
                    file="triggers.json", why=f"trigger {entry.get('lemma')!r}: no list {value}"
                )
            out[key] = list(lists[value[1:]])
    return out


def parse_trigger(entry: dict[str, Any], types: dict[str, EventType]) -> Trigger:
    """One trigger entry; raises DL-E200 naming the entry when it is malformed or has a
    key the loader does not know (a misspelled key would otherwise be ignored)."""
    unknown = sorted(set(entry) - TRIGGER_KEYS) if isinstance(entry, dict) else []
    if unknown:
        raise E_EVENT_LEXICON(
            file="triggers.json", why=f"trigger {entry.get('lemma')!r}: unknown keys {unknown}"
        )
    lemma, pos, kind = entry.get("lemma"), entry.get("pos"), entry.get("type")
    if not isinstance(lemma, str) or pos not in POS_CLASSES or kind not in types:
        raise E_EVENT_LEXICON(file="triggers.json", why=f"malformed trigger {entry!r}")
    examples = entry.get("examples") or []
    if not examples or any(ex.get("status") not in EVENT_STATUSES for ex in examples):
        raise E_EVENT_LEXICON(
            file="triggers.json", why=f"trigger {lemma!r} needs examples with a valid status"
        )
    return Trigger(
        lemma=lemma,
        pos=pos,
        type=kind,
        objects=tuple(entry.get("objects", ())),
        not_objects=tuple(entry.get("not_objects", ())),
        requires=tuple(entry.get("requires", ())),
        plural=bool(entry.get("plural", False)),
        no_clause=bool(entry.get("no_clause", False)),
        host=bool(entry.get("host", False)),
        object_not_party=bool(entry.get("object_not_party", False)),
        to_place=bool(entry.get("to_place", False)),
        stay=bool(entry.get("stay", False)),
        gathering=bool(entry.get("gathering", False)),
        away=bool(entry.get("away", False)),
        purpose=tuple(entry.get("purpose", ())),
        modifiers=tuple(entry.get("modifiers", ())),
        not_modifiers=tuple(entry.get("not_modifiers", ())),
        moving=bool(entry.get("moving", False)),
        scheduled=bool(entry.get("scheduled", False)),
        examples=tuple((ex["text"], ex["status"]) for ex in examples),
    )


def parse_cues(data: dict[str, Any]) -> dict[str, Any]:
    """Status cues; every section must be a known one of the right shape, and every
    status a cue gives a DESIGN.md status."""
    for section, value in data.items():
        if section.startswith("_"):
            continue
        shape = CUE_SECTIONS.get(section)
        if shape is None:
            raise E_EVENT_LEXICON(file="cues.json", why=f"unknown section {section!r}")
        if not isinstance(value, shape):
            raise E_EVENT_LEXICON(file="cues.json", why=f"{section} must be a {shape.__name__}")
    data = {
        section: {k: v for k, v in value.items() if not k.startswith("_")}
        if isinstance(value, dict)
        else value
        for section, value in data.items()
        if not section.startswith("_")
    }  # a section's own '_doc' is for readers, not a cue
    participles = data.get("past_plan_participles", {})
    stray = sorted(set(participles.values()) - set(data.get("self_planning", [])))
    if stray:
        raise E_EVENT_LEXICON(
            file="cues.json", why=f"past_plan_participles: {stray} not in self_planning"
        )
    for section in ("modals", "governors", "belief_verbs"):
        for cue, status in data.get(section, {}).items():
            if status not in EVENT_STATUSES:
                raise E_EVENT_LEXICON(
                    file="cues.json", why=f"{section}.{cue}: bad status {status!r}"
                )
    return data


TriggerTable = dict[tuple[str, str], Trigger]


def index_triggers(
    entries: list[Trigger],
) -> tuple[TriggerTable, dict[tuple[str, str], tuple[Trigger, ...]]]:
    """First entry per (lemma, pos), and the further ones; a repeated lemma must be told
    apart by objects in every entry ('send troops' DEPLOY, 'send a convoy' AID), or by a
    later entry that excludes the objects of those before it ('reject the accusation' is a
    STATEMENT, 'reject' anything else a REJECT), or by a later entry that takes no object
    at all (``gathering``)."""
    triggers: TriggerTable = {}
    alternates: dict[tuple[str, str], tuple[Trigger, ...]] = {}
    for trigger in entries:
        key = (trigger.lemma, trigger.pos)
        if key not in triggers:
            triggers[key] = trigger
        elif triggers[key].objects and (
            trigger.objects
            or trigger.gathering  # takes no object: 'Li will not attend'
            or all(
                set(earlier.objects) <= set(trigger.not_objects)
                for earlier in (triggers[key], *alternates.get(key, ()))
            )
        ):
            alternates[key] = (*alternates.get(key, ()), trigger)
        else:
            raise E_EVENT_LEXICON(
                file="triggers.json", why=f"{key}: a repeated entry needs objects in both"
            )
    return triggers, alternates


@lru_cache(maxsize=1)
def load_cues() -> dict[str, Any]:
    """The status cues alone (cues.json, checked), for steps that need no triggers: the
    temporal tagger reads its past-plan words from here."""
    return parse_cues(_read("cues.json"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon (cached: loaded once per process)."""
    types = parse_types(_read("types.json"))
    data = _read("triggers.json")
    entries = [
        parse_trigger(expand_lists(e, data.get("lists", {})), types)
        for e in data.get("triggers", [])
    ]
    triggers, alternates = index_triggers(entries)
    covered = {t.type for t in triggers.values()}
    if covered != set(EVENT_TYPES):
        raise E_EVENT_LEXICON(
            file="triggers.json", why=f"no trigger for {sorted(set(EVENT_TYPES) - covered)}"
        )
    cues = load_cues()
    return Lexicon(types=types, triggers=triggers, cues=cues, alternates=alternates)
