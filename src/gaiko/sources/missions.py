"""Import Japan's missions abroad and the missions in Japan into data/missions.csv.

From the database-of-embassies Wikidata export (2022-11-16), whose date is each row's as-of.
Country labels are matched to entities by exact name first, then by country_converter.
"""

from __future__ import annotations

import csv
import logging
from pathlib import Path

from gaiko.datafiles import ENTITIES_CSV, LIST_SEPARATOR
from gaiko.sources import write_rows
from gaiko.vocab import JAPAN_ID

MISSIONS_CSV = "missions.csv"
SNAPSHOT = "2022-11-16"
COLUMNS = ["id", "operator", "host", "type", "city", "lat", "lon", "website", "inception", "as_of"]


def _entity_names(data_dir: Path) -> dict[str, str]:
    names = {"Japan": JAPAN_ID}
    with (data_dir / ENTITIES_CSV).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for name in [row["name_en"], row["official_name_en"], *row["aliases_en"].split(LIST_SEPARATOR)]:
                if name:
                    names.setdefault(name, row["id"])
    return names


def import_missions(upstream: Path, data_dir: Path) -> tuple[int, list[str]]:
    """Write data/missions.csv; return rows written and the labels no entity matched."""
    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    converter = coco.CountryConverter()
    names = _entity_names(data_dir)
    known = set(names.values())

    def resolve(label: str) -> str | None:
        if label in names:
            return names[label]
        code = converter.convert(label, to="ISO3", not_found=None)
        return code if isinstance(code, str) and (code in known or code == JAPAN_ID) else None

    rows: list[dict[str, str]] = []
    unmatched: set[str] = set()
    with (upstream / "database-of-embassies" / "japan_missions.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter=";"):
            operator, host = resolve(r["operator"]), resolve(r["country"])
            if operator is None or host is None:
                unmatched.update(x for x, v in ((r["operator"], operator), (r["country"], host)) if v is None)
                continue
            rows.append({
                "id": r["QID"].rsplit("/", 1)[-1],
                "operator": operator,
                "host": host,
                "type": r["type"],
                "city": r["city"],
                "lat": r["latitude"],
                "lon": r["longitude"],
                "website": r["website"],
                "inception": r["creation"][:10] if r["creation"] else "",
                "as_of": SNAPSHOT,
            })
    rows.sort(key=lambda row: (row["operator"], row["host"], row["id"]))
    write_rows(data_dir / MISSIONS_CSV, COLUMNS, rows)
    return len(rows), sorted(unmatched)
