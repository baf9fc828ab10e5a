"""The README's Quickstart, run as a new user on a stock Debian or Ubuntu runs it: a fresh clone of
this repository's committed HEAD, an empty HOME and PATH=/usr/bin:/bin, so the only Python is the
system's /usr/bin/python3 (EXTERNALLY-MANAGED, no `python`). Both commands must create the
project's .venv/, install into it from PyPI and run from it; a second run must reuse it.

Each test downloads the dependencies from PyPI into its own fresh venv (about a minute here).
"""
from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = Path("/usr/bin/python3")
INSTALL_MESSAGE = "Installing "          # what scripts/venv.sh prints before it runs pip
INSTALL_SECONDS = 900                    # a fresh venv, every dependency downloaded: ~1 min measured

pytestmark = [
    pytest.mark.quickstart,
    pytest.mark.skipif(not SYSTEM_PYTHON.exists(),
                       reason="no /usr/bin/python3: not a Debian or Ubuntu system Python to start from"),
]


@pytest.fixture
def clone(tmp_path) -> Path:
    """A fresh clone (committed HEAD only: no .venv/, no data/)."""
    target = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True, timeout=120)
    return target


@pytest.fixture
def bare_env(tmp_path) -> dict[str, str]:
    """`env -i HOME=<empty> PATH=/usr/bin:/bin`: no pyenv, conda or venv Python, no pip settings."""
    home = tmp_path / "home"
    home.mkdir()
    return {"HOME": str(home), "PATH": "/usr/bin:/bin"}


def _stop(process: subprocess.Popen) -> None:
    """Ends the script's whole process group (bash execs streamlit, which may have children)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


def test_run_command_serves_the_dashboard_from_a_venv_of_the_system_python(clone, bare_env, port, tmp_path):
    log_path = tmp_path / "run.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            ["bash", "scripts/run.sh", "--server.headless", "true", "--server.port", str(port)],
            cwd=clone, env=bare_env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + INSTALL_SECONDS
            health = b""
            while server.poll() is None and time.monotonic() < deadline and health != b"ok":
                time.sleep(1)
                try:
                    health = urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read()
                except OSError:
                    pass
            page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read() if health == b"ok" else b""
        finally:
            _stop(server)
    output = log_path.read_text(errors="replace")
    assert health == b"ok", f"no dashboard on port {port} within {INSTALL_SECONDS}s:\n{output[-4000:]}"
    assert b"<title>Streamlit</title>" in page
    assert f"Creating the virtual environment .venv/ with {SYSTEM_PYTHON}" in output
    assert (clone / ".venv" / "bin" / "streamlit").exists()


def test_test_command_installs_into_a_venv_and_a_second_run_reuses_it(clone, bare_env):
    def test_command() -> tuple[str, float]:
        start = time.monotonic()
        done = subprocess.run(["bash", "scripts/test.sh", "tests/test_normalize.py", "-q"],
                              cwd=clone, env=bare_env, capture_output=True, text=True, timeout=INSTALL_SECONDS)
        output = done.stdout + done.stderr
        assert done.returncode == 0, output[-4000:]
        return output, time.monotonic() - start

    first, _ = test_command()
    assert f"Creating the virtual environment .venv/ with {SYSTEM_PYTHON}" in first
    assert INSTALL_MESSAGE + ".[test] into .venv/" in first
    assert " passed" in first
    (installed,) = (clone / ".venv" / "installed").read_text().splitlines()
    assert installed.endswith(" .[test]")

    second, seconds = test_command()
    assert INSTALL_MESSAGE not in second and "Creating" not in second
    assert " passed" in second
    assert seconds < 60, f"the second run took {seconds:.0f}s: it should reuse .venv/"
