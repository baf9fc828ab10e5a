"""Paths and helpers shared by the top-level tests (imported as `support`, a name no other test
folder uses, unlike `conftest`)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

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


CONSTRUCTED_MARK = "【构造示例】"


class ConstructedRound:
    """The checks every round of constructed articles runs against its hand annotations, scored by
    the bundled scorer. A round's module (tests/test_constructed_*_articles.py) keeps its history in
    its docstring and subclasses this as Test…, setting its folder, size, floors and known failures;
    tests/conftest.py parametrizes the floors and the failures (each a strict xfail) per class."""
    FOLDER: Path
    TEXTS: int                                           # how many articles the round has
    FIGURES_PER_TEXT: tuple[int, int] | None = None      # annotated figures per article, if the round bounds them
    # Lowest accepted scores; a round whose measured scores are lower sets its own, a little below them.
    F1_FLOORS = {"money": 0.99, "count": 0.99}
    ACCURACY_FLOORS = {"region": 0.99, "counted": 0.99, "qualifier": 0.99, "is_target": 0.99, "deadline": 0.99}
    KNOWN_FAILURES: list[tuple[str, str]] = []           # (error line the scorer prints, why it is still wrong)

    @pytest.fixture(scope="class")
    def texts(self) -> dict[str, str]:
        return {p.name: p.read_text(encoding="utf-8") for p in sorted(self.FOLDER.glob("*.txt"))}

    @pytest.fixture(scope="class")
    def gold(self):
        return load_scorer().load_gold(str(self.FOLDER))

    @pytest.fixture(scope="class")
    def predictions(self, texts):
        from extract import extract_mentions

        return [f.to_dict() for name, text in texts.items() for f in extract_mentions(text, doc_name=name)]

    @pytest.fixture(scope="class")
    def report(self, gold, predictions):
        return load_scorer().score(gold, predictions, str(self.FOLDER))

    def test_every_text_is_marked_constructed_and_annotated(self, texts, gold):
        assert len(texts) == self.TEXTS
        assert set(texts) == set(gold)
        for name, text in texts.items():
            assert text.startswith(CONSTRUCTED_MARK), name
            assert 400 <= len(text) <= 1500, (name, len(text))
            if self.FIGURES_PER_TEXT:
                low, high = self.FIGURES_PER_TEXT
                assert low <= len(gold[name]["mentions"]) <= high, name
            for mention in gold[name]["mentions"]:
                assert mention["text"] in text, (name, mention["text"])

    def test_every_figure_points_into_the_raw_text(self, texts, predictions):
        for row in predictions:
            raw = texts[row["doc"]]
            assert raw[row["start"]:row["end"]] == row["text"]
            assert raw[row["sentence_start"]:row["sentence_start"] + len(row["sentence"])] == row["sentence"]

    def test_f1(self, report, kind):
        scores, errors = report
        assert scores[kind]["f1"] >= self.F1_FLOORS[kind], [e for e in errors if e.startswith(("MISS", "EXTRA"))]

    def test_context_accuracy(self, report, attribute):
        scores, errors = report
        assert scores["attributes"][attribute]["accuracy"] >= self.ACCURACY_FLOORS[attribute], \
            [e for e in errors if f"WRONG {attribute}" in e]

    def test_known_failure(self, report, line, reason):
        _, errors = report
        assert not any(e.startswith(line) for e in errors)
