"""Observations: one per fact. A figure repeated within an article (title, summary, body) or reported
by two articles is one observation with several sources, never a sum.

Two facts are one observation when they are of the same indicator and period, both targets or both
reports, with the same value. The observation is quoted from its fullest statement: a figure written
from the records before one read inside a rate phrase, then the longer sentence (the body over the
title or a summary bullet: the longer paragraph), then the earlier document.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
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


def _line_length(fact: Fact) -> int:
    raw = fact.doc.norm.raw
    start = raw.rfind("\n", 0, fact.raw_start) + 1
    end = raw.find("\n", fact.raw_end)
    return (len(raw) if end < 0 else end) - start


def _quoted_first(fact: Fact) -> tuple:
    """The body's paragraph before a title or a summary bullet (a longer line), then the earlier text."""
    return (fact.source != "figure", -_line_length(fact), fact.doc.doc_date or date.max, fact.doc.name,
            fact.raw_start)


def _within(inner: tuple, outer: tuple) -> bool:
    """Region and zone `inner` lie inside `outer` (江苏省扬州市 holds 江苏省扬州市; a unit holds its zones)."""
    (region, zone), (outer_region, outer_zone) = inner, outer
    return region.startswith(outer_region) and (not outer_zone or zone == outer_zone)


def _place_repeats(facts: list[Fact]) -> None:
    """A figure repeated within one article is one fact even where the regions step placed its
    statements at different levels (a title in 通州区, the body in 北京市): each takes the most
    precise place of its repeats."""
    groups: dict[tuple, list[Fact]] = {}
    for fact in facts:
        ind = fact.indicator
        key = (fact.doc.name, ind.measure, ind.object, ind.size_class, ind.unit, ind.period_label, fact.is_target,
               round(fact.value, 6))
        groups.setdefault(key, []).append(fact)
    for members in groups.values():
        places = {(f.indicator.region, f.indicator.zone) for f in members}
        if len(places) < 2:
            continue
        for fact in members:
            here = (fact.indicator.region, fact.indicator.zone)
            inside = [p for p in places if p != here and _within(p, here) and p[0]]
            if inside and all(_within(p, inside[0]) or _within(inside[0], p) for p in inside):
                best = max(inside, key=lambda p: (len(p[0]), len(p[1])))
                fact.indicator = replace(fact.indicator, region=best[0], zone=best[1])


def merge(facts: list[Fact]) -> list[Observation]:
    _place_repeats(facts)
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
