"""Target or fact, strength, metric and stage, threshold or amount. Sentences are from the seeds
or short constructed inputs in the same style (marked constructed)."""
from __future__ import annotations

import pytest

from extract import extract_mentions


def one(text, index=0):
    return extract_mentions(text)[index]


@pytest.mark.parametrize("text,is_target,strength", [
    ("海门今年将确保新签约并注册超10亿元项目不少于30个", True, "hard"),
    ("力争两个项目在3月底前正式投产", True, "soft"),
    ("总投资90亿元的惠生海工装备基地项目正在进行土建施工", False, None),
    ("16个新开工项目计划总投资83.2亿元", False, None),               # 计划总投资 is a size, not a plan
    ("年度计划投资15.9亿元", True, "soft"),
    ("当年计划投资560亿元", True, "soft"),                        # the year's plan, as 年度计划 (round4_e e03)
    ("生态治理项目今年计划投资85亿元", True, "soft"),               # 今年计划 is a plan; 计划投资 alone a size (round6_g g01)
    ("预计年产封装基板86万平方米,应税销售50亿元", True, "soft"),
    ("港闸开发区主动帮助争取科技扶持资金300多万元,几天就到账", False, None),
    ("四地已争取中央预算内投资9.7亿元", False, None),               # 已争取 reports funds obtained (round6_g g03)
    ("江都每年设立不低于1亿元的工业技改奖补资金", True, "hard"),    # 不低于 in a goal is a hard floor
    ("截至目前,已完成投资20亿元", False, None),                    # constructed
    ("去年全区新签约项目45个", False, None),                        # constructed
    ("2023年,城市副中心完成了千亿投资目标,马驹桥镇全年完成固投200多亿元", False, None),
    ("全年预计(下同)实现地区生产总值1690亿元、增长6%", False, None),
    ("今年确保重要项目开工100个", True, "hard"),                     # constructed: 重要 only hides 要
    # Totals and plan horizons (constructed, in the style of other provinces' plans, c04):
    ("力争全年完成固定资产投资400亿元", True, "soft"),               # 全年完成 under a goal of its clause
    ("确保今年累计完成投资100亿元", True, "hard"),
    ("到2025年,全市累计引进市外到位资金6000亿元以上", True, "soft"),  # a horizon before the total
    ("到2025年,全市新引进10亿元以上项目150个", True, "soft"),
    ("截至2020年底,全市累计引进项目300个", False, None),
    ("“十三五”时期,宜宾累计引进市外到位资金4326亿元", False, None),
    ("年初确定目标后,全年完成投资120亿元", False, None),            # the goal stands in another clause
    ("该项目建成后年产值可达30亿元", True, "soft"),                  # constructed: a projection
    ("目标是引进项目40个,实际引进项目46个", True, "hard"),          # constructed: the 40 (see below)
    # round3_d (d02): 年内可 is a projection, reaching its semicolon and framing no paragraph;
    # 将 before a verb of grouping is 把, no "will".
    ("总投资48亿元的项目已进入设备安装阶段,年内可投产;在新义街道,引进企业5家", False, None),
    ("年内新增国家高新技术企业60家以上", True, "soft"),
    ("孝义市将转型项目分为三类:煤炭绿色开采类项目9个", False, None),
    ("孝义市将新签约项目60个", True, "soft"),
    # a schedule under 作出安排 and a goal under 提出 (round5_f f07, f08)
    ("会议对时间节点作出安排：一季度,新开工项目不少于120个", True, "hard"),   # 不少于: a floor, hard
    ("宁波市提出引进项目不少于1200个", True, "hard"),
])
def test_target_or_fact(text, is_target, strength):
    figure = one(text)
    assert (figure.is_target, figure.strength) == (is_target, strength)


