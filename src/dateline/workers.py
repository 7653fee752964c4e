"""Worker processes that do not outlive the process that started them.

``ingest --workers N`` runs spaCy in a process pool. When the parent is killed
(``kill -9``, the OOM killer) nothing tells the workers, and they would wait for
work for ever. Each worker therefore watches its parent from a daemon thread and
exits as soon as the parent is gone.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from multiprocessing.connection import wait

POLL_SECONDS = 0.5


def exit_when_parent_dies(poll_seconds: float = POLL_SECONDS) -> None:
    """Start watching the parent; call it first thing in a worker process."""
    parent = multiprocessing.parent_process()
    sentinel = parent.sentinel if parent is not None else None
    watch = threading.Thread(
        target=_watch,
        args=(os.getppid(), sentinel, poll_seconds),
        name="dateline-parent-watch",
        daemon=True,
    )
    watch.start()


def _watch(ppid: int, sentinel: int | None, poll_seconds: float) -> None:
    # Two signs, because either can fail alone: the parent's end of multiprocessing's
    # pipe closes when it dies (but a sibling forked later may hold a copy of it), and
    # an orphan is adopted by another process (unless the parent was already gone
    # when this worker started, which the pipe then tells).
    while os.getppid() == ppid:
        if sentinel is None:
            time.sleep(poll_seconds)
        elif wait([sentinel], timeout=poll_seconds):
            break
    os._exit(1)  # no clean-up: the work belongs to a run that no longer exists
