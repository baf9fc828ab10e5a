"""Context step: the document date of every figure, and the deadline of every target.

Which deadline phrase governs a figure, nearest scope first:
1. a phrase in the figure's clause, the nearest one (确保一季度新签约10亿元以上项目1个; 力争两个项目在
   3月底前正式投产);
2. a phrase elsewhere in its sentence, the nearest before it, else the nearest after it (海门今年将确保
   新签约…不少于30个,确保新开工…不少于30个 gives 今年 to both);
3. a phrase in the opening clause of its paragraph ("奋战四季度,邗江将…" governs the paragraph);
4. for an item of a list, a phrase in the line that introduces the list ("今年主要目标是:").
A phrase further away does not govern; nor does a phrase after the figure that stands in the
clause of another figure (新签约项目30个,其中一季度10个: 一季度 is the 10's). Words that only look
like a period (今年以来, 比2020年) set nothing, and a period already over by the document date is
not a target's deadline (上半年 in an August report on the half year).
Only targets (`is_target` True, set by the intent step that runs before this one) get a deadline;
a recurring goal (每年) is annual with no date.
"""
from __future__ import annotations

import bisect

from datetime import date
from typing import Optional

import regex

from extract.context.deadlines import DeadlinePhrase, find_phrases, parse_deadline, resolve
from extract.context.docdate import document_date, reference_date

__all__ = ["assign_dates", "document_date", "parse_deadline", "governing_phrase"]


# A line that is an item of a list: 1. / (一) / 一是 / ① / - ...
_LIST_ITEM = regex.compile(r"\s*(?:[(（]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）.、．]|[①-⑳]|[一二三四五六七八九十]是|[-•·*])")


def _distance(phrase: DeadlinePhrase, start: int, end: int) -> int:
    return start - phrase.end if phrase.end <= start else max(0, phrase.start - end)


def _within(phrases: list[DeadlinePhrase], start: int, end: int) -> list[DeadlinePhrase]:
    """The phrases inside [start, end); `phrases` are in text order, so bisect to the first one."""
    first = bisect.bisect_left(phrases, start, key=lambda p: p.start)
    inside = []
    for phrase in phrases[first:]:
        if phrase.start >= end:
            break
        if phrase.end <= end:
            inside.append(phrase)
    return inside


def _lines_before(text: str, pos: int):
    """(start, end) of the non-empty lines before the line holding `pos`, nearest first."""
    end = text.rfind("\n", 0, pos)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            yield start, end
        end = start - 1


def governing_phrase(text: str, segments, phrases: list[DeadlinePhrase], mention,
                     figure_clauses: frozenset = frozenset()) -> Optional[DeadlinePhrase]:
    """The deadline phrase (of `phrases`, in text order) that governs `mention`, or None.

    `figure_clauses` are the start offsets of the clauses that hold a figure: a phrase after the
    figure in such a clause belongs to that clause's own figure (新签约项目30个,其中一季度10个).
    """
    start, end = mention.start, mention.end
    clause_start, clause_end = segments.clause(mention.number_start)
    in_clause = _within(phrases, clause_start, clause_end)
    if in_clause:
        return min(in_clause, key=lambda p: (_distance(p, start, end), p.start > start))
    sentence_start, sentence_end = segments.sentence(mention.number_start)
    before = _within(phrases, sentence_start, start)
    if before:
        return before[-1]
    after = [p for p in _within(phrases, end, sentence_end) if segments.clause(p.start)[0] not in figure_clauses]
    if after:
        return after[0]
    line_start = text.rfind("\n", 0, mention.number_start) + 1
    opening_start, opening_end = segments.clause(line_start)
    if opening_end <= sentence_start and _within(phrases, opening_start, opening_end):
        return _within(phrases, opening_start, opening_end)[-1]
    return _lead_in_phrase(text, segments, phrases, line_start)


def _lead_in_phrase(text: str, segments, phrases: list[DeadlinePhrase], line_start: int) -> Optional[DeadlinePhrase]:
    """For a list item, the phrase in the last sentence of the line that introduces the list with a
    colon ("今年的主要目标是:" above "1.新签约项目30个;")."""
    is_item = _LIST_ITEM.match(text, line_start) is not None
    for start, end in _lines_before(text, line_start):
        line = text[start:end].rstrip()
        if line.endswith((":", "：")):
            lead_start = segments.sentence(start + len(line) - 1)[0]
            found = _within(phrases, max(start, lead_start), end)
            return found[-1] if found else None
        if not (is_item and _LIST_ITEM.match(text, start)):
            return None
    return None


def _target_phrases(phrases: list[DeadlinePhrase], reference: Optional[date]) -> list[DeadlinePhrase]:
    """The phrases that can set a target's deadline: annual ones, and those due on or after the reference."""
    usable = []
    for p in phrases:
        if p.sets_no_deadline:
            continue
        if not p.is_annual:
            due = resolve(p, reference)
            if due is None or (reference is not None and due < reference):
                continue
        usable.append(p)
    return usable


def assign_dates(norm, segments, mentions, figures, meta) -> None:
    """Fill doc_date, doc_date_source, deadline, deadline_text and is_annual of `figures` in place."""
    doc_date, source, reference = reference_date(norm.text, meta)
    phrases = _target_phrases(find_phrases(norm.text), reference)
    figure_clauses = frozenset(segments.clause(m.number_start)[0] for m in mentions)
    for mention, figure in zip(mentions, figures):
        figure.doc_date, figure.doc_date_source = doc_date, source
        figure.deadline, figure.deadline_text, figure.is_annual = None, None, False
        if figure.is_target is not True:
            continue
        phrase = governing_phrase(norm.text, segments, phrases, mention, figure_clauses)
        if phrase is None:
            continue
        figure.deadline_text = norm.raw_text(phrase.start, phrase.end)
        if phrase.is_annual:
            figure.is_annual = True
        else:
            figure.deadline = resolve(phrase, reference).isoformat()
