"""The explorer's first view and slider steps in headless Chromium, on loopback and on emulated networks.

Each run opens a fresh browser context (empty cache) at http://127.0.0.1:PORT/ and times, from
navigation start (`performance.now()`): the map drawn, every entity coloured
(`svg.world[data-drawn]`, which the server writes into the HTML of `/`; taken after the next two
animation frames, so after it is painted); the map pressable (`data-pressable`: pointer, keys,
tooltips and zoom work); the map live (`data-live`: the slider too, once the status history is
in); the load event; and Chromium's first contentful paint. Bytes on the wire are Chromium's own
count (`Network.loadingFinished` → `encodedDataLength`: headers and gzipped bodies) for every
response until the network is idle. A slider step is timed inside the page, from the `input`
event to the moment the map says it shows that year (`data-as-of`, no `data-loading`).

Networks are emulated per context through the Chrome DevTools Protocol
(`Network.emulateNetworkConditions`) with DevTools' own presets: "fast 3G" is 562.5 ms latency,
1.44 Mbit/s down, 675 kbit/s up; "4G" ("Fast 4G") is 165 ms, 8.1 Mbit/s down, 1.35 Mbit/s up.
Run with `make bench-web` (BENCH_RUNS, GAIKO_DB, BENCH_PORT to change); results go to
bench/results/web.json.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8103"))
DB = Path(os.environ.get("GAIKO_DB", ROOT / "gaiko.db"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
NETWORKS: dict[str, dict[str, float] | None] = {
    "loopback": None,
    "4g": {"latency": 165, "downloadThroughput": 9_000_000 * 0.9 / 8, "uploadThroughput": 1_500_000 * 0.9 / 8},
    "fast-3g": {"latency": 562.5, "downloadThroughput": 1_600_000 * 0.9 / 8, "uploadThroughput": 750_000 * 0.9 / 8},
}
READY = "svg.world[data-drawn]:not([data-loading])"
PRESSABLE = "svg.world[data-pressable]"
LIVE = "svg.world[data-live]"
# The time after the next two animation frames: the frame that paints what is in the DOM now.
PAINTED = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))))"
STEP_YEARS = [1960, 1961, 1945, 1990, 1991, 1872, 2000, 1952, 1973, 2010]

# Moves the slider to `year` as a person would (value, then an input event) and resolves with the
# milliseconds until the map shows that year.
STEP = """async (year) => {
  const svg = document.querySelector("svg.world");
  const slider = document.getElementById("year");
  const want = `${year}-12-31`;
  const done = () => svg.dataset.asOf === want && !("loading" in svg.dataset);
  const start = performance.now();
  slider.value = String(year);
  slider.dispatchEvent(new Event("input", { bubbles: true }));
  slider.dispatchEvent(new Event("change", { bubbles: true }));
  while (!done()) await new Promise((resolve) => requestAnimationFrame(resolve));
  return performance.now() - start;
}"""


def run(browser: Any, url: str, network: dict[str, float] | None) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if network:
        cdp.send("Network.emulateNetworkConditions", {"offline": False, **network})
    sizes: list[int] = []
    cdp.on("Network.loadingFinished", lambda event: sizes.append(int(event["encodedDataLength"])))
    page.goto(url, wait_until="commit")
    page.wait_for_selector(READY, state="attached", timeout=60000)
    drawn_ms = page.evaluate(PAINTED)
    page.wait_for_selector(PRESSABLE, state="attached", timeout=60000)
    pressable_ms = page.evaluate("performance.now()")
    page.wait_for_selector(LIVE, state="attached", timeout=60000)
    live_ms = page.evaluate("performance.now()")
    page.wait_for_load_state("load")
    load_ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart")
    fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null")
    page.wait_for_load_state("networkidle")
    first_view_bytes, requests = sum(sizes), len(sizes)
    steps = [round(page.evaluate(STEP, year), 1) for year in STEP_YEARS]
    context.close()
    return {"drawn_ms": round(drawn_ms, 1), "pressable_ms": round(pressable_ms, 1), "live_ms": round(live_ms, 1),
            "load_ms": round(load_ms, 1),
            "fcp_ms": round(fcp, 1) if fcp is not None else None, "bytes": first_view_bytes, "requests": requests,
            "step_ms_median": statistics.median(steps), "step_ms_max": max(steps)}


def main() -> int:
    server = subprocess.Popen(["timeout", "900", str(ROOT / ".venv" / "bin" / "gaiko"), "serve", "--db", str(DB),
                               "--port", str(PORT)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{PORT}/"
    results: dict[str, Any] = {}
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "api/v1/hello", timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            run(browser, url, None)  # the server prepares its answers once
            for name, network in NETWORKS.items():
                runs = [run(browser, url, network) for _ in range(RUNS)]
                results[name] = {
                    "drawn_ms_median": statistics.median(r["drawn_ms"] for r in runs),
                    "drawn_ms_max": max(r["drawn_ms"] for r in runs),
                    "pressable_ms_median": statistics.median(r["pressable_ms"] for r in runs),
                    "live_ms_median": statistics.median(r["live_ms"] for r in runs),
                    "load_ms_median": statistics.median(r["load_ms"] for r in runs),
                    "fcp_ms_median": statistics.median(r["fcp_ms"] or 0 for r in runs),
                    "step_ms_median": statistics.median(r["step_ms_median"] for r in runs),
                    "step_ms_max": max(r["step_ms_max"] for r in runs),
                    "bytes": runs[0]["bytes"],
                    "requests": runs[0]["requests"],
                    "runs": runs,
                }
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
    results["chromium"] = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True,
                                         text=True).stdout.strip()
    out = Path(os.environ.get("BENCH_OUT", ROOT / "bench" / "results" / "web.json"))
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    for name in NETWORKS:
        print(name, json.dumps({k: v for k, v in results[name].items() if k != "runs"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
