"""Plotly figures from the small DataFrames of `queries`: no SQL here, no Streamlit.

Built from graph objects with numpy arrays and one layout dict rather than plotly.express, which
spends a few hundred milliseconds per figure on validation a rerun cannot afford.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative

FONT = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
PALETTE = qualitative.Plotly + qualitative.D3


def _layout(height: int = 420, **extra) -> dict:
    return {"font": {"family": FONT}, "height": height, "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
            "legend": {"orientation": "h", "y": -0.2}, "plot_bgcolor": "white",
            "yaxis": {"gridcolor": "#e5e5e5"}, **extra}


def _bars(frame: pd.DataFrame, x: str, series: str, x_order: list[str]) -> list[go.Bar]:
    """One bar trace per value of `series`, its heights aligned on `x_order`. A place without the
    series is 0, not missing: Plotly restarts a stack at 0 after a missing value and draws the bars
    above over those below."""
    traces = []
    for i, (name, group) in enumerate(frame.groupby(series, sort=True)):
        heights = group.groupby(x)["value"].sum().reindex(x_order, fill_value=0.0)
        traces.append(go.Bar(x=np.array(x_order, dtype=object), y=heights.to_numpy(dtype=float), name=str(name),
                             marker={"color": PALETTE[i % len(PALETTE)]}))
    return traces


def stacked_bars(frame: pd.DataFrame, region_label: str, value_label: str, stack_label: str) -> go.Figure:
    """Bars per region (columns region, stack, value), stacked, largest region first."""
    order = frame.groupby("region")["value"].sum().sort_values(ascending=False).index.tolist()
    return go.Figure(_bars(frame, "region", "stack", order), _layout(
        barmode="stack", legend={"orientation": "h", "y": -0.2, "title": {"text": stack_label}},
        xaxis={"title": {"text": region_label}}, yaxis={"title": {"text": value_label}, "gridcolor": "#e5e5e5"}))


def grouped_bars(frame: pd.DataFrame, region_label: str, value_label: str, metric_label: str) -> go.Figure:
    """The same metrics side by side for each region (columns region, metric, value)."""
    metrics = sorted(frame["metric"].unique().tolist())
    return go.Figure(_bars(frame, "metric", "region", metrics), _layout(
        barmode="group", legend={"orientation": "h", "y": -0.2, "title": {"text": region_label}},
        xaxis={"title": {"text": metric_label}}, yaxis={"title": {"text": value_label}, "gridcolor": "#e5e5e5"}))


def progress_bars(frame: pd.DataFrame, status_names: dict[str, str], rate_label: str,
                  region_label: str) -> go.Figure:
    """完成率 per district on one indicator (columns region, progress in %, status, label), one
    bar each coloured by its status, the label beside it, a line at 100%. A district without a
    result is a bar of 0 that says so (a missing value would leave a gap Plotly fills unevenly)."""
    from extract.dashboard.ledger_views import STATUS_COLOURS

    order = frame["region"].tolist()[::-1]      # Plotly draws the first category at the bottom
    traces = []
    for status, group in frame.groupby("status", sort=False):
        traces.append(go.Bar(
            y=np.array(group["region"].tolist(), dtype=object),
            x=group["progress"].fillna(0.0).to_numpy(dtype=float), orientation="h",
            name=status_names.get(status, str(status)), marker={"color": STATUS_COLOURS.get(status, "#9e9e9e")},
            text=np.array(group["label"].tolist(), dtype=object), textposition="outside", cliponaxis=False,
            hovertemplate="%{y}<br>%{text}<extra></extra>"))
    top = max(120.0, float(frame["progress"].fillna(0).max() or 0) * 1.35)
    return go.Figure(traces, _layout(
        height=120 + 34 * len(frame), barmode="overlay",
        legend={"orientation": "h", "y": -0.15},
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        shapes=[{"type": "line", "x0": 100, "x1": 100, "yref": "paper", "y0": 0, "y1": 1,
                 "line": {"color": "#555", "dash": "dot", "width": 1}}],
        xaxis={"title": {"text": rate_label}, "range": [0, top], "ticksuffix": "%", "gridcolor": "#e5e5e5"},
        yaxis={"title": {"text": region_label}, "type": "category", "categoryorder": "array",
               "categoryarray": order}))
