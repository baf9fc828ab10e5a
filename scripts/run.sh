#!/usr/bin/env bash
# Opens the dashboard on the bundled seeds (the store is created and loaded with seeds/ on first
# run), from the project's virtual environment .venv/, which the first run creates and fills
# (scripts/venv.sh). Extra arguments go to `streamlit run`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
venv_install .
exec "$VENV_PYTHON" -m streamlit run dashboard.py "$@"
