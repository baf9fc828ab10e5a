"""Sentences and clauses of normalised text, the units every context rule reads.

A sentence ends at 。！？; or a line break; a clause also ends at a comma. Context is decided
per clause first (确保 governs the clause it opens), then per sentence.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Optional

import regex

# The units every context step reads, defined once here. Each is a plain class of characters, which
# the standard library's engine scans about three times as fast as `regex` (the same matches), and
# whose positions in a whole text str.find finds faster still (char_positions).
# A full sentence ends at 。！？ or a line break: a goal stated before a semicolon list ("明确今年目标:
# …;…;…") still frames the whole list (intent reads cues per full sentence; layout finds lead-ins).
FULL_SENTENCE_MARKS = "。！？!?\n"
FULL_SENTENCE_END = re.compile(f"[{FULL_SENTENCE_MARKS}]")
# A sentence (the deadline step's unit) also ends at a semicolon: the parts of a list each have theirs.
SENTENCE_MARKS = "。！？!?；;"
SENTENCE_END = re.compile(rf"[{SENTENCE_MARKS}\n]+")
# A clause (of a sentence) also ends at a comma, an enumeration comma 、 or a colon.
CLAUSE_END_MARKS = "。！？!?；;\n,，、:："
CLAUSE_END_CHAR = f"[{CLAUSE_END_MARKS}]"
CLAUSE_END = re.compile(CLAUSE_END_CHAR + "+")
# The marks inside a sentence that close a goal cue's clause (确保…,… reaches past them; 年度计划投资
# does not): commas, semicolons and colons, not 、 which joins the items of one clause.
CLAUSE_MARKS = ",，;；:："
SEMICOLONS = ";；"
# A parenthetical aside ((任务数18家), （含）): one level, within a line.
PARENTHETICAL = re.compile(r"[(（][^()（）\n]*[)）]")
OPENING_BRACKETS = "(（"


class MarkPositions:
    """Where the marks of one text stand, each character's found once (str.find) and shared by the
    segments, the layout and the intent step, which read overlapping sets of marks."""

    def __init__(self, text: str):
        self.text = text
        self._by_char: dict[str, list[int]] = {}

    def of(self, chars: str) -> list[int]:
        """Sorted offsets of every occurrence of any of `chars` (a new list)."""
        for char in chars:
            if char not in self._by_char:
                self._by_char[char] = char_positions(self.text, char)
        found = list(chain.from_iterable(self._by_char[char] for char in chars))
        found.sort()   # sorted runs, merged natively
        return found


@dataclass(frozen=True)
class Segments:
    """Start offsets of sentences and clauses, for O(log n) look-up of the one holding a position."""
    text: str
    sentence_starts: tuple[int, ...]
    clause_starts: tuple[int, ...]
    marks: MarkPositions = field(compare=False, repr=False)

    @staticmethod
    def of(text: str) -> "Segments":
        marks = MarkPositions(text)
        return Segments(text, _starts(text, marks.of(SENTENCE_MARKS + "\n")), _starts(text, marks.of(CLAUSE_END_MARKS)),
                        marks)

    def sentence(self, at: int) -> tuple[int, int]:
        return _span(self.sentence_starts, at, len(self.text), self.text)

    def clause(self, at: int) -> tuple[int, int]:
        return _span(self.clause_starts, at, len(self.text), self.text)


@lru_cache(maxsize=1)
def _breakdown_leads() -> tuple[regex.Pattern, int]:
    """The words that open a breakdown of what was said before (其中), after any spaces; and the
    longest word's length."""
    from extract.rules import alternation
    from extract.rules import words

    leads = words("intent_breakdown_leads")
    return regex.compile(rf"\s*(?:{alternation(leads)})"), max(map(len, leads))


_SPACES = regex.compile(r"\s*")


def breakdown_lead(text: str, start: int) -> Optional[regex.Match]:
    """The breakdown word (其中) opening `text` at `start` after any spaces, or None.

    The match is read no further than a word past the spaces: the regex module looks for a
    pattern's required literal (其中) up to the end of the text it may read before it tries a
    match, so a match allowed to read to the end costs the rest of the text at every call."""
    pattern, longest = _breakdown_leads()
    return pattern.match(text, start, min(len(text), _SPACES.match(text, start).end() + longest))


def opens_breakdown(text: str, sentence_start: int) -> bool:
    """Whether the sentence at `sentence_start` breaks down the one before (其中在建项目1199个…;
    rules/intent_breakdown_leads.tsv): its figures belong to that sentence's plan and period."""
    return breakdown_lead(text, sentence_start) is not None


def start_after_last(marks: list[int], at: int) -> int:
    """Start of the stretch before `at` that holds none of `marks` (sorted positions of single
    characters: clause marks, semicolons): one past the last of them before `at`, or 0."""
    k = bisect.bisect_left(marks, at)
    return marks[k - 1] + 1 if k else 0


def char_positions(text: str, chars: str) -> list[int]:
    """Sorted offsets of every occurrence of the characters `chars` in `text` (semicolons, line
    breaks): str.find, which skips through a text many times faster than a regex scan, found once
    per occurrence (linear however many there are)."""
    found = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    if len(chars) > 1:
        found.sort()
    return found


def parentheticals(text: str) -> list[tuple[int, int]]:
    """(start, end) of every PARENTHETICAL, as its finditer finds them: tried only at the opening
    brackets, each of which starts at most one (an aside holds no bracket but its closing one)."""
    found = []
    for at in char_positions(text, OPENING_BRACKETS):
        m = PARENTHETICAL.match(text, at)
        if m is not None:
            found.append((at, m.end()))
    return found


def _starts(text: str, found: list[int]) -> tuple[int, ...]:
    """0 and one past each run of marks (where `[marks]+` matches end), from the marks' positions."""
    starts = [0]
    starts.extend([at + 1 for at, following in zip(found, found[1:]) if following != at + 1])
    if found:
        starts.append(found[-1] + 1)
    if starts[-1] == len(text) and len(starts) > 1:
        starts.pop()   # a mark at the very end starts nothing
    return tuple(starts)


def _span(starts: tuple[int, ...], at: int, length: int, text: str) -> tuple[int, int]:
    i = bisect.bisect_right(starts, at) - 1
    start = starts[i]
    end = starts[i + 1] if i + 1 < len(starts) else length
    while end > start and text[end - 1] in "\n ":
        end -= 1
    return start, end
