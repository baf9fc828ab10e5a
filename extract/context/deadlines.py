"""Deadline phrases (一季度, 3月底前, 年内, 到2025年, “十四五”期末, 春节前, 每年 ...) and their due dates.

The phrases are data: `rules/deadline_phrases.tsv` maps a pattern to a due rule. Patterns are
regexes written with a few macros ({Y} a year qualifier, {Q} a quarter, {M} a month ...), which
this module expands into named groups; the due rule reads those groups. Where two rows match
overlapping words, the earlier and then longer match wins (今年以来 hides 今年; 2021年前两个季度
hides 2021年前), ties going to the earlier row.

Conventions (those of JioNLP where it has one):
- a period's deadline is its last day: 一季度 -> 03-31, 上半年 -> 06-30, 年底/全年/年内 -> 12-31;
- X年前 / 到X年 / X年底前 -> X-12-31; 十四五 (期末/内/期间) -> 2025-12-31, 十五五 -> 2030-12-31;
- 用N年时间 / N年内 / N年行动 count the reference year as the first: 用两年时间 in 2023 -> 2024-12-31;
- 春节前 -> the day before 春节 (除夕), the first one on or after the reference date;
- 每年 / 年均 are recurring goals: annual, no date;
- 建成后 / 达产后 speak of a time after an event (a projection): they govern a figure as any phrase
  does, and give it no date (项目预计年底前竣工,建成后可实现营收30亿元: the 30亿元 is not due by 年底).
Years without a century (19年底, 九七年) are read within fifty years of the reference date.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache, reduce
from operator import or_
from typing import Optional

import regex

try:   # the standard library's pattern parser: public as sre_parse up to 3.10, private since 3.11
    from re import _constants as sre_constants, _parser as sre_parse
except ImportError:   # pragma: no cover (Python 3.10)
    import sre_constants
    import sre_parse

from extract.normalize import normalize
from extract.numbers import DIGITS, parse_numeral
from extract.rules import load_table

PHRASE_TABLE = "deadline_phrases"
RULES = ("year_end", "month_end", "quarter_end", "this_quarter_end", "this_month_end", "day", "years_end", "plan_end",
         "spring_festival_eve", "annual", "event", "none")

# The spans of time a phrase can name (the `period` column): see phrase_period.
PERIODS = ("quarter", "half", "month", "to_date", "year", "years", "plan", "since", "annual", "none")

_CN_DIGIT = "〇○零一二三四五六七八九"
_RELATIVE_YEARS = {"今": 0, "本": 0, "当": 0, "明": 1, "次": 1, "来": 1, "下": 1, "去": -1, "上": -1, "前": -2}
_FUTURE_RELATIVE = "".join(k for k, v in _RELATIVE_YEARS.items() if v >= 0)

MACROS = {
    "Y": (rf"(?:(?P<year>(?<!\d)(?:19|20)\d{{2}}|(?<!\d)\d{{2}}|(?<![{_CN_DIGIT}])[{_CN_DIGIT}]{{4}}"
          rf"|(?<![{_CN_DIGIT}十])[{_CN_DIGIT}]{{2}})\s*年"
          rf"|(?P<rel>[{''.join(_RELATIVE_YEARS)}])年)"),
    "Ynow": (rf"(?:(?P<year>(?<!\d)(?:19|20)\d{{2}}|(?<![{_CN_DIGIT}])[{_CN_DIGIT}]{{4}})\s*年"
             rf"|(?P<rel>[{_FUTURE_RELATIVE}])年)"),
    "Q": r"(?P<q>(?<!\d)[1-4](?!\d)|[一二三四])",
    "M": r"(?P<m>(?<!\d)(?:1[0-2]|0?[1-9])(?!\d)|十[一二]?|[一二三四五六七八九])",
    "D": r"(?P<d>(?<!\d)(?:3[01]|[12]\d|0?[1-9])(?!\d)|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])",
    "N": r"(?P<n>(?<![\d.])\d{1,2}(?!\d)|[一二两三四五六七八九十]{1,3})",
    "K": r"(?P<k>[一二三四五六七八九])",
}
_MACRO = regex.compile(r"\{([A-Za-z]\w*)\}")
# A year said on its own: 2026年, 二〇二六年, 今年, 明年, 2026年度
YEAR_ALONE = regex.compile(rf"(?:\d{{4}}|[{_CN_DIGIT}]{{4}}|[今明次来本当去上])年度?")


# A pattern that opens with a year ({Y}2025年一季度, {Y}?3月底前) is searched without it, and the
# year is then looked for just before each match: a leading {Y} has no literal for the regex
# engine to seek, so it would be tried at every position of the text (20x slower on news text).
_YEAR_PREFIX = regex.compile(r"\{(Y|Ynow)\}(\?)?")
# How far before a match its year can start: four digits, spaces and 年 (二〇二五 年).
_YEAR_REACH = 16


@dataclass(frozen=True)
class PhraseRule:
    row: int                # position in the table: ties between equal matches go to the earlier row
    source: str             # the pattern as written in the table
    rule: str               # a name from RULES
    fixed_month: Optional[int]
    pattern: regex.Pattern = field(compare=False)        # the pattern after its leading year, if any
    year: Optional[regex.Pattern] = field(compare=False, default=None)   # {Y} or {Ynow}, when the pattern opens with it
    year_optional: bool = True
    period: str = "none"    # the span the phrase names (PERIODS)
    # Sets of characters of which every match of `pattern` holds one each (季度: {季}, {度}): a sentence
    # lacking every character of one of them holds no match, and the rule is not run on it.
    needs: tuple[frozenset[str], ...] = field(compare=False, default=())


@dataclass(frozen=True)
class DeadlinePhrase:
    """One deadline phrase found in a text (offsets in that text)."""
    start: int
    end: int
    text: str
    rule: str
    fixed_month: Optional[int]
    groups: tuple[tuple[str, str], ...]
    row: int
    period: str = "none"

    def group(self, name: str) -> Optional[str]:
        return dict(self.groups).get(name)

    @property
    def sets_no_deadline(self) -> bool:
        return self.rule == "none"

    @property
    def is_annual(self) -> bool:
        return self.rule == "annual"

    @property
    def is_event(self) -> bool:
        """建成后, 达产后: after an event with no date; governs, but sets no deadline."""
        return self.rule == "event"

    @property
    def names_its_year(self) -> bool:
        return self.group("year") is not None or self.group("rel") is not None

    @property
    def is_whole_year(self) -> bool:
        """A year said on its own (2026年, 今年, 明年, 2026年度), not a part of it (今年上半年) nor a
        span that starts or ends in it (今年以来, 到2025年, 年底前)."""
        return self.rule == "year_end" and YEAR_ALONE.fullmatch(self.text) is not None


def expand_macros(pattern: str) -> str:
    def sub(m: regex.Match) -> str:
        if m.group(1) not in MACROS:
            raise ValueError(f"unknown macro {{{m.group(1)}}} in deadline pattern {pattern!r}")
        return MACROS[m.group(1)]

    return _MACRO.sub(sub, pattern)


def compile_rule(row: int, entry: dict[str, str]) -> PhraseRule:
    name, _, arg = entry["due"].partition(":")
    if name not in RULES:
        raise ValueError(f"{PHRASE_TABLE}.tsv row {row}: unknown due rule {entry['due']!r}")
    fixed_month = int(arg) if arg else None
    if arg and (name != "month_end" or not 1 <= fixed_month <= 12):
        raise ValueError(f"{PHRASE_TABLE}.tsv row {row}: bad argument in {entry['due']!r}")
    period = entry.get("period") or "none"
    if period not in PERIODS:
        raise ValueError(f"{PHRASE_TABLE}.tsv row {row}: unknown period {period!r}")
    source = entry["pattern"]
    leading_year = _YEAR_PREFIX.match(source)
    if leading_year is None:
        pattern = expand_macros(source)
        return PhraseRule(row, source, name, fixed_month, regex.compile(pattern), period=period,
                          needs=required_characters(pattern))
    pattern = expand_macros(source[leading_year.end():])
    return PhraseRule(row, source, name, fixed_month, regex.compile(pattern),
                      year=regex.compile(MACROS[leading_year.group(1)]), year_optional=leading_year.group(2) is not None,
                      period=period, needs=required_characters(pattern))


# Character classes larger than this (\d aside, which is not enumerable) are not worth a set.
_MAX_CLASS = 64


def required_characters(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of characters of which every match of `pattern` holds at least one each: its literal
    characters and small classes outside optional parts, lookarounds and repeats that may be empty;
    an alternation needs one of its branches' sets. Empty where the pattern is beyond the parser."""
    try:
        return tuple(_needs(sre_parse.parse(pattern)))
    except (sre_constants.error, ValueError):   # pragma: no cover (regex-only syntax: no shortcut)
        return ()


