"""What the ledger pages show, from the ledger's tables (extract.ledger): no Streamlit here.

The ledger pairs each target with the latest result reported for the same indicator (region,
measure, object, size class, unit) and period. Every number shown here is of one indicator, one
period and one side (target or result): targets are never added to results, nor thresholds to
amounts, nor one indicator to another. Totals of results read the ledger's observations, where
the repeated mentions of one figure are one fact.
"""
from __future__ import annotations

import re
from typing import Sequence

import pandas as pd

from extract.dashboard.filters import Filters
from extract.dashboard.formatting import is_missing, plain_number, scaled

STATUS_ORDER = ("achieved", "on_pace", "behind_pace", "period_over", "missed", "no_report")
STATUS_COLOURS = {"achieved": "#2e7d32", "on_pace": "#1565c0", "behind_pace": "#ef6c00",
                  "period_over": "#8e24aa", "missed": "#c62828", "no_report": "#9e9e9e"}
# what makes two targets of different districts the same indicator: all but the region and period
SERIES = ("measure", "object", "size_class", "unit")
YEAR = re.compile(r"(19|20)\d\d")
MONEY_UNITS = {"元": "元", "CNY": "元", "USD": "美元", "EUR": "欧元", "HKD": "港元", "JPY": "日元"}
PERIOD_PARTS = ("全年", "上半年", "下半年", "一季度", "二季度", "三季度", "四季度")


PLAN = re.compile(r"((?:19|20)\d\d)\s*[-—–至到]\s*((?:19|20)\d\d)")
MONTH_RANGE = re.compile(r"(\d{1,2})\s*[-—–至到]\s*(\d{1,2})月")
MONTH_PARTS = {(1, 3): "一季度", (4, 6): "二季度", (7, 9): "三季度", (10, 12): "四季度", (1, 6): "上半年",
               (7, 12): "下半年", (1, 12): "全年"}


def year_of(period_label, deadline) -> str:
    """The year a target is for: the first year its period names (the last of a plan's years,
    2021-2025年 -> 2025), else its deadline's."""
    for value in (period_label, deadline):
        if not is_missing(value):
            plan = PLAN.search(str(value))
            if plan:
                return plan.group(2)
            found = YEAR.search(str(value))
            if found:
                return found.group()
    return ""


def period_part(period_label) -> str:
    """全年, 上半年, 一季度 ... of a period label ('2025年上半年' -> '上半年', '2025年1-3月' -> '一季度');
    a plan of several years or another span by its own words (2021-2025年, 1-5月)."""
    text = "" if is_missing(period_label) else str(period_label)
    if PLAN.search(text):
        return text
    for part in PERIOD_PARTS[1:]:
        if part in text:
            return part
    quarter = re.search(r"第?([一二三四1-4])季度", text)
    if quarter:
        return "一二三四"["一二三四1234".index(quarter.group(1)) % 4] + "季度"
    months = MONTH_RANGE.search(text)
    if months:
        span = (int(months.group(1)), int(months.group(2)))
        return MONTH_PARTS.get(span, months.group())
    return "全年"


def indicator_key(row) -> str:
    return "|".join("" if is_missing(row.get(c)) else str(row.get(c)) for c in SERIES)


# the ledger's columns the pages read: a rerun copies the rows of a period, so the rest stay out
PAGE_COLUMNS = ("target_id", "region", "region_label", "province", "city", "county", "indicator_label", "measure",
                "object", "size_class", "unit", "period_label", "deadline", "target_value", "latest_value",
                "latest_as_of", "progress", "status", "doc", "sentence")


def prepared(targets: pd.DataFrame) -> pd.DataFrame:
    """The ledger's targets with the columns the pages group by: year, part of the year, the
    indicator without region and period, and the sidebar's county key (city/county)."""
    if targets.empty:
        return targets.assign(year=[], part=[], series=[], county_key=[])
    targets = targets[[c for c in PAGE_COLUMNS if c in targets]]
    records = targets.to_dict("records")
    # categories: a rerun compares these on every target, as small integers rather than strings
    return targets.assign(
        year=pd.Categorical([year_of(r.get("period_label"), r.get("deadline")) for r in records]),
        part=pd.Categorical([period_part(r.get("period_label")) for r in records]),
        series=pd.Categorical([indicator_key(r) for r in records]),
        county_key=[f"{r.get('city') or r.get('province') or ''}/{r['county']}" if not is_missing(r.get("county"))
                    else None for r in records],
    )


