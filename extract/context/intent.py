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
from typing import Optional

import ahocorasick_rs
import regex

from extract.context.deadlines import resolve
from extract.context.segments import (CLAUSE_END_CHAR, CLAUSE_MARK, PARENTHETICAL, SEMICOLON, breakdown_leads,
                                       opens_breakdown, start_after_last)
from extract.mentions.grammar import alternation
from extract.rules import load_table, words

_REPORT = {"intent": "fact", "strength": ""}
_AFTER_WINDOW = 24  # how far after a figure a report word (完成率, 同比) may stand
# The clause after a figure reaches to the next clause mark, past one parenthetical: 34个(完成率261.5%),
_AFTER_STOP = regex.compile(r"[。！？!?\n;；]|[,，](?![^(（]*[)）])")
# The share of a goal just named: 完成年度计划投资的52%, 完成市定目标任务的26.62%
_SHARE_OF_GOAL = regex.compile(r"[^,，。;；]{0,4}?的[\d.]+[%％]")


@lru_cache(maxsize=1)
def _after_cues() -> regex.Pattern:
    return regex.compile(alternation(words("intent_after_cues")))


def _reported_after(text: str, end: int) -> bool:
    """A completion rate or a year-on-year change right after the figure, or a next clause that
    tells the share of a goal it met (完成投资6.5亿元,完成年度计划投资的52%): a report."""
    window_end = min(len(text), end + _AFTER_WINDOW)
    stop = _AFTER_STOP.search(text, end, window_end)
    if _after_cues().search(text, end, stop.start() if stop else window_end) is not None:
        return True
    if stop is None or text[stop.start()] not in ",，":
        return False
    met = _completions().match(text, stop.end())
    return met is not None and _SHARE_OF_GOAL.match(text, met.end()) is not None


