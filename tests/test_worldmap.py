"""The world map the server draws: the projection (against d3-geo itself), rings across the
antimeridian, the compact path data, and the map page written into the HTML of `/`."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gaiko.api import worldmap
from gaiko.api.routers.web import vendor_path
from gaiko.kb import KnowledgeBase

NODE_MODULES = Path(__file__).parent.parent / "node_modules"
ATLAS = vendor_path("countries-110m.json")
needs_atlas = pytest.mark.skipif(ATLAS is None, reason="world-atlas not installed (npm ci)")


def _points(d: str) -> list[list[tuple[float, float]]]:
    """Absolute points of each ring of path data written by worldmap.path_data (m, l, z)."""
    rings, x, y = [], 0.0, 0.0
    for command, numbers in re.findall(r"([mlz])([^mlz]*)", d):
        values = [float(v) for v in numbers.split()]
        if command == "m":
            x, y = x + values[0], y + values[1]
            rings.append([(x, y)])
        elif command == "l":
            cx, cy = x, y
            for dx, dy in zip(values[::2], values[1::2], strict=True):
                cx, cy = cx + dx, cy + dy
                rings[-1].append((cx, cy))
        # after z the pen is back at the ring's start: x, y unchanged
    return rings


@pytest.mark.skipif(shutil.which("node") is None or not (NODE_MODULES / "d3-geo").is_dir(),
                    reason="node and d3-geo needed")
def test_the_projection_is_d3_geos_natural_earth_fitted_to_the_map() -> None:
    points = [[lon, lat] for lon in range(-180, 181, 15) for lat in range(-90, 91, 10)]
    script = ('const d3 = require("d3-geo"); const p = d3.geoNaturalEarth1().fitSize([960, 500], {type: "Sphere"});'
              f"console.log(JSON.stringify({json.dumps(points)}.map((q) => p(q))));")
    expected = json.loads(subprocess.run(["node", "-e", script], cwd=NODE_MODULES.parent, capture_output=True,
                                         text=True, check=True, timeout=60).stdout)
    for (lon, lat), (x, y) in zip(points, expected, strict=True):
        px, py = worldmap.project(lon, lat)
        assert abs(px - x) < 1e-6 and abs(py - y) < 1e-6, (lon, lat)


def test_path_data_keeps_every_point_to_a_twentieth_of_a_pixel() -> None:
    rings = [[(10.04, 20.06), (30.5, 25.0), (12.0, 40.0), (10.04, 20.06)],
             [(500.0, 300.0), (510.25, 300.0), (505.0, 290.0)]]
    decoded = _points(worldmap.path_data(rings))
    assert len(decoded) == 2
    for ring, back in zip(rings, decoded, strict=True):
        unique = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
        assert len(back) == len(unique)
        for (x, y), (bx, by) in zip(unique, back, strict=True):
            assert abs(x - bx) <= 0.05 + 1e-9 and abs(y - by) <= 0.05 + 1e-9


def test_a_ring_across_the_antimeridian_is_cut_at_the_edge_of_the_map() -> None:
    # An island astride 180° (like Fiji's Taveuni): two rings, one on each side, closed at ±180.
    ring = [(179.0, -16.0), (-179.5, -16.0), (-179.5, -17.0), (179.0, -17.0), (179.0, -16.0)]
    pieces = worldmap._cut(ring)
    assert len(pieces) == 2
    for piece in pieces:
        east = [lon for lon, _ in piece if lon > 0]
        west = [lon for lon, _ in piece if lon < 0]
        assert not (east and west), piece  # each piece stays on one side
        assert sum(abs(lon) == 180 for lon, _ in piece) >= 2, piece  # and is closed along the edge
    # A ring around the South Pole (Antarctica) closes along the pole's line.
    polar = [(-180.0, -80.0), (-90.0, -75.0), (0.0, -70.0), (90.0, -75.0), (180.0, -80.0), (-180.0, -80.0)]
    (piece,) = worldmap._cut(polar)
    assert (180.0, -90.0) in piece and (-180.0, -90.0) in piece


@needs_atlas
def test_no_shape_draws_a_line_across_the_map() -> None:
    assert ATLAS is not None
    shapes = worldmap.load_shapes(ATLAS)
    assert len(shapes) == 177
    poles = {round(worldmap.project(0, 90)[1], 1), round(worldmap.project(0, -90)[1], 1)}
    for shape in shapes:
        for ring in _points(shape.d):
            for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
                along_a_pole = round(y0, 1) == round(y1, 1) and round(y0, 1) in poles  # a line in this projection
                assert abs(x1 - x0) < 200 or along_a_pole, (shape.name, (x0, y0), (x1, y1))
            for x, y in ring:
                assert -0.1 <= x <= worldmap.WIDTH + 0.1 and -0.1 <= y <= worldmap.HEIGHT + 0.1, shape.name
    by_name = {shape.name: shape for shape in shapes}
    # Anchors sit inside the country's main body: France in Europe, not in French Guiana.
    fx, fy = by_name["France"].anchor
    assert worldmap.project(-5, 51)[0] < fx < worldmap.project(8, 43)[0]
    assert worldmap.project(-5, 51)[1] < fy < worldmap.project(8, 43)[1]
    assert by_name["Russia"].area > by_name["Japan"].area > by_name["Luxembourg"].area


@pytest.fixture
def client(cold_client: TestClient) -> TestClient:
    return cold_client


def _items(html: str) -> dict[str, tuple[str, str]]:
    """data-id -> (class, aria-label) of every shape and marker of the map in a page."""
    found = {}
    for tag in re.findall(r"<(?:path|g) [^>]*data-id=[^>]*>", html):
        attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        found.setdefault(attributes["data-id"], (attributes.get("class", ""), attributes.get("aria-label", "")))
    return found


@needs_atlas
def test_the_home_page_carries_the_map_coloured_for_the_year(client: TestClient, kb: KnowledgeBase) -> None:
    page = client.get("/", params={"year": "1960"})
    assert page.status_code == 200
    assert 'data-as-of="1960-12-31"' in page.text and 'value="1960"' in page.text
    items = _items(page.text)
    # Every colour is the status the library gives for that day.
    for entity_id, (classes, label) in items.items():
        if entity_id == "JPN":
            continue
        status = kb.statuses_on(dt.date(1960, 12, 31)).get(entity_id, {"status": "unknown"})["status"]
        assert f"status-{status}" in classes.split(), entity_id
        assert label.startswith(kb.get(entity_id)["name_en"] + ": "), entity_id
    drawn = int(re.search(r'data-drawn="(\d+)"', page.text).group(1))
    assert drawn == len(items) - ("JPN" in items) and drawn > 0
    assert page.text.count('tabindex="0"') == 1  # the map is one stop in the tab order


@needs_atlas
def test_the_home_page_speaks_the_language_asked_and_ignores_a_bad_year(client: TestClient) -> None:
    japanese = client.get("/", params={"lang": "ja", "year": "1854"})
    assert '<html lang="ja">' in japanese.text and "日本と世界の外交関係" in japanese.text
    assert 'data-lang="ja" lang="ja" aria-pressed="true"' in japanese.text
    assert 'data-lang="en" lang="en" aria-pressed="false"' in japanese.text
    assert ">地図</a>" in japanese.text  # the navigation too, before any script runs
    assert 'href="/timeline?lang=ja" data-nav="/timeline"' in japanese.text  # and its links keep the language
    english = client.get("/")
    assert 'href="/timeline" data-nav="/timeline"' in english.text and '<html lang="en">' in english.text
    assert 'data-lang="en" lang="en" aria-pressed="true"' in english.text
    this_year = dt.datetime.now(dt.UTC).year
    for year in ("1066", "abc", str(this_year + 5)):
        page = client.get("/", params={"year": year})
        assert page.status_code == 200 and f'value="{this_year}"' in page.text, year


def test_the_inline_stylesheet_is_the_one_the_policy_allows(client: TestClient) -> None:
    page = client.get("/timeline")
    style = re.search(r"<style>(.*?)</style>", page.text, re.S)
    assert style is not None and "/static/app.css" not in page.text
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in page.headers["content-security-policy"]
    assert "<script>" not in page.text  # scripts stay external: script-src has no exception
