// Territorial and maritime disputes side by side. gaiko takes no side: each pin is named with
// every party's own name in a neutral colour, and each party's names and position come from its
// own sources.
import { html, render } from "/static/lib/html.js";
import { json } from "/static/lib/api.js";
import { inLang, lang, local, t } from "/static/lib/i18n.js";
import { entityLink, entityName, loadEntities } from "/static/lib/entities.js";
import { citeList, dates, section } from "/static/lib/ui.js";
import { loadGeo } from "/static/lib/scripts.js";

const W = 720;
const H = 480;
const MARGIN = 210; // room for labels on either side of the pins

function parties(d) {
  return [...new Set([...(d.claimants || []), ...(d.other_parties || [])])];
}

// The name a party uses, in the page's language when it has one, else in its own language.
function nameBy(d, party) {
  const names = (d.names || []).filter((n) => n.used_by === party);
  const here = lang();
  return names.find((n) => n.lang === here) || (here === "ja" && names.find((n) => n.lang !== "en"))
    || names.find((n) => n.lang === "en") || names[0] || null;
}

function partyName(entities, party) {
  return party === "neutral" ? t("disputes.neutral_name") : entityName(entities, party);
}

function pinLines(d, entities) {
  return [...parties(d), "neutral"].map((party) => {
    const name = nameBy(d, party);
    return name ? { name, party: partyName(entities, party) } : null;
  }).filter(Boolean);
}

function map(rows, atlas, entities) {
  const located = rows.filter((d) => d.location);
  const projection = d3.geoMercator().fitExtent([[MARGIN, 50], [W - MARGIN, H - 60]],
    { type: "MultiPoint", coordinates: located.map((d) => [d.location.lon, d.location.lat]) });
  const path = d3.geoPath(projection);
  const land = path(topojson.feature(atlas, atlas.objects.countries));
  const pins = located.map((d) => {
    const [x, y] = projection([d.location.lon, d.location.lat]);
    const lines = pinLines(d, entities);
    const top = y - ((lines.length - 1) * 16) / 2 + 4;
    return html`<a href="#${d.id}" class="pin-link"><circle class="pin" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="7"></circle>
      <text class="label" data-x="${x.toFixed(1)}" x="${(x + 12).toFixed(1)}" y="${top.toFixed(1)}">${lines.map((line, i) =>
        html`<tspan x="${(x + 12).toFixed(1)}" dy="${i ? 16 : 0}"${line.name.lang !== lang() ? html` lang="${line.name.lang}"` : ""}>${line.name.name} (${line.party})</tspan>`)}</text></a>`;
  });
  return html`<svg class="disputes-map" viewBox="0 0 ${W} ${H}" role="group" aria-label="${t("disputes.map")}">
    <rect class="ocean" width="${W}" height="${H}"></rect><path class="land" d="${land}"></path>${pins}</svg>`;
}

// Labels stay inside the map: one that would cross the right edge goes to the left of its pin.
function keepLabelsInside(svg) {
  for (const text of svg.querySelectorAll("text.label")) {
    const box = text.getBBox();
    const x = Number(text.dataset.x);
    if (box.x + box.width > W - 4) {
      text.setAttribute("text-anchor", "end");
      for (const span of text.querySelectorAll("tspan")) span.setAttribute("x", (x - 12).toFixed(1));
    }
    const after = text.getBBox();
    if (after.x < 4) {
      text.setAttribute("text-anchor", "start");
      for (const span of text.querySelectorAll("tspan")) span.setAttribute("x", "4");
    }
  }
}

function dispute(d, entities) {
  const all = [...parties(d), "neutral"];
  return section(d.id, local(d, "title"), html`
    <p>${local(d, "description")}</p>
    <p><strong>${t("disputes.claimants")}:</strong> ${(d.claimants || []).map((p, i) => html`${i ? ", " : ""}${entityLink(entities, p)}`)}
      ${d.other_parties?.length ? html` · <strong>${t("disputes.others")}:</strong> ${d.other_parties.map((p, i) => html`${i ? ", " : ""}${entityLink(entities, p)}`)}` : ""}
      · <strong>${t("disputes.administered")}:</strong> ${entityLink(entities, d.administered_by)}${d.administered_since ? html` (${t("disputes.since", { date: d.administered_since })})` : ""}</p>
    ${d.administered_since_note ? html`<p class="muted">${inLang(d.administered_since_note, "en")}</p>` : ""}
    ${citeList(d.administered_since_citations)}
    <h3>${t("disputes.names")}</h3>
    <div class="cols">${all.map((party) => {
      const names = (d.names || []).filter((n) => n.used_by === party);
      return names.length ? html`<div><strong>${partyName(entities, party)}</strong><ul>${names.map((n) =>
        html`<li><span lang="${n.lang}">${n.name}</span> <span class="muted">(${n.lang})</span></li>`)}</ul></div>` : "";
    })}</div>
    <h3>${t("disputes.positions")}</h3>
    <div class="cols">${(d.positions || []).map((p) => html`<div class="card"><strong>${partyName(entities, p.party)}</strong>
      <p>${local(p, "summary")}</p>${citeList(p.citations)}</div>`)}</div>
    <h3>${t("disputes.events")}</h3>
    <ol class="events">${(d.events || []).map((ev) => html`<li><span class="when">${dates(ev.date, ev.end_date)}</span>${local(ev, "title")}
      ${ev.note ? html`<br><span class="muted">${inLang(ev.note, "en")}</span>` : ""}${citeList(ev.citations)}</li>`)}</ol>
    ${d.note ? html`<p class="muted">${inLang(d.note, "en")}</p>` : ""}
    ${citeList(d.citations)}`);
}

export async function show(view) {
  const [rows, atlas, entities] = await Promise.all([json("/api/v1/disputes"), json("/vendor/countries-110m.json"),
    loadEntities(), loadGeo()]);
  render(view, html`<h1 tabindex="-1">${t("disputes.title")}</h1>
    <p class="card">${t("disputes.neutral")}</p>
    ${map(rows, atlas, entities)}
    <ul class="pins">${rows.map((d) => html`<li><a href="#${d.id}">${local(d, "title")}</a>:
      ${pinLines(d, entities).map((line, i) => html`${i ? " / " : ""}${inLang(line.name.name, line.name.lang)} <span class="muted">(${line.party})</span>`)}</li>`)}</ul>
    ${rows.map((d) => dispute(d, entities))}`);
  keepLabelsInside(view.querySelector("svg.disputes-map"));
  return { title: t("disputes.title") };
}
