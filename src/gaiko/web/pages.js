// The explorer's pages other than the map. Each fact is shown with its source and date.
import { esc, getJSON, href, nameOf, state, t } from "/static/app.js";

const THEMES = ["embassy", "isolation", "treaty", "war", "occupation", "alliance", "security", "peacekeeping",
  "aid", "trade", "investment", "regionalism", "summit", "energy", "policy", "membership", "visit", "culture"];
const REGIONS = ["Africa", "Americas", "Asia", "Europe", "Oceania", "Global"];

function citeList(citations) {
  return `<ul class="sources">${(citations || []).map((c) => {
    const title = esc(c.publisher || c.title || c.source || c.work || "");
    const link = c.url ? `<a href="${esc(c.url)}" rel="noreferrer" target="_blank">${title || esc(c.url)}</a>` : title;
    const said = c.quote ? ` <q>${esc(c.quote)}</q>` : c.locator ? ` — ${esc(c.locator)}` : "";
    const read = c.accessed ? ` <span class="muted">(${esc(t("accessed"))} ${esc(c.accessed)})</span>` : "";
    return `<li>${link}${said}${read}</li>`;
  }).join("")}</ul>`;
}

function statusBadge(status) {
  return `<span class="badge status-${esc(status)}">${esc(t(`status.${status}`))}</span>`;
}

export function notFound(view, suggestions = null, query = "") {
  const list = (suggestions || []).map((s) =>
    `<li><a href="${href(`/country/${s.id}`)}">${esc(nameOf(s))}</a> <span class="muted">${esc(s.id)}</span></li>`).join("");
  view.innerHTML = `<section class="card notfound">
    <h1>${esc(suggestions ? t("notfound.title") : t("notfound.page"))}</h1>
    ${query ? `<p><code>${esc(query)}</code></p>` : ""}
    ${list ? `<p>${esc(t("notfound.suggest"))}</p><ul class="suggestions">${list}</ul>` : ""}
    <p><a href="${href("/")}">${esc(t("nav.map"))}</a> · <a href="${href(`/search?q=${encodeURIComponent(query)}`)}">${esc(t("search.title"))}</a></p>
  </section>`;
}

