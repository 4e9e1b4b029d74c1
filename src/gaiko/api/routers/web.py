"""The explorer: its HTML shell for every page, its static files, and the vendored libraries.

The libraries come from node_modules (installed from package-lock.json by `npm ci`), served
under /vendor/ from a fixed list, so the page never asks another host for anything.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from fastapi import APIRouter, Request
from starlette.responses import FileResponse, HTMLResponse, Response

from gaiko.api.problems import Problem
from gaiko.api.routers.entities import kb_of

router = APIRouter(include_in_schema=False)

WEB = Path(str(resources.files("gaiko") / "web"))
NODE_MODULES = Path(os.environ.get("GAIKO_NODE_MODULES", Path(__file__).resolve().parents[4] / "node_modules"))
VENDOR = {
    "d3-array.min.js": "d3-array/dist/d3-array.min.js",
    "d3-geo.min.js": "d3-geo/dist/d3-geo.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
}
STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}
PAGES = ("/", "/timeline", "/disputes", "/figures", "/audit", "/search", "/sources")


def _shell(status: int = 200) -> HTMLResponse:
    html = (WEB / "index.html").read_text(encoding="utf-8")
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-cache"})


for page in PAGES:
    router.add_api_route(page, lambda: _shell(), methods=["GET"], response_class=HTMLResponse)


@router.get("/country/{query}", response_class=HTMLResponse)
async def country_page(request: Request, query: str) -> HTMLResponse:
    """The shell; a 404 status when no entity matches (the page itself shows suggestions)."""
    return _shell(200 if kb_of(request).get(query) else 404)


@router.get("/static/{name}")
async def static(name: str) -> Response:
    path = WEB / name
    if "/" in name or path.suffix not in STATIC_TYPES or not path.is_file():
        raise Problem(404, "Not found", f"no static file {name!r}")
    return FileResponse(path, media_type=STATIC_TYPES[path.suffix], headers={"Cache-Control": "no-cache"})


@router.get("/vendor/{name}")
async def vendor(name: str) -> Response:
    if name not in VENDOR:
        raise Problem(404, "Not found", f"no vendored file {name!r}")
    path = NODE_MODULES / VENDOR[name]
    if not path.is_file():
        raise Problem(503, "Explorer not installed", f"{path} is missing: run `npm ci` (make run does)")
    media = "application/json" if name.endswith(".json") else "text/javascript"
    return FileResponse(path, media_type=media, headers={"Cache-Control": "public, max-age=86400"})
