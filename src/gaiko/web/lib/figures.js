// Figures (aid, reparations, trade, budget shares ...) as the source gives them: value and unit,
// what is counted, the period, donor and recipients, and the source.
import { html } from "/static/lib/html.js";
import { inLang, local, number, t, term } from "/static/lib/i18n.js";
import { entityName } from "/static/lib/entities.js";
import { citeList, table } from "/static/lib/ui.js";
import { barList } from "/static/lib/charts.js";

export const REPARATIONS = /^(reparations|quasi-reparations|claims)-/;

export function isReparations(figure) {
  return REPARATIONS.test(figure.series || "");
}

// A value with its unit: "1,900,000,000 USD", "8.033%", "No. 3" / "3位", "184".
export function withUnit(value, unit) {
  if (unit === "percent") return `${value}%`;
  if (unit === "rank") return t("figures.rank", { value });
  if (unit === "count") return value;
  return `${value} ${unit}`;
}

// "1,900,000,000 USD (about)", "70–80%", with equivalents in other units.
export function amount(figure) {
  const value = figure.value != null ? number(figure.value) : `${number(figure.value_low)}–${number(figure.value_high)}`;
  const about = figure.approximate ? ` (${t("figures.about")})` : "";
  const also = (figure.equivalents || []).map((q) => `≈ ${withUnit(number(q.value), q.unit)}${q.approximate ? ` (${t("figures.about")})` : ""}`);
  return html`${withUnit(value, figure.unit)}${about}${also.length ? html`<br><span class="muted">${also.join("; ")}</span>` : ""}`;
}

export function parties(figure, entities) {
  const to = figure.recipient_group
    ? inLang(figure.recipient_group, "en")
    : (figure.recipients || []).map((id) => entityName(entities, id)).join(", ");
  return html`${figure.donor ? entityName(entities, figure.donor) : "—"} → ${to || "—"}`;
}

export function figureTable(figures, entities, caption = "") {
  return table({
    caption,
    className: "figures",
    columns: [
      { label: t("figures.what") }, { label: t("figures.value"), className: "num" },
      { label: t("figures.period") }, { label: t("figures.who") }, { label: t("figures.sources") },
    ],
    rows: figures.map((f) => ({
      id: f.id,
      cells: [
        html`<strong>${local(f, "label")}</strong> <span class="tag">${term("theme", f.theme)}</span><br><span class="muted">${inLang(f.basis, "en")}</span>${f.note ? html`<br><span class="muted">${inLang(f.note, "en")}</span>` : ""}`,
        amount(f),
        html`${f.period ? inLang(f.period, "en") : ""}${f.as_of ? html`<br><span class="muted">${t("figures.asof", { date: f.as_of })}</span>` : ""}`,
        parties(f, entities),
        citeList(f.citations),
      ],
    })),
  });
}

// A series' points by year, for a chart: a figure for a span of whole years (a scale for
// 2010-2012) stands for each of them; years no figure covers stay missing.
export function seriesPoints(figures) {
  const points = new Map();
  for (const f of figures) {
    if (f.value == null) continue;
    const first = Number(String(f.period_start || f.period || f.as_of || "").slice(0, 4));
    const end = String(f.period_end || "");
    const last = end.length === 4 ? Number(end) : first;
    if (!first) continue;
    for (let year = first; year <= Math.min(last, first + 10); year += 1) points.set(year, f.value);
  }
  const years = [...points.keys()].sort((a, b) => a - b);
  return years.map((year) => ({ x: year, y: points.get(year) }));
}

// Figures in the same unit side by side as bars (a country's loans, grants and technical
// cooperation; its reparations), one list per unit with two figures or more.
export function figureBars(figures, title) {
  const byUnit = new Map();
  for (const f of figures.filter((x) => x.value != null && x.unit !== "rank")) {
    if (!byUnit.has(f.unit)) byUnit.set(f.unit, []);
    byUnit.get(f.unit).push(f);
  }
  return [...byUnit].map(([unit, list]) => barList({
    title, unit: t(`unit.${unit}`), bars: list.map((f) => ({ label: local(f, "label"), value: f.value })),
  }));
}
