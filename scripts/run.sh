#!/usr/bin/env bash
# Installs the package and opens the dashboard on the bundled seeds (the store is created and
# loaded with seeds/ on first run). Extra arguments go to `streamlit run`.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q --disable-pip-version-check -e .
exec python -m streamlit run dashboard.py "$@"
