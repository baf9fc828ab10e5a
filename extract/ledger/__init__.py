"""The target ledger: what each region promised, the reports that answer it, and how far it got.

    ledger = build_ledger(figures, as_of=date(2025, 6, 30))
    ledger.targets        # one row per target, with its latest report, progress and status
    ledger.observations   # one row per fact (a figure repeated in a text or across texts is one)
    ledger.links          # one row per link (target -> report) and per completion rate
    ledger.jsonl_rows()   # the same as JSON Lines objects (`python -m extract ledger`)

Stages: facts (extract.ledger.facts) -> indicators -> rates -> observations -> links -> status.
Rules are data: rules/ledger_*.tsv.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Iterable, Optional, Union

import pandas as pd

from extract.ledger.facts import Fact, facts_of, present, read_documents
from extract.ledger.goals import mark_targets
from extract.ledger.indicators import document_zones, read_indicator
from extract.ledger.labels import LABELS, STATUSES, label
from extract.ledger.links import Link, link
from extract.ledger.observations import Observation, merge
from extract.ledger.rates import Rate, read_rates
from extract.ledger.reader import read_more
from extract.ledger.status import standing
from extract.record import FIELDS
from extract.ledger.periods import Period

__all__ = ["LABELS", "STATUSES", "Ledger", "build_ledger", "label"]

TARGET_COLUMNS = (
    "target_id", "region", "region_label", "province", "city", "county", "zone", "indicator_id", "indicator_label",
    "measure", "object", "size_class", "unit", "period_label", "period_start", "deadline", "target_value",
    "qualifier", "latest_value", "latest_as_of", "latest_doc", "latest_start", "latest_end", "progress",
    "time_share", "status", "reason", "link_kind", "n_reports", "doc", "doc_date", "start", "end", "text",
    "sentence", "n_sources",
)
OBSERVATION_COLUMNS = (
    "observation_id", "indicator_id", "indicator_label", "is_target", "value", "qualifier", "as_of", "deadline",
    "region", "region_label", "province", "city", "county", "zone", "measure", "object", "size_class", "unit",
    "period_label", "period_start", "period_end", "rate", "implied_target", "doc", "doc_date", "start", "end",
    "text", "sentence", "n_sources", "sources",
)
LINK_COLUMNS = (
    "kind", "target_doc", "target_start", "target_end", "outcome_doc", "outcome_start", "outcome_end", "doc",
    "progress", "implied_target", "link", "target_id", "outcome_id", "region", "region_label", "indicator",
    "period", "target_value", "latest_value", "outcome_as_of", "final", "status", "reason", "rate_text",
    "target_text", "outcome_text",
)


def _frame(figures) -> pd.DataFrame:
    if isinstance(figures, pd.DataFrame):
        return figures
    # the fields of each Figure as they are (to_dict's deep copy is the slow part of a large batch)
    rows = [dict(vars(f)) if hasattr(f, "to_dict") else dict(f) for f in figures]
    return pd.DataFrame(rows, columns=list(FIELDS))


def region_label(record: dict, zone: str = "") -> str:
    """海门区（南通市）, 通州区（北京市）, 启东经济开发区（启东市）, 扬州市: today's unit by its own name with
    the unit above it (two 通州区 are two places), a zone with its unit."""
    names = [str(record.get(k)) for k in ("province", "city", "county") if present(record.get(k)) and record.get(k)]
    names = [n for k, n in enumerate(names) if n not in names[:k]]
    if zone:
        return f"{zone}（{names[-1]}）" if names and names[-1] != zone else zone
    if not names:
        return "（未定位）"
    county = record.get("county")
    return f"{names[-1]}（{names[-2]}）" if present(county) and county and len(names) > 1 else names[-1]


def _iso(day) -> Optional[str]:
    return day.isoformat() if day else None


def _indicator_label(ind) -> str:
    """签约1亿元以上项目, 到位资金（CNY）; 企业（环节未识别） where the words name no measure."""
    measure = label(ind.measure) if ind.measure else ""
    size = label(ind.size_class) if ind.size_class else ""
    text = f"{measure}{size}{label(ind.object)}" if ind.unit in ("projects", "enterprises") \
        else f"{measure or '金额'}（{ind.unit}）"
    return text if measure else f"{text}（环节未识别）"


class Ledger:
    def __init__(self, observations: list[Observation], links: list[Link], as_of: date):
        self.as_of = as_of
        self._observations = observations
        self._links = links
        self._standing = {o.observation_id: standing(o, as_of) for o in observations if o.is_target}
        self._commons: dict[int, dict] = {}
        self.observations = self._observation_frame()
        self.targets = self._target_frame()
        self.links = pd.DataFrame(self.jsonl_rows(), columns=list(LINK_COLUMNS))

    # -- tables --------------------------------------------------------------------------------
    @staticmethod
    def _place(o: Observation) -> dict:
        """The record that names the observation's place (a repeat may place it more precisely)."""
        return next((f.record for f in o.sources if f.record.get("region_today") == o.indicator.region),
                    o.fact.record)

    def _region_label(self, o: Observation) -> str:
        return region_label(self._place(o), o.indicator.zone)

    def _common(self, o: Observation) -> dict:
        """The columns the observation and target tables share, computed once per observation."""
        common = self._commons.get(id(o))
        if common is None:
            common = self._commons[id(o)] = self._common_columns(o)
        return common

    def _common_columns(self, o: Observation) -> dict:
        ind = o.indicator
        place = self._place(o)
        return {
            "indicator_id": ind.indicator_id, "indicator_label": _indicator_label(ind),
            "region": ind.region, "region_label": region_label(place, ind.zone),
            "province": place.get("province"), "city": place.get("city"), "county": place.get("county"),
            "zone": ind.zone,
            "measure": ind.measure, "object": ind.object, "size_class": ind.size_class, "unit": ind.unit,
            "period_label": ind.period_label, "period_start": _iso(ind.period.start if ind.period else None),
            "doc": o.fact.doc.name, "doc_date": _iso(o.doc_date), "start": o.fact.raw_start, "end": o.fact.raw_end,
            "text": o.fact.record.get("text"), "sentence": o.fact.record.get("sentence"), "n_sources": len(o.sources),
        }

    def _observation_frame(self) -> pd.DataFrame:
        rows = []
        for o in self._observations:
            ind = o.indicator
            rows.append({
                **self._common(o), "observation_id": o.observation_id, "is_target": o.is_target, "value": o.value,
                "qualifier": o.fact.record.get("qualifier"),
                "as_of": None if o.is_target else _iso(o.as_of),
                "deadline": _iso(ind.period.end) if o.is_target and ind.period else None,
                "period_end": _iso(ind.period.end if ind.period else None),
                "rate": o.rate.progress if o.rate else None,
                "implied_target": o.rate.implied_target if o.rate else None,
                "sources": "; ".join(f"{f.doc.name}[{f.raw_start}:{f.raw_end}]" for f in o.sources),
            })
        return pd.DataFrame(rows, columns=list(OBSERVATION_COLUMNS))

    def _target_frame(self) -> pd.DataFrame:
        rows = []
        for o in self._observations:
            if not o.is_target:
                continue
            s = self._standing[o.observation_id]
            latest = s.latest
            rows.append({
                **self._common(o), "target_id": o.observation_id,
                "deadline": _iso(o.indicator.period.end if o.indicator.period else None),
                "target_value": o.value, "qualifier": o.fact.record.get("qualifier"),
                "latest_value": latest.report.value if latest else None,
                "latest_as_of": _iso(latest.report.as_of) if latest else None,
                "latest_doc": latest.report.fact.doc.name if latest else None,
                "latest_start": latest.report.fact.raw_start if latest else None,
                "latest_end": latest.report.fact.raw_end if latest else None,
                "progress": latest.progress if latest else float("nan"),
                "time_share": s.time_share, "status": s.status,
                "reason": s.reason + (f"；{latest.reason}" if latest else ""),
                "link_kind": latest.kind if latest else None, "n_reports": len(o.links),
            })
        frame = pd.DataFrame(rows, columns=list(TARGET_COLUMNS))
        frame["progress"] = pd.to_numeric(frame["progress"], errors="coerce")
        return frame

    def _rate_statements(self):
        """Each report with a rate, once per article that states the rate (quoted where it is)."""
        for o in self._observations:
            if o.is_target:
                continue
            seen = set()
            for fact in [o.fact] + o.sources:
                if fact.rate is not None and fact.doc.name not in seen:
                    seen.add(fact.doc.name)
                    yield o, fact

    def jsonl_rows(self) -> list[dict]:
        rows = []
        for k in self._links:
            t, r = k.target, k.report
            s = self._standing[t.observation_id]
            rows.append({
                "kind": "pair", "target_doc": t.fact.doc.name, "target_start": t.fact.raw_start,
                "target_end": t.fact.raw_end, "outcome_doc": r.fact.doc.name, "outcome_start": r.fact.raw_start,
                "outcome_end": r.fact.raw_end, "progress": k.progress, "link": k.kind,
                "target_id": t.observation_id, "outcome_id": r.observation_id, "region": t.indicator.region,
                "region_label": self._region_label(t), "indicator": _indicator_label(t.indicator),
                "period": t.indicator.period_label, "target_value": t.value, "latest_value": r.value,
                "outcome_as_of": _iso(r.as_of), "final": k.final, "status": s.status, "reason": k.reason,
                "target_text": t.fact.record.get("text"), "outcome_text": r.fact.record.get("text"),
            })
        for o, fact in self._rate_statements():
            rate = fact.rate
            row = {
                "kind": "rate", "doc": fact.doc.name, "outcome_start": fact.raw_start, "outcome_end": fact.raw_end,
                "progress": rate.progress, "implied_target": rate.implied_target, "outcome_id": o.observation_id,
                "region": o.indicator.region, "region_label": self._region_label(o),
                "indicator": _indicator_label(o.indicator), "period": o.indicator.period_label,
                "latest_value": o.value, "outcome_as_of": _iso(o.as_of),
                "reason": f"同句写明完成进度“{rate.text}”", "rate_text": rate.text,
                "outcome_text": fact.record.get("text"),
            }
            if rate.stated is not None:
                row.update(target_start=rate.stated.raw_start, target_end=rate.stated.raw_end,
                           target_value=rate.stated.value, target_text=rate.stated.record.get("text"))
            rows.append(row)
        return rows


