// One country: Japan's status and the dated, cited events behind it; the territory's holders and
// chain of succession; then aid, reparations, trade and visits in MOFA's order; treaties, other
// events, missions, disputes. A table of contents leads to each part.
import { html, render } from "/static/lib/html.js";
import { ApiError, all, get, json } from "/static/lib/api.js";
import { href, inLang, lang, local, plain, since, t, term } from "/static/lib/i18n.js";
import { entityName, isJapan, loadEntities, statusHistory } from "/static/lib/entities.js";
import { citeList, lazyFold, none, section, table, toc } from "/static/lib/ui.js";
import { conditionText, swatch } from "/static/lib/status.js";
import { chain, spanList, spellTable, strip } from "/static/lib/territory.js";
import { atopPartners, decade, eventList } from "/static/lib/events.js";
import { figureBars, figureTable, isReparations } from "/static/lib/figures.js";
import { columns, lineChart } from "/static/lib/charts.js";

const VISIT = new Set(["visit", "summit"]);
const TREATY = new Set(["treaty", "alliance"]);

function header(e, entities) {
  const other = lang() === "ja" ? e.name_en : e.name_ja;
  const territory = e.territory ? conditionText(entities, {
    condition: e.territory.condition, holder: e.territory.holders?.[0]?.id,
  }) : "";
  const codes = ["iso2", "iso3", "iso_numeric", "cow_code", "gw_code", "wikidata"].filter((k) => e[k] != null)
    .map((k) => `${k}: ${e[k]}`).join(" · ");
  return html`<h1 tabindex="-1">${local(e)}${other ? html` <span class="muted" lang="${lang() === "ja" ? "en" : "ja"}">${other}</span>` : ""}</h1>
    ${e.official_name_en ? html`<p>${local(e, "official_name")}</p>` : ""}
    <section class="card" aria-labelledby="status-h">
      <h2 id="status-h">${t("country.status")}</h2>
      <p class="status-line">${swatch(e.status)} <strong data-status="${e.status}">${since(e.status, e.since)}</strong>${e.never ? html` <span class="muted">(${t("country.never")})</span>` : ""}</p>
      <p class="muted">${t("country.asof", { date: e.as_of })}${e.basis_id ? html`; ${t("country.basis")} <a href="#${e.basis_id}">${e.basis_id}</a>` : ""}${territory ? html`; ${territory}` : ""}</p>
      ${e.note ? html`<p class="muted">${inLang(e.note, "en")}</p>` : ""}
      <p class="muted">${term("entity_kind", e.kind)} · ${t("country.codes")}: ${codes || "—"}${e.un_region ? html` · ${t("country.region")}: ${term("region", e.un_region)}${e.un_subregion ? html` / ${inLang(e.un_subregion, "en")}` : ""}` : ""}${e.un_admission ? html` · ${t("country.un")}: ${e.un_admission}` : ""}</p>
      <p><button type="button" id="cite">${t("country.cite")}</button> <span id="cite-done" class="muted" role="status"></span></p>
    </section>`;
}

function relationEvents(e) {
  if (!e.events.length) return none();
  return table({
    className: "events",
    columns: [{ label: t("col.date"), className: "date" }, { label: t("col.event") }, { label: t("col.instrument") }, { label: t("col.sources") }],
    rows: e.events.map((ev) => ({
      id: ev.id,
      cells: [
        html`${ev.date}${ev.planned ? html`<br><span class="muted">${t("country.planned")}</span>` : ""}`,
        html`<span data-type="${ev.type}">${term("event_type", ev.type)}</span>${ev.starts_relations ? html`<br><span class="muted">${t("country.starts")}</span>` : ""}`,
        html`${local(ev, "instrument")}${ev.note ? html`<br><span class="muted">${local(ev, "note")}</span>` : ""}`,
        html`${citeList(ev.citations, 2)}${(ev.alternatives || []).map((a) => html`<p class="muted">${t("country.other")}: ${a.date}</p>${citeList(a.citations)}`)}
          ${ev.preferred_because ? html`<p class="muted">${t("country.preferred")}: ${inLang(ev.preferred_because, "en")}</p>` : ""}`,
      ],
    })),
  });
}

