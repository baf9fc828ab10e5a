"""Compare districts: two to six districts side by side on one indicator and one period, each
target against what was achieved (the ledger's latest result). The districts are picked here
(the sidebar's counties give the first choice) and kept in the URL as `compare`; the year, part
of the year and indicator are the overview's."""
import pandas as pd
import streamlit as st

from extract.dashboard import charts, ledger_views as lv, ui
from extract.dashboard.i18n import code_label
from extract.dashboard.ui import T

MAX_REGIONS = 6

filters = ui.current_filters()
lang = ui.lang()
st.title(T("page_compare"))
_, targets = ui.ledger()
targets = lv.in_filters(targets, filters.without("county"))
if targets.empty:
    st.info(T("no_targets"))
    st.stop()

chosen, year, part = ui.period_choice(targets)

districts = sorted(chosen["region_label"].dropna().unique().tolist())
ui.url_list("compare")
if "compare" not in st.session_state:     # the sidebar's counties are the first choice
    picked = lv.in_filters(chosen, filters)["region_label"].unique().tolist() if filters.county else []
    st.session_state["compare"] = picked[:MAX_REGIONS]
regions = ui.choice("multiselect", st, T("compare_pick"), districts, "compare", [], max_selections=MAX_REGIONS,
                    format_func=lv.plain_region, placeholder=T("choose"))
ui.write_url("compare", regions)
if len(regions) < 2:
    st.info(T("compare_need_two"))
    st.stop()

mine = chosen[chosen["region_label"].isin(regions)]
options = lv.indicators(mine, lang)
if not options:
    st.info(T("no_targets"))
    st.stop()
labels = dict(options)
keys = [k for k, _ in options]
ui.url_value("indicator", keys[0], keys)
series = ui.choice("selectbox", st, T("indicator"), keys, "indicator", keys[0], format_func=labels.get)
ui.write_url("indicator", series, keys[0])
side = lv.compare(mine, series, regions)
missing = [lv.plain_region(r) for r in regions if r not in set(side["region_label"])]

st.subheader(T("compare_table"))
st.dataframe(pd.DataFrame({
    T("region"): [lv.plain_region(r) for r in side["region_label"]],
    T("target_value"): [lv.value_text(v, u, lang) for v, u in zip(side["target_value"], side["unit"])],
    T("latest_value"): [lv.value_text(v, u, lang) for v, u in zip(side["latest_value"], side["unit"])],
    T("latest_as_of"): [ui.date_text(d) for d in side["latest_as_of"]],
    T("completion_rate"): [lv.percent(p) for p in side["progress"]],
    T("deadline"): [ui.date_text(d) for d in side["deadline"]],
    T("status"): [code_label("status", s, lang) for s in side["status"]],
}), hide_index=True, width="stretch", key="cmp_table")
if missing:
    st.caption(T("compare_missing", names="、".join(missing)))

st.subheader(T("target_vs_achieved"))
unit = side["unit"].iloc[0] if not side.empty else ""
scale, unit_text = (1e8, T("unit_yi")) if unit == "CNY" else (1, "")
# grouped_bars puts its `metric` on the axis and colours by `region`: here districts and target/result
bars = pd.DataFrame({
    "metric": [lv.plain_region(r) for r in side["region_label"]] * 2,
    "region": [T("target_value")] * len(side) + [T("latest_value")] * len(side),
    "value": [*(side["target_value"].fillna(0) / scale), *(side["latest_value"].fillna(0) / scale)],
})
st.plotly_chart(charts.grouped_bars(bars, "", f"{labels[series]} {unit_text}".strip(), T("region")),
                key="cmp_bars", width="stretch")
