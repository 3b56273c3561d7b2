/* Border Atlas static site: draws data/*.geojson with Leaflet and shows what the app's Python
 * rendered into data/history.json. This file has no history, status, date or citation rules:
 * statuses and holders are looked up in Python's per-year change lists ("runs"), colours,
 * labels and wording come from Python, and panels, tooltips and the chronicle are HTML that
 * Python escaped (views.panels / views.features, the same code the app shows with st.html).
 * Only those pre-rendered strings go through pythonHTML(); every other data string is set
 * with textContent or as an attribute value.
 */
(function () {
  "use strict";

  var VERSION = document.documentElement.getAttribute("data-version") || "";
  var LAYER_FILES = ["basemap_countries", "basemap_water", "zone_lines", "areas", "sections", "places"];
  var KINDS = ["section", "area", "place"];
  var LANGS = ["en", "ru", "zh"];
  var S = { data: {}, h: null, L: null, lang: "en", index: { section: {}, area: {}, place: {} }, selected: null,
    year: null, layers: {}, map: null, panel: document.getElementById("panel") };

  function el(tag, opts, children) {
    var node = document.createElement(tag);
    opts = opts || {};
    if (opts.cls) { node.className = opts.cls; }
    if (opts.text !== undefined && opts.text !== null) { node.textContent = String(opts.text); }
    Object.keys(opts.attrs || {}).forEach(function (k) { node.setAttribute(k, String(opts.attrs[k])); });
    (children || []).forEach(function (c) {
      if (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); }
    });
    return node;
  }

  /* HTML escaped by Python (history.json panels, tips, chronicle): the one HTML sink. */
  function pythonHTML(node, html) { node.innerHTML = html; return node; }

  function safeClass(id) { return String(id).replace(/[^A-Za-z0-9_-]/g, "_"); }

  /* ---------- year lookups: the last run entry whose year is <= the chosen year ---------- */

  function valueAt(kind, id) {
    var run = S.h.runs[kind + ":" + id] || [], found = null;
    for (var i = 0; i < run.length && run[i][0] <= S.year; i++) { found = run[i][1]; }
    return found;
  }

  function look(kind, id) { return S.L.meta.values[kind][String(valueAt(kind, id))] || S.L.meta.values[kind]["null"]; }

  function yearLine(kind, id) {   /* Python's wording, e.g. "Status in {year}: {label}" */
    var w = S.L.meta.wording[kind];
    return w ? w.replace("{year}", String(S.year)).replace("{label}", look(kind, id).label) : null;
  }

  /* ---------- map ---------- */

  function chosen(kind, id) { return S.selected && S.selected.kind === kind && S.selected.id === id; }

  function styleSection(f) {
    var v = look("section", f.properties.id), on = chosen("section", f.properties.id);
    return { color: v.colour, dashArray: v.dash || null, weight: on ? 8 : 4, opacity: 1, lineCap: "butt",
      className: "ba-section ba-id-" + safeClass(f.properties.id) };
  }

  function styleArea(f) {
    var v = look("area", f.properties.id), on = chosen("area", f.properties.id);
    return { color: on ? "#000000" : v.colour, weight: on ? 3 : 1.5, fillColor: v.colour, fillOpacity: 0.45,
      className: "ba-area ba-id-" + safeClass(f.properties.id) };
  }

  function fixedStyle(kind, f) {
    var st = Object.assign({}, S.h.styles[kind + ":" + f.properties.id] || {});
    st.className = "ba-" + kind.replace("_", "-") + " ba-id-" + safeClass(f.properties.id);
    return st;
  }

  function bind(kind, f, layer) {
    layer.bindTooltip(function () {
      var box = pythonHTML(el("div", { cls: "ba-tip", attrs: { lang: S.lang } }), S.L.tips[kind + ":" + f.properties.id] || "");
      var line = yearLine(kind, f.properties.id);
      if (line) { box.appendChild(el("small", { text: line })); }
      return box;
    }, { sticky: kind !== "place", direction: "top", opacity: 0.95 });
    if (S.index[kind]) {
      S.index[kind][f.properties.id] = S.index[kind][f.properties.id] || { feature: f, layer: layer };
      layer.on("click", function () { select(kind, f.properties.id, true); });
    }
  }

  function geo(name, pane, opts) { opts.pane = pane; return L.geoJSON(S.data[name], opts); }

  function buildMap() {
    var map = L.map("map", { zoomSnap: 0.5, attributionControl: true });
    S.map = map;
    map.attributionControl.addAttribution(S.h.meta.attribution_html);
    [["ba-basemap", 200], ["ba-areas", 410], ["ba-halo", 415], ["ba-sections", 420], ["ba-hit", 430], ["ba-places", 440]]
      .forEach(function (p) { map.createPane(p[0]).style.zIndex = String(p[1]); });
    S.layers.basemap = L.layerGroup([
      geo("basemap_countries", "ba-basemap", { interactive: false,
        style: { color: "#9a9a9a", weight: 0.8, fillColor: "#f2efe9", fillOpacity: 1, className: "ba-land" } }),
      geo("basemap_water", "ba-basemap", { interactive: false,
        style: { color: "#8fb8d8", weight: 1, fillColor: "#cfe3f3", fillOpacity: 1, className: "ba-water" } })
    ]).addTo(map);
    S.layers.areas = geo("areas", "ba-areas", { style: styleArea,
      pointToLayer: function (f, ll) { return L.circleMarker(ll, { radius: 8, pane: "ba-areas" }); },
      onEachFeature: function (f, layer) { bind("area", f, layer); } }).addTo(map);
    S.layers.sections = geo("sections", "ba-sections", { style: styleSection, interactive: false,
      onEachFeature: function (f, layer) { S.index.section[f.properties.id] = { feature: f, layer: layer }; } }).addTo(map);
    S.layers.hit = geo("sections", "ba-hit", {   /* wide invisible twin: easy to hover and click */
      style: function (f) { return { weight: 16, opacity: 0, className: "ba-hit ba-id-" + safeClass(f.properties.id) }; },
      onEachFeature: function (f, layer) { bind("section", f, layer); } }).addTo(map);
    S.layers.zones = geo("zone_lines", "ba-sections", { style: function (f) { return fixedStyle("zone_line", f); },
      onEachFeature: function (f, layer) { bind("zone_line", f, layer); } });
    S.layers.places = geo("places", "ba-places", {
      pointToLayer: function (f, ll) { return L.circleMarker(ll, Object.assign(fixedStyle("place", f), { pane: "ba-places" })); },
      onEachFeature: function (f, layer) { bind("place", f, layer); } }).addTo(map);
    layerControl();
    map.on("overlayadd overlayremove", function (e) {
      if (e.layer === S.layers.sections) {
        if (map.hasLayer(S.layers.sections)) { S.layers.hit.addTo(map); } else { map.removeLayer(S.layers.hit); }
      }
    });
    L.control.scale({ imperial: false }).addTo(map);
    S.legend = legend().addTo(map);
    var bounds = S.layers.sections.getBounds();
    if (bounds.isValid()) { map.fitBounds(bounds.pad(0.05)); } else { map.setView([46, 105], 4); }
  }

  function layerControl() {   /* layer names in the reader's language (Python's words) */
    var ui = S.L.meta.ui, names = {};
    if (S.control) { S.map.removeControl(S.control); }
    names[ui.layer_areas] = S.layers.areas; names[ui.layer_sections] = S.layers.sections;
    names[ui.layer_zones] = S.layers.zones; names[ui.layer_places] = S.layers.places;
    S.control = L.control.layers(null, names, { collapsed: true }).addTo(S.map);
  }

  function legend() {
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = pythonHTML(el("div", { cls: "ba-legend-box leaflet-bar", attrs: { lang: S.lang } }), S.L.meta.legend_html);
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    return control;
  }

  function restyle() {
    S.layers.sections.setStyle(styleSection);
    S.layers.areas.setStyle(styleArea);
    var entry = S.selected && S.index[S.selected.kind][S.selected.id];
    if (S.halo) { S.map.removeLayer(S.halo); S.halo = null; }
    if (entry) {   /* a dark casing under the chosen feature: visible whatever its colour */
      if (entry.layer.bringToFront) { entry.layer.bringToFront(); }
      S.halo = L.geoJSON(entry.feature, { pane: "ba-halo", interactive: false,
        style: { color: "#000000", weight: S.selected.kind === "section" ? 14 : 7, opacity: 0.35, fill: false, className: "ba-halo" },
        pointToLayer: function (f, ll) { return L.circleMarker(ll, { radius: 12, pane: "ba-halo" }); } }).addTo(S.map);
    }
    if (S.nowLine && S.selected) { S.nowLine.textContent = yearLine(S.selected.kind, S.selected.id) || ""; }
  }

  /* ---------- URL hash: #section=<id>&year=<yyyy> (also area=, place=) ---------- */

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var year = parseInt(params.get("year"), 10), y = S.h.meta.years, pick = null;
    KINDS.forEach(function (kind) { if (!pick && params.get(kind)) { pick = { kind: kind, id: params.get(kind) }; } });
    var lang = params.get("lang");
    return { pick: pick, lang: LANGS.indexOf(lang) >= 0 ? lang : null,
      year: isNaN(year) ? y.last : Math.max(y.first, Math.min(y.last, year)) };
  }

  function writeHash() {
    var parts = [];
    if (S.selected) { parts.push(S.selected.kind + "=" + encodeURIComponent(S.selected.id)); }
    if (S.year < S.h.meta.years.last) { parts.push("year=" + S.year); }
    if (S.lang !== "en") { parts.push("lang=" + S.lang); }
    var next = parts.length ? "#" + parts.join("&") : "";
    if (next !== location.hash) {
      S.ownHash = next;
      if (next) { location.hash = next; } else { window.history.replaceState(null, "", location.pathname + location.search); }
    }
  }

  function applyHash() {
    var h = readHash();
    setLang(h.lang || S.lang, false);
    setYear(h.year, false);
    if (h.pick) { select(h.pick.kind, h.pick.id, false, true); } else { S.selected = null; restyle(); showIndex(); }
  }

  function setYear(year, write) {
    S.year = year;
    document.getElementById("ba-year").value = String(year);
    document.getElementById("ba-year-out").textContent = String(year);
    if (S.layers.sections) { restyle(); }
    if (write) { writeHash(); }
  }

  /* ---------- side panel ---------- */

  /* ---------- language: only picks which of Python's renderings to show ---------- */

  function setLang(lang, write) {
    S.lang = LANGS.indexOf(lang) >= 0 ? lang : "en";
    S.L = S.lang === "en" || !S.h.langs ? S.h : S.h.langs[S.lang];
    var ui = S.L.meta.ui;
    document.documentElement.setAttribute("lang", S.lang);
    document.getElementById("ba-lang").value = S.lang;
    [["ba-title", "title"], ["ba-sub", "subtitle"], ["ba-status-in", "status_in"], ["ba-lang-label", "language"]]
      .forEach(function (p) { document.getElementById(p[0]).textContent = ui[p[1]]; });
    document.title = ui.title + " — " + ui.subtitle;
    document.getElementById("map").setAttribute("aria-label", ui.map_label);
    if (S.map) {
      layerControl();
      if (S.legend) { S.map.removeControl(S.legend); }
      S.legend = legend().addTo(S.map);
      if (S.selected) { showFeature(S.selected.kind, S.selected.id); } else { showIndex(); }
    }
    if (write) { writeHash(); }
  }

  function showIndex() { pythonHTML(S.panel, S.L.index); S.panel.setAttribute("lang", S.lang); }

  function showFeature(kind, id) {
    var ui = S.L.meta.ui;
    var back = el("button", { cls: "ba-link", text: ui.back, attrs: { type: "button" } });
    back.addEventListener("click", function () { S.selected = null; restyle(); writeHash(); showIndex(); });
    var html = S.L.panels[kind + ":" + id];
    S.nowLine = null;
    S.panel.setAttribute("lang", S.lang);
    if (html === undefined) {
      S.panel.replaceChildren(back, el("p", { cls: "ba-error", text: ui.missing.replace("{kind}", kind).replace("{id}", id) }));
      return;
    }
    var alt = (S.h.alt_names[id] || []).join(" · ");
    S.nowLine = S.L.meta.wording[kind] ? el("p", { cls: "ba-now", text: yearLine(kind, id) }) : null;
    S.panel.replaceChildren.apply(S.panel, [back, S.nowLine, pythonHTML(el("div", { cls: "ba-history" }), html),
      alt ? el("p", { cls: "ba-muted", text: ui.also_called + " " + alt }) : null].filter(Boolean));
    S.panel.scrollTop = 0;
  }

  function select(kind, id, write, fit) {
    if (KINDS.indexOf(kind) < 0) { return; }
    S.selected = { kind: kind, id: id };
    restyle();
    showFeature(kind, id);
    var entry = S.index[kind][id];
    if (fit && entry) {
      var b = entry.layer.getBounds ? entry.layer.getBounds() : L.latLngBounds([entry.layer.getLatLng()]);
      S.map.fitBounds(b.pad(0.2), { maxZoom: 9 });
    }
    if (write) { writeHash(); }
  }

  /* ---------- start ---------- */

  function getJSON(file) {
    return fetch("data/" + file + "?v=" + encodeURIComponent(VERSION), { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) { throw new Error(file + ": HTTP " + r.status); }
        return r.json();
      });
  }

  function start() {
    var files = LAYER_FILES.map(function (n) { return n + ".geojson"; }).concat(["history.json"]);
    Promise.all(files.map(getJSON)).then(function (docs) {
      LAYER_FILES.forEach(function (n, i) { S.data[n] = docs[i]; });
      S.h = docs[docs.length - 1];
      setLang(readHash().lang || (navigator.language || "en").slice(0, 2).toLowerCase(), false);
      var input = document.getElementById("ba-year");
      input.min = String(S.h.meta.years.first); input.max = String(S.h.meta.years.last);
      S.year = S.h.meta.years.last;
      buildMap();
      input.addEventListener("input", function () { setYear(parseInt(input.value, 10), false); });
      input.addEventListener("change", function () { setYear(parseInt(input.value, 10), true); });
      document.getElementById("ba-lang").addEventListener("change", function (e) { setLang(e.target.value, true); });
      window.addEventListener("hashchange", function () {
        if (location.hash === S.ownHash) { S.ownHash = null; return; }  /* we wrote it */
        applyHash();
      });
      S.panel.addEventListener("click", function (e) {   /* buttons in Python's index HTML */
        var b = e.target.closest("button[data-kind]");
        if (b) { select(b.getAttribute("data-kind"), b.getAttribute("data-id"), true, true); }
      });
      applyHash();
      document.documentElement.setAttribute("data-ready", "1");
    }).catch(function (err) {   /* Python's words if history.json came, else its English */
      var ui = S.L && S.L.meta.ui;
      var text = ui ? ui.load_error.replace("{error}", err.message) : "Could not load the map data (" + err.message + "). " +
        "Serve this folder over HTTP (for example: python3 -m http.server) instead of opening index.html as a file.";
      S.panel.replaceChildren(el("p", { cls: "ba-error", text: text }));
      document.documentElement.setAttribute("data-ready", "error");
    });
  }

  start();
}());
