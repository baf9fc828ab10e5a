"""The tracking page (目标跟踪) in a real browser: Debian's Chromium driven by Playwright against
`streamlit run dashboard.py` on a fresh store of seeds/, opened at its own address (/tracking).
Downloads the overdue targets' CSV and checks its bytes against the table the page shows."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

BOM = b"\xef\xbb\xbf"
STATUSES = {"已完成", "按序时推进", "落后于序时", "期限已过待报", "未完成", "暂无实绩"}

pytestmark = pytest.mark.browser


@pytest.fixture
def page_url(tmp_path, streamlit_server):
    return streamlit_server("dashboard.py", tmp_path / "data", tmp_path / "streamlit.log")


def test_tracking_page_renders_and_its_table_downloads(page_url, browser_page, tmp_path):
    page = browser_page
    page.goto(f"{page_url}/tracking")
    page.get_by_role("heading", name="目标跟踪").wait_for(timeout=300_000)
    page.wait_for_timeout(400)
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=300_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    charts = page.locator('[data-testid="stPlotlyChart"]')
    charts.nth(1).wait_for(timeout=120_000)      # Plotly's script loads after the run; a busy machine is slow
    assert charts.count() == 2
    overdue = page.locator('[data-testid="stDataFrame"]').filter(has=page.locator("th", has_text="状态")).first
    shown_rows = int(overdue.locator("table").get_attribute("aria-rowcount")) - 1
    with page.expect_download() as download_info:
        page.get_by_role("button", name="下载 CSV").first.click()
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == shown_rows > 0
    assert {row["状态"] for row in rows} <= STATUSES
    assert all(row["完成率"] == "" or row["完成率"].endswith("%") for row in rows)
    page.screenshot(path=str(tmp_path / "tracking.png"), full_page=True)
    print(f"\nscreenshot: {tmp_path / 'tracking.png'}")
