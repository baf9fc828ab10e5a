"""Where a stretch of text or one figure is: a unit of the gazetteer, how the text said it, and
the region a user gave the document."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from extract.context.gazetteer import CITY, COUNTY, PROVINCE
from extract.context.places import Place
from extract.context.regions.typed_names import resolve_region

LEVEL_RANK = {PROVINCE: 0, CITY: 1, COUNTY: 2}


@dataclass(frozen=True)
class Where:
    """Where a stretch of text (a section, the document) or one figure is."""
    key: str
    source: str
    written: str                            # the name as normalised (海门市, 港闸, 我区)
    span: Optional[tuple[int, int]] = None  # where it stands in the normalised text
    zone: Optional[str] = None              # a zone's own name (碧江高新区): the place is that zone of unit `key`


def with_zone(name: str, zone: Optional[str]) -> str:
    """A zone is a unit in its own right, named after its host: 贵州省铜仁市碧江区 + 碧江高新区."""
    return name + zone if zone and not name.endswith(zone) else name


def where_of(place: Place, source: str) -> Where:
    return Where(place.key, source, place.written, (place.start, place.end), place.zone_name)


def context_keys(meta) -> list[str]:
    """The unit the user says the document is about, as context for ambiguous names."""
    if meta.default_region:
        region = resolve_region(meta.default_region)
        if region is not None:
            return [region.key]
    return []
