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

from extract.dashboard import ledger_views as lv
from extract.dashboard.i18n import CODES, code_label
from extract.ledger import LABELS as LEDGER_LABELS, build_ledger
from extract.ledger.store import stored_ledger_input
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


def widget(at: AppTest, kind: str, name: str, lang: str = "zh"):
    """A widget whose labels follow the language: one per language, keyed _<name>__<lang> (ui.choice)."""
    return getattr(at, kind)(key=f"_{name}__{lang}")


def ledger_targets(as_of: date | None = None) -> pd.DataFrame:
    """The ledger of the store's own figures and texts, prepared as the pages prepare it."""
    figures, texts = stored_ledger_input(store().con)
    return lv.prepared(build_ledger(figures, texts=texts, as_of=as_of or date.today()).targets)


def bar_values(at: AppTest) -> list[float]:
    """Every bar height or length of every chart on the page."""
    values = []
    for index in range(len(at.get("plotly_chart"))):
        for trace in chart(at, index).data:
            if trace.type == "bar":
                values += numbers(trace.x if trace.orientation == "h" else trace.y)
    return values


def downloaded(button, media: dict[str, bytes]) -> bytes:
    file_id = Path(button.proto.url).stem
    return media[file_id]


def test_first_screen_is_the_ledger(data_dir):
    at = open_app()
    no_errors(at)
    targets = ledger_targets()
    year = lv.default_year(targets)
    assert widget(at, "selectbox", "year").value == year
    chosen = lv.in_period(targets, year, "全年")
    assert metrics(at) == {code_label("status", s): f"{n:,}" for s, n in lv.status_counts(chosen).items()}
    table = at.dataframe[0].value
    assert len(table) == len(chosen)
    assert set(table["完成率"]) == {lv.percent(p) for p in chosen["progress"]}
    assert all(rate == "" or rate.endswith("%") and "." not in rate for rate in table["完成率"])
    assert set(table["状态"]) <= {code_label("status", s) for s in lv.STATUS_ORDER}


def test_period_selector_and_indicator_are_in_the_url(data_dir):
    at = open_app()
    targets = ledger_targets()
    other = next(y for y in lv.periods(targets) if y != lv.default_year(targets))
    widget(at, "selectbox", "year").set_value(other).run()
    no_errors(at)
    assert at.query_params["year"] == other
    chosen = lv.in_period(targets, other, "全年")
    assert len(at.dataframe[0].value) == len(chosen)
    reopened = open_app({"year": other})
    assert widget(reopened, "selectbox", "year").value == other
    assert len(reopened.dataframe[0].value) == len(chosen)


def test_a_reported_target_reads_with_its_rate_and_status(data_dir):
    """启东 2025: 签约1亿元以上项目 26 of a target of 40, 65% (the seeds' 启东 article and its report)."""
    at = open_app({"year": "2025"})
    no_errors(at)
    table = at.dataframe[0].value
    row = table[(table["指标"] == "签约1亿元以上项目") & table["地区"].str.contains("启东")].iloc[0]
    assert (row["目标"], row["最新实绩"], row["完成率"]) == ("40个项目", "26个项目", "65%")
    assert row["状态"] in {code_label("status", s) for s in lv.STATUS_ORDER}


def test_overview_follows_the_sidebar_counties(placed_data_dir):
    at = open_app({"year": "2025"})
    picked = county_keys(at.multiselect(key="_f_county__zh").options, "海门", "启东")
    at.multiselect(key="_f_county__zh").set_value(picked).run()
    no_errors(at)
    regions = set(at.dataframe[0].value["地区"])
    assert regions and all(("海门" in r) or ("启东" in r) for r in regions)


