"""Periods: the span of time a target is for (2025年, 一季度, “十四五”) or a report covers (1-5月).

The words and their spans are the deadline engine's (rules/deadline_phrases.tsv, its `period` column;
extract.context.deadlines.phrase_period): one table and one engine for deadlines and periods. This
module picks, for a figure, which words speak of its period and reads them as a `Period`. A target
and a report speak of the same period when the report starts where the target starts and ends
inside it: 1-5月 reports on the year, 一季度 on the first quarter, 上半年 on neither a Q2 nor a 2024 goal.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

from extract.context.deadlines import DeadlinePhrase, find_phrases, phrase_period
from extract.ledger.facts import as_date
from extract.normalize import normalize

_CLAUSE_END = re.compile(r"[，,；;。]")
# Report words that name no year (1-11月, 全年) in a paper of the first months are last year's review
_SPANS_FROM_NEW_YEAR = ("year", "to_date")


@dataclass(frozen=True)
class Period:
    kind: str              # a period of extract.context.deadlines.PERIODS
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def label(self) -> str:
        """The period as a Chinese reader writes it: 2025年一季度, 2025年1-5月, 2021-2025年."""
        year = f"{self.start.year}年"
        if self.start.year != self.end.year:
            return f"{self.start.year}-{self.end.year}年"
        if self.kind == "quarter":
            return f"{year}{'一二三四'[(self.start.month - 1) // 3]}季度"
        if self.kind == "half":
            return f"{year}{'上' if self.start.month == 1 else '下'}半年"
        if (self.end.month, self.end.day) == (12, 31) and (self.start.month, self.start.day) == (1, 1):
            return year
        last_day = self.end.day == calendar.monthrange(self.end.year, self.end.month)[1]
        if self.start.day != 1 or not last_day:
            return f"{year}{self.start.month}月{self.start.day}日-{self.end.month}月{self.end.day}日"
        if self.start.month == self.end.month:
            return f"{year}{self.end.month}月"
        return f"{year}{self.start.month}-{self.end.month}月"


def find_period_words(text: str) -> list[DeadlinePhrase]:
    """The time phrases of `text` (normalised) that name a span, in text order."""
    return [p for p in find_phrases(text) if p.period not in ("none", "annual")]


def period_of(words: DeadlinePhrase, reference: Optional[date], *, is_target: bool) -> Optional[Period]:
    span = phrase_period(words, reference, is_target=is_target)
    return None if span is None else Period(*span)


@lru_cache(maxsize=4096)
def _deadline_words(deadline_text: str) -> tuple[DeadlinePhrase, ...]:
    # deadline phrases repeat (到2025年, 今年): each is read once
    return tuple(find_period_words(normalize(deadline_text).text))


def target_period(deadline_text: Optional[str], deadline, doc_date) -> Optional[Period]:
    """The period a target is for: read from its deadline words; a deadline the words do not
    explain (春节前, 6月30日前) makes a period from the first of its year to the deadline."""
    due = as_date(deadline)
    reference = as_date(doc_date) or due
    if deadline_text:
        words = _deadline_words(str(deadline_text))
        if words:
            period = period_of(words[-1], reference, is_target=True)
            if period is not None and (due is None or period.end == due):
                return period
    if due is None:
        return None
    doc = as_date(doc_date)
    start = date(doc.year if doc is not None and doc.year < due.year else due.year, 1, 1)
    return Period("to_date", start, due)


def report_period(sentence: str, offset: int, doc_date) -> Optional[Period]:
    """The period a reported figure covers: the period words nearest before it in its sentence
    (`offset` is the figure's start within `sentence`), else the first after it in its clause. Words
    that only look like a period (比去年, 去年同期) nearest before it mean it is no report of a period."""
    reference = as_date(doc_date)
    before = find_phrases(normalize(sentence[:max(offset, 0)]).text)
    clause = _CLAUSE_END.split(sentence[max(offset, 0):], maxsplit=1)[0]
    after = find_period_words(normalize(clause).text)
    spans = [w for w in before if w.period != "annual"]
    words = spans[-1] if spans else (after[0] if after else None)
    if words is None or words.period == "none":
        return None
    if not words.names_its_year:
        # "2022年全年目标100项，1-11月认定121项": the year written earlier in the sentence holds
        named = [w for w in spans if w.names_its_year and w.period != "none"]
        if named:
            year_words = period_of(named[-1], reference, is_target=False)
            if year_words is not None:
                period = period_of(words, date(year_words.end.year, 12, 31), is_target=False)
                return period if period is None or period.kind != "since" else None
    period = period_of(words, reference, is_target=False)
    if period is not None and reference is not None and period.end > reference and not words.names_its_year \
            and period.kind in _SPANS_FROM_NEW_YEAR and reference.month <= 3:
        # a review early in the year: 全年 or 1-11月 in a January paper is last year's
        period = period_of(words, date(reference.year - 1, 12, 31), is_target=False)
    return period


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
