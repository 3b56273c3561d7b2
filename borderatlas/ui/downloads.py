"""Download bytes for the Sources & data page, built by the exporters and cached per process."""

from __future__ import annotations

import functools
import io
import zipfile

import streamlit as st

from borderatlas.export.formats import export_bytes
from borderatlas.ui.cache import full_atlas
from borderatlas.ui.lang import gettext
from borderatlas.views.messages import N_
from borderatlas.views.panels import atlas_cite_html

# button label -> (format, download file name, MIME type); format names stay as they are
DOWNLOADS = {
    "GeoPackage": ("gpkg", "border-atlas.gpkg", "application/geopackage+sqlite3"),
    "BibTeX": ("bibtex", "bibliography.bib", "application/x-bibtex"),
    "RIS": ("ris", "bibliography.ris", "application/x-research-info-systems"),
    "CSL-JSON": ("csl", "bibliography.csl.json", "application/vnd.citationstyles.csl+json"),
    N_("CSV (zip)"): ("csv", "border-atlas-csv.zip", "application/zip"),
}


def _zip(files: dict[str, bytes]) -> bytes:
    """Files in a zip with fixed timestamps, so the same data gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), files[name])
    return out.getvalue()


@st.cache_data(show_spinner="Preparing the download…")
def download_bytes(label: str) -> bytes:
    """One download's bytes (full resolution data), built once per process."""
    fmt, name, _ = DOWNLOADS[label]
    files = export_bytes(full_atlas(), fmt)
    return files[name] if name in files else _zip(files)


@st.cache_data(show_spinner=False)
def how_to_cite_html(lang: str = "en") -> str:
    """How to cite the atlas (Chicago, APA, BibTeX from CITATION.cff), rendered once per language."""
    return atlas_cite_html(lang=lang)


def download_buttons(columns: int = 3) -> None:
    """One download button per export format; each file is built when its button is clicked."""
    _ = gettext()
    cols = st.columns(columns)
    for i, (label, (fmt, name, mime)) in enumerate(DOWNLOADS.items()):
        cols[i % columns].download_button(_(label), functools.partial(download_bytes, label),
                                          file_name=name, mime=mime, key=f"src_dl_{fmt}")
