"""Fixtures of the dashboard tests: a small hand-made `effective_figures` table for the SQL, and a
fresh data folder (INVEST_DATA_DIR) per test for the app itself."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from extract.record import FIELDS
from extract.store.db import field_type, quote

# (figure_id, doc_id, overrides): the rows the SQL tests reason about
ROWS = [
    ("a1", "d1", dict(kind="money", value=5e9, currency="CNY", unit="亿元", qualifier="approx", province="江苏省",
                      city="南通市", county="海门区", metric="total_investment", stage="signed", is_target=True,
                      strength="hard", deadline="2023-12-31", doc_date="2023-01-29", role="amount",
                      sentence="海门区全年签约总投资约50亿元。", text="约50亿元")),
    ("a2", "d1", dict(kind="money", value=1e9, currency="CNY", unit="亿元", qualifier="at_least", province="江苏省",
                      city="南通市", county="海门区", metric="total_investment", is_target=True, strength="soft",
                      deadline="2023-06-30", doc_date="2023-01-29", role="threshold",
                      sentence="新开工10亿元以上项目。", text="10亿元以上")),
    ("a3", "d1", dict(kind="count", value=12, unit="个", qualifier="exact", counted="项目", province="江苏省",
                      city="南通市", county="启东市", metric="project_count", stage="started", is_target=False,
                      doc_date="2023-01-29", sentence="启东新开工项目12个。", text="12个")),
    ("a4", "d2", dict(kind="money", value=3e8, currency="USD", unit="亿美元", qualifier="exact", province="江苏省",
                      city="南通市", county="启东市", metric="foreign_capital", is_target=True, deadline="2024-03-31",
                      doc_date="2024-02", role="amount", sentence="实际使用外资3亿美元。", text="3亿美元")),
    ("a5", "d3", dict(kind="money", value=2e8, currency="CNY", unit="亿元", qualifier="exact", province="江苏省",
                      city="南京市", county="鼓楼区", metric="investment", is_target=False, doc_date="2022-05-01",
                      role="amount", sentence="鼓楼区完成投资2亿元。", text="2亿元")),
    ("a6", "d3", dict(kind="money", value=7e8, currency="CNY", unit="亿元", qualifier="exact", province="江苏省",
                      city="徐州市", county="鼓楼区", metric="investment", is_target=False, doc_date="2022-05-01",
                      role="amount", sentence="徐州鼓楼区投资7亿元。", text="7亿元")),
    ("a7", "d3", dict(kind="money", value=4e8, currency="CNY", unit="亿元", qualifier="exact", province=None,
                      city=None, county=None, metric=None, is_target=None, doc_date=None, role="amount",
                      sentence="未说地方的4亿元。", text="4亿元")),
]


def _figures_table() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    columns = ["doc_id VARCHAR", "figure_id VARCHAR", "corrected BOOLEAN"] + [
        f"{quote(f)} {field_type(f)}" for f in FIELDS]
    con.execute(f"CREATE TABLE effective_figures ({', '.join(columns)})")
    for figure_id, doc_id, values in ROWS:
        record = {f: values.get(f) for f in FIELDS}
        record.update(doc=f"{doc_id}.txt", start=0, end=len(values["text"]), sentence_start=0, is_annual=False)
        names = ["doc_id", "figure_id", "corrected", *record]
        con.execute(f"INSERT INTO effective_figures ({', '.join(quote(n) for n in names)}) "
                    f"VALUES ({', '.join('?' * len(names))})", [doc_id, figure_id, False, *record.values()])
    return con


@pytest.fixture(params=["view", "snapshot"])
def figures_con(request):
    """ROWS as an `effective_figures` table (queries read it as they read the store's view), and the
    same rows as the dashboard's prepared snapshot: every SQL test runs on both."""
    con = _figures_table()
    if request.param == "view":
        yield con
    else:
        from extract.dashboard.snapshot import prepare

        snapshot = prepare(con)
        yield snapshot
        snapshot.close()
    con.close()


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory) -> Path:
    """A data folder holding the store of the seeds, made once: ingesting every seed per test is slow."""
    from extract.store import Store

    directory = tmp_path_factory.mktemp("seeded")
    Store(directory, seed=True).close()
    return directory


@pytest.fixture
def data_dir(tmp_path, monkeypatch, seeded_store):
    """A data folder of this test's own: a copy of the seeded store, named by INVEST_DATA_DIR."""
    directory = tmp_path / "data"
    shutil.copytree(seeded_store, directory)
    monkeypatch.setenv("INVEST_DATA_DIR", str(directory))
    return directory


GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
PLACES = {"海门": ("江苏省", "南通市", "海门区"), "启东": ("江苏省", "南通市", "启东市")}


@pytest.fixture
def placed_data_dir(data_dir):
    """The seeds' store with every figure the gold puts in 海门 or 启东 placed there, by the store's
    corrections where extraction did not already place it (as an analyst would fix it), so the
    district views have two known counties whatever the region step finds."""
    from extract.store import Store

    with Store.open_default() as store:
        figures = store.figures()
        for path in sorted(GOLD.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            for mention in gold["mentions"]:
                place = PLACES.get(mention.get("region_key"))
                if place is None:
                    continue
                same = figures[(figures["doc"] == gold["doc"]) & (figures["text"] == mention["text"])]
                for row in same.itertuples():
                    for field, value in zip(("province", "city", "county"), place):
                        if getattr(row, field) != value:
                            store.correct(row.figure_id, field, value, author="test")
    return data_dir
