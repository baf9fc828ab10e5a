"""Views of the tracked targets for the dashboard and exports: due soon, overdue, districts ranked."""
from __future__ import annotations

import pandas as pd


def due_soon(tracked: pd.DataFrame, within_days: int = 30) -> pd.DataFrame:
    """Targets not yet met whose deadline falls in the next `within_days` days, soonest first."""
    days = pd.to_numeric(tracked["days_left"], errors="coerce")
    rows = tracked[(days >= 0) & (days <= within_days) & (tracked["status"] != "achieved")]
    return rows.sort_values("days_left", kind="stable").reset_index(drop=True)


def overdue(tracked: pd.DataFrame) -> pd.DataFrame:
    """Targets whose deadline has passed with no report showing them met (reported short, or not
    reported at all: the status column tells which), longest overdue first."""
    days = pd.to_numeric(tracked["days_left"], errors="coerce")
    rows = tracked[(days < 0) & (tracked["status"] != "achieved")]
    return rows.sort_values("days_left", kind="stable").reset_index(drop=True)


def region_ranking(tracked: pd.DataFrame) -> pd.DataFrame:
    """Each unit today with its number of targets, how many are met, and the share met; best first.

    Targets with no region are left out: a share for "somewhere" would rank nobody."""
    placed = tracked[tracked["region_today"].notna() & (tracked["region_today"] != "")]
    if placed.empty:
        return pd.DataFrame(columns=["region_today", "province", "city", "county", "targets", "achieved", "reported",
                                     "share_met"])
    grouped = placed.groupby("region_today").agg(
        province=("province", "first"), city=("city", "first"), county=("county", "first"),
        targets=("goal_id", "size"),
        achieved=("status", lambda s: int((s == "achieved").sum())),
        reported=("reports", lambda s: int((s > 0).sum())),
    ).reset_index()
    grouped["share_met"] = grouped["achieved"] / grouped["targets"]
    return grouped.sort_values(["share_met", "achieved", "targets", "region_today"],
                               ascending=[False, False, False, True], kind="stable").reset_index(drop=True)


def apply_filters(tracked: pd.DataFrame, filters) -> pd.DataFrame:
    """The targets the dashboard's sidebar filters keep (a `extract.dashboard.filters.Filters`, read by
    attribute so any object with those fields will do). Kind picks the goal's measure; 目标或实绩 does
    not apply, every row here is a target."""
    keep = pd.Series(True, index=tracked.index)

    def any_of(values, column: pd.Series) -> None:
        nonlocal keep
        if values:
            keep &= column.isin(list(values))

    any_of(getattr(filters, "province", ()), tracked["province"])
    any_of(getattr(filters, "city", ()), tracked["city"])
    county_key = (tracked["city"].fillna(tracked["province"]).fillna("") + "/" + tracked["county"].fillna(""))
    any_of(getattr(filters, "county", ()), county_key.where(tracked["county"].notna()))
    any_of(getattr(filters, "metric", ()), tracked["metric"])
    any_of(getattr(filters, "stage", ()), tracked["stage"])
    kind = getattr(filters, "kind", "all")
    if kind != "all":
        keep &= tracked["measure"] == ("amount" if kind == "money" else "count")
    strength = getattr(filters, "strength", "all")
    if strength != "all":
        keep &= tracked["strength"] == strength
    for column, low, high in (("deadline", "deadline_from", "deadline_to"), ("doc_date", "doc_from", "doc_to")):
        day = pd.to_datetime(tracked[column].astype("string").str[:10], errors="coerce").dt.date
        if getattr(filters, low, None) is not None:
            keep &= day.notna() & (day >= getattr(filters, low))
        if getattr(filters, high, None) is not None:
            keep &= day.notna() & (day <= getattr(filters, high))
    search = (getattr(filters, "search", "") or "").strip()
    if search:
        haystack = tracked[["sentence", "doc", "region", "region_as_written"]].fillna("").agg(" ".join, axis=1)
        keep &= haystack.str.contains(search, regex=False)
    return tracked[keep].reset_index(drop=True)
