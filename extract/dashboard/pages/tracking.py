"""目标跟踪: what falls due soon, what is past its deadline unmet, every deadline on one timeline,
and the districts ranked by the share of their targets achieved; each table downloads as CSV
(UTF-8 with BOM) and Excel. Read from the target ledger (extract.ledger) as of the date picked
here (default today); the sidebar's places apply."""
from __future__ import annotations

import io
from datetime import date, timedelta

import pandas as pd
import streamlit as st

from extract.dashboard import ledger_views as lv, ui
from extract.dashboard.i18n import code_label
from extract.dashboard.tracking_charts import deadline_timeline, ranking_bars
from extract.dashboard.ui import T

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OPEN = ("on_pace", "behind_pace", "no_report")      # statuses of a target still running
LATE = ("period_over", "missed")


def readable(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The targets as the analyst reads them (and downloads them): labels, 亿元, 65%, dates in words."""
    return pd.DataFrame({
        T("status"): [code_label("status", s, lang) for s in rows["status"]],
        T("region"): [lv.plain_region(r) for r in rows["region_label"]],
        T("indicator"): [lv.indicator_text(r, lang) for r in rows.to_dict("records")],
        T("period"): rows["period_label"].tolist(),
        T("target_value"): [lv.value_text(v, u, lang) for v, u in zip(rows["target_value"], rows["unit"])],
        T("latest_value"): [lv.value_text(v, u, lang) for v, u in zip(rows["latest_value"], rows["unit"])],
        T("latest_as_of"): [ui.date_text(d) for d in rows["latest_as_of"]],
        T("completion_rate"): [lv.percent(p) for p in rows["progress"]],
        T("deadline"): [ui.date_text(d) for d in rows["deadline"]],
        T("sentence"): rows["sentence"].tolist(),
        T("document"): rows["doc"].tolist(),
    })


def xlsx_bytes(table: pd.DataFrame) -> bytes:
    """The readable table as one sheet (the store's export_xlsx writes figures, not ledger rows)."""
    buffer = io.BytesIO()
    table.to_excel(buffer, index=False, sheet_name=T("page_tracking")[:31], engine="openpyxl")
    return buffer.getvalue()


def downloads(name: str, table: pd.DataFrame, as_of: date) -> None:
    from extract.store import export_csv

    left, right, _ = st.columns([1, 1, 4])
    stem = f"tracking-{name}-{as_of.isoformat()}"
    left.download_button(T("download_csv"), data=export_csv(table), file_name=f"{stem}.csv", mime=CSV_MIME,
                         key=f"trk_{name}_csv", on_click="ignore", icon=":material/download:", disabled=table.empty)
    right.download_button(T("download_xlsx"), data=xlsx_bytes(table), file_name=f"{stem}.xlsx", mime=XLSX_MIME,
                          key=f"trk_{name}_xlsx", on_click="ignore", icon=":material/download:",
                          disabled=table.empty)


def show_table(name: str, rows: pd.DataFrame, as_of: date, lang: str) -> None:
    table = readable(rows, lang)
    colours = {code_label("status", s, lang): c for s, c in lv.STATUS_COLOURS.items()}
    st.dataframe(table.style.map(lambda v: f"background-color: {colours[v]}; color: white" if v in colours else "",
                                 subset=[T("status")]), hide_index=True, width="stretch", key=f"trk_{name}_table")
    downloads(name, table, as_of)


filters = ui.current_filters()
lang = ui.lang()
st.title(T("page_tracking"))
st.caption(T("ledger_intro"))
left, middle, _ = st.columns([1, 1, 2])
as_of = left.date_input(T("as_of"), value=date.today(), key="trk_as_of", format="YYYY/MM/DD",
                        min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
within = int(middle.number_input(T("due_within"), min_value=1, max_value=3650, value=90, step=30,
                                 key="trk_within"))
_, targets = ui.ledger(as_of)
tracked = lv.in_filters(targets, filters)
if tracked.empty:
    st.info(T("no_targets"))
    st.stop()
by_status = {s: i for i, s in enumerate(lv.STATUS_ORDER)}
tracked = tracked.assign(_order=tracked["status"].map(by_status)).sort_values(
    ["region_label", "_order", "deadline"], na_position="last")
deadlines = pd.to_datetime(tracked["deadline"].astype("string").str[:10], errors="coerce")

st.subheader(T("due_soon", n=within))
soon = tracked[tracked["status"].isin(OPEN) & (deadlines >= pd.Timestamp(as_of))
               & (deadlines <= pd.Timestamp(as_of + timedelta(days=within)))]
if soon.empty:
    st.info(T("none_due"))
else:
    show_table("due_soon", soon, as_of, lang)

st.subheader(T("overdue"))
late = tracked[tracked["status"].isin(LATE)]
if late.empty:
    st.info(T("none_overdue"))
else:
    show_table("overdue", late, as_of, lang)

st.subheader(T("deadline_timeline"))
dated = tracked[deadlines.notna()]
if dated.empty:
    st.info(T("no_deadlines"))
else:
    points = pd.DataFrame({
        "region": [lv.plain_region(r) for r in dated["region_label"]],
        "deadline": deadlines[deadlines.notna()].dt.strftime("%Y-%m-%d").tolist(),
        "status": dated["status"].tolist(),
        "target": [f"{lv.indicator_text(r, lang)} {lv.value_text(r['target_value'], r['unit'], lang)}"
                   for r in dated.to_dict("records")],
    })
    st.plotly_chart(deadline_timeline(points, {s: code_label("status", s, lang) for s in lv.STATUS_ORDER},
                                      T("region"), T("deadline"), lang),
                    key="trk_timeline", width="stretch")

st.subheader(T("ranking"))
ranking = lv.ranking(tracked)
st.plotly_chart(ranking_bars(ranking.assign(region=[lv.plain_region(r) for r in ranking["region_label"]]),
                             T("median_rate"), T("region"), T("achieved_n")),
                key="trk_ranking_bars", width="stretch")
table = pd.DataFrame({T("region"): [lv.plain_region(r) for r in ranking["region_label"]],
                      T("targets"): ranking["targets"], T("achieved_n"): ranking["achieved"],
                      T("share_achieved"): [f"{s:.0f}%" for s in ranking["share"]],
                      T("median_rate"): [lv.percent(p) for p in ranking["median_progress"]]})
st.dataframe(table, hide_index=True, width="stretch", key="trk_ranking_table")
downloads("ranking", table, as_of)
