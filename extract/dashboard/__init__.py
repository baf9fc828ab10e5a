"""The Streamlit dashboard: pure parts (formatting, filters, queries, charts, map) and the pages.

`streamlit run dashboard.py` starts it; pages live in extract/dashboard/pages/, one file each.
"""
