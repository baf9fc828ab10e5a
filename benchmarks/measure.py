"""Timing helpers: medians over rounds, never single runs; stage clocks inside the real pipeline."""
from __future__ import annotations

import statistics
import time
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Callable

# The pipeline's stages, by the name extract.pipeline calls them under, in pipeline order.
STAGE_NAMES = {"normalize": "normalise", "Document": "document", "find_mentions": "find figures",
               "add_context": "context"}


def median(values) -> float:
    return statistics.median(values)


def spread(values) -> dict:
    """Median with min and max, so a reader sees how steady a measurement was."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "rounds": len(values)}


class StageClock:
    """Seconds spent in each pipeline stage, measured by wrapping the names extract.pipeline calls.

    The pipeline module is left as written: the wrappers are installed for a `with` block only and
    add two clock reads per stage call. Stages the pipeline no longer calls by these names are
    reported as missing instead of as zero.
    """

    def __init__(self):
        self.seconds: dict[str, float] = {}

    def _timed(self, stage: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start
        return timed

    @contextmanager
    def installed(self):
        import extract.pipeline as pipeline

        originals = {name: getattr(pipeline, name) for name in STAGE_NAMES if hasattr(pipeline, name)}
        try:
            for name, original in originals.items():
                stage = STAGE_NAMES[name]
                self.seconds.setdefault(stage, 0.0)
                if isinstance(original, type):      # Document.of(norm, meta): segments and dates, once
                    setattr(pipeline, name, SimpleNamespace(of=self._timed(stage, original.of)))
                else:
                    setattr(pipeline, name, self._timed(stage, original))
            yield self
        finally:
            for name, original in originals.items():
                setattr(pipeline, name, original)
