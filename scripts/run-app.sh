#!/usr/bin/env bash
# One command: set up and run the app on the bundled data (http://localhost:8501).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# `serve` = `streamlit run app.py "$@"`, plus one warm-up run before the first visitor
exec .venv/bin/python -m borderatlas serve "$@"
