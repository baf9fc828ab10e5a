"""Goals: the figures of one group read as one goal (a target) or one reported result (a fact).

A group is what the context step ties together: "超10亿元项目不少于30个" is a threshold (10亿元)
and the count it qualifies (30 projects); "25个重大项目、总投资130亿元" is a count and the amount
it sums. One row per group, with the count, the amount and the thresholds side by side, its
region (as written and today's), metric, stage, period and where it was written.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import pandas as pd

from extract.rules import load_table
from extract.tracking.periods import Period, report_period, target_period

STAGE_TABLE = "tracking_stages"
COUNT_METRICS = {"项目": "project_count", "企业": "enterprise_count"}

GOAL_COLUMNS = (
    "goal_id", "doc", "doc_id", "doc_date", "region", "region_as_written", "region_today", "province", "city",
    "county", "adcode", "measure", "metric", "stage", "stage_class", "count_value", "count_value_max",
    "count_qualifier", "counted", "amount_value", "amount_currency", "amount_qualifier", "amount_metric",
    "threshold_value", "threshold_currency", "threshold_qualifier", "threshold_key", "threshold_text",
    "is_target", "strength", "deadline", "deadline_text", "is_annual", "period_kind", "period_start",
    "period_end", "period_label", "text", "sentence", "sentence_start", "start", "end",
)


@lru_cache(maxsize=1)
def stage_classes() -> dict[str, str]:
    return {row["stage"]: row["stage_class"] for row in load_table(STAGE_TABLE)}


def _present(value) -> bool:
    if value is None or value is pd.NA:
        return False
    try:
        return not pd.isna(value)
    except (TypeError, ValueError):
        return True


def _value(value):
    return value if _present(value) else None


def _first(rows: list[dict], field: str):
    for row in rows:
        if _present(row.get(field)):
            return row[field]
    return None


def _number_text(value: float) -> str:
    return f"{value:g}"


def _threshold_class(threshold: dict) -> str:
    currency = threshold.get("currency") or ""
    low = _number_text(float(threshold["value"]))
    if _present(threshold.get("value_max")):
        return f"{currency}{low}-{_number_text(float(threshold['value_max']))}"     # 1亿-5亿元项目
    below = threshold.get("qualifier") in ("at_most", "less_than")
    return f"{currency}{'≤' if below else '≥'}{low}"


def threshold_key(thresholds: list[dict]) -> str:
    """The class of projects a goal counts: "CNY≥1e+09" for 超10亿元 and 10亿元以上 alike (news
    writers use both for one class), "CNY≤1e+08" for 亿元以下, "CNY1e+08-5e+08" for 1亿-5亿元,
    "" for no threshold; two thresholds joined by "+"."""
    return "+".join(sorted({_threshold_class(t) for t in thresholds}))


def _period_columns(period: Optional[Period]) -> dict:
    if period is None:
        return {"period_kind": None, "period_start": None, "period_end": None, "period_label": None}
    return {"period_kind": period.kind, "period_start": period.start.isoformat(),
            "period_end": period.end.isoformat(), "period_label": period.label()}


def _goal(rows: list[dict]) -> Optional[dict]:
    counts = [r for r in rows if r.get("kind") == "count"]
    amounts = [r for r in rows if r.get("kind") == "money" and r.get("role") != "threshold"]
    thresholds = [r for r in rows if r.get("kind") == "money" and r.get("role") == "threshold"]
    primary = counts[0] if counts else (amounts[0] if amounts else None)
    if primary is None or not _present(primary.get("is_target")):
        return None
    count = counts[0] if counts else None
    amount = amounts[0] if amounts else None
    is_target = bool(primary["is_target"])
    stage = _value(primary.get("stage")) or _first(counts + thresholds + amounts, "stage")
    if count is not None:
        metric = _value(count.get("metric")) or COUNT_METRICS.get(_value(count.get("counted")) or "")
    else:
        metric = _value(amount.get("metric"))
    dated = [primary] + [r for r in rows if r is not primary]
    deadline_row = next((r for r in dated if _present(r.get("deadline")) or bool(_value(r.get("is_annual")))),
                        primary)
    is_annual = bool(_value(deadline_row.get("is_annual")))
    if is_target:
        # an annual goal is tracked year by year, so its period is set when it is matched
        period = None if is_annual else target_period(_value(deadline_row.get("deadline_text")),
                                                      _value(deadline_row.get("deadline")),
                                                      _value(primary.get("doc_date")))
    else:
        period = report_period(primary.get("sentence") or "",
                               int(primary["start"]) - int(primary.get("sentence_start") or 0),
                               _value(primary.get("doc_date")))
    threshold = thresholds[0] if thresholds else None
    goal = {
        "doc": primary.get("doc"), "doc_id": _value(primary.get("doc_id")), "doc_date": _value(primary.get("doc_date")),
        **{f: _value(primary.get(f)) for f in ("region", "region_as_written", "region_today", "province", "city",
                                               "county", "adcode")},
        "measure": "count" if count is not None else "amount",
        "metric": metric, "stage": stage, "stage_class": stage_classes().get(stage or "", stage),
        "count_value": _value(count.get("value")) if count else None,
        "count_value_max": _value(count.get("value_max")) if count else None,
        "count_qualifier": count.get("qualifier") if count else None,
        "counted": _value(count.get("counted")) if count else None,
        "amount_value": _value(amount.get("value")) if amount else None,
        "amount_currency": _value(amount.get("currency")) if amount else None,
        "amount_qualifier": amount.get("qualifier") if amount else None,
        "amount_metric": _value(amount.get("metric")) if amount else None,
        "threshold_value": _value(threshold.get("value")) if threshold else None,
        "threshold_currency": _value(threshold.get("currency")) if threshold else None,
        "threshold_qualifier": threshold.get("qualifier") if threshold else None,
        "threshold_key": threshold_key(thresholds),
        "threshold_text": "、".join(t.get("text") or "" for t in thresholds) or None,
        "is_target": is_target,
        "strength": _value(primary.get("strength")) if is_target else None,
        "deadline": _value(deadline_row.get("deadline")) if is_target else None,
        "deadline_text": _value(deadline_row.get("deadline_text")) if is_target else None,
        "is_annual": is_annual,
        **_period_columns(period),
        "text": primary.get("text"), "sentence": primary.get("sentence"),
        "sentence_start": _value(primary.get("sentence_start")), "start": _value(primary.get("start")),
        "end": _value(primary.get("end")),
    }
    group = _value(primary.get("group"))
    goal["goal_id"] = f"{goal['doc_id'] or goal['doc']}#{int(group) if group is not None else 'f' + str(goal['start'])}"
    return goal


def goals_from_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per group of figures that has a count or an amount and is read as a target or a fact."""
    if figures.empty:
        return pd.DataFrame(columns=GOAL_COLUMNS)
    frame = figures.copy()
    doc_key = frame["doc_id"] if "doc_id" in frame else frame["doc"]
    # figures in no group stand alone
    group_key = frame["group"].astype("object").where(frame["group"].notna(), "f" + frame["start"].astype(str))
    goals = []
    for _, part in frame.groupby([doc_key, group_key.astype(str)], sort=False):
        rows = part.sort_values("start").to_dict("records")
        goal = _goal(rows)
        if goal is not None:
            goals.append(goal)
    out = pd.DataFrame(goals, columns=list(GOAL_COLUMNS))
    return out.sort_values(["doc", "start"], kind="stable").reset_index(drop=True)


def targets_from_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """The targets: one row per goal (a group whose count or amount is a target)."""
    goals = goals_from_figures(figures)
    return goals[goals["is_target"] == True].reset_index(drop=True)  # noqa: E712 (a column of objects)


def facts_from_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """The reported results, grouped the same way, with the period each one covers."""
    goals = goals_from_figures(figures)
    return goals[goals["is_target"] == False].reset_index(drop=True)  # noqa: E712
