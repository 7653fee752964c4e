"""The read side at scale (issue 14): reads, HTTP, the page, concurrency, export, start-up.

On a synthetic database written by ``bigdb.py`` (default 100,000 events; 1,000,000 with
``--events 1000000``), each measured read runs ``--repeat`` times and its p50 and p95
wall-clock milliseconds are printed with the SQL statements it sent:

- in-process (library): ``timeline`` of the busiest actor (a page, as ``dateline
  timeline --limit`` and ``/api/timeline`` read it, and one month of it), ``pending
  --as-of``, ``events --limit 50``;
- HTTP through a real ``dateline serve`` (uvicorn) on 127.0.0.1: ``/api/events`` with
  ``limit=50`` and various filters, ``/api/timeline``, ``/api/pending``;
- the web page's first render in Debian's headless Chromium (``/usr/bin/chromium`` via
  Playwright): from navigation to the time axis and the pending list drawn;
- 20 concurrent HTTP clients while ``dateline ingest`` writes into the same database;
- ``dateline export --format jsonl`` of every event: wall time and peak resident memory;
- a CLI query command's fixed cost: process start to its first SQL statement;
- whole read commands, a process each: first SQL to done, and start to done.

    python bench/bench_reads.py                                   # 100,000 events
    python bench/bench_reads.py --events 1000000 --db /tmp/big.db  # built once, reused
    python bench/bench_reads.py --db /tmp/big.db --pg postgresql+psycopg://…/empty  # and on PG
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bigdb import build, busiest_actor

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")


def percentiles(samples: list[float]) -> tuple[float, float]:
    """(p50, p95) of samples (nearest rank)."""
    ordered = sorted(samples)
    rank = max(0, -(-95 * len(ordered) // 100) - 1)
    return ordered[len(ordered) // 2], ordered[rank]


def timed(
    run: Callable[[], Any], repeat: int, cpu: list[float] | None = None
) -> tuple[list[float], Any]:
    """Wall-clock ms of ``repeat`` runs (after one warm-up run) and the last result; the
    CPU ms of this process for each run go to ``cpu`` (the load of other processes on a
    shared machine inflates wall clock, much less CPU time)."""
    result = run()
    samples = []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        result = run()
        samples.append((time.perf_counter() - began) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - began_cpu) * 1000)
    return samples, result


def line(
    name: str, samples: list[float], statements: Any = "", rows: Any = "", cpu: Any = None
) -> None:
    p50, p95 = percentiles(samples)
    cpu95 = f"{percentiles(cpu)[1]:>8.1f}" if cpu else ""
    print(f"  {name:<52} {p50:>8.1f} {p95:>8.1f} {statements!s:>6} {rows!s:>8} {cpu95}",
          flush=True)  # fmt: skip


# --- in-process reads -------------------------------------------------------------


def library_reads(db: Path, actor: str, last_day: str, repeat: int, url: str | None = None) -> None:
    """The reads on ``db``, or on the database at ``url`` holding the same rows
    (``pgcopy.py``)."""
    from sqlalchemy import event

    from dateline.link import pending
    from dateline.store import Store
    from dateline.store.engine import reading
    from dateline.timeline import count_events, timeline

    store = Store(url or str(db))
    month_end = date.fromisoformat(last_day) - timedelta(days=60)
    month = (month_end.replace(day=1).isoformat(), month_end.isoformat())
    middle = _middle_day(db)
    mid_month = (middle[:8] + "01", middle[:8] + "28")
    as_of = (date.fromisoformat(last_day) - timedelta(days=10)).isoformat()

    def on_conn(read: Callable[[Any], Any]) -> Callable[[], Any]:
        def run() -> Any:
            with reading(store.engine) as conn:
                return read(conn)

        return run

    cap = 1_001  # as /api/events counts
    reads = {
        f"timeline {actor} --limit 100": on_conn(lambda c: timeline(c, actor=actor, limit=100)),
        f"timeline {actor} --limit 1000": on_conn(lambda c: timeline(c, actor=actor, limit=1000)),
        f"count of {actor}'s events, capped": on_conn(
            lambda c: [0] * count_events(c, actor=actor, cap=cap)
        ),
        f"timeline {actor} month --limit 100": on_conn(
            lambda c: timeline(c, actor=actor, date_from=month[0], date_to=month[1], limit=100)
        ),
        "timeline month near the end --limit 100": on_conn(
            lambda c: timeline(c, date_from=month[0], date_to=month[1], limit=100)
        ),
        f"timeline month {mid_month[0][:7]} --limit 100": on_conn(
            lambda c: timeline(c, date_from=mid_month[0], date_to=mid_month[1], limit=100)
        ),
        f"pending --as-of {as_of} --limit 100": on_conn(lambda c: pending(c, as_of, limit=100)),
        f"pending --as-of {middle} --limit 100": on_conn(lambda c: pending(c, middle, limit=100)),
        f"pending --as-of {as_of} (all)": on_conn(lambda c: pending(c, as_of)),
        "events --limit 50": on_conn(lambda c: timeline(c, limit=50)),
        "events --limit 50 --offset 10000": on_conn(lambda c: timeline(c, limit=50, offset=10000)),
    }
    where = store.engine.dialect.name
    print(f"\nin-process reads on {where} (ms over {repeat} runs)")
    print(f"  {'read':<52} {'p50':>8} {'p95':>8} {'stmts':>6} {'rows':>8} {'CPU p95':>8}")
    for name, read in reads.items():
        sent: list[str] = []

        def count(*args: Any, sent: list[str] = sent) -> None:
            sent.append(args[2])

        event.listen(store.engine, "before_cursor_execute", count)
        read()
        event.remove(store.engine, "before_cursor_execute", count)
        cpu: list[float] = []
        samples, result = timed(read, repeat, cpu)
        line(name, samples, len(sent), len(result), cpu)
    store.close()


# --- HTTP ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(db: Path, workers: int = 1, probe: str | None = None) -> Iterator[str]:
    """``dateline serve`` in a child process on 127.0.0.1; stopped (its PID) on exit. With
    ``probe``, ``probe_serve.py serve`` instead, writing its lines there."""
    import httpx

    port = free_port()
    command = [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)]
    if workers > 1:
        command += ["--workers", str(workers)]
    if probe:
        command = [sys.executable, str(HERE / "probe_serve.py"), "serve", "--db", str(db),
                   "--port", str(port), "--log", probe]  # fmt: skip
    log = open(Path(tempfile.gettempdir()) / f"bench-reads-serve-{port}.log", "w")  # noqa: SIM115
    child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                httpx.get(url + "/api/actors?limit=1", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield url
    finally:
        child.terminate()
        child.wait(30)
        log.close()


def http_paths(actor: str, last_day: str) -> dict[str, str]:
    end = date.fromisoformat(last_day) - timedelta(days=60)
    month = f"from={end.replace(day=1).isoformat()}&to={end.isoformat()}"
    as_of = (date.fromisoformat(last_day) - timedelta(days=10)).isoformat()
    return {
        "events limit=50": "/api/events?limit=50",
        "events actor limit=50": f"/api/events?actor={actor}&limit=50",
        "events type+status limit=50": "/api/events?type=VISIT&status=planned&limit=50",
        "events month limit=50": f"/api/events?{month}&limit=50",
        "events actor+month limit=50": f"/api/events?actor={actor}&{month}&limit=50",
        "events offset=100000 limit=50": "/api/events?limit=50&offset=100000",
        "timeline actor (limit 1000)": f"/api/timeline?actor={actor}",
        "pending as_of limit=100 (whole stories)": f"/api/pending?as_of={as_of}&limit=100",
        "pending as_of limit=100 view=summary (the page's)": (
            f"/api/pending?as_of={as_of}&limit=100&view=summary"
        ),
        "events q=text limit=50": "/api/events?q=statement&limit=50",
        "stories limit=50": "/api/stories?limit=50",
        "actors limit=200": "/api/actors?limit=200",
    }


def http_reads(url: str, paths: dict[str, str], repeat: int) -> None:
    import httpx

    print(f"\nHTTP through dateline serve (ms over {repeat} requests)")
    print(f"  {'request':<52} {'p50':>8} {'p95':>8} {'':>6} {'bytes':>8}")
    with httpx.Client(base_url=url, timeout=60) as client:
        for name, path in paths.items():
            samples, response = timed(lambda p=path: client.get(p), repeat)  # type: ignore[misc]
            response.raise_for_status()
            line(name, samples, "", len(response.content))


# In the page, from its navigation's start (performance.now()): when the time axis (or its
# "no events") and the first pending story are both in the document, and when the page's
# own requests ended. Installed before the page's scripts (Playwright's init script).
DRAWN = """
new MutationObserver((_, observer) => {
  if (document.querySelector("#timeline svg, #timeline .empty") &&
      document.querySelector("#pending-list li")) {
    window.__drawn = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""


def first_render(url: str, repeat: int) -> None:
    """Navigation start to the time axis drawn and the pending list filled, in ms: as the
    harness sees it (Playwright's calls included) and as the page itself does."""
    if not CHROMIUM.exists():
        print("\npage: skipped (no /usr/bin/chromium)")
        return
    from playwright.sync_api import sync_playwright

    samples, inside, html, data = [], [], [], []
    busy: dict[str, list[float]] = {k: [] for k in _BUSY}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            for _ in range(repeat + 1):
                context = browser.new_context(viewport={"width": 1440, "height": 960})
                page = context.new_page()
                page.add_init_script(DRAWN)
                cdp = context.new_cdp_session(page)
                cdp.send("Performance.enable")
                began = time.perf_counter()
                page.goto(url + "/")
                page.locator("#timeline svg, #timeline .empty").first.wait_for(timeout=60000)
                page.locator("#pending-list li").first.wait_for(timeout=60000)
                samples.append((time.perf_counter() - began) * 1000)
                page.wait_for_function("window.__drawn !== undefined", timeout=60000)
                inside.append(page.evaluate("window.__drawn"))
                html.append(page.evaluate(_DOM_READY))
                data.append(page.evaluate(_DATA_ENDED))
                # the renderer's main thread busy (script, style, layout, paint) to now
                metrics = {
                    m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]
                }
                for key in _BUSY:
                    busy[key].append(metrics[key] * 1000)
                drawn = page.locator("#timeline .event").count()
                context.close()
        finally:
            browser.close()
    print(f"\npage first render in headless Chromium (ms over {repeat} loads)")
    line("/ : time axis and pending list drawn", samples[1:], "", f"{drawn} ev")
    line("  in the page: navigation start to both drawn", inside[1:])
    line("  in the page: to DOMContentLoaded (HTML, CSS, app.js)", html[1:])
    line("  in the page: to the last /api/timeline|pending answer", data[1:])
    for key, name in _BUSY.items():
        line(f"  the renderer's main thread: {name}", busy[key][1:])


# Chromium's own counters (CDP Performance.getMetrics), wall time of the renderer's work
_BUSY = {"TaskDuration": "all tasks", "ScriptDuration": "script", "LayoutDuration": "layout",
         "RecalcStyleDuration": "style"}  # fmt: skip
_DOM_READY = "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
_DATA_ENDED = """Math.max(...performance.getEntriesByType('resource')
  .filter((e) => /api[/](timeline|pending)/.test(e.name)).map((e) => e.responseEnd))"""


# --- concurrency ----------------------------------------------------------------------


def mix(actor: str, last_day: str) -> list[str]:
    """What browsing clients ask for: the page's own requests and pages of events."""
    as_of = (date.fromisoformat(last_day) - timedelta(days=10)).isoformat()
    return [
        "/api/timeline?limit=200",
        f"/api/pending?as_of={as_of}&limit=100&view=summary",
        "/api/events?limit=50",
        f"/api/events?actor={actor}&limit=50",
        "/api/events?type=VISIT&status=planned&limit=50",
        f"/api/timeline?actor={actor}&limit=200",
        "/api/stories?limit=50",
        "/api/events?limit=50&offset=5000",
    ]


def under_ingest(
    db: Path, url: str, paths: list[str], clients: int, articles: int, think: float,
    log: str | None = None, nice: int | None = None,
) -> None:  # fmt: skip
    """``clients`` threads reading through the server while ``dateline ingest`` writes;
    each waits about ``think`` seconds (uniform 0.5-1.5 times) between its requests, as
    a person reading the page does (0: back to back, to saturate the server). ``log``:
    each request as a JSON line (``probe_serve.py report``); ``nice``: the ingest's
    ``--nice`` (None: the command's default, 10)."""
    import random

    import httpx

    corpus = Path(tempfile.mkdtemp(prefix="bench-reads-corpus-"))
    subprocess.run(
        # a new seed each run: articles already stored would be skipped, writing nothing
        [sys.executable, str(HERE / "corpus.py"), "--articles", str(articles),
         "--seed", str(int(time.time())), "--out", str(corpus), "--format", "text"],
        check=True, capture_output=True,
    )  # fmt: skip
    before = _documents(db)
    ingest = subprocess.Popen(
        [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", str(db),
         "--batch-size", "5", *(["--nice", str(nice)] if nice is not None else [])],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    # Wait for the first batch to commit (the model is loading until then).
    while _documents(db) == before and ingest.poll() is None:
        time.sleep(0.5)
    stop = threading.Event()
    samples: list[float] = []
    requests: list[dict[str, Any]] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        rng = random.Random(n)
        with httpx.Client(base_url=url, timeout=60) as http:
            i = n
            while not stop.wait(think * rng.uniform(0.5, 1.5) if think else 0):
                path = paths[i % len(paths)]
                i += 1
                began, at = time.perf_counter(), time.time()
                try:
                    response = http.get(path)
                    ok = response.status_code == 200
                except httpx.HTTPError as exc:
                    ok, response = False, exc  # type: ignore[assignment]
                with lock:
                    samples.append((time.perf_counter() - began) * 1000)
                    requests.append({"t": at, "path": path, "ms": samples[-1]})
                    if not ok:
                        errors.append(f"{path}: {response}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    while ingest.poll() is None:
        time.sleep(0.5)
    stop.set()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    shutil.rmtree(corpus, ignore_errors=True)  # its articles are in the database now
    if log:
        Path(log).write_text("".join(json.dumps(r) + "\n" for r in requests))
    added = _documents(db) - before
    print(f"\n{clients} HTTP clients, {think:.1f} s between requests, during `dateline ingest` "
          f"of {articles} articles ({added} documents committed while they read, "
          f"{seconds:.0f} s)")  # fmt: skip
    line(f"{len(samples)} requests, {len(errors)} errors", samples, "", "")
    for error in errors[:5]:
        print("   ", error)


def _scalar(db: Path, sql: str) -> Any:
    """One value read from the database file, read only."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _documents(db: Path) -> int:
    return int(_scalar(db, "SELECT count(*) FROM documents"))


# --- export and start-up ------------------------------------------------------------


def export_all(db: Path) -> None:
    """``dateline export --format jsonl`` of everything: wall s and peak RSS (GNU time)."""
    out = Path(tempfile.mkdtemp(prefix="bench-reads-export-")) / "all.jsonl"
    command = ["/usr/bin/time", "-f", "%e %M", sys.executable, "-m", "dateline", "export",
               "--format", "jsonl", "--out", str(out), "--db", str(db)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True)
    wall, kib = done.stderr.strip().splitlines()[-1].split()
    rows = sum(1 for _ in out.open("rb"))
    print("\nexport --format jsonl of every event")
    print(f"  exit {done.returncode}, {rows:,} rows, {out.stat().st_size / 2**20:,.0f} MiB, "
          f"{float(wall):.0f} s, peak RSS {int(kib) / 1024:.0f} MiB")  # fmt: skip
    out.unlink()


PROBE = """
import sqlite3, sqlite3.dbapi2, sys, time
connect = sqlite3.dbapi2.connect
def traced(*args, **kwargs):
    conn = connect(*args, **kwargs)
    def first(statement):
        if not statement.startswith("PRAGMA"):
            print(f"FIRST-SQL {time.time():.6f} {time.process_time():.6f}", file=sys.stderr,
                  flush=True)
            conn.set_trace_callback(None)
    conn.set_trace_callback(first)
    return conn
sqlite3.connect = sqlite3.dbapi2.connect = traced
def done():
    print(f"DONE {time.time():.6f} {time.process_time():.6f}", file=sys.stderr, flush=True)
import atexit
atexit.register(done)
sys.argv = ["dateline", *sys.argv[1:]]
from dateline.__main__ import main  # the `dateline` command (and python -m dateline)
main()
"""


def command_env() -> dict[str, str]:
    """The environment of a measured command: this one without ``PYTHONDONTWRITEBYTECODE``
    (which this workplace sets). With it, every process compiled dateline's modules from
    source again (27 ms of a ``pending`` page's 64 went to ``compile``), which no
    installed copy does: pip writes the bytecode when it installs, and an editable
    install writes it on its first run, as the unmeasured first run here does (into
    ``src/dateline/**/__pycache__``, which git ignores)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def startup(db: Path, as_of: str, repeat: int) -> None:
    """Process start to the first SQL statement of ``dateline timeline``, ``pending``,
    ``stories`` and ``story`` (ms), through the command's entry point
    (``dateline.__main__``)."""
    story = str(_scalar(db, "SELECT id FROM stories ORDER BY last_dct DESC, id LIMIT 1"))
    commands = (["timeline", "--limit", "1"], ["pending", "--as-of", as_of],
                ["stories", "--limit", "20"], ["story", story])  # fmt: skip
    env = command_env()
    for command in commands:
        samples, cpu = [], []
        argv = [sys.executable, "-c", PROBE, *command, "--db", str(db)]
        subprocess.run(argv, capture_output=True, env=env, check=True)  # bytecode written
        for _ in range(repeat):
            began = time.time()
            done = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
            first = next(x for x in done.stderr.splitlines() if x.startswith("FIRST-SQL"))
            samples.append((float(first.split()[1]) - began) * 1000)
            cpu.append(float(first.split()[2]) * 1000)
        name = " ".join(command[:1])
        print(f"\nCLI fixed cost: process start to first SQL (`dateline {name}`, {repeat} runs)")
        line("wall clock", samples)
        line("CPU time of the process", cpu)


def commands(db: Path, actor: str, last_day: str, repeat: int) -> None:
    """Whole read commands as a user runs them (``dateline timeline ACTOR --limit 100``,
    ``pending --as-of D --limit 100``, ``events --limit 50``), each a new process with its
    output to /dev/null: ms from the first SQL statement to the end of the process's work
    (the query, the rows shaped and printed), and from process start to that end. The
    in-process reads above are the library's, in a process that also holds SQLAlchemy and
    keeps every earlier answer's garbage; a command holds neither."""
    as_of = (date.fromisoformat(last_day) - timedelta(days=10)).isoformat()
    middle = _middle_day(db)
    runs = {
        f"timeline {actor} --limit 100": ["timeline", actor, "--limit", "100"],
        f"pending --as-of {as_of} --limit 100": ["pending", "--as-of", as_of, "--limit", "100"],
        f"pending --as-of {middle} --limit 100": ["pending", "--as-of", middle, "--limit", "100"],
        "events --limit 50": ["events", "--limit", "50"],
    }
    print(
        f"\nwhole commands, a process each ({repeat} runs; ms; query: first SQL to done, "
        "process: start to done)"
    )
    print(f"  {'command':<52} {'p50':>8} {'p95':>8} {'':>6} {'':>8} {'CPU p95':>8}")
    env = command_env()
    for name, command in runs.items():
        query, query_cpu, whole = [], [], []
        argv = [sys.executable, "-c", PROBE, *command, "--db", str(db)]
        subprocess.run(argv, capture_output=True, env=env, check=True)  # bytecode written
        for _ in range(repeat):
            began = time.time()
            done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  text=True, env=env, check=True)  # fmt: skip
            marks = {x.split()[0]: x.split()[1:] for x in done.stderr.splitlines()
                     if x.startswith(("FIRST-SQL", "DONE"))}  # fmt: skip
            first, end = marks["FIRST-SQL"], marks["DONE"]
            query.append((float(end[0]) - float(first[0])) * 1000)
            query_cpu.append((float(end[1]) - float(first[1])) * 1000)
            whole.append((float(end[0]) - began) * 1000)
        line(f"{name}: query", query, "", "", query_cpu)
        line(f"{name}: process", whole)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", help="SQLite file: built there when missing, else reused")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--ingest-articles", type=int, default=60)
    parser.add_argument("--workers", type=int, default=1, help="dateline serve --workers")
    parser.add_argument("--probe", metavar="LOG", help="serve by probe_serve.py, lines to LOG")
    parser.add_argument("--client-log", metavar="LOG", help="the clients' requests, JSON lines")
    parser.add_argument(
        "--ingest-nice", type=int, help="the ingest's --nice N (default: its own, 10)"
    )
    parser.add_argument(
        "--think", type=float, nargs="+", default=[1.0, 0.0], help="seconds between requests"
    )
    parser.add_argument(
        "--skip", nargs="*", default=[], help="of: library http page ingest export startup commands"
    )
    parser.add_argument(
        "--pg",
        metavar="URL",
        help="an empty PostgreSQL database: the SQLite rows are copied into it (pgcopy.py) "
        "and the in-process reads run on it too",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "reads.db"
        if not db.exists():
            print(json.dumps(build(db, args.events)), flush=True)
        from dateline.store import Store

        began = time.perf_counter()
        Store(str(db)).close()  # migrations the database lacks (e.g. indexes)
        print(f"open and migrate: {time.perf_counter() - began:.1f} s")
        actor, count = busiest_actor(db)
        last_day = _last_day(db)
        print(f"busiest actor {actor} ({count:,} events); last article {last_day}; "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
        paths = http_paths(actor, last_day)
        if "library" not in args.skip:
            library_reads(db, actor, last_day, args.repeat)
        if args.pg:
            from pgcopy import copy

            print(json.dumps(copy(db, args.pg)), flush=True)
            library_reads(db, actor, last_day, args.repeat, url=args.pg)
        if not {"http", "page", "ingest"} <= set(args.skip):
            with server(db, args.workers, args.probe) as url:
                if "http" not in args.skip:
                    http_reads(url, paths, args.repeat)
                if "page" not in args.skip:
                    first_render(url, max(3, args.repeat // 4))
                if "ingest" not in args.skip:
                    for think in args.think:
                        under_ingest(db, url, mix(actor, last_day), args.clients,
                                     args.ingest_articles, think, args.client_log,
                                     args.ingest_nice)  # fmt: skip
        if "export" not in args.skip:
            export_all(db)
        if "startup" not in args.skip:
            startup(db, last_day, max(5, args.repeat // 2))
        if "commands" not in args.skip:
            commands(db, actor, last_day, args.repeat)
        print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


def _middle_day(db: Path) -> str:
    """The article date half-way through the archive (by documents)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        query = "SELECT dct FROM documents ORDER BY dct LIMIT 1 OFFSET ?"
        return str(conn.execute(query, (count // 2,)).fetchone()[0])
    finally:
        conn.close()


def _last_day(db: Path) -> str:
    return str(_scalar(db, "SELECT max(dct) FROM documents"))


if __name__ == "__main__":
    sys.exit(main())