def test_language_round_trip_keeps_the_view(data_dir):
    at = open_app({"kind": "money"})
    for lang in ("en", "zh", "en", "zh"):
        at.radio(key="lang").set_value(lang).run()
        no_errors(at)
        assert widget(at, "radio", "f_kind", lang).value == "money"
        assert at.query_params["kind"] == "money"
        assert widget(at, "selectbox", "year", lang).value == lv.default_year(ledger_targets())
    at.switch_page(f"{PAGES}/distribution.py").run()
    at.radio(key="lang").set_value("en").run()
    widget(at, "radio", "stack", "en").set_value("stage").run()
    at.radio(key="lang").set_value("zh").run()
    no_errors(at)
    assert widget(at, "radio", "stack").value == "stage" and at.query_params["stack"] == "stage"


def test_no_bar_trace_carries_a_missing_value(placed_data_dir):
    at = open_app({"year": "2025"})
    pages = {"overview.py": {}, "distribution.py": {}, "compare.py": {}, "tracking.py": {}}
    drawn = 0
    for page in pages:
        at.switch_page(f"{PAGES}/{page}").run()
        no_errors(at)
        if page == "compare.py":
            options = widget(at, "multiselect", "compare").options
            widget(at, "multiselect", "compare").set_value(options[:3]).run()
        values = bar_values(at)
        drawn += len(values)
        assert all(v == v for v in values), page
    at.switch_page(f"{PAGES}/distribution.py").run()
    widget(at, "radio", "stack").set_value("stage").run()
    assert all(v == v for v in bar_values(at))
    assert drawn > 0


def test_stacked_bars_add_up_to_each_region(data_dir):
    """A region without one of the stacks still shows its whole height (Plotly restarts a stack
    after a missing value, which drew 南通 lower than its figures)."""
    at = open_app()
    at.switch_page(f"{PAGES}/distribution.py").run()
    bars = chart(at, 0).data
    totals = np.sum([numbers(trace.y) for trace in bars], axis=0)
    figures = store_figures()
    expected = figures.groupby(figures["city"].fillna(""))["figure_id"].count()
    regions = [r for r in bars[0].x]
    assert dict(zip(regions, totals)) == {("（未定位）" if not k else k): v for k, v in expected.items()}


def test_distribution_sums_only_one_metric_of_one_side(data_dir):
    at = open_app()
    at.switch_page(f"{PAGES}/distribution.py").run()
    assert widget(at, "radio", "measure").options == ["数字条数"]
    # a project's 总投资 is its size, a fact: the seeds' amounts with targets are 投资 and the like
    at.multiselect(key="_f_metric__zh").set_value(["investment"]).run()
    widget(at, "radio", "f_target").set_value("target").run()
    widget(at, "radio", "measure").set_value("amount").run()
    no_errors(at)
    figures = store_figures()
    chosen = figures[(figures["metric"] == "investment") & (figures["is_target"] == True)]  # noqa: E712
    assert sum(bar_values(at)) == pytest.approx(cny_amount(chosen) / 1e8)
    assert at.query_params["measure"] == "amount"


def test_distribution_controls_drill_down_and_url(data_dir):
    at = open_app()
    at.switch_page(f"{PAGES}/distribution.py").run()
    widget(at, "radio", "stack").set_value("stage").run()
    widget(at, "selectbox", "drill").set_value("南通市").run()
    no_errors(at)
    assert at.query_params["drill"] == "南通市" and at.query_params["stack"] == "stage"
    figures = store_figures()
    nantong = figures[figures["city"] == "南通市"]
    by_county = {}
    for trace in chart(at, 0).data:
        for region, value in zip(trace.x, numbers(trace.y)):
            by_county[region] = by_county.get(region, 0) + value
    expected = nantong.groupby(nantong["county"].fillna(""))["figure_id"].count()
    assert {k: v for k, v in by_county.items() if v} == {
        ("（市级，未到区县）" if not county else f"{county} · 南通市"): value for county, value in expected.items()}
    reopened = open_app(dict(at.query_params))
    reopened.switch_page(f"{PAGES}/distribution.py").run()
    assert widget(reopened, "selectbox", "drill").value == "南通市"


