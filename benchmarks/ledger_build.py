"""The target ledger's build (extract.ledger.build_ledger) on the dashboard benchmark's synthetic store.

The store and the dashboard rebuild the ledger after every ingest or correction, so its cost must
grow with the figures, not with their square. Each size's figures and texts come from
benchmarks.dashboard_queries.build_store (real counties, seeds' sentences, one correction per
thousand figures); the build is timed once, as the dashboard runs it once per data version.
`per_figure_ratio_last_first` is the per-figure cost at the largest size over the smallest: about
1 when the build is linear.
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.dashboard_queries import build_store
from extract.ledger import build_ledger


def _inputs(n_figures: int):
    """The store's effective figures (as the dashboard reads them) and its documents' texts."""
    with tempfile.TemporaryDirectory(prefix="bench_ledger_") as tmp:
        store = build_store(Path(tmp), n_figures)
        try:
            figures = store.con.sql('SELECT * FROM effective_figures ORDER BY doc, "start"').df()
            texts = dict(store.con.execute("SELECT name, raw_text FROM documents").fetchall())
        finally:
            store.close()
    return figures, texts


def ledger_benchmark(sizes: tuple[int, ...]) -> dict:
    points = []
    for n in sizes:
        figures, texts = _inputs(n)
        wall, cpu = time.perf_counter(), time.process_time()
        ledger = build_ledger(figures, texts=texts)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        points.append({"n": n, "figures": len(figures), "documents": len(texts), "seconds": wall,
                       "cpu_seconds": cpu, "ms_per_figure": 1000 * wall / len(figures),
                       "observations": len(ledger.observations), "targets": len(ledger.targets),
                       "pairs": int((ledger.links["kind"] == "pair").sum())})
    first, last = points[0], points[-1]
    return {"points": points, "per_figure_ratio_last_first": last["ms_per_figure"] / first["ms_per_figure"]}
