// corroborate web app. Plain DOM, no framework, nothing loaded from elsewhere. Every piece of data is put on
// the page as text (never as HTML), because the documents come from sources that may be hostile.
"use strict";

const TOKEN_KEY = "corroborate.token";
const main = document.getElementById("main");
const dossiers = new Map(); // story id -> prepared dossier, for quick moves between story and document views
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const STATUS_ORDER = { disputed: 0, single_source: 1, corroborated: 2 };
const STATUS_LABEL = { disputed: "disputed", single_source: "single source", corroborated: "corroborated" };
// The story page's tabs: route segment -> label.
const TABS = [["", "Facts"], ["who", "Who said what"], ["outlets", "Outlets"], ["timeline", "Timeline"],
  ["documents", "Documents"]];
// Most speakers shown as columns of the who-said-what matrix; the rest are summed up under it.
const MATRIX_SPEAKERS = 24;

// ---------- small helpers ----------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// Replaces the page's content; arrays (lists of cards, sections) are flattened first.
function show(...nodes) {
  main.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
  window.scrollTo(0, 0);
}

function token() { return localStorage.getItem(TOKEN_KEY) || ""; }

async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  if (token()) headers.set("Authorization", "Bearer " + token());
  const res = await fetch(path, { ...options, headers });
  const type = res.headers.get("content-type") || "";
  const body = type.includes("json") ? await res.json() : await res.text();
  if (!res.ok) {
    const err = new Error((body && body.error) || res.status + " " + res.statusText);
    err.status = res.status;
    throw err;
  }
  return body;
}

function failure(err) {
  const box = el("div", { class: "card" }, el("p", { class: "error" }, err.message));
  if (err.status === 401 || err.status === 403) box.append(tokenForm(route));
  show(box);
}

function tokenForm(after) {
  const input = el("input", { type: "password", value: token(), placeholder: "token", autocomplete: "off",
    "aria-label": "Access token" });
  return el("form", { class: "inline", onsubmit: (e) => {
    e.preventDefault(); localStorage.setItem(TOKEN_KEY, input.value.trim()); if (after) after();
  } },
  el("label", {}, "Access token (kept in this browser only)"), el("div", { class: "row" }, input,
    el("button", { type: "submit" }, "Save")));
}

// "2023-06-20T18:05:00+02:00" -> "20 Jun 2023, 18:05"; anything else is shown as given.
function fmtDate(s) {
  if (!s) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(s);
  if (!m) return s;
  const day = Number(m[3]) + " " + (MONTHS[Number(m[2]) - 1] || m[2]) + " " + m[1];
  return m[4] ? day + ", " + m[4] + ":" + m[5] : day;
}

// The calendar day of an ISO date or date-time, or null.
function dayOf(s) {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(s || "");
  return m ? m[1] : null;
}

// Only web links may become clickable: a `javascript:` URL in a hostile document must stay text.
function safeUrl(u) {
  return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null;
}

function byId(list) {
  const m = new Map();
  for (const x of list || []) m.set(x.id, x);
  return m;
}

// A document's title, or the start of its text cut at a word, for untitled posts and statements.
function docLabel(x) {
  if (x.title) return x.title;
  const t = (x.text || "").replace(/\s+/g, " ").trim();
  if (!t) return x.id;
  if (t.length <= 70) return t;
  const cut = t.slice(0, 70);
  return cut.slice(0, cut.lastIndexOf(" ") > 40 ? cut.lastIndexOf(" ") : 70) + "…";
}

function plural(n, one, many) { return n + " " + (n === 1 ? one : many || one + "s"); }

function badge(status) {
  return el("span", { class: "badge " + (status || "") }, STATUS_LABEL[status] || status || "");
}

// Lookups the views share, built once per dossier.
function prepare(d, storyId) {
  d.storyId = storyId;
  d.claims = d.claims || [];
  d.facts = d.facts || [];
  d.documents = d.documents || [];
  d.sources = d.sources || [];
  d.entities = d.entities || [];
  const ents = byId(d.entities);
  d.claimById = byId(d.claims);
  d.docById = byId(d.documents);
  d.entityName = (id) => (ents.get(id) || {}).name;
  d.title = (d.documents.find((x) => x.title && !x.parent) || d.documents.find((x) => x.title) || {}).title ||
    "Story " + storyId;
  // Claim id -> the facts it supports or disputes.
  d.factsOf = new Map();
  for (const f of d.facts) {
    for (const [ids, role] of [[f.supported_by, "supports"], [f.disputed_by, "disputes"]]) {
      for (const id of ids || []) {
        if (!d.factsOf.has(id)) d.factsOf.set(id, []);
        d.factsOf.get(id).push({ fact: f, role });
      }
    }
  }
  return d;
}

