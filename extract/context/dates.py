"""Context step: the document date of every figure, and the deadline of every target.

Which deadline phrase governs a figure, nearest scope first:
1. a phrase in the figure's clause, the nearest one (确保一季度新签约10亿元以上项目1个; 力争两个项目在
   3月底前正式投产);
2. a phrase elsewhere in its sentence, the nearest before it, else the nearest after it (海门今年将确保
   新签约…不少于30个,确保新开工…不少于30个 gives 今年 to both);
   a sentence here ends at a semicolon too, but a phrase in a clause of its own (one without a figure)
   before the semicolons still leads every part of the sentence ("2024年…主要目标是:全年新签约…;新落地
   项目投资额1200亿元;…" and "到2025年,…;新引进…150个" give the later parts that year);
3. for a sentence that breaks down the one before (其中…), the last phrase of that sentence;
4. a phrase in the opening clause of its paragraph ("奋战四季度,邗江将…" governs the paragraph), else
   a year said on its own in the paragraph's first sentence, outside a figure's clause ("今年是…的重要
   一年,省政府将推行…。在确定的重大建设项目中,省列重大建设项目120个");
5. for an item of a list, a phrase in the line that introduces the list ("今年主要目标是:");
6. a phrase in the outline heading of its section, the nearest heading that has one ("二、2023年工作安排").
A phrase further away does not govern; nor does a phrase after the figure that stands in the
clause of another figure (新签约项目30个,其中一季度10个: 一季度 is the 10's). Words that only look
like a period (今年以来, 比2020年) set nothing, and a period already over by the document date is
not a target's deadline (上半年 in an August report on the half year).
Only targets (`is_target` True, set by the intent step that runs before this one) get a deadline;
a recurring goal (每年) is annual with no date, and a projection after an event (建成后, 达产后) governed
by that phrase has none.
"""
from __future__ import annotations

import bisect
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Iterator, Optional

import regex

from extract.context.deadlines import DeadlinePhrase, parse_deadline, resolve
from extract.context.docdate import document_date
from extract.context.segments import CLAUSE_END, opens_breakdown
from extract.rules import alternation, words

__all__ = ["assign_dates", "document_date", "parse_deadline", "governing_phrase"]


def _distance(phrase: DeadlinePhrase, start: int, end: int) -> int:
    return start - phrase.end if phrase.end <= start else max(0, phrase.start - end)


def _forward(phrases: list[DeadlinePhrase], start: int, end: int) -> Iterator[DeadlinePhrase]:
    """The phrases inside [start, end), first to last, found lazily: a caller that wants the first
    one stops there, so a sentence that runs through the whole text costs no pass over its phrases."""
    for i in range(bisect.bisect_left(phrases, start, key=_start_of), len(phrases)):
        phrase = phrases[i]
        if phrase.start >= end:
            return
        if phrase.end <= end:
            yield phrase


def _backward(phrases: list[DeadlinePhrase], start: int, end: int, before: Optional[int] = None) -> Iterator[DeadlinePhrase]:
    """The phrases inside [start, end) that begin before `before` (default `end`), last to first, lazily."""
    for i in range(bisect.bisect_left(phrases, end if before is None else before, key=_start_of) - 1, -1, -1):
        phrase = phrases[i]
        if phrase.start < start:
            return
        if phrase.end <= end:
            yield phrase


def _start_of(phrase: DeadlinePhrase) -> int:
    return phrase.start


def _last(phrases: list[DeadlinePhrase], start: int, end: int) -> Optional[DeadlinePhrase]:
    return next(_backward(phrases, start, end), None)


_PART_OF_YEAR = frozenset({"quarter_end", "month_end", "day", "this_quarter_end", "this_month_end"})
# A speaker's label or a short lead ending in a colon (刘振国：, 主持人：) before a paragraph's opening
_MAX_LABEL = 12


@lru_cache(maxsize=1)
def _rates() -> regex.Pattern:
    """The marks of a rate (%, 百分之; rules/date_rate_words.tsv). None holds a clause mark: a rate is
    looked for clause by clause (_RateClauses)."""
    rates = words("date_rate_words")
    if any(CLAUSE_END.search(word) for word in rates):
        raise ValueError("date_rate_words.tsv: a rate word holds a clause mark")
    return regex.compile(alternation(rates))