def test_a_county_selection_draws_counties(placed_data_dir):
    at = open_app({"county": ["南通市/海门区", "南通市/启东市"]})
    at.switch_page(f"{PAGES}/distribution.py").run()
    no_errors(at)
    assert sorted(chart(at, 0).data[0].x) == ["启东市 · 南通市", "海门区 · 南通市"]


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
    at.switch_page(f"{PAGES}/distribution.py").run()
    keys = (key, f"_{key}__zh")
    widget_ = next(w for kind in ("radio", "multiselect", "date_input", "text_input")
                   for w in getattr(at.sidebar, kind) if w.key in keys)
    widget_.set_value(value).run()
    no_errors(at)
    figures = store_figures()
    expected = figures[keep(figures).fillna(False).astype(bool)]
    assert 0 < len(expected) < len(figures)          # the seeds make every filter bite
    assert metrics(at)["数字"] == str(len(expected))
    name = {"f_search": "q"}.get(key, key[2:])
    assert name in at.query_params


def test_url_restores_a_filtered_view(data_dir):
    at = open_app()
    at.switch_page(f"{PAGES}/distribution.py").run()
    widget(at, "radio", "f_kind").set_value("money").run()
    widget(at, "multiselect", "f_metric").set_value(["total_investment", "investment"]).run()
    at.date_input(key="f_doc_from").set_value(date(2023, 1, 1)).run()
    no_errors(at)
    link = dict(at.query_params)
    assert link["kind"] == "money" and link["doc_from"] == "2023-01-01"
    assert sorted(link["metric"]) == ["investment", "total_investment"]

    reopened = open_app(link)
    reopened.switch_page(f"{PAGES}/distribution.py").run()
    no_errors(reopened)
    assert widget(reopened, "radio", "f_kind").value == "money"
    assert sorted(widget(reopened, "multiselect", "f_metric").value) == ["investment", "total_investment"]
    assert reopened.date_input(key="f_doc_from").value == date(2023, 1, 1)
    assert metrics(reopened) == metrics(at)
    assert dict(reopened.query_params) == link


def test_clear_filters_and_english(data_dir):
    at = open_app({"kind": "count", "lang": "en"})
    at.switch_page(f"{PAGES}/distribution.py").run()
    assert "Figures" in metrics(at) and widget(at, "radio", "f_kind", "en").value == "count"
    at.sidebar.button[0].click().run()
    no_errors(at)
    assert metrics(at)["Figures"] == str(len(store_figures()))
    assert widget(at, "radio", "f_kind", "en").value == "all"
    assert "kind" not in at.query_params and at.query_params["lang"] == "en"
    at.radio(key="lang").set_value("zh").run()
    assert "数字" in metrics(at) and "lang" not in at.query_params


def test_compare_two_districts_target_against_achieved(placed_data_dir):
    at = open_app({"year": "2025"})
    at.switch_page(f"{PAGES}/compare.py").run()
    no_errors(at)
    options = widget(at, "multiselect", "compare").options
    picked = [o for o in options if o.startswith(("海门", "启东"))]
    widget(at, "multiselect", "compare").set_value(picked).run()
    no_errors(at)
    targets = lv.in_period(ledger_targets(), "2025", "全年")
    series = widget(at, "selectbox", "indicator").value
    expected = lv.compare(targets, series, [r for r in targets["region_label"].unique() if r.startswith(("海门", "启东"))])
    table = at.dataframe[0].value
    assert table["目标"].tolist() == [lv.value_text(v, u) for v, u in zip(expected["target_value"], expected["unit"])]
    bars = chart(at, 0).data
    assert [trace.name for trace in bars] == ["最新实绩", "目标"]
    assert sorted(at.query_params["compare"]) == sorted(picked)


def test_compare_link_restores_the_regions(placed_data_dir):
    at = open_app({"year": "2025"})
    at.switch_page(f"{PAGES}/compare.py").run()
    picked = widget(at, "multiselect", "compare").options[:2]
    reopened = open_app({"year": "2025", "compare": picked})
    reopened.switch_page(f"{PAGES}/compare.py").run()
    no_errors(reopened)
    assert widget(reopened, "multiselect", "compare").value == picked