async function dossier(id, fresh) {
  if (fresh || !dossiers.has(id)) {
    dossiers.set(id, prepare(await api("/api/stories/" + encodeURIComponent(id)), id));
  }
  return dossiers.get(id);
}

// Who puts a claim forward: the entity, the speaker as written, or the outlet in its own voice.
function speakerOf(d, c) {
  const doc = d.docById.get(c.doc) || {};
  if (c.speaker) return { key: "e:" + c.speaker, name: d.entityName(c.speaker) || c.speaker_text || c.speaker };
  if (c.speaker_text) return { key: "t:" + (c.speaker_key || c.speaker_text.toLowerCase()), name: c.speaker_text };
  return { key: "o:" + (doc.source || ""), name: doc.source || "unknown", own: true };
}

function passageHref(d, c) {
  return "#/story/" + encodeURIComponent(d.storyId) + "/doc/" + encodeURIComponent(c.doc) + "?claim=" +
    encodeURIComponent(c.id);
}

// A snippet from the search API marks matches with [ and ].
function snippet(text) {
  const out = el("span", { class: "snippet" });
  const re = /\[([^\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(text)) !== null) {
    out.append(text.slice(last, m.index), el("b", {}, m[1]));
    last = m.index + m[0].length;
  }
  out.append(text.slice(last));
  return out;
}

// ---------- story list ----------

async function storiesView() {
  const stories = await api("/api/stories");
  if (!stories.length) {
    show(el("h1", {}, "Stories"), el("p", { class: "muted" }, "The store is empty. ",
      el("a", { href: "#/upload" }, "Add a document"), " or run ", el("code", {}, "corroborate ingest PATH"), "."));
    return;
  }
  const rows = stories.map((s) => el("tr", {},
    el("td", {}, el("a", { class: "story-link", href: "#/story/" + encodeURIComponent(s.id) }, s.title)),
    el("td", { class: "num" }, s.documents),
    el("td", { class: "num hide-narrow muted" }, fmtDate(s.updated))));
  show(el("h1", {}, "Stories"), el("p", { class: "muted" }, plural(stories.length, "story", "stories") + ", " +
      plural(stories.reduce((n, s) => n + s.documents, 0), "document") + "."),
  el("table", { class: "stories" },
    el("thead", {}, el("tr", {}, el("th", {}, "Story"), el("th", { class: "num" }, "Docs"),
      el("th", { class: "num hide-narrow" }, "Updated"))),
    el("tbody", {}, rows)));
}

// ---------- story: header and tabs ----------

async function download(storyId, format) {
  const headers = token() ? { Authorization: "Bearer " + token() } : {};
  const res = await fetch("/api/stories/" + encodeURIComponent(storyId) + "/export?format=" + format, { headers });
  if (!res.ok) { alert("Export failed: " + res.status); return; }
  const url = URL.createObjectURL(await res.blob());
  const a = el("a", { href: url, download: "story-" + storyId + "." + format });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function storyHeader(d, tab) {
  const counts = { "": d.facts.length, outlets: d.sources.length, documents: d.documents.length };
  const disputed = d.facts.filter((f) => f.status === "disputed").length;
  const engine = [d.engine && d.engine.name, d.engine && d.engine.version, d.engine && d.engine.analysis]
    .filter(Boolean).join(" ");
  return [
    el("h1", {}, d.title),
    el("p", { class: "muted stats" },
      [plural(d.documents.length, "document"), plural(d.sources.length, "outlet"), plural(d.claims.length, "claim"),
        plural(d.facts.length, "fact") + (disputed ? " (" + disputed + " disputed)" : "")].join(" · "),
      el("span", { class: "export" }, " · export ",
        el("button", { class: "link", type: "button", onclick: () => download(d.storyId, "json") }, "JSON"), " ",
        el("button", { class: "link", type: "button", onclick: () => download(d.storyId, "csv") }, "CSV")),
      engine ? el("span", { class: "hide-narrow" }, " · engine " + engine) : null),
    el("nav", { class: "tabs", "aria-label": "Story sections" }, TABS.map(([key, label]) =>
      el("a", { href: "#/story/" + encodeURIComponent(d.storyId) + (key ? "/" + key : ""),
        "aria-current": key === tab ? "page" : null, "data-tab": key || "facts" },
      label, counts[key] !== undefined ? el("span", { class: "count" }, counts[key]) : null))),
  ];
}

async function storyView(id, tab, params) {
  const d = await dossier(id, true);
  const body = {
    who: () => matrixTab(d),
    outlets: () => outletsTab(d),
    timeline: () => timelineTab(d),
    documents: () => documentsTab(d),
  }[tab] || (() => factsTab(d, params));
  show(storyHeader(d, TABS.some(([k]) => k === tab) ? tab : ""), body());
  const open = params.get("fact");
  if (open) {
    const card = document.getElementById("fact-" + open);
    if (card) { card.open = true; card.scrollIntoView({ block: "start" }); }
  }
}

// ---------- story: facts ----------

function claimQuote(d, c) {
  const doc = d.docById.get(c.doc) || {};
  const who = speakerOf(d, c);
  return el("blockquote", { class: c.polarity === "denies" ? "denies" : "affirms", "data-claim": c.id },
    el("div", { class: "claim-text" }, c.polarity === "denies" ? el("span", { class: "neg" }, "denies: ") : null,
      c.text),
    el("div", { class: "who" },
      el("span", { class: "speaker" + (who.own ? " own" : "") }, who.own ? "own voice" : who.name),
      c.hedged ? " · hedged" : "", " — ", el("span", { class: "outlet" }, doc.source || c.doc),
      doc.published ? ", " + fmtDate(dayOf(doc.published) || doc.published) : "", " ",
      el("a", { class: "passage", href: passageHref(d, c), title: "Show this passage in the document" }, "passage ›")));
}

// The outlets behind a list of claim ids, for a fact's one-line summary.
function outletsOf(d, ids) {
  const names = [];
  for (const id of ids || []) {
    const c = d.claimById.get(id);
    const doc = c && d.docById.get(c.doc);
    if (doc && !names.includes(doc.source)) names.push(doc.source);
  }
  return names;
}

function shortList(names, max) {
  return names.length > max ? names.slice(0, max).join(", ") + " +" + (names.length - max) : names.join(", ");
}

function factCard(d, f) {
  const quotes = (ids) => {
    const list = (ids || []).map((id) => d.claimById.get(id)).filter(Boolean).map((c) => claimQuote(d, c));
    return list.length ? list : el("p", { class: "muted" }, "none");
  };
  const forOutlets = outletsOf(d, f.supported_by), againstOutlets = outletsOf(d, f.disputed_by);
  const nFor = (f.supported_by || []).length, nAgainst = (f.disputed_by || []).length;
  return el("details", { class: "fact card", id: "fact-" + f.id, "data-status": f.status || "" },
    el("summary", {},
      el("div", { class: "fact-head" }, badge(f.status), " ", el("strong", { class: "statement" }, f.statement)),
      el("div", { class: "who" },
        el("span", { class: "for" }, nFor + " for"), forOutlets.length ? " (" + shortList(forOutlets, 3) + ")" : "",
        nAgainst ? [" · ", el("span", { class: "against-count" }, nAgainst + " against"),
          " (" + shortList(againstOutlets, 3) + ")"] : "")),
    (f.sources || []).length ? el("p", { class: "who" }, "Independent sources: " + f.sources.join(", ")) : null,
    el("div", { class: "quotes" },
      el("div", { class: "supporting" }, el("h3", {}, "Supporting (" + nFor + ")"), quotes(f.supported_by)),
      el("div", { class: "disputing" }, el("h3", {}, "Disputing (" + nAgainst + ")"), quotes(f.disputed_by))));
}

function factsTab(d) {
  if (!d.facts.length) return el("p", { class: "muted" }, "No reconciled facts in this dossier yet.");
  const facts = d.facts.slice().sort((a, b) => (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3));
  const cards = facts.map((f) => factCard(d, f));
  const list = el("div", { class: "facts" }, cards);
  const counts = {};
  for (const f of facts) counts[f.status] = (counts[f.status] || 0) + 1;
  const filters = el("div", { class: "filters", role: "group", "aria-label": "Show facts" });
  const filter = (status, button) => {
    for (const b of filters.children) b.setAttribute("aria-pressed", b === button ? "true" : "false");
    for (const c of cards) c.hidden = status !== "" && c.dataset.status !== status;
  };
  for (const [status, label] of [["", "All " + facts.length], ...Object.keys(STATUS_ORDER).filter((s) => counts[s])
    .map((s) => [s, STATUS_LABEL[s] + " " + counts[s]])]) {
    const b = el("button", { type: "button", class: "chip " + status, "aria-pressed": status === "" ? "true" : "false" },
      label);
    b.addEventListener("click", () => filter(status, b));
    filters.append(b);
  }
  return [filters, el("p", { class: "muted hint" }, "Disputed facts first. Open one to compare who supports and who disputes it."),
    list];
}

// ---------- story: who said what ----------

function matrixTab(d) {
  const facts = d.facts.slice().sort((a, b) => (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3));
  // speaker key -> {name, own, claims, cells: fact id -> {supports: [claims], disputes: [claims]}}
  const speakers = new Map();
  for (const f of facts) {
    for (const [ids, role] of [[f.supported_by, "supports"], [f.disputed_by, "disputes"]]) {
      for (const id of ids || []) {
        const c = d.claimById.get(id);
        if (!c) continue;
        const who = speakerOf(d, c);
        if (!speakers.has(who.key)) speakers.set(who.key, { ...who, claims: new Set(), cells: new Map() });
        const s = speakers.get(who.key);
        s.claims.add(id);
        if (!s.cells.has(f.id)) s.cells.set(f.id, { supports: [], disputes: [] });
        s.cells.get(f.id)[role].push(c);
      }
    }
  }
  if (!speakers.size) return el("p", { class: "muted" }, "No claim is tied to a fact yet.");
  const ranked = [...speakers.values()].sort((a, b) => b.cells.size - a.cells.size || b.claims.size - a.claims.size ||
    a.name.localeCompare(b.name));
  const cols = ranked.slice(0, MATRIX_SPEAKERS);
  const cell = (s, f) => {
    const x = s.cells.get(f.id);
    if (!x) return el("td", { class: "cell" });
    const kind = x.supports.length && x.disputes.length ? "both" : x.supports.length ? "supports" : "disputes";
    const mark = { both: "±", supports: "✓", disputes: "✗" }[kind];
    const first = x.supports[0] || x.disputes[0];
    const title = s.name + " " + { both: "both supports and disputes", supports: "supports", disputes: "disputes" }[kind] +
      ": " + f.statement + " (" + plural(x.supports.length + x.disputes.length, "claim") + ")";
    return el("td", { class: "cell " + kind }, el("a", { href: passageHref(d, first), title, "aria-label": title }, mark));
  };
  const table = el("table", { class: "matrix" },
    el("thead", {}, el("tr", {}, el("th", { class: "corner" }, "Fact \\ speaker"),
      cols.map((s) => el("th", { class: "speaker-col" + (s.own ? " own" : ""), title: s.name },
        el("span", {}, s.name))))),
    el("tbody", {}, facts.map((f) => el("tr", {},
      el("th", { scope: "row" }, el("a", { href: "#/story/" + encodeURIComponent(d.storyId) + "?fact=" +
        encodeURIComponent(f.id) }, badge(f.status), " ", f.statement)),
      cols.map((s) => cell(s, f))))));
  const rest = ranked.slice(MATRIX_SPEAKERS);
  return [
    el("p", { class: "muted hint" }, "Each column is a speaker (or an outlet in its own voice); ",
      el("span", { class: "cell supports legend-mark" }, "✓"), " supports the fact, ",
      el("span", { class: "cell disputes legend-mark" }, "✗"), " disputes it, ",
      el("span", { class: "cell both legend-mark" }, "±"), " both; a mark links to the passage. ",
      el("em", {}, "Italic"), " columns are outlets in their own voice."),
    el("div", { class: "scroll-x", tabindex: "0", role: "region", "aria-label": "Who said what" }, table),
    rest.length ? el("p", { class: "muted" }, "Not shown: " + rest.map((s) => s.name).join(", ") + ".") : null,
  ];
}

// ---------- story: outlets ----------

// What an outlet card lists before it only counts the rest.
const OUTLET_VOICES = 8;
const OUTLET_DOCS = 5;

function outletsTab(d) {
  if (!d.sources.length) return el("p", { class: "muted" }, "No outlets.");
  const sources = d.sources.slice().sort((a, b) => (b.documents || []).length - (a.documents || []).length ||
    a.name.localeCompare(b.name));
  return el("div", { class: "outlets" }, sources.map((s) => {
    const docs = (s.documents || []).map((id) => d.docById.get(id)).filter(Boolean);
    const kinds = [...new Set(docs.map((x) => x.kind).filter(Boolean))];
    const voices = (s.voices || []).slice().sort((a, b) => b.claims - a.claims);
    const total = voices.reduce((n, v) => n + v.claims, 0) || 1;
    const sides = Object.entries(s.sides || {});
    return el("section", { class: "card outlet" },
      el("h3", {}, s.name),
      el("p", { class: "who" }, plural(docs.length, "document") + (kinds.length ? " · " + kinds.join(", ") : ""),
        sides.length ? [" · sides quoted: ", sides.map(([k, n]) => k + " ×" + n).join(", ")] : ""),
      el("h4", {}, "Voices carried"),
      voices.length ? el("ul", { class: "bars" }, voices.slice(0, OUTLET_VOICES).map((v) => el("li", {},
        el("span", { class: "bar-label" }, v.speaker ? v.speaker : el("em", {}, "own voice")),
        el("span", { class: "bar" }, el("span", { class: "fill", "data-share": v.claims / total })),
        el("span", { class: "num" }, v.claims)))) : el("p", { class: "muted none" }, "none"),
      voices.length > OUTLET_VOICES ? el("p", { class: "who" }, "and " + plural(voices.length - OUTLET_VOICES, "more voice")) : null,
      el("h4", {}, "Loaded terms"),
      (s.loaded_terms || []).length
        ? el("div", { class: "chips" }, s.loaded_terms.map((t) => el("span", { class: "chip loaded" }, t.term + " ×" + t.count)))
        : el("p", { class: "muted none" }, "none found"),
      (s.blindspots || []).length ? [el("h4", {}, "Not quoted"),
        el("p", { class: "who" }, s.blindspots.join(" · "))] : null,
      el("p", { class: "docs" }, docs.slice(0, OUTLET_DOCS).map((x) => el("a", { href: "#/story/" + encodeURIComponent(d.storyId) +
        "/doc/" + encodeURIComponent(x.id) }, docLabel(x))),
      docs.length > OUTLET_DOCS ? el("a", { class: "muted", href: "#/story/" + encodeURIComponent(d.storyId) + "/documents" },
        "+" + (docs.length - OUTLET_DOCS) + " more") : null));
  }));
}

// Bar widths are set from script (the CSP forbids inline style attributes in markup).
function sizeBars() {
  for (const f of main.querySelectorAll(".fill[data-share]")) {
    f.style.width = Math.max(2, Math.round(Number(f.dataset.share) * 100)) + "%";
  }
}

// ---------- story: timeline ----------

// How precisely a resolved date is known, from the words it was resolved from: "since 2008" resolves to
// 2008-01-01 and "in April" to the 1st, which must not read as events of that day.
function dateKey(value, text) {
  const day = dayOf(value);
  if (!day) return null;
  const t = text || "";
  const saysDay = /\b0?1(st)?\b|\b1\.|yesterday|today|tonight|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag/i.test(t);
  if (day.endsWith("-01-01") && !saysDay && !/jan/i.test(t)) return day.slice(0, 4);
  if (day.endsWith("-01") && !saysDay) return day.slice(0, 7);
  return day;
}

function fmtKey(key) {
  if (key.length === 4) return key;
  if (key.length === 7) return (MONTHS[Number(key.slice(5, 7)) - 1] || key.slice(5, 7)) + " " + key.slice(0, 4);
  return fmtDate(key);
}

// Entries shown per date before the rest fold away.
const TIMELINE_SHOWN = 6;

function timelineTab(d) {
  const dates = new Map(); // date key -> {facts, claims: Map(text key -> {c, as, outlets}), docs}
  const at = (key) => {
    if (!dates.has(key)) dates.set(key, { facts: [], claims: new Map(), docs: [] });
    return dates.get(key);
  };
  for (const f of d.facts) if (dayOf(f.date)) at(dayOf(f.date)).facts.push(f);
  for (const c of d.claims) {
    const seen = new Set();
    for (const dt of c.dates || []) {
      const key = dateKey(dt.value, dt.text);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      // The same sentence from several outlets (wire copy) is one entry naming them all.
      const who = speakerOf(d, c);
      const same = (who.own ? "" : who.name) + "\u0000" + c.text.toLowerCase();
      const entry = at(key).claims;
      const outlet = (d.docById.get(c.doc) || {}).source || "";
      if (!entry.has(same)) entry.set(same, { c, who, as: dt.text, outlets: [] });
      const e = entry.get(same);
      if (outlet && !e.outlets.includes(outlet)) e.outlets.push(outlet);
    }
  }
  const undated = [];
  for (const x of d.documents) {
    const day = dayOf(x.published);
    if (day) at(day).docs.push(x); else undated.push(x);
  }
  if (!dates.size) return el("p", { class: "muted" }, "Nothing in this story carries a date.");
  const docLink = (x) => el("a", { href: "#/story/" + encodeURIComponent(d.storyId) + "/doc/" + encodeURIComponent(x.id) },
    docLabel(x));
  const entry = (key) => {
    const e = dates.get(key);
    const items = [
      ...e.facts.map((f) => el("div", { class: "event fact-event" }, badge(f.status), " ",
        el("a", { href: "#/story/" + encodeURIComponent(d.storyId) + "?fact=" + encodeURIComponent(f.id) }, f.statement))),
      ...[...e.claims.values()].map(({ c, who, as, outlets }) => el("div", { class: "event" },
        el("span", { class: "speaker" + (who.own ? " own" : "") }, who.own ? outlets[0] : who.name), ": ",
        el("a", { href: passageHref(d, c) }, c.text),
        el("span", { class: "who" }, " — “" + as + "”", (who.own ? outlets.slice(1) : outlets).length
          ? ", " + shortList(who.own ? outlets.slice(1) : outlets, 3) : ""))),
      ...e.docs.sort((x, y) => (x.published || "").localeCompare(y.published || "")).map((x) => el("div", { class: "event published who" }, el("span", { class: "tag" }, "published"), " ",
        /T\d/.test(x.published) ? fmtDate(x.published).split(", ")[1] + " " : "", x.source + ": ", docLink(x))),
    ];
    const rest = items.splice(TIMELINE_SHOWN);
    return el("li", { class: "day" + (key.length < 10 ? " vague" : "") },
      el("h3", {}, el("time", { datetime: key }, fmtKey(key))), items,
      rest.length ? el("details", { class: "more" }, el("summary", {}, rest.length + " more"), rest) : null);
  };
  // Years and months alone ("since 2008", "in April") are background: folded above the dated events.
  const keys = [...dates.keys()].sort();
  const vague = keys.filter((k) => k.length < 10), precise = keys.filter((k) => k.length === 10);
  return [
    vague.length ? el("details", { class: "background", open: precise.length ? null : true },
      el("summary", {}, "Background: " + plural(vague.length, "earlier year or month", "earlier years and months") +
        " mentioned (" + vague.map(fmtKey).join(", ") + ")"),
      el("ol", { class: "timeline" }, vague.map(entry))) : null,
    el("ol", { class: "timeline" }, precise.map(entry)),
    undated.length ? el("p", { class: "who" }, "Undated: ", undated.map((x, i) => [i ? "; " : "", x.source + " ", docLink(x)])) : null];
}

// ---------- story: documents ----------

function documentsTab(d) {
  const claimsPer = new Map();
  for (const c of d.claims) claimsPer.set(c.doc, (claimsPer.get(c.doc) || 0) + 1);
  const childrenOf = new Map();
  for (const x of d.documents) if (x.parent) {
    if (!childrenOf.has(x.parent)) childrenOf.set(x.parent, []);
    childrenOf.get(x.parent).push(x);
  }
  const item = (x, sub) => el("li", { class: sub ? "sub" : "" },
    el("a", { class: "doc-link", href: "#/story/" + encodeURIComponent(d.storyId) + "/doc/" + encodeURIComponent(x.id) },
      docLabel(x)),
    el("div", { class: "who" }, [x.source, x.kind, fmtDate(x.published), x.language,
      plural(claimsPer.get(x.id) || 0, "claim")].filter(Boolean).join(" · ")));
  const top = d.documents.filter((x) => !x.parent || !d.docById.has(x.parent));
  return el("ul", { class: "doclist" }, top.map((x) => [item(x, false), (childrenOf.get(x.id) || []).map((p) => item(p, true))]));
}

// ---------- document ----------

// Splits `text` at the byte offsets of the spans (UTF-8, end exclusive, as the dossier gives them) and wraps
// each piece in the marks that cover it.
function highlighted(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  const ok = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && s.end <= bytes.length);
  for (const s of ok) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("div", { class: "doctext" });
  const anchored = new Set();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    let node = document.createTextNode(dec.decode(bytes.subarray(a, b)));
    const covering = ok.filter((s) => s.start <= a && s.end >= b).sort((x, y) => (x.kind === "claim" ? 1 : 0) - (y.kind === "claim" ? 1 : 0));
    for (const s of covering) {
      const wrap = s.kind === "claim"
        ? el("mark", { class: "claim " + (s.polarity || ""), "data-claim": s.id, title: s.title })
        : el("span", { class: "ent", title: s.title });
      if (s.kind === "claim" && !anchored.has(s.id)) { wrap.id = "claim-" + s.id; anchored.add(s.id); }
      wrap.append(node);
      node = wrap;
    }
    out.append(node);
  }
  return out;
}

