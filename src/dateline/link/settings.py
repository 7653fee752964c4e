"""Linking rules: loaded from ``resources/linking.json`` and checked at load time."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.errors import E_LINK_RULES

RULES_PATH = Path(__file__).parent / "resources" / "linking.json"
STATUSES = ("occurred", "ongoing", "planned", "possible", "negated")
#: a story's lifecycle states (docs/stories.md), in the order a story usually goes
LIFECYCLE = (
    "speculated",
    "announced",
    "dated",
    "rescheduled",
    "postponed",
    "cancelled",
    "under way",
    "occurred",
)


@dataclass(frozen=True, eq=False)  # hashed by identity: memoized comparisons key on it
class LinkSettings:
    """Thresholds and tables that decide which events form one story."""

    families: dict[str, str] = field(default_factory=dict)  # type -> family
    type_rank: dict[str, int] = field(default_factory=dict)
    precursors: dict[str, dict[str, str]] = field(default_factory=dict)
    place_free_types: frozenset[str] = frozenset()
    hosted_types: frozenset[str] = frozenset()  # the country they are held in takes part
    home_types: frozenset[str] = frozenset()  # to the traveller's own country: a trip's end
    speech_types: frozenset[str] = frozenset()  # made on one day: narrow implied windows
    speech_past_days: int = 1
    once_per_article: frozenset[str] = frozenset()  # one report per article and story
    speech_future_days: int = 14
    role_pairs: dict[tuple[str, str], tuple[tuple[str, str], ...]] = field(default_factory=dict)
    role_apart: dict[tuple[str, str], tuple[tuple[str, str], ...]] = field(default_factory=dict)
    min_shared_participants: int = 2
    country_matches_member: bool = True
    future_days: int = 730
    past_days: int = 30
    ongoing_days: int = 7
    facet_slack_days: int = 3
    moved_days: int = 60
    redated_days: int = 30
    held_late_days: int = 0  # the same at a place both name (``cluster._time_fit``)
    recalled_days: int = 0  # how far back an undated past of two people reaches (``recalled``)
    slipped_days: int = 0  # a dated report held off the date a plan gave (``compat.slipped``)
    same_date_days: int = 0  # reports of one dated event sharing less (``compat.same_dated``)
    same_date_member_days: int = 0  # ... sharing a country and a person of it
    max_window_days: int = 800
    past_negation_cues: tuple[str, ...] = ()
    site_words: frozenset[str] = frozenset()  # last words of a building's name: level site
    status_order: tuple[str, ...] = STATUSES
    article_status_priority: tuple[str, ...] = STATUSES
    supersedes: dict[str, frozenset[str]] = field(default_factory=dict)
    pending_statuses: frozenset[str] = frozenset({"planned", "possible"})
    pending_states: frozenset[str] = frozenset({"announced", "dated", "rescheduled", "postponed"})
    stale_days: int = 730
    max_component: int = 2000
    compare_last: int = 64

    def family(self, event_type: str) -> str:
        """The family an event type links within (its own name when it has none)."""
        return self.families.get(event_type, event_type)

    def rank(self, event_type: str) -> int:
        return self.type_rank.get(event_type, 0)

    def is_precursor(self, event_type: str) -> bool:
        return event_type in self.precursors

    def stale_after(self, event_type: str) -> int:
        """Days after its last report that a story without a date stops being pending: a
        statement announced without a date is made soon (``speech_types``' future)."""
        return self.speech_future_days if event_type in self.speech_types else self.stale_days


def _types(path: Path, name: str, raw: Any) -> frozenset[str]:
    values = raw.get("types") if isinstance(raw, dict) else raw
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise E_LINK_RULES(path=str(path), why=f"{name}: a list of event types")
    return frozenset(values)


def _public(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _check_statuses(path: Path, name: str, values: Any) -> None:
    bad = [v for v in values if v not in STATUSES]
    if bad:
        raise E_LINK_RULES(path=str(path), why=f"{name}: unknown status {bad[0]!r}")


def _families(path: Path, raw: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, spec in _public(raw).items():
        if not isinstance(spec.get("types"), list) or not spec.get("example"):
            raise E_LINK_RULES(path=str(path), why=f"family {name!r} needs types and an example")
        out.update({t: name for t in spec["types"]})
    return out


def _role_pairs(
    path: Path, raw: dict[str, Any], name: str = "role_pairs"
) -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    out: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
    for key, pairs in _public(raw).items():
        left, _, right = key.partition("|")
        if not right or any(r not in ("source", "target") for pair in pairs for r in pair):
            raise E_LINK_RULES(path=str(path), why=f"{name} {key!r} is malformed")
        out[(left, right)] = tuple((a, b) for a, b in pairs)
    return out


def settings_from_dict(data: dict[str, Any], path: Path = RULES_PATH) -> LinkSettings:
    """Build and check settings from the JSON rules (``path`` names the file in errors)."""
    try:
        precursors = {k: dict(v) for k, v in _public(data["precursors"]).items()}
        for name, mapping in precursors.items():
            _check_statuses(path, f"precursors.{name}", [*mapping, *mapping.values()])
        supersedes = {k: frozenset(v) for k, v in _public(data["supersedes"]).items()}
        _check_statuses(
            path, "supersedes", [*supersedes, *(s for v in supersedes.values() for s in v)]
        )
        _check_statuses(path, "status_order", data["status_order"])
        _check_statuses(path, "article_status_priority", data["article_status_priority"])
        windows = _public(data["windows_days"])
        speech = data.get("speech_types", {"types": []})
        unknown = sorted(set(data["pending_states"]) - set(LIFECYCLE))
        if unknown:
            raise E_LINK_RULES(path=str(path), why=f"pending_states: unknown state {unknown[0]!r}")
        return LinkSettings(
            families=_families(path, data["families"]),
            type_rank={k: int(v) for k, v in _public(data["type_rank"]).items()},
            precursors=precursors,
            place_free_types=frozenset(data["place_free_types"]),
            hosted_types=_types(path, "hosted_types", data.get("hosted_types", {"types": []})),
            speech_types=_types(path, "speech_types", speech),
            home_types=_types(path, "journey_home", data.get("journey_home", {"types": []})),
            once_per_article=_types(
                path, "once_per_article", data.get("once_per_article", {"types": []})
            ),
            speech_past_days=int(speech.get("past", 1)),
            speech_future_days=int(speech.get("future", 14)),
            role_pairs=_role_pairs(path, data["role_pairs"]),
            role_apart=_role_pairs(path, data.get("role_apart", {}), "role_apart"),
            min_shared_participants=int(data["min_shared_participants"]),
            country_matches_member=bool(data["country_matches_member"]),
            future_days=int(windows["future"]),
            past_days=int(windows["past"]),
            ongoing_days=int(windows["ongoing"]),
            facet_slack_days=int(windows["facet_slack"]),
            moved_days=int(windows["moved"]),
            redated_days=int(windows.get("redated", 0)),
            slipped_days=int(windows.get("slipped", 0)),
            recalled_days=int(windows.get("recalled", 0)),
            held_late_days=int(windows.get("held_late", 0)),
            same_date_days=int(windows.get("same_date", 0)),
            same_date_member_days=int(windows.get("same_date_member", 0)),
            max_window_days=int(windows["max"]),
            past_negation_cues=tuple(data["past_negation_cues"]),
            site_words=frozenset(w.casefold() for w in data.get("site_words", [])),
            status_order=tuple(data["status_order"]),
            article_status_priority=tuple(data["article_status_priority"]),
            supersedes=supersedes,
            pending_statuses=frozenset(data["pending_statuses"]),
            pending_states=frozenset(data["pending_states"]),
            stale_days=int(data["stale_days"]),
            max_component=int(data["max_component"]),
            compare_last=int(data["compare_last"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise E_LINK_RULES(path=str(path), why=f"{type(exc).__name__}: {exc}") from exc


def load_settings(path: Path | str = RULES_PATH) -> LinkSettings:
    """Read linking rules from a JSON file (the packaged one by default)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise E_LINK_RULES(path=str(path), why=str(exc)) from exc
    return settings_from_dict(data, path)


@lru_cache(maxsize=1)
def default_settings() -> LinkSettings:
    """The packaged rules, read once per process."""
    return load_settings(RULES_PATH)
