"""Command line: each command opens what it needs, calls one library function, prints."""

from __future__ import annotations

import functools
import json
import os
import sys
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from dateline import __version__
from dateline.errors import (
    E_STORY_NOT_FOUND,
    E_USAGE_DATE,
    E_USAGE_LIMIT,
    DatelineError,
    DatelineWarning,
    printable,
)
from dateline.read_cache import READ_CACHE_MIB, READ_CACHE_VARIABLE

app = typer.Typer(
    help="dateline: dated news articles in, a time-anchored event database out.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
eval_app = typer.Typer(help="Score dateline against annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
actors_app = typer.Typer(
    help="One actor across articles: merge actor ids, undo merges, list aliases.",
    no_args_is_help=True,
)
app.add_typer(actors_app, name="actors")

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLAlchemy URL or SQLite file path [default: $DATELINE_DB or dateline.db]"
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _texts_option(help: str) -> Any:
    """``--texts DIR`` of the ``eval`` commands: an existing folder the articles are read
    from, ``help`` saying which."""
    return typer.Option("--texts", exists=True, file_okay=False, help=help)


def _date(value: str | None, option: str = "--dct") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(str(E_USAGE_DATE(option=option, value=value))) from None


def _store(db: str | None) -> Any:
    from dateline.store import Store

    try:
        return Store(db)
    except DatelineError as exc:
        typer.echo(f"dateline: {exc}", err=True)
        raise typer.Exit(2) from None


def _print_warnings(caught: list[warnings.WarningMessage]) -> None:
    """Coded warnings as one line each. Other warnings are the libraries' own noise
    (spaCy, trafilatura, feedparser) about input dateline already judges: not shown."""
    for item in caught:
        if issubclass(item.category, DatelineWarning):
            typer.echo(printable(str(item.message)), err=True)


def _version(value: bool) -> None:
    if value:
        from dateline.annotate import model_description

        typer.echo(f"dateline {__version__} (spaCy model: {model_description()})")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show version and model."),
    ] = False,
) -> None:
    """dateline: dated news articles in, a time-anchored event database out.

    Example: dateline ingest examples/corpus && dateline timeline kim-jong-un
    """


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: DbOption = None,
    dct: Annotated[
        str | None, typer.Option(help="Date YYYY-MM-DD for articles that have none.")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="spaCy processes.")] = 1,
    actors: Annotated[
        str | None, typer.Option("--actors", help="Extra actor dictionary file.")
    ] = None,
    as_json: JsonOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    batch_size: Annotated[
        int, typer.Option("--batch-size", help="Articles stored per transaction.")
    ] = 500,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Extract on a Dask cluster: scheduler address (tcp://HOST:8786) or local[:N].",
        ),
    ] = None,
    follow_links: Annotated[
        bool,
        typer.Option(
            "--follow-links",
            help="Follow symbolic links inside directories even where they lead out of them.",
        ),
    ] = False,
    partition_size: Annotated[
        int, typer.Option("--partition-size", min=1, help="Articles per Dask task (--dask).")
    ] = 16,
    nice: Annotated[
        int,
        typer.Option(
            "--nice",
            min=0,
            max=19,
            envvar="DATELINE_NICE",
            help="CPU priority to run at, as `nice -n`: at 10 (default) a server or shell "
            "on the same machine is served first; 0 keeps this process's priority "
            "(default from DATELINE_NICE when set).",
        ),
    ] = 10,
) -> None:
    """Read articles, extract their events and store them.

    Example: dateline ingest news/ feed.xml --db dateline.db

    Example: dateline ingest news/ --nice 0   (full priority on a machine of its own)

    Example: dateline ingest news/ --dask local:2 --db postgresql://host/dateline

    Exit code 0 when everything landed, 1 when anything was rejected; each reject is
    one line `path[:line]: DL-Ennn reason` (in the JSON's "rejects" with --json).
    """
    from dateline.ingest import ingest as run_ingest
    from dateline.ingest import lower_priority
    from dateline.progress import Progress

    _check_scale_options(batch_size, workers, dask)
    lower_priority(nice)
    store = _store(db)
    bar = Progress(enabled=not quiet and not as_json and sys.stderr.isatty())
    with warnings.catch_warnings(record=True) as caught, bar as progress:
        warnings.simplefilter("always")
        summary = _run_or_exit(
            run_ingest,
            paths,
            store,
            dct=_date(dct),
            workers=workers,
            report=progress.report,
            actors_file=actors,
            follow_links=follow_links,
            batch_size=batch_size,
            dask=dask,
            partition_size=partition_size,
        )
    store.close()
    _print_warnings(caught)
    if as_json:
        typer.echo(json.dumps(summary.to_dict()))
    else:
        for line in summary.rejects:
            typer.echo(line, err=True)
        typer.echo(
            f"added {summary.added}, unchanged {summary.unchanged}, "
            f"rejected {summary.rejected} documents; {summary.events} events"
        )
    raise typer.Exit(1 if summary.rejected else 0)


