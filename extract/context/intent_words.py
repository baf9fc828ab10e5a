"""The intent step's words, compiled once: cue words and their scopes (rules/intent_cues.tsv), report
words after a figure, plan horizons, goals met, project sizes, a year's lists of key projects, plan
verbs and the disposal 将. extract/context/intent.py reads a text's cues with them."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

import ahocorasick_rs
import regex

from extract.context.deadlines import resolve
from extract.context.segments import CLAUSE_END_CHAR, CLAUSE_MARKS, FULL_SENTENCE_MARKS
from extract.rules import alternation, load_table, words

REPORT = {"intent": "fact", "strength": ""}
_AFTER_WINDOW = 24  # how far after a figure a report word (完成率, 同比) may stand
# The clause after a figure reaches to the next clause mark, past one parenthetical: 34个(完成率261.5%),
_AFTER_STOP = regex.compile(r"[。！？!?\n;；]|[,，](?![^(（]*[)）])")
# The share of a goal just named: 完成年度计划投资的52%, 完成市定目标任务的26.62%
_SHARE_OF_GOAL = regex.compile(r"[^,，。;；]{0,4}?的[\d.]+[%％]")


@lru_cache(maxsize=1)
def _after_cues() -> regex.Pattern:
    return regex.compile(alternation(words("intent_after_cues")))


def reported_after(text: str, end: int) -> bool:
    """A completion rate or a year-on-year change right after the figure, or a next clause that
    tells the share of a goal it met (完成投资6.5亿元,完成年度计划投资的52%): a report."""
    window_end = min(len(text), end + _AFTER_WINDOW)
    stop = _AFTER_STOP.search(text, end, window_end)
    if _after_cues().search(text, end, stop.start() if stop else window_end) is not None:
        return True
    if stop is None or text[stop.start()] not in ",，":
        return False
    met = completions().match(text, stop.end())
    return met is not None and _SHARE_OF_GOAL.match(text, met.end()) is not None


@lru_cache(maxsize=1)
def cue_table():
    """The cue rows by word, the rows in automaton order, and an Aho-Corasick automaton over their
    words, leftmost-longest: the matches of a longest-first alternation in one native pass. A DFA:
    the same matches, found about twice as fast as by the default automaton for a hundred words."""
    rows = {row["word"]: row for row in load_table("intent_cues")}
    return rows, tuple(rows.values()), ahocorasick_rs.AhoCorasick(
        tuple(rows), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest, implementation=ahocorasick_rs.Implementation.DFA)


@lru_cache(maxsize=1)
def cue_words_hold_marks() -> bool:
    """Whether a cue word holds a clause mark (none does: a cue found as a word then needs no test)."""
    return any(not frozenset(CLAUSE_MARKS).isdisjoint(word) for word in cue_table()[0])


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


def horizons(phrases, reference) -> list:
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
def completions() -> regex.Pattern:
    """A goal named as the object of a completion (完成了市下任务, 完成年初预期目标任务的143%;
    rules/intent_completion_verbs.tsv, intent_completed_goals.tsv): the goal words report that it
    was met. Group `goal` spans the goal words."""
    verbs, goals = alternation(words("intent_completion_verbs")), alternation(words("intent_completed_goals"))
    return regex.compile(rf"(?:{verbs})[^,，。;；:：!！?？\n]{{0,12}}?(?P<goal>(?:{goals})+)")


@lru_cache(maxsize=1)
def sizes() -> regex.Pattern:
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
def size_characters() -> tuple[frozenset, int]:
    """The characters of the size words, and the length of the longest."""
    size_words = [r["word"] for r in load_table("intent_size_words")]
    return frozenset("".join(size_words)), max(map(len, size_words))


@lru_cache(maxsize=1)
def not_sizes() -> frozenset:
    return frozenset(r["word"] for r in load_table("intent_size_words") if r["position"] == "none")


# An amount that describes the noun after it: 总投资约120亿元的中沙石化产业园二期
ATTRIBUTIVE = regex.compile(r"[^,，;；:：。！？!?\n]{1,16}?元的")
FLOOR_QUALIFIERS = frozenset({"at_least", "more_than"})
SIZE_GAP = 2   # 为, 达 between a size word and its amount
# What may stand before a size word that opens its clause (…211个,项目总投资4434.87亿元)

# A year named as a whole (2016年, 今年, 2022年度), not the start of a report period (今年以来)
# The years a plan or a list is of: a year said on its own (2016年, 今年, 2022年度; deadline phrases),
# not a part of it (今年上半年, 2023年一季度, 今年1-6月) nor a span (今年以来, 到2025年), which a report
# looks back on or a horizon looks ahead to. A list's year is a number or this or next year.
LIST_YEARS = ("今", "本", "明")
LIST_REACH = 12   # a list's name may end past its count (700个省重点项目)
# How far before its count a year can stand and still name the count's list: the list's name runs at
# most 12 + 8 characters of gap, a key word and 项目 (year_lists), then two link words; well under this.
LIST_SPAN = 64
YEAR_WORD = "年度"   # the year's (谋划年度重点工程项目): a plan's year with no number
PLAN = {"word": "", "intent": "target", "scope": "sentence", "strength": "soft", "paragraph": "no"}
CLAUSE_END_MARK = regex.compile(CLAUSE_END_CHAR)
# A share of the figure just named: …目标任务8亿元的124%
SHARE_OF_IT = regex.compile(r"的[\d.]+[%％]")
MET_GOAL = {"word": "", "intent": "fact", "scope": "sentence", "strength": "", "paragraph": "no"}


def last_goal_word(goal_words: str) -> str:
    """The last of the goal words run together in `goal_words` (目标任务 -> 任务)."""
    return next(w for w in words("intent_completed_goals") if goal_words.endswith(w))


def enclosing_end(spans: list[tuple[int, int]], at: int) -> float:
    """The end of the span of `spans` (sorted, disjoint) that holds `at`, or infinity."""
    k = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return spans[k][1] if k >= 0 and spans[k][0] <= at < spans[k][1] else float("inf")


@lru_cache(maxsize=1)
def year_lists() -> regex.Pattern:
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
def link_patterns() -> dict[str, regex.Pattern]:
    return {"size": regex.compile(rf"(?:{_links('size')})*"),                 # 总投资为…, 投资达…
            "list": regex.compile(rf"(?:{_links('list')}){{0,2}}"),            # 重点项目共有12个
            "opening": regex.compile(rf"[\s、]*(?:{_links('opening')})?")}     # …211个,项目总投资…


@lru_cache(maxsize=1)
def acts() -> regex.Pattern:
    """The words of a project stage (签约, 开工, 引进; rules/metric_words.tsv): acts, which a list is not."""
    return regex.compile(alternation(row["word"] for row in load_table("metric_words") if row["stage"]))


@lru_cache(maxsize=1)
def plan_verbs() -> re.Pattern:
    """The plan verbs; none holds a sentence's end, so that they are searched sentence by sentence.
    The standard library's engine finds these few literal words twice as fast as `regex`."""
    verbs = words("intent_plan_verbs")
    if any(mark in verb for verb in verbs for mark in FULL_SENTENCE_MARKS):
        raise ValueError("intent_plan_verbs.tsv: a plan verb holds a sentence mark")
    return re.compile(alternation(verbs))


@lru_cache(maxsize=1)
def disposal_pattern() -> regex.Pattern:
    """将 as 把 before a verb of grouping (将转型项目分为三类; rules/intent_disposal_verbs.tsv)."""
    return regex.compile(rf"将(?=[^,，。;；:：!！?？\n]{{0,12}}?(?:{alternation(words('intent_disposal_verbs'))}))")
