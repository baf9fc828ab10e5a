"""Links: a target and the later reports of the same indicator, across articles.

A report answers a target when it is of the same unit today and the same zone (南通市通州区 is not
北京市通州区), the same measure, object, size class and unit, covers a period inside the target's
from its start (1-5月 of a 2025 goal; never another year), and is published no earlier than it.
A report of a narrower or broader class (制造业 only, 重大项目 for 超5亿元重大制造业项目) or of a
measure of the same family (签约并注册 for 签约) is linked as partial, and only to a target that no
report of its exact indicator answers. In an article that states several targets of one indicator
(each project's plan for the year), a report answers the one written nearest to it. Totals of a
batch of projects (总投资) are no goal of a period and are never linked; the figures of one event's
batch (此次集中开工的10个项目) are linked only to each other. Each link says in words why
it was made.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from extract.ledger.indicators import untracked_measures
from extract.ledger.labels import label
from extract.ledger.observations import Observation
from extract.ledger.periods import covers


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
    if not t.region or t.region != r.region or t.zone != r.zone or t.unit != r.unit or not t.measure \
            or t.batch != r.batch:
        return None
    if t.series == r.series:
        return "exact"
    if t.family != r.family or t.object.split("+")[0] != r.object.split("+")[0]:
        return None
    a, b = _tokens(t), _tokens(r)
    # one class inside the other, and both named: a batch of any size (18个代表性项目) is no class
    return "partial" if (a <= b or b <= a) and a and b else None


def _reason(target: Observation, report: Observation, kind: str) -> str:
    t, r = target.indicator, report.indicator
    where = t.zone or t.region
    words = (f"同一地区（{where}）、同一指标（{label(t.measure)}{_class_words(t)}），"
             f"实绩周期{r.period_label}在目标周期{t.period_label}之内")
    if kind == "partial":
        words += (f"；口径不同：目标为{label(t.measure)}{_class_words(t)}，"
                  f"实绩为{label(r.measure)}{_class_words(r)}，仅作参考")
    if t.batch:
        words += "；同一批集中开工或签约的项目"
    if target.fact.doc.name == report.fact.doc.name:
        words += "；同一篇报道"
    return words


def _distance(target: Observation, report: Observation) -> Optional[int]:
    """How far apart the two are written in an article that states both (None: no such article)."""
    gaps = [abs(t.raw_start - r.raw_start) for t in target.sources for r in report.sources if t.doc is r.doc]
    return min(gaps) if gaps else None


def _candidates(targets: list[Observation], reports: list[Observation]) -> list[tuple]:
    # a report is comparable only with a target of its place and unit (_comparable): each target
    # meets the reports of its own key, not every report
    by_key: dict[tuple, list[Observation]] = {}
    for report in reports:
        r = report.indicator
        by_key.setdefault((r.region, r.zone, r.unit), []).append(report)
    found = []
    for target in targets:
        t = target.indicator
        for report in by_key.get((t.region, t.zone, t.unit), ()):
            r = report.indicator
            kind = _comparable(t, r)
            if kind is None or not covers(t.period, r.period):
                continue
            set_on, reported_on = target.doc_date, report.doc_date
            if set_on is not None and reported_on is not None and reported_on < set_on:
                continue
            found.append((target, report, kind))
    return found


def _nearest_in_article(found: list[tuple]) -> list[tuple]:
    """In an article that states several targets of one indicator (each project's plan for the year)
    and a report, the report answers the target written nearest to it."""
    rivals: dict[tuple, list[Observation]] = {}
    for target, report, kind in found:
        rivals.setdefault((id(report), kind), []).append(target)
    kept = []
    for target, report, kind in found:
        distance = _distance(target, report)
        if distance is not None and any(
                other is not target and (d := _distance(other, report)) is not None and d < distance
                for other in rivals[(id(report), kind)]):
            continue
        kept.append((target, report, kind))
    return kept


def link(observations: list[Observation]) -> list[Link]:
    tracked = [o for o in observations if o.indicator.period is not None]
    targets = [o for o in tracked if o.is_target and o.indicator.measure not in untracked_measures()]
    reports = [o for o in tracked if not o.is_target]
    found = _nearest_in_article(_candidates(targets, reports))
    by_target: dict[int, list[tuple]] = {}
    for target, report, kind in found:
        by_target.setdefault(id(target), []).append((report, kind))
    links = []
    for target in targets:
        mine = by_target.get(id(target), [])
        kind = "exact" if any(k == "exact" for _, k in mine) else "partial"
        for report, k in mine:
            if k != kind:
                continue
            item = Link(target, report, kind, _reason(target, report, kind))
            target.links.append(item)
            links.append(item)
    return links
