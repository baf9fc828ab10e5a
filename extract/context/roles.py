"""Threshold or amount (`role`) of each money figure, and the `group` that makes a target one row.

In 超10亿元项目不少于30个 the 10亿元 is a size threshold of the projects counted, not money
invested: a threshold stands right before the noun of a count (10亿元以上重特大项目16个,
亿元以上企业). In 总投资近100亿元的25个重大项目 the money is the amount the counted projects
add up to. A threshold and the count it qualifies, or an amount and the count it sums, share a
group id; other figures are their own group.
"""
from __future__ import annotations

import bisect
from functools import lru_cache

import regex

from extract.rules import alternation, load_table, words

_MAX_MODIFIERS = 8
_MAX_GAP = 12        # characters between an amount and the count it sums
_COUNT_REACH = 40    # a count's span is never longer: how far back its start may lie
_SENTENCE_MARK = regex.compile(r"[。！？!?\n;；]")


@lru_cache(maxsize=1)
def _noun_after() -> regex.Pattern:
    """After a threshold: up to a few words of kind (重特大, 产业), then a counted noun."""
    nouns = alternation(words("counted_nouns"))
    return regex.compile(rf"(?:级)?[^,，。;；:：!！?？、的\n\d]{{0,{_MAX_MODIFIERS}}}?(?:{nouns})")


@lru_cache(maxsize=1)
def _sum_words() -> tuple[regex.Pattern, dict[str, str]]:
    kinds = {row["word"]: row["kind"] for row in load_table("role_sum_words")}
    return regex.compile(alternation(kinds)), kinds


def _sums(text: str, start: int, end: int) -> bool:
    """A sum word between start and end, and no rate or average (投资强度, 单个, 平均) there."""
    pattern, kinds = _sum_words()
    found = {kinds[m.group()] for m in pattern.finditer(text, start, end)}
    return "sum" in found and "veto" not in found


def assign_roles(doc, mentions, figures) -> None:
    text = doc.text
    counts = sorted(((m, f) for m, f in zip(mentions, figures) if m.kind == "count"), key=lambda c: c[0].start)
    starts = [m.start for m, _ in counts]
    next_group = 0
    for mention, figure in zip(mentions, figures):
        if figure.group is None:
            next_group += 1
            figure.group = next_group
        if mention.kind != "money":
            continue
        noun = _noun_after().match(text, mention.end)
        if noun:
            figure.role = "threshold"
            partner = _count_holding(counts, starts, noun.end())
        else:
            figure.role = "amount"
            partner = _count_summed(text, counts, starts, mention)
        if partner is not None:
            partner.group = figure.group


def _near(counts, starts, low: int, high: int):
    """The counts (in text order) whose start lies in [low, high]."""
    return counts[bisect.bisect_left(starts, low) : bisect.bisect_right(starts, high)]


def _count_holding(counts, starts, noun_end):
    """The count whose noun ends where the threshold's noun ends (20亿元项目5个, 超10亿元项目不少于30个)."""
    for m, f in _near(counts, starts, noun_end - _COUNT_REACH, noun_end + 1):
        if m.start < noun_end <= m.end or (m.start >= noun_end - 2 and m.start <= noun_end + 1):
            return f
    return None


def _count_summed(text, counts, starts, mention):
    """The count an amount totals: 总投资X的N个项目 after it, or N个项目(计划)总投资X before it."""
    low = mention.start - _MAX_GAP - _COUNT_REACH
    for m, f in _near(counts, starts, low, mention.end + _MAX_GAP):
        between = text[mention.end : m.start] if m.start >= mention.end else text[m.end : mention.start]
        if len(between) > _MAX_GAP or _SENTENCE_MARK.search(between):
            continue
        if m.start >= mention.end and between.startswith("的"):
            return f
        if m.end <= mention.start and f.group is not None and _sums(text, m.end, mention.number_start):
            return f
    return None
