"""Overview: headline numbers, bars by region (city, or the counties of one city), the county map."""
import streamlit as st

from extract.dashboard import charts, geo, ui
from extract.dashboard.formatting import plain_number, scaled, yi
from extract.dashboard.ui import T

MEASURES = ("amount", "count", "figures")
STACKS = ("metric", "stage")


def measure_value(measure: str, value: float) -> float:
    """Amounts are charted in 亿元; counts and numbers of figures as they are."""
    return value / 1e8 if measure == "amount" else value


def measure_text(measure: str, value: float) -> str:
    if measure == "amount":
        return scaled(value * 1e8, "元")
    return plain_number(value, 0)


filters = ui.current_filters()
st.title(T("app_title"))

# Every number below comes from one query (queries.overview), so the controls drawn further down
# are read first, from their state (their first option before they are ever drawn).
measure = st.session_state.get("ov_measure", MEASURES[0])
stack = st.session_state.get("ov_stack", STACKS[0])
drill = st.session_state.get("ov_drill") or ""
shown = ui.cached("overview", filters, "county" if drill else "city", stack, measure, drill or None)
if drill and drill not in shown["cities"]:          # a city the filters have since left out
    st.session_state["ov_drill"] = drill = ""
    shown = ui.cached("overview", filters, "city", stack, measure, None)

head = shown["headline"]
columns = st.columns(5)
columns[0].metric(T("documents"), f"{head['documents']:,}")
columns[1].metric(T("figures"), f"{head['figures']:,}")
columns[2].metric(T("targets"), f"{head['targets']:,}")
columns[3].metric(T("amount_total"), yi(head["amount"]), help=T("amount_total_help"))
columns[4].metric(T("count_total"), plain_number(head["count"], 0))
if head["figures"] == 0:
    st.info(T("no_data"))
    st.stop()

controls = st.columns([2, 2, 3])
controls[0].radio(T("measure"), MEASURES, key="ov_measure", horizontal=True, format_func=ui.labeller("measure_"))
controls[1].radio(T("stack_by"), STACKS, key="ov_stack", horizontal=True, format_func=ui.labeller())
all_cities = T("all_cities")
controls[2].selectbox(T("drill_city"), ["", *shown["cities"]], key="ov_drill", format_func=lambda c: c or all_cities)

st.subheader(T("by_region"))
bars = shown["bars"]
if bars.empty:
    st.info(T("no_data"))
else:
    city_level = T("city_level")
    regions = [ui.region_label(r) if r or not drill else city_level for r in bars["region"]]
    bars = bars.assign(region=regions, stack=bars["stack"].map(ui.stack_label),
                       value=[measure_value(measure, v) for v in bars["value"]])
    st.plotly_chart(charts.stacked_bars(bars, T("region"), T(f"measure_{measure}"), T(stack)),
                    key="ov_bars", width="stretch")

st.subheader(T("map"))
collection = geo.counties()
per_county = shown["by_county"]
on_map, off_map = geo.split_by_shape(per_county, collection)
on_map = on_map.assign(value=[measure_value(measure, v) if v == v and v is not None else None
                              for v in on_map["value"]])
st.plotly_chart(geo.county_map(on_map, collection, T(f"measure_{measure}"),
                               lambda v: measure_text(measure, v), T("no_value")),
                key="ov_map", width="stretch", config={"displayModeBar": False})
if not off_map.empty:
    names = "、".join(f"{c or ''}{k}" for c, k in zip(off_map["city"], off_map["county"]))
    st.caption(T("map_outside", n=int(off_map["figures"].sum()), names=names))
above = shown["above_county"]
if above:
    st.caption(T("map_not_county", n=above))
