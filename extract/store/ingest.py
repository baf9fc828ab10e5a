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
from typing import Iterable, Optional

import duckdb
import pyarrow as pa

import extract
from extract.pipeline import extract_mentions
from extract.record import FIELDS
from extract.sources import UnreadableDocument, read_bytes, read_document, safe_name
from extract.store.db import field_type, quote

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


def version_key(version: str) -> tuple:
    """Orders versions like 2026.11.23.1 numerically, part by part."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in version.split("."))


def is_outdated(stored_version: str, current: Optional[str] = None) -> bool:
    return version_key(stored_version) < version_key(current or extract.EXTRACTOR_VERSION)


def one_line(error: BaseException) -> str:
    message = " ".join(str(error).split())
    return message if isinstance(error, UnreadableDocument) else f"{type(error).__name__}: {message}"


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named and files under folders named (sorted, hidden files skipped), in the order given."""
    out: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file()
                              and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        else:
            out.append(path)
    return out


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


def known_current(con: duckdb.DuckDBPyConnection, doc_id: str) -> Optional[bool]:
    """None if the document is not stored; True if stored by the current extractor, False if by an older one."""
    row = con.execute("SELECT extractor_version FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
    return None if row is None else not is_outdated(row[0])


def store_prepared(con: duckdb.DuckDBPyConnection, prepared: Prepared) -> str:
    """Store one document and its figures atomically: 'ingested', or 'unchanged' if already there."""
    doc = prepared.document
    con.execute("BEGIN TRANSACTION")
    try:
        if known_current(con, doc["doc_id"]) is not None:
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


def ingest_document(con: duckdb.DuckDBPyConnection, name: str, source: str, read, *,
                    doc_date: Optional[str] = None, region: Optional[str] = None) -> IngestResult:
    """Read (via `read()`), extract and store one document; any failure is returned, never raised."""
    try:
        document = read()
        doc_id = text_id(document.text)
        stored = known_current(con, doc_id)
        if stored is not None:
            existing = con.execute("SELECT name FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0]
            return IngestResult(name, "unchanged", f"same text as {existing}", doc_id, source=source)
        prepared = prepare_text(document.text, name=name, source=source, metadata_date=document.metadata_date,
                                user_doc_date=doc_date, default_region=region)
        status = store_prepared(con, prepared)
        return IngestResult(name, status, None, doc_id, len(prepared.figures) if status == "ingested" else 0,
                            source=source)
    except Exception as error:  # one bad file never stops the batch
        return IngestResult(name, "failed", one_line(error), source=source)


def ingest_path(con, path: Path, **options) -> IngestResult:
    return ingest_document(con, safe_name(path.name), str(path), lambda: read_document(path), **options)


def ingest_upload(con, name: str, data: bytes, **options) -> IngestResult:
    """An uploaded file: only its bare name is kept, and nothing is written to disk but the database."""
    clean = safe_name(name)
    return ingest_document(con, clean, "upload", lambda: read_bytes(clean, data), **options)


def reextract_outdated(con: duckdb.DuckDBPyConnection) -> int:
    """Re-extract, from the stored text, every document an older extractor processed. Returns how many."""
    versions = [v for (v,) in con.execute("SELECT DISTINCT extractor_version FROM documents").fetchall()
                if is_outdated(v)]
    if not versions:
        return 0
    outdated = con.execute(
        "SELECT doc_id, name, source, metadata_date, user_doc_date, default_region, ingested_at FROM documents "
        "WHERE list_contains(?, extractor_version) ORDER BY name", [versions]).fetchall()
    for doc_id, name, source, metadata_date, user_doc_date, default_region, ingested_at in outdated:
        text = con.execute("SELECT raw_text FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0]
        prepared = prepare_text(text, name=name, source=source, metadata_date=metadata_date,
                                user_doc_date=user_doc_date, default_region=default_region, ingested_at=ingested_at)
        doc = prepared.document
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM figures WHERE doc_id = ?", [doc_id])
            con.execute("UPDATE documents SET doc_date = ?, doc_date_source = ?, region = ?, extractor_version = ? "
                        "WHERE doc_id = ?", [doc["doc_date"], doc["doc_date_source"], doc["region"],
                                             doc["extractor_version"], doc_id])
            insert_figures(con, prepared.figures)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return len(outdated)
