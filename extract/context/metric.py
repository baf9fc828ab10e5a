"""What a figure measures (`metric`), the project stage it counts (`stage`), and the words both
came from (`metric_text`).

Money reads the words before it in its clause, after any amount before it there (总投资达83.2亿元,
年度计划投资15.9亿元; in 对总投资10亿元以上的项目给予最高500万元奖励 the 500万元 has none); a count
also reads its own noun phrase (16个新开工项目, 新开工…产业项目12个以上). Counts measure
projects or enterprises; their stage says which (signed, started ...).
"""
from __future__ import annotations

from functools import lru_cache

import regex

from extract.context.segments import CLAUSE_END_CHAR
from extract.rules import alternation, load_table

METRICS = ("total_investment", "annual_investment", "investment", "fixed_asset_investment", "funds_in_place",
           "sales", "output", "tax", "foreign_capital", "subsidy", "project_count", "enterprise_count")
STAGES = ("signed", "started", "completed", "attracted")
_COUNT_METRIC = {"项目": "project_count", "企业": "enterprise_count"}


@lru_cache(maxsize=1)
def _words():
    rows = {row["word"]: row for row in load_table("metric_words")}
    return rows, regex.compile(alternation(rows))


@lru_cache(maxsize=1)
def _coordinators() -> frozenset[str]:
    return frozenset(row["word"] for row in load_table("metric_coordinators"))


# The last clause end before a position, found by one search backwards instead of a match per character
_LAST_CLAUSE_END = regex.compile(CLAUSE_END_CHAR, regex.REVERSE)
_CLAUSE_REACH = 80


def _clause_start(text: str, at: int) -> int:
    m = _LAST_CLAUSE_END.search(text, max(0, at - _CLAUSE_REACH + 1), at)
    return m.start() + 1 if m else max(0, at - _CLAUSE_REACH)


def assign_metric(doc, mentions, figures) -> None:
    text = doc.text
    rows, pattern = _words()
    previous_money_end = -1
    for mention, figure in sorted(zip(mentions, figures), key=lambda pair: pair[0].start):
        start = _clause_start(text, min(mention.start, mention.number_start))
        end = mention.end if mention.kind == "count" else mention.number_start
        if mention.kind == "money":
            # 对总投资10亿元以上的项目给予最高500万元奖励: 总投资 is the 10亿元's, not the 500万元's.
            if start <= previous_money_end <= end and text[previous_money_end:mention.start] not in _coordinators():
                start = previous_money_end   # (5亿元及3000万美元以上项目: coordinated amounts share the words)
            previous_money_end = mention.end
        metric = stage = None
        words = []
        for m in pattern.finditer(text, start, end):
            row = rows[m.group()]
            words.append(m.group())
            if row["metric"]:
                metric = row["metric"]
            if row["stage"]:
                stage = row["stage"]
        if mention.kind == "count":
            metric = _COUNT_METRIC[mention.counted]
        figure.metric, figure.stage = metric, stage
        figure.metric_text = "".join(dict.fromkeys(words)) or None
