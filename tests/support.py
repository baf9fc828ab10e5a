"""Paths and helpers shared by the top-level tests (imported as `support`, a name no other test
folder uses, unlike `conftest`)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "gold"


def load_scorer():
    """tests/data/score.py: the same scorer as ../shared/tools/score.py, bundled."""
    spec = importlib.util.spec_from_file_location("score", DATA / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
