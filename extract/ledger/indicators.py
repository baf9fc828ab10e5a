"""Indicators: what each fact measures, where, in which class, and for which period.

Read from the words around the figure (rules/ledger_measures.tsv, ledger_objects.tsv,
ledger_subunits.tsv, ledger_batches.tsv) and from its record (region, thresholds of its group, deadline):

    region      today's unit (港闸 2020 and 崇川 2024 are one), and the zone or town the text names
    measure     signed, started, completed, funds in place, investment done, revenue ...
    object      what a count counts (projects, enterprises) with its sector or origin words
    size_class  the threshold of the counted projects (超5亿元, 5亿元及3000万美元以上)
    unit        项目/企业 for counts, the currency for amounts
    period      the span a target is for or a report covers (2025年, 一季度, 1-5月)
    batch       the one event's batch of projects it is of (此次集中开工的10个项目), linked only within it

Two facts are the same indicator only when all of these agree (`series` and the period).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

import regex

from extract.ledger.facts import CLAUSE_MARK, Fact, present
from extract.normalize import normalize
from extract.rules import load_table
from extract.ledger.periods import Period, find_period_words, period_of, report_period, target_period

COUNTED = {"项目": "projects", "企业": "enterprises"}
# period words a target can be set for (截至1月底 before a target is when it was counted, not its span)
TARGET_PERIOD_KINDS = ("quarter", "half", "year", "plan", "years")
_NUMBER = regex.compile(r"[0-9.]+|[零一二两三四五六七八九十百千万亿]+")


@dataclass(frozen=True)
class Indicator:
    region: str
    zone: str
    measure: str
    family: str
    object: str
    size_class: str
    unit: str
    period: Optional[Period]
    batch: str = ""     # the event's batch of projects the figure is of (rules/ledger_batches.tsv), else ''

    @property
    def series(self) -> tuple:
        """Everything but the period: a target and its reports share it."""
        return (self.region, self.zone, self.measure, self.object, self.size_class, self.unit, self.batch)

    @property
    def period_label(self) -> str:
        return self.period.label() if self.period else ""

    @property
    def indicator_id(self) -> str:
        parts = [self.region, self.zone, self.measure, self.object, self.size_class, self.unit, self.period_label]
        return "|".join(parts + ([self.batch] if self.batch else []))


@lru_cache(maxsize=1)
def untracked_measures() -> frozenset[str]:
    """Measures that are no goal of a period (rules/ledger_measures.tsv, tracked = no)."""
    return frozenset(r["measure"] for r in load_table("ledger_measures") if r["tracked"] == "no")


@dataclass(frozen=True)
class Measure:
    measure: str
    family: str
    as_fact: str    # the measure when the figure is no goal ('' : the same)

    def of(self, is_target: bool) -> tuple[str, str]:
        """(measure, family) of a goal or of a fact: 计划投资 stated as a fact is the projects' size."""
        return (self.measure, self.family) if is_target or not self.as_fact else (self.as_fact, self.as_fact)


@lru_cache(maxsize=2)
def _measures(kind: str = "money") -> tuple[regex.Pattern, dict[str, Measure]]:
    """The measure words a figure of `kind` can have (a count is never measured by 总投资)."""
    rows = [r for r in load_table("ledger_measures") if kind == "money" or r["of"] == "both"]
    words = sorted({r["word"] for r in rows}, key=len, reverse=True)
    return (regex.compile("|".join(regex.escape(w) for w in words)),
            {r["word"]: Measure(r["measure"], r["family"], r["as_fact"] or "") for r in rows})


@lru_cache(maxsize=1)
def _batch_words() -> regex.Pattern:
    """A batch word that the projects or enterprises follow (此次集中开工的10个重点项目; not 此次会议提出)."""
    words = "|".join(regex.escape(r["word"]) for r in load_table("ledger_batches"))
    return regex.compile(rf"(?:{words}).*?(?:项目|企业)")


