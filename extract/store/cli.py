"""Store commands of `python -m extract`:

  ingest PATH... [--engine serial|dask] [--scheduler ADDRESS] [--doc-date YYYY-MM-DD] [--region NAME]
  export --format csv|xlsx|parquet -o FILE [--doc NAME] [--kind money|count] [--region TEXT]
         [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--targets] [--corrected]
  correct set FIGURE_ID FIELD VALUE | correct delete FIGURE_ID | correct add DOC_ID JSON   [--author NAME]
  corrections [--orphaned] | corrections export FILE | corrections import FILE
  stats

Every command takes --data-dir (default: $INVEST_DATA_DIR, else ./data); a new data folder is
loaded with seeds/ unless --no-seeds is given. Documents extracted by another version of the
extraction code or rules are re-extracted first (corrections kept; see `corrections --orphaned`).

Exit codes: 0 done; 1 some files failed to ingest (each named on stderr with its reason), or
`corrections --orphaned` found orphaned corrections; 2 bad arguments or a correction refused;
3 the data folder stayed locked by another process (DuckDB lets one process use it at a time; the
dashboard and these commands hold it only for one short step at a time).
"""
from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
from pathlib import Path

import duckdb

from extract.store import CorrectionError, Store, default_data_dir, export_csv, export_parquet, export_xlsx
from extract.store.corrections import describe

EXPORTERS = {"csv": export_csv, "parquet": export_parquet}


def _iso_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=None,
                        help="data folder holding figures.duckdb (default: $INVEST_DATA_DIR or ./data)")
    common.add_argument("--no-seeds", action="store_true", help="do not load seeds/ into a new data folder")
    parser = argparse.ArgumentParser(prog="python -m extract", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", parents=[common], help="store files and folders")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--engine", choices=("serial", "dask"), default="serial")
    ingest.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (default: a LocalCluster)")
    ingest.add_argument("--doc-date", type=_iso_date, help="publication date of the documents")
    ingest.add_argument("--region", help="region the documents are about when the text does not say")

    export = commands.add_parser("export", parents=[common], help="write the figures (corrections applied)")
    export.add_argument("--format", choices=("csv", "xlsx", "parquet"), required=True)
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    export.add_argument("--doc", help="document name or doc_id")
    export.add_argument("--kind", choices=("money", "count"))
    export.add_argument("--region", help="part of the region name (province, city or county)")
    export.add_argument("--since", type=_iso_date, help="documents published on or after")
    export.add_argument("--until", type=_iso_date, help="documents published on or before")
    export.add_argument("--targets", action="store_true", help="targets only (is_target)")
    export.add_argument("--corrected", action="store_true", help="corrected figures only")

    correct = commands.add_parser("correct", parents=[common], help="fix, delete or add a figure")
    correct.add_argument("--author", default=None, help="who corrects (default: the login name)")
    actions = correct.add_subparsers(dest="action", required=True)
    fix = actions.add_parser("set", help="set a field: VALUE is JSON (5e8, true, null, \"approx\") or plain text")
    fix.add_argument("figure_id")
    fix.add_argument("field")
    fix.add_argument("value")
    remove = actions.add_parser("delete", help="not a figure")
    remove.add_argument("figure_id")
    add = actions.add_parser("add", help='a missed figure: JSON with start, end, kind, value, unit ...')
    add.add_argument("doc_id")
    add.add_argument("record", help='e.g. \'{"start": 120, "end": 125, "kind": "money", "value": 3e8, "unit": "亿元"}\'')

    listing = commands.add_parser("corrections", parents=[common],
                                  help="list corrections, or export them to / import them from a file")
    listing.add_argument("--orphaned", action="store_true", help="only those whose figure is gone")
    transfer = listing.add_subparsers(dest="transfer")
    transfer.add_parser("export", help="write every correction to FILE (JSON Lines)").add_argument("file", type=Path)
    transfer.add_parser("import", help="apply the corrections of an exported FILE (same documents)").add_argument(
        "file", type=Path)

    commands.add_parser("stats", parents=[common], help="counts of documents, figures, corrections")
    return parser


