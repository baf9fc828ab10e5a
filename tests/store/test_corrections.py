"""Corrections: applied on read, kept across re-extraction, orphans reported, no edit ever lost."""
from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

import extract
import extract.store.ingest as ingest_module
from extract.pipeline import extract_mentions
from extract.store import CorrectionError, Store

from store_files import REPO, SEEDS

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


@pytest.fixture
def seeded(store):
    store.ingest_paths(SEEDS)
    return store


def money(store, n=0):
    return store.figures("kind = 'money'").iloc[n]


def test_a_field_fix_is_applied_on_read_and_kept_with_time_and_author(seeded):
    figure = money(seeded)
    seeded.correct(figure.figure_id, "value", 123_000_000, author="王敏")
    seeded.correct(figure.figure_id, "qualifier", "approx", author="李雷")
    seeded.correct(figure.figure_id, "region", "江苏省南通市", author="王敏")
    seeded.correct(figure.figure_id, "deadline", "2025-12-31", author="王敏")
    seeded.correct(figure.figure_id, "is_target", True, author="王敏")
    seeded.correct(figure.figure_id, "metric", "新签约项目", author="王敏")
    fixed = seeded.figures("figure_id = ?", [figure.figure_id]).iloc[0]
    assert fixed.value == 123_000_000 and fixed.qualifier == "approx" and fixed.region == "江苏省南通市"
    assert fixed.deadline == "2025-12-31" and bool(fixed.is_target) and fixed.metric == "新签约项目"
    assert bool(fixed.corrected) and fixed.text == figure.text
    untouched = seeded.figures("figure_id <> ?", [figure.figure_id])
    assert not untouched["corrected"].any()
    log = seeded.corrections()
    assert list(log["author"]) == ["王敏", "李雷", "王敏", "王敏", "王敏", "王敏"]
    assert log["created_at"].notna().all() and set(log["status"]) == {"applied"}
    # the extracted figure itself is never overwritten
    raw = seeded.con.execute("SELECT value FROM figures WHERE figure_id = ?", [figure.figure_id]).fetchone()[0]
    assert raw == figure.value


def test_the_newest_fix_of_a_field_wins_and_null_clears(seeded):
    figure = money(seeded)
    seeded.correct(figure.figure_id, "region", "江苏省", author="a")
    seeded.correct(figure.figure_id, "region", "江苏省南通市海门区", author="b")
    assert seeded.figures("figure_id = ?", [figure.figure_id]).iloc[0].region == "江苏省南通市海门区"
    seeded.correct(figure.figure_id, "region", None, author="c")
    assert seeded.figures("figure_id = ?", [figure.figure_id]).iloc[0].region is None


def test_delete_hides_the_figure(seeded):
    total = len(seeded.figures())
    figure = money(seeded, 1)
    seeded.delete(figure.figure_id, author="王敏")
    assert len(seeded.figures()) == total - 1
    assert seeded.figures("figure_id = ?", [figure.figure_id]).empty
    with pytest.raises(CorrectionError, match="no figure"):
        seeded.correct(figure.figure_id, "value", 1, author="王敏")


def test_an_added_figure_appears_with_its_sentence_and_can_itself_be_fixed(seeded):
    doc_id = seeded.documents().sort_values("name").iloc[0].doc_id
    text = seeded.document_text(doc_id)
    start = text.index("十佳案例")
    figure_id = seeded.add_figure(doc_id, {"start": start, "end": start + 2, "kind": "count", "value": 10,
                                           "unit": "个", "counted": "项目", "is_target": False}, author="王敏")
    added = seeded.figures("figure_id = ?", [figure_id]).iloc[0]
    assert added.text == "十佳" and added.value == 10 and added.counted == "项目" and not added.is_target
    assert added.sentence in text and added.sentence_start <= start and bool(added.corrected)
    assert text[added.sentence_start:added.sentence_start + len(added.sentence)] == added.sentence
    seeded.correct(figure_id, "value", 20, author="李雷")
    assert seeded.figures("figure_id = ?", [figure_id]).iloc[0].value == 20
    seeded.delete(figure_id, author="李雷")
    assert seeded.figures("figure_id = ?", [figure_id]).empty


