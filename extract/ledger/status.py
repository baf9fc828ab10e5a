"""Status of a target as of a date, from the reports of it published by then:

    achieved     a report reaches the target
    on_pace      interim progress at or above the elapsed share of the period (序时进度)
    behind_pace  interim progress below it
    period_over  the period is over and no report covers all of it (or the final one gives only a
                 lower bound short of the target: 突破千亿元 against 1005亿元)
    missed       a report of the whole period falls short
    no_report    no report yet, and the period still runs

An interim report (1-5月) never makes a target missed: only a final one can.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from extract.ledger.links import Link
from extract.ledger.observations import Observation
from extract.ledger.periods import elapsed_share

CAPS = ("at_most", "less_than")
LOWER_BOUNDS = ("at_least", "more_than")


@dataclass
class Standing:
    status: str
    latest: Optional[Link]
    time_share: Optional[float]
    reason: str


def _known(link: Link, as_of: date) -> bool:
    published = link.report.doc_date or link.report.indicator.period.end
    return published <= as_of


def standing(target: Observation, as_of: date) -> Standing:
    period = target.indicator.period
    links = [k for k in target.links if _known(k, as_of)]
    links.sort(key=lambda k: (k.report.as_of, k.report.doc_date or k.report.as_of, k.report.fact.raw_start))
    latest = links[-1] if links else None
    cap = target.fact.record.get("qualifier") in CAPS
    if period is None:
        return Standing("no_report", latest, None, "目标周期不明")
    over = as_of > period.end
    if latest is None:
        if over:
            return Standing("period_over", None, 1.0, f"{period.label()}已结束，未见实绩报道")
        return Standing("no_report", None, None, "尚无实绩报道")
    share = elapsed_share(period, latest.report.as_of)
    progress = latest.progress or 0.0
    reached = progress <= 1.0 if cap else progress >= 1.0
    if reached and (not cap or latest.final):
        return Standing("achieved", latest, share, f"实绩已达目标（{progress:.1%}）")
    if latest.final and latest.report.fact.record.get("qualifier") not in LOWER_BOUNDS:
        return Standing("missed", latest, share, f"全期实绩未达目标（{progress:.1%}）")
    if latest.final:
        # 突破千亿元 against 1005亿元: at least this much, so neither reached nor missed for sure
        return Standing("period_over", latest, share, f"全期实绩只知下限（{progress:.1%}以上），不能判定")
    if over:
        return Standing("period_over", latest, share,
                        f"{period.label()}已结束，最新为阶段实绩（{latest.report.indicator.period_label}，{progress:.1%}）")
    if progress >= share:
        return Standing("on_pace", latest, share, f"进度{progress:.1%}，不低于序时进度{share:.1%}")
    return Standing("behind_pace", latest, share, f"进度{progress:.1%}，低于序时进度{share:.1%}")