class _RateClauses:
    """Start offsets of the clauses that state a rate of their own (开工率达到60%) and hold no figure,
    as a set that looks up only the clauses asked about, each searched once (a rate word holds no
    clause mark, so a search of its clause finds what a search of the whole text finds there)."""

    def __init__(self, segments, figure_clauses: frozenset):
        self.segments, self.figure_clauses = segments, figure_clauses
        self.known: dict[int, bool] = {}

    def __contains__(self, clause_start: int) -> bool:
        if clause_start not in self.known:
            starts = self.segments.clause_starts
            k = bisect.bisect_right(starts, clause_start)
            end = starts[k] if k < len(starts) else len(self.segments.text)
            self.known[clause_start] = (clause_start not in self.figure_clauses
                                        and _rates().search(self.segments.text, clause_start, end) is not None)
        return self.known[clause_start]


def governing_phrase(doc, phrases: list[DeadlinePhrase], mention, figure_clauses: frozenset = frozenset(),
                     rate_clauses=frozenset()) -> Optional[DeadlinePhrase]:
    """The deadline phrase (of `phrases`, in text order) that governs `mention`, or None.

    `figure_clauses` are the start offsets of the clauses that hold a figure: a phrase after the
    figure in such a clause belongs to that clause's own figure (新签约项目30个,其中一季度10个).
    `rate_clauses` hold a rate and no figure: a part of the year there is that rate's (今年要确保上半年
    开工率达到60%,到位资金不低于1200亿元: the 1200亿元 is due with 今年, not with 上半年).
    """
    text, segments, layout = doc.text, doc.segments, doc.layout
    start, end = mention.start, mention.end
    clause_start, clause_end = segments.clause(mention.number_start)
    # The nearest phrase of the figure's clause: the last one starting before the figure or the
    # first one starting at or after it (phrases do not overlap, so no other can be nearer).
    nearest = [p for p in (next(_backward(phrases, clause_start, clause_end, before=start), None),
                           next(_forward(phrases, start, clause_end), None)) if p is not None]
    if nearest:
        return min(nearest, key=lambda p: (_distance(p, start, end), p.start > start))
    sentence_start, sentence_end = segments.sentence(mention.number_start)
    earlier = _backward(phrases, sentence_start, start)
    last = next(earlier, None)
    if last is not None:
        if last.rule in _PART_OF_YEAR and segments.clause(last.start)[0] in rate_clauses:
            year = next((p for p in earlier if p.rule == "year_end"), None)
            if year is not None:
                return year
        return last
    after = next((p for p in _forward(phrases, end, sentence_end)
                  if segments.clause(p.start)[0] not in figure_clauses), None)
    if after is not None:
        return after
    full_start = layout.full_sentence_start(mention.number_start)
    if full_start < sentence_start:
        leading = next((p for p in _backward(phrases, full_start, sentence_start)
                        if segments.clause(p.start)[0] not in figure_clauses), None)
        if leading is not None:
            return leading
    line_start = layout.line_start(mention.number_start)
    if full_start > line_start and opens_breakdown(text, full_start):
        leading = _last(phrases, layout.full_sentence_start(full_start - 1), full_start)
        if leading is not None:
            return leading   # …拟列2019年省重点项目1564个…。其中在建项目1199个: the plan's year
    opening_start, opening_end = segments.clause(line_start)
    if (text[opening_end - 1:opening_end] in (":", "：") and opening_end - opening_start <= _MAX_LABEL
            and _last(phrases, opening_start, opening_end) is None):
        opening_start, opening_end = segments.clause(opening_end)   # 刘振国：下半年,我们将…
    opening = _last(phrases, opening_start, opening_end) if opening_end <= sentence_start else None
    if opening is not None:
        return opening
    first_end = layout.full_sentence_end(line_start)
    if first_end <= sentence_start:
        first = next((p for p in _backward(phrases, line_start, first_end)
                      if p.is_whole_year and segments.clause(p.start)[0] not in figure_clauses), None)
        if first is not None:
            return first   # 今年是…的重要一年,省政府将推行…。在确定的重大建设项目中,…120个
    return (_lead_in_phrase(segments, phrases, layout.leads.lead(line_start))
            or _heading_phrase(phrases, layout.outline.chain(mention.number_start)))


