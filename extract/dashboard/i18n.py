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
    "corrections_help": ("直接在表中修改单元格、勾选“删除”，或在表尾添加一行（“原文”须是文章中的原话），然后保存。",
                         "Edit cells, tick Delete, or add a row at the bottom (its text must be quoted from the "
                         "article), then save."),
    "save_corrections": ("保存更正", "Save corrections"),
    "saved": ("已保存 {n} 处更正。", "Saved {n} corrections."),
    "add_needs_doc": ("新增的行需要选择文章并填写原文。", "An added row needs an article and its text."),
    "add_text_missing": ("在文章“{doc}”中找不到“{text}”。", "“{text}” does not occur in “{doc}”."),
    "bad_value": ("“{field}”的值无效：{value}", "Invalid value for “{field}”: {value}"),
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
