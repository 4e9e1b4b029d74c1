// Every entity by id and by ISO numeric code, from one list answer; Japan, which is not an
// entity (it is the subject of every relation), is named from the interface strings.
import { all, json } from "/static/lib/api.js";
import { html } from "/static/lib/html.js";
import { href, local, plain, t } from "/static/lib/i18n.js";

let index = null;

export const JAPAN = "JPN";
// Japan's own codes and names: /country/JPN and the like lead to the page for Japan.
const JAPAN_NAMES = new Set(["jpn", "jp", "392", "740", "japan", "nippon", "nihon", "日本", "日本国", "にほん", "にっぽん"]);

export function isJapan(query) {
  return JAPAN_NAMES.has(String(query).trim().toLowerCase());
}

export async function loadEntities() {
  if (!index) {
    index = all("/api/v1/entities").then((rows) => ({
      list: rows,
      byId: new Map(rows.map((row) => [row.id, row])),
    }));
  }
  return index;
}

export async function statusHistory() {
  return json("/api/v1/status-history");
}

export function entityName(entities, id) {
  if (id === JAPAN) return t("japan");
  const entity = entities.byId.get(id);
  return entity ? plain(entity) : id;
}

// The entity's name in the page's language (marked if in the other), linked to its page.
export function entityLink(entities, id) {
  if (id === JAPAN) return html`<a href="${href("/japan")}">${t("japan")}</a>`;
  const entity = entities.byId.get(id);
  if (!entity) return html`${id}`;
  return html`<a href="${href(`/country/${id}`)}">${local(entity)}</a>`;
}
