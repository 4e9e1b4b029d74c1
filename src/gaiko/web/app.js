// The explorer's shell: the route table (routes.json, which the server reads too), the language,
// links and focus. Each page is its own module under pages/, loaded when first visited.
import { html, render } from "/static/lib/html.js";
import { json } from "/static/lib/api.js";
import { href, lang, langFromUrl, loadVocabularies, setLang, t } from "/static/lib/i18n.js";

const view = document.getElementById("view");
let routes = [];
let current = 0;
let shown = "";
let rendered = false;

function match(pathname) {
  for (const route of routes) {
    const names = [];
    const source = route.path.replace(/:(\w+)/g, (_, name) => {
      names.push(name);
      return "([^/]+)";
    });
    const found = pathname.match(new RegExp(`^${source}$`));
    if (found) {
      const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
      return { page: route.page, path: route.path, params };
    }
  }
  return { page: "notfound", path: null, params: {} };
}

// The parts of the page outside <main>: labels, the language switch, the current link.
function applyChrome(path) {
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", t(node.dataset.i18nLabel));
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const button of document.querySelectorAll("[data-lang]")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === lang()));
  }
  for (const link of document.querySelectorAll("a[data-nav]")) {
    const target = link.dataset.nav;
    link.setAttribute("href", href(target));
    if (target === path) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function navigate(path, { replace = false } = {}) {
  history[replace ? "replaceState" : "pushState"](null, "", href(path));
  route({ focus: true });
}

function focusHeading(container, scroll = true) {
  const heading = container.querySelector("h1") || view;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: !scroll });
}

async function route({ focus = false } = {}) {
  const token = ++current;
  shown = location.pathname + location.search;
  setLang(langFromUrl());
  const { page, path, params } = match(location.pathname);
  applyChrome(path);
  // The first page may have come written by the server (the map): it is used as it is.
  const served = view.querySelector(":scope > [data-server]");
  let container = served?.dataset.server === page && !rendered ? served : null;
  rendered = true;
  if (!container) {
    container = document.createElement("div");
    container.className = `page page-${page}`;
    render(container, html`<p class="muted">${t("loading")}</p>`);
    view.replaceChildren(container);
  }
  view.setAttribute("aria-busy", "true");
  const ctx = { params, query: new URLSearchParams(location.search), navigate, isCurrent: () => token === current };
  let title;
  try {
    const module = await import(`/static/pages/${page}.js`);
    ({ title } = await module.show(container, ctx));
  } catch (error) {
    if (token !== current) return;
    const fallback = await import("/static/pages/notfound.js");
    ({ title } = await fallback.show(container, { ...ctx, error }));
  }
  if (token !== current) return;
  view.removeAttribute("aria-busy");
  document.title = `${title} · gaiko`;
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (focus) focusHeading(container, !target);
  if (target) target.scrollIntoView();
}

document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest("a[href]");
  if (!link || link.target || link.hasAttribute("download")) return;
  if (link.classList.contains("skip")) {
    // The skip link only moves focus: no new URL, no new render.
    event.preventDefault();
    focusHeading(view.firstElementChild || view);
    return;
  }
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || /^\/(api|vendor|static)\//.test(url.pathname)) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return; // in-page link
  event.preventDefault();
  history.pushState(null, "", url.pathname + url.search + url.hash);
  route({ focus: true });
});

for (const button of document.querySelectorAll("[data-lang]")) {
  button.addEventListener("click", () => {
    // The page's query, filters and year stay; only the language changes.
    const url = new URL(location.href);
    if (button.dataset.lang === "ja") url.searchParams.set("lang", "ja");
    else url.searchParams.delete("lang");
    history.replaceState(null, "", url.pathname + url.search + url.hash);
    route();
  });
}

document.querySelector("form.search").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.getElementById("q").value.trim();
  if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
});

window.addEventListener("popstate", () => {
  if (location.pathname + location.search === shown) return; // only the fragment changed
  route({ focus: true });
});

setLang(langFromUrl());
[routes] = await Promise.all([json("/static/routes.json"), loadVocabularies()]);
await route();
