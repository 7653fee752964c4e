"""A read-only PostgreSQL connection through libpq itself (:mod:`ctypes`), for
:mod:`dateline.fastpath`.

Importing psycopg costs a read command about 110 ms of CPU before it sends anything (its
type adapters, ``asyncio``, ``importlib.metadata``, ``logging``): with Python's own start
that is past the 150 ms a read command may spend before its first statement. The fast
path's statements need only text results of a few column types, so this module calls the
C library psycopg wraps (libpq, the system's or the one psycopg's binary wheel ships):
5 ms to load. It converts booleans, integers, floating-point numbers and text, as psycopg
gives them; any other column type, a URL libpq does not take, or any error is
:class:`PgError`, and the full command (SQLAlchemy with psycopg) answers instead.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from dateline.fastpath import SCHEME, Fallback

_CONNECTION_OK = 0
_COMMAND_OK, _TUPLES_OK = 1, 2
_LIBRARIES = ("libpq.so.5", "libpq.5.dylib", "libpq.so")
_PLACEHOLDER = re.compile(r"'[^']*'|\?")
_NAMED = re.compile(r"%\((\w+)\)s|%%")  # psycopg's %(name)s, and %% for % (quoted or not)

# Result column types (pg_type oids) and how psycopg gives their text.
_BOOL = {16}
_INTEGER = {20, 21, 23, 26}  # int8, int2, int4, oid
_FLOAT = {700, 701}  # float4, float8
_TEXT = {18, 19, 25, 1042, 1043}  # char, name, text, bpchar, varchar
_JSON = 114


class PgError(Fallback):
    """libpq could not be loaded, could not connect, or a statement failed: the full
    command answers."""


def _load() -> Any:
    """libpq, with the argument and result types of the functions used here."""
    import ctypes

    lib = None
    for name in (*_LIBRARIES, *_bundled()):
        try:
            lib = ctypes.CDLL(name)
            break
        except OSError:
            continue
    if lib is None:
        raise PgError("libpq not found")
    p, i, s = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
    signatures: dict[str, tuple[Any, list[Any]]] = {
        "PQconnectdbParams": (p, [ctypes.POINTER(s), ctypes.POINTER(s), i]),
        "PQstatus": (i, [p]),
        "PQerrorMessage": (s, [p]),
        "PQexec": (p, [p, s]),
        "PQexecParams": (p, [p, s, i, p, ctypes.POINTER(s), p, p, i]),
        "PQresultStatus": (i, [p]),
        "PQresultErrorMessage": (s, [p]),
        "PQntuples": (i, [p]),
        "PQnfields": (i, [p]),
        "PQfname": (s, [p, i]),
        "PQftype": (ctypes.c_uint, [p, i]),
        "PQgetvalue": (s, [p, i, i]),
        "PQgetisnull": (i, [p, i, i]),
        "PQclear": (None, [p]),
        "PQfinish": (None, [p]),
    }
    for name, (result, arguments) in signatures.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = result, arguments
    return lib


def _bundled() -> list[str]:
    """The libpq of psycopg's binary wheel (``psycopg_binary.libs``), found without
    importing psycopg."""
    found: list[str] = []
    for folder in sys.path:
        libs = Path(folder or ".") / "psycopg_binary.libs"
        if libs.is_dir():
            found += sorted(str(f) for f in libs.glob("libpq*.so*"))
    return found


class Connection:
    """One libpq connection: :meth:`execute` with ``?`` placeholders (the fast path's
    statements are written for :mod:`sqlite3`), rows as tuples of Python values."""

    dialect = "postgresql"

    def __init__(self, url: str):
        if not url.lower().startswith(SCHEME):
            raise PgError("not a postgresql+psycopg URL")
        import ctypes

        self._lib = lib = _load()
        keys = (ctypes.c_char_p * 3)(b"dbname", b"client_encoding", None)
        uri = "postgresql://" + url[len(SCHEME) :]
        values = (ctypes.c_char_p * 3)(uri.encode(), b"UTF8", None)
        self._conn = lib.PQconnectdbParams(keys, values, 1)  # 1: dbname may be a URI
        if lib.PQstatus(self._conn) != _CONNECTION_OK:
            message = (lib.PQerrorMessage(self._conn) or b"").decode(errors="replace")
            self.close()
            raise PgError(message.strip() or "no connection")

    def run(self, sql: str) -> None:
        """Statements without parameters or rows, sent as one simple query."""
        self._check(self._lib.PQexec(self._conn, sql.encode()), _COMMAND_OK).clear()

    def execute(self, sql: str, params: Sequence[Any] = (), numbered: bool = False) -> Cursor:
        """One statement with its ``?`` parameters (``$1``, ``$2``… when ``numbered``);
        its rows."""
        import ctypes

        text = sql
        if not numbered:
            numbers = iter(range(1, len(params) + 1))
            text = _PLACEHOLDER.sub(
                lambda m: m.group(0) if m.group(0) != "?" else f"${next(numbers)}", sql
            )
        values = (ctypes.c_char_p * max(1, len(params)))(*map(_param, params))
        result = self._lib.PQexecParams(
            self._conn, text.encode(), len(params), None, values, None, None, 0
        )
        return self._check(result, _TUPLES_OK)

    def rows_named(self, sql: str, values: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
        """:meth:`execute_named`'s column names and rows, the rows sent by the server as one
        JSON value (``json_agg``) and decoded by :mod:`json` at once: a whole page of
        pending at a million events is 473 rows of 43 columns, and a ctypes call per cell
        took 22–27 ms of the client's CPU (one JSON text of them, 5–7). A column is as
        :class:`Cursor` gives it (a ``json`` column decoded, ``bool``, numbers and text),
        since ``row_to_json`` writes each in its JSON form. The rows in the statement's
        order (``json_agg`` of a sorted subquery keeps it: no parallel plan for a
        ``json_agg``)."""
        import json

        wrapped = f"SELECT json_agg(q)::text FROM ({sql}) AS q"
        found = self.execute_named(wrapped, values).fetchone()
        if found is None or found[0] is None:
            return [], []
        rows = json.loads(found[0])  # objects keep the columns' order (names are distinct)
        return list(rows[0]), [list(r.values()) for r in rows]

    def execute_named(self, sql: str, values: dict[str, Any]) -> Cursor:
        """One statement written for psycopg (``%(name)s`` parameters, ``%%`` for ``%``)
        with the ``values`` of its parameters by name; its rows."""
        numbers: dict[str, int] = {}

        def numbered(match: re.Match[str]) -> str:
            if match.group(0) == "%%":
                return "%"
            return f"${numbers.setdefault(match.group(1), len(numbers) + 1)}"

        text = _NAMED.sub(numbered, sql)
        return self.execute(text, [values[name] for name in numbers], numbered=True)

    def _check(self, result: Any, wanted: int) -> Cursor:
        cursor = Cursor(self._lib, result)
        if not result or self._lib.PQresultStatus(result) != wanted:
            message = self._lib.PQresultErrorMessage(result) if result else b""
            cursor.clear()
            raise PgError((message or b"statement failed").decode(errors="replace").strip())
        if wanted == _TUPLES_OK:
            names = (self._lib.PQfname(result, c) for c in range(self._lib.PQnfields(result)))
            cursor.description = [(name.decode(),) for name in names]
        return cursor

    def close(self) -> None:
        if self._conn:
            self._lib.PQfinish(self._conn)
            self._conn = None


def _param(value: Any) -> bytes | None:
    """A parameter as text, as PostgreSQL reads it into the type the statement gives it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return b"t" if value else b"f"
    if isinstance(value, int | float | str):
        return str(value).encode()
    raise PgError(f"parameter of type {type(value).__name__}")


