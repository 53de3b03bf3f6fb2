// Chronicle's page: a few views drawn from the JSON API, routed by the
// URL's hash so that every view has an address. No framework, no build
// step: plain DOM and SVG.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";

// PLOVER types in the order of the quad classes, each with its colour:
// cooperation in greens and blues, conflict in oranges, reds and purples.
const TYPES = [
  ["AGREE", "#2e8b57"], ["CONSULT", "#3cb371"], ["SUPPORT", "#66bb6a"], ["CONCEDE", "#9ccc65"],
  ["COOPERATE", "#26a69a"], ["AID", "#1e88e5"], ["RETREAT", "#64b5f6"],
  ["REQUEST", "#fbc02d"], ["ACCUSE", "#ff9800"], ["REJECT", "#f57c00"], ["THREATEN", "#e65100"],
  ["PROTEST", "#ab47bc"], ["SANCTION", "#7b1fa2"], ["MOBILIZE", "#8d6e63"], ["COERCE", "#e53935"],
  ["ASSAULT", "#b71c1c"],
];
const COLOR = Object.fromEntries(TYPES);
const COOP = new Set(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"]);

// h builds an element: h("a", {href: "#/"}, "text", child...).
function h(tag, attrs, ...kids) {
  const el = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "class") el.setAttribute("class", v);
    else if (k === "text") el.textContent = v;
    else if (k === "color") el.style.setProperty("--c", v);
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const kid of kids.flat(Infinity)) {
    if (kid == null || kid === false) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

async function api(path) {
  const res = await fetch(path, {headers: {Accept: "application/json"}});
  const body = await res.json().catch(() => ({error: res.statusText}));
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? "?" + s : "";
}

const main = document.getElementById("main");

function show(...nodes) {
  main.replaceChildren(...nodes.flat(Infinity).filter((n) => n != null && n !== false));
}

function fail(err) {
  show(h("p", {class: "error", text: "Could not load: " + err.message}));
}

function typeTag(type) {
  return h("span", {class: "tag", color: COLOR[type] || "#777", text: type});
}

function entityLink(ref) {
  if (!ref) return h("span", {class: "muted", text: "—"});
  return h("a", {href: "#/entity/" + ref.id, title: [ref.type, ref.country].filter(Boolean).join(" · ")}, ref.name);
}

// Router.
const views = {timeline, network, articles, article, entity, event: eventView, search};

function route() {
  const [path, qs] = location.hash.replace(/^#\/?/, "").split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const name = parts[0] || "timeline";
  const params = Object.fromEntries(new URLSearchParams(qs || ""));
  for (const a of document.querySelectorAll("header nav a")) a.classList.toggle("on", a.dataset.view === name);
  const view = views[name];
  if (!view) return show(h("p", {class: "error", text: "No such page: " + path}));
  main.dataset.view = name;
  main.dataset.ready = "";
  Promise.resolve(view(parts[1], params)).catch(fail).finally(() => { main.dataset.ready = name; });
}

function go(view, id, params) {
  location.hash = "#/" + view + (id ? "/" + encodeURIComponent(id) : "") + query(params || {});
}

// Timeline: events per day (or week, or month), stacked by type.
async function timeline(_, params) {
  const form = filterForm(params, "timeline");
  const chart = h("div", {id: "timeline"});
  const list = h("div", {id: "events"});
  show(h("h1", {text: "Events over time"}), form, chart, list);
  const [tl, evs] = await Promise.all([
    api("/api/timeline" + query({actor: params.actor, type: params.type, from: params.from, to: params.to, bucket: "auto"})),
    api("/api/events" + query({actor: params.actor, type: params.type, from: params.from, to: params.to, limit: 100})),
  ]);
  chart.append(drawTimeline(tl.items, tl.bucket, params));
  list.append(h("h2", {text: params.from ? `Events ${params.from} to ${params.to || "…"}` : "Latest events"}), eventTable(evs.items));
}

function filterForm(params, view) {
  const types = h("select", {name: "type"}, h("option", {value: "", text: "all types"}),
    TYPES.map(([t]) => h("option", {value: t, selected: params.type === t, text: t})));
  const actor = h("input", {name: "actor", value: params.actor || "", placeholder: "name or country code", list: "actors"});
  const actors = h("datalist", {id: "actors"});
  actor.addEventListener("input", async () => {
    if (actor.value.length < 2) return;
    const ents = await api("/api/entities" + query({name: actor.value, limit: 10})).catch(() => ({items: []}));
    actors.replaceChildren(...ents.items.map((e) => h("option", {value: e.name})));
  });
  const form = h("form", {class: "filters"},
    h("label", {}, "Actor", actor, actors),
    h("label", {}, "Type", types),
    view === "network" ? h("label", {}, "Class", h("select", {name: "class"},
      h("option", {value: "", text: "all"}),
      h("option", {value: "cooperation", selected: params.class === "cooperation", text: "cooperation"}),
      h("option", {value: "conflict", selected: params.class === "conflict", text: "conflict"}))) : null,
    view === "timeline" ? [
      h("label", {}, "From", h("input", {name: "from", type: "date", value: params.from || ""})),
      h("label", {}, "To", h("input", {name: "to", type: "date", value: params.to || ""})),
    ] : null,
    h("button", {type: "submit", text: "Filter"}),
    h("a", {href: "#/" + view, text: "clear"}));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    go(view, null, Object.fromEntries(new FormData(form)));
  });
  return form;
}

