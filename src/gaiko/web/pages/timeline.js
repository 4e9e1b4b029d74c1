// The timeline: dated, cited events grouped by decade and paged, with filters (period, theme,
// region, country, kind of source) kept in the URL. Imported visit and membership records fold
// away by decade unless asked for.
import { html, render } from "/static/lib/html.js";
import { ApiError, all } from "/static/lib/api.js";
import { href, plain, t, term, terms, withParams } from "/static/lib/i18n.js";
import { loadEntities } from "/static/lib/entities.js";
import { reveal } from "/static/lib/ui.js";
import { FOLDED, SOURCE_KINDS, atopPartners, decade, eventList, sourceKind } from "/static/lib/events.js";

const PAGE_UNITS = 40; // an event, or a folded group, is one unit; a page holds whole decades
const SERVER_FILTERS = ["from", "to", "theme", "region", "country"];

function options(values, current) {
  return html`<option value="">${t("timeline.any")}</option>${values.map(([value, label]) =>
    html`<option value="${value}"${value === current ? html` selected` : ""}>${label}</option>`)}`;
}

function pages(events, fold) {
  const decades = new Map();
  for (const event of events) {
    const key = decade(event.date);
    if (!decades.has(key)) decades.set(key, []);
    decades.get(key).push(event);
  }
  const out = [];
  let page = [];
  let units = 0;
  for (const [key, list] of [...decades].sort((a, b) => a[0] - b[0])) {
    const kinds = new Set(list.map(sourceKind));
    const size = list.filter((e) => !fold.has(sourceKind(e))).length + [...kinds].filter((k) => fold.has(k)).length;
    if (page.length && units + size > PAGE_UNITS) {
      out.push(page);
      page = [];
      units = 0;
    }
    page.push([key, list]);
    units += size;
  }
  if (page.length) out.push(page);
  return out;
}

function pager(number, count) {
  if (count < 2) return "";
  const link = (n, label, rel) => html`<a href="${href(withParams({ page: n === 1 ? "" : n }))}" rel="${rel}">${label}</a>`;
  return html`<nav class="pager" aria-label="${t("timeline.pages")}">
    ${number > 1 ? link(number - 1, t("timeline.previous"), "prev") : ""}
    <span>${t("timeline.page", { number, count })}</span>
    ${number < count ? link(number + 1, t("timeline.next"), "next") : ""}</nav>`;
}

export async function show(view, ctx) {
  const q = ctx.query;
  const server = new URLSearchParams();
  for (const key of SERVER_FILTERS) if (q.get(key)) server.set(key, q.get(key));
  const source = SOURCE_KINDS.includes(q.get("source")) ? q.get("source") : "";
  const [entities, answer] = await Promise.all([
    loadEntities(),
    all(`/api/v1/timeline${server.size ? `?${server}` : ""}`).catch((error) => error),
  ]);
  const failed = answer instanceof ApiError ? answer : null;
  if (answer instanceof Error && !failed) throw answer;
  const events = failed ? [] : answer.filter((e) => !source || sourceKind(e) === source);
  const fold = source && FOLDED.has(source) ? new Set() : FOLDED;
  const shared = atopPartners(events);
  const list = pages(events, fold);
  // A link to one event (/timeline#id, as search gives) opens the page that holds it.
  const wanted = decodeURIComponent(location.hash.slice(1));
  const holding = wanted && !q.get("page") ? list.findIndex((page) => page.some(([, items]) => items.some((e) => e.id === wanted))) : -1;
  const number = holding >= 0 ? holding + 1 : Math.min(Math.max(Number(q.get("page")) || 1, 1), Math.max(list.length, 1));
  const current = list[number - 1] || [];
  const countries = [...entities.list].map((e) => [e.id, plain(e)]).sort((a, b) => a[1].localeCompare(b[1]));
  const decades = list.flatMap((page, i) => page.map(([key, items]) => [key, items.length, i + 1]));
  render(view, html`<h1 tabindex="-1">${t("timeline.title")}</h1>
    <p class="lead">${t("timeline.intro")}</p>
    <form class="filters card" id="filters">
      <label>${t("timeline.from")}<input name="from" value="${q.get("from") || ""}" placeholder="1854" inputmode="numeric"></label>
      <label>${t("timeline.to")}<input name="to" value="${q.get("to") || ""}" placeholder="2008" inputmode="numeric"></label>
      <label>${t("timeline.theme")}<select name="theme">${options(terms("theme").map((e) => [e.value, term("theme", e.value)]), q.get("theme"))}</select></label>
      <label>${t("timeline.region")}<select name="region">${options(terms("region").map((e) => [e.value, term("region", e.value)]), q.get("region"))}</select></label>
      <label>${t("timeline.country")}<select name="country">${options(countries, q.get("country"))}</select></label>
      <label>${t("timeline.source")}<select name="source">${options(SOURCE_KINDS.map((k) => [k, t(`source.${k}`)]), source)}</select></label>
      <button type="submit">${t("timeline.apply")}</button>
      ${[...q.keys()].some((k) => k !== "lang") ? html`<a href="${href("/timeline")}">${t("timeline.clear")}</a>` : ""}
    </form>
    ${failed ? html`<p class="card notfound">${failed.message}</p>` : ""}
    <p>${t("timeline.count", { count: events.length })}${fold.size ? html` <span class="muted">${t("timeline.folded")}</span>` : ""}</p>
    ${decades.length > 1 ? html`<nav aria-label="${t("timeline.decades")}"><ul class="decades">${decades.map(([key, count, page]) =>
      html`<li><a href="${href(withParams({ page: page === 1 ? "" : page }) + `#d${key}`)}"${page === number ? html` aria-current="true"` : ""}>${t("decade", { decade: key })}</a> <span class="muted">${count}</span></li>`)}</ul></nav>` : ""}
    ${pager(number, list.length)}
    ${current.map(([key, items]) => html`<section class="decade" id="d${key}" aria-labelledby="d${key}-h">
      <h2 id="d${key}-h">${t("decade", { decade: key })} <span class="muted">(${items.length})</span></h2>
      ${eventList(items, entities, { shared, fold })}</section>`)}
    ${pager(number, list.length)}`);
  if (wanted) reveal(view, wanted); // ... and unfolds the group it is in
  view.querySelector("#filters").addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.target)) if (String(value).trim()) next.set(key, String(value).trim());
    ctx.navigate(`/timeline${next.size ? `?${next}` : ""}`);
  });
  return { title: number > 1 ? t("timeline.title.page", { number }) : t("timeline.title") };
}
