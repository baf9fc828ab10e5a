"""Region of every figure: the narrowest administrative unit the text supports, read locally.

How a text says where, strongest first for a figure:
  subject    a place (or 我区/全市 ...) heading the figure's own sentence: "南通市海门区2023年一季度…",
             "据了解,海门今年将确保…", "在吕四港经济开发区东港池,总投资90亿元…" (own_paper for 我区 …)
  heading    the section the figure stands in: "海门:确立招商引资“新打法”"
  interview  the interview it stands in: "——访市委常委、政法委书记、邗江区委书记 张耀武"
  document   the document's own region: the user's, the dateline's ("中新网肇庆12月9日电"), or the
             one the text is about (我区 in a district's paper, the unit most of its places fall in);
             flagged region_source = document_default (or dateline).
A place mentioned in passing elsewhere never captures a figure.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from extract.normalize import OUTLINE_NUMBER

from extract.context.layout import BRACKET_TITLE, OUTLINE_LEVELS
from extract.context.gazetteer import (ALIAS, CITY, COUNTY, FULL, PROVINCE, SHORT, Region, gazetteer,
                                       region_for)
from extract.context.places import Place, Support, choose, find_places, lookup
from extract.context.segments import start_after_last
from extract.mentions.grammar import alternation
from extract.rules import load_table

__all__ = ["Region", "assign_regions", "document_region", "region_sections", "resolve_region"]

_LEVEL_RANK = {PROVINCE: 0, CITY: 1, COUNTY: 2}
_NARROWNESS = {"省": 0, "市": 1, "区": 2, "县": 2}   # unit types of the own words, broadest first
_MAX_HEADING = 50
_HEADING_DECORATION = regex.compile(r"[#\s■●◆▲★□○◇◎·*\-–—【\[]*")
# Outline numbering of a report or digest, by depth: 一、 > (一) > 1. ; "1.5亿元" is no numbering.
_OUTLINE = OUTLINE_LEVELS
_SEPARATOR_CHARS = ":：丨|｜】]·— \t\u3000篇"
_HEADING_SEPARATOR = regex.compile(rf"[{regex.escape(_SEPARATOR_CHARS)}]|$")
_SENTENCE_END = "。！？!?；;"
_ITEM_COLONS = ":："   # "容城县：…" opens a paragraph about 容城县
_INTERVIEW = regex.compile(r"(?:——|—|--|－－)\s*(?:专)?访\s*")
_SPACE = regex.compile(r"\s")
_MARKDOWN_HEADING = regex.compile(r"(?m)^#+\s")
_TIME = (r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?(?:上午|下午|晚上)?"
         r"|[一二三四]季度|第[一二三四]季度|[上下]半年")
_OPENERS = r"[\s“”\"‘’'《》()（）\[\]【】]*"
_DATELINE_TAIL = regex.compile(r"\s*(?:\d{1,2}月\d{1,2}日\s*)?(?:电|讯|消息)")
_DATELINE_HEAD = regex.compile(r"[\s(（【\[]*(?:\p{Han}{0,8}?(?:社|网|报|台|讯|新闻))?\s*$")
_NEWS_OPENER = r"\p{Han}{0,6}?(?:讯|电|消息)(?:[(（][^)）]{0,30}[)）])?"   # 本报讯(记者 顾艳)
# A space between words of a title parts two clauses: "…集中开工 长春主会场开工项目…"
_CLAUSE_MARK = regex.compile(r"[。！？!?；;\n,，:：]|(?<=[\p{Han}”\"》）)])[ \u3000](?=[\p{Han}“\"《（(])")
_VENUE = regex.compile(r"[^,，。;；]{0,20}?(?:举行|召开|举办)")


@dataclass(frozen=True)
class _Where:
    """Where a stretch of text (a section, the document) or one figure is."""
    key: str
    source: str
    written: str                            # the name as normalised (海门市, 港闸, 我区)
    span: Optional[tuple[int, int]] = None  # where it stands in the normalised text


@dataclass(frozen=True)
class _Section:
    start: int
    end: int
    where: Optional[_Where]      # None for an outline heading that names no place (it only ends sections)
    depth: Optional[int] = None  # outline depth of the heading that opened it (1 for 一、), None if unnumbered
    closes: bool = False         # a heading whose place stays undecided: it names no region, but ends the one before


@lru_cache(maxsize=1)
def _own_words() -> tuple[regex.Pattern, dict[str, str]]:
    rows = {r["word"]: r["unit_type"] for r in load_table("region_own_words")}
    words = sorted(rows, key=len, reverse=True)
    table = load_table("region_own_comparisons")
    after = "|".join(r["pattern"] for r in table if r["side"] == "after")
    before = "|".join(r["pattern"] for r in table if r["side"] == "before")
    # 本市场, 全区域 are not the paper's own region; 居全市第2位, 占全市的3.7% compare with it.
    return regex.compile(rf"(?<!{before})(?:{'|'.join(words)})(?![场域]|{after})"), rows


@lru_cache(maxsize=1)
def _own_word_weights() -> dict[str, int]:
    return {r["word"]: int(r["weight"]) for r in load_table("region_own_words")}


@lru_cache(maxsize=1)
def _head_prefix() -> regex.Pattern:
    """What may precede a clause's subject: dates, 在/其中 …, and an own word (我市海门区)."""
    leads = [r["word"] for r in load_table("region_subject_leads")] + list(_own_words()[1])
    leads = sorted(leads, key=len, reverse=True)
    # 与孝义相邻的介休市: a relative clause about a neighbour (rules/region_neighbour_words.tsv)
    neighbour = "|".join(sorted((r["word"] for r in load_table("region_neighbour_words")), key=len, reverse=True))
    relative = rf"[^,，。;；:：!！?？\n]{{0,10}}?(?:{neighbour})"
    return regex.compile(rf"{_OPENERS}(?:(?:{'|'.join(leads)}|{_TIME}|{_NEWS_OPENER}|{relative}){_OPENERS})*")


