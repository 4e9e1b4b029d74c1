// Every entity with Japan's status for a year, as a sortable table (the map's equivalent).
import { html, render } from "/static/lib/html.js";
import { t, withParams } from "/static/lib/i18n.js";
import { loadEntities, statusHistory } from "/static/lib/entities.js";
import { FIRST_YEAR } from "/static/lib/status.js";
import { statesTable } from "/static/lib/statesTable.js";

export async function show(view, ctx) {
  const thisYear = Number(new Date().toISOString().slice(0, 4));
  const asked = Number(ctx.query.get("year"));
  let year = asked >= FIRST_YEAR && asked <= thisYear ? asked : thisYear;
  const [entities, history] = await Promise.all([loadEntities(), statusHistory()]);
  render(view, html`<h1 tabindex="-1">${t("states.title")}</h1><p class="lead">${t("states.intro")}</p>
    <form class="filters card" id="year-form"><label>${t("states.year")}
      <input id="states-year" name="year" type="number" min="${FIRST_YEAR}" max="${thisYear}" value="${year}"></label>
      <button type="submit">${t("timeline.apply")}</button></form>
    <div id="states-table"></div>`);
  const table = statesTable(view.querySelector("#states-table"), entities, history);
  table.update(year);
  view.querySelector("#year-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = Number(view.querySelector("#states-year").value);
    if (value >= FIRST_YEAR && value <= thisYear) {
      year = value;
      table.update(year);
      window.history.replaceState(null, "", withParams({ year: year === thisYear ? "" : year }));
    }
  });
  return { title: t("states.title") };
}
