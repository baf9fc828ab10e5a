"""Deadline phrases: every phrase of issue 3 with its due date for a stated document date, the phrase
table itself, and the in-scope time cases of JioNLP and Recognizers-Text (tests/data/conformance)."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from support import DATA
from extract.context.deadlines import (MACROS, RULES, expand_macros, find_phrases, parse_deadline,
                                       phrase_rules, required_characters, spring_festivals)
from extract.normalize import normalize
from extract.rules import load_table

# (phrase as written, document date, expected due date or None)
PHRASES = [
    # quarters
    ("一季度", "2023-02-11", "2023-03-31"),
    ("确保第一季度", "2023-02-11", "2023-03-31"),
    ("2025年第一季度", "2025-02-06", "2025-03-31"),
    ("二季度", "2023-02-11", "2023-06-30"),
    ("三季度", "2023-02-11", "2023-09-30"),
    ("奋战四季度", "2021-10-01", "2021-12-31"),
    ("一季度末", "2023-02-11", "2023-03-31"),
    ("Q3", "2023-02-11", "2023-09-30"),
    ("前三季度", "2023-02-11", "2023-09-30"),
    ("首季“开门红”", "2025-02-06", "2025-03-31"),
    ("本季度", "2021-10-01", "2021-12-31"),
    ("本月底前", "2021-10-01", "2021-10-31"),
    # half years
    ("上半年", "2023-02-11", "2023-06-30"),
    ("下半年", "2023-02-11", "2023-12-31"),
    ("力争年中前开工", "2023-02-11", "2023-06-30"),
    ("明年上半年", "2023-11-20", "2024-06-30"),
    # year ends
    ("年底前", "2021-10-01", "2021-12-31"),
    ("今年年底", "2021-10-01", "2021-12-31"),
    ("2025年底", "2021-10-01", "2025-12-31"),
    ("岁末", "2021-10-01", "2021-12-31"),
    ("年内", "2021-10-01", "2021-12-31"),
    ("今年内", "2021-10-01", "2021-12-31"),
    ("全年", "2020-03-09", "2020-12-31"),
    ("今年", "2023-01-29", "2023-12-31"),
    ("明年", "2023-11-20", "2024-12-31"),
    ("年度计划投资", "2023-02-11", "2023-12-31"),
    ("当年计划投资", "2022-04-12", "2022-12-31"),
    ("2024年度", "2024-01-11", "2024-12-31"),
    ("明年初", "2021-06-14", "2022-02-28"),
    ("明年年初前", "2021-06-14", "2022-02-28"),
    ("力争2024年中前投产", "2023-02-11", "2024-06-30"),
    # named years
    ("到2025年", "2021-10-01", "2025-12-31"),
    ("2025年前", "2021-10-01", "2025-12-31"),
    ("至二〇三五年", "2021-10-01", "2035-12-31"),
    ("2021—2023年", "2021-10-01", "2023-12-31"),
    ("2023年至2025年", "2023-02-11", "2025-12-31"),
    ("力争到2027年", "2023-02-11", "2027-12-31"),
    ("2024年6月底前", "2024-01-11", "2024-06-30"),
    # months and days
    ("前五个月", "2021-06-14", "2021-05-31"),
    ("1-8月", "2025-09-27", "2025-08-31"),
    ("3月底前", "2025-02-06", "2025-03-31"),
    ("6月末", "2023-02-11", "2023-06-30"),
    ("9月前", "2023-02-11", "2023-09-30"),
    ("计划10月开工", "2021-10-01", "2021-10-31"),
    ("6月30日前", "2023-02-11", "2023-06-30"),
    # five-year plans
    ("“十四五”期末", "2021-10-01", "2025-12-31"),
    ("力争“十四五”内", "2021-10-01", "2025-12-31"),
    ("十四五时期", "2021-10-01", "2025-12-31"),
    ("“十五五”期间", "2026-01-10", "2030-12-31"),
    ("到“十三五”末", "2017-05-01", "2020-12-31"),
    # spans of years, counting the document's year as the first
    ("用两年时间", "2023-02-11", "2024-12-31"),
    ("三年内", "2023-02-11", "2025-12-31"),
    ("10年内", "2023-02-11", "2032-12-31"),
    ("今明两年", "2023-02-11", "2024-12-31"),
    ("未来三年", "2024-07-27", "2026-12-31"),
    ("三年行动计划", "2021-10-01", "2023-12-31"),
    # the Spring Festival: its eve, the first one on or after the document date
    ("春节前", "2023-11-20", "2024-02-09"),
    ("春节前", "2023-01-10", "2023-01-21"),
    ("2025年春节前", "2024-06-01", "2025-01-28"),
    # National Day (1 October): the end of September (round5_f f07)
    ("国庆前", "2025-03-05", "2025-09-30"),
    ("国庆节之前", "2021-07-01", "2021-09-30"),
    # recurring goals and words that set no deadline
    ("每年", "2021-10-01", None),
    ("年均", "2021-10-01", None),
    ("今年以来", "2021-10-01", None),
    ("年初以来", "2021-10-01", None),
    ("今年2月以来", "2020-07-23", None),
    ("近年以来", "2021-10-01", None),
    ("截至目前,海门共新签约重大项目33个", "2025-06-06", None),   # a report of the year so far
    ("去年,扬州新招引亿元以上产业项目734个", "2024-02-21", None),   # a year that is over
    ("达产后", "2023-04-09", None),          # after an event: governs, no date (test_dates.py)
    ("比2020年", "2021-10-01", None),
    ("去年同期", "2021-10-01", None),
    ("增加到2025年的1.4万亿元", "2025-12-18", None),   # a level reached, not a horizon
    ("完成年度目标的205%", "2023-01-01", None),
    ("超额完成年度投资计划", "2023-01-01", None),
    ("年产", "2023-02-11", None),
    ("提前3个月完成", "2023-02-11", None),
]


@pytest.mark.parametrize("phrase,doc_date,expected", PHRASES)
def test_phrase_due_date(phrase, doc_date, expected):
    due = parse_deadline(phrase, date.fromisoformat(doc_date))
    assert (due.isoformat() if due else None) == expected


def test_every_table_row_has_a_phrase_test():
    rows_hit = {max(find_phrases(normalize(p).text), key=lambda f: f.end - f.start).row
                for p, _, _ in PHRASES if find_phrases(normalize(p).text)}
    missing = [r.source for r in phrase_rules() if r.row not in rows_hit]
    assert not missing


@pytest.mark.parametrize("text,phrases", [
    ("2023年中国经济", ["2023年"]),          # not 年中 (mid-year)
    ("今年内蒙古自治区", ["今年"]),          # not 年内 + 蒙古
    ("2023年内部审计", ["2023年"]),
])
def test_words_that_only_hold_a_phrase_s_characters(text, phrases):
    assert [p.text for p in find_phrases(text)] == phrases


def test_raw_traditional_phrase_is_read():
    assert parse_deadline("確保一季度", date(2025, 2, 6)) == date(2025, 3, 31)


def test_absolute_phrases_need_no_document_date():
    assert parse_deadline("到2025年", None) == date(2025, 12, 31)
    assert parse_deadline("“十四五”期末", None) == date(2025, 12, 31)
    assert parse_deadline("年内", None) is None


def test_longer_phrase_hides_the_shorter_inside_it():
    assert [p.text for p in find_phrases("今年以来,全市新签约项目")] == ["今年以来"]
    assert [p.text for p in find_phrases("2021年前两个季度")] == ["2021年前两个季度"]
    assert [p.text for p in find_phrases("三年内建成")] == ["三年内"]


def _phrases_by_whole_patterns(text):
    """find_phrases' reading with each row's pattern searched whole, leading year and all (the
    engine searches a pattern that opens with {Y} without it, then looks for the year before)."""
    import regex
    found = []
    for rule in phrase_rules():
        for m in regex.finditer(expand_macros(rule.source), text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), rule.row,
                              tuple(sorted((k, v) for k, v in m.groupdict().items() if v is not None))))
    kept = []
    for p in sorted(found, key=lambda p: (p[0], p[0] - p[1], p[2])):
        if not kept or p[0] >= kept[-1][1]:
            kept.append(p)
    return kept


def test_a_leading_year_is_read_as_the_whole_pattern_reads_it(seed_texts):
    texts = [normalize(t).text for t in seed_texts.values()]
    texts.append("".join(p for p, _, _ in PHRASES))                      # phrases run together
    texts.append(",".join(f"{p}新签约项目3个" for p, _, _ in PHRASES))    # and apart
    texts.append("2023 年一季度,二〇二三年3月底前,23年6月前,今年 四季度,12025年度,二〇二〇二三年底")
    for text in texts:
        ours = [(p.start, p.end, p.row, tuple(sorted(p.groups))) for p in find_phrases(text)]
        assert ours == _phrases_by_whole_patterns(text)


def test_required_characters_of_a_pattern():
    assert required_characters("第?[一二]季度(?:末|底)?") == (frozenset("一二"), frozenset("季"), frozenset("度"))
    assert required_characters("(?:本|这个|当)月(?=底)") == (frozenset("本这当"), frozenset("月"))
    assert required_characters(r"(?:\d+|十)年?") == ()


def test_a_rule_is_skipped_only_where_it_cannot_match(seed_texts):
    """find_phrases runs a rule only on sentences holding a character of each of its `needs`: every
    match of every row holds them."""
    texts = [normalize(t).text for t in seed_texts.values()] + [",".join(p for p, _, _ in PHRASES)]
    for rule in phrase_rules():
        assert rule.needs, rule.source
        for text in texts:
            for m in rule.pattern.finditer(text):
                assert all(not chars.isdisjoint(m.group()) for chars in rule.needs), (rule.source, m.group())


# -- the tables ------------------------------------------------------------------------------------

def test_phrase_table_compiles_without_duplicates():
    rows = load_table("deadline_phrases")
    patterns = [row["pattern"] for row in rows]
    assert len(patterns) == len(set(patterns))
    assert len(phrase_rules()) == len(rows)
    assert {r.rule for r in phrase_rules()} <= set(RULES)
    for rule in phrase_rules():
        assert not rule.pattern.match(""), rule.source   # a pattern must not match nothing


def test_unknown_macro_is_refused():
    with pytest.raises(ValueError):
        expand_macros("{Year}底")
    assert set(MACROS) == {"Y", "Ynow", "Q", "M", "D", "N", "K"}


def test_spring_festival_table():
    festivals = spring_festivals()
    years = sorted(festivals)
    assert years == list(range(years[0], years[-1] + 1))
    assert len(load_table("date_spring_festival")) == len(years)
    for year, day in festivals.items():
        assert day.year == year and date(year, 1, 21) <= day <= date(year, 2, 20)


# -- conformance: JioNLP and Recognizers-Text cases within scope ------------------------------------

# Quarters, half years, year ends, 年底前, X年前 (JioNLP's convention: by the end of X), month ends,
# 年内, and the first months of a year. Not selected: points and spans in the past (三年前, 上个季度),
# times of day, durations, 年初/月初 spans, and Recognizers-Text's X年前 (before Jan 1 of X).
SELECTED = [
    "jionlp-time_parser-034", "jionlp-time_parser-035", "jionlp-time_parser-036", "jionlp-time_parser-037",
    "jionlp-time_parser-038", "jionlp-time_parser-039", "jionlp-time_parser-040", "jionlp-time_parser-041",
    "jionlp-time_parser-043", "jionlp-time_parser-046", "jionlp-time_parser-047", "jionlp-time_parser-048",
    "jionlp-time_parser-050", "jionlp-time_parser-051", "jionlp-time_parser-052", "jionlp-time_parser-054",
    "jionlp-time_parser-055", "jionlp-time_parser-087", "jionlp-time_parser-090", "jionlp-time_parser-092",
    "jionlp-time_parser-093", "jionlp-time_parser-095", "jionlp-time_parser-096", "jionlp-time_parser-125",
    "jionlp-time_parser-131", "jionlp-time_parser-141", "jionlp-time_parser-142", "jionlp-time_parser-143",
    "jionlp-time_parser-144", "jionlp-time_parser-146", "jionlp-time_parser-209", "jionlp-time_parser-210",
    "jionlp-time_parser-368", "jionlp-time_parser-373",
    "rt-datetimemodel-098", "rt-datetimemodel-099", "rt-datetimemodel-100", "rt-datetimemodel-101",
    "rt-datetimemodel-102", "rt-datetimemodel-106", "rt-datetimemodel-107", "rt-dateperiodparser-026",
]
EXPECTED_FAILURES = {
    "jionlp-time_parser-368": "未来5年内 is five plan years counting this one (2025-12-31), not ref + 5 years",
}


def _cases():
    cases = {c["id"]: c for c in json.loads((DATA / "conformance" / "time.json").read_text(encoding="utf-8"))}
    for case_id in SELECTED:
        marks = [pytest.mark.xfail(reason=EXPECTED_FAILURES[case_id], strict=True)] if case_id in EXPECTED_FAILURES else []
        yield pytest.param(cases[case_id], id=case_id, marks=marks)


def _reference(ref: str | None) -> date | None:
    if ref is None:
        return None
    parts = ref[:10].split("-")
    return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)


def _expected_end(case) -> tuple[str, date]:
    if case["task"] == "parse":
        return case["input"], date.fromisoformat(case["expected"]["end"][:10])
    mention = case["expected"][0]
    value = mention["values"][0]
    end = date.fromisoformat(value["end"][:10])
    return mention["text"], end - timedelta(days=1) if value["end_inclusive"] is False else end


@pytest.mark.parametrize("case", list(_cases()))
def test_conformance_end_date(case):
    phrase, expected = _expected_end(case)
    assert parse_deadline(phrase, _reference(case["ref_date"])) == expected
