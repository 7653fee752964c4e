"""A story's state as of each of its article dates (``story_states``, migration 16), so that
``pending --as-of D`` reads the state of a story also reported after D instead of
folding it from its reports up to D (pure functions; the table and its triggers are in
:mod:`dateline.link.history_table`).

A row ``(story_id, dct, next_dct, state, type, earliest, latest)`` is the story's state
after every report dated up to ``dct`` (what :func:`dateline.link.state.story_state` of
those reports gives), and it holds until ``next_dct``, the date of the story's next report
(NULL: none known yet). The state as of D is the row with the greatest ``dct`` up to D,
when D is before its ``next_dct``; otherwise the rows do not say (a report was added,
changed or removed since, and its row is not written yet) and the story is folded from
its reports as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dateline.link.compat import Member
from dateline.link.settings import LinkSettings
from dateline.link.state import Fold, StoryState, canonical_key
from dateline.link.story_view import PendingKey, is_pending

#: the columns of a row, in order
COLUMNS = ("story_id", "dct", "next_dct", "state", "type", "earliest", "latest")

#: what :func:`judge` answers when the rows do not tell the state as of the day
FOLD = "fold"


def state_row(story_id: str, dct: str, next_dct: str | None, state: StoryState) -> tuple[Any, ...]:
    """The row of a story's state after its reports up to ``dct``."""
    time = state.time
    return (story_id, dct, next_dct, state.state, state.type, time.get("earliest"),
            time.get("latest"))  # fmt: skip


def history(
    story_id: str, members: list[Member], settings: LinkSettings
) -> Iterator[tuple[Any, ...]]:
    """A story's rows, one per article date, from all its members: one fold, the state
    taken before each new date."""
    fold = Fold(settings)
    last: str | None = None
    for m in sorted(members, key=lambda m: canonical_key(m, settings)):
        if last is not None and m.dct != last:
            yield state_row(story_id, last, m.dct, fold.state())
        fold.add(m)
        last = m.dct
    if last is not None:
        yield state_row(story_id, last, None, fold.state())


def judge(
    row: tuple[Any, ...], first_dct: str, day: str, settings: LinkSettings
) -> PendingKey | str | None:
    """The pending sort key of a story as of ``day`` from its row with the greatest date up
    to ``day`` (``COLUMNS``; its dct None when it has none), None when it is not pending
    then, :data:`FOLD` when the row does not tell (as :func:`dateline.link.story_view.
    pending_key` of its reports up to ``day``; the first report is ``first_dct``)."""
    story_id, dct, next_dct, state, kind, earliest, latest = row
    if dct is None or (next_dct is not None and next_dct <= day):
        return FOLD
    found = {"state": state, "time": {"latest": latest}, "type": kind,
             "latest_evidence": {"dct": dct}}  # fmt: skip
    if not is_pending(found, day, settings):
        return None
    return (earliest or "9999", first_dct, story_id)
