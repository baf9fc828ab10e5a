"""Target or fact, and how firm: `is_target` and `strength` of every figure.

The nearest cue before a figure in its sentence decides (确保 … 不少于30个 is a hard target,
…已完成… a fact). A cue in a paragraph's first sentence also frames the paragraph's later
sentences that carry no cue of their own ("奋战四季度,邗江将…。…加快发放1.3亿元…"). No cue
at all means a report: a wrong "target" would promise what nobody promised.
Sentences here end only at 。！？ and line breaks: a semicolon list after "明确今年目标:" stays
under its 目标. The items of a list on lines of their own ("目标任务如下:" then "1.新签约…", "2.…")
take the cue of the line that introduces them with a colon, as their deadlines take its phrase.
A plan's horizon still ahead of the document (到2025年, “十四五”期间; rules/intent_horizons.tsv) is a
goal cue too, and a total (累计, 全年完成) is a report unless a goal cue in its own clause or a horizon
before it makes it a goal's total (力争全年完成…; 到2025年,全市累计引进…). Last, the outline heading
of a figure's section frames it ("二、2023年工作安排" above "(二)大抓项目建设。实施重点项目120个").
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Optional

import regex

from extract.context.deadlines import resolve
from extract.context.segments import start_after_last
from extract.mentions.grammar import alternation
from extract.rules import load_table, words

_SENTENCE_END = regex.compile(r"[。！？!?\n]")
_REPORT = {"intent": "fact", "strength": ""}
_CLAUSE_END = regex.compile(r"[,，;；:：]")
_SEMICOLON = regex.compile(r"[;；]")
_LINE_BREAK = regex.compile(r"\n")
_FLOORS = ("不低于", "不少于")
_AFTER_WINDOW = 24  # how far after a figure a report word (完成率, 同比) may stand
# The clause after a figure reaches to the next clause mark, past one parenthetical: 34个(完成率261.5%),
_AFTER_STOP = regex.compile(r"[。！？!?\n;；]|[,，](?![^(（]*[)）])")


@lru_cache(maxsize=1)
def _after_cues() -> regex.Pattern:
    return regex.compile(alternation(words("intent_after_cues")))


def _reported_after(text: str, end: int) -> bool:
    """A completion rate or a year-on-year change right after the figure: a report."""
    window_end = min(len(text), end + _AFTER_WINDOW)
    stop = _AFTER_STOP.search(text, end, window_end)
    return _after_cues().search(text, end, stop.start() if stop else window_end) is not None


@lru_cache(maxsize=1)
def _cues():
    rows = {row["word"]: row for row in load_table("intent_cues")}
    return rows, regex.compile(alternation(rows))


@lru_cache(maxsize=1)
def _horizon_rules() -> tuple[tuple[str, str, str, str], ...]:
    return tuple((row["due"], row["lead"], row["strength"], row["ahead"]) for row in load_table("intent_horizons"))


def _still_ahead(when, reference, ahead: str, lead: str) -> bool:
    """Whether a horizon due `when` is still ahead of the document (`ahead`: by date, or by year)."""
    if when is None:
        return False
    if reference is None:
        return lead != ""
    return when.year > reference.year if ahead == "year" else when >= reference


def _horizons(phrases, reference) -> list:
    """(start, end, row) of every deadline phrase that sets a horizon still ahead of `reference`.
    A text that names no year of its own (no reference) has only its 到2025年 as horizons: the words
    say so; a plan's name alone (“十三五”时期) may be past."""
    found = []
    for phrase in phrases:
        for due, lead, strength, ahead in _horizon_rules():
            if phrase.rule == due and phrase.text.startswith(lead):
                if _still_ahead(resolve(phrase, reference), reference, ahead, lead):
                    found.append((phrase.start, phrase.end, {"word": phrase.text, "intent": "target", "scope": "sentence",
                                                             "strength": strength, "paragraph": "no", "horizon": "yes"}))
                break
    return found


@lru_cache(maxsize=1)
def _disposal() -> regex.Pattern:
    """将 as 把 before a verb of grouping (将转型项目分为三类; rules/intent_disposal_verbs.tsv)."""
    return regex.compile(rf"将(?=[^,，。;；:：!！?？\n]{{0,12}}?(?:{alternation(words('intent_disposal_verbs'))}))")


