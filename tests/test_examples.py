"""Real sentences and what must come out of them, in the style of price-parser's tables:
plain examples, caught bugs (each once wrong), negatives (nothing is a figure), known failures.

A row: (text, [(kind, value, value_max, currency, qualifier, counted), ...]).
"""
from __future__ import annotations

import pytest

from extract import extract_mentions

M, C = "money", "count"


def _projects(*values):
    return [(C, v, None, None, "exact", "项目") for v in values]

EXAMPLES = [
    ("16个新开工项目计划总投资83.2亿元", [(C, 16, None, None, "exact", "项目"), (M, 8.32e9, None, "CNY", "exact", None)]),
    ("海门今年将确保新签约并注册超10亿元项目不少于30个",
     [(M, 1e9, None, "CNY", "more_than", None), (C, 30, None, None, "at_least", "项目")]),
    ("力争两个项目在3月底前正式投产", [(C, 2, None, None, "exact", "项目")]),
    ("力爭兩個項(xiàng)目在3月底前正式投產(chǎn)", [(C, 2, None, None, "exact", "项目")]),
    ("总投资近100亿元的25个重大项目", [(M, 1e10, None, "CNY", "approx", None), (C, 25, None, None, "exact", "项目")]),
    ("帮助争取科技扶持资金300多万元", [(M, 3e6, None, "CNY", "more_than", None)]),
    ("为30余家企业开辟物资运输绿色通道", [(C, 30, None, None, "more_than", "企业")]),
    ("实际到账外资1.5亿美元", [(M, 1.5e8, None, "USD", "exact", None)]),
    ("力争3-5家企业成功上市", [(C, 3, 5, None, "exact", "企业")]),
    ("招引项目三到五个", [(C, 3, 5, None, "exact", "项目")]),
    ("计划投资5-10亿元", [(M, 5e8, 1e9, "CNY", "exact", None)]),
    ("新增国家高新技术企业60家以上", [(C, 60, None, None, "at_least", "企业")]),
    ("每年设立不低于5000万元人才奖补资金", [(M, 5e7, None, "CNY", "at_least", None)]),
    ("装备制造开票突破280亿元", [(M, 2.8e10, None, "CNY", "more_than", None)]),
    ("税收超5亿元", [(M, 5e8, None, "CNY", "more_than", None)]),
    ("营收约3千万元", [(M, 3e7, None, "CNY", "approx", None)]),
    ("总投资1,200万元", [(M, 1.2e7, None, "CNY", "exact", None)]),
    ("总投资１５亿元", [(M, 1.5e9, None, "CNY", "exact", None)]),
    ("总投资壹佰贰拾万元", [(M, 1.2e6, None, "CNY", "exact", None)]),
    ("新签约项目一百二十个", [(C, 120, None, None, "exact", "项目")]),
    ("引进外资项目十余个", [(C, 10, None, None, "more_than", "项目")]),
    ("完成投资不到2亿元", [(M, 2e8, None, "CNY", "less_than", None)]),
    ("单个项目投资不超过3000万元", [(M, 3e7, None, "CNY", "at_most", None)]),
    ("年产值10亿元左右", [(M, 1e9, None, "CNY", "approx", None)]),
    ("重大项目10宗", [(C, 10, None, None, "exact", "项目")]),
    ("新增规上企业50户", [(C, 50, None, None, "exact", "企业")]),
    ("签约项目总投资2.3万亿元", [(M, 2.3e12, None, "CNY", "exact", None)]),
    ("港资5000万港元", [(M, 5e7, None, "HKD", "exact", None)]),
    ("吸引欧元投资200万欧元", [(M, 2e6, None, "EUR", "exact", None)]),
    ("新招引亿元以上产业项目24个",
     [(M, 1e8, None, "CNY", "at_least", None), (C, 24, None, None, "exact", "项目")]),
]

