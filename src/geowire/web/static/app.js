// The map page: filters (kept in the address, so a view can be shared), a clustered map honest about precision,
// a timeline that filters by dragging, and the list. Untrusted text only ever reaches the page as text nodes.
"use strict";

const FILTERS = ["type", "actor", "country", "certainty", "min_confidence", "min_sources", "since", "until", "q"];
const PAGE_SIZE = 5000;

function stateFromAddress() {
  const params = new URLSearchParams(window.location.search);
  const state = {};
  for (const key of FILTERS) {
    const value = (params.get(key) || "").trim();
    if (value) state[key] = value;
  }
  return state;
}

function query(state, without = []) {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (state[key] && !without.includes(key)) params.set(key, state[key]);
  return params;
}

function setState(state, push = true) {
  const qs = query(state).toString();
  const address = qs ? `/?${qs}` : "/";
  if (push) window.history.pushState(null, "", address);
  return load(state);
}

function fillForm(form, state) {
  for (const key of FILTERS) form.elements[key].value = state[key] || "";
}

function formState(form) {
  const state = {};
  for (const key of FILTERS) {
    const value = String(form.elements[key].value || "").trim();
    if (value) state[key] = key === "country" ? value.toUpperCase() : value;
  }
  return state;
}

function setupForm(geo) {
  const form = document.getElementById("filters");
  const types = form.elements.type, certainty = form.elements.certainty;
  for (const t of GW.TYPES) types.append(new Option(t, t));
  for (const c of GW.CERTAINTIES) certainty.append(new Option(c, c));
  const codes = document.getElementById("country-codes");
  for (const c of geo.countries) {
    codes.append(new Option(`${c.name} (actor)`, c.alpha3), new Option(`${c.name} (place)`, c.alpha2));
  }
  form.addEventListener("submit", event => {
    event.preventDefault();
    if (form.reportValidity()) setState(formState(form));
  });
  document.getElementById("reset").addEventListener("click", () => { fillForm(form, {}); setState({}); });
  document.getElementById("clear-dates").addEventListener("click", () => {
    const state = stateFromAddress();
    delete state.since; delete state.until;
    fillForm(form, state);
    setState(state);
  });
  window.addEventListener("popstate", () => { const s = stateFromAddress(); fillForm(form, s); load(s); });
  return form;
}

let view = null;   // {map, pins, areas, geo, form}

function drawLegend() {
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  for (const type of GW.TYPES) legend.append(GW.typeBadge(type));
  const shapes = GW.el("div", "legend-shapes");
  shapes.append(GW.el("span", "legend-pin", "pin: a town or an exact point"),
                GW.el("span", "legend-ring", "dashed ring: a district, province or region"),
                GW.el("span", "legend-area", "shaded: a whole country"));
  legend.append(shapes);
}

function eventItem(props, onFocus) {
  const li = GW.el("li");
  li.dataset.id = props.id;
  const head = GW.el("div", "item-head");
  head.append(GW.typeBadge(props.type), document.createTextNode(" "),
              GW.link(GW.eventHref(props.id), GW.actorsOf(props), "event-link"));
  li.append(head);
  const meta = GW.el("div", "meta");
  meta.append(GW.el("span", "", `${props.date || "undated"} · ${props.location || "no place"}` +
                                `${props.precision ? ` (${GW.PRECISION_LABEL[props.precision] || props.precision})` : ""} · `),
              GW.el("span", "certainty", props.certainty || ""),
              GW.el("span", "", ` · ${props.n_sources || 0} source${props.n_sources === 1 ? "" : "s"}`),
              GW.el("span", "", props.attribution ? ` · according to ${props.attribution}` : ""));
  li.append(meta);
  if (props.article_title) li.append(GW.el("div", "meta title", props.article_title));
  if (onFocus) {
    const show = GW.el("button", "show-on-map", "show on map");
    show.type = "button";
    show.addEventListener("click", onFocus);
    li.append(show);
  }
  return li;
}

