"""Normalisation keeps a map back to the raw text; every normalised span maps to raw offsets."""
from __future__ import annotations

from extract.normalize import normalize


def test_pinyin_glosses_are_dropped_and_mapped_back():
    raw = "力爭兩個項(xiàng)目在3月底前正式投產(chǎn)"
    norm = normalize(raw)
    assert norm.text == "力争两个项目在3月底前正式投产"
    i = norm.text.index("项目")
    assert norm.raw_text(i, i + 2) == "項(xiàng)目"


def test_bracketed_latin_without_tone_marks_stays():
    assert normalize("世界贸易组织(wto)成员").text == "世界贸易组织(wto)成员"


def test_traditional_to_simplified_keeps_length():
    raw = "總投資90億元的惠生海工裝備基地項目"
    norm = normalize(raw)
    assert norm.text == "总投资90亿元的惠生海工装备基地项目"
    assert len(norm.text) == len(raw)


def test_full_width_digits_and_punctuation():
    assert normalize("总投资１５．５亿元，共３个").text == "总投资15.5亿元,共3个"


def test_line_break_inside_a_paragraph_is_joined():
    raw = "要紧扣市委新部署新要求,认真学习、主动借鉴苏州“三大法\n\n宝”,以扎实推进。"
    norm = normalize(raw)
    assert "三大法宝" in norm.text
    i = norm.text.index("三大法宝")
    assert norm.raw_text(i, i + 4) == "三大法\n\n宝"


def test_headings_are_not_joined_to_the_next_line():
    raw = "通州:提振精气神,聚力项目建设\n1月28日,张建华率队走访。\n## 全区2023年一季度项目集中开工\n\n16个新开工项目"
    assert normalize(raw).text.count("\n") >= 3


def test_titles_bylines_and_source_lines_are_not_joined():
    # CONSTRUCTED (tests/data/rounds/round2_b, c11): a long title in two parts, a source line and a
    # byline set their words apart by spaces; once they ran on into the date or the first paragraph
    # ("浏览次数：1286" + "4月22日" read 12864月).
    for raw in ["吉林省2019年重大项目集中开工 长春主会场开工项目总投资逾600亿元\n2019-05-06　新华社长春5月5日电",
                "2021-04-23 16:30　来源：湄潭县人民政府办公室　浏览次数：1286\n\n4月22日，湄潭县召开推进会。",
                "广泛开展“两在两同”建新功行动,营造风清气正的政治生态。 \xa0 记者 陈高飞\n勇夺双胜利 奋进新征程"]:
        assert "\n" in normalize(raw).text, raw
    # a number and its unit apart (177.1 亿元) are no spaced words: the prose line still runs on
    assert "\n" not in normalize("今年以来,全区新增产值177.1 亿元,其中工业投资增长了百分之二十以上,占比进一步\n提高。").text


def test_outline_headings_are_not_joined():
    raw = "一、交通基建,重大工程\n2023年完成投资50亿元。\n(二)招商引资、项目建设\n新签约项目36个。"
    assert normalize(raw).text.count("\n") == 3


def test_spaces_inside_numbers_are_removed():
    assert normalize("报账金额在1 万(含)-5 万元之间").text == "报账金额在1万(含)-5万元之间"
    assert normalize("新台币 177.1 亿元").text == "新台币177.1亿元"


def test_offsets_are_monotonic_and_in_range(seed_texts):
    for raw in seed_texts.values():
        norm = normalize(raw)
        offsets = [norm.raw_offset(i) for i in range(len(norm.text) + 1)]
        assert all(a < b for a, b in zip(offsets, offsets[1:]))
        assert offsets[-1] == len(raw)


def test_each_character_maps_to_the_raw_character_it_came_from(seed_texts):
    # normalising removes characters and folds others one for one (full-width, Traditional)
    for raw in seed_texts.values():
        norm = normalize(raw)
        for i, ch in enumerate(norm.text):
            source = raw[norm.raw_offset(i)]
            assert ch == source or ch == normalize(source).text, (i, ch, source)


def test_removed_characters_fall_inside_the_raw_span():
    raw = "項(xiàng)目 总投资1 万元\n并且"
    norm = normalize(raw)
    assert norm.text.startswith("项目")
    assert norm.raw_text(0, 2) == "項(xiàng)目"          # the gloss between stays in the span
    start = norm.text.index("1")
    assert norm.raw_text(start, start + 3) == "1 万元"
