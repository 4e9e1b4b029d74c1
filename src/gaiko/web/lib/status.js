// Japan's status with each territory on a date, read locally from /api/v1/status-history: every
// entity's intervals [start, end (exclusive, null = open), status, since, condition, holder].
import { entityName } from "/static/lib/entities.js";
import { html } from "/static/lib/html.js";
import { since, t } from "/static/lib/i18n.js";

export const FIRST_YEAR = 1854;
export const HELD = new Set(["part_of", "dependency", "occupied"]);

export function today() {
  return new Date().toISOString().slice(0, 10);
}

// The last day of a year, or today for this year.
export function asOfFor(year) {
  const end = `${year}-12-31`;
  return end < today() ? end : today();
}

export function intervalAt(intervals, date) {
  for (const [start, end, status, from, condition, holder] of intervals || []) {
    if (start <= date && (end === null || date < end)) return { start, end, status, since: from, condition, holder };
  }
  return { start: null, end: null, status: "unknown", since: null, condition: null, holder: null };
}

export function isHeld(row) {
  return HELD.has(row.condition) && Boolean(row.holder);
}

// "part of Soviet Union", "occupied by United States", "not yet a state" ... or "" when sovereign.
export function conditionText(entities, row) {
  if (isHeld(row)) return t(`condition.${row.condition}`, { holder: entityName(entities, row.holder) });
  if (row.condition && row.condition !== "sovereign") return t(`condition.${row.condition}`);
  return "";
}

// "part of Soviet Union — Diplomatic relations since 1956-12-12": where the territory stood and
// Japan's status with the state that held it.
export function describe(entities, row) {
  const where = conditionText(entities, row);
  if (row.status === "japan" && where) return where;
  if (row.status === "no_state" && where) return where;
  const status = since(row.status, row.since);
  return where ? t("status.held", { where, status }) : status;
}

// A colour sample for a status; hatched when the territory was held by another state.
export function swatch(status, held = false) {
  return html`<svg class="swatch" viewBox="0 0 14 14" aria-hidden="true" focusable="false"><rect width="14" height="14" class="status-${status}${held ? " held" : ""}"></rect></svg>`;
}
