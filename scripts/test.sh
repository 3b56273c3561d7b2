#!/usr/bin/env bash
# One command: set up everything the tests need (venv, Debian chromium) and run them all.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
bash scripts/setup.sh --dev
.venv/bin/ruff check .
.venv/bin/python -m borderatlas validate geodata
exec .venv/bin/python -m pytest -q "$@"
