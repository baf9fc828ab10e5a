"""The same ingest on Dask: workers read and extract files (the pure `extract_mentions`), write
Parquet into the data folder's staging area, and this process loads it into DuckDB in one transaction.

With `scheduler` (an address such as tcp://10.0.0.5:8786) the workers must see the input files and
the data folder under the same paths; without it a LocalCluster on this machine is started.
"""
from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Optional

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from extract.sources import read_document, safe_name
from extract.store.ingest import (DOCUMENT_COLUMNS, FIGURE_SCHEMA, IngestResult, Session, figures_table,
                                  one_line, prepare_text, text_id)
from extract.store.db import quote

FILES_PER_TASK = 8
_STATUS_SCHEMA = pa.schema([("position", pa.int64()), ("name", pa.string()), ("source", pa.string()),
                            ("doc_id", pa.string()),
                            ("reason", pa.string()), ("figures", pa.int64())])
DOCUMENT_SCHEMA = pa.schema([("position", pa.int64())] + [
    (c, pa.timestamp("us") if c == "ingested_at" else pa.string()) for c in DOCUMENT_COLUMNS])


def extract_files(task: int, batch: list[tuple[int, str]], staging: str, known: frozenset,
                  doc_date: Optional[str], region: Optional[str]) -> str:
    """Worker side: read and extract a batch of (position, path); write three Parquet files; return their stem.

    Files whose text is already stored (`known`) are not extracted again.
    """
    statuses, documents, figures = [], [], []
    for position, path in batch:
        name = safe_name(Path(path).name)
        try:
            document = read_document(Path(path))
            doc_id = text_id(document.text)
            if doc_id in known:
                statuses.append({"position": position, "name": name, "source": path, "doc_id": doc_id, "reason": None,
                                 "figures": 0})
                continue
            prepared = prepare_text(document.text, name=name, source=str(path), metadata_date=document.metadata_date,
                                    user_doc_date=doc_date, default_region=region)
        except Exception as error:  # one bad file never stops the batch
            statuses.append({"position": position, "name": name, "source": path, "doc_id": None,
                             "reason": one_line(error), "figures": 0})
            continue
        statuses.append({"position": position, "name": name, "source": path, "doc_id": doc_id, "reason": None,
                         "figures": len(prepared.figures)})
        documents.append({"position": position, **prepared.document})
        figures.extend({**row, "position": position} for row in prepared.figures)
    stem = str(Path(staging) / f"part-{task:05d}")
    pq.write_table(pa.Table.from_pylist(statuses, schema=_STATUS_SCHEMA), stem + ".status.parquet")
    pq.write_table(pa.Table.from_pylist(documents, schema=DOCUMENT_SCHEMA), stem + ".documents.parquet")
    figure_table = figures_table([{k: v for k, v in row.items() if k != "position"} for row in figures])
    figure_table = figure_table.append_column("position", pa.array([row["position"] for row in figures], pa.int64()))
    pq.write_table(figure_table, stem + ".figures.parquet")
    return stem


def _load(con: duckdb.DuckDBPyConnection, staging: Path) -> list[IngestResult]:
    """Load the staged Parquet into the store in one transaction: for each text, its first file wins."""
    glob = lambda kind: str(staging / f"part-*.{kind}.parquet")  # noqa: E731
    figure_columns = ", ".join(quote(c) for c in FIGURE_SCHEMA.names)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"""CREATE TEMP TABLE chosen AS
            SELECT * FROM read_parquet('{glob("documents")}') s
            WHERE s.doc_id NOT IN (SELECT doc_id FROM documents)
            QUALIFY row_number() OVER (PARTITION BY s.doc_id ORDER BY s.position) = 1""")
        con.execute(f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) SELECT {', '.join(DOCUMENT_COLUMNS)} FROM chosen")
        con.execute(f"""INSERT INTO figures ({figure_columns})
            SELECT {', '.join('f.' + quote(c) for c in FIGURE_SCHEMA.names)}
            FROM read_parquet('{glob("figures")}') f JOIN chosen c ON c.position = f.position""")
        rows = con.execute(f"""
            SELECT s.position, s.name, s.source, s.doc_id, s.reason, s.figures, c.position IS NOT NULL AS chosen, d.name
            FROM read_parquet('{glob("status")}') s
            LEFT JOIN chosen c ON c.position = s.position
            LEFT JOIN documents d ON d.doc_id = s.doc_id
            ORDER BY s.position""").fetchall()
        con.execute("DROP TABLE chosen")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    results = []
    for _, name, source, doc_id, reason, figures, chosen, stored_name in rows:
        if reason is not None:
            results.append(IngestResult(name, "failed", reason, source=source))
        elif chosen:
            results.append(IngestResult(name, "ingested", None, doc_id, figures, source=source))
        else:
            results.append(IngestResult(name, "unchanged", f"same text as {stored_name}", doc_id, source=source))
    return results


def ingest_on_dask(session: Session, files: list[Path], data_dir: Path, *,
                   scheduler: Optional[str] = None, progress: bool = False, doc_date: Optional[str] = None,
                   region: Optional[str] = None) -> list[IngestResult]:
    from distributed import Client, LocalCluster, as_completed
    from tqdm import tqdm

    if not files:
        return []
    staging = (Path(data_dir) / "staging" / uuid.uuid4().hex).resolve()
    staging.mkdir(parents=True)
    # Only documents stored by the current extractor count as known: outdated ones were re-extracted before.
    with session() as con:
        known = frozenset(row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall())
    batches = [list(enumerate(map(str, files)))[i:i + FILES_PER_TASK] for i in range(0, len(files), FILES_PER_TASK)]
    cluster = None if scheduler else LocalCluster(processes=True, threads_per_worker=1, dashboard_address=":0")
    try:
        with Client(scheduler or cluster) as client:
            [known_future] = client.scatter([known], broadcast=True)   # one copy per worker, not per task
            futures = [client.submit(extract_files, task, batch, str(staging), known_future, doc_date, region,
                                     pure=False)
                       for task, batch in enumerate(batches)]
            bar = tqdm(total=len(files), desc="ingest (dask)", unit="file", disable=not progress or None, delay=1.0)
            sizes = {future.key: len(batch) for future, batch in zip(futures, batches)}
            for future in as_completed(futures):
                future.result()
                bar.update(sizes[future.key])
            bar.close()
        with session() as con:
            return _load(con, staging)
    finally:
        if cluster is not None:
            cluster.close()
        shutil.rmtree(staging, ignore_errors=True)
