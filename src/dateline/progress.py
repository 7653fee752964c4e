"""Progress display for long commands: a rich bar on a terminal, silence elsewhere."""

from __future__ import annotations

from typing import Any

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.progress import Progress as RichProgress

from dateline.errors import DatelineError


class Progress:
    """Counts articles and rejects; ``report`` is the ingest callback."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._bar: RichProgress | None = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        if self.enabled:
            self._bar = RichProgress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                MofNCompleteColumn(), TimeElapsedColumn(), transient=True,
            )  # fmt: skip
            self._bar.__enter__()
            self._task = self._bar.add_task("articles", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)

    def report(self, kind: str, payload: Any) -> None:
        if self._bar is None:
            return
        if kind == "reject" and isinstance(payload, DatelineError):
            self._bar.console.print(str(payload), markup=False, highlight=False)
        self._bar.advance(self._task)
