"""Where articles come from: files, directories and stdin, each format by name or content.

Rules, so that a batch never stops at one bad input:
- every problem is a DatelineError *yielded* in input order, never raised;
- a directory is read recursively in sorted order; hidden entries and files
  whose extension names no format (README.md, images) are skipped silently,
  a directory without any article file gives a DL-W002 warning;
- a symbolic link met inside a directory is not followed out of the directory
  given (a link to /etc/passwd is a DL-E082 reject, not an article) unless
  ``follow_links`` is set; a link to a directory inside it is skipped (its files are
  read where they are); with ``follow_links`` links are followed, each directory once;
- a file named on the command line with an unknown extension, and stdin
  ("-"), are sniffed: ``{`` → JSON Lines, ``<rss``/``<feed`` → feed, other
  ``<`` → HTML, anything else → the seed text format;
- sizes are checked before reading: a whole-file format over its limit is
  rejected unopened; JSON Lines are streamed line by line;
- only regular files are opened (a FIFO would block, a device never ends);
- messages and Article.origin show a path with undecodable bytes as U+FFFD and
  control characters as "?"; an unexpected exception while reading one file is
  that file's DL-E017 reject, and the next file is read.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from typing import IO

from dateline.errors import (
    E_BINARY,
    E_EMPTY,
    E_FEED_TOO_LARGE,
    E_LINK_OUTSIDE,
    E_NOT_FOUND,
    E_NOT_REGULAR,
    E_READ_FAILED,
    E_TOO_DEEP,
    E_TOO_LARGE,
    E_UNKNOWN_FORMAT,
    E_UNREADABLE,
    W_EMPTY_DIR,
    DatelineError,
    failure,
)
from dateline.model import Article
from dateline.read.common import (
    MAX_ARTICLE_BYTES,
    MAX_FEED_BYTES,
    SNIFF_BYTES,
    decode,
    display_name,
    is_binary,
)
from dateline.read.feed import read_feed
from dateline.read.html import read_html
from dateline.read.jsonl import read_jsonl
from dateline.read.seedtext import read_seedtext

Item = Article | DatelineError

STDIN = "-"
STDIN_NAME = "<stdin>"  # the path that stdin's articles and rejects carry
FORMATS = {
    ".txt": "seedtext",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
FORMAT_NAMES = ("feed", "html", "jsonl", "seedtext")
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]")
MAX_DEPTH = 64
"""Directories nested deeper below a named directory are reported, not read."""
_XML_ENCODING = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*)([\"'])[^\"']*\2")


def read_paths(
    paths: Sequence[str], dct: date | None = None, follow_links: bool = False
) -> Iterator[Item]:
    """Articles and rejects from files, directories and "-" (stdin), in input order.

    ``dct`` fills in the DCT of articles that have none; it never overrides one.
    ``follow_links`` lets symbolic links inside a directory lead out of it.
    """
    for path in map(os.fspath, paths):
        if path == STDIN:
            yield from _read_stdin(dct)
        else:  # a directory is read by read_file too
            yield from read_file(path, dct, follow_links=follow_links)


def read_directory(
    path: str, dct: date | None = None, follow_links: bool = False
) -> Iterator[Item]:
    """Every article file below ``path``, recursively, in sorted order."""
    found = False
    for entry in _Walk(os.path.realpath(path), follow_links).files(path):
        found = True
        yield from (read_file(entry, dct) if isinstance(entry, str) else [entry])
    if not found:
        W_EMPTY_DIR.warn(display_name(path))


def read_file(
    path: str, dct: date | None = None, fmt: str | None = None, follow_links: bool = False
) -> Iterator[Item]:
    """The articles in one file (or directory); ``fmt`` overrides the format its extension
    names."""
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        yield _stat_error(path, exc)
        return
    if stat.S_ISDIR(info.st_mode):
        yield from read_directory(path, dct, follow_links)
        return
    name = display_name(path)
    if not stat.S_ISREG(info.st_mode):
        yield E_NOT_REGULAR(name, kind=_kind(info.st_mode))
        return
    if fmt and fmt not in FORMAT_NAMES:
        yield E_UNKNOWN_FORMAT(name, fmt=fmt, choices=", ".join(FORMAT_NAMES))
        return
    fmt = fmt or format_of(path)
    if info.st_size == 0:
        yield E_EMPTY(name)
    elif fmt and fmt != "jsonl" and info.st_size > _limit(fmt):
        yield _too_large(name, fmt, info.st_size)
    else:
        yield from _guarded(_open_and_read(path, name, dct, fmt), name)


def _guarded(items: Iterator[Item], name: str) -> Iterator[Item]:
    """The items of one file; an unexpected exception ends that file with a DL-E017
    reject (what it yielded before stays), never the batch."""
    try:
        yield from items
    except Exception as exc:
        yield E_READ_FAILED(name, why=failure(exc))


def read_stream(
    stream: IO[bytes], path: str, dct: date | None = None, fmt: str | None = None
) -> Iterator[Item]:
    """The articles in a binary stream (a file or stdin), sniffing the format if not given."""
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)  # type: ignore[type-var]
    head = buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    if not head:
        yield E_EMPTY(path)
        return
    if is_binary(head):
        yield E_BINARY(path)
        return
    fmt = fmt or sniff(head)
    if fmt == "jsonl":
        yield from read_jsonl(buffered, path, dct)
        return
    data = buffered.read(_limit(fmt) + 1)
    if len(data) > _limit(fmt):
        yield _too_large(path, fmt, len(data) + _drain(buffered))
    else:
        yield from _parse(data, path, dct, fmt)


def format_of(path: str) -> str | None:
    """The format a file name's extension stands for, or None."""
    return FORMATS.get(os.path.splitext(path)[1].lower())