@lru_cache(maxsize=1)
def _investor_origin() -> regex.Pattern:
    """What follows a place that names an investor's origin: 一家知名企业, 某集团 (rules/region_origin_cues.tsv)."""
    rows = load_table("region_origin_cues")
    alt = lambda role: "|".join(sorted((regex.escape(r["word"]) for r in rows if r["role"] == role), key=len, reverse=True))  # noqa: E731
    return regex.compile(rf"(?:{alt('determiner')})[\p{{Han}}A-Za-z]{{0,8}}?(?:{alt('organisation')})")


@lru_cache(maxsize=1)
def _recipient() -> regex.Pattern:
    """Zero-width, matched where a place starts: the place receives targets handed down (下达渝北区)."""
    words = sorted((regex.escape(r["word"]) for r in load_table("region_recipient_cues")), key=len, reverse=True)
    return regex.compile(rf"(?<=(?:{'|'.join(words)}))")


@lru_cache(maxsize=1)
def _title_after_place() -> regex.Pattern:
    words = sorted((r["word"] for r in load_table("region_title_words")), key=len, reverse=True)
    return regex.compile(rf"(?:{'|'.join(words)})")


def _context_keys(meta) -> list[str]:
    if meta.default_region:
        region = resolve_region(meta.default_region)
        if region is not None:
            return [region.key]
    return []


# -- sections ---------------------------------------------------------------------------------

def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _heading_place(text: str, places: list[Place], starts: list[int], at: int, numbered: bool) -> Optional[Place]:
    """The place a heading opens with. A heading names a place on purpose, so an everyday word
    resolved by context counts (江南 beside 南京). With a separator right after it, so does a
    county's short name that names one unit even with no city around it (■长兴篇, 长兴:); a
    numbered heading needs no separator ("三、通州区发展"), so there the place must be resolved
    ("1. 金沙湾片区" is no heading about 金沙县)."""
    i = bisect.bisect_left(starts, at)
    if i == len(places) or places[i].start != at or not places[i].named:
        return None
    place = places[i]
    line_end = text.find("\n", place.end)
    rest = text[place.end:line_end if line_end >= 0 else len(text)].lstrip(_SEPARATOR_CHARS)
    if rest[:1].isdigit():
        return None   # "扬州 2021年10月01日 09:04": a place and a date, a byline rather than a heading
    separated = _HEADING_SEPARATOR.match(text, place.end) is not None
    if (place.key is None and separated and not place.blocked
            and len({c.key for c in place.candidates}) == 1):
        place.key = place.candidates[0].key
    if place.key is None and separated and not place.blocked and len({c.key for c in place.candidates}) > 1:
        return place   # 【象山】: a place, which one is for its sibling headings to say (see _headings)
    return place if place.key is not None and (separated or numbered) else None


