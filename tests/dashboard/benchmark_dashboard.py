"""How long the dashboard takes to rerun on a store of ~100k figures (run by hand, not by pytest).

    python tests/dashboard/benchmark_dashboard.py [--figures 100000]

The store is the seeds' store with its documents and figures copied until it holds the number
asked for (copies get new ids and a county of Jiangsu each, so filters and the map have work);
then Streamlit's AppTest times each rerun: the first open, a repeat, and filter changes on
each page. Prints one line per step; asserts nothing (timing is never a test).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from extract.dashboard import geo  # noqa: E402
from extract.store import Store  # noqa: E402


def grow(directory: Path, target: int) -> int:
    """Copy the seeded store's documents and figures until it holds about `target` figures."""
    with Store(directory, seed=True) as store:
        con = store.con
        base = con.execute("SELECT count(*) FROM figures").fetchone()[0]
        copies = max(1, -(-target // base) - 1)
        counties = [(f["properties"]["province"], f["properties"]["city"], f["properties"]["county"])
                    for f in geo.counties()["features"]]
        con.execute("CREATE TEMP TABLE places AS SELECT * FROM (VALUES "
                    + ", ".join("(?, ?, ?, ?)" for _ in counties) + ") t(n, p, c, k)",
                    [v for i, place in enumerate(counties) for v in (i, *place)])
        con.execute("""
            INSERT INTO documents SELECT d.* REPLACE (d.doc_id || '-' || i AS doc_id, d.name || '-' || i AS name)
            FROM documents d, range(1, ? + 1) r(i)""", [copies])
        con.execute(f"""
            INSERT INTO figures SELECT f.* REPLACE (
                f.doc_id || '-' || i AS doc_id, f.figure_id || '-' || i AS figure_id,
                p.p AS province, p.c AS city, p.k AS county)
            FROM figures f, range(1, ? + 1) r(i), places p
            WHERE p.n = (hash(f.figure_id) + i) % {len(counties)}""", [copies])
        return con.execute("SELECT count(*) FROM figures").fetchone()[0]


def timed(label: str, step, repeats: int = 3) -> None:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        at = step()
        times.append(time.perf_counter() - start)
        assert not at.exception, [e.value for e in at.exception]
    print(f"{label:<48} median {statistics.median(times) * 1000:7.0f} ms   max {max(times) * 1000:7.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--figures", type=int, default=100_000)
    args = parser.parse_args()
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        total = grow(Path(tmp), args.figures)
        print(f"store of {total:,} figures built in {time.perf_counter() - start:.1f} s")
        os.environ["INVEST_DATA_DIR"] = tmp
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
        start = time.perf_counter()
        at.run()
        print(f"{'first open (store copy, cold caches)':<48} {(time.perf_counter() - start) * 1000:7.0f} ms")
        timed("overview: rerun, nothing changed", at.run)
        kinds = iter(["money", "count", "all"] * 3)
        timed("overview: change 类型 (new filter)", lambda: at.radio(key="f_kind").set_value(next(kinds)).run())
        counties = at.multiselect(key="f_county")
        keys = [f"{c}/{k}" for k, c in (o.split(" · ") for o in counties.options)]
        picks = iter([keys[i:i + 2] for i in range(0, 18, 2)])
        timed("overview: change 区县 (new filter)", lambda: at.multiselect(key="f_county").set_value(next(picks)).run())
        at.multiselect(key="f_county").set_value([]).run()
        measures = iter(["count", "figures", "amount"] * 3)
        timed("overview: change measure", lambda: at.radio(key="ov_measure").set_value(next(measures)).run())
        at.switch_page("extract/dashboard/pages/figures.py").run()
        targets = iter(["target", "fact", "all"] * 3)
        timed("figures: change 目标或实绩 (2,000 rows drawn)",
              lambda: at.radio(key="f_target").set_value(next(targets)).run())
        at.switch_page("extract/dashboard/pages/compare.py").run()
        pairs = iter([keys[i:i + 3] for i in range(0, 27, 3)])
        timed("compare: change the regions", lambda: at.multiselect(key="cmp_regions").set_value(next(pairs)).run())
        print(json.dumps({"figures": total}))


if __name__ == "__main__":
    main()
