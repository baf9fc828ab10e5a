"""HTML pages: the article's main text (no menus, scripts, footers) and its publication date."""
from __future__ import annotations

import re

import htmldate
import trafilatura

from extract.sources import Document
from extract.sources.text_reader import decode_text

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_html(data: bytes) -> Document:
    declared = _META_CHARSET.search(data[:4096])
    html = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    text = trafilatura.extract(html, include_comments=False, include_tables=True, include_images=False,
                               include_links=False, output_format="txt") or ""
    # Only the page's own metadata (meta tags, JSON-LD, <time>): no guessing from the body text,
    # which the dateline finder in extract.context does with more care.
    date = htmldate.find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    return Document(text, metadata_date=date)
