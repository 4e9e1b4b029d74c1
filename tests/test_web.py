"""The explorer in a real browser: Debian's headless Chromium driven by Playwright.

A gaiko server over the real data is started on a free loopback port for these tests, bounded
in time and stopped by its PID. Screenshots go to tests/screenshots/. axe-core (from
node_modules) is injected into each page by the test, not served by gaiko.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).parent / "screenshots"
NODE_MODULES = Path(__file__).parent.parent / "node_modules"
WEB = Path(__file__).parent.parent / "src" / "gaiko" / "web"
SERVER_SECONDS = 600  # the server stops by itself after this, whatever happens to the tests
MAP_READY = "svg.world[data-live]:not([data-loading])"  # the server draws it; the scripts bring it to life
PAGES = ["/", "/japan", "/country/KOR", "/country/RUS", "/country/USA", "/timeline", "/disputes", "/figures", "/audit",
         f"/search?q={quote('竹島')}", "/sources", "/states", "/nowhere"]


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


def watched(context: object) -> object:
    """A new page that records every request and every script error."""
    tab = context.new_page()  # type: ignore[attr-defined]
    tab.requests = []
    tab.errors = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    return tab


@pytest.fixture
def page(browser, server: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = watched(context)
    yield tab
    assert not tab.errors, tab.errors
    context.close()


@pytest.fixture
def phone(browser, server: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    tab = watched(context)
    yield tab
    assert not tab.errors, tab.errors
    context.close()


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def get_json(server: str, path: str) -> object:
    with urllib.request.urlopen(server + path, timeout=30) as response:
        return json.load(response)


def open_map(page, server: str, query: str = "") -> None:
    page.goto(f"{server}/{query}")
    page.wait_for_selector(MAP_READY, timeout=20000)


def settled(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("main:not([aria-busy]) h1", timeout=20000)


# --- the map --------------------------------------------------------------------------------------

def test_the_map_draws_every_entity_and_stays_on_this_machine(page, server) -> None:
    open_map(page, server)
    drawn = int(page.get_attribute("svg.world", "data-drawn"))
    assert drawn >= 190
    shapes = page.locator("svg.world [data-id]")
    assert shapes.count() >= drawn
    for small in ("VAT", "NIU", "COK", "SGP", "XKX", "TUV"):
        assert page.locator(f'svg.world [data-id="{small}"]').count() >= 1, small
    shot(page, "map")
    page.wait_for_load_state("networkidle")
    hosts = {urlparse(url).netloc for url in page.requests if url.startswith("http")}
    assert hosts == {urlparse(server).netloc}


MAP_ITEMS = """() => Object.fromEntries([...document.querySelectorAll('svg.world [data-id]')].map((item) =>
    [item.dataset.id + (item.tagName === 'g' ? '/marker' : ''), [item.getAttribute('class'),
     item.getAttribute('aria-label'), item.dataset.status || null]]))"""
LEGEND = "() => [...document.querySelectorAll('.legend li')].map((item) => item.textContent.trim())"


def test_the_map_is_drawn_by_the_server_and_needs_no_script_to_show(browser, server) -> None:
    # The first view in one round trip: the HTML of `/` carries the map, coloured, with its labels.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    tab = watched(context)
    tab.goto(f"{server}/?year=1960")
    assert int(tab.get_attribute("svg.world", "data-drawn")) >= 100
    assert tab.get_attribute('svg.world path[data-id="TWN"]', "data-status") == "diplomatic"
    assert tab.locator("svg.world path.country").first.bounding_box()["width"] > 0
    assert tab.title() == "Japan's relations with the world · gaiko"
    assert not [url for url in tab.requests if "/vendor/" in url]  # no atlas, no d3: the shapes come drawn
    context.close()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_browser_recolours_every_item_as_the_server_drew_it(browser, server, lang) -> None:
    # The server writes each year's colours, labels and counts; the browser recolours from the
    # status history with its own code: for any year the two must agree, item by item.
    query = "lang=ja&" if lang == "ja" else ""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = watched(context)
    open_map(tab, server, f"?{query}")
    for year in (1904, 1946, 1960, 1991):
        tab.locator("#year").fill(str(year))
        tab.wait_for_selector(f'svg.world[data-as-of="{year}-12-31"]:not([data-loading])')
        recoloured, legend = tab.evaluate(MAP_ITEMS), tab.evaluate(LEGEND)
        served = browser.new_context(java_script_enabled=False)
        written = served.new_page()
        written.goto(f"{server}/?{query}year={year}")
        assert written.evaluate(MAP_ITEMS) == recoloured, year
        assert written.evaluate(LEGEND) == legend, year
        served.close()
    assert not tab.errors, tab.errors
    context.close()


def test_the_map_can_be_pressed_before_its_history_arrives(page, server) -> None:
    # On a slow network the status history (for the slider) comes last; pressing a country, the
    # keys and the tooltips need only what the server wrote, and work before it.
    held = []
    page.route("**/api/v1/status-history", lambda route: held.append(route))
    page.goto(f"{server}/")
    page.wait_for_selector("svg.world[data-pressable]")
    assert held and page.get_attribute("svg.world", "data-live") is None
    page.locator('svg.world path[data-id="KOR"]').focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.dataset.id") != "KOR"
    page.locator('svg.world path[data-id="KOR"]').click()
    page.wait_for_url("**/country/KOR")  # the press was taken while the history was still held
    for route in held:  # the country page needs the history too
        route.continue_()
    page.wait_for_selector("table.events")


def test_coming_back_to_the_map_brings_it_from_the_server(page, server) -> None:
    open_map(page, server, "?lang=ja")
    page.click("a[data-nav='/timeline']")
    page.wait_for_selector("main:not([aria-busy]) h1:has-text('年表')")
    page.go_back()
    page.wait_for_selector(MAP_READY)
    assert page.title().startswith("日本と世界の外交関係")
    assert int(page.get_attribute("svg.world", "data-drawn")) >= 190
    page.locator("#year").fill("1960")
    page.wait_for_selector('svg.world[data-as-of="1960-12-31"]:not([data-loading])')
    assert page.get_attribute('svg.world path[data-id="TWN"]', "data-status") == "diplomatic"


def test_the_legend_draws_japan_and_every_status_and_says_what_the_shapes_are(page, server) -> None:
    open_map(page, server)
    statuses = [term["value"] for term in get_json(server, "/api/v1/vocabularies")["status"]]
    legend = page.locator(".legend li")
    assert legend.first.inner_text().strip() == "Japan"
    assert [page.get_attribute(f'.legend li[data-status="{s}"]', "data-status") for s in statuses] == statuses
    assert page.locator(".legend svg rect.held").count() == 2  # "held by another state", and part of Japan
    # No dated evidence is drawn with its own pattern, never the sea's colour.
    fills = page.evaluate("""() => ['status-unknown', 'ocean'].map((c) => {
        const r = document.querySelector(`.legend rect.${c}`); return getComputedStyle(r).fill; })""")
    assert fills[0] != fills[1] and "url" in fills[0]
    assert "Today's borders" in page.inner_text(".lead")


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


def test_the_map_is_one_tab_stop_with_arrow_keys_between_neighbours(page, server) -> None:
    open_map(page, server)
    page.focus(".skip-map")
    inside = 0
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.querySelector('svg.world').contains(document.activeElement)"):
            inside += 1
    assert inside == 1  # one press enters the map, the next leaves it
    page.focus(".skip-map")
    page.keyboard.press("Tab")
    start = page.evaluate("document.activeElement.dataset.id")
    page.keyboard.press("ArrowRight")
    moved = page.evaluate("document.activeElement.dataset.id")
    assert moved and moved != start
    assert page.get_attribute(f'svg.world [data-id="{moved}"]', "tabindex") == "0"
    assert page.get_attribute(f'svg.world [data-id="{start}"]', "tabindex") == "-1"
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.dataset.id") == start
    assert page.is_visible("#tip")  # the focused country's tooltip shows too
    # The skip link takes keyboard users past the map to the table of every entity.
    page.click(".skip-map")
    page.wait_for_selector("#states-table table.states tbody tr")
    assert page.locator("#states-table tbody tr").count() >= 200


def test_the_slider_at_1960_shows_china_without_relations(page, server) -> None:
    open_map(page, server)
    page.locator("#year").fill("1960")
    page.wait_for_selector('svg.world[data-as-of="1960-12-31"]:not([data-loading])', timeout=20000)
    china = page.get_attribute('svg.world path[data-id="CHN"]', "data-status")
    assert china in ("severed", "none")
    assert page.get_attribute('svg.world path[data-id="TWN"]', "data-status") == "diplomatic"
    shot(page, "map-1960")


def test_slider_steps_colour_from_the_one_status_history_document(page, server) -> None:
    open_map(page, server)
    page.wait_for_load_state("networkidle")
    before = len(page.requests)
    seen = {}
    for year in (1900, 1942, 1960, 1975, 1991):
        page.locator("#year").fill(str(year))
        page.wait_for_selector(f'svg.world[data-as-of="{year}-12-31"]:not([data-loading])')
        seen[year] = page.get_attribute('svg.world path[data-id="CHN"]', "data-status")
    assert len(set(seen.values())) >= 2  # China's colour changes over these years
    api = [url for url in page.requests[before:] if "/api/" in url]
    assert api == []  # every step was coloured locally
    assert sum("/api/v1/status-history" in url for url in page.requests) == 1
    # The year is in the URL, so that the view can be shared.
    page.wait_for_function("() => location.search.includes('year=1991')")


def test_a_territory_held_by_another_state_is_hatched_and_says_by_whom(page, server) -> None:
    open_map(page, server, "?year=1970")
    estonia = page.locator('svg.world path[data-id="EST"]')
    assert "held" in estonia.get_attribute("class")
    label = estonia.get_attribute("aria-label")
    assert "part of Soviet Union" in label and "since 1956-12-12" in label
    estonia.hover()
    assert "Soviet Union" in page.inner_text("#tip")
    assert page.input_value("#year") == "1970"


def test_small_states_are_24_px_touch_targets_at_any_zoom(phone, server) -> None:
    open_map(phone, server)
    for zoom in ("none", "in"):
        if zoom == "in":
            phone.click('[data-zoom="in"]')  # d3-zoom loads on first use, not with the first view
            phone.wait_for_selector("svg.world .zoomable[transform]")
            phone.wait_for_timeout(400)
        for small in ("VAT", "TUV", "NIU"):
            box = phone.locator(f'svg.world g[data-id="{small}"] .hit').bounding_box()
            assert box["width"] >= 24 and box["height"] >= 24, (small, zoom, box)
    assert phone.get_attribute("svg.world .zoomable", "transform").startswith("translate")
    shot(phone, "map-phone")


# --- every page ---------------------------------------------------------------------------------

def test_every_page_passes_axe_in_either_language_and_fits_320_px(browser, server) -> None:
    """axe-core finds nothing serious or critical; no page scrolls sideways on a 320 px screen."""
    axe = (NODE_MODULES / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    # One context per language, so that both run axe at once, each in its own renderer process.
    contexts = {lang: browser.new_context(viewport={"width": 1280, "height": 900}) for lang in ("en", "ja")}
    tabs = {lang: watched(context) for lang, context in contexts.items()}
    found, wide, titles = {}, {}, set()
    for path in PAGES:
        checked = path != "/country/USA"  # for axe, USA is KOR's kind of page, only longer
        for lang, tab in tabs.items():
            url = server + path + (("&" if "?" in path else "?") + "lang=ja" if lang == "ja" else "")
            settled(tab, url)
            if path == "/":
                tab.wait_for_selector(MAP_READY)
            if checked:
                tab.evaluate(axe + ";0")  # through the DevTools protocol: the page's CSP allows no inline script
                # Started in a later task, so that this call returns at once and both languages run together.
                tab.evaluate("""() => { window.axeResult = new Promise((done) => setTimeout(() =>
                    axe.run(document, {resultTypes: ['violations']}).then(done))); }""")
        for lang, tab in tabs.items():
            if checked:
                violations = tab.evaluate("""async () => (await window.axeResult).violations
                    .filter((v) => ['serious', 'critical'].includes(v.impact))
                    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)""")
                if violations:
                    found[f"{path} {lang}"] = violations
            titles.add(tab.title())
            assert tab.evaluate("document.documentElement.lang") == lang
            tab.set_viewport_size({"width": 320, "height": 640})
            width = tab.evaluate("() => new Promise((done) => requestAnimationFrame(() => done(document.documentElement.scrollWidth)))")
            if width > 320:
                wide[f"{path} {lang}"] = width
            tab.set_viewport_size({"width": 1280, "height": 900})
    for lang, tab in tabs.items():
        assert not tab.errors, tab.errors
        contexts[lang].close()
    assert not found, found
    assert not wide, wide
    assert len(titles) == 2 * len(PAGES)  # every page has its own title in each language


def test_pages_stay_short_enough_on_a_phone(phone, server) -> None:
    heights = {}
    for path in ("/timeline", "/country/USA"):
        settled(phone, server + path)
        heights[path] = phone.evaluate("document.documentElement.scrollHeight")
    # 2026-12: the timeline was 127,102 px and the United States 38,547 px at 390×844 before paging and folding.
    assert heights["/timeline"] < 20000, heights
    assert heights["/country/USA"] < 30000, heights
    # Tables reflow into cards without losing a column.
    settled(phone, server + "/country/KOR")
    cells = phone.locator("table.events tbody tr").first.locator("td")
    assert cells.count() == 4 and all(cells.nth(i).is_visible() for i in range(4))
    assert phone.evaluate("getComputedStyle(document.querySelector('table.events td')).display") == "block"
    shot(phone, "country-kor-phone")


def test_navigation_moves_focus_to_the_heading_and_changes_the_title(page, server) -> None:
    open_map(page, server)
    assert page.title().startswith("Japan's relations with the world")
    assert page.get_attribute("main", "aria-live") is None  # no live region around the page
    page.click("nav a[href='/timeline']")
    page.wait_for_selector("main:not([aria-busy]) h1")
    assert page.title().startswith("Timeline")
    assert page.evaluate("document.activeElement.tagName") == "H1"
    assert page.get_attribute("nav a[href='/timeline']", "aria-current") == "page"
    page.go_back()
    page.wait_for_selector(MAP_READY)
    assert page.evaluate("document.activeElement.tagName") == "H1"


def test_the_skip_link_only_moves_focus(page, server) -> None:
    settled(page, server + "/country/KOR")
    page.evaluate("document.querySelector('main h1').dataset.marker = 'same'")
    url = page.url
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.url == url
    assert page.evaluate("document.activeElement.dataset.marker") == "same"  # focused, not re-rendered


def test_the_language_switch_keeps_the_query_filters_and_year(page, server) -> None:
    open_map(page, server, "?year=1960")
    page.click('[data-lang="ja"]')
    page.wait_for_selector('svg.world[data-as-of="1960-12-31"]:not([data-loading])')
    assert "year=1960" in page.url and "lang=ja" in page.url
    assert page.input_value("#year") == "1960"
    assert page.title().startswith("日本と世界の外交関係")
    settled(page, server + "/timeline?theme=visit&source=curated")
    page.click('[data-lang="ja"]')
    page.wait_for_selector("main:not([aria-busy]) h1:has-text('年表')")
    assert "theme=visit" in page.url and "source=curated" in page.url
    assert page.input_value("select[name=theme]") == "visit"
    settled(page, server + f"/search?q={quote('竹島')}&lang=ja")
    page.click('[data-lang="en"]')
    page.wait_for_selector("main:not([aria-busy]) h1:has-text('Search')")
    assert "q=" in page.url and "lang" not in page.url and page.input_value("#q") == "竹島"


def test_the_japanese_switch_shows_japanese_names_and_keeps_it_in_the_url(page, server) -> None:
    settled(page, f"{server}/country/KOR")
    page.locator('[data-lang="ja"]').click()
    page.wait_for_selector("h1:has-text('大韓民国')")
    assert "lang=ja" in page.url
    assert page.locator("nav a", has_text="年表").count() == 1
    assert page.locator("table.events td", has_text="国交正常化").count() >= 1
    # Natural Japanese phrasing, and English text marked as English.
    assert "1965-12-18以降 外交関係あり" in page.inner_text(".status-line")
    # Records' Japanese fields in Japanese mode (gaiko's own translations say so), English text marked as English.
    assert "日本国と大韓民国" in page.locator("table.events tr", has_text="国交正常化").locator("td").nth(2).inner_text()
    assert page.locator("table.events .translated").count() >= 1
    assert page.locator("table.events .sources [lang=en]").count() >= 1
    assert page.title() == "大韓民国 — 日本との関係 · gaiko"
    shot(page, "country-kor-ja")


# --- the pages ----------------------------------------------------------------------------------

def test_searching_takeshima_finds_the_dispute(page, server) -> None:
    settled(page, server + "/disputes")
    page.fill("#q", "竹島")
    page.keyboard.press("Enter")
    page.wait_for_selector("ol.hits")
    hit = page.locator('ol.hits li[data-type="dispute"]').first
    assert "Takeshima" in hit.inner_text()
    hit.locator("a").click()
    page.wait_for_selector("#liancourt-rocks-takeshima-dokdo")
    shot(page, "disputes")


def test_dispute_pins_name_every_party_in_a_neutral_colour_inside_the_map(page, server) -> None:
    settled(page, server + "/disputes")
    label = page.locator("svg.disputes-map a").first.text_content()
    for name in ("Takeshima (Japan)", "Dokdo (South Korea)", "Tok Island (North Korea)", "Liancourt Rocks"):
        assert name in label
    assert page.locator("svg.disputes-map circle[class*=status]").count() == 0
    inside = page.evaluate("""() => { const svg = document.querySelector('svg.disputes-map').viewBox.baseVal;
        return [...document.querySelectorAll('svg.disputes-map text')].every((t) => { const b = t.getBBox();
          return b.x >= 0 && b.y >= 0 && b.x + b.width <= svg.width && b.y + b.height <= svg.height; }); }""")
    assert inside


def test_an_unknown_country_gets_a_helpful_page_and_japan_its_own(page, server) -> None:
    response = page.goto(f"{server}/country/Kroea")
    assert response.status == 404
    page.wait_for_selector(".notfound")
    assert page.locator(".suggestions a", has_text="South Korea").count() == 1
    shot(page, "not-found")
    page.goto(f"{server}/country/JPN")
    page.wait_for_url(f"{server}/japan")
    page.wait_for_selector("main:not([aria-busy]) h1:has-text('Japan')")
    assert "Spain" not in page.inner_text("main")
    groups = page.locator("#missions details[data-region]")
    assert groups.count() == 5
    for i in range(groups.count()):
        groups.nth(i).locator("summary").click()
    missions = page.locator("#missions table.missions tbody tr")
    assert missions.count() > 100
    assert page.locator("#memberships details.fold").count() >= 1  # COW's membership records are folded
    assert page.locator("#overview li").count() >= 20


def test_russia_shows_its_chain_and_territory_spells_on_one_timeline(page, server) -> None:
    settled(page, server + "/country/RUS")
    chain = [text.split(" (")[0] for text in page.locator("#territory ol.chain li").all_inner_texts()]
    assert [re.sub(r"^[0-9-]+ ", "", text) for text in chain] == ["Russian Empire", "Soviet Russia", "Soviet Union", "Russia"]
    strip = page.locator("#territory svg.strip rect")
    assert strip.count() >= 5 and page.locator("#territory svg.strip rect.held").count() >= 3
    assert "part of Soviet Union" in page.inner_text("#territory ol.spans")
    page.click("#territory details.fold summary")  # the cited spells are drawn when opened
    page.locator("#territory table.spells tbody tr").first.wait_for()
    assert page.locator("#territory table.spells tbody tr").count() >= 3
    toc = page.locator("nav.toc a")
    assert toc.count() >= 4
    for i in range(toc.count()):
        target = toc.nth(i).get_attribute("href")
        assert page.locator(target).count() == 1, target


def test_the_trade_chart_breaks_where_a_year_is_missing(page, server) -> None:
    settled(page, server + "/country/USA")
    chart = page.locator("#trade svg.chart")
    assert chart.locator("path.line.series-0").count() >= 3  # 1870-1913, 1919-1945, 1952-: three runs
    assert "1914–1918" in chart.get_attribute("aria-label")
    sections = page.eval_on_selector_all("main section.card[id]", "nodes => nodes.map((n) => n.id)")
    mofa = [s for s in sections if s in ("aid", "reparations", "trade", "visits")]
    assert mofa == sorted(mofa, key=["aid", "reparations", "trade", "visits"].index)
    visits = page.locator("#visits")
    assert visits.locator("details.fold").count() >= 1 and visits.locator("details.fold").first.get_attribute("open") is None
    assert visits.locator("svg.chart").count() == 1


def test_timeline_filters_paging_and_a_phone_sized_screen(phone, server) -> None:
    settled(phone, f"{server}/timeline?from=1580&to=1620&theme=embassy")
    text = phone.locator("ol.events").first.inner_text()
    assert "Lisbon" in text and "1616" not in text.split("Lisbon")[0]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # no sideways scrolling
    shot(phone, "timeline-phone")
    settled(phone, f"{server}/timeline")
    assert phone.locator("section.decade h2").count() >= 2
    assert phone.locator("nav.pager a[rel=next]").count() == 2
    folds = phone.locator("details.fold")
    assert folds.count() >= 1 and all(folds.nth(i).get_attribute("open") is None for i in range(folds.count()))
    phone.locator("nav.pager a[rel=next]").first.click()
    phone.wait_for_url("**/timeline?page=2")
    phone.wait_for_selector("main:not([aria-busy]) h1")
    assert phone.title().startswith("Timeline, page 2")


def test_imported_rows_say_what_they_are_and_from_which_dataset(page, server) -> None:
    settled(page, f"{server}/timeline?source=atop")
    first = page.locator("ol.events > li[data-kind=atop]").first
    note = first.locator(".imported").inner_text()
    assert "Imported record" in note and "ATOP" in note and "treaty" in note
    assert "same years and pledges" in note  # with which other partners, if any
    settled(page, f"{server}/timeline?source=ooh")
    visit = page.locator("ol.events > li[data-kind=ooh]").first  # chosen as the source: not folded
    assert visit.is_visible() and "Office of the Historian" in visit.inner_text()


def test_a_search_hit_on_a_folded_event_opens_its_page_and_group(page, server) -> None:
    hits = get_json(server, "/api/v1/search?q=Knox&limit=50")["hits"]
    target = next(h for h in hits if h["type"] == "timeline_event" and h["id"].startswith("ooh-"))
    settled(page, server + target["page"])
    item = page.locator(f'[id="{target["id"]}"]')
    assert item.is_visible()


def test_a_figure_found_by_search_opens_the_figures_page(page, server) -> None:
    settled(page, f"{server}/search?q=ASEAN%20aid")
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


def test_the_figures_page_filters_charts_series_and_downloads_csv(page, server) -> None:
    settled(page, f"{server}/figures?series=oda-net-usd")
    page.click('[data-series="oda-net-usd"] details[data-lazy] summary')  # the series' rows are drawn when opened
    rows = page.locator("table.figures tbody tr")
    rows.first.wait_for()
    assert rows.count() >= 20
    chart = page.locator('[data-series="oda-net-usd"] svg.chart')
    assert "No figure for" in chart.get_attribute("aria-label")  # missing years are gaps, not lines
    with page.expect_download() as download:
        page.click("a[download$='.csv']")
    lines = Path(download.value.path()).read_text(encoding="utf-8").strip().splitlines()
    assert lines[0].startswith("id,label_en") and len(lines) == rows.count() + 1
    assert page.locator("a[download$='.json']").count() == 1


def test_sources_offer_bibtex_and_csl_json(page, server) -> None:
    settled(page, f"{server}/sources")
    assert page.locator("#datasets li").count() >= 5
    work = page.locator("ol.works li").first
    assert work.locator("a[data-format=bibtex]").get_attribute("href").endswith("?format=bibtex")
    assert work.locator("a[data-format=csl-json]").get_attribute("href").endswith("?format=csl-json")


def test_the_audit_page_shows_the_api_s_report(page, server) -> None:
    report = get_json(server, "/api/v1/audit")
    settled(page, f"{server}/audit")
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


# --- the code -----------------------------------------------------------------------------------

def test_the_explorer_modules_import_each_other_without_cycles() -> None:
    graph = {}
    for path in WEB.rglob("*.js"):
        if "vendor" in path.parts:
            continue
        name = "/static/" + path.relative_to(WEB).as_posix()
        graph[name] = set(re.findall(r'^import [^;]*? from "(/static/[^"]+)";', path.read_text(encoding="utf-8"), re.M))
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for child in graph.get(node, ()):
            assert state.get(child) != "open", " → ".join([*trail, node, child])
            if child not in state:
                visit(child, [*trail, node])
        state[node] = "done"

    for node in graph:
        if node not in state:
            visit(node, [])
    routes = json.loads((WEB / "routes.json").read_text(encoding="utf-8"))
    for route in routes:
        assert (WEB / "pages" / f"{route['page']}.js").is_file(), route  # one module per page
