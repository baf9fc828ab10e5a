"""The tracking page (extract/tracking/page.py) driven through Streamlit's AppTest on a fresh store
of seeds/ (the seeds and the follow-up articles). What it shows is checked against the tracking
functions run on the store's own figures, never against numbers written into the test."""
from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.io as pio
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from extract.dashboard.filters import Filters
from extract.store import Store
from extract.tracking import facts_from_figures, match_outcomes, region_ranking, targets_from_figures
from extract.tracking.export import STATUS_LABELS, STATUS_MARKS

PAGE = Path(__file__).resolve().parents[2] / "extract" / "tracking" / "page.py"
BOM = b"\xef\xbb\xbf"
AS_OF = date(2025, 6, 30)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """One store of seeds/ for the module: the page only reads it."""
    directory = tmp_path_factory.mktemp("tracking") / "data"
    before = os.environ.get("INVEST_DATA_DIR")
    os.environ["INVEST_DATA_DIR"] = str(directory)
    Store.open_default().close()
    yield directory
    if before is None:
        del os.environ["INVEST_DATA_DIR"]
    else:
        os.environ["INVEST_DATA_DIR"] = before


def open_page(as_of: date = AS_OF, **session) -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=300)
    for key, value in session.items():
        at.session_state[key] = value
    at.run()
    at.date_input(key="trk_as_of").set_value(as_of).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def expected(as_of: date = AS_OF) -> pd.DataFrame:
    figures = Store(os.environ["INVEST_DATA_DIR"]).figures()
    return match_outcomes(targets_from_figures(figures), facts_from_figures(figures), as_of=as_of)


def downloaded(at: AppTest, key: str, media: dict[str, bytes]) -> bytes:
    button = next(b for b in at.get("download_button") if b.proto.id.endswith(key) or key in b.proto.id)
    return media[Path(button.proto.url).stem]


def test_page_shows_every_target_with_its_status(data_dir):
    at = open_page()
    tracked = expected()
    shown = {m.label: int(m.value) for m in at.metric}
    for status, (zh, _) in STATUS_LABELS.items():
        assert shown[f"{STATUS_MARKS[status]} {zh}"] == int((tracked["status"] == status).sum())
    table = at.dataframe[0].value
    assert len(table) == len(tracked)
    # the 启东 goal of 2025 with its May report: on track at the end of June
    qidong = table[table["目标原文"].str.contains("40")]
    assert qidong["状态"].tolist() == ["🔵 符合序时进度"] and qidong["进度（%）"].tolist() == [65.0]
    assert set(table["状态"]) <= {f"{STATUS_MARKS[s]} {zh}" for s, (zh, _) in STATUS_LABELS.items()}


def test_timeline_and_ranking_are_the_tracked_targets(data_dir):
    at = open_page()
    tracked = expected()
    timeline = pio.from_json(at.get("plotly_chart")[0].proto.spec)
    assert sum(len(trace.x) for trace in timeline.data) == tracked["deadline"].notna().sum()
    ranking = at.dataframe[-1].value
    assert ranking["目标数"].tolist() == region_ranking(tracked)["targets"].tolist()
    assert ranking["完成比例（%）"].tolist() == (region_ranking(tracked)["share_met"] * 100).round(1).tolist()


def test_table_downloads_as_csv_with_bom_and_as_excel(data_dir, media):
    at = open_page()
    tracked = expected()
    buttons = {b.label for b in at.get("download_button")}
    assert buttons == {"下载 CSV", "下载 Excel"}
    csv = downloaded(at, "trk_targets_csv", media)
    assert csv.startswith(BOM)
    table = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig")
    assert len(table) == len(tracked)
    assert sorted(table["目标编号"]) == sorted(tracked["goal_id"])
    workbook = load_workbook(io.BytesIO(downloaded(at, "trk_targets_xlsx", media)))
    assert workbook["数据"].max_row == len(tracked) + 1
    assert workbook["来源"].max_row > 1


def test_due_soon_and_overdue_follow_the_date(data_dir):
    as_of = date(2025, 12, 10)
    at = open_page(as_of)
    tracked = expected(as_of)
    days = pd.to_numeric(tracked["days_left"])
    soon = tracked[(days >= 0) & (days <= 30) & (tracked["status"] != "achieved")]
    late = tracked[(days < 0) & (tracked["status"] != "achieved")]
    assert len(soon) and len(late)
    # tables in page order: all targets, due soon, overdue, ranking
    _, due, overdue, _ = (d.value for d in at.dataframe)
    assert sorted(due["目标原文"]) == sorted(soon["text"])
    assert sorted(overdue["目标原文"]) == sorted(late["text"])
    at.number_input(key="trk_within").set_value(10).run()
    assert "即将到期（10天内）" in [s.value for s in at.subheader]
    assert [i.value for i in at.info] == ["没有即将到期的未完成目标。"]   # nothing falls due by 12-20
    assert len(at.dataframe) == 3


def test_sidebar_filters_apply(data_dir):
    at = open_page(filters=Filters(county=("南通市/启东市",)))
    table = at.dataframe[0].value
    tracked = expected()
    assert len(table) == (tracked["county"] == "启东市").sum() > 0
    assert set(table["地区（今）"]) == {"启东市（南通市）"}


def test_english_labels(data_dir):
    at = open_page(lang="en")
    assert at.title[0].value == "Target tracking"
    assert {b.label for b in at.get("download_button")} == {"Download CSV", "Download Excel"}


def test_an_empty_store_says_so(tmp_path, monkeypatch):
    directory = tmp_path / "empty"
    Store(directory).close()       # an existing store is never seeded
    monkeypatch.setenv("INVEST_DATA_DIR", str(directory))
    at = AppTest.from_file(str(PAGE), default_timeout=300).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [i.value for i in at.info] == ["当前筛选下没有目标。"]
    assert not at.get("download_button")
