"""The event lexicons load, cover every DESIGN type, and reject malformed entries."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.errors import DatelineError
from dateline.events.lexicon import (
    EVENT_TYPES,
    Trigger,
    index_triggers,
    load_lexicon,
    parse_cues,
    parse_trigger,
    parse_types,
)
from dateline.events.timing import is_dated, time_from
from dateline.model import EVENT_STATUSES, Timex


def test_types_carry_plover_and_cameo_codes() -> None:
    types = load_lexicon().types
    assert set(types) == set(EVENT_TYPES)
    assert types["VISIT"].plover == "CONSULT" and types["AGREE"].plover == "AGREE"
    assert types["MEET"].symmetric and not types["VISIT"].symmetric


def test_cue_statuses_are_design_statuses() -> None:
    cues = load_lexicon().cues
    for section in ("modals", "governors", "belief_verbs"):
        assert set(cues[section].values()) <= set(EVENT_STATUSES)
    assert cues["modals"]["will"] == "planned" and cues["governors"]["cancel"] == "negated"


@pytest.mark.parametrize(
    "entry",
    [
        {
            "lemma": "visit",
            "pos": "adverb",
            "type": "VISIT",
            "examples": [{"text": "x", "status": "occurred"}],
        },
        {
            "lemma": "visit",
            "pos": "verb",
            "type": "TRAVEL",
            "examples": [{"text": "x", "status": "occurred"}],
        },
        {"lemma": "visit", "pos": "verb", "type": "VISIT", "examples": []},
        {
            "lemma": "visit",
            "pos": "verb",
            "type": "VISIT",
            "examples": [{"text": "x", "status": "done"}],
        },
        {
            "lemma": "visit",
            "pos": "verb",
            "type": "VISIT",
            "object": ["country"],  # misspelled 'objects' must not be ignored
            "examples": [{"text": "x", "status": "occurred"}],
        },
    ],
)
def test_malformed_trigger_is_rejected_with_a_code(entry: dict[str, Any]) -> None:
    with pytest.raises(DatelineError) as info:
        parse_trigger(entry, load_lexicon().types)
    assert info.value.code == "DL-E200"


def test_a_lemma_may_repeat_when_objects_tell_the_entries_apart() -> None:
    troops = Trigger("send", "verb", "DEPLOY", objects=("troop",))
    convoy = Trigger("send", "verb", "AID", objects=("convoy",))
    triggers, alternates = index_triggers([troops, convoy])
    assert triggers[("send", "verb")] is troops and alternates[("send", "verb")] == (convoy,)


def test_a_repeated_lemma_without_objects_is_rejected() -> None:
    plain = Trigger("send", "verb", "DEPLOY")
    with pytest.raises(DatelineError) as info:
        index_triggers([plain, Trigger("send", "verb", "AID", objects=("convoy",))])
    assert info.value.code == "DL-E200"


def test_a_later_entry_may_take_every_object_the_earlier_ones_do_not() -> None:
    claims = Trigger("reject", "verb", "STATEMENT", objects=("accusation", "claim"))
    rest = Trigger("reject", "verb", "REJECT", not_objects=("accusation", "claim"))
    triggers, alternates = index_triggers([claims, rest])
    assert triggers[("reject", "verb")] is claims and alternates[("reject", "verb")] == (rest,)
    leaky = Trigger("reject", "verb", "REJECT", not_objects=("claim",))
    with pytest.raises(DatelineError) as info:
        index_triggers([claims, leaky])  # 'reject the accusation' would fit both
    assert info.value.code == "DL-E200"


def test_missing_type_is_rejected() -> None:
    with pytest.raises(DatelineError, match="missing types"):
        parse_types({"VISIT": {"plover": "CONSULT", "cameo": "042", "symmetric": False}})


def test_cue_with_unknown_status_is_rejected() -> None:
    with pytest.raises(DatelineError, match="bad status"):
        parse_cues({"modals": {"will": "likely"}})


@pytest.mark.parametrize(
    ("cues", "message"),
    [
        ({"governers": {"plan": "planned"}}, "unknown section 'governers'"),
        ({"negations": {"not": "negated"}}, "negations must be a list"),
        ({"modals": ["will"]}, "modals must be a dict"),
    ],
)
def test_misspelled_or_misshapen_cue_sections_are_rejected(
    cues: dict[str, Any], message: str
) -> None:
    with pytest.raises(DatelineError) as info:
        parse_cues(cues)
    assert info.value.code == "DL-E200" and message in str(info.value)


def test_past_plan_words_are_one_list_for_events_and_timex() -> None:
    from dateline.events.lexicon import load_cues
    from dateline.timex.tense import _past_plan_pattern

    cues = load_cues()
    participles = cues["past_plan_participles"]
    assert "_doc" not in participles  # a section's note is no cue
    assert set(participles.values()) <= set(cues["self_planning"])
    pattern = _past_plan_pattern()
    for word in participles:
        phrase = "was set to" if word == "set" else f"had been {word}"
        assert pattern.search(phrase), word
    assert not pattern.search("was set")  # 'set' alone tells no plan


def test_a_participle_outside_self_planning_is_rejected() -> None:
    cues = {"self_planning": ["plan"], "past_plan_participles": {"slated": "slate"}}
    with pytest.raises(DatelineError, match="not in self_planning"):
        parse_cues(cues)


def _timex(value: str, earliest: str | None, latest: str | None, mod: str | None = None) -> Timex:
    return Timex(value, 0, 1, "DATE", value, mod, earliest, latest, "month")


def test_vague_times_are_not_dated() -> None:
    assert is_dated(_timex("2025-06", "2025-06-01", "2025-06-30"))
    assert not is_dated(_timex("PAST_REF", None, "2025-05-21"))
    assert not is_dated(_timex("2025-06", "2025-06-01", "2025-06-30", mod="AFTER"))


def test_since_gives_an_open_window() -> None:
    from dateline.events.timing import Attachment

    since = Attachment(_timex("2018", "2018-01-01", "2018-12-31"), 2, "since", 0)
    time, dated = time_from([since], 2)
    assert (time.value, time.earliest, time.latest, dated) == (None, "2018-01-01", None, False)


def test_a_trigger_may_name_a_shared_word_list_and_an_unknown_one_is_an_error() -> None:
    from dateline.errors import DatelineError
    from dateline.events.lexicon import expand_lists

    lists = {"claims": ["claim", "report"]}
    entry = {"lemma": "reject", "objects": "@claims", "not_objects": ["plan"]}
    assert expand_lists(entry, lists)["objects"] == ["claim", "report"]
    with pytest.raises(DatelineError, match="DL-E200"):
        expand_lists({"lemma": "deny", "objects": "@denials"}, lists)