CAUGHT_BUGS = [
    # 签约's 约 is "sign", not "about".
    ("新签约10亿元以上项目1个", [(M, 1e9, None, "CNY", "at_least", None), (C, 1, None, None, "exact", "项目")]),
    # 通过's 过 is "through", not "more than".
    ("通过5亿元的专项债支持", [(M, 5e8, None, "CNY", "exact", None)]),
    # A paragraph break inside a number (seeds 002 and 003 break lines mid-word).
    ("项目总投资达到八十三点二亿元,这是一个很长的句子用来测试跨段落的断行是否影响抽取结果的准确\n\n性。", [(M, 8.32e9, None, "CNY", "exact", None)]),
    # 十 alone is ten, not a bare magnitude like 亿元.
    ("奖励十万元", [(M, 1e5, None, "CNY", "exact", None)]),
    # 一千零十 is 1010 (零 holds a place, the 十 after it still counts).
    ("补贴一千零十元", [(M, 1010, None, "CNY", "exact", None)]),
    # 四万万 is 4亿: a big unit after a big unit compounds.
    ("四万万元", [(M, 4e8, None, "CNY", "exact", None)]),
    # Thousands separators only in groups of three: "3,5" is a list.
    ("分3,5两期投资20亿元", [(M, 2e9, None, "CNY", "exact", None)]),
    # From the shared corpus (real follow-up articles), once missed or misread:
    # 个 counts the projects; it is not the colloquial 两个亿.
    ("集中开工32个亿元以上产业项目", [(C, 32, None, None, "exact", "项目"), (M, 1e8, None, "CNY", "at_least", None)]),
    ("24个省重大项目已开工13个", [(C, 24, None, None, "exact", "项目"), (C, 13, None, None, "exact", "项目")]),
    ("高新技术企业数量成功突破1200家", [(C, 1200, None, None, "more_than", "企业")]),
    ("新招引先进制造业重大项目(注册到资)18个", [(C, 18, None, None, "exact", "项目")]),
    ("其中,包括1个总投资超100亿元的项目", [(C, 1, None, None, "exact", "项目"), (M, 1e10, None, "CNY", "more_than", None)]),
    ("固定资产投资豪迈突破千亿元大关", [(M, 1e11, None, "CNY", "more_than", None)]),
    # From the constructed articles of other provinces (tests/data/rounds/round1_c, marked 【构造示例】):
    # 成 before a number excludes only 成百/成千 (no definite number), not 完成40个 or 建成3个.
    ("上半年要完成40个项目的开工任务", [(C, 40, None, None, "exact", "项目")]),
    ("年内建成3个项目", [(C, 3, None, None, "exact", "项目")]),
    # A quote that opens and closes around modifiers only is no name: the count stands.
    ("新签约5个“小巨人”项目", [(C, 5, None, None, "exact", "项目")]),
    ("人均GDP突破10万元", [(M, 1e5, None, "CNY", "more_than", None)]),    # 最高 before an amount is a cap, like 最多.
    ("对总投资10亿元以上的制造业项目给予最高500万元奖励",
     [(M, 1e9, None, "CNY", "at_least", None), (M, 5e6, None, "CNY", "at_most", None)]),
    # From the held-out constructed articles (tests/data/rounds/round2_b):
    # a cap or floor apart from its amount by a verb of granting or a rate (rules/qualifier_gaps.tsv).
    ("对新落户的总部企业最高给予2000万元落户奖励", [(M, 2e7, None, "CNY", "at_most", None)]),
    ("单个项目最高每年奖励100万元", [(M, 1e6, None, "CNY", "at_most", None)]),
    ("单个项目平均投资强度不低于每亩300万元", [(M, 3e6, None, "CNY", "at_least", None)]),
    # 分别 distributes a prefix qualifier over the coordinated amounts after it.
    ("工业总产值、社会消费品零售总额分别突破3万亿元和1万亿元",
     [(M, 3e12, None, "CNY", "more_than", None), (M, 1e12, None, "CNY", "more_than", None)]),
    ("签约项目和开工项目总投资分别为38亿元和26亿元",
     [(M, 3.8e9, None, "CNY", "exact", None), (M, 2.6e9, None, "CNY", "exact", None)]),
    # links between a counted noun and its number: 已, 数, 均.
    ("目前全市外贸企业已超过1200家", [(C, 1200, None, None, "more_than", "企业")]),
    ("仙桃街道、龙兴镇等镇街签约项目数均超过5个", [(C, 5, None, None, "more_than", "项目")]),
    # 重要, 即将 hold a modifier stop and are still modifiers.
    ("集中开工3个重要项目", [(C, 3, None, None, "exact", "项目")]),
    ("5个即将开工项目", [(C, 5, None, None, "exact", "项目")]),
    ("实施3个要素保障项目", [(C, 3, None, None, "exact", "项目")]),
    ("引进10个各类重大项目", [(C, 10, None, None, "exact", "项目")]),
    # round3_d (held-out, d04 and d08): numbers coordinated after a count share its noun.
    ("兴庆、金凤、西夏三区分别开工项目21个、18个和26个,永宁县开工项目3个",
     [(C, 21, None, None, "exact", "项目"), (C, 18, None, None, "exact", "项目"), (C, 26, None, None, "exact", "项目"),
      (C, 3, None, None, "exact", "项目")]),
    ("千灯镇、张浦镇分别签约项目5个和3个;", [(C, 5, None, None, "exact", "项目"), (C, 3, None, None, "exact", "项目")]),
    ("分别新增企业12家、8家以上", [(C, 12, None, None, "exact", "企业"), (C, 8, None, None, "at_least", "企业")]),
    # … but a number with a noun of its own counts that noun; one followed by another noun is none.
    ("引进企业5家和3个项目", [(C, 5, None, None, "exact", "企业"), (C, 3, None, None, "exact", "项目")]),
    ("引进企业5家和3个平台", [(C, 5, None, None, "exact", "企业")]),
    # 力争/争取 between the noun and its number (round3_d d08).
    ("上半年新开工项目力争达到600个以上", [(C, 600, None, None, "at_least", "项目")]),
    # 确保 there too, and 央企 (central state-owned enterprises) as companies (round4_e e08).
    ("全年新开工项目确保达到25个", [(C, 25, None, None, "exact", "项目")]),
    ("与中国铁建等3家央企签订合作协议", [(C, 3, None, None, "exact", "企业")]),
    # 港企/台企 (Hong Kong and Taiwan companies) as companies (round5_f f01).
    ("前海去年新增港企1860家", [(C, 1860, None, None, "exact", "企业")]),
    ("新引进台企25家", [(C, 25, None, None, "exact", "企业")]),
    # A running total in the next clause counts the same noun (round4_e e04, round5_f f08) …
    ("新增规上工业企业68家，总数达到782家。", [(C, 68, None, None, "exact", "企业"), (C, 782, None, None, "exact", "企业")]),
    ("新增国家高新技术企业1500余家,总数超过8000家", [(C, 1500, None, None, "more_than", "企业"),
                                           (C, 8000, None, None, "more_than", "企业")]),
    ("分别新增企业12家、8家,合计20家。", [(C, 12, None, None, "exact", "企业"), (C, 8, None, None, "exact", "企业"),
                                (C, 20, None, None, "exact", "企业")]),
    # … but only with the same measure word, and only when the total ends its clause.
    ("新增企业5家，总数达到782个。", [(C, 5, None, None, "exact", "企业")]),
    ("新增企业5家，累计引进项目20个", [(C, 5, None, None, "exact", "企业"), (C, 20, None, None, "exact", "项目")]),
    # From the real development set (tests/data/realdev), issue 15: counts whose noun stands elsewhere.
    # A breakdown (分别为, 其中) lists bare counts of the noun of the count before it (rules/count_noun_cues.tsv) …
    ("1-6月份全市亿元以上新签约项目174个,分别为:霍山县34个、金寨县32个、裕安区27个、舒城县25个、金安区21个、"
     "霍邱县18个、市开发区14个、叶集区3个。",
     [(M, 1e8, None, "CNY", "at_least", None)] + _projects(174, 34, 32, 27, 25, 21, 18, 14, 3)),
    ("签约的27个项目,除宜昌市与上海国际港务(集团)股份有限公司合作项目外,其他项目均分布在宜昌高新区及各县市区。"
     "其中,宜昌高新区10个,宜都市3个,枝江市3个,当阳市5个,夷陵区3个,西陵区1个,点军区1个。",
     _projects(27, 10, 3, 3, 5, 3, 1, 1)),
    ("今年第一季度集中开工的重大项目共有12个,总投资58亿元。其中重大产业转型升级类6个,投资39亿元;"
     "重大基础设施建设类3个,投资11亿元;重大社会民生建设2个,投资7亿元;重大生态环境建设1个,投资1亿元。",
     [(C, 12, None, None, "exact", "项目"), (M, 5.8e9, None, "CNY", "exact", None),
      (C, 6, None, None, "exact", "项目"), (M, 3.9e9, None, "CNY", "exact", None),
      (C, 3, None, None, "exact", "项目"), (M, 1.1e9, None, "CNY", "exact", None),
      (C, 2, None, None, "exact", "项目"), (M, 7e8, None, "CNY", "exact", None),
      (C, 1, None, None, "exact", "项目"), (M, 1e8, None, "CNY", "exact", None)]),
    # … so does a lead naming only how it breaks down (分产业看, 从投资规模看); a note on a range's bound
    # (不含10亿元) is part of the range, not an amount of its own.
    ("经开区(飞地园区)引进1亿元及以上项目5个,其中5-10亿元(不含10亿元)项目2个,10亿元及以上项目1个。\n\n"
     "分产业看,农业:5个,总投资额5.8亿元;高端装备制造业:1个,总投资额5.83亿元;",
     [(M, 1e8, None, "CNY", "at_least", None), (C, 5, None, None, "exact", "项目"),
      (M, 5e8, 1e9, "CNY", "exact", None), (C, 2, None, None, "exact", "项目"),
      (M, 1e9, None, "CNY", "at_least", None), (C, 1, None, None, "exact", "项目"),
      (C, 5, None, None, "exact", "项目"), (M, 5.8e8, None, "CNY", "exact", None),
      (C, 1, None, None, "exact", "项目"), (M, 5.83e8, None, "CNY", "exact", None)]),
    ("其中公共卫生项目19个、投资57亿元。\n\n从投资规模看,20亿元以上的有71个、50亿元以上的有20个、100亿元以上的有7个。",
     [(C, 19, None, None, "exact", "项目"), (M, 5.7e9, None, "CNY", "exact", None),
      (M, 2e9, None, "CNY", "at_least", None), (C, 71, None, None, "exact", "项目"),
      (M, 5e9, None, "CNY", "at_least", None), (C, 20, None, None, "exact", "项目"),
      (M, 1e10, None, "CNY", "at_least", None), (C, 7, None, None, "exact", "项目")]),
    # … and a class word right before the number (…类7项), wherever the breakdown opened.
    ("基础设施类项目3项,具体为:金村大道南段、枣园路道路工程、石河水库。民生和社会事业类7项,具体为:泽州县中医院、五谷山绿化。",
     _projects(3, 7)),
    # A bare count opening its clause with a link word counts the noun of its sentence's count before it
    # (constructed_f g04, g08).
    ("师市今年安排重点项目316个，年度计划投资480亿元，目前已开工232个。",
     [(C, 316, None, None, "exact", "项目"), (M, 4.8e10, None, "CNY", "exact", None), (C, 232, None, None, "exact", "项目")]),
    ("帮助216家企业获得贷款9.3亿元，3月底前规上工业企业全部复工，共143家。",
     [(C, 216, None, None, "exact", "企业"), (M, 9.3e8, None, "CNY", "exact", None), (C, 143, None, None, "exact", "企业")]),
    # … but only where the link opens the clause: 带动就业共3000个 counts jobs.
    ("签约项目20个,带动就业共3000个。", _projects(20)),
    # … and no bare count after a noun it counts itself (rules/count_exclusions.tsv, item_noun).
    ("新开工项目30个,其中工业项目20个,涉及乡镇5个。", _projects(30, 20)),
    # A target restated right after a count (任务数, 目标任务: rules/count_totals.tsv).
    ("引进优强企业21家(任务数18家)", [(C, 21, None, None, "exact", "企业"), (C, 18, None, None, "exact", "企业")]),
    ("引进优强企业8家,完成全年目标任务7家的114.29%", [(C, 8, None, None, "exact", "企业"), (C, 7, None, None, "exact", "企业")]),
    # Links between the noun and its number (rules/count_links.tsv): 分别(为), 共计, 就, 个数, 将, 复工, 开工建设, 开复工.
    ("新开工、新投产亿元以上产业项目分别为45个、44个", [(M, 1e8, None, "CNY", "at_least", None)] + _projects(45, 44)),
    ("全省共达成合同签约项目共计110个、总投资2760亿元。",
     [(C, 110, None, None, "exact", "项目"), (M, 2.76e11, None, "CNY", "exact", None)]),
    ("大湾区范围内的“八大万亿产业”项目就达到36个、1204亿元",
     [(C, 36, None, None, "exact", "项目"), (M, 1.204e11, None, "CNY", "exact", None)]),
    ("上百亿元的项目就有3个", [(M, 1e10, None, "CNY", "at_least", None), (C, 3, None, None, "exact", "项目")]),
    ("今年预计我省重点建设项目个数将超过370个", [(C, 370, None, None, "more_than", "项目")]),
    ("其中续建项目复工25个、总投资43.73亿元", [(C, 25, None, None, "exact", "项目"), (M, 4.373e9, None, "CNY", "exact", None)]),
    ("全县26个重点工业项目已开工建设17个,开工率为65%", _projects(26, 17)),
    ("下半年全州要确保5000万元以上项目开复工不少于600个",
     [(M, 5e7, None, "CNY", "at_least", None), (C, 600, None, None, "at_least", "项目")]),
    # 专案 is Taiwan's word for a project; a magnitude named as a class (億元級, 千萬級, 百亿元级, 百亿项目) is money.
    ("力爭在2021年引進稅收規模億元級專案8個、稅收規模千萬級專案66個",
     [(M, 1e8, None, "CNY", "at_least", None), (C, 8, None, None, "exact", "项目"),
      (M, 1e7, None, "CNY", "at_least", None), (C, 66, None, None, "exact", "项目")]),
    ("不仅连续两个季度在百亿项目上实现突破", [(M, 1e10, None, "CNY", "at_least", None)]),
    ("招商引资到位资金连续三年实现百亿元级增长", [(M, 1e10, None, "CNY", "at_least", None)]),
    # After a list (等) or parallel to a count of the same noun, the noun may stand far after the number.
    ("甘肃政法学院兰州新区新校区、兰州安宁仁寿山养老康复示范中心等9个重大民生和社会事业项目。", _projects(9)),
    ("上海極銳金剛石超硬材料專案等9個總投資23.1億元的產業專案和1個聊城開發區與北京連界創新互設飛地園區專案",
     [(C, 9, None, None, "exact", "项目"), (M, 2.31e9, None, "CNY", "exact", None), (C, 1, None, None, "exact", "项目")]),
    # An amount between the measure word and the noun, without 的 or coordinated with another.
    ("压茬推进300个以上投资过亿元重点技改项目",
     [(C, 300, None, None, "at_least", "项目"), (M, 1e8, None, "CNY", "more_than", None)]),
    ("每个县(市、区)力争引进1-2个过50亿元、过100亿元项目",
     [(C, 1, 2, None, "exact", "项目"), (M, 5e9, None, "CNY", "more_than", None), (M, 1e10, None, "CNY", "more_than", None)]),
    # A flattened table's header naming the noun of a column of counts (constructed_e f05).
    ("地区　项目数　总投资\n新吴区　12个　398亿元\n宜兴市　9个　215亿元\n",
     [(C, 12, None, None, "exact", "项目"), (M, 3.98e10, None, "CNY", "exact", None),
      (C, 9, None, None, "exact", "项目"), (M, 2.15e10, None, "CNY", "exact", None)]),
    # A bracketed 下同 after an amount carries its unit to later bare amounts (constructed_e f06) …
    ("新设外资企业57家，合同外资12.3亿美元（下同），其中日韩资企业合同外资5.2亿，约合人民币33.6亿元。",
     [(C, 57, None, None, "exact", "企业"), (M, 1.23e9, None, "USD", "exact", None),
      (M, 5.2e8, None, "USD", "exact", None), (M, 3.36e9, None, "CNY", "approx", None)]),
    # … only those with its magnitude, and only after an amount (not after 预计,下同).
    ("利用外资3000万美元(下同),人口5.2亿", [(M, 3e7, None, "USD", "exact", None)]),
    # A Chinese digit may count 项目 with no measure word.
    ("两项目共线采用双层桥梁跨越城东湖", _projects(2)),
]

