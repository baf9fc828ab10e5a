"""What every page shares: the store, the language, the sidebar filters and their URL, cached queries.

The filter widgets live in the main script (dashboard.py), so they keep their state across pages.
On a session's first run they are seeded from the URL's query parameters; after every run the
URL is rewritten from them, so the address bar always reproduces the view.
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any, Callable

import streamlit as st

from extract.dashboard import queries
from extract.dashboard.filters import CHOICE_FIELDS, DATE_FIELDS, LIST_FIELDS, Filters
from extract.dashboard.snapshot import Snapshot
from extract.dashboard.i18n import LANGS, text, vocabulary

AUTHOR = "dashboard"
WIDGET_PREFIX = "f_"
SEARCH_KEY = WIDGET_PREFIX + "search"
# query parameters that belong to the filters; pages keep their own keys beside these
FILTER_PARAMS = (*LIST_FIELDS, *CHOICE_FIELDS, *DATE_FIELDS, "q")


# -- store -----------------------------------------------------------------------------------
def data_dir() -> str:
    return str(Path(os.environ.get("INVEST_DATA_DIR") or "data").resolve())


@st.cache_resource(show_spinner="正在打开数据库…")
def _open_store(directory: str):
    from extract.store import Store  # imported late: opening loads the extraction engines
    return Store.open_default()


@st.cache_resource
def _snapshot(directory: str) -> Snapshot:
    return Snapshot()


def store():
    return _open_store(data_dir())


def refresh_data() -> None:
    """Once per run, before any query: note the store's fingerprint (a new one after any write)."""
    _, seen = _snapshot(data_dir()).current_of(store())
    st.session_state["_data_fingerprint"] = seen


def data_version() -> tuple:
    return st.session_state.get("_data_fingerprint", ())


def query_con(directory: str):
    """The in-memory copy of effective_figures that every query of the dashboard reads."""
    return _snapshot(directory).connection_of(_open_store(directory))


@st.cache_data(max_entries=8, show_spinner=False)
def _documents(directory: str, version: tuple):
    with _open_store(directory).session() as con:
        return con.sql("SELECT doc_id, name, doc_date, region, source, ingested_at FROM documents "
                       "ORDER BY ingested_at DESC, name").df()


def documents():
    """The stored articles without their text (the store's documents() also counts figures per
    article through the corrections view, too slow to redo on every rerun)."""
    return documents_for(data_dir(), data_version())


def documents_for(directory: str, version: tuple):
    return _documents(directory, version)


@st.cache_data(max_entries=1024, show_spinner=False)
def _cached_query(name: str, directory: str, version: tuple, args: tuple) -> Any:
    return getattr(queries, name)(query_con(directory), *args)


def cached(name: str, *args) -> Any:
    """queries.<name>(con, *args), cached until the store changes or the arguments do."""
    return _cached_query(name, data_dir(), data_version(), tuple(args))


# -- language --------------------------------------------------------------------------------
def lang() -> str:
    return st.session_state.get("lang", "zh")


def T(key: str, **values) -> str:
    return text(key, lang(), **values)


def labeller(prefix: str = "") -> Callable[[str], str]:
    """A widget's format_func: the label of prefix+value in the language of this run. The language
    is bound now, because Streamlit may call the function again after the switch has changed it."""
    bound = lang()
    return lambda value: text(f"{prefix}{value}", bound)


def language_switch() -> None:
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang", "zh")
        st.session_state["lang"] = wanted if wanted in LANGS else "zh"
    st.sidebar.radio(text("language", lang()), LANGS, key="lang", horizontal=True,
                     format_func={"zh": "中文", "en": "English"}.get)
    if lang() == "en":
        st.query_params["lang"] = "en"
    elif "lang" in st.query_params:
        del st.query_params["lang"]


