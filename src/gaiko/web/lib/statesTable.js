// A sortable table of every entity with Japan's status on a date: the map's equivalent for
// keyboards, screen readers and anyone who would rather read a list.
import { html, render } from "/static/lib/html.js";
import { lang, plain, t, term } from "/static/lib/i18n.js";
import { entityLink } from "/static/lib/entities.js";
import { asOfFor, conditionText, intervalAt, swatch } from "/static/lib/status.js";

const COLUMNS = ["name", "status", "since", "territory", "region"];

export function statesTable(container, entities, history) {
  const order = { key: "name", ascending: true };
  const statusRank = new Map(["diplomatic", "unofficial", "recognised", "severed", "suspended", "none", "ended",
    "unknown", "japan", "no_state"].map((status, i) => [status, i]));
  let year = null;

  function rows() {
    const date = asOfFor(year);
    const list = entities.list.map((entity) => {
      const row = intervalAt(history.entities[entity.id], date);
      return { entity, row, name: plain(entity), territory: conditionText(entities, row),
        region: entity.un_region ? term("region", entity.un_region) : "" };
    });
    const collator = new Intl.Collator(lang());
    const value = {
      name: (r) => r.name, status: (r) => statusRank.get(r.row.status) ?? 99, since: (r) => r.row.since || "~",
      territory: (r) => r.territory || "", region: (r) => r.region,
    }[order.key];
    list.sort((a, b) => {
      const x = value(a), y = value(b);
      const compared = typeof x === "number" ? x - y : collator.compare(x, y);
      return (order.ascending ? compared : -compared) || collator.compare(a.name, b.name);
    });
    return list;
  }

  function header(key) {
    const sorted = order.key === key ? (order.ascending ? "ascending" : "descending") : null;
    return html`<th scope="col" aria-sort="${sorted || "none"}"><button type="button" data-sort="${key}">${t(`states.${key}`)}<span class="sort-mark" aria-hidden="true">${sorted === "ascending" ? " ▲" : sorted === "descending" ? " ▼" : ""}</span></button></th>`;
  }

  function draw() {
    const list = rows();
    render(container, html`<table class="stack states">
      <caption>${t("states.caption", { date: asOfFor(year), count: list.length })}</caption>
      <thead><tr>${COLUMNS.map(header)}</tr></thead>
      <tbody>${list.map(({ entity, row, territory, region }) => html`<tr data-id="${entity.id}" data-status="${row.status}">
        <th scope="row" data-label="${t("states.name")}">${entityLink(entities, entity.id)}</th>
        <td data-label="${t("states.status")}">${swatch(row.status, false)} ${term("status", row.status)}</td>
        <td data-label="${t("states.since")}" class="date">${row.since || "—"}</td>
        <td data-label="${t("states.territory")}">${territory || "—"}</td>
        <td data-label="${t("states.region")}">${region || "—"}</td></tr>`)}</tbody></table>`);
  }

  container.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-sort]");
    if (!button) return;
    const key = button.dataset.sort;
    order.ascending = order.key === key ? !order.ascending : true;
    order.key = key;
    draw();
    container.querySelector(`button[data-sort="${key}"]`).focus();
  });

  return {
    update(nextYear) {
      year = nextYear;
      draw();
    },
  };
}
