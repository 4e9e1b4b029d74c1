"""Retake docs/explorer-map.png: the map in 1930 (territories hatched by their holder), from a
server on 127.0.0.1 started here and stopped by its PID. Run `.venv/bin/python docs/screenshot.py`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PORT = 8131


def main() -> int:
    server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gaiko"), "serve", "--db", str(ROOT / "gaiko.db"),
                               "--port", str(PORT)], cwd=ROOT, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/api/v1/meta", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"http://127.0.0.1:{PORT}/?year=1930")
            page.wait_for_selector("svg[data-drawn]", timeout=30_000)
            page.screenshot(path=str(ROOT / "docs" / "explorer-map.png"))
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