_NAMES_YEAR = re.compile(r"\d|[今明本去上]年")


def _year_of_reports_beside(facts: list[Fact]) -> None:
    """A target stated beside a report of its indicator in one sentence, with no year of its own
    (全年目标149项,1-11月认定125项 in a January review), is for the report's year."""
    for target in facts:
        period = target.indicator.period
        words = target.record.get("deadline_text")
        if not target.is_target or period is None or period.kind != "year" or \
                (present(words) and _NAMES_YEAR.search(str(words))):
            continue
        sentence = target.doc.sentence(target.start)
        for report in facts:
            r = report.indicator
            if report.is_target or r.period is None or r.series != target.indicator.series \
                    or report.doc.sentence(report.start) != sentence or r.period.start.year == period.start.year:
                continue
            year = r.period.start.year
            target.indicator = replace(target.indicator, period=Period("year", date(year, 1, 1), date(year, 12, 31)))
            break


_PART_OF = re.compile(r"其中")


def _parts_of_reports(facts: list[Fact], rates: list[Rate]) -> list[Fact]:
    """The parts (其中) of a figure reported with its completion rate are reported too: 外资项目9个,
    完成序时任务的164%,其中,包括3个总投资超亿美元的重大外资项目."""
    parts = []
    for rate in rates:
        sentence = rate.fact.doc.sentence(rate.fact.start)
        text = rate.fact.doc.norm.text
        for fact in facts:
            if fact.is_target and rate.end <= fact.start < sentence[1] and _PART_OF.search(text, rate.end, fact.start):
                parts.append(fact)
    return parts


