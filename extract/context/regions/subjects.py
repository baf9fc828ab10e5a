"""Subjects of clauses: a place or an own word (我区, 全市) heading a clause, after dates, 在,
其中 …: "南通市海门区2023年一季度…", "据了解,海门今年将确保…", "在吕四港经济开发区东港池,总投资90亿元…".
A figure's subject is the last one of its sentence before it."""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Optional

import ahocorasick_rs
import regex

from extract.context.gazetteer import gazetteer
from extract.context.places import Place
from extract.context.regions.own_words import own_words
from extract.context.segments import start_after_last
from extract.rules import alternation, load_table

Head = tuple[int, int, Optional[Place], Optional[str]]   # start, end, the place or None, an own word's unit type
ZONE_WORD = "zone"   # the "unit type" of a bare zone word heading a clause (经开区引进…, 新区成功引进…)

_TIME = (r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?(?:上午|下午|晚上)?"
         r"|[一二三四]季度|第[一二三四]季度|[上下]半年")
_OPENERS = r"[\s“”\"‘’'《》()（）\[\]【】]*"
_NEWS_OPENER = r"\p{Han}{0,6}?(?:讯|电|消息)(?:[(（][^)）]{0,30}[)）])?"   # 本报讯(记者 顾艳)
# A space between words of a title parts two clauses: "…集中开工 长春主会场开工项目…"
# The marks that end a clause; an enumeration comma (、) is not one: "举办苏南产业对接会、上海招商
# 推进会" does not make 上海 a subject. Searched backwards (?r) for the last one before a subject.
_LAST_CLAUSE_MARK = regex.compile(r"(?r)[。！？!?；;\n,，:：]|(?<=[\p{Han}”\"》）)])[ \u3000](?=[\p{Han}“\"《（(])")
# The longest run of dates and lead words a subject may follow in its clause. Real ones are a few
# characters (我区在, 2024年, 与孝义相邻的); the bound keeps a clause of nothing but own words
# (全区全区…) from costing a match over the whole clause at each of them.
_MAX_HEAD_PREFIX = 40
_OPENS_WITH_ZAI = regex.compile(r"\s*在")
_LISTED = regex.compile(r"[、等]")
_PROJECT_REACH = 80   # characters before a figure where the place opening its project's name may stand
# What may stand between a figure and the place or own word it belongs to: 我县2021年第四批10个重点项目
_POSSESSOR_GAP = regex.compile(rf"(?:{_TIME}|第[0-9一二三四五六七八九十]+批)*")


@lru_cache(maxsize=1)
def _head_prefix() -> regex.Pattern:
    """What may precede a clause's subject: dates, 在/其中 …, and an own word (我市海门区)."""
    leads = alternation([r["word"] for r in load_table("region_subject_leads")] + list(own_words()[1]))
    # 与孝义相邻的介休市: a relative clause about a neighbour (rules/region_neighbour_words.tsv)
    neighbour = alternation(r["word"] for r in load_table("region_neighbour_words"))
    relative = rf"[^,，。;；:：!！?？\n]{{0,10}}?(?:{neighbour})"
    return regex.compile(rf"{_OPENERS}(?:(?:{leads}|{_TIME}|{_NEWS_OPENER}|{relative}){_OPENERS})*")


@lru_cache(maxsize=1)
def _venue() -> regex.Pattern:
    """What follows a place after 在 that makes it an event's venue: 在上海举行的 (rules/region_venue_verbs.tsv)."""
    return regex.compile(rf"[^,，。;；]{{0,20}}?(?:{alternation(r['word'] for r in load_table('region_venue_verbs'))})")


@lru_cache(maxsize=1)
def _investor_origin() -> regex.Pattern:
    """What follows a place that names an investor's origin: 一家知名企业, 某集团, 企业在津投资
    (rules/region_origin_cues.tsv)."""
    rows = load_table("region_origin_cues")
    determiners, organisations, flows, invests = (alternation(r["word"] for r in rows if r["role"] == role)
                                                 for role in ("determiner", "organisation", "flow", "invest"))
    return regex.compile(rf"(?:{determiners})[\p{{Han}}A-Za-z]{{0,8}}?(?:{organisations})"
                         rf"|(?:{organisations})(?:{flows})\p{{Han}}{{1,6}}?(?:{invests})")


@lru_cache(maxsize=1)
def _recipient() -> regex.Pattern:
    """Zero-width, matched where a place starts: the place receives targets handed down (下达渝北区)."""
    return regex.compile(rf"(?<=(?:{alternation(r['word'] for r in load_table('region_recipient_cues'))}))")


def _clause_starts(text: str, starts: list[int]) -> list[int]:
    """For each of the sorted `starts` (each the first character of a place's name or of a
    word: never a mark, nor a space), the start of its clause: one past the last clause mark
    before it, or 0. Each stretch between two starts is searched once, backwards from its end,
    so the cost is the text's length however many marks and starts it has. (A mark is one
    character and what it looks at around it lies inside the stretch or is a start, which is
    no mark and no space: the stretch's search finds what a search of the whole text would.)"""
    clause_starts = []
    clause_start = searched = 0
    for start in starts:
        if start > searched:
            mark = _LAST_CLAUSE_MARK.search(text, searched, start + 1)
            if mark is not None:
                clause_start = mark.start() + 1
            searched = start
        clause_starts.append(clause_start)
    return clause_starts