function dayNumber(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / 86400000); }
function isoOf(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }

// buckets lists the bars of a timeline from its first point to its last:
// each bar's first and last day, in order, with no gaps.
function bucketsOf(points, bucket) {
  const days = points.map((p) => p.day).sort();
  const out = [];
  if (bucket === "month") {
    let [y, m] = days[0].split("-").map(Number);
    const [ly, lm] = days[days.length - 1].split("-").map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      const from = `${y}-${String(m).padStart(2, "0")}-01`;
      [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
      const next = `${y}-${String(m).padStart(2, "0")}-01`;
      out.push([from, isoOf(dayNumber(next) - 1)]);
    }
    return out;
  }
  const step = bucket === "week" ? 7 : 1;
  for (let d = dayNumber(days[0]); d <= dayNumber(days[days.length - 1]); d += step) out.push([isoOf(d), isoOf(d + step - 1)]);
  return out;
}

function drawTimeline(points, bucket, params) {
  if (!points.length) return h("p", {class: "muted", text: "No dated events match."});
  const bars = bucketsOf(points, bucket);
  const index = new Map(bars.map(([from], i) => [from, i]));
  const buckets = bars.length;
  const stacks = Array.from({length: buckets}, () => new Map());
  for (const p of points) {
    const b = index.get(p.day);
    if (b === undefined) continue;
    stacks[b].set(p.type, (stacks[b].get(p.type) || 0) + p.count);
  }
  const totals = stacks.map((m) => [...m.values()].reduce((a, b) => a + b, 0));
  const tick = Math.max(1, Math.ceil(Math.max(...totals) / 4)); // whole events per grid line
  const top = tick * Math.ceil(Math.max(...totals) / tick);
  const W = Math.max(720, Math.min(1360, buckets * 28)), H = 260, L = 36, B = 28, T = 10;
  const bw = Math.min(48, (W - L - 10) / buckets);
  const x0 = L + (W - L - 10 - bw * buckets) / 2; // few bars stand in the middle
  const y = (v) => H - B - (v / top) * (H - B - T);
  const svg = h("svg:svg", {viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": "events per " + bucket});
  const axis = h("svg:g", {class: "axis"});
  for (let v = 0; v <= top; v += tick) {
    axis.append(h("svg:line", {x1: L, x2: W - 10, y1: y(v), y2: y(v), "stroke-dasharray": "2,3"}),
      h("svg:text", {x: L - 6, y: y(v) + 4, "text-anchor": "end", text: v}));
  }
  const every = Math.max(1, Math.ceil(buckets / 10));
  for (let b = 0; b < buckets; b += every) {
    axis.append(h("svg:text", {x: x0 + b * bw + bw / 2, y: H - 8, "text-anchor": "middle", text: bucket === "month" ? bars[b][0].slice(0, 7) : bars[b][0]}));
  }
  svg.append(axis);
  const order = TYPES.map(([t]) => t);
  stacks.forEach((m, b) => {
    let base = 0;
    for (const t of order) {
      const n = m.get(t);
      if (!n) continue;
      const [from, to] = bars[b];
      const rect = h("svg:rect", {class: "bar", "data-type": t, x: x0 + b * bw + 1, width: Math.max(1, bw - 2),
        y: y(base + n), height: Math.max(1, y(base) - y(base + n)), fill: COLOR[t] || "#777",
        onclick: () => go("timeline", null, {...params, type: t, from, to})});
      rect.append(h("svg:title", {text: `${from}${to !== from ? " – " + to : ""}: ${n} ${t}`}));
      svg.append(rect);
      base += n;
    }
  });
  const seen = new Set(points.map((p) => p.type));
  const legend = h("div", {class: "legend"}, TYPES.filter(([t]) => seen.has(t)).map(([t, c]) => h("span", {color: c, text: t})));
  return h("div", {class: "panel"}, svg, legend);
}

function eventTable(items) {
  if (!items.length) return h("p", {class: "muted", text: "No events."});
  return h("table", {},
    h("tr", {}, ["Date", "Type", "Source", "Target", "Status", "Reports"].map((t) => h("th", {text: t}))),
    items.map((e) => h("tr", {class: "click", onclick: (ev) => { if (ev.target.tagName !== "A") go("event", e.id); }},
      h("td", {text: e.date || "undated"}),
      h("td", {}, typeTag(e.type)),
      h("td", {}, entityLink(e.source)),
      h("td", {}, entityLink(e.target)),
      h("td", {text: e.status}),
      h("td", {text: e.num_articles || e.num_mentions || ""}))));
}

// Event: every report of a merged event, each with its sentence.
async function eventView(id) {
  const e = await api("/api/events/" + encodeURIComponent(id));
  show(h("h1", {}, typeTag(e.type), " ", entityLink(e.source), " → ", entityLink(e.target)),
    h("dl", {class: "facts panel"},
      h("dt", {text: "Date"}), h("dd", {text: e.date || "undated"}),
      h("dt", {text: "CAMEO"}), h("dd", {text: e.cameo + (e.mode ? " · " + e.mode : "")}),
      h("dt", {text: "Status"}), h("dd", {text: e.status}),
      h("dt", {text: "Location"}), h("dd", {}, entityLink(e.location)),
      e.fatalities != null ? [h("dt", {text: "Fatalities"}), h("dd", {text: e.fatalities})] : null,
      h("dt", {text: "Reported by"}), h("dd", {text: `${e.num_articles} article(s), ${e.num_sources} source(s)`})),
    h("h2", {text: "Evidence"}),
    (e.evidence || []).map((ev) => h("div", {class: "hit"},
      h("a", {href: "#/article/" + encodeURIComponent(ev.article) + query({at: ev.trigger.start})},
        ev.title || "Article " + ev.article.slice(0, 8)), " ", h("span", {class: "muted", text: [ev.source, (ev.published || "").slice(0, 10), ev.status].filter(Boolean).join(" · ")}),
      h("blockquote", {}, markTrigger(ev.sentence, ev.trigger)))));
}

function markTrigger(sent, trig) {
  const a = trig.start - sent.start, b = trig.end - sent.start;
  if (a < 0 || b > sent.text.length) return sent.text;
  // Offsets are bytes; the browser's strings are UTF-16, so cut by bytes.
  const bytes = new TextEncoder().encode(sent.text), dec = new TextDecoder();
  return [dec.decode(bytes.slice(0, a)), h("mark", {text: dec.decode(bytes.slice(a, b))}), dec.decode(bytes.slice(b))];
}

// Network: actors as nodes, events between them as edges.
async function network(_, params) {
  const form = filterForm(params, "network");
  const box = h("div", {id: "network"});
  show(h("h1", {text: "Who acts on whom"}), form, box);
  const res = await api("/api/network" + query({actor: params.actor, type: params.type, class: params.class, limit: 250}));
  box.append(drawNetwork(res.items));
}

function drawNetwork(edges) {
  if (!edges.length) return h("p", {class: "muted", text: "No events between two actors match."});
  const nodes = new Map(), pairs = new Map();
  for (const e of edges) {
    for (const ref of [e.source, e.target]) {
      if (!nodes.has(ref.id)) nodes.set(ref.id, {ref, weight: 0, x: 0, y: 0, vx: 0, vy: 0});
      nodes.get(ref.id).weight += e.count;
    }
    const key = e.source.id + ">" + e.target.id;
    if (!pairs.has(key)) pairs.set(key, {s: nodes.get(e.source.id), t: nodes.get(e.target.id), coop: 0, conflict: 0, types: []});
    const p = pairs.get(key);
    if (e.class === "cooperation") p.coop += e.count; else p.conflict += e.count;
    p.types.push(`${e.type} ${e.count}`);
  }
  const W = 1100, H = 640;
  layout([...nodes.values()], [...pairs.values()], W, H);
  const maxCount = Math.max(...[...pairs.values()].map((p) => p.coop + p.conflict));
  const svg = h("svg:svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network"});
  const defs = h("svg:defs", {});
  for (const [id, c] of [["coop", "#2e8b57"], ["conflict", "#c0392b"]]) {
    defs.append(h("svg:marker", {id: "arrow-" + id, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9,
      markerUnits: "userSpaceOnUse", orient: "auto-start-reverse"},
      h("svg:path", {d: "M0,0 L10,5 L0,10 z", fill: c})));
  }
  svg.append(defs);
  const maxWeight = Math.max(...[...nodes.values()].map((n) => n.weight));
  const radius = (n) => 4 + 10 * Math.sqrt(n.weight / maxWeight);
  // Only the busiest actors are named; the rest say who they are on hover.
  const named = new Set([...nodes.values()].sort((a, b) => b.weight - a.weight).slice(0, 40));
  for (const p of pairs.values()) {
    const n = p.coop + p.conflict, kind = p.coop > p.conflict ? "coop" : "conflict";
    const dx = p.t.x - p.s.x, dy = p.t.y - p.s.y, d = Math.hypot(dx, dy) || 1;
    const r = radius(p.t) + 2;
    const line = h("svg:line", {class: "edge " + kind, x1: p.s.x, y1: p.s.y, x2: p.t.x - (dx / d) * r, y2: p.t.y - (dy / d) * r,
      stroke: kind === "coop" ? "#2e8b57" : "#c0392b", "stroke-width": (1 + (5 * n) / maxCount).toFixed(2),
      "marker-end": `url(#arrow-${kind})`});
    line.append(h("svg:title", {text: `${p.s.ref.name} → ${p.t.ref.name}: ${p.types.join(", ")}`}));
    svg.append(line);
  }
  for (const n of nodes.values()) {
    const g = h("svg:g", {onclick: () => go("entity", n.ref.id)});
    g.append(h("svg:circle", {class: "node " + n.ref.type, cx: n.x, cy: n.y, r: radius(n)},
      h("svg:title", {text: `${n.ref.name} (${n.ref.type}${n.ref.country ? ", " + n.ref.country : ""}): ${n.weight} events`})));
    if (named.has(n)) g.append(h("svg:text", {class: "label", x: n.x + radius(n) + 3, y: n.y + 4, text: n.ref.name}));
    svg.append(g);
  }
  const legend = h("div", {class: "legend"}, h("span", {color: "#2e8b57", text: "mostly cooperation"}),
    h("span", {color: "#c0392b", text: "mostly conflict"}), h("span", {class: "muted", text: "width: number of events; click an actor for its page"}));
  return h("div", {}, svg, legend);
}

// layout places nodes with a small force simulation: every pair repels,
// edges pull their ends together, and a weak pull keeps the graph centred.
// It starts from a circle and runs a fixed number of steps, so the same
// graph always gets the same picture.
function layout(nodes, links, W, H) {
  const n = nodes.length;
  nodes.forEach((d, i) => {
    const a = (2 * Math.PI * i) / n;
    d.x = W / 2 + (W / 3) * Math.cos(a);
    d.y = H / 2 + (H / 3) * Math.sin(a);
  });
  // With repulsion k²/d and a pull of g·d to the centre, n nodes settle
  // within a radius of about sqrt(n·k²/g): this k keeps it near H/2.6 for
  // any n.
  const k = 0.5 * Math.sqrt((W * H) / Math.max(1, n)), g = 2;
  for (let step = 0, heat = W / 10; step < 300; step++, heat *= 0.985) {
    for (const d of nodes) { d.vx = 0; d.vy = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        const d2 = Math.max(dx * dx + dy * dy, 1);
        const f = (k * k) / d2;
        dx *= f; dy *= f;
        a.vx += dx; a.vy += dy; b.vx -= dx; b.vy -= dy;
      }
    }
    for (const l of links) {
      const dx = l.t.x - l.s.x, dy = l.t.y - l.s.y, d = Math.hypot(dx, dy) || 1;
      const f = d / k;
      l.s.vx += dx * f; l.s.vy += dy * f; l.t.vx -= dx * f; l.t.vy -= dy * f;
    }
    for (const d of nodes) {
      d.vx += (W / 2 - d.x) * g * (H / W); d.vy += (H / 2 - d.y) * g; // wide, like the box
      const v = Math.hypot(d.vx, d.vy) || 1, m = Math.min(v, heat);
      d.x = Math.min(W - 140, Math.max(20, d.x + (d.vx / v) * m));
      d.y = Math.min(H - 20, Math.max(20, d.y + (d.vy / v) * m));
    }
  }
}

