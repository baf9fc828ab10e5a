"""Held-out constructed articles (tests/data/constructed_b), scored against their hand annotations
with the project's scorer (tests/data/score.py, the same logic as ../shared/tools/score.py).

Ten texts, each opening with 【构造示例】, written for this project after tests/data/constructed had
driven a round of fixes, in places, years and styles that set did not cover: 海口江东新区 2022
(海南自贸港, 亿美元), 鄂尔多斯 2023 (energy projects, 旗, 1.2万亿元, 3—5亿元, 千亿级, 元/千瓦时), 重庆
渝北区 2024 (a municipal district), a 天津 滨海新区 2020 press conference with questions and answers,
a 新华社 吉林 2019 roundup (公主岭, 延边), 凭祥 2023 (a border port), 衡阳 2024 “五好”园区 (万元 per
mu, 千亿园区), 江阴 2021 (a list of projects on lines of their own, towns and zones), 上海闵行 2023
(亿美元, 欧元, policy rewards) and 泉州 2025 (“十五五” goals beside a “十四五” review). Annotated by
the conventions of ../shared/gold/README.md before the extractor was run on them (commit c1756ea);
none of them is a real article.

Held out, before any fix they prompted (the honest measure of unseen text): money F1 1.000 (131),
count F1 0.987 (76 of 78 found, no false positive), counted 76/76, qualifier 205/207, is_target
196/207 (0.947), deadline 193/207 (0.932), region 142/207 (0.686: 渝北区 was missing from the
gazetteer, district papers of 上海/重庆/天津 were read as the municipality's, 海南区域 as 乌海's
海南区). After the fixes (each a general rule with its own test rows): money and count F1 1.000,
region 209/209, counted 78/78, qualifier 209/209, is_target 208/209, deadline 208/209. These texts now
drove fixes too, so these scores overstate unseen articles as tests/data/constructed's do.
"""
from __future__ import annotations

from support import DATA, ConstructedRound

# (error line the scorer prints, why it is still wrong): each must stay wrong until fixed (strict).
KNOWN_FAILURES = [
    ("WRONG is_target b04_tianjin_binhai_2020_press.txt: «总投资约120亿元»",
     "the size of one named project inside a goal (将在年底前推动总投资约120亿元的中沙石化产业园二期等10个"
     "重大项目开工) is read as part of the goal; the gold, as for c01's 总投资15亿元的…项目计划今年6月开工, "
     "calls a project's size a described fact. Telling it from a goal's amount (计划实施总投资500亿元的项目) "
     "needs the named project between the amount and the count"),
    ("WRONG deadline b04_tianjin_binhai_2020_press.txt: «总投资约120亿元»", "as above: a goal gets 年底前"),
]


class TestConstructedB(ConstructedRound):
    FOLDER = DATA / "constructed_b"
    TEXTS = 10
    KNOWN_FAILURES = KNOWN_FAILURES
