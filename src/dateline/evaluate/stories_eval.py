"""Score stories on series of articles with hand-written expected stories.

Layout (docs/stories.md, "Evaluating stories"): ``DIR/<series>/series.json``::

    {"texts": "../shared/data/realnews",        # optional: where the .txt files are
     "events": "tests/fixtures/events/realnews", # optional: their *.expected.json files
     "articles": ["a.txt", "b.txt"],
     "stories": [{"id": "visit", "members": [{"article": "a.txt", "event": 0}, ...],
                  "history": [{"dct": "2025-03-01", "state": "announced"}, ...]}],
     "pending": [{"as_of": "2025-03-02", "stories": {"visit": "announced"}}]}

Each series is ingested into a fresh SQLite database by the real pipeline; each expected
member event is aligned to an extracted event of its article with the matcher of
``dateline eval events``; the story clustering is scored with B³, the history states and
the pending answers as shares of right answers.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import E_SERIES, E_SERIES_FILE, E_SERIES_NONE, DatelineError
from dateline.evaluate.events_eval import (
    FULL,
    expected_path,
    load_expected,
    matcher,
    pair_up,
    read_article,
    system_rows,
)
from dateline.link.settings import LIFECYCLE

#: how expected events are paired with extracted ones, in turn: the full match of
#: ``dateline eval events``, then its near match (type and participant), as for its
#: status confusion matrix
STAGES = (FULL, ("type", "participant"))

Item = tuple[str, int]  # (article file name, index into its expected events)


# --- the series file ----------------------------------------------------------------


@dataclass
class ExpectedStory:
    id: str
    members: list[Item]
    history: list[tuple[str, str]]  # (dct, state)


@dataclass
class Series:
    name: str
    path: Path  # its series.json
    texts: Path  # the series' own folder of articles (series.json's texts)
    events: Path
    articles: list[str]
    stories: list[ExpectedStory]
    pending: list[tuple[str, dict[str, str]]]  # (as of, {story id: state})
    texts_first: Path | None = None  # --texts: looked in before the series' own folder

    def text(self, article: str) -> Path:
        """The article's file: in ``--texts`` when it is there, else in the series' folder
        (a synthetic series keeps its articles beside its series.json)."""
        if self.texts_first is not None and (self.texts_first / article).is_file():
            return self.texts_first / article
        return self.texts / article

    def looked_in(self) -> str:
        """Where an article was looked for, for an error."""
        if self.texts_first is None:
            return f"in {self.texts}"
        return f"in neither --texts {self.texts_first} nor {self.texts}"

    def expected(self, article: str) -> Path:
        """The article's expected-events file: NAME.expected.json for NAME[.synthetic].txt."""
        return self.events / expected_path(Path(article)).name


def repo_root(start: Path) -> Path:
    """The folder series paths are relative to: the nearest one above ``start`` holding a
    pyproject.toml, else the current folder."""
    for folder in [start.resolve(), *start.resolve().parents]:
        if (folder / "pyproject.toml").is_file():
            return folder
    return Path.cwd()


def _day(value: Any, where: str) -> str:
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise E_SERIES(why=f"{where}: not a YYYY-MM-DD date: {value!r}") from None


def _state(value: Any, where: str) -> str:
    if value not in LIFECYCLE:
        raise E_SERIES(why=f"{where}: unknown state {value!r}; use one of {', '.join(LIFECYCLE)}")
    return str(value)


def _story(raw: Any, articles: list[str], n: int) -> ExpectedStory:
    where = f"stories[{n}]"
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise E_SERIES(why=f"{where} needs an id")
    members = []
    for m in raw.get("members") or []:
        if not isinstance(m, dict) or m.get("article") not in articles:
            raise E_SERIES(why=f"{where}: member {m!r} names no article of the series")
        if not isinstance(m.get("event"), int) or m["event"] < 0:
            raise E_SERIES(why=f"{where}: member {m!r} needs a 0-based event index")
        members.append((m["article"], m["event"]))
    history = []
    for h in raw.get("history") or []:
        if not isinstance(h, dict):
            raise E_SERIES(why=f"{where}: history entry {h!r} needs dct and state")
        history.append((_day(h.get("dct"), where), _state(h.get("state"), where)))
    return ExpectedStory(raw["id"], members, history)


