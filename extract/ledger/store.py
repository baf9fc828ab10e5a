"""The ledger kept in the store: tables `ledger` (targets) and `ledger_links` (links and rates),
rebuilt from the effective figures (corrections applied) and the stored texts after each ingest.
The status is as of the day of the rebuild (`as_of`); a page that asks for another day builds the
ledger again (build_ledger) from the same figures."""
from __future__ import annotations

from datetime import date
from typing import Optional

import duckdb
import pandas as pd

from extract.ledger import LINK_COLUMNS, TARGET_COLUMNS, Ledger, build_ledger

TABLES = {"ledger": TARGET_COLUMNS, "ledger_links": LINK_COLUMNS}


def stored_ledger_input(cur: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, dict[str, str]]:
    """The effective figures and the texts of their documents (by name, as the figures name them)."""
    figures = cur.execute('SELECT * FROM effective_figures ORDER BY doc, "start"').df()
    texts = dict(cur.execute("SELECT name, raw_text FROM documents").fetchall())
    return figures, texts


def rebuild_ledger(cur: duckdb.DuckDBPyConnection, as_of: Optional[date] = None) -> Ledger:
    figures, texts = stored_ledger_input(cur)
    ledger = build_ledger(figures, texts=texts, as_of=as_of)
    stamp = ledger.as_of.isoformat()
    for table, columns in TABLES.items():
        frame = ledger.targets if table == "ledger" else ledger.links
        frame = frame.reindex(columns=list(columns)).assign(as_of=stamp).astype(object)
        frame = frame.where(frame.notna(), None)
        cur.execute(f"DELETE FROM {table}")
        if not frame.empty:
            cur.register("ledger_frame", frame)
            try:
                cur.execute(f"INSERT INTO {table} BY NAME SELECT * FROM ledger_frame")
            finally:
                cur.unregister("ledger_frame")
    return ledger


def stored_ledger(cur: duckdb.DuckDBPyConnection, table: str = "ledger") -> pd.DataFrame:
    if table not in TABLES:
        raise ValueError(f"no ledger table {table!r} ({', '.join(TABLES)})")
    return cur.execute(f'SELECT * FROM {table} ORDER BY 1').df()
