"""Ingest: read articles, extract events, store them; rejects are reported, never lost."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any

from dateline.errors import DatelineError
from dateline.model import Article
from dateline.store import Store

BATCH_SIZE = 32


@dataclass
class IngestSummary:
    """What one ingest run did; ``to_dict`` is the ``--json`` output."""

    added: int = 0
    unchanged: int = 0
    rejected: int = 0
    events: int = 0
    rejects: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, int]:
        return {
            "added": self.added,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "events": self.events,
        }


Reporter = Callable[[str, Any], None]


def ingest(
    paths: Sequence[str],
    store: Store,
    dct: date | None = None,
    workers: int = 1,
    report: Reporter | None = None,
    actors_file: str | None = None,
    follow_links: bool = False,
) -> IngestSummary:
    """Read PATHS, extract every new article and store it; one transaction per article.

    ``report(kind, payload)`` is called with ``("reject", DatelineError)`` and
    ``("article", Article)`` so that a caller can show progress. Symbolic links inside
    a directory lead out of it only with ``follow_links``.
    """
    from dateline.read import read_paths

    summary = IngestSummary()
    notify = report or (lambda kind, payload: None)
    items = read_paths(paths, dct=dct, follow_links=follow_links)
    fresh = _new_articles(items, store, summary, notify)
    for batch in _batches(fresh, BATCH_SIZE):
        for extraction in _extract(batch, workers, actors_file):
            if store.add(extraction):
                summary.added += 1
                summary.events += len(extraction["events"])
            else:
                summary.unchanged += 1
            notify("article", extraction["document"])
    return summary


def _new_articles(
    items: Iterable[Article | DatelineError], store: Store, summary: IngestSummary, notify: Reporter
) -> Iterator[Article]:
    """Articles not yet stored nor seen earlier in this batch; rejects are recorded."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, DatelineError):
            summary.rejected += 1
            summary.rejects.append(str(item))
            store.add_reject(item)
            notify("reject", item)
            continue
        doc_id = item.id
        if doc_id in seen or store.has_document(doc_id):
            # The text is stored (or about to be); this outlet, date or title may be new.
            store.add_publication(item.to_dict(), item.origin)
            summary.unchanged += 1
            notify("article", item.to_dict())
            continue
        seen.add(doc_id)
        yield item


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _extract(batch: list[Article], workers: int, actors_file: str | None) -> list[dict[str, Any]]:
    from dateline.annotate import load_nlp
    from dateline.extract import extract_many

    nlp = load_nlp(actors_file)
    extractions = list(extract_many(batch, nlp=nlp, n_process=workers))
    for article, extraction in zip(batch, extractions, strict=True):
        extraction["origin"] = article.origin
    return extractions
