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
        return pd.DataFrame(columns=["region_today", "targets", "achieved", "reported", "share_met"])
    grouped = placed.groupby("region_today").agg(
        targets=("goal_id", "size"),
        achieved=("status", lambda s: int((s == "achieved").sum())),
        reported=("reports", lambda s: int((s > 0).sum())),
    ).reset_index()
    grouped["share_met"] = grouped["achieved"] / grouped["targets"]
    return grouped.sort_values(["share_met", "achieved", "targets", "region_today"],
                               ascending=[False, False, False, True], kind="stable").reset_index(drop=True)
