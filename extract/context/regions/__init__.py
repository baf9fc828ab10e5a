"""Region of every figure: the narrowest administrative unit the text supports, read locally.

How a text says where, strongest first for a figure:
  subject    a place (or 我区/全市 ...) heading the figure's own sentence: "南通市海门区2023年一季度…",
             "据了解,海门今年将确保…", "在吕四港经济开发区东港池,总投资90亿元…" (own_paper for 我区 …)
             (subjects.py; 分别 hands each enumerated place its own figure: distribution.py)
  heading    the section the figure stands in: "海门:确立招商引资“新打法”" (sections.py)
  interview  the interview it stands in: "——访市委常委、政法委书记、邗江区委书记 张耀武"
  document   the document's own region: the user's, the dateline's ("中新网肇庆12月9日电"), or the
             one the text is about (我区 in a district's paper, the unit most of its places fall in);
             flagged region_source = document_default (or dateline) (own_region.py).
A place mentioned in passing elsewhere never captures a figure.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from extract.context.gazetteer import Region
from extract.context.places import find_places
from extract.context.regions.distribution import opens_enumeration, respective_places
from extract.context.regions.fill import Filler
from extract.context.regions.own_region import document_region, own_region
from extract.context.regions.own_words import find_own_words, own_unit
from extract.context.regions.sections import paragraphs_led_by_places, read_sections, region_sections, section_at
from extract.context.regions.subjects import (ZONE_WORD, clause_heads, continues_previous_clause, project_place, subject,
                                              zone_ending)
from extract.context.regions.typed_names import resolve_region
from extract.context.regions.where import Where, context_keys, where_of

# How many ；-clauses back a subject is looked for: real lists continue one or two (碧江高新区签约…;
# 引进…;上报…); the bound keeps a text of nothing but subjectless clauses linear.
_MAX_CONTINUED_CLAUSES = 6

__all__ = ["Region", "assign_regions", "document_region", "region_sections", "resolve_region"]


def assign_regions(doc, mentions, figures) -> None:
    """Fill the region fields of every figure (parallel to `mentions`) in place."""
    if not figures:
        return
    norm, segments, meta, text = doc.norm, doc.segments, doc.meta, doc.text
    on = doc.doc_date or meta.doc_date or meta.metadata_date
    sections, places = read_sections(text, find_places(text, context_keys(meta)))
    own = find_own_words(text)
    heads = clause_heads(text, places, own, tuple(m.end for m in mentions if text.startswith("、", m.end)),
                         frozenset(m.start for m in mentions))
    head_starts = [h[0] for h in heads]
    document = own_region(text, places, sections, meta, heads, own)
    index = {p.start: i for i, p in enumerate(places)}
    sections = sections + paragraphs_led_by_places(
        text, heads, document, sections, lambda place: opens_enumeration(text, places, index, place))
    subjects = [_subject_of(text, segments, heads, head_starts, m) for m in mentions]
    respective = respective_places(text, places, subjects, mentions)
    zones = {p.zone_name: p.key for p in places if p.zone and p.usable}
    zones = {name: (key, zone_ending(name)) for name, key in zones.items()}
    starts = [p.start for p in places]
    filler = Filler(text, on, norm)
    for k, (mention, figure) in enumerate(zip(mentions, figures)):
        section = section_at(sections, mention.start)
        context = section.where if section else document
        where = context
        head = subjects[k]
        project = None
        if head is None and context is not None:
            project = project_place(text, places, starts, segments.sentence(mention.number_start)[0],
                                    mention.start, context.key)
        if k in respective:
            where = where_of(respective[k], "subject")
        elif project is not None:
            where = where_of(project, "project")
        elif head is not None:
            where = _head_where(head, context, text, places, index, zones) or context
        if where is not None:
            filler.fill(figure, where)


def _bare_zone(word: str, span: tuple[int, int], context: Optional[Where],
               zones: dict[str, tuple[str, Optional[str]]]) -> Optional[Where]:
    """新区, 经开区 … heading a clause on their own: the zone the stretch is about (兰州新区's paper), the
    one zone of the text that the word ends (示范区 beside 济源产城融合示范区), or else a zone of
    that name of the unit the stretch is about (雅安's 经开区 in its list of counties). `zones`: the
    zones the text names, each with its host and ending."""
    if context is not None and context.zone and zone_ending(context.zone) == word:
        return Where(context.key, "own_paper", word, span, context.zone)
    named = [name for name, (_, ending) in zones.items() if ending == word]
    if len(named) == 1:
        return Where(zones[named[0]][0], "own_paper", word, span, named[0])
    return None if context is None else Where(context.key, "own_paper", word, span, word)


def _subject_of(text: str, segments, heads, head_starts, mention):
    """The figure's subject in its sentence, or in the clauses before a ；that it continues."""
    start = segments.sentence(mention.number_start)[0]
    head = subject(heads, head_starts, start, mention.start)
    for _ in range(_MAX_CONTINUED_CLAUSES):
        if head is not None or not continues_previous_clause(text, start):
            break
        start = segments.sentence(start - 1)[0]
        head = subject(heads, head_starts, start, mention.start)
    return head


def _head_where(head, context: Optional[Where], text: str, places, index, zones) -> Optional[Where]:
    """Where a figure is whose clause opens with `head`: the place, the paper's own unit (全区 …),
    or its zone (新区 …), read inside `context` (the section's or the document's region)."""
    start, end, place, unit_type = head
    if place is not None:
        where = where_of(place, "subject")
        if where.zone and opens_enumeration(text, places, index, place):
            where = replace(where, zone=None)   # several zones as one subject: their host's
        return where
    if unit_type == ZONE_WORD:
        return _bare_zone(text[start:end], (start, end), context, zones)
    key = own_unit(unit_type, context.key if context else None)
    if key is None:
        return None
    zone = context.zone if key == context.key else None   # 全区 in a zone's section or paper is the zone itself
    return Where(key, "own_paper", text[start:end], (start, end), zone)
