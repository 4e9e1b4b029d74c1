// Classic scripts loaded on demand, in order (the d3 modules attach themselves to window.d3).
const loaded = new Map();

function load(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.async = false; // inserted scripts then run in insertion order
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    }));
  }
  return loaded.get(src);
}

// d3-zoom and what it needs, dependencies first.
const ZOOM = ["d3-dispatch", "d3-selection", "d3-color", "d3-interpolate", "d3-ease", "d3-timer", "d3-transition",
  "d3-drag", "d3-zoom"];

export function loadZoom() {
  return Promise.all(ZOOM.map((name) => load(`/vendor/${name}.min.js`)));
}

// d3-geo and topojson-client, for the disputes map drawn in the browser (the world map is drawn
// by the server).
export function loadGeo() {
  return Promise.all(["/vendor/d3-array.min.js", "/vendor/d3-geo.min.js", "/vendor/topojson-client.min.js"].map(load));
}