def _headings(text: str, places: list[Place], starts: list[int]) -> list[_Section]:
    """Short lines that open with a place and a separator ("海门:…", "【启东】…", "## 海门区"),
    and numbered outline headings ("三、通州区发展" opens a section, "四、城市功能提升" ends it, as a
    bracketed title naming no place does: 【二季度目标】).
    A heading whose name several units share (【象山】: 宁波's 象山县 or 桂林's 象山区) is read by
    the other headings and places of the text (【慈溪】【余姚】 beside it: 宁波's); if they cannot
    tell, it names no region but still ends the section before it.
    """
    found, undecided = [], []
    for line_start, line in _lines(text):
        content = line.strip()
        if not content or len(content) > _MAX_HEADING or content[-1] in _SENTENCE_END:
            continue
        at = line_start + _HEADING_DECORATION.match(line).end()
        depth = None
        for level, pattern in _OUTLINE:
            numbered = pattern.match(text, at)
            if numbered:
                depth, at = level, numbered.end()
                break
        place = _heading_place(text, places, starts, at, numbered=depth is not None)
        if place is not None and place.key is None:
            undecided.append((line_start, place, depth))
        elif place is not None:
            found.append(_Section(line_start, len(text), _where(place, "heading"), depth))
        elif depth is not None:
            found.append(_Section(line_start, len(text), None, depth))
        elif BRACKET_TITLE.fullmatch(content):
            # 【二季度目标】 after "● 望城经开区：…": a post's next section, about no place of its own
            found.append(_Section(line_start, len(text), None, None, closes=True))
    if undecided:
        anchors = Counter(s.where.key for s in found if s.where is not None)
        anchors.update(p.key for p in places if p.usable)
        support = Support(anchors) if anchors else None
        for line_start, place, depth in undecided:
            key = choose((c.key for c in place.candidates), support) if support else None
            if key is not None:
                place.key = key
                found.append(_Section(line_start, len(text), _where(place, "heading"), depth))
            else:
                found.append(_Section(line_start, len(text), None, depth, closes=True))
        found.sort(key=lambda s: s.start)
    return found


def _interviews(text: str, places: list[Place], starts: list[int]) -> list[_Section]:
    """"——访市委常委、政法委书记、邗江区委书记 张耀武": the narrowest place holding a title."""
    found = []
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
            place = max(titled, key=lambda p: (_LEVEL_RANK[g.units[p.key].level], p.start))
            found.append(_Section(_interview_start(text, m.start()), len(text), _where(place, "interview")))
    return found


def _interview_start(text: str, header: int) -> int:
    """An interview begins at its title, the short line just above the "——访" line."""
    end = header
    while end > 0 and text[end - 1].isspace():
        end -= 1
    # Looking back a few headings' length is enough: a longer line is no title (and the text
    # before an interview is not copied, which cost the whole text at each "——访").
    reach = max(0, end - 4 * _MAX_HEADING)
    newline = text.rfind("\n", reach, end)
    if newline < 0 and reach > 0:
        return header
    line_start = newline + 1
    title = text[line_start:end].strip()
    if title and len(title) <= _MAX_HEADING and title[-1] not in _SENTENCE_END:
        return line_start
    return header


