"""Ingest: read articles, extract events, store them; rejects are reported, never lost.

No input can take a batch down: a file or article that fails in reading,
extraction or storing, for whatever reason, becomes its own coded reject
(DL-E017, DL-E300, DL-E301) and the run goes on with the next one.

Extractions are stored ``batch_size`` at a time, one transaction each
(``Store.add_many``); when a batch fails, its articles are stored again one by one,
so that only the article at fault is rejected. An article is reported stored only
once its transaction has committed.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dateline.errors import E_BATCH_SIZE, E_READ_FAILED, E_STORE_FAILED, DatelineError, failure
from dateline.model import Article
from dateline.store import Store

BATCH_SIZE = 32  # articles per spaCy batch
# Articles per store transaction (``--batch-size``) when they come faster than the writer
# stores them (else a batch is what came in STORE_SECONDS): the writer's CPU per article
# falls with the batch, as a story joined several times in one batch is written once and
# the commit's pages are shared (bench/RESULTS.md, "Issue 15, tenth round").
STORE_BATCH = 500
STORE_SECONDS = 2.0  # a batch older than this is stored when the next article comes


@dataclass
class IngestSummary:
    """What one ingest run did; ``to_dict`` is the ``--json`` output."""

    added: int = 0
    unchanged: int = 0
    rejected: int = 0
    events: int = 0
    rejects: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "events": self.events,
            "rejects": list(self.rejects),
        }


Reporter = Callable[[str, Any], None]


def lower_priority(niceness: int) -> int:
    """Run this process (and the worker processes it starts later) at ``niceness`` at
    least, as ``nice -n`` would from 0; never raises it back. The new niceness.

    An ingest beside ``dateline serve`` on the same cores made the server's reads wait
    for a core: at load 5 on 2 cores the slowest 5 % of 20 clients' requests waited
    41-98 ms for one, about half as long with the ingest at niceness 10 (bench/RESULTS.md).
    A process alone on its machine loses nothing by it. Setting a level, not adding to
    it, so that a program that ingests several times stays at that level."""
    if not hasattr(os, "nice"):  # not on this platform
        return 0
    current = os.nice(0)
    return os.nice(niceness - current) if niceness > current else current


def ingest(
    paths: Sequence[str],
    store: Store,
    dct: date | None = None,
    workers: int = 1,
    report: Reporter | None = None,
    actors_file: str | None = None,
    follow_links: bool = False,
    batch_size: int = STORE_BATCH,
    dask: str | None = None,
    partition_size: int = 16,
) -> IngestSummary:
    """Read PATHS, extract every new article and store it, ``batch_size`` articles per
    transaction.

    ``report(kind, payload)`` is called with ``("reject", DatelineError)`` and
    ``("article", Article)`` so that a caller can show progress. Symbolic links inside
    a directory lead out of it only with ``follow_links``. With ``dask`` (a scheduler
    address, or ``local[:N]``) the articles are extracted on a Dask cluster
    (:mod:`dateline.distributed`, ``partition_size`` articles per task) and stored here.
    """
    from dateline.read import read_paths

    summary = IngestSummary()
    notify = report or (lambda kind, payload: None)

    def reject(error: DatelineError) -> None:
        summary.rejected += 1
        summary.rejects.append(str(error))
        with suppress(Exception):  # the reject is still counted and printed
            store.add_reject(error)
        notify("reject", error)

    if batch_size < 1:
        raise E_BATCH_SIZE(value=batch_size)
    items = read_paths(paths, dct=dct, follow_links=follow_links)
    fresh = _new_articles(items, store, summary, notify, reject)
    if dask is not None:
        from dateline.distributed import extract_on_dask

        outcomes = extract_on_dask(fresh, dask, actors_file, partition_size)
    else:
        outcomes = _extract(fresh, workers, actors_file)
    batch: list[tuple[Article, dict[str, Any] | DatelineError]] = []
    began = time.monotonic()
    for item in outcomes:
        if not batch:
            began = time.monotonic()
        batch.append(item)
        if len(batch) >= batch_size or time.monotonic() - began >= STORE_SECONDS:
            _store_batch(store, batch, summary, notify, reject)
            batch = []
    _store_batch(store, batch, summary, notify, reject)
    return summary


def _store_batch(
    store: Store,
    batch: list[tuple[Article, dict[str, Any] | DatelineError]],
    summary: IngestSummary,
    notify: Reporter,
    reject: Callable[[DatelineError], None],
) -> None:
    """Store a batch in one transaction, else one by one; then count and report it, in
    input order."""
    extractions = [x for _, x in batch if not isinstance(x, DatelineError)]
    try:
        added = iter(store.add_many(extractions))
    except Exception:  # one of them fails: store each alone, so that only it is rejected
        added = None
    for article, outcome in batch:
        if isinstance(outcome, DatelineError):
            reject(outcome)
        elif added is None:
            _store(store, article, outcome, summary, notify, reject)
        else:
            _count(next(added), outcome, summary, notify)


def _store(
    store: Store,
    article: Article,
    extraction: dict[str, Any],
    summary: IngestSummary,
    notify: Reporter,
    reject: Callable[[DatelineError], None],
) -> None:
    """Store one extraction (one transaction: all of it or nothing) and count it."""
    try:
        added = store.add(extraction)
    except Exception as exc:
        reject(E_STORE_FAILED(article.origin, why=failure(exc)))
        return
    _count(added, extraction, summary, notify)


def _count(
    added: bool, extraction: dict[str, Any], summary: IngestSummary, notify: Reporter
) -> None:
    if added:
        summary.added += 1
        summary.events += len(extraction["events"])
    else:
        summary.unchanged += 1
    notify("article", extraction["document"])


def _new_articles(
    items: Iterable[Article | DatelineError],
    store: Store,
    summary: IngestSummary,
    notify: Reporter,
    reject: Callable[[DatelineError], None],
) -> Iterator[Article]:
    """Articles not yet stored nor seen earlier in this batch; rejects are recorded."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, DatelineError):
            reject(item)
            continue
        try:
            doc_id = item.id
            known = doc_id in seen or store.has_document(doc_id)
            if known:
                # The text is stored (or about to be); this outlet, date or title may be new.
                store.add_publication(item.to_dict(), item.origin)
        except Exception as exc:
            reject(E_READ_FAILED(item.origin, why=failure(exc)))
            continue
        if known:
            summary.unchanged += 1
            notify("article", item.to_dict())
            continue
        seen.add(doc_id)
        yield item


def _extract(
    articles: Iterable[Article], workers: int, actors_file: str | None
) -> Iterator[tuple[Article, dict[str, Any] | DatelineError]]:
    """Each article with its extraction (or its reject), in input order, from one pipeline
    (one pool of worker processes for the whole run: each worker loads the model once)."""
    from dateline.annotate import load_nlp
    from dateline.extract import extract_each

    nlp = load_nlp(actors_file)
    taken: deque[Article] = deque()  # read from the input, not yet extracted

    def feed() -> Iterator[Article]:
        for article in articles:
            taken.append(article)
            yield article

    for outcome in extract_each(feed(), nlp=nlp, n_process=workers, batch_size=BATCH_SIZE):
        article = taken.popleft()
        if not isinstance(outcome, DatelineError):
            outcome["origin"] = article.origin
        yield article, outcome