def sniff(head: bytes) -> str:
    """The format of some leading bytes: jsonl, feed, html or seedtext."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:SNIFF_BYTES].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        return "feed" if _FEED_ROOT.search(start) else "html"
    return "seedtext"


def _parse(data: bytes, path: str, dct: date | None, fmt: str) -> Iterator[Item]:
    text = decode(data, path)
    if not text.strip():
        yield E_EMPTY(path)
    elif fmt == "feed":
        # Text is decoded as UTF-8 everywhere; tell feedparser so, whatever the prolog says.
        yield from read_feed(_XML_ENCODING.sub(r'\1"utf-8"', text).encode("utf-8"), path, dct)
    elif fmt == "html":
        yield from read_html(text, path, dct)
    else:
        yield from read_seedtext(text, path, dct)


def _open_and_read(path: str, name: str, dct: date | None, fmt: str | None) -> Iterator[Item]:
    try:
        with open(path, "rb") as stream:
            yield from read_stream(stream, name, dct, fmt)
    except OSError as exc:
        yield E_UNREADABLE(name, why=exc.strerror or str(exc))


def _read_stdin(dct: date | None) -> Iterator[Item]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield E_UNREADABLE(STDIN_NAME, why="no standard input")
        return
    try:
        yield from _guarded(read_stream(stream, STDIN_NAME, dct), STDIN_NAME)
    except OSError as exc:
        yield E_UNREADABLE(STDIN_NAME, why=exc.strerror or str(exc))


#: what the walk does with one entry: read this file, report this, enter the directory
#: (ENTER), or pass it by (None)
ENTER = True
_Step = str | DatelineError | bool | None


class _Walk:
    """The article files below one root directory, in sorted, depth-first order: a stack
    of listings rather than recursion, so that deep nesting cannot exhaust Python's
    stack; links that would lead out of the root are reported, not followed."""

    def __init__(self, root: str, follow_links: bool):
        self.root = root
        self.follow_links = follow_links
        self.visited: set[str] = set()  # real paths of directories read: no link loops

    def files(self, top: str) -> Iterator[str | DatelineError]:
        self.visited.add(os.path.realpath(top))
        stack = [_listing(top)]
        while stack:
            entry = next(stack[-1], None)
            if entry is None:
                stack.pop()
                continue
            if isinstance(entry, DatelineError):
                yield entry
                continue
            if entry.name.startswith("."):
                continue
            found = self._link(entry) if _is_link(entry) else self._entry(entry)
            if found is None:
                continue
            if not isinstance(found, bool):
                yield found
            elif len(stack) > MAX_DEPTH:
                yield E_TOO_DEEP(display_name(entry.path), limit=MAX_DEPTH)
            else:
                self.visited.add(os.path.realpath(entry.path))
                stack.append(_listing(entry.path))

    @staticmethod
    def _entry(entry: os.DirEntry[str]) -> _Step:
        if _is_dir(entry):
            return ENTER
        return entry.path if format_of(entry.name) else None

    def _link(self, entry: os.DirEntry[str]) -> _Step:
        target = os.path.realpath(entry.path)
        is_dir = os.path.isdir(target)
        if not (is_dir or format_of(entry.name)):
            return None
        if not self.follow_links and not _inside(target, self.root):
            return E_LINK_OUTSIDE(display_name(entry.path), root=display_name(self.root))
        if not is_dir:
            return entry.path
        if self.follow_links and target not in self.visited:
            self.visited.add(target)
            return ENTER
        return None  # a linked directory inside the root: its files are read where they are


def _inside(target: str, root: str) -> bool:
    return os.path.commonpath([target, root]) == root


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _listing(path: str) -> Iterator[os.DirEntry[str] | DatelineError]:
    try:
        with os.scandir(path) as entries:
            listed = sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        yield E_UNREADABLE(display_name(path), why=exc.strerror or str(exc))
        return
    yield from listed


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _stat_error(path: str, exc: OSError | ValueError) -> DatelineError:
    name = display_name(path)
    if isinstance(exc, ValueError):
        return E_UNREADABLE(name, why=str(exc))
    if isinstance(exc, FileNotFoundError) and not os.path.lexists(path):
        return E_NOT_FOUND(name)
    if isinstance(exc, FileNotFoundError):
        return E_UNREADABLE(name, why="symbolic link to a missing file")
    return E_UNREADABLE(name, why=exc.strerror or str(exc))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "special file"


def _limit(fmt: str) -> int:
    return MAX_FEED_BYTES if fmt == "feed" else MAX_ARTICLE_BYTES


def _too_large(path: str, fmt: str, size: int) -> DatelineError:
    if fmt == "feed":
        return E_FEED_TOO_LARGE(path, size=size, limit=MAX_FEED_BYTES)
    return E_TOO_LARGE(path, size=size, limit=MAX_ARTICLE_BYTES)


def _drain(stream: IO[bytes]) -> int:
    """Read the rest of an oversized stream in chunks, returning how many bytes it had."""
    size = 0
    while chunk := stream.read(1024 * 1024):
        size += len(chunk)
    return size
