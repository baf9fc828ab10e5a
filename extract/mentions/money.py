"""Money amounts: a numeral with a currency unit, its range, its subunits and its qualifier."""
from __future__ import annotations

import re
from decimal import Decimal
from itertools import takewhile

import regex

from extract.mentions import Mention
from extract.mentions.bounds import PREFIX, is_blocked, qualifier_of, range_values
from extract.mentions.grammar import (NOT_INSIDE_A_NUMBER, finditer_anchored, finditer_in_sentences, money_lead,
                                      money_pattern, money_units, prefix_qualifier_run, qualifier_words)
from extract.numbers import ARABIC, BIG_UNITS, CN_UNIT_CLASS, DIGITS, NUMERAL, UNITS, parse_numeral
from extract.rules import alternation, load_table, words

_ISO = {row["word"]: row["iso"] for row in load_table("currencies")}
_SUBUNITS = {row["word"]: Decimal(row["value"]) for row in load_table("money_subunits")}
_NOT_YUAN_AFTER = words("money_exclusions")
_BARE_YUAN = ("元", "圆")
_BARE_WAN = ("万", "萬")
_MEASURE_AFTER = words("money_measure_units")
_COUNTED_NOUNS = words("counted_nouns")
_SIZE_CLASS_UNITS = {"亿", "億"}
_LEVEL = "级"   # 百亿元级, 千万级: a magnitude named as a class
_SIZE_CLASS_NOUN = regex.compile(
    rf"(?:以上|及以上)?{_LEVEL}?[^,，。;；:：!！?？、“”\n\d]{{0,6}}?(?:{alternation(_COUNTED_NOUNS)})")
# A magnitude with no 元 names yuan only right before a counted noun, with no measure word between
# (百亿项目, 千万级专案, 过千亿项目; not 万家企业, not 千万级人口).
_MAGNITUDES_AT_MOST = 3
_OR_MORE = "以上"
_WORDS_BEFORE_NOUN_AT_MOST = 4
_BARE_SIZE_CLASS = regex.compile(
    rf"""(?P<qpre>{alternation(qualifier_words("prefix"))})?{NOT_INSIDE_A_NUMBER}
    (?P<num>[{CN_UNIT_CLASS}]{{1,{_MAGNITUDES_AT_MOST}}})(?![{CN_UNIT_CLASS}元圆])(?P<level>{_LEVEL})?
    (?=(?:{_OR_MORE})?[^,，。;；:：!！?？、“”\n\d元个家项宗户]{{0,{_WORDS_BEFORE_NOUN_AT_MOST}}}?
    (?:{alternation(_COUNTED_NOUNS)}))""", regex.VERBOSE)
# Where a bare size class can start: at a magnitude with a counted noun at most as far after it as
# the pattern lets one stand (on its line), or at the prefix qualifier before it.
_NOUN_AFTER_MAGNITUDE_AT_MOST = _MAGNITUDES_AT_MOST - 1 + len(_LEVEL) + len(_OR_MORE) + _WORDS_BEFORE_NOUN_AT_MOST
_MAGNITUDE = re.compile(
    rf"[{CN_UNIT_CLASS}](?=[^\n]{{0,{_NOUN_AFTER_MAGNITUDE_AT_MOST}}}(?:{alternation(_COUNTED_NOUNS)}))")
_SMALLEST_BARE_CLASS = Decimal(10_000_000)   # 千万: smaller magnitudes (万项目) are no size of a project
_INDEFINITE = {r["word"]: (Decimal(r["low"]), Decimal(r["high"])) for r in load_table("indefinite_numerals")}
_PREFIX_UNITS = tuple(sorted((r["word"] for r in load_table("currencies") if r["position"] != "suffix"), key=len, reverse=True))
_SUBUNITS_ONLY = regex.compile(rf"(?:{NUMERAL}(?:{alternation(_SUBUNITS)}))+")
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
    """亿元, 百亿元: a size class with no digit, as in 亿元项目 (projects of 100 million or more).

    十元 or 十万元 are plain amounts; only a digitless numeral ending in 亿 names a class.
    """
    return not any(ch.isdigit() or ch in DIGITS for ch in num) and num[-1] in _SIZE_CLASS_UNITS


