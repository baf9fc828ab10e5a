"""Numerals: Arabic (1,200.5), Chinese (一百二十, 两千六, 壹佰万零伍拾肆), and mixed (1.5亿, 3千万).

`parse_numeral` reads one numeral that a mention grammar has already isolated; nothing here
rewrites running text, so words such as 一以贯之 are never touched. Arithmetic is in Decimal:
financial numerals go past 2**53 (玖仟捌佰…亿…元) and 1.5亿 must be exactly 150000000.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Optional

import regex

from extract.rules import load_table

_NUMERALS = {row["word"]: (row["kind"], Decimal(row["value"])) for row in load_table("numerals")}
DIGITS = {w: v for w, (k, v) in _NUMERALS.items() if k == "digit"}
SMALL_UNITS = {w: v for w, (k, v) in _NUMERALS.items() if k == "small"}
BIG_UNITS = {w: v for w, (k, v) in _NUMERALS.items() if k == "big"}
UNITS = {**SMALL_UNITS, **BIG_UNITS}
LETTER_MAGNITUDES = {row["word"]: Decimal(row["value"]) for row in load_table("magnitudes")}

_cls = lambda chars: "".join(sorted(chars))  # noqa: E731  (a character class body)
CN_DIGIT_CLASS = _cls(DIGITS)
CN_UNIT_CLASS = _cls(UNITS)

# Regex sources the mention grammars embed. An Arabic number may use thousands separators only
# in groups of three, so "3,5" in a list stays two numbers.
ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
CHINESE = rf"(?:[{CN_DIGIT_CLASS}{CN_UNIT_CLASS}]+(?:点[{CN_DIGIT_CLASS}]+)?)"
MIXED = rf"(?:{ARABIC}[{CN_UNIT_CLASS}]*)"
NUMERAL = rf"(?:{MIXED}|{CHINESE})"

_ARABIC_RE = regex.compile(rf"({ARABIC})([{CN_UNIT_CLASS}]*)([{_cls(LETTER_MAGNITUDES)}]?)")


def _parse_chinese_integer(s: str) -> Optional[Decimal]:
    """一百二十 -> 120; 三万五 -> 35000 (colloquial tail); 一七二零 -> 1720 (digit by digit)."""
    if not s:
        return None
    if all(ch in DIGITS for ch in s):
        if len(s) == 1:
            return DIGITS[s]
        return Decimal("".join(str(int(DIGITS[ch])) for ch in s))
    result = Decimal(0)      # the sum of the finished 万/亿 sections
    section = Decimal(0)     # the current section, below the next 万/亿
    number: Optional[Decimal] = None
    last_unit: Optional[Decimal] = None
    largest_big = Decimal(0)
    for ch in s:
        if ch in DIGITS:
            if number is not None and number != 0 and DIGITS[ch] != 0:
                return None  # two digits in a row inside a numeral with units: 十一十二
            number = DIGITS[ch]
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            in_section = last_unit is not None and last_unit < 10000
            if in_section and (last_unit <= unit or number is None):
                return None  # 十一十二, 百十一: small units fall in rank, each after a digit
            section += (number if number is not None else Decimal(1)) * unit
            number, last_unit = None, unit
        elif ch in BIG_UNITS:
            unit = BIG_UNITS[ch]
            value = section + (number or 0)
            if value == 0 and result == 0:
                value = Decimal(1)  # a bare 万 or 亿
            if unit > largest_big:
                result = (result + value) * unit  # 三千万亿: a larger unit compounds the ones before
                largest_big = unit
            else:
                result += value * unit
            section, number, last_unit = Decimal(0), None, unit
        else:
            return None
    if number is not None:
        # A lone digit right after a unit is one rank below it: 三万五 = 35000, 一百二 = 120.
        if last_unit is not None and last_unit > 10 and s[-2] in UNITS and number != 0:
            number *= last_unit / 10
        section += number
    return result + section


def _parse_chinese(s: str) -> Optional[Decimal]:
    if "点" in s:
        whole, _, frac = s.partition("点")
        integer = _parse_chinese_integer(whole)
        if integer is None or not frac or any(ch not in DIGITS for ch in frac):
            return None
        return integer + Decimal("0." + "".join(str(int(DIGITS[ch])) for ch in frac))
    return _parse_chinese_integer(s)


def _scale(units: str) -> Optional[Decimal]:
    """The product of a run of magnitudes after an Arabic number: 千万 -> 1e7, 万亿 -> 1e12."""
    factor = Decimal(1)
    for ch in units:
        if ch not in UNITS:
            return None
        factor *= UNITS[ch]
    return factor


def parse_numeral(s: str) -> Optional[Decimal]:
    """The value of one numeral, or None when `s` is not one well-formed numeral."""
    s = s.strip()
    if not s:
        return None
    m = _ARABIC_RE.fullmatch(s)
    if m:
        try:
            base = Decimal(m.group(1).replace(",", ""))
        except InvalidOperation:
            return None
        factor = _scale(m.group(2))
        if factor is None:
            return None
        return base * factor * LETTER_MAGNITUDES.get(m.group(3), Decimal(1))
    return _parse_chinese(s)


def trailing_magnitudes(s: str) -> list[Decimal]:
    """Magnitudes a bare first number of a range may borrow from the second one.

    九百亿 -> [1e8, 1e10]; 三十万 -> [1e4, 1e5]; 5亿 -> [1e8]: each trailing run of units,
    shortest first.
    """
    run = ""
    for ch in reversed(s):
        if ch in UNITS:
            run = ch + run
        else:
            break
    return [f for f in (_scale(run[i:]) for i in range(len(run) - 1, -1, -1)) if f is not None]


def has_big_magnitude(s: str) -> bool:
    return any(ch in BIG_UNITS for ch in s)
