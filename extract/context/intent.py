"""Target or fact, and how firm: `is_target` and `strength` of every figure.

The nearest cue before a figure in its sentence decides (确保 … 不少于30个 is a hard target,
…已完成… a fact). A cue in a paragraph's first sentence also frames the paragraph's later
sentences that carry no cue of their own ("奋战四季度,邗江将…。…加快发放1.3亿元…"). No cue
at all means a report: a wrong "target" would promise what nobody promised.
Sentences here end only at 。！？ and line breaks: a semicolon list after "明确今年目标:" stays
under its 目标.
"""
from __future__ import annotations

import bisect
from functools import lru_cache

import regex

from extract.mentions.grammar import alternation
from extract.rules import load_table, words

_SENTENCE_END = regex.compile(r"[。！？!?\n]")
_REPORT = {"intent": "fact", "strength": ""}
_CLAUSE_END = regex.compile(r"[,，;；:：]")
_FLOORS = ("不低于", "不少于")
# The clause after a figure reaches to the next clause mark, past one parenthetical: 34个(完成率261.5%),
_AFTER_STOP = regex.compile(r"[。！？!?\n;；]|[,，](?![^(（]*[)）])")


@lru_cache(maxsize=1)
def _after_cues() -> regex.Pattern:
    return regex.compile(alternation(words("intent_after_cues")))


def _reported_after(text: str, end: int) -> bool:
    """A completion rate or a year-on-year change right after the figure: a report."""
    stop = _AFTER_STOP.search(text, end)
    return _after_cues().search(text, end, stop.start() if stop else len(text)) is not None


@lru_cache(maxsize=1)
def _cues():
    rows = {row["word"]: row for row in load_table("intent_cues")}
    return rows, regex.compile(alternation(rows))


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _decisive_cue(text: str, start: int, end: int):
    """The last cue in text[start:end] that reaches `end`: a clause cue only within its clause."""
    rows, pattern = _cues()
    decisive = None
    for m in pattern.finditer(text, start, end):
        row = rows[m.group()]
        if row["scope"] == "clause" and _CLAUSE_END.search(text, m.end(), end):
            continue
        decisive = row
    return decisive if decisive is None or decisive["intent"] != "none" else None


def _paragraph_frame(text: str, paragraph_start: int, sentence_start: int):
    """A target cue in the paragraph's first sentence, framing the later ones."""
    if sentence_start == paragraph_start:
        return None
    first_end = _SENTENCE_END.search(text, paragraph_start)
    first_end = first_end.end() if first_end else len(text)
    rows, pattern = _cues()
    for m in pattern.finditer(text, paragraph_start, first_end):
        row = rows[m.group()]
        if row["intent"] == "target" and row["paragraph"] == "yes":
            return row
    return None


def assign_intent(norm, segments, mentions, figures, meta) -> None:
    text = norm.text
    starts = _sentence_starts(text)
    for mention, figure in zip(mentions, figures):
        i = bisect.bisect_right(starts, mention.number_start) - 1
        sentence_start = starts[i]
        cue = _decisive_cue(text, sentence_start, mention.number_start)
        if _reported_after(text, mention.end):
            cue = _REPORT
        elif cue is None:
            paragraph_start = text.rfind("\n", 0, mention.number_start) + 1
            cue = _paragraph_frame(text, paragraph_start, sentence_start)
        figure.is_target = cue is not None and cue["intent"] == "target"
        figure.strength = (cue["strength"] or "soft") if figure.is_target else None
        if figure.is_target and text[max(0, mention.number_start - 3) : mention.number_start] in _FLOORS:
            figure.strength = "hard"  # 不低于/不少于 in a goal is a floor the writer commits to
