"""Names as analysts type them: "港闸" -> 港闸区 (today in 崇川区), "北京通州" -> 北京市通州区."""
from __future__ import annotations

from typing import Optional

from extract.context.gazetteer import Region, region_for
from extract.context.places import choose, find_places, lookup
from extract.normalize import normalize


def resolve_region(name: str, *, near: Optional[str] = None, on: Optional[str] = None) -> Optional[Region]:
    """A region from a name as typed: "港闸" -> 港闸区 (today in 崇川区), "北京通州" -> 北京市通州区.

    `near` is other text (a document, a filter's other places) that decides an ambiguous name
    (通州 near 南通 or 江苏 is 南通's); `on` is the date the name is read at (a 2021 "港闸" is
    today's 崇川区). None when the name is unknown or stays ambiguous.
    """
    written = normalize(name).text.strip()
    if not written:
        return None
    anchors = [p.key for p in find_places(normalize(near).text)] if near else []
    anchors = [k for k in anchors if k is not None]
    candidates = lookup(written)
    if candidates:
        key = choose((c.key for c in candidates), anchors)
    else:
        # A chain such as 南通市港闸区 or 北京通州: its narrowest resolved part.
        places = [p for p in find_places(written, anchors) if p.key is not None]
        key = places[-1].key if places else None
    return None if key is None else region_for(key, on=on, written=written)