@lru_cache(maxsize=1)
def _objects() -> tuple[regex.Pattern, dict[str, tuple[str, str]]]:
    rows = load_table("ledger_objects")
    words = sorted({r["word"] for r in rows}, key=len, reverse=True)
    return (regex.compile("|".join(regex.escape(w) for w in words)),
            {r["word"]: (r["code"], r["kind"]) for r in rows})


@lru_cache(maxsize=1)
def _subunit_endings() -> tuple[str, ...]:
    return tuple(r["suffix"] for r in load_table("ledger_subunits"))


@lru_cache(maxsize=1)
def _subject_endings() -> tuple[str, ...]:
    return tuple(r["suffix"] for r in load_table("ledger_subunits") if r["subject"] == "yes")


def words_in(pattern: regex.Pattern, text: str) -> list[regex.Match]:
    """Every match at every position (a longer word at a later start is not hidden by an earlier one)."""
    return list(pattern.finditer(text, overlapped=True))


def nearest_measure(text: str, kind: str = "money") -> Optional[Measure]:
    """The measure word that ends last in `text` (the longer on a tie)."""
    pattern, table = _measures(kind)
    found = words_in(pattern, text)
    if not found:
        return None
    best = max(found, key=lambda m: (m.end(), m.end() - m.start()))
    return table[best.group()]


def first_measure(text: str, kind: str = "money") -> Optional[Measure]:
    pattern, table = _measures(kind)
    found = words_in(pattern, text)
    if not found:
        return None
    best = min(found, key=lambda m: (m.start(), -(m.end() - m.start())))
    return table[best.group()]


def number_span(fact: Fact) -> tuple[int, int]:
    """The normalised span of the fact's numeral with its unit character (309个 in 项目309个)."""
    text = fact.doc.norm.text
    m = _NUMBER.search(text, fact.start, fact.end)
    if m is None:
        return fact.start, fact.end
    end = m.end()
    while end < fact.end and not text[end].isdigit() and text[end] in "个项家亿万元美港欧日":
        end += 1
    return m.start(), end


def subunit(written) -> str:
    """The zone or town a region as written names (启东经济开发区), else ''."""
    return _subunit_of(str(written)) if present(written) else ""


@lru_cache(maxsize=4096)
def _subunit_of(written: str) -> str:
    # a few thousand places are written over and over: each is normalised once
    name = normalize(written).text
    return name if name.endswith(_subunit_endings()) else ""


def threshold_class(rows: list[dict]) -> str:
    """The size class of a group's thresholds: CNY≥1e+08 (亿元以上, 超亿元), CNY≥5e+08|USD≥3e+07
    (5亿元及3000万美元以上), CNY1e+08-5e+08 (1亿-5亿元)."""
    parts = set()
    for t in rows:
        currency = t.get("currency") or ""
        low = f"{float(t['value']):g}"
        if present(t.get("value_max")):
            parts.add(f"{currency}{low}-{float(t['value_max']):g}")
        else:
            below = t.get("qualifier") in ("at_most", "less_than")
            parts.add(f"{currency}{'≤' if below else '≥'}{low}")
    return "|".join(sorted(parts))


def _target_period(fact: Fact, before: str, after: str) -> Optional[Period]:
    record = fact.record
    reference = fact.doc.doc_date
    deadline = record.get("deadline")
    if present(deadline) and fact.source == "figure":
        return target_period(record.get("deadline_text") if present(record.get("deadline_text")) else None,
                             deadline, reference)
    for words in (after, before):
        found = [w for w in find_period_words(words) if w.period in TARGET_PERIOD_KINDS]
        if found:
            # read like a report's words: 全年 in a January review is last year's
            if words is before:
                period = report_period(words[found[-1].start:], found[-1].end - found[-1].start, _iso(reference))
            else:
                period = period_of(found[0], reference, is_target=True)
            if period is not None:
                return period
    if reference is not None:
        return Period("year", date(reference.year, 1, 1), date(reference.year, 12, 31))
    return None


def _iso(day: Optional[date]) -> Optional[str]:
    return day.isoformat() if day else None


