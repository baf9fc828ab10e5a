"""Sections of a text, each about one place: headed sections ("海门:确立招商引资“新打法”",
"【启东】", "三、通州区发展"), interviews ("——访市委常委、邗江区委书记 张耀武") and paragraph
items ("容城县：今年安排项目38个；…"). A figure inside one belongs to its place unless its own
sentence says otherwise."""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

import regex

from extract.context.gazetteer import Region, gazetteer, region_for
from extract.context.layout import BRACKET_TITLE, OUTLINE_LEVELS
from extract.context.places import Place, Support, choose, find_places
from extract.context.segments import SENTENCE_MARKS
from extract.context.regions.where import LEVEL_RANK, Where, context_keys, where_of, with_zone
from extract.rules import alternation, load_table

MAX_HEADING = 50
_HEADING_DECORATION = regex.compile(r"[#\s■●◆▲★□○◇◎·*\-–—【\[]*")
_SEPARATOR_CHARS = ":：丨|｜】]·— \t\u3000篇"
_HEADING_SEPARATOR = regex.compile(rf"[{regex.escape(_SEPARATOR_CHARS)}]|$")
_ITEM_COLONS = ":："   # "容城县：…" opens a paragraph about 容城县
_INTERVIEW = regex.compile(r"(?:——|—|--|－－)\s*(?:专)?访\s*")
_SPACE = regex.compile(r"\s")
_MARKDOWN_HEADING = regex.compile(r"(?m)^#+\s")
_FIRST_CLAUSE_END = regex.compile(r"[。！？!?；;,，:：]")


@dataclass(frozen=True)
class Section:
    start: int
    end: int
    where: Optional[Where]       # None for an outline heading that names no place (it only ends sections)
    depth: Optional[int] = None  # outline depth of the heading that opened it (1 for 一、), None if unnumbered
    closes: bool = False         # a heading whose place stays undecided: it names no region, but ends the one before


@lru_cache(maxsize=1)
def _title_after_place() -> regex.Pattern:
    return regex.compile(alternation(r["word"] for r in load_table("region_title_words")))


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _one_key(place: Place) -> bool:
    return len({c.key for c in place.candidates}) == 1


def _heading_place(text: str, places: list[Place], starts: list[int], at: int, numbered: bool) -> Optional[Place]:
    """The place a heading opens with, with the unit the heading decides. A heading names a place
    on purpose, so an everyday word resolved by context counts (江南 beside 南京). With a separator
    right after it, so does a county's short name that names one unit even with no city around it
    (■长兴篇, 长兴:); a numbered heading needs no separator ("三、通州区发展"), so there the place
    must be resolved ("1. 金沙湾片区" is no heading about 金沙县). A place left without a unit is
    one several units share (【象山】): which one is for its sibling headings to say."""
    i = bisect.bisect_left(starts, at)
    if i == len(places) or places[i].start != at or not places[i].named:
        return None
    place = places[i]
    line_end = text.find("\n", place.end)
    rest = text[place.end:line_end if line_end >= 0 else len(text)].lstrip(_SEPARATOR_CHARS)
    if rest[:1].isdigit():
        return None   # "扬州 2021年10月01日 09:04": a place and a date, a byline rather than a heading
    separated = _HEADING_SEPARATOR.match(text, place.end) is not None
    if place.key is None and separated and not place.blocked:
        return place.resolved_as(place.candidates[0].key) if _one_key(place) else place
    return place if place.key is not None and (separated or numbered) else None


