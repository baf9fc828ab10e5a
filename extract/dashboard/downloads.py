"""Download buttons for the filtered figures (CSV with BOM, .xlsx), without rerunning the app.

Up to EAGER_ROWS rows the files are made while the page is drawn (cached per filter and data
version), so the button carries its bytes. A larger selection is made only when the button is
clicked (Streamlit's deferred download), so a filter change never waits for a 100k-row workbook.
"""
from __future__ import annotations

from datetime import date

import streamlit as st

from extract.dashboard import queries, ui
from extract.dashboard.filters import Filters

EAGER_ROWS = 20_000
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_bytes(directory: str, filters: Filters, fmt: str) -> bytes:
    from extract.store import export_csv, export_xlsx

    store = ui.store_for(directory)
    rows = queries.export_rows(ui.query_con(directory), filters)
    if fmt == "csv":
        return export_csv(rows)
    used = set(rows["doc_id"]) if "doc_id" in rows else set()
    documents = store.documents()
    if "doc_id" in documents:
        documents = documents[documents["doc_id"].isin(used)]
    return export_xlsx(rows, documents=documents)


@st.cache_data(max_entries=16, show_spinner=False)
def _cached_export(directory: str, version: tuple, filters: Filters, fmt: str) -> bytes:
    return export_bytes(directory, filters, fmt)


def file_stem(filters: Filters) -> str:
    return f"figures-{date.today().isoformat()}" + ("" if filters.is_default() else "-filtered")


def buttons(csv_column, xlsx_column, filters: Filters, total: int) -> None:
    directory, version = ui.data_dir(), ui.data_version()
    stem = file_stem(filters)
    for column, fmt, mime, label in ((csv_column, "csv", CSV_MIME, "download_csv"),
                                     (xlsx_column, "xlsx", XLSX_MIME, "download_xlsx")):
        if total <= EAGER_ROWS:
            data = _cached_export(directory, version, filters, fmt)
        else:
            def data(fmt=fmt):
                return export_bytes(directory, filters, fmt)
        column.download_button(ui.T(label), data=data, file_name=f"{stem}.{fmt}", mime=mime,
                               key=f"download_{fmt}", on_click="ignore", icon=":material/download:",
                               disabled=total == 0)
