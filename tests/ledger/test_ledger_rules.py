"""Every row of the ledger's tables (rules/ledger_*.tsv) at work on the real sentence that needed it,
read the way the ledger reads a document (its figures, then the ledger's own readings)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from extract.ledger import build_ledger
from extract.ledger.indicators import subunit
from extract.normalize import normalize
from extract.pipeline import extract_mentions
from extract.rules import load_table


def read(sentence: str, doc_date: str = "2025-06-30"):
    figures = extract_mentions(sentence, doc_name="t.txt", doc_date=doc_date)
    return build_ledger(figures, texts={"t.txt": sentence}, as_of=date(2026, 1, 1))


def observation(sentence: str, figure: str, doc_date: str = "2025-06-30"):
    table = read(sentence, doc_date).observations
    start = sentence.index(figure)
    mine = table[(table["start"] <= start) & (start < table["end"])]
    assert len(mine) == 1, (figure, table[["start", "text"]].to_dict("records"))
    return mine.iloc[0]


# (sentence, the figure, its measure): one row of ledger_measures.tsv each, by its word
MEASURES = {
    "签约": ("截至10月底,全市新签约重大产业项目309个", "309个", "signed"),
    "新签约": ("2025年,力争新签约亿元以上项目40个", "40个", "signed"),
    "签约落户": ("前10个月309个重大产业项目签约落户扬州", "309个", "signed"),
    "招引": ("确保全年招引超5亿元重大制造业内资项目60个", "60个", "signed"),
    "新招引": ("当年1-11月,全市新招引正式合同重大产业项目439个,完成年度目标的172.2%", "439个", "signed"),
    "引进": ("全年招商引资目标:着力招引一批重特大项目,引进重大产业项目330个", "330个", "signed"),
    "新引进": ("全年招商引资目标:新引进重大产业项目330个", "330个", "signed"),
    "签约并注册": ("全年新签约并注册5亿元及3000万美元以上项目42个", "42个", "signed_registered"),
    "开工": ("截至1月底,24个省重大项目已开工13个", "13个", "started"),
    "新开工": ("新开工项目方面,2022年全年目标100项,1-11月认定121项,完成率121%", "121项", "started"),
    "计划开工": ("截至目前,244个一季度计划开工项目已开工133个", "244个", "started"),
    "竣工": ("竣工项目方面,全年目标149项,1-11月认定125项", "125项", "completed"),
    "新竣工": ("新竣工项目方面,全年目标149项,1-11月认定125项", "125项", "completed"),
    "达产": ("今年1-5月,认定达产项目13个", "13个", "in_production"),
    "投产": ("全市竣工投产工业项目98个,同比增长250%,完成目标任务56%", "98个", "in_production"),
    "到位": ("上报到位资金9.92亿元", "9.92亿元", "funds_in_place"),
    "到资": ("新签约先进制造业重大项目(注册到资)18个,完成率200%", "18个", "funds_in_place"),
    "到账": ("实际到账外资1.5亿美元", "1.5亿美元", "funds_in_place"),
    "完成投资": ("在建重点项目完成投资4737.12亿元,完成年度计划的110.0%", "4737.12亿元", "investment_done"),
    "固定资产投资": ("2024年,固定资产投资豪迈突破千亿元大关", "千亿元", "investment_done"),
    "固投": ("今年计划完成固投1005亿元", "1005亿元", "investment_done"),
    "投资规模": ("今年,继续保持千亿以上投资规模", "千亿", "investment_done"),
    "计划投资": ("此次集中开工的产业项目共16个,年度计划投资15.9亿元", "15.9亿元", "investment_done"),
    "年度投资": ("2023年,通州区全年完成年度投资12.72亿元", "12.72亿元", "investment_done"),
    "总投资": ("截止目前,海门共新签约重大项目33个,总投资约213.6亿元", "213.6亿元", "total_investment"),
    "一般公共预算收入": ("今年的主要预期目标是:实现一般公共预算收入81亿元", "81亿元", "budget_revenue"),
    "地区生产总值": ("——实现地区生产总值1635亿元,同比增长3.1%", "1635亿元", "gdp"),
    "外贸进出口": ("上半年,实现外贸进出口194.9亿元、增长60.3%", "194.9亿元", "foreign_trade"),
    "社会消费品零售总额": ("——社会消费品零售总额521亿元,增长3%", "521亿元", "retail_sales"),
    "应税销售": ("——规模工业应税销售1280亿元,增长30%", "1280亿元", "taxable_sales"),
    "开票销售": ("分别完成工业开票销售506亿元、639.4亿元、785亿元", "506亿元", "taxable_sales"),
    "在谈": ("目前重点在谈推进项目36个", "36个", "negotiating"),
    "投资目标": ("2023年,城市副中心完成了千亿投资目标", "千亿", "investment_done"),
    "具备开工条件": ("確保藥王養生谷等20個項目年底前具備開工條件", "20個", "ready_to_start"),
    "筛选": ("今年再次初步筛选2022年度市级重大重点项目624个,项目总投资1.01万亿元", "624个", "listed"),
    "列入": ("一季度,全县26个重点工业项目已开工建设17个,开工率为65%;列入全市重点工业建设项目16个,开工复工率达到62.5%",
           "16个", "listed"),
    "纳入": ("该市纳入2022年省大中型建设项目达211个,项目总投资4434.87亿元", "211个", "listed"),
    "确定": ("今年,省政府确定重大建设项目780个,总投资15583亿元", "780个", "listed"),
}


def test_every_measure_word_has_a_sentence():
    assert set(MEASURES) == {row["word"] for row in load_table("ledger_measures")}


@pytest.mark.parametrize("word", sorted(MEASURES))
def test_measure_words(word):
    sentence, figure, measure = MEASURES[word]
    assert word in normalize(sentence).text
    assert observation(sentence, figure)["measure"] == measure


# (sentence, the figure, its object): one row of ledger_objects.tsv each
OBJECTS = {
    "制造业": ("全市新签约重大产业项目309个,其中先进制造业重大项目128个", "128个", "projects+major+manufacturing"),
    "工业": ("全年新开工5亿元以上工业项目23个", "23个", "projects+industrial"),
    "服务业": ("新招引先进制造业重大项目205个;现代服务业重大项目89个", "89个", "projects+major+services"),
    "农业": ("新招引正式合同重大产业项目439个;农业重大项目145个", "145个", "projects+agriculture+major"),
    "科创": ("确保全年招引服务业项目100个、科创项目210个", "210个", "projects+innovation"),
    "外资": ("签约并注册总投资超3000万美元外资项目9个", "9个", "projects+foreign"),
    "内资": ("签约并注册总投资超5亿元内资项目27个", "27个", "projects+domestic"),
    "重大": ("全市新签约重大产业项目309个", "309个", "projects+major"),
    "重特大": ("新开工10亿元以上重特大产业项目12个以上", "12个", "projects+major"),
    "省重大": ("截至1月底,24个省重大项目已开工13个", "24个", "projects+provincial_major"),
    "市重大": ("截至1月底,525个市重大项目已开工286个", "286个", "projects+city_major"),
}


def test_a_planned_sum_stated_as_a_fact_is_the_size_of_the_projects():
    """ledger_measures.tsv as_fact: 22.2億元 is what the 9 projects cost (a fact by the intent step),
    never investment done that would answer the year's plan of 6.7億元 beside it."""
    sentence = "盧氏縣今年還將開工建設9個社會民生類項目,計劃投資22.2億元,年度計劃完成投資6.7億元"
    size, plan = observation(sentence, "22.2億元", "2019-02-20"), observation(sentence, "6.7億元", "2019-02-20")
    assert (size["measure"], size["is_target"]) == ("total_investment", False)
    assert (plan["measure"], plan["is_target"]) == ("investment_done", True)
    assert (read(sentence, "2019-02-20").links["kind"] == "pair").sum() == 0


