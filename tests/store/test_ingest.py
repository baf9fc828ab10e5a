"""Ingest: idempotent by content, one transaction per document, bad files reported and harmless."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import extract
import extract.store.ingest as ingest_module
from extract.pipeline import extract_mentions
from extract.store import Store, seed_files

from store_files import REPO, SEEDS, docx_bytes, seed_text, varied, write_variants

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def snapshot(store: Store):
    documents = store.con.execute("SELECT * FROM documents ORDER BY doc_id").df()
    figures = store.con.execute("SELECT * FROM figures ORDER BY figure_id").df()
    return documents, figures


def assert_same(before, after):
    for old, new in zip(before, after):
        assert old.equals(new)


def test_ingest_stores_each_document_with_its_figures(store):
    report = store.ingest_paths(SEEDS)
    assert report.count("ingested") == len(SEEDS) and not report.failed
    documents = store.documents()
    assert len(documents) == len(SEEDS)
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8").rstrip()
        doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert store.document_text(doc_id) == text
        stored = store.figures("doc_id = ?", [doc_id])
        expected = extract_mentions(text, doc_name=seed.name)
        assert len(stored) == len(expected)
        assert list(stored["text"]) == [f.text for f in expected]
        assert list(stored["value"]) == [float(f.value) for f in expected]
    assert set(documents["extractor_version"]) == {extract.EXTRACTOR_VERSION}


def test_reingest_is_a_no_op(store):
    store.ingest_paths(SEEDS)
    before = snapshot(store)
    report = store.ingest_paths(SEEDS)
    assert report.count("unchanged") == len(SEEDS) and report.count("ingested") == 0
    assert_same(before, snapshot(store))


def test_the_same_article_under_another_name_or_encoding_is_stored_once(store, tmp_path):
    text = seed_text(2)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(text.encode("gb18030"))
    (tmp_path / "c.docx").write_bytes(docx_bytes(text))
    report = store.ingest_paths([tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.docx"])
    assert [r.status for r in report.results] == ["ingested", "unchanged", "unchanged"]
    assert report.results[1].reason == "same text as a.txt"
    assert len(store.documents()) == 1


def test_one_bad_file_never_stops_the_batch_nor_changes_the_store(store, tmp_path):
    store.ingest_paths([SEEDS[0]])
    before = snapshot(store)
    bad = tmp_path / "bad"
    (bad / ".git").mkdir(parents=True)
    (bad / ".git" / "notes.txt").write_text("总投资90亿元", encoding="utf-8")    # hidden: never read
    (bad / "empty.txt").write_bytes(b"")
    (bad / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(256))
    (bad / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    report = store.ingest_paths([bad, tmp_path / "missing.txt"])
    assert report.count("failed") == 4 and report.count("ingested") == 0
    assert_same(before, snapshot(store))
    lines = report.summary().splitlines()
    assert lines[0] == "ingested 0, unchanged 0, failed 4, re-extracted 0"
    assert any("empty.txt" in line and "empty file" in line for line in lines[1:])
    assert any("missing.txt" in line and "no such file" in line for line in lines[1:])

    report = store.ingest_paths([bad / "empty.txt", SEEDS[1], bad / "photo.txt", SEEDS[2]])
    assert [r.status for r in report.results] == ["failed", "ingested", "failed", "ingested"]


def test_a_crash_inside_extraction_fails_that_file_only(store, monkeypatch):
    poisoned = seed_text(3)

    def extract_or_crash(text, **kwargs):
        if text == poisoned:
            raise RuntimeError("rule engine exploded")
        return extract_mentions(text, **kwargs)

    monkeypatch.setattr(ingest_module, "extract_mentions", extract_or_crash)
    report = store.ingest_paths(SEEDS)
    failed = report.failed
    assert [r.name for r in failed] == [SEEDS[3].name]
    assert failed[0].reason == "RuntimeError: rule engine exploded"
    assert report.count("ingested") == len(SEEDS) - 1
    assert store.con.execute("SELECT count(*) FROM figures WHERE doc = ?", [SEEDS[3].name]).fetchone()[0] == 0


def test_documents_of_an_older_extractor_are_re_extracted(store, monkeypatch):
    store.ingest_paths(SEEDS)
    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", extract.EXTRACTOR_VERSION + ".1")
    seen = []

    def counting_extract(text, **kwargs):
        seen.append(kwargs["doc_name"])
        return extract_mentions(text, **kwargs)

    monkeypatch.setattr(ingest_module, "extract_mentions", counting_extract)
    report = store.ingest_paths([SEEDS[0]])
    assert report.reextracted == len(SEEDS)
    assert report.results[0].status == "unchanged"
    assert sorted(seen) == sorted(seed.name for seed in SEEDS)
    assert set(store.documents()["extractor_version"]) == {extract.EXTRACTOR_VERSION}
    assert store.ingest_paths([SEEDS[0]]).reextracted == 0



@pytest.mark.parametrize("name", ["../x.txt", "../../escape.txt", "..\\..\\win.txt", "/tmp/abs.txt", "sub/../../y.txt"])
def test_uploaded_names_never_write_outside_the_data_folder(tmp_path, name):
    data_dir = tmp_path / "root" / "data"
    absolute = Path("/tmp/abs.txt")
    existed = absolute.exists()
    with Store(data_dir) as store:
        before = {p for p in tmp_path.rglob("*")}
        result = store.ingest_bytes(name, seed_text(1).encode("utf-8"))
        assert result.status == "ingested"
        assert "/" not in result.name and "\\" not in result.name and result.name.endswith(".txt")
        created = {p for p in tmp_path.rglob("*")} - before
        assert all(data_dir in p.parents for p in created)
        assert store.documents()["name"].tolist() == [result.name]
    assert absolute.exists() == existed


def test_upload_of_a_bad_file_is_a_failed_result(store):
    result = store.ingest_bytes("scan.pdf", b"%PDF-1.4 garbage")
    assert result.status == "failed" and result.reason.startswith("not a readable PDF")
    assert store.documents().empty


def run_cli(*args, env=None, cwd=REPO):
    return subprocess.run([sys.executable, "-m", "extract", *map(str, args)], capture_output=True, text=True,
                          env=env or ENV, cwd=cwd, timeout=300)


def test_cli_ingest_prints_a_summary_and_exit_codes(tmp_path):
    data = tmp_path / "data"
    (tmp_path / "empty.txt").write_bytes(b"")
    ok = run_cli("ingest", "--data-dir", data, "--no-seeds", SEEDS[0], SEEDS[1])
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip() == "ingested 2, unchanged 0, failed 0, re-extracted 0"
    partly = run_cli("ingest", "--data-dir", data, "--no-seeds", SEEDS[0], tmp_path / "empty.txt")
    assert partly.returncode == 1
    assert partly.stdout.strip() == "ingested 0, unchanged 1, failed 1, re-extracted 0"
    assert f"{tmp_path / 'empty.txt'}: empty file" in partly.stderr.splitlines()
    usage = run_cli("ingest", "--data-dir", data, "--engine", "spark", SEEDS[0])
    assert usage.returncode == 2


def test_cli_data_folder_from_the_environment_is_created_and_seeded(tmp_path):
    env = {**ENV, "INVEST_DATA_DIR": str(tmp_path / "from_env")}
    stats = run_cli("stats", env=env, cwd=tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert f"documents: {len(seed_files())}" in stats.stdout.splitlines()
    assert len(seed_files()) >= len(SEEDS)
    assert (tmp_path / "from_env" / "figures.duckdb").is_file()


KILLED_CHILD = """
import sys
from extract.store import Store, seed_files
store = Store(sys.argv[1])
for path in sys.argv[2:]:
    store.ingest_paths([path])
    print("stored", path, flush=True)
