"""The shortcuts that find mentions without trying a pattern at every position find exactly what the
pattern's own finditer finds."""
from __future__ import annotations

import bisect
import re

import pytest
import regex

from extract.context.segments import FULL_SENTENCE_END
from extract.mentions import counts, money
from extract.mentions.grammar import (_SENTENCE_MARGIN, count_ends, count_lead, count_patterns, counted_nouns,
                                      counted_numbers, finditer_after, finditer_anchored, finditer_in_sentences,
                                      money_lead, money_pattern, money_units, noun_first_reach,
                                      prefix_qualifier_run)

# Real sentences (seeds, tests/data/realdev) and the edge cases of each shortcut: ranges whose second
# number could start a count (3-5个), nouns inside nouns (民企业), a digit the regex module reads and the
# re module does not (𑛑, U+116D1), a count with that digit in a sentence with another count, numbers
# and qualifiers in long runs, sentences without a unit.
TEXTS = [
    "3月8日,我区举行一季度项目集中开工仪式,57个产业项目总投资达95.3亿元,为我区打造产业新高地。",
    "新签约项目174个,分别为:霍山县34个、金寨县32个。其中,超过10亿元项目3-5个,投资5亿元(含5亿元)以上。",
    "产业项目不少于30个,民企业12家,外企(注册到资)18家,共计开工项目21个、18个和26个。",
    "全年计划实施重点项目𑛑个,其中新开工项目20个。𑛑个项目。",
    "不超过不少于超过约1-2个过50亿元、过100亿元项目,最高给予2000万元,不低于每亩300万元。",
    "人民币5亿元至10亿元,港币 3亿元,美元亿元项目,百亿级企业,过千亿项目,千万级专案5个。",
    "两项目共线,三个开发区要各新引进项目,“三个一批”项目,一元化,万元GDP能耗。",
    "1" * 300 + "个项目" + "亿" * 200 + "元" + "超" * 100 + "3家企业",
    "项目" * 50 + "企业" + "5个",
    "没有任何数字的句子,也没有单位",
    "石河水库等等9个重大民生项目,产业专案和1个互设飞地园区专案,企业以及3家企业与项目和项目和5个项目",
    "等" * 100 + "超过9个项目" + "项目和" * 100 + "至少2个重大项目",
    "重点项目(今年计划全部开工建设)开工建设开工建设不少于30个,企业(注册到资)共计不少于5家",
]


def _random_texts(count: int = 400) -> list[str]:
    """Texts made of the pieces the shortcuts turn on, in every order (a fixed seed: the same each run)."""
    import random

    pieces = list("0123456789一二两三十百千万亿个家项户元级以上,。、和等(含)-至多余的\n") + [
        "项目", "企业", "民企", "专案", "超过", "不少于", "约", "最高给予", "人民币", "美元", "亿元", "其中", "共计",
        "𑛑", "新开工", "重大"]
    generator = random.Random(18)
    return ["".join(generator.choice(pieces) for _ in range(generator.randint(1, 60))) for _ in range(count)]


def _texts():
    from pathlib import Path

    root = Path(__file__).parent
    real = sorted((root / "data" / "realdev" / "texts").glob("*.txt")) + sorted((root.parent / "seeds").glob("*.txt"))
    from extract.normalize import normalize

    return TEXTS + [normalize(path.read_text(encoding="utf-8")).text for path in real] + _random_texts()


def _spans(matches):
    return [(m.start(), m.end(), m.groupdict()) for m in matches]


def _in_sentences_reference(pattern, text, required):
    """Every position of each sentence holding a match of `required`, tried in turn."""
    found = [m.start() for m in required.finditer(text)]
    starts = [0] + [m.end() for m in FULL_SENTENCE_END.finditer(text)]
    done = 0
    for k in sorted({bisect.bisect_right(starts, at) for at in found}):
        start, end = starts[k - 1], starts[k] if k < len(starts) else len(text)
        if end <= done:
            continue
        for m in pattern.finditer(text, max(start, done), min(len(text), end + _SENTENCE_MARGIN)):
            if m.start() >= end:
                break
            yield m
            done = m.end()
        done = max(done, end)


def _counts_past_a_list_reference(text, pattern):
    """Every list end of the text, each tried."""
    for end in counts._list_ends().finditer(text):
        m = pattern.match(text, end.end())
        if m is not None and end.group("noun") in (None, m.group("noun")):
            yield m


def test_re_reads_every_digit_of_the_regex_module_in_the_basic_plane():
    plane = "".join(map(chr, range(0x10000)))
    assert [m.group() for m in regex.finditer(r"\d", plane)] == [m.group() for m in re.finditer(r"\d", plane)]


@pytest.mark.parametrize("text", _texts())
def test_shortcuts_find_what_finditer_finds(text):
    number_first, noun_first, number_first_far = count_patterns()
    numbers = list(finditer_anchored(counts._any_count(), text, count_ends(), count_lead()))
    assert _spans(numbers) == _spans(counts._any_count().finditer(text))
    assert _spans(finditer_in_sentences(money_pattern(), text, money_units(), money_lead())) == _spans(
        _in_sentences_reference(money_pattern(), text, money_units()))
    assert _spans(finditer_in_sentences(number_first, text, counted_numbers(), prefix_qualifier_run(), numbers)) == (
        _spans(_in_sentences_reference(number_first, text, counted_numbers())))
    assert _spans(finditer_after(noun_first, text, counted_nouns(), numbers, noun_first_reach())) == _spans(
        noun_first.finditer(text, overlapped=True))
    assert _spans(finditer_anchored(money._BARE_SIZE_CLASS, text, money._MAGNITUDE, prefix_qualifier_run())) == (
        _spans(money._BARE_SIZE_CLASS.finditer(text)))
    assert _spans(finditer_anchored(counts._measure_free(), text, counts._measure_free_anchor())) == _spans(
        counts._measure_free().finditer(text))
    assert _spans(counts._counts_past_a_list(text, number_first_far, numbers)) == _spans(
        _counts_past_a_list_reference(text, number_first_far))
