"""``member_of_values`` (the reads' members built from a row's values in order) gives the
member ``member_of_link_row`` gives from the same row by name."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.link.compat import member_of_link_row, member_of_values
from dateline.link.pending_rows import MEMBER_KEYS
from dateline.link.settings import default_settings

ROWS = [
    ("ev:1", "doc:1", "2025-03-01", "VISIT", "planned", 1, "2025-04", "2025-04-01",
     "2025-04-30", "month", "story:a", None, "arrival + guest abroad",
     '[["FRA", "source", "FRA", 1]]', "Paris", "FRA", "city", "2025-04-01", "2025-04-30", 0),
    ("ev:2", "doc:2", "2025-03-02", "MEET", "negated", 0, None, None, None, None, None,
     "cancelled", None, '[["person-1", "target", null, 0], ["DEU", "source", "DEU", 1]]', None,
     None, None, "2025-03-02", "2025-03-02", 1),
    ("ev:3", "doc:2", "2025-03-02", "INVITE", "occurred", True, "2025-03-01", "2025-03-01",
     "2025-03-01", "day", "story:b", "moved", "visit + guest abroad", "[]", "Lyon", "FRA",
     "city", "2025-03-01", "2025-03-01", False),
]  # fmt: skip


@pytest.mark.parametrize("values", ROWS, ids=lambda r: r[0])
def test_a_member_of_values_is_the_member_of_its_row_by_name(values: tuple[Any, ...]) -> None:
    settings = default_settings()
    by_name = member_of_link_row(dict(zip(MEMBER_KEYS, values, strict=True)), settings)
    extra = ("said-by", "visit", "Title", "Outlet", "https://example.org/a")  # details after
    assert member_of_values((*values, *extra), settings) == by_name
    assert member_of_values(values, settings).cancelled == (values[11] == "cancelled")
    # only a VISIT whose cue ends in the guest marker is a guest's visit (ev:1, not ev:3)
    assert member_of_values(values, settings).guest == (values[0] == "ev:1")