@pytest.mark.parametrize("text,doc_date,is_target", [
    ("“十四五”期间,全市新增规上企业500家。", "2021-08-12", True),    # the plan still runs
    ("“十四五”期间,全市新增规上企业500家。", "2026-03-01", False),   # a plan over: a review
    ("到2025年底,全市累计引进项目300个。", "2026-03-01", False),
    # CONSTRUCTED (b10): in the plan's last year a plan named without 到 is the period under review …
    ("“十四五”时期,全市累计引进亿元以上项目1650个。", "2025-12-18", False),
    ("“十四五”期间,全市新增规上企业500家。", "2024-06-01", True),
    # … while 到“十四五”期末 is still a goal, and 增加到2025年的 is a level reached, no horizon.
    ("到“十四五”期末,全市新增规上企业100家。", "2025-03-01", True),
    ("全市生产总值从2020年的1.01万亿元增加到2025年的1.4万亿元左右。", "2025-12-18", False),
])
def test_a_horizon_is_a_goal_only_while_it_is_ahead(text, doc_date, is_target):
    assert extract_mentions(text, doc_date=doc_date)[0].is_target is is_target


def test_what_a_policy_grants_is_no_goal_of_the_paragraph():
    # CONSTRUCTED (b09): the paragraph opens with goals; 给予 states an offer of a standing policy.
    text = ("今年闵行区将力争实到外资突破20亿美元。区里对新认定的跨国公司地区总部给予最高1000万元的开办资助,"
            "对年度实到外资超过1000万美元的项目按实到金额的1%给予奖励,最高不超过500万元。")
    got = [(f.text, f.is_target, f.deadline) for f in extract_mentions(text, doc_date="2023-06-16")]
    assert got == [("突破20亿美元", True, "2023-12-31"), ("最高1000万元", False, None),
                   ("超过1000万美元", False, None), ("不超过500万元", False, None)]


def test_a_bracketed_title_frames_the_items_under_it():
    # CONSTRUCTED (e f04): a WeChat post's 【…目标】 title on a line of its own makes its ✅/🚀 items goals,
    # due when its period ends; 【…成绩单】 names no cue, so its items stay reports; 最高奖励 is an offer.
    text = ("【📊 一季度成绩单】\n\n▶ 新签约项目 62 个\n\n【🎯 二季度目标】\n\n✅ 新签约项目不少于 60 个\n\n"
            "【📌 全年目标】\n\n🚀 实际到位内资 1100 亿元以上\n\n💰 对新落户的总部企业，最高奖励 1000 万元！")
    got = [(f.text, f.is_target, f.deadline) for f in extract_mentions(text, doc_date="2023-04-06")]
    assert got == [("项目 62 个", False, None), ("项目不少于 60 个", True, "2023-06-30"),
                   ("1100 亿元以上", True, "2023-12-31"), ("最高奖励 1000 万元", False, None)]


def test_a_word_that_hides_a_cue_does_not_hide_the_cue_before_it():
    # CONSTRUCTED (tests/data/rounds/round1_c c03): 计划总投资 is a size, not a plan, but the goal before it stands.
    text = "今年的主要目标是:全年新签约项目500个以上、计划总投资2500亿元以上"
    assert [f.is_target for f in extract_mentions(text)] == [True, True]
    assert extract_mentions("16个新开工项目计划总投资83.2亿元")[1].is_target is False


def test_what_actually_happened_beside_a_goal_is_a_report():
    text = "2022年,全县确定的目标是引进项目40个,实际引进项目46个,超额完成年度目标。"   # constructed
    assert [f.is_target for f in extract_mentions(text, doc_date="2023-01-10")] == [True, False]
    text = "实际使用外资力争达到1.5亿美元"      # 实际使用外资 is a metric, no cue (c08)
    assert [f.is_target for f in extract_mentions(text)] == [True]


def test_a_past_event_inside_a_goal_paragraph_is_a_report():
    # CONSTRUCTED (c10): the paragraph opens with a plan; the perfective 组织了 reports what was done.
    text = ("今年,雁塔区将全年计划实施重点项目120个。春节后,我们第一时间组织了重点项目集中开工,"
            "首批开工项目28个,总投资196亿元。")
    assert [f.is_target for f in extract_mentions(text)] == [True, False, False]
    text = "据了解,今年全区将新签约项目50个。"     # 了 alone is no cue
    assert [f.is_target for f in extract_mentions(text)] == [True]


