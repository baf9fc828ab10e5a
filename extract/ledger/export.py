"""The ledger as an analyst downloads it: Chinese headers, labels for every code, percentages."""
from __future__ import annotations

import pandas as pd

from extract.ledger.labels import label

TARGET_HEADERS = {
    "region_label": "地区", "indicator_label": "指标", "period_label": "周期", "deadline": "期限",
    "target_value": "目标值", "qualifier": "限定", "latest_value": "最新实绩", "latest_as_of": "实绩截至",
    "progress_pct": "进度（%）", "time_share_pct": "序时进度（%）", "status": "状态", "reason": "依据",
    "link_kind": "口径", "n_reports": "实绩报道数", "doc": "目标来源", "doc_date": "目标发布日期", "text": "目标原文",
    "sentence": "目标所在句子", "latest_doc": "实绩来源", "n_sources": "目标出处数", "region": "地区全称",
    "measure": "指标类别", "object": "对象", "size_class": "规模", "unit": "单位", "target_id": "目标编号",
    "as_of": "状态日期",
}
_CODED = ("status", "link_kind", "measure", "object", "size_class", "unit")
_QUALIFIERS = {"exact": "", "approx": "约", "at_least": "不少于", "more_than": "超过", "at_most": "不超过",
               "less_than": "不足"}


def readable_targets(targets: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """One row per target with readable headers and labels (the download and the page's table)."""
    out = targets.copy()
    for column in _CODED:
        if column in out:
            out[column] = out[column].map(lambda code: label(code, lang) if isinstance(code, str) else code)
    out["qualifier"] = out["qualifier"].map(lambda q: _QUALIFIERS.get(q, q) if isinstance(q, str) else q)
    out["progress_pct"] = (pd.to_numeric(out["progress"], errors="coerce") * 100).round(1)
    out["time_share_pct"] = (pd.to_numeric(out["time_share"], errors="coerce") * 100).round(1)
    columns = [c for c in TARGET_HEADERS if c in out]
    return out[columns].rename(columns=TARGET_HEADERS if lang == "zh" else {})
