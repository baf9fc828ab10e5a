"""The dashboard's snapshot answers every query as the store's `effective_figures` view does.

The store is the benchmark's synthetic one at a small size (real counties, metrics, stages,
corrections), plus figures made to be awkward: empty names beside missing ones, namesake
counties, partial and missing dates, thresholds, dollars, a missing kind of stack; and
corrections of each sort (a field set, a figure deleted, one added). Each query function runs on
the snapshot and on the view (queries.VIEW_SOURCE) with several filters; the answers must be
equal, value for value and type for type. Only row order that SQL leaves open (no ORDER BY, or
ties) is put aside.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from extract.dashboard import queries
from extract.dashboard.filters import Filters
from extract.dashboard.snapshot import Snapshot, SnapshotConnection, fingerprint

# (doc, start, province, city, county, kind, value, currency, role, metric, stage, doc_date, deadline, strength)
AWKWARD = [
    ("edge_a.txt", 10, "江苏省", "", "", "money", 3e8, "CNY", "amount", "investment", "", "2023-05-01", "2023-12", "hard"),
    ("edge_a.txt", 20, "江苏省", None, None, "money", 5e8, "CNY", None, "", None, "2023-05-01", "2024-06-30", "soft"),
    ("edge_a.txt", 30, "江苏省", "南京市", "鼓楼区", "money", 7e8, "CNY", "threshold", "investment", "signed",
     "2023-05-01", "2025-12-31", "hard"),
    ("edge_b.txt", 10, "江苏省", "徐州市", "鼓楼区", "money", 2e8, "USD", "amount", "foreign_capital", "signed",
     "2024-02", "not a date", None),
    ("edge_b.txt", 20, None, None, None, "count", 12, None, None, None, None, None, None, None),
    ("edge_b.txt", 30, None, "南通市", "海门区", "count", 4, None, None, "project_count", "started", None,
     "2026-01-01", "hard"),
    ("edge_b.txt", 40, "江苏省", None, "海门区", "money", 1e8, "CNY", "amount", "investment", "signed", None,
     "2024-01-01", "soft"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from benchmarks.dashboard_queries import build_store

    store = build_store(Path(tmp_path_factory.mktemp("snapshot_store")), 3000)
    con = store.con
    for doc in ("edge_a.txt", "edge_b.txt"):
        con.execute("INSERT INTO documents (doc_id, name, source, doc_date, doc_date_source, region, raw_text, "
                    "extractor_version, ingested_at) VALUES (md5(?), ?, 'test', NULL, NULL, NULL, ?, 'test', now())",
                    [doc, doc, "某地签约项目总投资3亿元。" * 10])
    for doc, start, province, city, county, kind, value, currency, role, metric, stage, doc_date, deadline, \
            strength in AWKWARD:
        con.execute("""
            INSERT INTO figures (doc_id, figure_id, doc, "start", "end", "text", sentence, sentence_start, kind,
                "value", currency, unit, qualifier, doc_date, region, province, city, county, deadline,
                is_annual, is_target, strength, metric, stage, metric_text, "role")
            VALUES (md5(?), md5(?) || '-' || ?, ?, ?, ? + 3, '3亿元', '某地签约项目总投资3亿元。', 0, ?, ?, ?, '亿元',
                'exact', ?, ?, ?, ?, ?, ?, false, ? IS NOT NULL, ?, ?, ?, '总投资', ?)""",
                    [doc, doc, start, doc, start, start, kind, value, currency, doc_date,
                     f"{province or ''}{city or ''}{county or ''}" or None, province, city, county, deadline,
                     deadline, strength, metric, stage, role])
    ids = [r[0] for r in con.execute("SELECT figure_id FROM figures WHERE doc NOT LIKE 'edge%' "
                                     "ORDER BY figure_id LIMIT 6").fetchall()]
    store.correct(ids[0], "county", None, author="test")
    store.correct(ids[1], "province", "浙江省", author="test")
    store.correct(ids[2], "deadline", "2025-06-30", author="test")
    store.correct(ids[3], "metric", "subsidy", author="test")
    store.delete(ids[4], author="test")
    edge_doc = con.execute("SELECT md5('edge_a.txt')").fetchone()[0]
    store.add_figure(edge_doc, {"start": 4, "end": 9, "kind": "money", "value": 3e8, "unit": "亿元",
                                "province": "江苏省", "city": "南通市", "county": "启东市", "is_target": True,
                                "doc_date": "2023-05-01", "deadline": "2024-12-31", "metric": "investment"},
                     author="test")
    yield store
    store.close()


@pytest.fixture(scope="module")
def snapshot(store):
    con, _ = Snapshot().current(store.con)
    return con


FILTERS = [
    Filters(),
    Filters(kind="money", target="target"),
    Filters(kind="count", target="fact"),
    Filters(province=("江苏省",), metric=("total_investment", "investment")),
    Filters(city=("南通市",), doc_from=date(2022, 1, 1), doc_to=date(2024, 12, 31)),
    Filters(county=("南京市/鼓楼区", "徐州市/鼓楼区", "南通市/海门区", "江苏省/海门区")),
    Filters(strength="hard", deadline_from=date(2025, 1, 1), deadline_to=date(2026, 12, 31)),
    Filters(stage=("signed", "started"), strength="soft"),
    Filters(search="项目"),
    Filters(search="edge_a"),
    Filters(city=("",), county=("/",)),         # empty names: never a missing one
    Filters(province=("江苏省", "浙江省"), city=("南通市", "杭州市")),
    Filters(province=("浙江省", "江苏省"), city=("南通市", "苏州市"), kind="money", search="亿元"),
]


def calls(filters: Filters, cities: list[str]):
    """(name, args) of every query function as the pages call them, and a few more."""
    yield "headline", (filters,)
    for column in ("province", "city", "county", "metric", "stage"):
        yield "options", (filters, column)
    for level in ("province", "city", "county"):
        for stack in ("metric", "stage", "kind"):
            yield "by_region", (filters, level, stack, "amount" if stack != "kind" else "figures")
        for measure in ("count", "figures"):
            yield "by_region", (filters, level, "metric", measure)
    for city in cities[:2]:
        yield "by_region", (filters, "county", "stage", "amount", city)
    for measure in ("amount", "count", "figures"):
        yield "by_county", (filters, measure)
    yield "figures_above_county", (filters,)
    yield "facets", (filters,)
    yield "count_rows", (filters,)
    for limit in (None, 40, 1, 0):
        yield "figure_rows", (filters, limit)
        yield "figure_table", (filters, limit)
    yield "export_rows", (filters,)
    yield "overview", (filters, "city", "metric", "amount")
    for city in cities[:2]:
        yield "overview", (filters, "county", "stage", "figures", city)


ORDERED = {"figure_rows", "export_rows", "options", "by_region", "bars", "rows", "region", "year", "metric",
           "is_target"}


def same(name: str, on_snapshot, on_view) -> None:
    if isinstance(on_view, dict):
        assert on_snapshot.keys() == on_view.keys()
        for key in on_view:
            same(key, on_snapshot[key], on_view[key])
        return
    if not isinstance(on_view, pd.DataFrame):
        assert on_snapshot == on_view
        return
    assert list(on_snapshot.columns) == list(on_view.columns)
    if name not in ORDERED:      # no ORDER BY, or ties in it: compare as sets of rows
        on_snapshot, on_view = (frame.sort_values(list(frame.columns), na_position="first", ignore_index=True)
                                for frame in (on_snapshot, on_view))
    pd.testing.assert_frame_equal(on_snapshot.reset_index(drop=True), on_view.reset_index(drop=True),
                                  check_exact=True)


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: str(f.to_query_params() or "none"))
def test_every_query_gives_the_view_s_answer(store, snapshot, filters):
    assert isinstance(snapshot, SnapshotConnection) and queries.source(store.con) == queries.VIEW_SOURCE
    cities = queries.options(store.con, Filters(), "city")
    checked = 0
    for name, args in calls(filters, cities):
        on_view = getattr(queries, name)(store.con, *args)
        on_snapshot = getattr(queries, name)(snapshot, *args)
        try:
            same(name, on_snapshot, on_view)
        except AssertionError as error:
            raise AssertionError(f"{name}{args[1:]} differs: {error}") from None
        checked += 1
    assert checked > 40


@pytest.mark.parametrize("filters", [Filters(), Filters(search="项目", kind="money"), Filters(search="海门区")],
                         ids=["none", "search", "search region"])
def test_overview_is_the_queries_it_stands_for(store, snapshot, filters):
    """queries.overview reads the filter once (a search into a temporary table first) and answers
    as the separate queries do on the view."""
    city = queries.options(store.con, Filters(), "city")[0]
    for con in (snapshot, store.con):
        shown = queries.overview(con, filters, "county", "metric", "count", city)
        same("overview", shown, {
            "headline": queries.headline(store.con, filters), "cities": queries.options(store.con, filters, "city"),
            "bars": queries.by_region(store.con, filters, "county", "metric", "count", city),
            "by_county": queries.by_county(store.con, filters, "count"),
            "above_county": queries.figures_above_county(store.con, filters)})


@pytest.mark.parametrize("filters", [Filters(), Filters(search="项目"), Filters(search="edge_b", kind="count")],
                         ids=["none", "search", "search rare"])
def test_figure_table_is_count_and_rows(store, snapshot, filters):
    for limit in (None, 40, 1, 0):
        for con in (snapshot, store.con):
            same("figure_table", queries.figure_table(con, filters, limit),
                 {"total": queries.count_rows(store.con, filters), "rows": queries.figure_rows(store.con, filters, limit)})


def test_the_awkward_rows_are_there_to_be_compared(store, snapshot):
    """The fixture keeps its promise: empty names beside missing ones, every sort of correction."""
    rows = queries.export_rows(snapshot, Filters())
    assert ((rows["city"] == "") & rows["county"].eq("")).any() and rows["city"].isna().any()
    assert rows["corrected"].sum() >= 5
    assert queries.figures_above_county(snapshot, Filters()) > 0
    assert len(rows) == store.con.execute("SELECT count(*) FROM effective_figures").fetchone()[0]
    for doc_id in rows["doc_id"].unique()[:3]:
        same("document_figures", queries.document_figures(snapshot, doc_id),
             queries.document_figures(store.con, doc_id))


def test_stored_order_is_the_table_order(snapshot):
    """The snapshot's rowid is the figure table's order, which figure_rows reads by."""
    wrong = snapshot.cursor().execute(
        "SELECT count(*) FROM (SELECT rowid AS stored, row_number() OVER (ORDER BY doc_date DESC NULLS LAST, "
        "doc, \"start\", figure_id) - 1 AS wanted FROM dashboard_figures) WHERE stored <> wanted").fetchone()[0]
    assert wrong == 0


def test_snapshot_view_has_the_store_s_columns(store, snapshot):
    def described(con):
        return con.cursor().execute("SELECT column_name, column_type FROM (DESCRIBE effective_figures)").fetchall()

    assert described(snapshot) == described(store.con)


def test_a_write_refreshes_the_snapshot(tmp_path):
    from benchmarks.dashboard_queries import build_store

    store = build_store(tmp_path, 200)
    try:
        holder = Snapshot()
        first, seen = holder.current(store.con)
        assert holder.current(store.con)[0] is first and seen == fingerprint(store.con)
        figure = queries.figure_rows(first, Filters(), 1)["figure_id"][0]
        store.delete(figure, author="test")
        second, _ = holder.current(store.con)
        assert second is not first
        assert queries.count_rows(second, Filters()) == queries.count_rows(first, Filters()) - 1
    finally:
        store.close()
