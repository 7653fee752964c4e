"""`dateline ingest` end to end: summaries, exit codes, rejects, idempotency, crash safety."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import Store

pytestmark = pytest.mark.model

runner = CliRunner()


def synthetic_article(n: int, day: int = 3) -> str:
    return (
        f"date 2025-03-{day:02d}  Synthetic report number {n}\n\n"
        f"The foreign minister of Chile met his Peruvian counterpart in Lima on Monday "
        f"for the {n}th round of border talks.\n"
    )


def write_corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"synthetic_{n:04d}.txt").write_text(synthetic_article(n), encoding="utf-8")
    return folder


def run_json(*args: str) -> tuple[int, dict[str, int]]:
    result = runner.invoke(app, ["ingest", *args, "--json"])
    return result.exit_code, json.loads(result.stdout)


def test_seed_ingests_then_is_unchanged(tmp_path: Path, seed_path: Path) -> None:
    db = str(tmp_path / "d.db")
    code, first = run_json(str(seed_path), "--db", db)
    assert code == 0
    assert first["added"] == 1 and first["rejected"] == 0 and first["unchanged"] == 0
    assert first["events"] > 0
    code, second = run_json(str(seed_path), "--db", db)
    assert code == 0
    assert second == {"added": 0, "unchanged": 1, "rejected": 0, "events": 0, "rejects": []}
    with Store(db) as store:
        assert store.counts()["documents"] == 1


def test_bad_files_are_rejected_and_the_rest_lands(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 3)
    (corpus / "synthetic_empty.txt").write_text("", encoding="utf-8")
    (corpus / "synthetic_binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (corpus / "synthetic_baddate.txt").write_text(
        "date 2025-02-30  Impossible\n\nText.\n", encoding="utf-8"
    )
    (corpus / "synthetic_dup.txt").write_text(synthetic_article(0), encoding="utf-8")
    db = str(tmp_path / "d.db")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 1
    assert "added 3, unchanged 1, rejected 3 documents" in result.stdout
    reject_lines = [line for line in result.stderr.splitlines() if "DL-E" in line]
    assert len(reject_lines) == 3
    assert any("synthetic_empty.txt: DL-E003" in line for line in reject_lines)
    assert any("synthetic_baddate.txt" in line and "2025-02-30" in line for line in reject_lines)
    with Store(db) as store:
        assert store.counts()["documents"] == 3
        assert {r["code"] for r in store.rejects()} == {"DL-E002", "DL-E003", "DL-E004"}


def test_missing_dct_needs_option(tmp_path: Path) -> None:
    line = json.dumps({"text": "Chile and Peru signed a fisheries accord.", "title": "Accord"})
    path = tmp_path / "synthetic_nodate.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    db = str(tmp_path / "d.db")
    code, summary = run_json(str(path), "--db", db)
    assert (code, summary["rejected"]) == (1, 1)
    code, summary = run_json(str(path), "--db", db, "--dct", "2025-01-02")
    assert (code, summary["added"]) == (0, 1)


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path), "--dct", "2025-02-30"])
    assert result.exit_code == 2
    assert "DL-E080" in result.output


def test_kill_minus_9_mid_ingest_then_resume(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 500)
    db = str(tmp_path / "crash.db")
    # batches of 20, so that a kill lands between commits: with the default of up to 500 a
    # quiet machine stored the whole corpus in its first transaction
    cmd = [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", db, "--quiet", "--json"]
    cmd += ["--batch-size", "20"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if Path(db).exists() and _documents(db) >= 40:
            break
        time.sleep(0.2)
    assert proc.poll() is None, "ingest finished before it could be killed; corpus too small"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _documents(db)
    assert 0 < partial < 500
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["added"] + summary["unchanged"] == 500
    assert summary["unchanged"] == partial
    assert _documents(db) == 500


def _documents(db: str) -> int:
    import sqlite3

    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return int(conn.execute("select count(*) from documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
