#!/usr/bin/env bash
# One command: set up everything the tests need (venv, Debian chromium, node, CJK font, nginx) and run
# every check: ruff, mypy, the import contracts, node --check on the browser code, the data
# validator and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || need+=(nginx)
command -v node >/dev/null || need+=(nodejs)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
if [ "${#need[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
bash scripts/setup.sh --dev
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/lint-imports --no-cache
find borderatlas -name '*.js' -print0 | xargs -0 -n1 node --check
.venv/bin/python -m borderatlas validate geodata
# two workers: the suite takes ~6 minutes on two cores instead of ~10 (README "Run the tests")
exec .venv/bin/python -m pytest -q -n "${PYTEST_WORKERS:-2}" --dist loadfile "$@"
