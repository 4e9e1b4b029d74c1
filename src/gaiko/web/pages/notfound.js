// The page for a path that is not in the route table, or a country that no name matches.
import { html, render } from "/static/lib/html.js";
import { href, local, t } from "/static/lib/i18n.js";

export async function show(view, ctx) {
  const error = ctx.error;
  const suggestions = error?.body?.suggestions;
  const query = ctx.params?.query || "";
  if (error && !suggestions && error.status !== 404) {
    render(view, html`<section class="card notfound"><h1 tabindex="-1">${t("error")}</h1><p>${error.message}</p></section>`);
    return { title: t("error") };
  }
  const title = suggestions ? t("notfound.title") : t("notfound.page");
  render(view, html`<section class="card notfound">
    <h1 tabindex="-1">${title}</h1>
    ${query ? html`<p><code>${query}</code></p>` : ""}
    ${suggestions?.length ? html`<p>${t("notfound.suggest")}</p><ul class="suggestions">${suggestions.map((s) =>
      html`<li><a href="${href(`/country/${s.id}`)}">${local(s)}</a> <span class="muted">${s.id}</span></li>`)}</ul>` : ""}
    <p><a href="${href("/")}">${t("nav.map")}</a>${query ? html` · <a href="${href(`/search?q=${encodeURIComponent(query)}`)}">${t("notfound.search", { query })}</a>` : ""}</p>
  </section>`);
  return { title };
}
