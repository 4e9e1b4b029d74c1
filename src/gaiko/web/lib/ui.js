// Pieces every page uses: citations, status swatches, sections with a table of
// contents, tables that reflow on a phone, folded groups and downloads built in the browser.
import { html, render } from "/static/lib/html.js";
import { guessLang, href, inLang, t } from "/static/lib/i18n.js";

export function host(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

function citation(c) {
  const label = c.title || c.publisher || c.source || c.work || c.url || "";
  const name = inLang(label, guessLang(label));
  const link = c.url ? html`<a href="${c.url}" rel="noreferrer" target="_blank">${name}</a>` : name;
  const by = c.title && c.publisher ? html` — ${inLang(c.publisher, guessLang(c.publisher))}` : "";
  const where = c.url ? html` <span class="host">${host(c.url)}</span>` : "";
  const tier = c.tier ? html` <span class="tier">${t(`tier.${c.tier}`)}</span>` : "";
  const work = c.work ? html` <a href="${href(`/sources#${c.work}`)}">${t("cite.work")}</a>` : "";
  const quoteLang = c.language || guessLang(c.quote);
  const quote = !c.quote ? "" : quoteLang ? html` <q lang="${quoteLang}">${c.quote}</q>` : html` <q>${c.quote}</q>`;
  const locator = c.locator ? html` <span class="locator">${inLang(c.locator, guessLang(c.locator))}</span>` : "";
  const notes = [
    c.accessed ? html`${t("cite.accessed")} ${c.accessed}` : "",
    c.read_at ? html`<a href="${c.read_at}" rel="noreferrer" target="_blank">${t("cite.read_at")}</a>` : "",
    c.supports ? html`${t(`cite.supports.${c.supports}`)}` : "",
  ].filter(Boolean);
  const extra = notes.length ? html` <span class="muted">(${notes.map((n, i) => html`${i ? "; " : ""}${n}`)})</span>` : "";
  return html`<li>${link}${by}${where}${tier}${work}${quote}${locator}${extra}</li>`;
}

// The sources of a fact; past `shown` of them, the rest wait behind "n more sources".
export function citeList(citations, shown = Infinity) {
  const list = citations || [];
  if (!list.length) return "";
  const more = list.slice(shown);
  return html`<ul class="sources">${list.slice(0, shown).map(citation)}</ul>${more.length
    ? html`<details class="more-sources"><summary>${t("cite.more", { count: more.length })}</summary><ul class="sources">${more.map(citation)}</ul></details>` : ""}`;
}

// A titled section that a table of contents can link to.
export function section(id, title, body, extra = "") {
  return html`<section class="card" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${title}</h2>${extra}${body}</section>`;
}

export function toc(entries) {
  const list = entries.filter(Boolean);
  if (list.length < 3) return "";
  return html`<nav class="toc card" aria-labelledby="toc-h"><h2 id="toc-h">${t("toc.title")}</h2>
    <ol>${list.map(([id, title, count]) => html`<li><a href="#${id}">${title}</a>${count != null ? html` <span class="muted">(${count})</span>` : ""}</li>`)}</ol></nav>`;
}

// A table that becomes stacked rows on a narrow screen; every cell carries its column's name.
export function table({ columns, rows, caption = "", className = "" }) {
  return html`<table class="stack ${className}">${caption ? html`<caption>${caption}</caption>` : ""}
    <thead><tr>${columns.map((c) => html`<th scope="col" class="${c.className || ""}">${c.label}</th>`)}</tr></thead>
    <tbody>${rows.map((row) => html`<tr${row.id ? html` id="${row.id}"` : ""}>${row.cells.map((cell, i) =>
      html`<td data-label="${columns[i].label}" class="${columns[i].className || ""}">${cell}</td>`)}</tr>`)}</tbody></table>`;
}

export function folded(summary, body, open = false) {
  return html`<details class="fold"${open ? html` open` : ""}><summary>${summary}</summary>${body}</details>`;
}

// A closed group whose body is drawn only when it is first opened (long lists stay light).
// `ids` names the records inside, so that a link to one of them can open its group.
const pending = new Map();
let lazyCount = 0;

export function lazyFold(summary, produce, ids = []) {
  lazyCount += 1;
  const key = `lazy-${lazyCount}`;
  pending.set(key, { produce, ids: new Set(ids) });
  return html`<details class="fold" data-lazy="${key}"><summary>${summary}</summary></details>`;
}

function fill(details) {
  const entry = pending.get(details.dataset.lazy);
  if (!entry) return;
  pending.delete(details.dataset.lazy);
  const body = document.createElement("div");
  details.append(body);
  render(body, entry.produce());
}

// Opens (and draws) the closed groups that hold the record `id` within `root`.
export function reveal(root, id) {
  for (const details of root.querySelectorAll("details[data-lazy]")) {
    if (pending.get(details.dataset.lazy)?.ids.has(id)) {
      fill(details);
      details.open = true;
    }
  }
  const target = root.querySelector(`[id="${CSS.escape(id)}"]`);
  for (let node = target?.parentElement; node && node !== root; node = node.parentElement) {
    if (node.tagName === "DETAILS") node.open = true;
  }
  return target;
}

// "toggle" does not bubble: listen in the capture phase, once for the whole document.
document.addEventListener("toggle", (event) => {
  if (event.target.open && event.target.dataset?.lazy) fill(event.target);
}, true);

export function none() {
  return html`<p class="muted">${t("none")}</p>`;
}

// A link that downloads text made in the browser (CSV or JSON built from the API's answer).
export function download(filename, type, text, label) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  return html`<a class="download" href="${url}" download="${filename}" data-download>${label}</a>`;
}

export function csv(rows) {
  const cell = (value) => {
    const text = value == null ? "" : Array.isArray(value) ? value.join("; ") : String(value);
    return /[",\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function dates(start, end) {
  return end ? `${start}–${end}` : start;
}