def _heading_phrase(phrases: list[DeadlinePhrase], headings: list[tuple[int, int]]) -> Optional[DeadlinePhrase]:
    """The last phrase of the nearest outline heading above that has one ("二、2023年工作安排")."""
    for start, end in headings:
        found = _last(phrases, start, end)
        if found is not None:
            return found
    return None


def _lead_in_phrase(segments, phrases: list[DeadlinePhrase], lead: Optional[tuple[int, int]]) -> Optional[DeadlinePhrase]:
    """For a list item, the phrase in the last sentence of the line that introduces the list with a
    colon ("今年的主要目标是:" above "1.新签约项目30个;")."""
    if lead is None:
        return None
    start, end = lead
    return _last(phrases, max(start, segments.sentence(end - 1)[0]), end)


_IN_A_YEAR = frozenset({"year_end", "month_end", "quarter_end", "day"})
_SPACES = regex.compile(r"\s*")


def _with_their_years(phrases: list[DeadlinePhrase], segments) -> list[DeadlinePhrase]:
    """A phrase that names no year (年度, 一季度, 3月底前) takes the year that opens a clause before it in
    its sentence: 明年全市计划…,年度计划投资2500亿元,力争一季度… is next year's, not the document's
    (a year inside a clause, 预计2026年建成, frames nothing). One pass over the phrases in text order."""
    out, anchor, sentence = [], None, -1
    for p in phrases:
        at = segments.sentence(p.start)[0]
        if at != sentence:
            anchor, sentence = None, at
        if p.names_its_year:
            opens = _SPACES.match(segments.text, segments.clause(p.start)[0]).end() >= p.start
            anchor = p if opens and p.is_whole_year else None   # the year of the parts of a year after it
        elif anchor is not None and p.rule in _IN_A_YEAR:
            year = tuple((k, v) for k, v in anchor.groups if k in ("year", "rel"))
            p = replace(p, groups=p.groups + year)
        out.append(p)
    return out


def _target_phrases(phrases: list[DeadlinePhrase], reference: Optional[date]) -> list[DeadlinePhrase]:
    """The phrases that can set a target's deadline: annual ones, and those due after the reference
    (on it, for a period that ends that day)."""
    usable = []
    for p in phrases:
        if p.sets_no_deadline:
            continue
        if not p.is_annual and not p.is_event:
            due = resolve(p, reference)
            if due is None or (reference is not None and due < reference):
                continue
            if p.rule == "day" and due == reference:
                continue   # the day the text is written (福州1月28日消息) is no day anything is due
        usable.append(p)
    return usable


def assign_dates(doc, mentions, figures) -> None:
    """Fill doc_date, doc_date_source, deadline, deadline_text and is_annual of `figures` in place."""
    norm, segments, reference = doc.norm, doc.segments, doc.reference
    phrases = _target_phrases(_with_their_years(list(doc.deadline_phrases(mentions)), segments), reference)
    figure_clauses = frozenset(segments.clause(m.number_start)[0] for m in mentions)
    rate_clauses = _RateClauses(segments, figure_clauses)
    for mention, figure in zip(mentions, figures):
        figure.doc_date, figure.doc_date_source = doc.doc_date, doc.doc_date_source
        figure.deadline, figure.deadline_text, figure.is_annual = None, None, False
        if figure.is_target is not True:
            continue
        phrase = governing_phrase(doc, phrases, mention, figure_clauses, rate_clauses)
        if phrase is None:
            continue
        if phrase.is_event:
            continue   # 建成后可实现…: a projection once built, due on no date
        figure.deadline_text = norm.raw_text(phrase.start, phrase.end)
        if phrase.is_annual:
            figure.is_annual = True
        else:
            figure.deadline = resolve(phrase, reference).isoformat()
