"""Rules as data: every word list the engines use lives in a TSV file beside this module.

A table is a header row of column names, then one row per entry; lines starting with # are
comments. Adding a word is a one-line change here plus a test row in tests/.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import regex

RULES_DIR = Path(__file__).parent


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of rules/<name>.tsv as dicts; empty cells become ''."""
    path = RULES_DIR / f"{name}.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t")
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ValueError(f"{path.name}: row {lineno} has the wrong number of cells: {row}")
        rows.append({k.strip(): v.strip() for k, v in row.items()})
    return tuple(rows)


def words(name: str, column: str = "word") -> tuple[str, ...]:
    """One column of a table, longest first, so alternations built from it prefer long matches."""
    return tuple(sorted({row[column] for row in load_table(name)}, key=lambda w: (-len(w), w)))


def alternation(words) -> str:
    """A regex alternation matching any of `words` literally, longest first."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def table_names() -> list[str]:
    return sorted(p.stem for p in RULES_DIR.glob("*.tsv"))
