"""Events as tables: CSV and Parquet (one flat row each) and JSON Lines (the full shape).

Each writer takes pages of events (lists of dicts in the timeline's shape) and writes
them as they come, so an export never holds more than a page (Parquet: a row group).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import IO, Any

from dateline.errors import E_EXPORT_NO_PYARROW
from dateline.export.rows import COLUMNS, LIST_COLUMNS, flat_row

Pages = Iterable[list[dict[str, Any]]]
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_JOINERS = {"source": ";", "target": ";", "evidence": " | "}
# Parquet row groups hold about this many rows (pages are gathered up to it).
ROW_GROUP = 20_000


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: a leading formula character gets a ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a CSV row: lists joined, every cell neutralised (:func:`csv_cell`)."""
    row = flat_row(event)
    for key in LIST_COLUMNS:
        row[key] = _JOINERS[key].join(row[key])
    return {key: csv_cell(value) for key, value in row.items()}


def write_csv(pages: Pages, out: IO[str]) -> int:
    """A header, then one row per event; the number of events written."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    written = 0
    for page in pages:
        writer.writerows(csv_row(event) for event in page)
        written += len(page)
    return written


def write_jsonl(pages: Pages, out: IO[str]) -> int:
    """One JSON object per line: the event as the timeline gives it plus its article's
    ``url``; text kept exactly (JSON is data, not a spreadsheet)."""
    written = 0
    for page in pages:
        out.write("".join(json.dumps(event, ensure_ascii=False) + "\n" for event in page))
        written += len(page)
    return written


def export_events(events: Iterable[dict[str, Any]], fmt: str) -> str:
    """Events already in memory as CSV or JSON Lines text."""
    out = io.StringIO(newline="")
    (write_csv if fmt == "csv" else write_jsonl)([list(events)], out)
    return out.getvalue()


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise E_EXPORT_NO_PYARROW() from None
    return pyarrow


def parquet_schema() -> Any:
    """Column types: text, ``dated`` a boolean, participants and evidence lists of text."""
    pa = _pyarrow()
    types = {"dated": pa.bool_(), **{key: pa.list_(pa.string()) for key in LIST_COLUMNS}}
    return pa.schema([(key, types.get(key, pa.string())) for key in COLUMNS])


def write_parquet(pages: Pages, out: IO[bytes], row_group: int = ROW_GROUP) -> int:
    """The flat rows as Parquet, written a row group at a time (zstd-compressed)."""
    pa = _pyarrow()
    schema = parquet_schema()
    written, pending = 0, []
    with pa.parquet.ParquetWriter(out, schema, compression="zstd") as writer:
        for page in pages:
            pending += [flat_row(event) for event in page]
            if len(pending) >= row_group:
                writer.write_table(pa.Table.from_pylist(pending, schema=schema))
                written, pending = written + len(pending), []
        if pending or not written:
            writer.write_table(pa.Table.from_pylist(pending, schema=schema))
    return written + len(pending)
