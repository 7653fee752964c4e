"""Worker processes of ``ingest --workers N`` (``dateline.extract``)."""

from __future__ import annotations

import gc
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

from dateline.extract import _init_worker


@pytest.mark.model
def test_a_worker_keeps_the_model_it_holds_out_of_the_cycle_collector(nlp: Any) -> None:
    """The model lives as long as the worker: frozen once loaded, so the collector's full
    collections do not walk it (nor write to the pages the fork shares with the parent)."""
    with ProcessPoolExecutor(1, initializer=_init_worker, initargs=(None,)) as pool:
        frozen = pool.submit(gc.get_freeze_count).result()
    assert frozen > 10_000
