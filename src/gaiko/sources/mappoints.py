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
from gaiko.topojson import decode_arcs, planar, ring

POINTS_CSV = "evidence/map_points.csv"
ATLAS = "world-atlas/countries-50m.json"
CAPITALS = "peacesciencer/cow_capitals.csv"
COLUMNS = ["entity", "lat", "lon", "basis", "locator"]
# Shapes that carry no ISO numeric id in Natural Earth, matched by their name instead.
BY_NAME = {"Kosovo": "XKX"}


def _area_and_centroid(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Planar area and centroid (lon, lat); a ring cut at the antimeridian is made continuous first."""
    lons = [x for x, _ in points]
    if max(lons) - min(lons) > 180:
        points = [(x + 360 if x < 0 else x, y) for x, y in points]
    area, lon, lat = planar(points)
    return area, (lon + 180) % 360 - 180, lat


def centroids(topology: dict[str, Any]) -> dict[str, tuple[float, float, str]]:
    """(lat, lon, name) of the largest polygon of each shape, keyed by id (or name if none)."""
    arcs = decode_arcs(topology)
    out = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        best = max((_area_and_centroid(ring(polygon[0], arcs)) for polygon in polygons if polygon),
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
