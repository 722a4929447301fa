// Article text is untrusted: everything from the API is placed as text nodes (textContent), never parsed as markup.
"use strict";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function actorLabel(arg) {
  if (!arg) return "unknown";
  return arg.country ? `${arg.text} (${arg.country}${arg.sector ? " " + arg.sector : ""})` : arg.text;
}

function eventItem(props) {
  const li = el("li");
  li.dataset.id = props.id;
  li.append(el("span", "type", props.type), document.createTextNode(" "));
  const source = props.source ? {text: props.source, country: props.source_country, sector: props.source_sector} : null;
  const target = props.target ? {text: props.target, country: props.target_country, sector: props.target_sector} : null;
  li.append(el("span", "", `${actorLabel(source)} → ${actorLabel(target)}`));
  const meta = el("div", "meta");
  meta.append(el("span", "", `${props.date || "undated"} · ${props.location || "no place"} · `),
              el("span", "certainty", props.certainty),
              el("span", "", props.attribution ? ` · according to ${props.attribution}` : ""));
  li.append(meta);
  if (props.article_title) li.append(el("div", "meta", props.article_title));
  return li;
}

function drawTimeline(features) {
  const counts = new Map();
  for (const f of features) {
    const day = f.properties.date_start || "";   // "2024-W09" counts on its first day
    if (day) counts.set(day, (counts.get(day) || 0) + 1);
  }
  const days = [...counts.keys()].sort();
  const max = Math.max(1, ...counts.values());
  const box = document.getElementById("timeline");
  box.replaceChildren();
  for (const day of days) {
    const bar = el("div", "bar");
    bar.style.height = `${Math.round(100 * counts.get(day) / max)}%`;
    bar.title = `${day}: ${counts.get(day)} events`;
    box.append(bar);
  }
}

async function main() {
  const map = L.map("map", {worldCopyJump: true}).setView([25, 20], 2);
  const atlas = await fetch("/static/vendor/countries-50m.json").then(r => r.json());
  L.geoJSON(topojson.feature(atlas, atlas.objects.countries),
            {style: {color: "#7d8a94", weight: 0.6, fillColor: "#f2efe9", fillOpacity: 1}}).addTo(map);

  const data = await fetch("/api/events?limit=5000").then(r => r.json());
  const list = document.getElementById("events");
  const markers = new Map();
  for (const feature of data.features) {
    const item = eventItem(feature.properties);
    list.append(item);
    if (!feature.geometry) continue;
    const [lon, lat] = feature.geometry.coordinates;
    const marker = L.circleMarker([lat, lon], {radius: 6, color: "#b5452b"}).addTo(map);
    const tip = el("div");
    tip.append(el("strong", "", feature.properties.type), el("div", "", feature.properties.location));
    marker.bindPopup(tip);
    markers.set(feature.properties.id, marker);
    item.addEventListener("click", () => { map.setView([lat, lon], 7); marker.openPopup(); });
  }
  drawTimeline(data.features);
  document.getElementById("summary").textContent =
    `${data.features.length} events, ${markers.size} on the map` + (data.next_cursor ? " (first page)" : "");
}

main().catch(err => { document.getElementById("summary").textContent = `failed to load: ${err}`; });