function tradeChart(series) {
  const rows = series.filter((r) => r.japan_imports != null || r.japan_exports != null);
  if (rows.length < 2) return `<p class="muted">${esc(t("country.none"))}</p>`;
  const w = 640, h = 200, pad = 36;
  const years = rows.map((r) => r.year);
  const max = Math.max(...rows.flatMap((r) => [r.japan_imports || 0, r.japan_exports || 0]), 1);
  const x = (y) => pad + ((y - years[0]) / Math.max(years.at(-1) - years[0], 1)) * (w - 2 * pad);
  const yv = (v) => h - pad / 2 - (v / max) * (h - pad);
  const line = (key) => rows.filter((r) => r[key] != null)
    .map((r, i) => `${i ? "L" : "M"}${x(r.year).toFixed(1)},${yv(r[key]).toFixed(1)}`).join("");
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(t("country.trade"))}">
    <path class="imports" d="${line("japan_imports")}"></path><path class="exports" d="${line("japan_exports")}"></path>
    <text x="${pad}" y="${h - 2}">${years[0]}</text><text x="${w - pad - 24}" y="${h - 2}">${years.at(-1)}</text>
    <text x="2" y="12">${Math.round(max).toLocaleString()}</text></svg>
    <p class="muted"><span class="swatch status-severed"></span>${esc(t("country.imports"))}
    <span class="swatch" style="background:var(--accent)"></span>${esc(t("country.exports"))} — ${esc(t("country.trade.unit"))}</p>`;
}

export async function country(view, query) {
  const found = await getJSON(`/api/v1/entities/${encodeURIComponent(query)}`);
  if (!found.ok) {
    notFound(view, found.body?.suggestions || [], query);
    return;
  }
  const e = found.body;
  const id = e.id;
  const [figures, missions, timeline, disputes] = await Promise.all([
    getJSON(`/api/v1/figures?country=${id}`), getJSON(`/api/v1/missions?country=${id}&limit=500`),
    getJSON(`/api/v1/timeline?country=${id}&limit=500`), getJSON(`/api/v1/disputes?country=${id}`)]);
  const basis = e;
  const codes = ["iso2", "iso3", "iso_numeric", "cow_code", "gw_code", "wikidata"].filter((k) => e[k] != null)
    .map((k) => `${k}: ${esc(e[k])}`).join(" · ");
  const events = e.events.map((ev) => `<tr id="${esc(ev.id)}">
      <td>${esc(ev.date)}</td><td data-type="${esc(ev.type)}">${esc(t(`event.${ev.type}`))}${ev.starts_relations ? " ✓" : ""}</td>
      <td>${esc(ev.instrument || "")}${ev.note ? `<br><span class="muted">${esc(ev.note)}</span>` : ""}</td>
      <td>${citeList(ev.citations)}${(ev.alternatives || []).map((a) =>
        `<p class="muted">${esc(t("country.other"))}: ${esc(a.date)}</p>${citeList(a.citations)}`).join("")}</td></tr>`).join("");
  const statements = e.statements.map((s) => `<li>${esc(t("asof"))} ${esc(s.as_of)}: ${esc(s.statement)}${citeList(s.citations)}</li>`).join("");
  const cow = e.diplomatic_exchange.filter((x) => x.exchange).map((x) => x.year).join(", ");
  const missionRows = missions.body.map((m) => `<li>${esc(m.operator)} → ${esc(m.host)}: ${esc(m.type)}${m.city ? `, ${esc(m.city)}` : ""}
      <span class="muted">(${esc(t("asof"))} ${esc(m.as_of)}, <a href="${esc(m.citations[0].url)}" rel="noreferrer">Wikidata</a>)</span></li>`).join("");
  const eventRows = timeline.body.map((ev) => `<li><span class="when">${esc(ev.date)}${ev.end_date ? `–${esc(ev.end_date)}` : ""}</span>
      ${esc(nameOf(ev))}${citeList(ev.citations.slice(0, 1))}</li>`).join("");
  const disputeRows = disputes.body.map((d) => `<li><a href="${href(`/disputes#${d.id}`)}">${esc(d.title_en)}</a></li>`).join("");
  const figureRows = figures.body.figures.map((f) => `<li>${esc(f.label_en)}${citeList(f.citations)}</li>`).join("");
  view.innerHTML = `
    <h1>${esc(nameOf(e))} <span class="muted">${esc(state.lang === "ja" ? e.name_en : e.name_ja || "")}</span></h1>
    <p>${esc(e.official_name_en || "")}</p>
    <section class="card">
      <h2>${esc(t("country.status"))}</h2>
      <p>${statusBadge(e.status)} ${basis.since ? `${esc(t("country.since"))} ${esc(basis.since)}` : ""}
        <span class="muted">(${esc(t("asof"))} ${esc(e.as_of)}${basis.basis ? `; ${esc(t("country.basis"))} ${esc(basis.basis)} <a href="#${esc(basis.basis_id)}">${esc(basis.basis_id)}</a>` : ""})</span></p>
      ${basis.note ? `<p class="muted">${esc(basis.note)}</p>` : ""}
      <p class="muted">${esc(t("country.codes"))}: ${codes || "—"} · ${esc(t("country.region"))}: ${esc(e.un_region || "")} / ${esc(e.un_subregion || "")}
        ${e.un_admission ? ` · ${esc(t("country.un"))}: ${esc(e.un_admission)}` : ""}</p>
      <button type="button" id="cite">${esc(t("country.cite"))}</button> <span id="cite-done" class="muted" role="status"></span>
    </section>
    <section class="card"><h2>${esc(t("country.history"))}</h2>
      ${events ? `<table class="events"><thead><tr><th>${esc(t("col.date"))}</th><th>${esc(t("col.event"))}</th>
        <th>${esc(t("col.instrument"))}</th><th>${esc(t("col.sources"))}</th></tr></thead><tbody>${events}</tbody></table>`
        : `<p class="muted">${esc(t("country.none"))}</p>`}
      ${statements ? `<h3>${esc(t("country.statements"))}</h3><ul>${statements}</ul>` : ""}
      ${cow ? `<p class="muted">${esc(t("country.cow"))}: ${esc(cow)} (Correlates of War, Diplomatic Exchange v2006.1)</p>` : ""}
    </section>
    <div class="cols">
      <section class="card"><h2>${esc(t("country.trade"))}</h2>${tradeChart(figures.body.trade?.series || [])}</section>
      <section class="card"><h2>${esc(t("country.missions"))}</h2>${missionRows ? `<ul>${missionRows}</ul>` : `<p class="muted">${esc(t("country.none"))}</p>`}</section>
    </div>
    <section class="card"><h2>${esc(t("country.events"))}</h2>${eventRows ? `<ol class="timeline">${eventRows}</ol>` : `<p class="muted">${esc(t("country.none"))}</p>`}</section>
    ${disputeRows ? `<section class="card"><h2>${esc(t("country.disputes"))}</h2><ul>${disputeRows}</ul></section>` : ""}
    ${figureRows ? `<section class="card"><h2>${esc(t("country.figures"))}</h2><ul>${figureRows}</ul></section>` : ""}`;
  document.getElementById("cite").addEventListener("click", async () => {
    const text = `gaiko, "${e.name_en}: Japan's relations" (as of ${e.as_of}), ${location.origin}/country/${id}`;
    try { await navigator.clipboard.writeText(text); } catch { /* clipboard may be unavailable */ }
    document.getElementById("cite-done").textContent = `${t("country.copied")}: ${text}`;
  });
}

export async function timeline(view, params) {
  const query = new URLSearchParams({ limit: "500" });
  for (const key of ["from", "to", "region", "theme", "country"]) if (params.get(key)) query.set(key, params.get(key));
  const rows = await getJSON(`/api/v1/timeline?${query}`);
  const options = (values, current) => [`<option value="">${esc(t("timeline.any"))}</option>`]
    .concat(values.map((v) => `<option ${v === current ? "selected" : ""}>${esc(v)}</option>`)).join("");
  const list = rows.ok ? rows.body.map((ev) => `<li id="${esc(ev.id)}"><span class="when">${esc(ev.date)}${ev.end_date ? `–${esc(ev.end_date)}` : ""}</span>
      <strong>${esc(nameOf(ev))}</strong> <span class="muted">[${esc(ev.themes.join(", "))}]</span>
      ${ev.summary_en ? `<br>${esc(ev.summary_en)}` : ""}${citeList(ev.citations)}</li>`).join("")
    : `<li class="notfound">${esc(rows.body?.detail || t("error"))}</li>`;
  view.innerHTML = `<h1>${esc(t("timeline.title"))}</h1>
    <form class="filters" id="filters">
      <label>${esc(t("timeline.from"))}<input name="from" value="${esc(params.get("from") || "")}" placeholder="1854" size="8"></label>
      <label>${esc(t("timeline.to"))}<input name="to" value="${esc(params.get("to") || "")}" placeholder="2008" size="8"></label>
      <label>${esc(t("timeline.region"))}<select name="region">${options(REGIONS, params.get("region"))}</select></label>
      <label>${esc(t("timeline.theme"))}<select name="theme">${options(THEMES, params.get("theme"))}</select></label>
      <label>${esc(t("timeline.country"))}<input name="country" value="${esc(params.get("country") || "")}" size="10"></label>
      <button type="submit">${esc(t("timeline.apply"))}</button>
    </form>
    <p class="muted">${rows.ok ? rows.body.length : 0} ${esc(t("timeline.count"))}</p>
    <ol class="timeline">${list}</ol>`;
  document.getElementById("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.target)) if (value) next.set(key, value);
    history.pushState({}, "", href(`/timeline?${next}`));
    timeline(view, new URLSearchParams(location.search));
  });
}

export async function disputes(view) {
  const [rows, atlas] = await Promise.all([getJSON("/api/v1/disputes"), getJSON("/vendor/countries-110m.json")]);
  const projection = d3.geoMercator().fitExtent([[10, 10], [470, 390]],
    { type: "MultiPoint", coordinates: rows.body.filter((d) => d.location).map((d) => [d.location.lon, d.location.lat]) });
  const path = d3.geoPath(projection);
  const land = path(topojson.feature(atlas.body, atlas.body.objects.countries));
  const pins = rows.body.filter((d) => d.location).map((d) => {
    const [x, y] = projection([d.location.lon, d.location.lat]);
    return `<a href="#${esc(d.id)}"><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" class="status-severed"></circle>
      <text x="${(x + 9).toFixed(1)}" y="${(y + 4).toFixed(1)}" font-size="12">${esc(d.names[0].name)}</text></a>`;
  }).join("");
  const parties = (d) => [...new Set([...d.claimants, ...(d.other_parties || [])])];
  view.innerHTML = `<h1>${esc(t("disputes.title"))}</h1><p class="card">${esc(t("disputes.neutral"))}</p>
    <svg class="world" viewBox="0 0 480 400" role="img" aria-label="${esc(t("disputes.title"))}">
      <rect width="480" height="400" fill="#eef3f8"></rect><path d="${land}" fill="#dfe3ea" stroke="#fff" stroke-width=".5"></path>${pins}</svg>
    ${rows.body.map((d) => `<section class="card" id="${esc(d.id)}">
      <h2>${esc(d.title_en)}</h2><p>${esc(d.description_en)}</p>
      <p><strong>${esc(t("disputes.claimants"))}:</strong> ${esc(d.claimants.join(", "))} ·
         <strong>${esc(t("disputes.administered"))}:</strong> ${esc(d.administered_by)}${d.administered_since ? ` (${esc(d.administered_since)})` : ""}</p>
      <h3>${esc(t("disputes.names"))}</h3>
      <div class="cols">${[...parties(d), "neutral"].map((p) => {
        const names = d.names.filter((n) => n.used_by === p);
        return names.length ? `<div><strong>${esc(p)}</strong><ul>${names.map((n) => `<li lang="${esc(n.lang)}">${esc(n.name)} <span class="muted">(${esc(n.lang)})</span></li>`).join("")}</ul></div>` : "";
      }).join("")}</div>
      <h3>${esc(t("disputes.positions"))}</h3>
      <div class="cols">${d.positions.map((p) => `<div class="card"><strong>${esc(p.party)}</strong><p>${esc(p.summary_en)}</p>${citeList(p.citations)}</div>`).join("")}</div>
      <h3>${esc(t("disputes.events"))}</h3>
      <ol class="timeline">${(d.events || []).map((ev) => `<li><span class="when">${esc(ev.date)}</span>${esc(ev.title_en)}${citeList(ev.citations)}</li>`).join("")}</ol>
    </section>`).join("")}`;
}

export async function search(view, q) {
  document.getElementById("q").value = q;
  const rows = q ? await getJSON(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`) : { ok: true, body: { hits: [] } };
  const hits = rows.ok ? rows.body.hits : [];
  view.innerHTML = `<h1>${esc(t("search.title"))}</h1><p>“${esc(q)}” ${esc(t("search.results"))}</p>
    ${hits.length ? `<ol class="hits">${hits.map((h) => `<li data-type="${esc(h.type)}"><a href="${href(h.page)}">${esc(nameOf(h))}</a>
      <span class="muted">${esc(h.type.replace("_", " "))}</span>${h.excerpt ? `<br><span class="muted">${esc(h.excerpt)}</span>` : ""}</li>`).join("")}</ol>`
      : `<p>${esc(t("search.none"))}</p>`}`;
}