function tradeSection(trade, figures, entities) {
  const series = trade?.series || [];
  const chart = lineChart({
    title: t("country.trade"), unit: t("country.trade.unit"),
    series: [
      { label: t("country.imports"), points: series.map((r) => ({ x: r.year, y: r.japan_imports ?? null })) },
      { label: t("country.exports"), points: series.map((r) => ({ x: r.year, y: r.japan_exports ?? null })) },
    ],
  });
  return html`${chart || none()}${chart ? citeList(trade.citations) : ""}${figures.length ? figureTable(figures, entities) : ""}`;
}

function visitsSection(visits, entities) {
  if (!visits.length) return none();
  const counts = new Map();
  for (const ev of visits) counts.set(decade(ev.date), (counts.get(decade(ev.date)) || 0) + 1);
  const decades = [...counts.keys()].sort((a, b) => a - b);
  const bars = [];
  for (let d = decades[0]; d <= decades.at(-1); d += 10) bars.push({ label: t("decade", { decade: d }), value: counts.get(d) || 0 });
  return html`${visits.length >= 5 ? columns({ title: t("country.visits.chart"), bars }) : ""}${eventList(visits, entities, { participants: false })}`;
}

export async function show(view, ctx) {
  const query = ctx.params.query;
  const found = await get(`/api/v1/entities/${encodeURIComponent(query)}`);
  if (!found.ok) {
    if (isJapan(query)) {
      // Japan is the subject of every relation, not an entity: its own page is /japan.
      ctx.navigate("/japan", { replace: true });
      return { title: t("japan") };
    }
    throw new ApiError(found.status, found.body);
  }
  const e = found.body;
  const id = e.id;
  const [entities, history, figures, missions, timeline, disputes] = await Promise.all([
    loadEntities(), statusHistory(), json(`/api/v1/figures?country=${id}`), all(`/api/v1/missions?country=${id}`),
    all(`/api/v1/timeline?country=${id}`), json(`/api/v1/disputes?country=${id}`)]);
  const aid = figures.figures.filter((f) => f.theme === "aid" && !isReparations(f));
  const reparations = figures.figures.filter(isReparations);
  const tradeFigures = figures.figures.filter((f) => f.theme === "trade" || f.theme === "investment");
  const otherFigures = figures.figures.filter((f) => !aid.includes(f) && !reparations.includes(f) && !tradeFigures.includes(f));
  const visits = timeline.filter((ev) => ev.themes?.some((theme) => VISIT.has(theme)));
  const treaties = timeline.filter((ev) => !visits.includes(ev) && ev.themes?.some((theme) => TREATY.has(theme)));
  const aidEvents = timeline.filter((ev) => !visits.includes(ev) && !treaties.includes(ev) && ev.themes?.includes("aid"));
  const others = timeline.filter((ev) => !visits.includes(ev) && !treaties.includes(ev) && !aidEvents.includes(ev));
  const shared = atopPartners(timeline);
  const intervals = history.entities[id];
  const hasTerritory = Boolean(e.chain?.length || e.spells?.length);
  const trade = figures.trade?.series?.length;
  const parts = [
    ["history", t("country.history"), e.events.length],
    hasTerritory && ["territory", t("country.territory")],
    (aid.length || aidEvents.length) && ["aid", t("country.aid"), aid.length + aidEvents.length],
    reparations.length && ["reparations", t("country.reparations"), reparations.length],
    (trade || tradeFigures.length) && ["trade", t("country.trade")],
    visits.length && ["visits", t("country.visits"), visits.length],
    treaties.length && ["treaties", t("country.treaties"), treaties.length],
    others.length && ["events", t("country.events"), others.length],
    ["missions", t("country.missions"), missions.length],
    disputes.length && ["disputes", t("country.disputes"), disputes.length],
    otherFigures.length && ["figures", t("country.figures"), otherFigures.length],
  ];
  const statements = e.statements.map((s) => html`<li>${t("figures.asof", { date: s.as_of })}: ${inLang(s.statement, "en")}${citeList(s.citations)}</li>`);
  const cow = e.diplomatic_exchange.filter((x) => x.exchange).map((x) => x.year).join(", ");
  const missionRows = missions.map((m) => html`<li>${entityName(entities, m.operator)} → ${entityName(entities, m.host)}:
    ${t(`mission.${m.type}`)}${m.city ? html`, ${inLang(m.city, "en")}` : ""}
    <span class="muted">(${t("figures.asof", { date: m.as_of })}${m.citations?.[0]?.url ? html`, <a href="${m.citations[0].url}" rel="noreferrer" target="_blank">Wikidata</a>` : ""})</span></li>`);
  render(view, html`
    ${header(e, entities)}
    ${toc(parts)}
    ${section("history", t("country.history"), html`${relationEvents(e)}
      ${statements.length ? html`<h3>${t("country.statements")}</h3><ul>${statements}</ul>` : ""}
      ${cow ? html`<p class="muted">${t("country.cow")}: ${cow} (${inLang("Correlates of War, Diplomatic Exchange v2006.1", "en")})</p>` : ""}`)}
    ${hasTerritory ? section("territory", t("country.territory"), html`
      <p class="muted">${t("territory.intro")}</p>
      ${strip(entities, id, intervals)}${spanList(entities, id, intervals)}
      ${e.chain?.length ? html`<h3>${t("territory.chain")}</h3>${chain(entities, e.chain)}` : ""}
      ${e.spells?.length ? lazyFold(t("territory.spells.fold", { count: e.spells.length }), () => spellTable(entities, e.spells)) : ""}`) : ""}
    ${aid.length || aidEvents.length ? section("aid", t("country.aid"), html`${figureBars(aid, t("country.aid"))}${aid.length ? figureTable(aid, entities) : ""}${eventList(aidEvents, entities, { participants: false })}`) : ""}
    ${reparations.length ? section("reparations", t("country.reparations"), html`${figureBars(reparations, t("country.reparations"))}${figureTable(reparations, entities)}`) : ""}
    ${trade || tradeFigures.length ? section("trade", t("country.trade"), tradeSection(figures.trade, tradeFigures, entities)) : ""}
    ${visits.length ? section("visits", t("country.visits"), visitsSection(visits, entities)) : ""}
    ${treaties.length ? section("treaties", t("country.treaties"), eventList(treaties, entities, { shared, participants: false, fold: new Set(["atop"]) })) : ""}
    ${others.length ? section("events", t("country.events"), eventList(others, entities, { participants: false })) : ""}
    ${section("missions", t("country.missions"), missionRows.length ? html`<ul>${missionRows}</ul>` : none())}
    ${disputes.length ? section("disputes", t("country.disputes"), html`<ul>${disputes.map((d) =>
      html`<li><a href="${href(`/disputes#${d.id}`)}">${local(d, "title")}</a></li>`)}</ul>`) : ""}
    ${otherFigures.length ? section("figures", t("country.figures"), figureTable(otherFigures, entities)) : ""}`);
  view.querySelector("#cite").addEventListener("click", async () => {
    const text = `gaiko, "${e.name_en}: Japan's relations" (as of ${e.as_of}), ${location.origin}/country/${id}`;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // The clipboard may be unavailable (an insecure origin, a denied permission): the text is shown anyway.
    }
    view.querySelector("#cite-done").textContent = `${t("country.copied")}: ${text}`;
  });
  return { title: t("country.title", { name: plain(e) }) };
}
