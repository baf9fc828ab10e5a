"""The editable figure table and how its edits become store corrections, each stored as it is made.

Streamlit keeps a data editor's edits as {"edited_rows": {row: {column: value}}, ...}, cumulative
for the editor's life. Every change of the editor calls `apply_pending` before the next run, which
stores each edit not stored yet (a cell whose value differs from the one last stored for it), so
edits made in quick succession are each stored once, whatever runs Streamlit skips or merges. The
editor has a fixed number of rows and a key of its rows' ids: Streamlit then keeps its identity,
and the edits shown, when only values change (after a save), and starts it afresh for other rows.

A value the store cannot take (no number, a count of 0, a negative amount) is refused with a
message naming it, never dropped silently. Each stored edit goes on the session's history, from
which `undo` restores the value it replaced (a new correction: the store's log stays append-only).
Figures the rules missed are added through `add_figure` (an article and the words quoted from it).
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from typing import Any, Callable

import pandas as pd
import streamlit as st

from extract.context.metric import METRICS, STAGES
from extract.dashboard.formatting import format_figures, is_missing
from extract.dashboard.i18n import CODES, code_label
from extract.record import QUALIFIERS, STRENGTHS

AUTHOR = "dashboard"
IDS_KEY = "fig_editor_ids"
ROWS_KEY = "fig_editor_rows"
APPLIED_KEY = "fig_applied"
HISTORY_KEY = "fig_history"
FLASH_KEY = "fig_flash"
GENERATION_KEY = "fig_editor_generation"
WAN = 1e4          # amounts are edited in 万元: 3.6万元 is 3.6, 43.56亿元 is 435,600
REGION_FIELDS = ("province", "city", "county")
NO_REGION = "—"

# editor column -> the vocabulary its labels come from (the cell shows the label, the store the code)
CODED = {"metric": "metric", "stage": "stage", "qualifier": "qualifier", "strength": "strength", "role": "role"}
CODE_OPTIONS = {"metric": METRICS, "stage": STAGES, "qualifier": QUALIFIERS, "strength": STRENGTHS,
                "role": tuple(CODES["role"])}
EDITABLE = ("region", "is_target", "number", "qualifier", "role", "strength", "metric", "stage", "deadline", "delete")
COLUMN_ORDER = ["mark", "delete", "region", "shown", "number", "is_target", "kind_label", "role", "metric", "stage",
                "qualifier", "strength", "deadline", "title", "doc_date", "text", "sentence"]
# fixed pixel widths of the first columns (the rest size to their content); the browser test finds
# the columns by them
WIDTHS = {"mark": 40, "delete": 60, "region": 200, "shown": 110, "number": 120, "is_target": 70}


# -- region cells --------------------------------------------------------------------------------
def region_text(province, city, county) -> str:
    """'江苏省 / 南通市 / 海门区' (a municipality's city is its province, written once)."""
    parts = [p for p in (province, city, county) if not is_missing(p)]
    if len(parts) >= 2 and parts[0] == parts[1]:
        parts = parts[1:]
    return " / ".join(parts) if parts else NO_REGION


def region_options(provinces: list[str], present: list[str]) -> list[str]:
    """Every current unit of the provinces the figures name, as region cells, and the cells present."""
    return sorted(set(_units_of(tuple(sorted(provinces)))) | set(present))


_UNITS: dict[tuple, dict[str, tuple]] = {}


def _units_of(provinces: tuple[str, ...]) -> dict[str, tuple]:
    """region cell -> (province, city, county) for every current unit of `provinces` (cached)."""
    if provinces not in _UNITS:
        from extract.context.gazetteer import gazetteer, region_for

        units = {}
        for unit in gazetteer().units.values():
            if unit.ended is not None or unit.key.startswith("H:"):
                continue
            region = region_for(unit.key)
            if region.province in provinces:
                units[region_text(region.province, region.city, region.county)] = (
                    region.province, region.city, region.county)
        _UNITS[provinces] = units
    return _UNITS[provinces]


def region_fields(cell: str, provinces: list[str], rows: list[dict]) -> tuple:
    """(province, city, county) of a region cell: a unit of the gazetteer, or a region a row of the
    table already has (a unit the gazetteer does not list); ValueError for any other cell."""
    if cell in (None, "", NO_REGION):
        return (None, None, None)
    units = _units_of(tuple(sorted(provinces)))
    if cell in units:
        return units[cell]
    for row in rows:
        fields = tuple(None if is_missing(row.get(c)) else row.get(c) for c in REGION_FIELDS)
        if region_text(*fields) == cell:
            return fields
    raise ValueError(cell)


# -- the editor's frame ----------------------------------------------------------------------------
def editor_key(figure_ids: list[str]) -> str:
    """The editor's key: one per table of rows, because Streamlit keeps edits by row position: kept
    across a filter change they would land on other figures; and a new one after an undo, whose
    value the old editor's edits would otherwise still show."""
    rows = hashlib.sha1("\n".join(figure_ids).encode("utf-8")).hexdigest()[:12]
    return f"fig_editor_{st.session_state.get(GENERATION_KEY, 0)}_{rows}"


def number_shown(kind, value) -> float:
    """The editable number: an amount in 万元, a count as it is."""
    if is_missing(value):
        return math.nan
    return float(value) / WAN if kind == "money" else float(value)


def editor_frame(rows: pd.DataFrame, lang: str, titles: dict[str, str]) -> pd.DataFrame:
    def labels(column: str, vocabulary: str) -> list[str]:
        return [code_label(vocabulary, v, lang) for v in rows[column].tolist()]

    return pd.DataFrame({
        "mark": ["✎" if c else "" for c in rows["corrected"].fillna(False).tolist()],
        "delete": [False] * len(rows),
        "region": [region_text(*values) for values in zip(*(rows[c].tolist() for c in REGION_FIELDS))],
        "shown": format_figures(rows),
        "kind_label": labels("kind", "kind"),
        "role": [code_label("role", r if k == "money" else None, lang) or ("—" if k != "money" else
                                                                           code_label("role", "amount", lang))
                 for k, r in zip(rows["kind"].tolist(), rows["role"].tolist())],
        "is_target": rows["is_target"].astype("boolean"),
        **{column: labels(column, CODED[column]) for column in ("metric", "stage", "qualifier", "strength")},
        "deadline": [None if is_missing(d) else str(d) for d in rows["deadline"].tolist()],
        "number": [number_shown(k, v) for k, v in zip(rows["kind"].tolist(), rows["value"].tolist())],
        "title": [titles.get(d, d) for d in rows["doc_id"].tolist()],
        "doc_date": rows["doc_date"].tolist(),
        "text": rows["text"].tolist(),
        "sentence": rows["sentence"].tolist(),
    })


def column_config(T: Callable[..., str], lang: str, regions: list[str]) -> dict:
    def choices(column: str) -> list[str]:
        return [code_label(CODED[column], code, lang) for code in CODE_OPTIONS[column]]

    cc = st.column_config
    return {
        "mark": cc.TextColumn("✎", help=T("corrected_help"), width=WIDTHS["mark"]),
        "delete": cc.CheckboxColumn(T("delete"), default=False, width=WIDTHS["delete"]),
        "region": cc.SelectboxColumn(T("region"), options=regions, help=T("region_help"), width=WIDTHS["region"]),
        "shown": cc.TextColumn(T("value_fmt"), width=WIDTHS["shown"]),
        "kind_label": cc.TextColumn(T("kind")),
        "role": cc.SelectboxColumn(T("role"), options=choices("role"), help=T("role_help")),
        "is_target": cc.CheckboxColumn(T("is_target"), help=T("is_target_help"), width=WIDTHS["is_target"]),
        "metric": cc.SelectboxColumn(T("metric"), options=choices("metric")),
        "stage": cc.SelectboxColumn(T("stage"), options=choices("stage")),
        "qualifier": cc.SelectboxColumn(T("qualifier"), options=choices("qualifier")),
        "strength": cc.SelectboxColumn(T("strength"), options=choices("strength")),
        "deadline": cc.TextColumn(T("deadline"), help="YYYY-MM-DD"),
        "number": cc.NumberColumn(T("number"), help=T("number_help"), format="localized", width=WIDTHS["number"]),
        "title": cc.TextColumn(T("document"), width="medium"),
        "doc_date": cc.TextColumn(T("doc_date")),
        "text": cc.TextColumn(T("quote")),
        "sentence": cc.TextColumn(T("sentence"), width="large"),
    }


# -- storing edits ----------------------------------------------------------------------------------
@dataclass
class Change:
    """One acknowledged edit: the figure, and per store field the value before and after."""
    figure_id: str
    label: str                                   # what the analyst sees in the history
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
    deleted: bool = False


def _code_of(column: str, label, lang: str):
    if label in (None, "", "—"):
        return None
    for code in CODE_OPTIONS[column]:
        if code_label(CODED[column], code, lang) == label:
            return code
    raise ValueError(label)


def _store_values(column: str, value, row: dict, lang: str, provinces: list[str], T,
                  rows: list[dict] = ()) -> dict[str, Any]:
    """The store fields an edited cell sets; ValueError with the analyst's message if it is refused."""
    if column == "region":
        try:
            return dict(zip(REGION_FIELDS, region_fields(value, provinces, rows)))
        except ValueError:
            raise ValueError(T("bad_region", value=value)) from None
    if column == "number":
        if value is None or (isinstance(value, float) and math.isnan(value)):
            raise ValueError(T("bad_number", value=""))
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError(T("bad_number", value=value)) from None
        if row["kind"] == "count":
            if number <= 0 or number != int(number):
                raise ValueError(T("bad_count", value=value))
            return {"value": int(number)}
        if not math.isfinite(number) or number <= 0:
            raise ValueError(T("bad_amount", value=value))
        return {"value": round(number * WAN, 4)}
    if column == "is_target":
        return {"is_target": bool(value)}
    if column == "deadline":
        return {"deadline": None if value in (None, "") else str(value).strip()}
    if column in CODED:
        try:
            return {column: _code_of(column, value, lang)}
        except ValueError:
            raise ValueError(T("bad_value", field=T(column), value=value)) from None
    raise ValueError(T("bad_value", field=column, value=value))


def _write(store, change: Change) -> None:
    if change.deleted:
        store.delete(change.figure_id, author=AUTHOR)
        return
    for name, value in change.after.items():
        if change.before.get(name) != value:
            store.correct(change.figure_id, name, value, author=AUTHOR)


def apply_pending(store, key: str, lang: str, provinces: list[str], T) -> None:
    """The editor's on_change: store every edit of editor `key` not stored yet."""
    edits = st.session_state.get(key) or {}
    rows: list[dict] = st.session_state.get(ROWS_KEY, {}).get(key, [])
    applied: dict = st.session_state.setdefault(APPLIED_KEY, {}).setdefault(key, {})
    history: list = st.session_state.setdefault(HISTORY_KEY, [])
    done, problems = 0, []
    for position, changes in edits.get("edited_rows", {}).items():
        position = int(position)
        if position >= len(rows):
            continue
        row = rows[position]
        for column, value in changes.items():
            if column not in EDITABLE or applied.get((position, column), "\0") == value:
                continue
            applied[(position, column)] = value
            if column == "delete":
                if not value:
                    continue
                change = Change(row["figure_id"], T("deleted_row", text=row["text"]), deleted=True)
            else:
                try:
                    after = _store_values(column, value, row, lang, provinces, T, rows)
                except ValueError as error:
                    problems.append(str(error))
                    continue
                before = {name: (None if is_missing(row.get(name)) else row.get(name)) for name in after}
                shown = (T("made_target") if value else T("made_result")) if column == "is_target" else value
                change = Change(row["figure_id"], f"{row['text']} · {T(column)}: {shown}", before, after)
            try:
                _write(store, change)
            except ValueError as error:      # the store's own checks (CorrectionError)
                problems.append(T("bad_value", field=T(column), value=error))
                continue
            history.append(change)
            done += 1
    if done or problems:
        message = T("saved", n=done) if done else ""
        st.session_state[FLASH_KEY] = ("error" if problems else "ok",
                                       "\n\n".join([m for m in (message, *problems) if m]))


def undo(store, T) -> None:
    """Restore what the session's last stored edit replaced (a deletion cannot be undone here)."""
    history: list = st.session_state.get(HISTORY_KEY, [])
    while history:
        change = history.pop()
        if change.deleted:
            continue
        for name, value in change.before.items():
            if change.after.get(name) != value:
                store.correct(change.figure_id, name, value, author=AUTHOR)
        # a fresh editor: the undone value must not stay in the old one's edits
        st.session_state[APPLIED_KEY] = {}
        st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1
        st.session_state[FLASH_KEY] = ("ok", T("undone", what=change.label))
        return


def remember_rows(key: str, rows: pd.DataFrame) -> None:
    """The rows behind editor `key`, for apply_pending (it runs before the page, in a callback)."""
    st.session_state[ROWS_KEY] = {key: rows.to_dict("records")}
    st.session_state[IDS_KEY] = rows["figure_id"].tolist()


def change_text(field_name: str, stored: str | None, T, lang: str) -> str:
    """A stored correction in words: '区县：启东市', '目标：是目标', '限定：约' (the store keeps JSON)."""
    import json

    value = None if stored is None else json.loads(stored)
    if field_name == "is_target":
        shown = T("made_target") if value else T("made_result")
    elif field_name in CODED:
        shown = code_label(CODED[field_name], value, lang)
    elif field_name == "value" and isinstance(value, (int, float)):
        shown = f"{value:,.0f}"
    else:
        shown = "—" if value in (None, "") else str(value)
    try:
        name = T(field_name)
    except KeyError:
        name = field_name
    return f"{name}：{shown}"


# -- adding a figure the rules missed ----------------------------------------------------------------
def add_figure(store, doc_id: str, quote: str, kind: str, number, T) -> str:
    """Store a figure quoted from the article; returns the message for the analyst."""
    quote = (quote or "").strip()
    if not doc_id or not quote:
        raise ValueError(T("add_needs_doc"))
    raw = store.document_text(doc_id)
    start = raw.find(quote)
    if start < 0:
        raise ValueError(T("add_text_missing", text=quote))
    value = _store_values("number", number, {"kind": kind}, "zh", [], T)["value"]
    record = {"start": start, "end": start + len(quote), "text": quote, "kind": kind, "value": value,
              "unit": "元" if kind == "money" else "个"}
    store.add_figure(doc_id, record, author=AUTHOR)
    return T("saved", n=1)
