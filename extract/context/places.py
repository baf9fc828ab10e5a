"""Place names in a text, each resolved to one unit of the gazetteer or left unresolved.

A form is read leftmost-longest (南通市海门区 is 南通市 then 海门区; 通州湾示范区 is the zone, not
通州). A place followed by a zone ending is that zone (崇川经济开发区 -> 崇川区). Which unit an
ambiguous form names is decided by the other places of the same text: 通州 is 南通's beside
南通 or 江苏 (or its town 石港镇), 北京's beside 北京 (or 马驹桥镇).

Names that are unsafe alone need that context. A county's short name (海门) or a town counts
only when the text also names its city, unless the short name carries a zone ending (启东经济
开发区) or is written again and again (a 海门 paper that never names 南通). A short name inside
a person's name (张建华, 镇海洋说) or a company's (东莞康源电子有限公司) is no place at all.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, NamedTuple, Optional

import ahocorasick_rs
import regex

from extract.context.gazetteer import CITY, COUNTY, FULL, PROVINCE, SHORT, TOWN, ZONE, Candidate, gazetteer
from extract.rules import alternation, load_table

_LEVEL_RANK = {PROVINCE: 0, CITY: 1, COUNTY: 2}


@dataclass(frozen=True)
class Place:
    start: int                       # offsets in the normalised text
    end: int
    written: str
    candidates: tuple[Candidate, ...]
    zone: bool = False               # a zone: the form is the place + a zone ending, or a listed zone
    in_org: bool = False             # part of an organisation's name (扬州日报, 东莞康源电子有限公司)
    paper: bool = False              # … of a newspaper's or broadcaster's (北京日报): context, never a subject
    person: bool = False             # part of a person's name (张建华, 镇海洋说)
    zone_length: int = 0             # characters of the zone's own name at the end of `written`
    names_town: bool = False         # followed by 街道/镇/乡: a subdistrict's name (义乌's 福田街道), not the county
    key: Optional[str] = None        # the unit it names, once resolved (a zone's host)
    blocked: bool = False            # every unit it may name is an everyday word's (see Candidate.blocked)

    @property
    def zone_name(self) -> Optional[str]:
        """A zone's own name as written (碧江高新区 of 铜仁市碧江高新区), kept beside its host's."""
        return self.written[len(self.written) - self.zone_length:] if self.zone else None

    def resolved_as(self, key: Optional[str]) -> "Place":
        """This place read as naming `key`: a copy, for a place found is never changed. (Copied
        field by field rather than by dataclasses.replace, which costs a tenth of a second on a
        long text's thousands of places.)"""
        copy = object.__new__(Place)
        copy.__dict__.update(self.__dict__, key=key)
        return copy

    @property
    def named(self) -> bool:
        """Stands for a place at all (not inside a company's or a person's name)."""
        return not self.in_org and not self.person

    @property
    def usable(self) -> bool:
        """Names a place a figure may belong to (not a company's name, not an everyday word)."""
        return self.key is not None and self.named and not self.blocked


@lru_cache(maxsize=1)
def _org_tail() -> tuple[regex.Pattern, regex.Pattern]:
    """An organisation's name closing within a few characters after a place: 康源电子有限公司.

    The characters between are name-like: no verbs, dates, numbers or punctuation, so that
    "海门今年新引进公司20家" is not read as a company called 海门….
    Also what such a tail can open with: a name-like character or a suffix's first.
    """
    suffixes = [r["word"] for r in load_table("region_org_suffixes")]
    breaks = regex.escape("".join(sorted({c for r in load_table("region_org_name_breaks") for c in r["word"]})))
    name_like = rf"(?![{breaks}])[\p{{Han}}A-Za-z()（）]"
    firsts = regex.escape("".join(sorted({w[0] for w in suffixes})))
    return (regex.compile(rf"(?:{name_like}){{0,10}}?(?:{alternation(suffixes)})"),
            regex.compile(rf"{name_like}|[{firsts}]"))


@lru_cache(maxsize=None)
def _may_open_org_tail(character: str) -> bool:
    """Whether an organisation's tail (_org_tail) may start with `character`: asked once per
    character, for the one after each place."""
    return _org_tail()[1].match(character) is not None


@lru_cache(maxsize=1)
def _paper_words() -> tuple[str, ...]:
    return tuple(r["word"] for r in load_table("region_org_suffixes") if r["kind"] == "paper")


@lru_cache(maxsize=1)
def _person_cue() -> tuple[regex.Pattern, frozenset[str]]:
    """说/表示 … within a character after a name, and the characters they start with."""
    cues = [r["word"] for r in load_table("region_person_cues")]
    return regex.compile(rf"\p{{Han}}?(?:{alternation(cues)})"), frozenset(w[0] for w in cues)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(r["surname"] for r in load_table("region_surnames"))


def _is_person(text: str, start: int, end: int, previous_end: int) -> bool:
    """张建华 (建华区?), 镇海洋说 (镇海区?): a two-character short name (the caller checks that)
    inside a person's name, after a surname that is not the end of another place, or before 说/表示 …"""
    if start > 0 and previous_end != start and text[start - 1] in _surnames():
        return True
    cue, cue_starts = _person_cue()
    # a cue starts right after the name or one character on: no match unless one of those starts one
    return ((text[end:end + 1] in cue_starts or text[end + 1:end + 2] in cue_starts)
            and cue.match(text, end) is not None)


@lru_cache(maxsize=1)
def _road_ending() -> tuple[regex.Pattern, frozenset[str]]:
    """What makes a place's name a road's (rules/region_road_endings.tsv): 嘉峪关路, 南京东路; and
    the characters such an ending starts with."""
    rows = load_table("region_road_endings")
    roads = [r["word"] for r in rows if r["kind"] == "road"]
    not_road = alternation(r["word"] for r in rows if r["kind"] == "not_road")
    return regex.compile(rf"(?!{not_road})(?:{alternation(roads)})"), frozenset(w[0] for w in roads)


@lru_cache(maxsize=1)
def _town_endings() -> tuple[str, ...]:
    return tuple(r["word"] for r in load_table("region_town_endings"))


class _Form(NamedTuple):
    """What scan reads off a form's candidates: once per form, not at each of its matches."""
    candidates: tuple[Candidate, ...]
    zone: bool      # a listed zone
    short: bool     # only short names: may be a person's given name (张建华)
    blocked: bool   # only everyday words


def _form(candidates: tuple[Candidate, ...]) -> _Form:
    return _Form(candidates, any(c.kind == ZONE for c in candidates), all(c.kind == SHORT for c in candidates),
                 all(c.blocked for c in candidates))


_automaton: tuple = (None, None, (), (), None, frozenset())


def _forms_automaton(g) -> tuple[ahocorasick_rs.AhoCorasick, tuple[str, ...], tuple[Optional[_Form], ...],
                                 regex.Pattern, frozenset[str]]:
    """An Aho-Corasick automaton over the forms of gazetteer `g`, leftmost-longest, the forms in
    its pattern order with what they name (None for a non-place), the zone endings and the
    characters they start with (rebuilt when the gazetteer is rebuilt, as when a test adds a zone)."""
    global _automaton
    if _automaton[0] is not g:
        # the non-places come after the forms: a match of one (入海口) hides the form inside it (海口)
        forms = tuple(g.forms) + tuple(w for w in g.non_places if w not in g.forms)
        # the zone endings, longest first, as one pattern tried right after a place
        endings = regex.compile(alternation(g.zone_suffixes))
        _automaton = (g, ahocorasick_rs.AhoCorasick(forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest),
                      forms, tuple(_form(g.forms[f]) if f in g.forms else None for f in forms),
                      endings, frozenset(s[0] for s in g.zone_suffixes))
    return _automaton[1:]


def _new_place(**fields) -> Place:
    """A Place set from all its fields at once: the frozen dataclass's __init__ sets each through
    object.__setattr__, five times slower, and a long text has thousands of places."""
    place = object.__new__(Place)
    place.__dict__.update(fields)
    return place


def scan(text: str) -> list[Place]:
    """Every form of the gazetteer in `text`, leftmost-longest, unresolved.

    The automaton finds the forms in one pass in native code. A place followed by a zone ending
    takes the ending too; no form overlaps a zone ending (tests/test_regions.py checks the
    gazetteer), so no later match starts inside an ending taken.
    """
    g = gazetteer()
    automaton, forms, facts, zone_endings, zone_starts = _forms_automaton(g)
    road_ending, road_starts = _road_ending()
    org_tail, paper_words, town_endings = _org_tail()[0], _paper_words(), _town_endings()
    places: list[Place] = []
    previous_end = -1
    for index, start, end in automaton.find_matches_as_indexes(text):
        form = facts[index]
        if form is None:
            continue   # a word that holds a place's name but names no place (入海口)
        if text.startswith("域", end) and forms[index].endswith("区"):
            # 海南区域, 华东区域: 区域 is "region"; the form is the name before it, if that is one
            candidates = g.forms.get(forms[index][:-1])
            if candidates is None:
                continue
            form = _form(candidates)
            end -= 1
        zone = form.zone
        # Both kinds of ending are literals: neither matches where the next character starts none.
        following = text[end:end + 1]
        if not zone and following in zone_starts:
            ending = zone_endings.match(text, end)
            if ending:
                end, zone = ending.end(), True
        if not zone and following in road_starts and road_ending.match(text, end):
            continue   # 嘉峪关路街道: a road named after the place, no place
        tail = org_tail.match(text, end) if _may_open_org_tail(text[end:end + 1]) else None
        places.append(_new_place(
            start=start, end=end, written=text[start:end], candidates=form.candidates, zone=zone,
            zone_length=end - start if zone else 0, in_org=tail is not None,
            paper=tail is not None and tail.group().endswith(paper_words),
            person=not zone and end - start == 2 and form.short and _is_person(text, start, end, previous_end),
            names_town=not zone and text.startswith(town_endings, end), key=None, blocked=form.blocked))
        previous_end = end
    return places


def _needs_city_context(candidate: Candidate) -> bool:
    return candidate.kind == TOWN


def _needs_context(candidate: Candidate, form: str) -> bool:
    """A county's short name, a two-character county name (高县 in 提高县域, 兴县 in 振兴县域) or a
    town reads as a place only near its city."""
    kind = candidate.kind
    return ((kind == SHORT or kind == TOWN or (kind == FULL and len(form) == 2))
            and gazetteer().units[candidate.key].level == COUNTY)


def _relation(a: str, b: str) -> int:
    """How close two units are: 3 same unit or one inside the other, 2 same city, 1 same province."""
    g = gazetteer()
    if g.contains(a, b) or g.contains(b, a):
        return 3
    if g.city_of(a) == g.city_of(b):
        return 2
    if g.province_of(a) == g.province_of(b):
        return 1
    return 0


class Support:
    """How much weighed anchor places support each unit: the sum over the anchors of the relation
    (3 same unit or one inside the other, 2 same city, 1 same province) times the anchor's count.

    Summed from totals per province, per city and per enclosing unit, so a unit's support costs
    the length of its chain, not the number of distinct places of a long document. The totals
    are summed at the first question: most texts never ask one."""

    def __init__(self, weights: Counter) -> None:
        self._weights = weights
        self._totals: Optional[tuple[dict, dict, dict, dict]] = None
        self._memo: dict[str, int] = {}

    def _summed(self) -> tuple[dict, dict, dict, dict]:
        """Anchors per province, per city, inside (or being) each unit, and those of them in a given
        city: (unit, city) -> count."""
        if self._totals is None:
            g = gazetteer()
            province: dict[str, int] = {}
            city_total: dict[str, int] = {}
            inside: dict[str, int] = {}
            inside_same_city: dict[tuple[str, str], int] = {}
            for anchor, n in self._weights.items():
                city = g.city_of(anchor)
                top = g.province_of(anchor)
                province[top] = province.get(top, 0) + n
                city_total[city] = city_total.get(city, 0) + n
                for unit in g.chain(anchor):
                    inside[unit] = inside.get(unit, 0) + n
                    inside_same_city[unit, city] = inside_same_city.get((unit, city), 0) + n
            self._totals = province, city_total, inside, inside_same_city
        return self._totals

    def of(self, key: str) -> int:
        if key not in self._memo:
            g = gazetteer()
            province, city_total, inside, inside_same_city = self._summed()
            city = g.city_of(key)
            # every anchor of the province counts 1, of the city 1 more, one inside or holding it
            # up to 3: 1 more when in the same city, 2 more otherwise.
            same_city_inside = inside_same_city.get((key, city), 0)
            support = (province.get(g.province_of(key), 0) + city_total.get(city, 0)
                       + same_city_inside + 2 * (inside.get(key, 0) - same_city_inside))
            for holder in g.chain(key)[:-1]:
                n = self._weights.get(holder, 0)
                support += n * (1 if g.city_of(holder) == city else 2)
            self._memo[key] = support
        return self._memo[key]


def choose(keys: Iterable[str], anchors) -> Optional[str]:
    """The unit among `keys` that the anchors support best; None if they cannot tell.

    `anchors` are anchor keys, a Counter of them, or their `Support` (reused across calls)."""
    keys = list(dict.fromkeys(keys))
    if len(keys) == 1:
        return keys[0]
    if not isinstance(anchors, Support):
        anchors = Support(anchors if isinstance(anchors, Counter) else Counter(anchors))
    support = {k: anchors.of(k) for k in keys}
    best = max(support.values())
    top = [k for k in keys if support[k] == best]
    if len(top) == 1 and best > 0:
        return top[0]
    g = gazetteer()
    holding = [k for k in top if all(g.contains(k, other) for other in top)]
    if best > 0 and len(holding) == 1:
        return holding[0]   # 长沙 is the city 长沙市, not 长沙县 inside it (written in full)
    if best == 0:
        # 吉林 with nothing around is the province rather than the city of the same name.
        high = min(_LEVEL_RANK[g.units[k].level] for k in keys)
        highest = [k for k in keys if _LEVEL_RANK[g.units[k].level] == high]
        if len(highest) == 1 and high < _LEVEL_RANK[COUNTY]:
            return highest[0]
    return None


_REPEATS_TO_STAND_ALONE = 2
_PAPER_WEIGHT = 2


def _unique(place: Place) -> bool:
    return len(place.candidates) == 1 or len({c.key for c in place.candidates}) == 1


def _own_readings(places: list[Place]) -> list[Optional[tuple[str, bool]]]:
    """Parallel to `places`: for a place that stands for one, is no everyday word and names a
    single unit, that unit and whether its form reads as a place only near its city
    (_needs_context); None for any other."""
    readings: list[Optional[tuple[str, bool]]] = []
    for place in places:
        reading = None
        if place.named and not place.blocked and _unique(place):
            candidate = place.candidates[0]
            reading = (candidate.key, _needs_context(candidate, place.written))
        readings.append(reading)
    return readings


def _is_anchor(place: Place, reading: Optional[tuple[str, bool]], repeated: set[str]) -> bool:
    """A place that names one unit on its own, without help from the rest of the text: an
    official or table name, or a county's short (or two-character) name with a zone ending
    (启东经济开发区) or written again and again (a 海门 paper that never names 南通).
    `reading`: its _own_readings entry."""
    if reading is None:
        return False
    key, needs_context = reading
    return not needs_context or place.zone or (key in repeated and not place.names_town)


def _repeated_short_names(places: list[Place], readings: list[Optional[tuple[str, bool]]]) -> set[str]:
    """Counties named again and again by a context-needing form (海门, 房县): their own paper."""
    counts = Counter(reading[0] for place, reading in zip(places, readings)
                     if reading is not None and reading[1] and not place.names_town)
    return {key for key, n in counts.items() if n >= _REPEATS_TO_STAND_ALONE}


def _held_by_previous(place: Place, previous: Optional[Place], previous_key: Optional[str]) -> Optional[str]:
    """鞍山市铁西区, 长春市朝阳区: a name several units share, written right after a unit that holds
    exactly one of them (`previous`, resolved to `previous_key`), is that one."""
    if (previous is None or previous.end != place.start or previous_key is None or not previous.named
            or _unique(place)):
        return None
    g = gazetteer()
    inside = {c.key for c in place.candidates if g.contains(previous_key, c.key) and c.key != previous_key}
    return inside.pop() if len(inside) == 1 else None


def resolved_keys(places: list[Place], context_keys: Iterable[str] = ()) -> list[Optional[str]]:
    """The unit of every place (parallel to `places`) that the text (and `context_keys`) can
    tell, None where it cannot."""
    g = gazetteer()
    anchors = list(context_keys)
    readings = _own_readings(places)
    repeated = _repeated_short_names(places, readings)
    keys: list[Optional[str]] = [None] * len(places)
    previous_end = -1
    for i, place in enumerate(places):
        # (most places do not follow another right away: no need to ask _held_by_previous)
        held = (_held_by_previous(place, places[i - 1], keys[i - 1]) if place.start == previous_end else None)
        previous_end = place.end
        if held is not None:
            keys[i] = held   # 鞍山市铁西区: the 铁西区 of the city written right before it (its city
                             # is the anchor already; the name adds no weight against the paper's own)
        elif _is_anchor(place, readings[i], repeated):
            keys[i] = place.candidates[0].key
            anchors.append(keys[i])
        elif place.paper and not place.blocked and _unique(place):
            # 北京日报: context for the text's other names, weighing as two mentions: the paper's own
            # unit outweighs one passing mention of another (福州日报's 鼓楼区 beside 同期,南京市鼓楼区…)
            anchors += [place.candidates[0].key] * _PAPER_WEIGHT
    # A listed town is evidence for its county before it is accepted itself: 马驹桥镇 tells
    # which 通州 a text means.
    towns = [c.key for p in places if p.named for c in p.candidates if c.kind == TOWN]
    distinct_towns = set(towns)
    for _ in range(2):   # a second round lets places resolved in the first (通州区) admit towns
        distinct_anchors = set(anchors)
        cities = {g.city_of(k) for k in distinct_anchors}
        provinces = {g.province_of(k) for k in distinct_anchors}
        support = Support(Counter(anchors) + Counter(towns))
        added = []
        for i, place in enumerate(places):
            if keys[i] is not None or not place.named:
                continue
            allowed = [c.key for c in place.candidates
                       if not _needs_context(c, place.written)
                       or g.city_of(c.key) in cities
                       or (not _needs_city_context(c) and len(place.candidates) > 1
                           and g.province_of(c.key) in provinces)]
            if not allowed and len(place.candidates) > 1:
                allowed = [c.key for c in place.candidates if any(_relation(c.key, t) == 3 for t in distinct_towns)]
            if allowed:
                keys[i] = choose(allowed, support)
                if keys[i] is not None and not place.blocked:
                    added.append(keys[i])
        if not added:
            break   # the same anchors again would read every place left as this round did
        anchors += added
    return keys


def _merge_chains(places: list[Place]) -> list[Place]:
    """南通市海门区, 江苏南通: a place written right after the unit holding it is one place."""
    g = gazetteer()
    merged: list[Place] = []
    for place in places:
        last = merged[-1] if merged else None
        if (last is not None and last.end == place.start and last.key and place.key
                and last.named and g.contains(last.key, place.key) and last.key != place.key):
            merged[-1] = Place(last.start, place.end, last.written + place.written, place.candidates,
                               zone=place.zone, zone_length=place.zone_length, in_org=place.in_org, person=place.person,
                               key=place.key, blocked=place.blocked)
        else:
            merged.append(place)
    return merged


def find_places(text: str, context_keys: Iterable[str] = ()) -> list[Place]:
    """Every place in `text`, resolved where the text (and `context_keys`) can tell."""
    places = scan(text)
    for place, key in zip(places, resolved_keys(places, context_keys)):
        if key is not None:
            # the places scan just built are no one else's yet: set on them, not on copies (resolved_as)
            place.__dict__["key"] = key
    return _merge_chains(places)


def lookup(name: str) -> tuple[Candidate, ...]:
    """The candidates of a whole written form, everyday words included (an analyst typed it)."""
    return gazetteer().forms.get(name, ())

