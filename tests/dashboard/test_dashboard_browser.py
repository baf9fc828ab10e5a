"""The dashboard in a real browser: Debian's Chromium driven by Playwright against `streamlit run`.

Starts the app on a free localhost port with a fresh data folder, filters to 海门 and 启东 in the
sidebar, compares them, downloads the CSV and checks its bytes, and saves screenshots (overview
with the map, comparison) to $DASHBOARD_SCREENSHOTS or the test's temporary folder.
Needs `apt-get install chromium fonts-noto-cjk` and `pip install playwright` (scripts/test.sh
installs them); it never downloads a browser of its own.
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

BOM = b"\xef\xbb\xbf"
PLACES = ("海门", "启东")

pytestmark = pytest.mark.browser


@pytest.fixture
def app_url(placed_data_dir, streamlit_server):
    return streamlit_server("dashboard.py", placed_data_dir, placed_data_dir.parent / "streamlit.log")


@pytest.fixture
def screenshots(tmp_path) -> Path:
    directory = Path(os.environ.get("DASHBOARD_SCREENSHOTS") or tmp_path / "screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def wait_idle(page) -> None:
    """Until Streamlit has finished the run the last action started."""
    page.wait_for_timeout(400)
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=120_000)


def headline(page, label: str) -> int:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return int(metric.locator('[data-testid="stMetricValue"]').inner_text().replace(",", ""))


def coloured_pixels(png: bytes) -> tuple[int, int]:
    """(pixels that are neither white nor grey, distinct such colours) of a screenshot."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = [(n, c) for n, c in image.getcolors(image.width * image.height) if max(c) - min(c) > 30]
    return sum(n for n, _ in colours), len(colours)


def test_filter_compare_download_in_chromium(app_url, browser_page, screenshots):
    page = browser_page
    outside = []      # the map and everything else must come from this machine
    page.on("request", lambda request: outside.append(request.url)
            if urlparse(request.url).hostname not in ("127.0.0.1", None) else None)
    page.goto(app_url)
    page.get_by_role("heading", name="投资目标看板").wait_for(timeout=120_000)
    wait_idle(page)
    everything = headline(page, "数字")

    county = page.get_by_role("combobox", name="区县")
    for place in PLACES:
        county.click()
        county.fill(place)
        page.get_by_role("option", name=place).first.click()
        wait_idle(page)
    page.keyboard.press("Escape")
    wait_idle(page)
    chosen = parse_qs(urlparse(page.url).query)["county"]
    assert sorted(c.split("/")[1][:2] for c in chosen) == sorted(PLACES)
    filtered = headline(page, "数字")
    assert 0 < filtered < everything

    # the map: real SVG county shapes, coloured where there are figures
    plot = page.locator('[data-testid="stPlotlyChart"]').last
    plot.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    assert plot.locator("path.js-fill").count() >= 2          # the grey counties and at least one colour
    pixels, colours = coloured_pixels(plot.screenshot())
    assert pixels > 500 and colours > 1
    page.screenshot(path=str(screenshots / "overview.png"), full_page=True)

    page.get_by_role("link", name="地区对比").click()
    page.get_by_role("heading", name="地区对比").wait_for(timeout=60_000)
    wait_idle(page)
    table = page.locator('[data-testid="stDataFrame"]').first
    table.wait_for()
    assert parse_qs(urlparse(page.url).query)["county"] == chosen     # the link still holds the filter
    for tag in page.locator('[data-testid="stMultiSelect"]').filter(has_text="选择").locator(
            '[data-testid="stMultiSelectTag"]').all_inner_texts():
        assert tag.startswith(PLACES)
    assert page.locator('[data-testid="stPlotlyChart"]').count() >= 1
    page.screenshot(path=str(screenshots / "compare.png"), full_page=True)

    page.get_by_role("link", name="数字明细").click()
    page.get_by_role("heading", name="数字明细").wait_for(timeout=60_000)
    wait_idle(page)
    page.get_by_role("button", name="下载 Excel").wait_for()
    page.locator('[data-testid="stDataFrame"]').first.wait_for()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="下载 CSV").click()
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == filtered
    assert {row["county"][:2] for row in rows} == set(PLACES)
    page.screenshot(path=str(screenshots / "figures.png"), full_page=True)
    assert not outside, outside
