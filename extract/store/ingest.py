"""Files in, documents and figures out: read, hash, extract, and store each document atomically.

`prepare_text` is pure (no database), so the serial and the Dask engine share it; `store_prepared`
writes one document and its figures in one transaction, so a crash never leaves half a document.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, ContextManager, Iterable, Iterator, Optional

import duckdb
import pyarrow as pa

import extract
from extract.pipeline import extract_mentions
from extract.record import FIELDS
from extract.sources import Document, UnreadableDocument, read_bytes, read_document, safe_name
from extract.store.db import field_type, quote

# Opens a connection for one step and closes it after (Store.session): the data folder's lock is
# held only while the step runs, so the dashboard and the command line take turns.
Session = Callable[[], ContextManager[duckdb.DuckDBPyConnection]]
# Files read and extracted between two visits to the store: extraction runs without the lock.
BATCH_FILES = 16

_ARROW_TYPES = {"INTEGER": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "VARCHAR": pa.string()}
FIGURE_SCHEMA = pa.schema([("doc_id", pa.string()), ("figure_id", pa.string())]
                          + [(f, _ARROW_TYPES[field_type(f)]) for f in FIELDS])
DOCUMENT_COLUMNS = ("doc_id", "name", "source", "doc_date", "doc_date_source", "region", "user_doc_date",
                    "metadata_date", "default_region", "raw_text", "extractor_version", "ingested_at")


@dataclass
class IngestResult:
    name: str
    status: str                      # 'ingested' | 'unchanged' | 'failed'
    reason: Optional[str] = None     # why it failed (one line), or what it duplicated
    doc_id: Optional[str] = None
    figures: int = 0
    source: Optional[str] = None     # the path as given, or "upload"


@dataclass
class IngestReport:
    results: list[IngestResult] = field(default_factory=list)
    reextracted: int = 0             # stored documents re-extracted because their extractor was older

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def failed(self) -> list[IngestResult]:
        return [r for r in self.results if r.status == "failed"]

    def summary(self) -> str:
        lines = [f"ingested {self.count('ingested')}, unchanged {self.count('unchanged')}, "
                 f"failed {self.count('failed')}, re-extracted {self.reextracted}"]
        lines += [f"FAILED {r.source or r.name}: {r.reason}" for r in self.failed]
        return "\n".join(lines)


@dataclass
class Prepared:
    """A document read and extracted, ready to be stored."""
    document: dict
    figures: list[dict]


def text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def one_line(error: BaseException) -> str:
    message = " ".join(str(error).split())
    return message if isinstance(error, UnreadableDocument) else f"{type(error).__name__}: {message}"


def figure_rows(doc_id: str, figures) -> list[dict]:
    """Contract records with their doc_id and a figure_id stable across re-extraction (same place, same id)."""
    rows, seen = [], Counter()
    for figure in figures:
        record = figure.to_dict() if hasattr(figure, "to_dict") else dict(figure)
        base = f"{doc_id[:16]}-{record['start']}-{record['end']}"
        seen[base] += 1
        figure_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        rows.append({"doc_id": doc_id, "figure_id": figure_id, **{f: record[f] for f in FIELDS}})
    return rows


def prepare_text(text: str, *, name: str, source: str, metadata_date: Optional[str] = None,
                 user_doc_date: Optional[str] = None, default_region: Optional[str] = None,
                 ingested_at: Optional[dt.datetime] = None) -> Prepared:
    doc_id = text_id(text)
    figures = extract_mentions(text, doc_date=user_doc_date, doc_name=name, metadata_date=metadata_date,
                               default_region=default_region)
    rows = figure_rows(doc_id, figures)
    dated = next((r for r in rows if r["doc_date"]), None)
    if dated:
        doc_date, date_source = dated["doc_date"], dated["doc_date_source"]
    elif user_doc_date or metadata_date:
        doc_date, date_source = (user_doc_date, "user") if user_doc_date else (metadata_date, "metadata")
    else:
        doc_date = date_source = None
    regions = Counter(r["region"] for r in rows if r["region"])
    document = {
        "doc_id": doc_id, "name": name, "source": source, "doc_date": doc_date, "doc_date_source": date_source,
        "region": regions.most_common(1)[0][0] if regions else default_region,
        "user_doc_date": user_doc_date, "metadata_date": metadata_date, "default_region": default_region,
        "raw_text": text, "extractor_version": extract.EXTRACTOR_VERSION,
        "ingested_at": ingested_at or dt.datetime.now(),
    }
    return Prepared(document, rows)


def figures_table(rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=FIGURE_SCHEMA)


def insert_figures(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    if not rows:
        return
    columns = ", ".join(quote(c) for c in FIGURE_SCHEMA.names)
    con.register("incoming_figures", figures_table(rows))
    try:
        con.execute(f"INSERT INTO figures ({columns}) SELECT {columns} FROM incoming_figures")
    finally:
        con.unregister("incoming_figures")


def store_prepared(con: duckdb.DuckDBPyConnection, prepared: Prepared) -> str:
    """Store one document and its figures atomically: 'ingested', or 'unchanged' if already there."""
    doc = prepared.document
    con.execute("BEGIN TRANSACTION")
    try:
        if con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc["doc_id"]]).fetchone():
            con.execute("ROLLBACK")
            return "unchanged"
        con.execute(f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) VALUES "
                    f"({', '.join('?' * len(DOCUMENT_COLUMNS))})", [doc[c] for c in DOCUMENT_COLUMNS])
        insert_figures(con, prepared.figures)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return "ingested"


def stored_names(con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str]) -> dict[str, str]:
    """doc_id -> name of those of `doc_ids` the store holds."""
    return dict(con.execute("SELECT doc_id, name FROM documents WHERE list_contains(?, doc_id)",
                            [sorted(set(doc_ids))]).fetchall())


def batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_documents(session: Session, items: Iterable[tuple[str, str, Callable[[], Document]]], *,
                     doc_date: Optional[str] = None, region: Optional[str] = None) -> Iterator[IngestResult]:
    """Read (name, source, read) items, extract and store them; yields each one's result, in order,
    once it is committed. Any failure of one file is its result, never raised (a locked store is)."""
    for batch in batches(items, BATCH_FILES):
        yield from _ingest_batch(session, batch, doc_date, region)


def _ingest_batch(session: Session, batch, doc_date, region) -> list[IngestResult]:
    """Read and extract a batch without the store's lock; the lock is taken twice, briefly: to learn
    which texts are stored already, and to write the new ones."""
    outcomes: list[Optional[IngestResult]] = [None] * len(batch)
    texts: dict[int, tuple[Document, str]] = {}
    for position, (name, source, read) in enumerate(batch):
        try:
            document = read()
            texts[position] = (document, text_id(document.text))
        except Exception as error:  # one bad file never stops the batch
            outcomes[position] = IngestResult(name, "failed", one_line(error), source=source)
    with session() as con:
        known = stored_names(con, (doc_id for _, doc_id in texts.values()))
    prepared: dict[int, Prepared] = {}
    for position, (document, doc_id) in texts.items():
        name, source, _ = batch[position]
        if doc_id in known:
            outcomes[position] = IngestResult(name, "unchanged", f"same text as {known[doc_id]}", doc_id,
                                              source=source)
            continue
        try:
            prepared[position] = prepare_text(document.text, name=name, source=source,
                                              metadata_date=document.metadata_date, user_doc_date=doc_date,
                                              default_region=region)
        except Exception as error:
            outcomes[position] = IngestResult(name, "failed", one_line(error), source=source)
    if prepared:
        with session() as con:
            for position, ready in prepared.items():
                outcomes[position] = _store_one(con, batch[position], ready)
    return outcomes


def _store_one(con, item, prepared: Prepared) -> IngestResult:
    name, source, _ = item
    doc_id = prepared.document["doc_id"]
    try:
        status = store_prepared(con, prepared)
    except Exception as error:
        return IngestResult(name, "failed", one_line(error), source=source)
    if status == "unchanged":   # the same text came twice in one batch, or another process stored it
        return IngestResult(name, status, f"same text as {stored_names(con, [doc_id])[doc_id]}", doc_id,
                            source=source)
    return IngestResult(name, status, None, doc_id, len(prepared.figures), source=source)


def path_item(path: Path) -> tuple[str, str, Callable[[], Document]]:
    return safe_name(path.name), str(path), lambda: read_document(path)


def upload_item(name: str, data: bytes) -> tuple[str, str, Callable[[], Document]]:
    """An uploaded file: only its bare name is kept, and nothing is written to disk but the database."""
    clean = safe_name(name)
    return clean, "upload", lambda: read_bytes(clean, data)


_STORED_INPUTS = "doc_id, name, source, metadata_date, user_doc_date, default_region, ingested_at, raw_text"


def reextract_outdated(session: Session, *, progress: bool = False) -> int:
    """Re-extract, from the stored text, every document another extractor version processed, a batch
    at a time (extraction runs without the lock); corrections stay, anchored to their figures' places.
    Returns how many were re-extracted."""
    current = extract.EXTRACTOR_VERSION
    with session() as con:
        outdated = [doc_id for (doc_id,) in con.execute(
            "SELECT doc_id FROM documents WHERE extractor_version <> ? ORDER BY name, doc_id", [current]).fetchall()]
    if not outdated:
        return 0
    from tqdm import tqdm

    done = 0
    with tqdm(total=len(outdated), desc="re-extract", unit="doc", disable=not progress or None, delay=1.0) as bar:
        for batch in batches(outdated, BATCH_FILES):
            with session() as con:
                rows = con.execute(f"SELECT {_STORED_INPUTS} FROM documents WHERE list_contains(?, doc_id) "
                                   "AND extractor_version <> ?", [batch, current]).fetchall()
            prepared = [prepare_text(text, name=name, source=source, metadata_date=metadata_date,
                                     user_doc_date=user_doc_date, default_region=default_region,
                                     ingested_at=ingested_at)
                        for _, name, source, metadata_date, user_doc_date, default_region, ingested_at, text in rows]
            with session() as con:
                done += sum(_replace_figures(con, ready) for ready in prepared)
            bar.update(len(batch))
    return done


def _replace_figures(con: duckdb.DuckDBPyConnection, prepared: Prepared) -> bool:
    """A document's new figures in place of its old ones, in one transaction; False if another
    process re-extracted it meanwhile."""
    doc = prepared.document
    con.execute("BEGIN TRANSACTION")
    try:
        if not con.execute("SELECT 1 FROM documents WHERE doc_id = ? AND extractor_version <> ?",
                           [doc["doc_id"], doc["extractor_version"]]).fetchone():
            con.execute("ROLLBACK")
            return False
        con.execute("DELETE FROM figures WHERE doc_id = ?", [doc["doc_id"]])
        con.execute("UPDATE documents SET doc_date = ?, doc_date_source = ?, region = ?, extractor_version = ? "
                    "WHERE doc_id = ?", [doc["doc_date"], doc["doc_date_source"], doc["region"],
                                         doc["extractor_version"], doc["doc_id"]])
        insert_figures(con, prepared.figures)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return True
