"""Peak memory of extraction (by document size) and of ingest, each in its own subprocess."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.ingest import write_corpus

ROOT = Path(__file__).resolve().parent.parent


def _probe(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "benchmarks.probe", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=1800)
    if done.returncode != 0:
        return {"failed": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["tracemalloc_bytes_per_char"] = result["tracemalloc_peak_bytes"] / max(1, result["chars"])
    return result


def memory_benchmark(extract_sizes: tuple[int, ...], ingest_docs: int) -> dict:
    results = {"extract": {str(n): _probe("extract", str(n)) for n in extract_sizes}}
    with tempfile.TemporaryDirectory(prefix="bench_memory_") as tmp:
        folder = Path(tmp) / "articles"
        write_corpus(folder, ingest_docs)
        results["ingest"] = {"documents": ingest_docs, **_probe("ingest", str(folder))}
    return results
