"""How a paper names its own unit (我区, 全市, 本县 …) and which unit such a word means."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import ahocorasick_rs
import regex

from extract.context.gazetteer import PROVINCE, gazetteer
from extract.rules import alternation, load_table

NARROWNESS = {"省": 0, "市": 1, "区": 2, "县": 2}   # unit types of the own words, broadest first


@lru_cache(maxsize=1)
def own_words() -> tuple[regex.Pattern, dict[str, str]]:
    """The own words as one pattern, and each word's unit type (rules/region_own_words.tsv)."""
    rows = {r["word"]: r["unit_type"] for r in load_table("region_own_words")}
    table = load_table("region_own_comparisons")
    after = "|".join(r["pattern"] for r in table if r["side"] == "after")
    before = "|".join(r["pattern"] for r in table if r["side"] == "before")
    # 本市场, 全区域 are not the paper's own region; 居全市第2位, 占全市的3.7% compare with it.
    return regex.compile(rf"(?<!{before})(?:{alternation(rows)})(?!{after})"), rows


@lru_cache(maxsize=1)
def _own_word_starts() -> tuple[ahocorasick_rs.AhoCorasick, bool]:
    """An automaton over the own words, and whether it must report overlapping matches to find
    every start of one: only when an own word can start inside another's occurrence (a word's
    tail starts a word, or holds one); otherwise the faster leftmost-longest reading finds them all."""
    words = list(own_words()[1])
    overlapping = any(v.startswith(w[i:]) or v in w[i:] for w in words for i in range(1, len(w)) for v in words)
    kind = ahocorasick_rs.MatchKind.Standard if overlapping else ahocorasick_rs.MatchKind.LeftmostLongest
    return ahocorasick_rs.AhoCorasick(words, matchkind=kind), overlapping


def find_own_words(text: str) -> list[tuple[int, int, str]]:
    """Every own word of `text`: (start, end, word), as own_words()'s pattern finds them scanning
    the text; read once per text by its several users.

    The pattern is tried only where the automaton (native code, a third of the cost of the
    pattern's own scan) finds an own word starting (_own_word_starts): a match starts with one, and at such a start
    the pattern decides as it does while scanning (its lookbehind sees the text before)."""
    pattern = own_words()[0]
    automaton, overlapping = _own_word_starts()
    found = []
    reached = 0
    for start in sorted({start for _, start, _ in automaton.find_matches_as_indexes(text, overlapping=overlapping)}):
        if start >= reached:
            m = pattern.match(text, start)
            if m is not None:
                found.append((start, m.end(), m.group()))
                reached = m.end()
    return found


@lru_cache(maxsize=1)
def own_word_weights() -> dict[str, int]:
    return {r["word"]: int(r["weight"]) for r in load_table("region_own_words")}


@lru_cache(maxsize=None)   # a unit's level and name never change: a few questions per unit, asked per text
def is_of_type(key: str, unit_type: str) -> bool:
    """Whether the unit is of the type an own word names (省, 市, 区, 县)."""
    unit = gazetteer().units[key]
    return unit.level == PROVINCE if unit_type == "省" else unit.name.endswith(unit_type)


def own_unit(unit_type: str, context: Optional[str]) -> Optional[str]:
    """The unit 全市/我区 … means inside `context`: itself or the nearest unit above of that type."""
    if context is None:
        return None
    for key in reversed(gazetteer().chain(context)):
        if is_of_type(key, unit_type):
            return key
    return context   # 全区 inside a development zone's section is the zone itself
