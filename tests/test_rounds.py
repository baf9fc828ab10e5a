"""The six held-out rounds of constructed articles (tests/data/rounds, their history in
docs/rounds.md) and the real development set (tests/data/realdev), scored against their hand
annotations by the bundled scorer (tests/data/score.py).

Each set's errors must be exactly the lines of its known_errors.tsv, each with why it is still wrong:
a new error and a fixed one both fail, naming the line to add or remove (python -m tests.known_errors
--update SET rewrites the file, keeping the reasons of lines still printed)."""
from __future__ import annotations

from collections import Counter

import pytest

from known_errors import SETS, gold, known, predictions, report, texts

CONSTRUCTED_MARK = "【构造示例】"

pytestmark = pytest.mark.parametrize("name", list(SETS))


def test_every_text_is_annotated(name):
    annotated = SETS[name]
    assert len(texts(name)) == annotated.size
    assert set(texts(name)) == set(gold(name))
    for doc, text in texts(name).items():
        if annotated.constructed:
            assert text.startswith(CONSTRUCTED_MARK), doc
            assert 400 <= len(text) <= 1500, (doc, len(text))
        if annotated.figures_per_text:
            low, high = annotated.figures_per_text
            assert low <= len(gold(name)[doc]["mentions"]) <= high, doc
        for mention in gold(name)[doc]["mentions"]:
            assert mention["text"] in text, (doc, mention["text"])


def test_every_figure_points_into_the_raw_text(name):
    for row in predictions(name):
        raw = texts(name)[row["doc"]]
        assert raw[row["start"]:row["end"]] == row["text"]
        assert raw[row["sentence_start"]:row["sentence_start"] + len(row["sentence"])] == row["sentence"]


def test_errors_are_exactly_the_known_ones(name):
    printed, listed = Counter(report(name)[1]), Counter(error for error, _ in known(name))
    new, fixed = sorted((printed - listed).elements()), sorted((listed - printed).elements())
    assert not new and not fixed, "\n".join(
        [f"{SETS[name].known_errors_file}: the scorer's errors differ from the file's lines "
         "(python -m tests.known_errors --update SET rewrites it; then write each new line's reason)"]
        + [f"add (new error):    {line}" for line in new] + [f"remove (now right): {line}" for line in fixed])


def test_every_known_error_has_a_reason(name):
    unexplained = [error for error, reason in known(name) if not reason]
    assert not unexplained, f"{SETS[name].known_errors_file}: write why each is still wrong:\n" + "\n".join(unexplained)