NEGATIVES = [
    "扬州网新闻热线:0514-87863284",
    "2023年是全面贯彻落实党的二十大精神的开局之年",
    "1月28日,兔年春节后第一个工作日",
    "应税销售占比达74%",
    "对接长三角、珠三角等地区产业转移",
    "何益军十分高兴",
    "第一时间解决用工、融资、配套等企业发展遇到的困难",
    "五接镇、西亭镇、二甲镇主要负责同志依次交流发言",
    "吕四港经济开发区东港池",
    "正式印发2020年“1号文件”",
    "奋力推动“十四五”发展",
    "用“两手抓、两手硬”确保“两手赢”",
    "持续扮靚15.68公里缤纷海岸线",
    "年发电量23亿千瓦时",
    "一以贯之招大引优",
    "全力突破一批外资项目",
    "先后组织数十家重点企业与金融机构面对面",
    "作为吕四港区镇年后开工的首个重大项目",
    "每天抽调48名医护人员,累计检查车辆11万辆,登记人员23万余人",
    "139个住宅小区全部实行封闭式管理",
    "年内改造、启用4所幼儿园",
    "到2025年,高邮将打造特色田园乡村18个以上",
    "加快构建以南通高新区为龙头、3个二级平台为支撑的产业承载体系",
    "每年新增省级以上研发机构10家以上、产学研合作150项以上",
    "推出加大金融支持力度等5个方面10条举措",
    "以一个企业、一份清单、一名挂钩班子成员的机制",
    "推进城乡一元化和二元结构改革",
    "进行了近1个小时会谈",
    "项目建设3个月内完成",
    "第3个项目已经开工",
    "全市地区生产总值连跨6个百亿元台阶",
    "成百家企业落户园区",
    "成千上万家企业受益",
    "许昌市第五期“三个一批”项目建设活动举行",   # a numeral inside a quoted name is no count
    "推进「两个一批」企业培育",
    "万元GDP能耗下降3%",                       # per 10,000 yuan of GDP: a unit of measure
    "万元工业增加值用水量下降5%",
    "三个开发区要各新引进项目",               # the 三个 counts zones: a modal and 各 open a clause of their own
    "两个园区将新落地项目",
    "长江入海口",
    # The measure word counts a noun of its own before or after 项目: fields, platforms (realdev gansu_2023, jintan_2018).
    "交通物流、能源、产业转型升级及科技创新等3个领域项目年度计划投资占比达到84%",
    "同时规划建设中德(金坛)创新产业区和智谷科技园两个高质量项目平台",
    "完成两项目标任务",                         # 两项 目标: two goals, not two projects
    "全市有园区12个,其中省级5个",              # a breakdown of parks: the count before is no counted noun's
    "千万级人口城市",                           # a magnitude class without 元 is money only before a counted noun
    "北京等5个部门联合印发关于支持重大项目建设的意见",  # past a list the far noun must head its phrase
    "企业数量\n培育3个产业集群",               # a heading of one cell is no table header
    "同比增长3.1%(预计,下同);增加5.2亿",
]

