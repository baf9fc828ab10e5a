"""The rule tables and the code agree: every table loads, has no duplicate rows, uses only the
labels the record contract knows, and is read by some engine."""
from __future__ import annotations


import pytest
import regex

from extract.record import COUNTED, QUALIFIERS
from extract.rules import RULES_DIR, load_table, table_names

SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in (RULES_DIR.parent).rglob("*.py"))


@pytest.mark.parametrize("name", table_names())
def test_table_loads_without_duplicates(name):
    rows = load_table(name)
    assert rows, f"{name}.tsv is empty"
    keys = [tuple(row.values()) for row in rows]
    assert len(keys) == len(set(keys)), f"duplicate rows in {name}.tsv"


@pytest.mark.parametrize("name", table_names())
def test_table_is_read_by_the_code(name):
    assert regex.search(rf"""["']{regex.escape(name)}["']""", SOURCE), f"no engine reads {name}.tsv"


def test_qualifier_labels_are_known():
    assert {row["qualifier"] for row in load_table("qualifiers")} <= set(QUALIFIERS)
    assert {row["position"] for row in load_table("qualifiers")} <= {"prefix", "infix", "suffix"}


def test_counted_labels_are_known():
    assert {row["counted"] for row in load_table("counted_nouns")} <= set(COUNTED)
    assert {row["counted"] for row in load_table("count_classifiers")} <= set(COUNTED)


def test_currencies_are_iso_codes():
    for row in load_table("currencies"):
        assert regex.fullmatch(r"[A-Z]{3}", row["iso"]), row
        assert row["position"] in {"prefix", "suffix", "both"}


def test_numerals_have_numeric_values():
    for row in load_table("numerals"):
        float(row["value"])


def test_adding_a_qualifier_word_is_a_data_change(monkeypatch):
    """A new word in qualifiers.tsv reaches the grammar with no code change."""
    import extract.rules as rules
    from extract.mentions import grammar

    original = rules.load_table("qualifiers")
    patched = original + ({"word": "起码", "position": "prefix", "qualifier": "at_least"},)
    monkeypatch.setattr(grammar, "load_table", lambda name: patched if name == "qualifiers" else rules.load_table(name))
    grammar.money_pattern.cache_clear()
    try:
        assert grammar.money_pattern().search("起码5亿元").group("qpre") == "起码"
    finally:
        grammar.money_pattern.cache_clear()


def test_intent_cues_have_known_labels_and_hold_no_clause_mark():
    """extract/context/intent.py indexes cues by scope, and bisects on the fact that no cue holds a
    clause mark (a cue before the last mark ahead of a figure ends before that mark)."""
    for row in load_table("intent_cues"):
        assert row["scope"] in {"sentence", "part", "clause", "heading"}, row
        assert row["intent"] in {"target", "fact", "total", "none"}, row
        assert not regex.search(r"[,，;；:：]", row["word"]), row
