"""Marker positions for the map: a point inside each country's largest polygon.

Small states vanish at world scale (the Holy See, Niue, the Cook Islands …), so the explorer
draws them as markers. The point is the area-weighted centroid of the largest polygon of the
country's shape in Natural Earth 1:50m (world-atlas `countries-50m.json`), matched by ISO
numeric code, or by name for shapes without one (Kosovo). A state too small for the 1:50m
file (Tuvalu) gets its capital's position from COW's capitals (via peacesciencer) instead.
Run by `gaiko import map-points`.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from gaiko.datafiles import ENTITIES_CSV
from gaiko.sources import write_rows

POINTS_CSV = "evidence/map_points.csv"
ATLAS = "world-atlas/countries-50m.json"
CAPITALS = "peacesciencer/cow_capitals.csv"
COLUMNS = ["entity", "lat", "lon", "basis", "locator"]
# Shapes that carry no ISO numeric id in Natural Earth, matched by their name instead.
BY_NAME = {"Kosovo": "XKX"}


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat coordinates of every arc (TopoJSON arcs are quantized and delta-encoded)."""
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


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc[1:] if points else arc
    return points


def _area_and_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Planar area and centroid (lon, lat); a ring cut at the antimeridian is made continuous first."""
    lons = [x for x, _ in ring]
    if max(lons) - min(lons) > 180:
        ring = [(x + 360 if x < 0 else x, y) for x, y in ring]
    area, lon, lat = _planar(ring)
    return area, (lon + 180) % 360 - 180, lat


def _planar(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def centroids(topology: dict[str, Any]) -> dict[str, tuple[float, float, str]]:
    """(lat, lon, name) of the largest polygon of each shape, keyed by id (or name if none)."""
    arcs = _decode_arcs(topology)
    out = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        best = max((_area_and_centroid(_ring(polygon[0], arcs)) for polygon in polygons if polygon),
                   default=None)
        if best is None:
            continue
        name = geometry["properties"]["name"]
        out[geometry.get("id") or name] = (round(best[2], 4), round(best[1], 4), name)
    return out


def _capitals(upstream: Path) -> dict[str, tuple[float, float, str]]:
    """The latest capital of each COW state: (lat, lon, name) by COW code."""
    latest: dict[str, tuple[str, float, float, str]] = {}
    with (upstream / CAPITALS).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["ccode"] not in latest or row["stdate"] > latest[row["ccode"]][0]:
                latest[row["ccode"]] = (row["stdate"], round(float(row["lat"]), 4), round(float(row["lng"]), 4),
                                        row["capital"])
    return {code: (lat, lon, name) for code, (_, lat, lon, name) in latest.items()}


def import_map_points(upstream: Path, data_dir: Path) -> tuple[int, list[str]]:
    """Write data/evidence/map_points.csv; return rows written and entities without a shape."""
    topology = json.loads((upstream / ATLAS).read_text(encoding="utf-8"))
    points = centroids(topology)
    rows, missing = [], []
    with (data_dir / ENTITIES_CSV).open(encoding="utf-8", newline="") as handle:
        entities = list(csv.DictReader(handle))
    by_entity = {entity: key for key, entity in BY_NAME.items()}
    capitals = _capitals(upstream)
    for entity in entities:
        key = by_entity.get(entity["id"], entity["iso_numeric"])
        if key in points:
            lat, lon, name = points[key]
            rows.append({"entity": entity["id"], "lat": lat, "lon": lon, "basis": "natural-earth-50m",
                         "locator": f"countries-50m.json id={key} ({name}), largest polygon's centroid"})
        elif entity["cow_code"] in capitals:
            lat, lon, capital = capitals[entity["cow_code"]]
            rows.append({"entity": entity["id"], "lat": lat, "lon": lon, "basis": "cow-capitals",
                         "locator": f"cow_capitals.csv ccode={entity['cow_code']} ({capital})"})
        else:
            missing.append(entity["id"])
    write_rows(data_dir / POINTS_CSV, COLUMNS, rows)
    return len(rows), missing
