"""Properties of the extractor on hostile text, beyond tests/test_properties.py: control
characters, every kind of line separator, mixed scripts, emoji sequences, odd code points
(noncharacters, private use, unassigned, astral, combining marks, bidi controls) and megabyte
strings. It never raises; offsets stay valid; values are finite and positive; value_max >= value."""
from __future__ import annotations

import datetime as dt
import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import extract_mentions
from extract.record import COUNTED, KINDS, QUALIFIERS

FIGURE_PIECES = ["1", "25", "3.5", "1,200", "十", "两", "亿", "万", "千", "元", "亿元", "万美元", "个", "家", "项目", "企业",
                 "超", "近", "多", "余", "以上", "不少于", "-", "至", "～", "签约", "总投资", "力争", "年底前", "2025年",
                 "（", "(", ")", "(xiàng)", "項", "億", "，", "。", "：", "\n"]
ODD_CODE_POINTS = [
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1c", "\x1d", "\x1e", "\x1f", "\x7f", "\x85",  # C0, C1
    "\r", "\r\n", "\u2028", "\u2029",                        # line ends Python's splitlines knows, regex may not
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",        # zero width, joiners, BOM
    "\u202e", "\u202d", "\u2066", "\u2069", "\u061c",        # bidi overrides and isolates
    "\u0301", "\u0338", "\u20dd", "\u3099",                  # combining marks (on a digit they change nothing)
    "\ufffe", "\uffff", "\U0010ffff", "\U0001fffe",          # noncharacters
    "\ue000", "\U000f0000", "\u0378", "\U000e0001",          # private use, unassigned, tag
    "\ufe0f", "\U000e0100",                                  # variation selectors
    "\U00020000", "\U0002a6d6", "\u3400",                    # CJK extensions B and A
    "\uff11", "\uff10", "\uff0c", "\u3000", "\u2160", "\u2469", "\u00b2", "\u0663", "\u09e9", "\U0001d7d9",  # digits
]
EMOJI = ["🎉", "👍🏽", "👨‍👩‍👧‍👦", "🇨🇳", "1️⃣", "🏳️‍🌈", "💰", "📈"]
MIXED_SCRIPTS = ["Investment 10 billion", "инвестиции 5 млрд", "استثمار ١٠ مليار", "投資額は10億円", "투자 10억 원",
                 "ελληνικά 3", "עברית 4", "हिन्दी ५", "ไทย ๕", "總投資額達新臺幣177.1億元", "項目(xiàng mù)"]

hostile_pieces = st.one_of(
    st.sampled_from(FIGURE_PIECES),
    st.sampled_from(ODD_CODE_POINTS),
    st.sampled_from(EMOJI),
    st.sampled_from(MIXED_SCRIPTS),
    st.characters(exclude_categories=["Cs"]),            # any code point a str can hold
    st.text(st.characters(codec="utf-8"), max_size=4),
)
hostile_texts = st.lists(hostile_pieces, max_size=80).map("".join)


def check(text: str) -> None:
    for figure in extract_mentions(text):
        assert 0 <= figure.start < figure.end <= len(text)
        assert text[figure.start:figure.end] == figure.text
        assert figure.sentence_start <= figure.start
        assert figure.end <= figure.sentence_start + len(figure.sentence)
        assert text[figure.sentence_start:figure.sentence_start + len(figure.sentence)] == figure.sentence
        assert math.isfinite(figure.value) and figure.value > 0
        assert figure.value_max is None or (math.isfinite(figure.value_max) and figure.value_max >= figure.value)
        assert figure.kind in KINDS and figure.qualifier in QUALIFIERS
        assert figure.counted in COUNTED if figure.kind == "count" else figure.counted is None
        for date in (figure.deadline, figure.doc_date):
            assert date is None or dt.date.fromisoformat(date[:10])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_texts)
def test_hostile_text(text):
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(FIGURE_PIECES), min_size=1, max_size=30), st.sampled_from(ODD_CODE_POINTS + EMOJI))
def test_an_odd_code_point_between_every_piece(pieces, odd):
    check(odd.join(pieces))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ODD_CODE_POINTS + EMOJI), st.integers(0, 12))
def test_an_odd_code_point_inside_a_real_figure(odd, at):
    sentence = "到2025年底前，海门区力争新签约总投资超过100亿元的重大项目不少于30个。"
    check(sentence[:at] + odd + sentence[at:])


@pytest.mark.slow   # minutes today: figures scale quadratically (the linear-time case many_figures_short_sentences)
def test_a_megabyte_of_hostile_text():
    rng = random.Random(20261123)
    pool = FIGURE_PIECES * 4 + ODD_CODE_POINTS + EMOJI + MIXED_SCRIPTS + ["。\n"] * 20
    parts, size = [], 0
    while size < 1_000_000:
        piece = rng.choice(pool)
        parts.append(piece)
        size += len(piece)
    check("".join(parts)[:1_000_000])


def test_a_megabyte_of_one_code_point_at_a_time():
    rng = random.Random(8)
    text = "".join(chr(rng.choice([rng.randrange(0x20, 0xD800), rng.randrange(0xE000, 0x110000)]))
                   for _ in range(1_000_000))
    check(text)


def test_a_text_without_full_stops_quotes_each_figure_by_its_clause():
    # Short prose lines are joined into one "sentence" running the whole text; each record
    # must still quote a bounded span holding its figure, not the text (n figures x n chars).
    line = "项目建设稳步推进全年计划完成投资二十亿元，各项工作有序开展\n"
    text = line * 400   # 12,000 characters
    figures = extract_mentions(text)
    assert len(figures) == 400
    for figure in figures:
        assert len(figure.sentence) <= 60           # its clause: the line and the next one's start
        assert text[figure.sentence_start:figure.sentence_start + len(figure.sentence)] == figure.sentence
        assert figure.sentence_start <= figure.start and figure.end <= figure.sentence_start + len(figure.sentence)
    no_commas = "项目建设稳步推进全年计划完成投资二十亿元各项工作有序开展" * 100   # 2,900 characters
    figure = extract_mentions(no_commas)[50]
    assert len(figure.sentence) <= 400 and figure.text in figure.sentence