def _size_class_follows(text: str, at: int) -> bool:
    """亿元项目, 亿元以上企业, 百亿级企业: a bare magnitude reads as money only right before such a noun."""
    return _SIZE_CLASS_NOUN.match(text, at) is not None


def _written_unit(num: str, post: str, unit: str) -> str:
    """The unit as an analyst names it: 亿元 for 83.2亿元, 千万元 for 3千万元, 万元 for 一百二十万元."""
    run = ""
    for ch in reversed(num):
        if ch in _ARABIC_MAGNITUDES if num[0].isdigit() else ch in BIG_UNITS:
            run = ch + run
        else:
            break
    return run + post + unit


_DISTRIBUTORS = words("qualifier_distributors")
_COORDINATORS = frozenset(row["word"] for row in load_table("metric_coordinators"))


_CARRY_NOTE = regex.compile(rf"\((?:{alternation(words('money_unit_carriers'))})\)")
_CURRENCY_WORDS = alternation(_ISO)


def find_money(text: str) -> list[Mention]:
    amounts = finditer_in_sentences(money_pattern(), text, money_units(), money_lead())
    found = [m for m in map(lambda match: _mention(text, match), amounts) if m]
    _distribute_qualifiers(text, found)
    found += _carried_units(text, found)
    size_classes = finditer_anchored(_BARE_SIZE_CLASS, text, _MAGNITUDE, prefix_qualifier_run())
    return found + [m for m in map(lambda match: _bare_size_class(text, match), size_classes) if m]


def _carried_units(text: str, found: list[Mention]) -> list[Mention]:
    """合同外资12.3亿美元(下同),其中…合同外资5.2亿: a note right after an amount (rules/money_unit_carriers.tsv)
    carries its magnitude and currency to the Arabic numbers with that magnitude and no unit after it,
    to the end of the paragraph."""
    carried = []
    for amount in found:
        note = _CARRY_NOTE.match(text, amount.end)
        magnitude = "".join(takewhile(lambda ch: ch in BIG_UNITS or ch in UNITS, amount.unit))
        if note is None or not magnitude:
            continue
        paragraph_end = text.find("\n", note.end())
        bare = regex.compile(rf"""(?P<qpre>{alternation(qualifier_words("prefix"))})?{NOT_INSIDE_A_NUMBER}
            (?P<num>{ARABIC}){regex.escape(magnitude)}(?![{CN_UNIT_CLASS}]|{_CURRENCY_WORDS})""", regex.VERBOSE)
        for m in bare.finditer(text, note.end(), len(text) if paragraph_end < 0 else paragraph_end):
            value = parse_numeral(m.group("num") + magnitude)
            if not value:
                continue
            bounded = m.group("qpre") and not is_blocked(text, m.start("qpre"), m.end("qpre"))
            carried.append(Mention(start=m.start() if bounded else m.start("num"), end=m.end(), kind="money",
                                   value=value, value_max=None, currency=amount.currency, unit=amount.unit,
                                   qualifier=PREFIX[m.group("qpre")] if bounded else "exact", counted=None,
                                   number_start=m.start("num"), number_end=m.end()))
    return carried


def _bare_size_class(text: str, m: regex.Match) -> Mention | None:
    """百亿项目, 千万级专案: a magnitude without 元 as the size class of the noun after it."""
    value = parse_numeral(m.group("num"))
    if value is None or value < _SMALLEST_BARE_CLASS:
        return None
    bounded = m.group("qpre") and not is_blocked(text, m.start("qpre"), m.end("qpre"))
    return Mention(start=m.start() if bounded else m.start("num"), end=m.end(), kind="money", value=value,
                   value_max=None, currency="CNY", unit=m.group("num") + "元",
                   qualifier=PREFIX[m.group("qpre")] if bounded else "at_least",
                   counted=None, number_start=m.start("num"), number_end=m.end("num"))


def _distribute_qualifiers(text: str, found: list[Mention]) -> None:
    """分别突破3万亿元和1万亿元: an amount coordinated right after one whose prefix qualifier is
    distributed (分别, 各自) takes that qualifier when it has none of its own. One pass."""
    carried = None   # the qualifier being distributed along a run of coordinated amounts
    for first, second in zip(found, found[1:]):
        if carried is None and first.qualifier != "exact" and first.start < first.number_start and any(
                text.endswith(w, 0, first.start) for w in _DISTRIBUTORS):
            carried = first.qualifier
        if (carried is not None and second.qualifier == "exact" and second.start == second.number_start
                and text[first.end:second.start] in _COORDINATORS):
            second.qualifier = carried
        else:
            carried = None


