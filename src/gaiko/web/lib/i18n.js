// The page's language (kept in every link), its interface strings, the API's vocabularies, and
// records' own names in either language. Text shown in the other language is marked with its own lang attribute.
import { html } from "/static/lib/html.js";
import { json } from "/static/lib/api.js";
import STRINGS from "/static/strings.json" with { type: "json" };

const state = { lang: "en", vocabularies: {} };

export function lang() {
  return state.lang;
}

export function setLang(value) {
  state.lang = value === "ja" ? "ja" : "en";
  document.documentElement.lang = state.lang;
}

export function langFromUrl(search = location.search) {
  return new URLSearchParams(search).get("lang") === "ja" ? "ja" : "en";
}

// An interface string, with {name} placeholders filled from vars.
export function t(key, vars = {}) {
  const text = STRINGS[state.lang][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

export async function loadVocabularies() {
  state.vocabularies = await json("/api/v1/vocabularies");
}

// The label of a vocabulary value (status, event_type, theme, entity_kind, region).
export function term(kind, value) {
  const found = (state.vocabularies[kind] || []).find((entry) => entry.value === value);
  return found ? found[state.lang] || found.en : String(value ?? "").replaceAll("_", " ");
}

export function terms(kind) {
  return (state.vocabularies[kind] || []).filter((entry) => typeof entry === "object");
}

const KANA = /[\u3040-\u30ff]/;
const HANGUL = /[\uac00-\ud7af]/;
const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\p{P}\p{S}\p{Z}\s]*$/u;

// The language of a text when its record does not say: Japanese if it has kana, Korean if it has
// hangul, English if it is Latin script only; otherwise unknown (null).
export function guessLang(text) {
  const value = String(text ?? "");
  if (KANA.test(value)) return "ja";
  if (HANGUL.test(value)) return "ko";
  return LATIN_ONLY.test(value) ? "en" : null;
}

// Text in a known language, marked when it differs from the page's.
export function inLang(text, language) {
  if (text == null || text === "") return "";
  if (!language || language.split("-")[0] === state.lang) return html`${text}`;
  return html`<span lang="${language}">${text}</span>`;
}

// A record's field in the page's language when it has one (title_ja, name_ja, instrument_ja ...),
// else in English: { text, lang, translated } (translated: gaiko's own translation, per the record).
export function pick(record, field) {
  if (!record) return { text: "", lang: state.lang, translated: false };
  const ja = record[`${field}_ja`];
  const en = record[`${field}_en`] ?? record[field];
  const translated = (key) => (record.translated || []).includes(key);
  if (state.lang === "ja" && ja) return { text: ja, lang: "ja", translated: translated(`${field}_ja`) };
  if (en) return { text: en, lang: "en", translated: translated(`${field}_en`) };
  return { text: ja || "", lang: "ja", translated: translated(`${field}_ja`) };
}

// The field as markup: marked with its language when it is not the page's, and as gaiko's own
// translation when the record says so.
export function local(record, field = "name") {
  const { text, lang: language, translated } = pick(record, field);
  if (!text) return "";
  return translated
    ? html`${inLang(text, language)} <span class="translated">${t("translated")}</span>`
    : inLang(text, language);
}

export function plain(record, field = "name") {
  return pick(record, field).text;
}

export function number(value, options = {}) {
  return Number(value).toLocaleString(state.lang === "ja" ? "ja-JP" : "en-US", options);
}

// "Diplomatic relations since 1965-12-18" / 「1965-12-18以降 外交関係あり」.
export function since(status, date) {
  const label = term("status", status);
  return date ? t("status.since", { status: label, date }) : label;
}

export function href(path) {
  const url = new URL(path, location.origin);
  if (state.lang === "ja") url.searchParams.set("lang", "ja");
  else url.searchParams.delete("lang");
  return url.pathname + url.search + url.hash;
}

// The current URL with some query parameters set (or removed when empty), keeping the rest.
export function withParams(changes, base = location.pathname + location.search) {
  const url = new URL(base, location.origin);
  for (const [key, value] of Object.entries(changes)) {
    if (value === "" || value == null) url.searchParams.delete(key);
    else url.searchParams.set(key, String(value));
  }
  return url.pathname + url.search;
}
