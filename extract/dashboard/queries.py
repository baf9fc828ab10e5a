"""Every number the dashboard shows, computed in DuckDB on the `effective_figures` view.

Filtering and aggregation stay in SQL so a rerun moves only the few rows a chart needs. Each
function takes a DuckDB connection (a cursor per call: Streamlit serves sessions on threads)
and a `Filters`.

What is summed, and what is not, because a wrong total is worse than none:
- amounts add only CNY money whose role is not a threshold ("10亿元以上项目" says nothing about
  how much is invested); a range adds its lower end (`value`);
- counts add the numbers of projects and enterprises;
- "figures" is the number of rows.
"""
from __future__ import annotations

from typing import Any, Sequence

import pandas as pd

from extract.dashboard.filters import COUNTY_KEY, Filters

VIEW = "effective_figures"

AMOUNT = ("sum(value) FILTER (WHERE kind = 'money' AND currency = 'CNY' "
          "AND coalesce(role, '') <> 'threshold')")
COUNT = "sum(value) FILTER (WHERE kind = 'count')"
FIGURES = "count(*)"
MEASURES = {"amount": AMOUNT, "count": COUNT, "figures": FIGURES}

LEVEL_KEYS = {
    "province": "coalesce(province, '')",
    "city": "coalesce(city, '')",
    "county": f"CASE WHEN county IS NULL THEN '' ELSE {COUNTY_KEY} END",
}
STACKS = {"metric": "coalesce(metric, '')", "stage": "coalesce(stage, '')", "kind": "kind"}

# columns of the figure table, in the order an analyst reads them
TABLE_COLUMNS = ("figure_id", "doc_id", "doc", "doc_date", "province", "city", "county", "text", "kind",
                 "value", "value_max", "currency", "unit", "qualifier", "counted", "is_target", "strength",
                 "metric", "stage", "deadline", "deadline_text", "role", "sentence", "sentence_start",
                 "start", "end", "corrected")


