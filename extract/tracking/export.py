"""The tracking tables as an analyst downloads them: Chinese headers, labels, percentages."""
from __future__ import annotations

import pandas as pd

STATUS_LABELS = {
    "achieved": ("已完成", "Achieved"),
    "on_track": ("符合序时进度", "On track"),
    "behind": ("落后于序时进度", "Behind"),
    "overdue": ("逾期未完成", "Overdue"),
    "no_report": ("尚无实绩报道", "No report yet"),
}
STATUS_COLOURS = {"achieved": "#2e7d32", "on_track": "#1565c0", "behind": "#ef6c00", "overdue": "#c62828",
                  "no_report": "#9e9e9e"}
STATUS_MARKS = {"achieved": "🟢", "on_track": "🔵", "behind": "🟠", "overdue": "🔴", "no_report": "⚪"}
STRENGTH_LABELS = {"hard": "硬目标", "soft": "软目标"}
QUALIFIER_MARKS = {"exact": "", "approx": "约", "at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<"}
CURRENCY_UNITS = {"CNY": "元", "USD": "美元", "EUR": "欧元", "HKD": "港元", "JPY": "日元"}

TARGET_HEADERS = {
    "region_label": "地区（今）", "region_as_written": "地区原文", "region": "地区（当时）", "metric_label": "指标",
    "stage_label": "阶段", "target_label": "目标", "threshold_text": "门槛", "period_label": "周期",
    "deadline": "期限", "deadline_text": "期限原文", "strength_label": "约束", "reported_label": "最新实绩",
    "outcome_period_label": "实绩周期", "progress_pct": "进度（%）", "time_share_pct": "序时进度（%）",
    "status_label": "状态", "days_left": "剩余天数", "doc": "目标来源", "doc_date": "目标发布日期",
    "text": "目标原文", "sentence": "目标所在句子", "outcome_doc": "实绩来源", "outcome_doc_date": "实绩发布日期",
    "outcome_sentence": "实绩所在句子", "reports": "实绩报道数", "goal_id": "目标编号",
}
RANKING_HEADERS = {"region_label": "地区（今）", "targets": "目标数", "achieved": "已完成", "reported": "有实绩",
                   "share_met_pct": "完成比例（%）"}


def region_label(row) -> str:
    """海门区（南通市）: today's unit, with its city when it is a county."""
    county, city, province = (row.get(k) for k in ("county", "city", "province"))
    if isinstance(county, str) and county:
        return f"{county}（{city}）" if isinstance(city, str) and city and city != county else county
    for value in (city, province, row.get("region_today")):
        if isinstance(value, str) and value:
            return value
    return "（未定位）"


def amount_text(value, currency) -> str:
    unit = CURRENCY_UNITS.get(currency or "CNY", currency or "")
    if value >= 1e8:
        return f"{value / 1e8:g}亿{unit}"
    if value >= 1e4:
        return f"{value / 1e4:g}万{unit}"
    return f"{value:g}{unit}"


def target_text(row) -> str:
    """≥30个项目, 15.9亿元: the goal's own number as written in the record."""
    mark = QUALIFIER_MARKS.get(row.get(f"{row['measure']}_qualifier") or "exact", "")
    if row["measure"] == "count":
        upper = row.get("count_value_max")
        span = f"{row['count_value']:g}" + (f"-{upper:g}" if upper == upper and upper is not None else "")
        return f"{mark}{span}个{row.get('counted') or ''}"
    return f"{mark}{amount_text(row['amount_value'], row.get('amount_currency'))}"


def reported_text(row) -> str:
    value = row.get("reported_value")
    if value is None or value != value:
        return ""
    mark = QUALIFIER_MARKS.get(row.get("reported_qualifier") or "exact", "")
    if row["measure"] == "count":
        return f"{mark}{value:g}个{row.get('counted') or ''}"
    return f"{mark}{amount_text(value, row.get('amount_currency'))}"


def _percent(series: pd.Series) -> pd.Series:
    return (pd.to_numeric(series, errors="coerce") * 100).round(1)


def readable_targets(tracked: pd.DataFrame, label=lambda value: value, lang: str = "zh") -> pd.DataFrame:
    """The tracked targets with Chinese headers (the downloads and the tables on the page).
    `label` turns metric and stage codes into words (the dashboard's vocabulary)."""
    if tracked.empty:
        return pd.DataFrame(columns=list(TARGET_HEADERS.values()))
    rows = tracked.to_dict("records")
    out = pd.DataFrame({
        "region_label": [region_label(r) for r in rows],
        "region_as_written": tracked["region_as_written"],
        "region": tracked["region"],
        "metric_label": [label(r["metric"]) if isinstance(r["metric"], str) else "" for r in rows],
        "stage_label": [label(r["stage"]) if isinstance(r["stage"], str) else "" for r in rows],
        "target_label": [target_text(r) for r in rows],
        "threshold_text": tracked["threshold_text"],
        "period_label": tracked["period_label"],
        "deadline": tracked["deadline"],
        "deadline_text": tracked["deadline_text"],
        "strength_label": tracked["strength"].map(STRENGTH_LABELS),
        "reported_label": [reported_text(r) for r in rows],
        "outcome_period_label": tracked["outcome_period_label"],
        "progress_pct": _percent(tracked["progress"]),
        "time_share_pct": _percent(tracked["time_share"]),
        "status_label": [f"{STATUS_MARKS[s]} {STATUS_LABELS[s][0 if lang == 'zh' else 1]}" for s in tracked["status"]],
        "days_left": pd.to_numeric(tracked["days_left"], errors="coerce").astype("Int64"),
        **{c: tracked[c] for c in ("doc", "doc_date", "text", "sentence", "outcome_doc", "outcome_doc_date",
                                   "outcome_sentence", "reports", "goal_id")},
    })
    words = ["region_as_written", "region", "metric_label", "stage_label", "threshold_text", "period_label",
             "deadline", "deadline_text", "strength_label", "outcome_period_label", "outcome_doc", "outcome_doc_date",
             "outcome_sentence"]
    out[words] = out[words].astype("object").where(out[words].notna(), "")   # a blank cell, never "None"
    return out.rename(columns=TARGET_HEADERS)


def readable_ranking(ranking: pd.DataFrame) -> pd.DataFrame:
    rows = ranking.to_dict("records")
    out = pd.DataFrame({
        "region_label": [region_label(r) for r in rows],
        "targets": ranking["targets"], "achieved": ranking["achieved"], "reported": ranking["reported"],
        "share_met_pct": _percent(ranking["share_met"]),
    }, columns=list(RANKING_HEADERS))
    return out.rename(columns=RANKING_HEADERS)


def sources(tracked: pd.DataFrame) -> pd.DataFrame:
    """The documents behind the rows (targets and reports), for the workbook's 来源 sheet."""
    pairs = [tracked[["doc", "doc_date"]].rename(columns={"doc": "name"}),
             tracked[["outcome_doc", "outcome_doc_date"]].rename(columns={"outcome_doc": "name",
                                                                          "outcome_doc_date": "doc_date"})]
    if "doc_id" in tracked:
        pairs[0] = pairs[0].assign(doc_id=tracked["doc_id"])
    documents = pd.concat(pairs, ignore_index=True).dropna(subset=["name"])
    return documents.drop_duplicates(subset=["name"]).reset_index(drop=True)
