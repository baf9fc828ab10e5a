"""Plotly figures from the small DataFrames of `queries`: no SQL here, no Streamlit."""
from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

FONT = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"


def _layout(figure: go.Figure, height: int = 420) -> go.Figure:
    figure.update_layout(font={"family": FONT}, height=height, margin={"l": 10, "r": 10, "t": 30, "b": 10},
                         legend={"orientation": "h", "y": -0.2})
    return figure


def stacked_bars(frame: pd.DataFrame, region_label: str, value_label: str, stack_label: str) -> go.Figure:
    """Bars per region (columns region, stack, value), stacked, largest region first."""
    order = frame.groupby("region")["value"].sum().sort_values(ascending=False).index.tolist()
    figure = px.bar(frame, x="region", y="value", color="stack", barmode="stack",
                    category_orders={"region": order},
                    labels={"region": region_label, "value": value_label, "stack": stack_label})
    return _layout(figure)


def grouped_bars(frame: pd.DataFrame, region_label: str, value_label: str, metric_label: str) -> go.Figure:
    """The same metrics side by side for each region (columns region, metric, value)."""
    figure = px.bar(frame, x="metric", y="value", color="region", barmode="group",
                    labels={"region": region_label, "value": value_label, "metric": metric_label})
    return _layout(figure)


def deadline_timeline(frame: pd.DataFrame, region_label: str, deadline_label: str) -> go.Figure:
    """Each target with a deadline as a point on one time axis, a row per region (columns region,
    deadline, label, hover)."""
    figure = px.scatter(frame, x="deadline", y="region", color="region", hover_name="label",
                        hover_data={"hover": True, "region": False, "deadline": True},
                        labels={"region": region_label, "deadline": deadline_label, "hover": ""})
    figure.update_traces(marker={"size": 13, "line": {"width": 1, "color": "white"}})
    figure.update_layout(showlegend=False)
    return _layout(figure, height=140 + 50 * frame["region"].nunique())