def _run_or_exit(run: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``run(...)``; a coded error that ends the whole run (no Dask scheduler) exits 2."""
    try:
        return run(*args, **kwargs)
    except DatelineError as exc:
        typer.echo(f"dateline: {exc}", err=True)
        raise typer.Exit(2) from None


def _check_scale_options(batch_size: int, workers: int, dask: str | None) -> None:
    """Usage errors of --batch-size, --workers and --dask, before anything is opened."""
    from dateline.errors import E_BATCH_SIZE, E_DASK_WORKERS

    problem = None
    if batch_size < 1:
        problem = E_BATCH_SIZE(value=batch_size)
    elif dask is not None and workers > 1:
        problem = E_DASK_WORKERS()
    elif dask is not None:
        from dateline.distributed import check_address

        try:
            check_address(dask)
        except DatelineError as exc:
            problem = exc
    if problem is not None:
        typer.echo(f"dateline: {problem}", err=True)
        raise typer.Exit(2)


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="One article file, or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", help="json, text or timeml.")] = "json",
    dct: Annotated[
        str | None, typer.Option(help="Date YYYY-MM-DD if the article has none.")
    ] = None,
    actors: Annotated[
        str | None, typer.Option("--actors", help="Extra actor dictionary file.")
    ] = None,
) -> None:
    """Print the extraction document of each article in FILE; no database.

    Example: dateline extract article.txt --format text

    A bad article is reported on stderr (`path[:line]: DL-Ennn reason`) and the others
    are still printed; the exit code is then 1.
    """
    from dateline.render import render_file

    if fmt not in ("json", "text", "timeml"):
        raise typer.BadParameter(
            f"unknown format {fmt!r}; use json, text or timeml", param_hint="--format"
        )
    day, rejected = _date(dct), False
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for output in render_file(file, fmt, dct=day, actors_file=actors):
            if isinstance(output, DatelineError):
                rejected = True
                typer.echo(str(output), err=True)
            else:
                typer.echo(output)
    _print_warnings(caught)
    if rejected:
        raise typer.Exit(1)


def _read(db: str | None, read: Callable[[Any], Any]) -> Any:
    """Run one library read on a connection; a bad filter is a coded one-line error (exit 2)."""
    from dateline.store.engine import reading

    with _store(db) as store, reading(store.engine) as conn:
        try:
            return read(conn)
        except DatelineError as exc:
            typer.echo(f"dateline: {exc}", err=True)
            raise typer.Exit(2) from None


def _print(rows: Any, as_json: bool, text: Callable[[Any], str]) -> None:
    typer.echo(json.dumps(rows, ensure_ascii=False, indent=1) if as_json else text(rows))


FromOption = Annotated[
    str | None, typer.Option("--from", help="From YYYY-MM-DD (windows that overlap count).")
]
ToOption = Annotated[
    str | None, typer.Option("--to", help="To YYYY-MM-DD (windows that overlap count).")
]


ActorOption = Annotated[str | None, typer.Option("--actor", help="Actor id or part of a name.")]
TypeOption = Annotated[str | None, typer.Option("--type", help="Event type, e.g. VISIT.")]
StatusOption = Annotated[str | None, typer.Option("--status", help="occurred, planned, ...")]
PlaceOption = Annotated[
    str | None, typer.Option("--place", help="Where the event is, e.g. Moscow.")
]
CountryOption = Annotated[
    str | None, typer.Option("--country", help="Country it is in, ISO alpha-3, e.g. RUS.")
]
SourceOption = Annotated[str | None, typer.Option("--source", help="Outlet that reported it.")]
StoryOption = Annotated[str | None, typer.Option("--story", help="Events of one story.")]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many.")]
OffsetOption = Annotated[
    int, typer.Option("--offset", min=0, help="Skip this many first (with --limit: a page).")
]


@app.command()
def timeline(
    actor: Annotated[str | None, typer.Argument(help="Actor id or part of a name.")] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    type: TypeOption = None,
    status: StatusOption = None,
    place: PlaceOption = None,
    country: CountryOption = None,
    source: SourceOption = None,
    story: StoryOption = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Events in order of their own time (an event without a time at its article date).

    Example: dateline timeline kim-jong-un --from 2024-01-01 --type VISIT --country RUS

    A window open at one end ("after 2007-11-21") sits at its known end, for the
    order and for --from/--to alike. --limit and --offset print one page of the
    timeline (dateline timeline RUS --limit 100 --offset 200).
    """
    from dateline.filters import EventFilters
    from dateline.query import format_events
    from dateline.timeline import timeline as read_timeline

    filters = EventFilters(actor, date_from, date_to, type, status, place, country, source, story)

    def read(conn: Any) -> list[dict[str, Any]]:
        return read_timeline(conn, filters, limit=limit, offset=offset or None)

    _print(_read(db, read), as_json, format_events)


@app.command()
def events(
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    as_json: JsonOption = False,
) -> None:
    """All stored events, in timeline order.

    Example: dateline events --limit 20
    """
    from dateline.query import format_events
    from dateline.timeline import timeline as read_timeline

    if limit is not None and limit < 1:
        typer.echo(f"dateline: {E_USAGE_LIMIT(value=limit)}", err=True)
        raise typer.Exit(2)
    _print(_read(db, lambda conn: read_timeline(conn, limit=limit)), as_json, format_events)


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", help="csv, jsonl, parquet, ics or timeml.")
    ] = "jsonl",
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            help="File to write, or a directory for timeml [default: standard output; "
            "parquet and timeml need it].",
        ),
    ] = None,
    actor: ActorOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    type: TypeOption = None,
    status: StatusOption = None,
    place: PlaceOption = None,
    country: CountryOption = None,
    source: SourceOption = None,
    story: StoryOption = None,
    db: DbOption = None,
) -> None:
    """Write stored events, filtered as `dateline timeline` filters them, in timeline order.

    Example: dateline export --format csv > events.csv

    \b
    More examples:
      dateline export --format parquet --out events.parquet --from 2025-01-01
      dateline export --format ics --out planned.ics --actor kim-jong-un --status planned
      dateline export --format timeml --out tml/ --source "Korea JoongAng Daily"

    csv, jsonl and parquet: one row per event with its article's title, outlet, URL,
    date (dct) and story id; a CSV cell starting with = + - @, tab or CR gets a leading '.
    ics: an iCalendar VEVENT per event that has a date or window (TENTATIVE, CONFIRMED
    or CANCELLED). timeml: one .tml file per document of the kept events.
    A bad format, filter or --out is one coded line on stderr and exit code 2.
    """
    from dateline.export import export as run_export
    from dateline.filters import EventFilters

    filters = EventFilters(actor, date_from, date_to, type, status, place, country, source, story)
    with _store(db) as store:
        try:
            summary = run_export(store.engine, fmt, out, filters)
        except DatelineError as exc:
            typer.echo(f"dateline: {exc}", err=True)
            raise typer.Exit(2) from None
    if summary.out is not None or summary.left_out:
        typer.echo(summary.message(), err=True)


