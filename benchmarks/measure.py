"""Timing helpers: medians over rounds, never single runs; stage clocks inside the real pipeline."""
from __future__ import annotations

import math
import statistics
import time
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Callable

# The pipeline's stages, by the name extract.pipeline calls them under, in pipeline order.
STAGE_NAMES = {"normalize": "normalise", "Segments": "segment", "find_mentions": "find figures",
               "add_context": "context"}


def per_call_seconds(fn: Callable[[], object], *, rounds: int, min_round_seconds: float = 0.2,
                     cpu: list[float] | None = None) -> list[float]:
    """Seconds per call of `fn`, one value per round; short calls are repeated within a round
    until it lasts `min_round_seconds`, so timer resolution and noise do not dominate.
    When `cpu` is given, the CPU seconds per call of the same rounds are appended to it: on a
    shared machine they say how much work a call is, where wall time also says how long it waited.
    The caller warms up what `fn` uses first."""
    def timed(calls: int) -> float:
        cpu_start, start = time.process_time(), time.perf_counter()
        for _ in range(calls):
            fn()
        if cpu is not None:
            cpu.append((time.process_time() - cpu_start) / calls)
        return (time.perf_counter() - start) / calls

    first_cpu = len(cpu) if cpu is not None else 0
    first = timed(1)
    if first >= min_round_seconds:
        # a long call is its own round (the modules were warmed up before): saves one call of many seconds
        return [first] + [timed(1) for _ in range(rounds - 1)]
    if cpu is not None:
        del cpu[first_cpu:]          # the probe call is not a round
    calls = max(1, math.ceil(min_round_seconds / first)) if first > 0 else 1000
    return [timed(calls) for _ in range(rounds)]


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
                if isinstance(original, type):      # Segments.of(text) splits sentences and clauses
                    setattr(pipeline, name, SimpleNamespace(of=self._timed(stage, original.of)))
                else:
                    setattr(pipeline, name, self._timed(stage, original))
            yield self
        finally:
            for name, original in originals.items():
                setattr(pipeline, name, original)
