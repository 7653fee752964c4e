"""dateline from Python in one import: extract one article, then build a database from
the example corpus and ask it what happened, what is pending and how a story went.

Run: python examples/api_example.py [DATABASE]   (default: a temporary file)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import dateline

CORPUS = Path(__file__).parent / "corpus"


def main(db_path: str) -> None:
    doc = dateline.extract(
        "Chile's president will visit Hanoi next month, the foreign ministry said.",
        dct="2026-02-01",
    )
    for event in doc["events"]:
        print("extracted:", event["type"], event["status"], event["time"]["value"])

    with dateline.open(db_path) as db:
        summary = db.ingest([CORPUS])  # a rejected article is listed, never raised
        print(f"ingested: added {summary.added}, rejected {summary.rejected}")
        for line in summary.rejects:
            print("rejected:", line)
        for event in db.timeline(type="VISIT"):
            print("visit:", event["time"]["value"] or "undated", event["status"], event["source"])
        for story in db.pending(as_of="2026-02-25"):
            print("pending:", story["type"], story["status"], story["time"]["value"])
        treaties = db.stories(type="AGREE", state="occurred")
        story = db.story(treaties[0]["id"])
        assert story is not None
        print("story:", story["id"], story["status"], len(story["history"]), "reports")
        for entry in story["history"]:
            print("  ", entry["dct"], entry["status"], entry["source"])


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(sys.argv[1])
    else:
        with tempfile.TemporaryDirectory() as tmp:
            main(str(Path(tmp) / "example.db"))
