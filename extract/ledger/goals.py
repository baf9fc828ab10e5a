"""Targets the verb of a clause does not tell: a count right after a goal word (全年目标100项), a
count whose noun phrase plans it (244个一季度计划开工项目), and the set of a progress count
(24个省重大项目已开工13个: 24 is what is to be started, 13 how many have been)."""
from __future__ import annotations

from functools import lru_cache

import regex

from extract.ledger.facts import CLAUSE_MARK, Fact
from extract.ledger.indicators import nearest_measure, number_span
from extract.rules import load_table
from extract.ledger.periods import find_period_words

_PROGRESS_OF_SET = regex.compile(r"已(?:经)?\p{Han}{1,4}$")


@lru_cache(maxsize=1)
def _goal_words() -> tuple[regex.Pattern, regex.Pattern]:
    words = "|".join(regex.escape(r["word"]) for r in load_table("ledger_goal_words"))
    return regex.compile(rf"(?:{words})(?:为|是|:)?$"), regex.compile(rf"^[个项家]?[^，,、。；;0-9]{{0,6}}?(?:{words})")


def _counted_so_far(left: str) -> bool:
    """The clause opens with the span a report covers (1-11月, 截至10月底, 前10个月), not a deadline (6月底前)."""
    return any(w.period in ("to_date", "since") and not w.text.endswith("前")
               for w in find_period_words(left))


def mark_targets(facts: list[Fact]) -> dict[int, Fact]:
    """Mark the targets among `facts` (of one document, in text order); return, for each progress
    count, the count of the set it belongs to (keyed by id of the progress fact)."""
    before_goal, after_goal = _goal_words()
    text = facts[0].doc.norm.text if facts else ""
    sets = {}
    for k, fact in enumerate(facts):
        num_start, num_end = number_span(fact)
        s_start, _ = fact.doc.sentence(fact.start)
        clause_start = s_start
        for m in CLAUSE_MARK.finditer(text, s_start, num_start):
            clause_start = m.end()
        left = text[clause_start:num_start]
        if before_goal.search(left) or after_goal.search(text[num_end:fact.end + 8]):
            fact.is_target = True
        elif fact.is_target and _counted_so_far(left):
            # 全年目标149项,1-11月认定125项: a count of the year so far is a report, whatever the goal beside it
            fact.is_target = False
        previous = facts[k - 1] if k else None
        if previous is None or previous.record.get("kind") != "count" or fact.record.get("kind") != "count":
            continue
        prev_end = number_span(previous)[1]
        between = text[prev_end:num_start]
        if prev_end <= num_start and not CLAUSE_MARK.search(between) and _PROGRESS_OF_SET.search(between) \
                and nearest_measure(between):
            previous.is_target = True
            fact.is_target = False
            sets[id(fact)] = previous
    return sets
