"""Constructed articles from other provinces and years (tests/data/constructed), scored against their
hand annotations with the project's scorer (tests/data/score.py, the same logic as
../shared/tools/score.py).

Every text opens with 【构造示例】: written for this project in the style of local investment news
(浙江 2022 签约, 安徽 开发区 2023 集中开工, 广东 2024 目标, 四川 2021 “十四五” plan, 河南 “三个一批”,
山东 numbered 工作要点, a Traditional-script Hong Kong report, 江西 foreign capital, 湖北 ranges and
approximate words, 陕西 interviews with several districts, 贵州 text with distracting numbers, 河北
progress report), annotated by the conventions of ../shared/gold/README.md. None of them is a
real article. The floors are a little below what the extractor measured when they were set:
money and count F1 1.000 (121 and 94 figures), region 215/215, counted 94/94, qualifier 214/215
(215/215 since qualifier_gaps.tsv, found by the held-out tests/data/constructed_b),
is_target 213/215, deadline 212/215. What is still wrong is listed below as strict xfails.
"""
from __future__ import annotations

from support import DATA, ConstructedRound

# (error line the scorer prints, why it is still wrong): each must stay wrong until fixed (strict).
KNOWN_FAILURES = [
    ("WRONG deadline c03_guangdong_zhanjiang_2024_targets.txt: «新签约项目50个以上»",
     "the 2024 targets handed down to 遂溪 and 廉江 take 全年 only from the clause of the zone's own "
     "target before the semicolon; a phrase in another figure's clause deliberately stops there"),
    ("WRONG deadline c03_guangdong_zhanjiang_2024_targets.txt: «不少于200亿元»", "as above (遂溪)"),
    ("WRONG deadline c03_guangdong_zhanjiang_2024_targets.txt: «超过300亿元»", "as above (廉江)"),
    ("WRONG is_target c12_hebei_zhengding_2024_progress.txt: «2360万元»",
     "为中小企业争取…资金2360万元 reports funds obtained, but 争取 reads as a goal"),
    ("WRONG is_target c12_hebei_zhengding_2024_progress.txt: «贷款8.6亿元»",
     "the 争取 of the clause before (为中小企业争取…) governs the rest of the sentence"),
]


class TestConstructed(ConstructedRound):
    FOLDER = DATA / "constructed"
    TEXTS = 12
    ACCURACY_FLOORS = {**ConstructedRound.ACCURACY_FLOORS, "is_target": 0.985, "deadline": 0.98}
    KNOWN_FAILURES = KNOWN_FAILURES
