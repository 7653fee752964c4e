"""`dateline ingest` runs at a lower CPU priority (``--nice``, 10 by default), so that a
server reading the same database on the same cores is served first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# A child process runs the command line with the ingest itself replaced by a probe that
# prints the niceness it ran at (a process cannot be given its priority back, so not here).
PROBE = """
import json, os, sys
import dateline.ingest
from dateline.cli import app
from dateline.ingest import IngestSummary

def probe(*args, **kwargs):
    print(json.dumps({"nice": os.nice(0)}))
    return IngestSummary()

dateline.ingest.ingest = probe
os.nice(int(sys.argv[1]))
app(sys.argv[2:], prog_name="dateline")
"""


def niceness_of_ingest(tmp_path: Path, start: int, *options: str) -> int:
    db = str(tmp_path / "d.db")
    cmd = [sys.executable, "-c", PROBE, str(start), "ingest", str(tmp_path), "--db", db, "-q",
           *options]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_NICE"}  # conftest's 0
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    return int(json.loads(done.stdout.splitlines()[0])["nice"])


pytestmark = pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities here")


def test_ingest_runs_at_niceness_10_by_default(tmp_path: Path) -> None:
    assert niceness_of_ingest(tmp_path, 0) == 10


def test_nice_option_sets_the_ingest_niceness(tmp_path: Path) -> None:
    assert niceness_of_ingest(tmp_path, 0, "--nice", "3") == 3


def test_nice_0_keeps_the_priority_the_ingest_was_started_with(tmp_path: Path) -> None:
    assert niceness_of_ingest(tmp_path, 0, "--nice", "0") == 0
    assert niceness_of_ingest(tmp_path, 5, "--nice", "0") == 5


def test_nice_never_raises_a_priority_already_lower(tmp_path: Path) -> None:
    assert niceness_of_ingest(tmp_path, 15) == 15


def test_lower_priority_sets_a_level_not_an_increment() -> None:
    code = (
        "from dateline.ingest import lower_priority\n"
        "print(lower_priority(4), lower_priority(4), lower_priority(2))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["4", "4", "4"]


def test_nice_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "dateline", "ingest", str(tmp_path), "--nice", "20"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "--nice" in done.stderr


def test_dateline_nice_sets_the_default_niceness(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    cmd = [sys.executable, "-c", PROBE, "0", "ingest", str(tmp_path), "--db", db, "-q"]
    env = {**os.environ, "DATELINE_NICE": "4"}
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[0])["nice"] == 4
