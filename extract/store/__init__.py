"""The corpus store: documents, figures and corrections in one embedded DuckDB file.

    store = Store.open_default()            # $INVEST_DATA_DIR or ./data, seeded on first run
    store.ingest_paths(["articles/"])
    store.figures("kind = ? AND is_target", ["money"])
    store.correct(figure_id, "qualifier", "approx", author="王敏")

DuckDB lets one process write a database file at a time: a second process opening the same data
folder waits (up to db.LOCK_TIMEOUT_SECONDS, or $INVEST_LOCK_TIMEOUT) until the first closes it. Within one process, share
one Store; it gives each operation its own cursor, so threads (Streamlit sessions) may use it at once.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional

import duckdb
import pandas as pd

from extract.store import corrections as _corrections
from extract.store.corrections import CorrectionError
from extract.store.db import DB_FILE, connect, create_schema
from extract.ledger.store import rebuild_ledger, stored_ledger
from extract.store.export import export_csv, export_parquet, export_xlsx
from extract.store.ingest import (IngestReport, IngestResult, expand_paths, ingest_path, ingest_upload,
                                  reextract_outdated)

DATA_DIR_ENV = "INVEST_DATA_DIR"
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
                 lock_timeout: Optional[float] = None):
        """Open (or create) `data_dir`/figures.duckdb. With `seed`, a new database is loaded with seeds/."""
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.path = self.data_dir / DB_FILE
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no store at {self.path}")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        is_new = not self.path.exists()
        self.con: duckdb.DuckDBPyConnection = connect(self.path, read_only=read_only, timeout=lock_timeout)
        self.read_only = read_only
        self.seeded: Optional[IngestReport] = None     # what loading seeds/ into a new store did
        if not read_only:
            create_schema(self.con)
            if seed and is_new:
                self.seeded = self.ingest_paths(seed_files())

    @classmethod
    def open_default(cls) -> "Store":
        return cls(default_data_dir(), seed=True)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    # -- in --
    def ingest_paths(self, paths: Iterable[str | Path], *, progress: bool = False, engine: str = "serial",
                     scheduler: Optional[str] = None, doc_date: Optional[str] = None,
                     region: Optional[str] = None) -> IngestReport:
        """Ingest files and folders; re-extract stored documents an older extractor processed first."""
        files = expand_paths(paths)
        cur = self._cursor()
        report = IngestReport(reextracted=reextract_outdated(cur))
        if engine == "dask":
            from extract.store.dask_engine import ingest_on_dask

            report.results = ingest_on_dask(cur, files, self.data_dir, scheduler=scheduler, progress=progress,
                                            doc_date=doc_date, region=region)
            rebuild_ledger(cur)
            return report
        if engine != "serial":
            raise ValueError(f"unknown engine {engine!r} (serial | dask)")
        from tqdm import tqdm

        for path in tqdm(files, desc="ingest", unit="file", disable=not progress or None, delay=1.0):
            report.results.append(ingest_path(cur, path, doc_date=doc_date, region=region))
        rebuild_ledger(cur)
        return report

    def ingest_bytes(self, name: str, data: bytes, *, doc_date: Optional[str] = None,
                     region: Optional[str] = None) -> IngestResult:
        """One uploaded file. Nothing is written to disk but the database, whatever `name` says."""
        cur = self._cursor()
        reextract_outdated(cur)
        result = ingest_upload(cur, name, data, doc_date=doc_date, region=region)
        rebuild_ledger(cur)
        return result

    # -- out --
    def documents(self) -> pd.DataFrame:
        """The stored documents without their text (see document_text), newest first."""
        return self._cursor().execute(
            "SELECT d.* EXCLUDE (raw_text), length(d.raw_text) AS characters, coalesce(f.figures, 0) AS figures "
            "FROM documents d LEFT JOIN (SELECT doc_id, count(*) AS figures FROM effective_figures GROUP BY doc_id) f "
            "USING (doc_id) ORDER BY d.ingested_at DESC, d.name").df()

    def ledger(self, table: str = "ledger") -> pd.DataFrame:
        """The target ledger as of its last rebuild: `ledger` (targets) or `ledger_links` (extract.ledger.store)."""
        return stored_ledger(self._cursor(), table)

    def document_text(self, doc_id: str) -> str:
        row = self._cursor().execute("SELECT raw_text FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return row[0]

    def figures(self, where_sql: str = "TRUE", params: Optional[list] = None) -> pd.DataFrame:
        """Effective figures (corrections applied) matching `where_sql`, filtered inside DuckDB."""
        return self._cursor().execute(
            f"SELECT * FROM effective_figures WHERE {where_sql} ORDER BY doc, \"start\", figure_id",
            params or []).df()

    # -- corrections --
    def correct(self, figure_id: str, field: str, value, *, author: str) -> None:
        _corrections.correct(self._cursor(), figure_id, field, value, author=author)

    def delete(self, figure_id: str, *, author: str) -> None:
        _corrections.delete(self._cursor(), figure_id, author=author)

    def add_figure(self, doc_id: str, record: dict, *, author: str) -> str:
        return _corrections.add(self._cursor(), doc_id, record, author=author)

    def corrections(self) -> pd.DataFrame:
        """Every correction, oldest first, with status 'applied' or 'orphaned'."""
        return _corrections.listing(self._cursor())

    def orphaned_corrections(self) -> pd.DataFrame:
        """Corrections whose figure the current extraction no longer finds at their anchor."""
        return _corrections.orphaned(self._cursor())

    def stats(self) -> dict:
        cur = self._cursor()
        count = lambda sql: cur.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": count("SELECT count(*) FROM documents"),
            "figures": count("SELECT count(*) FROM effective_figures"),
            "corrections": count("SELECT count(*) FROM corrections"),
            "orphaned_corrections": len(self.orphaned_corrections()),
        }