def _headings(text: str, places: list[Place], starts: list[int]) -> tuple[list[Section], dict[int, Place]]:
    """Short lines that open with a place and a separator ("海门:…", "【启东】…", "## 海门区"),
    and numbered outline headings ("三、通州区发展" opens a section, "四、城市功能提升" ends it, as a
    bracketed title naming no place does: 【二季度目标】); and the places the headings decided,
    by start.
    A heading whose name several units share (【象山】: 宁波's 象山县 or 桂林's 象山区) is read by
    the other headings and places of the text (【慈溪】【余姚】 beside it: 宁波's); if they cannot
    tell, it names no region but still ends the section before it.
    """
    found, undecided, decided = [], [], {}
    for line_start, line in _lines(text):
        content = line.strip()
        if not content or len(content) > MAX_HEADING or content[-1] in SENTENCE_MARKS:
            continue
        at = line_start + _HEADING_DECORATION.match(line).end()
        depth = None
        for level, pattern in OUTLINE_LEVELS:
            numbered = pattern.match(text, at)
            if numbered:
                depth, at = level, numbered.end()
                break
        place = _heading_place(text, places, starts, at, numbered=depth is not None)
        if place is not None and place.key is None:
            undecided.append((line_start, place, depth))
        elif place is not None:
            decided[place.start] = place
            found.append(Section(line_start, len(text), where_of(place, "heading"), depth))
        elif depth is not None:
            found.append(Section(line_start, len(text), None, depth))
        elif BRACKET_TITLE.fullmatch(content):
            # 【二季度目标】 after "● 望城经开区：…": a post's next section, about no place of its own
            found.append(Section(line_start, len(text), None, None, closes=True))
    if undecided:
        anchors = Counter(s.where.key for s in found if s.where is not None)
        anchors.update(p.key for p in (decided.get(p.start, p) for p in places) if p.usable)
        support = Support(anchors) if anchors else None
        for line_start, place, depth in undecided:
            key = choose((c.key for c in place.candidates), support) if support else None
            if key is not None:
                decided[place.start] = place = place.resolved_as(key)
                found.append(Section(line_start, len(text), where_of(place, "heading"), depth))
            else:
                found.append(Section(line_start, len(text), None, depth, closes=True))
        found.sort(key=lambda s: s.start)
    return found, decided


def _interviews(text: str, places: list[Place], starts: list[int]) -> list[Section]:
    """"——访市委常委、政法委书记、邗江区委书记 张耀武": the narrowest place holding a title."""
    found = []
    if "访" not in text:
        return found   # every interview line holds it: no need to run the pattern over the text
    for m in _INTERVIEW.finditer(text):
        reach = min(len(text), m.end() + 40)   # a title is read up to 40 characters after "——访"
        line_end = text.find("\n", m.end(), reach)
        line_end = reach if line_end < 0 else line_end
        space = _SPACE.search(text, m.end(), line_end)
        end = space.start() if space else line_end
        i = bisect.bisect_left(starts, m.end())
        titled = []
        while i < len(places) and places[i].start < end:
            place = places[i]
            if place.key is not None and _title_after_place().match(text, place.end):
                titled.append(place)
            i += 1
        if titled:
            g = gazetteer()
            place = max(titled, key=lambda p: (LEVEL_RANK[g.units[p.key].level], p.start))
            found.append(Section(_interview_start(text, m.start()), len(text), where_of(place, "interview")))
    return found


def _interview_start(text: str, header: int) -> int:
    """An interview begins at its title, the short line just above the "——访" line."""
    end = header
    while end > 0 and text[end - 1].isspace():
        end -= 1
    # Looking back a few headings' length is enough: a longer line is no title (and the text
    # before an interview is not copied, which cost the whole text at each "——访").
    reach = max(0, end - 4 * MAX_HEADING)
    newline = text.rfind("\n", reach, end)
    if newline < 0 and reach > 0:
        return header
    line_start = newline + 1
    title = text[line_start:end].strip()
    if title and len(title) <= MAX_HEADING and title[-1] not in SENTENCE_MARKS:
        return line_start
    return header


def _paragraph_items(text: str, places: list[Place], starts: list[int]) -> tuple[list[Section], dict[int, Place]]:
    """"容城县：今年安排项目38个；去年完成投资286亿元。": a paragraph too long for a heading that opens
    with a place and a colon is an item about that place to the paragraph's end, across its ； and
    。 (a sentence naming another place still says so itself). Also the places the paragraphs'
    openings decided, by start (a place opening a paragraph before a separator is named on purpose)."""
    found, decided = [], {}
    for line_start, line in _lines(text):
        content = line.strip()
        if not content or not (len(content) > MAX_HEADING or content[-1] in SENTENCE_MARKS):
            continue   # a short line is a heading (see _headings)
        at = line_start + _HEADING_DECORATION.match(line).end()
        place = _heading_place(text, places, starts, at, numbered=False)
        if place is not None and place.key is not None:
            decided[place.start] = place
            if text[place.end:place.end + 1] in _ITEM_COLONS:
                found.append(Section(line_start, line_start + len(line), where_of(place, "heading")))
    return found, decided


