// The world map: today's shapes, each coloured by Japan's status with the state that held the
// territory on the slider's date. Every year is coloured locally from one status-history answer.
import { html, render, trusted } from "/static/lib/html.js";
import { json } from "/static/lib/api.js";
import { plain, t, term, terms, withParams } from "/static/lib/i18n.js";
import { JAPAN, loadEntities, statusHistory } from "/static/lib/entities.js";
import { asOfFor, describe, FIRST_YEAR, intervalAt, isHeld, swatch } from "/static/lib/status.js";

const WIDTH = 960;
const HEIGHT = 500;
const JAPAN_NUMERIC = "392";
const TINY_AREA = 12; // px² at full size: smaller shapes also get a marker, to be seen and pressed
const TARGET = 26; // CSS px: a touch target of at least 24 px, with room for rounding
const DOT = 9; // CSS px: a marker's visible diameter

// The projected centroid of a feature's largest polygon (France's is in France, not the Atlantic).
function anchor(path, feature) {
  const geometry = feature.geometry;
  if (geometry.type !== "MultiPolygon") return path.centroid(feature);
  let best = null;
  let bestArea = -1;
  for (const coordinates of geometry.coordinates) {
    const polygon = { type: "Polygon", coordinates };
    const area = path.area(polygon);
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  return path.centroid(best);
}

function draw(svg, atlas, entities, points) {
  const projection = d3.geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: "Sphere" });
  const path = d3.geoPath(projection);
  // px² per steradian: a shape's spherical area says whether it is too small to press, without
  // projecting it a second time (projection is most of the cost of drawing).
  const pxPerSteradian = path.area({ type: "Sphere" }) / (4 * Math.PI);
  const byNumeric = new Map();
  for (const entity of entities.list) {
    if (entity.iso_numeric && entity.kind !== "historical_state") byNumeric.set(entity.iso_numeric, entity);
  }
  const byName = new Map(entities.list.map((entity) => [entity.name_en, entity]));
  const shapes = [];
  const markers = [];
  const shaped = new Set();
  const features = new Map();
  for (const feature of topojson.feature(atlas, atlas.objects.countries).features) {
    const d = path(feature);
    if (!d) continue;
    if (feature.id === JAPAN_NUMERIC) {
      features.set(JAPAN, feature);
      shapes.push(html`<path class="japan" data-id="${JAPAN}" role="link" tabindex="-1" aria-label="${t("japan")}" d="${trusted(d)}"></path>`);
      continue;
    }
    const entity = feature.id ? byNumeric.get(feature.id) : byName.get(feature.properties.name);
    if (!entity) {
      shapes.push(html`<path class="no-entity" d="${trusted(d)}"><title>${feature.properties.name}</title></path>`);
      continue;
    }
    features.set(entity.id, feature);
    if (d3.geoArea(feature) * pxPerSteradian >= TINY_AREA) shaped.add(entity.id);
    shapes.push(html`<path class="country" data-id="${entity.id}" role="link" tabindex="-1" d="${trusted(d)}"></path>`);
  }
  for (const point of points) {
    if (shaped.has(point.entity) || !entities.byId.has(point.entity)) continue;
    const [x, y] = projection([point.lon, point.lat]);
    markers.push(html`<g class="marker" data-id="${point.entity}" data-x="${x.toFixed(1)}" data-y="${y.toFixed(1)}"
      role="link" tabindex="-1" transform="translate(${x.toFixed(1)} ${y.toFixed(1)})"><circle class="hit" r="12"></circle><circle class="dot" r="4"></circle></g>`);
  }
  render(svg, html`<g class="zoomable"><path class="ocean" d="${trusted(path({ type: "Sphere" }))}"></path>
    <g class="shapes">${shapes}</g><g class="markers">${markers}</g></g>`);
  const first = svg.querySelector('[data-id="KOR"]') || svg.querySelector("[data-id]");
  first.setAttribute("tabindex", "0");
  // Where each shape sits, for the arrow keys: worked out on the first key press, not before.
  return () => {
    for (const shape of svg.querySelectorAll("path[data-id]:not([data-x])")) {
      const [x, y] = anchor(path, features.get(shape.dataset.id));
      shape.dataset.x = x.toFixed(1);
      shape.dataset.y = y.toFixed(1);
    }
  };
}

// Marker sizes in map units so that, whatever the zoom and screen, a marker is a 24 px target.
function sizeMarkers(svg, k) {
  const scale = (svg.getBoundingClientRect().width || WIDTH) / WIDTH;
  const unit = 1 / (scale * k);
  for (const hit of svg.querySelectorAll(".marker .hit")) hit.setAttribute("r", ((TARGET / 2) * unit).toFixed(2));
  for (const dot of svg.querySelectorAll(".marker .dot")) dot.setAttribute("r", ((DOT / 2) * unit).toFixed(2));
}

