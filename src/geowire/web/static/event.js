// The event page (/events/{id}): what happened, who says so and how surely, the evidence marked in the article,
// every mention and source, related events and a small map. Untrusted text only ever becomes text nodes.
"use strict";

function idFromPath(prefix) {
  const rest = window.location.pathname.slice(prefix.length);
  return decodeURIComponent(rest.split("/")[0] || "");
}

function quantityLine(q) {
  const figure = q.value !== null && q.value !== undefined ? `${q.value}` : `at least ${q.min}`;
  return `${q.kind}: ${figure}${q.text ? ` (“${q.text}”)` : ""}`;
}

function attributionNode(attribution) {
  if (!attribution) return "none: the article says so itself";
  const who = attribution.name && attribution.name !== attribution.text ? ` — ${attribution.name}` : "";
  return `“${attribution.text || ""}”${who} (${attribution.kind || "unknown"})`;
}

function facts(event) {
  const loc = event.location || {};
  const place = loc.name
    ? `${loc.name} — ${GW.PRECISION_LABEL[event.precision || loc.precision || ""] || event.precision}` +
      `${event.location_country ? `, ${event.location_country}` : ""}${loc.basis ? ` (from ${loc.basis})` : ""}`
    : "no place";
  const source = event.source || {}, target = event.target || {};
  return GW.dl([
    ["type", `${event.type}${event.mode ? ` / ${event.mode}` : ""}`],
    ["source", GW.actorLabel(source.text, source.country, source.sector)],
    ["target", GW.actorLabel(target.text, target.country, target.sector)],
    ["date", GW.dateLabel(event.date)],
    ["place", place],
    ["precision", GW.PRECISION_LABEL[event.precision || ""] || event.precision],
    ["attribution", attributionNode(event.attribution)],
    ["certainty", event.certainty],
    ["confidence", GW.fmtConfidence(event.confidence)],
    ["modality", event.modality || "current, actual"],
    ["quantities", (event.quantities || []).map(quantityLine).join("; ") || null],
    ["reports", `${event.n_mentions} mention${event.n_mentions === 1 ? "" : "s"} in ${event.n_articles} ` +
                `article${event.n_articles === 1 ? "" : "s"} from ${event.n_sources} ` +
                `source${event.n_sources === 1 ? "" : "s"}`],
    ["first seen", event.first_seen], ["updated", event.updated_at], ["id", event.id],
  ]);
}

function evidenceSpans(event) {
  const spans = [];
  const main = event.evidence || {};
  if (Number.isInteger(main.start)) {
    spans.push({start: main.start, end: main.end, classes: ["evidence"], title: "evidence for this event"});
  }
  for (const m of event.evidence_mentions || []) {
    if (m.start !== main.start || m.end !== main.end) {
      spans.push({start: m.start, end: m.end, classes: ["evidence-also"], title: "another sentence reporting it"});
    }
    if (Number.isInteger(m.trigger_start)) {
      spans.push({start: m.trigger_start, end: m.trigger_end, classes: ["trigger"], title: "trigger"});
    }
  }
  const attribution = event.attribution;
  if (attribution && Number.isInteger(attribution.start)) {
    spans.push({start: attribution.start, end: attribution.end, classes: ["attribution"],
                title: `attribution (${attribution.kind || "unknown"})`});
  }
  return spans;
}

function articleHead(article) {
  const head = GW.el("div", "article-head");
  const title = GW.link(GW.articleHref(article.id), article.title || "(untitled article)", "article-title");
  head.append(title);
  const meta = GW.el("div", "meta");
  meta.append(GW.el("span", "", `${article.published || "undated"} · `), GW.externalLink(article.url, article.url || "no URL"));
  head.append(meta);
  return head;
}

function mentionRow(mention) {
  const tr = GW.el("tr");
  const article = mention.article || {};
  const cell = (content) => { const td = GW.el("td"); td.append(content); return td; };
  tr.append(cell(article.id ? GW.link(GW.articleHref(article.id), article.title || article.id) : "—"),
            cell(mention.source || "unknown outlet"),
            cell(mention.evidence_text || ""),
            cell(mention.certainty || ""),
            cell(mention.attribution ? `${mention.attribution.text || ""} (${mention.attribution.kind || "unknown"})` : "—"),
            cell(mention.active ? "yes" : "no (recoded)"));
  return tr;
}