def _needs(items) -> list[frozenset[str]]:
    found: list[frozenset[str]] = []
    for op, arg in items:
        if op is sre_constants.LITERAL:
            found.append(frozenset(chr(arg)))
        elif op is sre_constants.IN:
            chars = _class_chars(arg)
            if chars:
                found.append(chars)
        elif op is sre_constants.SUBPATTERN:
            found.extend(_needs(arg[-1]))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and arg[0] >= 1:
            found.extend(_needs(arg[2]))
        elif op is sre_constants.BRANCH:
            branches = [_needs(branch) for branch in arg[1]]
            if all(branches):
                found.append(frozenset().union(*(min(b, key=len) for b in branches)))
    return found


def _class_chars(items) -> Optional[frozenset[str]]:
    """The characters of a class ([上前], [1-4一二]), or None if it is negated, a category or large."""
    chars: set[str] = set()
    for op, arg in items:
        if op is sre_constants.LITERAL:
            chars.add(chr(arg))
        elif op is sre_constants.RANGE and arg[1] - arg[0] < _MAX_CLASS:
            chars.update(map(chr, range(arg[0], arg[1] + 1)))
        else:
            return None
    return frozenset(chars)


@lru_cache(maxsize=1)
def phrase_rules() -> tuple[PhraseRule, ...]:
    return tuple(compile_rule(i, entry) for i, entry in enumerate(load_table(PHRASE_TABLE)))