function clusterIcon(cluster) {
  const counts = new Map();
  for (const marker of cluster.getAllChildMarkers()) {
    counts.set(marker.options.eventType, (counts.get(marker.options.eventType) || 0) + 1);
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const ring = GW.el("span", "cluster-shape", String(cluster.getChildCount()));
  ring.style.setProperty("--type-colour", GW.colour(top ? top[0] : ""));
  ring.title = [...counts.entries()].map(([t, n]) => `${t}: ${n}`).join("\n");
  return L.divIcon({className: "gw-cluster", html: ring, iconSize: [34, 34]});
}

// The popup at once from the list's data, then the outlets' names from the event's detail.
function popupWithOutlets(props) {
  const box = GW.popupContent(props);
  GW.getJSON(`/api/events/${encodeURIComponent(props.id)}`).then(detail => {
    const names = (detail.sources || []).join(", ");
    if (names) box.querySelector(".sources").textContent += `: ${names}`;
  }).catch(() => {});
  return box;
}

async function fetchAll(params) {
  params.set("limit", String(PAGE_SIZE));
  return GW.getJSON(`/api/events?${params}`);
}

let loading = 0;

async function load(state) {
  const ticket = ++loading;
  const summary = document.getElementById("summary");
  summary.textContent = "loading…";
  document.body.dataset.loading = "1";
  let data, undated;
  try {
    [data, undated] = await Promise.all([fetchAll(query(state)), fetchAll(query(state, ["since", "until"]))]);
  } catch (err) {
    if (ticket === loading) {
      summary.textContent = `the filters were refused: ${err.message}`;
      document.body.dataset.loading = "";
    }
    return;
  }
  if (ticket !== loading) return;   // a newer request has been made meanwhile
  const {map, pins, areas, geo} = view;
  pins.clearLayers();
  areas.clearLayers();
  const list = document.getElementById("events");
  list.replaceChildren();
  let onMap = 0;
  for (const feature of data.features) {
    const props = feature.properties;
    const [lon, lat] = feature.geometry ? feature.geometry.coordinates : [null, null];
    const shape = GW.eventShape(props, lat, lon, geo);
    let focus = null;
    if (shape) {
      onMap++;
      shape.layer.options.eventType = props.type;
      shape.layer.bindPopup(() => popupWithOutlets(props));
      if (shape.kind === "pin") {
        pins.addLayer(shape.layer);
        focus = () => pins.zoomToShowLayer(shape.layer, () => shape.layer.openPopup());
      } else {
        areas.addLayer(shape.layer);
        focus = () => { map.fitBounds(shape.layer.getBounds(), {maxZoom: 7}); shape.layer.openPopup(); };
      }
    }
    list.append(eventItem(props, focus));
  }
  GWTimeline.draw(document.getElementById("timeline"), undated.features, state, (since, until) => {
    const next = {...stateFromAddress(), since, until};
    fillForm(view.form, next);
    setState(next);
  });
  document.getElementById("clear-dates").hidden = !(state.since || state.until);
  const capped = data.next_cursor ? ` (the first ${PAGE_SIZE})` : "";
  summary.textContent = `${data.features.length} events${capped}, ${onMap} on the map`;
  document.body.dataset.loading = "";
  document.body.dataset.events = String(data.features.length);
}

async function main() {
  const geo = await GW.atlas();
  const map = L.map("map", {worldCopyJump: true, minZoom: 1, maxZoom: 12}).setView([25, 20], 2);
  GW.basemap(map, geo.shapes);
  const areas = L.featureGroup().addTo(map);
  const pins = L.markerClusterGroup({iconCreateFunction: clusterIcon, maxClusterRadius: 40,
                                     spiderfyOnMaxZoom: true, showCoverageOnHover: false}).addTo(map);
  drawLegend();
  const form = setupForm(geo);
  view = {map, pins, areas, geo, form};
  const state = stateFromAddress();
  fillForm(form, state);
  await load(state);
}

main().catch(err => {
  document.getElementById("summary").textContent = `failed to load: ${err.message || err}`;
  document.body.dataset.loading = "";
});
