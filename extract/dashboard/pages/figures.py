"""Figures, as Datasette shows a table: facet counts, a sortable table in words (labels for every
code, amounts in 亿元/万元, a column telling a class threshold from an amount, article titles),
each edit stored as it is made (extract.dashboard.corrections), with undo and each figure's
history; its provenance; the downloads of the whole filtered set."""
import html

import pandas as pd
import streamlit as st

from extract.dashboard import corrections, downloads, ui
from extract.dashboard.formatting import (escape_markdown, format_figure, highlight_sentence, highlight_spans,
                                          is_missing, text_block)
from extract.dashboard.i18n import code_label
from extract.dashboard.ui import T

MAX_ROWS = 2000     # rows drawn in the browser; the downloads carry every filtered row
FACETS = ("region", "year", "metric", "is_target")


def _region_key(row) -> str:
    """The row's region as the filters key it (city/county, or the city or province alone)."""
    city, province, county = (None if is_missing(row[c]) else row[c] for c in ("city", "province", "county"))
    if county:
        return f"{city or province or ''}/{county}"
    return city or province or ""


def _facet_label(name: str, value: str) -> str:
    if name == "region":
        return ui.region_label(value)
    if name == "metric":
        return ui.stack_label(value)
    if name == "is_target":
        return code_label("is_target", value, ui.lang()) or T("unlabelled")
    return value or T("unlabelled")


filters = ui.current_filters()
store = ui.store()
lang = ui.lang()
st.title(T("page_figures"))

table = ui.cached("figure_table", filters, MAX_ROWS)    # the number of figures, and those drawn
total = table["total"]
csv_col, xlsx_col, _ = st.columns([1, 1, 4])
downloads.buttons(csv_col, xlsx_col, filters, total)

facets = ui.cached("facets", filters)
for column, name in zip(st.columns(len(FACETS)), FACETS):
    counts = facets[name]
    column.dataframe(pd.DataFrame({T(f"facet_{name}"): [_facet_label(name, v) for v in counts["value"]],
                                   T("count_n"): counts["n"]}),
                     hide_index=True, height=180, width="stretch", key=f"fig_facet_{name}")

rows = table["rows"]
documents = ui.documents()
titles = dict(zip(documents["doc_id"], documents["title"]))
st.subheader(T("table"))
if rows.empty:
    st.info(T("no_data"))
elif total > len(rows):
    st.caption(T("shown_rows", shown=len(rows), total=total))
st.caption(T("corrections_help"))
frame = corrections.editor_frame(rows, lang, titles)
editor_key = corrections.editor_key(rows["figure_id"].tolist())
corrections.remember_rows(editor_key, rows)
provinces = sorted({p for p in ui.cached("options", filters.without("province", "city", "county"), "province")})
regions = corrections.region_options(provinces, frame["region"].tolist())
# the editor's callback has stored its edits already; this catches edits its state holds that no
# callback saw (a state set by a test, or restored)
corrections.apply_pending(store, editor_key, lang, provinces, T)
# kept until the next edit replaces it: a save is followed by a rerun (the editor gets the stored data)
flash = st.session_state.get(corrections.FLASH_KEY)
if flash:
    kind, message = flash
    (st.success if kind == "ok" else st.error)(escape_markdown(message))
st.data_editor(
    frame, key=editor_key, num_rows="fixed", hide_index=True, width="stretch", height=460, placeholder="—",
    column_order=corrections.COLUMN_ORDER,
    disabled=[c for c in frame.columns if c not in corrections.EDITABLE],
    column_config=corrections.column_config(T, lang, regions),
    on_change=corrections.apply_pending, args=(store, editor_key, lang, provinces, T),
)
history = st.session_state.get(corrections.HISTORY_KEY, [])
undo_column, history_column = st.columns([1, 4])
undo_column.button(T("undo"), key="fig_undo", on_click=corrections.undo, args=(store, T),
                   disabled=not any(not c.deleted for c in history), icon=":material/undo:")
if history:
    history_column.caption(T("session_history") + "：" + "；".join(c.label for c in history[-5:][::-1]))

with st.expander(T("add_figure")):
    with st.form("fig_add", clear_on_submit=True):
        doc_ids = documents["doc_id"].tolist()
        doc_id = st.selectbox(T("document"), doc_ids, format_func=titles.get, key="fig_add_doc",
                              placeholder=T("choose"))
        quote = st.text_input(T("quote"), key="fig_add_text", placeholder=T("quote_placeholder"))
        kind = st.radio(T("kind"), ("money", "count"), key="fig_add_kind", horizontal=True,
                        format_func=lambda k: code_label("kind", k, lang))
        number = st.number_input(T("number"), min_value=0.0, value=None, key="fig_add_number",
                                 help=T("number_help"), placeholder=T("number_placeholder"))
        if st.form_submit_button(T("add")):
            try:
                st.success(escape_markdown(corrections.add_figure(store, doc_id, quote, kind, number, T)))
            except ValueError as error:
                st.error(escape_markdown(str(error)))

st.subheader(T("provenance"))
if rows.empty:
    st.stop()
labels = [f"{shown} · {title} · {quote}" for shown, title, quote in
          zip(frame["shown"].tolist(), frame["title"].tolist(), rows["text"].tolist())]
picked = st.selectbox(T("pick_figure"), range(len(rows)), key="fig_pick", format_func=labels.__getitem__)
row = rows.iloc[picked]
shown = format_figure(row["kind"], row["value"], row["value_max"], row["currency"], row["unit"], row["qualifier"])
where = " · ".join(str(v) for v in (titles.get(row["doc_id"], row["doc"]), row["doc_date"],
                                    ui.region_label(_region_key(row))) if not is_missing(v))
st.html(f"<p><b>{html.escape(shown)}</b> &nbsp; {html.escape(where)}</p>"
        + text_block(highlight_sentence(row["sentence"] or "", int(row["sentence_start"] or 0),
                                        int(row["start"]), int(row["end"]))))
if row["corrected"]:
    log = store.corrections()
    mine = log[(log["doc_id"] == row["doc_id"]) & (log["anchor_start"] == row["start"])
               & (log["anchor_end"] == row["end"])]
    st.markdown(f"**{T('history')}**")
    st.dataframe(pd.DataFrame({
        T("when"): mine["created_at"].dt.strftime("%Y-%m-%d %H:%M"),
        T("who"): mine["author"],
        T("what"): [T("deleted_row", text=row["text"]) if a == "delete" else
                    (T("added_row") if a == "add" else corrections.change_text(f, v, T, lang))
                    for a, f, v in zip(mine["action"], mine["field"], mine["new_value"])],
    }), hide_index=True, key="fig_history_table")
with st.expander(T("whole_document")):
    spans = ui.cached("document_figures", row["doc_id"])
    raw = store.document_text(row["doc_id"])
    st.html(text_block(highlight_spans(raw, zip(spans["start"], spans["end"]))))
