"""An in-memory copy of `effective_figures` that the dashboard's queries read, prepared for them.

The store's view applies the corrections on every read (tens of milliseconds even for a few
hundred rows, and it grows with the data), while the dashboard asks a handful of aggregate
questions on every rerun. So the view is copied once into an in-memory DuckDB database, and
copied again only when the store changes. The dashboard (`Snapshot.current_of`) watches the
store file's change marker (size and time of the file and its write-ahead log, which every commit
of any process moves) and holds no connection between reruns, so the command line can ingest into
the same data folder while the dashboard is open. On a bare connection (`Snapshot.current`) the
fingerprint is the number of figures and documents, the newest ingest and the newest correction.

The copy is the table `dashboard_figures`: the view's columns, then the DERIVED columns of
extract.dashboard.filters computed once here instead of per row on every rerun (region, metric,
stage, kind and strength as ENUMs, the amount and count each figure adds, the dates as DATEs, a
number per document). Its rows are stored in the figure table's order (ROW_ORDER: newest
document first, then name and position), so `rowid` is a figure's place in that table and a page
of it reads only the first rows. `dashboard_places` holds each place the figures name once (the
sidebar's lists of cities and counties), and `effective_figures` is a view of the view's columns.

`current` hands out a `SnapshotConnection`: queries.py reads `dashboard_figures` through it and
the view (with the same columns computed on the fly) through any other connection.

The preparing costs: at 1M figures a refresh takes about 4.5 s instead of the 2.4 s of a plain
copy, most of it the sort (measured with benchmarks/dashboard_queries.py), and each filter
change then costs a quarter of what it did on the plain copy.
"""
from __future__ import annotations

import threading
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from extract.dashboard.filters import DERIVED, ENUM_COLUMNS

FINGERPRINT_SQL = """
SELECT (SELECT count(*) FROM figures), (SELECT count(*) FROM documents),
       (SELECT max(ingested_at) FROM documents), (SELECT max(correction_id) FROM corrections)
"""
PREPARED = "dashboard_figures"
# How long a refresh waits for a data folder another process is writing before serving the last copy.
READ_WAIT_SECONDS = 2.0
# every place named by a figure once: the sidebar's lists of cities and counties read these rows
PLACES = "dashboard_places"
PLACE_COLUMNS = ("_province", "_city", "_county", "_county_key")
# the figure table's order (queries.figure_rows), the figure's id last so that ties have one order
ROW_ORDER = 'doc_date DESC NULLS LAST, doc, "start", figure_id'


def fingerprint(store_con) -> tuple[Any, ...]:
    return tuple(store_con.cursor().execute(FINGERPRINT_SQL).fetchone())


class SnapshotConnection:
    """The copy's DuckDB connection, marked for queries.py, which reads `dashboard_relation` through it."""

    dashboard_relation = PREPARED
    dashboard_places = PLACES
    dashboard_columns = tuple(DERIVED)
    dashboard_order = "rowid"

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


def view_rows(store_con) -> pa.Table:
    return store_con.cursor().sql(f"SELECT * FROM effective_figures ORDER BY {ROW_ORDER}").to_arrow_table()


def prepare(store_con) -> SnapshotConnection:
    """A new in-memory database holding the rows of `effective_figures` on `store_con`, prepared."""
    return prepare_rows(view_rows(store_con))


def prepare_rows(rows: pa.Table) -> SnapshotConnection:
    """A new in-memory database holding `rows` (those of `effective_figures`), prepared."""
    # documents numbered by their first row; pyarrow keeps the order, where a join would not
    numbers = pc.add(pc.dictionary_encode(rows["doc_id"]).combine_chunks().indices, 1)
    rows = rows.append_column("_doc", pc.cast(numbers, pa.int32()))
    con = duckdb.connect(":memory:")
    con.register("view_rows", rows)
    derived = []
    for name, expression in DERIVED.items():
        if name in ENUM_COLUMNS:
            con.execute(f"CREATE TYPE {name}_enum AS ENUM (SELECT DISTINCT {expression} FROM view_rows "
                        f"WHERE {expression} IS NOT NULL ORDER BY 1)")
            derived.append(f"CAST({expression} AS {name}_enum) AS {name}")
        elif name != "_doc":
            derived.append(f"{expression} AS {name}")
    # a projection of one scan: DuckDB keeps the rows in the order they come (insertion order)
    columns = [c for c in rows.column_names if c != "_doc"]
    con.execute(f"""
        CREATE TABLE {PREPARED} AS
        SELECT {", ".join(_quote(c) for c in columns)}, {", ".join(derived)}, _doc FROM view_rows""")
    con.unregister("view_rows")
    con.execute(f"CREATE TABLE {PLACES} AS SELECT DISTINCT {', '.join(PLACE_COLUMNS)} FROM {PREPARED}")
    con.execute(f"CREATE VIEW effective_figures AS SELECT * EXCLUDE ({', '.join(DERIVED)}) FROM {PREPARED}")
    return SnapshotConnection(con)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Snapshot:
    """The latest copy; `current` refreshes it when the store has changed. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._con: SnapshotConnection | None = None
        self._fingerprint: tuple[Any, ...] | None = None

    def current(self, store_con) -> tuple[SnapshotConnection, tuple[Any, ...]]:
        seen = fingerprint(store_con)
        with self._lock:
            if seen != self._fingerprint or self._con is None:
                self._con, self._fingerprint = prepare(store_con), seen
            return self._con, self._fingerprint

    def connection(self, store_con) -> SnapshotConnection:
        """The copy as last refreshed (each run refreshes it first), or a fresh one."""
        return self._con if self._con is not None else self.current(store_con)[0]

    def current_of(self, store, *, wait: float = READ_WAIT_SECONDS) -> tuple[SnapshotConnection, tuple[Any, ...]]:
        """The copy of `store` (an extract.store.Store), refreshed when its file's change marker has
        moved. The dashboard keeps no connection, so the command line can write between two reruns:
        checking costs a stat of the file, and a refresh holds the file only while the view's rows
        are read, not while they are prepared. If another process holds the file longer than `wait`,
        the last copy is served and the refresh is tried again on the next run."""
        seen = store.change_marker()
        with self._lock:
            if seen != self._fingerprint or self._con is None:
                try:
                    with store.session(timeout=wait) as con:
                        rows = view_rows(con)
                except duckdb.IOException as error:
                    if self._con is None or "lock" not in str(error).lower():
                        raise
                    return self._con, self._fingerprint
                self._con, self._fingerprint = prepare_rows(rows), seen
            return self._con, self._fingerprint

    def connection_of(self, store) -> SnapshotConnection:
        """The copy of `store` as last refreshed (each run refreshes it first), or a fresh one."""
        return self._con if self._con is not None else self.current_of(store)[0]