export async function sources(view) {
  const [meta, works] = await Promise.all([getJSON("/api/v1/meta"), getJSON("/api/v1/works?limit=500")]);
  view.innerHTML = `<h1>${esc(t("sources.title"))}</h1>
    <p class="muted">Build ${esc(meta.body.data_fingerprint)} · ${esc(meta.body.built_at)}</p>
    <section class="card"><h2>${esc(t("sources.works"))}</h2><ol>${works.body.map((w) =>
      `<li id="${esc(w.id)}">${esc(w.raw)}</li>`).join("")}</ol></section>`;
}

// "1,900,000,000 USD (about)", "70–80 percent": the value as the source gives it, with its unit.
function amount(f) {
  const number = (v) => Number(v).toLocaleString(state.lang === "ja" ? "ja-JP" : "en-US");
  const value = f.value != null ? number(f.value) : `${number(f.value_low)}–${number(f.value_high)}`;
  const about = f.approximate ? ` (${t("figures.about")})` : "";
  const also = (f.equivalents || []).map((q) => `≈ ${number(q.value)} ${q.unit}${q.approximate ? ` (${t("figures.about")})` : ""}`);
  return `${esc(value)} ${esc(f.unit)}${esc(about)}${also.length ? `<br><span class="muted">${esc(also.join("; "))}</span>` : ""}`;
}

