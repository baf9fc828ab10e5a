"""Linearity sweep: sentences of the bundled texts, each repeated into a long document, with its
punctuation and without it.

The pathological inputs are a fixed list of shapes; the sweep finds the ones nobody thought of.
A sentence repeated n times is one paragraph (as written) or one clause (punctuation removed) of
n copies of the same cues, places and figures, so any step that walks back over the cues, places
or phrases of a sentence per figure shows up as a per-character cost that grows with n. Each unit
is timed at a base length and at four times it (CPU time, the better of two runs); a unit whose
cost grows by more than GROWTH there is timed again at sixteen times, and is reported as growing
when it grows again. The sample of sentences is seeded, so a run is repeatable.
"""
from __future__ import annotations

import math
import random
import time
from pathlib import Path

import regex

from benchmarks.corpus import DEFAULT_SEED
from benchmarks.measure import median
from extract import extract_mentions

ROOT = Path(__file__).resolve().parent.parent
# The seeds, their follow-up articles and the constructed articles of the tests: every shape of
# prose the extractor is known to meet.
SOURCES = ("seeds/[0-9][0-9][0-9]_*.txt", "seeds/corpus/*.txt", "tests/data/rounds/*/*.txt")
GROWTH = 1.5           # per-character cost at 4x over 1x that calls for a look at 16x
GROWTH_AGAIN = 1.3     # ... and at 16x over 4x that reports the unit as growing
_SENTENCE = regex.compile(r"[^。！？!?\n]*(?:[。！？!?]|\n|$)")
_PUNCTUATION_AND_SPACE = regex.compile(r"[\p{P}\s]+")
_MIN_CHARS = 9


def sentences() -> list[str]:
    """Every distinct sentence of the bundled texts, stripped, in sorted order."""
    found = set()
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            for m in _SENTENCE.finditer(path.read_text(encoding="utf-8")):
                sentence = m.group().strip()
                if len(sentence) >= _MIN_CHARS:
                    found.add(sentence)
    return sorted(found)


def _cost(text: str) -> float:
    """CPU ns per character of one extraction, the better of two runs."""
    best = math.inf
    for _ in range(2):
        start = time.process_time()
        extract_mentions(text)
        best = min(best, time.process_time() - start)
    return 1e9 * best / len(text)


def sweep(units: int, base_chars: int, *, seed: int = DEFAULT_SEED) -> dict:
    pool = sentences()
    chosen = random.Random(seed).sample(pool, min(units, len(pool)))
    extract_mentions("2024年计划总投资10亿元的项目5个。")   # warm-up: rule tables, patterns, OpenCC
    ratios, growing = [], []
    for sentence in chosen:
        for form, unit in (("as written", sentence), ("no punctuation", _PUNCTUATION_AND_SPACE.sub("", sentence))):
            if not unit:
                continue
            repeats = max(1, base_chars // len(unit))
            base, four = _cost(unit * repeats), _cost(unit * 4 * repeats)
            ratios.append(four / base)
            if four / base > GROWTH:
                sixteen = _cost(unit * 16 * repeats)
                if sixteen / four > GROWTH_AGAIN:
                    growing.append({"unit": unit, "form": form, "repeats": [repeats, 4 * repeats, 16 * repeats],
                                    "ns_per_char": [base, four, sixteen]})
    return {"sentences_in_pool": len(pool), "sentences": len(chosen), "units": len(ratios),
            "base_chars": base_chars, "seed": seed,
            "growth_4x": {"median": median(ratios) if ratios else None, "max": max(ratios, default=None)},
            "growing": growing}
