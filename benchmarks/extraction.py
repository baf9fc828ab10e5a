"""Extraction throughput in one process: the whole pipeline, each stage, and the peer beside it.

Each round runs, over the same documents: our pipeline as it is, our pipeline with stage
clocks installed, and (when installed) two peers built from jionlp: its money extraction alone, and
the pipeline a user could assemble from it (money, time phrases, place). All share the machine's
state (load, caches) round by round, so their ratios are fair even on a busy machine.
"""
from __future__ import annotations

import contextlib
import io
import time

import regex

from benchmarks.measure import STAGE_NAMES, StageClock, median, spread
from extract import extract_mentions

# What is left of a pipeline run once the named stages are taken out: mapping spans back to the
# raw text and building the records.
RECORDS = "records"


# The floor under any extractor written in Python: one pass of one compiled pattern over each text,
# finding every number that carries a unit of money or of a count, and nothing more (no object per
# figure, no context). Every peer and our pipeline read the text at least this once.
_ONE_PASS = regex.compile(r"[0-9０-９.]+[万亿]*(?:元|美元|个|家|项)")


def one_regex_pass(text: str) -> list:
    return _ONE_PASS.findall(text)


# What our pipeline is set beside, each timed on the same documents in the same rounds: the floor,
# and the peers a user could reach for instead.
PEERS = {
    "one_regex_pass": "one regex pass over the text for numbers with a unit: the floor, no peer",
    "jionlp_money": "jionlp.ner.extract_money: money amounts only",
    "jionlp_assembled": "jionlp extract_money + extract_time + recognize_location: the nearest pipeline a user "
                        "can assemble from jionlp (amounts, time phrases, the text's place)",
}


def load_peers() -> tuple[dict, str]:
    """({name: function of a text}, jionlp's version) of the jionlp peers, or ({}, why) when the
    optional extra is not installed."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):   # jionlp prints a banner on import
            import jionlp
    except ImportError as error:
        return {}, f"jionlp not installed (pip install -e '.[peer]'): {error}"
    money, time_phrases, place = jionlp.ner.extract_money, jionlp.ner.extract_time, jionlp.recognize_location

    def assembled(text: str) -> list:
        return [*money(text), *time_phrases(text), place(text)]

    return {"jionlp_money": money, "jionlp_assembled": assembled}, getattr(jionlp, "__version__", "?")


def _timed(fn, cpu: list) -> float:
    """Wall seconds of fn(); its CPU seconds (this process) go to `cpu`. On a busy machine the
    CPU time still says how much work a run is, where the wall time also says how long it waited."""
    cpu_start, start = time.process_time(), time.perf_counter()
    fn()
    cpu.append(time.process_time() - cpu_start)
    return time.perf_counter() - start


def throughput(docs: list[tuple[str, str]], *, rounds: int, with_peers: bool = True) -> dict:
    """chars/s and ms per document: pipeline, each stage (its own time only), and each peer."""
    chars = sum(len(text) for _, text in docs)
    peers, peer_version = load_peers() if with_peers else ({}, "not asked for")
    peers = {"one_regex_pass": one_regex_pass, **peers}

    def ours() -> int:
        return sum(len(extract_mentions(text, doc_name=name)) for name, text in docs)

    def run_peer(fn):
        return lambda: sum(len(fn(text)) for _, text in docs)

    figures = ours()                       # warm-up: rule tables loaded, patterns compiled, OpenCC opened
    for fn in peers.values():
        run_peer(fn)()                     # warm-up: jionlp's dictionaries
    whole, instrumented, stage_rounds = [], [], []
    whole_cpu, instrumented_cpu = [], []
    peer_wall = {name: [] for name in peers}
    peer_cpu = {name: [] for name in peers}
    for _ in range(rounds):
        whole.append(_timed(ours, whole_cpu))
        clock = StageClock()
        with clock.installed():
            instrumented.append(_timed(ours, instrumented_cpu))
        clock.seconds[RECORDS] = max(0.0, instrumented[-1] - sum(clock.seconds.values()))
        stage_rounds.append(clock.seconds)
        for name, fn in peers.items():
            peer_wall[name].append(_timed(run_peer(fn), peer_cpu[name]))

    result = {"documents": len(docs), "chars": chars, "figures": figures,
              "pipeline": {**_rates(whole, chars, len(docs)), "cpu_chars_per_s": chars / median(whole_cpu)},
              "stages": {}, "peers": {}}
    total = median(instrumented)   # shares are of the run the stages were clocked in
    for stage in [*STAGE_NAMES.values(), RECORDS]:
        seconds = [r[stage] for r in stage_rounds if stage in r]
        if seconds:
            result["stages"][stage] = {**_rates(seconds, chars, len(docs)), "share": median(seconds) / total}
        else:
            result["stages"][stage] = {"missing": "extract.pipeline no longer calls this stage by that name"}
    for name, what in PEERS.items():
        if name not in peers:
            result["peers"][name] = {"available": False, "what": what, "reason": peer_version}
            continue
        # per round, so that a round slowed by the machine slows both sides of the ratio
        ratios = [p / o for o, p in zip(whole, peer_wall[name])]
        cpu_ratios = [p / o for o, p in zip(whole_cpu, peer_cpu[name])]
        result["peers"][name] = {"available": True, "what": what,
                                 "version": regex.__version__ if name == "one_regex_pass" else peer_version,
                                 **_rates(peer_wall[name], chars, len(docs)),
                                 "cpu_chars_per_s": chars / median(peer_cpu[name]),
                                 "ours_vs_peer": {"median": median(ratios), "min": min(ratios), "max": max(ratios),
                                                  "cpu_median": median(cpu_ratios)}}
    return result


def _rates(seconds: list[float], chars: int, n_docs: int) -> dict:
    mid = median(seconds)
    return {"seconds": spread(seconds), "chars_per_s": chars / mid if mid else None,
            "ms_per_doc": 1000 * mid / n_docs}
