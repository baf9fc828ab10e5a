"""An in-memory copy of `effective_figures` that the dashboard's queries read.

The store's view applies the corrections on every read (tens of milliseconds even for a few
hundred rows, and it grows with the data), while the dashboard asks a handful of aggregate
questions on every rerun. So the view is copied once into an in-memory DuckDB table of the same
name, and copied again only when the store's fingerprint changes: the number of figures and
documents, the newest ingest and the newest correction, which every write through any Store
(this app, the command line) moves. Reading the fingerprint costs a few milliseconds.
"""
from __future__ import annotations

import threading
from typing import Any

import duckdb

FINGERPRINT_SQL = """
SELECT (SELECT count(*) FROM figures), (SELECT count(*) FROM documents),
       (SELECT max(ingested_at) FROM documents), (SELECT max(correction_id) FROM corrections)
"""


def fingerprint(store_con) -> tuple[Any, ...]:
    return tuple(store_con.cursor().execute(FINGERPRINT_SQL).fetchone())


class Snapshot:
    """The latest copy; `current` refreshes it when the store has changed. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._fingerprint: tuple[Any, ...] | None = None

    def current(self, store_con) -> tuple[duckdb.DuckDBPyConnection, tuple[Any, ...]]:
        seen = fingerprint(store_con)
        with self._lock:
            if seen != self._fingerprint or self._con is None:
                rows = store_con.cursor().sql("SELECT * FROM effective_figures").to_arrow_table()
                fresh = duckdb.connect(":memory:")
                fresh.register("view_rows", rows)
                fresh.execute("CREATE TABLE effective_figures AS SELECT * FROM view_rows")
                fresh.unregister("view_rows")
                self._con, self._fingerprint = fresh, seen
            return self._con, self._fingerprint

    def connection(self, store_con) -> duckdb.DuckDBPyConnection:
        """The copy as last refreshed (each run refreshes it first), or a fresh one."""
        return self._con if self._con is not None else self.current(store_con)[0]
