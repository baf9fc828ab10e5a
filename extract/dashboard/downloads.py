"""Download buttons for the filtered figures (CSV with BOM, .xlsx), without rerunning the app.

Up to EAGER_ROWS rows the files are made while the page is drawn (cached per filter and data
version), so the button carries its bytes. A larger selection is made only when the button is
clicked (Streamlit's deferred download), so a filter change never waits for a large workbook
(openpyxl writes a few thousand rows a second).
"""
from __future__ import annotations

from datetime import date

import streamlit as st

from extract.dashboard import queries, ui
from extract.dashboard.filters import Filters

EAGER_ROWS = 2_000     # as many rows as the figure table draws
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_bytes(directory: str, version: tuple, filters: Filters, fmt: str) -> bytes:
    """The filtered figures as a file; runs outside a script run too (a deferred download)."""
    from extract.store import export_csv, export_xlsx

    rows = queries.export_rows(ui.query_con(directory), filters)
    if fmt == "csv":
        return export_csv(rows)
    documents = ui.documents_for(directory, version)
    return export_xlsx(rows, documents=documents[documents["doc_id"].isin(set(rows["doc_id"]))])


@st.cache_data(max_entries=16, show_spinner=False)
def _cached_export(directory: str, version: tuple, filters: Filters, fmt: str) -> bytes:
    return export_bytes(directory, version, filters, fmt)


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
                return export_bytes(directory, version, filters, fmt)
        column.download_button(ui.T(label), data=data, file_name=f"{stem}.{fmt}", mime=mime,
                               key=f"download_{fmt}", on_click="ignore", icon=":material/download:",
                               disabled=total == 0)
