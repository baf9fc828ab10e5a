"""Period words (rules/tracking_periods.tsv): every row's example reads as the span it names, and
a report's period is read from the words nearest before its figure."""
from __future__ import annotations

from datetime import date

import pytest

from extract.rules import load_table
from extract.tracking.periods import (Period, covers, elapsed_share, find_period_words, period_of, report_period,
                                      target_period)

D = date.fromisoformat

# (words, document date, kind, first day, last day): one example per row of the table, at least
SPANS = [
    ("前三季度", "2024-10-20", "quarters_to_date", "2024-01-01", "2024-09-30"),
    ("2025年第二季度", "2025-01-10", "quarter", "2025-04-01", "2025-06-30"),
    ("一季度", "2025-02-10", "quarter", "2025-01-01", "2025-03-31"),
    ("Q4", "2025-02-10", "quarter", "2025-10-01", "2025-12-31"),
    ("首季", "2025-02-10", "quarter", "2025-01-01", "2025-03-31"),
    ("上半年", "2024-07-04", "half", "2024-01-01", "2024-06-30"),
    ("年中", "2024-02-04", "half", "2024-01-01", "2024-06-30"),
    ("下半年", "2024-07-04", "half", "2024-07-01", "2024-12-31"),
    ("今年1~5月", "2025-06-18", "months_to_date", "2025-01-01", "2025-05-31"),
    ("1至8月", "2025-09-27", "months_to_date", "2025-01-01", "2025-08-31"),
    ("前10个月", "2021-11-05", "months_to_date", "2021-01-01", "2021-10-31"),
    ("截至10月底", "2021-11-05", "months_to_date", "2021-01-01", "2021-10-31"),
    ("3月底前", "2025-02-06", "months_to_date", "2025-01-01", "2025-03-31"),
    ("截止目前", "2025-06-06", "to_date", "2025-01-01", "2025-06-06"),
    ("今年以来", "2025-06-06", "to_date", "2025-01-01", "2025-06-06"),
    ("2023年以来", "2023-08-01", "to_date", "2023-01-01", "2023-08-01"),
    ("2022年全年", "2023-01-01", "year", "2022-01-01", "2022-12-31"),
    ("年内", "2021-10-01", "year", "2021-01-01", "2021-12-31"),
    ("今年底", "2021-10-01", "year", "2021-01-01", "2021-12-31"),
    ("2022年度", "2022-03-01", "year", "2022-01-01", "2022-12-31"),
    ("年度", "2023-02-11", "year", "2023-01-01", "2023-12-31"),
    ("去年", "2024-02-21", "year", "2023-01-01", "2023-12-31"),
    ("“十四五”内", "2021-10-01", "plan", "2021-01-01", "2025-12-31"),
    ("用两年时间", "2023-05-01", "years", "2023-01-01", "2024-12-31"),
    ("今明两年", "2023-05-01", "years", "2023-01-01", "2024-12-31"),
    ("三年内", "2023-05-01", "years", "2023-01-01", "2025-12-31"),
    ("未来三年", "2024-07-27", "years", "2024-01-01", "2026-12-31"),
    ("三年行动计划", "2023-05-01", "years", "2023-01-01", "2025-12-31"),
]


@pytest.mark.parametrize("words, doc_date, kind, first, last", SPANS)
def test_period_words_name_their_span(words, doc_date, kind, first, last):
    found = find_period_words(words)
    assert [w.text for w in found] == [words]
    period = period_of(found[0], D(doc_date), is_target=False)
    assert period == Period(kind, D(first), D(last))


def test_every_table_row_has_an_example():
    rows_hit = {w.row for words, *_ in SPANS for w in find_period_words(words)}
    rows_hit |= {w.row for w in find_period_words("每年 比去年 去年同期 近年以来")}
    assert rows_hit == set(range(len(load_table("tracking_periods"))))


@pytest.mark.parametrize("words", ["每年", "年均", "比去年", "去年同期", "近年以来"])
def test_recurring_and_baseline_words_name_no_span(words):
    found = find_period_words(words)
    assert found and period_of(found[0], D("2025-01-01"), is_target=False) is None


def test_a_bare_number_of_years_is_no_year():
    assert find_period_words("改革开放30年") == []


def test_a_target_year_ahead_of_its_document_runs_from_the_document_year():
    assert target_period("到2025年", "2025-12-31", "2021-10-01") == Period("year", D("2021-01-01"), D("2025-12-31"))
    assert target_period("2025年", "2025-12-31", None) == Period("year", D("2025-01-01"), D("2025-12-31"))


def test_a_deadline_the_words_do_not_explain_runs_from_the_start_of_its_year():
    assert target_period("春节前", "2024-02-09", "2023-12-01") == Period("by_date", D("2023-01-01"), D("2024-02-09"))
    assert target_period(None, "2024-06-30", "2024-03-01") == Period("by_date", D("2024-01-01"), D("2024-06-30"))
    assert target_period(None, None, "2024-03-01") is None


def test_report_period_is_the_nearest_words_before_the_figure():
    sentence = "新开工项目方面，2022年全年目标100项，1-11月认定121项，完成率121%。"
    at = sentence.index("121项")
    # the year written earlier in the sentence holds for 1-11月
    assert report_period(sentence, at, "2023-01-01") == Period("months_to_date", D("2022-01-01"), D("2022-11-30"))
    assert report_period(sentence, sentence.index("100项"), "2023-01-01") == Period(
        "year", D("2022-01-01"), D("2022-12-31"))


def test_a_review_early_in_the_year_reads_last_year():
    assert report_period("全年新签约项目42个", 5, "2026-01-20") == Period("year", D("2025-01-01"), D("2025-12-31"))
    assert report_period("1-11月认定121项", 6, "2023-01-01") == Period("months_to_date", D("2022-01-01"),
                                                                   D("2022-11-30"))
    # a quarter in progress stays this year's
    assert report_period("一季度计划开工项目244个", 11, "2024-02-21") == Period("quarter", D("2024-01-01"),
                                                                         D("2024-03-31"))


def test_a_change_against_a_baseline_is_no_report_of_a_period():
    sentence = "今年1-5月新签约项目26个，比去年同期增加5个。"
    assert report_period(sentence, sentence.index("5个"), "2025-06-18") is None
    assert report_period(sentence, sentence.index("26个"), "2025-06-18") is not None


def test_a_report_covers_a_target_from_its_start():
    year = Period("year", D("2025-01-01"), D("2025-12-31"))
    assert covers(year, Period("months_to_date", D("2025-01-01"), D("2025-05-31")))
    assert covers(year, year)
    assert not covers(year, Period("year", D("2024-01-01"), D("2024-12-31")))
    assert not covers(Period("quarter", D("2025-01-01"), D("2025-03-31")),
                      Period("half", D("2025-01-01"), D("2025-06-30")))


def test_elapsed_share_is_the_share_of_days_gone():
    year = Period("year", D("2025-01-01"), D("2025-12-31"))
    assert elapsed_share(year, D("2024-12-31")) == 0.0
    assert elapsed_share(year, D("2025-06-30")) == pytest.approx(181 / 365)
    assert elapsed_share(year, D("2026-03-01")) == 1.0
