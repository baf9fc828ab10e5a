"""Exports: CSV with BOM that round-trips, Excel with figures and sources, Parquet; no formula injection."""
from __future__ import annotations

import io
import os
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from extract.store import Store, export_csv, export_parquet, export_xlsx
from extract.store.export import FIGURE_HEADERS

from store_files import REPO, SEEDS

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


@pytest.fixture
def figures(store):
    store.ingest_paths(SEEDS)
    return store.figures()


def hostile(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures with text cells a spreadsheet would run as formulas, and a negative number."""
    out = figures.head(4).copy()
    out.loc[out.index[0], "sentence"] = '=HYPERLINK("http://evil.example","点我")'
    out.loc[out.index[1], "metric_text"] = "+1+1"
    out.loc[out.index[2], "deadline_text"] = "-2+3"
    out.loc[out.index[3], "region_as_written"] = "@SUM(A1:A9)"
    out.loc[out.index[3], "value"] = -5.0
    return out


def test_csv_starts_with_a_bom_and_round_trips_through_pandas(figures):
    data = export_csv(figures)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, na_values=[""])
    assert list(back.columns) == list(figures.columns)
    assert len(back) == len(figures)
    assert back["value"].tolist() == figures["value"].tolist()
    assert back["start"].tolist() == figures["start"].tolist()
    assert back["text"].tolist() == figures["text"].tolist()
    assert back["sentence"].tolist() == figures["sentence"].tolist()
    assert back["figure_id"].tolist() == figures["figure_id"].tolist()


def test_csv_neutralises_formulas_and_keeps_numbers(figures):
    rows = hostile(figures)
    back = pd.read_csv(io.BytesIO(export_csv(rows)), encoding="utf-8-sig")
    assert back["sentence"].iloc[0] == "'" + rows["sentence"].iloc[0]
    assert back["metric_text"].iloc[1] == "'+1+1"
    assert back["deadline_text"].iloc[2] == "'-2+3"
    assert back["region_as_written"].iloc[3] == "'@SUM(A1:A9)"
    assert back["value"].iloc[3] == -5.0                      # a number stays a number
    assert back["text"].tolist() == rows["text"].tolist()       # ordinary text untouched


def test_xlsx_holds_the_rows_with_readable_headers_and_a_sources_sheet(store, figures):
    data = export_xlsx(figures, store.documents())
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["数据", "来源"]
    sheet = workbook["数据"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["文档", "起始位置", "结束位置"]
    assert "金额（亿元）" in header and "金额（万元）" in header and "数字编号" in header
    assert sheet.max_row == len(figures) + 1
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    column = {name: header.index(name) for name in header}
    for row, (_, figure) in zip(rows, figures.iterrows()):
        assert row[column["数字编号"]] == figure.figure_id
        assert row[column["数值"]] == figure.value
        assert row[column["原文"]] == figure.text
        if figure.kind == "money" and figure.currency == "CNY":
            assert row[column["类别"]] == "金额"
            assert row[column["金额（亿元）"]] == pytest.approx(figure.value / 1e8, abs=1e-8)
            assert row[column["金额（万元）"]] == pytest.approx(figure.value / 1e4, abs=1e-4)
        else:
            assert row[column["金额（亿元）"]] is None
    sources = workbook["来源"]
    assert [cell.value for cell in sources[1]][:2] == ["文档编号", "文件名"]
    assert sources.max_row == len(store.documents()) + 1


def test_xlsx_cells_never_hold_formulas(figures):
    workbook = openpyxl.load_workbook(io.BytesIO(export_xlsx(hostile(figures))))
    sheet = workbook["数据"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    values = {cell.value for cell in cells}
    assert "'@SUM(A1:A9)" in values and "'-2+3" in values
    header = [cell.value for cell in sheet[1]]
    assert sheet.cell(row=5, column=header.index("数值") + 1).value == -5.0


def test_xlsx_without_documents_lists_the_figures_sources(figures):
    workbook = openpyxl.load_workbook(io.BytesIO(export_xlsx(figures)))
    assert workbook["来源"].max_row == figures["doc_id"].nunique() + 1


def test_parquet_round_trips_exactly(figures):
    back = pd.read_parquet(io.BytesIO(export_parquet(figures)))
    pd.testing.assert_frame_equal(back, figures, check_dtype=False)


def test_every_column_has_a_chinese_header(figures):
    assert set(figures.columns) <= set(FIGURE_HEADERS)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_cli_exports_a_filtered_set(tmp_path, fmt):
    data, out = tmp_path / "data", tmp_path / f"money.{fmt}"
    with Store(data) as store:
        store.ingest_paths(SEEDS)
    result = subprocess.run([sys.executable, "-m", "extract", "export", "--data-dir", str(data), "--format", fmt,
                             "-o", str(out), "--kind", "money"], capture_output=True, text=True, env=ENV, cwd=REPO,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    with Store(data) as store:
        expected = store.figures("kind = 'money'")
        total = len(store.figures())
    assert result.stdout.strip() == f"{len(expected)} figures -> {out}"
    if fmt == "csv":
        back = pd.read_csv(out, encoding="utf-8-sig")
    elif fmt == "parquet":
        back = pd.read_parquet(out)
    else:
        back = pd.read_excel(out, sheet_name="数据").rename(columns={v: k for k, v in FIGURE_HEADERS.items()})
    assert back["figure_id"].tolist() == expected["figure_id"].tolist()
    assert 0 < len(back) < total