def test_a_projection_ends_at_the_semicolon():
    # CONSTRUCTED (c01): 预计 speaks of the first project; the second one's size is a fact.
    text = ("签约项目中,总投资52亿元的碳纤维项目达产后预计年产值超60亿元、年税收约3亿元;"
            "总投资15亿元的特种纸项目计划今年6月开工。")
    assert [f.is_target for f in extract_mentions(text)] == [False, True, True, False]
    # and reaches on past commas (seed 003)
    text = "全面建成后,预计年产封装基板86万平方米,应税销售50亿元,税收超5亿元。"
    assert [f.is_target for f in extract_mentions(text)] == [True, True]


def test_a_work_list_introduced_as_work_to_do_is_a_plan():
    # A 政府工作报告's 重点抓好以下工作: frames its numbered items, whose sentences have no cue of their own
    # (round4_e e04); the review's 做了以下工作 frames nothing.
    plan = "重点抓好以下工作：\n（一）扩大有效投资。一季度集中开工项目不少于300个。\n（二）推动县域争先。今年长丰县新开工项目95个。"
    assert [(f.is_target, f.deadline) for f in extract_mentions(plan, doc_date="2025-01-20")] == [
        (True, "2025-03-31"), (True, "2025-12-31")]
    review = "过去一年，主要做了以下工作：\n（一）扩大有效投资。新开工项目300个。\n（二）推动县域争先。长丰县新开工项目95个。"
    assert [f.is_target for f in extract_mentions(review, doc_date="2025-01-20")] == [False, False]


def test_a_cue_in_the_first_sentence_frames_the_paragraph():
    text = "奋战四季度,邗江将紧盯工业开票百强。坚持服务到一线,加快发放1.3亿元区级工信奖补资金。"
    assert one(text).is_target is True


def test_a_colon_list_stays_under_its_goal():
    text = "“1号文件”明确今年目标:新招引亿元产业项目24个;实际到账外资1.5亿美元;新开工项目12个以上。"
    assert all(f.is_target for f in extract_mentions(text))


@pytest.mark.parametrize("text,doc_date,expected", [
    # realdev yaan_2015: a goal met (完成…任务) is a report, and so is what follows it
    ("分县(区)看,各县(区)均按时间进度完成了市下任务,市本级引进1亿元及以上项目3个,其中5-10亿元(不含10亿元)项目1个。",
     None, [("1亿元及以上", False), ("项目3个", False), ("5-10亿元(不含10亿元)", False), ("项目1个", False)]),
    # … while a goal cue before the completion keeps it a goal (constructed)
    ("今年要确保完成全年目标任务,新签约项目30个。", "2024-02-01", [("项目30个", True)]),
    # realdev bijiang_2023: the goal's own amount right after its name, beside the share met
    ("引进优强企业8家,完成全年目标任务7家的114.29%;上报到位资金9.92亿元,完成全年目标任务8亿元的124%;",
     "2024-01-24", [("企业8家", False), ("7家", True), ("9.92亿元", False), ("8亿元", True)]),
    # realdev bijiang_2023: a goal cue inside a parenthetical speaks only of it
    ("引进优强企业16家(任务数13家),上报到位资金24.8亿元(任务数23亿元),碧江高新区签约项目41个,签约资金22.51亿元。",
     "2024-01-24", [("企业16家", False), ("13家", True), ("24.8亿元", False), ("23亿元", True),
                    ("项目41个", False), ("22.51亿元", False)]),
    # realdev tongzhou (seeds corpus): the year's investment done is no goal
    ("新开工5亿元以上项目32个,完成年度投资102.7亿元。", "2025-01-10", [("5亿元以上", False), ("项目32个", False),
                                                          ("102.7亿元", False)]),
    # realdev fenggang_2015, luoshan_2021: 年度投资 in a 集中开工 report is the year's plan; 总投资 the size
    ("此次集中开工的10个重点项目,总投资20亿元,年度投资3.66亿元,项目涵盖先进制造业。", "2021-10-09",
     [("10个重点项目", False), ("20亿元", False), ("3.66亿元", True)]),
    # realdev gansu_2017, neimenggu_2025: the size of counted projects in a plan is a fact …
    ("计划新开工项目41个,总投资2006亿元,年度计划投资339亿元。", "2017-04-06",
     [("项目41个", True), ("2006亿元", False), ("339亿元", True)]),
    ("其中,新建项目756个,投资1.26万亿元,计划完成投资3430.3亿元;", "2025-04-24",
     [("项目756个", False), ("1.26万亿元", False), ("3430.3亿元", True)]),
    # realdev lushi_2019: 项目投资 after the count of its projects
    ("卢氏县今年确定建设110个重点项目。其中计划投资40亿元的中金集团选厂改扩建,年度计划完成投资1.6亿元。", "2019-02-14",
     [("110个重点项目", True), ("40亿元", False), ("1.6亿元", True)]),
    ("旅游服务业14个项目投资25.1亿元,年度计划完成投资7.3亿元。", "2019-02-14",
     [("14个项目", False), ("25.1亿元", False), ("7.3亿元", True)]),
    # … a floor after 总投资 is what a goal asks for, and a total that is itself the subject is the goal
    # (constructed_f f03, constructed_e e04)
    ("二〇二四年六月底前，力争开工建设重大项目三十五个，总投资不低于五百亿元。", "2024-03-01",
     [("项目三十五个", True), ("不低于五百亿元", True)]),
    ("今年肥西县、长丰县将分别新开工项目110个和95个，蜀山区新签约项目总投资不低于400亿元。", "2025-01-20",
     [("项目110个", True), ("95个", True), ("不低于400亿元", True)]),
    # … and a project's size inside a goal stays a size (constructed_b b04)
    ("我们还将在年底前推动总投资约120亿元的中沙石化产业园二期等10个重大项目开工。", "2020-03-01",
     [("约120亿元", False), ("10个重大项目", True)]),
])
def test_met_goals_asides_and_sizes(text, doc_date, expected):
    got = [(f.text, f.is_target) for f in extract_mentions(text, doc_date=doc_date)]
    assert got == expected


