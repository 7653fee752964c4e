"""The command line is documented: every command and option appears in the README."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from dateline.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
ROOT = typer.main.get_command(app)


def _commands(group: Any, prefix: str = "") -> list[tuple[str, Any]]:
    found = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        if hasattr(command, "commands"):  # a group (typer vendors its own click)
            found.extend(_commands(command, full + " "))
        else:
            found.append((full, command))
    return found


COMMANDS = _commands(ROOT)


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_command_and_options_are_in_readme(name: str, command: Any) -> None:
    assert f"dateline {name}" in README
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in README, f"{opt} of `dateline {name}` is not documented in README.md"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_help_has_an_example(name: str, command: Any) -> None:
    result = CliRunner().invoke(app, [*name.split(), "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout


def test_version_names_the_model() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert "en_core_web_sm" in result.stdout


# A read command's start-up: it runs its queries without the spaCy model's libraries.
_IMPORTED_WHEN_READING = """
import sys
sys.argv = ["dateline", *sys.argv[1:]]
from dateline.cli import main
try:
    main()
except SystemExit:
    pass
print(sorted(m for m in ("spacy", "thinc", "numpy", "fastapi") if m in sys.modules))
"""


@pytest.mark.parametrize(
    "command",
    [["pending", "--as-of", "2025-06-01"], ["timeline", "kim-jong-un"], ["events"], ["stories"]],
    ids=lambda c: c[0],
)
def test_read_commands_start_without_spacy(command: list[str], tmp_path: Path) -> None:
    import subprocess
    import sys

    from dateline.store import Store

    db = tmp_path / "reads.db"
    Store(str(db)).close()
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTED_WHEN_READING, *command, "--db", str(db)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr


def test_a_coded_error_no_command_reports_is_one_line(tmp_path: Path) -> None:
    """``eval events`` on a folder without expected files raises DL-E202 from deep in the
    evaluation; the entry point prints it as one line (exit 2), not as a traceback."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "dateline", "eval", "events", str(tmp_path)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"dateline: DL-E202 no articles with *.expected.json files in {tmp_path}"
    ]
