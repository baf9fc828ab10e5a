"""Read a document file into text. (Placeholder reader for UTF-8 text until the store issue lands.)"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional


@dataclass(frozen=True)
class Document:
    text: str
    metadata_date: Optional[str] = None


def read_document(path: Path) -> Document:
    return Document(Path(path).read_text(encoding="utf-8"))
