"""Fuzzing every reader and the temporal tagger: no input raises, every reject is coded.

The hypothesis tests explore odd shapes (surrogates, character references, control
characters, huge numbers, odd dates, odd names); the slow test pushes over 100,000
cheap mutations of real snippets through the readers and ``timex.tag``.
"""

from __future__ import annotations

import io
import os
import random
import re
import warnings
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import DatelineError
from dateline.model import Article, Timex
from dateline.read import FORMAT_NAMES, read_paths, read_stream
from dateline.timex import is_valid_value, tag

FIXTURES = Path(__file__).parent / "fixtures"
CODED = re.compile(r"^(?:.+: )?DL-[EW]\d{3} \S")
# what a terminal would act on: C0 controls but tab and newline, DEL, C1 controls
TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SURROGATES = re.compile("[\ud800-\udfff]")


def check_items(items: Iterable[Article | DatelineError]) -> int:
    """Every item is an Article fit to store and print, or a coded one-line reject."""
    count = 0
    for item in items:
        count += 1
        if isinstance(item, DatelineError):
            message = str(item)
            assert CODED.match(message), message
            assert "\n" not in message and not TERMINAL_CONTROLS.search(message), message
            message.encode("utf-8")
            continue
        assert isinstance(item, Article), item
        assert item.text.strip() and item.dct is not None
        fields = [item.text, item.title, item.byline, item.source, item.url, item.origin]
        for text in filter(None, fields):
            assert not SURROGATES.search(text), text
            assert not TERMINAL_CONTROLS.search(text.replace("\f", "").replace("\r", ""))
        assert item.id.startswith("sha256:")
    return count


def read_bytes(data: bytes, fmt: str | None = None) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # decoding warnings are coded; library noise is not ours
        return check_items(read_stream(io.BytesIO(data), "fuzz.in", None, fmt))


def check_timexes(text: str, timexes: list[Timex]) -> None:
    for timex in timexes:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert is_valid_value(timex.value), timex
        for bound in (timex.earliest, timex.latest):
            if bound is not None:
                date.fromisoformat(bound)


# --- hypothesis: shapes that broke readers ---------------------------------------------

HOSTILE = st.sampled_from(
    [
        "\\ud800", "\\udfff", "&#999999999999;", "&#x110000;", "&#xD800;", "&#0;", "&amp;",
        "\x1b[2J", "\x1b]0;t\x07", "\x9b", "\x00", "\u2028", "\ufeff", "9999-12-31",
        "0001-01-01", "0000-00-00", "2025-02-30", "99999999999999999999", "[[[[", "{}",
        "<script>x</script>", "<![CDATA[", "]]>", "&", "<", "\"", "\\", "\n", "\r\n",
    ]
)  # fmt: skip
PIECES = st.lists(st.one_of(HOSTILE, st.text(max_size=20)), max_size=12).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=PIECES, date_value=st.one_of(PIECES, st.integers(), st.lists(st.integers())))
def test_jsonl_reader_never_raises(text: str, date_value: object) -> None:
    import json

    line = json.dumps({"text": text, "date": date_value, "title": text})
    raw = line.replace("\\\\u", "\\u")  # let escapes in the text reach json.loads as escapes
    assert read_bytes((raw + "\n" + line + "\n").encode("utf-8", "surrogatepass"), "jsonl") >= 1


@settings(max_examples=150, deadline=None)
@given(header=PIECES, body=PIECES, published=PIECES)
def test_seedtext_reader_never_raises(header: str, body: str, published: str) -> None:
    data = f"date {header}  Title\nPublished: {published}\n\n{body}\n"
    read_bytes(data.encode("utf-8", "surrogatepass"), "seedtext")


@settings(max_examples=60, deadline=None)
@given(title=PIECES, body=PIECES)
def test_html_reader_never_raises(title: str, body: str) -> None:
    data = (
        f"<html><head><title>{title}</title><meta property='article:published_time' "
        f"content='{title[:10]}'></head><body><article><h1>{title}</h1><p>{body}</p>"
        f"<p>{body} {body}</p></article></body></html>"
    )
    read_bytes(data.encode("utf-8", "surrogatepass"), "html")


