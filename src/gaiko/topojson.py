"""TopoJSON (the format of world-atlas's Natural Earth files) read into plain rings, and the
planar area and centroid of a ring: what the map-point import and the server's map share."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

Point = tuple[float, float]


def decode_arcs(topology: Mapping[str, Any]) -> list[list[Point]]:
    """Absolute coordinates of every arc (TopoJSON arcs are quantized and delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: Iterable[int], arcs: list[list[Point]]) -> list[Point]:
    """A ring from its arcs (~i: arc i walked backwards; consecutive arcs share an end point)."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc[1:] if points else arc
    return points


def polygons(geometry: Mapping[str, Any], arcs: list[list[Point]]) -> list[list[list[Point]]]:
    """A Polygon or MultiPolygon geometry as polygons, each a list of rings (outer ring first)."""
    if geometry.get("type") == "Polygon":
        return [[ring(indexes, arcs) for indexes in geometry["arcs"]]]
    if geometry.get("type") == "MultiPolygon":
        return [[ring(indexes, arcs) for indexes in polygon] for polygon in geometry["arcs"]]
    return []


def planar(points: list[Point]) -> tuple[float, float, float]:
    """Area (unsigned) and area-weighted centroid (x, y) of a closed ring, by the shoelace
    formula; a degenerate ring's centroid is the mean of its points."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)
