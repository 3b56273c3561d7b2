import re
import shutil
import subprocess
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


def test_the_bundle_holds_leaflet_then_every_script_of_ours_and_is_named_by_its_content(
        tmp_path: Path):
    name, text = assets.bundle()
    assert re.fullmatch(r"borderatlas/bundle-[0-9a-f]{12}\.js", name)
    own = sorted(p.name for p in assets.OWN_JS.iterdir() if p.suffix == ".js")
    starts = [text.index(f"/* ---- borderatlas/{n} ---- */") for n in own]
    assert text.index("/* ---- leaflet/leaflet.js ---- */") == 0 < min(starts)
    assert text.index("/* ---- borderatlas/selection.js ---- */") == min(starts)  # shared helpers
    assert "Leaflet 1." in text[:200]
    sources = "".join((assets.OWN_JS / n).read_text(encoding="utf-8") for n in own)
    assert len(text) - len(text.split("/* ---- borderatlas/")[0]) < 0.7 * len(sources)  # minified
    assert "/* Border Atlas:" not in text  # our files' header comments are not sent
    if shutil.which("node"):  # and the minified bundle still parses
        bundle = tmp_path / "bundle.js"
        bundle.write_text(text, encoding="utf-8")
        subprocess.run(["node", "--check", str(bundle)], check=True)
    target = assets.install_vendor(tmp_path)
    assert (target / name).read_text(encoding="utf-8") == text
    assert assets.served_text(name) == text
    assert assets.served_text("leaflet/leaflet.css") is not None
    assert assets.served_text("nothing/here.js") is None


def test_local_urls_respect_base_path():
    assert assets.local_js() == [("ba_bundle", "/app/static/vendor/" + assets.bundle()[0])]
    assert assets.local_js("/atlas/")[0][1].startswith("/atlas/app/static/vendor/borderatlas/bundle-")
    assert assets.local_css("/atlas/")[0][1] == "/atlas/app/static/vendor/leaflet/leaflet.css"


def test_map_renders_without_any_cdn_url():
    m = assets.use_local_assets(folium.Map(tiles=None))
    html = m.get_root().render()
    assert assets.external_urls(html) == []
    assert assets.bundle_url() in html
    assert "bootstrap" not in html and "awesome" not in html and "jquery" not in html.lower()