export async function figures(view) {
  const rows = await getJSON("/api/v1/figures");
  const list = rows.body.figures.map((f) => `<tr id="${esc(f.id)}">
      <td><strong>${esc(f.label_en)}</strong><br><span class="muted">${esc(f.basis)}</span></td>
      <td class="num">${amount(f)}</td>
      <td>${esc(f.period || "")}${f.as_of ? `<br><span class="muted">${esc(t("asof"))} ${esc(f.as_of)}</span>` : ""}</td>
      <td>${esc(f.donor)} → ${esc(f.recipient_group || (f.recipients || []).join(", "))}</td>
      <td>${citeList(f.citations)}</td></tr>`).join("");
  view.innerHTML = `<h1>${esc(t("figures.title"))}</h1><p class="card">${esc(t("figures.intro"))}</p>
    <table class="events figures"><thead><tr><th>${esc(t("figures.what"))}</th><th>${esc(t("figures.value"))}</th>
      <th>${esc(t("figures.period"))}</th><th>${esc(t("figures.who"))}</th><th>${esc(t("col.sources"))}</th></tr></thead>
      <tbody>${list}</tbody></table>`;
}

export async function audit(view, params) {
  const kind = params.get("kind") || "";
  const report = await getJSON(`/api/v1/audit${kind ? `?kind=${encodeURIComponent(kind)}` : ""}`);
  if (!report.ok) {
    view.innerHTML = `<p class="card notfound">${esc(report.body?.detail || t("error"))}</p>`;
    return;
  }
  const s = report.body.summary;
  const dated = s.dated_start_of_relations;
  const kinds = Object.entries(s.findings).map(([k, n]) =>
    `<li><a href="${href(`/audit?kind=${k}`)}" ${k === kind ? 'aria-current="true"' : ""}>${esc(t(`audit.${k}`))}</a>: <strong data-kind="${esc(k)}">${n}</strong></li>`).join("");
  const findings = report.body.findings.map((f) => `<tr>
      <td><a href="${href(`/country/${f.entity}${f.event ? `#${f.event}` : ""}`)}">${esc(f.name_en)}</a> <span class="muted">${esc(f.entity)}</span></td>
      <td>${esc(t(`audit.${f.kind}`))}</td><td>${esc(f.detail)}</td></tr>`).join("");
  view.innerHTML = `<h1>${esc(t("audit.title"))}</h1><p class="card">${esc(t("audit.intro"))}</p>
    <section class="card" id="audit-summary"><h2>${esc(t("asof"))} ${esc(report.body.as_of)}</h2>
      <p>${esc(t("audit.with"))}: <strong data-count="with">${s.entities_with_relations}</strong> ·
        ${esc(t("audit.dated"))}: <strong data-count="dated">${s.dated_total}</strong>
        (${esc(t("audit.day"))} <strong data-count="day">${dated.day || 0}</strong>, ${esc(t("audit.month"))} ${dated.month || 0},
        ${esc(t("audit.year"))} ${dated.year || 0})</p>
      <p>${esc(t("audit.resting"))}: MOFA ${s.start_dates_resting_on.mofa || 0} · ${esc(t("audit.jgov"))} ${s.start_dates_resting_on.japanese_government || 0}
        · ${esc(t("audit.other"))} ${s.start_dates_resting_on.other || 0}</p>
      <ul class="kinds">${kinds}</ul>
      ${kind ? `<p><a href="${href("/audit")}">${esc(t("audit.all"))}</a></p>` : ""}</section>
    <table class="findings"><thead><tr><th>${esc(t("timeline.country"))}</th><th>${esc(t("audit.kind"))}</th><th>${esc(t("audit.detail"))}</th></tr></thead>
      <tbody>${findings}</tbody></table>`;
}