// Articles: the stored articles, newest first.
async function articles(_, params) {
  const offset = Number(params.offset || 0);
  const res = await api("/api/articles" + query({limit: 50, offset}));
  show(h("h1", {text: "Articles"}),
    h("table", {},
      h("tr", {}, ["Published", "Title", "Source", "Entities", "Quotes", "Events"].map((t) => h("th", {text: t}))),
      res.items.map((a) => h("tr", {class: "click", onclick: () => go("article", a.id)},
        h("td", {text: (a.published || "").slice(0, 10)}),
        h("td", {}, h("a", {href: "#/article/" + encodeURIComponent(a.id)}, a.title || a.origin || a.id),
          a.duplicate_of ? h("span", {class: "muted", text: " (near-duplicate)"}) : null),
        h("td", {text: a.source || ""}),
        h("td", {text: a.entities}), h("td", {text: a.quotes}), h("td", {text: a.events})))),
    res.next_offset != null ? h("p", {}, h("a", {href: "#/articles?offset=" + res.next_offset, text: "More →"})) : null);
}

// Article: the text with every record marked, and the records beside it.
async function article(id, params) {
  const a = await api("/api/articles/" + encodeURIComponent(id));
  const an = a.analysis;
  if (!an) throw new Error("this article has no stored analysis");
  currentSentences = a.sentences;
  const body = an.article.body;
  const text = h("div", {class: "text panel"}, highlight(body, a.sentences, an, a.entity_of));
  const side = h("div", {class: "side panel"}, sideLists(an, a));
  const first = a.sentences.length ? body.slice(0, byteIndex(body)(a.sentences[0][1])) : "";
  show(h("h1", {text: a.title || an.article.title || clip(first, 120) || a.id}),
    h("p", {class: "muted"}, [a.source, (a.published || "").slice(0, 10), /^https?:\/\//i.test(a.url || "") ? h("a", {href: a.url, rel: "noreferrer", text: "original"}) : null]
      .filter(Boolean).flatMap((x, i) => i ? [" · ", x] : [x])),
    h("div", {class: "keys"}, h("span", {class: "e PERSON", text: "entity"}), h("span", {class: "t", text: "time expression"}),
      h("span", {class: "q", text: "quotation"}), h("span", {class: "v", text: "event trigger"})),
    h("div", {class: "article", id: "article"}, text, side));
  if (params.at != null) flashAt(Number(params.at));
}

// byteIndex maps UTF-8 byte offsets of the body to string indexes.
function byteIndex(body) {
  const idx = new Map();
  let b = 0;
  for (let i = 0; i < body.length; i++) {
    idx.set(b, i);
    const c = body.codePointAt(i);
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) i++;
  }
  idx.set(b, body.length);
  return (off) => idx.get(off) ?? body.length;
}