def _pending(raw: Any, keys: set[str]) -> list[tuple[str, dict[str, str]]]:
    out = []
    for n, query in enumerate(raw or []):
        where = f"pending[{n}]"
        if not isinstance(query, dict) or not isinstance(query.get("stories"), dict):
            raise E_SERIES(why=f"{where} needs as_of and stories")
        unknown = sorted(set(query["stories"]) - keys)
        if unknown:
            raise E_SERIES(why=f"{where}: no story {unknown[0]!r} in the series")
        states = {k: _state(v, where) for k, v in query["stories"].items()}
        out.append((_day(query.get("as_of"), where), states))
    return out


def load_series(path: Path, root: Path, texts: Path | None = None) -> Series:
    """One series.json, checked (DL-E520 naming the file, and the line of a JSON error)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise E_SERIES(str(path), exc.lineno, why=exc.msg) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise E_SERIES(str(path), why=str(exc)) from exc
    try:
        return _series(path, data, root, texts)
    except DatelineError as exc:  # the checks below do not know the file: name it
        if exc.path is not None:
            raise
        raise DatelineError(exc.code, exc.reason, path=str(path)) from None


def _series(path: Path, data: Any, root: Path, texts: Path | None) -> Series:
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise E_SERIES(why="needs an object with an articles list")
    articles = [str(a) for a in data["articles"]]
    stories = [_story(s, articles, n) for n, s in enumerate(data.get("stories") or [])]
    keys = [s.id for s in stories]
    if len(set(keys)) < len(keys):
        raise E_SERIES(why="two stories share an id")
    seen = Counter(m for s in stories for m in s.members)
    twice = sorted(m for m, n in seen.items() if n > 1)
    if twice:
        raise E_SERIES(why=f"event {twice[0][1]} of {twice[0][0]} is in two stories")
    here = path.parent

    def folder(key: str) -> Path:
        return root / data[key] if data.get(key) else here

    series = Series(
        name=here.name,
        path=path,
        texts=folder("texts"),
        events=folder("events"),
        articles=articles,
        stories=stories,
        pending=_pending(data.get("pending"), set(keys)),
        texts_first=texts,
    )
    for name in articles:  # before any article is ingested: a long run does not end late
        if not series.text(name).is_file():
            where = f"{name}, looked for {series.looked_in()}"
            raise E_SERIES_FILE(str(path), what="an article", file=where)
        if not series.expected(name).is_file():
            file = str(series.expected(name))
            raise E_SERIES_FILE(str(path), what="an expected-events", file=file)
    return series


def find_series(directory: Path, texts: Path | None = None) -> list[Series]:
    """Every ``*/series.json`` under ``directory`` (or ``directory/series.json`` itself)."""
    files = sorted(directory.glob("*/series.json")) or sorted(directory.glob("series.json"))
    if not files:
        raise E_SERIES_NONE(directory=str(directory))
    root = repo_root(directory)
    return [load_series(f, root, texts) for f in files]


# --- scores -------------------------------------------------------------------------


@dataclass
class BCubed:
    """B³ over items: sums of per-item precision and recall, and the number of items."""

    precision_sum: float = 0.0
    recall_sum: float = 0.0
    items: int = 0

    @property
    def precision(self) -> float:
        return self.precision_sum / self.items if self.items else 0.0

    @property
    def recall(self) -> float:
        return self.recall_sum / self.items if self.items else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: BCubed) -> None:
        self.precision_sum += other.precision_sum
        self.recall_sum += other.recall_sum
        self.items += other.items

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "items": self.items,
        }


def b_cubed(gold: dict[Any, Any], predicted: dict[Any, Any]) -> BCubed:
    """B³ of a predicted clustering against the gold one, over the items of ``gold``
    (item → cluster label); an item missing from ``predicted`` is a cluster of its own."""
    pred = {item: ("cluster", predicted[item]) if item in predicted else ("alone", item)
            for item in gold}  # fmt: skip
    gold_size = Counter(gold.values())
    pred_size = Counter(pred.values())
    both = Counter((gold[i], pred[i]) for i in gold)
    out = BCubed(items=len(gold))
    for item in gold:
        shared = both[(gold[item], pred[item])]
        out.precision_sum += shared / pred_size[pred[item]]
        out.recall_sum += shared / gold_size[gold[item]]
    return out


@dataclass
class Share:
    """Right answers out of all."""

    right: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0

    def add(self, other: Share) -> None:
        self.right += other.right
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        return {"right": self.right, "total": self.total, "share": round(self.share, 4)}


@dataclass
class SeriesResult:
    """One series' scores, with what was found for each expected story and question."""

    name: str
    articles: int = 0
    members: int = 0
    matched: int = 0
    clusters: BCubed = field(default_factory=BCubed)
    history: Share = field(default_factory=Share)
    pending: Share = field(default_factory=Share)
    stories: list[dict[str, Any]] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)
    unexpected_pending: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "series": self.name,
            "articles": self.articles,
            "members": self.members,
            "matched": self.matched,
            "b_cubed": self.clusters.to_dict(),
            "history": self.history.to_dict(),
            "pending": self.pending.to_dict(),
            "unexpected_pending": self.unexpected_pending,
            "stories": self.stories,
            "pending_answers": self.answers,
        }