# (sentence, a figure of one event's batch): one row of ledger_batches.tsv each
BATCHES = {
    "此次": ("此次通州区入选的7个省重大项目,其中,实施类项目5个,储备项目2个,计划总投资128亿元,年度计划投资17亿元",
           "17亿元"),
    "本次": ("其中列入本次省市县三级联动开工项目37个,总投资692.1亿元,年度计划投资251.7亿元", "251.7亿元"),
    "这次": ("其中,列入这次开工的项目104个、总投资714亿元", "104个"),
    "集中开工": ("在去年三、四季度集中开工项目177个、总投资2374.6亿元的基础上", "177个"),
    # the projects' noun after the count: 28个项目
    "集中签约": ("在此前的9月和10月,宜昌市已先后举行两次集中签约活动,推动协议投资总额175.42亿元的28个项目落户宜昌", "28个"),
}


def test_every_batch_word_has_a_sentence_of_its_own():
    words = {row["word"] for row in load_table("ledger_batches")}
    assert set(BATCHES) == words
    for word, (sentence, _) in BATCHES.items():
        assert [w for w in words if w in normalize(sentence).text] == [word]


@pytest.mark.parametrize("word", sorted(BATCHES))
def test_batch_words(word):
    sentence, figure = BATCHES[word]
    assert observation(sentence, figure, "2021-10-20")["indicator_id"].endswith("|t.txt@0")


