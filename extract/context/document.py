"""The document context: what every context step reads about one article, built once.

The pipeline builds it after normalising and segmenting the text and hands it to each step in
their declared order (extract.context.STEPS). Nothing in it depends on the figures, so no step
reads another step's results back off the records.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Optional

from extract.context.deadlines import find_phrases
from extract.context.docdate import reference_date
from extract.context.layout import Layout
from extract.context.segments import Segments


@dataclass(frozen=True)
class DocMeta:
    """What the caller knows of a document besides its text."""
    name: str = ""
    doc_date: Optional[str] = None           # ISO date given by the user (--doc-date)
    metadata_date: Optional[str] = None      # ISO date from the file (HTML meta, PDF info ...)
    default_region: Optional[str] = None     # a region the user says the document is about


class Document:
    """One article's normalised text, segments, layout, dates and deadline phrases."""

    def __init__(self, norm, segments: Segments, meta: DocMeta):
        self.norm = norm
        self.text: str = norm.text
        self.segments = segments
        self.meta = meta
        # doc_date: ISO publication date, or None; reference: the date relative phrases (今年, 一季度)
        # are read against, set even where only the year is known.
        self.doc_date, self.doc_date_source, self.reference = reference_date(norm.text, meta)
        self._phrases: Optional[tuple] = None   # (the mentions, their phrases)

    @classmethod
    def of(cls, norm, meta: Optional[DocMeta] = None) -> "Document":
        return cls(norm, Segments.of(norm.text), meta or DocMeta())

    @cached_property
    def layout(self) -> Layout:
        return Layout(self.text, self.segments.marks)

    def deadline_phrases(self, mentions) -> tuple:
        """The deadline phrases of the sentences that the context of `mentions` reads, found once:
        intent and dates read a phrase only in a figure's full sentence or the one before it, the
        first sentence and opening clauses of its line, the line that introduces its list and the
        outline headings above it. Only there are phrases searched (a small part of a long text)."""
        if self._phrases is None or self._phrases[0] is not mentions:
            self._phrases = (mentions, tuple(find_phrases(self.text, self._read_spans(mentions))))
        return self._phrases[1]

    def _read_spans(self, mentions) -> list[tuple[int, int]]:
        """Sorted, disjoint spans of whole sentences (see `deadline_phrases`)."""
        layout, segments = self.layout, self.segments
        spans = []
        # The spans depend only on the figure's full sentence: it lies within one line, and an
        # outline heading is a line of its own whose only characters before it are spaces, so every
        # figure of a sentence has the same line, lead-in and headings. One figure per sentence does.
        sentences: dict[int, int] = {}
        for at in sorted({m.number_start for m in mentions}):
            sentences.setdefault(layout.full_sentence_start(at), at)
        for start, at in sentences.items():
            spans.append((layout.full_sentence_start(start - 1) if start else 0, layout.full_sentence_end(at)))
            line_start = layout.line_start(at)
            spans.append((line_start, layout.full_sentence_end(line_start)))
            opening_start, opening_end = segments.clause(line_start)
            spans.append((opening_start, opening_end))
            spans.append(segments.clause(opening_end))
            lead = layout.leads.lead(line_start)
            if lead is not None:
                spans.append(lead)
            spans.extend(layout.outline.chain(at))
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged

    @property
    def reference_date(self) -> Optional[date]:
        return self.reference
