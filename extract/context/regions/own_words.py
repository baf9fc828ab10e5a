"""How a paper names its own unit (我区, 全市, 本县 …) and which unit such a word means."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

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


def find_own_words(text: str) -> list[tuple[int, int, str]]:
    """Every own word of `text`: (start, end, word); read once per text by its several users."""
    return [(m.start(), m.end(), m.group()) for m in own_words()[0].finditer(text)]


@lru_cache(maxsize=1)
def own_word_weights() -> dict[str, int]:
    return {r["word"]: int(r["weight"]) for r in load_table("region_own_words")}


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
