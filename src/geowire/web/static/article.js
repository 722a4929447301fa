// The article page (/articles/{id}): the cleaned text with its places, actors and times highlighted, and its
// events. The text is untrusted: it is cut at the highlight boundaries and placed as text nodes.
"use strict";

function entitySpans(article, events) {
  const spans = [];
  for (const p of article.places || []) {
    const where = p.name ? `${p.name} (${GW.PRECISION_LABEL[p.precision || ""] || p.precision || "?"}` +
                           `${p.country_code ? `, ${p.country_code}` : ""})` : "not resolved";
    spans.push({start: p.start, end: p.end, classes: ["place"], title: `place: ${where}`});
  }
  for (const a of article.actors || []) {
    spans.push({start: a.start, end: a.end, classes: ["actor"],
                title: `actor: ${a.name || a.text}${a.country ? ` (${a.country}${a.sector ? " " + a.sector : ""})` : ""}`});
  }
  for (const t of article.times || []) {
    spans.push({start: t.start, end: t.end, classes: ["time"], title: `time: ${t.type || ""} ${t.value || "?"}`});
  }
  for (const feature of events) {
    const p = feature.properties;
    for (const m of p.evidence_mentions || []) {
      spans.push({start: m.start, end: m.end, classes: ["ev"], title: `evidence: ${p.type} (${p.id})`});
    }
  }
  return spans;
}

function facts(article) {
  return GW.dl([
    ["published", article.published || "undated"],
    ["author", article.author],
    ["address", GW.externalLink(article.url, article.url || "no URL")],
    ["language", article.language],
    ["duplicate of", article.duplicate_of ? GW.link(GW.articleHref(article.duplicate_of), article.duplicate_of) : null],
    ["origin", article.origin],
    ["id", article.id],
  ]);
}

function eventItem(feature) {
  const p = feature.properties;
  const li = GW.el("li");
  li.append(GW.typeBadge(p.type), document.createTextNode(" "), GW.link(GW.eventHref(p.id), GW.actorsOf(p)),
            GW.el("span", "meta", ` · ${p.date || "undated"} · ${p.location || "no place"} · ${p.certainty || ""}`));
  return li;
}

async function main() {
  const id = decodeURIComponent(window.location.pathname.slice("/articles/".length).split("/")[0] || "");
  const summary = document.getElementById("summary");
  let article;
  try {
    article = await GW.getJSON(`/api/articles/${encodeURIComponent(id)}`);
  } catch (err) {
    summary.textContent = err.status === 404 ? "No such article." : `failed to load: ${err.message}`;
    document.getElementById("title").textContent = `No article ${id}`;
    document.body.dataset.ready = "1";
    return;
  }
  const events = (await GW.getJSON(`/api/articles/${encodeURIComponent(article.id)}/events`)).features;
  document.title = `geowire — ${article.title || article.id}`;
  document.getElementById("title").textContent = article.title || "(untitled article)";
  document.getElementById("facts").append(facts(article));
  const text = document.getElementById("article-text");
  text.append(GW.highlighted(article.text || "", entitySpans(article, events)));
  for (const box of document.querySelectorAll("#layers input")) {
    box.addEventListener("change", () => text.classList.toggle(`hide-${box.name}`, !box.checked));
  }
  const list = document.getElementById("article-events");
  for (const feature of events) list.append(eventItem(feature));
  if (!events.length) list.append(GW.el("li", "meta", "no events coded"));
  summary.textContent = `${(article.places || []).length} places, ${(article.actors || []).length} actors, ` +
                        `${(article.times || []).length} times, ${events.length} events`;
  document.body.dataset.ready = "1";
}

main().catch(err => {
  document.getElementById("summary").textContent = `failed to load: ${err.message || err}`;
  document.body.dataset.ready = "1";
});
