"""Held-out constructed articles (tests/data/constructed_c), scored against their hand annotations
with the project's scorer (tests/data/score.py, the same logic as ../shared/tools/score.py).

Eleven texts, each opening with 【构造示例】, written for this project after tests/data/constructed and
tests/data/constructed_b had driven two rounds of fixes, in places, years and styles neither covered.
None of them is a real article.

First batch, d01-d08, annotated by the conventions of ../shared/gold/README.md before the extractor
was run on them (commit 7d13b66): 兰州 城关区 2022 (a name 拉萨 shares, its 街道, one of them
嘉峪关路街道), 孝义 2023 (a 资源型城市's 转型 projects in three classes, its neighbour 介休), 沈阳 铁西区
2024 (街道, and 鞍山's 铁西区 beside it), 昆山 2022 (镇 and 开发区 names, 周庄 as 江阴 has one,
分别…5个和3个), 义乌 2021 (亿美元, 万美元, 街道, 福田街道 as 深圳 has a 福田区), 厦门自贸片区 2018 (片区,
区块, 万家, 千亿级), 博罗县 2021 (a 广东 county, its 镇 and 街道) and a 宁夏 2026 roundup (cities as
headings, counties and districts by short names, 分别…21个、18个和26个, “十五五”).

Held out, before any fix they prompted (the honest measure of unseen text): money F1 1.000 (94 of
94), count F1 0.969 (95 of 101 found, no false positive: 18个、26个、17个、12个 and 3个 coordinated after a
count, and 项目力争达到600个以上, were missed), counted 95/95, qualifier 189/189, is_target 179/189
(0.947: 年内 of one project's projection and 将…分为三类 framed reports as goals), deadline 187/189
(0.989), region 181/189 (0.958: 嘉峪关路街道 read as 嘉峪关市, 义乌's 福田街道 as 深圳's 福田区, 鞍山市铁西区
as 沈阳's, 其中原州区 as 中原, 平罗县 after 、 and 与孝义相邻的介休市 left to the paper's unit). After the
fixes (each a general rule with its own test rows) the eight score 1.000 on everything (195 matched).

Second batch, d09-d11, written and annotated after those fixes (commit 1f5790c), before the extractor
was run on them: 拉萨 城关区 2023 (the namesake of d01's, with 北京's 援藏 funds), 张家港 2020 (区镇 in
parentheses, 分别…7个、5个、4个和3个) and 福州 鼓楼区 2019 (a name four cities share, 南京市鼓楼区 beside it).
Held out: money and count F1 1.000 (34 and 35, no false positive), counted, qualifier, is_target and
deadline 69/69, region 46/69 (0.667: 福州日报's 鼓楼区 went to 南京, named once at the end; fixed by
weighing the paper's place as two mentions; the 援藏 funds are left, see below).

All eleven now: money and count F1 1.000 (128 and 136), counted 136/136, qualifier, is_target and
deadline 264/264, region 262/264. These texts drove fixes too, so these scores overstate unseen
articles as the earlier sets' do.
"""
from __future__ import annotations

from support import DATA, ConstructedRound

# (error line the scorer prints, why it is still wrong): each must stay wrong until fixed (strict).
KNOWN_FAILURES = [
    ("WRONG region d09_xizang_lasa_chengguan_2023_aid.txt: «援藏资金2.6亿元»",
     "a donor heading the sentence (北京市东城区、西城区共安排援藏资金2.6亿元,实施援藏项目28个) takes the "
     "figures; the gold gives aid to the unit receiving it (拉萨's 城关区, the paper's). Telling a donor from "
     "the figure's own unit needs the aid words (援藏, 援疆, 对口支援) as cues of a recipient"),
    ("WRONG region d09_xizang_lasa_chengguan_2023_aid.txt: «援藏项目28个»", "as above"),
]


class TestConstructedC(ConstructedRound):
    FOLDER = DATA / "constructed_c"
    TEXTS = 11
    KNOWN_FAILURES = KNOWN_FAILURES
