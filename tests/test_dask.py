"""`dateline ingest --dask`: a Dask cluster extracts, this process stores; same database.

The comparison runs a real LocalCluster of two worker processes on 127.0.0.1 (each
loads the model once) and compares every stored row with a serial ingest of the same
files, for partitions of one article and of several.
"""

from __future__ import annotations

import socket
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
