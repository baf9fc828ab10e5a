"""The layout of a text, found once per document: list items and the line that introduces
them, outline headings and their sections, and sentences that run on past their semicolons.

Intent, dates and regions all read it through the document context (extract.context.document).
"""
from __future__ import annotations

import bisect
from typing import Optional

import regex

from extract.context.segments import FULL_SENTENCE_MARKS, MarkPositions

# A line that is an item of a list: 1. / (一) / 一是 / ① / - ... (intent reads lists with it too)
LIST_ITEM = regex.compile(r"\s*(?:[(（]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）.、．]|[①-⑳]|[一二三四五六七八九十]是|[-•·*])")


class ListLeads:
    """The line that introduces, with a colon, the list a line belongs to ("今年主要目标是:" above
    "1.新签约项目30个;"): the line right before it, or for an item (1. / (一) / 一是 …) the line
    above its unbroken run of items. Memoised along the run, so a list of n items costs O(n)."""

    def __init__(self, text: str, marks: MarkPositions):
        self.text = text
        self.line_starts = [0] + [at + 1 for at in marks.of("\n")]
        self.memo: dict[int, Optional[tuple[int, int]]] = {}

    def _line_before(self, line_start: int) -> Optional[tuple[int, int]]:
        i = bisect.bisect_right(self.line_starts, line_start) - 2
        while i >= 0:
            start, end = self.line_starts[i], self.line_starts[i + 1] - 1
            if self.text[start:end].strip():
                return start, end
            i -= 1
        return None

    def lead(self, line_start: int) -> Optional[tuple[int, int]]:
        """(start, end) of the introducing line up to and including its colon, or None."""
        chain, found, at = [], None, line_start
        while at not in self.memo:
            chain.append(at)
            before = self._line_before(at)
            if before is None:
                break
            start, end = before
            line = self.text[start:end].rstrip()
            if line.endswith((":", "：")):
                found = (start, start + len(line))
                break
            if not (LIST_ITEM.match(self.text, at) and LIST_ITEM.match(self.text, start)):
                break
            at = start
        else:
            found = self.memo[at]
        for line in chain:
            self.memo[line] = found
        return found


# Outline numbering by depth: 一、 > (一) > 1. ; "1.5亿元" is no numbering (shared with regions).
OUTLINE_LEVELS = ((1, regex.compile(r"[一二三四五六七八九十]+[、.．]\s*")),
                  (2, regex.compile(r"[(（][一二三四五六七八九十]+[)）]\s*")),
                  (3, regex.compile(r"(?:\d+[、.．]|[(（]\d+[)）])(?!\d)\s*")))
# A post's section title in 【】 on a line of its own (【二季度目标】 over its ▶/✅ items) ranks as 一、
BRACKET_TITLE = regex.compile(r"【[^】]+】")
_OUTLINE_FIRST = frozenset("一二三四五六七八九十(（0123456789【")
_MAX_OUTLINE_HEADING = 50
_NOT_A_TITLE = regex.compile(r"[。！？!?,，;；:：]")   # a title has no clause marks: "1.新签约…,…;" is an item


class Outline:
    """The outline headings of a text, each a title on a line of its own ("二、2023年工作安排",
    "(一)招商引资", "【二季度目标】"; not "(一)大抓招商。全年…" nor "1.新签约…,…;", items that run on), and for a position
    the headings whose sections hold it, nearest first. A section runs to the next heading of the
    same or a higher rank."""

    def __init__(self, text: str, line_starts: list[int]):
        self.spans: list[tuple[int, int]] = []
        self.parents: list[int] = []
        stack: list[tuple[int, int]] = []          # (depth, index)
        for i, start in enumerate(line_starts):
            end = line_starts[i + 1] - 1 if i + 1 < len(line_starts) else len(text)
            first = start
            while first < end and text[first] in " \t\u3000":
                first += 1
            if first == end or text[first] not in _OUTLINE_FIRST:
                continue
            content = text[first:end].rstrip()
            if len(content) > _MAX_OUTLINE_HEADING or _NOT_A_TITLE.search(content):
                continue
            if BRACKET_TITLE.fullmatch(content):
                depth = 1
            else:
                depth = next((level for level, pattern in OUTLINE_LEVELS if pattern.match(content)), None)
            if depth is None:
                continue
            while stack and stack[-1][0] >= depth:
                stack.pop()
            self.parents.append(stack[-1][1] if stack else -1)
            stack.append((depth, len(self.spans)))
            self.spans.append((first, first + len(content)))
        self.starts = [s for s, _ in self.spans]

    def chain(self, at: int) -> list[tuple[int, int]]:
        """(start, end) of the headings whose sections hold `at`, the nearest first."""
        found, i = [], bisect.bisect_right(self.starts, at) - 1
        while i >= 0:
            found.append(self.spans[i])
            i = self.parents[i]
        return found


class Layout:
    """What every figure of a text looks up, found once: list lead-ins, outline sections and the
    starts of sentences that end only at 。！？ or a line break (not at a semicolon)."""

    def __init__(self, text: str, marks: MarkPositions):
        self.marks = marks   # the document's, shared with its segments and the intent step
        self.leads = ListLeads(text, self.marks)
        self.outline = Outline(text, self.leads.line_starts)
        self.full_starts = [0] + [at + 1 for at in self.marks.of(FULL_SENTENCE_MARKS)]
        self.length = len(text)

    def full_sentence_start(self, at: int) -> int:
        return self.full_starts[bisect.bisect_right(self.full_starts, at) - 1]

    def full_sentence_end(self, at: int) -> int:
        """End of the full sentence holding `at` (the start of the next one, or the text's end)."""
        k = bisect.bisect_right(self.full_starts, at)
        return self.full_starts[k] if k < len(self.full_starts) else self.length

    def line_start(self, at: int) -> int:
        starts = self.leads.line_starts
        return starts[bisect.bisect_right(starts, at) - 1]
