"""Plotly figures of the tracking page: no Streamlit here, no data access."""
from __future__ import annotations

import html

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from extract.tracking.export import STATUS_COLOURS

FONT = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"


def _layout(figure: go.Figure, height: int) -> go.Figure:
    figure.update_layout(font={"family": FONT}, height=height, margin={"l": 10, "r": 10, "t": 30, "b": 10},
                         legend={"orientation": "h", "y": -0.25})
    return figure


def deadline_timeline(frame: pd.DataFrame, status_names: dict[str, str], labels: dict[str, str]) -> go.Figure:
    """Each target with a deadline as a point (columns region, deadline, status, target, hover),
    a row per region, coloured by status."""
    frame = frame.assign(status_name=frame["status"].map(status_names),
                         hover=frame["hover"].map(html.escape))   # article words: Plotly's hover reads HTML
    figure = px.scatter(frame, x="deadline", y="region", color="status_name", hover_name="target",
                        hover_data={"hover": True, "region": False, "status_name": False, "deadline": True},
                        color_discrete_map={status_names[s]: c for s, c in STATUS_COLOURS.items()},
                        category_orders={"status_name": [status_names[s] for s in STATUS_COLOURS]},
                        labels={"region": labels["region"], "deadline": labels["deadline"], "hover": "",
                                "status_name": labels["status"]})
    figure.update_traces(marker={"size": 13, "line": {"width": 1, "color": "white"}})
    return _layout(figure, 160 + 45 * frame["region"].nunique())


def ranking_bars(frame: pd.DataFrame, labels: dict[str, str]) -> go.Figure:
    """Share of targets met per region (columns region, share, targets), best first."""
    figure = px.bar(frame, x="share", y="region", orientation="h", text="targets",
                    labels={"share": labels["share"], "region": labels["region"], "targets": labels["targets"]},
                    category_orders={"region": frame["region"].tolist()})
    figure.update_traces(marker_color=STATUS_COLOURS["achieved"], texttemplate=f"%{{x:.0f}}% · {labels['targets']} %{{text}}",
                         textposition="outside")
    figure.update_xaxes(range=[0, 115])
    return _layout(figure, 120 + 32 * len(frame))
