"""Matching and status on CONSTRUCTED pairs (tests/tracking/constructed_pairs.py: sentences written
for the tests, not quoted from any publication). Each unrelated pair differs from a matching one
in one respect (region, metric, stage, class of project, period, currency, date) and must not match."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from constructed_pairs import (MATCHING_PAIRS, Q1_REPORT, Q1_TARGET, QIDONG_H1, QIDONG_TARGET, UNRELATED_PAIRS,
                               counted_goal)
from extract.tracking import (facts_from_figures, link_outcomes, match_outcomes, overdue, region_ranking,
                              targets_from_figures, due_soon)

D = date.fromisoformat


@pytest.mark.parametrize("pair", MATCHING_PAIRS, ids=lambda p: p.name)
def test_constructed_pairs_match(pair):
    figures = pair.figures()
    targets, facts = targets_from_figures(figures), facts_from_figures(figures)
    assert len(targets) == 1 and len(facts) == 1
    links = link_outcomes(targets, facts)
    assert links["outcome_goal_id"].tolist() == facts["goal_id"].tolist()
    tracked = match_outcomes(targets, figures, as_of=D("2026-06-30"))
    assert tracked.loc[0, "progress"] == pytest.approx(pair.progress)


@pytest.mark.parametrize("pair", UNRELATED_PAIRS, ids=lambda p: p.name)
def test_unrelated_pairs_do_not_match(pair):
    figures = pair.figures()
    targets, facts = targets_from_figures(figures), facts_from_figures(figures)
    # the report is a complete one (a region and a period), so only the stated difference can keep it apart
    assert len(targets) == 1 and len(facts) == 1
    assert facts.loc[0, "region_today"] and facts.loc[0, "period_start"]
    assert link_outcomes(targets, facts).empty, pair.why_not
    tracked = match_outcomes(targets, figures, as_of=D("2026-06-30"))
    assert tracked.loc[0, "status"] == "no_report" and tracked.loc[0, "reports"] == 0


def test_merged_unit_keeps_its_history():
    pair = MATCHING_PAIRS[1]
    target = targets_from_figures(pair.figures()).iloc[0]
    assert target["region_as_written"] == "港闸" and target["region"] == "江苏省南通市港闸区"
    assert target["region_today"] == "江苏省南通市崇川区"


def test_target_record_carries_count_threshold_deadline_and_source():
    target = targets_from_figures(pd.DataFrame(Q1_TARGET)).iloc[0]
    assert (target["count_value"], target["count_qualifier"], target["counted"]) == (30, "at_least", "项目")
    assert (target["threshold_value"], target["threshold_currency"], target["threshold_key"]) == (1e8, "CNY",
                                                                                                "CNY≥1e+08")
    assert (target["metric"], target["stage"], target["stage_class"]) == ("project_count", "started", "started")
    assert (target["deadline"], target["strength"], target["period_label"]) == ("2025-03-31", "hard", "2025年一季度")
    assert target["sentence"][target["start"]:target["end"]] == target["text"] == "项目不少于30个"


def _tracked(figures, as_of):
    return match_outcomes(targets_from_figures(pd.DataFrame(figures)), pd.DataFrame(figures), as_of=D(as_of))


def test_status_achieved_once_the_report_is_known():
    before = _tracked(Q1_TARGET + Q1_REPORT, "2025-03-01").iloc[0]
    assert (before["status"], before["reports"], before["days_left"]) == ("no_report", 0, 30)
    after = _tracked(Q1_TARGET + Q1_REPORT, "2025-04-10").iloc[0]
    assert (after["status"], after["reported_value"], after["outcome_period_label"]) == ("achieved", 32, "2025年一季度")


def test_status_behind_and_on_track_against_the_share_of_time_gone():
    behind = _tracked(QIDONG_TARGET + QIDONG_H1, "2025-07-15").iloc[0]
    # 8 of 20 is 40%, the first half of 2025 is 181/365 = 49.6% of the year
    assert behind["status"] == "behind"
    assert behind["time_share"] == pytest.approx(181 / 365) and behind["progress"] == pytest.approx(0.4)
    twelve = counted_goal("constructed_qidong_2025-07b.txt", "2025-07-10", "启东市", "上半年，启东市新签约10亿元以上项目12个。",
                          count_text="项目12个", count=12, threshold_text="10亿元以上", threshold=1e9, stage="signed",
                          is_target=False)
    assert _tracked(QIDONG_TARGET + twelve, "2025-07-15").iloc[0]["status"] == "on_track"


def test_status_overdue_after_the_deadline_when_reported_short():
    row = _tracked(QIDONG_TARGET + QIDONG_H1, "2026-01-10").iloc[0]
    assert row["status"] == "overdue" and row["days_left"] == -10


def test_latest_known_report_wins():
    full_year = counted_goal("constructed_qidong_2026-01.txt", "2026-01-12", "启东市", "全年，启东市新签约10亿元以上项目21个。",
                             count_text="项目21个", count=21, threshold_text="10亿元以上", threshold=1e9,
                             stage="signed", is_target=False)
    figures = QIDONG_TARGET + QIDONG_H1 + full_year
    assert _tracked(figures, "2025-12-01").iloc[0]["reported_value"] == 8
    latest = _tracked(figures, "2026-02-01").iloc[0]
    assert (latest["reported_value"], latest["reports"], latest["status"]) == (21, 2, "achieved")


def test_an_annual_goal_is_tracked_for_the_year_asked():
    target = counted_goal("constructed_gaoyou_2021.txt", "2021-10-01", "高邮", "高邮每年招引20亿元以上项目5个以上。",
                          count_text="项目5个以上", count=5, threshold_text="20亿元以上", threshold=2e9,
                          stage="attracted", is_target=True, qualifier="at_least", strength="soft")
    for row in target:
        row.update(is_annual=True, deadline_text="每年")
    report = counted_goal("constructed_gaoyou_2023.txt", "2024-01-15", "高邮市", "2023年，高邮市新签约20亿元以上项目6个。",
                          count_text="项目6个", count=6, threshold_text="20亿元以上", threshold=2e9, stage="signed",
                          is_target=False)
    in_january = _tracked(target + report, "2024-01-20").iloc[0]
    assert in_january["period_label"].startswith("2024年")   # the year of as_of: no 2024 report yet
    assert in_january["status"] == "no_report"
    assert _tracked(target + report, "2023-12-31").iloc[0]["status"] == "no_report"   # report not yet published
    figures = target + counted_goal("constructed_gaoyou_2024.txt", "2024-07-05", "高邮市",
                                    "上半年，高邮市新签约20亿元以上项目3个。", count_text="项目3个", count=3,
                                    threshold_text="20亿元以上", threshold=2e9, stage="signed", is_target=False)
    mid = _tracked(figures, "2024-07-20").iloc[0]
    assert (mid["reported_value"], mid["status"]) == (3, "on_track")


def test_due_soon_overdue_and_ranking():
    figures = Q1_TARGET + Q1_REPORT + QIDONG_TARGET + QIDONG_H1
    tracked = _tracked(figures, "2025-12-10")
    assert due_soon(tracked, 30)["goal_id"].tolist() == [targets_from_figures(pd.DataFrame(QIDONG_TARGET))
                                                         .loc[0, "goal_id"]]
    assert due_soon(tracked, 10).empty
    late = _tracked(figures, "2026-01-05")
    assert overdue(late)["status"].tolist() == ["overdue"]
    ranking = region_ranking(late)
    assert ranking["region_today"].tolist() == ["江苏省南通市海门区", "江苏省南通市启东市"]
    assert ranking["share_met"].tolist() == [1.0, 0.0]


def test_as_of_defaults_to_today():
    tracked = match_outcomes(targets_from_figures(pd.DataFrame(Q1_TARGET)), pd.DataFrame(Q1_TARGET))
    assert tracked.loc[0, "days_left"] == (D("2025-03-31") - date.today()).days


def test_readable_rows_say_what_was_promised_and_reported():
    from extract.tracking.export import readable_targets

    row = readable_targets(_tracked(Q1_TARGET + Q1_REPORT, "2025-04-10")).iloc[0]
    assert (row["目标"], row["最新实绩"], row["进度（%）"], row["状态"]) == ("≥30个项目", "32个项目", 106.7, "🟢 已完成")
    assert (row["地区（今）"], row["地区原文"], row["周期"], row["约束"]) == ("海门区（南通市）", "海门", "2025年一季度", "硬目标")
    plan = readable_targets(_tracked(MATCHING_PAIRS[2].target + MATCHING_PAIRS[2].report, "2024-02-01")).iloc[0]
    assert (plan["目标"], plan["最新实绩"], plan["状态"]) == ("15.9亿元", "12.72亿元", "🔴 逾期未完成")


def test_a_lower_bound_report_is_shown_as_one():
    from extract.tracking.export import readable_targets

    report = counted_goal("constructed_haimen_2025-04b.txt", "2025-04-08", "海门区", "一季度，海门区新开工亿元以上项目超过32个。",
                          count_text="项目超过32个", count=32, threshold_text="亿元以上", threshold=1e8, stage="started",
                          is_target=False, qualifier="more_than")
    tracked = _tracked(Q1_TARGET + report, "2025-04-10")
    assert tracked.loc[0, "reported_qualifier"] == "more_than"
    assert readable_targets(tracked).loc[0, "最新实绩"] == ">32个项目"


@pytest.mark.parametrize("thresholds, key", [
    ([{"currency": "CNY", "value": 1e9, "qualifier": "more_than"}], "CNY≥1e+09"),          # 超10亿元
    ([{"currency": "CNY", "value": 1e9, "qualifier": "at_least"}], "CNY≥1e+09"),           # 10亿元以上
    ([{"currency": "CNY", "value": 1e8, "qualifier": "less_than"}], "CNY≤1e+08"),          # 亿元以下
    ([{"currency": "CNY", "value": 1e8, "value_max": 5e8, "qualifier": "exact"}], "CNY1e+08-5e+08"),   # 1亿-5亿元
    ([{"currency": "USD", "value": 3e7, "qualifier": "at_least"},
      {"currency": "CNY", "value": 5e8, "qualifier": "at_least"}], "CNY≥5e+08+USD≥3e+07"),  # 5亿元及3000万美元以上
    ([], ""),
])
def test_threshold_classes(thresholds, key):
    from extract.tracking.goals import threshold_key

    assert threshold_key(thresholds) == key


def test_no_figures_give_empty_tables_with_every_column():
    from extract.record import FIELDS

    empty = pd.DataFrame(columns=list(FIELDS))
    tracked = match_outcomes(targets_from_figures(empty), empty)
    assert tracked.empty and {"status", "progress", "goal_id", "region_today"} <= set(tracked.columns)
    assert due_soon(tracked).empty and overdue(tracked).empty and region_ranking(tracked).empty
