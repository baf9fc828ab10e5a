"""The seeds scored against the hand annotations with the project's scorer (tests/data/score.py,
the same logic as ../shared/tools/score.py)."""
from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from support import SEEDS

SHARED = Path(__file__).resolve().parents[2] / "shared"


def test_money_f1(seed_report):
    report, errors = seed_report
    assert report["money"]["f1"] >= 0.98, errors


def test_count_f1(seed_report):
    report, errors = seed_report
    assert report["count"]["f1"] >= 0.97, errors


def test_qualifier_accuracy(seed_report):
    report, errors = seed_report
    assert report["attributes"]["qualifier"]["accuracy"] >= 0.97, [e for e in errors if "qualifier" in e]


def test_counted_accuracy(seed_report):
    report, errors = seed_report
    assert report["attributes"]["counted"]["accuracy"] >= 0.95, [e for e in errors if "counted" in e]


def test_every_figure_points_into_the_raw_text(seed_texts, seed_predictions):
    for row in seed_predictions:
        raw = seed_texts[row["doc"]]
        assert raw[row["start"] : row["end"]] == row["text"]
        assert raw[row["sentence_start"] : row["sentence_start"] + len(row["sentence"])] == row["sentence"]
        assert row["sentence_start"] <= row["start"] and row["end"] <= row["sentence_start"] + len(row["sentence"])


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside this checkout")
def test_bundled_seeds_are_byte_identical_to_shared():
    names = sorted(p.name for p in (SHARED / "seeds").glob("*.txt"))
    match, mismatch, errors = filecmp.cmpfiles(SHARED / "seeds", SEEDS, names, shallow=False)
    assert not mismatch and not errors and match == names


@pytest.mark.parametrize("attribute", ["region", "deadline", "is_target", "counted"])
def test_context_accuracy(seed_report, attribute):
    report, errors = seed_report
    assert report["attributes"][attribute]["accuracy"] >= 0.95, [e for e in errors if f"WRONG {attribute}" in e]
