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

What the conventions call facts though a goal word stands near (tests/data/realdev/GOLD_CONVENTIONS.md):
a goal met (完成了市下任务; its own amount, 完成全年目标任务8亿元的124%, stays the goal), a cue inside
a parenthetical past its bracket ((任务数18家)), the size of counted or described projects (…项目41个,
总投资2006亿元), the event a report is about (本次, 本届), and the sentences of a paragraph after one
that opens as a report (今年以来,…). And what they call goals with no goal word: the count of a year's
plan (今年确定/安排/实施…N个; 2016年重点开竣工项目38项) and the breakdown after it (其中…), and the
year's investment (年度投资) of a 集中开工 report.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from operator import itemgetter
from typing import Optional

from extract.context.deadlines import resolve
from extract.context.intent_words import (ATTRIBUTIVE, CLAUSE_END_MARK, FLOOR_QUALIFIERS,
                                          LIST_REACH, LIST_SPAN, LIST_YEARS, MET_GOAL, PLAN, REPORT, SHARE_OF_IT,
                                          SIZE_GAP, YEAR_WORD, acts, completions, cue_table, cue_words_hold_marks,
                                          disposal_pattern, enclosing_end, horizons, last_goal_word,
                                          link_patterns, not_sizes, plan_verbs, reported_after, size_characters, sizes,
                                          year_lists)
from extract.context.segments import (CLAUSE_MARKS, SEMICOLONS, breakdown_lead, opens_breakdown,
                                       parentheticals, start_after_last)
from extract.rules import words

