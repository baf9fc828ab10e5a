"""PDF: the text layer, with the line wraps inside paragraphs undone."""
from __future__ import annotations

import io
import logging

import pypdf
from pypdf.errors import LimitReachedError, PdfReadError

from extract.sources import MAX_EXPANDED_BYTES, Document, UnreadableDocument

# pypdf logs what it repairs ("EOF marker not found") to stderr; a bad file gets one line, ours.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# pypdf stops decoding a stream at these lengths (LimitReachedError): the sources' one limit.
_STREAM_LIMITS = {name: MAX_EXPANDED_BYTES for name in (
    "maximum_declared_stream_length", "array_based_stream_maximum_output_length", "jbig2_maximum_output_length",
    "lzw_maximum_output_length", "run_length_maximum_output_length", "zlib_maximum_output_length",
    "image_maximum_buffer_size")}

# A line ending in one of these ends its paragraph; any other full-width line was wrapped by the layout.
_SENTENCE_ENDS = tuple("。！？!?；;：:…")
_CLOSERS = tuple("」』”’）)")
_FULL_LINE = 0.8    # a line at least this share of the document's longest line reaches the right margin


def read_pdf(data: bytes) -> Document:
    try:
        with pypdf.apply_configuration(**_STREAM_LIMITS):
            reader = pypdf.PdfReader(io.BytesIO(data))
            pages = [_page_text(page) for page in reader.pages]
    except LimitReachedError:
        raise UnreadableDocument(f"refused: a stream would decode past the limit of "
                                 f"{MAX_EXPANDED_BYTES // 2**20} MB (a compression bomb?)") from None
    except (PdfReadError, ValueError, KeyError) as error:
        raise UnreadableDocument(f"not a readable PDF ({error})") from None
    # Unwrapped across page breaks too: a paragraph often runs on to the next page.
    return Document(_unwrap("\n".join(page for page in pages if page.strip())))


def _page_text(page: pypdf.PageObject) -> str:
    # Decoded here first: extract_text swallows the LimitReachedError of a stream past the limit.
    contents = page.get_contents()
    if contents is not None:
        contents.get_data()
    return page.extract_text() or ""


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