@dataclass
class StoriesReport:
    series: list[SeriesResult] = field(default_factory=list)

    def total(self) -> SeriesResult:
        """Every series pooled: B³ over all members, shares over all answers."""
        out = SeriesResult("total")
        for s in self.series:
            out.articles += s.articles
            out.members += s.members
            out.matched += s.matched
            out.clusters.add(s.clusters)
            out.history.add(s.history)
            out.pending.add(s.pending)
            out.unexpected_pending += s.unexpected_pending
        return out

    def to_dict(self) -> dict[str, Any]:
        total = self.total().to_dict()
        for key in ("series", "stories", "pending_answers"):
            total.pop(key)
        return {"series": [s.to_dict() for s in self.series], "total": total}

    def format(self) -> str:
        """The table ``dateline eval stories DIR`` prints."""
        head = (
            f"{'series':<28} {'arts':>4} {'members':>7} {'matched':>7}  "
            f"{'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}  {'history':>13}  {'pending':>13}"
        )
        rows = [_row(s) for s in self.series]
        return "\n".join([head, *rows, "-" * len(head), _row(self.total())])


def _row(s: SeriesResult) -> str:
    def share(x: Share) -> str:
        return f"{x.right:>3}/{x.total:<3} {x.share:6.1%}"

    b = s.clusters
    return (
        f"{s.name[:28]:<28} {s.articles:>4} {s.members:>7} {s.matched:>7}  "
        f"{b.precision:6.1%} {b.recall:6.1%} {b.f1:6.1%}  {share(s.history)}  {share(s.pending)}"
    )


# --- running a series ---------------------------------------------------------------


def align_article(expected: list[dict[str, Any]], events: list[dict[str, Any]]) -> dict[int, str]:
    """Index of each expected event → id of the extracted event paired with it, one to one,
    by the stages in ``STAGES``."""
    system = system_rows(events)
    event_id = {id(row): ev["id"] for row, ev in zip(system, events, strict=True)}
    index = {id(row): n for n, row in enumerate(expected)}
    out: dict[int, str] = {}
    left_exp, left_sys = list(expected), system
    for fields in STAGES:
        pairs, left_exp, left_sys = pair_up(left_exp, left_sys, matcher(fields))
        out.update((index[id(exp)], event_id[id(sys)]) for exp, sys in pairs)
    return out


def _ingest(series: Series, store: Any, nlp: Any) -> dict[Item, str]:
    """Extract and store each article; the extracted event paired with each expected one."""
    from dateline.extract import extract

    found: dict[Item, str] = {}
    for name in series.articles:
        expected, dct = load_expected(series.expected(name))
        extraction = extract(read_article(series.text(name), dct), nlp)
        store.add(extraction)
        paired = align_article(expected, extraction["events"])
        found.update(((name, n), event) for n, event in paired.items())
    return found


