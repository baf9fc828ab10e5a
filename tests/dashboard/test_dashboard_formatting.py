"""Figures formatted the Chinese way, and article text that can never become markup."""
from __future__ import annotations

import html
import string

import pytest

from extract.dashboard.formatting import (escape_markdown, format_figure, highlight_sentence, highlight_spans,
                                          is_missing, yi)
from extract.dashboard.i18n import LABELS, text, vocabulary


@pytest.mark.parametrize("args, shown", [
    (("money", 1e10, None, "CNY", "亿元", "approx"), "≈100亿元"),
    (("money", 3.5e8, None, "CNY", "亿元", "at_least"), "≥3.5亿元"),
    (("money", 1e9, None, "CNY", "亿元", "more_than"), ">10亿元"),
    (("money", 3e6, None, "CNY", "万元", "exact"), "300万元"),
    (("money", 800, None, "CNY", "元", "at_most"), "≤800元"),
    (("money", 1.2e8, None, "USD", "亿美元", "less_than"), "<1.2亿美元"),
    (("money", 3e9, 5e9, "CNY", "亿元", "exact"), "30亿元–50亿元"),
    (("count", 30, None, None, "个", "at_least"), "≥30个"),
    (("count", 3, 5, None, "家", "exact"), "3–5家"),
    (("money", float("nan"), None, "CNY", "亿元", "exact"), ""),
])
def test_format_figure(args, shown):
    assert format_figure(*args) == shown


def test_yi_for_headlines():
    assert yi(973.33e8) == "973.33"
    assert yi(None) == "0"
    assert yi(1.5e12) == "15,000"


def test_missing_values_of_every_kind():
    assert all(is_missing(v) for v in (None, float("nan"), ""))
    assert not any(is_missing(v) for v in (0, "海门区", False))


def test_highlight_escapes_the_article_and_marks_the_figure():
    sentence = "<script>alert(1)</script>投资10亿元 & 更多"
    start = sentence.index("10亿元")
    out = highlight_sentence(sentence, 100, 100 + start, 100 + start + len("10亿元"))
    assert "<script>" not in out and html.escape("<script>") in out
    assert ">10亿元</mark>" in out and "&amp;" in out


def test_highlight_every_span_in_a_document_skipping_overlaps():
    raw = "# 标题\n签约5亿元，开工3个项目。"
    five, three = raw.index("5亿元"), raw.index("3个")
    out = highlight_spans(raw, [(three, three + 2), (five, five + 3), (five + 1, five + 3), (0, 99)])
    assert out.count("<mark") == 2
    assert out.startswith("# 标题<br>")          # a Markdown heading stays two plain characters


def test_escape_markdown_backslashes_every_ascii_punctuation():
    source = "**粗** [链接](x) :red[红] <b> # 1. - _ \\"
    escaped, i, unescaped = escape_markdown(source), 0, []
    while i < len(escaped):
        if escaped[i] == "\\":
            assert escaped[i + 1] in string.punctuation
            unescaped.append(escaped[i + 1])
            i += 2
        else:
            assert escaped[i] not in string.punctuation
            unescaped.append(escaped[i])
            i += 1
    assert "".join(unescaped) == source


def test_every_label_has_both_languages():
    assert all(zh and en for zh, en in LABELS.values())
    assert text("map_not_county", "en", n=3).startswith("3 figures")
    assert vocabulary("signed") == "签约" and vocabulary("signed", "en") == "Signed"
    assert vocabulary("made_up") == "made_up"