def _paragraph_items(text: str, places: list[Place], starts: list[int]) -> list[_Section]:
    """"容城县：今年安排项目38个；去年完成投资286亿元。": a paragraph too long for a heading that opens
    with a place and a colon is an item about that place to the paragraph's end, across its ； and
    。 (a sentence naming another place still says so itself)."""
    found = []
    for line_start, line in _lines(text):
        content = line.strip()
        if not content or not (len(content) > _MAX_HEADING or content[-1] in _SENTENCE_END):
            continue   # a short line is a heading (see _headings)
        at = line_start + _HEADING_DECORATION.match(line).end()
        place = _heading_place(text, places, starts, at, numbered=False)
        if place is not None and place.key is not None and text[place.end:place.end + 1] in _ITEM_COLONS:
            found.append(_Section(line_start, line_start + len(line), _where(place, "heading")))
    return found


def _sections(text: str, places: list[Place]) -> list[_Section]:
    """Headed sections and interviews, each running to the next one, to the next markdown
    heading, or (for a numbered one) to the next numbered heading of the same or higher rank;
    then paragraphs opening with a place and a colon, each to its own end."""
    starts = [p.start for p in places]
    found = sorted(_headings(text, places, starts) + _interviews(text, places, starts), key=lambda s: s.start)
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
        closed.append(_Section(section.start, end, section.where, section.depth))
    return closed + _paragraph_items(text, places, starts)


def region_sections(norm, meta) -> list[tuple[int, int, Region, str]]:
    """The headed sections and interviews of a document: (start, end, region, source), with
    offsets in the normalised text; a dashboard may shade them, tests check them."""
    text = norm.text
    places = find_places(text, _context_keys(meta))
    on = meta.doc_date or meta.metadata_date
    return [(s.start, s.end, region_for(s.where.key, on=on, written=s.where.written), s.where.source)
            for s in _sections(text, places)]


def _section_at(sections: list[_Section], at: int) -> Optional[_Section]:
    inside = [s for s in sections if s.start <= at < s.end]
    return inside[-1] if inside else None


# -- the document's own region ---------------------------------------------------------------

def _dateline(text: str, places: list[Place]) -> Optional[_Where]:
    """"中新网肇庆12月9日电", "新华社南京3月1日电", "本报海门讯": a place opening a paragraph's
    dateline. A dateline names its place on purpose, so a county's short name that names one
    unit counts there even with no city around it."""
    for place in places:
        if not place.named or (place.key is None and (place.blocked or len({c.key for c in place.candidates}) != 1)):
            continue
        # a dateline opens its line within 16 characters, so look no further back for the line break
        line_start = text.rfind("\n", max(0, place.start - 17), place.start) + 1
        if (place.start - line_start <= 16 and _DATELINE_HEAD.fullmatch(text, line_start, place.start)
                and _DATELINE_TAIL.match(text, place.end)):
            if place.key is None:
                place.key = place.candidates[0].key
            return _where(place, "dateline")
    return None


def _own_type(text: str, sections: list[_Section]) -> tuple[Optional[str], bool]:
    """The unit type the paper calls its own (区 for 我区/全区), read outside sections if possible,
    and whether the paper speaks of itself (我区, 本县) rather than only of a whole (全市)."""
    pattern, types = _own_words()
    weights = _own_word_weights()
    found = [(m.start(), m.group()) for m in pattern.finditer(text)]
    outside = [w for at, w in found if _section_at(sections, at) is None] or [w for _, w in found]
    score: Counter = Counter()
    for word in outside:
        score[types[word]] += weights[word]
    if not score:
        return None, False
    # A tie goes to the narrower unit: a district paper compares itself with its city (全市) as
    # often as it names itself (全区); a city paper rarely says 全区.
    own = max(score, key=lambda t: (score[t], _NARROWNESS.get(t, 0)))
    return own, any(types[w] == own and weights[w] > 1 for w in outside)


def _type_of(key: str, unit_type: str) -> bool:
    unit = gazetteer().units[key]
    return unit.level == PROVINCE if unit_type == "省" else unit.name.endswith(unit_type)