# -- filters ---------------------------------------------------------------------------------
def _seed_from_url() -> None:
    if st.session_state.get("_filters_seeded"):
        return
    seeded = Filters.from_query_params(st.query_params)
    for name in LIST_FIELDS:
        st.session_state[WIDGET_PREFIX + name] = list(getattr(seeded, name))
    for name in (*CHOICE_FIELDS, *DATE_FIELDS):
        st.session_state[WIDGET_PREFIX + name] = getattr(seeded, name)
    st.session_state[SEARCH_KEY] = seeded.search
    st.session_state["_filters_seeded"] = True


def _clear_filters() -> None:
    default = Filters()
    for name in LIST_FIELDS:
        st.session_state[WIDGET_PREFIX + name] = []
    for name in (*CHOICE_FIELDS, *DATE_FIELDS):
        st.session_state[WIDGET_PREFIX + name] = getattr(default, name)
    st.session_state[SEARCH_KEY] = ""


def county_label(key: str) -> str:
    """'南通市/海门区' -> '海门区 · 南通市'."""
    city, _, county = key.partition("/")
    return f"{county} · {city}" if city else county


def _multiselect(name: str, options: list[str], **kwargs) -> tuple[str, ...]:
    key = WIDGET_PREFIX + name
    # a value from an old link that is no longer an option would make Streamlit refuse the widget
    st.session_state[key] = [v for v in st.session_state.get(key, []) if v in options]
    return tuple(st.sidebar.multiselect(T(name), options, key=key, placeholder=T("choose"), **kwargs))


def _update_url(filters: Filters) -> None:
    wanted = filters.to_query_params()
    for name in FILTER_PARAMS:
        if name in wanted:
            if st.query_params.get_all(name) != (wanted[name] if isinstance(wanted[name], list) else [wanted[name]]):
                st.query_params[name] = wanted[name]
        elif name in st.query_params:
            del st.query_params[name]


def sidebar_filters() -> Filters:
    """Draw the filters, keep the URL in step, and remember the result for the pages."""
    _seed_from_url()
    con_filters = Filters()
    sidebar = st.sidebar
    sidebar.header(T("filters"))
    province = _multiselect("province", cached("options", con_filters, "province"))
    city = _multiselect("city", cached("options", Filters(province=province), "city"))
    county = _multiselect("county", cached("options", Filters(province=province, city=city), "county"),
                          format_func=county_label)
    metric = _multiselect("metric", cached("options", con_filters, "metric"), format_func=stack_labeller())
    stage = _multiselect("stage", cached("options", con_filters, "stage"), format_func=stack_labeller())
    choices = {}
    for name, allowed in CHOICE_FIELDS.items():
        choices[name] = sidebar.radio(T(name), allowed, key=WIDGET_PREFIX + name, horizontal=True,
                                      format_func=labeller(f"{name}_"))
    dates: dict[str, date | None] = {}
    left, right = sidebar.columns(2)
    for name, column in zip(DATE_FIELDS, (left, right, left, right)):
        dates[name] = column.date_input(T(name), key=WIDGET_PREFIX + name, format="YYYY-MM-DD",
                                        min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
    search = sidebar.text_input(T("search"), key=SEARCH_KEY)
    sidebar.button(T("reset_filters"), on_click=_clear_filters)
    sidebar.caption(T("share_hint"))
    filters = Filters(province=province, city=city, county=county, metric=metric, stage=stage,
                      search=search or "", **choices, **dates)
    _update_url(filters)
    st.session_state["filters"] = filters
    return filters


def current_filters() -> Filters:
    return st.session_state.get("filters", Filters())


# -- labels for region keys and empty values -------------------------------------------------
def region_label(key: str, language: str | None = None) -> str:
    if not key:
        return text("unplaced", language or lang())
    return county_label(key) if "/" in key else key


def stack_label(value: str, language: str | None = None) -> str:
    language = language or lang()
    return vocabulary(value, language) if value else text("unlabelled", language)


def stack_labeller() -> Callable[[str], str]:
    bound = lang()
    return lambda value: stack_label(value, bound)
