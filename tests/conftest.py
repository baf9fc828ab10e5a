"""Shared fixtures: the bundled seeds, gold annotations and scorer (copies of ../shared, so the
suite stands alone)."""
from __future__ import annotations

import json

import pytest

from support import GOLD, SEEDS, load_scorer


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt"))}


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    return {g["doc"]: g for g in (json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json")))}


@pytest.fixture(scope="session")
def seed_predictions(seed_texts):
    from extract import extract_mentions

    return [f.to_dict() for name, text in seed_texts.items() for f in extract_mentions(text, doc_name=name)]


@pytest.fixture(scope="session")
def seed_report(gold, seed_predictions):
    report, errors = load_scorer().score(gold, seed_predictions, str(SEEDS))
    return report, errors
