"""The tracking page (extract/dashboard/pages/tracking.py, the dashboard's 目标跟踪) driven through
Streamlit's AppTest on a fresh store of seeds/ (the seeds and the follow-up articles). What it shows
is checked against the ledger built on the store's own figures, never against numbers written into
the test."""
from __future__ import annotations

import base64
import io
import os
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from extract.dashboard import ledger_views as lv
from extract.dashboard.i18n import code_label
from extract.ledger import build_ledger
from extract.ledger.store import stored_ledger_input
from extract.store import Store

ROOT = Path(__file__).resolve().parents[2]
PAGE = "extract/dashboard/pages/tracking.py"
BOM = b"\xef\xbb\xbf"
AS_OF = date(2025, 6, 30)
WITHIN = 200


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


def open_page(as_of: date = AS_OF, query_params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    if query_params:
        at.query_params.update(query_params)
    at.run()
    at.switch_page(PAGE).run()
    at.date_input(key="trk_as_of").set_value(as_of).run()
    # targets due within WITHIN days count as due soon: on AS_OF the seeds' nearest are the year's
    at.number_input(key="trk_within").set_value(WITHIN).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def expected(as_of: date = AS_OF) -> pd.DataFrame:
    with Store(os.environ["INVEST_DATA_DIR"]) as store:
        figures, texts = stored_ledger_input(store.con)
    return lv.prepared(build_ledger(figures, texts=texts, as_of=as_of).targets)


def downloaded(at: AppTest, key: str, media: dict[str, bytes]) -> bytes:
    button = next(b for b in at.get("download_button") if b.proto.id.endswith(key))
    return media[Path(button.proto.url).stem]


def numbers(array) -> list[float]:
    """A Plotly array as numbers: JSON carries numeric arrays as base64 typed arrays."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def tables(at: AppTest) -> dict[str, pd.DataFrame]:
    """The page's tables by name, in page order (due soon, overdue, ranking) when there are due and
    overdue targets, as on AS_OF."""
    return dict(zip(("trk_due_soon_table", "trk_overdue_table", "trk_ranking_table"),
                    (frame.value for frame in at.dataframe)))


def test_due_soon_and_overdue_are_the_ledger_targets(data_dir):
    at = open_page(query_params={})
    tracked = expected()
    deadlines = pd.to_datetime(tracked["deadline"].astype("string").str[:10], errors="coerce")
    soon = tracked[tracked["status"].isin(("on_pace", "behind_pace", "no_report"))
                   & (deadlines >= pd.Timestamp(AS_OF)) & (deadlines <= pd.Timestamp(AS_OF + timedelta(days=WITHIN)))]
    late = tracked[tracked["status"].isin(("period_over", "missed"))]
    shown = tables(at)
    assert len(soon) and len(late)
    assert sorted(shown["trk_due_soon_table"]["原句"]) == sorted(soon["sentence"])
    assert sorted(shown["trk_overdue_table"]["原句"]) == sorted(late["sentence"])


def test_progress_reads_as_a_percentage_and_regions_without_glosses(data_dir):
    at = open_page()                                  # the 启东 target of 2025 is due by year end
    rows = pd.concat([t for k, t in tables(at).items() if k in ("trk_due_soon_table", "trk_overdue_table")])
    rates = [r for r in rows["完成率"] if r]
    assert rates and all(r.endswith("%") and r[:-1].isdigit() for r in rates)
    qidong = rows[(rows["指标"] == "签约1亿元以上项目") & rows["地区"].str.contains("启东")]
    assert qidong["完成率"].tolist() == ["65%"] and qidong["状态"].tolist() == [code_label("status", "on_pace")]
    assert not any("(" in region for region in rows["地区"])          # 啟東經(jīng)濟(jì)開發(fā)區 -> 啟東經濟開發區


def test_timeline_draws_every_deadline_without_overlap(data_dir):
    at = open_page()
    tracked = expected()
    timeline = pio.from_json(at.get("plotly_chart")[0].proto.spec)
    drawn = [(x, y, int(t or 1)) for trace in timeline.data
             for x, y, t in zip(trace.x, numbers(trace.y), trace.text)]
    assert sum(n for _, _, n in drawn) == tracked["deadline"].notna().sum()
    assert len({(x, y) for x, y, _ in drawn}) == len(drawn)          # no marker on top of another
    assert timeline.layout.xaxis.tickformat == "%Y年%-m月"            # dates in Chinese, not "May 2025"


def test_ranking_is_the_share_achieved(data_dir):
    at = open_page()
    ranking = lv.ranking(expected())
    table = tables(at)["trk_ranking_table"]
    assert table["目标"].tolist() == ranking["targets"].tolist()
    assert table["已完成比例"].tolist() == [f"{s:.0f}%" for s in ranking["share"]]


def test_tables_download_as_csv_with_bom_and_as_excel(data_dir, media):
    at = open_page()
    late = expected().query("status in ('period_over', 'missed')")
    csv = downloaded(at, "trk_overdue_csv", media)
    assert csv.startswith(BOM)
    table = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig")
    assert len(table) == len(late)
    workbook = load_workbook(io.BytesIO(downloaded(at, "trk_overdue_xlsx", media)))
    assert workbook.active.max_row == len(late) + 1


def test_sidebar_places_apply(data_dir):
    at = open_page(query_params={"county": "南通市/启东市"})
    regions = set(pd.concat([frame.value for frame in at.dataframe])["地区"])
    assert regions and all("启" in r or "啟" in r for r in regions)


def test_english_labels(data_dir):
    at = open_page(query_params={"lang": "en"})
    assert at.title[0].value == "Target tracking"
    assert {b.label for b in at.get("download_button")} == {"Download CSV", "Download Excel"}


def test_an_empty_store_says_so(tmp_path, monkeypatch):
    directory = tmp_path / "empty"
    Store(directory).close()       # an existing store is never seeded
    monkeypatch.setenv("INVEST_DATA_DIR", str(directory))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300).run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [i.value for i in at.info] == ["当前筛选下没有目标。"]
    assert not at.get("download_button")
