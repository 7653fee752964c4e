"""Article in, extraction document out (DESIGN.md): timexes, actors, places, events.

``extract`` handles one article, ``extract_many`` streams many through
``nlp.pipe`` (or worker processes), ``extract_each`` does the same but turns an
article that fails into its coded reject, ``format_text`` prints one line per event.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from spacy.tokens import Doc

from dateline.errors import E_EXTRACT_FAILED, E_WORKER_DIED, DatelineError, failure
from dateline.model import Article

Extraction = dict[str, Any]
Outcome = Extraction | DatelineError
_WORKER_NLP: Any = None


def _nlp(nlp: Any) -> Any:
    if nlp is not None:
        return nlp
    from dateline.annotate import load_nlp

    return load_nlp()


def prepare(nlp: Any, article: Article) -> Doc:
    """A Doc carrying the article and its DCT, ready for the pipeline."""
    import dateline.pipeline  # noqa: F401 - registers the Doc extensions

    doc = nlp.make_doc(article.text)
    doc._.dct = article.dct
    doc._.article = article
    return doc


def document(article: Article, doc: Doc) -> Extraction:
    """The extraction document of an annotated Doc."""
    return {
        "document": article.to_dict(),
        "timexes": [t.to_dict() for t in doc._.timexes or []],
        "actors": [a.to_dict() for a in doc._.actors or []],
        "places": [p.to_dict() for p in doc._.places or []],
        "events": [e.to_dict() for e in doc._.events or []],
    }


def extract(article: Article, nlp: Any = None) -> Extraction:
    """Run the whole pipeline on one article, e.g.
    ``extract(Article(text="Kim visited Moscow on Monday.", dct=date(2025, 5, 21)))``.

    An article longer than spaCy's ``nlp.max_length`` is annotated in chunks (see
    ``annotate_long``)."""
    nlp = _nlp(nlp)
    if len(article.text) > nlp.max_length:
        return document(article, annotate_long(nlp, article))
    return document(article, nlp(prepare(nlp, article)))


#: dateline's steps that read the whole document (coreference, the narrative's times)
WHOLE_DOCUMENT_STEPS = ("dateline_timex", "dateline_actors", "dateline_events")
CHUNK_CHARS = 100_000


def annotate_long(nlp: Any, article: Article, size: int = CHUNK_CHARS) -> Doc:
    """A Doc for an article over ``nlp.max_length``: spaCy's own steps run on pieces of
    about ``size`` characters cut at paragraph breaks (their memory grows with the piece),
    the pieces are joined into one Doc, and dateline's steps then run on the whole."""
    import dateline.pipeline  # noqa: F401 - registers the Doc extensions

    late = [name for name in nlp.pipe_names if name in WHOLE_DOCUMENT_STEPS]
    with nlp.select_pipes(disable=late):
        pieces = list(nlp.pipe(_pieces(article.text, min(size, nlp.max_length))))
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    doc._.dct = article.dct
    doc._.article = article
    for name in late:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _pieces(text: str, size: int) -> Iterator[str]:
    """Consecutive slices of ``text`` (joined, they are ``text``) of at most ``size``
    characters, each ending after a blank line, else a line break, else a space."""
    start = 0
    while len(text) - start > size:
        end, cut = start + size, start + size
        for mark in ("\n\n", "\n", " "):
            found = text.rfind(mark, start + size // 2, end)
            if found >= 0:
                cut = found + len(mark)
                break
        yield text[start:cut]
        start = cut
    yield text[start:]


def extract_many(
    articles: Iterable[Article], nlp: Any = None, n_process: int = 1, batch_size: int = 32
) -> Iterator[Extraction]:
    """Extraction documents for many articles, in input order.

    With ``n_process > 1`` each worker process loads its own pipeline (Doc
    extensions holding dates and Articles do not cross spaCy's own process pipe).
    """
    if n_process > 1:
        yield from _parallel(articles, n_process, batch_size, _actors_file(nlp))
        return
    nlp = _nlp(nlp)
    pending: list[Article] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            pending.append(article)
            yield prepare(nlp, article)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield document(pending.pop(0), doc)


def extract_each(
    articles: Iterable[Article], nlp: Any = None, n_process: int = 1, batch_size: int = 32
) -> Iterator[Outcome]:
    """Like ``extract_many``, but an article whose extraction raises is yielded as a
    DL-E300 reject naming its origin, in its place, and the others still come out."""
    if n_process > 1:
        yield from _parallel_each(articles, n_process, batch_size, _actors_file(nlp))
        return
    nlp = _nlp(nlp)
    iterator = iter(articles)
    while batch := list(islice(iterator, batch_size)):
        if any(len(article.text) > nlp.max_length for article in batch):
            yield from (_extract_or_reject(article, nlp) for article in batch)
            continue
        try:
            outcomes: list[Outcome] = list(extract_many(batch, nlp=nlp, batch_size=batch_size))
        except Exception:  # one article spoilt nlp.pipe: redo the batch one by one
            outcomes = [_extract_or_reject(article, nlp) for article in batch]
        yield from outcomes


def _extract_or_reject(article: Article, nlp: Any) -> Outcome:
    try:
        return extract(article, nlp)
    except Exception as exc:
        return E_EXTRACT_FAILED(article.origin, why=failure(exc))


def _parallel_each(
    articles: Iterable[Article], n_process: int, batch_size: int, actors_file: str | None
) -> Iterator[Outcome]:
    """Batches of ``batch_size`` articles, each extracted by one worker with ``nlp.pipe``;
    two batches per worker are kept in flight, so that workers go on extracting while the
    caller stores what came back (results still come in input order)."""
    iterator = iter(articles)
    while True:
        broken: list[Article] = []
        with ProcessPoolExecutor(
            n_process, initializer=_init_worker, initargs=(actors_file,)
        ) as pool:
            flight: deque[tuple[list[Article], Future[list[Outcome]]]] = deque()
            while True:
                while len(flight) < 2 * n_process and (chunk := list(islice(iterator, batch_size))):
                    flight.append((chunk, pool.submit(_extract_each_in_worker, chunk)))
                if not flight:
                    break
                try:
                    outcomes = flight[0][1].result()
                except BrokenProcessPool:
                    broken = [article for chunk, _ in flight for article in chunk]
                    break
                flight.popleft()
                yield from outcomes
        if not broken:
            return
        # A worker died (killed, out of memory) and took the pool with it: find the
        # article that does it by redoing the chunk one article at a time, then go on.
        yield from _isolated(broken, actors_file)


def _isolated(chunk: list[Article], actors_file: str | None) -> Iterator[Outcome]:
    """Each article in a one-process pool of its own making: a worker that dies takes
    only its article with it (a DL-E302 reject)."""
    pool: ProcessPoolExecutor | None = None
    try:
        for article in chunk:
            pool = pool or ProcessPoolExecutor(1, initializer=_init_worker, initargs=(actors_file,))
            try:
                yield pool.submit(_extract_or_reject_in_worker, article).result()
            except BrokenProcessPool as exc:
                yield E_WORKER_DIED(article.origin, why=failure(exc))
                pool.shutdown(cancel_futures=True)
                pool = None
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _actors_file(nlp: Any) -> str | None:
    """The actors file the caller's pipeline uses, so that workers load the same one."""
    try:
        return nlp.get_pipe_config("dateline_actors").get("actors_file") if nlp else None
    except (KeyError, AttributeError):
        return None


def _parallel(
    articles: Iterable[Article], n_process: int, batch_size: int, actors_file: str | None
) -> Iterator[Extraction]:
    iterator = iter(articles)
    with ProcessPoolExecutor(n_process, initializer=_init_worker, initargs=(actors_file,)) as pool:
        while chunk := list(islice(iterator, batch_size * n_process)):
            yield from pool.map(_extract_in_worker, chunk, chunksize=batch_size)


def _init_worker(actors_file: str | None) -> None:
    global _WORKER_NLP
    from dateline.annotate import load_nlp
    from dateline.workers import exit_when_parent_dies

    exit_when_parent_dies()
    _WORKER_NLP = load_nlp(actors_file)
    # What the worker holds now (the model, copied from the parent when forked) lives as
    # long as it does: kept out of the cycle collector, whose full collections would
    # otherwise walk it again and again and write to every page of it the fork shares.
    gc.freeze()


def _extract_in_worker(article: Article) -> Extraction:
    return extract(article, _WORKER_NLP)


def _extract_each_in_worker(articles: list[Article]) -> list[Outcome]:
    return list(extract_each(articles, nlp=_WORKER_NLP, batch_size=len(articles)))


def _extract_or_reject_in_worker(article: Article) -> Outcome:
    return _extract_or_reject(article, _WORKER_NLP)


def format_text(extraction: Extraction) -> str:
    """One readable line per event: time, status, type, who → whom, where, evidence."""
    from dateline.query import format_event

    return "\n".join(format_event(event) for event in extraction.get("events", []))