class _TextCues:
    """Every cue, sentence start, clause mark and paragraph frame of one text, found once, so that
    each figure costs a few bisections however long the text (no rescan per figure)."""

    def __init__(self, text: str, reference, phrases, layout):
        rows, pattern = _cues()
        self.text = text
        disposal = {m.start() for m in _disposal().finditer(text)}
        self.cues = sorted([(m.start(), m.end(), rows[m.group()]) for m in pattern.finditer(text)
                            if not (m.group() == "将" and m.start() in disposal)]
                           + _horizons(phrases, reference), key=lambda c: (c[0], c[1]))
        self.clause_marks = [m.start() for m in _CLAUSE_END.finditer(text)]
        # A cue never holds a clause mark (words and deadline phrases have none): so a cue that starts
        # before the last mark ahead of a figure also ends before it, which is what lets `decisive`
        # bisect by start instead of testing every cue of a long sentence.
        self.cues = [c for c in self.cues if not self._holds_a_mark(c[0], c[1])]
        self.cue_starts = [c[0] for c in self.cues]
        by_scope = {"sentence": [], "heading": [], "part": [], "clause": []}
        self.targets, self.horizons_or_facts = [], []
        for i, (_, _, row) in enumerate(self.cues):
            if row["intent"] != "none":
                by_scope[row["scope"]].append(i)
            if row["intent"] == "target":
                self.targets.append(i)
            if row.get("horizon") or row["intent"] == "fact":
                self.horizons_or_facts.append(i)
        self.reach_sentence = by_scope["sentence"]
        self.reach_heading = sorted(by_scope["sentence"] + by_scope["heading"])
        self.reach_part, self.reach_clause = by_scope["part"], by_scope["clause"]
        self.sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        self.semicolons = [m.start() for m in _SEMICOLON.finditer(text)]
        self.paragraph_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self.frames: dict[int, object] = {}
        self.list_frames: dict[int, object] = {}
        self.section_frames: dict[tuple[int, int], object] = {}
        self.layout = layout

    def paragraph_start(self, at: int) -> int:
        return self.paragraph_starts[bisect.bisect_right(self.paragraph_starts, at) - 1]

    def sentence_start(self, at: int) -> int:
        return self.sentence_starts[bisect.bisect_right(self.sentence_starts, at) - 1]

    def _holds_a_mark(self, start: int, end: int) -> bool:
        return bisect.bisect_left(self.clause_marks, start) < bisect.bisect_left(self.clause_marks, end)

    def _last(self, kind: list[int], last: int, bound: int, end: Optional[int] = None) -> Optional[int]:
        """The last cue of `kind` (indices into `cues`) at index <= `last` that starts at or after
        `bound` and, if `end` is given, ends by it."""
        k = bisect.bisect_right(kind, last) - 1
        while k >= 0 and self.cues[kind[k]][0] >= bound:
            if end is None or self.cues[kind[k]][1] <= end:
                return kind[k]
            k -= 1   # a cue that runs past `end` (it overlaps the figure): the one before may not
        return None

    def decisive(self, start: int, end: int, heading: bool = False):
        """The last cue in [start, end) that reaches `end`: a clause cue only within its clause, a
        part cue (a projection) only up to a semicolon, a heading word only when [start, end) is an
        outline heading. A word that only contains a cue (重要, 计划总投资; intent none) hides that
        cue and decides nothing."""
        last = bisect.bisect_left(self.cue_starts, end) - 1
        found = [self._last(self.reach_heading if heading else self.reach_sentence, last, start, end),
                 self._last(self.reach_part, last, max(start, start_after_last(self.semicolons, end)), end),
                 self._last(self.reach_clause, last, max(start, start_after_last(self.clause_marks, end)), end)]
        i = max((j for j in found if j is not None), default=None)
        if i is None:
            return None
        cue_start, _, row = self.cues[i]
        if row["intent"] == "total":
            return self._total(i - 1, start, cue_start, row)
        return row

    def _total(self, last: int, start: int, total_start: int, total):
        """A total (累计, 全年完成) whose goal is said before it: a goal cue in its own clause, or a
        plan horizon anywhere before it in the sentence, unless a report word stands between; else
        the total is a report."""
        horizon_or_fact = self._last(self.horizons_or_facts, last, start)
        goal = self._last(self.targets, last, max(start, start_after_last(self.clause_marks, total_start)))
        i = max((j for j in (horizon_or_fact, goal) if j is not None), default=None)
        if i is None:
            return total
        row = self.cues[i][2]
        return row if i == goal or row.get("horizon") else total

    def paragraph_frame(self, paragraph_start: int):
        """A target cue in the paragraph's first sentence, framing the later ones."""
        if paragraph_start not in self.frames:
            k = bisect.bisect_right(self.sentence_starts, paragraph_start)
            first_end = self.sentence_starts[k] if k < len(self.sentence_starts) else len(self.text)
            i = bisect.bisect_left(self.cue_starts, paragraph_start)
            frame = None
            while i < len(self.cues) and self.cues[i][1] <= first_end:
                row = self.cues[i][2]
                if row["intent"] == "target" and row["paragraph"] == "yes":
                    frame = row
                    break
                i += 1
            self.frames[paragraph_start] = frame
        return self.frames[paragraph_start]

    def list_frame(self, line_start: int):
        """The cue of the line that introduces, with a colon, the list this line belongs to."""
        if line_start not in self.list_frames:
            lead = self.layout.leads.lead(line_start)
            self.list_frames[line_start] = None if lead is None else self.decisive(
                max(lead[0], self.sentence_start(lead[1] - 1)), lead[1])
        return self.list_frames[line_start]


    def section_frame(self, at: int):
        """The cue of the nearest outline heading above `at` that has one (二、2023年工作安排 frames
        its items; 一、2022年工作回顾 makes its figures reports)."""
        for span in self.layout.outline.chain(at):
            if span not in self.section_frames:
                self.section_frames[span] = self.decisive(span[0], span[1], heading=True)
            if self.section_frames[span] is not None:
                return self.section_frames[span]
        return None


def assign_intent(doc, mentions, figures) -> None:
    text = doc.text
    cues = _TextCues(text, doc.reference, doc.deadline_phrases, doc.layout)
    for mention, figure in zip(mentions, figures):
        sentence_start = cues.sentence_start(mention.number_start)
        cue = cues.decisive(sentence_start, mention.number_start)
        if _reported_after(text, mention.end):
            cue = _REPORT
        elif cue is None:
            paragraph_start = cues.paragraph_start(mention.number_start)
            if paragraph_start != sentence_start:
                cue = cues.paragraph_frame(paragraph_start)
            if cue is None:
                cue = cues.list_frame(paragraph_start)
            if cue is None:
                cue = cues.section_frame(mention.number_start)
        figure.is_target = cue is not None and cue["intent"] == "target"
        figure.strength = (cue["strength"] or "soft") if figure.is_target else None
        if figure.is_target and text[max(0, mention.number_start - 3) : mention.number_start] in _FLOORS:
            figure.strength = "hard"  # 不低于/不少于 in a goal is a floor the writer commits to