def read_indicator(fact: Fact, facts: list[Fact], thresholds: list[dict], doc_zones: dict[str, str],
                   of_set: Optional[Fact] = None) -> Indicator:
    """The indicator of `fact`; `facts` are the other facts of its document (in text order)."""
    text = fact.doc.norm.text
    s_start, s_end = fact.doc.sentence(fact.start)
    num_start, num_end = number_span(fact)
    previous = [f for f in facts if f is not fact and s_start <= number_span(f)[1] <= num_start]
    clause_start = s_start
    for m in CLAUSE_MARK.finditer(text, s_start, num_start):
        clause_start = m.end()
    if previous:
        clause_start = max(clause_start, number_span(previous[-1])[1])
    right_end = num_end
    while right_end < s_end and not CLAUSE_MARK.match(text[right_end]) and not text[right_end].isdigit():
        right_end += 1
    left, right = text[clause_start:num_start], text[num_end:right_end]

    # the noun phrase after a number-first count names its step (244个一季度计划开工项目, 309个重大产业项目签约落户);
    # else the nearest word before it in the sentence does (新签约重大产业项目309个,其中先进制造业重大项目128个)
    record = fact.record
    kind = record.get("kind")
    found = first_measure(right, kind) or nearest_measure(text[s_start:num_start], kind)
    measure = found.of(fact.is_target) if found else ("", "")
    if record.get("kind") == "count":
        base = COUNTED.get(record.get("counted") or "", "projects")
        pattern, table = _objects()
        mods = set()
        for m in words_in(pattern, left + "|" + right):
            # a longer word (省重大) hides the words inside it (重大)
            code, _ = table[m.group()]
            mods.add((m.start(), m.end(), code))
        kept = {code for s, e, code in mods if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _ in mods)}
        # 24个省重大项目已开工13个: the 13 are of the 24's class
        obj = of_set.indicator.object if of_set is not None else "+".join([base] + sorted(kept))
        unit = base
    else:
        obj = "money"
        unit = record.get("currency") or "CNY"
    size = threshold_class(thresholds)
    region = record.get("region_today") if present(record.get("region_today")) else record.get("region")
    region = region if present(region) else ""
    zone = subunit(record.get("region_as_written"))
    if not zone and record.get("region_source") == "document_default":
        # the region was not said near the figure: the article's zone is meant
        zone = doc_zones.get(region, "")
    if fact.is_target:
        period = _target_period(fact, text[s_start:num_start], right)
    else:
        # the words before the set's own noun phrase (截至目前,244个一季度计划开工项目已开工133个: as of now,
        # not the quarter the 244 are planned for)
        cut = number_span(of_set)[0] if of_set is not None else num_start
        period = report_period(text[s_start:s_end], cut - s_start, _iso(fact.doc.doc_date))
    # 此次集中开工的10个重点项目,总投资20亿元,年度投资3.66亿元: the figures of one event's batch
    in_batch = _batch_words().search(text, s_start, right_end)     # 此次集中签约的28个项目: its noun after it
    batch = f"{fact.doc.name}@{s_start}" if in_batch and in_batch.start() < num_start else ""
    return Indicator(region, zone, measure[0], measure[1], obj, size, unit, period, batch)


def document_zones(rows: list[dict]) -> dict[str, str]:
    """For each unit, the one zone or town of it that a document's figures name: the article is
    about that zone, so its figures placed only by the document's default are the zone's (启东 1~5月
    counts of 启东经济开发区); a figure the text places in the whole unit (全区) stays the unit's."""
    zones: dict[str, set] = {}
    for r in rows:
        if r.get("region_source") == "document_default":
            continue
        region = r.get("region_today") if present(r.get("region_today")) else r.get("region")
        zone = subunit(r.get("region_as_written"))
        if present(region) and zone.endswith(_subject_endings()):
            zones.setdefault(region, set()).add(zone)
    return {region: names.pop() for region, names in zones.items() if len(names) == 1}