// highlight cuts the body at every span boundary and marks each piece with
// the records covering it; pieces are grouped into their sentences, whose
// elements carry the id the side list scrolls to.
function highlight(body, sentences, an, entityOf) {
  const at = byteIndex(body);
  const marks = [];
  for (const e of an.entities) for (const m of e.mentions) marks.push({s: m.start, e: m.end, kind: "e", ent: e});
  for (const t of an.timexes) marks.push({s: t.start, e: t.end, kind: "t", tmx: t});
  for (const q of an.quotes) marks.push({s: q.start, e: q.end, kind: "q"});
  for (const v of an.events) marks.push({s: v.trigger.start, e: v.trigger.end, kind: "v", ev: v});
  const cuts = new Set([0, new TextEncoder().encode(body).length]);
  for (const m of marks) { cuts.add(m.s); cuts.add(m.e); }
  for (const [s, e] of sentences) { cuts.add(s); cuts.add(e); }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  let si = 0, sentEl = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i], e = points[i + 1];
    while (si < sentences.length && sentences[si][1] <= s) si++;
    const inSent = si < sentences.length && sentences[si][0] <= s;
    const piece = body.slice(at(s), at(e));
    const on = marks.filter((m) => m.s <= s && m.e >= e);
    const node = on.length ? markPiece(piece, on, entityOf) : document.createTextNode(piece);
    if (inSent) {
      if (!sentEl || sentEl.dataset.i !== String(si)) {
        sentEl = h("span", {class: "sent", id: "s" + si, "data-i": si});
        out.push(sentEl);
      }
      sentEl.append(node);
    } else {
      sentEl = null;
      out.push(node);
    }
  }
  return out;
}

