"""Outcomes: reports linked to the targets they speak of, with progress and status as of a date.

A report speaks of a target when it is about the same unit today (港闸 2020 and 崇川 2024 are one
unit), counts the same thing (projects or enterprises, or the same metric and currency of money),
at the same stage (签约 and 招引 are one step, see rules/tracking_stages.tsv), in the same class
of project (the same thresholds: 亿元以上), and covers the target's period from its start (a 1-5月
report on a 2025 goal, a 一季度 report on a 一季度 goal). It is published no earlier than the target.

Status as of a date (the analyst's, default today), from the latest report known by then:
  achieved   reported ≥ target
  on_track   progress ≥ the share of the period gone by the report's date (序时进度)
  behind     progress below it
  overdue    the deadline has passed and the latest known report falls short
  no_report  no report known yet (before or after the deadline: days_left tells which)
"""
from __future__ import annotations

from datetime import date
from typing import Optional

import pandas as pd

from extract.tracking.periods import Period, covers, elapsed_share

STATUSES = ("achieved", "on_track", "behind", "overdue", "no_report")
MATCH_KEYS = ("region_today", "measure", "metric", "stage_class", "threshold_key", "currency_key")
CAPS = ("at_most", "less_than")

OUTCOME_COLUMNS = ("outcome_id", "outcome_doc", "outcome_doc_date", "outcome_text", "outcome_sentence",
                   "outcome_period_label", "reported_value", "reported_qualifier", "reported_on", "reports", "progress", "time_share",
                   "status", "days_left")


def _keyed(goals: pd.DataFrame) -> pd.DataFrame:
    out = goals.copy()
    out["currency_key"] = out["amount_currency"].where(out["measure"] == "amount", "")
    for key in MATCH_KEYS:
        out[key] = out[key].fillna("").astype(str)
    return out


def _period(row, prefix: str = "") -> Optional[Period]:
    start, end = row[f"{prefix}period_start"], row[f"{prefix}period_end"]
    if not isinstance(start, str) or not isinstance(end, str):
        return None
    return Period(row[f"{prefix}period_kind"], date.fromisoformat(start), date.fromisoformat(end))


