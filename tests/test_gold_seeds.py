"""The seeds scored against the hand annotations with the project's scorer (tests/data/score.py,
the same logic as ../shared/tools/score.py)."""
from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from support import SEEDS

SHARED = Path(__file__).resolve().parents[2] / "shared"


# 32 amounts and 33 counts (65 figures) annotated in tests/data/gold: every one found, nothing else,
# every attribute right. A change that moves any of these numbers must say why in its commit.
FIGURES = {"money": 32, "count": 33}
ATTRIBUTES = {"qualifier": 65, "region": 65, "is_target": 65, "deadline": 65, "counted": 33}


def test_no_error(seed_report):
    assert seed_report[1] == []


@pytest.mark.parametrize("kind", FIGURES)
def test_every_figure_found_and_nothing_else(seed_report, kind):
    n = FIGURES[kind]
    assert seed_report[0][kind] == {"tp": n, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}


@pytest.mark.parametrize("attribute", ATTRIBUTES)
def test_every_attribute_right(seed_report, attribute):
    n = ATTRIBUTES[attribute]
    assert seed_report[0]["attributes"][attribute] == {"correct": n, "of": n, "accuracy": 1.0}


def test_no_other_measure(seed_report):
    assert set(seed_report[0]) == {*FIGURES, "attributes"} and set(seed_report[0]["attributes"]) == set(ATTRIBUTES)


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
