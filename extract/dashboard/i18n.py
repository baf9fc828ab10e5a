"""Every label the dashboard shows, in Chinese first and English second.

`text(key, lang)` looks a label up; a missing key raises, so a typo fails a test instead of
showing a raw key to the analyst.
"""
from __future__ import annotations

LANGS = ("zh", "en")

LABELS: dict[str, tuple[str, str]] = {
    # app and pages
    "app_title": ("投资目标看板", "Investment targets"),
    "page_overview": ("总览", "Overview"),
    "page_compare": ("地区对比", "Compare districts"),
    "page_figures": ("数字明细", "Figures"),
    "page_documents": ("文章与上传", "Articles & upload"),
    "page_tracking": ("目标跟踪", "Target tracking"),
    "language": ("语言", "Language"),
    # the ledger (first screen, compare, tracking)
    "ledger_intro": ("每个目标与其后报道的同一指标、同一周期的最新实绩相配；完成率 = 最新实绩 ÷ 目标。"
                     "各数均为同一指标、同一周期，目标与实绩不相加。",
                     "Each target is paired with the latest result reported for the same indicator and period; "
                     "completion = latest result ÷ target. No number adds targets to results or one indicator "
                     "to another."),
    "no_targets": ("当前筛选下没有目标。", "No targets match the current filters."),
    "year": ("年份", "Year"),
    "year_fmt": ("{y}年", "{y}"),
    "period_part": ("周期", "Period"),
    "part_全年": ("全年", "Whole year"),
    "part_上半年": ("上半年", "First half"),
    "part_下半年": ("下半年", "Second half"),
    "part_一季度": ("一季度", "Q1"),
    "part_二季度": ("二季度", "Q2"),
    "part_三季度": ("三季度", "Q3"),
    "part_四季度": ("四季度", "Q4"),
    "status_help_achieved": ("最新实绩已达到目标", "The latest result reaches the target"),
    "status_help_on_pace": ("实绩不低于已过时间的比例", "The result keeps up with the time gone"),
    "status_help_behind_pace": ("实绩低于已过时间的比例", "The result lags the time gone"),
    "status_help_period_over": ("期限已过，尚无期末实绩", "The period is over, no final report yet"),
    "status_help_missed": ("期末实绩未达目标", "The final result falls short"),
    "status_help_no_report": ("尚无实绩报道", "No result reported yet"),
    "progress_by_district": ("各地区完成率（一次一个指标）", "Completion by district (one indicator at a time)"),
    "indicator": ("指标", "Indicator"),
    "progress_text": ("{latest} / 目标 {target}（{rate}）", "{latest} of {target} ({rate})"),
    "completion_rate": ("完成率", "Completion"),
    "target_line": ("{region} {period} {indicator}：{latest} / 目标 {target}，完成率 {rate}，{status}（期限 {deadline}）",
                    "{region} {period} {indicator}: {latest} of a target of {target}, {rate}, {status} (due {deadline})"),
    "targets_by_district": ("各地区目标", "Targets by district"),
    "period": ("周期", "Period"),
    "target_value": ("目标", "Target"),
    "latest_value": ("最新实绩", "Latest result"),
    "latest_as_of": ("实绩截至", "Result as of"),
    "status": ("状态", "Status"),
    "as_of": ("截至日期", "As of"),
    "due_within": ("即将到期（天内）", "Due within (days)"),
    "due_soon": ("{n} 天内到期的未完成目标", "Open targets due in the next {n} days"),
    "none_due": ("没有即将到期的未完成目标。", "No open target falls due in that time."),
    "overdue": ("已过期限未见完成", "Past the deadline, not shown achieved"),
    "none_overdue": ("没有过期未完成的目标。", "No target is past its deadline unmet."),
    "ranking": ("地区排名（按完成率中位数）", "Districts ranked by median completion"),
    "share_achieved": ("已完成比例", "Share achieved"),
    "achieved_n": ("已完成", "Achieved"),
    "median_rate": ("完成率中位数", "Median completion"),
    "page_distribution": ("数字分布与地图", "Figures by region & map"),
    "figures_help": ("文章中数字的提及次数：同一数字见于几篇文章就计几次", "Mentions: a figure reported by several articles counts each time"),
    "sum_needs_one": ("金额、数量合计需先在侧栏选定一个指标，并选“目标”或“实绩”。",
                      "Sums need one metric and Targets or Facts chosen in the sidebar."),
    # sidebar filters
    "filters": ("筛选", "Filters"),
    "province": ("省", "Province"),
    "city": ("市", "City"),
    "county": ("区县", "County"),
    "metric": ("指标", "Metric"),
    "stage": ("阶段", "Stage"),
    "kind": ("类型", "Kind"),
    "kind_all": ("金额和数量", "Money and counts"),
    "kind_money": ("金额", "Money"),
    "kind_count": ("数量", "Counts"),
    "target": ("目标或实绩", "Target or fact"),
    "target_all": ("全部", "All"),
    "target_target": ("目标", "Targets"),
    "target_fact": ("实绩", "Facts"),
    "strength": ("约束", "Strength"),
    "strength_all": ("全部", "All"),
    "strength_hard": ("硬目标", "Hard"),
    "strength_soft": ("软目标", "Soft"),
    "deadline_from": ("期限自", "Deadline from"),
    "deadline_to": ("期限至", "Deadline to"),
    "doc_from": ("发文日期自", "Published from"),
    "doc_to": ("发文日期至", "Published to"),
    "search": ("搜索原文", "Search the text"),
    "choose": ("请选择", "Choose"),
    "search_placeholder": ("输入原文中的词，如“签约”", "A word of the text, e.g. 签约"),
    "reset_filters": ("清除筛选", "Clear filters"),
    "share_hint": ("筛选条件保存在网址中，复制链接即可分享当前视图。",
                   "The filters live in the address: copy the link to share this view."),
    # headline
    "documents": ("文章", "Articles"),
    "figures": ("数字", "Figures"),
    "targets": ("目标", "Targets"),
    "amount_total": ("金额合计（亿元）", "Amount total (亿元)"),
    "amount_total_help": ("人民币金额之和，不含“××亿元以上项目”之类的门槛；区间按下限计。"
                          "同一目标见于多篇文章时会重复计入。",
                          "Sum of CNY amounts, thresholds (projects above X) left out, ranges at their lower end. "
                          "A target reported by several articles is counted each time."),
    "count_total": ("项目/企业数合计", "Projects/enterprises total"),
    "no_data": ("当前筛选下没有数字。", "No figures match the current filter."),
    # charts
    "by_region": ("按地区", "By region"),
    "measure": ("度量", "Measure"),
    "measure_amount": ("金额（亿元）", "Amount (亿元)"),
    "measure_count": ("项目/企业数", "Projects/enterprises"),
    "measure_figures": ("数字条数", "Number of figures"),
    "stack_by": ("分色", "Stack by"),
    "region": ("地区", "Region"),
    "drill_city": ("下钻到市", "Drill down into city"),
    "all_cities": ("全部（按市）", "All (by city)"),
    "unplaced": ("（未定位）", "(no region)"),
    "city_level": ("（市级，未到区县）", "(city level, no county)"),
    "unlabelled": ("（未分类）", "(unlabelled)"),
    "map": ("区县地图", "County map"),
    "map_outside": ("{n} 条数字所在地区没有边界数据（目前只有江苏省区县），未画在地图上：{names}",
                    "{n} figures are in regions without a boundary shape (only Jiangsu counties so far) "
                    "and are not on the map: {names}"),
    "map_not_county": ("{n} 条数字只定位到市或省，未画在区县地图上。",
                       "{n} figures are placed only at city or province level and are not on the county map."),
    "no_value": ("无数据", "no data"),
    # compare
    "compare_pick": ("选择 2–6 个地区", "Pick 2–6 regions"),
    "compare_level": ("地区层级", "Region level"),
    "level_city": ("市", "City"),
    "level_county": ("区县", "County"),
    "compare_need_two": ("请至少选择两个地区。", "Pick at least two regions."),
    "compare_table": ("对比表", "Comparison"),
    "compare_missing": ("此指标在本周期没有目标的地区：{names}", "No target of this indicator in this period: {names}"),
    "target_vs_achieved": ("目标与实绩", "Target against achieved"),
    "unit_yi": ("（亿元）", "(亿元)"),
    "compare_chart": ("按指标对比", "By metric"),
    "deadline_timeline": ("期限时间轴", "Deadlines on one timeline"),
    "no_deadlines": ("所选地区没有带期限的目标。", "The chosen regions have no targets with a deadline."),
    "deadline": ("期限", "Deadline"),
    "first_deadline": ("最早期限", "Earliest deadline"),
    "last_deadline": ("最晚期限", "Latest deadline"),
    # figures table
    "table": ("数字表", "Figure table"),
    "shown_rows": ("显示前 {shown} 条，共 {total} 条；下载可得全部。",
                   "Showing the first {shown} of {total}; download for all."),
    "value_fmt": ("数值", "Value"),
    "qualifier": ("限定", "Qualifier"),
    "sentence": ("原句", "Sentence"),
    "document": ("文章", "Article"),
    "doc_date": ("发文日期", "Published"),
    "is_target": ("目标", "Target"),
    "delete": ("删除", "Delete"),
    "provenance": ("出处", "Provenance"),
    "pick_figure": ("选择一个数字，查看原句和全文", "Pick a figure to see its sentence and article"),
    "raw_value": ("数值（元或个，区间取下限）", "Value (yuan or items, lower end of a range)"),
    "value_max": ("区间上限", "Range upper end"),
    "unit": ("单位（原文）", "Unit (as written)"),
    "quote": ("原文", "Text as written"),
    "whole_document": ("全文（所有数字高亮）", "Whole article (every figure highlighted)"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_xlsx": ("下载 Excel", "Download Excel"),
    # corrections
    "corrections": ("更正", "Corrections"),
    "corrections_help": ("点击列名排序；直接修改单元格或勾选“删除”，每处修改即时保存，可撤销。",
                         "Click a column name to sort; edit a cell or tick Delete: each edit is saved at once "
                         "and can be undone."),
    "save_corrections": ("保存更正", "Save corrections"),
    "saved": ("已保存 {n} 处更正。", "Saved {n} corrections."),
    "add_needs_doc": ("新增的行需要选择文章并填写原文。", "An added row needs an article and its text."),
    "add_text_missing": ("文章中找不到“{text}”。", "“{text}” does not occur in the article."),
    "bad_value": ("“{field}”的值无效：{value}", "Invalid value for “{field}”: {value}"),
    "corrected_help": ("✎ = 此行已被更正，历史见下方“出处”", "✎ = corrected; its history is under Provenance"),
    "region_help": ("从现有行政区中选择", "Pick one of the administrative units"),
    "role": ("金额或门槛", "Amount or threshold"),
    "role_help": ("“门槛”是“××亿元以上项目”中的项目规模线，不是投资额，不参与求和",
                  "A class threshold (projects above X) is not an amount and is never summed"),
    "is_target_help": ("勾选 = 目标；取消 = 实绩（一次点击即保存）", "Ticked = target, unticked = result (saved on click)"),
    "number": ("数值（金额按万元）", "Number (amounts in 万元)"),
    "number_help": ("金额以万元计，数量为正整数", "Amounts in 万元 (10,000 yuan); counts are positive whole numbers"),
    "number_placeholder": ("如 12.5", "e.g. 12.5"),
    "quote_placeholder": ("文章中的原话，如“50亿元”", "Words quoted from the article, e.g. 50亿元"),
    "bad_region": ("“{value}”不是一个行政区，未保存", "“{value}” is no administrative unit; not saved"),
    "bad_number": ("“{value}”不是数字，未保存", "“{value}” is no number; not saved"),
    "bad_count": ("数量须为正整数，“{value}”未保存", "A count is a positive whole number; “{value}” not saved"),
    "bad_amount": ("金额须大于 0，“{value}”未保存", "An amount must be above 0; “{value}” not saved"),
    "deleted_row": ("删除“{text}”", "deleted “{text}”"),
    "added_row": ("新增", "added"),
    "made_target": ("是目标", "a target"),
    "made_result": ("不是目标", "not a target"),
    "undo": ("撤销上一处更正", "Undo the last correction"),
    "undone": ("已撤销：{what}", "Undone: {what}"),
    "session_history": ("本次更正", "Corrections this session"),
    "history": ("更正历史", "Correction history"),
    "when": ("时间", "When"),
    "who": ("更正人", "By"),
    "what": ("内容", "What"),
    "add_figure": ("添加漏提的数字", "Add a figure the rules missed"),
    "add": ("添加", "Add"),
    "facet_region": ("地区", "Region"),
    "facet_year": ("发文年份", "Year published"),
    "facet_metric": ("指标", "Metric"),
    "facet_is_target": ("目标/实绩", "Target/result"),
    "count_n": ("条数", "Figures"),
    # documents and upload
    "upload": ("上传文章", "Upload articles"),
    "upload_help": ("可一次上传多篇：txt、html、docx、pdf，每篇不超过 {mb} MB。",
                    "Several at once: txt, html, docx, pdf; at most {mb} MB each."),
    "ingest": ("导入", "Ingest"),
    "ingested": ("已导入，{n} 个数字", "ingested, {n} figures"),
    "unchanged": ("已在库中，未重复导入", "already in the store, not ingested again"),
    "failed": ("失败：{reason}", "failed: {reason}"),
    "too_large": ("文件过大（{mb:.1f} MB，上限 {limit} MB）", "file too large ({mb:.1f} MB, limit {limit} MB)"),
    "document_list": ("库中文章", "Articles in the store"),
    "pick_document": ("查看文章", "Show article"),
    "name": ("名称", "Name"),
    "doc_title": ("标题", "Title"),
    "fail_read": ("无法读取此文件", "the file cannot be read"),
    "fail_type": ("不支持的文件类型（支持 txt、html、docx、pdf）", "unsupported file type (txt, html, docx, pdf)"),
    "fail_large": ("文件过大", "file too large"),
    "fail_empty": ("空文件", "empty file"),
    "fail_mismatch": ("文件扩展名与内容不符", "the file's content is not what its name says"),
    "fail_no_text": ("文件中没有文字（扫描版 PDF？）", "no text in the file (a scanned PDF?)"),
    "fail_binary": ("二进制内容，不是文本", "binary content, not text"),
    "fail_encoding": ("无法识别文字编码", "no text encoding fits the bytes"),
    "fail_pdf": ("不是可读的 PDF", "not a readable PDF"),
    "fail_docx": ("不是有效的 docx 文件", "not a valid .docx"),
    "source": ("来源", "Source"),
    "ingested_at": ("入库时间", "Ingested"),
}

# the fixed vocabularies of extract.context.metric, as the analyst reads them
VOCABULARY: dict[str, tuple[str, str]] = {
    "total_investment": ("总投资", "Total investment"),
    "annual_investment": ("年度投资", "Annual investment"),
    "investment": ("投资", "Investment"),
    "fixed_asset_investment": ("固定资产投资", "Fixed-asset investment"),
    "funds_in_place": ("到位资金", "Funds in place"),
    "sales": ("销售收入", "Sales"),
    "output": ("产值", "Output"),
    "tax": ("税收", "Tax"),
    "foreign_capital": ("外资", "Foreign capital"),
    "subsidy": ("奖补资金", "Subsidies"),
    "project_count": ("项目数", "Projects"),
    "enterprise_count": ("企业数", "Enterprises"),
    "signed": ("签约", "Signed"),
    "started": ("开工", "Started"),
    "completed": ("竣工", "Completed"),
    "attracted": ("招引", "Attracted"),
    "money": ("金额", "Money"),
    "count": ("数量", "Count"),
}

# Every code the record contract and the ledger use, per vocabulary, as the analyst reads it; the
# figures table, the filters and the ledger pages show these labels, never the codes.
CODES: dict[str, dict[str, tuple[str, str]]] = {
    "metric": {code: VOCABULARY[code] for code in (
        "total_investment", "annual_investment", "investment", "fixed_asset_investment", "funds_in_place",
        "sales", "output", "tax", "foreign_capital", "subsidy", "project_count", "enterprise_count")},
    "stage": {code: VOCABULARY[code] for code in ("signed", "started", "completed", "attracted")},
    "kind": {"money": ("金额", "Money"), "count": ("数量", "Count")},
    "qualifier": {"exact": ("确数", "exact"), "approx": ("约", "about"), "at_least": ("以上（含）", "at least"),
                  "more_than": ("超过", "more than"), "at_most": ("以内（含）", "at most"),
                  "less_than": ("不足", "less than")},
    "strength": {"hard": ("硬目标", "hard"), "soft": ("软目标", "soft")},
    # what a money figure is: an amount, or the class threshold of the projects counted (亿元以上)
    "role": {"amount": ("金额", "amount"), "threshold": ("门槛（××以上项目）", "class threshold")},
    "counted": {"项目": ("项目", "projects"), "企业": ("企业", "enterprises")},
    "is_target": {"target": ("目标", "target"), "result": ("实绩", "result")},
    "status": {"achieved": ("已完成", "achieved"), "on_pace": ("按序时推进", "on pace"),
               "behind_pace": ("落后于序时", "behind pace"), "period_over": ("期限已过待报", "period over"),
               "missed": ("未完成", "missed"), "no_report": ("暂无实绩", "no report")},
}


def code_label(vocabulary_name: str, code, lang: str = "zh") -> str:
    """The label of `code` in one of the CODES vocabularies; '' for no code, an unknown code as it is."""
    if code is None or code != code or code == "":
        return ""
    labels = CODES[vocabulary_name].get(code)
    if labels is None:
        return str(code)
    return labels[1] if lang == "en" else labels[0]


def vocabulary(value: str, lang: str = "zh") -> str:
    """A metric, stage or kind label in the reader's language; an unknown label as it is."""
    if value not in VOCABULARY:
        return value
    zh, en = VOCABULARY[value]
    return en if lang == "en" else zh


def text(key: str, lang: str = "zh", **values) -> str:
    zh, en = LABELS[key]
    label = en if lang == "en" else zh
    return label.format(**values) if values else label