@pytest.mark.parametrize("text,doc_date,expected", [
    # realdev gansu_2017, yangjiang_2020, zezhou_2019: a verb that puts projects on the year's plan
    ("甘肃省政府今年确定重大建设项目780个", "2017-04-06", [("项目780个", True, "2017-12-31")]),
    ("2020年,阳江市共安排重点建设项目132项,总投资2364.6亿元,年度计划投资329.8亿元。", "2020-08-03",
     [("项目132项", True, "2020-12-31"), ("2364.6亿元", False, None), ("329.8亿元", True, "2020-12-31")]),
    ("今年以来,我县…共谋划年度重点工程项目56项,总投资约400亿元。", "2019-04-16",
     [("项目56项", True, "2019-12-31"), ("约400亿元", False, None)]),
    # … not a year already over, nor a part of the year a report looks back on (constructed_e e08)
    ("2018年,全市共安排重点建设项目132项。", "2019-03-01", [("项目132项", False, None)]),
    ("今年上半年，新华区实施市级重点项目32个，总投资418亿元。", "2018-07-20",
     [("项目32个", False, None), ("418亿元", False, None)]),
    # realdev changzhouqu_2016, sichuan_2020: a year's list of key projects counts the year's plan …
    ("该区2016年重点开竣工项目38项,其中新开工项目30项,竣工项目8项。", "2016-05-08",
     [("项目38项", True, "2016-12-31"), ("项目30项", True, "2016-12-31"), ("项目8项", True, "2016-12-31")]),
    ("根据现场公开材料,2020年四川700个省重点项目预计总投资4.4万亿元,年度投资6185亿元。", "2020-03-26",
     [("700个省重点项目", True, "2020-12-31"), ("4.4万亿元", False, None), ("6185亿元", True, "2020-12-31")]),
    # … an event's projects do not (realdev chengkou_2023, fangxian_2021, tongzhou 2023)
    ("3月27日,城口县举行2023年一季度招商引资重大项目签约活动,签约17个项目金额达80亿元。", "2023-03-27",
     [("17个项目", False, None), ("80亿元", False, None)]),
    ("据了解,今年第一季度集中开工的重大项目共有12个,总投资58亿元。", "2021-03-01",
     [("项目共有12个", False, None), ("58亿元", False, None)]),
    ("今年签约47个重大项目、开工51个亿元项目", "2023-12-01", [("47个重大项目", False, None), ("51个亿元项目", False, None),
                                                    ("亿元", False, None)]),
    # realdev fujian_2019: a sentence opening with 其中 breaks down the plan before it, with its year
    ("原则同意拟列2019年省重点项目1564个,总投资3.8万亿元。其中在建项目1199个、总投资2.8万亿元、年度计划投资4538亿元;"
     "预备项目365个、总投资1.03万亿元。", "2019-01-28",
     [("项目1564个", True, "2019-12-31"), ("3.8万亿元", False, None), ("项目1199个", True, "2019-12-31"),
      ("2.8万亿元", False, None), ("4538亿元", True, "2019-12-31"), ("项目365个", True, "2019-12-31"),
      ("1.03万亿元", False, None)]),
    # … but not where it reports of its own (realdev luoshan_2021), nor with a clause's cue (fenggang_2015)
    ("此次集中开工项目总投资20亿元,年度投资3.66亿元。其中,42个涉市重点项目,累计完成投资111.4亿元。", "2021-10-09",
     [("20亿元", False, None), ("3.66亿元", True, "2021-12-31"), ("42个涉市重点项目", False, None),
      ("111.4亿元", False, None)]),
    # realdev jiangxi_2018: a paragraph's opening goal does not frame the reports after a sentence opening as one
    ("区域高质量发展必须靠实体经济,还要靠源源不断的外来项目。今年以来,江西省连续第二年举办赣京经贸合作交流活动。"
     "三大活动共签约投资合作项目174个,签约总额1899.24亿元。", "2018-07-26",
     [("项目174个", False, None), ("1899.24亿元", False, None)]),
    # realdev qingyang_2026: 将…作为 says how a thing is treated
    ("“十四五”期间,庆阳市将招商引资作为破解发展瓶颈的“关键变量”。尤其是2025年新签约项目453个。", "2026-02-24",
     [("项目453个", False, None)]),
])
def test_plans_of_the_year_and_their_reach(text, doc_date, expected):
    got = [(f.text, f.is_target, f.deadline) for f in extract_mentions(text, doc_date=doc_date)]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    # realdev zhaoqing_2017, zhejiang_2017: the event a report is about (本届, 本次) and its projects
    ("肇庆官方要求所签项目实打实,确保项目质量。本届『肇庆金秋』活动中,投资超10亿元的大项目比例明显提升,"
     "其中包括投资总额为160亿元的京东华南智谷项目、投资150亿元的龙光集团总部项目。",
     [("超10亿元", False), ("160亿元", False), ("150亿元", False)]),
    ("本次签约仪式按照“好中选优、大中选强”的要求,现场安排集中签约重大项目48个,总投资1548亿元。",
     [("项目48个", False), ("1548亿元", False)]),
    # realdev yangjiang_2020, huarong_2018: the next clause tells the share of a goal the figure met
    ("今年要加快项目建设。龙马高端装备制造基地项目完成投资6.5亿元,完成年度计划投资的52%;", [("6.5亿元", False)]),
    ("今年要加快招商。一季度到位内资15.25亿元,完成市定目标任务的26.62%,在全市六县中排名第二。", [("15.25亿元", False)]),
    # realdev jian_2022, huoqiu_2024: 已 right after a count reports what became of its projects
    # seeds/corpus haimen_2025_h1: a share of the year's goal after the figure reports progress, and the
    # goal named in that share is no cue for the figure after it
    ("全区完成一般公共预算收入43.56亿元、占年度目标任务的54%;城镇居民人均可支配收入3.6万元。",
     [("43.56亿元", False), ("3.6万元", False)]),
    ("力争全年开工项目40个。一季度,全县26个重点工业项目已开工建设17个,开工率为65%;",
     [("项目40个", True), ("26个重点工业项目", False), ("项目已开工建设17个", False)]),
])
def test_events_and_reports_after_the_figure(text, expected):
    assert [(f.text, f.is_target) for f in extract_mentions(text, doc_date="2020-08-03")] == expected