def _story_of_events(store: Any, event_ids: list[str]) -> dict[str, str]:
    from sqlalchemy import select

    from dateline.store import schema as t

    ev = t.events
    with store.engine.connect() as conn:
        rows = conn.execute(select(ev.c.id, ev.c.story_id).where(ev.c.id.in_(event_ids)))
        return {r.id: r.story_id for r in rows if r.story_id}


def predicted_story(story: ExpectedStory, cluster: dict[Item, str]) -> str | None:
    """The found story holding most of an expected story's members (on a tie, the one of
    its earliest listed member); None when no member was found."""
    found = [cluster[m] for m in story.members if m in cluster]
    if not found:
        return None
    counts = Counter(found)
    best = max(counts.values())
    return next(s for s in found if counts[s] == best)


def history_answers(
    expected: list[tuple[str, str]], found: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each expected (dct, state) with the state found for it: right when an entry of the
    found history has that date and state (each found entry answers once)."""
    unused = [(h["dct"], h.get("state")) for h in found]
    answers = []
    for dct, state in expected:
        right = (dct, state) in unused
        if right:
            unused.remove((dct, state))
        states = [s for d, s in unused if d == dct] if not right else [state]
        answers.append({"dct": dct, "expected": state, "found": states, "right": right})
    return answers


def pending_answer(expected: str | None, story_id: str | None, listed: dict[str, str]) -> bool:
    """Right when the story is listed with the expected state, or, expected absent, when it
    is not listed (a story that was never found is not listed)."""
    shown = listed.get(story_id) if story_id else None
    return shown == expected


def score_series(series: Series, nlp: Any) -> SeriesResult:
    """Ingest a series into a fresh SQLite database and score its stories."""
    from dateline.store import Store

    result = SeriesResult(series.name, articles=len(series.articles))
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "series.db")) as store:
        paired = _ingest(series, store, nlp)
        items = {m: s.id for s in series.stories for m in s.members}
        stories_of = _story_of_events(store, sorted(paired[m] for m in items if m in paired))
        cluster = {m: stories_of[paired[m]] for m in items if paired.get(m) in stories_of}
        result.members, result.matched = len(items), len(cluster)
        result.clusters = b_cubed(items, cluster)
        chosen = {s.id: predicted_story(s, cluster) for s in series.stories}
        for s in series.stories:
            _score_history(s, chosen[s.id], cluster, store, result)
        for as_of, wanted in series.pending:
            _score_pending(as_of, wanted, chosen, store, result)
    return result


def _score_history(
    story: ExpectedStory,
    story_id: str | None,
    cluster: dict[Item, str],
    store: Any,
    result: SeriesResult,
) -> None:
    found = store.story(story_id) if story_id else None
    answers = history_answers(story.history, found["history"] if found else [])
    result.history.add(Share(sum(a["right"] for a in answers), len(answers)))
    result.stories.append(
        {
            "id": story.id,
            "found": story_id,
            "state": found["state"] if found else None,
            "members": [
                {"article": a, "event": n, "found": cluster.get((a, n))} for a, n in story.members
            ],
            "history": answers,
        }
    )


def _score_pending(
    as_of: str,
    wanted: dict[str, str],
    chosen: dict[str, str | None],
    store: Any,
    result: SeriesResult,
) -> None:
    listed = {s["id"]: s["state"] for s in store.pending(as_of=as_of)}
    for key, story_id in chosen.items():
        right = pending_answer(wanted.get(key), story_id, listed)
        result.pending.add(Share(int(right), 1))
        result.answers.append(
            {"as_of": as_of, "story": key, "expected": wanted.get(key),
             "found": listed.get(story_id) if story_id else None, "right": right}
        )  # fmt: skip
    result.unexpected_pending += len(set(listed) - {s for s in chosen.values() if s})


def evaluate_stories(directory: Path, texts: Path | None = None, nlp: Any = None) -> StoriesReport:
    """Score every series under ``directory`` (``dateline eval stories DIR``)."""
    from dateline.annotate import load_nlp

    every = find_series(Path(directory), texts)
    nlp = nlp or load_nlp()
    return StoriesReport([score_series(s, nlp) for s in every])
