"""Peak memory of one job, measured in a fresh process so that nothing else inflates it.

    python -m benchmarks.probe extract N_BYTES     # extract_mentions on a generated document
    python -m benchmarks.probe ingest FOLDER        # Store.ingest_paths into a new store

Prints one JSON object: the peak of Python allocations during the job (tracemalloc, from a
second run with tracing on) and the process's peak resident set before and after the job
(resource.getrusage, from the first run, untraced).
"""
from __future__ import annotations

import json
import resource
import sys
import tempfile
import tracemalloc
from pathlib import Path


def _peak_rss_bytes() -> int:
    """This process's peak resident set. On Linux, VmHWM of /proc/self/status: ru_maxrss also
    keeps the peak of the forked copy of the parent before exec, so a probe started by a big
    benchmark process would report the parent's size."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    # ru_maxrss is in kilobytes on Linux (bytes on macOS)
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _job(kind: str, arg: str):
    if kind == "extract":
        from benchmarks.corpus import text_of_size
        from extract import extract_mentions

        text = text_of_size(int(arg))
        extract_mentions("2024年计划总投资10亿元的项目5个。")   # load rules and engines before the baseline
        return len(text), lambda: extract_mentions(text)
    if kind == "ingest":
        from extract.store import Store

        folder = Path(arg)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in folder.iterdir())

        def ingest():
            with tempfile.TemporaryDirectory(prefix="bench_probe_") as data_dir, Store(data_dir) as store:
                store.ingest_paths([folder])
        return chars, ingest
    raise SystemExit(f"unknown probe {kind!r} (extract | ingest)")


def main(argv: list[str]) -> None:
    kind, arg = argv
    chars, job = _job(kind, arg)
    before = _peak_rss_bytes()
    job()
    after = _peak_rss_bytes()
    tracemalloc.start()
    job()
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({"job": kind, "chars": chars, "tracemalloc_peak_bytes": traced_peak,
                      "peak_rss_before_bytes": before, "peak_rss_after_bytes": after,
                      "peak_rss_growth_bytes": after - before}))


if __name__ == "__main__":
    main(sys.argv[1:])
