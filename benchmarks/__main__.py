"""python -m benchmarks [--quick | --scale smoke|quick|full] [--only SECTION,...] [--out FILE]

Runs the benchmarks, prints the table and writes it as JSON (default benchmarks/results/<scale>.json).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from benchmarks import report
from benchmarks.machine import describe, load_average

RESULTS_DIR = Path(__file__).resolve().parent / "results"
SECTIONS = ("extraction", "growth", "pathological", "sweep", "memory", "ingest", "dashboard", "ledger")

KB, MB = 1_000, 1_000_000
# How big each scale goes. smoke only checks that everything runs (the test suite uses it).
SCALES = {
    "full": {
        "rounds": 5, "store_rounds": 3, "generated_docs": 500,
        "growth_bytes": (10 * KB, 100 * KB, MB, 10 * MB), "growth_sample_bytes": MB, "budget_seconds": 60.0,
        "pathological": {"times": (1_000, 3_000, 10_000), "chars": (10 * KB, 100 * KB, MB),
                         "bytes": (10 * KB, 100 * KB, MB, 10 * MB), "lines": (100, 1_000, 10_000)},
        "sweep": {"units": 300, "base_chars": 6_000},
        "memory_bytes": (100 * KB, MB), "ingest_docs": 200, "dask_workers": (1, 2),
        "dashboard_figures": (10_000, 100_000, 1_000_000), "ledger_figures": (10_000, 30_000, 100_000),
    },
    "quick": {
        "rounds": 3, "store_rounds": 3, "generated_docs": 100,
        "growth_bytes": (10 * KB, 100 * KB, MB), "growth_sample_bytes": MB, "budget_seconds": 20.0,
        "pathological": {"times": (300, 1_000, 3_000), "chars": (10 * KB, 100 * KB),
                         "bytes": (10 * KB, 100 * KB), "lines": (100, 1_000)},
        "sweep": {"units": 60, "base_chars": 4_000},
        "memory_bytes": (MB,), "ingest_docs": 50, "dask_workers": (1, 2),
        "dashboard_figures": (10_000, 100_000), "ledger_figures": (10_000, 100_000),
    },
    "smoke": {
        "rounds": 1, "store_rounds": 1, "generated_docs": 4,
        "growth_bytes": (KB, 4 * KB), "growth_sample_bytes": 20 * KB, "budget_seconds": 5.0,
        "pathological": {"times": (10, 30), "chars": (100, 300), "bytes": (300, 900), "lines": (3, 9)},
        "sweep": {"units": 2, "base_chars": 200},
        "memory_bytes": (4 * KB,), "ingest_docs": 3, "dask_workers": (1, 2),
        "dashboard_figures": (1_000,), "ledger_figures": (300, 1_000),
    },
}


def run(scale: str, sections: tuple[str, ...], log=print) -> dict:
    plan = SCALES[scale]
    results: dict = {"schema": 1, "scale": scale, "plan": plan,
                     "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                     "machine": describe()}
    if "extraction" in sections:
        from benchmarks.corpus import DEFAULT_SEED, generate, seed_documents
        from benchmarks.extraction import throughput

        log("extraction: seeds ...")
        seeds = throughput(seed_documents(), rounds=plan["rounds"])
        log("extraction: generated corpus ...")
        generated = throughput(generate(plan["generated_docs"]), rounds=plan["rounds"])
        generated["generator_seed"] = DEFAULT_SEED
        results["extraction"] = {"seeds": seeds, "generated": generated}
    if "growth" in sections:
        from benchmarks.growth import document_growth

        log("cost growth: 1 KB .. ...")
        results["growth"] = document_growth(plan["growth_bytes"], rounds=plan["rounds"],
                                            budget_seconds=plan["budget_seconds"],
                                            sample_bytes=plan["growth_sample_bytes"])
    if "pathological" in sections:
        from benchmarks.growth import pathological

        log("pathological inputs ...")
        results["pathological"] = pathological(plan["pathological"], rounds=plan["rounds"],
                                               budget_seconds=plan["budget_seconds"])
    if "sweep" in sections:
        from benchmarks.sweep import sweep

        log("linearity sweep: sentences repeated ...")
        results["sweep"] = sweep(**plan["sweep"])
    if "memory" in sections:
        from benchmarks.memory import memory_benchmark

        log("peak memory ...")
        results["memory"] = memory_benchmark(plan["memory_bytes"], plan["ingest_docs"])
    if "ingest" in sections:
        from benchmarks.ingest import ingest_benchmark

        log("store ingest: serial and Dask ...")
        results["ingest"] = ingest_benchmark(plan["ingest_docs"], rounds=plan["store_rounds"],
                                             dask_workers=plan["dask_workers"])
    if "dashboard" in sections:
        from benchmarks.dashboard_queries import dashboard_benchmark

        log("dashboard queries ...")
        results["dashboard"] = dashboard_benchmark(plan["dashboard_figures"], rounds=plan["store_rounds"])
    if "ledger" in sections:
        from benchmarks.ledger_build import ledger_benchmark

        log("ledger build ...")
        results["ledger"] = ledger_benchmark(plan["ledger_figures"])
    results["targets"] = report.targets(results)
    results["machine"]["load_average_at_end"] = load_average()
    results["finished"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=tuple(SCALES), default="full")
    parser.add_argument("--quick", action="store_const", const="quick", dest="scale",
                        help="the same benchmarks at smaller sizes (about a minute or two)")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections to run (default all: {','.join(SECTIONS)})")
    parser.add_argument("--out", type=Path, help="JSON file to write (default benchmarks/results/<scale>.json)")
    args = parser.parse_args(argv)
    sections = tuple(s.strip() for s in args.only.split(",") if s.strip())
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    results = run(args.scale, sections, log=lambda m: print(m, file=sys.stderr, flush=True))
    out = args.out or RESULTS_DIR / f"{args.scale}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(out)
    print(report.table(results))
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