function markPiece(piece, on, entityOf) {
  const cls = new Set(), title = [];
  let ent = null;
  for (const m of on) {
    cls.add(m.kind);
    if (m.kind === "e") { ent = m.ent; cls.add(m.ent.type); title.push(`${m.ent.name} (${m.ent.type}${m.ent.country ? ", " + m.ent.country : ""})`); }
    if (m.kind === "t") title.push(`${m.tmx.type} ${m.tmx.value}`);
    if (m.kind === "v") { if (COOP.has(m.ev.type)) cls.add("coop"); title.push(`${m.ev.type} (CAMEO ${m.ev.cameo}) ${m.ev.status}`); }
  }
  const el = h("span", {class: [...cls].join(" "), title: title.join("; ") || null}, piece);
  if (ent && entityOf && entityOf[ent.id]) {
    el.addEventListener("click", () => go("entity", entityOf[ent.id]));
  }
  return el;
}

function sideLists(an, a) {
  const names = Object.fromEntries(an.entities.map((e) => [e.id, e.name]));
  const item = (start, ...kids) => h("li", {onclick: () => flashAt(start)}, kids);
  return [
    h("h2", {text: `Events (${an.events.length})`}),
    h("ul", {class: "events"}, an.events.map((v) => item(v.trigger.start, typeTag(v.type), " ",
      `${names[v.source] || "?"} → ${names[v.target] || "?"}`, h("span", {class: "muted", text: ` ${v.date || "undated"} · ${v.status} · “${v.trigger.text}”`}),
      a.event_of && a.event_of[v.id] ? [" ", h("a", {href: "#/event/" + a.event_of[v.id], text: "reports", onclick: (ev) => ev.stopPropagation()})] : null))),
    h("h2", {text: `Quotes (${an.quotes.length})`}),
    h("ul", {class: "quotes"}, an.quotes.map((q) => item(q.start, h("b", {text: (names[q.speaker] || "unattributed") + ": "}),
      "“" + clip(q.text, 140) + "”", h("span", {class: "muted", text: " " + q.kind})))),
    h("h2", {text: `Entities (${an.entities.length})`}),
    h("ul", {class: "entities"}, an.entities.map((e) => item(e.mentions.length ? e.mentions[0].start : 0,
      a.entity_of && a.entity_of[e.id] ? h("a", {href: "#/entity/" + a.entity_of[e.id], text: e.name, onclick: (ev) => ev.stopPropagation()}) : e.name,
      h("span", {class: "muted", text: ` ${e.type}${e.country ? " · " + e.country : ""}${e.role ? " · " + e.role : ""} · ${e.mentions.length}×`})))),
    h("h2", {text: `Time expressions (${an.timexes.length})`}),
    h("ul", {class: "timexes"}, an.timexes.map((t) => item(t.start, `“${t.text}”`, h("span", {class: "muted", text: ` ${t.type} ${t.value}`})))),
  ];
}

