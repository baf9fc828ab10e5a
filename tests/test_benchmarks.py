"""The benchmark runs end to end at its smallest size and writes a well-formed result file.

No timing is asserted: only that every section ran on real inputs and reported what it promises.
"""
from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "smoke.json"
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--scale", "smoke", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8")), done.stdout


def _positive(x) -> bool:
    return isinstance(x, (int, float)) and math.isfinite(x) and x > 0


def test_result_names_the_machine(smoke):
    results, _ = smoke
    machine = results["machine"]
    assert machine["cores"] >= 1 and machine["python"] and machine["cpu"]
    assert machine["packages"]["duckdb"] and machine["packages"]["regex"]
    assert results["scale"] == "smoke"


def test_extraction_reports_pipeline_and_every_stage(smoke):
    results, _ = smoke
    for corpus in ("seeds", "generated"):
        r = results["extraction"][corpus]
        assert r["documents"] > 0 and r["chars"] > 0 and r["figures"] > 0
        assert _positive(r["pipeline"]["chars_per_s"]) and _positive(r["pipeline"]["ms_per_doc"])
        assert set(r["stages"]) == {"normalise", "document", "find figures", "context", "records"}
        for stage, s in r["stages"].items():
            assert "missing" not in s, f"stage {stage} was not clocked"
            assert 0 <= s["share"] <= 1.0 + 1e-9
        assert set(r["peers"]) == {"one_regex_pass", "jionlp_money", "jionlp_assembled"}
        for peer in r["peers"].values():       # the test extras install jionlp, so every peer runs
            assert peer["available"], peer.get("reason")
            assert _positive(peer["ours_vs_peer"]["median"])


def test_growth_and_pathological_inputs_measured_at_each_size(smoke):
    results, _ = smoke
    growth = results["growth"]
    assert [p["n"] for p in growth["points"]] == results["plan"]["growth_bytes"]
    assert all(_positive(p["ns_per_char"]) and 0 < p["bytes_per_document"] <= p["n"] for p in growth["points"])
    assert growth["points"][0]["documents"] > 1     # small sizes are measured over several documents
    assert _positive(growth["per_char_ratio_max_min"]) and growth["per_char_ratio_max_min"] >= 1
    assert all(_positive(p["cpu_ns_per_char"]) for p in growth["points"])
    assert growth["cpu_per_char_ratio_max_min"] >= 1
    peer = growth["peer"]
    assert peer["available"] and [p["n"] for p in peer["points"]] == results["plan"]["growth_bytes"]
    from benchmarks.growth import PATHOLOGICAL

    assert set(results["pathological"]) == set(PATHOLOGICAL)
    for r in results["pathological"].values():
        assert len(r["points"]) + len(r["skipped"]) == len(results["plan"]["pathological"][r["unit"]])
        assert _positive(r["growth_ratio_last_first"])


def test_sweep_repeats_sentences_of_the_bundled_texts(smoke):
    results, _ = smoke
    sweep = results["sweep"]
    assert sweep["sentences_in_pool"] > 500           # seeds, their follow-ups, constructed articles
    assert sweep["sentences"] == results["plan"]["sweep"]["units"]
    assert sweep["units"] == 2 * sweep["sentences"]   # as written and without punctuation
    assert _positive(sweep["growth_4x"]["median"]) and sweep["growth_4x"]["max"] >= sweep["growth_4x"]["median"]
    for unit in sweep["growing"]:
        assert len(unit["repeats"]) == len(unit["ns_per_char"]) == 3


def test_memory_ingest_dask_and_dashboard_sections(smoke):
    results, _ = smoke
    for r in results["memory"]["extract"].values():
        assert _positive(r["tracemalloc_peak_bytes"]) and _positive(r["peak_rss_after_bytes"])
    assert _positive(results["memory"]["ingest"]["peak_rss_after_bytes"])
    ingest = results["ingest"]
    assert ingest["serial"]["documents"] == results["plan"]["ingest_docs"]
    assert _positive(ingest["serial"]["docs_per_s"])
    assert set(ingest["dask"]) == {"1", "2"}
    assert ingest["same_figures_on_every_engine"] is True
    [(size, dashboard)] = results["dashboard"].items()
    assert dashboard["figures"] > 0.99 * int(size)        # a few are deleted by the synthetic corrections
    assert set(dashboard["pages"]) == {"overview", "table page", "figures facets"}
    assert all(_positive(p["median_ms"]) for p in dashboard["pages"].values())
    assert set(dashboard["pages_on_view"]) == set(dashboard["pages"])
    assert _positive(dashboard["snapshot_refresh_seconds"])


def test_ledger_build_timed_at_each_size(smoke):
    results, _ = smoke
    ledger = results["ledger"]
    assert [p["n"] for p in ledger["points"]] == results["plan"]["ledger_figures"]
    for p in ledger["points"]:
        assert p["figures"] > 0.99 * p["n"] and p["documents"] > 0      # corrections delete a few
        assert _positive(p["seconds"]) and _positive(p["ms_per_figure"]) and p["targets"] > 0
    assert _positive(ledger["per_figure_ratio_last_first"])


def test_targets_listed_and_table_printed(smoke):
    results, stdout = smoke
    assert [t["target"] for t in results["targets"]] == [">= 0.6", ">= 15.0", "<= 1000", "<= 10", "<= 1.5"]
    assert all(t["met"] in (True, False, None) for t in results["targets"])
    for heading in ("Extraction throughput", "Cost growth", "Pathological", "Peak memory", "Store ingest",
                    "Dashboard queries", "Ledger build", "Targets"):
        assert heading in stdout
