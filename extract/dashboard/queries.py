"""Every number the dashboard shows, computed in DuckDB on the `effective_figures` view.

Filtering and aggregation stay in SQL so a rerun moves only the few rows a chart needs. Each
function takes a DuckDB connection (a cursor per call: Streamlit serves sessions on threads)
and a `Filters`. On the dashboard's snapshot (extract.dashboard.snapshot) they read its prepared
table, on any other connection the view itself; the answers are the same
(tests/dashboard/test_dashboard_snapshot.py). Names are grouped and compared as the snapshot's
ENUMs and turned back into text only in the few rows returned.

What is summed, and what is not, because a wrong total is worse than none:
- amounts add only CNY money whose role is not a threshold ("10亿元以上项目" says nothing about
  how much is invested); a range adds its lower end (`value`);
- counts add the numbers of projects and enterprises;
- "figures" is the number of rows.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Sequence

import pandas as pd

from extract.dashboard.filters import DERIVED, Filters

VIEW = "effective_figures"
# The store's view with the DERIVED columns computed on the fly; a SnapshotConnection names its
# prepared table instead (`dashboard_relation`), where they are stored.
VIEW_SOURCE = f"(SELECT *, {', '.join(f'{e} AS {n}' for n, e in DERIVED.items())} FROM {VIEW}) AS {VIEW}"

AMOUNT = "sum(_amount)"     # CNY money that is not a threshold (filters.DERIVED)
COUNT = "sum(_count)"       # counts
FIGURES = "count(*)"
MEASURES = {"amount": AMOUNT, "count": COUNT, "figures": FIGURES}

# Each region level's key, and each stack's: the name, '' for none. Grouped first by the ENUM
# (snapshot) column, then by the name, so that a missing name and an empty one stay one group.
LEVEL_COLUMNS = {"province": "_province", "city": "_city", "county": "_county_key"}
STACK_COLUMNS = {"metric": "_metric", "stage": "_stage", "kind": "_kind"}
LEVEL_KEYS = {level: f"coalesce(CAST({c} AS VARCHAR), '')" for level, c in LEVEL_COLUMNS.items()}
STACKS = {"metric": "coalesce(CAST(_metric AS VARCHAR), '')", "stage": "coalesce(CAST(_stage AS VARCHAR), '')",
          "kind": "CAST(_kind AS VARCHAR)"}
# a measure of groups of figures already measured (the inner query's `v`)
OUTER_MEASURES = {"amount": "sum(v)", "count": "sum(v)", "figures": "CAST(sum(v) AS BIGINT)"}
REGION_FIELDS = ("province", "city", "county")
# the column the options of a filter are taken from, and the one that must be present and not ''
OPTION_COLUMNS = {"province": ("_province", "_province"), "city": ("_city", "_city"),
                  "county": ("_county_key", "_county"), "metric": ("_metric", "_metric"),
                  "stage": ("_stage", "_stage")}

# columns of the figure table, in the order an analyst reads them
TABLE_COLUMNS = ("figure_id", "doc_id", "doc", "doc_date", "province", "city", "county", "text", "kind",
                 "value", "value_max", "currency", "unit", "qualifier", "counted", "is_target", "strength",
                 "metric", "stage", "deadline", "deadline_text", "role", "sentence", "sentence_start",
                 "start", "end", "corrected")


def source(con) -> str:
    """What the queries read on `con`: the snapshot's prepared table, or the view."""
    return getattr(con, "dashboard_relation", VIEW_SOURCE)


def _original_columns(con) -> str:
    """The view's own columns, in its order, without those the dashboard adds."""
    added = getattr(con, "dashboard_columns", tuple(DERIVED))
    return f"* EXCLUDE ({', '.join(added)})"


