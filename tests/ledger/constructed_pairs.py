"""CONSTRUCTED INPUTS, NOT REAL ARTICLES: target and report figures written for the tests.

Every sentence here was written for the tests (modelled on the seeds' wording); none is quoted
from a publication. Each figure is a record of the contract as the pipeline would fill it, with
its region from the regions step's own resolver (`resolve_region`), so a renamed unit (港闸 ->
崇川) is the gazetteer's, not the test's. Real pairs are in test_ledger_real.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import pandas as pd

from extract.context.regions import resolve_region
from extract.record import FIELDS


def figure(doc: str, doc_date: str, place: str, sentence: str, text: str, *, kind: str, value: float,
           group: int, is_target: bool, qualifier: str = "exact", counted: Optional[str] = None,
           currency: Optional[str] = None, **context) -> dict:
    """One record: `text` is found in `sentence`, the region is `place` as read on `doc_date`."""
    start = sentence.index(text)
    region = resolve_region(place, on=doc_date)
    record = {name: None for name in FIELDS}
    record.update(
        doc=doc, start=start, end=start + len(text), text=text, sentence=sentence, sentence_start=0,
        kind=kind, value=value, value_max=None, currency=currency if kind == "money" else None,
        unit="个" if kind == "count" else "亿元", qualifier=qualifier, counted=counted, doc_date=doc_date,
        region=region.name, region_as_written=place, region_today=region.today, province=region.province,
        city=region.city, county=region.county, adcode=region.adcode, region_level=region.level,
        is_annual=False, is_target=is_target, group=group,
    )
    record.update(context)
    return record


def counted_goal(doc, doc_date, place, sentence, *, count_text, count, threshold_text=None, threshold=None,
                 stage=None, is_target, group=1, deadline=None, deadline_text=None, strength=None,
                 counted="项目", qualifier="exact", threshold_currency="CNY") -> list[dict]:
    """A count of projects (or enterprises) and the threshold that qualifies them, as one group."""
    dated = dict(deadline=deadline, deadline_text=deadline_text, strength=strength) if is_target else {}
    metric = "project_count" if counted == "项目" else "enterprise_count"
    rows = [figure(doc, doc_date, place, sentence, count_text, kind="count", value=count, group=group,
                   is_target=is_target, qualifier=qualifier, counted=counted, metric=metric, stage=stage, **dated)]
    if threshold_text:
        rows.append(figure(doc, doc_date, place, sentence, threshold_text, kind="money", value=threshold,
                           group=group, is_target=is_target, qualifier="at_least", currency=threshold_currency,
                           metric="investment", stage=stage, role="threshold", **dated))
    return rows


def amount_goal(doc, doc_date, place, sentence, *, amount_text, amount, metric, is_target, group=1,
                deadline=None, deadline_text=None, strength=None, currency="CNY") -> list[dict]:
    dated = dict(deadline=deadline, deadline_text=deadline_text, strength=strength) if is_target else {}
    return [figure(doc, doc_date, place, sentence, amount_text, kind="money", value=amount, group=group,
                   is_target=is_target, currency=currency, metric=metric, role="amount", **dated)]


@dataclass
class Pair:
    name: str
    target: list[dict]
    report: list[dict]
    progress: Optional[float] = None      # reported ÷ target when the pair matches
    why_not: str = ""                     # for unrelated pairs: what differs
    extra: dict = field(default_factory=dict)

    def figures(self) -> pd.DataFrame:
        return pd.DataFrame(self.target + self.report)


# -- the example: a February goal for the first quarter, an April report on it ----------------------
Q1_TARGET = counted_goal(
    "constructed_haimen_2025-02.txt", "2025-02-10", "海门",
    "今年一季度，海门区新开工亿元以上项目不少于30个。",
    count_text="项目不少于30个", count=30, threshold_text="亿元以上", threshold=1e8, stage="started",
    is_target=True, qualifier="at_least", deadline="2025-03-31", deadline_text="一季度", strength="hard")
Q1_REPORT = counted_goal(
    "constructed_haimen_2025-04.txt", "2025-04-08", "海门区",
    "一季度，海门区新开工亿元以上项目32个，总投资超百亿元。",
    count_text="项目32个", count=32, threshold_text="亿元以上", threshold=1e8, stage="started", is_target=False)

# -- a unit renamed: 港闸 set the goal in 2020, the 2021 report speaks of 崇川 (港闸 merged into it) ----------
GANGZHA_TARGET = counted_goal(
    "constructed_gangzha_2020-03.txt", "2020-03-09", "港闸",
    "今年，港闸确保招引亿元以上项目24个。",
    count_text="项目24个", count=24, threshold_text="亿元以上", threshold=1e8, stage="attracted",
    is_target=True, deadline="2020-12-31", deadline_text="今年", strength="hard")
CHONGCHUAN_REPORT = counted_goal(
    "constructed_chongchuan_2021-01.txt", "2021-01-20", "崇川区",
    "2020年，崇川区新签约亿元以上项目27个。",
    count_text="项目27个", count=27, threshold_text="亿元以上", threshold=1e8, stage="signed", is_target=False)

# -- money: an annual investment plan and the year's result ----------------------------------------------
TONGZHOU_PLAN = amount_goal(
    "constructed_tongzhou_2023-02.txt", "2023-02-11", "南通市通州区",
    "通州区今年年度计划投资15.9亿元。", amount_text="15.9亿元", amount=1.59e9, metric="annual_investment",
    is_target=True, deadline="2023-12-31", deadline_text="今年", strength="soft")
TONGZHOU_RESULT = amount_goal(
    "constructed_tongzhou_2024-01.txt", "2024-01-15", "南通市通州区",
    "2023年，通州区全年完成年度投资12.72亿元。", amount_text="12.72亿元", amount=1.272e9,
    metric="annual_investment", is_target=False)

# -- a half-year report on an annual goal (progress against 序时进度) ----------------------------------------
QIDONG_TARGET = counted_goal(
    "constructed_qidong_2025-01.txt", "2025-01-20", "启东",
    "2025年，启东力争新签约10亿元以上项目20个。",
    count_text="项目20个", count=20, threshold_text="10亿元以上", threshold=1e9, stage="signed",
    is_target=True, deadline="2025-12-31", deadline_text="2025年", strength="soft")
QIDONG_H1 = counted_goal(
    "constructed_qidong_2025-07.txt", "2025-07-10", "启东市",
    "上半年，启东市新签约10亿元以上项目8个。",
    count_text="项目8个", count=8, threshold_text="10亿元以上", threshold=1e9, stage="signed", is_target=False)

MATCHING_PAIRS = [
    Pair("issue example: 一季度 goal (Feb) and 一季度 report (Apr)", Q1_TARGET, Q1_REPORT, progress=32 / 30),
    Pair("港闸 2020 goal, 崇川 2020 report (merged unit)", GANGZHA_TARGET, CHONGCHUAN_REPORT, progress=27 / 24),
    Pair("通州 annual investment plan and the year's result", TONGZHOU_PLAN, TONGZHOU_RESULT,
         progress=1.272e9 / 1.59e9),
    Pair("启东 2025 goal and its 上半年 report", QIDONG_TARGET, QIDONG_H1, progress=8 / 20),
]


def _report(place="海门区", sentence="一季度，海门区新开工亿元以上项目32个。", *, doc_date="2025-04-08",
            count_text="项目32个", threshold_text="亿元以上", threshold=1e8, stage="started", counted="项目",
            threshold_currency="CNY"):
    return counted_goal("constructed_report.txt", doc_date, place, sentence, count_text=count_text, count=32,
                        threshold_text=threshold_text, threshold=threshold, stage=stage, is_target=False,
                        counted=counted, threshold_currency=threshold_currency)


UNRELATED_PAIRS = [
    Pair("other region: 启东 reports, 海门 set the goal", Q1_TARGET,
         _report("启东市", "一季度，启东市新开工亿元以上项目32个。"), why_not="region"),
    Pair("other region: 北京通州 vs 南通通州", counted_goal(
        "constructed_nt_tongzhou.txt", "2024-02-01", "南通市通州区", "今年，南通市通州区新开工亿元以上项目40个。",
        count_text="项目40个", count=40, threshold_text="亿元以上", threshold=1e8, stage="started", is_target=True,
        deadline="2024-12-31", deadline_text="今年", strength="hard"),
         counted_goal("constructed_bj_tongzhou.txt", "2025-01-10", "北京市通州区",
                      "2024年，北京市通州区新开工亿元以上项目52个。", count_text="项目52个", count=52,
                      threshold_text="亿元以上", threshold=1e8, stage="started", is_target=False),
         why_not="region"),
    Pair("other metric: enterprises, not projects", Q1_TARGET,
         _report(sentence="一季度，海门区新开工亿元以上企业32个。", count_text="企业32个", counted="企业"),
         why_not="metric"),
    Pair("other stage: signed, not started", Q1_TARGET,
         _report(sentence="一季度，海门区新签约亿元以上项目32个。", stage="signed"), why_not="stage"),
    Pair("other class: 5亿元以上, not 亿元以上", Q1_TARGET,
         _report(sentence="一季度，海门区新开工5亿元以上项目32个。", threshold_text="5亿元以上", threshold=5e8),
         why_not="threshold"),
    Pair("other class: 3000万美元以上, not 亿元以上", Q1_TARGET,
         _report(sentence="一季度，海门区新开工3000万美元以上项目32个。", threshold_text="3000万美元以上",
                 threshold=3e7, threshold_currency="USD"), why_not="threshold"),
    Pair("other class: no threshold (重大项目)", Q1_TARGET,
         _report(sentence="一季度，海门区新开工重大项目32个。", threshold_text=None), why_not="threshold"),
    Pair("other period: 上半年 report on a 一季度 goal", Q1_TARGET,
         _report(sentence="上半年，海门区新开工亿元以上项目32个。", doc_date="2025-07-05"), why_not="period"),
    Pair("other period: 二季度 report on a 一季度 goal", Q1_TARGET,
         _report(sentence="二季度，海门区新开工亿元以上项目32个。", doc_date="2025-07-05"), why_not="period"),
    Pair("other period: last year's 一季度", Q1_TARGET,
         _report(sentence="2024年一季度，海门区新开工亿元以上项目32个。", doc_date="2025-04-08"), why_not="period"),
    Pair("other period: 2024 result for a 2025 goal", QIDONG_TARGET, counted_goal(
        "constructed_qidong_2025-01b.txt", "2025-01-25", "启东市", "2024年全年，启东市新签约10亿元以上项目18个。",
        count_text="项目18个", count=18, threshold_text="10亿元以上", threshold=1e9, stage="signed",
        is_target=False), why_not="period"),
    Pair("other currency: a USD amount against a CNY plan", TONGZHOU_PLAN, amount_goal(
        "constructed_tongzhou_2024-01b.txt", "2024-01-15", "南通市通州区", "2023年，通州区全年完成年度投资2亿美元。",
        amount_text="2亿美元", amount=2e8, metric="annual_investment", is_target=False, currency="USD"),
         why_not="currency"),
    Pair("published before the goal was set", QIDONG_TARGET, counted_goal(
        "constructed_qidong_2025-01c.txt", "2025-01-05", "启东市", "今年以来，启东市新签约10亿元以上项目2个。",
        count_text="项目2个", count=2, threshold_text="10亿元以上", threshold=1e9, stage="signed",
        is_target=False), why_not="date"),
]
