"""`dateline export`: every format, on SQLite and PostgreSQL, filtered as the timeline is."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event as sa_event
from typer.testing import CliRunner

from conftest import stored_article
from dateline.cli import app
from dateline.errors import DatelineError
from dateline.export import export
from dateline.export.ics import fold
from dateline.export.rows import event_pages
from dateline.export.tables import write_parquet
from dateline.filters import EventFilters
from dateline.store import Store
from dateline.store import schema as t
from dateline.timeline import timeline

runner = CliRunner()

# Hostile text: TEXT separators, a backslash, a line break, markup, non-ASCII, and long
# enough that every evidence sentence is folded in an iCalendar file.
TITLE_A = (
    'Kim, Putin; talks\\ in Zürich — 東京 & <b>"quoted"</b> next month\n'
    + "a very long headline that goes on " * 4
)
URL_A = "https://news.example/a?x=1,2;3"
TITLE_B = '=HYPERLINK("http://bad.example") Wire report on Wednesday'


def _articles() -> list[dict[str, Any]]:
    a = stored_article(
        "2025-05-21",
        TITLE_A,
        "Korea JoongAng Daily",
        [
            {
                "key": "visit",
                "type": "VISIT",
                "status": "planned",
                "earliest": "2025-05-21",
                "dated": False,
                "source": ["kim-jong-un"],
                "target": ["RUS"],
                "location": "Moscow",
            },
            {
                "key": "meet",
                "type": "MEET",
                "status": "possible",
                "earliest": "2025-06-01",
                "latest": "2025-06-30",
                "value": "2025-06",
                "granularity": "month",
                "dated": False,
                "source": ["kim-jong-un", "vladimir-putin"],
            },
            {
                "key": "summit",
                "type": "MEET",
                "status": "planned",
                "earliest": "2025-07-01",
                "latest": "2025-07-01",
                "value": "2025-07-01",
                "granularity": "day",
                "source": ["kim-jong-un"],
                "target": ["RUS"],
                "location": "Moscow",
            },
        ],
        places={"Moscow": "RUS"},
    )
    b = stored_article(
        "2025-06-20",
        TITLE_B,
        "@Wire; Two",
        [
            {"key": "went", "type": "VISIT", "status": "occurred", "earliest": "2025-06-19",
             "latest": "2025-06-19", "value": "2025-06-19", "granularity": "day",
             "source": ["kim-jong-un"], "target": ["RUS"], "location": "=SUM(1+1)"},
            {"key": "called-off", "type": "MEET", "status": "negated", "earliest": "2025-07-01",
             "latest": "2025-07-01", "value": "2025-07-01", "granularity": "day",
             "source": ["-kim"], "target": ["RUS"], "location": "Pyongyang"},
            {"key": "never", "type": "VISIT", "status": "negated", "source": ["kim-jong-un"]},
            {"key": "talk", "type": "STATEMENT", "status": "ongoing", "source": ["vladimir-putin"]},
        ],
        places={"Pyongyang": "PRK"},
    )  # fmt: skip
    a["document"]["url"] = URL_A
    b["events"][1]["change"] = "cancelled"
    for doc, phrase, value in ((a, "next month", "2025-06"), (b, "Wednesday", "2025-06-18")):
        text = doc["document"]["text"]
        doc["timexes"] = [
            {"text": phrase, "start": m.start(), "end": m.end(), "type": "DATE", "value": value,
             "mod": None, "earliest": None, "latest": None, "granularity": None}
            for m in re.finditer(phrase, text)
        ]  # fmt: skip
    return [a, b]


@pytest.fixture
def db(db_url: str) -> Iterator[str]:
    with Store(db_url) as store:
        for article in _articles():
            assert store.add(article)
    yield db_url


def _timeline_ids(db: str, filters: EventFilters | None = None) -> list[str]:
    with Store(db) as store, store.engine.connect() as conn:
        return [e["id"] for e in timeline(conn, filters)]


def _export(db: str, fmt: str, out: Path | None, **filters: str | None) -> Any:
    with Store(db) as store:
        return export(store.engine, fmt, out, EventFilters(**filters))


# --- CSV, JSON Lines, Parquet ----------------------------------------------------------


def test_table_formats_carry_the_event_and_its_article_in_timeline_order(
    db: str, tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    for fmt in ("csv", "jsonl", "parquet"):
        summary = _export(db, fmt, tmp_path / f"events.{fmt}")
        assert (summary.events, summary.out) == (7, str(tmp_path / f"events.{fmt}"))
    with (tmp_path / "events.csv").open(newline="", encoding="utf-8") as f:
        from_csv = list(csv.DictReader(f))
    lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    from_jsonl = [json.loads(line) for line in lines]
    table = pq.read_table(tmp_path / "events.parquet")
    from_parquet = table.to_pylist()

    order = _timeline_ids(db)
    for rows in (from_csv, from_jsonl, from_parquet):
        assert [r["id"] for r in rows] == order
    visit = next(r for r in from_parquet if r["id"] == "ev-visit")
    assert visit["title"] == TITLE_A and visit["url"] == URL_A
    assert visit["document_source"] == "Korea JoongAng Daily" and visit["dct"] == "2025-05-21"
    assert visit["story_id"] and visit["story_id"].startswith("story:")
    assert visit["source"] == ["kim-jong-un"] and visit["target"] == ["RUS"]
    assert visit["dated"] is False and visit["earliest"] == "2025-05-21"
    assert visit["evidence"] == [f"visit sentence of {TITLE_A}."]
    assert str(table.schema.field("dated").type) == "bool"
    assert str(table.schema.field("source").type) == "list<element: string>"
    by_id = {r["id"]: r for r in from_jsonl}
    assert by_id["ev-visit"]["url"] == URL_A and by_id["ev-visit"]["title"] == TITLE_A
    assert by_id["ev-called-off"]["change"] == "cancelled"
    assert by_id["ev-meet"]["source"] == ["kim-jong-un", "vladimir-putin"]
    row = next(r for r in from_csv if r["id"] == "ev-meet")
    assert row["source"] == "kim-jong-un;vladimir-putin" and row["title"] == TITLE_A
    assert row["story_id"] == by_id["ev-meet"]["story_id"]


FILTERS = [
    {"actor": "vladimir"},
    {"actor": "kim-jong-un", "type": "visit"},
    {"status": "negated"},
    {"date_from": "2025-06-15", "date_to": "2025-06-30"},
    {"place": "moscow"},
    {"country": "prk"},
    {"source": "korea joongang daily"},
    {"q": "HYPERLINK"},
]


@pytest.mark.parametrize("filters", FILTERS, ids=[",".join(f) for f in FILTERS])
def test_export_keeps_the_events_the_timeline_keeps(
    db: str, tmp_path: Path, filters: dict[str, str]
) -> None:
    expected = _timeline_ids(db, EventFilters(**filters))
    assert expected and len(expected) < 7  # each filter keeps some events, not all
    _export(db, "jsonl", tmp_path / "out.jsonl", **filters)
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == expected


def test_story_filter_exports_one_story(db: str, tmp_path: Path) -> None:
    with Store(db) as store:
        [visit] = store.events(type="VISIT", status="planned")
    _export(db, "csv", tmp_path / "story.csv", story=visit["story_id"])
    with (tmp_path / "story.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert "ev-visit" in {r["id"] for r in rows}
    assert {r["story_id"] for r in rows} == {visit["story_id"]}


def test_csv_neutralises_formula_cells_in_every_column(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "csv", "--db", db, "--source", "@wire; two"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(result.stdout, newline=""))}
    went, off = rows["ev-went"], rows["ev-called-off"]
    assert went["title"] == "'" + TITLE_B
    assert went["document_source"] == "'@Wire; Two"
    assert went["location"] == "'=SUM(1+1)"
    assert off["source"] == "'-kim"
    assert went["type"] == "VISIT" and went["target"] == "RUS"  # harmless cells as they are


def test_pages_cost_a_fixed_number_of_statements_with_a_page_of_ids(db: str) -> None:
    """One streamed statement, then three per page; no statement binds more ids than a
    page holds (an IN list of every id broke SQLite's limit on bound values before)."""
    sent: list[int] = []

    def count(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):  # not SQLite's own BEGIN
            sent.append(len(params) if isinstance(params, dict | list | tuple) else 0)

    with Store(db) as store, store.engine.connect() as conn:
        sa_event.listen(store.engine, "before_cursor_execute", count)
        pages = list(event_pages(conn, EventFilters(), page=2))
        sa_event.remove(store.engine, "before_cursor_execute", count)
        whole = timeline(conn)
    assert [e["id"] for page in pages for e in page] == [e["id"] for e in whole]
    assert [len(page) for page in pages] == [2, 2, 2, 1]
    assert len(sent) == 1 + 3 * math.ceil(7 / 2)
    assert max(sent) <= 2
    flat = [e for page in pages for e in page]
    assert [{**e, "url": None} for e in flat] == [{**e, "url": None} for e in whole]


def test_parquet_is_written_in_row_groups(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    page = [
        {"id": f"ev-{n}", "type": "MEET", "status": "occurred", "dated": True,
         "time": {"value": "2025-01-01"}, "source": ["a"], "target": [], "evidence": []}
        for n in range(5)
    ]  # fmt: skip
    with (tmp_path / "g.parquet").open("wb") as out:
        assert write_parquet([page, page[:3]], out, row_group=4) == 8
    meta = pq.ParquetFile(tmp_path / "g.parquet").metadata
    assert (meta.num_rows, meta.num_row_groups) == (8, 2)


# --- iCalendar -------------------------------------------------------------------------


def _unescape(value: str) -> str:
    """A TEXT value of RFC 5545, strictly: an unescaped ',' or ';' is an error."""
    out, chars = [], iter(value)
    for char in chars:
        assert char not in ",;", f"unescaped {char!r} in {value!r}"
        if char == "\\":
            nxt = next(chars)
            assert nxt in "\\;,nN", f"bad escape \\{nxt}"
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(char)
    return "".join(out)


def parse_ics(data: bytes) -> list[dict[str, tuple[str, str]]]:
    """The VEVENTs of an iCalendar file: name → (parameters, value). Checks CRLF line ends,
    75-octet lines that are each whole UTF-8, and BEGIN/END nesting."""
    assert data.endswith(b"\r\n")
    physical = data[:-2].split(b"\r\n")
    logical: list[str] = []
    for line in physical:
        assert b"\r" not in line and b"\n" not in line
        assert len(line) <= 75, line
        text = line.decode("utf-8")  # strict: a character cut by folding fails here
        if text.startswith(" "):
            logical[-1] += text[1:]
        else:
            logical.append(text)
    assert logical[0] == "BEGIN:VCALENDAR" and logical[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in logical and any(x.startswith("PRODID:") for x in logical)
    events, current = [], None
    for line in logical[1:-1]:
        name_params, _, value = line.partition(":")
        name, _, params = name_params.partition(";")
        if line == "BEGIN:VEVENT":
            assert current is None
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            assert name not in current, f"{name} twice"
            current[name] = (params, value)
    assert current is None
    return events


def test_ics_has_one_vevent_per_event_with_a_calendar_place(db: str, tmp_path: Path) -> None:
    summary = _export(db, "ics", tmp_path / "events.ics")
    assert (summary.events, summary.left_out) == (5, 2)  # undated 'never' and 'talk'
    events = {e["UID"][1]: e for e in parse_ics((tmp_path / "events.ics").read_bytes())}
    assert set(events) == {
        "ev-visit@dateline", "ev-meet@dateline", "ev-summit@dateline",
        "ev-went@dateline", "ev-called-off@dateline",
    }  # fmt: skip
    status = {uid.removesuffix("@dateline"): e["STATUS"][1] for uid, e in events.items()}
    assert status == {
        "ev-visit": "TENTATIVE",  # planned, no date of its own
        "ev-meet": "TENTATIVE",  # possible
        "ev-summit": "CONFIRMED",  # planned and dated
        "ev-went": "CONFIRMED",  # occurred
        "ev-called-off": "CANCELLED",
    }
    day = events["ev-went@dateline"]
    assert day["DTSTART"] == ("VALUE=DATE", "20250619")
    assert day["DTEND"] == ("VALUE=DATE", "20250620")
    month = events["ev-meet@dateline"]
    assert (month["DTSTART"][1], month["DTEND"][1]) == ("20250601", "20250701")
    after = events["ev-visit@dateline"]  # "after 2025-05-21" sits on its known end
    assert (after["DTSTART"][1], after["DTEND"][1]) == ("20250521", "20250522")
    for e in events.values():
        assert re.fullmatch(r"\d{8}T\d{6}Z", e["DTSTAMP"][1])
    assert after["DTSTAMP"][1] == "20250521T000000Z"


def test_ics_escapes_and_folds_hostile_text(db: str, tmp_path: Path) -> None:
    _export(db, "ics", tmp_path / "events.ics")
    raw = (tmp_path / "events.ics").read_bytes()
    events = {e["UID"][1]: e for e in parse_ics(raw)}
    visit = events["ev-visit@dateline"]
    description = _unescape(visit["DESCRIPTION"][1])
    assert description.splitlines()[0] == "visit sentence of " + TITLE_A.split("\n")[0]
    assert f"visit sentence of {TITLE_A}." in description  # the newline survives, escaped
    assert f"Source: {URL_A}" in description
    assert "Korea JoongAng Daily, 2025-05-21" in description
    assert visit["URL"][1] == URL_A
    assert _unescape(visit["SUMMARY"][1]) == "VISIT (planned): kim-jong-un → RUS"
    assert _unescape(visit["LOCATION"][1]) == "Moscow"
    went = events["ev-went@dateline"]
    assert "URL" not in went  # no URL: no URL property
    assert _unescape(went["LOCATION"][1]) == "=SUM(1+1)"
    assert TITLE_B in _unescape(went["DESCRIPTION"][1])
    assert "東京".encode() in raw.replace(b"\r\n ", b"")


@pytest.mark.parametrize(
    "text", ["a" * 74, "a" * 75, "a" * 76, "é" * 80, "a" + "東" * 60, "x;" * 200, ""]
)
def test_fold_keeps_lines_within_75_octets_and_characters_whole(text: str) -> None:
    folded = fold("DESCRIPTION:" + text).encode("utf-8")
    lines = folded[:-2].split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert all(line.startswith(b" ") for line in lines[1:])
    assert [line.decode("utf-8") for line in lines]  # no line ends inside a character
    assert b"".join([lines[0], *(line[1:] for line in lines[1:])]).decode() == (
        "DESCRIPTION:" + text
    )


def test_ics_through_the_command_line_is_crlf_on_stdout(db: str) -> None:
    result = runner.invoke(app, ["export", "--format", "ics", "--db", db, "--type", "visit"])
    assert result.exit_code == 0, result.output
    events = parse_ics(result.stdout_bytes)
    assert {e["UID"][1] for e in events} == {"ev-visit@dateline", "ev-went@dateline"}
    assert "1 without a calendar date left out" in result.stderr


# --- TimeML ----------------------------------------------------------------------------


def _stored_documents(db: str) -> dict[str, tuple[str, str, list[tuple[int, int, str, str]]]]:
    with Store(db) as store, store.engine.connect() as conn:
        docs = {r.id: (r.text, r.dct) for r in conn.execute(t.documents.select())}
        found: dict[str, list[tuple[int, int, str, str]]] = {d: [] for d in docs}
        for r in conn.execute(t.timexes.select().order_by(t.timexes.c.start)):
            found[r.document_id].append((r.start, r.end, r.type, r.value))
    return {d: (text, dct, found[d]) for d, (text, dct) in docs.items()}


def test_timeml_files_read_back_with_the_stored_text_dct_and_timexes(
    db: str, tmp_path: Path
) -> None:
    from dateline.evaluate.timeml import read_timeml

    summary = _export(db, "timeml", tmp_path / "tml")
    assert (summary.documents, summary.events) == (2, 7)
    stored = _stored_documents(db)
    files = sorted((tmp_path / "tml").glob("*.tml"))
    assert len(files) == 2
    for path in files:
        ET.parse(path)  # well-formed XML
        doc = read_timeml(path)
        text, dct, timexes = stored["sha256:" + doc.doc_id]
        assert doc.text == text and doc.dct.isoformat() == dct
        assert [(x.start, x.end, x.type, x.value) for x in doc.timexes] == timexes
        assert timexes  # the round trip is not vacuous
        assert all(doc.text[x.start : x.end] == x.text for x in doc.timexes)
    root = ET.parse(next(p for p in files if "Zürich" in p.read_text("utf-8"))).getroot()
    events = root.findall("./TEXT//EVENT")
    assert len(events) == 3
    assert all(e.find("TIMEX3") is not None for e in events)  # the timex nests in the sentence
    texts = ["".join(e.itertext()) for e in events]
    assert texts[0] == f"visit sentence of {TITLE_A}."
    assert len(root.findall("MAKEINSTANCE")) == 3


def test_timeml_writes_only_the_documents_and_events_kept(db: str, tmp_path: Path) -> None:
    summary = _export(db, "timeml", tmp_path / "tml", status="negated")
    assert (summary.documents, summary.events) == (1, 2)
    [path] = (tmp_path / "tml").glob("*.tml")
    root = ET.parse(path).getroot()
    polarity = [m.get("polarity") for m in root.findall("MAKEINSTANCE")]
    assert polarity == ["NEG", "NEG"]


# --- the command line and the Python API -------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--format", "xlsx"], "DL-E500"),
        (["--format", "parquet"], "DL-E501"),
        (["--format", "timeml"], "DL-E501"),
        (["--format", "timeml", "--out", "{file}"], "DL-E504"),
        (["--format", "csv", "--out", "{dir}"], "DL-E503"),
        (["--format", "csv", "--out", "{dir}/missing/out.csv"], "DL-E502"),
        (["--format", "timeml", "--out", "{dir}/missing/tml"], "DL-E502"),
        (["--format", "csv", "--from", "2025-13-01"], "DL-E080"),
        (["--format", "csv", "--from", "2025-07-01", "--to", "2025-01-01"], "DL-E091"),
        (["--format", "ics", "--country", "Russia"], "DL-E090"),
    ],
)
def test_bad_arguments_are_one_coded_line_and_exit_2(
    db: str, tmp_path: Path, args: list[str], code: str
) -> None:
    (tmp_path / "a-file").write_text("x")
    args = [a.format(file=tmp_path / "a-file", dir=tmp_path) for a in args]
    result = runner.invoke(app, ["export", *args, "--db", db])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert code in line
    written = [p.name for p in tmp_path.rglob("*") if not p.name.startswith("test.db")]
    assert written == ["a-file"]  # no partial file, no directory made


def test_a_failed_export_leaves_no_file_behind(db: str, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with pytest.raises(DatelineError, match="DL-E091"):
        _export(db, "csv", target, date_from="2026-01-01", date_to="2025-01-01")
    assert list(tmp_path.glob("*out.csv*")) == []


def test_parquet_without_pyarrow_is_a_coded_error(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now fails
    result = runner.invoke(app, ["export", "--format", "parquet", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "DL-E505" in result.stderr
    assert not (tmp_path / "x").exists()


def test_command_line_writes_a_file_and_says_so(db: str, tmp_path: Path) -> None:
    out = tmp_path / "planned.ics"
    args = ["export", "--format", "ics", "--out", str(out), "--actor", "kim-jong-un"]
    result = runner.invoke(app, [*args, "--status", "planned", "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.strip() == f"wrote 2 events to {out}"
    assert {e["UID"][1] for e in parse_ics(out.read_bytes())} == {
        "ev-visit@dateline",
        "ev-summit@dateline",
    }


def test_python_api_exports_with_keyword_filters(db: str, tmp_path: Path) -> None:
    import dateline

    with dateline.open(db) as opened:
        summary = opened.export(tmp_path / "v.jsonl", format="jsonl", type="VISIT")
        with pytest.raises(TypeError):
            opened.export(tmp_path / "x.jsonl", format="jsonl", colour="red")
    assert summary.events == 3
    lines = (tmp_path / "v.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["type"] for line in lines] == ["VISIT"] * 3
