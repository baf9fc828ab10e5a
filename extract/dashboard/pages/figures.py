"""Figures: the filtered table (editable: corrections go to the store), each figure's provenance,
and the downloads of the whole filtered set."""
import html

import streamlit as st

from extract.dashboard import corrections, downloads, ui
from extract.dashboard.formatting import (escape_markdown, format_figure, format_figures, highlight_sentence,
                                          highlight_spans, is_missing, text_block)
from extract.dashboard.ui import T

MAX_ROWS = 2000     # rows drawn in the browser; the downloads carry every filtered row



def _region_key(row) -> str:
    """The row's region as the filters key it (city/county, or the city or province alone)."""
    city, province, county = (None if is_missing(row[c]) else row[c] for c in ("city", "province", "county"))
    if county:
        return f"{city or province or ''}/{county}"
    return city or province or ""


filters = ui.current_filters()
store = ui.store()
st.title(T("page_figures"))

table = ui.cached("figure_table", filters, MAX_ROWS)    # the number of figures, and those drawn
total = table["total"]
csv_col, xlsx_col, _ = st.columns([1, 1, 4])
downloads.buttons(csv_col, xlsx_col, filters, total)

flash = st.session_state.pop("fig_flash", None)
if flash:
    kind, message = flash
    (st.success if kind == "ok" else st.error)(escape_markdown(message))

rows = table["rows"]
documents = ui.documents()
doc_names = documents["name"].tolist()
if rows.empty:
    st.info(T("no_data"))
else:
    if total > len(rows):
        st.caption(T("shown_rows", shown=len(rows), total=total))
st.subheader(T("table"))
st.caption(T("corrections_help"))
frame = corrections.editor_frame(rows)
figure_ids = rows["figure_id"].tolist()
editor_key = corrections.editor_key(figure_ids)
st.session_state[corrections.IDS_KEY] = figure_ids
st.data_editor(
    frame, key=editor_key, num_rows="dynamic", hide_index=True, width="stretch", height=460,
    column_order=corrections.COLUMN_ORDER,
    disabled=corrections.READ_ONLY,
    column_config=corrections.column_config(T, doc_names),
)
st.button(T("save_corrections"), type="primary", key="fig_save", on_click=corrections.save,
          args=(store, documents, T))

st.subheader(T("provenance"))
if rows.empty:
    st.stop()
labels = [f"{shown} · {doc} · {quote}"
          for shown, doc, quote in zip(format_figures(rows), rows["doc"].tolist(), rows["text"].tolist())]
picked = st.selectbox(T("pick_figure"), range(len(rows)), key="fig_pick", format_func=labels.__getitem__)
row = rows.iloc[picked]
shown = format_figure(row["kind"], row["value"], row["value_max"], row["currency"], row["unit"], row["qualifier"])
where = " · ".join(str(v) for v in (row["doc"], row["doc_date"], ui.region_label(_region_key(row)))
                   if not is_missing(v))
st.html(f"<p><b>{html.escape(shown)}</b> &nbsp; {html.escape(where)}</p>"
        + text_block(highlight_sentence(row["sentence"] or "", int(row["sentence_start"] or 0),
                                        int(row["start"]), int(row["end"]))))
with st.expander(T("whole_document")):
    spans = ui.cached("document_figures", row["doc_id"])
    raw = store.document_text(row["doc_id"])
    st.html(text_block(highlight_spans(raw, zip(spans["start"], spans["end"]))))
