"""Context step: the document date of every figure, and the deadline of every target.

Which deadline phrase governs a figure, nearest scope first:
1. a phrase in the figure's clause, the nearest one (确保一季度新签约10亿元以上项目1个; 力争两个项目在
   3月底前正式投产);
2. a phrase elsewhere in its sentence, the nearest before it, else the nearest after it (海门今年将确保
   新签约…不少于30个,确保新开工…不少于30个 gives 今年 to both);
3. a phrase in the opening clause of its paragraph ("奋战四季度,邗江将…" governs the paragraph).
A phrase further away does not govern. Words that only look like a period (今年以来, 比2020年) set
nothing, and a period already over by the document date is not a target's deadline (上半年 in
an August report on the half year; 比2020年, a baseline).
Only targets (`is_target` True, set by the intent step that runs before this one) get a deadline;
a recurring goal (每年) is annual with no date.
"""
from __future__ import annotations

from datetime import date
from typing import Optional

from extract.context.deadlines import DeadlinePhrase, find_phrases, parse_deadline, resolve
from extract.context.docdate import document_date, reference_date

__all__ = ["assign_dates", "document_date", "parse_deadline", "governing_phrase"]


def _distance(phrase: DeadlinePhrase, start: int, end: int) -> int:
    return start - phrase.end if phrase.end <= start else max(0, phrase.start - end)


def governing_phrase(text: str, segments, phrases: list[DeadlinePhrase], mention) -> Optional[DeadlinePhrase]:
    """The deadline phrase (of `phrases`, in text order) that governs `mention`, or None."""
    start, end = mention.start, mention.end
    clause_start, clause_end = segments.clause(mention.number_start)
    in_clause = [p for p in phrases if clause_start <= p.start and p.end <= clause_end]
    if in_clause:
        return min(in_clause, key=lambda p: (_distance(p, start, end), p.start > start))
    sentence_start, sentence_end = segments.sentence(mention.number_start)
    before = [p for p in phrases if sentence_start <= p.start and p.end <= start]
    if before:
        return before[-1]
    after = [p for p in phrases if end <= p.start and p.end <= sentence_end]
    if after:
        return after[0]
    paragraph_start = text.rfind("\n", 0, mention.number_start) + 1
    opening_start, opening_end = segments.clause(paragraph_start)
    if opening_end <= sentence_start:
        opening = [p for p in phrases if opening_start <= p.start and p.end <= opening_end]
        if opening:
            return opening[-1]
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
    for mention, figure in zip(mentions, figures):
        figure.doc_date, figure.doc_date_source = doc_date, source
        figure.deadline, figure.deadline_text, figure.is_annual = None, None, False
        if figure.is_target is not True:
            continue
        phrase = governing_phrase(norm.text, segments, phrases, mention)
        if phrase is None:
            continue
        figure.deadline_text = norm.raw_text(phrase.start, phrase.end)
        if phrase.is_annual:
            figure.is_annual = True
        else:
            figure.deadline = resolve(phrase, reference).isoformat()
