"""Sentences and clauses of normalised text, the units every context rule reads.

A sentence ends at 。！？; or a line break; a clause also ends at a comma. Context is decided
per clause first (确保 governs the clause it opens), then per sentence.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

import regex

_SENTENCE_END = regex.compile(r"[。！？!?；;\n]+")
_CLAUSE_END = regex.compile(r"[。！？!?；;\n,，、:：]+")


@dataclass(frozen=True)
class Segments:
    """Start offsets of sentences and clauses, for O(log n) look-up of the one holding a position."""
    text: str
    sentence_starts: tuple[int, ...]
    clause_starts: tuple[int, ...]

    @staticmethod
    def of(text: str) -> "Segments":
        return Segments(text, _starts(text, _SENTENCE_END), _starts(text, _CLAUSE_END))

    @cached_property
    def deadline_phrases(self) -> tuple:
        """The deadline phrases of the text, found once for the steps that read them (intent reads
        plan horizons, dates reads deadlines) and kept with this document's reading only."""
        from extract.context.deadlines import find_phrases

        return tuple(find_phrases(self.text))

    def sentence(self, at: int) -> tuple[int, int]:
        return _span(self.sentence_starts, at, len(self.text), self.text)

    def clause(self, at: int) -> tuple[int, int]:
        return _span(self.clause_starts, at, len(self.text), self.text)


def start_after_last(marks: list[int], at: int) -> int:
    """Start of the stretch before `at` that holds none of `marks` (sorted positions of single
    characters: clause marks, semicolons): one past the last of them before `at`, or 0."""
    k = bisect.bisect_left(marks, at)
    return marks[k - 1] + 1 if k else 0


def _starts(text: str, ends: regex.Pattern) -> tuple[int, ...]:
    starts = [0, *(m.end() for m in ends.finditer(text))]
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
