"""Fixtures of the store tests."""
from __future__ import annotations

import pytest

from extract.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "data") as opened:
        yield opened


@pytest.fixture(autouse=True)
def _no_data_dir_from_environment(monkeypatch):
    monkeypatch.delenv("INVEST_DATA_DIR", raising=False)
