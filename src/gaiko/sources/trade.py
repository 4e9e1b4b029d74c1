"""Import Japan's dyadic trade (COW Trade v4.0, via peacesciencer) into data/evidence/cow_trade.csv."""

from __future__ import annotations

import csv
from pathlib import Path

from gaiko.sources import write_rows
from gaiko.sources.cowcodes import CowCodes

TRADE_CSV = "evidence/cow_trade.csv"
RAW_FILE = "peacesciencer/cow_trade_ndy_japan.csv"
COLUMNS = ["partner", "cow_code", "year", "japan_imports", "japan_exports"]
JAPAN = "740"


def import_trade(upstream: Path, data_dir: Path) -> tuple[int, list[int]]:
    """Write one row per partner-year; return rows written and COW codes without an entity.

    The file is non-directed (ccode1 < ccode2): flow1 is ccode1's imports from ccode2, flow2
    ccode2's imports from ccode1. Japan's exports are the partner's imports from Japan.
    """
    codes = CowCodes(data_dir)
    rows, skipped = [], set()
    with (upstream / RAW_FILE).open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            japan_first = r["ccode1"] == JAPAN
            other = int(r["ccode2"] if japan_first else r["ccode1"])
            year = int(r["year"])
            entity = codes.entity(other, year)
            if entity is None:
                skipped.add(other)
                continue
            imports, exports = (r["flow1"], r["flow2"]) if japan_first else (r["flow2"], r["flow1"])
            rows.append({"partner": entity, "cow_code": other, "year": year,
                         "japan_imports": imports, "japan_exports": exports})
    write_rows(data_dir / TRADE_CSV, COLUMNS, rows)
    return len(rows), sorted(skipped)