def query(con, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
    return con.cursor().execute(sql, list(params)).df()


def _scalar_row(con, sql: str, params: Sequence[Any]) -> tuple:
    return con.cursor().execute(sql, list(params)).fetchone()


def headline(con, filters: Filters) -> dict[str, float]:
    where, params = filters.where()
    documents, figures, targets, amount, count = _scalar_row(con, f"""
        SELECT count(DISTINCT _doc), count(*), count(*) FILTER (WHERE is_target IS TRUE),
               {AMOUNT}, {COUNT}
        FROM {source(con)} WHERE {where}""", params)
    return {"documents": documents, "figures": figures, "targets": targets,
            "amount": amount or 0.0, "count": count or 0.0}


def by_region(con, filters: Filters, level: str, stack: str, measure: str,
              within_city: str | None = None) -> pd.DataFrame:
    """Columns region, stack, value: one row per region and stack label, empty measures left out."""
    where, params = filters.where()
    if within_city is not None:
        where += " AND _city = ?"
        params = [*params, within_city]
    return query(con, f"""
        SELECT {LEVEL_KEYS[level]} AS region, {STACKS[stack]} AS stack, {OUTER_MEASURES[measure]} AS value
        FROM (SELECT {LEVEL_COLUMNS[level]}, {STACK_COLUMNS[stack]}, {MEASURES[measure]} AS v
              FROM {source(con)} WHERE {where}
              GROUP BY {LEVEL_COLUMNS[level]}, {STACK_COLUMNS[stack]})
        GROUP BY ALL HAVING value IS NOT NULL AND value <> 0
        ORDER BY region, stack""", params)


def by_county(con, filters: Filters, measure: str) -> pd.DataFrame:
    """The chosen measure per county (province, city, county, value, figures) for the map."""
    where, params = filters.where()
    return query(con, f"""
        SELECT CAST(_province AS VARCHAR) AS province, CAST(_city AS VARCHAR) AS city,
               CAST(_county AS VARCHAR) AS county, {MEASURES[measure]} AS value, count(*) AS figures
        FROM {source(con)} WHERE {where} AND _county IS NOT NULL
        GROUP BY _province, _city, _county""", params)


def figures_above_county(con, filters: Filters) -> int:
    where, params = filters.where()
    return _scalar_row(con, f"SELECT count(*) FROM {source(con)} WHERE {where} AND _county IS NULL", params)[0]


def options(con, filters: Filters, column: str) -> list[str]:
    """Distinct non-empty values of a column under the filter (the caller drops the column's own filter)."""
    value, present = OPTION_COLUMNS[column]
    where, params = filters.where()
    relation = source(con)
    places = getattr(con, "dashboard_places", None)
    if places is not None and column in REGION_FIELDS and filters.without(*REGION_FIELDS).is_default():
        relation = places    # a list of places under a choice of places: the places are enough
    frame = query(con, f"""
        SELECT CAST(option AS VARCHAR) AS option
        FROM (SELECT DISTINCT {value} AS option FROM {relation}
              WHERE {where} AND {present} IS NOT NULL AND {present} <> '')
        ORDER BY option""", params)
    return frame["option"].tolist()


def overview(con, filters: Filters, level: str, stack: str, measure: str,
             within_city: str | None = None) -> dict[str, Any]:
    """What the overview page shows, from one reading of the filter: the headline, the cities to
    drill into, the bars (by_region), the map (by_county) and the figures above county level."""
    with _chosen(con, filters) as (chosen, rest):
        return {"headline": headline(chosen, rest), "cities": options(chosen, rest, "city"),
                "bars": by_region(chosen, rest, level, stack, measure, within_city),
                "by_county": by_county(chosen, rest, measure), "above_county": figures_above_county(chosen, rest)}


# what overview's queries read of a figure
CHOSEN_COLUMNS = ("_doc", "is_target", "_amount", "_count", "_province", "_city", "_county", "_county_key",
                  "_metric", "_stage", "_kind")


class _Selection:
    """One cursor whose temporary table `chosen` holds the filtered figures; queries read it as
    they read the snapshot (`dashboard_relation`)."""

    dashboard_relation = "chosen"

    def __init__(self, cursor) -> None:
        self._cursor = cursor

    def cursor(self):
        return self._cursor      # the temporary table lives on this connection only


@contextmanager
def _chosen(con, filters: Filters) -> Iterator[tuple[Any, Filters]]:
    """(connection, filter) on which queries give what they give on (con, filters), the filter read
    once. A text search is the costly part of a filter (every figure's sentence is read), so its
    figures are first kept in a temporary table; any other filter costs less than that copy."""
    if not filters.search.strip():
        yield con, filters
        return
    where, params = filters.where()
    cursor = con.cursor()
    try:
        cursor.execute(f"CREATE TEMP TABLE chosen AS SELECT {', '.join(CHOSEN_COLUMNS)} "
                       f"FROM {source(con)} WHERE {where}", params)
        yield _Selection(cursor), Filters()
    finally:
        cursor.close()


def count_rows(con, filters: Filters) -> int:
    where, params = filters.where()
    return _scalar_row(con, f"SELECT count(*) FROM {source(con)} WHERE {where}", params)[0]


def figure_rows(con, filters: Filters, limit: int | None = None) -> pd.DataFrame:
    """The filtered figures in document order, the table's columns only."""
    where, params = filters.where()
    columns = ", ".join(f'"{c}"' for c in TABLE_COLUMNS)
    order = getattr(con, "dashboard_order", None)
    if order is None:
        limit_sql = "" if limit is None else f"LIMIT {int(limit)}"
        return query(con, f"""
            SELECT {columns} FROM {source(con)} WHERE {where}
            ORDER BY doc_date DESC NULLS LAST, doc, start {limit_sql}""", params)
    if limit is None:
        return query(con, f"SELECT {columns} FROM {source(con)} WHERE {where} ORDER BY {order}", params)
    return _counted_rows(con, filters, int(limit))[1]


def figure_table(con, filters: Filters, limit: int | None = None) -> dict[str, Any]:
    """The figures page's table: how many figures the filter keeps (count_rows) and the first
    `limit` of them (figure_rows), the filter read once on the snapshot."""
    if getattr(con, "dashboard_order", None) is None or limit is None:
        return {"total": count_rows(con, filters), "rows": figure_rows(con, filters, limit)}
    total, rows = _counted_rows(con, filters, int(limit))
    return {"total": total, "rows": rows}


def _counted_rows(con, filters: Filters, limit: int) -> tuple[int, pd.DataFrame]:
    """On the snapshot, whose rows are stored in the table's order (`dashboard_order`, the rowid):
    the number of figures the filter keeps and the first `limit` of them. One pass over the
    filtered columns finds both the number and the rowids of the first figures; only those rows
    are then read whole."""
    where, params = filters.where()
    order, relation = con.dashboard_order, source(con)
    columns = ", ".join(f'"{c}"' for c in TABLE_COLUMNS)
    cursor = con.cursor()
    total, first = cursor.execute(f"SELECT count(*), min({order}, {max(limit, 1)}) FROM {relation} "
                                  f"WHERE {where}", params).fetchone()
    first = sorted(first or [])[:max(limit, 0)]
    rows = cursor.execute(f"""
        SELECT {columns} FROM {relation}
        WHERE {order} IN (SELECT unnest(?::BIGINT[])) AND {order} <= ? ORDER BY {order}""",
                          [first, first[-1] if first else -1]).df()
    return total, rows


def export_rows(con, filters: Filters) -> pd.DataFrame:
    """The filtered figures with every column of the view, for download."""
    where, params = filters.where()
    return query(con, f"SELECT {_original_columns(con)} FROM {source(con)} WHERE {where} ORDER BY doc, start",
                 params)


def document_figures(con, doc_id: str) -> pd.DataFrame:
    return query(con, f"SELECT start, \"end\" FROM {source(con)} WHERE doc_id = ? ORDER BY start", [doc_id])


def facets(con, filters: Filters) -> dict[str, pd.DataFrame]:
    """Datasette's facets of the filtered figures: how many per region (the county, else the city or
    province), year of publication, metric, and target or result. Columns value, n; largest first."""
    where, params = filters.where()
    region = ("coalesce(CAST(_county_key AS VARCHAR), CAST(_city AS VARCHAR), CAST(_province AS VARCHAR), '')")
    expressions = {
        "region": region,
        "year": "coalesce(CAST(year(_doc_date) AS VARCHAR), '')",
        "metric": "coalesce(CAST(_metric AS VARCHAR), '')",
        "is_target": "CASE WHEN is_target THEN 'target' WHEN NOT is_target THEN 'result' ELSE '' END",
    }
    return {name: query(con, f"""
        SELECT {expression} AS value, count(*) AS n FROM {source(con)} WHERE {where}
        GROUP BY ALL ORDER BY n DESC, value""", params) for name, expression in expressions.items()}
