// Timeline events: each with its date, title, themes, parties and sources; imported rows say what
// they are and from which dataset; the many imported records fold away by decade.
import { html } from "/static/lib/html.js";
import { inLang, local, pick, t, term } from "/static/lib/i18n.js";
import { entityLink, entityName } from "/static/lib/entities.js";
import { citeList, dates, lazyFold } from "/static/lib/ui.js";

// The kind of source of a timeline event: curated from cited pages, or imported from a dataset.
export const SOURCE_KINDS = ["curated", "ooh", "igo", "atop", "cow"];
// Imported kinds folded by default (there are hundreds of them).
export const FOLDED = new Set(["ooh", "igo"]);

export function sourceKind(event) {
  const prefix = event.id.split("-")[0];
  return SOURCE_KINDS.includes(prefix) && prefix !== "curated" ? prefix : "curated";
}

export function year(date) {
  return Number(String(date).slice(0, 4));
}

export function decade(date) {
  return Math.floor(year(date) / 10) * 10;
}

// ATOP rows that share years and pledges with another partner: the same alliance, recorded dyad by dyad.
export function atopPartners(events) {
  const groups = new Map();
  for (const event of events.filter((e) => sourceKind(e) === "atop")) {
    const pledges = event.title_en.split(":").slice(1).join(":");
    const key = `${event.date}|${event.end_date}|${pledges}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(event);
  }
  const shared = new Map();
  for (const group of groups.values()) {
    for (const event of group) shared.set(event.id, group.filter((e) => e !== event).flatMap((e) => e.participants || []));
  }
  return shared;
}

// "Imported record: ... From: <dataset> (<locator>)."
export function importedNote(event, entities, shared = new Map()) {
  const kind = sourceKind(event);
  if (kind === "curated") return "";
  const source = (event.citations || [])[0] || {};
  const partner = (event.participants || []).map((id) => entityName(entities, id)).join(", ");
  let what = t(`imported.${kind}`, { partner, from: event.date, to: event.end_date || "" });
  if (kind === "ooh") what = t(source.source === "ooh-visits" ? "imported.ooh-visits" : "imported.ooh-travels");
  if (kind === "atop") {
    const others = shared.get(event.id) || [];
    what += " " + (others.length
      ? t("imported.atop.shared", { names: others.map((id) => entityName(entities, id)).join(", ") })
      : t("imported.atop.bilateral"));
  }
  const instrument = [source.publisher, source.title].filter(Boolean).join(", ");
  return html`<p class="imported"><strong>${t("imported.label")}</strong> — ${what}
    ${instrument ? html`${t("imported.from")} ${inLang(instrument, "en")}${source.locator ? html` <span class="locator">(${source.locator})</span>` : ""}.` : ""}</p>`;
}

export function eventItem(event, entities, { shared = new Map(), participants = true } = {}) {
  const summary = pick(event, "summary");
  const kind = sourceKind(event);
  return html`<li id="${event.id}" data-kind="${kind}">
    <span class="when">${dates(event.date, event.end_date)}</span>
    <strong>${local(event, "title")}</strong>
    <span class="tags">${(event.themes || []).map((theme) => html`<span class="tag">${term("theme", theme)}</span>`)}</span>
    ${participants && event.participants?.length ? html`<br><span class="muted">${t("event.with")}</span> ${event.participants.map((id, i) => html`${i ? ", " : ""}${entityLink(entities, id)}`)}` : ""}
    ${summary.text ? html`<br>${local(event, "summary")}` : ""}
    ${event.note ? html`<br><span class="muted">${inLang(event.note, "en")}</span>` : ""}
    ${importedNote(event, entities, shared)}
    ${kind === "curated" ? citeList(event.citations, 1) : ""}
  </li>`;
}

// Curated events one by one; imported records of a folded kind in one closed group per list.
export function eventList(events, entities, { shared = new Map(), participants = true, fold = FOLDED } = {}) {
  const shown = events.filter((e) => !fold.has(sourceKind(e)));
  const groups = new Map();
  for (const event of events.filter((e) => fold.has(sourceKind(e)))) {
    const kind = sourceKind(event);
    if (!groups.has(kind)) groups.set(kind, []);
    groups.get(kind).push(event);
  }
  return html`${shown.length ? html`<ol class="events">${shown.map((e) => eventItem(e, entities, { shared, participants }))}</ol>` : ""}
    ${[...groups].map(([kind, list]) => lazyFold(t(`fold.${kind}`, { count: list.length }),
      () => html`<ol class="events">${list.map((e) => eventItem(e, entities, { shared, participants }))}</ol>`,
      list.map((e) => e.id)))}`;
}