class _TextCues:
    """Every cue, sentence start, clause mark and paragraph frame of one text, found once, so that
    each figure costs a few bisections however long the text (no rescan per figure)."""

    def __init__(self, text: str, reference, phrases, layout, mentions):
        _, cue_rows, automaton = cue_table()
        self.text = text
        project_counts = sorted((m.number_start, m.end) for m in mentions if m.kind == "count" and m.counted == "项目")
        self.sentence_starts = layout.full_starts
        self.semicolons = layout.marks.of(SEMICOLONS)
        disposal = {m.start() for m in disposal_pattern().finditer(text)}
        self.clause_marks = layout.marks.of(CLAUSE_MARKS)
        self.met_goals: dict[int, dict] = {}   # where a met goal's words end -> the goal cue they hold
        words_found = [(start, end, cue_rows[i]) for i, start, end in automaton.find_matches_as_indexes(text)]
        if disposal:
            words_found = [c for c in words_found if not (c[0] in disposal and c[2]["word"] == "将")]
        others = horizons(phrases, reference) + self._plans(words_found, phrases, reference)
        words_found = self._met_goals(words_found)
        # A cue never holds a clause mark (words and deadline phrases have none): so a cue that starts
        # before the last mark ahead of a figure also ends before it, which is what lets `decisive`
        # bisect by start instead of testing every cue of a long sentence. The table's words are
        # checked once (cue_words_hold_marks), the phrases and plan verbs here.
        if cue_words_hold_marks():
            words_found = [c for c in words_found if not self._holds_a_mark(c[0], c[1])]
        self.cues = sorted(words_found + [c for c in others if not self._holds_a_mark(c[0], c[1])], key=itemgetter(0, 1))
        self.project_counts = project_counts
        self.list_years = [(p.start, p.end) for p in phrases if p.is_whole_year
                           and (p.group("rel") is None or p.group("rel") in LIST_YEARS)]
        self.size_ends = frozenset(self._size_ends(project_counts, [m.start for m in mentions if m.kind == "money"]))
        self.cue_starts = [c[0] for c in self.cues]
        # A cue inside a parenthetical ((任务数18家)) speaks only of it: past its bracket it reaches nothing.
        self.asides = parentheticals(text)
        by_scope = {"sentence": [], "heading": [], "part": [], "clause": []}
        self.targets, self.horizons_or_facts = [], []
        for i, (_, _, row) in enumerate(self.cues):
            if row["intent"] != "none":
                by_scope[row["scope"]].append(i)
            if row["intent"] == "target":
                self.targets.append(i)
            if row.get("horizon") or row["intent"] == "fact":
                self.horizons_or_facts.append(i)
        # Report words that open their sentence (今年以来,江西省…举办…), in its first clause
        self.report_starts = [c[0] for c in (self.cues[i] for i in self.horizons_or_facts) if c[2]["intent"] == "fact"
                              and start_after_last(self.clause_marks, c[0]) <= self.sentence_start(c[0])]
        self.reach_sentence = by_scope["sentence"]
        self.reach_heading = sorted(by_scope["sentence"] + by_scope["heading"])
        self.reach_part, self.reach_clause = by_scope["part"], by_scope["clause"]
        self.paragraph_starts = layout.leads.line_starts
        self.frames: dict[int, object] = {}
        self.list_frames: dict[int, object] = {}
        self.section_frames: dict[tuple[int, int], object] = {}
        self.layout = layout

    def _met_goals(self, found: list) -> list:
        """`found` with each goal word that a completion has as its object (完成了市下任务) made a
        report, unless a goal cue in the completion's clause makes the completion itself the goal
        (确保完成全年目标任务)."""
        met = []
        rows = cue_table()[0]
        targets = None
        for m in completions().finditer(self.text):
            if targets is None:   # bisected, not scanned: a long text of completions must not cost cues x completions
                targets = sorted(s for s, _, row in found if row["intent"] == "target")
            clause = start_after_last(self.clause_marks, m.start())
            if bisect.bisect_left(targets, clause) == bisect.bisect_left(targets, m.start()):
                met.append((m.start("goal"), m.end("goal")))
                self.met_goals[m.end("goal")] = rows[last_goal_word(m.group("goal"))]
        if not met:
            return found
        met_starts = [a for a, _ in met]     # goal words of completions: in text order, never overlapping

        def in_a_met_goal(s: int, e: int) -> bool:
            k = bisect.bisect_left(met_starts, e) - 1
            return k >= 0 and s < met[k][1]

        return [(s, e, MET_GOAL if row["intent"] == "target" and in_a_met_goal(s, e) else row)
                for s, e, row in found]

    def _plans(self, found: list, phrases, reference) -> list:
        """Verbs that put projects on a year's plan (今年确定重大建设项目780个, 2020年,阳江市共安排重点
        建设项目132项, 共谋划年度重点工程项目56项; rules/intent_plan_verbs.tsv): a goal cue where the
        year they plan for, not yet over, stands before them in the sentence with no report word between
        (今年已…), or right after them in their clause."""
        years = [(p.start, p.end) for p in phrases if (p.is_whole_year or p.text == YEAR_WORD)
                 and (reference is None or resolve(p, reference) is None or resolve(p, reference) >= reference)]
        if not years:
            return []
        starts = [start for start, _ in years]
        facts = sorted(s for s, _, row in found if row["intent"] == "fact")
        plans = []
        # Such a year starts in the verb's full sentence (before it, or after it in its clause): only the
        # sentences where a year starts are searched, and no plan verb runs across a sentence's end.
        for sentence in sorted({self.sentence_start(start) for start in starts}):
            for m in plan_verbs().finditer(self.text, sentence, self.sentence_end(sentence)):
                clause_end = self._next_stop(m.end())
                k = bisect.bisect_left(starts, m.start()) - 1
                before = years[k] if k >= 0 and years[k][0] >= sentence and years[k][1] <= m.start() else None
                planned = before is not None and bisect.bisect_left(facts, before[1]) == bisect.bisect_left(facts, m.start())
                after = k + 1 < len(years) and years[k + 1][0] >= m.end() and (
                    clause_end is None or years[k + 1][1] <= clause_end)
                if planned or after:
                    plans.append((m.start(), m.end(), {**PLAN, "word": m.group()}))
        return plans

    def _next_stop(self, at: int) -> Optional[int]:
        """The first clause mark or sentence end at or after `at`, or None: bisected in the lists
        of both (one past each sentence end starts a sentence), not found by a scan of its own."""
        k = bisect.bisect_left(self.clause_marks, at)
        mark = self.clause_marks[k] if k < len(self.clause_marks) else None
        j = bisect.bisect_right(self.sentence_starts, at)
        end = self.sentence_starts[j] - 1 if j < len(self.sentence_starts) else None
        return min(mark, end) if mark is not None and end is not None else (end if mark is None else mark)

    def is_size(self, at: int) -> bool:
        """Whether an amount starting at `at` follows a size word right away (总投资2006亿元, 总投资为…)."""
        return any(at - gap in self.size_ends and link_patterns()["size"].fullmatch(self.text, at - gap, at)
                   for gap in range(SIZE_GAP + 1))

    def _size_words_before(self, amount_starts: list[int]):
        """The size words, as a search of the whole text finds them, that end at most SIZE_GAP before an
        amount starting at one of `amount_starts` (all that is_size reads). Each amount's are searched
        from the start of the run of size words' characters before it: no word holds the character
        before that run, so a search from there finds what the whole text's finds. An amount holds a
        digit, so runs before different amounts do not overlap: linear in the text."""
        chars, longest = size_characters()
        ends = set()
        for at in sorted(set(amount_starts)):
            start = max(0, at - SIZE_GAP)
            while start > 0 and self.text[start - 1] in chars:
                start -= 1
            for m in sizes().finditer(self.text, start, min(len(self.text), at + longest)):
                if at - SIZE_GAP <= m.end() <= at and m.end() not in ends:
                    ends.add(m.end())
                    yield m

    def _size_ends(self, project_counts: list[tuple[int, int]], amount_starts: list[int]) -> list[int]:
        """The size words that measure counted projects: a count of projects before the word in its
        clause (项目19个总投资32.3亿元), or in the clause just before one the word opens (计划新开工项目
        41个,总投资2006亿元), or projects the amount describes (总投资约120亿元的…项目). Without these the
        total is the subject itself, a goal where the sentence sets one (…110个和95个,蜀山区新签约项目
        总投资不低于400亿元). Only the words just before the amounts at `amount_starts` are weighed."""
        found = []
        count_ends = frozenset(end for _, end in project_counts)
        for m in self._size_words_before(amount_starts):
            if m.group() in not_sizes():
                continue
            if m.group("opening") and not (m.start() in count_ends or m.start() == 0
                                           or CLAUSE_END_MARK.match(self.text, m.start() - 1)
                                           or self._after_breakdown_lead(m.start())):
                continue   # 投资 inside a clause is also a goal's verb (将投资20亿元)
            reach = max(self.sentence_start(m.start()), start_after_last(self.clause_marks, m.start()))
            if link_patterns()["opening"].fullmatch(self.text, reach, m.start()):
                reach = self._previous_clause(reach)   # 计划新开工项目41个,总投资…: the count just before
            reach = max(reach, self.sentence_start(m.start()))
            k = bisect.bisect_left(project_counts, (reach,))
            if (k < len(project_counts) and project_counts[k][0] < m.start()) or ATTRIBUTIVE.match(self.text, m.end()):
                found.append(m.end())
        return found

    def _after_breakdown_lead(self, at: int) -> bool:
        """Whether only a breakdown word stands before `at` in its clause (其中计划投资40亿元的…)."""
        lead = breakdown_lead(self.text, max(self.sentence_start(at), start_after_last(self.clause_marks, at)))
        return lead is not None and lead.end() == at

    def _previous_clause(self, clause_start: int) -> int:
        """Start of the last clause with words in it before the one starting at `clause_start`."""
        at = clause_start - 1
        while at > 0:
            start = start_after_last(self.clause_marks, at)
            if self.text[start:at].strip():
                return start
            at = start - 1
        return 0

    def paragraph_start(self, at: int) -> int:
        return self.paragraph_starts[bisect.bisect_right(self.paragraph_starts, at) - 1]

    def sentence_start(self, at: int) -> int:
        return self.sentence_starts[bisect.bisect_right(self.sentence_starts, at) - 1]

    def sentence_end(self, start: int) -> int:
        """End of the full sentence holding `start`: the next one's start, or the text's end."""
        k = bisect.bisect_right(self.sentence_starts, start)
        return self.sentence_starts[k] if k < len(self.sentence_starts) else len(self.text)

    def _holds_a_mark(self, start: int, end: int) -> bool:
        return bisect.bisect_left(self.clause_marks, start) < bisect.bisect_left(self.clause_marks, end)

    def _last(self, kind: list[int], last: int, bound: int, end: Optional[int] = None) -> Optional[int]:
        """The last cue of `kind` (indices into `cues`) at index <= `last` that starts at or after
        `bound` and, if `end` is given, ends by it."""
        k = bisect.bisect_right(kind, last) - 1
        while k >= 0 and self.cues[kind[k]][0] >= bound:
            if end is None or (self.cues[kind[k]][1] <= end and enclosing_end(self.asides, self.cues[kind[k]][0]) >= end):
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

    def year_list(self, sentence_start: int, at: int):
        """A count of projects on a year's list of key projects, named in its own clause (该区2016年重点
        开竣工项目38项, 2020年四川700个省重点项目): the count of the year's plan, a goal, where nothing else
        in the sentence speaks; so are the counts of a breakdown after it (其中新开工项目30项). The
        projects of an event are no list (2023年一季度…重大项目签约活动,签约17个
        项目; 今年第一季度集中开工的重大项目共有12个)."""
        clause_start = max(sentence_start, start_after_last(self.clause_marks, at))
        if self._on_year_list(clause_start, at):
            return PLAN
        lead = self._breakdown_lead(sentence_start, at)   # …2016年重点开竣工项目38项,其中新开工项目30项,竣工…
        if lead is not None:
            k = bisect.bisect_left(self.project_counts, (sentence_start,))
            for count, _ in self.project_counts[k:bisect.bisect_left(self.project_counts, (lead,))]:
                if self._on_year_list(max(sentence_start, start_after_last(self.clause_marks, count)), count):
                    return PLAN
        return None

    def _breakdown_lead(self, sentence_start: int, at: int) -> Optional[int]:
        """Start of the last clause before `at` in its sentence that opens a breakdown (其中…), or None."""
        k = bisect.bisect_left(self.clause_marks, at) - 1
        while k >= 0 and self.clause_marks[k] >= sentence_start:
            if opens_breakdown(self.text, self.clause_marks[k] + 1):
                return self.clause_marks[k] + 1
            k -= 1
        return sentence_start if opens_breakdown(self.text, sentence_start) else None

    def _on_year_list(self, clause_start: int, at: int) -> bool:
        """Whether the count at `at` is the count of a year's list named in its clause."""
        # only a year close before the count can name its list: in a text without clause marks the
        # clause is the whole text, and trying every year of it for every count grew with its square
        k = bisect.bisect_left(self.list_years, (max(clause_start, at - LIST_SPAN),))
        while k < len(self.list_years) and self.list_years[k][0] < at:
            m = year_lists().match(self.text, self.list_years[k][1], min(len(self.text), at + LIST_REACH))
            if m is not None and (at < m.end() or link_patterns()["list"].fullmatch(self.text, m.end(), at)) \
                    and not acts().search(m.group("scope")):
                return True
            k += 1
        return False

    def breakdown_frame(self, sentence_start: int):
        """The cue that closes the sentence before, for a sentence that opens with a breakdown word
        (…拟列2019年省重点项目1564个,总投资3.8万亿元。其中在建项目1199个…): its parts are the same
        plan's (rules/intent_breakdown_leads.tsv). Only a cue that governs a sentence carries over (not
        年度投资, which speaks of its own clause), and not into a sentence that reports of its own."""
        if not opens_breakdown(self.text, sentence_start) or self._reports(sentence_start):
            return None
        previous = self.sentence_start(sentence_start - 1)
        cue = self.decisive(previous, sentence_start - 1)
        return cue if cue is not None and cue["scope"] == "sentence" else None

    def _reports(self, sentence_start: int) -> bool:
        """Whether the sentence holds a report word of its own (其中,42个涉市重点项目,累计完成投资…)."""
        end = self.sentence_end(sentence_start)
        first = bisect.bisect_left(self.cue_starts, sentence_start)
        last = bisect.bisect_left(self.cue_starts, end)
        return any(self.cues[i][2]["intent"] in ("fact", "total") for i in range(first, last))

    def reported_since(self, paragraph_start: int, sentence_start: int) -> bool:
        """Whether a sentence of the paragraph after its first and up to `sentence_start` opens as a report
        (今年以来,…): the first sentence's goal frames the sentences before that turn, not the reports after
        it (区域高质量发展必须靠实体经济…。今年以来,江西省…举办…。三大活动共签约…项目174个). A report word
        later in a sentence (…1月份已完成投资1000万元) speaks of its own clause and does not end the frame."""
        first_end = self.sentence_end(paragraph_start)
        i = bisect.bisect_left(self.report_starts, first_end)
        return i < len(self.report_starts) and self.report_starts[i] < sentence_start

    def paragraph_frame(self, paragraph_start: int):
        """A target cue in the paragraph's first sentence, framing the later ones."""
        if paragraph_start not in self.frames:
            first_end = self.sentence_end(paragraph_start)
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


