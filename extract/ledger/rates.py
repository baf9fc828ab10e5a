"""Rates: progress written beside a figure (完成率261.5%, 已完成年度目标的104%, 占年度目标任务的54%).

The phrases are data (rules/ledger_rates.tsv). A rate belongs to the figure right before it in its
sentence (after any earlier rate of the sentence): 重大项目34个,完成率261.5%. A phrase with several
rates (分别完成…的93.6%和96.97%) gives one to each of as many figures before it, in order. The total
investment of the counted projects is never what a rate measures (产业项目达172个,总投资406.59亿元,
已完成年度目标的104%: the 104% is of the 172 projects). A target written inside the phrase
(全年目标任务(330个和132个)) is read as a target of the same indicator; otherwise the rate implies one
(value ÷ rate).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from extract.ledger.facts import Fact
from extract.rules import load_table

RATE_TABLE = "ledger_rates"
MACROS = {
    "GOAL": r"(?P<goal>[^，,。；;、的()（）]{0,8}?(?:目标任务|目标|任务|计划投资|计划))",
    "STATED": r"(?:[(（](?P<stated>[^)）]{1,40})[)）]|(?P<stated>[0-9.]+(?:个|项|家|亿元|万元|亿美元|万美元)))?",
    "RATES": r"(?P<rates>[0-9]+(?:\.[0-9]+)?%(?:(?:和|、|及|与|,)[0-9]+(?:\.[0-9]+)?%)*)",
}
_PERCENT = regex.compile(r"([0-9]+(?:\.[0-9]+)?)%")
_STATED_FIGURE = regex.compile(r"([0-9]+(?:\.[0-9]+)?)(个|项|家|亿元|万元|亿美元|万美元)")
_SCALE = {"亿元": 1e8, "万元": 1e4, "亿美元": 1e8, "万美元": 1e4}


@dataclass
class Rate:
    start: int                   # normalised span of the phrase
    end: int
    text: str
    progress: float              # 1.04 for 104%
    fact: Optional[Fact] = None
    stated: Optional[Fact] = None      # the target written inside the phrase

    @property
    def implied_target(self) -> Optional[float]:
        if self.fact is None or not self.progress:
            return None
        return self.fact.value / self.progress


@dataclass(frozen=True)
class _Phrase:
    start: int
    end: int
    text: str
    rates: tuple[float, ...]
    stated: tuple[tuple[int, int, float, str], ...]     # normalised span, value, unit of each stated target
    row: int


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[int, regex.Pattern], ...]:
    out = []
    for row, entry in enumerate(load_table(RATE_TABLE)):
        pattern = regex.sub(r"\{(\w+)\}", lambda m: MACROS[m.group(1)], entry["pattern"])
        out.append((row, regex.compile(pattern)))
    return tuple(out)


def find_phrases(text: str, start: int, end: int) -> list[_Phrase]:
    """The rate phrases of text[start:end], leftmost-longest, in text order."""
    found = []
    for row, pattern in _rules():
        for m in pattern.finditer(text, start, end):
            rates = tuple(float(v) / 100 for v in _PERCENT.findall(m.group("rates")))
            stated = ()
            if "stated" in pattern.groupindex and m.captures("stated"):
                offset = m.starts("stated")[-1]
                stated = tuple((offset + s.start(), offset + s.end(), float(s.group(1)) * _SCALE.get(s.group(2), 1),
                                s.group(2)) for s in _STATED_FIGURE.finditer(m.captures("stated")[-1]))
            found.append(_Phrase(m.start(), m.end(), m.group(), rates, stated, row))
    kept: list[_Phrase] = []
    for p in sorted(found, key=lambda p: (p.start, -(p.end - p.start), p.row)):
        if kept and p.start < kept[-1].end:
            continue
        kept.append(p)
    return kept


def read_rates(facts: list[Fact]) -> list[Rate]:
    """The rates of a document's facts (all of one document, in text order); each fact that carries
    one gets it as `fact.rate`."""
    if not facts:
        return []
    doc = facts[0].doc
    text = doc.norm.text
    rates = []
    sentences = sorted({doc.sentence(f.start) for f in facts})
    for s_start, s_end in sentences:
        mine = [f for f in facts if s_start <= f.start < s_end]
        last_end = s_start
        for phrase in find_phrases(text, s_start, s_end):
            before = [f for f in mine if last_end <= f.start and f.end <= phrase.start + 1]
            last_end = phrase.end
            counts = [f for f in before if f.indicator is None or f.indicator.measure != "total_investment"]
            candidates = counts or before
            chosen = candidates[-len(phrase.rates):] if candidates else []
            for k, fact in enumerate(chosen):
                index = len(phrase.rates) - len(chosen) + k
                rate = Rate(phrase.start, phrase.end, phrase.text, phrase.rates[index], fact)
                if len(phrase.stated) == len(phrase.rates):
                    rate.stated = _stated_fact(fact, phrase.stated[index], mine)
                fact.rate = rate
                rates.append(rate)
    return rates


def _stated_fact(outcome: Fact, stated: tuple[int, int, float, str], facts: list[Fact]) -> Fact:
    """A target written inside a rate phrase: the fact read there (its value, marked a target), else
    the outcome's record with the target's value and span."""
    start, end, value, _ = stated
    for fact in facts:
        if fact.start < end and start < fact.end and fact.value == value:
            fact.is_target = True
            return fact
    doc = outcome.doc
    raw_start, raw_end = doc.norm.raw_span(start, end)
    record = {**outcome.record, "start": raw_start, "end": raw_end, "text": doc.norm.raw[raw_start:raw_end],
              "value": value, "is_target": True, "qualifier": "exact"}
    return Fact(doc, record, start, end, source="stated", is_target=True)
