"""dateline.actors and dateline.link load their names when first used (dateline.lazy)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import dateline.link as link
before = "dateline.link.query" in sys.modules
story = link.story
print(before, "dateline.link.query" in sys.modules, vars(link)["story"] is story)
try:
    link.no_such_name
except AttributeError as exc:
    print(exc)
"""


def test_a_name_is_imported_from_its_submodule_on_first_use_and_kept() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [
        "False True True",
        "module 'dateline.link' has no attribute 'no_such_name'",
    ]