@pytest.mark.parametrize("field, value, message", [
    ("value", "lots", "takes a number"),
    ("value", None, "cannot be empty"),
    ("qualifier", "roughly", "is one of"),
    ("kind", "area", "is one of"),
    ("deadline", "next spring", "takes a date"),
    ("is_target", "maybe", "takes true or false"),
    ("start", 3, "where the figure stands"),
    ("text", "9亿元", "where the figure stands"),
    ("colour", "red", "no such field"),
    ("group", 1.5, "whole number"),
    ("value", -5, "cannot be negative"),
])
def test_invalid_fixes_are_refused(seeded, field, value, message):
    with pytest.raises(CorrectionError, match=message):
        seeded.correct(money(seeded).figure_id, field, value, author="王敏")
    assert seeded.corrections().empty


def test_invalid_additions_are_refused(seeded):
    doc_id = seeded.documents().iloc[0].doc_id
    with pytest.raises(CorrectionError, match="outside the document"):
        seeded.add_figure(doc_id, {"start": 10**7, "end": 10**7 + 2, "kind": "money", "value": 1, "unit": "元"},
                          author="a")
    with pytest.raises(CorrectionError, match="is not what the document has"):
        seeded.add_figure(doc_id, {"start": 0, "end": 2, "text": "一亿", "kind": "money", "value": 1e8,
                                   "unit": "亿元"}, author="a")
    with pytest.raises(CorrectionError, match="needs an author"):
        seeded.delete(money(seeded).figure_id, author=" ")
    assert seeded.corrections().empty


def test_corrections_survive_re_extraction_by_a_newer_extractor(seeded, monkeypatch):
    fixed, deleted = money(seeded, 0), money(seeded, 1)
    seeded.correct(fixed.figure_id, "qualifier", "at_least", author="王敏")
    seeded.delete(deleted.figure_id, author="王敏")
    before = seeded.figures()

    def newer_rules(text, **kwargs):   # the new extractor labels every figure with a metric
        figures = extract_mentions(text, **kwargs)
        for figure in figures:
            figure.metric = "投资额"
        return figures

    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", extract.EXTRACTOR_VERSION + ".1")
    monkeypatch.setattr(ingest_module, "extract_mentions", newer_rules)
    report = seeded.ingest_paths([])
    assert report.reextracted == len(SEEDS)
    after = seeded.figures()
    assert set(after["metric"]) == {"投资额"}
    assert after.drop(columns="metric").equals(before.drop(columns="metric"))
    survivor = seeded.figures("figure_id = ?", [fixed.figure_id]).iloc[0]
    assert survivor.qualifier == "at_least" and survivor.metric == "投资额" and bool(survivor.corrected)
    assert seeded.figures("figure_id = ?", [deleted.figure_id]).empty
    assert seeded.orphaned_corrections().empty


def test_a_correction_whose_figure_vanished_is_reported_not_dropped(seeded, monkeypatch):
    kept, lost = money(seeded, 0), money(seeded, 1)
    seeded.correct(kept.figure_id, "qualifier", "approx", author="王敏")
    seeded.correct(lost.figure_id, "value", 1, author="李雷")
    seeded.delete(lost.figure_id, author="李雷")

    def newer_rules(text, **kwargs):   # the new extractor no longer finds `lost` at its place
        return [f for f in extract_mentions(text, **kwargs) if (f.start, f.end) != (lost.start, lost.end)]

    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", extract.EXTRACTOR_VERSION + ".1")
    monkeypatch.setattr(ingest_module, "extract_mentions", newer_rules)
    seeded.ingest_paths([])
    orphans = seeded.orphaned_corrections()
    assert list(orphans["author"]) == ["李雷", "李雷"]
    assert set(orphans["anchor_text"]) == {lost.text} and set(orphans["action"]) == {"set", "delete"}
    assert list(seeded.corrections()["status"]) == ["applied", "orphaned", "orphaned"]
    assert seeded.figures("figure_id = ?", [kept.figure_id]).iloc[0].qualifier == "approx"