def query(con, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
    return con.cursor().execute(sql, list(params)).df()


def _scalar_row(con, sql: str, params: Sequence[Any]) -> tuple:
    return con.cursor().execute(sql, list(params)).fetchone()


def headline(con, filters: Filters) -> dict[str, float]:
    where, params = filters.where()
    documents, figures, targets, amount, count = _scalar_row(con, f"""
        SELECT count(DISTINCT doc_id), count(*), count(*) FILTER (WHERE is_target IS TRUE),
               {AMOUNT}, {COUNT}
        FROM {VIEW} WHERE {where}""", params)
    return {"documents": documents, "figures": figures, "targets": targets,
            "amount": amount or 0.0, "count": count or 0.0}


def by_region(con, filters: Filters, level: str, stack: str, measure: str,
              within_city: str | None = None) -> pd.DataFrame:
    """Columns region, stack, value: one row per region and stack label, empty measures left out."""
    where, params = filters.where()
    if within_city is not None:
        where += " AND city = ?"
        params = [*params, within_city]
    return query(con, f"""
        SELECT {LEVEL_KEYS[level]} AS region, {STACKS[stack]} AS stack, {MEASURES[measure]} AS value
        FROM {VIEW} WHERE {where}
        GROUP BY ALL HAVING value IS NOT NULL AND value <> 0
        ORDER BY region, stack""", params)


def by_county(con, filters: Filters, measure: str) -> pd.DataFrame:
    """The chosen measure per county (province, city, county, value, figures) for the map."""
    where, params = filters.where()
    return query(con, f"""
        SELECT province, city, county, {MEASURES[measure]} AS value, count(*) AS figures
        FROM {VIEW} WHERE {where} AND county IS NOT NULL
        GROUP BY ALL""", params)


def figures_above_county(con, filters: Filters) -> int:
    where, params = filters.where()
    return _scalar_row(con, f"SELECT count(*) FROM {VIEW} WHERE {where} AND county IS NULL", params)[0]


def options(con, filters: Filters, column: str) -> list[str]:
    """Distinct non-empty values of a column under the filter (the caller drops the column's own filter)."""
    expression = {"county": COUNTY_KEY}.get(column, column)
    where, params = filters.where()
    frame = query(con, f"""
        SELECT DISTINCT {expression} AS option FROM {VIEW}
        WHERE {where} AND {column} IS NOT NULL AND {column} <> '' ORDER BY option""", params)
    return frame["option"].tolist()


def compare_table(con, filters: Filters, level: str, regions: Sequence[str]) -> pd.DataFrame:
    """One row per chosen region: figures, targets, amount (元), counts, nearest and latest deadline."""
    where, params = filters.where()
    marks = ", ".join("?" * len(regions))
    return query(con, f"""
        SELECT {LEVEL_KEYS[level]} AS region, count(*) AS figures,
               count(*) FILTER (WHERE is_target IS TRUE) AS targets,
               coalesce({AMOUNT}, 0) AS amount, coalesce({COUNT}, 0) AS count,
               min(deadline) AS first_deadline, max(deadline) AS last_deadline
        FROM {VIEW} WHERE {where} AND {LEVEL_KEYS[level]} IN ({marks})
        GROUP BY ALL ORDER BY region""", [*params, *regions])


def compare_by_metric(con, filters: Filters, level: str, regions: Sequence[str], measure: str) -> pd.DataFrame:
    """Columns region, metric, value: the same metrics side by side for the chosen regions."""
    where, params = filters.where()
    marks = ", ".join("?" * len(regions))
    return query(con, f"""
        SELECT {LEVEL_KEYS[level]} AS region, coalesce(metric, '') AS metric, {MEASURES[measure]} AS value
        FROM {VIEW} WHERE {where} AND {LEVEL_KEYS[level]} IN ({marks})
        GROUP BY ALL HAVING value IS NOT NULL AND value <> 0 ORDER BY region, metric""", [*params, *regions])


def deadlines(con, filters: Filters, level: str, regions: Sequence[str]) -> pd.DataFrame:
    """Every figure with a deadline in the chosen regions, for one timeline."""
    where, params = filters.where()
    marks = ", ".join("?" * len(regions))
    return query(con, f"""
        SELECT {LEVEL_KEYS[level]} AS region, TRY_CAST(left(deadline, 10) AS DATE) AS deadline,
               deadline_text, kind, value, value_max, currency, unit, qualifier,
               coalesce(metric, '') AS metric, text, doc
        FROM {VIEW} WHERE {where} AND {LEVEL_KEYS[level]} IN ({marks})
              AND TRY_CAST(left(deadline, 10) AS DATE) IS NOT NULL
        ORDER BY deadline, region""", [*params, *regions])


def count_rows(con, filters: Filters) -> int:
    where, params = filters.where()
    return _scalar_row(con, f"SELECT count(*) FROM {VIEW} WHERE {where}", params)[0]


def figure_rows(con, filters: Filters, limit: int | None = None) -> pd.DataFrame:
    """The filtered figures in document order, the table's columns only."""
    where, params = filters.where()
    columns = ", ".join(f'"{c}"' for c in TABLE_COLUMNS)
    limit_sql = "" if limit is None else f"LIMIT {int(limit)}"
    return query(con, f"""
        SELECT {columns} FROM {VIEW} WHERE {where}
        ORDER BY doc_date DESC NULLS LAST, doc, start {limit_sql}""", params)


def export_rows(con, filters: Filters) -> pd.DataFrame:
    """The filtered figures with every column of the view, for download."""
    where, params = filters.where()
    return query(con, f"SELECT * FROM {VIEW} WHERE {where} ORDER BY doc, start", params)


def document_figures(con, doc_id: str) -> pd.DataFrame:
    return query(con, f"SELECT start, \"end\" FROM {VIEW} WHERE doc_id = ? ORDER BY start", [doc_id])
