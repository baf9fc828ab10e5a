"""The ledger's own readings of a text: the figures of goal and rate sentences that the extraction
grammar leaves out (rules/ledger_readings.tsv). They are read with the document, so that the
context stage places them (region, date, target or report) as it places every figure.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Optional

import regex

from extract.ledger.facts import SENTENCE_END
from extract.mentions import Mention
from extract.normalize import Normalized, normalize
from extract.numbers import parse_numeral
from extract.rules import load_table

_COUNTED = regex.compile(r"项目|企业")


@lru_cache(maxsize=1)
def _readings() -> tuple[tuple[regex.Pattern, str, str], ...]:
    return tuple((regex.compile(r["pattern"]), r["kind"], r["scope"]) for r in load_table("ledger_readings"))


@lru_cache(maxsize=1)
def _goal_sentence() -> regex.Pattern:
    from extract.ledger.rates import _rules

    words = "|".join(regex.escape(r["word"]) for r in load_table("ledger_goal_words"))
    rates = "|".join(f"(?:{p.pattern})" for _, p in _rules())
    return regex.compile(rf"{words}|{rates}")


def _sentences(text: str):
    start = 0
    for m in SENTENCE_END.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _mention(m: regex.Match, kind: str, sentence: str, offset: int) -> Optional[Mention]:
    value = parse_numeral(m.group("num"))
    if value is None:
        return None
    qualifier = "at_least" if m.groupdict().get("above") else "exact"
    if kind == "money":
        return Mention(m.start() + offset, m.end() + offset, "money", value * Decimal(100000000), None, "CNY", "亿元",
                       qualifier, None, m.start("num") + offset, m.end("unit") + offset)
    nouns = list(_COUNTED.finditer(sentence, 0, m.start()))
    if not nouns:
        return None     # a count of what? (13个指标) not one the ledger reads
    return Mention(m.start() + offset, m.end() + offset, "count", value, None, None, m.group("unit"), qualifier,
                   nouns[-1].group(), m.start("num") + offset, m.end("unit") + offset)


def more_mentions(norm: Normalized, mentions: list[Mention]) -> list[Mention]:
    """The mentions of goal and rate sentences the grammar did not find (none overlaps one it did)."""
    text = norm.text
    found = []
    taken = [(m.start, m.end) for m in mentions]
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        goal = _goal_sentence().search(sentence) is not None
        for pattern, kind, scope in _readings():
            if scope == "goal" and not goal:
                continue
            for m in pattern.finditer(sentence):
                mention = _mention(m, kind, sentence, s_start)
                if mention is None or any(a < mention.end and mention.start < b for a, b in taken):
                    continue
                taken.append((mention.start, mention.end))
                found.append(mention)
    return found


def read_more(name: str, text: str, doc_date: Optional[str]) -> list[dict]:
    """The records of the ledger's own readings of one document (their groups are the re-read's, so
    they are left out)."""
    from extract.pipeline import extract_mentions

    norm = normalize(text)
    if not more_mentions(norm, []):
        return []       # nothing to read: the document is not extracted again
    added: list[Mention] = []

    def collect(norm, mentions):
        more = more_mentions(norm, mentions)
        added.extend(more)
        return more

    figures = extract_mentions(text, doc_name=name, doc_date=doc_date, more_mentions=collect)
    spans = {norm.raw_span(m.start, m.end) for m in added}
    out = []
    for f in figures:
        if (f.start, f.end) in spans:
            row = f.to_dict()
            row["group"] = None
            out.append(row)
    return out
