"""Worker processes of `ingest --workers N` end when their parent is killed."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

DEADLINE = 180  # seconds; generous: the machine is shared, and this is no speed test


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a live process, None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()  # the command name may hold spaces
    return fields[0], int(fields[1])


def _descendants(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (found := _stat(int(entry))):
            parents[int(entry)] = found[1]
    family, grew = {root}, True
    while grew:
        more = {pid for pid, ppid in parents.items() if ppid in family} - family
        family |= more
        grew = bool(more)
    return family - {root}


def _running(pid: int) -> bool:
    found = _stat(pid)
    return found is not None and found[0] != "Z"  # a zombie has exited


def _wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_workers_exit_when_ingest_is_killed(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for n in range(200):
        (corpus / f"synthetic_{n:04d}.txt").write_text(
            f"date 2025-03-03  Report {n}\n\nChile and Peru held border talks in Lima, "
            f"round {n}.\n",
            encoding="utf-8",
        )
    cmd = [sys.executable, "-m", "dateline", "ingest", str(corpus), "--workers", "2"]
    cmd += ["--db", str(tmp_path / "w.db"), "--quiet"]
    parent = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:

        def two_workers() -> bool:
            workers.update(_descendants(parent.pid))
            return len(workers) >= 2 or parent.poll() is not None

        assert _wait_for(two_workers, DEADLINE), "ingest started no workers"
        assert parent.poll() is None, "ingest finished before it could be killed"
        time.sleep(1.0)  # let them get into loading the model or extracting
        workers.update(_descendants(parent.pid))
    finally:
        if parent.poll() is None:  # once reaped, its pid may be another process's
            os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
    assert len(workers) >= 2
    gone = _wait_for(lambda: not any(_running(pid) for pid in workers), DEADLINE)
    left = sorted(pid for pid in workers if _running(pid))
    for pid in left:  # do not leave them to the next test
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    assert gone, f"workers still running after their parent was killed: {left}"