class Cursor:
    """A result's rows, converted by column type; its columns' names in ``description``."""

    def __init__(self, lib: Any, result: Any):
        self._lib, self._result = lib, result
        self.description: list[tuple[str, ...]] = []

    def clear(self) -> None:
        if self._result:
            self._lib.PQclear(self._result)
            self._result = None

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.fetchall())

    def fetchone(self) -> tuple[Any, ...] | None:
        rows = self.fetchall()
        return rows[0] if rows else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        lib, result = self._lib, self._result
        if not result:
            return []
        try:
            width = lib.PQnfields(result)
            convert = [_converter(lib.PQftype(result, c)) for c in range(width)]
            value, isnull = lib.PQgetvalue, lib.PQgetisnull
            return [
                tuple(
                    None if (cell := value(result, r, c)) == b"" and isnull(result, r, c)
                    else convert[c](cell)
                    for c in range(width)
                )
                for r in range(lib.PQntuples(result))
            ]  # fmt: skip
        finally:
            self.clear()


def _converter(oid: int) -> Callable[[bytes], Any]:
    if oid in _TEXT:
        return _text
    if oid in _INTEGER:
        return int
    if oid in _BOOL:
        return _bool
    if oid in _FLOAT:
        return float
    if oid == _JSON:
        return _json
    raise PgError(f"column type {oid}")


def _text(cell: bytes) -> str:
    return cell.decode()


def _json(cell: bytes) -> Any:
    """A ``json`` value (pending's ``json_build_array``s), as psycopg's loader of
    :mod:`dateline.link.pending_pg` reads it."""
    import json

    return json.JSONDecoder().raw_decode(cell.decode())[0]


def _bool(cell: bytes) -> bool:
    return cell == b"t"
