"""The date of a document, and how it was found: user > metadata > dateline > text.

- user: the date given with the document (--doc-date); metadata: the file's own (HTML meta, PDF info).
- dateline: a date the text states at its top (rules/date_datelines.tsv): a header timestamp
  ("2021年10月 01日 09:04", "发布时间:2024-07-27") or a news dateline ("中新网肇庆12月9日电",
  "交汇点讯 1月29日", "本报讯(记者…)…2月11日").
- text: the first day named in the body ("2月6日,“新春第一会”…召开"), the event a report opens with,
  which is at or just before publication.
A dateline or body date without its year takes the year the text is written in: the latest year
it names that is not a plan horizon (到2025年, 2025年前, 预计2028年通车; rules/date_year_cues.tsv), or
later where the text says so of a year it cites (今年发布的《2016年度…报告》; rules/date_cited_years.tsv).

`doc_date` is always a full ISO date or None. A date known only to the month (a user's "2025-02")
is the first of that month. A date known only to the year gives no `doc_date`, but its year still
dates relative deadlines (今年, 一季度); see `reference_date`.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Callable, Optional

import regex

from extract.numbers import DIGITS
from extract.rules import load_table, words

HEADER_CHARS = 300          # datelines stand in the title block and the first lines of a report
_CN_DIGIT = "〇○零一二三四五六七八九"
_YEAR = regex.compile(rf"(?<!\d)((?:19|20)\d{{2}})(?!\d)\s*年|(?<![{_CN_DIGIT}])([{_CN_DIGIT}]{{4}})年")
# A given date, with or without month and day, and whatever follows it (a time, a zone); or 20211001.
_GIVEN = regex.compile(r"^\s*(\d{4})(?!\d)(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})(?!\d))?)?")
_COMPACT = regex.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?!\d)")


@lru_cache(maxsize=1)
def _datelines() -> tuple[regex.Pattern, ...]:
    return tuple(regex.compile(row["pattern"]) for row in load_table("date_datelines"))


@lru_cache(maxsize=1)
def _horizon_cues() -> dict[str, tuple[str, ...]]:
    """The cues of a plan horizon by side: those a year ends before, those that start right after it."""
    cues: dict[str, tuple[str, ...]] = {"before": (), "after": ()}
    for row in load_table("date_year_cues"):
        cues["before" if row["side"] == "before" else "after"] += (row["cue"],)
    return cues


@lru_cache(maxsize=1)
def _body_date() -> regex.Pattern:
    """A day in the body, not one looked ahead to or counted from (6月30日前, 3月1日起;
    rules/date_not_event_suffixes.tsv)."""
    suffixes = "|".join(regex.escape(w) for w in words("date_not_event_suffixes"))
    return regex.compile(
        r"(?:(?<!\d)(?P<year>(?:19|20)\d{2})\s*年)?(?<!\d)(?P<month>1[0-2]|0?[1-9])月(?P<day>3[01]|[12]\d|0?[1-9])[日号]"
        rf"(?!{suffixes})")


@lru_cache(maxsize=1)
def _later_years() -> tuple[dict, ...]:
    return tuple({"pattern": regex.compile(row["pattern"]), "later": int(row["later"])}
                 for row in load_table("date_cited_years"))


def parse_given_date(value: Optional[str]) -> tuple[Optional[date], Optional[str]]:
    """A user's or a file's date ("2021-10-01T08:00", "2021/10/1", "2021年10月1日", "2025-02", "2020"):
    (reference, precision)."""
    m = (_GIVEN.match(str(value)) or _COMPACT.match(str(value))) if value else None
    if not m:
        return None, None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return date(year, int(month), int(day)), "day"
        if month:
            return date(year, int(month), 1), "month"
        return date(year, 1, 1), "year"
    except ValueError:
        return None, None


def _year_value(written: str) -> int:
    return int(written) if written.isdigit() else int("".join(str(int(DIGITS[c])) for c in written))


def year_of_writing(text: str) -> Optional[int]:
    """The year a text is written in: the latest year it names that is not a plan horizon, or the
    year a citation implies (今年发布的《2016年度…报告》: 2017; rules/date_cited_years.tsv)."""
    cues = _horizon_cues()
    candidates = []
    for m in _YEAR.finditer(text):
        if not (text.endswith(cues["before"], 0, m.start()) or text.startswith(cues["after"], m.end())):
            candidates.append(_year_value(m.group(1) or m.group(2)))
    for rule in _later_years():
        for m in rule["pattern"].finditer(text):
            candidates.append(_year_value(m.group("year")) + rule["later"])
    return max(candidates) if candidates else None


def _dated(year: Callable[[], Optional[int]], written: Optional[str], month: str, day: str) -> Optional[date]:
    """The day `month`/`day` of the year `written`, else of `year()`: asked only where the words give none."""
    year_of_date = int(written) if written else year()
    if year_of_date is None:
        return None
    try:
        return date(year_of_date, int(month), int(day))
    except ValueError:
        return None


def dateline_date(text: str, year: Optional[int] = None) -> Optional[date]:
    """The date a text states at its top; `year` completes a dateline that gives none."""
    return _dateline_date(text, lambda: year)


def _dateline_date(text: str, year: Callable[[], Optional[int]]) -> Optional[date]:
    header = text.lstrip()[:HEADER_CHARS]
    for pattern in _datelines():
        m = pattern.search(header)
        if m:
            found = _dated(year, m.groupdict().get("year"), m.group("month"), m.group("day"))
            if found:
                return found
    return None


def body_date(text: str, year: Optional[int] = None) -> Optional[date]:
    """The first day the text names (not one it looks ahead to: 6月30日前)."""
    return _body_date_of(text, lambda: year)


def _body_date_of(text: str, year: Callable[[], Optional[int]]) -> Optional[date]:
    for m in _body_date().finditer(text):
        found = _dated(year, m.group("year"), m.group("month"), m.group("day"))
        if found:
            return found
    return None


def reference_date(text: str, meta) -> tuple[Optional[str], Optional[str], Optional[date]]:
    """(doc_date, doc_date_source, reference): `reference` dates relative deadlines and is set
    even where only the year is known (then doc_date is None)."""
    year_only: Optional[date] = None
    for source, given in (("user", getattr(meta, "doc_date", None)), ("metadata", getattr(meta, "metadata_date", None))):
        reference, precision = parse_given_date(given)
        if reference and precision != "year":
            return reference.isoformat(), source, reference
        year_only = year_only or reference
    # The year of writing reads the whole text: found only if a date without its year needs it
    # (most datelines give theirs: 2024年3月5日).
    written: list[Optional[int]] = []

    def written_year() -> Optional[int]:
        if not written:
            written.append(year_only.year if year_only else year_of_writing(text))
        return written[0]

    for source, finder in (("dateline", _dateline_date), ("text", _body_date_of)):
        found = finder(text, written_year)
        if found:
            return found.isoformat(), source, found
    if year_only:
        return None, None, year_only
    return None, None, date(written_year(), 1, 1) if written_year() else None


def document_date(norm, meta) -> tuple[Optional[str], Optional[str]]:
    """(ISO date, source) of the document: source is user | metadata | dateline | text, or (None, None)."""
    doc_date, source, _ = reference_date(norm.text, meta)
    return doc_date, source
