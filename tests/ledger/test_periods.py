"""Periods from the one time-phrase table (rules/deadline_phrases.tsv, its `period` column): every row
that names a span reads as that span, and a report's period is the words nearest before its figure."""
from __future__ import annotations

from datetime import date

import pytest

from extract.context.deadlines import phrase_rules
from extract.ledger.periods import (Period, covers, elapsed_share, find_period_words, period_of, report_period,
                                    target_period)

D = date.fromisoformat

# (text, document date, the words found, period, first day, last day): one example per row that names a span
SPANS = [
    ("2025年第二季度", "2025-01-10", "2025年第二季度", "quarter", "2025-04-01", "2025-06-30"),
    ("Q4", "2025-02-10", "Q4", "quarter", "2025-10-01", "2025-12-31"),
    ("前三季度", "2024-10-20", "前三季度", "to_date", "2024-01-01", "2024-09-30"),
    ("首季", "2025-02-10", "首季", "quarter", "2025-01-01", "2025-03-31"),
    ("本季度", "2025-05-10", "本季度", "quarter", "2025-04-01", "2025-06-30"),
    ("本月底前", "2025-05-10", "本月底前", "to_date", "2025-01-01", "2025-05-31"),
    ("上半年", "2024-07-04", "上半年", "half", "2024-01-01", "2024-06-30"),
    ("年中前", "2024-02-04", "年中前", "to_date", "2024-01-01", "2024-06-30"),
    ("2024年中前", "2024-02-04", "2024年中前", "to_date", "2024-01-01", "2024-06-30"),
    ("下半年", "2024-07-04", "下半年", "half", "2024-07-01", "2024-12-31"),
    ("年底前", "2021-10-01", "年底前", "year", "2021-01-01", "2021-12-31"),
    ("今年底", "2021-10-01", "今年底", "year", "2021-01-01", "2021-12-31"),
    ("岁末", "2021-10-01", "岁末", "year", "2021-01-01", "2021-12-31"),
    ("今年内", "2021-10-01", "今年内", "year", "2021-01-01", "2021-12-31"),
    ("年内", "2021-10-01", "年内", "year", "2021-01-01", "2021-12-31"),
    ("2022年全年", "2023-01-01", "2022年全年", "year", "2022-01-01", "2022-12-31"),
    ("2023年", "2024-02-21", "2023年", "year", "2023-01-01", "2023-12-31"),
    ("2022年度", "2022-03-01", "2022年度", "year", "2022-01-01", "2022-12-31"),
    ("年度", "2023-02-11", "年度", "year", "2023-01-01", "2023-12-31"),
    ("年初", "2023-01-11", "年初", "to_date", "2023-01-01", "2023-02-28"),
    ("明年初之前", "2023-05-11", "明年初之前", "to_date", "2024-01-01", "2024-02-29"),
    ("前10个月", "2021-11-05", "前10个月", "to_date", "2021-01-01", "2021-10-31"),
    ("今年1~5月", "2025-06-18", "今年1~5月", "to_date", "2025-01-01", "2025-05-31"),
    ("截至10月底", "2021-11-05", "10月底", "to_date", "2021-01-01", "2021-10-31"),
    ("6月前", "2021-03-05", "6月前", "to_date", "2021-01-01", "2021-06-30"),
    ("1月全市新签约", "2024-02-21", "1月", "month", "2024-01-01", "2024-01-31"),
    ("6月30日前", "2024-03-01", "6月30日前", "to_date", "2024-01-01", "2024-06-30"),
    ("2021-2025年", "2021-03-01", "2021-2025年", "years", "2021-01-01", "2025-12-31"),
    ("“十四五”期间", "2021-10-01", "“十四五”期间", "plan", "2021-01-01", "2025-12-31"),
    ("用两年时间", "2023-05-01", "用两年时间", "years", "2023-01-01", "2024-12-31"),
    ("今明两年", "2023-05-01", "今明两年", "years", "2023-01-01", "2024-12-31"),
    ("三年内", "2023-05-01", "三年内", "years", "2023-01-01", "2025-12-31"),
    ("未来三年", "2024-07-27", "未来三年", "years", "2024-01-01", "2026-12-31"),
    ("三年行动计划", "2023-05-01", "三年行动计划", "years", "2023-01-01", "2025-12-31"),
    ("春节前", "2023-12-01", "春节前", "to_date", "2024-01-01", "2024-02-09"),
    ("国庆前", "2023-03-01", "国庆前", "to_date", "2023-01-01", "2023-09-30"),
    ("今年以来", "2025-06-06", "今年以来", "since", "2025-01-01", "2025-06-06"),
    ("2023年以来", "2023-08-01", "2023年以来", "since", "2023-01-01", "2023-08-01"),
    ("年初以来", "2025-06-06", "年初以来", "since", "2025-01-01", "2025-06-06"),
    ("今年2月以来", "2020-07-23", "今年2月以来", "since", "2020-02-01", "2020-07-23"),
    ("截止目前", "2025-06-06", "截止目前", "since", "2025-01-01", "2025-06-06"),
    ("去年", "2024-02-21", "去年", "year", "2023-01-01", "2023-12-31"),
]