def test_a_batch_word_without_projects_after_it_makes_no_batch():
    from extract.ledger.indicators import _batch_words

    assert _batch_words().search("此次学习研讨的重要意义") is None
    assert _batch_words().search("此次集中签约的投资企业来自北京、重庆、深圳、武汉、香港等地") is not None


def test_a_batch_plan_is_answered_by_its_batch_only():
    """罗山 (the real article): the 10 projects started at one event plan 3.66亿元 for the year; the
    county's 133 key projects' 167.1亿元 is no report of that plan (progress 45x)."""
    text = (Path(__file__).resolve().parents[1] / "data" / "realdev" / "texts" / "luoshan_2021.txt").read_text(
        encoding="utf-8")
    figures = extract_mentions(text, doc_name="luoshan_2021.txt")
    ledger = build_ledger(figures, texts={"luoshan_2021.txt": text}, as_of=date(2026, 1, 1))
    plan = ledger.observations[ledger.observations["text"] == "3.66亿元"].iloc[0]
    assert plan["is_target"] and "|luoshan_2021.txt@" in plan["indicator_id"]
    assert (ledger.links["kind"] == "pair").sum() == 0


def test_every_object_word_has_a_sentence():
    assert set(OBJECTS) == {row["word"] for row in load_table("ledger_objects")}


@pytest.mark.parametrize("word", sorted(OBJECTS))
def test_object_words(word):
    sentence, figure, obj = OBJECTS[word]
    assert observation(sentence, figure)["object"] == obj


# (sentence, the figure, its progress): one row of ledger_rates.tsv each, in order
RATES = [
    ("引进优强企业8家,完成全年目标任务7家的114.29%", "8家", 1.1429),
    ("全区完成一般公共预算收入43.56亿元、占年度目标任务的54%", "43.56亿元", 0.54),
    ("全市新签约亿元以上项目50个,为年度任务的125%", "50个", 1.25),
    ("新签约正式合同先进制造业重大项目34个,完成率261.5%", "34个", 2.615),
]


def test_every_rate_row_has_a_sentence():
    assert len(RATES) == len(load_table("ledger_rates"))


@pytest.mark.parametrize("sentence, figure, progress", RATES)
def test_rate_phrases(sentence, figure, progress):
    row = observation(sentence, figure)
    assert row["rate"] == pytest.approx(progress) and not row["is_target"]