function relatedItem(feature) {
  const p = feature.properties;
  const li = GW.el("li");
  li.append(GW.typeBadge(p.type), document.createTextNode(" "), GW.link(GW.eventHref(p.id), GW.actorsOf(p)),
            GW.el("span", "meta", ` · ${p.date || "undated"} · ${p.location || "no place"} · ` +
                                  `${(p.related_by || []).join(", ")}`));
  return li;
}

async function smallMap(event) {
  const loc = event.location || {};
  const note = document.getElementById("map-note");
  const geo = await GW.atlas();
  const map = L.map("event-map", {worldCopyJump: true, minZoom: 1, maxZoom: 12}).setView([20, 0], 1);
  GW.basemap(map, geo.shapes);
  const props = {type: event.type, precision: event.precision || loc.precision, location: loc.name,
                 location_country: event.location_country};
  const shape = GW.eventShape(props, loc.lat, loc.lon, geo);
  if (!shape) { note.textContent = "No place was found for this event."; return; }
  shape.layer.addTo(map);
  if (shape.kind === "pin") map.setView([loc.lat, loc.lon], 7);
  else map.fitBounds(shape.layer.getBounds(), {maxZoom: 6});
  note.textContent = shape.kind === "pin" ? `${loc.name}: a town or an exact point`
    : `${loc.name}: only the ${GW.PRECISION_LABEL[props.precision] || "area"} is known, so the whole area is drawn`;
}

async function main() {
  const id = idFromPath("/events/");
  const summary = document.getElementById("summary");
  let event;
  try {
    event = await GW.getJSON(`/api/events/${encodeURIComponent(id)}`);
  } catch (err) {
    summary.textContent = err.status === 404 ? "No such event." : `failed to load: ${err.message}`;
    document.getElementById("title").textContent = `No event ${id}`;
    document.body.dataset.ready = "1";
    return;
  }
  document.title = `geowire — ${event.type} ${event.id}`;
  const title = document.getElementById("title");
  title.replaceChildren(GW.typeBadge(event.type), document.createTextNode(` ${GW.actorsOf(event)}`));
  document.getElementById("facts").append(facts(event));
  summary.textContent = `${event.type} · ${GW.dateLabel(event.date)}`;

  const textBox = document.getElementById("article-text");
  if (event.article && event.article.id) {
    try {
      const article = await GW.getJSON(`/api/articles/${encodeURIComponent(event.article.id)}`);
      document.getElementById("article-head").append(articleHead(article));
      textBox.append(GW.highlighted(article.text || "", evidenceSpans(event)));
      const first = textBox.querySelector("mark.evidence");
      if (first) textBox.scrollTop = Math.max(0, first.offsetTop - textBox.offsetTop - 60);
    } catch (err) {
      textBox.textContent = `The article could not be loaded: ${err.message}`;
    }
  } else {
    textBox.textContent = "The event's article is not stored.";
  }

  document.getElementById("sources").append(GW.el("p", "", `Sources: ${(event.sources || []).join(", ") || "none named"}`));
  const body = document.querySelector("#mentions tbody");
  for (const mention of event.mentions || []) body.append(mentionRow(mention));

  const related = document.getElementById("related");
  try {
    const found = await GW.getJSON(`/api/events/${encodeURIComponent(event.id)}/related`);
    for (const feature of found.features) related.append(relatedItem(feature));
    if (!found.features.length) related.append(GW.el("li", "meta", "none"));
  } catch (err) {
    related.append(GW.el("li", "meta", `could not load: ${err.message}`));
  }
  await smallMap(event);
  document.body.dataset.ready = "1";
}

main().catch(err => {
  document.getElementById("summary").textContent = `failed to load: ${err.message || err}`;
  document.body.dataset.ready = "1";
});
