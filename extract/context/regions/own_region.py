"""The document's own region: the user's, the dateline's ("中新网肇庆12月9日电"), or the one the
text is about (我区 in a district's paper, the unit most of its places fall in). A figure with no
place of its own, in no section, is the document's (region_source = document_default or dateline)."""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Optional

import regex

from extract.normalize import OUTLINE_NUMBER

from extract.context.gazetteer import ALIAS, FULL, SHORT, Region, gazetteer, region_for
from extract.context.places import Place, find_places
from extract.context.regions.own_words import NARROWNESS, find_own_words, is_of_type, own_word_weights, own_words
from extract.context.regions.sections import Section, read_sections, section_at
from extract.context.regions.subjects import Head, clause_heads
from extract.context.regions.typed_names import resolve_region
from extract.rules import alternation, load_table
from extract.context.regions.where import LEVEL_RANK, Where, context_keys, where_of



@lru_cache(maxsize=1)
def _dateline_parts() -> tuple[regex.Pattern, regex.Pattern]:
    """What stands before a dateline's place (an agency's or paper's name) and what closes it
    after (a date and 电/讯/消息): rules/region_dateline_words.tsv."""
    rows = load_table("region_dateline_words")
    head = alternation(r["word"] for r in rows if r["role"] == "head")
    tail = alternation(r["word"] for r in rows if r["role"] == "tail")
    return (regex.compile(rf"[\s(（【\[]*(?:\p{{Han}}{{0,8}}?(?:{head}))?\s*$"),
            regex.compile(rf"\s*(?:\d{{1,2}}月\d{{1,2}}日\s*)?(?:{tail})"))


_DATELINE_REACH = 16


def _dateline(text: str, places: list[Place]) -> Optional[Where]:
    """"中新网肇庆12月9日电", "新华社南京3月1日电", "本报海门讯": a place opening a paragraph's
    dateline. A dateline names its place on purpose, so a county's short name that names one
    unit counts there even with no city around it."""
    head, tail = _dateline_parts()
    starts = [p.start for p in places]
    # A dateline opens its line within 16 characters: only the places that close to a line's
    # start are looked at, line by line (a text has far fewer lines than places), in text order.
    line_start = 0
    while line_start >= 0:
        i = bisect.bisect_left(starts, line_start)
        while i < len(places) and places[i].start - line_start <= _DATELINE_REACH:
            place = places[i]
            i += 1
            if not place.named or (place.key is None and (place.blocked or len({c.key for c in place.candidates}) != 1)):
                continue
            own_line_start = text.rfind("\n", line_start, place.start) + 1 or line_start
            if (place.start - own_line_start <= _DATELINE_REACH and head.fullmatch(text, own_line_start, place.start)
                    and tail.match(text, place.end)):
                key = place.key if place.key is not None else place.candidates[0].key
                return Where(key, "dateline", place.written, (place.start, place.end))
        line_start = text.find("\n", line_start) + 1 or -1
    return None


def _own_type(found: list[tuple[int, int, str]], sections: list[Section]) -> tuple[Optional[str], bool]:
    """The unit type the paper calls its own (区 for 我区/全区), read outside sections if possible,
    and whether the paper speaks of itself (我区, 本县) rather than only of a whole (全市).
    `found`: the text's own words (own_words.find_own_words)."""
    types = own_words()[1]
    weights = own_word_weights()
    outside = [w for at, _, w in found if section_at(sections, at) is None] or [w for _, _, w in found]
    score: Counter = Counter()
    for word in outside:
        score[types[word]] += weights[word]
    if not score:
        return None, False
    # A tie goes to the narrower unit: a district paper compares itself with its city (全市) as
    # often as it names itself (全区); a city paper rarely says 全区.
    own = max(score, key=lambda t: (score[t], NARROWNESS.get(t, 0)))
    return own, any(types[w] == own and weights[w] > 1 for w in outside)


