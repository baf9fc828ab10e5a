"""raw text -> normalised text -> mentions -> context -> records of the contract.

`extract_mentions` is a pure function of the text and the document's metadata: no I/O, no
global state that a run changes, so it maps over files anywhere (serially or on Dask).
"""
from __future__ import annotations

from typing import Optional

from extract.context import add_context
from extract.context.document import DocMeta, Document
from extract.context.segments import Segments
from extract.mentions import find_mentions
from extract.normalize import normalize
from extract.record import Figure


def _number(value):
    return int(value) if value == value.to_integral_value() and abs(value) < 2**63 else float(value)


# The longest sentence a record quotes. Past it (a text without full stops, a table flattened
# into one line) the record quotes the figure's clause, or a window of the clause around it, so
# that each record stays small instead of carrying the whole text (n figures x n characters).
MAX_QUOTE = 400


def _quoted(segments: Segments, m) -> tuple[int, int]:
    """The normalised span a record quotes as the figure's sentence; it always holds the figure."""
    start, end = segments.sentence(m.number_start)
    if end - start > MAX_QUOTE:
        start, end = segments.clause(m.number_start)
        if end - start > MAX_QUOTE:
            start = max(start, m.start - MAX_QUOTE // 2)
            end = min(end, start + MAX_QUOTE)
    return min(start, m.start), max(end, m.end)


def extract_mentions(text: str, *, doc_date: Optional[str] = None, doc_name: Optional[str] = None,
                     metadata_date: Optional[str] = None, default_region: Optional[str] = None,
                     more_mentions=None) -> list[Figure]:
    """Every money amount and count in `text`, as records with their context.

    `more_mentions(norm, mentions)`, when given, returns further mentions that a later stage reads
    (the ledger's goal and rate sentences: 全年目标100项); they get their context like any other.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_mentions() takes the text as str, not {type(text).__name__}")
    meta = DocMeta(name=doc_name or "", doc_date=doc_date, metadata_date=metadata_date,
                   default_region=default_region)
    norm = normalize(text)
    doc = Document.of(norm, meta)
    segments = doc.segments
    mentions = find_mentions(norm)
    if more_mentions is not None:
        mentions = sorted(mentions + more_mentions(norm, mentions), key=lambda m: (m.start, m.kind))
    figures = []
    for m in mentions:
        start, end = norm.raw_span(m.start, m.end)
        s_start, s_end = norm.raw_span(*_quoted(segments, m))
        figures.append(Figure(
            doc=meta.name, start=start, end=end, text=text[start:end],
            sentence=text[s_start:s_end], sentence_start=s_start,
            kind=m.kind, value=_number(m.value),
            value_max=None if m.value_max is None else _number(m.value_max),
            currency=m.currency, unit=m.unit, qualifier=m.qualifier, counted=m.counted,
        ))
    add_context(doc, mentions, figures)
    return figures
