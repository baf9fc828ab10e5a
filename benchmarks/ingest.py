"""Store ingest in documents/s: serial, and on Dask with one and with two workers.

Every run ingests the same folder of generated articles into a fresh store, so each one
extracts and writes everything. The Dask runs use the store's own engine
(`Store.ingest_paths(engine="dask")`) against a LocalCluster started here with the number of
workers wanted; the cluster's start-up is timed apart from the ingest.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import generate
from extract.store import Store


def write_corpus(folder: Path, n_docs: int) -> int:
    """The first `n_docs` generated documents as UTF-8 .txt files; returns their characters."""
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for name, text in generate(n_docs):
        (folder / name).write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def _ingest_once(folder: Path, **engine) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory(prefix="bench_ingest_") as data_dir:
        with Store(data_dir) as store:
            start = time.perf_counter()
            report = store.ingest_paths([folder], **engine)
            seconds = time.perf_counter() - start
            failed = report.failed
            if failed:
                raise RuntimeError(f"ingest failed for {failed[0].name}: {failed[0].reason}")
            figures = store.con.execute("SELECT count(*) FROM figures").fetchone()[0]
            return seconds, report.count("ingested"), figures


def _summary(seconds: list[float], documents: int, chars: int, figures: int) -> dict:
    mid = statistics.median(seconds)
    return {"seconds": {"median": mid, "min": min(seconds), "max": max(seconds), "rounds": len(seconds)},
            "documents": documents, "figures": figures,
            "docs_per_s": documents / mid, "chars_per_s": chars / mid}


def ingest_benchmark(n_docs: int, *, rounds: int, dask_workers: tuple[int, ...] = (1, 2)) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench_corpus_") as tmp:
        folder = Path(tmp) / "articles"
        chars = write_corpus(folder, n_docs)
        results = {"documents": n_docs, "chars": chars}
        runs = [_ingest_once(folder) for _ in range(rounds)]
        results["serial"] = _summary([r[0] for r in runs], runs[0][1], chars, runs[0][2])
        results["dask"] = {}
        for workers in dask_workers:
            results["dask"][str(workers)] = _dask_runs(folder, workers, rounds, chars)
        serial_figures = results["serial"]["figures"]
        results["same_figures_on_every_engine"] = all(
            r.get("figures") == serial_figures for r in results["dask"].values())
        return results


def _dask_runs(folder: Path, workers: int, rounds: int, chars: int) -> dict:
    try:
        from distributed import LocalCluster
    except ImportError as error:
        return {"available": False, "reason": f"dask extra not installed (pip install -e '.[dask]'): {error}"}
    start = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    startup = time.perf_counter() - start
    try:
        runs = [_ingest_once(folder, engine="dask", scheduler=cluster.scheduler_address) for _ in range(rounds)]
    finally:
        cluster.close()
    return {"workers": workers, "cluster_start_seconds": startup,
            **_summary([r[0] for r in runs], runs[0][1], chars, runs[0][2])}
