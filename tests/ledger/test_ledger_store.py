"""The ledger kept in the store: rebuilt after ingest, the same as the ledger of the files, and in the
downloads (CSV with BOM, the workbook's 目标台账 sheet)."""
from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl
import pytest

from extract.ledger.cli import main as ledger_main
from extract.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "seeds" / "corpus"
PAIR = [CORPUS / "qidong_kfq_2025_target.txt", CORPUS / "qidong_2025_jan_may_outcome.txt"]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("store")
    store = Store(data)
    store.ingest_paths(PAIR)
    store.close()
    return data


def _jsonl(argv) -> list[dict]:
    out = io.StringIO()
    with redirect_stdout(out):
        assert ledger_main(argv) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_ingest_keeps_the_ledger(store_dir):
    store = Store(store_dir, read_only=True)
    try:
        targets, links = store.ledger(), store.ledger("ledger_links")
    finally:
        store.close()
    row = targets[targets["target_value"] == 40].iloc[0]
    assert (row["region_label"], row["latest_value"], row["link_kind"]) == ("启东经济开发区（启东市）", 26, "partial")
    assert list(links["kind"]) == ["pair"] and links.loc[0, "progress"] == pytest.approx(0.65)


def test_the_store_gives_the_ledger_of_the_files(store_dir):
    argv = ["--format", "jsonl", "--as-of", "2025-06-30"]
    assert _jsonl(argv + ["--data-dir", str(store_dir)]) == _jsonl(argv + [str(p) for p in PAIR])


def test_downloads(store_dir, tmp_path):
    csv = tmp_path / "ledger.csv"
    assert ledger_main(["--data-dir", str(store_dir), "--as-of", "2025-06-30", "-o", str(csv)]) == 0
    data = csv.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "符合序时进度" in data.decode("utf-8-sig")
    workbook = tmp_path / "all.xlsx"
    from extract.store.cli import main as store_main

    assert store_main(["export", "--data-dir", str(store_dir), "--format", "xlsx", "-o", str(workbook)]) == 0
    sheet = openpyxl.load_workbook(workbook)["目标台账"]
    assert [c.value for c in sheet[1]][:3] == ["地区", "指标", "周期"]
