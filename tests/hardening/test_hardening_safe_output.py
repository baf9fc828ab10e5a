"""Safe output: article text never renders as markup in the dashboard, spreadsheet exports never
start a formula, uploads have a size limit, and names like ../x never write outside the data folder."""
from __future__ import annotations

import csv
import io
import json
import tomllib

import openpyxl
import pytest

from extract.sources import MAX_FILE_BYTES
from extract.store import Store, export_csv, export_xlsx

from hardening_support import REPO, SEEDS, run_cli

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(2)>"
MARKDOWN = "**bold** [link](http://x)"
HOSTILE = ("南通市海门区召开招商大会。\n"
           "=HYPERLINK(\"http://x\",\"点击\")全年签约项目3个。\n"
           "+1力争新开工项目5个。\n"
           "-2026年计划投资20亿元。\n"
           "@SUM(A1)新签约企业8家。\n"
           f"海门区力争签约{IMAGE}总投资超10亿元的{MARKDOWN}项目12个{SCRIPT}。\n"
           f"# 标题 {SCRIPT}\n")
HOSTILE_NAME = "<b>evil<i>.txt"
# What markup the article holds; none of it may reach a renderer that interprets it.
RAW_MARKUP = ("<script", "<img", "</script>")
RAW_MARKDOWN = ("**bold**", "[link](http://x)")
PAGES = {"documents": "extract/dashboard/pages/documents.py", "figures": "extract/dashboard/pages/figures.py",
         "overview": "extract/dashboard/pages/overview.py", "compare": "extract/dashboard/pages/compare.py"}
MARKDOWN_ELEMENTS = ("markdown", "caption", "title", "header", "subheader", "success", "error", "info", "warning",
                     "latex", "code")


@pytest.fixture
def hostile_store(tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    monkeypatch.setenv("INVEST_DATA_DIR", str(data_dir))
    with Store(data_dir) as store:
        result = store.ingest_bytes(HOSTILE_NAME, HOSTILE.encode("utf-8"))
        assert result.status == "ingested" and result.figures >= 6
    return data_dir


def _app(page: str):
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=180)
    app.run()
    app.switch_page(PAGES[page])
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _assert_nothing_renders_as_markup(app) -> list[str]:
    """Every HTML and Markdown body of the page holds no raw markup of the article; returns the HTML bodies."""
    html_bodies = [element.proto.body for element in app.get("html")]
    for body in html_bodies:
        for raw in RAW_MARKUP:
            assert raw not in body, f"raw {raw!r} handed to st.html"
    for kind in MARKDOWN_ELEMENTS:
        for element in app.get(kind):
            body = getattr(element.proto, "body", "") or ""
            for raw in RAW_MARKUP + RAW_MARKDOWN:
                assert raw not in body, f"{kind} renders {raw!r} from the article"
            if getattr(element.proto, "allow_html", False):
                assert "海门" not in body and "alert" not in body, f"{kind} with unsafe_allow_html shows article text"
    for chart in app.get("plotly_chart"):
        for text in _strings(json.loads(chart.proto.spec)):
            for raw in RAW_MARKUP:
                assert raw not in text, f"raw {raw!r} in a chart's text (Plotly reads some HTML)"
    return html_bodies


def test_documents_page_shows_the_article_as_text(hostile_store):
    app = _app("documents")
    bodies = _assert_nothing_renders_as_markup(app)
    shown = "".join(bodies)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert "&lt;img src=x onerror=alert(2)&gt;" in shown
    assert MARKDOWN in shown              # st.html reads no Markdown: the asterisks show as written
    assert "&lt;b&gt;evil&lt;i&gt;.txt" in shown


def test_figures_page_shows_the_sentence_as_text(hostile_store):
    app = _app("figures")
    picker = app.selectbox(key="fig_pick")
    dirty = next(i for i, label in enumerate(picker.options) if label.endswith("超10亿元"))
    picker.set_value(dirty).run()
    assert not app.exception
    bodies = _assert_nothing_renders_as_markup(app)
    provenance = next(body for body in bodies if "超10亿元</mark>" in body)
    assert "&lt;img src=x onerror=alert(2)&gt;" in provenance and MARKDOWN in provenance


