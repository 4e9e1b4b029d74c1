"""Which gaiko entity a COW state code means in a given year.

COW codes name states by period (365 is Russia and the USSR alike), so data/cow_code_map.csv
is consulted first, then the entities' own `cow_code`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import yaml

from gaiko.datafiles import ENTITIES_CSV, HISTORICAL_DIR, HISTORICAL_YAML

CODE_MAP_CSV = "cow_code_map.csv"


class CowCodes:
    """Map a COW code in a given year to a gaiko entity (period map first, then entities)."""

    def __init__(self, data_dir: Path) -> None:
        self.by_code: dict[int, str] = {}
        self.region: dict[str, str] = {}
        self.name: dict[str, str] = {}
        self.name_ja: dict[str, str] = {}
        with (data_dir / ENTITIES_CSV).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                self.region[row["id"]], self.name[row["id"]] = row["un_region"], row["name_en"]
                self.name_ja[row["id"]] = row["name_ja"]
                if row["cow_code"]:
                    self.by_code[int(row["cow_code"])] = row["id"]
        historical = [data_dir / HISTORICAL_YAML, *sorted((data_dir / HISTORICAL_DIR).glob("*.yaml"))]
        records = [r for path in historical if path.is_file()
                   for r in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
        for record in records:
            self.region[record["id"]] = record.get("un_region", "")
            self.name[record["id"]] = record["name_en"]
            self.name_ja[record["id"]] = record.get("name_ja") or ""
            if record.get("cow_code"):
                self.by_code.setdefault(int(record["cow_code"]), record["id"])
        with (data_dir / CODE_MAP_CSV).open(encoding="utf-8", newline="") as handle:
            self.periods = [(int(r["cow_code"]), int(r["first_year"]), int(r["last_year"]), r["entity"])
                            for r in csv.DictReader(handle)]

    def entity(self, code: int, year: int) -> str | None:
        for c, first, last, entity in self.periods:
            if c == code and first <= year <= last:
                return entity
        return self.by_code.get(code)

    def region_of(self, ids: list[str]) -> str:
        regions = {self.region[i] for i in ids if self.region.get(i)}
        return regions.pop() if len(regions) == 1 else "Global"
