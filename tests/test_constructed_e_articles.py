"""Held-out constructed articles, fifth round (tests/data/constructed_e), scored against their hand
annotations with the project's scorer (tests/data/score.py, the same logic as ../shared/tools/score.py).

Eight texts, each opening with 【构造示例】, written for this project after four earlier rounds
(constructed, constructed_b, constructed_c, constructed_d) had driven fixes. This round varies the form
of the text more than the place. None of them is a real article. They were annotated by the
conventions of ../shared/gold/README.md before the extractor was run on them (commit c1ba323): 深圳前海
2024 in Traditional script and Hong Kong press style (億元人民幣, 港企, 東莞 across the water), 苏州工业园区
2025 in Traditional script with pinyin glosses inside words (項(xiàng)目), 武汉东湖高新区 2024 with
full-width digits and Chinese numerals (１２８６亿元, 二百一十个, 三点二亿美元, 二〇二五年底前), 长沙湘江新区
2023 as a WeChat post (emoji, 【】 titles, ▶ ● ✅ items, spaced figures), 无锡 2022 with a project table
flattened to lines (cells without a unit are no figures; a 项目数 column's 12个 is), 大连金普新区 2021
(亿美元, 万美元, 亿元人民币, （下同）, 约合, 20-30亿元, 3至5个), 太原 2025 with every shape of deadline
(一季度, 6月底前, 三季度末, 国庆前, 年底前, 明年春节前, 2027年前, “十五五”末) and 宁波象山 2024 (last
year's results beside this year's goals, 桂林's 象山区 in the same article).

Held out, before any fix they prompted (the honest measure of unseen text): money F1 0.995 (109 of
110, no false positive: 合同外资12.3亿美元（下同）…5.2亿 was missed), count F1 0.958 (91 of 99 found, no
false positive: the headline's 港企1860家 and 再增2000家, the table's five 项目数 cells and 总数达到782家
were missed), counted 91/91, qualifier 199/200, is_target 181/200 (0.905) and deadline 181/200
(0.905: a WeChat post's 【二季度目标】/【全年目标】 titles framed nothing; 会议对时间节点作出安排： and
提出 were no goal cues), region 197/200 (0.985: 与前海隔海相望的东莞滨海湾新区 was read as 前海's). The
scorer's region keys are short names, so the post's goals read as 望城区's (the ● item before them)
passed as 长沙; that was wrong too and is fixed.

Fixes, each a general rule with its own test rows: 港企/台企 as companies, 相望的 closing a relative
clause about a neighbour, 国庆前 a deadline at the end of September, a bracketed title on a line of its
own (【二季度目标】) as an outline heading that frames its items and ends a place item's section,
最高奖励 an offer as 给予 is, 作出安排 and 提出 as goal cues. No annotation was changed. After them: money
F1 0.995 (109 of 110), count F1 0.963 (92 of 99, no false positive), counted 92/92, qualifier 200/201,
is_target and deadline 197/201 (0.980), region 200/201 (0.995). Later, a running total in the clause
after a count (总数达到782家, rules/count_totals.tsv) takes that count's noun: count F1 0.969 (93 of 99).
Then (issue 15): a flattened table's header naming a counted noun with 数 (地区 项目数 总投资) makes the
first count of each row below one of that noun (rules/count_noun_cues.tsv, column_suffix): count F1
0.995 (98 of 99), region 207/207. A bracketed 下同 right after an amount carries its magnitude and
currency to later bare amounts of its paragraph (合同外资5.2亿, rules/money_unit_carriers.tsv): money F1
1.000 (110 of 110).
These texts drove fixes too, so these scores overstate unseen articles as the earlier sets' do.
"""
from __future__ import annotations

from support import DATA, ConstructedRound

F01 = "f01_guangdong_shenzhen_qianhai_2024_hk_press.txt"
F05 = "f05_jiangsu_wuxi_2022_project_table.txt"
F07 = "f07_shanxi_taiyuan_2025_deadlines.txt"
HEADLINE_2000 = ("the headline's 今年力爭再增2000家 is missed: 家 alone, its company noun (港企) in the clause before; "
                 "the scorer then pairs that gold figure with the body's 港資企業2000家以上, so the body's figure "
                 "reads as missed and the headline's as at_least")
ACCUMULATED = ("三季度末，累计完成投资990亿元；国庆前，30个民生项目…: 累计完成 reports a total for the rest of its "
               "sentence unless a goal cue stands in its own clause, so the schedule's 作出安排 does not reach past it")

# (error line the scorer prints, why it is still wrong): each must stay wrong until fixed (strict).
KNOWN_FAILURES = [
    (f"MISS {F01}: count 2000 «港資企業2000家以上»", HEADLINE_2000),
    (f"WRONG qualifier {F01}: «再增2000家»", HEADLINE_2000),
    (f"WRONG is_target {F01}: «專項資金3億元»",
     "對新落戶的港資企業給予最高500萬元獎勵，今年安排專項資金3億元: 给予 (an offer) governs the rest of the "
     "sentence, and 安排 alone is no goal cue (去年安排资金… reports)"),
    (f"WRONG deadline {F01}: «專項資金3億元»", "as above: a report gets no deadline"),
    (f"WRONG is_target {F05}: «不少于360亿元»",
     "按照要求，…要全部开工，全年完成投资不少于360亿元: 全年完成 is a report unless a goal cue stands in its own "
     "clause (as constructed_d e06's 全年完成…)"),
    (f"WRONG deadline {F05}: «不少于360亿元»", "as above: a report gets no deadline"),
    (f"WRONG is_target {F07}: «累计完成投资990亿元»", ACCUMULATED),
    (f"WRONG deadline {F07}: «累计完成投资990亿元»", ACCUMULATED),
    (f"WRONG is_target {F07}: «30个民生项目»", ACCUMULATED),
    (f"WRONG deadline {F07}: «30个民生项目»", ACCUMULATED),
]


class TestConstructedE(ConstructedRound):
    FOLDER = DATA / "constructed_e"
    TEXTS = 8
    FIGURES_PER_TEXT = (25, 40)
    F1_FLOORS = {**ConstructedRound.F1_FLOORS, "count": 0.95}
    ACCURACY_FLOORS = {**ConstructedRound.ACCURACY_FLOORS, "is_target": 0.97, "deadline": 0.97}
    KNOWN_FAILURES = KNOWN_FAILURES
