"""Time to a drawn map and bytes of the first view, in headless Chromium on loopback.

Each run opens a fresh browser context (empty cache) at http://127.0.0.1:PORT/ and waits for
the map's `data-drawn` attribute, which the page sets once every entity is coloured. Bytes are
the encoded sizes (headers and bodies) of every response of that first view. Run with
`make bench-web`; results go to bench/results/web.json.
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

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PORT = 8103
RUNS = int(os.environ.get("BENCH_RUNS", "10"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def first_view(browser: object, url: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    sizes: list[int] = []

    def finished(request: object) -> None:
        measured = request.sizes()  # type: ignore[attr-defined]
        sizes.append(measured["responseHeadersSize"] + measured["responseBodySize"])

    page.on("requestfinished", finished)
    page.goto(url)
    page.wait_for_selector("svg.world[data-drawn]:not([data-loading])", timeout=30000)
    drawn_ms = page.evaluate("performance.now()")
    page.wait_for_load_state("networkidle")
    context.close()
    return {"drawn_ms": round(drawn_ms, 1), "bytes": sum(sizes), "requests": len(sizes)}


def main() -> int:
    server = subprocess.Popen(["timeout", "300", str(ROOT / ".venv" / "bin" / "gaiko"), "serve", "--db",
                               str(ROOT / "gaiko.db"), "--port", str(PORT)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{PORT}/"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "api/v1/hello", timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            first_view(browser, url)  # the server prepares its answers once
            runs = [first_view(browser, url) for _ in range(RUNS)]
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
    result = {
        "runs": runs,
        "drawn_ms_median": statistics.median(r["drawn_ms"] for r in runs),
        "drawn_ms_max": max(r["drawn_ms"] for r in runs),
        "bytes": runs[0]["bytes"],
        "requests": runs[0]["requests"],
        "chromium": subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip(),
    }
    out = ROOT / "bench" / "results" / "web.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "runs"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