@lru_cache(maxsize=1)
def _floor_words() -> frozenset:
    """不低于, 不少于 (rules/intent_floors.tsv): a floor the writer of a goal commits to."""
    return frozenset(words("intent_floors"))


def assign_intent(doc, mentions, figures) -> None:
    text = doc.text
    cues = _TextCues(text, doc.reference, doc.deadline_phrases(mentions), doc.layout, mentions)
    for mention, figure in zip(mentions, figures):
        sentence_start = cues.sentence_start(mention.number_start)
        cue = cues.decisive(sentence_start, mention.number_start)
        if reported_after(text, mention.end):
            cue = REPORT
        elif mention.kind == "money" and mention.qualifier not in FLOOR_QUALIFIERS and cues.is_size(mention.start):
            # what counted projects cost (计划新开工项目41个,总投资2006亿元); a floor (总投资不低于800亿元,
            # 2000亿元以上) is no known sum but what a goal asks for
            cue = REPORT
        elif mention.number_start in cues.met_goals and SHARE_OF_IT.match(text, mention.end):
            cue = cues.met_goals[mention.number_start]   # the goal's own amount: 完成全年目标任务8亿元的124%
        elif cue is None:
            paragraph_start = cues.paragraph_start(mention.number_start)
            if mention.kind == "count" and mention.counted == "项目":
                cue = cues.year_list(sentence_start, mention.number_start)
            if cue is None and sentence_start > paragraph_start:
                cue = cues.breakdown_frame(sentence_start)
            if cue is None and paragraph_start != sentence_start and not cues.reported_since(paragraph_start, sentence_start):
                cue = cues.paragraph_frame(paragraph_start)
            if cue is None:
                cue = cues.list_frame(paragraph_start)
            if cue is None:
                cue = cues.section_frame(mention.number_start)
        figure.is_target = cue is not None and cue["intent"] == "target"
        figure.strength = (cue["strength"] or "soft") if figure.is_target else None
        if figure.is_target and text[max(0, mention.number_start - 3) : mention.number_start] in _floor_words():
            figure.strength = "hard"  # 不低于/不少于 in a goal is a floor the writer commits to
