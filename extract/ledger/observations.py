"""Observations: one per fact. A figure repeated within an article (title, summary, body) or reported
by two articles is one observation with several sources, never a sum.

Two facts are one observation when they are of the same indicator and period, both targets or both
reports, with the same value. The observation is quoted from its fullest statement: a figure written
from the records before one read inside a rate phrase, then the longer sentence (the body over the
title or a summary bullet), then the earlier document.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from extract.ledger.facts import Fact


@dataclass
class Observation:
    observation_id: str
    sources: list[Fact]
    fact: Fact                    # the source it is quoted from
    rate: Optional[object] = None
    links: list = field(default_factory=list)

    @property
    def indicator(self):
        return self.fact.indicator

    @property
    def is_target(self) -> bool:
        return self.fact.is_target

    @property
    def value(self) -> float:
        return self.fact.value

    @property
    def doc_date(self) -> Optional[date]:
        known = [f.doc.doc_date for f in self.sources if f.doc.doc_date is not None]
        return min(known) if known else None

    @property
    def as_of(self) -> Optional[date]:
        """The day a report's figure stands at: the end of its period, or its publication if earlier."""
        period = self.indicator.period
        if period is None:
            return self.doc_date
        published = self.doc_date
        return min(period.end, published) if published else period.end


def _quoted_first(fact: Fact) -> tuple:
    return (fact.source != "figure", -len(fact.record.get("sentence") or ""),
            fact.doc.doc_date or date.max, fact.doc.name, fact.raw_start)


def merge(facts: list[Fact]) -> list[Observation]:
    groups: dict[tuple, list[Fact]] = {}
    for fact in facts:
        ind = fact.indicator
        key = (ind.series, ind.period_label, fact.is_target, round(fact.value, 6))
        groups.setdefault(key, []).append(fact)
    out = []
    for members in groups.values():
        members.sort(key=lambda f: (f.doc.name, f.raw_start))
        quoted = min(members, key=_quoted_first)
        rate = quoted.rate or next((f.rate for f in members if f.rate is not None), None)
        obs_id = f"{quoted.doc.name}#{quoted.raw_start}"
        out.append(Observation(obs_id, members, quoted, rate))
    out.sort(key=lambda o: (o.fact.doc.name, o.fact.raw_start))
    return out