def _read(frame: pd.DataFrame, texts: Optional[dict[str, str]]) -> list[Fact]:
    """The facts of every document, each with its indicator and, where the text gives one, its rate."""
    facts_all = []
    for document, rows in read_documents(frame, texts):
        facts = facts_of(document, rows)
        thresholds: dict = {}
        for r in rows:
            if r.get("kind") == "money" and r.get("role") == "threshold" and present(r.get("group")):
                thresholds.setdefault(r["group"], []).append(r)
        zones = document_zones(rows)
        sets = mark_targets(facts)

        def indicator_of(fact: Fact):
            group = fact.record.get("group")
            mine = thresholds.get(group, []) if present(group) else []
            return read_indicator(fact, facts, mine, zones, sets.get(id(fact)))

        for fact in facts:
            fact.indicator = indicator_of(fact)
        rates = read_rates(facts)
        for part in _parts_of_reports(facts, rates):
            part.is_target = False
            part.indicator = indicator_of(part)
        for rate in rates:
            fact = rate.fact
            if fact.is_target:
                # a figure with its own completion rate is a report of progress, whatever its verb
                fact.is_target = False
                fact.indicator = indicator_of(fact)
            if rate.stated is not None:
                period = fact.indicator.period
                year = Period("year", period.start.replace(month=1, day=1), period.start.replace(month=12, day=31)) \
                    if period else None
                rate.stated.indicator = replace(fact.indicator, period=year)
                if rate.stated not in facts:
                    facts.append(rate.stated)
        _year_of_reports_beside(facts)
        facts_all += facts
    return facts_all


def _with_readings(frame: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """The records plus the ledger's own readings of each text (extract.ledger.reader)."""
    # each document's first known date, found in one pass over the records
    dated = frame[["doc", "doc_date"]].dropna(subset=["doc_date"]).drop_duplicates("doc") if not frame.empty else None
    first_date = dict(zip(dated["doc"], dated["doc_date"])) if dated is not None else {}
    extra = []
    for name, text in sorted(texts.items()):
        known = first_date.get(name)
        extra += read_more(name, text, str(known) if known is not None else None)
    if not extra:
        return frame
    return pd.concat([frame, pd.DataFrame(extra)], ignore_index=True) if not frame.empty else pd.DataFrame(extra)


def build_ledger(figures: Union[pd.DataFrame, Iterable], *, as_of: Optional[date] = None,
                 texts: Optional[dict[str, str]] = None) -> Ledger:
    """The ledger of `figures` (records of extract.record, as Figures or a DataFrame) as of `as_of`
    (default today). `texts` (document name -> raw text), when given, lets the ledger read whole
    documents: the words between the quoted sentences, and the figures of goal and rate sentences the
    extraction grammar leaves out (extract.ledger.reader). Without them it reads the records' sentences."""
    frame = _frame(figures)
    if texts:
        frame = _with_readings(frame, texts)
    observations = merge(_read(frame, texts))
    return Ledger(observations, link(observations), as_of or date.today())
