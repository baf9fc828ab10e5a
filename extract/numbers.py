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
TENS = {w: v for w, (k, v) in _NUMERALS.items() if k == "tens"}
SIGNS = {w for w, (k, v) in _NUMERALS.items() if k == "sign"}
LETTER_MAGNITUDES = {row["word"]: Decimal(row["value"]) for row in load_table("magnitudes")}

_cls = lambda chars: "".join(regex.escape(c) for c in sorted(chars))  # noqa: E731  (a character class body)
CN_DIGIT_CLASS = _cls(list(DIGITS) + list(TENS))
CN_UNIT_CLASS = _cls(UNITS)

# Regex sources the mention grammars embed. An Arabic number may use thousands separators only
# in groups of three, so "3,5" in a list stays two numbers.
ARABIC_INTEGER = r"(?:\d{1,3}(?:,\d{3})+(?![0-9])|\d+)"
ARABIC = rf"{ARABIC_INTEGER}(?:\.\d+)?"
# One numeral: a run of Arabic numbers and Chinese numeral characters (1.5亿, 三千万, 5万4千6百).
# Atomic, so that a failed match never retries the ways of splitting a long digit run.
NUMERAL = rf"(?>(?:{ARABIC}|[{CN_DIGIT_CLASS}{CN_UNIT_CLASS}])+(?:点[{CN_DIGIT_CLASS}]+)?)"

_ARABIC_RE = regex.compile(rf"({ARABIC})([{CN_UNIT_CLASS}]*)([{_cls(LETTER_MAGNITUDES)}]?)")


_TOKEN = regex.compile(rf"{ARABIC_INTEGER}|.", regex.DOTALL)


def _tokens(s: str) -> list[tuple[str, Decimal | None]]:
    """Numeral characters and Arabic integer runs: 100万三千 -> [(100), 万, 三, 千]."""
    out = []
    for m in _TOKEN.finditer(s):
        t = m.group()
        if t[0].isdigit():
            out.append(("arabic", Decimal(t.replace(",", ""))))
        elif t in DIGITS:
            out.append(("digit", DIGITS[t]))
        elif t in TENS:
            out.append(("tens", TENS[t]))
        elif t in UNITS:
            out.append((t, None))
        else:
            return []
    return out


def _parse_integer(s: str) -> Optional[Decimal]:
    """一百二十 -> 120; 三万五 -> 35000 (colloquial tail); 一七二零 -> 1720 (digit by digit);
    100万三千 -> 1003000 and 5万4千6百 -> 54600 (Arabic runs inside); 四万万 -> 4e8."""
    tokens = _tokens(s)
    if not tokens:
        return None
    if len(tokens) > 1 and all(kind == "digit" for kind, _ in tokens):
        return Decimal("".join(str(int(v)) for _, v in tokens))
    result = Decimal(0)      # the finished 万/亿 sections
    section = Decimal(0)     # the current section, below the next 万/亿
    number: Optional[Decimal] = None
    number_kind = None
    last_unit: Optional[Decimal] = None
    largest_big = Decimal(0)
    after_big = False        # nothing but big units since the last big unit (万万, 万亿)
    for kind, value in tokens:
        if kind in ("digit", "arabic"):
            if number is not None and number != 0 and not (kind == "digit" and value == 0):
                return None  # two numbers in a row: 十一十二, 一二百
            number, number_kind = value, kind
            after_big = False
        elif kind == "tens":
            section += value
            number, last_unit, after_big = None, Decimal(10), False
        elif kind in SMALL_UNITS:
            unit = SMALL_UNITS[kind]
            in_section = last_unit is not None and last_unit < 10000
            if in_section and (last_unit <= unit or (number is None and unit != 10)):
                return None  # 十一十二: small units fall in rank, each after a digit (一百十一 may drop 一)
            section += (number if number else Decimal(1)) * unit
            number, last_unit, after_big = None, unit, False
        else:
            unit = BIG_UNITS[kind]
            value = section + (number or 0)
            if after_big:
                result *= unit  # 四万万, 万亿: a big unit right after another compounds it
            elif value == 0 and result == 0:
                result = unit  # a bare 万 or 亿
            elif unit > largest_big:
                result = (result + value) * unit  # 三千万亿: a larger unit scales all before it
            else:
                result += value * unit
            largest_big = max(largest_big, unit)
            section, number, last_unit, after_big = Decimal(0), None, unit, True
    if number is not None:
        # A lone Chinese digit right after a unit is one rank below it: 三万五 = 35000, 一百二 = 120.
        if number_kind == "digit" and last_unit is not None and last_unit > 10 and tokens[-2][0] in UNITS and number != 0:
            number *= last_unit / 10
        section += number
    return result + section


def approximate_pair(s: str) -> Optional[tuple[Decimal, Decimal]]:
    """三五百 -> (300, 500), 八九亿 -> (8e8, 9e8): two neighbouring digits read as a loose range."""
    if len(s) < 2 or s[0] not in DIGITS or s[1] not in DIGITS:
        return None
    low, high = DIGITS[s[0]], DIGITS[s[1]]
    if not (0 < low < high <= low + 2):
        return None
    rest = s[2:]
    scale = _parse_integer(rest) if rest else Decimal(1)
    if scale is None or (rest and any(ch in DIGITS for ch in rest)):
        return None
    return low * scale, high * scale


def _parse_chinese(s: str) -> Optional[Decimal]:
    if "点" in s:
        whole, _, frac = s.partition("点")
        integer = _parse_integer(whole)
        if integer is None or not frac:
            return None
        if frac.isdigit():
            return integer + Decimal("0." + frac)
        if any(ch not in DIGITS for ch in frac):
            return None
        return integer + Decimal("0." + "".join(str(int(DIGITS[ch])) for ch in frac))
    return _parse_integer(s)


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
    if s[:1] in SIGNS or s[:1] == "-":
        value = parse_numeral(s[1:])
        return None if value is None else -value
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
