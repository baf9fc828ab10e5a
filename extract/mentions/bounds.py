"""What the number and the words around it mean: value, upper bound and qualifier.

Shared by money and counts, because both read ranges (3-5家, 5-10亿元), 多/余 (300多万元,
30余家) and prefix or suffix qualifiers (超10亿元, 不少于30个, 20家以上) the same way.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

import regex

from extract.mentions.grammar import qualifier_words
from extract.numbers import approximate_pair, has_big_magnitude, parse_numeral, trailing_magnitudes
from extract.rules import words

PREFIX = qualifier_words("prefix")
INFIX = qualifier_words("infix")
SUFFIX = {w: q for w, q in qualifier_words("suffix").items()}
BLOCKERS = words("qualifier_blockers")


def range_values(num: str, num2: Optional[str], post: str = "") -> Optional[tuple[Decimal, Optional[Decimal]]]:
    """(low, high) of a numeral or a range, with magnitudes written after it (`post`) applied.

    A bare first number borrows the magnitude of the second: 5-10亿 is 5亿 to 10亿, 十八至三十万
    is 18万 to 30万: the largest magnitude that keeps it no larger than the second.
    """
    post = post.lstrip("个")  # 两个亿 is 两亿
    scale = parse_numeral("1" + post) if post else Decimal(1)
    if scale is None:
        return None
    first = parse_numeral(num)
    if first is None and num2 is None:
        pair = approximate_pair(num)
        return None if pair is None else (pair[0] * scale, pair[1] * scale)
    if first is None:
        return None
    if num2 is None:
        return first * scale, None
    second = parse_numeral(num2)
    if second is None:
        return None
    if not has_big_magnitude(num):
        for factor in reversed(trailing_magnitudes(num2)):
            if first * factor <= second:
                first = first * factor
                break
    low, high = first * scale, second * scale
    if high <= low:
        return None  # 5-3家 or 2020-2025: not a range of amounts
    return low, high


def is_blocked(text: str, qualifier_start: int, qualifier_end: int) -> bool:
    """True when the qualifier is the tail of a word such as 签约 or 通过."""
    for word in BLOCKERS:
        start = qualifier_end - len(word)
        if start < qualifier_start and start >= 0 and text[start:qualifier_end] == word:
            return True
    return False


def qualifier_of(m: regex.Match, text: str) -> tuple[str, int]:
    """The qualifier of a matched mention and where the mention starts once it is decided."""
    start = m.start("num") if m.group("qpre") is None else m.start("qpre")
    if "curpre" in m.re.groupindex and m.group("curpre") and m.group("qpre") is None:
        start = m.start("curpre")
    if m.group("qpre") and is_blocked(text, m.start("qpre"), m.end("qpre")):
        start = m.start("curpre") if m.re.groupindex.get("curpre") and m.group("curpre") else m.start("num")
        prefix = None
    else:
        prefix = PREFIX.get(m.group("qpre")) if m.group("qpre") else None
    if m.group("qsuf"):
        suffix_word = m.group("qsuf").replace("(含)", "")
        return SUFFIX.get(suffix_word) or SUFFIX[m.group("qsuf")], start
    if m.group("infix"):
        return INFIX[m.group("infix")], start
    if prefix:
        return prefix, start
    return "exact", start
