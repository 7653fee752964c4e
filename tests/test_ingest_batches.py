"""How many articles `ingest` stores per transaction when they come faster than it stores
them (the writer's CPU per article falls with the batch: bench/RESULTS.md, tenth round)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from dateline import ingest as ingest_module
from dateline.model import Article
from dateline.store import Store


def _no_events(
    articles: Iterable[Article], workers: int, actors_file: str | None
) -> Iterator[tuple[Article, dict[str, Any]]]:
    """Extraction at once, with nothing found: the articles come faster than any writer."""
    for article in articles:
        yield article, {"document": article.to_dict(), "events": []}


def _batches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    sizes: list[int] = []
    add_many = Store.add_many

    def counted(self: Store, extractions: Sequence[dict[str, Any]]) -> list[bool]:
        sizes.append(len(extractions))
        return add_many(self, extractions)

    monkeypatch.setattr(Store, "add_many", counted)
    monkeypatch.setattr(ingest_module, "_extract", _no_events)
    # Only the count closes a batch here, however slowly a loaded machine reads the files.
    monkeypatch.setattr(ingest_module, "STORE_SECONDS", 3600.0)
    return sizes


def test_articles_that_come_faster_than_they_are_stored_go_500_to_a_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(1_150):
        text = f"date 2025-03-03  Report {n}\n\nThe ministers met in Lima for talks round {n}.\n"
        (folder / f"report_{n:04d}.txt").write_text(text, encoding="utf-8")
    sizes = _batches(monkeypatch)
    with Store(str(tmp_path / "x.db")) as store:
        summary = ingest_module.ingest([str(folder)], store)
        assert summary.added == 1_150
        assert store.counts()["documents"] == 1_150
    assert sizes == [500, 500, 150]


def test_the_command_line_stores_as_many_per_transaction_as_ingest() -> None:
    import inspect

    from dateline.cli import ingest as command

    default = inspect.signature(command).parameters["batch_size"].default
    assert default == ingest_module.STORE_BATCH