def test_a_stated_target_inside_a_rate_phrase_is_a_target_of_the_same_indicator():
    sentence = ("前10个月309个重大产业项目签约落户扬州\n\n记者从市商务局了解到,截至10月底,全市新签约重大产业项目309个,"
                "其中先进制造业重大项目128个,分别完成全年目标任务(330个和132个)的93.6%和96.97%。")
    ledger = read(sentence, "2021-11-05")
    pairs = ledger.links[ledger.links["kind"] == "pair"]
    assert sorted(zip(pairs["target_value"], pairs["latest_value"])) == [(132, 128), (330, 309)]
    rates = ledger.links[ledger.links["kind"] == "rate"]
    assert sorted(zip(rates["latest_value"], rates["progress"].round(4), rates["target_value"])) == [
        (128, 0.9697, 132), (309, 0.936, 330)]


def test_a_share_of_a_total_is_no_progress():
    row = observation("7个在建风电项目累计完成投资57.6亿元,占全市重点项目完成投资的33%", "57.6亿元", "2023-07-01")
    assert pd.isna(row["rate"])


def test_a_gap_to_a_growth_target_is_no_progress_of_an_amount():
    row = observation("——地区生产总值1635亿元,增速低于预期4.4个百分点", "1635亿元", "2023-01-10")
    assert pd.isna(row["rate"])


# (sentence, the figure made a target): one row of ledger_goal_words.tsv each
GOALS = {
    "全年目标": ("新竣工项目方面,全年目标149项,1-11月认定125项。", "149项"),
    "计划开工": ("截至目前,244个一季度计划开工项目已开工133个。", "244个"),
    "保持": ("今年,继续保持千亿以上投资规模,不断优化投资结构。", "千亿"),
}


def test_every_goal_word_has_a_sentence():
    assert set(GOALS) == {row["word"] for row in load_table("ledger_goal_words")}


@pytest.mark.parametrize("word", sorted(GOALS))
def test_goal_words(word):
    sentence, figure = GOALS[word]
    assert observation(sentence, figure, "2023-01-04")["is_target"]


def test_a_count_of_the_year_so_far_beside_a_goal_is_a_report():
    assert not observation("新竣工项目方面,全年目标149项,1-11月认定125项。", "125项", "2023-01-01")["is_target"]


def test_a_planned_cost_is_no_goal():
    assert not observation("16个新开工项目计划总投资83.2亿元", "16个", "2023-02-12")["is_target"]


# (sentence, what the ledger reads there that the grammar leaves out): one row of ledger_readings.tsv each
READINGS = [
    ("新开工项目方面,2022年全年目标100项,1-11月认定121项,完成率121%", {(100, "项目"), (121, "项目")}),
    ("2023年,城市副中心完成了千亿投资目标", {(1e11, None)}),
]


def test_every_reading_row_has_a_sentence():
    assert len(READINGS) == len(load_table("ledger_readings"))


@pytest.mark.parametrize("sentence, expected", READINGS)
def test_readings(sentence, expected):
    from extract.ledger.reader import read_more

    assert {(r["value"], r["counted"]) for r in read_more("t.txt", sentence, "2023-01-01")} == expected


def test_a_count_of_something_else_is_not_read():
    from extract.ledger.reader import read_more

    sentence = "对照年初确定的13个指标预期目标,有半年数据的12个指标中,7个指标符合预期目标,国民经济和社会发展计划执行基本顺利"
    assert read_more("t.txt", sentence, "2025-08-04") == []


# one row of ledger_subunits.tsv each: (region as written, the zone or town kept apart)
SUBUNITS = {
    "开发区": ("啟東經(jīng)濟(jì)開發(fā)區", "启东经济开发区"),
    "高新区": ("碧江高新区", "碧江高新区"),
    "新城": ("扬州生态科技新城", "扬州生态科技新城"),
    "镇": ("马驹桥镇", "马驹桥镇"),
}


def test_every_subunit_ending_has_a_name():
    assert set(SUBUNITS) == {row["suffix"] for row in load_table("ledger_subunits")}


@pytest.mark.parametrize("suffix", sorted(SUBUNITS))
def test_subunits(suffix):
    written, name = SUBUNITS[suffix]
    assert subunit(written) == name
    assert subunit("海门区") == ""