def parse_money(expression: str) -> Mention | None:
    """One amount written alone, as in a table cell or a form field: 三百万, 15k左右, 约4.287亿美元.

    The currency unit may be left out (CNY then), but the whole expression must be the amount.
    """
    from extract.normalize import normalize

    text = normalize(expression).text.strip()
    text = text[1:] if text.startswith("从") else text  # 从8500到3万港元: the range opener
    negative = text.startswith("负")  # a form field may hold a loss: 负壹元整
    text = text[1:] if negative else text
    match = money_pattern(require_unit=False).fullmatch(text)
    mention = _mention(text, match, alone=True) if match else _vague_or_fraction(text)
    if mention is not None and negative:
        mention.value = -mention.value
    return mention


def _vague_or_fraction(text: str) -> Mention | None:
    """What only a whole expression can say: 几十万块 (a vague range), 肆角叁分 (no yuan at all)."""
    body = text.rstrip("整正钱")
    currency = "CNY"
    for unit in _PREFIX_UNITS:
        if body.startswith(unit):
            body, currency = body[len(unit):], _ISO[unit]
            break
    for word, (low, high) in _INDEFINITE.items():
        if not body.startswith(word):
            continue
        rest = body[len(word):]
        stripped = True
        while stripped:  # 数十亿元人民币: unit words may stack
            stripped = False
            for unit in sorted(_ISO, key=len, reverse=True):
                if rest.endswith(unit):
                    rest, stripped = rest[: -len(unit)], True
                    currency = currency if _ISO[unit] == "CNY" else _ISO[unit]
                    break
        scale = parse_numeral("1" + rest) if rest else Decimal(1)
        if scale is None:
            return None
        return Mention(0, len(text), "money", low * scale, high * scale, currency, rest + "元",
                       "approx", None, 0, len(text))
    if _SUBUNITS_ONLY.fullmatch(body):
        return Mention(0, len(text), "money", _subunit_value(body), None, "CNY", "元", "exact", None, 0, len(text))
    return None


def _mention(text: str, m, alone: bool = False) -> Mention | None:
    num, unit = m.group("num"), m.group("unit") or "元"
    post = m.group("post") or ""
    after_unit = m.end("unit") if m.group("unit") else m.end("post")
    if unit in _BARE_YUAN and not post and text.startswith(_NOT_YUAN_AFTER, after_unit):
        return None  # 一元化, 元月
    if num in _BARE_WAN and text.startswith(_MEASURE_AFTER, m.end()):
        return None  # 万元GDP能耗: per 10,000 yuan, a unit of measure
    values = range_values(num, m.group("num2"), post)
    if values is None:
        return None
    low, high = values
    if m.group("sub"):
        low += _subunit_value(m.group("sub"))
    if low <= 0 and not alone:
        return None  # 0亿元 is no figure; only an amount written alone may be zero (零元整)
    qualifier, start = qualifier_of(m, text)
    end = m.end()
    if _is_numberless(num) and m.group("num2") is None:
        # A bare 亿元 is a size class (亿元项目, 亿元以上企业): at least that much.
        if m.group("qpre") and not is_blocked(text, m.start("qpre"), m.end("qpre")):
            pass  # 突破千亿元, 超亿美元: a bound on a round amount keeps its own qualifier
        elif text.startswith(_LEVEL, end):
            qualifier, end = "at_least", end + len(_LEVEL)   # 百亿元级增长: a class named by 级 needs no noun
        elif _size_class_follows(text, end):
            qualifier = "at_least"
        else:
            return None
    currency = _ISO[m.group("cur2")] if m.group("cur2") else _ISO[unit]
    if m.group("curpre") and currency == "CNY":
        currency = _ISO[m.group("curpre")]
    return Mention(
        start=start,
        end=end,
        kind="money",
        value=low,
        value_max=high,
        currency=currency,
        unit=_written_unit(num, post, unit + (m.group("cur2") or "")),
        qualifier=qualifier,
        counted=None,
        number_start=m.start("num"),
        number_end=after_unit,
    )
