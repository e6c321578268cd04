// corroborate web app. Plain DOM, no framework, nothing loaded from elsewhere. Every piece of data is put on
// the page as text (never as HTML), because the documents come from sources that may be hostile.
"use strict";

const TOKEN_KEY = "corroborate.token";
const main = document.getElementById("main");
const dossiers = new Map(); // story id -> dossier, for quick moves between story and document views

// ---------- small helpers ----------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function show(...nodes) {
  main.replaceChildren(...nodes);
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
  if (err.status === 401 || err.status === 403) box.append(tokenForm());
  show(box);
}

function tokenForm() {
  const input = el("input", { type: "password", value: token(), placeholder: "token", autocomplete: "off" });
  return el("form", { onsubmit: (e) => { e.preventDefault(); localStorage.setItem(TOKEN_KEY, input.value.trim()); route(); } },
    el("label", {}, "Access token (kept in this browser only)"), input, " ", el("button", { type: "submit" }, "Save"));
}

function fmtDate(s) { return s ? s.replace("T", " ").replace("Z", " UTC") : ""; }

function byId(list) {
  const m = new Map();
  for (const x of list || []) m.set(x.id, x);
  return m;
}

async function dossier(id, fresh) {
  if (fresh || !dossiers.has(id)) dossiers.set(id, await api("/api/stories/" + encodeURIComponent(id)));
  return dossiers.get(id);
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

// ---------- views ----------

async function storiesView() {
  const stories = await api("/api/stories");
  if (!stories.length) {
    show(el("h1", {}, "Stories"), el("p", { class: "muted" }, "The store is empty. ",
      el("a", { href: "#/upload" }, "Add a document"), " or run ", el("code", {}, "corroborate ingest PATH"), "."));
    return;
  }
  const rows = stories.map((s) => el("tr", {},
    el("td", {}, el("a", { href: "#/story/" + s.id }, s.title)),
    el("td", { class: "num" }, s.documents),
    el("td", { class: "num hide-narrow muted" }, fmtDate(s.updated))));
  show(el("h1", {}, "Stories"), el("table", {},
    el("thead", {}, el("tr", {}, el("th", {}, "Story"), el("th", { class: "num" }, "Docs"),
      el("th", { class: "num hide-narrow" }, "Updated"))),
    el("tbody", {}, rows)));
}

const STATUS_ORDER = { disputed: 0, single_source: 1, corroborated: 2 };

function claimQuote(c, d, docs) {
  const doc = docs.get(c.doc);
  const who = c.speaker_text || (c.speaker && d.entityName(c.speaker)) || (doc ? doc.source + " (own voice)" : "");
  return el("blockquote", {},
    el("div", {}, c.polarity === "denies" ? "Denies: " : "", c.text),
    el("div", { class: "who" }, who, c.hedged ? " · hedged" : "", doc ? " · " : "",
      doc ? el("a", { href: "#/story/" + d.storyId + "/doc/" + c.doc + "?claim=" + encodeURIComponent(c.id) }, doc.source) : ""));
}

function factsSection(d, claims, docs) {
  const facts = (d.facts || []).slice().sort((a, b) => (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3));
  const section = [el("h2", {}, "Facts")];
  if (!facts.length) {
    section.push(el("p", { class: "muted" }, "No reconciled facts in this dossier yet."));
    return section;
  }
  for (const f of facts) {
    const quotes = (ids) => (ids || []).map((id) => claims.get(id)).filter(Boolean).map((c) => claimQuote(c, d, docs));
    section.push(el("div", { class: "card" },
      el("div", {}, el("span", { class: "badge " + f.status }, (f.status || "").replace("_", " ")), " ", el("strong", {}, f.statement)),
      (f.sources || []).length ? el("div", { class: "who" }, "Sources: " + f.sources.join(", ")) : null,
      el("div", { class: "quotes" },
        el("div", {}, el("h3", {}, "Supporting"), quotes(f.supported_by)),
        el("div", { class: "against" }, el("h3", {}, "Disputing"), quotes(f.disputed_by)))));
  }
  return section;
}

function speakersSection(d, claimsList) {
  const counts = new Map();
  for (const c of claimsList) {
    const name = c.speaker ? d.entityName(c.speaker) : c.speaker_text;
    if (name) counts.set(name, (counts.get(name) || 0) + 1);
  }
  if (!counts.size) return [];
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return [el("h2", {}, "Speakers"), el("div", { class: "chips" }, sorted.map(([n, k]) => el("span", { class: "chip" }, n + " · " + k)))];
}

function sourcesSection(d) {
  if (!(d.sources || []).length) return [];
  return [el("h2", {}, "Sources"), el("table", {},
    el("thead", {}, el("tr", {}, el("th", {}, "Source"), el("th", { class: "num" }, "Docs"), el("th", {}, "Voices carried"),
      el("th", { class: "hide-narrow" }, "Loaded terms"))),
    el("tbody", {}, d.sources.map((s) => el("tr", {},
      el("td", {}, s.name),
      el("td", { class: "num" }, (s.documents || []).length),
      el("td", {}, (s.voices || []).map((v) => (d.entityName(v.speaker) || v.speaker || "own voice") + " (" + v.claims + ")").join(", ")),
      el("td", { class: "hide-narrow" }, (s.loaded_terms || []).map((t) => t.term + " ×" + t.count).join(", "))))))];
}

function documentsSection(d) {
  const top = d.documents.filter((x) => !x.parent);
  const children = (id) => d.documents.filter((x) => x.parent === id);
  const item = (x, sub) => el("div", { class: sub ? "sub" : "" },
    el("a", { href: "#/story/" + d.storyId + "/doc/" + x.id }, x.title || x.text.slice(0, 90) + (x.text.length > 90 ? "…" : "")),
    el("span", { class: "who" }, " — " + [x.source, x.kind, x.published, x.language].filter(Boolean).join(" · ")));
  return [el("h2", {}, "Documents (" + d.documents.length + ")"),
    el("div", {}, top.map((x) => [item(x, false), children(x.id).map((p) => item(p, true))]))];
}

function prepare(d, storyId) {
  const ents = byId(d.entities);
  d.storyId = storyId;
  d.entityName = (id) => (ents.get(id) || {}).name;
  return d;
}

async function download(storyId, format) {
  const headers = token() ? { Authorization: "Bearer " + token() } : {};
  const res = await fetch("/api/stories/" + encodeURIComponent(storyId) + "/export?format=" + format, { headers });
  if (!res.ok) { alert("Export failed: " + res.status); return; }
  const url = URL.createObjectURL(await res.blob());
  const a = el("a", { href: url, download: "story-" + storyId + "." + format });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function storyView(id) {
  const d = prepare(await dossier(id, true), id);
  const claimsList = d.claims || [];
  const claims = byId(claimsList);
  const docs = byId(d.documents);
  const title = (d.documents.find((x) => x.title) || {}).title || "Story " + id;
  show(
    el("h1", {}, title),
    el("p", { class: "muted" }, d.documents.length + " documents · " + (d.sources || []).length + " sources · " +
      claimsList.length + " claims · " + (d.facts || []).length + " facts · engine " +
      [d.engine && d.engine.name, d.engine && d.engine.version, d.engine && d.engine.analysis].filter(Boolean).join(" "),
      " · export ", el("button", { class: "link", onclick: () => download(id, "json") }, "JSON"),
      " ", el("button", { class: "link", onclick: () => download(id, "csv") }, "CSV")),
    ...factsSection(d, claims, docs),
    ...speakersSection(d, claimsList),
    ...sourcesSection(d),
    ...documentsSection(d));
}

// Splits `text` at the byte offsets of the spans (UTF-8, end exclusive, as the dossier gives them) and wraps
// each piece in the marks that cover it.
function highlighted(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  const ok = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && s.end <= bytes.length);
  for (const s of ok) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("div", { class: "doctext", lang: "" });
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
  const d = prepare(await dossier(storyId, false), storyId);
  const doc = d.documents.find((x) => x.id === docId);
  if (!doc) { show(el("p", { class: "error" }, "No document " + docId + " in story " + storyId)); return; }
  const claims = (d.claims || []).filter((c) => c.doc === docId);
  const spans = claims.map((c) => ({ kind: "claim", id: c.id, start: c.start, end: c.end, polarity: c.polarity,
    title: [c.speaker_text || "own voice", c.cue, c.mode, c.polarity].filter(Boolean).join(" · ") }));
  for (const e of d.entities || []) {
    for (const m of e.mentions || []) {
      if (m.doc === docId) spans.push({ kind: "ent", start: m.start, end: m.end, title: e.name + " (" + e.kind + ")" });
    }
  }
  const text = highlighted(doc.text, spans);
  const focus = (id) => {
    for (const m of text.querySelectorAll("mark.active")) m.classList.remove("active");
    const marks = text.querySelectorAll('mark[data-claim="' + CSS.escape(id) + '"]');
    for (const m of marks) m.classList.add("active");
    if (marks.length) marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
  };
  const side = claims.length
    ? claims.map((c) => el("div", { class: "card" },
        el("button", { class: "link", onclick: () => focus(c.id) }, c.text),
        el("div", { class: "who" }, [c.speaker_text || "own voice", c.cue, c.polarity, c.hedged ? "hedged" : ""].filter(Boolean).join(" · "))))
    : [el("p", { class: "muted" }, "No claims found in this document yet.")];
  show(
    el("p", {}, el("a", { href: "#/story/" + storyId }, "← " + ((d.documents.find((x) => x.title) || {}).title || "story"))),
    el("h1", {}, doc.title || doc.source),
    el("p", { class: "muted" }, [doc.source, doc.kind, doc.published, doc.language].filter(Boolean).join(" · "),
      doc.url ? [" · ", el("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : "",
      doc.parent ? [" · embedded in ", el("a", { href: "#/story/" + storyId + "/doc/" + doc.parent }, doc.parent)] : ""),
    el("p", { class: "legend muted" }, el("span", {}, el("mark", { class: "claim" }, "claim")), el("span", {}, el("span", { class: "ent" }, "entity"))),
    el("div", { class: "layout" }, text, el("aside", {}, el("h2", {}, "Claims (" + claims.length + ")"), side)));
  if (params.get("claim")) focus(params.get("claim"));
}

async function searchView(q) {
  document.getElementById("search-input").value = q;
  if (!q.trim()) { show(el("p", { class: "muted" }, "Type words to search.")); return; }
  const r = await api("/api/search?q=" + encodeURIComponent(q));
  const docs = r.documents.map((h) => el("div", { class: "card" },
    h.story ? el("a", { href: "#/story/" + h.story + "/doc/" + h.id }, h.title || h.id) : el("span", {}, h.title || h.id),
    el("span", { class: "who" }, " — " + h.source), el("div", {}, snippet(h.snippet))));
  const claims = r.claims.map((h) => el("div", { class: "card" },
    el("a", { href: "#/story/" + h.story + "/doc/" + h.doc + "?claim=" + encodeURIComponent(h.id) }, snippet(h.snippet))));
  show(el("h1", {}, "Search: " + q),
    el("h2", {}, "Claims (" + claims.length + ")"), claims.length ? claims : el("p", { class: "muted" }, "No matching claims."),
    el("h2", {}, "Documents (" + docs.length + ")"), docs.length ? docs : el("p", { class: "muted" }, "No matching documents."));
}

async function uploadView() {
  let stories = [];
  try { stories = await api("/api/stories"); } catch (e) { /* the form still works for a new story */ }
  const status = el("p", { class: "muted" });
  const storySel = el("select", { name: "story" }, el("option", { value: "" }, "New story"),
    stories.map((s) => el("option", { value: s.id }, s.title)));
  const file = el("input", { type: "file", name: "file" });
  const title = el("input", { name: "title" }), source = el("input", { name: "source" }), url = el("input", { name: "url", type: "url" });
  const text = el("textarea", { name: "text", placeholder: "…or paste the text of a report here" });
  const submit = async (e) => {
    e.preventDefault();
    status.textContent = "Uploading…";
    status.className = "muted";
    const q = storySel.value ? "?story=" + encodeURIComponent(storySel.value) : "";
    let options;
    if (file.files.length) {
      const form = new FormData();
      form.append("file", file.files[0], file.files[0].name);
      options = { method: "POST", body: form };
    } else {
      const rec = { text: text.value, title: title.value || undefined, source: source.value || undefined, url: url.value || undefined };
      options = { method: "POST", body: JSON.stringify(rec), headers: { "Content-Type": "application/json" } };
    }
    try {
      const r = await api("/api/documents" + q, options);
      dossiers.clear();
      status.className = "";
      status.replaceChildren(r.added && r.added.length ? "Added " + r.added.length + " document(s) to " : "Already stored, in ",
        r.story ? el("a", { href: "#/story/" + r.story + "/doc/" + r.document }, r.story) : "no story", ".");
    } catch (err) {
      status.className = "error";
      status.textContent = err.message;
    }
  };
  show(el("h1", {}, "Add a document"),
    el("form", { class: "card", onsubmit: submit },
      el("label", {}, "Story"), storySel,
      el("label", {}, "File (text, Markdown, HTML, JSON, JSON Lines, RSS/Atom)"), file,
      el("label", {}, "Title"), title, el("label", {}, "Source"), source, el("label", {}, "URL"), url,
      el("label", {}, "Text"), text,
      el("p", {}, el("button", { type: "submit" }, "Add")), status),
    el("div", { class: "card" }, tokenForm()));
}

// ---------- routing ----------

async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === "story" && parts[2] === "doc" && parts[3]) await documentView(parts[1], parts[3], params);
    else if (parts[0] === "story" && parts[1]) await storyView(parts[1]);
    else if (parts[0] === "search") await searchView(params.get("q") || "");
    else if (parts[0] === "upload") await uploadView();
    else await storiesView();
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
