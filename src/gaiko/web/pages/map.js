// The world map: today's shapes, each coloured by Japan's status with the state that held the
// territory on the slider's date. The server writes the page, the map drawn and coloured for the
// year asked (it is in the HTML of `/`, so it shows after one round trip); this module brings it
// to life and recolours every year locally from one status-history answer.
import { plain, t, withParams } from "/static/lib/i18n.js";
import { JAPAN, loadEntities, statusHistory } from "/static/lib/entities.js";
import { asOfFor, describe, FIRST_YEAR, intervalAt, isHeld } from "/static/lib/status.js";

const TARGET = 26; // CSS px: a touch target of at least 24 px, with room for rounding
const DOT = 9; // CSS px: a marker's visible diameter

// The page as the server writes it for this URL (a reader coming back to the map).
async function serverPage() {
  const response = await fetch(location.pathname + location.search, { headers: { Accept: "text/html" } });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const doc = new DOMParser().parseFromString(await response.text(), "text/html");
  const page = doc.querySelector("#view > [data-server]");
  if (!page) throw new Error("no map in the server's page");
  return page;
}

// Marker sizes in map units so that, whatever the zoom and screen, a marker is a 24 px target.
function sizeMarkers(svg, k) {
  const { width } = svg.viewBox.baseVal; // the server's map size
  const scale = (svg.getBoundingClientRect().width || width) / width;
  const unit = 1 / (scale * k);
  for (const hit of svg.querySelectorAll(".marker .hit")) hit.setAttribute("r", ((TARGET / 2) * unit).toFixed(2));
  for (const dot of svg.querySelectorAll(".marker .dot")) dot.setAttribute("r", ((DOT / 2) * unit).toFixed(2));
}

// The legend is the server's; only its counts change with the year.
function updateCounts(legend, counts) {
  for (const item of legend.querySelectorAll("li[data-status]")) {
    item.querySelector(".count").textContent = `(${counts[item.dataset.status] || 0})`;
  }
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
  if (!view.querySelector("svg.world")) view.replaceChildren(...(await serverPage()).childNodes);
  const svg = view.querySelector("#world");
  const slider = view.querySelector("#year");
  const label = view.querySelector("#year-label");
  const tip = view.querySelector("#tip");
  const details = view.querySelector("#states");
  const thisYear = Number(slider.max);
  let year = Number(slider.value);
  const items = [...svg.querySelectorAll("[data-id]")];
  let zoomK = 1;
  sizeMarkers(svg, zoomK);
  // Pressing, keys, tooltips and zoom need only what the server wrote: they work at once; the
  // slider and the table wait for the status history below.
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
      const behaviour = d3.zoom().scaleExtent([1, 16]).translateExtent([[0, 0], [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height]])
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
  svg.dataset.pressable = "";

  const [entities, statuses] = await Promise.all([loadEntities(), statusHistory()]);
  if (!ctx.isCurrent()) return { title: t("map.title") };
  year = Number(slider.value); // the reader may have moved it while the data came
  // The table is not needed for the first view: it loads when first wanted (d3-zoom too, above).
  let table = null;
  async function showTable() {
    if (!table) {
      const { statesTable } = await import("/static/lib/statesTable.js");
      table ||= statesTable(view.querySelector("#states-table"), entities, statuses);
    }
    table.update(year);
  }

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
    updateCounts(view.querySelector("#legend"), counts);
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
  svg.dataset.live = ""; // the slider too now works (benchmarks and tests wait for it)
  return { title: t("map.title") };
}
