"""The committed county boundaries, their generator's simplification, and the offline map figure."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.io as pio

from extract.dashboard import geo

ROOT = Path(__file__).resolve().parents[2]


def load_script():
    spec = importlib.util.spec_from_file_location("make_boundaries", ROOT / "scripts" / "make_boundaries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_boundary_file_is_small_and_holds_jiangsu_counties_of_today():
    collection = geo.counties()
    assert geo.BOUNDARIES.stat().st_size < 300_000
    keys = geo.county_keys(collection)
    assert len(keys) == 95                                   # Jiangsu's county-level units
    assert {("南通市", "海门区"), ("南通市", "启东市"), ("南京市", "鼓楼区"), ("徐州市", "鼓楼区")} <= keys
    assert ("南通市", "港闸区") not in keys                    # merged into 崇川区 in 2020
    for feature in collection["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            ring = polygon[0]
            assert ring[0] == ring[-1] and len(ring) >= 4
            assert all(116 < x < 122.5 and 30.5 < y < 35.5 for x, y in ring)


def test_douglas_peucker_drops_points_within_the_tolerance_only():
    script = load_script()
    line = [(0, 0), (1, 0.001), (2, 0), (3, 1), (4, 0)]
    assert script.simplify_line(line, 0.01) == [(0, 0), (2, 0), (3, 1), (4, 0)]
    ring = [[0, 0], [1, 0], [1, 1], [0.5, 1.0001], [0, 1], [0, 0]]
    assert script.simplify_ring(ring, 0.01, 3) == [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    assert script.simplify_ring([[0, 0], [0.0001, 0], [0, 0.0001], [0, 0]], 0.01, 3) is None


def test_split_by_shape_sends_unknown_counties_to_the_message():
    values = pd.DataFrame({"city": ["南通市", "杭州市", None], "county": ["海门区", "西湖区", "某县"],
                           "value": [1.0, 2.0, 3.0], "figures": [1, 4, 2]})
    on_map, off_map = geo.split_by_shape(values, geo.counties())
    assert on_map["county"].tolist() == ["海门区"]
    assert off_map["figures"].sum() == 6


def test_map_colours_counties_by_class_and_greys_the_rest():
    collection = geo.counties()
    values = pd.DataFrame({"city": ["南通市", "南通市", "杭州市"], "county": ["海门区", "启东市", "西湖区"],
                           "value": [10.0, 5.0, 99.0]})
    classes = geo.colour_classes(values, collection)
    assert classes == {("南通市", "海门区"): geo.CLASSES - 1, ("南通市", "启东市"): geo.CLASSES // 2}
    figure = geo.county_map(values, collection, "金额（亿元）", lambda v: f"{v}亿元", "无数据")
    filled = [trace for trace in figure.data if trace.fill == "toself"]
    colours = geo.class_colours()
    assert sorted(trace.fillcolor for trace in filled) == sorted(
        [geo.EMPTY_FILL, colours[geo.CLASSES - 1], colours[geo.CLASSES // 2]])
    rings = {trace.fillcolor: int(np.isnan(trace.x).sum()) for trace in filled}   # one NaN closes each ring
    grey_rings = sum(len(f["geometry"]["coordinates"]) for f in collection["features"]
                     if (f["properties"]["city"], f["properties"]["county"]) not in classes)
    assert rings[geo.EMPTY_FILL] == grey_rings
    hover = next(trace for trace in figure.data if trace.mode == "markers")
    assert len(hover.text) == 95
    assert "南通市海门区<br>金额（亿元）: 10.0亿元" in hover.text
    assert "南京市鼓楼区<br>金额（亿元）: 无数据" in hover.text
    # nothing in the figure asks for a base map or tiles from the internet
    spec = json.loads(pio.to_json(figure))
    assert {t["type"] for t in spec["data"]} == {"scatter"}
    assert not {"geo", "map", "mapbox"} & set(spec["layout"])