def read_sections(text: str, places: list[Place]) -> tuple[list[Section], list[Place]]:
    """Headed sections and interviews, each running to the next one, to the next markdown
    heading, or (for a numbered one) to the next numbered heading of the same or higher rank;
    then paragraphs opening with a place and a colon, each to its own end. Also `places` with
    the units the headings and paragraph openings decided (a new list; `places` is unchanged)."""
    starts = [p.start for p in places]
    headings, decided = _headings(text, places, starts)
    headed = [decided.get(p.start, p) for p in places]
    found = sorted(headings + _interviews(text, headed, starts), key=lambda s: s.start)
    markdown = [m.start() for m in _MARKDOWN_HEADING.finditer(text)]
    # Each section ends at the next placed one, at the next markdown heading, or (numbered) at the
    # next heading of the same or higher rank: found in one backward pass and short forward looks,
    # not by comparing every heading with every other.
    next_placed = [len(text)] * len(found)
    upcoming = len(text)
    for i in range(len(found) - 1, -1, -1):
        next_placed[i] = upcoming
        if found[i].where is not None or found[i].closes:
            upcoming = found[i].start
    closed = []
    for i, section in enumerate(found):
        if section.where is None:
            continue
        end = next_placed[i]
        k = bisect.bisect_right(markdown, section.start)
        if k < len(markdown):
            end = min(end, markdown[k])
        if section.depth is not None:
            for later in found[i + 1:]:
                if later.start >= end:
                    break
                if later.start > section.start and later.depth is not None and later.depth <= section.depth:
                    end = later.start
                    break
        closed.append(Section(section.start, end, section.where, section.depth))
    items, in_paragraphs = _paragraph_items(text, places, starts)
    decided.update(in_paragraphs)
    return closed + items, [decided.get(p.start, p) for p in places]


def section_at(sections: list[Section], at: int) -> Optional[Section]:
    inside = [s for s in sections if s.start <= at < s.end]
    return inside[-1] if inside else None


def region_sections(norm, meta) -> list[tuple[int, int, Region, str]]:
    """The headed sections and interviews of a document: (start, end, region, source), with
    offsets in the normalised text; a dashboard may shade them, tests check them."""
    text = norm.text
    sections, _ = read_sections(text, find_places(text, context_keys(meta)))
    on = meta.doc_date or meta.metadata_date
    return [(s.start, s.end, _zone_region(region_for(s.where.key, on=on, written=s.where.written), s.where.zone),
             s.where.source) for s in sections]


def _zone_region(region: Region, zone: Optional[str]) -> Region:
    return replace(region, name=with_zone(region.name, zone))


def paragraphs_led_by_places(text: str, heads, document: Optional[Where], sections: list[Section],
                             enumerated) -> list[Section]:
    """"潜江市今年…。小龙虾产业综合产值去年达到520亿元。": a paragraph whose first clause is headed by
    a unit strictly inside the document's region (not a zone, which may straddle its host's units)
    is about that unit to its end, as a roundup of a province's or city's parts gives each its
    paragraph; a later sentence naming another place still says so itself.
    `heads`: the clause heads of the text (subjects.clause_heads), by start; a line that opens a
    section already (容城县：…) keeps it, and a place is read inside the section the line stands in.
    `enumerated(place)`: whether the place opens an enumeration (郑州、洛阳等地召开推进会 leads no
    paragraph of 郑州's)."""
    g = gazetteer()
    opened = {s.start for s in sections}
    found = []
    starts = [h[0] for h in heads]
    for line_start, line in _lines(text):
        content = line.strip()
        if not content or not (len(content) > MAX_HEADING or content[-1] in SENTENCE_MARKS) or line_start in opened:
            continue   # a short line is a heading (see _headings)
        first_mark = _FIRST_CLAUSE_END.search(text, line_start, line_start + len(line))
        first_end = first_mark.start() if first_mark else line_start + len(line)
        i = bisect.bisect_left(starts, line_start)
        place = heads[i][2] if i < len(heads) and heads[i][0] < first_end else None
        if place is None or place.zone or enumerated(place) or text.startswith("等", place.end):
            continue
        section = section_at(sections, line_start)
        around = section.where if section else document
        if around is not None and place.key != around.key and g.contains(around.key, place.key):
            found.append(Section(line_start, line_start + len(line), where_of(place, "paragraph")))
    return found