function legend(counts) {
  const statuses = terms("status").map((entry) => entry.value);
  return html`<ul class="legend">
    <li>${swatch("japan")} ${t("japan")}</li>
    ${statuses.map((status) => html`<li data-status="${status}">${swatch(status, status === "japan")} ${term("status", status)} <span class="count">(${counts[status] || 0})</span></li>`)}
    <li>${swatch("diplomatic", true)} ${t("map.held")}</li>
    <li><svg class="swatch" viewBox="0 0 14 14" aria-hidden="true" focusable="false"><rect width="14" height="14" class="no-entity"></rect></svg> ${t("map.no_entity")}</li>
    <li><svg class="swatch" viewBox="0 0 14 14" aria-hidden="true" focusable="false"><rect width="14" height="14" class="ocean"></rect></svg> ${t("map.ocean")}</li>
  </ul>`;
}

// The neighbour of `from` in an arrow key's direction: nearest along it, penalising sideways distance.
function neighbour(items, from, key) {
  const [dx, dy] = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[key];
  const x0 = Number(from.dataset.x);
  const y0 = Number(from.dataset.y);
  let best = null;
  let bestScore = Infinity;
  for (const item of items) {
    if (item === from) continue;
    const vx = Number(item.dataset.x) - x0;
    const vy = Number(item.dataset.y) - y0;
    const along = vx * dx + vy * dy;
    if (along <= 0) continue;
    const across = Math.abs(vx * dy - vy * dx);
    const score = along + 2.5 * across;
    if (score < bestScore) [best, bestScore] = [item, score];
  }
  return best;
}

