"""What the benchmark and the load test need to drive Debian's Chromium against the app."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 # many tabs at once: none of them may be throttled as a background tab
                 "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
                 "--disable-backgrounding-occluded-windows"]
MAP = 'iframe[title="streamlit_folium.st_folium"]'
# a data path drawn inside the view (Leaflet gives paths outside it the empty "M0 0")
DRAWN = ".leaflet-overlay-pane path:not([d='M0 0'])"
# fit the map to one path (given as its SVG element), resolving once the view has settled
FIT_JS = """el => new Promise(done => {
    let layer = null;
    window.map.eachLayer(l => { if (l._path === el) layer = l; });
    window.map.once('moveend', () => setTimeout(done, 50));
    window.map.fitBounds(layer.getBounds(), {animate: false, padding: [40, 40]});
})"""
# a point on the middle of a path's stroke, in the map frame's coordinates
POINT_JS = """el => {
    const p = el.getPointAtLength(el.getTotalLength() / 2);
    const svg = el.ownerSVGElement, r = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
    return {x: r.x + (p.x - vb.x) * r.width / vb.width, y: r.y + (p.y - vb.y) * r.height / vb.height};
}"""
