// Links within the explorer keep the language in the URL (?lang=ja).
import { lang } from "/static/lib/i18n.js";

export function href(path) {
  const url = new URL(path, location.origin);
  if (lang() === "ja") url.searchParams.set("lang", "ja");
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
