// A tagged template that escapes every interpolated value unless it is already markup.
// html`<p>${text}</p>` is safe for any text; nested html`` results, and arrays of them, pass through.
// A value placed in an href or src attribute must also be a safe URL (http, https, mailto, or
// a path on this site); anything else becomes "#".

class Markup {
  constructor(text) {
    this.text = text;
  }

  toString() {
    return this.text;
  }
}

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const URL_ATTRIBUTE = /\s(?:href|src|action|xlink:href)=["']?$/i;

export function escape(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export function safeUrl(value) {
  const url = String(value ?? "").trim();
  if (/^(?:https?:|mailto:)/i.test(url) || /^(?:[/?#]|blob:)/.test(url)) return url;
  return "#";
}

function part(value, inUrl) {
  if (value == null || value === false) return "";
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map((item) => part(item, false)).join("");
  return escape(inUrl ? safeUrl(value) : value);
}

export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += part(value, URL_ATTRIBUTE.test(strings[i])) + strings[i + 1];
  });
  return new Markup(out);
}

// Markup made elsewhere and known to be safe (e.g. an SVG path's d attribute built from numbers).
export function trusted(text) {
  return new Markup(String(text));
}

export function render(element, markup) {
  element.innerHTML = markup instanceof Markup ? markup.text : escape(markup);
}
