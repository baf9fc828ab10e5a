"""Read a document file (or uploaded bytes) into its text.

Supported: .txt/.text/.md (UTF-8, GB18030/GBK or Big5, detected with charset-normalizer), .html/.htm
(main text by trafilatura; the publication date from the page's metadata), .docx (python-docx) and
.pdf (the text layer, via pypdf). Anything else, a file whose bytes contradict its extension, a
binary, empty or undecodable file raises `UnreadableDocument` with a one-line reason.

Files above `MAX_FILE_BYTES` are refused before they are read: a news article is a few hundred KB
even as a PDF, and a larger file is far more likely a mistake (a scan, an archive) than an article.
Compressed content is bounded before it is expanded: a .docx whose parts declare more than
`MAX_EXPANDED_BYTES` together, or a part above 1 MB compressed more than `MAX_COMPRESSION_RATIO`
times, is refused unread (a zip bomb); a PDF stream that would decode past `MAX_EXPANDED_BYTES` is
refused as pypdf decodes it.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Callable, Optional

MAX_FILE_BYTES = 20 * 1024 * 1024
# An article's text and markup take a few MB once expanded; its images do not compress (and a file
# above MAX_FILE_BYTES is refused anyway).
MAX_EXPANDED_BYTES = 32 * 1024 * 1024
# Word's XML compresses 5 to 20 times; a part compressed 100 times more is padding, not an article.
MAX_COMPRESSION_RATIO = 100


# Files a folder of articles holds beside them that are no article: its notes (seeds/corpus/SOURCES.md
# lists the pages the articles came from; its figures are no region's). A file named on its own is read.
NOT_ARTICLES = ("README", "SOURCES", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "NOTICE")


def article_paths(paths) -> list[Path]:
    """The files named, in the order given, and the articles under each folder named (sorted; hidden
    files and the folder's notes skipped)."""
    out: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file()
                              and not any(part.startswith(".") for part in p.relative_to(path).parts)
                              and p.stem.upper() not in NOT_ARTICLES))
        else:
            out.append(path)
    return out


class UnreadableDocument(ValueError):
    """A file that cannot be read as a document; the message is the one-line reason."""


@dataclass(frozen=True)
class Document:
    text: str                              # trailing whitespace removed
    metadata_date: Optional[str] = None    # ISO date found in the file's own metadata (HTML meta tags)


# Magic numbers of formats that are often saved under the wrong extension.
_SIGNATURES = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX ...)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (DOC, XLS)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
)


def _sniff(data: bytes) -> Optional[str]:
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            return what
    return None


# Each format's reader, imported only when a file of that format comes (trafilatura alone takes a second).
_READERS = {".txt": "text_reader.read_text", ".text": "text_reader.read_text", ".md": "text_reader.read_text",
            ".markdown": "text_reader.read_text", ".html": "html_reader.read_html", ".htm": "html_reader.read_html",
            ".docx": "docx_reader.read_docx", ".pdf": "pdf_reader.read_pdf"}


def _reader(suffix: str) -> Callable[[bytes], Document]:
    module, function = _READERS[suffix].split(".")
    return getattr(import_module(f"extract.sources.{module}"), function)


SUPPORTED_SUFFIXES = tuple(_READERS)
# What the bytes of binary formats must start with; the text formats must not start like any _SIGNATURES.
_EXPECTED = {".docx": b"PK\x03\x04", ".pdf": b"%PDF-"}


def safe_name(name: str) -> str:
    """The bare file name of `name` (no folders, no `..`, no control characters), for storing and display."""
    base = PureWindowsPath(PurePosixPath(str(name)).name).name
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base if base not in ("", ".", "..") else "unnamed"


def read_bytes(name: str, data: bytes) -> Document:
    """The document held in `data`, read according to the extension of `name` (an upload's file name)."""
    suffix = PurePosixPath(safe_name(name)).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "no extension"
        raise UnreadableDocument(f"unsupported file type ({shown}); supported: {' '.join(SUPPORTED_SUFFIXES)}")
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableDocument(f"file too large ({len(data) / 2**20:.1f} MB > {MAX_FILE_BYTES // 2**20} MB)")
    if not data.strip():
        raise UnreadableDocument("empty file")
    expected = _EXPECTED.get(suffix)
    found = _sniff(data)
    if expected is not None and not data.startswith(expected):
        raise UnreadableDocument(f"named {suffix} but the content is {found or 'not that format'}")
    if expected is None and found is not None:
        raise UnreadableDocument(f"named {suffix} but the content is {found}")
    document = _reader(suffix)(data)
    # Without trailing blank lines, so one article saved as .txt, .docx or .pdf hashes to one document
    # (offsets count from the start and are unchanged).
    document = Document(document.text.rstrip(), document.metadata_date)
    if not document.text:
        raise UnreadableDocument("no text found" + (" (a scanned PDF without a text layer?)" if suffix == ".pdf" else ""))
    return document


def read_document(path: Path) -> Document:
    """The document in the file at `path`."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UnreadableDocument("no such file") from None
    if path.is_dir():
        raise UnreadableDocument("is a folder")
    if size > MAX_FILE_BYTES:
        raise UnreadableDocument(f"file too large ({size / 2**20:.1f} MB > {MAX_FILE_BYTES // 2**20} MB)")
    return read_bytes(path.name, path.read_bytes())
