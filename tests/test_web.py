"""The explorer in a real browser: Debian's headless Chromium driven by Playwright.

A gaiko server over the real data is started on a free loopback port for these tests, bounded
in time and stopped by its PID. Screenshots go to tests/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).parent / "screenshots"
NODE_MODULES = Path(__file__).parent.parent / "node_modules"
SERVER_SECONDS = 600  # the server stops by itself after this, whatever happens to the tests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(project_db: Path) -> Iterator[str]:
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: `make test` installs it"
    assert (NODE_MODULES / "d3-geo").is_dir(), "node_modules is missing: `make test` runs npm ci"
    port = free_port()
    gaiko = shutil.which("gaiko", path=str(Path(sys.executable).parent))
    process = subprocess.Popen(
        ["timeout", str(SERVER_SECONDS), gaiko or "gaiko", "serve", "--db", str(project_db), "--host", "127.0.0.1",
         "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/api/v1/hello", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the gaiko server did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server: str) -> Iterator[object]:
    """A fresh page that records every request's host and every script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests = []
    tab.errors = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    assert not tab.errors, tab.errors
    context.close()


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def open_map(page, server: str, query: str = "") -> None:
    page.goto(f"{server}/{query}")
    page.wait_for_selector("svg.world[data-drawn]:not([data-loading])", timeout=20000)


def test_the_map_draws_every_entity_and_stays_on_this_machine(page, server) -> None:
    open_map(page, server)
    drawn = int(page.get_attribute("svg.world", "data-drawn"))
    assert drawn >= 190
    shapes = page.locator("svg.world [data-id]")
    assert shapes.count() >= drawn
    for small in ("VAT", "NIU", "COK", "SGP", "XKX", "TUV"):
        assert page.locator(f'svg.world [data-id="{small}"]').count() >= 1, small
    shot(page, "map")
    hosts = {urlparse(url).netloc for url in page.requests if url.startswith("http")}
    assert hosts == {urlparse(server).netloc}


def test_clicking_south_korea_opens_its_page_with_the_normalisation(page, server) -> None:
    open_map(page, server)
    page.locator('svg.world path[data-id="KOR"]').click()
    page.wait_for_selector("table.events")
    assert page.url.endswith("/country/KOR")
    row = page.locator("table.events tr", has_text="normalisation")
    assert "1965" in row.inner_text()
    assert row.locator(".sources a").count() >= 1
    shot(page, "country-kor")


def test_the_keyboard_opens_a_country_too(page, server) -> None:
    open_map(page, server)
    page.locator('svg.world [data-id="VAT"]').first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("table.events")
    assert page.url.endswith("/country/VAT")


def test_the_slider_at_1960_shows_china_without_relations(page, server) -> None:
    open_map(page, server)
    page.locator("#year").fill("1960")
    page.wait_for_selector('svg.world[data-as-of="1960-12-31"]:not([data-loading])', timeout=20000)
    china = page.get_attribute('svg.world path[data-id="CHN"]', "data-status")
    assert china in ("severed", "none")
    assert page.get_attribute('svg.world path[data-id="TWN"]', "data-status") == "diplomatic"
    shot(page, "map-1960")


def test_the_japanese_switch_shows_japanese_names_and_keeps_it_in_the_url(page, server) -> None:
    page.goto(f"{server}/country/KOR")
    page.wait_for_selector("table.events")
    page.locator('[data-lang="ja"]').click()
    page.wait_for_selector("h1:has-text('大韓民国')")
    assert "lang=ja" in page.url
    assert page.locator("nav a", has_text="年表").count() == 1
    assert page.locator("table.events td", has_text="国交正常化").count() >= 1
    shot(page, "country-kor-ja")


def test_searching_takeshima_finds_the_dispute(page, server) -> None:
    page.goto(server + "/")
    page.fill("#q", "竹島")
    page.keyboard.press("Enter")
    page.wait_for_selector("ol.hits")
    hit = page.locator('ol.hits li[data-type="dispute"]').first
    assert "Takeshima" in hit.inner_text()
    hit.locator("a").click()
    page.wait_for_selector("#liancourt-rocks-takeshima-dokdo")
    shot(page, "disputes")


def test_an_unknown_country_gets_a_helpful_page(page, server) -> None:
    response = page.goto(f"{server}/country/Kroea")
    assert response.status == 404
    page.wait_for_selector(".notfound")
    assert page.locator(".suggestions a", has_text="South Korea").count() == 1
    shot(page, "not-found")


def test_timeline_filters_and_a_phone_sized_screen(browser, server) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server}/timeline?from=1580&to=1620&theme=embassy")
    page.wait_for_selector("ol.timeline li")
    text = page.locator("ol.timeline").inner_text()
    assert "Lisbon" in text and "1616" not in text.split("Lisbon")[0]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # no sideways scrolling
    shot(page, "timeline-phone")
    context.close()


def test_a_figure_found_by_search_opens_the_figures_page(page, server) -> None:
    page.goto(f"{server}/search?q=ASEAN%20aid")
    page.wait_for_selector("ol.hits")
    hit = page.locator('ol.hits li[data-type="figure"]', has_text="fiscal year 1988").first
    hit.locator("a").click()
    row = page.locator("tr#japan-aid-asean-fy1988")
    row.wait_for()
    assert page.url.endswith("/figures#japan-aid-asean-fy1988")
    assert "1,900,000,000 USD" in row.inner_text()
    assert row.locator(".sources a").count() >= 1
    # The yen loan to India shows its dollar equivalent beside the yen.
    india = page.locator("tr#japan-loan-india-1990").inner_text()
    assert "JPY" in india and "USD" in india
    shot(page, "figures")


def test_the_audit_page_shows_the_api_s_report(page, server) -> None:
    import json

    with urllib.request.urlopen(server + "/api/v1/audit", timeout=30) as response:
        report = json.load(response)
    page.goto(f"{server}/audit")
    page.wait_for_selector("#audit-summary")
    summary = report["summary"]
    assert page.inner_text('[data-count="day"]') == str(summary["dated_start_of_relations"]["day"])
    assert page.inner_text('[data-count="with"]') == str(summary["entities_with_relations"])
    page.locator("ul.kinds a", has_text="Conflicting claims").click()
    page.wait_for_selector("table.findings tbody tr")
    assert "kind=conflicting_claims" in page.url
    rows = page.locator("table.findings tbody tr")
    assert rows.count() == summary["findings"]["conflicting_claims"]
    shot(page, "audit")
    first = rows.first.locator("a")
    entity = first.inner_text()
    first.click()
    page.wait_for_selector("table.events")
    assert entity in page.locator("h1").inner_text()
