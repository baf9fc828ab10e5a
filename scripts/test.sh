#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine and runs the whole suite,
# the long property runs (marked slow) included: Chromium and CJK fonts for the browser tests
# (Debian packages), then this package with its test extras. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
python -m pip install -q --disable-pip-version-check -e ".[test]"
python -m pytest -m "slow or not slow" "$@"
