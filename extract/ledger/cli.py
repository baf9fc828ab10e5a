"""`python -m extract ledger PATH... [--format jsonl|csv] [--as-of YYYY-MM-DD] [--doc-date YYYY-MM-DD] [-o FILE]`
or `python -m extract ledger --data-dir DIR [...]`: the target ledger of the files (or of the store).

JSON Lines: one object per link ("kind": "pair", target -> report) and one per completion rate
("kind": "rate"), with raw offsets and the readable fields. CSV: the targets table (one row per
target, its latest report, progress and status); -o FILE writes that table readably (Chinese
headers and labels) as .xlsx or as CSV in UTF-8 with a BOM.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from pathlib import Path

from extract.ledger import build_ledger


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def _clean(value):
    return None if isinstance(value, float) and math.isnan(value) else value


def _from_files(paths: list[str], doc_date) -> tuple[list, dict, int]:
    from extract.cli import extracted_articles

    figures, texts, failed = [], {}, []
    for path, text, found in extracted_articles(paths, doc_date, failed):
        texts[path.name] = text
        figures += found
    return figures, texts, len(failed)


def _from_store(data_dir: Path):
    from extract.store import Store

    store = Store(data_dir, seed=False)
    try:
        figures = store.figures()
        texts = {row["name"]: store.document_text(row["doc_id"]) for _, row in store.documents().iterrows()}
    finally:
        store.close()
    return figures, texts


def _write(ledger, output: Path) -> None:
    from extract.ledger.export import readable_targets
    from extract.store.export import export_csv, export_table_xlsx

    table = readable_targets(ledger.targets)
    output.write_bytes(export_table_xlsx(table, "目标台账") if output.suffix.lower() == ".xlsx" else export_csv(table))
    print(f"{len(ledger.targets)} targets -> {output}", file=sys.stderr)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract ledger", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (or --data-dir)")
    parser.add_argument("--data-dir", type=Path, help="read the figures of this store instead of files")
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--as-of", type=_date, help="the date the status is for (default: today)")
    parser.add_argument("--doc-date", help="publication date of the documents (YYYY-MM-DD)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the targets to FILE: .xlsx (a workbook) or CSV (UTF-8 with BOM, for Excel)")
    args = parser.parse_args(argv)
    if bool(args.paths) == bool(args.data_dir):
        parser.error("give files or folders, or --data-dir, not both")
    failed = 0
    if args.data_dir:
        figures, texts = _from_store(args.data_dir)
    else:
        figures, texts, failed = _from_files(args.paths, args.doc_date)
    ledger = build_ledger(figures, as_of=args.as_of, texts=texts)
    if args.output:
        _write(ledger, args.output)
    elif args.format == "csv":
        ledger.targets.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        for row in ledger.jsonl_rows():
            sys.stdout.write(json.dumps({k: _clean(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
    return 1 if failed else 0
