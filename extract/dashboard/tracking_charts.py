"""Plotly figures of the tracking page (extract/dashboard/pages/tracking.py): no Streamlit here."""
from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from extract.dashboard.charts import _layout
from extract.dashboard.ledger_views import STATUS_COLOURS, STATUS_ORDER

# the statuses of one day and district are drawn side by side, this far apart (rows are 1 apart)
STATUS_OFFSET = 0.12
MONTHS_ZH = "%Y年%-m月"


def deadline_timeline(frame: pd.DataFrame, status_names: dict[str, str], region_label: str,
                      deadline_label: str, lang: str) -> go.Figure:
    """The targets' deadlines (columns region, deadline, status, target) on one time axis, a row
    per district. The targets of one district, day and status are one marker that says how many
    (24 deadlines of 海门 on four days are four numbered markers, not 24 dots on top of each other);
    the statuses of one day sit a little apart, so that none hides another."""
    regions = sorted(frame["region"].unique().tolist())
    row = {r: i for i, r in enumerate(regions)}
    grouped = frame.groupby(["region", "deadline", "status"], sort=False).agg(
        n=("target", "size"), targets=("target", lambda t: "<br>".join(html.escape(x) for x in list(t)[:8])))
    grouped = grouped.reset_index()
    traces = []
    for k, status in enumerate(STATUS_ORDER):
        group = grouped[grouped["status"] == status]
        if group.empty:
            continue
        offset = (k - (len(STATUS_ORDER) - 1) / 2) * STATUS_OFFSET
        traces.append(go.Scatter(
            x=np.array(group["deadline"].tolist(), dtype=object),
            y=np.array([row[r] + offset for r in group["region"]], dtype=float),
            mode="markers+text", name=status_names[status],
            text=np.array([str(n) if n > 1 else "" for n in group["n"]], dtype=object),
            textposition="middle center", textfont={"color": "white", "size": 10},
            customdata=np.array(group["targets"].tolist(), dtype=object),
            hovertemplate="%{x}<br>%{customdata}<extra></extra>",
            marker={"size": [14 + 3 * min(n, 8) for n in group["n"]], "color": STATUS_COLOURS[status],
                    "line": {"width": 1, "color": "white"}}))
    return go.Figure(traces, _layout(
        height=160 + 50 * len(regions), legend={"orientation": "h", "y": -0.25},
        xaxis={"title": {"text": deadline_label}, "type": "date", "gridcolor": "#e5e5e5",
               "tickformat": MONTHS_ZH if lang == "zh" else "%b %Y"},
        yaxis={"title": {"text": region_label}, "tickmode": "array", "tickvals": list(range(len(regions))),
               "ticktext": regions, "range": [-0.6, len(regions) - 0.4], "gridcolor": "#f0f0f0"}))


def ranking_bars(frame: pd.DataFrame, rate_label: str, region_label: str, achieved_label: str) -> go.Figure:
    """Per district (columns region, median_progress, achieved, targets), the median 完成率 of its
    targets with a result, labelled with how many of its targets are achieved; best first. A
    district without any result is a bar of 0 labelled so, not a missing bar."""
    order = frame["region"].tolist()[::-1]
    rates = (frame["median_progress"] * 100).fillna(0.0)
    labels = [f"{r:.0f}% · {achieved_label} {a}/{n}" if m == m else f"— · {achieved_label} {a}/{n}"
              for r, m, a, n in zip(rates, frame["median_progress"], frame["achieved"], frame["targets"])]
    bar = go.Bar(x=rates.to_numpy(dtype=float), y=np.array(frame["region"].tolist(), dtype=object),
                 orientation="h", marker={"color": STATUS_COLOURS["on_pace"]},
                 text=np.array(labels, dtype=object), textposition="outside", cliponaxis=False)
    top = max(125.0, float(rates.max() or 0) * 1.3)
    return go.Figure([bar], _layout(
        height=120 + 32 * len(frame), showlegend=False,
        xaxis={"title": {"text": rate_label}, "range": [0, top], "ticksuffix": "%", "gridcolor": "#e5e5e5"},
        yaxis={"title": {"text": region_label}, "type": "category", "categoryorder": "array", "categoryarray": order}))