function clip(s, n) { return s.length > n ? s.slice(0, n - 1) + "…" : s; }

// flashAt scrolls to the sentence holding a byte offset and lights it up.
function flashAt(off) {
  const i = currentSentences.findIndex(([, end]) => off < end);
  const target = document.getElementById("s" + (i < 0 ? currentSentences.length - 1 : i));
  if (!target) return;
  target.scrollIntoView({block: "center", behavior: "smooth"});
  target.classList.add("flash");
  setTimeout(() => target.classList.remove("flash"), 1600);
}

// currentSentences are the [start, end) byte ranges of the article shown.
let currentSentences = [];

// Entity: who it is, what it said, what it did and had done to it.
async function entity(id) {
  const e = await api("/api/entities/" + encodeURIComponent(id));
  const said = e.quotes || [];
  show(h("h1", {text: e.name}),
    h("dl", {class: "facts panel", id: "entity"},
      h("dt", {text: "Type"}), h("dd", {text: e.type}),
      h("dt", {text: "Country"}), h("dd", {text: e.country || "—"}),
      e.sector ? [h("dt", {text: "Sector"}), h("dd", {text: e.sector})] : null,
      h("dt", {text: "Roles"}), h("dd", {text: (e.roles || []).map((r) => `${r.role} (${r.first}${r.last !== r.first ? " – " + r.last : ""})`).join("; ") || "—"}),
      h("dt", {text: "Aliases"}), h("dd", {text: [...(e.aliases || []), ...(e.handles || [])].join(", ") || "—"}),
      h("dt", {text: "Seen"}), h("dd", {text: `${e.articles} article(s), ${e.mentions} mention(s), ${e.first_seen || "?"} – ${e.last_seen || "?"}`}),
      h("dt", {text: "Network"}), h("dd", {}, h("a", {href: "#/network" + query({actor: e.name}), text: "its network"}), " · ",
        h("a", {href: "#/timeline" + query({actor: e.name}), text: "its timeline"}))),
    h("h2", {text: `Quotes said (${e.quotes_count ?? said.length})`}),
    said.length ? said.map((q) => h("blockquote", {}, "“" + q.span.text + "” ",
      h("a", {href: "#/article/" + encodeURIComponent(q.article) + query({at: q.span.start}), class: "muted",
        text: [q.source, (q.published || "").slice(0, 10)].filter(Boolean).join(" · ") || "article"}))) : h("p", {class: "muted", text: "None recorded."}),
    h("h2", {text: `Events as source (${e.events_as_source})`}), eventTable(e.as_source || []),
    h("h2", {text: `Events as target (${e.events_as_target})`}), eventTable(e.as_target || []));
}

