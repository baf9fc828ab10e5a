"""The tracking page in a real browser: Debian's Chromium driven by Playwright against
`streamlit run extract/tracking/page.py` (the page on its own, as the dashboard will run it once
it is registered in dashboard.py) on a fresh store of seeds/. Downloads the targets' CSV and checks
its bytes against the counts the page shows."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

BOM = b"\xef\xbb\xbf"

pytestmark = pytest.mark.browser


@pytest.fixture
def page_url(tmp_path, streamlit_server):
    return streamlit_server("extract/tracking/page.py", tmp_path / "data", tmp_path / "streamlit.log")


def test_tracking_page_renders_and_its_table_downloads(page_url, browser_page, tmp_path):
    page = browser_page
    page.goto(page_url)
    page.get_by_role("heading", name="目标跟踪").wait_for(timeout=300_000)
    page.wait_for_timeout(400)
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=300_000)
    metrics = page.locator('[data-testid="stMetric"]')
    assert metrics.count() == 5
    shown = sum(int(value) for value in metrics.locator('[data-testid="stMetricValue"]').all_inner_texts())
    assert shown > 0
    charts = page.locator('[data-testid="stPlotlyChart"]')
    charts.nth(1).wait_for(timeout=120_000)      # Plotly's script loads after the run; a busy machine is slow
    assert charts.count() == 2
    with page.expect_download() as download_info:
        page.get_by_role("button", name="下载 CSV").first.click()
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == shown
    assert {row["状态"].split(" ")[0] for row in rows} <= {"🟢", "🔵", "🟠", "🔴", "⚪"}
    page.screenshot(path=str(tmp_path / "tracking.png"), full_page=True)
