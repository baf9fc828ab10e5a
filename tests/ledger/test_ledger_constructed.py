"""Links, observations and status on CONSTRUCTED pairs (tests/ledger/constructed_pairs.py: sentences
written for the tests, not quoted from any publication). Each unrelated pair differs from a matching
one in one respect (region, measure, object, class, period, currency, date) and must not link."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from constructed_pairs import (MATCHING_PAIRS, Q1_REPORT, Q1_TARGET, QIDONG_H1, QIDONG_TARGET, UNRELATED_PAIRS,
                               counted_goal)
from extract.ledger import LABELS, STATUSES, build_ledger, label

D = date.fromisoformat


def _ledger(figures, as_of="2026-06-30"):
    return build_ledger(pd.DataFrame(figures), as_of=D(as_of))


@pytest.mark.parametrize("pair", MATCHING_PAIRS, ids=lambda p: p.name)
def test_constructed_pairs_link(pair):
    ledger = _ledger(pair.target + pair.report)
    assert len(ledger.targets) == 1 and (~ledger.observations["is_target"]).sum() == 1
    pairs = ledger.links[ledger.links["kind"] == "pair"]
    assert len(pairs) == 1 and pairs.iloc[0]["link"] == "exact"
    assert pairs.iloc[0]["progress"] == pytest.approx(pair.progress)
    assert ledger.targets.loc[0, "progress"] == pytest.approx(pair.progress)


@pytest.mark.parametrize("pair", UNRELATED_PAIRS, ids=lambda p: p.name)
def test_unrelated_pairs_do_not_link(pair):
    ledger = _ledger(pair.target + pair.report)
    report = ledger.observations[~ledger.observations["is_target"]]
    # the report is a complete one (a region and a period), so only the stated difference keeps it apart
    assert len(ledger.targets) == 1 and len(report) == 1
    assert report.iloc[0]["region"] and report.iloc[0]["period_label"]
    assert ledger.links.empty, pair.why_not
    assert ledger.targets.loc[0, "status"] in ("no_report", "period_over")
    assert ledger.targets.loc[0, "n_reports"] == 0


def test_tongzhou_of_nantong_is_not_tongzhou_of_beijing():
    pair = next(p for p in UNRELATED_PAIRS if "北京通州" in p.name)
    ledger = _ledger(pair.target + pair.report)
    regions = ledger.observations.set_index("is_target")["region"]
    assert (regions[True], regions[False]) == ("江苏省南通市通州区", "北京市通州区")
    assert ledger.links.empty
    labels = ledger.observations.set_index("is_target")["region_label"]
    assert (labels[True], labels[False]) == ("通州区（南通市）", "通州区（北京市）")


def test_a_merged_unit_is_its_unit_today():
    ledger = _ledger(MATCHING_PAIRS[1].target + MATCHING_PAIRS[1].report)
    assert ledger.targets.loc[0, "region"] == "江苏省南通市崇川区"
    assert ledger.targets.loc[0, "region_label"] == "崇川区（南通市）"


def test_target_row_says_what_was_promised():
    target = _ledger(Q1_TARGET).targets.iloc[0]
    assert (target["measure"], target["object"], target["size_class"], target["unit"]) == (
        "started", "projects", "CNY≥1e+08", "projects")
    assert (target["target_value"], target["qualifier"], target["deadline"], target["period_label"]) == (
        30, "at_least", "2025-03-31", "2025年一季度")
    assert target["indicator_label"] == "开工1亿元以上项目"
    assert target["sentence"][target["start"]:target["end"]] == target["text"] == "项目不少于30个"


def _status(figures, as_of):
    return _ledger(figures, as_of).targets.iloc[0]


def test_no_report_then_achieved_once_the_report_is_published():
    before = _status(Q1_TARGET + Q1_REPORT, "2025-03-01")
    assert (before["status"], before["n_reports"]) == ("no_report", 1)
    assert pd.isna(before["progress"])
    after = _status(Q1_TARGET + Q1_REPORT, "2025-04-10")
    assert (after["status"], after["latest_value"], after["latest_as_of"]) == ("achieved", 32, "2025-03-31")


def test_on_pace_and_behind_pace_against_the_share_of_time_gone():
    behind = _status(QIDONG_TARGET + QIDONG_H1, "2025-07-15")
    # 8 of 20 is 40%; the first half of 2025 is 181/365 = 49.6% of the year
    assert behind["status"] == "behind_pace"
    assert behind["time_share"] == pytest.approx(181 / 365) and behind["progress"] == pytest.approx(0.4)
    twelve = counted_goal("constructed_qidong_2025-07b.txt", "2025-07-10", "启东市", "上半年，启东市新签约10亿元以上项目12个。",
                          count_text="项目12个", count=12, threshold_text="10亿元以上", threshold=1e9, stage="signed",
                          is_target=False)
    assert _status(QIDONG_TARGET + twelve, "2025-07-15")["status"] == "on_pace"


def test_an_interim_report_never_makes_a_target_missed():
    row = _status(QIDONG_TARGET + QIDONG_H1, "2026-01-10")
    assert row["status"] == "period_over" and row["latest_value"] == 8


def test_period_over_without_any_report():
    assert _status(QIDONG_TARGET, "2026-01-10")["status"] == "period_over"
    assert _status(QIDONG_TARGET, "2025-05-10")["status"] == "no_report"


def test_missed_when_the_final_report_falls_short():
    full_year = counted_goal("constructed_qidong_2026-01.txt", "2026-01-12", "启东市", "2025年全年，启东市新签约10亿元以上项目17个。",
                             count_text="项目17个", count=17, threshold_text="10亿元以上", threshold=1e9,
                             stage="signed", is_target=False)
    row = _status(QIDONG_TARGET + QIDONG_H1 + full_year, "2026-02-01")
    assert (row["status"], row["latest_value"], row["n_reports"]) == ("missed", 17, 2)
    # before the final report is published, the half-year one is the latest known
    assert _status(QIDONG_TARGET + QIDONG_H1 + full_year, "2026-01-10")["status"] == "period_over"


def test_achieved_by_the_latest_known_report():
    full_year = counted_goal("constructed_qidong_2026-01.txt", "2026-01-12", "启东市", "2025年全年，启东市新签约10亿元以上项目21个。",
                             count_text="项目21个", count=21, threshold_text="10亿元以上", threshold=1e9,
                             stage="signed", is_target=False)
    row = _status(QIDONG_TARGET + QIDONG_H1 + full_year, "2026-02-01")
    assert (row["status"], row["latest_value"], row["progress"]) == ("achieved", 21, pytest.approx(21 / 20))


def test_one_observation_from_a_figure_repeated_in_an_article_and_in_another():
    title = counted_goal("constructed_qidong_2025-07.txt", "2025-07-10", "启东市", "上半年启东市新签约10亿元以上项目8个",
                         count_text="项目8个", count=8, threshold_text="10亿元以上", threshold=1e9, stage="signed",
                         is_target=False, group=2)
    # the title opens the article, its body repeats the figure further on, another paper reprints it
    body = [dict(r, start=r["start"] + 200, end=r["end"] + 200, sentence_start=200) for r in QIDONG_H1]
    reprinted = [dict(r, doc="constructed_reprint.txt", doc_date="2025-07-12") for r in QIDONG_H1]
    ledger = _ledger(QIDONG_TARGET + title + body + reprinted)
    reports = ledger.observations[~ledger.observations["is_target"]]
    assert len(reports) == 1 and reports.iloc[0]["n_sources"] == 3 and reports.iloc[0]["value"] == 8
    assert (reports.iloc[0]["doc"], reports.iloc[0]["start"]) == ("constructed_qidong_2025-07.txt",
                                                                     200 + QIDONG_H1[0]["start"])
    assert ledger.targets.loc[0, "latest_value"] == 8       # never 16
    assert len(ledger.links) == 1


def test_every_status_and_code_has_both_labels():
    ledger = _ledger(Q1_TARGET + Q1_REPORT + QIDONG_TARGET + QIDONG_H1)
    codes = set(STATUSES) | set(ledger.observations["measure"]) | {"pair", "rate", "exact", "partial"}
    for code in codes:
        assert code in LABELS and all(LABELS[code]), code
    assert label("projects+major+manufacturing") == "重大制造业项目"
    assert label("projects+major+manufacturing", "en") == "major manufacturing projects"
    assert label("CNY≥5e+08|USD≥3e+07") == "5亿元及3000万美元以上"


def test_empty_input_gives_tables_with_every_column():
    ledger = build_ledger([], as_of=D("2025-01-01"))
    assert ledger.targets.empty and ledger.observations.empty and ledger.links.empty
    assert {"target_id", "status", "progress", "region_label", "indicator_label"} <= set(ledger.targets.columns)
    assert ledger.jsonl_rows() == []
