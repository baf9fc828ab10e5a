"""Extraction throughput in one process: the whole pipeline, each stage, and the peer beside it.

Each round runs, over the same documents: our pipeline as it is, our pipeline with stage
clocks installed, and (when installed) jionlp's money extraction, so the three share the
machine's state (load, caches) round by round and their ratio is fair even on a busy machine.
"""
from __future__ import annotations

import contextlib
import io
import time

from benchmarks.measure import STAGE_NAMES, StageClock, median, spread
from extract import extract_mentions

# What is left of a pipeline run once the named stages are taken out: mapping spans back to the
# raw text and building the records.
RECORDS = "records"


def load_peer():
    """(jionlp.ner.extract_money, version), or (None, why) when the optional extra is not installed."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):   # jionlp prints a banner on import
            import jionlp
    except ImportError as error:
        return None, f"jionlp not installed (pip install -e '.[peer]'): {error}"
    return jionlp.ner.extract_money, getattr(jionlp, "__version__", "?")


def _timed(fn, cpu: list) -> float:
    """Wall seconds of fn(); its CPU seconds (this process) go to `cpu`. On a busy machine the
    CPU time still says how much work a run is, where the wall time also says how long it waited."""
    cpu_start, start = time.process_time(), time.perf_counter()
    fn()
    cpu.append(time.process_time() - cpu_start)
    return time.perf_counter() - start


def throughput(docs: list[tuple[str, str]], *, rounds: int, with_peer: bool = True) -> dict:
    """chars/s and ms per document: pipeline, each stage (its own time only), and the peer."""
    chars = sum(len(text) for _, text in docs)
    peer, peer_version = load_peer() if with_peer else (None, "not asked for")

    def ours() -> int:
        return sum(len(extract_mentions(text, doc_name=name)) for name, text in docs)

    def theirs() -> int:
        return sum(len(peer(text)) for _, text in docs)

    figures = ours()                       # warm-up: rule tables loaded, patterns compiled, OpenCC opened
    amounts = theirs() if peer else None   # warm-up: jionlp's dictionaries
    whole, instrumented, stage_rounds, peer_seconds = [], [], [], []
    whole_cpu, instrumented_cpu, peer_cpu = [], [], []
    for _ in range(rounds):
        whole.append(_timed(ours, whole_cpu))
        clock = StageClock()
        with clock.installed():
            instrumented.append(_timed(ours, instrumented_cpu))
        clock.seconds[RECORDS] = max(0.0, instrumented[-1] - sum(clock.seconds.values()))
        stage_rounds.append(clock.seconds)
        if peer:
            peer_seconds.append(_timed(theirs, peer_cpu))

    result = {"documents": len(docs), "chars": chars, "figures": figures,
              "pipeline": {**_rates(whole, chars, len(docs)), "cpu_chars_per_s": chars / median(whole_cpu)},
              "stages": {}}
    total = median(instrumented)   # shares are of the run the stages were clocked in
    for stage in [*STAGE_NAMES.values(), RECORDS]:
        seconds = [r[stage] for r in stage_rounds if stage in r]
        if seconds:
            result["stages"][stage] = {**_rates(seconds, chars, len(docs)), "share": median(seconds) / total}
        else:
            result["stages"][stage] = {"missing": "extract.pipeline no longer calls this stage by that name"}
    if peer:
        result["peer"] = {"available": True, "function": "jionlp.ner.extract_money", "version": peer_version,
                          "amounts": amounts, **_rates(peer_seconds, chars, len(docs)),
                          "cpu_chars_per_s": chars / median(peer_cpu)}
        # per round, so that a round slowed by the machine slows both sides of the ratio
        ratios = [p / o for o, p in zip(whole, peer_seconds)]
        cpu_ratios = [p / o for o, p in zip(whole_cpu, peer_cpu)]
        result["ours_vs_peer_throughput"] = {"median": median(ratios), "min": min(ratios), "max": max(ratios),
                                             "cpu_median": median(cpu_ratios)}
    else:
        result["peer"] = {"available": False, "reason": peer_version}
    return result


def _rates(seconds: list[float], chars: int, n_docs: int) -> dict:
    mid = median(seconds)
    return {"seconds": spread(seconds), "chars_per_s": chars / mid if mid else None,
            "ms_per_doc": 1000 * mid / n_docs}
