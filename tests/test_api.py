"""The Python API in one import: dateline.extract and dateline.open."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import dateline
from conftest import CORPUS, run_dateline
from dateline.errors import DatelineError

EXAMPLE = Path(__file__).parent.parent / "examples" / "api_example.py"
TEXT = "Kim Jong-un will visit Moscow next month, the Kremlin said on Wednesday."


def test_import_dateline_loads_neither_spacy_nor_a_database_driver() -> None:
    code = (
        "import sys, dateline; print(sorted({'spacy', 'sqlalchemy', 'fastapi'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_dateline_extract_stays_the_function_after_its_module_is_imported() -> None:
    import dateline.extract
    from dateline.extract import extract_each

    assert callable(extract_each)
    assert dateline.extract.__module__ == "dateline" and dateline.extract.__name__ == "extract"


@pytest.mark.model
def test_extract_text_with_a_dct_gives_the_extraction_document(nlp: Any) -> None:
    doc = dateline.extract(TEXT, dct="2025-05-21", nlp=nlp)
    assert doc["document"]["dct"] == "2025-05-21" and doc["document"]["text"] == TEXT
    visit = next(e for e in doc["events"] if e["type"] == "VISIT")
    assert visit["status"] == "planned" and visit["time"]["value"] == "2025-06"
    assert "kim-jong-un" in visit["source"]


@pytest.mark.model
def test_extract_of_a_file_a_path_and_an_article_agree(nlp: Any, seed_path: Path) -> None:
    from dateline.read import read_file

    by_path = dateline.extract(seed_path, nlp=nlp)
    by_name = dateline.extract(str(seed_path), nlp=nlp)
    (article,) = list(read_file(str(seed_path)))
    by_article = dateline.extract(article, nlp=nlp)
    assert by_path == by_name == by_article
    assert by_path["document"]["dct"] == "2025-05-21" and len(by_path["events"]) > 5


def test_extract_text_without_a_date_is_the_coded_no_dct_error() -> None:
    with pytest.raises(DatelineError) as caught:
        dateline.extract(TEXT)
    assert caught.value.code == "DL-E001"


def test_extract_with_a_malformed_dct_is_a_coded_error() -> None:
    with pytest.raises(DatelineError) as caught:
        dateline.extract(TEXT, dct="21/05/2025")
    assert caught.value.code == "DL-E402" and "21/05/2025" in str(caught.value)


def test_extract_of_a_file_with_several_articles_says_to_ingest_it() -> None:
    with pytest.raises(DatelineError) as caught:
        dateline.extract(CORPUS / "synthetic_wire.jsonl")
    assert caught.value.code == "DL-E412" and "synthetic_wire.jsonl" in str(caught.value)


@pytest.mark.model
def test_open_ingest_lists_rejects_without_raising_and_reads_like_the_commands(
    tmp_path: Path,
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for name in ("synthetic_b1_portugal_angola_summit_scheduled.txt",
                 "synthetic_b2_portugal_angola_summit_postponed.txt"):  # fmt: skip
        (news / name).write_bytes((CORPUS / name).read_bytes())
    (news / "empty.txt").write_text("")
    (news / "bad.jsonl").write_text('{"title": "no date", "text": "Talks were held."}\n')
    db_path = tmp_path / "api.db"
    with dateline.open(db_path) as db:
        summary = db.ingest(news)
        assert (summary.added, summary.rejected) == (2, 2)
        assert any("DL-E003" in line for line in summary.rejects)
        assert any("DL-E001" in line for line in summary.rejects)
        timeline = db.timeline(type="MEET")
        pending = db.pending(as_of=date(2026, 2, 25))
        stories = db.stories(state="planned")
        one = db.story(stories[0]["id"])
        assert db.story("story:0000000000000000") is None
    cli = run_dateline("timeline", "--type", "MEET", "--db", str(db_path), "--json")
    assert [e["id"] for e in timeline] == [e["id"] for e in json.loads(cli.stdout)] != []
    cli = run_dateline("pending", "--as-of", "2026-02-25", "--db", str(db_path), "--json")
    assert pending == json.loads(cli.stdout)
    assert one is not None and one["id"] == stories[0]["id"] and one["history"]
    assert all(s["status"] == "planned" for s in stories)


@pytest.mark.model
@pytest.mark.slow
def test_api_example_runs_and_prints_the_corpus_stories(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), str(tmp_path / "example.db")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "extracted: VISIT planned 2026-03" in lines
    assert "ingested: added 16, rejected 0" in lines
    assert any(line.startswith("pending: ") for line in lines)
    assert any(line.startswith("story: story:") and "occurred" in line for line in lines)
