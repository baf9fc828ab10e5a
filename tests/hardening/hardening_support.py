"""Helpers of the hardening tests: the real CLI in a subprocess, and what a store holds.

Imported as `hardening_support` (tests/hardening is on sys.path: no __init__.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
ENV = {**{k: v for k, v in os.environ.items() if k != "INVEST_DATA_DIR"}, "PYTHONPATH": str(REPO)}


def run_cli(*args, timeout: float = 300, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m extract ARGS` as a user runs it."""
    return subprocess.run([sys.executable, "-m", "extract", *map(str, args)], capture_output=True, text=True,
                          env=env or ENV, cwd=REPO, timeout=timeout)


def stderr_lines(done: subprocess.CompletedProcess) -> list[str]:
    return [line for line in done.stderr.splitlines() if line.strip()]


def snapshot(data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The documents, figures and corrections tables, in a stable order (read-only: no lock held after)."""
    con = duckdb.connect(str(data_dir / "figures.duckdb"), read_only=True)
    try:
        return (con.execute("SELECT * FROM documents ORDER BY doc_id").df(),
                con.execute("SELECT * FROM figures ORDER BY figure_id").df(),
                con.execute("SELECT * FROM corrections ORDER BY correction_id").df())
    finally:
        con.close()


def assert_unchanged(before, after) -> None:
    for name, old, new in zip(("documents", "figures", "corrections"), before, after):
        assert old.equals(new), f"the {name} table changed"
