"""The first screen: the target ledger. A period (year, and 上半年 / 季度 where the ledger has
them), cards counting the targets by status, the progress of each district on one indicator, and
per district its targets with the latest result, 完成率, deadline and status. The sidebar's places
apply; year, part of the year and indicator are kept in the URL."""
import pandas as pd
import streamlit as st

from extract.dashboard import charts, ledger_views as lv, ui
from extract.dashboard.formatting import escape_markdown
from extract.dashboard.i18n import code_label
from extract.dashboard.ui import T

MAX_ROWS = 2000     # targets drawn in the table, as the figures page draws figures

filters = ui.current_filters()
lang = ui.lang()
st.title(T("app_title"))
ledger, targets = ui.ledger()
targets = lv.in_filters(targets, filters)
st.caption(T("ledger_intro"))
if targets.empty:
    st.info(T("no_targets"))
    st.stop()

chosen, year, part = ui.period_choice(targets)

counts = lv.status_counts(chosen)
for column, status in zip(st.columns(len(counts)), counts):
    column.metric(code_label("status", status, lang), f"{counts[status]:,}", help=T(f"status_help_{status}"))

st.subheader(T("progress_by_district"))
options = lv.indicators(chosen, lang)
if options:
    labels = dict(options)
    keys = [k for k, _ in options]
    ui.url_value("indicator", keys[0], keys)
    series = ui.choice("selectbox", st, T("indicator"), keys, "indicator", keys[0], format_func=labels.get)
    ui.write_url("indicator", series, keys[0])
    shown = lv.progress_by_district(chosen, series)
    st.plotly_chart(charts.progress_bars(pd.DataFrame({
        "region": [lv.plain_region(r) for r in shown["region_label"]],
        "progress": [None if p != p or p is None else float(p) * 100 for p in shown["progress"]],
        "status": shown["status"].tolist(),
        "label": [T("progress_text", latest=lv.value_text(latest, unit, lang) or T("no_value"),
                    target=lv.value_text(target, unit, lang), rate=lv.percent(progress) or "—")
                  for latest, target, unit, progress in zip(shown["latest_value"], shown["target_value"],
                                                            shown["unit"], shown["progress"])],
    }), {s: code_label("status", s, lang) for s in lv.STATUS_ORDER}, T("completion_rate"), T("region")),
        key="ov_progress", width="stretch")
    # the same in words, one line a district: 海门区 2025年 签约…：18个项目 / 目标 30个项目，完成率 60%，状态
    st.markdown("\n".join(
        "- " + escape_markdown(T("target_line", region=lv.plain_region(r["region_label"]), period=r["period_label"],
                                 indicator=labels[series],
                                 latest=lv.value_text(r["latest_value"], r["unit"], lang) or T("no_value"),
                                 target=lv.value_text(r["target_value"], r["unit"], lang),
                                 rate=lv.percent(r["progress"]) or "—", status=code_label("status", r["status"], lang),
                                 deadline=ui.date_text(r["deadline"])))
        for r in shown.to_dict("records")))

st.subheader(T("targets_by_district"))
table = chosen.assign(_order=chosen["status"].map({s: i for i, s in enumerate(lv.STATUS_ORDER)}))
table = table.sort_values(["region_label", "_order", "deadline"], na_position="last")
if len(table) > MAX_ROWS:       # the browser draws the first rows; a district or a year narrows the rest
    st.caption(T("shown_rows", shown=MAX_ROWS, total=len(table)))
    table = table.head(MAX_ROWS)
status_names = [code_label("status", s, lang) for s in table["status"]]
frame = pd.DataFrame({
    T("region"): [lv.plain_region(r) for r in table["region_label"]],
    T("indicator"): [lv.indicator_text(r, lang) for r in table.to_dict("records")],
    T("period"): table["period_label"].tolist(),
    T("target_value"): [lv.value_text(v, u, lang) for v, u in zip(table["target_value"], table["unit"])],
    T("latest_value"): [lv.value_text(v, u, lang) for v, u in zip(table["latest_value"], table["unit"])],
    T("latest_as_of"): [ui.date_text(d) for d in table["latest_as_of"]],
    T("completion_rate"): [lv.percent(p) for p in table["progress"]],
    T("deadline"): [ui.date_text(d) for d in table["deadline"]],
    T("status"): status_names,
    T("sentence"): table["sentence"].tolist(),
})
colours = {code_label("status", s, lang): c for s, c in lv.STATUS_COLOURS.items()}
st.dataframe(frame.style.map(lambda v: f"background-color: {colours[v]}; color: white" if v in colours else "",
                             subset=[T("status")]),
             hide_index=True, width="stretch", key="ov_targets")
