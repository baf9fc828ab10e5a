"""PDF: the text layer, with the line wraps inside paragraphs undone."""
from __future__ import annotations

import io
import logging

import pypdf
from pypdf.errors import PdfReadError

from extract.sources import Document, UnreadableDocument

# pypdf logs what it repairs ("EOF marker not found") to stderr; a bad file gets one line, ours.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# A line ending in one of these ends its paragraph; any other full-width line was wrapped by the layout.
_SENTENCE_ENDS = tuple("。！？!?；;：:…")
_CLOSERS = tuple("」』”’）)")
_FULL_LINE = 0.8    # a line at least this share of the document's longest line reaches the right margin


def read_pdf(data: bytes) -> Document:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as error:
        raise UnreadableDocument(f"not a readable PDF ({error})") from None
    # Unwrapped across page breaks too: a paragraph often runs on to the next page.
    return Document(_unwrap("\n".join(page for page in pages if page.strip())))


def _ends_paragraph(line: str) -> bool:
    """Ends a sentence: 。 or the like, also inside a closing quote or bracket (……。” / ……。）)."""
    stripped = line.rstrip("".join(_CLOSERS)) if line.endswith(_CLOSERS) else line
    return stripped.endswith(_SENTENCE_ENDS)


def _unwrap(page: str) -> str:
    """Join the lines the PDF's layout wrapped; keep real paragraph ends.

    Chinese has no spaces between words, so a wrapped line is joined without one. A line is taken as
    wrapped when it is about as long as the longest line on the page and does not end a sentence.
    """
    lines = [line.rstrip() for line in page.splitlines()]
    width = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    previous = ""
    for line in lines:
        wrapped = previous and len(previous) >= _FULL_LINE * width and not _ends_paragraph(previous)
        if wrapped:
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
        previous = line
    return "\n".join(paragraphs)
