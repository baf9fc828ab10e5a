"""Figures as a Chinese reader writes them (亿元, 万元, ≥ ...) and article text made safe to show.

Article text is never handed to a renderer that interprets it: every piece is HTML-escaped and
the result goes to `st.html`, which does not read Markdown, so a line starting with `#` or a
`<script>` in an article shows as the characters it is.
"""
from __future__ import annotations

import html
import math
import string
from typing import Iterable, Optional

import pandas as pd

QUALIFIER_SYMBOLS = {
    "exact": "",
    "approx": "≈",
    "at_least": "≥",
    "more_than": ">",
    "at_most": "≤",
    "less_than": "<",
}

CURRENCY_UNITS = {"CNY": "元", "USD": "美元", "EUR": "欧元", "HKD": "港元", "JPY": "日元", "GBP": "英镑"}

HIGHLIGHT_STYLE = "background:#ffe58f;padding:0 1px;border-radius:2px"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def plain_number(value: float, digits: int = 2) -> str:
    """12.50 -> '12.5', 3000.0 -> '3,000', never scientific notation."""
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def scaled(value: float, unit: str) -> str:
    """An amount in base units with the Chinese magnitude that reads best: 亿 from 1e8, 万 from 1e4."""
    if abs(value) >= 1e8:
        return f"{plain_number(value / 1e8)}亿{unit}"
    if abs(value) >= 1e4:
        return f"{plain_number(value / 1e4)}万{unit}"
    return f"{plain_number(value)}{unit}"


def format_amount(value: Optional[float], currency: Optional[str]) -> str:
    if _missing(value):
        return ""
    unit = CURRENCY_UNITS.get(currency or "CNY", f" {currency}")
    return scaled(float(value), unit)


def format_figure(kind: Optional[str], value, value_max=None, currency=None, unit=None,
                  qualifier: Optional[str] = None) -> str:
    """'≥3.5亿元', '≈100亿元', '3–5家': the value as the analyst reads it."""
    if _missing(value):
        return ""
    symbol = QUALIFIER_SYMBOLS.get(qualifier or "exact", "")
    if kind == "money":
        low = format_amount(value, currency)
        if not _missing(value_max):
            return f"{symbol}{low}–{format_amount(value_max, currency)}"
        return f"{symbol}{low}"
    measure = (unit or "").strip()
    count = plain_number(float(value), 0)
    if not _missing(value_max):
        count = f"{count}–{plain_number(float(value_max), 0)}"
    return f"{symbol}{count}{measure}"


def format_figures(rows) -> list[str]:
    """format_figure for every row of a DataFrame with the figure columns (column lists, not
    itertuples: iterating Arrow-backed rows one by one is slow)."""
    columns = [rows[c].tolist() for c in ("kind", "value", "value_max", "currency", "unit", "qualifier")]
    return [format_figure(*values) for values in zip(*columns)]


def yi(value: Optional[float]) -> str:
    """An amount in 元 as 亿元 with two decimals, for headline numbers."""
    if _missing(value):
        return "0"
    return plain_number(float(value) / 1e8)


def _paragraphs(escaped: str) -> str:
    return escaped.replace("\n", "<br>")


def highlight_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """HTML of `text` with each (start, end) span marked; overlapping or out-of-range spans are skipped."""
    out, cursor = [], 0
    for start, end in sorted(set(spans)):
        if start < cursor or start >= end or end > len(text):
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(f'<mark style="{HIGHLIGHT_STYLE}">{html.escape(text[start:end])}</mark>')
        cursor = end
    out.append(html.escape(text[cursor:]))
    return _paragraphs("".join(out))


def highlight_sentence(sentence: str, sentence_start: int, start: int, end: int) -> str:
    """The figure's sentence with the figure marked (offsets are the document's)."""
    return highlight_spans(sentence, [(start - sentence_start, end - sentence_start)])


def text_block(inner_html: str) -> str:
    """Wrap escaped article HTML so it keeps the article's line breaks and reads comfortably."""
    return f'<div style="line-height:1.8;font-size:0.95rem;white-space:normal">{inner_html}</div>'


def is_missing(value) -> bool:
    """None, NaN (pandas' missing) or an empty string."""
    return _missing(value) or value is pd.NA or (isinstance(value, str) and not value)


_MARKDOWN_PUNCTUATION = str.maketrans({c: "\\" + c for c in string.punctuation})


def escape_markdown(text: str) -> str:
    """Text for a Streamlit element that reads Markdown (alerts, captions), shown as written:
    CommonMark lets any ASCII punctuation be escaped with a backslash."""
    return str(text).translate(_MARKDOWN_PUNCTUATION)
