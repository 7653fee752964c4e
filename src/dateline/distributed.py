"""Extraction on a Dask cluster: ``dateline ingest PATH... --dask ADDRESS``.

The process that runs ``ingest`` (the client) reads the articles and sends them
to the cluster in partitions; each worker loads dateline's pipeline once, when it
joins (:class:`PipelinePlugin`), and extracts the partitions it is given. The
extractions come back to the client in input order, a few partitions ahead, and
only the client writes to the database, so a Dask run stores, counts and rejects
exactly what a local run does. ``local[:N]`` starts a cluster of N worker
processes on this machine (127.0.0.1, no dashboard) for the run.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from dateline.errors import (
    E_DASK_ADDRESS,
    E_DASK_CONNECT,
    E_DASK_MISSING,
    E_EXTRACT_FAILED,
    E_WORKER_DIED,
    DatelineError,
    failure,
)
from dateline.model import Article

PARTITION = 16  # articles per task (``--partition-size``)
AHEAD = 2  # partitions in flight per worker: workers never wait for the client
CONNECT_SECONDS = 30
_LOCAL = re.compile(r"^local(?::(\d+))?$")
_REMOTE = re.compile(r"^([a-z][a-z0-9+.\-]*://)?[^\s/:]+:\d+$|^[a-z][a-z0-9+.\-]*://\S+$")
# The pipelines this worker process loaded, by actors file (set by PipelinePlugin).
_PIPELINES: dict[str | None, Any] = {}
# What a cluster started for one run does not need: it has no dashboard, so nobody reads
# the workers' statistical profiles (a stack sample every 10 ms) or the system monitor's
# series, and tasks that wait in the scheduler's queue have nothing to steal. Idle, these
# and the 20 ms event-loop tick cost 73-80 ms of CPU per second over the client and
# two workers (24-30 with them off), on cores that extract (bench/RESULTS.md, ninth
# round).
_LOCAL_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.work-stealing": False,
}
# glibc's mmap threshold: a fixed 128 KiB once any MALLOC_* tuning is set (Dask's nanny
# sets MALLOC_TRIM_THRESHOLD_), instead of rising with the blocks a process frees; 32 MiB
# is where the dynamic threshold stops.
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 32 * 1024 * 1024
_FIXED_BY = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_")

Outcome = dict[str, Any] | DatelineError


def check_address(value: str) -> None:
    """DL-E542 unless ``value`` is ``local``, ``local:N`` (N >= 1) or a scheduler address."""
    local = _LOCAL.match(value)
    if local and (local.group(1) is None or int(local.group(1)) >= 1):
        return
    if not local and _REMOTE.match(value):
        return
    raise E_DASK_ADDRESS(value=value)


def local_workers(value: str) -> int | None:
    """N of ``local:N`` (``local``: this machine's cores); None for a scheduler address."""
    local = _LOCAL.match(value)
    if local is None:
        return None
    return int(local.group(1)) if local.group(1) else max(1, os.cpu_count() or 1)


@contextmanager
def connect(address: str, timeout: float = CONNECT_SECONDS) -> Iterator[Any]:
    """A ``distributed.Client`` of the scheduler at ``address`` (DL-E543 when none answers
    within ``timeout`` seconds), or of a new local cluster (closed on exit)."""
    check_address(address)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise E_DASK_MISSING() from None
    n = local_workers(address)
    cluster = None
    # A local cluster's nannies set their workers' variables (OMP_NUM_THREADS,
    # MALLOC_TRIM_THRESHOLD_, PYTHONHASHSEED ...) in this process's own environment before
    # spawning them; every process this one starts afterwards would inherit them.
    environment = dict(os.environ) if n is not None else None
    try:
        if n is not None:
            import dask

            with dask.config.set(_LOCAL_CONFIG):  # the workers take it when they start
                cluster = LocalCluster(
                    host="127.0.0.1",
                    n_workers=n,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    # Its HTTP server (health, metrics) still starts, on 8787 unless
                    # told: a second run on the machine then warned, a failure in tests.
                    scheduler_kwargs={"dashboard_address": ":0"},
                )
            client = Client(cluster)
        else:
            client = Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        _restore(environment)
        raise E_DASK_CONNECT(address=address, why=failure(exc)) from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        _restore(environment)


def _restore(environment: dict[str, str] | None) -> None:
    """This process's environment as it was before a local cluster started."""
    if environment is None or environment == os.environ:
        return
    for name in set(os.environ) - set(environment):
        del os.environ[name]
    os.environ.update(environment)


try:  # the cluster's worker plugin base; without dask, connect() says how to install it
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover - dask[distributed] is in the model extra
    WorkerPlugin = object  # type: ignore[misc, assignment]


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin: the worker loads dateline's pipeline once, when it starts."""

    name = "dateline-pipeline"

    def __init__(self, actors_file: str | None = None):
        self.actors_file = actors_file

    def setup(self, worker: Any) -> None:
        large_blocks_from_the_heap()
        pipeline(self.actors_file)

    def teardown(self, worker: Any) -> None:
        _PIPELINES.clear()


def large_blocks_from_the_heap() -> bool:
    """Raise glibc's mmap threshold to 32 MiB in this process when a ``MALLOC_*`` variable
    has fixed it at 128 KiB (a Dask worker's nanny sets ``MALLOC_TRIM_THRESHOLD_``), and
    no ``MALLOC_MMAP_THRESHOLD_`` chose it; True when it did.

    spaCy's arrays above the threshold were each mapped and unmapped again, and every
    page of each was faulted in anew: 10-13 ms of system CPU per article in a Dask
    worker, against 1-3 ms in a ``--workers`` process, whose threshold rose with them."""
    if "MALLOC_MMAP_THRESHOLD_" in os.environ or not any(k in os.environ for k in _FIXED_BY):
        return False
    name = ctypes.util.find_library("c")
    mallopt = getattr(ctypes.CDLL(name), "mallopt", None) if name else None
    return bool(mallopt and mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD) == 1)


