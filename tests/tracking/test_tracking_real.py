"""Tracking on real texts: the seeds' targets as target records, and target–report pairs from the
follow-up articles in seeds/corpus/ (real public pages, see seeds/corpus/SOURCES.md), all read by
the pipeline. Among all seeds and articles, exactly the real pairs link, and no other."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from extract.tracking import facts_from_figures, link_outcomes, match_outcomes, targets_from_figures

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"


def gold_count_targets():
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold["doc"] if gold["doc"].endswith(".txt") else f"{gold['doc']}.txt"
        for mention in gold["mentions"]:
            if mention["is_target"] and mention["kind"] == "count":
                yield pytest.param(doc, mention, id=f"{doc[:3]} {mention['text']}")


@pytest.mark.parametrize("doc, mention", list(gold_count_targets()))
def test_seed_targets_are_target_records_with_region_deadline_and_strength(seed_figures, doc, mention):
    targets = targets_from_figures(seed_figures)
    mine = targets[(targets["doc"] == doc) & (targets["count_value"] == mention["value"])]
    assert len(mine), f"no target record for {mention['text']}"
    record = mine[mine["region"].fillna("").str.contains(mention["region_key"])]
    assert len(record), f"{mention['text']}: regions {mine['region'].tolist()}, gold {mention['region_key']}"
    if mention["deadline"]:
        record = record[record["deadline"] == mention["deadline"]]
        assert len(record) and record["period_start"].notna().all()
    else:
        # a recurring goal (每年): no deadline, tracked year by year
        assert record["deadline"].isna().any() and record["is_annual"].any()
    assert record["strength"].isin(["hard", "soft"]).all()
    assert record["region_today"].notna().all()


def test_seed_amount_target_is_a_target_record(seed_figures):
    """003: 年度计划投资15.9亿元 is an amount goal for 2023 in 通州."""
    targets = targets_from_figures(seed_figures)
    plan = targets[(targets["doc"].str.startswith("003")) & (targets["amount_value"] == 1.59e9)].iloc[0]
    assert (plan["measure"], plan["metric"], plan["deadline"]) == ("amount", "annual_investment", "2023-12-31")
    assert plan["region_today"] == "江苏省南通市通州区" and plan["strength"] == "soft"


def test_gangzha_targets_keep_the_name_written_and_today_s_unit(seed_figures):
    targets = targets_from_figures(seed_figures)
    gangzha = targets[targets["doc"].str.startswith("002")]
    assert len(gangzha) >= 8
    assert set(gangzha["region"]) == {"江苏省南通市港闸区"}
    assert set(gangzha["region_today"]) == {"江苏省南通市崇川区"}


# -- real pairs ------------------------------------------------------------------------------------
REAL_PAIRS = [
    # (target document, target count, report document, reported count, the percent the sources give,
    #  as of, status then)
    pytest.param("qidong_kfq_2025_target.txt", 40, "qidong_2025_jan_may_outcome.txt", 26, 65.0, "2025-06-30",
                 "on_track", id="启东 2025: 40 signings, 26 by May"),
    pytest.param("yangzhou_2021_jan_oct_target_completion.txt", 330, "yangzhou_2021_jan_oct_target_completion.txt",
                 309, 93.6, "2022-01-31", "overdue", id="扬州 2021: 330 projects, 309 to October"),
]


@pytest.fixture(scope="module")
def links(all_figures):
    return link_outcomes(targets_from_figures(all_figures), facts_from_figures(all_figures))


@pytest.mark.parametrize("target_doc, target_count, report_doc, reported, percent, as_of, status", REAL_PAIRS)
def test_real_pairs_match(all_figures, links, target_doc, target_count, report_doc, reported, percent, as_of,
                          status):
    mine = links[(links["doc"] == target_doc) & (links["count_value"] == target_count)]
    assert mine["outcome_doc"].tolist() == [report_doc]
    assert mine["outcome_count_value"].tolist() == [reported]
    targets = targets_from_figures(all_figures)
    target = targets[(targets["doc"] == target_doc) & (targets["count_value"] == target_count)]
    tracked = match_outcomes(target, all_figures, as_of=date.fromisoformat(as_of)).iloc[0]
    # the share the articles print (扬州: "93.6%"; 启东 in SOURCES.md: "65% by May")
    assert round(tracked["progress"] * 100, 1) == percent
    assert tracked["status"] == status


# Amount goals matched with a later report (no count: the goal is money).
REAL_AMOUNT_PAIRS = [("bj_tongzhou_2023_outcome_2024plan.txt", "bj_tongzhou_2024_outcome_sina.txt")]


def test_no_other_pair_links(links):
    """Among all seeds and follow-up articles, the real pairs are the only links."""
    found = sorted((doc, outcome) for doc, outcome in zip(links["doc"], links["outcome_doc"]))
    expected = sorted([(p.values[0], p.values[2]) for p in REAL_PAIRS] + REAL_AMOUNT_PAIRS)
    assert found == expected


# -- real texts that must not link ----------------------------------------------------------------
UNRELATED = [
    pytest.param("haimen_2025_target_hmrb.txt", "haimen_2025_jun_signing_progress.txt",
                 id="海门 2025: 超5亿元 manufacturing goal vs 重大项目 signed (another class of project)"),
    pytest.param("001_be1ff6322ddd528f.txt", "qidong_2025_jan_may_outcome.txt",
                 id="启东 一季度 goal (seed 001) vs 1-5月 report (another period)"),
    pytest.param("000_3c6eb037d3059398.txt", "haimen_2024h1_signing_completion.txt",
                 id="海门 2023 goals (seed 000) vs H1 2024 report (another period)"),
    pytest.param("bj_tongzhou_2023_outcome_2024plan.txt", "tongzhou_2024_plan_execution.txt",
                 id="北京通州 2024 goals vs 南通通州 2024 report (another region)"),
    pytest.param("nantong_2025_digest_0513city.txt", "tongzhou_2025_outcome_ifeng.txt",
                 id="通州 重大项目 goal (no year) vs 5亿元及3000万美元以上 report (another class)"),
]


@pytest.mark.parametrize("target_doc, report_doc", UNRELATED)
def test_unrelated_real_texts_do_not_link(all_figures, target_doc, report_doc):
    figures = all_figures[all_figures["doc"].isin([target_doc, report_doc])]
    targets = targets_from_figures(figures)
    facts = facts_from_figures(figures)
    targets, facts = targets[targets["doc"] == target_doc], facts[facts["doc"] == report_doc]
    assert len(targets) and len(facts)
    assert link_outcomes(targets, facts).empty


def test_beijing_tongzhou_2024_investment_plan_and_result(all_figures):
    """北京通州 2024: 计划完成固投1005亿元 (2024-03) and 固定资产投资突破千亿元 (2025-01)."""
    figures = all_figures[all_figures["doc"].isin(["bj_tongzhou_2023_outcome_2024plan.txt",
                                                    "bj_tongzhou_2024_outcome_sina.txt"])]
    links = link_outcomes(targets_from_figures(figures), facts_from_figures(figures))
    assert links["amount_value"].tolist() == [1.005e11] and links["outcome_amount_value"].tolist() == [1e11]


def test_corpus_files_are_the_shared_ones_unchanged():
    shared = Path(__file__).resolve().parents[3] / "shared" / "corpus"
    corpus = Path(__file__).resolve().parents[2] / "seeds" / "corpus"
    if not shared.is_dir():
        pytest.skip("the shared corpus is not on this machine")
    copies = sorted(corpus.glob("*.txt"))
    assert len(copies) == 21
    for copy in copies:
        assert copy.read_bytes() == (shared / copy.name).read_bytes(), copy.name
    listed = (corpus / "SOURCES.md").read_text(encoding="utf-8")
    assert all(f"| {copy.name} |" in listed for copy in copies)


def test_matching_works_on_the_store_s_columns(all_figures):
    """The store adds doc_id and figure_id; goals are keyed by document id then."""
    with_ids = all_figures.assign(doc_id="id-" + all_figures["doc"], figure_id=range(len(all_figures)))
    targets = targets_from_figures(with_ids)
    assert targets["goal_id"].str.startswith("id-").all()
    assert len(link_outcomes(targets, facts_from_figures(with_ids))) == len(REAL_PAIRS) + len(REAL_AMOUNT_PAIRS)
