/* Border Atlas static site: draws data/*.geojson with Leaflet and tells each feature's history.
 *
 * Rule: every string that comes from the data is inserted with textContent or as an attribute
 * value, never parsed as HTML (no innerHTML, no Leaflet string tooltips). Leaflet gets DOM
 * elements for tooltips, and the only string handed to it (the attribution) is escaped first.
 */
(function () {
  "use strict";

  var VERSION = document.documentElement.getAttribute("data-version") || "";
  var LAYER_FILES = ["basemap_countries", "basemap_water", "zone_lines", "areas", "sections", "places"];
  var COUNTRY = {
    CHN: "China", RUS: "Russia", SUN: "USSR", KAZ: "Kazakhstan", KGZ: "Kyrgyzstan",
    TJK: "Tajikistan", MNG: "Mongolia", PRK: "North Korea", AFG: "Afghanistan",
    disputed: "disputed"
  };
  var PERSPECTIVE = { CHN: "Chinese account", "SUN/RUS": "Soviet / Russian account", other: "Other account" };
  var KINDS = { section: "sections", area: "areas" };
  var PRESENT = "9999-12-31";

  var S = {
    data: {}, history: null, statusStyle: {}, index: { section: {}, area: {} },
    selected: null, year: null, minYear: 1858, maxYear: 2015, layers: {}, map: null,
    panel: document.getElementById("panel"), fromMap: false
  };

  /* ---------- DOM helpers: text only ---------- */

  function el(tag, opts, children) {
    var node = document.createElement(tag);
    opts = opts || {};
    if (opts.cls) { node.className = opts.cls; }
    if (opts.text !== undefined && opts.text !== null) { node.textContent = String(opts.text); }
    if (opts.attrs) {
      Object.keys(opts.attrs).forEach(function (k) {
        var v = opts.attrs[k];
        if (v !== undefined && v !== null) { node.setAttribute(k, String(v)); }
      });
    }
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) {
        node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
      }
    });
    return node;
  }

  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function safeClass(id) { return String(id).replace(/[^A-Za-z0-9_-]/g, "_"); }

  function safeURL(u) {
    try {
      var parsed = new URL(String(u));
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) { return null; }
  }

  /* ---------- dates and intervals (to is exclusive; a bare year means its last day) ---------- */

  function norm(d) {
    if (!d) { return null; }
    var p = String(d).split("-");
    return [p[0], p[1] || "01", p[2] || "01"].join("-");
  }

  function when() { return S.year >= S.maxYear ? PRESENT : S.year + "-12-31"; }

  function rowAt(rows, at) {
    for (var i = 0; i < (rows || []).length; i++) {
      var r = rows[i], from = norm(r.from), to = r.to ? norm(r.to) : PRESENT + "~";
      if (from <= at && at < to) { return r; }
    }
    return null;
  }

  function hist(kind, id) { return (S.history.features[KINDS[kind]] || {})[id] || {}; }

  function statusOf(id) {
    var row = rowAt(hist("section", id).timeline, when());
    return row ? row.status : null;
  }

  function holderOf(id) {
    var row = rowAt(hist("area", id).holders, when());
    return row ? row.holder : null;
  }

  function span(from, to) { return (from || "?") + " – " + (to || "today"); }

  /* ---------- citations ---------- */

  function citeLabel(item, key) {
    if (!item) { return key; }
    var people = item.author || item.editor || [];
    var names = people.map(function (a) { return a.family || a.literal || ""; }).filter(Boolean);
    var who = names.length > 2 ? names[0] + " et al." : names.join(" & ");
    var year = item.issued && item.issued["date-parts"] ? item.issued["date-parts"][0][0] : "";
    var label = [who || item["title-short"] || item.title || key, year].filter(Boolean).join(" ");
    return label || key;
  }

  function citeURL(item) {
    if (!item) { return null; }
    return safeURL(item.URL) || (item.DOI ? safeURL("https://doi.org/" + item.DOI) : null);
  }

  function fullCitation(item, key) {
    if (!item) { return key; }
    var people = (item.author || item.editor || []).map(function (a) {
      return a.literal || [a.family, a.given].filter(Boolean).join(", ");
    }).filter(Boolean);
    var year = item.issued && item.issued["date-parts"] ? item.issued["date-parts"][0][0] : "n.d.";
    return [people.join("; "), "(" + year + ").", item.title ? item.title + "." : "",
      item["container-title"] || item.publisher || ""].filter(Boolean).join(" ");
  }

  function sourceLinks(keys, cited) {
    keys = keys || [];
    if (!keys.length) { return null; }
    var wrap = el("span", { cls: "ba-sources" }, ["Sources: "]);
    keys.forEach(function (key, i) {
      var item = S.history.bibliography[key];
      if (cited && cited.indexOf(key) < 0) { cited.push(key); }
      var href = citeURL(item);
      var opts = { text: citeLabel(item, key), attrs: { title: fullCitation(item, key) } };
      var node;
      if (href) {
        opts.attrs.href = href;
        opts.attrs.rel = "noopener noreferrer external";
        opts.attrs.target = "_blank";
        node = el("a", opts);
      } else {
        node = el("cite", opts);
      }
      if (i) { wrap.appendChild(document.createTextNode("; ")); }
      wrap.appendChild(node);
    });
    return wrap;
  }

  /* ---------- map styles ---------- */

  function styleSection(feature) {
    var st = S.statusStyle[statusOf(feature.properties.id)] || S.statusStyle["null"];
    var chosen = S.selected && S.selected.kind === "section" && S.selected.id === feature.properties.id;
    return {
      color: st.colour, dashArray: st.dash || null, weight: chosen ? 8 : 4, opacity: 1,
      lineCap: "butt", className: "ba-section ba-id-" + safeClass(feature.properties.id)
    };
  }

  function styleArea(feature) {
    var h = holderOf(feature.properties.id);
    var fill = S.history.meta.holder_colours[h] || S.history.meta.holder_unknown;
    var chosen = S.selected && S.selected.kind === "area" && S.selected.id === feature.properties.id;
    return {
      color: chosen ? "#000000" : fill, weight: chosen ? 3 : 1.5, fillColor: fill,
      fillOpacity: 0.45, className: "ba-area ba-id-" + safeClass(feature.properties.id)
    };
  }

  function tooltip(props, extra) {
    var box = el("div", { cls: "ba-tip" }, [
      el("strong", { text: props.name_en || props.id }),
      props.name_ru ? el("div", { text: props.name_ru, attrs: { lang: "ru" } }) : null,
      props.name_zh ? el("div", {}, [
        el("span", { text: props.name_zh, attrs: { lang: "zh" } }),
        props.name_zh_pinyin ? el("i", { text: " " + props.name_zh_pinyin }) : null
      ]) : null
    ]);
    if (extra) { box.appendChild(el("small", { text: extra })); }
    return box;
  }

  function tipExtra(kind, props) {
    if (kind === "section") {
      var st = S.statusStyle[statusOf(props.id)] || S.statusStyle["null"];
      return st.label + (S.year >= S.maxYear ? " today" : " in " + S.year);
    }
    var h = holderOf(props.id);
    return h ? "held by " + (COUNTRY[h] || h) + (S.year >= S.maxYear ? " today" : " in " + S.year) : null;
  }

  function bindFeature(kind, feature, layer) {
    layer.bindTooltip(function () { return tooltip(feature.properties, tipExtra(kind, feature.properties)); },
      { sticky: true, direction: "top", opacity: 0.95 });
    layer.on("click", function () { select(kind, feature.properties.id, true); });
  }

  function buildMap() {
    var map = L.map("map", { zoomSnap: 0.5, worldCopyJump: false, attributionControl: true });
    S.map = map;
    map.attributionControl.addAttribution(escapeHTML(S.history.meta.attribution));
    [["ba-basemap", 200], ["ba-areas", 410], ["ba-halo", 415], ["ba-sections", 420], ["ba-hit", 430], ["ba-places", 440]]
      .forEach(function (p) { map.createPane(p[0]).style.zIndex = String(p[1]); });
    S.layers.basemap = L.layerGroup([
      L.geoJSON(S.data.basemap_countries, {
        pane: "ba-basemap", interactive: false,
        style: { color: "#9a9a9a", weight: 0.8, fillColor: "#f2efe9", fillOpacity: 1, className: "ba-land" }
      }),
      L.geoJSON(S.data.basemap_water, {
        pane: "ba-basemap", interactive: false,
        style: { color: "#8fb8d8", weight: 1, fillColor: "#cfe3f3", fillOpacity: 1, className: "ba-water" }
      })
    ]).addTo(map);
    S.layers.areas = L.geoJSON(S.data.areas, {
      pane: "ba-areas", style: styleArea,
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 8, pane: "ba-areas" }); },
      onEachFeature: function (f, layer) {
        S.index.area[f.properties.id] = { feature: f, layer: layer };
        bindFeature("area", f, layer);
      }
    }).addTo(map);
    S.layers.sections = L.geoJSON(S.data.sections, {
      pane: "ba-sections", style: styleSection, interactive: false,
      onEachFeature: function (f, layer) { S.index.section[f.properties.id] = { feature: f, layer: layer }; }
    }).addTo(map);
    S.layers.hit = L.geoJSON(S.data.sections, {   /* wide invisible twin: easy to hover and click */
      pane: "ba-hit",
      style: function (f) { return { weight: 16, opacity: 0, className: "ba-hit ba-id-" + safeClass(f.properties.id) }; },
      onEachFeature: function (f, layer) { bindFeature("section", f, layer); }
    }).addTo(map);
    S.layers.zones = L.geoJSON(S.data.zone_lines, {
      pane: "ba-sections",
      style: function (f) {
        var claim = f.properties.kind === "claim";
        var c = claim ? (S.history.meta.holder_colours[f.properties.claimant] || "#CC79A7") : "#000000";
        return { color: c, weight: 2.5, dashArray: claim ? "4 4" : "1 5", className: "ba-zone-line" };
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(function () {
          return tooltip(f.properties, (f.properties.kind === "claim" ? "claim line" : "former line") +
            " " + span(f.properties.valid_from, f.properties.valid_to));
        }, { sticky: true });
      }
    });
    S.layers.places = L.geoJSON(S.data.places, {
      pane: "ba-places",
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, {
          pane: "ba-places", radius: f.properties.kind === "city" ? 4 : 3.5, color: "#000000",
          weight: 1, fillColor: f.properties.kind === "clash_site" ? "#D55E00" : "#ffffff",
          fillOpacity: 1, className: "ba-place ba-id-" + safeClass(f.properties.id)
        });
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(function () { return tooltip(f.properties, (f.properties.kind || "").replace("_", " ") + (f.properties.date ? ", " + f.properties.date : "")); },
          { direction: "top" });
      }
    }).addTo(map);
    L.control.layers(null, {
      "Areas": S.layers.areas, "Border sections": S.layers.sections,
      "Former and claimed lines": S.layers.zones, "Places": S.layers.places
    }, { collapsed: true }).addTo(map);
    map.on("overlayadd overlayremove", function (e) {
      if (e.layer === S.layers.sections) {
        if (map.hasLayer(S.layers.sections)) { S.layers.hit.addTo(map); } else { map.removeLayer(S.layers.hit); }
      }
    });
    L.control.scale({ imperial: false }).addTo(map);
    legend().addTo(map);
    var bounds = S.layers.sections.getBounds();
    if (bounds.isValid()) { map.fitBounds(bounds.pad(0.05)); } else { map.setView([46, 105], 4); }
  }

  function swatchLine(colour, dash) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "34"); svg.setAttribute("height", "10"); svg.setAttribute("aria-hidden", "true");
    var line = document.createElementNS(ns, "line");
    [["x1", 1], ["y1", 5], ["x2", 33], ["y2", 5], ["stroke", colour], ["stroke-width", 4]]
      .forEach(function (a) { line.setAttribute(a[0], String(a[1])); });
    if (dash) { line.setAttribute("stroke-dasharray", dash); }
    svg.appendChild(line);
    return svg;
  }

  function legend() {
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = el("div", { cls: "ba-legend leaflet-bar" });
      S.legendTitle = el("strong", { text: "" });
      box.appendChild(S.legendTitle);
      S.history.meta.statuses.forEach(function (st) {
        box.appendChild(el("div", { cls: "ba-legend-row" }, [swatchLine(st.colour, st.dash), " " + st.label]));
      });
      box.appendChild(el("strong", { text: "Areas: held by" }));
      var seen = {};
      S.data.areas.features.forEach(function (f) {
        (hist("area", f.properties.id).holders || []).forEach(function (h) { seen[h.holder] = true; });
      });
      Object.keys(seen).sort().forEach(function (h) {
        var sw = el("span", { cls: "ba-swatch" });
        sw.style.background = S.history.meta.holder_colours[h] || S.history.meta.holder_unknown;
        box.appendChild(el("div", { cls: "ba-legend-row" }, [sw, " " + (COUNTRY[h] || h)]));
      });
      L.DomEvent.disableClickPropagation(box);
      updateLegendTitle();
      return box;
    };
    return control;
  }

  function updateLegendTitle() {
    if (S.legendTitle) {
      S.legendTitle.textContent = "Border status " + (S.year >= S.maxYear ? "today" : "in " + S.year);
    }
  }

  function restyle() {
    S.layers.sections.setStyle(styleSection);
    S.layers.areas.setStyle(styleArea);
    var chosen = S.selected && S.index[S.selected.kind][S.selected.id];
    if (chosen && chosen.layer.bringToFront) { chosen.layer.bringToFront(); }
    if (S.halo) { S.map.removeLayer(S.halo); S.halo = null; }
    if (chosen) {   /* a dark casing under the chosen feature: visible whatever its colour */
      S.halo = L.geoJSON(chosen.feature, {
        pane: "ba-halo", interactive: false,
        style: { color: "#000000", weight: S.selected.kind === "section" ? 14 : 7, opacity: 0.35,
          fill: false, className: "ba-halo" },
        pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 12, pane: "ba-halo" }); }
      }).addTo(S.map);
    }
    updateLegendTitle();
  }

  /* ---------- URL hash: #section=<id>&year=<yyyy> ---------- */

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var year = parseInt(params.get("year"), 10);
    var pick = null;
    ["section", "area"].forEach(function (kind) {
      var id = params.get(kind);
      if (!pick && id) { pick = { kind: kind, id: id }; }
    });
    return { pick: pick, year: isNaN(year) ? S.maxYear : Math.max(S.minYear, Math.min(S.maxYear, year)) };
  }

  function writeHash() {
    var parts = [];
    if (S.selected) { parts.push(S.selected.kind + "=" + encodeURIComponent(S.selected.id)); }
    if (S.year < S.maxYear) { parts.push("year=" + S.year); }
    var next = parts.length ? "#" + parts.join("&") : "";
    if (next !== location.hash) {
      S.ownHash = next;
      if (next) { location.hash = next; } else { window.history.replaceState(null, "", location.pathname + location.search); }
    }
  }

  function applyHash(fit) {
    var h = readHash();
    setYear(h.year, false);
    if (h.pick) { select(h.pick.kind, h.pick.id, false, fit); } else { S.selected = null; restyle(); showIndex(); }
  }

  function setYear(year, write) {
    S.year = year;
    var input = document.getElementById("ba-year");
    input.value = String(year);
    document.getElementById("ba-year-out").textContent = year >= S.maxYear ? "present" : String(year);
    if (S.layers.sections) { restyle(); }
    if (S.selected) { markCurrentRows(); }
    if (write) { writeHash(); }
  }

  /* ---------- side panel ---------- */

  function heading(level, text) { return el("h" + level, { text: text }); }

  function downloads() {
    var list = el("ul", { cls: "ba-downloads" });
    LAYER_FILES.concat(["history"]).forEach(function (name) {
      var file = name + (name === "history" ? ".json" : ".geojson");
      list.appendChild(el("li", {}, [el("a", { text: file, attrs: { href: "data/" + file, download: file } })]));
    });
    return el("section", {}, [heading(3, "Download the data"), list,
      el("p", { cls: "ba-note", text: "Boundary geometry © OpenStreetMap contributors, ODbL; every feature lists its own sources." })]);
  }

  function selectButton(kind, id, label) {
    var b = el("button", { cls: "ba-link", text: label, attrs: { type: "button", "data-kind": kind, "data-id": id } });
    b.addEventListener("click", function () { select(kind, id, true, true); });
    return b;
  }

  function showIndex() {
    var sections = S.data.sections.features.slice();
    var secList = el("ol", { cls: "ba-index" });
    sections.forEach(function (f) {
      secList.appendChild(el("li", {}, [selectButton("section", f.properties.id, f.properties.name_en || f.properties.id),
        el("span", { cls: "ba-muted", text: " " + (f.properties.pair || "") })]));
    });
    var areaList = el("ul", { cls: "ba-index" });
    S.data.areas.features.slice().sort(function (a, b) {
      return String(a.properties.name_en).localeCompare(String(b.properties.name_en));
    }).forEach(function (f) {
      areaList.appendChild(el("li", {}, [selectButton("area", f.properties.id, f.properties.name_en || f.properties.id)]));
    });
    S.panel.replaceChildren(
      heading(2, "The border, section by section"),
      el("p", { text: "Click a section of the line or an area on the map, or pick one here, to read its history: status over time, dated events with sources, and where the Chinese and Soviet/Russian accounts differ." }),
      secList, heading(3, "Areas that changed hands or were disputed"), areaList, chronicle(), downloads()
    );
  }

  function chronicle() {   /* the whole chronicle, built only when opened */
    var box = el("details", { cls: "ba-chronicle" }, [
      el("summary", { text: "Chronicle: all " + S.history.events.length + " events" })]);
    box.addEventListener("toggle", function () {
      if (box.open && box.children.length === 1) {
        var list = el("ol", { cls: "ba-events" }), cited = [];
        S.history.events.forEach(function (e) { list.appendChild(eventItem(e, cited)); });
        box.appendChild(list);
      }
    });
    return box;
  }

  function timelineList(rows, kind) {
    var list = el("ol", { cls: "ba-timeline" });
    (rows || []).forEach(function (r) {
      var li = el("li", { attrs: { "data-from": norm(r.from), "data-to": r.to ? norm(r.to) : "" } });
      if (kind === "status") {
        var st = S.statusStyle[r.status] || S.statusStyle["null"];
        li.appendChild(swatchLine(st.colour, st.dash));
        li.appendChild(el("span", { text: " " + span(r.from, r.to) + ": " + st.label }));
      } else {
        var sw = el("span", { cls: "ba-swatch" });
        sw.style.background = S.history.meta.holder_colours[r.holder] || S.history.meta.holder_unknown;
        li.appendChild(sw);
        li.appendChild(el("span", { text: " " + span(r.from, r.to) + ": " + (COUNTRY[r.holder] || r.holder) + (r.basis ? " — " + r.basis : "") }));
      }
      if (r.event_id) {
        var link = el("button", { cls: "ba-link ba-small", text: "event", attrs: { type: "button" } });
        link.addEventListener("click", function () {
          var target = document.getElementById("ev-" + r.event_id);
          if (target) { target.scrollIntoView({ block: "nearest" }); target.classList.add("ba-flash"); }
        });
        li.appendChild(document.createTextNode(" "));
        li.appendChild(link);
      }
      list.appendChild(li);
    });
    return list;
  }

  function markCurrentRows() {
    var at = when();
    S.panel.querySelectorAll(".ba-timeline li").forEach(function (li) {
      var from = li.getAttribute("data-from"), to = li.getAttribute("data-to") || PRESENT + "~";
      li.classList.toggle("ba-current", from <= at && at < to);
    });
  }

  function eventItem(e, cited) {
    var date = e.date + (e.end_date ? " – " + e.end_date : "");
    var li = el("li", { cls: "ba-event", attrs: { id: "ev-" + e.id } }, [
      el("div", { cls: "ba-event-head" }, [el("time", { text: date, attrs: { datetime: norm(e.date) } }),
        el("span", { cls: "ba-badge", text: String(e.type || "").replace(/_/g, " ") })]),
      el("h4", { cls: "ba-event-title", text: e.title_en }),
      e.summary_en ? el("p", { text: e.summary_en }) : null,
      e.outcome ? el("p", { cls: "ba-muted", text: "Outcome: " + e.outcome }) : null
    ]);
    if (e.disputed && (e.readings || []).length) {
      var readings = el("ul", { cls: "ba-readings" });
      e.readings.forEach(function (r) { readings.appendChild(el("li", {}, [el("span", { text: r.text + " " }), sourceLinks(r.sources, cited)])); });
      li.appendChild(el("p", { cls: "ba-disputed", text: "The sources disagree:" }));
      li.appendChild(readings);
    }
    var src = sourceLinks(e.sources, cited);
    if (src) { li.appendChild(el("p", {}, [src])); }
    return li;
  }

  function accountsBlock(accounts, cited) {
    if (!(accounts || []).length) { return null; }
    var topics = [], byTopic = {};
    accounts.forEach(function (a) {
      var t = a.topic || "";
      if (!byTopic[t]) { byTopic[t] = []; topics.push(t); }
      byTopic[t].push(a);
    });
    var box = el("section", { cls: "ba-accounts" }, [heading(3, "Competing accounts")]);
    topics.forEach(function (t) {
      box.appendChild(heading(4, t));
      byTopic[t].forEach(function (a) {
        box.appendChild(el("blockquote", { cls: "ba-account" }, [
          el("strong", { text: (PERSPECTIVE[a.perspective] || a.perspective) + ": " }),
          el("span", { text: a.text + " " }), sourceLinks(a.sources, cited)
        ]));
      });
    });
    return box;
  }

  function facts(kind, p) {
    var rows = [];
    if (kind === "section") {
      rows.push(["Border", (p.countries || []).map(function (c) { return COUNTRY[c] || c; }).join(" – ")]);
      if (p.length_km !== null && p.length_km !== undefined) { rows.push(["Length", Number(p.length_km).toLocaleString("en") + " km (geodesic)"]); }
    } else {
      rows.push(["Kind", p.kind]);
      if (p.published_area_km2 !== null && p.published_area_km2 !== undefined) { rows.push(["Published area", p.published_area_km2 + " km²"]); }
      if (p.computed_area_km2 !== null && p.computed_area_km2 !== undefined) { rows.push(["Area of this outline", p.computed_area_km2 + " km²"]); }
      if (p.area_note) { rows.push(["Note", p.area_note]); }
      if (p.section_id && S.index.section[p.section_id]) {
        rows.push(["On section", selectButton("section", p.section_id, S.index.section[p.section_id].feature.properties.name_en || p.section_id)]);
      }
    }
    if (p.method || p.geometry_method) { rows.push(["Geometry", (p.method || p.geometry_method) + (p.accuracy_m ? " (±" + p.accuracy_m + " m)" : "")]); }
    var dl = el("dl", { cls: "ba-facts" });
    rows.forEach(function (r) {
      dl.appendChild(el("dt", { text: r[0] }));
      dl.appendChild(el("dd", {}, [r[1]]));
    });
    return dl;
  }

  function showFeature(kind, id) {
    var entry = S.index[kind][id];
    var back = el("button", { cls: "ba-link", text: "← All sections and areas", attrs: { type: "button" } });
    back.addEventListener("click", function () { S.selected = null; restyle(); writeHash(); showIndex(); });
    if (!entry) {
      S.panel.replaceChildren(back, el("p", { cls: "ba-error", text: "No " + kind + " with the id “" + id + "” in this build." }));
      return;
    }
    var p = entry.feature.properties, h = hist(kind, id), cited = [];
    var alt = (S.history.alt_names[id] || []).join(" · ");
    var names = el("p", { cls: "ba-names" }, [
      p.name_ru ? el("span", { text: p.name_ru, attrs: { lang: "ru" } }) : null,
      p.name_ru ? " · " : null,
      p.name_zh ? el("span", { text: p.name_zh, attrs: { lang: "zh" } }) : null,
      p.name_zh_pinyin ? el("i", { text: " " + p.name_zh_pinyin }) : null
    ]);
    var key = kind === "section" ? "section_ids" : "area_ids";
    var events = S.history.events.filter(function (e) { return (e[key] || []).indexOf(id) >= 0; });
    var evList = el("ol", { cls: "ba-events" });
    events.forEach(function (e) { evList.appendChild(eventItem(e, cited)); });
    var parts = [back, el("h2", { cls: "ba-title", text: p.name_en || id }), names,
      alt ? el("p", { cls: "ba-muted", text: "Also called: " + alt }) : null, facts(kind, p)];
    var geoSrc = sourceLinks(p.sources, cited);
    if (geoSrc) { parts.push(el("p", { cls: "ba-muted" }, ["Line and outline — ", geoSrc])); }
    if (h.narrative_en) { parts.push(heading(3, "History"), el("p", { cls: "ba-narrative", text: h.narrative_en })); }
    var narrSrc = sourceLinks(h.sources, cited);
    if (narrSrc) { parts.push(el("p", {}, [narrSrc])); }
    if ((h.timeline || []).length) { parts.push(heading(3, "Status over time"), timelineList(h.timeline, "status")); }
    if ((h.holders || []).length) { parts.push(heading(3, "Held by"), timelineList(h.holders, "holder")); }
    parts.push(heading(3, "Events (" + events.length + ")"));
    parts.push(events.length ? evList : el("p", { cls: "ba-muted", text: "No dated events recorded for this " + kind + " yet." }));
    parts.push(accountsBlock(h.accounts, cited));
    if (cited.length) {
      var refs = el("ol", { cls: "ba-references" });
      cited.forEach(function (k) {
        var item = S.history.bibliography[k], href = citeURL(item);
        refs.appendChild(el("li", {}, [el("span", { text: fullCitation(item, k) + " " }),
          href ? el("a", { text: href, attrs: { href: href, rel: "noopener noreferrer external", target: "_blank" } }) : null]));
      });
      parts.push(heading(3, "References"), refs);
    }
    S.panel.replaceChildren.apply(S.panel, parts.filter(Boolean));
    S.panel.scrollTop = 0;
    markCurrentRows();
  }

  function select(kind, id, write, fit) {
    if (!KINDS[kind]) { return; }
    S.selected = { kind: kind, id: id };
    restyle();
    showFeature(kind, id);
    var entry = S.index[kind][id];
    if (fit && entry && S.map) {
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

  function yearsOf() {
    var years = [];
    Object.keys(S.history.features).forEach(function (kind) {
      Object.keys(S.history.features[kind]).forEach(function (id) {
        var f = S.history.features[kind][id];
        (f.timeline || []).concat(f.holders || []).forEach(function (r) {
          [r.from, r.to].forEach(function (d) { if (d) { years.push(parseInt(d, 10)); } });
        });
      });
    });
    S.history.events.forEach(function (e) { years.push(parseInt(e.date, 10)); });
    return years.filter(function (y) { return !isNaN(y); });
  }

  function start() {
    var files = LAYER_FILES.map(function (n) { return n + ".geojson"; }).concat(["history.json"]);
    Promise.all(files.map(getJSON)).then(function (docs) {
      LAYER_FILES.forEach(function (n, i) { S.data[n] = docs[i]; });
      S.history = docs[docs.length - 1];
      S.history.meta.statuses.forEach(function (st) { S.statusStyle[String(st.status)] = st; });
      var years = yearsOf();
      if (years.length) {
        S.minYear = Math.max(1689, Math.min.apply(null, years));
        S.maxYear = Math.max(2015, Math.max.apply(null, years));
      }
      var input = document.getElementById("ba-year");
      input.min = String(S.minYear); input.max = String(S.maxYear);
      S.year = S.maxYear;
      buildMap();
      input.addEventListener("input", function () { setYear(parseInt(input.value, 10), false); });
      input.addEventListener("change", function () { setYear(parseInt(input.value, 10), true); });
      window.addEventListener("hashchange", function () {
        if (location.hash === S.ownHash) { S.ownHash = null; return; }  /* we wrote it */
        applyHash(true);
      });
      applyHash(true);
      document.documentElement.setAttribute("data-ready", "1");
    }).catch(function (err) {
      S.panel.replaceChildren(el("p", { cls: "ba-error", text: "Could not load the map data (" + err.message + "). " +
        "Serve this folder over HTTP (for example: python3 -m http.server) instead of opening index.html as a file." }));
      document.documentElement.setAttribute("data-ready", "error");
    });
  }

  start();
}());