// Search: full text over articles and quotes.
async function search(_, params) {
  const input = h("input", {name: "q", type: "search", value: params.q || "", placeholder: "words, \"a phrase\", prefix*", size: 40});
  const kind = h("select", {name: "kind"}, h("option", {value: "", text: "articles and quotes"}),
    h("option", {value: "article", selected: params.kind === "article", text: "articles"}),
    h("option", {value: "quote", selected: params.kind === "quote", text: "quotes"}));
  const form = h("form", {class: "filters"}, h("label", {}, "Search", input), h("label", {}, "In", kind), h("button", {type: "submit", text: "Search"}));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); go("search", null, Object.fromEntries(new FormData(form))); });
  const results = h("div", {id: "results"});
  show(h("h1", {text: "Search"}), form, results);
  if (!params.q) return;
  const res = await api("/api/search" + query({q: params.q, kind: params.kind, limit: 50}));
  if (!res.items.length) return results.append(h("p", {class: "muted", text: "Nothing matches."}));
  results.append(...res.items.map((hit) => h("div", {class: "hit"},
    h("a", {href: "#/article/" + encodeURIComponent(hit.article)}, hit.title || "Article " + hit.article.slice(0, 8)),
    h("span", {class: "muted", text: " " + [hit.kind === "quote" ? "quote" + (hit.speaker ? " by " + hit.speaker : "") : "article", hit.source, (hit.published || "").slice(0, 10)].filter(Boolean).join(" · ")}),
    h("div", {class: "snip"}, snippet(hit.snippet)))));
}

// snippet turns the store's [matched] markers into <mark> elements,
// building text nodes so that nothing in the snippet is read as HTML.
function snippet(s) {
  const out = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(s))) {
    out.push(s.slice(last, m.index), h("mark", {text: m[1]}));
    last = re.lastIndex;
  }
  out.push(s.slice(last));
  return out;
}

async function stats() {
  const s = await api("/api/stats");
  document.getElementById("stats").textContent = `${s.articles} articles · ${s.events} events · ${s.entities} entities · ${s.quotes} quotes`;
}

document.getElementById("quicksearch").addEventListener("submit", (ev) => {
  ev.preventDefault();
  go("search", null, {q: new FormData(ev.target).get("q")});
});
window.addEventListener("hashchange", route);
stats().catch(() => {});
route();
