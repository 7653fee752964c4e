"""Export stored events: CSV, JSON Lines, Parquet, iCalendar or TimeML, filtered as the
timeline is (:class:`dateline.filters.EventFilters`), streamed a page at a time.

A file is written under a temporary name beside it and renamed when complete, so a
failed export never leaves a half-written file where the whole one should be.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine

from dateline.errors import (
    E_EXPORT_FORMAT,
    E_EXPORT_NEEDS_OUT,
    E_EXPORT_OUT_DIR,
    E_EXPORT_OUT_FILE,
    E_EXPORT_WRITE,
)
from dateline.filters import EventFilters

FORMATS = ("csv", "jsonl", "parquet", "ics", "timeml")
# Formats that standard output can take (Parquet is binary, TimeML many files).
TO_STDOUT = ("csv", "jsonl", "ics")

__all__ = ["FORMATS", "ExportSummary", "export"]


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: ``events`` (TimeML: event mentions tagged), ``documents``
    (TimeML files), ``left_out`` (iCalendar: events without a calendar place)."""

    format: str
    out: str | None  # None: standard output
    events: int
    documents: int = 0
    left_out: int = 0

    def message(self) -> str:
        where = self.out or "standard output"
        if self.format == "timeml":
            return f"wrote {self.documents} documents ({self.events} event mentions) to {where}"
        extra = f" ({self.left_out} without a calendar date left out)" if self.left_out else ""
        return f"wrote {self.events} events to {where}{extra}"


def export(
    engine: Engine,
    fmt: str,
    out: str | os.PathLike[str] | None = None,
    filters: EventFilters | None = None,
    stdout: IO[str] | None = None,
) -> ExportSummary:
    """Write the events ``filters`` keeps as ``fmt`` to ``out`` (a file; a directory for
    TimeML; None or ``-`` for ``stdout``, default ``sys.stdout``, for CSV, JSON Lines and
    iCalendar). Every bad argument is a coded error raised before anything is written."""
    from dateline.store.engine import reading
    from dateline.timeline import select_event_ids

    filters = filters or EventFilters()
    target = check_target(fmt, out)
    select_event_ids(filters)  # a bad date, range or country fails here, not mid-file
    with reading(engine) as conn:
        if fmt == "timeml":
            assert target is not None
            return _timeml(conn, filters, target)
        return _one_file(conn, fmt, filters, target, stdout or sys.stdout)


def check_target(fmt: str, out: str | os.PathLike[str] | None) -> Path | None:
    """Where ``fmt`` goes: a path, or None for standard output; coded errors for a format
    or an ``--out`` that cannot work."""
    if fmt not in FORMATS:
        raise E_EXPORT_FORMAT(fmt=fmt, choices=", ".join(FORMATS))
    if out is None or os.fspath(out) == "-":
        if fmt not in TO_STDOUT:
            what = "DIRECTORY (one .tml file per document)" if fmt == "timeml" else "FILE"
            raise E_EXPORT_NEEDS_OUT(fmt=fmt, what=what)
        return None
    path = Path(out)
    if fmt == "parquet":
        from dateline.export.tables import parquet_schema

        parquet_schema()  # DL-E505 now when pyarrow is missing
    if fmt == "timeml":
        if path.exists() and not path.is_dir():
            raise E_EXPORT_OUT_FILE(str(path))
    elif path.is_dir():
        raise E_EXPORT_OUT_DIR(str(path), fmt=fmt)
    return path


def _one_file(
    conn: Any, fmt: str, filters: EventFilters, target: Path | None, stdout: IO[str]
) -> ExportSummary:
    from dateline.export.ics import write_ics
    from dateline.export.rows import event_pages
    from dateline.export.tables import write_csv, write_jsonl, write_parquet

    pages = event_pages(conn, filters)
    left_out = 0
    with _output(target, fmt, stdout) as stream:
        if fmt == "csv":
            written = write_csv(pages, stream)
        elif fmt == "jsonl":
            written = write_jsonl(pages, stream)
        elif fmt == "ics":
            written, left_out = write_ics(pages, stream)
        else:
            written = write_parquet(pages, stream)
    return ExportSummary(fmt, str(target) if target else None, written, left_out=left_out)


@contextmanager
def _output(target: Path | None, fmt: str, stdout: IO[str]) -> Iterator[Any]:
    """A stream for the export: ``stdout``, or a temporary file renamed to ``target``
    when the export completes (removed when it fails)."""
    if target is None:
        yield stdout
        stdout.flush()
        return
    partial = target.with_name(f".{target.name}.partial")
    try:
        if fmt == "parquet":
            stream: IO[Any] = partial.open("wb")
        else:
            # csv writes its own CRLF row ends and iCalendar needs CRLF: no translation
            stream = partial.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise E_EXPORT_WRITE(str(target), why=exc.strerror or str(exc)) from None
    try:
        with stream:
            yield stream
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise E_EXPORT_WRITE(str(target), why=exc.strerror or str(exc)) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _timeml(conn: Any, filters: EventFilters, directory: Path) -> ExportSummary:
    from dateline.export.rows import document_pages
    from dateline.export.timeml import write_timeml

    try:
        directory.mkdir(exist_ok=True)
        documents, events = write_timeml(document_pages(conn, filters), directory)
    except OSError as exc:
        raise E_EXPORT_WRITE(str(directory), why=exc.strerror or str(exc)) from None
    return ExportSummary("timeml", str(directory), events, documents=documents)
