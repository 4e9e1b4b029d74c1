// The world map coloured by Japan's relation status, with a time slider (d3-geo, topojson).
import { esc, getJSON, nameOf, navigate, t } from "/static/app.js";

const STATUSES = ["diplomatic", "unofficial", "recognised", "severed", "suspended", "none", "ended", "japan", "no_state", "unknown"];
const JAPAN_NUMERIC = "392";
const FIRST_YEAR = 1854;
const TINY_AREA = 12; // px²: smaller shapes get a marker too, so that they can be seen and clicked
let world = null;

function asOfFor(year) {
  const today = new Date().toISOString().slice(0, 10);
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

export async function renderMap(view) {
  const thisYear = new Date().getFullYear();
  view.innerHTML = `
    <h1>${esc(t("map.title"))}</h1>
    <div class="slider">
      <label for="year">${esc(t("map.slider"))}</label>
      <input id="year" type="range" min="${FIRST_YEAR}" max="${thisYear}" step="1" value="${thisYear}">
      <output id="year-label" for="year"></output>
    </div>
    <div class="legend" id="legend"></div>
    <div class="map-wrap"><svg class="world" id="world" viewBox="0 0 960 500" role="img"
         aria-label="${esc(t("map.title"))}"></svg><div class="tooltip" id="tip"></div></div>
    <p class="muted">${esc(t("map.help"))}</p>`;
  const [atlas, entities, points] = await Promise.all([
    world ? Promise.resolve({ body: world }) : getJSON("/vendor/countries-110m.json"),
    getJSON("/api/v1/entities?limit=500"),
    getJSON("/api/v1/map-points"),
  ]);
  world = atlas.body;
  const svg = document.getElementById("world");
  const byNumeric = new Map(entities.body.filter((e) => e.iso_numeric).map((e) => [e.iso_numeric, e]));
  const byId = new Map(entities.body.map((e) => [e.id, e]));
  const projection = d3.geoNaturalEarth1().fitSize([960, 500], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const features = topojson.feature(world, world.objects.countries).features;
  const drawn = new Set();
  const parts = [`<path d="${path({ type: "Sphere" })}" fill="#eef3f8"></path>`];
  for (const feature of features) {
    const entity = feature.id ? byNumeric.get(feature.id) : entities.body.find((e) => e.name_en === feature.properties.name);
    const d = path(feature);
    if (!d) continue;
    if (feature.id === JAPAN_NUMERIC) {
      parts.push(`<path class="japan" d="${d}"><title>${esc(t("japan"))}</title></path>`);
    } else if (entity) {
      drawn.add(entity.id);
      const small = path.area(feature) < TINY_AREA;
      parts.push(`<path class="country" data-id="${entity.id}" tabindex="0" role="link" d="${d}"></path>`);
      if (small) drawn.add(`marker:${entity.id}`);
    } else {
      parts.push(`<path class="no-entity" d="${d}"><title>${esc(feature.properties.name)}</title></path>`);
    }
  }
  for (const point of points.body) {
    const entity = byId.get(point.entity);
    if (!entity || (drawn.has(entity.id) && !drawn.has(`marker:${entity.id}`))) continue;
    const [x, y] = projection([point.lon, point.lat]);
    parts.push(`<circle class="marker" data-id="${entity.id}" tabindex="0" role="link" r="4" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}"></circle>`);
  }
  svg.innerHTML = parts.join("");
  const slider = document.getElementById("year");
  const yearFromUrl = Number(new URLSearchParams(location.search).get("year"));
  if (yearFromUrl >= FIRST_YEAR && yearFromUrl <= thisYear) slider.value = String(yearFromUrl);
  await colour(svg, byId, Number(slider.value));
  wire(svg, byId);
  let pending = null;
  slider.addEventListener("input", () => {
    clearTimeout(pending);
    document.getElementById("year-label").textContent = `${t("map.asof")} ${asOfFor(slider.value)}`;
    pending = setTimeout(() => colour(svg, byId, Number(slider.value)), 120);
  });
}

async function colour(svg, byId, year) {
  const asOf = asOfFor(year);
  document.getElementById("year-label").textContent = `${t("map.asof")} ${asOf}`;
  svg.dataset.loading = "true";
  const relations = await getJSON(`/api/v1/relations?as_of=${asOf}&territories=true&limit=500`);
  const status = new Map(relations.body.map((r) => [r.id, r]));
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  const shapes = svg.querySelectorAll("[data-id]");
  const seen = new Set();
  for (const shape of shapes) {
    const row = status.get(shape.dataset.id);
    const value = row ? row.status : "unknown";
    shape.setAttribute("class", `${shape.tagName === "circle" ? "marker" : "country"} status-${value}`);
    shape.dataset.status = value;
    const label = `${nameOf(byId.get(shape.dataset.id))}: ${t(`status.${value}`)}${row?.since ? ` (${row.since})` : ""}`;
    shape.setAttribute("aria-label", label);
    if (!seen.has(shape.dataset.id)) {
      counts[value] += 1;
      seen.add(shape.dataset.id);
    }
  }
  document.getElementById("legend").innerHTML = STATUSES.map((s) =>
    `<span><span class="swatch status-${s}"></span>${esc(t(`status.${s}`))} (${counts[s]})</span>`).join("");
  svg.dataset.drawn = String(seen.size);
  svg.dataset.asOf = asOf;
  delete svg.dataset.loading;
}

function wire(svg, byId) {
  const tip = document.getElementById("tip");
  const open = (target) => navigate(`/country/${target.dataset.id}`);
  svg.addEventListener("click", (event) => {
    const target = event.target.closest("[data-id]");
    if (target) open(target);
  });
  svg.addEventListener("keydown", (event) => {
    const target = event.target.closest("[data-id]");
    if (target && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      open(target);
    }
  });
  svg.addEventListener("mousemove", (event) => {
    const target = event.target.closest("[data-id]");
    if (!target) {
      tip.style.display = "none";
      return;
    }
    const box = svg.parentElement.getBoundingClientRect();
    tip.textContent = target.getAttribute("aria-label");
    tip.style.display = "block";
    tip.style.left = `${event.clientX - box.left + 12}px`;
    tip.style.top = `${event.clientY - box.top + 12}px`;
  });
  svg.addEventListener("mouseleave", () => { tip.style.display = "none"; });
}
