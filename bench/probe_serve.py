"""Where the time of the HTTP API's requests goes, under load (issue 14, sixth round).

``serve``: the app of ``dateline serve`` on 127.0.0.1 (uvicorn, one process), each request
written as a JSON line: its wall time in the server and, when a route ran (an answer not
kept from before the last commit), the route's thread: how long it waited for a thread
(``queue``), its wall time, its CPU time and how long it waited for a core
(``runq``: ``/proc/thread-self/schedstat``); what is left of the thread's wall time is
time blocked (the GIL, a lock, I/O).

``report``: the slowest 5 % of the requests a client logged (``bench_reads.py
--client-log``), each matched with the server's line of the same path nearest in time,
and every route's medians.

    python bench/probe_serve.py serve --db /tmp/big.db --port 8123 --log /tmp/server.jsonl
    python bench/bench_reads.py --db /tmp/big.db --probe /tmp/server.jsonl \\
        --client-log /tmp/clients.jsonl --skip library http page export startup --think 1.0
    python bench/probe_serve.py report /tmp/server.jsonl /tmp/clients.jsonl
"""

from __future__ import annotations

import argparse
import contextvars
import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

Record = dict[str, Any]
_record: contextvars.ContextVar[Record] = contextvars.ContextVar("record")


def _schedstat() -> tuple[float, float]:
    """This thread's CPU time and time waiting for a core so far, in ms."""
    with open("/proc/thread-self/schedstat") as f:
        cpu, waited, _ = f.read().split()
    return int(cpu) / 1e6, int(waited) / 1e6


def serve(db: str, port: int, log: str) -> None:
    import fastapi.routing
    import uvicorn

    from dateline.web.app import create_app

    out = open(log, "w", buffering=1)  # noqa: SIM115 (the server's lifetime)
    threadpool = fastapi.routing.run_in_threadpool

    async def probed(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        submitted, box = time.perf_counter(), _record.get(None)

        def run(*a: Any, **k: Any) -> Any:
            began = time.perf_counter()
            cpu, waited = _schedstat()
            try:
                return func(*a, **k)
            finally:
                cpu2, waited2 = _schedstat()
                if box is not None:
                    box.update(queue=(began - submitted) * 1000, runq=waited2 - waited,
                               thread_wall=(time.perf_counter() - began) * 1000,
                               thread_cpu=cpu2 - cpu)  # fmt: skip

        return await threadpool(run, *args, **kwargs)

    fastapi.routing.run_in_threadpool = probed  # type: ignore[assignment]
    app = create_app(db)

    async def probe(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await app(scope, receive, send)
        began = time.perf_counter()
        query = scope.get("query_string", b"").decode()
        box: Record = {"t": time.time(), "path": scope["path"] + ("?" + query if query else "")}
        _record.set(box)
        await app(scope, receive, send)
        box["wall"] = (time.perf_counter() - began) * 1000
        out.write(json.dumps(box) + "\n")

    uvicorn.run(probe, host="127.0.0.1", port=port, log_level="warning")


def _percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, -(-p * len(ordered) // 100) - 1))]


def _lines(path: str) -> list[Record]:
    with open(path) as f:
        return [json.loads(line) for line in f]


def report(server_log: str, client_log: str) -> None:
    server = [r for r in _lines(server_log) if "wall" in r and r["path"].startswith("/api/")]
    clients = _lines(client_log)
    by_path: dict[str, list[Record]] = {}
    for r in server:
        by_path.setdefault(r["path"], []).append(r)
    took = [c["ms"] for c in clients]
    ran = sum("runq" in r for r in server)
    print(f"client: {len(clients)} requests, p50 {_percentile(took, 50):.1f}, "
          f"p95 {_percentile(took, 95):.1f} ms; routes run {ran}")  # fmt: skip
    slowest = sorted(clients, key=lambda c: -c["ms"])[: max(1, len(clients) // 20)]
    parts: dict[str, list[float]] = {k: [] for k in
        ("client", "server", "outside the server", "queue", "cpu", "runq", "blocked")}  # fmt: skip
    for c in slowest:
        s = min(by_path.get(c["path"], []), key=lambda r: abs(r["t"] - c["t"]), default=None)
        if s is None:
            continue
        parts["client"].append(c["ms"])
        parts["server"].append(s["wall"])
        parts["outside the server"].append(c["ms"] - s["wall"])
        if "runq" in s:
            parts["queue"].append(s["queue"])
            parts["cpu"].append(s["thread_cpu"])
            parts["runq"].append(s["runq"])
            parts["blocked"].append(s["thread_wall"] - s["thread_cpu"] - s["runq"])
    print(f"slowest 5 % ({len(slowest)}), ms (median, mean):")
    for name, values in parts.items():
        if values:
            print(f"  {name:<20} {statistics.median(values):7.1f} {statistics.mean(values):7.1f}")
    print("routes run, medians (ms): cpu, wall, waiting for a core")
    for path, rows in sorted(by_path.items()):
        ran = [r for r in rows if "runq" in r]
        if len(ran) > 2:
            cpu, wall = [r["thread_cpu"] for r in ran], [r["thread_wall"] for r in ran]
            runq = [r["runq"] for r in ran]
            print(f"  {path[:64]:<64} {len(ran):4} {statistics.median(cpu):6.1f} "
                  f"{statistics.median(wall):6.1f} {statistics.median(runq):6.1f}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    served = sub.add_parser("serve")
    served.add_argument("--db", required=True)
    served.add_argument("--port", type=int, required=True)
    served.add_argument("--log", required=True)
    reported = sub.add_parser("report")
    reported.add_argument("server_log")
    reported.add_argument("client_log")
    args = parser.parse_args(argv)
    if args.command == "serve":
        serve(args.db, args.port, args.log)
    else:
        report(args.server_log, args.client_log)
    return 0


if __name__ == "__main__":
    sys.exit(main())
