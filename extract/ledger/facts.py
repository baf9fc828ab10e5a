"""Facts: the figures the ledger reads, each placed in its document's normalised text.

A fact is a count or an amount that is not a threshold (超5亿元 in 超5亿元项目 is the class of the
projects, not a fact of its own). The ledger reads words around each one (its measure, object,
period, a completion rate), so every fact keeps its document's normalised text and its span in it;
offsets written out stay the raw ones of the record.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Optional

import pandas as pd
import regex

from extract.normalize import Normalized, normalize

# A sentence ends at these marks (a semicolon closes one item of a list: 重大项目34个,完成率261.5%;);
# a clause at these.
SENTENCE_END = regex.compile(r"[。！？!?；;\n]")
CLAUSE_MARK = regex.compile(r"[，,、：:（）()]")


@dataclass
class Document:
    name: str
    norm: Normalized
    doc_date: Optional[date]
    _raw_starts: tuple = field(default=(), repr=False)

    def to_norm(self, raw: int) -> int:
        """The normalised index of the raw character at `raw` (or of the next one kept)."""
        runs = self.norm.run_raw_starts
        k = bisect.bisect_right(runs, raw) - 1
        if k < 0:
            return 0
        offset = self.norm.run_starts[k] + raw - runs[k]
        end = self.norm.run_starts[k + 1] if k + 1 < len(runs) else len(self.norm.text)
        return min(offset, end)

    @cached_property
    def _sentence_ends(self) -> list[int]:
        return [m.start() for m in SENTENCE_END.finditer(self.norm.text)]

    def sentence(self, at: int) -> tuple[int, int]:
        """The normalised span of the sentence holding index `at`: from after the last end mark
        before it to the first end mark at or after it (the marks found once per document)."""
        ends = self._sentence_ends
        k = bisect.bisect_left(ends, at)
        start = ends[k - 1] + 1 if k > 0 else 0
        return start, (ends[k] if k < len(ends) else len(self.norm.text))


@dataclass
class Fact:
    """One figure read by the ledger (from the records, or read by the ledger itself)."""
    doc: Document
    record: dict                 # the figure's record (extract.record.FIELDS)
    start: int                   # normalised span of the figure
    end: int
    source: str = "figure"       # figure (a record) | stated (a target written inside a rate phrase)
    is_target: bool = False
    rate: Optional[object] = None    # the Rate written beside it, if any
    indicator: Optional[object] = None

    @property
    def value(self) -> float:
        return float(self.record["value"])

    @property
    def raw_start(self) -> int:
        return int(self.record["start"])

    @property
    def raw_end(self) -> int:
        return int(self.record["end"])


def present(value) -> bool:
    if value is None or value is pd.NA:
        return False
    # the common cells answered without pandas (a float is missing only when NaN)
    if isinstance(value, (str, int)):
        return True
    if isinstance(value, float):
        return value == value
    try:
        return not pd.isna(value)
    except (TypeError, ValueError):
        return True


def as_date(value) -> Optional[date]:
    if not present(value) or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _sparse_text(rows: list[dict]) -> str:
    """A document's text rebuilt from the sentences its records quote, at their raw offsets (the
    rest blank), when the ledger is given records without their documents."""
    size = max(int(r["sentence_start"]) + len(r["sentence"] or "") for r in rows)
    chars = [" "] * size
    for r in rows:
        s = int(r["sentence_start"])
        chars[s:s + len(r["sentence"] or "")] = r["sentence"] or ""
    # blank stretches between quoted sentences must not join two sentences into one
    return regex.sub(r" {2,}", lambda m: "\n" * len(m.group()), "".join(chars))


def read_documents(figures: pd.DataFrame, texts: Optional[dict[str, str]] = None) -> list[tuple[Document, list[dict]]]:
    """Each document with its records, sorted by offset."""
    texts = texts or {}
    by_doc: dict[str, list[dict]] = {}
    columns = list(figures.columns)
    # column by column: to_dict("records") boxes each cell of an Arrow-backed column one at a time
    for values in zip(*(figures[c].tolist() for c in columns)):
        row = dict(zip(columns, values))
        by_doc.setdefault(row["doc"], []).append(row)
    out = []
    for name in sorted(by_doc):
        rows = sorted(by_doc[name], key=lambda r: r["start"])
        raw = texts.get(name)
        if raw is None:
            raw = _sparse_text(rows)
        dates = [as_date(r.get("doc_date")) for r in rows]
        known = [d for d in dates if d is not None]
        out.append((Document(name, normalize(raw), known[0] if known else None), rows))
    return out


def facts_of(document: Document, rows: list[dict]) -> list[Fact]:
    """The document's counts and amounts (thresholds are read as classes, not facts)."""
    facts = []
    for r in rows:
        if r.get("kind") == "money" and r.get("role") == "threshold":
            continue
        start = document.to_norm(int(r["start"]))
        # a record whose span runs past its text (offsets of another version of it) ends with the text
        end = max(start + 1, min(document.to_norm(int(r["end"]) - 1) + 1, len(document.norm.text)))
        target = r.get("is_target")
        facts.append(Fact(document, r, start, end, is_target=bool(target) if present(target) else False))
    return facts