def _day(value) -> Optional[date]:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def link_outcomes(targets: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """Every (target, report) pair that speaks of the same thing: one row per pair, the target's
    columns, then the report's prefixed with `outcome_`."""
    left = _keyed(targets)
    right = _keyed(facts)
    left = left[(left["region_today"] != "") & left["period_start"].notna()]
    right = right[(right["region_today"] != "") & right["period_start"].notna()]
    right = right.rename(columns={c: f"outcome_{c}" for c in right.columns if c not in MATCH_KEYS})
    pairs = left.merge(right, on=list(MATCH_KEYS), how="inner")
    if pairs.empty:
        return pairs

    def speaks_of(row) -> bool:
        target, report = _period(row), _period(row, "outcome_")
        if target is None or report is None or not covers(target, report):
            return False
        set_on, reported_on = _day(row["doc_date"]), _day(row["outcome_doc_date"])
        return set_on is None or reported_on is None or reported_on >= set_on

    return pairs[pairs.apply(speaks_of, axis=1)].reset_index(drop=True)


def _for_year(targets: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Annual goals (每年) are tracked for the year of `as_of`, from the year they were set."""
    out = targets.copy()
    for index, row in out[out["is_annual"] == True].iterrows():  # noqa: E712
        set_on = _day(row["doc_date"])
        if set_on is not None and set_on.year > as_of.year:
            continue
        year = Period("year", date(as_of.year, 1, 1), date(as_of.year, 12, 31))
        out.loc[index, ["period_kind", "period_start", "period_end", "period_label", "deadline"]] = [
            "year", year.start.isoformat(), year.end.isoformat(), f"{year.label()}（每年）", year.end.isoformat()]
    return out


def _known_by(links: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """The reports published by `as_of` (a report without a date counts once its period is over)."""
    def known(row) -> bool:
        published = _day(row["outcome_doc_date"])
        return (published or _day(row["outcome_period_end"])) <= as_of
    return links[links.apply(known, axis=1)] if not links.empty else links


def _reported_on(row) -> date:
    """The day a report's numbers stand at: its period's end, or its publication if that is earlier."""
    end = _day(row["outcome_period_end"])
    published = _day(row["outcome_doc_date"])
    return min(end, published) if published else end


def status(target_value: float, qualifier: Optional[str], reported: Optional[float], share: Optional[float],
           deadline: Optional[date], as_of: date) -> str:
    """One target's status (see the module's docstring); a cap (不超过) is met while under it."""
    past_due = deadline is not None and as_of > deadline
    if reported is None:
        # no report is no evidence of failure: a missing result is not called overdue
        return "no_report"
    if qualifier in CAPS:
        if reported > target_value:
            return "overdue" if past_due else "behind"
        return "achieved" if past_due else "on_track"
    if reported >= target_value:
        return "achieved"
    if past_due:
        return "overdue"
    return "on_track" if reported / target_value >= (share or 0.0) else "behind"


def match_outcomes(targets: pd.DataFrame, facts: pd.DataFrame, as_of: Optional[date] = None) -> pd.DataFrame:
    """The targets with their latest known report, progress (reported ÷ target), the share of time
    gone at the report's date, status and days left, as of `as_of` (default today).

    `facts` are reported goals (facts_from_figures); figures straight from the store or the pipeline
    are grouped first.
    """
    from extract.tracking.goals import facts_from_figures

    as_of = as_of or date.today()
    if "goal_id" not in facts.columns:
        facts = facts_from_figures(facts)
    current = _for_year(targets, as_of)
    links = _known_by(link_outcomes(current, facts), as_of)
    if not links.empty:
        links = links.assign(outcome_reported_on=links.apply(_reported_on, axis=1))
        links = links.sort_values(["outcome_reported_on", "outcome_doc_date", "outcome_start"],
                                  na_position="first", kind="stable")
    rows = []
    for _, target in current.iterrows():
        mine = links[links["goal_id"] == target["goal_id"]] if not links.empty else links
        latest = mine.iloc[-1] if len(mine) else None
        value_column = "count_value" if target["measure"] == "count" else "amount_value"
        target_value = float(target[value_column])
        period = _period(target)
        deadline = _day(target["deadline"]) or (period.end if period else None)
        reported = reported_on = share = progress = None
        if latest is not None:
            reported = float(latest[f"outcome_{value_column}"])
            reported_on = latest["outcome_reported_on"]
            share = elapsed_share(period, reported_on)
            progress = reported / target_value if target_value else None
        rows.append({
            "outcome_id": None if latest is None else latest["outcome_goal_id"],
            "outcome_doc": None if latest is None else latest["outcome_doc"],
            "outcome_doc_date": None if latest is None else latest["outcome_doc_date"],
            "outcome_text": None if latest is None else latest["outcome_text"],
            "outcome_sentence": None if latest is None else latest["outcome_sentence"],
            "outcome_period_label": None if latest is None else latest["outcome_period_label"],
            "reported_value": reported,
            # 突破/超过: the result is at least this much, so progress is a lower bound
            "reported_qualifier": None if latest is None else latest[f"outcome_{target['measure']}_qualifier"],
            "reported_on": None if reported_on is None else reported_on.isoformat(),
            "reports": len(mine),
            "progress": progress,
            "time_share": share,
            "status": status(target_value, target[f"{target['measure']}_qualifier"], reported, share, deadline,
                             as_of),
            "days_left": None if deadline is None else (deadline - as_of).days,
        })
    outcome = pd.DataFrame(rows, columns=list(OUTCOME_COLUMNS), index=current.index)
    return pd.concat([current, outcome], axis=1).reset_index(drop=True)
