// Where a territory stood over time: one strip from 1854 to today coloured by Japan's status with
// the state that held it, the spans by holder beneath it, the chain of succession, and the cited
// territory spells.
import { html } from "/static/lib/html.js";
import { inLang, local, t } from "/static/lib/i18n.js";
import { entityLink, entityName } from "/static/lib/entities.js";
import { conditionText, describe, FIRST_YEAR, isHeld, swatch, today } from "/static/lib/status.js";
import { citeList, dates, table } from "/static/lib/ui.js";

function fraction(date) {
  const [y, m = 1, d = 1] = String(date).split("-").map(Number);
  return y + ((m - 1) * 30.44 + (d - 1)) / 365.25;
}

function clipped(intervals) {
  const start = `${FIRST_YEAR}-01-01`;
  const end = today();
  return (intervals || [])
    .filter(([from, to]) => (to === null || to > start) && from < end)
    .map(([from, to, status, since, condition, holder]) => ({
      start: from < start ? start : from, end: to === null || to > end ? end : to, status, since, condition, holder,
    }));
}

// Consecutive intervals under the same holder and condition, as one span.
export function spans(intervals) {
  const out = [];
  for (const row of clipped(intervals)) {
    const last = out.at(-1);
    if (last && last.condition === row.condition && last.holder === row.holder) last.end = row.end;
    else out.push({ ...row });
  }
  return out;
}

export function strip(entities, id, intervals) {
  const rows = clipped(intervals);
  if (!rows.length) return "";
  const first = fraction(rows[0].start);
  const last = fraction(rows.at(-1).end);
  const x = (date) => ((fraction(date) - first) / Math.max(last - first, 1)) * 1000;
  const name = entityName(entities, id);
  return html`<svg class="strip" viewBox="0 0 1000 20" preserveAspectRatio="none" role="img"
      aria-label="${t("territory.strip", { name, from: rows[0].start.slice(0, 4), to: rows.at(-1).end.slice(0, 4) })}">
    ${rows.map((row) => html`<rect x="${x(row.start).toFixed(2)}" width="${Math.max(x(row.end) - x(row.start), 0.5).toFixed(2)}" height="20"
      class="status-${row.status}${isHeld(row) ? " held" : ""}"><title>${dates(row.start, row.end)}: ${describe(entities, row)}</title></rect>`)}
  </svg>
  <div class="strip-axis" aria-hidden="true"><span>${rows[0].start.slice(0, 4)}</span><span>${rows.at(-1).end.slice(0, 4)}</span></div>`;
}

export function spanList(entities, id, intervals) {
  return html`<ol class="spans">${spans(intervals).map((span) => {
    const where = conditionText(entities, span) || t("territory.own", { name: entityName(entities, id) });
    return html`<li>${swatch(span.status, isHeld(span))}<span><span class="when">${dates(span.start, span.end === today() ? "" : span.end)}</span>${where}</span></li>`;
  })}</ol>`;
}

// Russian Empire → Soviet Russia → Soviet Union → Russia, each step dated; or the links one by one.
export function chain(entities, links) {
  if (!links?.length) return "";
  const sorted = [...links].sort((a, b) => a.date.localeCompare(b.date));
  const isPath = sorted.every((link, i) => i === 0 || sorted[i - 1].successor.id === link.predecessor.id);
  if (isPath) {
    return html`<ol class="chain" aria-label="${t("territory.chain")}">
      <li>${entityLink(entities, sorted[0].predecessor.id)}</li>
      ${sorted.map((link) => html`<li><span class="muted">${link.date}</span> ${entityLink(entities, link.successor.id)} <span class="muted">(${t(`chain.${link.kind}`)})</span></li>`)}
    </ol>`;
  }
  return html`<ul>${sorted.map((link) => html`<li><span class="when">${link.date}</span>${entityLink(entities, link.predecessor.id)} →
    ${entityLink(entities, link.successor.id)} <span class="muted">(${t(`chain.${link.kind}`)})</span></li>`)}</ul>`;
}

export function spellTable(entities, spells) {
  if (!spells?.length) return "";
  return table({
    caption: t("territory.spells"),
    className: "spells",
    columns: [
      { label: t("territory.period"), className: "date" }, { label: t("territory.condition") },
      { label: t("territory.name") }, { label: t("col.sources") },
    ],
    rows: spells.map((spell) => ({
      id: spell.id,
      cells: [
        dates(spell.start || "…", spell.end || ""),
        html`${(spell.holders || []).length
          ? (spell.holders || []).map((holder, i) => html`${i ? "; " : ""}${t(`condition.${spell.condition}`, { holder: entityName(entities, holder) })}`)
          : t(`condition.${spell.condition}`)}${spell.form ? html`<br><span class="muted">${inLang(spell.form, "en")}</span>` : ""}`,
        html`${local(spell)}${spell.note ? html`<br><span class="muted">${inLang(spell.note, "en")}</span>` : ""}`,
        html`${citeList(spell.citations)}${(spell.alternatives || []).map((other) => html`<p class="muted">${t("country.other")}:
          ${other.start || "…"}, ${t(`condition.${other.condition}`, { holder: (other.holders || []).map((h) => entityName(entities, h)).join(", ") })}</p>${citeList(other.citations)}`)}
          ${spell.preferred_because ? html`<p class="muted">${t("country.preferred")}: ${inLang(spell.preferred_because, "en")}</p>` : ""}`,
      ],
    })),
  });
}

