"""Periods: the span of time a target is for (2025年, 一季度, “十四五”) or a report covers (1-5月).

The words are data (`rules/tracking_periods.tsv`); this module finds them and turns one into a
`Period` of first and last day. A target's period comes from its deadline words and its deadline;
a report's from the period words nearest before the figure in its sentence. A target and a report
speak of the same period when the report starts where the target starts and ends inside it:
"1-5月" reports on the year, "一季度" on the first quarter, "上半年" on neither a Q2 nor a 2024 goal.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

import regex

from extract.context.deadlines import expand_macros, leftmost_longest, small_number
from extract.normalize import normalize
from extract.numbers import DIGITS
from extract.rules import load_table

PERIOD_TABLE = "tracking_periods"
KINDS = ("quarter", "quarters_to_date", "half", "months_to_date", "to_date", "year", "plan", "years", "annual",
         "none", "by_date")
# a year standing alone: four digits or a relative year, never a bare two-digit number (改革开放30年)
_YEAR_ALONE = r"(?:(?P<year>(?<!\d)(?:19|20)\d{2})\s*年|(?P<rel>[今本当去上明次])年)"
_RELATIVE_YEARS = {"今": 0, "本": 0, "当": 0, "明": 1, "次": 1, "来": 1, "下": 1, "去": -1, "上": -1, "前": -2}


@dataclass(frozen=True)
class Period:
    kind: str              # one of KINDS
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def label(self) -> str:
        """The period as a Chinese reader writes it: 2025年一季度, 2025年1-5月, 2021-2025年."""
        year = f"{self.start.year}年"
        if self.kind == "quarter":
            return f"{year}{'一二三四'[(self.start.month - 1) // 3]}季度"
        if self.kind == "half":
            return f"{year}{'上' if self.start.month == 1 else '下'}半年"
        if self.start.year != self.end.year:
            return f"{self.start.year}-{self.end.year}年"
        if self.kind in ("quarters_to_date", "months_to_date", "to_date", "by_date") and \
                (self.end.month, self.end.day) != (12, 31):
            months = "1月" if self.end.month == 1 else f"1-{self.end.month}月"
            return f"{year}{months}" if self.end.day == calendar.monthrange(
                self.end.year, self.end.month)[1] else f"{year}1月1日-{self.end.month}月{self.end.day}日"
        return year


@dataclass(frozen=True)
class _Rule:
    row: int
    kind: str
    fixed: Optional[int]
    pattern: regex.Pattern


@dataclass(frozen=True)
class PeriodWords:
    start: int
    end: int
    text: str
    kind: str
    fixed: Optional[int]
    groups: dict
    row: int


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    rules = []
    for row, entry in enumerate(load_table(PERIOD_TABLE)):
        kind, _, arg = entry["period"].partition(":")
        if kind not in KINDS:
            raise ValueError(f"{PERIOD_TABLE}.tsv row {row}: unknown period {entry['period']!r}")
        pattern = expand_macros(entry["pattern"].replace("{YEAR}", _YEAR_ALONE))
        rules.append(_Rule(row, kind, int(arg) if arg else None, regex.compile(pattern)))
    return tuple(rules)


def find_period_words(text: str) -> list[PeriodWords]:
    """Every period phrase in `text` (normalised), overlaps resolved, in text order."""
    found = []
    for rule in _rules():
        for m in rule.pattern.finditer(text):
            if m.end() > m.start():
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                found.append(PeriodWords(m.start(), m.end(), m.group(), rule.kind, rule.fixed, groups, rule.row))
    return leftmost_longest(found)


def _year(words: PeriodWords, reference: Optional[date]) -> Optional[int]:
    written = words.groups.get("year")
    if written:
        digits = written if written.isdigit() else "".join(str(int(DIGITS[c])) for c in written)
        return int(digits) + (2000 if len(digits) == 2 else 0)
    if reference is None:
        return None
    return reference.year + _RELATIVE_YEARS.get(words.groups.get("rel") or "今", 0)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_of(words: PeriodWords, reference: Optional[date], *, is_target: bool) -> Optional[Period]:
    """The span `words` name, read relative to `reference` (the document date).

    A target's year that lies ahead of its document ("到2025年" written in 2021) runs from the
    document's year; a report's year is that calendar year.
    """
    kind = words.kind
    if kind in ("none", "annual"):
        return None
    if kind == "plan":
        number = 10 + (small_number(words.groups.get("k")) or 0)
        first = 1966 + 5 * (number - 3)     # the 3rd plan began in 1966, every plan since lasts five years
        return Period("plan", date(first, 1, 1), date(first + 4, 12, 31))
    if kind == "years":
        count = small_number(words.groups.get("n"))
        if reference is None or not count:
            return None
        return Period("years", date(reference.year, 1, 1), date(reference.year + count - 1, 12, 31))
    year = _year(words, reference)
    if year is None:
        return None
    if kind == "quarter":
        quarter = words.fixed or small_number(words.groups.get("q"))
        if not quarter or not 1 <= quarter <= 4:
            return None
        return Period("quarter", date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter))
    if kind == "quarters_to_date":
        quarter = small_number(words.groups.get("q"))
        return Period(kind, date(year, 1, 1), _month_end(year, 3 * quarter)) if quarter and quarter <= 4 else None
    if kind == "half":
        return Period("half", date(year, 1, 1) if words.fixed == 1 else date(year, 7, 1),
                      date(year, 6, 30) if words.fixed == 1 else date(year, 12, 31))
    if kind == "months_to_date":
        month = small_number(words.groups.get("m") or words.groups.get("n"))
        return Period(kind, date(year, 1, 1), _month_end(year, month)) if month and 1 <= month <= 12 else None
    if kind == "to_date":
        if reference is None or reference.year < year:
            return None
        return Period(kind, date(year, 1, 1), reference)
    # a year
    first = reference.year if is_target and reference is not None and reference.year < year else year
    return Period("year", date(first, 1, 1), date(year, 12, 31))


def _as_date(value) -> Optional[date]:
    if value is None or (isinstance(value, float) and value != value) or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def target_period(deadline_text: Optional[str], deadline, doc_date) -> Optional[Period]:
    """The period a target is for: read from its deadline words; a deadline the words do not
    explain (春节前, 6月30日前) makes a period from the first of its year to the deadline."""
    due = _as_date(deadline)
    reference = _as_date(doc_date) or due
    if deadline_text:
        words = find_period_words(normalize(str(deadline_text)).text)
        if words:
            period = period_of(words[-1], reference, is_target=True)
            if period is not None and (due is None or period.end == due):
                return period
    if due is None:
        return None
    start = date(due.year, 1, 1)
    doc = _as_date(doc_date)
    if doc is not None and doc.year < due.year:
        start = date(doc.year, 1, 1)
    return Period("by_date", start, due)


def report_period(sentence: str, offset: int, doc_date) -> Optional[Period]:
    """The period a reported figure covers: the period words nearest before it in its sentence
    (`offset` is the figure's start within `sentence`), else the first after it. Words that only
    look like a period (比去年, 去年同期) nearest before it mean it is no report of a period."""
    reference = _as_date(doc_date)
    before = find_period_words(normalize(sentence[:max(offset, 0)]).text)
    after = find_period_words(normalize(sentence[max(offset, 0):]).text)
    words = before[-1] if before else (after[0] if after else None)
    if words is None:
        return None
    if not _names_year(words):
        # "2022年全年目标100项，1-11月认定121项": the year written earlier in the sentence holds
        named = [w for w in before if _names_year(w)]
        year = _year(named[-1], reference) if named else None
        if year is not None:
            words = _with_year(words, year)
    period = period_of(words, reference, is_target=False)
    if period is not None and reference is not None and period.end > reference and not _names_year(words) \
            and period.kind in _SPANS_FROM_NEW_YEAR and reference.month <= 3:
        # a review early in the year: 全年 or 1-11月 in a January paper is last year's
        period = period_of(_with_year(words, reference.year - 1), reference, is_target=False)
    return period


_SPANS_FROM_NEW_YEAR = ("year", "months_to_date", "quarters_to_date")


def _names_year(words: PeriodWords) -> bool:
    """The words say which year: 2022年, 今年, 去年 (当年 in a review means "that year", so it does not)."""
    return "year" in words.groups or words.groups.get("rel") not in (None, "当")


def _with_year(words: PeriodWords, year: int) -> PeriodWords:
    groups = {k: v for k, v in words.groups.items() if k != "rel"}
    return PeriodWords(words.start, words.end, words.text, words.kind, words.fixed, {**groups, "year": str(year)},
                       words.row)


def covers(target: Period, report: Period) -> bool:
    """A report speaks of the target's period: it starts where the target starts and ends inside it."""
    return report.start == target.start and target.start <= report.end <= target.end


def elapsed_share(period: Period, on: date) -> float:
    """序时进度: the share of the period's days gone by the end of `on` (0 before, 1 after)."""
    if on < period.start:
        return 0.0
    if on >= period.end:
        return 1.0
    return ((on - period.start).days + 1) / period.days
