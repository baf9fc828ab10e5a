"""Where the figures are: how many per region (city, or the counties of one city, or the counties
the sidebar picks), stacked by metric or stage, and the county map.

Amounts and counts are summed only when the sidebar narrows the figures to one metric and to
targets or to results: a sum of unlike things (targets and results, GDP and signed investment)
means nothing. Measure, colour and drill-down are kept in the URL."""
import streamlit as st

from extract.dashboard import charts, geo, ui
from extract.dashboard.formatting import plain_number, scaled
from extract.dashboard.ui import T

MEASURES = ("figures", "amount", "count")
STACKS = ("metric", "stage")


def measure_value(measure: str, value: float) -> float:
    """Amounts are charted in 亿元; counts and numbers of figures as they are."""
    return value / 1e8 if measure == "amount" else value


def measure_text(measure: str, value: float) -> str:
    if measure == "amount":
        return scaled(value * 1e8, "元")
    return plain_number(value, 0)


filters = ui.current_filters()
st.title(T("page_distribution"))
# a sum is of one metric, and of targets or of results
summable = len(filters.metric) == 1 and filters.target != "all"
measures = MEASURES if summable else MEASURES[:1]
for name, default, allowed in (("measure", "figures", measures), ("stack", "metric", STACKS)):
    ui.url_value(name, default, allowed)
ui.url_value("drill", "")

# Every number below comes from one query (queries.overview), so the controls drawn further down
# are read first, from their state.
measure = st.session_state.get("measure", "figures")
measure = measure if measure in measures else "figures"
stack = st.session_state.get("stack", STACKS[0])
drill = st.session_state.get("drill") or ""
# counties when the sidebar picks counties, or a city is drilled into; cities otherwise
level = "county" if drill or filters.county else "city"
shown = ui.cached("overview", filters, level, stack, measure, drill or None)
if drill and drill not in shown["cities"]:          # a city the filters have since left out
    st.session_state["drill"] = drill = ""
    level = "county" if filters.county else "city"
    shown = ui.cached("overview", filters, level, stack, measure, None)

head = shown["headline"]
columns = st.columns(3)
columns[0].metric(T("documents"), f"{head['documents']:,}")
columns[1].metric(T("figures"), f"{head['figures']:,}", help=T("figures_help"))
columns[2].metric(T("targets"), f"{head['targets']:,}")
if head["figures"] == 0:
    st.info(T("no_data"))
    st.stop()

controls = st.columns([2, 2, 3])
measure = ui.choice("radio", controls[0], T("measure"), measures, "measure", "figures", horizontal=True,
                    format_func=ui.labeller("measure_"))
if not summable:
    controls[0].caption(T("sum_needs_one"))
stack = ui.choice("radio", controls[1], T("stack_by"), STACKS, "stack", STACKS[0], horizontal=True,
                  format_func=ui.labeller())
all_cities = T("all_cities")
drill = ui.choice("selectbox", controls[2], T("drill_city"), ["", *shown["cities"]], "drill", "",
                  format_func=lambda c: c or all_cities)
for name, value, default in (("measure", measure, "figures"), ("stack", stack, "metric"), ("drill", drill, "")):
    ui.write_url(name, value, default)

st.subheader(T("by_region"))
bars = shown["bars"]
if bars.empty:
    st.info(T("no_data"))
else:
    city_level = T("city_level")
    regions = [ui.region_label(r) if r or level == "city" else city_level for r in bars["region"]]
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
