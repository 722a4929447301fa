// Helpers shared by geowire's pages. Article text, titles, URLs, names and outlets are untrusted: every value from
// the API is placed as a text node (textContent) or a checked attribute, never parsed as markup.
"use strict";

const GW = (() => {
  // PLOVER types, coloured by family: cooperation in greens and blues, words in ambers, force in reds and purples.
  const TYPE_COLOURS = {
    AGREE: "#2b8a3e", CONSULT: "#37b24d", SUPPORT: "#1c7ed6", CONCEDE: "#15aabf", COOPERATE: "#4c6ef5",
    AID: "#0b7285", RETREAT: "#74b816", REQUEST: "#f59f00", ACCUSE: "#e67700", REJECT: "#d9480f",
    THREATEN: "#c2255c", PROTEST: "#ae3ec9", SANCTION: "#7048e8", MOBILIZE: "#862e9c", COERCE: "#e03131",
    ASSAULT: "#a61e1e",
  };
  const TYPES = Object.keys(TYPE_COLOURS);
  const CERTAINTIES = ["asserted", "reported", "hedged", "speculative", "negated"];
  // How a place is drawn: a town or an exact point is a pin; anything vaguer is an area, never a pin at its centre.
  const PIN_PRECISIONS = new Set(["point", "city"]);
  const RING_KM = {admin2: 40, admin1: 150, country: 400, region: 600};
  const PRECISION_LABEL = {point: "exact point", city: "town or city", admin2: "district", admin1: "province",
                           country: "country", region: "region", "": "unknown"};

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function colour(type) {
    return TYPE_COLOURS[type] || "#495057";
  }

  // A link only for http(s) addresses; anything else (javascript:, data:, vbscript:) is shown as plain text.
  function safeHref(url) {
    if (!url) return null;
    try {
      const parsed = new URL(String(url), window.location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (_err) {
      return null;
    }
  }

  function externalLink(url, label) {
    const href = safeHref(url);
    if (!href) return el("span", "url", label || url || "");
    const a = el("a", "url", label || url);
    a.href = href;
    a.rel = "noopener noreferrer nofollow";
    a.target = "_blank";
    return a;
  }

  function eventHref(id) {
    return `/events/${encodeURIComponent(id)}`;
  }

  function articleHref(id) {
    return `/articles/${encodeURIComponent(id)}`;
  }

  function link(href, text, className) {
    const a = el("a", className || "", text);
    a.href = href;
    return a;
  }

  function actorLabel(text, country, sector) {
    if (!text) return "unknown";
    return country ? `${text} (${country}${sector ? " " + sector : ""})` : text;
  }

  // Flat GeoJSON properties, or the event detail's nested {text, country, sector}.
  function actorsOf(props) {
    if (props.source && typeof props.source === "object" || props.target && typeof props.target === "object") {
      const s = props.source || {}, t = props.target || {};
      return `${actorLabel(s.text, s.country, s.sector)} → ${actorLabel(t.text, t.country, t.sector)}`;
    }
    return `${actorLabel(props.source, props.source_country, props.source_sector)} → ` +
           `${actorLabel(props.target, props.target_country, props.target_sector)}`;
  }

  function typeBadge(type) {
    const badge = el("span", "type-badge", type || "?");
    badge.style.setProperty("--type-colour", colour(type));
    return badge;
  }

  async function getJSON(url) {
    const response = await fetch(url, {headers: {Accept: "application/json"}});
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error((body && body.title) || `${response.status} ${response.statusText}`);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  // The Natural Earth basemap (world-atlas, served from this host) and an index of its countries by ISO numeric.
  let atlasPromise = null;
  function atlas() {
    if (!atlasPromise) {
      atlasPromise = Promise.all([getJSON("/static/vendor/countries-50m.json"), getJSON("/api/countries")])
        .then(([topology, countries]) => {
          const shapes = topojson.feature(topology, topology.objects.countries);
          for (const f of shapes.features) unwrapGeometry(f.geometry);
          const byNumeric = new Map(shapes.features.filter(f => f.id !== undefined).map(f => [String(f.id), f]));
          const byAlpha2 = new Map();
          const names = new Map();
          for (const c of countries) {
            if (byNumeric.has(c.numeric)) byAlpha2.set(c.alpha2, byNumeric.get(c.numeric));
            names.set(c.alpha2, c.name);
            names.set(c.alpha3, c.name);
          }
          return {shapes, byAlpha2, names, countries};
        });
    }
    return atlasPromise;
  }

  // world-atlas keeps rings that cross the antimeridian (Fiji, Chukotka, the Aleutians) in -180..180, which a flat
  // map would join with lines across the world: continue such a ring past ±180 instead.
  function unwrapRing(ring) {
    let shift = 0;
    for (let i = 1; i < ring.length; i++) {
      let lon = ring[i][0] + shift;
      const step = lon - ring[i - 1][0];
      if (step > 180) { shift -= 360; lon -= 360; } else if (step < -180) { shift += 360; lon += 360; }
      ring[i] = [lon, ring[i][1]];
    }
  }

  function unwrapGeometry(geometry) {
    if (!geometry) return;
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
      : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    for (const polygon of polygons) for (const ring of polygon) unwrapRing(ring);
  }

  function basemap(map, shapes) {
    map.attributionControl.setPrefix("Leaflet");
    map.createPane("basemap").style.zIndex = 200;
    return L.geoJSON(shapes, {pane: "basemap", interactive: false, attribution: "Natural Earth (world-atlas)",
                              style: {color: "#8a969f", weight: 0.6, fillColor: "#f2efe9", fillOpacity: 1}}).addTo(map);
  }

  function pinIcon(type) {
    const dot = el("span", "pin-shape");
    dot.style.setProperty("--type-colour", colour(type));
    return L.divIcon({className: "gw-pin", html: dot, iconSize: [18, 18], iconAnchor: [9, 18], popupAnchor: [0, -16]});
  }

  // One event as a map layer honest about its precision: a pin for a town or point, the country's shape for a
  // country, a dashed ring sized to the vagueness otherwise. Returns {layer, kind} or null without coordinates.
  function eventShape(props, lat, lon, geo) {
    if (lat === null || lat === undefined || lon === null || lon === undefined) return null;
    const precision = props.precision || "";
    const type = props.type;
    if (PIN_PRECISIONS.has(precision)) {
      return {kind: "pin", layer: L.marker([lat, lon], {icon: pinIcon(type), title: `${type}: ${props.location || ""}`})};
    }
    const style = {color: colour(type), weight: 1.5, dashArray: "4 4", fillColor: colour(type), fillOpacity: 0.12};
    const shape = precision === "country" && geo && props.location_country ? geo.byAlpha2.get(props.location_country) : null;
    if (shape) {
      return {kind: "area", layer: L.geoJSON(shape, {style: {...style, dashArray: null, fillOpacity: 0.18},
                                                      className: "gw-area"})};
    }
    const km = RING_KM[precision] || 60;
    return {kind: "ring", layer: L.circle([lat, lon], {...style, radius: km * 1000, className: "gw-ring"})};
  }

  function popupContent(props) {
    const box = el("div", "popup");
    const head = el("div", "popup-head");
    head.append(typeBadge(props.type), document.createTextNode(" "), el("span", "", props.date || "undated"));
    box.append(head, el("div", "actors", actorsOf(props)));
    const where = `${props.location || "no place"} (${PRECISION_LABEL[props.precision || ""] || props.precision})`;
    box.append(el("div", "meta", where));
    const how = el("div", "meta");
    how.append(el("span", "certainty", props.certainty || ""),
               document.createTextNode(` · confidence ${fmtConfidence(props.confidence)}`));
    box.append(how);
    const sources = `${props.n_sources || 0} source${props.n_sources === 1 ? "" : "s"}, ` +
                    `${props.n_articles || 0} article${props.n_articles === 1 ? "" : "s"}`;
    box.append(el("div", "meta sources", sources));
    if (props.article_title) box.append(el("div", "meta title", props.article_title));
    box.append(link(eventHref(props.id), "Open event →", "open-event"));
    return box;
  }

  function fmtConfidence(value) {
    return value === null || value === undefined ? "?" : Number(value).toFixed(2);
  }

  // Text with highlighted spans: cuts the text at every span boundary; each piece covered by spans becomes a
  // <mark> (classes and a tooltip from every covering span), everything else a text node.
  function highlighted(text, spans) {
    const cuts = new Set([0, text.length]);
    const valid = spans.filter(s => Number.isInteger(s.start) && Number.isInteger(s.end) &&
                                    s.start >= 0 && s.end <= text.length && s.start < s.end);
    for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i], to = points[i + 1];
      const covering = valid.filter(s => s.start <= from && s.end >= to);
      const piece = text.slice(from, to);
      if (!covering.length) { fragment.append(document.createTextNode(piece)); continue; }
      const mark = el("mark", [...new Set(covering.flatMap(s => s.classes))].join(" "), piece);
      const tips = covering.map(s => s.title).filter(Boolean);
      if (tips.length) mark.title = [...new Set(tips)].join("\n");
      for (const s of covering) if (s.data) Object.assign(mark.dataset, s.data);
      fragment.append(mark);
    }
    return fragment;
  }

  function dl(rows) {
    const list = el("dl", "facts");
    for (const [term, value] of rows) {
      if (value === null || value === undefined || value === "") continue;
      list.append(el("dt", "", term));
      const dd = el("dd");
      if (value instanceof Node) dd.append(value); else dd.textContent = String(value);
      list.append(dd);
    }
    return list;
  }

  function dateLabel(date) {
    if (!date) return "undated";
    if (typeof date === "string") return date;
    const span = date.start && date.end && date.start !== date.end ? ` (${date.start} to ${date.end})` : "";
    return `${date.value || "?"}${span}${date.text ? ` — “${date.text}”` : ""}`;
  }

  return {TYPES, CERTAINTIES, PRECISION_LABEL, el, colour, safeHref, externalLink, eventHref, articleHref, link,
          actorsOf, actorLabel, typeBadge, getJSON, atlas, basemap, eventShape, popupContent, fmtConfidence,
          highlighted, dl, dateLabel};
})();