def test_every_code_has_a_label_in_both_languages():
    from extract.context.metric import METRICS, STAGES
    from extract.ledger import STATUSES
    from extract.record import COUNTED, KINDS, QUALIFIERS, ROLES, STRENGTHS

    vocabularies = {"metric": METRICS, "stage": STAGES, "kind": KINDS, "qualifier": QUALIFIERS,
                    "strength": STRENGTHS, "role": ROLES, "counted": COUNTED, "status": STATUSES,
                    "is_target": ("target", "result")}
    assert set(vocabularies) == set(CODES)
    for name, codes in vocabularies.items():
        for code in codes:
            assert code in CODES[name], (name, code)       # a label of its own, not the code shown as it is
            zh, en = code_label(name, code, "zh"), code_label(name, code, "en")
            assert zh and en, (name, code)
            assert not any("a" <= c.lower() <= "z" for c in zh), (name, code, zh)
    # the ledger's own codes (measures, objects, links), which the ledger pages show through its labels
    for code, (zh, en) in LEDGER_LABELS.items():
        assert zh and en and not any("a" <= c.lower() <= "z" for c in zh), code


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
    assert [e.value for e in at.error] == ["坏文件\\.pdf：失败：文件扩展名与内容不符"]   # in Chinese, as the page
    added = store_figures()
    assert len(added) > before and (added["doc"] == "新文章.txt").any()
    at.switch_page(f"{PAGES}/distribution.py").run()
    assert metrics(at)["文章"] == str(added["doc_id"].nunique()) and metrics(at)["数字"] == str(len(added))


def figures_page(query_params: dict | None = None) -> AppTest:
    at = open_app(query_params)
    at.switch_page(f"{PAGES}/figures.py").run()
    no_errors(at)
    return at


def edit(at: AppTest, edited_rows: dict) -> AppTest:
    """What the browser's editor sends: its whole state, every edit of its life so far."""
    at.session_state[at.data_editor[0].key] = {"edited_rows": edited_rows, "added_rows": [], "deleted_rows": []}
    return at.run()


def test_each_edit_is_stored_as_it_is_made(data_dir):
    at = figures_page()
    ids = at.session_state["fig_editor_ids"]
    table = at.data_editor[0].value
    assert len(table) == len(ids) == len(store_figures())
    money = next(i for i, kind in enumerate(table["kind_label"]) if kind == "金额")
    edits = {money: {"number": 12345.6789}}
    edit(at, edits)
    no_errors(at)
    after = store_figures().set_index("figure_id")
    assert after.loc[ids[money], "value"] == 123456789.0
    edits[1] = {"qualifier": "约"}
    edit(at, edits)
    edits[2] = {"delete": True}
    edit(at, edits)
    after = store_figures().set_index("figure_id")
    assert after.loc[ids[1], "qualifier"] == "approx" and ids[2] not in after.index
    assert after.loc[ids[money], "value"] == 123456789.0
    assert len(store().corrections()) == 3           # each edit stored once, however often the state is sent
    at.run()
    assert at.data_editor[0].value["mark"].iloc[1] == "✎"


def test_five_quick_edits_are_all_stored(data_dir):
    """Edits sent together (runs Streamlit merged) are each stored."""
    at = figures_page()
    ids = at.session_state["fig_editor_ids"]
    table = at.data_editor[0].value
    wanted = {row: not bool(table["is_target"].iloc[row]) for row in range(5)}
    edit(at, {row: {"is_target": value} for row, value in wanted.items()})
    no_errors(at)
    after = store_figures().set_index("figure_id")
    assert {row: bool(after.loc[ids[row], "is_target"]) for row in wanted} == wanted
    assert at.success[0].value.startswith("已保存 5 处更正")


