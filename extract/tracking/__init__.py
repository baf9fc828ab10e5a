"""Target tracking: goals stated in text as records, matched with the results later reported.

    targets = targets_from_figures(figures)            # one row per goal
    tracked = match_outcomes(targets, figures, as_of)  # + latest report, progress, status

Pure functions over DataFrames of the record contract (the pipeline's or the store's figures),
so the dashboard page and the exports call the same code.
"""
from extract.tracking.goals import facts_from_figures, goals_from_figures, targets_from_figures
from extract.tracking.matching import STATUSES, link_outcomes, match_outcomes
from extract.tracking.summary import due_soon, overdue, region_ranking

__all__ = ["STATUSES", "due_soon", "facts_from_figures", "goals_from_figures", "link_outcomes",
           "match_outcomes", "overdue", "region_ranking", "targets_from_figures"]