@app.command()
def pending(
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Judge by articles up to YYYY-MM-DD [default: today]."),
    ] = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Stories announced, dated, rescheduled or postponed (by articles up to the date)
    whose time has not passed, each marked with its state; soonest first.

    Example: dateline pending --as-of 2025-06-01 --json
    """
    from dateline.link import format_pending

    day = _date(as_of, "--as-of") or date.today()  # the clock is read here, at the edge, only
    with _store(db) as store:
        stories = store.pending(as_of=day, limit=limit, offset=offset)
    typer.echo(
        json.dumps(stories, ensure_ascii=False, indent=1) if as_json else format_pending(stories)
    )


@app.command()
def story(
    story_id: Annotated[
        str, typer.Argument(help="Story id, as shown by stories, pending or timeline --json.")
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One story: its participants, current state and history by article date.

    Example: dateline story story:0123456789abcdef
    """
    from dateline.link import format_story

    with _store(db) as store:
        found = store.story(story_id)
    if found is None:
        typer.echo(f"dateline: {E_STORY_NOT_FOUND(story_id=story_id)}", err=True)
        raise typer.Exit(1)
    typer.echo(json.dumps(found, ensure_ascii=False, indent=1) if as_json else format_story(found))


@app.command()
def stories(
    state: Annotated[
        str | None,
        typer.Option(
            "--state",
            help="Lifecycle state: speculated, announced, dated, rescheduled, postponed, "
            "cancelled, 'under way', occurred (or a status: planned, possible, ongoing, negated).",
        ),
    ] = None,
    actor: ActorOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    type: Annotated[str | None, typer.Option("--type", help="Story type, e.g. VISIT.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """All stories, most recently reported first: id, state, time, participants, outlets,
    number of reports and the last report's date.

    Example: dateline stories --state rescheduled --actor kim-jong-un --from 2025-01-01
    """
    from dateline.link import format_stories, list_stories

    def read(conn: Any) -> list[dict[str, Any]]:
        return list_stories(conn, state, type, actor, date_from, date_to, limit)

    _print(_read(db, read), as_json, format_stories)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="DATELINE_TOKEN",
            show_envvar=True,
            help="Allow POST /api/articles with `Authorization: Bearer TOKEN` "
            "(prefer the environment variable: a command line is visible to other users).",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Server processes answering on the port (each with its own connections "
            "and kept answers); more than the cores there are only adds memory.",
        ),
    ] = 1,
    read_cache_mb: Annotated[
        int,
        typer.Option(
            min=0,
            max=65536,
            envvar="DATELINE_READ_CACHE_MB",
            show_envvar=True,
            help="SQLite page cache of each read connection, in MiB (the server keeps 8 "
            "open; a cache fills only as far as it is read); 0 keeps SQLite's 2 MiB.",
        ),
    ] = READ_CACHE_MIB,
) -> None:
    """HTTP API under /api and the web page at /, read only unless a token is set.

    Example: dateline serve --db dateline.db --port 8000 --workers 2   (then open http://127.0.0.1:8000/)
    """
    from dateline.web import serve as run_server

    os.environ[READ_CACHE_VARIABLE] = str(read_cache_mb)  # this process's and its workers'

    typer.echo(
        f"dateline: serving http://{host}:{port}/ "
        f"({'POST /api/articles on' if token else 'read only'}); Ctrl-C stops",
        err=True,
    )
    try:
        run_server(db, host, port, token or None, workers)
    except DatelineError as exc:
        typer.echo(f"dateline: {exc}", err=True)
        raise typer.Exit(2) from None


def _write(db: str | None, write: Callable[[Any], Any]) -> Any:
    """Run one library write on a store; a refused change is a coded one-line error (exit 2)."""
    with _store(db) as store:
        try:
            return write(store)
        except DatelineError as exc:
            typer.echo(f"dateline: {exc}", err=True)
            raise typer.Exit(2) from None


@actors_app.command("merge")
def actors_merge(
    actor: Annotated[str, typer.Argument(help="The actor id to keep.")],
    aliases: Annotated[list[str], typer.Argument(help="Actor ids that are the same actor.")],
    db: DbOption = None,
) -> None:
    """Merge actor ids: each ALIAS is the actor ACTOR. Their events are stored under ACTOR
    and the stories they are in are linked again; `dateline actors unmerge ALIAS` undoes it.

    Example: dateline actors merge george-w-bush bush george-bush

    An unknown id (DL-E590), an alias that is already ACTOR (DL-E591) or an actor of
    another kind, e.g. a country and a person (DL-E593), is refused: exit code 2.
    """
    relinked = _write(db, lambda store: store.merge_actors(actor, *aliases))
    typer.echo(f"merged {', '.join(aliases)} into {actor}; {relinked} documents linked again")


@actors_app.command("unmerge")
def actors_unmerge(
    aliases: Annotated[list[str], typer.Argument(help="Actor ids merged before.")],
    db: DbOption = None,
) -> None:
    """Undo merges: each ALIAS goes back to the id it had before it was merged (its own,
    or the one its name is identified as across articles), and its stories are linked again.

    Example: dateline actors unmerge george-bush

    An id that was not merged is refused (DL-E592, exit code 2).
    """
    for alias in aliases:
        relinked = _write(db, functools.partial(_unmerge, alias=alias))
        typer.echo(f"unmerged {alias}; {relinked} documents linked again")


def _unmerge(store: Any, alias: str) -> int:
    return int(store.unmerge_actor(alias))


@actors_app.command("apart")
def actors_apart(
    ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ACTOR OTHER...]", help="ACTOR, then the actor ids that are others."
        ),
    ] = None,
    undo: Annotated[bool, typer.Option("--undo", help="Forget that they were kept apart.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Keep actors apart: each OTHER is another actor than ACTOR, so identity across
    articles never stores one under the other ("Bush" in an article about the elder Bush is
    not George W. Bush), a merge of the two is undone, and their stories are linked again.
    Without ids, list the pairs kept apart.

    Example: dateline actors apart george-w-bush bush

    Example: dateline actors apart --undo george-w-bush bush

    An unknown id (DL-E590), an id kept apart from itself (DL-E260) or, with --undo, a pair
    that was not kept apart (DL-E261) is refused: exit code 2.
    """
    from dateline.query import format_apart

    if not ids:
        _print(_write(db, lambda store: store.actors_kept_apart()), as_json, format_apart)
        return
    if len(ids) < 2:
        typer.echo("dateline: give ACTOR and at least one other actor id", err=True)
        raise typer.Exit(2)
    actor, others = ids[0], ids[1:]
    if undo:
        relinked = _write(db, lambda store: store.undo_keep_apart(actor, *others))
        typer.echo(f"{', '.join(others)} no longer kept apart from {actor}; "
                   f"{relinked} documents linked again")  # fmt: skip
        return
    relinked = _write(db, lambda store: store.keep_actors_apart(actor, *others))
    typer.echo(f"kept {', '.join(others)} apart from {actor}; {relinked} documents linked again")


@actors_app.command("merges")
def actors_merges(db: DbOption = None, as_json: JsonOption = False) -> None:
    """The merges a user made: alias, the actor it was merged into, and when.

    Example: dateline actors merges --json
    """
    from dateline.query import format_merges

    _print(_write(db, lambda store: store.actor_merges()), as_json, format_merges)


@actors_app.command("aliases")
def actors_aliases(
    actor: Annotated[str | None, typer.Argument(help="Only the aliases of this actor id.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Actor ids that articles gave and that are stored under another id: identified by
    name across articles ("bush" in an article of a year that names George W. Bush) or
    merged by a user, with the names and the number of documents.

    Example: dateline actors aliases george-w-bush
    """
    from dateline.query import format_aliases

    _print(_write(db, lambda store: store.actor_aliases(actor)), as_json, format_aliases)


@eval_app.command("timex")
def eval_timex(
    gold_dir: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="Folder of TimeML .tml files.")
    ],
    out: Annotated[Path | None, typer.Option("--out", help="Write our TimeML here.")] = None,
    lenient_gold: Annotated[
        bool,
        typer.Option(
            "--lenient-gold",
            help="Gold X digits match a value that fills them (1989-WXX ~ 1989-W21); "
            "malformed gold values are listed and left out of the value score.",
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """TempEval-3 Task A scores of the temporal tagger.

    Example: dateline eval timex data/tempeval3/tbaq --out /tmp/ours

    A file that cannot be read is reported (coded, one line) and left out; the
    rest is scored, and the exit code is then 1.
    """
    from dateline.evaluate.timex_eval import evaluate_timex

    report = evaluate_timex(gold_dir, out, lenient_gold=lenient_gold)
    typer.echo(json.dumps(report.to_dict(), indent=1) if as_json else report.format())
    for reason in report.rejected:
        typer.echo(reason, err=True)
    if report.rejected:
        raise typer.Exit(1)


@eval_app.command("events")
def eval_events(
    directory: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="Articles + expected files.")
    ],
    texts: Annotated[
        Path | None,
        _texts_option("Folder of the articles when DIR holds only the *.expected.json files."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Precision and recall of extracted events against expected-event files, with
    key-event recall, errors per field, and a status confusion matrix.

    Example: dateline eval events tests/fixtures/events/realnews --texts ../shared/data/realnews
    """
    from dateline.evaluate.events_eval import evaluate_events

    report = evaluate_events(directory, texts=texts)
    typer.echo(json.dumps(report.to_dict(), indent=1) if as_json else report.format())


@eval_app.command("stories")
def eval_stories(
    directory: Annotated[
        Path,
        typer.Argument(
            exists=True, file_okay=False, help="Folder of series folders, each with series.json."
        ),
    ],
    texts: Annotated[
        Path | None,
        _texts_option("Folder looked in first for every series' articles (then the series' own)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """B3 precision/recall of stories, and the share of right history states and pending
    answers, on series of articles with expected stories (docs/stories.md).

    Example: dateline eval stories tests/fixtures/stories_unit
    """
    from dateline.evaluate.stories_eval import evaluate_stories

    try:
        report = evaluate_stories(directory, texts=texts)
    except DatelineError as exc:
        typer.echo(f"dateline: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(json.dumps(report.to_dict(), indent=1) if as_json else report.format())


def main() -> None:
    """Console-script entry point: a plain ``timeline`` or ``events`` on a SQLite file is
    answered by :mod:`dateline.fastpath`, everything else by the commands above."""
    from dateline.fastpath import run

    code = run(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    try:
        app()
    except DatelineError as exc:
        # A coded error that a command did not report itself: one line, never a traceback.
        typer.echo(f"dateline: {printable(str(exc))}", err=True)
        sys.exit(2)