@lru_cache(maxsize=1)
def spring_festivals() -> dict[int, date]:
    return {int(row["year"]): date.fromisoformat(row["date"]) for row in load_table("date_spring_festival")}


# How far past the end of a span a phrase that starts inside it is read: longer than any phrase, so
# that a phrase at a span's end, and the character its lookahead reads, are seen whole.
_SPAN_MARGIN = 32


def find_phrases(text: str, spans=None) -> list[DeadlinePhrase]:
    """Every deadline phrase in `text` (normalised, Simplified), overlaps resolved, in text order;
    with `spans` (sorted, disjoint (start, end) of whole sentences), only the phrases that start in
    them, each read as in the whole text (a phrase never runs across a sentence end)."""
    found = []
    for span_start, span_end in ((0, len(text)),) if spans is None else spans:
        read_to = min(len(text), span_end + _SPAN_MARGIN)
        for rule in _runnable(text, span_start, read_to):
            for m in rule.pattern.finditer(text, span_start, read_to):
                if m.start() >= span_end:
                    break
                phrase = _phrase(rule, m, text)
                if phrase is not None:
                    found.append(phrase)
    return leftmost_longest(found)


@lru_cache(maxsize=1)
def _needs_bits() -> tuple[dict[str, int], tuple[tuple[PhraseRule, int], ...]]:
    """Each distinct `needs` set of the rules as a bit: the bits of the sets each character is in,
    and each rule with the bits of its needs."""
    bits = {chars: 1 << i for i, chars in enumerate(dict.fromkeys(c for rule in phrase_rules() for c in rule.needs))}
    char_bits: dict[str, int] = {}
    for chars, bit in bits.items():
        for char in chars:
            char_bits[char] = char_bits.get(char, 0) | bit
    return char_bits, tuple((rule, sum(bits[chars] for chars in set(rule.needs))) for rule in phrase_rules())