def test_cli_lists_orphaned_corrections_and_applies_fixes(tmp_path):
    data = tmp_path / "data"

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "extract", *map(str, args), "--data-dir", str(data)]
                              if args[0] != "correct" else
                              [sys.executable, "-m", "extract", "correct", "--data-dir", str(data), *map(str, args[1:])],
                              capture_output=True, text=True, env=ENV, cwd=REPO, timeout=120)

    with Store(data) as store:
        store.ingest_paths(SEEDS)
        figure = money(store)
    fixed = cli("correct", "--author", "王敏", "set", figure.figure_id, "value", "5e8")
    assert fixed.returncode == 0, fixed.stderr
    refused = cli("correct", "--author", "王敏", "set", figure.figure_id, "qualifier", "roughly")
    assert refused.returncode == 2 and refused.stderr.startswith("refused: qualifier is one of")
    listing = cli("corrections")
    assert listing.returncode == 0 and "王敏: value = 500000000" in listing.stdout
    assert cli("corrections", "--orphaned").returncode == 0
    with Store(data) as store:
        assert store.figures("figure_id = ?", [figure.figure_id]).iloc[0].value == 5e8
        store.con.execute("DELETE FROM figures WHERE figure_id = ?", [figure.figure_id])   # as a new extractor would
    orphaned = cli("corrections", "--orphaned")
    assert orphaned.returncode == 1 and figure.text in orphaned.stdout and "orphaned" in orphaned.stdout


def test_two_threads_sharing_a_store_lose_no_edit(seeded):
    ids = list(seeded.figures()["figure_id"][:10])

    def edit(author):
        for figure_id in ids:
            seeded.correct(figure_id, "metric", f"{author}-{figure_id}", author=author)

    threads = [threading.Thread(target=edit, args=(name,)) for name in ("甲", "乙")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    log = seeded.corrections()
    assert len(log) == 20 and sorted(log["author"].value_counts()) == [10, 10]


CORRECTING_PROCESS = """
import sys
from extract.store import Store
data, author, *ids = sys.argv[1:]
for figure_id in ids:
    with Store(data) as store:   # opens, waits while the other process holds the file, closes
        store.correct(figure_id, "metric", author + ":" + figure_id, author=author)
print("ok", flush=True)
"""


def test_two_processes_correcting_at_once_lose_no_edit(tmp_path):
    data = tmp_path / "data"
    with Store(data) as store:
        store.ingest_paths(SEEDS)
        ids = list(store.figures()["figure_id"][:12])
    children = [subprocess.Popen([sys.executable, "-c", CORRECTING_PROCESS, str(data), author, *ids],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=REPO)
                for author in ("甲", "乙")]
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
    with Store(data) as store:
        log = store.corrections()
        assert len(log) == 2 * len(ids)
        assert sorted(log["author"].value_counts()) == [len(ids), len(ids)]
        assert set(log["new_value"]) == {f'"{a}:{i}"' for a in ("甲", "乙") for i in ids}


def test_a_count_takes_whole_numbers_only(seeded):
    count = seeded.figures("kind = 'count'").iloc[0]
    with pytest.raises(CorrectionError, match="a count takes a whole number"):
        seeded.correct(count.figure_id, "value", 2.5, author="王敏")
    seeded.correct(count.figure_id, "value", 3, author="王敏")
    assert seeded.figures("figure_id = ?", [count.figure_id]).iloc[0].value == 3


def test_values_from_a_data_editor_numpy_and_nan_are_taken(seeded):
    import numpy as np

    figure = money(seeded)
    seeded.correct(figure.figure_id, "is_target", np.bool_(True), author="dashboard")
    seeded.correct(figure.figure_id, "value", np.float64(3e8), author="dashboard")
    seeded.correct(figure.figure_id, "metric", float("nan"), author="dashboard")
    fixed = seeded.figures("figure_id = ?", [figure.figure_id]).iloc[0]
    assert bool(fixed.is_target) and fixed.value == 3e8 and fixed.metric is None
