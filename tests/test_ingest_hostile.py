"""Issue 13, input side: no input can lose a batch, in `ingest` (one or more workers)
and in `extract`; each bad input is one coded reject and everything else lands."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.errors import DatelineError
from dateline.extract import extract_each
from dateline.model import Article
from dateline.store import Store

pytestmark = pytest.mark.model

runner = CliRunner()


def _good(n: int) -> str:
    return (
        f"date 2025-03-0{n}  Synthetic report {n}\n\n"
        f"The foreign minister of Chile met his Peruvian counterpart in Lima on Monday "
        f"for round {n} of border talks.\n"
    )


def hostile_corpus(folder: Path) -> tuple[int, set[str]]:
    """Three good articles among the inputs the hostile tester sent; returns how many
    articles should land and which reject codes should be reported."""
    folder.mkdir()
    for n in (1, 2, 3):
        (folder / f"synthetic_good_{n}.txt").write_text(_good(n), encoding="utf-8")
    (folder / "synthetic_surrogate.jsonl").write_text(
        '{"text": "Talks \\ud800 resumed.", "date": "2025-05-21"}\n'
        '{"text": "Japan and Korea held talks in Seoul.", "date": "2025-05-21"}\n',
        encoding="utf-8",
    )
    (folder / "synthetic_charref.xml").write_text(
        '<?xml version="1.0"?><rss><channel><title>W</title><item><title>A &#999999999999;'
        "</title><description>Kenya and Uganda signed a trade deal &#x110000;.</description>"
        "<pubDate>Wed, 21 May 2025 10:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    (folder / "synthetic_far.txt").write_text(
        "date 9999-12-31  Far\n\nThe ministers meet this week, again next week and next month.\n",
        encoding="utf-8",
    )
    with open(os.fsencode(folder) + b"/synthetic_\xff.jsonl", "wb") as stream:
        stream.write(b'{"text": "Ghana and Togo agreed on a border deal.", "date": [2025]}\n')
    deep = folder
    for _ in range(80):
        deep = deep / "d"
    deep.mkdir(parents=True)
    # good: 3 + Japan/Korea + Kenya/Uganda + the far-future one
    return 6, {"DL-E018", "DL-E019", "DL-E020"}


def _rows(db: str, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"select count(*) from {table}").fetchone()[0])


@pytest.mark.parametrize("workers", [1, 2])
def test_one_bad_article_does_not_lose_the_batch(tmp_path: Path, workers: int) -> None:
    landed, codes = hostile_corpus(tmp_path / "in")
    db = str(tmp_path / "d.db")
    args = ["ingest", str(tmp_path / "in"), "--db", db, "--json", "--workers", str(workers)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert summary["added"] == landed
    assert {line.split(" ")[1] for line in summary["rejects"]} == codes
    assert summary["rejected"] == len(summary["rejects"]) == 3
    assert all(line.encode("utf-8") for line in summary["rejects"])
    assert _rows(db, "documents") == landed and _rows(db, "rejects") == 3
    again = runner.invoke(app, args)  # nothing stored twice, nothing lost
    assert json.loads(again.stdout)["unchanged"] == landed
    assert _rows(db, "documents") == landed


def test_article_that_breaks_extraction_is_a_coded_reject_in_its_place(nlp: Any) -> None:
    good = Article(text="Chile and Peru signed an accord on Monday.", dct=date(2025, 5, 21))
    # a caller of the Python API passing a string DCT makes the tagger raise
    broken = Article(text="Talks resumed on Monday.", dct="2025-05-21", origin="api:2")  # type: ignore[arg-type]
    outcomes = list(extract_each([good, broken, good], nlp=nlp, batch_size=4))
    assert [isinstance(o, DatelineError) for o in outcomes] == [False, True, False]
    reject = outcomes[1]
    assert isinstance(reject, DatelineError) and reject.code == "DL-E300"
    assert str(reject).startswith("api:2: DL-E300 unexpected error while extracting: Attribute")


def test_article_that_breaks_extraction_in_a_worker_is_a_coded_reject(nlp: Any) -> None:
    good = Article(text="Chile and Peru signed an accord on Monday.", dct=date(2025, 5, 21))
    broken = Article(text="Talks resumed on Monday.", dct="2025-05-21", origin="api:2")  # type: ignore[arg-type]
    outcomes = list(extract_each([good, broken, good], nlp=nlp, n_process=2, batch_size=1))
    assert [getattr(o, "code", "ok") for o in outcomes] == ["ok", "DL-E300", "ok"]
    assert outcomes[0]["events"] == outcomes[2]["events"] != []  # type: ignore[index]


def test_article_the_database_refuses_is_a_coded_reject(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in (1, 2, 3):
        (folder / f"synthetic_{n}.txt").write_text(_good(n), encoding="utf-8")
    db = str(tmp_path / "d.db")
    Store(db).close()
    with sqlite3.connect(db) as conn:  # a real refusal from the real database
        conn.execute(
            "create trigger refuse before insert on documents when new.title like '%report 2' "
            "begin select raise(abort, 'refused by trigger'); end"
        )
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--json"])
    summary = json.loads(result.stdout)
    assert result.exit_code == 1
    assert summary["added"] == 2 and summary["rejected"] == 1
    (line,) = summary["rejects"]
    assert "synthetic_2.txt: DL-E301 unexpected error while storing:" in line
    assert "refused by trigger" in line
    with Store(db) as store:
        assert store.counts()["documents"] == 2
        assert _rows(db, "events") == len(store.events())  # no half-stored article


def test_extract_prints_good_articles_and_reports_rejects(tmp_path: Path) -> None:
    path = tmp_path / "synthetic_mixed.jsonl"
    path.write_text(
        '{"text": "Chile and Peru signed an accord on Monday.", "date": "2025-05-21"}\n'
        '{"text": "No date here."}\n'
        "not json\n"
        '{"text": "Kenya and Uganda held talks on Tuesday.", "date": "2025-05-21"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert "synthetic_mixed.jsonl:2: DL-E001" in result.stderr
    assert "synthetic_mixed.jsonl:3: DL-E006" in result.stderr
    assert result.stdout.count('"document"') == 2
    assert "Kenya and Uganda" in result.stdout


def test_extract_shows_no_raw_python_warnings(tmp_path: Path) -> None:
    path = tmp_path / "synthetic_latin1.txt"
    path.write_bytes(b"date 2025-05-21  Caf\xe9\n\nChile and Peru signed an accord on Monday.\n")
    result = runner.invoke(app, ["extract", str(path), "--format", "text"])
    assert result.exit_code == 0
    assert result.stderr.strip() == f"{path}: DL-W001 invalid UTF-8: 1 byte(s) replaced with U+FFFD"


def test_events_limit_below_one_is_a_usage_error(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    for value in ("0", "-3"):
        result = runner.invoke(app, ["events", "--db", db, "--limit", value])
        assert result.exit_code == 2
        assert f"DL-E092 --limit takes a whole number of at least 1, got {value}" in result.stderr


def test_timeline_percent_is_a_letter_not_a_wildcard(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "synthetic_1.txt").write_text(_good(1), encoding="utf-8")
    db = str(tmp_path / "d.db")
    runner.invoke(app, ["ingest", str(folder), "--db", db])
    every = runner.invoke(app, ["timeline", "--db", db, "--json"])
    assert json.loads(every.stdout) != []
    for wildcard in ("%", "_", "%%"):
        result = runner.invoke(app, ["timeline", wildcard, "--db", db, "--json"])
        assert json.loads(result.stdout) == [], wildcard
