"""Plain text and Markdown: decode whatever encoding Chinese news files come in."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from extract.sources import Document, UnreadableDocument

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes, declared: str | None = None) -> str:
    """`data` as text: a byte-order mark or a declared encoding wins, else charset-normalizer decides.

    The result never starts with a BOM and has Unix line ends, so the same article saved on
    Windows and on Linux hashes to the same document.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _unify(data.decode(encoding, errors="strict"))
    if declared:
        try:
            return _unify(data.decode(declared))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common on old sites: fall back to detection
    if b"\x00" in data:
        raise UnreadableDocument("binary content (NUL bytes), not text")
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableDocument("undecodable: no text encoding fits the bytes")
    encoding = best.encoding
    # GB2312 and GBK are subsets of GB18030: decode with the superset so rare characters survive.
    if encoding in ("gb2312", "gbk", "cp936"):
        encoding = "gb18030"
    try:
        return _unify(data.decode(encoding))
    except UnicodeDecodeError:
        raise UnreadableDocument(f"undecodable as {encoding}") from None


def _unify(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(data: bytes) -> Document:
    return Document(decode_text(data))
