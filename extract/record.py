"""The record contract: one row per figure, the same from extraction to download.

Every stage fills its own fields and leaves the others alone; the store, the dashboard and
every export read and write exactly these columns, in this order. Offsets (`start`, `end`,
`sentence_start`) index the ORIGINAL text, so `raw[start:end] == text` always holds.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Optional

KINDS = ("money", "count")
QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than")
COUNTED = ("项目", "企业")
ROLES = ("threshold", "amount")
STRENGTHS = ("hard", "soft")


@dataclass
class Figure:
    # -- where it stands (extraction core) --
    doc: str                      # document name (file name or the name given)
    start: int                    # offset of the first character in the raw text
    end: int                      # offset one past the last character in the raw text
    text: str                     # raw[start:end], as written (Traditional, glosses and all)
    sentence: str                 # the raw sentence holding the figure
    sentence_start: int           # raw offset of `sentence`, to highlight the figure inside it
    # -- what it is (extraction core) --
    kind: str                     # "money" | "count"
    value: float                  # money in base units of `currency` (元, dollar ...); counts as integers
    value_max: Optional[float]    # upper end of a range (3-5家 -> 5), else None
    currency: Optional[str]       # ISO 4217 for money, None for counts
    unit: str                     # the unit as written: 亿元, 万美元, 个, 家 ...
    qualifier: str                # one of QUALIFIERS
    counted: Optional[str]        # for counts: 项目 | 企业
    # -- context (filled by extract.context) --
    doc_date: Optional[str] = None          # ISO date the document was published
    doc_date_source: Optional[str] = None   # how the date was found: user | metadata | dateline | text
    region: Optional[str] = None            # canonical full name of the unit meant, as of the document: 江苏省南通市港闸区
    region_as_written: Optional[str] = None  # the name in the text (港闸, 海门市 ...)
    region_today: Optional[str] = None      # the same place's unit today: 江苏省南通市崇川区 (港闸 merged in 2020)
    province: Optional[str] = None          # province, city, county and adcode are today's, for grouping
    city: Optional[str] = None
    county: Optional[str] = None
    adcode: Optional[str] = None
    region_level: Optional[str] = None      # province | city | county
    region_source: Optional[str] = None     # heading | interview | dateline | subject | own_paper | document_default ...
    deadline: Optional[str] = None          # ISO date the target is due
    deadline_text: Optional[str] = None     # the words that set it (一季度, 年内, 到2025年 ...)
    is_annual: bool = False                 # a recurring goal (每年)
    is_target: Optional[bool] = None        # a goal or plan (True) vs a reported fact (False)
    strength: Optional[str] = None          # hard | soft, for targets
    metric: Optional[str] = None            # label from extract.context.metric's vocabulary
    stage: Optional[str] = None             # signed | started | completed | attracted ...
    metric_text: Optional[str] = None       # the words the metric and stage came from
    role: Optional[str] = None              # money only: threshold | amount
    group: Optional[int] = None             # figures that read as one target share a group id

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Figure))