@pytest.mark.parametrize("text,metric,stage", [
    ("总投资达83.2亿元", "total_investment", None),
    ("年度计划投资15.9亿元", "annual_investment", None),
    ("当年计划投资560亿元", "annual_investment", None),
    ("应税销售50亿元", "sales", None),
    ("税收超5亿元", "tax", None),
    ("实际到账外资1.5亿美元", "foreign_capital", None),
    ("加快发放1.3亿元区级工信奖补资金", None, None),             # the metric words come after: not read
    ("16个新开工项目", "project_count", "started"),
    ("新签约10亿元以上项目1个", "investment", "signed"),
    ("年内新增国家高新技术企业60家以上", "enterprise_count", None),
])
def test_metric_and_stage(text, metric, stage):
    figure = one(text)
    assert (figure.metric, figure.stage) == (metric, stage)


def test_an_amount_does_not_read_the_metric_words_of_the_amount_before_it():
    # CONSTRUCTED (c06): 总投资 sizes the projects; the 500万元 is a reward, of no metric read here.
    size, reward = extract_mentions("对总投资10亿元以上的制造业项目给予最高500万元奖励")
    assert (size.metric, reward.metric) == ("total_investment", None)
    # coordinated amounts share the words before the first (from the corpus, 通州 2024)
    yuan, dollars, _ = extract_mentions("全年新签约并注册5亿元及3000万美元以上项目61个")
    assert (yuan.stage, dollars.stage) == ("signed", "signed")