async function documentView(storyId, docId, params) {
  const d = await dossier(storyId, false);
  const doc = d.docById.get(docId);
  if (!doc) { show(el("p", { class: "error" }, "No document " + docId + " in story " + storyId)); return; }
  const claims = d.claims.filter((c) => c.doc === docId);
  const spans = claims.map((c) => ({ kind: "claim", id: c.id, start: c.start, end: c.end, polarity: c.polarity,
    title: [speakerOf(d, c).own ? "own voice" : speakerOf(d, c).name, c.cue, c.mode, c.polarity].filter(Boolean).join(" · ") }));
  for (const e of d.entities) {
    for (const m of e.mentions || []) {
      if (m.doc === docId) spans.push({ kind: "ent", start: m.start, end: m.end, title: e.name + " (" + e.kind + ")" });
    }
  }
  const text = highlighted(doc.text, spans);
  const items = new Map();
  const focus = (id, scroll) => {
    for (const m of text.querySelectorAll("mark.active")) m.classList.remove("active");
    for (const it of items.values()) it.classList.remove("active");
    const marks = text.querySelectorAll('mark[data-claim="' + CSS.escape(id) + '"]');
    for (const m of marks) m.classList.add("active");
    if (items.has(id)) items.get(id).classList.add("active");
    if (scroll && marks.length) marks[0].scrollIntoView({ block: "center" });
    history.replaceState(null, "", "#/story/" + encodeURIComponent(storyId) + "/doc/" + encodeURIComponent(docId) +
      "?claim=" + encodeURIComponent(id));
  };
  text.addEventListener("click", (e) => {
    const m = e.target.closest("mark.claim");
    if (m) { focus(m.dataset.claim, false); if (items.has(m.dataset.claim)) items.get(m.dataset.claim).scrollIntoView({ block: "nearest" }); }
  });
  for (const c of claims) {
    const who = speakerOf(d, c);
    const facts = (d.factsOf.get(c.id) || []).map(({ fact, role }) => el("div", { class: "fact-ref" }, role + " ",
      el("a", { href: "#/story/" + encodeURIComponent(storyId) + "?fact=" + encodeURIComponent(fact.id) }, fact.statement),
      " ", badge(fact.status)));
    items.set(c.id, el("li", { class: "claim-item", "data-claim": c.id },
      el("button", { type: "button", class: "link claim-button", onclick: () => focus(c.id, true) },
        c.polarity === "denies" ? el("span", { class: "neg" }, "denies: ") : null, c.text),
      el("div", { class: "who" }, [who.own ? "own voice" : who.name, c.cue, c.mode, c.hedged ? "hedged" : ""]
        .filter(Boolean).join(" · ")), facts));
  }
  const url = safeUrl(doc.url);
  show(
    el("p", { class: "crumbs" }, el("a", { href: "#/story/" + encodeURIComponent(storyId) }, "← " + d.title)),
    el("h1", {}, doc.title || doc.source),
    el("p", { class: "muted" }, [doc.source, doc.kind, fmtDate(doc.published), doc.language].filter(Boolean).join(" · "),
      url ? [" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original")] : "",
      doc.parent ? [" · embedded in ", el("a", { href: "#/story/" + encodeURIComponent(storyId) + "/doc/" +
        encodeURIComponent(doc.parent) }, (d.docById.get(doc.parent) || {}).title || doc.parent)] : ""),
    el("p", { class: "legend muted" }, el("mark", { class: "claim" }, "claim"), el("mark", { class: "claim denies" }, "denial"),
      el("mark", { class: "claim active" }, "selected claim"), el("span", { class: "ent" }, "entity")),
    el("div", { class: "layout" }, text,
      el("aside", { class: "claims-side" }, el("h2", {}, "Claims (" + claims.length + ")"),
        claims.length ? el("ol", { class: "claim-list" }, [...items.values()])
          : el("p", { class: "muted" }, "No claims found in this document yet."))));
  if (params.get("claim")) focus(params.get("claim"), true);
}

