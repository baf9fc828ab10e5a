"""Cost growth: per-character cost from 1 KB to 10 MB documents, and pathological inputs.

Linear cost means a flat per-character cost; the ratio of the largest to the smallest
per-character cost is what the target (<= 1.5) bounds, in wall time and in CPU time (the CPU
ratio is the one a shared machine's load disturbs least: sizes run one after another). For pathological inputs the growth
ratio is the per-character cost at the largest size over that at the smallest, and `exponent`
is the slope of log(time) over log(size) between the last two sizes (1 linear, 2 quadratic).
A size whose run the slope so far predicts to exceed the budget is skipped and said so (a slope
above 1.2 is taken as at least 2 for that prediction: superlinear costs tend to steepen).
"""
from __future__ import annotations

import math
import time

import regex

from benchmarks.corpus import DEFAULT_SEED, text_of_size
from benchmarks.measure import median, spread
from extract import extract_mentions

# A round of a size repeats its call until it lasts this long, so timer resolution does not count.
MIN_ROUND_SECONDS = 0.2
_PUNCTUATION_AND_SPACE = regex.compile(r"[\p{P}\p{S}\s]+")


def _no_punctuation(n_bytes: int) -> str:
    return _PUNCTUATION_AND_SPACE.sub("", text_of_size(n_bytes * 2))[: n_bytes // 3]


# name -> (what it is, how to make n units, unit of n)
PATHOLOGICAL = {
    "repeated_yi": ("亿 repeated", lambda n: "亿" * n, "times"),
    "digits": ("one run of digits", lambda n: ("1234567890" * (n // 10 + 1))[:n], "chars"),
    "no_punctuation": ("news text with every punctuation mark and space removed", _no_punctuation, "bytes"),
    "repeated_duo": ("多 repeated", lambda n: "多" * n, "times"),
    "duo_amounts": ("100多亿多 repeated (approximate amounts back to back)", lambda n: "100多亿多" * n, "times"),
    "unclosed_pinyin": ("項(xiàng repeated: pinyin glosses never closed", lambda n: "項(xiàng" * n, "times"),
    "own_words": ("全区 repeated before one figure (a clause of nothing but subjects)",
                  lambda n: "全区" * n + "新签约项目30个。", "times"),
    "recipients": ("下达海门 repeated before one figure (places handed targets, no clause mark)",
                   lambda n: "下达海门" * n + "项目30个。", "times"),
    "interviews": ("——访海门区委书记 张三 repeated (interview headers on one line)",
                   lambda n: "——访海门区委书记 张三" * n + "项目30个。", "times"),
    "short_lines": ("prose broken into lines of 31 characters", lambda n: ("项目建设稳步推进全年计划完成投资二十亿元，各项工作有序开展\n" * n), "lines"),
}


def measure_sizes(make, sizes, *, rounds: int, budget_seconds: float, extractor=extract_mentions) -> dict:
    """Per-character cost at each size, skipping sizes predicted over budget.

    `make(n)` gives one text of size n, or a list of texts of size n measured together. Sizes
    are first tried once each in increasing order (which sets how many calls make a round, and
    predicts from the slope so far whether the next size fits the budget); then the rounds go
    over all sizes in turn, so that a change in the machine's load touches every size alike.
    `extractor` is what is timed on each text: our pipeline, or a peer's function.
    """
    extractor("2024年计划总投资10亿元的项目5个。")   # warm-up: rule tables, patterns, dictionaries
    planned, skipped = [], []
    for n in sizes:
        if planned:
            last = planned[-1]
            slope = 1.0
            if len(planned) >= 2:
                before = planned[-2]
                slope = math.log(last["probe"] / before["probe"]) / math.log(last["n"] / before["n"])
            # a slope measured over small sizes understates what follows: past 1.2, assume at least quadratic
            slope = max(2.0, slope) if slope > 1.2 else max(1.0, slope)
            predicted = last["probe"] * (n / last["n"]) ** slope
            if predicted > budget_seconds:
                skipped.append({"n": n, "predicted_seconds": predicted})
                continue
        made = make(n)
        texts = [made] if isinstance(made, str) else made
        start = time.perf_counter()
        figures = sum(len(extractor(text)) for text in texts)
        probe = time.perf_counter() - start
        planned.append({"n": n, "texts": texts, "figures": figures, "probe": probe,
                        "calls": max(1, math.ceil(MIN_ROUND_SECONDS / probe)) if probe > 0 else 1000,
                        "wall": [], "cpu": []})
    for _ in range(rounds):
        for plan in planned:
            texts, calls = plan["texts"], plan["calls"]
            cpu_start, start = time.process_time(), time.perf_counter()
            for _ in range(calls):
                for text in texts:
                    extractor(text)
            plan["wall"].append((time.perf_counter() - start) / calls)
            plan["cpu"].append((time.process_time() - cpu_start) / calls)
    points = []
    for plan in planned:
        texts, chars = plan["texts"], sum(map(len, plan["texts"]))
        seconds = median(plan["wall"])      # for all `texts` together
        point = {"n": plan["n"], "documents": len(texts), "chars": chars,
                 "bytes_per_document": max(len(text.encode("utf-8")) for text in texts),
                 "seconds_per_call": seconds / len(texts), "timings": spread(plan["wall"]),
                 "ns_per_char": 1e9 * seconds / max(1, chars),
                 "cpu_ns_per_char": 1e9 * median(plan["cpu"]) / max(1, chars),
                 "figures_per_1000_chars": 1000 * plan["figures"] / max(1, chars), "exponent": None}
        if points:
            prev = points[-1]
            point["exponent"] = 1 + math.log(point["ns_per_char"] / prev["ns_per_char"]) / math.log(point["n"] / prev["n"])
        points.append(point)
    costs = [p["ns_per_char"] for p in points]
    cpu_costs = [p["cpu_ns_per_char"] for p in points]
    return {"points": points, "skipped": skipped,
            "per_char_ratio_max_min": max(costs) / min(costs) if costs else None,
            "cpu_per_char_ratio_max_min": max(cpu_costs) / min(cpu_costs) if cpu_costs else None,
            "growth_ratio_last_first": costs[-1] / costs[0] if costs else None,
            "exponent_last": points[-1]["exponent"] if points else None}


def document_growth(sizes_bytes, *, rounds: int, budget_seconds: float, sample_bytes: int) -> dict:
    """Our per-character cost at each size, and jionlp's money extraction's on the same documents.

    Below `sample_bytes` a size is measured on several different documents, so that the small sizes
    see the same mix of prose, headings and figures as the large ones, not a few documents' luck
    (context costs per figure: 200 KB samples differed by half in figures per character)."""
    from benchmarks.extraction import load_peers

    def documents(n: int) -> list[str]:
        count = max(1, sample_bytes // n)
        return [text_of_size(n, seed=DEFAULT_SEED + 7919 * j) for j in range(count)]

    result = measure_sizes(documents, sizes_bytes, rounds=rounds, budget_seconds=budget_seconds)
    result["sizes"] = f"UTF-8 bytes per document of generated news text; below {sample_bytes:,} bytes, " \
                      f"{sample_bytes:,} bytes' worth of different documents of that size"
    peers, version = load_peers()
    if "jionlp_money" in peers:
        result["peer"] = {"available": True, "function": "jionlp.ner.extract_money", "version": version,
                          **measure_sizes(documents, sizes_bytes, rounds=rounds, budget_seconds=budget_seconds,
                                          extractor=peers["jionlp_money"])}
    else:
        result["peer"] = {"available": False, "reason": version}
    return result


def pathological(size_plan: dict[str, tuple[int, ...]], *, rounds: int, budget_seconds: float) -> dict:
    results = {}
    for name, (what, make, unit) in PATHOLOGICAL.items():
        results[name] = {"input": what, "unit": unit,
                         **measure_sizes(make, size_plan[unit], rounds=rounds, budget_seconds=budget_seconds)}
    return results
