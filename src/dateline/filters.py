"""Which stored events a read keeps: one value for the timeline, the event listing, the
HTTP API and exports, so that each names the same filters the same way."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class EventFilters:
    """Filters of ``dateline timeline``, combined with AND; None keeps every event.

    ``actor`` is an actor id or part of a name (any case); ``date_from``/``date_to`` are
    ``YYYY-MM-DD`` and keep events whose time overlaps the range; ``type``, ``status``,
    ``place`` (the event's location), ``country`` (ISO 3166 alpha-3 of the location),
    ``source`` (the outlet), ``story`` (a story id) and ``q`` (text in the evidence
    sentence or the article's title)."""

    actor: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    type: str | None = None
    status: str | None = None
    place: str | None = None
    country: str | None = None
    source: str | None = None
    story: str | None = None
    q: str | None = None

    @classmethod
    def of(cls, filters: EventFilters | None = None, **given: str | None) -> EventFilters:
        """``filters`` (default: none) with the ``given`` keyword filters put in; an unknown
        name is a TypeError, as it is for a keyword argument."""
        return replace(filters or cls(), **given)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def any(self) -> bool:
        """True when at least one filter is set."""
        return any(getattr(self, name) for name in self.names())
