"""The dashboard: `streamlit run dashboard.py` (data folder from INVEST_DATA_DIR, else ./data).

This script draws what every page shares (language, filters) and hands over to the page chosen;
each page is one file in extract/dashboard/pages/. A new page is one more st.Page line here.
"""
import streamlit as st

from extract.dashboard import ui

PAGES = "extract/dashboard/pages"

st.set_page_config(page_title="投资目标看板", page_icon="📊", layout="wide")
ui.refresh_data()
ui.language_switch()
navigation = st.navigation([
    st.Page(f"{PAGES}/overview.py", title=ui.T("page_overview"), default=True),
    st.Page(f"{PAGES}/compare.py", title=ui.T("page_compare"), url_path="compare"),
    st.Page(f"{PAGES}/tracking.py", title=ui.T("page_tracking"), url_path="tracking"),
    st.Page(f"{PAGES}/distribution.py", title=ui.T("page_distribution"), url_path="distribution"),
    st.Page(f"{PAGES}/figures.py", title=ui.T("page_figures"), url_path="figures"),
    st.Page(f"{PAGES}/documents.py", title=ui.T("page_documents"), url_path="documents"),
])
ui.sidebar_filters()
navigation.run()