def test_threshold_and_its_count_share_a_group():
    money, count = extract_mentions("确保新签约并注册超10亿元项目不少于30个")
    assert money.role == "threshold" and count.kind == "count"
    assert money.group == count.group


def test_amount_and_the_count_it_sums_share_a_group():
    money, count = extract_mentions("总投资近100亿元的25个重大项目开工")
    assert money.role == "amount" and money.group == count.group
    count, money = extract_mentions("16个新开工项目计划总投资83.2亿元")
    assert money.role == "amount" and money.group == count.group


def test_a_rate_or_an_average_after_a_count_is_no_sum_of_it():
    # CONSTRUCTED (c08, c09): a per-mu or per-project amount (rules/role_sum_words.tsv, veto) does not
    # total the count before it.
    count, rate = extract_mentions("新增规上工业企业20家以上,单个项目平均投资强度不低于每亩300万元")
    assert count.group != rate.group
    threshold, count, largest = extract_mentions("投资额1000万美元以上的项目9个,单个项目最大投资额达6500万美元")
    assert count.group == threshold.group != largest.group


def test_unrelated_figures_are_separate_groups():
    figures = extract_mentions("此次集中开工的产业项目共16个,总投资达83.2亿元,年度计划投资15.9亿元,其中5亿元以上项目7个")
    groups = {f.text: f.group for f in figures}
    assert groups["项目共16个"] == groups["83.2亿元"]
    assert groups["15.9亿元"] not in (groups["项目共16个"], groups["5亿元以上"])
    assert groups["5亿元以上"] == groups["项目7个"]


def test_a_share_of_the_years_target_reports_what_follows():
    # CONSTRUCTED (c12): 完成年度目标任务的53.1% is a report; its 任务 is no goal for the next clause.
    text = "今年1-5月,新签约项目47个,完成年度目标任务的53.1%;新开工项目35个,实际利用外资4680万美元。"
    assert [f.is_target for f in extract_mentions(text)] == [False, False, False]


def test_numbered_lines_take_the_cue_of_the_line_that_introduces_them():
    # CONSTRUCTED (c06, a 工作要点 in the style of other provinces): one goal per line under a colon.
    text = ("近日,寿光市印发《2022年招商引资工作要点》,明确全年招商引资工作目标任务如下:\n"
            "1.新签约过亿元项目120个以上;\n2.新开工过亿元项目100个,计划总投资不低于600亿元;\n"
            "3.实际使用外资1.5亿美元。\n\n2021年,寿光市新签约过亿元项目108个。")
    figures = extract_mentions(text, doc_date="2022-02-16")
    assert [(f.is_target, f.deadline) for f in figures[:-2]] == [(True, "2022-12-31")] * 6
    assert [f.is_target for f in figures[-2:]] == [False, False]    # after the list: its own sentence