// ---------- search ----------

async function searchView(q) {
  document.getElementById("search-input").value = q;
  if (!q.trim()) { show(el("h1", {}, "Search"), el("p", { class: "muted" }, "Type words to search.")); return; }
  const [r, stories] = await Promise.all([api("/api/search?q=" + encodeURIComponent(q)),
    api("/api/stories").catch(() => [])]);
  const titles = new Map(stories.map((s) => [s.id, s.title]));
  const inStory = (id) => id ? el("span", { class: "who" }, " — in ", el("a", { href: "#/story/" + encodeURIComponent(id) },
    titles.get(id) || id)) : null;
  const docs = r.documents.map((h) => el("li", { class: "card hit" },
    h.story ? el("a", { href: "#/story/" + encodeURIComponent(h.story) + "/doc/" + encodeURIComponent(h.id) }, h.title || "untitled " + h.id)
      : el("span", {}, h.title || h.id),
    el("span", { class: "who" }, " — " + h.source), inStory(h.story), el("div", {}, snippet(h.snippet))));
  const claims = r.claims.map((h) => el("li", { class: "card hit" },
    el("a", { href: "#/story/" + encodeURIComponent(h.story) + "/doc/" + encodeURIComponent(h.doc) + "?claim=" +
      encodeURIComponent(h.id) }, snippet(h.snippet)), inStory(h.story)));
  show(el("h1", {}, "Search: " + q),
    el("h2", {}, "Claims (" + claims.length + ")"),
    claims.length ? el("ul", { class: "hits claim-hits" }, claims) : el("p", { class: "muted" }, "No matching claims."),
    el("h2", {}, "Documents (" + docs.length + ")"),
    docs.length ? el("ul", { class: "hits doc-hits" }, docs) : el("p", { class: "muted" }, "No matching documents."));
}

