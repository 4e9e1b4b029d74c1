// Japan itself (not an entity: the subject of every relation): the seed article's overview, its
// missions abroad, its memberships of international organisations and its UN figures.
import { html, render } from "/static/lib/html.js";
import { all, json } from "/static/lib/api.js";
import { inLang, local, t, term, terms } from "/static/lib/i18n.js";
import { JAPAN, entityLink, loadEntities } from "/static/lib/entities.js";
import { citeList, section, table, toc } from "/static/lib/ui.js";
import { eventList } from "/static/lib/events.js";
import { figureTable, seriesPoints } from "/static/lib/figures.js";
import { lineChart } from "/static/lib/charts.js";

function overview(narratives) {
  const regions = [...new Set(narratives.map((n) => n.region || ""))];
  return regions.map((region) => html`<h3>${region ? term("region", region) : t("japan.general")}</h3>
    <ul class="narratives">${narratives.filter((n) => (n.region || "") === region).map((n) => html`<li id="${n.id}">
      ${n.period ? html`<span class="when">${inLang(n.period, "en")}</span>` : ""}${local(n, "text")}
      <span class="tags">${(n.themes || []).map((theme) => html`<span class="tag">${term("theme", theme)}</span>`)}</span>
      ${citeList(n.citations)}</li>`)}</ul>`);
}

// One closed group per region; each table is drawn when its group is first opened.
function missionGroups(missions, entities) {
  const abroad = missions.filter((m) => m.operator === JAPAN);
  const regionOf = (m) => entities.byId.get(m.host)?.un_region || "";
  const groups = new Map();
  for (const { value } of terms("region")) {
    const rows = abroad.filter((m) => regionOf(m) === value)
      .sort((a, b) => a.host.localeCompare(b.host) || a.type.localeCompare(b.type));
    if (rows.length) groups.set(value, rows);
  }
  return groups;
}

function missionTable(rows, entities) {
  return table({
    className: "missions",
    columns: [{ label: t("japan.host") }, { label: t("japan.type") }, { label: t("japan.city") }, { label: t("col.sources") }],
    rows: rows.map((m) => ({
      cells: [entityLink(entities, m.host), t(`mission.${m.type}`), m.city ? inLang(m.city, "en") : "—",
        html`${m.citations?.[0]?.url ? html`<a href="${m.citations[0].url}" rel="noreferrer" target="_blank">Wikidata</a>` : ""} <span class="muted">${t("figures.asof", { date: m.as_of })}</span>`],
    })),
  });
}

export async function show(view) {
  const [entities, narratives, missions, memberships, figures] = await Promise.all([
    loadEntities(), json("/api/v1/narratives"), all("/api/v1/missions"), all("/api/v1/timeline?theme=membership"),
    json("/api/v1/figures")]);
  const abroad = missions.filter((m) => m.operator === JAPAN);
  const unFigures = figures.figures.filter((f) => f.theme === "membership");
  const budget = unFigures.filter((f) => f.series === "un-regular-budget-share");
  const groups = missionGroups(missions, entities);
  const byType = new Map();
  for (const m of abroad) byType.set(m.type, (byType.get(m.type) || 0) + 1);
  render(view, html`<h1 tabindex="-1">${t("japan")}</h1>
    <p class="lead">${t("japan.intro")}</p>
    ${toc([["overview", t("japan.overview"), narratives.length], ["missions", t("japan.missions"), abroad.length],
      ["memberships", t("japan.memberships"), memberships.length], ["un", t("japan.un"), unFigures.length]])}
    ${section("overview", t("japan.overview"), overview(narratives))}
    ${section("missions", t("japan.missions"), html`<p>${[...byType].map(([type, count], i) => html`${i ? " · " : ""}${t(`mission.${type}`)} ${count}`)}</p>
      ${[...groups].map(([region, rows]) => html`<details class="fold" data-region="${region}"><summary>${t("japan.missions.region", { region: term("region", region), count: rows.length })}</summary></details>`)}`)}
    ${section("memberships", t("japan.memberships"), eventList(memberships, entities))}
    ${section("un", t("japan.un"), html`${lineChart({ title: t("japan.budget"), unit: t("unit.percent"),
      series: [{ label: t("japan.budget"), points: seriesPoints(budget) }] })}${figureTable(unFigures, entities)}`)}`);
  for (const details of view.querySelectorAll("details[data-region]")) {
    details.addEventListener("toggle", () => {
      if (details.open && !details.querySelector("table")) {
        details.insertAdjacentElement("beforeend", document.createElement("div"));
        render(details.lastElementChild, missionTable(groups.get(details.dataset.region), entities));
      }
    });
  }
  return { title: t("japan.title") };
}