@settings(max_examples=100, deadline=None)
@given(title=PIECES, body=PIECES, stamp=PIECES, atom=st.booleans(), summary=st.booleans())
def test_feed_reader_never_raises(
    title: str, body: str, stamp: str, atom: bool, summary: bool
) -> None:
    if atom:
        inner = f"<summary>{body}</summary>" if summary else ""
        data = (
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>'
            f"<entry><title>{title}</title><updated>{stamp}</updated>{inner}</entry></feed>"
        )
    else:
        data = (
            '<?xml version="1.0"?><rss><channel><title>F</title><item>'
            f"<title>{title}</title><description>{body}</description>"
            f"<pubDate>{stamp}</pubDate></item></channel></rss>"
        )
    read_bytes(data.encode("utf-8", "surrogatepass"), "feed")


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=400), fmt=st.sampled_from([None, *FORMAT_NAMES]))
def test_any_bytes_in_any_format_never_raise(data: bytes, fmt: str | None) -> None:
    read_bytes(data, fmt)


NAME_BYTES = st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\0" not in b)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(names=st.lists(NAME_BYTES, min_size=1, max_size=5), depth=st.integers(0, 5))
def test_directory_walk_never_raises(tmp_path: Path, names: list[bytes], depth: int) -> None:
    base = os.fsencode(tmp_path) + b"/" + os.urandom(6).hex().encode()
    folder = base + b"/d" * depth
    os.makedirs(folder)
    for name in names:
        if name in (b".", b".."):
            continue
        with open(folder + b"/" + name + b".txt", "wb") as stream:
            stream.write(b"date 2025-05-21  T\n\n" + name + b" signed an accord.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check_items(read_paths([os.fsdecode(base)]))


EDGE_DAYS = st.sampled_from(
    [date(1, 1, 1), date(1, 12, 31), date(100, 1, 1), date(9999, 12, 31), date(9999, 1, 1)]
)
DCTS = st.one_of(EDGE_DAYS, st.dates())
TIME_WORDS = st.sampled_from(
    [
        "next month", "last month", "this week", "next week", "last week", "next year",
        "two centuries ago", "the 1990s", "next decade", "tomorrow", "yesterday", "this winter",
        "the day after", "the day before Monday", "in 9999", "in year 1", "the following day",
        "three years later", "the night of 31 December 9999", "Q4", "the fourth quarter",
        "every Monday", "at 5 p.m. Friday", "the past 10,000 years", "the 21st century",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.one_of(TIME_WORDS, st.text(max_size=15)), max_size=8), dct=DCTS)
def test_timex_tag_never_raises(words: list[str], dct: date) -> None:
    text = " ".join(words)
    check_timexes(text, tag(text, dct))


# --- the long run: over 100,000 cheap mutations of real snippets ----------------------


def snippets() -> list[bytes]:
    files = sorted(FIXTURES.glob("read/*")) + sorted(FIXTURES.glob("events/*.txt"))[:20]
    return [path.read_bytes()[:1500] for path in files if path.is_file()]


SPLICE = [
    b"\\ud800", b"&#999999999999;", b"&#x110000;", b"\x1b[2J", b"\x00", b"\xff\xfe", b"\xc3",
    b"9999-12-31", b"0001-01-01", b"next month", b"this week", b"<entry>", b"</item>", b"{",
    b'"date": [1]', b"\n\n", b"date 2025-02-30  ", b"<summary/>", b"&#xD800;", b"]]>",
]  # fmt: skip


def mutate(rng: random.Random, data: bytes) -> bytes:
    """A real snippet, cut, with bytes flipped and hostile pieces spliced in."""
    start = rng.randrange(len(data))
    data = data[start : start + rng.randrange(40, 600)] if rng.random() < 0.5 else data
    data = bytearray(data)
    for _ in range(rng.randrange(4)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    for _ in range(rng.randrange(4)):
        at = rng.randrange(len(data) + 1)
        data[at:at] = rng.choice(SPLICE)
    return bytes(data)


@pytest.mark.slow
def test_a_hundred_thousand_mutated_inputs_give_only_articles_and_coded_rejects() -> None:
    rng = random.Random(13)
    sources = snippets()
    formats = [None, "seedtext", "jsonl", "feed", "seedtext", "jsonl", None, "html"]
    texts = [s.decode("utf-8", "replace") for s in sources]
    words = [w for t in texts for w in t.split()][:5000]
    inputs = 0
    for n in range(80_000):
        read_bytes(mutate(rng, rng.choice(sources)), formats[n % len(formats)])
        inputs += 1
    for _ in range(20_000):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 25)))
        day = date(1, 1, 1) + timedelta(days=rng.randrange(3_652_059))
        check_timexes(text, tag(text, day))
        inputs += 1
    assert inputs >= 100_000
