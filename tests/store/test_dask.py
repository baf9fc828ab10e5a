"""The Dask engine finds exactly what the serial ingest finds."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from extract.store import Store

from store_files import REPO, SEEDS, write_variants

distributed = pytest.importorskip("distributed")
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def contents(store: Store):
    documents = store.con.execute("SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id").df()
    figures = store.con.execute("SELECT * FROM figures ORDER BY figure_id").df()
    return documents, figures


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local


def test_dask_on_a_two_worker_cluster_matches_serial(tmp_path, cluster):
    inputs = write_variants(tmp_path / "in", copies=3)
    (tmp_path / "in" / "zz_empty.txt").write_bytes(b"")
    paths = [*SEEDS, tmp_path / "in"]

    with Store(tmp_path / "serial") as serial:
        serial_report = serial.ingest_paths(paths)
        serial_contents = contents(serial)
    with Store(tmp_path / "dask") as scaled:
        dask_report = scaled.ingest_paths(paths, engine="dask", scheduler=cluster.scheduler_address)
        dask_contents = contents(scaled)

    assert len(cluster.workers) == 2
    summary = lambda report: [(r.name, r.status, r.reason, r.doc_id, r.figures) for r in report.results]  # noqa: E731
    assert summary(dask_report) == summary(serial_report)
    assert serial_report.count("ingested") == len(SEEDS) + 3 * len(SEEDS)
    assert serial_report.count("unchanged") == len(SEEDS)                 # the renamed copies
    assert [r.name for r in serial_report.failed] == ["zz_empty.txt"]
    assert len(inputs) == 4 * len(SEEDS)
    for serial_table, dask_table in zip(serial_contents, dask_contents):
        assert len(serial_table) > 0
        assert serial_table.equals(dask_table)
    assert not (tmp_path / "dask" / "staging").exists() or not any((tmp_path / "dask" / "staging").iterdir())


def test_dask_reingest_is_a_no_op(tmp_path, cluster):
    with Store(tmp_path / "data") as store:
        store.ingest_paths(SEEDS, engine="dask", scheduler=cluster.scheduler_address)
        before = contents(store)
        report = store.ingest_paths(SEEDS, engine="dask", scheduler=cluster.scheduler_address)
        assert report.count("unchanged") == len(SEEDS)
        for old, new in zip(before, contents(store)):
            assert old.equals(new)


def test_cli_dask_engine_starts_its_own_local_cluster(tmp_path):
    result = subprocess.run([sys.executable, "-m", "extract", "ingest", "--engine", "dask", "--no-seeds",
                             "--data-dir", str(tmp_path / "data"), *map(str, SEEDS)],
                            capture_output=True, text=True, env=ENV, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ingested {len(SEEDS)}, unchanged 0, failed 0, re-extracted 0"
