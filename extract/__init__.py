"""Extract, locate and track the investment targets that Chinese local governments announce."""
import hashlib
from pathlib import Path

from extract.pipeline import DocMeta, extract_mentions
from extract.record import FIELDS, Figure

__version__ = "0.1.0"

_PACKAGE = Path(__file__).resolve().parent
# What decides the figures: the extraction code (this folder's modules and the engines' packages)
# and the rules tables. The dashboard, store, sources and tracking code do not change a figure.
_EXTRACTION_PARTS = ("*.py", "mentions/**/*.py", "context/**/*.py", "rules/**/*.py", "rules/**/*.tsv")


def extraction_files(package: Path = _PACKAGE) -> list[Path]:
    return sorted({path for pattern in _EXTRACTION_PARTS for path in package.glob(pattern) if path.is_file()})


def content_version(package: Path = _PACKAGE) -> str:
    """A hash of every file that decides the figures (paths and bytes, in path order): any edit of a
    rule or an engine gives another version, so the store re-extracts without anyone bumping a number."""
    digest = hashlib.sha256()
    for path in extraction_files(package):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


# Stored with each document; documents stored under another version are re-extracted (extract.store).
EXTRACTOR_VERSION = content_version()

__all__ = ["extract_mentions", "DocMeta", "Figure", "FIELDS", "EXTRACTOR_VERSION", "__version__"]
