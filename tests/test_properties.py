"""Properties of the extractor on any input: it never raises, offsets stay valid, values are
finite and positive, and value_max >= value."""
from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import extract_mentions

# Pieces that make figures likely, mixed with anything at all.
PIECES = ["亿", "万", "元", "亿元", "万元", "美元", "个", "家", "项目", "企业", "以上", "不少于", "超", "近", "多", "余",
          "两", "十", "百", "千", "壹", "零", "-", "至", "到", "(", ")", "(xiàng)", "項", "億", "，", "。", "\n", "\n\n",
          " ", "1", "5", "0", ".", ",", "３", "签约", "第", "数", "个月", "%", "\x00", "\u200b", "🎉", "﻿"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=60).map("".join)
# The long run draws shorter texts, so that 100,000 examples fit CI's time (a few minutes).
short_texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=16).map("".join)


def check(text: str) -> None:
    for f in extract_mentions(text):
        assert text[f.start:f.end] == f.text
        assert f.start < f.end
        assert math.isfinite(f.value) and f.value > 0
        assert f.value_max is None or (math.isfinite(f.value_max) and f.value_max >= f.value)
        assert f.sentence_start <= f.start and f.end <= f.sentence_start + len(f.sentence)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_random_text(text):
    check(text)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_seed_fragments(seed_texts, data):
    raw = data.draw(st.sampled_from(sorted(seed_texts.values())))
    start = data.draw(st.integers(0, len(raw)))
    end = data.draw(st.integers(start, min(len(raw), start + 400)))
    check(raw[start:end])


def test_a_megabyte_of_text(seed_texts):
    text = "".join(seed_texts.values())
    check((text * (1_000_000 // len(text) + 1))[:1_000_000])


@pytest.mark.slow
@settings(max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(short_texts)
def test_random_text_long_run(text):
    check(text)