export async function show(view, ctx) {
  const thisYear = Number(new Date().toISOString().slice(0, 4));
  const asked = Number(ctx.query.get("year"));
  let year = asked >= FIRST_YEAR && asked <= thisYear ? asked : thisYear;
  render(view, html`
    <h1 tabindex="-1">${t("map.title")}</h1>
    <p class="lead">${t("map.shapes")}</p>
    <div class="slider">
      <label for="year">${t("map.slider")}</label>
      <button type="button" class="step" data-step="-1" aria-label="${t("map.previous")}">−</button>
      <input id="year" type="range" min="${FIRST_YEAR}" max="${thisYear}" step="1" value="${year}">
      <button type="button" class="step" data-step="1" aria-label="${t("map.next")}">+</button>
      <output id="year-label" for="year"></output>
    </div>
    <a class="skip-map" href="#states">${t("map.skip")}</a>
    <div class="map-wrap">
      <svg class="world" id="world" viewBox="0 0 ${WIDTH} ${HEIGHT}" tabindex="-1" role="group" aria-roledescription="${t("map.role")}"
        aria-label="${t("map.label")}" aria-describedby="map-help"></svg>
      <div class="zoom-buttons">
        <button type="button" data-zoom="in" aria-label="${t("map.zoom_in")}">+</button>
        <button type="button" data-zoom="out" aria-label="${t("map.zoom_out")}">−</button>
        <button type="button" data-zoom="reset">${t("map.zoom_reset")}</button>
      </div>
      <div class="tooltip" id="tip" aria-hidden="true" hidden></div>
    </div>
    <div id="legend"></div>
    <p class="muted" id="map-help">${t("map.help")}</p>
    <details id="states" class="card"><summary>${t("map.table")}</summary><div id="states-table"></div></details>`);
  const [atlas, entities, statuses, points] = await Promise.all([
    json("/vendor/countries-110m.json"), loadEntities(), statusHistory(), json("/api/v1/map-points")]);
  const svg = view.querySelector("#world");
  const slider = view.querySelector("#year");
  const label = view.querySelector("#year-label");
  const tip = view.querySelector("#tip");
  const details = view.querySelector("#states");
  const placeShapes = draw(svg, atlas, entities, points);
  const items = [...svg.querySelectorAll("[data-id]")];
  // The table and d3-zoom are not needed for the first view: they load when first wanted.
  let table = null;
  async function showTable() {
    if (!table) {
      const { statesTable } = await import("/static/lib/statesTable.js");
      table ||= statesTable(view.querySelector("#states-table"), entities, statuses);
    }
    table.update(year);
  }
  let zoomK = 1;
  sizeMarkers(svg, zoomK);

  function colour() {
    const asOf = asOfFor(year);
    svg.dataset.loading = "true";
    label.textContent = t("map.asof", { date: asOf });
    const counts = {};
    for (const id of Object.keys(statuses.entities)) {
      const status = intervalAt(statuses.entities[id], asOf).status;
      counts[status] = (counts[status] || 0) + 1;
    }
    const seen = new Set();
    for (const item of items) {
      const id = item.dataset.id;
      if (id === JAPAN) continue;
      const row = intervalAt(statuses.entities[id], asOf);
      const held = isHeld(row);
      const kind = item.tagName === "g" ? "marker" : "country";
      item.setAttribute("class", `${kind} status-${row.status}${held ? " held" : ""}`);
      item.dataset.status = row.status;
      item.setAttribute("aria-label", `${plain(entities.byId.get(id))}: ${describe(entities, row)}`);
      seen.add(id);
    }
    render(view.querySelector("#legend"), legend(counts));
    if (details.open) showTable();
    svg.dataset.drawn = String(seen.size);
    svg.dataset.asOf = asOf;
    delete svg.dataset.loading;
  }

  let urlTimer = null;
  function setYear(next) {
    year = Math.min(thisYear, Math.max(FIRST_YEAR, next));
    slider.value = String(year);
    colour();
    clearTimeout(urlTimer);
    // The year goes into the URL (a view can be shared) without a new history entry per step.
    urlTimer = setTimeout(() => history.replaceState(history.state, "", withParams({ year: year === thisYear ? "" : year })), 250);
  }

  colour();
  slider.addEventListener("input", () => setYear(Number(slider.value)));
  for (const button of view.querySelectorAll("button[data-step]")) {
    button.addEventListener("click", () => setYear(year + Number(button.dataset.step)));
  }
  details.addEventListener("toggle", () => { if (details.open) showTable(); });
  view.querySelector(".skip-map").addEventListener("click", async (event) => {
    event.preventDefault();
    details.open = true;
    details.querySelector("summary").focus();
    await showTable();
  });

  const open = (item) => ctx.navigate(item.dataset.id === JAPAN ? "/japan" : `/country/${item.dataset.id}`);
  const showTip = (item, x, y) => {
    tip.textContent = item.getAttribute("aria-label");
    tip.hidden = false;
    const box = svg.parentElement.getBoundingClientRect();
    const left = Math.min(x - box.left + 12, box.width - tip.offsetWidth - 4);
    tip.style.left = `${Math.max(4, left)}px`;
    tip.style.top = `${y - box.top + 14}px`;
  };
  svg.addEventListener("click", (event) => {
    const item = event.target.closest("[data-id]");
    if (item) open(item);
  });
  svg.addEventListener("mousemove", (event) => {
    const item = event.target.closest("[data-id]");
    if (item) showTip(item, event.clientX, event.clientY);
    else tip.hidden = true;
  });
  svg.addEventListener("mouseleave", () => { tip.hidden = true; });
  svg.addEventListener("focusin", (event) => {
    const item = event.target.closest("[data-id]");
    if (!item) return;
    const box = item.getBoundingClientRect();
    showTip(item, box.left + box.width / 2, box.top + box.height / 2);
  });
  svg.addEventListener("focusout", () => { tip.hidden = true; });
  // One stop in the tab order: arrow keys move between neighbouring countries (roving tabindex).
  svg.addEventListener("keydown", (event) => {
    const item = event.target.closest("[data-id]");
    if (!item) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open(item);
    } else if (event.key.startsWith("Arrow")) {
      event.preventDefault();
      placeShapes();
      const next = neighbour(items, item, event.key);
      if (!next) return;
      item.setAttribute("tabindex", "-1");
      next.setAttribute("tabindex", "0");
      next.focus();
    }
  });

  let zoom = null;
  let selection = null;
  const wrap = view.querySelector(".map-wrap");
  function enableZoom() {
    zoom ||= import("/static/lib/scripts.js").then(({ loadZoom }) => loadZoom()).then(() => {
      const behaviour = d3.zoom().scaleExtent([1, 16]).translateExtent([[0, 0], [WIDTH, HEIGHT]])
        .filter((event) => (event.type === "wheel" ? event.ctrlKey || event.metaKey : !event.button))
        .on("zoom", (event) => {
          zoomK = event.transform.k;
          svg.querySelector(".zoomable").setAttribute("transform", event.transform.toString());
          sizeMarkers(svg, zoomK);
          // At full size a one-finger drag scrolls the page; zoomed in, it pans the map.
          svg.style.touchAction = zoomK > 1 ? "none" : "pan-y";
        });
      selection = d3.select(svg).call(behaviour);
      svg.style.touchAction = "pan-y";
      return behaviour;
    });
    return zoom;
  }
  for (const event of ["pointerenter", "touchstart", "focusin"]) wrap.addEventListener(event, enableZoom, { passive: true, once: true });
  const zoomBy = (factor, animate = true) => enableZoom().then((behaviour) => {
    (animate ? selection.transition().duration(200) : selection).call(behaviour.scaleBy, factor);
  });
  view.querySelector(".zoom-buttons").addEventListener("click", (event) => {
    const action = event.target.closest("button")?.dataset.zoom;
    if (action === "in") zoomBy(2);
    if (action === "out") zoomBy(0.5);
    if (action === "reset") enableZoom().then((behaviour) => selection.transition().duration(200).call(behaviour.transform, d3.zoomIdentity));
  });
  svg.addEventListener("keydown", (event) => {
    if (event.key === "+" || event.key === "=") zoomBy(2, false);
    if (event.key === "-") zoomBy(0.5, false);
  });
  new ResizeObserver(() => sizeMarkers(svg, zoomK)).observe(svg);
  return { title: t("map.title") };
}