KNOWN_FAILURES = [
    ("colloquial amounts with a dollar sign are not read", "融资$20万", [(M, 2e5, None, "USD", "exact", None)]),
    ("a count split by a clause (项目…共计…个) is not joined", "今年的项目,共计30个", [(C, 30, None, None, "exact", "项目")]),
]


def figures(text):
    return [(f.kind, f.value, f.value_max, f.currency, f.qualifier, f.counted) for f in extract_mentions(text)]


def _close(got, want):
    return len(got) == len(want) and all(
        g[0] == w[0] and abs(g[1] - w[1]) <= 1e-6 * max(1, w[1]) and g[2:] == w[2:] or
        (g[0] == w[0] and abs(g[1] - w[1]) <= 1e-6 * max(1, w[1]) and g[2] is not None and w[2] is not None
         and abs(g[2] - w[2]) <= 1e-6 * w[2] and g[3:] == w[3:])
        for g, w in zip(got, want))


@pytest.mark.parametrize("text,want", EXAMPLES + CAUGHT_BUGS)
def test_example(text, want):
    got = figures(text)
    assert _close(got, want), got


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(text):
    assert figures(text) == []


@pytest.mark.parametrize("reason,text,want", [pytest.param(*row, marks=pytest.mark.xfail(reason=row[0], strict=True))
                                              for row in KNOWN_FAILURES])
def test_known_failure(reason, text, want):
    assert _close(figures(text), want)


@pytest.mark.parametrize("text,want", EXAMPLES + CAUGHT_BUGS)
def test_text_is_the_raw_span(text, want):
    for f in extract_mentions(text):
        assert text[f.start:f.end] == f.text
