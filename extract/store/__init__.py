"""The corpus store: documents, figures and corrections in one embedded DuckDB file.

    store = Store.open_default()            # $INVEST_DATA_DIR or ./data, seeded on first run
    store.ingest_paths(["articles/"])
    store.figures("kind = ? AND is_target", ["money"])
    store.correct(figure_id, "qualifier", "approx", author="王敏")

DuckDB lets one process use a database file at a time, so a Store keeps no connection: each
operation opens one (`session`) and closes it, and ingest reads and extracts its files without
the file, taking it only to look up and to write a batch. The dashboard and the command line thus
share a data folder, each waiting moments (up to db.LOCK_TIMEOUT_SECONDS, or $INVEST_LOCK_TIMEOUT)
for the other's step. Within one process, share one Store: threads (Streamlit sessions) may use it
at once. `store.con` keeps a connection, and the file, until close(), for scripts and tests.

Opening a store re-extracts the documents another EXTRACTOR_VERSION (a hash of the extraction
code and rules) made; corrections, anchored to their figures' places, stay.
"""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, TypeVar

import duckdb
import pandas as pd

from extract.store import corrections as _corrections
from extract.sources import article_paths
from extract.store.corrections import CorrectionError
from extract.store.db import DB_FILE, connect, create_schema
from extract.ledger.store import rebuild_ledger, stored_ledger
from extract.store.export import export_csv, export_parquet, export_xlsx
from extract.store.ingest import (IngestReport, IngestResult, ingest_documents, path_item,
                                  reextract_outdated, upload_item)

DATA_DIR_ENV = "INVEST_DATA_DIR"
# Two sessions of this process writing at once may conflict (DuckDB's optimistic concurrency); the
# later one is tried again this many times before the error reaches the caller.
WRITE_ATTEMPTS = 5
T = TypeVar("T")
SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"

__all__ = ["Store", "IngestReport", "IngestResult", "CorrectionError", "default_data_dir", "seed_files",
           "export_csv", "export_xlsx", "export_parquet"]


def seed_files() -> list[Path]:
    """The articles a new store starts with: every .txt under seeds/ (the seeds and the follow-up corpus)."""
    return sorted(SEEDS_DIR.rglob("*.txt")) if SEEDS_DIR.is_dir() else []


def default_data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_ENV) or "data")


