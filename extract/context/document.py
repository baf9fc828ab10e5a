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

    @classmethod
    def of(cls, norm, meta: Optional[DocMeta] = None) -> "Document":
        return cls(norm, Segments.of(norm.text), meta or DocMeta())

    @cached_property
    def layout(self) -> Layout:
        return Layout(self.text)

    @property
    def deadline_phrases(self) -> tuple:
        return self.segments.deadline_phrases

    @property
    def reference_date(self) -> Optional[date]:
        return self.reference
