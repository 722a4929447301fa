// The timeline: events per day as bars (uPlot), events with a vague date (a week, month, quarter, year) as
// horizontal spans over every day they may be, never as their first day. Dragging across it selects a date range.
"use strict";

const GWTimeline = (() => {
  const DAY = 86400;

  function seconds(day) {             // "YYYY-MM-DD" → Unix seconds at UTC midnight
    return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 1000;
  }

  function isoDay(secs) {
    return new Date(secs * 1000).toISOString().slice(0, 10);
  }

  // A filter bound (YYYY, YYYY-MM or YYYY-MM-DD) as the first or the last day it covers.
  function boundDay(value, last) {
    if (!value) return null;
    if (value.length === 10) return value;
    if (value.length === 7) {
      if (!last) return `${value}-01`;
      const [y, m] = value.split("-").map(Number);
      return isoDay(Date.UTC(y, m, 0) / 1000);
    }
    return last ? `${value}-12-31` : `${value}-01-01`;
  }

  // Lanes for spans: a span goes into the first lane whose last span ended before it starts.
  function lanes(spans) {
    const ends = [];
    for (const span of spans.sort((a, b) => a.from - b.from || b.to - a.to)) {
      let lane = ends.findIndex(end => end < span.from);
      if (lane < 0) { lane = ends.length; ends.push(0); }
      ends[lane] = span.to;
      span.lane = lane;
    }
    return ends.length;
  }

  function prepare(features) {
    const counts = new Map();
    const spans = [];
    for (const f of features) {
      const p = f.properties;
      if (!p.date_start || !p.date_end) continue;
      if (p.date_start === p.date_end) {
        counts.set(p.date_start, (counts.get(p.date_start) || 0) + 1);
      } else {
        spans.push({from: seconds(p.date_start), to: seconds(p.date_end) + DAY, type: p.type, value: p.date,
                    id: p.id});
      }
    }
    const days = [...counts.keys()].sort();
    return {xs: days.map(seconds), ys: days.map(d => counts.get(d)), spans, nLanes: lanes(spans)};
  }

  let plot = null;

  function draw(container, features, range, onBrush) {
    const {xs, ys, spans, nLanes} = prepare(features);
    if (plot) { plot.destroy(); plot = null; }
    container.replaceChildren();
    container.dataset.days = String(xs.length);
    container.dataset.spans = String(spans.length);
    if (!xs.length && !spans.length) {
      container.append(GW.el("p", "empty", "No dated events."));
      return;
    }
    const starts = [...xs, ...spans.map(s => s.from)], ends = [...xs.map(x => x + DAY), ...spans.map(s => s.to)];
    const lo = Math.min(...starts), hi = Math.max(...ends);
    const pad = Math.max(DAY * 3, (hi - lo) * 0.02);
    const maxCount = Math.max(1, ...ys);
    const since = boundDay(range.since, false), until = boundDay(range.until, true);

    const opts = {
      width: Math.max(200, container.clientWidth || 400),
      height: 170,
      tzDate: ts => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      scales: {
        x: {time: true, range: () => [lo - pad, hi + pad]},
        // headroom above the tallest bar for the lanes of spans
        y: {range: () => [0, Math.ceil(maxCount * (nLanes ? 1.5 : 1.1)) || 1]},
      },
      axes: [
        {label: "date (UTC)", labelSize: 18, size: 36},
        {label: "events per day", labelSize: 18, size: 42, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]},
      ],
      series: [
        {label: "day", value: (_u, v) => (v === null || v === undefined ? "—" : isoDay(v))},
        {label: "events", fill: "rgba(181,69,43,0.85)", stroke: "#b5452b", width: 0,
         paths: uPlot.paths.bars({size: [0.8, 24, 2], align: 0}), points: {show: false}},
      ],
      cursor: {drag: {x: true, y: false, setScale: false}, points: {show: false}},
      legend: {show: true},
      hooks: {
        draw: [u => drawOverlay(u, spans, nLanes, since, until)],
        setSelect: [u => {
          if (u.select.width < 3) return;
          const from = u.posToVal(u.select.left, "x");
          const to = u.posToVal(u.select.left + u.select.width, "x");
          onBrush(isoDay(Math.max(from, lo - pad)), isoDay(Math.min(to, hi + pad)));
        }],
      },
    };
    plot = new uPlot(opts, [xs, ys], container);
  }

  window.addEventListener("resize", resize);

  function resize() {
    if (!plot) return;
    const box = plot.root.parentElement;
    plot.setSize({width: Math.max(200, box.clientWidth), height: 170});
  }

  function drawOverlay(u, spans, nLanes, since, until) {
    const ctx = u.ctx, dpr = window.devicePixelRatio || 1;
    const {left, top, width, height} = u.bbox;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    if (since || until) {              // the active date filter, shaded
      const x0 = since ? u.valToPos(seconds(since), "x", true) : left;
      const x1 = until ? u.valToPos(seconds(until) + DAY, "x", true) : left + width;
      ctx.fillStyle = "rgba(28,126,214,0.12)";
      ctx.fillRect(x0, top, Math.max(x1 - x0, dpr), height);
    }
    if (nLanes) {
      const area = height * 0.3;       // the top of the plot, above the bars' headroom
      const lane = Math.max(2 * dpr, Math.min(7 * dpr, area / nLanes));
      for (const span of spans) {
        const x0 = u.valToPos(span.from, "x", true), x1 = u.valToPos(span.to, "x", true);
        ctx.fillStyle = GW.colour(span.type);
        ctx.globalAlpha = 0.75;
        ctx.fillRect(x0, top + 2 * dpr + span.lane * lane, Math.max(x1 - x0, 2 * dpr), Math.max(lane - dpr, dpr));
      }
    }
    ctx.restore();
  }

  return {draw, boundDay, prepare};
})();
