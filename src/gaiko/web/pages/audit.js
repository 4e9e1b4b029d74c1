// The audit: where the sources disagree and what is still undated, each finding linked to its record.
import { html, render } from "/static/lib/html.js";
import { get } from "/static/lib/api.js";
import { href, inLang, local, t } from "/static/lib/i18n.js";
import { loadEntities } from "/static/lib/entities.js";
import { table } from "/static/lib/ui.js";

// A finding kind's label; a kind added to the audit after these strings reads as its own name.
function label(kind) {
  const text = t(`audit.${kind}`);
  return text === `audit.${kind}` ? kind.replaceAll("_", " ") : text;
}

export async function show(view, ctx) {
  const kind = ctx.query.get("kind") || "";
  const [report, entities] = await Promise.all([
    get(`/api/v1/audit${kind ? `?kind=${encodeURIComponent(kind)}` : ""}`), loadEntities()]);
  if (!report.ok) {
    render(view, html`<h1 tabindex="-1">${t("audit.title")}</h1><p class="card notfound">${report.body?.detail || t("error")}</p>`);
    return { title: t("audit.title") };
  }
  const s = report.body.summary;
  const dated = s.dated_start_of_relations;
  const resting = s.start_dates_resting_on;
  render(view, html`<h1 tabindex="-1">${t("audit.title")}</h1><p class="lead">${t("audit.intro")}</p>
    <section class="card" id="audit-summary" aria-labelledby="audit-summary-h"><h2 id="audit-summary-h">${t("figures.asof", { date: report.body.as_of })}</h2>
      <p>${t("audit.with")}: <strong data-count="with">${s.entities_with_relations}</strong> ·
        ${t("audit.dated")}: <strong data-count="dated">${s.dated_total}</strong>
        (${t("audit.day")} <strong data-count="day">${dated.day || 0}</strong>, ${t("audit.month")} ${dated.month || 0},
        ${t("audit.year")} ${dated.year || 0})</p>
      <p>${t("audit.resting")}: MOFA ${resting.mofa || 0} · ${t("audit.jgov")} ${resting.japanese_government || 0}
        · ${t("audit.other")} ${resting.other || 0}</p>
      <ul class="kinds">${Object.entries(s.findings).map(([k, n]) => html`<li><a href="${href(`/audit?kind=${k}`)}"${k === kind ? html` aria-current="true"` : ""}>${label(k)}</a>: <strong data-kind="${k}">${n}</strong></li>`)}</ul>
      ${kind ? html`<p><a href="${href("/audit")}">${t("audit.all")}</a></p>` : ""}</section>
    ${table({
      className: "findings",
      columns: [{ label: t("audit.entity") }, { label: t("audit.kind") }, { label: t("audit.detail") }],
      rows: report.body.findings.map((f) => ({
        cells: [
          html`<a href="${href(`/country/${f.entity}${f.event ? `#${f.event}` : ""}`)}">${entities.byId.has(f.entity) ? local(entities.byId.get(f.entity)) : f.name_en}</a> <span class="muted">${f.entity}</span>`,
          label(f.kind),
          inLang(f.detail, "en"),
        ],
      })),
    })}`);
  return { title: kind ? `${t("audit.title")}: ${label(kind)}` : t("audit.title") };
}
