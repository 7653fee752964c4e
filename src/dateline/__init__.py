"""dateline: dated news articles in, a time-anchored event database out."""

from dateline.model import Actor, Article, Candidate, Event, EventTime, Evidence, Place, Timex

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Candidate",
    "Event",
    "EventTime",
    "Evidence",
    "Place",
    "Timex",
    "__version__",
]