"""


def test_sigkill_mid_ingest_leaves_no_half_document(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for step in range(16):   # long documents, so the kill most likely lands inside one
        path = folder / f"long_{step}.txt"
        path.write_text("\n".join(varied(seed_text(i), step * 7 + 1) for i in range(len(SEEDS))), encoding="utf-8")
        paths.append(path)
    data = tmp_path / "data"
    child = subprocess.Popen([sys.executable, "-c", KILLED_CHILD, str(data), *map(str, paths)],
                             stdout=subprocess.PIPE, text=True, env=ENV, cwd=REPO)
    acknowledged = [child.stdout.readline().split(" ", 1)[1].strip() for _ in range(3)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL

    with Store(data) as store:
        documents = store.con.execute("SELECT doc_id, name, raw_text FROM documents").fetchall()
        names = {name for _, name, _ in documents}
        assert {Path(p).name for p in acknowledged} <= names
        for doc_id, name, text in documents:
            stored = store.con.execute("SELECT count(*) FROM figures WHERE doc_id = ?", [doc_id]).fetchone()[0]
            assert stored == len(extract_mentions(text, doc_name=name)) > 0
        orphans = store.con.execute("SELECT count(*) FROM figures WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
        assert orphans.fetchone()[0] == 0
        report = store.ingest_paths(paths)   # the rest goes in on the next run
        assert not report.failed
        assert len(store.documents()) == len(paths)


def test_varied_numbers_make_new_documents_and_renamed_copies_do_not(tmp_path):
    paths = write_variants(tmp_path / "v", copies=2)
    with Store(tmp_path / "data") as store:
        store.ingest_paths(SEEDS)
        report = store.ingest_paths(paths)
    assert report.count("ingested") == 2 * len(SEEDS)
    assert report.count("unchanged") == len(SEEDS)