def test_a_report_lead_in_makes_its_items_reports():
    text = "今年以来主要完成了以下工作:\n(一)新签约项目30个;\n(二)新开工项目12个。"   # constructed
    assert [f.is_target for f in extract_mentions(text)] == [False, False]


REPORT = ("【构造示例】\n政府工作报告(摘要)\n一、2022年工作回顾\n"
          "过去一年,全年引进项目56个,新增规模工业企业42家。\n"
          "二、2023年工作安排\n重点抓好以下工作:\n"
          "(一)大抓招商引资。全年开展招商活动不少于50场次,引进“三类500强”企业2家以上。\n"
          "(二)大抓项目建设。实施重点项目120个,确保一季度开工项目40个以上。\n")


def test_an_outline_heading_frames_the_figures_of_its_section():
    # CONSTRUCTED, in the form of a county 政府工作报告 (outline headings on lines of their own).
    got = [(f.text, f.is_target, f.deadline) for f in extract_mentions(REPORT, doc_date="2023-01-06")]
    assert got == [("项目56个", False, None), ("企业42家", False, None),
                   ("企业2家以上", True, "2023-12-31"), ("项目120个", True, "2023-12-31"),
                   ("项目40个以上", True, "2023-03-31")]


def test_heading_words_are_no_cue_in_running_text():
    text = "按照全年工作安排,第六期活动于9月举行,签约项目60个。"   # constructed
    assert [f.is_target for f in extract_mentions(text, doc_date="2023-10-02")] == [False]


def test_a_report_of_completion_frames_no_paragraph():
    text = ("当年1-11月,全市新招引正式合同重大产业项目439个,完成年度目标的172.2%。"
            "其中,新招引先进制造业重大项目205个,完成年度目标的205%。")
    assert [f.is_target for f in extract_mentions(text)] == [False, False]


@pytest.mark.parametrize("text", [
    "新招引先进制造业重大项目34个(完成率261.5%)",
    "上半年新签约项目36个(同比增长20%)",   # constructed: a year-on-year change reports
])
def test_a_completion_rate_after_the_figure_marks_a_report(text):
    assert extract_mentions(text)[0].is_target is False


# Long sentences, constructed: a cue decides across hundreds of words that hide a cue (计划总投资),
# clause marks and other figures. The cue look-up bisects by kind of cue instead of walking back
# over every cue of the sentence (which was quadratic in a text without full stops); these check
# that it still picks the same cue as the rule says, far from the cue and near it.
@pytest.mark.parametrize("text,expected", [
    ("全年确保" + "计划总投资5亿元的项目开工," * 200 + "新签约项目30个。", [False] * 200 + [True]),   # sizes
    ("年度计划投资15亿元," + "实际完成投资3亿元," * 200, [True] + [False] * 200),
    ("到2030年," + "累计引进项目5个," * 200, [True] * 200),
    ("今年以来,累计引进项目5个,计划总投资8亿元;" * 100, [False] * 200),
    ("建成后预计年产值超60亿元" * 100 + ";总投资15亿元。", [True] * 100 + [False]),
    ("确保" + "项目5个" * 300, [True] * 300),
])
def test_the_deciding_cue_in_a_long_sentence(text, expected):
    assert [f.is_target for f in extract_mentions(text, doc_date="2025-01-01")] == expected


def test_this_years_plan_reaches_only_to_its_semicolon():
    # CONSTRUCTED (f g01): after ； the paragraph reports what was signed
    figures = extract_mentions("生态治理项目今年计划投资85亿元；寨里片区签约企业18家，协议金额43亿元。")
    assert [f.is_target for f in figures] == [True, False, False]


@pytest.mark.parametrize("table,column,labels", [
    ("intent_size_words", "position", {"any", "opening", "none"}),
    ("intent_link_words", "link", {"size", "list", "opening"}),
    ("intent_year_list_words", "role", {"key", "event"}),
])
def test_intent_tables_use_known_labels(table, column, labels):
    """extract/context/intent.py reads these labels by name: an unknown one would be silently ignored."""
    from extract.rules import load_table

    assert {row[column] for row in load_table(table)} == labels