@lru_cache(maxsize=1)
def _needed_chars() -> re.Pattern:
    """Any character of the rules' `needs`: the standard engine finds them in a span faster than a
    set of the span's characters is built."""
    return re.compile("[" + "".join(re.escape(char) for char in sorted(_needs_bits()[0])) + "]")


def _runnable(text: str, start: int, end: int) -> list[PhraseRule]:
    """The rules that can match in text[start:end]: exact, as each match holds a character of
    every set of its rule's `needs`."""
    char_bits, rules = _needs_bits()
    held = reduce(or_, map(char_bits.__getitem__, set(_needed_chars().findall(text, start, end))), 0)
    return [rule for rule, needs in rules if needs & held == needs]


def _phrase(rule: PhraseRule, m: regex.Match, text: str) -> Optional[DeadlinePhrase]:
    """The phrase of rule `rule` that match `m` finds, with the year before it; None if it needs
    a year and has none, or is empty."""
    if m.end() == m.start():
        return None
    start, groups = m.start(), {k: v for k, v in m.groupdict().items() if v is not None}
    if rule.year is not None:
        year = _year_ending_at(rule.year, text, start)
        if year is not None:
            start = year.start()
            groups = {**{k: v for k, v in year.groupdict().items() if v is not None}, **groups}
        elif not rule.year_optional:
            return None
    return DeadlinePhrase(start, m.end(), text[start:m.end()], rule.rule, rule.fixed_month,
                          tuple(groups.items()), rule.row, rule.period)


def _year_ending_at(year: regex.Pattern, text: str, end: int) -> Optional[regex.Match]:
    """The longest year qualifier that ends right at `end`, as a leading {Y} would have matched it."""
    if not text.endswith("年", 0, end):   # every year qualifier ends with 年 (2025年, 今年)
        return None
    for start in range(max(0, end - _YEAR_REACH), end):
        m = year.fullmatch(text, start, end)
        if m is not None:
            return m
    return None


def leftmost_longest(found: list) -> list:
    """Matches of several rules (each with start, end, row) without overlaps: the leftmost wins,
    then the longer, then the earlier row of its table. Shared with tracking's period words."""
    kept: list = []
    for p in sorted(found, key=lambda p: (p.start, -(p.end - p.start), p.row)):
        if kept and p.start < kept[-1].end:
            continue
        kept.append(p)
    return kept


