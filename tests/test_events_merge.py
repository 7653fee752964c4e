"""How mentions become events: one row per real event, ids unique by construction."""

from __future__ import annotations

from dateline.events.merge import assign_ids, event_id
from dateline.model import Event, Evidence


def _protest() -> Event:
    return Event(
        id="", type="PROTEST", plover="PROTEST", status="occurred", dated=False,
        evidence=[Evidence(0, 5, "Rally")],
    )  # fmt: skip


def test_events_that_hash_alike_still_get_distinct_stable_ids() -> None:
    first, second, third = _protest(), _protest(), _protest()
    assign_ids("sha256:x", [first, second, third])
    assert len({first.id, second.id, third.id}) == 3
    assert first.id == event_id("sha256:x", _protest())
    again = [_protest(), _protest(), _protest()]
    assign_ids("sha256:x", again)
    assert [e.id for e in again] == [first.id, second.id, third.id]
    assert all(e.id.startswith("protest-") for e in again)
