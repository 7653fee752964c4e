"""A CLI read command's fixed cost (issue 14): process start to its first SQL statement,
on a SQLite file or a PostgreSQL URL, for one or more versions of the code, interleaved.

Each run is a new ``python`` process running the ``dateline`` command's entry point
(``dateline.__main__``) with ``PYTHONPATH`` set to a version's ``src``; a probe notes
the wall clock and the process's CPU time when the first statement is sent: through
:mod:`sqlite3` (a trace callback), psycopg (``Cursor.execute``, wrapped when psycopg is
imported, so the probe itself imports nothing) or the fast path's libpq connection
(:mod:`dateline.fastpath.pq`). The command's whole CPU time (GNU time's user + system)
is printed beside it.

    python bench/bench_startup.py --db postgresql+psycopg://…/big3 --code /tmp/main/src src \\
        --story story:… --as-of 2018-11-20 --repeat 20
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

from bench_reads import line

PROBE = r"""
import importlib.abc, importlib.machinery, sys, time
def noted():
    print(f"FIRST-SQL {time.time():.6f} {time.process_time():.6f}", file=sys.stderr, flush=True)
    noted.done = True
noted.done = False
def first(run):
    def wrapped(*args, **kwargs):
        if not noted.done:
            noted()
        return run(*args, **kwargs)
    return wrapped
import sqlite3, sqlite3.dbapi2
connect = sqlite3.dbapi2.connect
def traced(*args, **kwargs):
    conn = connect(*args, **kwargs)
    def sent(statement):
        if not statement.startswith("PRAGMA") and not noted.done:
            noted()
    conn.set_trace_callback(sent)
    return conn
sqlite3.connect = sqlite3.dbapi2.connect = traced
WRAP = {"psycopg.cursor": ("Cursor", "execute"),
        "dateline.fastpath.pq": ("Connection", "run")}
class Wrapping(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name not in WRAP:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        load = spec.loader.exec_module
        def exec_module(module):
            load(module)
            cls, method = WRAP[name]
            owner = getattr(module, cls)
            setattr(owner, method, first(getattr(owner, method)))
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, Wrapping())
sys.argv = ["dateline", *sys.argv[1:]]
from dateline.__main__ import main
main()
"""


def run(code: str, command: list[str]) -> tuple[float, float, float]:
    """Wall ms and CPU ms to the first statement, and the process's whole CPU ms."""
    env = {**os.environ, "PYTHONPATH": code}
    began = time.time()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "TIME %U %S", sys.executable, "-c", PROBE, *command],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    lines = done.stderr.splitlines()
    first = next(x for x in lines if x.startswith("FIRST-SQL")).split()
    user, system = next(x for x in lines if x.startswith("TIME")).split()[1:]
    whole = (float(user) + float(system)) * 1000
    return (float(first[1]) - began) * 1000, float(first[2]) * 1000, whole


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLite file or database URL")
    parser.add_argument("--code", nargs="+", required=True, help="src folders to compare")
    parser.add_argument("--story", required=True, help="a story id for `dateline story`")
    parser.add_argument("--as-of", required=True, help="the day for `dateline pending`")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    commands = {
        "timeline": ["timeline", "--limit", "1"],
        "events": ["events", "--limit", "50"],
        "pending": ["pending", "--as-of", args.as_of, "--limit", "100"],
        "stories": ["stories", "--limit", "20"],
        "story": ["story", args.story],
    }
    print(f"load average {os.getloadavg()[0]:.1f} at the start")
    for name, command in commands.items():
        found: dict[str, list[tuple[float, float, float]]] = {c: [] for c in args.code}
        for _ in range(args.repeat):
            for code in args.code:  # interleaved: each version in turn
                found[code].append(run(code, [*command, "--db", args.db]))
        print(f"\n`dateline {name}`, {args.repeat} runs each")
        for code, samples in found.items():
            print(f"  {code}")
            line("wall to first SQL", [s[0] for s in samples])
            line("CPU to first SQL", [s[1] for s in samples])
            line("CPU of the command", [s[2] for s in samples])
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
