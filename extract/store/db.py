"""Open the store's DuckDB file, create its tables, and (re)build the `effective_figures` view."""
from __future__ import annotations

import os
import time
from importlib import resources
from pathlib import Path

import duckdb

from extract.record import FIELDS

DB_FILE = "figures.duckdb"
# A process that finds the file locked (DuckDB lets one process use it at a time; the store holds it
# for one operation at a time, see Store.session) waits this long;
# the environment variable INVEST_LOCK_TIMEOUT (seconds) overrides it.
LOCK_TIMEOUT_SECONDS = 60.0

# DuckDB types of the contract's fields; the rest are VARCHAR.
FIELD_TYPES = {
    "start": "INTEGER", "end": "INTEGER", "sentence_start": "INTEGER", "group": "INTEGER",
    "value": "DOUBLE", "value_max": "DOUBLE", "is_annual": "BOOLEAN", "is_target": "BOOLEAN",
}


def field_type(field: str) -> str:
    return FIELD_TYPES.get(field, "VARCHAR")


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def connect(path: Path, *, read_only: bool = False, timeout: float | None = None) -> duckdb.DuckDBPyConnection:
    """A connection to the database file, waiting while another process holds its lock."""
    if timeout is None:
        timeout = float(os.environ.get("INVEST_LOCK_TIMEOUT") or LOCK_TIMEOUT_SECONDS)
    deadline = time.monotonic() + timeout
    delay = 0.02
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            # polled often: the holder (a dashboard, an ingest between two batches) lets go within moments
            delay = min(delay * 2, 0.1)


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(resources.files("extract.store").joinpath("schema.sql").read_text(encoding="utf-8"))
    _add_new_fields(con)
    con.execute(effective_view_sql())


def _add_new_fields(con: duckdb.DuckDBPyConnection) -> None:
    """Give a store made under an older record contract the fields added since (empty until re-extraction,
    which follows: a new field changes the extraction code, so its EXTRACTOR_VERSION)."""
    present = {row[0] for row in con.execute("SELECT column_name FROM (DESCRIBE figures)").fetchall()}
    for field in FIELDS:
        if field not in present:
            con.execute(f"ALTER TABLE figures ADD COLUMN {quote(field)} {field_type(field)}")


def _json_field(source: str, field: str) -> str:
    """The contract field `field` read from the JSON object in column `source`, typed."""
    text = f"({source} ->> '$.{field}')"
    kind = field_type(field)
    return text if kind == "VARCHAR" else f"CAST({text} AS {kind})"


def effective_view_sql() -> str:
    """The figures as users see them: extracted ones plus added ones, minus deleted, with field fixes.

    A correction applies to the figure at its anchor (doc_id, start, end, text), so it still
    applies after re-extraction if the new extractor finds the same figure at the same place. On an
    added figure, only corrections made after the addition apply (`origin` is the add's id).
    """
    anchor = ("c.doc_id = a.doc_id AND c.anchor_start = a.\"start\" AND c.anchor_end = a.\"end\" "
              "AND c.anchor_text = a.\"text\" AND c.correction_id > a.origin")
    added_columns = ",\n        ".join(f"{_json_field('c.record', f)} AS {quote(f)}" for f in FIELDS)
    columns = ",\n    ".join(
        f"CASE WHEN s.fixes IS NOT NULL AND json_exists(s.fixes, '$.{f}') THEN {_json_field('s.fixes', f)} "
        f"ELSE a.{quote(f)} END AS {quote(f)}" for f in FIELDS)
    return f"""
CREATE OR REPLACE VIEW effective_figures AS
WITH added AS (
    SELECT c.correction_id AS origin, c.doc_id,
        c.doc_id[:16] || '-' || c.anchor_start || '-' || c.anchor_end || '-a' || c.correction_id AS figure_id,
        {added_columns}
    FROM corrections c WHERE c.action = 'add'
),
extracted AS (
    -- an extracted figure at the very place of an added one yields to the user's record
    SELECT 0::BIGINT AS origin, f.* FROM figures f
    WHERE NOT EXISTS (SELECT 1 FROM added d WHERE d.doc_id = f.doc_id AND d."start" = f."start"
                      AND d."end" = f."end" AND d."text" = f."text")
),
anchored AS (SELECT * FROM extracted UNION ALL BY NAME SELECT * FROM added),
latest AS (
    SELECT a.figure_id, c.field, arg_max(c.new_value, c.correction_id) AS new_value
    FROM anchored a JOIN corrections c ON c.action = 'set' AND {anchor}
    GROUP BY a.figure_id, c.field
),
fixes AS (SELECT figure_id, json_group_object(field, new_value) AS fixes FROM latest GROUP BY figure_id),
deleted AS (
    SELECT DISTINCT a.figure_id FROM anchored a JOIN corrections c ON c.action = 'delete' AND {anchor}
)
SELECT
    {columns},
    a.doc_id, a.figure_id, (s.figure_id IS NOT NULL OR a.origin > 0) AS corrected
FROM anchored a LEFT JOIN fixes s ON s.figure_id = a.figure_id
WHERE a.figure_id NOT IN (SELECT figure_id FROM deleted)
"""
