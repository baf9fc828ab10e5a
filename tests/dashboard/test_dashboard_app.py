"""The app driven through Streamlit's AppTest on a fresh store of the seeds (one data folder per test).

What the app shows is checked against the store itself (pandas on Store.figures()), never
against numbers written into the test.
"""
from __future__ import annotations

import base64
import io
import os
import re
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from extract.dashboard.formatting import yi
from extract.store import Store

ROOT = Path(__file__).resolve().parents[2]
PAGES = "extract/dashboard/pages"
BOM = b"\xef\xbb\xbf"


def open_app(query_params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    if query_params:
        at.query_params.update(query_params)
    return at.run()


def store() -> Store:
    """A second connection to the app's store (DuckDB shares one database per file within a process)."""
    return Store(os.environ["INVEST_DATA_DIR"])


def store_figures() -> pd.DataFrame:
    return store().figures()


def chart(at: AppTest, index: int):
    return pio.from_json(at.get("plotly_chart")[index].proto.spec)


def numbers(array) -> list[float]:
    """A Plotly array as numbers: JSON carries numeric arrays as base64 typed arrays."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def county_keys(labels: list[str], *names: str) -> list[str]:
    """The filter keys (南通市/海门区) of the county options shown as '海门区 · 南通市' that hold `names`."""
    keys = [f"{city}/{county}" for county, city in (label.split(" · ") for label in labels)]
    picked = [k for k in keys if any(name in k.split("/")[1] for name in names)]
    assert len(picked) == len(names), labels
    return picked


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def cny_amount(frame: pd.DataFrame) -> float:
    money = frame[(frame["kind"] == "money") & (frame["currency"] == "CNY") & (frame["role"] != "threshold")]
    return money["value"].sum()


def downloaded(button, media: dict[str, bytes]) -> bytes:
    file_id = Path(button.proto.url).stem
    return media[file_id]


def test_overview_headline_is_the_store(data_dir):
    at = open_app()
    no_errors(at)
    figures = store_figures()
    shown = metrics(at)
    assert shown["文章"] == str(figures["doc_id"].nunique()) and shown["数字"] == str(len(figures))
    assert shown["目标"] == str(int(figures["is_target"].fillna(False).sum()))
    assert shown["金额合计（亿元）"] == yi(cny_amount(figures))
    assert len(at.get("plotly_chart")) == 2
    drawn_map = chart(at, 1)
    assert any(trace.fill == "toself" for trace in drawn_map.data)
    assert len(next(trace for trace in drawn_map.data if trace.mode == "markers").text) == 95


def test_overview_controls_and_drill_down(data_dir):
    at = open_app()
    at.radio(key="ov_measure").set_value("count").run()
    at.radio(key="ov_stack").set_value("stage").run()
    no_errors(at)
    counts = store_figures().query("kind == 'count'")["value"].sum()
    assert sum(np.nansum(numbers(trace.y)) for trace in chart(at, 0).data) == pytest.approx(counts)
    assert "南通市" in at.selectbox(key="ov_drill").options
    at.selectbox(key="ov_drill").set_value("南通市").run()
    no_errors(at)
    figures = store_figures()
    nantong = figures[(figures["city"] == "南通市") & (figures["kind"] == "count")]
    by_county = {}
    for trace in chart(at, 0).data:
        for region, value in zip(trace.x, numbers(trace.y)):
            if value == value:
                by_county[region] = by_county.get(region, 0) + value
    expected = nantong.groupby(nantong["county"].fillna(""))["value"].sum()
    assert by_county == pytest.approx({("（市级，未到区县）" if not county else f"{county} · 南通市"): value
                                       for county, value in expected.items()})


@pytest.mark.parametrize("key, value, keep", [
    ("f_kind", "count", lambda f: f["kind"] == "count"),
    ("f_target", "fact", lambda f: f["is_target"] == False),  # noqa: E712 (pandas element-wise)
    ("f_strength", "hard", lambda f: f["strength"] == "hard"),
    ("f_metric", ["project_count"], lambda f: f["metric"] == "project_count"),
    ("f_stage", ["signed", "started"], lambda f: f["stage"].isin(["signed", "started"])),
    ("f_deadline_from", date(2023, 1, 1), lambda f: pd.to_datetime(f["deadline"]) >= "2023-01-01"),
    ("f_deadline_to", date(2021, 12, 31), lambda f: pd.to_datetime(f["deadline"]) <= "2021-12-31"),
    ("f_doc_from", date(2023, 2, 1), lambda f: pd.to_datetime(f["doc_date"]) >= "2023-02-01"),
    ("f_doc_to", date(2022, 1, 1), lambda f: pd.to_datetime(f["doc_date"]) <= "2022-01-01"),
    ("f_search", "开工", lambda f: f["sentence"].str.contains("开工") | f["doc"].str.contains("开工")
     | f["metric_text"].fillna("").str.contains("开工") | f["region"].fillna("").str.contains("开工")),
])
def test_each_sidebar_filter_narrows_the_view_and_the_url(data_dir, key, value, keep):
    at = open_app()
    widget = next(w for kind in ("radio", "multiselect", "date_input", "text_input")
                  for w in getattr(at.sidebar, kind) if w.key == key)
    widget.set_value(value).run()
    no_errors(at)
    figures = store_figures()
    expected = figures[keep(figures).fillna(False).astype(bool)]
    assert 0 < len(expected) < len(figures)          # the seeds make every filter bite
    assert metrics(at)["数字"] == str(len(expected))
    name = {"f_search": "q"}.get(key, key[2:])
    assert name in at.query_params


def test_url_restores_a_filtered_view(data_dir):
    at = open_app()
    at.radio(key="f_kind").set_value("money").run()
    at.multiselect(key="f_metric").set_value(["total_investment", "investment"]).run()
    at.date_input(key="f_doc_from").set_value(date(2023, 1, 1)).run()
    no_errors(at)
    link = dict(at.query_params)
    assert link["kind"] == "money" and link["doc_from"] == "2023-01-01"
    assert sorted(link["metric"]) == ["investment", "total_investment"]

    reopened = open_app(link)
    no_errors(reopened)
    assert reopened.radio(key="f_kind").value == "money"
    assert sorted(reopened.multiselect(key="f_metric").value) == ["investment", "total_investment"]
    assert reopened.date_input(key="f_doc_from").value == date(2023, 1, 1)
    assert metrics(reopened) == metrics(at)
    assert dict(reopened.query_params) == link


def test_clear_filters_and_english(data_dir):
    at = open_app({"kind": "count", "lang": "en"})
    assert "Figures" in metrics(at) and at.radio(key="f_kind").value == "count"
    at.sidebar.button[0].click().run()
    no_errors(at)
    assert metrics(at)["Figures"] == str(len(store_figures()))
    assert "kind" not in at.query_params and at.query_params["lang"] == "en"
    at.radio(key="lang").set_value("zh").run()
    assert "数字" in metrics(at) and "lang" not in at.query_params


def test_compare_two_districts(placed_data_dir):
    at = open_app()
    at.switch_page(f"{PAGES}/compare.py").run()
    no_errors(at)
    picked = county_keys(at.multiselect(key="cmp_regions").options, "海门", "启东")
    at.multiselect(key="cmp_regions").set_value(picked).run()
    no_errors(at)
    table = at.dataframe[0].value
    assert len(table) == 2
    figures = store_figures()
    for label, count in zip(table.iloc[:, 0], table.iloc[:, 1]):
        county = label.split(" · ")[0]
        assert count == (figures["county"] == county).sum()
    assert len(at.get("plotly_chart")) >= 1
    assert sorted(at.query_params["compare"]) == sorted(picked) == sorted(at.multiselect(key="cmp_regions").value)


def test_compare_link_restores_the_regions(placed_data_dir):
    link = {"compare": ["南通市/海门区", "南通市/启东市"], "level": "county", "kind": "money"}
    at = open_app(link)
    at.switch_page(f"{PAGES}/compare.py").run()
    no_errors(at)
    assert sorted(at.multiselect(key="cmp_regions").value) == sorted(link["compare"])
    table = at.dataframe[0].value
    figures = store_figures()
    money = figures[(figures["kind"] == "money") & figures["county"].isin(["海门区", "启东市"])]
    assert table.iloc[:, 1].sum() == len(money)


def test_sidebar_counties_become_the_comparison(placed_data_dir):
    at = open_app()
    picked = county_keys(at.multiselect(key="f_county").options, "海门", "启东")
    at.multiselect(key="f_county").set_value(picked).run()
    at.switch_page(f"{PAGES}/compare.py").run()
    no_errors(at)
    assert sorted(at.multiselect(key="cmp_regions").value) == sorted(picked)


def test_upload_several_articles_with_errors_in_words(data_dir):
    at = open_app()
    at.switch_page(f"{PAGES}/documents.py").run()
    before = len(store_figures())
    article = "2023年3月1日，海门区召开大会。全年新签约亿元以上项目12个，计划总投资50亿元。".encode("utf-8")
    seed = (ROOT / "seeds" / "000_3c6eb037d3059398.txt").read_bytes()
    at.file_uploader(key="doc_uploads").set_value([
        ("新文章.txt", article, "text/plain"),
        ("坏文件.pdf", b"this is not a pdf", "application/pdf"),
        ("种子.txt", seed, "text/plain"),
    ]).run()
    at.button(key="doc_ingest").click().run()
    no_errors(at)
    assert [s.value.split("：")[0] for s in at.success] == ["新文章\\.txt", "种子\\.txt"]
    assert len(at.error) == 1 and at.error[0].value.startswith("坏文件\\.pdf：失败")
    assert "pdf" in at.error[0].value.lower()
    added = store_figures()
    assert len(added) > before and (added["doc"] == "新文章.txt").any()
    at.switch_page(f"{PAGES}/overview.py").run()
    assert metrics(at)["文章"] == str(added["doc_id"].nunique()) and metrics(at)["数字"] == str(len(added))


def test_correction_edit_delete_and_add_reach_the_store_at_once(data_dir):
    at = open_app()
    at.switch_page(f"{PAGES}/figures.py").run()
    no_errors(at)
    ids = at.session_state["fig_editor_ids"]
    table = at.data_editor[0].value
    assert len(table) == len(ids) == len(store_figures())
    doc = table["doc"].iloc[0]
    doc_id = store().documents().set_index("name").loc[doc, "doc_id"]
    missed = re.search(r"\d+", store().document_text(doc_id)).group()   # a number the rules did not take
    at.session_state[at.data_editor[0].key] = {
        "edited_rows": {0: {"value": 123456789.0, "qualifier": "approx"}, 1: {"delete": True}},
        "added_rows": [{"doc": doc, "text": missed, "kind": "count", "value": int(missed), "unit": "个"}],
        "deleted_rows": [],
    }
    at.button(key="fig_save").click().run()
    no_errors(at)
    assert at.success and at.success[0].value.startswith("已保存 4 处更正")
    after = store_figures().set_index("figure_id")
    assert after.loc[ids[0], "value"] == 123456789.0 and after.loc[ids[0], "qualifier"] == "approx"
    assert ids[1] not in after.index
    added = after[(after["doc"] == doc) & (after["text"] == missed) & (after["kind"] == "count")]
    assert added["value"].tolist() == [int(missed)]
    shown = at.data_editor[0].value
    assert "≈1.23亿元" in shown["shown"].tolist()
    assert len(shown) == len(after)


def test_edits_do_not_follow_the_rows_to_another_table(data_dir):
    at = open_app()
    at.switch_page(f"{PAGES}/figures.py").run()
    all_rows_key = at.data_editor[0].key
    at.session_state[all_rows_key] = {"edited_rows": {0: {"delete": True}}, "added_rows": [], "deleted_rows": []}
    at.radio(key="f_kind").set_value("count").run()       # the table now holds other rows
    assert at.data_editor[0].key != all_rows_key
    before = len(store_figures())
    at.button(key="fig_save").click().run()
    assert at.success[0].value.startswith("已保存 0 处更正")
    assert len(store_figures()) == before


def test_an_added_row_must_quote_the_article(data_dir):
    at = open_app()
    at.switch_page(f"{PAGES}/figures.py").run()
    doc = at.data_editor[0].value["doc"].iloc[0]
    before = len(store_figures())
    at.session_state[at.data_editor[0].key] = {"edited_rows": {}, "deleted_rows": [],
                                        "added_rows": [{"doc": doc, "text": "不在文中的话", "kind": "money",
                                                        "value": 1e8}]}
    at.button(key="fig_save").click().run()
    assert at.error and "不在文中的话" in at.error[0].value
    assert len(store_figures()) == before


def test_downloads_carry_the_filtered_table(data_dir, media):
    at = open_app({"kind": "count"})
    at.switch_page(f"{PAGES}/figures.py").run()
    no_errors(at)
    expected = store_figures().query("kind == 'count'")
    csv_button, xlsx_button = at.download_button
    assert csv_button.proto.ignore_rerun and xlsx_button.proto.ignore_rerun   # on_click="ignore"
    csv = downloaded(csv_button, media)
    assert csv.startswith(BOM)
    table = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig")
    assert len(table) == len(expected)
    assert sorted(table["figure_id"]) == sorted(expected["figure_id"])
    workbook = load_workbook(io.BytesIO(downloaded(xlsx_button, media)))
    assert workbook["数据"].max_row == len(expected) + 1


def test_large_selections_download_on_click(data_dir, monkeypatch):
    from extract.dashboard import downloads
    from streamlit.runtime.media_file_manager import MediaFileManager

    made = {}
    original = MediaFileManager.add_deferred

    def recording(self, callable_, mimetype, coordinates, file_name=None, **kwargs):
        file_id = original(self, callable_, mimetype, coordinates, file_name=file_name, **kwargs)
        made[file_name] = callable_
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    monkeypatch.setattr(downloads, "EAGER_ROWS", 1)
    at = open_app()
    at.switch_page(f"{PAGES}/figures.py").run()
    no_errors(at)
    assert all(button.proto.deferred_file_id for button in at.download_button)
    csv = next(make for name, make in made.items() if name.endswith(".csv"))()
    assert csv.startswith(BOM)
    assert len(pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig")) == len(store_figures())


def test_provenance_and_document_view_show_the_text_as_written(data_dir):
    at = open_app()
    at.switch_page(f"{PAGES}/figures.py").run()
    rows = at.data_editor[0].value
    at.selectbox(key="fig_pick").set_value(3).run()
    no_errors(at)
    sentence_html, document_html = at.get("html")[0].proto.body, at.get("html")[1].proto.body
    assert f">{rows['text'].iloc[3]}</mark>" in sentence_html.replace("&amp;", "&")
    assert document_html.count("<mark") >= 1

    at.switch_page(f"{PAGES}/documents.py").run()
    documents = at.selectbox(key="doc_pick")
    heading_doc = next(doc_id for doc_id in store().documents()["doc_id"]
                       if "## 全区项目建设动员大会召开" in store().document_text(doc_id))
    documents.set_value(heading_doc).run()
    no_errors(at)
    body = at.get("html")[0].proto.body
    assert "## 全区项目建设动员大会召开" in body and "<h2" not in body
    figures = store_figures()
    assert body.count("<mark") == (figures["doc_id"] == heading_doc).sum()


@pytest.mark.parametrize("page, title", [("overview.py", "Investment targets"), ("compare.py", "Compare districts"),
                                         ("figures.py", "Figures"), ("documents.py", "Articles & upload")])
def test_every_page_in_english(placed_data_dir, page, title):
    at = open_app({"lang": "en", "county": ["南通市/海门区", "南通市/启东市"]})
    at.switch_page(f"{PAGES}/{page}").run()
    no_errors(at)
    assert at.title[0].value == title
    assert at.sidebar.multiselect(key="f_county").value == ["南通市/海门区", "南通市/启东市"]
