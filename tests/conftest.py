"""Shared fixtures: the bundled seeds, gold annotations and scorer (copies of ../shared, so the
suite stands alone)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from support import GOLD, SEEDS, load_scorer


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt"))}


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    return {g["doc"]: g for g in (json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json")))}


@pytest.fixture(scope="session")
def seed_predictions(seed_texts):
    from extract import extract_mentions

    return [f.to_dict() for name, text in seed_texts.items() for f in extract_mentions(text, doc_name=name)]


@pytest.fixture(scope="session")
def seed_report(gold, seed_predictions):
    report, errors = load_scorer().score(gold, seed_predictions, str(SEEDS))
    return report, errors


@pytest.fixture(autouse=True)
def _real_main_module():
    """AppTest runs a page as __main__ and may leave it in sys.modules; a Dask worker process
    started later (spawned) would re-run that page on start and fail on the store's lock. Each
    test gets the real __main__ back."""
    main = sys.modules.get("__main__")
    yield
    if main is not None:
        sys.modules["__main__"] = main


# -- shared by the dashboard and tracking tests (AppTest downloads, real-browser tests) ----------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def port() -> int:
    """A free port on 127.0.0.1 for a Streamlit server under test."""
    return free_port()


@pytest.fixture
def streamlit_server(port, request):
    """A function that starts `streamlit run SCRIPT` on 127.0.0.1:`port` with INVEST_DATA_DIR set,
    waits until it answers, and returns its URL; the server stops when the test ends."""
    def start(script: str, data_dir: Path, log_path: Path) -> str:
        log = open(log_path, "wb")
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=SEEDS.parent, env={**os.environ, "INVEST_DATA_DIR": str(data_dir)}, stdout=log,
            stderr=subprocess.STDOUT)

        def stop():
            server.terminate()
            server.wait(timeout=20)
            log.close()

        request.addfinalizer(stop)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    return url
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError("streamlit did not start: " + log_path.read_text())
            time.sleep(0.5)

    return start


@pytest.fixture
def browser_page():
    """A page of Debian's Chromium driven by Playwright (no browser download: scripts/test.sh
    installs chromium and fonts-noto-cjk)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "apt-get install chromium fonts-noto-cjk (scripts/test.sh does)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 1800}, accept_downloads=True,
                                      locale="zh-CN")
        yield context.new_page()
        browser.close()


@pytest.fixture
def media(monkeypatch):
    """Every file the app hands to a download button, by media file id."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        files[file_id] = path_or_data
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    return files