def small_number(s: Optional[str]) -> Optional[int]:
    """A small whole number written in digits or Chinese (3, 三, 十二); None otherwise."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    value = parse_numeral(s)
    return int(value) if value is not None and value == int(value) else None


def _year(phrase: DeadlinePhrase, reference: Optional[date]) -> Optional[int]:
    written = phrase.group("year")
    if written:
        digits = written if written.isdigit() else "".join(str(int(DIGITS[c])) for c in written)
        year = int(digits)
        if len(digits) == 2:
            base = reference.year if reference else 2000
            year += base - base % 100
            if year > base + 50:
                year -= 100
            elif year < base - 50:
                year += 100
        return year
    if reference is None:
        return None
    return reference.year + _RELATIVE_YEARS.get(phrase.group("rel") or "今", 0)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _due_in_year(phrase: DeadlinePhrase, year: int, reference: Optional[date]) -> Optional[date]:
    rule = phrase.rule
    if rule == "year_end":
        return date(year, 12, 31)
    if rule == "month_end":
        month = phrase.fixed_month or small_number(phrase.group("m") or phrase.group("n"))
        return _month_end(year, month) if month and 1 <= month <= 12 else None
    if rule == "quarter_end":
        quarter = small_number(phrase.group("q"))
        return _month_end(year, 3 * quarter) if quarter and 1 <= quarter <= 4 else None
    if rule == "this_quarter_end":
        return _month_end(year, 3 * ((reference.month - 1) // 3 + 1)) if reference else None
    if rule == "this_month_end":
        return _month_end(year, reference.month) if reference else None
    if rule == "day":
        month, day = small_number(phrase.group("m")), small_number(phrase.group("d"))
        try:
            return date(year, month, day)
        except (TypeError, ValueError):
            return None
    raise AssertionError(rule)


def resolve(phrase: DeadlinePhrase, reference: Optional[date]) -> Optional[date]:
    """The due date `phrase` sets, read relative to `reference` (the document date)."""
    rule = phrase.rule
    if rule in ("annual", "event", "none"):
        return None
    if rule == "plan_end":
        # 1st plan 1953-57, 2nd 1958-62, then three adjustment years; the 3rd began in 1966.
        number = 10 + small_number(phrase.group("k"))
        return date(1966 + 5 * (number - 3) + 4, 12, 31)
    if rule == "years_end":
        years = small_number(phrase.group("n"))
        return date(reference.year + years - 1, 12, 31) if reference and years else None
    if rule == "spring_festival_eve":
        festivals = spring_festivals()
        if phrase.names_its_year:
            year = _year(phrase, reference)
            return festivals[year] - timedelta(days=1) if year in festivals else None
        if reference is None:
            return None
        eves = [d - timedelta(days=1) for _, d in sorted(festivals.items()) if d - timedelta(days=1) >= reference]
        return eves[0] if eves else None
    year = _year(phrase, reference)
    return None if year is None else _due_in_year(phrase, year, reference)


def parse_deadline(phrase: str, doc_date: Optional[date]) -> Optional[date]:
    """The due date a deadline phrase sets for a document of `doc_date`, or None.

    `phrase` may be raw (Traditional, full-width); the longest deadline phrase in it is read.
    Relative phrases (一季度, 年内, 用两年时间) need `doc_date`; absolute ones (到2025年, 十四五期末)
    do not. Recurring goals (每年) and non-deadlines (今年以来) give None.
    """
    if isinstance(doc_date, str):
        doc_date = date.fromisoformat(doc_date)
    found = find_phrases(normalize(phrase).text)
    if not found:
        return None
    longest = max(found, key=lambda p: (p.end - p.start, -p.start))
    return resolve(longest, doc_date)


def phrase_period(phrase: DeadlinePhrase, reference: Optional[date], *,
                  is_target: bool = False) -> Optional[tuple[str, date, date]]:
    """The span of time `phrase` names, as (period, first day, last day), read relative to `reference`
    (the document date): the period a target is for (一季度, 年内, 到2025年) or a report covers (1-5月,
    截至10月底, 今年以来, 去年). None for words that name no span (比去年, 建成后) and recurring goals.

    The last day is the phrase's due date; the first follows the row's `period`. A target's year that
    lies ahead of its document (到2025年 written in 2021) runs from the document's year.
    """
    period = phrase.period
    if period in ("none", "annual"):
        return None
    if period == "since":
        if reference is None:
            return None
        year = _year(phrase, reference) if phrase.names_its_year else reference.year
        month = small_number(phrase.group("m")) or 1
        first = date(year, month, 1) if 1 <= month <= 12 else None
        return ("since", first, reference) if first is not None and first <= reference else None
    if phrase.rule == "none":       # a span that sets no deadline: a year that is over (去年)
        year = _year(phrase, reference)
        return None if year is None else ("year", date(year, 1, 1), date(year, 12, 31))
    due = resolve(phrase, reference)
    if due is None:
        return None
    if period == "quarter":
        return period, date(due.year, due.month - (due.month - 1) % 3, 1), due
    if period == "half":
        return period, date(due.year, 1 if due.month <= 6 else 7, 1), due
    if period == "month":
        return period, date(due.year, due.month, 1), due
    if period == "to_date":
        return period, date(due.year, 1, 1), due
    if period == "plan":
        return period, date(due.year - 4, 1, 1), due
    first = due.year
    if reference is not None and reference.year < due.year and (period == "years" or is_target):
        first = reference.year
    return period, date(first, 1, 1), due
