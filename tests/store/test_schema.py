"""The store's tables and view hold exactly the record contract."""
from __future__ import annotations

import duckdb
import pytest

from extract.record import FIELDS
from extract.store import Store, seed_files
from extract.store.db import connect

from store_files import SEEDS


def columns(store: Store, relation: str) -> list[str]:
    return [row[0] for row in store.con.execute(f"DESCRIBE {relation}").fetchall()]


def test_figures_table_is_the_contract_plus_ids(store):
    assert columns(store, "figures") == ["doc_id", "figure_id", *FIELDS]


def test_effective_view_is_the_contract_plus_ids_and_corrected(store):
    assert columns(store, "effective_figures") == [*FIELDS, "doc_id", "figure_id", "corrected"]


def test_effective_view_keeps_the_stored_types(store):
    stored = dict(store.con.execute("SELECT column_name, column_type FROM (DESCRIBE figures)").fetchall())
    effective = dict(store.con.execute("SELECT column_name, column_type FROM (DESCRIBE effective_figures)").fetchall())
    assert {f: effective[f] for f in FIELDS} == {f: stored[f] for f in FIELDS}


def test_a_new_default_store_is_created_in_the_env_folder_and_seeded(tmp_path, monkeypatch):
    monkeypatch.setenv("INVEST_DATA_DIR", str(tmp_path / "env"))
    with Store.open_default() as store:
        assert store.path == tmp_path / "env" / "figures.duckdb"
        assert store.seeded.count("ingested") == len(seed_files()) >= len(SEEDS)
        assert len(store.documents()) == len(seed_files())
    with Store.open_default() as again:      # not a first run: nothing loaded again
        assert again.seeded is None and len(again.documents()) == len(seed_files())


def test_read_only_store_reads_and_refuses_writes(tmp_path):
    with Store(tmp_path / "d") as store:
        store.ingest_paths(SEEDS[:2])
        expected = len(store.figures())
    with Store(tmp_path / "d", read_only=True) as reader:
        assert len(reader.figures()) == expected
        with pytest.raises(duckdb.Error):
            reader.delete(reader.figures().iloc[0].figure_id, author="a")
    with pytest.raises(FileNotFoundError):
        Store(tmp_path / "nowhere", read_only=True)


def test_a_locked_database_makes_a_second_process_wait_then_fail_clearly(tmp_path):
    import subprocess
    import sys

    from store_files import REPO

    with Store(tmp_path / "d") as holder:
        holder.con   # a connection kept open holds the data folder's lock
        child = subprocess.run(
            [sys.executable, "-c", "import sys; from extract.store.db import connect; "
             "connect(__import__('pathlib').Path(sys.argv[1]), timeout=0.5)", str(tmp_path / "d" / "figures.duckdb")],
            capture_output=True, text=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert child.returncode != 0 and "lock" in child.stderr.lower()
    connect(tmp_path / "d" / "figures.duckdb", timeout=0.5).close()   # free again once the holder closed


def test_a_store_from_an_older_contract_gains_the_new_fields(tmp_path):
    path = tmp_path / "d" / "figures.duckdb"
    with Store(tmp_path / "d") as store:
        store.ingest_paths(SEEDS[:1])
        store.con.execute("DROP VIEW effective_figures")
        store.con.execute("ALTER TABLE figures DROP COLUMN region_today")   # as written before that field existed
    with Store(tmp_path / "d") as reopened:
        assert "region_today" in columns(reopened, "figures")
        assert len(reopened.figures()) == len(reopened.con.execute("SELECT * FROM figures").fetchall()) > 0
    assert path.exists()


def test_cli_says_when_another_process_holds_the_data_folder(tmp_path):
    import subprocess
    import sys

    from store_files import REPO

    with Store(tmp_path / "d") as holder:
        holder.con   # a connection kept open holds the data folder's lock
        child = subprocess.run([sys.executable, "-m", "extract", "stats", "--data-dir", str(tmp_path / "d")],
                               capture_output=True, text=True, cwd=REPO, timeout=60,
                               env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "INVEST_LOCK_TIMEOUT": "0.5"})
    assert child.returncode == 3
    assert "in use by another process" in child.stderr
