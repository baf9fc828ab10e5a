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
from extract.dashboard.i18n import LABELS, LANGS, text, vocabulary

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
        frame = con.sql("SELECT doc_id, name, doc_date, region, source, ingested_at, left(raw_text, 600) AS head "
                        "FROM documents ORDER BY ingested_at DESC, name").df()
    frame["title"] = [document_title(head, name) for head, name in zip(frame.pop("head"), frame["name"])]
    frame["source"] = [source_label(s) for s in frame["source"]]
    return frame


TITLE_CHARS = 40


def document_title(head: str | None, name: str) -> str:
    """An article's title as a reader names it: its first line of at least eight characters (a
    line such as 官方微信 is site furniture), Markdown marks dropped, cut at TITLE_CHARS; the file
    name when there is no such line."""
    from extract.dashboard.ledger_views import plain_region

    for line in (head or "").splitlines():
        line = plain_region(line.strip().lstrip("#").strip())      # pinyin glosses (競(jìng)) dropped
        if len(line) >= 8:
            return line if len(line) <= TITLE_CHARS else line[:TITLE_CHARS] + "…"
    return name


def source_label(source: str | None) -> str:
    """Where an article came from without the server's folders: a web address as it is, a file by
    its name."""
    if not source:
        return ""
    if "://" in source:
        return source
    return Path(source).name


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


# -- the ledger ---------------------------------------------------------------------------------
@st.cache_resource(max_entries=4, show_spinner="正在整理目标台账…")
def _ledger(directory: str, version: tuple, as_of: date):
    from extract.dashboard import ledger_views
    from extract.ledger import build_ledger

    figures = query_con(directory).cursor().sql('SELECT * FROM effective_figures ORDER BY doc, "start"').df()
    # the texts let the ledger read goal words the figures' sentences alone miss
    with _open_store(directory).session() as con:
        texts = dict(con.execute("SELECT name, raw_text FROM documents").fetchall())
    ledger = build_ledger(figures, texts=texts, as_of=as_of)
    return ledger, ledger_views.prepared(ledger.targets)


def ledger(as_of: date | None = None):
    """(the ledger of the store's figures as of `as_of`, default today; its targets prepared for
    the pages by ledger_views.prepared), built once per data version and date."""
    return _ledger(data_dir(), data_version(), as_of or date.today())


# -- language --------------------------------------------------------------------------------
def lang() -> str:
    return st.session_state.get("lang", "zh")


def T(key: str, **values) -> str:
    return text(key, lang(), **values)


def labeller(prefix: str = "", placeholder: str | None = None) -> Callable[[str], str]:
    """A widget's format_func: the label of prefix+value in the language of this run. The language
    is bound now, because Streamlit may call the function again after the switch has changed it.
    With `placeholder`, the label is the one key `prefix` with the value put in its {placeholder},
    and a value without a label of its own (a period such as 1-5月) reads as it is."""
    bound = lang()
    if placeholder:
        return lambda value: (text(prefix.rstrip("_") + "_fmt", bound, **{placeholder: value})
                              if prefix.rstrip("_") + "_fmt" in LABELS else
                              (text(f"{prefix}{value}", bound) if f"{prefix}{value}" in LABELS else str(value)))
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


# -- widgets whose labels change with the language --------------------------------------------
# Streamlit (1.67) sends a radio's, selectbox's or multiselect's choice back as its *label*, and
# reads it with the format_func of the next run: after a language switch the old label ("指标")
# is found among no option and comes back as the value itself (KeyError: '指标'), and the widget
# shows no selection. So each such widget is one per language (its key ends in the language) and
# its value lives under a key of its own, language-free, which seeds whichever widget is drawn.
def _widget_key(name: str) -> str:
    return f"_{name}__{lang()}"


def _sync(name: str) -> None:
    st.session_state[name] = st.session_state[_widget_key(name)]


def choice(widget: str, container, label: str, options, name: str, default, **kwargs):
    """container.<widget>(label, options, ...) whose value is st.session_state[name] (kept across
    languages and pages); `widget` is "radio", "selectbox" or "multiselect"."""
    options = list(options)
    value = st.session_state.get(name, default)
    if widget == "multiselect":
        value = [v for v in value if v in options]
    elif value not in options:
        value = default if default in options else (options[0] if options else None)
    st.session_state[name] = value
    key = _widget_key(name)
    # the language-free value is the truth (a reset, another page or a link may have changed it);
    # the widget's own changes reach it first, through _sync
    st.session_state[key] = value
    if widget == "multiselect":
        kwargs.setdefault("select_all", False)      # its "Select all" is in English whatever the language
    return getattr(container, widget)(label, options, key=key, on_change=_sync, args=(name,), **kwargs)


