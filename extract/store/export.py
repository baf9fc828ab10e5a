"""Exports of any set of figures as bytes: CSV (UTF-8 with BOM), Excel (.xlsx) and Parquet.

Spreadsheets run a cell that starts with = + - @ as a formula, so text from the news that starts
that way gets a leading apostrophe in CSV and Excel (numbers stay numbers). Parquet is data, not a
spreadsheet, and is written as is.
"""
from __future__ import annotations

import io
from typing import Optional

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

FIGURE_HEADERS = {
    "doc": "文档", "start": "起始位置", "end": "结束位置", "text": "原文", "sentence": "所在句子",
    "sentence_start": "句子起始位置", "kind": "类别", "value": "数值", "value_max": "上限值", "currency": "币种",
    "unit": "单位", "qualifier": "限定", "counted": "计数对象", "doc_date": "发布日期", "doc_date_source": "日期来源",
    "region": "地区", "region_as_written": "地区原文", "region_today": "今属地区", "province": "省", "city": "市",
    "county": "县区", "adcode": "行政区划代码", "region_level": "地区级别", "region_source": "地区依据",
    "deadline": "期限", "deadline_text": "期限原文", "is_annual": "每年", "is_target": "目标",
    "strength": "约束强度", "metric": "指标", "stage": "阶段", "metric_text": "指标原文", "role": "金额角色",
    "group": "组", "doc_id": "文档编号", "figure_id": "数字编号", "corrected": "已更正",
}
SOURCE_HEADERS = {
    "doc_id": "文档编号", "name": "文件名", "source": "来源", "doc_date": "发布日期", "doc_date_source": "日期来源",
    "region": "地区", "extractor_version": "抽取器版本", "ingested_at": "入库时间",
}
_VALUE_LABELS = {
    "kind": {"money": "金额", "count": "数量"},
    "qualifier": {"exact": "确数", "approx": "约", "at_least": "不少于", "more_than": "超过", "at_most": "不超过",
                  "less_than": "不足"},
    "is_target": {True: "目标", False: "实绩"},
    "is_annual": {True: "是", False: "否"},
    "corrected": {True: "是", False: "否"},
}
YI, WAN = 100_000_000, 10_000


def neutralise(value):
    """`value` safe for a spreadsheet cell: text that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _neutralised(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]) and not pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map(neutralise, na_action="ignore")
    return out


def export_csv(df: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a BOM, so Excel on Chinese Windows reads it without mojibake."""
    return _neutralised(df).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def export_parquet(df: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    df.to_parquet(buffer, index=False)
    return buffer.getvalue()


def _readable_figures(df: pd.DataFrame) -> pd.DataFrame:
    """The figures with Chinese headers and labels, money in CNY also in 亿元 and 万元."""
    out = df.copy()
    for column, labels in _VALUE_LABELS.items():
        if column in out:
            out[column] = out[column].map(lambda v, labels=labels: labels.get(v, v) if pd.notna(v) else v)
    if {"value", "kind", "currency"} <= set(out.columns):
        cny = (df["kind"] == "money") & (df["currency"] == "CNY")
        at = list(out.columns).index("value") + 1
        # rounded to the yuan, so float noise (0.30000000000000004) never shows
        out.insert(at, "金额（亿元）", (df["value"].where(cny) / YI).round(8))
        out.insert(at + 1, "金额（万元）", (df["value"].where(cny) / WAN).round(4))
    return out.rename(columns=FIGURE_HEADERS)


def _sources(df: pd.DataFrame, documents: Optional[pd.DataFrame]) -> pd.DataFrame:
    if documents is None:
        documents = df.groupby("doc_id", sort=False).agg(name=("doc", "first"), doc_date=("doc_date", "first"))
        documents = documents.reset_index()
    keep = [c for c in SOURCE_HEADERS if c in documents]   # not the raw text: cells hold 32,767 characters at most
    return documents[keep].rename(columns=SOURCE_HEADERS)


def _write_sheet(sheet, df: pd.DataFrame, number_formats: dict[str, str]) -> None:
    sheet.append([str(c) for c in df.columns])
    for row in df.itertuples(index=False):
        sheet.append([None if _missing(v) else neutralise(_plain(v)) for v in row])
    for index, column in enumerate(df.columns, start=1):
        letter = get_column_letter(index)
        if column in number_formats:
            for cell in sheet[letter][1:]:
                cell.number_format = number_formats[column]
        width = max([len(str(column)) * 2] + [min(len(str(c.value or "")), 60) for c in sheet[letter][1:50]])
        sheet.column_dimensions[letter].width = min(max(width, 8), 60)
    sheet.freeze_panes = "A2"


def _missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value):
    """numpy and pandas scalars as the Python values openpyxl writes."""
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value.item() if hasattr(value, "item") else value


def export_xlsx(df: pd.DataFrame, documents: Optional[pd.DataFrame] = None,
                ledger: Optional[pd.DataFrame] = None) -> bytes:
    """Excel workbook: sheet 数据 (the figures, readable headers, amounts in 亿元/万元), sheet 来源 (documents)
    and, given the ledger's targets (extract.ledger), sheet 目标台账."""
    workbook = Workbook()
    figures = workbook.active
    figures.title = "数据"
    # numbers keep Excel's General format: a fixed number of decimals would round small amounts away
    _write_sheet(figures, _readable_figures(df), {})
    _write_sheet(workbook.create_sheet("来源"), _sources(df, documents), {"入库时间": "yyyy-mm-dd hh:mm"})
    if ledger is not None:
        from extract.ledger.export import readable_targets

        _write_sheet(workbook.create_sheet("目标台账"), readable_targets(ledger), {})
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_table_xlsx(df: pd.DataFrame, title: str) -> bytes:
    """Any readable table as a workbook of one sheet (the ledger's download)."""
    workbook = Workbook()
    workbook.active.title = title
    _write_sheet(workbook.active, df, {})
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
