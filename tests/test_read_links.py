"""Symbolic links inside an ingested directory do not lead out of it unless asked to."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from dateline.cli import app
from dateline.errors import DatelineError
from dateline.model import Article
from dateline.read import read_paths
from dateline.store import Store
from dateline.store import schema as t

ARTICLE = "date 2025-03-0{day}  {title}\n\nChile and Peru signed a fisheries accord in Lima.\n"


def _article(path: Path, title: str, day: int = 3) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(day=day, title=title), encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """root/ with one article, links out of it to a file and a directory, links inside it."""
    root = tmp_path / "root"
    _article(root / "inside.txt", "Inside")
    _article(root / "sub" / "deeper.txt", "Deeper", day=4)
    outside = tmp_path / "outside"
    _article(outside / "secret.txt", "Secret", day=5)
    _article(outside / "more" / "secret2.txt", "Secret two", day=6)
    (root / "passwd.txt").symlink_to(outside / "secret.txt")
    (root / "outdir").symlink_to(outside / "more", target_is_directory=True)
    (root / "alias.txt").symlink_to(root / "inside.txt")
    (root / "subalias").symlink_to(root / "sub", target_is_directory=True)
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    return root


def _split(items: list[Article | DatelineError]) -> tuple[set[str], list[DatelineError]]:
    titles = {i.title or "" for i in items if isinstance(i, Article)}
    return titles, [i for i in items if isinstance(i, DatelineError)]


def test_links_leading_out_of_an_ingested_directory_are_skipped_with_a_code(tree: Path) -> None:
    titles, errors = _split(list(read_paths([str(tree)])))
    assert titles == {"Inside", "Deeper"}
    assert sorted((Path(e.path or "").name, e.code) for e in errors) == [
        ("outdir", "DL-E082"),
        ("passwd.txt", "DL-E082"),
    ]
    assert all("--follow-links" in str(e) for e in errors)


def test_a_link_inside_the_directory_is_read_where_it_leads(tree: Path) -> None:
    items = list(read_paths([str(tree)]))
    origins = sorted(Path(i.origin or "").name for i in items if isinstance(i, Article))
    # alias.txt is a second copy of inside.txt (same text: stored once); subalias/ is
    # skipped because sub/ is read anyway.
    assert origins == ["alias.txt", "deeper.txt", "inside.txt"]


def test_follow_links_reads_what_links_lead_to_and_stops_at_loops(tree: Path) -> None:
    titles, errors = _split(list(read_paths([str(tree)], follow_links=True)))
    assert titles == {"Inside", "Deeper", "Secret", "Secret two"}
    assert errors == []


def test_a_link_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    target = _article(tmp_path / "elsewhere" / "a.txt", "Named")
    (tmp_path / "named.txt").symlink_to(target)
    titles, errors = _split(list(read_paths([str(tmp_path / "named.txt")])))
    assert (titles, errors) == ({"Named"}, [])


@pytest.mark.model
def test_ingest_does_not_store_a_linked_system_file(tmp_path: Path) -> None:
    root = tmp_path / "news"
    _article(root / "inside.txt", "Inside")
    (root / "passwd.txt").symlink_to("/etc/passwd")
    db = str(tmp_path / "d.db")
    result = CliRunner().invoke(app, ["ingest", str(root), "--db", db])
    assert result.exit_code == 1
    assert "added 1, unchanged 0, rejected 1 documents" in result.stdout
    assert f"{root / 'passwd.txt'}: DL-E082" in result.stderr
    with Store(db) as store, store.engine.connect() as conn:
        texts = [row.text for row in conn.execute(select(t.documents.c.text))]
        assert [r["code"] for r in store.rejects()] == ["DL-E082"]
    assert len(texts) == 1
    assert "fisheries accord" in texts[0]
    followed = CliRunner().invoke(app, ["ingest", str(root), "--db", db, "--follow-links"])
    assert "DL-E082" not in followed.stderr  # read now (and rejected as not an article)
