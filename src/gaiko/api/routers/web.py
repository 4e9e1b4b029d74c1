"""The explorer: its HTML shell for every page, its static files, and the vendored libraries.

The pages are the route table in web/routes.json, which the explorer's own router reads too.
The libraries come from the package (copied from node_modules when the wheel is built) or, in
a checkout, from node_modules (installed from package-lock.json by `npm ci`): the page never
asks another host for anything.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from html import escape
from importlib import resources
from pathlib import Path

from fastapi import APIRouter, Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from gaiko.api.deps import KB
from gaiko.api.mappage import MapPage, year_asked
from gaiko.api.problems import Problem
from gaiko.names import IsJapan, UnknownEntity

router = APIRouter(include_in_schema=False)

WEB = Path(str(resources.files("gaiko") / "web"))
ROUTES = json.loads((WEB / "routes.json").read_text(encoding="utf-8"))
# name -> path under node_modules; the wheel carries the same files in web/vendor/.
VENDOR = {
    "d3-array.min.js": "d3-array/dist/d3-array.min.js",
    "d3-geo.min.js": "d3-geo/dist/d3-geo.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
    "d3-selection.min.js": "d3-selection/dist/d3-selection.min.js",
    "d3-dispatch.min.js": "d3-dispatch/dist/d3-dispatch.min.js",
    "d3-drag.min.js": "d3-drag/dist/d3-drag.min.js",
    "d3-color.min.js": "d3-color/dist/d3-color.min.js",
    "d3-interpolate.min.js": "d3-interpolate/dist/d3-interpolate.min.js",
    "d3-ease.min.js": "d3-ease/dist/d3-ease.min.js",
    "d3-timer.min.js": "d3-timer/dist/d3-timer.min.js",
    "d3-transition.min.js": "d3-transition/dist/d3-transition.min.js",
    "d3-zoom.min.js": "d3-zoom/dist/d3-zoom.min.js",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}


def vendor_path(name: str) -> Path | None:
    """Where a vendored library is: in the package, or in a checkout's node_modules."""
    packaged = WEB / "vendor" / name
    if packaged.is_file():
        return packaged
    node_modules = Path(os.environ.get("GAIKO_NODE_MODULES", Path(__file__).resolve().parents[4] / "node_modules"))
    found = node_modules / VENDOR[name]
    return found if found.is_file() else None


def copy_vendor(folder: str | Path) -> list[Path]:
    """Copy the vendored libraries from node_modules into `folder` (the wheel's web/vendor/)."""
    import shutil

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in VENDOR:
        source = vendor_path(name)
        if source is None:
            raise FileNotFoundError(f"{VENDOR[name]} is missing from node_modules: run `npm ci`")
        copied.append(Path(shutil.copy(source, target / name)))
    return copied


STYLESHEET = '<link rel="stylesheet" href="/static/app.css">'
# The explorer's stylesheet goes into every page's HTML (3 KB gzipped): a first paint needs no
# second round trip. The Content-Security-Policy allows it by this hash.
STYLE = (WEB / "app.css").read_text(encoding="utf-8")
STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
SHELL = (WEB / "index.html").read_text(encoding="utf-8").replace(STYLESHEET, f"<style>{STYLE}</style>")
STRINGS = json.loads((WEB / "strings.json").read_text(encoding="utf-8"))
CHROME = re.compile(r'(<(\w+)[^>]* data-i18n="([^"]+)"[^>]*>)[^<]*(</\2>)')
LANG_BUTTON = re.compile(r'(data-lang="(en|ja)" lang="\2" aria-pressed=)"(?:true|false)"')
NAV_LINK = re.compile(r'href="(/[^"?]*)" data-nav=')


def shell(status: int = 200, lang: str = "en", title: str | None = None, main: str = "") -> HTMLResponse:
    """The explorer's HTML: its stylesheet inline, the chrome in the page's language and, for the
    map, the page itself (`main`)."""
    html = SHELL
    if lang == "ja":
        table = STRINGS["ja"]
        html = html.replace('<html lang="en">', '<html lang="ja">')
        html = CHROME.sub(lambda m: f"{m.group(1)}{escape(table.get(m.group(3), ''))}{m.group(4)}"
                          if m.group(3) in table else m.group(0), html)
        html = LANG_BUTTON.sub(lambda m: f'{m.group(1)}"{"true" if m.group(2) == "ja" else "false"}"', html)
        html = NAV_LINK.sub(r'href="\1?lang=ja" data-nav=', html)  # links keep the language, as the browser's do
    if title:
        html = re.sub(r"<title>[^<]*</title>", f"<title>{escape(title)} · gaiko</title>", html, count=1)
    html = html.replace('<main id="view" tabindex="-1"></main>', f'<main id="view" tabindex="-1">{main}</main>')
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-cache"})


def map_page(request: Request) -> MapPage:
    """The map page's writer, made once per app (its shapes are drawn once)."""
    page = getattr(request.app.state, "map_page", None)
    if page is None:
        atlas = vendor_path("countries-110m.json")
        if atlas is None:
            raise Problem(503, "Explorer not installed", "world-atlas is missing: run `npm ci` (make run does)")
        page = request.app.state.map_page = MapPage(request.app.state.kb, atlas, STRINGS)
    return page


def _is_page(path: str) -> bool:
    for route in ROUTES:
        pattern = route["path"]
        if pattern == path or (pattern.endswith("/:query") and path.startswith(pattern[:-len(":query")])
                               and len(path) > len(pattern) - len(":query")):
            return True
    return False


@router.get("/vendor/{name}")
async def vendor(name: str) -> Response:
    path = vendor_path(name) if name in VENDOR else None
    if name not in VENDOR:
        raise Problem(404, "Not found", f"no vendored file {name!r}")
    if path is None:
        raise Problem(503, "Explorer not installed", f"{VENDOR[name]} is missing: run `npm ci` (make run does)")
    media = {".json": "application/json", ".css": "text/css"}.get(Path(name).suffix, "text/javascript")
    return FileResponse(path, media_type=media, headers={"Cache-Control": "public, max-age=86400"})


@router.get("/api/v1/docs", response_class=HTMLResponse)
async def api_docs() -> HTMLResponse:
    """The API reference, rendered from the OpenAPI document by Swagger UI served from this host."""
    return HTMLResponse((WEB / "docs.html").read_text(encoding="utf-8"), headers={"Cache-Control": "no-cache"})


@router.get("/country/{query}", response_class=HTMLResponse)
async def country_page(kb: KB, query: str) -> Response:
    """The shell; Japan's own page for Japan's names; a 404 status when no entity matches (the page
    itself shows suggestions)."""
    try:
        kb.entity_id(query)
    except IsJapan:
        return RedirectResponse("/japan", status_code=308)
    except UnknownEntity:
        return shell(404)
    return shell()


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, lang: str | None = None, year: str | None = None) -> HTMLResponse:
    """The map, written here for the year and language asked: the first view in one round trip."""
    language = "ja" if lang == "ja" else "en"
    title, main = map_page(request).render(language, year_asked(year))
    return shell(lang=language, title=title, main=main)


@router.get("/{path:path}", response_class=HTMLResponse)
async def page(request: Request, path: str) -> HTMLResponse:
    """Every explorer page is the shell; an unknown path is the explorer's own not-found page."""
    if request.url.path.startswith("/api/"):
        raise Problem(404, "Not found", f"no API resource at {request.url.path}")
    return shell(200 if _is_page(request.url.path) else 404)
