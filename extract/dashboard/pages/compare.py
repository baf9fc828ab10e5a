"""Compare districts: two to six regions side by side, one table, grouped bars, one deadline timeline.

The regions are picked here (the sidebar's region filters give the first choice), and the
sidebar's other filters (kind, metric, dates ...) still apply. The choice is kept in the URL
as `compare` and `level`.
"""
import html

import pandas as pd
import streamlit as st

from extract.dashboard import charts, ui
from extract.dashboard.formatting import format_figure, plain_number, yi
from extract.dashboard.ui import T

MAX_REGIONS = 6
LEVELS = ("county", "city")

filters = ui.current_filters()
others = filters.without("province", "city", "county")
st.title(T("page_compare"))

if "cmp_level" not in st.session_state:
    wanted = st.query_params.get("level")
    st.session_state["cmp_level"] = wanted if wanted in LEVELS else ("city" if filters.city and not filters.county
                                                                     else "county")
level = st.radio(T("compare_level"), LEVELS, key="cmp_level", horizontal=True,
                 format_func=ui.labeller("level_"))
options = ui.cached("options", others, level)
if "cmp_regions" not in st.session_state or st.session_state.get("_cmp_level_was") != level:
    from_url = st.query_params.get_all("compare") if "_cmp_level_was" not in st.session_state else []
    from_sidebar = list(filters.county if level == "county" else filters.city)
    st.session_state["cmp_regions"] = [r for r in (from_url or from_sidebar) if r in options][:MAX_REGIONS]
st.session_state["_cmp_level_was"] = level
st.session_state["cmp_regions"] = [r for r in st.session_state["cmp_regions"] if r in options]
regions = st.multiselect(T("compare_pick"), options, key="cmp_regions", max_selections=MAX_REGIONS,
                         format_func=ui.region_label, placeholder=T("choose"))
st.query_params["level"] = level
if regions:
    st.query_params["compare"] = regions
elif "compare" in st.query_params:
    del st.query_params["compare"]
if len(regions) < 2:
    st.info(T("compare_need_two"))
    st.stop()

st.subheader(T("compare_table"))
table = ui.cached("compare_table", others, level, tuple(regions))
shown = pd.DataFrame({
    T("region"): table["region"].map(ui.region_label),
    T("figures"): table["figures"],
    T("targets"): table["targets"],
    T("amount_total"): table["amount"].map(yi),
    T("count_total"): table["count"].map(lambda v: plain_number(v, 0)),
    T("first_deadline"): table["first_deadline"].fillna(""),
    T("last_deadline"): table["last_deadline"].fillna(""),
})
st.dataframe(shown, hide_index=True, width="stretch", key="cmp_table")

st.subheader(T("compare_chart"))
measure = st.radio(T("measure"), ("amount", "count", "figures"), key="cmp_measure", horizontal=True,
                   format_func=ui.labeller("measure_"))
by_metric = ui.cached("compare_by_metric", others, level, tuple(regions), measure)
if by_metric.empty:
    st.info(T("no_data"))
else:
    scale = 1e8 if measure == "amount" else 1
    by_metric = by_metric.assign(region=by_metric["region"].map(ui.region_label),
                                 metric=by_metric["metric"].map(ui.stack_label),
                                 value=by_metric["value"] / scale)
    st.plotly_chart(charts.grouped_bars(by_metric, T("region"), T(f"measure_{measure}"), T("metric")),
                    key="cmp_bars", width="stretch")

st.subheader(T("deadline_timeline"))
due = ui.cached("deadlines", others, level, tuple(regions))
if due.empty:
    st.info(T("no_deadlines"))
else:
    due = due.assign(
        region=due["region"].map(ui.region_label),
        label=[html.escape(format_figure(k, v, vm, c, u, q)) for k, v, vm, c, u, q in
               zip(due["kind"], due["value"], due["value_max"], due["currency"], due["unit"], due["qualifier"])],
        # article words go into Plotly's hover, which reads a little HTML: escape them
        hover=[html.escape(f"{ui.stack_label(m)} · {d or ''} · {t}") for m, d, t in
               zip(due["metric"], due["deadline_text"], due["text"])],
    )
    st.plotly_chart(charts.deadline_timeline(due, T("region"), T("deadline")), key="cmp_timeline",
                    width="stretch")
