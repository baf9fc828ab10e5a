"""Command line: `python -m extract [--doc-date YYYY-MM-DD] [--format jsonl|csv] PATH...`.

Prints one record per figure. The store's commands (`ingest`, `export`, ...) are subcommands
handled by extract.store.cli; `ledger` (the target ledger) by extract.ledger.cli.

Exit codes: 0 all files read; 1 at least one file could not be read (each named on stderr with
its reason, the others still printed); 2 bad arguments.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Iterator

from extract.pipeline import extract_mentions
from extract.sources import article_paths
from extract.record import FIELDS

STORE_COMMANDS = ("ingest", "export", "correct", "corrections", "stats")


def _iso_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def extracted_articles(paths, doc_date, failures: list) -> Iterator[tuple[Path, str, list]]:
    """(path, text, figures) of each article under `paths`; a file that cannot be read is named on
    stderr with its reason, added to `failures` and skipped: one bad file never stops the batch."""
    for path in article_paths(paths):
        try:
            text, meta = _read(path)
        except Exception as error:
            failures.append(path)
            print(f"{path}: {error}", file=sys.stderr)
            continue
        yield path, text, extract_mentions(text, doc_date=doc_date, doc_name=path.name, **meta)


def _read(path: Path) -> tuple[str, dict]:
    """The document's text and metadata, through the store's readers (encodings, HTML, DOCX, PDF)."""
    from extract.sources import read_document

    doc = read_document(path)
    return doc.text, {"metadata_date": doc.metadata_date}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "ledger":
        from extract.ledger.cli import main as ledger_main

        return ledger_main(argv[1:])
    if argv and argv[0] in STORE_COMMANDS:
        from extract.store.cli import main as store_main

        return store_main(argv)
    parser = argparse.ArgumentParser(prog="python -m extract", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--doc-date", type=_iso_date, help="publication date of the documents (YYYY-MM-DD)")
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    args = parser.parse_args(argv)

    out = sys.stdout
    writer = None
    if args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
    failed: list = []
    for _, _, figures in extracted_articles(args.paths, args.doc_date, failed):
        for figure in figures:
            row = figure.to_dict()
            if writer:
                writer.writerow(row)
            else:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 1 if failed else 0
