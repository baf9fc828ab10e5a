"""The editable figure table and how its edits become store corrections (set, delete, add).

Streamlit keeps a data editor's edits as {"edited_rows": {row: {column: value}}, "added_rows":
[{column: value}], "deleted_rows": [row]}; `save` turns each into one store call. An added row
must quote its figure from the article: the quote is looked up in the text to anchor it.
"""
from __future__ import annotations

import hashlib
import math
from typing import Any, Callable

import pandas as pd
import streamlit as st

from extract.dashboard.formatting import format_figures
from extract.context.metric import METRICS, STAGES
from extract.record import QUALIFIERS, STRENGTHS

AUTHOR = "dashboard"
IDS_KEY = "fig_editor_ids"
GENERATION_KEY = "fig_editor_generation"

EDITABLE = ("kind", "value", "value_max", "unit", "qualifier", "is_target", "strength", "metric", "stage",
            "deadline", "province", "city", "county")
ANCHOR = ("doc", "text")          # where a figure stands: set once, when a row is added
READ_ONLY = ["shown", "sentence"]
COLUMN_ORDER = ["delete", "shown", "doc", "text", *EDITABLE, "sentence"]
OPTIONAL_ON_ADD = ("value_max", "qualifier", "is_target", "strength", "metric", "stage", "deadline",
                   "province", "city", "county")


def editor_key(figure_ids: list[str]) -> str:
    """The editor's key: new after each save (the editor starts clean on the stored data) and for
    each different table, because Streamlit keeps edits by row position: kept across a filter
    change they would land on other figures."""
    rows = hashlib.sha1("\n".join(figure_ids).encode("utf-8")).hexdigest()[:12]
    return f"fig_editor_{st.session_state.get(GENERATION_KEY, 0)}_{rows}"


def editor_frame(rows: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame({
        "delete": [False] * len(rows),
        "shown": format_figures(rows),
    })
    for column in (*ANCHOR, *EDITABLE, "sentence"):
        frame[column] = rows[column].to_numpy() if column in rows else None
    frame["is_target"] = frame["is_target"].astype("boolean")
    for column in ("value", "value_max"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    return frame


def column_config(T: Callable[..., str], doc_names: list[str]) -> dict:
    return {
        "delete": st.column_config.CheckboxColumn(T("delete"), default=False, width="small"),
        "shown": st.column_config.TextColumn(T("value_fmt")),
        "doc": st.column_config.SelectboxColumn(T("document"), options=sorted(set(doc_names))),
        "text": st.column_config.TextColumn(T("quote")),
        "kind": st.column_config.SelectboxColumn(T("kind"), options=["money", "count"]),
        "value": st.column_config.NumberColumn(T("raw_value"), format="%.0f"),
        "value_max": st.column_config.NumberColumn(T("value_max"), format="%.0f"),
        "unit": st.column_config.TextColumn(T("unit")),
        "qualifier": st.column_config.SelectboxColumn(T("qualifier"), options=list(QUALIFIERS)),
        "is_target": st.column_config.CheckboxColumn(T("is_target")),
        "strength": st.column_config.SelectboxColumn(T("strength"), options=list(STRENGTHS)),
        "metric": st.column_config.SelectboxColumn(T("metric"), options=list(METRICS)),
        "stage": st.column_config.SelectboxColumn(T("stage"), options=list(STAGES)),
        "deadline": st.column_config.TextColumn(T("deadline"), help="YYYY-MM-DD"),
        "province": st.column_config.TextColumn(T("province")),
        "city": st.column_config.TextColumn(T("city")),
        "county": st.column_config.TextColumn(T("county")),
        "sentence": st.column_config.TextColumn(T("sentence"), width="large"),
    }


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def _added_record(row: dict, raw: str, T) -> dict:
    quote = (row.get("text") or "").strip()
    start = raw.find(quote)
    if start < 0:
        raise ValueError(T("add_text_missing", doc=row.get("doc"), text=quote))
    kind = row.get("kind") or "money"
    record = {"start": start, "end": start + len(quote), "text": quote, "kind": kind,
              "value": row.get("value"), "unit": row.get("unit") or ("元" if kind == "money" else "个")}
    record.update({k: row[k] for k in OPTIONAL_ON_ADD if not _blank(row.get(k))})
    return record


def apply_edits(store, edits: dict, figure_ids: list[str], documents: pd.DataFrame, T) -> tuple[int, list[str]]:
    """Write the editor's edits to the store; (number written, messages for what could not be)."""
    done, problems = 0, []
    deleted = set(edits.get("deleted_rows", []))
    for position, changes in edits.get("edited_rows", {}).items():
        position = int(position)
        if position >= len(figure_ids):
            continue
        figure_id = figure_ids[position]
        if changes.get("delete"):
            deleted.add(position)
            continue
        for column, value in changes.items():
            if column not in EDITABLE:
                continue
            try:
                store.correct(figure_id, column, None if _blank(value) else value, author=AUTHOR)
                done += 1
            except ValueError as error:
                problems.append(T("bad_value", field=column, value=error))
    for position in sorted(deleted):
        if position < len(figure_ids):
            store.delete(figure_ids[position], author=AUTHOR)
            done += 1
    doc_ids = dict(zip(documents["name"], documents["doc_id"]))
    for row in edits.get("added_rows", []):
        if _blank(row.get("doc")) or _blank(row.get("text")) or _blank(row.get("value")):
            problems.append(T("add_needs_doc"))
            continue
        try:
            doc_id = doc_ids[row["doc"]]
            store.add_figure(doc_id, _added_record(row, store.document_text(doc_id), T), author=AUTHOR)
            done += 1
        except (KeyError, ValueError) as error:
            problems.append(str(error))
    return done, problems


def save(store, documents: pd.DataFrame, T) -> None:
    """The save button's callback: write, then start a fresh editor (the next run sees the new data)."""
    figure_ids = st.session_state.get(IDS_KEY, [])
    edits = st.session_state.get(editor_key(figure_ids)) or {}
    done, problems = apply_edits(store, edits, figure_ids, documents, T)
    st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1
    message = T("saved", n=done) + ("".join(f"\n\n{p}" for p in problems) if problems else "")
    st.session_state["fig_flash"] = ("error" if problems else "ok", message)
