"""Where the time of a ``--dask local:N`` ingest goes, beside a ``--workers N`` ingest.

Runs ``dateline.ingest.ingest`` in this process on a fresh SQLite file, once with
``dask="local:N"`` and once with ``workers=N`` (alternating over ``--rounds``), and
prints for each: wall time; CPU time of this process and of the worker processes
(read from each worker before the cluster closes, and from the finished children);
how long this process waited for extractions against how long it stored them; and
for Dask, from the scheduler's task stream, the time the workers spent computing,
the tasks' (de)serialization and transfer, and when the cluster, the model in each
worker and the first result were ready. The corpus is ``bench/corpus.py``'s.

    python bench/profile_dask.py --articles 800 --workers 2 --rounds 1
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from corpus import Corpus, seed_text

import dateline.distributed as distributed_module
import dateline.ingest as ingest_module
from dateline.store import Store


def cpu_self() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def cpu_children() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def worker_cpu() -> dict[str, float]:
    """Run on each Dask worker: its own CPU seconds (with the nanny's view of it)."""
    import resource as r

    own = r.getrusage(r.RUSAGE_SELF)
    return {"cpu": own.ru_utime + own.ru_stime, "maxrss_mb": own.ru_maxrss / 1024}


class Clock:
    """Accumulates named spans of wall time in this process."""

    def __init__(self) -> None:
        self.spent: Counter[str] = Counter()
        self.marks: dict[str, float] = {}
        self.start = time.perf_counter()

    def mark(self, name: str) -> None:
        self.marks.setdefault(name, time.perf_counter() - self.start)

    @contextlib.contextmanager
    def span(self, name: str) -> Iterator[None]:
        began = time.perf_counter()
        try:
            yield
        finally:
            self.spent[name] += time.perf_counter() - began


def instrument(clock: Clock, found: dict[str, Any]) -> contextlib.ExitStack:
    """Wrap the store and the Dask client so that their time is counted."""
    stack = contextlib.ExitStack()
    original_add_many = Store.add_many
    original_connect = distributed_module.connect
    original_collect = distributed_module._collect

    def add_many(self: Store, extractions: Any) -> Any:
        clock.mark("first stored")
        with clock.span("store"):
            return original_add_many(self, extractions)

    @contextlib.contextmanager
    def connect(address: str, *args: Any, **kwargs: Any) -> Iterator[Any]:
        from distributed import get_task_stream

        with original_connect(address, *args, **kwargs) as client:
            clock.mark("cluster up")
            with get_task_stream(client=client) as stream:
                yield client
            found["stream"] = stream.data
            found["workers"] = client.run(worker_cpu)

    def collect(client: Any, part: Any, future: Any, actors_file: Any) -> Iterator[Any]:
        with clock.span("wait"):
            future.result()
        clock.mark("first result")
        yield from original_collect(client, part, future, actors_file)

    from distributed import Client

    original_register = Client.register_plugin

    def register_plugin(self: Any, plugin: Any, *args: Any, **kwargs: Any) -> Any:
        with clock.span("plugin (model loaded in every worker)"):
            return original_register(self, plugin, *args, **kwargs)

    stack.callback(setattr, Store, "add_many", original_add_many)
    stack.callback(setattr, distributed_module, "connect", original_connect)
    stack.callback(setattr, distributed_module, "_collect", original_collect)
    stack.callback(setattr, Client, "register_plugin", original_register)
    Store.add_many = add_many  # type: ignore[method-assign]
    distributed_module.connect = connect  # type: ignore[assignment]
    distributed_module._collect = collect  # type: ignore[assignment]
    Client.register_plugin = register_plugin  # type: ignore[method-assign]
    return stack


def local_waits(clock: Clock) -> contextlib.ExitStack:
    """For ``--workers``: time spent waiting for the next extraction."""
    stack = contextlib.ExitStack()
    original = ingest_module._extract

    def extract(*args: Any, **kwargs: Any) -> Iterator[Any]:
        outcomes = original(*args, **kwargs)
        while True:
            with clock.span("wait"):
                item = next(outcomes, None)
            if item is None:
                return
            clock.mark("first result")
            yield item

    original_add_many = Store.add_many

    def add_many(self: Store, extractions: Any) -> Any:
        clock.mark("first stored")
        with clock.span("store"):
            return original_add_many(self, extractions)

    stack.callback(setattr, ingest_module, "_extract", original)
    stack.callback(setattr, Store, "add_many", original_add_many)
    ingest_module._extract = extract  # type: ignore[assignment]
    Store.add_many = add_many  # type: ignore[method-assign]
    return stack


def stream_summary(stream: list[dict[str, Any]]) -> dict[str, float]:
    """Seconds per action over the task stream, and the tasks' first start and last stop."""
    spent: Counter[str] = Counter()
    starts, stops = [], []
    for task in stream:
        for part in task.get("startstops", []):
            spent[part["action"]] += part["stop"] - part["start"]
            starts.append(part["start"])
            stops.append(part["stop"])
    spent["tasks"] = len(stream)
    if starts:
        spent["span"] = max(stops) - min(starts)
    return dict(spent)


def run(kind: str, corpus: Path, db: Path, workers: int, partition: int) -> None:
    clock = Clock()
    found: dict[str, Any] = {}
    cpu0, kids0 = cpu_self(), cpu_children()
    stack = instrument(clock, found) if kind == "dask" else local_waits(clock)
    with stack, Store(str(db)) as store:
        if kind == "dask":
            summary = ingest_module.ingest(
                [str(corpus)], store, dask=f"local:{workers}", partition_size=partition
            )
        else:
            summary = ingest_module.ingest([str(corpus)], store, workers=workers)
    wall = time.perf_counter() - clock.start
    own, kids = cpu_self() - cpu0, cpu_children() - kids0
    line = (
        f"{kind:<8} wall {wall:7.1f} s  this process {own:6.1f} s CPU  children {kids:6.1f} s"
        f"  added {summary.added} events {summary.events}"
    )
    print(line)
    marks = "  ".join(f"{k} {v:.1f}" for k, v in clock.marks.items())
    spans = "  ".join(f"{k} {v:.1f}" for k, v in clock.spent.items())
    print(f"         at (s): {marks}\n         spent (s): {spans}")
    if kind == "dask":
        workers_cpu = found.get("workers", {})
        for address, info in workers_cpu.items():
            print(f"         worker {address}: {info['cpu']:.1f} s CPU, {info['maxrss_mb']:.0f} MB")
        stream = stream_summary(found.get("stream", []))
        print("         task stream (s): " + "  ".join(f"{k} {v:.2f}" for k, v in stream.items()))
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--partition-size", type=int, default=16)
    parser.add_argument("--only", choices=["dask", "workers"])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for n, extraction in enumerate(Corpus(15).articles(args.articles)):
            (corpus / f"{n:06d}.txt").write_text(seed_text(extraction), encoding="utf-8")
        kinds = [args.only] if args.only else ["dask", "workers"]
        for round_ in range(args.rounds):
            for kind in kinds:
                db = Path(tmp) / f"{round_}-{kind}.db"
                run(kind, corpus, db, args.workers, args.partition_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