def _lead_end(text: str) -> int:
    """End of the text's first line, or of the line after it when the first is an outline
    heading (一、2024年计划执行情况): the lead is where a text says what it is about."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end != -1 and OUTLINE_NUMBER.match(text, start):
        end = text.find("\n", end + 1)
    return end  # -1 when the text is one line: then no place stands in a lead of its own


def _about(text: str, places: list[Place], sections: list[_Section], heads: set[int]) -> Optional[_Where]:
    """The unit the text is about.

    Every place counts, those in sections too (a roundup of counties is its city's); a name left
    ambiguous (通州 with nothing around it) counts against every unit. If the paper calls itself 我区/全市, the unit is
    of that type: the narrowest holding at least half as many places as the best of that type (a
    启东 paper that mentions 南通 once is 启东's); there is none if no unit of that type is named
    (a district's paper that only names its city). Otherwise it is the narrowest unit holding
    at least half of the places, as it is when 全省 is the only own word but every place named lies in
    one unit below the province (济源's paper citing 河南). Unless the paper speaks of itself (我县 and
    the one 县 named), one passing mention is not enough: the unit needs two places, or one that heads a clause or
    stands in the first line ("海门就是上海" in a slogan does not make a report Shanghai's).
    """
    g = gazetteer()
    counted = [p for p in places if p.named and not p.blocked and (p.key or len(p.candidates) > 1)]
    resolved = [p for p in counted if p.key is not None]
    if not resolved:
        return None
    cover: Counter = Counter()
    for place in resolved:
        for outer in g.chain(place.key):
            cover[outer] += 1
    own, speaks_of_itself = _own_type(text, sections)
    below_province = {_below_province(p.key) for p in resolved}
    if own == "省" and not speaks_of_itself and len(below_province) == 1 and None not in below_province:
        # 全省 alone (全省同期签约项目1270个) in a paper whose every place lies in one unit below the
        # province is that unit's paper citing its province: a province's paper names its cities.
        own = None
    if own:
        typed = [k for k in cover if _type_of(k, own)]
        if own == "区":   # 全区 in a zone's paper is the zone, which stands for its host (襄阳高新区: 襄阳市)
            typed += [k for k in dict.fromkeys(p.key for p in resolved if p.zone) if k not in typed]
        if not typed:
            return None
        best = max(cover[k] for k in typed)
        fitting = [k for k in typed if cover[k] * 2 >= best]
    else:
        fitting = [k for k in cover if cover[k] * 2 >= len(counted)]
    first_line_end = _lead_end(text)

    def well_named(key: str) -> bool:
        if own and speaks_of_itself:
            return True   # 我县 and the one 县 the text names: 美丽(赣州)会昌行动 in a 会昌 paper
        inside = [p for p in resolved if g.contains(key, p.key)]
        return len(inside) >= 2 or any(p.start in heads or p.start < first_line_end for p in inside)

    fitting = sorted(fitting, key=lambda k: (_LEVEL_RANK[g.units[k].level], cover[k]), reverse=True)
    key = next((k for k in fitting if well_named(k)), None)
    if key is None:
        return None
    # Written as the unit itself (启东, 启东市), not as one of its towns or parks.
    named = [p for p in counted if p.key == key and any(c.key == key and c.kind in (FULL, SHORT, ALIAS)
                                                        for c in p.candidates)]
    if named:
        written = Counter(p.written for p in named).most_common(1)[0][0]
        return _where(next(p for p in named if p.written == written), "document_default")
    return _Where(key, "document_default", g.units[key].name)


def _below_province(key: str) -> Optional[str]:
    """The unit right below the province that holds `key` (a city, or a county the province runs itself)."""
    chain = gazetteer().chain(key)
    return chain[1] if len(chain) > 1 else None


def _document(text: str, places: list[Place], sections: list[_Section], meta, heads) -> Optional[_Where]:
    if meta.default_region:
        region = resolve_region(meta.default_region)
        if region is not None:
            return _Where(region.key, "document_default", meta.default_region)
    head_starts = {h[0] for h in heads if h[2] is not None}
    return _dateline(text, places) or _about(text, places, sections, head_starts)


def document_region(norm, meta) -> Optional[Region]:
    """The region a document is about by default (the user's, its dateline's or its text's)."""
    text = norm.text
    places = find_places(text, _context_keys(meta))
    where = _document(text, places, _sections(text, places), meta, _heads(text, places))
    if where is None:
        return None
    return region_for(where.key, on=meta.doc_date or meta.metadata_date, written=where.written)


# -- one figure ------------------------------------------------------------------------------

def _own_unit(unit_type: str, context: Optional[str]) -> Optional[str]:
    """The unit 全市/我区 … means inside `context`: itself or the nearest unit above of that type."""
    if context is None:
        return None
    for key in reversed(gazetteer().chain(context)):
        if _type_of(key, unit_type):
            return key
    return context   # 全区 inside a development zone's section is the zone itself


def _clause_marks(text: str) -> list[int]:
    """Positions of the marks that end a clause; an enumeration comma (、) is not one:
    "举办苏南产业对接会、上海招商推进会" does not make 上海 a subject."""
    return [m.start() for m in _CLAUSE_MARK.finditer(text)]


# The longest run of dates and lead words a subject may follow in its clause. Real ones are a few
# characters (我区在, 2024年, 与孝义相邻的); the bound keeps a clause of nothing but own words
# (全区全区…) from costing a match over the whole clause at each of them.
_MAX_HEAD_PREFIX = 40
_OPENS_WITH_ZAI = regex.compile(r"\s*在")


def _heads(text: str, places: list[Place], items_end: tuple[int, ...] = ()) -> list[tuple[int, int, Optional[Place], Optional[str]]]:
    """Places and own words that open a clause (after dates, 在, 其中 …): (start, end, place, type).
    `items_end`: the 、 right after a figure, which ends an item as a clause mark does (大武口区新材料
    项目13个、平罗县项目22个: 平罗县 heads its own figure)."""
    prefix = _head_prefix()
    pattern, types = _own_words()
    spans = [(p.start, p.end, p, None) for p in places if p.usable]
    spans += [(m.start(), m.end(), None, types[m.group()]) for m in pattern.finditer(text)]
    heads = []
    marks = _clause_marks(text)
    if items_end:
        marks = sorted(marks + list(items_end))
    for start, end, place, unit_type in sorted(spans, key=lambda s: s[0]):
        clause_start = start_after_last(marks, start)
        prefixed = start - clause_start <= _MAX_HEAD_PREFIX and prefix.fullmatch(text, clause_start, start)
        if not prefixed and (place is None or not _recipient().match(text, start)):
            continue
        if _OPENS_WITH_ZAI.match(text, clause_start, min(start, clause_start + _MAX_HEAD_PREFIX)) and _VENUE.match(text, end):
            continue   # 在上海举行的签约仪式: where an event was held, not whose figures these are
        if place is not None and _investor_origin().match(text, end):
            continue   # 香港一家知名企业宣布投资…: where the investor comes from
        heads.append((start, end, place, unit_type))
    return heads


def _subject(heads, head_starts: list[int], sentence_start: int, figure_start: int):
    """The last head of the figure's sentence that ends before the figure."""
    i = bisect.bisect_left(head_starts, figure_start) - 1
    while i >= 0 and heads[i][0] >= sentence_start:
        if heads[i][1] <= figure_start:
            return heads[i]
        i -= 1
    return None


@lru_cache(maxsize=1)
def _enumerators() -> tuple[frozenset[str], regex.Pattern]:
    """Words that join places into one subject (、, 和 …), and those that hand each its own figure (分别)."""
    return (frozenset(r["word"] for r in load_table("metric_coordinators")),
            regex.compile(alternation(r["word"] for r in load_table("qualifier_distributors"))))


def _respective(text: str, places: list[Place], subjects, mentions) -> dict[int, Place]:
    """伊州区、巴里坤县、伊吾县分别完成投资38亿元、26亿元和22亿元: places enumerated as one subject, then
    分别, then as many figures of a kind as places: the k-th figure is the k-th place's. Index of the
    figure -> its place; `subjects` is each figure's subject (see _subject). Each enumeration is
    walked once from the head that opens it."""
    joiners, distributors = _enumerators()
    index = {p.start: i for i, p in enumerate(places)}
    marks = [m.start() for m in distributors.finditer(text, overlapped=True)]
    groups: dict[tuple, list[int]] = {}
    listed: dict[int, list[Place]] = {}
    for k, (mention, head) in enumerate(zip(mentions, subjects)):
        if head is None or head[2] is None:
            continue
        if head[0] not in listed:
            i, run = index.get(head[0]), []
            if i is not None:
                run = [places[i]]
                while (i + 1 < len(places) and places[i + 1].usable
                       and text[places[i].end:places[i + 1].start] in joiners):
                    i += 1
                    run.append(places[i])
            listed[head[0]] = run
        run = listed[head[0]]
        if len(run) < 2:
            continue
        j = bisect.bisect_left(marks, run[-1].end)
        if j < len(marks) and marks[j] < mention.start:
            groups.setdefault((head[0], marks[j], mention.kind), []).append(k)
    out = {}
    for (head_start, _, _), members in groups.items():
        run = listed[head_start]
        if len(members) == len(run):
            out.update(zip(members, run))
    return out


def assign_regions(doc, mentions, figures) -> None:
    """Fill the region fields of every figure (parallel to `mentions`) in place."""
    if not figures:
        return
    norm, segments, meta, text = doc.norm, doc.segments, doc.meta, doc.text
    on = doc.doc_date or meta.doc_date or meta.metadata_date
    places = find_places(text, _context_keys(meta))
    sections = _sections(text, places)
    heads = _heads(text, places, tuple(m.end for m in mentions if text.startswith("、", m.end)))
    head_starts = [h[0] for h in heads]
    document = _document(text, places, sections, meta, heads)
    subjects = [_subject(heads, head_starts, segments.sentence(m.number_start)[0], m.start) for m in mentions]
    respective = _respective(text, places, subjects, mentions)
    for k, (mention, figure) in enumerate(zip(mentions, figures)):
        section = _section_at(sections, mention.start)
        context = section.where if section else document
        where = context
        head = subjects[k]
        if k in respective:
            where = _where(respective[k], "subject")
        elif head is not None:
            start, end, place, unit_type = head
            if place is not None:
                where = _where(place, "subject")
            else:
                key = _own_unit(unit_type, context.key if context else None)
                if key is not None:
                    where = _Where(key, "own_paper", text[start:end], (start, end))
        if where is not None:
            _fill(figure, _former_marked(where, text), on, norm)


def _former_marked(where: _Where, text: str) -> _Where:
    """原港闸区: the writer knows the unit is gone, so the place is today's unit."""
    unit = gazetteer().units[where.key]
    if unit.ended and where.span and where.span[0] > 0 and text[where.span[0] - 1] == "原":
        return _Where(unit.today, where.source, where.written, where.span)
    return where


def _where(place: Place, source: str) -> _Where:
    return _Where(place.key, source, place.written, (place.start, place.end))


def _fill(figure, where: _Where, on: Optional[str], norm) -> None:
    region = region_for(where.key, on=on, written=where.written)
    figure.region = region.name
    figure.region_as_written = norm.raw_text(*where.span) if where.span else where.written
    figure.region_today = region.today
    figure.province = region.province
    figure.city = region.city
    figure.county = region.county
    figure.adcode = region.adcode
    figure.region_level = region.level
    figure.region_source = where.source


# -- names as analysts type them -------------------------------------------------------------

def resolve_region(name: str, *, near: Optional[str] = None, on: Optional[str] = None) -> Optional[Region]:
    """A region from a name as typed: "港闸" -> 港闸区 (today in 崇川区), "北京通州" -> 北京市通州区.

    `near` is other text (a document, a filter's other places) that decides an ambiguous name
    (通州 near 南通 or 江苏 is 南通's); `on` is the date the name is read at (a 2021 "港闸" is
    today's 崇川区). None when the name is unknown or stays ambiguous.
    """
    from extract.normalize import normalize

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
