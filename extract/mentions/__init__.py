"""Find money amounts and counts in normalised text.

A `Mention` is in normalised coordinates; the pipeline maps it back to the raw text. Money and
counts may overlap (20亿元项目5个 holds both); within one kind, overlapping candidates are
resolved by preferring the earlier, then the longer.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from extract.normalize import Normalized


@dataclass
class Mention:
    start: int
    end: int
    kind: str                     # money | count
    value: Decimal
    value_max: Optional[Decimal]
    currency: Optional[str]
    unit: str
    qualifier: str
    counted: Optional[str]
    number_start: int             # where the numeral itself starts (context rules look around it)
    number_end: int


def find_mentions(norm: Normalized) -> list[Mention]:
    from extract.mentions.counts import find_counts
    from extract.mentions.money import find_money

    found = _resolve_overlaps(find_money(norm.text)) + _resolve_overlaps(find_counts(norm.text))
    return sorted(found, key=lambda m: (m.start, m.kind))


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.number_start, -(m.end - m.start))):
        if kept and m.number_start < kept[-1].number_end:
            continue
        kept.append(m)
    return kept
