"""Money amounts: a numeral with a currency unit, its range, its subunits and its qualifier."""
from __future__ import annotations

from decimal import Decimal

from extract.mentions import Mention
from extract.mentions.bounds import qualifier_of, range_values
from extract.mentions.grammar import money_pattern
from extract.numbers import BIG_UNITS, DIGITS, UNITS, parse_numeral
from extract.rules import load_table, words

_ISO = {row["word"]: row["iso"] for row in load_table("currencies")}
_SUBUNITS = {row["word"]: Decimal(row["value"]) for row in load_table("money_subunits")}
_NOT_YUAN_AFTER = words("money_exclusions")
_BARE_YUAN = ("元", "圆")
_COUNTED_NOUNS = words("counted_nouns")
_ARABIC_MAGNITUDES = set(UNITS)


def _subunit_value(sub: str) -> Decimal:
    """又三美分 -> 0.03; 1角1分 -> 0.11."""
    total = Decimal(0)
    number = ""
    i = 0
    sub = sub.replace("又", "")
    while i < len(sub):
        for word in sorted(_SUBUNITS, key=len, reverse=True):
            if sub.startswith(word, i):
                total += (parse_numeral(number) or Decimal(0)) * _SUBUNITS[word]
                number = ""
                i += len(word)
                break
        else:
            number += sub[i]
            i += 1
    return total


def _is_numberless(num: str) -> bool:
    """亿元, 百亿元: a magnitude with no digit, as in 亿元项目 (projects of 100 million or more)."""
    return not any(ch.isdigit() or ch in DIGITS for ch in num)


def _size_class_follows(text: str, at: int) -> bool:
    """亿元项目, 亿元以上企业, 亿元级: a bare magnitude reads as money only before such words."""
    window = text[at : at + 6]
    return window.startswith("级") or any(noun in window for noun in _COUNTED_NOUNS)


def _written_unit(num: str, post: str, unit: str) -> str:
    """The unit as an analyst names it: 亿元 for 83.2亿元, 千万元 for 3千万元, 万元 for 一百二十万元."""
    run = ""
    for ch in reversed(num):
        if ch in _ARABIC_MAGNITUDES if num[0].isdigit() else ch in BIG_UNITS:
            run = ch + run
        else:
            break
    return run + post + unit


def find_money(text: str) -> list[Mention]:
    found = []
    for m in money_pattern().finditer(text):
        num, unit = m.group("num"), m.group("unit")
        if unit in _BARE_YUAN and not m.group("post") and any(text.startswith(w, m.end("unit")) for w in _NOT_YUAN_AFTER):
            continue  # 一元化, 元月
        values = range_values(num, m.group("num2"), m.group("post") or "")
        if values is None:
            continue
        low, high = values
        if m.group("sub"):
            low += _subunit_value(m.group("sub"))
        qualifier, start = qualifier_of(m, text)
        if _is_numberless(num) and m.group("num2") is None:
            # A bare 亿元 is a size class (亿元项目, 亿元以上企业): at least that much.
            if not _size_class_follows(text, m.end()):
                continue
            qualifier = "at_least"
        currency = _ISO[m.group("cur2")] if m.group("cur2") else _ISO[unit]
        if m.group("curpre") and currency == "CNY":
            currency = _ISO[m.group("curpre")]
        found.append(
            Mention(
                start=start,
                end=m.end(),
                kind="money",
                value=low,
                value_max=high,
                currency=currency,
                unit=_written_unit(num, m.group("post") or "", unit + (m.group("cur2") or "")),
                qualifier=qualifier,
                counted=None,
                number_start=m.start("num"),
                number_end=m.end("unit"),
            )
        )
    return found