@pytest.mark.parametrize("page", ["overview", "compare"])
def test_summary_pages_render_no_article_markup(hostile_store, page):
    _assert_nothing_renders_as_markup(_app(page))


# -- spreadsheets --------------------------------------------------------------------------------
FORMULA_STARTS = ("=", "+", "-", "@")


@pytest.fixture
def hostile_figures(tmp_path):
    with Store(tmp_path / "data") as store:
        store.ingest_bytes("=cmd.txt", HOSTILE.encode("utf-8"))
        figures = store.figures()
    assert {s[0] for s in figures["sentence"]} >= set(FORMULA_STARTS)
    figures.loc[0, "value"] = -5e8                  # a negative number stored as a number
    figures.loc[1, "sentence_start"] = -3
    return figures


def test_csv_cells_never_start_a_formula_and_numbers_stay_numbers(hostile_figures):
    rows = list(csv.reader(io.StringIO(export_csv(hostile_figures).decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    numeric = {c for c in hostile_figures.columns if hostile_figures[c].dtype.kind in "if"}
    for row in body:
        for column, cell in zip(header, row):
            if column in numeric:
                float(cell or 0)                        # a number, written as one
            else:
                assert not cell.startswith(FORMULA_STARTS), (column, cell)
    sentences = [row[header.index("sentence")] for row in body]
    assert "'=HYPERLINK(\"http://x\",\"点击\")全年签约项目3个。" in sentences
    assert {s[:2] for s in sentences} >= {"'=", "'+", "'-", "'@"}
    assert body[0][header.index("value")] == "-500000000.0"
    assert body[1][header.index("sentence_start")] == "-3"


def test_xlsx_cells_never_start_a_formula_and_numbers_stay_numbers(hostile_figures):
    workbook = openpyxl.load_workbook(io.BytesIO(export_xlsx(hostile_figures)))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_STARTS), (sheet.title, cell.coordinate, cell.value)
    sheet = workbook["数据"]
    headers = [cell.value for cell in sheet[1]]
    value = sheet.cell(2, headers.index("数值") + 1)
    assert value.value == -5e8 and value.data_type == "n"
    assert sheet.cell(3, headers.index("句子起始位置") + 1).value == -3
    names = [cell.value for cell in workbook["来源"]["B"][1:]]
    assert names == ["'=cmd.txt"]


# -- uploads and names ---------------------------------------------------------------------------
def test_upload_limit_is_the_same_in_the_browser_the_page_and_the_store(hostile_store):
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    limit_mb = config["server"]["maxUploadSize"]
    uploader = _app("documents").get("file_uploader")[0]
    assert uploader.proto.max_upload_size_mb == limit_mb
    assert MAX_FILE_BYTES == limit_mb * 2**20


def test_an_upload_above_the_limit_is_refused_and_stores_nothing(tmp_path):
    with Store(tmp_path / "data") as store:
        store.ingest_bytes("ok.txt", SEEDS[0].read_bytes())
        before = len(store.documents()), len(store.figures())
        too_big = (SEEDS[1].read_text(encoding="utf-8") * 4000).encode("utf-8")[:MAX_FILE_BYTES + 1]
        result = store.ingest_bytes("big.txt", too_big)
        assert result.status == "failed" and "too large" in result.reason
        assert (len(store.documents()), len(store.figures())) == before


def test_files_named_with_dots_and_slashes_never_write_outside_the_data_folder(tmp_path):
    """A file really named `..\\..\\x.txt` on disk (legal on Linux) and an upload named ../../x.txt."""
    inside = tmp_path / "in"
    inside.mkdir()
    odd = inside / "..\\..\\x.txt"
    odd.write_bytes(SEEDS[0].read_bytes())
    data_dir = tmp_path / "a" / "data"
    before = set(tmp_path.rglob("*"))
    done = run_cli("ingest", "--data-dir", data_dir, "--no-seeds", odd)
    assert done.returncode == 0, done.stderr
    with Store(data_dir) as store:
        assert store.ingest_bytes("../../y.txt", SEEDS[1].read_bytes()).status == "ingested"
        assert sorted(store.documents()["name"]) == ["x.txt", "y.txt"]
    created = set(tmp_path.rglob("*")) - before
    assert created and all(path == data_dir or data_dir in path.parents or path == data_dir.parent
                           for path in created), created
