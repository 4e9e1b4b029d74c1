// Small charts in SVG: lines that break where a year is missing, and bars. Every chart has a
// text alternative and its numbers in a table beside it.
import { html, trusted } from "/static/lib/html.js";
import { number, t } from "/static/lib/i18n.js";
import { folded, table } from "/static/lib/ui.js";

const W = 640;
const H = 220;
const LEFT = 64;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 26;

export function compact(value) {
  return number(value, { notation: "compact", maximumFractionDigits: 1 });
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value);
  return step * power;
}

function yearTicks(first, last) {
  const span = last - first;
  const step = [1, 2, 5, 10, 20, 25, 50].find((s) => span / s <= 8) || 100;
  const ticks = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) ticks.push(year);
  return ticks;
}

// Runs of consecutive years: a missing year (or a missing value) ends a run, so no line crosses it.
export function runs(points) {
  const out = [];
  let run = [];
  for (const point of points) {
    const previous = run.at(-1);
    if (point.y == null) {
      if (run.length) out.push(run);
      run = [];
      continue;
    }
    if (previous && point.x - previous.x > 1) {
      out.push(run);
      run = [];
    }
    run.push(point);
  }
  if (run.length) out.push(run);
  return out;
}

// Missing years between the first and the last point, as "1914–1918, 1946–1951".
export function gaps(points) {
  const years = points.filter((p) => p.y != null).map((p) => p.x);
  const ranges = [];
  for (let i = 1; i < years.length; i += 1) {
    if (years[i] - years[i - 1] > 1) {
      const from = years[i - 1] + 1;
      const to = years[i] - 1;
      ranges.push(from === to ? String(from) : `${from}–${to}`);
    }
  }
  return ranges;
}

// series: [{ label, points: [{ x: year, y: value | null }] }]; one y axis in `unit`.
export function lineChart({ title, unit, series, id = "" }) {
  const all = series.flatMap((s) => s.points.filter((p) => p.y != null));
  if (all.length < 2) return "";
  const first = Math.min(...all.map((p) => p.x));
  const last = Math.max(...all.map((p) => p.x));
  const top = niceMax(Math.max(...all.map((p) => p.y)));
  const x = (year) => LEFT + ((year - first) / Math.max(last - first, 1)) * (W - LEFT - RIGHT);
  const y = (value) => H - BOTTOM - (value / top) * (H - TOP - BOTTOM);
  const lines = series.map((s, i) => {
    const parts = runs(s.points).map((run) => {
      if (run.length === 1) {
        return html`<circle class="series-${i}" cx="${x(run[0].x).toFixed(1)}" cy="${y(run[0].y).toFixed(1)}" r="2.5"></circle>`;
      }
      const d = run.map((p, j) => `${j ? "L" : "M"}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join("");
      return html`<path class="line series-${i}" d="${trusted(d)}"></path>`;
    });
    return parts;
  });
  const yTicks = [0, top / 2, top];
  const missing = [...new Set(series.flatMap((s) => gaps(s.points)))];
  const summary = t("chart.summary", { title, first, last, unit }) +
    (missing.length ? ` ${t("chart.gaps", { years: missing.join(", ") })}` : "");
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const rows = years.map((year) => ({
    cells: [String(year), ...series.map((s) => {
      const point = s.points.find((p) => p.x === year);
      return point?.y != null ? number(point.y) : "—";
    })],
  }));
  return html`<figure class="chart-figure"${id ? html` id="${id}"` : ""}>
    <svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${summary}">
      ${yTicks.map((v) => html`<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"></line>
        <text x="${LEFT - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${compact(v)}</text>`)}
      ${yearTicks(first, last).map((year) => html`<text x="${x(year).toFixed(1)}" y="${H - 6}" text-anchor="middle">${year}</text>`)}
      <line class="axis" x1="${LEFT}" x2="${W - RIGHT}" y1="${H - BOTTOM}" y2="${H - BOTTOM}"></line>
      ${lines}
    </svg>
    <figcaption>
      ${series.length > 1 ? html`<ul class="chart-key">${series.map((s, i) => html`<li><span class="key series-${i}"></span>${s.label}</li>`)}</ul>` : ""}
      <span class="muted">${unit}${missing.length ? html`; ${t("chart.gaps", { years: missing.join(", ") })}` : ""}</span>
    </figcaption>
    ${folded(t("chart.data"), table({ columns: [{ label: t("chart.year"), className: "date" }, ...series.map((s) => ({ label: s.label, className: "num" }))], rows }))}
  </figure>`;
}

// bars: [{ label (markup or text), value }]: a horizontal bar each, the label always in full above it.
export function barList({ title, unit, bars }) {
  if (bars.length < 2) return "";
  const top = Math.max(...bars.map((b) => Math.abs(b.value)), 1);
  return html`<figure class="chart-figure"><figcaption class="muted">${title} (${unit})</figcaption>
    <ul class="bars">${bars.map((b) => html`<li><span class="bar-label">${b.label}</span>
      <span class="bar-row"><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect height="10" width="${(Math.abs(b.value) / top * 100).toFixed(2)}"></rect></svg>
      <span class="bar-value">${number(b.value)}</span></span></li>`)}</ul></figure>`;
}

// Counts by decade as columns: [{ label: "1950s", value }].
export function columns({ title, bars }) {
  if (!bars.length) return "";
  const top = niceMax(Math.max(...bars.map((b) => b.value), 1));
  const width = (W - LEFT - RIGHT) / bars.length;
  const y = (value) => H - BOTTOM - (value / top) * (H - TOP - BOTTOM);
  const summary = `${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(", ")}`;
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${summary}">
    ${[0, top / 2, top].map((v) => html`<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"></line>
      <text x="${LEFT - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${number(v)}</text>`)}
    ${bars.map((b, i) => html`<rect class="bar" x="${(LEFT + i * width + 2).toFixed(1)}" y="${y(b.value).toFixed(1)}"
      width="${Math.max(width - 4, 1).toFixed(1)}" height="${(H - BOTTOM - y(b.value)).toFixed(1)}"><title>${b.label}: ${b.value}</title></rect>
      ${bars.length <= 16 || i % 2 === 0 ? html`<text x="${(LEFT + (i + 0.5) * width).toFixed(1)}" y="${H - 6}" text-anchor="middle">${b.label}</text>` : ""}`)}
  </svg>`;
}
