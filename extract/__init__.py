"""Extract, locate and track the investment targets that Chinese local governments announce."""
from extract.pipeline import DocMeta, extract_mentions
from extract.record import FIELDS, Figure

__version__ = "0.1.0"
# Bumped whenever a rule change can change what is extracted; the store re-extracts documents
# stored by an older version.
EXTRACTOR_VERSION = "2026.11.23.1"

__all__ = ["extract_mentions", "DocMeta", "Figure", "FIELDS", "EXTRACTOR_VERSION", "__version__"]
