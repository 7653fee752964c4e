"""Reading articles: seed text, JSON Lines, HTML and RSS/Atom files, directories, stdin.

``read_paths`` yields :class:`dateline.model.Article` objects and, for bad
input, :class:`dateline.errors.DatelineError` rejects (yielded, never raised)
in input order. Invalid UTF-8 is replaced with U+FFFD and reported as a
DL-W001 :class:`dateline.errors.DatelineWarning`; the article still lands.
"""

from dateline.read.common import MAX_ARTICLE_BYTES, MAX_FEED_BYTES
from dateline.read.seedtext import parse_seedtext
from dateline.read.sources import (
    FORMAT_NAMES,
    FORMATS,
    STDIN,
    read_directory,
    read_file,
    read_paths,
    read_stream,
    sniff,
)

__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "MAX_ARTICLE_BYTES",
    "MAX_FEED_BYTES",
    "STDIN",
    "parse_seedtext",
    "read_directory",
    "read_file",
    "read_paths",
    "read_stream",
    "sniff",
]