def test_invalid_values_are_refused_with_a_message(data_dir):
    at = figures_page()
    table = at.data_editor[0].value
    count = next(i for i, kind in enumerate(table["kind_label"]) if kind == "数量")
    money = next(i for i, kind in enumerate(table["kind_label"]) if kind == "金额")
    before = len(store().corrections())
    edit(at, {count: {"number": 0.0}, money: {"number": -5.0}})
    no_errors(at)
    assert "数量须为正整数" in at.error[0].value and "金额须大于 0" in at.error[0].value
    edit(at, {count: {"number": 2.5}, money: {"number": -5.0}})
    assert "数量须为正整数" in at.error[0].value
    assert len(store().corrections()) == before


def test_region_from_the_list_and_undo(placed_data_dir):
    at = figures_page()
    ids = at.session_state["fig_editor_ids"]
    before = store_figures().set_index("figure_id")
    table = at.data_editor[0].value
    row = next(i for i, region in enumerate(table["region"]) if region != "江苏省 / 南通市 / 海门区")
    edit(at, {row: {"region": "江苏省 / 南通市 / 海门区"}})
    no_errors(at)
    after = store_figures().set_index("figure_id").loc[ids[row]]
    assert (after["province"], after["city"], after["county"]) == ("江苏省", "南通市", "海门区")
    at.button(key="fig_undo").click().run()
    no_errors(at)
    restored = store_figures().set_index("figure_id")
    fields = ["province", "city", "county"]
    assert restored.loc[ids[row], fields].tolist() == before.loc[ids[row], fields].tolist()
    assert at.data_editor[0].value["region"].iloc[row] == table["region"].iloc[row]
    assert at.success[0].value.startswith("已撤销")


def test_a_region_that_is_no_unit_is_refused(data_dir):
    at = figures_page()
    before = len(store().corrections())
    edit(at, {0: {"region": "月球 / 静海"}, 1: {"region": "江苏省 / 南通市 / 海门区 / 某街道"}})
    assert "不是一个行政区" in at.error[0].value
    assert len(store().corrections()) == before


def test_edits_do_not_follow_the_rows_to_another_table(data_dir):
    at = figures_page()
    all_rows_key = at.data_editor[0].key
    widget(at, "radio", "f_kind").set_value("count").run()       # the table now holds other rows
    assert at.data_editor[0].key != all_rows_key
    before = len(store().corrections())
    at.session_state[all_rows_key] = {"edited_rows": {0: {"delete": True}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert len(store().corrections()) == before


def test_an_added_figure_must_quote_the_article(data_dir):
    at = figures_page()
    doc_id = at.selectbox(key="fig_add_doc").value
    before = len(store_figures())
    at.text_input(key="fig_add_text").set_value("不在文中的话")
    at.number_input(key="fig_add_number").set_value(1.0)
    next(b for b in at.get("button") if b.proto.is_form_submitter).click().run()
    assert at.error and "不在文中的话" in at.error[0].value
    assert len(store_figures()) == before
    missed = re.search(r"\d+", store().document_text(doc_id)).group()
    at.text_input(key="fig_add_text").set_value(missed)
    at.radio(key="fig_add_kind").set_value("count")
    at.number_input(key="fig_add_number").set_value(float(int(missed) or 1))
    next(b for b in at.get("button") if b.proto.is_form_submitter).click().run()
    no_errors(at)
    assert len(store_figures()) == before + 1


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
                                         ("tracking.py", "Target tracking"),
                                         ("distribution.py", "Figures by region & map"),
                                         ("figures.py", "Figures"), ("documents.py", "Articles & upload")])
def test_every_page_in_english(placed_data_dir, page, title):
    at = open_app({"lang": "en", "county": ["南通市/海门区", "南通市/启东市"]})
    at.switch_page(f"{PAGES}/{page}").run()
    no_errors(at)
    assert at.title[0].value == title
    assert widget(at, "multiselect", "f_county", "en").value == ["南通市/海门区", "南通市/启东市"]