def _lead_end(text: str) -> int:
    """End of the text's first line, or of the line after it when the first is an outline
    heading (一、2024年计划执行情况): the lead is where a text says what it is about."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end != -1 and OUTLINE_NUMBER.match(text, start):
        end = text.find("\n", end + 1)
    return end  # -1 when the text is one line: then no place stands in a lead of its own


_LONGEST_PART_CUE = 4


@lru_cache(maxsize=1)
def _part_cue() -> tuple[regex.Pattern, frozenset[str]]:
    """Right before a place, words that make it a part of a whole rather than the whole the
    paper is about: "我区完成情况(包括铜仁高新区)" (rules/region_part_cues.tsv), or an authority above
    it: "加强与省、泉州市招商部门沟通" (rules/region_superior_cues.tsv). And the characters such a
    cue may end with (a line break too, before which $ also matches): none other can stand
    right before a place the cue is about."""
    parts = [r["word"] for r in load_table("region_part_cues")]
    superiors = [r["word"] for r in load_table("region_superior_cues")]
    last = {w[-1] for w in parts + superiors} | set("(（\n")
    return regex.compile(rf"(?:(?:{alternation(parts)})[(（]?|(?:{alternation(superiors)}))$"), frozenset(last)


def _below_province(key: str) -> Optional[str]:
    """The unit right below the province that holds `key` (a city, or a county the province runs itself)."""
    chain = gazetteer().chain(key)
    return chain[1] if len(chain) > 1 else None


def _about(text: str, places: list[Place], sections: list[Section], heads: set[int],
           own_found: list[tuple[int, int, str]]) -> Optional[Where]:
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
    cue, cue_ends = _part_cue()
    counted = [p for p in places if p.named and not p.blocked and (p.key or len(p.candidates) > 1)
               and not (p.start > 0 and text[p.start - 1] in cue_ends
                        and cue.search(text, max(0, p.start - _LONGEST_PART_CUE), p.start))]
    resolved = [p for p in counted if p.key is not None]
    own, speaks_of_itself = _own_type(own_found, sections)
    if not resolved:
        return _own_unit_unanchored(places, own, speaks_of_itself)
    written = Counter(p.key for p in resolved)
    cover: Counter = Counter()
    for key, n in written.items():
        for outer in g.chain(key):
            cover[outer] += n
    below_province = {_below_province(key) for key in written}
    if own == "省" and not speaks_of_itself and len(below_province) == 1 and None not in below_province:
        # 全省 alone (全省同期签约项目1270个) in a paper whose every place lies in one unit below the
        # province is that unit's paper citing its province: a province's paper names its cities.
        own = None
    if own:
        typed = [k for k in cover if is_of_type(k, own)]
        if own == "区":   # 全区 in a zone's paper is the zone, which stands for its host (襄阳高新区: 襄阳市)
            typed += [k for k in dict.fromkeys(p.key for p in resolved if p.zone) if k not in typed]
        if not typed:
            return _own_unit_unanchored(places, own, speaks_of_itself)
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

    fitting = sorted(fitting, key=lambda k: (LEVEL_RANK[g.units[k].level], cover[k]), reverse=True)
    key = next((k for k in fitting if well_named(k)), None)
    if key is None:
        return None
    # The paper is a zone's (兰州新区's) when it names its unit only as that zone, and does not
    # call itself by the host's type (我区 beside 碧江高新区 is 碧江区's paper).
    of_key = [p for p in counted if p.key == key]
    zones = {p.zone_name for p in of_key}
    if len(zones) == 1 and None not in zones and (own is None or not is_of_type(key, own)):
        return where_of(_most_written(of_key), "document_default")
    # Otherwise written as the unit itself (启东, 启东市), not as one of its towns or parks.
    named = [p for p in of_key if any(c.key == key and c.kind in (FULL, SHORT, ALIAS) for c in p.candidates)]
    if named:
        return replace(where_of(_most_written(named), "document_default"), zone=None)
    return Where(key, "document_default", g.units[key].name)


def _most_written(places: list[Place]) -> Place:
    """The first of the places written the way the text writes them most often."""
    written = Counter(p.written for p in places).most_common(1)[0][0]
    return next(p for p in places if p.written == written)


def _own_unit_unanchored(places: list[Place], own: Optional[str], speaks_of_itself: bool) -> Optional[Where]:
    """The paper's own unit where the text names no unit of its own type that context resolves:
    the one unit of that type the paper's name gives ("滁州日报讯 … 全市新签约亿元以上项目225个",
    淮北日报 with 我市), or, when the paper speaks of itself (我区), the one unit of that type a
    name left unresolved for want of its city names (我区 and 中德(金坛)创新产业区: 金坛区)."""
    if own is None:
        return None
    named = {}
    for place in places:
        if place.key is not None or place.blocked or len({c.key for c in place.candidates}) != 1:
            continue
        key = place.candidates[0].key
        if is_of_type(key, own) and (place.paper or (speaks_of_itself and place.named and not place.names_town)):
            named.setdefault(key, place)
    if len(named) != 1:
        return None
    key, place = named.popitem()
    return Where(key, "document_default", place.written, (place.start, place.end))


def own_region(text: str, places: list[Place], sections: list[Section], meta, heads: list[Head],
               own: list[tuple[int, int, str]]) -> Optional[Where]:
    """Where the document is, by the user, its dateline or what it is about. `own`: the text's
    own words (own_words.find_own_words)."""
    if meta.default_region:
        region = resolve_region(meta.default_region)
        if region is not None:
            return Where(region.key, "document_default", meta.default_region)
    head_starts = {h[0] for h in heads if h[2] is not None}
    return _dateline(text, places) or _about(text, places, sections, head_starts, own)


def document_region(norm, meta) -> Optional[Region]:
    """The region a document is about by default (the user's, its dateline's or its text's)."""
    text = norm.text
    sections, places = read_sections(text, find_places(text, context_keys(meta)))
    own = find_own_words(text)
    where = own_region(text, places, sections, meta, clause_heads(text, places, own), own)
    if where is None:
        return None
    return region_for(where.key, on=meta.doc_date or meta.metadata_date, written=where.written)
