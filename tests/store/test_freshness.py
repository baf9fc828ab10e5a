"""A store stays fresh and keeps every correction: the extractor version is a hash of what decides
the figures, so editing a rules table re-extracts the stored documents (corrections kept); the
corrections export to a file and import into a store rebuilt from scratch; two sessions
correcting while the command line ingests lose nothing."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading

import duckdb
import pandas as pd
import pytest

import extract
from extract.store import CorrectionError, Store
from store_files import REPO, SEEDS, seed_text, varied

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def test_the_version_is_a_hash_of_the_extraction_code_and_rules_only():
    parts = {path.relative_to(REPO / "extract").as_posix() for path in extract.extraction_files()}
    assert {"pipeline.py", "record.py", "rules/currencies.tsv", "mentions/money.py", "context/regions/__init__.py"} <= parts
    assert not {part for part in parts if part.startswith(("store/", "dashboard/", "sources/", "tracking/", "ledger/"))}
    assert extract.EXTRACTOR_VERSION == extract.content_version() and len(extract.EXTRACTOR_VERSION) == 16


def test_editing_a_rules_table_in_a_copy_re_extracts_and_keeps_the_corrections(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(REPO / "extract", copy / "extract", ignore=shutil.ignore_patterns("__pycache__"))
    data = tmp_path / "data"
    with Store(data) as store:
        store.ingest_paths(SEEDS[:3])
        figure = store.figures("kind = 'money'").iloc[0]
        store.correct(figure.figure_id, "qualifier", "approx", author="王敏")
        store.con.execute(   # a correction whose figure an earlier extractor found and this one does not
            "INSERT INTO corrections (created_at, author, action, doc_id, anchor_start, anchor_end, anchor_text, "
            "field, new_value) VALUES (now(), '李雷', 'set', ?, 0, 2, '不见', 'qualifier', '\"approx\"')",
            [figure.doc_id])

    def in_copy(*args) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=copy, timeout=300,
                              env={**os.environ, "PYTHONPATH": str(copy)})

    version = "import extract; print(extract.__file__, extract.EXTRACTOR_VERSION)"
    assert in_copy("-c", version).stdout.split() == [str(copy / "extract" / "__init__.py"), extract.EXTRACTOR_VERSION]
    with (copy / "extract" / "rules" / "currencies.tsv").open("a", encoding="utf-8") as table:
        table.write("# an edit that a new rule would make\n")
    edited = in_copy("-c", version).stdout.split()[1]
    assert edited != extract.EXTRACTOR_VERSION

    opened = in_copy("-m", "extract", "corrections", "--data-dir", str(data))
    assert opened.returncode == 0, opened.stderr
    assert opened.stderr == ("re-extracted 3 documents made by another extractor version; 1 corrections lost "
                             "their figure (corrections --orphaned lists them)\n")
    assert [line.split()[1] for line in opened.stdout.splitlines()] == ["applied", "orphaned"]
    with duckdb.connect(str(data / "figures.duckdb"), read_only=True) as con:
        assert con.execute("SELECT DISTINCT extractor_version FROM documents").fetchall() == [(edited,)]
        assert con.execute("SELECT qualifier FROM effective_figures WHERE figure_id = ?",
                           [figure.figure_id]).fetchall() == [("approx",)]
    again = in_copy("-m", "extract", "ingest", "--data-dir", str(data), str(SEEDS[0]))
    assert again.stdout.splitlines()[-1] == "ingested 0, unchanged 1, failed 0, re-extracted 0"


@pytest.fixture
def corrected(tmp_path) -> Store:
    """A store of three seeds with a fix, a deletion, an added figure and a fix of the added figure."""
    store = Store(tmp_path / "a")
    store.ingest_paths(SEEDS[:3])
    money = store.figures("kind = 'money'")
    store.correct(money.figure_id.iloc[0], "value", 123_000_000, author="王敏")
    store.delete(money.figure_id.iloc[1], author="李雷")
    doc_id = money.doc_id.iloc[0]
    text = store.document_text(doc_id)
    start = text.index("。") - 2
    added = store.add_figure(doc_id, {"start": start, "end": start + 2, "kind": "count", "value": 2, "unit": "个"},
                             author="王敏")
    store.correct(added, "is_target", True, author="王敏")
    return store


def test_corrections_round_trip_into_a_store_rebuilt_from_scratch(corrected, tmp_path):
    exported = corrected.export_corrections()
    assert len(exported.decode("utf-8").splitlines()) == 4
    rebuilt = Store(tmp_path / "b")
    rebuilt.ingest_paths(reversed(SEEDS[:3]))
    assert rebuilt.import_corrections(exported) == {"imported": 4, "skipped": 0, "orphaned": 0}
    pd.testing.assert_frame_equal(rebuilt.figures(), corrected.figures())
    assert rebuilt.import_corrections(exported) == {"imported": 0, "skipped": 4, "orphaned": 0}
    assert rebuilt.export_corrections().splitlines()[0].split(b'"created_at"')[1] == \
        exported.splitlines()[0].split(b'"created_at"')[1]


def test_the_command_line_exports_and_imports_corrections(corrected, tmp_path):
    def cli(*args):
        return subprocess.run([sys.executable, "-m", "extract", "corrections", *map(str, args)],
                              capture_output=True, text=True, env=ENV, cwd=REPO, timeout=120)

    file = tmp_path / "corrections.jsonl"
    assert cli("--data-dir", corrected.data_dir, "export", file).stdout == f"4 corrections -> {file}\n"
    other = Store(tmp_path / "c")
    other.ingest_paths(SEEDS[:3])
    assert cli("--data-dir", other.data_dir, "import", file).stdout == "imported 4, already there 0, orphaned 0\n"
    pd.testing.assert_frame_equal(other.figures(), corrected.figures())
    elsewhere = Store(tmp_path / "d")
    elsewhere.ingest_paths(SEEDS[1:3])     # lacks the document of the fix and of the deletion
    assert cli("--data-dir", elsewhere.data_dir, "import", file).stdout == "imported 4, already there 0, orphaned 2\n"


def test_an_import_with_a_bad_line_is_refused_whole(corrected, tmp_path):
    lines = corrected.export_corrections().decode("utf-8").splitlines()
    broken = "\n".join([lines[0], lines[1].replace('"李雷"', '""'), *lines[2:]]).encode("utf-8")
    fresh = Store(tmp_path / "e")
    fresh.ingest_paths(SEEDS[:3])
    with pytest.raises(CorrectionError, match="^line 2: a correction needs an author$"):
        fresh.import_corrections(broken)
    not_a_number = lines[0].replace('"new_value": 123000000', '"new_value": "many"').encode("utf-8")
    with pytest.raises(CorrectionError, match="^line 1: value 须为数字 / takes a number, not 'many'$"):
        fresh.import_corrections(not_a_number)
    assert fresh.corrections().empty


def test_two_sessions_correcting_while_the_command_line_ingests_lose_nothing(tmp_path):
    data = tmp_path / "data"
    store = Store(data)        # shared by the sessions' threads, as the dashboard shares its Store
    store.ingest_paths(SEEDS[:4])
    ids = list(store.figures()["figure_id"][:25])
    folder = tmp_path / "new"
    folder.mkdir()
    for step in range(24):
        (folder / f"new_{step}.txt").write_text(varied(seed_text(step % len(SEEDS)), step + 1), encoding="utf-8")
    ingest = subprocess.Popen([sys.executable, "-m", "extract", "ingest", "--data-dir", str(data), str(folder)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=REPO)
    acknowledged = []

    def session(author):
        for figure_id in ids:
            acknowledged.append(store.correct(figure_id, "metric", f"{author}:{figure_id}", author=author))

    sessions = [threading.Thread(target=session, args=(name,)) for name in ("甲", "乙")]
    for thread in sessions:
        thread.start()
    for thread in sessions:
        thread.join()
    out, err = ingest.communicate(timeout=300)
    assert ingest.returncode == 0, err
    assert out.splitlines()[-1] == "ingested 24, unchanged 0, failed 0, re-extracted 0"
    log = store.corrections()
    assert sorted(log["correction_id"]) == sorted(acknowledged) and len(acknowledged) == 2 * len(ids)
    assert set(log["new_value"]) == {f'"{a}:{i}"' for a in ("甲", "乙") for i in ids}
    assert len(store.documents()) == 4 + 24
