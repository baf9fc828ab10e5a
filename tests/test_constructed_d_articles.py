"""Held-out constructed articles, fourth round (tests/data/constructed_d), scored against their hand
annotations with the project's scorer (tests/data/score.py, the same logic as ../shared/tools/score.py).

Eight texts, each opening with 【构造示例】, written for this project after tests/data/constructed,
constructed_b and constructed_c had driven three rounds of fixes, in places, years and styles none of
them covered. None of them is a real article. They were annotated by the conventions of
../shared/gold/README.md before the extractor was run on them (commit 4535b2e): 天府新区 2023 (a
numbered list of signed projects, 双流 and 新津 beside it, its 街道), 郑州航空港区 2024 (a mid-year
report with 完成率 and 同比, 世界500强企业2家, 中牟 and 新郑 beside it), 青岛西海岸新区 2022 (a press
conference in 问/答, 过亿元项目, 胶州 and 平度), 合肥 2025 (a 政府工作报告: review, 预期目标, a numbered
work list, “十五五”末), 昆明 2020 (亿美元, 万元, a range 3000万-5000万元, 五华区 as 梅州 has a 五华县, two
自治州), 哈尔滨 2021 (districts, counties, 绥化's 肇东 beside it), 赤峰 2019 (旗 as counties) and
石家庄 新华区 2018 (its 街道, and 平顶山's and 沧州's 新华区 in the same article).

Held out, before any fix they prompted (the honest measure of unseen text): money F1 1.000 (105 of
105), count F1 0.982 (108 of 112 found, no false positive: 3家央企, 项目确保达到25个, 总数超过8000家 and
超5000万元的14个 were missed), counted 108/108, qualifier 213/213, is_target 204/213 (0.958) and deadline
204/213 (0.958: 当年计划投资 was no goal; a 政府工作报告's work list under 重点抓好以下工作 was read as
reports; 力争…，全年完成…，新增规上企业150家 left the last goal to 全年完成's report), region 187/213
(0.878: 郑州航空港区 was an unknown unit, leaving the whole paper's figures without a region).

Fixes, each a general rule with its own test rows: 郑州航空港区 and its full name as zones of 郑州市,
当年计划 a goal cue as 年度计划, 央企 a company noun, 确保 between a counted noun and its number, and
抓好以下/做好以下 as goal cues framing a work list. No annotation was changed. After them: money F1
1.000 (105), count F1 0.991 (110 of 112, no false positive), counted 110/110, qualifier 215/215,
is_target and deadline 214/215, region 215/215. Later, a running total in the clause after a count
(总数超过8000家, rules/count_totals.tsv) takes that count's noun: count F1 0.996 (111 of 112). These
texts drove fixes too, so these scores overstate unseen articles as the earlier sets' do.
Then (issue 15): a bare count in a 其中 breakdown counts the noun of the count before it
(引进数字经济项目18个，其中投资额超5000万元的14个): count F1 1.000 (112 of 112).
"""
from __future__ import annotations

from support import DATA, ConstructedRound

# (error line the scorer prints, why it is still wrong): each must stay wrong until fixed (strict).
KNOWN_FAILURES = [
    ("WRONG is_target e06_heilongjiang_harbin_2021_spring_start.txt: «规上企业150家»",
     "力争6月底前…，全年完成固定资产投资增长10%以上，新增规上企业150家: 全年完成 is a report unless a goal "
     "cue stands in its own clause (年初确定目标后,全年完成投资120亿元 is a report), so 力争 two clauses "
     "back does not reach it"),
    ("WRONG deadline e06_heilongjiang_harbin_2021_spring_start.txt: «规上企业150家»",
     "as above: a report gets no deadline"),
]


class TestConstructedD(ConstructedRound):
    FOLDER = DATA / "constructed_d"
    TEXTS = 8
    FIGURES_PER_TEXT = (25, 40)
    F1_FLOORS = {**ConstructedRound.F1_FLOORS, "count": 0.98}
    KNOWN_FAILURES = KNOWN_FAILURES
