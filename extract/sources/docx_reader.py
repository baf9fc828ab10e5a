"""Word documents (.docx): paragraphs and table cells in document order."""
from __future__ import annotations

import io
import zipfile

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from extract.sources import MAX_COMPRESSION_RATIO, MAX_EXPANDED_BYTES, Document, UnreadableDocument

_SMALL_PART = 1024 * 1024   # below this, any ratio is harmless


def check_expansion(parts: list[zipfile.ZipInfo]) -> None:
    """Refuse, from the sizes an archive's parts declare and before expanding any, an archive that
    would expand past the limits (zipfile never expands a part past its declared size)."""
    total = sum(part.file_size for part in parts)
    if total > MAX_EXPANDED_BYTES:
        raise UnreadableDocument(f"refused unexpanded: its parts would expand to {total / 2**20:.0f} MB, "
                                 f"over the limit of {MAX_EXPANDED_BYTES // 2**20} MB (a zip bomb?)")
    for part in parts:
        if part.file_size > _SMALL_PART and part.file_size > MAX_COMPRESSION_RATIO * max(part.compress_size, 1):
            raise UnreadableDocument(f"refused unexpanded: part {part.filename} would expand "
                                     f"{part.file_size / max(part.compress_size, 1):.0f} times, over the limit of "
                                     f"{MAX_COMPRESSION_RATIO} (a zip bomb?)")


def read_docx(data: bytes) -> Document:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except zipfile.BadZipFile as error:
        raise UnreadableDocument(f"not a valid .docx ({type(error).__name__})") from None
    check_expansion(parts)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument(f"not a valid .docx ({type(error).__name__})") from None
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append("\t".join(cell.text for cell in row.cells))
    return Document("\n".join(lines))
