#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine and runs the whole suite,
# the long property runs (marked slow) included: Chromium and CJK fonts for the browser tests
# (Debian packages), then this package with its test extras into the project's virtual
# environment .venv/ (scripts/venv.sh), which runs the suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  apt_install chromium fonts-noto-cjk
fi
venv_install ".[test]"
exec "$VENV_PYTHON" -m pytest -m "slow or not slow" "$@"
