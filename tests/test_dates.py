"""Document date and the deadline of every target: the seeds against the gold, the dateline and year
rules, the scope of a deadline phrase, and the dates of the shared corpus of follow-up articles."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from support import GOLD, SEEDS, load_scorer
from extract import extract_mentions
from extract.context.dates import assign_dates, document_date
from extract.context.docdate import body_date, dateline_date, reference_date, year_of_writing
from extract.context.document import DocMeta, Document
from extract.mentions import find_mentions
from extract.normalize import normalize
from extract.rules import load_table

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def run(text: str, *, targets=True, **meta) -> list:
    """The figures of `text` with their dates; `targets` sets is_target of every figure (the intent
    step's job) so that the scope rules are tested on their own."""
    figures = extract_mentions(text, doc_name="t")
    norm = normalize(text)
    mentions = find_mentions(norm)
    assert len(mentions) == len(figures)
    for f in figures:
        f.is_target = targets
    assign_dates(Document.of(norm, DocMeta(name="t", **meta)), mentions, figures)
    return figures


# -- seeds against the gold ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds_with_gold_targets():
    """Every seed's figures, with is_target taken from the matched gold figure (False if unmatched)."""
    scorer = load_scorer()
    gold = {g["doc"]: g for g in (json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json")))}
    predictions = []
    for path in sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt")):
        raw = path.read_text(encoding="utf-8")
        figures = extract_mentions(raw, doc_name=path.name)
        norm = normalize(raw)
        mentions = find_mentions(norm)
        for f in figures:
            f.is_target = False
        taken = set()
        for gm in gold[path.name]["mentions"]:
            where = raw.find(gm["text"])
            candidates = [i for i, f in enumerate(figures) if i not in taken and f.kind == gm["kind"]
                          and scorer.close(f.value, gm["value"])]
            if candidates:
                best = min(candidates, key=lambda i: abs(figures[i].start - where))
                taken.add(best)
                figures[best].is_target = gm["is_target"]
        assign_dates(Document.of(norm, DocMeta(name=path.name)), mentions, figures)
        predictions += [f.to_dict() for f in figures]
    return gold, predictions, scorer


def test_seed_deadline_accuracy(seeds_with_gold_targets):
    gold, predictions, scorer = seeds_with_gold_targets
    report, errors = scorer.score(gold, predictions, str(SEEDS))
    assert report["attributes"]["deadline"]["accuracy"] >= 0.95, [e for e in errors if "deadline" in e]


def test_seed_document_dates(seeds_with_gold_targets):
    gold, predictions, _ = seeds_with_gold_targets
    for doc, g in gold.items():
        found = {p["doc_date"] for p in predictions if p["doc"] == doc}
        assert len(found) == 1, doc
        (doc_date,) = found
        assert doc_date is not None and doc_date.startswith(g["doc_date"]), (doc, doc_date, g["doc_date"])


# -- document date -------------------------------------------------------------------------------

def _date(text, **meta):
    return document_date(normalize(text), DocMeta(**meta))


def test_user_date_wins_over_metadata_and_text():
    text = "交汇点讯 1月29日,南通召开大会。2023年是开局之年。"
    assert _date(text, doc_date="2023-02-01", metadata_date="2023-01-30") == ("2023-02-01", "user")
    assert _date(text, metadata_date="2023-01-30T08:00:00") == ("2023-01-30", "metadata")
    assert _date(text) == ("2023-01-29", "dateline")


@pytest.mark.parametrize("given,expected", [
    ("2021-10-01T08:00:00+08:00", "2021-10-01"), ("2021/10/1", "2021-10-01"), ("2021年10月1日", "2021-10-01"),
    ("20211001", "2021-10-01"), ("2025-02", "2025-02-01"), ("2021-13-01", None), ("十月一日", None),
])
def test_given_date_formats(given, expected):
    assert _date("全市召开大会。", metadata_date=given)[0] == expected


def test_a_month_is_its_first_day_and_a_year_alone_is_no_date():
    assert _date("全市召开大会。", doc_date="2025-02") == ("2025-02-01", "user")
    assert _date("全市召开大会。", doc_date="2021") == (None, None)
    assert reference_date("全市召开大会。", DocMeta(doc_date="2021"))[2] == date(2021, 1, 1)


# One case per row of date_datelines.tsv, in table order.
DATELINES = [
    ("项目为王\n来源:海门日报 发布时间:2024-07-27 字体:[ ]\n", "2024-07-27"),
    ("全力走稳走好踏上新征程的第一步\n\n2021年10月 01日 09:04 | 来源: 扬州日报\n", "2021-10-01"),
    ("灵动江苏|高邮市招商率先完成全年目标\n2025-09-27\n来源|扬州日报\n", "2025-09-27"),
    ("中新网肇庆12月9日电 (记者 某某)2022年,肇庆市招商引资……", "2022-12-09"),
    ("本报讯(通讯员施伟办 记者顾艳)实干抢开局,冲刺“开门红”。2月11日,我区召开大会。2023年一季度", "2023-02-11"),
    ("——2024年1月11日在南通市海门区第十八届人民代表大会第三次会议上\n区长 某某", "2024-01-11"),
]


@pytest.mark.parametrize("text,expected", DATELINES)
def test_dateline(text, expected):
    norm = normalize(text)
    assert dateline_date(norm.text, year_of_writing(norm.text)) == date.fromisoformat(expected)


def test_every_dateline_row_has_a_case():
    import regex

    patterns = [regex.compile(row["pattern"]) for row in load_table("date_datelines")]
    first_hits = {next(i for i, p in enumerate(patterns) if p.search(normalize(t).text)) for t, _ in DATELINES}
    assert first_hits == set(range(len(patterns)))


@pytest.mark.parametrize("table,key", [("date_datelines", ("pattern",)), ("date_year_cues", ("cue", "side"))])
def test_date_tables_have_no_duplicates(table, key):
    rows = [tuple(row[k] for k in key) for row in load_table(table)]
    assert rows and len(rows) == len(set(rows))
    assert all(row["side"] in ("before", "after") for row in load_table("date_year_cues"))


def test_dateline_without_a_year_takes_the_year_of_writing():
    text = "交汇点讯 1月29日,会议通报了2022年十佳案例。2023年是全面贯彻落实党的二十大精神的开局之年。到2025年……"
    assert _date(text) == ("2023-01-29", "dateline")


def test_body_date_is_the_first_day_named_not_one_looked_ahead_to():
    assert body_date("力争6月30日前竣工。2月6日,全市召开大会。", 2025) == date(2025, 2, 6)
    assert _date("人勤春来早。2月6日,东海镇召开2025年第一季度重点工作推进会。") == ("2025-02-06", "text")


@pytest.mark.parametrize("text,year", [
    ("会议通报了2022年十佳案例,召开2022年度总结表彰大会。全区2023年一季度项目集中开工。", 2023),
    ("2021年,全市新签约项目100个。到2025年,新增企业100家;2035年远景目标。", 2021),
    ("“十四五”规划(2021-2025年)", None),
    ("计划2032年建成,预计2028年通车,一期工程2025年11月竣工。", 2025),
    ("二〇二三年全市工作要点", 2023),
    ("全市召开大会。", None),
])
def test_year_of_writing(text, year):
    assert year_of_writing(text) == year


# -- deadlines and their scope --------------------------------------------------------------------

def _deadlines(figures):
    return [(f.text, f.deadline) for f in figures]


def test_phrase_in_the_clause_governs_its_figure():
    figures = run("一季度新签约项目10个,全年新签约项目50个。", doc_date="2023-02-11")
    assert _deadlines(figures) == [("项目10个", "2023-03-31"), ("项目50个", "2023-12-31")]


def test_phrase_before_in_the_sentence_governs_the_clauses_after_it():
    figures = run("据了解,海门今年将确保新签约超10亿元项目不少于30个,确保新开工5亿元以上产业项目不少于30个。",
                  doc_date="2023-01-29")
    assert {f.deadline for f in figures} == {"2023-12-31"} and len(figures) == 4
    assert {f.deadline_text for f in figures} == {"今年"}


def test_a_leading_phrase_in_a_clause_of_its_own_governs_past_semicolons():
    # CONSTRUCTED (c03, c04): the horizon opens the sentence; the semicolon parts after it are its items.
    figures = run("2024年湛江市招商引资工作的主要目标是:全年新签约项目500个以上;新落地项目投资额1200亿元;"
                  "实际利用外资5亿美元以上。", doc_date="2024-02-20")
    assert {f.deadline for f in figures} == {"2024-12-31"} and len(figures) == 3
    figures = run("到2025年,累计引进到位资金6000亿元以上;新引进10亿元以上重大产业项目150个。", doc_date="2021-08-12")
    assert {f.deadline for f in figures} == {"2025-12-31"} and len(figures) == 3


def test_a_phrase_in_another_figures_clause_stops_at_the_semicolon():
    # CONSTRUCTED: 一季度 is the 10's; past the semicolon nothing says when the 20 is due.
    figures = run("新签约项目30个,其中一季度签约项目10个;新开工项目20个。", doc_date="2023-02-11")
    assert _deadlines(figures) == [("项目30个", None), ("项目10个", "2023-03-31"), ("项目20个", None)]


def test_phrase_after_in_the_sentence_governs_when_none_comes_before():
    figures = run("加快17个工业项目挂牌,四季度再组织一次集中开工。", doc_date="2021-10-01")
    assert _deadlines(figures) == [("17个工业项目", "2021-12-31")]


def test_paragraph_opening_phrase_governs_the_paragraph():
    figures = run("奋战四季度,邗江将紧盯工业开票百强。坚持服务到一线,加快发放1.3亿元区级工信奖补资金。",
                  doc_date="2021-10-01")
    assert _deadlines(figures) == [("1.3亿元", "2021-12-31")]
    assert figures[0].deadline_text == "四季度"


def test_a_phrase_after_the_figure_in_another_figures_clause_is_that_figures():
    figures = run("全年新签约项目30个,其中一季度签约项目10个。", doc_date="2023-02-11")
    assert _deadlines(figures) == [("项目30个", "2023-12-31"), ("项目10个", "2023-03-31")]
    figures = run("新签约项目30个,其中一季度签约项目10个。", doc_date="2023-02-11")
    assert _deadlines(figures) == [("项目30个", None), ("项目10个", "2023-03-31")]


def test_the_line_introducing_a_list_governs_its_items():
    text = "今年经济社会发展的主要预期目标是:\n1.新签约重大项目30个;\n2.新开工亿元以上项目20个。\n全市新增企业10家。"
    figures = run(text, doc_date="2025-01-10")
    assert _deadlines(figures) == [("项目30个", "2025-12-31"), ("亿元以上", "2025-12-31"),
                                   ("项目20个", "2025-12-31"), ("企业10家", None)]


def test_the_outline_heading_of_a_section_dates_its_targets():
    # CONSTRUCTED: "二、2023年工作安排" dates the targets of its section that have no phrase nearer;
    # a numbered item with clause marks ("1.…,…;") is no heading.
    text = "二、2023年工作安排\n(二)大抓项目建设\n实施重点项目120个。\n1.一季度新签约项目30个,新开工项目20个;\n全市新增企业10家。"
    figures = run(text, doc_date="2023-01-06")
    assert _deadlines(figures) == [("项目120个", "2023-12-31"), ("项目30个", "2023-03-31"),
                                   ("项目20个", "2023-03-31"), ("企业10家", "2023-12-31")]


def test_a_far_phrase_does_not_govern():
    assert _deadlines(run("全市经济平稳,年内将召开大会。新签约项目30个。", doc_date="2021-10-01")) == [("项目30个", None)]
    assert _deadlines(run("今年全市经济平稳。\n新签约项目30个。", doc_date="2021-10-01")) == [("项目30个", None)]


def test_a_share_of_a_target_reported_is_no_deadline():
    figures = run("其中,新招引先进制造业重大项目205个,完成年度目标的205%。", doc_date="2023-01-01")
    assert _deadlines(figures) == [("项目205个", None)]


def test_a_baseline_year_is_no_deadline():
    figures = run("到2025年,新增企业100家,比2020年翻一番。", doc_date="2021-10-01")
    assert _deadlines(figures) == [("企业100家", "2025-12-31")]


def test_a_recurring_goal_is_annual_without_a_date():
    (figure,) = run("江都每年设立不低于1亿元的工业技改奖补资金。", doc_date="2021-10-01")
    assert (figure.is_annual, figure.deadline, figure.deadline_text) == (True, None, "每年")


def test_facts_and_undecided_figures_get_no_deadline():
    for target in (False, None):
        figures = run("2023年一季度计划总投资近100亿元的25个重大项目开工。", targets=target, doc_date="2023-01-29")
        assert figures and all(f.deadline is None and f.deadline_text is None and not f.is_annual for f in figures)
        assert all(f.doc_date == "2023-01-29" and f.doc_date_source == "user" for f in figures)


def test_deadline_text_is_as_written():
    figures = run("確保一季度新簽約10億元以上項目1個。", doc_date="2025-02-06")
    assert [(f.deadline, f.deadline_text) for f in figures] == [("2025-03-31", "一季度")] * 2


def test_a_year_alone_still_dates_relative_deadlines():
    (figure,) = run("年内新增国家高新技术企业60家以上。", doc_date="2021")
    assert (figure.doc_date, figure.deadline) == (None, "2021-12-31")


def test_a_period_already_over_is_no_deadline():
    (figure,) = run("上半年实现地区生产总值925.5亿元。", doc_date="2025-08-04")
    assert figure.deadline is None
    (figure,) = run("确保下半年新签约项目10个。", doc_date="2025-08-04")
    assert figure.deadline == "2025-12-31"


def test_a_projection_after_an_event_is_due_on_no_date():
    # CONSTRUCTED (b01, b03): 年底前 is the completion's; what the project yields once built has no date.
    figures = run("该项目预计年底前竣工,建成后可实现年营业收入30亿元以上。", doc_date="2022-07-21")
    assert [(f.text, f.deadline, f.deadline_text) for f in figures] == [("30亿元以上", None, None)]
    figures = run("项目预计2026年全面建成,达产后年产值可达200亿元;另一项目计划年底前投用,总投资35亿元。",
                  doc_date="2024-04-09")
    assert _deadlines(figures) == [("200亿元", None), ("35亿元", "2024-12-31")]


def test_parts_of_a_year_take_the_year_said_before_them_in_the_sentence():
    # CONSTRUCTED (b10): 明年 dates the 年度 and 一季度 after it, in a December text.
    figures = run("明年全市计划安排重点项目1200个,年度计划投资2500亿元,力争一季度新开工亿元以上项目150个以上。",
                  doc_date="2025-12-18")
    assert _deadlines(figures) == [("项目1200个", "2026-12-31"), ("2500亿元", "2026-12-31"),
                                   ("亿元以上", "2026-03-31"), ("项目150个以上", "2026-03-31")]
    # a horizon (到2025年) is no year said on its own: 年内 stays the document's
    figures = run("到2025年,累计引进企业500家,年内新引进企业100家。", doc_date="2021-08-12")
    assert _deadlines(figures) == [("企业500家", "2025-12-31"), ("企业100家", "2021-12-31")]


def test_a_part_of_the_year_beside_its_own_rate_does_not_date_the_clauses_after_it():
    # CONSTRUCTED (b02): 上半年 is the 开工率's; the figures after it are due with 今年.
    figures = run("今年要确保上半年开工率达到60%,招商引资到位资金不低于1200亿元,引进企业30家以上。",
                  doc_date="2023-04-11")
    assert _deadlines(figures) == [("不低于1200亿元", "2023-12-31"), ("企业30家以上", "2023-12-31")]
    figures = run("今年要确保上半年新签约项目10个,开工项目5个。", doc_date="2023-04-11")
    assert _deadlines(figures) == [("项目10个", "2023-06-30"), ("项目5个", "2023-06-30")]


def test_a_speakers_label_does_not_hide_the_paragraphs_opening_phrase():
    # CONSTRUCTED (b04), a press conference transcript.
    figures = run("刘振国:下半年,我们将力争新引进项目不少于600个。三个开发区要各新引进项目50个以上。",
                  doc_date="2020-07-23")
    assert _deadlines(figures) == [("项目不少于600个", "2020-12-31"), ("项目50个以上", "2020-12-31")]
    figures = run("刘振国:今年2月以来,新区出台政策措施。下一步,新区还将设立总规模100亿元的基金。",
                  doc_date="2020-07-23")
    assert _deadlines(figures) == [("100亿元", None)]


def test_running_twice_gives_the_same_result():
    text = "奋战四季度,全年新签约项目50个。"
    figures = run(text, doc_date="2021-10-01")
    norm = normalize(text)
    assign_dates(Document.of(norm, DocMeta(doc_date="2021-10-01")), find_mentions(norm), figures)
    assert _deadlines(figures) == [("项目50个", "2021-12-31")]


# -- the shared corpus: publication dates its SOURCES.md gives -----------------------------------

# Printed in the stored text (exact), or inferred by SOURCES.md (to the month or year it gives).
CORPUS_DATES = {
    "bj_tongzhou_2023_outcome_2024plan.txt": "2024-03-22",
    "bj_tongzhou_2023_target_bjtitle.txt": "2023-01-04",
    "bj_tongzhou_2024_outcome_sina.txt": "2025-01-15",
    "gaoyou_2025_jan_aug_target_progress.txt": "2025-09-27",
    "haimen_2024_gov_report_review2023.txt": "2024-01-11",
    "haimen_2024h1_outcome.txt": "2024-07-27",
    "haimen_2024h1_signing_completion.txt": "2024-07-04",
    "haimen_2025_h1_plan_execution.txt": "2025-08-04",
    "haimen_2025_target_hmrb.txt": "2025-03-17",
    "qidong_2025_jan_may_outcome.txt": "2025-06-18",
    "tongzhou_2020_outcome_gxj.txt": "2020-12-24",
    "yangzhou_2022_jan_nov_target_completion.txt": "2023-01-01",
    "yangzhou_2023_outcome_2024_target_xhrb.txt": "2024-02-21",
    "haimen_2020_target_xdkb.txt": "2020-03",
    "tongzhou_2024_outcome_2025_plan_ifeng.txt": "2025-02",
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")
@pytest.mark.parametrize("name,expected", sorted(CORPUS_DATES.items()))
def test_corpus_document_date(name, expected):
    doc_date, source = _date((CORPUS / name).read_text(encoding="utf-8"))
    assert doc_date is not None and doc_date.startswith(expected) and source in ("dateline", "text")
