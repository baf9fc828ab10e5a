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


def fill(figure, where: Where, on: Optional[str], norm) -> None:
    region = region_for(where.key, on=on, written=where.written)
    figure.region = with_zone(region.name, where.zone)
    figure.region_as_written = norm.raw_text(*where.span) if where.span else where.written
    figure.region_today = region.today   # a grouping field, as province … adcode: the zone's host today
    figure.province = region.province
    figure.city = region.city
    figure.county = region.county
    figure.adcode = region.adcode
    figure.region_level = region.level
    figure.region_source = where.source
