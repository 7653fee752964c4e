"""`dateline ingest --dask`: a Dask cluster extracts, this process stores; same database.

The comparison runs a real LocalCluster of two worker processes on 127.0.0.1 (each
loads the model once) and compares every stored row with a serial ingest of the same
files, for partitions of one article and of several.
"""

from __future__ import annotations

import contextlib
import os
import platform
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.distributed import check_address, connect, local_workers
from dateline.errors import DatelineError
from dateline.ingest import ingest
from dateline.store import Store
from test_crash_trials import write_corpus
from test_store_batch import table_rows

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("dask") / "corpus")


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    with Store(str(tmp_path_factory.mktemp("serial") / "serial.db")) as store:
        summary = ingest([str(corpus)], store)
        return summary.to_dict(), table_rows(store)


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("partition", [1, 5])
def test_a_dask_ingest_stores_what_a_serial_ingest_stores(
    corpus: Path, serial: tuple[dict, dict], tmp_path: Path, partition: int
) -> None:
    with Store(str(tmp_path / "dask.db")) as store:
        summary = ingest([str(corpus)], store, dask="local:2", partition_size=partition)
        assert (summary.to_dict(), table_rows(store)) == serial
        assert summary.added == 12 and summary.rejected == 1
        again = ingest([str(corpus)], store, dask="local:1", partition_size=partition)
        assert (again.added, again.unchanged, again.rejected) == (0, 13, 1)
        assert table_rows(store) == serial[1]


@pytest.mark.parametrize("value", ["local", "local:3", "tcp://10.0.0.5:8786", "sched:8786"])
def test_dask_addresses_that_are_accepted(value: str) -> None:
    check_address(value)


@pytest.mark.parametrize("value", ["local:0", "local:x", "", "tcp://", "nowhere"])
def test_a_bad_dask_address_is_dl_e542(value: str) -> None:
    with pytest.raises(DatelineError, match="DL-E542"):
        check_address(value)


def test_local_takes_its_number_of_workers() -> None:
    assert local_workers("local:3") == 3 and local_workers("tcp://h:1") is None


def test_an_unreachable_scheduler_is_dl_e543() -> None:
    with socket.socket() as sock:  # a port nobody listens on: bound, never listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        with pytest.raises(DatelineError, match="DL-E543"), connect(f"tcp://127.0.0.1:{port}", 2):
            pass


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--batch-size", "0"], "DL-E540"),
        (["--dask", "local:0"], "DL-E542"),
        (["--dask", "local:2", "--workers", "2"], "DL-E544"),
    ],
)
def test_scale_options_misused_are_usage_errors(tmp_path: Path, args: list[str], code: str) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), *args])
    assert result.exit_code == 2
    assert code in result.output
    assert not (tmp_path / "x.db").exists()


# A child that allocates, fills and frees a 1 MiB block 200 times below a block it keeps
# (so that freeing it cannot shrink the heap); its minor page faults. With the mmap
# threshold fixed at 128 KiB each block is a new mapping whose 256 pages fault again.
_REALLOCATE = """
import ctypes, ctypes.util, resource, sys
from dateline.distributed import large_blocks_from_the_heap
raised = large_blocks_from_the_heap() if sys.argv[1] == "raise" else False
libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
def churn():
    for _ in range(200):
        block = libc.malloc(1 << 20)
        ctypes.memset(block, 1, 1 << 20)
        libc.free(block)
first = libc.malloc(1 << 20)
kept = libc.malloc(120 << 10)  # from the heap too (below 128 KiB), after it
libc.free(first)
churn()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
churn()
print(raised, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _page_faults(how: str, environ: dict[str, str]) -> tuple[str, int]:
    # Not this process's MALLOC_* (a nanny started in it put the nanny's in os.environ).
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    env.update(PYTHONPATH=os.pathsep.join(sys.path), **environ)
    done = subprocess.run(
        [sys.executable, "-c", _REALLOCATE, how], env=env, capture_output=True, text=True
    )
    raised, faults = done.stdout.split()
    return raised, int(faults)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="glibc's malloc",
)
def test_a_dask_worker_reuses_large_blocks_despite_the_nannys_malloc_setting() -> None:
    trimmed = {"MALLOC_TRIM_THRESHOLD_": "65536"}  # what Dask's nanny sets for its workers
    assert _page_faults("leave", trimmed)[1] > 200 * 200  # a new mapping per block
    assert _page_faults("raise", trimmed) == ("True", pytest.approx(0, abs=2_000))
    # Left alone: no MALLOC_* setting (glibc's threshold then rises by itself), or one
    # that chose the threshold.
    assert _page_faults("raise", {})[0] == "False"
    chosen = {**trimmed, "MALLOC_MMAP_THRESHOLD_": "131072"}
    assert _page_faults("raise", chosen)[0] == "False"


def _worker_settings() -> dict[str, object]:
    import dask

    return {
        key: dask.config.get(key)
        for key in ("distributed.worker.profile.enabled", "distributed.scheduler.work-stealing")
    }


@pytest.mark.slow
def test_a_local_cluster_runs_no_profiler_nobody_reads_takes_no_fixed_port_and_leaves_env() -> None:
    import dask

    environment = dict(os.environ)

    with socket.socket() as sock:
        # Dask's dashboard port taken, as by another run's cluster: the scheduler warned
        # that 8787 was in use, an error here (when someone else holds it, the same).
        with contextlib.suppress(OSError):
            sock.bind(("127.0.0.1", 8787))
            sock.listen()
        with connect("local:1") as client:
            assert list(client.run(_worker_settings).values()) == [
                {
                    "distributed.worker.profile.enabled": False,
                    "distributed.scheduler.work-stealing": False,
                }
            ]
            assert "stealing" not in client.run_on_scheduler(
                lambda dask_scheduler: list(dask_scheduler.extensions)
            )
    assert dask.config.get("distributed.worker.profile.enabled") is True  # this process's own
    # The nannies set OMP_NUM_THREADS, MALLOC_TRIM_THRESHOLD_ ... here for their workers.
    assert dict(os.environ) == environment
