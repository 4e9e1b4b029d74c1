"""Import Japan's rows of the COW Diplomatic Exchange data into data/evidence/.

Each row is mapped to a gaiko entity by the year-aware CowCodes.
"""

from __future__ import annotations

import csv
from pathlib import Path

from gaiko.datafiles import EXCHANGE_CSV, STATES_CSV
from gaiko.sources import write_rows
from gaiko.sources.cowcodes import CowCodes

RAW_FILE = "cow-diplomatic-exchange/diplomatic_exchange_2006v1_japan.csv"
COLUMNS = ["partner", "cow_code", "year", "level_partner_in_japan", "level_japan_in_partner", "exchange"]


def import_exchange(upstream: Path, data_dir: Path) -> tuple[int, list[int]]:
    """Write data/evidence/cow_diplomatic_exchange.csv; return rows written and codes skipped."""
    codes = CowCodes(data_dir)
    written, skipped = [], set()
    with (upstream / RAW_FILE).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code, year = int(row["ccode2"]), int(row["year"])
            entity = codes.entity(code, year)
            if entity is None:
                skipped.add(code)
                continue
            written.append({
                "partner": entity,
                "cow_code": code,
                "year": year,
                "level_partner_in_japan": row["DR_at_1"],
                "level_japan_in_partner": row["DR_at_2"],
                "exchange": "true" if row["DE"] == "1" else "false",
            })
    write_rows(data_dir / EXCHANGE_CSV, COLUMNS, written)
    return len(written), sorted(skipped)


STATES_FILE = "cow-state-system/statelist2024.csv"
STATE_COLUMNS = ["cow_code", "cow_abbrev", "name", "start", "end"]


def import_state_system(upstream: Path, data_dir: Path) -> int:
    """Write data/evidence/cow_state_system.csv (every spell, dates as ISO); return rows."""
    rows = []
    with (upstream / STATES_FILE).open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            start = f"{int(r['styear']):04d}-{int(r['stmonth']):02d}-{int(r['stday']):02d}"
            end = f"{int(r['endyear']):04d}-{int(r['endmonth']):02d}-{int(r['endday']):02d}"
            rows.append({"cow_code": r["ccode"], "cow_abbrev": r["stateabb"], "name": r["statenme"],
                         "start": start, "end": end})
    write_rows(data_dir / STATES_CSV, STATE_COLUMNS, rows)
    return len(rows)