# -- view state in the URL ----------------------------------------------------------------------
def url_value(name: str, default: str, allowed=None) -> None:
    """Seed st.session_state[name] from the URL's `name` once per session (a shared link)."""
    seeded = st.session_state.setdefault("_url_seeded", set())
    if name in seeded:
        return
    seeded.add(name)
    wanted = st.query_params.get(name)
    if wanted is not None and (allowed is None or wanted in allowed):
        st.session_state[name] = wanted
    else:
        st.session_state.setdefault(name, default)


def url_list(name: str) -> None:
    seeded = st.session_state.setdefault("_url_seeded", set())
    if name in seeded:
        return
    seeded.add(name)
    wanted = st.query_params.get_all(name)
    if wanted:
        st.session_state[name] = list(dict.fromkeys(wanted))


def write_url(name: str, value, default=None) -> None:
    """Keep the URL's `name` equal to `value`, absent when it is the default (a plain link stays plain)."""
    if value == default or value in (None, "", []):
        if name in st.query_params:
            del st.query_params[name]
        return
    current = st.query_params.get_all(name)
    wanted = list(value) if isinstance(value, (list, tuple)) else [str(value)]
    if current != wanted:
        st.query_params[name] = wanted if isinstance(value, (list, tuple)) else str(value)


# -- filters ---------------------------------------------------------------------------------
def period_choice(targets):
    """A year and a part of it (全年, 上半年, a quarter) among the ledger's, in the address: the ledger
    targets of that period, with the year and part chosen."""
    from extract.dashboard import ledger_views as lv

    periods = lv.periods(targets)
    years = list(periods)
    first_year = lv.default_year(targets)
    url_value("year", first_year, years)
    url_value("part", "全年")
    left, right, _ = st.columns([1, 3, 2])
    year = choice("selectbox", left, T("year"), years, "year", first_year, format_func=labeller("year_", "y"))
    parts = periods.get(year, ["全年"])
    part = choice("radio", right, T("period_part"), parts, "part", parts[0], horizontal=True,
                  format_func=labeller("part_", "part"))
    write_url("year", year, first_year)
    write_url("part", part, "全年")
    return lv.in_period(targets, year, part), year, part


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
    return tuple(choice("multiselect", st.sidebar, T(name), options, WIDGET_PREFIX + name, [],
                        placeholder=T("choose"), **kwargs))


def _update_url(filters: Filters) -> None:
    wanted = filters.to_query_params()
    for name in FILTER_PARAMS:
        write_url(name, wanted.get(name))


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
        choices[name] = choice("radio", sidebar, T(name), allowed, WIDGET_PREFIX + name, "all", horizontal=True,
                               format_func=labeller(f"{name}_"))
    dates: dict[str, date | None] = {}
    left, right = sidebar.columns(2)
    for name, column in zip(DATE_FIELDS, (left, right, left, right)):
        dates[name] = column.date_input(T(name), key=WIDGET_PREFIX + name, format="YYYY/MM/DD",
                                        min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
    search = sidebar.text_input(T("search"), key=SEARCH_KEY, placeholder=T("search_placeholder"))
    sidebar.button(T("reset_filters"), on_click=_clear_filters)
    sidebar.caption(T("share_hint"))
    filters = Filters(province=province, city=city, county=county, metric=metric, stage=stage,
                      search=search or "", **choices, **dates)
    _update_url(filters)
    st.session_state["filters"] = filters
    return filters


def current_filters() -> Filters:
    return st.session_state.get("filters", Filters())


def date_text(value, language: str | None = None) -> str:
    """A date as the reader writes it: 2025年5月31日 (zh), 2025-05-31 (en); a month or a year alone
    as 2025年5月 / 2025年; '' for none."""
    if value is None or value != value or value == "":
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    parts = text[:10].split("-")
    if (language or lang()) == "en" or not all(p.isdigit() for p in parts):
        return text[:10]
    return "".join(f"{int(p)}{unit}" for p, unit in zip(parts, "年月日"))


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
