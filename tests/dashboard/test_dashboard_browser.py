"""The dashboard in a real browser: Debian's Chromium driven by Playwright against `streamlit run`.

One analyst's session on a fresh data folder: the overview (the target ledger) for a year and two
districts, a target read with its 完成率 and status, 中文 → English → 中文 without an error, the
figures table sorted, a region corrected from the list and undone, five quick edits all stored
after a reload; the compare page, the tracking page and the CSV download. A screenshot of every
page goes to $DASHBOARD_SCREENSHOTS, else tests/artifacts/dashboard/ (ignored by git); the test
prints where. Needs `apt-get install chromium fonts-noto-cjk` and `pip install playwright`
(scripts/test.sh installs them); it never downloads a browser of its own.
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from extract.dashboard.corrections import WIDTHS

BOM = b"\xef\xbb\xbf"
PLACES = ("海门", "启东")
ROOT = Path(__file__).resolve().parents[2]
HEADER, ROW = 35, 35          # pixel heights of the data editor's header and rows

pytestmark = pytest.mark.browser


@pytest.fixture
def app_url(placed_data_dir, streamlit_server):
    return streamlit_server("dashboard.py", placed_data_dir, placed_data_dir.parent / "streamlit.log")


@pytest.fixture
def screenshots() -> Path:
    directory = Path(os.environ.get("DASHBOARD_SCREENSHOTS") or ROOT / "tests" / "artifacts" / "dashboard")
    directory.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {directory}")
    return directory


def wait_idle(page) -> None:
    """Until Streamlit has finished the run the last action started."""
    page.wait_for_timeout(500)
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=120_000)


def no_error_on_page(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]').first.inner_text()


def go_to(page, link: str, heading: str) -> None:
    page.get_by_role("link", name=link).click()
    page.get_by_role("heading", name=heading).wait_for(timeout=120_000)
    wait_idle(page)


def pick(page, label: str, option: str, typed: str | None = None) -> None:
    box = page.get_by_role("combobox", name=label)
    box.click()
    if typed:
        box.fill(typed)
    page.get_by_role("option", name=option).first.click()
    wait_idle(page)


def editor(page):
    return page.locator('[data-testid="stDataFrame"]').filter(has=page.locator("th", has_text="删除")).first


def cell_text(grid, column: str, row: int) -> str:
    from extract.dashboard.corrections import COLUMN_ORDER

    return grid.locator(f'[data-testid="glide-cell-{COLUMN_ORDER.index(column)}-{row}"]').inner_text()


def cell_point(grid, column: str, row: int | None) -> tuple[float, float]:
    """Screen point of a cell (row None: the column's header), from the fixed column widths."""
    from extract.dashboard.corrections import COLUMN_ORDER

    box = grid.bounding_box()
    left = sum(WIDTHS[c] for c in COLUMN_ORDER[:COLUMN_ORDER.index(column)])
    y = HEADER / 2 if row is None else HEADER + ROW * row + ROW / 2
    return box["x"] + left + WIDTHS[column] / 2, box["y"] + y


def test_an_analysts_session_in_chromium(app_url, browser_page, screenshots):
    page = browser_page
    outside = []      # the map and everything else must come from this machine
    page.on("request", lambda request: outside.append(request.url)
            if urlparse(request.url).hostname not in ("127.0.0.1", None) else None)
    page.goto(app_url)
    page.get_by_role("heading", name="投资目标看板").wait_for(timeout=120_000)
    wait_idle(page)

    # the first screen: a year, two districts, a target with its 完成率 and status
    pick(page, "年份", "2024年")
    assert parse_qs(urlparse(page.url).query)["year"] == ["2024"]
    for place in PLACES:
        pick(page, "区县", place, typed=place)
    page.keyboard.press("Escape")
    wait_idle(page)
    assert sorted(c.split("/")[1][:2] for c in parse_qs(urlparse(page.url).query)["county"]) == sorted(PLACES)
    pick(page, "年份", "2025年")
    assert parse_qs(urlparse(page.url).query).get("year", ["2025"]) == ["2025"]    # absent when the default
    line = page.locator("li").filter(has_text="完成率").filter(has_text="%").first
    line.wait_for()
    text = line.inner_text()
    assert text.startswith(PLACES) and "%" in text and "状态" not in text, text
    assert any(word in text for word in ("已完成", "按序时推进", "落后于序时", "期限已过待报", "未完成", "暂无实绩"))
    no_error_on_page(page)
    page.screenshot(path=str(screenshots / "overview.png"), full_page=True)

    # 中文 → English → 中文, and the view survives
    page.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Investment targets").wait_for(timeout=60_000)
    wait_idle(page)
    no_error_on_page(page)
    year_box = page.get_by_role("combobox", name="Year")
    assert year_box.input_value() == "2025"                                  # the year picked, in English
    checked = page.locator('[data-testid="stRadio"] input[type="radio"]:checked')
    assert checked.count() == page.locator('[data-testid="stRadio"]').count()     # every radio shows its choice
    page.screenshot(path=str(screenshots / "overview_en.png"), full_page=True)
    page.get_by_text("中文", exact=True).click()
    page.get_by_role("heading", name="投资目标看板").wait_for(timeout=60_000)
    wait_idle(page)
    no_error_on_page(page)
    assert parse_qs(urlparse(page.url).query).get("year", ["2025"]) == ["2025"]
    assert page.locator("li").filter(has_text="完成率").first.inner_text() == text

    go_to(page, "地区对比", "地区对比")
    pick(page, "年份", "2025年")
    chosen = page.locator('[data-testid="stMultiSelect"]').filter(has_text="选择 2–6 个地区")
    for place in PLACES:       # the sidebar's counties are the first choice; a place it lacks is added
        if place not in chosen.inner_text():
            page.get_by_role("combobox", name="选择 2–6 个地区").click()
            page.get_by_role("option").filter(has_text=place).first.click()
            wait_idle(page)
    page.keyboard.press("Escape")
    wait_idle(page)
    no_error_on_page(page)
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 1
    page.screenshot(path=str(screenshots / "compare.png"), full_page=True)

    go_to(page, "目标跟踪", "目标跟踪")
    no_error_on_page(page)
    page.screenshot(path=str(screenshots / "tracking.png"), full_page=True)

    go_to(page, "数字分布与地图", "数字分布与地图")
    no_error_on_page(page)
    page.screenshot(path=str(screenshots / "distribution.png"), full_page=True)

    go_to(page, "文章与上传", "文章与上传")
    no_error_on_page(page)
    page.screenshot(path=str(screenshots / "documents.png"), full_page=True)

    # the figures table: sorted by a click on its header, a region corrected from the list, undone
    go_to(page, "数字明细", "数字明细")
    grid = editor(page)
    grid.wait_for()
    page.wait_for_timeout(1000)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="下载 CSV").click()
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows and {row["county"][:2] for row in rows} == set(PLACES)

    page.mouse.click(*cell_point(grid, "number", None))
    page.wait_for_timeout(800)
    shown = [float(cell_text(grid, "number", r).replace(",", "")) for r in range(6)]
    assert shown == sorted(shown), shown
    page.screenshot(path=str(screenshots / "figures_sorted.png"), full_page=True)
    page.reload()
    page.get_by_role("heading", name="数字明细").wait_for(timeout=60_000)
    wait_idle(page)
    grid = editor(page)
    grid.wait_for()
    page.wait_for_timeout(1000)

    before = cell_text(grid, "region", 0)
    # the other of the two districts the sidebar keeps, so that the row stays in the table
    target = next(r for r in ("江苏省 / 南通市 / 启东市", "江苏省 / 南通市 / 海门区") if r != before)
    page.mouse.dblclick(*cell_point(grid, "region", 0))
    page.wait_for_timeout(500)
    page.keyboard.type(target.split(" / ")[-1])
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    wait_idle(page)
    no_error_on_page(page)
    page.get_by_text("已保存 1 处更正").wait_for(timeout=30_000)
    page.wait_for_timeout(800)
    grid = editor(page)
    assert (cell_text(grid, "region", 0), cell_text(grid, "mark", 0)) == (target, "✎")
    # the history is read from the store
    page.locator("td", has_text="区县：" + target.split(" / ")[-1]).first.wait_for(state="attached", timeout=30_000)
    page.screenshot(path=str(screenshots / "figures_corrected.png"), full_page=True)
    page.get_by_role("button", name="撤销上一处更正").click()
    wait_idle(page)
    page.get_by_text("已撤销").wait_for(timeout=30_000)
    page.reload()        # what the table shows after a reload is what the store holds
    page.get_by_role("heading", name="数字明细").wait_for(timeout=60_000)
    wait_idle(page)
    grid = editor(page)
    grid.wait_for()
    page.wait_for_timeout(1000)
    assert cell_text(grid, "region", 0) == before

    # five quick edits (是目标 / 不是目标 in five rows, no pause between them), all stored
    grid = editor(page)
    wanted = {}
    for row in range(1, 6):
        wanted[row] = cell_text(grid, "is_target", row) != "true"
        page.mouse.click(*cell_point(grid, "is_target", row))
    wait_idle(page)
    page.wait_for_timeout(1500)
    wait_idle(page)
    page.reload()
    page.get_by_role("heading", name="数字明细").wait_for(timeout=60_000)
    wait_idle(page)
    grid = editor(page)
    grid.wait_for()
    page.wait_for_timeout(1000)
    assert {row: cell_text(grid, "is_target", row) == "true" for row in wanted} == wanted
    assert all(cell_text(grid, "mark", row) == "✎" for row in wanted)
    page.screenshot(path=str(screenshots / "figures.png"), full_page=True)
    assert not outside, outside
