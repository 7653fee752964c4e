"""dateline makes no network access at run time: no model or data download, no lookups.

A real ``dateline`` process ingests every input format and exports; a CPython audit
hook installed before dateline is imported records every connection, datagram, non-loopback
bind and host name lookup of the process.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

FIXTURES = Path(__file__).parent / "fixtures" / "read"

# Runs in the child: audit first, then the command line as the console script would.
CHILD = """
import sys

NETWORK = ("socket.connect", "socket.sendto", "socket.getaddrinfo", "socket.gethostbyname",
           "socket.gethostbyname_ex", "socket.gethostbyaddr", "urllib.Request",
           "http.client.connect")
LOOPBACK = ("::1", "127.0.0.1")

def audit(event, args):
    # urllib3 (under trafilatura) binds a socket to ::1 on import to probe for IPv6: a
    # loopback bind sends nothing anywhere.
    loopback_bind = event == "socket.bind" and args[1][0] in LOOPBACK
    if event in NETWORK or (event == "socket.bind" and not loopback_bind):
        sys.stderr.write(f"NETWORK {event} {args!r}\\n")

sys.addaudithook(audit)
from dateline.cli import main

sys.argv = ["dateline", *sys.argv[1:]]
main()
"""


def _dateline(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-c", CHILD, *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)


def test_ingest_and_export_open_no_network_connection(tmp_path: Path, seed_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("synthetic_page.html", "synthetic_feed.rss", "synthetic_three.jsonl"):
        shutil.copy(FIXTURES / name, corpus / name)
    shutil.copy(seed_path, corpus / "seed.txt")
    db = str(tmp_path / "n.db")
    ingest = _dateline("ingest", str(corpus), "--db", db, "--json")
    export = _dateline("export", "--format", "csv", "--db", db)
    version = _dateline("--version")
    for run in (ingest, export, version):
        assert "Traceback" not in run.stderr, run.stderr
        assert [line for line in run.stderr.splitlines() if line.startswith("NETWORK")] == []
    assert '"added": ' in ingest.stdout and '"added": 0' not in ingest.stdout
    assert export.stdout.startswith("id,document_id,dct")
