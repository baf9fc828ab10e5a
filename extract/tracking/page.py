"""Dashboard page 目标跟踪: which districts deliver what they promised, and by when.

Targets by region with their status colours, the targets due soon and those overdue, a timeline
of deadlines, districts ranked by the share of their targets met; every table downloads as CSV
(UTF-8 with BOM) and Excel. The sidebar's filters apply; the status is as of the date picked here
(default today). Registered in dashboard.py as a page file:

    st.Page("extract/tracking/page.py", title={"zh": "目标跟踪", "en": "Target tracking"}[ui.lang()], url_path="tracking")
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from extract.dashboard import ui
from extract.tracking import (due_soon, facts_from_figures, match_outcomes, overdue, region_ranking,
                              targets_from_figures)
from extract.tracking.charts import deadline_timeline, ranking_bars
from extract.tracking.export import (STATUS_COLOURS, STATUS_LABELS, STATUS_MARKS, readable_ranking,
                                     readable_targets, region_label, sources, target_text)
from extract.tracking.matching import STATUSES
from extract.tracking.summary import apply_filters

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHOWN_COLUMNS = ("状态", "地区（今）", "地区原文", "指标", "阶段", "目标", "门槛", "周期", "期限", "约束", "最新实绩",
                 "实绩周期", "进度（%）", "序时进度（%）", "剩余天数", "目标原文", "目标来源")

LABELS: dict[str, tuple[str, str]] = {
    "title": ("目标跟踪", "Target tracking"),
    "intro": ("每个目标与其后报道的实绩相匹配（同一地区、指标、阶段、项目门槛和周期），进度 = 实绩 ÷ 目标，"
              "序时进度 = 截至实绩日期已过去的时间比例。",
              "Each target is matched with the results reported later (same region, metric, stage, project "
              "threshold and period); progress = reported ÷ target, compared with the share of time gone."),
    "as_of": ("截至日期", "As of"),
    "within": ("即将到期（天内）", "Due within (days)"),
    "no_targets": ("当前筛选下没有目标。", "No targets match the current filters."),
    "by_region": ("各地区目标", "Targets by region"),
    "due_soon": ("即将到期（{n}天内）", "Due in the next {n} days"),
    "none_due": ("没有即将到期的未完成目标。", "No open target falls due in that time."),
    "overdue": ("已过期限未见完成", "Past the deadline, not shown met"),
    "none_overdue": ("没有过期未完成的目标。", "No target is past its deadline unmet."),
    "timeline": ("期限时间轴", "Deadlines on one timeline"),
    "no_deadlines": ("筛选出的目标都没有期限。", "None of the filtered targets has a deadline."),
    "ranking": ("地区排名（按目标完成比例）", "Districts ranked by share of targets met"),
    "share": ("完成比例（%）", "Share met (%)"),
    "targets": ("目标数", "Targets"),
    "region": ("地区", "Region"),
    "deadline": ("期限", "Deadline"),
    "status": ("状态", "Status"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_xlsx": ("下载 Excel", "Download Excel"),
}


def _t(key: str, **values) -> str:
    zh, en = LABELS[key]
    return (zh if ui.lang() == "zh" else en).format(**values)


def _status_names() -> dict[str, str]:
    return {s: STATUS_LABELS[s][0 if ui.lang() == "zh" else 1] for s in STATUSES}


@st.cache_data(ttl=120, max_entries=64, show_spinner=False)
def _tracked(_store, directory: str, version: int, as_of: date) -> pd.DataFrame:
    """Every target with its latest report, cached per data folder, data version and date."""
    figures = _store.figures()
    return match_outcomes(targets_from_figures(figures), facts_from_figures(figures), as_of=as_of)


def _downloads(name: str, table: pd.DataFrame, rows: pd.DataFrame, as_of: date) -> None:
    from extract.store import export_csv, export_xlsx

    left, right, _ = st.columns([1, 1, 4])
    stem = f"tracking-{name}-{as_of.isoformat()}"
    left.download_button(_t("download_csv"), data=export_csv(table), file_name=f"{stem}.csv", mime=CSV_MIME,
                         key=f"trk_{name}_csv", on_click="ignore", icon=":material/download:",
                         disabled=table.empty)
    right.download_button(_t("download_xlsx"), data=export_xlsx(table, documents=sources(rows)),
                          file_name=f"{stem}.xlsx", mime=XLSX_MIME, key=f"trk_{name}_xlsx", on_click="ignore",
                          icon=":material/download:", disabled=table.empty)


def _status_style(label: str) -> str:
    """The status cell in its colour (the mark alone needs an emoji font the browser may lack)."""
    for status, mark in STATUS_MARKS.items():
        if isinstance(label, str) and label.startswith(mark):
            return f"background-color: {STATUS_COLOURS[status]}; color: white"
    return ""


def _table(name: str, rows: pd.DataFrame, as_of: date) -> None:
    table = readable_targets(rows, ui.stack_label, ui.lang())
    shown = table[list(SHOWN_COLUMNS)].style.map(_status_style, subset=["状态"])
    st.dataframe(shown, hide_index=True, width="stretch", key=f"trk_{name}_table")
    _downloads(name, table, rows, as_of)


def render(store, filters) -> None:
    """The page, for the targets the sidebar's `filters` keep, from `store`."""
    st.title(_t("title"))
    st.caption(_t("intro"))
    left, middle, _ = st.columns([1, 1, 2])
    as_of = left.date_input(_t("as_of"), value=date.today(), key="trk_as_of", format="YYYY-MM-DD",
                            min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
    within = int(middle.number_input(_t("within"), min_value=1, max_value=3650, value=30, step=30,
                                     key="trk_within"))
    tracked = apply_filters(_tracked(store, ui.data_dir(), ui.data_version(), as_of), filters)
    if tracked.empty:
        st.info(_t("no_targets"))
        return
    names = _status_names()
    columns = st.columns(len(STATUSES))
    for column, status in zip(columns, STATUSES):
        column.metric(f"{STATUS_MARKS[status]} {names[status]}", int((tracked["status"] == status).sum()))

    st.subheader(_t("by_region"))
    order = {s: i for i, s in enumerate(STATUSES)}
    by_region = tracked.assign(_region=[region_label(r) for r in tracked.to_dict("records")],
                               _status=tracked["status"].map(order))
    by_region = by_region.sort_values(["_region", "_status", "deadline"], kind="stable").drop(
        columns=["_region", "_status"])
    _table("targets", by_region, as_of)

    st.subheader(_t("due_soon", n=within))
    soon = due_soon(tracked, within)
    if soon.empty:
        st.info(_t("none_due"))
    else:
        _table("due_soon", soon, as_of)

    st.subheader(_t("overdue"))
    late = overdue(tracked)
    if late.empty:
        st.info(_t("none_overdue"))
    else:
        _table("overdue", late, as_of)

    st.subheader(_t("timeline"))
    dated = tracked[tracked["deadline"].notna()]
    if dated.empty:
        st.info(_t("no_deadlines"))
    else:
        rows = dated.to_dict("records")
        frame = pd.DataFrame({
            "region": [region_label(r) for r in rows], "deadline": dated["deadline"].str[:10].tolist(),
            "status": dated["status"].tolist(), "target": [target_text(r) for r in rows],
            "hover": [f"{ui.stack_label(r['metric'] or '')} · {r['deadline_text'] or ''} · {r['text']}" for r in rows],
        })
        st.plotly_chart(deadline_timeline(frame, names, {k: _t(k) for k in ("region", "deadline", "status")}),
                        key="trk_timeline", width="stretch")

    st.subheader(_t("ranking"))
    ranking = region_ranking(tracked)
    table = readable_ranking(ranking)
    bars = pd.DataFrame({"region": table["地区（今）"], "share": table["完成比例（%）"], "targets": table["目标数"]})
    st.plotly_chart(ranking_bars(bars, {k: _t(k) for k in ("share", "region", "targets")}), key="trk_ranking_bars",
                    width="stretch")
    st.dataframe(table, hide_index=True, width="stretch", key="trk_ranking_table")
    _downloads("ranking", table, tracked, as_of)


def show() -> None:
    """The page as the dashboard runs it: its store and the sidebar's filters."""
    render(ui.store(), ui.current_filters())


if __name__ == "__main__":   # Streamlit runs a page file as __main__
    show()