def _bare_zone_words(text: str, places: list[Place]) -> list[tuple[int, int, None, str]]:
    """Zone endings standing alone, not after a place's name: "经开区(飞地园区)引进1亿元及以上项目5个"
    in a city's list of its counties, "新区成功引进…" in a new area's paper: the paper's own zone."""
    starts = [p.start for p in places]
    found = []
    for _, start, end in _zone_endings().find_matches_as_indexes(text):
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or places[i].end <= start:
            found.append((start, end, None, ZONE_WORD))
    return found


@lru_cache(maxsize=1)
def _zone_endings() -> ahocorasick_rs.AhoCorasick:
    """The zone endings, read leftmost-longest as their longest-first alternation reads them."""
    return ahocorasick_rs.AhoCorasick(gazetteer().zone_suffixes, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def zone_ending(name: str) -> Optional[str]:
    """The zone ending a zone's name closes with (高新区 of 天津滨海高新区, not 新区), if any."""
    return next((s for s in gazetteer().zone_suffixes if name.endswith(s)), None)   # longest first


def clause_heads(text: str, places: list[Place], own: list[tuple[int, int, str]], items_end: tuple[int, ...] = (),
                 figure_starts: frozenset[int] = frozenset()) -> list[Head]:
    """Places and own words that open a clause (after dates, 在, 其中 …): (start, end, place, type).
    `own`: the own words of the text (own_words.find_own_words).
    `items_end`: the 、 right after a figure, which ends an item as a clause mark does (大武口区新材料
    项目13个、平罗县项目22个: 平罗县 heads its own figure). An own word standing right before one of
    `figure_starts`, with only dates and a batch between, heads that figure wherever it stands
    (…,拉开了我县2021年第四批10个重点项目建设的帷幕); a place there may be part of a longer name
    (那大镇滨海新区项目12个), so it does not."""
    prefix, recipient, venue, investor_origin = _head_prefix(), _recipient(), _venue(), _investor_origin()
    types = own_words()[1]
    spans = [(p.start, p.end, p, None) for p in places if p.usable]
    spans += [(start, end, None, types[word]) for start, end, word in own]
    spans += _bare_zone_words(text, places)
    heads = []
    spans.sort(key=lambda s: s[0])
    items_end = sorted(items_end)
    for (start, end, place, unit_type), clause_start in zip(spans, _clause_starts(text, [s[0] for s in spans])):
        if items_end:
            clause_start = max(clause_start, start_after_last(items_end, start))
        # the prefix may be empty: a subject opening its clause needs no match
        prefixed = start == clause_start or (start - clause_start <= _MAX_HEAD_PREFIX
                                             and prefix.fullmatch(text, clause_start, start))
        possessor = (place is None and unit_type != ZONE_WORD
                     and _POSSESSOR_GAP.match(text, end).end() in figure_starts)
        if not prefixed and (place is None or not recipient.match(text, start)) and not possessor:
            continue
        if _OPENS_WITH_ZAI.match(text, clause_start, min(start, clause_start + _MAX_HEAD_PREFIX)) and venue.match(text, end):
            continue   # 在上海举行的签约仪式: where an event was held, not whose figures these are
        if place is not None and investor_origin.match(text, end):
            continue   # 香港一家知名企业宣布投资…: where the investor comes from
        heads.append((start, end, place, unit_type))
    return heads


def subject(heads: list[Head], head_starts: list[int], sentence_start: int, figure_start: int) -> Optional[Head]:
    """The last head of the figure's sentence that ends before the figure."""
    i = bisect.bisect_left(head_starts, figure_start) - 1
    while i >= 0 and heads[i][0] >= sentence_start:
        if heads[i][1] <= figure_start:
            return heads[i]
        i -= 1
    return None


@lru_cache(maxsize=1)
def _subjectless_opening() -> regex.Pattern:
    verbs = alternation(r["word"] for r in load_table("region_continuing_verbs"))
    return regex.compile(rf"(?:{_head_prefix().pattern})(?:{verbs})")


def continues_previous_clause(text: str, clause_start: int) -> bool:
    """"…;引进优强企业8家": the clause follows a ；and opens with a predicate, so it has no subject
    of its own and continues the one before (rules/region_continuing_verbs.tsv)."""
    return (clause_start > 0 and text[clause_start - 1] in "；;"
            and _subjectless_opening().match(text, clause_start) is not None)


@lru_cache(maxsize=1)
def _project_name_tail() -> regex.Pattern:
    nouns = alternation(r["word"] for r in load_table("region_project_nouns"))
    return regex.compile(rf"(?:(?!等)[\p{{Han}}A-Za-z]){{0,16}}?(?:{nouns})")


def project_place(text: str, places: list[Place], starts: list[int], sentence_start: int,
                  figure_start: int, inside) -> Optional[Place]:
    """The last place of the sentence before the figure that opens a project's name (巴东盘溪槽抽水
    蓄能电站项目) and lies strictly inside the unit `inside` (rules/region_project_nouns.tsv)."""
    i = bisect.bisect_left(starts, figure_start) - 1
    # a project's name and its figure stand close together: the bound keeps a long sentence of many
    # places and figures from costing a look at every place for every figure
    reach = max(sentence_start, figure_start - _PROJECT_REACH)
    while i >= 0 and places[i].start >= reach:
        place = places[i]
        name = _project_name_tail().match(text, place.end) if place.usable and place.end <= figure_start else None
        # one project's own figure, not a count of several listed (兰州水源地建设工程、兰渝铁路…等32个项目)
        if (name is not None and place.key != inside and gazetteer().contains(inside, place.key)
                and not _LISTED.search(text, name.end(), figure_start)):
            return place
        i -= 1
    return None