// ---------- upload ----------

async function uploadView(params) {
  let stories = [];
  try { stories = await api("/api/stories"); } catch (e) { /* the form still works for a new story */ }
  const status = el("p", { class: "status muted", role: "status" });
  const storySel = el("select", { name: "story", id: "up-story" }, el("option", { value: "" }, "New story (or let corroborate choose)"),
    stories.map((s) => el("option", { value: s.id, selected: s.id === params.get("story") }, s.title)));
  const file = el("input", { type: "file", name: "file", id: "up-file",
    accept: ".txt,.md,.markdown,.html,.htm,.json,.jsonl,.xml,.rss,.atom,.warc,.gz" });
  const field = (name, type) => el("input", { name, id: "up-" + name, type: type || "text" });
  const title = field("title"), source = field("source"), url = field("url", "url"), published = field("published", "date");
  const text = el("textarea", { name: "text", id: "up-text", placeholder: "…or paste the text of a report here" });
  const tok = el("input", { type: "password", id: "up-token", value: token(), autocomplete: "off" });
  const button = el("button", { type: "submit" }, "Add");
  const submit = async (e) => {
    e.preventDefault();
    if (tok.value.trim() !== token()) localStorage.setItem(TOKEN_KEY, tok.value.trim());
    if (!file.files.length && !text.value.trim()) {
      status.className = "status error"; status.textContent = "Choose a file or paste some text."; return;
    }
    status.textContent = "Uploading and analysing…";
    status.className = "status muted";
    button.disabled = true;
    const q = storySel.value ? "?story=" + encodeURIComponent(storySel.value) : "";
    let options;
    if (file.files.length) {
      const form = new FormData();
      form.append("file", file.files[0], file.files[0].name);
      options = { method: "POST", body: form };
    } else {
      const rec = { text: text.value, title: title.value || undefined, source: source.value || undefined,
        url: url.value || undefined, published: published.value || undefined };
      options = { method: "POST", body: JSON.stringify(rec), headers: { "Content-Type": "application/json" } };
    }
    try {
      const r = await api("/api/documents" + q, options);
      dossiers.clear();
      status.className = "status ok";
      const added = r.added && r.added.length;
      // Built with el(), which flattens the optional parts (replaceChildren would print an array as text).
      status.replaceChildren(el("span", {}, added ? "Added " + plural(r.added.length, "document") + " to " : "Already stored, in ",
        r.story ? el("a", { class: "new-story", href: "#/story/" + encodeURIComponent(r.story) + "/documents" },
          titleOf(r.story, stories) || "a new story (" + r.story + ")") : "no story",
        r.story && r.document ? [" · ", el("a", { class: "new-doc", href: "#/story/" + encodeURIComponent(r.story) + "/doc/" +
          encodeURIComponent(r.document) }, "open the document")] : "", "."));
      if (added) { file.value = ""; text.value = ""; }
      status.scrollIntoView({ block: "nearest" });
    } catch (err) {
      status.className = "status error";
      status.replaceChildren(err.status === 401 || err.status === 403 ? "Not allowed: " + err.message : err.message);
      status.scrollIntoView({ block: "nearest" });
    } finally {
      button.disabled = false;
    }
  };
  const row = (label, input, hint) => el("div", { class: "field" }, el("label", { for: input.id }, label), input,
    hint ? el("div", { class: "who" }, hint) : null);
  show(el("h1", {}, "Add a document"),
    el("form", { class: "card upload", onsubmit: submit },
      row("Story", storySel),
      row("File", file, "Text, Markdown (with front matter), HTML, JSON, JSON Lines, RSS/Atom."),
      el("p", { class: "or muted" }, "or paste a report:"),
      el("div", { class: "grid2" }, row("Title", title), row("Source (outlet or account)", source), row("URL", url),
        row("Published", published)),
      row("Text", text),
      row("Access token", tok, "Writes need the server's token; it is kept in this browser only."),
      el("p", {}, button), status));
}

function titleOf(id, stories) { return (stories.find((s) => s.id === id) || {}).title; }

// ---------- routing ----------

async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  for (const a of document.querySelectorAll(".top nav a")) {
    a.setAttribute("aria-current", (a.dataset.nav === (parts[0] || "")) ? "page" : "false");
  }
  try {
    if (parts[0] === "story" && parts[2] === "doc" && parts[3]) await documentView(parts[1], parts[3], params);
    else if (parts[0] === "story" && parts[1]) await storyView(parts[1], parts[2] || "", params);
    else if (parts[0] === "search") await searchView(params.get("q") || "");
    else if (parts[0] === "upload") await uploadView(params);
    else await storiesView();
    if (parts[0] !== "search") document.getElementById("search-input").value = "";
    sizeBars();
    // Which route the page shows now: lets scripts (and the browser test) wait for a view to be drawn.
    main.dataset.rendered = hash;
  } catch (err) {
    failure(err);
  }
}

document.getElementById("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  location.hash = "#/search?q=" + encodeURIComponent(document.getElementById("search-input").value);
});
window.addEventListener("hashchange", route);
route();
