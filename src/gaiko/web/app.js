// The explorer's shell: language, links, routing. Every page reads the JSON API.
import { STRINGS } from "/static/i18n.js";
import { renderMap } from "/static/map.js";
import * as pages from "/static/pages.js";

export const state = { lang: new URLSearchParams(location.search).get("lang") === "ja" ? "ja" : "en" };

export function t(key) {
  return (STRINGS[state.lang] || STRINGS.en)[key] ?? STRINGS.en[key] ?? key;
}

export function nameOf(record) {
  if (!record) return "";
  if (state.lang === "ja") return record.name_ja || record.title_ja || record.name_en || record.title_en;
  return record.name_en || record.title_en;
}

// A link within the explorer that keeps the language in the URL.
export function href(path) {
  const url = new URL(path, location.origin);
  if (state.lang === "ja") url.searchParams.set("lang", "ja");
  else url.searchParams.delete("lang");
  return url.pathname + url.search + url.hash;
}

export function esc(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

export async function getJSON(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, body };
}

export function navigate(path, replace = false) {
  history[replace ? "replaceState" : "pushState"]({}, "", href(path));
  route();
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const button of document.querySelectorAll("[data-lang]")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === state.lang));
  }
  for (const link of document.querySelectorAll("a[data-nav]")) {
    link.setAttribute("href", href(link.getAttribute("href").split("?")[0]));
  }
}

async function route() {
  applyLanguage();
  const view = document.getElementById("view");
  const path = decodeURIComponent(location.pathname);
  const params = new URLSearchParams(location.search);
  view.innerHTML = `<p class="muted">${esc(t("loading"))}</p>`;
  try {
    if (path === "/") await renderMap(view);
    else if (path.startsWith("/country/")) await pages.country(view, path.slice("/country/".length));
    else if (path === "/timeline") await pages.timeline(view, params);
    else if (path === "/disputes") await pages.disputes(view);
    else if (path === "/search") await pages.search(view, params.get("q") || "");
    else if (path === "/sources") await pages.sources(view);
    else if (path === "/figures") await pages.figures(view);
    else if (path === "/audit") await pages.audit(view, params);
    else pages.notFound(view);
  } catch (error) {
    view.innerHTML = `<p class="card notfound">${esc(t("error"))}: ${esc(error.message)}</p>`;
  }
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a");
  if (!link || link.target || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const url = new URL(link.href, location.origin);
  if (url.origin !== location.origin || url.pathname.startsWith("/api/")) return;
  event.preventDefault();
  history.pushState({}, "", url.pathname + url.search + url.hash);
  route();
});

for (const button of document.querySelectorAll("[data-lang]")) {
  button.addEventListener("click", () => {
    state.lang = button.dataset.lang;
    navigate(location.pathname + location.hash, true);
  });
}

document.querySelector("form.search").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.getElementById("q").value.trim();
  if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
});

window.addEventListener("popstate", () => {
  state.lang = new URLSearchParams(location.search).get("lang") === "ja" ? "ja" : "en";
  route();
});
route();
