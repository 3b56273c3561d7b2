from pathlib import Path

import folium

from borderatlas.map import assets


def test_vendor_files_exist_in_installed_packages():
    files = assets.vendor_files()
    names = {f.relative for f in files}
    assert {"leaflet/leaflet.js", "leaflet/leaflet.css"} <= names
    assert not [n for n in names if "jquery" in n]  # no map needs it
    assert all(f.source.is_file() for f in files)


def test_install_vendor_copies_real_files_and_ignores_them(tmp_path: Path):
    target = assets.install_vendor(tmp_path)
    js = target / "leaflet/leaflet.js"
    assert js.is_file() and not js.is_symlink()
    assert js.stat().st_size > 100_000
    assert (target / ".gitignore").read_text().strip().endswith("*")
    before = js.stat().st_mtime_ns
    assets.install_vendor(tmp_path)  # idempotent: unchanged files are not rewritten
    assert js.stat().st_mtime_ns == before


def test_local_urls_respect_base_path():
    assert assets.local_js()[0] == ("leaflet", "/app/static/vendor/leaflet/leaflet.js")
    assert assets.local_css("/atlas/")[0][1] == "/atlas/app/static/vendor/leaflet/leaflet.css"


def test_map_renders_without_any_cdn_url():
    m = assets.use_local_assets(folium.Map(tiles=None))
    html = m.get_root().render()
    assert assets.external_urls(html) == []
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    assert "bootstrap" not in html and "awesome" not in html and "jquery" not in html.lower()
