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


def _settle_repeats(facts: list[Fact]) -> None:
    """A figure repeated within one article is one fact even where its statements were read apart:
    the regions step placed a title in 通州区 and the body in 北京市, or only one statement names its
    period (16个产业项目总投资达83.2亿元 in the 一季度 paragraph, 83.2亿元 alone in the summary). Each
    takes the most precise place, the one period its repeats name and the event batch they name
    (集中开工); repeats that name two periods are two facts."""
    groups: dict[tuple, list[Fact]] = {}
    for fact in facts:
        ind = fact.indicator
        key = (fact.doc.name, ind.measure, ind.object, ind.size_class, ind.unit, fact.is_target, round(fact.value, 6))
        groups.setdefault(key, []).append(fact)
    for members in groups.values():
        if len(members) < 2:
            continue
        periods = {f.indicator.period for f in members if f.indicator.period is not None}
        batches = {f.indicator.batch for f in members if f.indicator.batch}
        places = {(f.indicator.region, f.indicator.zone) for f in members}
        if len(periods) > 1:
            continue
        period = periods.pop() if periods else None
        # the same sum of one article's event said twice (a summary and the body) is of one batch
        batch = min(batches) if batches else ""
        known = [p for p in places if p[0]]
        nested = all(_within(a, b) or _within(b, a) for a in known for b in known)
        for fact in members:
            ind = fact.indicator
            here = (ind.region, ind.zone)
            inside = [p for p in known if p != here and _within(p, here)] if nested else []
            best = max(inside, key=lambda p: (len(p[0]), len(p[1]))) if inside else here
            fact.indicator = replace(ind, region=best[0], zone=best[1], period=period, batch=batch)


def merge(facts: list[Fact]) -> list[Observation]:
    _settle_repeats(facts)
    groups: dict[tuple, list[Fact]] = {}
    for fact in facts:
        ind = fact.indicator
        key = (ind.series, ind.period_label, fact.is_target, round(fact.value, 6))
        groups.setdefault(key, []).append(fact)
    out = []
    for members in groups.values():
        # most facts are stated once: nothing to order or choose among
        if len(members) > 1:
            members.sort(key=lambda f: (f.doc.name, f.raw_start))
        quoted = min(members, key=_quoted_first) if len(members) > 1 else members[0]
        rate = quoted.rate or next((f.rate for f in members if f.rate is not None), None)
        obs_id = f"{quoted.doc.name}#{quoted.raw_start}"
        out.append(Observation(obs_id, members, quoted, rate))
    out.sort(key=lambda o: (o.fact.doc.name, o.fact.raw_start))
    return out
