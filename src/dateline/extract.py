"""Article in, extraction document out (DESIGN.md): timexes, actors, places, events.

``extract`` handles one article, ``extract_many`` streams many through
``nlp.pipe`` (or worker processes), ``format_text`` prints one line per event.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any

from spacy.tokens import Doc

from dateline.model import Article

Extraction = dict[str, Any]
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
    ``extract(Article(text="Kim visited Moscow on Monday.", dct=date(2025, 5, 21)))``."""
    nlp = _nlp(nlp)
    return document(article, nlp(prepare(nlp, article)))


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


def _extract_in_worker(article: Article) -> Extraction:
    return extract(article, _WORKER_NLP)


def format_text(extraction: Extraction) -> str:
    """One readable line per event: time, status, type, who → whom, where, evidence."""
    from dateline.query import format_event

    return "\n".join(format_event(event) for event in extraction.get("events", []))
