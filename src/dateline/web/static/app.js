// dateline's web page: a time axis of events, filters, the pending stories as of a date,
// and a story's history with its evidence highlighted in each article.
//
// Article text is hostile input: every text from the API goes into the page through
// textContent or createTextNode, never innerHTML, and links are made only to http(s) URLs.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const ROW = 22;
const LABEL = 250;
const PENDING_PAGE = 100; // the soonest pending stories; the rest through the API
const TIMELINE_PAGE = 200; // events per page of the time axis

// --- small helpers ------------------------------------------------------------------
function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

function days(iso) {
  return Date.parse(iso + "T00:00:00Z") / DAY;
}

function isoOf(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function safeLink(url, text) {
  // only http(s): a javascript: or data: URL from an article must never become a link
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch (_) {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    return el("span", text);
  }
  const a = el("a", text);
  a.href = parsed.href;
  a.rel = "noopener noreferrer";
  a.target = "_blank";
  return a;
}

function timeText(time, dct) {
  const { value, earliest, latest } = time || {};
  if (earliest && latest) return earliest === latest ? earliest : value || earliest + " – " + latest;
  if (earliest) return "after " + earliest;
  if (latest) return "by " + latest;
  return "undated, reported " + dct;
}

function who(item) {
  const source = (item.source || []).join(", ");
  const target = (item.target || []).join(", ");
  return target ? source + " → " + target : source;
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) query.set(k, v);
  const url = query.toString() ? path + "?" + query : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function showError(err) {
  const box = document.getElementById("error");
  box.textContent = err ? String(err.message || err) : "";
  box.hidden = !err;
}

// --- the time axis ------------------------------------------------------------------
function placement(event) {
  // [lo, hi] in days and how the event sits: closed window, open at one end, or undated
  const { earliest, latest } = event.time;
  if (earliest && latest) return { lo: days(earliest), hi: days(latest), kind: "window" };
  if (earliest) return { lo: days(earliest), hi: null, kind: "after" };
  if (latest) return { lo: null, hi: days(latest), kind: "by" };
  return { lo: days(event.dct), hi: days(event.dct), kind: "undated" };
}

function axisScale(range, width) {
  let lo = days(range.from);
  let hi = days(range.to);
  const pad = Math.max(7, (hi - lo) * 0.05);
  lo -= pad;
  hi += pad;
  return { lo, hi, x: (d) => LABEL + ((d - lo) / (hi - lo)) * (width - LABEL - 10) };
}

function drawAxis(root, scale, width, height) {
  const axis = svg("g", { class: "axis" });
  axis.append(svg("line", { x1: LABEL, y1: 20, x2: width - 10, y2: 20 }));
  const ticks = 6;
  for (let i = 0; i <= ticks; i += 1) {
    const day = scale.lo + ((scale.hi - scale.lo) * i) / ticks;
    const x = scale.x(day);
    axis.append(svg("line", { x1: x, y1: 16, x2: x, y2: height, class: "grid" }));
    const label = svg("text", { x, y: 12, "text-anchor": "middle" });
    label.textContent = isoOf(Math.round(day));
    axis.append(label);
  }
  root.append(axis);
}

function drawEvent(root, event, row, scale, width) {
  const y = 30 + row * ROW + ROW / 2;
  const at = placement(event);
  const group = svg("g", { class: "event status-" + event.status, "data-event-id": event.id });
  group.setAttribute("tabindex", "0");
  const tip = svg("title");
  tip.textContent = event.type + " " + event.status + " · " + timeText(event.time, event.dct) +
    " · " + who(event) + (event.location ? " @ " + event.location : "");
  group.append(tip);
  // the whole row answers a click, not only its label and mark (an open window's bar may
  // start far to the right of the label)
  group.append(svg("rect", { x: 0, y: y - ROW / 2, width, height: ROW, class: "hit" }));
  const label = svg("text", { x: 4, y: y + 4, class: "label" });
  const text = event.type + " " + who(event);
  label.textContent = text.length > 38 ? text.slice(0, 37) + "…" : text;
  group.append(label);
  if (at.kind === "undated") {
    group.classList.add("undated");
    group.append(svg("circle", { cx: scale.x(at.lo), cy: y, r: 5, class: "mark" }));
  } else if (at.kind === "window" && at.hi - at.lo < 1) {
    group.append(svg("circle", { cx: scale.x(at.lo), cy: y, r: 5, class: "mark" }));
  } else {
    // a window open at one end runs to the edge of the axis, drawn faded
    const x1 = at.lo === null ? LABEL : scale.x(at.lo);
    const x2 = at.hi === null ? width - 10 : scale.x(at.hi + 1);
    const cls = at.kind === "window" ? "mark" : "mark open";
    group.append(svg("rect", { x: x1, y: y - 5, width: Math.max(3, x2 - x1), height: 10, rx: 3, class: cls }));
  }
  group.addEventListener("click", () => openEvent(event));
  group.addEventListener("keydown", (e) => {
    if (e.key === "Enter") openEvent(event);
  });
  root.append(group);
}

function drawTimeline(data) {
  const box = document.getElementById("timeline");
  const shown = data.events.length;
  // past 1,000 the server stops counting (total_exact false): "200 of 1000+ events"
  const total = data.total_exact === false ? data.total + "+" : String(data.total);
  const complete = shown === data.total && data.total_exact !== false;
  document.getElementById("summary").textContent =
    complete ? shown + " events" : shown + " of " + total + " events";
  document.getElementById("more").hidden = complete || shown === 0 || !data.more;
  if (!shown) {
    box.replaceChildren(el("p", "No events match.", "empty"));
    return;
  }
  const width = Math.max(640, box.clientWidth || 800);
  const height = 30 + shown * ROW + 10;
  const root = svg("svg", { width, height, viewBox: "0 0 " + width + " " + height, role: "img" });
  const scale = axisScale(data.range, width);
  drawAxis(root, scale, width, height);
  data.events.forEach((event, row) => drawEvent(root, event, row, scale, width));
  box.replaceChildren(root);
}

function filters() {
  const form = document.getElementById("filters");
  const values = {};
  for (const name of ["actor", "type", "status", "place", "from", "to"]) {
    values[name] = form.elements[name].value.trim();
  }
  return values;
}

// The timeline is read a page at a time: the first page draws at once however many
// events match, and "Show more" appends the next one.
let loaded = null;

function widen(range, other) {
  if (!range.from) return other;
  if (!other.from) return range;
  return { from: other.from < range.from ? other.from : range.from, to: other.to > range.to ? other.to : range.to };
}

async function loadTimeline() {
  try {
    showError(null);
    const wanted = filters();
    const data = await api("/api/timeline", { ...wanted, limit: String(TIMELINE_PAGE) });
    loaded = { ...data, wanted, more: data.events.length === TIMELINE_PAGE };
    drawTimeline(loaded);
  } catch (err) {
    showError(err);
  }
}

async function loadMore() {
  if (!loaded) return;
  try {
    showError(null);
    const params = { ...loaded.wanted, limit: String(TIMELINE_PAGE), offset: String(loaded.events.length) };
    const data = await api("/api/timeline", params);
    loaded = {
      ...loaded,
      events: loaded.events.concat(data.events),
      range: widen(loaded.range, data.range),
      more: data.events.length === TIMELINE_PAGE,
    };
    drawTimeline(loaded);
  } catch (err) {
    showError(err);
  }
}

// --- stories and articles -----------------------------------------------------------
function storyLine(story) {
  const li = el("li", null, "story status-" + story.status);
  const reported = story.first_dct || (story.first_announced || {}).dct;
  const button = el("button", story.type + " " + (story.state || story.status) + " · " + timeText(story.time, reported));
  button.type = "button";
  button.addEventListener("click", () => openStory(story.id));
  li.append(button);
  const people = (story.participants || []).map((p) => p.name).join(", ");
  li.append(el("span", people, "people"));
  return li;
}

async function loadPending() {
  const asOf = document.getElementById("as-of").value;
  try {
    // summary: what the list shows of each story (a story's history is read when opened)
    const data = await api("/api/pending", { as_of: asOf, limit: String(PENDING_PAGE), view: "summary" });
    const list = document.getElementById("pending-list");
    list.replaceChildren(...data.stories.map(storyLine));
    if (!data.stories.length) list.append(el("li", "nothing pending as of " + data.as_of, "empty"));
    if (data.total > data.stories.length) {
      list.append(el("li", "the first " + data.stories.length + " of " + data.total + " pending", "more"));
    }
  } catch (err) {
    showError(err);
  }
}

async function openEvent(event) {
  if (event.story_id) {
    await openStory(event.story_id);
  } else {
    await openArticle(event.document_id, new Set([event.id]));
  }
}

function historyEntry(entry, storyEvents) {
  const li = el("li", null, "history status-" + entry.status);
  const head = el("p", null, "entry-head");
  head.append(el("span", entry.dct, "dct"), " ", el("span", entry.state || entry.status, "status"), " ");
  head.append(el("span", timeText(entry.time, entry.dct), "time"), " · ");
  head.append(el("span", entry.source || "unknown outlet", "outlet"), " · ");
  head.append(entry.url ? safeLink(entry.url, entry.title || entry.url) : el("span", entry.title || "", "title"));
  li.append(head);
  for (const evidence of entry.evidence || []) {
    li.append(el("blockquote", evidence.sentence, "evidence-sentence"));
  }
  const show = el("button", "show in article", "show-article");
  show.type = "button";
  show.addEventListener("click", () => openArticle(entry.document_id, storyEvents));
  li.append(show);
  return li;
}

async function openStory(storyId) {
  try {
    showError(null);
    const story = await api("/api/stories/" + encodeURIComponent(storyId));
    const view = document.getElementById("story-view");
    const storyEvents = new Set(
      (story.history || []).flatMap((h) => (h.evidence || []).map((e) => e.event_id)),
    );
    const people = (story.participants || []).map((p) => p.name).join(", ");
    view.replaceChildren(
      el("h2", story.type + " · " + (story.state || story.status) + " · " + timeText(story.time, story.first_announced && story.first_announced.dct)),
      el("p", people + (story.place ? " @ " + story.place : ""), "people"),
      el("p", (story.sources || []).join(", "), "outlets"),
      el("h3", "History"),
    );
    const list = el("ol", null, "history-list");
    for (const entry of story.history || []) list.append(historyEntry(entry, storyEvents));
    view.append(list);
    view.dataset.storyId = story.id;
    view.hidden = false;
    const first = (story.history || [])[0];
    if (first) await openArticle(first.document_id, storyEvents);
  } catch (err) {
    showError(err);
  }
}

function highlighted(text, spans, storyEvents) {
  // The text as text nodes with <mark> around evidence spans (overlaps merged by start).
  const nodes = [];
  let at = 0;
  // several events may share a sentence: the one of this story wins its mark
  const inStory = (span) => (storyEvents.has(span.event_id) ? 0 : 1);
  const ordered = [...spans].sort((a, b) => a.start - b.start || inStory(a) - inStory(b));
  for (const span of ordered) {
    if (span.start < at || span.end > text.length || span.end <= span.start) continue;
    nodes.push(document.createTextNode(text.slice(at, span.start)));
    const mark = el("mark", text.slice(span.start, span.end), "evidence");
    mark.classList.add(storyEvents.has(span.event_id) ? "in-story" : "other");
    mark.classList.add("status-" + span.status);
    mark.title = span.type + " " + span.status;
    mark.dataset.eventId = span.event_id;
    nodes.push(mark);
    at = span.end;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

async function openArticle(documentId, storyEvents) {
  try {
    const doc = await api("/api/documents/" + encodeURIComponent(documentId));
    const view = document.getElementById("article-view");
    const meta = el("p", null, "meta");
    meta.append(el("span", doc.dct, "dct"), " · ", el("span", doc.source || "unknown outlet", "outlet"));
    if (doc.url) meta.append(" · ", safeLink(doc.url, "source"));
    const body = el("div", null, "article-text");
    body.id = "article-text";
    body.append(...highlighted(doc.text, doc.evidence, storyEvents));
    view.replaceChildren(el("h2", doc.title || "(no title)"), meta, body);
    view.dataset.documentId = doc.id;
    view.hidden = false;
    // scroll the article box (not the page) to the first evidence of the story
    const first = body.querySelector("mark.in-story");
    if (first) body.scrollTop = Math.max(0, first.offsetTop - body.offsetTop - 40);
  } catch (err) {
    showError(err);
  }
}

// --- start --------------------------------------------------------------------------
async function fillLists() {
  const actors = await api("/api/actors", { limit: "200" });
  document.getElementById("actor-list").replaceChildren(
    ...actors.actors.map((a) => {
      const option = el("option", a.name);
      option.value = a.id;
      return option;
    }),
  );
  const types = ["VISIT", "MEET", "INVITE", "AGREE", "STATEMENT", "DISCUSS", "DEPLOY", "ATTACK",
    "PROTEST", "SANCTION", "AID", "ACCUSE", "THREATEN", "COOPERATE", "REJECT"];
  document.getElementById("type-list").replaceChildren(
    ...types.map((t) => {
      const option = el("option");
      option.value = t;
      return option;
    }),
  );
}

function start() {
  document.getElementById("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    loadTimeline();
  });
  document.getElementById("filters").addEventListener("reset", () => setTimeout(loadTimeline, 0));
  document.getElementById("more").addEventListener("click", loadMore);
  document.getElementById("pending-form").addEventListener("submit", (e) => {
    e.preventDefault();
    loadPending();
  });
  document.getElementById("as-of").value = new Date().toISOString().slice(0, 10);
  // The actors' suggestions count every actor's events: asked for after the first
  // render, so that they never hold up the time axis or the pending list.
  Promise.all([loadTimeline(), loadPending()]).then(() => fillLists().catch(showError));
}

document.addEventListener("DOMContentLoaded", start);