class Store:
    def __init__(self, data_dir: str | Path | None = None, *, read_only: bool = False, seed: bool = False,
                 lock_timeout: Optional[float] = None, progress: bool = False):
        """Open (or create) `data_dir`/figures.duckdb. With `seed`, a new database is loaded with seeds/.

        Documents stored by another extractor version are re-extracted now (a progress bar on stderr
        with `progress`, for long runs). No connection is kept: each operation opens one and closes
        it (`session`), so other processes can use the data folder between two operations.
        """
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.path = self.data_dir / DB_FILE
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no store at {self.path}")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        is_new = not self.path.exists()
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        self._held: Optional[duckdb.DuckDBPyConnection] = None
        self.seeded: Optional[IngestReport] = None     # what loading seeds/ into a new store did
        self.reextracted = 0                           # documents re-extracted on opening
        if not read_only:
            with self.session() as con:
                create_schema(con)
            if seed and is_new:
                self.seeded = self.ingest_paths(seed_files(), progress=progress)
            else:
                self.reextracted = reextract_outdated(self.session, progress=progress)
                if self.reextracted:
                    self._rebuild_ledger()

    @classmethod
    def open_default(cls) -> "Store":
        return cls(default_data_dir(), seed=True)

    @contextmanager
    def session(self, timeout: Optional[float] = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one operation, closed after it: the data folder's lock (DuckDB lets one
        process use a file at a time) is held only while the operation runs. Waits up to `timeout`
        (default: the store's lock timeout) while another process holds it."""
        con = connect(self.path, read_only=self.read_only, timeout=timeout if timeout is not None else self.lock_timeout)
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A session inside one transaction: committed when the block ends, rolled back if it raises."""
        with self.session() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    def _write(self, operation: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """`operation` in one transaction, tried again when another session's write conflicts with it."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.transaction() as con:
                    return operation(con)
            except duckdb.TransactionException:
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """A connection kept until close(), for scripts and tests that run their own SQL. While it is
        open this process holds the data folder's lock: the application itself never uses it."""
        if self._held is None:
            self._held = connect(self.path, read_only=self.read_only, timeout=self.lock_timeout)
        return self._held

    def change_marker(self) -> tuple:
        """Size and modification time of the database file and its write-ahead log: every commit, by
        this process or another, moves it; reading it opens nothing."""
        marks = []
        for path in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                stat = path.stat()
                marks.append((stat.st_mtime_ns, stat.st_size))
            except FileNotFoundError:
                marks.append(None)
        return tuple(marks)

    def close(self) -> None:
        if self._held is not None:
            self._held.close()
            self._held = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- in --
    def ingest_paths(self, paths: Iterable[str | Path], *, progress: bool = False, engine: str = "serial",
                     scheduler: Optional[str] = None, doc_date: Optional[str] = None,
                     region: Optional[str] = None) -> IngestReport:
        """Ingest files and folders; re-extract stored documents another extractor processed first."""
        files = article_paths(paths)
        report = IngestReport(reextracted=reextract_outdated(self.session, progress=progress))
        if engine == "dask":
            from extract.store.dask_engine import ingest_on_dask

            report.results = ingest_on_dask(self.session, files, self.data_dir, scheduler=scheduler,
                                            progress=progress, doc_date=doc_date, region=region)
            self._rebuild_ledger()
            return report
        if engine != "serial":
            raise ValueError(f"unknown engine {engine!r} (serial | dask)")
        from tqdm import tqdm

        with tqdm(total=len(files), desc="ingest", unit="file", disable=not progress or None, delay=1.0) as bar:
            for result in ingest_documents(self.session, map(path_item, files), doc_date=doc_date, region=region):
                report.results.append(result)
                bar.update()
        self._rebuild_ledger()
        return report

    def ingest_bytes(self, name: str, data: bytes, *, doc_date: Optional[str] = None,
                     region: Optional[str] = None) -> IngestResult:
        """One uploaded file. Nothing is written to disk but the database, whatever `name` says."""
        reextract_outdated(self.session)
        [result] = ingest_documents(self.session, [upload_item(name, data)], doc_date=doc_date, region=region)
        self._rebuild_ledger()
        return result

    def _rebuild_ledger(self) -> None:
        """The ledger from the figures as they now stand, swapped in one transaction."""
        with self.transaction() as con:
            rebuild_ledger(con)

    # -- out --
    def _read(self, sql: str, params: Optional[list] = None) -> pd.DataFrame:
        with self.session() as con:
            return con.execute(sql, params or []).df()

    def documents(self) -> pd.DataFrame:
        """The stored documents without their text (see document_text), newest first."""
        return self._read(
            "SELECT d.* EXCLUDE (raw_text), length(d.raw_text) AS characters, coalesce(f.figures, 0) AS figures "
            "FROM documents d LEFT JOIN (SELECT doc_id, count(*) AS figures FROM effective_figures GROUP BY doc_id) f "
            "USING (doc_id) ORDER BY d.ingested_at DESC, d.name")

    def ledger(self, table: str = "ledger") -> pd.DataFrame:
        """The target ledger as of its last rebuild: `ledger` (targets) or `ledger_links` (extract.ledger.store)."""
        with self.session() as con:
            return stored_ledger(con, table)

    def document_text(self, doc_id: str) -> str:
        with self.session() as con:
            row = con.execute("SELECT raw_text FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return row[0]

    def figures(self, where_sql: str = "TRUE", params: Optional[list] = None) -> pd.DataFrame:
        """Effective figures (corrections applied) matching `where_sql`, filtered inside DuckDB."""
        return self._read(f"SELECT * FROM effective_figures WHERE {where_sql} ORDER BY doc, \"start\", figure_id",
                          params)

    # -- corrections: each one is committed before the call returns, or refused with CorrectionError --
    def correct(self, figure_id: str, field: str, value, *, author: str) -> int:
        """Set a field of a figure; returns the correction's id."""
        return self._write(lambda con: _corrections.correct(con, figure_id, field, value, author=author))

    def delete(self, figure_id: str, *, author: str) -> int:
        return self._write(lambda con: _corrections.delete(con, figure_id, author=author))

    def add_figure(self, doc_id: str, record: dict, *, author: str) -> str:
        return self._write(lambda con: _corrections.add(con, doc_id, record, author=author))

    def corrections(self) -> pd.DataFrame:
        """Every correction, oldest first, with status 'applied' or 'orphaned'."""
        with self.session() as con:
            return _corrections.listing(con)

    def orphaned_corrections(self) -> pd.DataFrame:
        """Corrections whose figure the current extraction no longer finds at their anchor."""
        with self.session() as con:
            return _corrections.orphaned(con)

    def export_corrections(self) -> bytes:
        """Every correction as JSON Lines, oldest first: `import_corrections` of another store holding
        the same documents (a store rebuilt from scratch) applies them there again."""
        with self.session() as con:
            return _corrections.export_lines(con)

    def import_corrections(self, data: bytes) -> dict:
        """Append the corrections of an `export_corrections` file, in their order, skipping those
        already here (importing twice changes nothing). Returns {"imported", "skipped", "orphaned"}:
        the last counts imported ones whose document or figure this store lacks. A bad line refuses
        the whole file (CorrectionError naming the line)."""
        return self._write(lambda con: _corrections.import_lines(con, data))

    def stats(self) -> dict:
        with self.session() as con:
            count = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
            return {
                "documents": count("SELECT count(*) FROM documents"),
                "figures": count("SELECT count(*) FROM effective_figures"),
                "corrections": count("SELECT count(*) FROM corrections"),
                "orphaned_corrections": len(_corrections.orphaned(con)),
            }
