"""Links: a target and the later reports of the same indicator, across articles.

A report answers a target when it is of the same unit today and the same zone (南通市通州区 is not
北京市通州区), the same measure, object, size class and unit, covers a period inside the target's
from its start (1-5月 of a 2025 goal; never another year), and is published no earlier than it.
A report of a narrower or broader class (制造业 only, 重大项目 for 超5亿元重大制造业项目) or of a
measure of the same family (签约并注册 for 签约) is linked as partial, and only to a target that no
report of its exact indicator answers. Each link says in words why it was made.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from extract.ledger.labels import label
from extract.ledger.observations import Observation
from extract.tracking.periods import covers


@dataclass
class Link:
    target: Observation
    report: Observation
    kind: str          # exact | partial
    reason: str

    @property
    def progress(self) -> Optional[float]:
        return self.report.value / self.target.value if self.target.value else None

    @property
    def final(self) -> bool:
        """The report covers the whole period of the target."""
        return self.report.indicator.period.end >= self.target.indicator.period.end


def _tokens(ind) -> set[str]:
    return set(ind.object.split("+")[1:]) | set(filter(None, ind.size_class.split("|")))


def _class_words(ind) -> str:
    return label(ind.object) + (f"（{label(ind.size_class)}）" if ind.size_class else "")


def _comparable(t, r) -> Optional[str]:
    """'exact', 'partial' or None for a target's and a report's indicators (periods aside)."""
    if not t.region or t.region != r.region or t.zone != r.zone or t.unit != r.unit or not t.measure:
        return None
    if t.series == r.series:
        return "exact"
    if t.family != r.family or t.object.split("+")[0] != r.object.split("+")[0]:
        return None
    a, b = _tokens(t), _tokens(r)
    return "partial" if (a <= b or b <= a) else None


def _reason(target: Observation, report: Observation, kind: str) -> str:
    t, r = target.indicator, report.indicator
    where = t.zone or t.region
    words = (f"同一地区（{where}）、同一指标（{label(t.measure)}{_class_words(t)}），"
             f"实绩周期{r.period_label}在目标周期{t.period_label}之内")
    if kind == "partial":
        words += (f"；口径不同：目标为{label(t.measure)}{_class_words(t)}，"
                  f"实绩为{label(r.measure)}{_class_words(r)}，仅作参考")
    if target.fact.doc.name == report.fact.doc.name:
        words += "；同一篇报道"
    return words


def link(observations: list[Observation]) -> list[Link]:
    targets = [o for o in observations if o.is_target and o.indicator.period is not None]
    reports = [o for o in observations if not o.is_target and o.indicator.period is not None]
    links = []
    for target in targets:
        t = target.indicator
        found = {"exact": [], "partial": []}
        for report in reports:
            r = report.indicator
            kind = _comparable(t, r)
            if kind is None or not covers(t.period, r.period):
                continue
            set_on, reported_on = target.doc_date, report.doc_date
            if set_on is not None and reported_on is not None and reported_on < set_on:
                continue
            found[kind].append(report)
        kind = "exact" if found["exact"] else "partial"
        for report in found[kind]:
            item = Link(target, report, kind, _reason(target, report, kind))
            target.links.append(item)
            links.append(item)
    return links
