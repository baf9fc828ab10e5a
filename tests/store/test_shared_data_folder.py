"""The dashboard and the command line share a data folder: with the real dashboard open in
Chromium, `python -m extract ingest` into its folder succeeds at once, and the new document is on
the dashboard after a reload (the dashboard holds no connection between its runs)."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from extract.store import Store
from store_files import REPO, seed_text, varied

pytestmark = pytest.mark.browser
NEW_NAME = "新到文章.txt"
NEW_TITLE = "新到文章：海门区新签约项目报道"     # the page names an article by its first line


def wait_idle(page) -> None:
    """Until Streamlit has finished the run the last action started."""
    page.wait_for_timeout(400)
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=120_000)


def test_the_command_line_ingests_while_the_dashboard_is_open(tmp_path, streamlit_server, browser_page):
    data = tmp_path / "data"
    Store(data, seed=True)
    url = streamlit_server("dashboard.py", data, tmp_path / "streamlit.log")
    page = browser_page
    page.goto(f"{url}/documents")
    wait_idle(page)
    newest = page.locator("h4").first
    assert newest.inner_text() != NEW_TITLE     # the page has read the store: documents are listed

    article = tmp_path / NEW_NAME
    article.write_text(NEW_TITLE + "\n" + varied(seed_text(0), 97), encoding="utf-8")
    started = time.monotonic()
    child = subprocess.run([sys.executable, "-m", "extract", "ingest", "--data-dir", str(data), str(article)],
                           capture_output=True, text=True, cwd=REPO, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(REPO), "INVEST_LOCK_TIMEOUT": "20"})
    elapsed = time.monotonic() - started
    assert (child.returncode, child.stdout.splitlines()[-1]) == (0, "ingested 1, unchanged 0, failed 0, re-extracted 0"), child.stderr
    assert elapsed < 20

    page.reload()
    wait_idle(page)
    assert page.locator("h4").first.inner_text() == NEW_TITLE   # the newest document is picked first
