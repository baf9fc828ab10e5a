"""Filling a figure's region fields from where it is."""
from __future__ import annotations

from typing import Optional

from extract.context.gazetteer import gazetteer, region_for
from extract.context.regions.where import Where, with_zone


def former_marked(where: Where, text: str) -> Where:
    """原港闸区: the writer knows the unit is gone, so the place is today's unit."""
    unit = gazetteer().units[where.key]
    if unit.ended and where.span and where.span[0] > 0 and text[where.span[0] - 1] == "原":
        return Where(unit.today, where.source, where.written, where.span, where.zone)
    return where


class Filler:
    """Fills the region fields of a document's figures. Most figures stand where others do (the
    document's own region, their section's: the same Where), so the fields of each are worked
    out once."""

    def __init__(self, text: str, on: Optional[str], norm) -> None:
        self._text, self._on, self._norm = text, on, norm
        self._fields: dict[Where, tuple] = {}

    def fill(self, figure, where: Where) -> None:
        fields = self._fields.get(where)
        if fields is None:
            fields = self._fields[where] = self._fields_of(former_marked(where, self._text))
        (figure.region, figure.region_as_written, figure.region_today, figure.province, figure.city,
         figure.county, figure.adcode, figure.region_level, figure.region_source) = fields

    def _fields_of(self, where: Where) -> tuple:
        region = region_for(where.key, on=self._on, written=where.written)
        # region_today is a grouping field, as province … adcode: the zone's host today
        return (with_zone(region.name, where.zone),
                self._norm.raw_text(*where.span) if where.span else where.written,
                region.today, region.province, region.city, region.county, region.adcode, region.level,
                where.source)
