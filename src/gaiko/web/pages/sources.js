// The bibliography: the datasets and pages that records cite, and further reading with BibTeX
// and CSL-JSON for each work.
import { html, render } from "/static/lib/html.js";
import { all, json } from "/static/lib/api.js";
import { guessLang, inLang, t } from "/static/lib/i18n.js";
import { loadEntities } from "/static/lib/entities.js";
import { host } from "/static/lib/ui.js";

// Datasets as their citations name them (source id, title, publisher, URL, date read). The API has
// no list of sources yet, so they are gathered from the answers that cite each one.
function datasets(documents) {
  const found = new Map();
  const visit = (value) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      if (typeof value.source === "string" && (value.title || value.publisher)) {
        const known = found.get(value.source);
        if (!known || (!known.url && value.url)) found.set(value.source, value);
      }
      Object.values(value).forEach(visit);
    }
  };
  documents.forEach(visit);
  return [...found.values()].sort((a, b) => (a.publisher || "").localeCompare(b.publisher || "") || a.source.localeCompare(b.source));
}

function authors(work) {
  return (work.authors || []).map((a) => [a.family, a.given].filter(Boolean).join(", ")).join("; ");
}

export async function show(view) {
  const [meta, works, entities, figures, trade, points, timeline, missions] = await Promise.all([
    json("/api/v1/meta"), all("/api/v1/works"), loadEntities(), json("/api/v1/figures"), json("/api/v1/figures?country=USA"),
    json("/api/v1/map-points"), all("/api/v1/timeline"), json("/api/v1/missions?limit=1")]);
  const list = datasets([entities.list, figures, trade, points, timeline, missions]);
  render(view, html`<h1 tabindex="-1">${t("sources.title")}</h1>
    <p class="lead">${t("sources.intro")}</p>
    <p class="muted">${t("sources.build", { fingerprint: meta.data_fingerprint, date: meta.built_at })}</p>
    <section class="card" id="datasets" aria-labelledby="datasets-h"><h2 id="datasets-h">${t("sources.datasets")}</h2>
      <ul class="datasets">${list.map((d) => html`<li id="source-${d.source}">
        <strong>${d.url ? html`<a href="${d.url}" rel="noreferrer" target="_blank">${inLang(d.title || d.source, guessLang(d.title))}</a>` : inLang(d.title || d.source, guessLang(d.title))}</strong>
        ${d.publisher ? html`— ${inLang(d.publisher, guessLang(d.publisher))}` : ""}
        ${d.url ? html`<span class="host">${host(d.url)}</span>` : ""}
        <br><span class="muted"><code>${d.source}</code>${d.accessed ? html` · ${t("cite.accessed")} ${d.accessed}` : ""}</span></li>`)}</ul></section>
    <section class="card" id="works" aria-labelledby="works-h"><h2 id="works-h">${t("sources.works")}</h2>
      <p class="muted">${t("sources.works.intro")}</p>
      <ol class="works">${works.map((w) => html`<li id="${w.id}">
        <span lang="${guessLang(w.raw) || "en"}">${authors(w) ? html`${authors(w)}. ` : ""}<cite>${w.title}</cite>${w.container_title ? html`, ${w.container_title}` : ""}${w.publisher ? html` (${w.publisher}${w.year ? html`, ${w.year}` : ""})` : w.year ? html` (${w.year})` : ""}.</span>
        ${w.doi ? html` <a href="https://doi.org/${w.doi}" rel="noreferrer" target="_blank">doi:${w.doi}</a>` : ""}
        ${w.url ? html` <a href="${w.url}" rel="noreferrer" target="_blank">${host(w.url)}</a>` : ""}
        <span class="downloads"><a href="/api/v1/works/${w.id}?format=bibtex" download="${w.id}.bib" data-format="bibtex">BibTeX</a>
        <a href="/api/v1/works/${w.id}?format=csl-json" download="${w.id}.json" data-format="csl-json">CSL-JSON</a></span></li>`)}</ol></section>`);
  return { title: t("sources.title") };
}