def pipeline(actors_file: str | None) -> Any:
    """This process's pipeline for ``actors_file``, loaded on first use."""
    if actors_file not in _PIPELINES:
        from dateline.annotate import load_nlp

        _PIPELINES[actors_file] = load_nlp(actors_file)
    return _PIPELINES[actors_file]


def extract_partition(articles: list[Article], actors_file: str | None) -> list[Outcome]:
    """A worker's task: each article's extraction, or its DL-E300 reject, in order."""
    from dateline.extract import extract_each

    return list(extract_each(articles, nlp=pipeline(actors_file), batch_size=len(articles)))


def extract_on_dask(
    articles: Iterable[Article],
    address: str,
    actors_file: str | None = None,
    partition_size: int = PARTITION,
) -> Iterator[tuple[Article, Outcome]]:
    """Each article with its extraction (or reject), in input order, extracted on the
    cluster at ``address``."""
    with connect(address) as client:
        client.register_plugin(PipelinePlugin(actors_file), name=PipelinePlugin.name)
        workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
        pending: deque[tuple[list[Article], Any]] = deque()
        iterator = iter(articles)
        while part := list(islice(iterator, partition_size)):
            future = client.submit(extract_partition, part, actors_file, pure=False)
            pending.append((part, future))
            while len(pending) >= workers * AHEAD:
                yield from _collect(client, *pending.popleft(), actors_file)
        while pending:
            yield from _collect(client, *pending.popleft(), actors_file)


def _collect(
    client: Any, part: list[Article], future: Any, actors_file: str | None
) -> Iterator[tuple[Article, Outcome]]:
    """The outcomes of one partition; when its worker died (again and again, so Dask gave
    up on it), each article is tried alone so that only the one at fault is rejected."""
    try:
        outcomes: list[Outcome] = future.result()
    except Exception:
        outcomes = [_alone(client, article, actors_file) for article in part]
    for article, outcome in zip(part, outcomes, strict=True):
        if not isinstance(outcome, DatelineError):
            outcome["origin"] = article.origin
        yield article, outcome


def _alone(client: Any, article: Article, actors_file: str | None) -> Outcome:
    from distributed import KilledWorker

    try:
        return client.submit(extract_partition, [article], actors_file, pure=False).result()[0]
    except KilledWorker as exc:
        return E_WORKER_DIED(article.origin, why=failure(exc))
    except Exception as exc:
        return E_EXTRACT_FAILED(article.origin, why=failure(exc))