def _filters(args) -> tuple[str, list]:
    clauses, params = [], []
    if args.doc:
        clauses.append("(doc = ? OR doc_id = ?)")
        params += [args.doc, args.doc]
    if args.kind:
        clauses.append("kind = ?")
        params.append(args.kind)
    if args.region:
        clauses.append("concat_ws('|', region, province, city, county) LIKE ?")
        params.append(f"%{args.region}%")
    if args.since:
        clauses.append("doc_date >= ?")
        params.append(args.since)
    if args.until:
        clauses.append("doc_date <= ?")
        params.append(args.until)
    if args.targets:
        clauses.append("is_target")
    if args.corrected:
        clauses.append("corrected")
    return " AND ".join(clauses) or "TRUE", params


def _value(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    data_dir = args.data_dir or default_data_dir()
    try:
        store = Store(data_dir, seed=not args.no_seeds, progress=True)
        if store.seeded is not None:
            print(f"new data folder {store.data_dir}: loaded {store.seeded.count('ingested')} seed documents",
                  file=sys.stderr)
        elif store.reextracted:
            orphaned = len(store.orphaned_corrections())
            print(f"re-extracted {store.reextracted} documents made by another extractor version"
                  + (f"; {orphaned} corrections lost their figure (corrections --orphaned lists them)"
                     if orphaned else ""), file=sys.stderr)
        return COMMANDS[args.command](store, args)
    except duckdb.IOException as error:
        if "lock" not in str(error).lower():
            raise
        print(f"the data folder {data_dir} is in use by another process "
              f"(a dashboard or another ingest); try again once it is closed", file=sys.stderr)
        return 3


def _ingest(store: Store, args) -> int:
    report = store.ingest_paths(args.paths, progress=True, engine=args.engine, scheduler=args.scheduler,
                                doc_date=args.doc_date, region=args.region)
    report.reextracted += store.reextracted     # those re-extracted on opening count too
    for result in report.failed:
        print(f"{result.source or result.name}: {result.reason}", file=sys.stderr)
    print(report.summary().splitlines()[0])
    return 1 if report.failed else 0


def _export(store: Store, args) -> int:
    where, params = _filters(args)
    figures = store.figures(where, params)
    if args.format == "xlsx":
        documents = store.documents()
        data = export_xlsx(figures, documents[documents["doc_id"].isin(figures["doc_id"])], ledger=store.ledger())
    else:
        data = EXPORTERS[args.format](figures)
    args.output.write_bytes(data)
    print(f"{len(figures)} figures -> {args.output}")
    return 0


def _correct(store: Store, args) -> int:
    author = args.author or getpass.getuser()
    try:
        if args.action == "set":
            store.correct(args.figure_id, args.field, _value(args.value), author=author)
        elif args.action == "delete":
            store.delete(args.figure_id, author=author)
        else:
            record = _value(args.record)
            if not isinstance(record, dict):
                raise CorrectionError("the record must be a JSON object")
            print(store.add_figure(args.doc_id, record, author=author))
    except CorrectionError as error:
        print(f"refused: {error}", file=sys.stderr)
        return 2
    return 0


def _corrections(store: Store, args) -> int:
    if args.transfer == "export":
        args.file.write_bytes(store.export_corrections())
        print(f"{len(store.corrections())} corrections -> {args.file}")
        return 0
    if args.transfer == "import":
        try:
            counts = store.import_corrections(args.file.read_bytes())
        except (CorrectionError, OSError) as error:
            print(f"refused: {error}", file=sys.stderr)
            return 2
        print(f"imported {counts['imported']}, already there {counts['skipped']}, orphaned {counts['orphaned']}")
        return 0
    table = store.orphaned_corrections() if args.orphaned else store.corrections()
    for _, row in table.iterrows():
        print(describe(row))
    return 1 if args.orphaned and len(table) else 0


def _stats(store: Store, args) -> int:
    for key, value in store.stats().items():
        print(f"{key}: {value}")
    return 0


COMMANDS = {"ingest": _ingest, "export": _export, "correct": _correct, "corrections": _corrections, "stats": _stats}
