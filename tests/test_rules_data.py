"""The rule tables, their schema (extract/rules/SCHEMA.tsv) and the code agree: every table fits
the schema and has no duplicate rows, the schema names exactly the tables there are and the modules
that read each, its labels are the ones the code knows, and a broken table is refused with its file
and line."""
from __future__ import annotations

import shutil

import pytest
import regex

from extract.record import COUNTED, QUALIFIERS
from extract.rules import RULES_DIR, RulesError, alternation, load_table, schema, table_names

ROOT = RULES_DIR.parent.parent
MODULES = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in (ROOT / "extract").rglob("*.py")}


@pytest.mark.parametrize("name", table_names())
def test_table_fits_the_schema_without_duplicates(name):
    rows = load_table(name)
    assert rows, f"{name}.tsv is empty"
    keys = [tuple(row.values()) for row in rows]
    assert len(keys) == len(set(keys)), f"duplicate rows in {name}.tsv"


def test_schema_names_every_table_and_no_other():
    assert sorted(schema()) == table_names()


@pytest.mark.parametrize("name", table_names())
def test_table_is_read_by_the_modules_the_schema_names(name):
    readers = {spec["reader"] for spec in schema()[name].values()}
    assert len(readers) == 1, f"one reader list per table in SCHEMA.tsv: {readers}"
    quoted = regex.compile(rf"""["']{regex.escape(name)}["']""")
    assert set(readers.pop().split()) == {path for path, source in MODULES.items() if quoted.search(source)}


def labels(table: str, column: str) -> set[str]:
    return set(schema()[table][column]["values"].split())


def test_schema_labels_are_the_ones_the_code_knows():
    from extract.context.deadlines import PERIODS, RULES
    from extract.context.metric import METRICS, STAGES
    from extract.ledger import LABELS

    assert labels("qualifiers", "qualifier") == set(QUALIFIERS) - {"exact"}
    assert labels("counted_nouns", "counted") == labels("count_classifiers", "counted") == set(COUNTED)
    assert labels("metric_words", "metric") <= set(METRICS)
    assert labels("metric_words", "stage") == set(STAGES)
    assert {label.partition(":")[0] for label in labels("deadline_phrases", "due")} <= set(RULES)
    assert labels("deadline_phrases", "period") == set(PERIODS)
    assert labels("ledger_measures", "measure") | labels("ledger_objects", "code") <= set(LABELS)


def test_alternation_matches_words_literally_longest_first():
    assert alternation(["以上", "(含)以上", "以上"]) == r"\(含\)以上|以上"
    assert regex.fullmatch(alternation(["a.b", "c"]), "a.b") and not regex.fullmatch(alternation(["a.b"]), "axb")


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


def test_intent_cues_hold_no_clause_mark():
    """extract/context/intent.py bisects on the fact that no cue holds a clause mark (a cue before the
    last mark ahead of a figure ends before that mark)."""
    for row in load_table("intent_cues"):
        assert not regex.search(r"[,，;；:：]", row["word"]), row


# -- a broken copy of the tables is refused, with the file line ------------------------------------

@pytest.fixture
def rules_copy(tmp_path):
    """A copy of extract/rules/*.tsv to break; load_table reads it when given its folder."""
    for path in RULES_DIR.glob("*.tsv"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def line_of(path, text: str) -> int:
    """The file line (1-based, comments counted) holding `text`."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_misspelt_label_is_refused(rules_copy):
    path = rules_copy / "region_origin_cues.tsv"
    path.write_text(path.read_text(encoding="utf-8").replace("商会\torganisation", "商会\torganization"), encoding="utf-8")
    line = line_of(path, "商会\torganization")
    with pytest.raises(RulesError, match=rf"region_origin_cues\.tsv:{line}: column role .*unknown label"):
        load_table("region_origin_cues", rules_copy)


def test_an_unescaped_bracket_in_a_literal_column_is_refused(rules_copy):
    path = rules_copy / "region_subject_leads.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "主会场(\n", encoding="utf-8")
    with pytest.raises(RulesError, match=rf"region_subject_leads\.tsv:{line_of(path, '主会场(')}: column word .*metacharacter \("):
        load_table("region_subject_leads", rules_copy)


def test_an_unknown_column_is_refused(rules_copy):
    path = rules_copy / "count_totals.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next(n for n, line in enumerate(lines) if not line.startswith("#") and line.strip())
    path.write_text("\n".join(line if n < header or line.startswith("#") or not line.strip() else line + "\tx"
                              for n, line in enumerate(lines)) + "\n", encoding="utf-8")
    with pytest.raises(RulesError, match=rf"count_totals\.tsv:{header + 1}: .*unknown column x"):
        load_table("count_totals", rules_copy)


def test_a_table_missing_from_the_schema_is_refused(rules_copy):
    (rules_copy / "region_new_words.tsv").write_text("# a new table\nword\n新词\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"region_new_words\.tsv:1: table 'region_new_words' is not in SCHEMA\.tsv"):
        load_table("region_new_words", rules_copy)


def test_a_regex_that_does_not_compile_is_refused(rules_copy):
    path = rules_copy / "region_own_comparisons.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "[前列\tafter\n", encoding="utf-8")
    with pytest.raises(RulesError, match=rf"region_own_comparisons\.tsv:{line_of(path, '[前列')}: column pattern .*compile"):
        load_table("region_own_comparisons", rules_copy)
