"""Python's cycle collector held off while one bounded piece of work runs (as Mercurial's
``util.nogc``): storing and linking a batch, or building a page of stories.

Both make many objects that live until the work is done, and enough of them outlive two
young collections that full collections follow, each walking every object the process
holds (a loaded model, SQLAlchemy's caches, the caller's documents): on 1,000 synthetic
documents after 8,000, a third of the writer's CPU time; on a whole pending page at a
million events, 10-25 ms of CPU at load 5. Nothing depends on when cycles are freed, and
the garbage of one batch or page is bounded by it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off while the block (or, as a decorator, the call) runs, and on again
    afterwards only if it was on: another thread's work may have switched it off and on
    meanwhile, and then it is on, as it was. Nested uses leave it to the outermost."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