@pytest.mark.parametrize("text, doc_date, words, kind, first, last", SPANS)
def test_time_phrases_name_their_span(text, doc_date, words, kind, first, last):
    found = find_period_words(text)
    assert [w.text for w in found] == [words]
    assert period_of(found[0], D(doc_date), is_target=False) == Period(kind, D(first), D(last))


def test_every_row_that_names_a_span_has_an_example():
    rows_hit = {w.row for text, *_ in SPANS for w in find_period_words(text)}
    spans = {r.row for r in phrase_rules() if r.period not in ("none", "annual")}
    assert spans - rows_hit == set()


@pytest.mark.parametrize("words", ["每年", "年均", "比去年", "去年同期", "近年以来", "建成后", "完成年度目标的205%"])
def test_recurring_baseline_and_event_words_name_no_span(words):
    assert find_period_words(words) == []


def test_a_target_year_ahead_of_its_document_runs_from_the_document_year():
    assert target_period("到2025年", "2025-12-31", "2021-10-01") == Period("year", D("2021-01-01"), D("2025-12-31"))
    assert target_period("2025年", "2025-12-31", None) == Period("year", D("2025-01-01"), D("2025-12-31"))


def test_a_deadline_the_words_do_not_explain_runs_from_the_start_of_its_year():
    assert target_period(None, "2024-06-30", "2024-03-01") == Period("to_date", D("2024-01-01"), D("2024-06-30"))
    assert target_period(None, None, "2024-03-01") is None


def test_report_period_is_the_nearest_words_before_the_figure():
    sentence = "新开工项目方面，2022年全年目标100项，1-11月认定121项，完成率121%。"
    # the year written earlier in the sentence holds for 1-11月
    assert report_period(sentence, sentence.index("121项"), "2023-01-01") == Period(
        "to_date", D("2022-01-01"), D("2022-11-30"))
    assert report_period(sentence, sentence.index("100项"), "2023-01-01") == Period(
        "year", D("2022-01-01"), D("2022-12-31"))


def test_a_review_early_in_the_year_reads_last_year():
    assert report_period("全年新签约项目42个", 5, "2026-01-20") == Period("year", D("2025-01-01"), D("2025-12-31"))
    assert report_period("1-11月认定121项", 6, "2023-01-01") == Period("to_date", D("2022-01-01"), D("2022-11-30"))
    # a quarter in progress stays this year's
    assert report_period("一季度计划开工项目244个", 11, "2024-02-21") == Period(
        "quarter", D("2024-01-01"), D("2024-03-31"))


def test_a_change_against_a_baseline_is_no_report_of_a_period():
    sentence = "今年1-5月新签约项目26个，比去年同期增加5个。"
    assert report_period(sentence, sentence.index("5个"), "2025-06-18") is None
    assert report_period(sentence, sentence.index("26个"), "2025-06-18") is not None


def test_words_after_the_figure_count_only_in_its_clause():
    sentence = "此次集中开工的产业项目共16个，总投资达83.2亿元，年度计划投资15.9亿元。"
    assert report_period(sentence, sentence.index("16个"), "2023-02-12") is None


def test_a_report_covers_a_target_from_its_start():
    year = Period("year", D("2025-01-01"), D("2025-12-31"))
    assert covers(year, Period("to_date", D("2025-01-01"), D("2025-05-31")))
    assert covers(year, year)
    assert not covers(year, Period("year", D("2024-01-01"), D("2024-12-31")))
    assert not covers(year, Period("month", D("2025-10-01"), D("2025-10-31")))
    assert not covers(Period("quarter", D("2025-01-01"), D("2025-03-31")),
                      Period("half", D("2025-01-01"), D("2025-06-30")))


def test_elapsed_share_is_the_share_of_days_gone():
    year = Period("year", D("2025-01-01"), D("2025-12-31"))
    assert elapsed_share(year, D("2024-12-31")) == 0.0
    assert elapsed_share(year, D("2025-06-30")) == pytest.approx(181 / 365)
    assert elapsed_share(year, D("2026-03-01")) == 1.0


@pytest.mark.parametrize("period, text", [
    (Period("quarter", D("2025-01-01"), D("2025-03-31")), "2025年一季度"),
    (Period("half", D("2025-07-01"), D("2025-12-31")), "2025年下半年"),
    (Period("to_date", D("2025-01-01"), D("2025-05-31")), "2025年1-5月"),
    (Period("month", D("2024-01-01"), D("2024-01-31")), "2024年1月"),
    (Period("since", D("2025-01-01"), D("2025-06-06")), "2025年1月1日-6月6日"),
    (Period("plan", D("2021-01-01"), D("2025-12-31")), "2021-2025年"),
    (Period("year", D("2025-01-01"), D("2025-12-31")), "2025年"),
])
def test_period_labels(period, text):
    assert period.label() == text
