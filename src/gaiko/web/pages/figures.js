// Every figure of the seed and the curated series: filters kept in the URL, each series drawn as a
// small chart (missing years left as gaps), and the filtered rows as CSV or JSON made here.
import { html, render } from "/static/lib/html.js";
import { json } from "/static/lib/api.js";
import { plain, t, term } from "/static/lib/i18n.js";
import { entityName, loadEntities } from "/static/lib/entities.js";
import { csv, download, lazyFold, reveal } from "/static/lib/ui.js";
import { figureTable, seriesPoints } from "/static/lib/figures.js";
import { lineChart } from "/static/lib/charts.js";

const COLUMNS = ["id", "label_en", "label_ja", "series", "theme", "value", "value_low", "value_high", "approximate", "unit",
  "basis", "period", "period_start", "period_end", "as_of", "donor", "recipients", "recipient_group", "note", "sources"];
const MIN_POINTS = 4;

function options(values, current) {
  return html`<option value="">${t("timeline.any")}</option>${values.map(([value, label]) =>
    html`<option value="${value}"${value === current ? html` selected` : ""}>${label}</option>`)}`;
}

function toCsv(figures) {
  return csv([COLUMNS, ...figures.map((f) => COLUMNS.map((key) =>
    key === "sources" ? (f.citations || []).map((c) => c.url || c.source || "").filter(Boolean) : f[key]))]);
}

function seriesLabel(figures) {
  // "Japan's ODA, net disbursements, 1994" → "Japan's ODA, net disbursements": the label without its period.
  const label = plain(figures[0], "label");
  return label.replace(/[,\s]*(\d{4}[年度]*|\d{4}-\d{4}[年度]*)$/, "");
}

// Series with enough years to draw, each as a small chart; their rows are drawn when opened.
function chartedSeries(figures) {
  const bySeries = new Map();
  for (const f of figures.filter((x) => x.series)) {
    if (!bySeries.has(f.series)) bySeries.set(f.series, []);
    bySeries.get(f.series).push(f);
  }
  return new Map([...bySeries].filter(([, list]) => seriesPoints(list).length >= MIN_POINTS));
}

function seriesCard(series, list, entities) {
  const points = seriesPoints(list);
  const filled = [];
  for (let year = points[0].x; year <= points.at(-1).x; year += 1) {
    filled.push({ x: year, y: points.find((p) => p.x === year)?.y ?? null });
  }
  const title = seriesLabel(list);
  return html`<div class="card" data-series="${series}"><h3>${title}</h3>
    ${lineChart({ title, unit: t(`unit.${list[0].unit}`), series: [{ label: title, points: filled }], id: `chart-${series}` })}
    ${lazyFold(t("figures.rows", { count: list.length }), () => figureTable(list, entities), list.map((f) => f.id))}</div>`;
}

export async function show(view, ctx) {
  const q = ctx.query;
  const [answer, entities] = await Promise.all([json("/api/v1/figures"), loadEntities()]);
  const every = answer.figures;
  const filters = { theme: q.get("theme") || "", series: q.get("series") || "", country: q.get("country") || "", unit: q.get("unit") || "" };
  const figures = every.filter((f) => (!filters.theme || f.theme === filters.theme)
    && (!filters.series || f.series === filters.series)
    && (!filters.country || (f.recipients || []).includes(filters.country) || f.donor === filters.country)
    && (!filters.unit || f.unit === filters.unit));
  const unique = (key) => [...new Set(every.map((f) => f[key]).filter(Boolean))].sort();
  const recipients = [...new Set(every.flatMap((f) => f.recipients || []))]
    .map((id) => [id, entityName(entities, id)]).sort((a, b) => a[1].localeCompare(b[1]));
  const charted = chartedSeries(figures);
  const rest = figures.filter((f) => !charted.has(f.series));
  const stamp = Object.values(filters).filter(Boolean).join("-") || "all";
  render(view, html`<h1 tabindex="-1">${t("figures.title")}</h1><p class="lead">${t("figures.intro")}</p>
    <form class="filters card" id="filters">
      <label>${t("figures.theme")}<select name="theme">${options(unique("theme").map((v) => [v, term("theme", v)]), filters.theme)}</select></label>
      <label>${t("figures.series")}<select name="series">${options(unique("series").map((v) => [v, v]), filters.series)}</select></label>
      <label>${t("figures.country")}<select name="country">${options(recipients, filters.country)}</select></label>
      <label>${t("figures.unit")}<select name="unit">${options(unique("unit").map((v) => [v, t(`unit.${v}`)]), filters.unit)}</select></label>
      <button type="submit">${t("timeline.apply")}</button>
    </form>
    <p>${t("figures.count", { count: figures.length, total: every.length })}</p>
    <p class="downloads">${download(`gaiko-figures-${stamp}.csv`, "text/csv", toCsv(figures), t("figures.csv"))}
      ${download(`gaiko-figures-${stamp}.json`, "application/json", JSON.stringify(figures, null, 2), t("figures.json"))}</p>
    ${charted.size ? html`<section aria-labelledby="charts-h"><h2 id="charts-h">${t("figures.charts")}</h2>
      <div class="charts">${[...charted].map(([series, list]) => seriesCard(series, list, entities))}</div></section>` : ""}
    ${rest.length ? html`<section aria-labelledby="table-h"><h2 id="table-h">${t(charted.size ? "figures.others" : "figures.table")}</h2>${figureTable(rest, entities)}</section>` : ""}`);
  // A link to one figure of a series (/figures#oda-net-usd-2004, as search gives) opens its rows.
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted) reveal(view, wanted);
  view.querySelector("#filters").addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.target)) if (value) next.set(key, String(value));
    ctx.navigate(`/figures${next.size ? `?${next}` : ""}`);
  });
  return { title: t("figures.title") };
}
