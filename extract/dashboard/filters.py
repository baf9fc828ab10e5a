"""The filter state: one value object, its URL form (so a link reproduces a view) and its SQL.

Counties are keyed as "city/county" (南通市/海门区) because county names repeat across cities
(鼓楼区 is in Nanjing and in Xuzhou); a bare name would silently add two places together.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any, Mapping, Optional

KINDS = ("all", "money", "count")
TARGETS = ("all", "target", "fact")
STRENGTHS = ("all", "hard", "soft")

LIST_FIELDS = ("province", "city", "county", "metric", "stage")
CHOICE_FIELDS = {"kind": KINDS, "target": TARGETS, "strength": STRENGTHS}
DATE_FIELDS = ("deadline_from", "deadline_to", "doc_from", "doc_to")

# SQL expression of each region level's key, shared by filters, charts and the map
COUNTY_KEY = "(coalesce(city, province, '') || '/' || county)"

# The columns the filters and queries read besides the view's own, as expressions on the view.
# The dashboard's snapshot (extract.dashboard.snapshot) stores them once per refresh, so a rerun
# computes none of them per row: the region, metric and stage names as ENUMs (a comparison or a
# GROUP BY on small integers), a document number instead of its id, the two dates as DATEs.
DERIVED = {
    "_province": "province",
    "_city": "city",
    "_county": "county",
    "_county_key": COUNTY_KEY,          # NULL without a county
    "_metric": "metric",
    "_stage": "stage",
    "_kind": "kind",
    "_strength": "strength",
    # what the amounts add (see extract.dashboard.queries), and the counts
    "_amount": "CASE WHEN kind = 'money' AND currency = 'CNY' AND coalesce(role, '') <> 'threshold' THEN value END",
    "_count": "CASE WHEN kind = 'count' THEN value END",
    "_doc": "doc_id",                   # the snapshot numbers the documents 1, 2, ...
    # dates are ISO strings in the store; their first ten characters as a date, NULL if not a day
    "_deadline": "TRY_CAST(left(deadline, 10) AS DATE)",
    "_doc_date": "TRY_CAST(left(doc_date, 10) AS DATE)",
}
# the derived columns the snapshot stores as ENUMs: each the same value as the view's column, or NULL
ENUM_COLUMNS = ("_province", "_city", "_county", "_county_key", "_metric", "_stage", "_kind", "_strength")


@dataclass(frozen=True)
class Filters:
    province: tuple[str, ...] = ()
    city: tuple[str, ...] = ()
    county: tuple[str, ...] = ()          # "city/county" keys
    metric: tuple[str, ...] = ()
    stage: tuple[str, ...] = ()
    kind: str = "all"
    target: str = "all"
    strength: str = "all"
    deadline_from: Optional[date] = None
    deadline_to: Optional[date] = None
    doc_from: Optional[date] = None
    doc_to: Optional[date] = None
    search: str = ""

    # -- URL --------------------------------------------------------------------------------
    def to_query_params(self) -> dict[str, Any]:
        """Only what differs from the default, so a plain link stays plain."""
        params: dict[str, Any] = {}
        for name in LIST_FIELDS:
            values = getattr(self, name)
            if values:
                params[name] = list(values)
        for name in CHOICE_FIELDS:
            if getattr(self, name) != "all":
                params[name] = getattr(self, name)
        for name in DATE_FIELDS:
            value = getattr(self, name)
            if value is not None:
                params[name] = value.isoformat()
        if self.search.strip():
            params["q"] = self.search.strip()
        return params

    @classmethod
    def from_query_params(cls, params: Any) -> "Filters":
        """Read `st.query_params` (or a dict of str / list[str]); values that do not parse are dropped."""
        def get_all(name: str) -> list[str]:
            if hasattr(params, "get_all"):
                return [v for v in params.get_all(name) if v]
            value = params.get(name) if isinstance(params, Mapping) else None
            if value is None:
                return []
            return [v for v in ([value] if isinstance(value, str) else list(value)) if v]

        values: dict[str, Any] = {}
        for name in LIST_FIELDS:
            values[name] = tuple(dict.fromkeys(get_all(name)))
        for name, allowed in CHOICE_FIELDS.items():
            chosen = get_all(name)
            if chosen and chosen[-1] in allowed:
                values[name] = chosen[-1]
        for name in DATE_FIELDS:
            chosen = get_all(name)
            if chosen:
                try:
                    values[name] = date.fromisoformat(chosen[-1])
                except ValueError:
                    pass
        search = get_all("q")
        if search:
            values["search"] = search[-1]
        return cls(**values)

    def without(self, *names: str) -> "Filters":
        """The same filter with some fields back at their default (for cascading option lists)."""
        defaults = {f.name: f.default for f in fields(self)}
        return replace(self, **{n: defaults[n] for n in names})

    def is_default(self) -> bool:
        return not self.to_query_params()

    # -- SQL --------------------------------------------------------------------------------
    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause and its parameters, on `effective_figures` with the DERIVED columns."""
        clauses: list[str] = []
        params: list[Any] = []

        def any_of(expression: str, values: tuple[str, ...]) -> None:
            if values:
                clauses.append(f"{expression} IN ({', '.join('?' * len(values))})")
                params.extend(values)

        any_of("_province", self.province)
        any_of("_city", self.city)
        any_of("_county_key", self.county)
        any_of("_metric", self.metric)
        any_of("_stage", self.stage)
        if self.kind != "all":
            clauses.append("_kind = ?")
            params.append(self.kind)
        if self.target == "target":
            clauses.append("is_target IS TRUE")
        elif self.target == "fact":
            clauses.append("is_target IS FALSE")
        if self.strength != "all":
            clauses.append("_strength = ?")
            params.append(self.strength)
        # a date that is not a day (unknown, or "2024-02") is in no range
        for column, low, high in (("_deadline", self.deadline_from, self.deadline_to),
                                  ("_doc_date", self.doc_from, self.doc_to)):
            if low is not None:
                clauses.append(f"{column} >= ?")
                params.append(low)
            if high is not None:
                clauses.append(f"{column} <= ?")
                params.append(high)
        search, words = self.search_where()
        if search:
            clauses.append(search)
            params.extend(words)
        return (" AND ".join(clauses) or "TRUE"), params

    def search_where(self) -> tuple[str, list[Any]]:
        """The text search's part of where() ('' without one): the costly part, as it reads every
        figure's sentence."""
        if not self.search.strip():
            return "", []
        return ("(contains(coalesce(sentence, ''), ?) OR contains(coalesce(doc, ''), ?)"
                " OR contains(coalesce(metric_text, ''), ?) OR contains(coalesce(region, ''), ?))",
                [self.search.strip()] * 4)
