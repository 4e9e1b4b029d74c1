"""The world map's shapes, drawn on the server: Natural Earth's 1:110m countries (the world-atlas
file the explorer serves) in the Natural Earth projection, each shape tied to its entity.

Drawn once per process. The explorer's first view carries this SVG in its HTML, coloured for the
year asked, so the map shows before any script or data document arrives (one round trip on a
slow network); the browser then only recolours it from /api/v1/status-history.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gaiko import topojson

WIDTH, HEIGHT = 960, 500
JAPAN_NUMERIC = "392"
TINY_AREA = 12.0  # px² at full size: a smaller shape also gets a marker, to be seen and pressed

Point = topojson.Point


def _natural_earth1(lam: float, phi: float) -> Point:
    """The Natural Earth projection (Šavrič, Patterson, Jenny, Jenny 2011), radians to the unit
    plane, y up: the polynomial d3-geo's geoNaturalEarth1 uses."""
    phi2 = phi * phi
    phi4 = phi2 * phi2
    return (lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))),
            phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))))


# Fitted like d3's fitSize([WIDTH, HEIGHT], sphere): the globe's outline touches the frame.
_HALF_X = _natural_earth1(math.pi, 0)[0]
_HALF_Y = _natural_earth1(0, math.pi / 2)[1]
SCALE = min(WIDTH / (2 * _HALF_X), HEIGHT / (2 * _HALF_Y))


def project(lon: float, lat: float) -> Point:
    """Longitude and latitude in degrees to the map's pixels (y down)."""
    x, y = _natural_earth1(math.radians(lon), math.radians(lat))
    return WIDTH / 2 + SCALE * x, HEIGHT / 2 - SCALE * y


@dataclass(frozen=True)
class Shape:
    numeric: str | None  # ISO 3166-1 numeric code, as world-atlas gives it
    name: str  # Natural Earth's name
    d: str  # SVG path data in map pixels
    area: float  # px² at full size
    anchor: Point  # the centre of its largest polygon (France's is in France, not the Atlantic)


# -- Rings that cross the antimeridian (Fiji, Chukotka, Wrangel Island, Antarctica)


def _edge(side: float, lat_from: float, lat_to: float) -> list[Point]:
    """Points along the map's edge (longitude ±180) between two latitudes, a degree apart:
    the edge is a curve in this projection."""
    steps = max(1, math.ceil(abs(lat_to - lat_from)))
    return [(side, lat_from + (lat_to - lat_from) * k / steps) for k in range(steps + 1)]


def _cut(ring: list[Point]) -> list[list[Point]]:
    """A ring as one or more rings that stay on one side of the antimeridian, closed along the
    map's edge; a ring around a pole (Antarctica) closes along the pole's line."""
    pieces: list[list[Point]] = [[ring[0]]]
    for (lon0, lat0), (lon1, lat1) in zip(ring, ring[1:], strict=False):
        if abs(lon1 - lon0) <= 180:
            pieces[-1].append((lon1, lat1))
            continue
        side0, side1 = math.copysign(180, lon0), math.copysign(180, lon1)
        if abs(lon0) == 180:
            lat = lat0
        elif abs(lon1) == 180:
            lat = lat1
        else:  # where the segment meets the antimeridian, in unwrapped longitude
            lon1_unwrapped = lon1 + 360 if lon0 > 0 else lon1 - 360
            lat = lat0 + (lat1 - lat0) * (side0 - lon0) / (lon1_unwrapped - lon0)
        pieces[-1].append((side0, lat))
        pieces.append([(side1, lat), (lon1, lat1)])
    if len(pieces) == 1:
        return pieces
    crossings = len(pieces) - 1
    pieces[0] = pieces.pop() + pieces[0][1:]  # the ring's start is inside its last piece
    if crossings % 2:  # one crossing: the ring goes round a pole
        (piece,) = pieces
        (end_lon, end_lat), (start_lon, start_lat) = piece[-1], piece[0]
        pole = math.copysign(90, end_lat)
        return [piece + _edge(end_lon, end_lat, pole) + _edge(start_lon, pole, start_lat)]
    return [piece + _edge(piece[-1][0], piece[-1][1], piece[0][1]) for piece in pieces]


# -- Pixels


def _number(tenths: int) -> str:
    """A coordinate in tenths of a pixel, written short: 12, 1.5, -.5."""
    if tenths % 10 == 0:
        return str(tenths // 10)
    text = f"{tenths / 10:.1f}"
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def path_data(rings: Iterable[list[Point]]) -> str:
    """SVG path data of rings in pixels: relative moves to a tenth of a pixel (a third of the
    bytes of absolute ones), each ring closed."""
    parts = []
    x0 = y0 = 0
    for ring in rings:
        tenths = [(round(x * 10), round(y * 10)) for x, y in ring]
        steps = []
        px, py = tenths[0]
        for x, y in tenths[1:]:
            if (x, y) != (px, py):
                steps.append(f"{_number(x - px)} {_number(y - py)}")
                px, py = x, y
        if len(steps) < 2:
            continue
        start = tenths[0]
        parts.append(f"m{_number(start[0] - x0)} {_number(start[1] - y0)}l{' '.join(steps)}z")
        x0, y0 = start  # after z the pen is back at the ring's start
    return "".join(parts)


def sphere_path() -> str:
    """The globe's outline: the sea."""
    east = [project(180, lat) for lat in range(90, -91, -1)]
    west = [project(-180, lat) for lat in range(-90, 91)]
    return path_data([east + west])


def load_shapes(atlas: Path) -> list[Shape]:
    """Every country shape of a world-atlas TopoJSON file, projected."""
    topology = json.loads(atlas.read_text(encoding="utf-8"))
    arcs = topojson.decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings_px: list[list[Point]] = []
        best_area, anchor = -1.0, (0.0, 0.0)
        total = 0.0
        for polygon in topojson.polygons(geometry, arcs):
            for index, ring in enumerate(polygon):
                for part in _cut(ring):
                    pixels = [project(lon, lat) for lon, lat in part]
                    rings_px.append(pixels)
                    if index == 0:  # the outer ring; the others are holes
                        area, x, y = topojson.planar(pixels)
                        total += area
                        if area > best_area:
                            best_area, anchor = area, (x, y)
        d = path_data(rings_px)
        if d:
            shapes.append(Shape(geometry.get("id"), geometry.get("properties", {}).get("name", ""), d, total, anchor))
    return shapes
