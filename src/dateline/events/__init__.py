"""Event extraction: triggers, arguments, status, time and within-article merging."""

from dateline.events.component import EventExtractor, extract_events

__all__ = ["EventExtractor", "extract_events"]