def in_filters(targets: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The targets in the places the sidebar picks (provinces, cities, counties)."""
    keep = pd.Series(True, index=targets.index)
    if filters.province:
        keep &= targets["province"].isin(filters.province)
    if filters.city:
        keep &= targets["city"].isin(filters.city)
    if filters.county:
        keep &= targets["county_key"].isin(filters.county)
    return targets[keep]


def periods(targets: pd.DataFrame) -> dict[str, list[str]]:
    """Year -> the parts of it the ledger has targets for (全年 first), newest year first."""
    pairs = targets[["year", "part"]].value_counts().reset_index()
    pairs = pairs[pairs["year"] != ""]
    found: dict[str, set[str]] = {}
    for year, part in zip(pairs["year"], pairs["part"]):
        found.setdefault(year, set()).add(part)
    return {year: [p for p in PERIOD_PARTS if p in found[year]] + sorted(found[year] - set(PERIOD_PARTS))
            for year in sorted(found, reverse=True)}


def default_year(targets: pd.DataFrame) -> str:
    """The newest year with a target that has a result, else the newest year."""
    year = targets["year"]
    reported = year[targets["latest_value"].notna().to_numpy() & (year != "").to_numpy()]
    years = sorted(set((reported if len(reported) else year[year != ""]).unique().tolist()), reverse=True)
    return years[0] if years else ""


def in_period(targets: pd.DataFrame, year: str, part: str | None) -> pd.DataFrame:
    chosen = targets["year"] == year
    if part:
        chosen &= targets["part"] == part
    return targets[chosen]


def status_counts(targets: pd.DataFrame) -> dict[str, int]:
    counts = targets["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in STATUS_ORDER}


def value_text(value, unit, lang: str = "zh") -> str:
    """A target or result as the analyst reads it: 50亿元, 3,000万美元, 12个项目 (12 projects)."""
    from extract.ledger import label

    if is_missing(value):
        return ""
    unit = "" if is_missing(unit) else str(unit)
    if unit in MONEY_UNITS:
        return scaled(float(value), MONEY_UNITS[unit])
    count = plain_number(float(value), 0)
    if lang == "en":
        return f"{count} {label(unit, 'en').lower()}".strip()
    return f"{count}个{label(unit)}" if unit else count


def indicator_text(row, lang: str = "zh") -> str:
    """The indicator in the reader's language, its currency in words: 签约10亿元以上项目, 计划投资（元）,
    Signed 1 billion+ projects (the ledger's indicator_label is Chinese and names currencies by code)."""
    from extract.ledger import label

    unit = row.get("unit")
    counted = unit in ("projects", "enterprises")
    parts = ("measure", "size_class", "object") if counted else ("measure",)
    # a part the words did not tell is left out; a measure they did not tell is said so, once
    words = [label(row.get(c), lang) for c in parts if not is_missing(row.get(c)) and row.get(c) != ""]
    unknown = is_missing(row.get("measure")) or row.get("measure") == ""
    if lang == "en":
        text = " ".join(words) or "Amount"
        text = text if counted else f"{text} ({unit})"
        return f"{text} (measure unknown)" if unknown else text
    text = "".join(words) or "金额"
    text = text if counted else f"{text}（{MONEY_UNITS.get(unit, unit)}）"
    return f"{text}（环节未识别）" if unknown else text


def percent(progress) -> str:
    """0.65 -> '65%', 1.234 -> '123%'; '' without a progress."""
    if is_missing(progress):
        return ""
    return f"{float(progress) * 100:.0f}%"


def indicators(targets: pd.DataFrame, lang: str = "zh") -> list[tuple[str, str]]:
    """(series, label) of the indicators with targets: those with the most districts reporting a
    result first, then those with the most districts."""
    if targets.empty:
        return []
    counted = targets.assign(_reported=targets["region"].where(targets["latest_value"].notna())).groupby(
        "series", observed=True).agg(reported=("_reported", "nunique"), region=("region", "nunique")).reset_index()
    counted = counted.sort_values(["reported", "region", "series"], ascending=[False, False, True])
    first = targets.drop_duplicates("series").set_index("series")
    return [(series, indicator_text(first.loc[series].to_dict(), lang)) for series in counted["series"]]


def progress_by_district(targets: pd.DataFrame, series: str) -> pd.DataFrame:
    """One indicator: per district, the target, the latest result, its progress and status (columns
    region_label, target_value, latest_value, progress, status, unit, deadline, period_label),
    the furthest ahead first. A district with several targets of the indicator in the period keeps
    the one due last (the period's own target, not an interim one)."""
    rows = targets[targets["series"] == series]
    if rows.empty:
        return rows
    rows = rows.sort_values(["region_label", "deadline"], na_position="first").groupby(
        "region_label", sort=False).tail(1)
    return rows.sort_values("progress", ascending=False, na_position="last")


def compare(targets: pd.DataFrame, series: str, regions: Sequence[str]) -> pd.DataFrame:
    """Target against achieved, side by side, for the chosen districts (region_label) on one indicator."""
    shown = progress_by_district(targets, series)
    return shown[shown["region_label"].isin(regions)]


GLOSS = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]+\)")


def plain_region(label) -> str:
    """A region's name (or a title) without the pinyin glosses some sites write after hard
    characters (啟東經(jīng)濟(jì)開發(fā)區 -> 啟東經濟開發區)."""
    return "" if is_missing(label) else GLOSS.sub("", str(label))


def ranking(targets: pd.DataFrame) -> pd.DataFrame:
    """Per district: targets, how many achieved, the share achieved (%) and the median 完成率 of
    those with a result; the best median first, then the best share."""
    grouped = targets.groupby("region_label", dropna=False).agg(
        targets=("status", "size"), achieved=("status", lambda s: int((s == "achieved").sum())),
        median_progress=("progress", "median")).reset_index()
    grouped["share"] = grouped["achieved"] / grouped["targets"] * 100
    return grouped.sort_values(["median_progress", "share", "region_label"], ascending=[False, False, True],
                               na_position="last")