@lru_cache(maxsize=1)
def _cues():
    """The cue rows by word, the words in automaton order, and an Aho-Corasick automaton over them,
    leftmost-longest: the matches of a longest-first alternation in one native pass."""
    rows = {row["word"]: row for row in load_table("intent_cues")}
    cue_words = tuple(rows)
    return rows, cue_words, ahocorasick_rs.AhoCorasick(cue_words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


@lru_cache(maxsize=1)
def _horizon_rules() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """(lead, strength, ahead) of the horizon rules of each due rule, in table order."""
    rules: dict[str, list] = {}
    for row in load_table("intent_horizons"):
        rules.setdefault(row["due"], []).append((row["lead"], row["strength"], row["ahead"]))
    return {due: tuple(found) for due, found in rules.items()}


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
        for lead, strength, ahead in _horizon_rules().get(phrase.rule, ()):
            if phrase.text.startswith(lead):
                if _still_ahead(resolve(phrase, reference), reference, ahead, lead):
                    found.append((phrase.start, phrase.end, {"word": phrase.text, "intent": "target", "scope": "sentence",
                                                             "strength": strength, "paragraph": "no", "horizon": "yes"}))
                break
    return found


@lru_cache(maxsize=1)
def _completions() -> regex.Pattern:
    """A goal named as the object of a completion (完成了市下任务, 完成年初预期目标任务的143%;
    rules/intent_completion_verbs.tsv, intent_completed_goals.tsv): the goal words report that it
    was met. Group `goal` spans the goal words."""
    verbs, goals = alternation(words("intent_completion_verbs")), alternation(words("intent_completed_goals"))
    return regex.compile(rf"(?:{verbs})[^,，。;；:：!！?？\n]{{0,12}}?(?P<goal>(?:{goals})+)")


@lru_cache(maxsize=1)
def _sizes() -> regex.Pattern:
    """Words that name the size of projects (总投资, 投资总额; rules/intent_size_words.tsv): the amount
    right after one is what projects cost, a fact, whatever goal the sentence sets; a goal cue between
    makes it a goal (总投资将超1000亿元). Group `opening`: a word that counts only at a clause's start
    (…项目756个,投资1.26万亿元) or right after a count of projects (项目29个投资34.2亿元), since inside a
    clause it is also the verb of a goal (将投资20亿元)."""
    rows = load_table("intent_size_words")
    anywhere = alternation(r["word"] for r in rows if r["position"] in ("any", "none"))
    opening = alternation(r["word"] for r in rows if r["position"] == "opening")
    return regex.compile(rf"{anywhere}|(?P<opening>{opening})")


@lru_cache(maxsize=1)
def _not_sizes() -> frozenset:
    return frozenset(r["word"] for r in load_table("intent_size_words") if r["position"] == "none")


# An amount that describes the noun after it: 总投资约120亿元的中沙石化产业园二期
_ATTRIBUTIVE = regex.compile(r"[^,，;；:：。！？!?\n]{1,16}?元的")
_FLOOR_QUALIFIERS = frozenset({"at_least", "more_than"})
_SIZE_GAP = 2   # 为, 达 between a size word and its amount
# What may stand before a size word that opens its clause (…211个,项目总投资4434.87亿元)

# A year named as a whole (2016年, 今年, 2022年度), not the start of a report period (今年以来)
# The years a plan or a list is of: a year said on its own (2016年, 今年, 2022年度; deadline phrases),
# not a part of it (今年上半年, 2023年一季度, 今年1-6月) nor a span (今年以来, 到2025年), which a report
# looks back on or a horizon looks ahead to. A list's year is a number or this or next year.
_LIST_YEARS = ("今", "本", "明")
_LIST_REACH = 12   # a list's name may end past its count (700个省重点项目)
_YEAR_WORD = "年度"   # the year's (谋划年度重点工程项目): a plan's year with no number
_PLAN = {"word": "", "intent": "target", "scope": "sentence", "strength": "soft", "paragraph": "no"}
_CLAUSE_END_MARK = regex.compile(CLAUSE_END_CHAR)
_CLAUSE_STOP = regex.compile(r"[,，;；:：。！？!?\n]")
# A share of the figure just named: …目标任务8亿元的124%
_SHARE_OF_IT = regex.compile(r"的[\d.]+[%％]")
_MET_GOAL = {"word": "", "intent": "fact", "scope": "sentence", "strength": "", "paragraph": "no"}


def _last_goal_word(goal_words: str) -> str:
    """The last of the goal words run together in `goal_words` (目标任务 -> 任务)."""
    return next(w for w in words("intent_completed_goals") if goal_words.endswith(w))


def _enclosing_end(spans: list[tuple[int, int]], at: int) -> float:
    """The end of the span of `spans` (sorted, disjoint) that holds `at`, or infinity."""
    k = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return spans[k][1] if k >= 0 and spans[k][0] <= at < spans[k][1] else float("inf")


@lru_cache(maxsize=1)
def _year_lists() -> regex.Pattern:
    """The name of a year's list of key projects after its year: a key-project word before 项目 in one
    clause, with no word of an event (rules/intent_year_list_words.tsv) on the way."""
    rows = load_table("intent_year_list_words")
    keys = alternation(r["word"] for r in rows if r["role"] == "key")
    events = alternation(r["word"] for r in rows if r["role"] == "event")
    gap = rf"(?:(?!{events})[^,，。;；:：!！?？\n\s])"
    return regex.compile(rf"(?P<scope>{gap}{{0,12}}?)(?:{keys}){gap}{{0,8}}?项目")


@lru_cache(maxsize=None)
def _links(link: str) -> str:
    """An alternation of the words that may stand between two parts of a phrase (rules/intent_link_words.tsv)."""
    return alternation(r["word"] for r in load_table("intent_link_words") if r["link"] == link)


@lru_cache(maxsize=1)
def _link_patterns() -> dict[str, regex.Pattern]:
    return {"size": regex.compile(rf"(?:{_links('size')})*"),                 # 总投资为…, 投资达…
            "list": regex.compile(rf"(?:{_links('list')}){{0,2}}"),            # 重点项目共有12个
            "opening": regex.compile(rf"[\s、]*(?:{_links('opening')})?")}     # …211个,项目总投资…


@lru_cache(maxsize=1)
def _acts() -> regex.Pattern:
    """The words of a project stage (签约, 开工, 引进; rules/metric_words.tsv): acts, which a list is not."""
    return regex.compile(alternation(row["word"] for row in load_table("metric_words") if row["stage"]))


@lru_cache(maxsize=1)
def _plan_verbs() -> regex.Pattern:
    return regex.compile(alternation(words("intent_plan_verbs")))


@lru_cache(maxsize=1)
def _disposal() -> regex.Pattern:
    """将 as 把 before a verb of grouping (将转型项目分为三类; rules/intent_disposal_verbs.tsv)."""
    return regex.compile(rf"将(?=[^,，。;；:：!！?？\n]{{0,12}}?(?:{alternation(words('intent_disposal_verbs'))}))")


class _TextCues:
    """Every cue, sentence start, clause mark and paragraph frame of one text, found once, so that
    each figure costs a few bisections however long the text (no rescan per figure)."""

    def __init__(self, text: str, reference, phrases, layout, mentions):
        rows, cue_words, automaton = _cues()
        self.text = text
        project_counts = sorted((m.number_start, m.end) for m in mentions if m.kind == "count" and m.counted == "项目")
        self.sentence_starts = layout.full_starts
        self.semicolons = [m.start() for m in SEMICOLON.finditer(text)]
        disposal = {m.start() for m in _disposal().finditer(text)}
        self.clause_marks = [m.start() for m in CLAUSE_MARK.finditer(text)]
        self.met_goals: dict[int, dict] = {}   # where a met goal's words end -> the goal cue they hold
        words_found = [(start, end, rows[cue_words[i]]) for i, start, end in automaton.find_matches_as_indexes(text)
                       if not (start in disposal and cue_words[i] == "将")]
        self.cues = sorted(self._met_goals(words_found) + _horizons(phrases, reference)
                           + self._plans(words_found, phrases, reference), key=lambda c: (c[0], c[1]))
        self.project_counts = project_counts
        self.list_years = [(p.start, p.end) for p in phrases if p.is_whole_year
                           and (p.group("rel") is None or p.group("rel") in _LIST_YEARS)]
        self.size_ends = frozenset(self._size_ends(project_counts))
        # A cue never holds a clause mark (words and deadline phrases have none): so a cue that starts
        # before the last mark ahead of a figure also ends before it, which is what lets `decisive`
        # bisect by start instead of testing every cue of a long sentence.
        self.cues = [c for c in self.cues if not self._holds_a_mark(c[0], c[1])]
        self.cue_starts = [c[0] for c in self.cues]
        # A cue inside a parenthetical ((任务数18家)) speaks only of it: past its bracket it reaches nothing.
        asides = [(m.start(), m.end()) for m in PARENTHETICAL.finditer(text)]
        self.aside_ends = [_enclosing_end(asides, c[0]) for c in self.cues]
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
        rows = _cues()[0]
        for m in _completions().finditer(self.text):
            clause = start_after_last(self.clause_marks, m.start())
            if not any(clause <= s < m.start() and row["intent"] == "target" for s, _, row in found):
                met.append((m.start("goal"), m.end("goal")))
                self.met_goals[m.end("goal")] = rows[_last_goal_word(m.group("goal"))]
        if not met:
            return found
        return [(s, e, _MET_GOAL if row["intent"] == "target" and any(s < b and a < e for a, b in met) else row)
                for s, e, row in found]

    def _plans(self, found: list, phrases, reference) -> list:
        """Verbs that put projects on a year's plan (今年确定重大建设项目780个, 2020年,阳江市共安排重点
        建设项目132项, 共谋划年度重点工程项目56项; rules/intent_plan_verbs.tsv): a goal cue where the
        year they plan for, not yet over, stands before them in the sentence with no report word between
        (今年已…), or right after them in their clause."""
        years = [(p.start, p.end) for p in phrases if (p.is_whole_year or p.text == _YEAR_WORD)
                 and (reference is None or resolve(p, reference) is None or resolve(p, reference) >= reference)]
        starts = [start for start, _ in years]
        plans = []
        for m in _plan_verbs().finditer(self.text):
            sentence = self.sentence_start(m.start())
            clause_end = _CLAUSE_STOP.search(self.text, m.end())
            k = bisect.bisect_left(starts, m.start()) - 1
            before = years[k] if k >= 0 and years[k][0] >= sentence and years[k][1] <= m.start() else None
            planned = before is not None and not any(before[1] <= s < m.start() and row["intent"] == "fact"
                                                     for s, _, row in found)
            after = k + 1 < len(years) and years[k + 1][0] >= m.end() and (
                clause_end is None or years[k + 1][1] <= clause_end.start())
            if planned or after:
                plans.append((m.start(), m.end(), {**_PLAN, "word": m.group()}))
        return plans

    def is_size(self, at: int) -> bool:
        """Whether an amount starting at `at` follows a size word right away (总投资2006亿元, 总投资为…)."""
        return any(at - gap in self.size_ends and _link_patterns()["size"].fullmatch(self.text, at - gap, at)
                   for gap in range(_SIZE_GAP + 1))

    def _size_ends(self, project_counts: list[tuple[int, int]]) -> list[int]:
        """The size words that measure counted projects: a count of projects before the word in its
        clause (项目19个总投资32.3亿元), or in the clause just before one the word opens (计划新开工项目
        41个,总投资2006亿元), or projects the amount describes (总投资约120亿元的…项目). Without these the
        total is the subject itself, a goal where the sentence sets one (…110个和95个,蜀山区新签约项目
        总投资不低于400亿元)."""
        found = []
        count_ends = frozenset(end for _, end in project_counts)
        for m in _sizes().finditer(self.text):
            if m.group() in _not_sizes():
                continue
            if m.group("opening") and not (m.start() in count_ends or m.start() == 0
                                           or _CLAUSE_END_MARK.match(self.text, m.start() - 1)
                                           or self._after_breakdown_lead(m.start())):
                continue   # 投资 inside a clause is also a goal's verb (将投资20亿元)
            reach = max(self.sentence_start(m.start()), start_after_last(self.clause_marks, m.start()))
            if _link_patterns()["opening"].fullmatch(self.text, reach, m.start()):
                reach = self._previous_clause(reach)   # 计划新开工项目41个,总投资…: the count just before
            reach = max(reach, self.sentence_start(m.start()))
            k = bisect.bisect_left(project_counts, (reach,))
            if (k < len(project_counts) and project_counts[k][0] < m.start()) or _ATTRIBUTIVE.match(self.text, m.end()):
                found.append(m.end())
        return found

    def _after_breakdown_lead(self, at: int) -> bool:
        """Whether only a breakdown word stands before `at` in its clause (其中计划投资40亿元的…)."""
        lead = breakdown_leads().match(self.text, max(self.sentence_start(at), start_after_last(self.clause_marks, at)))
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

    def _holds_a_mark(self, start: int, end: int) -> bool:
        return bisect.bisect_left(self.clause_marks, start) < bisect.bisect_left(self.clause_marks, end)

    def _last(self, kind: list[int], last: int, bound: int, end: Optional[int] = None) -> Optional[int]:
        """The last cue of `kind` (indices into `cues`) at index <= `last` that starts at or after
        `bound` and, if `end` is given, ends by it."""
        k = bisect.bisect_right(kind, last) - 1
        while k >= 0 and self.cues[kind[k]][0] >= bound:
            if end is None or (self.cues[kind[k]][1] <= end and self.aside_ends[kind[k]] >= end):
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
            return _PLAN
        lead = self._breakdown_lead(sentence_start, at)   # …2016年重点开竣工项目38项,其中新开工项目30项,竣工…
        if lead is not None:
            k = bisect.bisect_left(self.project_counts, (sentence_start,))
            for count, _ in self.project_counts[k:bisect.bisect_left(self.project_counts, (lead,))]:
                if self._on_year_list(max(sentence_start, start_after_last(self.clause_marks, count)), count):
                    return _PLAN
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
        k = bisect.bisect_left(self.list_years, (clause_start,))
        while k < len(self.list_years) and self.list_years[k][0] < at:
            m = _year_lists().match(self.text, self.list_years[k][1], min(len(self.text), at + _LIST_REACH))
            if m is not None and (at < m.end() or _link_patterns()["list"].fullmatch(self.text, m.end(), at)) \
                    and not _acts().search(m.group("scope")):
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
        k = bisect.bisect_right(self.sentence_starts, sentence_start)
        end = self.sentence_starts[k] if k < len(self.sentence_starts) else len(self.text)
        first = bisect.bisect_left(self.cue_starts, sentence_start)
        last = bisect.bisect_left(self.cue_starts, end)
        return any(self.cues[i][2]["intent"] in ("fact", "total") for i in range(first, last))

    def reported_since(self, paragraph_start: int, sentence_start: int) -> bool:
        """Whether a sentence of the paragraph after its first and up to `sentence_start` opens as a report
        (今年以来,…): the first sentence's goal frames the sentences before that turn, not the reports after
        it (区域高质量发展必须靠实体经济…。今年以来,江西省…举办…。三大活动共签约…项目174个). A report word
        later in a sentence (…1月份已完成投资1000万元) speaks of its own clause and does not end the frame."""
        k = bisect.bisect_right(self.sentence_starts, paragraph_start)
        first_end = self.sentence_starts[k] if k < len(self.sentence_starts) else len(self.text)
        i = bisect.bisect_left(self.report_starts, first_end)
        return i < len(self.report_starts) and self.report_starts[i] < sentence_start

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
    cues = _TextCues(text, doc.reference, doc.deadline_phrases(mentions), doc.layout, mentions)
    for mention, figure in zip(mentions, figures):
        sentence_start = cues.sentence_start(mention.number_start)
        cue = cues.decisive(sentence_start, mention.number_start)
        if _reported_after(text, mention.end):
            cue = _REPORT
        elif mention.kind == "money" and mention.qualifier not in _FLOOR_QUALIFIERS and cues.is_size(mention.start):
            # what counted projects cost (计划新开工项目41个,总投资2006亿元); a floor (总投资不低于800亿元,
            # 2000亿元以上) is no known sum but what a goal asks for
            cue = _REPORT
        elif mention.number_start in cues.met_goals and _SHARE_OF_IT.match(text, mention.end):
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
        if figure.is_target and text[max(0, mention.number_start - 3) : mention.number_start] in words("intent_floors"):
            figure.strength = "hard"  # 不低于/不少于 in a goal is a floor the writer commits to
