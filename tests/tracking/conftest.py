"""Fixtures of the tracking tests: the pipeline's records of the seeds and of the follow-up
articles in seeds/corpus/ (real texts, see seeds/corpus/SOURCES.md)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extract.pipeline import extract_mentions
from extract.sources import read_document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
CORPUS = SEEDS / "corpus"


def pipeline_figures(paths) -> pd.DataFrame:
    """The records `python -m extract` prints for these files, as one DataFrame."""
    rows = []
    for path in paths:
        document = read_document(path)
        rows += [f.to_dict() for f in extract_mentions(document.text, doc_name=path.name,
                                                       metadata_date=document.metadata_date)]
    return pd.DataFrame(rows)


@pytest.fixture(scope="session")
def seed_figures() -> pd.DataFrame:
    return pipeline_figures(sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt")))


@pytest.fixture(scope="session")
def corpus_figures() -> pd.DataFrame:
    return pipeline_figures(sorted(CORPUS.glob("*.txt")))


@pytest.fixture(scope="session")
def all_figures(seed_figures, corpus_figures) -> pd.DataFrame:
    return pd.concat([seed_figures, corpus_figures], ignore_index=True)
