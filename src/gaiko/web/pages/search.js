// Search across entities, events, disputes, figures and works, in English or Japanese.
import { html, render } from "/static/lib/html.js";
import { get } from "/static/lib/api.js";
import { guessLang, href, inLang, local, t } from "/static/lib/i18n.js";

// Where a hit is shown in the explorer (narratives are on the page for Japan, not the timeline).
function page(hit) {
  return hit.type === "narrative" ? `/japan#${hit.id}` : hit.page;
}

export async function show(view, ctx) {
  const q = (ctx.query.get("q") || "").trim();
  document.getElementById("q").value = q;
  const answer = q ? await get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`) : null;
  const hits = answer?.ok ? answer.body.hits : [];
  const total = answer?.ok ? answer.body.total : 0;
  render(view, html`<h1 tabindex="-1">${t("search.title")}</h1>
    ${q ? html`<p>${t(total === 1 ? "search.results.one" : "search.results", { query: q, count: total })}</p>` : html`<p>${t("search.empty")}</p>`}
    ${answer && !answer.ok ? html`<p class="card notfound">${answer.body?.detail || t("error")}</p>` : ""}
    ${hits.length ? html`<ol class="hits">${hits.map((h) => html`<li data-type="${h.type}">
      <a href="${href(page(h))}">${local(h, "title")}</a> <span class="tag">${t(`search.type.${h.type}`)}</span>
      ${h.excerpt ? html`<br><span class="muted">${inLang(h.excerpt, guessLang(h.excerpt))}</span>` : ""}</li>`)}</ol>`
      : q ? html`<p>${t("search.none")}</p>` : ""}`);
  return { title: q ? t("search.title.query", { query: q }) : t("search.title") };
}
